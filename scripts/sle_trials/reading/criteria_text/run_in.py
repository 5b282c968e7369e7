"""Lines a text runs together onto one: a list's heading run into a line after a sentence (inline_headings), and items
numbered, bulleted or lettered one after another on one line (run_in_items), each cut onto a line of its own; and
the other way round, an item's mark cut from its words onto a line of its own (marks_alone_joined) or a run's mark
ending a line its words wrap under (marks_ending_joined); and a text's HTML line breaks read as the line breaks they
show (html_breaks)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading.criteria_text.escapes import unescaped
from sle_trials.reading.criteria_text.headings import HAN_CRITERIA, HAN_SIDE, heading_of
from sle_trials.reading.criteria_text.lines import RUNS_ON, indent_of, runs_on
from sle_trials.reading.criteria_text.marks import (
    ENCLOSED,
    HAN_DIGITS,
    SHARED_O,
    SPACE,
    SYMBOL_BULLETS,
    han_number,
    han_numeral,
    is_marked,
    list_item,
    marker_only,
)
from sle_trials.reading.shown import shown

# the spaces between a run's items and around their marks: a tab, and every space a list item's mark is read with
# (marks.SPACE: a word processor's no-break space, a CJK text's ideographic one). Before, only a space or a tab:
# "1.\u00a0Age 18-65; 2.\u00a0SLE; 3.\u00a0Consent." was one criterion holding three, and the check, reading the
# source alike, passed it, where the same items each on a line of their own are three
_GAP_CHARS = SPACE[1:-1] + "\t"
_GAP = f"[{_GAP_CHARS}]"

# how a heading run into a line opens, before its list's word: bold at most, then a qualifier (_QUALIFIED: "Key" or
# "Main", in title case or capitals) at most; and how it ends, after "Criteria": the bold closed at most, and a colon.
# Written once for the patterns below, which each wrote them (a qualifier added to one only would cut a line one reads
# and not another)
_QUALIFIED = ("Key", "KEY", "Main", "MAIN")
_BOLD_AND_QUALIFIER = rf"(?:\*\*|__)?(?:(?:{'|'.join(_QUALIFIED)}) )?"
_BOLD_AND_COLON = rf"{_GAP}*(?:\*\*|__)?{_GAP}*:"
# a heading run into the line before it, after a sentence: "Inclusion Criteria: adults with SLE.
# Exclusion Criteria: pregnancy." is two lists, not an inclusion criterion that names the exclusions
_INLINE_HEADING = lazy(
    rf"(?<=[.;]){_GAP}+(?={_BOLD_AND_QUALIFIER}(?:(?:Non|NON)[- ]?(?:inclusion|Inclusion|INCLUSION)"
    r"|Inclusion|Exclusion|INCLUSION|EXCLUSION)"
    rf" (?:Criteria|criteria|CRITERIA){_BOLD_AND_COLON})"
)
# a list item's mark alone, ending in the full stop _INLINE_HEADING follows: "2." of "2. Exclusion Criteria:" (a
# numbered heading), not the end of a sentence
_BARE_MARK = lazy(_GAP + "*(?:[-*•]" + _GAP + r"*)?(?:[0-9]{1,3}|[A-Za-z]|[ivxIVX]{2,4})\.")


# ... and, on a line that opens with one list's heading, the other's heading after any word: a whole text run onto
# one line, "Inclusion Criteria: 1) Age 18-65 2) SLE 3) Consent Exclusion Criteria: 1) Pregnancy", whose exclusion
# criteria were read as words of the last inclusion one, or the exclusion list given first, "Exclusion Criteria:
# Pregnancy Inclusion Criteria: Adults with active SLE", whose inclusion criteria were read as words of the last
# exclusion one (the heading's words in capitals, with a colon)
_OPENED = {
    "inclusion": lazy(rf"{_GAP}*{_BOLD_AND_QUALIFIER}(?:Inclusion|INCLUSION) (?:Criteria|CRITERIA)\b"),
    "exclusion": lazy(
        rf"{_GAP}*{_BOLD_AND_QUALIFIER}(?:Exclusion|EXCLUSION|(?:Non|NON)[- ]?(?:inclusion|Inclusion|INCLUSION))"
        r" (?:Criteria|CRITERIA)\b"
    ),
}
# (never after the heading's own qualifier: "... Key Exclusion Criteria:" is cut before "Key", not after it, which
# left "Key" a criterion of its own)
_NOT_AFTER_A_QUALIFIER = "".join(rf"(?<!\b{word})" for word in _QUALIFIED)
_RUN_IN = {
    "exclusion": lazy(
        rf"(?<=\S){_NOT_AFTER_A_QUALIFIER}{_GAP}+"
        rf"(?={_BOLD_AND_QUALIFIER}(?:Exclusion|EXCLUSION) (?:Criteria|CRITERIA){_BOLD_AND_COLON})"
    ),
    "inclusion": lazy(
        rf"(?<=\S)(?<![Nn]on-)(?<!NON-){_NOT_AFTER_A_QUALIFIER}{_GAP}+"
        rf"(?={_BOLD_AND_QUALIFIER}(?:Inclusion|INCLUSION) (?:Criteria|CRITERIA){_BOLD_AND_COLON})"
    ),
}


# ... and a Chinese (or Japanese) text's heading with its colon (headings._HAN_HEADING's words), run into a line
# after a stop or a space, "入选标准：1、年龄18-65岁；2、确诊SLE。排除标准：1、妊娠", whose exclusion criteria were read
# as words of the last inclusion one, and the exclusion list as one the text does not give; never after an item's mark
# alone ("二、 排除标准：", a numbered heading: marker_only) or a heading alone ("Inclusion Criteria 入选标准:", one
# heading in two languages)
_HAN_RUN_IN = lazy(
    r"(?:(?<=[.;!?。；！？])|(?<=\S)(?=[ \t\u3000]))[ \t\u3000]*(?=(?:\*\*|__)?"
    rf"(?:[{HAN_DIGITS}]{{1,3}}、[ \t\u3000]*)?[【\[]?"  # (a heading numbered: "确诊SLE 二、排除标准：1、妊娠")
    rf"(?:{HAN_SIDE})"
    rf"(?:{HAN_CRITERIA})[】\]]?[ \t]*(?:\*\*|__)?[ \t]*[:：])"
)


# an HTML line break ("<br>", "<br/>", "<br />", "<BR>"), as a criteria text entered in a form writing HTML gives its
# lines ("Inclusion Criteria:<br>1. SLE<br>2. Age 18 to 65"): the page shows a line break where it stands; one at a
# line's end, before the text's own line break ("1. SLE<br>" / "2. Age"), shows that one break, no blank line
_HTML_BREAK = lazy(r"[ \t]*<[bB][rR][ \t]*/?[ \t]*>[ \t]*(?:\n)?")  # (the spaces around it: "1. Age <br> 2. SLE")


def html_breaks(text: str) -> str:
    """text with each HTML line break (_HTML_BREAK) read as the line break it shows. Before, "Inclusion
    Criteria:<br>1. SLE<br>2. Age<br>Exclusion Criteria:<br>1. Pregnancy" was one criterion holding both lists, tags
    and all, and the check, reading the source alike, passed it. A break closing a line is that line's break: before,
    "1. SLE<br>" / "2. Age" read as items set apart by a blank line, which the page does not show, and a list so
    written throughout as spaced (NCT06388018 so written: its nested items set apart as its own are, the whole list
    left to the curator). (A text of HTML blocks, "<p>", "<ul><li>", is the
    website's, which the importer refuses: ctgov.saved._HTML_TAG.)"""
    return _HTML_BREAK.sub("\n", text) if "<" in text else text


def _heading_alone(text: str) -> bool:
    """Whether text is a list's heading and nothing else ("Inclusion Criteria", "入选标准：")."""
    heading = heading_of(text)
    return heading is not None and heading[2] is None


def headed_alone(lines: list[str]) -> frozenset[str]:
    """The kinds of list the text heads on a line of its own ("Exclusion Criteria:", nothing after it), naming no part
    of the study: "Exclusion Criteria (Part B):" heads a part's list, which leaves the list of everyone's to a
    heading run in ("2. SLE. Exclusion Criteria: 1. Pregnancy" above it: "Pregnancy" was read as words of "SLE")."""
    return frozenset(h[0] for line in lines if (h := heading_of(line)) is not None and h[2] is None and h[1] is None)


def inline_headings(line: str, headed: frozenset[str] = frozenset()) -> list[str]:
    """The line split before each heading run into it after a sentence (_INLINE_HEADING, _HAN_RUN_IN), or on a
    line opening with one list's heading before the other's after any word (_RUN_IN), never after a list item's
    mark alone: "2. Exclusion Criteria:" is one line, a numbered heading, not an item "2." of the list above and a
    heading. Nor after a sentence, a heading of a kind the text heads on a line of its own (headed: headed_alone):
    "2. Signed consent. Exclusion criteria: see protocol." over "Exclusion Criteria:" is an item's words, which
    were cut into a second exclusion list ("see protocol." its criterion), where a text run onto one line has no
    heading alone."""
    parts, start = [], 0
    runs = [m for m in _INLINE_HEADING.finditer(line) if _kind_after(line, m.end()) not in headed]
    if not runs:
        opened = next((kind for kind, heading in _OPENED.items() if heading.match(line)), None)
        if opened is not None:
            runs = list(_RUN_IN["exclusion" if opened == "inclusion" else "inclusion"].finditer(line))
    if not line.isascii():
        han = [m for m in _HAN_RUN_IN.finditer(line) if m.start() > 0 and not _heading_alone(line[: m.start()])]
        runs = sorted([*runs, *han], key=lambda m: m.start())
    for m in runs:
        if m.start() < start:
            continue  # (a heading both readings cut before)
        if not _BARE_MARK.fullmatch(line[start : m.start()]) and not marker_only(line[start : m.start()].strip()):
            parts.append(line[start : m.start()])
            start = m.end()
    return [*parts, line[start:]]


def _kind_after(line: str, at: int) -> str | None:
    """The kind of list the heading run into line at at heads."""
    heading = heading_of(line[at:].strip())
    return heading[0] if heading is not None else None


# (never the first part of a decimal sub-number: "1.2. Weight > 40 kg" is item 1.2, not "1." run into "2. Weight")
# ... or a number in brackets ("(1) Age 18-65 (2) SLE (3) Consent", "[1] ...", "（1）..."), or with a stop and a
# bracket, as marks._ITEM reads one ("1.) Age 18-65 2.) SLE")
_FIRST_NUMBER = lazy(
    r"^(?P<indent> *)(?:(?P<num>[0-9０-９]{1,2})(?P<mark>\.\)|[.．](?![0-9０-９])|[)）、]|[-:](?="
    + _GAP
    + r"+\D))|(?P<open>[(（\[【])(?P<pnum>[0-9０-９]{1,2})(?P<close>[)）\]】]))"
    + _GAP
    + r"*(?=\S)"
)


# a line that begins with a bullet and a space, the same bullet standing again between spaces later on
# ("* Age ≥ 18 years * SLE diagnosis * SLEDAI ≥ 8"): the items of a list run together onto one line
_FIRST_BULLET = lazy(r"^(?P<indent> *)(?P<bullet>[*" + SYMBOL_BULLETS + "])" + _GAP + r"+(?=\S)")
# bullets that are operators too: "*" and "·" multiply ("2.5 * ULN", "1.5 · 10^9/L"); one of them between
# items stands after a word (no number, unit in brackets or operator) and before a capitalised word
_OPERATOR_BULLETS = "*·"
# ... and after a number before a capitalised word too ("Age 18 to 65 * SLE per ACR": before, one criterion holding
# two, with no remark), where that word is none a number is multiplied by (a limit of normal, a baseline, a spread:
# "2.5 * ULN", "1.5 * Baseline") and stands in no formula (glued to an operator or before one: "175 * Scr^-1.154",
# "(140 - age) * Weight / 72"); said, as a star after a number may multiply still
_MULTIPLIED_BY = lazy(
    r"(?i:ULN|LLN|ULRR|LLRR|UNL|SD|IQR|BSA|(?:Upper|Lower|Normal|Baseline|Median|Mean|Institutional|Times)\b)"
)
_IN_A_FORMULA = lazy(r"[^\W_]+(?:[\^/*=×+]|[ \t]+[\^/*=×+])")
# bullets that are dashes too: a sentence's dash ("Lupus nephritis - Class III"), a range's ("18 - 65"), a minus's
# ("(140 - age)"), a sum's ("+"). A line bulleted so runs its items onto one line where the bullet stands between
# spaces before a capitalised word twice at least (three items: "- Age 18 to 65 - SLE per ACR - Consent": before, one
# criterion holding three, with no remark); once, it is read as written (a dash between an item's words) and said
_DASH_BULLETS = "-–—+"
# ... and a letter "o" a word processor's list bullets with (a sub-list's "o" copied as text): a run "o Age 18 to 65 o
# SLE per ACR o Consent" was one criterion holding three, "o" and all, with no remark; read as dashes are, an "o"
# being a word too (in a sentence of another language: "o" is "or")
_LIKE_DASHES = _DASH_BULLETS + "o"
_FIRST_DASH = lazy(r"^(?P<indent> *)(?P<bullet>[" + _LIKE_DASHES + "])" + _GAP + r"+(?=\S)")
_DASH_RUN = 2  # the fewest dashes before a capital a line's run of items is cut at
# bullets that are no character of a sentence (no operator, arrow, root or tick): one of them after a space starts
# the next item glued to its words too ("• Age 18 to 65 •SLE per ACR • Consent": before, "Age 18 to 65 •SLE per ACR"
# one criterion, with no remark)
_GLUED_BULLETS = "•◦▪▫●‣➢➤►▸▹◆◇■□❖❑❒"
# ... and bullets that are a sentence's characters (an arrow, a root, a tick, a cross, a star, a middle dot, a circle:
# the symbol bullets neither glued nor operators) start the next item between spaces where no word in lower case nor
# number follows ("→ Dose → escalation per protocol": before, "Dose" and "escalation per protocol" two criteria, with
# no remark), read as written there and said, as a star before a word in lower case is
_SENTENCE_BULLETS = "→⇒√✓✔✗✘★☆＊・○"
_FIRST_GLUED = lazy(r"^(?P<indent> *)(?P<bullet>[" + _GLUED_BULLETS + r"])(?=\S)")  # ("•Age 18 to 65 • SLE")
# ... and a first bullet that is a sentence's character glued to its word, which marks.list_item reads as the line's
# bullet ("・年龄18-65岁 ・ 确诊SLE", "→Age 18 to 65 → SLE", "-Age 18 to 65 - SLE - Consent"), or a star glued to a
# capital no note's label follows, the line's other stars each after a space, none closing an emphasis ("*Age 18 to 65
# * SLE", which marks._GLUED_STAR reads as no bullet for its other star): the run's first bullet, as spaced. Before,
# one criterion holding two, with no remark, where "・ 年龄18-65岁 ・ 确诊SLE" is two
_FIRST_SENTENCE_GLUED = lazy(
    r"^(?P<indent> *)(?P<bullet>[" + _SENTENCE_BULLETS + r"](?=\S)|[-–—](?=[A-Z])|\*(?=[A-Z])"
    r"(?!(?i:notes?|nb|n\.b\.|please\s+note)\b)(?!.*\S\*))"
)
_TIMES = {2: "twice", 3: "three times"}


def _bracketed(text: str, at: int) -> bool:
    """Whether index at of text stands within brackets the text opens before it and has not closed: no item's bullet
    ("(140 - Age) * Weight": a minus)."""
    return _Depth(text).within(at)


class _BulletCuts(NamedTuple):
    """Where a line bulleted in a run is cut (_bullet_cuts), and what of it is doubted."""

    indent: str
    bullet: str
    cuts: list[tuple[int, int]]  # (where an item ends, where the next one's bullet starts) of each cut
    doubted: list[re.Match]  # the cuts doubted: a star after a number before a capital; a dash before a capital
    kept: list[re.Match]  # the marks kept doubted, before a word in lower case or a number
    glued: list[re.Match]  # the marks of a sentence's character kept, glued to a capitalised word ("65 *SLE")
    joined: list[re.Match]  # the cuts at a bullet glued to the words on both sides ("65•SLE")
    lowered: list[re.Match]  # the bullets so glued kept before a word in lower case, no unit's ("65•willing")


def _bullet_cuts(line: str) -> _BulletCuts:
    """Where a line bulleted in a run is cut (_run_in_bullets): its indent and bullet, (where an item ends, where the
    next one's bullet starts) of each cut, the cuts doubted (a star after a number before a capital; a dash before a
    capital; a bullet glued to the words on both sides), and the marks kept doubted (a star before a word in lower
    case, no multiple nor formula: "Age 18 to 65 * willing to consent"; a sentence's character glued to a capitalised
    word: "Age 18 to 65 *SLE"). Nothing cut for a line no bullet opens."""
    first = _FIRST_BULLET.match(line) or _FIRST_DASH.match(line) or _FIRST_GLUED.match(line) or _first_glued(line)
    if first is None:
        return _BulletCuts("", "", [], [], [], [], [], [])
    bullet, indent = first.group("bullet"), first.group("indent")
    if bullet == SHARED_O:
        bullet = "o"  # (a line of a list whose lines open with "o", shared_marks wrote: its run's "o"s are as written)
    mark = re.escape(bullet)
    found = _BulletCuts(indent, bullet, [], [], [], [], [], [])
    if bullet in _GLUED_BULLETS:
        # (glued on both sides before a capital too, "65•SLE", said: never "ng•h/mL", a unit's)
        between = re.compile(rf"(?<=\S){_GAP}+{mark}{_GAP}*(?=\S)|(?<=[^\W_]){mark}(?=[^\W\d_])")
    else:
        between = re.compile(rf"(?<=\S){_GAP}+{mark}(?:{_GAP}+(?=\S)|(?=[^\W\d_]))")
    for m in between.finditer(line, first.end()):
        after, before = line[m.end() :], line[m.start() - 1]
        if not line[m.start()].isspace():
            if after[0].isupper():
                found.joined.append(m)
                found.cuts.append((m.start(), m.end()))
            elif not (_UNIT_BEFORE.search(line[: m.start()]) and _UNIT.match(after)):
                found.lowered.append(m)  # ("65•willing to consent": as written, said; "ng•h/mL" a unit's)
            continue
        if bullet not in _GLUED_BULLETS and not line[m.end() - 1].isspace():
            if _capital(after[0]) and bullet != "o" and not _times(bullet, after) and not _bracketed(line, m.start()):
                # ("→ Age 18 to 65 →SLE", "* Age 18 to 65 *SLE", "・ 年龄18-65岁 ・确诊SLE": as written, said)
                found.glued.append(m)
            continue
        if bullet in _OPERATOR_BULLETS:
            if (after[0].islower() or after[0].isdigit() and before.isdigit()) and not (
                _bracketed(line, m.start()) or _MULTIPLIED_BY.match(after) or _IN_A_FORMULA.match(after)
            ):
                # ("65 * willing to consent", "65 * 2019 EULAR/ACR SLE", as "2.5 * upper limit of normal" multiplies)
                found.kept.append(m)
            if not after[0].isupper() or _bracketed(line, m.start()) and not before.isalpha():
                continue
            if not before.isalpha():
                if _MULTIPLIED_BY.match(after) or _IN_A_FORMULA.match(after):
                    continue  # ("2.5 * ULN", "175 * Scr^-1.154")
                found.doubted.append(m)
        elif bullet in _LIKE_DASHES:
            if after[0].islower() and (before.isdigit() or bullet == "o") and not _bracketed(line, m.start()):
                # ("Age 18 to 65 - willing to consent"; "o anemia o neutropenia", an "o" a list's or a word, "or";
                # "18 - 65 years" a range, "Lupus nephritis - biopsy proven" a sentence's dash, no remark)
                found.kept.append(m)
            if not after[0].isupper() or _bracketed(line, m.start()) or _IN_A_FORMULA.match(after):
                continue
            found.doubted.append(m)
        elif bullet in _SENTENCE_BULLETS and (after[0].islower() or after[0].isdigit()):
            if not _bracketed(line, m.start()):
                found.kept.append(m)  # ("→ Dose → escalation": an arrow between words, as written, said)
            continue
        found.cuts.append((m.start(), m.end()))
    if bullet in _LIKE_DASHES and len(found.cuts) < _DASH_RUN:
        found.cuts.clear()
    return found


# a unit's part on either side of a bullet glued to both ("ng•h/mL", "kg•m2", "µg•h"): letters, four at most, after
# no word's letter or digit nor before one: no item's bullet ("Age 18 to 65•willing to consent", said)
_UNIT = lazy(r"[µμ]?[A-Za-z]{1,4}(?![^\W\d_])")
_UNIT_BEFORE = lazy(r"(?<![^\W_])[µμ]?[A-Za-z]{1,4}$")


# a line opening with an unindented "o" before a capitalised word or a number (or a symbol font's "§", "Ø", "ü", "¨"
# before a capitalised word), as a word processor's bullet copied as text writes it, where no other line opens so
# (marks.shared_marks reads a mark two lines in a row open with as their bullet): "o Patient over 18 years", alone,
# was the criterion "o Patient over 18 years", and "o Age 18-65" / "§ Active SLE" one criterion, with no remark
_LONE_O = lazy(rf"(?P<mark>[o§Øü¨]){_GAP}+(?=[0-9０-９]|[^\W\d_])")


def _first_glued(line: str) -> re.Match | None:
    """_FIRST_SENTENCE_GLUED's match of a line whose first bullet, a sentence's character, is glued to its word, where
    it is the line's bullet: marks.list_item reads it so, or it is a star (which list_item reads as no bullet where
    the line holds another star)."""
    first = _FIRST_SENTENCE_GLUED.match(line)
    if first is None or first["bullet"] == "*":
        return first
    body = list_item(line)
    return first if body is not None and body.group("bullet") and body.start("text") == first.end() else None


def _capital(char: str) -> bool:
    """Whether a word opening with char opens as a capitalised word does, or an uncased one ("确诊SLE"), which no
    sentence's words go on with in lower case."""
    return char.isupper() or char.isalpha() and not char.islower()


def _times(bullet: str, after: str) -> bool:
    """Whether a bullet before words (after) multiplies a number by them, or stands in a formula: "2.5 *ULN", "(140
    -Age)"."""
    return bool(bullet in _OPERATOR_BULLETS and _MULTIPLIED_BY.match(after) or _IN_A_FORMULA.match(after))


def _run_in_bullets(line: str) -> list[str]:
    """A line that bullets its items one after another in a run ("* Age ≥ 18 years * SLE diagnosis"),
    as the lines it runs together: the bullet the line begins with, between spaces, starts a line
    (a "*" or "·" only before a capital, after a letter or a number a capital opens no multiple or formula of:
    "ALT ≤ 2.5 * ULN" is one item; a dash only before a capital, _DASH_RUN times at least; an arrow, a tick or
    the like only before no word in lower case nor number). Any other line as it is."""
    indent, bullet, cuts, *_ = _bullet_cuts(line)
    if not cuts:
        return [line]
    parts, start = [], len(indent) + 1
    for end, following in cuts:
        parts.append(line[start:end])
        start = following
    parts.append(line[start:])
    if bullet == "o" and not indent:
        bullet = SHARED_O  # (an "o" unindented is a bullet where lines share it: the run's items each open so)
    return [f"{indent}{bullet} {part.strip()}" for part in parts]


def _between_words(bullet: str, whose: str = "the item") -> str:
    """What a bullet that is a sentence's character too is between words, as a remark names it: "a dash between the
    item's words", "an 'o' between a sentence's words", "a '→' between the item's words"."""
    what = "a dash" if bullet in _DASH_BULLETS else f"an '{bullet}'" if bullet == "o" else f"a '{bullet}'"
    return f"{what} between {whose}'s words"


def _around(line: str, found: re.Match, mark: str) -> str:
    """The word before a mark found between spaces, the mark and the word after it, as a remark shows them."""
    return shown(f"{line[: found.start()].split()[-1]} {mark} {line[found.end() :].split()[0]}")


def runs_doubted(line: str, fewest: int | None = None) -> list[str]:
    """The remarks on a line run_in_items reads where the layout does not say whether a mark between its words starts
    an item: a star after a number ("Age 18 to 65 * SLE per ACR", which "2.5 * ULN" writes multiplying), read as a
    bullet; a star before a word in lower case ("Age 18 to 65 * willing to consent"), read as multiplying; a dash
    before a capital, read as a run's bullets where it stands so _DASH_RUN times at least, else as the item's own
    dash ("Lupus nephritis - Class III"); and the next number of a run of two by spaces ("1) Age 18 to 65 2) SLE"),
    too few to be read as a run (_RUN_BY_SPACES), read as the item's words. fewest: as run_in_items'."""
    first = _FIRST_NUMBER.match(line)
    if first is not None:
        return [*_numbers_doubted(line, first, fewest), *_bullets_within(line, "")]
    _, bullet, cuts, doubted, kept, glued, joined, lowered = _bullet_cuts(line)
    whole, said = shown(line.strip().replace(SHARED_O, "o"), 100), _bullets_within(line, bullet)
    if bullet in _OPERATOR_BULLETS and doubted:
        said.append(
            f"The criteria text has a line {whole} bulleted with '{bullet}' holding a '{bullet}' between spaces after "
            f"a number before a capitalised word ({', '.join(_around(line, m, bullet) for m in doubted[:3])}): read "
            "as the next item's bullet, the items run onto one line, not as multiplying a number: the curator's to "
            "confirm."
        )
    if kept:
        where = ", ".join(_around(line, m, bullet) for m in kept[:3])
        other = "multiply" if bullet in _OPERATOR_BULLETS else _between_words(bullet)
        said.append(
            f"The criteria text has a line {whole} bulleted with '{bullet}' holding a '{bullet}' between spaces before "
            f"a word in lower case or a number ({where}), which may be the next item's bullet or {other}: read as one "
            "criterion, the curator's to split where it runs two items onto one line."
        )
    if bullet in _LIKE_DASHES and doubted:
        where = ", ".join(_around(line, m, bullet) for m in doubted[:3])
        times = _TIMES.get(len(doubted), f"{len(doubted)} times")
        said.append(
            f"The criteria text has a line {whole} bulleted with '{bullet}' holding a '{bullet}' between spaces before "
            f"a capitalised word {times} ({where}): read as a run of items onto one line, each starting at its "
            f"'{bullet}' ({_between_words(bullet, 'a sentence')} is written so too): the curator's to confirm."
            if cuts
            else f"The criteria text has a line {whole} bulleted with '{bullet}' holding a '{bullet}' between spaces "
            f"before a capitalised word ({where}), which may be the next item's bullet or {_between_words(bullet)}: "
            "read as one criterion, the curator's to split where it runs two items onto one line."
        )
    if glued:
        where = ", ".join(_as_written(line, m, bullet) for m in glued[:3])
        said.append(
            f"The criteria text has a line {whole} bulleted with '{bullet}' holding a '{bullet}' after a space glued "
            f"to a capitalised or uncased word ({where}), which may be the next item's bullet glued to its words or a "
            "mark of the item's words: read as one criterion, the curator's to split where it runs two items onto one "
            "line."
        )
    if joined:
        where = ", ".join(_as_written(line, m, bullet) for m in joined[:3])
        said.append(
            f"The criteria text has a line {whole} bulleted with '{bullet}' holding a '{bullet}' glued to the words on "
            f"both sides before a capitalised word ({where}): read as the next item's bullet, the items run onto one "
            "line with no space between them: the curator's to confirm."
        )
    lone = _LONE_O.match(line)
    if (
        lone is not None
        and not (cuts or kept or doubted)
        and (_capital(line[lone.end()]) or line[lone.end()].isdigit() and lone["mark"] == "o")
    ):
        said.append(
            f"The criteria text has a line {whole} opening with '{lone['mark']}' before its words, which may be a "
            "list's bullet (a word processor's, its text copied) or a word of the line's: read as the criterion's "
            f"words, '{lone['mark']}' and all (no other line opens so), the curator's to confirm."
        )
    if lowered:
        where = ", ".join(_as_written(line, m, bullet) for m in lowered[:3])
        said.append(
            f"The criteria text has a line {whole} bulleted with '{bullet}' holding a '{bullet}' glued to the words on "
            f"both sides before a word in lower case ({where}), which may be the next item's bullet glued to its words "
            "or a mark of the item's words (a unit's: 'ng•h/mL'): read as one criterion, the curator's to split where "
            "it runs two items onto one line."
        )
    return said


# a bullet that is no character of a sentence between spaces after a word ("Age 18 to 65 • SLE • Consent"), or after
# a space glued to a word ("Age 18 to 65 ▪SLE ▪Consent")
_BULLET_WITHIN = lazy(rf"(?<=\S){_GAP}+(?P<mark>[{_GLUED_BULLETS}])(?:{_GAP}+(?=\S)|(?=[^\W\d_]))")


def _bullets_within(line: str, bullet: str) -> list[str]:
    """runs_doubted's remark on a line holding a bullet that is no character of a sentence (_GLUED_BULLETS) after a
    space after its words (_BULLET_WITHIN), other than the bullet the line opens with (bullet), which starts a run's
    next item (_bullet_cuts): a run of items on a line no bullet opens, "Age 18 to 65 • SLE • Consent", "Age 18 to 65
    ▪SLE ▪Consent", or a sub-list's run, "• Labs: ▪ Hb ≥ 9 ▪ ANC ≥ 1.5", read as one criterion (a bullet separates a
    sentence's words too: "Hb • ANC • PLT"). Before, one criterion, with no remark."""
    body = list_item(line)  # (after the line's own mark, which may be doubled: "- • Age", one mark)
    start = body.start("text") if body is not None and is_marked(body) else 0
    found = [m for m in _BULLET_WITHIN.finditer(line, start) if m["mark"] != bullet and not _bracketed(line, m.start())]
    if not found:
        return []
    where = ", ".join(_as_written(line, m, m["mark"]) for m in found[:3])
    return [
        f"The criteria text has a line {shown(line.strip().replace(SHARED_O, 'o'), 100)} holding a bullet after a "
        f"space after its words ({where}), where no such bullet opens the line: read as one criterion (a bullet may "
        "set a sentence's words apart), the curator's to split where it runs items onto one line."
    ]


def _as_written(line: str, found: re.Match, mark: str) -> str:
    """The words around a mark found glued to a word, as written up to a space or the mark again ("65 *SLE",
    "65•SLE"), as a remark shows them."""
    left = re.split(rf"\s|{re.escape(mark)}", line[: found.start()].rstrip())[-1]
    right = re.split(rf"\s|{re.escape(mark)}", line[found.end() :])[0]
    return shown(line[found.start() - len(left) : found.end() + len(right)])


def _numbers_doubted(line: str, first: re.Match, fewest: int | None) -> list[str]:
    """runs_doubted's remarks on a line numbered as first is: its next number after a space alone, in a run of two
    items too few to be cut so, and no stop cutting the run ("1) Age 18 to 65 2) SLE per ACR"); and the next number
    the run ends at, after a word it may belong to (_belonging)."""
    return [*_belonging(line, first, fewest), *_two_doubted(line, first, fewest), *_listed_doubted(line, first, fewest)]


def _listed_doubted(line: str, first: re.Match, fewest: int | None) -> list[str]:
    """The remark on a line whose run is cut at a number glued to a number after its "、" after a comma, as numbers
    listed are written ("1，2、3周": weeks 1, 2 and 3), where the run's number after it stands later
    ("1、年龄，2、3周内，3、同意"): read as the run's mark, said. Before, one criterion from that item on, with no
    remark."""
    cuts = _run_cuts(line, first, spaced=True)
    if _too_few_for_spaces(cuts, fewest or _RUN_BY_SPACES):
        cuts = _run_cuts(line, first, spaced=False)
    listed = [
        found.group()
        for end, following, _ in cuts
        if (found := _LISTED.match(line, following)) and line[:end].rstrip(_GAP_CHARS)[-1:] in ",，"
    ]
    if not listed:
        return []
    return [
        f"The criteria text has a line {shown(line.strip(), 100)} holding {', '.join(shown(x) for x in listed[:3])} "
        "after a comma, the run's next number glued to a number, as numbers listed are written ('1，2、3周'): read as "
        "the next item's mark, the run's number after it standing later: the curator's to confirm."
    ]


def _belonging(line: str, first: re.Match, fewest: int | None) -> list[str]:
    """The remark on a line whose run ends at its next number after a word it may belong to (_NUMBERED_BY), where the
    run is cut so twice already or the number after it stands later as the next item's ("1. Age 2. SLE 3. Dose per
    visit 4. Consent", "1. ICANS grade 2. Prior CAR-T 3. Pregnancy"): read as the word's, one criterion, as before,
    said. Before, one criterion with no remark."""
    refused: list[re.Match] = []
    if _too_few_for_spaces(_run_cuts(line, first, spaced=True, refused=refused), fewest or _RUN_BY_SPACES):
        refused.clear()
        _run_cuts(line, first, spaced=False, refused=refused)
    if not refused:
        return []
    at = refused[0].end()
    mark, words = line[at:].split()[0], line[: refused[0].start()].split()
    return [
        f"The criteria text has a line {shown(line.strip(), 100)} holding {shown(mark)}, the run's next number, after "
        f"a word a number may belong to ({shown(' '.join([*words[-2:], *line[at:].split()[:2]]))}): read as that "
        "word's number, one criterion, the curator's to split where it runs two items onto one line."
    ]


def _two_doubted(line: str, first: re.Match, fewest: int | None) -> list[str]:
    """_numbers_doubted's remark on a run of two by spaces."""
    spaced = _run_cuts(line, first, spaced=True)
    if not spaced or not _too_few_for_spaces(spaced, fewest or _RUN_BY_SPACES) or _run_cuts(line, first, False):
        return []
    end, following, _ = spaced[0]
    if _bracketed(line, following):
        return []  # ("(1) Age 18-65 (see (2) below)": a reference within brackets, no item's number)
    mark = line[following:].split()[0]
    return [
        f"The criteria text has a line {shown(line.strip(), 100)} holding {shown(mark)} after a space before a word "
        f"({shown(line[:end].split()[-1] + ' ' + mark + ' ' + line[following:].split()[1])}), which may be the next "
        "item's number or a number of the item's words: read as one criterion (a run of two items so is not told "
        "apart from a sentence), the curator's to split where it runs two items onto one line."
    ]


# the fewest items a run of numbers on one line holds before a number after a space alone, with no stop before it,
# is read as the next item's mark: "1) Age 18-65 2) SLE 3) Consent" is three; "1. CTCAE grade 2. Age 18-65", a
# run of two, may be a sentence's number and is read as written
_RUN_BY_SPACES = 3
# ... but in a text that runs a list of that many onto a line already ("Inclusion Criteria: 1) Age 2) SLE 3) Consent
# Exclusion Criteria: 1) Pregnancy 2) HIV", each list run onto the line of its heading), two: the text writes its
# lists so (before, "Pregnancy 2) HIV" was one exclusion criterion)
RUN_IN_TEXT = 2
# the stops that end an item of a run before the next one's mark ("1. Age 18-65; 2. SLE", "1、...；2、...")
_STOPS = ";.,。；，"


def _cut(line: str, after: re.Match) -> tuple[int, int, bool]:
    """A run's cut (after: the match of what stands between an item and the next one's mark): where the item ends,
    where the next one's mark starts, and whether a stop ends the item."""
    return after.start(), after.end(), line[after.start() - 1] in _STOPS


def _too_few_for_spaces(cuts: list[tuple[int, int, bool]], fewest: int = _RUN_BY_SPACES) -> bool:
    """Whether a run cut after a space alone (no stop) marks fewer than fewest items (_RUN_BY_SPACES): too few to be
    read as a run there. The runs of numbers and of letters each wrote it (one "any not", the other "not all")."""
    return len(cuts) + 1 < fewest and not all(stopped for _, _, stopped in cuts)


def run_in_items(line: str, fewest: int | None = None) -> list[str]:
    """A line that numbers its items one after another in a run ("1. Age 18-65; 2. SLE; 3. Consent."),
    as the lines it runs together: each next number ("2.", then "3.", ...), marked as the first is,
    after the punctuation that ends the item before it, starts a line; and after a space alone where the run
    numbers _RUN_BY_SPACES items at least, in order ("1) Age 18-65 2) SLE 3) Consent", "1. Creatinine < 1.5 mg/dL
    2. Age 18-65 3. Consent": before, one criterion holding three, and the check, reading the source alike,
    passed it); a line that bullets them so, likewise (_run_in_bullets). Any other line as it is. fewest: the items a
    run by spaces holds at least (RUN_IN_TEXT in a text that runs its lists in so)."""
    first = _FIRST_NUMBER.match(line)
    if first is None:
        circled = _run_in_enclosed(line) or _run_in_han(line)
        return [
            part
            for x in circled or _run_in_bullets(line)
            for lettered in _run_in_letters(x)
            for part in ([lettered] if circled else _enclosed_after_words(lettered))
        ]
    cuts = _run_cuts(line, first, spaced=True)
    if _too_few_for_spaces(cuts, fewest or _RUN_BY_SPACES):
        cuts = _run_cuts(line, first, spaced=False)
    if not cuts:
        return [part for lettered in _run_in_letters(line) for part in _enclosed_after_words(lettered)]
    indent, out, start = first.group("indent"), [], 0
    for end, following, _ in cuts:
        out.append(line[start:end].rstrip())
        start = following
    # (an item's mark glued to a number or a bracket, "2)2019 SLE", spaced as a list item's mark is read: "2) 2019 SLE")
    lines = [out[0], *(_GLUED_MARK.sub(r"\g<mark> ", indent + p, 1) for p in [*out[1:], line[start:]])]
    return [part for x in lines for lettered in _run_in_letters(x) for part in _enclosed_after_words(lettered)]


# a line opening with an enclosed numeral ("① Age 18 to 65 ② SLE per ACR ③ Consent", "⑴", "❶"), which marks an
# item and nothing else: the items of a list run together onto one line where the next numeral of its kind stands
_FIRST_ENCLOSED = lazy(rf"^(?P<indent> *)(?P<mark>[{ENCLOSED}]){_GAP}*(?=\S)")


def _run_in_enclosed(line: str) -> list[str] | None:
    """A line numbering its items with enclosed numerals one after another ("① Age 18 to 65 ② SLE per ACR ③ Consent",
    "①年龄18-65岁；②确诊SLE"), as the lines it runs together: each next numeral in order, of the first's kind (the
    character after it, "②" after "①", "⑵" after "⑴"), starts a line, wherever it stands (no sentence writes one).
    Before, one criterion holding them all, with no remark. None where the line opens with no run so."""
    first = _FIRST_ENCLOSED.match(line)
    if first is None:
        return None
    code, at, starts = ord(first["mark"]), first.end(), []
    while unicodedata.numeric(chr(code + 1), None) == unicodedata.numeric(chr(code)) + 1:
        code += 1
        found = line.find(chr(code), at)
        if found < 0:
            break
        starts.append(found)
        at = found + 1
    if not starts:
        return None
    bounds = [len(first["indent"]), *starts, len(line)]
    return [first["indent"] + line[start:end].strip() for start, end in itertools.pairwise(bounds)]


# a line opening with a Chinese numeral and "、" ("一、年龄 二、确诊SLE 三、同意"): the items of a list run
# together onto one line where the next numeral so stands after a space or a stop
_FIRST_HAN = lazy(rf"^(?P<indent> *)(?P<num>[{HAN_DIGITS}]{{1,3}})、{_GAP}*(?=\S)")


def _run_in_han(line: str) -> list[str] | None:
    """A line numbering its items with Chinese numerals one after another ("一、年龄 二、确诊SLE 三、同意"), as the
    lines it runs together: each next numeral in order with its "、", after a space or a stop (never after a numeral:
    "十二、" is no "二、"), starts a line. Before, one criterion holding them all, with no remark. None where the line
    opens with no run so."""
    first = _FIRST_HAN.match(line)
    number = han_number(first["num"]) if first is not None else None
    if first is None or number is None:
        return None
    at, starts = first.end(), []
    while (found := line.find(f"{han_numeral(number + 1)}、", at)) > 0 and line[
        found - 1
    ] in _GAP_CHARS + _STOPS + "；。，":
        starts.append(found)
        at, number = found + 1, number + 1
    if not starts:
        return None
    bounds = [len(first["indent"]), *starts, len(line)]
    return [first["indent"] + line[start:end].strip() for start, end in itertools.pairwise(bounds)]


def _enclosed_after_words(line: str) -> list[str]:
    """A line whose words run items numbered with enclosed numerals after them ("1. Organ function: ① Hb ≥ 9 ② ANC ≥
    1.5"), as its words and the items indented under them, as a run lettered after words is (_run_in_letters): from
    the first "①" of its kind (a numeral of 1 after a space or a stop) on, each next one in order starts an item.
    Before, one criterion holding them all, with no remark. Any other line as it is."""
    body = list_item(line)
    start = body.start("text") if body is not None and is_marked(body) else len(line) - len(line.lstrip(" "))
    opened = next(
        (
            at
            for at in range(start + 1, len(line))
            if line[at] in _ENCLOSED_ONES and line[at - 1] in f"{_GAP_CHARS}{_STOPS}:：（("
        ),
        None,
    )
    if opened is None or not line[:opened].strip() or marker_only(line[:opened].strip()):
        return [line]
    items = _run_in_enclosed(" " * (len(line) - len(line.lstrip(" ")) + 2) + line[opened:])
    return [line[:opened].rstrip(), *items] if items else [line]


# the enclosed numerals of 1, each of its kind: a run after words opens with one ("①", "⑴", "⒈", "❶", "➀", "➊", "⓵")
_ENCLOSED_ONES = frozenset(
    chr(code)
    for lo, hi in re.findall(r"(.)-(.)", ENCLOSED)
    for code in range(ord(lo), ord(hi) + 1)
    if unicodedata.numeric(chr(code)) == 1
)


def run_goes_on(last: str, line: str) -> list[str] | None:
    """The items of a run of numbered items (a line run_in_items cut) whose last item, last, wraps onto line, a line
    with no list mark that goes on with it (lines.runs_on: "1. Age 18-65; 2. SLEDAI-2K ≥ 8," / "despite therapy;
    3. Consent."), where the run's numbering goes on in line: last and the items line runs on to, as run_in_items
    reads them joined, the wrapped line a part of last's words, as the reader joins it. Before, the run was cut on
    its first line alone: "3. Consent." was read as words of item 2, two criteria as one, and the check, reading
    the source alike, passed it. None where line holds no next item of the run."""
    # (a heading under the run heads a list, whatever the run's last words: "... and" / "Exclusion Criteria: ...")
    if _FIRST_NUMBER.match(last) is None or is_marked(list_item(line)) or heading_of(line) is not None:
        return None
    if not runs_on(last, line, indent_of(last)):
        return None
    parts = run_in_items(f"{last} {line.strip()}")
    return parts if len(parts) > 1 and parts[0].startswith(last.rstrip() + " ") else None


# the first mark of a run of lettered items on one line ("a) an IUD b) hormonal contraception c) abstinence", "(a)",
# "A.", "i)" as roman numerals run), at the line's start (after its own mark, if any) or after a space or a colon; or
# of items numbered after words ("... one of the following: (1) IUD; (2) hormonal; (3) abstinence", "：1、...；2、...")
_FIRST_LETTER = lazy(
    r"(?:(?<=[\s:：;,，；])|^)(?P<open>[(（]?)(?P<letter>[aA]|i|I|(?P<one>[1１]))(?P<close>\\?[.)）]|(?(one)、|(?!)))"
    rf"(?:{_GAP}*(?<=[{_GAP_CHARS}）、])(?=[^\W_]|[<>≤≥(\[])|(?=[\u3400-\u9fff]))"  # (or no space before a CJK word)
)
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _written_as(number: int, first: str) -> str:
    """number written in the digits a run's first number is written in (first): full-width where it is, as CJK texts
    write them ("２" after "１．"), else ASCII; both runs, of numbers and of numbers after words, wrote it alike."""
    return str(number).translate(_FULL_WIDTH if first[0] > "9" else {})


def _run_in_letters(line: str) -> list[str]:
    """A line that letters items one after another in a run ("1. Contraception: a) an IUD b) hormonal c)
    abstinence", "a) Hb ≥ 9 g/dL; b) ANC ≥ 1.5"), or numbers them after words ("2. Contraception, one of: (1) IUD;
    (2) hormonal; (3) abstinence", "器官功能：1）...；2）..."), as the lines it runs together, as a line's run of
    numbers is (run_in_items): each next letter or number in order ("b)", then "c)", marked as the first is) after a
    stop, or after a space alone where the run marks _RUN_BY_SPACES items at least. The words before the run, if
    any, are a line of their own and the items are indented under it: its parts. Before, the line was one criterion
    holding them all, and the check, reading the source alike, passed a draft reading the alternatives as one
    requirement."""
    body = list_item(line)
    start = len(body.group("indent")) if body is not None else 0
    if body is not None and is_marked(body) and not body.group("letter"):
        start = body.start("text")  # (after the line's own number or bullet)
    first = _FIRST_LETTER.search(line, start)
    if first is not None and first.group("one"):
        # numbers after words only, in brackets or before ")" or "、" ("1." is a sentence's too: "stage 1. ..."), and
        # never a number after a word it belongs to ("Table 1) ...")
        words = line[start : first.start()]
        if not words.strip() or first.group("close").endswith(".") or _NUMBERED_BY.search(words.rstrip(" (（")):
            return [line]
    if first is None:
        return [line]
    capital = first.group("letter").isupper()
    roman = first.group("letter").lower() == "i"
    # (numbers with no end: "(100) ..." after "(99) ..." was read as words of item 99, the run's marks stopping there)
    marks: Iterable[str] = (
        (_written_as(n, first.group("one")) for n in itertools.count(2))
        if first.group("one")
        else [*(_ROMANS if roman else "abcdefghijklmnopqrstuvwxyz")][1:]
    )
    opening, closing = re.escape(first.group("open")), re.escape(first.group("close"))
    # (one pattern for the run, any mark where the next may stand, each match's mark compared with the next, as
    # _run_cuts does: a pattern for each number of a run of thousands was more than the expressions' cache holds)
    marked = re.compile(
        rf"(?:(?<=[{_STOPS}]){_GAP}*|(?<=\S){_GAP}+)"
        rf"(?={opening}(?P<after_space>[0-9０-９]+|[ivxIVX]+|[a-zA-Z])(?P<after_stop>){closing}"
        rf"(?:{_GAP}*(?<=[{_GAP_CHARS}）、])\S|[\u3400-\u9fff]))"
    )
    cuts: list[tuple[int, int, bool]] = []
    at = first.end()
    for letter in marks:
        after = _numbered(marked, line, at, letter.upper() if capital else letter)
        if after is None:
            break
        cuts.append(_cut(line, after))
        at = after.end()
    if not cuts or _too_few_for_spaces(cuts):
        return [line]
    lead = line[: first.start()].rstrip()
    indent = " " * (len(line) - len(line.lstrip(" ")) + (2 if lead.strip() and not marker_only(lead.strip()) else 0))
    if lead.strip() and marker_only(lead.strip()):
        lead = ""  # ("1. a) ..."): the item's own mark before the run is no words of its own
    out, begin = ([lead] if lead.strip() else []), first.start()
    for end, following, _ in cuts:
        out.append(indent + line[begin:end].strip())
        begin = following
    return [*out, indent + line[begin:].strip()]


# a word a number after it belongs to, which no item's mark follows ("ICANS grade 2. Prior CAR-T 3. Pregnancy": the
# grade's 2, and the line one criterion, as written, not "... ICANS grade" with the grade cut off)
_NUMBERED_BY = lazy(
    r"(?i)\b(?:grade|stage|class|type|level|phase|step|part|cohort|arm|group|day|week|month|year|visit|version"
    r"|criterion|section|item|table|figure|appendix|tier|dose|cycle|line|no|number|score|tanner|nyha|ecog|who)"
    r"[ \t]*$"
)


# the marks of a number that close as a bracket does ("2)", "2.)", "2）"): a number glued after one is a word of the
# item's, not the decimal or the time "2.5" and "2:30" write
_CLOSING_MARKS = (")", ".)", "）")
# ... and such a mark, or "、", glued to the number or the bracket its item opens with ("2)2019 SLE", "2)(SLE)"),
# which marks.list_item reads as no mark: spaced in the line cut so, as the mark reads ("2) 2019 SLE")
_GLUED_MARK = lazy(r"^(?P<mark> *[(（]?[0-9０-９]+(?:\.\)|[)）、]))(?=[0-9０-９(\[（])")
# a number glued after its "、" to a number ("2、3周"): after a comma, numbers listed ("1，2、3周": weeks 1, 2 and 3)
_LISTED = lazy(r"[0-9０-９]+、[0-9０-９]")


def _listed_numbers(line: str, after: re.Match) -> bool:
    """Whether a run's next mark found (after: _run_cuts' match) is a number of numbers listed (_LISTED) after a comma,
    no item's mark where the run's number after it stands nowhere later (_run_cuts: "1、年龄，2、3周内，3、同意" is
    cut at "2、", said: _listed_doubted)."""
    return bool(_LISTED.match(line, after.end())) and line[: after.start()].rstrip(_GAP_CHARS)[-1:] in ",，"


class _Depth:
    """How deep in brackets a line stands at an index, read from the line's start once, in order (a run of thousands
    of items is read once, not once for each item)."""

    def __init__(self, line: str) -> None:
        self.line, self.at, self.depth = line, 0, 0

    def within(self, at: int) -> bool:
        """Whether index at (no lower than the last asked) stands within brackets the line opens before it and has
        not closed."""
        for char in self.line[self.at : at]:
            if char in "([{（［":
                self.depth += 1
            elif char in ")]}）］" and self.depth:
                self.depth -= 1
        self.at = max(self.at, at)
        return self.depth > 0


def _run_cuts(
    line: str, first: re.Match, spaced: bool, refused: list[re.Match] | None = None
) -> list[tuple[int, int, bool]]:
    """Where a line numbered as first is cut into the items it runs together: (where an item ends, where the next
    one's mark starts, whether a stop ends the item) for each next number marked as the first is, after a stop
    (";", ".", ","), or, spaced, after a space alone and before a word ("section 2. 3. Consent": "2." no item's).
    refused, where given, takes the run's next number the run ends at as a word's it belongs to ("visit 7.") where
    the layout says it may be the next item's: the run cut so twice already, or the number after it standing later
    as the next one's mark ("ICANS grade 2. Prior CAR-T 3. Pregnancy")."""
    opened = first.group("open") is not None
    number = int(first.group("pnum") if opened else first.group("num"))
    mark = re.escape(first.group("close") if opened else first.group("mark"))
    if mark == "\\-":
        mark += f"(?={_GAP})"  # (spaced after, as the first is: "2-fold rise" no item's mark)
    opening = re.escape(first.group("open")) if opened else ""
    # (a mark closing as a bracket does may stand glued to a number, "2)2019 SLE", as none ending in a stop or a colon
    # may: "2.5", "2:30"; before, "1) Age 18 to 65 2)2019 SLE 3) Consent" was one criterion, with no remark; and "、",
    # "1、年龄；2、2019年SLE；3、同意", never after a comma: "1，2、3" is one, two and three: _listed_numbers)
    closes = opened or first.group("mark") in _CLOSING_MARKS or first.group("mark") == "、"
    glued = "" if closes else "(?![0-9０-９])"
    # (one pattern for the run, matching any number where the next one may stand, each match's number then compared
    # with the next: a pattern compiled for each number, more than the regular expressions' cache holds, took 6.7 s to
    # cut a run of 3,000 items on a line, each time it was read)
    stopped = rf"(?<=[{_STOPS}]){_GAP}*(?={opening}(?P<after_stop>[0-9０-９]+){mark}{glued}{_GAP}*\S)"
    # (before a word, or a number after a space: "2) 2019 EULAR/ACR SLE", never "2.5"; or a bracket, "2) (SLE)",
    # which was one criterion with the run, with no remark; glued to a closing mark, "2)2019", "2)(SLE)")
    spaces = (
        rf"|(?<=\S){_GAP}+(?={opening}(?P<after_space>[0-9０-９]+){mark}(?:{_GAP}*[^\W\d_]|{_GAP}+[0-9(\[（]"
        + (r"|[0-9０-９(\[（]))" if closes else "))")
        if spaced
        else ""
    )
    marked = re.compile(stopped + spaces)
    cuts: list[tuple[int, int, bool]] = []
    at = first.end()
    depth = _Depth(line)  # (a number closing a bracket the line opened before it is the bracket's: "(age 2) (SLE)")
    while True:
        number += 1
        # (the next number written in the first's digits: "１．Age ２．SLE ３．Consent", full-width as CJK texts write)
        written = _written_as(number, first.group("pnum") or first.group("num"))
        after = _numbered(marked, line, at, written)
        belongs: re.Match | None = None  # (the first number so refused as a word's)
        # (the word before the number, read in the 40 characters before it, not the line from its start: a run of
        # thousands of items on a line was read in a time growing with their square)
        while after is not None and (
            not opening
            and _NUMBERED_BY.search(line, max(0, after.start() - 40), after.start())
            or after.group("after_space")
            and depth.within(after.end())
            or _listed_numbers(line, after)
            and _numbered(marked, line, after.end() + 1, _written_as(number + 1, written)) is None
        ):
            if belongs is None and not opening and _NUMBERED_BY.search(line, max(0, after.start() - 40), after.start()):
                belongs = after
            # ("grade 2. Prior CAR-T": grade's 2; a match of no width, after a stop, looked for past it)
            after = _numbered(marked, line, max(after.end(), after.start() + 1), written)
        if after is None:
            if (
                refused is not None
                and belongs is not None
                and (
                    len(cuts) >= _RUN_BY_SPACES - 1
                    or _numbered(marked, line, belongs.end() + 1, _written_as(number + 1, written)) is not None
                )
            ):
                refused.append(belongs)
            return cuts
        cuts.append(_cut(line, after))
        at = after.end()


# an item numbered in brackets, or before one, opening a line ("(3) abstinence", "3) abstinence")
# (of any number of digits, as the run's own are: "(100) Last" after "... (99) Item;" was a top-level criterion 100)
# (after the conjunction that joins the run's last two items, "or (3) abstinence", as the run's line itself reads it)
_BRACKETED = lazy(r" *(?:(?i:and/or|or|and) +)?(?P<mark>[(（]?(?P<n>[0-9]+)[)）]) +\S")


def bracketed_run_goes_on(last: str, line: str) -> list[str] | None:
    """The items of last and line read as one line (run_in_items), where line opens with the next number of a run
    numbered in brackets after words on last ("1. Contraception, one of: (1) IUD; (2) pill;" / "(3) abstinence",
    "1. History of one of: (1) colorectal cancer," / "(2) documented ...; or (3) melanoma"), and read so the run
    takes it in; None where it does not. Also where line opens with the conjunction joining the run's last two items
    ("... (2) anti-dsDNA;" / "   or (3) low C3"): before, "or (3) low C3" was read as words of item (2), the two
    items merged into one sub-criterion. Before, "(3) abstinence" was read as a top-level criterion 3 (required of
    everyone, with no remark), and "(2) documented ..." as criterion 2, the list's own "2." left unnumbered."""
    opened = _BRACKETED.match(line)
    if opened is None or int(opened["n"]) < 2:
        return None
    own = list_item(last)  # (the number before it after words of last's, never last's own mark: "(1) Age" / "(2) SLE")
    words = last[own.start("text") :] if own is not None and is_marked(own) else last
    if not re.search(rf"\S[ \t]*[(（]?(?<![0-9]){int(opened['n']) - 1}[)）]", words):
        return None
    parts = run_in_items(f"{last.rstrip()} {line.strip()}")
    said = " ".join(line[opened.start("mark") :].split()[:2])  # (its mark and first word: an item of the run)
    if len(parts) <= len(run_in_items(last)) or not any(part.strip().startswith(said) for part in parts):
        return None
    return parts


def _numbered(marked: re.Pattern, line: str, at: int, written: str) -> re.Match | None:
    """The first match of marked (_run_cuts' pattern of a run's next mark, any number) in line from index at on whose
    number is written so (written: "3", "３"); None where there is none."""
    while (found := marked.search(line, at)) is not None:
        if (found.group("after_stop") or found.group("after_space")) == written:
            return found
        at = max(found.end(), found.start() + 1)
    return None


def marks_alone_joined(lines: list[str]) -> list[str]:
    """The lines with each item's number or letter alone on its line ("3.", "(3)", "b)", as text copied from a PDF
    breaks an item after its mark) joined to the line of words right under it ("3." / "Signed consent": item 3,
    "Signed consent"), where that line is no item nor heading and the line above ends no sentence unfinished (whose
    words the mark may be: "ALT >" / "3."); a mark with no such line under it (a blank line, an item, the text's end)
    is an empty item, no criterion, read as a line of marks alone is (lines.MARKS_ONLY). Before, "3." was imported
    as the criterion "3." and its words as an unnumbered criterion of their own, each said to have no list mark."""
    out: list[str] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        if not _mark_alone(line) or (out and RUNS_ON.search(unescaped(out[-1]).rstrip())):
            out.append(line)
            at += 1
            continue
        under = lines[at + 1] if at + 1 < len(lines) else ""
        if under.strip() and not is_marked(list_item(under)) and heading_of(under) is None:
            out.append(f"{line.rstrip()} {under.strip()}")
            at += 2
            continue
        out.append("-")  # (an empty item: no words, no criterion)
        at += 1
    return out


# a run's next mark ending a line, its words wrapped onto the line under it ("1. SLE, one of: (1) ANA; (2)" /
# "   anti-dsDNA; or (3) low C3", "1. Age 18; 2." / "   SLE; 3. Consent"): a number or letter in brackets or before
# one, or a number before a stop, after a space
_MARK_ENDING = lazy(
    r"(?<=\s)[(（\[]?(?:[0-9０-９]{1,3}|[a-zA-Z]|[ivxIVX]{2,4})(?:[)）\]]|[.．、](?<![(（\[].)|\.\))[ \t]*$"
)


def marks_ending_joined(lines: list[str]) -> list[str]:
    """The lines with each line ending in the next mark of a run of items (_MARK_ENDING, run_in_items) joined to the
    line of words right under it, no item nor heading, where the two read as one line cut the run at that mark: the
    wrapped form read as the line it wraps. Before, "1. SLE, one of: (1) ANA; (2)" / "   anti-dsDNA; or (3) low C3"
    was one criterion (no run of one item on the first line, the second its words), where the line unwrapped is cut
    into three sub-criteria; and "...; (2) anti-dsDNA; or (3)" / "   low C3" read "(3) low C3" as words of item (2),
    two items merged into one with no remark."""
    out: list[str] = []
    for line in lines:
        if out and _wraps_after_mark(out[-1], line):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
            continue
        out.append(line)
    return out


def wrapped_runs_joined(lines: list[str]) -> list[str]:
    """The lines with each list item whose words wrap onto the lines under it (lines.runs_on: no list mark, no
    heading) joined into one line, where the item so joined runs items onto it that its first line does not
    (run_in_items: "4. Histologically confirmed (1) colorectal cancer, triple" / "   negative breast cancer; (2)
    documented IDH1 mutated solid tumor; or (3) glioblastoma", a paragraph wrapped at a width, NCT02576665's item 4
    so wrapped): read as the line it wraps. Before, the item was one criterion holding its three alternatives, with no
    remark, where on one line it is cut into three sub-criteria."""
    out: list[str] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        end = at + 1
        if is_marked(list_item(line)):
            while (
                end < len(lines)
                and lines[end].strip()
                and not is_marked(list_item(lines[end]))
                and heading_of(lines[end]) is None
                and runs_on(lines[end - 1], lines[end], indent_of(line))
            ):
                end += 1
        if end - at > 1:
            joined = " ".join([line.rstrip(), *(x.strip() for x in lines[at + 1 : end])])
            if _sub_items(joined, line) > _sub_items(line, line):
                out.append(joined)
                at = end
                continue
        out.append(line)
        at += 1
    return out


# a line opening with a number and the bracket closing it, no bracket opening it ("   1) criteria")
_CLOSING_NUMBER = lazy(r"[ \t]*[0-9０-９]{1,3}[)）](?![)）])")


def bracket_numbers_joined(lines: list[str]) -> list[str]:
    """The lines with each line opening with a number and a closing bracket (_CLOSING_NUMBER) joined to the line
    right above it, where that line ends in a word a number belongs to (_NUMBERED_BY) within a bracket it opens and
    has not closed ("1. SLE per ACR (see Table" / "   1) criteria"): the number the bracket closes on, its words
    wrapped, no item's mark. Before, "criteria" was read as a sub-criterion 1 of "SLE per ACR (see Table", with no
    remark."""
    out: list[str] = []
    for line in lines:
        if (
            out
            and out[-1].strip()
            and _CLOSING_NUMBER.match(line)
            and _NUMBERED_BY.search(out[-1].rstrip())
            and _Depth(out[-1]).within(len(out[-1]))
        ):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
            continue
        out.append(line)
    return out


def _sub_items(text: str, line: str) -> int:
    """How many items run_in_items reads text to run in under line's item (indented beyond it: lettered, or numbered
    after words), where it runs none of the list's own onto it: else -1, the list's own left to run_goes_on ("2. ALT <
    3 x ULN and" / "   creatinine < 1.5; 3. months washout": a wrap holding one next number, words of the item)."""
    parts = run_in_items(text)
    if sum(indent_of(part) <= indent_of(line) for part in parts) > 1:
        return -1
    return len(parts) - 1


def _wraps_after_mark(last: str, line: str) -> bool:
    """Whether last ends in a run's next mark whose words line holds (marks_ending_joined)."""
    ending = _MARK_ENDING.search(last)
    if ending is None or not line.strip() or is_marked(list_item(line)) or heading_of(line) is not None:
        return False
    joined = run_in_items(f"{last.rstrip()} {line.strip()}")
    said = f"{ending.group().strip()} {line.split()[0]}"  # (the mark and the first word under it: the run's item)
    return len(joined) > len(run_in_items(last)) and any(part.strip().startswith(said) for part in joined)


def _mark_alone(line: str) -> bool:
    """Whether a line is an item's number or letter and nothing else ("3.", "(3)", "a)", "IV."): read as the mark of
    an item whose words stand after it (a capital, which a capital letter's mark needs after it: "B. Hb")."""
    said = line.strip()
    m = list_item(said + " X")
    return (
        bool(said)
        and m is not None
        and m.start("text") == len(m.string) - 1
        and is_marked(m)
        and not (m.group("bullet") or m.group("dec"))
    )
