"""E501: whom a curation note or an incomplete entry says a recorded limit applies to, the sub-item it cites for it,
and how many of the passages it names are recorded as the limit's conditions, that the record does not hold.
Relma-cel's note says inclusion criterion 4's floor of 7.5 mg/day "applies to patients on oral corticosteroids and, by
its sub-item 2, not to those also taking immunosuppressants: both passages are recorded as its conditions". Hunt 214
dropped its "not", made its sub-item 3, and made "both passages are recorded" "neither passage is recorded", and each
passed: a limit's conditions were held to its source, what a note says of them to nothing. A reader takes the floor
to bind patients it spares, or looks for conditions that are not there.

The limit is the one the sentence names ("criterion 4's floor of 7.5 mg/day": its criterion and value). A group said
to be spared ("not to those taking X") is one a condition of the limit's spares (no requirement, does not apply, ...
when X), and a group said to be bound is none such; a sub-item cited ("by its sub-item 2") names the group's drug; a
count of passages recorded ("both", "neither", "one") is the number of the limit's conditions (or of the part it
names: "as its measure", one or none).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_names

# the limit a sentence names: "Inclusion criterion 4's floor of 7.5 mg/day", "Exclusion criterion 1's limit of 100"
_LIMIT = lazy(
    r"(?i)\b(?P<list>inclusion|exclusion)[ \t]+criterion[ \t]+(?P<n>\d+)['\u2019]s[ \t]+"
    r"(?:floor|ceiling|limit|threshold|cap|minimum|maximum)[ \t]+of[ \t]+(?P<value>\d+(?:\.\d+)?)"
)
# a group the limit is said to apply to, or not: "to patients on oral corticosteroids", "not to those also taking
# immunosuppressants"
_GROUP = lazy(
    r"(?i)(?P<not>\bnot[ \t]+)?\bto[ \t]+(?:those|patients|participants|people|subjects)[ \t]+(?:also[ \t]+)?"
    r"(?:taking|on|receiving|using|given|treated[ \t]+with)[ \t]+(?P<what>[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*)?)"
)
_SUB_ITEM = lazy(r"(?i)\bby[ \t]+(?:its|the)[ \t]+sub-?items?[ \t]+(?P<n>\d+)\b")
# a condition that spares those it names: "There is no minimum daily dose requirement for corticosteroids when used in
# combination with immunosuppressants"
_SPARES = lazy(
    r"(?i)\bno[ \t]+(?:\w+[ \t]+){0,4}?(?:requirement|limit|restriction)s?\b|"
    r"\bnot[ \t]+(?:required|apply|applicable)\b|\bdoes[ \t]+not[ \t]+apply\b|\bexempt\b"
)
# ... those it spares, named after it on a condition's word ("when used in combination with immunosuppressants"), not
# what it is a requirement of ("for corticosteroids")
_WHEN = lazy(r"(?i)\b(?:when|if|where|while|unless|with|in[ \t]+combination[ \t]+with|for[ \t]+(?:those|patients))\b")
# a count of passages said recorded as its conditions: "both passages are recorded as its conditions", "neither passage
# is recorded"
_PASSAGES = lazy(
    r"(?i)\b(?P<count>both|neither|no|one|two|three|each)[ \t]+(?:of[ \t]+the[ \t]+)?passages?[ \t]+(?:is|are)[ \t]+"
    r"(?:(?P<not>not)[ \t]+)?(?:also[ \t]+)?recorded\b"
    # ... as the limit's part it names: "both passages are recorded as its measures" passed (hunt 220's leftover), the
    # limit holding one measure; a part a limit holds once is one passage, or none
    r"(?:[ \t]+as[ \t]+(?:its|the[ \t]+limit['\u2019]s|the)[ \t]+(?P<part>conditions?|measures?|units?|values?)\b)?"
)
_JOINING = frozenset({"and", "or", "nor", "but", "not", "to", "by", "as", "in"})
_COUNTS = {"both": 2, "two": 2, "neither": 0, "no": 0, "one": 1, "three": 3}

RULE = "a remark says of a recorded limit's conditions only what the record holds"


def check_remark_conditions(record: Record) -> Iterator[Problem]:
    """E501: each group, sub-item or count of conditions a remark gives a limit it names that the record's limit does
    not bear out."""
    eligibility = record.data.get("eligibility") or {}
    if not eligibility.get("thresholds"):
        return iter(())
    return said_by_remarks(record, "E501", lambda text: _unborne(text, eligibility), RULE)


def _unborne(text: str, eligibility: dict) -> Iterator[str]:
    for sentence in note_names.sentences_of(QUOTED.sub(" | ", normalise(text))):
        named = _LIMIT.search(sentence)
        if named is None:
            continue
        listed, number = named.group("list").upper(), int(named.group("n"))
        ref: dict[str, object] = {"list": listed, "number": number}
        limits = [
            t
            for t in eligibility["thresholds"]
            if isinstance(t, dict)
            and t.get("criterion") == ref
            and isinstance(t.get("value"), int | float)
            and float(t["value"]) == float(named.group("value"))
        ]
        at = fields.criteria_named(eligibility, ref)
        if len(limits) != 1 or len(at) != 1:
            continue  # (no limit, or several: which the sentence speaks of is not read)
        conditions = [c for c in limits[0].get("conditions") or [] if isinstance(c, str)]
        criterion = eligibility[f"{listed.lower()}_criteria"][at[0]]
        yield from _groups_unborne(sentence, conditions, criterion)
        for m in _PASSAGES.finditer(sentence, named.end()):
            word = str(m.group("count")).lower()
            count = len(conditions) if word == "each" else _COUNTS[word]
            said = 0 if m.group("not") else count
            part = str(m.group("part") or "conditions").lower().removesuffix("s")
            held = len(conditions) if part == "condition" else int(limits[0].get(part) not in (None, ""))
            if said != held and not (m.group("not") and count == 0):
                yield f"says {said} passage(s) are recorded as the limit's {part}s, which holds {held}"


def _groups_unborne(sentence: str, conditions: list[str], criterion: dict) -> Iterator[str]:
    """What sentence says of whom the limit binds or spares, or of the sub-item it cites, that the record does not
    bear out."""
    for m in _GROUP.finditer(sentence):
        # (its last word but a conjunction run on to: "to patients on corticosteroids and, ...")
        words = [w for w in m.group("what").split() if w.casefold() not in _JOINING] or m.group("what").split()
        stem = words[-1].casefold()[:8]
        spared = any(stem in _spared(c) for c in conditions)
        if bool(m.group("not")) != spared:
            said = "spares" if m.group("not") else "binds"
            yield f"says the limit {said} those taking {m.group('what')!r}, which its conditions do not bear out"
        elif not m.group("not") and conditions and not any(stem in normalise(c).casefold() for c in conditions):
            # (bound, and spared by none: a group none of its conditions names, hunt 216's "applies to patients on
            # antimalarials" of Relma-cel's floor for those on oral corticosteroids)
            yield f"says the limit binds those taking {m.group('what')!r}, whom none of its conditions names"
        cited = _SUB_ITEM.search(sentence, 0, m.start())
        if cited is not None:
            texts = [t for sub in _numbered(criterion, int(cited.group("n"))) for t in fields.criterion_texts(sub)]
            if not any(stem in normalise(t).casefold() for t in texts):
                yield f"cites sub-item {cited.group('n')} for those taking {m.group('what')!r}, which it does not name"


def _spared(condition: str) -> str:
    """The words, folded, of those a condition spares: after a condition's word that follows its sparing words."""
    spares = _SPARES.search(condition)
    when = _WHEN.search(condition, spares.end()) if spares else None
    return condition[when.end() :].casefold() if when else ""


def _numbered(item: dict, number: int) -> Iterator[dict]:
    """The items nested at any depth under item that are numbered number."""
    for sub in item.get("sub_criteria") or []:
        if isinstance(sub, dict):
            if sub.get("number") == number:
                yield sub
            yield from _numbered(sub, number)
