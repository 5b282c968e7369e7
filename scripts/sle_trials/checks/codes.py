"""The one registry of problem codes.

Every problem the tool reports carries one of these codes. The README's error-code table and the
failing fixtures under tests/fixtures/invalid/ are checked against this table by the tests, so a
code cannot be added, renamed or dropped without both following. The module named for each code is
where its check lives.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    module: str
    summary: str


_TABLE = [
    # load.py: the file as text and as YAML, before any meaning is given to it
    Code("E001", "unreadable-file", "checks/load", "the file cannot be read (missing, a directory, permission)"),
    Code("E002", "invalid-utf8", "checks/load", "the file is not valid UTF-8"),
    Code("E003", "nul-byte", "checks/load", "the file contains a NUL byte"),
    Code("E004", "file-too-large", "checks/load", "the file is larger than 1 MiB"),
    Code("E005", "tab-character", "checks/load", "a tab character (indentation or value); use spaces"),
    Code("E006", "merge-conflict", "checks/load", "an unresolved merge conflict marker"),
    Code("E007", "yaml-syntax", "checks/load", "the YAML cannot be parsed"),
    Code("E008", "empty-file", "checks/load", "the file holds no document"),
    Code("E009", "multiple-documents", "checks/load", "more than one YAML document in the file"),
    Code("E010", "anchor-or-alias", "checks/load", "a YAML anchor (&) or alias (*)"),
    Code("E011", "merge-key", "checks/load", "a YAML merge key (<<)"),
    Code("E012", "explicit-tag", "checks/load", "an explicit YAML tag (!, !!str, !!python/...)"),
    Code("E013", "top-not-mapping", "checks/load", "the document is not a mapping of field names"),
    Code("E014", "duplicate-key", "checks/load", "the same key twice in one mapping"),
    Code("E015", "too-deep", "checks/load", "nesting deeper than any record needs"),
    Code("E016", "byte-order-mark", "checks/load", "a UTF-8 byte-order mark at the start of the file"),
    Code("E017", "crlf-line-end", "checks/load", "CRLF (Windows) or CR line ends; use LF"),
    Code("E018", "non-text-key", "checks/load", "a key that is not text (a number, null, a list)"),
    Code("E019", "non-finite-number", "checks/load", "a number that is infinite or not a number (.inf, .nan)"),
    Code("E020", "invisible-character", "checks/load", "a control, bidirectional or zero-width character"),
    Code("E021", "integer-too-large", "checks/load", "a whole number beyond 2^53 - 1, which spreadsheets and JSON readers round"),
    Code("E022", "yaml-directive", "checks/load", "a %YAML or %TAG directive line; trial files are plain YAML 1.2"),
    # rules.py: one record, beyond what the schema can say
    Code("E101", "file-name-mismatch", "checks/rules", "the file name is not the record's nct_id"),
    Code("E102", "malformed-nct-id", "checks/schema", "an NCT id that is not NCT followed by 8 ASCII digits"),
    Code("E103", "impossible-date", "checks/rules", "a date that does not exist in the calendar (2023-02-30)"),
    Code("E104", "age-range-inverted", "checks/rules", "minimum age above maximum age"),
    Code("E105", "dates-out-of-order", "checks/rules", "dates out of order (start after completion, ...)"),
    Code("E106", "duplicate-criterion", "checks/rules", "the same criterion (text or number) twice in one list"),
    Code("E107", "cohort-overlap", "checks/rules", "cohorts whose patient ranges overlap, or a range that runs backwards"),
    Code("E108", "missing-source", "checks/rules", "a cited source file does not exist under seeds/, or is not a plain file"),
    Code("E109", "unknown-criterion", "checks/rules", "a threshold points at a criterion number the list does not have"),
    Code("E110", "unknown-intervention", "checks/rules", "an arm names an intervention the record does not list"),
    # schema.py: the JSON Schema (schema/trial.schema.json)
    Code("E201", "missing-field", "checks/schema", "a required field is missing"),
    Code("E202", "unknown-field", "checks/schema", "a field the schema does not define (a typo?)"),
    Code("E203", "wrong-type", "checks/schema", "a value of the wrong type (text for a number, ...)"),
    Code("E204", "value-not-allowed", "checks/schema", "a value outside the allowed vocabulary"),
    Code("E205", "bad-format", "checks/schema", "a value that does not have the required form (a date, a path)"),
    Code("E206", "out-of-range", "checks/schema", "a number, text or list too small or too large"),
    Code("E207", "duplicate-item", "checks/schema", "the same item twice in a list that must not repeat"),
    Code("E208", "schema-violation", "checks/schema", "any other schema rule, e.g. an empty block (dates: {})"),
    # refs.py: across records
    Code("E301", "unknown-related-trial", "checks/refs", "a related trial has no record under trials/"),
    Code("E302", "self-reference", "checks/refs", "a record lists itself as related"),
    Code("E303", "duplicate-reference", "checks/refs", "the same related trial twice in one record"),
    Code("E304", "related-title-mismatch", "checks/refs", "the title given to a related trial is not that trial's title"),
    Code("E305", "duplicate-nct-id", "checks/refs", "two files claim the same nct_id"),
    Code("E306", "uncited-source", "checks/refs", "a document under seeds/ that no record cites"),
    Code("E307", "source-not-as-received", "checks/sources", "a document under seeds/ unlisted in, or different from, seeds/SHA256SUMS, badly named or not a plain file, or a line of the manifest that is not `<sha256>  <name>`"),
    # evidence.py, binding.py, completeness.py: every value traceable to the words of its source
    Code("E501", "text-not-in-source", "checks/evidence", "verbatim text that does not occur in the cited source"),
    Code("E502", "quote-not-in-source", "checks/evidence", "an evidence quote that does not occur in the cited source"),
    Code("E503", "evidence-for-unknown-field", "checks/evidence", "evidence for a field the record does not have"),
    Code("E504", "criterion-number-not-in-source", "checks/evidence", "a criterion number the source does not give that criterion"),
    Code("E505", "value-not-in-quote", "checks/binding", "a number, date or text that its evidence quote does not write"),
    Code("E506", "silent-field-present", "checks/evidence", "a field declared silent or not yet curated that the record fills, no such field, or one that does not apply"),
    Code("E507", "term-not-stated", "checks/binding", "a status, phase, sex, yes/no or other vocabulary value its quote does not render, or renders with another"),
    Code("E508", "quantity-not-stated", "checks/binding", "a threshold, age, dose or count whose comparator, value, unit, basis or kind its quote does not state together"),
    Code("E509", "date-under-other-label", "checks/binding", "a date its quote gives under another label, or an unlabelled date out of the quote's order"),
    Code("E510", "reading-without-note", "checks/binding", "a reading beyond the quote's words (within as <, a flat dose, an unlabelled date) with no curation note"),
    Code("E511", "criteria-not-whole", "checks/completeness", "a complete record's criteria list that is not its source's: an item dropped, cut short, moved or renumbered"),
    Code("E512", "text-out-of-place", "checks/evidence", "text or a quote found in the source only away from where it states that field, or only part of a whole value"),
    Code("E513", "threshold-not-in-criterion", "checks/binding", "a threshold whose quote, measure or condition is not in the criterion it names"),
    Code("E514", "source-gap-undeclared", "checks/completeness", "a source list whose numbering shows lost items, not declared under curation.incomplete"),
    Code("E515", "nct-id-not-in-source", "checks/evidence", "a record whose nct_id no cited source names"),
    Code("E516", "curation-not-what-sources-are", "checks/evidence", "a source's kind that is not its document's, or a stub citing this trial's own record"),
    Code("E517", "value-without-evidence", "checks/evidence", "a structured value of a record marked complete with no evidence quote"),
    # export.py: the committed generated files (trials.csv, and datapackage.json written with it)
    Code("E401", "stale-csv", "outputs/export", "trials.csv or datapackage.json is not what the records generate"),
]

CODES: dict[str, Code] = {c.code: c for c in _TABLE}
