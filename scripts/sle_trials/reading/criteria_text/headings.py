"""A criteria list's heading: the words naming a list's side (SIDE_WORD, "non-inclusion" an exclusion list's), the
heading every reader of one reads (HEADING: this package, list_sides' plain pages, binding), and a registry text's
heading line (heading_of: its side, the part of the study it is for, any criterion run into it after its colon)."""

from __future__ import annotations

import re
import unicodedata

from sle_trials.patterns import lazy
from sle_trials.reading import lookalike
from sle_trials.reading.criteria_text.escapes import unescaped
from sle_trials.reading.criteria_text.marks import is_marked, list_item
from sle_trials.reading.invisible import DROPPED, unreordered

# The word a criteria list's heading or a note names its list by: "inclusion", "exclusion", and "non-inclusion",
# a French protocol's word for the exclusion list (critères de non-inclusion). Read as "inclusion", it named the
# inclusion list: IM19's registry copy under such a heading read 20 inclusion criteria and no exclusion one.
SIDE_WORD = r"(?:non[-\s]?)?inclusion|exclusion"
# The words a note may write between an item's word and its number: "criterion no. 11", "criteria nos. 2 and 3",
# "criterion #11", "criterion number 11", "item number three" (an abbreviation with its stop: "no one" is no
# number). Read as no number, a note naming a limit's criterion so named none (E527), and a fact of it was
# matched anywhere in the sources (review 206)
NUMBER_MARK = r"(?:(?:numbers?|nos?\.|nrs?\.|#)\s*)?"
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
    # what the list's words are said to be: "are as follows", "include, but are not limited to, the following" (a
    # registry's wording of a list it gives in part: read as no heading, both lists were left to the curator)
    r"(?:\s+(?:are|were|include[sd]?)(?:,?\s+but\s+(?:are\s+|is\s+)?not\s+limited\s+to)?"
    r"(?:,?\s+(?:as\s+follows|the\s+following))?|\s+as\s+follows)?)"
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
# (in bold, or in italics: "*Inclusion Criteria:*" headed no list, and the whole text was left to the curator)
_HEADING = lazy(
    rf"^[#\s]*(?:\*\*|__|\*|_)?\s*(?P<name>(?P<part>(?:[^\s:*_]+\s+){{1,4}}?)??{HEADING}"
    r"(?P<scope>(?(listed)\s+(?:for|of|in)\b[^:：]{0,60}|(?!))|\s*\([^()]{1,60}\)|\s+[-\u2013\u2014]\s+[^:：\s][^:：]{0,59}?)?)"
    r"(?P<dash>\s*[-\u2013\u2014]{1,2})?\s*(?:\*\*|__|\*|_)?\s*(?P<colon>[:：]\s*(?:\*\*|__|[*_](?=\s*$))?\s*(?P<rest>.*))?$",
    re.I,
)
# a heading ended by a semicolon for its colon ("Inclusion Criteria;", "EXCLUSION CRITERIA；", as some registrations
# write one), a capital opening it (not a wrapped line's "... who meet the" / "inclusion criteria; and"): read as the
# heading with no stop; before, no heading, and the whole text was left to the curator, or the exclusion criteria
# under "Exclusion criteria;" right under an item were its sub-criteria. (A full stop is a sentence's end: "Exclusion
# Criteria." may head a list, said in a note, doubtful_heading.)
_SEMICOLON_ENDED = lazy(r"(?P<words>.*?[^\s;；*_])\s*(?P<bold>(?:\*\*|__)?)\s*[;；]\s*(?:\*\*|__)?\s*")
# a protocol's section number before a heading ("5.1 Inclusion Criteria", "5.1\tinclusion criteria", "4.1.2 - Exclusion
# criteria", "Section 5.2 Exclusion Criteria"), as a page's heading opens with one (_OPENING): a decimal, or a number
# after "Section"; read, the heading after it heads its list as the line would with no number. Before, a section
# number with a tab, a dash, a lower-case word or an aside after it was no heading's, and the text was left to the
# curator; in bold or a markdown heading it named a part of the study ("5.1 Inclusion Criteria", a group)
_SECTION_NUMBER = lazy(
    r"(?i)^(?P<opening>[#\s]*(?:\*\*|__)?\s*)(?:(?:section|§)\s*[0-9]{1,2}(?:\.[0-9]{1,2}){0,3}"
    r"|[0-9]{1,2}(?:\.[0-9]{1,2}){1,3})\.?\)?[ \t]+(?:[-\u2013\u2014:][ \t]+)?(?=\S)"
)
# a bold heading closed before its dash ("**Key Inclusion Criteria** - Age 18-65", "**Exclusion Criteria** -"): read
# as the bold heading with its dash inside the bold ("**Key Inclusion Criteria - Age 18-65"), as _HEADING reads it;
# before, no heading, and the whole text was left to the curator
_BOLD_BEFORE_DASH = lazy(
    r"^(?P<heading>[#\s]*(?P<bold>\*\*|__)[^*_\n]+?[^\s*_])(?P=bold)(?=[ \t]*[-\u2013\u2014]{1,2}(?:\s|$))"
)


