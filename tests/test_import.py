"""trials import ctgov: a ClinicalTrials.gov API v2 study JSON becomes a draft record that passes check."""

from __future__ import annotations

import copy
import csv
import gzip
import hashlib
import io
import json
import re
import sqlite3
import zipfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from conftest import FIXTURES, Trials, edit, record_data, snapshot
from sle_trials.checks import load
from sle_trials.curate import importing
from sle_trials.curate.ctgov import builder
from sle_trials.problem import Problem
from sle_trials.reading import criteria_text, layouts

pytestmark = pytest.mark.long  # handed to a worker before the short modules (conftest.py)

CTGOV = FIXTURES / "ctgov"
STUDIES = {
    "completed_phase2_randomised.json": "NCT09000011",
    "withdrawn_enrollment_0.json": "NCT09000022",
    "observational_followup.json": "NCT09000033",
    "old_partial_dates.json": "NCT09000044",
}


def study(name: str) -> dict:
    return json.loads((CTGOV / name).read_text(encoding="utf-8"))


def record(root: Path, nct_id: str) -> dict:
    loaded, problems = load.load(root / "trials" / f"{nct_id}.yaml", nct_id)
    assert loaded is not None, problems
    return loaded.data


def write_json(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(STUDIES))
def test_imported_record_passes_check_with_no_edits(trials: Trials, registry: Path, name: str) -> None:
    nct_id = STUDIES[name]
    result = trials("import", "ctgov", CTGOV / name)
    assert result.status == 0, result.out + result.err
    assert f"trials/{nct_id}.yaml: written from seeds/ctgov_{nct_id}_" in result.out
    assert trials("check").status == 0
    # written in canonical form (the records it was imported beside: test_fmt.py)
    assert trials("fmt", "--check", registry / "trials" / f"{nct_id}.yaml").status == 0
    data = record(registry, nct_id)
    assert data["curation"]["status"] == "draft"  # until a curator reviews it
    row = next(
        r
        for r in csv.DictReader(io.StringIO((registry / "trials.csv").read_text(encoding="utf-8")))
        if r["nct_id"] == nct_id
    )
    assert row["curation_status"] == "draft"  # and the table says so
    # the JSON is kept byte for byte as the record's source, listed in SHA256SUMS
    source = data["curation"]["sources"][0]
    assert source["kind"] == "REGISTRY_JSON"
    assert source["as_of"] == study(name)["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"]
    copied = (registry / source["file"]).read_bytes()
    assert copied == (CTGOV / name).read_bytes()
    sums = (registry / "seeds" / "SHA256SUMS").read_text(encoding="utf-8")
    assert f"{hashlib.sha256(copied).hexdigest()}  {source['file'].removeprefix('seeds/')}\n" in sums
    # every structured value has its evidence; every absent field is accounted for
    rows = {r["nct_id"]: r for r in trials.json("coverage").json()["records"]}
    assert rows[nct_id]["bound_share"] == 1.0, rows[nct_id]["values"]
    assert rows[nct_id]["fields"]["unexplained"] == []
    # what a curator reads from the text, and what the import left out of a value the source states
    # (an old-style responsible party): each of those with a note on it saying what and why
    left = set(rows[nct_id]["fields"]["not_yet_curated"]) - set(builder.NOT_YET_CURATED)
    noted = {n["field"] for n in data["curation"].get("notes", []) if "left" in n["text"]}
    assert left <= noted, (left, noted)
    # the fixtures' only such values: an old-style responsible party, an exclusion list saying "None"
    assert left <= {"responsible_party", "eligibility.exclusion_criteria"}


def test_completed_randomised_phase_2(trials: Trials, registry: Path) -> None:
    assert trials("import", "ctgov", CTGOV / "completed_phase2_randomised.json").status == 0
    data = record(registry, "NCT09000011")
    assert data["acronym"] == "CARLN-2"
    assert data["overall_status"] == "COMPLETED"
    assert data["phases"] == ["PHASE2"]
    assert data["design"] == {
        "allocation": "RANDOMIZED",
        "intervention_model": "PARALLEL",
        "primary_purpose": "TREATMENT",
        "masking": "DOUBLE",
    }
    assert data["enrollment"] == {"count": 24, "type": "ACTUAL"}
    assert data["dates"]["start"] == {"date": "2021-02-15", "type": "ACTUAL"}
    assert data["dates"]["first_submitted"] == {"date": "2020-11-02"}
    assert data["results_posted"] is True
    assert data["keywords"] == ["CAR-T", "CD19", "lupus nephritis"]  # the repeated CD19 once, with a note
    assert any(n["field"] == "keywords" for n in data["curation"]["notes"])
    # "Biological: Anti-CD19 CAR-T cells" names the intervention "Anti-CD19 CAR-T cells"
    assert data["arms"][0]["intervention_names"] == ["Anti-CD19 CAR-T cells", "Fludarabine", "Cyclophosphamide"]
    assert data["interventions"][3] == {
        "name": "Mycophenolate mofetil",
        "type": "DRUG",
        "other_names": ["CellCept", "MMF"],
    }
    assert data["eligibility"]["minimum_age"] == {"value": 18, "unit": "YEARS"}
    inclusion = data["eligibility"]["inclusion_criteria"]
    assert [c.get("number") for c in inclusion] == [1, 2, 3, 4, 5]
    assert inclusion[2]["sub_criteria"] == [
        {"text": "urine protein-to-creatinine ratio ≥ 1.0 g/g, and"},
        {"text": "eGFR ≥ 30 mL/min/1.73 m²"},
    ]
    assert [c["number"] for c in inclusion[3]["sub_criteria"]] == [1, 2]
    assert inclusion[4]["text"] == "Body weight > 40 kg."  # the markdown escape "\>" removed
    assert [c["number"] for c in data["eligibility"]["exclusion_criteria"]] == [1, 2, 3, 4]
    assert data["identifiers"] == {
        "org_study_id": "CART-LN-201",
        "secondary_ids": [{"id": "2020-004512-33", "type": "EUDRACT_NUMBER"}, {"id": "R01AR078812", "type": "NIH"}],
    }
    assert data["references"][0]["pmid"] == "39012345" and data["references"][0]["type"] == "RESULT"
    assert data["locations"][1] == {
        "facility": "Universitätsklinikum Erlangen",
        "city": "Erlangen",
        "country": "Germany",
    }
    assert data["responsible_party"]["name"] == "Helena Marsh"
    assert data["evidence"]["enrollment"] == "enrollmentInfo.count: 24 enrollmentInfo.type: ACTUAL"
    assert data["evidence"]["eligibility.minimum_age"] == "eligibilityModule.minimumAge: 18 Years"
    assert data["evidence"]["dates.start"] == "startDateStruct.date: 2021-02-15 startDateStruct.type: ACTUAL"
    assert "detailedDescription" not in (registry / "trials" / "NCT09000011.yaml").read_text(encoding="utf-8")


def test_withdrawn_trial_with_enrollment_0_and_an_untyped_date(trials: Trials, registry: Path) -> None:
    assert trials("import", "ctgov", CTGOV / "withdrawn_enrollment_0.json").status == 0
    data = record(registry, "NCT09000022")
    assert data["overall_status"] == "WITHDRAWN"
    assert data["enrollment"] == {"count": 0, "type": "ACTUAL"}
    assert data["dates"]["start"] == {"date": "2024-09"}  # the JSON gives no type: none is invented
    assert data["evidence"]["dates.start"] == "startDateStruct.date: 2024-09"
    assert data["design"]["intervention_model"] == "SEQUENTIAL"
    assert data["responsible_party"] == {"type": "SPONSOR"}
    assert "locations" not in data and "locations" in data["curation"]["silent"]
    assert [c["text"] for c in data["eligibility"]["inclusion_criteria"]][
        0
    ] == "Meets the 2019 EULAR/ACR classification criteria for SLE"


def test_observational_study(trials: Trials, registry: Path) -> None:
    assert trials("import", "ctgov", CTGOV / "observational_followup.json").status == 0
    data = record(registry, "NCT09000033")
    assert data["study_type"] == "OBSERVATIONAL"
    assert data["design"] == {"observational_model": "COHORT", "time_perspective": "PROSPECTIVE"}
    assert "phases" not in data and "phases" in data["curation"]["silent"]
    assert data["enrollment"] == {"count": 150, "type": "ESTIMATED"}
    assert data["arms"] == [
        {
            "label": "CAR-T treated patients",
            "description": data["arms"][0]["description"],
            "intervention_names": ["CD19 CAR-T cells"],
        }
    ]  # no arm type in the JSON
    assert "maximum_age" not in data["eligibility"]
    text = (registry / "trials" / "NCT09000033.yaml").read_text(encoding="utf-8")
    assert "ltfu@example.org" not in text and "+49" not in text  # contact details are not imported


