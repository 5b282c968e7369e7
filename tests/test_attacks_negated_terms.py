"""Pull-request attacks on a term its source's words deny: "not autologous" read as AUTOLOGOUS.

A rendering counted wherever it stood as a whole word, and a hyphen or a space ends a word: "IM19
CAR-T cells are not autologous" and "non-autologous cells" bound cell_product.origin AUTOLOGOUS,
"no CD28 co-stimulatory domain" the domain CD28, and "Not Recruiting" the status RECRUITING. A
rendering right after "not", "non", "no" or "without" is no rendering of its value (the tables give
the negated phrases that are values of their own: "Not yet recruiting", "non-refractory").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AS_OF_LINE, IM19_PATH, Trials, add_source, im19_draft, im19_out, joined, put
from sle_trials.reading import vocabulary

SOURCE = "seeds/926_negated_terms.txt"


@pytest.mark.parametrize(
    ("values", "quote", "found"),
    [
        (("AUTOLOGOUS", "ALLOGENEIC"), "IM19 CAR-T cells are not autologous", set()),
        (("AUTOLOGOUS", "ALLOGENEIC"), "non-autologous, allogeneic cells", {"ALLOGENEIC"}),
        (("AUTOLOGOUS", "ALLOGENEIC"), "Non-Autologous cells", set()),
        (("CD28", "4-1BB", "ICOS", "OX40", "CD27"), "a 4-1BB and no CD28 co-stimulatory domain", {"4-1BB"}),
        (("CD28", "4-1BB", "ICOS", "OX40", "CD27"), "a 4-1BB domain without CD28", {"4-1BB"}),
        (("AUTOLOGOUS", "ALLOGENEIC"), "autologous cells", {"AUTOLOGOUS"}),
    ],
)
def test_a_denied_rendering_renders_no_value(values: tuple[str, ...], quote: str, found: set[str]) -> None:
    vocabulary_ = next(v for v in vocabulary.every() if set(values) <= set().union(*v.values.values()))
    assert {value for _, vs in vocabulary_.find(quote) for value in vs} == found


def test_the_status_not_recruiting_is_no_recruiting() -> None:
    status = next(v for v in vocabulary.every() if v.name == "overall status")
    assert status.find("Status: Not Recruiting") == []
    assert [r for r, _ in status.find("Status: Not yet recruiting")] == ["Not yet recruiting"]
    refractory = vocabulary.for_boolean("eligibility.prior_therapy.refractory")
    assert refractory is not None
    assert [vs for _, vs in refractory.find("non-refractory lupus")] == [frozenset({False})]


@pytest.mark.parametrize("denial", ["not", "n\u043et"])  # (and with a Cyrillic "о": test_attacks_lookalike_words.py)
def test_an_origin_bound_to_words_that_deny_it_is_refused(registry: Path, trials: Trials, denial: str) -> None:
    title = "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    add_source(registry, SOURCE, title + AS_OF_LINE + f"IM19 CAR-T cells are {denial} autologous.\n")
    quote = f"IM19 CAR-T cells are {denial} autologous."
    fields = f"cell_product:\n  origin: AUTOLOGOUS\nevidence:\n  cell_product.origin: {quote}\n"
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), fields))
    result = trials.json("validate", registry / IM19_PATH)
    assert result.codes() == {"E507"}, result.out


ORIGIN = "cell_product:\n  origin: AUTOLOGOUS"
CD28 = "cell_product:\n  construct:\n    costimulatory_domains: [CD28]"


@pytest.mark.parametrize(
    ("said", "fields", "key", "quote", "passes"),
    [
        # the quote cut after the word that denies its term, or before the words that take it back (each passed)
        ("IM19 CAR-T cells are not autologous.", ORIGIN, "cell_product.origin", "autologous.", False),
        ("IM19 CAR-T cells have no CD28 domain.", CD28, "cell_product.construct", "CD28 domain.", False),
        ("Recruiting was completed in 2024.", "overall_status: RECRUITING", "overall_status", "Recruiting", False),
        # a term its source does not deny, quoted alone (no false refusal)
        ("IM19 CAR-T cells are autologous.", ORIGIN, "cell_product.origin", "autologous.", True),
        ("Status: Recruiting\nCompleted: 2026-06", "overall_status: RECRUITING", "overall_status", "Recruiting", True),
    ],
)
def test_a_term_quoted_without_the_words_that_deny_it_is_refused(
    registry: Path, trials: Trials, said: str, fields: str, key: str, quote: str, passes: bool
) -> None:
    title = "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    add_source(registry, SOURCE, title + AS_OF_LINE + said + "\n")
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), f"{fields}\nevidence:\n  {key}: {quote}\n"))
    result = trials.json("validate", registry / IM19_PATH)
    assert result.codes() == (set() if passes else {"E507"}), result.out


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("Recruiting was completed in 2024.", []),
        ("Recruiting has ended.", []),
        ("Enrolling by invitation was closed in March.", []),
        ("Recruiting completed", []),
        ("Recruiting", ["Recruiting"]),
        ("Recruiting. Completed sites: 3", ["Recruiting", "Completed"]),
        # a date's label on the next line, or after the status: no words ending it (a false refusal before)
        ("Overall Status: Recruiting\nCompleted: 2026-06", ["Recruiting", "Completed"]),
        ("Status: Recruiting Completed: 2026-06 (Estimated)", ["Recruiting", "Completed"]),
    ],
)
def test_a_status_its_words_say_has_ended_is_no_status(quote: str, found: list[str]) -> None:
    """Before: "Recruiting was completed in 2024." rendered the status RECRUITING: the words say
    recruitment has ended. A status of what goes on, followed by words that end it, renders none."""
    status = next(v for v in vocabulary.every() if v.name == "overall status")
    assert [r for r, _ in status.find(quote)] == found


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("Female patients of childbearing potential must use contraception.", []),
        ("Female participants must not be pregnant or breastfeeding.", []),
        ("Male participants with female partners must use contraception.", []),
        ("Sex: Female", ["Female"]),
        ("Female only", ["Female only"]),
        ("Sexes Eligible for Study: All", ["All"]),
        # the field's own label before it: the value, whatever its note says (a false refusal before)
        ("Sex: Female (women of childbearing potential must use contraception)", ["Female"]),
        ("Gender: FEMALE; pregnant women are excluded", ["FEMALE"]),
        # the rule's words on a line of their own: another statement (a false refusal before)
        ("Female\nPregnant women are excluded", ["Female"]),
        # both sexes: no rule's words narrow them (a false refusal before)
        ("Male or female patients aged 18-65 years who agree to use contraception.", ["Male or female"]),
        ("All participants of childbearing potential must use contraception.", []),
    ],
)
def test_a_sex_named_by_a_rule_on_contraception_is_no_sex_eligible(quote: str, found: list[str]) -> None:
    """Before: "Female patients of childbearing potential must use contraception." rendered the sex
    FEMALE: the sentence says what women who enrol must do, not that only women may. A sex named in
    the words of pregnancy, contraception or partners renders none."""
    sex = next(v for v in vocabulary.every() if v.name == "sex")
    assert [r for r, _ in sex.find(quote)] == found


# --- words that set a term against the value stated ---------------------------------------------

# "allogeneic rather than autologous CAR-T cells" and the like bound cell_product.origin AUTOLOGOUS
# with the quote "autologous CAR-T cells": only "not", "non", "no" and "without" denied a rendering,
# and binding read no further back than 12 characters (vocabulary.DENIAL_REACH now)
SET_AGAINST = [
    "The product is allogeneic rather than autologous CAR-T cells.",
    "The product is allogeneic instead of autologous CAR-T cells.",
    "Allogeneic (as opposed to autologous CAR-T cells) cells are given.",
    "The product is allogeneic in place of autologous CAR-T cells.",
    "The cells are never autologous CAR-T cells.",
    "Allogeneic cells, other than autologous CAR-T cells, are given.",
]
AUTOLOGOUS_ORIGIN = (
    'cell_product:\n  name: IM19\n  origin: AUTOLOGOUS\nevidence:\n  cell_product.origin: "autologous CAR-T cells"\n'
)


@pytest.mark.parametrize("line", SET_AGAINST)
def test_a_term_set_against_the_value_stated_is_none(trials: Trials, line: str) -> None:
    assert " E507 cell_product.origin: AUTOLOGOUS is not what the quote states" in im19_out(
        trials, line, AUTOLOGOUS_ORIGIN
    )


@pytest.mark.parametrize(
    ("values", "quote", "found"),
    [
        (("AUTOLOGOUS", "ALLOGENEIC"), "unlike autologous products", set()),
        (("AUTOLOGOUS", "ALLOGENEIC"), "neither autologous nor allogeneic", set()),
        (("AUTOLOGOUS", "ALLOGENEIC"), "Excluding Autologous cells", set()),
        (("CD28", "4-1BB", "ICOS", "OX40", "CD27"), "a 4-1BB domain, lacking CD28", {"4-1BB"}),
        (("AUTOLOGOUS", "ALLOGENEIC"), "allogeneic rather than autologous", {"ALLOGENEIC"}),
    ],
)
def test_a_rendering_after_words_setting_it_against_another_is_none(
    values: tuple[str, ...], quote: str, found: set[str]
) -> None:
    vocab = vocabulary.for_enum(values)
    assert vocab is not None
    assert {v for _, vs in vocab.find(quote) for v in vs} == found


def test_the_product_stated_plainly_still_binds(trials: Trials) -> None:
    assert im19_out(trials, "The product consists of autologous CAR-T cells.", AUTOLOGOUS_ORIGIN) == ""