# the words naming a list's criteria ("Exclusion Criteria:", "key exclusion criteria -", "criteria for exclusion"),
# which a criterion of the other list holds where no heading split them ("Inclusion Criteria: 1) Age 18-65 2) SLE
# Exclusion Criteria: 1) Pregnancy", on one line): the import leaves that list to the curator, and the check
# refuses it declared silent (silence.py, E523)
LIST_NAMED = {
    "inclusion": lazy(r"(?i)(?<!non-)(?<!non )\binclusion\s+criteri|\bcriteria\s+for\s+inclusion\b"),
    "exclusion": lazy(r"(?i)\b(?:exclusion|non-?\s?inclusion)\s+criteri|\bcriteria\s+for\s+exclusion\b"),
}


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


def as_shown(line: str) -> str:
    """A line as a reader sees it, which is what a heading is read from: its invisible characters
    left out, a passage a bidirectional control reorders read as none, each letter of another script
    that shows an ASCII letter as that letter (lookalike.letters). A study's "Εxclusion Criteria:"
    with a Greek capital EPSILON was no heading, and its exclusion criteria were read as inclusion
    criteria (a complete record listing them so passed)."""
    return line if line.isascii() and line.isprintable() else lookalike.letters(DROPPED.sub("", unreordered(line)))


# a heading after a label and its colon or dash ("Subject Selection: Inclusion Criteria", "Patient Eligibility -
# Inclusion Criteria", "Part A: Exclusion Criteria"), the label ending within 50 characters (labelled_heading)
_LABELLED = lazy(
    r"^(?P<opening>[#\s]*(?:\*\*|__)?\s*)(?P<label>[^\W\d_][^:：\n]{0,48}?)\s*(?:[:：]|\s[-\u2013\u2014]{1,2})\s+"
    r"(?P<heading>\S.*)$"
)
# ... the heading after it, its words alone: a list's, a part's or whom it is for, an aside
_HEADING_ALONE = lazy(rf"(?i)[#*_\s]*{HEADING}[*_\s]*(?:[-\u2013\u2014]{{1,2}}|[:：])?[*_\s]*")
# ... a part's label ("Part A", "Cohort 2"), as a heading's words name one
_PART_ALONE = lazy(rf"(?i){_PART}")
# ... a label saying the lists are the study's selection of whom it takes, as every list is: "Subject Selection",
# "Patient Eligibility", "Study Population", "Eligibility Criteria", "Selection criteria", "Enrollment"
_SELECTION_LABEL = lazy(
    r"(?i)(?:(?:subjects?|patients?|participants?|study|trial)(?:'s|s')?\s+)?"
    r"(?:selection|eligibility|population|enrol{1,2}ment|recruitment)(?:\s+criteria)?|criteria"
)


def heading_of(
    line: str, several: frozenset[str] = frozenset(), empty: bool = False
) -> tuple[str, str | None, str | None] | None:
    """(kind, group, rest) when the line heads a list, as _heading_of reads it, or after a label and its colon or
    dash (labelled_heading)."""
    return _heading_of(line, several, empty) or labelled_heading(line, several, empty)


