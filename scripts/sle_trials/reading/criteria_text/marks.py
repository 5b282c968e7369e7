"""A list item's mark: the bullets, numbers, letters and numerals (roman, Chinese, enclosed "①") a criteria text
marks its items with (list_item reads a line's), the number or the kind of mark it gives an item, and how the mark
writes it ("9.", "(9)", "a)"): a line marked so starts a criterion of its own."""

from __future__ import annotations

import re
import unicodedata

from sle_trials.patterns import lazy
from sle_trials.reading.criteria_text.escapes import ESCAPE, unescaped

# a number written as one character, circled, parenthesised or with a full stop ("①", "⑵", "⒊", "❶"), as CJK texts
# number their items: the number unicodedata.numeric gives it (enclosed() lists each number's characters)
ENCLOSED = "\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf"


def _enclosed_by_number() -> dict[int, str]:
    by_number: dict[int, str] = {}
    for lo, hi in re.findall(r"(.)-(.)", ENCLOSED):
        for code in range(ord(lo), ord(hi) + 1):
            number = int(unicodedata.numeric(chr(code)))
            by_number[number] = by_number.get(number, "") + chr(code)
    return by_number


# each number's characters, listed once: a check asks for them for every numbered criterion it finds
# (listing them from the ranges each time was 4% of a record's check)
_ENCLOSED_BY_NUMBER = _enclosed_by_number()


def enclosed(number: int) -> str:
    """The characters that write number enclosed ("①⑴⒈⓵❶➀➊" for 1), each an item's number mark."""
    return _ENCLOSED_BY_NUMBER.get(number, "")


# the numerals a Chinese text numbers its items and headings with ("一、", "（二）", "十一、"): an item's number
# when han_number reads it as one from 1 to 99 (a marker of other numerals, "十十、", is no item's)
HAN_DIGITS = "一二三四五六七八九十"
# a numeral of 1 to 99 ("三", "十", "十二", "二十一"), never followed by another ("十十" is no number); as an item's
# marker, never with a numeral after it either: "一、二线治疗失败" (first- and second-line treatment failed) is words
_HAN = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?![" + HAN_DIGITS + "])"


def han_number(numeral: str) -> int | None:
    """The number a Chinese numeral writes, from 1 to 99 ("三" 3, "十" 10, "十二" 12, "二十" 20, "二十一" 21);
    None for anything else."""
    ones = {c: i for i, c in enumerate(HAN_DIGITS[:9], 1)}
    if numeral in ones:
        return ones[numeral]
    tens, ten, rest = numeral.partition("十")
    if not ten or (tens and tens not in ones) or (rest and rest not in ones):
        return None
    return (ones[tens] if tens else 1) * 10 + (ones[rest] if rest else 0)


def han_numeral(number: int) -> str:
    """number (1 to 99) in Chinese numerals, as han_number reads them: 12 "十二", 20 "二十"; "" for
    any other number, which no Chinese numeral han_number reads writes."""
    tens, ones = divmod(number, 10)
    digits = " " + HAN_DIGITS[:9]
    if not 0 < number < 100:
        return ""
    return (digits[tens] if tens > 1 else "") + ("十" if tens else "") + (digits[ones] if ones else "")


# the katakana (the gojūon's order) and hangul ordinals a Japanese or Korean text letters a list's items with ("ア.",
# "イ.", "가.", "나."): letters, the first "a" (mark_letters writes each as the latin letter at its place)
_KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
_HANGUL = "가나다라마바사아자차카타파하"
KANA_ORDINALS = _KATAKANA + _HANGUL


