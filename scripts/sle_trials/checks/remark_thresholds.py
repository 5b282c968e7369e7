"""E501: a limit a curation note or an incomplete entry says the record holds as a threshold ("The compound one (d.
CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³) is recorded as a threshold") where the record's
thresholds hold no limit of that value and comparator. IM19's note says that compound item "stays in the text only";
hunt 214 rewrote it to "is recorded as a threshold", and it passed: its numbers are written in the criterion it names,
and where a note says a limit is recorded was read by nothing. A reader looks for the limit in eligibility.thresholds
and takes the trial to be filtered by it.

Each limit the sentence states with a comparator is held to the thresholds: one of the same value and comparator, its
unit the note's where both are read, or a limit one of its conditions states (a compound item recorded as a limit and
its condition, as tests/test_clinical_binding.py records IM19's item d). The evidence stage runs it beside the
other remark checks (evidence.stages).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials.checks.load import Record
from sle_trials.checks.remarks import said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_names, stated_limits
from sle_trials.reading.lexicon.quantities import same_number, unit_named

# a limit said to be recorded as a threshold: "is recorded as a threshold", "are kept as thresholds", "is also
# recorded among the thresholds"; not denied right before ("is not recorded as a threshold")
_RECORDED = lazy(
    r"(?i)(?<!\bnot[ \t])(?<!\bnever[ \t])\b(?:is|are|was|were)[ \t]+(?:also[ \t]+|each[ \t]+)?"
    r"(?:recorded|kept|entered|held|given)[ \t]+(?:as|among|in)[ \t]+(?:an?[ \t]+|the[ \t]+|its[ \t]+)?"
    r"(?:eligibility[ \t]+)?(?:thresholds?|limits?)\b"
)

# the limits a sentence keeps out of what it says is recorded (hunt 215: IM19's honest "The compound item d. (...
# <500/mm³ with a neutrophil count <1000/mm³) stays in the text only, while the other four items are recorded as
# thresholds.",
# "all but d. (...) are recorded as thresholds" and "<200/mm³ is recorded as a threshold, not the compound ..." were
# refused): a clause that says nothing is recorded and denies or keeps in the text, and the words after "all but",
# "except", "other than", "not" (to a bracket's end, or to the clause's)
_CLAUSES = lazy(r";|,?[ \t]+(?:while|whereas|(?<!\ball[ \t])but)[ \t]|,[ \t]+and[ \t]")
_KEPT_IN_TEXT = lazy(r"(?i)\b(?:not|never|no|only|text|stays?|left|unrecorded)\b")
_EXCEPT = lazy(r"(?i)\b(?:all[ \t]+but|except(?:[ \t]+for)?|other[ \t]+than|apart[ \t]+from|besides|not)\b")
_GOES_ON = lazy(r"[ \t]*[(a-z]")
_TO_ITS_END = lazy(r"[^,;(]*(?:\([^()]*\))?")

RULE = "a remark says a limit is recorded as a threshold only where the record's thresholds hold it"


# the side a note says an inclusion criterion's limit bounds: "Inclusion criterion 3's weight is a ceiling" (its "≥ 40
# kg" a floor) and "Inclusion criterion 6's score is a ceiling" passed of IM19's, a limit's side in words read by
# nothing (hunt 223); the thresholds of the criterion whose measure the words before name, or all of its
_SIDE_SAID = lazy(
    r"(?i)\binclusion[ \t]+criterion[ \t]+(?P<n>\d+)['\u2019]s[ \t]+(?P<what>[^.;:,()]{1,60}?)[ \t]+(?:is|are|was|were)"
    r"[ \t]+(?P<denied>not[ \t]+)?(?:an?[ \t]+|its[ \t]+|the[ \t]+)?(?:(?P<low>floors?|minimums?|minima|"
    r"lower[ \t]+(?:bounds?|limits?))|"
    r"(?P<high>ceilings?|caps?|maximums?|maxima|upper[ \t]+(?:bounds?|limits?)))(?![\w-])"
)
_LOW, _HIGH = frozenset({">=", ">"}), frozenset({"<=", "<"})
_WORD = lazy(r"[A-Za-z][\w-]{2,}")


def check_remark_thresholds(record: Record) -> Iterator[Problem]:
    """E501: each limit a remark says is recorded as a threshold that the record's thresholds do not hold, and each
    side it says a limit bounds that its threshold does not. (A count of the thresholds a remark gives, the record's
    or a criterion's, is remark_lists'.)"""
    held = [t for t in (record.data.get("eligibility") or {}).get("thresholds") or [] if isinstance(t, dict)]
    yield from said_by_remarks(record, "E501", lambda text: _unheld(text, held), RULE)
    yield from said_by_remarks(record, "E501", lambda text: _sides_unheld(text, held), _RULE_OF_SIDES)
    yield from said_by_remarks(record, "E501", lambda text: _only_ones_unheld(text, held), _RULE_OF_ONLY)
    yield from said_by_remarks(record, "E501", lambda text: _misplaced(text, held), _RULE_OF_PLACES)
    yield from said_by_remarks(record, "E501", lambda text: _said_unconditioned(text, held), _RULE_OF_CONDITIONS)


# a limit a note says applies to everyone, where the record conditions it: Relma-cel's note rewritten to "Inclusion
# criterion 4's floor of 7.5 mg/day prednisone applies to all patients, not only those on oral corticosteroids" passed
# (its threshold conditioned on oral corticosteroids, hunt 224's leftover). The thresholds of the criterion the
# sentence names before it (those of a number it gives, where it gives one) must hold one with no conditions
_UNCONDITIONED = lazy(
    r"(?i)\b(?:appl(?:y|ies)|holds?)[ \t]+(?:to|for)[ \t]+(?:all|every|each|any)(?:[ \t]+(?:the|of[ \t]+the))?[ \t]+"
    r"(?:patients?|participants?|subjects?|people|one)\b|\b(?:is|are)[ \t]+unconditional\b|\b(?:has|have)[ \t]+no[ \t]+"
    r"conditions?\b"
)
_CRITERION_NAMED = lazy(r"(?i)\b(?P<list>inclusion|exclusion)[ \t]+criterion[ \t]+(?P<n>\d+)\b")
_A_NUMBER = lazy(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.]\d)")
_RULE_OF_CONDITIONS = "a remark says a limit applies to everyone only where the record holds it with no condition"


def _said_unconditioned(text: str, held: list) -> Iterator[str]:
    """Each limit a remark's sentence says applies to everyone (_UNCONDITIONED) whose thresholds, of the criterion it
    names before, all hold conditions."""
    for sentence in _sentences(normalise(text)):
        for m in _UNCONDITIONED.finditer(sentence):
            named = list(_CRITERION_NAMED.finditer(sentence, 0, m.start()))
            if not named:
                continue
            ref = (named[-1].group("list").upper(), int(named[-1].group("n")))
            theirs = [
                t
                for t in held
                if isinstance(t.get("criterion"), dict)
                and (t["criterion"].get("list"), t["criterion"].get("number")) == ref
            ]
            numbers = {float(n) for n in _A_NUMBER.findall(sentence, named[-1].end(), m.start())}
            theirs = [t for t in theirs if isinstance(t.get("value"), int | float) and t["value"] in numbers] or (
                [] if numbers else theirs
            )
            applies = m.group().lower().startswith(("appl", "hold"))  # (said of whom: an exception is no condition)
            if theirs and all(_on_whom(t.get("conditions")) if applies else t.get("conditions") for t in theirs):
                shown = " ".join(m.group().split())
                yield f"says {named[-1].group()}'s limit {shown!r}, where the record holds it with conditions"


# ... a condition on whom the limit applies to, not an exception of a cause naming no one: IM19's true "Exclusion
# criterion 10's limits apply to every patient." was refused (hunt 228's leftover), its limits held "excluding
# laboratory test abnormalities due to SLE hepatitis", which leaves every patient held to them
_AN_EXCEPTION = lazy(
    r"(?i)^[ \t]*(?:excluding|except(?:ing)?(?:[ \t]+for)?|other[ \t]+than|apart[ \t]+from"
    r"|not[ \t]+(?:due|owing)[ \t]+to)\b"
)
_A_PERSON = lazy(
    r"(?i)\b(?:patients?|participants?|subjects?|those|people|persons?|who|whom|women|men|females?|males?|children|"
    r"anyone|someone)\b"
)


def _on_whom(conditions: object) -> bool:
    """Whether a threshold's conditions hold one on whom it applies to (_AN_EXCEPTION)."""
    said = [c for c in conditions if isinstance(c, str)] if isinstance(conditions, list) else []
    return any(not _AN_EXCEPTION.match(c) or _A_PERSON.search(c) for c in said)


