"""A hostile mutation hunt on `trials check` (helper-71's, hunt 214) on the curated records' notes: one word of a
note changed (a number, a negation, a section, a field, a source, a group of people) so that the note says something
false of the record or its sources. Each test's mutation passed before its fix; each has honest twins that pass
still. The notes are rewritten in memory and checked as `trials validate` checks a file (mutations.Checks), on one
registry copy the module shares (a comment's rewrite is written to its file and put back).

Found and fixed (E501):

- a field a note says its source, or a named section of it, gives none of, that it gives: Relma-cel's "Its Timeline
  section gives no dates." rewritten to "The source gives no dates." (its header's "Feb 28, 2023"), "Its Keywords
  section gives no keywords.", IM19's "Its Basic Information section gives no dates.", and a section said to give
  dates that writes none ("Its Timeline section gives two dates."), "The source lists no location.", "... (in its
  title and summary) but gives no intervention name": what a note said a source lacks was read by nothing
  (remark_absence); and sections a note says are not empty that write their heading's blurb alone (IM19's
  "sections are empty" made "are not empty", remark_sections).
- a field a note says a source gives, in words remark_silence did not read, that the record declares silent:
  Relma-cel's "Its "0 patients applied" counts ClinConnect applicants, not trial enrolment" rewritten to "counts
  trial enrolment" or "is recorded as the enrollment", "does not say which registry date that is" to "says it is
  the start date", and "names the treatment Relma-cel (in its title and summary) but gives no intervention type"
  to "but gives an intervention type" (its subject before the bracket and the "but").
- a limit a note says is recorded as a threshold that no threshold holds: IM19's compound item d. ("CD4+ T
  lymphocytes <500/mm³ with a neutrophil count <1000/mm³") "stays in the text only" rewritten to "is recorded as a
  threshold": where a note says a limit is recorded was read by nothing (remark_thresholds).
- a kind of condition or treatment a note says a criterion it names is about that the criterion never names: IM19's
  "Exclusion criterion 8's window of 6 months covers its whole list of heart conditions" given "lung conditions"
  (hunt 212's left item), its "hematological abnormalities" of criterion 11 made "liver abnormalities": a note's
  numbers were held to the criterion it names, what it says the criterion is about to nothing (remark_categories,
  an organ system's or a drug class's words). Hunt 206's twins that went on to give criteria 9 and 11 heart
  conditions now give them their own.
- values a note says its source labels that it writes each alone on a line: IM19's "two unlabelled dates
  (2024-07-30, 2027-12-31)" made "two labelled dates" (hunt 212's left item): whether the source names them was
  read by nothing (remark_labels, the source's lines read once).
- a run a note places in a section it names with "the": Relma-cel's 'The source reads "Launched by ..."' made 'The
  Timeline section reads', its 'The source's summary says "early phase (Phase I)"' made 'The Timeline section says':
  a section was read only after "the source's" or "its" (remark_sections).
- a source a remark says writes what it quotes that the record does not cite: IM19's "spelled ... in the same
  source" made "in another source" or "in the sponsor's own record", "The source spells the facility" made "The
  registry spells" or "ClinicalTrials.gov spells", its first comment's "every value below is stated there" made
  "stated in another source" (remark_sources: the kinds of the sources cited, or one source for "another").
- a listing a site makes of its own given to the sponsor, the registry or the trial: IM19's "Related Clinical
  Trials" "are the site's similarity picks, not trials the sponsor names" made "are trials the sponsor names", and
  Relma-cel's "0 patients applied" that "counts ClinConnect applicants" made "counts trial applicants" (hunt 212's
  left items): whose listing it is was read by nothing (remark_owners).
- the disease, or its state, a comment or a note says the trial is in that the record does not give it: IM19's
  first comment "IM19 CAR-T cells in refractory SLE" made "in lupus nephritis" or "in mild SLE", Relma-cel's "in
  moderate to severe active SLE" made "in refractory SLE" or "in inactive SLE" (remark_population: held to the
  record's titles, conditions, keywords and summaries).
- a count of a criterion's numbered items a note gives that the record does not hold: Relma-cel's "followed in the
  source by two unnumbered paragraphs" made "two numbered paragraphs" (only the unnumbered were counted, hunt 212).
- a spelling a note says its source gives a party or a place that the field for it does not hold: IM19's "The source
  spells the facility "Peking Universitiy Third Hospital"" made "spells the sponsor", its "The sponsor is spelled
  "Peking University Third Hospital"" made "The facility is spelled" (remark_spelled).
- the per-kilogram wording a note says a quote it gives has or lacks: IM19's 'as "1×10^8 CAR-T cells", with no
  per-kilogram wording' made "with per-kilogram wording" (remark_labels).

Found and fixed, the other way (an honest note refused): IM19's "covers its whole list of conditions" (its "heart"
left out) read as saying the source gives the trial's conditions ("list" read as a verb, remark_silence).

Left, found and not fixed (each passes `trials check`; reproduce with rewritten(checks, shown, old, new) here, or
conftest.codes_with_a_note_rewritten): IM19's "hematological abnormalities" made "renal abnormalities" (criterion 11
writes "kidney failure"; which of its items a kind is said of is not read), "Both criteria lists start at 2" made
"Neither criteria list starts at 2" or "Only the inclusion list starts at 2", "recorded as a flat dose" given ", as
for the first cohort" (a per-kilogram dose), "kept as written" made "kept as the sponsor writes it", its "Related
Clinical Trials" quoted as "More Related Trials" (a heading of the source, listing none); Relma-cel's "(oral
corticosteroid requirements)" made "(antimalarial requirements)" (criterion 4's first paragraph names antimalarials;
the sub-list the bracket is of is not read apart), "not to those also taking immunosuppressants" made "to those
also taking immunosuppressants" or "not to those also taking antimalarials", "by its sub-item 2" made "3", "both
passages are recorded as its conditions" made "neither passage is recorded", "within the 8 weeks before screening"
made "after screening", "the unit written after the window" made "before the window", "is followed in the source"
made "is preceded", "they are kept nested under criterion 4" made "kept flat, after criterion 4", "does not say
which registry date that is" made "says which registry date that is", "The source runs the keywords together on one
line" made "gives each keyword on its own line", "Exclusion criterion 1 is garbled in the source" made "is complete
in the source", "the officials' affiliations name" made "the sponsor's affiliations name", and the fixture's "name
two hospitals" made "three" (the real record quotes both, and remark_lists counts them); its first comment's
"(CD19-CART)" made "(CD19/BCMA CAR-T)"; a stub's "listed there as related" made "listed there as sponsored". Left as
honest: "Its Eligibility section gives no dates" (true of Relma-cel's page), and "in the registry" unnamed (this
project is a registry too; "the registry record" and "ClinicalTrials.gov" are read).
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, RELMA_PATH, Trials, record_data, shared_registry
from mutations import Checks


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt214"))


def rewritten(checks: Checks, shown: str, old: str, new: str) -> set[str]:
    """The codes of the curated record shown with its one remark (note or incomplete entry) holding old rewritten to
    hold new."""
    return checks.codes(shown, with_remark(checks, shown, old, new))


def refused(checks: Checks, shown: str, old: str, new: str, kind: str) -> bool:
    """Whether that record is refused E501: its checks stop at the first (the stage that caught the last of the
    kind first: mutations.Checks), half the cost of a whole check."""
    return "E501" in checks.codes(shown, with_remark(checks, shown, old, new), frozenset({"E501"}), kind)


def with_remark(checks: Checks, shown: str, old: str, new: str) -> dict:
    data = record_data(checks.root / shown, shown)
    remarks = [r for kind in ("notes", "incomplete") for r in data["curation"].get(kind, []) if old in r["text"]]
    assert len(remarks) == 1, old
    remarks[0]["text"] = remarks[0]["text"].replace(old, new)
    return data


def comment_lines_refused(checks: Checks, capsys: pytest.CaptureFixture[str], shown: str, old: str, new: str) -> list:
    """The lines `trials validate` refuses E501 of the file shown, in the module's registry copy, with old rewritten
    to new once (a comment's words: the file is rewritten, and put back)."""
    path = checks.root / shown
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), "utf-8")
    try:
        return [line for _, line, _ in Trials(checks.root, capsys).json("validate", path).where("E501")]
    finally:
        path.write_text(text, "utf-8")


