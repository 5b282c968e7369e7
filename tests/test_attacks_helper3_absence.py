"""A hostile review of ad621a5 (a limit's condition named by its absence after it) and the known false passes
of scopes.py's reading taken up after it (helper-3).

1. ad621a5 read "in the absence of X" and "without evidence, signs, a diagnosis, a history or the presence of
   X" right after an eligibility limit as a condition its threshold must hold (E524). Wordings of the same
   class still passed with no condition: "in absence of X", "absent X" (in brackets too), "without any
   clinical evidence of", "without prior history of", "without a known diagnosis of" (more than one word
   before the noun), "without signs or symptoms of", "without evidence for", "without the presence of", "with
   no evidence of" in brackets, "where there is no evidence of", "without underlying liver disease" (a
   condition named after "without"), "lacking evidence of", no other cause ("without other explanation");
   the absence before the limit, opening its sentence ("In the absence of autoimmune hepatitis, ALT > 3 ×
   ULN", "When there is no evidence of ..., "); and the clause after the limit's semicolon or the next
   sentence saying when it applies ("; only in the absence of X", "; this applies only if ...", ". This
   applies only in the absence of X.", "; this applies only to patients without ...") or opening with an
   exception (". Except in patients with Gilbert's syndrome.", ". Not applicable to ..."). scopes._ABSENCE
   reads them all now (E524), _absence_before the absence opening the limit's sentence before any of its
   limits, _ONLY_WHEN and _letting_in the clause or sentence after it.
   It also refused honest records: "in the absence of growth factor support" is the measure's own terms as
   "without growth factor support" is (the treatment words, _TREATMENT, are no condition's), and an exception
   opening the clause after a semicolon that goes on, past a comma, with a rule or a limit of its own (";
   in the absence of bleeding, patients with anemia are excluded too", "; unless due to SLE, anemia is
   excluded too") was read as the limit's exception (scopes._own_rule now reads it as the rule it is; not
   where a relative clause or a condition of the exception's stands before the verb: ", which is required").
2a. "Non-inclusion criteria" (a French protocol's critères de non-inclusion) heads the exclusion criteria, as
   criteria_text.headings._HEADING and lead_ins.lead_in read it; four other readers of a list's side took it for
   no heading or for the inclusion one: pages.EXCLUSION (a registry copy's and a ClinConnect page's lists: the exclusion
   criteria under it were read on as inclusion criteria), criteria_text.run_in._INLINE_HEADING (one run into the
   line before it was the inclusion criterion's words), binding._CRITERIA_HEADING (a plain page's "Age > 75
   years" under it bound a minimum age of 75) and completeness (a note's "Non-inclusion criterion 2" named
   inclusion criterion 2).
2b. A permission in the next item of the limit's list ("1. Total bilirubin > 2 mg/dL" "2. Patients with
   Gilbert's syndrome are eligible.", as criteria or as sub-items of one) passed with no condition, and a
   threshold holding it was refused (E513: not in its criterion; E518: another item's). It is the limit's
   condition now, as one in the next sentence of its item is: of the last limit of its criterion, where
   the item opens with it (scopes.permission_in, _permission_next; thresholds._permission_left_out). And the
   next sub-item's words are no words of the limit's clause: "a. Total bilirubin > 2 mg/dL" "b. Gilbert's
   syndrome is allowed." read as a limit that keeps no one out (E508), the sub-items joined by a space.
2c. (helper-4's strict xfail) A condition overlapping an inclusion limit's alternative held it: "at screening",
   the tail "At least one of SLEDAI-2K ≥ 6 and BILAG A ≥ 1 at screening" shares with both items, stood for
   "BILAG A ≥ 1 at screening". It holds the alternative from its start now, or where it is a condition the
   sentence requires of the limit too (a shared "if": test_attacks_mut33's "score ≥8 or score ≥6 ... if low
   complement is present").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import (
    IM19_PATH,
    IM19_TEXT_HEAD,
    REPO,
    Trials,
    add_source,
    im19_draft,
    im19_out,
    joined,
    put,
    threshold_out,
)
from test_attacks_helper1_eligibility import ALT, BILIRUBIN, HEMOGLOBIN, _codes, _required

PLATELETS = {"kind": "LABORATORY", "measure": "platelets", "comparator": "<", "value": 50000, "unit": "/mm³"}


# 1. A condition's absence after the limit, before it, or in the clause or sentence after it
@pytest.mark.parametrize(
    ("text", "condition", "threshold"),
    [
        ("ALT > 3 ×ULN in absence of autoimmune hepatitis", "in absence of autoimmune hepatitis", ALT),
        ("ALT > 3 ×ULN absent autoimmune hepatitis", "absent autoimmune hepatitis", ALT),
        ("ALT > 3 ×ULN (absent autoimmune hepatitis)", "absent autoimmune hepatitis", ALT),
        ("ALT > 3 ×ULN, absent evidence of hepatitis", "absent evidence of hepatitis", ALT),
        (
            "ALT > 3 ×ULN without any clinical evidence of autoimmune hepatitis",
            "without any clinical evidence of autoimmune hepatitis",
            ALT,
        ),
        ("ALT > 3 ×ULN without prior history of hepatitis", "without prior history of hepatitis", ALT),
        ("ALT > 3 ×ULN without a known diagnosis of hepatitis", "without a known diagnosis of hepatitis", ALT),
        ("ALT > 3 ×ULN without signs or symptoms of hepatitis", "without signs or symptoms of hepatitis", ALT),
        ("ALT > 3 ×ULN without evidence for autoimmune hepatitis", "without evidence for autoimmune hepatitis", ALT),
        (
            "ALT > 3 ×ULN without the presence of autoimmune hepatitis",
            "without the presence of autoimmune hepatitis",
            ALT,
        ),
        (
            "ALT > 3 ×ULN (with no evidence of autoimmune hepatitis)",
            "with no evidence of autoimmune hepatitis",
            ALT,
        ),
        (
            "ALT > 3 ×ULN where there is no evidence of autoimmune hepatitis",
            "where there is no evidence of autoimmune hepatitis",
            ALT,
        ),
        (
            "ALT > 3 ×ULN (where there is no evidence of autoimmune hepatitis)",
            "where there is no evidence of autoimmune hepatitis",
            ALT,
        ),
        ("ALT > 3 ×ULN without underlying liver disease", "without underlying liver disease", ALT),
        (
            "ALT > 3 ×ULN without concomitant autoimmune hepatitis",
            "without concomitant autoimmune hepatitis",
            ALT,
        ),
        ("ALT > 3 ×ULN lacking evidence of hepatitis", "lacking evidence of hepatitis", ALT),
        # no other cause, as "not otherwise explained"
        ("ALT > 3 ×ULN without other explanation", "without other explanation", ALT),
        ("ALT > 3 ×ULN (with no alternative cause identified)", "with no alternative cause identified", ALT),
        # before the limit, opening its sentence, set off by a mark
        (
            "When there is no evidence of hepatitis, ALT > 3 ×ULN",
            "When there is no evidence of hepatitis",
            ALT,
        ),
        ("Only in the absence of hepatitis, ALT > 3 ×ULN", "Only in the absence of hepatitis", ALT),
        (
            "In the absence of autoimmune hepatitis, ALT > 3 ×ULN",
            "In the absence of autoimmune hepatitis",
            ALT,
        ),
        (
            "In the absence of bleeding, hemoglobin < 8 g/dL or platelets < 50,000/mm³",
            "In the absence of bleeding",
            PLATELETS,
        ),
        (
            "Laboratory values, without evidence of bleeding, platelets < 50,000/mm³",
            "without evidence of bleeding",
            PLATELETS,
        ),
        # the clause after its semicolon, or the next sentence, saying when it applies
        (
            "ALT > 3 ×ULN; only in the absence of autoimmune hepatitis",
            "only in the absence of autoimmune hepatitis",
            ALT,
        ),
        (
            "ALT > 3 ×ULN; this applies only in the absence of autoimmune hepatitis",
            "this applies only in the absence of autoimmune hepatitis",
            ALT,
        ),
        ("ALT > 3 ×ULN; only if hepatitis is excluded", "only if hepatitis is excluded", ALT),
        (
            "ALT > 3 ×ULN; this applies only to patients without hepatitis",
            "this applies only to patients without hepatitis",
            ALT,
        ),
        (
            "ALT > 3 ×ULN. This applies only in the absence of autoimmune hepatitis.",
            "This applies only in the absence of autoimmune hepatitis",
            ALT,
        ),
        (
            "ALT > 3 ×ULN. Applies only in the absence of autoimmune hepatitis.",
            "Applies only in the absence of autoimmune hepatitis",
            ALT,
        ),
        (
            "Total bilirubin > 2 mg/dL. Not applicable to patients with Gilbert's syndrome.",
            "Not applicable to patients with Gilbert's syndrome",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL. Except in patients with Gilbert's syndrome.",
            "Except in patients with Gilbert's syndrome",
            BILIRUBIN,
        ),
        ("Total bilirubin > 2 mg/dL. Unless due to Gilbert's syndrome.", "Unless due to Gilbert's syndrome", BILIRUBIN),
        (
            "ALT > 3 ×ULN. This criterion applies only when there is no evidence of hepatitis.",
            "This criterion applies only when there is no evidence of hepatitis",
            ALT,
        ),
    ],
)
def test_a_limit_an_absent_condition_restricts_needs_it(
    registry: Path, trials: Trials, text: str, condition: str, threshold: dict
) -> None:
    _required(registry, trials, text, threshold, condition)


@pytest.mark.parametrize(
    ("text", "threshold"),
    [
        # a treatment's absence: the measure's own terms, as "without transfusion"
        ("Hemoglobin < 8 g/dL in the absence of growth factor support", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL in the absence of red blood cell transfusion", HEMOGLOBIN),
        ("platelets < 50,000/mm³ absent transfusion support", PLATELETS),
        ("Hemoglobin < 8 g/dL without growth factor support", HEMOGLOBIN),
        # "absent" as an adjective, and "there is no" naming no condition's absence (a side lifted)
        ("ALT > 3 ×ULN absent in two visits", ALT),
        # a rule of its own after the semicolon, past a comma, or a limit of its own
        ("Hemoglobin < 8 g/dL; in the absence of bleeding, patients with anemia are excluded too.", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL; unless due to SLE, anemia is excluded too.", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL; without evidence of bleeding, platelets < 50,000/mm³.", HEMOGLOBIN),
        # another sentence's absence, one that says nothing of the limit before it
        ("Hemoglobin < 8 g/dL. In the absence of anemia, no test is repeated.", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL. Only in the absence of anemia is the test repeated.", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL; the test applies to all patients.", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL. Unless due to SLE, anemia is excluded too.", HEMOGLOBIN),
        ("Hemoglobin < 8 g/dL. Except as noted above, patients with anemia are excluded.", HEMOGLOBIN),
        # an absence before the limit that opens no clause, or runs into the limit's own words
        ("Malignancy treated with no evidence of disease, ALT > 3 ×ULN", ALT),
        ("Prior malignancy with no evidence of disease for < 5 years, ALT > 3 ×ULN", ALT),
        # an absence after another limit, which it follows (set apart by a mark, or another's clause)
        ("Total bilirubin > 2 mg/dL, in the absence of hepatitis, or ALT > 3 ×ULN", ALT),
        ("Hemoglobin < 8 g/dL, or platelets < 50,000/mm³ in the absence of ITP", HEMOGLOBIN),
    ],
)
def test_an_absence_of_no_condition_of_the_limit_asks_none(
    registry: Path, trials: Trials, text: str, threshold: dict
) -> None:
    assert _codes(registry, trials, text, threshold, None) == set()


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # an exception that a relative clause goes on from, past its comma, is still the limit's
        ("Total bilirubin > 2 mg/dL; unless due to Gilbert's syndrome, which is allowed.", None),
        ("Total bilirubin > 2 mg/dL; unless due to Gilbert's syndrome, as documented.", None),
    ],
)
def test_an_exception_after_the_semicolon_going_on_with_no_rule_is_still_the_limits(
    registry: Path, trials: Trials, text: str, condition: str | None
) -> None:
    assert _codes(registry, trials, text, BILIRUBIN, condition) == {"E524"}


def test_an_absence_after_the_semicolon_is_no_condition_of_an_earlier_limit(registry: Path, trials: Trials) -> None:
    text = "ALT > 3 ×ULN; Total bilirubin > 2 mg/dL; only in the absence of hepatitis."
    assert _codes(registry, trials, text, ALT, None) == set()
    assert "E518" in _codes(registry, trials, text, ALT, "only in the absence of hepatitis")


def test_an_absence_inside_an_alternative_is_held_with_it(registry: Path, trials: Trials) -> None:
    sledai = {"kind": "DISEASE_ACTIVITY", "measure": "SLEDAI-2K", "comparator": ">=", "value": 6, "unit": "points"}
    for text in (
        "SLEDAI-2K ≥ 6, or BILAG A ≥ 1 without evidence of renal involvement",
        "SLEDAI-2K ≥ 6 or BILAG A ≥ 1 in the absence of nephritis",
        "SLEDAI-2K ≥ 6; or BILAG A ≥ 1 in the absence of nephritis",
    ):
        condition = "or BILAG A ≥ 1" + text.split("BILAG A ≥ 1", 1)[1]
        assert _codes(registry, trials, text, sledai, None, side="inclusion") == {"E524"}, text
        assert _codes(registry, trials, text, sledai, condition, side="inclusion") == set(), text
    # the absence opening the sentence governs both alternatives: the alternative alone leaves it out
    text = "In the absence of nephritis, SLEDAI-2K ≥ 6 or BILAG A ≥ 1"
    assert _codes(registry, trials, text, sledai, "or BILAG A ≥ 1", side="inclusion") == {"E524"}


# (the cost of reading them: each limit's sentence read a few times, never once a match)
def _limits(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in re.finditer(r"[<>] \d+ x ULN", text))


@pytest.mark.parametrize(
    ("head", "words", "tail"),
    [
        ("", "in the absence of x ", ", ALT > 3 x ULN"),  # absences before the limit, none set off
        ("", "without evidence of x, ", "ALT > 3 x ULN"),  # each set off by a mark
        ("ALT > 3 x ULN; unless due to SLE", ", x", ""),  # commas after an exception, no rule
        ("ALT > 3 x ULN; unless due to SLE", ", which x", " is"),  # relative clauses' commas
        ("ALT > 3 x ULN ", "without ", ""),
        ("", "when there is no evidence of x, ", "ALT > 3 x ULN"),
        ("ALT > 3 x ULN ", "without other ", ""),
        ("ALT > 3 x ULN ", "absent ", ""),
        ("ALT > 3 x ULN; only ", "in the absence of ", ""),
        ("ALT > 3 x ULN, or AST > 3 x ULN ", "in the absence of x ", ""),
        # (the other wordings of a condition: helper-7)
        ("", "unless x, ", "ALT > 3 x ULN"),  # openers before the limit, each set off
        ("", "once x is ", ", ALT > 3 x ULN"),
        ("ALT > 3 x ULN ", "(x ", ""),  # brackets no condition closes
        ("ALT > 3 x ULN ", "(hepatitis ", ""),
        ("ALT > 3 x ULN ", "[hepatitis ", ""),
        ("ALT > 3 x ULN", ", hepatitis x", ""),  # clauses a comma sets off, none ruling out
        ("ALT > 3 x ULN ", "not anticoagulated ", ""),
        ("ALT > 3 x ULN ", "patients with hepatitis ", ""),
        ("ALT > 3 x ULN ", "and no x ", ""),
        ("ALT > 3 x ULN ", "not on ", ""),
        ("ALT > 3 x ULN ", "once x ", ""),
        ("ALT > 3 x ULN ", "after hepatitis ", ""),
        ("ALT > 3 x ULN; ", "exception ", ""),
    ],
)
def test_reading_a_condition_costs_a_few_readings_of_the_text(
    monkeypatch: pytest.MonkeyPatch, head: str, words: str, tail: str
) -> None:
    from counted import scan_all
    from sle_trials.reading import scopes

    scans = scan_all(monkeypatch, scopes)
    for n in (4_000, 40_000):
        text = head + words * (n // len(words)) + tail
        limits = _limits(text)
        at = limits[-1][0] if tail else limits[0][0]
        for scan in scans:
            scan.read = 0
        list(scopes.required((), text, at, ">", limits))
        read = sum(scan.read for scan in scans)
        assert read <= 60 * len(text), (n, read)


# 2a. "Non-inclusion criteria" (a French protocol's critères de non-inclusion) heads the exclusion criteria
COPY = "seeds/000_84a0f0163f21158e.txt"  # IM19's registry copy: 8 inclusion criteria, 12 exclusion criteria
PAGE = "seeds/004_2ad16b9ce66a0787.txt"  # Relma-cel's ClinConnect page
NON_INCLUSION = [
    "Non-inclusion criteria",
    "Non-Inclusion Criteria:",
    "NON INCLUSION CRITERIA",
    "Key non-inclusion criteria",
]


@pytest.mark.parametrize("heading", NON_INCLUSION)
def test_a_registry_copys_non_inclusion_criteria_are_its_exclusion_criteria(heading: str) -> None:
    """pages.EXCLUSION read "Exclusion criteria" only: under "Non-inclusion criteria" the twelve exclusion
    criteria were read on as inclusion criteria (twenty of them), so a record listing them as inclusion
    criteria matched the source's lists."""
    from sle_trials.reading import layouts

    text = (REPO / COPY).read_text("utf-8")
    assert text.count("consent form.\nExclusion Criteria\n") == 1
    read = layouts.read(
        COPY, text.replace("consent form.\nExclusion Criteria\n", f"consent form.\n{heading}\n").encode()
    )
    genuine = layouts.read(COPY, text.encode())
    assert read.criteria == genuine.criteria
    assert [len(read.criteria["inclusion_criteria"]), len(read.criteria["exclusion_criteria"])] == [8, 12]


