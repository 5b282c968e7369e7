"""Pull-request attacks that give a web page a name the checks did not take for a page's.

A source a browser takes for HTML is read as the text a browser shows (reading/markup.py): by its
name (.html, .htm) or by how it starts. A page named "page.xhtml" or "page.shtml", which a browser
opens as a page by its name, and which starts with "<?xml" (no HTML to the sniffing), was read as
plain text: its comments and hidden elements were its words, and it vouched for a stub under the
title and date it holds in a comment. An SVG drawing held them in its description. Each is now read
as a browser shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PAGE_RECORD, PAGE_SAID, PAGE_STUB, PAGE_TITLE, Trials, add_source, put
from sle_trials.reading import layouts

STUB, TITLE, SAID, RECORD = PAGE_STUB, PAGE_TITLE, PAGE_SAID, PAGE_RECORD
XHTML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>\n'
    f"<h1>NCT03030976: a trial of allogeneic NK cells</h1>\n<!-- {SAID} -->\n"
    f'<div hidden="hidden">{SAID}</div>\n</body></html>\n'
)
SVG = (
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n'
    f"<desc>{SAID}</desc>\n<!-- {SAID} -->\n<rect width='10' height='10'/>\n</svg>\n"
)


@pytest.mark.parametrize(
    ("name", "text"),
    [("page.xhtml", XHTML), ("page.XHT", XHTML), ("page.shtml", XHTML), ("drawing.svg", SVG)],
)
def test_a_stub_quoting_what_a_page_by_its_name_hides_is_refused(
    registry: Path, trials: Trials, name: str, text: str
) -> None:
    assert "Lupus" not in layouts.read(f"seeds/{name}", text.encode()).text
    source = add_source(registry, f"seeds/{name}", text)
    put(registry, STUB, RECORD.format(source=source))
    result = trials("validate", registry / STUB)
    assert result.status == 1, result.out
    assert f"{STUB}:2:14: E501 brief_title: text not found in the cited source" in result.out
