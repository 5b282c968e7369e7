"""Silence: a field a record declares silent is one its sources do not state.

`curation.silent` is a claim about the sources ("they do not state it"), and trials.csv shows the
field as not stated: a field dropped by mistake and declared silent would pass every other check
(nothing is left to bind) while the source states it plainly. So each silent field is held to the
places where each cited source's layout states that field (layouts.py) and nowhere else: a field
is stated there when, at its own place (the field's, or one of its parts', never a parent's, which
holds other fields too):

- a passage is one whole value of it (a title line, a site's city, a keyword, a summary);
- a passage renders a value of its vocabulary (a status, a phase, a design term, sex, yes/no:
  vocabulary.py), a unit of a quantity aside (it says nothing on its own);
- a passage gives a number of participants (an enrollment) or an age at that bound (lexicon/head_counts.py,
  lexicon/age_bounds.py).

- a passage gives a date under one of that date's own labels ("startDateStruct.date: 2021-02-15");
- for a source of no layout (a press release, a publication: no places), its sentences about the trial,
  read by the prose rules binding reads them by (a disease's population is no enrolment), give a number
  of participants, a cell dose, an age at the field's bound, a date under its own label or a code's term
  under one of its field's labels ("Overall status: Recruiting": _plainly_stated), a phase in its own word
  ("Phase 1 dose escalation");
- for a part of a field whose layout places only the whole (a sponsor's class, an intervention's route,
  a design's masking), a passage of the parent's place renders a term of the part's vocabulary (dates
  and the criteria aside: their places hold other dates' and fields' words);
- for a date's type, a term of its vocabulary in that date's own place, beside the date the record
  holds ("primaryCompletionDateStruct.date: 2023-11-30 primaryCompletionDateStruct.type: ACTUAL");
- for what a title says of the product (TITLE_FIELDS), the trial's own title too: a term of its
  vocabulary ("CD19-CART(Relma-cel) ...": CD19);
- for a field of the product (its origin, target antigens, construct), a term of its vocabulary
  wherever a source about the trial speaks of its product: the product's place, and the summary,
  description and keywords (PRODUCT_WORDS), which are no place to read its values from; in a plain
  document, the sentences binding reads the field from;
- for the lymphodepletion, which no layout places, an agent of its vocabulary in a sentence naming
  lymphodepletion where a source describes the trial's treatment (its arms, interventions, summary,
  description and keywords; a plain document's sentences about the trial), and for its agents'
  doses such an agent with a dose written right after it ("fludarabine 30 mg/m2/day");
- for a field read from the criteria (CRITERIA_READ), whose place is the criteria lists (for a
  source of no layout, which lists none, the criteria the record quotes from it): a criterion
  renders a term of its vocabulary ("Severe lupus nephritis", "1997 revised criteria", "refractory"
  said of the disease, not "refractory anemia";
  for what patients must have, the prior therapy, antibodies and criteria sets, an inclusion criterion
  or an exclusion of those who lack it: REQUIREMENTS),
  joins two or more terms of a list by a term of its match's vocabulary ("antinuclear antibodies,
  and/or anti-DS-DNA antibodies": ANY_OF), gives an age at its bound (age_bounds.criteria_ages: "Age ≥ 18",
  "18 years or older"; not
  "SLEDAI-2K ≥ 8" or "eGFR < 30 mL/min"), or, for the thresholds, a limit that is no age (which
  states a part every threshold has, not its conditions, which it may lack);
- for the prior therapy, a criterion (the source's, or the record's own with its nested items) that
  states a requirement of it (prior_therapy.py: "Failure of at least two standard induction regimens",
  "remained active ... after the use of"; not a washout, a concurrent medication or an exclusion of
  those treated), and for its therapies one that names a therapy there.

A page's unlabelled dates ("2024-07-30 2027-12-31") are a curator's reading, so a date declared
silent there is a reading too (the note on the field says which), but not one a note on it or on the
dates reads a date the record holds nowhere as ("read as study start and study completion"). A field with a
curation note on it that names the words each source states there is left to the note (an age of
"1900 Months" is stated but is no age: the note says why "1900" is none); a note that does not name
them explains nothing of them (any text would otherwise excuse a dropped enrollment), nor does one
that gives no reason in its own words ("6 participants", "Sex: ALL": the value moved into a note) or
says how they were recorded ("recorded as PHASE1", "kept as one entry": a reading of a value the
record holds, written before the value was dropped), and a note on
a part of the record above it (`eligibility`, `dates`) is about something else and excuses nothing
beneath it. A page about another trial (a stub's source) states nothing of this one beyond its title
and id, and what that title says of its product (a target antigen, autologous cells); and of two
versions of one registry record (one layout) the newer speaks: a field the
registry has since dropped is silent now. Fields declared not yet curated make no claim about the
sources and are not held to them.

The same reading of an agent's dose holds a complete record's agent held without one
(left_out_doses, E520): the field is accounted for by the other agents' doses, not this one's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from sle_trials import fields
from sle_trials.checks import completeness
from sle_trials.checks.load import Record
from sle_trials.patterns import lazy
from sle_trials.problem import Check, Problem
from sle_trials.reading import criteria_text, edges, kept_out, layouts, prior_therapy, prose, scopes, vocabulary
from sle_trials.reading.layouts import JSON, PLAIN, Passage, SourceDoc, normalise
from sle_trials.reading.lexicon import age_bounds, date_mentions, dosing, head_counts, quantities, stated_limits

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check(
        "E523",
        "silent-but-stated",
        "a field declared silent that a cited source states at that field's own place (a whole value, a term of "
        "its vocabulary, a number of participants, an age, a date under its own label; a source of no layout "
        "where it speaks of the trial, by a number of participants, an age, a date under its label, a code's "
        "term under its field's label or a phase in its own word), a product "
        "field whose term a source gives where it speaks of the trial's product (its summary, description or "
        "keywords too), or interventions declared silent where a source names the trial's own product, or a "
        "field a curation note on it or above it reads a date of the source as, one the record holds as none "
        "of its dates",
    ),
    Check(
        "E532",
        "stub-lacks-its-title",
        "a stub that lacks what its title, as the source listing it gives it, says of its product (a target "
        "antigen, autologous cells), without declaring it not yet curated",
    ),
)

# The age bound each age field is read as (age_bounds.ages).
AGE_BOUNDS = {"eligibility.minimum_age": "min", "eligibility.maximum_age": "max"}
# The criteria lists, where a note names the limits that stay in a criterion's text.
LIST_FIELDS = ("eligibility.inclusion_criteria", "eligibility.exclusion_criteria")
# Every registry date's label, one pattern (a date stands under the nearest label before it).
DATE_LABEL_PATTERN = date_mentions.label_pattern(date_mentions.LABEL_TEXTS)


# Where a cited source states the field at a path for this record (documents.Sources.passages: a plain
# document's sentences about the trial, by the prose rules binding reads them by), None for anywhere
Passages = Callable[[SourceDoc, fields.Path_], list[Passage] | None]


def _declared_silent(record: Record, i: int, message: str) -> Problem:
    """E523 at the record's i-th field declared silent (curation.silent), saying message."""
    line, col = record.where(("curation", "silent", i))
    return Problem(record.path, line, col, "E523", message)