def test_a_clinconnect_pages_non_inclusion_criteria_are_its_exclusion_criteria() -> None:
    from sle_trials.reading import layouts

    text = (REPO / PAGE).read_text("utf-8")
    assert text.count("  • Exclusion Criteria:") == 1
    read = layouts.read(PAGE, text.replace("  • Exclusion Criteria:", "  • Non-inclusion criteria:").encode())
    assert read.criteria == layouts.read(PAGE, text.encode()).criteria


@pytest.mark.parametrize(
    "text",
    [
        "Inclusion Criteria: adults with SLE. Non-inclusion Criteria: pregnancy.",
        "Inclusion Criteria: adults with SLE. Non-Inclusion Criteria: pregnancy.",
        "Inclusion Criteria: adults with SLE. NON-INCLUSION CRITERIA: pregnancy.",
    ],
)
def test_a_non_inclusion_heading_run_into_a_line_starts_the_exclusion_list(text: str) -> None:
    """criteria_text.run_in._INLINE_HEADING split a line before "Exclusion Criteria:" only: the exclusion criteria
    after "Non-inclusion Criteria:" were the inclusion criterion's words."""
    from sle_trials.reading import criteria_text

    found = criteria_text.split(text)
    assert [c["text"] for c in found.inclusion] == ["adults with SLE."]
    assert [c["text"] for c in found.exclusion] == ["pregnancy."]


