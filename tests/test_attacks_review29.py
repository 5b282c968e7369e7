"""Attacks of the review29 helper on the day's readings.

- An honest dose or duration after an item of an enumeration (binding._dose), read as an item of its
  own and refused E525 since every word of a dose is held to its vocabulary (8dbc4c1): a dose led in
  by more than five words ("at a dose of at least 2 g/day") or by "in" ("in the previous 6 months"), a
  time counted "of" the trial's treatment ("within 12 weeks of CAR-T infusion"), its words "any",
  "other", "standard of care", "starting", a drug's half-lives, and "whichever is longer".
"""

from __future__ import annotations

import pytest
import test_attacks_enumeration_items as enumeration_items
from sle_trials.checks import binding
from test_attacks_read24 import _enumerated

# --- an honest dose in words the dose vocabulary did not know --------------------------------------

HONEST_DOSES = [
    "for ≥ 12 weeks at any dose",
    "within 12 weeks of CAR-T infusion",
    "within 30 days from leukapheresis",
    "1 g every other week",
    "at a dose of at least 2 g/day",
    "for ≥ 3 months per local standard of care",
    "in the previous 6 months",
    "within 4 weeks of starting",
    "for 5 half-lives",
    "whichever is longer",
]


@pytest.mark.parametrize("part", HONEST_DOSES)
def test_an_honest_dose_in_other_words_is_still_a_dose(part: str) -> None:
    assert binding._dose(part)


# ... while the trial's treatment named after "of" with no time before it is still what is given
@pytest.mark.parametrize("part", ["3 doses of CAR-T", "3 doses of CAR-T infusion", "whichever iguratimod"])
def test_what_is_given_is_still_no_dose(part: str) -> None:
    assert not binding._dose(part)


@pytest.mark.parametrize(
    "criterion",
    [
        "4. Failure of mycophenolate mofetil for ≥ 12 weeks at any dose, or NSAIDs.\n",
        "4. Failure of mycophenolate mofetil, within 12 weeks of CAR-T infusion, or NSAIDs.\n",
        "4. Failure of mycophenolate mofetil, 1 g every other week, or NSAIDs.\n",
        "4. Failure of mycophenolate mofetil, at a dose of at least 2 g/day, or NSAIDs.\n",
        "4. Failure of mycophenolate mofetil, for ≥ 3 months per local standard of care, or NSAIDs.\n",
        "4. Failure of mycophenolate mofetil, in the previous 6 months, or NSAIDs.\n",
        "4. Failure of mycophenolate mofetil for 6 months, whichever is longer, or NSAIDs.\n",
    ],
)
def test_a_record_of_an_honest_dose_passes(tmp_path_factory: pytest.TempPathFactory, criterion: str) -> None:
    """Each was refused: "'whichever is longer' stands among them; list it too"."""
    found = enumeration_items._problems(_enumerated(tmp_path_factory, criterion), ["mycophenolate mofetil", "NSAIDs"])
    assert found == []
