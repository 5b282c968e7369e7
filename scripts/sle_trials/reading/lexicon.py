"""Lexicon: the phrases a quote states a quantity, an age, a dose, a cohort or a date with.

binding.py asks this module what a quote *says* (read from the normalised quote, see
evidence.normalise) and compares that with the record. Everything here reads the words only; the
record's values are never consulted, so a wrong value cannot steer the reading.

- A **statement** is a comparator, a number and a unit found together: "≥ 40 kg", "<500/mm3",
  "a score of 10 or above", "should not exceed 5mg/day", "at least 8 weeks", "within the past 24
  weeks", "between 18 and 70 years", "> 2.5 mg/dL or 221 μmol/L" (the alternative keeps the
  comparator). A number that is only a label ("3)", "6."), a stage ("stage 4") or a patient number
  is never a statement: it has no comparator and no unit of its own.
- Some statements are **readings** rather than what the words say, and need a curator's note on the
  field (binding.py checks it): "within N" read as "< N"; a unit written away from its number
  ("≥100 within 8 weeks prior to screening mg/d"); a dose with no per-kilogram wording read as flat.
- **Kinds** of limit are told by the unit's dimension (kg is a body weight, ×ULN a laboratory value)
  and, for durations and steroid doses, by cue words nearest the statement (KIND_CUES).

The tables below are the documentation as well: docs/checks.md is generated from them.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from sle_trials.patterns import lazy
from sle_trials.reading import digits, kept_out, lookalike, planned, retracted, sentences

T = TypeVar("T")


# --- numbers --------------------------------------------------------------------------------------

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
# The words that scale a number ("1 million", "two hundred"): a number they follow is multiplied by them.
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORD = "(?:" + "|".join(NUMBER_WORDS) + ")"
_SCALE = "(?:" + "|".join(SCALES) + ")"
# The teens past twelve and the tens, with their values (numbers() reads a tens word with a unit word
# after it: words_value)
_TEEN_VALUES = {
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS_VALUES = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
# Words that make the number beside them a part of another: a tens word before one of NUMBER_WORDS
# ("twenty-one" is no 1), a count of something ("2 dozen" is no 2), a fraction word ("one-third of 60"
# is no 1), a scale or a further number after a scaled one ("one hundred and twenty" is no 100).
_TENS = "(?:" + "|".join(TENS_VALUES) + ")"
_TEENS = "(?:" + "|".join(_TEEN_VALUES) + ")"
# A number written in words as prose writes a time or a count ("six", "eighteen", "twenty-four", "thirty"):
# the one list of such words, which the prose rules read an outcome's time by (prose._TIME)
WORDS_NUMBER = rf"(?:{_TENS}(?:-{_WORD})?|{_TEENS}|{_WORD})"
_DIGIT_WORDS = tuple(NUMBER_WORDS)[:9]  # one to nine
_ONES = "(?:" + "|".join(_DIGIT_WORDS) + ")"
# (an en dash joins them as a hyphen does: "sixty–five" was read as 60 and 5, and a record's 60 bound to
# it; no range runs from a tens word down to a unit; so do spaces around it, a line broken after it and
# more than one space: "sixty -\nfive" was read as 60)
_TENS_JOIN = "(?:[ \t]*[-\u2010\u2011\u2013]\\s*|[ \t]+)"
# The same numbers as one table, a tens word and its unit joined by a hyphen ("twenty-four"): what a
# curator's entry names items by too (completeness: "criteria one and two")
CARDINALS = {
    **NUMBER_WORDS,
    **_TEEN_VALUES,
    **TENS_VALUES,
    **{f"{tens}-{unit}": value + NUMBER_WORDS[unit] for tens, value in TENS_VALUES.items() for unit in _DIGIT_WORDS},
}

# The ordinals to ninety-nine, as one table: what names an entry's items ("the first and third
# criteria", completeness) and an age by a birthday ("their eighteenth birthday", ages())
_UNIT_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth".split()
_TEEN_ORDINALS = (
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
)
_TEN_ORDINALS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
ORDINALS = {
    **{w: i + 1 for i, w in enumerate(_UNIT_ORDINALS)},
    **{w: i + 10 for i, w in enumerate(_TEEN_ORDINALS)},
    **{w: 10 * (i + 2) for i, w in enumerate(_TEN_ORDINALS)},
    **{f"{t}-{u}": v + j + 1 for t, v in TENS_VALUES.items() for j, u in enumerate(_UNIT_ORDINALS)},
}

_ONE_WORDS = frozenset(_DIGIT_WORDS)
_NUMBER_WORD_SET = frozenset((*NUMBER_WORDS, *_TEEN_VALUES, *TENS_VALUES, "zero"))


def number_words(table: dict[str, int], join: str) -> str:
    """The words of table (CARDINALS or ORDINALS) as one alternation, a tens word and its unit
    ("twenty-four", "twenty-fourth") joined by join instead of the hyphen. It matches what the words
    listed one by one, longest first, match, and tries them in the same order at each place: the tens
    words with their unit first ("sixty-five", then "sixty", where the table has it, before "six"),
    then the other words longest first ("sixteen" before "six").
    Written so, a pattern holding it is compiled in about a millisecond: the list of all the words
    (81 compounds of each table) took 8 to 17 ms a pattern, 70 ms of each start of a process that checks records."""
    compounds = [word.split("-") for word in table if "-" in word]
    tens = list(dict.fromkeys(ten for ten, _ in compounds))
    units = list(dict.fromkeys(unit for _, unit in compounds))
    assert len(compounds) == len(tens) * len(units), "every tens word with every unit"
    unit = join + "(?:" + "|".join(units) + ")"
    standing_alone = all(ten in table for ten in tens)  # cardinals' "twenty"; ordinals have "twentieth"
    assert standing_alone or not any(ten in table for ten in tens)
    first = "(?:" + "|".join(tens) + ")" + (f"(?:{unit})?" if standing_alone else unit)
    others = sorted((word for word in table if "-" not in word and word not in tens), key=len, reverse=True)
    return "(?:" + "|".join([first, *others]) + ")"


# The words of a number from zero to ninety-nine, for numbers() to read whole: a tens word and a unit word
# joined by a hyphen or a space ("twenty-four", "sixty five"), a tens word, a teen, one to twelve, zero.
# Read as none, "Age between eighteen and sixty-five years" stated no age, and a plain source's "The trial
# plans to enroll twenty-four patients." no enrollment, so either could be declared silent.
_WORDS_NUMBER_READ = number_words({**CARDINALS, "zero": 0}, _TENS_JOIN)


def words_go_on(left: str, right: str) -> bool:
    """Whether two words a space parts are words of one number: a tens word and a unit word ("sixty
    five"), a number and the word that scales it ("one hundred", "24 thousand"), a scale word and more
    of its number ("hundred and", "hundred twenty"). A quote ending or starting between them reads
    another number than its source ("Enrollment: sixty" of "sixty five participants")."""
    left, right = left.lower(), right.lower()
    if left in TENS_VALUES and right in _ONE_WORDS:
        return True
    if (left in _NUMBER_WORD_SET or left.isdigit()) and right.rstrip("s") in SCALES:
        return True
    return left.rstrip("s") in SCALES and (right in ("and", *_NUMBER_WORD_SET) or right.isdigit())


# The letters other than ASCII's that a pattern's (?i) matches to ASCII ones: "İ" and "ı" to i, "ſ" to
# s, the Kelvin sign to k. A word so matched is none of the tables' keys: lower-cased, "fİrst birthday"
# and "sİx participants" raised KeyError (a crash of `trials validate` on one character of a source).
_FOLDED = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(word: str) -> str:
    """A word a case-blind pattern of the number words matched, as the tables (CARDINALS, ORDINALS) key it."""
    return word.translate(_FOLDED).lower()


def words_value(words: str) -> int:
    """The value of a number _WORDS_NUMBER_READ matches ("Twenty-four" is 24, "zero" 0)."""
    parts = re.split(_TENS_JOIN, folded(words))
    if parts[0] in TENS_VALUES:
        return TENS_VALUES[parts[0]] + (NUMBER_WORDS[parts[1]] if len(parts) > 1 else 0)
    if parts[0] == "zero":
        return 0
    return _TEEN_VALUES.get(parts[0]) or NUMBER_WORDS[parts[0]]


_PARTS = (
    "(?:halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|dozens?|"
    + _SCALE
    + "s?)"
)
# after a number: a part word, or a scale's abbreviation glued to digits ("1k", "2M", "3bn": no 1, 2, 3);
# so also "and a half" and a part ("one and a half dozen" is no 1, "2 and a half million" no 2)
_PART_AFTER = lazy(rf"(?i:(?:[\s-]+and[\s-]+(?:an?|one))?[\s-]+{_PARTS}\b)|(?:[kKMB]|bn|mn)(?![A-Za-z])")
# after a scaled number: more of the number ("and twenty", "200", "fifty-five")
_MORE_AFTER = lazy(rf"(?i:[\s-]+(?:and\b|\d|{_WORD}\b|{_TENS}|{_TEENS}|{_SCALE}))")
# before a number: a tens or scale word ("twenty-one", "thousand two")
_PART_BEFORE = lazy(rf"(?i:\b(?:{_TENS}|{_SCALE}s?)(?:\s+and)?[\s-]+)\Z")
FRACTION_SLASH = "\u2044"  # ⁄, as in 1⁄2: what a typesetter (and NFKC, of ½) writes between a fraction's parts
# Where a number may start: not after a letter or a digit (nor ".", ",", "/", "⁄", "^", "+", a point
# of digits.POINTS), but after
# a mark such as "①", which Unicode counts as a letter or digit and which stands alone (digits.MARKS).
_STARTS = rf"(?<![^\W{digits.MARKS}])(?<![.,/^+{FRACTION_SLASH}{digits.POINTS}])"
_NUMBER = lazy(
    _STARTS + r"(?:"
    r"(?P<mant>\d+(?:\.\d+)?)\s*[×xX*·⋅∙]\s*10\s*\^\s*(?P<exp>[-−+]?\d+)"  # 1×10^6, 2.5 x 10^8, 2·10^6, 1×10^-3
    r"|10\s*\^\s*(?P<exp2>[-−+]?\d+)"  # 10^8, 10^-3
    r"|(?P<mant3>\d+(?:\.\d+)?)[eE](?P<exp3>[-+]?\d+)"  # 1e6, 1e-3
    # one hundred and twenty, two hundred five: hundreds in words and the number after them (read as
    # none, "Enrollment: one hundred twenty participants" stated no enrollment)
    rf"|(?P<hundreds>(?i:\b{_ONES}))[ -](?i:hundred)(?:\s+(?i:and))?[ -](?P<rest>(?i:{_WORDS_NUMBER_READ})\b)"
    # 1 million, 2.5 billion, one hundred: a number and the word that scales it
    rf"|(?P<scaled>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?i:\b{_WORDS_NUMBER_READ}))[ -](?P<scale>(?i:{_SCALE}))\b"
    r"|(?P<grouped>\d{1,3}(?:,\d{3})+(?:\.\d+)?)"  # 25,000
    # 1½ and 1 ½ (1.5), ½ (0.5): a vulgar fraction, and the whole number it follows
    rf"|(?:(?P<whole>\d+) ?)?(?P<fraction>[{digits.FRACTIONS}])"
    # 1⁄2 (0.5), 1 1⁄2 (1.5): a fraction typeset with the fraction slash, never its 1 or its 2
    rf"|(?:(?P<whole2>\d+) )?(?P<numerator>\d+){FRACTION_SLASH}(?P<denominator>\d+)"
    r"|(?P<plain>\d+(?:\.\d+)?)"  # 40, 7.5
    rf"|(?P<word>(?i:\b{_WORDS_NUMBER_READ}\b))"
    # a number is never cut out of a longer one: "1.5½" is no 1, "25,000½" no 25, 1⅟ and 1⁄ no number;
    # nor out of digits an ASCII slash joins, a fraction, a ratio or a date ("1/2", "140/90",
    # "07/30/2024"), which no reading is safe for: "≤ 1/2 mg/kg/day" bound a limit of 1
    rf")(?![\d{digits.FRACTIONS}{digits.NUMERATOR_ONE}{FRACTION_SLASH}]|[.,/{digits.POINTS}]\d)"
)
# Digits grouped in threes by spaces or apostrophes: "1 000" is one thousand where the SI writes it (a
# thin or no-break space, a space once normalised), "1'000" where Swiss usage does, and "1" and "000"
# elsewhere ("cohort 1 500 mg"). No reading is safe: as two numbers, an enrollment of 1 bound to "1 000
# participants"; as one, a dose of 1500 to "cohort 1 500 mg". So such a run states no number at all,
# and a value is quoted from words that say it alone. So do digits grouped in threes by points, which
# is how much of Europe writes thousands: "1.000 participants" is a thousand there and 1 in English,
# and read as a decimal it bound an enrollment of 1 ("Platelets <100.000/mm³" a limit of 100). A
# mantissa of a power of ten ("1.500 × 10^9/L") is a decimal, and a number that starts with 0
# ("0.125") is never a thousands group.
_SPACED = lazy(_STARTS + r"(?:\d{1,3}(?:[ '’]\d{3})+|[1-9]\d{0,2}(?:\.\d{3})+(?!\s*[×xX*]\s*10))(?![\d])")


@dataclass(frozen=True)
class Number:
    value: float
    start: int
    end: int


# A multiplication sign right before a power of ten: its mantissa is one the pattern does not read
# ("1,5×10^6", a decimal comma; "1×10E6"), and the power alone is no number the source states: read
# so, "1,5×10^6 cells/kg" bound a dose of 1×10^6, and "1×10E2 participants" an enrollment of 1,000.
_TIMES_BEFORE = lazy(r"(?:[×*·⋅∙]|(?<![A-Za-z])[xX])\s*\Z")
# and so is that mantissa alone ("1" of "1×10E6")
_TIMES_AFTER = lazy(r"\s*[×*·⋅∙xX]\s*10(?:\s*\^|[eE])")


# Digits a multiplication sign joins with no space ("6x10", "3×3", "2*4"): a product, neither of its
# numbers, which bound an enrollment of 6 to "Enrollment: 6x10 participants". A power of ten ("2x10^6")
# is read whole before this, and "2x ULN", "2 x ULN" have no digit right after the sign.
_PRODUCT_AFTER = lazy(r"[xX×*]\d")
_PRODUCT_BEFORE = lazy(r"\d[xX×*]\Z")
# Digits a colon joins with no space: a titre ("1:80"), a ratio ("1:1"), a time ("10:00"), whose numbers
# numbers() reads as before (a titre's comparator is read with them); but none is a count of people nor an
# age, and "Enrollment: 6:0 participants" bound an enrollment of 6 (count_places, ages).
_RATIO_AFTER = lazy(r":\d")
_RATIO_BEFORE = lazy(r"\d:\Z")


def in_ratio(quote: str, start: int, end: int) -> bool:
    """Whether the number at quote[start:end] is one side of digits a colon joins ("6:0", "1:80")."""
    return bool(_RATIO_AFTER.match(quote, end) or _RATIO_BEFORE.search(quote, max(0, start - 2), start))


_GLUED_AFTER = lazy(f"[{re.escape(digits.GLUES)}]\\d")
_GLUED_BEFORE = lazy(f"\\d[{re.escape(digits.GLUES)}]\\Z")


def _exponent(text: str) -> str:
    """An exponent as float() reads it: the minus sign U+2212 (what a superscript ⁻ becomes) as "-"."""
    return text.replace("\u2212", "-")


def numbers(quote: str) -> list[Number]:
    out = []
    spaced = [m.span() for m in _SPACED.finditer(quote)]
    for m in _NUMBER.finditer(quote):
        if spaced and any(start < m.end() and m.start() < end for start, end in spaced):
            continue  # a digit group of a spaced or dotted run: no number (_SPACED)
        if (m.group("exp2") or m.group("exp3")) and _TIMES_BEFORE.search(quote, max(0, m.start() - 8), m.start()):
            continue  # a power of ten without the mantissa it multiplies (_TIMES_BEFORE)
        if m.group("plain") is not None and _TIMES_AFTER.match(quote, m.end()):
            continue  # the mantissa of a power of ten the pattern does not read
        if _marked(quote, m.start(), m.end()):
            continue  # a digit struck through or enclosed ("60̶", "6̶0"): no number a reader is shown
        if _PRODUCT_AFTER.match(quote, m.end()) or _PRODUCT_BEFORE.search(quote, max(0, m.start() - 2), m.start()):
            continue  # a product of digits a multiplication sign joins ("6x10"): neither number
        if _GLUED_AFTER.match(quote, m.end()) or _GLUED_BEFORE.search(quote, max(0, m.start() - 2), m.start()):
            continue  # digits a glue mark writes as one token ("6_000", "6°0"): digits.GLUES
        if not m.group().isascii() and _digits_shown_otherwise(m.group()):
            continue  # "6৪" (a Bengali four, which shows "8") is 68 to a reader, not 64
        if _shows_a_digit(quote, m.end()):
            continue  # a number a reader sees go on: "Weight ≥ 4З kg" (a Cyrillic ZE) is 43 kg, not 4
        if _PART_AFTER.match(quote, m.end()) or _PART_BEFORE.search(quote, max(0, m.start() - 40), m.start()):
            continue  # a part of a number, or a count of something else: "twenty-one", "2 dozen", "one-third"
        if m.group("scale") is not None and _MORE_AFTER.match(quote, m.end()):
            continue  # "one hundred and twenty": more than the scaled number says
        # A power of ten as float() reads "1e6": a negative exponent is a fraction ("1×10^-3" is 0.001, not
        # 10), and a huge one is infinite at once (10 ** int("9999999") took 13 s, then overflowed).
        if m.group("exp") is not None:
            value = float(f"{m.group('mant')}e{_exponent(m.group('exp'))}")
        elif m.group("exp2") is not None:
            value = float(f"1e{_exponent(m.group('exp2'))}")
        elif m.group("exp3") is not None:
            value = float(f"{m.group('mant3')}e{_exponent(m.group('exp3'))}")
        elif m.group("hundreds") is not None:
            value = float(words_value(m.group("hundreds")) * 100 + words_value(m.group("rest")))
        elif m.group("scale") is not None:
            mantissa = m.group("scaled").replace(",", "")
            base = float(words_value(mantissa)) if mantissa[:1].isalpha() else float(mantissa)
            value = base * SCALES[folded(m.group("scale"))]
        elif m.group("fraction") is not None:
            value = int(m.group("whole") or 0) + unicodedata.numeric(m.group("fraction"))
        elif m.group("numerator") is not None:
            if int(m.group("denominator")) == 0:
                continue
            value = int(m.group("whole2") or 0) + int(m.group("numerator")) / int(m.group("denominator"))
        elif m.group("grouped") is not None:
            value = float(m.group("grouped").replace(",", ""))
        elif m.group("word") is not None:
            value = float(words_value(m.group("word")))
        else:
            value = float(m.group("plain"))
        if math.isfinite(value):  # "1e999" is no number a record can hold
            out.append(Number(value, m.start(), m.end()))
    dozens = [
        Number(_dozens(m), m.start(), m.end())
        for m in _DOZEN.finditer(quote)
        # a count a multiplication sign or a glue mark joins to digits before it ("6×2 dozen"): a product;
        # more of the number after it (_DOZENS_PART_AFTER); a digit group of a spaced run ("1 200 dozen"
        # was 2,400: _SPACED)
        if math.isfinite(_dozens(m))  # "9…9 dozen" past a float's range is no number a record can hold
        and not (
            _DOZENS_PART_AFTER.match(quote, m.end())
            or any(start < m.end() and m.start() < end for start, end in spaced)
            or _PRODUCT_BEFORE.search(quote, max(0, m.start() - 2), m.start())
            or _GLUED_BEFORE.search(quote, max(0, m.start() - 2), m.start())
        )
    ]
    return _restated(quote, sorted(out + dozens, key=lambda n: n.start) if dozens else out)


# A count in dozens ("a dozen participants", "two dozen", "2 dozen", "half a dozen"): read as no
# number (the count before "dozen" is a count of dozens, _PARTS), an enrollment of 12 quoted "a
# dozen participants" was refused. "dozens of" counts none. Its count starts where a number may
# (_STARTS): read from any digits, "1.5 dozen" was 60 (5 dozen), "1/2 dozen" 24, "1,000 dozen" 0.
_DOZEN = lazy(
    rf"(?i)\b(?:{_STARTS}(?P<count>[0-9]+|{_WORDS_NUMBER_READ})[ \t-]+|(?P<half>half[ \t]+an?[ \t]+)|(?:an?|one)[ \t]+)"
    r"dozen\b(?![-\w])"
)


# after a count of dozens, more of its number: a part or a scale ("a dozen dozen", "two dozen thousand",
# "a dozen and a half"), which made "a dozen dozen participants" 12 and "two dozen thousand" 24
_DOZENS_PART_AFTER = lazy(rf"(?i)(?:[\s-]+and[\s-]+(?:an?|one)\b)?[\s-]+(?:{_PARTS}|an?[\s-]+half)\b")


def _dozens(m: re.Match[str]) -> float:
    count = m.group("count")
    if count is not None:
        return 12.0 * (float(count) if count.isdigit() else words_value(count))
    return 6.0 if m.group("half") else 12.0


# A number written twice, in words and in digits in brackets after them ("eighteen (18) years", "18
# (eighteen) patients"), as legal and regulatory texts write one: a single number, from its first word to
# the closing bracket, so that the unit or the noun after the bracket is read with it.
_OPENS = lazy(r"\s*\(\s*")
_CLOSES = lazy(r"\s*\)")


def _restated(quote: str, found: list[Number]) -> list[Number]:
    out: list[Number] = []
    for n in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.value == n.value
            and quote[last.start].isalpha() != quote[n.start].isalpha()
            and _OPENS.fullmatch(quote, last.end, n.start)
            and (closes := _CLOSES.match(quote, n.end)) is not None
        ):
            out[-1] = Number(last.value, last.start, closes.end())
            continue
        out.append(n)
    return out


def _shows_a_digit(quote: str, at: int) -> bool:
    """Whether the character at quote[at], right after a number's digits, shows a reader a digit (its
    skeleton is one: reading/lookalike.py), so that the number a reader sees goes on past the digits:
    "4З kg" with a Cyrillic ZE, "6б" with a Cyrillic BE, "4O kg" with a capital O are 43, 66 and 40 kg
    to a reader, and bound a limit of 4 or 6 kg. An ASCII "O", "l" or "I" before a letter starts a
    word ("10IU"); a number before one is read (a number never starts right after a letter)."""
    if at >= len(quote):
        return False
    c = quote[at]
    if c.isascii():
        return c in "OlI" and not (at + 1 < len(quote) and quote[at + 1].isalpha())
    if _MARK.match(c):  # "18①" is 18 and the mark ① beside it (digits.MARKS)
        return False
    return lookalike.shows_a_digit(c)


_MARK = lazy(f"[{digits.MARKS}]")
# What a letter or a mark shows a reader as a digit where it stands among digits ("4O kg" is 40 kg)
_SHOWN_AS_DIGIT = {"o": 0, "O": 0, "l": 1, "I": 1, "|": 1}


def _marked(quote: str, start: int, end: int) -> bool:
    """Whether a combining mark stands on the number's last character or on the character before it:
    "Enrollment: 60̶ participants" (its 0 struck through by U+0336) shows a reader a 6 and a 0 taken
    back, and read as 60 it bound an enrollment of 60; "6̶0" one of 6. An enclosing mark makes an
    item's mark ("6⃣", reading/edges.py), no number either."""
    after = end < len(quote) and unicodedata.category(quote[end])[0] == "M"
    return after or (start > 0 and unicodedata.category(quote[start - 1])[0] == "M")


