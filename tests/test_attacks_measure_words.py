"""Pull-request attacks on the words a threshold's measure is read from, in a record of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, one_threshold_draft
from sle_trials.checks import thresholds
from sle_trials.reading import layouts, phrases
from sle_trials.reading.lexicon import quantities, stated_limits

SOURCE = "seeds/924_measure_words.txt"


@pytest.mark.parametrize(
    ("text", "kind", "measure", "comparator", "value", "unit", "codes"),
    [
        ("Lupus nephritis (at biopsy proteinuria > 0.5 g/24h)", "LABORATORY", "proteinuria", ">", 0.5, "g/24h", set()),
        (
            "Lupus nephritis (at biopsy proteinuria > 0.5 g/24h)",
            "LABORATORY",
            "biopsy proteinuria",
            ">",
            0.5,
            "g/24h",
            {"E529"},
        ),
        ("Body weight (at renal biopsy ≥ 40 kg)", "BODY_WEIGHT", "Body weight", ">=", 40, "kg", set()),
        ("Body weight (at renal biopsy ≥ 40 kg)", "BODY_WEIGHT", "renal biopsy", ">=", 40, "kg", {"E529"}),
    ],
)
def test_a_measure_is_read_past_words_saying_when(
    registry: Path,
    trials: Trials,
    text: str,
    kind: str,
    measure: str,
    comparator: str,
    value: float,
    unit: str,
    codes: set[str],
) -> None:
    """Before: "proteinuria" of "Lupus nephritis (at biopsy proteinuria > 0.5 g/24h)" was refused
    ("'biopsy' goes on naming it") and "biopsy proteinuria" passed; "Body weight (at renal biopsy ≥ 40
    kg)" was refused for body weight (the parenthesis read as naming another thing) and passed as "renal
    biopsy". The object of "at" says when the measure is taken, and names nothing of it (E529)."""
    one_threshold_draft(
        registry, SOURCE, text, kind=kind, measure=measure, comparator=comparator, value=value, unit=unit
    )
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.codes() == codes, result.out


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Pregnancy, lactation, or estimated glomerular filtration rate (eGFR) < 30 mL/min", "eGFR"),
        ("Pregnancy, lactation, or eGFR < 30 mL/min", "eGFR"),
        # a test before it with a finding of its own: no limit of 30 on it (a false refusal before)
        ("Positive ANA, or eGFR < 30 mL/min", "eGFR"),
        ("Elevated ALT, or eGFR < 30 mL/min", "eGFR"),
    ],
)
def test_what_the_last_item_of_an_enumeration_is_called_may_be_its_limits(
    registry: Path, trials: Trials, text: str, measure: str
) -> None:
    """The last item's abbreviation alone is refused where the items close with their parentheses and
    the limit is said of the enumeration (IM19's "(ALP)", test_clinical_binding); after items that are
    no such list ("Pregnancy, lactation, or"), a quantity is the last item's own, and binds. (Exclusion
    criteria: an inclusion criterion's limit after "or" is one of alternatives, with a condition.)"""
    one_threshold_draft(
        registry, SOURCE, text, "exclusion", kind="LABORATORY", measure=measure, comparator="<", value=30, unit="mL/min"
    )
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.codes() == set(), result.out


def test_a_last_item_with_a_plural_word_for_values_is_no_measure(registry: Path, trials: Trials) -> None:
    """Before: "ALP levels" of "ALT, AST, or ALP levels are ≥ 3 mg/dL" passed: the plural says the
    values are each item's, and the limit is said of them all (E529)."""
    text = "ALT, AST, or ALP levels are ≥ 3 mg/dL"
    for measure, codes in (("ALP levels", {"E529"}), ("ALT, AST, or ALP levels", set())):
        one_threshold_draft(
            registry, SOURCE, text, kind="LABORATORY", measure=measure, comparator=">=", value=3, unit="mg/dL"
        )
        result = trials("validate", registry / IM19_PATH, fmt="json")
        assert result.codes() == codes, result.out


