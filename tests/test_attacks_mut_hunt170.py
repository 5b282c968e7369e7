"""A hostile mutation hunt on the curated records (helper-1's, after the harness and the blunt sweep).

Values a careless or dishonest curator could give IM19's and Relma-cel's records in a pull request,
taken from another part of the same source (another trial's title, the page's boilerplate, a sentence
of another rule in the same criterion, an example given of an item), read in another sense (a label's
date under another milestone, a count of applicants as the enrollment), or excused by a note; each
applied to a copy of the record and checked as `trials validate` checks it. What passed and makes the
record say what its source does not:

- a prior therapy read from words of its criterion other than the enumeration of its requirement:
  Relma-cel's inclusion criterion 4 requires the disease to have stayed active after "a stable standard
  SLE regimen", which it spells out as "corticosteroids, antimalarials, non-steroidal anti-inflammatory
  drugs (NSAIDs), and other immunosuppressants or immunomodulators including azathioprine, ...". Its
  therapies given as "Oral corticosteroids" (quoting the heading of the sub-list of dose rules), as the
  "corticosteroids" or "immunosuppressants" of "There is no minimum daily dose requirement for
  corticosteroids when used in combination with immunosuppressants", or as the examples "azathioprine,
  ..., cyclosporine" alone passed: each is a list whole where it stands, and E525 held a list whole only
  where it stands. A requirement's list opens at the first therapy the requirement names
  (prior_therapy.requirement, from its cue on), or after it only where the words between name a class
  and spell it out after a colon ("at least one immunosuppressive agent: mycophenolate mofetil, ...");
  not examples of it ("such as", "including"), which narrow who is eligible (requirement.of_the_requirement).
- a limit's exception of the values a cause explains left out of its conditions: IM19's exclusion 10
  keeps out "alanine aminotransferase (ALT), ... levels are ≥3×ULN, or bilirubin >1.5×ULN, excluding
  laboratory test abnormalities due to SLE hepatitis", and the curated record held both limits with no
  condition, as keeping out every patient over them (the hunt's mutants "condition added" passed, the
  record without it passed too). scopes reads an exception ("excluding", "unless", "other than", ...) of
  a cause ("due to", "caused by", "attributable to", "secondary to", ...) after a limit in its sentence
  as one its threshold must hold (E524), of each limit it follows; the record holds it now.
- an intervention held again under its alias: Relma-cel's title names one product "CD19-CART(Relma-cel)",
  and an intervention "CD19-CART" beside "Relma-cel" passed as two treatments: E522 counted each name's
  words apart, where no source states the list as rows. Two items one of whose names stands in the
  sources only as the other's other name, in brackets with it, are one item held twice (rows._aliased).

Left then, read since: a cause negated right after a limit ("not explained by autoimmune hemolysis",
scopes._NEGATED_CAUSE) and a group a sentence lets in after an exclusion limit ("Total bilirubin > 2
mg/dL; patients with Gilbert's syndrome are eligible"), tests/test_attacks_helper1_eligibility.py; an
exception with no cause word ("..., excluding Gilbert's syndrome"), tests/test_attacks_exceptions170.py.

Judged honest (true to the source): a measure given as more of its phrase ("Disease activity score
(SLEDAI-2K)", "the dose of steroids"), an exception or a clause's "if" added as a condition where it
does govern the limit, cohort labels taken from the arm's own words ("patients 1 to 3"), a dose written
as a float, the product and its one intervention named "CD19-CART" (the title's other name for it), a
record turned back to a draft (which claims no whole lists), a field a complete record names under
not_yet_curated (trials.csv says so), and notes that name a stated value's words with a false reason
(a note is the curator's declared reasoning, checked for naming the words, read by review).
"""

from __future__ import annotations

import json
from pathlib import Path

import mutations
import pytest
from conftest import (
    DATA_ROOT,
    IM19_PATH,
    IM19_TEXT_HEAD,
    RELMA_PATH,
    Trials,
    add_source,
    im19_draft,
    joined,
    one_threshold_draft,
    prior_therapy_out,
    put,
    record_data,
)


@pytest.fixture(scope="module")
def checks() -> mutations.Checks:
    return mutations.Checks(DATA_ROOT)


