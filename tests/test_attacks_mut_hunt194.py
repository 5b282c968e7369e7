"""A hostile mutation hunt on `trials check` (helper-27's, after hunts 162 to 190).

Kinds of mistake tests/mutations.py does not make, generated over the seven records in trials/ and the
records the importer makes of the four fixture studies the mutation tests use (the first one curated
further, as a reviewing curator would: four thresholds, a classification system, a lupus nephritis scope,
a cohort's dose), and (but for the cuts by words or a character and the same number's quotes) over every
other fixture study that imports as a complete record, each mutant checked as `trials validate` checks
one record (mutations.Checks): 16,866 mutants of 58 kinds, and the existing kinds' 1,904 on the
further-curated import. Counted over every record:

- a number given another field's number (an enrollment from a dose's or an age's quote, an age from a
  dose, a limit from another criterion), its own quote kept (3,778) or with that field's quote (3,778);
- a unit of another scale, its quote unchanged (mg as µg, g or mg/kg; mg/dL as g/dL; mg/day as g/day;
  weeks as months; g/24h as mg/24h; μmol/L as mmol/L; /kg or /m² on a cell count) (102); a dose's basis
  flipped (3); a dose's exponent put in its unit, "×10^6 CAR-T cells" of 1 (3);
- a threshold's quote run on by one to seven words either way until it states another limit, given that
  limit (147); a limit given by quotes stitching its measure to another limit's words (501); a quote of
  the same number said of another measure, its criterion moved or kept (74 and 74);
- an item of a list (a site, an official, an outcome, an intervention, a keyword, a condition, another
  name) held twice under another spelling: another case, a hyphen, "The", a stop, the sponsor's spelling
  of a facility (1,645); an official's name in another case (47) or the responsible party's spelling (4);
- a sponsor or a responsible party's affiliation given a collaborator or an official's affiliation (7);
- the criteria lists merged, numbered or not (140); a list renumbered one up or down with its references
  (212); a threshold pointed at the other list (41), or any number of its list, a sub-list's too (335);
- a thousands or decimal separator misread: a thousand times, a thousandth, a hundredth, "7.5" as 75
  (444); a range's end given as both its ends, a maximum age declared silent (128); a cohort's dose given
  to the whole arm, with or without its patients (8); a cohort's patients left out (2);
- a date's type flipped (249), dropped (249), dropped and declared silent (249), given with no words for
  it (168); a partial date given a day (81); a full date cut to its month (292) or year (292); an
  enrollment's type dropped (68), dropped and declared silent (68); the last known status as the status
  (3), or the two swapped (3); an enrollment from "0 patients applied" or another count (6);
- an outcome filed under the other kind (5) or both (5); an arm given a sibling's or any intervention
  (24); a keyword given a condition and back, an intervention another's name as another name (88); a field
  of a row copied from a sibling's (208), with its quote (40);
- refractory flipped or given (3); a lupus nephritis scope, a classification system or an antibody read,
  from each criterion, where the record declares it silent (220); a stub given another stub's antigen or
  origin with its quote (10); a criterion given another sentence of its source sharing its numbers (120); a
  silent vocabulary field inferred (an arm EXPERIMENTAL, an intervention BIOLOGICAL, ...) (69); a value
  from a second source that is another trial's page (3); therapies merged (20) or split at "or" (4);
- a quote cut to its number (613), to its first (709) or last (709) two words; a text (378), a measure
  (60), a therapy (5) or a criterion (294) cut by words at an end; an id cut by a character (78).

All were refused but these, judged true to the source (no defect): /μL for /mm³ (the lexicon's one unit,
3); a quote cut or run on that still states its value for its measure ("CD19-CART(Relma-cel) for",
"Updated: 2025-08-17", "(Phase I)", a criterion's whole text for its limit: 25); a measure without the
abbreviation or article its phrase writes ("estimated glomerular filtration rate", "disease remained
active": 3); "other immunosuppressants or immunomodulators" split in two, the same alternatives of one
enumeration (1).

Found by hand, a cohort's value given to the whole trial, after the fixture study whose cohorts each list
their criteria under the cohort's label (criteria_cohort_lists), and fixed: a term a criterion asks of the
patients of one part of the trial only, read as the trial's, where the criterion's list gives it under a
sub-heading naming that part (its group: "Cohort B (lupus nephritis):" over "2. Biopsy-proven active lupus
nephritis class III or IV"). Hunt 164 refused it where the part is its sentence's label ("Cohort B:
active lupus nephritis", kept_out.of_a_part); under a heading it passed as the scope REQUIRED of a trial
whose cohort A enrols extrarenal SLE (trials.csv's lupus nephritis column), as an antibody, a
classification system or a prior therapy every patient must have, and the silence check refused the field
declared silent (E523): the checks forced the wrong value. Such a criterion's terms are that part's now
(kept_out.heads_a_part): the field read from it is refused (parts._asked_of_a_part, E507), and declared
silent it passes.

Found beside it and fixed (an honest record refused): a plain source runs its criteria's items together in
its text ("2. Biopsy-proven active lupus nephritis class III or IV 3. Weight ≥ 40 kg"), and the clause the
"or" opened after the term ran to the next item's label, whose number ("3") was read as an alternative's
limit: the scope REQUIRED was refused (E507), and declared silent it is refused too (E523, its criterion
states it), so no record could pass. The clause ends before the next item's label now (scopes._next_label:
the number one past its item's own, with its mark).

Found and fixed in trials.csv: a DISEASE_ACTIVITY threshold of a criterion under such a heading ("Cohort
A (extrarenal SLE):" over "2. SLEDAI-2K ≥ 8") binds with no condition, its reference's group saying which
part (as test_import's part-numbered criteria hold a weight limit; the heading given as a condition is
E513, no words of the criterion), and the disease-activity headline (cells.disease_activity: "the first
inclusion threshold of that kind that always applies") read it as the trial's entry threshold though
cohort B asks none. It passes over such a criterion's thresholds now.

Found after it and fixed: a part's age range given to the trial. Cohort A's "Age 18 to 65 years" under its
heading passed as the trial's minimum age of 18 beside cohort B's "Age 12 to 17 years", and B's as a maximum
of 17 (hunt 164 read parts within one sentence, by lexicon's widest bound). An age bound quoted from a
criterion under a part's heading is refused where another part's criterion states that bound wider
(parts._age_of_a_part, E508). So was a part's sex: cohort A's "Female patients" as the trial's FEMALE
beside cohort B's "Male or female patients" (parts._sex_of_a_part, E507). And a part's count: "Part A: 12
participants. Part B: 18 participants." bound an enrollment of 12 or 18 (head_counts.count_spans read a part
named after a count, not one labelling its sentence: kept_out.of_a_part reads it now, E508). Beside it,
those the trial will screen: "We plan to screen 40 patients to enrol 24" bound an enrollment of 40 (the
verb "screen" is read now beside "screening" and "screened", E508).

Left by hunt 194 and fixed after it (helper-32): a single value a part's label gives in its sentence, read as
the trial's: "Status: Part A: Completed. Part B: Recruiting." bound COMPLETED, "Sex: Part A: Female. Part B:
All." FEMALE, an origin likewise, and "Part B: Phase 2" the phases [PHASE2] beside Part A's phase 1; binding
read such a label only for the vocabularies of what a criterion asks, and no label before the part's, no dash
after it ("Arm B -"), no dose level or group. A value of the trial's own is a part's now where a part names
its sentence by its letter or number, as its label or its subject, or is named after it ("Completed (Part A
only)", "allogeneic CAR-T cells in Part B": kept_out.named_part), unless two parts or more are given values
and each is one the record holds ("Part A: Phase 1. Part B: Phase 2." binds [PHASE1, PHASE2]), or it is merely
"in" a part no other is given another value of ("Randomized, in Part B"): categorical._of_one_part, E507.
Also left: a sub-heading naming a group of patients by who they are, not as a part ("Adults:", "Patients with
lupus nephritis:"), is not read as one; an age the registry's own fields give beside parts' criteria that state
others is read as before. (A group naming a part and every other, "Part A and Part B", read as a part's until
review 205: tests/test_attacks_review205_parts.py reads it as the trial's.)
"""

