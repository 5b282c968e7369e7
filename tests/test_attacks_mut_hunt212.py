"""A hostile mutation hunt on `trials check` (helper-64's, after hunt 211): mutations of the curated records' notes
and comments that passed with no test. Each passed before its fix; each has an honest counterpart that passes still.

Found and fixed (E501; E514 for a list said to be renumbered):

- the trial's end as its own verb, or a status's words alone in their clause: Relma-cel's "The trial has completed.",
  "It has now completed.", "The study is over.", "The trial is complete." and IM19's first comment given
  "(completed)" passed beside their RECRUITING, a status's words being read only after "is", "was" or "has been"
  (coded_words._STATUS_PHRASES).
- what a remark says a source is that no source the record cites is: Relma-cel's first comment's "(a ClinConnect
  trial page)" rewritten to "(a ClinicalTrials.gov record)", IM19's note "The source is a third-party site's copy of
  the ClinicalTrials.gov record" to "a trial finder's page, not ..." or to "the sponsor's copy of ...", "a press
  release on ...": a remark's words of what its source is were read by nothing (remark_sources._misdescribed, held to
  the kinds of the sources cited, and a copy's or a registry's page to being no sponsor's).
- an age group a remark says the trial enrols that the record's ages leave out: Relma-cel's and IM19's "Children are
  eligible.", "It is a pediatric trial.", "Adolescents may enrol.", a comment's "(a pediatric trial)", and "Older
  adults are eligible." of a draft whose maximum age is 60: a group of people by its age was read by nothing
  (remark_ages, ClinicalTrials.gov's groups: a child under 18, an older adult 65 or more).
- a run a note quotes and places in a section of its source that writes it elsewhere only: IM19's 'under "key
  timeline milestones" in Basic Information' rewritten to "in Study Design" or "in Brief Summary", Relma-cel's 'The
  source's summary says "early phase (Phase I)"' to "The source's Timeline says" or "Its Keywords section says": the
  quote was held to the whole source, the section named to nothing (remark_sections, a known layout's headings);
  and a name a note says its source writes in the sections a bracket lists: Relma-cel's "names the treatment
  Relma-cel (in its title and summary)" given "keywords" too (its keywords write "Relma Cel").
- a section of its source a note says is empty that writes more than its heading's blurb: IM19's "The source's
  Conditions, Brief Summary and Detailed Description sections are empty." given Study Design or Eligibility Criteria
  (remark_sections, registry_copy.BLURB made public to read a heading's blurb as no content).
- a count a note says its source's words give that no source writes: Relma-cel's "its summary speaks of multiple
  locations" rewritten to "speaks of two locations", "mentions 3", "refers to four": a count was held to the
  record's list only after a verb of listing (remark_mentions, held to a source writing that count of that thing).
- a field a note says a source gives that the record declares silent: Relma-cel's "The source gives no enrollment
  count." rewritten to "gives an enrollment count of 0", "Its Timeline section gives no dates." to "gives the start
  date": what a note said a source gives was held to nothing (remark_silence).
- a count of a criterion's unnumbered items a note gives that the record does not hold: Relma-cel's "Inclusion
  criterion 4 is followed in the source by two unnumbered paragraphs" rewritten to "three" or "one": only a
  sub-list's numbers were read (note_items.unnumbered_counted, remarks._items_of_other_criteria).
- a note saying the record's criteria list is numbered anew where it keeps the source's numbers: IM19's "the
  numbering is kept" rewritten to "the numbering is renumbered from 1" beside its lists numbered from 2: where the
  source's list starts was read, the record's not (completeness._renumbered, E514).
- a run a note says the record corrects or drops that its field holds as written: IM19's "The source spells the
  facility "Peking Universitiy Third Hospital"; kept as written." rewritten to "; corrected.", Relma-cel's escapes
  note given "mg/ day" as removed (remarks._NOT_KEPT, the converse of hunt 211's kept-as-written reading).
- how many times a note says the product is given where no source writes it: "Patients receive two infusions.",
  "The cells are infused twice.", "Patients may get a second dose." beside Relma-cel and IM19, whose sources never
  say: no field holds a schedule, and a count of no unit was no fact (remark_schedule, held to a source writing that
  count; a count of one is left, hunt 210's honest "given in one infusion" saying how a dose is given).
- a phase in words of the trial's place in the product's testing: IM19's "It is a first-in-human trial." (its phase
  NA) passed, only a phase's own words being read (coded_words._PHASE_PHRASES: first in humans is phase 1).

Left, found and not fixed (each passes `trials check`; reproduce with codes_with_a_note_rewritten on the record named):
IM19's "two unlabelled dates" rewritten to "two labelled dates" (the source gives them no label), "covers its whole
list of heart conditions" to "lung conditions" (what a criterion's list is about, in a note's words), "stays in the
text only" to "is recorded as a threshold" (where a note says a criterion's item is recorded), "are the site's
similarity picks, not trials the sponsor names" to "are trials the sponsor names" (whose picks a list is); Relma-cel's
"counts ClinConnect applicants" to "counts trial applicants", "Its Timeline section gives no dates." to "Its
Eligibility section gives no dates." (what kind of value a section lacks), and a note's count of one infusion ("a
single infusion", left for hunt 210's honest "given in one infusion"). Hunt 209's, 210's and 211's strict xfails (an
incomplete entry saying a whole criterion or a whole list of rows is cut; a note moved to a field its words are not
about) are as they were.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    IM19_PATH,
    IM19_TEXT_HEAD,
    RELMA_PATH,
    Trials,
    add_source,
    age_fields,
    codes_with_a_note_rewritten,
    im19_draft,
    joined,
    put,
)
from mutations import Checks
from test_attacks_mut_hunt210 import codes_with_a_note

# --- the trial's end as its own verb, a status's words alone -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The trial has completed.",
        "It has now completed.",
        "The study is over.",
        "The trial is complete.",
        "The trial has ended early.",
        "Its status: completed.",
    ],
)
def test_the_trials_end_a_note_gives_beside_its_recruiting_is_refused(registry: Path, text: str) -> None:
    assert "E501" in codes_with_a_note(registry, RELMA_PATH, "dates.launched", text)


def test_a_status_a_comment_gives_in_brackets_is_refused(registry: Path, trials: Trials) -> None:
    path = registry / IM19_PATH
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Third Hospital).", "Third Hospital) (completed).", 1), "utf-8")
    assert [line for _, line, _ in trials.json("validate", path).where("E501")] == [1]


@pytest.mark.parametrize(
    "text",
    [
        "The trial is recruiting; it has not completed.",
        "The trial has completed dosing of no cohort the source names.",
        "Patients who completed a standard regimen are enrolled.",
        "The curation is complete.",
        "Its status is given as (recruiting).",
    ],
)
def test_a_status_a_note_gives_as_the_record_holds_or_of_another_thing_passes(registry: Path, text: str) -> None:
    assert codes_with_a_note(registry, RELMA_PATH, "dates.launched", text) == set()


def test_a_status_a_comment_gives_as_the_record_holds_passes(registry: Path, trials: Trials) -> None:
    path = registry / IM19_PATH
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Third Hospital).", "Third Hospital) (recruiting).", 1), "utf-8")
    assert trials("validate", path).status == 0


# --- what a remark says a source is ----------------------------------------------------------------------------------

THIRD_PARTYS = "a third-party site's copy of"


def test_a_kind_a_comment_gives_the_source_that_it_is_not_is_refused(registry: Path, trials: Trials) -> None:
    path = registry / RELMA_PATH
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("(a ClinConnect trial page)", "(a ClinicalTrials.gov record)", 1), "utf-8")
    assert [line for _, line, _ in trials.json("validate", path).where("E501")] == [2]


@pytest.mark.parametrize(
    "new",
    ["the sponsor's copy of", "a trial finder's page, not", "a press release on", "a journal article on"],
)
def test_a_kind_a_note_gives_the_source_that_it_is_not_is_refused(registry: Path, new: str) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, IM19_PATH, THIRD_PARTYS, new)


@pytest.mark.parametrize("text", ["The source is a ClinicalTrials.gov record.", "The source, a registry page, ..."])
def test_a_registrys_page_a_note_makes_of_a_trial_finders_page_is_refused(registry: Path, text: str) -> None:
    assert "E501" in codes_with_a_note(registry, RELMA_PATH, "dates.launched", text)


@pytest.mark.parametrize("new", ["a copy of", "a third party's mirror of", "the site's copy of"])
def test_a_kind_a_note_gives_the_source_as_it_is_passes(registry: Path, new: str) -> None:
    assert codes_with_a_note_rewritten(registry, IM19_PATH, THIRD_PARTYS, new) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The source is a ClinConnect trial page.",
        "The source is not a ClinicalTrials.gov record.",
        "The source is the trial's page on ClinConnect.",
    ],
)
def test_a_kind_a_note_gives_a_trial_finders_page_as_it_is_passes(registry: Path, text: str) -> None:
    assert codes_with_a_note(registry, RELMA_PATH, "dates.launched", text) == set()


# --- an age group a remark says the trial enrols ---------------------------------------------------------------------


@pytest.mark.parametrize("shown", [RELMA_PATH, IM19_PATH])
@pytest.mark.parametrize(
    "text",
    [
        "Children are eligible.",
        "It is a pediatric trial.",
        "Adolescents may enrol.",
        "The trial enrols children and adults.",
        "Pediatric patients are also included.",
    ],
)
def test_children_a_note_says_a_trial_of_adults_enrols_are_refused(registry: Path, shown: str, text: str) -> None:
    assert "E501" in codes_with_a_note(registry, shown, "eligibility.minimum_age", text)


def test_children_a_comment_says_a_trial_of_adults_enrols_are_refused(registry: Path, trials: Trials) -> None:
    path = registry / IM19_PATH
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Third Hospital).", "Third Hospital; a pediatric trial).", 1), "utf-8")
    assert [line for _, line, _ in trials.json("validate", path).where("E501")] == [1]


@pytest.mark.parametrize(
    "text",
    [
        "No children are eligible.",
        "Children are not eligible.",
        "Pediatric patients are excluded.",
        "Women of childbearing age are eligible.",
        "Children of patients are not screened.",
        "Older adults are eligible.",  # (Relma-cel's maximum age, 70, is an older adult's)
    ],
)
def test_an_age_group_a_note_gives_as_the_record_holds_or_denied_passes(registry: Path, text: str) -> None:
    assert codes_with_a_note(registry, RELMA_PATH, "eligibility.minimum_age", text) == set()


def older_adults_draft(registry: Path, maximum: int, text: str) -> Path:
    """IM19 as a draft whose source gives ages 18 to maximum, holding its maximum age and a note of text."""
    source = add_source(registry, "seeds/212_ages.txt", IM19_TEXT_HEAD + f"Ages 18 to {maximum} years\n")
    draft = im19_draft(source).replace(
        "  status: draft\n", f"  status: draft\n  notes:\n    - field: eligibility\n      text: {text}\n"
    )
    return put(registry, IM19_PATH, joined(draft, age_fields("maximum_age", maximum, f"Ages 18 to {maximum} years")))


def test_older_adults_a_note_says_a_trial_up_to_60_enrols_are_refused(registry: Path, trials: Trials) -> None:
    path = older_adults_draft(registry, 60, "Older adults are eligible.")
    problems = trials.json("validate", path).problems()
    assert [(p["code"], "older adults" in p["message"]) for p in problems] == [("E501", True)]


def test_older_adults_a_note_says_a_trial_up_to_75_enrols_pass(registry: Path, trials: Trials) -> None:
    path = older_adults_draft(registry, 75, "Older adults are eligible.")
    assert trials("validate", path).status == 0


# --- a quoted run a note places in a section of its source that writes it elsewhere ----------------------------------


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (IM19_PATH, "in Basic Information", "in Study Design"),
        (IM19_PATH, "in Basic Information", "in Brief Summary"),
        (RELMA_PATH, "The source's summary says", "The source's Timeline says"),
        (RELMA_PATH, "The source's summary says", "Its Keywords section says"),
    ],
)
def test_a_quote_a_note_places_in_a_section_that_does_not_write_it_is_refused(
    registry: Path, shown: str, old: str, new: str
) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, shown, old, new)


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (IM19_PATH, "in Basic Information", "in its Basic Information section"),
        (IM19_PATH, "in Basic Information", "in the source"),  # (no section: the whole source writes it)
        (RELMA_PATH, "The source's summary says", "Its summary section says"),
        (RELMA_PATH, "The source's summary says", "The source's ClinConnect Summary says"),
    ],
)
def test_a_quote_a_note_places_in_the_section_that_writes_it_passes(
    registry: Path, shown: str, old: str, new: str
) -> None:
    assert codes_with_a_note_rewritten(registry, shown, old, new) == set()


@pytest.mark.parametrize(
    "new", ["(in its title, summary and keywords)", "(in its keywords)", "(in its Trial Officials)"]
)
def test_a_name_a_note_places_in_sections_that_do_not_write_it_is_refused(registry: Path, new: str) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, RELMA_PATH, "(in its title and summary)", new)


@pytest.mark.parametrize("new", ["(in its summary)", "(in its title, and ClinConnect Summary)", "(in its sponsor's)"])
def test_a_name_a_note_places_in_sections_that_write_it_passes(registry: Path, new: str) -> None:
    """The last names no section: left to the names' reading."""
    assert codes_with_a_note_rewritten(registry, RELMA_PATH, "(in its title and summary)", new) == set()


