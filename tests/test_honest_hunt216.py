"""Honest work the checks of hunts 214 and 215 left refused (false positives), hunt 216 (helper-82): notes true of the
IM19 and Relma-cel records and their sources under tests/fixtures/registry/, each beside its false twins (the same
sentence made untrue), which stay refused.

Found and fixed:
- **A date's label holding a type, the field said given as no value.** Relma-cel's 'The source gives the estimated
  completion date as "Not reported".' (its Timeline: "Estimated completion", then "Not reported") was refused (E501
  remark_prose) as giving dates.completion.type ESTIMATED, which the record declares silent. The type's word of a
  label a cited source writes with no value after it, the note saying the field is given as none, is the source's
  label (remark_prose._labels_as_none). "... the estimated start date as "Not reported"" (no such label), "... the
  actual completion date ...", '... the estimated completion date as "2027-12-31"' and "The estimated completion date
  is not reported, and the completion date is estimated." are still refused.
- **Dates a note says its source lacks but those it names by kind.** Relma-cel's "The source gives no dates but the
  launch date and its as-of date." was refused (E501 remark_absence): a date the record holds was named only as
  written. A date named by its kind ("the launch date", "the last update date") is named (remark_absence._DATE_KINDS),
  and a kind the record does not hold named there leaves the absence standing. "... but the start date and its as-of
  date", "... but its as-of date", "... but the launch date and the start date" and IM19's "no dates other than the
  start date and the last update date" (its completion left out) are still refused.
- **A person's title before a name a source writes in lower case.** Relma-cel's "The source lists Dr yu Hu,
  Principal Investigator, Union Hospital." was refused (E501 remark_names: 'Dr'): a title was left out of a name only
  before a capitalised word. Before a name opening in lower case, the name is the words after the title to its last
  capitalised word (note_names._lowered_name), looked for whole: "Dr yu Hua", "Dr xu Hu" and "Dr heng Hu" are
  still refused ("xu Hu" without a title is not read as a name at all: see the report).
- **The registry's record said copied after it.** IM19's "The dates are as the source gives them, from the
  ClinicalTrials.gov record copied there." was refused (E501 remark_sources) as quoting a registry record the record
  does not cite. The registry's record followed by "copied there", "copied on the site", "that the site copies" is
  what the cited copy copies (remark_sources._COPIED_AFTER). "..., from the ClinicalTrials.gov record.", "..., from
  the ClinicalTrials.gov record, copied there." (a clause of its own) and Relma-cel's (a trial finder's page, no
  registry copy) "... copied there" are still refused.
- **A value under a heading it names.** Relma-cel's "The source gives one labelled count (0 patients applied)." was
  refused (E501 remark_labels): "0 patients applied" is alone on its line. A value alone on its line right under a
  heading of its source's layout that the value names ("Patients applied") is labelled (remark_labels._headed). "one
  unlabelled count (0 patients applied)", "one labelled value (Recruiting)", "one labelled value (ALL)" (under
  "Gender", which it does not name) and IM19's "one labelled count (6 participants)" are still refused.
- **An acronym a note defined, written alone again.** IM19's "Exclusion criterion 8 lists MI (myocardial
  infarction) first. Its window for MI is 6 months." was refused (E501 remark_names: 'MI'): a two-letter acronym is
  looked for as written unless defined beside its words. Defined so, where a source writes the words, the letters
  stand for them wherever else that note writes them (remark_names._defined_blanked). "MI (mitral insufficiency)
  ... MI", "... MI (myocardial infarction) ... PE" and "... MI ... MIL" are still refused.
- **A window of a criterion writing two lengths.** Relma-cel's "Exclusion criterion 1's window is 56 days." (its
  "within 8 weeks", beside a therapy's "≥14 days") was refused (E501 remark_facts; hunt 214 left it, two lengths
  giving none). A sentence saying "window" has the lengths the criterion writes "within" (< or <=) alone
  (remarks._windowed). "... 57 days", "... 2 weeks", "Exclusion criterion 1's therapy lasts 56 days." and "Inclusion
  criterion 4's window is 56 days." (its "at least 8 weeks") are still refused.
- **The note's own words after an item's mark.** IM19's "Exclusion criterion 11's item e. sets platelets below
  25,000/mm³.", "Item a. of exclusion criterion 11 is hemoglobin ..." and "... items b. and d. both name CD4+ T
  lymphocytes." were refused (E501) as naming items opening "sets", "of", "and", "both", which none does. A word in
  lower case after a mark the note names as an item ("item e.", "items b. and d.") is the note's own
  (note_items._AN_ITEM). Found while there and closed: the words a note gives an item were held to it for their
  quantities alone, so "items b. and c. both name CD4+ T lymphocytes" (c. is a neutrophil count) passed once the
  opening went unread; a code they give ("CD4+") is now held to the item's words too (remarks._unsaid_of_item).
  "item c. sets platelets below 25,000/mm³", "item f. ..." and "item c. CD4+ T lymphocytes <500/mm³" are still
  refused.
- **An acronym's plural.** IM19's "The source lists its related trials with their titles and NCT IDs." (its page
  writes "NCT ID:") was refused (E501 remark_names). An acronym of two to four capitals with a plural "s", the last
  word of a name, is the source's in the singular too (remark_names._CAPITALS_PLURAL). "NCT IDx" and "SLE IDs" are
  still refused.
- **The letters of an identifier.** Relma-cel's "... only its NCT number." (its page writes "NCT05765006" alone) was
  refused (E501 remark_names: 'NCT'). Capitals a source writes as an identifier's letters, five digits or more right
  after, are written (remark_names._id_prefix). "NC number" is still refused ("NTC number" passes, before as after:
  see the report).
- **A molecule said of a related trial's title.** IM19's "The related trial NCT03030976 is the only one whose title
  names CD19 positive SLE." was refused (E501 remark_names: 'CD19'), a molecule being held to what the sources say of
  this trial alone. A molecule said of a related trial the record lists, named before it in its clause with no joint,
  subject or contrast between or after ("and", "unlike", "like this trial", a comma), whose title there writes it, is
  that trial's (remark_names._others_blanked). The same of NCT06900764 (no target in its title), "... names BCMA",
  "NCT03030976 is listed, and IM19 targets CD19.", "Unlike NCT03030976, the IM19 product targets CD19.", "...
  CD19 like this trial's product.", "NCT03030976 targets CD19, as does IM19." and "...; so does IM19." are still
  refused (read to the clause's end only, the last two passed). A molecule said of the related trial in one
  sentence and of this trial by a pronoun in the next ("It targets it too.") is not followed: see the report.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, codes_with_a_sentence_added


# --- A date's label holding a type (remark_prose._labels_as_none): Relma-cel's Timeline ends "Estimated completion",
# "Not reported"; it has no other label of a type, and its dates but the launch date are declared silent
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ('The source gives the estimated completion date as "Not reported".', set()),
        ("Its Timeline section gives the estimated completion date as not reported.", set()),
        ('The Timeline\'s estimated completion date reads "Not reported".', set()),
        ('The estimated completion date is given as "Not reported" in the Timeline.', set()),
        ('The estimated start date reads "Not reported".', {"E501"}),
        ('The source gives the estimated start date as "Not reported".', {"E501"}),  # no such label
        ('The source gives the actual completion date as "Not reported".', {"E501"}),
        ('The source gives the estimated completion date as "2027-12-31".', {"E501"}),
        ("The estimated completion date is not reported, and the completion date is estimated.", {"E501"}),
    ],
)
def test_a_labels_type_said_given_as_no_value_is_the_label(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, RELMA_PATH, added) == found


# --- Dates said lacking but those named by kind (remark_absence._DATE_KINDS): Relma-cel holds its launch date alone,
# IM19 its start, completion and last update dates
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (RELMA_PATH, "The source gives no dates but the launch date and its as-of date.", set()),
        (RELMA_PATH, "The source gives no dates other than the launch date.", set()),
        (
            IM19_PATH,
            "The source gives no dates other than the start date, the completion date and the last update date.",
            set(),
        ),
        (RELMA_PATH, "The source gives no dates but the start date and its as-of date.", {"E501"}),
        (RELMA_PATH, "The source gives no dates but its as-of date.", {"E501"}),
        (RELMA_PATH, "The source gives no dates but the launch date and the start date.", {"E501"}),
        (IM19_PATH, "The source gives no dates other than the start date and the last update date.", {"E501"}),
    ],
)
def test_dates_said_lacking_but_those_named_by_kind(registry: Path, shown: str, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- A title before a name in lower case (note_names._lowered_name): Relma-cel's officials are "yu Hu", "heng Mei" and
# "liangjing Lv"
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The source lists Dr yu Hu, Principal Investigator, Union Hospital.", set()),
        ("Dr heng Mei and Dr liangjing Lv are Principal Investigators too.", set()),
        ("The source lists Dr yu Hua, Principal Investigator, Union Hospital.", {"E501"}),
        ("The source lists Dr xu Hu, Principal Investigator, Union Hospital.", {"E501"}),
        ("The source lists Dr heng Hu, Principal Investigator, Union Hospital.", {"E501"}),
    ],
)
def test_a_title_before_a_name_in_lower_case_is_no_name(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, RELMA_PATH, added) == found


# --- The registry's record said copied after it (remark_sources._COPIED_AFTER): IM19 cites a REGISTRY_COPY, Relma-cel
# a trial finder's page
COPIED = "The dates are as the source gives them, from the ClinicalTrials.gov record"


@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, f"{COPIED} copied there.", set()),
        (IM19_PATH, "The dates are from the ClinicalTrials.gov record that the site copies.", set()),
        (IM19_PATH, f"{COPIED}.", {"E501"}),
        (IM19_PATH, "The dates are from the ClinicalTrials.gov record, copied there.", {"E501"}),  # a clause apart
        (RELMA_PATH, f"{COPIED} copied there.", {"E501"}),
    ],
)
def test_the_registrys_record_said_copied_after_it_is_the_copys(
    registry: Path, shown: str, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- A value under a heading it names (remark_labels._headed): Relma-cel's "Patients applied" heads "0 patients
# applied", "Gender" heads "ALL"; IM19's "6 participants" follows "NA"
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (RELMA_PATH, "The source gives one labelled count (0 patients applied).", set()),
        (RELMA_PATH, "The source gives one unlabelled count (0 patients applied).", {"E501"}),
        (RELMA_PATH, "The source gives one labelled value (Recruiting).", {"E501"}),
        (RELMA_PATH, "The source gives one labelled value (ALL).", {"E501"}),
        (IM19_PATH, "The source gives one labelled count (6 participants).", {"E501"}),
    ],
)
def test_a_value_under_a_heading_it_names_is_labelled(registry: Path, shown: str, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- An acronym a note defined, written alone again (remark_names._defined_blanked): IM19's exclusion criterion 8
# writes "myocardial infarction", criterion 9 "pulmonary embolism"
MI = "Exclusion criterion 8 lists MI (myocardial infarction) first."


@pytest.mark.parametrize(
    ("added", "found"),
    [
        (f"{MI} Its window for MI is 6 months.", set()),
        ("Exclusion criterion 8 lists myocardial infarction (MI); MI comes first of its conditions.", set()),
        ("Exclusion criterion 8 lists MI (mitral insufficiency) first. Its window for MI is 6 months.", {"E501"}),
        (f"{MI} Its window for PE is 6 months.", {"E501"}),
        (f"{MI} Its window for MIL is 6 months.", {"E501"}),
    ],
)
def test_an_acronym_defined_stands_for_its_words_alone_again(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A window of a criterion writing two lengths (remarks._windowed): Relma-cel's exclusion criterion 1 writes
# "within 8 weeks" and "≥14 days"; its inclusion criterion 4 "At least 8 weeks"
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 1's window is 56 days.", set()),
        ("Exclusion criterion 1's window is 57 days.", {"E501"}),
        ("Exclusion criterion 1's window is 2 weeks.", {"E501"}),
        ("Exclusion criterion 1's therapy lasts 56 days.", {"E501"}),
        ("Inclusion criterion 4's window is 56 days.", {"E501"}),
    ],
)
def test_a_window_is_the_length_a_criterion_writes_within(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, RELMA_PATH, added) == found


# --- The note's own words after a lettered mark it names as an item (note_items._AN_ITEM), a code they give held to
# the item (remarks._unsaid_of_item): IM19's exclusion criterion 11 lists a. Hemoglobin <7.0 g/dL, b. CD4+ T
# lymphocytes <200/mm³, c. Absolute neutrophil count <500/mm³, d. CD4+ ... <500/mm³ with ... <1000/mm³, e. Platelets
# <25,000/mm³
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 11's item e. sets platelets below 25,000/mm³.", set()),
        ("Item a. of exclusion criterion 11 is hemoglobin below 7.0 g/dL.", set()),
        ("Exclusion criterion 11's items b. and d. both name CD4+ T lymphocytes.", set()),
        ("Exclusion criterion 11's item c. sets platelets below 25,000/mm³.", {"E501"}),
        ("Exclusion criterion 11's item f. sets platelets below 25,000/mm³.", {"E501"}),
        ("Exclusion criterion 11's items b. and c. both name CD4+ T lymphocytes.", {"E501"}),
        ("Exclusion criterion 11's item c. CD4+ T lymphocytes <500/mm³ is recorded.", {"E501"}),
    ],
)
def test_the_notes_own_words_after_an_items_mark_are_no_opening(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- An acronym's plural (remark_names._CAPITALS_PLURAL), and the letters of an identifier (remark_names._id_prefix):
# IM19's page writes "NCT ID:", Relma-cel's only "NCT05765006"
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The source lists its related trials with their titles and NCT IDs.", set()),
        ("The source lists its related trials with their titles and NCT IDx.", {"E501"}),
        ("The source lists two SLE IDs.", {"E501"}),
    ],
)
def test_an_acronyms_plural_is_its_singular_too(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The source does not name the registry the trial is listed in, only its NCT number.", set()),
        ("The source gives the trial's NC number.", {"E501"}),
    ],
)
def test_an_identifiers_letters_are_written(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, RELMA_PATH, added) == found


# --- A molecule said of a related trial whose title writes it (remark_names._others_blanked): IM19's related
# NCT03030976 is "A Study of CD19 Redirected Autologous T Cells for CD19 Positive ...", NCT06900764 names no target;
# IM19's own page names CD19 only in those titles
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The related trial NCT03030976 is the only one whose title names CD19 positive SLE.", set()),
        ("NCT03030976's title names CD19 twice.", set()),
        ("The related trial NCT06900764 is the only one whose title names CD19.", {"E501"}),
        ("The related trial NCT03030976's title names BCMA.", {"E501"}),
        ("NCT03030976 is listed, and IM19 targets CD19.", {"E501"}),
        ("Unlike NCT03030976, the IM19 product targets CD19.", {"E501"}),
        ("NCT03030976 names the target CD19 like this trial's product.", {"E501"}),
        ("NCT03030976 targets CD19, as does IM19.", {"E501"}),
        ("NCT03030976 targets CD19; so does IM19.", {"E501"}),
    ],
)
def test_a_molecule_said_of_a_related_trials_title_is_its(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found
