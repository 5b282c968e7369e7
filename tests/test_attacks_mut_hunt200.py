"""A hostile mutation hunt on `trials check` (helper-33's, after hunts 162 to 194).

Kinds of mistake tests/mutations.py does not make, made by hand on each of the seven records in trials/ (a
value swapped with another record's, a unit changed with its number kept, a value moved between cohorts or
between a trial's dates, a subgroup's count, a criterion's limit given without its compound condition, a
sponsor, investigator or responsible party swapped or given another role, a silent field filled from another
part of the page, a list shortened or re-ordered, a quote re-pointed at other words stating the same term, a
note stating what the source does not) and checked as `trials validate` checks one record (mutations.Checks).

Found and fixed:

- a target antigen read from words that give it as a marker of cells, patients or a disease, or as what an
  antibody binds, not as what the CAR targets. The stub of NCT03030976 passed with its CD19 quoted from its
  title's disease, "CD19 Positive Systemic Lupus Erythematosus" (its value true only because "CD19
  Redirected" stands before it); so, in a source placing no product, did "A Study of BCMA CAR-T Cells for
  CD19 Positive SLE" bound to [BCMA, CD19], "CD20+ B cells", "CD22-positive lupus" and "an anti-CD20
  antibody" each binding a second antigen. Such a rendering is none now (vocabulary._NOT_A_TARGET_AFTER,
  E507); a "+" joining two antigens ("CD19+BCMA") and a CAR directed at one stay targets. Found beside it, the
  product's other terms given to another noun than its cells: an origin of "autologous serum", "allogeneic
  plasma" or "an autologous stem cell transplant", a domain of "anti-CD28 antibody beads", a manufacturing of
  "universal precautions" (vocabulary._NOT_THE_PRODUCTS_AFTER, E507).
- a curation note stating a fact no source writes: IM19's notes rewritten to "Exclusion criterion 8's window
  of 12 months" (the source's is 6), "(2024-07-31, 2027-12-31)" for its unlabelled dates, "the dose for
  patients 4 to 7", Relma-cel's to "floor of 10 mg/day" (7.5), "(Feb 28, 2024)", "within the 8 months", or a
  count of 24 participants the page never gives, each passed: check_remark_quotes read only the runs a remark
  sets in quotes, and a note is published beside the values it explains. A date (to its month), a quantity
  with its unit, a number of participants or a range of patients a remark states in its own words must now be
  one a cited source writes or the record holds (remarks.check_remark_facts, E501).
- a site of a document of no layout given as the sponsor: "IM19 is conducted at Acme Hospital; the sponsor is
  Beta Bio" bound the sponsor Acme Hospital (prose._NOT_THE_SPONSOR read partners, owners, funders and
  suppliers; it reads a place the trial is run at now, "conducted at", "enrolling at", "participating sites",
  E512: prose._A_SITE since review 205, whose cut stops before words naming the sponsor, so "Conducted at Acme
  Hospital, IM19 is sponsored by Beta Bio" binds Beta Bio: tests/test_attacks_review205_names.py).
- an official's role of a document of no layout given as the responsible party: "Wang Li, Principal
  Investigator" bound the responsible party PRINCIPAL_INVESTIGATOR beside "Responsible party: Sponsor". A
  plain document states the responsible party (a registry's term) only in sentences naming it so now
  (prose._responsible, E512).
- a count of those enrolled so far given as the enrollment: "IM19 plans to enrol 30 patients; 12 patients
  have been enrolled to date" bound an enrollment of 12 (the plan was kept standing beside a tally, but the
  tally was read as a count too), as did "To date, 12 patients were treated", "12 patients enrolled so far".
  A count whose clause says it is a tally so far and that they were enrolled is none now
  (head_counts._enrolled_so_far, E508).

Left (no test): a note's fact is matched anywhere in its sources, not where they state its field ("window of
24 weeks" passes, 24 weeks standing in other criteria), and a note's reading of what its words are ("read as
study start and primary completion" beside a record holding the completion; "Both are actual dates") or a
number without a unit ("sub-item 3", "start at 3") is read by review, as hunts 170 and 171 judged a note's
reasons. A count in words that count no enrolment ("12 were screened") is no count lexicon reads.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import (
    Trials,
    codes_with_a_note_rewritten,
    enrollment_fields,
    im19_out,
    record_data,
    responsible_party_fields,
    sponsor_fields,
)
from mutations import Checks
from test_attacks_terms_hedged import domains, origin, targets

# --- a target antigen read from a marker or an antibody's target ----------------------------------------------

MARKERS = [
    ("[BCMA, CD19]", "IM19 BCMA CAR-T Cells for CD19 Positive Systemic Lupus Erythematosus"),
    ("[CD19, CD20]", "IM19 CAR-T cells target CD19 in patients with CD20+ B cells."),
    ("[CD19, CD22]", "IM19 anti-CD19 CAR-T cells for CD22-positive lupus."),
    ("[CD19, CD22]", "IM19 anti-CD19 CAR-T cells for patients with CD22 negative disease."),
    ("[CD19, BCMA]", "IM19 anti-CD19 CAR-T cells deplete BCMA-expressing plasma cells."),
    ("[CD19, CD20]", "IM19 anti-CD19 CAR-T cells after failure of an anti-CD20 antibody."),
    ("[CD19, CD20]", "IM19 anti-CD19 CAR-T cells after CD20 monoclonal antibodies (rituximab)."),
    ("[CD19, CD20]", "IM19 anti-CD19 CAR-T cells after CD20-targeted mAb therapy."),
]


@pytest.mark.parametrize(("values", "line"), MARKERS, ids=[line for _, line in MARKERS])
def test_a_marker_or_an_antibodys_target_is_no_cars_target(trials: Trials, values: str, line: str) -> None:
    assert "E507" in im19_out(trials, line, targets(values, line))


TARGETS = [
    ("[CD19]", "IM19 CD19 Redirected Autologous T Cells for CD19 Positive Systemic Lupus Erythematosus"),
    ("[CD19, BCMA]", "IM19 CD19+BCMA CAR-T cells for refractory lupus."),
    ("[CD19, BCMA]", "IM19 CAR-T cells target CD19 + BCMA."),
    ("[CD19]", "IM19 CAR-T cells target CD19 if patients have CD19-positive B cells."),
    ("[CD19]", "IM19 CD19-directed CAR-T cells."),
    ("[CD19]", "IM19 anti-CD19 CAR-T cells."),
    ("[CD20]", "IM19 CAR-T cells specific for CD20."),
]


@pytest.mark.parametrize(("values", "line"), TARGETS, ids=[line for _, line in TARGETS])
def test_an_antigen_a_car_targets_binds(trials: Trials, values: str, line: str) -> None:
    assert im19_out(trials, line, targets(values, line)) == ""


def _construct(key: str, value: str, quote: str) -> str:
    return (
        f"cell_product:\n  name: IM19\n  construct:\n    {key}: {value}\n"
        f"evidence:\n  cell_product.name: IM19\n  cell_product.construct: {json.dumps(quote)}\n"
    )


# the same class for the product's other terms: a term of another noun than the cells
OTHER_NOUNS = [
    (origin("AUTOLOGOUS", "autologous serum"), "IM19 CAR-T cells are cultured in autologous serum."),
    (origin("ALLOGENEIC", "allogeneic plasma"), "IM19 CAR-T cells are given after allogeneic plasma."),
    (
        origin("AUTOLOGOUS", "autologous stem cell transplant"),
        "IM19 CAR-T cells follow an autologous stem cell transplant.",
    ),
    (domains("[CD28]", "anti-CD28 antibody beads"), "IM19 CAR-T cells are activated with anti-CD28 antibody beads."),
    (
        _construct("manufacturing", "UNIVERSAL", "universal precautions"),
        "IM19 CAR-T cells are handled with universal precautions.",
    ),
]


@pytest.mark.parametrize(("fields", "line"), OTHER_NOUNS, ids=[line for _, line in OTHER_NOUNS])
def test_a_product_term_of_another_noun_is_refused(trials: Trials, fields: str, line: str) -> None:
    """An origin, a domain or a manufacturing term the words right after it give to a serum, a transplant,
    an antibody or precautions, not to the cells (vocabulary._NOT_THE_PRODUCTS_AFTER, _NOT_A_TARGET_AFTER)."""
    assert "E507" in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        (origin("AUTOLOGOUS", "autologous T cells"), "IM19 CAR-T cells are made from autologous T cells."),
        (origin("ALLOGENEIC", "Allogeneic"), "IM19 CAR-T cells: Allogeneic."),
        (domains("[CD28]", "CD28 co-stimulatory domain"), "IM19 CAR-T cells carry a CD28 co-stimulatory domain."),
        (_construct("manufacturing", "UNIVERSAL", "universal CAR-T cells"), "IM19 are universal CAR-T cells."),
    ],
)
def test_a_product_term_of_the_cells_binds(trials: Trials, fields: str, line: str) -> None:
    assert im19_out(trials, line, fields) == ""


def test_a_stubs_antigen_is_not_quoted_from_its_titles_disease(registry: Path) -> None:
    """The stub of NCT03030976, its CD19 quoted from "CD19 Positive Systemic Lupus Erythematosus" (the
    disease its title names), not from "CD19 Redirected Autologous T Cells"."""
    shown = "trials/NCT03030976.yaml"
    data = record_data(registry / shown, shown)
    data["evidence"]["cell_product.target_antigens"] = "CD19 Positive Systemic Lupus Erythematosus"
    assert "E507" in Checks(registry).codes(shown, data)


# --- a note stating a fact no source writes ----------------------------------------------------------------------

IM19_PATH, RELMA_PATH = "trials/NCT06513429.yaml", "trials/NCT05765006.yaml"

NOTES_REWRITTEN = [
    (IM19_PATH, "window of 6 months", "window of 12 months"),
    (IM19_PATH, "(2024-07-30, 2027-12-31)", "(2024-07-31, 2027-12-31)"),
    (IM19_PATH, "dose for patients 4 to 6", "dose for patients 4 to 7"),
    (RELMA_PATH, "floor of 7.5 mg/day", "floor of 10 mg/day"),
    (RELMA_PATH, "does not say which registry date", "(Feb 28, 2024) does not say which registry date"),
    (RELMA_PATH, "The source gives no enrollment count.", "The source gives no enrollment count (24 participants)."),
    (RELMA_PATH, "within the 8 weeks before screening", "within the 8 months before screening"),
]


@pytest.mark.parametrize(("shown", "old", "new"), NOTES_REWRITTEN, ids=[new for _, _, new in NOTES_REWRITTEN])
def test_a_note_stating_a_fact_no_source_writes_is_refused(registry: Path, shown: str, old: str, new: str) -> None:
    """A curated record's note rewritten to state a date, a quantity, a count or a range of patients that
    neither its source writes nor the record holds passed: nothing read a remark's own words
    (remarks.check_remark_facts, E501)."""
    assert "E501" in codes_with_a_note_rewritten(registry, shown, old, new)


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        # the same fact in other words
        (IM19_PATH, "(2024-07-30, 2027-12-31)", "(30 July 2024, 2027-12-31)"),
        (RELMA_PATH, "floor of 7.5 mg/day", "floor of 7.5 mg/d"),
        (IM19_PATH, "window of 6 months", "window of six months"),
        # the record's own writing after "recorded as", quoted, is the record's (hunt 208 refuses 1×10^9)
        (IM19_PATH, "recorded as a flat dose", 'recorded as "1×10^8 CAR-T cells"'),
        # a year alone is any number of four digits; a criterion's number is no quantity
        (IM19_PATH, "Both criteria lists start at 2", "Both criteria lists (2025) start at 2"),
    ],
)
def test_a_note_stating_what_the_source_writes_passes(registry: Path, shown: str, old: str, new: str) -> None:
    assert codes_with_a_note_rewritten(registry, shown, old, new) == set()


# --- a count enrolled so far given as the enrollment -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        ("IM19 plans to enrol 30 patients; 12 patients have been enrolled to date.", "12 patients"),
        ("IM19 will enrol 30 patients. To date, 12 patients were treated.", "12 patients"),
        ("IM19: 12 patients enrolled so far.", "12 patients"),
        ("Thus far, 12 participants have been included in IM19.", "12 participants"),
    ],
)
def test_a_count_enrolled_so_far_is_no_enrollment(trials: Trials, line: str, quote: str) -> None:
    """A tally of those enrolled until the source's day bound an enrollment of 12 beside the planned 30
    (head_counts._enrolled_so_far, E508): the trial's count is its plan or its final one."""
    assert "E508" in im19_out(trials, line, enrollment_fields(12, quote))