@pytest.mark.parametrize(
    ("bound", "value", "codes"),
    [
        ("minimum_age", 75, {"E508"}),  # the non-inclusion's "> 75" read as the inclusion's
        ("maximum_age", 75, set()),  # the bound it leaves: its own
    ],
)
def test_an_age_under_a_non_inclusion_heading_is_an_exclusions(
    registry: Path, trials: Trials, bound: str, value: int, codes: set[str]
) -> None:
    """binding._CRITERIA_HEADING read "Non-inclusion criteria" as an inclusion heading (its "inclusion
    criteria"): a plain page's "Non-inclusion criteria: 1. Age > 75 years." bound a minimum age of 75."""
    source = add_source(
        registry,
        "seeds/928_non_inclusion_ages.txt",
        "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
        "Last Updated: 2025-08-17\nInclusion criteria:\n1. Age ≥ 18 years.\n"
        "Non-inclusion criteria:\n1. Age > 75 years.\n",
    )
    record = joined(
        im19_draft(source),
        f"eligibility:\n  {bound}:\n    value: {value}\n    unit: YEARS\n"
        "evidence:\n  eligibility.{bound}: 'Age > 75 years.'\n".replace("{bound}", bound),
    )
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.codes() == codes, result.out


def test_a_note_naming_a_non_inclusion_criterion_names_the_exclusion_lists() -> None:
    """completeness read "Non-inclusion criterion 2" in a note as inclusion criterion 2 (its "inclusion
    criterion 2"): a note on the inclusion list so worded excused a limit left in its criterion 2's text,
    and an entry on eligibility naming it spoke of the inclusion list alone."""
    from sle_trials.checks import completeness

    criteria = [{"number": 1, "text": "Adults"}, {"number": 2, "text": "ALT > 3 ×ULN at screening"}]
    note = "Non-inclusion criterion 2 also lists ALT > 3 ×ULN"
    for name, kind, named in (("inclusion_criteria", "inclusion", False), ("exclusion_criteria", "exclusion", True)):
        on_list = [(f"eligibility.{name}", note)]
        assert completeness._noted(on_list, name, kind, 1, criteria, "ALT > 3 ×ULN") is named, name
    entry = {"field": "eligibility", "text": "Non-inclusion criterion 7 is missing."}
    assert not completeness._of_list(entry, "eligibility.inclusion_criteria")
    assert completeness._of_list(entry, "eligibility.exclusion_criteria")