def check(record: Record, schema: dict, docs: list[SourceDoc], passages: Passages) -> Iterator[Problem]:
    """E523 for each field under curation.silent that one of docs states at its own place.
    docs: the record's sources, each the part about this trial; one about another trial is skipped.
    passages: where a plain document states a field (what binding reads it from)."""
    curation = record.data["curation"]
    notes: dict[str, list[str]] = {}
    for n in curation.get("notes", []):
        if "field" in n:
            notes.setdefault(n["field"], []).append(normalise(n["text"]).casefold())
    # a limit a note on a criteria list names stays in the criterion's text (completeness.py, E527): the
    # thresholds are silent of it by the curator's word, which a reviewer reads there
    in_text = [text for field, texts in notes.items() if field.startswith(LIST_FIELDS) for text in texts]
    own = _own_criteria(record)  # the record's criteria, read for each field and source alike
    requirements: dict[tuple[str, bool], prior_therapy.Requirement | None] = {}  # each criterion's, read once
    for i, name in enumerate(curation.get("silent", [])):
        if fields.present(record.data, fields.parse_dotted(name)):
            continue  # a field declared silent that the record fills is E506's
        reading = _read_as_it(notes, schema, name, _dates_held(record.data))
        if reading is not None:
            yield _declared_silent(
                record,
                i,
                f"curation.silent: {name} is declared silent, but a curation note reads the source's words as it "
                f"({reading!r}); fill it in, or say in the note why the words are not its value",
            )
            continue
        for doc in [*_speaking(record, docs), *_naming(record, docs)]:
            # the notes on the field that give a reason (_gives_a_reason) name what the criteria state of
            # it away: "Severe lupus nephritis" alone, its words moved into a note, names nothing away
            excused = [text for text in notes.get(name, []) if _gives_a_reason(text, doc)]
            excused += in_text if name == "eligibility.thresholds" else []
            said = (
                stated(doc, schema, name, excused, own)
                or _product_named(doc, record, name, passages)
                or _intervention_named_as_product(doc, record, name, passages)
                or _product_described(doc, record, schema, name, passages)
                or _lymphodepletion_described(doc, schema, name, passages)
                or _prior_therapy_required(doc, own, name, requirements)
                or _type_beside_its_date(doc, record, schema, name)
                or _plainly_stated(doc, schema, name, passages)
                if doc.subject in (None, record.data["nct_id"])
                else _titled(doc, record.data["nct_id"], schema, name)
            )
            if said is None:
                continue
            elsewhere = _keys_elsewhere(doc, name)
            if any(_explains(text, said.words, doc, _parts(schema, name), elsewhere) for text in notes.get(name, [])):
                # a note on the field says why these words are not its value ("1900 Months" is no age);
                # another source's words at the field's place are its to name too (a note naming one page's
                # "6 participants" said nothing of the registry's 60)
                continue
            yield _declared_silent(
                record,
                i,
                f"curation.silent: {name} is declared silent, but {doc.file} states it ({said.shown}); "
                "fill it in from there, declare it not yet curated, or say in a note on the field why "
                f"{said.words!r} is not its value",
            )
            break


def check_stub(record: Record, schema: dict, docs: list[SourceDoc]) -> Iterator[Problem]:
    """E532: a stub is what another trial's source says of this trial, its id and title and what that
    title says of its product (TITLE_FIELDS): a stub that leaves such a field out says less than its
    source, and trials.csv's cell reads "not yet curated" where the title it was made from states it
    ("Anti-CD19 CAR-T Cell Therapy ..." with no CD19). Declared silent, the field is E523's; declared
    not yet curated, the stub says it is left to do."""
    curation = record.data["curation"]
    if curation["status"] != "stub":
        return
    for name, said in titled(record.data["nct_id"], _naming(record, docs), schema):
        path = fields.parse_dotted(name)
        if fields.present(record.data, path) or fields.covered(
            [*curation.get("silent", []), *curation.get("not_yet_curated", [])], name
        ):
            continue
        line, col = record.where_absent(path)
        yield Problem(
            record.path,
            line,
            col,
            "E532",
            f"{name}: the stub lacks it, but the source listing this trial states it ({said.shown}); fill it in "
            "from there, or declare it under curation.not_yet_curated",
        )


class Said(NamedTuple):
    """What a source states of a field: as a message shows it, and the words a note that explains it
    away names (the number, the term, the date as written, the text)."""

    shown: str
    words: str


# A note saying how the field's words were recorded ("recorded as PHASE1", "kept as one entry", "read
# as study start"): a reading of a value the record holds, not a reason the words are none of its
# value. It named the words, so Relma-cel's keywords and phase left out and declared silent passed by
# the notes written for the values they dropped. "not recorded as", "read as none" still explain.
_HOLDS_ITS_VALUE = lazy(
    r"(?<!\bnot )(?<!\bnever )\b(?:recorded|kept|read|taken|entered|transcribed|curated)\s+(?:here\s+)?as\b"
    r"(?!\s+(?:no|none|nothing|absent|silent|missing|not|unstated)\b)"
)


def _read_as_it(notes: dict[str, list[str]], schema: dict, name: str, held: set[str]) -> str | None:
    """The words of a note on the field at name, or on a field above it, that name a date the record
    holds as none of its dates (held) and read the source's words as that field (_HOLDS_ITS_VALUE then,
    within a few words, its name: "read as study start and study completion" of dates.completion), else
    None. The field declared silent says the sources do not state it, where the curator's note says a
    date of theirs was read as it: IM19's completion date left out and declared silent passed beside its
    note on the dates, an unlabelled date being no date the silence check reads. A note whose dates the
    record holds (the second one as the primary completion, a note on that field saying so) is another
    field's reading (E510 asks that its note names it). A longer name of a field beside it that ends in
    the same words ("primary completion") is not it."""
    path = fields.parse_dotted(name)
    words = str(path[-1]).replace("_", " ")
    above = _value_node(schema, path[:-1]) if len(path) > 1 else fields.resolve(schema, schema)
    longer = [
        key.replace("_", " ")[: -len(words)]
        for key in above.get("properties", {})
        if key != path[-1] and key.replace("_", " ").endswith(" " + words)
    ]
    named = re.compile(rf"\s+(?:[\w'’-]+\s+){{0,5}}?({re.escape(words)})(?![\w-])")
    for field in [fields.dotted(path[:depth]) for depth in range(1, len(path) + 1)]:
        for note in notes.get(field, []):
            if set(_ISO_DATE.findall(note)) <= held:
                continue
            for reads in _HOLDS_ITS_VALUE.finditer(note):
                found = named.match(note, reads.end())
                if found is not None and not any(note[: found.start(1)].endswith(w) for w in longer):
                    return note[reads.start() : found.end()]
    return None


_ISO_DATE = lazy(r"(?<![\w-])[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?(?![\w-])")


def _dates_held(data: dict) -> set[str]:
    """The dates the record holds (dates.*.date)."""
    return {str(d.get("date")) for d in (data.get("dates") or {}).values() if isinstance(d, dict)}


# The words of a reason a note gives for a source's words not being the field's value, besides them: a
# denial ("not", "no", "n't"), a limit ("only", "ambiguous", "old"), a deferral ("left to a later
# curation", "until") or another's ("another cohort's"). A note that only gave the words ("6
# participants", "Sex: ALL", "The page says No.") excused the field declared silent: its value moved
# into the note passed.
_A_REASON = lazy(
    r"\b(?:not|no|none|nothing|never|nor|neither|without|only|just|merely|but|except|ambiguous|unclear|"
    r"uncertain|unknown|unsure|doubtful|old|older|outdated|stale|superseded|earlier|previous|former|left|later|"
    r"until|pending|yet|another|other|different|instead|rather|misprint|typo|garbled|wrong|error|mislabel(?:l?ed)?|"
    r"contradict(?:s|ed|ory)?|conflict(?:s|ing)?|inconsistent)\b|n['’]t\b"
)


def _explains(
    note: str, words: str, doc: SourceDoc, parts: tuple[str, ...] = (), elsewhere: frozenset[str] = frozenset()
) -> bool:
    """Whether a note's text (normalised, casefolded) names the words and says why they are not the
    field's value: gives a reason (_A_REASON) in its own words, besides them and the runs of doc's words
    it copies (the quote "18 Years 65 Years ALL No" as a note on the sex gives its "No" as no reason),
    and is no reading of them as the value (_HOLDS_ITS_VALUE). What the note says a source lacks of a
    part of the field (parts: "gives no intervention type", "its route is not given") is no reason of
    the words (_of_the_words). Words the note writes as the value of another key of the source
    (elsewhere: _keys_elsewhere) are not named: "{piSponsorEmployee true}" is no "true" of hasResults."""
    if not _names(note, words, elsewhere) or _HOLDS_ITS_VALUE.search(note) is not None:
        return False
    named = rf"(?<![\w.,]){re.escape(normalise(words).casefold())}(?!\w|[.,][0-9])"
    return _A_REASON.search(re.sub(named, " ", _own_words(_of_the_words(note, parts), doc))) is not None


