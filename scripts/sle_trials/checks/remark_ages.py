"""E501: an age group a curation note, an incomplete entry or a comment of the record's file says the trial enrols
(children, adolescents, older adults) or keeps to (adults only), held to the record's age range. Hunt 212 wrote
"Children are eligible." and "It is a pediatric trial." beside Relma-cel's ages 18 to 70, and each passed: a note's
ages were read only as numbers (note_numbers), and a group of people by its age by nothing. A reader takes a trial
said to enrol children for one that does.

A group is held where the record holds the bound it crosses (a minimum age of 18 years or more, for children) or
declares it silent; a record that holds no bound and declares none silent leaves the group unread. The ages of the
groups are ClinicalTrials.gov's: a child is under 18, an older adult 65 or more. The evidence stage runs it beside
the other remark checks (evidence.stages).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from sle_trials import fields
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, said_by_comments, said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.hypotheses import hypothetical
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_names

ADULT, OLDER_ADULT = 18, 65  # (years: where ClinicalTrials.gov's age groups start)

_MINORS = (
    r"(?:children|child|kids|adolescents?|teenagers|teens|minors|infants|juveniles|young[ \t]+people|"
    r"(?:pa?ediatric|juvenile)[ \t]+(?:patients|participants|subjects))"
)
_OLDER = (
    r"(?:older[ \t]+(?:adults|patients|people|participants)|the[ \t]+elderly|elderly[ \t]+(?:patients|people)|seniors)"
)
_ADMITTED = (
    r"(?:are|is|may[ \t]+be|can[ \t]+be|will[ \t]+be|were)[ \t]+(?:also[ \t]+)?"
    r"(?:eligible|enrolled|enrol{1,2}able|included|accepted|admitted|allowed|recruited|welcome)\b|"
    r"(?:may|can|will)[ \t]+(?:also[ \t]+)?(?:enrol{1,2}|join|take[ \t]+part|participate)\b"
)
# (or the trial said to be in or for the group, as a comment gives its population: "# Relma-cel (CD19-CART) in
# moderate to severe active SLE in children" passed, hunt 220, of its ages 18 to 70)
_ADMITS = (
    r"\b(?:enrol{1,2}s|enrol{1,2}ing|recruits|recruiting|includes|including|admits|accepts|treats|open[ \t]+to|"
    r"in|for)"
)


class Group(NamedTuple):
    """An age group a remark may say the trial enrols: its words, and the bound of the record's it crosses."""

    name: str
    said: re.Pattern[str]  # the words that say the trial enrols the group
    bound: str  # "minimum_age" or "maximum_age"
    crossed: int  # years: the group is enrolled where the minimum is below it, or the maximum at or above it


# said of whom the trial enrols: "Children are eligible", "Adolescents may enrol", "It enrols children", "open to older
# adults", "a pediatric trial"; not "children of patients", nor "are not eligible" (no word of admission follows)
_GROUPS = (
    Group(
        "children",
        lazy(
            rf"(?i)\b{_MINORS}[ \t]+(?:{_ADMITTED})|{_ADMITS}[ \t]+(?:also[ \t]+)?{_MINORS}\b|"
            r"\b(?:pa?ediatric|childhood)[ \t]+(?:trial|study|population|cohort)\b"
        ),
        "minimum_age",
        ADULT,
    ),
    Group(
        "older adults",
        lazy(rf"(?i)\b{_OLDER}[ \t]+(?:{_ADMITTED})|{_ADMITS}[ \t]+(?:also[ \t]+)?{_OLDER}\b"),
        "maximum_age",
        OLDER_ADULT,
    ),
)
# a group's words in a clause that denies it ("No children are eligible", "It never enrols children")
_DENIED = lazy(r"(?i)\b(?:no|not|never|none|neither|nor|without|except|excluding|excludes?)\b")
# a kind of trial a relative clause right after it denies this trial is: "Children would be eligible only in a
# pediatric study, which this is not" (Relma-cel's honest note, read as a pediatric trial: hunt 213's leftover);
# "..., which this is" and "..., which this is not in name only" (the denial not ending its clause) still say it is one
_DENIED_AFTER = lazy(
    r"(?i)\b(?:pa?ediatric|childhood)[ \t]+(?:trial|study)[ \t]*,?[ \t]+(?:which|that)[ \t]+(?:this|it|the)"
    r"(?:[ \t]+(?:trial|study|one))?[ \t]+(?:is[ \t]+not|isn't)(?=[ \t]*(?:[.;,!?)]|\Z))"
)
_CLAUSE_STOPS = lazy(r"[;:()\[\]]|,(?=[ \t]+(?:and|but|while|whereas|which|although|though)\b)|[ \t]+(?:but|while)\b")
_YEARS = {"YEARS": 1.0, "MONTHS": 1 / 12, "WEEKS": 1 / 52, "DAYS": 1 / 365, "HOURS": 1 / 8760, "MINUTES": 1 / 525600}

RULE = "a remark says only the age groups the record's age range admits"


def check_remark_ages(record: Record, schema: dict) -> Iterator[Problem]:
    """E501: each age group a note, an incomplete entry or a comment says the trial enrols that the record's age
    range leaves out, or whose bound it declares its sources silent on."""
    yield from said_by_remarks(record, "E501", lambda text: _unheld(record, text), RULE)
    yield from said_by_comments(record, schema, "E501", lambda text: _unheld(record, text), RULE)


def _unheld(record: Record, text: str) -> Iterator[str]:
    """What text says of each age group the trial enrols that the record does not hold."""
    clauses = [
        clause
        for sentence in note_names.sentences_of(QUOTED.sub(" | ", normalise(text)))
        for clause in _CLAUSE_STOPS.split(_DENIED_AFTER.sub(" | ", sentence))
    ]
    eligibility = record.data.get("eligibility")
    eligibility = eligibility if isinstance(eligibility, dict) else {}
    silent = [n for n in record.data["curation"].get("silent") or [] if isinstance(n, str)]
    for group in _GROUPS:
        if not any(_says(group, clause) for clause in clauses):
            continue
        years = _years(eligibility.get(group.bound))
        field = f"eligibility.{group.bound}"
        if years is None:
            if fields.covered(silent, field):
                yield f"says the trial enrols {group.name}, which the record declares its sources silent on ({field})"
            continue
        admitted = years < group.crossed if group.bound == "minimum_age" else years >= group.crossed
        if not admitted:
            yield f"says the trial enrols {group.name}, which the record's {field} ({years:g} years) leaves out"


def _says(group: Group, clause: str) -> bool:
    """Whether clause says the trial enrols group, not denying it before its words nor supposing it ("If children
    were eligible, the minimum age would be below 18": hunt 213's, refused before reading/hypotheses)."""
    return any(
        not _DENIED.search(clause, 0, m.start()) and not hypothetical(clause, m.start(), m.end())
        for m in group.said.finditer(clause)
    )


def _years(age: object) -> float | None:
    """An age bound of the record's (its value and unit) in years, or None where it holds none."""
    if not isinstance(age, dict) or not isinstance(value := age.get("value"), int | float):
        return None
    return float(value) * _YEARS.get(str(age.get("unit")), 1.0)
