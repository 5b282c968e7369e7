"""A number the source gives as another thing's is no identifier of the trial.

`identifiers.org_study_id` is the sponsor's own study id, and a plain source places none of its
numbers: "Grant number: 2023YFC123456.", "Protocol number of the earlier study: IM19-SLE-001." and
"The pilot study (IM19-SLE-001) treated 5 patients." each passed as IM19's org_study_id, as did an
ethics approval's number, an IND's, a lot's, the protocol's version and a document's, since each
stands in the source. A number is now read by the words that say what it is (reading/study_ids.py):
the label right before it in its clause, the words before the bracket it stands in, a bracket of label
words right after it, and its sentence where that turns to another trial before it (prose.turn); one
the source gives only as another thing's is refused (E512). A secondary id may be a grant's, an ethics
approval's, a regulator's or another registry's number of the trial, never another study's, a version,
a lot or a document's.

The sponsor's own id under its label ("Org Study ID:", "Protocol No.", "Sponsor protocol code:"), a study
named as this one ("This pilot study (IM19-SLE-002)"), a number with no words saying what it is, a
number given once as the trial's and once as a grant's, a label's bracket ("Protocol number (approved by
the ethics committee):") and a bracket giving another number its label ("IM19-SLE-002 (Version 3.0)")
leave it standing; so do a registry's own fields (ClinicalTrials.gov's orgStudyIdInfo).

And a secondary id's type was bound to a quote rendering it and naming the id, wherever the two stood:
"Registry Identifier: ABC-123 - an NIH grant was applied for" quoted "ABC-123 - an NIH", or "ABC-123,
R01AR012345 (NIH)", typed ABC-123 NIH. Quoted from a plain source, the type's words now label the id
(study_ids.labelled_by): right before it with only a label's marks and words between ("NIH grant:
R01AR012345", "| NIH | R01AR012345"), or alone in a bracket right after it ("R01AR012345 (NIH)"); else
E507. A layout's rows (a ClinicalTrials.gov study's secondaryIdInfos) are read by their binding.
"""

from __future__ import annotations

import json

import pytest
from conftest import Trials, im19_out, imported_codes
from sle_trials.reading import study_ids


def org(value: str) -> str:
    quoted = json.dumps(value)
    return f"identifiers:\n  org_study_id: {quoted}\nevidence:\n  identifiers.org_study_id: {quoted}\n"


def secondary(value: str) -> str:
    return (
        f"identifiers:\n  secondary_ids:\n    - id: {json.dumps(value)}\n"
        f"evidence:\n  identifiers.secondary_ids.0.id: {json.dumps(value)}\n"
    )