@pytest.mark.parametrize(
    "line",
    [
        "IM19 plans to enrol 30 patients; 12 patients have been enrolled to date.",
        "IM19 will enrol 30 patients. To date, 12 patients were treated.",
        "IM19 has enrolled 30 patients. Enrollment is complete.",
    ],
)
def test_the_count_beside_a_tally_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, enrollment_fields(30, "30 patients")) == ""


# --- a site given as the sponsor --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "IM19 is conducted at Acme Hospital; the sponsor is Beta Bio.",
        "IM19 is enrolling at Acme Hospital. Its sponsor is Beta Bio.",
        "IM19 participating sites: Acme Hospital. Sponsor: Beta Bio.",
    ],
)
def test_a_site_is_no_sponsor(trials: Trials, line: str) -> None:
    """A plain document's site given as the sponsor passed (prose._NOT_THE_SPONSOR read partners, owners,
    funders and suppliers, not the places the trial is run at)."""
    assert "E512" in im19_out(trials, line, sponsor_fields("Acme Hospital"))


@pytest.mark.parametrize(
    "line",
    [
        "IM19 is conducted at Acme Hospital; the sponsor is Beta Bio.",
        "IM19 is sponsored by Beta Bio and conducted at Acme Hospital.",
    ],
)
def test_the_sponsor_beside_a_site_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, sponsor_fields("Beta Bio")) == ""


