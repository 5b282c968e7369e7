"""Review of hunt 206's refusals for the honest pull requests they refused (helper 44).

Hunt 206 added refusals to the extraction of a pull request's tree; this module holds the honest shapes a
maintainer writes that one of them refused, each read by the rule's own reader on the source text (no
repository built), beside the attack the narrowed rule still refuses.

- **An import of a module's submodule in a function.** `import importlib` then `import importlib.util` in one
  function (or `import os` then `import os.path`, or one import given twice) binds the same module to the same
  name twice, and git/overwritten.py refused it as a value bound again unread; at a module's level hunt 194
  passed it.
- **Two targets' own values of one variable.** `quick: ROUNDS := 1` and `full: ROUNDS := 10` give each target
  its own value, and make keeps both; hunt 206 read the second as giving the variable again. A target's own
  value beside the variable's global value, or the same target's given twice, is still refused.
- **Two pattern rules of one target.** `%.html: %.md` and `%.html: %.rst`, each with its recipe, are two
  rules to make, which picks one by the file there is (tested: `a.md` and `b.rst` each made by its own), and
  hunt 194's rule of a recipe given twice refused the second. A pattern rule is now replaced by one of the
  same target and prerequisites alone, as make replaces it (tested: the second ran).
- **A Sphinx docs/conf.py.** Sphinx reads a project's `copyright = "2026, ..."` from docs/conf.py by that name,
  and hunt 206 refused it as a builtin's name bound by a module: `copyright`, `credits`, `license` and `help`
  are site's helpers of an interactive session, which print a text and which no code calls. They may now be
  bound; `exit` and `quit`, which a script calls to end, stay builtins (whether or not site has run).
- **A function's own object of an imported name's name.** `from sle_trials import record` at the top, and
  `def mark(record): record.seen = True` (a parameter, or a loop's variable, named as the import) bind an
  attribute of the object the function is given; hunt 206 read `record` as the imported module and refused
  it. A function's own name (a parameter, a name it binds but by an import, not a comprehension's variable)
  is now read as its own; the imported name bound in a function, through `global` or a nested def, is still.

Passed as they were (an extraction of a pull request on the repository's own tree, exit 0): a workflow step
with `actions/cache` by a commit id, a composite action and a reusable local one, dependabot.yml, an
.editorconfig, a docs page, a plain module of the tests' helpers and its test, `*.md merge=union`, and the
Python shapes of a checker's refactor (a loop's sum, try/except and `contextlib.suppress` fallbacks, `x =
x.strip()`, early returns, a default then an override in an `if` or a `match`, `with` reusing a name, `self.x`
set in __init__ and reset in a method, functools.cache, dataclass fields, `x: int` then `x = 1`, `del` then a
binding, typing.overload, a property's setter, `try: import yaml except ImportError: yaml = None`).

Left, refused on purpose or for a rule older than hunt 206: a Windows batch file ended by CR LF (cmd.exe reads
CR LF as a line end, but bash run on a `.bat` would not, and a file's name says nothing of what runs it);
`with pytest.raises(E) as caught:` given twice, the first `caught` never read (drop its `as`); a function
setting a module's value through `global` (a counter, a flag main() sets: bind None and fill it); a
module's `for name in ...` loop twice, or two `with ... as handle` (hunt 194 counts each); `def format(...)`
at a module's level (rename it). Attacks it found, closed since: `MODE ?= strict` and `test: MODE := lax` (make
runs test's recipe with lax; a default a definition follows is a value given now), and a dict display's `-1` key
given twice (a key the source fixes is read as Python reads it now: hunt 206's dict tests), and `strict =
importlib.import_module("sle_trials.checks.strict")` then `strict.check = list` (or `sys.modules[...].check =
...`), a module reached by no import statement (read as an imported one now, git/bound_elsewhere.py).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sle_trials.git.bound_elsewhere import BUILTINS
from sle_trials.git.defined_twice import no_make_definition_twice, no_name_bound_twice
from sle_trials.git.refusal import Refused

MODULE = "scripts/sle_trials/checks/strict.py"


@pytest.mark.parametrize(
    "text",
    [
        "def spec(path):\n    import importlib\n    import importlib.util\n"
        "    return importlib.util.spec_from_file_location('x', path)\n",
        "def joined():\n    import os.path\n    import os\n    return os.path.join('a', os.sep)\n",
        "def loaded():\n    import numpy as np\n    import numpy as np\n    return np\n",  # the same import again
        "def loaded():\n    from os import path\n    from os import path\n    return path\n",
    ],
)
def test_a_module_imported_again_with_its_submodule_in_a_function_passes(text: str) -> None:
    no_name_bound_twice(MODULE, text.encode())


@pytest.mark.parametrize(
    "text",
    [
        "def check(record):\n    import strict as rules\n    import lax as rules\n    return rules.check(record)\n",
        "def check(record):\n    import os\n    os = None\n    return os\n",
        "def check(record):\n    from strict import check as rules\n    from lax import check as rules\n"
        "    return rules\n",
        "def check(record):\n    import strict\n    from lax import strict\n    return strict\n",
        "def check(record):\n    problems = rules(record)\n    import problems\n    return problems\n",
    ],
)
def test_another_module_imported_over_one_unread_is_refused(text: str) -> None:
    with pytest.raises(Refused, match="bound again in check"):
        no_name_bound_twice(MODULE, text.encode())


TWO_TARGETS = "quick: ROUNDS := 1\nfull: ROUNDS := 10\nquick full:\n\tpython bench.py $(ROUNDS)\n"


@pytest.mark.parametrize(
    "text",
    [
        TWO_TARGETS,
        "quick: ROUNDS = 1\nquick:\n\techo $(ROUNDS)\nfull: export ROUNDS = 10\nfull:\n\techo $(ROUNDS)\n",
    ],
)
def test_two_targets_own_values_of_one_variable_pass(text: str) -> None:
    no_make_definition_twice("Makefile", text.encode())


@pytest.mark.parametrize(
    "text",
    [
        "PYTHON ?= python3\nN ?= 10000\ntest:\n\t$(PYTHON) -m pytest\n",  # the repository's own Makefile's
        "MODE := strict\nMODE ?= lax\n",  # a default after a value: make gives it nothing
        "ifeq ($(CI),true)\nMODE ?= strict\nelse\nMODE := lax\nendif\n",  # two branches of one conditional
    ],
)
def test_a_default_no_definition_follows_passes(text: str) -> None:
    no_make_definition_twice("Makefile", text.encode())


@pytest.mark.parametrize(
    "text",
    [
        "MODE := strict\ntest: MODE := lax\n",  # hunt 206's: the global value a reviewer reads
        "test: MODE := lax\nMODE := strict\n",
        "test: MODE := strict\ntest: MODE := lax\n",  # one target's value given twice
        "check test: MODE := strict\ntest lint: MODE := lax\n",  # test's value among both
        # (a default a definition follows: make keeps the later, a reviewer reads the default; both passed)
        "MODE ?= strict\n\ntest: MODE := lax\ntest:\n\t@echo $(MODE)\n",
        "MODE ?= strict\nMODE := lax\n",
    ],
)
def test_a_targets_value_given_again_is_refused(text: str) -> None:
    with pytest.raises(Refused, match="the variable MODE given again"):
        no_make_definition_twice("Makefile", text.encode())


SPHINX = 'project = "SLE CAR-T trials"\ncopyright = "2026, the curators"\nauthor = "the curators"\n'


@pytest.mark.parametrize("text", [SPHINX, 'license = "CC-BY-4.0"\ncredits = ()\n\n\ndef help():\n    return "usage"\n'])
def test_the_names_of_an_interactive_sessions_helpers_pass(text: str) -> None:
    no_name_bound_twice("docs/conf.py", text.encode())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("def sorted(items):\n    return []\n", "sorted"),  # hunt 206's
        ("def exit(code=0):\n    return None\n", "exit"),  # a script's `exit(2)` on a problem, then run on
        ("quit = print\n", "quit"),
    ],
)
def test_a_builtins_name_bound_by_a_module_is_refused(text: str, name: str) -> None:
    with pytest.raises(Refused, match=f"the builtin '{name}' bound by the module"):
        no_name_bound_twice(MODULE, text.encode())


def test_exit_and_quit_are_builtins_whether_or_not_site_has_run() -> None:
    assert {"exit", "quit"} <= BUILTINS


OWN = [
    "from sle_trials import record\n\n\ndef mark(record):\n    record.seen = True\n",
    "from sle_trials.reading import source\n\n\ndef mark(items):\n"
    "    for source in items:\n        source.seen = True\n",
    "from sle_trials import record\n\n\ndef mark(record):\n    setattr(record, 'seen', True)\n",
]


@pytest.mark.parametrize("text", OWN)
def test_an_attribute_of_a_functions_own_name_passes(text: str) -> None:
    no_name_bound_twice("scripts/sle_trials/cli.py", text.encode())


STRICT_IMPORTED = "from sle_trials.checks import strict\n\n\n"


@pytest.mark.parametrize(
    "body",
    [
        "def f():\n    strict.check = list\n",
        "def f(strict):\n    from sle_trials.checks import strict\n\n    strict.check = list\n",
        "def f():\n    global strict\n    strict.check = list\n",
        "def f(x):\n    def g():\n        strict.check = list\n\n    return g\n",
        "def f():\n    [0 for strict in ()]\n    strict.check = list\n",  # the comprehension's own strict
        "def f():\n    g = lambda strict: strict\n    strict.check = g\n",
    ],
)
def test_an_imported_names_attribute_bound_in_a_function_is_refused(body: str) -> None:
    with pytest.raises(Refused, match="`strict.check` binds a name of an imported module"):
        no_name_bound_twice("scripts/sle_trials/cli.py", (STRICT_IMPORTED + body).encode())


PATTERNS = "%.html: %.md\n\t@echo md $<\n%.html: %.rst\n\t@echo rst $<\n"
SAME_PATTERN = "%.html: %.md\n\t@echo first $<\n%.html:  %.md\n\t@echo second $<\n"


def test_two_pattern_rules_of_one_target_from_other_prerequisites_pass() -> None:
    no_make_definition_twice("Makefile", PATTERNS.encode())


def test_a_pattern_rule_given_again_from_the_same_prerequisites_is_refused() -> None:
    with pytest.raises(Refused, match="the recipe of %.html from %.md given again"):
        no_make_definition_twice("Makefile", SAME_PATTERN.encode())


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_keeps_pattern_rules_apart_by_their_prerequisites(tmp_path: Path) -> None:
    (tmp_path / "a.md").touch()
    (tmp_path / "b.rst").touch()
    (tmp_path / "Makefile").write_text(PATTERNS)
    made = subprocess.run(["make", "-s", "a.html", "b.html"], cwd=tmp_path, capture_output=True, text=True)
    assert made.stdout.split("\n")[:2] == ["md a.md", "rst b.rst"]
    (tmp_path / "Makefile").write_text(SAME_PATTERN)
    made = subprocess.run(["make", "-s", "a.html"], cwd=tmp_path, capture_output=True, text=True)
    assert made.stdout.strip() == "second a.md"


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_runs_a_target_with_its_own_value_past_a_default(tmp_path: Path) -> None:
    """The mechanism: the default a reviewer reads is not the value test's recipe runs with."""
    (tmp_path / "Makefile").write_text("MODE ?= strict\n\ntest: MODE := lax\ntest:\n\t@echo $(MODE)\n")
    made = subprocess.run(["make", "-s", "test"], cwd=tmp_path, capture_output=True, text=True)
    assert made.returncode == 0 and made.stdout == "lax\n", made.stderr


