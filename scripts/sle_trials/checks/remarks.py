"""A record's curation remarks (its notes and incomplete entries) held to the record and its sources: each is on a
field of the schema and an item the record holds, and an incomplete entry on no field declared silent (E503); the
words a remark sets in double quotes are its sources' (check_remark_quotes), and a fact it states in its own words (a
date, a quantity with its unit, an age and its bound, a count of people, a dose, a score, a code it says the record
holds) is one a cited
source writes, where a numbered criterion it names writes it, or the record holds, and a cell dose it gives a cohort
it names is the dose the record holds for that cohort (E501).

The evidence stage runs these before and beside the checks of values (evidence.stages).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from sle_trials import fields
from sle_trials.checks import comment_lines, remark_quotes
from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading import criteria_text
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import (
    age_bounds,
    date_mentions,
    dosing,
    head_counts,
    note_cohorts,
    note_items,
    note_numbers,
    note_spellings,
    quantities,
    stated_limits,
)


class Remark(NamedTuple):
    kind: str  # "notes" or "incomplete"
    i: int  # its place in that list
    text: str
    field: str  # the field it is on, as written ("" where it names none)


def remarks_of(record: Record) -> Iterator[Remark]:
    """Each curation note and incomplete entry that has a text, in the record's order: what every check of a
    remark's words reads (a remark of no text is E503's or the schema's)."""
    for kind in ("notes", "incomplete"):
        for i, entry in enumerate(record.data["curation"].get(kind, [])):
            text = entry.get("text")
            if isinstance(text, str):
                yield Remark(kind, i, text, str(entry.get("field", "")))


def said_by_remarks(record: Record, code: str, claims: Callable[[str], Iterable[str]], rule: str) -> Iterator[Problem]:
    """A problem of code for each claim a remark's text makes that it may not (claims: the words that say what it
    states and why it may not, "names 'Beijing', which no cited source writes"), placed at the remark, rule saying
    what a remark may state. The check that reads the claims names its code (checks.table finds it there)."""
    return said_by_remarks_on(record, code, lambda remark: claims(remark.text), rule)


def remark_problem(record: Record, kind: str, i: int, code: str, message: str) -> Problem:
    """A problem of code placed at the text of the remark curation.KIND.I, its message (what the remark states and
    the rule it breaks) led by that field, as every reader of remarks words it."""
    return record.problem(("curation", kind, i, "text"), code, f"curation.{kind}.{i}.text {message}")


def said_by_remarks_on(
    record: Record, code: str, claims: Callable[[Remark], Iterable[str]], rule: str
) -> Iterator[Problem]:
    """said_by_remarks, for claims read of a remark with the field it is on (a dose's basis on "arms.0.cohorts.1" is
    said of that cohort)."""
    for remark in remarks_of(record):
        for claim in claims(remark):
            yield remark_problem(record, remark.kind, remark.i, code, f"{claim}: {rule}")


def said_by_comments(
    record: Record, schema: dict, code: str, claims: Callable[[str], Iterable[str]], rule: str
) -> Iterator[Problem]:
    """A problem of code for each claim a comment of the record's file makes that it may not, as a remark's
    (said_by_remarks): the comments that are remarks on the trial (comment_lines.remarks), each placed at its "#"."""
    for comment, text in comment_lines.remarks(record.comments, schema):
        for claim in claims(text):
            yield Problem(record.path, comment.line, comment.column, code, f"the comment {claim}: {rule}")


def check_remarks(record: Record, schema: dict) -> Iterator[Problem]:
    """E503: a curation note or incomplete entry whose field is no field of the schema, or names an item
    of a list the record does not hold ("locations.1.facility" of a record with one site). Each passed:
    a remark meant for a field stood under another or under none, and the field it explains (IM19's
    facility spelled as its source spells it) was left without it, while an evidence key so misnamed
    was refused. A remark on a field the record lacks (an enrollment the source does not give) is one.

    An incomplete entry on a field declared silent, or under one, is refused too: incomplete says the
    sources state the field in part and the record holds that part, silent that they state none of it.
    Relma-cel's note on its enrollment ("The source gives no enrollment count") moved under
    curation.incomplete, or an entry "The source lists only some of them." on IM19's outcomes or on
    Relma-cel's arms, passed, and told readers of a part the source states and the record left out."""
    known = fields.known_names(schema)
    silent = record.data["curation"].get("silent", [])
    for kind in ("notes", "incomplete"):
        for i, entry in enumerate(record.data["curation"].get(kind, [])):
            name = entry.get("field")
            if not isinstance(name, str):
                continue
            path = fields.parse_dotted(name)
            where = ("curation", kind, i, "field")
            if ".".join(p for p in path if isinstance(p, str)) not in known:
                yield record.problem(where, "E503", f"curation.{kind}.{i}.field: {name} is no field of a record")
            elif (lacked := _item_lacked(record.data, path)) is not None:
                yield record.problem(
                    where,
                    "E503",
                    f"curation.{kind}.{i}.field: {name} names item {lacked}, which the record does not hold",
                )
            elif kind == "incomplete" and fields.covered(silent, ".".join(p for p in path if isinstance(p, str))):
                yield record.problem(
                    where,
                    "E503",
                    f"curation.incomplete.{i}.field: {name} is declared silent (its sources state none of it), but "
                    "an incomplete entry says they state part of it: remove one of them",
                )


# A code of the schema's vocabulary a remark says the record holds: "recorded as PHASE1", "entered as
# RECRUITING", "coded as PHASE1 and PHASE2"
_RECORDED_CODES = lazy(
    r"(?i:recorded|entered|written|coded|set|kept|given|stored|rendered|normali[sz]ed|read)\s+as\s+"
    r"((?-i:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?:\s*(?:,|/|\band\b|\bor\b)\s*(?-i:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*))*)\b"
)
_CODE = lazy(r"(?<![\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\w-])")
# (a code the note says is not recorded: "it is not recorded as EARLY_PHASE1", "rather than read as PHASE2")
_DENIED = lazy(r"(?i)(?:\bnot|\bnever|n't|\brather\s+than|\binstead\s+of)\s+(?:(?:be|been)\s+)?\Z")


def check_remark_codes(record: Record, schema: dict) -> Iterator[Problem]:
    """E501: a code of the schema's vocabulary a curation note says the record holds ("recorded as PHASE1") that
    the record does not hold at the note's field (or anywhere, where the field holds none). Relma-cel's note "The
    source's summary says "early phase (Phase I)"; recorded as PHASE1." rewritten to "recorded as PHASE2" passed
    beside the record's [PHASE1]: a note's codes were read by nothing (mutation hunt 206). Not a code the note
    says is not recorded ("it is not recorded as EARLY_PHASE1"), nor one of no vocabulary the field's values are
    of that the record holds elsewhere (a phases note's "Its status is recorded as RECRUITING"): each was refused
    (review 206)."""
    vocabularies = fields.vocabularies(schema)
    codes = frozenset().union(*vocabularies)
    everywhere = set(strings(record.data))
    for kind, i, text, field in remarks_of(record):
        found, value = fields.get(record.data, fields.parse_dotted(field))
        held = set(strings(value if found else record.data))
        unquoted = _unquoted(text)
        said = [(m, _CODE.findall(m.group(1))) for m in _RECORDED_CODES.finditer(unquoted)]
        said += [(m, _phases_named(m)) for m in _RECORDED_PHASES.finditer(unquoted)]
        for m, named in said:
            if _DENIED.search(unquoted, max(0, m.start() - 30), m.start()):
                continue
            for code in named:
                of_the_field = any(code in v and v & held for v in vocabularies)
                if code in codes and code not in held and (of_the_field or code not in everywhere):
                    message = (
                        f"says {code} is recorded, which the record does not hold at "
                        f"{field}: a remark states of the record only what it holds"
                    )
                    yield remark_problem(record, kind, i, "E501", message)


