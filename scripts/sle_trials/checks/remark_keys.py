"""E501: a value a curation note gives a key of a registry study it cites (a ClinicalTrials.gov JSON) that the study
does not give at that key. The importer's notes say what the record has no place for as the study's keys and their
values ("oversightModule gives ...: oversightHasDmc true; isFdaRegulatedDrug true", "maskingInfo.whoMasked
'PARTICIPANT, OUTCOMES_ASSESSOR'", "locations.zip (1 given)"), and a curator may write so too. Mutation hunt 210
rewrote them on the imported study completed_phase2_randomised to "oversightHasDmc false", "whoMasked 'PARTICIPANT,
INVESTIGATOR'", "(2 given)" and "resultsFirstPostDateStruct 2025-02-20 (ESTIMATED)" (ACTUAL), and each passed: a
note's dates, quantities, names and quoted runs were read, not a key's true or false, its codes, its count nor a
date's type. A key is read where the note writes it as the study does, in camel case or dotted ("whoMasked",
"maskingInfo.whoMasked", "locations.zip"), not a word of prose ("type", "role").
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, NamedTuple

from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import remark_problem, remarks_of
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import SourceDoc

# the layout of a registry study's JSON (layouts.py)
_JSON_LAYOUT = "ctgov_json"
# a key as a study's JSON names it, in camel case ("oversightHasDmc") or after a dot ("locations.zip"): its path's
# last names, one to three, joined by dots
_KEY = r"(?P<key>(?:[a-z][A-Za-z0-9]*\.){0,2}[a-z][A-Za-z0-9]*)"
# what a note gives the key right after it: true or false, a code of the API's or a list of them (quoted or not), or
# a count of the values given ("(1 given)")
_CODE = r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*"
_GIVEN = lazy(
    rf"(?<![\w.'\"]){_KEY}[ \t]+(?:(?P<flag>true|false)(?![\w-])"
    rf"|(?P<q>['\"\u2018\u201c]?)(?P<codes>{_CODE}(?:,[ \t]*{_CODE})*)(?P=q)(?![\w-])"
    r"|\((?P<count>\d+)[ \t]+given\b"
    rf"|\d{{4}}-\d{{2}}(?:-\d{{2}})?[ \t]+\((?P<typed>{_CODE})\))"
)

# a count a note gives before the words it counts, the key they are at named in brackets right after them: the
# importer's "1 collaborator (collaborators, besides the lead sponsor)", rewritten to "2 collaborators
# (collaborators" passed, a key written as a word of prose being read by nothing (hunts 210, 211)
_COUNTED_KEY = lazy(
    r"(?<![\w.,])(?P<count>\d+)[ \t]+[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,2}[ \t]+\("
    r"(?P<key>(?:[a-z][A-Za-z0-9]*\.){0,2}[a-z][A-Za-z0-9]*)(?=[,;)]|[ \t])"
)


class KeyValues(NamedTuple):
    """What a study's JSON gives at each key (by its path's last one to three names): the values, as a note writes
    them (true and false in lower case, a code as it is), and how many values it gives there."""

    values: dict[str, frozenset[str]]
    counts: dict[str, frozenset[int]]


def check_remark_keys(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: each value (true or false, a code or codes) or count a remark gives right after a key of a registry
    study it cites that the study does not give at that key (the module's docstring)."""
    studies = [doc for doc in sources.docs if doc.unread is None and doc.layout == _JSON_LAYOUT]
    if not studies:
        return
    read: list[KeyValues] | None = None  # (read where a remark gives a key a value)
    for kind, i, text, _ in remarks_of(record):
        for m in _COUNTED_KEY.finditer(text):
            read = [_key_values(doc) for doc in studies] if read is None else read
            key, count = m.group("key"), int(m.group("count"))
            held = [r for r in read if key in r.counts]
            if held and not any(count in r.counts[key] for r in held):
                message = (
                    f"counts {count} at {key}, which no cited study gives so many values at: "
                    "a remark counts a key's values as its source gives them"
                )
                yield remark_problem(record, kind, i, "E501", message)
        for m in _GIVEN.finditer(text):
            key = m.group("key")
            if "." not in key and key.islower():
                continue  # (a word of prose, not a key as a study writes it)
            if m.group("typed") is not None:  # (a date with its type: the type is its struct's "type" key's)
                key = f"{key.split('.')[-1]}.type"
            read = [_key_values(doc) for doc in studies] if read is None else read
            held = [r for r in read if key in r.values]
            if not held:
                continue  # (no key of a cited study: what the check reads of it is not this)
            said, unsaid = _unsaid(m, key, held)
            if unsaid:
                message = (
                    f"gives {key} {said}, which no cited study gives at that key: a remark "
                    "gives a key the values its source gives it"
                )
                yield remark_problem(record, kind, i, "E501", message)


def _unsaid(m: Any, key: str, held: list[KeyValues]) -> tuple[str, bool]:
    """(what the match gives the key, as a message shows it; whether no cited study gives it there)."""
    if m.group("typed") is not None:
        return f"({m.group('typed')})", not any(m.group("typed") in r.values[key] for r in held)
    if m.group("count") is not None:
        count = int(m.group("count"))
        return f"({count} given)", not any(count in r.counts.get(key, frozenset()) for r in held)
    if m.group("flag") is not None:
        return m.group("flag"), not any(m.group("flag") in r.values[key] for r in held)
    codes = [c.strip() for c in m.group("codes").split(",")]
    return ", ".join(codes), not any(all(c in r.values[key] for c in codes) for r in held)


def _key_values(doc: SourceDoc) -> KeyValues:
    """What the study's JSON gives at each key, read for the record that cites it. Not kept for the run
    (SourceDoc.reading): a study is cited by one record, and its reading holds every key and value it gives, about
    130 KB; kept, a cold check of the 10,000 benchmark records peaked at 752 MiB against 411 MiB before it."""
    return _read(doc.raw)


def _read(raw: bytes | None) -> KeyValues:
    values: dict[str, set[str]] = {}
    totals: dict[tuple[str, ...], int] = {}  # (each whole path: how many values the study gives at it, all told)
    try:
        study = json.loads(raw or b"")
    except ValueError:
        return KeyValues({}, {})

    def visit(node: Any, path: tuple[str, ...]) -> int:
        """Walk node at path; the number of values it gives (a list's items each, an object one)."""
        if isinstance(node, dict):
            for name, item in node.items():
                totals[(*path, name)] = totals.get((*path, name), 0) + visit(item, (*path, name))
            return 1
        if isinstance(node, list):
            return sum(visit(item, path) for item in node)
        if node is None:
            return 0
        shown = ("true" if node else "false") if isinstance(node, bool) else str(node)
        for key in _keys(path):
            values.setdefault(key, set()).add(shown)
        return 1

    visit(study, ())
    counts: dict[str, set[int]] = {}
    for path, total in totals.items():
        for key in _keys(path):
            counts.setdefault(key, set()).add(total)
    return KeyValues({k: frozenset(v) for k, v in values.items()}, {k: frozenset(c) for k, c in counts.items()})


def _keys(path: tuple[str, ...]) -> list[str]:
    """The keys a note may name a path by: its last one, two or three names, joined by dots."""
    return [".".join(path[-n:]) for n in (1, 2, 3) if len(path) >= n]
