"""`trials site` and the exports against a hostile pull request: one that controls the records, the
source documents and their manifest lines, the file names and the schema, and tries to make the
outputs show a file outside the repository, mark a passage the checks did not read the value from,
or leave an output half-written. tests/test_site.py covers the site's ordinary behaviour.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, IM19_PATH, IM19_PLAIN, Trials, put
from sle_trials.outputs.site import highlight
from test_site import Page, build

SECRET = "TOPSECRET-7f3a"


def only_records(registry: Path, records: dict[str, str], seeds: dict[str, str]) -> None:
    """The registry holding just these records and these sources (listed in the manifest)."""
    for old in [*(registry / "trials").glob("*.yaml"), *(registry / "seeds").glob("*.*")]:
        old.unlink()
    manifest = []
    for name, text in seeds.items():
        put(registry, f"seeds/{name}", text)
        manifest.append(f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}  {name}\n")
    put(registry, "seeds/SHA256SUMS", "".join(manifest))
    for path, text in records.items():
        put(registry, path, text)


# --- nothing outside the repository ---------------------------------------------------------------


@pytest.mark.parametrize(
    "cited", ["seeds/../../outside.txt", "seeds/./../../outside.txt", "seeds/sub/../../../outside.txt"]
)
def test_a_schema_that_lets_a_source_leave_seeds_reads_nothing_outside(
    trials: Trials, registry: Path, tmp_path: Path, cited: str
) -> None:
    # The schema's pattern for curation.sources.file is the PR's to change: the tool's own rule
    # (files.SOURCE_PATH) must keep a cited source under seeds/ whatever the schema allows.
    (tmp_path / "outside.txt").write_text(
        f"{SECRET} Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n",
        encoding="utf-8",
    )
    schema = registry / "schema" / "trial.schema.json"
    loose = schema.read_text(encoding="utf-8").replace('"^seeds/[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"', '"^seeds/"')
    assert loose != schema.read_text(encoding="utf-8")
    schema.write_text(loose, encoding="utf-8")
    only_records(registry, {IM19_PATH: IM19_PLAIN.replace("seeds/900_plain.txt", cited)}, {})
    for command in (
        ("site", "--output", tmp_path / "site"),
        ("export", "sqlite", "--output", tmp_path / "t.db"),
        ("export", "json", "--output", tmp_path / "t.json"),
        ("check",),
    ):
        result = trials.json(*command)
        assert result.status == 1, (command, result.err)
        assert result.where("E108") == [(IM19_PATH, 6, 13)], result.out
        assert SECRET not in result.out + result.err
    assert not (tmp_path / "site").exists() and not (tmp_path / "t.db").exists() and not (tmp_path / "t.json").exists()


# --- a mark is where the checks read the value ----------------------------------------------------

AX19 = "NCT09000022"
AX19_TITLE = "AX-19 CAR-T in Adults With Refractory Systemic Lupus Erythematosus"


def ctgov_study(nct_id: str = AX19, title: str = AX19_TITLE) -> dict:
    study = json.loads((FIXTURES / "ctgov" / "withdrawn_enrollment_0.json").read_text(encoding="utf-8"))
    study["protocolSection"]["identificationModule"].update(nctId=nct_id, briefTitle=title)
    return study


def ax19_record(sources: list[tuple[str, str]], evidence: str) -> str:
    cited = "".join(
        f'    - file: seeds/{name}\n      kind: {kind}\n      as_of: "2025-06-12"\n' for name, kind in sources
    )
    # each source's own date, quoted from it: a study's last update, a note's line (NOTE_DATE)
    dated = "".join(
        f"  curation.sources.{i}.as_of: "
        + json.dumps("lastUpdatePostDateStruct.date: 2025-06-12" if kind == "REGISTRY_JSON" else NOTE_DATE)
        + "\n"
        for i, (_, kind) in enumerate(sources)
    )
    return (
        f"nct_id: {AX19}\nbrief_title: {AX19_TITLE}\ncuration:\n  status: draft\n  sources:\n{cited}"
        f"overall_status: WITHDRAWN\nevidence:\n{dated}  overall_status: {json.dumps(evidence)}\n"
    )


NOTE_DATE = "Last Updated: 2025-06-12"  # the line a note of these tests states its date in


def marked(site: Path, nct_id: str, field: str) -> tuple[str, int, str]:
    """(the page, where in it the mark a field's first evidence link points at opens, that mark's words)."""
    text = (site / "trials" / f"{nct_id}.html").read_text(encoding="utf-8")
    link = re.search(
        rf'<code class="path">{re.escape(field)}</code></th>\s*<td>.*?</td>\s*<td>\s*'
        r'<a class="quote" href="#(q[0-9]+)"',
        text,
    )
    assert link, f"{field} links to no mark"
    return text, text.index(f'id="{link.group(1)}"'), Page(text).marks[link.group(1)]


def test_a_page_of_studies_marks_the_quote_in_this_trials_study(trials: Trials, registry: Path, tmp_path: Path) -> None:
    # Two studies of one page state the same status in the same words: the checks read this trial's
    # from its own study; the mark must not land in the other study's lines, which come first.
    page = json.dumps({"studies": [ctgov_study("NCT09000011", "Another CAR-T Study"), ctgov_study()]}, indent=2) + "\n"
    quote = "statusModule.overallStatus: WITHDRAWN"
    only_records(
        registry, {f"trials/{AX19}.yaml": ax19_record([("page.json", "REGISTRY_JSON")], quote)}, {"page.json": page}
    )
    checked = trials("csv")
    assert checked.status == 0, checked.out
    site = build(trials, tmp_path / "site")
    text, at, words = marked(site, AX19, "overall_status")
    assert words == quote
    assert text.index(f"identificationModule.nctId: {AX19}") < at  # inside this trial's study, not the first one


def test_a_quote_is_marked_in_the_source_the_checks_read_it_from(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    # The first source (a registry record of this trial) holds the quote's words only outside the
    # place where it states the status; the checks accept the quote from the second, a plain note.
    # The mark must be in the second: words out of their place support nothing.
    study = ctgov_study()
    study["protocolSection"]["descriptionModule"]["briefSummary"] += " Status: RECRUITING."
    note = f"Trial {AX19}: {AX19_TITLE}\n{NOTE_DATE}\nStatus: RECRUITING.\n"
    record = ax19_record([("ax19.json", "REGISTRY_JSON"), ("note.txt", "OTHER")], "Status: RECRUITING.")
    only_records(
        registry,
        {f"trials/{AX19}.yaml": record.replace("WITHDRAWN", "RECRUITING")},
        {"ax19.json": json.dumps(study, indent=2) + "\n", "note.txt": note},
    )
    checked = trials("csv")
    assert checked.status == 0, checked.out
    site = build(trials, tmp_path / "site")
    text, at, words = marked(site, AX19, "overall_status")
    assert words == "Status: RECRUITING."
    assert at > text.index("Source 2: <code>seeds/note.txt</code>")


def test_a_place_joined_from_separate_lines_marks_the_occurrence_it_was_read_from() -> None:
    # A layout may join a field's lines into one place ("Enrollment: 6 participants" with the study
    # type read further down): the quote is marked where the words around it are the place's.
    text = "Arms: 6 participants each\nEnrollment: 6 participants (actual)\nType: INTERVENTIONAL\n"
    norm = highlight.normalise(text)
    at = highlight.find(norm.text, "6 participants", ["Enrollment: 6 participants INTERVENTIONAL"], (0, len(norm.text)))
    assert at == norm.text.index("Enrollment: 6") + len("Enrollment: ")
    first_half = (0, len(norm.text) // 2)
    assert highlight.find(norm.text, "6 participants", ["6 participants"], first_half) == norm.text.index("6")
    assert highlight.find(norm.text, "6 participants", [], (0, len(norm.text))) == -1  # stated nowhere: no mark
    # a hostile source repeating the quote: the comparison is bounded, and still finds an occurrence
    many = "CAR T " * 200_000
    assert highlight.find(many, "CAR", ["X CAR Y"], (0, len(many))) >= 0


def test_a_source_cannot_reorder_what_a_reader_sees(trials: Trials, registry: Path, tmp_path: Path) -> None:
    # A right-to-left override in a source displays "Enrollment: 81" as "18 :tnemllornE": the page
    # would show other words than those the mark holds. Shown as [U+202E], it reorders nothing.
    # (The checks read no words a control reorders, invisible.unreordered: a quote of them is not
    # found, test_attacks_bidi.py; the status is quoted from the words beside them.)
    note = f"Trial {AX19}: {AX19_TITLE}\n{NOTE_DATE}\nStatus: RECRUITING \u202eon\u202c. \u2067x\u2069\n"
    record = ax19_record([("note.txt", "OTHER")], "RECRUITING").replace("WITHDRAWN", "RECRUITING")
    only_records(registry, {f"trials/{AX19}.yaml": record}, {"note.txt": note})
    assert trials("csv").status == 0
    text = (build(trials, tmp_path / "site") / "trials" / f"{AX19}.html").read_text(encoding="utf-8")
    assert not highlight.BIDI_CONTROL.search(text)
    assert "Status: <mark" in text and "[U+202E]on[U+202C]." in text and "[U+2067]x[U+2069]" in text


# --- the same records give the same bytes ---------------------------------------------------------

CHART_RECORDS = [
    {
        "nct_id": "NCT09000001",
        "overall_status": "RECRUITING",
        "dates": {"start": {"date": "2024-07"}, "completion": {"date": "2027-12-31"}},
        "curation": {"status": "draft"},
    },
    {
        "nct_id": "NCT09000002",
        "overall_status": "COMPLETED",
        "dates": {"start": {"date": "2023-01-01"}},
        "curation": {"status": "draft"},
    },
]
CHART = f"""\
import sys
from sle_trials.outputs.site import landscape
sys.stdout.write(landscape.chart({CHART_RECORDS!r}).svg)
"""


def test_the_chart_is_the_same_in_every_time_zone() -> None:
    # The chart is rendered by a JavaScript runtime that reads the process's time zone: on a local
    # scale, dates moved a day west of Greenwich and the site's bytes changed with the machine's TZ.
    # The runtime reads the zone once, when it starts: the chart rendered here is compared with one
    # rendered by a process of its own in a zone five or more hours from this one.
    from sle_trials.outputs.site import landscape

    west_of_greenwich = -6 * 3600 < time.localtime().tm_gmtoff <= -3 * 3600
    zone = "Asia/Tokyo" if west_of_greenwich else "America/New_York"
    run = subprocess.run(
        [sys.executable, "-c", CHART], env={**os.environ, "TZ": zone}, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    here = landscape.chart(CHART_RECORDS).svg
    assert run.stdout == here
    # each trial is described by its dates as the sources state them, not a day the chart made up
    assert 'aria-label="NCT09000001 (RECRUITING): 2024-07 to 2027-12-31"' in here
    assert "Jul 01, 2024" not in here and "Dec 31, 2022" not in here
