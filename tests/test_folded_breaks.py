"""A folded text (">-") keeps a line break where a line is indented further than the others, or
after a blank line: a criterion whose second line was indented two spaces more was refused as E501
"the text writes a white space '\\n  ' after 'of'", words the curator never wrote (a new user's
review). The problem now says what in the layout made them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Trials, position, put
from sle_trials.checks import load

RELMA = "trials/NCT05765006.yaml"
LINE = "        Rheumatology (ACR).\n"


@pytest.mark.parametrize("written", ["          Rheumatology (ACR).\n", "\n" + LINE])
def test_a_line_break_a_folded_text_keeps_is_explained(trials: Trials, registry: Path, written: str) -> None:
    text = (registry / RELMA).read_text(encoding="utf-8")
    assert text.count(LINE) == 1
    text = text.replace(LINE, written)
    put(registry, RELMA, text)
    result = trials.json("validate", RELMA)
    assert [p["code"] for p in result.problems()] == ["E501"], result.problems()
    line = position(text, "A diagnosis of SLE")[0] - 1  # at its key's ">-"
    assert result.where("E501") == [(RELMA, line, len("      text: ") + 1)]
    assert "a folded text ('>-') keeps a line break" in result.problems()[0]["message"]


def test_only_folded_texts_with_a_kept_break_are_noted() -> None:
    text = "a: >-\n  x\n  y\nb: >-\n  x\n    y\nc: |-\n  x\n  y\nd:\n  - >\n    x\n\n    y\n"
    record, problems = load.parse(text, "trials/NCT00000000.yaml")
    assert record is not None and problems == []
    assert record.broken == {("b",), ("d", 0)}
