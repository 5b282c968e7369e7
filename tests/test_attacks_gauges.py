"""Pull-request attacks by a web page's gauge: a meter's or a progress bar's words, which a browser never shows.

A `<meter>` and a `<progress>` are drawn by a browser as a bar; the words inside them are fallback
content for a browser that does not know them (every browser does), shown to no reader. Read as the
page's text (reading/markup.py), "Enrollment: <meter value=0.6>60</meter> participants", which shows
"Enrollment:", a bar and "participants", bound an enrollment of 60. They are now hidden as the
fallback content of a media player or a canvas is.
"""

from __future__ import annotations

import pytest
from conftest import IM19_PAGE_HEAD, Trials
from sle_trials.reading import markup

HEAD = IM19_PAGE_HEAD


@pytest.mark.parametrize("gauge", ["meter", "progress"])
def test_a_gauges_fallback_words_bind_no_number(trials: Trials, gauge: str) -> None:
    line = f"<p>Enrollment: <{gauge} value=0.6>60</{gauge}> participants</p>"
    result = trials.enrollment(
        "seeds/950_gauge.html", f"{HEAD}{line}\n</body></html>\n", 60, "Enrollment: 60 participants"
    )
    assert result.status == 1, result.out
    assert "E502" in result.out


def test_a_gauges_words_are_none_of_the_page_text() -> None:
    assert markup.shown("<p>a</p><meter>1</meter><progress>2</progress><p>b</p>") == "a\nb\n"
