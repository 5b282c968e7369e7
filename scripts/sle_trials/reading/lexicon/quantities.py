"""Quantities as sources write them: numbers (digits, words, powers of ten, fractions, dozens, a number
written twice), units (UNITS, by their spellings), the comparators before and after a number
(COMPARATORS_BEFORE, COMPARATORS_AFTER), and a criterion's own label, which is no number."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from sle_trials.patterns import lazy
from sle_trials.reading import digits, lookalike
from sle_trials.reading.lexicon import instruments

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
TENS_JOIN = "(?:[ \t]*[-\u2010\u2011\u2013]\\s*|[ \t]+)"
# The same numbers as one table, a tens word and its unit joined by a hyphen ("twenty-four"): what a
# curator's entry names items by too (completeness: "criteria one and two")
CARDINALS = {
    **NUMBER_WORDS,
    **_TEEN_VALUES,
    **TENS_VALUES,
    **{f"{tens}-{unit}": value + NUMBER_WORDS[unit] for tens, value in TENS_VALUES.items() for unit in _DIGIT_WORDS},
}
# the cardinals up to twenty as one alternation, longest first, for a note's count of a few things ("four
# sub-criteria", "three of the five"): three readings of notes each built it
CARDINALS_TO_20 = "|".join(sorted((w for w, v in CARDINALS.items() if v <= 20), key=len, reverse=True))

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
_WORDS_NUMBER_READ = number_words({**CARDINALS, "zero": 0}, TENS_JOIN)


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
    parts = re.split(TENS_JOIN, folded(words))
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
# a power of ten per litre after a mantissa: the unit's ("× 10^9/L"), not the number's
_PER_LITRE = lazy(r"\s*/\s*[Ll](?![A-Za-z])")


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


# A name's own number, glued to it by a hyphen: an acronym (two capitals or more) then a hyphen right before
# digits that no unit and no comparator's words follow ("COVID-19", "IL-6", "SRI-4", "BILAG-2004", "SF-36"). Read
# as numbers, "Disease activity score (BILAG-2004) of at least 10 points" held "another limit" of 2004 and its
# measure was refused (E529), and "(SRI-4)" and "(IL-6)" alike. Digits a unit or a comparator's words follow
# are a limit however glued ("SLEDAI-6 or more", "WEIGHT-40 kg"); a comparator before the name is its own
# limit's ("SLEDAI-2K ≥ 6"), and digits glued to a lower-case word ("week-12") are read as before.
_NAME_GLUED_BEFORE = lazy(r"(?<![\w\-\u2010\u2011])(?=[A-Za-z]*[A-Z][A-Za-z]*[A-Z])[A-Za-z]+[-\u2010\u2011]\Z")


# ... and so is an instrument's version after a space ("BILAG 2004", "SLEDAI 2000": instruments.VERSIONS)
_VERSION = lazy(rf"(?<![\w\-]){instruments.VERSIONS}(?![\w\-])")


_HYPHENS = "-\u2010\u2011"


def _names_number(quote: str, start: int, end: int) -> bool:
    """Whether the digits at quote[start:end] are a name's own (_NAME_GLUED_BEFORE, _VERSION), not a quantity. (Only
    digits right after a hyphen or a space are read further: numbers() reads every number of a source, and the
    patterns tried at each made it a quarter slower.)"""
    joined = quote[start - 1 : start] if start else ""
    if not joined or (joined not in _HYPHENS and joined != " "):
        return False
    named = (joined in _HYPHENS and _NAME_GLUED_BEFORE.search(quote, max(0, start - 40), start) is not None) or (
        quote[max(0, start - 7) : start - 1].upper().endswith(("BILAG", "SLEDAI", "SRI"))
        and any(m.end() == end for m in _VERSION.finditer(quote, max(0, start - 8), end))
    )
    return named and unit_at(quote, end) is None and comparator_after(quote, end) is None


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
        if m.group("plain") is not None and _names_number(quote, m.start(), m.end()):
            continue  # a name's number: "COVID-19", "IL-6", "BILAG-2004" (_NAME_GLUED_BEFORE)
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
        if m.group("exp") is not None and _PER_LITRE.match(quote, m.end()):
            # a count per litre in its unit ("0.5 × 10^9/L", UNITS' ×10^9/L): the mantissa is the number, the power
            # of ten is the unit's. Read as one number, 500000000, "Lymphocytes ≥ 0.5 ×10^9/L" held no limit in
            # that unit, and an honest threshold of 0.5 ×10^9/L was refused (E508).
            value = float(m.group("mant"))
            out.append(Number(value, m.start("mant"), m.end("mant")))
            continue
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
    Unit("months", "time", ("months", "month", "mos", "mths", "mth", "mo")),  # ("6 mo.", hunt 211)
    Unit("years", "time", ("years old", "year old", "years", "year", "yrs", "yr")),
    Unit("points", "score", ("points", "point")),
    Unit("mg/kg/day", "dose_rate", ("mg/kg/day", "mg/kg/d", "mg/kg per day")),
    Unit(
        "mg/day",
        "dose_rate",
        ("mg/day", "mg/d", "mg per day", "mg daily", "mg a day", "milligrams per day", "milligrams a day")
        + ("milligrams/day", "milligrams daily"),
    ),
    Unit("mg", "dose", ("mg", "milligrams")),
    Unit("g", "dose", ("g", "grams")),
    Unit(
        "g/24h",
        "lab",
        ("g/24h", "g/24 h", "g/24 hours", "g/24hr", "g/day", "g per 24 hours", "g per 24 h", "g per day")
        + ("grams per 24 hours", "grams per day", "grams/day", "grams/24 hours"),
    ),
    Unit("mg/24h", "lab", ("mg/24h", "mg/24 h", "mg/24 hours", "mg per 24 hours", "mg per 24 h")),
    Unit("mg/dL", "lab", ("mg/dL", "mg/dl")),
    Unit("g/dL", "lab", ("g/dL", "g/dl")),
    Unit("g/L", "lab", ("g/L", "g/l")),
    Unit("mg/L", "lab", ("mg/L", "mg/l")),
    Unit("μmol/L", "lab", ("μmol/L", "μmol/l", "umol/L", "umol/l")),
    Unit("mmol/L", "lab", ("mmol/L", "mmol/l")),
    Unit("IU/mL", "lab", ("IU/mL", "IU/ml")),
    # the other concentrations criteria give a laboratory limit in (a cytokine's, a ferritin's, a viral load's, an
    # autoantibody's titre, an electrolyte's, an ESR's): unknown, a limit in them was of no kind the words said
    # (E508), and "Ferritin > 500 ng/mL" could not be recorded
    Unit("pg/mL", "lab", ("pg/mL", "pg/ml")),
    Unit("ng/mL", "lab", ("ng/mL", "ng/ml")),
    Unit("ng/dL", "lab", ("ng/dL", "ng/dl")),
    Unit("μg/L", "lab", ("μg/L", "μg/l", "ug/L", "ug/l", "mcg/L")),
    Unit("μg/mL", "lab", ("μg/mL", "μg/ml", "ug/mL", "ug/ml", "mcg/mL")),
    Unit("U/mL", "lab", ("U/mL", "U/ml")),
    Unit("mIU/mL", "lab", ("mIU/mL", "mIU/ml")),
    Unit("mEq/L", "lab", ("mEq/L", "mEq/l")),
    Unit("copies/mL", "lab", ("copies/mL", "copies/ml")),
    Unit("mm/h", "lab", ("mm/h", "mm/hr", "mm/hour")),
    Unit("mg/mmol", "lab", ("mg/mmol",)),
    Unit("mg/mg", "lab", ("mg/mg",)),
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
# starting before a place ends within UNIT_REACH characters of it (a space and the longest spelling)
UNIT_AFTER_SPACE = lazy(r"(?<=\s)" + _UNIT_AT.pattern)
UNIT_REACH = 2 + max(len(spelling) for spelling, _ in _BY_SPELLING)


def unit_matched(m: re.Match[str]) -> Unit:
    """The unit whose spelling a match of _UNIT_AT (or a pattern built from it) found: its group u<i>
    is _BY_SPELLING[i]."""
    return _BY_SPELLING[int(m.lastgroup[1:])][1]  # type: ignore[index]


def unit_at(quote: str, at: int) -> tuple[Unit, int] | None:
    """The unit written at this place of the quote (after at most one space) and where it ends."""
    m = _UNIT_AT.match(quote, at)
    if not m:
        return None
    return unit_matched(m), m.end()


def unit_named(text: str) -> Unit | None:
    """The lexicon's unit a record's unit string names, or None when the lexicon does not know it."""
    wanted = nfkc(text)
    m = _UNIT_AT.fullmatch(wanted)
    return unit_matched(m) if m else None


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
    # A bound and its equality in words, either way round: "greater than or equal to 3 ×ULN", "equal to or more
    # than", "at or above 40 kg". Read by their last words alone they were "=" ("equal to") or strict ("above"), so
    # an honest ">= 3 ×ULN" was refused and a strict limit in a note passed for one that takes its bound in.
    (
        r"\b(?:(?:greater|more|higher|larger|older|longer) than or equal to"
        r"|equal to or (?:greater than|more than|higher than|larger than|older than|longer than|above|over)"
        r"|at or (?:above|over|higher than|more than))",
        ">=",
        None,
    ),
    (
        r"\b(?:(?:less|fewer|lower|smaller|younger|shorter) than or equal to"
        r"|equal to or (?:less than|fewer than|lower than|smaller than|younger than|shorter than|below|under)"
        r"|at or (?:below|under|lower than|less than))",
        "<=",
        None,
    ),
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
BETWEEN = lazy(r"(?i:\bbetween)\s*\Z")


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


# --- a criterion's label -------------------------------------------------------------------------

CRITERION_LABEL = lazy(r"^\(?(?P<number>[0-9]{1,3})[.)]\s+")  # a criterion's own label at the start of a quote


def is_label(quote: str, number: Number) -> bool:
    """A criterion label ("3)", "6.") at the start of a quote is not a value."""
    return number.start == 0 and bool(CRITERION_LABEL.match(quote))