def _digits_shown_otherwise(number: str) -> bool:
    """Whether a number's digits show a reader another number than they are: a digit of another
    script whose look-alike (its skeleton: reading/lookalike.py) is another digit ("৪", a Bengali
    four, shows "8"; "۵", a Persian five, an "o", a 0 among digits), or digits of two scripts in one
    number ("6٦"), which no text writes. Read by their values, "Enrollment: 6৪ participants", 68 to a
    reader, bound an enrollment of 64."""
    zeros = set()
    for c in number:
        if c.isascii() or not c.isdigit():
            continue
        value = unicodedata.digit(c, None)
        if value is None:
            return True  # a digit of no decimal value (a superscript is read before this: digits.py)
        zeros.add(ord(c) - value)
        shown = lookalike.skeleton(c)
        seen = int(shown) if len(shown) == 1 and shown.isdigit() else _SHOWN_AS_DIGIT.get(shown)
        if seen is not None and seen != value:
            return True
    return len(zeros) > 1 or (bool(zeros) and any(c.isascii() and c.isdigit() for c in number))


# what numbers() reads, roughly and fast: each number it reads starts one of these (it reads none after
# a letter, a digit, ".", ",", "/", "^" or "+"; a fraction is one), so there are at least as many of
# these as numbers
_DIGIT_RUNS = lazy(_STARTS + rf"(?:\d+(?:[.,]\d+)*|[{digits.FRACTIONS}])")
# (and "dozen", which numbers() reads a number by with no digit nor number word: "a dozen", "half a dozen";
# counted as none, a criterion's "at least half a dozen points" was taken to state no limit)
_NUMBER_WORDS = lazy(rf"\b(?:{_TENS}|{_TEENS}|{_WORD}|zero|dozen)\b")


def numbers_at_most(quote: str) -> int:
    """At least len(numbers(quote)), counted at a fraction of its cost: a check that needs no more
    numbers than it has values for reads none."""
    return len(_DIGIT_RUNS.findall(quote)) + len(_NUMBER_WORDS.findall(quote.lower()))


# How far apart two floats may be and still be one number: what reading a source's number may round
# ("2.3 million" is 2.3 times 10^6, each rounded once), a few units in the last place. A relative 1e-9
# let a record's 40.00000001 kg, 100000000.05 cells or a count of 6000000001 for 6×10^9 pass as the
# source's number.
ULPS_APART = 4


def same_number(a: float, b: float) -> bool:
    """Whether two numbers are one, but for the rounding of reading them (ULPS_APART); never for an
    infinite one."""
    return math.isfinite(a) and math.isfinite(b) and abs(a - b) <= ULPS_APART * math.ulp(max(abs(a), abs(b)))


# --- units ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    key: str  # how the docs name it
    dimension: str  # what it measures: mass, time, score, dose_rate, dose, lab
    # as sources write it, in digits.nfkc's form (m² is m^2, µ is μ); spaces around / are optional
    spellings: tuple[str, ...]


UNITS = [
    Unit("kg", "mass", ("kg", "kgs", "kilograms", "kilogram")),
    Unit("lb", "mass", ("lb", "lbs", "pounds", "pound")),
    Unit("minutes", "time", ("minutes", "minute", "min")),
    Unit("hours", "time", ("hours", "hour", "hrs", "h")),
    Unit("days", "time", ("days", "day")),
    Unit("weeks", "time", ("weeks", "week", "wks", "wk")),
    Unit("months", "time", ("months", "month", "mos")),
    Unit("years", "time", ("years old", "year old", "years", "year", "yrs", "yr")),
    Unit("points", "score", ("points", "point")),
    Unit("mg/kg/day", "dose_rate", ("mg/kg/day", "mg/kg/d", "mg/kg per day")),
    Unit("mg/day", "dose_rate", ("mg/day", "mg/d", "mg per day", "mg daily", "mg a day")),
    Unit("mg", "dose", ("mg", "milligrams")),
    Unit("g", "dose", ("g", "grams")),
    Unit("g/24h", "lab", ("g/24h", "g/24 h", "g/24 hours", "g/24hr", "g/day")),
    Unit("mg/24h", "lab", ("mg/24h", "mg/24 h", "mg/24 hours")),
    Unit("mg/dL", "lab", ("mg/dL", "mg/dl")),
    Unit("g/dL", "lab", ("g/dL", "g/dl")),
    Unit("g/L", "lab", ("g/L", "g/l")),
    Unit("mg/L", "lab", ("mg/L", "mg/l")),
    Unit("μmol/L", "lab", ("μmol/L", "μmol/l", "umol/L", "umol/l")),
    Unit("mmol/L", "lab", ("mmol/L", "mmol/l")),
    Unit("IU/mL", "lab", ("IU/mL", "IU/ml")),
    Unit("U/L", "lab", ("U/L", "IU/L")),
    Unit(
        "×ULN",
        "lab",
        (
            "×ULN",
            "× ULN",
            "x ULN",
            "xULN",
            "X ULN",
            "times ULN",
            "times the ULN",
            "times the upper limit of normal",
            "× the upper limit of normal",
            "x the upper limit of normal",
        ),
    ),
    Unit(
        "mL/min/1.73 m2",
        "lab",
        tuple(f"{ml}/min/1.73{space}m{power}2" for ml in ("mL", "ml") for space in (" ", "") for power in ("", "^")),
    ),
    Unit("mL/min", "lab", ("mL/min", "ml/min")),
    Unit("/mm3", "lab", ("/mm3", "cells/mm3", "/mm^3", "cells/mm^3", "/μL", "/uL", "cells/μL", "/μl", "/ul")),
    Unit("×10^9/L", "lab", ("×10^9/L", "x10^9/L", "× 10^9/L", "x 10^9/L", "×10^9 /L")),
    Unit("%", "lab", ("%", "percent")),
]
LAB_DIMENSIONS = frozenset({"lab"})
# The words that end a laboratory test's name, or are it ("ALT", "bilirubin", "alkaline phosphatase"), in
# lower case: a laboratory limit after an enumeration of them is said of each (thresholds._item_of_a_list)
LAB_TESTS = frozenset(
    """
    alt ast alp ggt ggtp sgot sgpt ldh ck cpk bun crcl egfr gfr inr pt ptt aptt anc alc wbc rbc plt hb hgb hct
    crp esr tsh hba1c bnp nt-probnp igg iga igm ige c3 c4 ch50 ana
    aminotransferase aminotransferases transaminase transaminases phosphatase transferase transpeptidase
    bilirubin creatinine clearance urea albumin protein proteinuria hemoglobin haemoglobin hematocrit
    haematocrit platelets platelet neutrophils neutrophil lymphocytes lymphocyte leukocytes leukocyte
    monocytes eosinophils glucose potassium sodium calcium magnesium phosphate ferritin troponin amylase
    lipase fibrinogen d-dimer complement immunoglobulin immunoglobulins
    """.split()
)

# A test's finding, said of that test alone: "Positive ANA, or C3 < 0.9 g/L" holds no limit of 0.9 g/L on ANA,
# nor "hepatitis C (HCV RNA positive), or creatinine > 2 mg/dL" one of 2 mg/dL on hepatitis C (binding's
# _item_of_a_list, phrases.continues)
FINDING = lazy(
    r"(?i)\b(?:positive|negative|elevated|abnormal|raised|increased|decreased|reduced|low|high|normal|detectable|undetectable)\b"
)


def _spelling_regex(spelling: str) -> str:
    parts = [re.escape(p) for p in re.split(r"\s*/\s*|\s+", spelling)]
    seps = re.findall(r"\s*/\s*|\s+", spelling)
    out = parts[0]
    for sep, part in zip(seps, parts[1:]):
        out += (r"\s*/\s*" if "/" in sep else r"\s*") + part
    return out


_BY_SPELLING = sorted(((s, u) for u in UNITS for s in u.spellings), key=lambda x: -len(x[0]))
# A unit is the whole of what is written: not the start of a longer word, nor of a unit that goes on
# past a slash or a "per" ("kg" of "40 kg/m2", a BMI; "mg" of "30 mg/m2/day"), which is none the table knows.
_UNIT_AT = lazy(
    r"\s?(?:"
    + "|".join(f"(?P<u{i}>{_spelling_regex(s)})" for i, (s, _) in enumerate(_BY_SPELLING))
    + r")(?![A-Za-z0-9]|\s*/\s*[A-Za-z0-9μ]|\s+per\s)"
)


def nfkc(text: str) -> str:
    return " ".join(digits.nfkc(text).split())


# a unit written right after a space: where _displaced_units looks for a unit no number owns; a unit
# starting before a place ends within _UNIT_REACH characters of it (a space and the longest spelling)
_UNIT_AFTER_SPACE = lazy(r"(?<=\s)" + _UNIT_AT.pattern)
_UNIT_REACH = 2 + max(len(spelling) for spelling, _ in _BY_SPELLING)


def _unit_matched(m: re.Match[str]) -> Unit:
    """The unit whose spelling a match of _UNIT_AT (or a pattern built from it) found: its group u<i>
    is _BY_SPELLING[i]."""
    return _BY_SPELLING[int(m.lastgroup[1:])][1]  # type: ignore[index]


def unit_at(quote: str, at: int) -> tuple[Unit, int] | None:
    """The unit written at this place of the quote (after at most one space) and where it ends."""
    m = _UNIT_AT.match(quote, at)
    if not m:
        return None
    return _unit_matched(m), m.end()


def unit_named(text: str) -> Unit | None:
    """The lexicon's unit a record's unit string names, or None when the lexicon does not know it."""
    wanted = nfkc(text)
    m = _UNIT_AT.fullmatch(wanted)
    return _unit_matched(m) if m else None


# --- comparators ----------------------------------------------------------------------------------

WITHIN_READING = 'the source says "within"; read as "<"'
# (regex that must end right before the number, comparator, reading or None). Tried in order: the
# negated phrases before the plain ones ("no more than" is not "more than").
COMPARATORS_BEFORE: list[tuple[str, str, str | None]] = [
    (r"(?:≥|>=|=>|⩾|≧)", ">=", None),
    (r"(?:≤|<=|=<|⩽|≦)", "<=", None),
    (r"(?<![<>=])>", ">", None),
    (r"(?<![<>=])<", "<", None),
    (r"(?<![<>=!])=", "=", None),
    (
        r"\b(?:no more than|not more than|not exceed|not exceeding|not to exceed|up to|at most|a maximum of|maximum of"
        r"|maximum(?: [\w()-]+){0,4} (?:is|was|of)|max(?:imum)?:?)",
        "<=",
        None,
    ),
    (
        r"\b(?:no less than|not less than|no fewer than|not fewer than|at least|a minimum of|minimum of|minimum:?)",
        ">=",
        None,
    ),
    (
        r"\b(?:more than|greater than|higher than|longer than|older than|in excess of|exceeding|exceeds|above|over)",
        ">",
        None,
    ),
    (r"\b(?:less than|lower than|fewer than|shorter than|younger than|below|under)", "<", None),
    (r"\b(?:within)(?: the (?:past|last|previous|prior|preceding))?", "<", WITHIN_READING),
    (r"\b(?:equal to|equals)", "=", None),
]
_BEFORE = [(lazy(r"(?i:" + pattern + r")\s*\Z"), cmp, reading) for pattern, cmp, reading in COMPARATORS_BEFORE]
# A negation right before a comparator says its complement: "not below 40 kg" is >= 40, "must not be
# less than", "isn't over", "no greater than", "not ≥ 6" (the table's "no more than" is one already).
# Read as the comparator alone, "Weight not below 40 kg" bound "< 40 kg". "Not equal" and a negated
# reading ("not within") state no comparator.
NEGATION = r"\b(?:not|no|never|cannot)(?:\s+be)?|n['’]t(?:\s+be)?"
_NEGATED = lazy(r"(?i:" + NEGATION + r")\s*\Z")
COMPLEMENT = {">=": "<", "<": ">=", "<=": ">", ">": "<="}
# Phrases after the number (and its unit): "10 or above", "18 years and older".
COMPARATORS_AFTER: list[tuple[str, str]] = [
    (r"(?:or|and) (?:above|more|higher|greater|over|older|longer|later)", ">="),
    (r"(?:or|and) (?:below|less|lower|fewer|under|younger|shorter|earlier)", "<="),
]
_AFTER = [(lazy(r"\s*,?\s*(?i:" + pattern + r")\b"), cmp) for pattern, cmp in COMPARATORS_AFTER]
_BETWEEN = lazy(r"(?i:\bbetween)\s*\Z")
_AND = lazy(r"\s*(?:and|to|-|–)\s*")
_OR = lazy(r"\s*,?\s*or\s+")
_SENTENCE_END = sentences.END  # where a unit's reach ends (_displaced_units)


def comparator_before(quote: str, at: int) -> tuple[str, str | None] | None:
    head = quote[max(0, at - 80) : at]
    for pattern, cmp, reading in _BEFORE:
        m = pattern.search(head)
        if m:
            if _NEGATED.search(head, 0, m.start()):  # "not below": the complement, or none
                return None if reading or cmp not in COMPLEMENT else (COMPLEMENT[cmp], None)
            return cmp, reading
    return None


def comparator_after(quote: str, at: int) -> str | None:
    for pattern, cmp in _AFTER:
        if pattern.match(quote, at):
            return cmp
    return None


