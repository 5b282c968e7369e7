"""E501: the shape a curation note or an incomplete entry says the record's criteria lists have that they do not: the
number a list starts at ("Both criteria lists start at 2"), and whether a criterion's unnumbered paragraphs are kept
nested under it or flat. IM19's note was rewritten to "Neither criteria list starts at 2" and "Only the inclusion list
starts at 2", Relma-cel's "they are kept nested under criterion 4" to "kept flat, after criterion 4" (hunt 214's
leftovers), and each passed: what a note says of the lists' numbers and nesting was read by nothing. A reader looks
for a criterion 1 the note says is there, or for paragraphs the note says stand on their own.

A list's start is the number of its first numbered item as the record holds it (the numbering kept as the source
writes it); "both", "neither", "only the inclusion list" and a denial ("does not start at 1") are read as said.

And paragraphs a note says stand after or before a criterion ("Inclusion criterion 4 is followed in the source by two
unnumbered paragraphs", made "is preceded", hunt 214's leftover): the record nests a paragraph between two criteria
under the first, so those after a criterion are its sub_criteria and those before it the previous criterion's.

And a sub-list said to be a criterion's that holds none, and a count of a criterion's sub-criteria (hunt 221).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, Remark, said_by_remarks, said_by_remarks_on
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon.quantities import CARDINALS, CARDINALS_TO_20, unit_at

LISTS = {"inclusion": "inclusion_criteria", "exclusion": "exclusion_criteria"}
# the lists a note says start at a number: "Both criteria lists start at 2", "Only the inclusion list starts at 2",
# "The exclusion list does not start at 1", "Neither criteria list starts at 2"
_STARTS = lazy(
    r"(?i)\b(?:(?P<all>both|all)|(?P<none>neither)|(?P<only>only)[ \t]+(?:the[ \t]+|its[ \t]+)?(?P<one>inclusion|"
    r"exclusion)|(?:the[ \t]+|its[ \t]+|the[ \t]+source['\u2019]s[ \t]+)?(?P<named>inclusion|exclusion))[ \t]+"
    r"(?:criteria[ \t]+)?(?:lists?|criteria)[ \t]+(?:(?P<denied>does[ \t]+not|doesn['\u2019]t|do[ \t]+not|"
    r"don['\u2019]t)[ \t]+)?(?:each[ \t]+)?(?:start(?:s|ed)?|(?P<ends>end(?:s|ed)?|finish(?:es|ed)?))[ \t]+"
    r"(?:at|with|from)[ \t]+(?:criterion[ \t]+|number[ \t]+)?(?P<n>\d+)\b"
    # (and the number each ends at, said after: "start at 2 in the source and end at 12", hunt 219)
    r"(?:[^.;:\d]{0,30}?\band[ \t]+(?:each[ \t]+)?(?:end(?:s|ed)?|finish(?:es|ed)?)[ \t]+(?:at|with)[ \t]+"
    r"(?:criterion[ \t]+|number[ \t]+)?(?P<last>\d+)\b)?"
)
# two numbers said of the two lists in turn: "The criteria lists end at 9 and 15", "The inclusion and exclusion lists
# start at 2 and 1" (IM19's "... end at 9 and 15" passed beside its 9 and 13, hunt 222: only "both ... start at N and
# end at M" was read); the first number is the first list named's (inclusion, where the lists are not named)
_TWO_LISTS = (
    r"\b(?:(?P<first>inclusion|exclusion)[ \t]+and[ \t]+(?:the[ \t]+)?(?P<second>inclusion|exclusion)[ \t]+"
    r"(?:criteria[ \t]+)?(?:lists|criteria)|(?:eligibility[ \t]+)?criteria[ \t]+lists|lists)[ \t]+(?:each[ \t]+)?"
)
_ENDS = r"end(?:s|ed)?|finish(?:es|ed)?"
_PAIRED = lazy(
    rf"(?i){_TWO_LISTS}(?:start(?:s|ed)?|(?P<ends>{_ENDS}))[ \t]+(?:at|with|from)[ \t]+"
    r"(?:criteria[ \t]+|numbers[ \t]+)?(?P<a>\d+)[ \t]+and[ \t]+(?P<b>\d+)\b"
    # (and the pair each ends at, said after: "start at 2 and 2 and end at 9 and 15", hunt 222's leftover)
    rf"(?:[ \t]*,?[ \t]+and[ \t]+(?:each[ \t]+)?(?:{_ENDS})[ \t]+(?:at|with)[ \t]+(?:criteria[ \t]+|numbers[ \t]+)?"
    r"(?P<c>\d+)[ \t]+and[ \t]+(?P<d>\d+)\b)?"
)
# the numbers the lists are said to run between, in turn or of one list named: "the lists run from 1 to 9 and from 1 to
# 15", "The inclusion list runs from 2 to 9" (hunt 222's leftover: only "start at" and "end at" were read)
_RUNS = lazy(
    rf"(?i)(?:{_TWO_LISTS}|\b(?P<one>inclusion|exclusion)[ \t]+(?:criteria[ \t]+)?list[ \t]+)(?:runs?|ran|goes|go|went|"
    r"(?:is|are|was|were)[ \t]+numbered|numbers)[ \t]+(?:from[ \t]+)?(?P<a>\d+)[ \t]+(?:to|through|until)[ \t]+"
    r"(?P<b>\d+)\b(?:(?(one)(?!))[ \t]*,?[ \t]+and[ \t]+(?:from[ \t]+)?(?P<c>\d+)[ \t]+(?:to|through|until)[ \t]+"
    r"(?P<d>\d+)\b)?"
)
# a second list's number said after a first's, its verb left out: "The inclusion list ends at 9, the exclusion list
# at 15" (hunt 222's leftover: the second number was read by nothing)
_GAPPED = lazy(
    r"(?i)[ \t]*(?:,|;|,?[ \t]+and)[ \t]+(?:and[ \t]+)?(?:the[ \t]+|its[ \t]+)?(?P<other>inclusion|exclusion)"
    r"(?:[ \t]+criteria)?(?:[ \t]+list|[ \t]+one)?[ \t]+(?:at|with|from)[ \t]+(?:criterion[ \t]+|number[ \t]+)?"
    r"(?P<n>\d+)\b"
)
# paragraphs a note says are kept nested under a criterion, or flat beside it: "they are kept nested under criterion
# 4", "kept flat, after criterion 4", "kept as criteria of their own"
_KEPT = lazy(
    r"(?i)\b(?:kept|recorded|held|entered)[ \t]+(?:(?P<nested>nested|as[ \t]+(?:its[ \t]+)?sub-?(?:items|criteria))"
    r"|(?P<flat>flat|unnested|as[ \t]+(?:criteria|items)[ \t]+of[ \t]+their[ \t]+own|at[ \t]+the[ \t]+top[ \t]+"
    r"level))\b[^.;]*?\bcriterion[ \t]+(?P<n>\d+)\b"
)
# paragraphs a note says stand after or before a criterion: "Inclusion criterion 4 is followed in the source by two
# unnumbered paragraphs" (made "is preceded", hunt 214's leftover: the record nests them under criterion 4, after it)
_BESIDE = lazy(
    r"(?i)\b(?P<list>inclusion|exclusion)[ \t]+criterion[ \t]+(?P<n>\d+)[ \t]+(?:is|was)[ \t]+(?:also[ \t]+)?"
    r"(?:(?P<after>followed)|(?P<before>preceded))[ \t]+(?:in[ \t]+the[ \t]+source[ \t]+)?by[ \t]+"
    r"(?P<what>[^.;]*?\b(?:paragraphs?|passages?|sub-?lists?|sub-?items?|lines|notes?|sub-?criteria)\b)"
)
# a list's first or last criterion said by its number: "The inclusion list's last criterion is 10", "the first
# exclusion criterion is numbered 3", "Inclusion criterion 10 is the last" (IM19's "... last criterion is 10." passed
# beside its 9, hunt 225's leftover: only "starts at" and "ends at" were read)
_ORDINAL_END = r"(?:(?P<{0}>first|opening|lowest-numbered)|(?:last|final|closing|highest-numbered))"
_FIRST_OR_LAST = lazy(
    r"(?i)\b(?:(?:the|its|the[ \t]+source['\u2019]s)[ \t]+)?(?:(?P<list>inclusion|exclusion)[ \t]+(?:criteria[ \t]+)?"
    r"list['\u2019]s[ \t]+"
    + _ORDINAL_END.format("first")
    + r"[ \t]+(?:criterion|item|entry|number)|"
    + _ORDINAL_END.format("first2")
    + r"[ \t]+(?P<list2>inclusion|exclusion)[ \t]+criterion)[ \t]+(?:is|was)[ \t]+(?P<denied>not[ \t]+)?"
    r"(?:numbered[ \t]+|number[ \t]+|criterion[ \t]+|no\.[ \t]*)?(?P<n>\d+)\b"
    r"|\b(?P<list3>inclusion|exclusion)[ \t]+criterion[ \t]+(?P<n3>\d+)[ \t]+(?:is|was)[ \t]+(?P<denied3>not[ \t]+)?"
    r"(?:the|its[ \t]+list['\u2019]s)[ \t]+(?:(?P<first3>first|opening)|last|final)\b"
    r"(?![ \t]+(?:to|of[ \t]+its[ \t]+kind|one[ \t]+(?:to|that|with|on)))"
)
_LIST_OF_SENTENCE = lazy(r"(?i)\b(?P<list>inclusion|exclusion)[ \t]+criterion[ \t]+(?P<n>\d+)\b")

# a criterion said to be on the page: "criterion 1 is on the page" (IM19's incomplete entry "criterion 1 is missing from
# the page" made so, hunt 216, passed: a criterion before a list's first was judged by nothing, E514 reading only
# where the entry says the list starts)
_PRESENT = lazy(
    r"(?i)\b(?:(?P<list>inclusion|exclusion)[ \t]+)?criterion[ \t]+(?P<n>\d+)[ \t]+(?:is|was)[ \t]+(?:also[ \t]+)?"
    r"(?:on[ \t]+the[ \t]+page|given|listed|present|shown|there|included|in[ \t]+the[ \t]+source)\b"
)
_A_LIST = lazy(r"(?i)\b(inclusion|exclusion)\b")

# a sub-list said, in its bracket or right after, to be a criterion's: "a sub-list numbered 1 to 3 (oral corticosteroid
# requirements of exclusion criterion 1)" passed of Relma-cel's (hunt 220's leftover), its sub-list being inclusion
# criterion 4's and its exclusion criterion 1 holding none
_SUB_LIST_OF = lazy(
    r"(?i)\bsub-?lists?\b(?:[^().;]*\([^()]*?|[ \t]+)\bof[ \t]+(?:its[ \t]+)?(?P<list>inclusion|exclusion)[ \t]+"
    r"criterion[ \t]+(?P<n>\d+)\b"
)
# a count of a criterion's sub-criteria: "kept nested under criterion 4, as its three sub-criteria" passed of
# Relma-cel's (hunt 219's leftover), its criterion 4 holding two, one with three of its own; the count is of its own or
# of all beneath it, which of the two unsure
_COUNT = CARDINALS_TO_20
_SUBS_COUNTED = lazy(
    rf"(?i)\b(?:its|criterion[ \t]+(?P<n>\d+)(?:['\u2019]s|[ \t]+(?:holds|has|had|keeps|lists|gives|carries|contains)"
    r"(?:[ \t]+(?:only|just|exactly))?))[ \t]+(?:own[ \t]+)?"
    rf"(?P<count>{_COUNT}|\d{{1,2}})[ \t]+sub-?(?:criteria|criterions|items|paragraphs)\b"
)
# ... and a count of the items of a criterion's numbered sub-list: "Inclusion criterion 4's sub-list has four items."
# passed of Relma-cel's 1 to 3 (hunt 224's leftover); the number of items of one of the numbered lists beneath it
_SUB_LIST_COUNTED = lazy(
    r"(?i)\bcriterion[ \t]+(?P<n>\d+)['\u2019]s[ \t]+(?:numbered[ \t]+)?sub-?list[ \t]+"
    r"(?:has|holds|lists|numbers|gives|contains|runs[ \t]+to)(?:[ \t]+(?:only|just|exactly))?[ \t]+"
    rf"(?P<count>{_COUNT}|\d{{1,2}})[ \t]+"
    r"(?:numbered[ \t]+)?(?:items|entries|sub-?items|points|requirements|sub-?criteria)\b"
)
# ... and a count of the items a criterion letters in its text ("a. Hemoglobin <7.0 g/dL b. ..."), said in words of
# what they are: IM19's "Exclusion criterion 11 lists four hematological abnormalities." passed (its a. to e., hunt
# 223's leftover). The words are its items' where their last is "items" or "entries", or is written in the criterion
# right before its run of letters ("significant hematological abnormalities: a."); other words are not its items
# (or of one of its paragraphs: Relma-cel's "Inclusion criterion 4's first sub-criterion lists twenty drugs." passed,
# hunt 230, a count said of a part of a criterion read by nothing; its runs are among the criterion's)
_ITEMS_COUNTED = lazy(
    r"(?i)\bcriterion[ \t]+(?P<n>\d+)(?:['\u2019]s[ \t]+(?:[a-z]+[ \t]+)?(?:sub-?criterion|sub-?item|paragraph|"
    r"standard[ \t]+regimen))?[ \t]+(?:also[ \t]+)?(?:holds|has|had|lists|gives|names|sets[ \t]+out|contains|"
    rf"letters)(?:[ \t]+(?:only|just|exactly))?[ \t]+(?P<count>{_COUNT}|\d{{1,2}})[ \t]+"
    r"(?P<what>[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,3})"
)
_ITEMS = frozenset({"items", "entries", "sub-items", "subitems", "letters"})
_A_LETTER = lazy(r"(?<![\w.])a\.[ \t]")
_CRITERION_BEFORE = lazy(r"(?i)\bcriterion[ \t]+(?P<n>\d+)\b(?![^.;]*\bcriterion[ \t]+\d)[^.;]*\Z")

RULE = "a remark says of the record's criteria lists only the numbering and nesting they have"


def check_remark_numbering(record: Record) -> Iterator[Problem]:
    """E501: each start a remark gives a criteria list, and each nesting it gives a criterion's paragraphs, that the
    record's lists do not have."""
    eligibility = record.data.get("eligibility") or {}
    lists = {name: [c for c in eligibility.get(key) or [] if isinstance(c, dict)] for name, key in LISTS.items()}
    yield from said_by_remarks(record, "E501", lambda text: _misshaped(text, lists), RULE)
    yield from said_by_remarks_on(record, "E501", lambda remark: _before_the_first(remark, lists), RULE)