def test_the_curated_records_pass(checks: Checks) -> None:
    assert checks.codes(IM19_PATH, record_data(checks.root / IM19_PATH)) == set()
    assert checks.codes(RELMA_PATH, record_data(checks.root / RELMA_PATH)) == set()


# --- a field a note says a source or a section of it lacks ----------------------------------------------------------

RELMA_TIMELINE = "Its Timeline section gives no dates."
IM19_ACTUAL = "The source does not say whether they are actual or estimated."


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (RELMA_PATH, RELMA_TIMELINE, "The source gives no dates."),
        (RELMA_PATH, RELMA_TIMELINE, "It does not give any dates."),
        (RELMA_PATH, RELMA_TIMELINE, "Its Trial Information section gives no dates."),  # ("Current as of ...")
        (RELMA_PATH, RELMA_TIMELINE, "Its Keywords section gives no keywords."),
        (RELMA_PATH, RELMA_TIMELINE, "Its Locations section lists no sites."),
        (RELMA_PATH, RELMA_TIMELINE, "Its Timeline section gives two dates."),
        (IM19_PATH, IM19_ACTUAL, "The source gives no completion date."),
        (IM19_PATH, IM19_ACTUAL, "Its Basic Information section gives no dates."),
        (RELMA_PATH, RELMA_TIMELINE, "The source lists no location."),
        (RELMA_PATH, RELMA_TIMELINE, "The source names no treatment."),
        (RELMA_PATH, "but gives no intervention type or description", "but gives no intervention name"),  # ("but")
    ],
)
def test_a_field_a_note_says_a_source_lacks_that_it_gives_is_refused(
    checks: Checks, shown: str, old: str, new: str
) -> None:
    assert refused(checks, shown, old, new, "absence")


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (RELMA_PATH, RELMA_TIMELINE, "Its Similar Trials section gives no dates."),
        (RELMA_PATH, RELMA_TIMELINE, "Its Timeline section lists no dates."),
        (RELMA_PATH, RELMA_TIMELINE, "The source gives no start date."),
        (RELMA_PATH, RELMA_TIMELINE, "It does not say whether it gives no dates."),
        (IM19_PATH, IM19_ACTUAL, "Its Study Design section gives no dates."),
        (IM19_PATH, IM19_ACTUAL, "Its Conditions section gives no conditions."),
        (IM19_PATH, IM19_ACTUAL, "The source gives no primary completion date."),
        (IM19_PATH, IM19_ACTUAL, "Its Basic Information section gives two dates."),
    ],
)
def test_a_field_a_note_says_a_source_lacks_as_it_lacks_it_passes(
    checks: Checks, shown: str, old: str, new: str
) -> None:
    assert rewritten(checks, shown, old, new) == set()