# --- statements -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """A quantity the quote states: comparator (None: no comparator word), value, unit (None: none
    written), and the reading that took it beyond the literal words (None: it says exactly this)."""

    comparator: str | None
    value: float
    unit: Unit | None
    start: int
    end: int
    reading: str | None = None

    def says(self) -> str:
        cmp = f"{self.comparator} " if self.comparator else ""
        unit = f" {self.unit.key}" if self.unit else ""
        return f"{cmp}{number_text(self.value)}{unit}"


def number_text(value: float) -> str:
    """A number as messages write it: 6.0 as 6, 2.5 as 2.5."""
    if float(value).is_integer():
        return f"{int(value)}"
    return f"{value:g}"


def statements(quote: str) -> tuple[Statement, ...]:
    """Every quantity the quote states, in order (see the module docstring)."""
    return tuple(_displaced_units(quote, list(written_statements(quote))))


# (the colon of a titre or a ratio, spaced on both sides or on neither: "≥ 1 : 80" read as "≥ 1" and
# "80"; a colon after a limit, "Age ≥ 18: 50 patients", is none)
_A_COLON = lazy(r":| : ")


def written_statements(quote: str) -> tuple[Statement, ...]:
    """The quantities the quote states with the units written beside their numbers: statements()
    before a comparator's number with no unit is given one written further on (a reading). Enough
    where only comparators and values count (completeness.py's limits), and cheaper."""
    nums: list[Number] = []
    units: list[tuple[Unit, int] | None] = []
    for n in numbers(quote):
        if nums and n.start < (units[-1][1] if units[-1] else nums[-1].end):
            continue  # a number inside a unit ("1.73" of mL/min/1.73 m2)
        nums.append(n)
        units.append(unit_at(quote, n.end))
    out: list[Statement] = []
    taken: set[int] = set()
    for i, n in enumerate(nums):
        if i in taken:
            continue
        unit = units[i]
        end = unit[1] if unit else n.end
        before = comparator_before(quote, n.start)
        cmp, reading = before if before else (comparator_after(quote, end), None)
        if cmp is not None and i + 1 < len(nums) and _A_COLON.fullmatch(quote, end, nums[i + 1].start):
            # a comparator before digits a colon joins: of a titre ("ANA ≥ 1:80", a dilution of at
            # least 80), the limit of its second number; of another ratio ("≥ 2:1"), no limit of
            # either number it can be read as (each stood as ≥ 1 and 80: a record's "≥ 1" passed)
            second = nums[i + 1]
            if n.value == 1 and units[i + 1] is None:
                out.append(Statement(cmp, second.value, None, n.start, second.end, reading))
            else:
                out.append(Statement(None, n.value, None, n.start, n.end))
                out.append(Statement(None, second.value, None, second.start, second.end))
            taken.add(i + 1)
            continue
        if _BETWEEN.search(quote[max(0, n.start - 20) : n.start]) and i + 1 < len(nums):
            m = _AND.match(quote, end)
            if m and m.end() == nums[i + 1].start:  # "between 18 and 70 years": both ends, the unit from the last
                other = units[i + 1]
                low_unit = unit[0] if unit else other[0] if other else None
                out.append(Statement(">=", n.value, low_unit, n.start, end))
                hi_end = other[1] if other else nums[i + 1].end
                out.append(
                    Statement("<=", nums[i + 1].value, other[0] if other else low_unit, nums[i + 1].start, hi_end)
                )
                taken.add(i + 1)
                continue
        if cmp is None and out and unit is not None:
            m = _OR.match(quote, out[-1].end)
            if m and m.end() == n.start and out[-1].comparator:  # "> 2.5 mg/dL or 221 μmol/L"
                cmp = out[-1].comparator
        out.append(Statement(cmp, n.value, unit[0] if unit else None, n.start, end, reading))
    return tuple(out)


def _displaced_units(quote: str, found: list[Statement]) -> list[Statement]:
    """A statement with a comparator and no unit takes a unit written later in its sentence that no
    number owns ("prednisone ≥100 within 8 weeks prior to screening mg/d"): a reading."""
    owned = [(s.start, s.end) for s in found]
    out = []
    for s in found:
        if s.unit is None and s.comparator:
            stop = _SENTENCE_END.search(quote, s.end)
            limit = stop.start() if stop else len(quote)
            # each place after a space, up to the sentence's end, where a unit is written (searched for,
            # not tried at every space: a long criterion has hundreds)
            reach = min(len(quote), limit + _UNIT_REACH)  # a unit may run past the sentence's end, not further
            written = _UNIT_AFTER_SPACE.search(quote, s.end + 1, reach)
            while written is not None and written.start() < limit:
                at = written.start()
                unit = _unit_matched(written), written.end()
                written = _UNIT_AFTER_SPACE.search(quote, at + 1, reach)
                if any(a <= at < b for a, b in owned):
                    continue
                if len(unit[0].spellings[0]) > 1:
                    s = Statement(
                        s.comparator,
                        s.value,
                        unit[0],
                        s.start,
                        s.end,
                        f"the unit {quote[at : unit[1]].strip()!r} is written away from the number",
                    )
                    break
        out.append(s)
    return out


# Where a clause ends (clause): a sentence's end, ';', ', and', an "and" before a comparator
CLAUSE_BOUNDS = lazy(r"[.;](?=\s)|,\s+and\s+|\band\s+(?=[≤≥<>])")


def clause(quote: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the previous sentence end, ';' or ', and' to the next one."""
    bounds = [0] + [m.end() for m in CLAUSE_BOUNDS.finditer(quote)] + [len(quote)]
    lo = max(b for b in bounds if b <= start)
    hi = min((b for b in bounds if b >= end), default=len(quote))
    return lo, hi


# --- limits a criterion does not require ----------------------------------------------------------

# A limit its criterion states and, in the same clause, says is no requirement, only a wish, or one taken
# back: "SLEDAI-2K ≥ 6 is not required", "SLEDAI-2K ≥ 6 is preferred", "Ideally, SLEDAI-2K ≥ 6",
# "SLEDAI-2K ≥ 6 may be required", "Weight ≥ 40 kg where possible", "No SLEDAI-2K ≥ 6 requirement",
# "SLEDAI-2K ≥ 6 was considered but not adopted"; "SLEDAI-2K ≥ 8 (revised to ≥ 6 in Amendment 2)",
# "SLEDAI-2K ≥ 8 was replaced by SLEDAI-2K ≥ 6", "SLEDAI-2K ≥ 8, now ≥ 6" (retracted.taken_back, and
# those two). Each bound a threshold no patient is asked to meet.
_NOT_REQUIRED = (
    r"(?:not|no[ \t]+longer|never)[ \t]+(?:required|a[ \t]+requirement|necessary|needed|mandatory|obligatory"
    r"|an?[ \t]+(?:inclusion[ \t]+|exclusion[ \t]+|eligibility[ \t]+|entry[ \t]+)?(?:criterion|requirement|limit))"
)
_A_WISH = r"(?:preferred|preferable|recommended|desirable|desired|encouraged|optional|suggested|advisable|ideal)"
_WHERE_POSSIBLE = r"(?:where|if|when(?:ever)?)[ \t]+(?:possible|feasible|practicable)"
_LIMIT_UNREQUIRED_AFTER = lazy(
    r"(?i)[^.;:\n]{0,40}?(?:"
    rf"\b(?:is|are|was|were|be|being)[ \t]+(?:(?:only|also|strongly|highly|then)[ \t]+)?(?:{_NOT_REQUIRED}|{_A_WISH})\b"
    r"|\b(?:may|might|could)[ \t]+(?:also[ \t]+)?be[ \t]+(?:required|requested|needed|asked[ \t]+for|considered)\b"
    rf"|[(\[][ \t]*(?:{_A_WISH}|ideally|preferably|optionally|optional)[ \t]*[)\]]"
    rf"|\b{_WHERE_POSSIBLE}\b"
    r"|\b(?:was|were|has[ \t]+been|had[ \t]+been)[ \t]+(?:considered|proposed|discussed)[ \t]+but[ \t]+"
    r"(?:not|never|rejected|dropped|abandoned)\b"
    r"|\b(?:was|were|is|are|has[ \t]+been|have[ \t]+been|had[ \t]+been)[ \t]+(?:(?:since|later|now)[ \t]+)?"
    r"(?:replaced|superseded)[ \t]+by\b"
    r"|[,;(][ \t]*now[ \t]+(?:[<>≤≥=]|at[ \t]+(?:least|most)|[0-9])"
    r")"
)
_LIMIT_UNREQUIRED_BEFORE = lazy(
    rf"(?i)(?:\b(?:ideally|preferably|optionally|{_WHERE_POSSIBLE})\b"
    r"|\b(?:previously|formerly|originally|initially)[ \t]*[,:(])[^.;:\n]{0,60}\Z"
)
# ... and "No ... requirement" around it
_NO_BEFORE = lazy(r"(?i)(?:^|[.;:(]\s*|\n)no[ \t]+(?:[^\s.;:]+[ \t]+){0,3}\Z")  # (read on the clause alone)
_REQUIREMENT_AFTER = lazy(r"(?i)[ \t]*(?:requirement|criterion|threshold|limit|cut-?off)s?\b")


def limit_not_required(text: str, start: int, end: int) -> str | None:
    """The words of its clause that say the limit at text[start:end] (a statement) is no requirement, a
    wish or one taken back (see _LIMIT_UNREQUIRED_AFTER), else None."""
    lo, hi = clause(text, start, end)
    found = _LIMIT_UNREQUIRED_AFTER.match(text, end, hi) or _LIMIT_UNREQUIRED_BEFORE.search(text, lo, start)
    if found is None and _NO_BEFORE.search(text[lo:start]) and _REQUIREMENT_AFTER.match(text, end, hi):
        return f"'no ... {_REQUIREMENT_AFTER.match(text, end, hi).group(0).strip()}'"  # type: ignore[union-attr]
    if found is not None:
        return repr(found.group(0).strip())
    if retracted.taken_back(text, start, end):
        return f"the words after it take it back ({text[end : end + 40].strip()!r})"
    return None


# A limit its clause keeps out, in words right after it: "SLEDAI-2K score of less than 6 is not allowed",
# "eGFR less than 30 mL/min is not permitted", "SLEDAI-2K score below 6 excluded". In an inclusion
# criterion it states the complement of what patients must meet: read as a limit of its words, an
# inclusion threshold "< 6" passed where patients need 6 or more. (Only the limit's own predicate, no
# comma between: "Prednisone ≤ 30 mg/day, higher doses are not allowed" keeps out the doses above it; a condition
# ruled out after it is not its predicate either: thresholds asks scopes.condition_after.)
_KEPT_OUT_AFTER = lazy(
    r"(?i)[^.;:,()\n]{0,30}?(?<![\w-])(?:"
    rf"{kept_out.SHUT_OUT}|prohibited|disallowed|unacceptable|not[ \t]+acceptable"
    rf"|{kept_out.DENIED}[ \t]+(?:be[ \t]+)?{kept_out.LET_IN}|leads?[ \t]+to[ \t]+exclusion"
    r")(?![\w-])"
)


# ... or words before it that open its clause by denying that patients have it: "No prednisone > 10
# mg/day", "Without proteinuria > 0.5 g/24h", "Not on prednisone > 10 mg/day", "Absence of ...", "Free of
# ...", "No history of eGFR < 30 mL/min", "Patients must not have eGFR < 30 mL/min" (read on the clause
# alone; a comparator's own "no", "No more than 30 mg/day", denies nothing of the patients)
_KEPT_OUT_BEFORE = lazy(
    r"(?i)^\s*(?:(?:patients?|subjects?|participants?)[ \t]+)?(?:"
    r"(?:must|should|shall|do|does|did|may)[ \t]+not[ \t]+(?:have|be[ \t]+on|be[ \t]+receiving|receive|take)"
    r"|(?:has|have)[ \t]+no|no(?:[ \t]+(?:history|evidence|signs?)[ \t]+of)?|without|not[ \t]+(?:on|receiving|taking)"
    r"|absence[ \t]+of|free[ \t]+(?:of|from)|lack[ \t]+of"
    r")[ \t]+(?!(?:more|less|fewer|greater|higher|lower|longer|shorter|later|earlier|older|younger)\b)"
    r"[^,;:.()\n]{0,60}\Z"
)


def limit_kept_out(text: str, start: int, end: int) -> str | None:
    """The words of its clause by which the limit at text[start:end] keeps patients out (see
    _KEPT_OUT_AFTER, _KEPT_OUT_BEFORE), else None."""
    lo, hi = clause(text, start, end)
    after = _KEPT_OUT_AFTER.match(text, end, hi)
    if after is not None:
        return after.group(0).strip()
    before = _KEPT_OUT_BEFORE.search(text[lo:start])
    return None if before is None else text[lo + before.start() : end].strip()  # ("No prednisone > 10 mg/day")


# An exclusion criterion's limit its clause lets in, in words right after it: "eGFR < 30 mL/min is
# allowed", "Patients on prednisone > 10 mg/day may be eligible", "Prednisone ≤ 10 mg/day is not an
# exclusion", "... is not exclusionary": it keeps no one out, and states no limit of the exclusion.
_LET_IN_AFTER = lazy(
    r"(?i)[^.;:,()\n]{0,30}?(?<![\w-])(?:"
    r"(?:is|are|will[ \t]+be|may[ \t]+be|can[ \t]+be|be)[ \t]+(?:also[ \t]+)?(?:still[ \t]+)?"
    rf"(?:{kept_out.LET_IN}|acceptable)"
    r"|(?:is|are)[ \t]+not[ \t]+(?:an?[ \t]+)?(?:exclusion(?:[ \t]+criterion)?|exclusionary|excluded)"
    r"|(?:does|do|will)[ \t]+not[ \t]+(?:exclude|lead[ \t]+to[ \t]+exclusion)"
    r")(?![\w-])"
)


def limit_let_in(text: str, start: int, end: int) -> str | None:
    """The words of its clause by which the limit at text[start:end] lets patients in (_LET_IN_AFTER), else None."""
    found = _LET_IN_AFTER.match(text, end, clause(text, start, end)[1])
    return None if found is None else found.group(0).strip()


# --- kinds of limit -------------------------------------------------------------------------------


@dataclass(frozen=True)
class KindCues:
    kind: str
    dimensions: frozenset[str]
    cues: tuple[str, ...]  # words that say the kind (regex fragments, whole words, any case)
    anywhere_in_clause: bool = False  # a modifier: any cue in the clause decides, not the nearest one


# In precedence order (a tie in distance goes to the earlier). The schema's threshold kinds must all
# be here (tests/test_lexicon.py).
KIND_CUES = [
    KindCues(
        "CORTICOSTEROID_DOSE_CHANGE",
        frozenset({"dose_rate", "dose"}),
        ("adjustment", "adjust(?:ed)?", "changes?", "increases?", "decreases?", "reductions?", "taper(?:ing)?"),
        anywhere_in_clause=True,
    ),
    KindCues(
        "CORTICOSTEROID_DOSE",
        frozenset({"dose_rate", "dose"}),
        ("prednisone", "prednisolone", "methylprednisolone", "steroids?", "corticosteroids?", "glucocorticoids?"),
    ),
    KindCues("BODY_WEIGHT", frozenset({"mass"}), ("weight", "body weight", "weighs?", "weighing")),
    KindCues(
        "DISEASE_ACTIVITY",
        frozenset({"score"}),
        ("SLEDAI(?:-2K)?", "SELENA-SLEDAI", "BILAG", "disease activity", "scores?", "CLASI", "PGA"),
    ),
    # an amount in a sample (a dose's unit: "24-hour urine protein ≥ 0.5 g") is no dose given
    KindCues("LABORATORY", LAB_DIMENSIONS | {"dose"}, ("urine", "urinary", "proteinuria", "serum", "plasma")),
    KindCues("STABLE_DOSE_DURATION", frozenset({"time"}), ("stable", "stably", "unchanged", "constant")),
    KindCues(
        "WASHOUT",
        frozenset({"time"}),
        (
            "discontinued",
            "discontinue",
            "discontinuation",
            "washout",
            "wash-out",
            "wash out",
            "used within",
            "received within",
            "stopped",
            "withdrawn",
        ),
    ),
    KindCues(
        "TIME_UNTIL_EVENT",
        frozenset({"time"}),
        ("planned within", "planned", "scheduled", "after enrollment", "after enrolment", "after randomi[sz]ation"),
    ),
    KindCues(
        "ACTIVE_DISEASE_DURATION",
        frozenset({"time"}),
        ("remained active", "remains active", "remain active", "active disease", "disease activity for", "active for"),
    ),
    KindCues(
        "DISEASE_DURATION",
        frozenset({"time"}),
        (
            "history of SLE",
            "history of lupus",
            "diagnosed",
            "diagnosis",
            "disease duration",
            "duration of SLE",
            "duration of disease",
        ),
    ),
    KindCues("TREATMENT_DURATION", frozenset({"time"}), ("treatment", "therapy", "treated", "start time")),
    KindCues("TIME_SINCE_EVENT", frozenset({"time"}), ("within", "history of", "performed", "ago", "occurred")),
]
# When no cue says it, the dimension does (a duration needs a cue: too many kinds are durations).
KIND_BY_DIMENSION = {
    "mass": "BODY_WEIGHT",
    "score": "DISEASE_ACTIVITY",
    "dose_rate": "CORTICOSTEROID_DOSE",
    "dose": "CORTICOSTEROID_DOSE",
    "lab": "LABORATORY",
}


def _cue_regex(entries: list[KindCues]) -> re.Pattern[str]:
    """Every cue as a whole word (not inside a word or a hyphenated one), the longest first; group
    k<entry>_<n> names the entry. The word boundaries stand once around all the cues, not in each:
    the same matches (a boundary depends only on the position), but a position inside a word is
    passed over once instead of once a cue, a fifth of the time on the registry's seeds."""
    parts = sorted(((cue, i) for i, e in enumerate(entries) for cue in e.cues), key=lambda x: -len(x[0]))
    cues = "|".join(f"(?P<k{i}_{j}>{cue})" for j, (cue, i) in enumerate(parts))
    return lazy(f"(?<![\\w-])(?:{cues})(?![\\w-])", re.I)


_CUES = _cue_regex(KIND_CUES)


def kind_of(quote: str, statement: Statement) -> tuple[str | None, str]:
    """(the kind of limit the words say, why) for a statement of the quote."""
    dimension = statement.unit.dimension if statement.unit else None
    fits = [e.kind for e in KIND_CUES if dimension is None or dimension in e.dimensions]
    for lo, hi in (clause(quote, statement.start, statement.end), (0, len(quote))):
        found = []
        for m in _CUES.finditer(quote, lo, hi):
            kind = KIND_CUES[int(m.lastgroup[1:].split("_")[0])]  # type: ignore[index]
            if kind.kind in fits:
                gap = max(0, statement.start - m.end(), m.start() - statement.end)
                found.append((not kind.anywhere_in_clause, gap, KIND_CUES.index(kind), kind.kind, m.group(0)))
        if found:
            found.sort()
            return found[0][3], f"the cue {found[0][4]!r}"
    if dimension in KIND_BY_DIMENSION:
        return KIND_BY_DIMENSION[dimension], f"the unit {statement.unit.key}"  # type: ignore[union-attr]
    return None, "no word of the quote says which kind of limit this is"


SCORE_WORDS = lazy(r"(?i)\b(?:scores?|SLEDAI(?:-2K)?|SELENA-SLEDAI|BILAG|CLASI|PGA)\b")


# --- ages -----------------------------------------------------------------------------------------

# each unit as written in lower case, capitalised and in capitals ("18 YEARS", as a converted record or a
# criteria text in capitals writes it); the importer reads a registry's age field by the same spellings
AGE_UNITS = {
    "YEARS": ("years old", "year old", "YEARS OLD", "Years", "years", "YEARS", "Year", "year", "YEAR", "yrs", "y/o"),
    "MONTHS": ("Months", "months", "MONTHS", "Month", "month", "MONTH"),
    "WEEKS": ("Weeks", "weeks", "WEEKS", "Week", "week", "WEEK"),
    "DAYS": ("Days", "days", "DAYS", "Day", "day", "DAY"),
    "HOURS": ("Hours", "hours", "HOURS", "Hour", "hour", "HOUR"),
    "MINUTES": ("Minutes", "minutes", "MINUTES", "Minute", "minute", "MINUTE"),
}
_AGE_UNIT = lazy(
    r"\s?(?:"
    + "|".join(
        f"(?P<{unit}>" + "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True)) + ")"
        for unit, spellings in AGE_UNITS.items()
    )
    + r")(?![A-Za-z])"
)
AGE_LABELS = {
    "min": r"(?:minimum ?age|minimumAge|min\.? age|lower age limit|aged? (?:at least|from))",
    "max": r"(?:maximum ?age|maximumAge|max\.? age|upper age limit)",
}
_AGE_LABEL = {bound: lazy(r"(?i:" + pattern + r")\s*:?\s*\Z") for bound, pattern in AGE_LABELS.items()}
_AGE_RANGE = lazy(r"\s*(?:to|through|-|–|and)\s*")
# The word age right before a range's first end, which makes two bare numbers an age range ("aged between 18
# and 70", "Age 18-65"): no unit is written, but the word says what they count
_AGE_JUST_BEFORE = lazy(r"(?i)\bage[ds]?\s*(?::\s*|\s(?:between|from)\s+)?\Z")
# Between two bounds that share the second's unit: "and" (or a comma) and the second's comparator.
_AGE_AND = lazy(r"\s*(?:,\s*)?(?:and\s*)?(?:[<>]=?|[≤≥⩽⩾≦≧]|=<|=>)\s*")
# "aged from 18 to 65 years": a label's "from" that opens a range, whose "to" gives the other bound; so does
# "within" ("Age within 18 to 65 years"), read alone as "<" (COMPARATORS_BEFORE)
_FROM = lazy(r"(?i)\bfrom\s*\Z")
_WITHIN = lazy(r"(?i)\bwithin\s*\Z")
# "18 years ≤ age ≤ 65 years": a comparator and the word age after the number, which bound it reads
_BEFORE_AGE = lazy(r"(?i)\s*(?:(?P<min>≤|<=|=<|⩽|<)|(?P<max>≥|>=|=>|⩾|>))\s*(?:the\s+)?age\b")
_AGE_OLDER = lazy(r"\s*(?:\+|(?:or|and) (?:older|above|over|more))", re.I)
_AGE_YOUNGER = lazy(r"\s*(?:(?:or|and) (?:younger|below|under|less))", re.I)
# Words by which a sentence keeps people out: an age there is the other side of the bound its words
# say ("Patients over 65 years are excluded" is no minimum of 65, "No patients under 18 years" no
# maximum of 18), so an age in such a sentence is read as no bound at all.
# The words are kept_out's; a denial not after "be" only of the words that say who may enrol ("not
# eligible", "never allowed"): "Patients aged 18 to 65 years, not included in another trial" and "...
# who do not participate in other studies" keep no one out of this one.
_KEPT_OUT = lazy(
    rf"(?i)\b(?:exclude|excluding|exclusion|{kept_out.SHUT_OUT}|{kept_out.DENIED}\s+be\s+{kept_out.LET_IN}"
    rf"|{kept_out.DENIED}\s+(?:eligible|allowed|permitted|accepted)"
    r"|(?:(?:may|can|must|will|shall|should)\s+not|cannot)\s+(?:participate|take\s+part)"
    r"|no (?:patients?|participants?|subjects?|one|children|adults))\b"
)
# An age that names the patients another requirement is for, not who may enrol: the requirement's verb
# right after it ("Patients older than 60 years must have an ejection fraction ≥ 50%", "Participants ≥ 65
# years old will receive half the dose", "Women over 45 years need no contraception") or a "for"/"if"
# opening its clause ("for patients under 16 years, weight ≥ 40 kg"). Each bound a minimum (or maximum)
# age of the trial. Words that say who enrols or consents ("Patients aged ≥ 18 years must sign the
# informed consent", "... must be eligible") leave it a limit.
# (past the words that name the subgroup after the age too: "Women aged 18 to 50 years of childbearing
# potential must use contraception" bound a maximum age of 50)
# (and, of a range's first end, past its other end: the range names one subgroup, and its minimum of 18
# bound where its maximum did not; binding and lexicon.ages, which silence reads, read both ends so)
# (having the trial's disease is who enrols, not a subgroup's requirement: "Patients aged 18 to 65 years
# must have active SLE", "... must be diagnosed with SLE" refused an honest maximum age of 65)
_RANGE_OTHER_END = (
    r"(?:\s*(?:to|through|-|–)\s*[0-9]+(?:\.[0-9]+)?(?:\s?(?:years?|yrs?|months?|weeks?|days?)(?![A-Za-z]))?)?"
)
# (in a relative clause too: "Women aged 18 to 45 years who are of childbearing potential must use
# contraception", "... who can become pregnant must ...")
_OF_CHILDBEARING_POTENTIAL = (
    r"(?:(?:\s+(?:who|that)\s+(?:are|is|could|can|may))?\s+(?:of\s+(?:child-?bearing|reproductive)\s+(?:potential|age)"
    r"|(?:able\s+to|capable\s+of)\s+(?:becom(?:e|ing)|get(?:ting)?)\s+pregnant|(?:becom(?:e|ing)|get(?:ting)?)\s+pregnant))?"
)
_FOR_A_SUBGROUP_AFTER = lazy(
    rf"(?i){_RANGE_OTHER_END}(?:\s+(?:old|of age))?{_OF_CHILDBEARING_POTENTIAL}"
    r"\s*,?\s+(?:"
    r"(?:must|should|shall|need(?:s)?(?:\s+to)?|(?:is|are)\s+required\s+to|ha(?:ve|s)\s+to)"
    r"(?!\s+(?:not\s+)?(?:be\s+)?(?:enrol|enroll|includ|eligible|recruit|participat|join|take\s+part|screened|"
    r"sign|provide|give|consent|able|willing|voluntar|agree|meet|fulfil|satisf)\w*)"
    r"(?!\s+(?:have|be)\s+(?:(?:a|an|been)\s+)?(?:(?:active|confirmed|established|documented|definite|clinically)\s+)?"
    r"(?:diagnos\w*|SLE\b|lupus\b|systemic\s+lupus))"
    r"|(?:will\s+)?receives?|needs?\s+no|requires?)\b"
)
_FOR_A_SUBGROUP_BEFORE = lazy(r"(?i)^\s*(?:for|if|when|where)\b")
# The trial's own product and its infusion as prose names them, one spelling for every reader of the
# trial's own events (an age at its treatment here, binding's durations counted from them, prose's
# sentences of the lymphodepletion): "CAR-T", "CAR T", "CART", "CAR-T cells", "CAR T-cell"; "the CAR-T
# cell infusion", "CAR T-cells infusion", "the cell infusion", "infusion". Spelled four ways before:
# one read "after CAR-T-cell infusion" as no time after the infusion, and the cyclophosphamide given
# then bound as the lymphodepletion's; another "18 years at onset of the CAR-T cell therapy" as an age
# at an event of the disease
CAR_T = r"CAR[-\s]?T(?:[-\s]cells?)?"
THE_INFUSION = rf"(?:the\s+)?(?:{CAR_T}\s+)?(?:cells?\s+)?infusion\b"
# after an age, the event of the disease it is the age at ("18 years at diagnosis of SLE", "... or older at
# the time of diagnosis", "at disease onset"): no participant's age; one at screening or consent is theirs
_AT_AN_EVENT = lazy(
    r"(?i)(?:\s+(?:old|of age|or (?:older|more|above|younger|less|below)))?\s+(?:at|when)\s+(?:the\s+time\s+of\s+)?"
    r"(?:(?:the\s+)?(?:first\s+)?(?:diagnos[ie]s|diagnosed|onset|disease onset|symptom onset)"
    r"|(?:[\w-]+\s+){1,2}(?:onset|diagnos[ie]s))\b"
    # the onset of the trial's own treatment is no event of the disease: the participant's age then
    rf"(?!\s+of\s+(?:the\s+)?(?:study\s+|{CAR_T}\s+|cells?\s+)?(?:treatment|therapy|dosing|infusion|"
    r"lymphodepletion|conditioning|study|trial)\b)"
)


# An age by the birthday that reaches it ("who have reached their eighteenth birthday", "before their
# 18th birthday"): read as no age, an honest minimum age of 18 was refused and one declared silent
# passed. Its bound is the words' before it: reached (and the like) a minimum, not yet reached or
# before a maximum, as "≥ 18 years" and "< 18 years" are.
_ORDINAL_WORDS = number_words(ORDINALS, _TENS_JOIN)
_BIRTHDAY = lazy(r"(?i)\b(?:(?P<digits>[0-9]{1,3})(?:st|nd|rd|th)|(?P<words>" + _ORDINAL_WORDS + r"))\s+birthdays?\b")
# (a verb reaching it, negated in any form, is a maximum: "haven't reached", "did not reach", "yet to
# reach" were read as "reached", a minimum, and a minimum age of 18 passed where the source kept it a
# maximum; so was "not, at screening, have reached", a negation a phrase between commas parts from it)
# whose birthday: "their", "his or her", "his/her" (read only as "his" or "her", "who have reached his or
# her 18th birthday" stated no age, and an honest minimum of 18 was refused)
_WHOSE = r"(?:(?:their|his\s+or\s+her|her\s+or\s+his|his\s*/\s*her|her\s*/\s*his|his|her|the|a)\s+)?"
_REACHED = r"(?:reached|reach|reaching|attained|attain|attaining|passed|pass|had|celebrated|celebrate|turned|turn|past)"
_BEFORE_A_BIRTHDAY = lazy(
    rf"(?i)(?:(?:\bnot|\bnever|n['’]t)(?:\s+yet)?(?:\s*,[^,.;()]{{0,40}},|\s*\([^().;]{{0,40}}\))?"
    rf"\s+(?:yet\s+)?(?:have\s+|having\s+|be\s+|been\s+)?{_REACHED}"
    rf"|\byet\s+to\s+(?:have\s+)?{_REACHED}|\bwithout\s+(?:having\s+)?{_REACHED}"
    # (the end of a range of birthdays: "from their 18th birthday to their 65th birthday")
    r"|\b(?:on\s+or\s+)?before|\bprior\s+to|\buntil|\btill|\bup\s+to|\bbirthdays?\s+(?:to|through))\s+" + _WHOSE + r"\Z"
)
# ("since" is left out: what dates from a birthday, "had SLE since their 16th birthday", is no age of
# who may enrol)
# Two birthdays that bound a range ("between their 18th and 65th birthdays"): the first a minimum,
# the second a maximum, as "between 18 and 65 years" are; "from their 18th birthday to their 65th
# birthday" is one too, whose event before it bounds neither end ("received rituximab from their 10th
# birthday to their 16th birthday": read as a birthday after "birthday to", 16 was a maximum)
_ORDINAL = r"(?:[0-9]{1,3}(?:st|nd|rd|th)|" + _ORDINAL_WORDS + r")"
_BIRTHDAYS_BETWEEN = lazy(
    rf"(?i)\b(?:between|from)\s+{_WHOSE}(?P<first>{_ORDINAL})(?:\s+birthdays?)?\s+(?:and|to|through|until)\s+"
    rf"{_WHOSE}(?P<second>{_ORDINAL})\s+birthdays?\b"
)
_FROM_A_BIRTHDAY = lazy(rf"(?i)\b(?:{_REACHED}|(?:on\s+or\s+)?after|from)\s+" + _WHOSE + r"\Z")


@dataclass(frozen=True)
class Age:
    bound: str | None  # "min", "max", or None when the words do not say which
    value: float
    unit: str | None  # YEARS, MONTHS, ... (None: no unit written with it)
    start: int
    end: int


def ages(quote: str) -> tuple[Age, ...]:
    """The ages a quote states and which bound each is: by a label ("Minimum Age: 18 Years"), a
    comparator ("≥ 18 years", "18 years and older"), a range ("between 18 and 70 years", "18 to 65
    years"), or, for exactly two bare ages ("18 Years 65 Years", a registry page's two lines), their order."""
    nums = [n for n in numbers(quote) if not in_ratio(quote, n.start, n.end)]  # "6:0 years" is no age
    found: list[tuple[Number, str | None, int]] = []
    for n in nums:
        m = _AGE_UNIT.match(quote, n.end)
        found.append((n, m.lastgroup if m else None, m.end() if m else n.end))
    out: list[Age] = []
    bare: list[int] = []
    skip: set[int] = set()
    kept_out = _KeptOut(quote)
    unbound_at: set[int] = set()  # where an age is read as no bound, not only as none placed
    for i, (n, unit, end) in enumerate(found):
        if i in skip:
            continue
        if unbound_age(quote, n.start, end, unit, kept_out):
            if unit is not None:  # an age, but of those kept out, or the age the disease began or was found at
                out.append(Age(None, n.value, unit, n.start, end))
                unbound_at.add(n.start)
            continue
        head = quote[max(0, n.start - 40) : n.start]
        bound = next((b for b, p in _AGE_LABEL.items() if p.search(head)), None)
        cmp = comparator_before(quote, n.start)
        if bound is None and cmp:
            bound = "min" if cmp[0] in (">=", ">") else "max" if cmp[0] in ("<=", "<") else None
        nxt = found[i + 1] if i + 1 < len(found) else None
        rng = _AGE_RANGE.match(quote, end)
        opened = _FROM if bound == "min" else _WITHIN if bound == "max" else None
        ranged = bound is None or bool(opened and opened.search(head) and rng and rng.group(0).strip() != "and")
        if ranged and nxt and rng and rng.end() == nxt[0].start and (unit or nxt[1] or _AGE_JUST_BEFORE.search(head)):
            # "between 18 and 70 years", "18 to 65 years", "18-65 years", "aged from 18 to 65 years": both ends
            if (rng.group(0).strip() != "and") or _BETWEEN.search(head):
                # (one statement: where the words around its other end make it no bound, neither end is
                # one, "Women aged 18 to 50 years of childbearing potential must use contraception")
                one = None if unbound_age(quote, nxt[0].start, nxt[2], nxt[1] or unit, kept_out) else "min"
                if one is None:
                    unbound_at.update((n.start, nxt[0].start))
                out.append(Age(one, n.value, unit or nxt[1], n.start, end))
                out.append(Age(one and "max", nxt[0].value, nxt[1] or unit, nxt[0].start, nxt[2]))
                skip.add(i + 1)
                continue
        if bound and unit is None and nxt and nxt[1] and _AGE_AND.fullmatch(quote, end, nxt[0].start):
            unit = nxt[1]  # "≥18 and ≤65 years": one unit after both bounds
        before_age = _BEFORE_AGE.match(quote, end) if bound is None else None
        if before_age:
            bound = "min" if before_age.group("min") else "max"  # "18 years ≤ age": a minimum
        elif bound is None and unit and _AGE_OLDER.match(quote, end):
            bound = "min"
        elif bound is None and unit and _AGE_YOUNGER.match(quote, end):
            bound = "max"
        if unit is None and bound is None:
            continue  # a number without an age unit or an age word is no age
        if bound is None:
            bare.append(len(out))
        out.append(Age(bound, n.value, unit, n.start, end))
    if len(bare) == 2:  # a registry page's "18 Years" and "65 Years": minimum first
        for which, index in zip(("min", "max"), bare):
            a = out[index]
            out[index] = Age(which, a.value, a.unit, a.start, a.end)
    # (after the bare ages are placed: bare holds their places in out, which a birthday read before
    # them and sorted in moved, so that "reached their 21st birthday. 18 Years 65 Years" read a
    # maximum of 18)
    ranges = list(_BIRTHDAYS_BETWEEN.finditer(quote))
    range_starts = [r.start() for r in ranges]
    for r in ranges:
        unbound = unbound_age(quote, r.start(), r.end(), "YEARS", kept_out) or _AN_EVENT_THEN.search(
            quote, max(0, r.start() - 80), r.start()
        )
        for bound, part in (("min", "first"), ("max", "second")):
            value = _ordinal_value(r.group(part))
            out.append(Age(None if unbound else bound, value, "YEARS", r.start(part), r.end(part)))
            if unbound:
                unbound_at.add(r.start(part))
    for m in _BIRTHDAY.finditer(quote):
        # (the range it may stand in found by bisection: each birthday against every range was n² steps,
        # 4 s for a text of 8,000 ranges)
        k = bisect.bisect_right(range_starts, m.start()) - 1
        if k >= 0 and m.start() < ranges[k].end():
            continue  # the second end of a range of birthdays, read with it
        value = _ordinal_value(m.group("digits") or m.group("words"))
        if unbound_age(quote, m.start(), m.end(), "YEARS", kept_out):
            out.append(Age(None, value, "YEARS", m.start(), m.end()))
            unbound_at.add(m.start())
            continue
        head = quote[max(0, m.start() - 90) : m.start()]
        bound = "max" if _BEFORE_A_BIRTHDAY.search(head) else "min" if _FROM_A_BIRTHDAY.search(head) else None
        out.append(Age(bound, value, "YEARS", m.start(), m.end()))
    out.sort(key=lambda a: a.start)
    passed = _passed_later(quote, out, unbound_at)
    return tuple(
        Age(None, a.value, a.unit, a.start, a.end) if a.start in passed or _lets_in_beyond(quote, a) else a for a in out
    )


# Where a sentence ends for an age a later one passes: a stop or a line's end, not a semicolon ("Age 18
# to 65 years; patients aged 66 to 70 years may be enrolled after review")
_SENTENCE_STOP = lazy(r"[.!?](?!\d)|\n")


def _passed_later(text: str, found: list[Age], unbound_at: set[int]) -> set[int]:
    """The starts of the age bounds of found (in text's order) that another age of their sentence
    (_SENTENCE_STOP) passes, in the same unit, one no reading makes no bound (unbound_at), no length of
    time, no bound of the other side: a lower age after a minimum ("Minimum age: 18 years (16 years
    with parental consent)", "Age ≥ 18 years (≥ 12 years in China)"), a higher one after a maximum
    ("Maximum age: 65 years (70 years at the investigator's discretion)", "Age 18 to 65 years, or up
    to 70 years with sponsor approval"): the trial lets in those the bound leaves out. So does one
    before it: a range of a part or a group inside the trial's ("Age 18 to 70 years (12 to 17 years in
    Part B)": 17 is no maximum of the trial, which takes patients of 70; "Adolescents 12 to 17 years in
    Part B; adults 18 to 70 years in Part A": 18 is no minimum). Read from each end, each age once."""
    stops = [m.start() for m in _SENTENCE_STOP.finditer(text)]
    passed: set[int] = set()
    for ordered in (list(reversed(found)), found):
        lowest: dict[str, float] = {}
        highest: dict[str, float] = {}
        sentence = -1
        for a in ordered:
            here = bisect.bisect_left(stops, a.start)
            if here != sentence:
                sentence, lowest, highest = here, {}, {}
            if a.unit is None:
                continue
            if (a.bound == "min" and lowest.get(a.unit, a.value) < a.value) or (
                a.bound == "max" and highest.get(a.unit, a.value) > a.value
            ):
                passed.add(a.start)
            if a.start not in unbound_at and not length_of_time(text, a):
                # (a bound of the other side passes none: "minimum age 60 years; maximum age 50 years" contradicts)
                if a.bound != "max":
                    lowest[a.unit] = min(lowest.get(a.unit, a.value), a.value)
                if a.bound != "min":
                    highest[a.unit] = max(highest.get(a.unit, a.value), a.value)
    return passed


def _ordinal_value(ordinal: str) -> float:
    """The number an ordinal (_ORDINAL: "18th", "eighteenth") names."""
    digits = ordinal.rstrip("stndrhSTNDRH")
    return float(digits) if digits.isdigit() else float(ORDINALS[re.sub(_TENS_JOIN, "-", folded(ordinal))])


def unbound_age(
    text: str, start: int, end: int, unit: str | None, kept_out: Callable[[int, int], bool] | None = None
) -> bool:
    """Whether the words around the number at text[start:end] (an age with its unit, or a bare number)
    make it no bound of who may enrol: a sentence that keeps people out, the age the disease began or
    was found at, the patients another requirement is for, someone other than who enrols ("Partners
    aged 18 years or older"). Binding reads a quote's age in its
    source's words too: a quote cut before them ("Patients under 70 years" of "... are excluded")
    read the age as a bound. (kept_out: whether the sentence around start:end keeps people out, read
    once a sentence: _KeptOut)"""
    return bool(
        (kept_out(start, end) if kept_out is not None else _KEPT_OUT.search(sentences.in_quote(text, start, end)))
        or _AT_AN_EVENT.match(text, end)
        or _NOT_REQUIRED_AFTER.match(text, end)
        or _NOT_NOW_AFTER.match(text, end)
        or retracted.taken_back(text, start, end)
        or (unit is not None and _for_a_subgroup(text, start, end))
        or (
            _A_BIRTHDAY_END.search(text, start, end) is not None
            and _AN_EVENT_BEFORE.search(text, max(0, start - 80), start)
        )
        or _AN_EVENT_AT_AGE.search(text, max(0, start - 80), start) is not None
        or _of_another_person(text, start)
        or _EXCEPTED_OR_OF_A_PART.match(text, end) is not None
        or _of_another_study(text, start, end, kept_out)
    )


# The words that name a study besides this one ("an earlier study", "another trial", "a previous Phase
# 1 study"), read by prose's turns (prose._OTHER) and by an age's sentence here
ANOTHER = r"(?:earlier|previous|prior|preceding|former|another|other|separate|sister)"
# ... and those that name one only where the sentence speaks in the past ("In the pilot study, patients
# aged 12 years or older were treated"; "In the pilot study, patients aged 18 to 65 years will be
# enrolled" may be this trial's own)
_BEFORE_THIS = r"(?:pilot|parent|original|feasibility|first-in-human|dose-finding|predecessor)"
_STUDY = r"(?:trials?|stud(?:y|ies))(?![\w-])"
_PAST = lazy(
    r"(?i)\b(?:were|was|had)\b|(?<!\bbe\s)(?<!\bbeen\s)\b(?:enrol+ed|treated|included|recruited|received|dosed|infused"
    r"|studied)\b"
)
# An age in a sentence that opens on another study, as its setting or its subject ("In the pilot study,
# patients aged 12 years or older were treated.", "The earlier trial enrolled patients aged 12 years or
# older.", "In a prior trial of IM19, ..."), or that says its patients were treated in one ("Patients
# aged 12 years or older were enrolled in an earlier study"): that study's, no bound of this trial's.
# Each bound its age. Not another study the patients took part in, which a criterion names after the
# age or in a clause of its own ("Patients aged 18 to 65 years, not included in another trial",
# "Patients who have not participated in another trial, aged 18 to 65 years", "... who were treated in
# a prior study"): the words before the study's in the opening are no person's, preposition's or
# negation's.
_NOT_AN_OPENING_WORD = r"(?!(?:in|of|from|with|who|whom|that|which|not|no|never|patients?|participants?|subjects?)\b)"
_OPENS_ON_ANOTHER_STUDY = lazy(
    r"(?i)\s*(?:(?:in|during|from|within|across|throughout)\s+)?(?:(?:the|a|an|one|its|our|their)\s+)?"
    rf"(?:{_NOT_AN_OPENING_WORD}[\w()'’/-]+\s+){{0,2}}?(?:(?P<other>{ANOTHER})|{_BEFORE_THIS})\s+"
    rf"(?:[\w()'’/-]+\s+){{0,2}}?{_STUDY}"
    # (the study itself, a word of its own after it: "Other study requirements: age 18 to 65 years" names
    # this trial's)
    r"(?=\s*[,:;(]|\s+(?:of|in|on|with|for|by|at|from|enrol\w*|treat\w*|includ\w*|recruit\w*|dos\w*|evaluat\w*"
    r"|test\w*|report\w*|show\w*|had|has|have|was|were|is|are|that|which|NCT\d)\b)"
)
_TREATED_IN_ANOTHER_STUDY = lazy(
    r"(?i)[^.;!?\n]{0,60}?(?<!\bwho\s)(?<!\bthat\s)\b(?:were|was|had\s+been)\s+(?:(?:previously|already|first)\s+)?"
    r"(?:treated|enrol+ed|included|dosed|studied|recruited|infused)\s+(?:in|during|within)\s+"
    rf"(?:the|an?|its|our|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{ANOTHER}|{_BEFORE_THIS})\s+(?:[\w-]+\s+){{0,2}}?{_STUDY}"
)


def _of_another_study(text: str, start: int, end: int, kept_out: Callable[[int, int], bool] | None = None) -> bool:
    """Whether the age at text[start:end] is another study's by the words of its sentence
    (_OPENS_ON_ANOTHER_STUDY, _TREATED_IN_ANOTHER_STUDY); its sentence's bounds kept_out's where it
    read them (_KeptOut: each sentence's stops read once)."""
    if _TREATED_IN_ANOTHER_STUDY.match(text, end) is not None:
        return True
    lo, hi = kept_out.bounds(start, end) if isinstance(kept_out, _KeptOut) else sentences.around(text, start, end)
    if _OPENS_ON_A_PART_OR_THE_PAST.match(text, lo, start) is not None:
        return True
    opening = _OPENS_ON_ANOTHER_STUDY.match(text, lo, start)
    return opening is not None and bool(opening.group("other") or _PAST.search(text, lo, hi))


# A part beside the trial's own (an extension, a sub-study), whose ages are not the trial's
_BESIDE_THE_TRIAL = r"(?:extension|sub-?stud(?:y|ies)|substud(?:y|ies)|ancillary|optional|exploratory)"
# ... or on a part beside the trial's own, or on a time before the protocol now in force, as its setting
# ("In the open-label extension, patients aged 12 years or older may enrol.", "Previously, patients aged
# 12 years or older were eligible.", "Under the original protocol, ..."): each bound its age
_OPENS_ON_A_PART_OR_THE_PAST = lazy(
    # (with its comma: "Previously treated patients aged 18 to 65 years" are the trial's)
    r"(?i)\s*(?:(?:previously|formerly|originally|initially|until\s+(?:the\s+)?(?:protocol\s+)?amendment\b[^,]{0,20})\s*,"
    r"|(?:under|in)\s+(?:the\s+)?(?:original|previous|earlier|old|first)\s+(?:version\s+of\s+the\s+)?protocol\b"
    r"|before\s+(?:the\s+)?(?:protocol\s+)?amendment\b(?:\s+[\w.-]+)?\s*,"
    r"|(?:in|for|during|within)\s+(?:the|an?|its)\s+(?:[\w-]+\s+){0,2}?"
    rf"{_BESIDE_THE_TRIAL}(?:\s+(?:cohorts?|parts?|phases?|stud(?:y|ies)|periods?|arms?|stages?))?\s*,)"
)


# An age the words after it in its sentence make an exception to, or give of a part beside the trial's
# own: "Age 18 to 65 years, except in the extension cohort", "Age ≥ 18 years (unless approved by the
# sponsor)", "Adolescents aged 12 to 17 years may enrol in the open-label extension", "Age 12 to 17
# years (sub-study only)". Each bound its age; "Age 18 to 65 years (all cohorts)" and "... unless
# pregnant" (a rule's exception) still do.
_EXCEPTED_OR_OF_A_PART = lazy(
    rf"(?i){kept_out.excepted()}"
    r"|[^.!?;\n]{0,60}?(?:(?<![\w-])(?:in|for|within|into|of)\s+(?:the|a|an|its|any)\s+(?:[\w-]+\s+){0,2}?"
    rf"|[(\[]\s*(?:only\s+)?(?:in\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,2}}?){_BESIDE_THE_TRIAL}(?![\w-])"
)
# An age bound the words after it in its sentence widen, letting in those beyond it (kept_out.let_in):
# older patients past a maximum ("Age 18 to 65 years; older patients may be enrolled at the
# investigator's discretion"), younger ones before a minimum ("Aged 18 years or older; adolescents aged
# 12 to 17 years may also enrol"). Each bound its age; the other bound stands, and those beyond it kept
# out or set a rule leave it standing ("Age 18 to 65 years; older patients are excluded"). (not_dosed reads
# a dose given to those beyond an age by them too: "in patients over 65 years: 20 mg/m2/day")
BEYOND_AN_AGE = {
    "max": r"(?:older|elderly|(?:over|above|older\s+than|>)\s*[0-9]+\s*(?:years?|yrs?))",
    "min": (
        r"(?:younger|adolescents?|children|child|minors?|paediatric|pediatric|juveniles?|teenagers?"
        r"|(?:under|below|younger\s+than|<)\s*[0-9]+\s*(?:years?|yrs?))"
    ),
}
_WIDENED = {bound: lazy(rf"(?i){kept_out.let_in(group)}") for bound, group in BEYOND_AN_AGE.items()}


def widened(text: str, a: Age) -> bool:
    """Whether the words after the age bound a in its sentence of text let in those beyond it (_WIDENED),
    or a later age of the sentence passes it (_passed_later), as lexicon.ages reads them: binding's
    reading of an age a quote bounds, in its source's sentence."""
    if _lets_in_beyond(text, a):
        return True
    later = [
        b for b in ages(text[a.end :]) if b.bound is not None or not unbound_age(text[a.end :], b.start, b.end, b.unit)
    ]
    shifted = [Age(b.bound, b.value, b.unit, b.start + a.end, b.end + a.end) for b in later]
    return a.start in _passed_later(text, [a, *shifted], set())


def _lets_in_beyond(text: str, a: Age) -> bool:
    """Whether the words after the age bound a in its sentence of text let in those beyond it (_WIDENED)."""
    found = _WIDENED.get(a.bound or "")
    return found is not None and found.match(text, a.end) is not None


# An age the words right after it say is no requirement ("Aged 18 years or older is not required.", "Age
# 18 to 65 years is no longer a requirement."): no bound of who may enrol, which each bound
_NOT_REQUIRED_AFTER = lazy(
    r"(?i)(?:\s+(?:years?|months?|weeks?|days?))?(?:\s+(?:old|of\s+age))?"
    r"(?:\s+(?:or|and)\s+(?:older|younger|above|below|over|under|more|less|greater))?"
    r"(?:\s*(?:to|-|–)\s*[0-9]+(?:\s+(?:years?|months?|weeks?|days?))?(?:\s+(?:old|of\s+age))?)?\s*,?\s+"
    r"(?:is|are|was|were)\s+(?:not|no\s+longer)\s+(?:required|a\s+requirement|necessary|needed|mandatory|"
    r"an?\s+(?:inclusion\s+|eligibility\s+)?(?:criterion|requirement|limit))\b"
)


# An age the words after it in its clause say was a limit once or will be one in a later part ("Patients
# aged 12 years and older were previously eligible.", "Patients aged 12 years and older may enrol in a
# later cohort.", "Adolescents aged 12 to 17 years will be enrolled in a future amendment."): no bound of
# who may enrol now, which each bound
_NOT_NOW_AFTER = lazy(
    r"(?i)[^.;:\n]{0,60}?\b(?:(?:were|was|had[ \t]+been)[ \t]+(?:previously|formerly|originally|once)"
    r"|(?:previously|formerly|originally)[ \t]+(?:eligible|enrol+ed|included|allowed|admitted)"
    r"|(?:in|for|under|with)[ \t]+(?:a|the|any)[ \t]+(?:later|future|subsequent|follow-?up|planned)[ \t]+"
    r"(?:cohort|part|stage|phase|study|trial|version|protocol|amendment|extension))\b"
)


# A birthday the disease's event (or a treatment) came before or after ("diagnosed with SLE before their 18th birthday",
# "SLE onset prior to the 16th birthday", a childhood-onset lupus): no participant's age, as "18 years at
# diagnosis" is none (_AT_AN_EVENT); read as one, a maximum age of 18 passed on a trial of adults whose
# lupus began in childhood
_A_BIRTHDAY_END = lazy(r"(?i)\bbirthdays?\Z")
_AN_EVENT = (
    r"(?i)\b(?:diagnos(?:is|es|ed)|onset|began|begun|started|developed|presented|manifested|symptoms?"
    # ... or a treatment's: what was given, received or done then ("received rituximab before their 16th
    # birthday"), no age of a participant either
    r"|received|receiving|treated|treatment|administered|given|vaccinated|vaccination|immuni[sz]ed|exposed"
    r"|exposure|initiated|hospitali[sz]ed|transplanted|transplantation|infected|infection|occurred)\b"
    # (the words between hold no word of the participant's own age: "diagnosed with SLE aged under 65
    # years", "treated, and who are under 65", read as the event's age, bound no one)
    r"(?:\s+(?!(?:aged|who|whose|being)\b)[\w-]+){0,4}?\s+"
)
_AN_EVENT_THEN = lazy(_AN_EVENT + r"\Z")  # right before a range of birthdays: "diagnosed between ..."
_AN_EVENT_BEFORE = lazy(
    _AN_EVENT + r"(?:(?:on\s+or\s+)?(?:before|after)|prior\s+to|since|by|at|until)\s+" + _WHOSE + r"\Z"
)

# An age the disease's event (or a treatment) is written at before the number ("Diagnosis of SLE at
# < 18 years", "onset before the age of 16 years", "age at diagnosis < 18 years"): no participant's
# age, as "18 years at diagnosis" is none; read as one, a maximum age of 18 passed for a trial of
# those whose lupus began in childhood
_AN_EVENT_AT_AGE = lazy(
    _AN_EVENT + r"(?:at|before|prior\s+to|by|under|below)\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?"
    r"(?:[<>≤≥]=?\s*)?\Z"
    # (the disease named before its event too, "Age at SLE onset: 16 years or older", "Age at lupus
    # diagnosis 16 years or older"; or the event before the word age, "Onset age: 16 years": each a
    # minimum age of 16)
    r"|(?i:\b(?:age\s+(?:at|of)\s+(?:the\s+)?(?:first\s+)?(?:(?!(?:and|or|patients?|participants?)\b)[\w-]+\s+){0,2}?"
    r"(?:diagnosis|onset)|(?:diagnosis|onset)\s+age)(?:\s+of\s+[\w-]+)?\s*[:]?\s*"
    r"(?:[<>≤≥]=?|(?:of\s+)?(?:under|below|before|less\s+than|over|above|more\s+than|at\s+(?:least|most)|"
    r"(?:no|not)\s+(?:less|more)\s+than|older\s+than|younger\s+than))?\s*\Z)"
    # ... or a comparator right after the event's noun and its words ("Age at SLE diagnosis < 18 years",
    # "Age at disease onset ≤ 16 years", "(onset < 18 years)", "Diagnosis of SLE < 18 years of age"):
    # each was a maximum age of 18, and a record's passed for a trial of adults whose lupus began young
    r"|(?i:\b(?:diagnos(?:is|es)|onset)\b(?:\s+(?!(?:aged?|who|whose|being|patients|participants|subjects"
    r"|adults|and|or)\b)[\w-]+){0,4}?\s*:?\s*(?:[<>≤≥]=?\s*|(?:under|below|less\s+than|over|above|more\s+than"
    r"|younger\s+than|older\s+than)\s+)\Z)"
)


class _KeptOut:
    """Whether the sentence of a text around a span keeps people out (_KEPT_OUT), as unbound_age reads
    it (sentences.in_quote), each sentence read once: read for each age, a sentence of n ages was read
    n times, and "who reached their 18th birthday " 4,000 times (125 kB) took 87 s."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stops = [m.start() for m in sentences.QUOTE_END.finditer(text)]  # each one character long
        self.read: dict[tuple[int, int], bool] = {}

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the sentence around text[start:end]."""
        before = bisect.bisect_left(self.stops, start)
        after = bisect.bisect_left(self.stops, end)
        lo = self.stops[before - 1] + 1 if before else 0
        hi = self.stops[after] if after < len(self.stops) else len(self.text)
        return lo, hi

    def __call__(self, start: int, end: int) -> bool:
        lo, hi = self.bounds(start, end)
        if (lo, hi) not in self.read:
            self.read[lo, hi] = _KEPT_OUT.search(self.text[lo:hi]) is not None
        return self.read[lo, hi]


# An age of someone other than who enrols, by the last person its clause names before it: "Partners aged
# 18 years or older must consent", "Donors aged 18 to 40 years", "Children whose mothers are over 40
# years", "a caregiver at least 21 years old". Each bound a minimum (or maximum) age of the trial. The
# participants named after such a person make the age theirs again ("Partners of patients aged 18 years
# or older"); children are no other person (a trial may enrol them).
_OTHERS = (
    r"partners?|spouses?|husbands?|wi(?:fe|ves)|donors?|mothers?|fathers?|parents?|guardians?|care-?givers?|"
    r"carers?|siblings?|relatives?|family\s+members?|(?:legal(?:ly\s+authori[sz]ed)?\s+)?representatives?"
)
_A_PERSON = lazy(
    rf"(?i)\b(?:{_OTHERS}|patients?|participants?|subjects?|volunteers?|individuals?|persons?|people|adults?|"
    r"adolescents?|children|child|women|men|males?|females?|girls?|boys?)\b"
)
_ANOTHER_PERSON = lazy(rf"(?i)(?:{_OTHERS})")


def _of_another_person(quote: str, start: int) -> bool:
    """Whether the last person the age's clause names before quote[start] is someone other than who
    enrols (_ANOTHER_PERSON)."""
    head = re.split(r"[;.:]\s|\n", quote[max(0, start - 80) : start])[-1]
    named = list(_A_PERSON.finditer(head))
    return bool(named) and _ANOTHER_PERSON.fullmatch(named[-1].group(0)) is not None


def _for_a_subgroup(quote: str, start: int, end: int) -> bool:
    """Whether the age at quote[start:end] names those another requirement is for (_FOR_A_SUBGROUP_AFTER)."""
    head = re.split(r"[;,.:]\s", quote[max(0, start - 60) : start])[-1]
    return bool(_FOR_A_SUBGROUP_AFTER.match(quote, end) or _FOR_A_SUBGROUP_BEFORE.search(head))


# an age's words in its clause before the number: "Age ≥ 18", "aged at least 18"
_AGE_WORD = lazy(r"(?i)\bage[ds]?\b")
_CLAUSE_BREAK = lazy(r"[0-9;,]")
# what makes a number with a unit of time an age after all: "18 years old", "6 months of age"
_AGE_AFTER = lazy(r"(?i)\s*(?:old\b|of age\b)")
# A length of time, not an age: the words before it in its clause say it is one ("within 6 months",
# "for at least 4 weeks", "disease duration ≥ 6 months", "life expectancy > 12 weeks", "in the past 12
# months"), or the words after it tie it to an event ("6 months of receiving", "4 weeks prior to
# screening", "3 months after the last dose", "2 years since diagnosis", "1 year ago").
_SPAN_WORD = lazy(r"(?i)\b(?:duration|expectancy|interval|period|history|lasting)\b")
_SPAN_LEAD = lazy(
    r"(?i)\b(?:within|for|during|since|(?:in|over)\s+the\s+(?:past|last|previous|preceding))\s+"
    r"(?:(?:the\s+)?(?:past|last|previous|preceding)\s+)?"
    r"(?:(?:at least|at most|(?:more|less|longer|shorter|greater|fewer) than|up to|a (?:minimum|maximum|period) of|"
    r"(?:no|not) (?:less|more) than|about|approximately|[≥>≤<=~⩾⩽]+)\s*)*\Z"
)
_SPAN_AFTER = lazy(
    r"(?i)\s*(?:of(?!\s+age\b)|before|prior|preceding|after|following|since|ago|from|until|post|apart|"
    r"between|beforehand|earlier|later|previously)\b"
)


def criteria_ages(criterion: str) -> tuple[Age, ...]:
    """The ages a criterion states (ages()), leaving out a bound that is no age: ages() reads any
    comparator and number as a bound ("SLEDAI-2K ≥ 8", "eGFR < 30 mL/min"), and in a criterion only
    one written with an age unit ("≥ 18 years"), after the word age in its clause ("Age ≥ 18"), or
    joined to such an age ("aged ≥ 18 and ≤ 70") is an age; and of those with a unit of time and
    no word of age, not a length of time ("within 6 months of receiving", "for at least 4 weeks
    prior to screening", "disease duration ≥ 6 months"), which criteria state far more often than
    an age."""
    found: list[Age] = []
    for a in ages(criterion):
        joined = bool(found) and _AGE_AND.fullmatch(criterion, found[-1].end, a.start) is not None
        if _said_an_age(criterion, a) or joined:
            found.append(a)
        elif a.unit is not None and not _spans(criterion, a):
            found.append(a)
    return tuple(found)


def length_of_time(text: str, a: Age) -> bool:
    """Whether the age a of text, with a unit of time and no word of age, is a length of time by its
    words ("diagnosed at least 6 months before screening", "disease duration of at least 6 months"):
    no age of a participant (binding refuses it as an age limit, E508)."""
    return a.unit is not None and not _said_an_age(text, a) and _spans(text, a)


def _clause_head(text: str, a: Age, width: int = 40) -> str:
    """The words of a's clause before it, width characters back at most; for a range's second end,
    before its first ("within 2 to 3 years": a length of time, as its first end is)."""
    start = a.start
    first = _RANGE_START.search(text, max(0, start - 30), start) if a.bound == "max" else None
    if first is not None:
        start = first.start()
    return _CLAUSE_BREAK.split(text[max(0, start - width) : start])[-1]


# a range's first end, before its second ("18 to ", "18 years - ")
_RANGE_START = lazy(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?:\s?[A-Za-z]+)?\s*(?:to|through|and|-|–)\s*\Z")


def _said_an_age(text: str, a: Age) -> bool:
    """A word of age in its clause before it ("Age ≥ 18"), in its unit or after it ("18 years old", "18
    years ≤ age"), or, for a range's first end, after its other end ("within 18 to 65 years old": one
    age range)."""
    if _AGE_WORD.search(_clause_head(text, a)) or _AGE_AFTER.match(text, a.end) or _BEFORE_AGE.match(text, a.end):
        return True
    if _OLD.search(text, a.start, a.end):  # its unit says so ("65 years old")
        return True
    other = _RANGE_END.match(text, a.end) if a.bound == "min" else None
    if other is None:
        return False
    unit = _AGE_UNIT.match(text, other.end())
    return bool(_AGE_AFTER.match(text, unit.end()) or _OLD.search(unit.group(0))) if unit else False


# a range's other end, after its first ("18 to 65", "18-65"); an age unit that says it is one ("years old")
_RANGE_END = lazy(r"\s*(?:to|through|-|–)\s*[0-9]+(?:\.[0-9]+)?")
_OLD = lazy(r"(?i)\bold\b|y/o|\bbirthdays?\b")


def _spans(text: str, a: Age) -> bool:
    # the word naming a length of time may open a long clause ("The history of SLE prior to screening
    # was at least 6 months": 44 characters before the number), which a minimum age of 6 months read
    head = _clause_head(text, a)
    return bool(
        _SPAN_WORD.search(_clause_head(text, a, 120)) or _SPAN_LEAD.search(head) or _SPAN_AFTER.match(text, a.end)
    )


# --- doses and cohorts ----------------------------------------------------------------------------

_PER_KG_WORDS = r"(?:/\s*kg|per\s+kg|per\s+kilogram|/kilogram)"  # the ways a source writes per kilogram
_PER_KG = lazy(r"\s*" + _PER_KG_WORDS + r"(?:\s+(?:of\s+)?body\s*weight)?", re.I)
# A dose's unit words (at most four), then per kilogram.
_UNIT_PER_KG = lazy(r"\s*[^\s/,;.]+(?:\s+[^\s/,;.]+){0,3}\s*" + _PER_KG_WORDS + r"\b", re.I)
FLAT_WORDS = lazy(r"(?i)\b(?:flat|fixed|total)\b")
FLAT_READING = "the source gives no per-kilogram basis; read as a flat dose"


# A number the source gives as a cap on the dose, not the dose: "(maximum total dose 1×10^8 CAR-T
# cells)", "not exceeding 1×10^8", "up to 1×10^8", "≤ 1×10^8" (the words end just before the number;
# a maximum tolerated dose is a dose found, no cap).
_CAP_BEFORE = lazy(
    r"(?i)(?:\b(?:max(?:imum|imal)?(?!\s+tolerated)|up\s+to|not\s+(?:to\s+)?exceed(?:ing)?|"
    r"no\s+(?:more|greater|higher)\s+than|at\s+most|capped\s+at|cap\s+of|limit(?:ed)?\s+(?:of|to))\b"
    r"[^.;:,()\d]{0,30}|[≤<]\s*)\Z"
)
# A number that ends a range of doses, after its other end: "0.5-1×10^6" (a dash with no space, or after
# a power of ten), "2×10^6 to 5×10^6" (the first number's unit words may stand between), "between
# 2×10^6 and 5×10^6"; and one that starts a range, before its other end ("2×10^6 CAR-T cells/kg to
# 5×10^6"). A cohort's label before its dose ("Dose level 1 – 1×10^6") is no range, nor two doses
# ("1×10^6 and 3×10^6 cells/kg in two cohorts").
_POWER = r"\s*[×xX*]\s*10\s*\^\s*[-−+]?\d+"
_UNIT_WORDS = r"(?:\s*[^\s\d,;.()]+){0,4}?"
# (a tilde joins a range's ends as a dash does, "1×10^6 ~ 3×10^6", as sources from East Asia write it; a
# range's ends with their unit written after each, "25 mg/m2/day - 30 mg/m2/day", spaced; "up to" after
# a dose ends the range it starts, "1×10^6 CAR-T cells/kg up to 3×10^6")
_DOSE_UNIT_WORDS = r"\s*(?:mg|g|µg|μg|mcg|cells?|CAR[-\s]?T\s+cells?)(?:/[^\s\d,;.()]*\S*)?(?:\s+[^\s\d,;.()]+){0,3}?"
_RANGE_BEFORE = lazy(
    rf"(?i)(?:\d[-–—~]|\d{_POWER}{_UNIT_WORDS}\s*[-–—~]\s*|\d(?:{_POWER})?{_UNIT_WORDS}\s+(?:up\s+)?(?:to|through)\s+|"
    rf"\d{_DOSE_UNIT_WORDS}\s+[-–—~]\s+|"
    r"\bbetween\s+(?:\S+(?:\s+\S+){0,4}?\s+and\s+)?)\Z"
)
_RANGE_AFTER = lazy(
    rf"(?i)(?:[-–—~]\d|{_UNIT_WORDS}\s*[-–—]\s*\d+{_POWER}|{_UNIT_WORDS}\s*~\s*\d|"
    rf"{_UNIT_WORDS}\s+(?:up\s+)?(?:to|through)\s+\d)"
)
# A cap written after the number and its unit words: "1×10^6 CAR-T cells/kg or less", "30 mg/m2/day
# maximum" (at its clause's end: "..., maximum total dose 1×10^8" caps another number), "at most"
_CAP_AFTER = lazy(
    r"(?i)(?:\s*[^\s\d,;.()][^\s,;()]*){0,4}?\s*,?\s*(?:(?:or|and)\s+(?:less|lower|fewer|below|under)\b|"
    r"[(\[]?\s*(?:at\s+(?:the\s+)?most\b|max(?:imum|\.)?(?=\s*(?:[.;)\]]|\Z|\n))))"
)
# A number that is a part of another ("half of 2×10^6 CAR-T cells/kg", "one third of", "10% of the
# 2×10^6 dose") or a tolerance of another ("1.0×10^6 ± 0.5×10^6"): no dose
_PART_OF_BEFORE = lazy(
    r"(?i)(?:(?<![\w-])(?:half|(?:one|two|a)[- ](?:thirds?|quarters?|fourths?|fifths?|tenths?)|(?:a\s+)?fraction)"
    r"|\d(?:\.\d+)?\s*(?:%|percent))\s+of\s+(?:(?:the|a)\s+)?\Z"
    r"|(?:±|\+\s*/\s*[-−])\s*\Z"
)
CAP_READING = "the source gives the number as a maximum; read as the dose"
RANGE_READING = "the source gives a range of doses; one end of it read as the dose"


@dataclass(frozen=True)
class Dose:
    value: float
    basis: str  # PER_KG or FLAT
    unit_at: int  # where the words after the number (and a /kg before them) start
    start: int
    end: int
    reading: str | None  # the basis read beyond the words (FLAT_READING)
    limit: str | None = None  # the number read as the dose beyond the words: a cap or a range's end


# A number the source gives as a total over the days of a course ("(total 90 mg/m2)", "a cumulative dose
# of 90 mg/m2"), not the dose given each time: a lymphodepleting agent's dose only as a reading
_TOTAL_BEFORE = lazy(r"(?i)\b(?:total|cumulative|overall)\b[^.;:,()\d]{0,20}\Z")
# ... or after it and its unit words ("90 mg/m2 in total", "90 mg/m2 cumulative", "90 mg/m2 total.")
_TOTAL_AFTER = lazy(
    r"(?i)(?:\s*[^\s\d,;.()][^\s,;()]*){0,3}?\s*,?\s*(?:in\s+total|cumulative(?:ly)?|"
    r"total(?=\s*(?:[.;)\]]|\Z|\n)))(?![\w-])"
)
TOTAL_READING = "the source gives the number as a total of the course; read as the dose"
# A number the source gives as one of alternative doses ("25 or 30 mg/m2/day", "25 mg/m2/day or 30
# mg/m2/day", "either 25 or 30"): no dose of the regimen's alone, which one the patients receive is not
# said. Only a number with no comma or bracket between it and the other ("30 mg/m2/day, or 20 mg/m2/day
# if CrCl ..." gives 30 as the dose and 20 on a condition: not_dosed.not_given), nor a word of a number
# of days ("for 3 or 4 days": no dose's words)
_ALTERNATIVE_UNIT = r"\s*(?:mg|g|µg|μg|mcg|cells?|CAR[-\s]?T\s+cells?)(?:/[^\s,;.()]*)?(?:\s+[^\s\d,;.()]+){0,3}?"
_ALTERNATIVE_BEFORE = lazy(rf"(?i)\d(?:{_POWER})?(?:{_ALTERNATIVE_UNIT})?\s+or\s+\Z")
_ALTERNATIVE_AFTER = lazy(rf"(?i)(?:{_ALTERNATIVE_UNIT})?\s+or\s+\d")
ALTERNATIVE_READING = "the source gives the number as one of alternative doses; read as the dose"


# The words a curation note must write to speak of each reading (named_in_note): what the source says
# that is read beyond its words ("within"), or what the words are read as (a flat dose, a maximum, a
# range, a total). A reading not named here quotes the source's words it reads ("the unit 'mg/d' is
# written away from the number"): a note must write those words.
# Each in the words curators write for it, not one word alone ("Time windows are read as strictly less
# than the stated period", "recorded as a fixed dose", "an absolute cell count (no /kg)", "'not
# exceeding' read as the dose", "the higher end is recorded" were refused).
_NOTE_WORDS = {
    # "<" as what the words are read as ('recorded as "<"'), not a limit's own ("<500/mm³")
    WITHIN_READING: lazy(r"(?i)\b(?:within|less than|fewer than|strictly|windows?)\b|\bas\s+[\"'“]?<"),
    FLAT_READING: lazy(
        r"(?i)\b(?:flat|fixed|absolute|per[- ]?(?:kg|kilogram)|weight[- ]based)\b|/\s*kg\b|per-kilogram"
    ),
    CAP_READING: lazy(
        r"(?i)\b(?:max(?:imum|imal)?|caps?|capped|at most|up to|no more than|limit|ceiling|"
        r"exceed(?:s|ing)?)\b|≤|<="
    ),
    RANGE_READING: lazy(r"(?i)\b(?:ranges?|between|(?:higher|lower|upper|top|bottom) end|either end)\b"),
    ALTERNATIVE_READING: lazy(r"(?i)\b(?:alternatives?|alternatively|either|one of|options?|choice)\b"),
    TOTAL_READING: lazy(r"(?i)\b(?:total|cumulative|course)\b"),
}
_QUOTED_WORDS = lazy(r"'([^']+)'|\"([^\"]+)\"")


def named_in_note(reading: str, note: str) -> bool:
    """Whether a curation note's text speaks of the reading: writes the words _NOTE_WORDS gives it, or
    the source's words the reading quotes. Any note on the field excused any reading: a note on a
    cohort saying which source it copies let a dose read as flat pass, IM19's note on the related
    trials given to its flat second cohort passed."""
    words = _NOTE_WORDS.get(reading)
    if words is not None:
        return words.search(note) is not None
    quoted = [a or b for a, b in _QUOTED_WORDS.findall(reading)]
    return bool(quoted) and any(q.casefold() in note.casefold() for q in quoted)


def agent_dose_limit(quote: str, start: int, end: int) -> str | None:
    """TOTAL_READING, CAP_READING, RANGE_READING or ALTERNATIVE_READING when the number at start:end is
    a lymphodepleting agent's total, a cap on its dose, an end of a range of doses or one of alternative
    doses ("25 or 30 mg/m2/day"), else None."""
    if _TOTAL_BEFORE.search(quote, max(0, start - 40), start) or _TOTAL_AFTER.match(quote, end):
        return TOTAL_READING
    limit = dose_limit(quote, start, end)
    if limit is None and (
        _ALTERNATIVE_BEFORE.search(quote, max(0, start - 80), start)
        or _ALTERNATIVE_AFTER.match(quote, end, min(len(quote), end + 80))
    ):
        return ALTERNATIVE_READING
    return limit


# --- "respectively": items paired in order with numbers -------------------------------------------


@dataclass(frozen=True)
class Respective:
    """One item of an enumeration a quote pairs, by "respectively", with one of an enumeration of
    numbers: the item's words (where its term stands), its number, and where the number's unit stands
    (right after it, or after the last of the numbers that share it: "30 and 300 mg/m2/day")."""

    start: int
    end: int
    number: Number
    unit_at: int


_RESPECTIVELY = lazy(r"(?i)(?<![\w-])respectively(?![\w-])")
# What joins two items of an enumeration: a comma, "and", "&", ", and" (not "or": "30 or 300" is a choice)
_JOIN = r"\s*(?:,\s*(?:(?:and(?!\w)|&)\s*)?|and(?!\w)\s*|&\s*)"
_JOINED = lazy(rf"(?i){_JOIN}")
# ... after a number, with its own unit before it ("30 mg/m2/day and 300 mg/m2/day")
_UNIT_BEFORE_JOIN = r"[^\s\d,;:.()\[\]][^,;:()\[\]]{0,30}?"
_UNIT_JOINED = lazy(rf"(?i)\s*{_UNIT_BEFORE_JOIN}{_JOIN}")
# The words from the last number to "respectively": its unit, a comma or a bracket ("300 mg/m2/day,
# respectively", "300 mg/m2 (respectively")
_TO_RESPECTIVELY = lazy(rf"(?i)(?:\s*{_UNIT_BEFORE_JOIN})?\s*[,(]?\s*")
# ... and from "respectively" before the numbers to the first of them: a few words, no stop ("were,
# respectively, 30 and 300 mg/m2", "respectively at doses of 30 and 300 mg/m2")
_FROM_RESPECTIVELY = lazy(r"(?i)\s*[,:]?\s*(?:[^\W\d]+\s+){0,4}")
# A parenthesis right after an item, its abbreviation or its dose ("fludarabine (Flu) and
# cyclophosphamide (Cy)"): an aside, no item of the enumeration
_ASIDE = lazy(r"\s*\([^()]{0,40}\)")
# Where a sentence stops: no enumeration runs across it
_STOP = lazy(r"[;!?]|\.(?=\s|\Z)")


def respectively(quote: str, terms: list[tuple[int, int]]) -> list[Respective]:
    """The items of the quote's enumerations that "respectively" pairs in order with numbers:
    "fludarabine and cyclophosphamide at 30 and 300 mg/m2/day, respectively", "A, B and C at X, Y and Z
    mg/m2 respectively", "A and B were, respectively, X and Y mg/m2"; terms are where the quote writes
    the items (a vocabulary's renderings). An enumeration of items and one of numbers that do not count
    alike pair none, nor do words that pair items and numbers without "respectively"."""
    out: list[Respective] = []
    if not terms or _RESPECTIVELY.search(quote) is None:
        return out
    asides = [(m.start(), m.end()) for t in terms if (m := _ASIDE.match(quote, t[1])) is not None]
    items = sorted(t for t in terms if not any(a <= t[0] and t[1] <= b for a, b in asides))
    found = numbers(quote)
    for r in _RESPECTIVELY.finditer(quote):
        stops = [m.start() for m in _STOP.finditer(quote)]
        lo = max((s + 1 for s in stops if s < r.start()), default=0)
        hi = min((s for s in stops if s >= r.end()), default=len(quote))
        chain = _numbers_before(quote, found, lo, r.start())
        if len(chain) >= 2:
            first = chain[0].start
        else:
            # (a number alone before it is no enumeration's: "... 2025-08-17 Arm A and Arm B receive,
            # respectively, 3×10^6 and 1×10^6 ..." paired none, its numbers after it unread)
            chain = _numbers_after(quote, found, r.end(), hi)
            first = r.start()
        named = _items_before(quote, items, lo, first)
        if len(chain) < 2 or len(named) != len(chain):
            continue
        units = [n.end for n in chain]
        for i in range(len(chain) - 2, -1, -1):  # a number with no unit of its own: the next one's
            if _JOINED.fullmatch(quote, chain[i].end, chain[i + 1].start):
                units[i] = units[i + 1]
        out.extend(Respective(s, e, n, u) for (s, e), n, u in zip(named, chain, units))
    return out


def respective_terms(quote: str, places: Sequence[tuple[int, int, frozenset]]) -> list[tuple[frozenset, Respective]]:
    """respectively() of the terms a vocabulary finds in the quote (its renderings: start, end and
    values), each with its values: "fludarabine and cyclophosphamide at 30 and 300 mg/m2/day,
    respectively" gives FLUDARABINE 30 and CYCLOPHOSPHAMIDE 300, each with the unit after 300."""
    values = {(start, end): v for start, end, v in places}
    out = []
    for r in respectively(quote, list(values)):
        out.append((values[(r.start, r.end)], r))
        # (and its abbreviation in the aside after it, the same item's: "fludarabine (Flu) and ...")
        aside = _ASIDE.match(quote, r.end)
        out.extend(
            (v, Respective(start, end, r.number, r.unit_at))
            for (start, end), v in values.items()
            if aside is not None and aside.start() <= start and end <= aside.end() and v == values[(r.start, r.end)]
        )
    return out


# A label of an arm or a cohort as sources write one: a part's noun and its designator ("Arm B", "Cohort 2",
# "Dose level 3", "Group II", "DL1")
_PART_LABEL = lazy(
    rf"(?i)(?<![\w-])(?:{kept_out.PART}|groups?|(?:dose[ \t]+)?levels?|DL)"
    r"(?:[ \t]*[0-9]{1,2}[a-z]?|[ \t]+(?:[A-Z]|[IVX]{1,4}))(?![\w-])"
)


def respective_labels(quote: str, labels: Sequence[str]) -> list[tuple[str, Respective]]:
    """respectively() of the arms' or cohorts' labels the quote writes, each with its label: labels (the
    record's, written whole) and any part's noun with its designator (_PART_LABEL: "Arm B", "Cohort 2").
    "Arm A and Arm B receive 1×10^6 and 3×10^6 CAR-T cells/kg, respectively" gives "Arm A" 1×10^6 and
    "Arm B" 3×10^6."""
    folded = quote.casefold()
    places: dict[tuple[int, int], str] = {}
    for label in labels:
        if not label:
            continue
        at = folded.find(label.casefold())
        while at >= 0:
            places[(at, at + len(label))] = label
            at = folded.find(label.casefold(), at + 1)
    for m in _PART_LABEL.finditer(quote):
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in places):
            places[(m.start(), m.end())] = m.group(0)
    # (of two labels at one place, the longer: "Arm A" in "Arm A1")
    terms = [t for t in places if not any(s <= t[0] and t[1] <= e and e - s > t[1] - t[0] for s, e in places)]
    return [(places[(r.start, r.end)], r) for r in respectively(quote, terms)]