def _before_the_first(remark: Remark, lists: dict[str, list[dict]]) -> Iterator[str]:
    """Each criterion a remark says is on the page that stands before its list's first (the list named with it, or
    nearest before it, or the one the remark is on): the record numbers its lists as the source does."""
    read = QUOTED.sub(" | ", normalise(remark.text))
    for m in _PRESENT.finditer(read):
        named = m.group("list") or next(reversed(_A_LIST.findall(read, 0, m.start())), None)
        name = (named or next((name for name in LISTS if name in remark.field), "")).lower()
        start = _start(lists[name]) if name else None
        if start is not None and int(m.group("n")) < start:
            yield f"says {name} criterion {m.group('n')} is on the page, where the list starts at {start}"


def _misshaped(text: str, lists: dict[str, list[dict]]) -> Iterator[str]:
    read = QUOTED.sub(" | ", normalise(text))
    starts = {name: start for name, items in lists.items() if (start := _start(items)) is not None}
    ends = {name: end for name, items in lists.items() if (end := _end(items)) is not None}
    paired = list(_PAIRED.finditer(read))
    yield from _paired_misnumbered(paired, starts, ends)
    yield from _runs_misnumbered(read, starts, ends)
    for m in _STARTS.finditer(read):
        if any(p.start() <= m.start("n") < p.end() for p in paired):
            continue  # its number is the first of two paired with the lists in turn, read above
        gapped = _GAPPED.match(read, m.end()) if m.group("named") else None
        if gapped is not None and gapped.group("other").lower() != m.group("named").lower():
            numbered, which = (ends, "end") if m.group("ends") or m.group("last") else (starts, "start")
            name, n = gapped.group("other").lower(), int(gapped.group("n"))
            if numbered.get(name, n) != n:
                yield f"says the {name} list {which}s at {n}, which {which}s at {numbered[name]}"
        if m.group("ends"):
            yield from _misstarted(m, int(m.group("n")), ends, "end")
        else:
            yield from _misstarted(m, int(m.group("n")), starts, "start")
            if m.group("last"):
                yield from _misstarted(m, int(m.group("last")), ends, "end")
    for m in _FIRST_OR_LAST.finditer(read):
        name = (m.group("list") or m.group("list2") or m.group("list3")).lower()
        first = bool(m.group("first") or m.group("first2") or m.group("first3"))
        numbered, which = (starts, "start") if first else (ends, "end")
        n = int(m.group("n") or m.group("n3"))
        if name in numbered and (numbered[name] == n) == bool(m.group("denied") or m.group("denied3")):
            yield f"says of the criteria lists {' '.join(m.group().split())!r}, where the {name} list {which}s at " + (
                f"{numbered[name]}"
            )
    yield from _misplaced(read, lists)
    yield from _sub_lists_unheld(read, lists)
    yield from _lettered_miscounted(read, lists)
    yield from _sub_list_miscounted(read, lists)
    for m in _KEPT.finditer(read):
        named = _LIST_OF_SENTENCE.search(read, 0, m.start())
        items = lists[named.group("list").lower()] if named else [c for items in lists.values() for c in items]
        criterion = [c for c in items if c.get("number") == int(m.group("n"))]
        if len(criterion) != 1:
            continue
        nested = bool(criterion[0].get("sub_criteria"))
        if bool(m.group("nested")) != nested:
            said, held = ("nested under", "holds none") if m.group("nested") else ("flat beside", "holds them nested")
            yield f"says paragraphs are kept {said} criterion {m.group('n')}, which {held}"