# the characters a list's bullet is written with: markdown's and typography's, the arrows, boxes, checks and
# dashes of word processors' lists, and a symbol font's bullet pasted as a private-use character ("\uf0b7")
# (those that are no character of text, unlike "*", "+" and the dashes, mark an item with no space after them too:
# "•Age 18-65", as lists pasted from a document write them; a dash does before a capital letter, "-Age 18-65")
SYMBOL_BULLETS = "•·◦▪▫●○‣➢➤►▶▸▹◆◇■□✓✔√✗✘❖❑❒★☆→⇒・＊\ue000-\uf8ff"
BULLETS = "*+–—" + SYMBOL_BULLETS + "-"
# the spaces around a list item's marker: a word processor's no-break space and a CJK text's ideographic one too
SPACE = "[ \u00a0\u2000-\u200a\u202f\u205f\u3000]"
# a digit of an item's number: a CJK text's full-width one too ("（１）", "１．"; int() reads it as 1); "１．５"
# (a full-width decimal, "≤\n１．５mg/dL") is no marker
_DIGIT = "[0-9\uff10-\uff19]"
# a list item's marker: a bullet ("*", "-", "•", "➢", "■", "✓", an indented "o" of a word processor's list), a number
# ("3.", "3)", "3-", "3: " before a word (not the "1: 80" of a titre), "(3)", "[3]" or "【3】" (before, "[1] Age"
# was no item's mark: each line a criterion, "[1]" kept in its text, and a wrapped line of one read as a criterion
# of its own), "3.Text" with no space, as CJK
# texts write them "3、", "3）", "3．", "（3）", "③"), a letter or roman numeral ("a.", "B)", "(c)", "ii.", as
# CJK texts write them "Ⅱ.", "ⅱ)": no number, as "ii." is none), or a decimal sub-number ("2.1", an item
# under item 2; "2.1.3", one under item 2.1; "2a.", "2b)", "2.a.", "2A.", "2(a)" or "(2a)", one under item 2, in lower
# case too; "I1.", "E2)", "IC3.", "EX-4.", "I.5", "(E6)", an inclusion or exclusion item's code, one at the top of its
# list: before, each read as no mark, its code kept in the criterion's text, "2a. Hb" a criterion of its own or a
# wrapped line, "2.a. Hb" numbered 2, "(2a) Hb" run into the item above), which marks an item as a bullet does (a
# capital letter or a decimal before a word in lower case is no marker: "E. coli", "1.5 mg/dL" on a wrapped line; nor
# a number before "- to": "2- to 3-fold"): each starts a criterion of its own, never a wrapped line of the one above
# ("1、Aged 18-65; 2、SLE" is two)
_ITEM = lazy(
    (
        r"^(?P<indent> *)(?:(?P<bullet>(?:[" + BULLETS + r"]|(?<= )o)(?= )|[" + SYMBOL_BULLETS + r"]|[-–—](?=[A-Z])) *"
        r"(?:(?:["  # a second bullet, doubled as a page converted twice writes it ("* • Pregnancy"): one mark
         + BULLETS + r"](?= )|[" + SYMBOL_BULLETS + r"]) *)?"
        # (a task list's box after the bullet, "- [ ] SLE", "- [x] Age": part of the mark, as a page showing it a box
        # shows no words of it; before, "[ ] SLE" kept the box in its words and "[x]" was read as a roman numeral's
        # mark, nesting its item as one)
        r"(?:\[(?:\x20|[xX])\] +)?)?"
        # ("1.)" too, a stop and a bracket, as some texts number and letter ("a.)"): before, "1.) Age 18" was a line of
        # words, its number kept in the criterion's text, and "2.) SLE" a line with no list mark)
        # ("1.-" and "a-" too, as Spanish texts number and letter: before, "a- Age 18-65" / "b- SLE" was one criterion)
        # ("1 . Age", "1 ) Age" too, a space typed before the stop or the bracket: before, each a line of words, its
        # number kept in the criterion's text)
        r"(?:(?P<num><D>{1,3})(?: (?=[.)] +[^\W\d_]))?"
        r"(?P<mark>[.)]|\.\)|\.-|-(?= +(?!(?:to|or|and)\b))|[:：](?= +\D)) +"
        r"|[(（\[【](?P<pnum><D>{1,3})[)）\]】] *"
        r"|(?P<cnum><D>{1,3})[、）．](?!<D>) *"
        r"|(?P<tnum><D>{1,3})[.)](?=[^\W\d_])(?![a-z][.)]? |[A-Z][.)] +(?![a-z]))"  # (not "2.a. Hb": a sub-number)
        r"|(?P<circled>[" + ENCLOSED + r"]) *"
        r"|(?P<hnum>" + _HAN + r")[、．.] *(?![" + HAN_DIGITS + r"])|[(（](?P<hpnum>" + _HAN + r")[)）] *"
        # (never a whole decimal, "1.0 ULN or less": a value on a wrapped line as often as an item's number, which
        # coded_marks reads where the text numbers so (_WHOLE_DECIMAL); before, read as a mark, the value was lost)
        r"|(?P<dec>(?![0-9]{1,3}(?:\.0{1,2}){1,3}[.)）、-]? )"
        r"[0-9]{1,3}(?:\.[0-9]{1,2}){1,3}(?=[.)）、-]? +(?![a-z]))"  # ("2.1) Hb", "2.1- Hb", as "2.1 Hb")
        # ("2a.", "2.a)", "2A.", "2(a)", "(2a)"; "1.E. coli" is words; "2.a" with no stop after the letter too, as
        # protocols' outlines number: before, "1.a Hb > 9" was item 1 again, "a Hb > 9", its letter in its words)
        r"|[0-9]{1,3}\.?(?:[a-z](?=[.)] )|[A-Z](?=[.)] +(?![a-z])))|[0-9]{1,3}\.[a-z](?= )"
        r"|[0-9]{1,3}\([a-z]\)(?= )|\([0-9]{1,3}[a-z]\)(?= )"
        r"|(?:INC|EXC|IN|EX|IC|EC|I|E)(?:-?[0-9]{1,2}(?=[.)] )|\.[0-9]{1,2}(?=[.)]? ))"  # ("I1.", "EX-2)", "I.3")
        r"|\((?:INC|EXC|IN|EX|IC|EC|I|E)-?[0-9]{1,2}\)(?= ))[.)）、-]? +"  # ("(I1)")
        r"|(?P<letter>(?:[a-z]|[ivx]{2,4})(?:\.\)|\.-|[.)]|<DASH>) +"
        r"|(?:[A-Z]|[IVX]{2,4})(?:\.\)|\.-|[.)]|<DASH>) +(?![a-z])"
        r"|[(（\[【](?:[a-zA-Z]|[ivxIVX]{2,4})[)）\]】] *"
        r"|[(（]?[\u2160-\u217f][.)、．）] *"  # "Ⅱ.", "ⅱ)": roman numerals
        r"|[a-zA-Z][.)．）](?=[\u3400-\u9fff])"  # "a.抗ds-DNA抗体阳性": a letter with no space before a CJK word
        # ("a、ANA阳性", a letter and the ideographic comma, as Chinese texts letter a list's parts, "1、" its numbers:
        # before, no mark, "a、ANA阳性" / "b、dsDNA阳性" indented under "2）SLE：" read as its words, with no remark)
        r"|[a-zA-Z]、 *"
        # ("ア." / "イ.", "가." / "나.", "(ア)", "（가）": katakana and hangul ordinals, as Japanese and Korean
        # texts letter a list's items or parts: before, no mark, "イ. SLE" a line with no list mark, its ordinal in
        # its words)
        r"|[<KANA>][.)．）] *|[(（][<KANA>][)）] *))?"
        r"(?P<text>\S.*)$"
    )
    .replace(" ", SPACE)  # a marker's spaces: a no-break or an ideographic space as well ("1.\u00a0Age")
    .replace("<D>", _DIGIT)  # its digits: full-width ones as well ("（１）", "２．", as Japanese texts number)
    .replace("<KANA>", KANA_ORDINALS)  # (katakana and hangul ordinals, as letters)
    .replace("<DASH>", r"-(?= +(?!(?:to|or|and)\b))")  # a letter's dash, never a word's ("a- or b-thalassemia")
)


