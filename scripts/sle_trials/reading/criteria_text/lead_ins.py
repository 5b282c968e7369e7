"""Lines leading into a list in other words than a heading's: a line heading a list of one kind ("Patients will be
excluded if:", lead_in), a line that may head the other list in words not read as a heading (doubtful_heading), an
item that only leads into its list (lead_in_items), and the words by which an item opens a list under it
(opens_list) or a paragraph leads into alternatives (ALTERNATIVES)."""

from __future__ import annotations

import re
import unicodedata

from sle_trials.patterns import lazy
from sle_trials.reading.criteria_text.escapes import unescaped
from sle_trials.reading.criteria_text.groups import grouped
from sle_trials.reading.criteria_text.headings import HAN_EXCLUSION, HAN_SIDE, as_shown, as_sides, heading_of
from sle_trials.reading.criteria_text.lines import GROUP, RUNS_ON, indent_of, next_item, runs_on
from sle_trials.reading.criteria_text.marks import is_marked, list_item


def opens_list(text: str) -> bool:
    """Whether an item's words open a list of items under it: they end in a colon ("as follows:"), mid-sentence
    (RUNS_ON: "one of", "defined by") or leading into one ("one of the following")."""
    said = unescaped(text).rstrip()
    return said.endswith((":", "：")) or bool(RUNS_ON.search(said) or _FOLLOWING.search(said))


# a sentence of its own leading into items, by whom it speaks of or what it requires ("Subjects with LN must have:",
# "Participants with lupus nephritis:", "For adolescents:"): own_lead_in
_OWN_SENTENCE = lazy(
    r"(?:(?:For|If|In|All|Any|Those|The)\s+)?(?:subjects?|patients?|participants?|women|men|females?|males?|adults?"
    r"|adolescents?|children|individuals?|those)\b.*|.*\b(?:must|should|shall|needs?|requires?|required)\b.*"
)


def own_lead_in(lines: list[str], at: int, above: int) -> str | None:
    """How the unmarked line at index at, indented beyond the item above it (whose first line stands at indent
    above), leads into the items right under it at its indent (capitalised, ending in a colon), the line above not
    going on onto it: "sentence", a sentence of its own by whom it names or what it requires (_OWN_SENTENCE: "2. SLE"
    / "   Subjects with LN must have:" / "   a. biopsy"), or "label", a label of the items naming no one ("1. Active
    lupus nephritis" / "   Class III or IV:" / "   a. biopsy"); None where it leads into none so. Before, either was
    read as a wrapped line, its words joined to the item's ("SLE Subjects with LN must have:", "Active lupus
    nephritis Class III or IV:", the items under the label the item's parts)."""
    line = unescaped(lines[at]).rstrip()
    said = line.strip().strip("*_").strip()
    if not at or indent_of(line) <= above or not said[:1].isupper() or not said.endswith((":", "：")):
        return None
    below = next_item(lines, at + 1)
    if below is None or len(below.group("indent")) != indent_of(line) or not lines[at + 1].strip():
        return None
    if runs_on(lines[at - 1], said, indent_of(lines[at - 1])):
        return None
    return "sentence" if _OWN_SENTENCE.fullmatch(said) else "label"


# an item's words that end leading into a list: "... one of the following", "... as follows"
_FOLLOWING = lazy(r"(?i)\b(?:the\s+following|as\s+follows)$")


# words by which a paragraph leads into alternatives: "Patients must have at least one of the following:", "Any one
# of:", "Either:"
ALTERNATIVES = lazy(
    r"(?i)(?:\b(?:at\s+least\s+(?:one|1)|one\s+or\s+more|one|any|either)\s+(?:\w+\s+){0,2}?(?:of\b|from\b)"
    r"|^(?:\*\*|__)?either\b)"
)