from __future__ import annotations

import json
from pathlib import Path

import mutations
import pytest
from conftest import IM19_PATH, IM19_TEXT_HEAD, REPO, add_source, im19_draft, joined, put, record_data
from sle_trials.outputs import cells
from sle_trials.reading import kept_out

# A source whose criteria lists give each cohort's criteria under a sub-heading naming it
COHORTS = """\
Inclusion Criteria:
{a}
1. Age 18 to 65 years.
2. SLEDAI-2K ≥ 8 despite standard therapy.
3. Meets the 1997 revised ACR criteria for SLE.
{b}
1. Age 18 to 65 years.
2. Biopsy-proven active lupus nephritis class III or IV.
3. Positive for anti-dsDNA antibodies.
4. Meets the 2019 EULAR/ACR classification criteria.
5. Refractory to mycophenolate mofetil.
Exclusion Criteria:
1. Pregnancy
"""
A, B = "Cohort A (extrarenal SLE):", "Cohort B (lupus nephritis):"
CRITERIA = [
    (A, 1, "Age 18 to 65 years."),
    (A, 2, "SLEDAI-2K ≥ 8 despite standard therapy."),
    (A, 3, "Meets the 1997 revised ACR criteria for SLE."),
    (B, 1, "Age 18 to 65 years."),
    (B, 2, "Biopsy-proven active lupus nephritis class III or IV."),
    (B, 3, "Positive for anti-dsDNA antibodies."),
    (B, 4, "Meets the 2019 EULAR/ACR classification criteria."),
    (B, 5, "Refractory to mycophenolate mofetil."),
]


def _criteria(a: str, b: str) -> str:
    listed = "".join(
        f"    - group: {json.dumps({A: a, B: b}[group])}\n      number: {n}\n      text: {json.dumps(text)}\n"
        for group, n, text in CRITERIA
    )
    excluded = "  exclusion_criteria:\n    - number: 1\n      text: Pregnancy\n"
    return f"eligibility:\n  inclusion_criteria:\n{listed}{excluded}"