# a mark no list item is read by, which the lines of a list share, as a word processor's bullet shows once its
# text is copied: an unindented "o" (an indented one is a bullet), and the symbol fonts' square, arrow, check and
# box ("§", "Ø", "ü", "¨"). Where two lines in a row open with one at one indent (blank lines between them aside),
# every line opening with it there is an item it marks, written as a bullet of its own (a private-use character,
# which _ITEM reads as one, of the same length: the item's text is the line's words as written): "o Age 18-65" /
# "o Active SLE" are two criteria, where before the second was read as words of the first ("o Age 18-65 o Active
# SLE"); in a text where no two lines in a row open so, a line opening so is a line's words, as before
_SHARED_MARKS = {"o": "\uf8f0", "§": "\uf8f1", "Ø": "\uf8f2", "ü": "\uf8f3", "¨": "\uf8f4"}
_SHARED_MARK = lazy(r"^(?P<indent>[ \t]*)(?P<mark>[o§Øü¨]) +(?=\S)")
SHARED_O = _SHARED_MARKS["o"]  # (an unindented "o" as a bullet: a run of items so on one line, run_in's, writes it)


# ... and any other symbol or dash before a space that no list mark is read by: a word processor's bullet as its
# font writes it ("♦", "◊", "➔", "⮚", "⬤", a minus "−", a hyphen "‐", a figure dash "‒", a hyphen bullet "⁃", a bullet
# operator "∙", a Z notation spot "⦁"): where two lines at one indent open with the same one, every line opening with it
# there is an item it marks, written as a bullet of its own (a private-use character from _SYMBOL_BULLET on, one for
# each symbol). Before, "♦ Age 18-65" / "♦ SLE" was one criterion, "♦ Age 18-65 ♦ SLE" (a line opening with a symbol
# read as a wrapped line), and the check, reading the source alike, passed it. Never a comparator or an operator
# ("< 3 x ULN", "≥ 9 g/dL" each open a line of a threshold's words, whose sign is no mark)
_SYMBOL_MARK = lazy(r"^(?P<indent>[ \t]*)(?P<mark>[^\w\s]) +(?=\S)")
_SYMBOL_MARKS = "−∙⦁⁃‧"  # (mathematical and typographic ones, which a bullet font gives too)
_SYMBOL_BULLET = 0xF8E0  # the private-use characters written for them, one for each symbol (at most 16 a text)


