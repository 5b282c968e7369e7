"""Criteria text: a registry's free-text eligibility criteria split into inclusion and exclusion items.

ClinicalTrials.gov keeps eligibility criteria as one text ("Inclusion Criteria:", then bullets or
numbered lines, then "Exclusion Criteria:", ...). split_criteria turns it into the record's criteria
lists, keeping the source's own numbering: wrapped lines are joined (a line with no list mark runs
on from the one above where that one ends mid-sentence, or it is indented or begins in lower case;
under an item ending in a colon it is that item's sub-criterion; else a criterion of its own: each
reading said in a remark), indented items and paragraphs nest under the item above, or under the
paragraph above ending in a colon (two levels, as the schema allows), and a numbered list that starts
again at 1 nests under the item before it. The importer builds records with it, and the source layouts
(layouts.py) read a JSON source's criteria with it, so both read a text the same way.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from sle_trials.patterns import lazy
from sle_trials.reading import lookalike
from sle_trials.reading.invisible import DROPPED, SEPARATOR, unreordered

# markdown backslash escapes: a backslash before any ASCII punctuation, as CommonMark reads one (a scraped
# page's "2\)" is "2)"; the API's Markdown writes "soft \& bite-sized" for "soft & bite-sized")
ESCAPE = lazy(r"\\([!-/:-@\[-`{-~])")


def unescaped(text: str) -> str:
    """A markdown text (a line of criteria, an arm's description) with each escape (ESCAPE) read as the
    character it escapes, as the registry's page shows it and a record holds it; but the text as written
    where so read it would still hold a backslash before punctuation (an escaped backslash, "Hb \\\\>= 8"
    shown "Hb \\>= 8"), which a record's reading (layouts.normalise) reads as an escape again (">="). A
    record copying the source's escapes is held to the source's own (Sources.miswritten) and reads as
    the page shows it. Before, such a study was imported into a draft its own check refused (E501, E512)."""
    if "\\" not in text:
        return text
    shown = ESCAPE.sub(r"\1", text)
    return text if ESCAPE.search(shown) else shown


# The word a criteria list's heading or a note names its list by: "inclusion", "exclusion", and "non-inclusion",
# a French protocol's word for the exclusion list (critères de non-inclusion). Read as "inclusion", it named the
# inclusion list: IM19's registry copy under such a heading read 20 inclusion criteria and no exclusion one.
SIDE_WORD = r"(?:non[-\s]?)?inclusion|exclusion"
_NON_INCLUSION = lazy(r"(?i)\bnon[-\s]?inclusion\b")


def side_named(word: str) -> str:
    """The list ("inclusion" or "exclusion") a word of SIDE_WORD names."""
    return "inclusion" if word.lower() == "inclusion" else "exclusion"


def as_sides(text: str) -> str:
    """text with each "non-inclusion" written "exclusion", the list it names: for a reading that tells the lists
    by the words "inclusion" and "exclusion"."""
    return _NON_INCLUSION.sub("exclusion", text)


# A criteria list's heading, as every reader of one reads it (the registry's criteria text here, a plain page's
# lists in list_sides, an age's side in binding): a qualifier at most, the list's word ("Inclusions",
# "Non-inclusion" too), "criteria" or none, an aside ("(all must be met)", "(continued)") and "are as follows" at
# most; a part's, a cohort's list is its side's ("Part B Inclusion Criteria:", "Exclusion criteria for cohort 2:"),
# as is a list for whom a colon ends ("Inclusion criteria for adult participants:"); "Criteria for exclusion:" too.
# Its groups: words (the heading's), qualifier, side (its list's word), cohort (a part's, before the word), whom
# (for whom, after it), aside. Written once: three readers each wrote their own, and only list_sides knew "Exclusions:",
# "Criteria for exclusion:" or a heading naming whom it is for (the importer left such a list to the curator).
_PART = r"(?:part|cohort|arm|stage|phase|group)\s+[\w.-]{1,4}"
HEADING = (
    r"(?P<words>(?:(?P<qualifier>key|main|major|principal|general|specific|additional|other|further|selected"
    r"|important)\s+)?"
    rf"(?:criteria\s+(?:for|of)\s+)?(?:(?P<cohort>{_PART})\s+)?(?P<side>{SIDE_WORD})(?P<listed>s?\s+criteri(?:a|on|as)|s)?"
    # (for whom after a list's word: "Exclusion criteria for adult participants:", "Exclusions for adolescents:"; not
    # after the bare word, which names the act of including ("Inclusion in another trial: within 30 days", an
    # exclusion criterion)
    rf"(?P<whom>\s+(?:for|in)\s+(?:{_PART}|(?(listed)[^:\n.;()]{{1,40}}?(?=\s*[*_]{{0,3}}\s*:)|(?!))))?"
    r"(?P<aside>\s*\([^()\n]{0,120}\))?"
    r"(?:\s+(?:are|were|include[sd]?)(?:\s+as\s+follows)?|\s+as\s+follows)?)"
)
# ... on a page's line (list_sides, binding): ended by a colon, a dash, the line's end, or a list's first mark after
# it ("Inclusion Criteria * 1)"), a page's lines run into one
_ENDED = (
    r"(?:\s*[*_]{0,3}\s*(?::|[-\u2013\u2014](?=\s|$)|$)"
    r"|[*_]{0,3}(?=\s+(?:[-*\u2022\u00b7\u2013]|\(?(?:\d{1,3}|[a-zA-Z]|[ivx]{2,4}|[IVX]{2,4})[.)])\s))"
)
# ... opening a line after marks at most: a markdown heading's or emphasis, a bullet, a section's number
_OPENING = (
    r"(?:#{1,6}\s*|[*_]{1,3}\s*|[-\u2022\u00b7\u2013]\s+"
    r"|\(?(?:\d{1,2}(?:\.\d{1,2}){0,2}|[A-Z]|[IVX]{1,4})[.)]\s*|\d{1,2}(?:\.\d{1,2}){1,2}\s+){0,3}"
)
LINE_HEADING = lazy(rf"(?i){_OPENING}{HEADING}{_ENDED}")
# ... or run into a line after a sentence's stop
RUN_IN_HEADING = lazy(rf"(?i)(?<=[.;!?])\s+[*_]{{0,3}}{HEADING}{_ENDED}")


def list_headings(line: str) -> list[re.Match[str]]:
    """Each list's heading in a line of a page (normalised: no line break), as a page's are read: at its start
    (LINE_HEADING) or run into it after a sentence's stop (RUN_IN_HEADING), in order."""
    opening = LINE_HEADING.match(line)
    return [*([opening] if opening is not None else []), *RUN_IN_HEADING.finditer(line)]


# "Inclusion Criteria:", "**Key Exclusion Criteria**", "Inclusion criteria for Part B:", "Exclusion Criteria:
# Pregnancy"; a heading naming a part of the study before or after its kind ("Part B Inclusion Criteria:",
# "Inclusion Criteria (Cohort 2):", "Inclusion Criteria - Dose Expansion:") heads a list of that kind too;
# "Non-inclusion criteria" (a French protocol's critères de non-inclusion) heads the exclusion criteria; the
# colon may be a CJK text's full-width one ("Inclusion Criteria："), or a dash ("INCLUSION CRITERIA -", as some
# registrations write a heading: before, no heading, and the whole text was left to the curator)
_HEADING = lazy(
    rf"^[#\s]*(?:\*\*|__)?\s*(?P<name>(?P<part>(?:[^\s:*_]+\s+){{1,4}}?)??{HEADING}"
    r"(?P<scope>(?(listed)\s+(?:for|of|in)\b[^:：]{0,60}|(?!))|\s*\([^()]{1,60}\)|\s+[-\u2013\u2014]\s+[^:：\s][^:：]{0,59}?)?)"
    r"(?P<dash>\s*[-\u2013\u2014]{1,2})?\s*(?:\*\*|__)?\s*(?P<colon>[:：]\s*(?:\*\*|__)?\s*(?P<rest>.*))?$",
    re.I,
)
# a bold heading closed before its dash ("**Key Inclusion Criteria** - Age 18-65", "**Exclusion Criteria** -"): read
# as the bold heading with its dash inside the bold ("**Key Inclusion Criteria - Age 18-65"), as _HEADING reads it;
# before, no heading, and the whole text was left to the curator
_BOLD_BEFORE_DASH = lazy(
    r"^(?P<heading>[#\s]*(?P<bold>\*\*|__)[^*_\n]+?[^\s*_])(?P=bold)(?=[ \t]*[-\u2013\u2014]{1,2}(?:\s|$))"
)
# a remark about the lists rather than a criterion of one: "Other protocol-defined inclusion/exclusion
# criteria may apply.", "Additional eligibility criteria are given in the protocol.", "The above information
# is not intended to contain all considerations relevant to a patient's potential participation ..."
_BOTH_LISTS = r"inclusion\s*(?:/|and|or|&)\s*exclusion|exclusion\s*(?:/|and|or|&)\s*inclusion|eligibility"
_ABOUT_THE_CRITERIA = lazy(
    rf"(?i)\b(?:(?:{_BOTH_LISTS})\s+criteri|above\s+information|information\s+(?:listed\s+|given\s+)?above)"
)
# a heading run into the line before it, after a sentence: "Inclusion Criteria: adults with SLE.
# Exclusion Criteria: pregnancy." is two lists, not an inclusion criterion that names the exclusions
_INLINE_HEADING = lazy(
    r"(?<=[.;])[ \t]+(?=(?:\*\*|__)?(?:(?:Key|KEY|Main|MAIN) )?(?:(?:Non|NON)[- ]?(?:inclusion|Inclusion|INCLUSION)"
    r"|Inclusion|Exclusion|INCLUSION|EXCLUSION)"
    r" (?:Criteria|criteria|CRITERIA)[ \t]*(?:\*\*|__)?[ \t]*:)"
)
# a list item's mark alone, ending in the full stop _INLINE_HEADING follows: "2." of "2. Exclusion Criteria:" (a
# numbered heading), not the end of a sentence
_BARE_MARK = lazy(r"[ \t]*(?:[-*•][ \t]*)?(?:[0-9]{1,3}|[A-Za-z]|[ivxIVX]{2,4})\.")


# the words naming a list's criteria ("Exclusion Criteria:", "key exclusion criteria -", "criteria for exclusion"),
# which a criterion of the other list holds where no heading split them ("Inclusion Criteria: 1) Age 18-65 2) SLE
# Exclusion Criteria: 1) Pregnancy", on one line): the import leaves that list to the curator, and the check
# refuses it declared silent (silence.py, E523)
LIST_NAMED = {
    "inclusion": lazy(r"(?i)(?<!non-)(?<!non )\binclusion\s+criteri|\bcriteria\s+for\s+inclusion\b"),
    "exclusion": lazy(r"(?i)\b(?:exclusion|non-?\s?inclusion)\s+criteri|\bcriteria\s+for\s+exclusion\b"),
}


# ... and, on a line that opens with one list's heading, the other's heading after any word: a whole text run onto
# one line, "Inclusion Criteria: 1) Age 18-65 2) SLE 3) Consent Exclusion Criteria: 1) Pregnancy", whose exclusion
# criteria were read as words of the last inclusion one, or the exclusion list given first, "Exclusion Criteria:
# Pregnancy Inclusion Criteria: Adults with active SLE", whose inclusion criteria were read as words of the last
# exclusion one (the heading's words in capitals, with a colon)
_OPENED = {
    "inclusion": lazy(r"[ \t]*(?:\*\*|__)?(?:(?:Key|KEY|Main|MAIN) )?(?:Inclusion|INCLUSION) (?:Criteria|CRITERIA)\b"),
    "exclusion": lazy(
        r"[ \t]*(?:\*\*|__)?(?:(?:Key|KEY|Main|MAIN) )?"
        r"(?:Exclusion|EXCLUSION|(?:Non|NON)[- ]?(?:inclusion|Inclusion|INCLUSION)) (?:Criteria|CRITERIA)\b"
    ),
}
# (never after the heading's own qualifier: "... Key Exclusion Criteria:" is cut before "Key", not after it, which
# left "Key" a criterion of its own)
_NOT_AFTER_A_QUALIFIER = r"(?<!\bKey)(?<!\bKEY)(?<!\bMain)(?<!\bMAIN)"
_RUN_IN = {
    "exclusion": lazy(
        r"(?<=\S)" + _NOT_AFTER_A_QUALIFIER + r"[ \t]+(?=(?:\*\*|__)?(?:(?:Key|KEY|Main|MAIN) )?"
        r"(?:Exclusion|EXCLUSION) (?:Criteria|CRITERIA)[ \t]*(?:\*\*|__)?[ \t]*:)"
    ),
    "inclusion": lazy(
        r"(?<=\S)(?<![Nn]on-)(?<!NON-)" + _NOT_AFTER_A_QUALIFIER + r"[ \t]+(?=(?:\*\*|__)?(?:(?:Key|KEY|Main|MAIN) )?"
        r"(?:Inclusion|INCLUSION) (?:Criteria|CRITERIA)[ \t]*(?:\*\*|__)?[ \t]*:)"
    ),
}


# ... and a Chinese (or Japanese) text's heading with its colon (_HAN_HEADING's words), run into a line after a stop or
# a space, "入选标准：1、年龄18-65岁；2、确诊SLE。排除标准：1、妊娠", whose exclusion criteria were read as words
# of the last inclusion one, and the exclusion list as one the text does not give; never after an item's mark
# alone ("二、 排除标准：", a numbered heading: marker_only) or a heading alone ("Inclusion Criteria 入选标准:", one
# heading in two languages)
_HAN_RUN_IN = lazy(
    r"(?:(?<=[.;!?。；！？])|(?<=\S)(?=[ \t\u3000]))[ \t\u3000]*(?=(?:\*\*|__)?[【\[]?"
    r"(?:入选|入選|纳入|納入|入组|入組|选择|選擇|選択|排除|除外)"
    r"(?:标准|標準|条件|條件|基准|基準)[】\]]?[ \t]*(?:\*\*|__)?[ \t]*[:：])"
)


def _heading_alone(text: str) -> bool:
    """Whether text is a list's heading and nothing else ("Inclusion Criteria", "入选标准：")."""
    heading = _heading_of(text)
    return heading is not None and heading[2] is None


def _inline_headings(line: str) -> list[str]:
    """The line split before each heading run into it after a sentence (_INLINE_HEADING, _HAN_RUN_IN), or on a
    line opening with one list's heading before the other's after any word (_RUN_IN), never after a list item's
    mark alone: "2. Exclusion Criteria:" is one line, a numbered heading, not an item "2." of the list above and a
    heading."""
    parts, start = [], 0
    runs = list(_INLINE_HEADING.finditer(line))
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


# the same remark marked as an item of a list, as many studies end (or interrupt) one: "* Other protocol-defined
# Inclusion/Exclusion criteria apply", "- Additional eligibility criteria may apply per protocol."; only the
# whole item, which says that more criteria apply and nothing of whom the list takes
_MARKED_REMARK = lazy(
    rf"(?i)(?:note\s*:\s*)?(?:other|additional|further|more)\b[^.;:]{{0,60}}?\b(?:(?:{_BOTH_LISTS}|study)\s+)?"
    r"criteria\s+(?:may\s+|will\s+)?apply(?:\s+(?:per|as\s+per|according\s+to)\s+(?:the\s+)?protocol)?\s*\.?"
)
# ... and that points elsewhere for more of them, or says the lists are not all of them, as such a remark does
# ("Patients who met the eligibility criteria of the parent study but withdrew consent" is a criterion; "...
# and not all inclusion/ exclusion criteria are listed." closes many sponsors' lists)
_ELSEWHERE = lazy(
    r"(?i)\b(?:other|additional|further|more|protocol|protocol-defined|apply|applies|may"
    r"|not\s+(?:all|exhaustive|complete|intended)|non-?exhaustive)\b"
)
# a note on the criterion above, in a paragraph of its own after a blank line ("Note: patients treated with
# belimumab are eligible."): words of that criterion, not a criterion of its own ("NB" only as "NB:" or "NB.", not
# the NB of "NB-UVB phototherapy", a criterion)
_NOTE = lazy(r"(?i)(?:\*\*|__|\*|_|\()?(?:note|notes|nb(?=\s*[:.,])|n\.b\.|please note)\b")
# a definition of a term the criteria use, in a paragraph of its own: "A female of childbearing potential is a
# sexually mature female who:" (its items under it), "Postmenopausal is defined as ...", "Women are considered
# of childbearing potential unless they ...": no criterion, nor are the items it lists. What it defines is a
# term, no clause: "Patients who are considered unsuitable by the investigator" is a criterion; and one that
# speaks of eligibility leads into criteria ("Subjects are considered eligible if they meet all of the following:")
_DEFINITION = lazy(
    r"(?i)^(?!.*\b(?:eligib|ineligib|exclu|inclu|enrol|criteri|allowed|permitted|required))(?:\*\*|__)?(?=[^\s*:])(?:(?!\b(?:who|whom|whose|that|which|with|without|if|when|where|unless|has|have|"
    r"had|must|should|will|may|not|no)\b)[^:]){1,120}?\s(?:is|are)\s+(?:defined\s+as\b|considered\b|"
    r"(?:a|an|any|one|someone|those)\s[^:]{0,120}?\b(?:who|that|which|if|when|unless)\s*[:：]\s*(?:\*\*|__)?$)"
)
# words that make a prefixed line a sentence about criteria, not a part's heading ("Inclusion and
# Exclusion Criteria", "Does Not Meet Inclusion Criteria:")
_NOT_A_PART = frozenset({"and", "or", "not", "no", "non", "inclusion", "exclusion", "&", "/"})
# "Eligibility criteria:", "Key Eligibility Criteria", "Criteria:": a list that is neither said to be
# inclusion nor exclusion; read as the inclusion list when an exclusion list follows it
_GENERAL = lazy(
    r"^[#\s]*(?:\*\*|__)?\s*(?:key\s+|main\s+)?(?:eligibility\s+|participant\s+|selection\s+)?criteria"
    r"\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*$",
    re.I,
)
# a sub-heading within a list ("For adolescent participants:", "**Part B**"): on its own line after a
# blank one (not a wrapped line of the item above), ending in a colon or wholly bold, items after it
_SUBHEADING = lazy(
    r"^(?:(?:\*\*|__)(?P<bold>[^*_:][^*_]{0,98}?):?(?:\*\*|__):?"
    r"|(?P<plain>(?:(?i:note|nb)\s*:\s*)?[^*•·+\-\s][^:]{0,98}?)\s*:)\s*$"  # "NOTE: for adolescents only:" too
)
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


# the characters a list's bullet is written with: markdown's and typography's, the arrows, boxes, checks and
# dashes of word processors' lists, and a symbol font's bullet pasted as a private-use character ("\uf0b7")
# (those that are no character of text, unlike "*", "+" and the dashes, mark an item with no space after them too:
# "•Age 18-65", as lists pasted from a document write them; a dash does before a capital letter, "-Age 18-65")
SYMBOL_BULLETS = "•·◦▪▫●○‣➢➤►▶▸▹◆◇■□✓✔√✗✘❖❑❒★☆→⇒・＊\ue000-\uf8ff"
BULLETS = "*+–—" + SYMBOL_BULLETS + "-"
# the spaces around a list item's marker: a word processor's no-break space and a CJK text's ideographic one too
_SPACE = "[ \u00a0\u2000-\u200a\u202f\u205f\u3000]"
# a digit of an item's number: a CJK text's full-width one too ("（１）", "１．"; int() reads it as 1); "１．５"
# (a full-width decimal, "≤\n１．５mg/dL") is no marker
_DIGIT = "[0-9\uff10-\uff19]"
# a list item's marker: a bullet ("*", "-", "•", "➢", "■", "✓", an indented "o" of a word processor's list), a number
# ("3.", "3)", "3-", "3: " before a word (not the "1: 80" of a titre), "(3)", "[3]" or "【3】" (before, "[1] Age"
# was no item's mark: each line a criterion, "[1]" kept in its text, and a wrapped line of one read as a criterion
# of its own), "3.Text" with no space, as CJK
# texts write them "3、", "3）", "3．", "（3）", "③"), a letter or roman numeral ("a.", "B)", "(c)", "ii.", as
# CJK texts write them "Ⅱ.", "ⅱ)": no number, as "ii." is none), or a decimal sub-number ("2.1", an item
# under item 2; "2.1.3", one under item 2.1), which marks an item as a bullet does (a capital letter or a decimal
# before a word in lower case is no marker: "E. coli", "1.5 mg/dL" on a wrapped line; nor a number
# before "- to": "2- to 3-fold"): each
# starts a criterion of its own, never a wrapped line of the one above ("1、Aged 18-65; 2、SLE" is two)
_ITEM = lazy(
    (
        r"^(?P<indent> *)(?:(?P<bullet>(?:[" + BULLETS + r"]|(?<= )o)(?= )|[" + SYMBOL_BULLETS + r"]|[-–—](?=[A-Z])) *"
        r"(?:(?:["  # a second bullet, doubled as a page converted twice writes it ("* • Pregnancy"): one mark
         + BULLETS + r"](?= )|[" + SYMBOL_BULLETS + r"]) *)?)?"
        r"(?:(?P<num><D>{1,3})(?P<mark>[.)]|-(?= +(?!(?:to|or|and)\b))|[:：](?= +\D)) +"
        r"|[(（\[【](?P<pnum><D>{1,3})[)）\]】] *"
        r"|(?P<cnum><D>{1,3})[、）．](?!<D>) *|(?P<tnum><D>{1,3})[.)](?=[^\W\d_])|(?P<circled>[" + ENCLOSED + r"]) *"
        r"|(?P<hnum>" + _HAN + r")[、．.] *(?![" + HAN_DIGITS + r"])|[(（](?P<hpnum>" + _HAN + r")[)）] *"
        r"|(?P<dec>[0-9]{1,3}(?:\.[0-9]{1,2}){1,3})[.)）、-]? +(?![a-z])"  # ("2.1) Hb", "2.1- Hb", as "2.1 Hb")
        r"|(?P<letter>(?:[a-z]|[ivx]{2,4})[.)] +|(?:[A-Z]|[IVX]{2,4})[.)] +(?![a-z])"
        r"|[(（\[【](?:[a-zA-Z]|[ivxIVX]{2,4})[)）\]】] *"
        r"|[(（]?[\u2160-\u217f][.)、．）] *"  # "Ⅱ.", "ⅱ)": roman numerals
        r"|[a-zA-Z][.)．）](?=[\u3400-\u9fff])))?"  # "a.抗ds-DNA抗体阳性": a letter with no space before a CJK word
        r"(?P<text>\S.*)$"
    )
    .replace(" ", _SPACE)  # a marker's spaces: a no-break or an ideographic space as well ("1.\u00a0Age")
    .replace("<D>", _DIGIT)  # its digits: full-width ones as well ("（１）", "２．", as Japanese texts number)
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


def _shared_marks(lines: list[str]) -> list[str]:
    """The lines, each mark _SHARED_MARKS lists that opens two lines in a row at one indent written, on every line
    it opens at that indent, as the bullet it stands for (an indented "o" is one already, and stays as written)."""
    opened = [
        (m["indent"], m["mark"]) if (m := _SHARED_MARK.match(x)) and not (m["mark"] == "o" and m["indent"]) else None
        for x in lines
    ]
    said = [opened[at] for at, x in enumerate(lines) if x.strip()]
    shared = {mark for mark, following in zip(said, said[1:]) if mark is not None and mark == following}
    if not shared:
        return lines
    out = list(lines)
    for at, mark in enumerate(opened):
        if mark in shared:
            start = len(mark[0])
            out[at] = lines[at][:start] + _SHARED_MARKS[mark[1]] + lines[at][start + 1 :]
    return out


# a line whose first mark is an escaped asterisk ("\\* SLEDAI as scored at screening", "\\*Temperature < 38°C", as the
# API's markdown writes a footnote's mark): a literal asterisk, as the page shows it, no bullet
_ESCAPED_STAR = lazy(r"^[ \t]*\\\*")
# ... and one whose first mark is an asterisk glued to a capital ("*Adults aged 18-65"), as "•Age" and "-Age" glue
# theirs: a bullet where the line has no other asterisk the markdown leaves unescaped (no emphasis: "*Note*"), and
# no note's label after it: "*Note: ..." is a note, its asterisk a footnote's mark (_NOTE), as "* Note:" is not
_GLUED_STAR = lazy(r"^[ \t]*\*(?=[A-Z])(?!(?i:notes?|nb|n\.b\.|please\s+note)\b)")


def _item(raw: str) -> re.Match | None:
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


def _next_said(lines: list[str], start: int) -> str | None:
    """The first line from index start on that has words, None if there is none: walked by index (an islice
    of the list, or a copy of its tail, passed over every line above start for each line asked about: a text
    of many paragraphs or "OR" lines cost the square of its lines)."""
    return next((lines[k] for k in range(start, len(lines)) if lines[k].strip()), None)


def _number(m: re.Match | None) -> int | None:
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
    return m is not None and m.start("text") == len(line) and bool(_number(m) is not None or m.group("letter"))


def _marked(m: re.Match | None) -> bool:
    """Whether the line matched is marked as a list item (a bullet, a number or a letter)."""
    return m is not None and bool(m.group("bullet") or m.group("letter") or m.group("dec") or _number(m) is not None)


# the end of a line that a sentence runs on from, onto the next line: a comparator, an operator or a comma,
# or a word that needs words after it ("ALT >" / "2.5 ULN", "Diagnosis of SLE according to" / "SLICC criteria")
_RUNS_ON = lazy(
    r"(?:[<>≤≥≦≧⩽⩾=+×*/,(\[&-]|\b(?:and|or|nor|of|with|without|to|than|in|into|for|the|a|an|by|at|as|from|on|"
    r"within|including|includes|include|not|least|more|less|over|under|above|below|between|per|if|is|are|be|"
    r"was|were|has|have|had|who|which|that|whose|x|vs|e\.g\.|i\.e\.))$",
    re.I,
)


# the words a line begins with that go on with the criterion above, capitalised or not: a note on it
# ("Note: a titre of 1:80 suffices", "NB: ..." but not "NB-UVB phototherapy"), an exception, an alternative
_GOES_ON = lazy(
    r"(?i)(?:\*\*|__|\*|_)?(?:note|notes|nb(?=\s*[:.,])|n\.b\.|i\.e\.|e\.g\.|or|and|but|unless|except|excluding|including|"
    r"with|without|if|where|which|who|whose|that|such as|defined as|provided)\b"
)


def _opens_list(text: str) -> bool:
    """Whether an item's words open a list of items under it: they end in a colon ("as follows:"), mid-sentence
    (_RUNS_ON: "one of", "defined by") or leading into one ("one of the following")."""
    said = unescaped(text).rstrip()
    return said.endswith((":", "：")) or bool(_RUNS_ON.search(said) or _FOLLOWING.search(said))


# an item's words that end leading into a list: "... one of the following", "... as follows"
_FOLLOWING = lazy(r"(?i)\b(?:the\s+following|as\s+follows)$")


@dataclass
class _Numbering:
    """Where a section's numbered items stand: the indexes of its lines numbered n at an indent, the numbers at
    each indent in the order of their lines, and the indexes of its sub-headings, read once (a numbering started
    again looks ahead for its parent's next number: resumes)."""

    at: dict[tuple[int, int], list[int]]
    groups: list[int]
    ordered: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # indent: [(index, number), ...]

    @classmethod
    def of(cls, lines: list[str]) -> _Numbering:
        at: dict[tuple[int, int], list[int]] = {}
        ordered: dict[int, list[tuple[int, int]]] = {}
        groups: list[int] = []
        for k, raw in enumerate(lines):
            if raw.startswith(_GROUP):
                groups.append(k)
                continue
            m = _item(raw)
            number = _number(m) if m is not None and _marked(m) else None
            if m is not None and number is not None:
                at.setdefault((len(m.group("indent")), number), []).append(k)
                ordered.setdefault(len(m.group("indent")), []).append((k, number))
        return cls(at, groups, ordered)

    def resumes(self, at: int, indent: int, number: int, restarted: bool = False) -> bool:
        """Whether the numbering of an item numbered number goes on (number + 1) at indent after the line at index
        at, before the list's next sub-heading: the items between, numbered again from 1, are that item's.
        restarted: the line at index at is numbered again; where it repeats the item's own number, the next
        number right after it is that line's numbering going on, not the item's: "1. Adults" / "1. SLE" / "2.
        Consent" and "2. Active SLE" / "2. Consent" / "3. Weight" are numbers typed twice, read so with a note,
        where before the line was read as a sub-list of one item under the one above it (each criterion then
        required only as a part of it) and the numbering as going on after it."""
        if restarted:
            at = self.repeated(at, indent, number)
        found = self.at.get((indent, number + 1), [])
        after = found[bisect.bisect_right(found, at)] if bisect.bisect_right(found, at) < len(found) else None
        if after is None:
            return False
        group = bisect.bisect_right(self.groups, at)
        return group == len(self.groups) or self.groups[group] > after

    def again(self, at: int, indent: int, number: int) -> bool:
        """Whether a line after the line at index at is numbered number at indent too, before the next sub-heading."""
        found = self.at.get((indent, number), [])
        k = bisect.bisect_right(found, at)
        if k == len(found):
            return False
        group = bisect.bisect_right(self.groups, at)
        return group == len(self.groups) or self.groups[group] > found[k]

    def repeated(self, at: int, indent: int, number: int) -> int:
        """The index of the line numbered number + 1 right after the line at index at (the next line numbered at
        indent), where the line at index at is numbered number too; else at."""
        ordered = self.ordered.get(indent, [])
        k = bisect.bisect_left(ordered, (at, 0))
        if k + 1 < len(ordered) and ordered[k] == (at, number) and ordered[k + 1][1] == number + 1:
            return ordered[k + 1][0]
        return at


# a name that begins in lower case, a capital within its first word ("anti-dsDNA", "eGFR ≥ 60", "hsCRP", "pANCA"):
# among lines listed under an item ending in a colon, an item of the list, not a wrapped line, which a line beginning
# in lower case is read as ("ANA" / "anti-dsDNA" under "Positive for one of:" were one sub-criterion "ANA anti-dsDNA")
_NAMED_IN_LOWER_CASE = lazy(r"[a-z][a-z-]*[A-Z]")


def _runs_on(previous: str, line: str, above: int = 0, listing: bool = False) -> bool:
    """Whether an unmarked line goes on with the line before it (no blank line between): the line
    is indented beyond it (a continuation, as markdown writes one), begins in lower case, with punctuation
    that no criterion begins with or with words that go on with the one above ("Note:", "Or",
    "Unless": _GOES_ON), or the line before ends mid-sentence (_RUNS_ON). Else it begins
    a criterion of its own ("Pregnancy" / "Active infection": two lines, two criteria). Indented is
    beyond the first line of the item above (above: its indent), not the line's start: in a text indented
    throughout (NCT04207047 starts every line with two spaces) every unmarked line was read as a wrapped
    line, and "  * Pregnancy or breastfeeding" / "  NB-UVB phototherapy within 4 weeks" imported as one
    exclusion criterion. listing: the line stands among lines listed under an item ending in a colon, where a name
    beginning in lower case (_NAMED_IN_LOWER_CASE) is an item of the list, not a wrapped line."""
    if _indent(line) > above or _GOES_ON.match(line.lstrip()):
        return True
    first = line.lstrip()[:1]
    if not (first.isdigit() or (first.isalpha() and not first.islower()) or first in "*_\"'“‘[") and not (
        listing and _NAMED_IN_LOWER_CASE.match(line.lstrip())
    ):
        return True
    return bool(_RUNS_ON.search(unescaped(previous).rstrip()))


def _margin(lines: list[str]) -> int:
    """The spaces every line of a text starts with, where its list items start with no more: the margin of a
    text indented throughout (NCT04207047 starts every line with two spaces), within which a line is read as
    unindented (a sub-heading, a cohort's label). 0 where the items stand deeper than some line (the classic
    layout's paragraphs at 8 spaces, their items at 10), whose indents say how the lines nest."""
    indents = [_indent(x) for x in lines if x.strip() and not x.startswith(_GROUP)]
    found = (_item(x) for x in lines if x.strip() and not x.startswith(_GROUP))
    items = [len(m.group("indent")) for m in found if m is not None and _marked(m)]
    return min(indents) if indents and items and min(indents) == min(items) else 0


def _indent(line: str) -> int:
    """How far a line is indented: the spaces and tabs it starts with."""
    return len(line) - len(line.lstrip(" \t"))


MAX_DEPTH = 2  # criterion > sub_criteria > sub_criteria, as the schema nests them
# a line of list marks and no words ("       -" closing a list, as a protocol pasted from a word processor
# leaves an empty item), or a page's SEPARATOR (between a table's rows, around a
# control's text: markup.py), or a markdown heading's underline or a rule ("========" under "Inclusion Criteria",
# "___"): no criterion, read as a blank line (the underline was imported as a criterion "========")
_MARKS_ONLY = lazy("[" + _SPACE[1:-1] + BULLETS + SEPARATOR + "]+|=+|_{3,}")
_GROUP = "\x00"  # marks a line of a section that a qualified heading made a group ("Inclusion Criteria for Part B")


@dataclass
class _Level:
    indent: int
    items: list
    depth: int
    last_number: int | None = None
    restarted: bool = False  # a numbered sub-list that restarted at 1 under the item above
    style: str | None = None  # how its first numbered item writes its number (_style: "9.", "(9)", "9、")
    kind: str | None = None  # the kind of mark of its first item (_kind)
    letter_style: str | None = None  # how its first lettered item writes its letter (_letter_style)
    # the kind of mark (_kind) of items nested by it alone: lettered or bulleted under a numbered item
    # ending in a colon, or lettered under a bulleted one, written at the same indent
    marked_under: str | None = None
    parent: dict | None = None  # the item whose sub-criteria these are (None: the list's top level)
    until_blank: bool = False  # bulleted as its parent, set apart with it by blank lines: it ends at the next one
    until: int | None = None  # ... or in a tight list, the index of the line its run ends at (_tight_run_end)


@dataclass
class Split:
    """A criteria text split into the record's two lists, with what the importer tells the curator."""

    inclusion: list[dict]
    exclusion: list[dict]
    remarks: list[str]
    unplaced: bool  # words that are in neither list (before the first heading, or a list of neither kind)
    headed: bool = False  # whether the text has a heading of either list (though it may list nothing under it)


def split_criteria(text: str) -> tuple[list[dict], list[dict], list[str]]:
    """(inclusion, exclusion, remarks) from the registry's criteria text, keeping its numbering."""
    found = split(text)
    return found.inclusion, found.exclusion, found.remarks


def _shown(line: str) -> str:
    """A line as a reader sees it, which is what a heading is read from: its invisible characters
    left out, a passage a bidirectional control reorders read as none, each letter of another script
    that shows an ASCII letter as that letter (lookalike.letters). A study's "Εxclusion Criteria:"
    with a Greek capital EPSILON was no heading, and its exclusion criteria were read as inclusion
    criteria (a complete record listing them so passed)."""
    return line if line.isascii() and line.isprintable() else lookalike.letters(DROPPED.sub("", unreordered(line)))


def _heading_of(
    line: str, several: frozenset[str] = frozenset(), empty: bool = False
) -> tuple[str, str | None, str | None] | None:
    """(kind, group, rest) when the line heads a list: kind inclusion, exclusion or general; group the
    heading itself when it says which part of the study it is for; rest the text after its colon.
    A line marked as a list item ("* Exclusion Criteria:", "2. Exclusion Criteria:") heads a list
    only when it is the heading alone, set off by its colon or bold: "* Inclusion criteria of the
    parent study met" is a criterion. several: the kinds the text heads more than once (_several_headed); empty:
    no line stands under the heading before the next one (_heads_nothing)."""
    if len(line.strip()) >= 120 or not line.strip():  # (the spaces around it, which a reader does not see, aside)
        return None
    bare = unescaped(_shown(line))
    item = _item(_shown(line))
    marked = _marked(item)
    if marked:
        assert item is not None
        bare = item.group("text")
    bare = _BOLD_BEFORE_DASH.sub(r"\g<heading>", bare, count=1)
    heading = _HEADING.match(bare)
    part = heading and (heading.group("part") or heading.group("cohort"))
    if heading and part and not _names_a_part(bare, part, heading):
        heading = None
    # a qualifier but "Key", "Main", "Major" or "General" may name a part of the study as a part's words do
    # ("Additional Inclusion Criteria:", a group of the list); else the heading is its list's ("additional
    # inclusion criteria:")
    qualifier = heading and heading.group("qualifier")
    if heading and qualifier and qualifier.casefold() not in _QUALIFIERS and _names_a_part(bare, qualifier, heading):
        part = qualifier
    if heading and marked and not (bare.startswith(("**", "__")) or _set_off(heading) or _alone(heading, part)):
        return None
    if heading:
        # (the words after the list's word: a part's "for Part B", for whom, an aside, a dash's words)
        scope = heading.group("scope") or heading.group("whom") or heading.group("aside")
        if scope and _HOW_APPLIED.search(scope) and not _PART_WORD.search(scope):
            scope = None  # "(all must be met)", "for all participants": how the list applies (to everyone)
        rest = heading.group("rest")  # "Exclusion Criteria: Pregnancy"; no criterion of "Inclusion Criteria:-"
        side = side_named(heading.group("side"))
        if scope and _run_in_after_dash(scope, side in several, empty) and not part and not heading.group("colon"):
            rest = scope.strip().lstrip("-\u2013\u2014").strip()  # the dash for a colon
            scope = None
        named = scope or part
        group = " ".join(heading.group("name").split()) if named else None
        return side, group, rest if _says_something(rest) else None
    han = _HAN_HEADING.match(bare)
    kind = "exclusion" if han and han.group("kind") in _HAN_EXCLUSION else "inclusion"
    said = {(han.group("en") or han.group("in_en") or kind).casefold()} if han else set()
    if han and said == {kind}:  # "入选标准：", "一、排除标准", "【排除标准】", "Inclusion Criteria 入选标准:"
        rest = han.group("rest")
        return kind, None, rest if _says_something(rest) else None
    if _GENERAL.match(bare) and not marked:
        return "general", None, None
    return None


# a Chinese (or Japanese) text's headings: "入选标准" / "纳入标准" / "入组标准" (inclusion criteria), "排除标准"
# (exclusion criteria), "選択基準" / "除外基準" as Japanese writes them; alone on their line, or with the
# criteria after a colon; numbered as a Chinese text numbers its parts ("一、入选标准："), markdown or bold, in
# brackets ("【入选标准】"), and in two languages, the English before ("Inclusion Criteria 入选标准:") or after
# in brackets ("入选标准（Inclusion Criteria）："), saying the same kind
_HAN_EXCLUSION = frozenset({"排除", "除外"})
_HAN_HEADING = lazy(
    r"^[#\s]*(?:\*\*|__)?\s*[【\[]?\s*(?:(?:key\s+)?(?P<en>inclusion|exclusion)\s+criteria\s*[/／]?\s*)?"
    r"(?P<kind>入选|入選|纳入|納入|入组|入組|选择|選擇|選択|排除|除外)(?:标准|標準|条件|條件|基准|基準)\s*[】\]]?"
    r"\s*(?:[(（]\s*(?:key\s+)?(?P<in_en>inclusion|exclusion)\s+criteria\s*[)）]"
    # (or an aside, "入选标准（需满足以下所有条件）：", "排除标准（符合以下任何一条者不能入选）：": before, no
    # heading, and the whole text was left to the curator)
    r"|[(（][^()（）:：\n]{1,40}[)）])?"
    r"\s*(?:\*\*|__)?\s*(?:[:：]\s*(?:\*\*|__)?\s*(?P<rest>.*))?$",
    re.I,
)


# words by which a heading's parenthesis or "for ..." says how its list applies, not to which part of
# the study: "Inclusion Criteria (all must be met):", "Exclusion Criteria (any of the following):"
_HOW_APPLIED = lazy(
    r"(?i)\b(?:all|any|each|every|following|must|met|meet|meets|apply|applies|required|none|one or more|at least)\b"
)


def _run_in_after_dash(scope: str, several: bool = False, empty: bool = False) -> bool:
    """Whether the words after a heading's dash are a criterion run into it, the dash standing for its colon
    ("Exclusion Criteria - pregnancy or breastfeeding", "Exclusion Criteria - Pregnancy"), not a part of the study
    it names ("Inclusion Criteria - Dose Expansion", "- Part B", "- Cohort 2", "- Adolescents"): a part's words, or
    words each capitalised that name whom, or a number or a letter alone, or that stand where the text heads its
    list of this kind more than once (several: "Inclusion Criteria - Lupus Nephritis" and "Inclusion Criteria -
    Extrarenal Lupus", two parts' lists). Before, the criterion was read as the name of a group of the list,
    and was no criterion; and a capitalised one still was ("Exclusion Criteria - Pregnancy", the list's one
    heading). Where no line stands under the heading (empty), words naming whom are its criterion too: a group
    of no criteria names none ("Inclusion Criteria - Adults With Active SLE" / "Exclusion Criteria - Pregnant
    Women" lost both criteria, and the draft had none)."""
    words = scope.strip().lstrip("-\u2013\u2014").split()
    if scope.strip()[:1] not in "-\u2013\u2014" or not words or _PART_WORD.search(scope):
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return True  # ("- pregnancy or breastfeeding", "- adults with SLE": a criterion's words)
    if len(words) == 1 and (words[0].isdigit() or (len(words[0]) == 1 and words[0].isupper())):
        return False  # ("- A", "- 2": a part's mark alone)
    if empty:
        return True
    if _WHOM.search(scope):
        return False  # ("- Adolescents": whom)
    return not several


# a sub-heading saying whom the items under it are for: "For adolescents:", "For participants aged 12 to 17 years:"
_FOR_WHOM = lazy(
    r"(?i)(?:\*\*|__)?for\s+(?:\w+\s+){0,3}?(?:adults?|adolescents?|child(?:ren)?|p(?:a)?ediatric|"
    r"participants?|patients?|subjects?|women|men|males?|females?)\b"
)
# words by which a paragraph leads into alternatives: "Patients must have at least one of the following:", "Any one
# of:", "Either:"
_ALTERNATIVES = lazy(
    r"(?i)(?:\b(?:at\s+least\s+(?:one|1)|one\s+or\s+more|one|any|either)\s+(?:\w+\s+){0,2}?(?:of\b|from\b)"
    r"|^(?:\*\*|__)?either\b)"
)
# words by which a heading's dash names whom its list is for: a group of the list ("Inclusion Criteria - Adults")
_WHOM = lazy(
    r"(?i)\b(?:adults?|adolescents?|child(?:ren)?|p(?:a)?ediatrics?|participants?|patients?|subjects?|volunteers?"
    r"|women|men|males?|females?)\b"
)


def _set_off(heading: re.Match) -> bool:
    """Whether a heading is set off by its punctuation: a colon with nothing after it, or a dash ending the line."""
    return bool((heading.group("colon") and not heading.group("rest")) or heading.group("dash"))


def _alone(heading: re.Match, part: str | None) -> bool:
    """Whether a heading's words are its line's whole text, a list's word and "criteria" with a qualifier at most
    ("* Exclusion Criteria", "2. Key Exclusion Criteria"): a heading marked as an item, as a text nesting its lists
    under their headings writes it, where before it was an item of the list above ("Exclusion Criteria", its
    criteria its parts: "Pregnancy" a part of an inclusion criterion)."""
    said = heading.group("name").strip().strip("*_").strip()
    return (
        not part
        and heading.group("listed") is not None
        and not (heading.group("scope") or heading.group("whom") or heading.group("aside") or heading.group("rest"))
        and heading.group(0).strip().strip("*_").strip() == said
    )


def _says_something(text: str | None) -> bool:
    """Whether text has a letter or digit: the dash of "Inclusion Criteria:-" or "Criteria: --" is
    the heading's punctuation, no criterion."""
    return text is not None and any(c.isalnum() for c in text)


# the qualifiers of a list's heading that never name a part of the study
_QUALIFIERS = frozenset({"key", "main", "major", "general"})


def _names_a_part(line: str, part: str, heading: re.Match) -> bool:
    """Whether the words before a heading's kind (part) name a part of the study ("Part B", "Cohort 2",
    "Dose Escalation"), as a heading writes them: each word capitalised or a number, none joining
    kinds or denying, and the line set off as a heading (its colon with nothing after it, bold, or a
    markdown heading), not a criterion's sentence that mentions the criteria."""
    words = part.split()
    if any(not (w[:1].isupper() or w[:1].isdigit()) or w.casefold() in _NOT_A_PART for w in words):
        return False
    set_off = line.lstrip().startswith(("#", "**", "__")) or _set_off(heading)
    return bool(set_off)


# the words that say which kind of list a lead-in introduces ("include" and "including" say nothing:
# "Key exclusion criteria include:")
_KIND_WORDS = {
    "inclusion": frozenset(
        {"inclusion", "inclusions", "included", "eligible", "inclusione", "inclusao", "einschlusskriterien"}
    ),
    "exclusion": frozenset(
        {
            "exclusion",
            "exclusions",
            "excluded",
            "exclude",
            "ineligible",
            "esclusione",
            "exclusao",
            "ausschlusskriterien",
        }
    ),
}
# the words of a heading of a list in another language ("Criterios de exclusión:", "Critères de non-inclusion :",
# "Criteri di esclusione:", "Ausschlusskriterien:"), which heads its list right under an item too, with no blank
# line between them: before, "Criterios de exclusión:" right under the last inclusion criterion was read as an
# inclusion criterion, the exclusion criteria its parts (pregnancy required)
_HEADING_WORDS_ONLY = frozenset(
    {
        "criterios",
        "criterio",
        "criteres",
        "critere",
        "criteri",
        "kriterien",
        "criteria",
        "de",
        "d",
        "del",
        "des",
        "di",
        "dos",
        "do",
        "da",
        "of",
        "for",
        "los",
        "las",
        "les",
        "la",
        "le",
        "os",
        "as",
    }
    | _KIND_WORDS["inclusion"] - {"included", "eligible"}
    | _KIND_WORDS["exclusion"] - {"excluded", "exclude", "ineligible"}
)


def _lead_in(lines: list[str], at: int, top: int | None = None) -> tuple[str, None, None] | None:
    """(kind, None, None) when the line at index at leads into a list of one kind in other words than
    a heading's ("Exclusion:", "Exclusions:", "Patients will be excluded if:", "Key exclusion
    criteria include:"): on its own line after a blank one, unmarked, indented no deeper than the
    list above it (top: the indent of its first item, if any) nor than the item after it, ending in a
    colon (or wholly bold), followed by a list item, speaking of exclusion or of inclusion (not of
    both, and denying neither). Else it would be a sub-heading of the list above it, and a list of
    exclusion criteria after the inclusion criteria would be read as inclusion criteria: before, so
    in a text indented throughout, as NCT04207047 indents its criteria."""
    written = unescaped(_shown(lines[at]).rstrip())
    line = written.lstrip(" ")
    indent = len(written) - len(line)
    tight = bool(at and lines[at - 1].strip())  # (right under a line: a heading's words alone, _HEADING_WORDS_ONLY)
    if not line or line[:1].isspace() or len(line) > 100:
        return None
    if top is not None and indent > top:
        return None
    item = _item(_shown(lines[at]).lstrip(" "))
    if _marked(item):
        return None
    bare = line.strip("*_ #")
    if not (line.endswith(":") or (line.startswith(("**", "__")) and bare.endswith(":"))) and not (
        line.startswith(("**", "__")) and line.endswith(("**", "__"))
    ):
        return None
    following = _next_said(lines, at + 1)
    marked = _item(following) if following is not None else None
    if marked is None or not _marked(marked) or len(marked.group("indent")) < indent:
        return None
    folded = "".join(c for c in unicodedata.normalize("NFKD", bare.casefold()) if not unicodedata.combining(c))
    words = set(re.findall(r"[a-z]+", as_sides(folded)))  # "exclusión" is exclusion
    kinds = {kind for kind, said in _KIND_WORDS.items() if words & said}
    if len(kinds) != 1 or words & {"not", "no", "non", "neither", "nor", "unless", "except"}:
        return None
    kind = kinds.pop()
    if (
        tight
        and not (words <= _HEADING_WORDS_ONLY and re.search(r"crit|kriterien", folded))
        and not (
            _leads_in(kind, bare)  # ("Patients will be excluded if they have any of the following:", its words alone)
        )
    ):
        return None
    return kind, None, None


# the words by which a line may say it heads the exclusion criteria, though it is no heading the reading knows
# ("Exclusion Criteria.", "Exclusionary criteria:", "Criteria for Exclusion", "Exlusion Criteria:", "Not eligible if:",
# "Contraindications:", "Ausschlusskriterien:"), or the inclusion criteria ("Inclusion Criterion", "Criteria for
# Inclusion", "Inlcusion criteria:")
_KIND_SAID = {
    "exclusion": lazy(r"(?i)\b(?:exclu|exlu|exclsu|excul|contra-?indicat)|ausschluss"),
    "inclusion": lazy(r"(?i)\b(?:inclu|inlcu|incul)|einschluss"),
}
# ... or by saying who is not eligible ("Not eligible if:", "Non-eligibility criteria:", "Ineligible patients:"); a
# line that denies its kind or speaks of the other kind or of eligibility too heads no list of it ("Patients with
# lupus nephritis are not excluded:", "Patients excluded from the parent study are eligible:")
_INELIGIBLE_WORDS = lazy(r"(?i)\b(?:ineligib|non[-\s]?eligib|not\s+(?:be\s+)?eligible\b)")
_OTHERWISE = {
    "exclusion": lazy(r"(?i)\b(?:not|no|never|neither|nor|unless|except|without|inclu\w*|eligib\w*)\b"),
    # (and in the exclusion list, a clause: "Subjects who meet the inclusion criteria but have:" leads into exclusions)
    "inclusion": lazy(
        r"(?i)\b(?:not|no|never|neither|nor|unless|except|without|exclu\w*|\w*eligib\w*"
        r"|who|whom|which|that|meets?|met|but|ha(?:ve|s|d)|if|also|addition)\b"
    ),
}
# the most words a line that heads a list is read to have ("The following patients are not eligible:")
_HEADING_WORDS = 8


def _doubtful_heading(lines: list[str], kind: str) -> int | None:
    """The index of the first line of a list of the other kind that may head the criteria of kind in words
    the reading does not take for a heading (_KIND_SAID, and for exclusion _INELIGIBLE_WORDS): set off as a
    heading is (first or after a blank line, unmarked, indented no deeper than the list's items, at most
    _HEADING_WORDS words) and followed by a list item; None if there is none. Read on, the exclusion
    criteria under it were imported as inclusion criteria ("Pregnancy" as a condition of taking part), and
    the other way round where the exclusion criteria come first."""
    found = [(at, m) for at, raw in enumerate(lines) if (m := _item(_shown(raw)))]
    least = min((len(m.group("indent")) for _, m in found if _marked(m)), default=0)
    for at, m in found:  # (m: each line that is no blank one)
        line = m.string
        if (at and lines[at - 1].strip()) or lines[at].startswith(_GROUP) or _marked(m):
            continue
        if line[:1] == "\t" or len(m.group("indent")) > least:
            continue  # indented under an item: no heading of a list
        ineligible = kind == "exclusion" and _INELIGIBLE_WORDS.search(line)
        if not (ineligible or (_KIND_SAID[kind].search(line) and not _OTHERWISE[kind].search(line))):
            continue
        words = re.findall(r"\w+", line)
        if len(words) > _HEADING_WORDS:
            continue
        following = _next_said(lines, at + 1)
        if following is not None and _marked(_item(following)):
            return at
    return None


def split(text: str) -> Split:
    """The criteria text under its headings: "Inclusion Criteria", "Exclusion Criteria" (with any
    wording registries use), or a general "Eligibility criteria" heading followed later by an
    exclusion one. A heading naming a part of the study ("Inclusion Criteria for Part B") starts a
    group of its own, as a sub-heading within a list does ("For adolescent participants:")."""
    sections: dict[str, list[str]] = {"inclusion": [], "exclusion": [], "general": []}
    breaks: dict[str, set[int]] = {"inclusion": set(), "exclusion": set(), "general": set()}
    current: str | None = None
    preamble = False
    lines = _shared_marks([part for line in text.split("\n") for part in _inline_headings(line)])
    lines, tables = _tables(lines)
    several = _several_headed(lines)
    labels, unlabelled = _cohorts(lines, several)
    part: str | None = None  # the cohort the lists since its label are for
    top: dict[str | None, int] = {}  # the indent of each list's first item
    for at, line in enumerate(lines):
        if at in labels.values():
            continue  # a cohort's label: the group of the lists after it
        heading = _heading_of(line, several)
        if heading is not None and heading[1] is not None and _heads_nothing(lines, at, several):
            heading = _heading_of(line, several, empty=True)
        if heading is not None and at in labels:
            part = lines[labels[at]]
        if heading is not None and part is not None and heading[0] != "general" and heading[1] is None:
            heading = (heading[0], _label_text(part), heading[2])
        lead = _lead_in(lines, at, top.get(current)) if heading is None and current != "exclusion" else None
        if lead is not None and lead[0] != current and (lead[0] == "exclusion" or current is None):
            # a list of exclusion criteria after the inclusion ones, or a first list; never back from the
            # exclusion list, whose lead-ins speak of the inclusion criteria ("Subjects who meet the
            # inclusion criteria but have any of the following:"); within its own kind, a sub-heading
            heading = lead
        if heading is not None:
            current, group, rest = heading
            if group is not None:
                sections[current] += ["", _GROUP + group]  # a group of the list (a JSON text holds no NUL)
            elif any(x.strip() for x in sections[current]):
                breaks[current].add(len(sections[current]))  # no blank line of the source's: a heading stood here
                sections[current].append("")
            if rest:
                sections[current] += _run_in_items(rest)  # "Exclusion Criteria: Pregnancy"
            continue
        if current is None:
            preamble = preamble or bool(line.strip())
            continue
        sections[current] += _run_in_items(line)
        if current not in top and _marked(first := _item(line)):
            top[current] = len(first.group("indent")) if first is not None else 0
    remarks = [
        f"The criteria text gives a table (its header {header!r}); each row below its header is read as a "
        "criterion (under a list item leading into the table, a sub-criterion of it), its cells as the row writes them."
        for header in tables
    ]
    if unlabelled:
        remarks.append(
            f"The criteria text heads more than one list {unlabelled!r} with no words before the heading "
            "saying whom each is for; their criteria are listed as one list."
        )
    unread = False
    for kind, other in (("inclusion", "exclusion"), ("exclusion", "inclusion")):
        doubtful = _doubtful_heading(sections[kind], other)
        if doubtful is None:
            continue
        remarks.append(
            f"The criteria text has a line {sections[kind][doubtful].strip()[:100]!r} that may head the {other} "
            f"criteria, in words not read as a heading; the lines under it are not imported as {kind} criteria."
        )
        # up to the list's next heading (a group of it, or a break where its heading stood again)
        end = next(
            (
                at
                for at in range(doubtful + 1, len(sections[kind]))
                if at in breaks[kind] or sections[kind][at].startswith(_GROUP)
            ),
            len(sections[kind]),
        )
        del sections[kind][doubtful:end]
        breaks[kind] = {at - (end - doubtful) if at >= end else at for at in breaks[kind]}
        unread = True  # words no list took: the curator's to read
    general = any(x.strip() for x in sections["general"])
    if general and not any(x.strip() for x in sections["inclusion"]) and any(x.strip() for x in sections["exclusion"]):
        sections["inclusion"], general = sections["general"], False
        remarks.append(
            "The criteria text heads its first list 'Eligibility criteria' and a later one 'Exclusion "
            "criteria'; the first is read as the inclusion criteria."
        )
    if preamble and (sections["inclusion"] or sections["exclusion"]):
        remarks.append("The criteria text has words before its first heading; they are not imported as criteria.")
    if general and (sections["inclusion"] or sections["exclusion"]):
        remarks.append(
            "The criteria text has a list headed neither inclusion nor exclusion; it is not imported as criteria."
        )
    for kind in ("inclusion", "exclusion"):
        said = _closing_remark(sections[kind])
        if said is not None:
            remarks.append(
                f"The {kind} criteria end with a remark about the criteria, not a criterion: {said[:100]!r}; "
                "it is not imported as one."
            )
    inclusion, r1 = _items(sections["inclusion"], breaks["inclusion"])
    exclusion, r2 = _items(sections["exclusion"], breaks["exclusion"])
    remarks += [f"Inclusion criteria: {m}" for m in r1] + [f"Exclusion criteria: {m}" for m in r2]
    for kind, items in (("inclusion", inclusion), ("exclusion", exclusion)):
        kept = []  # in one pass: removing each remark from the list was a scan of it per remark
        for item in items:
            if not _MARKED_REMARK.fullmatch(item["text"]) or "sub_criteria" in item:
                kept.append(item)
                continue
            remarks.append(
                f"The {kind} criteria list, as an item, a remark about the criteria, not a criterion: "
                f"{item['text'][:100]!r}; it is not imported as one."
            )
        items[:] = kept
    for kind, items in (("inclusion", inclusion), ("exclusion", exclusion)):
        leads = _lead_in_items(kind, items)
        if leads:
            remarks.append(
                f"The {kind} criteria list, as {'items' if len(leads) > 1 else 'an item'}, "
                f"{'lead-ins' if len(leads) > 1 else 'a lead-in'} to the list ({leads[0][:100]!r}"
                f"{', …' if len(leads) > 1 else ''}), not a criterion; not imported as one, the items "
                f"{'they lead' if len(leads) > 1 else 'it leads'} into read as the list's criteria."
            )
    headed = any(h is not None and h[0] != "general" for h in map(_heading_of, lines))
    return Split(inclusion, exclusion, remarks, unplaced=preamble or general or unread, headed=headed)


# an item that leads into its list, saying of it what the list's heading says and nothing else: "Patients who meet all
# of the following criteria:", "Participants are excluded from the study if any of the following criteria apply:",
# "To be eligible, patients must meet all of the following:", "All of the following must be met:": "the following"
# and a colon, its other words each of _LEAD_IN_WORDS (who, the list's words, eligibility, the study), never words
# saying whom or what beside them ("Patients with lupus nephritis meeting all of the following:" is a criterion, its
# items its parts); the quantifier as the list's (an inclusion list's items are each required: "all" or none; an
# exclusion list's each exclude: "any" or none), else the item says more than the list does ("any of" in an
# inclusion list: alternatives)
_LEAD_IN_WORDS = frozenset(
    """a an the this these that who which whom each every all any of following criteria criterion conditions
    requirements inclusion exclusion eligibility eligible ineligible included include excluded exclude exclusionary
    patient patients subject subjects participant participants individual individuals candidate candidates volunteer
    volunteers person persons must should shall will would may need needs to have has be been are is meet meets
    meeting met fulfil fulfill fulfils fulfills fulfilling satisfy satisfies satisfying apply applies in from
    for if they only study trial enrolled enrollment enrolment enrol enroll entry participation participate enter
    considered consideration admission admitted order presenting with presence not also below listed""".split()
)
_LEAD_IN_WORD = lazy(r"[^\W\d_]+")


def _leads_in(kind: str, text: str) -> bool:
    """Whether an item's text leads into its list of kind and says nothing else (_LEAD_IN_WORDS)."""
    said = unescaped(text).strip().strip("*_").strip()
    if not said.endswith((":", "：")) or len(said) > 200:
        return False
    words = [w.casefold() for w in _LEAD_IN_WORD.findall(said)]
    if "following" not in words or any(w not in _LEAD_IN_WORDS for w in words):
        return False
    if kind == "inclusion":
        return not {"any", "not", "exclusion", "excluded", "exclude", "exclusionary", "ineligible"} & set(words)
    # ("Subjects presenting with any of the following will not be included in the study:")
    return "all" not in words and ("not" in words or not {"inclusion", "included", "include", "eligible"} & set(words))


def _lead_in_items(kind: str, items: list[dict]) -> list[str]:
    """Each unnumbered item that leads into its list (_leads_in), the first of its group, taken off the list, the
    items under it, if any, put in its place as the list's criteria: the texts of those taken off. Before, "* Patients
    who meet all of the following criteria:" was imported as a criterion of its own ("Patients who meet all of the
    following criteria:" required, or holding the list's criteria as its parts), and the check, reading the source
    alike, passed it."""
    taken: list[str] = []
    at = 0
    while at < len(items):
        item = items[at]
        first = at == 0 or items[at - 1].get("group") != item.get("group")
        others = "sub_criteria" in item or at + 1 < len(items)  # (its items under a label of the list's, too)
        if not (first and others and "number" not in item and _leads_in(kind, item["text"])):
            at += 1
            continue
        subs = [_grouped(sub, item.get("group")) for sub in item.get("sub_criteria", [])]
        items[at : at + 1] = subs
        taken.append(item["text"])
        at += len(subs)
    return taken


# a markdown table's rows ("| Hb | >= 9 g/dL |") and the row under its header ("|---|:---:|")
_TABLE_ROW = lazy(r"^(?P<indent> *)\|(?P<cells>.*)\|\s*$")
_TABLE_RULE = lazy(r"^ *\|?(?: *:?-{3,}:? *\|)+ *:?-{3,}:? *\|? *$|^ *\|(?: *:?-{3,}:? *\|)+ *$")


def _tables(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines with each markdown table (a header row, its rule "|---|---|", then rows, each
    between pipes) made a list: each row below the rule an item bulleted at the table's indent, its
    cells as the row writes them ("* Hb | >= 9 g/dL"), the header and the rule dropped; and the
    header of each table (its words, for a remark). Run together onto one line, a table's rows
    would be one criterion, its header and rule in it."""
    out: list[str] = []
    headers: list[str] = []
    at = 0
    while at < len(lines):
        header = _TABLE_ROW.match(lines[at])
        if header is None or at + 1 >= len(lines) or not _TABLE_RULE.match(lines[at + 1]):
            out.append(lines[at])
            at += 1
            continue
        headers.append(" ".join(header.group("cells").split()))
        indent = _table_indent(out, len(header.group("indent")))
        at += 2
        while at < len(lines) and (row := _TABLE_ROW.match(lines[at])) is not None:
            cells = " ".join(row.group("cells").split())
            if cells.strip("| "):
                out.append(f"{' ' * indent}* {cells}")
            at += 1
    return out, headers


def _table_indent(above: list[str], indent: int) -> int:
    """The indent a table's rows are bulleted at: the table's own, or, right under a list item that leads into it
    ("* Adequate laboratory values:", "3. Labs as follows", blank lines between them aside), beyond that item's, so
    that its rows are the item's parts ("* Adequate labs:" / "| Hb | >= 9 g/dL |": the rows were read as criteria of
    their own, each beside the item that names them its parts, and the check, reading the source alike, passed it)."""
    k = len(above) - 1
    while k >= 0 and not above[k].strip():
        k -= 1
    while k > 0 and not _marked(_item(above[k])) and above[k - 1].strip():
        k -= 1  # (the item's wrapped lines)
    m = _item(above[k]) if k >= 0 else None
    if m is None or not _marked(m) or len(m.group("indent")) < indent - 1:
        return indent
    said = " ".join([m.group("text"), *(x.strip() for x in above[k + 1 :] if x.strip())])
    return len(m.group("indent")) + 2 if _opens_list(said) else indent


# (never the first part of a decimal sub-number: "1.2. Weight > 40 kg" is item 1.2, not "1." run into "2. Weight")
# ... or a number in brackets ("(1) Age 18-65 (2) SLE (3) Consent", "[1] ...", "（1）...")
_FIRST_NUMBER = lazy(
    r"^(?P<indent> *)(?:(?P<num>[0-9０-９]{1,2})(?P<mark>[.．](?![0-9０-９])|[)）、]|:(?=[ \t]+\D))"
    r"|(?P<open>[(（\[【])(?P<pnum>[0-9０-９]{1,2})(?P<close>[)）\]】]))[ \t]*(?=\S)"
)


# a line that begins with a bullet and a space, the same bullet standing again between spaces later on
# ("* Age ≥ 18 years * SLE diagnosis * SLEDAI ≥ 8"): the items of a list run together onto one line
_FIRST_BULLET = lazy(r"^(?P<indent> *)(?P<bullet>[*" + SYMBOL_BULLETS + r"])[ \t]+(?=\S)")
# bullets that are operators too: "*" and "·" multiply ("2.5 * ULN", "1.5 · 10^9/L"); one of them between
# items stands after a word (no number, unit in brackets or operator) and before a capitalised word
_OPERATOR_BULLETS = "*·"


def _run_in_bullets(line: str) -> list[str]:
    """A line that bullets its items one after another in a run ("* Age ≥ 18 years * SLE diagnosis"),
    as the lines it runs together: the bullet the line begins with, between spaces, starts a line
    (a "*" or "·" only after a letter and before a capital: "ALT ≤ 2.5 * ULN" is one item). Any other
    line as it is."""
    first = _FIRST_BULLET.match(line)
    if first is None:
        return [line]
    bullet, indent = first.group("bullet"), first.group("indent")
    mark = re.escape(bullet)
    if bullet in _OPERATOR_BULLETS:
        between = re.compile(rf"(?<=[^\W\d_])[ \t]+{mark}[ \t]+(?=[A-Z])")
    else:
        between = re.compile(rf"[ \t]+{mark}[ \t]+(?=\S)")
    parts = between.split(line[first.end() :])
    if len(parts) == 1:
        return [line]
    return [f"{indent}{bullet} {part.strip()}" for part in parts]


# the fewest items a run of numbers on one line holds before a number after a space alone, with no stop before it,
# is read as the next item's mark: "1) Age 18-65 2) SLE 3) Consent" is three; "1. CTCAE grade 2. Age 18-65", a
# run of two, may be a sentence's number and is read as written
_RUN_BY_SPACES = 3


def _run_in_items(line: str) -> list[str]:
    """A line that numbers its items one after another in a run ("1. Age 18-65; 2. SLE; 3. Consent."),
    as the lines it runs together: each next number ("2.", then "3.", ...), marked as the first is,
    after the punctuation that ends the item before it, starts a line; and after a space alone where the run
    numbers _RUN_BY_SPACES items at least, in order ("1) Age 18-65 2) SLE 3) Consent", "1. Creatinine < 1.5 mg/dL
    2. Age 18-65 3. Consent": before, one criterion holding three, and the check, reading the source alike,
    passed it); a line that bullets them so, likewise (_run_in_bullets). Any other line as it is."""
    first = _FIRST_NUMBER.match(line)
    if first is None:
        return [part for x in _run_in_bullets(line) for part in _run_in_letters(x)]
    cuts = _run_cuts(line, first, spaced=True)
    if len(cuts) + 1 < _RUN_BY_SPACES and any(not stopped for _, _, stopped in cuts):
        cuts = _run_cuts(line, first, spaced=False)
    if not cuts:
        return _run_in_letters(line)
    indent, out, start = first.group("indent"), [], 0
    for end, following, _ in cuts:
        out.append(line[start:end].rstrip())
        start = following
    lines = [out[0], *(indent + p for p in out[1:]), indent + line[start:]]
    return [part for x in lines for part in _run_in_letters(x)]


# the first mark of a run of lettered items on one line ("a) an IUD b) hormonal contraception c) abstinence", "(a)",
# "A.", "i)" as roman numerals run), at the line's start (after its own mark, if any) or after a space or a colon; or
# of items numbered after words ("... one of the following: (1) IUD; (2) hormonal; (3) abstinence", "：1、...；2、...")
_FIRST_LETTER = lazy(
    r"(?:(?<=[\s:：;,，；])|^)(?P<open>[(（]?)(?P<letter>[aA]|i|I|(?P<one>[1１]))(?P<close>\\?[.)）]|(?(one)、|(?!)))"
    r"(?:[ \t]*(?<=[ \t）、])(?=[^\W_]|[<>≤≥(\[])|(?=[\u3400-\u9fff]))"  # (or no space before a CJK word)
)
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def _run_in_letters(line: str) -> list[str]:
    """A line that letters items one after another in a run ("1. Contraception: a) an IUD b) hormonal c)
    abstinence", "a) Hb ≥ 9 g/dL; b) ANC ≥ 1.5"), or numbers them after words ("2. Contraception, one of: (1) IUD;
    (2) hormonal; (3) abstinence", "器官功能：1）...；2）..."), as the lines it runs together, as a line's run of
    numbers is (_run_in_items): each next letter or number in order ("b)", then "c)", marked as the first is) after a
    stop, or after a space alone where the run marks _RUN_BY_SPACES items at least. The words before the run, if
    any, are a line of their own and the items are indented under it: its parts. Before, the line was one criterion
    holding them all, and the check, reading the source alike, passed a draft reading the alternatives as one
    requirement."""
    body = _item(line)
    start = len(body.group("indent")) if body is not None else 0
    if body is not None and _marked(body) and not body.group("letter"):
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
    if first.group("one"):
        digits = str.maketrans("0123456789", "０１２３４５６７８９") if first.group("one") > "9" else {}
        marks = [str(n).translate(digits) for n in range(2, 100)]
    else:
        marks = [*(_ROMANS if roman else "abcdefghijklmnopqrstuvwxyz")][1:]
    opening, closing = re.escape(first.group("open")), re.escape(first.group("close"))
    cuts: list[tuple[int, int, bool]] = []
    at = first.end()
    for letter in marks:
        written = re.escape(letter.upper() if capital else letter)
        after = re.compile(
            rf"(?:(?<=[;.,。；，])[ \t]*|(?<=\S)[ \t]+)"
            rf"(?={opening}{written}{closing}(?:[ \t]*(?<=[ \t）、])\S|[\u3400-\u9fff]))"
        ).search(line, at)
        if after is None:
            break
        cuts.append((after.start(), after.end(), line[after.start() - 1] in ";.,。；，"))
        at = after.end()
    if not cuts or (len(cuts) + 1 < _RUN_BY_SPACES and not all(stopped for _, _, stopped in cuts)):
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


def _run_cuts(line: str, first: re.Match, spaced: bool) -> list[tuple[int, int, bool]]:
    """Where a line numbered as first is cut into the items it runs together: (where an item ends, where the next
    one's mark starts, whether a stop ends the item) for each next number marked as the first is, after a stop
    (";", ".", ","), or, spaced, after a space alone and before a word ("section 2. 3. Consent": "2." no item's)."""
    opened = first.group("open") is not None
    number = int(first.group("pnum") if opened else first.group("num"))
    mark = re.escape(first.group("close") if opened else first.group("mark"))
    opening = re.escape(first.group("open")) if opened else ""
    # (the next number written in the first's digits: "１．Age ２．SLE ３．Consent", full-width as CJK texts write)
    digits = (
        str.maketrans("0123456789", "０１２３４５６７８９")
        if (first.group("pnum") or first.group("num"))[0] > "9"
        else {}
    )
    cuts: list[tuple[int, int, bool]] = []
    at = first.end()
    while True:
        number += 1
        written = str(number).translate(digits)
        stopped = rf"(?<=[;.,。；，])[ \t]*(?={opening}{written}{mark}(?![0-9０-９])[ \t]*\S)"
        spaces = rf"|(?<=\S)[ \t]+(?={opening}{written}{mark}[ \t]*[^\W\d_])" if spaced else ""
        after = re.compile(stopped + spaces).search(line, at)
        while after is not None and not opening and _NUMBERED_BY.search(line, 0, after.start()):
            after = re.compile(stopped + spaces).search(line, after.end())  # ("grade 2. Prior CAR-T": grade's 2)
        if after is None:
            return cuts
        cuts.append((after.start(), after.end(), line[after.start() - 1] in ";.,。；，"))
        at = after.end()


def _heads_nothing(lines: list[str], at: int, several: frozenset[str]) -> bool:
    """Whether no line with words stands under the heading at lines[at] before the next heading or the text's end."""
    for line in lines[at + 1 :]:
        if not line.strip():
            continue
        return _heading_of(line, several) is not None
    return True


def _several_headed(lines: list[str]) -> frozenset[str]:
    """The kinds of list (inclusion, exclusion) the text heads more than once: a heading's capitalised words after
    its dash name a part of the study there (_run_in_after_dash)."""
    kinds = [h[0] for line in lines if (h := _heading_of(line)) is not None]
    return frozenset(kind for kind in ("inclusion", "exclusion") if kinds.count(kind) > 1)


def _cohorts(lines: list[str], several: frozenset[str] = frozenset()) -> tuple[dict[int, int], str | None]:
    """Where the text lists criteria of one kind more than once, under headings that say no part of
    the study ("Inclusion Criteria:" for cohort A, again for cohort B), each heading's label: the
    line that stands before it on its own (after a blank line, unmarked, set off as a label is:
    "Cohort B (lupus nephritis):", "**Cohort B**", "### Cohort B"), which names whom the lists after
    it are for, their group. ({index of a heading: index of its label}, the kind of a heading
    repeated with no label, if any.)"""
    plain = [
        (at, h[0])
        for at, line in enumerate(lines)
        if (h := _heading_of(line, several)) and h[0] != "general" and not h[1]
    ]
    kinds = [kind for _, kind in plain]
    if not any(kinds.count(kind) > 1 for kind in ("inclusion", "exclusion")):
        return {}, None
    labels: dict[int, int] = {}
    margin = _margin(lines)
    for at, _ in plain:
        before = at - 1
        while before >= 0 and not lines[before].strip():
            before -= 1
        if before >= 0 and _is_label(lines, before, margin):
            labels[at] = before
    seen: set[str] = set()
    unlabelled = None
    labelled = False
    for at, kind in plain:
        labelled = labelled or at in labels
        if kind in seen and not labelled:
            unlabelled = unlabelled or f"{kind} criteria"
        seen.add(kind)
    return labels, unlabelled


# the words that name a part of a study, in a label set off by nothing else
_PART_WORD = lazy(
    r"(?i)\b(?:cohorts?|parts?|arms?|groups?|stages?|phases?|populations?|sub-?stud(?:y|ies)|escalation|expansion)\b"
)


def _is_label(lines: list[str], at: int, margin: int = 0) -> bool:
    """Whether the line at index at is set off as a label: first or after a blank line, unindented,
    unmarked, short, no heading of criteria, and ending in a colon, wholly bold, a markdown heading,
    or naming a part of the study ("Cohort B", not ending a sentence)."""
    line = unescaped(lines[at].rstrip())
    if (at and lines[at - 1].strip()) or _indent(line) > margin or line[:1] == "\t":
        return False
    line = line[margin:]
    if len(line) > 100 or _heading_of(line) is not None:
        return False
    if _marked(_item(lines[at][margin:])) or not _says_something(line):
        return False
    return (
        line.endswith((":", "："))
        or line.startswith("#")
        or (line.startswith(("**", "__")) and line.endswith(("**", "__")))
        or (bool(_PART_WORD.search(line)) and not line.endswith((".", ";")))  # "Cohort B (lupus nephritis)"
    )


def _label_text(line: str) -> str:
    """A label's words, as a group holds them: without its markdown and its colon."""
    return " ".join(unescaped(line).strip().lstrip("#").strip().strip("*_").rstrip(":：").strip("*_ ").split())


def _closing_remark(lines: list[str]) -> str | None:
    """The paragraph that closes a list of items and speaks of the criteria of both kinds, or of
    eligibility criteria ("Other protocol-defined inclusion/exclusion criteria may apply."), taken
    off the lines and returned: a remark about the lists, not an inclusion or exclusion criterion.
    Only an unmarked paragraph after a blank line, with a list item before it, indented no deeper than the
    list's items: a text indented throughout (NCT02210780's closing remark that "not all inclusion/ exclusion
    criteria are listed", each line indented as NCT04207047 indents them) was imported as a criterion."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and lines[start - 1].strip():
        start -= 1
    paragraph = lines[start:end]
    if not paragraph or start == 0 or paragraph[0].startswith(_GROUP):
        return None
    marked = [m for line in lines[:start] if (m := _item(line))]
    items = [len(m.group("indent")) for m in marked if _marked(m)]
    if not items or len(paragraph[0]) - len(paragraph[0].lstrip(" ")) > min(items) or paragraph[0][:1] == "\t":
        return None
    first = _item(paragraph[0])
    if _marked(first):
        return None
    said = " ".join(unescaped(line).strip() for line in paragraph)
    if not (_ABOUT_THE_CRITERIA.search(said) and _ELSEWHERE.search(said)):
        return None
    del lines[start:]
    return said


def _subheading(lines: list[str], at: int, after_gap: bool, margin: int = 0) -> str | None:
    """The sub-heading the line at index at is, if it is one: on its own line after a blank one (or
    first), ending in a colon or wholly bold, not indented, and followed by a list item. A line marked
    as an item (numbered, lettered, bulleted) is an item of the list, never a sub-heading: "3. Positive
    for one of the following:" or "c. Adequate organ function, defined as:" with blank lines around it
    is a criterion, the items below it its sub-criteria. Read as a sub-heading, the lettered one was
    lost as a criterion, and every criterion after it (its sibling "d. Willing to use contraception.")
    was listed under it as its group."""
    line = unescaped(lines[at].rstrip())
    if not after_gap or _indent(line) > margin or line[:1] == "\t":
        return None
    line = line[margin:]  # (margin: the spaces a text indented throughout starts every line with, _margin)
    if len(line) > 100 or _marked(_item(lines[at][margin:])):
        return None
    m = _SUBHEADING.match(line)
    if not m:
        return None
    following = _next_said(lines, at + 1)
    item = _item(following) if following is not None else None
    if not _marked(item):
        return None
    return " ".join((m.group("bold") or m.group("plain")).split()).rstrip(":").strip() or None


# a line that holds only a conjunction ("OR", "or", "AND", "- or -", "**OR**", "And/or"): no criterion, but a word
# about the item above and the one after it ("* Anti-dsDNA positive" / "" / "OR" / "" / "* Low complement C3")
_CONJUNCTION = lazy(r"(?i)[\s*_(\[\-–—]*(?:and\s*/\s*or|or|and)[\s*_)\]:;,.\-–—]*")


def _bullet(m: re.Match | None) -> tuple[str, str] | None:
    """The bullet an item is marked with and its indent, None for a line with no bullet (numbered, lettered, none)."""
    if m is None or not _marked(m) or _kind(m) != "bullet":
        return None
    return m.group("bullet"), m.group("indent")


def _under_a_colon(lines: list[str], at: int) -> tuple[str, str] | None:
    """The bullet (and its indent) of the line at index at, where the line above it ends in a colon: the
    first of a run that may be its sub-criteria; None where either is not so."""
    if not at or not lines[at - 1].rstrip().endswith((":", "：")):
        return None
    return _bullet(_item(lines[at]))


def _block_under(lines: list[str], at: int) -> bool:
    """Whether the bulleted line at index at, right under a bulleted item ending in a colon, starts a run of
    items bulleted with the same mark at the same indent, the item and the run set apart by blank lines (or
    the list's start, above the item) from the items around them, the list going on after the run ("* Adequate
    organ function:" / "* Hemoglobin ≥ 8 g/dL" / "* Platelets ≥ 50,000/mm3" / "" / "* Signed consent"): the run
    the item's sub-criteria. Before, they were read as criteria of their own, each required, though the item
    above them says they are its parts ("one of:"). A run with no blank line after it says nothing of where it
    ends (a tight list, or one whose last item ends in a colon): read as it is written, items of the list, but
    where the items' punctuation or case shows it (_tight_run_end)."""
    mark = _under_a_colon(lines, at)
    if mark is None:
        return False
    above = at - 1
    while above >= 0 and lines[above].strip() and not _marked(_item(lines[above])):
        above -= 1  # (the item's wrapped lines)
    if above < 0 or _bullet(_item(lines[above])) != mark:
        return False
    if above and lines[above - 1].strip() and not lines[above - 1].startswith(_GROUP):
        return False  # the item is not set apart from the one above it
    end = at
    while end < len(lines) and lines[end].strip():
        if _marked(x := _item(lines[end])) and _bullet(x) != mark:
            return False
        end += 1
    after = _next_said(lines, end)
    following = _item(after) if after is not None else None
    return following is not None and _marked(following) and len(following.group("indent")) <= len(mark[1])


# the end of an item that goes on in the next one, as a run of a sentence's parts does ("Hb ≥ 8 g/dL;", "ANA
# positive, or", "Platelets ≥ 50; and")
_PART_OF_A_SENTENCE = lazy(r"(?i)(?:[;,]|[;,]?\s+(?:or|and))\s*$")


def _tight_run_end(lines: list[str], at: int) -> int | None:
    """In a list with no blank line to set it apart, the index of the last line of the run of items bulleted as
    the item ending in a colon right above them (at: the run's first), where the list's layout shows where the
    run ends: its items end as a sentence's parts do (";", ", or") and its last one in a stop ("* Adequate organ
    function:" / "* Hb ≥ 8 g/dL;" / "* Platelets ≥ 50/mm3." / "* Signed consent"), or they open in lower case
    ("* Organ function, defined as:" / "* hemoglobin ≥ 8 g/dL" / "* platelets ≥ 50" / "* Signed consent"), and
    the list's other items, one at least, neither go on nor open in lower case. None where it does not: a tight
    run says nothing else of where it ends (the list's own items may follow the colon). Before, every such run
    was read as criteria of their own, each required."""
    mark = _under_a_colon(lines, at)
    if mark is None:
        return None
    # the tight block of the list around the run: its items bulleted so (index of each item's last line, text)
    lo = at - 1
    while lo > 0 and lines[lo - 1].strip() and not lines[lo - 1].startswith(_GROUP):
        lo -= 1
    hi = at
    while hi + 1 < len(lines) and lines[hi + 1].strip():
        hi += 1
    items: list[list[Any]] = []  # [index of the item's first line, index of its last line, its text]
    for k in range(lo, hi + 1):
        m = _item(lines[k])
        if _marked(m):
            if _bullet(m) != mark:
                return None  # (another mark in the block: its layout is another's)
            assert m is not None
            items.append([k, k, m.group("text").strip()])
        elif items:
            items[-1][1], items[-1][2] = k, f"{items[-1][2]} {lines[k].strip()}"
    first = next((n for n, (k, _, _) in enumerate(items) if k == at), None)
    if first is None or first == 0 or not items[first - 1][2].endswith((":", "：")):
        return None
    run = items[first:]
    end = _run_by_parts(run) or _run_in_lower_case(run)
    if end is None:
        return None
    others = [text for _, _, text in (*items[: first - 1], *run[end:])]
    if not others or any(_PART_OF_A_SENTENCE.search(t) or t[:1].islower() for t in others):
        return None  # (the list's own items end or open so: no run's end shown)
    return run[end - 1][1]


def _run_by_parts(run: list[list[Any]]) -> int | None:
    """How many items of a run make a sentence's parts: each but the last going on (_PART_OF_A_SENTENCE), the last
    ending in a stop; None if they do not."""
    for n, (_, _, text) in enumerate(run):
        if not _PART_OF_A_SENTENCE.search(text):
            return n + 1 if n and text.endswith(".") else None
    return None


def _run_in_lower_case(run: list[list[Any]]) -> int | None:
    """How many items of a run open in lower case, the first at least; None if it does not."""
    n = next((n for n, (_, _, text) in enumerate(run) if not text[:1].islower()), len(run))
    return n or None


# (the parent's kind of mark, its items'): items marked so at the parent's indent are its sub-criteria
# (roman numerals under a letter, a number or a bullet: "b) agree to use either:" / "i. an IUD" / "ii. hormonal
# contraception", unindented, were read as siblings of "b)", the alternatives each a sub-criterion of the item above)
_MARKED_UNDER = frozenset(
    {
        ("number", "letter"),
        ("number", "bullet"),
        ("bullet", "letter"),
        ("letter", "roman"),
        ("number", "roman"),
        ("bullet", "roman"),
        # (numbers under a letter or a roman numeral: "A. Lupus nephritis cohort:" / "1. Biopsy-proven LN" / "B.
        # Extrarenal cohort:" / "1. SLEDAI-2K ≥ 6" read the first cohort's criteria as the whole list's, each
        # required of everyone, and the second's, numbered again, as its own)
        ("letter", "number"),
        ("roman", "number"),
        ("bullet", "number"),  # ("* Adequate organ function:" / "1. Hb ≥ 9 g/dL" / "2. ANC ≥ 1.5" / "* Consent")
        ("letter", "bullet"),  # ("B. Organ function:" / "* Hb ≥ 9 g/dL" / "* ANC ≥ 1.5" / "C. Consent")
        ("roman", "bullet"),
        ("roman", "letter"),  # ("ii. Organ function:" / "a) Hb ≥ 9 g/dL" / "b) ANC ≥ 1.5" / "iii. Consent")
    }
)
# the letter before each roman numeral that is a letter too: "i." after "h." is the letter i, as "v." after "u."
_LETTER_BEFORE = {"i": "h", "v": "u", "x": "w"}


def _kind(m: re.Match, before: str | None = None) -> str:
    """The kind of an item's mark: number ("3.", "(3)", "③", "2.1"), letter ("a.", "(B)"), roman ("ii.", "(iv)",
    "ⅱ)"; "i.", "v." and "x." unless right after the letter before them, before: the last letter read) or bullet."""
    if _number(m) is not None or m.group("dec"):
        return "number"
    if not m.group("letter"):
        return "bullet"
    said = _letters(m)
    letter = _LETTER_BEFORE.get(said)
    if re.fullmatch(r"[ivx]{2,4}|[\u2160-\u217f]+", said) or (letter is not None and before != letter):
        return "roman"
    return "letter"


def _style(m: re.Match) -> str:
    """How a numbered item's mark writes its number: the mark with its digits written "9" ("9." of "3.", "(9)" of
    "(12)", "（9）", "9、"), a Chinese numeral "十" ("十、"), an enclosed one "①"."""
    mark = m.string[len(m.group("indent")) : m.start("text")].strip()
    if m.group("circled"):
        return "①"
    return re.sub(_HAN, "十", re.sub(_DIGIT + "+", "9", mark))


def _letter_style(m: re.Match) -> str:
    """How a lettered item's mark writes its letter: the mark with its letter written "a" or "A" ("a)" of "c)",
    "(a)" of "(b)", "A." of "B.")."""
    mark = m.string[len(m.group("indent")) : m.start("text")].strip()
    return re.sub("[A-Z]", "A", re.sub("[a-z]", "a", mark))


def _letters(m: re.Match) -> str:
    """The letters of an item's lettered mark, in lower case ("ii" of "(ii)", "b" of "B.")."""
    return re.sub(r"[^A-Za-z\u2160-\u217f]", "", m.group("letter") or "").lower()


def _items(lines: list[str], breaks: frozenset[int] | set[int] = frozenset()) -> tuple[list[dict], list[str]]:
    """Criteria from the lines of one section: list items by their markers and indentation, each
    top-level item with the sub-heading (group) it is listed under, if any (_Reader, line by line)."""
    reader = _Reader()
    reader.margin = _margin(lines)
    reader.numbering = _Numbering.of(lines)
    for at, raw in enumerate(lines):
        if at in breaks:  # where a list's heading stood again ("Inclusion Criteria:" repeated): no note goes on over it
            reader.noted_over = False
        reader.line(lines, at, raw)
    return reader.finish()


def _category_labels(lines: list[str], margin: int, numbering: _Numbering) -> dict[int, str]:
    """{index: label} of the lines of a section that label categories of its numbered criteria: each after a blank
    line (or first), unmarked, unindented, of eight words at most, capitalised, ending in no stop, colon or word
    left unfinished, the next line with words a numbered item going on with the list's numbering (its next number,
    or 1 first); where one such line at least stands before a number past 1 (a numbering that goes on across
    labels: else "Adults" / "1. ..." / "Adolescents" / "1. ..." read as before, a numbering started again)."""
    found: dict[int, tuple[str, int]] = {}
    for at, line in enumerate(lines):
        text = unescaped(line).strip().strip("*_").strip()
        if (at and lines[at - 1].strip()) or line.startswith(_GROUP) or _indent(line) > margin or not text:
            continue
        if len(text) > 80 or len(text.split()) > 8 or text[-1] in ".;:,!?：；。" or not text[0].isupper():
            continue
        if _RUNS_ON.search(text) or _NOTE.match(text) or _marked(_item(line[margin:])):
            continue
        k = next((k for k in range(at + 1, len(lines)) if lines[k].strip()), None)
        item = _item(lines[k]) if k is not None else None
        number = _number(item) if item is not None and _marked(item) else None
        if item is None or number is None or len(item.group("indent")) > margin:
            continue
        before = [n for j, n in numbering.ordered.get(len(item.group("indent")), []) if j < at]
        if number == (before[-1] + 1 if before else 1):
            found[at] = (" ".join(text.split()), number)
    return {at: text for at, (text, _) in found.items()} if any(n > 1 for _, n in found.values()) else {}


class _Reader:
    """The state of reading one section's lines into criteria: the items so far (top), the levels
    of the list the next item may nest in (stack), the item the next continuation line belongs to
    (last), and what the remarks will say. Each line is one step: a blank line (blank), a
    sub-heading (subheading), a line with no list mark (unmarked: a wrapped line, a sub-criterion
    of an item ending in a colon, or a criterion of its own) or a list item (marked)."""

    def __init__(self) -> None:
        self.top: list[dict] = []
        self.stack: list[_Level] = []
        self.last: dict | None = None  # the item the next continuation line belongs to
        self.last_depth = 0
        self.gap = True
        self.group: str | None = None
        self.flattened: list[str] = []  # items nested deeper than MAX_DEPTH, listed beside the item above them
        self.unmarked_lines: list[str] = []  # lines with no list mark read as criteria of their own, not wrapped lines
        self.same_marked: list[str] = []  # items bulleted as the item ending in a colon above them, read as its own
        self.numbering = _Numbering({}, [])  # where the section's numbered items stand (_items)
        self.at = 0  # the index of the line read
        self.under = False  # whether the line read is such an item (_block_under, _tight_run_end)
        self.run_end: int | None = None  # ... in a tight list, the index of the run's last line (_tight_run_end)
        self.tight_marked: list[str] = []  # the items ending in a colon whose tight run is read as theirs
        self.bridged: list[str] = []  # paragraphs read as words of the item above, its sentence going on over a blank
        self.listed: list[str] = []  # lines with no list mark read as the sub-criteria of an item ending in a colon
        self.noted: list[str] = []  # notes in a paragraph of their own, read as words of the item above them
        self.noted_under: list[str] = []  # notes marked as items under an item, read as words of that item
        # the item ending in a colon and its depth, while unmarked lines (its sub-criteria, listed) follow it
        self.colon: tuple[dict, int] | None = None
        # the list an indented paragraph was nested into under the item above, its indent and depth: a
        # next paragraph at that indent goes beside it, and items at that indent under it if it ends in a colon
        self.nested: tuple[list, int, int] | None = None
        self.last_kind: str | None = None  # the kind of mark of the last item (_kind)
        self.last_letter: str | None = None  # the letters of the last lettered item's mark (_kind)
        self.style: str | None = None  # how the numbered item read writes its number (_style)
        self.letter_style: str | None = None  # how the lettered item read writes its letter (_letter_style)
        self.resumed_after: list[str] = []  # items read as the outer list's where a sub-list's numbering went on too
        self.noted_over = True  # whether a note may go on with the last item (no heading between them)
        self.leading: list[str] = []  # notes before the list's first item: about the list, no criteria of it
        self.in_leading = False  # whether the line read last was (a line of) such a note
        self.last_indent = 0  # the indent of the line the item the next continuation line belongs to starts on
        self.margin = 0  # the spaces every line of the section starts with, its items too (_margin)
        # notes after the sub-criteria of an item, unindented: about that item, whose words the sub-criteria
        # part them from; kept for a remark, not joined to the last sub-criterion
        self.apart: list[str] = []
        self.in_apart = False  # whether the line read last was (a line of) such a note
        self.definitions: list[str] = []  # definitions in a paragraph of their own, with their items: no criteria
        self.alternatives: dict | None = None  # a paragraph leading into alternatives, while its items are to come
        self.labels: dict[int, str] | None = None  # the section's labels of categories of criteria (_category_labels)
        self.led_into: list[str] = []  # such paragraphs, the items right under them read as their sub-criteria
        # a line holding only a conjunction ("OR") and the item above it, while the line after it is to come
        self.conjunction: tuple[str, dict] | None = None
        # criteria that run on over a line holding only a conjunction, each once (its text is read for the
        # remark at the end: each join's text kept made 16,000 "or" lines under one item hold 1.7 GB)
        self.joined: list[dict] = []
        self.between: list[str] = []  # such lines between two items of one level, said in a remark
        self.unjoined: list[str] = []  # such lines with no item of the same list on both sides: left out
        # while a definition is read: "items" (one ending in a colon: its items follow), "paragraph", or None
        self.defining: str | None = None
        self.defined_items = 0  # the items of the definition read so far

    def line(self, lines: list[str], at: int, raw: str) -> None:
        """Read the line at index at (raw, as the section holds it); an item it starts starts at its indent."""
        last = self.last
        self._line(lines, at, raw)
        if self.last is not last:
            self.last_indent = _indent(raw)

    def _line(self, lines: list[str], at: int, raw: str) -> None:
        line = unescaped(raw.rstrip())
        if not line.strip() or _MARKS_ONLY.fullmatch(line.strip()):
            if self.defining == "paragraph" or self.defined_items:
                self.defining = None  # a definition ends at a blank line, one ending in a colon after its items
            self.blank()
            return
        if _CONJUNCTION.fullmatch(line.strip()):
            self.conjunction_line(line.strip())
            return
        if not raw.startswith(_GROUP) and self.definition(line, raw):
            return
        heading = raw[1:] if raw.startswith(_GROUP) else _subheading(lines, at, self.gap, self.margin)
        if heading is not None and not raw.startswith(_GROUP) and self.last is not None and _ALTERNATIVES.search(line):
            # "* Age 18-65" / "" / "Patients must have at least one of the following:" / "" / "* Anti-dsDNA positive" /
            # "* Low complement": a criterion whose items are its alternatives, no sub-heading (paragraph, level)
            heading = None
        if heading is None and not raw.startswith(_GROUP) and self.tight_subheading(lines, at, line):
            heading = _subheading(lines, at, True, self.margin)
        if heading is None and not raw.startswith(_GROUP):
            heading = self.label(lines, at, line)
        if heading is not None:
            self.subheading(heading)
            return
        m = _item(raw)
        is_item = _marked(m)
        if self.in_apart and not is_item:
            self.apart[-1] += " " + line.strip()  # a wrapped line of a note parted from its item
            return
        self.in_apart = False
        if not is_item and self.leading_note(lines, at, line):
            return
        self.in_leading = False
        previous = lines[at - 1] if at and not self.gap else ""
        if (
            is_item
            and m is not None
            and m.group("dec")
            and self.last is not None
            and _RUNS_ON.search(previous.rstrip())
        ):
            is_item = False  # "ALT >" / "2.5 ULN": a number the line before runs on to, no item's
        # "2.1" nests under "2.", "2.1.3" under "2.1"
        # ("2.0" is item 2, as a word processor numbers the top of a list: "2.1" nests under it, not beside it)
        indent = len(m.group("indent")) + re.sub(r"(?:\.0+)+$", "", m.group("dec") or "").count(".") if m else 0
        if not is_item:
            if self.gap and self.bridge(lines, at, line):
                return
            self.unmarked(line, previous, indent)
            return
        assert m is not None  # is_item
        while len(self.stack) > 1 and self.stack[-1].until is not None and at > self.stack[-1].until:
            self.stack.pop()  # the tight run of items bulleted as their parent ends (_tight_run_end)
        self.under = not self.gap and _block_under(lines, at)
        self.run_end = None if self.gap or self.under else _tight_run_end(lines, at)
        self.under = self.under or self.run_end is not None
        self.at = at
        self.marked(m, indent, m.group("text").strip())

    def label(self, lines: list[str], at: int, line: str) -> str | None:
        """The label of a category of the list's criteria the line is, if it is one, as protocol templates write
        them between numbered criteria ("Age" / "1. Participant must be 18 to 65 years of age." / "Type of
        Participant and Disease Characteristics" / "2. ..."): _category_labels. Before, each label was imported as a
        criterion ("Medical Conditions" an exclusion criterion), and the check, reading the source alike, passed it."""
        if self.labels is None:
            self.labels = _category_labels(lines, self.margin, self.numbering)
        return self.labels.get(at) if self.gap else None

    def tight_subheading(self, lines: list[str], at: int, line: str) -> bool:
        """Whether a line right under an item (no blank line between them) may be a sub-heading (_subheading reads
        whether it is one): where it names a part of the study or whom its items are for ("Part B:", "Cohort B
        (LN):", "For adolescents:"), or opens with the first word of the sub-heading the list's items are grouped
        under ("Step 1:" / "1. ..." / "Step 2:"), and it does not run on from the line above. Before, such a line
        was read as a criterion of the group above it, and the criteria under it as that group's (an adolescents'
        age limit as the adults'), and the check, reading the source alike, passed it."""
        if self.gap or self.last is None or self.colon is not None or at == 0 or _ALTERNATIVES.search(line):
            return False  # (a line leading into alternatives is a criterion holding them: paragraph, level)
        said = unescaped(line).strip().strip("*_").split()
        alike = self.group is not None and said[:1] == self.group.split()[:1]  # ("Step 1:" / ... / "Step 2:")
        if not (alike or _PART_WORD.search(line) or _FOR_WHOM.match(line.strip())):
            return False  # ("For adults:" / "* Age" / "Adequate organ function:" / "* Hb": a criterion of adults')
        return not _runs_on(lines[at - 1], line, self.last_indent)

    def blank(self) -> None:
        while len(self.stack) > 1 and self.stack[-1].until_blank:
            self.stack.pop()  # the run of items bulleted as their parent ends (_block_under)
        self.gap, self.colon, self.in_leading, self.in_apart = True, None, False, False

    def definition(self, line: str, raw: str) -> bool:
        """Whether the line is (a line or an item of) a definition: one that starts it, unmarked and
        unindented after a blank line (_DEFINITION), or one that goes on with it (any line of a paragraph;
        after one ending in a colon, its items and their indented or wrapped lines up to a blank line after
        them). Kept for a remark (definitions), not imported as a criterion."""
        m = _item(raw)
        if self.defining is None:
            if not self.gap or line[:1].isspace() or _marked(m) or not _DEFINITION.match(line):
                return False
            self.definitions.append(line.strip())
            self.defined_items = 0
            self.defining = "items" if line.rstrip(" *_").endswith((":", "：")) else "paragraph"
        elif self.defining == "paragraph" or _marked(m) or line[:1].isspace() or (self.defined_items and not self.gap):
            self.definitions[-1] += " " + line.strip()
            self.defined_items += _marked(m)
        else:
            self.defining = None  # a paragraph of its own after it: the list goes on
            return False
        self.colon, self.gap, self.noted_over = None, False, False
        return True

    def leading_note(self, lines: list[str], at: int, line: str) -> bool:
        """Whether the unmarked line is (a line of) a note before the list's first item ("Note: all
        criteria must be met.", then "1. Age 18-65"): a remark about the list, no criterion of it, when
        a list item follows it, indented no less than the note. Kept for a remark (leading), not imported
        as a criterion. Before, in a text indented throughout (as NCT04207047 indents its criteria), such a
        note was read only at column 0, and was imported as a criterion."""
        if self.in_leading and not self.gap:
            self.leading[-1] += " " + line.strip()
            return True
        if self.last is not None or not _NOTE.match(line.lstrip(" ")):
            return False
        following = [m for x in lines[at + 1 :] if x.strip() and (m := _item(x))]
        if not any(_marked(m) and len(m.group("indent")) >= _indent(line) for m in following):
            return False
        self.leading.append(line.strip())
        self.in_leading, self.gap = True, False
        return True

    def bridge(self, lines: list[str], at: int, line: str) -> bool:
        """Whether the unmarked line after a blank one goes on with the sentence of the item above, which
        its last line leaves unfinished (_RUNS_ON: "... a kidney biopsy performed within" / "" / "6 months
        before screening"): words of that item, as a wrapped line is, said in a remark. Only a line that
        begins as no criterion does (in lower case, with a digit or with punctuation), after the item's own
        last line. Before, the paragraph was imported as a criterion of its own, a fragment ("6 months
        before screening"), or, indented, as a sub-criterion of the item it completes."""
        above = next((lines[k] for k in range(at - 1, -1, -1) if lines[k].strip()), "")  # (no copy of the lines)
        m = _item(above)
        said = m.group("text").strip() if _marked(m) and m is not None else unescaped(above.rstrip()).strip()
        first = line.lstrip()[:1]
        if self.last is None or not self.noted_over or not said or not self.last["text"].endswith(said[-20:]):
            return False
        if first.isupper() or first in "*_\"'“‘[(#" or said.endswith("*") or not _RUNS_ON.search(said):
            return False
        self.last["text"] += " " + line.strip()
        self.bridged.append(line.strip())
        self.gap, self.colon = False, None
        return True

    def conjunction_line(self, word: str) -> None:
        """A line holding only a conjunction ("OR" between "* Anti-dsDNA positive" and "* Low complement C3"):
        no criterion, but a word about the item above and the one after it. A line with no list mark after it
        goes on with the item above, joined by the word ("Anti-dsDNA positive" / "or" / "low complement C3" is
        one criterion, its words as the source writes them). Two items stay two criteria, as listed: a criterion
        is the source's words as it writes them, which the list mark of the second parts from the first; that
        the source gives them as alternatives is said in a remark, for the curator to read. Before, the line
        was imported as a criterion "OR", or run into the item above ("Anti-dsDNA positive OR"). With no item
        above it, or none after it at that item's level, it is about nothing read: left out, said too."""
        self.unjoin()
        if self.last is None:
            self.unjoined.append(word)
            return
        self.conjunction = (word, self.last)
        self.colon = None

    def unjoin(self) -> None:
        """A conjunction read before with no item of its level after it: said in a remark, left out."""
        if self.conjunction is not None:
            self.unjoined.append(self.conjunction[0])
        self.conjunction = None

    def join(self, item: dict, text: str) -> bool:
        """Whether the line's text is joined to item at the conjunction read before it (conjunction_line)."""
        if self.conjunction is None:
            return False
        word, above = self.conjunction
        if above is not item:
            self.unjoin()
            return False
        self.conjunction = None
        above["text"] += f" {word} {text}"
        if not self.joined or self.joined[-1] is not above:
            self.joined.append(above)
        self.gap, self.noted_over = False, True
        return True

    def subheading(self, heading: str) -> None:
        """A new group: its numbering starts afresh."""
        self.unjoin()
        self.group, self.stack, self.last, self.last_depth, self.gap, self.colon = heading, [], None, 0, True, None
        self.nested = None

    def unmarked(self, line: str, previous: str, indent: int) -> None:
        """A line with no list mark: a wrapped line of the item above, a sub-criterion of an item
        ending in a colon, or a paragraph of its own (under the item above when indented beyond it)."""
        if self.last is not None and self.join(self.last, line.strip()):
            return
        if self.last is not None and not self.gap:
            listing = self.colon is not None or previous.rstrip().endswith((":", "："))
            if _runs_on(previous, line, self.last_indent, listing=listing):
                self.last["text"] += " " + line.strip()  # a wrapped line of the same item
                return
            if self.colon is None and previous.rstrip().endswith((":", "：")) and self.last_depth < MAX_DEPTH:
                self.colon = (self.last, self.last_depth)  # "2. Positive for one of:" / "ANA" / "anti-dsDNA": its items
            if self.colon is not None:
                self.listed.append(line.strip())
                self.last = {"text": line.strip()}
                self.colon[0].setdefault("sub_criteria", []).append(self.last)
                self.last_depth = self.colon[1] + 1
                return
            self.unmarked_lines.append(line.strip())  # a line of its own: a criterion, said in a remark
        elif self.last is not None and self.noted_over and not line[:1].isspace() and _NOTE.match(line):
            if self.last_depth and self.stack and self.stack[-1].indent > 0:
                # "6. Willing to undergo biopsies as follows:" / "  * Archival sample ..." / "  * Fresh biopsy in
                # cycle 2" / "Note: Where slides are accepted, ...": unindented, the note is about item 6, not
                # its last sub-criterion; joined to neither (the sub-criteria part it from item 6's words)
                self.apart.append(line.strip())
                self.in_apart, self.gap = True, False
                return
            self.noted.append(line.strip())  # "Note: ..." after a blank line: words of the item above
            self.last["text"] += " " + line.strip()
            self.gap = False
            return
        if self.noted_beneath(line.strip(), indent):
            return
        self.paragraph(line.strip(), indent)

    def noted_beneath(self, text: str, indent: int) -> bool:
        """Whether the line is a note in an indented paragraph of its own under the item above ("2. In good
        health ..." / "" / "   NOTE: Athletically trained subjects with a pulse ≥40 may be enrolled ..."): about
        that item, no sub-criterion of it, as a note marked as an item under it is none. Words of the item
        when nothing stands between them, as an unindented note's are; kept apart (not imported) when the
        item's sub-criteria part them. A note at the indent of a level of the list is read as an unindented
        note after an unindented list is: the list's own indent, not the line's start, is where its items
        stand. Before, a note at the indent of the sub-criteria above it ("   * Pulse 50-100 bpm" / "" /
        "   NOTE: Athletes with a pulse ≥40 may be enrolled.") was imported as a sub-criterion, and in a
        list indented throughout (NCT04207047's lines all start with two spaces) a note was imported as a
        criterion of its own."""
        if self.last is None or not self.noted_over or not _NOTE.match(text) or text.endswith((":", "：")):
            return False
        beside = self._beside(indent)
        if beside is None and not (self.stack and indent > self.stack[-1].indent):
            if not self.stack or indent < self.stack[0].indent:
                return False  # not under the item above nor in the list: a paragraph of its own, read as such
            words = not (self.last_depth and self.stack[-1].indent > self.stack[0].indent)
        else:
            words = beside is None and "sub_criteria" not in self.last
        if words:
            self.noted.append(text)
            self.last["text"] += " " + text
            self.gap = False
        else:
            self.apart.append(text)
            self.in_apart, self.gap = True, False
        return True

    def paragraph(self, text: str, indent: int) -> None:
        """A paragraph of its own: under the item above when indented beyond it, else a criterion."""
        stack = self.stack
        paragraph: dict[str, Any] = {"text": text}
        beside = self._beside(indent)
        if beside is not None:
            # "4. History of SLE ..." / "   Standard treatment refers to ..." / "   Oral corticosteroids must ...:":
            # a second paragraph at the first's indent is its sibling under the item, not nested in it
            beside[0].append(paragraph)
            self.last_depth = beside[2]
        elif self.last is not None and stack and indent > stack[-1].indent and self.last_depth < MAX_DEPTH:
            subs = self.last.setdefault("sub_criteria", [])
            subs.append(paragraph)
            self.last_depth += 1
            self.nested = (subs, indent, self.last_depth)
        else:
            while len(stack) > 1 and indent < stack[-1].indent:
                stack.pop()
            if not (stack and stack[-1].depth):  # a criterion of its own: under the group's sub-heading
                paragraph = _grouped(paragraph, self.group)
            if len(stack) < 2 and text.endswith((":", "：")) and (not stack or indent < stack[0].indent):
                # "The criteria for recurrent brief depression include the following:" / "  -  dysphoric mood"
                # (the classic XML's layout, and the API's legacy markup): a top-level paragraph ending in a
                # colon, items indented beyond it: they nest under it, as under an item above them; the top
                # level is the paragraph's, not the deeper indent of the items read before it
                stack[:] = [_Level(indent, self.top, 0)]
            (stack[-1].items if stack else self.top).append(paragraph)
            self.last_depth = stack[-1].depth if stack else 0
            if not self.last_depth and text.endswith((":", "：")) and _ALTERNATIVES.search(text):
                self.alternatives = paragraph
        self.last, self.gap, self.noted_over = paragraph, False, True

    def _beside(self, indent: int) -> tuple[list, int, int] | None:
        """The list of the indented paragraph read last, when a line at indent goes on at its level."""
        nested = self.nested
        if nested is None or self.last is None or not nested[0] or nested[0][-1] is not self.last:
            return None
        return nested if indent == nested[1] else None

    def marked(self, m: re.Match, indent: int, text: str) -> None:
        """A list item: placed in the level its indent, its mark and its number put it in."""
        self.colon = None
        beside, last = self._beside(indent), self.last
        if (
            beside is not None
            and last is not None
            and beside[2] < MAX_DEPTH
            and last["text"].rstrip().endswith((":", "："))
        ):
            # "   Oral corticosteroids must meet the following requirements:" / "   1. Prednisone ...": the
            # items under an indented paragraph ending in a colon, at its indent, are its sub-criteria
            self.stack.append(_Level(indent, last.setdefault("sub_criteria", []), beside[2] + 1, parent=last))
        self.nested = None
        number = _number(m)
        item: dict[str, Any] = {"number": number, "text": text} if number is not None else {"text": text}
        self.style = _style(m) if number is not None else None
        self.letter_style = _letter_style(m) if m.group("letter") else None
        kind = _kind(m, self.last_letter)
        if kind in ("letter", "roman"):
            self.last_letter = _letters(m)
        level = self.level(indent, number, kind, text)
        if level.parent is not None and _NOTE.match(text) and not text.rstrip().endswith((":", "：")):
            # "* Completely resected NSCLC" / "  * Note: patients known to have N2 disease are not eligible":
            # a note marked as an item under an item is about that item, no sub-criterion of it; not
            # joined to its words either, which the list mark between them parts in the source
            self.noted_under.append(text)
            if not level.items:  # the level was opened for the note alone
                self.stack.pop()
                if not level.parent.get("sub_criteria"):
                    level.parent.pop("sub_criteria", None)
                self.last, self.last_depth = level.parent, level.depth - 1
            self.gap, self.noted_over = False, True
            self.last_kind = kind
            return
        if level.items and self.conjunction is not None and self.conjunction[1] is level.items[-1]:
            # "* Anti-dsDNA positive" / "OR" / "* Low complement C3": two criteria, as listed (a criterion is words
            # of the source as it writes them, which the list mark between them parts), and a remark
            self.between.append(f"{self.conjunction[0]!r} between {level.items[-1]['text'][:50]!r} and {text[:50]!r}")
            self.conjunction = None
        self.unjoin()
        level.items.append(item if level.depth else _grouped(item, self.group))
        level.kind = level.kind or kind
        if kind == "letter":
            level.letter_style = level.letter_style or self.letter_style
        if number is not None:
            level.last_number = number
            level.style = level.style or self.style
        self.last, self.last_depth, self.gap, self.noted_over = item, level.depth, False, True
        self.last_kind = kind

    def outer_letters(self, stack: list[_Level]) -> bool:
        """Whether the lettered item read goes on with the letters of the level under the top of the stack, written
        as they are and not as the top's ("C." after "B. Organ function:" / "a) Hb" / "b) ANC")."""
        return (
            len(stack) > 1
            and self.letter_style is not None
            and stack[-1].letter_style not in (None, self.letter_style)
            and stack[-2].letter_style == self.letter_style
        )

    def resumed(self, outer: _Level, inner: _Level, number: int, text: str) -> bool:
        """Whether an item numbered number, at the indent of a numbering started again under an item of the outer
        list (inner), goes on with the outer list: its number is the outer list's next, and not the inner one's, or
        it is written as the outer list's numbers are and not as the inner one's ("2、器官功能：" / "（1）Hb" /
        "（2）ANC" / "3、Consent", and "3) Plt" after "1) Hb" / "2) ANC" goes on with them); where the number and the
        way it is written go on with both, once the inner list holds two items ("2. Organ function:" / "1. Hb" / "2.
        ANC" / "3. Consent"), it is the outer list's, said in a remark: before, "3. Consent" was read as a third
        part of item 2, required only as such, and the check, reading the source alike, passed it."""
        if outer.last_number is None or number != outer.last_number + 1:
            return False
        if self.style is not None and outer.style != inner.style:
            return self.style == outer.style
        if number != (inner.last_number or 0) + 1:
            return True
        if len(inner.items) < 2 or inner.parent is None or self.numbering.again(self.at, inner.indent, number):
            return False  # (the outer list resumes at a later line numbered so: "3. no change" / "3. Consent")
        self.resumed_after.append(text)
        return True

    def level(self, indent: int, number: int | None, kind: str, text: str) -> _Level:
        """The level a list item goes in: the stack popped to the list it goes on with, and a new
        level pushed when it nests under the item above (indented deeper, a numbering that starts
        again, or lettered under a numbered item ending in a colon)."""
        stack = self.stack
        if not stack:
            stack.append(_Level(indent, self.top, 0))
        while len(stack) > 1 and indent < stack[-1].indent:
            stack.pop()
        while (
            len(stack) > 1
            and stack[-1].marked_under not in (None, kind)
            # (romans after letters nest under the last of them, but where the letters nest under a roman numeral)
            and not (kind == "roman" and stack[-1].marked_under == "letter" and stack[-2].kind != "roman")
        ) or self.outer_letters(stack):
            # "2." after "1. One of:" / "a. ANA" / "b. anti-dsDNA": the outer list goes on (from under "b) either:" /
            # "i. ..." / "ii. ...", two levels up)
            stack.pop()
        level = stack[-1]
        if level.restarted and number is not None and len(stack) > 1 and self.resumed(stack[-2], level, number, text):
            stack.pop()  # the outer numbering resumes
            level = stack[-1]
        parent = (
            level.items[-1] if level.items and (level.depth or level.items[-1].get("group") == self.group) else None
        )
        deeper = indent > level.indent and parent is not None
        # "1. Positive for at least one of the following:" / "a. ANA" / "b. anti-dsDNA" (or "• ANA"), unindented:
        # lettered or bulleted items right under a numbered one ending in a colon (lettered under a bulleted
        # one) are its sub-criteria (read as criteria of their own, one of two antibodies read as both required)
        # ... and so are those under one whose words open a list without a colon ("1. Active SLE, defined as" /
        # "a. SLEDAI-2K ≥ 6" / "b. anti-dsDNA positive") or whose numbering goes on after them ("1. Active SLE" /
        # "a. ..." / "b. ..." / "2. Consent"), which were read as criteria of their own, each required
        said = str(parent.get("text", "")) if parent is not None else ""
        numbered = parent.get("number") if parent is not None else None
        opened = said.rstrip().endswith((":", "："))
        # "B. Organ function:" / "a) Hb ≥ 9 g/dL" / "b) ANC ≥ 1.5" / "C. Consent": letters started again at "a",
        # written otherwise than the list's, under a lettered item leading into them, are its sub-criteria
        relettered = (
            kind == "letter"
            and self.last_letter == "a"
            and self.last_kind == "letter"
            and level.letter_style not in (None, self.letter_style)
            and (opened or _opens_list(said))
        )
        lettered = (
            not deeper
            and parent is not None
            and parent is self.last
            and (
                relettered
                or (self.under and opened)
                or (
                    (self.last_kind, kind) in _MARKED_UNDER
                    and (
                        opened
                        or _opens_list(said)
                        or (numbered is not None and self.numbering.resumes(self.at, indent, numbered))
                    )
                )
            )
        )
        # "2. Treated with steroids, as follows:" / "1. prednisone ≥ 7.5 mg/day": a numbering that starts again at
        # the same indent nests under an item that opens a list (a colon, or words left unfinished: "defined by"),
        # that the numbering does not number (a line with no number: "Adolescents" / "1. Aged 12-17"), or whose
        # numbering goes on after it ("3. Adequate organ function" / "1. Hb ≥ 9 g/dL" / "2. ANC ≥ 1.5" / "4. Consent":
        # _Numbering.resumes); "1. Age 18 to 65 years." / "1. SLE" (each item numbered "1.", as Markdown lets a list be
        # written, or a number typed twice) are criteria of their own, the repeated number dropped (_dedupe), not
        # each nested under the one above
        restart = (
            not deeper
            and number is not None
            and level.last_number is not None
            and number <= level.last_number
            and parent is not None
            and (
                parent.get("number") is None
                or _opens_list(str(parent.get("text", "")))
                or self.numbering.resumes(self.at, indent, parent["number"], restarted=True)
                # ... or that writes its numbers otherwise than the list does ("2、器官功能良好" / "（1）Hb ≥ 90 g/L" /
                # "（2）ANC ≥ 1.5", the list's last item): before, each read as a criterion of the list, numbered again
                or (number == 1 and level.style is not None and self.style not in (None, level.style))
            )
        )
        # "Patients must have at least one of the following:" / "" / "* Anti-dsDNA positive" / "* Low complement" / "" /
        # "* Signed consent", a paragraph after items of the list: the run of items right under it, up to a blank
        # line, are its alternatives (read as a sub-heading, they were criteria each required, and every criterion
        # after them was listed under it as its group)
        led = not deeper and parent is not None and parent is self.last and parent is self.alternatives
        if led:
            assert parent is not None
            self.alternatives = None
            self.led_into.append(parent["text"])
            lettered = True
        if (deeper or restart or lettered) and level.depth < MAX_DEPTH:
            assert parent is not None  # deeper, restart and lettered ask for it
            subs = parent.setdefault("sub_criteria", [])
            level = _Level(
                indent,
                subs,
                level.depth + 1,
                restarted=restart,
                marked_under=kind if lettered else None,
                parent=parent,
                until_blank=(lettered and self.under and self.run_end is None) or led,
                until=self.run_end if lettered else None,
            )
            stack.append(level)
            if lettered and self.under:
                (self.same_marked if self.run_end is None else self.tight_marked).append(parent["text"])
        elif deeper:  # a level the schema has no room for: listed beside its parent, and said so
            self.flattened.append(text)
        return level

    def finish(self) -> tuple[list[dict], list[str]]:
        """The criteria read, with the remarks on how lines were read, repeats dropped (_dedupe)."""
        remarks: list[str] = []
        if self.unmarked_lines:
            many = len(self.unmarked_lines) > 1
            remarks.append(
                f"{_counted(self.unmarked_lines, 'line with no list mark', 'lines with no list mark')}, "
                f"right under the line above, {'are each' if many else 'is'} read as a criterion of its own, "
                "not as words of the item above."
            )
        if self.listed:
            many = len(self.listed) > 1
            remarks.append(
                f"{_counted(self.listed, 'line with no list mark', 'lines with no list mark')}, "
                f"right under an item ending in a colon, {'are' if many else 'is'} read as "
                f"{'its sub-criteria' if many else 'a sub-criterion of it'}."
            )
        if self.noted:
            many = len(self.noted) > 1
            remarks.append(
                f"{_counted(self.noted, 'note', 'notes')} in a paragraph of {'their' if many else 'its'} own "
                f"{'are each' if many else 'is'} read as words of the item above, not as a criterion."
            )
        if self.noted_under:
            many = len(self.noted_under) > 1
            remarks.append(
                f"{_counted(self.noted_under, 'note', 'notes')} marked as {'items' if many else 'an item'} under a "
                f"criterion {'are' if many else 'is'} about that criterion, not "
                f"{'sub-criteria' if many else 'a sub-criterion'}; not imported as {'sub-criteria' if many else 'one'}."
            )
        if self.apart:
            many = len(self.apart) > 1
            remarks.append(
                f"{_counted(self.apart, 'note', 'notes')} after a criterion's sub-criteria "
                f"{'are' if many else 'is'} about that criterion, whose words the sub-criteria part "
                f"{'them' if many else 'it'} from; not imported."
            )
        if self.leading:
            many = len(self.leading) > 1
            remarks.append(
                f"{_counted(self.leading, 'note', 'notes')} before the first item {'are' if many else 'is'} about "
                f"the list, not {'criteria' if many else 'a criterion'}; not imported as "
                f"{'criteria' if many else 'one'}."
            )
        self.unjoin()
        if self.same_marked:
            many = len(self.same_marked) > 1
            remarks.append(
                f"the items right under {_counted(self.same_marked, 'item', 'items')} ending in a colon, bulleted as "
                f"{'they are' if many else 'it is'} and set apart with {'them' if many else 'it'} by blank lines, are "
                f"read as {'their' if many else 'its'} sub-criteria, not as criteria of their own."
            )
        if self.tight_marked:
            many = len(self.tight_marked) > 1
            remarks.append(
                f"the items right under {_counted(self.tight_marked, 'item', 'items')} ending in a colon, bulleted as "
                f"{'they are' if many else 'it is'} with no blank line, are read as {'their' if many else 'its'} "
                "sub-criteria, not as criteria of their own: they end as parts of its sentence (';', ', or', a stop "
                "last) or open in lower case, and the list's other items do not."
            )
        if self.bridged:
            many = len(self.bridged) > 1
            remarks.append(
                f"{_counted(self.bridged, 'paragraph', 'paragraphs')} after a blank line {'go' if many else 'goes'} on "
                "with the sentence the item above leaves unfinished; read as words of that item, not as a criterion."
            )
        if self.joined:
            many = len(self.joined) > 1
            joined = [criterion["text"] for criterion in self.joined]
            remarks.append(
                f"{_counted(joined, 'criterion', 'criteria')} {'run' if many else 'runs'} on over a line that "
                "holds only a conjunction ('OR', 'AND'): read as words of the criterion, not as a criterion."
            )
        if self.between:
            many = len(self.between) > 1
            remarks.append(
                f"{len(self.between)} {'lines' if many else 'line'} holding only a conjunction ({self.between[0]}"
                f"{', …' if many else ''}) {'stand' if many else 'stands'} between two items: not imported as a "
                "criterion; the items are imported as two criteria, as listed, not as one 'A or B': a criterion is "
                "the source's words as written, and the second item's list mark stands between them there (the "
                "check refuses the joined text, E501). Whether they are alternatives (not each required) is the "
                "curator's to read from the source."
            )
        if self.unjoined:
            many = len(self.unjoined) > 1
            remarks.append(
                f"{_counted(self.unjoined, 'line', 'lines')} holding only a conjunction "
                f"{'stand' if many else 'stands'} where no item of the same list level is on both sides; not imported "
                "as a criterion: the curator reads from the source what it joins."
            )
        if self.led_into:
            many = len(self.led_into) > 1
            remarks.append(
                f"the items right under {_counted(self.led_into, 'paragraph', 'paragraphs')} leading into "
                f"alternatives, up to a blank line, are read as {'their' if many else 'its'} sub-criteria; "
                f"{'they are' if many else 'it is'} read as a criterion, not as a sub-heading."
            )
        if self.definitions:
            many = len(self.definitions) > 1
            remarks.append(
                f"{_counted(self.definitions, 'definition', 'definitions')} of a term the criteria use (with "
                f"any items under {'them' if many else 'it'}) {'are' if many else 'is'} no criterion; not imported "
                f"as {'criteria' if many else 'one'}."
            )
        if self.resumed_after:
            many = len(self.resumed_after) > 1
            remarks.append(
                f"{_counted(self.resumed_after, 'item', 'items')} numbered as both the list and the sub-list "
                f"(numbered again from 1) above {'them' if many else 'it'} go on {'are' if many else 'is'} read as the "
                "list's, not as the sub-list's: the layout is ambiguous, the curator's to read from the source."
            )
        if self.flattened:
            remarks.append(
                f"the source nests {_counted(self.flattened, 'item', 'items')} deeper than a record's two levels of "
                f"sub-criteria; {'each is' if len(self.flattened) > 1 else 'it is'} listed beside the item it "
                "stands under."
            )
        _dedupe(self.top, remarks)
        return self.top, remarks


def _counted(texts: list[str], one: str, many: str) -> str:
    """How many texts a remark is about and the first of them: "2 items ('Aged 18', …)"."""
    more = len(texts) > 1
    return f"{len(texts)} {many if more else one} ({texts[0][:60]!r}{', …' if more else ''})"


def _grouped(item: dict, group: str | None) -> dict:
    """A top-level criterion with the sub-heading it is listed under (the record's key order)."""
    if group is None:
        return item
    out = {"number": item["number"]} if "number" in item else {}
    out["group"] = group
    out.update((k, v) for k, v in item.items() if k != "number")
    return out


def _dedupe(items: list[dict], messages: list[str]) -> None:
    """A list may not hold the same text or number twice within one group (E106): drop repeated
    texts, unnumber repeats. The same words under two sub-headings are two criteria, both kept."""
    texts: set[tuple] = set()
    numbers: set[tuple] = set()
    keep = []
    for item in items:
        key = (item.get("group"), " ".join(item["text"].split()).casefold())
        if key in texts:
            messages.append(f"the source repeats {item['text'][:60]!r}; kept once.")
            continue
        texts.add(key)
        if item.get("number") is not None:
            if (item.get("group"), item["number"]) in numbers:
                messages.append(
                    f"the number {item['number']} is used twice in one list; the second is kept without its number."
                )
                del item["number"]
            else:
                numbers.add((item.get("group"), item["number"]))
        if "sub_criteria" in item:
            _dedupe(item["sub_criteria"], messages)
        keep.append(item)
    items[:] = keep