def _paired_misnumbered(paired: list[re.Match[str]], starts: dict[str, int], ends: dict[str, int]) -> Iterator[str]:
    """Each pair of numbers said of the two lists in turn (matches of _PAIRED) that one of the lists does not start
    (or end) at."""
    for p in paired:
        names = [p.group("first").lower(), p.group("second").lower()] if p.group("first") else list(LISTS)
        said = [("end" if p.group("ends") else "start", p.group("a"), p.group("b"))]
        if p.group("c"):
            said.append(("end", p.group("c"), p.group("d")))
        for which, a, b in said:
            numbered = ends if which == "end" else starts
            held = dict(zip(names, (int(a), int(b)), strict=True))
            if len(set(names)) == len(LISTS) and any(numbered.get(name, n) != n for name, n in held.items()):
                yield f"says of the criteria lists {' '.join(p.group().split())!r}, which {which} at " + ", ".join(
                    f"{n} ({name})" for name, n in numbered.items()
                )


def _runs_misnumbered(read: str, starts: dict[str, int], ends: dict[str, int]) -> Iterator[str]:
    """Each span of numbers said of a list, or of the two in turn (matches of _RUNS), that it does not start and end
    at."""
    for r in _RUNS.finditer(read):
        if r.group("one"):
            names = [r.group("one").lower()]
        elif r.group("first"):
            names = [r.group("first").lower(), r.group("second").lower()]
        else:
            names = list(LISTS)
        spans = [(r.group("a"), r.group("b"))] + ([(r.group("c"), r.group("d"))] if r.group("c") else [])
        if len(spans) != len(names) or len(set(names)) != len(names):
            continue
        for name, (a, b) in zip(names, spans, strict=True):
            if starts.get(name, int(a)) != int(a) or ends.get(name, int(b)) != int(b):
                yield (
                    f"says of the criteria lists {' '.join(r.group().split())!r}, where the {name} list runs from "
                    f"{starts[name]} to {ends[name]}"
                )