def _symbol_mark(line: str) -> tuple[str, str] | None:
    """(indent, symbol) of a line opening with a symbol or a dash no list mark is read by (_SYMBOL_MARK), else None."""
    m = _SYMBOL_MARK.match(line)
    if m is None or is_marked(list_item(line)):
        return None
    said = m["mark"]
    return (m["indent"], said) if unicodedata.category(said) in ("So", "Pd") or said in _SYMBOL_MARKS else None


def shared_marks(lines: list[str]) -> list[str]:
    """The lines, each mark _SHARED_MARKS lists that opens two lines in a row at one indent written, on every line
    it opens at that indent, as the bullet it stands for (an indented "o" is one already, and stays as written); and
    each symbol that opens two lines at one indent (_symbol_mark), likewise."""
    opened = [
        (m["indent"], m["mark"]) if (m := _SHARED_MARK.match(x)) and not (m["mark"] == "o" and m["indent"]) else None
        for x in lines
    ]
    said = [opened[at] for at, x in enumerate(lines) if x.strip()]
    shared = {mark: _SHARED_MARKS[mark[1]] for mark, following in zip(said, said[1:]) if mark and mark == following}
    symbols = [_symbol_mark(x) for x in lines]
    counted: dict[tuple[str, str], int] = {}
    for symbol in symbols:
        if symbol is not None:
            counted[symbol] = counted.get(symbol, 0) + 1
    bullets = iter(range(_SYMBOL_BULLET, _SYMBOL_BULLET + 16))
    shared.update({symbol: chr(b) for symbol, b in zip((s for s, n in counted.items() if n > 1), bullets)})
    if not shared:
        return lines
    out = list(lines)
    for at, mark in enumerate(opened):
        mark = mark or symbols[at]
        if mark in shared:
            start = len(mark[0])
            out[at] = lines[at][:start] + shared[mark] + lines[at][start + 1 :]
    return out


# an inclusion or exclusion item's code written otherwise than _ITEM reads one ("IC1." as "IC1:", "IC 1.", "IN1 Age",
# "ec-2:", "Ex 10)"): a list's letters, a space or a hyphen at most, a number, and a stop (".", ")", ":") or none.
# Such a code is also a measure's name ("IC50: 10 nM", "EC 50 of ..."), and "I 1" may be words: it marks an item only
# where the text codes a list so, two lines at least coded alike (the same letters, spacing and stop) and numbered in
# order (n, then n + 1), as a list is, never letters and a number after a space with no stop but in capitals ("In 2
# weeks" is words); each such line is then written with the code as _ITEM reads one ("IC1. "),
# the item's text as written. Before, "IC1: Age 18-65" / "IC2: SLE" were each a line with no list mark, the code kept
# in the criterion's text, and a wrapped line of one read as a criterion of its own
_CODED = lazy(
    r"^(?P<indent>[ \t]*)(?P<code>(?i:inc|exc|in|ex|ic|ec|i|e))(?P<sep>[ -]?)(?P<num>[0-9]{1,2})"
    r"(?P<stop>[.):]?)[ \t]+(?=[^\W_]|[<>≤≥(\[])"
)


