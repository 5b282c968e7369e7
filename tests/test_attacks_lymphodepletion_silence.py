"""Pull-request attacks on the lymphodepletion's silence: declared silent while a source states it.

No layout places the lymphodepletion (a study's arms, interventions and description are no place to
read its agents from), so the silence check (E523) held a record declaring it silent to nothing: the
fixture study's description reads "Participants in the CAR-T arm receive lymphodepletion with
fludarabine 25 mg/m²/day and cyclophosphamide 1000 mg/m² ...", and its import, marked complete with
lymphodepletion moved from not_yet_curated to silent, passed; trials.csv then said no source states
it. An agent of its vocabulary in a sentence naming lymphodepletion, where a source describes the
trial's treatment, must be filled in, left not yet curated, or named by a note on the field.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import (
    FIXTURES,
    IM19_PATH,
    Trials,
    add_source,
    im19_draft,
    imported_codes,
    joined,
    put,
    study_imported,
)
from sle_trials.engine import pipeline

DESCRIPTION = "Participants are randomized 1:1 to CAR-T cells or to standard induction therapy. {words}"


def _study(tmp_path_factory: pytest.TempPathFactory, words: str) -> tuple[pipeline.Checker, dict]:
    """The fixture study, its detailed description ending in words, imported, marked complete, and
    its lymphodepletion declared silent instead of not yet curated."""
    doc = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    section = doc["protocolSection"]
    section["descriptionModule"]["detailedDescription"] = DESCRIPTION.format(words=words)
    arms = section["armsInterventionsModule"]["armGroups"]
    arms[0]["description"] = arms[0]["description"].replace("Lymphodepletion followed by a", "A")
    checker, data = study_imported(tmp_path_factory, doc)
    data = copy.deepcopy(data)
    data["curation"]["not_yet_curated"].remove("lymphodepletion")
    data["curation"]["silent"] = [*data["curation"]["silent"], "lymphodepletion"]
    return checker, data


@pytest.mark.parametrize(
    "words",
    [
        "Participants in the CAR-T arm receive lymphodepletion with fludarabine 25 mg/m²/day and cyclophosphamide.",
        "Lymphodepleting chemotherapy (fludarabine and cyclophosphamide) is given on days -5 to -3.",
        "Cyclophosphamide conditioning precedes the infusion.",
    ],
)
def test_lymphodepletion_the_description_states_declared_silent_is_refused(
    tmp_path_factory: pytest.TempPathFactory, words: str
) -> None:
    checker, data = _study(tmp_path_factory, words)
    assert "E523" in imported_codes(checker, data)


def test_a_note_naming_the_agent_excuses_it(tmp_path_factory: pytest.TempPathFactory) -> None:
    checker, data = _study(tmp_path_factory, "Lymphodepletion with fludarabine precedes the infusion.")
    note = {"field": "lymphodepletion", "text": "The description's fludarabine is left to a later curation."}
    data["curation"]["notes"] = [*data["curation"].get("notes", []), note]
    assert "E523" not in imported_codes(checker, data)


@pytest.mark.parametrize(
    "words",
    [
        # an agent as the comparator's therapy, and lymphodepletion named without an agent
        "The comparator arm receives intravenous cyclophosphamide.",
        "Lymphodepletion precedes the infusion.",
    ],
)
def test_a_description_that_states_no_agent_of_it_leaves_it_silent(
    tmp_path_factory: pytest.TempPathFactory, words: str
) -> None:
    checker, data = _study(tmp_path_factory, words)
    assert imported_codes(checker, data) == set()


SOURCE = "seeds/921_lymphodepletion_silent.txt"
TEXT = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    "Last Updated: 2025-08-17\n"
    "Patients receive lymphodepleting chemotherapy with fludarabine and cyclophosphamide before the infusion.\n"
)


def test_a_plain_source_stating_it_refuses_it_silent(registry: Path, trials: Trials) -> None:
    add_source(registry, SOURCE, TEXT)
    record = im19_draft(SOURCE).replace("curation:\n", "curation:\n  silent:\n    - lymphodepletion\n", 1)
    (registry / IM19_PATH).write_text(record, encoding="utf-8")
    result = trials.json("validate", registry / IM19_PATH)
    assert "E523" in result.codes(), result.out


# The agents held without their doses, the doses declared silent: "fludarabine 30 mg/m2/day" states one
AGENTS = """\
lymphodepletion:
  agents:
    - agent: FLUDARABINE
    - agent: CYCLOPHOSPHAMIDE
evidence:
  lymphodepletion.agents.0: fludarabine
  lymphodepletion.agents.1: cyclophosphamide
"""
DOSED = "Lymphodepletion: fludarabine 30 mg/m2/day and cyclophosphamide 500 mg/m2/day on days -5 to -3.\n"


def _agents_without_doses(root: Path, line: str, silent: str) -> Path:
    add_source(root, SOURCE, TEXT.splitlines(keepends=True)[0] + "Last Updated: 2025-08-17\n" + line)
    record = joined(im19_draft(SOURCE), AGENTS)
    record = record.replace("curation:\n", f"curation:\n  silent:\n    - {silent}\n", 1)
    return put(root, IM19_PATH, record)


@pytest.mark.parametrize("silent", ["lymphodepletion.agents.dose", "lymphodepletion.agents.unit"])
def test_an_agents_dose_the_source_states_declared_silent_is_refused(
    registry: Path, trials: Trials, silent: str
) -> None:
    """Before: only the agents were read; their doses declared silent passed, and trials.csv showed
    FLUDARABINE with no dose while the source gives 30 mg/m2/day."""
    _agents_without_doses(registry, DOSED, silent)
    assert trials.json("validate", registry / IM19_PATH).codes() == {"E523"}


def test_agents_the_source_gives_no_dose_leave_their_doses_silent(registry: Path, trials: Trials) -> None:
    _agents_without_doses(
        registry, "Lymphodepletion: fludarabine and cyclophosphamide on days -5 to -3.\n", "lymphodepletion.agents.dose"
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out
