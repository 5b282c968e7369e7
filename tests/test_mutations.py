"""The project's own mutation test: every plausible curation mistake in a curated record is caught.

tests/mutations.py generates the mistakes systematically from each curated record (every vocabulary
value to every other, every comparator to every other, every threshold, age, dose and count number
to the other numbers of its quote, units swapped, dates moved (a day, a month, a year, to each other),
an age read from a length of time, a limit rewritten with the other comparator of its side, a cohort
given another's dose or its basis in its unit, a vocabulary list given one value more, criteria dropped, cut, moved and
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
from conftest import DATA_ROOT, REPO, record_data
from sle_trials.checks import documents, load
from sle_trials.checks import schema as schema_mod

pytestmark = pytest.mark.long  # handed to a worker before the short modules (conftest.py)

CURATED = ["trials/NCT06513429.yaml", "trials/NCT05765006.yaml"]


@pytest.mark.parametrize("shown", CURATED)
def test_every_mistake_in_a_curated_record_is_caught(shown: str) -> None:
    record, problems = load.load(DATA_ROOT / shown, shown)
    assert record is not None, problems
    missed = mutations.run(mutations.Checks(DATA_ROOT), shown, record.data)
    assert missed == [], f"{len(missed)} mistakes passed:\n" + "\n".join(missed[:40])


def test_the_harness_reports_a_mistake_caught_by_no_code_it_may_give(monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness stops a record's check at the first code its mistake may give, and remembers what
    it found for the same record made by another kind of mistake: what it remembers must not count
    as caught a mistake whose code comes later (E507 after the title's E501), nor as found only the
    codes before the stop (the miss lists every code the whole check gives)."""
    shown = "trials/NCT03030976.yaml"
    data = record_data(DATA_ROOT / shown, shown)
    wrong = json.loads(json.dumps(data))
    wrong["brief_title"] = "A Study of CD19 Redirected Allogeneic T Cells for SLE"
    wrong["cell_product"]["origin"] = "ALLOGENEIC"

    def mistake(expect: frozenset[str]) -> mutations.Mutation:
        return mutations.Mutation("title", "brief_title", f"expects {sorted(expect)}", wrong, expect)

    made = [mistake(frozenset({"E501"})), mistake(frozenset({"E507"})), mistake(frozenset({"E999"}))]
    monkeypatch.setattr(mutations, "generate", lambda *args: made)
    monkeypatch.setattr(mutations, "SCORES", {})  # not the run's printed scores
    missed = mutations.run(mutations.Checks(DATA_ROOT), shown, data)
    assert missed == ["title brief_title: expects ['E999'] -> ['E501', 'E507']"]
    assert mutations.SCORES == {"title": (2, 3)}


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
    missed = mutations.run(mutations.Checks(DATA_ROOT), shown, record.data)
    assert missed == [], f"{len(missed)} mistakes passed:\n" + "\n".join(missed[:40])


def test_every_mistake_in_an_imported_record_is_caught(tmp_path: Path, registry: Path) -> None:
    """The same mistakes in a record made from a ClinicalTrials.gov study (a JSON source, read by
    its keys): the registry's future records come this way."""

    root = registry  # with the check cache: the import's check of the other records is served from it
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
    shown = "trials/NCT09000011.yaml"
    # an import is a draft; a curator who has reviewed it marks it complete, and from then on a dropped,
    # cut or moved criterion is a mistake the checks must catch
    record = mutations.imported(root, source, "NCT09000011", "complete")
    # and curates the dose its CAR-T arm's description gives (the comparator arm gives none)
    data = record.data
    data["arms"][0]["cohorts"] = [{"dose": {"value": 1000000, "unit": "anti-CD19 CAR-T cells", "basis": "PER_KG"}}]
    data["evidence"]["arms.0.cohorts.0"] = "1×10^6 anti-CD19 CAR-T cells/kg"
    data["curation"]["not_yet_curated"].remove("arms.cohorts")
    data["curation"]["silent"] += ["arms.cohorts.label", "arms.cohorts.patients"]
    missed = mutations.run(mutations.Checks(root), shown, data)
    assert missed == [], f"{len(missed)} mistakes passed:\n" + "\n".join(missed[:40])
    # kinds only a study's lists make (two sites, one with no state; interventions with no description)
    schema = schema_mod.load_schema(root)
    doc = documents.source_doc(root, record.data["curation"]["sources"][0]["file"])
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
def test_every_mistake_in_the_other_imported_studies_is_caught(registry: Path, fixture: str, nct_id: str) -> None:
    """The same mistakes in the records the importer makes from the other fixture studies, each marked
    complete as a curator who has reviewed it would: fields and values the first study has not."""

    root = registry
    source = REPO / "tests" / "fixtures" / "ctgov" / f"{fixture}.json"
    shown = f"trials/{nct_id}.yaml"
    record = mutations.imported(root, source, nct_id, "complete")
    missed = mutations.run(mutations.Checks(root), shown, record.data)
    assert missed == [], f"{len(missed)} mistakes passed:\n" + "\n".join(missed[:40])


# The kinds of mistake the imported study's record must give rise to, besides the curated records'
IMPORTED_KINDS = {"row field filled", "date type from elsewhere", "cohort given to another arm", "texts reordered"}


def test_the_generator_makes_every_kind_of_mistake() -> None:
    """A generator that stopped making a kind would make the test above pass for nothing (the kinds of
    both curated records: a limit moved from a longer measure needs Relma-cel's SELENA-SLEDAI)."""
    schema = schema_mod.load_schema(REPO)
    kinds: set[str] = set()
    for shown in CURATED:
        data = record_data(DATA_ROOT / shown, shown)
        doc = documents.source_doc(DATA_ROOT, data["curation"]["sources"][0]["file"])
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
        "value moved into its note",
        "incomplete entry on a silent field",
        "remark misquoting its source",
        "whole number as decimal",
        "date read twice",
        "limit copied",
        "therapy from another's words",
        "therapy cut",
        "therapy cut inside its words",
        "as-of label cut",
        "text run back into its criterion",
        "condition cut at its start",
        "name from another field",
        "measure with its sign",
        "measure cut from its list",
        "limit of another measure",
        "kind of another limit",
        "measure of another limit",
        "criteria field declared silent",
        "title field declared silent",
        "part declared silent",
        "row value dropped",
        "measure of its examples",
        "term only named by another criterion",
        "measure cut before its own limit",
        "measure one item of its list",
        "date moved to a recorded one",
        "date moved to another milestone",
        "measure into a parenthesis",
        "measure through another limit",
        "text spaced otherwise",
        "quote spaced otherwise",
        "therapies quoted apart",
        "text run on",
        "condition its own limit",
        "limit rewritten",
        "age from a length of time",
        "dose of another cohort",
        "dose basis in its unit",
        "dates swapped",
        "value added to its list",
        "condition from another limit's sentence",
        "list reordered",
        "doses swapped",
        "dose power of ten",
        "limit a tenth",
        "age a year younger",
        "date earlier",
        "enrollment type given",
        "quotes swapped",
        "listed criterion said lost",
        "loss the numbering lacks",
        "description from the publisher's summary",
        "unit written otherwise",
        "source's own words left out",
        "remark on no field held",
        "unit in another case",
        "name of the trial's disease",
        "name from other words of its place",
    }
