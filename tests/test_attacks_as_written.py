"""Pull-request attacks on the characters as written: where a source writes a record's own characters.

A record's text that reads as its source's only in NFKC, or only with its look-alike letters folded
(a full-width "Ｃ", a Cyrillic "М"), must be written so in a cited source where that source states the
field (E501, E502: documents.Sources.miswritten). That is decided by counting (the characters as
written stand as often as the text stands at all) or by reading the source again as written
(SourceDoc.as_written), and each was wrong in one direction.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import (
    AS_OF_LINE,
    FIXTURES,
    IM19_MINIMAL,
    IM19_PATH,
    RELMA_PATH,
    Trials,
    add_source,
    cited_instead,
    edit,
    im19_draft,
    place_of,
    put,
)

IM19_COPY = "seeds/000_84a0f0163f21158e.txt"
IM19_TITLE = "IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"
RELMA_PAGE = "seeds/004_2ad16b9ce66a0787.txt"
RELMA_TITLE = "CD19-CART(Relma-cel) for Moderate to Severe Active Systemic Lupus Erythematosus"


def _cite(registry: Path, record: str, seed: str, name: str, text: str, title: str, written: str) -> None:
    add_source(registry, name, text)
    cited_instead(registry, record, seed, name)
    edit(registry, record, (f"brief_title: {title}\n", f"brief_title: {written}\n"))


def test_look_alikes_the_title_line_writes_are_read_as_written_there(registry: Path, trials: Trials) -> None:
    """A page whose title line writes "IМ19" with a Cyrillic "М", and "IM19 ..." plainly further down,
    was read again as written with its lines' look-alike letters folded: its title line read "IM19",
    and a record copying the title as the page writes it was refused (E501) for characters the page
    writes exactly there. The same copy with the Cyrillic "М" in the title further down only is
    still refused."""
    page = (registry / IM19_COPY).read_text(encoding="utf-8")
    written = IM19_TITLE.replace("IM19", "I\u041c19")
    for name, text, status in (
        ("seeds/960_copy.txt", page.replace(IM19_TITLE, written, 1) + IM19_TITLE + "\n", 0),
        ("seeds/961_copy.txt", page + written + "\n" + IM19_TITLE + "\n", 1),
    ):
        record = (registry / IM19_PATH).read_text(encoding="utf-8")
        _cite(registry, IM19_PATH, IM19_COPY, name, text, IM19_TITLE, written)
        result = trials("validate", registry / IM19_PATH)
        assert result.status == status, result.out
        if status:
            place = place_of(registry, IM19_PATH, "brief_title: ")
            assert f"{IM19_PATH}:{place}: E501 brief_title: the text writes '\u041c' (U+041C" in result.out
        (registry / IM19_PATH).write_text(record, encoding="utf-8")


def test_characters_as_written_are_not_counted_where_nfkc_joins_them_to_the_next(
    registry: Path, trials: Trials
) -> None:
    """The characters as written were taken to stand at the field's place when they stood as often
    as the text in NFKC. A line "ＣＤ１９-CART(Relma-cel) ... Erythematosus\u0301" (a combining acute
    after the last "s") holds the full-width title as written, but in NFKC reads "...Erythematosuś",
    no title: the page's one title in NFKC is its title line, written plainly, and the full-width
    title passed as written there."""
    page = (registry / RELMA_PAGE).read_text(encoding="utf-8")
    wide = RELMA_TITLE.replace("CD19", "\uff23\uff24\uff11\uff19")
    _cite(registry, RELMA_PATH, RELMA_PAGE, "seeds/962_page.txt", page + wide + "\u0301\n", RELMA_TITLE, wide)
    result = trials("validate", registry / RELMA_PATH)
    assert result.status == 1, result.out
    place = place_of(registry, RELMA_PATH, "brief_title: ")
    assert f"{RELMA_PATH}:{place}: E501 brief_title: the text writes '\uff23' (U+FF23" in result.out


WIDE_IM19 = IM19_TITLE.replace("IM19", "\uff29\uff2d19")


@pytest.mark.parametrize(
    ("own", "other", "status"),
    [(IM19_TITLE, WIDE_IM19, 1), (WIDE_IM19, IM19_TITLE, 0)],
    ids=["other-trials-only", "own-section"],
)
def test_characters_as_written_stand_in_this_trials_section(
    registry: Path, trials: Trials, own: str, other: str, status: int
) -> None:
    """A plain page's lines are each trial's from the line naming it. Read again as written, a line
    naming the other trial as "NСT06886919" with a Cyrillic "С" named none, the page was about IM19
    alone, and the full-width title the page writes in the other trial's section only passed as
    IM19's. The same title in IM19's own section passes."""
    text = f"Trial NCT06513429: {own}\n{AS_OF_LINE}Trial N\u0421T06886919: {other}\n"
    add_source(registry, "seeds/963_page.txt", text)
    record = im19_draft("seeds/963_page.txt").replace(f"brief_title: {IM19_TITLE}", f"brief_title: {WIDE_IM19}")
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == status, result.out
    if status:
        assert "E501 brief_title: the text writes '\uff29' (U+FF29" in result.out


def test_characters_as_written_are_not_counted_where_an_escape_joins_them_to_the_next(
    registry: Path, trials: Trials
) -> None:
    """A full-width reverse solidus "＼" reads as "\\", and before a punctuation mark as the markdown
    escape of it: a line "IM19 ... (SLE)＼." reads "IM19 ... (SLE).", yet was counted as the title
    "IM19 ... (SLE)＼" as written, beside the one title line "IM19 ... (SLE)\\" that states it."""
    page = (registry / IM19_COPY).read_text(encoding="utf-8")
    text = page.replace(IM19_TITLE, IM19_TITLE + "\\", 1) + IM19_TITLE + "\uff3c.\n"
    _cite(registry, IM19_PATH, IM19_COPY, "seeds/965_copy.txt", text, IM19_TITLE, f"'{IM19_TITLE}\uff3c'")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E501 brief_title: the text writes '\uff3c' (U+FF3C" in result.out


def test_occurrences_as_written_are_looked_at_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each occurrence of a record's text as written is looked at beside its neighbours, one by one
    in Python: a source of millions of "ａ" and a quote "ａ" held the check for each of them. Beyond
    SCANNED, the source is read again as written instead (a search at C's speed)."""
    from sle_trials.checks import documents

    calls: list[str] = []
    apart = documents._apart

    def counted(before: str, after: str) -> bool:
        calls.append(after)
        return apart(before, after)

    monkeypatch.setattr(documents, "_apart", counted)
    written = "\uff41 " * 200_000
    assert not documents._stands_apart(written, "\uff41", "a " * 200_000, "a")
    assert documents._stands_apart(written, "\uff41", "a " * (documents.SCANNED - 1) + "a", "a")
    assert len(calls) <= 4 * documents.SCANNED
    assert documents._stands_apart(written, "\uff41", "a a a", "a")


