"""A coded value (a product's origin, the sex a trial enrols) a note or a comment gives in its own words (E501:
checks/remark_prose.py, coded_given), after mutation hunt 209 closed "Its CAR-T cells are allogeneic" in Relma-cel's
notes (its source never says).

Found and fixed (the lead's hunt 210):

- a word of denial anywhere in the note's sentence let every origin in it pass: "Its CAR-T cells are allogeneic; no
  lymphodepletion dose is named", "... allogeneic, not autologous", "... allogeneic, which no one disputes", "...
  allogeneic and the sponsor did not say more" each passed beside a record that holds none and a source that never
  says (the sentence was skipped whole for a "not", "no", "nor" or "whether" in it). Each origin is read in its own
  clause now: one that weighs the two ("autologous or allogeneic") or says before it that it is unstated ("does not
  say whether", "unclear if") gives none, nor one a transplant's ("allogeneic stem cell transplantation"); one
  denied ("not autologous", "non-autologous") gives the other.
- an origin said in other words: "made from a donor's cells", "an off-the-shelf product", "donor-derived", "the
  patient's own T cells" passed, the check reading the codes' words alone.
- an origin a comment of the record's file gives: "# Allogeneic CAR-T cells, made from a donor's cells." opening
  Relma-cel's file passed, a comment's names, facts and parties being read and not its origins
  (remark_prose.check_comment_prose).
- the sex a trial enrols, in a note's prose: Relma-cel's "The trial enrols women only." beside its sex ALL (hunt
  209's strict xfail), "Only male participants are enrolled." passed; the origins' reading now reads a table of
  coded fields (remark_prose.CODED), the sex one of them.
- the trial's status, in a note's prose: a stub's "The trial is recruiting." (hunt 209's strict xfail; its source,
  another trial's page, lists its id and title alone), IM19's "The study was terminated early." beside its
  RECRUITING passed. A status is read where the note says it of the trial ("the trial is", "its status is"): "The
  site is recruiting" and "patients who completed therapy" give none.
- the trial's design in a note's prose: IM19's (allocation NA, a single group, no masking) "A randomised,
  double-blind, placebo-controlled trial.", "The study is observational.", "A crossover trial." and Relma-cel's (its
  design and study type declared silent) "An open-label trial." passed. study_type, design.allocation, masking and
  intervention_model are entries of CODED, read where the note says them of the trial ("the trial is randomised",
  "a single-arm, open-label study"); "Randomized trials of CAR-T are lacking" gives none.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, Trials, copy_registry, import_study, real_study, record_data
from mutations import Checks
from sle_trials.checks.remark_prose import CODED, coded_given
from test_attacks_mut_hunt209 import codes_with_a_note, codes_with_first_comment

ORIGIN, SEX, STATUS, AGENTS = (
    next(coded for coded in CODED if coded.field == field)
    for field in ("cell_product.origin", "eligibility.sex", "overall_status", "lymphodepletion.agents.agent")
)
AUTOLOGOUS_STUB = "trials/NCT03030976.yaml"  # "A Study of CD19 Redirected Autologous T Cells ...", origin AUTOLOGOUS


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (RELMA_PATH, "Its CAR-T cells are allogeneic; no lymphodepletion dose is named."),
        (RELMA_PATH, "Its CAR-T cells are allogeneic, not autologous."),
        (RELMA_PATH, "The cells are allogeneic, which no one disputes."),
        (RELMA_PATH, "Its CAR-T cells are allogeneic and the sponsor did not say more."),
        (RELMA_PATH, "Its CAR-T cells are allogeneic, whether or not the source says so."),
        (RELMA_PATH, "Whether or not it is asked, its cells are allogeneic."),
        (RELMA_PATH, "The cells are not autologous."),
        (AUTOLOGOUS_STUB, "The cells are not autologous."),
        (AUTOLOGOUS_STUB, "Its cells are non-autologous."),
    ],
)
def test_an_origin_beside_a_word_of_denial_is_refused(registry: Path, shown: str, text: str) -> None:
    """Each passed: a "not", "no", "nor" or "whether" anywhere in the sentence let its origins pass."""
    assert "E501" in codes_with_a_note(registry, shown, text)


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (RELMA_PATH, "Its cells are made from a donor's cells."),
        (RELMA_PATH, "An off-the-shelf CAR-T product."),
        (RELMA_PATH, "The product is donor-derived."),
        (RELMA_PATH, "Its cells are the patient's own T cells."),
        (AUTOLOGOUS_STUB, "Its cells come from healthy donors' blood."),
    ],
)
def test_an_origin_in_other_words_is_refused(registry: Path, shown: str, text: str) -> None:
    """Each passed: only the codes' own words were read."""
    assert "E501" in codes_with_a_note(registry, shown, text)


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (RELMA_PATH, "The source does not say whether the cells are autologous or allogeneic."),
        (RELMA_PATH, "It is unclear if the cells are autologous."),
        (RELMA_PATH, "The source does not state, in any section, whether they are autologous."),
        (IM19_PATH, "Prior transplant, allogeneic or autologous, excludes."),
        (IM19_PATH, "Exclusion criteria name no prior allogeneic stem cell transplantation."),
        (AUTOLOGOUS_STUB, "The cells are not allogeneic."),
        (AUTOLOGOUS_STUB, "Patients after an allogeneic transplant are not named."),
        (AUTOLOGOUS_STUB, "Its cells are autologous; no dose is given."),
    ],
)
def test_an_origin_weighed_unstated_a_transplants_or_the_records_passes(registry: Path, shown: str, text: str) -> None:
    assert codes_with_a_note(registry, shown, text) == set()


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Its CAR-T cells are allogeneic, not autologous.", ["ALLOGENEIC", "ALLOGENEIC"]),
        ("The cells are not allogeneic.", ["AUTOLOGOUS"]),
        ("Neither autologous nor allogeneic is stated.", []),
        ("Does not say whether autologous.", []),
        ("Prior allogeneic HSCT excludes; the cells are autologous.", ["AUTOLOGOUS"]),
        ("If the cells were allogeneic, the title would say so.", []),
    ],
)
def test_the_origins_a_text_gives_are_read_in_their_clauses(text: str, given: list[str]) -> None:
    assert list(coded_given(text, ORIGIN)) == given


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("The trial enrols women only.", ["FEMALE"]),
        ("Only female participants are enrolled.", ["FEMALE"]),
        ("A male-only trial.", ["MALE"]),
        ("It enrols both sexes.", ["ALL"]),
        ("Men and women aged 18 to 65.", ["ALL"]),
        ("Pregnant women are excluded.", []),
        ("The trial does not enrol women only.", []),  # (denied, in a field of three codes: none given)
        ("The source does not say whether it enrols women only.", []),
    ],
)
def test_the_sexes_a_text_gives_are_read_in_their_clauses(text: str, given: list[str]) -> None:
    assert list(coded_given(text, SEX)) == given


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (RELMA_PATH, "The trial enrols women only."),
        (IM19_PATH, "Only male participants are enrolled."),
        (IM19_PATH, "A female-only trial; no other limit."),
    ],
)
def test_a_sex_a_note_gives_that_the_record_does_not_hold_is_refused(registry: Path, shown: str, text: str) -> None:
    """Each passed: the sex a note gave in prose was read by nothing (hunt 209's strict xfail); both records hold
    ALL."""
    assert "E501" in codes_with_a_note(registry, shown, text)


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (RELMA_PATH, "The trial enrols both sexes."),
        (IM19_PATH, "Men and women aged 18 to 65 may enrol."),
        (IM19_PATH, "Pregnant or breastfeeding women are excluded."),
    ],
)
def test_a_sex_a_note_gives_as_the_record_holds_passes(registry: Path, shown: str, text: str) -> None:
    assert codes_with_a_note(registry, shown, text) == set()