def labelled_heading(
    line: str, several: frozenset[str] = frozenset(), empty: bool = False
) -> tuple[str, str | None, str | None] | None:
    """(kind, group, rest) when the line is a label, its colon or dash, and a heading (_LABELLED): a label saying the
    lists are the study's selection (_SELECTION_LABEL: "Subject Selection: Inclusion Criteria") before a heading of
    its list, or of a part's ("Eligibility: Inclusion Criteria for Part B", its group), heads it as the heading
    alone would; a part's label alone ("Part A", "Cohort 2" as a heading's words name one) before a heading that names
    none heads that part's list, the line its group ("Part A: Inclusion Criteria"). Before, each was no heading: the
    whole text was left to the curator. Any other label ("Lupus Nephritis: Inclusion Criteria", "Note: Inclusion
    criteria apply") heads no list, as before: whom it names, if anyone, is the curator's to read."""
    labelled = _LABELLED.match(unescaped(as_shown(line)).rstrip())
    if labelled is None or len(line.strip()) >= 120:
        return None
    label = labelled["label"].strip()
    heading = _heading_of(labelled["opening"] + labelled["heading"], several, empty)
    if heading is None or heading[0] == "general":
        return None
    words = labelled["heading"][: -len(heading[2])] if heading[2] else labelled["heading"]
    if not _HEADING_ALONE.fullmatch(words):
        return None  # ("Eligibility: Inclusion criteria of the parent study met": a sentence's words after it)
    if _SELECTION_LABEL.fullmatch(label):
        return heading if heading[1] is None or PART_WORD.search(heading[1]) else None
    if _PART_ALONE.fullmatch(label) and heading[1] is None and heading[2] is None:
        said = labelled.group(0)[labelled.end("opening") :].strip().rstrip("*_").strip().rstrip(":：").strip()
        return heading[0], " ".join(said.split()), None
    return None


# the longest line a heading is read in (a longer one is a sentence's: "Inclusion criteria of the parent study are met,
# ..."), but for a heading ended by its colon within it, the list's text after that ("Inclusion Criteria: Patients aged
# 18 to 65 years with ...", a paragraph after it)
_LONGEST = 120
_TO_THE_COLON = lazy(r"[^:：\n]{1,100}[:：](?:[ \t]?(?:\*\*|__))?")  # (and a word after it: shorter than _LONGEST)
# ... or by a dash between spaces, with no colon before it ("Inclusion Criteria - Patients aged 18 to 65 years with
# ...", as "INCLUSION CRITERIA -" heads a short text)
_TO_THE_DASH = lazy(r"[^:：\n]{1,100}?[ \t]+[-–—](?:[ \t]?(?:\*\*|__))?(?=[ \t])")


def _heading_before_colon(line: str, several: frozenset[str], empty: bool) -> tuple[str, str | None, str | None] | None:
    """(kind, group, rest) of a line of _LONGEST characters or more whose first colon, within them, ends a heading
    (_heading_of, read in the line up to it): "Inclusion Criteria: Patients aged 18 to 65 years with systemic lupus
    erythematosus ...", a whole list in one paragraph after its heading. Before, no heading was read in a line so
    long: the list was read as words before the first heading, not imported, and left to the curator."""
    said = line.strip()
    dashed = False
    cut = _TO_THE_COLON.match(said)
    if cut is None:
        # (a dash ends the heading as a colon does: before, "Inclusion Criteria - Patients aged ..." over a long
        # paragraph was no heading, the list read as words before the first heading and left to the curator)
        cut, dashed = _TO_THE_DASH.match(said), True
    if cut is None:
        return None
    rest = said[cut.end() :].strip()
    if dashed:
        # (read over the rest's first words, as a short text after a dash is, the heading's alone, whose words after
        # the dash are a criterion run into it: not a part's words, "Inclusion Criteria - Part B ...", nor a
        # sentence's, "Inclusion criteria of the parent study - all of them - are met ...")
        heading = _heading_of(f"{cut.group(0)} {' '.join(rest.split()[:5])[:40]}", several, empty)
        return (heading[0], None, rest) if heading is not None and heading[1] is None and heading[2] else None
    # (read over the rest's first word, by every rule a heading over a short text is read by: one marked as an item,
    # "1. Inclusion Criteria: Patients ...", or after a section's number, heads no list with words after its colon)
    heading = _heading_of(f"{cut.group(0)} {rest.split()[0][:10]}" if rest else cut.group(0), several, empty)
    if heading is None:
        return None
    return heading[0], heading[1], rest if says_something(rest) else None