def _lacking(parts: tuple[str, ...]) -> re.Pattern[str]:
    """What a note says a source lacks of one or more of the parts: "(but the page) gives no route",
    "does not state the type or description", "(but) no type", "without other names", "its route is
    not given". Not "is no enrollment count", "is not the count", which deny the words are the part."""
    part = r"(?<![\w-])(?:" + "|".join(map(re.escape, parts)) + r")(?![\w-])"
    gap = r"(?:[\w'’()-]+\s+){0,2}?"
    listed = rf"{part}(?:\s*(?:,|or|and|nor)\s+{gap}{part})*"
    verb = r"(?:gives?|states?|lists?|names?|says?|has|have|provides?|specif(?:y|ies)|reports?|mentions?|shows?)"
    denied = r"(?:does|do|did)\s+not\s+(?:give|state|list|name|say|provide|specify|report|mention|show)"
    given = r"(?:given|stated|listed|named|reported|specified|provided|mentioned|shown)"
    return re.compile(
        rf"(?:\bbut\s+(?:[\w'’]+\s+){{0,3}}?)?(?:\b{verb}\s+(?:no|neither)|\b{denied})\s+{gap}{listed}"
        rf"|(?:\bbut\s+)?(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )\b(?:no|without)\s+{gap}{listed}"
        rf"|{listed}\s+(?:is|are|was|were)\s+(?:not|never)\s+{given}"
    )


def _of_the_words(note: str, parts: tuple[str, ...]) -> str:
    """The note without what it says a source lacks of a part of the field (_lacking): Relma-cel's note
    on its interventions, "The source names the treatment Relma-cel (in its title and summary) but gives
    no intervention type or description", denies the intervention's type and description, which the
    record declares silent on their own; its "but" and "no" excused the interventions left out and
    declared silent while the source names the trial's product."""
    return _lacking(parts).sub(" ", note) if parts else note


def _parts(schema: dict, name: str) -> tuple[str, ...]:
    """The parts of the field at name as a note words them (its properties, or its items', "other_names"
    as "other names"); none for a field of one value."""
    node = _value_node(schema, fields.parse_dotted(name))
    return tuple(key.replace("_", " ") for key in node.get("properties", {}))


def _gives_a_reason(note: str, doc: SourceDoc) -> bool:
    """Whether a note's text (normalised, casefolded) gives a reason in its own words (_explains, of
    no words named in particular)."""
    return _HOLDS_ITS_VALUE.search(note) is None and _A_REASON.search(_own_words(note, doc)) is not None


def _own_words(note: str, doc: SourceDoc) -> str:
    """A note's text without the runs of three or more words it copies from doc's text (as words apart,
    casefolded)."""
    # (the document's words, made once a run for every note read against it)
    flat = doc.reading(
        ("words apart, casefolded",), lambda: " " + " ".join(normalise(doc.text).casefold().split()) + " "
    )
    words = note.split()
    kept: list[str] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and f" {' '.join(words[i : j + 1])} " in flat:
            j += 1
        if j - i >= 3:
            i = j
        else:
            kept.append(words[i])
            i += 1
    return " ".join(kept)


def _names(note: str, words: str, elsewhere: frozenset[str] = frozenset()) -> bool:
    """Whether a note's text (normalised, casefolded) names the words, as words of their own: the
    "No" of "the page's No", not of "not"; the "6" of "6 participants", not of "2026" or "6.5"; and
    not as the value of a key of elsewhere written before them ("pisponsoremployee true", "masking: none")."""
    words = normalise(words).casefold()
    for found in re.finditer(rf"(?<![\w.,]){re.escape(words)}(?!\w|[.,][0-9])", note):
        key = _KEY_BEFORE.search(note, max(0, found.start() - 200), found.start())
        if key is None or key.group("key").rpartition(".")[2] not in elsewhere:
            return True
    return False


# The key a value is written after in a note: "{piSponsorEmployee true}", "a, b: no", "certainAgreement {x 1"
_KEY_BEFORE = lazy(r"(?<![\w.])(?P<key>[a-z][\w]*(?:\.[a-z][\w]*)*)[ \t]*:?[ \t]*\{?[ \t]*\Z")
# A JSON source's line "key.path: value" (layouts: a ClinicalTrials.gov study's text)
_JSON_KEY = lazy(r"(?<!\S)(?P<key>[A-Za-z][\w]*(?:\.[A-Za-z][\w]*)*):(?=\s)")


def _keys_elsewhere(doc: SourceDoc, name: str) -> frozenset[str]:
    """The keys of a JSON source's objects (casefolded) but those of the field's own place: a note
    naming a value after one of them names another key's value (the import's notes name the values
    of keys it did not import, resultsSection's among them, which the source's text as read leaves
    out). None of a source that is no JSON."""
    raw = doc.raw
    if doc.form != JSON or raw is None:
        return frozenset()
    keys = doc.reading(
        ("json keys",), lambda: frozenset(_object_keys(layouts.json_document(raw.decode("utf-8", "replace"))))
    )
    own = {
        m.group("key").rpartition(".")[2].casefold()
        for place, passages in doc.places.items()
        if place == name or place.startswith(name + ".")
        for p in passages
        for m in _JSON_KEY.finditer(p.text)
    }
    return keys - own


def _object_keys(value: object) -> Iterator[str]:
    """Every key of every object in a JSON value, casefolded: the last step of each node's path that is a
    key (layouts.json_nodes, the one walk of a source's JSON)."""
    return (str(path[-1]).casefold() for _, path in layouts.json_nodes(value) if path and isinstance(path[-1], str))


def _speaking(record: Record, docs: list[SourceDoc]) -> list[SourceDoc]:
    """The documents that speak for the trial: those about it, and of several of one layout (an
    earlier and a later version of its registry record) the newest, which supersedes the others.
    Documents of no layout are no versions of one another (a press release and a publication): each
    speaks, as each would be quoted (only the newest was held, and a record citing a paper and an
    older press release giving "60 participants" declared its enrollment silent)."""
    newest: dict[str, SourceDoc] = {}
    plain: list[SourceDoc] = []
    for doc in completeness.newest_first(record.data, docs):
        if doc.subject in (None, record.data["nct_id"]):
            if doc.layout == PLAIN:
                plain.append(doc)
            else:
                newest.setdefault(doc.layout, doc)
    return [*newest.values(), *plain]


def _naming(record: Record, docs: list[SourceDoc]) -> list[SourceDoc]:
    """The documents about another trial that list this one as related (a stub's): each states this
    trial's title, and what that title says of its product."""
    return [
        doc for doc in docs if doc.subject not in (None, record.data["nct_id"]) and record.data["nct_id"] in doc.related
    ]


# What a related trial's title states of its product (documents.TITLE_STATES): its target antigen, its origin
TITLE_FIELDS = ("cell_product.target_antigens", "cell_product.origin")


def _title_vocabularies(schema: dict, name: str) -> Iterator[vocabulary.Vocabulary]:
    """The vocabularies of the TITLE_FIELDS at name or beneath it, in their order."""
    for leaf in TITLE_FIELDS:
        if leaf != name and not leaf.startswith(name + "."):
            continue
        node = _value_node(schema, fields.parse_dotted(leaf))
        vocab = vocabulary.for_enum(tuple(node["enum"])) if "enum" in node else None
        if vocab is not None:
            yield vocab


# The fields the trial's own product is an item of: a CAR-T trial gives its product, so a source that
# names the record's cell_product.name states an intervention, wherever its layout puts the name (a
# page naming Relma-cel in its title and summary only let a complete record drop its interventions
# and declare them silent: trials.csv's interventions cell then read "not stated").
PRODUCT_FIELDS = ("interventions", "interventions.name")


def _product_named(doc: SourceDoc, record: Record, name: str, passages: Passages) -> Said | None:
    """The record's own product's name where doc names it whole (for a plain document, where it
    states the interventions: its sentences about the trial), when name is a field the product is an
    item of; else None."""
    product = (record.data.get("cell_product") or {}).get("name")
    if name not in PRODUCT_FIELDS or not isinstance(product, str) or not product.strip():
        return None
    words = normalise(product)
    placed = passages(doc, ("interventions", "name")) if doc.layout == PLAIN else None
    for text in [doc.text] if placed is None else [p.text for p in placed]:
        if words in text and edges.cut(text, words) is None:
            return Said(f"{product!r}, the trial's own product", product)
    return None