def _codes(root: Path, fields: str, silent: tuple[str, ...] = (), a: str = A, b: str = B) -> set[str]:
    """The codes of IM19's draft citing COHORTS (its headings a and b) and holding its criteria and fields."""
    source = add_source(root, "seeds/936_cohort_headings.txt", IM19_TEXT_HEAD + COHORTS.format(a=a, b=b))
    record = joined(im19_draft(source), _criteria(a, b) + fields)
    if silent:
        declared = "  silent:\n" + "".join(f"    - {name}\n" for name in silent)
        record = record.replace('      as_of: "2025-08-17"\n', '      as_of: "2025-08-17"\n' + declared, 1)
    put(root, IM19_PATH, record)
    return mutations.Checks(root).codes(IM19_PATH, record_data(root / IM19_PATH, IM19_PATH))


def _field(name: str, value: str, number: int, group: str, quote: str) -> str:
    return (
        f"  {name}:\n{value}    criterion: {{list: INCLUSION, number: {number}, group: {json.dumps(group)}}}\n"
        f"evidence:\n  eligibility.{name}: {json.dumps(quote)}\n"
    )


# each field of what the trial asks its patients, read from a criterion of cohort B's list
ASKED = [
    ("lupus_nephritis", "    scope: REQUIRED\n", 2, "Biopsy-proven active lupus nephritis class III or IV."),
    ("autoantibodies", "    antibodies: [ANTI_DSDNA]\n", 3, "Positive for anti-dsDNA antibodies."),
    (
        "classification_criteria",
        "    systems: [EULAR_ACR_2019]\n",
        4,
        "Meets the 2019 EULAR/ACR classification criteria",
    ),
    (
        "prior_therapy",
        "    refractory: true\n    therapies: [mycophenolate mofetil]\n",
        5,
        "Refractory to mycophenolate mofetil",
    ),
]


@pytest.mark.parametrize(("name", "value", "number", "quote"), ASKED)
def test_a_term_asked_under_a_parts_heading_is_not_the_trials(
    registry: Path, name: str, value: str, number: int, quote: str
) -> None:
    assert "E507" in _codes(registry, _field(name, value, number, B, quote))


@pytest.mark.parametrize(("name", "value", "number", "quote"), ASKED)
def test_a_term_asked_under_a_parts_heading_may_be_declared_silent(
    registry: Path, name: str, value: str, number: int, quote: str
) -> None:
    """The honest record: what only cohort B's patients are asked is no statement of the trial's (the
    silence check refused it, E523, so the record had to hold the wrong value)."""
    assert _codes(registry, "evidence:\n  nct_id: NCT06513429\n", (f"eligibility.{name}",)) == set()


@pytest.mark.parametrize(("name", "value", "number", "quote"), ASKED)
def test_a_term_asked_under_a_heading_of_every_part_stays_the_trials(
    registry: Path, name: str, value: str, number: int, quote: str
) -> None:
    """A heading that names every part ("All cohorts:") or none ("Disease history:") lists every patient's."""
    for heading in ("All cohorts:", "Disease history:"):
        assert _codes(registry, _field(name, value, number, heading, quote), a="Laboratory:", b=heading) == set()
        silenced = ("evidence:\n  nct_id: NCT06513429\n", (f"eligibility.{name}",))
        assert "E523" in _codes(registry, *silenced, a="Laboratory:", b=heading)


@pytest.mark.parametrize(
    ("group", "part"),
    [
        ("Cohort B (lupus nephritis)", True),
        ("Part A", True),
        ("Dose-expansion cohort:", True),
        ("Inclusion Criteria for Part B", True),
        ("All cohorts", False),
        ("Both parts:", False),
        # the reviewer of hunt 194: other words of a part, and "any" that qualifies no part's word
        ("Group B (lupus nephritis):", True),
        ("Stratum B (lupus nephritis):", True),
        ("Population B (lupus nephritis):", True),
        ("Phase 2 (lupus nephritis):", True),
        ("Dose expansion (lupus nephritis):", True),
        ("Cohort B (lupus nephritis of any class):", True),
        ("Cohort B (lupus nephritis, either class III or IV):", True),
        ("Part A and Part B:", False),
        ("Cohorts A and B:", False),
        ("Phase 1/2:", False),
        ("Across all cohorts:", False),
        ("Laboratory values", False),
        ("Oral corticosteroids must meet the following requirements:", False),
        (None, False),
    ],
)
def test_a_sub_heading_names_a_part_of_the_trial(group: str | None, part: bool) -> None:
    assert kept_out.heads_a_part(group) is part


def test_a_cohort_lists_study_may_leave_lupus_nephritis_silent(registry: Path, tmp_path: Path) -> None:
    """The fixture study whose two cohorts each list their criteria under the cohort's label (cohort A
    excludes active lupus nephritis, cohort B requires it), imported and marked complete: its lupus
    nephritis declared silent (E523 before: the criteria read as the trial's stated it)."""
    source = tmp_path / "criteria_cohort_lists.json"
    study = json.loads((REPO / "tests" / "fixtures" / "ctgov" / "criteria_cohort_lists.json").read_text("utf-8"))
    study["protocolSection"]["identificationModule"]["nctId"] = "NCT09000055"
    source.write_text(json.dumps(study), "utf-8")
    data = mutations.imported(registry, source, "NCT09000055", "complete").data
    data["curation"]["not_yet_curated"].remove("eligibility.lupus_nephritis")
    data["curation"]["silent"] = [*data["curation"].get("silent", []), "eligibility.lupus_nephritis"]
    assert mutations.Checks(registry).codes("trials/NCT09000055.yaml", data) == set()