def _heading_of(
    line: str, several: frozenset[str] = frozenset(), empty: bool = False
) -> tuple[str, str | None, str | None] | None:
    """(kind, group, rest) when the line heads a list: kind inclusion, exclusion or general; group the
    heading itself when it says which part of the study it is for; rest the text after its colon.
    A line marked as a list item ("* Exclusion Criteria:", "2. Exclusion Criteria:") heads a list
    only when it is the heading alone, set off by its colon or bold: "* Inclusion criteria of the
    parent study met" is a criterion. several: the kinds the text heads more than once (cohorts.several_headed); empty:
    no line stands under the heading before the next one (cohorts.heads_nothing)."""
    if not line.strip():
        return None
    if len(line.strip()) >= _LONGEST:  # (the spaces around it, which a reader does not see, aside)
        return _heading_before_colon(line, several, empty)
    bare = unescaped(as_shown(line))
    item = list_item(as_shown(line))
    marked = is_marked(item)
    section = _SECTION_NUMBER.match(bare)
    if section is not None:  # (the heading after it, as with no number)
        bare, marked = section.group("opening") + bare[section.end() :], False
    if marked:
        assert item is not None
        bare = item.group("text")
    bare = _BOLD_BEFORE_DASH.sub(r"\g<heading>", bare, count=1)
    heading = _HEADING.match(bare)
    ended = _SEMICOLON_ENDED.fullmatch(bare) if heading is None else None
    if ended is not None and ended.group("words").lstrip("#*_ ")[:1].isupper():
        bare = ended.group("words") + ended.group("bold")  # ("Exclusion Criteria;", as its colon)
        heading = _HEADING.match(bare)
    part = heading and (heading.group("part") or heading.group("cohort"))
    if heading and part and _WHO.fullmatch(part.strip()):
        part = None  # ("Subject Inclusion Criteria": everyone's list, as "Inclusion Criteria" is)
    if heading and part and not _names_a_part(bare, part, heading):
        heading = None
    # a qualifier but "Key", "Main", "Principal", ... (_QUALIFIERS) may name a part of the study as a part's words
    # do ("Additional Inclusion Criteria:", a group of the list); else the heading is its list's ("additional
    # inclusion criteria:")
    qualifier = heading and heading.group("qualifier")
    if heading and qualifier and qualifier.casefold() not in _QUALIFIERS and _names_a_part(bare, qualifier, heading):
        part = qualifier
    if heading and marked and not (bare.startswith(("**", "__")) or _set_off(heading) or _alone(heading, part)):
        return None
    if heading and section is not None and re.match(r"(?i)\s+of\b", heading.group("scope") or ""):
        return None  # ("5.1 Inclusion criteria of the parent study met": a sub-criterion numbered 5.1)
    if heading:
        # (the words after the list's word: a part's "for Part B", for whom, an aside, a dash's words)
        scope = heading.group("scope") or heading.group("whom") or heading.group("aside")
        if scope and _HOW_APPLIED.search(scope) and not PART_WORD.search(scope):
            scope = None  # "(all must be met)", "for all participants": how the list applies (to everyone)
        rest = heading.group("rest")  # "Exclusion Criteria: Pregnancy"; no criterion of "Inclusion Criteria:-"
        side = side_named(heading.group("side"))
        if scope and _run_in_after_dash(scope, side in several, empty) and not part and not heading.group("colon"):
            rest = scope.strip().lstrip("-\u2013\u2014").strip()  # the dash for a colon
            scope = None
        if section is not None and says_something(rest):
            return (
                None  # ("2.1 Exclusion: prior CAR-T": a sub-criterion numbered 2.1, a section's heading stands alone)
            )
        named = scope or part
        group = " ".join(heading.group("name").split()) if named else None
        return side, group, rest if says_something(rest) else None
    han = _HAN_HEADING.match(bare)
    kind = "exclusion" if han and han.group("kind") in HAN_EXCLUSION else "inclusion"
    said = {(han.group("en") or han.group("in_en") or kind).casefold()} if han else set()
    if han and said == {kind}:  # "入选标准：", "一、排除标准", "【排除标准】", "Inclusion Criteria 入选标准:"
        rest = han.group("rest")
        return kind, None, rest if says_something(rest) else None
    if _GENERAL.match(bare) and not marked:
        return "general", None, None
    return _other_language_heading(bare, marked)


