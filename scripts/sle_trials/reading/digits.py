"""Digits: the characters NFKC would turn into digits that run into the digits beside them.

The checks compare a record with its source in Unicode NFKC (layouts.normalise), so that a source's
full-width "２４" or a ligature reads as what a reader sees. But NFKC writes a superscript as a plain
digit: "1×10⁶/kg" became "1×106/kg", which bound a dose of 106 and refused the 1,000,000 the source
states; "1.73 m²" became "1.73 m2". A vulgar fraction becomes digits around a fraction slash ("1½"
became "11⁄2", eleven), and a circled number its digits ("①18" became "118").

So before NFKC, a run of superscript digits and signs is written as an exponent, "^" and its digits
("10⁶" is "10^6", which the lexicon reads as a power of ten, as it reads the "10^6" most sources
write), a run of subscript ones as "_" and its digits ("CO₂" is "CO_2", no number), and a fraction or
a circled, parenthesised or stopped number is kept as it is: the lexicon reads a fraction as its
value ("1½" is 1.5, "½" 0.5) and an enclosed number as a mark beside a number, not a digit of it
("①18" is 18). Every other character is NFKC's: a full-width or mathematical digit is the same digit.
"""

from __future__ import annotations

import re
import unicodedata

from sle_trials.patterns import lazy

# Written out, not worked out from unicodedata at import (a scan of Unicode costs a warm run 0.3 s);
# tests/test_attacks_digits.py holds these to Unicode: every character NFKC gives a digit is here,
# or a full-width, mathematical or squared form (the same digit, or a unit such as ㎡).
_SUPER_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074-\u2079"  # ⁰¹²³⁴⁵⁶⁷⁸⁹
_SUPER_SIGNS = "\u207a-\u207e"  # ⁺⁻⁼⁽⁾
_SUB_DIGITS = "\u2080-\u2089"  # ₀₁₂₃₄₅₆₇₈₉
_SUB_SIGNS = "\u208a-\u208e"  # ₊₋₌₍₎
# The points and commas other scripts and styles write inside a number, which no reading is safe for
# (a decimal or a thousands group?): the middle dot of a decimal ("38·5", as The Lancet writes it),
# the dot operator and bullet, the hyphenation point, Arabic's decimal and thousands separators
# ("6٬000"), the low quotation mark a comma is set as ("6‚000"). No number is cut out of digits they
# join (quantities.numbers), nor a quote's end (edges.py): read as two numbers, "Enrollment: 6٬000
# participants" bound an enrollment of 6.
POINTS = "\u00b7\u22c5\u2219\u2027\u066b\u066c\u201a"
# Marks that write two runs of digits as one token, with no reading safe for it: a programmer's digit
# separator ("6_000"), an apostrophe or a prime (a Swiss thousands group, feet and inches: "6'0",
# "6′0"), a degree ("6°0"), a ratio sign ("6∶0"), a small tilde. Read as a number and what follows, "6"
# of "Enrollment: 6_000 participants" (or its "0" of "6°0") bound an enrollment no reader sees: no
# number is read out of digits they join (quantities.numbers), nor does a quote end between them (edges.py).
GLUES = "_'\u2019\u2032\u2033\u2034\u00b0\u2236\u02dc"
# Vulgar fractions, each a number (unicodedata.numeric), and a whole number they follow makes a mixed
# number with them: "1½" is 1.5 (quantities.numbers). U+215F ⅟ ("1⁄", a numerator with no denominator) is
# none, and is no number at all.
FRACTIONS = "\u00bc-\u00be\u2150-\u215e\u2189"  # ¼½¾ ⅐…⅞ ↉
NUMERATOR_ONE = "\u215f"  # ⅟
# Numbers enclosed in a circle, parentheses or with a stop, and the squared months, hours and days: marks
# that stand alone (an item's number "①", a date sign "㋀"), never a digit of the number beside them
# ("①18 years" is the item ① and 18). Unicode counts most of them as letters or digits (\w), so the
# lexicon says which number they may stand before (MARKS).
MARKS = (
    "\u2460-\u249b\u24ea"  # circled, parenthesised and stopped numbers: ①…⑳ ⑴…⒇ ⒈…⒛ ⓪
    "\u3251-\u325f\u32b1-\u32bf"  # circled numbers 21 to 50
    "\u32c0-\u32cb\u3358-\u3370\u33e0-\u33fe"  # months, hours and days: ㋀ (1月), ㍘ (0点), ㏠ (1日)
    "\U0001f100-\U0001f10a"  # digits with a full stop or a comma: 🄀 (0.) … 🄊 (9,)
)
KEPT = FRACTIONS + NUMERATOR_ONE + MARKS
# A run of superscripts (or subscripts) that holds a digit; a kept character alone.
PATTERN = lazy(
    f"(?P<sup>[{_SUPER_SIGNS}]*[{_SUPER_DIGITS}][{_SUPER_DIGITS}{_SUPER_SIGNS}]*)"
    f"|(?P<sub>[{_SUB_SIGNS}]*[{_SUB_DIGITS}][{_SUB_DIGITS}{_SUB_SIGNS}]*)"
    f"|[{KEPT}]"
)

# A run of the characters PATTERN is made of: no match of it reaches past one, so PATTERN is tried
# within these runs only. Tried at every character of a text, its three branches cost a run of the
# real records 23% more instructions than NFKC alone; one class is found in a tenth of the time.
_RUN = lazy(f"[{_SUPER_DIGITS}{_SUPER_SIGNS}{_SUB_DIGITS}{_SUB_SIGNS}{KEPT}]+")


def written(match: re.Match[str]) -> str:
    """What a run the pattern found is compared as: "^6", "_2", or the kept character itself."""
    if match["sup"] is not None:
        return "^" + unicodedata.normalize("NFKC", match["sup"])
    if match["sub"] is not None:
        return "_" + unicodedata.normalize("NFKC", match["sub"])
    return match.group()  # a kept character


def nfkc(text: str) -> str:
    """Unicode NFKC, but with the runs PATTERN finds written as written() says: no digit of a superscript,
    a subscript, a fraction or a circled number runs into the digits beside it."""
    if unicodedata.is_normalized("NFKC", text):
        return text  # each character PATTERN finds is one that NFKC changes: none is here
    out = []
    at = 0
    for run in _RUN.finditer(text):
        for match in PATTERN.finditer(text, run.start(), run.end()):
            out.append(unicodedata.normalize("NFKC", text[at : match.start()]))
            out.append(written(match))
            at = match.end()
    out.append(unicodedata.normalize("NFKC", text[at:]))
    return "".join(out)
