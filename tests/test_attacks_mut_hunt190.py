"""A hostile mutation hunt on the curated records (helper-21's, after hunts 170 and 171).

Kinds of mistake tests/mutations.py does not make, made over every record in trials/ and checked as
`trials validate` checks one record (mutations.Checks): one field of a list's item swapped with or copied
from a sibling's (thresholds, cohorts, officials, criteria, related trials), an evidence quote given a
sibling's key, any list item duplicated, an item of a vocabulary list dropped, a number reshaped (a
thousand times, a thousandth, half a unit off, negated, zero), a number a hair off (40.00000001),
an age or a limit converted to another unit, the criteria lists swapped (their pointers flipped too),
a case changed, a qualifying word ("not", "without", "except", "at least", ...) dropped from a value
or a quote, look-alike characters, a parenthesis dropped, a text cut at a sentence, a measure taken
from any other run of its quote's words, quotes pooled under their list's key, facts of the page's own
trial given to a stub, another trial's title quoted for a product, two fields of one item swapped,
YAML spellings of the same value (+6, False, flow mappings, escapes, comments).

What passed and made a record say what its source does not:

- a number a hair off its source's: quantities.same_number took two numbers for one to a relative 1e-9,
  so IM19's weight limit of 40.00000001 kg, a second cohort of 100000000.05 cells, a platelet limit of
  25000.00001/mm³ passed, and a dose of 6000000001 cells would pass for 6×10^9. Two numbers are now one
  only a few units in the last place apart (quantities.ULPS_APART): what reading "2.3 million" rounds.

Judged true to the source (no defect): a unit in another spelling or case of itself (mg/d, mg/dl, xULN,
mm3, "cAR-T cells"), a measure given as other words of its phrase ("steroids", "SELENA-SLEDAI score",
"estimated glomerular filtration rate" without "(eGFR)"), a quote given as a sibling's that holds its
own words, a threshold's two conditions in the other order, the sponsor's name in its "About" heading's
case, a YAML spelling of the same value. A related trial listed twice passes the one-record check and is
refs' E303 in `trials validate`'s run over the registry; a curation note or incomplete entry written
twice says nothing new. A quote cut at a word at either end while it still states the value (419 of
1,956 such cuts); the product named "CD19-CART", the title's other name for Relma-cel; in a draft, a
list item left out (an arm's interventions, an intervention's other names: E519 in a complete record).
Left: two numbers within ULPS_APART of each other (1000000.0000000001 for 10^6) are still one.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

import mutations
import pytest
from conftest import DATA_ROOT, IM19_PATH, RELMA_PATH, record_data
from sle_trials.reading.lexicon import quantities

CHECKS = mutations.Checks(DATA_ROOT)


def _set(shown: str, path: tuple, value: object) -> dict:
    data = record_data(DATA_ROOT / shown, shown)
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("shown", "path", "value"),
    [
        (IM19_PATH, ("eligibility", "thresholds", 0, "value"), 40.00000001),  # Weight ≥ 40 kg
        (IM19_PATH, ("eligibility", "thresholds", 17, "value"), 7.000000001),  # Hemoglobin <7.0 g/dL
        (IM19_PATH, ("eligibility", "thresholds", 20, "value"), 25000.00001),  # Platelets <25,000/mm³
        (IM19_PATH, ("arms", 0, "cohorts", 1, "dose", "value"), 100000000.05),  # 1×10^8 CAR-T cells
        (RELMA_PATH, ("eligibility", "thresholds", 2, "value"), 7.5000000001),  # Prednisone ≥7.5 mg/ day
    ],
)
def test_a_number_a_hair_off_its_sources_is_refused(shown: str, path: tuple, value: float) -> None:
    assert CHECKS.codes(shown, _set(shown, path, value)) & mutations.VALUE_CODES


@pytest.mark.parametrize(
    ("shown", "path", "value"),
    [
        (IM19_PATH, ("eligibility", "thresholds", 0, "value"), 40.0),  # a whole number written as a float
        (IM19_PATH, ("arms", 0, "cohorts", 1, "dose", "value"), 1.0e8),
        (IM19_PATH, ("eligibility", "thresholds", 17, "value"), 7),
    ],
)
def test_the_same_number_written_otherwise_passes(shown: str, path: tuple, value: float) -> None:
    assert CHECKS.codes(shown, _set(shown, path, value)) == set()


@pytest.mark.parametrize(
    ("quote", "value"),
    [("2.3 million", 2300000), ("1.2×10^7", 12000000), ("0.3×10^6", 300000), ("4.1×10^-3", 0.0041), ("⅓", 1 / 3)],
)
def test_a_number_read_with_rounding_is_still_the_sources(quote: str, value: float) -> None:
    """What reading a source's number rounds (a mantissa times a power of ten or a scale) is no other number."""
    (read,) = quantities.numbers(quote)
    assert quantities.same_number(read.value, value)


