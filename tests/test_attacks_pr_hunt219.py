"""Attacks of a pull request on the trusted check, hunt 219: what hunt 218 left of a test or a check made to pass.

- **An assert under a guard that makes it hold.** `if not found: assert found == []`, `if x == 3: assert x == 3`,
  `if not problems: assert not problems` (or under `elif`, `while`, the `else:` of `if found:`, a `case []:`) run
  the assert only where it holds, and an `or` true either way (`assert found == [] or found`) holds always: each test
  passed over a problem found (tested), and the extraction (exit 0). Now an assert the guards around it imply is
  refused (git/never_run.py), until a statement reads a name of the guard's or calls what may change it; `if found:
  assert found[0] == 1` passes.
- **(our own) A test left where its assert would fail.** `if found: return` (or `pytest.skip()`), `for _ in found:
  return`, or `if p: continue` in a loop, before an assert of the value, ran the assert only where it held; and an
  assert of a comprehension over nothing (`all(p == 0 for p in [])`) read nothing: each test passed (tested), and the
  extraction (exit 0). Now what follows a guard whose block leaves without failing (a `return`, `continue`, `break`,
  a skip or an xfail; not a `raise` nor `pytest.fail`) runs under its negation, after a loop that leaves at once
  what it loops over is empty, and a comprehension over an empty constant in an assert is refused (git/never_run.py).
- **A `break` the loop always runs, in a block.** Hunt 218 refused an assert in the `else:` of a loop whose own
  statements hold a `break`; one in a `try`'s body, a `with`'s or an `if True:` broke the loop as surely, and the
  `else:` ran only where `found` was empty (tested: exit 0). Now those blocks are read through (git/never_run.py).
- **(an honest form refused) `if true; then exit "$status"; fi`.** A condition of `true` was no condition read, and
  the exit under it no status kept; now `true` and `:` hold on every status, and `false` on none
  (git/status_kept.py): `if false; then exit "$status"; fi` is refused.
- **(an honest form refused) Two kept statuses compared.** `if [ "$a" -gt "$b" ]; then exit "$a"; else exit "$b";
  fi` exits the greater, a failure wherever either failed, but a comparison with another variable parted no
  failing status from 0 and was refused. Now a status the script keeps beside others' (each bound once) is followed
  on each failing status and each value of the others (git/status_dropped.py); the lesser (`-lt`) is refused, as is
  an `exit` of another status before it is read.
- **(an honest form refused) A workflow's step of its own shell.** `shell: bash {0}` over a lone `make test` was
  refused: the check was read as not the last command of the whole workflow. Now each step's `run:` is a script of
  its own, under its own shell or the `defaults:` one (git/status_dropped.py); `make test` then `echo done` in that
  step is refused.
- **(our own) A check's name or a workflow's `run:` quoted.** `'make' test || true` (or `"make"`, `\\make`,
  `m'ake'`, `python -m 'pytest'`) in .ci/run, and `run: "make test || true"` in a workflow, ran the check and
  dropped its status (tested: exit 0 over a failing `make`), and passed (exit 0): the reader emptied quoted words
  as arguments. Now a quoted word of no space and a backslash's character are read as bash reads them, and a
  workflow's quoted scalar as what it holds (git/status_dropped.py); so are `$'make'`, `ma""ke` and `"$(echo
  make)"`. And a step's `shell: >-` block scalar (`bash {0}` on the next line) was read as GitHub's bash -e on main
  too: `make test` then `echo done` under it passed (exit 0); its lines are now read as the key's.
- **(our own) A `case` of another word taken as one of the status.** `x=0`, `set +e`, `make test`, `status=$?`,
  `set -e`, `case "$x" in 0) ;; *) exit "$status" ;; esac` exited 0 over a failing `make test` (the `*)` branch was
  read as the one a failing status takes), and passed (exit 0). Now a branch of a `case` of another word is not
  known to be taken (git/status_reached.py).

Found and left: a check's name built as the script runs still hides it from git/status_dropped.py: in .ci/run under
`set -euo pipefail`, `M=ma; ${M}ke test || true`, `set -- make test` then `"$@" || true`, and `shopt -s
expand_aliases`, `alias m=make`, `m test || true` each pass the extraction (exit 0).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

RULES = "tests/test_h219_rules.py"
WORKFLOW = ".github/workflows/ci.yml"
TEST = "def test_rules():\n    found = [1]\n"
KEPT = "#!/usr/bin/env bash\nset -euo pipefail\nset +e\nmake test\na=$?\nmake lint\nb=$?\nset -e\n"
ONE = "#!/usr/bin/env bash\nset -euo pipefail\nset +e\nmake test\nstatus=$?\nset -e\n"
GREATER = 'if [ "$a" -gt "$b" ]; then exit "$a"; else exit "$b"; fi\n'
STEPS = "name: ci\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n"
OWN_SHELL = "      - name: tests\n        shell: bash {0}\n        run: make test\n"
BLOCK_SHELL = (
    "      - name: tests\n        shell: >-\n          {}\n        run: |\n          make test\n          echo done\n"
)
AFTER = "      - name: after\n        run: echo done\n"
BROKEN = "an assert in the `else:` of a loop that breaks on its first pass"
DROPPED = ".ci/run line 6: the check's status read into `status` after `set +e` is not given to `exit`"
NO_SET_E = f"{WORKFLOW} line 10: a check run with no `set -e` before it"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({RULES: TEST + "    if not found:\n        assert found == []\n"}, f"{RULES} line 4: an assert of `found"),
        ({RULES: TEST + "    x = len(found)\n    if x == 3:\n        assert x == 3\n"}, f"{RULES} line 5: "),
        ({RULES: TEST + "    if not found:\n        print(found)\n        assert not found\n"}, f"{RULES} line 5: "),
        ({RULES: TEST + "    while not found:\n        assert len(found) == 0\n        break\n"}, f"{RULES} line 4: "),
        (
            {RULES: TEST + "    if found:\n        pass\n    elif not found:\n        assert found == []\n"},
            f"{RULES} line 6: ",
        ),
        ({RULES: TEST + "    if found:\n        pass\n    else:\n        assert not found\n"}, f"{RULES} line 6: "),
        ({RULES: TEST + "    match found:\n        case []:\n            assert found == []\n"}, f"{RULES} line 5: "),
        ({RULES: TEST + "    assert found == [] or found\n"}, f"{RULES} line 3: an assert of `found == [] or found`"),
        ({RULES: TEST + "    assert (not found) if not found else True\n"}, f"{RULES} line 3: "),
        ({RULES: TEST + "    if found:\n        return\n    assert found == []\n"}, f"{RULES} line 5: an assert of"),
        ({RULES: TEST + "    for _ in found:\n        return\n    assert found == []\n"}, f"{RULES} line 5: "),
        *(
            ({RULES: TEST + block + "    assert found == []\n"}, f"{RULES} line {block.count(chr(10)) + 3}: an assert")
            for block in (
                "    with open(__file__):\n        if found:\n            return\n",
                "    try:\n        if found:\n            return\n    finally:\n        pass\n",
                "    if not found:\n        pass\n    else:\n        return\n",
            )
        ),
        (
            {RULES: TEST + "    for p in found:\n        if p:\n            continue\n        assert not p\n"},
            f"{RULES} line 6: ",
        ),
        (
            {RULES: "import pytest\n" + TEST + "    if found:\n        pytest.skip('x')\n    assert not found\n"},
            f"{RULES} line 6: ",
        ),
        ({RULES: TEST + "    assert (n := len(found)) == 0 or n\n"}, f"{RULES} line 3: an assert of `(n :="),
        ({RULES: TEST + "    assert all(p == 0 for p in [])\n"}, f"{RULES} line 3: an assert of a comprehension"),
        ({RULES: TEST + "    assert not any(p for p in ())\n"}, f"{RULES} line 3: an assert of a comprehension"),
        *(
            (
                {RULES: TEST + "    for _ in found:\n" + block + "    else:\n        assert found == []\n"},
                f"{RULES} line {block.count(chr(10)) + 5}: {BROKEN}",
            )
            for block in (
                "        try:\n            break\n        finally:\n            pass\n",
                "        with open(__file__):\n            break\n",
                "        if True:\n            break\n",
                "        if found:\n            break\n        else:\n            break\n",
            )
        ),
        ({".ci/run": ONE + 'if false; then exit "$status"; fi\n'}, ".ci/run line 5: the check's status read into"),
        ({".ci/run": ONE + 'if ! true; then exit "$status"; fi\n'}, ".ci/run line 5: the check's status read into"),
        ({".ci/run": KEPT + GREATER.replace("-gt", "-lt")}, ".ci/run line 9: a condition on the check's status"),
        ({".ci/run": KEPT + 's=$a\nif [ "$b" -lt "$a" ]; then s=$b; fi\nexit "$s"\n'}, ".ci/run line 10: a cond"),
        ({".ci/run": KEPT + "b=0\n" + GREATER}, ".ci/run line 10: a condition on the check's status"),
        ({".ci/run": KEPT + '[ "$a" -lt "$b" ] && exit "$a"\nexit "$b"\n'}, ".ci/run line 9: a condition on the"),
        (
            {".ci/run": KEPT.replace("make lint\nb=$?\n", "if false; then\n  make lint\n  b=$?\nfi\n") + GREATER},
            ".ci/run line 11: a condition on the check's status",
        ),
        ({".ci/run": KEPT + 'if [ "$a" -ne 0 ] && [ "$b" -ne 0 ]; then exit 1; fi\nexit 0\n'}, ".ci/run line 5: the"),
        ({".ci/run": ONE.replace("set +e", "x=0\nset +e") + 'case "$x" in 0) ;; *) exit "$status" ;; esac\n'}, DROPPED),
        ({WORKFLOW: STEPS + OWN_SHELL.replace("make test", "|\n          make test\n          echo done")}, NO_SET_E),
        (
            {
                WORKFLOW: "defaults:\n  run:\n    shell: bash {0}\n"
                + STEPS
                + AFTER.replace("echo done", "|\n          make test\n          echo done")
            },
            NO_SET_E.replace("line 10", "line 12"),
        ),
        *(
            ({".ci/run": "#!/usr/bin/env bash\nset -euo pipefail\n" + line}, ".ci/run line 3: a check run with '||'")
            for line in (
                "'make' test || true\n",
                '"make" test || true\n',
                "\\make test || true\n",
                "m'ake' test || true\n",
                "$'make' test || true\n",
                'ma""ke test || true\n',
                '"$(echo make)" test || true\n',
            )
        ),
        (
            {".ci/run": "#!/usr/bin/env bash\nset -euo pipefail\n.venv/bin/python -m 'pytest' || true\n"},
            ".ci/run line 3: a check run with '||'",
        ),
        *(
            (
                {WORKFLOW: STEPS + f"      - name: tests\n        run: {run}\n"},
                f"{WORKFLOW} line 8: a check run with '||'",
            )
            for run in ('"make test || true"', "'make test || true'")
        ),
        ({WORKFLOW: STEPS + '      - name: tests\n        run: "make test\\necho done"\n'}, f"{WORKFLOW} line 8: "),
        ({WORKFLOW: STEPS + BLOCK_SHELL.format("bash {0}")}, f"{WORKFLOW} line 11: a check run with no `set -e`"),
    ],
)
def test_what_makes_a_test_pass_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_the_honest_forms_pass_the_extraction(tmp_path: Path) -> None:
    rules = (
        "import pytest\n\n\n"
        + TEST
        + "    if found:\n        assert found[0] == 1\n    if not found:\n        found = [2]\n"
        "        assert found == [2]\n    for _ in found:\n        if _:\n            break\n    else:\n"
        "        assert False, 'none found'\n"
        "    if not found:\n        found.extend([3])\n        assert found == [3]\n"
        "    if not found:\n        return\n    assert found[0] == 1\n    if found != [1]:\n        pytest.fail('x')\n"
        "    assert found == [1]\n    for p in found:\n        if not p:\n            continue\n        assert p == 1\n"
        "    assert all(p == 1 for p in found)\n"
    )
    scripts = {
        ".ci/run": ONE + 'if true; then exit "$status"; fi\n',
        ".ci/lint": KEPT + GREATER,
        ".ci/either": KEPT + 's=$a\nif [ "$b" -gt "$a" ]; then s=$b; fi\nexit "$s"\n',
        ".ci/arithmetic": KEPT + '(( a > b )) && exit "$a"\nexit "$b"\n',
        ".ci/and": KEPT + '[ "$a" -gt "$b" ] && exit "$a"\nexit "$b"\n',
        ".ci/case": ONE + 'case "$status" in 0) ;; *) exit "$status" ;; esac\n',
    }
    workflow = (
        STEPS
        + OWN_SHELL
        + BLOCK_SHELL.format("bash -eo pipefail {0}")
        + AFTER
        + '      - name: quoted\n        run: "make test"\n'
    )
    scripts[".ci/quoted"] = (
        '#!/usr/bin/env bash\nset -euo pipefail\ncd "$(dirname "$0")/.."\n\'make\' test\necho "ran \'make\'"\n'
    )
    passed_by_the_extraction(tmp_path, {RULES: rules, WORKFLOW: workflow, **scripts})
