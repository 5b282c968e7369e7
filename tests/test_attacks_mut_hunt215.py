"""A hostile mutation hunt on `trials check` (helper-75's, hunt 215) on the curated records' notes and comments: the
items hunt 214 left (tests/test_attacks_mut_hunt214.py), each read as a class: one word of a note or a comment
changed so that it says something false of the record or its sources. Each refused mutation passed before its fix;
each has honest twins (a note claiming less, or as much, truly) that pass still. Notes are rewritten in memory and
checked as `trials validate` checks a file (mutations.Checks), on one registry copy the module shares; a comment's
rewrite is written to its file and put back.

Found and fixed (E501):

- the number a note says a criteria list starts at, and the nesting or side of a criterion it says paragraphs are
  kept on: IM19's "Both criteria lists start at 2" made "Neither criteria list starts at 2" or "Only the inclusion list
  starts at 2", Relma-cel's "kept nested under criterion 4" made "kept flat, after criterion 4", its "is followed in
  the source" made "is preceded" (remark_numbering).
- a word with a slash in a comment taken for a file path and blanked: Relma-cel's "(CD19-CART)" made "(CD19/BCMA
  CAR-T)", and a dose "1×10^7/kg" (comment_lines).
- what a comment says its source lists the trial as: a stub's "listed there as related" made "as sponsored"
  (remark_sections, a heading of a section writing the trial's id).
- a count a party's affiliations are said to name: Relma-cel's "the officials' affiliations" made "the sponsor's", and
  the fixture's "name two hospitals" made "three" (remark_mentions).
- another cohort a note likens its own to: IM19's "recorded as a flat dose" given ", as for the first cohort"
  (remark_prose).
- the side of its event a window is put on: Relma-cel's "within the 8 weeks before screening" made "after screening"
  (remark_windows).
- which registry date a date is, said to be given: Relma-cel's "does not say which registry date that is" made "says
  which" (remark_silence).
- a section's lines and a quoted heading said to list: Relma-cel's "runs the keywords together on one line" made "gives
  each keyword on its own line", IM19's "Related Clinical Trials" quoted as "More Related Trials" (remark_layout).
- the sponsor said to write what a note quotes: IM19's "kept as written" made "kept as the sponsor writes it"
  (remark_sources).
- whom a recorded limit binds or spares, the sub-item cited, the passages recorded as its conditions: Relma-cel's "not
  to those also taking immunosuppressants" made "to those ..." or "not to those also taking antimalarials", "by its
  sub-item 2" made "3", "both passages are recorded as its conditions" made "neither passage is recorded"
  (remark_conditions).

- a kind of condition or treatment said of items a note names: IM19's "hematological abnormalities a. to e." made
  "renal" (its criterion's "kidney failure" stands before a.), Relma-cel's "(oral corticosteroid requirements)" of the
  sub-list made "(antimalarial requirements)" (its first paragraph's) (remark_categories).

- a criterion said written whole and clear whose limit's unit its evidence writes apart from its value: Relma-cel's
  "Exclusion criterion 1 is garbled in the source" made "is complete in the source" (remark_garbled).

Left: none of the brief's items passes; a criterion said garbled that is not (the converse) is not read.
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, RELMA_PATH, record_data, shared_registry
from mutations import Checks
from test_attacks_mut_hunt214 import comment_lines_refused, rewritten


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt215"))


def test_the_curated_records_pass(checks: Checks) -> None:
    assert checks.codes(IM19_PATH, record_data(checks.root / IM19_PATH)) == set()
    assert checks.codes(RELMA_PATH, record_data(checks.root / RELMA_PATH)) == set()


# --- the number a note says a criteria list starts at ---------------------------------------------------------------

IM19_START = "Both criteria lists start at 2"


@pytest.mark.parametrize(
    "new",
    [
        "Neither criteria list starts at 2",
        "Only the inclusion list starts at 2",
        "Only the exclusion criteria list starts at 2",
        "The inclusion list does not start at 2",
    ],
)
def test_a_start_a_note_gives_a_criteria_list_that_it_lacks_is_refused(checks: Checks, new: str) -> None:
    assert "E501" in rewritten(checks, IM19_PATH, IM19_START, new)


@pytest.mark.parametrize(
    "new",
    ["The inclusion list starts at 2", "Both lists start at 2", "The exclusion criteria list starts at 2"],
)
def test_a_start_a_note_gives_a_criteria_list_that_it_has_passes(checks: Checks, new: str) -> None:
    """(A start at 1 is E514's: a note naming criterion 1 as there.)"""
    assert rewritten(checks, IM19_PATH, IM19_START, new) == set()


# --- the nesting a note says a criterion's paragraphs are kept in ---------------------------------------------------

RELMA_NESTED = "they are kept nested under criterion 4"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("they are kept flat, after criterion 4", {"E501"}),
        ("they are kept as criteria of their own after criterion 4", {"E501"}),
        ("they are kept as sub-items of criterion 4", set()),
        ("they are kept nested under inclusion criterion 4", set()),
    ],
)
def test_the_nesting_a_note_gives_a_criterions_paragraphs_is_the_records(
    checks: Checks, new: str, found: set[str]
) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_NESTED, new) == found


