"""A site the registry gives the status WITHDRAWN is no site of the trial.

A ClinicalTrials.gov study gives each location a recruitment status; WITHDRAWN says the site withdrew
before it enrolled anyone. The importer imported it as one of the trial's locations (a note only
counted the statuses), and a record listing it passed: its facility, city and country stand in the
study's row of it. A plain source's "Location: Shanghai, China (withdrawn)" was already refused
(tests/test_attacks_retract32.py); the study's own word for it is read alike (ctgov_study.withdrawn).
A site that stopped (TERMINATED, COMPLETED) took part, and stays one.
"""

from __future__ import annotations

import copy
import json

import pytest
from conftest import FIXTURES, imported_codes, study_imported

STUDY = FIXTURES / "ctgov" / "completed_phase2_randomised.json"
ERLANGEN = {"facility": "Universitätsklinikum Erlangen", "city": "Erlangen", "country": "Germany"}


def _study(second: str) -> dict:
    doc = json.loads(STUDY.read_text("utf-8"))
    first, other = doc["protocolSection"]["contactsLocationsModule"]["locations"]
    first["status"], other["status"] = "COMPLETED", second
    return doc


@pytest.fixture(scope="module")
def withdrawn(tmp_path_factory: pytest.TempPathFactory) -> tuple:
    return study_imported(tmp_path_factory, _study("WITHDRAWN"))


def test_a_withdrawn_site_is_not_imported(withdrawn: tuple) -> None:
    checker, data = withdrawn
    assert [site["city"] for site in data["locations"]] == ["Northbridge"]
    notes = [" ".join(n["text"].split()) for n in data["curation"]["notes"] if n["field"] == "locations"]
    assert (
        "The source gives the site 'Universitätsklinikum Erlangen, Erlangen, Germany' the status WITHDRAWN: it "
        "withdrew before enrolling anyone, and is no site of the trial; not imported."
    ) in notes
    assert imported_codes(checker, data) == set(), "the complete record passes without it"


def test_a_record_listing_a_withdrawn_site_is_refused(withdrawn: tuple) -> None:
    checker, data = withdrawn
    listed = copy.deepcopy(data)
    listed["locations"].append(dict(ERLANGEN))
    assert imported_codes(checker, listed) & {"E501", "E512"}


@pytest.mark.parametrize("status", ["TERMINATED", "COMPLETED", "ACTIVE_NOT_RECRUITING"])
def test_a_site_that_stopped_is_still_a_site(tmp_path_factory: pytest.TempPathFactory, status: str) -> None:
    checker, data = study_imported(tmp_path_factory, _study(status))
    assert [site["city"] for site in data["locations"]] == ["Northbridge", "Erlangen"]
    assert imported_codes(checker, data) == set()