# A module reached by no import statement: by its name, through importlib or sys.modules (the review of hunt 206
# left these open; each passed the extraction, binding the checker's `check` from another module)
@pytest.mark.parametrize(
    "text",
    [
        'import importlib\n\nstrict = importlib.import_module("sle_trials.checks.strict")\nstrict.check = list\n',
        'import importlib\n\nimportlib.import_module("sle_trials.checks.strict").check = list\n',
        'import sys\n\nsys.modules["sle_trials.checks.strict"].check = list\n',
        'import sys\n\nsys.modules.get("sle_trials.checks.strict").check = list\n',
        'import importlib\n\nsetattr(importlib.import_module("sle_trials.checks.strict"), "check", list)\n',
        'def setup():\n    strict = __import__("sle_trials.checks.strict", fromlist=["check"])\n'
        "    strict.check = list\n",
    ],
)
def test_a_name_of_a_module_reached_by_its_name_bound_from_elsewhere_is_refused(text: str) -> None:
    with pytest.raises(Refused, match="binds"):
        no_name_bound_twice("scripts/sle_trials/outputs/site/__init__.py", text.encode())


@pytest.mark.parametrize(
    "text",
    [
        'import importlib\n\nCHECKS = importlib.import_module("sle_trials.checks.strict").CHECKS\n',  # read, not bound
        "import os\n\nos.environ['TZ'] = 'UTC'\n",  # an item of a mapping, no module's name
        "class Table:\n    def fill(self):\n        self.modules = {}\n        self.modules['a'] = 1\n",
    ],
)
def test_a_module_read_by_its_name_passes(text: str) -> None:
    no_name_bound_twice("scripts/sle_trials/outputs/site/__init__.py", text.encode())


def test_a_name_set_through_sys_modules_is_the_one_the_module_runs() -> None:
    """The mechanism: an attribute set through sys.modules is the module's own, for every later reader of it."""
    import sys
    import types

    strict = types.ModuleType("strict_for_the_test")
    strict.check = lambda: ["E501"]  # type: ignore[attr-defined]
    sys.modules["strict_for_the_test"] = strict
    try:
        sys.modules["strict_for_the_test"].check = list  # type: ignore[attr-defined]
        import strict_for_the_test  # type: ignore[import-not-found]

        assert strict_for_the_test.check() == []
    finally:
        del sys.modules["strict_for_the_test"]