def _intervention_named_as_product(doc: SourceDoc, record: Record, name: str, passages: Passages) -> Said | None:
    """An intervention the record holds, named whole where doc states the product's name (its
    cell_product.name place; a plain document's sentences stating it), when name is the product or
    its name; else None. The other way round from _product_named: a page naming its product only in
    its title and summary ("a new treatment called Relma-cel") let a complete record keep Relma-cel
    among its interventions, drop cell_product.name and declare it silent, and trials.csv's product
    read "not stated" (a study JSON, whose interventions' names are whole values there, refused it)."""
    if name not in ("cell_product", "cell_product.name"):
        return None
    placed = passages(doc, ("cell_product", "name")) if doc.layout == PLAIN else doc.places.get("cell_product.name", [])
    texts = [doc.text] if placed is None else [p.text for p in placed]  # (None: a plain document's anywhere)
    for given in record.data.get("interventions") or []:
        words = normalise(given.get("name") or "") if isinstance(given, dict) else ""
        if words.strip() and any(words in text and edges.cut(text, words) is None for text in texts):
            return Said(f"{given['name']!r}, an intervention it names where it states the product", given["name"])
    return None


# Where a source about the trial speaks of its product besides the product's own place: the study's
# summary, description and keywords, which are no place to read the product's values from (they name
# other products too: evidence binds them to the titles, arms and interventions), but a term of a
# product field's vocabulary there is something the source says that a record may not call silent
# (a JSON study's summary saying "autologous" let a record declare cell_product.origin silent, and
# trials.csv showed "not stated"); a note on the field naming the words says why they are not its value.
PRODUCT_WORDS = ("brief_summary", "detailed_description", "keywords")


def _product_described(doc: SourceDoc, record: Record, schema: dict, name: str, passages: Passages) -> Said | None:
    """A term of the vocabulary of a product field at name or beneath it (cell_product.origin, its
    target antigens, its construct's parts) where doc speaks of the record's product: its product place
    (the arms giving the product the record names, in a registry copy of several) and PRODUCT_WORDS; in a
    plain document, which has no places, the sentences binding reads that field from (passages)."""
    if name.split(".")[0] != "cell_product":
        return None
    if doc.layout == PLAIN:
        return _plainly_described(doc, schema, name, passages)
    product = (record.data.get("cell_product") or {}).get("name")
    if (
        doc.products
        and doc.layout == "registry_copy"
        and not (isinstance(product, str) and normalise(product) in doc.products)
    ):
        # a copy of several arms, and no product of it named: any arm may be the product's, and what
        # one states of it is no more silent for that (the title alone is where evidence reads it)
        mine = [*doc.places.get("arms", []), *doc.places.get("interventions", [])]
    else:
        mine = doc.product_place(product) or []
    placed = [*mine, *(p for key in PRODUCT_WORDS for p in doc.places.get(key, []))]
    if not placed:
        return None
    for path in [fields.parse_dotted(name), *fields.fields_beneath(schema, name)]:
        leaf = fields.dotted(path)
        node = _value_node(schema, path)
        if "enum" not in node and node.get("type") != "boolean":
            continue  # a name or a text: the words of other fields may stand in it
        said = _said(leaf, node, placed)
        if said is not None:
            return said
    return None


def _type_beside_its_date(doc: SourceDoc, record: Record, schema: dict, name: str) -> Said | None:
    """A term of the vocabulary of a date's type (name: dates.<date>.type) where doc's place of that
    date gives the date the record holds; else None. The dates' whole section is no place to read a
    type from (a page's "Estimated completion" is no type of its launch date: _PARENTS_READ_APART),
    nor another source's version of the date (its type is that date's); a date's own place holding
    the record's date gives its type, and a record holding the date with its type dropped and declared
    silent passed while trials.csv showed the type as not stated."""
    parts = name.split(".")
    if len(parts) != 3 or parts[0] != "dates" or parts[2] != "type":
        return None
    date = ((record.data.get("dates") or {}).get(parts[1]) or {}).get("date")
    if not isinstance(date, str):
        return None
    placed = [p for p in doc.places.get(f"dates.{parts[1]}", []) if date in p.text]
    said = _said(name, _value_node(schema, fields.parse_dotted(name)), placed)
    return None if said is None else Said(f"{said.shown} beside its date {date}", said.words)


def _plainly_described(doc: SourceDoc, schema: dict, name: str, passages: Passages) -> Said | None:
    """A term of the vocabulary of a product field at name or beneath it in the sentences of a plain
    document that binding reads that field from (its sentences about the trial's product: not another
    trial's, nor a therapy had before or compared against). A press release saying "IM19 CAR-T cells
    are autologous CD19-directed T cells" let a record declare cell_product.origin and its target
    antigens silent, a plain document having no product place, and trials.csv showed them not stated."""
    for path in [fields.parse_dotted(name), *fields.fields_beneath(schema, name)]:
        node = _value_node(schema, path)
        if "enum" not in node and node.get("type") != "boolean":
            continue  # a name or a text: the words of other fields may stand in it
        found = passages(doc, path)
        said = _said(fields.dotted(path), node, [Passage(doc.text)] if found is None else found)
        if said is not None:
            return said
    return None


# Where a source describes the trial's treatment: its arms and interventions, and the words about its
# product (PRODUCT_WORDS, a page's own summary too). No layout places the lymphodepletion, so a record
# that dropped it and declared it silent was held to nothing: a JSON study whose description read
# "lymphodepletion with fludarabine 25 mg/m2/day and cyclophosphamide 1000 mg/m2" passed, and
# trials.csv told readers no source states it.
TREATMENT_WORDS = ("arms", "interventions", "third_party_summary", *PRODUCT_WORDS)
# Words naming the lymphodepletion itself: an agent named alone may be a comparator's therapy or a
# criterion's ("intravenous cyclophosphamide (Euro-Lupus or NIH regimen)"), not the conditioning
# An agent's dose written right after it ("fludarabine 30 mg/m2/day", "cyclophosphamide (500 mg/m²)"), as
# binding reads a dose with its unit; the parts of an agent a record may declare silent apart
_DOSE_AFTER = lazy(r"\s*(?:[:,(]\s*|(?:at|of)\s+)?([0-9][0-9.,]*)\s*(?:mg|g|µg|μg)(?![^\W\d_])", re.IGNORECASE)
LYMPHODEPLETION_DOSES = ("lymphodepletion.agents.dose", "lymphodepletion.agents.unit")
# ... or paired with it by "respectively" ("fludarabine and cyclophosphamide at 30 and 300 mg/m2/day,
# respectively"), its unit after the last of the numbers
_DOSE_UNIT = lazy(r"\s*(?:mg|g|µg|μg)(?![^\W\d_])", re.IGNORECASE)


def _doses_written(vocab: vocabulary.Vocabulary, sentence: str) -> list[tuple[vocabulary.Rendering, str, str]]:
    """Each agent of the sentence with a dose written for it: (the agent's rendering, the words that
    give it its dose, the dose), its dose right after it (_DOSE_AFTER) or paired with it by
    "respectively" (dosing.respective_terms)."""
    places = vocab.places(sentence)
    paired = {(r.start, r.end): r for _, r in dosing.respective_terms(sentence, places)}
    out = []
    for agent in places:
        dose = _DOSE_AFTER.match(sentence, agent.end)
        if dose is not None:
            out.append((agent, sentence[agent.start : dose.end()], dose.group(1)))
        elif (r := paired.get((agent.start, agent.end))) is not None and (
            unit := _DOSE_UNIT.match(sentence, r.unit_at)
        ) is not None:
            out.append((agent, sentence[agent.start : unit.end()], sentence[r.number.start : r.number.end]))
    return out


def _on_lymphodepletion(doc: SourceDoc, passages: Passages, path: fields.Path_) -> list[Passage]:
    """The passages of doc on the lymphodepletion: a plain document's sentences on it (its passages of
    the agents, prose._plain_rule, else its whole text's), a layout's in the places describing the
    trial's treatment (TREATMENT_WORDS)."""
    if doc.layout == PLAIN:
        found = passages(doc, path)
        return prose.on_lymphodepletion([Passage(doc.text)]) if found is None else found
    return prose.on_lymphodepletion([p for key in TREATMENT_WORDS for p in doc.places.get(key, [])])