# 2b. A permission in the next item of the limit's list: "Total bilirubin > 2 mg/dL" then "Patients with
# Gilbert's syndrome are eligible." as the next criterion, or the next sub-item
PERMITTED = "Patients with Gilbert's syndrome are eligible"


def _items_codes(
    registry: Path, trials: Trials, items: list[str], conditions: list[str], number: int = 1, nested: bool = False
) -> set[str]:
    """The codes `trials validate` reports of IM19's draft whose exclusion criteria are items (numbered from 1;
    nested: the sub-items of one criterion, "Abnormal laboratory values at screening."), holding a threshold
    Total bilirubin > 2 mg/dL of criterion number, quoted "Total bilirubin > 2 mg/dL", given conditions."""
    if nested:
        page = "1. Abnormal laboratory values at screening.\n" + "".join(
            f"{chr(97 + k)}. {text}\n" for k, text in enumerate(items)
        )
        subs = "".join(f"        - text: {json.dumps(text)}\n" for text in items)
        listed = f'    - number: 1\n      text: "Abnormal laboratory values at screening."\n      sub_criteria:\n{subs}'
    else:
        page = "".join(f"{k + 1}. {text}\n" for k, text in enumerate(items))
        listed = "".join(f"    - number: {k + 1}\n      text: {json.dumps(text)}\n" for k, text in enumerate(items))
    source = add_source(registry, "seeds/929_next_item.txt", f"{IM19_TEXT_HEAD}Exclusion criteria:\n{page}")
    given = f"      conditions: {json.dumps(conditions)}\n" if conditions else ""
    fields = (
        f"eligibility:\n  exclusion_criteria:\n{listed}  thresholds:\n    - kind: LABORATORY\n"
        f"      criterion: {{list: EXCLUSION, number: {number}}}\n      measure: Total bilirubin\n"
        f'      comparator: ">"\n      value: 2\n      unit: mg/dL\n{given}'
        "evidence:\n  eligibility.thresholds.0: Total bilirubin > 2 mg/dL\n"
    )
    put(registry, IM19_PATH, joined(im19_draft(source), fields))
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status in (0, 1), result.out + result.err
    return result.codes()