def _misplaced(read: str, lists: dict[str, list[dict]]) -> Iterator[str]:
    """What read says stands after or before a criterion that the record does not hold there: its own sub_criteria
    after it, the criterion before it's before it (a paragraph between two criteria is nested under the first)."""
    for m in _BESIDE.finditer(read):
        items = lists[m.group("list").lower()]
        at = [k for k, c in enumerate(items) if c.get("number") == int(m.group("n"))]
        if len(at) != 1:
            continue
        k = at[0]
        beside = items[k] if m.group("after") else (items[k - 1] if k > 0 else {})
        if not beside.get("sub_criteria"):
            side = "after" if m.group("after") else "before"
            what = " ".join(m.group("what").split())
            yield f"says {what!r} stand {side} criterion {m.group('n')}, which the record does not hold there"


def _sub_lists_unheld(read: str, lists: dict[str, list[dict]]) -> Iterator[str]:
    """A sub-list read says is a criterion's that holds no numbered items beneath it, and a count of a criterion's
    sub-criteria that is neither the number of its own nor of all beneath it (the criterion of the list named nearest
    before it, or else the one criterion so numbered)."""
    for m in _SUB_LIST_OF.finditer(read):
        criterion = _criterion(lists, m.group("list"), int(m.group("n")))
        if criterion is not None and not any(isinstance(sub.get("number"), int) for sub in _beneath(criterion)):
            yield f"says a sub-list is {m.group('list').lower()} criterion {m.group('n')}'s, which holds none"
    for m in _SUBS_COUNTED.finditer(read):
        named = m.group("n") or ((b := _CRITERION_BEFORE.search(read, 0, m.start())) and b.group("n"))
        if not named:
            continue
        side = next(reversed(_A_LIST.findall(read, 0, m.start())), None)
        criterion = _criterion(lists, side, int(named))
        if criterion is None:
            continue
        said = int(m.group("count")) if m.group("count").isdigit() else CARDINALS[m.group("count").lower()]
        own = len([sub for sub in criterion.get("sub_criteria") or [] if isinstance(sub, dict)])
        every = len(_beneath(criterion))
        if said not in (own, every):
            yield f"says criterion {named} has {said} sub-criteria, which holds {own} ({every} in all)"