# the criterion a note says a limit named by its measure is in: "The weight floor is in inclusion criterion 4." passed
# of IM19's (its weight floor inclusion criterion 3's, hunt 225's leftover), where a limit stands read by nothing. The
# thresholds whose measure (or kind) a word before the limit's noun names, where some are, must include one of that
# criterion ("The steroid cap is in inclusion criterion 5": no threshold's measure says "steroid", not read)
_PLACED = lazy(
    r"(?i)\b(?:the|its|their)[ \t]+(?P<what>(?:[\w-]+[ \t]+){1,3}?)(?:floor|ceiling|cap|limit|threshold|bound|minimum|"
    r"maximum|cut-?off|window|washout)s?[ \t]+(?:is|are|was|were|sits?|stands?|appears?|lies|comes?)[ \t]+"
    r"(?P<denied>not[ \t]+)?(?:(?:set|given|written|found|stated|placed|recorded|only)[ \t]+)?"
    r"(?:in|under|from|by)[ \t]+"
    r"(?P<list>inclusion|exclusion)[ \t]+criterion[ \t]+(?P<n>\d+)\b"
)
_RULE_OF_PLACES = "a remark places a limit in the criterion the record reads it from"


def _misplaced(text: str, held: list) -> Iterator[str]:
    """Each criterion a remark says a limit named by its measure is in (_PLACED) that none of the thresholds of that
    measure is read from (or, "not" said, that one is)."""
    for m in _PLACED.finditer(normalise(text)):
        words = {w.casefold().removesuffix("s") for w in _WORD.findall(m.group("what"))} - {"the", "it", "and", "for"}
        named = [
            t
            for t in held
            if isinstance(t.get("criterion"), dict)
            and words
            & {
                w.casefold().removesuffix("s")
                for w in _WORD.findall(str(t.get("measure") or "") + " " + str(t.get("kind") or "").replace("_", " "))
            }
        ]
        if not named:
            continue
        ref = (m.group("list").upper(), int(m.group("n")))
        placed = any((t["criterion"].get("list"), t["criterion"].get("number")) == ref for t in named)
        if placed == bool(m.group("denied")):
            where = ", ".join(
                sorted(
                    {
                        f"{t['criterion'].get('list', '').lower()} criterion {t['criterion'].get('number')}"
                        for t in named
                    }
                )
            )
            yield f"says {' '.join(m.group().split())!r}, where the record reads that limit from {where}"


