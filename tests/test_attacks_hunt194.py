"""Hunt 194 (helper-26): the strict xfails of the suite, the wrong values and mistakes the checks still let pass.

Found and fixed (each xfail is a passing test beside where it stood, with variants of its class that failed before
and honest neighbours that pass):

1. Another product's dose, named by a brand no list holds ("Yescarta is dosed at 1×10^6 CAR-T cells/kg"), bound a
   cohort's dose: not_dosed.of_another_product reads the name the dose's clause doses (its subject, what it is
   the dose of, what patients receive, what it is set against, "of"/"for" it after) against the record's own
   names (id, titles, acronym, product, interventions, agents, arms' and cohorts' labels); and a lymphodepleting
   agent's dose of another product's regimen ("Yescarta's conditioning uses fludarabine 25 mg/m2/day"):
   not_dosed.regimen_of_another_product (test_attacks_doses_probe).
2. A brand after one item's aside ("(belimumab or rituximab) or Benlysta") let the aside's list pass as the
   requirement's: product_names.opens_with_a_name (test_attacks_helper2_prior_lists); and a requirement naming
   its therapies by brands alone ("Active disease despite Benlysta.") stated none, so a complete record declaring
   its prior therapy silent passed E523: prior_therapy.named_treatments (here, 10).
3. A regimen the field knows by its name given "with" an item ("(with the Euro-Lupus regimen)") was read as another
   treatment, and the honest list refused: enumeration._with_a_named_regimen (test_attacks_hunt25).
4. A permission on condition of another therapy's failure ("Belimumab is allowed if the patient did not respond to
   steroids", "... in patients who failed steroids", "... after failure of steroids") required both:
   prior_therapy._Treated._of_another, _FAILURE_CONDITION (test_attacks_review29).
5. "RP2D: the Phase 2 dosing level" named phase 2 as a Phase 1 trial's, and so did a dose chosen for a phase ("This
   Phase 1 trial will determine the dose for Phase 2"): prose._the_named_doses_phase, _CHOSEN_DOSE_FOR
   (test_attacks_review30).
6. A list a newer whole version of the study dropped (its keywords) kept from the older version passed: E534 reads
   layouts.dropped (test_attacks_mut27); and, found on the way, the rows of such a list (officials, references)
   were still held whole of the updated record (E519): completeness._newest_rows.
7. A record past context.PLACES_READ got problems that hung on its evidence keys' order: E530 alone now
   (test_attacks_review171).
8. A wrapped criterion mixing an escaped backslash and an escape was imported into a draft its check refused:
   escapes.written_whole (test_import_real_hunt170).
9. A permission opening the item right after a run of limits may be the first limit's condition: holding it there
   was refused E518 ("a. Total bilirubin > 2 mg/dL" "b. ALT > 3 ×ULN" "c. Patients with Gilbert's syndrome are
   eligible."), in sub-items and in a list's criteria alike (scopes.after_a_run_of_limits,
   thresholds._permission_after_a_run; here, and test_attacks_review_helper6).
10. (2, above) a requirement of brands alone declared silent.

Found and left (strict xfail in test_attacks_review_helper6): a permission opening the next item after a single
limit is asked of that limit whatever it lets in ("Hemoglobin < 8 g/dL" "Patients with lupus nephritis are
eligible."): it reads as "a. Total bilirubin > 2 mg/dL" "b. Patients with Gilbert's syndrome are eligible." does,
whose condition is rightly asked; telling a permission of the limit's values from another rule of who enrols
needs the causes of each measure's values, which the package has no source for, and asking neither would weaken
E524. And with a run of limits, the last one is still asked the permission (E524) where the record gives it to an
earlier one only, though any of them may be its limit. Other forms of another product's dose still bind: a
product as a label before the dose ("Yescarta: 1×10^6 CAR-T cells/kg"), a clause opened by it ("With Yescarta,
1×10^6 ... is standard"), "with" it after the dose: each form's words are also an honest record's ("Arm A:",
"with CRS managed per ...").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TEXT_HEAD, Trials, add_source, im19_draft, imported_codes, joined, put
from sle_trials.reading import prior_therapy
from test_attacks_prior_therapy_silence import _study
from test_attacks_review_helper6 import BILIRUBIN, _next_items_codes

GILBERT = "Patients with Gilbert's syndrome are eligible."
HELD = ["Patients with Gilbert's syndrome are eligible"]


# 9. A permission after a run of limits, held by the run's first limit, in sub-items ...
@pytest.mark.parametrize(
    "items",
    [
        ["Total bilirubin > 2 mg/dL", "ALT > 3 ×ULN", GILBERT],
        ["Total bilirubin > 2 mg/dL", "ALT > 3 ×ULN", "AST > 3 ×ULN", GILBERT],
        ["Total bilirubin > 2 mg/dL", "ALT > 3 ×ULN", "Gilbert's syndrome is acceptable."],
    ],
)
def test_a_permission_after_a_run_of_limits_may_be_the_first_limits(
    registry: Path, trials: Trials, items: list[str]
) -> None:
    held = [items[-1].rstrip(".")]
    assert _next_items_codes(registry, trials, items, BILIRUBIN, held) == set()


# ... while one past an item of no limit, or after a limit in its own item, is still another's (E518)
@pytest.mark.parametrize(
    ("items", "held"),
    [
        (["Total bilirubin > 2 mg/dL", "Pregnant or breastfeeding women.", GILBERT], HELD[0]),
        (
            [
                "Total bilirubin > 2 mg/dL",
                "ALT > 3 ×ULN",
                "Hemoglobin < 8 g/dL; patients with Gilbert syndrome are eligible.",
            ],
            "patients with Gilbert syndrome are eligible",
        ),
    ],
)
def test_a_permission_past_the_run_is_still_refused(
    registry: Path, trials: Trials, items: list[str], held: str
) -> None:
    assert _next_items_codes(registry, trials, items, BILIRUBIN, [held]) == {"E518"}


def _criteria_codes(registry: Path, trials: Trials, criteria: list[str], conditions: list[str]) -> set[str]:
    """The codes `trials validate` reports of IM19's draft whose exclusion criteria are criteria, holding the
    bilirubin limit of criterion 1 given conditions."""
    page = "".join(f"{k + 1}. {text}\n" for k, text in enumerate(criteria))
    listed = "".join(f"    - number: {k + 1}\n      text: {json.dumps(text)}\n" for k, text in enumerate(criteria))
    given = f"      conditions: {json.dumps(conditions)}\n" if conditions else ""
    fields = (
        f"eligibility:\n  exclusion_criteria:\n{listed}"
        "  thresholds:\n    - kind: LABORATORY\n      criterion: {list: EXCLUSION, number: 1}\n"
        f'      measure: Total bilirubin\n      comparator: ">"\n      value: 2\n      unit: mg/dL\n{given}'
        f"evidence:\n  eligibility.thresholds.0: {json.dumps(criteria[0])}\n"
    )
    source = add_source(registry, "seeds/931_criteria_run.txt", f"{IM19_TEXT_HEAD}Exclusion criteria:\n{page}")
    put(registry, IM19_PATH, joined(im19_draft(source), fields))
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status in (0, 1), result.out + result.err
    return result.codes()


# ... and in a list's criteria
@pytest.mark.parametrize(
    "criteria",
    [
        ["Total bilirubin > 2 mg/dL", "ALT > 3 ×ULN", GILBERT],
        ["Total bilirubin > 2 mg/dL", "ALT > 3 ×ULN", "AST > 3 ×ULN", GILBERT],
    ],
)
def test_a_criterions_permission_after_a_run_of_limits_may_be_the_first_limits(
    registry: Path, trials: Trials, criteria: list[str]
) -> None:
    assert _criteria_codes(registry, trials, criteria, HELD) == set()


@pytest.mark.parametrize(
    "criteria",
    [
        ["Total bilirubin > 2 mg/dL", "Pregnant or breastfeeding women.", GILBERT],
        ["Total bilirubin > 2 mg/dL", "ALT > 3 ×ULN", "Hemoglobin < 8 g/dL.", "Pregnancy.", GILBERT],
    ],
)
def test_a_criterions_permission_past_the_run_is_still_refused(
    registry: Path, trials: Trials, criteria: list[str]
) -> None:
    assert _criteria_codes(registry, trials, criteria, HELD) == {"E513"}  # (in neither criterion it may be of)


# (the permission right after the limit's criterion is held as before, and asked of it)
def test_a_criterions_permission_right_after_it_is_still_asked(registry: Path, trials: Trials) -> None:
    criteria = ["Total bilirubin > 2 mg/dL", GILBERT]
    assert _criteria_codes(registry, trials, criteria, HELD) == set()
    assert "E524" in _criteria_codes(registry, trials, criteria, [])


# 10. A requirement of therapies named by brands alone, its prior therapy declared silent
@pytest.mark.parametrize(
    "criterion",
    [
        "Active disease despite Benlysta.",
        "Inadequate response to Benlysta and Saphnelo.",
        "Refractory to Lupkynis.",
        "Previously treated with Benlysta®.",
    ],
)
def test_a_requirement_of_a_brand_alone_declared_silent_is_refused(
    tmp_path_factory: pytest.TempPathFactory, criterion: str
) -> None:
    checker, data = _study(tmp_path_factory, f"4. {criterion}\n")
    assert "E523" in imported_codes(checker, data)


# ... while words in capitals of no treatment, or a brand denied, state none
@pytest.mark.parametrize(
    "criterion",
    [
        "Active disease despite Lupus nephritis.",
        "Active disease despite Hospital admission.",
        "No prior treatment with Benlysta.",
        "Active disease despite SLEDAI-2K ≥ 6.",
    ],
)
def test_capitals_of_no_treatment_state_no_requirement(
    tmp_path_factory: pytest.TempPathFactory, criterion: str
) -> None:
    checker, data = _study(tmp_path_factory, f"4. {criterion}\n")
    assert "E523" not in imported_codes(checker, data)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Active disease despite Benlysta.", ["Benlysta"]),
        ("Failure of rituximab or Saphnelo® for 12 weeks", ["Saphnelo®"]),
        ("Benlysta is not allowed. Refractory to Lupus nephritis, Sjögren's syndrome or Active nephritis", []),
    ],
)
def test_a_named_treatment_is_a_proper_name_inside_its_sentence(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in prior_therapy.named_treatments(text)] == names


# The reviewer of hunt 194: a prior therapy read from a criterion that names therapies as none the disease
# stayed active after, failed or was had before
IM19_PRIOR = (
    "  prior_therapy:\n    refractory: true\n    therapies:\n      - steroids (sufficient or shock therapy)\n"
    "      - immunosuppressants (cyclophosphamide or mycophenolate mofetil)\n"
    "      - biologics (belizumab or Rituximab)\n    criterion: {list: INCLUSION, number: 4}\n"
)
IM19_PRIOR_QUOTE = (
    "  eligibility.prior_therapy: >-\n"
    "    4) Meets the current clinical standards for refractory systemic lupus erythematosus: the\n"
    "    disease remains active or relapses and progresses after systemic treatment using the current\n"
    "    standard treatment regimen, including steroids (sufficient or shock therapy),\n"
    "    immunosuppressants (cyclophosphamide or mycophenolate mofetil), and biologics (belizumab or\n"
    "    Rituximab)\n"
)


@pytest.mark.parametrize(
    ("therapies", "number", "quote"),
    [
        (  # IM19's background therapy, which patients are on now: no therapy they stayed active after
            ["steroids", "antimalarial drugs", "immunosuppressants"],
            5,
            "5) Currently, one or more of the following stable dose standard therapies are being used to treat SLE: "
            "steroids, antimalarial drugs, immunosuppressants",
        ),
        (  # ... quoted without the words that say so: the criterion's are read
            ["steroids", "antimalarial drugs", "immunosuppressants"],
            5,
            "steroids, antimalarial drugs, immunosuppressants",
        ),
    ],
)
def test_therapies_a_criterion_names_as_no_requirement_are_no_prior_therapy(
    registry: Path, trials: Trials, therapies: list[str], number: int, quote: str
) -> None:
    """IM19's prior therapies taken from its inclusion criterion 5 ("Currently, one or more of the following stable
    dose standard therapies are being used to treat SLE: steroids, antimalarial drugs, immunosuppressants"), its
    `refractory` left not yet curated, passed `trials check`: the field holds the therapies a criterion says the
    disease stayed active after, and binding read the requirement's enumeration only where the criterion had a cue
    of one. A criterion with none states no prior-therapy requirement (E513)."""
    text = (registry / IM19_PATH).read_text(encoding="utf-8")
    assert IM19_PRIOR in text and IM19_PRIOR_QUOTE in text
    listed = "".join(f"      - {t}\n" for t in therapies)
    text = text.replace(
        IM19_PRIOR, f"  prior_therapy:\n    therapies:\n{listed}    criterion: {{list: INCLUSION, number: {number}}}\n"
    )
    text = text.replace(IM19_PRIOR_QUOTE, f"  eligibility.prior_therapy: {json.dumps(quote, ensure_ascii=False)}\n")
    undeclared = "    - eligibility.autoantibodies\n  incomplete:"
    declared = "    - eligibility.autoantibodies\n  not_yet_curated:\n    - eligibility.prior_therapy.refractory\n"
    text = text.replace(undeclared, declared + "  incomplete:", 1)
    put(registry, IM19_PATH, text)
    result = trials.json("validate", registry / IM19_PATH)
    assert (result.status, result.codes()) == (1, {"E513"}), result.out