def _sub_list_miscounted(read: str, lists: dict[str, list[dict]]) -> Iterator[str]:
    """A count read gives of the items of a criterion's numbered sub-list (_SUB_LIST_COUNTED) that no numbered list
    beneath it holds."""
    for m in _SUB_LIST_COUNTED.finditer(read):
        side = next(reversed(_A_LIST.findall(read, 0, m.end("n"))), None)
        criterion = _criterion(lists, side, int(m.group("n")))
        if criterion is None:
            continue
        sizes = {
            len(numbered)
            for item in (criterion, *_beneath(criterion))
            if (numbered := [s for s in item.get("sub_criteria") or [] if isinstance(s, dict) and "number" in s])
        }
        said = int(m.group("count")) if m.group("count").isdigit() else CARDINALS[m.group("count").lower()]
        if sizes and said not in sizes:
            held = " or ".join(str(n) for n in sorted(sizes))
            yield f"says criterion {m.group('n')}'s sub-list has {said} items, which holds {held}"


def _lettered_miscounted(read: str, lists: dict[str, list[dict]]) -> Iterator[str]:
    """A count read gives of the items a criterion letters in its text (_ITEMS_COUNTED) that is not how many it
    letters."""
    for m in _ITEMS_COUNTED.finditer(read):
        side = next(reversed(_A_LIST.findall(read, 0, m.end("n"))), None)
        criterion = _criterion(lists, side, int(m.group("n")))
        if criterion is not None and _ENZYMES.match(_head(m.group("what"))):
            yield from _enzymes_miscounted(m, criterion)
            continue
        text = " ".join(str(criterion.get("text") or "").split()) if criterion else ""
        run = _A_LETTER.search(text)
        if run is None:
            if criterion is not None:
                yield from _series_overcounted(m, read, criterion)
            continue
        lead = text[max(0, run.start() - 80) : run.start()].lower()
        if not any(_of_the_run(word, lead) for word in m.group("what").lower().split()):
            continue
        letters = _letters(text, run.start())
        said = int(m.group("count")) if m.group("count").isdigit() else CARDINALS[m.group("count").lower()]
        if said != letters:
            what, last = m.group("what"), chr(96 + letters)
            yield f"says criterion {m.group('n')} lists {said} {what}, which letters {letters} (a. to {last}.)"