# ... and a number after a hash or before a spaced dash ("#1 Age 18-65", "1 - Age 18-65", "2 – SLE"), alike: a number
# written so marks an item where the text numbers a list so, two lines at least alike and in order; each such line is
# then written as "1. Age 18-65", its number the item's. Before, "#1 Age 18-65" / "#2 SLE" was one criterion (a line
# opening with "#" read as a wrapped line of the one above), and "1 - Age 18-65" kept its number in its text
# ("1° Age 18-65" / "2° SLE" and "1º", as Spanish and Portuguese texts number with an ordinal's mark, a stop or a
# bracket after it at most, "1o" too, as NFKC writes "1º" and a text typed without the mark does; "Step 1. Age 18-65"
# / "Step 2. SLE", "Criterion 1: ..." / "Criterion 2: ...", a word before each number: before, each kept its mark in
# its words, "2° Age 18-65" a line with no list mark. Alike, a run in order only: "2° hyperparathyroidism" is words;
# never a line a word numbers right over items at its indent, "Step 1: Screening" / "1. Age", which it heads:
# _heads_items)
_NUMBERED_OTHERWISE = lazy(
    r"^(?P<indent>[ \t]*)(?:(?P<hash>#)(?P<hnum>[0-9]{1,3})|(?P<dnum>[0-9]{1,3})[ \t]+(?P<dash>[-\u2013\u2014])"
    r"|(?P<onum>[0-9]{1,2})(?P<ordinal>[°\u00bao])[.)]?"  # (U+00BA, the ordinal mark: an escape, as no letter)
    r"|(?P<word>Step|STEP|Criterion|CRITERION|Item|ITEM)[ \t]+(?P<wnum>[0-9]{1,2})(?P<stop>[.:)])"
    # ("1 Age 18-65" / "2 SLE", a number and a space alone before a capital, as a list typed with no mark's stop
    # writes it: before, each kept its number in its words, the second a line with no list mark)
    r"|(?P<bnum>[0-9]{1,2})(?=[ \t]+[A-Z]))"
    r"[ \t]+(?=[^\W_]|[<>≤≥(\[])"
)

# ... and a number with one or two zeros after its point ("1.0 Age 18 to 65", "2.00 SLE"), as a word processor's
# outline numbers the top of a list ("1.0" / "1.1" / "2.0"): where two lines at least are numbered so in order, each
# is item 1, 2, ... of its list, written "1. Age 18 to 65" ("1.1" nests under it as under "1."). Before, each such
# item was imported unnumbered, the list's numbering lost with no remark; a line "1.0 ULN or less" in a list numbered
# otherwise is as written (a wrapped line's value, not an item's number)
_WHOLE_DECIMAL = lazy(r"^(?P<indent>[ \t]*)(?P<num>[0-9]{1,3})\.0{1,2}[.)]?[ \t]+(?=[A-Z0-9<>≤≥(\[])")


# ... and a list's code lettered otherwise: a capital and a number ("A1. Age" / "A2. SLE", "B1)"), or a roman numeral
# and a letter ("Ia. Age" / "Ib. SLE", "IIa)"), where the text codes a run so from "A1" (or "Ia") in order ("A2" or
# "B1" next, "Ib" or "IIa"): each such line is then written as _ITEM reads a code, "I1. Age" (a code of the list's top,
# as "IC1." is), and "1a. Age" (a part of the roman-numbered item above, as "1a." is of "1."). Before, each kept its
# code in its words, the second a line with no list mark; a run from elsewhere ("C3. low" / "C4. low") is words, and
# so is a capital and a number before a colon ("T1: hypointense" / "T2: hyperintense", a measure's names)
# ... and "A1: Age" / "A2: SLE", a colon after the code, in a run from "A1" only: "T1: hypointense" / "T2: hyperintense"
# (a measure's names, as "C3:" and "C4:" are) is words, as before; before, "A1: Age" kept its code in its words
_LETTER_CODE = lazy(r"^(?P<indent>[ \t]*)(?P<code>[A-Z])(?P<num>[0-9]{1,2})(?P<stop>[.):])[ \t]+(?=[^\W_]|[<>≤≥(\[])")
_ROMAN_CODE = lazy(
    r"^(?P<indent>[ \t]*)(?P<code>IV|IX|V?I{0,3}|X)(?P<letter>[a-z])(?P<stop>[.)])[ \t]+(?=[^\W_]|[<>≤≥(\[])"
)
_ROMANS = {r: n for n, r in enumerate("I II III IV V VI VII VIII IX X".split(), 1)}


def _code_otherwise(line: str) -> tuple[tuple[str, str], int, int, str] | None:
    """(how the line codes its item, the code's major and minor place, the line written as _ITEM reads a code) of a line
    coded otherwise (_LETTER_CODE: "A2." is (1, 2); _ROMAN_CODE: "IIb." is (2, 2)), else None."""
    if is_marked(list_item(line)):
        return None
    if m := _LETTER_CODE.match(line):
        major, minor = ord(m["code"]) - ord("A") + 1, int(m["num"])
        return ("letter", m["stop"]), major, minor, f"{m['indent']}I{minor}. {line[m.end() :]}"
    if (m := _ROMAN_CODE.match(line)) and m["code"]:
        major, minor = _ROMANS[m["code"]], ord(m["letter"]) - ord("a") + 1
        return ("roman", m["stop"]), major, minor, f"{m['indent']}{major}{m['letter']}. {line[m.end() :]}"
    return None


