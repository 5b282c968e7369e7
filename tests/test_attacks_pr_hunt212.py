"""Attacks of a pull request on the trusted check and what its review shows, hunt 212.

- **A module given by a function one module deeper.** Hunt 211 read an imported function's module for whether the
  function returns a module, and left one returning another module's giver's call: `def pick2(): return pick()` in
  `outputs/choose.py` (pick, of `outputs/helpers.py`, returning strict), then `checks = pick2()` and `checks.check =
  list` in `outputs/report.py`, passed (exit 0), as did `chosen = pick()` then `return chosen`, `return
  helpers.pick()` of a module imported by its name, and `pick` imported from `choose.py`, which imports it from
  helpers (given on). Now the modules a giver's module imports from are read the same way, as deep as the imports go
  (git/givers.py, each module once, a cycle closing on none); an object made one module deeper passes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")


# --- A module given by a function one module deeper (git/givers.py)
HELPERS = "scripts/sle_trials/outputs/helpers.py"
CHOOSE = "scripts/sle_trials/outputs/choose.py"
REPORT = "scripts/sle_trials/outputs/report.py"
PICK = "from sle_trials.checks import strict\n\n\ndef pick():\n    return strict\n"
BINDS = "binds a name of an imported module or class from here"
PICK2_BOUND = "from sle_trials.outputs.choose import pick2\n\nchecks = pick2()\nchecks.check = list\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {
                HELPERS: PICK,
                CHOOSE: "from sle_trials.outputs.helpers import pick\n\n\ndef pick2():\n    return pick()\n",
                REPORT: PICK2_BOUND,
            },
            f"{REPORT} line 4: `checks.check` {BINDS}",
        ),
        (
            {
                HELPERS: PICK,
                CHOOSE: "from .helpers import pick\n\n\ndef pick2():\n    chosen = pick()\n    return chosen\n",
                REPORT: PICK2_BOUND,
            },
            f"{REPORT} line 4: `checks.check` {BINDS}",
        ),
        (
            {
                HELPERS: PICK,
                CHOOSE: "from sle_trials.outputs import helpers\n\n\ndef pick2():\n    return helpers.pick()\n",
                REPORT: PICK2_BOUND,
            },
            f"{REPORT} line 4: `checks.check` {BINDS}",
        ),
        (
            {
                HELPERS: PICK,
                CHOOSE: "from sle_trials.outputs.helpers import pick\n",
                REPORT: "from sle_trials.outputs.choose import pick\n\n\ndef report():\n    checks = pick()\n"
                "    setattr(checks, 'check', list)\n",
            },
            f"{REPORT} line 6: setattr() on an imported module",
        ),
        (  # three modules deep
            {
                HELPERS: PICK,
                CHOOSE: "from sle_trials.outputs.helpers import pick\n\n\ndef pick2():\n    return pick()\n",
                "scripts/sle_trials/outputs/deeper.py": "from .choose import pick2\n\n\ndef pick3():\n"
                "    return pick2()\n",
                REPORT: "from sle_trials.outputs.deeper import pick3\n\nchecks = pick3()\nchecks.check = list\n",
            },
            f"{REPORT} line 4: `checks.check` {BINDS}",
        ),
    ],
)
def test_a_module_given_one_module_deeper_bound_from_elsewhere_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {  # an object made one module deeper
            HELPERS: "class Page:\n    title = ''\n\n\ndef page():\n    return Page()\n",
            CHOOSE: "from sle_trials.outputs.helpers import page\n\n\ndef page2():\n    return page()\n",
            REPORT: "from sle_trials.outputs.choose import page2\n\nmade = page2()\nmade.title = 'x'\n",
        },
        {  # a module given one module deeper, and only read
            HELPERS: PICK,
            CHOOSE: "from sle_trials.outputs.helpers import pick\n\n\ndef pick2():\n    return pick()\n",
            REPORT: "from sle_trials.outputs.choose import pick2\n\nchecks = pick2()\nCHECK = checks.check\n",
        },
        {  # modules importing each other: read once each
            CHOOSE: "from sle_trials.outputs import report\n\n\ndef made():\n    return report.made()\n",
            REPORT: "from sle_trials.outputs import choose\n\n\nclass Page:\n    title = ''\n\n\n"
            "def made():\n    return Page()\n\n\ndef show():\n    page = choose.made()\n    page.title = 'x'\n",
        },
    ],
)
def test_an_object_given_one_module_deeper_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)
