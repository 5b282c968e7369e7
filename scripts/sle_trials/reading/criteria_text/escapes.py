"""Markdown escapes in a criteria text: a backslash before ASCII punctuation, read as the character it escapes."""

from __future__ import annotations

from sle_trials.patterns import lazy

# markdown backslash escapes: a backslash before any ASCII punctuation, as CommonMark reads one (a scraped
# page's "2\)" is "2)"; the API's Markdown writes "soft \& bite-sized" for "soft & bite-sized")
ESCAPE = lazy(r"\\([!-/:-@\[-`{-~])")


def unescaped(text: str) -> str:
    """A markdown text (a line of criteria, an arm's description) with each escape (ESCAPE) read as the
    character it escapes, as the registry's page shows it and a record holds it; but the text as written
    where so read it would still hold a backslash before punctuation (an escaped backslash, "Hb \\\\>= 8"
    shown "Hb \\>= 8"), which a record's reading (layouts.normalise) reads as an escape again (">="). A
    record copying the source's escapes is held to the source's own (Sources.miswritten) and reads as
    the page shows it. Before, such a study was imported into a draft its own check refused (E501, E512)."""
    if "\\" not in text:
        return text
    shown = ESCAPE.sub(r"\1", text)
    return text if ESCAPE.search(shown) else shown