def test_paragraphs_a_note_says_are_nested_under_a_criterion_holding_none_are_refused(checks: Checks) -> None:
    assert "E501" in rewritten(checks, RELMA_PATH, RELMA_NESTED, "they are kept nested under criterion 5")


# --- a target a comment names the product by ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "lines"),
    [
        ("(CD19/BCMA CAR-T)", [1]),
        ("(BCMA-CART)", [1]),
        ("(a CD19 and BCMA CAR-T)", [1]),
        ("(CD19 CAR-T)", []),
        ("(anti-CD19 CAR-T)", []),
    ],
)
def test_a_target_a_comment_names_the_product_by_is_the_records(
    checks: Checks, capsys: pytest.CaptureFixture[str], new: str, lines: list[int]
) -> None:
    assert comment_lines_refused(checks, capsys, RELMA_PATH, "(CD19-CART)", new) == lines


@pytest.mark.parametrize(
    ("new", "lines"),
    [
        ("IM19 CAR-T cells, 1×10^7/kg, in refractory SLE", [1]),  # (no dose of the record's or the source's)
        ("IM19 CAR-T cells, 1×10^6/kg, in refractory SLE", []),
    ],
)
def test_a_word_with_a_slash_in_a_comment_is_read_not_taken_for_a_path(
    checks: Checks, capsys: pytest.CaptureFixture[str], new: str, lines: list[int]
) -> None:
    """A comment's file path is blanked ("Curated from seeds/....txt"); a word with a slash that names no file was
    blanked too, and what it said was read by nothing."""
    assert comment_lines_refused(checks, capsys, IM19_PATH, "IM19 CAR-T cells in refractory SLE", new) == lines


# --- what a stub's comment says its source lists it as --------------------------------------------------------------

STUB_PATH = "trials/NCT03030976.yaml"


@pytest.mark.parametrize(
    ("new", "lines"),
    [
        ("listed there as sponsored", [1]),
        ("listed there as a sub-study", [1]),
        ("listed there as recruiting", [1]),
        ("listed there as related", []),
        ("listed there among the related trials", []),
    ],
)
def test_what_a_comment_says_its_source_lists_the_trial_as_is_a_section_writing_it(
    checks: Checks, capsys: pytest.CaptureFixture[str], new: str, lines: list[int]
) -> None:
    assert comment_lines_refused(checks, capsys, STUB_PATH, "listed there as related", new) == lines


# --- a count a party's affiliations are said to name ----------------------------------------------------------------