IM19_EMPTY = "The source's Conditions, Brief Summary and Detailed Description sections are empty."


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("The source's Conditions, Brief Summary and Detailed Description sections are not empty.", {"E501"}),
        ("The source's Conditions section is not empty.", {"E501"}),
        ("The source's Study Design and Eligibility Criteria sections are not empty.", set()),
    ],
)
def test_a_section_a_note_says_is_not_empty_is_held_to_its_words(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_EMPTY, new) == found


# --- a field a note says a source gives, by other words, that the record declares silent -----------------------------

RELMA_APPLIED = "counts ClinConnect applicants, not trial enrolment, and is not recorded."
RELMA_LAUNCHED = "and does not say which registry date that is"
RELMA_INTERVENTION = "but gives no intervention type or description"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (RELMA_APPLIED, "counts trial enrolment."),  # a count of the source's said to count the field
        (RELMA_APPLIED, "counts the enrollment."),
        (RELMA_APPLIED, "counts ClinConnect applicants and is recorded as the enrollment."),  # the record's
        (RELMA_LAUNCHED, "and says it is the start date"),  # a date of the source said to be the field
        (RELMA_LAUNCHED, "and says that it is the first posted date"),
        (RELMA_INTERVENTION, "but gives an intervention type and description"),  # the subject before a "but"
        (RELMA_INTERVENTION, "but also gives its route"),
    ],
)
def test_a_field_a_note_says_a_source_gives_by_other_words_that_is_silent_is_refused(
    checks: Checks, old: str, new: str
) -> None:
    assert refused(checks, RELMA_PATH, old, new, "silence")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (RELMA_APPLIED, "does not count the enrollment."),
        (RELMA_APPLIED, "counts ClinConnect applicants and is not recorded as the enrollment."),
        (RELMA_LAUNCHED, "and does not say whether it is the start date"),
        (RELMA_INTERVENTION, "but gives no intervention type and no description"),
    ],
)
def test_a_field_a_note_says_a_source_does_not_give_by_other_words_passes(checks: Checks, old: str, new: str) -> None:
    """And Relma-cel's threshold note, "both passages are recorded as its conditions" (a threshold's, not the trial's
    conditions, which it declares silent), passes as curated (test_the_curated_records_pass)."""
    assert rewritten(checks, RELMA_PATH, old, new) == set()


