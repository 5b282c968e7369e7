"""E501: the order a curation note or an incomplete entry says a criterion writes two of its things in ("the unit
written after the window", "lists hematological abnormalities a. to e. after its kidney failure") that the criterion
writes the other way round. Hunt 216 made Relma-cel's note on its garbled exclusion criterion 1 ("prednisone ≥100
within 8 weeks prior to screening mg/d") say "the unit written before the window", and IM19's exclusion criterion 11
list its hematological items "before its kidney failure" (they follow it), and both passed: where a note placed
things in its source was read by nothing. A reader who goes to the criterion to see what the note explains looks in
the wrong place, or takes the garbling for another.

An order claim is "before" or "after" (or "ahead of", "following", "preceding") in a clause with a verb of writing or
listing ("written", "lists", "stands", "comes"): a window's own order word ("within the 8 weeks before screening")
has none, and is remark_windows'. Each side is found in the one criterion its sentence names: as a part of a limit
the record reads from the criterion, by its role ("the unit", "the window": the thresholds of that criterion whose
measure the sentence names, or all of them), or as its longest run of words the criterion writes. Where either side
is not found the claim is not judged; where a side is written more than once, the claim stands if any of its places
bears it out. Where the far side opens with an event the criterion writes a side of ("prior to screening", "after
enrollment"), the claim says when, not where the words stand ("lists surgery planned after enrollment"): it is held
to the sides the criterion writes of that event (hunt 217, honest).

And the dates a note places before or after a field its source writes (check_source_order): IM19's dates "in Basic
Information, before the enrolment" passed, its page writing "6 participants" above them (hunt 216's leftover). The
field is placed where the source writes the record's value of it, within the record's evidence quote for it; the
dates where the source writes them as the note does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import remark_problem, remarks_of, sentences_naming_criteria_quoting
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import date_mentions, note_names

_ORDER = lazy(r"(?i)(?<![\w-])(?P<order>before|after|ahead[ \t]+of|following|preceding)(?![\w-])")
_BEFORE = frozenset({"before", "ahead of", "preceding"})
# a verb saying where the criterion writes a thing: the claim is about its words' order, not the trial's time
WRITTEN = lazy(
    r"(?i)(?<![\w-])(?:written|writes?|listed|lists?|placed|printed|stands?|comes?|appears?|follows?|precedes?|"
    r"given|gives?|set[ \t]+out|spelled|spelt)(?![\w-])"
)
_DENIED = lazy(r"(?i)(?<![\w-])(?:not|never|nor|whether|if)(?![\w-])|n't\b")
_CLAUSE = lazy(r"[,;:()\[\]]")
_WORD = lazy(r"[^\W\d_][^\W\d_'-]*")
# the words of a note's side that name no thing of the criterion's own
_GLUE = frozenset(
    "the its a an this that their also only then written writes write listed lists list placed printed stand stands "
    "come comes appear appears follow follows precede precedes given gives give set out spelled spelt exclusion "
    "inclusion criterion criteria item items sub source page text and or of in on with as is are be".split()
)
_UNIT_WORDS = lazy(r"(?i)(?<![\w-])units?(?![\w-])")
_WINDOW_WORDS = lazy(r"(?i)(?<![\w-])(?:windows?|periods?)(?![\w-])")
_TIME_UNITS = frozenset({"days", "weeks", "months", "years", "hours"})

RULE = "a remark says a criterion writes its things in the order the criterion writes them"
_SOURCE_RULE = "a remark places what it writes in its source where the source writes it"


def check_remark_order(record: Record) -> Iterator[Problem]:
    """E501: each order claim of a remark's sentence naming one criterion that the criterion's words run against."""
    for remark, sentence, written, items in sentences_naming_criteria_quoting(record):
        if len(items) != 1 or not _ORDER.search(sentence):
            continue
        ref, item = items[0]
        text = normalise(" ".join(fields.criterion_texts(item))).casefold()
        limits = _limits_of(record, ref)
        for m in _ORDER.finditer(sentence):
            start = max([c.end() for c in _CLAUSE.finditer(sentence, 0, m.start())], default=0)
            end = min([c.start() for c in _CLAUSE.finditer(sentence, m.end())], default=len(sentence))
            said, other = sentence[start : m.start()], sentence[m.end() : end]
            if not WRITTEN.search(said) or _DENIED.search(said):
                continue
            # (a side's quotations read as written: 'writes "after enrollment" before "prior to screening"' of
            # IM19's exclusion criterion 4, which writes them the other way round, passed, hunt 224)
            said, other = written[start : m.start()], written[m.end() : end]
            order = " ".join(m.group("order").casefold().split())
            sides = _sides_of_event(other, text)
            if sides:
                # (an event the criterion writes a side of: the note's order word is a time, held to those sides)
                if ("before" if order in _BEFORE else "after") not in sides:
                    message = (
                        f"says {' '.join(said.split())!r} stands {order} {' '.join(other.split())!r}, where "
                        f"{ref['list'].lower()} criterion {ref['number']} writes only {' and '.join(sorted(sides))} "
                        f"it: {RULE}"
                    )
                    yield remark_problem(record, remark.kind, remark.i, "E501", message)
                continue
            placed, after = _places(said, text, limits, sentence, last=True), _places(other, text, limits, sentence)
            if not placed or not after or placed == after:
                continue
            wrong = min(placed) > max(after) if order in _BEFORE else max(placed) < min(after)
            if wrong:
                message = (
                    f"says {' '.join(said.split())!r} stands {order} {' '.join(other.split())!r} in "
                    f"{ref['list'].lower()} criterion {ref['number']}, which writes them the other way round: {RULE}"
                )
                yield remark_problem(record, remark.kind, remark.i, "E501", message)


# an event of the trial's time a criterion puts things before or after ("prior to screening", "after enrollment"): a
# note's "lists surgery planned after enrollment" (IM19's exclusion criterion 4) or "lists lupus crises before
# screening" (Relma-cel's exclusion criterion 2) says when, not where the words stand, and was refused (hunt 217,
# honest)
_SIDE_WORDS = r"(?:(?P<before>before|prior[ \t]+to|preceding|ahead[ \t]+of)|(?P<after>after|following|since))"
_EVENT = lazy(r"(?i)[ \t]*(?:(?:the|its|their)[ \t]+)?(?P<event>[^\W\d_]{5,})")


def _sides_of_event(other: str, text: str) -> set[str]:
    """The sides ("before", "after") the criterion's text (casefolded) writes of the event opening other, the far side
    of an order claim, with a side word right before it; none where other opens with no such event."""
    event = _EVENT.match(other)
    if event is None:
        return set()
    word = re.escape(event.group("event").casefold())
    found = re.finditer(rf"(?<![\w-]){_SIDE_WORDS}[ \t]+(?:(?:the|its)[ \t]+)?{word}(?![\w-])", text)
    return {"before" if m.group("before") else "after" for m in found}


def _limits_of(record: Record, ref: dict) -> list[dict]:
    """The thresholds the record reads from the criterion ref names."""
    eligibility = record.data.get("eligibility")
    thresholds = eligibility.get("thresholds") if isinstance(eligibility, dict) else None
    return [
        t
        for t in thresholds or []
        if isinstance(t, dict)
        and isinstance(t.get("criterion"), dict)
        and t["criterion"].get("list") == ref["list"]
        and t["criterion"].get("number") == ref["number"]
    ]


def _places(side: str, text: str, limits: list[dict], sentence: str, last: bool = False) -> list[int]:
    """Where the criterion's text (casefolded) writes what a side of an order claim names: a limit's unit or window
    by its role, or else the side's longest run of words the text writes (the last such run where last, the side
    before the order word ending nearest it)."""
    if _UNIT_WORDS.search(side) or _WINDOW_WORDS.search(side):
        named = [t for t in limits if _measure_named(t, sentence)] or limits
        windows = [t for t in named if str(t.get("unit", "")).casefold() in _TIME_UNITS]
        if _UNIT_WORDS.search(side):
            units = {normalise(str(t["unit"])).casefold() for t in named if t not in windows and t.get("unit")}
            return [m.start() for u in units for m in re.finditer(rf"(?<![\w/]){re.escape(u)}(?![\w/])", text)]
        return [
            m.start()
            for t in windows
            for m in re.finditer(rf"\b{_number(t.get('value'))}[ \t]*{str(t['unit']).casefold().rstrip('s')}", text)
        ]
    words = [w.casefold() for w in _WORD.findall(side)]
    runs = []
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            run = words[i:j]
            if run[0] in _GLUE or run[-1] in _GLUE or (j - i == 1 and len(run[0]) < 5):
                continue
            found = [m.start() for m in re.finditer(r"(?<!\w)" + r"[\W_]+".join(map(re.escape, run)) + r"(?!\w)", text)]
            if found:
                runs.append((j - i, i if last else -i, found))
                break
    return max(runs, key=lambda r: (r[0], r[1]))[2] if runs else []


def _measure_named(threshold: dict, sentence: str) -> bool:
    measure = threshold.get("measure")
    word = _WORD.search(str(measure or ""))
    return word is not None and re.search(rf"(?i)(?<!\w){re.escape(word.group())}(?!\w)", sentence) is not None


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.escape(str(value))


# a field of the record a note names as a place in its source, by its words, and its evidence key
_FIELDS_NAMED = {
    "enrollment.count": r"enrol+ments?(?:[ \t]+count)?",
    "overall_status": r"(?:overall[ \t]+|recruitment[ \t]+)?status",
    "study_type": r"study[ \t]+type",
}
_KEYS = list(_FIELDS_NAMED)
_BESIDE_A_FIELD = lazy(
    r"(?i)(?<![\w-])(?P<order>before|after|ahead[ \t]+of|following|preceding)[ \t]+(?:the|its)[ \t]+(?:"
    + "|".join(f"(?P<f{k}>{words})" for k, words in enumerate(_FIELDS_NAMED.values()))
    + r")(?![\w-])"
)
# the field's words as an event in time, a verb of its own after them ("before the enrolment closes", "before the
# status was last updated"): the dates are said to be earlier or later than it, not placed beside it on the page; the
# verb may follow what the field's words are of, in their clause ("before the enrolment of its 6 participants ends",
# hunt 217's leftover, refused as a place: only a verb right after the words was read)
_AN_EVENT = lazy(
    r"(?i)(?:[ \t]+(?:of|for|in|at)[ \t]+(?:(?:(?<=[\w-])|(?!(?:which|that|where|who|whose|and|or)(?![\w-])))"
    r"[^,;:.()\[\]]){1,50}?)?[ \t]+(?:(?:is|was|were|has|had|will|gets?|got)[ \t]+(?:been[ \t]+|be[ \t]+)?"
    r"(?:last[ \t]+|first[ \t]+)?(?:updated|changed|closed|opened|complete|completed|finished|over|full|reached|"
    r"ended|started)|opens?|opened|closes?|closed|ends?|ended|starts?|started|begins?|began|changes?|changed|"
    r"completes?|completed|finishes|finished)(?![\w-])"
)


def check_source_order(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: each remark's sentence placing the dates it writes before or after a field of the record (_FIELDS_NAMED)
    where its source writes them the other way round."""
    docs = [doc for doc in sources.docs if doc.unread is None]
    evidence = record.data.get("evidence")
    if not docs or not isinstance(evidence, dict):
        return
    for remark in remarks_of(record):
        for sentence in note_names.sentences_of(normalise(remark.text)):
            for m in _BESIDE_A_FIELD.finditer(sentence):
                if _DENIED.search(sentence, 0, m.start()) or _AN_EVENT.match(sentence, m.end()):
                    continue
                key = next(_KEYS[k] for k in range(len(_KEYS)) if m.group(f"f{k}"))
                said = [sentence[d.start : d.end] for d in date_mentions.dates(sentence[: m.start()]) if "-" in d.value]
                for doc in docs:
                    dates = [at for date in said if (at := doc.text.find(date)) >= 0]
                    field = _field_at(doc.text, evidence.get(key), fields.get(record.data, fields.parse_dotted(key)))
                    if not dates or field is None:
                        continue
                    order = " ".join(m.group("order").casefold().split())
                    if (min(dates) > field) if order in _BEFORE else (max(dates) < field):
                        message = (
                            f"places the dates it writes ({', '.join(said)}) {order} the {key} its source writes, "
                            f"which writes them the other way round: {_SOURCE_RULE}"
                        )
                        yield remark_problem(record, remark.kind, remark.i, "E501", message)
                        break


def _field_at(text: str, quote: object, held: tuple[bool, object]) -> int | None:
    """Where text writes a field's value: the record's value within the record's evidence quote for it."""
    found, value = held
    if not isinstance(quote, str) or not found or not isinstance(value, str | int):
        return None
    at = text.find(" ".join(normalise(quote).split()))
    if at < 0:
        return None
    m = re.compile(rf"(?<![\w.]){re.escape(str(value))}(?![\w.])").search(text, at, at + len(quote) + 1)
    return m.start() if m else None