@pytest.mark.parametrize(
    ("text", "measure", "unit", "codes"),
    [
        ("ALT, AST, or ALP ≥ 3 mg/dL", "ALP", "mg/dL", {"E529"}),
        ("ALT, AST, or ALP ≥ 3 mg/dL", "ALT, AST, or ALP", "mg/dL", set()),
        ("ALT or AST ≥ 3 ×ULN", "AST", "×ULN", {"E529"}),
        ("Serum creatinine, bilirubin or albumin ≥ 3 mg/dL", "albumin", "mg/dL", {"E529"}),
        ("ALT, aspartate aminotransferase ≥ 3 ×ULN", "aspartate aminotransferase", "×ULN", {"E529"}),
        # an item holding a limit of its own sets the tests apart: the last limit is the last test's
        ("ALT > 5 ×ULN, or AST ≥ 3 ×ULN", "AST", "×ULN", set()),
        # items that are no tests: the quantity is the last item's own
        ("Pregnancy, lactation, or ALP ≥ 3 mg/dL", "ALP", "mg/dL", set()),
    ],
)
def test_the_last_test_of_an_enumeration_of_tests_is_no_measure(
    registry: Path, trials: Trials, text: str, measure: str, unit: str, codes: set[str]
) -> None:
    """Before: "ALP" of "ALT, AST, or ALP ≥ 3 mg/dL" passed, and the export said ALP alone was
    limited. A laboratory limit after an enumeration of laboratory tests, none holding a limit of its
    own, is said of each test (E529), as a time window after an enumeration is. (Exclusion criteria, each
    item of which keeps patients out alone.)"""
    comparator = ">=" if "≥" in text.split(measure)[-1] else ">"
    one_threshold_draft(
        registry,
        SOURCE,
        text,
        "exclusion",
        kind="LABORATORY",
        measure=measure,
        comparator=comparator,
        value=3,
        unit=unit,
    )
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.codes() == codes, result.out


@pytest.mark.parametrize(
    ("text", "measure", "value", "own"),
    [
        # a finding closes the item before, an enumeration of its own ("ALT or AST"): the limit is the measure's
        ("Abnormal ALT or AST, or total bilirubin > 2 mg/dL", "total bilirubin", 2, True),
        ("hepatitis C (HCV RNA positive), or creatinine > 2 mg/dL", "creatinine", 2, True),
        ("Positive ANA, or C3 < 0.9 g/L", "C3", 0.9, True),
        # a finding that opens the list, and tests after it sharing its limit: the limit is each test's
        ("Elevated ALT, AST, or ALP ≥ 3 mg/dL", "ALP", 3, False),
        ("Abnormal ALT, or AST, or total bilirubin > 2 mg/dL", "total bilirubin", 2, False),
        ("alanine aminotransferase (ALT), aspartate aminotransferase (AST), or bilirubin ≥ 3", "bilirubin", 3, False),
    ],
)
def test_a_test_closed_by_its_own_finding_leaves_the_next_limit_its_own(
    text: str, measure: str, value: float, own: bool
) -> None:
    """Before: "total bilirubin" of "Abnormal ALT or AST, or total bilirubin > 2 mg/dL" was refused (E529,
    the limit read as said of ALT and AST too: the finding word "Abnormal" two items back was not seen),
    and "creatinine" of "hepatitis C (HCV RNA positive), or creatinine > 2 mg/dL" (read as the last item
    of an enumeration whose items close with their parenthesis). An item the comma closes holding a
    finding is closed by it; one sharing a finding that opens the list shares the list's limit."""
    said = layouts.normalise(text)
    limit = next(s for s in stated_limits.statements(said) if quantities.same_number(s.value, value))
    start = said.rfind(measure, 0, limit.start)
    end = start + len(measure)
    whose = phrases.continues(said, start, end, measure) or thresholds._item_of_a_list(
        said, start, end, limit, limit.start
    )
    assert (whose is None) is own, whose