def _lymphodepletion_described(doc: SourceDoc, schema: dict, name: str, passages: Passages) -> Said | None:
    """An agent of the lymphodepletion's vocabulary in a sentence naming lymphodepletion, where doc
    describes the trial's treatment (TREATMENT_WORDS; a plain document's sentences about the trial),
    when name is the lymphodepletion or its agents; for their doses (or units), such an agent with a
    dose written right after it ("fludarabine 30 mg/m2/day"); else None."""
    doses = name in LYMPHODEPLETION_DOSES
    if name not in ("lymphodepletion", "lymphodepletion.agents", "lymphodepletion.agents.agent") and not doses:
        return None
    path = ("lymphodepletion", "agents", "agent")
    vocab = vocabulary.for_enum(tuple(_value_node(schema, path)["enum"]))
    if vocab is None:
        return None
    for passage in _on_lymphodepletion(doc, passages, path):
        sentence = passage.text
        if not doses:
            for agent in vocab.places(sentence):
                words = sentence[agent.start : agent.end]
                return Said(f"{words!r}, in words on lymphodepletion", words)
            continue
        for _, words, dose in _doses_written(vocab, sentence):
            return Said(f"{words!r}, in words on lymphodepletion", dose)
    return None


def left_out_doses(record: Record, schema: dict, docs: list[SourceDoc], passages: Passages) -> Iterator[Problem]:
    """E520: a complete record's lymphodepleting agent held without a dose where a source about the
    trial writes one right after that agent in its words on the lymphodepletion ("fludarabine 30
    mg/m2/day"), as _lymphodepletion_described reads a silent dose. The schema's "each with its dose
    when the source gives one" was held only across the list (fields.unaccounted: some agent has a
    dose): an agent whose quote gave "fludarabine 30 mg/m²/day" passed without its dose beside another
    agent with one, and trials.csv read it as given at no stated dose. A note on the lymphodepletion
    naming the words says why they are not its dose (a test dose, another arm's), with a reason in its
    own words (_explains: "fludarabine 30 mg/m²/day" alone, the dose moved into a note, excuses nothing)."""
    data = record.data
    agents = (data.get("lymphodepletion") or {}).get("agents")
    if data["curation"]["status"] != "complete" or not isinstance(agents, list):
        return
    wanted = {i: a["agent"] for i, a in enumerate(agents) if isinstance(a, dict) and "dose" not in a and "agent" in a}
    declared = [*data["curation"].get("silent", []), *data["curation"].get("not_yet_curated", [])]
    if not wanted or fields.covered(declared, "lymphodepletion.agents.dose"):
        return
    path = ("lymphodepletion", "agents", "agent")
    vocab = vocabulary.for_enum(tuple(_value_node(schema, path)["enum"]))
    if vocab is None:
        return
    notes = [
        normalise(n["text"]).casefold()
        for n in data["curation"].get("notes", [])
        if str(n.get("field", "")).startswith("lymphodepletion")
    ]
    for doc in _speaking(record, docs):
        if doc.subject not in (None, data["nct_id"]):
            continue
        for passage in _on_lymphodepletion(doc, passages, path):
            sentence = passage.text
            for agent, words, dose in _doses_written(vocab, sentence):
                named = [i for i, term in wanted.items() if agent.values == frozenset({term})]
                if not named:
                    continue
                if any(_explains(note, words, doc) or _explains(note, dose, doc) for note in notes):
                    continue
                for i in named:
                    del wanted[i]
                    yield record.problem(
                        ("lymphodepletion", "agents", i),
                        "E520",
                        f"lymphodepletion.agents.{i}: the record is complete but holds {agents[i]['agent']} without "
                        f"the dose {doc.file} gives it ({words!r}, in words on lymphodepletion); fill in its dose "
                        "and unit, or say in a note on the field why these words are not its dose",
                    )
                if not wanted:
                    return


# What a page of no layout states, having no place of any field, is read where it speaks of the trial
# (its lines of this trial, or its whole text when it names no other) by the readings that name their
# field themselves: a number of participants, an age at the field's bound, a date under one of that
# date's own labels, a code's term under one of its field's labels (_LABELS). A term of a vocabulary
# in free text names no field ("no", "completed", "female" stand in any sentence). Read nowhere, a
# press release giving "The study will enroll 60 participants." let a record declare its enrollment
# silent, and trials.csv told readers no source states it.
_SELF_NAMED = ("enrollment.count", *AGE_BOUNDS)

# The labels a plain document may write a coded field under, as the registry's pages do ("Overall
# Status: Recruiting", "Phase: Phase 1", "Sex: All"): a term of the field's vocabulary right after
# one names its field itself, as a count of participants does. A term in running words ("the trial
# was completed", "no") names none, and is not read; but a phase, whose every term holds the word
# ("Phase 1 dose escalation"), names itself (_phase_named).
_LABELS = {**layouts.CODED_LABELS, "eligibility.sex": vocabulary.SEX_LABELS}
_LABEL = {
    leaf: lazy(r"(?i)(?<![\w-])(?:" + "|".join(map(re.escape, labels)) + r")\s*[:：]\s*")
    for leaf, labels in _LABELS.items()
}


def _plainly_stated(doc: SourceDoc, schema: dict, name: str, passages: Passages) -> Said | None:
    """What a document of no layout states of the field declared silent at name, or beneath it, by a
    reading that names its field (_SELF_NAMED, a date under its own label), where it states that
    field (passages: "Lupus affects 300,000 people" is no enrolment to binding, nor here); else None."""
    if doc.layout != PLAIN:
        return None
    for path in [fields.parse_dotted(name), *fields.fields_beneath(schema, name)]:
        leaf = ".".join(str(p) for p in path)
        node = _value_node(schema, path)
        found = passages(doc, path)
        placed = [Passage(doc.text)] if found is None else found
        if leaf in _SELF_NAMED or fields.is_date(node):
            said = _said(leaf, node, placed)
            if said is not None:
                return said
        if leaf in _LABEL:
            said = _labelled_term(leaf, node, placed)
            if said is not None:
                return said
        if leaf == "phases":
            said = _phase_named(node, placed)
            if said is not None:
                return said
        if leaf == "arms.cohorts.dose":
            # a cell dose names its field as a count of participants does ("1×10^6 CAR-T cells/kg"): a
            # release giving one let a record declare its arms' cohorts silent
            dose = next((p.text[d.start : d.end] for p in placed for d in _cell_doses(p.text)), None)
            if dose is not None:
                return Said(f"a cell dose, {dose!r}", dose)
    return None


# What makes a number in running words a cell dose: written as a power of ten ("1×10^6/kg", "100
# million"), or with cells counted right after it ("2,000,000 CAR-T cells"), not any large number
# ("Lupus affects 300,000 people")
_POWER_WRITTEN = lazy(r"10\s*\^|(?i:million|billion)")
_CELLS_AFTER = lazy(r"(?i)[^.;]{0,30}?\bcells?\b")


def _cell_doses(text: str) -> list[dosing.Dose]:
    """The cell doses (completeness.cell_doses) of a plain document's sentence that count cells."""
    return [
        d
        for d in completeness.cell_doses(text)
        if _POWER_WRITTEN.search(text, d.start, d.end) or _CELLS_AFTER.match(text, d.end)
    ]


def _phase_named(node: dict, placed: list[Passage]) -> Said | None:
    """A phase written with its own word in running text ("a Phase 1 study", "this phase I/II
    trial"): it names its field as a count of participants does, though no label stands before it
    (binding reads a record's phase from those words; a release giving one let a record declare its
    phases silent)."""
    vocab = vocabulary.for_enum(tuple(node["enum"])) if "enum" in node else None
    if vocab is None:
        return None
    for passage in placed:
        text = passage.text
        for place in vocab.places(text):
            rendering = text[place.start : place.end]
            if "phase" in rendering.lower() and not prose.no_trials_phase(text, place.start, place.end):
                return Said(repr(rendering), rendering)
    return None