def test_old_record_with_partial_dates(trials: Trials, registry: Path) -> None:
    assert trials("import", "ctgov", CTGOV / "old_partial_dates.json").status == 0
    data = record(registry, "NCT09000044")
    assert data["dates"]["start"] == {"date": "2009-03"}
    assert data["dates"]["primary_completion"] == {"date": "2011-12", "type": "ESTIMATED"}
    assert data["overall_status"] == "UNKNOWN"
    assert data["phases"] == ["PHASE1", "PHASE2"]
    assert data["enrollment"] == {"count": 20}
    assert "enrollment.type" in data["curation"]["silent"]
    assert "arms" not in data and "responsible_party" not in data  # an old-style responsible party has no type or name
    assert (
        data["eligibility"]["inclusion_criteria"][2]["text"]
        == "Persistently active disease (SLEDAI > 7) despite cyclophosphamide given for at least 6 months"
    )
    assert data["curation"]["sources"][0]["as_of"] == "2010-05-14"


def test_fields_the_json_lacks_stay_absent(trials: Trials, registry: Path, tmp_path: Path) -> None:
    doc = study("completed_phase2_randomised.json")
    del doc["protocolSection"]["identificationModule"]["acronym"]
    del doc["protocolSection"]["designModule"]["enrollmentInfo"]
    del doc["protocolSection"]["statusModule"]["completionDateStruct"]
    del doc["hasResults"]
    del doc["protocolSection"]["statusModule"]["resultsFirstPostDateStruct"]  # which states results were posted
    assert trials("import", "ctgov", write_json(tmp_path / "s.json", doc)).status == 0
    data = record(registry, "NCT09000011")
    for name in ("acronym", "enrollment", "results_posted"):
        assert name not in data and name not in data["evidence"] and name in data["curation"]["silent"]
    assert "completion" not in data["dates"] and "dates.completion" in data["curation"]["silent"]


def test_page_of_studies_gives_one_record_per_study(trials: Trials, registry: Path, tmp_path: Path) -> None:
    page = {
        "studies": [study("withdrawn_enrollment_0.json"), study("observational_followup.json")],
        "nextPageToken": "NF0g5JKJlPwt",
    }
    result = trials("import", "ctgov", write_json(tmp_path / "page.json", page))
    assert result.status == 0, result.out + result.err
    a, b = record(registry, "NCT09000022"), record(registry, "NCT09000033")
    assert a["curation"]["sources"][0]["file"] == b["curation"]["sources"][0]["file"]  # one file, cited by both
    assert a["curation"]["sources"][0]["as_of"] == "2025-06-12" and b["curation"]["sources"][0]["as_of"] == "2025-09-03"
    assert trials("check").status == 0


def test_a_title_changed_by_one_character_is_caught_against_the_json(trials: Trials, registry: Path) -> None:
    assert trials("import", "ctgov", CTGOV / "completed_phase2_randomised.json").status == 0
    file = registry / "trials" / "NCT09000011.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("Versus Standard Therapy", "Versus Standard Therapies"),
        encoding="utf-8",
    )
    result = trials("validate", file)
    assert result.status == 1
    assert (
        "E501 brief_title: text not found in the cited source; nearest is seeds/ctgov_NCT09000011_2025-03-06.json"
        in result.out
    )
    assert 'the source has "… CAR-T Cells Versus Standard Therapy in Refractory Lupus Nephritis"' in result.out


def test_json_source_text_is_its_values_under_their_keys() -> None:
    """A JSON source reads as "key: value" lines, the key the last two object keys of the value's
    path, so that a quote names what it quotes ("statusModule.overallStatus: RECRUITING")."""
    doc = {"a": {"title": "Caf\u00e9\r\nline\u200b two", "n": 24, "ok": False, "none": None}, "list": ["X", 1.5]}
    assert layouts.json_lines(doc) == [
        ("a.title", "Café\nline two"),
        ("a.n", "24"),
        ("a.ok", "false"),
        ("list", "X"),
        ("list", "1.5"),
    ]
    assert layouts.json_text(doc) == "a.title: Café line two a.n: 24 a.ok: false list: X list: 1.5"
    assert (
        layouts.json_text({"count": 6, "type": "ACTUAL"}, "enrollmentInfo")
        == "enrollmentInfo.count: 6 enrollmentInfo.type: ACTUAL"
    )


def test_criteria_numbering_that_restarts_is_nested_under_the_item_above() -> None:
    text = (
        "Inclusion Criteria:\n\n1. Adults\n2. Treated with steroids, as follows:\n1. prednisone ≥ 7.5 mg/day\n"
        "2. stable for 2 weeks\n3. no change in the last week\n3. Signed consent\n\n"
        "Exclusion Criteria:\n\n* Pregnancy\n"
    )
    inclusion, exclusion, remarks = criteria_text.split_criteria(text)
    assert [(c["number"], c["text"]) for c in inclusion] == [
        (1, "Adults"),
        (2, "Treated with steroids, as follows:"),
        (3, "Signed consent"),
    ]
    assert [c["number"] for c in inclusion[1]["sub_criteria"]] == [1, 2, 3]
    assert exclusion == [{"text": "Pregnancy"}] and remarks == []


def test_a_heading_for_a_part_of_the_study_starts_a_group() -> None:
    text = (
        "Inclusion Criteria for Part A:\n\n1. Adults\n2. Active SLE\n\nInclusion Criteria for Part B:\n\n"
        "1. Adolescents\n2. Active SLE\n\nExclusion Criteria:\n\n1. Pregnancy\n"
    )
    inclusion, exclusion, remarks = criteria_text.split_criteria(text)
    assert inclusion == [
        {"number": 1, "group": "Inclusion Criteria for Part A", "text": "Adults"},
        {"number": 2, "group": "Inclusion Criteria for Part A", "text": "Active SLE"},
        {"number": 1, "group": "Inclusion Criteria for Part B", "text": "Adolescents"},
        {"number": 2, "group": "Inclusion Criteria for Part B", "text": "Active SLE"},
    ]  # nothing dropped
    assert exclusion == [{"number": 1, "text": "Pregnancy"}] and remarks == []


@pytest.mark.parametrize(
    "text, inclusion, exclusion",
    [
        ("**Inclusion Criteria:**\n\n* Adults\n\n**Exclusion Criteria:**\n\n* Pregnancy", ["Adults"], ["Pregnancy"]),
        ("INCLUSION CRITERIA\n- Adults\nEXCLUSION CRITERIA\n- Pregnancy", ["Adults"], ["Pregnancy"]),
        ("Inclusion Criteria: Adults with SLE\n\nExclusion Criteria: None", ["Adults with SLE"], ["None"]),
        (
            "Inclusion Criteria:\n\n* Inclusion criteria of the parent study met\n\nExclusion Criteria:\n\n* None",
            ["Inclusion criteria of the parent study met"],
            ["None"],
        ),
    ],
)
def test_criteria_headings_as_registries_write_them(text: str, inclusion: list, exclusion: list) -> None:
    got_in, got_ex, _ = criteria_text.split_criteria(text)
    assert [c["text"] for c in got_in] == inclusion and [c["text"] for c in got_ex] == exclusion


def test_criteria_without_headings_are_left_for_the_curator(trials: Trials, registry: Path, tmp_path: Path) -> None:
    doc = study("withdrawn_enrollment_0.json")
    doc["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = (
        "Adults with active SLE despite standard therapy."
    )
    assert trials("import", "ctgov", write_json(tmp_path / "s.json", doc)).status == 0
    data = record(registry, "NCT09000022")
    assert "inclusion_criteria" not in data["eligibility"]
    assert {"eligibility.inclusion_criteria", "eligibility.exclusion_criteria"} <= set(
        data["curation"]["not_yet_curated"]
    )
    assert any("no 'Inclusion Criteria'" in n["text"] for n in data["curation"]["notes"])
    assert not set(data["curation"].get("silent", [])) & {
        "eligibility",
        "eligibility.inclusion_criteria",
        "eligibility.exclusion_criteria",
    }  # never declared silent
    assert trials("check").status == 0


