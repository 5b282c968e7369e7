"""A hostile mutation hunt on the remark checks (helper-88's, hunt 220) on the curated records' notes: what hunts 217
and 218 left passing, and more of IM19's and Relma-cel's notes, each read as a class, with a true twin of the same
shape that passes still. Notes are rewritten in memory and checked as `trials validate` checks a file
(mutations.Checks), on one registry copy the module shares.

Found and fixed (E501):

- as many facts as the criteria a sentence names, pooled: Relma-cel's "The windows of exclusion criteria 1 and 6 are
  56 days and 14 days." (14 days being criterion 1's therapy's), with "respectively" or without; each is now its own
  criterion's, in order (remarks._facts_of_other_criteria).
- a length said of one of a criterion's measures, by its word, given another's: Relma-cel's "Exclusion criterion
  1's therapy lasts 8 weeks." (its therapy's is 14 days; 8 weeks is its prednisone's window) (remarks).
- a further count a section is said to list: Relma-cel's Timeline note given "; it lists four labels and six lines."
  (it writes five lines; only the first count was read) (remark_layout).
- a count beside the names it counts, with no mark between: IM19's "The source's two sections Conditions, Brief
  Summary and Detailed Description are empty.", "two Conditions, ... sections", Relma-cel's officials "at two Union
  Hospital sites" (note_name_counts, remark_lists).
- an identifier said given, of a kind named by its capitals, of a record silent on every identifier: Relma-cel's
  "The source gives the trial's MLC number." (its page's "multiple locations in China" has those initials)
  (remark_silence).
- a field a source is said to lay out ("runs ... together", "spells"), of a record silent on it: Relma-cel's "The
  source runs the conditions together on one line" (remark_silence).
- a drug named in lower case that no source writes: Relma-cel's "floor of 7.5 mg/day methylprednisolone" (its
  criterion writes "Prednisone (or equivalent)"; only a cell therapy's lower-case name was read) (note_names).
- where the criteria lists are said to end: IM19's "Both criteria lists start at 2 and end at 13" (its inclusion list
  ends at 9; only a start was read) (remark_numbering).
- a count a section's words are said to give, of a thing they never name: Relma-cel's "its title speaks of multiple
  locations in China" (the title was no section read), or in a place they do not write: "its summary speaks of
  multiple locations in Shanghai" (its summary writes China) (remark_mentions).
- a count in what a heading quoted is said to be: IM19's 'its "Related Clinical Trials" are the site's six similarity
  picks' (five ids) (remark_layout).
- a condition of one word a criterion is said to list, after "its whole list of": IM19's "Exclusion criterion 8's
  window of 6 months covers its whole list of infections" (its criteria 6 and 7 list infections; 8, heart
  conditions) (remark_categories).
- a section named in the plural said to write a quote, its verb plural: Relma-cel's 'The source's eligibility
  criteria say "early phase (Phase I)"' (its summary's words) (remark_sections).
- a section listed in a name's bracket with its determiner and the word "section": Relma-cel's "Relma-cel (in its
  title and its Timeline section)" (remark_sections).

And in the files' comments (E501):

- the trial said to be in an age group its ages leave out: Relma-cel's "# Relma-cel (CD19-CART) in moderate to severe
  active SLE in children." (ages 18 to 70; only "enrols", "is eligible" and the like were read) (remark_ages).
- the trial placed at a count of sites with no verb before: IM19's "# IM19 CAR-T cells in refractory SLE (Peking
  University Third Hospital), at two sites." (one site) (note_lists, remark_lists).

Left (each passes still): IM19's "The source does not say whether they are actual or estimated." made "The source
marks both as estimated." (a date's type said given, of a record silent on dates.start.type and
dates.completion.type: no field words name a date's type); Relma-cel's 'Its "0 patients applied"' made 'Its
Timeline's "0 patients applied"' (a quote placed in a section by a possessive); IM19's "... sections are empty." given
", as is its Eligibility section" or "; so is Study Design" (an emptiness said by "as is", "so is"); Relma-cel's
"both passages are recorded as its conditions" made "as its measures"; its "(oral corticosteroid requirements)" made
"(oral corticosteroid requirements of exclusion criterion 1)" (the criterion a sub-list is of, in its bracket); its
"the officials' affiliations name two hospitals" given ", one for each official" (three officials); IM19's "are the
site's similarity picks" made "are all six of the site's similarity picks" ("six of" read as some of them);
Relma-cel's "Inclusion criterion 4's oral corticosteroids are taken for 2 weeks and kept stable for 8 weeks." (its two
lengths swapped: both thresholds measure "Oral corticosteroids", so the measure's words tell them apart by nothing);
Relma-cel's first comment given " (Union Hospital)" (an official's affiliation put as the trial's place).
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, RELMA_PATH, shared_registry
from mutations import Checks
from sle_trials.reading.lexicon.note_name_counts import counted_names
from test_attacks_mut_hunt214 import comment_lines_refused, rewritten


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt220"))


RELMA_ENROLMENT = "The source gives no enrollment count."


def added(sentence: str) -> str:
    """Relma-cel's enrolment note with a sentence added."""
    return f"{RELMA_ENROLMENT} {sentence}"


