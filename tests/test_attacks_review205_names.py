"""Review 205 (helper-34's) of the rules mutation hunt 200 added: honest plain documents they refused.

A plain document (conftest.im19_out: IM19's draft citing one plain source of its title line, its date and the
test line) naming its sponsor beside its site, and a product's target antigen beside words giving it as the
marker of the cells the CAR targets.

Found and fixed:

- a site's words taking away the sponsor the same sentence names: prose._NOT_THE_SPONSOR cut a place the
  trial is run at ("conducted at", "run in") to its clause's end, which is the sentence's where a name
  follows a comma, so "IM19 is sponsored by and conducted at Acme Hospital" (an investigator-initiated
  trial's sponsor is its site), "IM19 is conducted at Acme Hospital, which also sponsors it", "run in
  Beijing by its sponsor, Acme Hospital" and "Conducted at Acme Hospital, IM19 is sponsored by Beta Bio"
  were refused (E512). A site's words now take away only the place they govern: not past words naming the
  sponsor, and nothing of a sentence whose sponsor's words name none of their own ("sponsored by and ...",
  "which also sponsors it": the site is the sponsor).
- a target antigen given as a marker of the cells the CAR targets: vocabulary._NOT_A_TARGET_AFTER took back
  every antigen a marker's or an antibody's words follow, so "IM19 CAR-T cells target CD19-positive B
  cells", "are directed against CD19-expressing B cells", "kill CD19+ B cells" and "an scFv from the
  anti-CD19 monoclonal antibody FMC63" rendered no target antigen (E507). Words of a CAR's targeting right
  before it (target, directed against, kill, recognise, bind, specific for, an scFv from) make it the CAR's
  target; a marker of the patients' disease or another therapy's target stays none, and the message says so.

Found beside them and fixed (wrong values that passed): a site given as the sponsor beside "The sponsor is
Beta Bio" in other words than "conducted at" ("enrolls patients at", "treated at", "located at", "Site:",
"Locations:"; prose._A_SITE); a second antigen of "after failure of anti-CD20 therapy" or "after
CD20-depleting therapy" (vocabulary._NOT_A_TARGET_AFTER), or of "after rituximab (anti-CD20)", an antibody's
name glossed (vocabulary._GLOSSED_BY_AN_ANTIBODY); an origin of "given autologous stem cells" or
"after allogeneic hematopoietic cell transplantation" (vocabulary._NOT_THE_PRODUCTS_AFTER). Each E507 or E512.
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out, sponsor_fields
from test_attacks_terms_hedged import origin, targets

# --- a sponsor named beside a site ------------------------------------------------------------------------------

SPONSOR_AT_ITS_SITE = [
    ("Acme Hospital", "IM19 is sponsored by and conducted at Acme Hospital."),
    ("Acme Hospital", "IM19 is conducted at Acme Hospital, which also sponsors it."),
    ("Acme Hospital", "IM19 is an investigator-initiated trial run in Beijing by its sponsor, Acme Hospital."),
    ("Beta Bio", "Conducted at Acme Hospital, IM19 is sponsored by Beta Bio."),
    ("Beta Bio", "IM19 is conducted at Acme Hospital and sponsored by Beta Bio."),
    ("Acme Hospital", "IM19 is run at Acme Hospital, its sponsor."),
    ("Acme Hospital", "IM19 is conducted at Acme Hospital, which is also the sponsor of the trial."),
]


@pytest.mark.parametrize(("name", "line"), SPONSOR_AT_ITS_SITE, ids=[line for _, line in SPONSOR_AT_ITS_SITE])
def test_the_sponsor_a_sentence_names_beside_a_site_binds(trials: Trials, name: str, line: str) -> None:
    """A site's words take away the place they govern, not a name the sentence gives as the sponsor."""
    assert im19_out(trials, line, sponsor_fields(name)) == ""


SITE_AS_SPONSOR = [
    "IM19 is conducted at Acme Hospital; the sponsor is Beta Bio.",
    "IM19 is conducted at Acme Hospital and sponsored by Beta Bio.",
    "Conducted at Acme Hospital, IM19 is sponsored by Beta Bio.",
    "IM19 is run in Beijing at Acme Hospital by its sponsor, Beta Bio.",
    "IM19 is sponsored by Beta Bio and conducted at Acme Hospital.",
    "IM19 is conducted at Acme Hospital. IM19 is sponsored by Beta Bio.",
    "IM19, which Beta Bio sponsors, is conducted at Acme Hospital.",
    "IM19 is conducted at Acme Hospital, which sponsors other trials. The sponsor is Beta Bio.",
    "IM19 is conducted at Acme Hospital, the sponsor's partner. The sponsor is Beta Bio.",
    "IM19 is conducted at Acme Hospital by its sponsor. The sponsor is Beta Bio.",
    # (the places other words than "conducted at" give the trial: each bound the sponsor Acme Hospital)
    "IM19 enrolls patients at Acme Hospital. The sponsor is Beta Bio.",
    "IM19 Locations: Acme Hospital. The sponsor is Beta Bio.",
    "IM19 Site: Acme Hospital. The sponsor is Beta Bio.",
    "In IM19, patients are treated at Acme Hospital. The sponsor is Beta Bio.",
    "IM19 is located at Acme Hospital. The sponsor is Beta Bio.",
]