def _page_of_studies(own: str, other: str) -> str:
    study = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text(encoding="utf-8"))
    studies = []
    for nct_id, title in (("NCT06513429", own), ("NCT06886919", other)):
        one = copy.deepcopy(study)
        one["protocolSection"]["identificationModule"].update(nctId=nct_id, briefTitle=title)
        studies.append(one)
    return json.dumps({"studies": studies}, ensure_ascii=False)


@pytest.mark.parametrize(
    ("own", "other", "status"),
    [(IM19_TITLE, WIDE_IM19, 1), (WIDE_IM19, IM19_TITLE, 0)],
    ids=["other-study-only", "own-study"],
)
def test_characters_as_written_stand_in_this_trials_study(
    registry: Path, trials: Trials, own: str, other: str, status: int
) -> None:
    """Each study of a page of them held the whole page's text as written: the full-width title the
    page gives the next trial's study stood as often as IM19's own title, written plainly, and passed
    as IM19's. The same title in IM19's own study passes."""
    add_source(registry, "seeds/966_page.json", _page_of_studies(own, other))
    record = (
        IM19_MINIMAL.replace("seeds/000_84a0f0163f21158e.txt", "seeds/966_page.json")
        .replace("REGISTRY_COPY", "REGISTRY_JSON")
        .replace('as_of: "2025-08-17"', 'as_of: "2025-03-06"')
        .replace('"Last Updated: 2025-08-17"', '"lastUpdatePostDateStruct.date: 2025-03-06"')
        .replace("overall_status: RECRUITING", "overall_status: COMPLETED")
        .replace('overall_status: "RECRUITING"', 'overall_status: "statusModule.overallStatus: COMPLETED"')
        .replace(f"brief_title: {IM19_TITLE}", f"brief_title: {WIDE_IM19}")
    )
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == status, result.out
    if status:
        assert "E501 brief_title: the text writes '\uff29' (U+FF29" in result.out


def test_characters_as_written_are_counted_where_they_overlap(registry: Path, trials: Trials) -> None:
    """A title whose first words are its last ("SLE ... in SLE") stands twice in a page whose title
    line runs on into a line of its last words, the two overlapping; counted apart, it stood once
    in NFKC and once as written (from the title line's end on), and a record writing the title
    "ＳＬＥ ... in ＳＬＥ" passed for a title line that writes "SLE ... in ＳＬＥ"."""
    title = "SLE Study of CAR-T in \uff33\uff2c\uff25"
    page = (registry / IM19_COPY).read_text(encoding="utf-8")
    text = page.replace(f"{IM19_TITLE}\n", f"{title}\nStudy of CAR-T in \uff33\uff2c\uff25\n", 1)
    written = title.replace("SLE", "\uff33\uff2c\uff25", 1)
    _cite(registry, IM19_PATH, IM19_COPY, "seeds/967_copy.txt", text, IM19_TITLE, written)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E501 brief_title: the text writes '\uff33' (U+FF33" in result.out
    edit(registry, IM19_PATH, (f"brief_title: {written}\n", f"brief_title: {title}\n"))
    assert trials("validate", registry / IM19_PATH).status == 0
