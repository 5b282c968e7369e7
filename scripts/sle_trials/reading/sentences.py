"""Where a source's sentences end: the one sentence reader (reading/prose.py and the evidence checks'
ties read a plain document's sentences by it; lexicon and binding a clause's end, END, and a quote's
sentence in its source, in_quote and around).

A stop ends a sentence (STOPS, SENTENCES). A plain document's text is read with its lines joined by
spaces (layouts.normalise), so a line that ends with no stop (a headline) runs into the next line as
one sentence. Cutting there was tried (3a65178) and reverted: it kept the line-ending sentences as
texts and cut any sentence starting with one wherever it stood, and a heading naming another trial no
longer made the sentence under it that trial's.
"""

from __future__ import annotations

import re

# Where one sentence ends and the next starts. A stop (".", "!", "?") ends one before a capital or an
# opening mark, not before a word in lower case or a number: "Dec. 1, 2026", "CO., LTD. · Feb 28" are
# one sentence; nor after a title written before a name ("led by Dr. Anna Berg", "St. Mary's Hospital
# in Columbus": cut there, the official stood in no sentence naming the trial's lead, the hospital in
# none with its city).
_STOP = r"(?<=[.!?])(?<!\bDr\.)(?<!\bDrs\.)(?<!\bProf\.)(?<!\bSt\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)\s+(?=[A-Z(\"“‘'])"
# The sentences a site's texts are looked for in (together): a semicolon ends none there, since a list
# of sites under their places is written with them ("Sites in Beijing, China: A; B" lists two sites
# in Beijing, and cut at the semicolon B stood under no place).
STOPS = re.compile(_STOP)
# The sentences everything else is read in (a product's facts too, which were read in pieces cut at any
# stop, "Acme Corp. and targeting BCMA" two): a semicolon ends one too, before any word ("..., which
# completed enrollment of 120 participants; NB-301 is ..." is two).
SENTENCES = re.compile(_STOP + r"|(?<=;)\s+")
# Where a criterion's or a quote's clause ends, for the readers of limits (lexicon, binding): a full stop
# or a semicolon before a space or the text's end ("7.5" and "e.g.," end none; a list label's "a." does).
END = re.compile(r"[.;](?=\s|$)")

# Where a quote's sentence ends, for the words around a number or a quote (lexicon.unbound_age, around):
# a stop, a semicolon, a question or exclamation mark, a line's end; not a "." between digits (a
# decimal point). Not END, which the readers of limits read a unit's reach by, and which a second
# definition in lexicon.py once replaced.
QUOTE_END = re.compile(r"[.;!?](?!\d)|\n")
# Where a source's text, its lines joined by spaces, likely broke a line: a word or number, then a capital
# ("Minimum Age: 18 Years Severe lupus nephritis is excluded." was two lines, and one sentence)
_LINE_BREAK_GUESS = re.compile(r"(?<=[A-Za-z0-9%)\]])\s+(?=[A-Z])")


def _between(
    stops: re.Pattern[str], text: str, start: int, end: int, lo: int = 0, hi: int | None = None
) -> tuple[int, int]:
    """(where the last stop before text[start:end] ends, where the first after it starts), within
    text[lo:hi]; lo and hi where there is none."""
    hi = len(text) if hi is None else hi
    before = [m.end() for m in stops.finditer(text, lo, start)]
    after = stops.search(text, end, hi)
    return (before[-1] if before else lo), (after.start() if after else hi)


def in_quote(quote: str, start: int, end: int) -> str:
    """The sentence of quote around quote[start:end] (QUOTE_END)."""
    lo, hi = _between(QUOTE_END, quote, start, end)
    return quote[lo:hi]


def around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence of text around text[start:end] (a quote there), no further than
    where its text likely broke a line outside the quote: the words a quote cut short leaves out, not
    the next line's."""
    lo, hi = _between(QUOTE_END, text, start, end)
    return _between(_LINE_BREAK_GUESS, text, start, end, lo, hi)


def split(text: str, stops: re.Pattern[str] = SENTENCES) -> list[str]:
    """The sentences of text: cut at stops (SENTENCES, or STOPS for a site's texts)."""
    return stops.split(text)
