"""Attacks on the therapies a prior-therapy requirement names, by names its list did not hold.

prior_therapy.THERAPIES listed lupus treatments by name: a requirement naming another ("Refractory to
dapsone", "Previously treated with plasmapheresis", "despite intravenous immunoglobulin", a new
biologic such as ianalumab) was read as naming no therapy, and a record declaring its therapies (or,
where only a therapy makes the words a requirement, the prior therapy itself) silent passed E523. The
list now reads the treatments' classes, names and abbreviations, and the stems of the international
non-proprietary names, which name each new drug of a class.
"""

from __future__ import annotations

import pytest
from conftest import imported_codes
from sle_trials.reading import prior_therapy
from test_attacks_prior_therapy_silence import _study, _therapies

NAMED = [
    "dapsone",
    "intravenous immunoglobulin",
    "IVIG",
    "plasmapheresis",
    "plasma exchange",
    "mizoribine",
    "thalidomide",
    "sirolimus",
    "baricitinib",
    "deucravacitinib",
    "ianalumab",
    "inebilizumab",
    "abatacept",
    "atacicept",
    "HCQ",
    "AZA",
    "MTX",
    "CYC",
    "DMARDs",
    "JAK inhibitors",
    "B-cell depleting therapy",
    "anti-CD20 antibodies",
]


@pytest.mark.parametrize("therapy", NAMED)
def test_a_therapy_by_any_of_its_names_is_read(therapy: str) -> None:
    for text in (f"Refractory to {therapy}.", f"Previously treated with {therapy}.", f"Active despite {therapy}."):
        found = prior_therapy.requirement(text, inclusion=True)
        assert found is not None and found.therapies, text


@pytest.mark.parametrize("word", ["except", "accept", "concept", "PE", "IgG"])
def test_words_like_a_therapys_name_are_none(word: str) -> None:
    found = prior_therapy.requirement(f"Refractory to standard therapy; {word}.", inclusion=True)
    assert found is not None and found.therapies == ()


def test_a_therapy_of_no_list_named_declared_silent_is_refused(tmp_path_factory: pytest.TempPathFactory) -> None:
    checker, data = _therapies(tmp_path_factory, "4. Disease refractory to dapsone and intravenous immunoglobulin.\n")
    assert "E523" in imported_codes(checker, data)


def test_a_treatment_had_before_by_its_name_declared_silent_is_refused(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    checker, data = _study(tmp_path_factory, "4. Previously treated with plasmapheresis or IVIG.\n")
    assert "E523" in imported_codes(checker, data)
