"""Pull-request attacks on a JSON source: a character written as an escape no serializer writes.

A JSON source is read by json.loads, which decodes every escape; its reader (GitHub's view of the
pull request, an editor, `less`, a reviewer's `cat` of the file fetched and hashed) is shown the
escape as written. A serializer escapes a printable ASCII character only where it must (a quotation
mark, a backslash) or keeps a JSON safe in a page ("/", "&", "'", "<", ">"), never a letter or a
digit: "Enrollment: \\u0036\\u0030 participants" bound an enrollment of 60 no reviewer is shown, and a
study's "\\u0052ECRUITING" a status. Such a document is now no JSON: read as plain text, as its reader
sees it (E516 where cited as REGISTRY_JSON), and refused by an import.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, IM19_TITLE_LINE, Trials, add_source, edit
from sle_trials.reading import layouts

STUB = "trials/NCT03030976.yaml"
STUDY = (FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8")


def _source(enrollment: str) -> str:
    said = {"title": IM19_TITLE_LINE, "updated": "Last Updated: 2025-08-17", "enrollment": "@"}
    return json.dumps(said).replace("@", enrollment)


def test_an_escaped_digit_binds_no_number(trials: Trials) -> None:
    result = trials.enrollment(
        "seeds/950_escapes.json", _source(r"Enrollment: \u0036\u0030 participants"), 60, "Enrollment: 60 participants"
    )
    assert result.status == 1, result.out
    assert "E502" in result.out


def test_the_same_json_written_plainly_binds(trials: Trials) -> None:
    result = trials.enrollment(
        "seeds/951_escapes.json",
        _source(r"Enrollment: 60 participants \u2265 \/ \u003c"),
        60,
        "Enrollment: 60 participants",
    )
    assert result.status == 0, result.out


def test_a_study_with_an_escaped_letter_is_not_the_registrys_json(registry: Path, trials: Trials) -> None:
    disguised = STUDY.replace('"COMPLETED"', '"\\u0043OMPLETED"', 1)
    assert disguised != STUDY
    source = add_source(registry, "seeds/952_escapes.json", disguised)
    edit(
        registry,
        STUB,
        (
            "file: seeds/000_84a0f0163f21158e.txt\n      kind: REGISTRY_COPY",
            f"file: {source}\n      kind: REGISTRY_JSON",
        ),
    )
    result = trials("validate", registry / STUB)
    assert result.status == 1, result.out
    assert "E516" in result.out


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (r'{"a": "\u0036"}', r"\u0036"),
        (r'{"a": "\u0041", "b": "\u007a"}', r"\u0041"),
        (r'{"a": "\\u0036 \" \u0022 \u005c \u002f \u003c \u003e \u0026 \u0027 \u2265 \u00e9"}', None),
    ],
)
def test_an_escape_is_disguised_where_no_serializer_writes_it(text: str, found: str | None) -> None:
    assert layouts.disguised(text) == found
    assert (layouts.json_document(text) is None) == (found is not None)


def test_an_import_refuses_it(trials: Trials, tmp_path: Path) -> None:
    (tmp_path / "study.json").write_text(STUDY.replace('"COMPLETED"', '"\\u0043OMPLETED"', 1), "utf-8")
    result = trials("import", "ctgov", tmp_path / "study.json", "--no-cache")
    assert result.status != 0
    assert "the escape \\u0043" in result.out + result.err
