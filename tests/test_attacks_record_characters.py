"""Pull-request attacks on a record's characters: a markdown escape or a white space no source writes.

Text is compared with its source with markdown's backslash escapes removed (a scraped page's "2\\)"
is "2)") and every run of white space as one space. A record's own text was read so too: a title
"IM19 CAR\\-T ..." or one with a no-break, an em or an ideographic space passed as the word-for-word
copy of the page's "IM19 CAR-T ...", and trials.csv, the exports and the site held a title in which a
search for "CAR-T" or "IM19 CAR-T" finds nothing, as a full-width title did (test_attacks_nfkc.py).
Such a character of a record's text must now be written so in a cited source where it states the
field (E501, E502), and a record may still write plainly what a source writes with them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, cited_instead, edit, place_of

TITLE = "IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"
COPY = "seeds/000_84a0f0163f21158e.txt"


@pytest.mark.parametrize(
    ("written", "named"),
    [
        (TITLE.replace("CAR-T", "CAR\\-T"), "'\\\\-', a markdown escape, which reads as '-'"),
        (TITLE.replace("(SLE)", "\\(SLE\\)"), "'\\\\(', a markdown escape, which reads as '('"),
        (TITLE.replace(" CAR", "\u00a0CAR"), "(U+00A0 NO-BREAK SPACE), which reads as a space"),
        (TITLE.replace(" CAR", "\u2003CAR"), "(U+2003 EM SPACE), which reads as a space"),
        (TITLE.replace(" CAR", "\u3000CAR"), "(U+3000 IDEOGRAPHIC SPACE), which reads as a space"),
        (TITLE + "\u00a0", "(U+00A0 NO-BREAK SPACE), which reads as a space"),
    ],
    ids=["escape", "escaped-brackets", "no-break-space", "em-space", "ideographic-space", "trailing"],
)
def test_a_title_with_characters_its_source_does_not_write_is_refused(
    registry: Path, trials: Trials, written: str, named: str
) -> None:
    edit(registry, IM19_PATH, (f"brief_title: {TITLE}\n", f"brief_title: {json.dumps(written, ensure_ascii=False)}\n"))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    place = place_of(registry, IM19_PATH, "brief_title: ")
    assert f"{IM19_PATH}:{place}: E501 brief_title: the text writes " in result.out
    assert named in result.out and "no cited source writes it so" in result.out


def test_a_quote_with_a_markdown_escape_is_refused(registry: Path, trials: Trials) -> None:
    """IM19's page writes "1×10\\^6/kg CAR-T cells"; its record quotes "1×10^6/kg", as the page shows
    it. A quote escaping what the page does not ("CAR\\-T") holds a character the page shows nowhere."""
    quote = "  arms.0.cohorts.0: 1×10^6/kg CAR-T cells for patients 1 to 3"
    edit(registry, IM19_PATH, (quote, quote.replace("CAR-T", "CAR\\-T")))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E502 evidence for arms.0.cohorts.0: the quote writes '\\\\-', a markdown escape" in result.out


def test_a_quote_keeping_its_sources_markdown_escape_passes(registry: Path, trials: Trials) -> None:
    """The quote copied byte for byte, "1×10\\^6/kg", escape and all: the page writes it so there."""
    quote = "  arms.0.cohorts.0: 1×10^6/kg CAR-T cells for patients 1 to 3"
    edit(registry, IM19_PATH, (quote, quote.replace("10^6/kg", "10\\^6/kg")))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_a_source_writing_a_no_break_space_may_be_copied_as_written_or_plainly(registry: Path, trials: Trials) -> None:
    page = (registry / COPY).read_text(encoding="utf-8")
    spaced = TITLE.replace(" CAR", "\u00a0CAR")
    add_source(registry, "seeds/964_copy.txt", page.replace(TITLE, spaced, 1))
    cited_instead(registry, IM19_PATH, COPY, "seeds/964_copy.txt")
    for title in (TITLE, spaced):
        record = (registry / IM19_PATH).read_text(encoding="utf-8")
        shown = json.dumps(title, ensure_ascii=False)
        edit(registry, IM19_PATH, (f"brief_title: {TITLE}\n", f"brief_title: {shown}\n"))
        result = trials("validate", registry / IM19_PATH)
        assert result.status == 0, result.out
        (registry / IM19_PATH).write_text(record, encoding="utf-8")
