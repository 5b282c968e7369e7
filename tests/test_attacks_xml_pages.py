"""Pull-request attacks by a page a browser opens as XML and shows as an error.

A browser opens an .xhtml page (.xht, .xhtm) or an .svg drawing as XML. A document that is not
well-formed XML (an HTML `<br>` left open, an entity no document type declares) shows its reader an
error in place of its words, or its words up to the error; read as HTML (reading/markup.py), all of
it was read: "<p>Status: Recruiting<br></p>" in page.xhtml bound RECRUITING, and a reviewer opening
the page is shown "XML Parsing Error: mismatched tag". Such a page is now not read (E531,
reading/opening.py), and one that is well-formed is read as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source, im19_draft, joined, put
from sle_trials.reading import opening

STATUS = 'overall_status: RECRUITING\nevidence:\n  overall_status: "Status: Recruiting"\n'
XHTML = (
    '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{title}</p><p>Last Updated: 2025-08-17</p>'
    "{status}</body></html>\n"
)
ILL_FORMED = {
    "a tag left open": "<p>Status: Recruiting<br></p>",
    "an undeclared entity": "<p>Status:&nbsp;Recruiting</p>",
}


@pytest.mark.parametrize("how", ILL_FORMED)
@pytest.mark.parametrize("name", ["seeds/950_page.xhtml", "seeds/950_page.svg"])
def test_an_ill_formed_xml_page_is_not_read(registry: Path, trials: Trials, how: str, name: str) -> None:
    source = add_source(registry, name, XHTML.format(title=IM19_TITLE_LINE, status=ILL_FORMED[how]))
    put(registry, IM19_PATH, joined(im19_draft(source), STATUS))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E531" in result.out


def test_a_well_formed_xml_page_is_read(registry: Path, trials: Trials) -> None:
    doctype = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
    )
    page = doctype + XHTML.format(title=IM19_TITLE_LINE, status="<p>Status:&nbsp;Recruiting<br/></p>")
    source = add_source(registry, "seeds/951_page.xhtml", page)
    put(registry, IM19_PATH, joined(im19_draft(source), STATUS))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_an_html_page_need_not_be_xml() -> None:
    assert opening.unopened("seeds/x.html", b"<p>a<br></p>") is None
    assert opening.unopened("seeds/x.xhtml", b"<p>a<br></p>") is not None