# ... and a count of what a criterion that letters none lists in its words, past the most items any of its runs of
# commas can hold: IM19's "Exclusion criterion 8 lists seven heart conditions." passed (its run of five, one of them
# two joined by "or", hunt 225's leftover). A run is a sentence's pieces between commas, each piece's inner "or",
# "and" or "and/or" parting one more; a count of no more is not judged (which of them it counts is unsure: "four liver
# enzymes" of IM19's criterion 10 is left). Not a length ("lists 6 months"), nor the record's own nouns' counts
_RUN_BREAK = lazy(r"(?<=[.;:])\s+")
_INNER_JOINT = lazy(r"(?i)(?<=\w)[ \t]+(?:or|and|and/or)[ \t]+(?=\w)")
_OWN_NOUNS = lazy(r"(?i)^(?:thresholds?|limits?|windows?|washouts?|sub-?criteria|criteria|items|entries|sub-?items)\b")


# (a bracket's words are a run of their own, its commas none of the run around it: Relma-cel's "Exclusion criterion 5
# lists five organs." passed of "History of major organ transplantation (e.g., heart, lung, kidney, liver) or ...",
# its bracket's commas and the words around them read as one run of six, hunt 230's leftover; a run of examples
# starts at the words opening it, "such as", "e.g.", the pieces before them its lead: Relma-cel's "Exclusion
# criterion 2 lists ten lupus crises." passed of its eight, "Prior to screening, other lupus crises, such as ..." read
# as two more)
_BRACKET = lazy(r"[(\[][^()\[\]]*[)\]]")
_EXAMPLES_OPENING = lazy(
    r"(?i)^[ \t]*(?:e\.?g\.?|i\.?e\.?|for[ \t]+example|for[ \t]+instance|such[ \t]+as|including(?:[ \t]+but[ \t]+not"
    r"[ \t]+limited[ \t]+to)?|namely|incl\.)[ \t]*[,:]?"
)