def test_a_parts_disease_activity_is_no_trials_headline(registry: Path) -> None:
    """A threshold of a criterion under a part's sub-heading binds with no condition (its reference's group
    says which part, as test_import's part-numbered criteria hold a weight limit), but it is no entry
    threshold of every patient: trials.csv's disease-activity headline (cells.disease_activity, "the first
    inclusion threshold of that kind that always applies") read it as the trial's."""
    threshold = (
        "  thresholds:\n    - kind: DISEASE_ACTIVITY\n"
        f"      criterion: {{list: INCLUSION, number: 2, group: {json.dumps(A)}}}\n"
        '      measure: SLEDAI-2K\n      comparator: ">="\n      value: 8\n      unit: points\n'
        "evidence:\n  eligibility.thresholds.0: SLEDAI-2K ≥ 8\n"
    )
    assert _codes(registry, threshold) == set()  # bound: its reference's group says which part
    data = record_data(registry / IM19_PATH, IM19_PATH)
    assert cells.disease_activity(data) is None
    # the same limit of a criterion listed for every patient is the headline
    every = _codes(registry, threshold.replace(json.dumps(A), json.dumps("All cohorts:")), a="All cohorts:")
    assert every == set()
    assert cells.disease_activity(record_data(registry / IM19_PATH, IM19_PATH)) is not None


# --- an honest term refused: the next item's label read as an alternative's limit -------------------------


def _nephritis_codes(root: Path, second: str, third: str) -> set[str]:
    """The codes of IM19's draft citing a plain source whose inclusion criterion 2 is second and 3 third,
    holding the lupus nephritis scope REQUIRED of criterion 2 quoted whole."""
    text = f"Inclusion Criteria:\n1. Age 18 to 65 years\n2. {second}\n3. {third}\n"
    source = add_source(root, "seeds/937_items_run_together.txt", IM19_TEXT_HEAD + text)
    listed = "".join(
        f"    - number: {n}\n      text: {json.dumps(t, ensure_ascii=False)}\n"
        for n, t in enumerate(("Age 18 to 65 years", second, third), 1)
    )
    fields = (
        f"eligibility:\n  inclusion_criteria:\n{listed}  lupus_nephritis:\n    scope: REQUIRED\n"
        f"    criterion: {{list: INCLUSION, number: 2}}\nevidence:\n  eligibility.lupus_nephritis: "
        f"{json.dumps(second, ensure_ascii=False)}\n"
    )
    put(root, IM19_PATH, joined(im19_draft(source), fields))
    return mutations.Checks(root).codes(IM19_PATH, record_data(root / IM19_PATH, IM19_PATH))


@pytest.mark.parametrize("third", ["Written informed consent", "Weight ≥ 40 kg", "Positive for anti-dsDNA antibodies"])
def test_a_term_whose_item_ends_in_or_and_a_word_binds(registry: Path, third: str) -> None:
    """Found beside the hunt: a plain source's text runs its items together ("... class III or IV 3. Weight ≥
    40 kg"), and the clause the "or" opened ran to the next item's label: its number ("3") was read as an
    alternative's limit, and the honest scope REQUIRED was refused (E507), as the silence check refused the
    field declared silent (E523, the record's own criterion states it): no record could pass."""
    assert _nephritis_codes(registry, "Biopsy-proven active lupus nephritis class III or IV", third) == set()


@pytest.mark.parametrize(
    "second",
    [
        "Active lupus nephritis or SLEDAI-2K ≥ 6",
        "Active lupus nephritis or CKD stage 4",
        "Active lupus nephritis or 2) BILAG A",
    ],
)
def test_an_alternative_in_its_item_still_unrequires_the_term(registry: Path, second: str) -> None:
    assert "E507" in _nephritis_codes(registry, second, "Weight ≥ 40 kg")


# --- a part's age range given to the trial ------------------------------------------------------------------

AGES = """\
Inclusion Criteria:
{a}
1. Age 18 to 65 years.
2. SLEDAI-2K ≥ 8.
{b}
1. Age 12 to 17 years.
2. SLEDAI-2K ≥ 6.
"""


def _age_codes(root: Path, low: tuple[int, str], high: tuple[int, str], a: str, b: str) -> set[str]:
    """The codes of IM19's draft citing AGES under headings a and b, holding the ages low and high, each
    (value, quote)."""
    source = add_source(root, "seeds/938_cohort_ages.txt", IM19_TEXT_HEAD + AGES.format(a=a, b=b))
    listed = "".join(
        f"    - {{group: {json.dumps(g)}, number: {n}, text: {json.dumps(t, ensure_ascii=False)}}}\n"
        for g, n, t in ((a, 1, "Age 18 to 65 years."), (a, 2, "SLEDAI-2K ≥ 8."))
        + ((b, 1, "Age 12 to 17 years."), (b, 2, "SLEDAI-2K ≥ 6."))
    )
    fields = (
        f"eligibility:\n  inclusion_criteria:\n{listed}"
        f"  minimum_age: {{value: {low[0]}, unit: YEARS}}\n  maximum_age: {{value: {high[0]}, unit: YEARS}}\n"
        f"evidence:\n  eligibility.minimum_age: {json.dumps(low[1])}\n"
        f"  eligibility.maximum_age: {json.dumps(high[1])}\n"
    )
    put(root, IM19_PATH, joined(im19_draft(source), fields))
    return mutations.Checks(root).codes(IM19_PATH, record_data(root / IM19_PATH, IM19_PATH))


