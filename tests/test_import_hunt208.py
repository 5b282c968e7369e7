"""trials import ctgov on real API v2 studies varied as registry entries vary (hunt 208, helper-50): each case a real
study of tests/fixtures/ctgov/real/ with one part given as the registry gives it for other studies, imported into a
registry copy shared by the module (each variant under an NCT id of its own, held with --out-of-scope), that was
refused for no fault a curator could mend: the import's own notes said what its check then refused (E501). Beside
each, the honest study that must import as it did. The values changed are test inputs: no fact of any study.

Found and fixed:
- a note showed a source's text as Python's repr does: in double quotes where the text holds an apostrophe ("the
  sponsor's policy"), which the check reads as a quotation of the source and holds to its words; cut short with "…"
  inside the quotes, joined of a site's facility, city and country, or with its Markdown escapes' backslashes
  doubled ("\\\\>="), it was no run of the source, and the import was refused. A text cut within a word ("... Armed
  Poli") named what no source writes. A note now shows a text in single quotes, as written, cut after a whole
  word (builder.shown), and before a quotation the cut would open and not close (its mark, paired by the check
  with the next one in the note, made the words between a quotation of the source: E501).
- a note on a part of the study the check does not read (layouts.STUDY_READ: the protocol; not the annotations, the
  results or the derived data) stated its texts and dates: an unposted event's "2022-12-23", a limitation's "12
  participants" and "24 weeks", an agreement's "60 days", each a fact no source the check reads writes (E501). Such
  a part's codes and yes/no are still shown; its texts and dates are named, and counted where a list of them.
- a design none of whose values applies to the study's type (an observational study giving an interventional
  study's allocation and masking alone; an expanded access study its protocol's) was declared silent beside the
  notes leaving each value out, and the check refused it (E523: the source states 'NA'): now the curator's.
- a date struct, the enrollment or a list of values with a null member ({"date": "2016-07", "type": null}, [null,
  "Lupus"], as a tool saving the API's answer writes what it lacks) was no value of the API's shape to the check
  (ctgov_study._shaped), which refused the import its own quote (E512): a null member now states nothing there, as
  to the importer. A list of values with a member that is a list or an object is still none to the check, and now
  none to the importer either (it took the other members: E512), which leaves it to the curator.

Found and left (each reproduced with criteria_text.split(layouts.json_string(text)), or by importing a varied study):
- a heading written within an item's line ("2. Signed consent. Exclusion criteria: see protocol.") is read as the
  heading of the exclusion list, "see protocol." its first criterion (headings on one line are read so on purpose:
  "Inclusion Criteria: 1) Age 18-65 2) SLE Exclusion Criteria: 1) Pregnancy"), with a remark;
- Markdown bold within a criterion ("* **Age** 18-65") is kept in its text as the source writes it;
- a study giving a key twice in one object is refused naming the file and the key, not its line (json's object
  hook is given no position);
- "Disease-specific:" alone on a line under a numbered item of a group ("General:") is read as a criterion of that
  group, with a remark, not as a second group.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from conftest import importer_hunt, notes_on
from conftest import real_study as real
from sle_trials.curate.ctgov.builder import shown

shared, run_import, draft = importer_hunt("hunt208", 92080001)


# --- a source's text shown in a note ------------------------------------------------------------------------------

POLICY = (
    "Individual participant data will not be shared because the sponsor's policy, which is reviewed annually by the "
    "company's data governance board, does not allow sharing of data from early-phase studies."
)


def _ipd(study: dict[str, Any], description: str) -> None:
    study["protocolSection"]["ipdSharingStatementModule"] = {"ipdSharing": "NO", "description": description}


def test_a_long_text_with_an_apostrophe_is_shown_cut_after_a_word(draft: Callable) -> None:
    """Before: "E501 curation.notes.3.text quotes "Individual participant data ... by the company'…", which no cited
    source writes": repr set the text in double quotes (it holds an apostrophe), the cut's "…" within them."""
    study = real()
    _ipd(study, POLICY)
    [note] = notes_on(draft(study), "results_posted")
    assert (
        "ipdSharing NO; description 'Individual participant data will not be shared because the sponsor's policy, "
        "which is reviewed annually by the…'" in note
    )
    assert '"' not in note


