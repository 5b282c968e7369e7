"""Pull-request attacks that hide a web page's words in its script, past where a parser ends it.

A script's text is no text a browser shows (reading/markup.py), and ends where HTML's tokenizer ends
it: "<!--" in a script escapes it, "<script" in an escaped script escapes it twice, and there a
"</script" ends the double escape, not the script. Python's HTML parser ended a script at its first
"</script", and the words a browser reads as the script's code were read as the page's: a page
showing "a trial of allogeneic NK cells" vouched for a stub under the title and date it held in
`<script><!-- <script> </script> ... </script>`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PAGE_RECORD, PAGE_SAID, PAGE_STUB, PAGE_TITLE, Trials, add_source, put
from sle_trials.reading import markup

STUB, TITLE, SAID = PAGE_STUB, PAGE_TITLE, PAGE_SAID
RECORD = PAGE_RECORD.format(source="seeds/956_page.html")


def _page(body: str) -> str:
    return (
        f"<!DOCTYPE html>\n<html><body>\n<h1>NCT03030976: a trial of allogeneic NK cells</h1>\n{body}\n</body></html>\n"
    )


SCRIPTS = {
    "escaped twice": f"<script><!-- <script> </script> {SAID} </script>",
    "escaped twice, no spaces": f"<script><!--<script></script>{SAID}</script>-->",
    "end tag with a slash": f"<script><!--<script/></script/>{SAID}</SCRIPT >",
}


@pytest.mark.parametrize("body", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_a_stub_quoting_a_scripts_text_is_refused(registry: Path, trials: Trials, body: str) -> None:
    assert "Lupus" not in markup.shown(_page(body))
    add_source(registry, "seeds/956_page.html", _page(body))
    put(registry, STUB, RECORD)
    result = trials("validate", registry / STUB)
    assert result.status == 1, result.out
    assert f"{STUB}:2:14: E501 brief_title: text not found in the cited source" in result.out


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("<script>x</script>words", "words\n"),
        ("<script><!-- x --></script>words", "words\n"),
        ("<script><!--></script>words", "words\n"),  # "<!--" and ">" end the escape at once
        ("<script><!-- <script> --> </script>words", "words\n"),  # "-->" ends a double escape too
        ("<script><!--<script></script>code</script>-->more", "-->more\n"),
        ("<script><!-- open to the end", "\n"),
    ],
)
def test_a_script_ends_where_a_browser_ends_it(page: str, shown: str) -> None:
    assert markup.shown(page) == shown