ADULTS, ADOLESCENTS = (18, "Age 18 to 65 years"), (12, "Age 12 to 17 years")


@pytest.mark.parametrize(
    ("low", "high"),
    [
        (ADULTS, (65, ADULTS[1])),  # cohort A's range: cohort B lets in 12-year-olds
        (ADOLESCENTS, (17, ADOLESCENTS[1])),  # cohort B's: cohort A lets in 65-year-olds
    ],
)
def test_a_parts_age_range_is_not_the_trials(registry: Path, low: tuple[int, str], high: tuple[int, str]) -> None:
    """Found after the headed lists above: an age bound read from a cohort's criterion passed as the trial's
    though another cohort's criterion lets in patients past it (parts._age_of_a_part, E508)."""
    assert "E508" in _age_codes(registry, low, high, "Cohort A (adults):", "Cohort B (adolescents):")


def test_the_widest_bound_of_the_parts_is_the_trials(registry: Path) -> None:
    assert _age_codes(registry, ADOLESCENTS, (65, ADULTS[1]), "Cohort A (adults):", "Cohort B (adolescents):") == set()


def test_an_age_under_headings_of_no_part_is_read_as_before(registry: Path) -> None:
    """Headings that name no part of the trial ("Demographics:", "Disease activity:") set no part's bound."""
    assert _age_codes(registry, ADULTS, (65, ADULTS[1]), "Demographics:", "Disease activity:") == set()


# --- a part's sex given to the trial --------------------------------------------------------------------------


def _sex_codes(root: Path, second: str, sex: str, quote: str) -> set[str]:
    """The codes of IM19's draft citing criteria of cohort A (women) and cohort B (its first criterion second),
    each listed under its heading, holding sex quoted by quote."""
    a, b = "Cohort A (lupus nephritis):", "Cohort B (extrarenal SLE):"
    items = ((a, 1, "Female patients aged 18 to 65 years."), (a, 2, "SLEDAI-2K ≥ 8."), (b, 1, second))
    text = f"Inclusion Criteria:\n{a}\n1. {items[0][2]}\n2. {items[1][2]}\n{b}\n1. {second}\n"
    source = add_source(root, "seeds/939_cohort_sexes.txt", IM19_TEXT_HEAD + text)
    listed = "".join(
        f"    - {{group: {json.dumps(g)}, number: {n}, text: {json.dumps(t, ensure_ascii=False)}}}\n"
        for g, n, t in items
    )
    fields = f"eligibility:\n  inclusion_criteria:\n{listed}  sex: {sex}\nevidence:\n  eligibility.sex: {quote}\n"
    put(root, IM19_PATH, joined(im19_draft(source), fields))
    return mutations.Checks(root).codes(IM19_PATH, record_data(root / IM19_PATH, IM19_PATH))


def test_a_parts_sex_is_not_the_trials(registry: Path) -> None:
    """Cohort A's "Female patients" passed as the trial's FEMALE beside cohort B's "Male or female patients"
    (parts._sex_of_a_part, E507)."""
    male_or_female = "Male or female patients aged 18 to 65 years."
    assert "E507" in _sex_codes(registry, male_or_female, "FEMALE", "Female patients aged 18 to 65 years")
    assert _sex_codes(registry, male_or_female, "ALL", "Male or female patients") == set()
    assert _sex_codes(registry, "Female patients aged 18 to 70 years.", "FEMALE", "Female patients") == set()


# --- a part's count given as the trial's enrollment ----------------------------------------------------------


def _count_codes(root: Path, text: str, count: int, quote: str) -> set[str]:
    """The codes of IM19's draft citing a plain source of text, holding an enrollment of count quoted by quote."""
    source = add_source(root, "seeds/940_counts.txt", IM19_TEXT_HEAD + text + "\n")
    fields = f"enrollment:\n  count: {count}\nevidence:\n  enrollment: {json.dumps(quote)}\n"
    put(root, IM19_PATH, joined(im19_draft(source), fields))
    return mutations.Checks(root).codes(IM19_PATH, record_data(root / IM19_PATH, IM19_PATH))


@pytest.mark.parametrize(
    ("text", "count", "quote"),
    [
        ("Part A: 12 participants. Part B: 18 participants.", 12, "Part A: 12 participants"),
        ("Part A: 12 participants. Part B: 18 participants.", 18, "18 participants"),
        ("Cohort 1: 6 patients. Cohort 2: 6 patients.", 6, "Cohort 1: 6 patients"),
        ("In Part B, 18 participants will be enrolled.", 18, "18 participants will be enrolled"),
        # (helper-32: other labels, a field's label before the part's, a part as the subject, after a line's break)
        ("Arm A - 12 participants. Arm B - 18 participants.", 18, "18 participants"),
        ("Dose level 1: 6 patients. Dose level 2: 6 patients.", 6, "Dose level 1: 6 patients"),
        ("Enrollment: Part A: 12 participants. Part B: 18 participants.", 12, "12 participants"),
        ("Part A enrols 12 participants. Part B enrols 18 participants.", 12, "12 participants"),
        ("Group A (lupus nephritis): 10 patients. Group B: 20 patients.", 10, "10 patients"),
    ],
)
def test_a_count_a_part_labels_is_no_enrollment(registry: Path, text: str, count: int, quote: str) -> None:
    """Found after the headed lists: a count whose sentence opens with a part of the trial as its label
    passed as the trial's enrollment (head_counts.count_spans read a part named after the count, "12 participants
    in Part A", not before it); kept_out.of_a_part reads the label now (E508). And (helper-32) a part named
    otherwise (kept_out.of_a_named_part), read in the passage too where its sentence is guessed to open after
    the part's word (binding.counts._counted_there: "2025-08-17 Part A enrols" opened at "A enrols")."""
    assert "E508" in _count_codes(registry, text, count, quote)


