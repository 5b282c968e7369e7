"""A section's lines as the reader walks them: how far each is indented (indent_of, margin_of), whether an unmarked
line goes on with the line above (runs_on: a wrapped line), the list item the next line with words is (next_item), and
the lines that are no criterion's (MARKS_ONLY) or that stand for a group of the list (GROUP)."""

from __future__ import annotations

import re

from sle_trials.patterns import lazy
from sle_trials.reading.criteria_text.escapes import unescaped
from sle_trials.reading.criteria_text.marks import BULLETS, SPACE, is_marked, list_item
from sle_trials.reading.invisible import SEPARATOR


def said_after(lines: list[str], start: int) -> int | None:
    """The index of the first line from index start on that has words, None if there is none: walked by index (an
    islice of the list, or a copy of its tail, passed over every line above start for each line asked about: a text
    of many paragraphs or "OR" lines cost the square of its lines)."""
    return next((k for k in range(start, len(lines)) if lines[k].strip()), None)


def said_before(lines: list[str], at: int) -> int | None:
    """The index of the last line before index at that has words, None if there is none (walked by index too).
    said_after and said_before are the one walk to the nearest line with words, which six places each wrote."""
    return next((k for k in range(at - 1, -1, -1) if lines[k].strip()), None)


def next_item(lines: list[str], start: int) -> re.Match | None:
    """The list item (list_item, marked) the first line from index start on that has words is; None where that line
    is no list item or there is none. What follows a line that may head, label or lead into a list: each of their
    readers asked it in its own words (next_said, then list_item and is_marked of the line)."""
    k = said_after(lines, start)
    item = list_item(lines[k]) if k is not None else None
    return item if is_marked(item) else None


# the end of a line that a sentence runs on from, onto the next line: a comparator, an operator or a comma,
# or a word that needs words after it ("ALT >" / "2.5 ULN", "Diagnosis of SLE according to" / "SLICC criteria",
# "Active disease despite" / "Standard therapy")
RUNS_ON = lazy(
    r"(?:[<>≤≥≦≧⩽⩾=+×*/,(\[&-]|\b(?:and|or|nor|of|with|without|to|than|in|into|for|the|a|an|by|at|as|from|on|"
    r"within|including|includes|include|not|least|more|less|over|under|above|below|between|per|if|is|are|be|"
    r"was|were|has|have|had|who|which|that|whose|x|vs|e\.g\.|i\.e\.|"
    # (a preposition or a conjunction no sentence ends with: "Active disease despite" / "Standard therapy", read
    # as a criterion of its own, or over a blank line as a sub-criterion of the item it goes on with)
    r"despite|during|since|until|via|among|against|upon|because|whether|plus|towards?|regarding|concerning|their|its))$",
    re.I,
)


# a word naming a category a number after it belongs to, at a line's end: the number opening the next line is its
# ("Lupus nephritis ISN/RPS class" / "IV. Biopsy within 6 months", "CTCAE grade" / "3 or higher"); never a count's or a
# time's word ("Dose" / "2 - 3 times daily", "day" / "14 ..."), after which a line may start anew (run_in's own
# _NUMBERED_BY, a number within a line, reads more)
_CATEGORY_WORD = lazy(r"(?i)\b(?:grade|stage|class|type|phase|level|tier|tanner|nyha|ecog)[ \t]*$")
# a number or a roman numeral opening a line, which a word ending the line above may own (_CATEGORY_WORD: "class" /
# "III or IV", "stage" / "II. Para-aortic nodes")
_OPENING_NUMBER = lazy(r"(?:[0-9]+|[IVX]{1,4}|[ivx]{1,4})(?![^\W\d_])")


def numbered_on(previous: str, line: str) -> bool:
    """Whether the line opens with the number (or roman numeral) of the word the line above ends in (_CATEGORY_WORD:
    "Lupus nephritis class" / "III or IV", "... ISN/RPS class" / "IV. Biopsy within 6 months"): a wrapped line going
    on with it. Before, "III or IV" was read as a criterion of its own, and "IV." as a roman-numbered item's mark,
    the class IV lost with no remark."""
    return bool(_CATEGORY_WORD.search(unescaped(previous).rstrip()) and _OPENING_NUMBER.match(line.lstrip()))