@pytest.mark.parametrize("nested", [False, True])
@pytest.mark.parametrize(
    ("permission", "condition"),
    [
        (f"{PERMITTED}.", PERMITTED),
        (
            "Subjects with known Gilbert's disease may be enrolled.",
            "Subjects with known Gilbert's disease may be enrolled",
        ),
        ("Gilbert's syndrome is allowed.", "Gilbert's syndrome is allowed"),
        (
            "This does not apply to patients with Gilbert's syndrome.",
            "This does not apply to patients with Gilbert's syndrome",
        ),
        ("Patients with Gilbert's syndrome are not excluded.", "Patients with Gilbert's syndrome are not excluded"),
        ("Except in patients with Gilbert's syndrome.", "Except in patients with Gilbert's syndrome"),
        (f"{PERMITTED}. Pregnancy.", PERMITTED),  # (the item's first sentence)
    ],
)
def test_a_permission_in_the_next_item_of_the_limits_list_is_its_condition(
    registry: Path, trials: Trials, permission: str, condition: str, nested: bool
) -> None:
    items = ["Total bilirubin > 2 mg/dL", permission]
    assert _items_codes(registry, trials, items, [], nested=nested) == {"E524"}
    assert _items_codes(registry, trials, items, [condition], nested=nested) == set()