def _runs(sentence: str) -> list[str]:
    """The runs of a sentence's words: each bracket's (innermost first, examples' opening words dropped), and the
    words around them, each bracket written as one word."""
    runs: list[str] = []
    while (inner := _BRACKET.search(sentence)) is not None:
        runs.append(_EXAMPLES_OPENING.sub("", inner.group()[1:-1]))
        sentence = f"{sentence[: inner.start()]} \u2026{sentence[inner.end() :]}"
    return [*runs, sentence]


def _joints(piece: str) -> int:
    """How many more things a piece's inner "or", "and" or "and/or" part (_INNER_JOINT): not one between two letters
    or numbers, kinds of one thing ("chronic hepatitis B or C virus infection": IM19's "Exclusion criterion 6 lists six
    infections." passed of its five, hunt 230's leftover)."""
    count = 0
    for m in _INNER_JOINT.finditer(piece):
        before, after = piece[: m.start()].split()[-1:], piece[m.end() :].split()[:1]
        if not (before and after and len(before[0]) <= 2 and len(after[0].rstrip(".,;")) <= 2):
            count += 1
    return count


def _series_overcounted(m: re.Match[str], read: str, criterion: dict) -> Iterator[str]:
    """A count a match of _ITEMS_COUNTED gives of what a criterion lettering no items lists, above the most items
    one of its runs of commas holds (its text and its sub-criteria's)."""
    if _OWN_NOUNS.match(m.group("what")) or unit_at(read, m.end("count")) is not None:
        return
    texts = [criterion, *_beneath(criterion)]
    most = 0
    for item in texts:
        for sentence in _RUN_BREAK.split(" ".join(str(item.get("text") or "").split())):
            for run in _runs(sentence):
                pieces = [piece for piece in run.split(",") if piece.strip()]
                opening = [k for k, piece in enumerate(pieces) if k and _EXAMPLES_OPENING.match(piece)]
                pieces = pieces[opening[0] :] if opening else pieces  # (the examples' run: "..., such as a, b, c")
                if len(pieces) > 1:
                    most = max(most, len(pieces) + sum(_joints(piece) for piece in pieces))
    said = int(m.group("count")) if m.group("count").isdigit() else CARDINALS[m.group("count").lower()]
    if most and said > most:
        what = m.group("what")
        yield f"says criterion {m.group('n')} lists {said} {what}, more than any run of its words holds ({most})"


# ... and a count of the enzymes a criterion lists, each named "-ase" (or by an enzyme's abbreviation), where any run of
# its commas may hold more: IM19's "Exclusion criterion 10 lists four liver enzymes." passed (ALT, AST and ALP, and
# bilirubin, no enzyme, in a run of five pieces; hunts 226's and 228's leftover)
_ENZYMES = lazy(r"(?i)^enzymes?$")
_HEAD_ENDS = lazy(r"(?i)^(?:and|or|with|in|of|at|for|from|that|which|as|to|plus|but)$")
_ASE = lazy(r"(?i)(?<![\w-])(?:[a-z]+[ \t-]+)?(?P<ase>[a-z]{3,}ases?)(?![\w-])")
_NOT_ENZYMES = frozenset(
    {
        "disease",
        "increase",
        "decrease",
        "release",
        "purchase",
        "database",
        "phrase",
        "please",
        "crease",
        "lease",
        "cease",
    }
)
_NO_NAMES_PART = frozenset(
    {
        "",
        "or",
        "and",
        "nor",
        "the",
        "of",
        "a",
        "an",
        "its",
        "their",
        "with",
        "serum",
        "plasma",
        "blood",
        "elevated",
        "raised",
        "high",
        "abnormal",
        "total",
        "either",
    }
)
_ENZYME_ABBREVIATIONS = lazy(r"(?<![\w-])(?:ALT|AST|ALP|GGT|LDH|CK|CPK|SGOT|SGPT|γ-?GT)(?![\w-])")