# A phase a remark says the record holds, in words: "recorded as phase 2", "kept as Phase 1/2", "read as an early
# phase 1 trial", not as the code, "PHASE2", which _RECORDED_CODES reads (Relma-cel's "recorded as PHASE1" rewritten
# to "recorded as phase 2" passed, hunt 208)
_PHASE_NUMBER = r"(?:[1-4]|iv|i{1,3})(?![\w-])"
_RECORDED_PHASES = lazy(
    r"(?i)\b(?:recorded|entered|written|coded|set|kept|given|stored|rendered|normali[sz]ed|read)\s+as\s+"
    rf"(?:an?\s+)?(?P<early>early\s+)?(?!(?-i:PHASE)\d)phase[\s-]*(?P<first>{_PHASE_NUMBER})(?:\s*(?:/|and|or|-)\s*"
    rf"(?:phase[\s-]*)?(?P<second>{_PHASE_NUMBER}))?"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _phases_named(m: re.Match[str]) -> list[str]:
    """The phases' codes a match of _RECORDED_PHASES names ("early phase 1": EARLY_PHASE1; "phase 1/2": PHASE1,
    PHASE2)."""
    out = []
    for number in (m.group("first"), m.group("second")):
        if number:
            n = int(number) if number.isdigit() else _ROMAN[number.lower()]
            out.append(f"PHASE{n}")
    if m.group("early") and out == ["PHASE1"]:
        return ["EARLY_PHASE1"]
    return out


def strings(value: Any) -> Iterator[str]:
    """Every string value held in value, at any depth."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


# A run of words a remark sets in double quotes: straight or curly, on one line of its text or over several.
QUOTED = lazy(r'"([^"]+)"|\u201c([^\u201c\u201d]+)\u201d')
# The words before a quoted run that make it the record's own writing, not the source's ("... is recorded
# as "< 8 weeks""), and a letter standing for any number in a pattern of the source's words ("within N weeks").
_OWN_WRITING = lazy(r"(?i)\b(?:recorded|entered|written|rendered|normalised|normalized) as\s*$")
_PLACEHOLDER = lazy(r"\bN\b")
# an escape a repr of the importer's writes for a character it cannot show ("\n", "\u00a0"): not the source's text
_REPR_ESCAPE = lazy(r"\\(?:[ntrx]|u[0-9a-fA-F]{4})")


# the words joining a quoted run to the quotation before it, which the same criteria are said to write: 'Exclusion
# criterion 4 writes "prior to screening" before "after enrollment"' (a note so made of criterion 9 passed, the second
# run held to no criterion, honest hunt 218); not "or", which says either ('as criterion 4 does, says "within N weeks"
# or "within N months"')
_QUOTE_JOINT = lazy(r"(?i)\s*(?:,|,?[ \t]+(?:and|then|and[ \t]+then|before|after|followed[ \t]+by))?[ \t]*")


def check_remark_quotes(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: words a curation note or incomplete entry sets in double quotes as its sources' that no
    cited source has. A remark's quotation says what the source writes ("The source gives the dose
    for patients 4 to 6 as "1×10^8 CAR-T cells""), and nothing read it: helper-16's mutation hunt
    gave IM19's and Relma-cel's notes "1×10^8 cells", "1x10^8 CAR-T cells", "1×10⁸ CAR-T cells" or
    "prednisone ⩾100 within 8 weeks prior to screening mg/d", each a quotation of words the source
    does not write, and they passed. A quotation is compared as an evidence quote is (normalised, or
    as the source writes it, for its markdown escapes). The record's own writing is not held to
    them: a run after "recorded as" ("is recorded as "< 8 weeks""), a pattern of the source's words
    with N for its number ("within N weeks"), a repr's escape an import wrote."""
    yield from _kept_as_written(record)
    docs = [doc for doc in sources.docs if doc.unread is None]
    if not docs:
        return
    eligibility = record.data.get("eligibility") or {}
    lists = {
        name: [c for c in eligibility.get(f"{name}_criteria") or [] if isinstance(c, dict)]
        for name in ("inclusion", "exclusion")
    }
    for kind, i, text, field in remarks_of(record):
        held_from, last = 0, -1  # (where the quotation a run is joined to opens, and where the last one ended)
        for match in QUOTED.finditer(text):
            run = match.group(1) or match.group(2)
            if last < 0 or not _QUOTE_JOINT.fullmatch(text, last, match.start()):
                held_from = match.start()
            last = match.end()
            for criterion, denied in remark_quotes.criteria_not_writing(text[:held_from], run, field, lists):
                message = (
                    f"says criterion {criterion} does not write {run!r}, which it does"
                    if denied
                    else f"says criterion {criterion} writes {run!r}, which it does not"
                )
                yield remark_problem(record, kind, i, "E501", message)
            held = _a_limits_field(record, text, match, run)
            if held is not None:
                if not held[1]:
                    message = (
                        f"says the record holds {run!r} as a threshold's {held[0]}, which no threshold it says it of "
                        "holds: a remark quotes the record's values as it holds them"
                    )
                    yield remark_problem(record, kind, i, "E501", message)
                continue
            lacked = remark_quotes.denied_in_sources(text, match.start(), match.end())
            if lacked is not None:
                # (a run the remark says its sources lack is no quotation of theirs; where it denies they write the
                # words, none may: hunt 226)
                if lacked == "words" and normalise(run).strip() and remark_quotes.quoted_from(run, docs):
                    message = (
                        f"says its sources do not write {run!r}, which they do: a remark denies its sources "
                        "write only what they do not"
                    )
                    yield remark_problem(record, kind, i, "E501", message)
                continue
            if (
                _OWN_WRITING.search(text[: match.start()])
                or _PLACEHOLDER.search(run)
                or _REPR_ESCAPE.search(run)
                or not normalise(run).strip()
            ):
                continue
            if remark_quotes.quoted_from(run, docs):
                times = remark_quotes.times_misstated(text, match.end(), run, docs)
                if times is not None:
                    message = (
                        f"says its sources write {run!r} {times[0]} time(s), which they write {times[1]} time(s): a "
                        "remark says how often its sources write a run only as often as they do"
                    )
                    yield remark_problem(record, kind, i, "E501", message)
                continue
            message = (
                f"quotes {run!r}, which no cited source writes: quote the source's "
                "own words, or say it in your own without quotation marks"
            )
            yield remark_problem(record, kind, i, "E501", message)


# a run quoted as a field of the record's thresholds, its own writing: 'recorded with the comparator ">="', 'its
# comparator ">="', 'entered with the unit "mg/day"' (IM19's '"≥ 40 kg" is recorded with the comparator ">=".' was
# refused as quoting '>=' no source writes, honest hunt 218's leftover). A comparator is the record's alone; a unit,
# measure or kind only after a verb of recording, the source writing them too
_FIELD_SAID = lazy(
    r"(?i)(?:\b(?:recorded|entered|stored|held|kept|coded)[ \t]+(?:with|under|as)[ \t]+(?:the|a|an|its)[ \t]+"
    r"(?P<field>comparator|unit|measure|kind)|\b(?:the|its|a|with)[ \t]+(?P<comparator>comparator)(?:[ \t]+(?:is|of))?)"
    r"[ \t]*\Z"
)


def _a_limits_field(record: Record, text: str, match: re.Match[str], run: str) -> tuple[str, bool] | None:
    """The field a run is quoted as of the record's thresholds (_FIELD_SAID) and whether it is that field's value in
    one of the thresholds its sentence says it of (those whose evidence writes each run the sentence quotes before
    it, or every one); None where it is quoted as no such field."""
    said = _FIELD_SAID.search(text, max(0, match.start() - 60), match.start())
    eligibility = record.data.get("eligibility")
    thresholds = eligibility.get("thresholds") if isinstance(eligibility, dict) else None
    if said is None or not isinstance(thresholds, list):
        return None
    field = (said.group("field") or "comparator").lower()
    evidence = record.data.get("evidence")
    evidence = evidence if isinstance(evidence, dict) else {}
    sentence = text[max((m.end() for m in _SENTENCE_END.finditer(text, 0, match.start())), default=0) : match.start()]
    quoted = [m.group(1) or m.group(2) for m in QUOTED.finditer(sentence)]
    theirs = [
        t
        for k, t in enumerate(thresholds)
        if isinstance(t, dict)
        and all(_words(q) in _words(str(evidence.get(f"eligibility.thresholds.{k}"))) for q in quoted)
    ]
    return field, any(_words(str(t.get(field, ""))) == _words(run) for t in theirs)


def _words(text: str) -> str:
    return " ".join(normalise(text).split())


# The words after a quoted run, in its sentence, that say the record keeps it at the remark's field: "The source
# spells the facility "Peking Universitiy Third Hospital"; kept as written.", "The source's escapes ("2\)") are kept."
_KEPT_AS_WRITTEN = lazy(
    r"(?i)[^.!?\n]*?\b(?:(?:kept|recorded|left|held|entered)[ \t]+(?:as[ \t]+(?:written|is|given|spelled|spelt)|"
    r"verbatim|unchanged)\b|(?:is|are|was|were)[ \t]+(?:kept|retained|preserved|recorded)[ \t]*(?=[.;]|\Z))"
)

# (the clause of the words saying so, where it opens with a subject of its own that denies any is kept: IM19's
# 'The "Other Intervention Names" section is empty, so no other names are recorded.' was refused as saying the record
# keeps the section's heading, honest hunt 218)
_KEEPING_CLAUSE_BREAK = lazy(r"(?i)[,;:()]|\b(?:so|and|but|thus|hence|therefore|while|whereas)\b")
_DENYING_SUBJECT = lazy(r"(?i)[ \t]*(?:no|nothing|none|neither)\b")


def _said_kept(text: str, end: int) -> bool:
    """Whether the words after a quoted run ending at end say the record keeps it (_KEPT_AS_WRITTEN), in a clause
    whose subject denies nothing."""
    m = _KEPT_AS_WRITTEN.match(text, end)
    if m is None:
        return False
    clause = _KEEPING_CLAUSE_BREAK.split(text[end : m.end()])[-1]
    return not _DENYING_SUBJECT.match(clause)


# ... and the words that say it does not keep it so, before another quoted run: "...; corrected.", "The source's
# escapes ("\>") are removed."
# (IM19's "kept as written" rewritten to "corrected" passed beside its facility holding the source's spelling, hunt 212)
_NOT_KEPT = lazy(
    r"(?i)[^.!?\n\"\u201c]*?(?<!\bnot[ \t])(?<!\bnever[ \t])\b"
    r"(?:corrected|fixed|normali[sz]ed|amended|re-?spel(?:led|t)|removed|dropped|stripped|"
    r"left[ \t]+out)\b"
)


def _kept_as_written(record: Record) -> Iterator[Problem]:
    """E501: a run a remark quotes and says the record keeps as written ("... "Q"; kept as written") that the value at
    its field does not hold. IM19's note on its site's facility "The source spells the facility "Peking Universitiy
    Third Hospital"; kept as written." given the sponsor's spelling, which its source writes too, passed: a quote was
    held to its sources only, not to the value it says the record keeps (mutation hunt 211). A remark on a field the
    record holds no text at is not read, but where it holds nothing at all: Relma-cel's 'Its "0 patients applied"
    ... is not recorded.' made "is recorded." passed beside its enrollment, which it does not hold (hunt 219)."""
    for kind, i, text, field in remarks_of(record):
        found, value = fields.get(record.data, fields.parse_dotted(field))
        held = [" ".join(normalise(v).split()) for v in (*strings(value), *_items_joined(value))] if found else []
        if not held:
            if not found or value is None:
                yield from _kept_of_nothing(record, kind, i, text, field)
            continue
        # (as written, for a run said to be dropped: normalise() reads a markdown escape's "\>" as ">")
        written = [" ".join(v.split()) for v in strings(value)]
        for match in QUOTED.finditer(text):
            run = " ".join(normalise(match.group(1) or match.group(2)).split())
            if _said_kept(text, match.end()) and not any(run in v for v in held):
                message = (
                    f"says the record keeps {run!r} as written, which its {field} does not "
                    "hold: a remark says the record keeps only what it holds"
                )
                yield remark_problem(record, kind, i, "E501", message)
            elif _NOT_KEPT.match(text, match.end()) and any(_as_quoted(match) in v for v in written):
                message = (
                    f"says the record corrects or drops {run!r}, which its {field} holds as "
                    "written: a remark says the record changes only what it does not hold"
                )
                yield remark_problem(record, kind, i, "E501", message)


def _items_joined(value: Any) -> Iterator[str]:
    """The string values of each mapping held in value, at any depth, joined in their order by a comma: a place its
    source writes on one line and the record keeps in its fields ("Shanghai, China": Relma-cel's city and country;
    'The location is given as "Shanghai, China"; kept as written.' was refused, honest hunt 218)."""
    if isinstance(value, dict):
        own = [item for item in value.values() if isinstance(item, str)]
        if len(own) > 1:
            yield ", ".join(own)
        for item in value.values():
            yield from _items_joined(item)
    elif isinstance(value, list):
        for item in value:
            yield from _items_joined(item)


def _kept_of_nothing(record: Record, kind: str, i: int, text: str, field: str) -> Iterator[Problem]:
    """E501: each run a remark quotes and says the record keeps, on a field the record holds nothing at."""
    for match in QUOTED.finditer(text):
        if _said_kept(text, match.end()):
            run = " ".join(normalise(match.group(1) or match.group(2)).split())
            message = (
                f"says the record keeps {run!r}, which it holds nothing at its {field} for: a remark says the record "
                "keeps only what it holds"
            )
            yield remark_problem(record, kind, i, "E501", message)


def _as_quoted(match: re.Match[str]) -> str:
    """A quoted run as the remark writes it, its spacing aside."""
    return " ".join((match.group(1) or match.group(2)).split())


def check_remark_facts(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: a date, a quantity (a number with its unit), a count of participants or a range of patients a
    curation note or incomplete entry states in its own words, outside the runs it quotes (check_remark_quotes
    reads those), that no cited source writes and the record does not hold. A remark is published beside the
    values it explains, and nothing read its facts: mutation hunt 200 rewrote IM19's notes to "Exclusion
    criterion 8's window of 12 months" (the source's is 6), its unlabelled dates to "(2024-07-31,
    2027-12-31)", its second cohort to "patients 4 to 7", and Relma-cel's "floor of 7.5 mg/day" to "floor of
    10 mg/day", and each passed. A fact a remark states is one its sources write (as a quote of them is read:
    date_mentions.dates, statements, count_spans, patient_ranges), or one the record holds, as the curator's
    reading explained ("read as prednisone ≥ 100 mg/d": the threshold the record gives). A dose written as a
    power of ten, a score and a count a verb enrols with no word for people are such facts too (note_numbers):
    "a flat dose of 1×10^9 CAR-T cells", "a SLEDAI-2K score of 12", "the trial enrols 12" passed (hunt 206). So is
    an age limit with its bound (age_bounds.ages): "The upper age is 18 years" of a record whose minimum is 18
    passed (hunt 207). A quantity's bound, where the note states one ("> 100 mg/d", "a ceiling of 7.5 mg/day"),
    is the bound its match states, if that states one (Limit), and a value quoted after "recorded as" is read as the
    record's (_said): "read as prednisone > 100 mg/d" and "is recorded as "<= 8 weeks"" of a record's and a
    source's ≥ 100 mg/d and < 8 weeks passed (hunt 208)."""
    yield from _facts_of_other_criteria(record)
    yield from _facts_said_only_of(record)
    yield from _criteria_past_the_last(record)
    yield from _items_of_other_criteria(record)
    yield from _doses_of_other_cohorts(record)
    said = unwritten_facts(record, sources, [text for _, _, text, _ in remarks_of(record)])
    for (kind, i, text, field), facts in zip(remarks_of(record), said, strict=True):
        lengths = _lengths_of_criteria_named(record, text, field) if facts else []
        sizes = _sizes_of_cohorts_named(record, text) if facts else set()
        for fact in facts:
            if fact in lengths:
                continue  # (the one length of a criterion its sentence names, in another unit)
            if fact.kind == "participants" and fact.value in sizes:
                continue  # (the size of a cohort the record holds, said after naming it)
            message = (
                f"states {fact.shown}, {sources.unwritten()} and the record does not hold: a "
                "remark states only what its sources say (quote them, or leave the fact out)"
            )
            yield remark_problem(record, kind, i, "E501", message)


