"""A hostile mutation hunt on `trials check` (helper-80's, hunt 216) on the curated records' notes: the false notes
earlier hunts left passing, and those this hunt's own rewrites of IM19's and Relma-cel's notes found, each read as a
class. Each refused note passed before its fix; each has an honest twin (a note claiming as much, truly) that passes
still. Notes are rewritten in memory and checked as `trials validate` checks a file (mutations.Checks), on one
registry copy the module shares.

Found and fixed (E501):

- a criterion said garbled (mangled, malformed, run together) that its source writes well-formed: IM19's plain
  exclusion criterion 8; and one said complete, or to give its full limit, of which the record records no limit: its
  exclusion criterion 3 (remark_garbled).
- a field listed after ", and" with no verb of its own, given by the verb before it: Relma-cel's summary said to give
  "the phase, and the enrolment", its enrolment declared silent; and a value said to be "the record's start date"
  (remark_silence).
- the ages a section is said to give none of: Relma-cel's "Eligibility criteria" section, which states "between 18
  and 70 years old"; a field denied after another in one list ("no enrollment count and no keywords"), and the status
  and the sex said given none of (remark_absence).
- a value said given under a label the source does not write it under: Relma-cel's "Gender" one as "(Sex: ALL)"
  (remark_labels).
- a condition said listed by a criterion that does not write it while another does: IM19's "Exclusion criterion 2
  lists MI (myocardial infarction)", its criterion 8's; and one said not listed that it writes (remark_categories).
- how many of the trial's officials are said to work where: "The three Principal Investigators work at Renji
  Hospital" of Relma-cel's three, one of them there (remark_parts).
- an acronym defined by words its source does not write where it spells the letters out otherwise: IM19's "DVT (deep
  vein thrombus)" of its "deep vein thrombosis" (remark_names).
- a group a recorded limit is said to bind that none of its conditions names: Relma-cel's floor for those on oral
  corticosteroids said to apply "to patients on antimalarials" (remark_conditions).
- a criterion before its list's first said on the page: IM19's incomplete entry "criterion 1 is missing from the
  page" made "is on the page" (remark_numbering).
- a run a note gives in a bracket and places in a section that does not write it: Relma-cel's "one location
  (Shanghai, China)" placed under its Trial Officials (remark_sections).
- a lettered item named by "item" at a sentence's end, its stop taken off before its items are read: IM19's "as does
  item f." of its criterion 11's a. to e. (note_items).
- a count of the officials on a note on another field, and of a lettered range's items: Relma-cel's "lists two
  investigators" (of three), IM19's "four hematological abnormalities a. to e." (remark_lists).

Left (each passes, false):

- "Its Timeline section gives the launch date." of Relma-cel, whose Timeline writes no date: hunt 212 holds "gives the
  launch date alone" an honest twin (tests/test_attacks_mut_hunt212.py), so a section's one date said given is unread.
- an acronym expanded in words whose initials are not its letters, or that no source spells out: "ALT (alanine
  transaminase)", "AST (aspartate transferase)", "ULN (upper level of normal)" of IM19 (note_acronyms.defined reads
  initials only, and IM19's page never spells ULN out).
- a phase in a comment's header ("# Relma-cel (CD19-CART) in moderate to severe active SLE, phase 2"): a comment's
  phase is read only in a sentence said of the trial (coded_words._OF_THE_PHASE).
- IM19's 'The sponsor is spelled the same way in the same source.' (it is not), its dates 'in Basic Information,
  before the enrolment' (after it), and its criterion 11's hematological items said listed "before its kidney
  failure" (after it); Relma-cel's Timeline said to list "five labels" (it writes four), its one location given
  "with its facility" (it names none; locations.facility is declared silent), and "the two officials'
  affiliations" (of three).
- IM19's 'its "Related Clinical Trials"' counted "six" (it lists five); Relma-cel's summary said to speak of "one
  location" (it says "multiple"; the record's one site bears the count out), Relma-cel named "(in its title only)",
  the unit of its exclusion criterion 1 "written before the window", IM19's criterion 8's window said to cover "only
  the myocardial infarction".

And an honest note refused: IM19's 'the first cohort's dose is "1×10^6/kg", given to three patients' (its patients 1
to 3) is E501's "states 3 participants, which no cited source writes" (a count of people read apart from the range it
is of).
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, RELMA_PATH, shared_registry
from mutations import Checks
from test_attacks_mut_hunt214 import rewritten

IM19_WINDOW = "Exclusion criterion 8's window"
RELMA_TIMELINE = "Its Timeline section gives no dates."
RELMA_PHASE = 'The source\'s summary says "early phase (Phase I)"'
RELMA_HOSPITALS = "the officials' affiliations name two hospitals"
RELMA_ENROLMENT = "The source gives no enrollment count."


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt216"))


# --- what a note says of a criterion's wording (remark_garbled) -----------------------------------------------------


@pytest.mark.parametrize(
    ("shown", "old", "new", "found"),
    [
        # a criterion said garbled that its source writes well-formed (its limit's unit beside its value)
        (IM19_PATH, IM19_WINDOW, "Exclusion criterion 8 is garbled in the source; its window", {"E501"}),
        (IM19_PATH, IM19_WINDOW, "Inclusion criterion 3 is run together in the source. " + IM19_WINDOW, {"E501"}),
        (IM19_PATH, IM19_WINDOW, "Exclusion criterion 12 is quite garbled. " + IM19_WINDOW, {"E501"}),
        # ... and where it is: a unit written apart (Relma-cel's 1), a word twice (its 3's "convulsions/convulsions"),
        # two sentences run together (IM19's 11)
        (RELMA_PATH, RELMA_TIMELINE, RELMA_TIMELINE + " Exclusion criterion 1 is mangled in the source.", set()),
        (RELMA_PATH, RELMA_TIMELINE, RELMA_TIMELINE + " Exclusion criterion 3 is garbled in the source.", set()),
        (IM19_PATH, IM19_WINDOW, "Exclusion criterion 11 runs together in the source. " + IM19_WINDOW, set()),
        # a criterion said whole, or to give its full limit, of which the record records no limit
        (IM19_PATH, IM19_WINDOW, "Exclusion criterion 3 gives the full limit. " + IM19_WINDOW, {"E501"}),
        (IM19_PATH, IM19_WINDOW, "Exclusion criterion 3 is complete in the source. " + IM19_WINDOW, {"E501"}),
        (IM19_PATH, IM19_WINDOW, "Exclusion criterion 12 gives the full limit. " + IM19_WINDOW, set()),
        (IM19_PATH, IM19_WINDOW, "Inclusion criterion 2 is complete in the source. " + IM19_WINDOW, set()),  # (ages)
    ],
)
def test_what_a_note_says_of_a_criterions_wording_is_the_records(
    checks: Checks, shown: str, old: str, new: str, found: set[str]
) -> None:
    assert rewritten(checks, shown, old, new) == found


# --- a field listed after another a source is said to give (remark_silence) -----------------------------------------


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("The source's summary gives the phase, and the enrolment", {"E501"}),  # (enrollment declared silent)
        ("The source's summary gives the phase, the locations and the start date", {"E501"}),
        ("The source's summary gives the phase, and the enrolment is not given", set()),  # (a clause of its own)
        ("The source's summary gives the phase, and no enrolment", set()),
        ("The source's summary gives the phase, and the keywords", set()),  # (not silent)
    ],
)
def test_a_field_listed_after_another_a_source_gives_is_given_too(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_PHASE, new) == found


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("; it is the record's start date", {"E501"}),  # (dates.start declared silent)
        ("; it is not the record's start date", set()),
    ],
)
def test_a_value_a_note_says_is_the_records_field_is_not_of_a_field_declared_silent(
    checks: Checks, new: str, found: set[str]
) -> None:
    which = "does not say which registry date that is"
    assert rewritten(checks, RELMA_PATH, which, which + new) == found


# --- what a note says a source, or a section of it, lacks (remark_absence) ------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (RELMA_TIMELINE, RELMA_TIMELINE + " Its Eligibility criteria section gives no ages.", {"E501"}),
        (RELMA_TIMELINE, RELMA_TIMELINE + " Its Keywords section gives no ages.", set()),
        (RELMA_TIMELINE, RELMA_TIMELINE + " Its Eligibility criteria section gives no maximum age.", {"E501"}),  # (70)
        (RELMA_ENROLMENT, "The source gives no enrollment count and no keywords.", {"E501"}),  # (its Keywords')
        (RELMA_ENROLMENT, "The source gives no enrollment count and no start date.", set()),
        (RELMA_ENROLMENT, "The source gives no enrollment count; it gives no overall status.", {"E501"}),
        (RELMA_ENROLMENT, "The source gives no enrollment count. It gives no gender.", {"E501"}),
    ],
)
def test_a_field_a_note_says_its_source_lacks_is_one_it_lacks(
    checks: Checks, old: str, new: str, found: set[str]
) -> None:
    assert rewritten(checks, RELMA_PATH, old, new) == found


# --- the label a note says a source gives a value under (remark_labels) ---------------------------------------------


@pytest.mark.parametrize(
    ("new", "found"),
    [
        (" It gives the sex as a labelled value (Sex: ALL).", {"E501"}),  # (under "Gender")
        (" It gives the status as a labelled value (Gender: Recruiting).", {"E501"}),
        (" It gives the sex as a labelled value (Gender: ALL).", set()),
    ],
)
def test_the_label_a_note_gives_a_value_under_is_the_sources(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_TIMELINE, RELMA_TIMELINE + new) == found


# --- the criterion a note says lists a condition (remark_categories) -------------------------------------------------


@pytest.mark.parametrize(
    ("said", "found"),
    [
        ("Exclusion criterion 2 lists MI (myocardial infarction).", {"E501"}),  # (criterion 8's)
        ("Exclusion criterion 9 lists myocardial infarction.", {"E501"}),
        ("Exclusion criterion 6 names TB (tuberculosis).", {"E501"}),  # (criterion 7's)
        ("Inclusion criterion 3 mentions SLEDAI-2K.", {"E501"}),  # (criterion 6's)
        ("Inclusion criterion 6 mentions SLEDAI-2K.", set()),
        ("Exclusion criterion 8 does not list myocardial infarction.", {"E501"}),
        ("Exclusion criterion 8 lists MI (myocardial infarction).", set()),
        ("Exclusion criterion 9 does not list myocardial infarction.", set()),
        ("Exclusion criterion 9 lists pulmonary embolism.", set()),
    ],
)
def test_the_criterion_a_note_says_lists_a_condition_writes_it(checks: Checks, said: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_WINDOW, f"{said} {IM19_WINDOW}") == found


# --- where a note says the officials work (remark_parts) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "found"),
    [
        ("The three Principal Investigators work at Renji Hospital", {"E501"}),  # (one of the three does)
        ("The two Principal Investigators work at Union Hospital", {"E501"}),  # (there are three)
        ("The officials work in Shanghai", {"E501"}),
        ("The investigators are from Union Hospital", {"E501"}),
        ("Two Principal Investigators work at Union Hospital", set()),
        ("The investigators work in China", set()),  # (a place no affiliation names: left to remark_names)
    ],
)
def test_how_many_officials_a_note_says_work_where_is_the_records(checks: Checks, said: str, found: set[str]) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_HOSPITALS, f"{RELMA_HOSPITALS}. {said}") == found


# --- the words a note defines an acronym by (remark_names) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "found"),
    [
        ("Exclusion criterion 9 lists DVT (deep vein thrombus).", {"E501"}),  # ("deep vein thrombosis")
        ("Exclusion criterion 9 lists deep vein thrombus (DVT).", {"E501"}),
        ("Exclusion criterion 6 lists HIV (human immune virus).", {"E501"}),  # (its own bracket, after its words)
        ("Exclusion criterion 9 lists DVT (deep vein thrombosis).", set()),
    ],
)
def test_the_words_a_note_defines_an_acronym_by_are_its_sources(checks: Checks, said: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_WINDOW, f"{said} {IM19_WINDOW}") == found


# --- whom a note says a recorded limit binds (remark_conditions) -----------------------------------------------------


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("applies to patients on antimalarials", {"E501"}),  # (its conditions name oral corticosteroids)
        ("applies to patients on corticosteroids", set()),
    ],
)
def test_a_group_a_note_says_a_limit_binds_is_one_its_conditions_name(
    checks: Checks, new: str, found: set[str]
) -> None:
    assert rewritten(checks, RELMA_PATH, "applies to patients on oral corticosteroids", new) == found


# --- a count of the officials, and of a lettered range (remark_lists) ----------------------------------------------


@pytest.mark.parametrize(
    ("shown", "old", "new", "found"),
    [
        (
            RELMA_PATH,
            RELMA_ENROLMENT,
            RELMA_ENROLMENT + " Its Trial Officials section lists two investigators.",
            {"E501"},
        ),
        (
            RELMA_PATH,
            RELMA_ENROLMENT,
            RELMA_ENROLMENT + " Its Trial Officials section lists three investigators.",
            set(),
        ),
        (IM19_PATH, "hematological abnormalities a. to e.", "four hematological abnormalities a. to e.", {"E501"}),
        (IM19_PATH, "hematological abnormalities a. to e.", "five hematological abnormalities a. to e.", set()),
    ],
)
def test_a_count_a_note_gives_of_the_officials_or_a_range_is_the_records(
    checks: Checks, shown: str, old: str, new: str, found: set[str]
) -> None:
    assert rewritten(checks, shown, old, new) == found


# --- a criterion said on the page before its list's first (remark_numbering) ----------------------------------------


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("criterion 1 is on the page.", {"E501"}),  # (the list starts at 2)
        ("criterion 1 is not on the page.", set()),
    ],
)
def test_a_criterion_a_note_says_is_on_the_page_is_one_the_list_holds(
    checks: Checks, new: str, found: set[str]
) -> None:
    old = "inclusion list starts at 2; criterion 1 is missing from the page."
    assert rewritten(checks, IM19_PATH, old, old.replace("criterion 1 is missing from the page.", new)) == found


# --- a lettered item named at a sentence's end (note_items) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("stays in the text only, as does item f.", {"E501"}),  # (criterion 11's items are a. to e.)
        ("stays in the text only, unlike item e.", set()),
    ],
)
def test_a_lettered_item_a_note_names_last_is_one_its_criterion_lists(
    checks: Checks, new: str, found: set[str]
) -> None:
    assert rewritten(checks, IM19_PATH, "stays in the text only", new) == found


# --- a bracket's run a note places in a section (remark_sections) ----------------------------------------------------

RELMA_LOCATION = "The source lists one location (Shanghai, China)"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("The source's Trial Officials section lists one location (Shanghai, China)", {"E501"}),
        (RELMA_LOCATION + " under Trial Officials", {"E501"}),
        ("The source's Locations section lists one location (Shanghai, China)", set()),
    ],
)
def test_a_run_a_note_brackets_and_places_in_a_section_is_written_there(
    checks: Checks, new: str, found: set[str]
) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_LOCATION, new) == found
