"""E501: a field a curation note or an incomplete entry says a source gives ("The source gives an enrollment count",
"Its Timeline section gives the start date") that the record declares its sources silent on. Relma-cel's notes "The
source gives no enrollment count." and "Its Timeline section gives no dates." rewritten so (hunt 212) passed beside
its silent enrollment and dates.start: what a note said a source gives was held to nothing, and a reader trusted
one of the two, the note or the silence. Said with a denial ("gives no", "does not give", "whether it gives"), a note
gives none. The evidence stage runs it beside the other remark checks (evidence.stages).

Hunt 214 said it in other words, and they passed: Relma-cel's "0 patients applied" "counts trial enrolment" or "is
recorded as the enrollment", its launch date one the source "says it is the start date", and "The source names the
treatment Relma-cel (in its title and summary) but gives an intervention type" (the subject before a bracket and a
"but", which end a clause).

Hunt 218 gave the field after a bracket and "with" what the source lists: Relma-cel's "The source lists one location
(Shanghai, China), with its facility" (silent on it) passed; a bracket is passed over in a list, "with" joins one.

Hunt 221 (hunt 220's leftover): a date's type said given, of a record silent on the type of every date it holds: IM19's
"The source does not say whether they are actual or estimated." made "The source marks both as estimated." passed, no
field's words naming a date's type (_DATE_TYPE).

Hunt 215: which registry date a date is, said to be given ("and says which registry date that is", Relma-cel's "does
not say which" made so), of a record silent on every registry date (_WHICH_DATE).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_names

# a field's words, as a note names what a source gives, and the field they name
FIELD_WORDS = {
    r"(?:target[ \t]+|planned[ \t]+)?enrol{1,2}ment(?:[ \t]+(?:count|number|figure|target))?|sample[ \t]+size": (
        "enrollment"
    ),
    r"(?:study[ \t]+)?start[ \t]+date": "dates.start",
    r"primary[ \t]+completion[ \t]+date": "dates.primary_completion",
    r"(?<!primary[ \t])(?:study[ \t]+)?completion[ \t]+date": "dates.completion",
    r"first[ \t]+posted[ \t]+date": "dates.first_posted",
    r"official[ \t]+title": "official_title",
    r"acronym": "acronym",
    r"conditions": "conditions",
    r"keywords": "keywords",
    r"brief[ \t]+summary": "brief_summary",
    r"detailed[ \t]+description": "detailed_description",
    r"(?:study[ \t]+)?arms|arm[ \t]+groups": "arms",
    r"(?:primary[ \t]+|secondary[ \t]+)?outcomes?(?:[ \t]+measures?)?": "outcomes",
    r"intervention[ \t]+type": "interventions.type",
    r"(?:route|route[ \t]+of[ \t]+administration)": "interventions.route",
    r"lymphodepleting[ \t]+(?:regimen|chemotherapy)|lymphodepletion": "lymphodepletion",
    r"study[ \t]+type": "study_type",
    r"references|publications": "references",
    # (a site's facility: hunt 218, Relma-cel's "lists one location (Shanghai, China), with its facility" passed)
    r"(?:site[ \t]+)?facilit(?:y|ies)": "locations.facility",
    r"(?:trial['\u2019]s[ \t]+)?secondary[ \t]+(?:ids?|identifiers?|numbers?)": "identifiers.secondary_ids",
}
# ... and, said given, an identifier of the trial's other than its NCT id, of a kind named by its capitals: Relma-cel's
# "The source gives the trial's MLC number" passed (hunt 217's leftover), of a record silent on every identifier. (Said
# not given, it is one kind's absence, not every identifier's: remark_absence reads FIELD_WORDS alone.)
_ID_KIND = r"(?-i:(?!NCT\b)[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*)"  # ("MLC", "ChiCTR"; in capitals, whatever the flags)
_GIVEN_WORDS = {
    **FIELD_WORDS,
    rf"(?:trial['\u2019]s[ \t]+)?{_ID_KIND}[ \t]+(?:numbers?|ids?|identifiers?)": "identifiers",
}
_FIELDS = "|".join(f"(?P<f{i}>{words})" for i, words in enumerate(_GIVEN_WORDS))
_RECORDED_FIELDS = "|".join(f"(?P<r{i}>{words})" for i, words in enumerate(_GIVEN_WORDS))
_NAMED = list(_GIVEN_WORDS.values())
# a source said to give a field: "gives an enrollment count", "lists the start date", "states its conditions"; the
# word between no denial ("gives no start date"); a count of the source's said to count a field ("Its "0 patients
# applied" counts trial enrolment"), and the source said to say a date it writes is a field ("says it is the start
# date"): hunt 214's rewrites of Relma-cel's notes; a list "of" is a noun ("covers its whole list of conditions", of a
# criterion's, refused before)
_GIVES = lazy(
    r"(?i)\b(?:gives?|giving|states?|stating|lists?(?![ \t]+of\b)|listing(?![ \t]+of\b)|names?|reports?|provides?|"
    # (or said to lay it out: "runs the conditions together on one line" passed of Relma-cel's, silent on them, hunt
    # 220)
    r"shows?|writes?|counts?|runs?|running|spells?|spelling|"
    r"says?[ \t]+(?:that[ \t]+)?(?:it|this|that|they)[ \t]+(?:is|are))[ \t]+"
    r"(?:(?:an?|the|its|their)[ \t]+)?(?:(?!(?:no|not|any|neither|none)\b)[\w-]+[ \t]+)??"
    rf"(?:{_FIELDS})\b|"
    # a value said to be recorded as the field (hunt 214: Relma-cel's "0 patients applied" "is recorded as the
    # enrollment"), the record's, whoever the subject; "recorded as its conditions" is a threshold's, not the trial's
    r"(?<!not[ \t])\b(?:is|are)[ \t]+"
    r"(?:(?:recorded|entered|kept)[ \t]+as[ \t]+(?:the[ \t]+)?(?:trial['\u2019]s[ \t]+)?|"
    # ... or said to be the record's field ("it is the record's start date", hunt 216, of a record silent on it), or
    # the field ("it is the first posted date", hunt 219)
    r"(?:also[ \t]+)?the[ \t]+(?:(?:record|trial)['\u2019]s[ \t]+)?)"
    rf"(?:{_RECORDED_FIELDS})\b"
)
# the source the subject of the clause, before the verb ("The source gives", "Its Timeline section lists", "It
# states"), not another ("ClinicalTrials.gov lists conditions" of a record citing a copy that does not)
_SOURCE_BEFORE = lazy(r"(?i)\b(?:the[ \t]+source|it|its|this[ \t]+(?:page|copy|source|document))\b")
# a clause of no subject of its own, its verb first ("The source names Relma-cel (in its title) but gives an
# intervention type"): its sentence's first clause's subject (hunt 214: a "but" and a bracket set it apart)
_ELIDED = lazy(r"[ \t]*(?:and[ \t]+|also[ \t]+)*\Z")
_RECORDED = lazy(
    r"(?i)(?:is|are)[ \t]+(?:(?:recorded|entered|kept)[ \t]+as\b|"
    r"(?:also[ \t]+)?the[ \t]+(?:(?:record|trial)['\u2019]s\b)?)"
)
# words before it in its clause that deny it or say it is unknown ("does not give", "whether it lists")
_DENIED = lazy(r"(?i)\b(?:no|not|never|neither|nor|without|whether|if|unless|unclear|unknown|nothing)\b")
# a modal right before the verb ("The source would give an acronym if it had one") or "nowhere" right after the field
# ("It gives the conditions nowhere"): no giving said (hunt 213's honest IM19 notes, refused before)
_SUPPOSED = lazy(r"(?i)\b(?:would|could|might|may|should)[ \t]+(?:also[ \t]+)?\Z")
_NOWHERE = lazy(r"[ \t]+nowhere[ \t]*(?:[.,;]|\Z)")
# a field said given as no value ("Its Timeline section lists the completion date as "Not reported"", "... as not
# reported"): no giving said (hunt 215's honest Relma-cel note, refused before); such a quote is kept to be read
_AS_NO_VALUE = lazy(
    r"(?i)[ \t]+as[ \t]+[\"\u201c]?(?:not[ \t]+(?:reported|given|available|provided|stated|known)|unknown|"
    r"none|n/?a|pending|blank|empty)\b"
)
_NO_VALUE = lazy(
    r"(?i)[ \t]*(?:not[ \t]+(?:reported|given|available|provided|stated|known)|unknown|none|n/?a|pending)[ \t.]*\Z"
)
_CLAUSE_STOPS = lazy(r"[;:()\[\]]|,(?=[ \t]+(?:and|but|while|whereas|which|although|though)\b)|[ \t]+(?:but|while)\b")

# which registry date a date is, said to be given ("The source reads "Launched by ... · Feb 28, 2023" and says which
# registry date that is": Relma-cel's "does not say which" made so, hunt 214's leftover): a date of the registry's the
# source gives, where the record declares it silent on every one
_WHICH_DATE = lazy(
    r"(?i)\b(?:says?|states?|tells?|gives?|names?)[ \t]+(?:which|what)[ \t]+(?:registry[ \t]+|kind[ \t]+of[ \t]+)?"
    r"date[ \t]+(?:that|it|this)[ \t]+(?:is|was)\b"
)
# a date's type a source is said to give: a verb of the source's, then, in its clause, the type after "as" or a form of
# "be" ("marks both as estimated", "says they are actual", "lists the completion date as an estimate"), the type the
# clause's end, a date's noun or a list's joint ("an estimated glomerular filtration rate" is a measure, not a type)
_DATE_TYPE = lazy(
    r"(?i)\b(?:marks?|marking|labels?|labell?ing|flags?|gives?|lists?|says?|states?|shows?|calls?|describes?|"
    r"reports?|writes?)\b[^.;:()]*?\b(?:as|is|are|was|were|be)[ \t]+(?:(?:an?|both|all)[ \t]+)?"
    r"(?:actual|estimated|anticipated|projected|expected|estimates?)\b"
    r"(?=[ \t]*(?:[.,;:)]|\Z|(?:and|or|dates?|ones?|in|by|on)\b))"
)
# a field listed after another thing a source is said to give, with no verb of its own ("The source's summary gives the
# phase, and the enrolment", hunt 216): the verb, the run it governs (to a stop of the clause's), and each member of
# its list after the first, which is the verb's own (_GIVES)
_GIVING_VERB = lazy(
    r"(?i)\b(?:gives?|states?|lists?(?![ \t]+of\b)|names?|reports?|provides?|shows?|writes?|includes?)[ \t]+"
)
_GOVERNED = lazy(r"[^;:()\[\].]*")
_MEMBERS = lazy(r"(?i),?[ \t]+(?:and|or|as[ \t]+well[ \t]+as|plus|(?:together[ \t]+|along[ \t]+)?with)[ \t]+|,[ \t]*")
_OTHER_CLAUSE = lazy(r"(?i),?[ \t]+(?:but|while|whereas|although|though)\b")
# a bracket after a member, which the list goes on past ("lists one location (Shanghai, China), with its facility")
_BRACKET = lazy(r"[ \t]*\([^()]*\)")
_MEMBER_FIELD = lazy(rf"(?i)[ \t]*(?:(?:an?|the|its|their)[ \t]+)?(?:[\w-]+[ \t]+)??(?:{_FIELDS})\b")
# a first member saying none of the list is given, and a later one saying what is given after all
_NO_MEMBER = lazy(r"(?i)[ \t]*(?:no|neither|none[ \t]+of)\b")
_GIVEN_AFTER_ALL = lazy(r"(?i)[ \t]*(?:only|just|except|save|bar|other[ \t]+than)\b")
# a member with a verb of its own is a clause of its own ("..., and the enrolment is not given"; not a word that may be
# a noun, "count", "lists", "names")
_OWN_VERB = lazy(
    r"(?i)\b(?:is|are|was|were|be|been|has|have|had|does|do|did|says?|gives?|speaks?|spells?|kept|recorded|appears?)\b"
)
REGISTRY_DATES = (
    "dates.start",
    "dates.primary_completion",
    "dates.completion",
    "dates.first_submitted",
    "dates.first_posted",
    "dates.last_updated",
)

RULE = "a remark says a source gives a field only where the record does not declare its sources silent on it"


def check_remark_silence(record: Record) -> Iterator[Problem]:
    """E501: each field a remark says a source gives that the record declares silent."""
    silent = [n for n in record.data["curation"].get("silent") or [] if isinstance(n, str)]
    if not silent:
        return iter(())
    dates = record.data.get("dates")
    untyped = bool(dates) and isinstance(dates, dict) and all(fields.covered(silent, f"dates.{d}.type") for d in dates)
    return said_by_remarks(record, "E501", lambda text: _silenced(text, silent, untyped), RULE)


def _silenced(text: str, silent: list[str], untyped: bool) -> Iterator[str]:
    """What text says a source gives of each field the record declares silent (untyped: the type of each date it
    holds)."""
    read = QUOTED.sub(
        lambda m: m.group(0) if _NO_VALUE.match(m.group(1) or m.group(2) or "") else " | ", normalise(text)
    )
    for sentence in note_names.sentences_of(read):
        clauses = _CLAUSE_STOPS.split(sentence)
        sourced = bool(_SOURCE_BEFORE.match(clauses[0].lstrip()))
        for field in _listed_after(sentence, sourced):
            if fields.covered(silent, field):
                yield f"says a source gives its {field}, which the record declares its sources silent on"
        for clause in clauses:
            if untyped and _typed(clause, sourced):
                yield "says a source gives a date's type; the record declares it silent on each date's type"
            for m in _WHICH_DATE.finditer(clause):
                if not _DENIED.search(clause, 0, m.start()) and all(fields.covered(silent, d) for d in REGISTRY_DATES):
                    yield "says a source says which registry date a date is; the record declares it silent on each"
            for m in _GIVES.finditer(clause):
                # a value said recorded as the field is the record's, whoever is the subject
                subject = _RECORDED.match(clause, m.start()) or _SOURCE_BEFORE.search(clause, 0, m.start())
                if _DENIED.search(clause, 0, m.start()) or not (
                    subject or sourced and _ELIDED.match(clause[: m.start()])
                ):
                    continue
                if _SUPPOSED.search(clause, 0, m.start()) or _NOWHERE.match(clause, m.end()):
                    continue
                if _AS_NO_VALUE.match(clause, m.end()):
                    continue
                field = next(_NAMED[i] for i in range(len(_NAMED)) if m.group(f"f{i}") or m.group(f"r{i}"))
                if fields.covered(silent, field):
                    yield f"says a source gives its {field}, which the record declares its sources silent on"


def _typed(clause: str, sourced: bool) -> bool:
    """Whether clause says a source gives a date's type: a source the subject (or the sentence's), no denial before
    the type, no modal before the verb."""
    for m in _DATE_TYPE.finditer(clause):
        before = clause[: m.start()]
        # (a denial before the type too: "marks neither as actual or estimated")
        if _DENIED.search(clause, 0, m.end()) or _SUPPOSED.search(before):
            continue
        if _SOURCE_BEFORE.search(before) or sourced and _ELIDED.match(before):
            return True
    return False


def _listed_after(sentence: str, sourced: bool) -> Iterator[str]:
    """The fields sentence lists after the first thing a source is said to give, each a member of the verb's list with
    no verb of its own and no denial (the first member is _GIVES's)."""
    sentence = _BRACKET.sub("", sentence)
    for verb in _GIVING_VERB.finditer(sentence):
        before = sentence[: verb.start()]
        clause_start = max((m.end() for m in _CLAUSE_STOPS.finditer(before)), default=0)
        own = before[clause_start:]
        if _DENIED.search(own) or _SUPPOSED.search(own) or not (_SOURCE_BEFORE.search(own) or sourced):
            continue
        governed = _GOVERNED.match(sentence, verb.end())
        # (to a clause of another subject: "... with its facility while its summary speaks of ...")
        members = _MEMBERS.split(_OTHER_CLAUSE.split(governed.group() if governed else "")[0])
        # (a list its first member denies is denied to its end, "gives no officials or references", but where a member
        # says what is given after all, "gives no dates, only its identifiers": hunt 217 (honest))
        denied = _NO_MEMBER.match(members[0]) is not None
        for member in members[1:]:
            if _OWN_VERB.search(member) or _DENIED.search(member):
                break
            if denied:
                if (given := _GIVEN_AFTER_ALL.match(member)) is None:
                    continue
                member, denied = member[given.end() :], False
            if (m := _MEMBER_FIELD.match(member)) is not None and not _NOWHERE.match(member, m.end()):
                yield next(_NAMED[i] for i in range(len(_NAMED)) if m.group(f"f{i}"))