# --- a limit a note says is recorded as a threshold ------------------------------------------------------------------

IM19_TEXT_ONLY = "stays in the text only"
RELMA_CONDITIONS = "both passages are recorded as its conditions"


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (IM19_PATH, IM19_TEXT_ONLY, "is recorded as a threshold"),
        (IM19_PATH, IM19_TEXT_ONLY, "is also recorded among the thresholds"),
    ],
)
def test_a_limit_a_note_says_is_recorded_as_a_threshold_that_none_holds_is_refused(
    checks: Checks, shown: str, old: str, new: str
) -> None:
    assert refused(checks, shown, old, new, "thresholds")


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (IM19_PATH, IM19_TEXT_ONLY, "is not recorded as a threshold"),
        (RELMA_PATH, RELMA_CONDITIONS, "a ceiling of ≤30 mg/day is recorded as a threshold"),
        (RELMA_PATH, RELMA_CONDITIONS, "the floor is recorded as a threshold"),
    ],
)
def test_a_limit_a_note_says_is_recorded_as_a_threshold_that_one_holds_passes(
    checks: Checks, shown: str, old: str, new: str
) -> None:
    assert rewritten(checks, shown, old, new) == set()


def test_a_compound_item_recorded_as_a_limit_and_its_condition_passes(checks: Checks) -> None:
    """IM19's item d recorded as tests/test_clinical_binding.py records it, a limit of 500/mm³ and its condition
    "with a neutrophil count <1000/mm³": its note saying so names both limits the threshold holds."""
    data = record_data(checks.root / IM19_PATH, IM19_PATH)
    thresholds = data["eligibility"]["thresholds"]
    limit = {**thresholds[18], "value": 500, "conditions": ["with a neutrophil count <1000/mm³"]}
    thresholds.append(limit)
    data["evidence"][f"eligibility.thresholds.{len(thresholds) - 1}"] = (
        "d. CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³"
    )
    (note,) = [n for n in data["curation"]["notes"] if IM19_TEXT_ONLY in n["text"]]
    note["text"] = note["text"].replace(IM19_TEXT_ONLY, "is recorded as a threshold")
    assert checks.codes(IM19_PATH, data) == set()


# --- a kind of condition or treatment a note says a criterion is about -----------------------------------------------

