"""Eligibility records that said more than their source (helper-1's hunt of known false passes).

- A permission in a clause of its own after an exclusion limit: "Total bilirubin > 2 mg/dL; patients with
  Gilbert's syndrome are eligible" keeps out no patient with Gilbert's syndrome, like "(except Gilbert's
  syndrome)", yet a threshold without it passed, and one holding it was refused (E518: the
  condition check held that nothing after the semicolon could be the limit's). The clause right after the
  limit's semicolon is read now, for a permission of a group ("patients with ... are eligible", "...
  may be enrolled", "... are not excluded") and for an exception of a condition or of a cause ("; except
  in Gilbert's syndrome", "; unless due to Gilbert's syndrome"): its threshold must hold it (E524), and may.
  So is a permission in the limit's own sentence (", but patients with ... are eligible", "(patients with
  ... may be enrolled)", which passed without it too) and in the next sentence of its item, before any
  other limit (". Patients with ... are eligible.").
- A cause negated right after a limit: "ALT > 3 × ULN not explained by autoimmune hepatitis" keeps out no
  patient whose ALT that cause explains, like "excluding ... due to"; it was neither asked for nor
  accepted (E528: it starts inside its clause). "not" (a few words of judging between: "not considered
  related to") before a cause's words ("due to", "attributable to", "explained by", ...) is read as an
  exception of the values that cause explains, of the limit it follows (not of an earlier limit it runs on
  from: "Hemoglobin < 8 g/dL, or platelets < 50,000/mm³ not due to ITP" asks nothing of the hemoglobin);
  "whether or not due to" excepts nothing. Also read: "that cannot be explained by", "unexplained by",
  "unrelated to", "not otherwise explained" (no cause named).
- A prior therapy's list read from the parenthesis of one alternative of the requirement: "Active disease
  despite biologic therapy (belimumab or rituximab) or immunosuppressants" curated as [belimumab, rituximab]
  passed: the list is whole inside its parenthesis, and opens at the first therapy the reader knows
  ("biologic therapy" is no word of prior_therapy.THERAPIES), so neither E525 rule saw "immunosuppressants"
  dropped. A list that stands wholly inside an item's parenthesis, where the requirement's enumeration goes
  on after it with another item ("... ) or immunosuppressants"), is that item's examples, not the
  requirement's list (E525); so are examples set off otherwise, by "such as", "e.g.", ... or dashes, that a
  comma or a dash closes. And "biologic therapy" (agents, drugs, treatment) is a therapy's word now, as
  "biological agents" was: its examples alone ("despite biologic therapy (belimumab or rituximab)" read as
  [belimumab, rituximab]) open after it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, one_threshold_draft, prior_therapy_out

SOURCE = "seeds/971_helper1.txt"
BILIRUBIN = {"kind": "LABORATORY", "measure": "Total bilirubin", "comparator": ">", "value": 2, "unit": "mg/dL"}
HEMOGLOBIN = {"kind": "LABORATORY", "measure": "Hemoglobin", "comparator": "<", "value": 8, "unit": "g/dL"}
BILIRUBIN_ULN = {"kind": "LABORATORY", "measure": "Total bilirubin", "comparator": ">", "value": 2, "unit": "×ULN"}
ALT = {"kind": "LABORATORY", "measure": "ALT", "comparator": ">", "value": 3, "unit": "×ULN"}


def _codes(
    registry: Path, trials: Trials, text: str, threshold: dict, condition: str | None, side: str = "exclusion"
) -> set[str]:
    """The codes `trials validate` reports of IM19's draft holding the one exclusion criterion text (side:
    or inclusion) and one threshold of it, given condition (None: no conditions)."""
    path = one_threshold_draft(registry, SOURCE, text, side=side, **threshold)
    if condition is not None:
        record = path.read_text(encoding="utf-8")
        unit = f"      unit: {threshold['unit']}\n"
        assert unit in record
        path.write_text(record.replace(unit, f"{unit}      conditions:\n        - {json.dumps(condition)}\n"))
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status in (0, 1), result.out + result.err
    return result.codes()


def _required(registry: Path, trials: Trials, text: str, threshold: dict, condition: str) -> None:
    """The threshold of text must hold condition (E524 without it) and may (nothing with it)."""
    assert _codes(registry, trials, text, threshold, None) == {"E524"}
    assert _codes(registry, trials, text, threshold, condition) == set()


# 1. A permission (or an exception) in the clause after the limit's semicolon
@pytest.mark.parametrize(
    ("text", "condition", "threshold"),
    [
        (
            "Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome are eligible.",
            "patients with Gilbert's syndrome are eligible",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 ×ULN; patients with Gilbert's syndrome are eligible",
            "patients with Gilbert's syndrome are eligible",
            BILIRUBIN_ULN,
        ),
        ("Total bilirubin > 2 mg/dL; Gilbert's syndrome is allowed.", "Gilbert's syndrome is allowed", BILIRUBIN),
        (
            "Total bilirubin > 2 mg/dL; subjects with known Gilbert's disease may be enrolled.",
            "subjects with known Gilbert's disease may be enrolled",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; participants with Gilbert's syndrome can also be included.",
            "participants with Gilbert's syndrome can also be included",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome are not excluded.",
            "patients with Gilbert's syndrome are not excluded",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; however, patients with Gilbert's syndrome may participate.",
            "however, patients with Gilbert's syndrome may participate",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; patients with hemolysis due to SLE are permitted.",
            "patients with hemolysis due to SLE are permitted",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; except in patients with Gilbert's syndrome.",
            "except in patients with Gilbert's syndrome",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; unless due to Gilbert's syndrome.",
            "unless due to Gilbert's syndrome",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; this does not apply to patients with Gilbert's syndrome.",
            "this does not apply to patients with Gilbert's syndrome",
            BILIRUBIN,
        ),
    ],
)
def test_a_permission_after_the_limits_semicolon_is_its_condition(
    registry: Path, trials: Trials, text: str, condition: str, threshold: dict
) -> None:
    _required(registry, trials, text, threshold, condition)


@pytest.mark.parametrize(
    "text",
    [
        # a rule keeping the group out, not letting it in
        "Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome are excluded.",
        "Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome are not eligible.",
        "Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome cannot be enrolled.",
        # what patients must be, no permission
        "Total bilirubin > 2 mg/dL; patients must be eligible for lymphodepletion.",
        # another limit after the semicolon, and the permission in another sentence
        "Total bilirubin > 2 mg/dL; ALT > 3 ×ULN.",
        "Total bilirubin > 2 mg/dL. Patients with Gilbert's syndrome are excluded.",
    ],
)
def test_a_clause_after_the_semicolon_that_lets_no_one_in_asks_no_condition(
    registry: Path, trials: Trials, text: str
) -> None:
    assert _codes(registry, trials, text, BILIRUBIN, None) == set()


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # not a permission: the clause keeps them out, and the threshold given it says the limit applies only then
        (
            "Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome are excluded.",
            "patients with Gilbert's syndrome are excluded",
        ),
        (
            "Total bilirubin > 2 mg/dL; patients must be eligible for lymphodepletion.",
            "patients must be eligible for lymphodepletion",
        ),
    ],
)
def test_a_clause_after_the_semicolon_that_lets_no_one_in_is_no_condition(
    registry: Path, trials: Trials, text: str, condition: str
) -> None:
    assert _codes(registry, trials, text, BILIRUBIN, condition) == {"E518"}


def test_a_permission_after_another_limits_clause_is_not_this_ones(registry: Path, trials: Trials) -> None:
    text = "ALT > 3 ×ULN; Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome are eligible."
    assert _codes(registry, trials, text, ALT, None) == set()
    assert _codes(registry, trials, text, ALT, "patients with Gilbert's syndrome are eligible") == {"E518"}


# ... and in the limit's own sentence after it, or in the next sentence of its item (before another limit)
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        (
            "Total bilirubin > 2 mg/dL, but patients with Gilbert's syndrome are eligible.",
            "but patients with Gilbert's syndrome are eligible",
        ),
        (
            "Total bilirubin > 2 mg/dL (patients with Gilbert's syndrome may be enrolled).",
            "patients with Gilbert's syndrome may be enrolled",
        ),
        (
            "Total bilirubin > 2 mg/dL. Patients with Gilbert's syndrome are eligible.",
            "Patients with Gilbert's syndrome are eligible",
        ),
        (
            "Total bilirubin > 2 mg/dL. However, subjects with known Gilbert's syndrome may be enrolled.",
            "However, subjects with known Gilbert's syndrome may be enrolled",
        ),
    ],
)
def test_a_permission_in_the_limits_sentence_or_the_next_is_its_condition(
    registry: Path, trials: Trials, text: str, condition: str
) -> None:
    _required(registry, trials, text, BILIRUBIN, condition)


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # the permission follows another limit in the next clause or sentence: that limit's
        (
            "ALT > 3 ×ULN; Total bilirubin > 2 mg/dL, but patients with Gilbert's syndrome are eligible.",
            "but patients with Gilbert's syndrome are eligible",
        ),
        (
            "ALT > 3 ×ULN. Total bilirubin > 2 mg/dL, but patients with Gilbert's syndrome are eligible.",
            "but patients with Gilbert's syndrome are eligible",
        ),
        # a group with the trial's own disease is everyone enrolled
        (
            "ALT > 3 ×ULN. Patients with SLE are eligible after screening.",
            "Patients with SLE are eligible after screening",
        ),
    ],
)
def test_a_permission_after_another_limit_is_not_this_ones(
    registry: Path, trials: Trials, text: str, condition: str
) -> None:
    assert _codes(registry, trials, text, ALT, None) == set()
    assert _codes(registry, trials, text, ALT, condition) == {"E518"}


# "unless" before a condition, as a real study writes it, its semicolon inside the limit's bracket
# (tests/fixtures/ctgov/real/NCT02576665.json: "total bilirubin ≤ 1.5 x the upper limit of normal (ULN;
# unless known Gilbert's syndrome)")
BILIRUBIN_AT_MOST = {
    "kind": "LABORATORY",
    "measure": "total bilirubin",
    "comparator": "<=",
    "value": 1.5,
    "unit": "×ULN",
}


@pytest.mark.parametrize(
    "text",
    [
        "total bilirubin ≤ 1.5 ×ULN (unless known Gilbert's syndrome)",
        "total bilirubin ≤ 1.5 ×ULN (ULN; unless known Gilbert's syndrome)",
    ],
)
def test_a_limit_unless_a_condition_needs_it(registry: Path, trials: Trials, text: str) -> None:
    condition = "unless known Gilbert's syndrome"
    assert _codes(registry, trials, text, BILIRUBIN_AT_MOST, None, side="inclusion") == {"E524"}
    assert _codes(registry, trials, text, BILIRUBIN_AT_MOST, condition, side="inclusion") == set()


# 2. A cause negated right after the limit, or a condition named by its absence
@pytest.mark.parametrize(
    ("text", "condition", "threshold"),
    [
        (
            "Hemoglobin < 8 g/dL not explained by autoimmune hemolysis",
            "not explained by autoimmune hemolysis",
            HEMOGLOBIN,
        ),
        ("ALT > 3 ×ULN not explained by autoimmune hepatitis", "not explained by autoimmune hepatitis", ALT),
        ("ALT > 3 ×ULN not due to SLE hepatitis.", "not due to SLE hepatitis", ALT),
        ("Hemoglobin < 8 g/dL not attributable to lupus.", "not attributable to lupus", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL not related to SLE", "not related to SLE", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL not caused by autoimmune hemolysis", "not caused by autoimmune hemolysis", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL not secondary to lupus", "not secondary to lupus", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL, not resulting from SLE", "not resulting from SLE", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL unless due to autoimmune hemolysis", "unless due to autoimmune hemolysis", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL that is not due to SLE", "that is not due to SLE", HEMOGLOBIN),
        (
            "Hemoglobin < 8 g/dL not considered related to lupus by the investigator",
            "not considered related to lupus by the investigator",
            HEMOGLOBIN,
        ),
        ("ALT > 3 ×ULN not clearly attributable to SLE", "not clearly attributable to SLE", ALT),
        ("ALT > 3 ×ULN, not thought to be due to SLE", "not thought to be due to SLE", ALT),
        ("ALT > 3 ×ULN unexplained by SLE", "unexplained by SLE", ALT),
        ("ALT > 3 ×ULN unrelated to lupus", "unrelated to lupus", ALT),
        ("ALT > 3 ×ULN that cannot be explained by SLE", "that cannot be explained by SLE", ALT),
        ("ALT > 3 ×ULN which could not be attributed to lupus", "which could not be attributed to lupus", ALT),
        ("ALT > 3 ×ULN not otherwise explained", "not otherwise explained", ALT),
        ("ALT > 3 ×ULN (not due to SLE hepatitis)", "not due to SLE hepatitis", ALT),
        # ... or a condition whose absence the limit holds for
        ("ALT > 3 ×ULN in the absence of autoimmune hepatitis", "in the absence of autoimmune hepatitis", ALT),
        ("ALT > 3 ×ULN (in the absence of autoimmune hepatitis)", "in the absence of autoimmune hepatitis", ALT),
        ("Hemoglobin < 8 g/dL without evidence of hemolysis", "without evidence of hemolysis", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL, without clinical signs of bleeding", "without clinical signs of bleeding", HEMOGLOBIN),
        (
            "Total bilirubin > 2 mg/dL without a diagnosis of Gilbert's syndrome",
            "without a diagnosis of Gilbert's syndrome",
            BILIRUBIN,
        ),
    ],
)
def test_a_limit_a_negated_cause_restricts_needs_it(
    registry: Path, trials: Trials, text: str, condition: str, threshold: dict
) -> None:
    _required(registry, trials, text, threshold, condition)


@pytest.mark.parametrize(
    "text",
    [
        "Hemoglobin < 8 g/dL, whether or not due to SLE",  # excepts nothing
        "Hemoglobin < 8 g/dL, not only due to SLE",
        "Hemoglobin < 8 g/dL not requiring transfusion",  # no cause
        "Hemoglobin < 8 g/dL without transfusion",  # the measure's own terms, no condition's absence
        "Hemoglobin < 8 g/dL. In the absence of anemia, no test is repeated.",  # another sentence's
        "Hemoglobin < 8 g/dL, or platelets < 50,000/mm³ in the absence of ITP",  # the platelets', set apart
        "Hemoglobin < 8 g/dL due to any cause",
        "Hemoglobin < 8 g/dL. Anemia not explained by SLE is excluded too.",  # another sentence's
        "Hemoglobin < 8 g/dL, or platelets < 50,000/mm³ not due to ITP",  # the platelets' cause, set apart
    ],
)
def test_a_cause_negated_of_no_part_of_the_limit_asks_no_condition(registry: Path, trials: Trials, text: str) -> None:
    assert _codes(registry, trials, text, HEMOGLOBIN, None) == set()


def test_a_negated_cause_of_a_later_limit_is_no_condition_of_an_earlier_one(registry: Path, trials: Trials) -> None:
    text = "Hemoglobin < 8 g/dL, or platelets < 50,000/mm³ not due to ITP"
    assert "E518" in _codes(registry, trials, text, HEMOGLOBIN, "not due to ITP")


def test_a_negated_cause_after_limits_no_mark_sets_apart_is_each_ones(registry: Path, trials: Trials) -> None:
    # words after limits that no mark sets apart are said of each (scopes.runs_on_from_another)
    text = "Hemoglobin < 8 g/dL or platelets < 50,000/mm³ not due to ITP"
    assert _codes(registry, trials, text, HEMOGLOBIN, None) == {"E524"}
    assert _codes(registry, trials, text, HEMOGLOBIN, "not due to ITP") == set()


# 3. A prior therapy's list from the parenthesis of one alternative of the requirement
BIOLOGIC = "Active disease despite biologic therapy (belimumab or rituximab) or immunosuppressants."


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        (BIOLOGIC, ["belimumab", "rituximab"]),
        (
            "Refractory to targeted agents (belimumab, anifrolumab) and immunosuppressants.",
            ["belimumab", "anifrolumab"],
        ),
        (
            "Inadequate response to B-cell directed treatment (rituximab or obinutuzumab), or to mycophenolate "
            "mofetil.",
            ["rituximab", "obinutuzumab"],
        ),
        (
            "Failure of standard therapy (hydroxychloroquine and glucocorticoids) and at least one immunosuppressant.",
            ["hydroxychloroquine", "glucocorticoids"],
        ),
        ("Active disease despite targeted therapy (e.g. belimumab) or cyclophosphamide.", ["belimumab"]),
        # examples of the class set off otherwise than by a parenthesis, closed by a comma or a dash
        (
            "Active disease despite targeted therapy, such as belimumab or rituximab, or immunosuppressants.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy, e.g. belimumab or rituximab, or immunosuppressants.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy such as belimumab, and at least one immunosuppressant.",
            ["belimumab"],
        ),
        (
            "Active disease despite targeted therapy [belimumab or rituximab] or immunosuppressants.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy - belimumab or rituximab - or immunosuppressants.",
            ["belimumab", "rituximab"],
        ),
        # the class alone, a word of prior_therapy.THERAPIES now: its examples open after it
        ("Active disease despite biologic therapy (belimumab or rituximab).", ["belimumab", "rituximab"]),
    ],
)
def test_a_list_from_one_alternatives_parenthesis_is_refused(trials: Trials, text: str, therapies: list[str]) -> None:
    out = prior_therapy_out(trials, text, therapies)
    assert " E525 eligibility.prior_therapy.therapies: " in out, out


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        (BIOLOGIC, ["biologic therapy (belimumab or rituximab)", "immunosuppressants"]),
        (
            "Active disease despite biologic therapy (belimumab or rituximab).",
            ["biologic therapy (belimumab or rituximab)"],
        ),
        ("Refractory to biologic agents.", ["biologic agents"]),
        # examples that end the requirement, and an enumeration that opens with "including"
        (
            "Active disease despite standard therapy, including hydroxychloroquine and glucocorticoids.",
            ["hydroxychloroquine", "glucocorticoids"],
        ),
        (
            "Failure of standard therapy, including hydroxychloroquine, glucocorticoids, and at least one "
            "immunosuppressant.",
            ["hydroxychloroquine", "glucocorticoids", "at least one immunosuppressant"],
        ),
        # a parenthesis holding the requirement whole, or a therapy after it that is no item beside it
        ("Refractory disease (failure of belimumab or rituximab) at screening.", ["belimumab", "rituximab"]),
        (
            "Active disease despite targeted therapy (belimumab or rituximab), with prednisone at a stable dose.",
            ["belimumab", "rituximab"],
        ),
    ],
)
def test_the_requirements_own_enumeration_still_passes(trials: Trials, text: str, therapies: list[str]) -> None:
    assert " E525 " not in prior_therapy_out(trials, text, therapies)