def _labelled_term(leaf: str, node: dict, placed: list[Passage]) -> Said | None:
    """A term of the field's vocabulary written right after one of its labels (_LABELS), else None.
    Not one the words right around it take back, as binding reads them (retracted.taken_back:
    "Allocation: Randomized (cancelled)", "(planned)", "Sex: Female?"): binding refused the value and
    silence refused the silence, and the curator could write neither."""
    vocab = vocabulary.for_enum(tuple(node["enum"])) if "enum" in node else None
    if vocab is None:
        return None
    for passage in placed:
        text = passage.text
        for label in _LABEL[leaf].finditer(text):
            term = vocab.match(text, label.end())
            if term is not None and not vocabulary.term_taken_back(vocab, text, term.start(), term.end()):
                return Said(f"{label.group(0) + term.group(0)!r}", term.group(0))
    return None


def titled(nct_id: str, docs: list[SourceDoc], schema: dict) -> list[tuple[str, Said]]:
    """The TITLE_FIELDS the titles docs (pages about other trials) give the trial nct_id state, each
    with what states it: what a stub of it holds (check_stub; `trials new` says so of a stub it writes)."""
    out = []
    for name in TITLE_FIELDS:
        said = next((s for doc in docs if (s := _titled(doc, nct_id, schema, name))), None)
        if said is not None:
            out.append((name, said))
    return out


def _titled(doc: SourceDoc, nct_id: str, schema: dict, name: str) -> Said | None:
    """What the title doc gives this trial (about another trial, listing this one) says of the field
    declared silent at name, or beneath it: a term of its vocabulary; else None."""
    for vocab in _title_vocabularies(schema, name):
        for title in doc.related.get(nct_id, []):
            found = vocab.find(title)
            if found:
                return Said(f"{found[0][0]!r} in its title {title[:60]!r}", found[0][0])
    return None


def stated(
    doc: SourceDoc, schema: dict, name: str, notes: list[str] | None = None, own: list[Criterion] | None = None
) -> Said | None:
    """What doc states of the field (a dotted name without list indexes) at the field's own place;
    None when it states nothing there. own: the record's criteria, read where doc lists none."""
    for path in [fields.parse_dotted(name), *fields.fields_beneath(schema, name)]:
        leaf = ".".join(str(p) for p in path)
        placed = _own_place(doc, leaf, name)
        if not placed:
            continue
        node = _value_node(schema, path)
        said = _said(leaf, node, placed)
        if said is not None:
            return said
    criteria = _listed(doc) or own or []
    return (
        _listed_by_the_source(doc, name)
        or _named_by_the_other_list(_listed(doc), name)
        or _in_criteria(criteria, schema, name, notes or [])
        or _who_may_enrol(criteria, schema, name, notes or [])
        or _in_own_title(doc, schema, name)
        or _in_parent_place(doc, schema, name)
    )


def _listed_by_the_source(doc: SourceDoc, name: str) -> Said | None:
    """A criteria list the source's layout lists (its reading gives the list items): stated, whatever the items say.
    Before, a list the source gives, left out of a record and declared silent, passed: the list's place holds no
    term of a vocabulary nor a whole value, and only a list named in a criterion of the other list was read."""
    if name not in LIST_FIELDS:
        return None
    items = doc.criteria.get(name.split(".")[1], [])
    if not items:
        return None
    return Said(f"{len(items)} item(s), the first {items[0].text[:80]!r}", items[0].text)


def _named_by_the_other_list(criteria: list[Criterion], name: str) -> Said | None:
    """A criteria list a criterion of the source's other list names (criteria_text.LIST_NAMED), its heading's words
    run into that criterion where no heading split them ("... 3) Consent Exclusion Criteria: 1) Pregnancy", a text
    on one line): the source states the list, which its reading does not place. Before, the import declared it
    silent, and the check passed it."""
    if name not in LIST_FIELDS:
        return None
    side = name.split(".")[1].split("_")[0]
    named = criteria_text.LIST_NAMED[side]
    found = next((c for c in criteria if c.side != side and named.search(c.text)), None)
    if found is None:
        return None
    return Said(f"a criterion of its {found.side} list names them: {found.text[:80]!r}", found.text)


# Parents whose place holds words of other fields of the same vocabulary: a page's "Estimated
# completion" is no type of its launch date, and the criteria are read by _in_criteria.
_PARENTS_READ_APART = ("dates", "eligibility")


def _in_parent_place(doc: SourceDoc, schema: dict, name: str) -> Said | None:
    """A term of the vocabulary of a field at name or beneath it that the place of its nearest parent
    renders, where the layout places only that parent ("Sponsors Peking University Third Hospital
    OTHER" for sponsor.class, "... by intravenous infusion." of the interventions for their route,
    "NA SINGLE_GROUP TREATMENT NONE" for design.masking); else None. A term of a field's own
    vocabulary names that field whichever of the parent's other fields stand beside it: without this
    a route or masking dropped and declared silent passed, the layout having no place of the part's own."""
    if name.split(".")[0] in _PARENTS_READ_APART:
        return None
    for path in [fields.parse_dotted(name), *fields.fields_beneath(schema, name)]:
        leaf = fields.dotted(path)
        if leaf.endswith(".unit"):
            continue  # a unit says nothing without its number
        parts = leaf.split(".")[:-1]
        while parts and ".".join(parts) not in doc.places:
            parts.pop()
        parent = ".".join(parts)
        if not parts or parent == name or parent.startswith(name + ".") or _own_place(doc, leaf, leaf):
            continue  # no place above it, or the field's own (read by stated)
        node = _value_node(schema, path)
        if "enum" not in node and node.get("type") != "boolean":
            continue  # a text or a number in a parent's place may be any of its fields'
        said = _said(leaf, node, doc.places[parent])
        if said is not None:
            return Said(f"{said.shown} in its {parent} section", said.words)
    return None


def _in_own_title(doc: SourceDoc, schema: dict, name: str) -> Said | None:
    """What the trial's own title, where doc places it, says of its product (TITLE_FIELDS: a target
    antigen, autologous cells) at name or beneath it, as a related trial's title does of a stub's
    ("CD19-CART(Relma-cel) for ..." states CD19); else None."""
    titles = [p.text for key in ("brief_title", "official_title") for p in doc.places.get(key, [])]
    for vocab in _title_vocabularies(schema, name) if titles else ():
        found = [rendering for title in titles for rendering, _ in vocab.find(title)]
        if found:
            return Said(f"{found[0]!r} in its title", found[0])
    return None


# The fields a record reads from its criteria (binding reads each from the criterion it names): the
# source's criteria lists are their place, though a page's layout places only its eligibility
# section as a whole, a parent's place, which holds other fields' words too.
CRITERIA_READ = (
    "eligibility.lupus_nephritis",
    "eligibility.classification_criteria",
    "eligibility.autoantibodies",
    "eligibility.prior_therapy",
    "eligibility.thresholds",
    "eligibility.minimum_age",
    "eligibility.maximum_age",
)

# ... of them, those that say what the trial asks its patients: what a criterion listed under a part's
# sub-heading asks is that part's, no statement of the trial's (kept_out.heads_a_part)
ASKED = (
    "eligibility.lupus_nephritis",
    "eligibility.classification_criteria",
    "eligibility.autoantibodies",
    "eligibility.prior_therapy",
)


