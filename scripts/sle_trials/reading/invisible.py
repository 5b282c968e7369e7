"""Invisible characters: the one list the raw-text checks refuse and the normalisers drop.

Characters that are invisible or reorder text (Trojan Source, CVE-2021-42574) make a value differ
from what a reviewer sees. A record may not hold them (checks/load.py: E020, and tabs, CR and NUL
codes of their own). A source document as received may: a web page's soft hyphens and zero-width
spaces sit inside its words ("lu\u00adpus", "1\u200b8 Years"). The normalised text the checks compare
(layouts.normalise, and the site's highlight.normalise) leaves them out, so a quote is read against
the words a reader sees: "lupus" is found there, and "8 Years" cut out of "1\u200b8 Years" is a cut.
The words between a bidirectional embedding, override or isolate and its closer are shown in another
order than they are stored, so they are read as none at all (unreordered).

The list is C0 and C1 controls plus Unicode's Default_Ignorable_Code_Point set (zero-width and
bidirectional marks, fillers, variation selectors, tag characters used to smuggle invisible text) and
the noncharacters U+FFFE and U+FFFF, which a "\\u" escape could otherwise bring in.
"""

from __future__ import annotations

import unicodedata

from sle_trials.patterns import lazy

_RANGES = (
    "\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\ufffe\uffff"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
INVISIBLE = lazy(f"[{_RANGES}]")
# The invisible characters that are not white space: white space (a line separator, a form feed)
# separates words and is collapsed into one space by the normalisers; these are dropped. The same
# ranges without the five that are white space (\x0b \x0c \x85 \u2028 \u2029), written out: a
# lookahead for white space before each character made every normalised text cost 5 times as much.
# And NUL, which a record may not hold either (E003), and the information separators \x1c-\x1f,
# which Python splits words at but Unicode, a browser and a terminal take for no white space: a
# source's "6<NUL>0 participants" or "6<US>0 participants", shown as 60, was read as 6 and 0, each of
# which bound an enrollment.
_DROPPED_RANGES = (
    "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\ufffe"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
DROPPED = lazy(f"[{_DROPPED_RANGES}]")
# A noncharacter kept, not dropped, where it stands: a web page's text holds it between two rows of a
# table (markup.py), which a reader sees one above the other, not as one line of words. No record may
# hold it (E020, INVISIBLE), so no quote or value runs across it: "Enrollment:" ending a table's first
# row and "60" beginning its second were read as "Enrollment: 60", where the column under
# "Enrollment:" said 6. Written in a source, it shows a reader nothing and is read as no word.
SEPARATOR = "\uffff"
# A line a page's reader writes (markup.read, blocks=True) where a block is set apart from the text before
# it whatever that text is: before a heading, after the page's title. A noncharacter dropped where
# invisible characters are (_DROPPED_RANGES), so that it is read as a blank line but for the paragraphs
# of a document of no layout (layouts.set_apart), which it sets apart.
SET_APART = "\ufffe"

# Bidirectional embeddings, overrides and isolates (LRE, RLE, LRO, RLO; LRI, RLI, FSI), each closed by
# PDF or PDI, or by the end of its paragraph. The text between an opener and its closer is shown
# reordered: "Enrollment: <RLO>06<PDF> participants" shows "60 participants" and, with the controls
# dropped, read as "06": a record holding 6 bound to words a reader sees as 60.
_OPENERS = "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"
_CLOSERS = "\u202c\u2069"
_PARAGRAPH_ENDS = "\n\r\u2029\x1c\x1d\x1e\x85"
# What sets a right-to-left context past its own place: the invisible right-to-left marks (RLM, ALM),
# and an opener that may be right-to-left (RLE, RLO, RLI, FSI), whose context an embedding's closer does
# not end. In it, numbers and what stands between them are laid out right to left until the next
# left-to-right letter: "Enrollment: <RLM>1<RLM>2 participants" shows "21 participants", and read with
# the marks dropped as "12", it bound an enrollment of 12; "<RLE>א<PDF>1<RLE>א<PDF>2" shows "2א1א".
RTL_MARKS = "\u200f\u061c"
_RTL = frozenset(RTL_MARKS + "\u202b\u202e\u2067\u2068")
# A right-to-left letter (Hebrew, Arabic, Syriac, ...: bidirectional class R or AL) sets that context
# as a mark does, visibly: "Age: ש 18 - 65 years" shows "Age: 65 - 18 ש years". The letters of its
# word are shown as its script writes them, and kept; its numbers and what stands between them are not.
# An Arabic number (class AN: Arabic-Indic digits) sets it after itself, with no letter: "١٨ - ٦٥"
# shows "٦٥ - ١٨" (a number alone, "٦٠", is shown as written). The blocks that hold them, to look in.
_RIGHT_TO_LEFT_BLOCKS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff"
_LETTERS_RTL = frozenset(("R", "AL"))
REORDERING = lazy(f"[{_OPENERS}{RTL_MARKS}{_RIGHT_TO_LEFT_BLOCKS}]")


def unreordered(text: str) -> str:
    """text with each passage a bidirectional control or mark reorders (its controls too) written as
    spaces, one a character, so that positions in it are positions in text: what a reader is shown in
    another order states nothing, and no word on either side runs into the other. (A mark is kept: it
    is invisible, and dropped where invisible characters are; what follows it to the next
    left-to-right letter is written as spaces.)"""
    if not REORDERING.search(text):
        return text
    out = []
    depth = 0
    rtl = False  # a right-to-left context holds, outside any opener, until a left-to-right letter
    arabic = False  # an Arabic number (AN) was the last thing read: its end sets the context
    for at, c in enumerate(text):
        kind = unicodedata.bidirectional(c)
        if (
            arabic
            and kind != "AN"
            and not (kind == "CS" and unicodedata.bidirectional(text[at + 1 : at + 2] or " ") == "AN")
        ):
            rtl = True  # (a comma between its digits is the number's: "١,٠٠٠")
        arabic = kind == "AN" and c.isdigit() and not depth and not rtl
        if c in _PARAGRAPH_ENDS:
            depth, rtl, arabic = 0, False, False
        elif c in _OPENERS:
            depth += 1
            rtl = rtl or c in _RTL
        elif c in _CLOSERS and depth:
            depth -= 1
            out.append(" ")
            continue
        elif c in RTL_MARKS or (kind in _LETTERS_RTL and not depth):
            rtl = True
            out.append(c)
            continue
        elif rtl and not depth and kind == "L":
            rtl = False
        out.append(" " if depth or rtl else c)
    return "".join(out)