RELMA_AFFILIATIONS = "the officials' affiliations name two hospitals"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("the sponsor's affiliations name two hospitals", {"E501"}),  # (the record holds none of the sponsor's)
        ("the responsible party's affiliations name two hospitals", {"E501"}),
        ("the officials' affiliations name three hospitals", {"E501"}),
        ("the officials' affiliations mention three hospitals", {"E501"}),
        ("the investigators' affiliations name two hospitals", set()),
        ("the officials' affiliations name one college", set()),  # (Union Hospital's "Tongji Medical College")
        ("the affiliations name two hospitals", set()),
        ("the three officials' affiliations name two hospitals", set()),
    ],
)
def test_a_count_a_partys_affiliations_are_said_to_name_is_the_records(
    checks: Checks, new: str, found: set[str]
) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_AFFILIATIONS, new) == found


def test_a_count_the_responsible_partys_affiliation_names_as_it_holds_passes(checks: Checks) -> None:
    data = record_data(checks.root / RELMA_PATH, RELMA_PATH)
    data["responsible_party"] = {"name": "yu Hu", "affiliation": data["officials"][0]["affiliation"]}
    data["curation"]["silent"].remove("responsible_party")
    (note,) = [n for n in data["curation"]["notes"] if RELMA_AFFILIATIONS in n["text"]]
    note["text"] = note["text"].replace(RELMA_AFFILIATIONS, "the responsible party's affiliation names one hospital")
    assert "E501" not in checks.codes(RELMA_PATH, data)


# --- another item a note likens its own to -------------------------------------------------------------------------

IM19_FLAT = "recorded as a flat dose"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        (IM19_FLAT + ", as for the first cohort", {"E501"}),  # (its first is dosed per kilogram)
        (IM19_FLAT + ", like the first cohort", {"E501"}),
        (IM19_FLAT + ", as with cohort 1", {"E501"}),
        (IM19_FLAT + ", as for the second cohort", set()),  # (itself)
        (IM19_FLAT + ", unlike the first cohort", set()),
        (IM19_FLAT + ", as for the first arm", set()),  # (its one arm's, of which it is)
    ],
)
def test_another_item_a_note_likens_its_own_to_holds_what_it_gives(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_FLAT, new) == found


# --- the side of its event a note puts a window on ------------------------------------------------------------------

RELMA_WINDOW = "within the 8 weeks before screening"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("within the 8 weeks after screening", {"E501"}),  # (criterion 1: "8 weeks prior to screening")
        ("within the 8 weeks following screening", {"E501"}),
        ("within the 8 weeks prior to screening", set()),
        ("within the past 8 weeks", set()),
        ("within 8 weeks of screening", set()),  # (no side said)
    ],
)
def test_the_side_a_note_puts_a_window_on_is_its_criterions(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_WINDOW, new) == found


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("Exclusion criterion 4's 24 weeks before enrollment are recorded as a limit.", {"E501"}),  # (after it)
        ("Exclusion criterion 4's 24 weeks after enrollment are recorded as a limit.", set()),
        ("Exclusion criterion 4's 24 weeks prior to screening are recorded as a limit.", set()),  # (its other)
    ],
)
def test_a_window_a_note_names_the_criterion_of_is_held_to_that_criterion(
    checks: Checks, new: str, found: set[str]
) -> None:
    assert (
        rewritten(checks, IM19_PATH, "Exclusion criterion 8's window of 6 months covers", new + " It covers") == found
    )


# --- what a note says stands after or before a criterion ------------------------------------------------------------

RELMA_FOLLOWED = "Inclusion criterion 4 is followed in the source"


@pytest.mark.parametrize(
    "new",
    [
        "Inclusion criterion 4 is preceded in the source",  # (criterion 3, before it, holds none)
        "Inclusion criterion 4 was preceded in the source",
    ],
)
def test_what_a_note_says_stands_beside_a_criterion_where_the_record_holds_none_is_refused(
    checks: Checks, new: str
) -> None:
    assert "E501" in rewritten(checks, RELMA_PATH, RELMA_FOLLOWED, new)


