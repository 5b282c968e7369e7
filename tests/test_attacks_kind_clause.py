"""Pull-request attacks on a threshold's kind: read from a quote cut short of its clause.

A threshold's kind was read from its quote alone (stated_limits.kind_of): IM19's inclusion criterion 5
says "During the screening period, the dose of steroids adjustment should not exceed 5mg/day
prednisone (or equivalent dose)", a limit on a change of dose. Quoted from "should not exceed" on,
the quote names prednisone and no adjustment, and a CORTICOSTEROID_DOSE of at most 5 mg/day passed:
trials.csv gave the trial a steroid ceiling of 5 mg/day where the criterion's is 30. The words of the
statement's clause in its criterion, which the quote leaves out, must say the same kind.
"""

from __future__ import annotations

from pathlib import Path

from conftest import DATA_ROOT, IM19_PATH, Trials, edit
from sle_trials import paths
from sle_trials.reading.lexicon import stated_limits

CHANGE = "    - kind: CORTICOSTEROID_DOSE_CHANGE\n"
QUOTE = (
    "  eligibility.thresholds.4: >-\n"
    "    During the screening period, the dose of steroids adjustment should not exceed 5mg/day\n"
    "    prednisone (or equivalent dose)\n"
)
SHORT = "  eligibility.thresholds.4: should not exceed 5mg/day prednisone (or equivalent dose)\n"


def test_a_kind_its_clause_contradicts_is_refused_however_short_the_quote(registry: Path, trials: Trials) -> None:
    edit(registry, IM19_PATH, (QUOTE, SHORT), (CHANGE, "    - kind: CORTICOSTEROID_DOSE\n"))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E508 eligibility.thresholds.4.kind: CORTICOSTEROID_DOSE is not what the words say" in result.out
    assert "in its clause of the criterion" in result.out, result.out


def test_the_dose_ceiling_quoted_short_keeps_its_kind(registry: Path, trials: Trials) -> None:
    """The ceiling's clause names no change: its short quote's kind stands."""
    edit(
        registry,
        IM19_PATH,
        (
            "  eligibility.thresholds.2: >-\n"
            "    at screening time and during screening period, the maximum dose of steroids is 30mg/day\n"
            "    prednisone (or equivalent dose)\n",
            "  eligibility.thresholds.2: the maximum dose of steroids is 30mg/day prednisone (or equivalent dose)\n",
        ),
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_every_kind_of_limit_the_schema_allows_has_words_that_say_it() -> None:
    """A threshold's kind stands only where its words say it (stated_limits.kind_of reads KIND_CUES):
    a kind the schema allows with no cues there could never be recorded, every honest threshold of
    it refused as "not what the words say"."""
    kinds = paths.load_schema(DATA_ROOT)["$defs"]["threshold"]["properties"]["kind"]["enum"]
    assert sorted(kinds) == sorted(cues.kind for cues in stated_limits.KIND_CUES)