IM19_HEART = "heart conditions"
IM19_HEMATOLOGY = "hematological abnormalities"
RELMA_GARBLED = "Exclusion criterion 1 is garbled"


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (IM19_PATH, IM19_HEART, "lung conditions"),
        (IM19_PATH, IM19_HEART, "kidney diseases"),
        (IM19_PATH, IM19_HEMATOLOGY, "liver abnormalities"),
        (IM19_PATH, IM19_HEMATOLOGY, "neurological abnormalities"),
        (RELMA_PATH, RELMA_GARBLED, "Exclusion criterion 1, on heart disease, is garbled"),
    ],
)
def test_a_kind_a_note_says_a_criterion_is_about_that_it_never_names_is_refused(
    checks: Checks, shown: str, old: str, new: str
) -> None:
    assert refused(checks, shown, old, new, "categories")


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (IM19_PATH, IM19_HEART, "cardiac conditions"),
        (IM19_PATH, IM19_HEART, "cardiovascular events"),
        (IM19_PATH, IM19_HEART, "heart conditions, not lung conditions"),
        (RELMA_PATH, RELMA_GARBLED, "Exclusion criterion 1, on kidney disease, is garbled"),
        (RELMA_PATH, RELMA_GARBLED, "Exclusion criterion 1, on corticosteroid doses, is garbled"),
        (RELMA_PATH, "(oral corticosteroid requirements)", "(oral steroid requirements)"),
    ],
)
def test_a_kind_a_note_says_a_criterion_is_about_that_it_names_passes(
    checks: Checks, shown: str, old: str, new: str
) -> None:
    assert rewritten(checks, shown, old, new) == set()


# --- values a note says its source labels, or leaves unlabelled ------------------------------------------------------

IM19_DATES = "lists two unlabelled dates (2024-07-30, 2027-12-31)"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("lists two labelled dates (2024-07-30, 2027-12-31)", {"E501"}),  # each alone on its line
        ("lists two labelled dates (2024-07-30 and 2027-12-31)", {"E501"}),
        ("lists two unlabelled dates (2024-07-30, 2025-08-17)", {"E501"}),  # "Last Updated: 2025-08-17"
        ("lists a labelled date (2025-08-17) and two unlabelled dates (2024-07-30, 2027-12-31)", set()),
        ("lists two dates not labelled (2024-07-30, 2027-12-31)", set()),
    ],
)
def test_values_a_note_says_its_source_labels_are_held_to_its_lines(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_DATES, new) == found


# --- a run a note places in a section it names with "the" ------------------------------------------------------------

RELMA_READS = 'The source reads "Launched by'
RELMA_SUMMARY = "The source's summary says"


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (RELMA_READS, 'The Timeline section reads "Launched by', {"E501"}),  # (its header's line, in no section)
        (RELMA_READS, 'The Keywords section reads "Launched by', {"E501"}),
        (RELMA_SUMMARY, "The Timeline section says", {"E501"}),
        (RELMA_SUMMARY, "The ClinConnect Summary section says", set()),
        (RELMA_SUMMARY, "The summary section says", set()),
    ],
)
def test_a_run_a_note_places_in_the_section_it_names_is_held_to_it(
    checks: Checks, old: str, new: str, found: set[str]
) -> None:
    assert rewritten(checks, RELMA_PATH, old, new) == found


# --- a source a remark says writes what it quotes that the record does not cite --------------------------------------

IM19_SAME = "in the same source"
IM19_SPELLS = "The source spells the facility"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (IM19_SAME, "in another source"),
        (IM19_SAME, "in a second source"),
        (IM19_SAME, "in the sponsor's own record"),
        (IM19_SPELLS, "The registry spells the facility"),
        (IM19_SPELLS, "ClinicalTrials.gov spells the facility"),
        (IM19_SPELLS, "The press release spells the facility"),
        ("kept as written", "kept as the registry writes it"),
        ("criterion 1 is missing from the page.", "criterion 1 is missing from the registry record."),
    ],
)
def test_a_source_a_note_says_writes_that_the_record_does_not_cite_is_refused(
    checks: Checks, old: str, new: str
) -> None:
    data = record_data(checks.root / IM19_PATH, IM19_PATH)
    remarks = [r for kind in ("notes", "incomplete") for r in data["curation"].get(kind, []) if old in r["text"]]
    remarks[0]["text"] = remarks[0]["text"].replace(old, new)  # (the first: the inclusion list's entry)
    assert "E501" in checks.codes(IM19_PATH, data)


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (IM19_PATH, IM19_SAME, "in the same source, not in the registry record"),
        (IM19_PATH, IM19_SAME, "in the same source (the registry's own record is not cited)"),
        (IM19_PATH, "Both criteria lists start at 2 in the source", "Both criteria lists start at 2 in the registry"),
        (RELMA_PATH, RELMA_READS, 'ClinConnect reads "Launched by'),
    ],
)
def test_a_source_a_note_says_writes_that_the_record_cites_or_denied_passes(
    checks: Checks, shown: str, old: str, new: str
) -> None:
    """(The last but one: "the registry" unnamed as what writes may be this project, a registry too.)"""
    assert rewritten(checks, shown, old, new) == set()