# --- how many times a remark says the product is given ---------------------------------------------------------------


@pytest.mark.parametrize("shown", [RELMA_PATH, IM19_PATH])
@pytest.mark.parametrize(
    "text", ["Patients receive two infusions.", "Patients may get a second dose.", "The cells are infused twice."]
)
def test_a_count_of_infusions_no_source_writes_is_refused(registry: Path, shown: str, text: str) -> None:
    assert "E501" in codes_with_a_note(registry, shown, "interventions", text)


@pytest.mark.parametrize(
    "text",
    [
        "The source does not say how many infusions are given.",
        "No patient receives a second infusion.",
        "There are two dose levels.",
        "Patients receive a single infusion.",  # (a count of one: left)
    ],
)
def test_no_count_of_infusions_or_one_denied_passes(registry: Path, text: str) -> None:
    assert codes_with_a_note(registry, IM19_PATH, "interventions", text) == set()


def test_a_count_of_infusions_its_source_writes_passes(registry: Path) -> None:
    source = add_source(registry, "seeds/212_twice.txt", IM19_TEXT_HEAD + "Patients get 2 infusions of cells.\n")
    put(registry, IM19_PATH, im19_draft(source))

    def noted(data: dict) -> None:
        data["curation"]["notes"] = [{"field": "arms", "text": "Patients receive two infusions, a second dose."}]

    assert Checks(registry).after(IM19_PATH, noted) == set()


