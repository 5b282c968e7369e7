"""Pull-request attacks on a registry copy's sections: a line that is no value of the field read as one.

A registry copy gives some values whole, a line each, in a section that holds other lines too: the
Sponsors section writes each sponsor's class on the line below its name ("OTHER"), and Other
Identifiers writes each identifier's type and source on the lines below it ("Identifier Type: -",
"Identifier Source: org_study_id"). Each whole line of those sections was a place of the name and of
the organisation's study id, so IM19's record passed `trials check` with `sponsor.name: OTHER` and
`identifiers.org_study_id: "Identifier Source: org_study_id"`, and trials.csv said so. A class is no
name, and a label line no identifier: the organisation's id is the one its source label calls
org_study_id. And the lead sponsor, the record's, is the first the section lists: a collaborator
listed after it ("ImmunoChina Pharmaceuticals" / "INDUSTRY") lent the hospital its class INDUSTRY,
or its own name as the lead sponsor's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, cited_instead, edit
from sle_trials.reading import registry_copy

SCHEMA = Path(__file__).resolve().parents[1] / "schema" / "trial.schema.json"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  name: Peking University Third Hospital\n", "  name: OTHER\n"),
        ("  org_study_id: IM19SLE01\n", '  org_study_id: "Identifier Source: org_study_id"\n'),
        ("  org_study_id: IM19SLE01\n", '  org_study_id: "Identifier Type: -"\n'),
    ],
)
def test_a_line_of_the_section_that_is_no_value_of_the_field_is_refused(
    registry: Path, trials: Trials, old: str, new: str
) -> None:
    edit(registry, IM19_PATH, (old, new))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1
    assert " E512 " in result.out


def test_the_record_as_curated_passes(registry: Path, trials: Trials) -> None:
    assert trials("validate", registry / IM19_PATH).status == 0


def _places(section: list[str]) -> dict[str, list[str]]:
    got = registry_copy._identifier_places(section)
    return {name: [p.text for p in passages] for name, passages in got.items()}


def test_an_identifier_is_the_organisations_by_its_source_label() -> None:
    section = [
        "2023-000111-22",
        "Identifier Type: EUDRACT_NUMBER",
        "Identifier Source: secondary_id",
        "IM19SLE01",
        "Identifier Type: -",
        "Identifier Source: org_study_id",
    ]
    assert _places(section) == {
        "identifiers.org_study_id": ["IM19SLE01"],
        "identifiers.secondary_ids": ["2023-000111-22 Identifier Type: EUDRACT_NUMBER Identifier Source: secondary_id"],
        "identifiers.secondary_ids.id": ["2023-000111-22"],
    }
    # with no source label, any identifier may be the organisation's, and no label line is one
    assert _places(["IM19SLE01", "Identifier Type: -"]) == {"identifiers.org_study_id": ["IM19SLE01"]}


def test_the_classes_a_sponsor_line_may_be_are_the_schemas() -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    assert set(schema["properties"]["sponsor"]["properties"]["class"]["enum"]) == registry_copy.AGENCY_CLASSES


COLLABORATOR = "ImmunoChina Pharmaceuticals\nINDUSTRY\n"


def _with_a_collaborator(registry: Path) -> None:
    text = (registry / "seeds/000_84a0f0163f21158e.txt").read_text("utf-8")
    old = "Peking University Third Hospital\nOTHER\n"
    assert text.count(old) == 1
    source = add_source(registry, "seeds/940_collaborator.txt", text.replace(old, old + COLLABORATOR))
    cited_instead(registry, IM19_PATH, "seeds/000_84a0f0163f21158e.txt", source)


@pytest.mark.parametrize(
    "changes",
    [
        [("  class: OTHER\n", "  class: INDUSTRY\n")],
        [
            (
                "  name: Peking University Third Hospital\n  class: OTHER\n",
                "  name: ImmunoChina Pharmaceuticals\n  class: INDUSTRY\n",
            ),
        ],
    ],
)
def test_a_collaborators_name_or_class_is_not_the_lead_sponsors(
    registry: Path, trials: Trials, changes: list[tuple[str, str]]
) -> None:
    _with_a_collaborator(registry)
    edit(
        registry,
        IM19_PATH,
        *changes,
        (
            "  sponsor.class: Peking University Third Hospital OTHER\n",
            "  sponsor.class: ImmunoChina Pharmaceuticals INDUSTRY\n",
        ),
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1
    assert " E512 " in result.out


def test_the_lead_sponsor_listed_first_passes(registry: Path, trials: Trials) -> None:
    _with_a_collaborator(registry)
    assert trials("validate", registry / IM19_PATH).status == 0