# the label a note opens with: "Note", "Notes", "N.B.", and "NB" only as "NB:", "NB." or "NB," (not the NB of
# "NB-UVB phototherapy", a criterion), "Remark:" and "Comment:" with their colon; one list for a line that goes on
# with the criterion above (GOES_ON) and a note in a paragraph of its own (notes.NOTE), which each wrote it. (Each is
# read up to no word character after it, not a word's end: "N.B." ends in no word, and "N.B. patients on belimumab
# are eligible." after a blank line was imported as an exclusion criterion, with no remark; so was "Comment: ...")
# (and in Chinese, "注：", "（注）", "备注：", only before a colon or a closing bracket: "注射" is an injection; before,
# "（注）以2019年标准为准" after a blank line was imported as a criterion, with no remark)
# (numbered, "注1：", "注①：", as "Note 1:" is a note, and "注意：": before, each a criterion of its own, said right
# under an item as a line with no list mark, and with no remark after a blank line)
NOTE_LABEL = (
    r"note|notes|nb(?=\s*[:.,])|n\.b\.|(?:remarks?|comments?)(?=\s*[:：])"
    r"|备?注(?:意|[0-9\uff10-\uff19]{1,2}|[\u2460-\u2473])?(?=\s*[:：)\uff09])"
    # ("※", the reference mark a Japanese or Chinese text opens a note with, "※中央検査室の値による", its first word
    # taken with it, as no word goes on after the label: before, after a blank line a criterion, with no remark)
    r"|\u203b\s*\w*"
)
# the words a line begins with that go on with the criterion above, capitalised or not: a note on it
# ("Note: a titre of 1:80 suffices", "NB: ..." but not "NB-UVB phototherapy"), an exception, an alternative
GOES_ON = lazy(
    rf"(?i)(?:\*\*|__|\*|_)?(?:{NOTE_LABEL}|i\.e\.|e\.g\.|or|and|but|unless|except|excluding|including|"
    r"with|without|if|where|which|who|whose|that|such as|defined as|provided)(?!\w)"
)


# a markdown heading's marks before a capital ("# Notes", "### General"), which open a line of its own
_HEADING_MARKS = lazy(r"#{1,6}[ \t]+[A-Z]")


# a name that begins in lower case, a capital within its first word ("anti-dsDNA", "eGFR ≥ 60", "hsCRP", "pANCA"):
# among lines listed under an item ending in a colon, an item of the list, not a wrapped line, which a line beginning
# in lower case is read as ("ANA" / "anti-dsDNA" under "Positive for one of:" were one sub-criterion "ANA anti-dsDNA")
_NAMED_IN_LOWER_CASE = lazy(r"[a-z][a-z-]*[A-Z]")


# a power wrapped onto its own line, its base ending the line above: a number's ("10" / "⁹/L", "10" / "¹²/L") or a
# unit's ("1.73 m" / "² at screening"); not a footnote's mark under a number or a word ("Age ≥ 18" / "¹ per ACR")
_WRAPPED_POWER = lazy(r"(?<=\d)\n[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:/|$)|(?<![\w.])[cdkm]?m\n[²³](?:\s|$)")


def wrapped_power(previous: str, line: str) -> bool:
    """Whether the line opens with a power whose base ends the line above (_WRAPPED_POWER: "10" / "⁹/L")."""
    return bool(_WRAPPED_POWER.search(f"{unescaped(previous).rstrip()}\n{line.strip()}"))


def runs_on(previous: str, line: str, above: int = 0, listing: bool = False) -> bool:
    """Whether an unmarked line goes on with the line before it (no blank line between): the line
    is indented beyond it (a continuation, as markdown writes one), begins in lower case, with punctuation
    that no criterion begins with or with words that go on with the one above ("Note:", "Or",
    "Unless": GOES_ON), or the line before ends mid-sentence (RUNS_ON) or in a word owning the number the line
    opens with (numbered_on: "class" / "III or IV"), or leaves a bracket open. Else it begins
    a criterion of its own ("Pregnancy" / "Active infection": two lines, two criteria). Indented is
    beyond the first line of the item above (above: its indent), not the line's start: in a text indented
    throughout (NCT04207047 starts every line with two spaces) every unmarked line was read as a wrapped
    line, and "  * Pregnancy or breastfeeding" / "  NB-UVB phototherapy within 4 weeks" imported as one
    exclusion criterion. listing: the line stands among lines listed under an item ending in a colon, where a name
    beginning in lower case (_NAMED_IN_LOWER_CASE) is an item of the list, not a wrapped line."""
    if indent_of(line) > above or GOES_ON.match(line.lstrip()):
        return True
    if wrapped_power(previous, line):
        return True  # ("Platelets ≥ 100 × 10" / "⁹/L": before, "⁹/L" a criterion, the threshold cut short)
    first = line.lstrip()[:1]
    if _HEADING_MARKS.match(line.lstrip()):
        return False  # (a markdown heading's line, "# Notes", goes on with no line: before, "Consent # Notes")
    if not (first.isdigit() or (first.isalpha() and not first.islower()) or first in "*_\"'“‘[") and not (
        listing and _NAMED_IN_LOWER_CASE.match(line.lstrip())
    ):
        return True
    said = unescaped(previous).rstrip()
    # (... or it leaves a bracket open: "SLEDAI-2K ≥ 6 (excluding" / "Complement and dsDNA)", before a criterion of
    # its own, remarked, the bracket's words cut in two)
    return bool(RUNS_ON.search(said)) or numbered_on(previous, line) or _left_open(said)