def unwritten_facts(record: Record, sources: Sources, texts: list[str]) -> list[list[Fact]]:
    """For each of texts (a remark's or a comment's on the record), the facts it states that no cited source writes
    (of this trial: Sources.text_of) and the record does not hold (check_remark_facts)."""
    docs = [doc for doc in sources.docs if doc.unread is None]
    stated = [_facts(_curators_dates_blanked(_said(normalise(text)))) for text in texts]
    held = _held_facts(record.data)  # (read first: what the sources write is read only past them)
    # (an age's bound is judged where the record holds an age at that bound: the importer's note on a bound it left
    # to the curator quotes the criterion's ages, which a whole registry study's text may read otherwise)
    bounds = {h[0] for h in held if h[0].startswith("age ")}
    stated = [[f for f in said if not f.kind.startswith("age ") or f.kind in bounds] for said in stated]
    left = [[f for f in said if not any(_same_fact(f, h) for h in held)] for said in stated]
    if any(left):
        left = [_complements_said(normalise(text), said, record.data) for text, said in zip(texts, left, strict=True)]
    if not docs or not any(left):
        return [[] for _ in texts]
    # (only the kinds of fact the texts state are read in the sources: a fact matches one of its own
    # kind only, and reading a 12 KB study for every kind cost a benchmark record a third more, where
    # its importer's notes state only dates)
    kinds = frozenset(_read_as(fact) for said in left for fact in said)
    # (a stub's source is the page of another trial: its dates, doses and counts are that trial's, and what it writes
    # of this one is its listing alone: hunt 209's stub note "The trial started on 2024-07-30", IM19's start, passed)
    written = [fact for doc in docs for fact in _facts(sources.text_of(doc), kinds, written=True)]
    return [[fact for fact in said if not any(_same_fact(fact, other) for other in written)] for said in left]


# A limit a note states as its complement, with the words of the list whose patients it names: "Those below 40 kg are
# excluded" of IM19's inclusion "Weight ≥ 40 kg", "The CD4+ count must not be below 200/mm³" of its exclusion "CD4+ T
# lymphocytes <200/mm³" (each refused, E501, as a limit no source writes: hunt 211). A sentence saying patients are
# kept out takes an inclusion limit's complement; one saying what they must have, an exclusion limit's.
_KEPT_OUT = lazy(r"(?i)\b(?:exclud\w*|ineligible|not\s+eligible|disqualif\w*|kept\s+out|cannot\s+enrol\w*)\b")
_LET_IN = lazy(r"(?i)\b(?:must|requires?|required|needs?|needed|eligible|may\s+enrol\w*|allowed)\b")
_SENTENCES = lazy(r"(?<=[.;!?])\s+|\n")


def _complements_said(text: str, said: list[Fact], data: dict) -> list[Fact]:
    """The facts said (text's, none the record holds as it is) but those a sentence of text states as the complement
    of one of the record's thresholds, in the words of its list's other side (_KEPT_OUT, _LET_IN)."""
    thresholds = data.get("eligibility", {}).get("thresholds") if isinstance(data.get("eligibility"), dict) else None
    if not said or not isinstance(thresholds, list):
        return said
    complements: dict[str, list[Fact]] = {"INCLUSION": [], "EXCLUSION": []}
    for t in thresholds:
        if not isinstance(t, dict) or t.get("comparator") not in quantities.COMPLEMENT:
            continue
        named = quantities.unit_named(normalise(t["unit"])) if isinstance(t.get("unit"), str) else None
        side = t.get("criterion", {}).get("list") if isinstance(t.get("criterion"), dict) else None
        if named is not None and side in complements and isinstance(t.get("value"), int | float):
            limit = Limit(float(t["value"]), frozenset({quantities.COMPLEMENT[t["comparator"]]}))
            complements[side].append(Fact(f"quantity {named.key}", limit, ""))
            if named.key == "points":  # (and a score's, as note_numbers.scores reads one: "SLEDAI-2K under 10")
                complements[side].append(Fact("score", limit, ""))
    accepted: set[Fact] = set()
    for sentence in _SENTENCES.split(text):
        side = "INCLUSION" if _KEPT_OUT.search(sentence) else "EXCLUSION" if _LET_IN.search(sentence) else None
        if side is None or not complements[side]:
            continue
        for fact in _facts(sentence, frozenset({"quantity", "score"})):
            if any(_same_fact(fact, other) for other in complements[side]):
                accepted.add(fact)
    return [fact for fact in said if fact not in accepted]


# The words before a date that make it the date of the curator's own work on the record, no fact of the trial: "#
# Curated on 2025-12-01", "Last reviewed: 2025-12-01", "Source checked 2025-12-01", "Re-curated in December 2025"
# (each refused, E501, as a date no source writes: hunt 210). The verb opens its clause, or follows the record, its
# file, entry or source (what the curator checked), and nothing but "again", "by the curator" or "on"/"in" stands
# between it and the date: "The trial was reviewed on ...", "reviewed by the ethics committee on ..." and "the
# source was updated on ..." (its own date, a fact) are read as before. So is the verb's object or the curator as its
# subject: "Checked against the page on 2025-12-01", "A curator checked this on ..." (refused, hunt 211).
_CURATORS_DATE = lazy(
    r"(?i)(?:^|[.;:!?(\n]\s*|\b(?:the\s+|this\s+)?(?:record|file|entry|source|sources|curation)(?:['’]s)?\s+"
    r"(?:(?:was|were|has\s+been|have\s+been)\s+)?|(?:^|[.;:!?(\n]\s*)(?:a|the|its)\s+(?:second\s+)?curators?\s+"
    r"(?:(?:has|have)\s+)?)(?:last\s+)?(?:re-?curated|curated|reviewed|checked|verified)"
    r"(?:\s+(?:this|it|(?:against\s+)?(?:the|this|its)\s+(?:page|source|sources|record|entry|file)))?"
    r"(?:\s+again)?(?:\s+by\s+(?:the\s+|a\s+)?(?:second\s+)?curators?)?(?:\s+(?:on|in))?\s*:?\s*\Z"
)


def _curators_dates_blanked(text: str) -> str:
    """text with each date of the curator's own work (_CURATORS_DATE before it) blanked: a date the record's
    keeping gives, which no source writes and no field holds."""
    spans = [(d.start, d.end) for d in date_mentions.dates(text)]
    spans += [(start, end) for _, start, end in date_mentions.numeric_dates(text)]
    for start, end in sorted(spans, reverse=True):
        if _CURATORS_DATE.search(text, max(0, start - 80), start):
            text = text[:start] + " " * (end - start) + text[end:]
    return text


# A criterion a remark names by its number: "Exclusion criterion 8's window", "inclusion criteria 4 and 5",
# "criterion 4" (of the list the note's field is, or of either), or a range of them ("inclusion criteria 2 to 9",
# "criteria 3-6": read as its first only, a fact of a later one was refused, review 206), its number marked or not
# ("criterion no. 4", "criterion #4": criteria_text.NUMBER_MARK)
_CRITERIA_NAMED = lazy(
    r"(?i)\b(?:(?P<list>inclusion|exclusion)\s+)?criteri(?:on|a)\s+"
    + criteria_text.NUMBER_MARK
    + r"(?P<numbers>\d+(?:\s*(?:,|and|or|&|to|through|-|\u2013)\s*\d+)*)\b"
)
_NUMBERS_RANGE = lazy(r"(?i)(\d+)\s*(?:to|through|-|\u2013)\s*(\d+)|(\d+)")
# (not after the abbreviation of a number's mark: "criterion no. 8's window" is one sentence; nor after a lettered
# item's mark: "abnormalities a. to e.")
_NO_END = r"(?<!\b[Nn]o\.)(?<!\b[Nn]os\.)(?<!\b[Nn]r\.)(?<!\b[Nn]rs\.)(?<!\b[a-h]\.)"
_SENTENCE_END = lazy(rf"(?<=[.;!?]){_NO_END}\s+|\n")


_WINDOW = lazy(r"(?i)\bwindows?\b")
_WITHIN = frozenset({"<", "<="})


def _windowed(sentence: str, theirs: list[Fact]) -> list[Fact]:
    """The criteria's facts a sentence's bare length may be: where it says "window", the lengths written "within"
    ("< 8 weeks") and no length with another bound (Relma-cel's criterion 1 writes "within 8 weeks" and a therapy's
    "≥14 days": its true "window is 56 days" was refused, two lengths giving none, hunt 214's leftover)."""
    if not _WINDOW.search(sentence):
        return theirs
    return [fact for fact in theirs if not isinstance(fact.value, Limit) or fact.value.comparators <= _WITHIN]


def _a_length(fact: Fact) -> bool:
    """Whether fact is a length of time with no bound or a window's ("< 8 weeks")."""
    unit = _WHOLE_MULTIPLES.get(fact.kind.removeprefix("quantity ")) if fact.kind.startswith("quantity ") else None
    return (
        unit is not None
        and unit[0] in ("time", "months")
        and isinstance(fact.value, Limit)
        and fact.value.comparators <= _WITHIN
    )


def _the_one_length(fact: Fact, theirs: list[Fact]) -> bool:
    """Whether fact, a length of time a remark states with no bound, is in another unit the one length the criteria
    its sentence names write (theirs): IM19's "Exclusion criterion 2's window is 168 days" of its one "within the past
    24 weeks" was refused (E501), a bare length in another unit matching nothing (hunt 211: anywhere, a bare "2
    weeks" matched Relma-cel's garbled criterion 1's "≥14 days" of another thing, which writes 8 weeks too, mutation
    hunt 206). A criterion writing two lengths gives none."""
    if not isinstance(fact.value, Limit) or fact.value.comparators:
        return False
    ours = _WHOLE_MULTIPLES.get(fact.kind.removeprefix("quantity ")) if fact.kind.startswith("quantity ") else None
    if ours is None or ours[0] != "time":
        return False
    lengths = {
        (unit[0], round(other.value.value * unit[1], 6))
        for other in theirs
        if other.kind.startswith("quantity ") and isinstance(other.value, Limit)
        if (unit := _WHOLE_MULTIPLES.get(other.kind.removeprefix("quantity "))) is not None
        if unit[0] in ("time", "months")  # (a length in months too: "criteria 2 and 8" write two lengths)
    }
    if len(lengths) != 1:
        return False
    measure, minutes = next(iter(lengths))
    return measure == "time" and quantities.same_number(fact.value.value * ours[1], minutes)


def _lengths_of_criteria_named(record: Record, text: str, field: str) -> list[Fact]:
    """The facts of text (a remark's on field) each the one length of the criteria its sentence names
    (_the_one_length)."""
    eligibility = record.data.get("eligibility")
    if not isinstance(eligibility, dict):
        return []
    out = []
    for sentence in _SENTENCE_END.split(_said(normalise(text))):
        items = [
            eligibility[f"{ref['list'].lower()}_criteria"][k]
            for ref in _criteria_refs(sentence, field)
            for k in fields.criteria_named(eligibility, ref)[:1]
        ]
        said = _facts(sentence, frozenset({"quantity"})) if items else []
        theirs = [fact for item in items for piece in fields.criterion_texts(item) for fact in _facts(normalise(piece))]
        out += [fact for fact in said if _the_one_length(fact, _windowed(sentence, theirs))]
    return out