def test_repeated_criteria_are_kept_once() -> None:
    inclusion, _, remarks = criteria_text.split_criteria(
        "Inclusion Criteria:\n\n* Adults\n* Signed consent\n* adults\n"
    )
    assert [c["text"] for c in inclusion] == ["Adults", "Signed consent"]
    assert remarks == ["Inclusion criteria: the source repeats 'adults'; kept once."]


def test_wrapped_lines_and_indented_paragraphs() -> None:
    text = (
        "Inclusion Criteria:\n\n* Active disease despite\n  two standard therapies\n\n"
        "  Standard therapy means steroids.\n* Adults\n"
    )
    inclusion, _, _ = criteria_text.split_criteria(text)
    assert inclusion == [
        {
            "text": "Active disease despite two standard therapies",
            "sub_criteria": [{"text": "Standard therapy means steroids."}],
        },
        {"text": "Adults"},
    ]


# --- bad input: a clear message, exit 1 or 2, nothing written --------------------------------------


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"protocolSection": {"identificationModule": {"nctId": "NCT09000011",}}}', "s.json:1:70: not valid JSON"),
        ("", "s.json:1:1: not valid JSON"),
        # numbers JSON has none of, which json.loads reads: an enrollment count of NaN was left out with a
        # note writing "nan", and a NaN in a string is text
        (
            '{"protocolSection": {"designModule": {"enrollmentInfo": {"count": NaN}}, "x": "NaN"}}',
            "s.json:1:67: not valid JSON: NaN is no JSON number",
        ),
        ('{"x": "Infinity",\n "count": -Infinity}', "s.json:2:11: not valid JSON: -Infinity is no JSON number"),
        ('{"count": Infinity}', "s.json:1:11: not valid JSON: Infinity is no JSON number"),
        ('{"studies": []}', "the page holds no studies"),
        ('{"nctId": "NCT09000011", "briefTitle": "A study"}', "not a ClinicalTrials.gov study: no protocolSection"),
        ("[1, 2, 3]", "not a ClinicalTrials.gov study"),
        ('{"protocolSection": {"identificationModule": {"nctId": "NCT0900001"}}}', "'NCT0900001', not an NCT id"),
        (
            '{"protocolSection": {"identificationModule": {"nctId": "NCT09000011"}}}',
            "the study has neither briefTitle nor officialTitle",
        ),
        (
            '{"protocolSection": {"identificationModule": {"nctId": "NCT09000011", "briefTitle": "A study"}}}',
            "lastUpdatePostDateStruct.date is missing",
        ),
        (  # a lone surrogate escape, which json reads and no YAML (nor UTF-8) holds: before, an E007 on the
            # record the import itself wrote, naming nothing of the study
            '{"protocolSection": {"identificationModule": {"nctId": "NCT09000011", "briefTitle": "A \\ud800 study"}}}',
            "s.json: protocolSection.identificationModule.briefTitle holds the escape \\ud800 alone",
        ),
        (
            '{"protocolSection": {"identificationModule": {"nctId": "NCT09000011", "briefTitle": "A"}}, "\\udc00": 1}',
            "s.json: \\udc00 holds the escape \\udc00 alone",
        ),
        (  # in a list, the one walk of the document (layouts.json_nodes) giving its place
            '{"protocolSection": {"identificationModule": {"nctId": "NCT09000011", "briefTitle": "A"}}, '
            '"x": [{"y": ["a", "\\udfff"]}]}',
            "s.json: x[0].y[1] holds the escape \\udfff alone",
        ),
    ],
)
def test_bad_input_writes_nothing(trials: Trials, registry: Path, tmp_path: Path, content: str, message: str) -> None:
    source = tmp_path / "s.json"
    source.write_text(content, encoding="utf-8")
    before = snapshot(registry)
    result = trials("import", "ctgov", source)
    assert result.status == 1
    assert message in result.err and "nothing written" in result.err
    assert snapshot(registry) == before


def test_invalid_utf8_is_refused(trials: Trials, registry: Path, tmp_path: Path) -> None:
    source = tmp_path / "s.json"
    source.write_bytes(b'{"a": "\xff"}')
    result = trials("import", "ctgov", source)
    assert result.status == 1 and "not UTF-8 text" in result.err


def _zipped(raw: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("ctg-studies.json", raw)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "pack", "said"),
    [
        ("study.json.gz", gzip.compress, "a gzip-compressed file, not the JSON it holds: decompress it (gunzip)"),
        ("ctg-studies.zip", _zipped, "a ZIP archive, not the JSON it holds: unzip it and import the JSON file"),
        (
            "study.json",
            lambda raw: raw.decode().encode("utf-16"),
            "UTF-16 text (as Windows PowerShell's `>` saves the API's answer): save it as UTF-8",
        ),
    ],
)
def test_a_study_compressed_archived_or_in_utf16_is_refused_saying_what_to_do(
    trials: Trials, registry: Path, tmp_path: Path, name: str, pack: Callable[[bytes], bytes], said: str
) -> None:
    """A real study (NCT06131398) as a curator may save it: gzip-compressed, in a ZIP archive, or written
    by Windows PowerShell's `>` (UTF-16 with a byte order mark). Before, each was refused as "not UTF-8
    text (byte 0x8B at offset 1); expected a JSON file", which says neither what the file is nor what to do."""
    source = tmp_path / name
    source.write_bytes(pack((FIXTURES / "ctgov" / "real" / "NCT06131398.json").read_bytes()))
    before = snapshot(registry)
    result = trials("import", "ctgov", source)
    assert result.status == 1
    assert result.err.startswith(f"trials import: {name}: {said}") and result.err.endswith("; nothing written\n")
    assert snapshot(registry) == before


@pytest.mark.parametrize(
    "argv, message",
    [
        (["import", "ctgov", "missing.json"], "cannot read missing.json"),
        # an id mistyped is no file either: said as what it is meant to be, not "No such file" alone
        (["import", "ctgov", "NCT123"], "NCT123: no such file, and no NCT id as written: an NCT id is NCT and 8"),
        (
            ["import", "ctgov", "nct06513429"],
            "nct06513429: no such file, and no NCT id as written: did you mean NCT0651",
        ),
        (["import", "ctgov", "NCT-06513429"], "did you mean NCT06513429?"),
        (
            ["import", "ctgov", str(CTGOV / "completed_phase2_randomised.json"), "--update"],
            "no trials/NCT09000011.yaml to update (unknown id NCT09000011)",
        ),
        (["import", "clinicaltrialsregister", str(CTGOV / "completed_phase2_randomised.json")], "invalid choice"),
    ],
)
def test_usage_errors(trials: Trials, registry: Path, argv: list[str], message: str) -> None:
    before = snapshot(registry)
    result = trials.raw([*argv, "--root", str(registry)])
    assert result.status == 2 and message in result.err
    assert snapshot(registry) == before


def test_a_saved_study_named_like_an_id_is_imported_as_the_file(trials: Trials, registry: Path) -> None:
    """A target that is a file is read as one, whatever its name looks like (a saved answer kept as
    "nct09000011"): only a name that is no file is taken as a mistyped id."""
    saved = registry / "nct09000011"
    saved.write_bytes((CTGOV / "completed_phase2_randomised.json").read_bytes())
    result = trials("import", "ctgov", "nct09000011", "--out-of-scope", "a test study")
    assert result.status == 0, result.err
    assert (registry / "trials" / "NCT09000011.yaml").exists()


def test_an_existing_record_is_not_overwritten(trials: Trials, registry: Path) -> None:
    assert trials("import", "ctgov", CTGOV / "completed_phase2_randomised.json").status == 0
    before = snapshot(registry)
    # the same import again finds everything in place (what completes an interrupted one): no change
    again = trials("import", "ctgov", CTGOV / "completed_phase2_randomised.json")
    assert again.status == 0 and "trials/NCT09000011.yaml: already written from seeds/" in again.out
    assert snapshot(registry) == before
    file = registry / "trials" / "NCT09000011.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("status: draft", "status: stub"), encoding="utf-8")
    before = snapshot(registry)
    result = trials("import", "ctgov", CTGOV / "completed_phase2_randomised.json")
    assert result.status == 2 and "trials/NCT09000011.yaml exists; use --update" in result.err
    assert snapshot(registry) == before


# --- --update ---------------------------------------------------------------------------------------