def _codes_otherwise(lines: list[str]) -> dict[int, str]:
    """{index: the line written as _ITEM reads a code} of each line coded otherwise (_code_otherwise) in a run of two
    lines at least from a first code ("A1", "Ia") on, each the next minor place or the next major's first."""
    runs: dict[tuple[str, str], list[tuple[int, int, int, str]]] = {}
    out: dict[int, str] = {}
    for at, line in enumerate(lines):
        code = _code_otherwise(line)
        if code is None:
            continue
        key, major, minor, written = code
        said = runs.get(key)
        if said and (major, minor) in ((said[-1][1], said[-1][2] + 1), (said[-1][1] + 1, 1)):
            said.append((at, major, minor, written))
        elif minor == 1 and (major == 1 or key[1] != ":"):
            runs[key] = said = [(at, major, minor, written)]
        else:
            continue
        if len(said) > 1:
            out.update((k, w) for k, _, _, w in said)
    return out


def coded_marks(lines: list[str]) -> list[str]:
    """The lines, each line opening with an item's code (_CODED), a number written otherwise (_NUMBERED_OTHERWISE) or
    a whole decimal (_WHOLE_DECIMAL) whose number goes on with a run of lines written alike (_in_sequence), or one
    led in as a list's one item (_led_in), written as _ITEM reads one ("IC1: Age" as "IC1. Age", "#1 Age" and "1.0 Age"
    as "1. Age"); a code or a number out of its run's sequence or in none ("5 - 30 mg/day" under "2 - Prednisone
    between"), and any other line, as written."""
    found: list[tuple[int, tuple[str, ...], int, str]] = []  # (index, how it is written, its number, the line's mark)
    for at, line in enumerate(lines):
        if (m := _CODED.match(line)) and not _words(m):
            found.append((at, _coded_alike(m), int(m["num"]), f"{m['indent']}{m['code'].upper()}{m['num']}. "))
        elif (m := _NUMBERED_OTHERWISE.match(line)) and not (m["word"] and _heads_items(lines, at, m["indent"])):
            number = m["hnum"] or m["dnum"] or m["onum"] or m["wnum"] or m["bnum"]
            # ("1º" / "2o": alike)
            mark = m["hash"] or m["dash"] or {"o": "\u00ba"}.get(m["ordinal"], m["ordinal"]) or " "
            way = (mark,) if m["word"] is None else (m["word"].lower(), m["stop"])
            found.append((at, way, int(number), f"{m['indent']}{number}. "))
        elif m := _WHOLE_DECIMAL.match(line):
            found.append((at, (".0",), int(m["num"]), f"{m['indent']}{m['num']}. "))
        else:
            continue
        found[-1] = (*found[-1][:3], found[-1][3] + line[m.end() :])
    out = list(lines)
    written = {at: line for at, _, _, line in found}
    for at in _in_sequence([(at, key, number) for at, key, number, _ in found]) | _led_in(lines, found):
        out[at] = written[at]
    for at, line in _codes_otherwise(lines).items():
        out[at] = line
    return out


def _heads_items(lines: list[str], at: int, indent: str) -> bool:
    """Whether the line at index at, a word numbering it ("Step 1: Screening"), has right under it (blank lines aside)
    a list item at its indent or less: it heads the items under it, as a sub-heading does ("Step 1: Screening:" / "1.
    Age 18-65"), and numbers none; items indented under it are its parts ("Criterion 2: SLE, one of:" / "   a. ANA")."""
    below = next((x for x in lines[at + 1 :] if x.strip()), None)
    m = list_item(below) if below is not None else None
    return is_marked(m) and m is not None and len(m.group("indent")) <= len(indent)


def _led_in(lines: list[str], found: list[tuple[int, tuple[str, ...], int, str]]) -> set[int]:
    """The lines (indices) of found numbered 1 after a hash or before a spaced dash ("1 - Pregnancy"), a word after the
    mark, right under a line ending in its colon ("Exclusion Criteria:", blank lines between them aside): a list of
    one item, which no run shows. Before, "Exclusion Criteria:" / "1 - Pregnancy" was imported as the criterion "1 -
    Pregnancy", its number in its words; a wrapped line's "1 - 2 mg" (a number after the mark) is as written. A whole
    decimal's "1.0 Pregnancy" too, only right under a line naming the criteria (a list's heading, _NAMES_CRITERIA):
    under any other colon, "Creatinine:" / "1.0 ULN", it is as often a value as an item's number, and is as written."""
    out: set[int] = set()
    numbered = {at for at, _, _, _ in found}
    for at, key, number, line in found:
        if number != 1 or key not in (("#",), ("-",), ("\u2013",), ("\u2014",), (".0",)):
            continue
        if not _LED_ITEM.match(line):
            continue
        # (the line after it numbered so too, "1 - Age 18-65" / "3 - SLE", is no list of one: both as written)
        if next((k for k in range(at + 1, len(lines)) if lines[k].strip()), None) in numbered:
            continue
        above = next((lines[k] for k in range(at - 1, -1, -1) if lines[k].strip()), "")
        if key == (".0",) and (is_marked(list_item(above)) or not _NAMES_CRITERIA.search(above)):
            continue  # ("Exclusion Criteria:" / "1.0 Pregnancy", a list's heading; "Creatinine:" / "1.0 ULN": words)
        if above.rstrip().rstrip("*_").rstrip().endswith((":", "：")):
            out.add(at)
    return out