@pytest.mark.parametrize(
    ("old", "new", "lines"),
    [
        ("every value below is stated there.", "every value below is stated in another source.", [2]),
        ("every value below is stated there.", "every value below is stated there, not on ClinicalTrials.gov.", []),
    ],
)
def test_a_source_a_comment_says_writes_is_held_to_the_sources_cited(
    checks: Checks, capsys: pytest.CaptureFixture[str], old: str, new: str, lines: list[int]
) -> None:
    assert comment_lines_refused(checks, capsys, IM19_PATH, old, new) == lines


# --- a listing a site makes of its own, given to the sponsor, the registry or the trial ------------------------------

IM19_PICKS = "are the site's similarity picks, not trials the sponsor names"
RELMA_APPLICANTS = "counts ClinConnect applicants"


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (IM19_PATH, IM19_PICKS, "are trials the sponsor names"),
        (IM19_PATH, IM19_PICKS, "are the sponsor's picks"),
        (IM19_PATH, IM19_PICKS, "are trials the investigators name"),
        (IM19_PATH, IM19_PICKS, "are the registry's picks"),
        (RELMA_PATH, RELMA_APPLICANTS, "counts trial applicants"),
        (RELMA_PATH, RELMA_APPLICANTS, "counts enrolled patients"),
        (RELMA_PATH, RELMA_APPLICANTS, "counts participants"),
    ],
)
def test_a_sites_own_listing_a_note_gives_another_is_refused(checks: Checks, shown: str, old: str, new: str) -> None:
    assert refused(checks, shown, old, new, "owners")


@pytest.mark.parametrize(
    ("shown", "old", "new"),
    [
        (IM19_PATH, IM19_PICKS, "are the site's similarity picks"),
        (IM19_PATH, IM19_PICKS, "are the site's picks, not the sponsor's"),
        (RELMA_PATH, RELMA_APPLICANTS, "counts applicants on ClinConnect"),
        (RELMA_PATH, RELMA_APPLICANTS, "counts the site's applicants"),
    ],
)
def test_a_sites_own_listing_a_note_gives_the_site_passes(checks: Checks, shown: str, old: str, new: str) -> None:
    assert rewritten(checks, shown, old, new) == set()


# --- the disease, or its state, a comment or a note says the trial is in ---------------------------------------------


@pytest.mark.parametrize(
    ("shown", "old", "new", "lines"),
    [
        (IM19_PATH, "refractory SLE", "lupus nephritis", [1]),
        (IM19_PATH, "refractory SLE", "mild SLE", [1]),
        (IM19_PATH, "refractory SLE", "juvenile SLE", [1]),
        (RELMA_PATH, "in moderate to severe active SLE", "in refractory SLE", [1]),
        (RELMA_PATH, "in moderate to severe active SLE", "in inactive SLE", [1]),
        (RELMA_PATH, "in moderate to severe active SLE", "in lupus nephritis", [1]),  # (its exclusion's words)
        (RELMA_PATH, "in moderate to severe active SLE", "in severe active SLE", []),
        (RELMA_PATH, "in moderate to severe active SLE", "in SLE", []),
        (IM19_PATH, "refractory SLE", "patients with refractory systemic lupus erythematosus", []),
    ],
)
def test_the_population_a_comment_says_the_trial_is_in_is_the_records(
    checks: Checks, capsys: pytest.CaptureFixture[str], shown: str, old: str, new: str, lines: list[int]
) -> None:
    assert comment_lines_refused(checks, capsys, shown, old, new) == lines


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("read as study start and study completion of the trial in mild SLE", {"E501"}),
        ("read as study start and study completion of the trial in refractory SLE", set()),
    ],
)
def test_the_population_a_note_says_the_trial_is_in_is_the_records(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, "read as study start and study completion", new) == found