# the words by which a heading qualifies its list (headings.HEADING's qualifiers), which say no more than its kind
_HEADING_QUALIFIERS = frozenset(
    "key main major principal general specific additional other further selected important include includes non".split()
    # ... and the words by which a lead-in speaks of its items, which say no more ("for any of the following reasons:")
    + "reason reasons case cases circumstance circumstances situation situations true present exist exists".split()
)
# the words that say which kind of list a lead-in introduces ("include" and "including" say nothing:
# "Key exclusion criteria include:")
_KIND_WORDS = {
    "inclusion": frozenset(
        {
            "inclusion",
            "inclusions",
            "included",
            "eligible",
            "inclusione",
            "inclusao",
            "einschlusskriterien",
            "einschluss",
        }
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
            "ausschluss",
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


# the clause by which a line says whom the items under it exclude, ending it: "... will be excluded if:", "... are
# excluded from the study if they have any of the following:", "... shall be ineligible if:", "... are not eligible if:"
_EXCLUDED_IF = lazy(
    r"(?i)\b(?:will|shall|would|are|is)\s+(?:not\s+(?:be\s+)?(?:eligible|included)|(?:be\s+)?(?:excluded|ineligible))"
    r"(?:\s+from\s+(?:the\s+)?(?:study|trial|participation|enrol\w*|entry))?\s+if"
    r"(?:\s+(?:they|he|she)\s+(?:have|has|meet|meets|present\s+with))?"
    r"(?:\s+(?:any|one\s+or\s+more)\s+of\s+the\s+following(?:\s+criteria)?)?\s*[:：]$"
)
# the words denying a patient's inclusion in the study, which say exclusion ("are not eligible if", "will not be
# included in the study if", "The following patients are not eligible:"), read as "ineligible"; denied something
# else, they lead into no list of exclusions ("Patients who are not eligible for rituximab must have:")
_NOT_ELIGIBLE = lazy(
    r"\bnot\s+(?:be\s+)?(?:eligible|included)(?=(?:\s+(?:for|in|to)\s+(?:the\s+|this\s+)?(?:study|trial"
    r"|participation|participate|enrol\w*|entry))?\s*(?:\bif\b|[:：*_\s]*$))"
)
# a Chinese heading's word for its list ("入选", "排除"): its kind, beside an English word's
_HAN_KIND = lazy(HAN_SIDE)


def lead_in(lines: list[str], at: int, top: int | None = None) -> tuple[str, str | None, None] | None:
    """(kind, None, None) when the line at index at leads into a list of one kind in other words than
    a heading's ("Exclusion:", "Exclusions:", "Patients will be excluded if:", "Key exclusion
    criteria include:"): on its own line after a blank one, unmarked, indented no deeper than the
    list above it (top: the indent of its first item, if any) nor than the item after it, ending in a
    colon (or wholly bold), followed by a list item, speaking of exclusion or of inclusion (not of
    both, and denying neither). A colon is a CJK text's full-width one too ("Patients will be excluded if they have
    any of the following："), as a heading's is. Else it would be a sub-heading of the list above it, and a list of
    exclusion criteria after the inclusion criteria would be read as inclusion criteria: before, so
    in a text indented throughout, as NCT04207047 indents its criteria."""
    written = unescaped(as_shown(lines[at]).rstrip())
    line = written.lstrip(" ")
    indent = len(written) - len(line)
    tight = bool(at and lines[at - 1].strip())  # (right under a line: a heading's words alone, _HEADING_WORDS_ONLY)
    if not line or line[:1].isspace() or len(line) > 100:
        return None
    if top is not None and indent > top:
        return None
    item = list_item(as_shown(lines[at]).lstrip(" "))
    if is_marked(item):
        return None
    bare = line.strip("*_ #")
    if not (line.endswith((":", "：")) or (line.startswith(("**", "__")) and bare.endswith((":", "：")))) and not (
        line.startswith(("**", "__")) and line.endswith(("**", "__"))
    ):
        return None
    marked = next_item(lines, at + 1)
    if marked is None or len(marked.group("indent")) < indent:
        return None
    folded = "".join(c for c in unicodedata.normalize("NFKD", bare.casefold()) if not unicodedata.combining(c))
    # (a denied inclusion is an exclusion: "Participants are not eligible if:", "... will not be included if they have
    # any of the following:" head the exclusion criteria; before, "not" beside "eligible" headed no list, and the
    # exclusion criteria under it were left, or read as an inclusion criterion's alternatives)
    folded = _NOT_ELIGIBLE.sub("ineligible", folded)
    words = set(re.findall(r"[a-z]+", as_sides(folded)))  # "exclusión" is exclusion
    kinds = {kind for kind, said in _KIND_WORDS.items() if words & said}
    if kinds:  # (a Chinese heading's word says its kind too: "入选标准（Exclusion Criteria）：" speaks of both)
        kinds |= {"exclusion" if w in HAN_EXCLUSION else "inclusion" for w in _HAN_KIND.findall(bare)}
    if len(kinds) != 1 or words & {"not", "no", "non", "neither", "nor", "unless", "except"}:
        return None
    kind = kinds.pop()
    whom = bool(words - _HEADING_WORDS_ONLY - _LEAD_IN_WORDS - _HEADING_QUALIFIERS)
    if (
        tight
        and not (words <= _HEADING_WORDS_ONLY and re.search(r"crit|kriterien", folded))
        and not (
            # ("Patients will be excluded if they have any of the following:", its words alone, or with words naming
            # whom: "Patients with lupus nephritis will be excluded if they have any of the following:")
            _leads_in(kind, bare, whom=True)
            # ... or a clause saying whom the items exclude, and nothing after it ("Women of childbearing potential
            # will be excluded if:")
            or (kind == "exclusion" and bare[:1].isupper() and bool(_EXCLUDED_IF.search(bare)))
        )
    ):
        return None
    # words saying more than the list's kind (whom it excludes, "Patients with lupus nephritis will be excluded if
    # ...:", "Women of childbearing potential will be excluded if:") name the group of the list's criteria, as a
    # heading's for whom does ("Exclusion criteria for patients with lupus nephritis:"): before, they were lost, and
    # the criteria under them read as excluding everyone
    return kind, " ".join(bare.rstrip(":：").split()) if whom else None, None


# a list's heading ended by a full stop, alone on its line ("Exclusion Criteria.", "INCLUSION CRITERIA.", "**Key
# Exclusion Criteria.**"), its words opening in a capital: a sentence's end too, read by what stands around it
# (stopped_heading)
_STOP_ENDED = lazy(r"(?P<words>.*?[^\s.*_])\s*(?P<bold>(?:\*\*|__)?)\s*\.\s*(?:\*\*|__)?\s*")


def stopped_heading(lines: list[str], at: int) -> tuple[str, str | None, None] | str | None:
    """What the line at index at is where it is a list's heading alone ended by a full stop (_STOP_ENDED), unmarked:
    the heading (kind, group, None) where it stands set off (first, after a blank line, or under a line that ends no
    sentence's words unfinished, RUNS_ON) and a list item stands under it, at its indent or deeper; "doubtful" where
    no list item does (a paragraph under it, or nothing), as a sentence's line may stand: the lines under it are
    the curator's, not read into either list (sections.split); None where it is no such line, or a wrapped line's
    ("... who meet none of the" / "Exclusion Criteria."). Before, "Exclusion Criteria." right under an item was
    read as an inclusion criterion, the exclusion criteria under it its parts, and over a paragraph as one, the
    exclusion paragraph an inclusion criterion; after a blank line, over items, the list was left to the curator. A
    line marked as an item heads a list so as heading_of reads one, alone ("* Exclusion Criteria."). In lower case
    ("exclusion criteria."), it heads a list only set off by a blank line (or first); right under a line, unmarked,
    it is doubtful (a wrapped line's words as well)."""
    shown = unescaped(as_shown(lines[at])).strip()
    stopped = _STOP_ENDED.fullmatch(shown)
    item = list_item(shown)
    said = item.group("text") if item is not None and is_marked(item) else shown  # ("* Exclusion Criteria.")
    if stopped is None:
        return None
    heading = heading_of(stopped["words"] + stopped["bold"])
    if heading is None or heading[0] == "general" or heading[2] is not None:
        return None
    tight = bool(at and lines[at - 1].strip())
    capital = said.lstrip("#*_ ")[:1].isupper()
    if tight and (RUNS_ON.search(unescaped(lines[at - 1]).rstrip()) or (not capital and is_marked(item))):
        return None  # (a wrapped line of the item above, or an item of the list in lower case, as before)
    under = next_item(lines, at + 1)
    if under is None or len(under.group("indent")) < indent_of(lines[at]) or (tight and not capital):
        return "doubtful"  # (... or, in lower case right under a line, a wrapped line's words as well)
    return heading[0], heading[1], None


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


def doubtful_heading(lines: list[str], kind: str) -> int | None:
    """The index of the first line of a list of the other kind that may head the criteria of kind in words
    the reading does not take for a heading (_KIND_SAID, and for exclusion _INELIGIBLE_WORDS): set off as a
    heading is (first or after a blank line, unmarked, indented no deeper than the list's items, at most
    _HEADING_WORDS words) and followed by a list item; None if there is none. Read on, the exclusion
    criteria under it were imported as inclusion criteria ("Pregnancy" as a condition of taking part), and
    the other way round where the exclusion criteria come first."""
    found = [(at, m) for at, raw in enumerate(lines) if (m := list_item(as_shown(raw)))]
    least = min((len(m.group("indent")) for _, m in found if is_marked(m)), default=0)
    for at, m in found:  # (m: each line that is no blank one)
        line = m.string
        if (at and lines[at - 1].strip()) or lines[at].startswith(GROUP) or is_marked(m):
            continue
        if line[:1] == "\t" or len(m.group("indent")) > least:
            continue  # indented under an item: no heading of a list
        ineligible = kind == "exclusion" and _INELIGIBLE_WORDS.search(line)
        if not (ineligible or (_KIND_SAID[kind].search(line) and not _OTHERWISE[kind].search(line))):
            continue
        words = re.findall(r"\w+", line)
        if len(words) > _HEADING_WORDS:
            continue
        if next_item(lines, at + 1) is not None:
            return at
    return None


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


def _leads_in(kind: str, text: str, whom: bool = False) -> bool:
    """Whether an item's text leads into its list of kind and says nothing else (_LEAD_IN_WORDS); whom: or nothing
    else but words naming whom, in one run after its first word ("Patients with lupus nephritis will be excluded if
    they have any of the following:")."""
    said = unescaped(text).strip().strip("*_").strip()
    if not said.endswith((":", "：")) or len(said) > 200:
        return False
    words = [w.casefold() for w in _LEAD_IN_WORD.findall(said)]
    other = [at for at, w in enumerate(words) if w not in _LEAD_IN_WORDS]
    if whom and other and other[0] > 0 and other == list(range(other[0], other[-1] + 1)):
        words = [w for at, w in enumerate(words) if at not in other]
    if "following" not in words or any(w not in _LEAD_IN_WORDS for w in words):
        return False
    if kind == "inclusion":
        return not {"any", "not", "exclusion", "excluded", "exclude", "exclusionary", "ineligible"} & set(words)
    # ("Subjects presenting with any of the following will not be included in the study:")
    return "all" not in words and ("not" in words or not {"inclusion", "included", "include", "eligible"} & set(words))


def lead_in_items(kind: str, items: list[dict]) -> list[str]:
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
        subs = [grouped(sub, item.get("group")) for sub in item.get("sub_criteria", [])]
        items[at : at + 1] = subs
        taken.append(item["text"])
        at += len(subs)
    return taken


def lead_in_group(kind: str, items: list[dict]) -> str | None:
    """The sub-heading the list's first items are grouped under, where it leads into the list and says nothing else
    (_leads_in: "Participants must meet all of the following:" over the list's items, or in bold): taken off those
    items, which are the list's criteria, none of a group; None where there is none. Before, every criterion of the
    list was imported under it as its group, as if the lead-in named a part of the study or whom they are for."""
    group = items[0].get("group") if items else None
    if group is None or not _leads_in(kind, f"{group}:"):
        return None
    for item in items:
        if item.get("group") != group:
            break
        del item["group"]
    return group
