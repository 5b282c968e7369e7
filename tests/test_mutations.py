"""The project's own mutation test: every plausible curation mistake in a curated record is caught.

tests/mutations.py generates the mistakes systematically from each curated record (every vocabulary
value to every other, every comparator to every other, every threshold, age, dose and count number
to the other numbers of its quote, units swapped, dates moved, criteria dropped, cut, moved and
renumbered, titles taken from related trials, texts given another field's words or another item's,
fields the source states left out and declared silent, ...). Each mutated record is checked as
`trials validate` checks it (schema, rules, evidence and binding) and must be refused with one of
the codes its kind of mistake may give. The records as curated must pass: no false reject. The
score per kind of mistake is printed at the end of the run.
"""

from __future__ import annotations

import json
from pathlib import Path

import mutations
import pytest
from conftest import DATA_ROOT, REPO, copy_registry, record_data
from sle_trials.checks import evidence, load, rules
from sle_trials.checks import schema as schema_mod
from sle_trials.engine import pipeline

pytestmark = pytest.mark.long  # handed to a worker before the short modules (conftest.py)

CURATED = ["trials/NCT06513429.yaml", "trials/NCT05765006.yaml"]
SCORES: dict[str, tuple[int, int]] = {}  # kind -> (caught, generated), printed by conftest


class Checks:
    """The one-record checks as `trials validate` runs them, on data (no YAML round trip needed)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.checker = pipeline.Checker(root)

    def codes(self, shown: str, data: dict) -> set[str]:
        record = load.Record(shown, data)
        schema_problems = schema_mod.check(record, self.checker.validator)  # E209 too, where the validator passes
        if schema_problems:
            return {p.code for p in schema_problems}
        # with the checker's memory, as `trials validate` checks each file of a run: the source read
        # once, and the readings of its quotes (pure functions of the quote) remembered
        problems = rules.check(record, self.root, Path(shown).stem) or evidence.check(
            record, self.checker.schema, self.root, self.checker.memory
        )
        return {p.code for p in problems}


def _run(checks: Checks, shown: str, data: dict) -> list[str]:
    doc = evidence.source_doc(checks.root, data["curation"]["sources"][0]["file"])
    assert doc is not None
    source, places = doc.text, mutations.stated_places(doc, checks.checker.schema)
    assert checks.codes(shown, data) == set(), f"{shown} as curated must pass"
    missed = []
    # Two kinds of mistake may make the same record (a unit swapped, a measure taken from another
    # line): checked once, scored for each kind (93 of IM19's 1,219 mutants are repeats)
    found: dict[str, set[str]] = {}
    for mutation in mutations.generate(data, checks.checker.schema, source, places):
        key = json.dumps(mutation.data, sort_keys=True, ensure_ascii=False)
        codes = found[key] if key in found else found.setdefault(key, checks.codes(shown, mutation.data))
        caught = bool(codes & mutation.expect)
        done, total = SCORES.get(mutation.kind, (0, 0))
        SCORES[mutation.kind] = (done + caught, total + 1)
        if not caught:
            missed.append(f"{mutation.kind} {mutation.path}: {mutation.description} -> {sorted(codes) or 'passed'}")
    return missed


@pytest.mark.parametrize("shown", CURATED)
def test_every_mistake_in_a_curated_record_is_caught(shown: str) -> None:
    record, problems = load.load(DATA_ROOT / shown, shown)
    assert record is not None, problems
    missed = _run(Checks(DATA_ROOT), shown, record.data)
    assert missed == [], f"{len(missed)} mistakes passed:\n" + "\n".join(missed[:40])


@pytest.mark.parametrize("shown", CURATED)
def test_every_mistake_in_a_curated_record_as_a_draft_is_caught(shown: str) -> None:
    """The same mistakes in the curated records as drafts, which E511 does not hold whole: a page's
    criteria are still its list's items, whole and where the page lists them (E512)."""
    record, problems = load.load(DATA_ROOT / shown, shown)
    assert record is not None, problems
    data = record.data
    data["curation"]["status"] = "draft"
    missed = _run(Checks(DATA_ROOT), shown, data)
    assert missed == [], f"{len(missed)} mistakes passed:\n" + "\n".join(missed[:40])


STUBS = sorted(
    f"trials/{p.name}" for p in (DATA_ROOT / "trials").glob("NCT*.yaml") if f"trials/{p.name}" not in CURATED
)