RELMA_REGIMEN = (
    "Standard treatment regimen refers to the steady use of any of the following (alone or in combination) : "
    "corticosteroids, antimalarials, non-steroidal anti-inflammatory drugs (NSAIDs), and other immunosuppressants "
    "or immunomodulators"
)
RELMA_CUE = (
    "the disease remained active at least 2 months after the use of a stable standard SLE regimen prior to screening."
)
EXAMPLES = ["azathioprine", "Mycophenolate Mofetil", "cyclophosphamide", "methotrexate", "leflunomide", "tacrolimus"]


def relma_therapies(therapies: list[str], quotes: list[str]) -> dict:
    data = record_data(DATA_ROOT / RELMA_PATH, RELMA_PATH)
    data["eligibility"]["prior_therapy"]["therapies"] = therapies
    data["evidence"]["eligibility.prior_therapy"] = quotes
    return data


@pytest.mark.parametrize(
    ("therapies", "quotes"),
    [
        (["Oral corticosteroids"], ["Oral corticosteroids must meet the following requirements:"]),
        (["Oral corticosteroids"], [RELMA_CUE, "Oral corticosteroids must meet the following requirements:"]),
        (["corticosteroids"], ["There is no minimum daily dose requirement for corticosteroids"]),
        (["immunosuppressants"], ["when used in combination with immunosuppressants"]),
        (EXAMPLES + ["cyclosporine"], [RELMA_CUE, "including " + ", ".join(EXAMPLES) + ", and cyclosporine."]),
    ],
)
def test_a_prior_therapy_from_other_words_of_its_criterion_is_refused(
    checks: mutations.Checks, therapies: list[str], quotes: list[str]
) -> None:
    assert "E525" in checks.codes(RELMA_PATH, relma_therapies(therapies, quotes))


@pytest.mark.parametrize(
    "quotes",
    [
        [RELMA_CUE, RELMA_REGIMEN],  # as curated
        [RELMA_REGIMEN],
        [RELMA_CUE, RELMA_REGIMEN + " including azathioprine"],
    ],
)
def test_the_requirements_own_enumeration_passes(checks: mutations.Checks, quotes: list[str]) -> None:
    therapies = [
        "corticosteroids",
        "antimalarials",
        "non-steroidal anti-inflammatory drugs (NSAIDs)",
        "other immunosuppressants or immunomodulators",
    ]
    assert checks.codes(RELMA_PATH, relma_therapies(therapies, quotes)) == set()


@pytest.mark.parametrize("shown", [IM19_PATH, RELMA_PATH])
def test_the_curated_records_pass(checks: mutations.Checks, shown: str) -> None:
    assert checks.codes(shown, record_data(DATA_ROOT / shown, shown)) == set()


SUCH_AS = "Failure of standard-of-care immunosuppressants such as mycophenolate mofetil or cyclophosphamide."
SPELLED = (
    "Inadequate response to at least one immunosuppressive agent: mycophenolate mofetil, azathioprine or tacrolimus."
)


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        (SUCH_AS, ["mycophenolate mofetil", "cyclophosphamide"]),  # the examples of the class required
        # a list after a colon that does not spell out the first therapy, joined to it by "and"
        (
            "Refractory to glucocorticoids and to one of: mycophenolate mofetil, azathioprine or tacrolimus.",
            ["mycophenolate mofetil", "azathioprine", "tacrolimus"],
        ),
    ],
)
def test_examples_of_a_required_class_are_refused(trials: Trials, text: str, therapies: list[str]) -> None:
    out = prior_therapy_out(trials, text, therapies)
    assert " E525 eligibility.prior_therapy.therapies: " in out and "names " in out, out


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        (SUCH_AS, ["standard-of-care immunosuppressants"]),
        (SPELLED, ["mycophenolate mofetil", "azathioprine", "tacrolimus"]),  # the class spelled out after a colon
        (SPELLED, ["immunosuppressive agent"]),
    ],
)
def test_the_class_or_its_list_spelled_out_passes(trials: Trials, text: str, therapies: list[str]) -> None:
    assert " E525 " not in prior_therapy_out(trials, text, therapies)


