"""E501: the disease, or its state, a comment of the record's file or a curation note says the trial is in ("# IM19
CAR-T cells in refractory SLE", "# Relma-cel (CD19-CART) in moderate to severe active SLE") that the record does not
give the trial. Hunt 214 rewrote IM19's first comment to "in lupus nephritis" or "in mild SLE" and Relma-cel's to "in
refractory SLE" or "in inactive SLE", and each passed: a comment's names and facts are read, its words of whom the
trial treats by nothing. A reader of the file takes its first line for the trial's population.

A state's word (mild, severe, active, refractory, new-onset, juvenile, ...) or a form of lupus (nephritis, cutaneous,
neuropsychiatric), in the words right before "SLE" or "lupus" after "in", is one the record's titles, conditions,
keywords or summaries write, or, refractory, one its prior therapy says (eligibility.prior_therapy.refractory).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, said_by_comments, said_by_remarks, strings
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon.stated_limits import clause_around

# the words of a disease's state or form, each with the words the record may give it in
STATES = {
    "mild": r"mild",
    "moderate": r"moderate",
    "severe": r"severe",
    "active": r"active",
    "inactive": r"inactive|quiescent",
    "quiescent": r"inactive|quiescent",
    "refractory": r"refractory|treatment-resistant",
    "relapsed": r"relaps\w*",
    "relapsing": r"relaps\w*",
    "new-onset": r"new-onset|newly[ \t-]+diagnosed",
    "newly diagnosed": r"new-onset|newly[ \t-]+diagnosed",
    "early": r"early",
    "juvenile": r"juvenile|childhood|pediatric|paediatric",
    "childhood-onset": r"juvenile|childhood|pediatric|paediatric",
    "pediatric": r"juvenile|childhood|pediatric|paediatric",
    "cutaneous": r"cutaneous|discoid",
    "neuropsychiatric": r"neuropsychiatric|neuro",
    "nephritis": r"nephritis",
}
_STATE = "|".join(sorted(STATES, key=len, reverse=True))
# the trial said to be in a population: "in refractory SLE", "in moderate to severe active SLE", "in lupus nephritis"
_IN = lazy(
    r"(?i)\bin[ \t]+(?:patients[ \t]+with[ \t]+|adults[ \t]+with[ \t]+)?(?P<words>(?:[\w-]+,?[ \t]+){0,6}?)"
    r"(?:SLE|systemic[ \t]+lupus(?:[ \t]+erythematosus)?|lupus(?P<nephritis>[ \t]+nephritis)?)(?![\w-])"
)
_WORDS = lazy(rf"(?i)(?<![\w-])(?:{_STATE})(?![\w-])")
_GIVEN = {word: lazy(rf"(?i)(?<![\w-])(?:{words})") for word, words in STATES.items()}
# the fields that give whom the trial treats
_GIVING = ("brief_title", "official_title", "conditions", "keywords", "brief_summary", "third_party_summary")

# a denial right before it ("IM19 is not tested in juvenile SLE": hunt 215's honest note, refused before)
_DENIED = lazy(
    r"(?i)\b(?:not|never|nor|no|neither|unlike|rather[ \t]+than|instead[ \t]+of|except)\b(?:[ \t]+[\w-]+){0,3}[ \t]*\Z"
)
# another trial named before it in its clause, the one it speaks of ("NCT06310811, listed there as related, is a
# trial in moderate to severe active SLE"): its words are held to that trial's title as the record lists it; a
# contrast between ("The trial, unlike NCT06310811, is in ...") speaks of this trial again
_OTHER_TRIAL = lazy(r"(?i)\b(?P<id>NCT\d{8})\b(?![^.;:]*\b(?:unlike|than|while|whereas|but)\b)[^.;:]*\Z")
# a population its clause keeps out ("Exclusion criterion 1 excludes patients in severe lupus nephritis", "Patients in
# severe lupus nephritis are excluded": hunt 215's honest Relma-cel notes, refused before): none the trial is in
_KEPT_OUT = lazy(r"(?i)\b(?:exclud(?:e|es|ed|ing)|ineligible|not[ \t]+eligible|barred|kept[ \t]+out)\b")
_CLAUSE_STOP = lazy(r"[.;:!?,]|[ \t](?:but|while|whereas)\b")
_THIS_TRIAL = lazy(r"(?i)\b(?:this|the)[ \t]+(?:trial|study)\b")
_CONTRASTED = lazy(r"(?i)\b(?:unlike|than|besides|except|not|but|while|whereas)[ \t]+(?:[\w-]+[ \t]+)?\Z")
# the state of the disease the inclusion criteria require, its word within three of the disease's ("the disease
# remains active": IM19's "in active SLE", whose title says refractory alone, was refused, hunt 215)
_NEAR = r"(?:[ \t,:()-]+[\w-]+){0,3}?[ \t,:()-]+"
_DISEASE = r"(?:disease|SLE|lupus|erythematosus)"
_REQUIRED = {
    word: lazy(rf"(?i)\b{_DISEASE}\b{_NEAR}(?:{words})(?![\w-])|(?<![\w-])(?:{words}){_NEAR}{_DISEASE}\b")
    for word, words in STATES.items()
}

RULE = (
    "a remark says the trial is in a disease or a state of it only as the record's titles, conditions or summaries do"
)


def check_remark_population(record: Record, schema: dict) -> Iterator[Problem]:
    """E501: each state or form of the disease a comment or a remark says the trial is in that the record does not
    give it."""
    given = " ".join(normalise(s) for name in _GIVING for s in strings(record.data.get(name)))
    eligibility = record.data.get("eligibility") or {}
    refractory = (eligibility.get("prior_therapy") or {}).get("refractory") is True
    required = " ".join(
        normalise(text)
        for item in eligibility.get("inclusion_criteria") or []
        if isinstance(item, dict)
        for text in fields.criterion_texts(item)
    )
    others = {
        str(t.get("nct_id")): normalise(str(t.get("title") or ""))
        for t in record.data.get("related_trials") or []
        if isinstance(t, dict)
    }

    def ungiven(text: str) -> Iterator[str]:
        return _ungiven(text, given, refractory, required, others)

    yield from said_by_remarks(record, "E501", ungiven, RULE)
    yield from said_by_comments(record, schema, "E501", ungiven, RULE)


def _ungiven(text: str, given: str, refractory: bool, required: str, others: dict[str, str]) -> Iterator[str]:
    """What text says the trial is in that the record's words (given; of the state of the disease, its inclusion
    criteria: required) do not give it, or, of a related trial it names, that trial's title does not."""
    read = QUOTED.sub(" | ", normalise(text))  # (a run quoted is the source's, not the remark's)
    for m in _IN.finditer(read):
        if _DENIED.search(read, 0, m.start()) or _KEPT_OUT.search(
            clause_around(read, m.start(), m.end(), _CLAUSE_STOP)
        ):
            continue
        other = _OTHER_TRIAL.search(read, 0, m.start())
        if other is not None and (
            other.group("id") not in others  # (a trial the record does not list, a stub's source's: its own)
            or _CONTRASTED.search(read, 0, other.start())
            or _THIS_TRIAL.search(read, other.end(), m.start())
            or _bracketed(read, other.start(), m.start())
        ):
            other = None
        said = [w.group().lower() for w in _WORDS.finditer(m.group("words"))]
        said += ["nephritis"] if m.group("nephritis") else []
        for word in said:
            if other is not None:
                if not _GIVEN[word].search(others[other.group("id")]):
                    yield f"says {other.group('id')} is in {' '.join(m.group().split()[1:])!r}, which its title " + (
                        f"as the record lists it does not write ({word!r})"
                    )
                continue
            if word == "refractory" and refractory or _REQUIRED[word].search(required):
                continue
            if not _GIVEN[word].search(given):
                yield f"says the trial is in {' '.join(m.group().split()[1:])!r}, which the record's titles, " + (
                    f"conditions and summaries do not write ({word!r})"
                )


def _bracketed(text: str, at: int, before: int) -> bool:
    """Whether the trial named at is in a bracket that closes before the words read at before: an aside, not the
    subject ("IM19 CAR-T cells (NCT06310811 is another) in ...")."""
    opened = text.count("(", 0, at) - text.count(")", 0, at)
    return opened > 0 and ")" in text[at:before]