def _older_version(tmp_path: Path) -> Path:
    """The completed study as the registry showed it in 2022: recruiting, 20 planned, one criterion
    worded differently."""
    doc = study("completed_phase2_randomised.json")
    status = doc["protocolSection"]["statusModule"]
    status["overallStatus"] = "RECRUITING"
    status["completionDateStruct"] = {"date": "2024-08", "type": "ESTIMATED"}
    status["lastUpdatePostDateStruct"] = {"date": "2022-06-01", "type": "ACTUAL"}
    doc["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": 20, "type": "ESTIMATED"}
    doc["hasResults"] = False
    eligibility = doc["protocolSection"]["eligibilityModule"]
    eligibility["eligibilityCriteria"] = eligibility["eligibilityCriteria"].replace(
        "Pregnant or breastfeeding women.", "Pregnant women."
    )
    return write_json(tmp_path / "NCT09000011-2022.json", doc)


def _curate(file: Path) -> None:
    """What a curator adds to the imported record; an update must keep all of it."""
    edits = [
        (
            "  notes:\n",
            "  notes:\n    - field: enrollment\n"
            "      text: The sponsor's press release gives another count; the registry is followed.\n",
        ),
        ("    - cell_product\n", ""),
        ("    - eligibility.thresholds\n", ""),
        (
            "arms:\n",
            "cell_product:\n  name: Anti-CD19 CAR-T cells\n  target_antigens:\n    - CD19\n"
            "# Arms checked against the protocol synopsis.\narms:\n",
        ),
        (
            "      text: Body weight > 40 kg.\n",
            "      text: Body weight > 40 kg.\n      # kg as the registry writes it\n",
        ),
        (
            "sponsor:\n",
            "  thresholds:\n    - kind: BODY_WEIGHT\n      criterion: {list: INCLUSION, number: 5}\n"
            '      measure: Body weight\n      comparator: ">"\n      value: 40\n      unit: kg\nsponsor:\n',
        ),
        (
            "evidence:\n",
            "evidence:\n  eligibility.thresholds.0: 5. Body weight > 40 kg.  # quoted from the criteria\n"
            '  cell_product.target_antigens: "interventions.name: Anti-CD19 CAR-T cells"\n',
        ),
    ]
    text = file.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")