# a line naming the criteria it heads ("Exclusion Criteria:", "Key inclusion criteria:"): a list of one whole decimal's
# item right under it ("1.0 Pregnancy") is item 1, where a whole decimal under any other line ending in a colon may be
# its value
_NAMES_CRITERIA = lazy(r"(?i)\bcriteri(?:a|on)\b")
# an item's line as coded_marks writes it ("1. Pregnancy"), a letter opening its words
_LED_ITEM = lazy(r"[ \t]*1\. [^\W\d_]")


def _in_sequence(found: list[tuple[int, tuple[str, ...], int]]) -> set[int]:
    """The lines (indices) of found ((index, how the line writes its number, the number), in the text's order) whose
    number goes on with a run of their way of writing it: the next number after the run's last (a run is two
    lines at least, n then n + 1, its first at any number), or 1 again, starting a new list's run where a 2 follows.
    A number out of its run's sequence is a wrapped line's words ("2 - Prednisone between" / "5 - 30 mg/day" /
    "3 - Weight": 5 is the dose's; "IC2: Potency with" / "IC50: below 10 nM"). Before, once two lines were numbered
    in order, every line written alike was read as an item, "5 - 30 mg/day" imported as criterion 5."""
    marks: set[int] = set()
    run: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # each way's run so far (index, number)
    started: dict[tuple[str, ...], tuple[int, int]] = {}  # a line that may start a run, where the next goes on
    for at, key, number in found:
        said = run.get(key, [])
        if len(said) >= 2 and number == said[-1][1] + 1:
            said.append((at, number))
            marks.add(at)
            started.pop(key, None)
            continue
        first = started.get(key)
        if first is not None and number == first[1] + 1:
            run[key] = [first, (at, number)]
            marks.update({first[0], at})
            del started[key]
            continue
        if len(said) < 2 or number == 1:
            started[key] = (at, number)  # (in a run, only 1 starts a new one: a list numbered again)
    return marks


def _words(m: re.Match) -> bool:
    """Whether a code's letters, a space and a number with no stop after it may be words ("In 2 weeks", "ex 1 ..."):
    unless the letters are in capitals ("IN 1 Age"), such a line codes no item."""
    return m["sep"] == " " and not m["stop"] and not m["code"].isupper()


def _coded_alike(m: re.Match) -> tuple[str, str, str]:
    """How a code is written, as the lines of one list write theirs alike: its letters (in lower case), the space or
    hyphen before its number, and its stop."""
    return m["code"].lower(), m["sep"], m["stop"]


# a line whose first mark is an escaped asterisk ("\\* SLEDAI as scored at screening", "\\*Temperature < 38°C", as the
# API's markdown writes a footnote's mark): a literal asterisk, as the page shows it, no bullet
_ESCAPED_STAR = lazy(r"^[ \t]*\\\*")
# ... and one whose first mark is an asterisk glued to a capital ("*Adults aged 18-65"), as "•Age" and "-Age" glue
# theirs: a bullet where the line has no other asterisk the markdown leaves unescaped (no emphasis: "*Note*"), and
# no note's label after it: "*Note: ..." is a note, its asterisk a footnote's mark (notes.NOTE), as "* Note:" is not
_GLUED_STAR = lazy(r"^[ \t]*\*(?=[A-Z])(?!(?i:notes?|nb|n\.b\.|please\s+note)\b)")