def _facts_of_other_criteria(record: Record) -> Iterator[Problem]:
    """E501: a fact a remark's sentence states of a criterion it names by number that the criterion's text does
    not write and no value the record reads from it holds. A remark's facts were matched anywhere in the sources:
    IM19's "Exclusion criterion 8's window of 6 months" rewritten to "of 24 weeks" (the window of its criteria 2
    and 4) passed, as did Relma-cel's "Inclusion criterion 4's floor of 7.5 mg/day" given to criterion 5
    (mutation hunt 206). A criterion the record does not hold is not judged here ("criterion 1 is missing")."""
    eligibility = record.data.get("eligibility") or {}
    for (kind, i, _, field), sentence, _ in sentences_naming_criteria(record):
        for piece, items in _pieces_of_criteria(eligibility, sentence, field):
            said = _facts(piece, _OF_A_CRITERION)
            # (a number named of either list is one criterion named, not two: "Criterion 2 gives a minimum age of 18
            # years" states its age twice, as an age and as a length)
            if (
                len(items) > 1
                and len(said) < len(items)
                and (_EACH_OF_THEM.search(piece) or _plural_of_one(said, piece))
            ):
                # (a fact said of each of the criteria named, "share", "each", "both": every one writes it; IM19's
                # "Exclusion criteria 8, 9 and 11 share a window of 6 months" passed, held to any of them, hunt 223)
                for item in items:
                    yield from _unwritten_of(record, eligibility, kind, i, piece, [item], said)
                continue
            if len(items) < 2 or len(said) != len({ref["number"] for ref, _ in items}) or len(said) != len(items):
                yield from _unwritten_of(record, eligibility, kind, i, piece, items, said)
                continue
            # (as many facts as criteria named: each is its own criterion's, in their order, "respectively" said or
            # not: Relma-cel's "The windows of exclusion criteria 1 and 6 are 56 days and 14 days" passed, 14 days
            # being criterion 1's therapy's, hunt 217's leftover)
            for item, fact in zip(items, said, strict=True):
                yield from _unwritten_of(record, eligibility, kind, i, piece, [item], [fact])


# a criterion said to be the only one of its list writing a fact: "Only exclusion criterion 12 writes a window of 6
# months", "Exclusion criterion 9 alone writes ...", "... is the only criterion with ..." (IM19's, its criteria 8 and 9
# writing 6 months too, passed, hunt 223: what a note says no other criterion writes was read by nothing)
_ONLY_BEFORE = lazy(r"(?i)(?<![\w-])only[ \t]+(?:the[ \t]+)?\Z")
_ONLY_AFTER = lazy(
    r"(?i)\A(?:['\u2019]s)?[ \t]+(?:alone|(?:is|was)[ \t]+the[ \t]+only[ \t]+(?:one|criterion)|only)(?![\w-])"
)


def _facts_said_only_of(record: Record) -> Iterator[Problem]:
    """E501: a fact a remark's sentence says only one criterion of its list writes (_ONLY_BEFORE, _ONLY_AFTER) that
    another criterion of that list writes too."""
    eligibility = record.data.get("eligibility") or {}
    for (kind, i, _, field), sentence, _ in sentences_naming_criteria(record):
        for piece, items in _pieces_of_criteria(eligibility, sentence, field):
            if len(items) != 1:
                continue
            m = next((m for m in _CRITERIA_NAMED.finditer(piece)), None)
            if m is None or not (_ONLY_BEFORE.search(piece, 0, m.start()) or _ONLY_AFTER.match(piece[m.end() :])):
                continue
            ref, item = items[0]
            said = [fact for fact in _facts(piece[m.end() :], _OF_A_CRITERION) if fact.kind.startswith("quantity")]
            kinds = frozenset(_read_as(fact) for fact in said)
            for other in eligibility.get(f"{ref['list'].lower()}_criteria") or []:
                if other is item or not isinstance(other, dict) or not kinds:
                    continue
                theirs = [f for text in fields.criterion_texts(other) for f in _facts(normalise(text), kinds)]
                for fact in said:
                    if any(_same_fact(fact, f) for f in theirs):
                        message = (
                            f"says only {fields.criterion_name(ref)} writes {fact.shown}, which criterion "
                            f"{other.get('number')} of its list writes too: a remark states of a criterion only what "
                            "it says"
                        )
                        yield remark_problem(record, kind, i, "E501", message)


_EACH_OF_THEM = lazy(r"(?i)(?<![\w-])(?:each|every|both|all|share[sd]?|sharing|alike|in[ \t]+common)(?![\w-])")
# ... or one fact said in the plural of what it is, of criteria named together: IM19's "Exclusion criteria 3 and 4 have
# windows of 24 weeks" passed (its criterion 3 has none), held to any of them (hunt 223's leftover)
_PLURAL_NOUN = lazy(
    r"(?i)(?<![\w-])(?:windows|limits|lengths|periods|durations|thresholds|floors|ceilings|caps|bounds|cut-?offs)"
    r"(?![\w-])"
)


def _plural_of_one(said: list[Fact], piece: str) -> bool:
    """Whether piece (of a remark's sentence naming several criteria) says its one fact in the plural of what it is:
    "windows of 24 weeks", "24-week windows", each criterion named then writing it."""
    return len(said) == 1 and _PLURAL_NOUN.search(piece) is not None


def _unwritten_of(
    record: Record, eligibility: dict, kind: str, i: int, piece: str, items: list[tuple[dict, dict]], said: list[Fact]
) -> Iterator[Problem]:
    """E501: each fact said that a piece of a remark's sentence states of the criteria it names (items) that they
    do not write and no value read from them holds (_facts_of_other_criteria)."""
    kinds = frozenset(_read_as(fact) for fact in said)  # (the criterion read for those kinds only)
    theirs = [
        fact
        for _, item in items
        for piece_of in fields.criterion_texts(item)
        for fact in (_facts(normalise(piece_of), kinds) if kinds else [])
    ] + _held_facts([e for v in eligibility.values() for e in _reads_from(v, [ref for ref, _ in items])])
    # (a length a clause calls the criterion's window is held to its windows alone: Relma-cel's "Exclusion criterion
    # 1's window is 14 days" passed, the criterion writing a therapy's "≥14 days" beside its "within 8 weeks", hunt 217)
    windows = {fact for clause in _CLAUSES.split(piece) if _WINDOW.search(clause) for fact in _facts(clause, kinds)}
    measured = _lengths_measured(piece, kinds, _reads_from(eligibility.get("thresholds"), [ref for ref, _ in items]))
    for fact in said:
        held_to = _windowed(piece, theirs) if fact in windows and _a_length(fact) else theirs
        if measured.get(fact) and not any(_same_fact(fact, other) for other in measured[fact]):
            held_to = measured[fact]
            if not _the_one_length(fact, held_to):
                names = ", ".join(fields.criterion_name(ref) for ref, _ in items)
                message = (
                    f"states {fact.shown} of what {names} measures by the words its clause names, which holds "
                    "another length: a remark states of a criterion only what it says"
                )
                yield remark_problem(record, kind, i, "E501", message)
        elif not any(_same_fact(fact, other) for other in held_to) and not _the_one_length(
            fact, _windowed(piece, theirs)
        ):
            names = ", ".join(fields.criterion_name(ref) for ref, _ in items)
            as_window = " as a window" if held_to is not theirs else ""
            message = (
                f"states {fact.shown} of {names}, which that criterion does not "
                f"write{as_window} and no value read from it holds: a remark states of a criterion only what it says"
            )
            yield remark_problem(record, kind, i, "E501", message)


def _lengths_measured(piece: str, kinds: frozenset[str], thresholds: list[dict]) -> dict[Fact, list[Fact]]:
    """Each length of time a clause of piece states, with the lengths of the criteria's thresholds (theirs) whose
    measure the clause names by one of its words: Relma-cel's "Exclusion criterion 1's therapy lasts 8 weeks" passed,
    the criterion writing "within 8 weeks" of its prednisone and "≥14 days" of its glucocorticoid therapy (hunt 217's
    leftover). A length whose clause names no threshold's measure is left to the criterion's whole."""
    out: dict[Fact, list[Fact]] = {}
    lengths = [(t, facts) for t in thresholds if (facts := [f for f in _held_facts(t) if _a_time(f)])]
    for clause in _CLAUSES.split(_PAIRED.sub(r"\g<a> \g<verb> \g<x>; \g<b> \g<verb> \g<y>", piece)):
        words = {w.casefold() for w in _MEASURE_WORD.findall(clause)}
        named = [f for t, facts in lengths if words & _measure_words(t) for f in facts]
        # (of the thresholds of one measure, those of the kind the clause's verb says: "taken for 2 weeks" of
        # Relma-cel's corticosteroids taken for 8 weeks and kept stable for 2 passed, hunt 220's leftover)
        said = {kind for kind, verb in _LENGTH_KINDS.items() if verb.search(clause)}
        named = [
            f for t, facts in lengths if words & _measure_words(t) and t.get("kind") in said for f in facts
        ] or named
        for fact in _facts(clause, kinds) if named else []:
            if _a_time(fact):
                out[fact] = named
    return out


# the words that say which length of a measure's a clause gives: how long it is taken, or how long kept stable
_LENGTH_KINDS = {
    "STABLE_DOSE_DURATION": lazy(r"(?i)\b(?:stable|unchanged|steady|constant)\b"),
    "TREATMENT_DURATION": lazy(r"(?i)\b(?:taken|treated|received|receiving|used|given|lasts?|lasting)\b"),
}


def _measure_words(threshold: dict) -> set[str]:
    """The words of a threshold's measure that name what it measures: those before an event it is put on ("history of
    SLE" of "history of SLE prior to screening"), the event being many measures' and a note's "before screening"
    naming none (Relma-cel's true "sub-item 3 writes 8 weeks of treatment before screening" was refused, hunt 217)."""
    measure = threshold.get("measure")
    if not isinstance(measure, str):
        return set()
    return {w.casefold() for w in _MEASURE_WORD.findall(_ITS_EVENT.split(measure)[0])}


def _a_time(fact: Fact) -> bool:
    unit = _WHOLE_MULTIPLES.get(fact.kind.removeprefix("quantity ")) if fact.kind.startswith("quantity ") else None
    return unit is not None and unit[0] in ("time", "months")


# (two things named and as many facts said of them, each of its own in their order: Relma-cel's true "Exclusion
# criterion 1's window and therapy are 8 weeks and 14 days" was refused, "therapy are 8 weeks" read as one clause,
# hunt 217 (honest))
_PAIRED = lazy(
    r"(?i)(?P<a>[\w'-]+)[ \t]+and[ \t]+(?P<b>[\w'-]+(?:[ \t]+[\w'-]+)?)[ \t]+(?P<verb>are|were|last|run)[ \t]+"
    r"(?P<x>[^;,]+?)[ \t]+and[ \t]+(?P<y>[^;,]+?)(?=[ \t]*(?:[.;,]|respectively|$))"
)
# (a word of a threshold's measure a clause may name it by: five letters at least, "therapy", "prednisone")
_MEASURE_WORD = lazy(r"[A-Za-z]{5,}")
_ITS_EVENT = lazy(r"(?i)(?<![\w-])(?:prior[ \t]+to|before|after|following|within|during|since)(?![\w-])")


# (where a clause of a remark's sentence ends: a window said in one is not the length another gives)
_CLAUSES = lazy(r"[;,]\s+|\s+(?:and|but|while|whereas)\s+")
# (a criterion's mention, the list it names or not, and the words that hand the facts just before it to it: "the 14
# days of criterion 6")
_HANDED_ON = lazy(
    r"(?i)(?:[;,]|\b(?:and|but|while|whereas))(?P<handed>[^;,]*?\b(?:of|in|under|by|from|for)\s+(?:the\s+)?)\Z"
)


