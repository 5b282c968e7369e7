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

from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, said_by_comments, said_by_remarks, strings
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise

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
    r"(?i)\bin[ \t]+(?:patients[ \t]+with[ \t]+|adults[ \t]+with[ \t]+)?(?P<words>(?:[\w-]+[ \t]+){0,6}?)"
    r"(?:SLE|systemic[ \t]+lupus(?:[ \t]+erythematosus)?|lupus(?P<nephritis>[ \t]+nephritis)?)(?![\w-])"
)
_WORDS = lazy(rf"(?i)(?<![\w-])(?:{_STATE})(?![\w-])")
_GIVEN = {word: lazy(rf"(?i)(?<![\w-])(?:{words})") for word, words in STATES.items()}
# the fields that give whom the trial treats
_GIVING = ("brief_title", "official_title", "conditions", "keywords", "brief_summary", "third_party_summary")

RULE = (
    "a remark says the trial is in a disease or a state of it only as the record's titles, conditions or summaries do"
)


def check_remark_population(record: Record, schema: dict) -> Iterator[Problem]:
    """E501: each state or form of the disease a comment or a remark says the trial is in that the record does not
    give it."""
    given = " ".join(normalise(s) for name in _GIVING for s in strings(record.data.get(name)))
    refractory = ((record.data.get("eligibility") or {}).get("prior_therapy") or {}).get("refractory") is True
    yield from said_by_remarks(record, "E501", lambda text: _ungiven(text, given, refractory), RULE)
    yield from said_by_comments(record, schema, "E501", lambda text: _ungiven(text, given, refractory), RULE)


def _ungiven(text: str, given: str, refractory: bool) -> Iterator[str]:
    """What text says the trial is in that the record's words (given) do not give it."""
    for m in _IN.finditer(QUOTED.sub(" | ", normalise(text))):  # (a run quoted is the source's, not the remark's)
        said = [w.group().lower() for w in _WORDS.finditer(m.group("words"))]
        said += ["nephritis"] if m.group("nephritis") else []
        for word in said:
            if word == "refractory" and refractory:
                continue
            if not _GIVEN[word].search(given):
                yield f"says the trial is in {' '.join(m.group().split()[1:])!r}, which the record's titles, " + (
                    f"conditions and summaries do not write ({word!r})"
                )