@pytest.mark.parametrize(
    ("shown", "comment"),
    [
        (RELMA_PATH, "# Allogeneic CAR-T cells, made from a donor's cells."),
        (AUTOLOGOUS_STUB, "# Stub: an allogeneic CD19 CAR-T product."),
    ],
)
def test_an_origin_a_comment_gives_is_refused(trials: Trials, shown: str, comment: str) -> None:
    """Each passed: a comment's origins were read by nothing."""
    assert "E501" in codes_with_first_comment(trials, shown, comment)


def test_an_origin_a_comment_gives_as_the_record_holds_passes(trials: Trials) -> None:
    assert codes_with_first_comment(trials, AUTOLOGOUS_STUB, "# Stub: autologous CD19 CAR-T cells.") == set()


STUB = "trials/NCT06900764.yaml"  # a stub: its source, IM19's page, lists its id and title alone


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("The trial is recruiting.", ["RECRUITING"]),
        ("The trial is not yet recruiting.", ["NOT_YET_RECRUITING"]),
        ("The study was terminated early.", ["TERMINATED"]),
        ("Its status is completed.", ["COMPLETED"]),
        ("The trial is active, not recruiting.", ["ACTIVE_NOT_RECRUITING"]),
        ("The study has been withdrawn; no reason is given.", ["WITHDRAWN"]),
        ("The site is recruiting.", []),
        ("Patients who completed therapy are excluded.", []),
        ("The trial is not recruiting.", []),  # (denied, in a field of many codes: none given)
    ],
)
def test_the_statuses_a_text_gives_are_read_where_it_says_them_of_the_trial(text: str, given: list[str]) -> None:
    assert list(coded_given(text, STATUS)) == given


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (STUB, "The trial is recruiting."),
        (IM19_PATH, "The study was terminated early."),
        (RELMA_PATH, "Its status is completed."),
    ],
)
def test_a_status_a_note_gives_that_the_record_does_not_hold_is_refused(registry: Path, shown: str, text: str) -> None:
    """Each passed: a status in a note's prose was no code (check_remark_codes reads one after "recorded as")."""
    assert "E501" in codes_with_a_note(registry, shown, text)


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (IM19_PATH, "The trial is recruiting, as its page says."),
        (RELMA_PATH, "The Shanghai site is recruiting."),
        (IM19_PATH, "Patients who completed prior therapy may enrol."),
    ],
)
def test_a_status_a_note_gives_as_the_record_holds_passes(registry: Path, shown: str, text: str) -> None:
    assert codes_with_a_note(registry, shown, text) == set()


