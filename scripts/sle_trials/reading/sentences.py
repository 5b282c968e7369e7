"""Where a source's sentences end: the one sentence reader of prose (reading/prose.py and the evidence
checks' ties read a plain document's sentences by it).

A stop ends a sentence (STOPS, SENTENCES). A plain document's text is read with its lines joined by
spaces (layouts.normalise), so a line that ends with no stop (a headline, "Last Updated: 2025-08-17")
ran into the next line as one sentence, and its words changed how that sentence was read: the
headline's "Trial" made "Lupus affects about 300,000 patients" a trial's enrolment. line_ends says,
from the document's lines, which lines end a sentence without a stop; split cuts there too. A line
broken inside a sentence (hard-wrapped prose) still reads as one sentence.
"""

from __future__ import annotations

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

# A line's end that ends no sentence by itself: a stop or a mark that goes on (",", "and" are words
# of a sentence that goes on; a stop is read by SENTENCES)
_PUNCTUATED = re.compile(r"[.!?;:,]['\"”’)\]]*$")
# A line that starts a block of its own: a list's mark ("-", "•", "1.", "2)", "a.") or a label
# ("Last Updated: 2025-08-17", "Trial NCT06513429: ...", "Inclusion criteria:"): a capitalised word
# and at most four more before a colon
_LIST_MARK = re.compile(r"(?:[-*•·–]|\d{1,3}[.)]|[a-z][.)])\s")
_LABEL = re.compile(r"[A-Z][\w'’()/&-]*(?:\s+[\w'’()/&-]+){0,4}:(?:\s|$)")


class LineEnds:
    """The sentences of a plain document that end at a line's end with no stop, as split reads them:
    each such sentence's text (normalised), looked for at a sentence's start."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self.texts = frozenset(t for t in texts if t)
        self.lengths = sorted({len(t) for t in self.texts}, reverse=True)  # the longest first

    def __bool__(self) -> bool:
        return bool(self.texts)

    def head(self, sentence: str) -> int | None:
        """The length of a sentence ending at a line's end that sentence starts with (then a space)."""
        return next((n for n in self.lengths if sentence[n : n + 1] == " " and sentence[:n] in self.texts), None)


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
    word in lower case. Any other line
    with no stop goes on in the next: prose broken across lines is one sentence."""
    out: list[str] = []
    held: list[str] = []  # the lines of the sentence being read, since the last one ended
    read = [normalise(line) for line in lines] + [""]
    for line, after in zip(read, read[1:]):
        if not line:
            held = []
            continue
        held.append(line)
        if _PUNCTUATED.search(line):
            held = []
        elif _starts_a_block(after) or (_alone(held[0]) and not after[:1].islower()):
            out.append(SENTENCES.split(" ".join(held))[-1])
            held = []
    return LineEnds(out)


def split(text: str, ends: LineEnds = NO_LINE_ENDS, stops: re.Pattern[str] = SENTENCES) -> list[str]:
    """The sentences of text: cut at stops (SENTENCES, or STOPS for a site's texts), and after a
    sentence its document ends at a line's end with no stop (ends: line_ends)."""
    pieces = stops.split(text)
    if not ends:
        return pieces
    out: list[str] = []
    for piece in pieces:
        while (n := ends.head(piece)) is not None:
            out.append(piece[:n])
            piece = piece[n + 1 :]
        out.append(piece)
    return out