GRANT, ETHICS, OTHER_STUDY = study_ids.GRANT, study_ids.ETHICS, study_ids.OTHER_STUDY
NOT_OWN = [
    # (a grant's or funder's number)
    ("Grant number: 2023YFC123456.", "2023YFC123456", GRANT),
    ("Grant No. 2023YFC123456", "2023YFC123456", GRANT),
    ("Supported by grant 2023YFC123456 from the Ministry of Science and Technology.", "2023YFC123456", GRANT),
    ("Funded by the National Natural Science Foundation of China (No. 82071234).", "82071234", GRANT),
    ("Funding: 2023YFC123456", "2023YFC123456", GRANT),
    ("Award number: R01AR012345", "R01AR012345", GRANT),
    ("2023YFC123456 (grant)", "2023YFC123456", GRANT),
    ("Grant number:\n2023YFC123456", "2023YFC123456", GRANT),
    ("FUNDING\n2023YFC123456", "2023YFC123456", GRANT),
    ("2023YFC123456 is the grant number.", "2023YFC123456", GRANT),
    ("基金编号：2023YFC123456", "2023YFC123456", GRANT),
    ("国家重点研发计划项目（2023YFC123456）", "2023YFC123456", GRANT),
    ("伦理批件号：2023-KY-045", "2023-KY-045", ETHICS),
    # (an ethics committee's approval)
    ("Ethics approval number: 2023-KY-045.", "2023-KY-045", ETHICS),
    ("IRB protocol number: 2023-KY-045", "2023-KY-045", ETHICS),
    ("IRB No.: 2023-KY-045", "2023-KY-045", ETHICS),
    ("Approved by the Ethics Committee of Peking University (approval No. 2023-KY-045).", "2023-KY-045", ETHICS),
    # (another study's: an earlier, pilot, parent, companion, extension or follow-up one)
    ("Protocol number of the earlier study: IM19-SLE-001.", "IM19-SLE-001", OTHER_STUDY),
    ("The pilot study (IM19-SLE-001) treated 5 patients.", "IM19-SLE-001", OTHER_STUDY),
    ("Previous protocol number: IM19-SLE-001", "IM19-SLE-001", OTHER_STUDY),
    ("Another study ID: IM19-SLE-001", "IM19-SLE-001", OTHER_STUDY),
    ("Parent protocol: IM19-SLE-001", "IM19-SLE-001", OTHER_STUDY),
    ("This is an extension of study IM19-SLE-001.", "IM19-SLE-001", OTHER_STUDY),
    ("In an earlier study, protocol number IM19-SLE-001 was used.", "IM19-SLE-001", OTHER_STUDY),
    ("IM19-SLE-001, the earlier study's protocol number, enrolled 5 patients.", "IM19-SLE-001", OTHER_STUDY),
    ("Companion study IM19-LN-001 enrols patients with lupus nephritis.", "IM19-LN-001", OTHER_STUDY),
    ("Long-term follow-up study: IM19-LTFU-01", "IM19-LTFU-01", OTHER_STUDY),
    ("Participants who completed study IM19-SLE-001 may enrol.", "IM19-SLE-001", OTHER_STUDY),
    ("IM19-SLE-001 is the earlier study.", "IM19-SLE-001", OTHER_STUDY),
    ("The IM29 study (IM29-SLE-001) treated 5 patients.", "IM29-SLE-001", OTHER_STUDY),
    ("IM29 trial protocol: IM29-SLE-001", "IM29-SLE-001", OTHER_STUDY),
    ("Protocol number: IM19-SLE-001 (earlier study)", "IM19-SLE-001", OTHER_STUDY),
    ("Protocol numbers: IM19-SLE-002 (this study), IM19-SLE-001 (pilot study)", "IM19-SLE-001", OTHER_STUDY),
    # (a regulator's application, a registry's number, a version, a lot, a document, a contact, a site)
    ("IND number: IND-123456", "IND-123456", study_ids.REGULATOR),
    ("NMPA acceptance number: CXSL2300123", "CXSL2300123", study_ids.REGULATOR),
    ("ClinicalTrials.gov ID: NCT06513429", "NCT06513429", study_ids.REGISTRY),
    ("Universal Trial Number: U1111-1234-5678", "U1111-1234-5678", study_ids.REGISTRY),
    ("Protocol version: V3.0", "V3.0", study_ids.VERSION),
    ("Protocol IM19-SLE-002, version V3.0", "V3.0", study_ids.VERSION),
    ("Amendment No. A2-2024", "A2-2024", study_ids.VERSION),
    ("方案版本号：V3.0", "V3.0", study_ids.VERSION),
    ("Lot number: B2023-07", "B2023-07", study_ids.PRODUCT),
    ("Batch B2023-07 was released for infusion.", "B2023-07", study_ids.PRODUCT),
    ("Product: IM19 CAR-T cells", "IM19", study_ids.PRODUCT),
    ("KYV-101 injection is given once.", "KYV-101", study_ids.PRODUCT),
    ("Document number: DOC-IM19-0042", "DOC-IM19-0042", study_ids.DOCUMENT),
    ("Tel: 010-12345678", "010-12345678", study_ids.CONTACT),
    ("Subject ID: IM19-001-003", "IM19-001-003", study_ids.PERSON_OR_SITE),
    ("Serial number: SN-2023-07", "SN-2023-07", study_ids.PRODUCT),
]


def _refused(out: str, field: str, kind: study_ids.Kind) -> bool:
    return f"E512 {field}: the source gives this number only as {kind.name}" in out


@pytest.mark.parametrize(("line", "value", "kind"), NOT_OWN)
def test_a_number_the_source_gives_as_another_things_is_no_org_study_id(
    trials: Trials, line: str, value: str, kind: study_ids.Kind
) -> None:
    assert _refused(im19_out(trials, line, org(value)), "identifiers.org_study_id", kind)


# (what a secondary id may not be: another study's, a version, a lot, a document's)
NOT_SECONDARY = [case for case in NOT_OWN if not case[2].secondary]