@pytest.mark.parametrize(
    ("text", "count", "quote"),
    [
        ("Enrollment: 30 participants. Part A: 12 participants. Part B: 18 participants.", 30, "30 participants"),
        ("All cohorts: 30 participants.", 30, "30 participants"),
    ],
)
def test_the_trials_count_beside_its_parts_binds(registry: Path, text: str, count: int, quote: str) -> None:
    assert _count_codes(registry, text, count, quote) == set()


@pytest.mark.parametrize(
    ("text", "count", "quote"),
    [
        ("We plan to screen 40 patients to enrol 24.", 40, "screen 40 patients"),
        ("The sponsor will screen 60 subjects.", 60, "screen 60 subjects"),
    ],
)
def test_a_count_to_be_screened_is_no_enrollment(registry: Path, text: str, count: int, quote: str) -> None:
    """Found beside the parts' counts: those the trial will screen ("screen 40 patients to enrol 24") bound an
    enrollment of 40; _SCREENING_BEFORE read "screening" and "screened", not the verb (E508 now)."""
    assert "E508" in _count_codes(registry, text, count, quote)


def test_a_count_screened_and_enrolled_binds(registry: Path) -> None:
    text = "24 patients will be screened and enrolled."
    assert _count_codes(registry, text, 24, "24 patients will be screened and enrolled") == set()


# --- a single value a part's label gives, read as the trial's ---------------------------------------------


def _parts_codes(root: Path, text: str, field: str, key: str, words: str | list[str]) -> set[str]:
    """The codes of IM19's draft citing a plain source of text, holding field (YAML) quoted by words."""
    source = add_source(root, "seeds/941_parts_values.txt", IM19_TEXT_HEAD + text + "\n")
    put(root, IM19_PATH, joined(im19_draft(source), f"{field}evidence:\n  {key}: {json.dumps(words)}\n"))
    return mutations.Checks(root).codes(IM19_PATH, record_data(root / IM19_PATH, IM19_PATH))


_STATUS = ("overall_status: {}\n", "overall_status")
_SEX = ("eligibility:\n  sex: {}\n", "eligibility.sex")
_ORIGIN = ("cell_product:\n  origin: {}\n", "cell_product.origin")
_PHASES = ("phases:\n  - {}\n", "phases")
_ALLOCATION = ("design:\n  allocation: {}\n", "design.allocation")
_ANTIGENS = ("cell_product:\n  target_antigens:\n    - {}\n", "cell_product.target_antigens")


@pytest.mark.parametrize(
    ("text", "field", "value", "quote"),
    [
        ("Status: Part A: Completed. Part B: Recruiting.", _STATUS, "COMPLETED", "Part A"),
        ("Sex: Part A: Female. Part B: All.", _SEX, "FEMALE", "Part A"),
        ("Origin: Part A: autologous CAR-T cells. Part B: allogeneic CAR-T cells.", _ORIGIN, "AUTOLOGOUS", "Part A"),
        ("Part A: Phase 1. Part B: Phase 2.", _PHASES, "PHASE2", "Part B"),
        # (found beside them: other labels of a part, and other fields)
        ("Cohort 1: Female. Cohort 2: Male or female.", _SEX, "FEMALE", "Cohort 1"),
        ("Arm A - autologous CAR-T cells. Arm B - allogeneic CAR-T cells.", _ORIGIN, "ALLOGENEIC", "Arm B"),
        ("Stage 1: Phase 1. Stage 2: Phase 2.", _PHASES, "PHASE2", "Stage 2"),
        ("Dose level 1: Completed. Dose level 2: Recruiting.", _STATUS, "RECRUITING", "Dose level 2"),
        ("Part A: Non-randomized. Part B: Randomized.", _ALLOCATION, "RANDOMIZED", "Part B"),
        ("Cohort A: CD19 CAR-T cells. Cohort B: BCMA CAR-T cells.", _ANTIGENS, "CD19", "Cohort A"),
        ("Group A (extrarenal SLE): Female. Group B (lupus nephritis): All.", _SEX, "FEMALE", "Group A"),
        ("Part A \u2013 Phase 1. Part B \u2013 Phase 2.", _PHASES, "PHASE1", "Part A"),
        ("In Part A, autologous CAR-T cells are given. In Part B, allogeneic.", _ORIGIN, "AUTOLOGOUS", "In Part A"),
        ("Extension cohort: Recruiting. Main cohort: Completed.", _STATUS, "RECRUITING", "Extension cohort"),
        # (one part's value, the others' given nowhere: no more the trial's)
        ("Status: Part A: Completed.", _STATUS, "COMPLETED", "Part A"),
        ("Cohort 2: allogeneic CAR-T cells.", _ORIGIN, "ALLOGENEIC", "Cohort 2"),
    ],
)
def test_a_value_a_parts_label_gives_is_not_the_trials(
    registry: Path, text: str, field: tuple[str, str], value: str, quote: str
) -> None:
    """Left by hunt 194, fixed: a value one part's label gives in its sentence ("Part A: Completed" beside "Part
    B: Recruiting", "Part B: Phase 2" beside "Part A: Phase 1", "Arm B - allogeneic") passed as the trial's: binding
    read a part labelling a term's sentence for what a criterion asks only (vocabulary.Reading.asked_of_patients), and
    its pattern (kept_out._PART_LEAD) no label before the part's ("Status: Part A:"), no dash after it, no dose level
    or group. A value of the trial's own read where a part labels its sentence is that part's now, unless every
    part's sentence gives a value the record holds (categorical._of_one_part, kept_out.of_a_named_part): E507."""
    start = text.index(quote)
    words = text[start : text.index(".", start + len(quote) + 3)]  # the part's label and its value
    assert "E507" in _parts_codes(registry, text, field[0].format(value), field[1], words)