def _numbers_before(quote: str, found: list[Number], lo: int, at: int) -> list[Number]:
    """The enumeration of numbers that ends right before "respectively" at quote[at:], within lo."""
    chain: list[Number] = []
    for n in reversed([n for n in found if lo <= n.start and n.end <= at]):
        gap_end = chain[0].start if chain else at
        fits = _TO_RESPECTIVELY if not chain else None
        if fits is not None:
            if fits.fullmatch(quote, n.end, gap_end) is None:
                break
        elif _JOINED.fullmatch(quote, n.end, gap_end) is None and _UNIT_JOINED.fullmatch(quote, n.end, gap_end) is None:
            break
        chain.insert(0, n)
    return chain


def _numbers_after(quote: str, found: list[Number], at: int, hi: int) -> list[Number]:
    """The enumeration of numbers a few words after "respectively" ending at quote[:at], within hi."""
    chain: list[Number] = []
    for n in [n for n in found if at <= n.start and n.end <= hi]:
        if not chain:
            if _FROM_RESPECTIVELY.fullmatch(quote, at, n.start) is None:
                break
        elif (
            _JOINED.fullmatch(quote, chain[-1].end, n.start) is None
            and _UNIT_JOINED.fullmatch(quote, chain[-1].end, n.start) is None
        ):
            break
        chain.append(n)
    return chain


