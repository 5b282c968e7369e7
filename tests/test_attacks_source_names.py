"""Pull-request attacks on how a source is read: a ClinicalTrials.gov study under a name of its choosing.

A source was read as JSON only when its name ended in `.json`; the name is the pull request's to
choose. A study as the API gives it, saved as `seeds/950_study.txt` and listed with its sha256 (the
API's answer's: a reviewer who fetches the study finds that very hash), was read as plain text,
where a quote may stand anywhere, and could be cited as a REGISTRY_COPY, since a kind is held to a
layout the source reads as: a draft giving the study's CAR-T product the target antigen CD20, quoted
from its comparator arm ("Rituximab, an anti-CD20 antibody"), passed `trials validate`, where the
same bytes as `.json` are refused (E512). A page of studies was read whole the same way. A study, or
a page of them, is now read as JSON whatever its name (layouts.source_json), so such a source is a
ctgov_json document: its kind is REGISTRY_JSON (E516) and a value is read at its own place (E512).
The site shows it as the `key: value` lines the checks read.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, Trials, add_source, put
from sle_trials.outputs.site import highlight
from sle_trials.reading import layouts

COMPARATOR = "Rituximab, an anti-CD20 antibody, as chosen by the investigator."


def _study() -> str:
    """The fixture study (NCT09000011) with its comparator arm described as many a CAR-T study's is."""
    doc = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    doc["protocolSection"]["armsInterventionsModule"]["armGroups"][1]["description"] = COMPARATOR
    return json.dumps(doc, indent=2) + "\n"


DRAFT = """\
nct_id: NCT09000011
brief_title: Anti-CD19 CAR-T Cells Versus Standard Therapy in Refractory Lupus Nephritis
curation:
  status: draft
  sources:
    - file: seeds/950_study.txt
      kind: REGISTRY_COPY
      as_of: "2025-03-06"
overall_status: COMPLETED
cell_product:
  target_antigens:
    - CD20
evidence:
  nct_id: NCT09000011
  curation.sources.0.as_of: '"lastUpdatePostDateStruct": { "date": "2025-03-06"'
  overall_status: '"overallStatus": "COMPLETED"'
  cell_product.target_antigens: Rituximab, an anti-CD20 antibody
"""


def test_a_study_saved_under_another_name_is_read_as_the_study(registry: Path, trials: Trials) -> None:
    add_source(registry, "seeds/950_study.txt", _study())
    put(registry, "trials/NCT09000011.yaml", DRAFT)
    result = trials("validate", registry / "trials" / "NCT09000011.yaml")
    assert result.status == 1, result.out
    assert (
        "E516 curation.sources.0.kind: seeds/950_study.txt is a ClinicalTrials.gov study JSON: "
        "its kind is REGISTRY_JSON, not REGISTRY_COPY"
    ) in result.out
    assert "E512 evidence for cell_product.target_antigens" in result.out, result.out
    assert "(a ClinicalTrials.gov study JSON)" in result.out and "ctgov_json" not in result.out  # the docs' words


def test_a_study_or_a_page_of_studies_is_json_whatever_its_name() -> None:
    study = _study()
    for name in ("seeds/study.txt", "seeds/study", "seeds/study.JSON"):
        doc = layouts.read(name, ("\ufeff\n" + study).encode("utf-8"))
        assert (doc.layout, doc.kind, doc.subject) == ("ctgov_json", "REGISTRY_JSON", "NCT09000011")
    page = json.dumps({"studies": [json.loads(study)]})
    doc = layouts.read("seeds/page.txt", page.encode("utf-8"))
    assert doc.layout == layouts.PLAIN and [p.subject for p in doc.parts] == ["NCT09000011"]
    as_json = highlight.shown_text("seeds/study.json", study.encode("utf-8"))
    assert highlight.shown_text("seeds/study.txt", study.encode("utf-8")) == as_json  # the site shows what is read
    assert "overallStatus: COMPLETED" in as_json
    assert len(highlight.study_texts("seeds/page.txt", page.encode("utf-8"))) == 1


def test_other_json_under_another_name_is_still_text() -> None:
    for text in ('{"note": "Enrollment: 24 participants"}', "[1, 2]", "{not json", "Plain text {x}"):
        doc = layouts.read("seeds/note.txt", text.encode("utf-8"))
        assert (doc.layout, doc.text) == (layouts.PLAIN, text)
        assert highlight.shown_text("seeds/note.txt", text.encode("utf-8")) == text