@pytest.mark.parametrize("nested", [False, True])
@pytest.mark.parametrize(
    "items",
    [
        # the next item keeps them out, or lets no one in
        ["Total bilirubin > 2 mg/dL", "Patients with Gilbert's syndrome are excluded."],
        ["Total bilirubin > 2 mg/dL", "Patients must be eligible for lymphodepletion."],
        ["Total bilirubin > 2 mg/dL", "Pregnancy. Patients with Gilbert's syndrome are eligible."],
        # a limit of the next item's own stands before its permission: that limit's
        ["Total bilirubin > 2 mg/dL", "ALT > 3 ×ULN; patients with Gilbert's syndrome are eligible."],
        # an item between
        ["Total bilirubin > 2 mg/dL", "Pregnancy.", f"{PERMITTED}."],
        # the permission before the limit
        [f"{PERMITTED}.", "Total bilirubin > 2 mg/dL"],
    ],
)
def test_an_item_after_the_limits_that_lets_no_one_in_asks_no_condition(
    registry: Path, trials: Trials, items: list[str], nested: bool
) -> None:
    number = 1 if nested else items.index("Total bilirubin > 2 mg/dL") + 1
    assert _items_codes(registry, trials, items, [], number=number, nested=nested) == set()


def test_a_permission_in_the_next_item_is_the_last_limits_of_its_criterion(registry: Path, trials: Trials) -> None:
    items = ["Total bilirubin > 2 mg/dL, or ALT > 3 ×ULN", f"{PERMITTED}."]
    assert _items_codes(registry, trials, items, []) == set()
    assert _items_codes(registry, trials, items, [PERMITTED]) == {"E518"}
    for nested in (False, True):  # not a permission of the next item's: E513 (not in the criterion) or E518
        assert _items_codes(registry, trials, ["Total bilirubin > 2 mg/dL", "Pregnancy."], [PERMITTED], nested=nested)