def test_a_count_of_infusions_another_than_its_source_writes_is_refused(registry: Path) -> None:
    source = add_source(registry, "seeds/212_twice.txt", IM19_TEXT_HEAD + "Patients get 2 infusions of cells.\n")
    put(registry, IM19_PATH, im19_draft(source))

    def noted(data: dict) -> None:
        data["curation"]["notes"] = [{"field": "arms", "text": "Patients receive three infusions."}]

    assert "E501" in Checks(registry).after(IM19_PATH, noted)


# --- a phase in words of the trial's place in testing ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["It is a first-in-human trial.", "The trial is first-in-human.", "This first in human study enrols."]
)
def test_first_in_human_beside_a_phase_of_na_is_refused(registry: Path, text: str) -> None:
    assert "E501" in codes_with_a_note(registry, IM19_PATH, "phases", text)


def test_first_in_human_beside_phase_1_or_of_another_study_passes(registry: Path) -> None:
    assert codes_with_a_note(registry, RELMA_PATH, "phases", "It is a first-in-human trial.") == set()
    assert codes_with_a_note(registry, IM19_PATH, "phases", "It follows no first-in-human study.") == set()


# --- a section a note says is empty ----------------------------------------------------------------------------------

EMPTY = "The source's Conditions, Brief Summary and Detailed Description sections are empty."


