"""Where a source's sentences end: the one sentence reader (reading/prose.py and the evidence checks'
ties read a plain document's sentences by it; lexicon and binding a clause's end, END, and a quote's
sentence in its source, in_quote and around).

A stop ends a sentence (STOPS, SENTENCES). A plain document's text is read with its lines joined by
spaces (layouts.normalise), so a line that ends with no stop (a headline, "Last Updated: 2025-08-17")
ran into the next line as one sentence, and its words changed how that sentence was read: the
headline's "Trial" made "Lupus affects about 300,000 patients" a trial's enrolment. line_ends says,
from the document's lines, which lines end a sentence without a stop; split cuts there too. A line
broken inside a sentence (hard-wrapped prose) still reads as one sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

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


def in_quote(quote: str, start: int, end: int) -> str:
    """The sentence of quote around quote[start:end] (QUOTE_END)."""
    before = [m.end() for m in QUOTE_END.finditer(quote, 0, start)]
    after = QUOTE_END.search(quote, end)
    return quote[before[-1] if before else 0 : after.start() if after else len(quote)]


def around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence of text around text[start:end] (a quote there), no further than
    where its text likely broke a line outside the quote: the words a quote cut short leaves out, not
    the next line's."""
    before = [m.end() for m in QUOTE_END.finditer(text, 0, start)]
    after = QUOTE_END.search(text, end)
    lo, hi = before[-1] if before else 0, after.start() if after else len(text)
    breaks = [m.end() for m in _LINE_BREAK_GUESS.finditer(text, lo, start)]
    brk = _LINE_BREAK_GUESS.search(text, end, hi)
    return (breaks[-1] if breaks else lo), (brk.start() if brk else hi)


# A line's end that ends no sentence by itself: a stop (SENTENCES reads it), or a mark or a word that
# joins the line to the next ("," "-" "and" "of": a sentence that goes on)
_GOES_ON = re.compile(
    r"(?:[.!?;:,]['\"”’)\]]*|[-–—/&+]|(?<![\w-])(?i:and|or|of|in|the|with|at|to|a|an|by|for|from|as|on|than))$"
)
# A line that starts a block of its own: a list's mark ("-", "•", "1.", "2)", "a.") or a label
# ("Last Updated: 2025-08-17", "Trial NCT06513429: ...", "Inclusion criteria:"): a capitalised word
# and at most four more before a colon
_LIST_MARK = re.compile(r"(?:[-*•·–]|\d{1,3}[.)]|[a-z][.)])\s")
_LABEL = re.compile(r"[A-Z][\w'’()/&-]*(?:\s+[\w'’()/&-]+){0,4}:(?:\s|$)")


# The characters a sentence ending at a line's end is looked up by: a sentence is looked for by its
# first characters, not tried at every length a document's line ends have (a page of thousands of
# headings of as many lengths made each sentence thousands of look-ups)
_KEY = 32
# The longest sentence ending at a line's end kept: a headline, a label's line or a paragraph is
# shorter; a longer one runs on into the next line as before (it bounds the look-ups of lines of one
# start, "AAAA B", "AAAA B B", ...)
_LONGEST = 1000


class LineEnds:
    """The sentences of a plain document that end at a line's end with no stop, as split reads them:
    each such sentence's text (normalised), looked for at a sentence's start."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self.texts = frozenset(t for t in texts if t and len(t) <= _LONGEST)
        self.short = {t for t in self.texts if len(t) < _KEY}
        self.short_lengths = sorted({len(t) for t in self.short}, reverse=True)  # the longest first
        # its first _KEY characters -> the longer ones by their lengths
        self.keyed: dict[str, dict[int, str]] = {}
        for t in self.texts - self.short:
            self.keyed.setdefault(t[:_KEY], {})[len(t)] = t

    def __bool__(self) -> bool:
        return bool(self.texts)

    @staticmethod
    def _lengths(keyed: dict[int, str], text: str, at: int) -> list[int]:
        """The lengths of keyed worth trying at text[at:], the longest first: each, or, of many
        (lines of one start: "AAAA", "AAAAA", ...), those a space follows in text."""
        if len(keyed) <= 8:
            return sorted(keyed, reverse=True)
        spaces, stop = [], at + max(keyed) + 1
        space = text.find(" ", at, stop)
        while space >= 0:
            spaces.append(space - at)
            space = text.find(" ", space + 1, stop)
        return [n for n in reversed(spaces) if n in keyed]

    def head(self, text: str, at: int = 0) -> int | None:
        """The length of a sentence ending at a line's end that text[at:] starts with (then a space)."""
        keyed = self.keyed.get(text[at : at + _KEY])
        if keyed is not None:
            for n in self._lengths(keyed, text, at):
                if text[at + n : at + n + 1] == " " and text.startswith(keyed[n], at):
                    return n
        return next(
            (n for n in self.short_lengths if text[at + n : at + n + 1] == " " and text[at : at + n] in self.short),
            None,
        )


