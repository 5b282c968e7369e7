"""A hostile mutation hunt on `trials check` (helper-87's, hunt 219) on the curated records' notes: what hunt 216 left
passing (tests/test_attacks_mut_hunt216.py), reproduced on main and read as classes, and what this hunt's own
rewrites of IM19's and Relma-cel's notes found. Each refused note passed before its fix; each has an honest twin (a
note claiming as much, truly) that passes still. Notes are rewritten in memory and checked as `trials validate`
checks a file (mutations.Checks), on one registry copy the module shares.

Found and fixed (E501 unless said):

- an honest note refused: a count of people said of a cohort the note names before it, read apart from the cohort:
  IM19's '(the first cohort's dose is "1×10^6/kg", given to three patients)', its patients 1 to 3, was E501's
  "states 3 participants, which no cited source writes"; a count after a cohort in its sentence is now held to the
  cohort's size the record holds ("given to four patients" is refused still) (note_cohorts.sizes_said, remarks).
- a cohort named by how many of its arm's first or last patients it holds: IM19's "The source gives the dose for the
  last four patients" (its second cohort holds three), read as no cohort (note_cohorts, remarks).
- an acronym glossed in words that are not what a source spells it out as, or that no source spells it out as:
  IM19's "ALT (alanine transaminase)", "AST (aspartate transferase)" (its page's "alanine aminotransferase (ALT)",
  "aspartate aminotransferase (AST)"), read by initials alone, and "ULN (upper level of normal)" (its page writes
  "ULN" alone, so the words a note says the letters stand for are a fact of no source) (note_acronyms.glossed,
  remark_names).
- the order a note says a criterion writes two of its things in: Relma-cel's "the unit written before the window" of
  its exclusion criterion 1 ("... within 8 weeks prior to screening mg/d"), IM19's criterion 11's hematological items
  listed "before its kidney failure" (remark_order, new: each side found as a limit's part by its role, or as its
  longest run of words the criterion writes); and IM19's dates "in Basic Information, before the enrolment" (its
  page writes "6 participants" above them: the field placed by the record's value within its evidence quote)
  (remark_order.check_source_order).
- a party's spelling likened to the run quoted before it: IM19's "The sponsor is spelled the same way in the same
  source." after its facility's "Peking Universitiy" (remark_spelled).
- what a criterion's window is said to cover alone: IM19's criterion 8's window "covers only the myocardial
  infarction" (its limit's measure is the whole list of heart conditions) (remark_windows).
- a phase at the end of the file's title comment: "# Relma-cel (CD19-CART) in moderate to severe active SLE, phase 2"
  beside its PHASE1 (remark_prose: the first line's phase is said of the trial; a phase elsewhere in a comment is
  read, as before, only in a sentence said of the trial).
- a name said written in some sections alone, or not in one: Relma-cel's "(in its title only)", "(in its title but
  not its summary)" (its page writes "Relma-cel" in both) (remark_sections).
- a run said kept on a field the record holds nothing at: Relma-cel's 'Its "0 patients applied" ... is recorded.'
  beside no enrollment (remarks._kept_as_written).
- each count a section is said to list past its first object: Relma-cel's "Its Timeline section gives no dates but
  one label." and hunt 218's leftover "lists four labels and six lines" (four labels, five lines) (remark_layout).
- how many times a note says its sources write a run it quotes: IM19's 'spells the facility "Peking Universitiy Third
  Hospital" twice' (its page writes it once) (remark_quotes).
- the number a note says a criteria list ends at: IM19's "Both criteria lists start at 2 in the source and end at
  15" (its lists end at 9 and 13) (remark_numbering).
- a value said to be a field the record declares silent, without "the record's": Relma-cel's launch date "It is the
  first posted date." (remark_silence).

Left (each passes, false):

- IM19's criterion 11's items "a. to e., the first of them platelets" (e. is): the first or last item of a list said
  by its words is not read.
- IM19's 'Where a criterion, as criteria 2 and 3 do, says "within N weeks"' (inclusion criterion 3 is a weight):
  criteria said to write a quoted pattern of the note's own ("N") are not held to it.
- Relma-cel's "they are kept nested under criterion 4, as its three sub-criteria" (it holds two, one with three
  items of its own): a count of a criterion's sub-criteria is ambiguous between its own and all beneath it.
- Relma-cel's "does not say which registry date that is, and writes the sponsor in lower case" (it writes capitals):
  the case a note says a source writes a name in is not read.
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, RELMA_PATH, shared_registry
from mutations import Checks
from test_attacks_mut_hunt214 import comment_lines_refused, rewritten

IM19_WINDOW = "Exclusion criterion 8's window"
RELMA_ENROLMENT = "The source gives no enrollment count."
IM19_FIRST = '(the first cohort\'s dose is "1×10^6/kg")'


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt219"))


# --- a count of people said of a cohort the note names (remarks, note_cohorts) --------------------------------------


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ('(the first cohort\'s dose is "1×10^6/kg", given to three patients)', set()),  # (patients 1 to 3)
        ('(the first cohort\'s dose is "1×10^6/kg", given to four patients)', {"E501"}),
        ('(the first cohort\'s dose is "1×10^6/kg"); the trial enrols three patients', {"E501"}),  # (of no cohort)
    ],
)
def test_a_count_of_people_said_of_a_cohort_is_its_size(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_FIRST, new) == found


# --- the words a note says an acronym stands for (remark_names, note_acronyms) --------------------------------------


@pytest.mark.parametrize(
    ("shown", "said", "found"),
    [
        # (IM19's page: "alanine aminotransferase (ALT), aspartate aminotransferase (AST) ... ≥3×ULN")
        (IM19_PATH, "Exclusion criterion 10 lists ALT (alanine transaminase).", {"E501"}),
        (IM19_PATH, "Exclusion criterion 10 lists aspartate transferase (AST).", {"E501"}),
        (IM19_PATH, "Exclusion criterion 10 writes ULN (upper level of normal).", {"E501"}),  # (never spelled out)
        (IM19_PATH, "Exclusion criterion 10 lists ALT (alanine aminotransferase).", set()),
        (IM19_PATH, "Exclusion criterion 10 lists aspartate aminotransferase (AST).", set()),
        (IM19_PATH, "Exclusion criterion 10 lists ALT (as written).", set()),  # (no gloss of the letters)
        # (Relma-cel's page spells out "central nervous system")
        (RELMA_PATH, "Exclusion criterion 3 excludes CNS (central neural system) disease.", {"E501"}),
        (RELMA_PATH, "Exclusion criterion 3 excludes CNS (central nervous system) disease.", set()),
    ],
)
def test_the_words_a_note_says_an_acronym_stands_for_are_a_sources(
    checks: Checks, shown: str, said: str, found: set[str]
) -> None:
    old = IM19_WINDOW if shown == IM19_PATH else RELMA_ENROLMENT
    assert rewritten(checks, shown, old, f"{said} {old}") == found


# --- the order a note says a criterion writes its things in (remark_order) ------------------------------------------

IM19_ITEMS = "also lists hematological abnormalities a. to e.;"
RELMA_UNIT = "the unit written after the window"


@pytest.mark.parametrize(
    ("shown", "old", "new", "found"),
    [
        # (IM19's exclusion criterion 11 writes its kidney failure, then its hematological items)
        (IM19_PATH, IM19_ITEMS, IM19_ITEMS[:-1] + " before its kidney failure;", {"E501"}),
        (IM19_PATH, IM19_ITEMS, IM19_ITEMS[:-1] + " after its kidney failure;", set()),
        # (Relma-cel's exclusion criterion 1: "prednisone ≥100 within 8 weeks prior to screening mg/d")
        (RELMA_PATH, RELMA_UNIT, "the unit written before the window", {"E501"}),
        (RELMA_PATH, RELMA_UNIT, "the window written after the unit", {"E501"}),
        (RELMA_PATH, RELMA_UNIT, "the window written before the unit", set()),
    ],
)
def test_the_order_a_note_says_a_criterion_writes_is_its_order(
    checks: Checks, shown: str, old: str, new: str, found: set[str]
) -> None:
    assert rewritten(checks, shown, old, new) == found


# --- a party's spelling a note likens to the run it quoted before (remark_spelled) ----------------------------------

IM19_SPONSOR = 'The sponsor is spelled "Peking University Third Hospital" in the same source.'


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # (after its facility's "Peking Universitiy Third Hospital": the sponsor's field holds "University")
        ("The sponsor is spelled the same way in the same source.", {"E501"}),
        ("The sponsor is spelled otherwise in the same source.", set()),
        ("The site is spelled the same way in the same source.", set()),
        ("The site is spelled differently in the same source.", {"E501"}),
    ],
)
def test_a_spelling_likened_to_the_run_quoted_before_is_the_fields(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_SPONSOR, new) == found


# --- what a criterion's window is said to cover alone (remark_windows) ----------------------------------------------

IM19_WHOLE = "covers its whole list of heart conditions."


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # (IM19's 6 months are on its exclusion criterion 8's whole list: "myocardial infarction, cardiac angioplasty
        # or stent placement, unstable angina, ...")
        ("covers only the myocardial infarction.", {"E501"}),
        ("covers the myocardial infarction alone.", {"E501"}),
        ("covers the myocardial infarction too.", set()),
        ("does not cover only the myocardial infarction.", set()),
    ],
)
def test_a_window_said_to_cover_some_alone_covers_only_those(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_WHOLE, new) == found


# --- a phase at the end of the file's title comment (remark_prose) --------------------------------------------------

RELMA_TITLE = "in moderate to severe active SLE."


@pytest.mark.parametrize(
    ("new", "lines"),
    [
        ("in moderate to severe active SLE, phase 2", [1]),  # (its PHASE1)
        ("in moderate to severe active SLE (phase 2)", [1]),
        ("in moderate to severe active SLE, phase 1", []),
    ],
)
def test_a_phase_ending_the_title_comment_is_the_trials(
    checks: Checks, capsys: pytest.CaptureFixture[str], new: str, lines: list[int]
) -> None:
    assert comment_lines_refused(checks, capsys, RELMA_PATH, RELMA_TITLE, new) == lines


# --- a name said written in some sections only, or not in one (remark_sections) -------------------------------------

RELMA_NAMED = "(in its title and summary)"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # (Relma-cel's page writes "Relma-cel" in its title and its summary, its keywords "Relma Cel")
        ("(in its title only)", {"E501"}),
        ("(only in its summary)", {"E501"}),
        ("(in its title but not its summary)", {"E501"}),
        ("(in its title and summary only)", set()),
        ("(in its title but not its keywords)", set()),
    ],
)
def test_a_name_said_written_in_some_sections_alone_is_written_in_no_other(
    checks: Checks, new: str, found: set[str]
) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_NAMED, new) == found


# --- a run said kept on a field the record holds nothing at (remarks) -----------------------------------------------

RELMA_APPLIED = "counts ClinConnect applicants, not trial enrolment, and is not recorded."


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # (Relma-cel's enrollment: the record holds none, its 'Its "0 patients applied"' the note's quote)
        ("counts ClinConnect applicants and is recorded.", {"E501"}),
        ("is kept as written.", {"E501"}),
        ("counts ClinConnect applicants and is not recorded.", set()),
    ],
)
def test_a_run_said_kept_is_kept_where_the_record_holds_nothing(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_APPLIED, new) == found


# --- each count a section is said to list, past its first object (remark_layout) ------------------------------------

RELMA_TIMELINE = "Its Timeline section gives no dates."


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # (Relma-cel's Timeline: four labels and "Not reported", five lines)
        ("Its Timeline section gives no dates but one label.", {"E501"}),
        ("Its Timeline section lists four labels and six lines.", {"E501"}),
        ("Its Timeline section gives no dates but four labels.", set()),
        ("Its Timeline section lists four labels and five lines.", set()),
    ],
)
def test_each_count_a_section_is_said_to_list_is_its(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_TIMELINE, new) == found


# --- how many times a note says its sources write a run it quotes (remark_quotes) -----------------------------------

IM19_FACILITY = '"Peking Universitiy Third Hospital"; kept as written.'


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # (IM19's page writes its facility's misspelling once)
        ('"Peking Universitiy Third Hospital" twice; kept as written.', {"E501"}),
        ('"Peking Universitiy Third Hospital" in its Locations 3 times; kept as written.', {"E501"}),
        ('"Peking Universitiy Third Hospital" once; kept as written.', set()),
        ('"Peking Universitiy Third Hospital" at least once; kept as written.', set()),
    ],
)
def test_how_often_a_note_says_a_run_is_written_is_how_often_it_is(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_FACILITY, new) == found


# --- the number a note says a criteria list ends at (remark_numbering) ----------------------------------------------

IM19_STARTS = "Both criteria lists start at 2 in the source"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # (IM19's inclusion list runs 2 to 9, its exclusion list 2 to 13)
        (IM19_STARTS + " and end at 15", {"E501"}),
        ("The inclusion list ends at 13 and both criteria lists start at 2 in the source", {"E501"}),
        ("The exclusion list ends at 13 and both criteria lists start at 2 in the source", set()),
    ],
)
def test_the_number_a_note_says_a_list_ends_at_is_its_last(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_STARTS, new) == found


# --- a value a note says is a field the record declares silent (remark_silence) -------------------------------------

RELMA_WHICH = "does not say which registry date that is."


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # (Relma-cel's launch date: the record declares its sources silent on dates.first_posted and dates.start)
        (RELMA_WHICH + " It is the first posted date.", {"E501"}),
        (RELMA_WHICH + " It is not the start date.", set()),
        (RELMA_WHICH + " It is the launch date.", set()),
    ],
)
def test_a_value_said_to_be_a_field_is_not_of_a_silent_one(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_WHICH, new) == found


# --- the dates a note places before or after a field its source writes (remark_order) -------------------------------

IM19_DATES = "in Basic Information;"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # (IM19's Basic Information writes "6 participants", then its two dates)
        ("in Basic Information, before the enrolment;", {"E501"}),
        ("in Basic Information, after the enrolment;", set()),
    ],
)
def test_dates_a_note_places_beside_a_field_stand_there(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_DATES, new) == found


# --- a cohort named by how many of its arm's first or last patients it holds (note_cohorts, remarks) ---------------

IM19_SECOND = "The source gives the dose for patients 4 to 6"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        # (IM19's cohorts: patients 1 to 3, 4 to 6; the second's dose "1×10^8 CAR-T cells")
        ("The source gives the dose for the last four patients", {"E501"}),
        ("The source gives the dose for the first three patients", {"E501"}),  # (the other cohort's dose)
        ("The source gives the dose for the last three patients", set()),
    ],
)
def test_a_cohort_named_by_its_first_or_last_patients_is_one_held(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_SECOND, new) == found