RELMA_TIMELINE = "Its Timeline section gives no dates."
IM19_EMPTY = "The source's Conditions, Brief Summary and Detailed Description sections are empty."
RELMA_KEYWORDS = "The source runs the keywords together"
RELMA_FLOOR = "floor of 7.5 mg/day prednisone applies"
IM19_LISTS = "Both criteria lists start at 2"
RELMA_SUMMARY = "its summary speaks of multiple locations in China"
IM19_PICKS = "are the site's similarity picks"
IM19_HEART = "covers its whole list of heart conditions"
RELMA_PHASE = 'The source\'s summary says "early phase (Phase I)"'
RELMA_PLACES = "(in its title and summary)"


@pytest.mark.parametrize(
    ("shown", "old", "new", "found"),
    [
        # a fact each of as many criteria as facts, in their order
        (
            RELMA_PATH,
            RELMA_ENROLMENT,
            added("The windows of exclusion criteria 1 and 6 are 56 days and 14 days."),
            {"E501"},
        ),
        (
            RELMA_PATH,
            RELMA_ENROLMENT,
            added("Exclusion criteria 1 and 6 write 8 weeks and 10 mg/dL, respectively."),
            set(),
        ),
        (
            RELMA_PATH,
            RELMA_ENROLMENT,
            added("Inclusion criterion 4 and exclusion criterion 1 give 100 mg/d and 7.5 mg/day."),
            {"E501"},
        ),
        (
            RELMA_PATH,
            RELMA_ENROLMENT,
            added("Inclusion criterion 4 and exclusion criterion 1 give 7.5 mg/day and 100 mg/d."),
            set(),
        ),
        # a length said of what a criterion measures by its words is that measure's
        (RELMA_PATH, RELMA_ENROLMENT, added("Exclusion criterion 1's therapy lasts 8 weeks."), {"E501"}),
        (RELMA_PATH, RELMA_ENROLMENT, added("Exclusion criterion 1's prednisone window is 56 days."), set()),
        # each count a section is said to list
        (RELMA_PATH, RELMA_TIMELINE, RELMA_TIMELINE[:-1] + "; it lists four labels and six lines.", {"E501"}),
        (RELMA_PATH, RELMA_TIMELINE, RELMA_TIMELINE[:-1] + "; it lists four labels and five lines.", set()),
        # a count beside the names it counts
        (
            IM19_PATH,
            IM19_EMPTY,
            "The source's two sections Conditions, Brief Summary and Detailed Description are empty.",
            {"E501"},
        ),
        (
            IM19_PATH,
            IM19_EMPTY,
            "The source's three sections Conditions, Brief Summary and Detailed Description are empty.",
            set(),
        ),
        (
            IM19_PATH,
            IM19_EMPTY,
            "The source's two Conditions, Brief Summary and Detailed Description sections are empty.",
            {"E501"},
        ),
        (RELMA_PATH, RELMA_ENROLMENT, added("The officials work at two Union Hospital sites."), {"E501"}),
        (RELMA_PATH, RELMA_ENROLMENT, added("The two Union Hospital officials are yu Hu and heng Mei."), set()),
        # an identifier of a kind named by its capitals, said given by a source the record declares silent on it
        (RELMA_PATH, RELMA_ENROLMENT, added("The source gives the trial's MLC number."), {"E501"}),
        (RELMA_PATH, RELMA_ENROLMENT, added("The source gives the trial's NCT number."), set()),
        # a field said laid out by a source the record declares silent on it
        (RELMA_PATH, RELMA_KEYWORDS, "The source runs the conditions together", {"E501"}),
        (RELMA_PATH, RELMA_KEYWORDS, "The source runs its keywords together", set()),
        # a drug named in lower case that no source writes
        (RELMA_PATH, RELMA_FLOOR, RELMA_FLOOR.replace("prednisone", "methylprednisolone"), {"E501"}),
        (RELMA_PATH, RELMA_ENROLMENT, added("Inclusion criterion 4 names azathioprine and tacrolimus."), set()),
        # where the criteria lists are said to end
        (IM19_PATH, IM19_LISTS, IM19_LISTS + " and end at 13", {"E501"}),
        (IM19_PATH, IM19_LISTS, IM19_LISTS + "; the inclusion list ends at 9 and", set()),
        # a count a section's words are said to give, of a thing they never name, or in a place they do not
        (RELMA_PATH, RELMA_SUMMARY, RELMA_SUMMARY.replace("summary", "title"), {"E501"}),
        (RELMA_PATH, RELMA_SUMMARY, RELMA_SUMMARY.replace("multiple", "several"), set()),
        (RELMA_PATH, RELMA_SUMMARY, RELMA_SUMMARY.replace("China", "Shanghai"), {"E501"}),
        (RELMA_PATH, RELMA_SUMMARY, RELMA_SUMMARY.replace("in China", "across China"), set()),
        # a count in what a heading quoted is
        (IM19_PATH, IM19_PICKS, "are the site's six similarity picks", {"E501"}),
        (IM19_PATH, IM19_PICKS, "are the site's five similarity picks", set()),
        # a condition of one word a criterion's list is said to hold
        (IM19_PATH, IM19_HEART, "covers its whole list of infections", {"E501"}),
        (
            IM19_PATH,
            "Exclusion criterion 8's window",
            "Exclusion criterion 7's list covers infections. Its window",
            set(),
        ),
        # a section in the plural said to write a quote
        (RELMA_PATH, RELMA_PHASE, RELMA_PHASE.replace("summary says", "eligibility criteria say"), {"E501"}),
        (RELMA_PATH, RELMA_PHASE, 'The source\'s eligibility criteria say "Oral corticosteroids must meet"', set()),
        # a section listed with its determiner and its word "section"
        (RELMA_PATH, RELMA_PLACES, "(in its title and its Timeline section)", {"E501"}),
        (RELMA_PATH, RELMA_PLACES, "(in its title and its summary section)", set()),
    ],
)
def test_a_false_note_is_refused_and_its_true_twin_passes(
    checks: Checks, shown: str, old: str, new: str, found: set[str]
) -> None:
    assert rewritten(checks, shown, old, new) == found