@pytest.mark.parametrize(
    ("where", "field"),
    [
        ("bioSpec", "design"),
        ("availIpds", "references"),
        ("organization", "sponsor"),
    ],
)
def test_each_long_text_with_an_apostrophe_a_note_shows_imports(draft: Callable, where: str, field: str) -> None:
    """The same of a biospecimen's description, an available IPD's comment and an organization's name (one of a
    registry's long hospital names), each refused before (E501, the text quoted with "…")."""
    study = real()
    ps = study["protocolSection"]
    if where == "bioSpec":
        ps["designModule"]["bioSpec"] = {"retention": "SAMPLES_WITH_DNA", "description": POLICY}
    elif where == "availIpds":
        ps.setdefault("referencesModule", {})["availIpds"] = [
            {"id": "X-1", "type": "Individual Participant Data Set", "url": "https://example.org", "comment": POLICY}
        ]
    else:
        ps["identificationModule"]["organization"] = {
            "fullName": "The First Affiliated Hospital of the People's Liberation Army General Hospital of the Chinese "
            "People's Armed Police Force, Beijing Branch, Department of Rheumatology",
            "class": "OTHER",
        }
    notes = notes_on(draft(study), field)
    assert any("…'" in n for n in notes), notes
    assert not any('"' in n for n in notes), notes


def test_a_text_cut_within_a_capitalised_word_is_cut_before_it(draft: Callable) -> None:
    """Before: "E501 curation.notes.3.text names 'Armed Poli', which no cited source writes": the organization's name
    (no apostrophe: in single quotes already) was cut at 120 characters within "Police". Now after a whole word."""
    study = real()
    name = (
        "The First Medical Center of Chinese PLA General Hospital, Department of Rheumatology and Immunology, and the "
        "Armed Police Force Hospital of Beijing"
    )
    study["protocolSection"]["identificationModule"]["organization"] = {"fullName": name, "class": "OTHER"}
    [note] = [n for n in notes_on(draft(study), "sponsor") if "organization" in n]
    assert "and the Armed…'" in note


def test_a_text_cut_within_a_quotation_is_cut_before_it(draft: Callable) -> None:
    """A text cut within a quotation it opens ("... the "data sharing ...") left a double quotation mark the check
    paired with the next one in the note (another value's quotation), reading the words between as a quotation of
    the source (E501). The cut is now before the quotation."""
    study = real()
    study["protocolSection"]["ipdSharingStatementModule"] = {
        "ipdSharing": "YES",
        "description": "Individual participant data that underlie the results in this article will be shared under the "
        'sponsor "data sharing policy" after de-identification, on request.',
        "timeFrame": 'Starting "6 months" after publication',
    }
    [note] = notes_on(draft(study), "results_posted")
    assert "will be shared under the sponsor…'" in note


def test_a_markdown_escape_in_a_shown_text_keeps_one_backslash(draft: Callable) -> None:
    """Before: the note quoted "Data \\\\>= 12 months ...": repr doubled the backslash of the source's Markdown escape
    (its apostrophe set it in double quotes, and the check found no such words)."""
    study = real()
    _ipd(study, "Data \\>= 12 months after the sponsor's last visit \\[see protocol\\]")
    [note] = notes_on(draft(study), "results_posted")
    assert "description 'Data \\>= 12 months after the sponsor's last visit \\[see protocol\\]'" in note


