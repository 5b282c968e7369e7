"""Whether a run a curation note sets in double quotes is its sources' words (checks/remarks.check_remark_quotes,
E501): as an evidence quote is found (normalised, or as the source writes it), and as a curator quotes in prose. A
quotation's first letter set in the case its new sentence needs ("history of myocardial infarction" of IM19's
"History of ...") and a passage quoted with words left out ("History of myocardial infarction … within 6 months
prior to screening initiation") were refused as words no source writes (hunt 211). Only the first letter's case
may differ, and an elided quotation's pieces stand in their order on one line of one source: each piece anywhere
in the document let "known active tuberculosis (TB) infection … within 6 months" join two criteria."""

from __future__ import annotations

from sle_trials.patterns import lazy
from sle_trials.reading import layouts, spacing
from sle_trials.reading.layouts import normalise

# words left out of a quotation: an ellipsis, three points, either bracketed ("[…]", "(...)")
_ELISION = lazy(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\.)\s*")


def quoted_from(run: str, docs: list[layouts.SourceDoc]) -> bool:
    """Whether a remark's quoted run stands in one of docs (the module's docstring)."""
    if _found(run, docs) or (run[:1].isalpha() and _found(run[0].swapcase() + run[1:], docs)):
        return True
    pieces = [normalise(piece) for piece in _ELISION.split(run)]
    if len(pieces) < 2:
        return False
    pieces = [piece for piece in pieces if piece]
    return bool(pieces) and any(_in_order_on_a_line(pieces, doc) for doc in docs)


def _found(run: str, docs: list[layouts.SourceDoc]) -> bool:
    needle = " ".join(normalise(run).split())
    if any(needle in doc.text for doc in docs):
        return True
    written = " ".join(layouts.literal(run).split())
    return any(written in doc.as_written().text or needle in normalise(doc.as_written().text) for doc in docs)


def _in_order_on_a_line(pieces: list[str], doc: layouts.SourceDoc) -> bool:
    """Whether the pieces stand in this order on one line of the document (its lines as spacing reads them)."""
    lines = doc.reading(("quoted lines",), lambda: tuple(normalise(line) for line in _lines(doc)))
    for line in lines:
        at = 0
        for k, piece in enumerate(pieces):
            found = line.find(piece, at)
            if found < 0 and k == 0 and piece[:1].isalpha():
                found = line.find(piece[0].swapcase() + piece[1:], at)
            if found < 0:
                break
            at = found + len(piece)
        else:
            return True
    return False


def _lines(doc: layouts.SourceDoc) -> list[str]:
    text = spacing.source_text(doc)
    return text.split("\n") if text else [doc.text]