@pytest.mark.parametrize(
    "new",
    [
        "The source's Conditions, Study Design and Detailed Description sections are empty.",
        "The source's Eligibility Criteria section is empty.",
        "Its Brief Summary and Locations sections are empty.",
    ],
)
def test_a_section_a_note_says_is_empty_that_writes_more_is_refused(registry: Path, new: str) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, IM19_PATH, EMPTY, new)


@pytest.mark.parametrize(
    "new",
    [
        "Its Brief Summary and Conditions sections are both empty.",
        "The source's Detailed Description section is empty.",
        "The source's Conditions, Brief Summary and Detailed Description sections are not empty of blurbs.",
    ],
)
def test_a_section_a_note_says_is_empty_that_writes_a_blurb_alone_passes(registry: Path, new: str) -> None:
    assert codes_with_a_note_rewritten(registry, IM19_PATH, EMPTY, new) == set()


# --- a count a note says its source's words give --------------------------------------------------------------------

MULTIPLE = "while its summary speaks of multiple"


@pytest.mark.parametrize(
    "new",
    ["while its summary speaks of two", "while its summary mentions 3", "while its summary refers to four"],
)
def test_a_count_a_note_says_its_source_gives_that_none_writes_is_refused(registry: Path, new: str) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, RELMA_PATH, MULTIPLE, new)


