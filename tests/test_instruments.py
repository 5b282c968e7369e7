"""The instruments of disease activity (reading/lexicon/instruments.py) are one list every reading of them reads.

They were five lists: a criterion's limit, a note's score, a limit's kind, a measure's instrument and a score's parts
each knew some of SELENA-SLEDAI, SLEDAI-2K, BILAG-2004, CLASI, PGA and SRI and not others. A disease-activity limit's
measure that left out the instrument its parenthesis names ("Disease activity score" of "Disease activity score
(SELENA) ≥ 6") passed for SELENA and SRI, which the measure's reading did not know, and was refused (E529) for
SLEDAI-2K; SCORE_WORDS read no "SRI-4". The criteria below are test inputs added to a copy's sources: no fact of
any study."""

from __future__ import annotations

from pathlib import Path

import mutations
import pytest
from conftest import AS_OF_LINE, IM19_PATH, IM19_TITLE_LINE, add_source, im19_draft, joined, put, record_data
from sle_trials.reading.lexicon import note_numbers, stated_limits

# each instrument as a criterion writes it
WRITTEN = ["SELENA-SLEDAI", "SELENA", "SLEDAI", "SLEDAI-2K", "BILAG", "BILAG-2004", "CLASI", "PGA", "SRI-4", "SRI-6"]

DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: "{criterion}"
  thresholds:
    - kind: DISEASE_ACTIVITY
      criterion: {{list: INCLUSION, number: 1}}
      measure: {measure}
      comparator: ">="
      value: 6
      unit: points
evidence:
  eligibility.thresholds.0: "{criterion}"
"""


def _codes(registry: Path, instrument: str, measure: str) -> set[str]:
    criterion = f"Disease activity score ({instrument}) ≥ 6 points"
    source = add_source(
        registry, "seeds/987_instruments.txt", f"{IM19_TITLE_LINE}\n{AS_OF_LINE}Inclusion Criteria:\n1. {criterion}\n"
    )
    put(registry, IM19_PATH, joined(im19_draft(source), DRAFT.format(criterion=criterion, measure=measure)))
    return mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH))


@pytest.mark.parametrize("instrument", WRITTEN)
def test_a_measure_that_leaves_out_its_instrument_is_refused(registry: Path, instrument: str) -> None:
    assert "E529" in _codes(registry, instrument, "Disease activity score")


# (an instrument's number glued to its name, "BILAG-2004", "SRI-4", is read as a limit of its own, set apart from
# the measure's limit by the parenthesis: a measure holding it is refused, as before the list was one)
@pytest.mark.parametrize("instrument", [written for written in WRITTEN if not written[-1].isdigit()])
def test_a_measure_that_names_its_instrument_passes(registry: Path, instrument: str) -> None:
    assert _codes(registry, instrument, f"Disease activity score ({instrument})") == set()


@pytest.mark.parametrize("instrument", WRITTEN)
def test_a_notes_score_on_each_instrument_is_read(instrument: str) -> None:
    assert note_numbers.scores(f"Patients had a {instrument} of 12 at screening.") == [(12.0, None)]
    assert stated_limits.SCORE_WORDS.search(f"the {instrument} limit") is not None


def test_no_other_word_is_read_as_an_instrument() -> None:
    assert note_numbers.scores("Patients had a SLEDAIX of 12 and a BILAG-20 of 4.") == []
    assert stated_limits.SCORE_WORDS.search("the SELENAS and PGAX limits") is None