def _pieces_of_criteria(eligibility: dict, sentence: str, field: str) -> Iterator[tuple[str, list[tuple[dict, dict]]]]:
    """The pieces of a remark's sentence that name criteria, each with the criteria it names: a fact a sentence says
    of one criterion is held to that one, not to every one the sentence names. Relma-cel's "Exclusion criterion 1's
    window is 56 days and criterion 6's 14 days" passed, 14 days being criterion 1's therapy's (hunt 217). A piece
    runs from a mention of criteria to the next, but the words that hand their facts to the next ("..., and the 14
    days of criterion 6") and the text before the first (the first's too); a piece stating no fact joins the next
    ("Inclusion criterion 4 and exclusion criterion 1 give 7.5 mg/day and 100 mg/d": both)."""
    mentions = list(_CRITERIA_NAMED.finditer(sentence))
    cuts = [0]
    for before, after in zip(mentions, mentions[1:], strict=False):
        gap = sentence[before.end() : after.start()]
        handed = _HANDED_ON.search(gap)
        cuts.append(after.start() - len(handed.group("handed")) if handed else after.start())
    cuts.append(len(sentence))
    side, start = None, 0
    refs: list[dict[str, Any]] = []
    for k, m in enumerate(mentions):
        # (a mention naming no list is of the list the one before it in the sentence names: "Exclusion criterion 1's
        # ... and criterion 6's")
        side = m.group("list") or side
        refs += _criteria_refs(f"{side} {m.group()}" if side and not m.group("list") else m.group(), field)
        piece = sentence[cuts[k] : cuts[k + 1]]
        if k + 1 < len(mentions) and not _facts(piece, _OF_A_CRITERION):
            continue
        items = [
            (ref, eligibility[f"{ref['list'].lower()}_criteria"][n])
            for ref in refs
            for n in fields.criteria_named(eligibility, ref)[:1]
        ]
        if items:
            yield sentence[start : cuts[k + 1]], items
        refs, start = [], cuts[k + 1]


def sentences_naming_criteria(record: Record) -> Iterator[tuple[Remark, str, list[tuple[dict, dict]]]]:
    """Each sentence of each remark (its quotes' words set apart: _said) that names criteria the record holds by
    number, with each (its reference, the criterion: the first where sub-headings share the number)."""
    for remark, sentence, _, items in sentences_naming_criteria_quoting(record):
        yield remark, sentence, items


def sentences_naming_criteria_quoting(record: Record) -> Iterator[tuple[Remark, str, str, list[tuple[dict, dict]]]]:
    """Each sentence sentences_naming_criteria yields, with the same sentence as the remark writes it, its quotes
    whole (of the same length: a quote's words are blanked in place), for a reading of what it quotes (hunt 224: the
    order of two quotations a criterion is said to write was read by nothing, their words blanked)."""
    eligibility = record.data.get("eligibility")
    if not isinstance(eligibility, dict):
        return
    for remark in remarks_of(record):
        written = normalise(remark.text)
        said = _said(written)
        starts = [0, *(m.end() for m in _SENTENCE_END.finditer(said))]
        ends = [*(m.start() for m in _SENTENCE_END.finditer(said)), len(said)]
        for start, end in zip(starts, ends, strict=True):
            sentence = said[start:end]
            items = [
                (ref, eligibility[f"{ref['list'].lower()}_criteria"][k])
                for ref in _criteria_refs(sentence, remark.field)
                for k in fields.criteria_named(eligibility, ref)[:1]
            ]
            if items:
                yield remark, sentence, written[start:end], items


# the words denying a criterion right before it is named: Relma-cel's "Inclusion criterion 4's sub-items are numbered
# 1, 2 and 3; they are not criteria 5 to 7." was refused as naming a criterion past its list's last (honest hunt 218)
# ("Neither list has a criterion 14": a subject denied, the verb having the criterion)
_DENIED_BEFORE = lazy(
    r"(?i)(?:\b(?:not|no|nor|never|without)(?:[ \t]+(?:a|an|any|the))?|\b(?:neither|none)\b[^.;:,()]*?\b(?:has|have|"
    r"holds?|gives?|lists?|numbers?|includes?|contains?)(?:[ \t]+(?:a|an|any))?)[ \t]+\Z"
)


def _criteria_past_the_last(record: Record) -> Iterator[Problem]:
    """E501: a criterion a remark names by a number past the last its list numbers, in a complete record (which holds
    its sources' lists whole, E511, so its sources number no such criterion). IM19's "Exclusion criterion 8's window"
    rewritten to "criterion 80's", Relma-cel's "Inclusion criterion 4 is followed ..." to "criterion 40" passed: a
    criterion the record does not hold was judged by nothing (mutation hunt 210). One before the first ("criterion 1
    is missing from the page") and a sub-criterion ("sub-criterion 5") are not judged, nor an incomplete entry's
    (E514 refuses one naming a criterion past its list's last number as lost)."""
    eligibility = record.data.get("eligibility")
    if record.data["curation"].get("status") != "complete" or not isinstance(eligibility, dict):
        return
    last = {}
    for side in ("inclusion", "exclusion"):
        items = eligibility.get(f"{side}_criteria")
        numbers = [c["number"] for c in items or [] if isinstance(c, dict) and isinstance(c.get("number"), int)]
        if numbers:
            last[side] = max(numbers)
    for kind, i, text, field in remarks_of(record):
        if kind != "notes":
            continue
        for m in _CRITERIA_NAMED.finditer(_said(normalise(text))):
            if re.search(r"(?i)sub-?\s*$", m.string[max(0, m.start() - 4) : m.start()]):
                continue
            if _DENIED_BEFORE.search(m.string, 0, m.start()):
                continue  # ("they are not criteria 5 to 7", "the list has no criterion 7": said to be none)
            named = m.group("list")
            sides = [named.lower()] if named else [s for s in ("inclusion", "exclusion") if f"{s}_criteria" in field]
            sides = sides or ["inclusion", "exclusion"]
            if not all(side in last for side in sides):
                continue  # (a list the record does not hold, or holds unnumbered: silence's and E511's to judge)
            for number in _numbers_named(m.group("numbers")):
                if all(number > last[side] for side in sides):
                    message = (
                        f"names criterion {number} ({m.group(0).strip()!r}), past the last "
                        f"its {' or '.join(sides)} list numbers ({max(last[side] for side in sides)}): a remark names "
                        "only the criteria its sources list"
                    )
                    yield remark_problem(record, kind, i, "E501", message)
                    break


def _doses_of_other_cohorts(record: Record) -> Iterator[Problem]:
    """E501: a cell dose a remark gives to a cohort it names (by its place in its arm, its number or the patients it
    holds: note_cohorts) that the record holds for no such cohort. IM19's note rewritten to "(the second cohort's
    dose is "1×10^6/kg")" or "the dose for patients 1 to 3 as "1×10^8 CAR-T cells"" passed: the dose is one the
    source writes, but of the other cohort (mutation hunt 207). A cohort the record does not hold is not judged, nor
    one named by its place in an arm whose cohorts' patients do not run on from patient 1 (_from_the_first: a
    cohort left out, the place is the source's, not the record's)."""
    cohorts = [[c for c in a.get("cohorts") or [] if isinstance(c, dict)] for a in _arms(record)]
    if not any(cohorts):
        yield from _bases_said_of_silence(record)
        return
    placed = [_from_the_first(arm) for arm in cohorts]
    for kind, i, text, _ in remarks_of(record):
        yield from _bases_of_other_cohorts(record, kind, i, text, cohorts, placed)
        for given in note_cohorts.doses_given(normalise(text)):
            named = given.cohort
            if named.every:
                yield from _doses_of_every_cohort(record, kind, i, given, cohorts)
                continue
            held = [
                c["dose"]["value"]
                for c in _cohorts_held(named, cohorts, placed)
                if isinstance(c.get("dose"), dict) and isinstance(c["dose"].get("value"), int | float)
            ]
            counted = named.first is not None or named.last is not None
            complete = record.data["curation"].get("status") == "complete"
            if not held and (_beyond_the_cohorts(record, named.place, cohorts, placed) or (counted and complete)):
                message = (
                    f"gives a dose to the cohort it names in {given.words!r}, which the "
                    "record does not hold, and a complete record holds every cohort its sources dose: a remark names "
                    "only the cohorts the record holds"
                )
                yield remark_problem(record, kind, i, "E501", message)
            for dose in given.doses:
                if held and not any(quantities.same_number(dose, float(v)) for v in held):
                    message = (
                        f"gives a dose of {stated_limits.number_text(dose)} to the cohort "
                        f"it names in {given.words!r}, which the record holds for no such cohort: a remark "
                        "gives a cohort only the dose the record holds for it"
                    )
                    yield remark_problem(record, kind, i, "E501", message)


def _doses_of_every_cohort(
    record: Record, kind: str, i: int, given: note_cohorts.DosesGiven, cohorts: list[list[dict]]
) -> Iterator[Problem]:
    """E501: one dose a remark gives to every cohort as a whole ("Each cohort receives 1×10^8 CAR-T cells") that a
    cohort the record holds is not given (hunt 224: so said of IM19's cohorts, the first dosed 1×10^6/kg, it passed).
    A piece giving more than one dose gives each to some of them ("1×10^6/kg or 1×10^8"), and is not judged."""
    values = [_dose_of(c, "value") for arm in cohorts for c in arm]
    if len(given.doses) != 1 or not values or any(not isinstance(v, int | float) for v in values):
        return
    dose = given.doses[0]
    if not all(quantities.same_number(dose, float(v)) for v in values if isinstance(v, int | float)):
        message = (
            f"gives a dose of {stated_limits.number_text(dose)} to every cohort in {given.words!r}, which the "
            "record holds for only some of them: a remark gives a cohort only the dose the record holds for it"
        )
        yield remark_problem(record, kind, i, "E501", message)


def _dose_of(cohort: dict, key: str) -> object:
    dose = cohort.get("dose")
    return dose.get(key) if isinstance(dose, dict) else None


def _bases_of_other_cohorts(
    record: Record, kind: str, i: int, text: str, cohorts: list[list[dict]], placed: list[bool]
) -> Iterator[Problem]:
    """E501: a basis a remark says a cohort it names (or every cohort) is dosed on (note_cohorts.bases_given) that
    the record holds for no such cohort (for every one: for not all of them). IM19's "Patients 1 to 3 are dosed
    flat." passed of its first cohort, dosed per kilogram (hunt 224): a basis in a note was read only of the cohort
    the note is on."""
    for said in note_cohorts.bases_given(_products_as_cells(record.data, _said(normalise(text)))):
        named = (
            [c for arm in cohorts for c in arm] if said.cohort.every else _cohorts_held(said.cohort, cohorts, placed)
        )
        if said.cohort.none:
            named = [c for arm in cohorts for c in arm]
        if not named and _beyond_the_cohorts(record, said.cohort.place, cohorts, placed):
            # (a cohort past the last: IM19's "The third dose level is flat." passed of its two, hunt 236)
            message = (
                f"says the cohort it names in {said.words!r} is dosed {said.basis}, which the record does not hold, "
                "and a complete record holds every cohort its sources dose: a remark names only the cohorts the "
                "record holds"
            )
            yield remark_problem(record, kind, i, "E501", message)
            continue
        held = [_dose_of(c, "basis") for c in named]
        if not held or any(not isinstance(b, str) for b in held):
            continue
        wrong = (
            said.basis in held
            if said.cohort.none
            else any(b != said.basis for b in held)
            if said.cohort.every
            else said.basis not in held
        )
        if wrong:
            whom = "none of the cohorts" if said.cohort.none else "the cohort it names"
            message = (
                f"says {whom} in {said.words!r} is dosed {said.basis}, which the record holds "
                f"({', '.join(sorted(set(map(str, held))))}): a remark gives a cohort only the dose the record holds "
                "for it"
            )
            yield remark_problem(record, kind, i, "E501", message)


def _products_as_cells(data: dict, text: str) -> str:
    """text with each name of the record's product (its cell product's, its interventions' and its arms', and a name's
    first word where it holds a digit or a hyphen, "IM19") written "the cells", a whole of the trial
    (note_cohorts._A_WHOLE): IM19's "IM19 is dosed flat." passed of its first cohort, dosed per kilogram (hunt 230)."""
    product = data.get("cell_product")
    names = [product.get("name")] if isinstance(product, dict) else []
    names += [i.get("name") for i in data.get("interventions") or [] if isinstance(i, dict)]
    names += [n for a in _arms(data) for n in a.get("intervention_names") or []]
    words = {n.strip() for n in names if isinstance(n, str) and len(n.strip()) > 2}
    words |= {first for n in words if " " in n and re.search(r"[\d-]", first := n.split()[0]) and len(first) > 2}
    if not words:
        return text
    named = re.compile(
        r"(?<![\w-])(?:the[ \t]+)?(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")"
        r"(?:[ \t]+(?:CAR-?T[ \t]+)?cells)?(?![\w-])",
        re.I,
    )
    return named.sub("the cells", text)