# the one limit of a kind a note says the record holds: "The only washout is 4 weeks." passed of IM19's (hunt 223's
# leftover), its washouts 4 weeks and 6 months: what a note says is the only one of its kind was read by nothing. Every
# threshold of the kind its noun names must hold the note's length ("the sole washout lasts", "the one washout, of")
_KIND_NAMED = {"washout": "WASHOUT", "washouts": "WASHOUT", "window": "TIME_SINCE_EVENT", "windows": "TIME_SINCE_EVENT"}
_ONLY_ONE = lazy(
    r"(?i)\b(?:the|its|their)[ \t]+(?:only|sole|single|one)[ \t]+(?P<kind>washout|window)[ \t]*(?:,[ \t]*)?"
    r"(?:(?:is|was|lasts|runs|of|at)[ \t]+)+(?:(?:a|an|at[ \t]+least|within)[ \t]+)?(?P<n>\d+(?:\.\d+)?)[ \t]*-?[ \t]*"
    r"(?P<unit>days?|weeks?|months?|years?)\b"
    r"|(?P<n2>\d+(?:\.\d+)?)[ \t]*-?[ \t]*(?P<unit2>days?|weeks?|months?|years?)[ \t]+(?:is|was)[ \t]+the[ \t]+"
    r"(?:only|sole|single|one)[ \t]+(?P<kind2>washout|window)\b"
)
_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
_RULE_OF_ONLY = "a remark says a limit is the only one of its kind only where the record's thresholds hold no other"


