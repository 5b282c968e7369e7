"""A plain document (no known layout) that names several trials speaks of each only in its lines.

Read anywhere, a review or a list of studies let a draft or a stub of one trial take another's
status, enrolment or title from the same page, and `trials check` vouched for it. A line naming one
trial begins that trial's section, up to the next line naming any (layouts.trial_sections).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import AS_OF_LINE, IM19_PATH, PLAIN_SOURCE, Trials, add_plain_source, add_source, im19_draft, joined, put
from sle_trials.reading import layouts

STUB_PATH = "trials/NCT06900764.yaml"
STUB_TITLE = "A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus"


def draft(nct: str, title: str, source: str, *parts: str) -> str:
    """A draft of trial nct citing source (of no known layout), with parts appended."""
    base = im19_draft(source).replace("NCT06513429", nct)
    base = base.replace("IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)", title)
    return joined(base, f"evidence:\n  nct_id: {nct}\n", *parts)


STATUS = 'overall_status: RECRUITING\nevidence:\n  overall_status: "RECRUITING"\n'


def test_a_draft_takes_no_value_from_another_trials_lines(trials: Trials, registry: Path) -> None:
    """conftest.PLAIN_TEXT says RECRUITING of IM19 (NCT06513429), on the lines below its id; the last
    line names NCT06900764. A draft of NCT06900764 read its status from IM19's lines."""
    add_plain_source(registry)
    put(registry, STUB_PATH, draft("NCT06900764", STUB_TITLE, PLAIN_SOURCE, STATUS))
    result = trials.json("validate")
    assert result.codes() == {"E512"}, result.problems()
    assert result.where("E512")[0][0] == STUB_PATH
    message = result.problems()[0]["message"]
    assert "plain text naming other trials" in message and "a line naming NCT06900764 alone" in message
    # the same status in IM19's own lines is IM19's
    put(
        registry,
        IM19_PATH,
        draft(
            "NCT06513429",
            "IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)",
            PLAIN_SOURCE,
            STATUS,
        ),
    )
    put(registry, STUB_PATH, draft("NCT06900764", STUB_TITLE, PLAIN_SOURCE))
    assert trials.json("validate").problems() == []


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Trials NCT09000001 and NCT06900764: both RECRUITING.\n", "a line naming two trials is neither's"),
        ("RECRUITING\nTrial NCT06900764 and trial NCT09000001.\n", "the lines above the first id are no trial's"),
        ("Trial NCT06900764.\nTrial NCT09000001: RECRUITING.\n", "the next trial's line ends its section"),
        ("Trial NCT06900764.\nTrial ＮＣＴ０９０００００１: RECRUITING.\n", "an id in full-width letters too"),
        ("Trial NCT06900764.\nTrial nct09000001: RECRUITING.\n", "an id in small letters too"),
        ("Trial NCT06900764.\nTrial NCT 09000001: RECRUITING.\n", "an id with a space in it too"),
        ("Trial NCT06900764.\nTrial NCT-09000001: RECRUITING.\n", "an id with a hyphen in it too"),
    ],
)
def test_no_section_of_this_trial_states_it(trials: Trials, registry: Path, text: str, why: str) -> None:
    add_source(registry, "seeds/review.txt", AS_OF_LINE + text + f"Trial NCT06900764: {STUB_TITLE}\n")
    put(registry, STUB_PATH, draft("NCT06900764", STUB_TITLE, "seeds/review.txt", STATUS))
    assert trials.json("validate").codes() == {"E512"}, why


def test_this_trials_own_lines_state_it(trials: Trials, registry: Path) -> None:
    text = AS_OF_LINE + "Trial NCT09000001: ACTIVE.\nTrial NCT06900764.\n" + f"{STUB_TITLE}\nRECRUITING\n"
    add_source(registry, "seeds/review.txt", text)
    put(registry, STUB_PATH, draft("NCT06900764", STUB_TITLE, "seeds/review.txt", STATUS))
    assert trials.json("validate").problems() == []


def test_a_page_of_studies_without_this_trial_lends_it_no_value(trials: Trials, registry: Path) -> None:
    """A {"studies": [...]} page of other trials, cited beside a source naming this one, was read as
    plain text anywhere: the trial took another study's status. Each study's lines are its own."""
    studies = [
        {
            "protocolSection": {
                "identificationModule": {"nctId": nct, "briefTitle": STUB_TITLE},
                "statusModule": {"overallStatus": status},
            }
        }
        for nct, status in (("NCT09000001", "RECRUITING"), ("NCT09000002", "COMPLETED"))
    ]
    # (the page's own date, which its entry's as_of quotes: a source's entry is quoted from that source)
    page = {"updated": "Last Updated: 2025-08-17", "studies": studies}
    add_source(registry, "seeds/page.json", json.dumps(page, indent=1) + "\n")
    add_source(registry, "seeds/review.txt", AS_OF_LINE + f"Trial NCT06900764: {STUB_TITLE}\n")
    record = draft("NCT06900764", STUB_TITLE, "seeds/review.txt")
    cited = '      as_of: "2025-08-17"\n'
    record = record.replace(cited, cited + f"    - file: seeds/page.json\n      kind: OTHER\n{cited}", 1)
    quote = 'evidence:\n  curation.sources.1.as_of: "Last Updated: 2025-08-17"\n'
    status = 'overall_status: RECRUITING\nevidence:\n  overall_status: "statusModule.overallStatus: RECRUITING"\n'
    put(registry, STUB_PATH, joined(record, quote, status))
    result = trials.json("validate")
    assert result.codes() == {"E512"}, result.problems()
    assert "seeds/page.json is plain text naming other trials" in result.problems()[0]["message"]


def test_sections_are_read_from_the_lines() -> None:
    doc = layouts.read(
        "seeds/x.txt",
        b"Review\nNCT00000001 enrolled 6.\nand was RECRUITING\nNCT00000002 and NCT00000001\nNCT00000002: 12\n",
    )
    assert doc.trials == {"NCT00000001", "NCT00000002"}
    assert [p.text for p in doc.sections["NCT00000001"]] == ["NCT00000001 enrolled 6. and was RECRUITING"]
    assert [p.text for p in doc.sections["NCT00000002"]] == ["NCT00000002: 12"]
    assert doc.about("NCT00000003") == []  # named nowhere on its own
    alone = layouts.read("seeds/y.txt", b"NCT00000001 enrolled 6.\nRECRUITING\n")
    assert alone.about("NCT00000001") is None  # it names no other trial: anywhere will do
    assert layouts.read("seeds/z.txt", b"No trial named.\n").about("NCT00000001") is None