@pytest.mark.parametrize("line", SITE_AS_SPONSOR)
def test_a_site_beside_the_sponsor_is_no_sponsor(trials: Trials, line: str) -> None:
    assert "E512" in im19_out(trials, line, sponsor_fields("Acme Hospital"))


# --- a target antigen given as a marker of the cells the CAR targets ---------------------------------------------

AIMED_AT_A_MARKER = [
    "IM19 CAR-T cells target CD19-positive B cells.",
    "IM19 CAR-T cells are directed against CD19-expressing B cells.",
    "IM19 CAR-T cells kill CD19+ B cells.",
    "IM19 CAR carries an scFv from the anti-CD19 monoclonal antibody FMC63.",
    "IM19 CAR-T cells recognize CD19-positive B cells.",
    "IM19 CAR-T cells are specific for CD19-expressing cells.",
    "IM19 CAR-T cells, which target CD19-positive B cells, are given once.",
    "IM19, an anti-CD19 CAR-T, binds CD19-expressing B cells.",
]


@pytest.mark.parametrize("line", AIMED_AT_A_MARKER)
def test_a_marker_a_car_is_aimed_at_is_its_target(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, targets("[CD19]", line)) == ""


NOT_AIMED = [
    ("[CD19, CD20]", "IM19 anti-CD19 CAR-T cells, given after rituximab (anti-CD20) failed."),
    ("[CD19, CD20]", "IM19 CAR-T cells target CD19 after an anti-CD20 antibody targeting CD20-positive cells."),
    ("[CD19, CD20]", "IM19 CAR-T cells target CD19; rituximab, an antibody against CD20-positive cells, failed."),
    ("[CD19]", "IM19 CAR-T cells for CD19 Positive Systemic Lupus Erythematosus."),
    ("[CD19, CD20]", "IM19 CAR-T cells target CD19 in patients who received treatment against CD20-positive cells."),
    ("[CD19, BCMA]", "IM19 anti-CD19 CAR-T cells deplete BCMA-expressing plasma cells."),
]


@pytest.mark.parametrize(("values", "line"), NOT_AIMED, ids=[line for _, line in NOT_AIMED])
def test_a_marker_no_car_is_aimed_at_is_no_target(trials: Trials, values: str, line: str) -> None:
    """Refused as a target (E507, its message saying why) or as words of another therapy (E512)."""
    out = im19_out(trials, line, targets(values, line))
    assert "E507" in out or "E512" in out
    assert "E507" not in out or "a marker of cells, patients or a disease" in out


# --- another therapy's antigen or origin given to the product ----------------------------------------------------

OTHER_THERAPYS = [
    targets("[CD19, CD20]", "IM19 anti-CD19 CAR-T cells after failure of anti-CD20 therapy."),
    targets("[CD19, CD20]", "IM19 anti-CD19 CAR-T cells after CD20-depleting therapy."),
    targets("[CD19, CD20]", "IM19 anti-CD19 CAR-T cells after rituximab (anti-CD20)."),
    targets("[CD19, CD20]", "IM19 anti-CD19 CAR-T cells for patients given obinutuzumab, anti-CD20."),
    origin("AUTOLOGOUS", "IM19 CAR-T cells are given autologous stem cells."),
    origin("ALLOGENEIC", "IM19 CAR-T cells after allogeneic hematopoietic cell transplantation."),
]


@pytest.mark.parametrize("fields", OTHER_THERAPYS)
def test_another_therapys_term_is_not_the_products(trials: Trials, fields: str) -> None:
    line = fields.rsplit(": ", 1)[1].strip().strip('"')
    assert "E507" in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    "fields",
    [
        targets("[CD19]", "IM19 is an anti-CD19 CAR-T therapy."),
        targets("[CD19]", "IM19 CD19 CAR T-cell therapy after failure of standard treatment."),
        origin("ALLOGENEIC", "IM19 are allogeneic stem cell-derived CAR-NK cells."),
        origin("AUTOLOGOUS", "IM19 CAR-T cells are made from autologous T cells."),
    ],
)
def test_the_products_own_term_binds(trials: Trials, fields: str) -> None:
    line = fields.rsplit(": ", 1)[1].strip().strip('"')
    assert im19_out(trials, line, fields) == ""