@pytest.mark.parametrize(
    ("shown", "text", "codes"),
    [
        (IM19_PATH, "Its cells are 'allogeneic'.", {"E501"}),  # (in single quotes, words no source writes)
        (AUTOLOGOUS_STUB, "The title's 'Autologous T Cells' says the cells are autologous.", set()),
    ],
)
def test_a_run_in_single_quotes_is_the_sources_only_where_a_source_writes_it(
    registry: Path, shown: str, text: str, codes: set[str]
) -> None:
    assert codes_with_a_note(registry, shown, text) == codes


def test_the_importers_note_showing_a_sources_words_on_sex_imports(tmp_path: Path) -> None:
    """A study of sex ALL whose genderDescription says "Women only" (a source at odds with itself): the importer's
    note shows those words in single quotes ("how: 'Women only' (genderDescription)"), which are the source's, not
    the note's claim; read as one, the import refused its own note (E501)."""
    study = real_study()
    study["protocolSection"]["eligibilityModule"] |= {"genderBased": True, "genderDescription": "Women only"}
    status, said, data = import_study(copy_registry(tmp_path / "registry"), study, "NCT09002101")
    assert status == 0 and data is not None, said
    assert data["eligibility"]["sex"] == "ALL"
    assert any("'Women only'" in note["text"] for note in data["curation"]["notes"])


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (IM19_PATH, "A randomised, double-blind, placebo-controlled trial."),
        (IM19_PATH, "The trial is randomized."),
        (IM19_PATH, "The study is observational."),
        (IM19_PATH, "A crossover trial."),
        (RELMA_PATH, "An open-label trial."),
        (RELMA_PATH, "A single-arm study."),
    ],
)
def test_a_design_a_note_gives_that_the_record_does_not_hold_is_refused(registry: Path, shown: str, text: str) -> None:
    """Each passed: a design in a note's prose was read by nothing."""
    assert "E501" in codes_with_a_note(registry, shown, text)