def bases_silenced(data: dict) -> bool:
    """Whether a record holds no cohorts and declares its sources silent on its dose's basis (its arms, their cohorts
    or doses): a basis a remark says the trial, or a cohort of it, is dosed on is one its sources do not say."""
    silent = [n for n in data["curation"].get("silent") or [] if isinstance(n, str)]
    held = [c for a in data.get("arms") or [] if isinstance(a, dict) for c in a.get("cohorts") or []]
    return not held and fields.covered(silent, "arms.cohorts.dose.basis")


def _bases_said_of_silence(record: Record) -> Iterator[Problem]:
    """E501: a basis a remark says the trial (or a cohort of it) is dosed on, where the record declares its sources
    silent on its arms (bases_silenced): Relma-cel's "The trial is dosed flat." passed (hunt 228's leftover), a basis
    said of every cohort held only to the cohorts the record holds."""
    if not bases_silenced(record.data):
        return
    for kind, i, text, _ in remarks_of(record):
        for said in note_cohorts.bases_given(_products_as_cells(record.data, _said(normalise(text)))):
            if said.cohort.none:
                continue  # (none of them: what its words deny is coded_words')
            message = (
                f"says the trial is dosed {said.basis} in {said.words!r}, where the record declares its sources "
                "silent on its arms: a remark gives a cohort only the dose the record holds for it"
            )
            yield remark_problem(record, kind, i, "E501", message)


def _sizes_of_cohorts_named(record: Record, text: str) -> set[float]:
    """The counts of people text states each after naming a cohort (note_cohorts.sizes_said) that are the number of
    patients the record holds in that cohort (its last patient's number past its first's)."""
    cohorts = [[c for c in a.get("cohorts") or [] if isinstance(c, dict)] for a in _arms(record)]
    placed = [_from_the_first(arm) for arm in cohorts]
    out = set()
    for said in note_cohorts.sizes_said(_said(normalise(text))):
        if said.cohort.every:  # (every cohort the record holds, each of that many)
            sizes = [_size(cohort) for arm in cohorts for cohort in arm]
            if sizes and all(size == said.people for size in sizes):
                out.add(said.people)
            continue
        for cohort in _cohorts_held(said.cohort, cohorts, placed):
            if _size(cohort) == said.people:
                out.add(said.people)
    return out


def _size(cohort: dict) -> int | None:
    """How many patients a cohort holds (its last patient's number past its first's), or None."""
    patients = _patients_of(cohort)
    return None if patients is None else patients[1] - patients[0] + 1


def _arms(record: Record | dict) -> list[dict]:
    data = record if isinstance(record, dict) else record.data
    return [a for a in data.get("arms") or [] if isinstance(a, dict)]


def _cohorts_held(named: note_cohorts.CohortNamed, cohorts: list[list[dict]], placed: list[bool]) -> list[dict]:
    """The cohorts of the record's arms a note's named cohort is: by its place in an arm whose cohorts are in their
    places (_from_the_first; -1 its last, "later" each after its first), or by the patients it holds."""
    return [
        c
        for arm, by_place in zip(cohorts, placed, strict=True)
        for k, c in enumerate(arm)
        if (by_place and (named.place in (k, k - len(arm)) or (named.later and k > 0)))
        or named.patients == _patients_of(c)
        or _one_patient_of(named.patients, c)
        or _counted_from_an_end(named, arm, c)
    ]


def _one_patient_of(patients: tuple[int, int] | None, cohort: dict) -> bool:
    """Whether a note's patients are one patient the cohort holds ("the first patient", "patient 2"): IM19's "The first
    patient is dosed flat." passed of its first cohort, dosed per kilogram (hunt 230's leftover), a cohort held only
    where named by all its patients."""
    held = _patients_of(cohort)
    if patients is None or held is None or patients[0] != patients[1]:
        return False
    return held[0] <= patients[0] <= held[1]


def _counted_from_an_end(named: note_cohorts.CohortNamed, arm: list[dict], cohort: dict) -> bool:
    """Whether a cohort named as its arm's first or last patients ("the last three patients") is cohort: it holds
    that many of them, from that end of the patients its arm holds."""
    ranges = [r for c in arm if (r := _patients_of(c)) is not None]
    held = _patients_of(cohort)
    if held is None or not ranges:
        return False
    if named.first is not None:
        return held == (min(r[0] for r in ranges), min(r[0] for r in ranges) + named.first - 1)
    if named.last == 1:  # (one patient, the last: "the last patient")
        return held[0] <= max(r[1] for r in ranges) <= held[1]
    if named.last is not None:
        return held == (max(r[1] for r in ranges) - named.last + 1, max(r[1] for r in ranges))
    return False


def _beyond_the_cohorts(record: Record, place: int | None, cohorts: list[list[dict]], placed: list[bool]) -> bool:
    """Whether a cohort a remark names by its place ("the third cohort") is past the last of every arm's cohorts, in
    a complete record whose arms' cohorts run on from patient 1: it holds every cohort its sources dose (E526), so
    its sources dose no such cohort. IM19's "The third cohort's dose is 1×10^8 CAR-T cells." passed beside its two
    cohorts (mutation hunt 210)."""
    if place is None or record.data["curation"].get("status") != "complete":
        return False
    counted = [len(arm) for arm, by_place in zip(cohorts, placed, strict=True) if arm and by_place]
    return bool(counted) and len(counted) == len([arm for arm in cohorts if arm]) and place >= max(counted)


def _from_the_first(arm: list[dict]) -> bool:
    """Whether an arm's cohorts are in their places: none gives its patients, or their ranges run on from patient 1."""
    ranges = [_patients_of(c) for c in arm]
    if all(r is None for r in ranges):
        return True
    ends = [0] + [r[1] for r in ranges if r is not None]
    return all(r is not None and r[0] == end + 1 for r, end in zip(ranges, ends, strict=False))


def _patients_of(cohort: dict) -> tuple[int, int] | None:
    patients = cohort.get("patients")
    if isinstance(patients, dict) and isinstance(patients.get("first"), int) and isinstance(patients.get("last"), int):
        return patients["first"], patients["last"]
    return None


def _items_of_other_criteria(record: Record) -> Iterator[Problem]:
    """E501: an item a remark's sentence names of the one criterion it names by number, by the item's mark (a
    sub-item's number, a lettered item's letter: note_items), that the criterion does not list, or whose letter it
    gives words the criterion's item under that letter does not open with. A sub-list's numbering restarts at 1 and
    a lettered item has no number of its own, so Relma-cel's "by its sub-item 2" rewritten to "sub-item 5", its
    sub-list "numbered 1 to 3" named under inclusion criterion 3, and IM19's "(d. CD4+ ...)" rewritten to "(c.
    CD4+ ...)" passed (mutation hunt 207)."""
    eligibility = record.data.get("eligibility")
    if not isinstance(eligibility, dict):
        return
    for kind, i, text, field in remarks_of(record):
        for sentence, clause in _clauses(_unquoted(normalise(text))):
            named = note_items.items_named(clause)
            refs = (_criteria_refs(clause, field) or _criteria_refs(sentence, field)) if named else []
            items = {
                id(item): (ref, item)
                for ref in refs
                for k in fields.criteria_named(eligibility, ref)[:1]
                for item in [eligibility[f"{ref['list'].lower()}_criteria"][k]]
            }
            if len(items) != 1:
                continue  # (no criterion, or several: whose items the sentence names is not read)
            ref, item = next(iter(items.values()))
            numbers = set(_sub_numbers(item))
            letters: dict[str, str | None] = {}
            texts: dict[str, str] = {}
            for piece in fields.criterion_texts(item):
                numbers.update(int(n) for n in _MARKED_NUMBER.findall(normalise(piece)))
                for letter, opens in note_items.lettered_items(normalise(piece)).items():
                    letters.setdefault(letter, opens)
                for letter, words in note_items.lettered_texts(normalise(piece)).items():
                    texts.setdefault(letter, words)
            for last, _ in note_items.whole_ranges(clause):
                ends = max(numbers, default=None) if last.isdigit() else max(letters, default=None)
                if ends is not None and str(ends) != last:
                    message = (
                        f"gives the items of {fields.criterion_name(ref)} as a list ending "
                        f"at {last}, but its list ends at {ends}: a remark gives a criterion's list whole"
                    )
                    yield remark_problem(record, kind, i, "E501", message)
            for letter, word in note_items.ends_named(clause):
                if letter in texts and word.casefold()[:6] not in normalise(texts[letter]).casefold():
                    message = (
                        f"names item {letter}. of {fields.criterion_name(ref)} by {word!r}, which that item does not "
                        "write: a remark names the first or last of a criterion's items by what it says"
                    )
                    yield remark_problem(record, kind, i, "E501", message)
            unnumbered = sum(1 for sub in item.get("sub_criteria", []) if isinstance(sub, dict) and "number" not in sub)
            for count in note_items.unnumbered_counted(clause):
                if count != unnumbered:
                    message = (
                        f"counts {count} unnumbered items of {fields.criterion_name(ref)}, "
                        f"which holds {unnumbered}: a remark counts a criterion's items as the record holds them"
                    )
                    yield remark_problem(record, kind, i, "E501", message)
            sublists = _sublists(item)
            for count in note_items.sublists_counted(clause):
                if count != sublists and not letters:  # (a list lettered in its text is a sub-list it holds so)
                    message = (
                        f"counts {count} sub-lists of {fields.criterion_name(ref)}, which holds {sublists}: a "
                        "remark counts a criterion's items as the record holds them"
                    )
                    yield remark_problem(record, kind, i, "E501", message)
            numbered = sum(1 for _ in _sub_numbers(item))
            for count in note_items.numbered_counted(clause):
                if count != numbered:
                    message = (
                        f"counts {count} numbered items of {fields.criterion_name(ref)}, "
                        f"which holds {numbered}: a remark counts a criterion's items as the record holds them"
                    )
                    yield remark_problem(record, kind, i, "E501", message)
            for n in named:
                if n.letter in texts and (unsaid := _unsaid_of_item(n.says, texts[n.letter])) is not None:
                    message = (
                        f"states {unsaid} of item {n.letter}. of "
                        f"{fields.criterion_name(ref)}, which that item does not write: a remark states of a "
                        "criterion's item only what the item says"
                    )
                    yield remark_problem(record, kind, i, "E501", message)
                if n.number is not None and n.number not in numbers:
                    said = f"sub-item {n.number}"
                elif n.letter is not None and (
                    n.letter not in letters or None not in (n.opens, letters[n.letter]) and n.opens != letters[n.letter]
                ):
                    said = f"item {n.letter}." + (f" opening {n.opens!r}" if n.opens else "")
                else:
                    continue
                message = (
                    f"names {said} of {fields.criterion_name(ref)}, which that criterion "
                    "does not list so: a remark names a criterion's items by the marks its source gives them"
                )
                yield remark_problem(record, kind, i, "E501", message)


def _unsaid_of_item(says: str, item: str) -> str | None:
    """A fact a note's words about a lettered item state that the item's own words do not (as a message shows it),
    or None. The facts were held to the whole criterion: IM19's "(d. CD4+ T lymphocytes <500/mm³ with a neutrophil
    count <1000/mm³)" rewritten to "(b. ...)" passed, item b. opening with "CD4+" too and the criterion writing
    both limits in its item d. (mutation hunt 208)."""
    said = _facts(says) if says.strip() else []
    kinds = frozenset(_read_as(fact) for fact in said)
    theirs = _facts(item, kinds) if kinds else []
    unsaid = next((fact.shown for fact in said if not any(_same_fact(fact, other) for other in theirs)), None)
    # (and a molecule's or a measure's code: "items b. and c. both name CD4+ T lymphocytes" of IM19's item c., an
    # absolute neutrophil count, once the note's own words after a mark were read as no opening of it, hunt 216)
    return unsaid or next(
        (m.group() for m in _CODE_SHAPED.finditer(says) if m.group().casefold() not in item.casefold()), None
    )


_CODE_SHAPED = lazy(r"(?<![\w+])[A-Za-z]*[A-Z][a-z]*[A-Z0-9][\w+]*")


