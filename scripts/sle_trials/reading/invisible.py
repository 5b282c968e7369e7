"""Invisible characters: the one list the raw-text checks refuse and the normalisers drop.

Characters that are invisible or reorder text (Trojan Source, CVE-2021-42574) make a value differ
from what a reviewer sees. A record may not hold them (checks/load.py: E020, and tabs, CR and NUL
codes of their own). A source document as received may: a web page's soft hyphens and zero-width
spaces sit inside its words ("lu\u00adpus", "1\u200b8 Years"). The normalised text the checks compare
(layouts.normalise, and the site's highlight.normalise) leaves them out, so a quote is read against
the words a reader sees: "lupus" is found there, and "8 Years" cut out of "1\u200b8 Years" is a cut.

The list is C0 and C1 controls plus Unicode's Default_Ignorable_Code_Point set (zero-width and
bidirectional marks, fillers, variation selectors, tag characters used to smuggle invisible text) and
the noncharacters U+FFFE and U+FFFF, which a "\\u" escape could otherwise bring in.
"""

from __future__ import annotations

import re

_RANGES = (
    "\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\ufffe\uffff"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
INVISIBLE = re.compile(f"[{_RANGES}]")
# The invisible characters that are not white space: white space (a line separator, a form feed)
# separates words and is collapsed into one space by the normalisers; these are dropped. The same
# ranges without the nine that are white space (\x0b \x0c \x1c-\x1f \x85 \u2028 \u2029), written out:
# a lookahead for white space before each character made every normalised text cost 5 times as much.
_DROPPED_RANGES = (
    "\x01-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\ufffe\uffff"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
DROPPED = re.compile(f"[{_DROPPED_RANGES}]")