@pytest.mark.parametrize("shown", STUBS)
def test_every_mistake_in_a_stub_is_caught(shown: str) -> None:
    """The same mistakes in the stubs: what another trial's page says of a trial (its id, its title,
    and what the title says of its product)."""
    record, problems = load.load(DATA_ROOT / shown, shown)
    assert record is not None, problems
    assert record.data["curation"]["status"] == "stub"
    missed = _run(Checks(DATA_ROOT), shown, record.data)
    assert missed == [], f"{len(missed)} mistakes passed:\n" + "\n".join(missed[:40])


def test_every_mistake_in_an_imported_record_is_caught(tmp_path: Path, capsys) -> None:
    """The same mistakes in a record made from a ClinicalTrials.gov study (a JSON source, read by
    its keys): the registry's future records come this way."""
    from sle_trials.cli import main

    root = copy_registry(tmp_path / "registry")
    # the fixture's study with two outcomes of each kind, so that one outcome's words given to the
    # other (a time frame, a measure) is among the mistakes
    study = json.loads((REPO / "tests" / "fixtures" / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    outcomes = study["protocolSection"]["outcomesModule"]
    outcomes["primaryOutcomes"].append(
        {"measure": "Partial renal response", "timeFrame": "Week 24", "description": "A fall in proteinuria of 50%."}
    )
    outcomes["secondaryOutcomes"] = [
        {"measure": "Change in SLEDAI-2K", "timeFrame": "Week 12"},
        {"measure": "Adverse events", "timeFrame": "Up to 2 years"},
    ]
    source = tmp_path / "study.json"
    source.write_text(json.dumps(study, indent=2), encoding="utf-8")
    assert main(["import", "ctgov", str(source), "--root", str(root)]) == 0, capsys.readouterr()
    shown = "trials/NCT09000011.yaml"
    # an import is a draft; a curator who has reviewed it marks it complete, and from then on a dropped,
    # cut or moved criterion is a mistake the checks must catch
    file = root / shown
    file.write_text(
        file.read_text(encoding="utf-8").replace("  status: draft\n", "  status: complete\n", 1), encoding="utf-8"
    )
    record, problems = load.load(root / shown, shown)
    assert record is not None, problems
    assert record.data["curation"]["status"] == "complete"
    # and curates the dose its CAR-T arm's description gives (the comparator arm gives none)
    data = record.data
    data["arms"][0]["cohorts"] = [{"dose": {"value": 1000000, "unit": "anti-CD19 CAR-T cells", "basis": "PER_KG"}}]
    data["evidence"]["arms.0.cohorts.0"] = "1×10^6 anti-CD19 CAR-T cells/kg"
    data["curation"]["not_yet_curated"].remove("arms.cohorts")
    data["curation"]["silent"] += ["arms.cohorts.label", "arms.cohorts.patients"]
    missed = _run(Checks(root), shown, data)
    assert missed == [], f"{len(missed)} mistakes passed:\n" + "\n".join(missed[:40])
    # kinds only a study's lists make (two sites, one with no state; interventions with no description)
    schema = schema_mod.load_schema(root)
    doc = evidence.source_doc(root, record.data["curation"]["sources"][0]["file"])
    assert doc is not None
    made = {m.kind for m in mutations.generate(record.data, schema, doc.text, mutations.stated_places(doc, schema))}
    assert made >= IMPORTED_KINDS


@pytest.mark.parametrize(
    ("fixture", "nct_id"),
    [
        ("withdrawn_enrollment_0", "NCT09000022"),  # why it stopped, an enrollment of 0, estimated dates
        ("observational_followup", "NCT09000033"),  # an observational model and time perspective
        ("old_partial_dates", "NCT09000044"),  # year-month dates, a last known status, two phases
    ],
)
def test_every_mistake_in_the_other_imported_studies_is_caught(
    tmp_path: Path, capsys, fixture: str, nct_id: str
) -> None:
    """The same mistakes in the records the importer makes from the other fixture studies, each marked
    complete as a curator who has reviewed it would: fields and values the first study has not."""
    from sle_trials.cli import main

    root = copy_registry(tmp_path / "registry")
    source = REPO / "tests" / "fixtures" / "ctgov" / f"{fixture}.json"
    assert main(["import", "ctgov", str(source), "--root", str(root)]) == 0, capsys.readouterr()
    shown = f"trials/{nct_id}.yaml"
    file = root / shown
    file.write_text(
        file.read_text(encoding="utf-8").replace("  status: draft\n", "  status: complete\n", 1), encoding="utf-8"
    )
    record, problems = load.load(root / shown, shown)
    assert record is not None, problems
    assert record.data["curation"]["status"] == "complete"
    missed = _run(Checks(root), shown, record.data)
    assert missed == [], f"{len(missed)} mistakes passed:\n" + "\n".join(missed[:40])


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


@pytest.mark.parametrize("status", ["draft", "complete"])
@pytest.mark.parametrize(
    ("fixture", "nct_id"),
    [
        *CRITERIA_FORMS,
        ("completed_phase2_randomised", "NCT09000011"),
        ("withdrawn_enrollment_0", "NCT09000022"),
        ("observational_followup", "NCT09000033"),
        ("old_partial_dates", "NCT09000044"),
    ],
)
def test_every_mistake_in_an_imported_draft_is_caught(
    tmp_path: Path, capsys, fixture: str, nct_id: str, status: str
) -> None:
    """The same mistakes in the records the importer makes from the studies whose criteria take other
    forms, and in every imported study as the draft it is imported as: a draft may lack items and
    fields, not hold them otherwise (an inclusion criterion filed as an exclusion one, a criterion cut
    before its "or HIV infection", a Part B criterion given no sub-heading), nor a value with words of
    its source that state another."""
    from sle_trials.cli import main

    root = copy_registry(tmp_path / "registry")
    source = REPO / "tests" / "fixtures" / "ctgov" / f"{fixture}.json"
    assert main(["import", "ctgov", str(source), "--root", str(root)]) == 0, capsys.readouterr()
    shown = f"trials/{nct_id}.yaml"
    file = root / shown
    file.write_text(
        file.read_text(encoding="utf-8").replace("  status: draft\n", f"  status: {status}\n", 1), encoding="utf-8"
    )
    record, problems = load.load(root / shown, shown)
    assert record is not None, problems
    assert record.data["curation"]["status"] == status
    missed = _run(Checks(root), shown, record.data)
    assert missed == [], f"{len(missed)} mistakes passed:\n" + "\n".join(missed[:40])


def test_the_generator_makes_every_kind_of_mistake_in_a_draft(tmp_path: Path, capsys) -> None:
    """The kinds the imported drafts must give rise to (sub-headings: the study with parts; sub-items
    and clauses: the randomised study): a generator that stopped making one would pass for nothing."""
    from sle_trials.cli import main

    root = copy_registry(tmp_path / "registry")
    schema = schema_mod.load_schema(root)
    made: set[str] = set()
    for fixture, nct_id in [("criteria_part_headings", "NCT09010001"), ("completed_phase2_randomised", "NCT09000011")]:
        source = REPO / "tests" / "fixtures" / "ctgov" / f"{fixture}.json"
        assert main(["import", "ctgov", str(source), "--root", str(root)]) == 0, capsys.readouterr()
        data = record_data(root / "trials" / f"{nct_id}.yaml")
        doc = evidence.source_doc(root, data["curation"]["sources"][0]["file"])
        assert doc is not None
        made |= {m.kind for m in mutations.generate(data, schema, doc.text, mutations.stated_places(doc, schema))}
    assert made >= DRAFT_KINDS


# The kinds of mistake the imported study's record must give rise to, besides the curated records'
IMPORTED_KINDS = {"row field filled", "date type from elsewhere", "cohort given to another arm"}


def test_the_generator_makes_every_kind_of_mistake() -> None:
    """A generator that stopped making a kind would make the test above pass for nothing (the kinds of
    both curated records: a limit moved from a longer measure needs Relma-cel's SELENA-SLEDAI)."""
    schema = schema_mod.load_schema(REPO)
    kinds: set[str] = set()
    for shown in CURATED:
        data = record_data(REPO / shown, shown)
        doc = evidence.source_doc(DATA_ROOT, data["curation"]["sources"][0]["file"])
        assert doc is not None
        kinds |= {m.kind for m in mutations.generate(data, schema, doc.text, mutations.stated_places(doc, schema))}
    assert kinds >= {
        "enum",
        "status",
        "comparator",
        "number",
        "unit",
        "criterion",
        "measure",
        "condition",
        "conditions dropped",
        "condition dropped",
        "condition added",
        "condition cut",
        "condition never held",
        "therapy dropped",
        "threshold repeated",
        "threshold dropped",
        "limit moved",
        "cohort dropped",
        "cohorts swapped",
        "date",
        "criterion dropped",
        "criterion cut",
        "criterion moved",
        "criterion renumbered",
        "title",
        "text swapped",
        "row texts swapped",
        "row dropped",
        "field dropped",
        "row repeated",
        "field declared silent",
        "whole number as decimal",
        "date read twice",
        "limit copied",
        "therapy from another's words",
        "therapy cut",
        "name from another field",
        "measure with its sign",
        "measure cut from its list",
    }