@pytest.mark.parametrize(
    "new", ["Inclusion criterion 4 is also followed in the source", "Inclusion criterion 4 is followed"]
)
def test_what_a_note_says_stands_beside_a_criterion_where_the_record_holds_it_passes(checks: Checks, new: str) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_FOLLOWED, new) == set()


# --- which registry date a note says its source says a date is -------------------------------------------------------

RELMA_WHICH = "does not say which registry date that is"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("says which registry date that is", {"E501"}),  # (the record declares every registry date silent)
        ("states which date it is", {"E501"}),
        ("does not state which date it is", set()),
        ("never says which registry date that is", set()),
    ],
)
def test_which_registry_date_a_note_says_its_source_names_is_held_to_the_silence(
    checks: Checks, new: str, found: set[str]
) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_WHICH, new) == found


# --- how a note says its source lays a section out ------------------------------------------------------------------

RELMA_RUNS = "runs the keywords together on one line"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("gives each keyword on its own line", {"E501"}),  # (its Keywords section writes one line)
        ("lists the keywords on separate lines", {"E501"}),
        ("gives one keyword per line", {"E501"}),
        ("runs the officials together on one line", {"E501"}),  # (its Trial Officials section writes nine)
        ("gives the keywords together on one line", set()),
        ("does not give each keyword on its own line", set()),
    ],
)
def test_the_lines_a_note_says_its_source_writes_a_sections_items_on_are_its_own(
    checks: Checks, new: str, found: set[str]
) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_RUNS, new) == found


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ('"Related Clinical Trials" are', '"More Related Trials" are', {"E501"}),  # (a heading listing nothing)
        ('"Related Clinical Trials" are', '"Related Clinical Trials" are', set()),
        (
            'its "Related Clinical Trials" are',
            'its "More Related Trials" is a heading only; its "Related Clinical Trials" are',
            set(),
        ),
        (
            'its "Related Clinical Trials" are the site\'s similarity picks',
            'its "Related Clinical Trials" are the site\'s similarity picks; its "More Related Trials" is empty',
            set(),
        ),
    ],
)
def test_a_heading_a_note_quotes_as_listing_lists_something(
    checks: Checks, old: str, new: str, found: set[str]
) -> None:
    data = record_data(checks.root / IM19_PATH, IM19_PATH)
    (note,) = [n for n in data["curation"]["notes"] if "Related Clinical Trials" in " ".join(n["text"].split())]
    note["text"] = " ".join(note["text"].split()).replace(old, new)
    assert checks.codes(IM19_PATH, data) == found


# --- the sponsor said to write what a note quotes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("kept as the sponsor writes it", {"E501"}),  # (a third-party site's copy is cited)
        ("kept as the sponsor spells it", {"E501"}),
        ("kept as the source writes it", set()),
        ("kept as written, not as the sponsor writes it", set()),
    ],
)
def test_the_sponsor_a_note_says_writes_what_it_quotes_is_a_source_cited(
    checks: Checks, new: str, found: set[str]
) -> None:
    assert rewritten(checks, IM19_PATH, "kept as written", new) == found


# --- what a note says of a recorded limit's conditions ---------------------------------------------------------------