@pytest.mark.parametrize(
    ("text", "field", "value", "words"),
    [
        # (a part named after the value, in its own bracket or "in" it, to the clause's end)
        ("Status: Completed (Part A only). Recruiting (Part B only).", _STATUS, "COMPLETED", "Completed (Part A only)"),
        ("Phase 1 (Part A) and Phase 2 (Part B).", _PHASES, "PHASE2", "Phase 2 (Part B)"),
        ("Phase 2 in Part B only.", _PHASES, "PHASE2", "Phase 2 in Part B only"),
        (
            "Autologous CAR-T cells in Part A; allogeneic CAR-T cells in Part B.",
            _ORIGIN,
            "ALLOGENEIC",
            "allogeneic CAR-T cells in Part B",
        ),
        # (a part's heading on a line of its own, its fields under it; the value in the part's bracket)
        ("Part A\nStatus: Completed\nPart B\nStatus: Recruiting", _STATUS, "COMPLETED", "Status: Completed"),
        ("Part A (Phase 1): Completed. Part B (Phase 2): Recruiting.", _PHASES, "PHASE2", "Part B (Phase 2)"),
        # (a part as its sentence's subject)
        (
            "Cohort A enrols Female patients. Cohort B enrols Male patients.",
            _SEX,
            "FEMALE",
            "Cohort A enrols Female patients",
        ),
        ("Part A is Randomized; Part B is Non-randomized.", _ALLOCATION, "RANDOMIZED", "Part A is Randomized"),
        (
            "Part A uses CD19 CAR-T cells; Part B uses BCMA CAR-T cells.",
            _ANTIGENS,
            "CD19",
            "Part A uses CD19 CAR-T cells",
        ),
    ],
)
def test_a_value_of_a_part_named_otherwise_is_not_the_trials(
    registry: Path, text: str, field: tuple[str, str], value: str, words: str
) -> None:
    """Found beside the labels (helper-32): a part named after the value, heading its lines, holding it in its
    bracket, or as its sentence's subject gives it to that part too (kept_out.named_part)."""
    assert "E507" in _parts_codes(registry, text, field[0].format(value), field[1], words)


@pytest.mark.parametrize(
    ("text", "field", "value", "words"),
    [
        # (a sentence of the whole trial beside its parts')
        ("Overall status: Recruiting. Part A: Completed. Part B: Recruiting.", _STATUS, "RECRUITING", "Recruiting"),
        ("Sex: All. Cohort 1: Female. Cohort 2: All.", _SEX, "ALL", "Sex: All"),
        ("A single arm, open-label, Phase 1 study. Part A: dose escalation.", _PHASES, "PHASE1", "Phase 1 study"),
        ("In this dose-escalation study, autologous CAR-T cells are given.", _ORIGIN, "AUTOLOGOUS", "autologous"),
        ("An observational cohort, prospective, of Female patients.", _SEX, "FEMALE", "Female patients"),
        ("All cohorts: allogeneic CAR-T cells.", _ORIGIN, "ALLOGENEIC", "All cohorts: allogeneic"),
        # (every part's sentence gives a value the record holds: the trial's is theirs)
        (
            "Part A: autologous CAR-T cells. Part B: autologous CAR-T cells.",
            _ORIGIN,
            "AUTOLOGOUS",
            "Part A: autologous",
        ),
        ("Status: Part A: Completed. Part B: Completed.", _STATUS, "COMPLETED", "Part B: Completed"),
        (
            "Patients in Part A receive autologous CAR-T cells; patients in Part B receive autologous CAR-T cells too.",
            _ORIGIN,
            "AUTOLOGOUS",
            "Part A receive autologous CAR-T cells",
        ),
        # (a part of no value, every part, or two parts together)
        ("Status: Recruiting. Part A is complete.", _STATUS, "RECRUITING", "Status: Recruiting"),
        (
            "Randomized study. Part A: dose escalation. Part B: dose expansion.",
            _ALLOCATION,
            "RANDOMIZED",
            "Randomized study",
        ),
        ("Recruiting in all cohorts.", _STATUS, "RECRUITING", "Recruiting in all cohorts"),
        ("Autologous CAR-T cells are given in both parts.", _ORIGIN, "AUTOLOGOUS", "Autologous CAR-T cells are given"),
        (
            "CD19 CAR-T cells are given in Part A and Part B.",
            _ANTIGENS,
            "CD19",
            "CD19 CAR-T cells are given in Part A and",
        ),
        ("Female patients. Part A: dose escalation.", _SEX, "FEMALE", "Female patients"),
    ],
)
def test_the_trials_value_beside_its_parts_binds(
    registry: Path, text: str, field: tuple[str, str], value: str, words: str
) -> None:
    assert _parts_codes(registry, text, field[0].format(value), field[1], words) == set()