# a Chinese (or Japanese) text's headings: "入选标准" / "纳入标准" / "入组标准" (inclusion criteria), "排除标准"
# (exclusion criteria), "選択基準" / "除外基準" as Japanese writes them; alone on their line, or with the
# criteria after a colon; numbered as a Chinese text numbers its parts ("一、入选标准："), markdown or bold, in
# brackets ("【入选标准】"), and in two languages, the English before ("Inclusion Criteria 入选标准:") or after
# in brackets ("入选标准（Inclusion Criteria）："), saying the same kind
HAN_EXCLUSION = frozenset({"排除", "除外"})
# ... its words, the list's (simplified, traditional and Japanese forms) and then "criteria": one list for the heading
# on a line of its own (_HAN_HEADING) and the one run into a line (run_in), which cuts a line where this reads a
# heading (each wrote its own, alike)
HAN_SIDE = "入选|入選|纳入|納入|入组|入組|选择|選擇|選択|排除|除外"
HAN_CRITERIA = "标准|標準|条件|條件|基准|基準"
_HAN_HEADING = lazy(
    r"^[#\s]*(?:\*\*|__)?\s*[【\[]?\s*(?:(?:key\s+)?(?P<en>inclusion|exclusion)\s+criteria\s*[/／]?\s*)?"
    rf"(?P<kind>{HAN_SIDE})(?:{HAN_CRITERIA})\s*[】\]]?"
    r"\s*(?:[(（]\s*(?:key\s+)?(?P<in_en>inclusion|exclusion)\s+criteria\s*[)）]"
    # (or an aside, "入选标准（需满足以下所有条件）：", "排除标准（符合以下任何一条者不能入选）：": before, no
    # heading, and the whole text was left to the curator)
    r"|[(（][^()（）:：\n]{1,40}[)）])?"
    r"\s*(?:\*\*|__)?\s*(?:[:：]\s*(?:\*\*|__)?\s*(?P<rest>.*)|[;；]\s*)?$",
    re.I,
)


# a list's heading in another language, as registries write one, its letters folded (no accent, lower case,
# "ß" as "ss"): German ("Einschlusskriterien", "Ausschlusskriterium", "Kriterien für den Einschluss"), French
# ("Critères d'inclusion", "Critères de non-inclusion", the exclusion list's), Spanish ("Criterios de inclusión"),
# Italian ("Criteri di esclusione"), Portuguese ("Critérios de inclusão", "Critérios de não inclusão") and Korean
# ("선정 기준", "제외 기준", "대상자 선정기준"); alone on its line with an aside at most, or with the criteria after its
# colon, as an English heading is (Chinese and Japanese: _HAN_HEADING). Before, only as a lead-in ending in a colon
# after a blank line, and in German only as "Einschlusskriterien:": "Kriterien für den Einschluss:", "Criterios de
# Inclusión" with no colon, "선정 기준:" headed no list, and the text was left to the curator as words before its
# first heading. A line that says more ("Einschluss in eine andere Studie", "Criterios de inclusión del estudio
# previo cumplidos") is none, as before.
_OTHER_SIDE = (
    r"(?P<de>ein|aus)schlusskriteri(?:en|um)|kriterien\s+fur\s+(?:den\s+)?(?P<de_of>ein|aus)schluss"
    r"|(?:criterios?|criteres?|criteri[oa]?)\s+(?:de|di|d['’]\s*|del|dos|das|da|do)\s*"
    r"(?P<denied>(?:non|nao|no)[-\s]?)?(?P<romance>in|ex|es)clus(?:ion|ao|ione)"
    r"|(?:대상자\s*)?(?P<ko>선정|포함|선택|제외|배제)\s*기준"
)
_OTHER_LANGUAGE = lazy(
    r"^[#\s]*(?:\*\*|__)?\s*(?:(?:haupt|wichtige|principaux|principales|principali|principais)\s*)?"
    rf"(?:{_OTHER_SIDE})(?:\s+(?:principaux|principales|principali|principais))?"
    r"(?:\s*[(（][^()（）:：\n]{1,60}[)）])?\s*(?:\*\*|__)?\s*(?:[:：]\s*(?:\*\*|__)?\s*(?P<rest>.*)|[-\u2013\u2014]\s*)?$"
)
_OTHER_EXCLUSION = frozenset({"aus", "ex", "es", "제외", "배제"})
_OTHER_COLON = lazy(r"[:：]\s*(?:\*\*|__)?\s*")


