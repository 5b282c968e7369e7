"""Pull-request attacks on the time a check takes: a quote that misses, in a large source.

A quote or verbatim text not found in its source is reported with the source's nearest passage
(documents.Sources.closest), found by difflib, whose search takes a step for each character of the
quote and each place of the source holding that character. The quote was cut to 2,000 characters,
the source not at all: a source of 30,000 letters `a` (30 kB of the 32 MiB a source may hold) and a
record quoting 1,999 of them and a `b` held `trials validate` 31 seconds, a source of a megabyte
held it for hours, and each of a record's first twenty misses costs a search. Now the search looks
at a stretch of the source of a bounded size: all of it when it is small, else the stretch where
pieces of the quote stand closest together.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

from conftest import IM19_PATH, REPO, add_source, im19_draft, joined
from sle_trials.checks import nearest

SOURCE = "seeds/950_large.txt"
HEAD = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    "Last Updated: 2025-08-17\nRECRUITING\n"
)


def _children_cpu() -> float:
    """The CPU seconds of this process's finished children: a bound held to it is no other process's load."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cite(registry: Path, text: str, quote: str) -> None:
    """IM19 as a draft citing SOURCE (HEAD, then text), its status quoted as quote."""
    add_source(registry, SOURCE, HEAD + text)
    record = joined(
        im19_draft(SOURCE), f"overall_status: RECRUITING\nevidence:\n  overall_status: {json.dumps(quote)}\n"
    )
    (registry / IM19_PATH).write_text(record, encoding="utf-8")


def _validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sle_trials", "validate", "--no-cache", "--root", str(root), str(root / IM19_PATH)],
        capture_output=True,
        text=True,
        timeout=90,  # seconds under load; the unbounded search took some 10 minutes here
        cwd=REPO,
    )


def test_a_miss_in_a_large_source_of_one_letter_is_reported_in_bounded_time(registry: Path) -> None:
    """Every place of the source holds every character of the quote: the worst case for difflib."""
    _cite(registry, "a" * 200_000 + "\n", "a" * 1999 + "b")
    started = _children_cpu()
    result = _validate(registry)
    assert result.returncode == 1, result.stderr
    assert "E502 evidence for overall_status: quote not found in the cited source; nearest is" in result.stdout
    assert _children_cpu() - started < 60  # a blow-up's bound in the check's CPU, not a speed


def test_the_nearest_passage_of_a_large_source_is_where_the_quote_nearly_stands(registry: Path) -> None:
    """The stretch searched is the one that holds the quote's pieces: a typo in a sentence of a page
    of 2 MB is shown beside that sentence."""
    lines = [
        f"Line {i} of the page says nothing of this trial's status, item {i * 7919 % 10007}." for i in range(30_000)
    ]
    lines[21_000] = "The trial's overall recruitment status is: Recruiting, at seven sites in two countries."
    _cite(
        registry,
        "\n".join(lines) + "\n",
        "The trial's overall recruitment status is: Recruiting, at seven sites in too countries.",
    )
    result = _validate(registry)
    assert result.returncode == 1, result.stderr
    assert 'the source has "…is: Recruiting, at seven sites in two countries."' in result.stdout, result.stdout


def test_a_small_source_is_searched_whole() -> None:
    """Where the whole search is cheap the stretch is the whole source: the passage is the one the
    unbounded search gave."""
    haystack = "Weight ≥ 40 kg. " * 50 + "Age ≥ 18 years old, ≤ 65 years old. " + "Weight ≥ 40 kg. " * 50
    assert nearest.stretch("Age ≥ 19 years old", haystack) == haystack
    assert nearest.closest("Age ≥ 19 years old", haystack) == "Age ≥ 18 years old"


def test_the_stretch_searched_is_bounded_whatever_the_sizes() -> None:
    for needle, haystack in (
        ("a" * 1999 + "b", "a" * 5_000_000),
        ("x", "y" * 5_000_000),
        ("ab" * 1000, "ba" * 2_000_000),
        ("no such words", "words " * 1_000_000),
    ):
        found = nearest.stretch(needle, haystack)
        assert len(needle) * len(found) <= max(nearest.SEARCH_STEPS, len(needle) * (len(needle) + 2 * nearest.MARGIN))
        assert len(found) <= nearest.MAX_STRETCH
        assert found in haystack