NO_LINE_ENDS = LineEnds()


def _starts_a_block(line: str) -> bool:
    return not line or bool(_LIST_MARK.match(line) or _LABEL.match(line))


def _alone(line: str) -> bool:
    """Whether a line is one of its own unless the next goes on in lower case: a label's
    ("Last Updated: 2025-08-17"), or one in capitals ("RECRUITING", a heading)."""
    return bool(_LABEL.match(line)) or (line.upper() == line and any(c.isalpha() for c in line))


def line_ends(lines: list[str], normalise: Callable[[str], str]) -> LineEnds:
    """Which of a plain document's lines (as a reader sees each, normalise: how its text is read) end
    a sentence with no stop: a line with no stop at its end when the next line starts a block of its
    own (a blank line, a list's mark, a label "Word:", the document's end), or when the line is a
    label's ("Last Updated: 2025-08-17") or in capitals ("RECRUITING") and the next goes on in no
    word in lower case. Any other line with no stop goes on in the next (prose broken across lines
    is one sentence), as does one ending in a mark or a word that joins ("," "and", "of"). Each is
    kept as the text of its sentence in the document's text (its lines joined by spaces), from where
    the stops and the line ends before it start one."""
    normalised = [normalise(line) for line in lines]
    read = [line for line in normalised if line]  # the lines of text, joined by spaces in the document's
    blank_after = [not later for line, later in zip(normalised, [*normalised[1:], ""]) if line]
    cuts: list[int] = []  # where in the document's text a sentence ends at a line's end
    at = 0
    for n, line in enumerate(read):
        at += len(line)
        after = "" if blank_after[n] else read[n + 1]
        if not _GOES_ON.search(line) and (_starts_a_block(after) or (_alone(line) and not after[:1].islower())):
            cuts.append(at)
        at += 1
    text = " ".join(read)
    begun = [0, *(m.end() for m in SENTENCES.finditer(text))]
    out, last = [], 0
    for cut in cuts:
        start = max(last, begun[bisect.bisect_right(begun, cut) - 1])
        out.append(text[start:cut])
        last = cut + 1
    return LineEnds(out)


def split(text: str, ends: LineEnds = NO_LINE_ENDS, stops: re.Pattern[str] = SENTENCES) -> list[str]:
    """The sentences of text: cut at stops (SENTENCES, or STOPS for a site's texts), and after a
    sentence its document ends at a line's end with no stop (ends: line_ends)."""
    pieces = stops.split(text)
    if not ends:
        return pieces
    out: list[str] = []
    for piece in pieces:
        at = 0
        while (n := ends.head(piece, at)) is not None:
            out.append(piece[at : at + n])
            at += n + 1
        out.append(piece[at:])
    return out


def line_breaks(text: str, ends: LineEnds, stops: re.Pattern[str] = SENTENCES) -> list[int]:
    """Where in text (in order) a sentence ends at its line's end with no stop (ends: line_ends), as
    split cuts there: a clause read to its sentence's end ends there too."""
    out: list[int] = []
    if not ends:
        return out
    for start in [0, *(m.end() for m in stops.finditer(text))]:
        at = start
        while (n := ends.head(text, at)) is not None:
            out.append(at + n)
            at += n + 1
    return out
