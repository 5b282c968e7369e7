"""Pull-request attacks by a web page's element whose content a browser shows as written, not as markup.

A web page is read as the text a browser shows (reading/markup.py), by Python's HTML parser, which
reads only a script's and a style sheet's content as text to its end tag. A browser reads more so:
an `<xmp>` or a `<plaintext>` (RAWTEXT: a tag, a comment and a character reference in it are shown
as written), a `<textarea>` or a `<title>` (RCDATA: a tag and a comment are shown as written, a
reference decoded). Read as markup, "<xmp>Enrollment: 6<!-- -->0 participants</xmp>", which a browser
shows with the comment in it, and "<xmp>Enrollment: &#54;&#48; participants</xmp>", which shows the
references as written, each bound an enrollment of 60. Their content is now read as a browser reads
it, and the elements a browser hides (a frame's, a plug-in's fallback, `noscript`) end where it ends them.
"""

from __future__ import annotations

import pytest
from conftest import IM19_PAGE_HEAD, Trials
from sle_trials.reading import markup

HEAD = IM19_PAGE_HEAD
SHOWN_AS_WRITTEN = {
    "comment in xmp": "<xmp>Enrollment: 6<!-- -->0 participants</xmp>",
    "references in xmp": "<xmp>Enrollment: &#54;&#48; participants</xmp>",
    "tag in textarea": "<textarea>Enrollment: 6<b></b>0 participants</textarea>",
    "comment in title": "<title>Enrollment: 6<!-- -->0 participants</title>",
    "references in plaintext": "<plaintext>Enrollment: &#54;&#48; participants",
}


@pytest.mark.parametrize("how", SHOWN_AS_WRITTEN)
def test_markup_a_browser_shows_as_written_binds_no_number(trials: Trials, how: str) -> None:
    result = trials.enrollment(
        "seeds/950_raw.html", f"{HEAD}{SHOWN_AS_WRITTEN[how]}\n</body></html>\n", 60, "Enrollment: 60 participants"
    )
    assert result.status == 1, result.out
    assert "E502" in result.out


def test_a_textarea_shows_its_references_decoded(trials: Trials) -> None:
    result = trials.enrollment(
        "seeds/951_raw.html",
        f"{HEAD}<textarea>Enrollment: &#54;0 participants</textarea>\n",
        60,
        "Enrollment: 60 participants",
    )
    assert result.status == 0, result.out


def test_raw_text_is_shown_as_written_to_its_end_tag() -> None:
    page = "<p>a</p><xmp>1 <b>2</b>\n&amp;</xmp><p>b</p><plaintext>c</plaintext>&#54;"
    assert markup.shown(page) == "a\n1 <b>2</b>\n&amp;\nb\nc</plaintext>&#54;\n"


def test_a_hidden_raw_text_element_ends_at_its_end_tag_alone() -> None:
    """A frame's fallback ends at "</iframe>", whatever it holds; read as markup, a tag left open in it
    hid the rest of the page (more hidden, never less, but not what a browser shows)."""
    assert markup.shown("<p>a</p><iframe><p>b <!-- </iframe><p>c</p>") == "a\nc\n"
