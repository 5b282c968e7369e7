"""Every categorical value a record binds to words has its vocabulary, and every vocabulary's rules of reading
(vocabulary.READINGS) are the rules of a vocabulary the checks use.

A schema enum with no table in reading/vocabulary.py is bound by its bare API value written in the quote
(binding/categorical.term), so a new enum field without one would pass "RECRUITING" but refuse "Recruiting"; and a
rule of READINGS under a name no vocabulary has (a typo, or a table whose values another table already has, which
for_enum never returns) is a rule no check reads: "target antigen"'s marker words would take nothing back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import DATA_ROOT
from sle_trials import fields, paths
from sle_trials.reading import vocabulary


def _bound_terms(schema: dict, node: dict, path: tuple, read: bool = False) -> Iterator[tuple[str, dict, bool]]:
    """(dotted path, enum node, whether a reading above it reads it) of each enum of a value beneath node that
    needs evidence; read: an `x-bind` node (a reading of its own: an age, a threshold, a dose) stands above it."""
    node = fields.resolve(schema, node)
    read = read or "x-bind" in node
    if "enum" in node:
        if fields.needs_evidence(path, node):
            yield fields.dotted(path), node, read
        return
    for key, child in node.get("properties", {}).items():
        yield from _bound_terms(schema, child, (*path, key), read)
    if "items" in node:
        yield from _bound_terms(schema, node["items"], (*path, 0), read)


SCHEMA = paths.load_schema(DATA_ROOT)
TERMS = [(name, node) for name, node, read in _bound_terms(SCHEMA, SCHEMA, ()) if not read]
# The parts of a reading's value that the reading reads by words of its own, not by a vocabulary: an age's
# unit and a dose's basis (quantities), a threshold's kind and comparator (thresholds), a criterion's list
# (criterion): every other enum beneath a reading is bound to its vocabulary as any other (a date's type, a
# lymphodepleting agent, lupus nephritis's scope, an autoantibody)
READ_BY_ITS_READING = frozenset({"unit", "basis", "kind", "comparator", "list"})


def test_the_walk_finds_the_schemas_categorical_fields() -> None:
    names = {name for name, _ in TERMS}
    assert {"overall_status", "phases.0", "eligibility.sex", "cell_product.target_antigens.0"} <= names
    assert len(TERMS) > 20
    # the enums beneath a reading (an age's unit, a threshold's comparator, a date's type) are apart
    assert not any(name.startswith(("eligibility.minimum_age", "eligibility.thresholds", "dates.")) for name in names)


@pytest.mark.parametrize(("name", "node"), TERMS, ids=[name for name, _ in TERMS])
def test_every_categorical_value_a_record_binds_has_its_vocabulary(name: str, node: dict[str, Any]) -> None:
    assert vocabulary.for_enum(tuple(node["enum"])) is not None, (
        f"{name}: no table of reading/vocabulary.py has exactly its values {node['enum']}: add one (value -> the "
        "labels registries print for it)"
    )


def test_every_enum_beneath_a_reading_has_its_vocabulary_or_is_read_by_the_reading() -> None:
    read = [(name, node) for name, node, by_reading in _bound_terms(SCHEMA, SCHEMA, ()) if by_reading]
    assert {"dates.start.type", "lymphodepletion.agents.0.agent", "eligibility.lupus_nephritis.scope"} <= {
        name for name, _ in read
    }
    lacking = [name for name, node in read if vocabulary.for_enum(tuple(node["enum"])) is None]
    assert lacking and all(name.rpartition(".")[2] in READ_BY_ITS_READING for name in lacking), lacking


def test_every_rule_of_reading_is_a_vocabularys_the_checks_use() -> None:
    used = {vocab.name: vocab for vocab in vocabulary.every()}
    assert set(vocabulary.READINGS) <= set(used), set(vocabulary.READINGS) - set(used)
    for name, reading in vocabulary.READINGS.items():
        assert used[name].reading is reading, name


def test_a_vocabulary_with_no_rules_reads_its_renderings_as_they_stand() -> None:
    plain = [vocab for vocab in vocabulary.every() if vocab.name not in vocabulary.READINGS]
    assert plain  # (the route of administration, the arm type, ...)
    assert all(vocab.reading == vocabulary.Reading() and vocab.aimed is None for vocab in plain)