# --- an official's role given as the responsible party ----------------------------------------------------------


def test_an_officials_role_is_no_responsible_party(trials: Trials) -> None:
    """A plain document's "Wang Li, Principal Investigator" bound the responsible party PRINCIPAL_INVESTIGATOR
    beside "Responsible party: Sponsor" (prose._responsible: only sentences naming it state it, E512)."""
    line = "IM19: Sponsor: Acme Hospital. Wang Li, Principal Investigator. Responsible party: Sponsor."
    out = im19_out(
        trials, line, responsible_party_fields("Wang Li", "PRINCIPAL_INVESTIGATOR", "Wang Li, Principal Investigator")
    )
    assert "E512" in out


def test_a_responsible_party_named_so_binds(trials: Trials) -> None:
    line = "IM19: Sponsor: Acme Hospital. Responsible party: Wang Li, Principal Investigator."
    fields = responsible_party_fields(
        "Wang Li", "PRINCIPAL_INVESTIGATOR", "Responsible party: Wang Li, Principal Investigator"
    )
    assert im19_out(trials, line, fields) == ""


@pytest.mark.parametrize(
    "line",
    [
        # (review 205: a label line under the one naming it, read with it as one sentence: no stop ends either)
        "Responsible Party: Sponsor\nPrincipal Investigator: Wang Li",
        "Responsible Party: Sponsor\nStudy Chair: Wang Li, Principal Investigator",
    ],
)
def test_an_officials_label_under_the_responsible_partys_is_no_responsible_party(trials: Trials, line: str) -> None:
    """A line of another label under "Responsible Party: Sponsor" ran on into its sentence (neither line ends
    at a stop), and its official's role bound the responsible party PRINCIPAL_INVESTIGATOR: a line opening
    with another label is a field's own (prose._responsible keeps lines naming it, or of no label)."""
    out = im19_out(
        trials, line, responsible_party_fields("Wang Li", "PRINCIPAL_INVESTIGATOR", "Principal Investigator")
    )
    assert "E512" in out, out


def test_a_responsible_party_whose_line_runs_on_binds(trials: Trials) -> None:
    """The honest neighbour: a sentence naming the responsible party, broken across lines, binds."""
    line = "The responsible party for IM19 is\nWang Li, Principal Investigator."
    fields = responsible_party_fields("Wang Li", "PRINCIPAL_INVESTIGATOR", "Wang Li, Principal Investigator")
    assert im19_out(trials, line, fields) == ""