# --- a count of a criterion's numbered items ----------------------------------------------------------------------

RELMA_FOLLOWED = "Inclusion criterion 4 is followed in the source by two unnumbered paragraphs"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("Inclusion criterion 4 is followed in the source by two numbered paragraphs", {"E501"}),  # ("un" dropped)
        (RELMA_FOLLOWED + ", four numbered sub-items", {"E501"}),
        (RELMA_FOLLOWED + ", three numbered sub-items", set()),  # (its sub-list's 1 to 3)
    ],
)
def test_a_count_of_a_criterions_numbered_items_is_the_records(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_FOLLOWED, new) == found


def test_a_list_of_a_criterions_conditions_is_no_field_a_source_gives(checks: Checks) -> None:
    """IM19's "covers its whole list of heart conditions" with "heart" left out was refused as saying the source gives
    the trial's conditions (remark_silence read "list" as a verb); "the source lists conditions" still is."""
    assert rewritten(checks, IM19_PATH, IM19_HEART, "conditions") == set()
    assert refused(checks, IM19_PATH, IM19_HEART, "conditions; the source lists conditions", "silence")


# --- a spelling a note says its source gives a party or a place ------------------------------------------------------

IM19_SPONSOR_SPELLED = "The sponsor is spelled"
IM19_FACILITY_SPELLED = 'spells the facility "Peking Universitiy Third Hospital"'


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("The source spells the facility", "The source spells the sponsor", {"E501"}),  # ("Universitiy")
        (IM19_SPONSOR_SPELLED, "The facility is spelled", {"E501"}),  # ("University")
        (IM19_SPONSOR_SPELLED, "The site is spelled", {"E501"}),
        ("The source spells the facility", "The source spells the hospital", set()),
        ("The source spells the facility", "The source spells the sponsor, corrected here,", set()),
        # a run of the name's whole words, the part the note speaks of: of the facility, and not of the sponsor
        (IM19_FACILITY_SPELLED, 'spells the facility "Peking Universitiy"', set()),
        (IM19_FACILITY_SPELLED, 'spells the sponsor "Peking Universitiy"', {"E501"}),
        (IM19_FACILITY_SPELLED, 'spells the facility "Peking Univ"', {"E501"}),
    ],
)
def test_a_spelling_a_note_gives_a_role_is_its_fields(checks: Checks, old: str, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, old, new) == found


# --- a quote a note says has, or has no, per-kilogram wording ------------------------------------------------------

IM19_NO_PER_KG = "with no per-kilogram wording"
IM19_FIRST_DOSE = '(the first cohort\'s dose is "1×10^6/kg")'


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (IM19_NO_PER_KG, "with per-kilogram wording", {"E501"}),  # (of "1×10^8 CAR-T cells")
        (IM19_NO_PER_KG, "with the same per-kilogram wording", {"E501"}),
        (IM19_FIRST_DOSE, '(the first cohort\'s dose is "1×10^6/kg", with no per-kilogram wording)', {"E501"}),
        (IM19_NO_PER_KG, "without per-kilogram wording", set()),
        (IM19_FIRST_DOSE, '(the first cohort\'s dose is "1×10^6/kg", with per-kilogram wording)', set()),
    ],
)
def test_the_per_kilogram_wording_a_note_says_a_quote_has_is_its_own(
    checks: Checks, old: str, new: str, found: set[str]
) -> None:
    assert rewritten(checks, IM19_PATH, old, new) == found
