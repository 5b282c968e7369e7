"""Attacks of a pull request on the trusted check, hunt 218: what hunt 217 left of a test made to pass.

- **A namesake fixture giving a method's value of the machinery's.** Hunt 217 held a fixture named as the
  conftest's to return the machinery's value as it is, a method's call of it included: `return found.count(None)`
  gave the tests `0`, `found.copy().clear()` `None` (tested: the conftest's `problems` finding one, its namesake's
  `assert not problems` passing), and passed (exit 0). Now a method that the builtin containers and strings have
  gives another value (git/shadowed_fixtures.py), but `.copy()`, `.items()`, `.values()` and `.keys()`; a method of
  the machinery's own objects passes.
- **CI's variables written under a name made as the code runs.** `os.environ["C" + "I"] = ""` at the conftest's top,
  or `os.environ[KEY]` with `KEY = "C" + "I"`, or `monkeypatch.delenv(name)` over a fixture's parameter, unset CI for
  every test (hunt 217 read a constant string alone; git/vacuous_asserts.py refused `os.environ[name]` named as it
  runs, not `setenv` nor `delenv`), and passed (exit 0). Now a name is worked out from the strings
  written in the module and the function (joined, a loop over a literal or a module's dict of them) and one it cannot
  work out is refused (git/ci_decided.py); the conftest's loop over GIT_ENV passes.
- **An assert under the `else:` of a loop that breaks at once.** `while found: break` then `else: assert found ==
  []` (or `for _ in found: break`) runs the assert only where `found` is empty: the test passed over a problem found
  (tested) and the extraction (exit 0). Now refused (git/never_run.py); a `break` under a condition passes.
- **(an honest form refused) Two checks' statuses kept, then one `if` exiting 1 on either.** `set +e`, `make test`,
  `a=$?`, `make lint`, `b=$?`, `set -e`, `if [ "$a" -ne 0 ] || [ "$b" -ne 0 ]; then exit 1; fi` was refused (as
  was `if [ "$a" -ne 0 ]; then exit 1; fi` of one): an `exit` of a failure's number was no status kept, and a list
  of tests no condition. Now an exit of a number but 0 reached on every failure keeps it (git/status_dropped.py),
  and `||`/`&&` are read of their tests (git/status_kept.py); a test dropping one status, or `&&`, is refused.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import passed_by_the_extraction, refused_by_the_trusted_check
from test_attacks_pr_hunt217 import FOUND, PROBLEMS, STUB

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

RULES = "tests/test_h218_rules.py"
CONFTEST = "tests/conftest.py"
KEPT = "#!/usr/bin/env bash\nset -euo pipefail\nset +e\nmake test\na=$?\nmake lint\nb=$?\nset -e\n"
EITHER = 'if [ "$a" -ne 0 ] || [ "$b" -ne 0 ]; then exit 1; fi\n'
UNSET = "import os\n\nimport pytest\n\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {CONFTEST: PROBLEMS, RULES: STUB + f"    found = {FOUND}\n    return found.count(None)\n"},
            f"{RULES} line 8: the fixture `problems`, named as the conftest's, returns a value made of none",
        ),
        (
            {CONFTEST: PROBLEMS, RULES: STUB + f"    return {FOUND}.copy().clear()\n"},
            f"{RULES} line 7: the fixture `problems`, named as the conftest's, returns a value made of none",
        ),
        (
            {CONFTEST: UNSET + "KEY = 'C' + 'I'\nos.environ[KEY] = ''\n"},
            f"{CONFTEST} line 6: CI's variable written by the tests' code beyond a test's own body (CI)",
        ),
        (
            {
                CONFTEST: UNSET + "\n@pytest.fixture(autouse=True, params=['CI'])\ndef quiet(request, monkeypatch):\n"
                "    monkeypatch.delenv(request.param, raising=False)\n"
            },
            f"{CONFTEST} line 8: CI's variable written by the tests' code beyond a test's own body (a variable named",
        ),
        (
            {
                RULES: "def test_rules():\n    found = [1]\n    while found:\n        break\n    else:\n"
                "        assert found == []\n"
            },
            f"{RULES} line 6: an assert in the `else:` of a loop that breaks on its first pass",
        ),
        *(
            ({".ci/run": KEPT + condition}, ".ci/run line 5: the check's status read into `a` after `set +e` is not")
            for condition in (EITHER.replace('"$a"', '"$b"'), EITHER.replace("||", "&&"))
        ),
    ],
)
def test_what_makes_a_test_pass_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_the_honest_forms_pass_the_extraction(tmp_path: Path) -> None:
    rules = (
        STUB + f"    found = {FOUND}\n    return found.copy()\n\n\n"
        "@pytest.fixture\ndef records():\n    return {'x': 1}\n\n\n"
        "def test_rules(problems):\n    for problem in problems:\n        if problem:\n            break\n"
        "    else:\n        assert False, 'none found'\n"
    )
    conftest = (
        PROBLEMS + "\n\nimport os\n\nENV = {'GIT_AUTHOR_NAME': 'Curator'}\n\n\n"
        "@pytest.fixture\ndef git_env(monkeypatch):\n    for name, value in ENV.items():\n"
        "        monkeypatch.setenv(name, value)\n"
    )
    passed_by_the_extraction(tmp_path, {CONFTEST: conftest, RULES: rules, ".ci/run": KEPT + EITHER})
