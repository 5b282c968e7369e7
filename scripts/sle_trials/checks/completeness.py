"""Completeness: a record marked complete holds its source's criteria lists whole.

The verbatim check asks whether a criterion's text occurs in the source; a criterion cut at a
sentence or clause boundary still does, and a dropped one leaves nothing to check. So for a record
whose curation.status is complete, each criteria list is compared, item by item in source order,
with the items the source's layout reads from that list (layouts.py; nested items count in order):

- every source item is in the record, whole: none dropped, none cut short (E511);
- none moved between the inclusion and exclusion lists, none out of the source's order (E511);
- a number the source gives is the record's number for that item (E511; E504 checks a number the
  record gives against the source);
- a source list whose numbering does not start at 1 or skips a number has lost items: the record
  must say so under curation.incomplete for that list (E514), or it would look complete.

A list the record leaves out is fine when it is declared not yet curated; declaring it silent while
the source lists items is E511. Beyond the criteria lists: every row of a list the source states as
rows is held (E519; an arm's interventions and an intervention's other names whole, and the
conditions and keywords a source places one a place), every cohort an arm's description doses
(E526), and every limit a numbered criterion states is a threshold or an age limit, or named by a
note as left in the text (E527; an unnumbered criterion, which no threshold can name, by a note).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from sle_trials import fields
from sle_trials.checks.load import Record, as_of_dates
from sle_trials.patterns import lazy
from sle_trials.problem import Check, Problem
from sle_trials.reading import criteria_text, not_dosed
from sle_trials.reading.layouts import (
    ROW_LABELS,
    Item,
    SourceDoc,
    dropped,
    is_row,
    normalise,
    row_key,
    row_texts,
    texts_are_row,
)
from sle_trials.reading.lexicon import dosing, head_counts, quantities, run_memory, stated_limits

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check(
        "E511",
        "criteria-not-whole",
        "a complete record's criteria list that is not its source's: an item dropped, cut short, moved, renumbered "
        "or nested otherwise",
    ),
    Check(
        "E519",
        "list-not-whole",
        "a complete record's list of arms, interventions, officials, sites, outcomes, ids, references, "
        "related trials, conditions or keywords that leaves out an item its source lists, or an arm's "
        "interventions or an intervention's other names that leave out one its row lists, or an item that "
        "leaves out a value its row gives (an official's affiliation, a site's region)",
    ),
    Check(
        "E520",
        "field-unaccounted",
        "a complete record that lacks a field without declaring it silent or not yet curated, or holds a "
        "lymphodepleting agent without the dose its source writes right after it",
    ),
    Check(
        "E526",
        "cohort-left-out",
        'a complete record\'s arm whose description names patients ("for patients 4 to 6") or a cell dose '
        '("Dose level 2: 3×10^6 cells/kg") that none of its cohorts holds',
    ),
    Check(
        "E527",
        "limit-left-out",
        "a complete record's criterion that states a limit (a comparator and a number: 'SLEDAI-2K score of 10 or "
        "above') which no threshold of that criterion holds, nor its age limits, nor a curation note names (a "
        "disease-activity limit, which trials.csv shows, a note does not leave in a numbered criterion's text)",
    ),
    Check(
        "E514",
        "source-gap-undeclared",
        "a source list whose numbering shows lost items, not declared under curation.incomplete by an entry "
        "that names them (the first and the last lost), or an entry there naming as lost a criterion the source "
        "lists or one past its last number, declaring a loss in a list whose numbering skips none, or saying the "
        "source's list starts at another number than its first, or a note saying the record's list is renumbered "
        "from another number than its first",
    ),
)


LISTS = ("inclusion_criteria", "exclusion_criteria")
# (record item, source item) pairs a list's comparison searches for a criterion cut short, at most:
# a record's list compared with its source's is otherwise linear in their items
SCANNED = 1_000_000


def criteria_items(
    items: list[dict], path: tuple, group: str | None = None
) -> Iterator[tuple[tuple, Any, str, str | None]]:
    """(path, number, normalised text, group) of every criterion in order, nested ones after their
    parent (with its group: the sub-heading it is listed under)."""
    for i, item in enumerate(items):
        within = normalise(item["group"]) if "group" in item else group
        yield path + (i,), item.get("number"), normalise(item["text"]), within
        yield from criteria_items(item.get("sub_criteria", []), path + (i, "sub_criteria"), within)


# The labels a source may give the items of an enumeration it runs into one criterion ("... abnormalities: a.
# Hemoglobin <7.0 g/dL b. CD4+ T lymphocytes <200/mm³ ..."), which a record's sub-items may leave out of their texts
_RUN_LABELS = ("{}.", "{})", "({})")


def inline_runs_joined(
    record: list[tuple[tuple, Any, str, str | None]], source: list[Item]
) -> list[tuple[tuple, Any, str, str | None]]:
    """The record's items (criteria_items), each whose text and its sub-items' (none nested deeper) are together
    one item of the source's as one item: a criterion whose source runs an enumeration into its text ("a. ... b.
    ..."), given as sub-items. Matched as they were, the criterion was "cut short" and its sub-items items the
    source does not list (E511), though joined they are its item word for word. Joined only where its own text is
    none of the source's and the joined text is one (with each sub-item's label, as written or in a usual style)."""
    theirs = {item.text for item in source}
    out: list[tuple[tuple, Any, str, str | None]] = []
    k = 0
    while k < len(record):
        path, number, text, group = record[k]
        subs: list[tuple[tuple, Any, str, str | None]] = []
        while k + 1 + len(subs) < len(record) and record[k + 1 + len(subs)][0][: len(path) + 1] == path + (
            "sub_criteria",
        ):
            subs.append(record[k + 1 + len(subs)])
        joined = _joined(text, [sub[2] for sub in subs], theirs) if subs and text not in theirs else None
        if joined is not None and all(len(sub[0]) == len(path) + 2 for sub in subs):
            out.append((path, number, joined, group))
            k += 1 + len(subs)
            continue
        out.append(record[k])
        k += 1
    return out


def _joined(text: str, subs: list[str], theirs: set[str]) -> str | None:
    """The source's item text and sub-items run together make, if any (inline_runs_joined). Sub-items run on
    as they are only where each begins with its label in turn ("a. ...", "b. ..."): a sentence of the criterion's
    own, split off as an unlabelled sub-item, is no item of an enumeration (Relma-cel's inclusion criterion 6's
    "Score ≥6 ..." nested under its first sentence passed, the two joined being its source item)."""
    candidates = []
    for style in _RUN_LABELS:
        for labels in ("abcdefghijklmnopqrstuvwxyz", [str(n) for n in range(1, 27)]):
            if len(subs) <= len(labels):
                marks = [f"{style.format(label)} " for label in labels[: len(subs)]]
                if all(sub.startswith(mark) for mark, sub in zip(marks, subs)):
                    candidates.append(" ".join([text, *subs]))  # labelled as written
                candidates.append(" ".join([text, *(f"{mark}{sub}" for mark, sub in zip(marks, subs))]))
    return next((c for c in candidates if c in theirs), None)


def gaps(items: list[Item]) -> list[int]:
    """Numbers missing from a list's own numbering: before its first number, or skipped. A number not
    above the one before starts a nested list (1, 2, 3 under item 4), after which the list goes on."""
    missing: list[int] = []
    last = 0
    for item in items:
        n = item.number
        if n is None:
            continue
        if n == last + 1:
            last = n
        elif n > last + 1 and not (last and n == 1):
            missing.extend(range(last + 1, n))
            last = n
    return missing


def _main_numbers(items: list[Item]) -> list[int]:
    """The numbers of a list's own numbering, as gaps() reads it: not those of a list nested in it
    (1, 2, 3 under item 4)."""
    main: list[int] = []
    last = 0
    for item in items:
        n = item.number
        if n is None or n <= last or (last and n == 1):
            continue
        main.append(n)
        last = n
    return main


def _named_but_listed(entry: dict, field: str, items: list[Item]) -> list[int]:
    """The criteria an incomplete entry on this list (or one of its items) names as items ("criterion
    2", "criteria 1 and 2": _named_in_words) that the source's list numbers as its own: an entry saying
    "criteria 1 and 2 are missing" of a list that gives 2 passed, and the site said the source lacks
    it. An entry on more than this list (eligibility) is not read: what it names may be the other's."""
    if not (entry["field"] == field or entry["field"].startswith(field + ".")):
        return []
    main = set(_main_numbers(items))
    return sorted(n for n in _named_as_lost(entry.get("text", "")) if n in main)


def _loss_not_shown(entry: dict, field: str, items: list[Item]) -> str | None:
    """What an incomplete entry on this numbered list (the list itself, not one of its items; or eligibility,
    naming this list alone: _of_list) says is lost that the source's numbering shows no loss of: an item
    past its last number ("criterion 7 is missing" of a list numbered 1 to 6), or, of an entry on a list
    that skips no number, any loss at all ("Criteria may be missing."). Such entries passed, and the site
    told readers the source lacks what it shows whole; a source's list shows a loss only by its numbering
    (gaps), and an item it gives cut short is refused as named lost (_named_but_listed). None when the
    entry says no more than the numbering shows."""
    main = _main_numbers(items)
    text = entry.get("text", "")
    if not main or not (entry["field"] == field or _of_list(entry, field)):
        return None
    past = sorted(n for n in _named_as_lost(text) if n > main[-1])
    runs = f"numbers its items {main[0]} to {main[-1]}"
    if past:
        return (
            f"names criterion {past[0]} as lost, but the source's list {runs} and shows no item lost there; "
            "say only what the source lacks"
        )
    if entry["field"] == field and not gaps(items):
        return f"says the source lost items, but its list {runs} and skips none; say only what the source lacks"
    return None


def _of_list(entry: dict, field: str) -> bool:
    """Whether an entry on eligibility as a whole speaks of this criteria list alone: it names the list's
    side ("Inclusion criterion 7 is missing.") and not the other's. Such an entry passed whatever item
    of the list it named lost; one naming both lists, or neither, may speak of either, or of the
    thresholds, and is not read."""
    if entry["field"] != "eligibility":
        return False
    side = field.removeprefix("eligibility.").split("_")[0]
    other = "exclusion" if side == "inclusion" else "inclusion"
    text = criteria_text.as_sides(entry.get("text", ""))  # ("non-inclusion criterion 7": an exclusion one)
    return bool(re.search(rf"(?i)\b{side}\b", text)) and not re.search(rf"(?i)\b{other}\b", text)


def _starts_elsewhere(entry: dict, field: str, items: list[Item]) -> list[tuple[int, int]]:
    """(the number, the list's first) for each place an incomplete entry on this list says the source's
    list starts at ("starts at 2", "begins with criterion two") that is not the first number of its
    own numbering: IM19's "The source's inclusion list starts at 2; criterion 1 is missing" passed
    with 3, 20 or 0 for its 2, and the site said the source lacks what it gives, or gives what it lacks."""
    main = _main_numbers(items)
    if not main or not (entry["field"] == field or entry["field"].startswith(field + ".")):
        return []
    out = []
    for start in _STARTS_AT.finditer(entry.get("text", "")):
        word = quantities.folded(start.group(1))
        said = int(word) if word.isdigit() else CARDINAL_WORDS.get(word)
        if said is not None and said != main[0]:
            out.append((said, main[0]))
    return out


# Where a note says the record's list is numbered anew: "renumbered from 1", "re-numbered to start at 1". IM19's "Both
# criteria lists start at 2 in the source; the numbering is kept." rewritten to "the numbering is renumbered from 1"
# passed beside its lists numbered from 2 (hunt 212): where the source's list starts was read, the record's not
_RENUMBERED = lazy(
    r"(?i)\bre-?numbered\s+(?:(?:so\s+as\s+)?to\s+start\s+at|starting\s+(?:at|from)|from)\s+"
    r"(?:(?:items?|criteri(?:on|a)|number)\s+)?([0-9]+|[a-z]+)\b"
)

_NOT_RENUMBERED = lazy(r"(?i)\b(?:not|never|nor|no|rather\s+than|instead\s+of)\s+(?:been\s+|being\s+)?\Z")


def _renumbered(text: str) -> Iterator[int]:
    """The number a note says the record's list is renumbered from (_RENUMBERED)."""
    for m in _RENUMBERED.finditer(text):
        if _NOT_RENUMBERED.search(text, 0, m.start()):
            continue  # ("kept, not renumbered from 1")
        word = quantities.folded(m.group(1))
        said = int(word) if word.isdigit() else CARDINAL_WORDS.get(word)
        if said is not None:
            yield said


def _said_of_the_list(curation: dict, field: str) -> Iterator[tuple[str, dict]]:
    """The incomplete entries and notes on the list (field) or one of its items: each may say where the source's
    list starts. Only incomplete entries were read: IM19's note "Both criteria lists start at 2 in the source; the
    numbering is kept." rewritten to "start at 1" passed (mutation hunt 208)."""
    for where in ("incomplete", "notes"):
        for entry in curation.get(where, []):
            named = entry.get("field")
            if isinstance(named, str) and (named == field or named.startswith(field + ".")):
                yield where, entry


# Where an entry says a list starts: "starts at 2", "begins with criterion two", "starting from item no. 3"
_STARTS_AT = lazy(
    r"(?i)\b(?:starts?|starting|begins?|beginning|opens?|opening)\s+(?:at|with|from)\s+(?:the\s+)?"
    r"(?:(?:items?|criteri(?:on|a)|entr(?:y|ies)|numbers?)\s+)?(?:no\.\s*|number\s+|#\s*)?([0-9]+|[a-z]+)\b"
)


# An entry's clauses (at a stop, a semicolon, a parenthesis or "but"): each read for the items it names
# lost, but one that only says what the source gives (_GIVEN, and no word of a loss: "criteria 2 to 5
# are given", "the list starts at criterion 2"); and in a clause read, words that place what is lost by
# an item the source gives (_PLACED_BY: "before criterion 2") name none lost
_CLAUSE = lazy(r"[;()]|\.(?:\s|\Z)|\bbut\b|\bwhile\b|\bwhereas\b")
_GIVEN = lazy(
    r"(?i)\b(?:given|gives|give|listed|lists|shown|shows|present|presents|included|includes|available|visible|"
    r"starts?|starting|begins?|beginning|onwards?|numbered|kept|remains?|remaining)\b"
)
_NOT_GIVEN = lazy(
    r"(?i)\b(?:not|never|no\s+longer|nor|without)\b|n['’]t\b|\b(?:missing|lost|absent|omitted|dropped|skipped|"
    r"lacks?|lacking|gone|removed|cut|truncated|deleted|withheld|redacted|hidden|illegible|unreadable|unavailable)\b"
)
_PLACED_BY = lazy(
    r"(?i)\b(?:(?:starts?|starting|begins?|beginning|opens?|opening)\s+(?:at|with|from)|before|after|"
    r"preceding|following)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:items?|criteri(?:on|a)|entr(?:y|ies))"
    r"(?:\s+(?:no\.\s*|number\s+|#\s*)?[\w-]+)?"
)


def _named_as_lost(text: str) -> set[int]:
    """The items an entry names (_named_in_words) but in its clauses that say they are given (_GIVEN), not
    those placing what is lost ("before criterion 2"): "Criterion 1 is missing from the page; criteria 2
    to 5 are given" or "...; the list starts at criterion 2" were refused as naming item 2 lost."""
    named: set[int] = set()
    for clause in _CLAUSE.split(text):
        if _NOT_GIVEN.search(clause) or not _GIVEN.search(clause):
            named |= _named_in_words(_PLACED_BY.sub(" ", clause))
    return named | _named_elliptically(text)


def _names_lost(text: str, missing: list[int]) -> bool:
    """Whether an incomplete entry's text names the items a list lost: the first and the last of them,
    as numbers of their own ("criterion 1 is missing", "items 3 to 5"). Any text under the field
    excused the gap ("Checked."), while the entry is there to say what the source lacks."""
    named: set[int] = set()
    for run in _NUMBER_RUN.findall(text):
        # "1,2" lists two items; "1,000" and "1.5" are one number each, no item's
        if "." not in run and not _THOUSANDS.fullmatch(run):
            named.update(int(n) for n in run.split(","))
    named.update(_named_in_words(text))
    named.update(_named_elliptically(text))
    # (the items before the number the list is said to start at: _starts_elsewhere holds that number to the source's)
    starts = [int(w) if w.isdigit() else CARDINAL_WORDS.get(w) for w in _started_at(text)]
    named.update(m for m in missing if any(start is not None and m < start for start in starts))
    return missing[0] in named and missing[-1] in named


# a run of digits and the commas and points between them, standing alone ("1,2", not "v2" or "2a")
_NUMBER_RUN = lazy(r"(?<![\w.,])[0-9]+(?:[.,][0-9]+)*(?![\w])")
_THOUSANDS = lazy(r"[0-9]{1,3}(?:,[0-9]{3})+")

# Numbers written as words, to ninety-nine (criteria lists run to some tens of items): an entry
# naming its items "the first criterion", "criteria one and two" or "the third to fifth items"
# named none of them (only digits were read), and was refused as naming nothing.
# (the cardinals and ordinals are the lexicon's: quantities.CARDINALS, quantities.ORDINALS)
CARDINAL_WORDS = quantities.CARDINALS
ORDINAL_WORDS = quantities.ORDINALS


# a hyphen, an en dash or white space between a ten and its unit, as lexicon reads them ("twenty–four"
# named 20 and 4, "twenty-\nfour" too); the longest words first (quantities.number_words: "twenty-one"
# before "twenty")
_TENS_JOIN = r"(?:\s*[-\u2010\u2011\u2013]\s*|\s+)"


# (white space read before each separator only, then once after them all: where both sides of a
# separator could read it, a run of 30 commas and no number after them took 2**30 tries)
_JOIN = r"(?:\s*(?:,|;|&|and|or|to|through|till|until|-|–))+\s*"
_CARDINAL = rf"(?:[0-9]+|{quantities.number_words(CARDINAL_WORDS, _TENS_JOIN)})"


# A count an incomplete entry gives of the criteria its list lost: "two criteria are cut", "3 items are missing",
# "missing 2 criteria" (IM19's entry "criterion 1 is missing from the page." given "; two criteria are cut." passed,
# mutation hunt 211: the numbers an entry names lost were read, not a count of them)
_LOST_COUNTED = lazy(
    rf"(?i)(?<![\w.-])(?P<count>{_CARDINAL})[ \t]+(?:(?:more|other|further)[ \t]+)?(?:criteri(?:on|a)|items?|"
    r"entr(?:y|ies))[ \t]+(?:(?:are|is|were|was|have[ \t]+been|has[ \t]+been)[ \t]+)?(?:missing|lost|cut|absent|"
    r"omitted|dropped|skipped)\b"
    rf"|\b(?:missing|lost|lacks|lacking|omits|drops)[ \t]+(?P<count2>{_CARDINAL})[ \t]+(?:criteri(?:on|a)|items?|"
    r"entr(?:y|ies))\b"
)


def _lost_counted(text: str) -> list[int]:
    """Each count text gives of a list's criteria lost (_LOST_COUNTED); not one of "more" or "other" ones, which counts
    some of them ("two more criteria are cut" beside one named)."""
    out = []
    for m in _LOST_COUNTED.finditer(text):
        if re.search(r"(?i)\b(?:more|other|further)\b", m.group()):
            continue
        word = quantities.folded(m.group("count") or m.group("count2"))
        said = int(word) if word.isdigit() else CARDINAL_WORDS.get(word)
        if said is not None:
            out.append(said)
    return out


_ORDINAL = rf"(?:[0-9]+(?:st|nd|rd|th)|{quantities.number_words(ORDINAL_WORDS, _TENS_JOIN)})"
# what a list's items are called ("criterion", "items", "entries", "points")
_ITEM = r"(?:criteri(?:on|a)|items?|entr(?:y|ies)|points?|bullets?)"
# a cardinal names an item after the item's word ("criteria one and two", "item number three"); before
# it, it counts them ("one item", "two criteria" name none). An ordinal names one before it ("the first
# criterion", "the first and second inclusion criteria").
_CARDINALS_NAMED = lazy(rf"(?i)\b{_ITEM}\s+{criteria_text.NUMBER_MARK}({_CARDINAL}(?:{_JOIN}{_CARDINAL})*)\b")
# (a run of ordinals read once, then the item's word looked for after it: a pattern of both, tried
# from each ordinal of a long run, read the run again from each, n**2 steps)
_ORDINAL_RUN = lazy(rf"(?i)\b{_ORDINAL}(?:{_JOIN}{_ORDINAL})*\b")
_ITEM_AFTER = lazy(rf"(?i)\s+(?:(?:{criteria_text.SIDE_WORD}|listed|numbered)\s+)?{_ITEM}\b")
_A_CARDINAL = lazy(rf"(?i)\b{_CARDINAL}\b")
# a scale word after a run: its last cardinal is part of a larger number ("criteria one hundred" names no 1)
_SCALED = lazy(r"(?i)[\s-]+(?:hundred|thousand)\b")
_AN_ORDINAL = lazy(rf"(?i)\b{_ORDINAL}\b")


# An ordinal with its item's word left out, where the entry says the item is lost or names it in brackets: "(the first
# is missing)", "the first two are lost", "its opening criterion (the first)" (refused, E514, as naming none, hunt
# 212); an entry so naming an item the source lists is refused as one naming it by its word (_named_as_lost)
_ELLIPTIC_ORDINAL = lazy(
    rf"(?i)\bthe\s+(?P<ordinals>{_ORDINAL}(?:{_JOIN}{_ORDINAL})*)(?:\s+(?:one|ones))?"
    r"(?=\s*\)|\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?(?:missing|lost|absent|omitted|dropped|cut)\b)"
)


def _named_elliptically(text: str) -> set[int]:
    """The items an entry names by an ordinal alone (_ELLIPTIC_ORDINAL)."""
    named: set[int] = set()
    for run in _ELLIPTIC_ORDINAL.finditer(text):
        for number in _AN_ORDINAL.finditer(run.group("ordinals")):
            word = re.sub(_TENS_JOIN, "-", quantities.folded(number.group(0)))
            digits = re.match(r"[0-9]+", word)
            named.add(int(digits.group(0)) if digits else ORDINAL_WORDS[word])
    return named


def _started_at(text: str) -> list[str]:
    """The numbers (folded, in digits or words) text says a list starts at (_STARTS_AT)."""
    return [quantities.folded(start.group(1)) for start in _STARTS_AT.finditer(text)]


def _named_in_words(text: str) -> set[int]:
    """The items an entry names by numbers written as words, where they name items (_CARDINALS_NAMED,
    an ordinal run before an item's word), with the digits among them ("criteria one and 2")."""
    named: set[int] = set()
    runs = [
        (run.group(1), _A_CARDINAL, CARDINAL_WORDS, bool(_SCALED.match(text, run.end(1))))
        for run in _CARDINALS_NAMED.finditer(text)
    ]
    runs += [
        (run.group(0), _AN_ORDINAL, ORDINAL_WORDS, False)
        for run in _ORDINAL_RUN.finditer(text)
        if _ITEM_AFTER.match(text, run.end())
    ]
    for found, each, words, scaled in runs:
        numbers = list(each.finditer(found))
        for number in numbers[:-1] if scaled else numbers:
            word = re.sub(_TENS_JOIN, "-", quantities.folded(number.group(0)))
            digits = re.match(r"[0-9]+", word)
            named.add(int(digits.group(0)) if digits else words[word])
    return named


def newest_first(data: dict, docs: list[SourceDoc]) -> list[SourceDoc]:
    """The record's source documents, the newest first by the as_of the record gives each: an updated
    registry record supersedes the version a record was first curated from (E511, E519, E523)."""
    as_of = as_of_dates(data)
    return sorted(docs, key=lambda doc: as_of.get(doc.file, ""), reverse=True)


def check(record: Record, docs: list[SourceDoc], reader: run_memory.Reader | None = None) -> Iterator[Problem]:
    """What a complete record lacks of its sources (the module's docstring); reader: the run's
    readings of quotes (a criterion's text is often a threshold's quote, which binding has read)."""
    data = record.data
    if data["curation"]["status"] != "complete":
        return
    curation = data["curation"]
    eligibility = data.get("eligibility", {})

    def at(path: tuple, code: str, message: str) -> Problem:
        line, col = record.where(path)
        return Problem(record.path, line, col, code, message)

    # the newest cited source that lists the criteria is the one to hold: an updated registry record
    # supersedes the version it was first curated from. A page about another trial lists that trial's
    # criteria, not this one's: IM19's record citing the Relma-cel page as well was held to its lists
    newest = newest_first(data, [doc for doc in docs if doc.subject in (None, data["nct_id"])])
    lists = {name: next((doc.criteria[name] for doc in newest if doc.criteria.get(name)), []) for name in LISTS}
    for name in LISTS:
        source = lists[name]
        if not source:
            continue
        kind = name.split("_")[0]
        field = f"eligibility.{name}"
        if name not in eligibility and fields.covered(curation.get("not_yet_curated", []), field):
            continue
        missing = gaps(source)
        entries = [n for n in curation.get("incomplete", []) if fields.covered([n["field"]], field)]
        if missing and not any(_names_lost(n.get("text", ""), missing) for n in entries):
            shown = ", ".join(map(str, missing[:5])) + (" …" if len(missing) > 5 else "")
            said = " (the entry there names none of them)" if entries else ""
            yield at(
                ("eligibility", name) if name in eligibility else ("curation",),
                "E514",
                f"{field}: the source's {kind} list has no item {shown}: it lost items; "
                f"say so under curation.incomplete (field: {field}), naming them, rather than look complete{said}",
            )
        for entry in entries:
            listed = _named_but_listed(entry, field, source)
            if listed:
                yield at(
                    ("curation", "incomplete"),
                    "E514",
                    f"{field}: an entry under curation.incomplete names {kind} criterion {listed[0]} as lost, but the "
                    f"source lists it; say only what the source lacks",
                )
        for entry in entries if any(item.number is not None for item in source) else ():
            # (of a numbered list only: an unnumbered one shows no loss by its numbers)
            for counted in _lost_counted(entry.get("text", "")):
                if counted != len(missing):
                    yield at(
                        ("curation", "incomplete"),
                        "E514",
                        f"{field}: an entry under curation.incomplete counts {counted} {kind} criteria lost, but the "
                        f"source's numbering lacks {len(missing)}; say only what the source lacks",
                    )
        for entry in entries:
            unshown = _loss_not_shown(entry, field, source)
            if unshown is not None:
                yield at(("curation", "incomplete"), "E514", f"{field}: an entry under curation.incomplete {unshown}")
        for where, entry in _said_of_the_list(curation, field):
            for starts, first in _starts_elsewhere(entry, field, source):
                yield at(
                    ("curation", where),
                    "E514",
                    f"{field}: an entry under curation.{where} says the source's {kind} list starts at {starts}, "
                    f"but it starts at {first}; say only what the source lacks",
                )
            held = [c.get("number") for c in eligibility.get(name) or [] if isinstance(c, dict)]
            for anew in _renumbered(entry.get("text", "")):
                if held and held[0] != anew:
                    yield at(
                        ("curation", where),
                        "E514",
                        f"{field}: an entry under curation.{where} says the record's {kind} list is renumbered "
                        f"from {anew}, but its first criterion is numbered {held[0]}; say only what the record holds",
                    )
        if name not in eligibility:
            declared = " but is declared silent" if fields.covered(curation.get("silent", []), field) else ""
            yield at(
                ("eligibility",) if eligibility else ("curation", "status"),
                "E511",
                f"{field}: the source lists {len(source)} {kind} criteria; the record has none{declared}",
            )
            continue
        yield from _compare(
            at,
            name,
            inline_runs_joined(list(criteria_items(eligibility[name], ("eligibility", name))), source),
            source,
            {i.text for other in LISTS if other != name for i in lists[other]},  # normalised when read
        )
    yield from _rows_whole(data, newest, at)
    yield from _values_whole(data, newest, at)
    yield from _cohorts_whole(data, at)
    yield from _limits_whole(data, at, reader or run_memory.Reader())


def _declared(curation: dict) -> list[str]:
    """The fields a record declares not yet curated: a list under one of them is not held whole (E519,
    E526, E527). One declared incomplete is still held whole: incomplete says the sources state it only
    in part, and waives what they lack, never what they state (a cohort or a threshold the source gives
    dropped under it passed, and trials.csv showed no sign of it)."""
    return list(curation.get("not_yet_curated", []))


def _limits_whole(data: dict, at: Any, reader: run_memory.Reader) -> Iterator[Problem]:
    """E527: each limit a criterion of a complete record states (a comparator and a number, as the
    lexicon reads them: "score of 10 or above", "within 24 weeks") is held by a threshold of that
    criterion with that comparator and value, one threshold a limit (a criterion that says "within 24
    weeks" twice has two), or is an age limit the record gives as its minimum or maximum age, unless
    the thresholds are declared not yet curated. A limit the curator leaves out on
    purpose is named in a curation note on that criterion, or on its list naming it ("Exclusion
    criterion 11"), in the criterion's words from two words before it as words of their own ("T
    lymphocytes <500/mm³"); a note on the thresholds explains how one was read, and
    leaves none out. A criterion the source does not number can be named by no threshold (a
    reference names a number): each limit it states is named in a note, or is the age limit; before,
    such a criterion's limits were not read, and a source that numbers none let every one be left out.
    A number written as a word, with no unit, followed by "of" counts a list's items ("one or more of
    the following"), not a limit; one followed by what it counts is a limit ("at least two standard
    induction regimens"). A threshold dropped otherwise leaves trials.csv's disease-activity cell
    reading "not stated" and the criterion's limit out of the export, while every value left still
    binds; so a note leaves no limit of a kind trials.csv shows (SHOWN) in a numbered criterion's text."""
    curation = data["curation"]
    declared = _declared(curation)
    eligibility = data.get("eligibility", {})
    if fields.covered(declared, "eligibility.thresholds") or not eligibility:
        return
    thresholds = eligibility.get("thresholds", [])
    notes = [(n["field"], normalise(n["text"])) for n in curation.get("notes", []) if "field" in n]
    ages = [
        (side, age["value"], age["unit"].lower())  # the lexicon's time unit of that name (YEARS: "years")
        for side, key in (("min", "minimum_age"), ("max", "maximum_age"))
        if (age := eligibility.get(key))
    ]
    # the criterion each threshold names, found once: (list, position) -> the thresholds' (comparator, value)
    holding: dict[tuple[str, int], list[tuple[str, float]]] = {}
    for t in thresholds:
        positions = fields.criteria_named(eligibility, t["criterion"])
        if len(positions) == 1:
            holding.setdefault((t["criterion"]["list"], positions[0]), []).append((t["comparator"], t["value"]))
    for name in LISTS:
        # a note on the list (or one of its items) says what of a criterion stays in its text; one on the
        # thresholds explains how a limit was read, and names it without leaving it out
        on_list = [(field, text) for field, text in notes if fields.covered([f"eligibility.{name}"], field)]
        criteria = eligibility.get(name, [])
        for i, item in enumerate(criteria):
            kind = name.split("_")[0]
            if item.get("number") is None:
                # a threshold names a criterion by its number: one the source does not number can hold
                # none, and each limit it states is named in a note (or is the record's age limit)
                ref, held = None, []
            else:
                ref = {"list": kind.upper(), "number": item["number"], **_group(item)}
                held = list(holding.get((ref["list"], i), []))
            text = normalise(" ".join(fields.criterion_texts(item)))
            # reading a criterion's limits is the cost: none is left out where its thresholds are as many
            # as its numbers (most criteria hold neither)
            if quantities.numbers_at_most(text) <= len(held):
                continue
            # a limit named by a note on the list is left in the text, but for one trials.csv shows (SHOWN);
            # each other one is held once
            limits = [
                s
                for s in reader.written_statements(text)
                if _limit(text, s, ages)
                and (
                    not _noted(on_list, name, kind, i, criteria, text[_words_before(text, s.start) : s.end])
                    or (ref is not None and reader.kind_of(text, s)[0] in SHOWN)  # a threshold can name it
                )
            ]
            left_out = []
            for s in limits:
                match = next((k for k, (cmp, value) in enumerate(held) if _holds(cmp, value, s)), None)
                if match is None:
                    left_out.append(s)
                else:
                    held.pop(match)
            # a threshold whose limit is wrong still stands for one (binding says what is wrong with it): only
            # limits beyond the criterion's thresholds are left out. One whose limit the criterion states, held
            # by another threshold already, is that limit written again (IM19's steroid ceiling given a second
            # time, as "steroids" <= 30 mg/day, over the 7 days' stable dose): it stands for no other limit
            spare = [h for h in held if not any(_holds(*h, s) for s in limits)]
            for s in left_out[: len(left_out) - len(spare)]:
                words = text[_words_before(text, s.start) : s.end]
                if ref is not None and _noted(on_list, name, kind, i, criteria, words):
                    yield at(
                        ("eligibility", name, i),
                        "E527",
                        f"eligibility.{name}.{i}: {fields.criterion_name(ref)} states a limit ({words!r}, "
                        f"{s.says()}) that no threshold of it holds; a note cannot leave a limit of this kind in the "
                        "text: trials.csv shows it in columns of its own, which would read as not stated",
                    )
                    continue
                if ref is None:
                    yield at(
                        ("eligibility", name, i),
                        "E527",
                        f"eligibility.{name}.{i}: this {kind} criterion states a limit ({words!r}, {s.says()}); the "
                        "source does not number it, so no threshold can name it: a complete record names the limit, "
                        f"in these words, in a curation note (field: eligibility.{name})",
                    )
                    continue
                yield at(
                    ("eligibility", name, i),
                    "E527",
                    f"eligibility.{name}.{i}: {fields.criterion_name(ref)} states a limit ({words!r}, {s.says()}) "
                    "that no threshold of it holds; a complete record holds each limit its criteria state as a "
                    f"threshold, or names the one it leaves out, in these words, in a curation note "
                    f"(field: eligibility.{name})",
                )


# The kinds of limit trials.csv shows in columns of their own (the disease-activity threshold): a note
# leaving one in its criterion's text left the record complete and the column empty, which reads as
# not stated (IM19's "SLEDAI-2K with a score of 10 or above", dropped with a note naming it)
SHOWN = frozenset(("DISEASE_ACTIVITY",))


# a note naming a criterion of its list by its number: "Exclusion criterion 11 also lists ..."
_CRITERION_NAMED = lazy(
    rf"\b(?:({criteria_text.SIDE_WORD})\s+)?criterion\s+{criteria_text.NUMBER_MARK}(\d+)\b", re.IGNORECASE
)


def _noted(on_list: list[tuple[str, str]], name: str, kind: str, i: int, criteria: list, words: str) -> bool:
    """Whether a note that names criterion i of the list name names its words (a limit it leaves in the
    text): one on the criterion itself, or one on the list
    that names it by its number ("Exclusion criterion 11"; another list's criterion of that number is
    not it) or, where the source numbers none, by its words alone (_names: the words stand in this
    criterion only). Before, any note on the list excused a limit worded alike in each of its criteria."""
    item, others = criteria[i], criteria[:i] + criteria[i + 1 :]
    own, listed = f"eligibility.{name}.{i}", f"eligibility.{name}"
    named = [text for field, text in on_list if fields.covered([own], field)]
    number = item.get("number")
    for field, text in on_list:
        if field != listed:
            continue
        if number is None:
            # no number to name it by: its words name it when they stand in no other criterion of the list
            if not any(_names(normalise(" ".join(fields.criterion_texts(c))), words) for c in others):
                named.append(text)
            continue
        said = {
            int(m.group(2))
            for m in _CRITERION_NAMED.finditer(text)
            if m.group(1) is None or criteria_text.side_named(m.group(1)) == kind
        }
        alike = [c for c in criteria if c.get("number") == number]
        if number in said and (len(alike) == 1 or ("group" in item and item["group"] in text)):
            named.append(text)
    return any(_names(text, words) for text in named)


def _names(note: str, words: str) -> bool:
    """Whether a note names a criterion's words as words of their own: "for ≥ 7 days" is not named by
    "xfor ≥ 7 days", nor "< 30" by "< 300" (a note once excused a limit by any text holding its words)."""
    return re.search(rf"(?<![\w.,]){re.escape(words)}(?!\w|[.,][0-9])", note) is not None


def _holds(comparator: str, value: float, s: stated_limits.Statement) -> bool:
    return comparator == s.comparator and quantities.same_number(value, s.value)


# after a number: it counts the items of a list ("one or more of the following", "two of these"), and
# limits nothing a threshold holds
_COUNTS_ITEMS = lazy(r"\s*(?:or (?:more|fewer|less)\s+)?of\b", re.IGNORECASE)


def _limit(text: str, s: stated_limits.Statement, ages: list[tuple[str, float, str | None]]) -> bool:
    """Whether a statement of a criterion is a limit a threshold holds: it has a comparator, is no count
    of a list's items written as a word ("one or more of the following"; "at least two standard induction
    regimens" is a limit, "at least 2 of the following" one as ever), and is not the record's age limit."""
    if s.comparator is None:
        return False
    if s.unit is None and not any(c.isdigit() for c in text[s.start : s.end]) and _COUNTS_ITEMS.match(text, s.end):
        return False
    side = "min" if s.comparator in (">=", ">") else "max" if s.comparator in ("<=", "<") else None
    return s.unit is None or not any(
        a == side and u == s.unit.key and quantities.same_number(v, s.value) for a, v, u in ages
    )


def _group(item: dict) -> dict:
    return {"group": item["group"]} if "group" in item else {}


def _words_before(text: str, at: int, count: int = 2) -> int:
    """Where the count words before the word holding position at start: a limit's words with what it
    limits ("T lymphocytes <500/mm³"), a comparator written apart ("≥ 18") counting as a word."""
    start = text.rfind(" ", 0, at) + 1
    for _ in range(count):
        if start == 0:
            break
        start = text.rfind(" ", 0, start - 1) + 1
    return start


def _cohorts_whole(data: dict, at: Any) -> Iterator[Problem]:
    """E526: each group of patients an arm's description gives a dose ("1×10^8 CAR-T cells for patients
    4 to 6") is one of the arm's cohorts, and so is each cell dose it states where it names no patients
    ("Dose level 2: 3×10^6 cells/kg"), unless its cohorts are declared not yet curated.
    A dropped cohort leaves the others binding to their quotes and the arm reading as one dose."""
    curation = data["curation"]
    declared = _declared(curation)
    for a, arm in enumerate(data.get("arms", [])):
        if fields.covered(declared, f"arms.{a}.cohorts") or fields.covered(declared, "arms.cohorts"):
            continue
        held = {(c["patients"]["first"], c["patients"]["last"]) for c in arm.get("cohorts", []) if "patients" in c}
        description = normalise(arm.get("description", ""))
        named = head_counts.patient_ranges(description)
        left_out = [r for r in dict.fromkeys(named) if r not in held]
        where = ("arms", a, "cohorts") if "cohorts" in arm else ("arms", a)
        if left_out:
            shown = ", ".join(f"{first} to {last}" if first != last else f"{first}" for first, last in left_out)
            yield at(
                where,
                "E526",
                f"arms.{a}: its description gives patients {shown} a dose, and no cohort holds them; "
                "a complete record holds each cohort (a record whose curation is under way is a draft)",
            )
            continue
        # a description that doses its cohorts by level, with no patient numbers ("Dose level 1: 1×10^6
        # ... Dose level 2: 3×10^6 ..."): each cell dose it states is a cohort's
        doses = [c["dose"]["value"] for c in arm.get("cohorts", []) if "dose" in c]
        stated = [d.value for d in cell_doses(description)]
        missing = [v for v in dict.fromkeys(stated) if not any(quantities.same_number(v, h) for h in doses)]
        if missing:
            shown = ", ".join(stated_limits.number_text(v) for v in missing)
            yield at(
                where,
                "E526",
                f"arms.{a}: its description gives a dose of {shown}, and no cohort holds it; "
                "a complete record holds each cohort (a record whose curation is under way is a draft)",
            )


# What a cell dose is written as: a power of ten ("1×10^6", "10^8") or a number of at least this many cells
CELL_DOSE_AT_LEAST = 100_000
_POWER_OF_TEN = lazy(r"10\s*\^|[eE][-+]?\d|(?i:million|billion)")


def cell_doses(description: str) -> list[dosing.Dose]:
    """The cell doses an arm's description states as doses: a power of ten or a large number, not a
    cap nor an end of a range (dosing.Dose.limit), nor a lower bound ("collect >= 1×10^9 PBMCs", "at
    least 5×10^7 viable CAR-T cells": what is required, no dose given), nor one its words say no patient
    receives (not_dosed: "must be manufactured", "in the previous study"), and not a patient's number."""
    return [
        d
        for d in dosing.doses(description)
        if d.limit is None
        and (quantities.comparator_before(description, d.start) or ("",))[0] not in (">=", ">")
        and (d.value >= CELL_DOSE_AT_LEAST or _POWER_OF_TEN.search(description, d.start, d.unit_at))
        and d.value >= 1
        and not not_dosed.not_dosed(description, d.start, d.end)
    ]


def _rows_whole(data: dict, newest: list[SourceDoc], at: Any) -> Iterator[Problem]:
    """E519: every row of a list the newest source about this trial states as rows (its arms, sites,
    officials, outcomes, ...) is an item of the record's list, unless the list is declared not yet
    curated. A row the source repeats word for word is one item. The other way round
    (each item is one of the source's rows) is rows.check_rows, E512."""
    curation = data["curation"]
    declared = _declared(curation)
    own = [doc for doc in newest if doc.subject == data["nct_id"]]  # a page about another trial lists its own
    for name, label in ROW_LABELS.items():
        rows = _newest_rows(own, name)
        if not rows or fields.covered(declared, name):
            continue
        found, items = fields.get(data, fields.parse_dotted(name))
        items = items if found and isinstance(items, list) else []
        yield from _row_lists_whole(name, items, rows, at)
        yield from _row_values_whole(name, items, rows, declared, at)
        columns = {k for row in rows for k in row}
        texts = [row_texts(i, columns) for i in items]
        left_out = [
            row for row in dict.fromkeys(map(row_key, rows)) if not any(texts_are_row(t, dict(row)) for t in texts)
        ]
        if not left_out:
            continue
        path = fields.parse_dotted(name) if found else ("curation", "status")
        shown = ", ".join(repr(dict(row).get(label, "")) for row in left_out[:3]) + (" …" if len(left_out) > 3 else "")
        silent = " but is declared silent" if fields.covered(curation.get("silent", []), name) else ""
        yield at(
            path,
            "E519",
            f"{name}: the source lists {len(left_out)} more than the record{silent} ({label} {shown}); "
            f"a complete record holds them all (a record whose curation is under way is a draft)",
        )


def _newest_rows(own: list[SourceDoc], name: str) -> list[dict[str, Any]] | None:
    """The rows of the list name that the newest of own (newest first) stating them states, unless a newer one
    of its layout dropped the list (dropped: it states every other field that one does, and not this list):
    an update that removed the study's officials left the older version's, and an honest record was held to
    them (E519). None where none states them."""
    for i, doc in enumerate(own):
        if doc.rows.get(name):
            path = fields.parse_dotted(name)
            if any(newer.layout == doc.layout and dropped(doc, newer, path) for newer in own[:i]):
                return None
            return doc.rows[name]
    return None


def _row_lists_whole(name: str, items: list, rows: list[dict[str, Any]], at: Any) -> Iterator[Problem]:
    """E519: an item's list of one of its row's columns (an arm's intervention_names, an intervention's
    other_names) holds the row's whole. An item is its row with a part of such a list (is_row), so an
    arm that left out one of its interventions was still its row, and trials.csv gave the arm fewer
    interventions than its source does. A name holding "|" no list item may hold (E205) is not asked for."""
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        lists = [k for k, v in item.items() if isinstance(v, list)]
        matched = [row for row in rows if is_row(item, row)]
        if not lists or not matched:
            continue
        short = [_short_of(item, row, lists) for row in matched]
        if all(short):
            key, left_out = short[0][0]
            yield at(
                fields.parse_dotted(name) + (i, key),
                "E519",
                f"{name}.{i}.{key}: its source's row lists {len(left_out)} more ({', '.join(map(repr, left_out[:3]))}"
                f"{' …' if len(left_out) > 3 else ''}); a complete record holds them all",
            )


def _row_values_whole(
    name: str, items: list, rows: list[dict[str, Any]], declared: list[str], at: Any
) -> Iterator[Problem]:
    """E519: an item holds each value its row gives (an official's affiliation, a site's region, an
    intervention's type). An item is its row with fewer of its columns (is_row), and E520 asks only
    that some item of the list hold a field: Relma-cel's third official with her affiliation dropped
    passed, and trials.csv lost it. A value its row gives in every row the item may be is asked for,
    unless the field is declared not yet curated, or no item holds it (the field is then absent, and
    E520 or E523 says so)."""
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        matched = [row for row in rows if is_row(item, row)]
        lacking = [
            key
            for key in (matched[0] if matched else {})
            if key not in item
            and any(isinstance(other, dict) and key in other for other in items)  # else the field's (E520, E523)
            and all(row.get(key) for row in matched)
            and not fields.covered(declared, f"{name}.{key}")
        ]
        if lacking:
            key = lacking[0]
            value = matched[0][key]
            shown = ", ".join(map(repr, value[:3])) if isinstance(value, list) else repr(value[:60])
            yield at(
                fields.parse_dotted(name) + (i,),
                "E519",
                f"{name}.{i}.{key}: its source's row gives it ({shown}); a complete record holds it",
            )


def _short_of(item: dict, row: dict[str, Any], lists: list[str]) -> list[tuple[str, list[str]]]:
    """(column, the row's values the item's list of that column leaves out) for each short list."""
    out = []
    for key in lists:
        held = {normalise(v) for v in item[key] if isinstance(v, str)}
        left_out = [v for v in row.get(key, []) if v not in held and "|" not in v]
        if left_out:
            out.append((key, left_out))
    return out


# Lists of values a source places one value a place (its conditions, its keywords): a complete record
# holds each of them, as it holds each row of a list of rows (a keyword left out passed: each one held
# was a value of the source's)
VALUE_LISTS = ("conditions", "keywords")


def _values_whole(data: dict, newest: list[SourceDoc], at: Any) -> Iterator[Problem]:
    """E519: every value the newest source about this trial places whole in one of VALUE_LISTS is an
    item of the record's list, unless the list is declared not yet curated (a list the
    record lacks is E520's or E523's)."""
    declared = _declared(data["curation"])
    own = [doc for doc in newest if doc.subject == data["nct_id"]]
    for name in VALUE_LISTS:
        if not isinstance(data.get(name), list) or fields.covered(declared, name):
            continue
        stated = next(
            (values for doc in own if (values := [p.value or p.text for p in doc.places.get(name, []) if p.whole])),
            [],
        )
        held = {normalise(v) for v in data[name] if isinstance(v, str)}
        left_out = [v for v in dict.fromkeys(stated) if v not in held and "|" not in v]
        if left_out:
            shown = ", ".join(map(repr, left_out[:3])) + (" …" if len(left_out) > 3 else "")
            yield at(
                (name,),
                "E519",
                f"{name}: the source lists {len(left_out)} more than the record ({shown}); a complete record "
                "holds them all (a record whose curation is under way is a draft)",
            )


_LEVELS = ("at the top of the list", "under the item above it", "two levels down")


class _Lists:
    """A complete record's criteria list beside the list its source gives, as _compare matches them:
    the record's items (path, number, text, group), the source's, and what finds an item elsewhere."""

    def __init__(
        self,
        at: Any,  # (path, code, message) -> Problem
        name: str,  # inclusion_criteria or exclusion_criteria
        record: list[tuple[tuple, Any, str, str | None]],
        source: list[Item],
        other_list: set[str],  # the texts of the source's other criteria list
    ) -> None:
        self.at, self.name, self.record, self.source, self.other_list = at, name, record, source, other_list
        self.kind = name.split("_")[0]  # inclusion or exclusion
        # items are matched by their group and text: the same words under two sub-headings are two
        # criteria, and one of them dropped is a criterion dropped, not a repeat
        self.ours = [(group, text) for _, _, text, group in record]
        self.theirs = [(item.group, item.text) for item in source]
        self.texts = [text for _, text in self.ours]
        # looked up, not searched: each item against every item of the other side made a record of
        # 12,000 criteria, with a source listing them, cost 38 s (SCANNED bounds what is still searched)
        self.ours_held, self.theirs_held = set(self.ours), set(self.theirs)
        self.their_texts = {text for _, text in self.theirs}


def _compare(
    at: Any, name: str, record: list[tuple[tuple, Any, str, str | None]], source: list[Item], other_list: set[str]
) -> Iterator[Problem]:
    """E511 for one criteria list: the record's items matched with the source's in order; each block
    that differs names the items moved, cut short or dropped, each that matches the items renumbered
    or nested otherwise."""
    lists = _Lists(at, name, record, source, other_list)
    scanned = 0
    matcher = difflib.SequenceMatcher(None, lists.ours, lists.theirs, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            yield from _renumbered_or_renested(lists, i1, j1, i2 - i1)
            continue
        # a record item cut short is one that a source item here runs on from (or anywhere, where
        # none is here): searched while the pairs searched stay within SCANNED; beyond, such an item
        # is reported with the source item it falls short of as dropped
        cost = (i2 - i1) * (j2 - j1 or len(lists.theirs))
        cuts = scanned + cost <= SCANNED
        scanned += cost if cuts else 0
        yield from _moved_or_cut_short(lists, i1, i2, j1, j2, cuts)
        yield from _dropped(lists, i1, i2, j1, j2, cuts)


def _renumbered_or_renested(lists: _Lists, i1: int, j1: int, count: int) -> Iterator[Problem]:
    """The record's items i1… that are the source's items j1…, the same count of each: numbered and
    nested as the source numbers and nests them."""
    kind = lists.kind
    for k in range(count):
        path, number, _, _ = lists.record[i1 + k]
        wanted = lists.source[j1 + k].number
        if wanted is not None and number != wanted:
            had = "no number" if number is None else f"number {number}"
            yield lists.at(
                path,
                "E511",
                f"{fields.dotted(path)}: the source numbers this {kind} criterion {wanted}; the record gives {had}",
            )
        nested, depth = lists.source[j1 + k].depth, (len(path) - 3) // 2  # (eligibility, list, i, sub_criteria, j...)
        if nested is not None and depth != nested:  # a sub-item lifted out applies to all, not to its item
            yield lists.at(
                path,
                "E511",
                f"{fields.dotted(path)}: the source lists this {kind} criterion {_LEVELS[min(nested, 2)]}; "
                f"the record {_LEVELS[min(depth, 2)]}",
            )


def _moved_or_cut_short(lists: _Lists, i1: int, i2: int, j1: int, j2: int, cuts: bool) -> Iterator[Problem]:
    """The record's items i1:i2 that are not a source item of this list here, where the source's
    items j1:j2 stand: in the other list, elsewhere in this one, under another sub-heading, or (cuts:
    searched for) cut short of a source item."""
    kind = lists.kind
    for k in range(i1, i2):
        path, _, text, group = lists.record[k]
        if text in lists.other_list:
            other = "exclusion" if kind == "inclusion" else "inclusion"
            yield lists.at(
                path + ("text",),
                "E511",
                f"{fields.dotted(path)}: an {other} criterion in the source, not an {kind} one",
            )
        elif (group, text) in lists.theirs_held:
            yield lists.at(path + ("text",), "E511", f"{fields.dotted(path)}: out of the source's order")
        elif text in lists.their_texts:
            yield lists.at(
                path,
                "E511",
                f"{fields.dotted(path)}: the source lists this {kind} criterion under another "
                f"sub-heading than {group!r}"
                if group
                else f"{fields.dotted(path)}: the source lists this {kind} criterion under a sub-heading",
            )
        elif cuts:
            whole = next((t for _, t in lists.theirs[j1:j2] or lists.theirs if text and text in t), None)
            if whole is not None:
                yield lists.at(
                    path + ("text",),
                    "E511",
                    f"{fields.dotted(path)}: cut short: the source's item runs on: "
                    f"…{whole[len(text) : len(text) + 60] if whole.startswith(text) else whole[:60]}…",
                )


def _dropped(lists: _Lists, i1: int, i2: int, j1: int, j2: int, cuts: bool) -> Iterator[Problem]:
    """The source's items j1:j2 that the record does not hold where its items i1:i2 stand, nor
    anywhere else _moved_or_cut_short reports them."""
    texts = lists.texts[i1:i2]
    block_texts = set(texts)
    for k in range(j1, j2):
        item = lists.source[k]
        if (item.group, item.text) in lists.ours_held or item.text in block_texts:
            continue  # reported above as out of order, or under another group
        if cuts and any(text and text in item.text for text in texts):
            continue  # reported above as cut short
        label = f"{item.number}) " if item.number is not None else ""
        where = lists.record[i1][0] if i1 < len(lists.record) else ("eligibility", lists.name)
        yield lists.at(
            where,
            "E511",
            f"eligibility.{lists.name}: the source's {lists.kind} criterion {label}{item.text[:70]!r}"
            f"{'…' if len(item.text) > 70 else ''} is not in the record (dropped)",
        )


def check_fields(record: Record, schema: dict) -> Iterator[Problem]:
    """E520: a complete record says why it lacks each field that applies to the study: silent (its
    sources do not state it) or not yet curated. Otherwise its empty cell in trials.csv would read as
    "not stated" while the sources may well state it (a field dropped by mistake)."""
    data = record.data
    if data["curation"]["status"] != "complete":
        return
    for name in fields.unaccounted(data, schema):
        path = fields.parse_dotted(name)
        line, col = record.where_absent(path)
        yield Problem(
            record.path,
            line,
            col,
            "E520",
            f"{name}: the record is complete but lacks it without saying why; declare it under "
            "curation.silent (the sources do not state it) or curation.not_yet_curated, or fill it in",
        )
