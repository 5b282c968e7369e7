"""Statements of limits: a comparator, a number and a unit found together, the clause around one,
the words of that clause that make a limit no requirement, keep patients out or let them in, and the
kind of limit each is.

- A **statement** is a comparator, a number and a unit found together: "≥ 40 kg", "<500/mm3",
  "a score of 10 or above", "should not exceed 5mg/day", "at least 8 weeks", "within the past 24
  weeks", "between 18 and 70 years", "> 2.5 mg/dL or 221 μmol/L" (the alternative keeps the
  comparator). A number that is only a label ("3)", "6."), a stage ("stage 4") or a patient number
  is never a statement: it has no comparator and no unit of its own.
- Some statements are **readings** rather than what the words say, and need a curator's note on the
  field (checks/binding/ checks it): "within N" read as "< N"; a unit written away from its number
  ("≥100 within 8 weeks prior to screening mg/d"); a dose with no per-kilogram wording read as flat
  (dosing.py).
- **Kinds** of limit are told by the unit's dimension (kg is a body weight, ×ULN a laboratory value)
  and, for durations and steroid doses, by cue words nearest the statement (KIND_CUES).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sle_trials.patterns import lazy
from sle_trials.reading import kept_out, retracted, sentences
from sle_trials.reading.lexicon import instruments
from sle_trials.reading.lexicon.quantities import (
    BETWEEN,
    LAB_DIMENSIONS,
    UNIT_AFTER_SPACE,
    UNIT_REACH,
    UNITS,
    Number,
    Unit,
    comparator_after,
    comparator_before,
    numbers,
    unit_at,
    unit_matched,
)

# --- statements -----------------------------------------------------------------------------------

_AND = lazy(r"\s*(?:and|to|-|–)\s*")
_OR = lazy(r"\s*,?\s*or\s+")
_SENTENCE_END = sentences.END  # where a unit's reach ends (_displaced_units)


@dataclass(frozen=True)
class Statement:
    """A quantity the quote states: comparator (None: no comparator word), value, unit (None: none
    written), and the reading that took it beyond the literal words (None: it says exactly this)."""

    comparator: str | None
    value: float
    unit: Unit | None
    start: int
    end: int
    reading: str | None = None

    def says(self) -> str:
        cmp = f"{self.comparator} " if self.comparator else ""
        unit = f" {self.unit.key}" if self.unit else ""
        return f"{cmp}{number_text(self.value)}{unit}"


def number_text(value: float) -> str:
    """A number as messages write it: 6.0 as 6, 2.5 as 2.5."""
    if float(value).is_integer():
        return f"{int(value)}"
    return f"{value:g}"


def statements(quote: str) -> tuple[Statement, ...]:
    """Every quantity the quote states, in order (see the module docstring)."""
    return tuple(_displaced_units(quote, list(written_statements(quote))))


# (the colon of a titre or a ratio, spaced on both sides or on neither: "≥ 1 : 80" read as "≥ 1" and
# "80"; a colon after a limit, "Age ≥ 18: 50 patients", is none)
_A_COLON = lazy(r":| : ")


def written_statements(quote: str) -> tuple[Statement, ...]:
    """The quantities the quote states with the units written beside their numbers: statements()
    before a comparator's number with no unit is given one written further on (a reading). Enough
    where only comparators and values count (completeness.py's limits), and cheaper."""
    nums: list[Number] = []
    units: list[tuple[Unit, int] | None] = []
    for n in numbers(quote):
        if nums and n.start < (units[-1][1] if units[-1] else nums[-1].end):
            continue  # a number inside a unit ("1.73" of mL/min/1.73 m2)
        nums.append(n)
        units.append(unit_at(quote, n.end))
    out: list[Statement] = []
    taken: set[int] = set()
    for i, n in enumerate(nums):
        if i in taken:
            continue
        unit = _per_day(quote, units[i])
        end = unit[1] if unit else n.end
        before = comparator_before(quote, n.start)
        cmp, reading = before if before else (comparator_after(quote, end), None)
        if cmp is not None and i + 1 < len(nums) and _A_COLON.fullmatch(quote, end, nums[i + 1].start):
            # a comparator before digits a colon joins: of a titre ("ANA ≥ 1:80", a dilution of at
            # least 80), the limit of its second number; of another ratio ("≥ 2:1"), no limit of
            # either number it can be read as (each stood as ≥ 1 and 80: a record's "≥ 1" passed)
            second = nums[i + 1]
            if n.value == 1 and units[i + 1] is None:
                out.append(Statement(cmp, second.value, None, n.start, second.end, reading))
            else:
                out.append(Statement(None, n.value, None, n.start, n.end))
                out.append(Statement(None, second.value, None, second.start, second.end))
            taken.add(i + 1)
            continue
        if BETWEEN.search(quote[max(0, n.start - 20) : n.start]) and i + 1 < len(nums):
            m = _AND.match(quote, end)
            if m and m.end() == nums[i + 1].start:  # "between 18 and 70 years": both ends, the unit from the last
                other = _per_day(quote, units[i + 1])
                if unit and other and other[0].key == f"{unit[0].key}/day":  # "between 7.5 mg and 30 mg a day"
                    unit = (other[0], unit[1])
                low_unit = unit[0] if unit else other[0] if other else None
                out.append(Statement(">=", n.value, low_unit, n.start, end))
                hi_end = other[1] if other else nums[i + 1].end
                out.append(
                    Statement("<=", nums[i + 1].value, other[0] if other else low_unit, nums[i + 1].start, hi_end)
                )
                taken.add(i + 1)
                continue
        if cmp is None and out and unit is not None:
            m = _OR.match(quote, out[-1].end)
            if m and m.end() == n.start and out[-1].comparator:  # "> 2.5 mg/dL or 221 μmol/L"
                cmp = out[-1].comparator
        out.append(Statement(cmp, n.value, unit[0] if unit else None, n.start, end, reading))
    return tuple(out)


# A daily dose whose "a day" follows the drug's name ("30 mg of prednisone a day", "7.5 mg prednisone daily"): a dose
# rate as much as "30 mg a day". Read as mg, a note's "allows up to 30 mg of prednisone a day" of IM19's "30mg/day
# prednisone" was refused (E501), and a criterion writing so bound no mg/day. Only a drug's words stand between (no
# number, no punctuation); "30 mg of prednisone a week" stays mg.
_DAILY_AFTER_A_NAME = lazy(r"(?:\s+(?:of\s+)?[A-Za-z(][\w()\-]*){1,4}?\s+(?:(?:a|per|each)\s+day|daily)\b")


_MG_PER_DAY = next(unit for unit in UNITS if unit.key == "mg/day")


def _per_day(quote: str, unit: tuple[Unit, int] | None) -> tuple[Unit, int] | None:
    """A unit of mass written before a drug's name and "a day": its rate per day (_DAILY_AFTER_A_NAME)."""
    if unit is None or unit[0].key != "mg" or not _DAILY_AFTER_A_NAME.match(quote, unit[1]):
        return unit
    return (_MG_PER_DAY, unit[1])


def _displaced_units(quote: str, found: list[Statement]) -> list[Statement]:
    """A statement with a comparator and no unit takes a unit written later in its sentence that no
    number owns ("prednisone ≥100 within 8 weeks prior to screening mg/d"): a reading."""
    owned = [(s.start, s.end) for s in found]
    out = []
    for s in found:
        if s.unit is None and s.comparator:
            stop = _SENTENCE_END.search(quote, s.end)
            limit = stop.start() if stop else len(quote)
            # each place after a space, up to the sentence's end, where a unit is written (searched for,
            # not tried at every space: a long criterion has hundreds)
            reach = min(len(quote), limit + UNIT_REACH)  # a unit may run past the sentence's end, not further
            written = UNIT_AFTER_SPACE.search(quote, s.end + 1, reach)
            while written is not None and written.start() < limit:
                at = written.start()
                unit = unit_matched(written), written.end()
                written = UNIT_AFTER_SPACE.search(quote, at + 1, reach)
                if any(a <= at < b for a, b in owned):
                    continue
                if len(unit[0].spellings[0]) > 1:
                    s = Statement(
                        s.comparator,
                        s.value,
                        unit[0],
                        s.start,
                        s.end,
                        f"the unit {quote[at : unit[1]].strip()!r} is written away from the number",
                    )
                    break
        out.append(s)
    return out


# Where a clause ends (clause): a sentence's end, ';', ', and', an "and" before a comparator
CLAUSE_BOUNDS = lazy(r"[.;](?=\s)|,\s+and\s+|\band\s+(?=[≤≥<>])")


def clause(quote: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the previous sentence end, ';' or ', and' to the next one."""
    bounds = [0] + [m.end() for m in CLAUSE_BOUNDS.finditer(quote)] + [len(quote)]
    lo = max(b for b in bounds if b <= start)
    hi = min((b for b in bounds if b >= end), default=len(quote))
    return lo, hi


def clause_around(text: str, start: int, end: int, breaks: re.Pattern[str]) -> str:
    """The words of text around text[start:end] to the nearest of breaks (the matches that end a clause, a reader's
    own) on either side, the breaks left out: a note's age kept out by its own clause's words (note_numbers), a
    population a note's clause keeps out (checks/remark_population)."""
    before = [m.end() for m in breaks.finditer(text, 0, start)]
    after = breaks.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


# --- limits a criterion does not require ----------------------------------------------------------

# A limit its criterion states and, in the same clause, says is no requirement, only a wish, or one taken
# back: "SLEDAI-2K ≥ 6 is not required", "SLEDAI-2K ≥ 6 is preferred", "Ideally, SLEDAI-2K ≥ 6",
# "SLEDAI-2K ≥ 6 may be required", "Weight ≥ 40 kg where possible", "No SLEDAI-2K ≥ 6 requirement",
# "SLEDAI-2K ≥ 6 was considered but not adopted"; "SLEDAI-2K ≥ 8 (revised to ≥ 6 in Amendment 2)",
# "SLEDAI-2K ≥ 8 was replaced by SLEDAI-2K ≥ 6", "SLEDAI-2K ≥ 8, now ≥ 6" (retracted.taken_back, and
# those two). Each bound a threshold no patient is asked to meet.
_NOT_REQUIRED = (
    r"(?:not|no[ \t]+longer|never)[ \t]+(?:required|a[ \t]+requirement|necessary|needed|mandatory|obligatory"
    r"|an?[ \t]+(?:inclusion[ \t]+|exclusion[ \t]+|eligibility[ \t]+|entry[ \t]+)?(?:criterion|requirement|limit))"
)
_A_WISH = r"(?:preferred|preferable|recommended|desirable|desired|encouraged|optional|suggested|advisable|ideal)"
_WHERE_POSSIBLE = r"(?:where|if|when(?:ever)?)[ \t]+(?:possible|feasible|practicable)"
_LIMIT_UNREQUIRED_AFTER = lazy(
    r"(?i)[^.;:\n]{0,40}?(?:"
    rf"\b(?:is|are|was|were|be|being)[ \t]+(?:(?:only|also|strongly|highly|then)[ \t]+)?(?:{_NOT_REQUIRED}|{_A_WISH})\b"
    r"|\b(?:may|might|could)[ \t]+(?:also[ \t]+)?be[ \t]+(?:required|requested|needed|asked[ \t]+for|considered)\b"
    rf"|[(\[][ \t]*(?:{_A_WISH}|ideally|preferably|optionally|optional)[ \t]*[)\]]"
    rf"|\b{_WHERE_POSSIBLE}\b"
    r"|\b(?:was|were|has[ \t]+been|had[ \t]+been)[ \t]+(?:considered|proposed|discussed)[ \t]+but[ \t]+"
    r"(?:not|never|rejected|dropped|abandoned)\b"
    r"|\b(?:was|were|is|are|has[ \t]+been|have[ \t]+been|had[ \t]+been)[ \t]+(?:(?:since|later|now)[ \t]+)?"
    r"(?:replaced|superseded)[ \t]+by\b"
    r"|[,;(][ \t]*now[ \t]+(?:[<>≤≥=]|at[ \t]+(?:least|most)|[0-9])"
    r")"
)
_LIMIT_UNREQUIRED_BEFORE = lazy(
    rf"(?i)(?:\b(?:ideally|preferably|optionally|{_WHERE_POSSIBLE})\b"
    r"|\b(?:previously|formerly|originally|initially)[ \t]*[,:(])[^.;:\n]{0,60}\Z"
)
# ... and "No ... requirement" around it
_NO_BEFORE = lazy(r"(?i)(?:^|[.;:(]\s*|\n)no[ \t]+(?:[^\s.;:]+[ \t]+){0,3}\Z")  # (read on the clause alone)
_REQUIREMENT_AFTER = lazy(r"(?i)[ \t]*(?:requirement|criterion|threshold|limit|cut-?off)s?\b")


def limit_not_required(text: str, start: int, end: int) -> str | None:
    """The words of its clause that say the limit at text[start:end] (a statement) is no requirement, a
    wish or one taken back (see _LIMIT_UNREQUIRED_AFTER), else None."""
    lo, hi = clause(text, start, end)
    found = _LIMIT_UNREQUIRED_AFTER.match(text, end, hi) or _LIMIT_UNREQUIRED_BEFORE.search(text, lo, start)
    if found is None and _NO_BEFORE.search(text[lo:start]) and _REQUIREMENT_AFTER.match(text, end, hi):
        return f"'no ... {_REQUIREMENT_AFTER.match(text, end, hi).group(0).strip()}'"  # type: ignore[union-attr]
    if found is not None:
        return repr(found.group(0).strip())
    if retracted.taken_back(text, start, end):
        return f"the words after it take it back ({text[end : end + 40].strip()!r})"
    return None


# A limit its clause keeps out, in words right after it: "SLEDAI-2K score of less than 6 is not allowed",
# "eGFR less than 30 mL/min is not permitted", "SLEDAI-2K score below 6 excluded". In an inclusion
# criterion it states the complement of what patients must meet: read as a limit of its words, an
# inclusion threshold "< 6" passed where patients need 6 or more. (Only the limit's own predicate, no
# comma between: "Prednisone ≤ 30 mg/day, higher doses are not allowed" keeps out the doses above it; a condition
# ruled out after it is not its predicate either: thresholds asks scopes.condition_after.)
_KEPT_OUT_AFTER = lazy(
    r"(?i)[^.;:,()\n]{0,30}?(?<![\w-])(?:"
    rf"{kept_out.SHUT_OUT}|prohibited|disallowed|unacceptable|not[ \t]+acceptable"
    rf"|{kept_out.DENIED}[ \t]+(?:be[ \t]+)?{kept_out.LET_IN}|leads?[ \t]+to[ \t]+exclusion"
    r")(?![\w-])"
)


# ... or words before it that open its clause by denying that patients have it: "No prednisone > 10
# mg/day", "Without proteinuria > 0.5 g/24h", "Not on prednisone > 10 mg/day", "Absence of ...", "Free of
# ...", "No history of eGFR < 30 mL/min", "Patients must not have eGFR < 30 mL/min" (read on the clause
# alone; a comparator's own "no", "No more than 30 mg/day", denies nothing of the patients)
_KEPT_OUT_BEFORE = lazy(
    r"(?i)^\s*(?:(?:patients?|subjects?|participants?)[ \t]+)?(?:"
    r"(?:must|should|shall|do|does|did|may)[ \t]+not[ \t]+(?:have|be[ \t]+on|be[ \t]+receiving|receive|take)"
    r"|(?:has|have)[ \t]+no|no(?:[ \t]+(?:history|evidence|signs?)[ \t]+of)?|without|not[ \t]+(?:on|receiving|taking)"
    r"|absence[ \t]+of|free[ \t]+(?:of|from)|lack[ \t]+of"
    r")[ \t]+(?!(?:more|less|fewer|greater|higher|lower|longer|shorter|later|earlier|older|younger)\b)"
    r"[^,;:.()\n]{0,60}\Z"
)


def limit_kept_out(text: str, start: int, end: int) -> str | None:
    """The words of its clause by which the limit at text[start:end] keeps patients out (see
    _KEPT_OUT_AFTER, _KEPT_OUT_BEFORE), else None."""
    lo, hi = clause(text, start, end)
    after = _KEPT_OUT_AFTER.match(text, end, hi)
    if after is not None:
        return after.group(0).strip()
    before = _KEPT_OUT_BEFORE.search(text[lo:start])
    return None if before is None else text[lo + before.start() : end].strip()  # ("No prednisone > 10 mg/day")


# An exclusion criterion's limit its clause lets in, in words right after it: "eGFR < 30 mL/min is
# allowed", "Patients on prednisone > 10 mg/day may be eligible", "Prednisone ≤ 10 mg/day is not an
# exclusion", "... is not exclusionary": it keeps no one out, and states no limit of the exclusion.
_LET_IN_AFTER = lazy(
    r"(?i)[^.;:,()\n]{0,30}?(?<![\w-])(?:"
    r"(?:is|are|will[ \t]+be|may[ \t]+be|can[ \t]+be|be)[ \t]+(?:also[ \t]+)?(?:still[ \t]+)?"
    rf"(?:{kept_out.LET_IN}|acceptable)"
    r"|(?:is|are)[ \t]+not[ \t]+(?:an?[ \t]+)?(?:exclusion(?:[ \t]+criterion)?|exclusionary|excluded)"
    r"|(?:does|do|will)[ \t]+not[ \t]+(?:exclude|lead[ \t]+to[ \t]+exclusion)"
    r")(?![\w-])"
)


def limit_let_in(text: str, start: int, end: int) -> str | None:
    """The words of its clause by which the limit at text[start:end] lets patients in (_LET_IN_AFTER), else None."""
    found = _LET_IN_AFTER.match(text, end, clause(text, start, end)[1])
    return None if found is None else found.group(0).strip()


# --- kinds of limit -------------------------------------------------------------------------------


@dataclass(frozen=True)
class KindCues:
    kind: str
    dimensions: frozenset[str]
    cues: tuple[str, ...]  # words that say the kind (regex fragments, whole words, any case)
    anywhere_in_clause: bool = False  # a modifier: any cue in the clause decides, not the nearest one


# In precedence order (a tie in distance goes to the earlier). The schema's threshold kinds must all
# be here (tests/test_attacks_kind_clause.py).
KIND_CUES = [
    KindCues(
        "CORTICOSTEROID_DOSE_CHANGE",
        frozenset({"dose_rate", "dose"}),
        ("adjustment", "adjust(?:ed)?", "changes?", "increases?", "decreases?", "reductions?", "taper(?:ing)?"),
        anywhere_in_clause=True,
    ),
    KindCues(
        "CORTICOSTEROID_DOSE",
        frozenset({"dose_rate", "dose"}),
        ("prednisone", "prednisolone", "methylprednisolone", "steroids?", "corticosteroids?", "glucocorticoids?"),
    ),
    KindCues("BODY_WEIGHT", frozenset({"mass"}), ("weight", "body weight", "weighs?", "weighing")),
    KindCues(
        "DISEASE_ACTIVITY",
        frozenset({"score"}),
        (*instruments.NAMES, "disease activity", "scores?"),
    ),
    # an amount in a sample (a dose's unit: "24-hour urine protein ≥ 0.5 g") is no dose given
    KindCues("LABORATORY", LAB_DIMENSIONS | {"dose"}, ("urine", "urinary", "proteinuria", "serum", "plasma")),
    KindCues("STABLE_DOSE_DURATION", frozenset({"time"}), ("stable", "stably", "unchanged", "constant")),
    KindCues(
        "WASHOUT",
        frozenset({"time"}),
        (
            "discontinued",
            "discontinue",
            "discontinuation",
            "washout",
            "wash-out",
            "wash out",
            "used within",
            "received within",
            "stopped",
            "withdrawn",
        ),
    ),
    KindCues(
        "TIME_UNTIL_EVENT",
        frozenset({"time"}),
        ("planned within", "planned", "scheduled", "after enrollment", "after enrolment", "after randomi[sz]ation"),
    ),
    KindCues(
        "ACTIVE_DISEASE_DURATION",
        frozenset({"time"}),
        ("remained active", "remains active", "remain active", "active disease", "disease activity for", "active for"),
    ),
    KindCues(
        "DISEASE_DURATION",
        frozenset({"time"}),
        (
            "history of SLE",
            "history of lupus",
            "diagnosed",
            "diagnosis",
            "disease duration",
            "duration of SLE",
            "duration of disease",
        ),
    ),
    KindCues("TREATMENT_DURATION", frozenset({"time"}), ("treatment", "therapy", "treated", "start time")),
    KindCues("TIME_SINCE_EVENT", frozenset({"time"}), ("within", "history of", "performed", "ago", "occurred")),
]
# When no cue says it, the dimension does (a duration needs a cue: too many kinds are durations; and a dose: a dose
# no corticosteroid is named beside is another drug's, for which the schema has no kind. "Mycophenolate mofetil ≤ 3
# g/day" passed as LABORATORY, its unit read as a 24-hour urine's, and "Hydroxychloroquine ≤ 400 mg/day" as
# CORTICOSTEROID_DOSE, mutation hunt 210: such a limit is left in its criterion's text, with a note)
KIND_BY_DIMENSION = {
    "mass": "BODY_WEIGHT",
    "score": "DISEASE_ACTIVITY",
    "lab": "LABORATORY",
}
# a laboratory unit written as a daily amount ("g/day", "g/d"), which is also a dose's: a laboratory value only where
# a cue says so ("proteinuria > 3 g/day")
_DAILY = lazy(r"(?i)/\s*d(?:ay)?\b")


def _cue_regex(entries: list[KindCues]) -> re.Pattern[str]:
    """Every cue as a whole word (not inside a word or a hyphenated one), the longest first; group
    k<entry>_<n> names the entry. The word boundaries stand once around all the cues, not in each:
    the same matches (a boundary depends only on the position), but a position inside a word is
    passed over once instead of once a cue, a fifth of the time on the registry's seeds."""
    parts = sorted(((cue, i) for i, e in enumerate(entries) for cue in e.cues), key=lambda x: -len(x[0]))
    cues = "|".join(f"(?P<k{i}_{j}>{cue})" for j, (cue, i) in enumerate(parts))
    return lazy(f"(?<![\\w-])(?:{cues})(?![\\w-])", re.I)


_CUES = _cue_regex(KIND_CUES)


def kind_of(quote: str, statement: Statement) -> tuple[str | None, str]:
    """(the kind of limit the words say, why) for a statement of the quote."""
    dimension = statement.unit.dimension if statement.unit else None
    fits = [e.kind for e in KIND_CUES if dimension is None or dimension in e.dimensions]
    for lo, hi in (clause(quote, statement.start, statement.end), (0, len(quote))):
        found = []
        for m in _CUES.finditer(quote, lo, hi):
            kind = KIND_CUES[int(m.lastgroup[1:].split("_")[0])]  # type: ignore[index]
            if kind.kind in fits:
                gap = max(0, statement.start - m.end(), m.start() - statement.end)
                found.append((not kind.anywhere_in_clause, gap, KIND_CUES.index(kind), kind.kind, m.group(0)))
        if found:
            found.sort()
            return found[0][3], f"the cue {found[0][4]!r}"
    if dimension in KIND_BY_DIMENSION and not _DAILY.search(quote, statement.start, statement.end):
        return KIND_BY_DIMENSION[dimension], f"the unit {statement.unit.key}"  # type: ignore[union-attr]
    return None, "no word of the quote says which kind of limit this is"


SCORE_WORDS = lazy(rf"(?i)\b(?:scores?|{instruments.INSTRUMENTS})\b")
