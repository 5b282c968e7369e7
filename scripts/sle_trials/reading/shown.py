"""A source's text as a remark on it shows it (the importer's notes, the criteria reader's remarks): in single
quotes, as written, cut after a whole word. The check reads a run in double quotes as a quotation of the source
and holds it to the source's words (E501), so the way a remark shows a text decides whether the import passes."""

from __future__ import annotations

from typing import Any


def shown(value: Any, most: int | None = None) -> str:
    """A source's value as a note shows it: a text in single quotes, its characters as written (one a
    text cannot show, as a repr escapes it: "\\n", "\\u200b"), cut after a whole word within most
    characters ("…" after it); anything else as repr. repr set a text holding an apostrophe ("the
    sponsor's policy") in double quotes, which the check reads as a quotation of the source and holds to
    its words (E501): one cut short ("…"), joined of several values (a site's facility and city) or with
    its backslashes doubled ("\\\\>= 18") is none; and a text cut within a word ("... Armed Police For")
    named what the source does not (E501): the honest import was refused."""
    if not isinstance(value, str):
        return repr(value)
    if most is not None:
        value = cut(value, most)
    return "'" + "".join(c if c.isprintable() else repr(c)[1:-1] for c in value) + "'"


def cut(text: str, most: int) -> str:
    """text, or where it is longer than most characters its start up to a whole word, with "…": cut within a
    word, a note names a word no source writes ("Armed Poli", E501)."""
    if len(text) <= most:
        return text
    start = text[:most]
    space = start.rfind(" ")
    start = start[:space] if space > most // 2 else start
    if start.count('"') % 2:  # a quotation the cut opens and never closes: the check pairs its mark with the next
        start = start[: start.rfind('"')]
    return start.rstrip() + "…"