RELMA_SPARED = "not to those also taking immunosuppressants"
RELMA_SUB_ITEM = "by its sub-item 2"
RELMA_BOTH = "both passages are recorded as its conditions"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (RELMA_SPARED, "to those also taking immunosuppressants"),  # (sub-item 2 spares them)
        (RELMA_SPARED, "not to those also taking antimalarials"),  # (no condition spares them)
        (RELMA_SUB_ITEM, "by its sub-item 3"),  # (which names no immunosuppressant)
        (RELMA_SUB_ITEM, "by its sub-item 1"),
        (RELMA_BOTH, "neither passage is recorded"),
        (RELMA_BOTH, "one passage is recorded as its condition"),
        (RELMA_BOTH, "both passages are not recorded"),
    ],
)
def test_what_a_note_says_of_a_limits_conditions_that_it_lacks_is_refused(checks: Checks, old: str, new: str) -> None:
    assert "E501" in rewritten(checks, RELMA_PATH, old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (RELMA_SPARED, "not to those taking immunosuppressants"),
        (RELMA_SUB_ITEM, "by sub-item 2 of its list"),  # (no sub-item read: claims less)
        (RELMA_BOTH, "two passages are recorded as its conditions"),
        (RELMA_BOTH, "each passage is recorded as one of its conditions"),
    ],
)
def test_what_a_note_says_of_a_limits_conditions_that_it_holds_passes(checks: Checks, old: str, new: str) -> None:
    assert rewritten(checks, RELMA_PATH, old, new) == set()


# --- the items a note says a kind of condition or treatment is of ---------------------------------------------------


@pytest.mark.parametrize(
    ("shown", "old", "new", "found"),
    [
        # a sub-list bracketed: criterion 4's steroid requirements, not its first paragraph's antimalarials
        (RELMA_PATH, "(oral corticosteroid requirements)", "(antimalarial requirements)", {"E501"}),
        (RELMA_PATH, "(oral corticosteroid requirements)", "(immunosuppressant requirements)", set()),  # (its item 2)
        (RELMA_PATH, "(oral corticosteroid requirements)", "(steroid dose requirements)", set()),
        # the lettered items named: criterion 11's a. to e., not its "kidney failure" before them
        (IM19_PATH, "hematological abnormalities", "renal abnormalities", {"E501"}),
        (IM19_PATH, "hematological abnormalities", "blood abnormalities", set()),
        (IM19_PATH, "lists hematological abnormalities a. to e.", "lists renal abnormalities and more", set()),
    ],
)
def test_a_kind_a_note_says_items_it_names_are_of_is_held_to_those_items(
    checks: Checks, shown: str, old: str, new: str, found: set[str]
) -> None:
    assert rewritten(checks, shown, old, new) == found


# --- a criterion a note says its source writes whole and clear -----------------------------------------------------

RELMA_GARBLED_SAID = "Exclusion criterion 1 is garbled in the source"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("Exclusion criterion 1 is complete in the source", {"E501"}),  # ("≥100 within 8 weeks ... mg/d")
        ("Exclusion criterion 1 is clear in the source", {"E501"}),
        ("Exclusion criterion 1 is not complete in the source", set()),
        ("Exclusion criterion 6 is complete in the source; exclusion criterion 1 is garbled", set()),  # ("< 10 mg/dL")
    ],
)
def test_a_criterion_a_note_says_is_written_whole_is_read_as_written(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_GARBLED_SAID, new) == found


# --- a note on a field no schema's, an index after an index --------------------------------------------------------


@pytest.mark.parametrize("field", ["arms.0.1", "arms.0.cohorts.0.1", "notes.7952801.0"])
def test_a_likening_note_on_a_field_of_an_index_after_an_index_is_refused_not_a_crash(
    checks: Checks, field: str
) -> None:
    """The fresh clone's property test drew a note on "bcchxvyhsj.0.qunzrjmc.0.7952801..." and `trials validate`
    stopped with an internal error (AttributeError: 'int' object has no attribute 'removesuffix'): the likening
    reading (remark_prose, "as for the first cohort") took each key before an index for a list's name. Such a
    field is no field of the schema's (E503); the likening is read on the lists it does name (IM19's first cohort's
    dose is per kilogram: E501 beside it on "arms.0.cohorts.0.1")."""
    data = record_data(checks.root / IM19_PATH, IM19_PATH)
    data["curation"]["notes"].append({"field": field, "text": "Recorded as a flat dose, as for the first cohort."})
    assert "E503" in checks.codes(IM19_PATH, data)