def _in_criteria(criteria: list[Criterion], schema: dict, name: str, notes: list[str]) -> Said | None:
    """What doc's criteria state of the field at name, one read from the criteria, or of a part of it:
    a term of its vocabulary ("Severe lupus nephritis", "1997 revised criteria", "antinuclear
    antibodies", "refractory"), an age at its bound, or for the thresholds a limit that is no age (a
    comparator, a number and a unit: "SELENA-SLEDAI score ≥8" has none, "serum IgA level < 10 mg/dL"
    one); else None. A criteria list that does not state the field may well name its words (a draft's
    lupus nephritis declared silent while its exclusion criterion 1 says "Severe lupus nephritis" read
    as not stated in trials.csv)."""
    every = [c.text for c in criteria]
    for field in CRITERIA_READ if every else ():
        if field != name and not field.startswith(name + ".") and not name.startswith(field + "."):
            continue
        # (what a criterion its list gives under a part's sub-heading asks is that part's: kept_out.heads_a_part)
        trials = [c for c in criteria if field not in ASKED or not kept_out.heads_a_part(c.group)]
        texts = [c.text for c in trials if _requiring(c)] if field in REQUIREMENTS else [c.text for c in trials]
        for path in [fields.parse_dotted(field), *fields.fields_beneath(schema, field)]:
            leaf = fields.dotted(path)
            if leaf != name and not leaf.startswith(name + ".") and not name.startswith(leaf + "."):
                continue
            if name.startswith(leaf + ".") and not _required_part(schema, name):
                # a limit (or an age) stated is no statement of a part it may lack: a complete record whose
                # thresholds have no conditions declares eligibility.thresholds.conditions silent (E520
                # asks it to), and a criterion's limit was read as stating them
                continue
            if leaf.endswith(".match"):
                # "or", "and": words of any enumeration, which say nothing of the field on their own; but
                # between two of the field's terms they join them (Relma-cel's "antinuclear antibodies,
                # and/or anti-DS-DNA antibodies": its match dropped and declared silent passed)
                said = _joining(texts, schema, path, notes)
                if said is not None:
                    return said
                continue
            if leaf in AGE_BOUNDS:
                ages = [
                    a
                    for text in texts
                    for a in age_bounds.criteria_ages(text)
                    if a.bound == AGE_BOUNDS[leaf] and not _named(notes, stated_limits.number_text(a.value))
                ]
                if ages:
                    number = stated_limits.number_text(ages[0].value)
                    return Said(f"{number} {ages[0].unit} in its criteria", number)
                continue
            if leaf == "eligibility.thresholds":
                said = _limit_in(texts, notes)
                if said is not None:
                    return said
                continue
            node = _value_node(schema, path)
            if "enum" in node or node.get("type") == "boolean":
                vocab = (
                    vocabulary.for_boolean(leaf)
                    if node.get("type") == "boolean"
                    else vocabulary.for_enum(tuple(node["enum"]))
                )
                # (an inclusion criterion's antibody it asks patients to be negative for: none they must have)
                negative = (
                    {c.text for c in criteria if c.side == "inclusion"}
                    if vocab and vocab.name == "autoantibody"
                    else set()
                )
                # (what it asks of the patients of a part of the trial only: "Cohort B: active lupus nephritis")
                of_a_part = vocab is not None and vocab.reading.asked_of_patients
                # (what an inclusion criterion asks as one of alternatives to another limit: asked of no one)
                inclusion = {c.text for c in criteria if c.side == "inclusion"}
                found = [
                    text[r.start : r.end]
                    for text in texts
                    for r in (vocab.places(text) if vocab else [])
                    if not _named(notes, text[r.start : r.end])
                    and _said_of_its_field(leaf, text, r)
                    and not (text in negative and vocabulary.negative_for(text, r.start))
                    and not (of_a_part and kept_out.of_a_part(text, r.start))
                    and not (
                        vocab is not None
                        and vocab.reading.asked_alone
                        and text in inclusion
                        and scopes.among_alternatives(text, r.start, r.end, vocab.places)
                    )
                ]
                if found:
                    return Said(f"{found[0]!r} in its criteria", found[0])
    return None


# Who may enrol, as criteria write it: a phrase that names the sex of those who may enrol whole ("Male or
# female patients", "Women only": the sex vocabulary's renderings of more than one word; a bare "Female"
# stands in many a rule, "Female: haemoglobin < 10 g/dL"), and healthy volunteers said to be eligible or not
# ("Healthy volunteers are not eligible", "No healthy volunteers"; the vocabulary's bare "No" stands in any
# criterion). A source of no layout places neither field, and its criteria (the record's own, quoted from
# it) are where it says so: a press release's "Male or female patients with SLE" let a record declare
# eligibility.sex silent, and trials.csv showed it not stated.
_WHO_MAY_ENROL = ("eligibility.sex", "eligibility.healthy_volunteers")
# healthy volunteers named as those the trial is for, not a study of them ("healthy volunteer studies")
_HEALTHY = (
    r"healthy\s+(?:adult\s+)?(?:volunteers?|subjects?|participants?|individuals?|persons?|people|controls?)\b"
    r"(?!\s+(?:stud(?:y|ies)|trials?|cohorts?)\b)"
)
_ADMITTED = (
    r"(?:(?:in)?eligible|accept\w*|enrol\w*|includ\w*|allow\w*|permitted|exclud\w*|admi\w*|recruit\w*|"
    r"qualif\w*|take\s+part|participate)\b"
)
# "Healthy volunteers are not eligible", "... will be excluded"; "does not accept healthy volunteers",
# "will not enroll healthy volunteers"; "No healthy volunteers"
_HEALTHY_SAID = lazy(
    rf"(?i)\b{_HEALTHY}\s+(?:(?:are|is|will|shall|may|can|must)\s+)?(?:not\s+)?(?:be\s+)?{_ADMITTED}"
    rf"|\b(?:accepts?|accepting|admits?|admitting)\s+(?:no\s+)?{_HEALTHY}"
    rf"|\b(?:will|do|does|shall)\s+(?:not\s+)?(?:enrol\w*|includ\w*|recruit\w*)\s+{_HEALTHY}"
    rf"|\bno\s+{_HEALTHY}"
)
_HEALTHY_ALONE = lazy(rf"(?i)\s*{_HEALTHY}\s*[.;]?\s*\Z")  # an exclusion criterion "Healthy volunteers."


def _who_may_enrol(criteria: list[Criterion], schema: dict, name: str, notes: list[str]) -> Said | None:
    """The sex of those who may enrol, or whether healthy volunteers may, where a criterion says it in a
    phrase of its own (_WHO_MAY_ENROL), when name is that field or a parent of it; else None."""
    for leaf in _WHO_MAY_ENROL:
        if leaf != name and not leaf.startswith(name + "."):
            continue
        for criterion in criteria:
            text = criterion.text
            if leaf == "eligibility.sex":
                vocab = vocabulary.for_enum(tuple(_value_node(schema, fields.parse_dotted(leaf))["enum"]))
                found = [
                    text[r.start : r.end]
                    for r in (vocab.places(text) if vocab else [])
                    if " " in text[r.start : r.end] and not _named(notes, text[r.start : r.end])
                ]
            else:
                said = _HEALTHY_SAID.search(text) or (
                    _HEALTHY_ALONE.match(text) if criterion.side == "exclusion" else None
                )
                found = [said.group(0).strip()] if said is not None and not _named(notes, said.group(0).strip()) else []
            if found:
                return Said(f"{found[0]!r} in its criteria", found[0])
    return None


def _said_of_its_field(leaf: str, text: str, rendering: vocabulary.Rendering) -> bool:
    """Whether a term of a criteria-read field's vocabulary is said of that field where it stands: a
    "refractory" of the disease (prior_therapy.refractory_disease), not of a finding or another disease
    ("Refractory anemia requiring transfusion" among the inclusions called no lupus refractory, and a
    record declaring eligibility.prior_therapy.refractory silent was refused), nor of a part of the
    trial's patients only ("Part B only: refractory to belimumab": kept_out.of_a_part)."""
    if leaf != PRIOR_THERAPY + ".refractory":
        return True
    return prior_therapy.refractory_disease(text, rendering.start, rendering.end) and not kept_out.of_a_part(
        text, rendering.start
    )


# The fields a prior-therapy requirement a criterion states gives: itself and the criterion it is read
# from, and its therapies where it names them (its `refractory` is read by its vocabulary: _in_criteria)
PRIOR_THERAPY = "eligibility.prior_therapy"
_REQUIREMENT_STATES = ("eligibility", PRIOR_THERAPY, PRIOR_THERAPY + ".criterion")


def _joining(texts: list[str], schema: dict, path: fields.Path_, notes: list[str]) -> Said | None:
    """A term of a match's vocabulary (path: a field's `match`) between the first and the last of two
    or more terms of its sibling list's vocabulary in one criterion ("ANA, and/or anti-dsDNA"), else None."""
    match = vocabulary.for_enum(tuple(_value_node(schema, path)["enum"]))
    if match is None:
        return None
    siblings = _value_node(schema, path[:-1]).get("properties", {})
    listed = [
        fields.resolve(schema, node.get("items", {})) for node in siblings.values() if node.get("type") == "array"
    ]
    terms = [vocabulary.for_enum(tuple(node["enum"])) for node in listed if "enum" in node]
    for vocab in [t for t in terms if t is not None]:
        for text in texts:
            places = vocab.places(text)
            if len(places) < 2:
                continue
            between = text[places[0].end : places[-1].start]
            found = [r for r, _ in match.find(between) if not _named(notes, r)]
            if found:
                return Said(f"{found[0]!r} joining its terms in its criteria", found[0])
    return None