@pytest.mark.parametrize(("a", "b"), [(6e9, 6000000001), (40, 40.00000001), (1e8, 100000000.05), (0.5, 0.5000000001)])
def test_numbers_a_hair_apart_are_two(a: float, b: float) -> None:
    assert not quantities.same_number(a, b)


# --- the hunt's kinds, one representative mutant a kind and record ---------------------------------------

RECORDS = sorted(f"trials/{p.name}" for p in (DATA_ROOT / "trials").glob("NCT*.yaml"))
STUBS = [shown for shown in RECORDS if shown not in (IM19_PATH, RELMA_PATH)]
FLIP = {"INCLUSION": "EXCLUSION", "EXCLUSION": "INCLUSION"}


def _copy(data: dict) -> dict:
    return json.loads(json.dumps(data))


def _at(data: dict, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _put(data: dict, path: tuple, value: Any) -> dict:
    out = _copy(data)
    _at(out, path[:-1])[path[-1]] = value
    return out


def _leaves(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every scalar of a record's own fields (not its evidence nor its curation), with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            if path or key not in ("evidence", "curation", "nct_id"):
                yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _leaves(value, (*path, i))
    else:
        yield path, data


def _rows(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, list]]:
    """Every list of two or more mappings among a record's own fields (thresholds, criteria, officials, ...)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if path or key not in ("evidence", "curation"):
                yield from _rows(value, (*path, key))
    elif isinstance(data, list):
        if len(data) >= 2 and all(isinstance(item, dict) for item in data):
            yield path, data
        for i, value in enumerate(data):
            yield from _rows(value, (*path, i))


def _swapped_in_rows(data: dict, copy_only: bool) -> dict | None:
    """The first field two items of a list hold otherwise (not a unit, which may be one written otherwise),
    swapped between them or the first item given the second's."""
    for at, items in _rows(data):
        if at == ("related_trials",):  # a related trial's id and title are one row: rows.py's E512, refs' E303
            continue
        first, second = items[0], items[1]
        for key in first:
            if key != "unit" and key in second and first[key] != second[key]:
                out = _put(data, (*at, 0, key), second[key])
                return out if copy_only else _put(out, (*at, 1, key), first[key])
    return None


def _sibling_quote(data: dict) -> dict | None:
    """An evidence key given the quote of its sibling (the same key but for one item's index), where
    neither quote holds the other's words."""
    evidence = data["evidence"]
    for one, two in itertools.permutations(evidence, 2):
        a, b = one.split("."), two.split(".")
        apart = [(x, y) for x, y in zip(a, b) if x != y]
        if len(a) == len(b) and len(apart) == 1 and apart[0][0].isdigit():
            x, y = (" ".join(q) if isinstance(q, list) else q for q in (evidence[one], evidence[two]))
            if x not in y and y not in x:
                return _put(data, ("evidence", one), evidence[two])
    return None


def _last_number(data: dict) -> tuple[tuple, float] | None:
    """The record's last value (a limit's or a dose's, where it holds one: a count is a whole number)."""
    numbers = [(p, v) for p, v in _leaves(data) if p[-1] == "value" and not isinstance(v, bool)]
    return numbers[-1] if numbers else None


def _kinds(shown: str) -> Iterator[tuple[str, dict]]:
    data = record_data(DATA_ROOT / shown, shown)
    eligibility = data.get("eligibility", {})
    for copy_only, kind in ((False, "sibling fields swapped"), (True, "sibling field copied")):
        if (mutant := _swapped_in_rows(data, copy_only)) is not None:
            yield kind, mutant
    if (mutant := _sibling_quote(data)) is not None:
        yield "quote of a sibling", mutant
    lists = [(p, v) for p, v in _leaves_lists(data)]
    for at, items in lists:
        if at != ("related_trials",):  # (a related trial twice is refs' E303, a check of the registry)
            yield "item duplicated", _put(data, at, [*items[:1], *items])
            break
    for at, items in lists:
        if len(items) >= 2 and all(isinstance(item, str) for item in items):
            yield "vocabulary or list item dropped", _put(data, at, items[1:])
            break
    if (number := _last_number(data)) is not None:
        at, value = number
        yield "number a thousand times", _put(data, at, value * 1000)
        yield "number a hair off", _put(data, at, value * (1 + 1e-10))
    if "inclusion_criteria" in eligibility and "exclusion_criteria" in eligibility:
        mutant = _copy(data)
        kept = mutant["eligibility"]
        kept["inclusion_criteria"], kept["exclusion_criteria"] = kept["exclusion_criteria"], kept["inclusion_criteria"]
        for t in kept.get("thresholds", []):
            t["criterion"]["list"] = FLIP[t["criterion"]["list"]]
        yield "criteria lists swapped with their pointers", mutant
    for name in ("lupus_nephritis", "classification_criteria", "autoantibodies", "prior_therapy"):
        if name in eligibility:
            ref = ("eligibility", name, "criterion", "list")
            yield "criterion's list flipped", _put(data, ref, FLIP[_at(data, ref)])
            break
    yield "title in capitals", _put(data, ("brief_title",), data["brief_title"].upper())
    yield "look-alike letter", _put(data, ("brief_title",), data["brief_title"].replace("a", "\u0430", 1))
    texts = [(p, v) for p, v in _leaves(data) if isinstance(v, str) and "criteria" not in p]
    for at, text in texts:
        if (cut := re.sub(r"\s*\([^()]*\)", "", text, count=1)) != text and at[-1] != "measure":
            yield "parenthesis dropped", _put(data, at, cut)  # (a measure's abbreviation is its own words)
            break
    for at, text in texts:
        if (negated := re.sub(r"\b(?:not|no|without|except)\s+", "", text, count=1)) != text:
            yield "denial dropped", _put(data, at, negated)
            break
    for at, text in texts:
        if len(text) > 80 and (end := re.search(r"[.;]\s", text)) is not None:
            yield "text cut after its first sentence", _put(data, at, text[: end.start() + 1])
            break
    for name in ("minimum_age", "maximum_age"):
        if (age := eligibility.get(name)) is not None:
            months = {"value": age["value"] * 12, "unit": "MONTHS"}
            yield "age converted to months", _put(data, ("eligibility", name), months)
            break
    for i, t in enumerate(eligibility.get("thresholds", [])):
        if t["unit"] in ("weeks", "months"):
            converted = {**t, "value": t["value"] * (7 if t["unit"] == "weeks" else 4), "unit": "days"}
            yield "limit converted", _put(data, ("eligibility", "thresholds", i), converted)
            break
    for at, row in [(p, v) for p, v in _rows_and_mappings(data)]:
        keys = [k for k, v in row.items() if isinstance(v, str)]
        if len(keys) >= 2 and row[keys[0]] != row[keys[1]]:
            mutant = _put(data, (*at, keys[0]), row[keys[1]])
            yield "two fields of one item swapped", _put(mutant, (*at, keys[1]), row[keys[0]])
            break
    if shown in STUBS:
        own = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)  # the page the stubs cite is IM19's
        mutant = _put(data, ("overall_status",), own["overall_status"])
        mutant["evidence"]["overall_status"] = own["evidence"]["overall_status"]
        yield "the page's own trial's status given a stub", mutant