# (a sentence's end for the items it names: past a semicolon, "Exclusion criterion 11 also lists ... a. to e.; the
# compound one (d. CD4+ ...)" names d. of criterion 11)
_ITEMS_SENTENCE_END = lazy(rf"(?<=[.!?]){_NO_END}\s+|\n")


def _clauses(text: str) -> Iterator[tuple[str, str]]:
    """Each clause of a remark's sentences (to a semicolon), with its sentence: the items a clause names are of the
    criterion it names, or where it names none, of the one its sentence names."""
    for sentence in _ITEMS_SENTENCE_END.split(text):
        for clause in _CLAUSE_BREAK.split(sentence):
            yield sentence, clause


_CLAUSE_BREAK = lazy(r"(?<=;)\s+")
# (a number marking an item in a criterion's text: "1. Prednisone", "2) ...")
_MARKED_NUMBER = lazy(r"(?<![\w.,])(\d{1,2})[.)](?=\s)")


def _sublists(item: dict) -> int:
    """How many numbered sub-lists a criterion holds, at any depth: it or an item under it whose sub-criteria are
    numbered."""
    subs = [sub for sub in item.get("sub_criteria", []) if isinstance(sub, dict)]
    return int(any(isinstance(sub.get("number"), int) for sub in subs)) + sum(_sublists(sub) for sub in subs)


def _sub_numbers(item: dict) -> Iterator[int]:
    """The numbers of a criterion's sub-criteria, at any depth."""
    for sub in item.get("sub_criteria", []):
        if isinstance(sub, dict):
            if isinstance(sub.get("number"), int):
                yield sub["number"]
            yield from _sub_numbers(sub)


def _criteria_refs(sentence: str, field: str) -> list[dict[str, Any]]:
    """The criteria a remark's sentence names by number, as references ({list, number}): of the list it names,
    or else of the list the remark's field is ("eligibility.inclusion_criteria"), or else of either list."""
    refs: list[dict[str, Any]] = []
    for m in _CRITERIA_NAMED.finditer(sentence):
        named = m.group("list")
        sides = [named] if named else [side for side in ("inclusion", "exclusion") if f"{side}_criteria" in field]
        for side in sides or ["inclusion", "exclusion"]:
            refs += [{"list": side.upper(), "number": n} for n in _numbers_named(m.group("numbers"))]
    return refs


def _numbers_named(numbers: str) -> list[int]:
    """The criteria numbers a remark's run names ("4 and 5", "2 to 9": each of 2 to 9; a range of 50 at most)."""
    out: list[int] = []
    for m in _NUMBERS_RANGE.finditer(numbers):
        if m.group(3) is not None:
            out.append(int(m.group(3)))
        else:
            first, last = int(m.group(1)), int(m.group(2))
            out += list(range(first, last + 1)) if 0 <= last - first <= 50 else [first, last]
    return out


def _reads_from(value: Any, refs: list[dict]) -> list[dict]:
    """The entries of an eligibility value (a list of thresholds, or one entry) that read from one of refs."""
    entries = value if isinstance(value, list) else [value]
    return [
        e
        for e in entries
        if isinstance(e, dict)
        and isinstance(e.get("criterion"), dict)
        and any(e["criterion"].get("list") == r["list"] and e["criterion"].get("number") == r["number"] for r in refs)
    ]


class Fact(NamedTuple):
    """A fact a text states: its kind ("date", "quantity" and its unit's key, "participants", "patients", "age" and
    its bound, ...), its value, and how a message shows it."""

    kind: str
    value: Any
    shown: str


# The readings of a text's facts, each by the kind of fact it reads (_read_as)
_READINGS = frozenset({"date", "quantity", "participants", "patients", "power", "score", "age"})
# ... and, of a criterion a remark names, a route's words, each with its code: Relma-cel's "(intravenous corticosteroid
# requirements)" of its inclusion criterion 4, which writes "Oral corticosteroids", passed (hunt 211). Read of a
# criterion only: elsewhere a route is the trial's product's (remark_prose) or another drug's, which a note may name
# ("given after oral premedication", "not given subcutaneously")
_OF_A_CRITERION = _READINGS | {"route"}
_ROUTE_WORDS = [(code, lazy(rf"(?i)(?<![\w-])(?:{words})(?![\w-])")) for code, words in dosing.ROUTES.items()]
_BOUNDS = {"min": "minimum", "max": "maximum"}
_AGE_PIECES = lazy(r"(?<=[.;!?])\s+|\n|\s[*\u2022]\s")
_AGE_WORDS = lazy(r"(?i)(?<![\w-])(?:age[ds]?|old|older|younger|oldest|youngest|birthdays?)(?![\w-])")


def _facts(text: str, kinds: frozenset[str] = _READINGS, written: bool = False) -> list[Fact]:
    """The dates, quantities with a unit, counts of participants and ranges of patients text states (of
    those kinds: see _read_as). A source's text (written) is read for every count of people it writes, not
    only its enrollment (head_counts.people_counts): a note's count of a tally, of those screened or of an
    estimate a source writes is one it says (each was refused E501); a remark's own, as a quote's is read."""
    out: list[Fact] = []
    if "date" in kinds:
        # (a date to its month here: a year alone is read below, where it stands apart and counts nothing)
        out += [Fact("date", d.value, d.value) for d in date_mentions.dates(text) if "-" in d.value]
        # (and one in digits alone, "30.07.2024", as each of the days it may be: hunt 208)
        out += [Fact("date", days, text[start:end]) for days, start, end in date_mentions.numeric_dates(text)]
        # (and a year alone, standing apart and counting nothing: "launched in 2022", hunt 210)
        out += [Fact("date", year, year) for year, _, _ in date_mentions.years(text)]
    if "quantity" in kinds:
        # (with the bound it states, if any: a note's "read as prednisone > 100 mg/d" of a record's and a source's
        # ≥ 100 mg/d passed as the number and unit alone, mutation hunt 208)
        said = stated_limits.statements(text)
        out += [
            Fact(f"quantity {q.unit.key}", Limit(q.value, _bound_of(text, q, written)), q.says())
            for q in said
            if q.unit
        ]
        # (and the first end of a range whose unit only its last writes: "12 to 70 years", hunt 210)
        out += [
            Fact(f"quantity {unit.key}", Limit(q.value, _bound_of(text, q, written)), f"{q.says()} {unit.key}")
            for q, unit in note_numbers.range_starts(text, said)
        ]
        # (and one spelled as numbers() reads no number, as each value it may be: "50 000/mm³", "7,5 g/dL", "half a
        # year", "100-fold", hunt 211)
        out += [Fact("quantity", _either(q.readings), q.shown) for q in note_spellings.spelled(text)]
        # (and a length written as a word's first part, "a 15-day window", "an 8-week course", which statements()
        # reads as no unit's: Relma-cel's "Exclusion criterion 1 sets a 15-day window" passed, hunt 217; a source's
        # too, which a note may copy)
        out += [
            Fact(f"quantity {unit.key}", Limit(float(m.group(1)), frozenset()), m.group())
            for m in _HYPHENATED_LENGTH.finditer(text)
            if (unit := quantities.unit_named(m.group(2).lower() + "s")) is not None
        ]
    if "participants" in kinds:
        out += [
            Fact("participants", n, f"{stated_limits.number_text(n)} participants")
            for n, _, _ in (head_counts.people_counts if written else head_counts.count_spans)(text)
        ]
    if "patients" in kinds:
        out += [Fact("patients", r, f"patients {r[0]} to {r[1]}") for r in head_counts.patient_ranges(text)]
        out += [Fact("patients", r, f"patients {r[0]} to {r[1]}") for r in note_numbers.patient_ranges_in_words(text)]
    # (a dose as a power of ten, a score, a count a verb enrols with no word for people: note_numbers)
    if "power" in kinds:
        out += [Fact("power", v, f"a dose of {stated_limits.number_text(v)}") for v in note_numbers.powers(text)]
    if "route" in kinds:
        out += [Fact("route", code, m.group()) for code, words in _ROUTE_WORDS for m in words.finditer(text)]
    if "score" in kinds:
        out += [
            Fact(
                "score",
                Limit(v, frozenset({cmp}) if cmp in _COMPARATORS else frozenset()),
                f"a score of {_says(v, cmp)}",
            )
            for v, cmp in note_numbers.scores(text)
        ]
    if "participants" in kinds:
        out += [Fact("participants", v, f"{stated_limits.number_text(v)} enrolled") for v in note_numbers.counted(text)]
        out += [
            Fact("participants", _cardinal(m.group("count")), f"{m.group('count')} participants")
            for m in _PEOPLE_IN_PARTS.finditer(text)
        ]
    # (an age and the bound it is, as a quote's is read: a note's "the upper age is 18 years" of a record whose
    # maximum is 70 and whose source's minimum is 18 passed as a number of years the source writes, hunt 207)
    # (a source's, each sentence or list item alone: read whole, a registry study's criteria run on as one sentence,
    # and its "Exclusion Criteria:" after "* Aged 18 to 65 years" made those ages of patients kept out)
    # (and only an age its words call one: "within 6 months" is a maximum age of 6 months to age_bounds, which reads
    # a quote already known to give an age; and no piece without such words is read, a reading of ages costing a
    # benchmark record 1 ms)
    if "age" in kinds:
        out += [
            Fact(
                f"age {a.bound}", (float(a.value), a.unit), f"a {_BOUNDS[a.bound]} age of {_age_text(a.value, a.unit)}"
            )
            for piece in (_AGE_PIECES.split(text) if written else [text])
            if _AGE_WORDS.search(piece)
            for a, end in _age_spans(age_bounds.ages(piece))
            if a.bound in _BOUNDS and a.unit is not None and _AGE_WORDS.search(piece, max(0, a.start - 40), end + 12)
        ]
        # (a remark's age of no unit, an age's word right before it: "Ages 18 to 75", "Adults up to 75", hunt 211; a
        # source's too, which a note may copy: the importer's note quoting a criterion "age 18-65" was refused)
        out += [
            Fact(f"age {bound}", (value, "YEARS"), f"a {_BOUNDS[bound]} age of {_age_text(value, 'YEARS')}")
            for bound, value in note_numbers.unitless_ages(text)
        ]
    return out


# a count of people put in two or more parts, which is all of them ("Seven participants in two cohorts", "12 patients
# split into three arms"): read as a part's count by head_counts ("12 participants in cohort 1"), a comment's false
# "# Seven participants in two cohorts." passed of IM19's six (hunt 224)
_CARDINAL_WORDS = "|".join(sorted((w for w, v in quantities.CARDINALS.items() if v <= 100), key=len, reverse=True))
_PART_WORDS = "|".join(sorted((w for w, v in quantities.CARDINALS.items() if 2 <= v <= 20), key=len, reverse=True))
_PEOPLE_IN_PARTS = lazy(
    rf"(?i)(?<![\w.,-])(?P<count>{_CARDINAL_WORDS}|\d{{1,4}})[ \t]+(?:participants|patients|subjects|people)[ \t]+"
    r"(?:(?:are|were|will[ \t]+be)[ \t]+)?(?:(?:split|divided|enrol+ed|treated|dosed)[ \t]+)?(?:in|into|across)[ \t]+"
    rf"(?:{_PART_WORDS}|[2-9]|1\d)[ \t]+(?:dose[ \t]+)?(?:cohorts|arms|groups|dose[ \t]+levels|parts|stages)(?![\w-])"
)


def _cardinal(word: str) -> float:
    return float(word) if word.isdigit() else float(quantities.CARDINALS[word.lower()])


_HYPHENATED_LENGTH = lazy(
    r"(?<![\w.,\u2010\u2011-])(\d+(?:\.\d+)?)[-\u2010\u2011](?i:(minute|hour|day|week|month|year))(?![\w\u2010\u2011-])"
)


def _says(value: float, comparator: str | None) -> str:
    return f"{comparator} {stated_limits.number_text(value)}" if comparator else stated_limits.number_text(value)