def test_a_withdrawn_site_with_an_apostrophe_is_said_and_left_out(draft: Callable) -> None:
    """Before: "E501 curation.notes.0.text quotes "Children's Hospital Colorado, Aurora, Colorado, United States"": the
    site's facility, city, region and country joined, set in double quotes as one quotation of the source."""
    study = real()
    study["protocolSection"]["contactsLocationsModule"]["locations"] = [
        {"facility": "Children's Hospital Colorado", "status": "WITHDRAWN", "city": "Aurora", "state": "Colorado"},
        {"facility": "Denver Health", "status": "RECRUITING", "city": "Denver", "country": "United States"},
    ]
    data = draft(study)
    assert [site["facility"] for site in data["locations"]] == ["Denver Health"]
    assert (
        "The source gives the site 'Children's Hospital Colorado, Aurora, Colorado' the status WITHDRAWN: it withdrew "
        "before enrolling anyone, and is no site of the trial; not imported."
    ) in notes_on(data, "locations")


def test_a_long_text_without_an_apostrophe_is_shown_as_before(draft: Callable) -> None:
    """The honest case: a text with no apostrophe was shown in single quotes already; only its cut changed, after a
    whole word."""
    study = real()
    _ipd(study, POLICY.replace("sponsor's", "sponsor").replace("company's", "company"))
    [note] = notes_on(draft(study), "results_posted")
    assert "description 'Individual participant data will not be shared because the sponsor policy, which is" in note


@pytest.mark.parametrize(
    ("value", "most", "expected"),
    [
        ("Women's Hospital", None, "'Women's Hospital'"),
        ('The "Lupus" study', None, "'The \"Lupus\" study'"),
        ("a \\>= b", None, "'a \\>= b'"),
        ("line\nbreak\u200b", None, "'line\\nbreak\\u200b'"),
        ("one two three four", 12, "'one two…'"),
        ("abcdefghijklmnop", 8, "'abcdefgh…'"),  # no space to cut at: within the word
        ('Use of "rescue therapy" as defined', 20, "'Use of…'"),  # never a quotation opened and not closed
        ('The "SLE" cohort and others', 20, "'The \"SLE\" cohort…'"),
        (12, None, "12"),
        (None, None, "None"),
    ],
)
def test_shown(value: Any, most: int | None, expected: str) -> None:
    assert shown(value, most) == expected


# --- what a part of the study the check does not read gives --------------------------------------------------------

UNREAD = " (its texts and dates not shown: the check reads only a study's protocol; read them in the source)."


def _more_info(study: dict[str, Any], key: str, value: dict[str, Any]) -> None:
    study.setdefault("resultsSection", {}).setdefault("moreInfoModule", {})[key] = value


def test_an_unposted_events_dates_are_named_not_stated(draft: Callable) -> None:
    """Before: "E501 curation.notes.3.text states 2022-12-23, which no cited source writes": the annotation of a study
    whose results were submitted and returned (as the registry gives NCT03453554's, tests/fixtures/ctgov/real/) was
    said with its dates, which the check, reading the study's protocol alone (layouts.STUDY_READ), never finds."""
    study = real()
    study["annotationSection"] = {
        "annotationModule": {
            "unpostedAnnotation": {
                "unpostedResponsibleParty": "Washington State University",
                "unpostedEvents": [{"type": "RELEASE", "date": "2022-12-23"}, {"type": "RESET", "date": "2023-10-20"}],
            }
        }
    }
    [note] = [n for n in notes_on(draft(study), "results_posted") if "annotationSection" in n]
    assert note == (
        "The source's annotationSection gives what the record has no place for, not imported: annotationModule "
        "{unpostedAnnotation {unpostedResponsibleParty (a text), unpostedEvents [(a date) (RELEASE), "
        "(a date) (RESET)]}}" + UNREAD
    )