def _items_before(quote: str, items: list[tuple[int, int]], lo: int, at: int) -> list[tuple[int, int]]:
    """The enumeration of items whose last is the last item before quote[at:], within lo."""
    chain: list[tuple[int, int]] = []
    for s, e in reversed([t for t in items if lo <= t[0] and t[1] <= at]):
        if chain:
            aside = _ASIDE.match(quote, e)
            end = aside.end() if aside is not None and aside.end() <= chain[0][0] else e
            if _JOINED.fullmatch(quote, end, chain[0][0]) is None:
                break
        chain.insert(0, (s, e))
    return chain


# A number the words around it give as a bound on the dose from below, which states no dose: "more
# than 30 mg/m2/day", "at least 1×10^6 cells/kg", "≥ 1×10^6", "not less than 30", "30 mg/m2/day or
# more". Each bound a dose of the number (a cohort's or a lymphodepleting agent's) the source never
# gives. (A bound from above, "less than 30", "under 1×10^8", "not more than 30", is a cap, read as the
# dose only in a note, as "<" and "up to" are.)
_FLOOR_AFTER = lazy(
    r"(?i)(?:\s*[^\s\d,;.()][^\s,;()]*){0,4}?\s*,?\s*(?:or|and)\s+(?:more|higher|greater|above|over)\b|\+(?![\w\d\s])"
)


