"""Pull-request attacks on a registry copy's product: read from a comparator arm.

A registry copy (a third-party site's plain-text copy of a ClinicalTrials.gov record) gives its
Study Groups without an arm type, so its product place held every arm: with a comparator arm added
to IM19's copy ("Standard therapy group" / "Rituximab, an anti-CD20 antibody, as chosen by the
investigator."), IM19's record passed with cell_product.target_antigens [CD20] quoted from it. With
several arms, the product is now read from the title and the arms that give the intervention the
record names as its product (with the interventions they give); a record naming none reads it from
the title alone. With one arm, that arm is the product's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, cited_instead, edit
from sle_trials.reading import layouts

SEED = "seeds/000_84a0f0163f21158e.txt"
COMPARATOR = "Standard therapy group\nRituximab, an anti-CD20 antibody, as chosen by the investigator.\n"
# the comparator arm giving an intervention of its own, which the Interventions section lists
GIVING = "Standard therapy group\nStandard therapy as chosen by the investigator.\nRituximab\nAn anti-CD20 antibody.\n"
LISTED = "Rituximab\nAn anti-CD20 antibody.\n"


def _copy(registry: Path, arm: str, listed: str = "") -> str:
    text = (registry / SEED).read_text("utf-8")
    old = "Interventions\nLearn about"
    assert text.count(old) == 1
    text = text.replace(old, arm + old)
    old = "IM19 CAR-T cells by intravenous infusion.\nOther Intervention Names\n"
    assert text.count(old) == 1
    text = text.replace(old, old.replace("Other Intervention Names\n", listed + "Other Intervention Names\n"))
    return add_source(registry, "seeds/950_comparator.txt", text)


def _cite(registry: Path, source: str, *changes: tuple[str, str]) -> None:
    cited_instead(registry, IM19_PATH, SEED, source)
    edit(registry, IM19_PATH, ("  status: complete\n", "  status: draft\n"), *changes)


CD20 = (
    ("    - cell_product.target_antigens\n", ""),
    ("  name: IM19 CAR-T cells\narms:", "  name: IM19 CAR-T cells\n  target_antigens: [CD20]\narms:"),
    (
        '  nct_id: "NCT ID: NCT06513429"\n',
        '  nct_id: "NCT ID: NCT06513429"\n  cell_product.target_antigens: anti-CD20 antibody\n',
    ),
)


@pytest.mark.parametrize(("arm", "listed"), [(COMPARATOR, ""), (GIVING, LISTED)])
def test_a_target_antigen_read_from_a_comparator_arm_of_a_copy_is_refused(
    registry: Path, trials: Trials, arm: str, listed: str
) -> None:
    _cite(registry, _copy(registry, arm, listed), *CD20)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert " E512 " in result.out


@pytest.mark.parametrize(("arm", "listed"), [(COMPARATOR, ""), (GIVING, LISTED)])
def test_the_record_citing_a_copy_with_a_comparator_arm_passes(
    registry: Path, trials: Trials, arm: str, listed: str
) -> None:
    _cite(registry, _copy(registry, arm, listed))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_the_product_place_of_a_copy_of_several_arms_is_the_named_products_arms(registry: Path) -> None:
    source = _copy(registry, GIVING, LISTED)
    doc = layouts.read(source, (registry / source).read_bytes())
    mine = " ".join(p.text for p in doc.product_place("IM19 CAR-T cells") or [])
    assert "Administration of IM19 CAR-T cells" in mine and "IM19 CAR-T Cell Therapy in Refractory" in mine
    assert "anti-CD20" not in mine and "Standard therapy" not in mine
    assert [p.text for p in doc.product_place(None) or []] == [
        "IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"
    ]
    one = layouts.read(SEED, (registry / SEED).read_bytes())  # one arm: that arm is the product's
    assert "Administration of IM19" in " ".join(p.text for p in one.product_place(None) or [])


def _autologous(registry: Path) -> str:
    """The copy with the comparator arm, and the product's intervention described as autologous."""
    source = _copy(registry, COMPARATOR)
    text = (registry / source).read_text("utf-8")
    old = "IM19 CAR-T cells\nIM19 CAR-T cells by intravenous infusion.\n"
    assert text.count(old) == 2
    text = text.replace(old, "IM19 CAR-T cells\nAutologous IM19 CAR-T cells by intravenous infusion.\n")
    return add_source(registry, "seeds/951_autologous.txt", text)


@pytest.mark.parametrize("named", [True, False])
def test_an_origin_the_products_arm_states_is_not_silent(registry: Path, trials: Trials, named: bool) -> None:
    # with no product named, the title alone is where evidence reads the product: its silence is held
    # to every arm, so a name left not yet curated does not make the arm's "Autologous" unsaid
    unnamed = [
        ("cell_product:\n  name: IM19 CAR-T cells\n", ""),
        ("  silent:\n", "  not_yet_curated:\n    - cell_product.name\n  silent:\n"),
    ]
    _cite(
        registry,
        _autologous(registry),
        ("    description: IM19 CAR-T cells by", "    description: Autologous IM19 CAR-T cells by"),
        *([] if named else unnamed),
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert " E523 " in result.out and "cell_product.origin" in result.out


def test_a_comparator_arms_intervention_is_not_the_product_of_a_copy(registry: Path, trials: Trials) -> None:
    # named as the product, it made the comparator arm the product's place: CD20 bound from it
    _cite(
        registry,
        _copy(registry, GIVING, LISTED),
        ("cell_product:\n  name: IM19 CAR-T cells\n", "cell_product:\n  name: Rituximab\n"),
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert " E512 " in result.out and "cell_product.name" in result.out