def test_an_update_that_rewords_a_quoted_criterion_says_what_to_do(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """The new JSON rewords the criterion a curated threshold quotes: the update would leave the quote
    standing only in the older JSON, which the newer one supersedes (E534; E513 before that check).
    It stopped with "nothing written" and no advice, and the threshold cannot be fixed first (the new
    JSON is not cited yet); it now says what works, and that does work."""
    assert trials("import", "ctgov", _older_version(tmp_path)).status == 0
    file = registry / "trials" / "NCT09000011.yaml"
    _curate(file)
    assert trials("fmt", file).status == 0 and trials("csv").status == 0
    doc = study("completed_phase2_randomised.json")
    eligibility = doc["protocolSection"]["eligibilityModule"]
    eligibility["eligibilityCriteria"] = eligibility["eligibilityCriteria"].replace(
        "Body weight \\> 40 kg.", "Body weight of more than 40 kg."
    )
    newer = write_json(tmp_path / "NCT09000011-2025.json", doc)
    result = trials("import", "ctgov", newer, "--update")
    assert result.status == 1 and " E534 " in result.out, result.out + result.err
    assert "take it out of the record with its evidence, list its field under curation.not_yet_curated" in result.err
    text = file.read_text(encoding="utf-8")  # the threshold and its evidence taken out, its field listed
    start = text.index("  thresholds:\n")
    text = text[:start] + text[text.index("\n", text.index("unit: kg", start)) + 1 :]
    text = "".join(line for line in text.splitlines(True) if not line.startswith("  eligibility.thresholds.0:"))
    text = text.replace("  not_yet_curated:\n", "  not_yet_curated:\n    - eligibility.thresholds\n")
    file.write_text(text, encoding="utf-8")
    assert trials("import", "ctgov", newer, "--update").status == 0


@pytest.mark.parametrize(
    ("code", "path", "advised"),
    [
        ("E513", "trials/NCT09000011.yaml", True),  # a threshold of the record the update rewrote
        ("E534", "trials/NCT09000011.yaml", True),  # ... whose quote stands in the older JSON alone
        ("E512", "trials/NCT09000011.yaml", False),  # a name out of place: no threshold to take out
        ("E502", "trials/NCT09000011.yaml", False),
        ("E513", "trials/NCT09000012.yaml", False),  # a record the update did not touch
    ],
)
def test_the_stale_quote_advice_is_given_for_a_reworded_threshold_alone(code: str, path: str, advised: bool) -> None:
    """The advice to take a threshold out and list eligibility.thresholds as not yet curated is for a
    curated threshold whose criterion the new JSON rewords (E513); any E5xx of an updated record got it."""
    problems = [Problem(path, 1, 1, code, "a problem")]
    assert bool(importing.stale_quotes(problems, {"trials/NCT09000011.yaml"})) == advised


def test_update_applies_only_the_changes_and_keeps_curated_extras(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    assert trials("import", "ctgov", _older_version(tmp_path)).status == 0
    file = registry / "trials" / "NCT09000011.yaml"
    _curate(file)
    assert trials("fmt", file).status == 0
    assert trials("csv").status == 0  # valid, and the summary table follows
    before = file.read_text(encoding="utf-8")

    result = trials("import", "ctgov", CTGOV / "completed_phase2_randomised.json", "--update")
    assert result.status == 0, result.out + result.err
    shown = result.out
    assert "trials/NCT09000011.yaml: overall_status RECRUITING → COMPLETED" in shown
    assert "enrollment 20 (ESTIMATED) → 24 (ACTUAL)" in shown
    assert "dates.completion 2024-08 (ESTIMATED) → 2024-08-31 (ACTUAL)" in shown
    assert "1 exclusion criterion reworded" in shown
    assert "source added: seeds/ctgov_NCT09000011_2025-03-06.json (as of 2025-03-06)" in shown
    assert "brief_title" not in shown and "arms" not in shown  # unchanged fields are not mentioned

    after = file.read_text(encoding="utf-8")
    data = record(registry, "NCT09000011")
    assert data["overall_status"] == "COMPLETED" and data["enrollment"] == {"count": 24, "type": "ACTUAL"}
    assert data["eligibility"]["exclusion_criteria"][3]["text"] == "Pregnant or breastfeeding women."
    # the curator's work is all still there
    assert data["curation"]["notes"][0]["text"].startswith("The sponsor's press release")
    assert data["eligibility"]["thresholds"][0]["value"] == 40
    assert data["cell_product"] == {"name": "Anti-CD19 CAR-T cells", "target_antigens": ["CD19"]}
    # what the curator left
    assert set(data["curation"]["not_yet_curated"]) == set(builder.NOT_YET_CURATED) - {
        "cell_product",
        "eligibility.thresholds",
    }
    for comment in (
        "# Arms checked against the protocol synopsis.",
        "# kg as the registry writes it",
        "# quoted from the criteria",
        "# Imported from seeds/ctgov_NCT09000011_2022-06-01.json",
    ):
        assert comment in after
    # both sources are cited; evidence of unchanged fields is untouched, that of changed fields renewed
    assert [s["as_of"] for s in data["curation"]["sources"]] == ["2022-06-01", "2025-03-06"]
    assert data["evidence"]["eligibility.thresholds.0"] == "5. Body weight > 40 kg."
    assert data["evidence"]["dates.start"] == "startDateStruct.date: 2021-02-15 startDateStruct.type: ACTUAL"
    assert data["evidence"]["overall_status"] == "statusModule.overallStatus: COMPLETED"
    assert data["evidence"]["enrollment"] == "enrollmentInfo.count: 24 enrollmentInfo.type: ACTUAL"
    assert data["evidence"]["curation.sources.1.as_of"] == "lastUpdatePostDateStruct.date: 2025-03-06"
    unchanged = [
        line for line in before.splitlines() if line.startswith(("brief_title", "  - label", "    description"))
    ]
    assert unchanged and all(line in after.splitlines() for line in unchanged)
    assert trials("check").status == 0
    assert trials("fmt", "--check", file).status == 0

    # the same file again: nothing to do, nothing written
    again = trials("import", "ctgov", CTGOV / "completed_phase2_randomised.json", "--update")
    assert again.status == 0 and "trials/NCT09000011.yaml: no changes" in again.out
    assert file.read_text(encoding="utf-8") == after


def test_update_dry_run_writes_nothing(trials: Trials, registry: Path, tmp_path: Path) -> None:
    assert trials("import", "ctgov", _older_version(tmp_path)).status == 0
    before = snapshot(registry)
    result = trials("import", "ctgov", CTGOV / "completed_phase2_randomised.json", "--update", "--dry-run")
    assert result.status == 0 and "overall_status RECRUITING → COMPLETED" in result.out
    assert snapshot(registry) == before


def test_update_keeps_an_arms_cohorts_when_the_arms_change(trials: Trials, registry: Path, tmp_path: Path) -> None:
    assert trials("import", "ctgov", CTGOV / "completed_phase2_randomised.json").status == 0
    file = registry / "trials" / "NCT09000011.yaml"
    text = file.read_text(encoding="utf-8")
    text = text.replace(
        "      - Cyclophosphamide\n  - label: Standard",
        "      - Cyclophosphamide\n    cohorts:\n      - dose:\n"
        "          value: 1000000\n          unit: anti-CD19 CAR-T cells\n          basis: PER_KG\n  - label: Standard",
        1,
    )
    text = text.replace(
        "evidence:\n", "evidence:\n  arms.0.cohorts.0: single infusion of 1×10^6 anti-CD19 CAR-T cells/kg\n"
    )
    assert "    - arms.cohorts\n" in text
    text = text.replace("    - arms.cohorts\n", "", 1)  # curated now: no longer declared absent (E506)
    file.write_text(text, encoding="utf-8")
    assert trials("csv").status == 0
    newer = study("completed_phase2_randomised.json")
    arms = newer["protocolSection"]["armsInterventionsModule"]["armGroups"]
    arms.reverse()  # the registry now lists the comparator first
    arms[1]["description"] = arms[1]["description"].replace("single infusion", "single intravenous infusion")
    arms[1]["description"] = (
        "Lymphodepletion followed by a single infusion of 1×10\\^6 anti-CD19 CAR-T cells/kg, intravenously."
    )
    newer["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2025-04-01"
    result = trials("import", "ctgov", write_json(tmp_path / "newer.json", newer), "--update")
    assert result.status == 0, result.out + result.err
    data = record(registry, "NCT09000011")
    assert [a["label"] for a in data["arms"]] == ["Standard induction therapy", "CAR-T cells"]
    assert data["arms"][1]["cohorts"][0]["dose"]["value"] == 1000000
    assert "arms.1.cohorts.0" in data["evidence"] and "arms.0.cohorts.0" not in data["evidence"]
    assert (
        data["evidence"]["arms.0.type"]
        == "armGroups.label: Standard induction therapy armGroups.type: ACTIVE_COMPARATOR"
    )
    assert trials("check").status == 0


def test_update_of_a_field_the_registry_dropped(trials: Trials, registry: Path, tmp_path: Path) -> None:
    assert trials("import", "ctgov", CTGOV / "completed_phase2_randomised.json").status == 0
    newer = copy.deepcopy(study("completed_phase2_randomised.json"))
    del newer["protocolSection"]["identificationModule"]["acronym"]
    newer["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2025-04-01"
    result = trials("import", "ctgov", write_json(tmp_path / "newer.json", newer), "--update")
    assert result.status == 0 and "acronym removed (was CARLN-2)" in result.out
    data = record(registry, "NCT09000011")
    assert "acronym" not in data and "acronym" not in data["evidence"] and "acronym" in data["curation"]["silent"]
    assert trials("check").status == 0


def test_update_of_a_record_curated_from_another_source(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """The Relma-cel record comes from a ClinConnect page; the registry's JSON adds to it and removes
    nothing (what it does not state, the record's other sources do)."""
    doc = {
        "protocolSection": {
            "identificationModule": {
                "nctId": "NCT05765006",
                "briefTitle": "CD19-CART(Relma-cel) for Moderate to Severe Active Systemic Lupus Erythematosus",
            },
            "statusModule": {
                "overallStatus": "ACTIVE_NOT_RECRUITING",
                "lastUpdatePostDateStruct": {"date": "2025-12-01", "type": "ACTUAL"},
            },
            "designModule": {
                "studyType": "INTERVENTIONAL",
                "phases": ["PHASE1"],
                "enrollmentInfo": {"count": 24, "type": "ESTIMATED"},
            },
        },
        "hasResults": False,
    }
    relma = write_json(tmp_path / "relma.json", doc)
    # the record cites no registry JSON: where the JSON gives another value than the record's other
    # sources, the curator decides
    before = snapshot(registry)
    result = trials("import", "ctgov", relma, "--update")
    assert result.status == 1 and snapshot(registry) == before
    assert (
        'trials/NCT05765006.yaml: conflict in overall_status: the registry\'s JSON gives "ACTIVE_NOT_RECRUITING", '
        'the record (from its other sources) "RECRUITING"'
    ) in result.err
    result = trials("import", "ctgov", relma, "--update", "--theirs", "overall_status")
    assert result.status == 0, result.out + result.err
    assert result.out.startswith("trials/NCT05765006.yaml: overall_status RECRUITING → ACTIVE_NOT_RECRUITING; ")
    assert "enrollment added: 24 (ESTIMATED)" in result.out and "study_type added: INTERVENTIONAL" in result.out
    data = record(registry, "NCT05765006")
    assert len(data["eligibility"]["inclusion_criteria"]) == 6 and data["keywords"] and data["officials"]
    assert data["third_party_summary"]["author"] == "ClinConnect" and data["dates"]["launched"] == {
        "date": "2023-02-28"
    }
    assert "enrollment" not in data["curation"]["silent"] and "study_type" not in data["curation"]["silent"]
    assert [s["kind"] for s in data["curation"]["sources"]] == ["TRIAL_FINDER_PAGE", "REGISTRY_JSON"]
    assert trials("check").status == 0


def test_dry_run_shows_and_writes_nothing(trials: Trials, registry: Path) -> None:
    before = snapshot(registry)
    result = trials("import", "ctgov", CTGOV / "observational_followup.json", "--dry-run")
    assert (
        result.status == 0
        and "trials/NCT09000033.yaml: would be written from seeds/ctgov_NCT09000033_2025-09-03.json" in result.out
    )
    assert snapshot(registry) == before


# --- what real study files hold ---------------------------------------------------------------------


def test_last_known_status_why_stopped_and_first_posted_are_kept(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, lastKnownStatus (what a status UNKNOWN study last reported) and whyStopped were lost without a word."""
    doc = study("old_partial_dates.json")
    doc["protocolSection"]["statusModule"]["lastKnownStatus"] = "RECRUITING"
    assert trials("import", "ctgov", write_json(tmp_path / "s.json", doc)).status == 0
    data = record(registry, "NCT09000044")
    assert data["overall_status"] == "UNKNOWN" and data["last_known_status"] == "RECRUITING"
    assert data["evidence"]["last_known_status"] == "statusModule.lastKnownStatus: RECRUITING"
    assert trials("import", "ctgov", CTGOV / "withdrawn_enrollment_0.json").status == 0
    data = record(registry, "NCT09000022")
    assert data["why_stopped"] == "Sponsor decision; no participants were enrolled."
    assert data["dates"]["first_posted"] == {"date": "2024-05-31", "type": "ACTUAL"}
    assert "last_known_status" not in data["curation"]["silent"]  # it does not apply to a WITHDRAWN study
    assert trials("check").status == 0
    # a record may not claim what its source does not say: the checks read the fields from their places
    file = registry / "trials" / "NCT09000044.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("last_known_status: RECRUITING", "last_known_status: COMPLETED"),
        encoding="utf-8",
    )
    result = trials.json("validate", file)
    assert result.status == 1 and "last_known_status" in result.out, result.out


@pytest.mark.parametrize(
    "minimum, maximum, expected",
    [
        ("200 Months", None, {"value": 200, "unit": "MONTHS"}),
        ("28 Days", "17 Years", {"value": 28, "unit": "DAYS"}),
        ("6 weeks", None, {"value": 6, "unit": "WEEKS"}),
    ],
)
def test_ages_in_any_unit(
    trials: Trials, registry: Path, tmp_path: Path, minimum: str, maximum: str | None, expected: dict
) -> None:
    doc = study("withdrawn_enrollment_0.json")
    elig = doc["protocolSection"]["eligibilityModule"]
    elig["minimumAge"] = minimum
    if maximum is None:
        del elig["maximumAge"]
    else:
        elig["maximumAge"] = maximum
    assert trials("import", "ctgov", write_json(tmp_path / "s.json", doc)).status == 0
    assert record(registry, "NCT09000022")["eligibility"]["minimum_age"] == expected
    assert trials("check").status == 0


def test_an_update_keeps_an_age_above_150_months(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, an age above 150 of any unit could not be held and --update dropped it silently."""
    doc = study("withdrawn_enrollment_0.json")
    doc["protocolSection"]["eligibilityModule"]["minimumAge"] = "216 Months"
    assert trials("import", "ctgov", write_json(tmp_path / "a.json", doc)).status == 0
    doc["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2025-07-01"
    doc["protocolSection"]["eligibilityModule"]["maximumAge"] = "840 Months"
    result = trials("import", "ctgov", write_json(tmp_path / "b.json", doc), "--update")
    assert result.status == 0, result.out + result.err
    data = record(registry, "NCT09000022")
    assert data["eligibility"]["minimum_age"] == {"value": 216, "unit": "MONTHS"}
    assert data["eligibility"]["maximum_age"] == {"value": 840, "unit": "MONTHS"}
    assert trials("check").status == 0


def test_an_age_beyond_150_years_is_left_out_with_a_note(trials: Trials, registry: Path, tmp_path: Path) -> None:
    doc = study("withdrawn_enrollment_0.json")
    doc["protocolSection"]["eligibilityModule"]["maximumAge"] = "1900 Months"
    assert trials("import", "ctgov", write_json(tmp_path / "s.json", doc)).status == 0
    data = record(registry, "NCT09000022")
    assert "maximum_age" not in data["eligibility"]
    assert any(
        n["field"] == "eligibility.maximum_age" and "1900 Months" in n["text"] for n in data["curation"]["notes"]
    )


# The criteria text of a real study (its words changed, its layout kept): a general heading first, an
# exclusion heading later, sub-headings for two kinds of participant, and a criterion under both.
GROUPED = """Eligibility criteria:

For adolescent participants:

* Aged 12 to 17 years with SLE
* Able to swallow tablets

For parent participants:

* Parent or guardian of an enrolled adolescent
* Able to swallow tablets

Exclusion criteria:

For adolescent participants:

1. Prior CAR-T therapy
2. Pregnancy

For parent participants:

1. Pregnancy
"""


def test_criteria_under_a_general_heading_with_sub_headings(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before: the inclusion criteria were lost and declared silent, the sub-headings became criteria and
    a criterion was dropped as a repeat, changing who is excluded."""
    doc = study("withdrawn_enrollment_0.json")
    doc["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = GROUPED
    result = trials("import", "ctgov", write_json(tmp_path / "s.json", doc))
    assert result.status == 0, result.out + result.err
    data = record(registry, "NCT09000022")
    inclusion, exclusion = data["eligibility"]["inclusion_criteria"], data["eligibility"]["exclusion_criteria"]
    assert [(c.get("group"), c["text"]) for c in inclusion] == [
        ("For adolescent participants", "Aged 12 to 17 years with SLE"),
        ("For adolescent participants", "Able to swallow tablets"),
        ("For parent participants", "Parent or guardian of an enrolled adolescent"),
        ("For parent participants", "Able to swallow tablets"),
    ]
    assert [(c.get("group"), c.get("number"), c["text"]) for c in exclusion] == [
        ("For adolescent participants", 1, "Prior CAR-T therapy"),
        ("For adolescent participants", 2, "Pregnancy"),
        ("For parent participants", 1, "Pregnancy"),
    ]
    assert "silent" not in data["curation"] or "eligibility.inclusion_criteria" not in data["curation"]["silent"]
    assert any("read as the inclusion criteria" in n["text"] for n in data["curation"]["notes"])
    assert trials("check").status == 0
    # marked complete, the record is held to the source's lists whole: a dropped repeat is caught (E511)
    file = registry / "trials" / "NCT09000022.yaml"
    text = file.read_text(encoding="utf-8").replace("status: draft", "status: complete")
    file.write_text(text, encoding="utf-8")
    assert trials("validate", file).status == 0
    cut = text.split("    - number: 1\n      group: For parent participants\n      text: Pregnancy\n")
    assert len(cut) == 2
    file.write_text("".join(cut), encoding="utf-8")
    assert "E511" in trials.json("validate", file).codes()


def test_the_same_criterion_twice_within_one_group_is_a_repeat(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """E106 counts texts and numbers within a group: under two sub-headings the same words are two criteria."""
    doc = study("withdrawn_enrollment_0.json")
    doc["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = GROUPED
    assert trials("import", "ctgov", write_json(tmp_path / "s.json", doc)).status == 0
    file = registry / "trials" / "NCT09000022.yaml"
    text = file.read_text(encoding="utf-8")
    moved = text.replace(
        "    - number: 1\n      group: For parent participants\n      text: Pregnancy\n",
        "    - number: 1\n      group: For adolescent participants\n      text: Pregnancy\n",
    )
    assert moved != text
    file.write_text(moved, encoding="utf-8")
    result = trials.json("validate", file)
    assert result.codes() == {"E106"}
    assert {p["message"] for p in result.problems()} == {
        "eligibility.exclusion_criteria.2: same text as item 1",
        "eligibility.exclusion_criteria.2: number 1 is used twice in this list",
    }


@pytest.mark.parametrize(
    "text, silent, todo",
    [
        ("Adults with active SLE.\n\nExclusion Criteria:\n\n* Pregnancy\n", set(), {"eligibility.inclusion_criteria"}),
        ("Exclusion Criteria:\n\n* Pregnancy\n", {"eligibility.inclusion_criteria"}, set()),
        (
            "Eligibility criteria:\n\n* Adults\n* Not pregnant\n",
            set(),
            {"eligibility.inclusion_criteria", "eligibility.exclusion_criteria"},
        ),
    ],
)
def test_a_list_the_text_may_state_is_never_declared_silent(
    trials: Trials, registry: Path, tmp_path: Path, text: str, silent: set, todo: set
) -> None:
    doc = study("withdrawn_enrollment_0.json")
    doc["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = text
    assert trials("import", "ctgov", write_json(tmp_path / "s.json", doc)).status == 0
    curation = record(registry, "NCT09000022")["curation"]
    names = {"eligibility.inclusion_criteria", "eligibility.exclusion_criteria"}
    assert set(curation.get("silent", [])) & names == silent
    assert set(curation.get("not_yet_curated", [])) & names == todo
    assert trials("check").status == 0


# --- the classic format, a file naming another study, scope ----------------------------------------


def test_a_classic_format_file_is_refused_with_how_to_get_the_v2_json(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    classic = {
        "FullStudiesResponse": {
            "APIVrs": "1.01.05",
            "NStudiesFound": 1,
            "FullStudies": [
                {
                    "Rank": 1,
                    "Study": {
                        "ProtocolSection": {
                            "IdentificationModule": {"NCTId": "NCT09000011", "BriefTitle": "A study"},
                            "StatusModule": {"OverallStatus": "Recruiting"},
                        }
                    },
                }
            ],
        }
    }
    before = snapshot(registry)
    result = trials("import", "ctgov", write_json(tmp_path / "NCT09000011.json", classic))
    assert result.status == 1
    assert "classic ClinicalTrials.gov API (FullStudiesResponse), retired in 2024" in result.err
    assert "`trials import ctgov NCT09000011` fetches it" in result.err
    assert "https://clinicaltrials.gov/api/v2/studies/NCT09000011" in result.err and "nothing written" in result.err
    assert snapshot(registry) == before


@pytest.mark.parametrize(
    ("name", "text", "what", "nct"),
    [
        (
            "ctg-studies.csv",
            '"NCT Number","Study Title","Study URL"\r\n"NCT09000011","A study","https://clinicaltrials.gov/study/NCT09000011"\r\n',
            "a table of studies (the website's CSV or TSV download), some fields of each",
            "NCT09000011",
        ),
        (
            "SearchResults.tsv",
            "Rank\tNCT Number\tTitle\n1\tNCT09000011\tA study\n2\tNCT09000022\tAnother\n",
            "a table of studies (the website's CSV or TSV download), some fields of each",
            "NCT…",
        ),
        (
            "NCT09000011.ris",
            "TY  - JOUR\nTI  - A study\nUR  - https://clinicaltrials.gov/study/NCT09000011\nER  - \n",
            "a citation of a study in RIS format (the API's format=ris), not its data",
            "NCT09000011",
        ),
        (
            "NCT09000011.fhir.json",
            '{"resourceType": "ResearchStudy", "id": "NCT09000011", "title": "A study", "status": "active"}',
            "a FHIR ResearchStudy (the API's format=fhir.json), whose fields differ from the API v2's",
            "NCT09000011",
        ),
        (
            "studies.jsonl",
            '{"protocolSection": {"identificationModule": {"nctId": "NCT09000011"}}}\n'
            '{"protocolSection": {"identificationModule": {"nctId": "NCT09000022"}}}\n',
            "studies written one per line (JSON Lines), not one JSON document",
            "NCT…",
        ),
        (
            "NCT09000011.json",
            'HTTP/2 200 \r\ncontent-type: application/json\r\n\r\n{"protocolSection": {"identificationModule": '
            '{"nctId": "NCT09000011"}}, "hasResults": false}',
            "the API's answer saved with its HTTP headers before the JSON (as curl -i saves it)",
            "NCT09000011",
        ),
        (
            "NCT09000011.html",
            '<!-- saved from url=(0044)https://clinicaltrials.gov/study/NCT09000011 -->\n<html lang="en"><body>'
            "NCT09000011</body></html>",
            "a web page (HTML), not the data of a study",
            "NCT09000011",
        ),
    ],
)
def test_a_file_of_another_format_is_refused_saying_what_it_is_and_how_to_get_the_json(
    trials: Trials, registry: Path, tmp_path: Path, name: str, text: str, what: str, nct: str
) -> None:
    """Before, each was refused as "NAME:1:1: not valid JSON: Expecting value" (or "Extra data" at the
    CSV's first comma): a curator who saved the website's download or the study's page was told
    neither what the file is nor how to get the JSON the import reads."""
    file = tmp_path / name
    file.write_bytes(text.encode())
    before = snapshot(registry)
    result = trials("import", "ctgov", file)
    assert result.status == 1
    assert result.err == (
        f"trials import: {name}: {what}; this import reads a study as the API v2 gives it, in JSON: "
        f"`trials import ctgov {nct}` fetches it, or save https://clinicaltrials.gov/api/v2/studies/{nct} and "
        "import that file; nothing written\n"
    )
    assert snapshot(registry) == before


@pytest.mark.parametrize(
    ("extra", "holds"),
    [
        (
            {"totalCount": 21, "nextPageToken": "ZVt07cGHkvI2wRk2CJf6"},
            "1 of the 21 studies its search found and names a next page (nextPageToken)",
        ),
        ({"nextPageToken": "ZVt07cGHkvI2wRk2CJf6"}, "1 study and names a next page (nextPageToken)"),
        ({"totalCount": 21}, "1 of the 21 studies its search found"),
    ],
)
def test_a_page_of_a_search_that_is_not_the_whole_of_it_is_imported_with_a_warning(
    trials: Trials, registry: Path, tmp_path: Path, extra: dict, holds: str
) -> None:
    """The real page NCT06388018 (aact's) with what /api/v2/studies adds to a page that is not the whole
    search (totalCount, nextPageToken). Before, its one study was imported and nothing said that the
    search found 20 more: a curator who saved the first page of a search took it for all of it."""
    page = json.loads((FIXTURES / "ctgov" / "real" / "NCT06388018.json").read_bytes())
    result = trials(
        "import", "ctgov", write_json(tmp_path / "page.json", {**page, **extra}), "--out-of-scope", "a test"
    )
    assert result.status == 0, result.err
    assert (
        f"trials import: warning: page.json is one page of a search: it holds {holds}; only these are imported: "
        "fetch the other pages (the same query with &pageToken=…) and import them too\n"
    ) in result.err


def test_a_page_that_is_the_whole_search_is_imported_without_a_warning(trials: Trials, tmp_path: Path) -> None:
    page = json.loads((FIXTURES / "ctgov" / "real" / "NCT06388018.json").read_bytes())
    result = trials(
        "import", "ctgov", write_json(tmp_path / "page.json", {**page, "totalCount": 1}), "--out-of-scope", "a test"
    )
    assert result.status == 0 and "warning" not in result.err


def test_an_expanded_access_record_the_study_names_is_left_for_the_curator_not_declared_silent(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """A study that names its expanded access record (statusModule.expandedAccessInfo: hasExpandedAccess true,
    nctId), as CAR-T trials do: before, related_trials was declared silent, a claim that the source lists no
    related trial, while it lists one (the check has no place for it in the JSON, so it passed). The record
    cannot hold it without a record of its own: it is left for the curator, with a note naming it."""
    study = json.loads((FIXTURES / "ctgov" / "real" / "NCT06131398.json").read_bytes())
    study["protocolSection"]["statusModule"]["expandedAccessInfo"] = {
        "hasExpandedAccess": True,
        "nctId": "NCT09000099",
        "statusForNctId": "AVAILABLE",
    }
    result = trials("import", "ctgov", write_json(tmp_path / "NCT06131398.json", study), "--out-of-scope", "a test")
    assert result.status == 0, result.err
    curation = record_data(registry / "trials" / "NCT06131398.yaml")["curation"]
    assert "related_trials" not in curation["silent"] and "related_trials" in curation["not_yet_curated"]
    assert any(n["field"] == "related_trials" and "NCT09000099" in n["text"] for n in curation["notes"])
    # and a curator who declares it silent, the importer's note taken away, is told the source states it (E523)
    file = registry / "trials" / "NCT06131398.yaml"
    text = file.read_text(encoding="utf-8")
    text = text.replace("    - related_trials\n", "", 1).replace("  silent:\n", "  silent:\n    - related_trials\n", 1)
    text = re.sub(r"    - field: related_trials\n      text: >-\n(?:        .*\n)+", "", text)
    file.write_text(text, encoding="utf-8")
    assert "related_trials" in record_data(file)["curation"]["silent"]
    result = trials("validate", "trials/NCT06131398.yaml")
    assert result.status == 1 and "E523 curation.silent: related_trials is declared silent" in result.out, result.out


def test_a_file_named_for_another_study_is_remarked(trials: Trials, registry: Path, tmp_path: Path) -> None:
    file = tmp_path / "NCT05765006.json"
    file.write_bytes((CTGOV / "withdrawn_enrollment_0.json").read_bytes())
    result = trials("import", "ctgov", file)
    assert result.status == 0
    assert (
        "warning: NCT05765006.json names NCT05765006 but holds study NCT09000022; it is imported as NCT09000022"
        in result.err
    )
    assert (registry / "trials" / "NCT09000022.yaml").is_file()


def _other_disease(tmp_path: Path) -> Path:
    doc = study("withdrawn_enrollment_0.json")
    # a keyword that repeats a condition, as real studies give them: the message names it once
    doc["protocolSection"]["conditionsModule"] = {
        "conditions": ["Type 2 Diabetes"],
        "keywords": ["insulin", "Type 2 Diabetes"],
    }
    arms = doc["protocolSection"]["armsInterventionsModule"]
    arms["interventions"] = [{"type": "DRUG", "name": "Metformin"}]
    for arm in arms.get("armGroups", []):
        arm.update(label="Metformin", description="Metformin twice daily.", interventionNames=["Drug: Metformin"])
    # its titles too, which the gate reads as the check does (E114): the fixture's name lupus
    ident = doc["protocolSection"]["identificationModule"]
    ident.update(briefTitle="Metformin in Type 2 Diabetes", officialTitle="Metformin in Adults With Type 2 Diabetes")
    ident.pop("acronym", None)
    return write_json(tmp_path / "diabetes.json", doc)


def test_a_study_out_of_scope_is_refused(trials: Trials, registry: Path, tmp_path: Path) -> None:
    before = snapshot(registry)
    result = trials("import", "ctgov", _other_disease(tmp_path))
    assert result.status == 1
    assert (
        "NCT09000022: its conditions (Type 2 Diabetes; insulin) and interventions (Metformin), nor its titles and "
        "arms, show lupus or a CAR-T or related cell therapy"
    ) in result.err
    assert "--out-of-scope REASON" in result.err and "nothing written" in result.err
    assert snapshot(registry) == before


def test_out_of_scope_with_a_reason_is_recorded(trials: Trials, registry: Path, tmp_path: Path) -> None:
    result = trials(
        "import", "ctgov", _other_disease(tmp_path), "--out-of-scope", "Control study named by a CAR-T trial"
    )
    assert result.status == 0, result.err
    data = record(registry, "NCT09000022")
    assert data["curation"]["out_of_scope"] == "Control study named by a CAR-T trial"
    assert data["curation"]["status"] == "draft"
    assert trials("check").status == 0
    # an in-scope study takes no reason; an empty reason is no reason
    assert "is in scope" in trials("import", "ctgov", CTGOV / "observational_followup.json", "--out-of-scope", "x").err
    assert trials("import", "ctgov", CTGOV / "old_partial_dates.json", "--out-of-scope", " ").status == 2


@pytest.mark.parametrize(
    "conditions, interventions, inside",
    [
        (["Lupus Nephritis"], ["Belimumab"], True),
        (["Systemic Sclerosis"], ["CD19 CAR-T cells"], True),
        (["Myasthenia Gravis"], ["Descartes-08 (CAR-NK)"], True),
        (["Multiple Sclerosis"], ["obecabtagene autoleucel"], True),
        (["Autoimmune Diseases"], ["Rituximab"], False),
        (["Carcinoma"], ["Cartilage graft"], False),
    ],
)
def test_scope_reads_conditions_and_interventions(conditions: list, interventions: list, inside: bool) -> None:
    from sle_trials.curate.ctgov import scope

    doc = {
        "protocolSection": {
            "conditionsModule": {"conditions": conditions},
            "armsInterventionsModule": {"interventions": [{"name": n} for n in interventions]},
        }
    }
    record = {"conditions": conditions, "interventions": [{"name": n} for n in interventions]}
    assert scope.of_study(doc, record).inside is inside


def test_outcome_measures_and_first_posted_are_imported(trials: Trials, registry: Path) -> None:
    """outcomesModule's measures (with time frames) and studyFirstPostDateStruct are read; the clinical
    fields a curator reads from the criteria text are left to the curator, never declared silent."""
    assert trials("import", "ctgov", CTGOV / "completed_phase2_randomised.json").status == 0
    nct_id = study("completed_phase2_randomised.json")["protocolSection"]["identificationModule"]["nctId"]
    data = load.load(registry / "trials" / f"{nct_id}.yaml", "x")[0].data  # type: ignore[union-attr]
    assert data["outcomes"] == {
        "primary": [
            {
                "measure": "Complete renal response",
                "time_frame": "Week 52",
                "description": "Urine protein-to-creatinine ratio < 0.5 g/g with eGFR no more than 20% below baseline.",
            }
        ]
    }
    assert "outcomes.secondary" in data["curation"]["silent"]
    assert data["dates"]["first_posted"] == {"date": "2020-11-12", "type": "ACTUAL"}
    assert "eligibility.lupus_nephritis" in data["curation"]["not_yet_curated"]
    assert not any(name.startswith("eligibility.lupus") for name in data["curation"].get("silent", []))
    assert trials("csv").status == 0
    row = next(r for r in (registry / "trials.csv").read_text(encoding="utf-8").splitlines() if r.startswith(nct_id))
    assert "Complete renal response (time frame: Week 52)" in row and "2020-11-12" in row


PARTS = """Inclusion Criteria for Part A:

1. Age 18 to 65 years
2. Weight ≥ 40 kg

Inclusion Criteria for Part B:

1. Age 12 to 17 years
2. Weight ≥ 30 kg

Exclusion Criteria:

1. Pregnancy
"""
WEIGHT = """  thresholds:
    - kind: BODY_WEIGHT
      criterion: {list: INCLUSION, number: 2%s}
      measure: Weight
      comparator: ">="
      value: %s
      unit: kg
"""


@pytest.mark.parametrize(
    "group, value, codes",
    [
        ("", 40, {"E109"}),  # two criteria are numbered 2: which one?
        ("", 30, {"E109"}),
        (", group: Inclusion Criteria for Part B", 30, set()),
        (", group: Inclusion Criteria for Part A", 40, set()),
        (", group: Inclusion Criteria for Part A", 30, {"E513"}),  # Part A says 40 kg
        (", group: Inclusion Criteria for Part C", 30, {"E109"}),  # no such sub-heading
        (", group: Exclusion Criteria", 30, {"E109"}),
    ],
)
def test_a_criterion_is_named_by_its_group_where_numbers_repeat(
    group: str, value: int, codes: set, trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before: a reference named a criterion by its list and number alone, so where the list numbers
    its criteria again under each sub-heading it stood for the first of them: Part B's weight limit
    could not be recorded at all, and Part A's passed without saying which part it was read from."""
    doc = study("withdrawn_enrollment_0.json")
    doc["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = PARTS
    assert trials("import", "ctgov", write_json(tmp_path / "s.json", doc)).status == 0
    file = registry / "trials" / "NCT09000022.yaml"
    text = file.read_text(encoding="utf-8")
    inclusion = [
        (c.get("group"), c.get("number")) for c in record(registry, "NCT09000022")["eligibility"]["inclusion_criteria"]
    ]
    assert inclusion == [
        ("Inclusion Criteria for Part A", 1),
        ("Inclusion Criteria for Part A", 2),
        ("Inclusion Criteria for Part B", 1),
        ("Inclusion Criteria for Part B", 2),
    ]
    text = text.replace("    - eligibility.thresholds\n", "", 1)  # no longer waiting to be curated
    head, tail = text.split("\n  exclusion_criteria:\n")
    quote = f"\nevidence:\n  eligibility.thresholds.0: Weight ≥ {value} kg\n"  # the words of the criterion meant
    tail = tail.replace("\nevidence:\n", quote, 1)
    file.write_text(head + "\n" + WEIGHT % (group, value) + "  exclusion_criteria:\n" + tail, encoding="utf-8")
    result = trials.json("validate", file)
    assert result.codes() == codes, result.problems()
    if not codes:  # the database keeps the sub-heading, and the limit's row points at that part's criterion
        target = tmp_path / "trials.db"
        assert trials("export", "sqlite", "--output", target).status == 0
        with closing(sqlite3.connect(target)) as db:
            row = db.execute(
                "SELECT c.sub_heading, c.text, t.criterion_sub_heading FROM thresholds t"
                " JOIN criteria c ON c.id = t.criterion WHERE t.nct_id = 'NCT09000022'"
            ).fetchall()
        heading = group.removeprefix(", group: ")
        assert row == [(heading, f"Weight ≥ {value} kg", heading)]
    if not group:
        assert [p["message"] for p in result.problems()] == [
            "eligibility.thresholds.0.criterion.number: 2 inclusion criteria are numbered 2 (under "
            "'Inclusion Criteria for Part A', 'Inclusion Criteria for Part B'); say which with criterion.group"
        ]


def test_a_sub_criterion_lifted_to_the_top_of_its_list_is_caught(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before: the criteria were compared as one flat list, so a sub-item moved up a level (which then
    reads as a criterion of its own, not as part of the item above) passed a complete record (E511)."""
    doc = study("withdrawn_enrollment_0.json")
    doc["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = (
        "Inclusion Criteria:\n\n1. Adults\n2. Treated with steroids, as follows:\n1) prednisone ≥ 7.5 mg/day\n"
        "2) stable for 2 weeks\n3) no change in the last week\n\nExclusion Criteria:\n\n* Pregnancy\n"
    )
    assert trials("import", "ctgov", write_json(tmp_path / "s.json", doc)).status == 0
    file = registry / "trials" / "NCT09000022.yaml"
    text = file.read_text(encoding="utf-8").replace("status: draft", "status: complete")
    file.write_text(text, encoding="utf-8")
    assert trials("validate", file).status == 0
    nested = "        - number: 3\n          text: no change in the last week\n  exclusion_criteria:\n"  # nested
    lifted = "    - number: 3\n      text: no change in the last week\n  exclusion_criteria:\n"
    assert text.count(nested) == 1, text
    file.write_text(text.replace(nested, lifted), encoding="utf-8")
    result = trials.json("validate", file)
    assert result.codes() == {"E511"}, result.problems()
    assert any(
        "the source lists this inclusion criterion under the item above it" in p["message"] for p in result.problems()
    )


def test_a_date_the_json_labels_is_not_silent(trials: Trials, registry: Path) -> None:
    """Before: silence.py read no date at all, so a complete record could drop a start date the JSON
    gives under its own label ("startDateStruct.date: 2009-03", no type beside it) and declare it
    silent: trials.csv read "not stated" (E523). A page's unlabelled dates stay a curator's reading."""
    assert trials("import", "ctgov", CTGOV / "old_partial_dates.json").status == 0
    file = registry / "trials" / "NCT09000044.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("status: draft", "status: complete"), encoding="utf-8")
    edit(
        registry,
        "trials/NCT09000044.yaml",
        ('  start:\n    date: "2009-03"\n', ""),
        ('  dates.start: "startDateStruct.date: 2009-03"\n', ""),
        ("    - dates.start.type\n", "    - dates.start\n"),
    )
    result = trials.json("validate", file)
    assert result.codes() == {"E523"}, result.problems()
    assert any("dates.start is declared silent" in p["message"] for p in result.problems())