def _other_language_heading(bare: str, marked: bool) -> tuple[str, None, str | None] | None:
    """(kind, None, rest) when the line heads a list in another language (_OTHER_LANGUAGE): a line marked as an item
    only with nothing after its colon ("1. 선정 기준"), as an English heading so marked heads its list alone."""
    # (recomposed: a hangul syllable decomposes into its letters, which are no accents; a line of ASCII, most lines of
    # most texts, has none to take off: folding each of its characters made 800,000 calls on 200 benchmark records)
    if bare.isascii():
        folded = bare.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", bare.casefold())
        folded = unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
    heading = _OTHER_LANGUAGE.match(folded)
    if heading is None or (marked and says_something(heading["rest"])):
        return None
    side = heading["de"] or heading["de_of"] or heading["romance"] or heading["ko"]
    kind = "exclusion" if side in _OTHER_EXCLUSION or heading["denied"] else "inclusion"
    if not says_something(heading["rest"]):
        return kind, None, None
    # (the words after the colon as written: folded, "Größe" is "grosse", no word of the source's)
    colon = _OTHER_COLON.search(bare)
    assert colon is not None
    return kind, None, bare[colon.end() :]


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
    if scope.strip()[:1] not in "-\u2013\u2014" or not words or PART_WORD.search(scope):
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


def says_something(text: str | None) -> bool:
    """Whether text has a letter or digit: the dash of "Inclusion Criteria:-" or "Criteria: --" is
    the heading's punctuation, no criterion."""
    return text is not None and any(c.isalnum() for c in text)


# the words before a heading's kind that say the list is the participants' or the study's, which every list is:
# "Subject Inclusion Criteria", "Patient exclusion criteria", "Study Inclusion Criteria:" head their lists, naming
# no part (before, with no colon, no heading, and the whole text was left to the curator; with one, a group)
_WHO = lazy(r"(?i)(?:subjects?|participants?|patients?|study|trial)(?:'s|s')?")
# the qualifiers of a list's heading that never name a part of the study: each says the list is its study's (or
# the part of it the registry shows), as "Key" does ("Principal Inclusion Criteria:", "Selected Exclusion Criteria:"
# over a list were its group, their label given to every criterion as if a part of the study's)
_QUALIFIERS = frozenset({"key", "main", "major", "general", "principal", "selected", "important"})


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


# a line that names a part of the study and nothing else, as a sub-heading of a list does with no colon or bold
# ("Part A", "Cohort 2 (lupus nephritis)", "Arm B - Expansion", "Dose Escalation"): a part's word and its mark (_PART),
# an aside or a dash's words at most (groups.subheading_of)
PART_LABEL = lazy(
    rf"(?i)(?:{_PART}|(?:dose[-\s]+)?(?:escalation|expansion)(?:\s+(?:part|cohort|phase|stage))?)"
    r"(?:\s*\([^()\n]{1,60}\)|\s+[-\u2013\u2014]\s+[^.;:\n]{1,40})?"
)
# ... or a step of the study, a part or a period by its word and number, a title after its colon or dash at most
# ("Step 1: Screening", "Part A: Adults", "Phase 2 - Treatment", "Step 1"), a colon after it at most: a sub-heading
# where items at its indent or less stand right under it (groups.subheading_of; marks.coded_marks numbers no item of
# it there).
# Before, "Step 1: Screening" / "1. Age" / "Step 2: Treatment" / "1. Hb" read each step as a criterion, the second
# holding the items under it
STAGE_LABEL = lazy(
    r"(?:Step|STEP|Part|PART|Stage|STAGE|Phase|PHASE|Period|PERIOD|Cohort|COHORT|Arm|ARM)[ \t]+[0-9A-Z]{1,3}"
    r"(?:[ \t]*(?:[:：]|[ \t][-\u2013\u2014])[ \t]*[A-Z][^:：\n]{0,60}?)?[ \t]*[:：]?"
)
# the words that name a part of a study, in a label set off by nothing else
PART_WORD = lazy(
    r"(?i)\b(?:cohorts?|parts?|arms?|groups?|stages?|phases?|populations?|sub-?stud(?:y|ies)|escalation|expansion)\b"
)