def _left_open(said: str) -> bool:
    """Whether a line leaves a round or square bracket open, opened after its first word (a list mark's "(3)" or
    "a)" aside, and more opened than closed after it)."""
    words = said.lstrip().partition(" ")[2]
    return words.count("(") > words.count(")") or words.count("[") > words.count("]")


def margin_of(lines: list[str]) -> int:
    """The spaces every line of a text starts with, where its list items start with no more: the margin of a
    text indented throughout (NCT04207047 starts every line with two spaces), within which a line is read as
    unindented (a sub-heading, a cohort's label). 0 where the items stand deeper than some line (the classic
    layout's paragraphs at 8 spaces, their items at 10), whose indents say how the lines nest."""
    indents = [indent_of(x) for x in lines if x.strip() and not x.startswith(GROUP)]
    found = (list_item(x) for x in lines if x.strip() and not x.startswith(GROUP))
    items = [len(m.group("indent")) for m in found if m is not None and is_marked(m)]
    return min(indents) if indents and items and min(indents) == min(items) else 0


def unmarked_at_margin(lines: list[str], at: int, margin: int = 0) -> str | None:
    """The line at index at (its escapes read) from the text's margin on, where it stands as a sub-heading or a
    cohort's label may: indented no deeper than the margin (margin_of), no tab, at most 100 characters, and
    unmarked (a line marked as an item is an item of the list); None where it does not. Whether a blank line stands
    above it is each caller's to ask. Both readers wrote it (subheading_of, cohorts' _is_label)."""
    line = unescaped(lines[at].rstrip())
    if indent_of(line) > margin or line[:1] == "\t":
        return None
    line = line[margin:]  # (margin: the spaces a text indented throughout starts every line with, margin_of)
    if len(line) > 100 or is_marked(list_item(lines[at][margin:])):
        return None
    return line


# a line's indent (spaces, tabs, no-break spaces) and its first word, then tabs ("\t* ANA", "•\tAge", "1.\tAge", as a
# word processor's list is pasted)
_INDENT = "[ \t\u00a0\u2000-\u200a\u202f\u205f]"
_NO_SPACE_INDENT = lazy(r"(?m)^[ \t]*[\t\u00a0\u2000-\u200a\u202f\u205f]")
_TABBED = lazy(rf"(?P<indent>{_INDENT}*)(?:(?P<mark>\S{{1,8}})(?P<tab>[ \t]*\t[ \t]*)(?=\S))?")


def indents_read(text: str) -> str:
    """text with each line's indent written as the spaces it shows (a tab stop every four columns, a no-break space
    as a space), and the tabs after a list's mark as a space, where the mark is one so read: "\t* ANA" an item
    indented, "•\tAge" and "1.\tAge" items. Before, a tab or a no-break space was no indent and a tab no space to a
    list mark: "* SLE, one of:" / "\t* ANA" / "\t* dsDNA" read as one criterion, "SLE, one of: * ANA * dsDNA", with no
    remark, "•\tAge" / "•\tSLE" as "•\tAge •\tSLE", and a paragraph indented under an item by no-break spaces as no
    part of it.
    A tab or a space within a line's words is left as written; an ideographic space, a CJK text's indent of its
    paragraphs' first lines, as well."""
    if _NO_SPACE_INDENT.search(text) is None and "\t" not in text:
        return text
    out = []
    for line in text.split("\n"):
        m = _TABBED.match(line)
        assert m is not None  # (every part of it may match nothing)
        indent = re.sub(r"[^ \t]", " ", m["indent"]).expandtabs(4)
        rest = line[m.end("indent") :]
        if m["tab"] is not None:
            spaced = f"{m['mark']} {line[m.end('tab') :]}"
            if is_marked(list_item(indent + spaced)):
                rest = spaced
        out.append(indent + rest)
    return "\n".join(out)


def indent_of(line: str) -> int:
    """How far a line is indented: the spaces and tabs it starts with."""
    return len(line) - len(line.lstrip(" \t"))


# a line of list marks and no words ("       -" closing a list, as a protocol pasted from a word processor
# leaves an empty item), or a page's SEPARATOR (between a table's rows, around a
# control's text: markup.py), or a markdown heading's underline or a rule ("========" under "Inclusion Criteria",
# "___"): no criterion, read as a blank line (the underline was imported as a criterion "========")
MARKS_ONLY = lazy("[" + SPACE[1:-1] + BULLETS + SEPARATOR + "]+|=+|_{3,}")
# a line that holds only a conjunction ("OR", "or", "AND", "- or -", "**OR**", "And/or"): no criterion, but a word
# about the item above and the one after it ("* Anti-dsDNA positive" / "" / "OR" / "" / "* Low complement C3")
CONJUNCTION = lazy(r"(?i)[\s*_(\[\-–—]*(?:and\s*/\s*or|or|and)[\s*_)\]:;,.\-–—]*")
GROUP = "\x00"  # marks a line of a section that a qualified heading made a group ("Inclusion Criteria for Part B")
