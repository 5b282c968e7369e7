"""Pull-request attacks on a study's own values: read from another key, or given in another shape.

A ClinicalTrials.gov study was about the trial of every value read under the key
`identificationModule.nctId`, anywhere in it, and was about no one trial when it named two. A study
of NCT09000011 whose nctId was given as a list, [NCT09000011, NCT03030976], so became no one trial's,
and its nct_id place held each id whole: a draft of NCT03030976 citing it as REGISTRY_JSON passed
`trials check` with the other trial's title, status and enrolment, and trials.csv and the site told
readers they came from the registry's record of NCT03030976. So did one value given as several
(a status, a title, a site's city as a list: a record could take any of them) and the criteria, read
from the first text under `eligibilityModule.eligibilityCriteria`, which an object before
protocolSection could hold. A study's values are now read at their own paths, in the shapes the
API gives them (ctgov_study.study_id, ctgov_study._shaped): a study without one NCT id of its own is none.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, Trials, add_source, put
from sle_trials.reading import layouts

STUDY: dict[str, Any] = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
OTHER = "NCT03030976"  # a stub of the registry, whose record the study is made to vouch for
DRAFT = f"""\
nct_id: {OTHER}
brief_title: Anti-CD19 CAR-T Cells Versus Standard Therapy in Refractory Lupus Nephritis
curation:
  status: draft
  sources:
    - file: seeds/943_two_ids.json
      kind: REGISTRY_JSON
      as_of: "2025-03-06"
overall_status: COMPLETED
evidence:
  nct_id: "identificationModule.nctId: {OTHER}"
  brief_title: >-
    identificationModule.briefTitle: Anti-CD19 CAR-T Cells Versus Standard Therapy in Refractory Lupus Nephritis
  curation.sources.0.as_of: "lastUpdatePostDateStruct.date: 2025-03-06"
  overall_status: "statusModule.overallStatus: COMPLETED"
"""


def _study(**at: Any) -> dict[str, Any]:
    """The fixture study with values set at dotted paths under protocolSection (or at the top, "/x")."""
    doc = copy.deepcopy(STUDY)
    for dotted, value in at.items():
        node = doc if dotted.startswith("/") else doc["protocolSection"]
        *parents, last = dotted.strip("/").split(".")
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node[last] = value
    return doc


def _read(doc: dict[str, Any]) -> layouts.SourceDoc:
    return layouts.read("seeds/x.json", json.dumps(doc).encode())


def test_a_study_given_two_ids_vouches_for_no_other_trials_record(registry: Path, trials: Trials) -> None:
    two_ids = _study(**{"identificationModule.nctId": ["NCT09000011", OTHER]})
    add_source(registry, "seeds/943_two_ids.json", json.dumps(two_ids))
    put(registry, f"trials/{OTHER}.yaml", DRAFT)
    result = trials("validate", registry / f"trials/{OTHER}.yaml")
    assert result.status == 1, result.out
    assert "E516 curation.sources.0.kind: a REGISTRY_JSON source is a ClinicalTrials.gov study JSON" in result.out


@pytest.mark.parametrize("ids", [["NCT09000011", OTHER], {"id": "NCT09000011"}, 9000011, "NCT0900001", None])
def test_a_study_without_one_id_of_its_own_is_no_study(ids: object) -> None:
    doc = _read(_study(**{"identificationModule.nctId": ids}))
    assert (doc.layout, doc.subject) == (layouts.PLAIN, None)


def test_an_id_under_another_key_leaves_the_study_its_own() -> None:
    doc = _read(_study(**{"/annotations": {"identificationModule": {"nctId": OTHER}}}))
    assert (doc.layout, doc.subject) == ("ctgov_json", "NCT09000011")


def test_the_criteria_are_the_studys_own_not_an_earlier_keys() -> None:
    criteria = "Inclusion Criteria:\n\n* Decoy\n\nExclusion Criteria:\n\n* None"
    decoy = {"eligibilityModule": {"eligibilityCriteria": criteria}}
    doc = _read({"annotations": decoy, **_study()})
    assert "Decoy" not in {item.text for item in doc.criteria["inclusion_criteria"]}
    assert doc.criteria == _read(_study()).criteria


def test_a_title_given_as_several_states_no_product() -> None:
    titles = ["Anti-CD19 CAR-T Cells", "Anti-BCMA CAR-T Cells"]
    product = _read(_study(**{"identificationModule.briefTitle": titles})).places["cell_product"]
    assert not any("BCMA" in p.text for p in product)


@pytest.mark.parametrize(
    ("field", "at", "odd"),
    [
        ("overall_status", "statusModule.overallStatus", ["COMPLETED", "RECRUITING"]),
        ("brief_title", "identificationModule.briefTitle", ["A", "B"]),
        ("phases", "designModule.phases", [["PHASE1"], "PHASE2"]),
        ("enrollment", "designModule.enrollmentInfo", [{"count": 24}, {"count": 6}]),
        ("dates.start", "statusModule.startDateStruct", {"date": ["2021-02-15", "2020-01-01"]}),
        ("locations.city", "contactsLocationsModule.locations.1.city", ["Erlangen", "Ohio"]),
    ],
)
def test_a_value_given_in_another_shape_states_nothing(field: str, at: str, odd: object) -> None:
    stated = {p.text for p in _read(_study()).places[field]}
    assert stated  # the fixture states it
    assert {p.text for p in _read(_study(**{at: odd})).places[field]} < stated