def list_item(raw: str) -> re.Match | None:
    """_ITEM's match of a line as it is shown (its escapes read, unescaped), the asterisk of a line that
    escapes its first one (_ESCAPED_STAR) read as a word's character: a footnote's mark, no bullet, and an
    asterisk glued to its word read as a bullet (_GLUED_STAR). Before, "\\* SLEDAI as scored at screening" was
    read as a bulleted item, its mark lost from the criterion, and "*Adults aged 18-65" as a line with no
    list mark, its bullet kept as a word's."""
    shown = unescaped(raw.rstrip())
    glued = _GLUED_STAR.match(raw)
    if glued is not None and "*" not in ESCAPE.sub("", raw[glued.end() :]):
        at = shown.index("*")
        return _ITEM.match(shown[: at + 1] + " " + shown[at + 1 :])  # (its text as the line writes it)
    if not _ESCAPED_STAR.match(raw):
        return _ITEM.match(shown)
    at = shown.index("*")
    return _ITEM.match(shown[:at] + "x" + shown[at + 1 :])  # (a letter, which marks no item before a word)


def item_number(m: re.Match | None) -> int | None:
    """The number an item's marker gives it (3 for "3.", "(3)", "3、" or "三、"), None when it has none."""
    if m is not None and m.group("circled"):
        return int(unicodedata.numeric(m.group("circled")))
    if m is not None and (m.group("hnum") or m.group("hpnum")):
        return han_number(m.group("hnum") or m.group("hpnum"))
    found = m and (m.group("num") or m.group("pnum") or m.group("cnum") or m.group("tnum"))
    return int(found) if found else None


def marker_only(line: str) -> bool:
    """Whether a line's start is an item's number or letter and nothing else ("5. ", "(5) ", "- b. "):
    a number after it is the item's text, not its number ("5. 1. Weight ..." is item 5)."""
    m = _ITEM.match(line + "x")
    return m is not None and m.start("text") == len(line) and bool(item_number(m) is not None or m.group("letter"))


def is_marked(m: re.Match | None) -> bool:
    """Whether the line matched is marked as a list item (a bullet, a number or a letter)."""
    return m is not None and bool(
        m.group("bullet") or m.group("letter") or m.group("dec") or item_number(m) is not None
    )


# the letter before each roman numeral that is a letter too: "i." after "h." is the letter i, as "v." after "u."
_LETTER_BEFORE = {"i": "h", "v": "u", "x": "w"}


def mark_kind(m: re.Match, before: str | None = None) -> str:
    """The kind of an item's mark: number ("3.", "(3)", "③", "2.1"), letter ("a.", "(B)"), roman ("ii.", "(iv)",
    "ⅱ)"; "i.", "v." and "x." unless right after the letter before them, before: the last letter read) or bullet."""
    if item_number(m) is not None or m.group("dec"):
        return "number"
    if not m.group("letter"):
        return "bullet"
    said = mark_letters(m)
    letter = _LETTER_BEFORE.get(said)
    if re.fullmatch(r"[ivx]{2,4}|[\u2160-\u217f]+", said) or (letter is not None and before != letter):
        return "roman"
    return "letter"


def _mark_written(m: re.Match) -> str:
    """An item's mark as its line writes it: between the line's indent and its text, without the spaces around it
    (the mark number_style and lettering_style each cut out alike)."""
    return m.string[len(m.group("indent")) : m.start("text")].strip()


def number_style(m: re.Match) -> str:
    """How a numbered item's mark writes its number: the mark with its digits written "9" ("9." of "3.", "(9)" of
    "(12)", "（9）", "9、"), a Chinese numeral "十" ("十、"), an enclosed one "①"."""
    mark = _mark_written(m)
    if m.group("circled"):
        return "①"
    return re.sub(_HAN, "十", re.sub(_DIGIT + "+", "9", mark))


def lettering_style(m: re.Match) -> str:
    """How a lettered item's mark writes its letter: the mark with its letter written "a" or "A" ("a)" of "c)",
    "(a)" of "(b)", "A." of "B.")."""
    written = re.sub("[A-Z]", "A", re.sub("[a-z]", "a", _mark_written(m)))
    return re.sub(f"[{_HANGUL}]", "가", re.sub(f"[{_KATAKANA}]", "ア", written))


def kana_ordinal(m: re.Match) -> bool:
    """Whether an item's mark is a katakana or hangul ordinal ("イ.", "(나)")."""
    return any(c in KANA_ORDINALS for c in m.group("letter") or "")


def mark_letters(m: re.Match) -> str:
    """The letters of an item's lettered mark, in lower case ("ii" of "(ii)", "b" of "B.")."""
    said = m.group("letter") or ""
    kana = next((c for c in said if c in KANA_ORDINALS), None)
    if kana is not None:  # (the latin letter at the ordinal's place: "イ" and "나" "b")
        return chr(ord("a") + (_KATAKANA.find(kana) if kana in _KATAKANA else _HANGUL.find(kana)))
    return re.sub(r"[^A-Za-z\u2160-\u217f]", "", said).lower()