@pytest.mark.parametrize(
    ("key", "value", "shown_as"),
    [
        (
            "limitationsAndCaveats",
            {"description": "Enrollment stopped on 2021-03-15 after 12 participants; follow-up limited to 24 weeks."},
            "moreInfoModule.limitationsAndCaveats {description (a text)}",
        ),
        (
            "certainAgreement",
            {
                "piSponsorEmployee": False,
                "restrictionType": "OTHER",
                "restrictiveAgreement": True,
                "otherDetails": "The sponsor must receive a copy 60 days before submission; thirty days' embargo.",
            },
            "moreInfoModule.certainAgreement {piSponsorEmployee false, restrictionType OTHER, restrictiveAgreement "
            "true, otherDetails (a text)}",
        ),
    ],
)
def test_a_results_texts_facts_are_named_not_stated(
    draft: Callable, key: str, value: dict[str, Any], shown_as: str
) -> None:
    """Before: "E501 ... states 12 participants", "... 2021-03-15", "... 24 weeks", "... 60 days": the results' words
    on their limits and on the agreement with the sponsor, said whole, stated facts no source the check reads writes."""
    study = real("NCT05594173.json")
    _more_info(study, key, value)
    [note] = [n for n in notes_on(draft(study), "results_posted") if "resultsSection" in n]
    assert shown_as in note and note.endswith(UNREAD)


def test_removed_countries_are_counted(draft: Callable) -> None:
    """Before: "E501 ... quotes "Côte d'Ivoire", which no cited source writes" (repr's double quotes, of the derived
    section the check does not read)."""
    study = real()
    study.setdefault("derivedSection", {}).setdefault("miscInfoModule", {})["removedCountries"] = [
        "Côte d'Ivoire",
        "Korea, Republic of",
    ]
    assert (
        "The source's derivedSection gives what the record has no place for, not imported: "
        "miscInfoModule.removedCountries (2 given)" + UNREAD
    ) in notes_on(draft(study), "locations")


def test_the_codes_and_yes_or_no_of_an_unread_part_are_still_said(draft: Callable) -> None:
    """The honest case, NCT00791778's own results (tests/test_import_accounting.py): an agreement's codes and yes/no
    state no fact the check reads, and are shown as before, with no word of texts unshown."""
    [note] = [n for n in notes_on(draft(real("NCT00791778.json")), "results_posted") if "resultsSection" in n]
    assert (
        "moreInfoModule.certainAgreement {piSponsorEmployee false, restrictionType LTE60, restrictiveAgreement true}"
        in note
    )
    assert "not shown" not in note


def test_a_protocol_modules_text_is_still_shown(draft: Callable) -> None:
    """The protocol is what the check reads: an IPD statement's dates and words are shown, as they were."""
    study = real()
    study["protocolSection"]["ipdSharingStatementModule"] = {
        "ipdSharing": "YES",
        "timeFrame": "Beginning 9 months and ending 36 months following article publication.",
    }
    [note] = notes_on(draft(study), "results_posted")
    assert "timeFrame 'Beginning 9 months and ending 36 months following article publication.'" in note
    assert "not shown" not in note


# --- a design the source gives only for another type of study ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "study_type", "info"),
    [
        ("NCT06171568.json", None, {"allocation": "NA", "maskingInfo": {"masking": "NONE"}}),
        ("NCT02576665.json", None, {"observationalModel": "COHORT", "timePerspective": "PROSPECTIVE"}),
        ("NCT02576665.json", "EXPANDED_ACCESS", None),
    ],
)
def test_a_design_none_of_whose_values_applies_is_left_to_the_curator(
    draft: Callable, name: str, study_type: str | None, info: dict[str, Any] | None
) -> None:
    """Before: "E523 curation.silent: design is declared silent, but seeds/ctgov_….json states it ('NA')": each value
    the source gives was left out with a note, as one for another type of study (hunt 206), and the design, left with
    none, declared silent. An observational study giving an interventional study's form alone, an interventional one
    an observational's, an expanded access study its protocol's: the design is now the curator's."""
    study = real(name)
    ps = study["protocolSection"]
    if info is not None:
        ps["designModule"]["designInfo"] = info
    if study_type is not None:
        ps["designModule"]["studyType"] = study_type
        ps["statusModule"]["overallStatus"] = "AVAILABLE"
    data = draft(study)
    assert "design" not in data
    assert "design" in data["curation"]["not_yet_curated"]
    assert "design" not in data["curation"].get("silent", [])
    assert any("it does not apply, left out" in n["text"] for n in data["curation"]["notes"])