IM19_FIRST_LINE = "# IM19 CAR-T cells in refractory SLE (Peking University Third Hospital)."
RELMA_FIRST_LINE = "# Relma-cel (CD19-CART) in moderate to severe active SLE."


@pytest.mark.parametrize(
    ("shown", "old", "new", "refused"),
    [
        # the trial said to be in or for an age group its ages leave out
        (RELMA_PATH, RELMA_FIRST_LINE, RELMA_FIRST_LINE[:-1] + " in children.", [1]),
        (RELMA_PATH, RELMA_FIRST_LINE, RELMA_FIRST_LINE[:-1] + " in older adults.", []),
        # the trial placed at a count of sites, no verb before
        (IM19_PATH, IM19_FIRST_LINE, IM19_FIRST_LINE[:-1] + ", at two sites.", [1]),
        (IM19_PATH, IM19_FIRST_LINE, IM19_FIRST_LINE[:-1] + ", at one site.", []),
    ],
)
def test_a_false_comment_is_refused_and_its_true_twin_passes(
    checks: Checks, capsys: pytest.CaptureFixture[str], shown: str, old: str, new: str, refused: list
) -> None:
    assert comment_lines_refused(checks, capsys, shown, old, new) == refused


@pytest.mark.parametrize(
    ("text", "agrees"),
    [
        ("The source's two sections Conditions, Brief Summary and Detailed Description are empty.", False),
        # an "and" past the list's one may be a heading's own ("Arms and Interventions"): two names or three
        ("The source's two sections Conditions and Arms and Interventions are empty.", True),
        ("The source's three sections Conditions and Arms and Interventions are empty.", True),
        ("The source's four sections Conditions and Arms and Interventions are empty.", False),
    ],
)
def test_a_count_of_names_is_read_with_the_ands_a_name_may_hold(text: str, agrees: bool) -> None:
    assert [counted.given == counted.listed for counted in counted_names(text)] == [agrees]
