"""A verdict, a message and an output that depend on the run's environment, not on the data.

The registry is worth what its checks say, and they must say it alike on every run and machine. Each
test here is a difference found by a hunt (the Python's own regex engine was the first: see
tests/test_patterns.py), reproduced under the environment that showed it, in a process of its own
where the environment must differ:

- the hash seed (PYTHONHASHSEED): a set's order, and so whichever of its items a check took first,
  is the seed's, a new one every process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import IM19_PATH, REPO, Trials, add_source, im19_draft, joined


def _run(registry: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`trials ARGV --root registry` in a process of its own, under the environment's variables
    with env set."""
    return subprocess.run(
        [sys.executable, "-m", "sle_trials", *argv, "--root", str(registry)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=registry,
        env={**os.environ, "PYTHONPATH": str(REPO / "scripts"), **env},
    )


# --- the hash seed ---------------------------------------------------------------------------------

SITES = "seeds/952_sites.txt"
SITE = "  - facility: Peking University Third Hospital\n    city: Beijing\n    country: China\n"


def test_a_site_held_again_is_told_of_the_words_that_stand_fewest_times(registry: Path, trials: Trials) -> None:
    """The site's name stands once on the page and its city twice, and the record holds the site three
    times: E522 told of whichever of the item's texts its set gave first, "its words stand 2 times"
    under most seeds (0 among them) and "once" under others (4), of the same record. It tells of the
    text that stands fewest times."""
    page = (
        "Sites: Peking University Third Hospital, Beijing, China; "
        "Peking Union Medical College Hospital, Beijing, China\n"
    )
    add_source(
        registry,
        SITES,
        "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
        f"Last Updated: 2025-08-17\n{page}",
    )
    (registry / IM19_PATH).write_text(joined(im19_draft(SITES), "locations:\n" + SITE * 3), encoding="utf-8")
    here = trials("validate", IM19_PATH)
    assert here.status == 1
    assert [line.split(": E522 ", 1)[1] for line in here.out.splitlines() if ": E522 " in line] == [
        f"locations.{i}: facility 'Peking University Third Hospital' again: its words stand once in the cited"
        " sources, and 3 items of the record that could be this one hold them"
        for i in (1, 2)
    ]
    seeded = _run(registry, "validate", "--no-cache", IM19_PATH, PYTHONHASHSEED="0")
    assert (seeded.returncode, seeded.stdout, seeded.stderr) == (here.status, here.out, here.err)