def test_the_parts_phases_together_are_the_trials(registry: Path) -> None:
    """The trial's phases where each part's label gives one: the parts' together bind, each part's alone not."""
    text = "Part A: Phase 1. Part B: Phase 2."
    both = "phases:\n  - PHASE1\n  - PHASE2\n"
    assert _parts_codes(registry, text, both, "phases", ["Part A: Phase 1", "Part B: Phase 2"]) == set()
    named_after = "Phase 1 (Part A) and Phase 2 (Part B)"
    assert _parts_codes(registry, named_after + ".", both, "phases", named_after) == set()
    for value, words in (("PHASE1", "Part A: Phase 1"), ("PHASE2", "Part B: Phase 2")):
        assert "E507" in _parts_codes(registry, text, f"phases:\n  - {value}\n", "phases", words)


# Mutants of an honest source stating the trial's value and each of two parts': (the field, the whole trial's words
# and value, each part's words and value), each under two of the parts' labels
_PART_LABELS = (
    ("Part A:", "Part B:"),
    ("Cohort 1:", "Cohort 2:"),
    ("Arm A -", "Arm B -"),
    ("Stage 1:", "Stage 2:"),
    ("Dose level 1:", "Dose level 2:"),
    ("Group A (extrarenal SLE):", "Group B (lupus nephritis):"),
    ("Part A \u2013", "Part B \u2013"),
)
_PART_FIELDS = [
    (_STATUS, "Overall status: Recruiting", "RECRUITING", ("Completed", "COMPLETED"), ("Recruiting", "RECRUITING")),
    (_SEX, "Sex: All", "ALL", ("Female", "FEMALE"), ("Male", "MALE")),
    (
        _ORIGIN,
        "In this study, autologous CAR-T cells are given",
        "AUTOLOGOUS",
        ("allogeneic CAR-T cells", "ALLOGENEIC"),
        ("autologous CAR-T cells", "AUTOLOGOUS"),
    ),
    (_PHASES, "Phase 1/2 study", "PHASE1\n  - PHASE2", ("Phase 1", "PHASE1"), ("Phase 2", "PHASE2")),
    (
        _ALLOCATION,
        "Allocation: Randomized",
        "RANDOMIZED",
        ("Non-randomized", "NON_RANDOMIZED"),
        ("Randomized", "RANDOMIZED"),
    ),
    (
        _ANTIGENS,
        "This study gives CD19 CAR-T cells",
        "CD19",
        ("CD19 CAR-T cells", "CD19"),
        ("BCMA CAR-T cells", "BCMA"),
    ),
    (
        ("design:\n  masking: {}\n", "design.masking"),
        "Masking: Double-blind",
        "DOUBLE",
        ("Open-label", "NONE"),
        ("Double-blind", "DOUBLE"),
    ),
]


@pytest.mark.parametrize(("k", "case"), list(enumerate(_PART_FIELDS)), ids=[f[0][1] for f in _PART_FIELDS])
def test_every_part_value_given_the_trial_is_refused_and_the_honest_record_passes(
    registry: Path, k: int, case: tuple
) -> None:
    """Mutation-style: a source states the trial's value and, under two parts' labels, each part's; the honest
    record quoting the whole trial's sentence passes, and each mutant giving a part's value quoting that part's
    sentence (the value the trial's or not) is refused (categorical._of_one_part, E507). Each field under two labels."""
    field, whole, value, *parts = case
    for first, second in (_PART_LABELS[k], _PART_LABELS[(k + 3) % len(_PART_LABELS)]):
        said = [f"{first} {parts[0][0]}", f"{second} {parts[1][0]}"]
        text = f"{whole}. {said[0]}. {said[1]}."
        assert _parts_codes(registry, text, field[0].format(value), field[1], whole) == set(), text
        for words, (_, part_value) in zip(said, parts, strict=True):
            assert "E507" in _parts_codes(registry, text, field[0].format(part_value), field[1], words), (text, words)


@pytest.mark.parametrize(
    "heading",
    ["Group B (lupus nephritis):", "Dose expansion (lupus nephritis):", "Cohort B (lupus nephritis of any class):"],
)
def test_a_scope_asked_under_another_word_of_a_part_is_not_the_trials(registry: Path, heading: str) -> None:
    """The reviewer of hunt 194: the scope REQUIRED read from criterion 2 under "Group B (lupus nephritis):",
    "Dose expansion (...)" or "Cohort B (lupus nephritis of any class):" passed as the trial's ("any" read as a
    heading of every part), and the field declared silent was refused (E523): the checks pushed the curator to
    the wrong value. Each names a part (kept_out.heads_a_part): refused, and silent passes."""
    name, value, number, quote = ASKED[0]
    assert "E507" in _codes(registry, _field(name, value, number, heading, quote), b=heading)
    silenced = ("evidence:\n  nct_id: NCT06513429\n", (f"eligibility.{name}",))
    assert "E523" not in _codes(registry, *silenced, b=heading)