def _age_spans(ages: tuple[age_bounds.Age, ...]) -> Iterator[tuple[age_bounds.Age, int]]:
    """Each age and where the words that say it end: a range's lower end's run on to its upper end's ("between 18
    and 70 years old" is an age at both ends, its age word after the second). Read to its own end, the lower end of
    IM19's and Relma-cel's criterion ("you must be between 18 and 70 years old") was no age, and a note's "Inclusion
    criterion 2 gives the ages as 18 to 70 years" was refused (E501, hunt 210)."""
    for k, a in enumerate(ages):
        upper = ages[k + 1] if k + 1 < len(ages) else None
        ranged = a.bound == "min" and upper is not None and upper.bound == "max" and upper.start - a.end <= _RANGE_GAP
        yield a, upper.end if ranged and upper is not None else a.end


# how far apart a range's two ends may stand: " and ", " to ", "-", with a unit after the first ("18 years to 70")
_RANGE_GAP = 12


def _age_text(value: float, unit: str) -> str:
    return f"{stated_limits.number_text(value)} {unit.lower()}"


def _read_as(fact: Fact) -> str:
    """The reading of _facts that reads a fact of this kind (a quantity's kind names its unit)."""
    return fact.kind.split(" ", 1)[0]


class Either(NamedTuple):
    """The facts a remark's words may state, one of which it does (note_spellings: "50 000/mm³" is 50000/mm³, or 0)."""

    facts: tuple[Fact, ...]


def _either(readings: tuple[tuple[str, float], ...]) -> Either:
    """The facts a quantity of those readings (each a unit's key and a value, of no bound stated) may be."""
    return Either(tuple(Fact(f"quantity {key}", Limit(value, frozenset()), "") for key, value in readings))


def _same_fact(a: Fact, b: Fact) -> bool:
    """Whether a remark's fact a is b, one a source writes or the record holds; where either may be one of several
    (Either), whether any of a's is any of b's."""
    if isinstance(a.value, Either) or isinstance(b.value, Either):
        ours = a.value.facts if isinstance(a.value, Either) else (a,)
        theirs = b.value.facts if isinstance(b.value, Either) else (b,)
        return any(_same_one(x, y) for x in ours for y in theirs)
    return _same_one(a, b)


def _same_one(a: Fact, b: Fact) -> bool:
    """Whether a remark's fact a is b (_same_fact). A remark's date less precise than b, of its year and month, is
    b ("updated in August 2025" of a page's 2025-08-17; "started in July 2024" of a record's 2024-07-30: each was
    refused); one more precise than b is not (a day no source gives)."""
    if isinstance(a.value, Limit) and a.value.comparators == _APPROXIMATE:
        return _about_the_same(a, b)
    if a.kind != b.kind:
        return _same_in_other_units(a, b)
    if a.kind == "date" and isinstance(a.value, frozenset | str) and isinstance(b.value, frozenset | str):
        # (a date in digits may be any of its days: frozenset)
        ours = a.value if isinstance(a.value, frozenset) else {a.value}
        theirs = b.value if isinstance(b.value, frozenset) else {b.value}
        return any(x == y or y.startswith(x + "-") for x in ours for y in theirs)
    if isinstance(a.value, Limit) and isinstance(b.value, Limit):
        # (a bound stated on both sides must agree; a number either states with no bound is any bound's)
        return quantities.same_number(a.value.value, b.value.value) and (
            not a.value.comparators
            or b.value.comparators in (frozenset(), _APPROXIMATE)  # (a criterion's "about 6 months" is any bound's)
            or bool(a.value.comparators & b.value.comparators)
        )
    if isinstance(a.value, float | int) and isinstance(b.value, float | int):
        return quantities.same_number(float(a.value), float(b.value))
    return bool(a.value == b.value)


# Units one of which is a whole number of the other's (their measure, and how many of the smallest each is): a note's
# "stable for 1 week or more" of IM19's "≥ 7 days", "lasting 2 weeks or longer" of Relma-cel's "≥14 days" were
# refused (E501) as quantities no source writes. Months are no whole number of weeks or days ("24 weeks" is not "6
# months"), so they meet only years.
_WHOLE_MULTIPLES = {
    "minutes": ("time", 1),
    "hours": ("time", 60),
    "days": ("time", 1440),
    "weeks": ("time", 10080),
    "months": ("months", 1),
    "years": ("months", 12),
    "mg": ("mass", 1),
    "g": ("mass", 1000),
    # a concentration in mg/L, a mass per volume ("Hemoglobin < 70 g/L" of IM19's "<7.0 g/dL", "IgA under 0.1 g/L" of
    # Relma-cel's "< 10 mg/dL"), and a molar one ("0.221 mmol/L" of "221 μmol/L"); no mass per volume is a molar one
    "mg/L": ("mass per volume", 1),
    "mg/dL": ("mass per volume", 10),
    "g/L": ("mass per volume", 1000),
    "g/dL": ("mass per volume", 10000),
    "μmol/L": ("mol per volume", 1),
    "mmol/L": ("mol per volume", 1000),
}


def _same_in_other_units(a: Fact, b: Fact) -> bool:
    """Whether two quantities in units of one measure are one (_WHOLE_MULTIPLES), each stating a bound the other
    does. (A note's rounding is no conversion: "0.221 mmol/L" is 221 μmol/L but for float's rounding alone.)"""
    ours = _WHOLE_MULTIPLES.get(a.kind.removeprefix("quantity ")) if a.kind.startswith("quantity ") else None
    theirs = _WHOLE_MULTIPLES.get(b.kind.removeprefix("quantity ")) if b.kind.startswith("quantity ") else None
    if ours is None or theirs is None or ours[0] != theirs[0]:
        return False
    if not (isinstance(a.value, Limit) and isinstance(b.value, Limit)) or not (
        a.value.comparators & b.value.comparators
    ):
        return False  # (each bound stated and agreeing: a bare "2 weeks" of Relma-cel's garbled criterion 1, whose
        # window is 8 weeks, is no "≥14 days" of its glucocorticoid therapy, mutation hunt 206)
    return quantities.same_number(a.value.value * ours[1], b.value.value * theirs[1])


# A length of time a note gives as an approximation ("24 weeks, about six months" of IM19's "within the past 24
# weeks", refused E501 as 6 months no source writes: hunt 212's leftover): the source's length in the note's unit,
# rounded to the digits the note writes, is the note's number. "about seven months" or "about five months" (24 weeks
# are 5.5 months) is still refused. Only lengths of time: their units are read in days here.
_ABOUT = lazy(r"(?i)(?:\b(?:about|approximately|roughly|around|circa)|~)[ \t]*\Z")
_APPROXIMATE = frozenset({"~"})
_DAYS = {"minutes": 1 / 1440, "hours": 1 / 24, "days": 1, "weeks": 7, "months": 365.25 / 12, "years": 365.25}


def _about_the_same(a: Fact, b: Fact) -> bool:
    """Whether a, a quantity a note approximates, is b as any bound of it, or, a length of time, is b rounded to the
    digits a writes, in a's unit."""
    if not isinstance(a.value, Limit) or _same_one(Fact(a.kind, Limit(a.value.value, frozenset()), a.shown), b):
        return isinstance(a.value, Limit)
    ours = _DAYS.get(a.kind.removeprefix("quantity ")) if a.kind.startswith("quantity ") else None
    theirs = _DAYS.get(b.kind.removeprefix("quantity ")) if b.kind.startswith("quantity ") else None
    if ours is None or theirs is None or not isinstance(b.value, Limit):
        return False
    written = f"{a.value.value:g}"
    digits = len(written.partition(".")[2])
    return round(b.value.value * theirs / ours, digits) == round(a.value.value, digits)


def _unquoted(text: str) -> str:
    """A remark's text with the runs it sets in double quotes blanked (check_remark_quotes reads them)."""
    return QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def _said(text: str) -> str:
    """A remark's text as its facts are read: the runs it quotes from its sources blanked (check_remark_quotes
    reads them), but not a run it says the record writes ("is recorded as "< 8 weeks""), its quotation marks
    blanked alone: that run states a value of the record's, and check_remark_quotes holds it to nothing.
    Relma-cel's note rewritten to "is recorded as "<= 8 weeks"" passed beside the record's < 8 weeks (mutation
    hunt 208)."""

    def blanked(m: re.Match[str]) -> str:
        if _OWN_WRITING.search(text, 0, m.start()):
            return " " + (m.group(1) or m.group(2)) + " "
        return " " * len(m.group(0))

    return QUOTED.sub(blanked, text)


class Limit(NamedTuple):
    """A quantity's number and the comparators its words allow (empty: no bound stated), as a remark's fact."""

    value: float
    comparators: frozenset[str]


_COMPARATORS = frozenset({"<", "<=", ">", ">="})
# A bound a note names in words the statements do not read as a comparator: "floor of 7.5 mg/day", "the ceiling
# is 30 mg/day" (Relma-cel's note's floor made a ceiling passed, mutation hunt 208)
_FLOOR = lazy(r"(?i)\b(?:floor|lower\s+(?:limit|bound))(?:\s+(?:of|is|at))?\s*$")
_CEILING = lazy(r"(?i)\b(?:ceiling|cap|upper\s+(?:limit|bound))(?:\s+(?:of|is|at))?\s*$")


def _bound_of(text: str, q: stated_limits.Statement, written: bool = False) -> frozenset[str]:
    """The comparators a statement of text allows: its own, or those of a floor or a ceiling named just before it; a
    remark's approximation (not written: a source's "about" is any bound, as before) _APPROXIMATE."""
    if q.comparator in _COMPARATORS:
        return frozenset({q.comparator})
    head = text[max(0, q.start - 40) : q.start]
    if not written and _ABOUT.search(head):
        return _APPROXIMATE
    if _FLOOR.search(head):
        return frozenset({">", ">="})
    if _CEILING.search(head):
        return frozenset({"<", "<="})
    return frozenset()


def _held_facts(data: Any) -> list[Fact]:
    """Each fact the record holds as a structured value: a quantity and its unit (a threshold, an age, a
    dose; its unit as lexicon names it), a date, a count of participants, a range of patients."""
    out: list[Fact] = []
    if isinstance(data, dict):
        value, unit = data.get("value"), data.get("unit")
        if isinstance(value, int | float) and isinstance(unit, str):
            named = quantities.unit_named(normalise(unit).lower() if unit.isupper() else normalise(unit))
            # (a threshold's comparator is its bound; an age's or a dose's value has none)
            cmp = data.get("comparator")
            comparators = frozenset({cmp}) if cmp in _COMPARATORS else frozenset()
            if named is not None:
                out.append(Fact(f"quantity {named.key}", Limit(float(value), comparators), ""))
            # (a dose of cells the record holds, of any unit; a threshold's score in points)
            out.append(Fact("power", float(value), ""))
            if unit.lower() == "points":
                out.append(Fact("score", Limit(float(value), comparators), ""))
        for key in ("date", "as_of"):
            if isinstance(data.get(key), str):
                out.append(Fact("date", data[key], ""))
        if isinstance(data.get("route"), str):
            out.append(Fact("route", data["route"], ""))
        if isinstance(data.get("count"), int):
            out.append(Fact("participants", data["count"], ""))
        if isinstance(data.get("first"), int) and isinstance(data.get("last"), int):
            out.append(Fact("patients", (data["first"], data["last"]), ""))
        for bound in _BOUNDS:  # (an eligibility's age limits, each with its bound)
            age = data.get(f"{bound}imum_age")
            if isinstance(age, dict) and isinstance(age.get("value"), int | float) and isinstance(age.get("unit"), str):
                out.append(Fact(f"age {bound}", (float(age["value"]), age["unit"]), ""))
        for item in data.values():
            out += _held_facts(item)
    elif isinstance(data, list):
        for item in data:
            out += _held_facts(item)
    return out


def _item_lacked(data: Any, path: fields.Path_) -> str | None:
    """The first list item path steps into that data does not hold (as a dotted name), or None: a field
    the record lacks is no item lacked unless the path steps into an item of it."""
    for k, part in enumerate(path):
        if isinstance(part, int) and not fields.get(data, path[: k + 1])[0]:
            return fields.dotted(path[: k + 1])
    return None