@pytest.mark.parametrize("nested", [False, True])
def test_a_limit_its_own_item_lets_in_still_keeps_no_one_out(registry: Path, trials: Trials, nested: bool) -> None:
    """(the next sub-item's words are no words of the limit's clause: "a. Total bilirubin > 2 mg/dL" "b.
    Gilbert's syndrome is allowed." was read as "Total bilirubin > 2 mg/dL Gilbert's syndrome is allowed", a
    limit that keeps no one out, E508; its own item's words still are)"""
    items = ["Total bilirubin > 2 mg/dL is allowed", "Pregnancy."]
    assert _items_codes(registry, trials, items, [], nested=nested) == {"E508"}


# 2c. Words of an alternative's clause alone stand for no alternative (helper-4's strict xfail)
SLEDAI_6 = ("DISEASE_ACTIVITY", "SLEDAI-2K", ">=", 6, "points")


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("At least one of SLEDAI-2K ≥ 6 and BILAG A ≥ 1 at screening", "at screening"),
        ("SLEDAI-2K ≥ 6 or BILAG A ≥ 1 at screening", "at screening"),
        ("Either SLEDAI-2K ≥ 6 or BILAG A ≥ 1 during screening", "during screening"),
        ("One of SLEDAI-2K ≥ 6 or BILAG A ≥ 1 at screening", "at screening"),
    ],
)
def test_the_tail_an_alternative_shares_leaves_the_alternative_out(trials: Trials, text: str, condition: str) -> None:
    """A condition overlapping the alternative held it (_conditions_in_scope): "at screening", the words after
    both alternatives no mark sets apart, read as each limit's (scopes.runs_on_from_another), stood for "BILAG A
    ≥ 1 at screening", and the ≥ 6 passed as every patient's limit at screening. A condition holds the
    alternative from its start, or where it is one the limit's sentence states for both, required of it too."""
    assert " E524 " in threshold_out(trials, text, SLEDAI_6, (condition,))