@pytest.mark.parametrize(
    "new",
    [
        "while its summary speaks of many",
        "while its summary, which mentions one of the hospitals, speaks of multiple",
        "while its sub-item 3 refers to 8 weeks and its summary speaks of multiple",
    ],
)
def test_a_count_a_note_says_its_source_gives_as_it_writes_it_passes(registry: Path, new: str) -> None:
    assert codes_with_a_note_rewritten(registry, RELMA_PATH, MULTIPLE, new) == set()


# --- a field a note says a source gives that the record declares silent ----------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The source gives no enrollment count.", "The source gives an enrollment count of 0."),
        ("Its Timeline section gives no dates.", "Its Timeline section gives the start date."),
        ("Its Timeline section gives no dates.", "It lists the conditions."),
    ],
)
def test_a_field_a_note_says_its_source_gives_that_the_record_declares_silent_is_refused(
    registry: Path, old: str, new: str
) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, RELMA_PATH, old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The source gives no enrollment count.", "The source does not give an enrollment count."),
        ("Its Timeline section gives no dates.", "Its Timeline section gives no start date."),
        ("Its Timeline section gives no dates.", "ClinicalTrials.gov may list conditions; this page gives none."),
        ("Its Timeline section gives no dates.", "Its Timeline section gives the launch date alone."),
    ],
)
def test_a_field_a_note_says_its_source_gives_as_the_record_holds_or_denied_passes(
    registry: Path, old: str, new: str
) -> None:
    assert codes_with_a_note_rewritten(registry, RELMA_PATH, old, new) == set()


# --- a count of a criterion's unnumbered items ----------------------------------------------------------------------

UNNUMBERED = "by two unnumbered paragraphs"


@pytest.mark.parametrize("new", ["by three unnumbered paragraphs", "by one unnumbered paragraph"])
def test_a_count_of_a_criterions_unnumbered_items_it_does_not_hold_is_refused(registry: Path, new: str) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, RELMA_PATH, UNNUMBERED, new)


@pytest.mark.parametrize("new", ["by 2 unnumbered paragraphs", "by two unnumbered items"])
def test_a_count_of_a_criterions_unnumbered_items_it_holds_passes(registry: Path, new: str) -> None:
    assert codes_with_a_note_rewritten(registry, RELMA_PATH, UNNUMBERED, new) == set()


# --- a list said to be numbered anew ---------------------------------------------------------------------------------

KEPT = "the numbering is kept"


def test_a_list_a_note_says_is_renumbered_where_it_keeps_its_numbers_is_refused(registry: Path) -> None:
    assert "E514" in codes_with_a_note_rewritten(registry, IM19_PATH, KEPT, "the numbering is renumbered from 1")


@pytest.mark.parametrize("new", ["the numbering is kept, not renumbered from 1", "it is renumbered from 2, as kept"])
def test_a_list_a_note_says_is_numbered_as_the_record_holds_passes(registry: Path, new: str) -> None:
    assert codes_with_a_note_rewritten(registry, IM19_PATH, KEPT, new) == set()


# --- a run a note says the record corrects that its field holds as written -------------------------------------------


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (IM19_PATH, "; kept as written.", "; corrected."),
        (IM19_PATH, "; kept as written.", "; it is normalised in the record."),
        (RELMA_PATH, '("\\>", "\\<") are removed', '("\\>", "\\<", "mg/ day") are removed'),
    ],
)
def test_a_run_a_note_says_is_corrected_that_its_field_holds_is_refused(
    registry: Path, shown: str, old: str, new: str
) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, shown, old, new)


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (RELMA_PATH, '("\\>", "\\<") are removed', '("\\>", "\\<") are dropped'),
        (IM19_PATH, "; kept as written.", '; kept as written: "Third Hospital" is not dropped.'),
    ],
)
def test_a_run_a_note_says_is_corrected_that_its_field_does_not_hold_passes(
    registry: Path, shown: str, old: str, new: str
) -> None:
    assert codes_with_a_note_rewritten(registry, shown, old, new) == set()
