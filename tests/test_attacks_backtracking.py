"""Pull-request attacks on the time a check takes: a criterion whose words make a pattern backtrack.

The separators that may stand between the items of a criterion's enumeration were read by one
pattern repeated (enumeration._ONLY_SEPARATORS), in which the white space between two commas was either
the first's or the second's: a gap of n commas and a word (", , , … , x") took 2**n tries before the
word was found. Forty commas in a criterion of a new source and its record (80 bytes) held `trials
check` (and CI) for days; 28 took two minutes of CPU. Each character now reads one way only, and the
same criterion is refused at once (E525, the word among the items).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO, add_source, edit

RECORD = "trials/NCT06513429.yaml"
SOURCE = "seeds/000_84a0f0163f21158e.txt"
JUNK = ", " * 40 + "x"


def run(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sle_trials", "validate", "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=120,  # seconds under load; the patterns that backtracked took days here
        cwd=REPO,
    )


def test_a_gap_of_commas_in_an_enumeration_is_read_in_linear_time(registry: Path) -> None:
    text = (registry / SOURCE).read_text(encoding="utf-8")
    source = add_source(
        registry, "seeds/950_commas.txt", text.replace("shock therapy), immuno", f"shock therapy){JUNK}, immuno")
    )
    edit(
        registry,
        RECORD,
        (f"file: {SOURCE}", f"file: {source}"),
        ("shock therapy),\n        immuno", f"shock therapy){JUNK},\n        immuno"),
        ("shock therapy),\n    immuno", f"shock therapy){JUNK},\n    immuno"),  # its evidence quote
    )
    result = run(registry)
    assert result.returncode == 1, result.stderr
    assert (
        "E525 eligibility.prior_therapy.therapies: the criterion's enumeration has more than its items: "
        "'x' stands among them"
    ) in result.stdout


def test_a_long_word_between_two_terms_is_read_in_linear_time() -> None:
    """enumeration._TERM_GAP, the gap between two terms of an enumeration, tried a long word split at
    each of its places (a 4,000-letter word took 1.1 s, quadratic in its length); with the word read
    whole, 400,000 letters take milliseconds. Run apart, so that the old pattern is stopped by the
    timeout rather than holding the suite; the gaps it matches are the same (the next test)."""
    code = (
        "from sle_trials.checks.binding import enumeration; "
        "assert not enumeration._TERM_GAP.match('x' * 400_000 + ' y')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.returncode == 0, result.stderr


def test_the_gap_between_two_terms_matches_what_it_did() -> None:
    """The word-whole pattern against the one that backtracked, on every short text of the
    characters that matter (words, white space, commas, semicolons, conjunctions)."""
    import itertools
    import re

    from sle_trials.checks.binding import enumeration

    before = re.compile(r"(?:\s*[\w-]+){0,2}" + enumeration._SEPARATOR + r"\Z")
    parts = ["ab", "-", " ", ",", ";", "and", "or", "and/or", "é"]
    for n in range(6):
        for combo in itertools.product(parts, repeat=n):
            gap = "".join(combo)
            assert bool(enumeration._TERM_GAP.match(gap)) == bool(before.match(gap)), repr(gap)