@pytest.mark.parametrize(
    ("text", "conditions"),
    [
        ("At least one of SLEDAI-2K ≥ 6 and BILAG A ≥ 1 at screening", ("BILAG A ≥ 1 at screening",)),
        ("SLEDAI-2K ≥ 6 or BILAG A ≥ 1 at screening", ("or BILAG A ≥ 1 at screening",)),
        ("SLEDAI-2K ≥ 6 or BILAG A ≥ 1 if low complement is present", ("if low complement is present",)),
        ("SLEDAI-2K ≥ 6 or BILAG A ≥ 1 if low complement is present", ("or BILAG A ≥ 1 if low complement is present",)),
    ],
)
def test_an_alternative_held_from_its_start_or_a_shared_if_passes(trials: Trials, text: str, conditions: tuple) -> None:
    assert threshold_out(trials, text, SLEDAI_6, conditions) == ""


def test_a_permission_item_of_an_inclusion_list_is_a_rule_of_its_own(trials: Trials) -> None:
    """(the separate item read for an exclusion criterion only: after an inclusion limit, "Patients with lupus
    nephritis are eligible." is another rule of who enrols, and asking it of the SLEDAI-2K limit would make
    trials.csv's disease-activity headline, the first such threshold with no conditions, none)"""
    fields = (
        "eligibility:\n  inclusion_criteria:\n    - number: 1\n      text: SLEDAI-2K ≥ 6\n    - number: 2\n"
        "      text: Patients with lupus nephritis are eligible.\n  thresholds:\n    - kind: DISEASE_ACTIVITY\n"
        '      criterion: {list: INCLUSION, number: 1}\n      measure: SLEDAI-2K\n      comparator: ">="\n'
        "      value: 6\n      unit: points\nevidence:\n  eligibility.thresholds.0: SLEDAI-2K ≥ 6\n"
    )
    page = "Inclusion criteria:\n1. SLEDAI-2K ≥ 6\n2. Patients with lupus nephritis are eligible."
    assert im19_out(trials, page, fields) == ""


@pytest.mark.parametrize(
    "after",
    [
        "unless due to Gilbert's syndrome, as confirmed by genotyping, which is required.",
        "unless due to Gilbert's syndrome, if bilirubin < 3 mg/dL.",
        "except in patients with Gilbert's syndrome, who are eligible.",
        "in the absence of hemolysis, as documented by the investigator.",
    ],
)
def test_an_exception_going_on_with_words_of_its_own_is_still_the_limits(after: str) -> None:
    """(scopes._own_rule reads a rule of its own after the exception's comma, not a relative clause or a
    condition of the exception's before a verb or a limit)"""
    from sle_trials.reading import scopes

    text = f"Total bilirubin > 2 x ULN; {after}"
    assert scopes.lets_in_after(after)
    assert [r.kind for r in scopes.required((), text, 0, ">", ((0, 25),))] == ["exception"]


@pytest.mark.parametrize("cut", ["syndrome are eligible", "Patients with Gilbert's syndrome are"])
def test_a_next_items_permission_cut_short_is_no_condition(registry: Path, trials: Trials, cut: str) -> None:
    codes = _items_codes(registry, trials, ["Total bilirubin > 2 mg/dL", f"{PERMITTED}."], [cut])
    assert codes & {"E513", "E518", "E524", "E528"}, codes
