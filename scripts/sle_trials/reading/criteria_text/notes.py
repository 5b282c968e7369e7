"""Words of a criteria text that are no criterion: a note on the criterion above (NOTE), a definition of a term the
criteria use (DEFINITION), a remark about the lists, marked as an item (MARKED_REMARK) or closing a list
(closing_remark), and matter after a list's items that the curator reads: an annex under its heading (annex_heading)
and a footnote to a mark an item carries (footnote)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable

from sle_trials.patterns import lazy
from sle_trials.reading.criteria_text.escapes import unescaped
from sle_trials.reading.criteria_text.lines import (
    GOES_ON,
    GROUP,
    NOTE_LABEL,
    RUNS_ON,
    indent_of,
    next_item,
    runs_on,
    said_before,
    wrapped_power,
)
from sle_trials.reading.criteria_text.marks import is_marked, item_number, list_item, mark_kind

# a remark about the lists rather than a criterion of one: "Other protocol-defined inclusion/exclusion
# criteria may apply.", "Additional eligibility criteria are given in the protocol.", "The above information
# is not intended to contain all considerations relevant to a patient's potential participation ..."
_BOTH_LISTS = r"inclusion\s*(?:/|and|or|&)\s*exclusion|exclusion\s*(?:/|and|or|&)\s*inclusion|eligibility"
_ABOUT_THE_CRITERIA = lazy(
    rf"(?i)\b(?:(?:{_BOTH_LISTS})\s+criteri|above\s+information|information\s+(?:listed\s+|given\s+)?above)"
)


# the same remark marked as an item of a list, as many studies end (or interrupt) one: "* Other protocol-defined
# Inclusion/Exclusion criteria apply", "- Additional eligibility criteria may apply per protocol."; only the
# whole item, which says that more criteria apply and nothing of whom the list takes
# (labelled as a note or a remark, "Notes:", "NOTE:", "N.B.", "Remark:", "Comment:", "**Note:**", bold or not)
_LABEL = (
    rf"(?:\*\*|__|\*|_)?(?:(?:{NOTE_LABEL}|remarks?|comments?|please\s+note)\s*[:：]|n\.\s?b\.|nb[.,])"
    r"\s*(?:\*\*|__)?\s*"
)
MARKED_REMARK = lazy(
    rf"(?i)(?:{_LABEL})?(?:other|additional|further|more)\b[^.;:]{{0,60}}?\b(?:(?:{_BOTH_LISTS}|study)\s+)?"
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
# belimumab are eligible."): words of that criterion, not a criterion of its own (its label: lines.NOTE_LABEL); in
# brackets too, "(Note: ...)" and "[Note: ...]" (before, "[Note: Part A must also meet criterion 5]" was a criterion)
NOTE = lazy(rf"(?i)(?:\*\*|__|\*|_|[(\[（［])?(?:{NOTE_LABEL}|please note)(?!\w)")
_NOTE_LABELLED = lazy(rf"(?i){_LABEL}")
# a definition of a term the criteria use, in a paragraph of its own: "A female of childbearing potential is a
# sexually mature female who:" (its items under it), "Postmenopausal is defined as ...", "Women are considered
# of childbearing potential unless they ...": no criterion, nor are the items it lists. What it defines is a
# term, no clause: "Patients who are considered unsuitable by the investigator" is a criterion; and one that
# speaks of eligibility leads into criteria ("Subjects are considered eligible if they meet all of the following:")
DEFINITION = lazy(
    r"(?i)^(?!.*\b(?:eligib|ineligib|exclu|inclu|enrol|criteri|allowed|permitted|required))(?:\*\*|__)?(?=[^\s*:])(?:(?!\b(?:who|whom|whose|that|which|with|without|if|when|where|unless|has|have|"
    r"had|must|should|will|may|not|no)\b)[^:]){1,120}?\s(?:is|are)\s+(?:defined\s+as\b|considered\b|"
    r"(?:a|an|any|one|someone|those)\s[^:]{0,120}?\b(?:who|that|which|if|when|unless)\s*[:：]\s*(?:\*\*|__)?$)"
)


# a heading of matter that is no list of criteria, after which a text goes on with it: an appendix ("Appendix A:",
# "ANNEX 1 - Prohibited medications"), definitions, notes, footnotes, references, abbreviations, a glossary, guidance
# on contraception; alone on its line (a colon, bold or a markdown heading's marks at most). Before, "Appendix A:" after
# the exclusion list was read as a sub-heading of it, the appendix's items ("Active TB") imported as exclusion criteria;
# a numbered table's ("2. Prohibited medications (Table 1)" / "" / "Table 1:" / "" / "- Rituximab" / "" / "3. Consent")
# alike, and the list's next item grouped under it
ANNEX_HEADING = lazy(
    r"(?i)[#\s]*(?:\*\*|__)?\s*(?:(?:appendix|appendices|annex(?:es)?|attachment|addendum)"
    r"(?:\s+[A-Z0-9][\w.]{0,3})?(?:\s*(?:[:：]|\s[-\u2013\u2014])\s*[^:：\n]{1,60}?)?"
    # (a table or a figure an item points to, by its number: "Table 1:", "Table 1. Prohibited medications")
    r"|(?:table|figure)\s+[A-Z0-9][\w]{0,3}\.?(?:(?:\s*(?:[:：]|\s[-\u2013\u2014])|(?<=\.))\s*[^:：\n]{1,60}?)?"
    r"|(?:definitions?|glossary)(?:\s+of\s+terms)?|notes?|footnotes?|references?|(?:list\s+of\s+)?abbreviations?"
    # (examples of what an item names, "Examples include:" / "- Rituximab": before, a sub-heading, its lines criteria)
    r"|examples?(?:\s+include|\s+of\s+[^:：\n*_]{1,40}?)?|for\s+example"
    r"|contracepti(?:on|ve)\s+(?:guidance|guidelines?)|guidance\s+on\s+contraception)"
    r"\s*(?:\*\*|__)?\s*[:：]?\s*(?:\*\*|__)?\s*"
)


# ... and such a heading run into its matter on one line ("Abbreviations: ACR, American College of Rheumatology",
# "References: Aringer M, et al.", "Glossary: ...", "Definitions: WOCBP, ..."): before, imported as a criterion, and
# over the list's next item as the sub-heading of its group ("Glossary: ACR, ..." / "" / "3. Consent"). Not a note
# ("Note: ..."), which is words of the criterion above (NOTE), nor an appendix's title ("Appendix A: Prohibited
# medications", ANNEX_HEADING's)
_ANNEX_RUN_IN = lazy(
    r"(?i)\s*(?:\*\*|__)?\s*(?:definitions?|glossary(?:\s+of\s+terms)?|footnotes?|references?"
    r"|(?:list\s+of\s+)?abbreviations?(?:\s+used)?)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*\S.*"
)


def annex_heading(lines: list[str], at: int, top: int | None) -> bool:
    """Whether the line at index at heads matter that is no list of criteria (ANNEX_HEADING) after a list's items: no
    deeper than the list's first item (top), unmarked, after a blank line or under a line it does not go on with (not
    "2. Prohibited medications, listed in the" / "Appendix")."""
    line = unescaped(lines[at])
    if top is None or indent_of(line) > top or is_marked(list_item(lines[at])):
        return False
    run_in = _ANNEX_RUN_IN.fullmatch(line) is not None and not ANNEX_HEADING.fullmatch(line)
    if not run_in and not ANNEX_HEADING.fullmatch(line):
        return False
    above = lines[at - 1] if at else ""
    if not above.strip() or not runs_on(above, line.lstrip(), indent_of(above)):
        return True
    if run_in:
        return False  # (the item's words going on: "2. Drugs listed in the" / "References: ...")
    # right under an item, a heading alone ending in a colon ("1. Age" / "Notes:" / "- a titre of 1:80 suffices"),
    # where the item ends no sentence short and the heading stands at its indent: before, read as the item's words
    # ("Age Notes:"), the note's line its sub-criterion (lines.runs_on reads "Note..." as going on with the item)
    said = unescaped(above).rstrip()
    return (
        line.rstrip(" *_").endswith((":", "："))
        and indent_of(line) <= indent_of(above)
        and not RUNS_ON.search(said)
        and not said.endswith((":", "："))
    )


# the letters a to h in superscript, as a footnote's mark ("SLE\u1d43" / "\u1d43 per the 2019 criteria")
_SUPERSCRIPT = "\u1d43\u1d47\u1d9c\u1d48\u1d49\u1da0\u1d4d\u02b0"
# a footnote's mark opening its line: an asterisk or more, a dagger, a section sign, a pilcrow, a superscript number or
# letter, or a letter after a caret ("SLE^a" / "^a per the 2019 criteria")
# (or an asterisk or more in brackets, "Age (*)" / "(*) Part B only", as Spanish and French texts mark one)
_FOOTNOTE = lazy(
    rf"(\(\*+\)|\*+|†+|‡+|§+|¶+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[{_SUPERSCRIPT}]|\^[a-h])\s*[^\s*†‡§¶¹²³⁴⁵⁶⁷⁸⁹⁰{_SUPERSCRIPT}]"
)
# a footnote's letter or number opening its line as an item's does ("a) per the 2019 criteria", "(a) ...", "[1] ...")
_MARKED = lazy(r"(?:\(([a-h]|[1-9])\)|\[([a-h]|[1-9])\]|([a-h]|[1-9])[.)])\s")
# a line in italics as a whole, "*Note: all must be met*": its closing asterisk after its words is no footnote's mark
_ITALICS = lazy(r"\s*([*_])\S(?:.*[^\s\\])?\1\s*")


def footnote(
    lines: list[str], at: int, listed: list[str], top: int | None, before: Callable[[], Iterable[str]] = tuple
) -> bool:
    """Whether the line at index at opens a footnote after a list's items (listed: the list's lines so far; before:
    the lines of the lists above it, asked for only where the line may be one, whose items' marks a footnote after
    the last list is to, "2. SLE†" / "Exclusion Criteria:" / "1. HIV" / "" / "† per protocol", before an exclusion
    criterion of its own, with no remark): no deeper than the list's first item (top), opening with a mark that a
    line of the list carries right after its words ("1. Age ≥18 (≥12 in Part B\\*)" / "" / "\\*Part B opens after
    DSMB review"; "2. SLE†" / "" / "† per the 2019 criteria"), in a paragraph of its own or right under an item ("2.
    SLE†" / "† per the 2019 criteria", which was read as words of the item, "SLE† † per the 2019 criteria", with no
    remark, or under bullets as a criterion of its own). Before, the footnote was imported as a criterion of its own,
    with no remark; it may state a requirement (a real study's "\\*Temperature < 38°C ..." under "vital signs\\*"),
    so it is not dropped either: the importer leaves it to the curator, said in a remark (one indented under its item
    stays that item's sub-criterion or words, as before)."""
    line = unescaped(lines[at])
    if top is None or indent_of(line) > top or line[:1] == "\t":
        return False
    if is_marked(item := list_item(lines[at])) and not _glued_star(
        lines[at], listed, not at or not lines[at - 1].strip()
    ):
        return _marked_footnote(lines, at, listed, top, item, before)
    found = _FOOTNOTE.match(line.lstrip())
    if found is None or (found.group(1)[0] == "*" and "*" in line.lstrip()[len(found.group(1)) :]):
        return False  # (italics or bold closed on the line: "*Active* lupus")
    mark = found.group(1)
    if at and lines[at - 1].strip() and GOES_ON.match(line.lstrip()[len(mark) :].lstrip()):
        return False  # (right under an item, "mg/dL*" / "*or creatinine clearance ≥ 60": its words going on)
    carried = rf"[\w)\]%.,]{' ?' if mark[0] == '(' else ''}{re.escape(mark)}(?!{re.escape(mark[0])})"
    # (an escaped asterisk closing a line, "*SLEDAI-2K ≥ 8 at screening\\*", is a footnote's mark after a bullet
    # glued to its word, no italics)
    return any(
        re.search(carried, unescaped(x)) and not _ITALICS.fullmatch(x)
        for x in itertools.chain(reversed(listed), before())
        if not x.startswith(GROUP)
    )


# a superscript number or letter, or a letter after a caret, opening a line: a footnote's mark, never a criterion's
# first word nor a list's mark (an asterisk, a dagger may be a bullet: hunt 217 kept "† SLE" a criterion)
_SUPERSCRIPT_MARK = lazy(rf"(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[{_SUPERSCRIPT}]|\^[a-h])\s*[^\s¹²³⁴⁵⁶⁷⁸⁹⁰{_SUPERSCRIPT}]")


def stray_footnote(lines: list[str], at: int, top: int | None) -> bool:
    """Whether the line at index at opens a footnote no item carries the mark of ("• Age" / "• SLE" / "" / "¹ per
    ACR"): a paragraph of its own after a list's items, no deeper than its first item (top), opening with a
    superscript number or letter (_SUPERSCRIPT_MARK). Before, imported as the criterion "¹ per ACR", with no remark;
    what it qualifies is unknown, so it is left to the curator, said, as a footnote to a carried mark is. Right under
    an item too ("• SLE" / "¹ As defined by ..."), where the mark is no power wrapped under its base
    (lines.wrapped_power: "× 10" / "⁹/L", "1.73 m" / "² at screening" go on with it): before, a criterion of its own,
    said only as a line with no list mark."""
    line = unescaped(lines[at])
    if top is None or not at or indent_of(line) > top or line[:1] == "\t":
        return False
    if _SUPERSCRIPT_MARK.match(line.lstrip()) is None:
        return False  # (first: the walk up to an item below is for the few lines that open so)
    return not lines[at - 1].strip() or not (wrapped_power(lines[at - 1], line) or not _under_an_item(lines, at))


def _under_an_item(lines: list[str], at: int) -> bool:
    """Whether the lines right above the line at index at, up to the blank line before them, open with a list item:
    the item's first line, or its lines wrapped ("- SLE per the" / "  2019 criteria" / "¹ As defined by ACR": before,
    under a wrapped line, the footnote a criterion of its own, said only as a line with no list mark)."""
    k = at - 1
    while k >= max(0, at - _WRAPPED_LINES) and lines[k].strip() and not lines[k].startswith(GROUP):
        if is_marked(list_item(lines[k])):
            return True
        k -= 1
    return False


# the lines of an item wrapped that a footnote's walk up to the item reads at most: a paragraph of thousands of lines,
# each a footnote's mark, made the walks quadratic (tests/test_attacks_review_helper5.py's 8,000 lines ran for minutes)
_WRAPPED_LINES = 40


def _marked_footnote(
    lines: list[str],
    at: int,
    listed: list[str],
    top: int,
    item: re.Match | None,
    before: Callable[[], Iterable[str]] = tuple,
) -> bool:
    """Whether a line marked as an item is, with a letter or a number ("a) per the 2019 criteria", "(a) ...", "[1]
    Aringer M, et al.", "1. ..."), opens a footnote: a line of the list carries its letter or number as a footnote's
    mark, after a caret, in superscript or in square brackets right after its words ("SLE^a", "SLE[a]", "SLE¹",
    "criteria [1]"), or in round brackets closing them ("SLE (a)": not "one of (a) or (b)"), nor does the line above
    end in a colon (its items: "Any of:" / "a) biopsy"), and for a letter, the list's own items at its top are no
    letters. Before, "a) per the 2019 criteria" under "2. SLE (a)" was imported as a criterion of its own, with no
    remark, under "2. SLE^a" as a sub-criterion of it, and "[1] Aringer M, et al." under "2. SLE per criteria [1]" as
    its sub-criterion numbered 1."""
    opening = _MARKED.match(unescaped(lines[at]).lstrip())
    if item is None or opening is None or mark_kind(item) not in ("letter", "number"):
        return False
    mark = next(x for x in opening.groups() if x)
    above = lines[k] if (k := said_before(lines, at)) is not None else ""
    if unescaped(above).rstrip(" *_").endswith((":", "\uff1a")):
        return False
    if mark.isalpha():
        marked = [m for x in listed if not x.startswith(GROUP) and is_marked(m := list_item(x))]
        least = min((len(m.group("indent")) for m in marked if m is not None), default=0)
        if any(m is not None and len(m.group("indent")) == least and m.group("letter") for m in marked):
            return False
        superscript = _SUPERSCRIPT["abcdefgh".index(mark)]
        after = r"[\w)\]%.,]"
    else:
        # (a paragraph of its own, never the list's next number: "1. eGFR ≥ 60 mL/min/1.73 m²" / "2. SLE" is item 2)
        if lines[at - 1].strip() if at else True:
            return False
        if next_number(listed, top) == int(mark):
            return False
        superscript = "¹²³⁴⁵⁶⁷⁸⁹"[int(mark) - 1]
        after = r"[\w)\]%.,]|\s"  # (a reference's number after a space too: "criteria [1]")
    # (a superscript number after a unit or a number is a power: "m²", "10⁹/L")
    carried = (
        rf"(?<![0-9])(?<!\bm)(?<!\bcm)[\w)\]%.,](?:\^{mark}|{superscript})(?![\w{superscript}])"
        rf"|(?:{after})\[{mark}\](?![\w\[])"
        rf"|[\w)\]%.,] ?\({mark}\)\s*[.,;]?\s*$"
    )
    return any(
        re.search(carried, unescaped(x)) for x in itertools.chain(reversed(listed), before()) if not x.startswith(GROUP)
    )


def _glued_star(raw: str, listed: list[str], above_blank: bool) -> bool:
    """Whether a line opens with an asterisk glued to its word ("*ACR: American College of Rheumatology", which
    marks.list_item reads as a bullet) in a paragraph of its own (above_blank), in a list whose items are bulleted
    otherwise: a footnote's mark it may be (before, "2. SLE*" / "" / "*ACR: ..." read "ACR: ..." as a part of "SLE")."""
    said = raw.lstrip()
    if not said.startswith("*") or said[1:2] == "*" or said[1:2] == "\t":
        return False
    if said[1:2].isspace():
        # ... and a star before a space ("1. SLE*" / "* Patients on dialysis are excluded"), in a list numbered or
        # lettered, in a paragraph of its own or right under an item ending in no colon (a star bulleting the item's
        # parts, "1. Organ function:" / "* Hb", as before): a footnote's mark where an item carries it (footnote).
        # Before, read as a bullet, the footnote a sub-criterion of the item above, with no remark
        # (the line above carrying it: "1. Age" / "2. WOCBP*" / "" / "* Pregnancy" is a bullet, as before)
        items = [m for x in listed if not x.startswith(GROUP) and (m := list_item(x)) is not None and is_marked(m)]
        above = next((x for x in reversed(listed) if x.strip()), "")
        return bool(items) and all(not m.group("bullet") for m in items) and _carries_star(above)
    if not above_blank and not _carries_star(next((x for x in reversed(listed) if x.strip()), "")):
        return False  # (right under an item, "1. ANA ≥ 1:80" / "*Or anti-dsDNA", its part, as before)
    found = (list_item(x) for x in listed if not x.startswith(GROUP))
    return not any(m is not None and is_marked(m) and (m.group("bullet") or "").strip()[:1] == "*" for m in found)


# a star right after a word, bracket, number or stop, no other after it ("SLE*", "≥ 60*", "(see below)*")
_CARRIED_STAR = lazy(r"[\w)\]%.,]\*(?!\*)")


def _carries_star(line: str) -> bool:
    """Whether a line carries a footnote's star after its words (_CARRIED_STAR), leading into no items (a colon)."""
    said = unescaped(line).rstrip()
    return bool(_CARRIED_STAR.search(said)) and not said.rstrip(" *_").endswith((":", "\uff1a"))


def said_top(lines: list[str]) -> int | None:
    """The indent of a list's first line with words (a list of paragraphs, no item marked), None before any: the top
    annex_heading reads an annex's heading at, as a marked list's first item's indent is."""
    return next((indent_of(line) for line in lines if line.strip() and not line.startswith(GROUP)), None)


def next_number(lines: list[str], top: int | None) -> int | None:
    """The number after the last of a list's items numbered at its top (top: its first item's indent, or less), where
    the list goes on after matter of no list (annex_heading): "2. WOCBP" / "" / "Definitions:" / ... / "3. Consent"."""
    # (walked from the list's end, the last such item first: a text of many footnotes asked it for each)
    found = (list_item(line) for line in reversed(lines))
    numbers = (
        number
        for m in found
        if m is not None and is_marked(m) and len(m.group("indent")) <= (top or 0) and (number := item_number(m))
    )
    last = next(numbers, None)
    return last + 1 if last is not None else None


def last_bullet(lines: list[str], top: int | None) -> str | None:
    """The bullet of a list's last item at its top (top: its first item's indent), None where that item is numbered
    or lettered or there is none: after a footnote ("- SLE*" / "*per ACR 1997" / "- Consent"), the list goes on at the
    next line bulleted alike, as a numbered list does at its next number (next_number)."""
    found = (list_item(line) for line in reversed(lines) if not line.startswith(GROUP))
    last = next((m for m in found if m is not None and is_marked(m) and len(m.group("indent")) <= (top or 0)), None)
    return (last.group("bullet") or "").strip()[:1] or None if last is not None else None


def spaced_items(lines: list[str], top: int | None) -> bool:
    """Whether a list sets its items at its top (top: its first item's indent) apart by blank lines ("- SLE" / "" /
    "- Age"): a blank line after an annex's run shows no end of it there, as the annex's items may be spaced alike."""
    blank, seen = False, False
    for line in lines:
        if line.startswith(GROUP):
            continue
        if not line.strip():
            blank = True
            continue
        m = list_item(line)
        if m is not None and is_marked(m) and len(m.group("indent")) <= (top or 0):
            if seen and blank:
                return True
            seen = True
        blank = False
    return False


def tight_items(lines: list[str], top: int | None) -> bool:
    """Whether a list shows its items at its top (top: its first item's indent) written tight, two right under one
    another ("- Age" / "- SLE"), no blank line between them."""
    above = False
    for line in lines:
        if line.startswith(GROUP) or not line.strip():
            above = False
            continue
        m = list_item(line)
        if m is not None and is_marked(m) and len(m.group("indent")) <= (top or 0):
            if above:
                return True
            above = True
    return False


def goes_on_after_footnote(line: re.Match, bullet: str | None, above: str) -> bool:
    """Whether an item (line: its list_item) at a list's top, after a footnote to its items, is the list's going on:
    bulleted as the list's last item is (bullet: last_bullet), and not under a line ending in a colon ("† Including:"
    / "- rituximab": the footnote's own list). A footnote is a paragraph: before, the list's items after it (a real
    layout puts one right under the item carrying its mark) were all left to the curator with it."""
    said = unescaped(above).rstrip(" *_")
    mark = (line.group("bullet") or "").strip()[:1]
    return bullet is not None and mark == bullet and not said.endswith((":", "："))


# a line bold whole, a colon at most after its words ("**General**", "### General" as bold.headings_in_bold writes it)
_BOLD_LINE = lazy(r"\s*(?:\*\*|__)[^*_\n]{1,100}(?:\*\*|__)\s*[:\uff1a]?\s*")


def bold_over_items(lines: list[str], at: int) -> bool:
    """Whether the line at index at is bold whole, right over a list item (blank lines aside): a sub-heading of the
    list, which goes on under it after a footnote ("2. SLE†" / "† per the 2019 criteria" / "" / "**General**" / "1.
    Consent"), as no heading within an annex is taken to."""
    return bool(_BOLD_LINE.fullmatch(lines[at])) and next_item(lines, at + 1) is not None


def closing_remark(lines: list[str]) -> str | None:
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
    if paragraph and not paragraph[0].startswith(GROUP) and is_marked(list_item(paragraph[0])):
        return _closing_lines(lines, start, end)
    if not paragraph or start == 0 or paragraph[0].startswith(GROUP):
        return None
    marked = [m for line in lines[:start] if (m := list_item(line))]
    items = [len(m.group("indent")) for m in marked if is_marked(m)]
    if not items or len(paragraph[0]) - len(paragraph[0].lstrip(" ")) > min(items) or paragraph[0][:1] == "\t":
        return None
    said = " ".join(unescaped(line).strip() for line in paragraph)
    if not about_the_criteria(said):
        return None
    del lines[start:]
    return said


# a paragraph pointing to whom to ask, closing a list: "For more information, contact the study team.", "Please
# contact the study site for questions about eligibility." (before, an exclusion criterion, with no remark)
_CONTACT = lazy(
    r"(?i)(?:for\s+(?:more|further|additional)\s+(?:information|details)|(?:please\s+)?contact\s+(?:the\s+)?"
    r"(?:study|site|trial|sponsor|investigator|research|clinical)|for\s+(?:any\s+)?questions)\b"
)


def about_the_criteria(said: str) -> bool:
    """Whether words closing a list speak of the criteria of both kinds, or of eligibility criteria, and point
    elsewhere for more of them, or point to whom to ask (_CONTACT); or say that more criteria apply (MARKED_REMARK),
    labelled as a note or not: "Note: Other protocol-defined criteria apply." was read as words of the list's last
    criterion."""
    return (
        bool(_ABOUT_THE_CRITERIA.search(said) and _ELSEWHERE.search(said))
        or bool(MARKED_REMARK.fullmatch(said.strip().strip("()*_").strip()))
        or bool(_CONTACT.match(said.strip()))
    )


def _closing_lines(lines: list[str], start: int, end: int) -> str | None:
    """The lines with no list mark that close the list's last run of items right under its last item, with no blank
    line between ("2. Active infection" / "Other inclusion/exclusion criteria as per protocol."), where they speak of
    the criteria as a closing paragraph does and do not go on with the item's words (lines.runs_on): taken off the
    lines and returned, as that paragraph is. Before, the remark was imported as a criterion of the list, with a
    remark that it was one ("The information listed above is not intended to contain all considerations ..." an
    exclusion criterion)."""
    marked = [k for k in range(start, end) if is_marked(list_item(lines[k]))]
    last = marked[-1]
    tail = lines[last + 1 : end]
    indent = min(indent_of(lines[k]) for k in marked)
    if (
        not tail
        or indent_of(tail[0]) > indent
        or tail[0][:1] == "\t"
        or lines[last].rstrip(" *_").endswith((":", "："))
    ):
        return None  # (under an item ending in a colon, its sub-criterion: reader.listed)
    if any(is_marked(list_item(line)) for line in tail):
        return None
    said = " ".join(unescaped(line).strip() for line in tail)
    # a line labelled as a note goes on with the item above (lines.runs_on), as a note on it does ("Note: class V
    # is eligible"), but not one about the criteria: "2. HIV" / "NOTE: Other protocol-defined criteria apply." was
    # imported as the criterion "HIV NOTE: Other ...", with no remark
    noted = _NOTE_LABELLED.match(tail[0].lstrip()) is not None and indent_of(tail[0]) <= indent_of(lines[last])
    if (runs_on(lines[last], tail[0], indent_of(lines[last])) and not noted) or not about_the_criteria(said):
        return None
    del lines[last + 1 :]
    return said


# a line opening with an escaped asterisk and a space ("\\* Prior pelvic radiation"), or glued to a capital
# ("\\*Prior pelvic radiation", as the API's markdown escapes a plain text's "*Prior ..."; no note's label after it,
# as marks._GLUED_STAR): a literal asterisk, as the page shows it, which marks.list_item reads as a footnote's mark
_ESCAPED_BULLET = lazy(r"( *)\\\*(?:(?=[ \t]+\S)|(?P<glued>(?=[A-Z])(?!(?i:notes?|nb|n\.b\.|please\s+note)\b)))")
# ... and one opening with an asterisk so, unescaped: a bullet alike, as the page shows the two alike
_STAR_BULLET = lazy(r"( *)\*(?:(?=[ \t]+\S)|(?P<glued>(?=[A-Z])(?!(?i:notes?|nb|n\.b\.|please\s+note)\b)))")


def _star_kind(m: re.Match | None) -> str | None:
    """How a line's star opening it (_ESCAPED_BULLET or _STAR_BULLET's match) is written: "glued" to its word, or
    "spaced"; None for a line opening with no star so."""
    return None if m is None else "glued" if m.group("glued") is not None else "spaced"


def escaped_bullets(text: str) -> str:
    """text with each line's escaped asterisk opening it (_ESCAPED_BULLET) written as the bullet it shows, where the
    line is no footnote: one of its list's items bulleted alike, the nearest line at its indent above it (lines deeper
    aside) or below it opening so too, escaped or not (spaced, or glued, alike); or, spaced, where no line carries a
    star after its words (_CARRIED_STAR) above it, or for a line indented under an item, in the item and its lines
    since: no mark for it to be a footnote to; glued, only where it stands under no item (a list's first line,
    "\\*Healthy adults under 60", as the API's markdown escapes a plain text's "*Healthy ..."): one indented under an
    item, "\\*Temperature < 38°C", is written as a footnote writes its mark, and kept so. A footnote stands alone;
    one set apart by a blank line under a run of such lines written tight ("\\* SLE" / "\\* Age\\*" / "" /
    "\\* per ACR") is that run's footnote still, as a list written tight shows its items apart from it. A registry
    text escaping every bullet (NCT06388018's, each "* " written "\\* ") read its second item on as footnotes to the
    star an item carries ("pN0\\*"), left to the curator, or as criteria with the star in their words ("* SLE", said
    as lines with no list mark); a mark escaped otherwise ("\\- Age", "1\\. Age") already read as the mark it
    shows."""
    if "\\*" not in text:
        return text
    lines = text.split("\n")
    found = [_ESCAPED_BULLET.match(line) for line in lines]
    if not any(found):
        return text
    kinds = [_star_kind(m or _STAR_BULLET.match(line)) for m, line in zip(found, lines)]
    (above, parents), (below, _) = (
        _neighbours(lines, range(len(lines))),
        _neighbours(lines, range(len(lines) - 1, -1, -1)),
    )
    out, carried = [], -1  # (the last line so far carrying a star after its words)
    for k, (line, m) in enumerate(zip(lines, found)):
        # (a footnote indented under an item is to a star the item carries, or its lines under it)
        parent = parents[k]
        unmarked = carried < 0 or (parent is not None and carried < parent)
        if m is not None and (
            (unmarked and (kinds[k] == "spaced" or parent is None))
            or _bulleted_alike(lines, k, kinds, above[k], below[k], above)
        ):
            out.append(f"{m.group(1)}*{line[m.end() :]}")
        else:
            out.append(line)
        if _CARRIED_STAR.search(unescaped(line)):
            carried = k
    return "\n".join(out)


def _bulleted_alike(
    lines: list[str], k: int, kinds: list[str | None], up: int | None, down: int | None, above: list[int | None]
) -> bool:
    """Whether the line at index k, opening with an escaped asterisk, is one of its list's items bulleted alike
    (escaped_bullets): the nearest line at its indent below it (down) opens so, or the one above (up) does, where the
    line stands right under a line, or that one stands under no line so opening right above it (a list spaced, or of
    one item: no layout shown that a blank line sets the line apart from)."""
    if down is not None and kinds[down] == kinds[k]:
        return True
    if up is None or kinds[up] != kinds[k]:
        return False
    tight = (over := above[up]) is not None and kinds[over] == kinds[k] and bool(lines[up - 1].strip())
    return bool(lines[k - 1].strip()) or not tight


def _neighbours(lines: list[str], order: Iterable[int]) -> tuple[list[int | None], list[int | None]]:
    """For each line, in the order given (down the text or up it), the nearest line with words before it in that
    order at its indent, where no line less indented stands between, and the nearest less indented (its parent, down
    the text); None for a blank line or where there is none: one pass, a stack of the indents open."""
    found: list[int | None] = [None] * len(lines)
    parents: list[int | None] = [None] * len(lines)
    stack: list[tuple[int, int]] = []  # (indent, index), indents rising
    for k in order:
        if not lines[k].strip():
            continue
        indent = indent_of(lines[k])
        while stack and stack[-1][0] > indent:
            stack.pop()
        if stack and stack[-1][0] == indent:
            found[k] = stack.pop()[1]
        parents[k] = stack[-1][1] if stack else None
        stack.append((indent, k))
    return found, parents
