"""A verdict, a message and an output that depend on the run's environment, not on the data.

The registry is worth what its checks say, and they must say it alike on every run and machine. Each
test here is a difference found by a hunt (the Python's own regex engine was the first: see
tests/test_patterns.py), reproduced under the environment that showed it, in a process of its own
where the environment must differ:

- the hash seed (PYTHONHASHSEED): a set's order, and so whichever of its items a check took first,
  and a float sum of its items (which rounds by the order it adds in), is the seed's, a new one
  every process;
- the locale: the encoding a run's output is written in.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import IM19_PATH, REPO, Trials, add_source, im19_draft, joined
from sle_trials.reading import markup
from test_attacks_cohort_labels import write_case


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


SAID = "Enrollment: 60 participants"
# Four rules whose margins, each near enough, move an element of all four classes 0.1 + 0.2 + 339.7 + 300
# pixels: 640.0 added in some orders and 640.0000000000001 in others, either side of markup.FAR.
SPACED = (
    "<!DOCTYPE html><html><body><style>.a{margin-left:0.1px}.b{margin-left:0.2px}.c{margin-left:339.7px}"
    f'.d{{margin-left:300px}}</style><div class="a b c d">{SAID}</div><p>after</p></body></html>'
)
READ_SPACED = f"from sle_trials.reading import markup; print({SAID!r} in markup.read({SPACED!r}).text)"


def test_the_rules_spacing_an_element_are_added_alike_under_any_seed() -> None:
    """The margins of the rules an element matches were added in the order of a set of its classes:
    under the hash seed 0 their sum was past markup.FAR and the enrollment was hidden, under 1 to 7
    it was not, and a quote of it passed or failed by the seed. They are added exactly (math.fsum)."""
    page = markup.read(SPACED)
    assert page.unread is None, page.unread
    assert f"{SAID}\nafter" in page.text
    seeded = subprocess.run(
        [sys.executable, "-c", READ_SPACED],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO / "scripts"), "PYTHONHASHSEED": "0"},
    )
    assert (seeded.returncode, seeded.stdout, seeded.stderr) == (0, "True\n", "")


LEVELS = "Dose level 1: 1×10^6 CAR-T cells/kg. Dose level 10: 3×10^6 CAR-T cells/kg."


def test_a_cohorts_label_is_read_where_it_stands_whole_under_any_seed(registry: Path, trials: Trials) -> None:
    """ "Dose level 1" was found inside "Dose level 10", at the same place, and of the two the label
    nearest the dose was the one the set of labels gave last: the record with each label beside its
    own dose failed E508 under seeds 2 to 4 and passed under 0, 1 and 5; the record giving "Dose level
    1" to the dose of "Dose level 10" passed that cohort under 0 and 2 to 4. A label is read only where
    it stands whole."""
    write_case(registry, LEVELS, "Dose level 1", "Dose level 10", f"'{LEVELS}'", f"'{LEVELS}'")
    assert trials("validate", IM19_PATH).status == 0
    seeded = _run(registry, "validate", "--no-cache", IM19_PATH, PYTHONHASHSEED="2")
    assert (seeded.returncode, seeded.stderr) == (0, ""), seeded.stdout
    write_case(registry, LEVELS, "Dose level 10", "Dose level 1", f"'{LEVELS}'", f"'{LEVELS}'")
    result = trials.json("validate", IM19_PATH)
    assert [p["message"].split(": ")[0] for p in result.problems()] == [
        "arms.0.cohorts.0.label",
        "arms.0.cohorts.1.label",
    ]


# --- the locale --------------------------------------------------------------------------------------

# A locale whose encoding is ASCII, as Python runs under one it does not coerce to UTF-8 (a Latin-1
# terminal, PYTHONIOENCODING=ascii, LANG=C with PYTHONCOERCECLOCALE=0 alike).
ASCII_LOCALE = {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}


def test_a_report_is_written_in_utf8_under_any_locale(registry: Path, trials: Trials) -> None:
    """Under an ASCII locale the report of a record whose message quotes "1×10^6" stopped with
    "trials: internal error" (exit 3, not 1) and half a JSON document. The reports are UTF-8, the
    same bytes under any locale."""
    write_case(registry, LEVELS, "Dose level 10", "Dose level 1", f"'{LEVELS}'", f"'{LEVELS}'")
    here = trials.json("validate", IM19_PATH)
    assert here.status == 1 and "×" in here.out
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO", "PYTHONUTF8"))}
    there = subprocess.run(
        [sys.executable, "-m", "sle_trials", "validate", "--no-cache", "--format", "json", "--root", str(registry)]
        + [IM19_PATH],
        capture_output=True,
        timeout=60,
        cwd=registry,
        env={**environment, "PYTHONPATH": str(REPO / "scripts"), **ASCII_LOCALE},
    )
    assert (there.returncode, there.stdout.decode("utf-8"), there.stderr) == (1, here.out, b"")