@pytest.mark.parametrize(("line", "value", "kind"), NOT_SECONDARY)
def test_another_studys_number_a_version_or_a_lot_is_no_secondary_id(
    trials: Trials, line: str, value: str, kind: study_ids.Kind
) -> None:
    assert _refused(im19_out(trials, line, secondary(value)), "identifiers.secondary_ids.0.id", kind)


OWN = [
    ("Protocol number: IM19-SLE-002.", "IM19-SLE-002"),
    ("Org Study ID: IM19-SLE-002", "IM19-SLE-002"),
    ("Protocol No.: IM19-SLE-002", "IM19-SLE-002"),
    ("Protocol No. IM19-SLE-002", "IM19-SLE-002"),
    ("Sponsor protocol code: IM19-SLE-002", "IM19-SLE-002"),
    ("Organization's Unique Protocol ID: IM19-SLE-002", "IM19-SLE-002"),
    ("Study ID: IM19-SLE-002", "IM19-SLE-002"),
    # (the registries' own labels: ClinicalTrials.gov's, ChiCTR's, ISRCTN's, EU CTR's)
    ("Other Study ID Numbers: IM19-SLE-002", "IM19-SLE-002"),
    ("Study subject ID: IM19-SLE-002", "IM19-SLE-002"),
    ("研究课题代号(代码)：IM19-SLE-002", "IM19-SLE-002"),
    ("Protocol/serial number: IM19-SLE-002", "IM19-SLE-002"),
    ("Sponsor's protocol code number: IM19-SLE-002", "IM19-SLE-002"),
    ("Protocol number:\nIM19-SLE-002", "IM19-SLE-002"),
    ("Protocol number\nIM19-SLE-002", "IM19-SLE-002"),
    ("方案编号：IM19-SLE-002", "IM19-SLE-002"),
    ("IM19-SLE-002 is a pilot study.", "IM19-SLE-002"),
    ("IM19-SLE-002 is the protocol number.", "IM19-SLE-002"),
    ("This pilot study (IM19-SLE-002) will enrol 12 patients.", "IM19-SLE-002"),
    ("The study (IM19-SLE-002) is open.", "IM19-SLE-002"),
    ("The IM19 study (IM19-SLE-002) is open.", "IM19-SLE-002"),
    ("The study of IM19 CAR-T cells (IM19-SLE-002) is open.", "IM19-SLE-002"),
    ("Protocol: IM19-SLE-002 (a pilot study)", "IM19-SLE-002"),
    ("A pilot study (IM19-SLE-002) of IM19 in SLE.", "IM19-SLE-002"),
    ("Protocol numbers: IM19-SLE-002 (this study), IM19-SLE-001 (pilot study)", "IM19-SLE-002"),
    ("The ethics committee approved protocol IM19-SLE-002.", "IM19-SLE-002"),
    ("Patients enrolled in study IM19-SLE-002 receive IM19 CAR-T cells.", "IM19-SLE-002"),
    ("Protocol number (approved by the ethics committee): IM19-SLE-002", "IM19-SLE-002"),
    ("Protocol number: IM19-SLE-002 (version 3.0)", "IM19-SLE-002"),
    ("IM19-SLE-002 (Version 3.0, 2024-01-05)", "IM19-SLE-002"),
    ("IM19-SLE-002 is an open-label trial.", "IM19-SLE-002"),
    ("Grant number: 2023YFC123456. Protocol number: IM19-SLE-002.", "IM19-SLE-002"),
    ("Protocol number: IM19-SLE-002; funded by grant 2023YFC123456.", "IM19-SLE-002"),
    ("Protocol number: IM19-SLE-002, approved by the ethics committee (2023-KY-045).", "IM19-SLE-002"),
    # (a number the source gives once as the trial's, once as a grant's: the trial's, as it says)
    ("Grant number: 2023YFC123456; protocol number: 2023YFC123456.", "2023YFC123456"),
]


@pytest.mark.parametrize(("line", "value"), OWN)
def test_the_sponsors_own_id_under_its_label_or_with_no_words_stands(trials: Trials, line: str, value: str) -> None:
    assert im19_out(trials, line, org(value)) == ""