def _prior_therapy_required(
    doc: SourceDoc,
    own: list[Criterion],
    name: str,
    read: dict[tuple[str, bool], prior_therapy.Requirement | None],
) -> Said | None:
    """A prior-therapy requirement (prior_therapy.requirement) that a criterion of doc's criteria
    lists, or of the record's own criteria (each with its nested items, as binding reads one; a
    source of no layout has no lists, and the criteria a record quotes from it are its words),
    states, when name is the requirement or the criterion it is read from; one naming a therapy when
    name is its therapies; else None. A complete record that dropped Relma-cel's prior therapy
    ("the disease remained active at least 2 months after the use of a stable standard SLE
    regimen") and declared it silent passed: its vocabulary holds `refractory` alone, which that
    criterion does not say, and its therapies are words of the criterion's own. read: each criterion's
    requirement, read once a check for every silent field and source that asks (the record's own
    criteria were read again for each)."""
    therapies = name == PRIOR_THERAPY + ".therapies"
    if name not in _REQUIREMENT_STATES and not therapies:
        return None
    for criterion in [*_listed(doc), *own]:
        if kept_out.heads_a_part(criterion.group):
            continue  # (a part's requirement, not the trial's: "Cohort B:" heading its list)
        key = (criterion.text, criterion.side == "inclusion")
        if key not in read:
            read[key] = prior_therapy.requirement(criterion.text, inclusion=key[1])
        found = read[key]
        if found is None or (therapies and not found.therapies):
            continue
        words = found.therapies[0] if therapies else found.words
        where = f"{criterion.side} criterion {criterion.number}" if criterion.number is not None else "its criteria"
        return Said(f"{words!r} in {where}", words)
    return None


class Criterion(NamedTuple):
    """A criterion as the silence check reads it: its list ("inclusion", "exclusion"), its number
    (None when unnumbered) and its text (normalised; with its nested items' for a record's own)."""

    side: str
    number: int | None
    text: str
    group: str | None = None  # the sub-heading its list gives it under (kept_out.heads_a_part)


def _listed(doc: SourceDoc) -> list[Criterion]:
    """The items of doc's criteria lists, each alone (a layout's; a source of no layout has none)."""
    return [
        Criterion(key.split("_")[0], item.number, item.text, item.group)
        for key, items in doc.criteria.items()
        for item in items
    ]


def _own_criteria(record: Record) -> list[Criterion]:
    """The record's own criteria, each with its nested items as binding reads one: the words it quotes
    from its sources, read where a source lists none (a source of no layout's criteria in its text)."""
    eligibility = record.data.get("eligibility")
    return [
        Criterion(
            key.split(".")[1].split("_")[0],
            item.get("number"),
            normalise(" ".join(fields.criterion_texts(item))),
            item.get("group") if isinstance(item.get("group"), str) else None,
        )
        for key in LIST_FIELDS
        for item in (eligibility.get(key.split(".")[1]) if isinstance(eligibility, dict) else None) or []
        if isinstance(item, dict) and isinstance(item.get("text"), str)
    ]


# The fields that say what patients must have, which an inclusion criterion states, or an exclusion
# keeping out those who lack it (prior_therapy.REQUIREMENTS, as binding/criterion.py reads them): "Uncontrolled or
# refractory hypertension" among the exclusions calls no lupus refractory, and "Positive for
# antiphospholipid antibodies" there requires none (each refused a record declaring the field silent).
REQUIREMENTS = tuple(f"eligibility.{name}" for name in prior_therapy.REQUIREMENTS)


def _requiring(criterion: Criterion) -> bool:
    """Whether a criterion can state a requirement: an inclusion criterion, or an exclusion criterion
    with words of not meeting something (prior_therapy.NOT_MET)."""
    return criterion.side == "inclusion" or prior_therapy.NOT_MET.search(criterion.text) is not None


def _required_part(schema: dict, name: str) -> bool:
    """Whether the field at name is one its parent's schema requires (a threshold's value, an age's
    unit), so that a parent's value stated states it too."""
    path = fields.parse_dotted(name)
    parent = _value_node(schema, path[:-1])
    return path[-1] in parent.get("required", [])


def _value_node(schema: dict, path: fields.Path_) -> dict:
    """The schema node of one value of the field at path: the field's own, or its items' where the
    field is a list."""
    node = fields.node_at(schema, path)
    if node.get("type") == "array":
        node = fields.resolve(schema, node.get("items", {}))
    return node


def _named(notes: list[str], words: str) -> bool:
    return any(_names(note, words) for note in notes)


def _limit_in(texts: list[str], notes: list[str]) -> Said | None:
    """A limit the criteria state that is no age (a comparator, a number and its unit) and no note on
    the field names: each one is named, not the first alone (a note naming "6 g/24h" of Relma-cel's
    fifteen limits excused them all)."""
    for text in texts:
        # an age ("between 18 and 70 years old"): the ages' place, not a threshold's (age_bounds.ages reads any
        # bound as one, "≥ 6 g/24h" too: only one in years is held to be an age)
        ages = {a.value for a in age_bounds.ages(text) if a.unit == "YEARS"}
        for s in stated_limits.written_statements(text):
            if s.comparator is None or s.unit is None:
                continue
            if s.unit.key == "years" and any(quantities.same_number(value, s.value) for value in ages):
                continue
            words = text[s.start : s.end]
            if not _named(notes, words):
                return Said(f"{s.says()} in its criteria", words)
    return None


def _own_place(doc: SourceDoc, leaf: str, name: str) -> list[Passage]:
    """The passages of the nearest place the layout gives the field leaf, when that place is the
    declared field's or beneath it (a parent's place holds other fields' words too)."""
    parts = leaf.split(".")
    while parts:
        key = ".".join(parts)
        if key in doc.places:
            return doc.places[key] if key == name or key.startswith(name + ".") else []
        parts.pop()
    return []


def _said(leaf: str, node: dict, placed: list[Passage]) -> Said | None:
    """The value a passage gives the field at leaf (schema node), else None."""
    if "enum" in node or node.get("type") == "boolean":
        if leaf.endswith(".unit"):
            return None  # a unit says nothing without its number
        vocab = (
            vocabulary.for_boolean(leaf) if node.get("type") == "boolean" else vocabulary.for_enum(tuple(node["enum"]))
        )
        if vocab is None:  # a vocabulary the tables do not cover (tests/test_vocabulary.py keeps this from happening)
            return None
        found = [rendering for passage in placed for rendering, _ in vocab.find(passage.text)]
        return Said(f"{found[0]!r}", found[0]) if found else None
    if fields.is_date(node):
        return _labelled_date(leaf, placed)
    if leaf == "enrollment.count":
        count = next((c for p in placed for c in head_counts.counts(p.text)), None)
        return (
            None
            if count is None
            else Said(f"{stated_limits.number_text(count)} participants", stated_limits.number_text(count))
        )
    if leaf in AGE_BOUNDS:
        bound = AGE_BOUNDS[leaf]
        ages = [a for p in placed for a in age_bounds.ages(p.text) if a.bound == bound]
        if not ages:
            return None
        number = stated_limits.number_text(ages[0].value)
        return Said(f"{number} {ages[0].unit}", number)
    if node.get("type") == "string":
        value = next((p.value or p.text for p in placed if p.whole and (p.value or p.text)), None)
        return None if value is None else Said(repr(value[:60]), value[:60])
    return None


def _labelled_date(leaf: str, placed: list[Passage]) -> Said | None:
    """A date a passage gives under one of the date's own labels (date_mentions.DATE_LABELS), for a message;
    an unlabelled date, or one under another date's label, is a reading and says nothing here."""
    parts = leaf.split(".")
    own = date_mentions.DATE_LABELS.get(parts[1], ()) if len(parts) > 1 and parts[0] == "dates" else ()
    for passage in placed if own else []:
        mentions = date_mentions.dates(passage.text)
        spans = date_mentions.label_spans(passage.text, DATE_LABEL_PATTERN) if mentions else ()
        for mention in mentions:
            label = date_mentions.label_of(passage.text, mention, spans, mentions)
            if label in own:
                return Said(f"{label} {mention.value}", passage.text[mention.start : mention.end])
    return None