def test_a_study_with_no_design_info_still_declares_it_silent(draft: Callable) -> None:
    """The honest case: a study whose source gives no designInfo states no design; silent, as before."""
    study = real()
    del study["protocolSection"]["designModule"]["designInfo"]
    data = draft(study)
    assert "design" in data["curation"]["silent"]
    assert "design" not in data["curation"]["not_yet_curated"]


# --- a null inside a value the API gives as an object or a list ----------------------------------------------------


def _null_date_type(study: dict[str, Any]) -> None:
    study["protocolSection"]["statusModule"]["startDateStruct"]["type"] = None


def _empty_date_type(study: dict[str, Any]) -> None:
    study["protocolSection"]["statusModule"]["completionDateStruct"]["type"] = []


def _null_enrollment_type(study: dict[str, Any]) -> None:
    study["protocolSection"]["designModule"]["enrollmentInfo"]["type"] = None


def _null_condition(study: dict[str, Any]) -> None:
    study["protocolSection"]["conditionsModule"]["conditions"].insert(0, None)


def _null_keyword(study: dict[str, Any]) -> None:
    study["protocolSection"]["conditionsModule"]["keywords"].append(None)


def _null_phase(study: dict[str, Any]) -> None:
    study["protocolSection"]["designModule"]["phases"] = [None, "PHASE1"]


@pytest.mark.parametrize(
    ("vary", "field", "expected"),
    [
        (_null_date_type, ("dates", "start"), {"date": "2016-07"}),
        (_empty_date_type, ("dates", "completion"), {"date": "2019-12-20"}),
        (_null_enrollment_type, ("enrollment",), {"count": 21}),
        (_null_condition, ("conditions", 0), "Colorectal Cancer"),
        (_null_keyword, ("keywords",), ["Anaplastic Astrocytoma, Glioblastoma"]),
        (_null_phase, ("phases",), ["PHASE1"]),
    ],
)
def test_a_null_member_states_nothing_and_the_rest_imports(
    draft: Callable, vary: Callable[[dict[str, Any]], None], field: tuple, expected: Any
) -> None:
    """Before: "E512 evidence for dates.start: the quote is not where the source states this field" (and so of the
    enrollment, "E512 conditions.0: not where the source states it"): a date struct, the enrollment or a list given
    with a null member (as a file a tool saved from the API writes a value it lacks) was no value of the API's shape
    to the check (ctgov_study._shaped), so its place held none; the importer reads the null as nothing given."""
    study = real()
    vary(study)
    data: Any = draft(study)
    for part in field:
        data = data[part]
    assert data == expected


@pytest.mark.parametrize(
    ("module", "key", "given"),
    [
        ("conditionsModule", "conditions", [["Lupus", "SLE"], "Melanoma"]),
        ("conditionsModule", "keywords", ["CAR-T", {"term": "CD19"}]),
        ("designModule", "phases", ["PHASE1", ["PHASE2"]]),
    ],
)
def test_a_list_of_values_with_a_member_of_another_shape_is_left_to_the_curator(
    draft: Callable, module: str, key: str, given: list
) -> None:
    """Before: "E512 conditions.0: not where the source states it": a list of values with a member that is a list or
    an object (no form the API gives) is no value to the check (ctgov_study._shaped, as before), but the importer
    took its other members (conditions [Melanoma]). Now none of it, with shapes.py's note: the curator's."""
    study = real()
    study["protocolSection"][module][key] = given
    data = draft(study)
    assert key not in data
    assert key in data["curation"]["not_yet_curated"]
    assert any(f"{key} as a list holding" in n["text"] for n in data["curation"]["notes"])
