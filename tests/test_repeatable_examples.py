"""The property tests draw the same examples whatever was imported before them.

Hypothesis mixes into what it draws the literals of the local modules imported so far; conftest's
draw_the_packages_constants makes that pool the package's literals, read once. Without it the
round-trip property drew other examples alone than in a full run, and failed alone only (a173751).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def _drawn() -> list[object]:
    """What one derandomized property draws: texts, integers and floats, each of which hypothesis may
    take from the pool of literals."""
    out: list[object] = []

    @given(st.text(max_size=30) | st.integers() | st.floats(allow_nan=False))
    @settings(max_examples=400, derandomize=True, database=None)
    def draw(value: object) -> None:
        out.append(value)

    draw()
    return out


def test_examples_drawn_after_a_new_module_is_imported_are_the_same(tmp_path: Path, monkeypatch) -> None:
    before = _drawn()
    # a module of literals no other module holds, imported from a local folder as a test module may
    # import a helper, a benchmark script or a module of the package not imported yet
    literals = [f"literal-{n}-of-a-module-imported-late" for n in range(300)] + [10**6 + n for n in range(300)]
    (tmp_path / "late_literals.py").write_text(f"LITERALS = {literals!r}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "late_literals", raising=False)
    late = importlib.import_module("late_literals")
    try:
        assert late.LITERALS == literals
        after = _drawn()
    finally:
        sys.modules.pop("late_literals", None)
    assert after == before
    assert not {value for value in after if isinstance(value, str | int)} & set(literals)


def test_the_pool_is_the_packages_literals() -> None:
    """The examples may still hold the package's own literals (what hypothesis draws them for: a
    code, a label, a bound the checks compare against)."""
    from hypothesis.internal.conjecture import providers

    pool = providers._get_local_constants()
    assert "E501" in pool.strings  # a code the package reports (checks/table)
    assert not any(s.startswith("literal-") for s in pool.strings)


@pytest.mark.parametrize("name", ["strings", "integers"])
def test_the_pool_is_kept_in_order(name: str) -> None:
    """Hypothesis picks a literal by its place in the pool: a set ordered by the hash seed would draw
    other examples on every run."""
    from hypothesis.internal.conjecture import providers

    values = list(getattr(providers._get_local_constants(), name))
    assert values == sorted(values)