def part_of(quote: str, start: int) -> bool:
    """Whether the number at start is given as a part of another dose ("half of", "10% of") or as its
    tolerance ("± 0.5×10^6"): no dose (_PART_OF_BEFORE)."""
    return _PART_OF_BEFORE.search(quote, max(0, start - 40), start) is not None


def dose_floor(quote: str, start: int, end: int) -> bool:
    """Whether the number at start:end is a bound on a dose from below: a comparator of "greater" before
    it ("more than", "at least", "≥", "not below") or "or more" after its unit words."""
    before = comparator_before(quote, start)
    if before is not None and before[1] is None and before[0] in (">", ">="):
        return True
    return _FLOOR_AFTER.match(quote, end, min(len(quote), end + 80)) is not None


def dose_limit(quote: str, start: int, end: int) -> str | None:
    """CAP_READING or RANGE_READING when the number at start:end is a cap on the dose or an end of a
    range of doses, else None."""
    before = quote[max(0, start - 80) : start]
    if _CAP_BEFORE.search(before) or _CAP_AFTER.match(quote, end, min(len(quote), end + 80)):
        return CAP_READING
    bound = comparator_before(quote, start)
    if bound is not None and bound[1] is None and bound[0] in ("<", "<="):
        return CAP_READING  # "less than 30", "under 1×10^8", "not more than 30": a cap, as "<" is
    if _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(quote, end, min(len(quote), end + 80)):
        return RANGE_READING
    return None


def doses(quote: str) -> tuple[Dose, ...]:
    """Every number that could be a dose, with its basis: "1×10^6/kg" (or "... cells/kg", "per kg")
    is per kilogram; a number with "flat", "fixed" or "total" in the quote is flat; any other is read
    as flat (a reading). A number the words give as a maximum or as an end of a range is the dose
    only as a reading too (limit)."""
    out = []
    for n in numbers(quote):
        if dose_floor(quote, n.start, n.end) or part_of(quote, n.start):
            continue  # a bound from below ("more than 1×10^6 cells/kg"), a part of another dose: no dose
        limit = dose_limit(quote, n.start, n.end)
        per_kg = _PER_KG.match(quote, n.end)
        if per_kg:
            out.append(Dose(n.value, "PER_KG", per_kg.end(), n.start, per_kg.end(), None, limit))
            continue
        # "1×10^6 CAR-T cells/kg" or "... cells per kilogram": the unit's words, then per kilogram
        tail = _UNIT_PER_KG.match(quote[n.end : n.end + 80])
        basis = "PER_KG" if tail else "FLAT"
        reading = None if basis == "PER_KG" or FLAT_WORDS.search(quote) else FLAT_READING
        out.append(Dose(n.value, basis, n.end, n.start, n.end, reading, limit))
    return tuple(out)