SECONDARY = [
    ("Grant number: 2023YFC123456.", "2023YFC123456"),
    ("Ethics approval number: 2023-KY-045.", "2023-KY-045"),
    ("IND number: IND-123456", "IND-123456"),
    ("Protocol number: IM19-SLE-002.", "IM19-SLE-002"),
    ("IM19-SLE-002 (Version 3.0, 2024-01-05)", "IM19-SLE-002"),
]


@pytest.mark.parametrize(("line", "value"), SECONDARY)
def test_a_grants_an_ethics_approvals_or_a_regulators_number_is_a_secondary_id(
    trials: Trials, line: str, value: str
) -> None:
    assert im19_out(trials, line, secondary(value)) == ""


def typed(value: str, kind: str, quote: str) -> str:
    return (
        f"identifiers:\n  secondary_ids:\n    - id: {json.dumps(value)}\n      type: {kind}\nevidence:\n"
        f"  identifiers.secondary_ids.0.id: {json.dumps(value)}\n"
        f"  identifiers.secondary_ids.0.type: {json.dumps(quote)}\n"
    )


# A secondary id's type quoted from words that render it beside the id, but as another's label or
# away from the id: each passed, the quote rendering the type and naming the id
TYPED_BY_ANOTHER = [
    ("Registry Identifier: ABC-123 - an NIH grant was applied for.", "ABC-123", "NIH", "ABC-123 - an NIH"),
    ("Funded by NIH; protocol number ABC-123.", "ABC-123", "NIH", "NIH; protocol number ABC-123"),
    (
        "Grant number: 2023YFC123456 (EudraCT Number applied for)",
        "2023YFC123456",
        "EUDRACT_NUMBER",
        "2023YFC123456 (EudraCT Number applied for)",
    ),
    (
        "ABC-123 Other Grant/Funding Number: 2023YFC123456",
        "ABC-123",
        "OTHER_GRANT",
        "ABC-123 Other Grant/Funding Number",
    ),
    ("Other Identifier: ABC-123; NIH grant R01AR012345", "ABC-123", "NIH", "ABC-123; NIH"),
    ("Secondary IDs: ABC-123, R01AR012345 (NIH)", "ABC-123", "NIH", "ABC-123, R01AR012345 (NIH)"),
]


@pytest.mark.parametrize(("line", "value", "kind", "quote"), TYPED_BY_ANOTHER)
def test_a_secondary_ids_type_is_the_label_the_source_gives_that_id(
    trials: Trials, line: str, value: str, kind: str, quote: str
) -> None:
    out = im19_out(trials, line, typed(value, kind, quote))
    assert f"E507 identifiers.secondary_ids.0.type: the quote renders {kind} not as the label of {value!r}" in out


TYPED = [
    ("NIH grant: R01AR012345", "R01AR012345", "NIH", "NIH grant: R01AR012345"),
    ("U.S. NIH Grant/Contract: R01AR012345", "R01AR012345", "NIH", "U.S. NIH Grant/Contract: R01AR012345"),
    ("| NIH | R01AR012345 |", "R01AR012345", "NIH", "NIH | R01AR012345"),
    ("Secondary IDs: ABC-123, R01AR012345 (NIH)", "R01AR012345", "NIH", "R01AR012345 (NIH)"),
    (
        "Other Grant/Funding Number: 2023YFC123456",
        "2023YFC123456",
        "OTHER_GRANT",
        "Other Grant/Funding Number: 2023YFC123456",
    ),
    ("Other Identifier: ABC-123", "ABC-123", "OTHER", "Other Identifier: ABC-123"),
]


@pytest.mark.parametrize(("line", "value", "kind", "quote"), TYPED)
def test_a_type_labelling_its_id_stands(trials: Trials, line: str, value: str, kind: str, quote: str) -> None:
    assert im19_out(trials, line, typed(value, kind, quote)) == ""


def test_a_registrys_own_field_says_what_its_number_is(imported: tuple) -> None:
    """ClinicalTrials.gov's orgStudyIdInfo and secondaryIdInfos, imported: its layout places each (its
    rows' "secondaryIdInfos.type: NIH" stands away from the id, and is its row's)."""
    checker, data = imported
    assert data["identifiers"]["org_study_id"] == "CART-LN-201"
    assert [i["type"] for i in data["identifiers"]["secondary_ids"]] == ["EUDRACT_NUMBER", "NIH"]
    assert not {"E507", "E512"} & imported_codes(checker, data)