def _leaves_lists(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, list]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if path or key not in ("evidence", "curation"):
                yield from _leaves_lists(value, (*path, key))
    elif isinstance(data, list):
        yield path, data
        for i, value in enumerate(data):
            yield from _leaves_lists(value, (*path, i))


def _rows_and_mappings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    if isinstance(data, dict):
        if path:
            yield path, data
        for key, value in data.items():
            if path or key not in ("evidence", "curation"):
                yield from _rows_and_mappings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _rows_and_mappings(value, (*path, i))


MUTANTS = [(shown, kind, mutant) for shown in RECORDS for kind, mutant in _kinds(shown)]


@pytest.mark.parametrize(
    ("shown", "kind", "mutant"), MUTANTS, ids=[f"{shown[7:18]}-{kind}" for shown, kind, _ in MUTANTS]
)
def test_the_hunts_kinds_of_mistake_are_refused(shown: str, kind: str, mutant: dict) -> None:
    assert CHECKS.codes(shown, mutant) != set(), f"{kind} passed in {shown}"


def test_the_hunt_makes_its_kinds_of_every_record() -> None:
    """A generator that stopped making a kind would make the test above pass for nothing."""
    made = {kind for _, kind, _ in MUTANTS}
    assert len(made) >= 18, sorted(made)
    assert {shown for shown, _, _ in MUTANTS} == set(RECORDS)
