"""The cohort a piece of a curation note names and the cell doses it gives there: "the dose for patients 4 to 6 as
"1×10^8 CAR-T cells"", "(the first cohort's dose is "1×10^6/kg")", "Cohort 2 received 1×10^8 cells". A note's
dose was read only as a number some source writes, whichever cohort the note gave it to: IM19's note rewritten to
"the second cohort's dose is "1×10^6/kg"" (the first cohort's) passed (mutation hunt 207). remarks reads each
piece against the record's cohorts."""

from __future__ import annotations

from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading.lexicon import head_counts, note_numbers
from sle_trials.reading.lexicon.quantities import ORDINALS

# A note's pieces: its clauses and brackets, where a dose and the cohort it is given to stand together
_PIECE_END = lazy(r"[,;()\[\]\n]|[.!?](?![\d\w])")
# (the first ten of quantities' ordinals: "the tenth cohort" at most)
_ORDINALS = {word: value for word, value in ORDINALS.items() if value <= 10}
_ORDINAL = "|".join(_ORDINALS)
# (a cohort by its place, "the second cohort", "the 2nd dose level", or its number, "Cohort 2", "dose level 2")
_KIND = r"(?:cohort|dose[ \t-]+level|DL|group)"
_BY_PLACE = lazy(rf"(?i)(?<![\w-])(?:(?P<word>{_ORDINAL})|(?P<digits>\d{{1,2}})(?:st|nd|rd|th))[ \t]+{_KIND}(?![\w-])")
_BY_NUMBER = lazy(rf"(?i)(?<![\w-]){_KIND}[ \t]*(?P<number>\d{{1,2}})(?![\w.,×^-])")


class CohortNamed(NamedTuple):
    """A cohort a note's piece names: by its place in its arm (place, from 0), or by the patients it holds."""

    place: int | None
    patients: tuple[int, int] | None


class DosesGiven(NamedTuple):
    """A note's piece naming one cohort (cohort) and the cell doses (powers of ten) it writes, and the piece's
    words."""

    cohort: CohortNamed
    doses: list[float]
    words: str


def doses_given(text: str) -> list[DosesGiven]:
    """Each piece of a note naming one cohort, and the cell doses it writes (note_numbers.powers, quoted or not); a
    piece naming no cohort, or more than one, gives none (its doses are not placed)."""
    out: list[DosesGiven] = []
    if not note_numbers.writes_a_power(text):
        return out
    start = 0
    for stop in [m.start() for m in _PIECE_END.finditer(text)] + [len(text)]:
        piece, start = text[start:stop], stop + 1
        doses = note_numbers.powers(piece)
        if not doses:
            continue
        named = _cohorts_named(piece)
        if len(named) == 1:
            out.append(DosesGiven(named[0], doses, " ".join(piece.split())))
    return out


def _cohorts_named(piece: str) -> list[CohortNamed]:
    # (patients numbered in digits or in words: "the dose for patients one to three", hunt 208)
    ranges = head_counts.patient_ranges(piece) + note_numbers.patient_ranges_in_words(piece)
    named = [CohortNamed(None, r) for r in ranges]
    for m in _BY_PLACE.finditer(piece):
        place = _ORDINALS[m.group("word").lower()] if m.group("word") else int(m.group("digits"))
        named.append(CohortNamed(place - 1, None))
    named += [CohortNamed(int(m.group("number")) - 1, None) for m in _BY_NUMBER.finditer(piece)]
    return list(dict.fromkeys(named))