def _head(what: str) -> str:
    """The head noun of a count's words: the last before a word joining others ("liver enzymes and bilirubin")."""
    words = what.split()
    ends = [k for k, word in enumerate(words) if _HEAD_ENDS.match(word)]
    kept = words[: ends[0]] if ends else words
    return kept[-1] if kept else ""


def _enzymes_miscounted(m: re.Match[str], criterion: dict) -> Iterator[str]:
    """A count a match of _ITEMS_COUNTED gives of the enzymes a criterion lists that is not how many it names (_ASE,
    each "-ase" with the word before it once; an abbreviation beside a name in brackets is that name's)."""
    named: set[str] = set()
    for item in [criterion, *_beneath(criterion)]:
        text = " ".join(str(item.get("text") or "").split())
        for found in _ASE.finditer(text):
            ase = found.group("ase").lower().removesuffix("s")
            before = found.group()[: found.start("ase") - found.start()].strip(" \t-").lower()
            if ase not in _NOT_ENZYMES:
                named.add(ase if before in _NO_NAMES_PART else f"{before} {ase}")
        named -= {ase for ase in named if any(name.endswith(f" {ase}") for name in named)}
        for found in _ENZYME_ABBREVIATIONS.finditer(text):
            near = text[max(0, found.start() - 2) : found.end() + 3]
            if "(" not in near and ")" not in near:
                named.add(found.group().upper())
    said = int(m.group("count")) if m.group("count").isdigit() else CARDINALS[m.group("count").lower()]
    if said != len(named):
        yield f"says criterion {m.group('n')} lists {said} {m.group('what')}, which names {len(named)} enzymes"


def _of_the_run(word: str, lead: str) -> bool:
    """Whether word names a criterion's lettered items: "items", or a word of five letters or more written in lead
    (the words of the criterion right before its "a.")."""
    return word in _ITEMS or (len(word) > 4 and re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", lead) is not None)


def _letters(text: str, start: int) -> int:
    """How many items text letters in turn from its "a." at start."""
    count, at = 0, start
    while (found := re.compile(rf"(?<![\w.]){chr(97 + count)}\.[ \t]").search(text, at)) is not None and count < 26:
        count, at = count + 1, found.end()
    return count


def _criterion(lists: dict[str, list[dict]], side: str | None, number: int) -> dict | None:
    """The criterion numbered number of the list side names (or of either, where one alone is so numbered)."""
    items = lists[side.lower()] if side else [c for items in lists.values() for c in items]
    found = [c for c in items if c.get("number") == number]
    return found[0] if len(found) == 1 else None


def _beneath(item: dict) -> list[dict]:
    """The items nested under item, at any depth."""
    found = []
    for sub in item.get("sub_criteria") or []:
        if isinstance(sub, dict):
            found += [sub, *_beneath(sub)]
    return found


def _start(items: list[dict]) -> int | None:
    numbers = [c["number"] for c in items if isinstance(c.get("number"), int)]
    return numbers[0] if numbers else None


def _end(items: list[dict]) -> int | None:
    numbers = [c["number"] for c in items if isinstance(c.get("number"), int)]
    return numbers[-1] if numbers else None


def _misstarted(m: re.Match[str], n: int, starts: dict[str, int], which: str) -> Iterator[str]:
    """What a match of _STARTS says of the lists' starts (or, which "end", their ends: the number of each one's last
    numbered item, IM19's "Both criteria lists start at 2 in the source and end at 15" passed beside its 9 and 13,
    hunt 219) that the record's lists do not bear out ("both" or "neither" denied is left unread: which it denies is
    unsure)."""
    denied = bool(m.group("denied"))
    starting = {name for name, start in starts.items() if start == n}
    if m.group("all"):
        true = len(starts) == len(LISTS) and len(starting) == len(starts)
    elif m.group("none"):
        true = not starting
    elif m.group("only"):
        true = starting == {m.group("one").lower()}
    else:
        name = m.group("named").lower()
        if name not in starts:
            return
        true = name in starting
    if denied and (m.group("all") or m.group("none")):
        return
    true = not true if denied else true
    if starts and not true:
        yield f"says of the criteria lists {' '.join(m.group().split())!r}, which {which} at " + ", ".join(
            f"{start} ({name})" for name, start in starts.items()
        )
