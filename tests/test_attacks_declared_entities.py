"""Pull-request attacks by a page that declares its own entities.

A browser opens an .xhtml page (or an .svg drawing) as XML, and an XML reader writes each entity the
document type's internal subset declares in its place, a name HTML knows too: a page of
`<!DOCTYPE html [ <!ENTITY nbsp "Not yet "> ]>` shows "Status: &nbsp;Recruiting" as "Status: Not yet
Recruiting". Read as HTML (reading/markup.py), whose `&nbsp;` is a no-break space, it bound
RECRUITING. A page that declares entities is now not read (E531), as one whose style cannot be bound.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source, im19_draft, joined, put
from sle_trials.reading import markup

STATUS = 'overall_status: RECRUITING\nevidence:\n  overall_status: "Status: Recruiting"\n'
BODY = f"<body><p>{IM19_TITLE_LINE}</p><p>Last Updated: 2025-08-17</p><p>Status: &nbsp;Recruiting</p></body>"


@pytest.mark.parametrize("name", ["seeds/950_page.xhtml", "seeds/950_page.svg", "seeds/950_page.html"])
def test_a_page_declaring_its_own_entities_is_not_read(registry: Path, trials: Trials, name: str) -> None:
    page = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html [ <!ENTITY nbsp "Not yet "> ]>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml">{BODY}</html>\n'
    )
    source = add_source(registry, name, page)
    put(registry, IM19_PATH, joined(im19_draft(source), STATUS))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E531" in result.out


def test_a_document_type_without_declarations_is_read() -> None:
    page = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "xhtml1-strict.dtd"><p>a &nbsp;b</p>'
    assert markup.read(page) == markup.Page("a \u00a0b\n")