LIVER_EXCEPTION = "excluding laboratory test abnormalities due to SLE hepatitis"
ALT, BILIRUBIN = 13, 14  # IM19's thresholds of exclusion criterion 10


@pytest.mark.parametrize("left_out", [[ALT], [BILIRUBIN], [ALT, BILIRUBIN]])
def test_a_limit_without_its_cause_exception_is_refused(checks: mutations.Checks, left_out: list[int]) -> None:
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    for i in left_out:
        assert data["eligibility"]["thresholds"][i]["conditions"] == [LIVER_EXCEPTION]
        del data["eligibility"]["thresholds"][i]["conditions"]
    assert checks.codes(IM19_PATH, data) == {"E524"}


SOURCE = "seeds/936_cause_exception.txt"
HEMOGLOBIN = {"kind": "LABORATORY", "measure": "Hemoglobin", "comparator": "<", "value": 8, "unit": "g/dL"}


@pytest.mark.parametrize(
    "text",
    [
        "Hemoglobin < 8 g/dL, unless due to autoimmune hemolytic anemia",
        "Hemoglobin < 8 g/dL other than anemia secondary to SLE",
        "Hemoglobin < 8 g/dL or platelets < 50,000/mm³, except values attributable to lupus",
        "Hemoglobin < 8 g/dL (excluding anemia related to lupus nephritis)",
    ],
)
def test_an_exclusion_limit_without_its_cause_exception_is_refused(registry: Path, trials: Trials, text: str) -> None:
    one_threshold_draft(registry, SOURCE, text, side="exclusion", **HEMOGLOBIN)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.codes() == {"E524"}, result.out


@pytest.mark.parametrize(
    "text",
    [
        # honest neighbours: a cause with no exception, or an exception in another sentence
        "Hemoglobin < 8 g/dL due to any cause",
        "Anemia due to SLE is excluded only by its value. Hemoglobin < 8 g/dL",
    ],
)
def test_a_cause_that_excepts_nothing_of_the_limit_asks_no_condition(registry: Path, trials: Trials, text: str) -> None:
    one_threshold_draft(registry, SOURCE, text, side="exclusion", **HEMOGLOBIN)
    assert trials("validate", registry / IM19_PATH).status == 0


@pytest.mark.parametrize("at", [0, 1, 2])
def test_an_intervention_held_again_under_its_alias_is_refused(checks: mutations.Checks, at: int) -> None:
    data = record_data(DATA_ROOT / RELMA_PATH, RELMA_PATH)
    data["interventions"].insert(at, {"name": "CD19-CART"})
    data["interventions"] = data["interventions"][:2]
    assert checks.codes(RELMA_PATH, data) == {"E522"}


ALIASES = "Interventions: IM19 CAR-T cells (IM19) and fludarabine (Flu)."


@pytest.mark.parametrize(
    ("names", "refused"),
    [
        (["IM19 CAR-T cells", "fludarabine"], None),  # each by one of its names
        (["IM19 CAR-T cells", "fludarabine", "Flu"], 2),
        (["IM19", "IM19 CAR-T cells", "fludarabine"], 1),
    ],
)
def test_items_named_by_a_name_and_its_alias_are_one(
    registry: Path, trials: Trials, names: list[str], refused: int | None
) -> None:
    add_source(registry, "seeds/939_aliases.txt", IM19_TEXT_HEAD + ALIASES + "\n")
    fields = "interventions:\n" + "".join(f"  - name: {json.dumps(n)}\n" for n in names)
    put(registry, IM19_PATH, joined(im19_draft("seeds/939_aliases.txt"), fields))
    result = trials("validate", registry / IM19_PATH, fmt="json")
    if refused is None:
        assert result.status == 0, result.out
    else:
        assert [(p["code"], p["message"].split(":")[0]) for p in result.problems()] == [
            ("E522", f"interventions.{refused}")
        ], result.out


def test_a_limit_a_negated_cause_restricts_needs_it(registry: Path, trials: Trials) -> None:
    one_threshold_draft(
        registry, SOURCE, "Hemoglobin < 8 g/dL not explained by autoimmune hemolysis", side="exclusion", **HEMOGLOBIN
    )
    assert trials("validate", registry / IM19_PATH, fmt="json").codes() == {"E524"}