# What may follow a dose's unit: the end, punctuation, or a word that starts a new phrase ("... CAR-T
# cells for patients 1 to 3"); anything else means the unit runs on ("CAR-T" is not "CAR-T cells").
_AFTER_UNIT = lazy(
    r"(?:$|[\s]*[,.;:()\[\]/]|\s+(?:for|per|in|to|at|on|and|or|via|by|each|daily|once|twice|respectively|"
    r"administered|given|infused|intravenously|IV|i\.v\.)\b)",
    re.I,
)


def unit_follows(quote: str, at: int, unit: str) -> bool:
    """Whether the words from at are the unit, whole: the unit (case of the first letter aside), then
    the end of the unit's phrase."""
    rest = quote[at:].lstrip()
    wanted = nfkc(unit)
    written = rest[: len(wanted)]
    # (the rest of its letters as the quote writes them: "car-t cells" of "CAR-T cells" passed)
    if written[:1].lower() != wanted[:1].lower() or written[1:] != wanted[1:]:
        return False
    return bool(_AFTER_UNIT.match(rest, len(wanted)))


_PATIENTS = lazy(r"(?i)\b(?:patients?|participants?|subjects?)\s+(?:no\.?\s*)?(\d+)(?:\s*(?:to|-|–|through)\s*(\d+))?")
# what makes the numbers after "patients" a quantity, not patients: "patients 18 to 65 years", "40 kg"
_NOT_PATIENTS = lazy(r"(?i)\.?\d|\s*(?:years?|yrs?|months?|weeks?|days?|kg|%|percent)\b")


