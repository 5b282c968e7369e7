"""The mutation test of drafts (test_mutations.py holds the curated records, the stubs and the imported
records marked complete; the two modules run on the two workers side by side): the curated records
as drafts, and the records the importer makes from studies whose criteria take other forms, as the
drafts they are imported as and marked complete. A draft may lack items and fields, not hold them
otherwise (an inclusion criterion filed as an exclusion one, a criterion cut before its "or HIV
infection", a Part B criterion given no sub-heading), nor a value with words of its source that
state another.
"""

from __future__ import annotations

from pathlib import Path

import mutations
import pytest
from conftest import DATA_ROOT, REPO, record_data
from sle_trials.checks import documents, load
from sle_trials.checks import schema as schema_mod

pytestmark = pytest.mark.long  # handed to a worker before the short modules (conftest.py)

CURATED = ["trials/NCT06513429.yaml", "trials/NCT05765006.yaml"]


@pytest.mark.parametrize("shown", CURATED)
def test_every_mistake_in_a_curated_record_as_a_draft_is_caught(shown: str) -> None:
    """The same mistakes in the curated records as drafts, which E511 does not hold whole: a page's
    criteria are still its list's items, whole and where the page lists them (E512)."""
    record, problems = load.load(DATA_ROOT / shown, shown)
    assert record is not None, problems
    data = record.data
    data["curation"]["status"] = "draft"
    missed = mutations.run(mutations.Checks(DATA_ROOT), shown, data, lambda m: m.kind not in SAME_IN_A_DRAFT)
    assert missed == [], f"{len(missed)} mistakes passed:\n" + "\n".join(missed[:40])


# Kinds of mistake a draft gives the same codes as the complete record it is marked (test_mutations.py
# and the complete runs below hold those): a value changed with or without its words, which schema,
# rules, binding and places catch, and none of them reads the status (completeness.py and
# criteria_lists.check_criteria_items do). Checked on both curated records: each mutant of these kinds was
# caught by the same codes in both; a draft run of them was 70% of its mutants. A kind left out here
# (a new one too) is run in both.
SAME_IN_A_DRAFT = frozenset(
    {
        "as-of label cut",
        "comparator",
        "condition",
        "condition added",
        "condition cut at its start",
        "condition cut",
        "condition dropped",
        "condition from another limit's sentence",
        "condition never held",
        "conditions dropped",
        "date",
        "date read twice",
        "dates swapped",
        "dose basis in its unit",
        "dose of another cohort",
        "date type from elsewhere",
        "enum",
        "kind of another limit",
        "limit rewritten",
        "measure",
        "measure cut before its own limit",
        "measure cut from its list",
        "measure of another limit",
        "measure of its examples",
        "measure with its sign",
        "name from another field",
        "number",
        "part declared silent",
        "remark on no field held",
        "row repeated",
        "term only named by another criterion",
        "text run back into its criterion",
        "therapy cut",
        "therapy cut inside its words",
        "therapy dropped",
        "therapy from another's words",
        "threshold repeated",
        "title",
        "title field declared silent",
        "unit",
        "unit in another case",
        "unit written otherwise",
        "value added to its list",
        "whole number as decimal",
    }
)

CRITERIA_FORMS = [
    ("criteria_part_headings", "NCT09010001"),  # headings naming parts ("Part B Inclusion Criteria:")
    ("criteria_loose_numbered", "NCT09010002"),  # numbered items with sub-items
    ("criteria_bulleted_heading", "NCT09010006"),  # a heading written as a list item
    ("criteria_non_inclusion", "NCT09010009"),  # "Non-inclusion criteria:"
    ("criteria_exclusion_lead_in", "NCT09010010"),  # a lead-in to the exclusion list
    ("criteria_spanish_exclusion", "NCT09010011"),  # "Criterios de exclusión:"
    ("criteria_one_paragraph", "NCT09010012"),  # both lists in one paragraph
]
DRAFT_KINDS = {
    "criterion moved in place",
    "criteria merged",
    "criteria swapped",
    "criterion split",
    "criterion clause cut",
    "criterion front cut",
    "sub-heading dropped",
    "sub-heading changed",
    "sub-criterion lifted",
    "sub-criterion under another",
    "criterion nested under the one before",
    "value and quote of another item",
    "value from other words",
    "text cut before a clause",
}


# test_mutations.py holds these as complete records
OTHER_STUDIES = [
    ("withdrawn_enrollment_0", "NCT09000022"),
    ("observational_followup", "NCT09000033"),
    ("old_partial_dates", "NCT09000044"),
]


@pytest.mark.parametrize(
    ("fixture", "nct_id", "status"),
    [
        *[(*form, status) for form in CRITERIA_FORMS for status in ("draft", "complete")],
        # test_mutations.py holds this study as a complete record too, with two outcomes more and a cohort
        *[(*study, "draft") for study in [("completed_phase2_randomised", "NCT09000011"), *OTHER_STUDIES]],
    ],
)
def test_every_mistake_in_an_imported_draft_is_caught(registry: Path, fixture: str, nct_id: str, status: str) -> None:
    """The same mistakes in the records the importer makes from the studies whose criteria take other
    forms, and in every imported study as the draft it is imported as: a draft may lack items and
    fields, not hold them otherwise (an inclusion criterion filed as an exclusion one, a criterion cut
    before its "or HIV infection", a Part B criterion given no sub-heading), nor a value with words of
    its source that state another."""

    root = registry  # with the check cache: the import's check of the other records is served from it
    source = REPO / "tests" / "fixtures" / "ctgov" / f"{fixture}.json"
    shown = f"trials/{nct_id}.yaml"
    record = mutations.imported(root, source, nct_id, status)
    # A criteria form's study differs from the others in its criteria: the mistakes of its other
    # fields (its dates, vocabulary values, sites: 85% of its mutants) are the other studies'
    form = (fixture, nct_id) in CRITERIA_FORMS

    def made(mutation: mutations.Mutation) -> bool:
        if form and not mutation.path.startswith("eligibility"):
            return False
        return status == "complete" or mutation.kind not in SAME_IN_A_DRAFT

    missed = mutations.run(mutations.Checks(root), shown, record.data, made)
    assert missed == [], f"{len(missed)} mistakes passed:\n" + "\n".join(missed[:40])


def test_the_generator_makes_every_kind_of_mistake_in_a_draft(registry: Path, capsys) -> None:
    """The kinds the imported drafts must give rise to (sub-headings: the study with parts; sub-items
    and clauses: the randomised study): a generator that stopped making one would pass for nothing."""
    from sle_trials.cli import main

    root = registry
    schema = schema_mod.load_schema(root)
    made: set[str] = set()
    for fixture, nct_id in [("criteria_part_headings", "NCT09010001"), ("completed_phase2_randomised", "NCT09000011")]:
        source = REPO / "tests" / "fixtures" / "ctgov" / f"{fixture}.json"
        assert main(["import", "ctgov", str(source), "--root", str(root)]) == 0, capsys.readouterr()
        data = record_data(root / "trials" / f"{nct_id}.yaml")
        doc = documents.source_doc(root, data["curation"]["sources"][0]["file"])
        assert doc is not None
        made |= {m.kind for m in mutations.generate(data, schema, doc.text, mutations.stated_places(doc, schema))}
    assert made >= DRAFT_KINDS
