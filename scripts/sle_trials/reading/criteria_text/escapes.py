"""Markdown escapes in a criteria text: a backslash before ASCII punctuation, read as the character it escapes."""

from __future__ import annotations

import re

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


def kept_as_written(text: str) -> bool:
    """Whether text holds a markdown escape that unescaped keeps as written (an escaped backslash before
    punctuation is in it)."""
    return "\\" in text and ESCAPE.search(text) is not None and unescaped(text) == text


def written_whole(text: str, source: str) -> str:
    """An item's text (its lines joined by a space, each read as written or as shown on its own) as source
    writes it, where one of its lines is kept as written (kept_as_written) and another read as shown: an item
    wrapped over a line with an escaped backslash ("\\\\>= 8 g/dL") and one with an escape ("\\[local lab\\]")
    mixed the two forms, which neither reading of the record matches. Each punctuation character of text may
    stand after a backslash in source, each run of white space is any; the first place source writes it so,
    its lines joined by a space, is the text as written. text itself where it keeps nothing as written, or
    source writes it nowhere."""
    if not kept_as_written(text):
        return text
    pattern = "".join(
        r"\s+"
        if piece.isspace()
        else (r"\\?" + re.escape(piece) if ESCAPE.fullmatch("\\" + piece) else re.escape(piece))
        for piece in re.findall(r"\s+|.", text, flags=re.DOTALL)
    )
    found = re.search(pattern, source)
    if found is None:
        return text
    written = re.sub(r"[ \t]*\n\s*", " ", found.group(0))
    return written if kept_as_written(written) else text