def patient_ranges(quote: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """The patient ranges a quote names (between lo and hi): "patients 1 to 3" (1, 3), "patient 4" (4, 4)."""
    found = _PATIENTS.finditer(quote, lo, len(quote) if hi is None else hi)
    return [(int(m.group(1)), int(m.group(2) or m.group(1))) for m in found if not _NOT_PATIENTS.match(quote, m.end())]


_COUNT_AFTER = lazy(r"\s*(?:participants?|patients?|subjects?|people|persons)\b", re.I)
# A count label: "Enrollment: 24", the JSON's "enrollmentInfo.count: 24", a "Count: 24" of its own, but
# not a count of something else ("Platelet count: 100" is no enrollment of 100; nor "CD4 count: 200")
_COUNT_BEFORE = lazy(
    r"(?i:(?:enrollment|enrolment)(?: count)?|(?:participant|patient|subject) count|enrollmentInfo\.count|"
    r"(?<![\w-])(?<![\w-] )count|sample size|(?:planned )?number of (?:participants|patients|subjects)"
    r"(?: (?:enrolled|enroled|to be enrolled|planned))?)\s*:?\s*\Z"
)


# A count of a part of the study: "12 participants per arm", "Enrollment: 3 in each cohort", "6 patients
# each", "6 people/arm". It bound an enrollment of 12 where the trial enrols 12 in each of its arms.
# So is a count in a part the words name after it ("12 participants in the CAR-T arm", "... in cohort
# 1") or before it: the parts it is one of ("two cohorts of 12 participants") or the whole it is some
# of ("24 participants, of whom 12 ...", "including 12 ..."), which bound an enrollment of 12. "Each"
# after any word of the count's clause that puts people somewhere ("3 patients at each dose level",
# "6 participants treated at each dose", "10 participants on every site") counts a part, and so does
# a part named by more words or other words ("12 participants in the dose-escalation phase", "in the
# Phase 1b part", "in dose expansion", "at dose level 1"): each bound an enrollment of the part's count.
# A phase with its number is the trial's ("24 participants in the Phase 1 trial"), no part of it.
_PART_NOUNS = (
    r"(?:cohort|arm|group|part|stage|portion|period|segment|sub-?study|run-in|expansion|escalation|"
    r"(?:dose\s+)?level|phase(?!\s*(?:[0-9]|I\b|II|III|IV|V\b)))"
)
_COUNT_OF_PART = lazy(
    r"\s*(?:/|(?:per|each|in each|in every|for each|a|an)\b|"
    r"(?:[a-z-]+\s+){0,3}?(?:at|on|in|into|within|for|from|across|during|under)\s+(?:each|every)\b|"
    rf"(?:[a-z-]+\s+){{0,3}}?(?:in|at|during|within|into)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{_PART_NOUNS}s?\b)",
    re.I,
)
_COUNT_PART_BEFORE = lazy(
    r"(?i)\b(?:(?:cohorts?|arms?|groups?|sites?|centers?|centres?|parts?|stages?)\s+of|"
    r"of\s+(?:whom|which|these|them)|including|among\s+(?:them|whom|these))\s*\Z"
)


# A count of another group than those enrolled, by the words of its clause before it ("Screening
# failures: 12 participants", "withdrawals: 3") or right after it ("12 participants withdrew", "... were
# screened", "... completed the study", ClinConnect's "0 patients applied"). It bound an enrollment of 12.
_OTHER_GROUP = (
    r"screen(?:ing)?[ -]?fail(?:ures?|ed)|screened|withdr(?:ew|awn|awals?)|discontinu(?:ed|ations?)|"
    r"dropped out|drop-?outs?|excluded|died|deaths?|lost to follow[- ]?up|appl(?:ied|icants?)|"
    # those the trial looked at before enrolling some of them (CONSORT's first box): "40 patients were
    # assessed for eligibility", "8 were ineligible", "30 participants consented" bound an enrollment
    r"assessed(?:\s+for\s+eligibility)?|(?:in|not\s+)eligible|did\s+not\s+meet|consented|approached|referred|invited|contacted|"
    # those who would not or could not take part ("60 participants declined to take part", "60 participants
    # failed screening", "60 participants will not be enrolled"), which bound an enrollment of 60
    r"declin(?:ed|ing)|refus(?:ed|als?)|opted\s+out|rejected|fail(?:ed|ing)\s+(?:the\s+)?(?:screening|eligibility)|"
    r"not\s+(?:be(?:en)?\s+)?(?:enrol(?:l)?ed|included|randomi[sz]ed|treated|dosed|infused)|"
    # ... or whom the trial will not, or no longer plans to, take in ("The study will not enroll 60
    # participants", "no longer plans to recruit 60 patients", "won't treat 60 patients")
    r"(?:not|never|no\s+longer|(?:do|does|did|will|would|could|should|can|wo|ca)n['\u2019]t)\s+"
    r"(?:(?:plans?|intends?|expects?|aims?|seeks?|hopes?)\s+to\s+)?"
    r"(?:enrol(?:l)?(?:s|ing)?|includ(?:e|es|ing)|recruit(?:s|ing)?|randomi[sz](?:e|es|ing)|treat(?:s|ing)?|"
    r"dos(?:e|es|ing)|infus(?:e|es|ing)|accept(?:s|ing)?|admit(?:s|ting)?)"
)
_OTHER_GROUP_BEFORE = lazy(rf"(?i)\b(?:{_OTHER_GROUP})\b[^.;,\d]*\Z")  # in the count's clause
_OTHER_GROUP_VERB = (
    r"\s+(?:(?:were|was|have|had|who|that|will|would|could|can|did|do|may|might|shall|are|is)\s+)?"
    rf"(?:{_OTHER_GROUP}|completed)\b"
)
_OTHER_GROUP_AFTER = lazy(rf"(?i){_OTHER_GROUP_VERB}")
# ... and the same people enrolled ("24 patients were screened and enrolled", "24 patients who completed
# screening were enrolled"): the count is of those enrolled
_WERE_ENROLLED = r"(?:(?:were|was|have\s+been|had\s+been)\s+)?enrol(?:led|ed)"
_ALSO_ENROLLED = lazy(r"(?i)(?:\s+screening)?\s+(?:and\s+)?" + _WERE_ENROLLED + r"\b")
# ... but not those enrolled, or found, somewhere else than this trial, by the words right after the
# count: a patient registry, a database or a biobank ("40 patients enrolled in a lupus registry",
# "40 patients from the Hopkins Lupus Cohort registry"), another study ("40 patients enrolled in a
# previous study", "... in an observational study"). "After screening 40 patients enrolled in a
# registry, 24 patients were enrolled." bound an enrollment of 40, read as those screened and enrolled
_ENROLLED_ELSEWHERE = lazy(
    r"(?i)\s+(?:(?:who|that)\s+)?(?:(?:were|was|are|is|have\s+been|had\s+been)\s+)?"
    r"(?:(?:enrol(?:l)?ed|included|registered|recorded|followed(?:\s+up)?|participating|identified|held|stored|"
    r"kept|listed|captured|collected)\s+)?"
    r"(?:in|into|from|at|of|within|by|across|over)\s+(?:"
    r"(?:(?:an?|the|another|other|their|its|our|this|that|one|two|several)\s+)?(?:[^\W\d_][\w'’-]*\s+){0,3}?"
    r"(?:registr(?:y|ies)|data\s*bases?|bio-?banks?|repositor(?:y|ies))(?!['’])"
    r"|(?:another|other|(?:an?|the)\s+(?:previous|prior|earlier|separate|parent|different|observational|"
    r"natural[-\s]history|feeder))\s+(?:[\w-]+\s+){0,2}?(?:stud(?:y|ies)|trials?|cohorts?)"
    # ... or in this trial and others together ("60 participants across both studies", "in all three trials")
    r"|(?:both|all|(?:the\s+)?(?:two|three|four|several)|all\s+(?:the\s+)?(?:two|three|four))\s+"
    r"(?:[\w-]+\s+){0,2}?(?:stud(?:y|ies)|trials|protocols))\b"
)


# ... nor a plan its statement goes on to give the count enrolled against ("Enrollment: 60 patients
# planned, 20 enrolled", "60 planned; 20 actually enrolled", "60 patients were expected, but only 20
# were enrolled", "60 anticipated; actual enrollment: 20", "The study planned to enroll 60 patients but
# enrolled 20", "Planned enrollment: 60; actual: 20"): the trial's count is the later one, and the
# plan's superseded. Each bound an enrollment of 60. Not where the count enrolled is one so far ("20
# enrolled to date", "so far 20 have been enrolled"): the plan of a trial still recruiting stands.
_ENROLLED_VERB = r"(?:enrol+ed|recruited|included|randomi[sz]ed|treated|dosed|infused)(?![\w-])"
_ENROLLED_COUNT = (
    rf"(?:(?<![\w.,])(?:\d[\d,]*|{WORDS_NUMBER})[ \t]+(?:[\w-]+[ \t]+){{0,2}}?"
    r"(?:(?:were|was|have[ \t]+been|has[ \t]+been|had[ \t]+been|are|actually|finally|ultimately|eventually|only)"
    rf"[ \t]+)*{_ENROLLED_VERB}"
    rf"|(?<![\w-]){_ENROLLED_VERB}[ \t]+(?:(?:only|just|a[ \t]+total[ \t]+of)[ \t]+)?(?:\d|{WORDS_NUMBER})"
    r"|actual(?:[ \t]+(?:enrol+ment|number|count|sample[ \t]+size))?(?:[ \t]+(?:was|is|of))?"
    rf"[ \t]*[:=\u2013\u2014-]?[ \t]*(?:\d|{WORDS_NUMBER}))"
)
_ENROLLED_LATER = rf"[^.!?\n\d]{{0,40}}?{_ENROLLED_COUNT}"
# (the plan after the count, "60 patients planned", "60 (anticipated)", "were expected")
_PLAN_AFTER = (
    r"(?i)[ \t]*(?:[(\[][ \t]*)?(?:(?:were|was|are|is|had[ \t]+been|have[ \t]+been)[ \t]+)?"
    rf"(?:{planned.PLANNED}|targeted|estimated)\b"
)
_PLAN_THEN_ENROLLED = lazy(_PLAN_AFTER + _ENROLLED_LATER)
_PLANNED_AFTER = lazy(_PLAN_AFTER)
# (or the count enrolled opening the next sentence, of a plan before or after the count: "Planned enrollment:
# 60 patients. 20 patients were enrolled."; not words of another group first: "In the pilot, 20 were enrolled")
_NEXT_OPENER = (
    r"(?:but[ \t]+)?(?:only[ \t]+)?(?:(?:however|in[ \t]+total|overall|finally|ultimately|eventually|"
    r"in[ \t]+the[ \t]+end|to[ \t]+date|so[ \t]+far|thus[ \t]+far|as[ \t]+of[ \t]+now),?[ \t]+)?"
)
_ENROLLED_NEXT = lazy(r"(?i)[^.!?\n\d]{0,40}?[.!?][ \t]+" + _NEXT_OPENER + _ENROLLED_COUNT)
# (or before it, "planned to enroll 60", "Planned enrollment: 60", "a target of 60")
_PLAN_BEFORE = lazy(
    r"(?i)(?:\b(?:plan(?:s|ned)?|intend(?:s|ed)?|aim(?:s|ed)?|expect(?:s|ed)?|target(?:s|ed)?|sought|seeks?)[ \t]+"
    r"to[ \t]+(?:enrol+|recruit|include|treat|randomi[sz]e)"
    rf"|\b(?:{planned.PLANNED}|target(?:ed)?|estimated)[ \t]+"
    r"(?:enrol+ment|sample[ \t]+size|number(?:[ \t]+of[ \t]+\w+)?)"
    r"[ \t]*(?:[:=]|of|was|is)?|\ba[ \t]+target[ \t]+of)"
    r"[ \t]+(?:(?:a[ \t]+total[ \t]+of|approximately|about|around|up[ \t]+to)[ \t]+)?\Z"
)
_ENROLLED_AFTER = lazy(rf"(?i){_ENROLLED_LATER}")
_SO_FAR = lazy(
    r"(?i)\b(?:so[ \t]+far|to[ \t]+date|thus[ \t]+far|as[ \t]+of|currently|at[ \t]+present|until[ \t]+now|"
    r"up[ \t]+to[ \t]+now|by[ \t]+now|already|yet)\b"
)
_CLAUSE_STOP = lazy(r"[.;!?\n]|\Z")


# ... or any count its statement gives a new one after, labelled so ("Enrollment: 60 patients; revised
# enrollment: 20 patients", "60 participants; actual enrollment: 20", "60; updated target: 40")
_NEW_COUNT_AFTER = lazy(
    r"(?i)[^.!?\n\d]{0,40}?\b(?:revised|amended|updated|new|current|corrected|actual|final)[ \t]+"
    r"(?:enrol+ment|target|count|number|sample[ \t]+size|total)(?:[ \t]+(?:is|was|of))?[ \t]*[:=\u2013\u2014-]?[ \t]*"
    rf"(?:\d|{WORDS_NUMBER})"
)


# (the next sentence, opening with a count enrolled: what a plan's sentence is read with)
_ENROLLED_OPENS = lazy(r"(?i)[.!?]?[ \t]+" + _NEXT_OPENER + _ENROLLED_COUNT)


def enrolled_next(text: str, at: int) -> bool:
    """Whether the sentence after text[at], a sentence's end, opens with a count enrolled ("Planned
    enrollment: 60 patients. 20 patients were enrolled."): the plan's sentence is read with it, which
    may supersede the plan (_ENROLLED_NEXT)."""
    return _ENROLLED_OPENS.match(text, at) is not None


def _superseded_plan(quote: str, start: int, end: int) -> bool:
    """Whether the count at start:end is a plan its statement gives the count enrolled against
    (_PLAN_THEN_ENROLLED, or _PLAN_BEFORE and _ENROLLED_AFTER; or either plan and the next sentence's,
    _ENROLLED_NEXT, where the quote holds it: enrolled_next), not one so far (_SO_FAR, from the plan
    to the enrolled count's clause end); or a count its statement gives a new one after (_NEW_COUNT_AFTER)."""
    if _NEW_COUNT_AFTER.match(quote, end):
        return True
    then = _PLAN_THEN_ENROLLED.match(quote, end)
    plan_before = _PLAN_BEFORE.search(quote, max(0, start - 60), start) is not None
    if then is None and plan_before:
        then = _ENROLLED_AFTER.match(quote, end)
    if then is None and (plan_before or _PLANNED_AFTER.match(quote, end)):
        then = _ENROLLED_NEXT.match(quote, end)
    if then is None:
        return False
    stop = _CLAUSE_STOP.search(quote, then.end())
    return _SO_FAR.search(quote, max(0, start - 60), stop.start() if stop else len(quote)) is None


# ... or a count of those who had an outcome, by the words right after it ("6 patients responded", "Six
# patients achieved remission", "3 patients experienced CRS", "4 patients were in remission"): some of
# those enrolled, which bound an enrollment of 6 where the source says 20 were enrolled. "All 12
# patients achieved ..." counts them all, and "enrolled 12 patients who achieved ..." says who they were.
_OUTCOME_AFTER = lazy(
    r"(?i)\s+(?:(?:were|was|have|has|had)\s+)?(?:(?:also|then|later|subsequently)\s+)?"
    r"(?:respond(?:ed|s)|achiev(?:ed|es)|attain(?:ed|s)|reach(?:ed|es)|relaps(?:ed|es)|flared|"
    r"experienc(?:ed|es)|develop(?:ed|s)|show(?:ed|s)|improv(?:ed|es)|recover(?:ed|s)|"
    r"(?:remained\s+|remain\s+|are\s+)?in\s+(?:[a-z-]+\s+){0,2}?remission|"
    # ("3 patients entered remission", "went into remission", "met the primary endpoint", "had a complete
    # renal response", "were responders": some of them too, each read as the enrollment)
    r"enter(?:ed|s)|(?:went|go|goes)\s+into|m(?:et|eets)\s+the|(?:are|were)\s+(?:[a-z-]+\s+){0,2}?(?:non-?)?responders|"
    r"(?:had|has|have)\s+(?:(?:a|an|the)\s+)?(?:(?!(?:inadequate|insufficient|incomplete|poor|no|lack)\b)[a-z-]+\s+){0,2}?"
    r"(?:responses?|remissions?|flares?|relapses?|CRS|ICANS|cytokine|infections?|adverse|serious))\b"
)
_ALL_BEFORE = lazy(r"(?i)\ball(?:\s+of\s+the|\s+the)?\s+\Z")
# ... but not one whose outcome is the enrolment itself ("24 patients completed enrollment", "A total of
# 24 patients achieved enrollment"): read as an outcome of some of them, or as those who completed the
# study, an honest enrollment of 24 was refused E508
_ENROLMENT_DONE = lazy(
    r"(?i)\s+(?:(?:have|has|had)\s+)?(?:completed|achieved|reached|attained)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:enrol+ment|recruitment)(?![\w-]|\s+(?:visits?|criteria|periods?|windows?|targets?|goals?)\b)"
)
# ... or a count of some of them, by a word before it that picks them out of the rest ("the first 3
# patients", "an additional 6 patients", "the remaining 12"), or as a part of a count of people before
# it in its sentence, after a comma, a colon, a dash or a parenthesis opened after that count ("30
# participants, 15 healthy volunteers and 15 patients", "30 participants (15 patients with SLE ...)"):
# each bound an enrollment of the part, where the source gave the total
_SOME_OF_THEM_BEFORE = lazy(
    r"(?i)\b(?:first|last|initial|next|remaining|additional|further|other|another|final|latest|earliest|"
    r"subsequent|latter|former|previous|second|third)"
    r"(?:\s+of\s+the)?\s+\Z"
)
# (a count that says itself that they were enrolled is none: "After screening 40 patients, 24 patients
# were enrolled.", "We screened 40 patients - 24 patients were enrolled.")
_ENROLLED_ALONE = lazy(
    r"(?i)\s+" + _WERE_ENROLLED + r"(?:\s+(?:in|into)\s+(?:the|this)\s+(?:study|trial))?\s*(?:[.;!?]|\Z)"
)
_BREAKDOWN_OPENS = lazy(r"\s*(?:[,:(–—]|\s-\s)[^.;!?]*\Z")
# ... nor a count of people that another count of people is added to in its sentence ("60 patients with
# lupus nephritis and 20 without", "40 adults and 20 adolescents", "40 participants, plus 20 in the
# extension", "40 participants; 20 more in China"): each bound an enrollment of the first, a part of
# the trial's. The other count is of people by its noun (healthy controls too), or by a word that
# stands for one ("20 without", "20 more", "20 in China"); numbers of other things ("and 3 sites", "and
# 2 prior therapies") add no one. A breakdown in a bracket or after "of whom" is the count's own parts.
_PEOPLE = (
    r"(?:participants?|patients?|subjects?|people|persons?|individuals?|adults?|child(?:ren)?|adolescents?|"
    r"infants?|men|women|volunteers?|controls?|cases?)"
)
_ADDED = (
    r"(?:(?<![\w-])(?:and|plus|as\s+well\s+as|along\s+with|together\s+with|in\s+addition\s+to|then|"
    r"followed\s+by|and\s+later|later)(?![\w-])|[+&])"
)
_ADDED_COUNT = (
    rf"(?:another\s+|a\s+further\s+|an\s+additional\s+)?(?:\d[\d,]*|{WORDS_NUMBER})\s+"
    rf"(?:(?:[\w-]+\s+){{0,3}}?{_PEOPLE}|more|others?|additional|extra|further|without|with|in|at|from)(?![\w-])"
)
# (within the count's own clause: past a verb, "12 patients have been enrolled and 6 patients have
# responded" goes on to what some of them did)
_IN_ITS_CLAUSE = (
    r"(?:(?!(?<![\w-])(?:have|has|had|were|was|are|is|will|would|been|being|shall|may|might)(?![\w-]))"
    r"[^.;!?\d()\[\]])"
)
_A_NUMBER = rf"(?:\d[\d,]*|{WORDS_NUMBER})"
_MORE = r"(?:more|additional|further|extra)"
_ANOTHER_COUNT_AFTER = lazy(
    # (not a count of some of them that left or were kept out: "12 patients enrolled, then 2 patients
    # withdrew" adds no one to the 12)
    rf"(?i)(?:{_IN_ITS_CLAUSE}{{0,60}}?\s*{_ADDED}\s*{_ADDED_COUNT}(?!{_OTHER_GROUP_VERB})"
    rf"|\s*;\s*{_A_NUMBER}\s+{_MORE}(?![\w-])"
    # (or "with" a number more: "60 patients, with 20 more if funding allows", "with another 20", "with an
    # extra 20", "with up to 20 more")
    rf"|\s*,?\s*with\s+(?:(?:another|a\s+further|an\s+additional|an\s+extra)\s+{_A_NUMBER}(?:\s+{_MORE})?"
    rf"|(?:(?:up\s+to|as\s+many\s+as|at\s+most)\s+)?{_A_NUMBER}\s+{_MORE})(?![\w-]))"
)
_ANOTHER_COUNT_BEFORE = lazy(
    rf"(?i)(?<![\w.,])(?:\d[\d,]*|{WORDS_NUMBER})\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}(?![\w-])"
    rf"{_IN_ITS_CLAUSE}{{0,60}}?\s*{_ADDED}\s*(?:another\s+|a\s+further\s+|an\s+additional\s+)?\Z"
)
# ... and a count of those the trial looks at before enrolling some of them, after the verb ("After
# screening 40 patients, 24 patients were enrolled", "Screening of 40 patients", "assessing 40
# patients"): _OTHER_GROUP_BEFORE knew "screened" and "screening failures", and "screening 40 patients"
# bound an enrollment of 40. Not where the count's own words say they were enrolled ("After screening
# 24 patients were enrolled": the screening is the step they were enrolled after). Nor a count the verb
# has no hold of, where a therapy is evaluated or assessed: "evaluating CAR-T cells in 24 patients"
# counts those enrolled, and refused the honest enrollment E508 (screening "in 24 patients" still
# counts those screened: "Screening is ongoing in 24 patients").
_SCREENING_BEFORE = lazy(
    # (the verb too: "We plan to screen 40 patients to enrol 24" bound an enrollment of 40)
    r"(?i)\b(?:screen|screens|screening|approaching)\b[^.;,\d]*\Z"
    r"|\b(?:assessing|evaluating)\b(?:(?!\b(?:in|among|across|within|amongst)\b)[^.;,\d])*\Z"
)


# A number that bounds the count, or ends a range of counts, states no count: "more than 60
# participants", "over 60", "fewer than 60", "60 or more participants", "Enrollment: 60-80
# participants", "between 60 and 80 participants" each bound an enrollment of 60 (or 80) the source
# never gives. A target an estimated count is given by stays one: "up to 60", "approximately 60", "at
# least 60" (a registry's planned enrollment is written so).
_COUNT_BOUND_BEFORE = lazy(
    r"(?i)(?:\b(?:more|fewer|less|greater)\s+than|\b(?:over|under|above|below|exceeding)"
    r"|\bbetween(?:\s+\d[\d,.]*\s+and)?|\d\s*(?:to|-|–|—)|[<>≤≥⩽⩾])\s*\Z"
)
_COUNT_BOUND_AFTER = lazy(
    r"(?i)\s*(?:(?:participants?|patients?|subjects?|people|persons)\s*)?"
    # (after a comma or in a bracket too: "60 patients, or fewer if recruitment is slow", "(or fewer)"; or
    # hedged: "60 patients, possibly fewer", "though maybe more")
    r"(?:[,;]?\s*[(\[]?\s*(?:(?:though|but|and)\s+)?"
    r"(?:or|or\s+(?:possibly|perhaps|maybe|potentially)|possibly|perhaps|maybe|potentially)"
    r"\s+(?:more|fewer|less|greater|over|above|under|below)\b|\+)"
    r"|\s*(?:to|-|–|—)\s*\d"
)


def counts(quote: str) -> list[float]:
    """Numbers the quote states as a number of people: "6 participants", "Enrollment: 24", not a count
    of a part ("12 participants per arm", "two cohorts of 12 participants", "of whom 12 ...") nor one
    of another group ("Screening failures: 12 participants", "12 participants withdrew")."""
    return [value for value, _ in count_places(quote)]


# A multiplication sign and digits after a number, or digits and one before it, spaced ("6 x 10", "2 × 30"):
# numbers() reads a product written so as its factors (a dose "2 x 10 mg" is read by its 10 mg), but
# neither factor is a count of people: "Enrollment: 6 x 10 participants" bound an enrollment of 6 or of 10
_TIMES_SPACED_AFTER = lazy(r"\s*[xX×*]\s*\d")
_TIMES_SPACED_BEFORE = lazy(r"\d\s*[xX×*]\s*\Z")


def count_places(quote: str) -> list[tuple[float, int]]:
    """counts(), each with where its number starts in the quote."""
    return [(value, start) for value, start, _ in count_spans(quote)]


def count_spans(quote: str) -> list[tuple[float, int, int]]:
    """counts(), each with where its number starts in the quote and where the count (its number and the
    word for those counted, "60 participants") ends."""
    out = []
    people_end: int | None = None  # where the last count of people before a number ends (_BREAKDOWN_OPENS)
    for n in numbers(quote):
        if in_ratio(quote, n.start, n.end):
            continue  # a side of a ratio, a titre or a time ("6:0 participants"): no count of people
        if _TIMES_SPACED_AFTER.match(quote, n.end) or _TIMES_SPACED_BEFORE.search(quote, max(0, n.start - 8), n.start):
            continue  # a factor of a product written with spaces ("6 x 10 participants"): no count either
        after = _COUNT_AFTER.match(quote, n.end)
        if not (after or _COUNT_BEFORE.search(quote[max(0, n.start - 40) : n.start])):
            continue
        of_people_before, people_end = people_end, (after.end() if after else people_end)
        if (
            of_people_before is not None
            and _BREAKDOWN_OPENS.match(quote, of_people_before, n.start)
            and not (after and _ENROLLED_ALONE.match(quote, after.end()))
        ):
            continue
        if _COUNT_PART_BEFORE.search(quote, max(0, n.start - 40), n.start):
            continue
        if kept_out.of_a_part(quote, n.start):
            continue  # a part's count, by its sentence's label ("Part A: 12 participants. Part B: 18 ...")
        if _COUNT_BOUND_BEFORE.search(quote, max(0, n.start - 40), n.start) or _COUNT_BOUND_AFTER.match(quote, n.end):
            continue  # a bound of the count or an end of a range of counts ("more than 60", "60-80")
        if _SOME_OF_THEM_BEFORE.search(quote, max(0, n.start - 24), n.start):
            continue
        if _OTHER_GROUP_BEFORE.search(quote, max(0, n.start - 40), n.start):
            continue
        end = after.end() if after else n.end
        if _ENROLLED_ELSEWHERE.match(quote, end):
            continue
        if _ANOTHER_COUNT_AFTER.match(quote, end) or _ANOTHER_COUNT_BEFORE.search(
            quote, max(0, n.start - 100), n.start
        ):
            continue  # a part of those enrolled, another count of people added to it
        if retracted.taken_back(quote, n.start, end):
            continue  # a count the words around it take back ("60 participants (cancelled)", "formerly 60")
        if retracted.count_left_open(quote, n.start, end) or _superseded_plan(quote, n.start, end):
            continue  # ... or leave open ("60 participants (if funding allows)", "to be confirmed", "60 planned,
            # 20 enrolled")
        if _SCREENING_BEFORE.search(quote, max(0, n.start - 40), n.start) and not _ALSO_ENROLLED.match(quote, end):
            continue
        done = _ENROLMENT_DONE.match(quote, end) is not None
        if (
            not done
            and _OUTCOME_AFTER.match(quote, end)
            and not _ALL_BEFORE.search(quote, max(0, n.start - 12), n.start)
        ):
            continue
        other = None if done else _OTHER_GROUP_AFTER.match(quote, end)
        if not _COUNT_OF_PART.match(quote, end) and (other is None or _ALSO_ENROLLED.match(quote, other.end())):
            out.append((n.value, n.start, end))
    return out


# --- dates ----------------------------------------------------------------------------------------

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH = "(?:" + "|".join(f"{m[:3]}(?:{m[3:]})?" for m in MONTHS) + r")\.?"
_DATE = lazy(
    rf"(?P<mdy>(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}}))"
    rf"|(?P<dmy>(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}}))"
    rf"|(?P<my>(?P<m3>{_MONTH}),?\s+(?P<y3>\d{{4}}))"
    r"|(?P<iso>(?<![\d-])\d{4}(?:-\d{2}(?:-\d{2})?)?(?![\d-]))"
)


def _month(name: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.lower().startswith(name.rstrip(".").lower()[:3]))


@dataclass(frozen=True)
class DateMention:
    value: str  # as a partial date: YYYY, YYYY-MM or YYYY-MM-DD
    start: int
    end: int


def dates(quote: str) -> tuple[DateMention, ...]:
    out = []
    for m in _DATE.finditer(quote):
        if m.group("mdy"):
            value = f"{m.group('y1')}-{_month(m.group('m1')):02d}-{int(m.group('d1')):02d}"
        elif m.group("dmy"):
            value = f"{m.group('y2')}-{_month(m.group('m2')):02d}-{int(m.group('d2')):02d}"
        elif m.group("my"):
            value = f"{m.group('y3')}-{_month(m.group('m3')):02d}"
        else:
            value = m.group("iso")
        out.append(DateMention(value, m.start(), m.end()))
    return tuple(out)


def held_before(as_of: str) -> Callable[[str], bool]:
    """Whether a source of as_of (a partial date: YYYY, YYYY-MM or YYYY-MM-DD; "" where none is known)
    falls wholly before a date its words give, as written: only then does it show a party's role still
    held at an end date ("(PI until 2026)"), a status still open at one ("Recruiting until 2027") or one
    not yet begun at a start date ("Recruiting from 2026": retracted.status_out_of_time). "(PI until
    August 2025)" in a source as of 2025-08-17 may have ended by then, and no as-of date shows nothing."""

    def held(end: str) -> bool:
        found = dates(end)
        if not as_of or not found:
            return False
        last = as_of + {4: "-12-31", 7: "-31"}.get(len(as_of), "")
        first = found[-1].value + {4: "-01-01", 7: "-01"}.get(len(found[-1].value), "")
        return last < first

    return held


# The words that make a date a bound the source sets on the date it speaks of, not that date: "Start
# date: before 2024-07-30", "no later than 2024-07-30", "after ...", "2024-07-30 or later", "... at
# the earliest", "between 2024-07-30 and 2024-09-30" each bound a start date of 2024-07-30 the
# source never gives. Right before the date, or right after it. A range's ends stay dates ("Study
# period: 2024-07-30 to 2025-12-31" gives the start and the completion), and so does "from
# 2024-07-30 onwards".
_DATE_BOUND_BEFORE = lazy(
    r"(?i)\b(?:before|after|by|prior\s+to|(?:no|not)\s+(?:later|earlier|sooner)\s+than|(?:later|earlier)\s+than"
    r"|not\s+(?:before|after)|between(?:\b[^.;\n]{0,25}\band)?)\s*\Z"
)
_DATE_BOUND_AFTER = lazy(r"(?i)\s*,?\s*(?:or\s+(?:later|earlier|before|after|sooner)|at\s+the\s+(?:earliest|latest))\b")


def date_bound(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is a bound set on the date the text speaks of ("before
    2024-07-30", "2024-07-30 or later"), not that date."""
    return bool(_DATE_BOUND_BEFORE.search(text, max(0, start - 40), start) or _DATE_BOUND_AFTER.match(text, end))


# The words a source labels each registry date with (dates.<name>); the labels of the source's own
# as-of date are its as_of_label and AS_OF_LABELS.
DATE_LABELS: dict[str, tuple[str, ...]] = {
    "start": (
        "Study Start",
        "Study start",
        "Start Date",
        "Start date",
        "Actual Study Start",
        "Estimated Study Start",
        "startDateStruct",
        "Start",
    ),
    "primary_completion": (
        "Primary Completion",
        "Primary completion",
        "Primary Completion Date",
        "primaryCompletionDateStruct",
    ),
    "completion": (
        "Study Completion",
        "Study completion",
        "Completion Date",
        "Completion date",
        "Estimated completion",
        "Estimated Completion",
        "completionDateStruct",
        "Completion",
    ),
    "first_submitted": (
        "First Submitted",
        "First submitted",
        "First submit",
        "studyFirstSubmitDate",
    ),
    "first_posted": ("First Posted", "First posted", "studyFirstPostDateStruct"),
    "last_updated": (
        "Last Update Posted",
        "Last Updated",
        "Last updated",
        "Last Update",
        "Trial updated",
        "lastUpdatePostDateStruct",
    ),
    "launched": ("Trial launched", "Launched by", "Launched"),
}
AS_OF_LABELS = (
    "Current as of",
    "as of",
    "As of",
    "Last Updated",
    "Last Update Posted",
    "lastUpdatePostDateStruct",
    "Last updated",
    "Updated",
)


# Labels of the registry's other dates, which the record has no field for, that hold a label of one
# it has ("Last Update" of "Last Update Submitted", "First Submitted" of "First Submitted that Met QC
# Criteria", "First Posted" of "Results First Posted"): read as that label, the date the registry
# received an update bound dates.last_updated, the date its review of the first submission ended
# dates.first_submitted (a label DATE_LABELS listed as the first submission's own). Each is a label of
# its own, the longest first (label_pattern), of a date no field is.
OTHER_DATE_LABELS = frozenset(
    {
        "First Submitted that Met QC Criteria",
        "Last Update Submitted",
        "Last Update Submitted that Met QC Criteria",
        "Results First Submitted",
        "Results First Submitted that Met QC Criteria",
        "Results First Posted",
        "Certification/Extension First Submitted",
        "Certification/Extension First Submitted that Met QC Criteria",
        "Certification/Extension First Posted",
    }
)
# Every label of a registry date (DATE_LABELS, OTHER_DATE_LABELS); an as-of date adds its own (binding._date).
LABEL_TEXTS = frozenset(text for texts in DATE_LABELS.values() for text in texts) | OTHER_DATE_LABELS
# A label prose writes after its date, in brackets, in any case: "2024-07-30 (completion)", "July 30,
# 2024 [study start]", "2024-07-30 (estimated primary completion date)"; each as the label text it is
_AFTER_LABELS = {text.lower(): text for text in sorted(LABEL_TEXTS, reverse=True) if " " in text or text.isalpha()}
_LABEL_AFTER = lazy(
    r"\s*[(\[]\s*(?:(?:actual|anticipated|estimated|expected|planned)\s+)?("
    + "|".join(map(re.escape, sorted(_AFTER_LABELS, key=lambda text: (-len(text), text))))
    + r")(?:\s+dates?)?\s*[)\]]",
    re.IGNORECASE,
)


def _label_after(text: str, end: int) -> str | None:
    """The label written in brackets right after a date ending at end ("2024-07-30 (completion)":
    "Completion"), as DATE_LABELS writes it; None for none. A label after a date in prose is the
    date's: read as unlabelled, "2024-07-30 (completion)" passed as a start date."""
    found = _LABEL_AFTER.match(text, end)
    return _AFTER_LABELS[folded(found.group(1))] if found is not None else None


def label_pattern(labels: frozenset[str]) -> re.Pattern[str]:
    """One pattern for a set of labels, each a whole phrase (no letter, digit or "_" on either
    side), the longest first: "Start Date" is one label, not "Start" before " Date"."""
    ordered = sorted(labels, key=lambda text: (-len(text), text))
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def label_spans(quote: str, pattern: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    """(start, end) of each label a label_pattern finds in the quote."""
    return tuple(m.span() for m in pattern.finditer(quote))


def label_of(
    quote: str,
    mention: DateMention,
    labels: tuple[tuple[int, int], ...],
    mentions: tuple[DateMention, ...] | None = None,
) -> str | None:
    """The label a date stands under, as written: the nearest label before it (labels: their
    label_spans) with no other date between (mentions: the quote's dates, when the caller has them),
    or else the label written in brackets right after it (_label_after, as DATE_LABELS writes it);
    None for neither. Every reader of a date's label reads both: binding did, and silence read
    "2024-07-30 (completion)" in a plain source as no completion date."""
    before = [label for label in labels if label[1] <= mention.start]
    if before:
        start, end = max(before, key=lambda label: label[1])
        if not any(end <= d.start < mention.start for d in (dates(quote) if mentions is None else mentions)):
            return quote[start:end]
    return _label_after(quote, mention.end)


# --- a criterion's label, a unit's end ----------------------------------------------------------

CRITERION_LABEL = lazy(r"^\(?(?P<number>[0-9]{1,3})[.)]\s+")  # a criterion's own label at the start of a quote


def is_label(quote: str, number: Number) -> bool:
    """A criterion label ("3)", "6.") at the start of a quote is not a value."""
    return number.start == 0 and bool(CRITERION_LABEL.match(quote))


_UNIT_GOES_ON = lazy(r"\s*(?:/|per\b)", re.I)  # "mg/m2" of "mg/m2/day" or "mg/m2 per day"


def whole_unit(quote: str, at: int, unit: str) -> bool:
    """Whether the words from at are the unit whole: not a unit cut before the "/day" or "per day"
    that goes on with it ("30 mg/m2/day" is no dose of 30 mg/m2)."""
    if not unit_follows(quote, at, unit):
        return False
    return not _UNIT_GOES_ON.match(quote[at:].lstrip(), len(nfkc(unit)))


# --- remembering readings, for one run ------------------------------------------------------------


class Reader:
    """The readings of quotes that binding asks for again and again, remembered for one run: a quote
    often binds several values of a record (a threshold's number, unit and comparator), and records
    quote the same passages. Remembering saved ~15% of a cold check's time on the benchmark's
    canonical records (docs/speed.md). One Reader per run (pipeline.Checker holds it and passes it to
    evidence.check), never one per module: nothing a run remembers outlives it. Each reading keeps
    at most `size` quotes, and a quote over 2,000 characters is read each time, so that a registry of
    megabyte-long quotes cannot fill memory."""

    def __init__(self, size: int = 4096) -> None:
        self.statements = _remembered(statements, size)
        self.written_statements = _remembered(written_statements, size)
        self.kind_of = _remembered(kind_of, size)
        self.ages = _remembered(ages, size)
        self.doses = _remembered(doses, size)
        self.dates = _remembered(dates, size)
        self.label_pattern = lru_cache(maxsize=64)(label_pattern)  # a few sets a run: LABEL_TEXTS, as-of labels
        self._label_spans = _remembered(label_spans, size)

    def label_spans(self, quote: str, labels: frozenset[str]) -> tuple[tuple[int, int], ...]:
        """label_spans() of the labels' pattern, both remembered."""
        return self._label_spans(quote, self.label_pattern(labels))

    def label_of(self, quote: str, mention: DateMention, labels: tuple[tuple[int, int], ...]) -> str | None:
        """label_of(), with the quote's dates remembered."""
        return label_of(quote, mention, labels, self.dates(quote))


def _remembered(function: Callable[..., T], size: int) -> Callable[..., T]:
    remembered = lru_cache(maxsize=size)(function)

    def call(quote: str, *args: Any) -> T:
        return remembered(quote, *args) if len(quote) <= 2000 else function(quote, *args)

    return call