def _only_ones_unheld(text: str, held: list) -> Iterator[str]:
    """Each length a remark says the only limit of a kind has (_ONLY_ONE) that a threshold of the kind does not."""
    for m in _ONLY_ONE.finditer(normalise(text)):
        kind = _KIND_NAMED[(m.group("kind") or m.group("kind2")).lower()]
        number, unit = (m.group("n"), m.group("unit")) if m.group("n") else (m.group("n2"), m.group("unit2"))
        said = float(number) * _DAYS[unit.lower().removesuffix("s")]
        lengths = [
            float(t["value"]) * per
            for t in held
            if t.get("kind") == kind
            and isinstance(t.get("value"), int | float)
            and (per := _DAYS.get(str(t.get("unit", "")).lower().removesuffix("s")))
        ]
        if any(not same_number(length, said) for length in lengths):
            shown = " ".join(m.group().split())
            yield f"says {shown!r}, where the record holds {len(lengths)} of that kind, of other lengths too"


_RULE_OF_SIDES = "a remark says a limit bounds the side its threshold's comparator does"


def _sides_unheld(text: str, held: list) -> Iterator[str]:
    """Each side (floor or ceiling) a remark says an inclusion criterion's limit bounds that none of the thresholds it
    names of that criterion do (_SIDE_SAID)."""
    for m in _SIDE_SAID.finditer(normalise(text)):
        of = [
            t
            for t in held
            if isinstance(t.get("criterion"), dict)
            and t["criterion"].get("list") == "INCLUSION"
            and t["criterion"].get("number") == int(m.group("n"))
        ]
        words = {w.casefold() for w in _WORD.findall(m.group("what"))}
        named = [t for t in of if words & {w.casefold() for w in _WORD.findall(str(t.get("measure") or ""))}] or of
        if not named:
            continue
        side = _LOW if m.group("low") else _HIGH
        bounding = any(t.get("comparator") in side for t in named)
        if bounding == bool(m.group("denied")):
            said = ("not " if m.group("denied") else "") + ("a floor" if m.group("low") else "a ceiling")
            what = m.group("what").strip()
            yield f"says inclusion criterion {m.group('n')}'s {what!r} is {said}, which its threshold is not"


def _unheld(text: str, held: list) -> Iterator[str]:
    """What text says is recorded as a threshold that no threshold of held is."""
    for sentence in _sentences(normalise(text)):
        if not _RECORDED.search(sentence):
            continue
        out = _kept_out(sentence)
        for said in stated_limits.statements(sentence):
            if any(start <= said.start < end for start, end in out):
                continue
            if said.comparator is not None and not any(_holds(t, said) or _conditioned(t, said) for t in held):
                yield f"says {said.says()} is recorded as a threshold, which no threshold of the record is"


def _sentences(text: str) -> list[str]:
    """The sentences of text, a piece opening with a bracket or a small letter joined to the one before: a lettered
    item's stop ends none ("all but d. (CD4+ ...) are recorded", "thresholds, d. (<500/mm³ ...) among them": the
    second passed, its limits read apart from the words saying they are recorded, hunt 215)."""
    joined: list[str] = []
    for piece in note_names.sentences_of(text):
        if joined and _GOES_ON.match(piece):
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
    return joined


def _kept_out(sentence: str) -> list[tuple[int, int]]:
    """The spans of the sentence whose limits it does not say are recorded."""
    bounds = [0, *(p for m in _CLAUSES.finditer(sentence) for p in (m.start(), m.end())), len(sentence)]
    spans = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    out = [
        (start, end)
        for start, end in spans
        if not _RECORDED.search(sentence, start, end) and _KEPT_IN_TEXT.search(sentence, start, end)
    ]
    for start, end in spans:
        for m in _EXCEPT.finditer(sentence, start, end):
            rest = _TO_ITS_END.match(sentence, m.end(), end)
            out.append((m.end(), rest.end() if rest else end))
    return out


def _conditioned(threshold: dict, said: stated_limits.Statement) -> bool:
    """Whether one of the threshold's conditions states the limit said (a compound item recorded as one limit and
    its condition: "<500/mm³" "with a neutrophil count <1000/mm³")."""
    return any(
        same_number(limit.value, said.value) and limit.comparator == said.comparator
        for condition in threshold.get("conditions") or []
        if isinstance(condition, str)
        for limit in stated_limits.statements(condition)
    )


def _holds(threshold: dict, said: stated_limits.Statement) -> bool:
    """Whether the threshold is the limit said: its value, and its comparator where their units are one or unread."""
    value = threshold.get("value")
    if not isinstance(value, int | float) or not same_number(float(value), said.value):
        return False
    unit = unit_named(str(threshold.get("unit") or ""))
    if unit is not None and said.unit is not None and unit.key != said.unit.key:
        return False
    return threshold.get("comparator") == said.comparator
