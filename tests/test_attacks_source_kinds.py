"""Pull-request attacks on what a source claims to be: a REGISTRY_JSON source that is no study.

A source's kind was held to its layout only one way: a ClinicalTrials.gov study must be cited as
REGISTRY_JSON (E516), but a source cited as REGISTRY_JSON could be anything. A text file named
`.json` (or JSON without `protocolSection`, or a page of studies none of which is this trial's) is
read as plain text, where a quote may stand anywhere: a stub cited such a file as "the registry's
JSON" and `trials check` passed it, while trials.csv, the site and `trials drift`/`update` (which
take a record's newest REGISTRY_JSON source to be its study) told readers the values came from the
registry's own record. A REGISTRY_JSON source must now read as this trial's study (E516), and a
REGISTRY_COPY or TRIAL_FINDER_PAGE source as the layout of that kind.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import DATA_ROOT, REPO, Trials, add_source, edit
from sle_trials import paths
from sle_trials.checks import evidence, load
from sle_trials.reading import layouts

STUB = "trials/NCT03030976.yaml"
CITED = ("file: seeds/000_84a0f0163f21158e.txt\n      kind: REGISTRY_COPY", "file: {}\n      kind: REGISTRY_JSON")
TEXT = (
    "NCT ID: NCT03030976\n"
    "A Study of CD19 Redirected Autologous T Cells for CD19 Positive Systemic Lupus Erythematosus (SLE)\n"
    "Last Updated: 2025-08-17\n"
)


def cite(registry: Path, name: str, text: str) -> None:
    source = add_source(registry, name, text)
    edit(registry, STUB, (CITED[0], CITED[1].format(source)))


def test_a_text_file_cited_as_registry_json_is_refused(registry: Path, trials: Trials) -> None:
    cite(registry, "seeds/940_fake.json", TEXT)
    result = trials("validate")
    assert result.status == 1, result.out
    assert (
        f"{STUB}:8:13: E516 curation.sources.0.kind: a REGISTRY_JSON source is a ClinicalTrials.gov study JSON, "
        "but seeds/940_fake.json holds none for NCT03030976 (it reads as plain text)"
    ) in result.out


def test_a_page_of_other_trials_studies_cited_as_registry_json_is_refused(registry: Path, trials: Trials) -> None:
    study = json.loads((REPO / "tests/fixtures/ctgov/completed_phase2_randomised.json").read_text(encoding="utf-8"))
    page = {"studies": [study], "note": TEXT}  # the stub's quotes stand in the page, beside another trial's study
    cite(registry, "seeds/941_page.json", json.dumps(page))
    result = trials("validate")
    assert result.status == 1, result.out
    assert f"{STUB}:8:13: E516 curation.sources.0.kind: a REGISTRY_JSON source" in result.out
    assert "holds none for NCT03030976 (it reads as plain text)" in result.out


def test_each_layout_is_said_in_the_curators_words() -> None:
    """E516 said "a ctgov_json document ... (it reads as plain)": the reader's names, not the docs'."""
    assert set(layouts.LAYOUT_WORDS) == {*layouts.LAYOUT_KINDS, layouts.PLAIN}
    assert not any("_" in words for words in layouts.LAYOUT_WORDS.values())


def test_plain_text_of_another_kind_is_still_read_as_text(registry: Path, trials: Trials) -> None:
    source = add_source(registry, "seeds/942_note.txt", TEXT)
    edit(registry, STUB, ("file: seeds/000_84a0f0163f21158e.txt", f"file: {source}"), ("REGISTRY_COPY", "OTHER"))
    result = trials("validate")
    assert "E516" not in result.out, result.out


@pytest.mark.parametrize(
    ("kind", "refused"),
    [("REGISTRY_COPY", True), ("TRIAL_FINDER_PAGE", True), ("REGISTRY_JSON", True), ("PRESS_RELEASE", False)],
)
def test_a_press_release_cited_as_a_kind_that_names_a_layout_is_refused(
    tmp_path: Path, kind: str, refused: bool
) -> None:
    """Before: a plain press release could be cited as REGISTRY_COPY or TRIAL_FINDER_PAGE, and trials.csv
    and the site called it a copy of the registry's record or a trial finder's page, while its values were
    checked as plain text's (anywhere in it). Each of the three kinds names one layout the tool reads; a
    document that does not read as it is refused under that kind (E516)."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "942_press.txt").write_text(TEXT, encoding="utf-8")
    record, problems = load.load(DATA_ROOT / STUB, STUB)
    assert record is not None, problems
    data = copy.deepcopy(record.data)
    data["curation"]["sources"][0].update(file="seeds/942_press.txt", kind=kind)
    found = [p.message for p in evidence.check(load.Record(STUB, data), paths.load_schema(DATA_ROOT), tmp_path)]
    layout = layouts.KIND_LAYOUTS.get(kind)
    said = f"curation.sources.0.kind: a {kind} source is {layouts.LAYOUT_WORDS.get(layout or '')}, but"
    assert any(m.startswith(said) for m in found) is refused, found