@pytest.mark.parametrize(
    "text",
    [
        "IM19 is a single-arm, open-label study.",
        "It is an interventional study.",
        "The trial is not randomized.",
        "Randomized trials of CAR-T in lupus are lacking.",
        "The design's single group gets one dose.",
    ],
)
def test_a_design_a_note_gives_as_the_record_holds_or_of_no_trial_passes(registry: Path, text: str) -> None:
    assert codes_with_a_note(registry, IM19_PATH, text) == set()


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (IM19_PATH, "The trial has three arms."),
        (IM19_PATH, "The source lists 2 sites."),
        (IM19_PATH, "The trial has two arms and one site."),
    ],
)
def test_a_count_of_the_records_sites_or_arms_in_a_note_on_another_field_is_refused(
    registry: Path, shown: str, text: str
) -> None:
    """Each passed: a note's count of a list's items was read only in a note on that list (remark_lists,
    _COUNTED_ANYWHERE), and these stand on brief_title. IM19 holds one arm and one site."""
    assert "E501" in codes_with_a_note(registry, shown, text)


@pytest.mark.parametrize(
    "text",
    ["The trial has one arm.", "The source lists one site.", "Criterion 3 requires two prior interventions."],
)
def test_a_count_of_the_records_sites_or_arms_as_held_passes(registry: Path, text: str) -> None:
    assert codes_with_a_note(registry, IM19_PATH, text) == set()


# --- the agents of the trial's lymphodepletion, in a note's prose (remark_prose.CODED, lymphodepletion.agents.agent):
# IM19 and Relma-cel declare lymphodepletion silent, and "Lymphodepletion uses bendamustine." passed in a note


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Lymphodepletion uses bendamustine.", ["BENDAMUSTINE"]),
        ("Fludarabine and cyclophosphamide lymphodepletion precede the cells.", ["FLUDARABINE", "CYCLOPHOSPHAMIDE"]),
        ("Prior cyclophosphamide is excluded.", []),  # (a prior therapy's, no lymphodepletion's)
        ("Lymphodepletion with fludarabine or bendamustine is not stated.", []),
        ("The source does not say whether lymphodepletion uses fludarabine.", []),
    ],
)
def test_the_agents_a_text_gives_are_read_where_it_says_them_of_the_lymphodepletion(
    text: str, given: list[str]
) -> None:
    assert list(coded_given(text, AGENTS)) == given


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (IM19_PATH, "Lymphodepletion uses bendamustine."),
        (RELMA_PATH, "Fludarabine and cyclophosphamide lymphodepletion precede the cells."),
    ],
)
def test_an_agent_a_note_gives_a_silent_lymphodepletion_is_refused(registry: Path, shown: str, text: str) -> None:
    """Each passed: an agent in a note's prose was read by nothing, and both records declare lymphodepletion
    silent."""
    assert "E501" in codes_with_a_note(registry, shown, text)


def test_an_agent_a_note_gives_is_held_to_the_agents_the_record_holds(registry: Path) -> None:
    """A record that holds its lymphodepletion's agents (IM19 given fludarabine and cyclophosphamide): a note naming
    one of them passes, one naming another is refused."""
    data = record_data(registry / IM19_PATH, IM19_PATH)
    data["curation"]["silent"] = [name for name in data["curation"]["silent"] if name != "lymphodepletion"]
    data["lymphodepletion"] = {"agents": [{"agent": "FLUDARABINE"}, {"agent": "CYCLOPHOSPHAMIDE"}]}

    def refused(text: str) -> bool:
        noted = copy.deepcopy(data)
        noted["curation"].setdefault("notes", []).append({"field": "lymphodepletion", "text": text})
        return "E501" in Checks(registry).codes(IM19_PATH, noted)

    assert refused("Lymphodepletion uses bendamustine.")
    assert not refused("Lymphodepletion uses fludarabine.")
