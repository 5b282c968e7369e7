"""The checks match the same on every Python the package runs on (requires-python >= 3.11).

Before 3.11.5, Python matched possessive quantifiers and atomic groups wrongly where what they hold
can backtrack (CPython gh-106052, gh-100061). Debian 12's python3 is 3.11.2, and on it a record
leaving out "3 doses iguratimod" passed E525: binding's dose pattern, `(?:\\s+(?:po|iv|...))*+\\s+(\\w+)`,
found no word after "3 doses" at all. So no pattern the package compiles may hold either, and
patterns.atomic gives the same match, built from a lookahead, on every version.
"""

from __future__ import annotations

import ast
import itertools
import json
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

# re's own parser, which compiles every pattern: a possessive quantifier or an atomic group is an
# opcode of its tree, however the pattern was written or built
from re import _constants as opcodes  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

import pytest
import sle_trials
from conftest import REPO, copy_registry
from sle_trials.patterns import atomic, lazy

PACKAGE = Path(sle_trials.__file__).parent


def _unportable(tree: list) -> bool:
    """Whether a parsed pattern holds a possessive quantifier or an atomic group, at any depth."""
    for op, arg in tree:
        if op in (opcodes.POSSESSIVE_REPEAT, opcodes.ATOMIC_GROUP):
            return True
        if op in (opcodes.MAX_REPEAT, opcodes.MIN_REPEAT):
            inner = [arg[2]]
        elif op == opcodes.SUBPATTERN:
            inner = [arg[3]]
        elif op == opcodes.BRANCH:
            inner = list(arg[1])
        elif op in (opcodes.ASSERT, opcodes.ASSERT_NOT):
            inner = [arg[1]]
        elif op == opcodes.GROUPREF_EXISTS:
            inner = [arg[1]] + ([arg[2]] if arg[2] else [])
        else:
            inner = []
        if any(_unportable(list(part)) for part in inner):
            return True
    return False


def unportable(pattern: str, flags: int = 0) -> bool:
    return _unportable(list(parser.parse(pattern, flags)))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:\s+(?:po|iv))*+\s+(\w+)", True),
        (r"[ ]*+[-?:][ ]++[-?:]", True),
        (r"(?:\s*[\w-]++){0,2}\Z", True),
        (r"x(?:a|(?:b|c?+))", True),
        (r"(?=a(?>bc|b)c)", True),
        (r"(?i)(?:of|with)\s+(?:(?:a|an)\s+)*[^\W\d_]", False),
        (r"[*+]+\++", False),  # a plus sign, escaped or in a class, quantified: no possessive
        (atomic(r"(?:\s+(?:po|iv))*", "manner") + r"\s+(\w+)", False),
    ],
)
def test_the_reading_finds_a_possessive_quantifier_or_an_atomic_group_at_any_depth(
    pattern: str, expected: bool
) -> None:
    assert unportable(pattern) is expected


# Every pattern compiled while the package's modules are imported and the registry is checked
# whole with no cache: the module-level ones, the ones built from pieces ("|".join of a word list),
# and those compiled as the checks run. In a process of its own, which re's cache has not seen.
_SPY = """
import importlib, json, pkgutil, re, sys
seen = {}
compile = re._compile
def spy(pattern, flags):
    if isinstance(pattern, str):
        frame = sys._getframe(1)
        while frame is not None and frame.f_globals.get("__name__", "").startswith("re"):
            frame = frame.f_back
        where = frame.f_globals.get("__name__", "?") if frame is not None else "?"
        seen.setdefault(json.dumps([pattern, int(flags)]), where)
    return compile(pattern, flags)
re._compile = spy
import gc
import sle_trials
from sle_trials.patterns import Lazy
for module in pkgutil.walk_packages(sle_trials.__path__, "sle_trials."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
# a module's patterns compile when first used (patterns.lazy): compile every one, used or not
lazies = [obj for obj in gc.get_objects() if isinstance(obj, Lazy)]
for pattern in lazies:
    pattern.compiled()
from sle_trials.cli import main
code = main(["check", "--no-cache", "--root", sys.argv[1]])
print(json.dumps({"code": code, "lazy": len(lazies), "seen": [[*json.loads(k), v] for k, v in seen.items()]}))
"""


def test_no_pattern_the_package_compiles_holds_a_possessive_quantifier_or_an_atomic_group(tmp_path: Path) -> None:
    root = copy_registry(tmp_path / "registry")
    run = subprocess.run(
        [sys.executable, "-c", _SPY, str(root)], capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout.splitlines()[-1])
    assert found["code"] == 0
    ours = [(pattern, flags, where) for pattern, flags, where in found["seen"] if where.startswith("sle_trials")]
    assert len(ours) > 600  # the spy saw the package's patterns (about 800)
    assert found["lazy"] > 500  # and the lazy ones among them (about 600)
    bad = [f"{where}: {pattern[:80]}" for pattern, flags, where in ours if unportable(pattern, flags)]
    assert bad == [], "\n".join(bad)


def test_no_literal_in_the_package_is_a_pattern_with_a_possessive_quantifier_or_an_atomic_group() -> None:
    """... nor one in code the check above does not run (an importer's, the site's): every string
    literal of the package that parses as a pattern."""
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                try:
                    with warnings.catch_warnings():  # a text's "[[" is a nested set to come, to re
                        warnings.simplefilter("ignore", FutureWarning)
                        parsed = list(parser.parse(node.value, 0))
                except (re.error, RecursionError, OverflowError):
                    continue  # no pattern, or a piece of one
                if _unportable(parsed):
                    bad.append(f"{path.relative_to(REPO)}:{node.lineno}: {node.value[:80]}")
    assert bad == [], "\n".join(bad)


# Patterns that backtrack into what the atomic group holds unless it is atomic: (body, what follows)
_BODIES = [
    (r"[ab]*", r"b"),  # gives back a "b" unless atomic
    (r"(?:ab?c)*", r"a"),  # the body of CPython gh-106052
    (r"(?:\s+(?:a|ab))*", r"\s+(b\w*)"),  # words of manner, then a word (the shape binding._UNIT_THEN_WORD had)
    (r"(?:\s*[\w-]+){0,2}", r"\s*[b,]"),  # enumeration._TERM_GAP's
    (r"[ ]*[0-9.]*", r"[^ ]"),  # markup._ELSEWHERE's shape
]


@pytest.mark.parametrize(("body", "after"), _BODIES)
def test_atomic_keeps_the_first_match_of_its_body_and_gives_none_of_it_back(body: str, after: str) -> None:
    """What an atomic group means, worked out without one: the body's first match where it starts
    (the one the engine tries first), then what follows matched right after it, never a shorter
    body. Every text of up to 6 characters from the letters the patterns read."""
    whole = re.compile(atomic(body, "run") + after)
    first, rest = re.compile(body), re.compile(after)
    backtracked = 0
    for size in range(7):
        for letters in itertools.product("abc ,1", repeat=size):
            text = "".join(letters)
            kept = first.match(text)
            expected = rest.match(text, kept.end()) if kept else None
            found = whole.match(text)
            assert (found and (found.end(), found.groups()[1:])) == (
                expected and (expected.end(), expected.groups())
            ), text
            backtracked += re.match(f"(?:{body}){after}", text) is not None and expected is None
    assert backtracked  # texts where a group that gives back would have matched: the test can tell


def test_a_lazy_pattern_answers_as_the_compiled_one_and_compiles_when_first_used() -> None:
    """patterns.lazy: a module's pattern, compiled on its first use. Its text is there uncompiled (the
    patterns built from pieces read it); every answer is the compiled pattern's; once compiled it is
    a Lazy no longer standing in the way of a lookup (no __getattr__), and compiles only once."""
    text = r"(?P<dose>\d+)\s*(mg|g)\b"
    made: Any = lazy(text, re.IGNORECASE)  # a Lazy, typed as the compiled pattern it stands for
    assert type(made).__name__ == "_Uncompiled" and made.pattern == text and "compiled" not in vars(made)
    same = re.compile(text, re.IGNORECASE)
    assert made.flags == same.flags and made.groups == same.groups and made.groupindex == same.groupindex
    assert type(made).__name__ == "Lazy" and not hasattr(type(made), "__getattr__")
    words = "10 MG then 2 g, 3 kg"
    assert [m.span() for m in made.finditer(words)] == [m.span() for m in same.finditer(words)]
    assert made.sub(r"\g<dose>", words) == same.sub(r"\g<dose>", words)
    assert made.search(words, 3) is not None and made.match(words).group("dose") == "10"
    assert (
        made.fullmatch("5mg") and made.findall(words) == same.findall(words) and made.split(words) == same.split(words)
    )
    assert made.compiled() is made.compiled()
    raw = lazy(rb"\r(?!\n)")
    assert raw.sub(b"", b"a\rb\r\n") == b"ab\r\n"


def test_importing_the_package_compiles_few_of_its_patterns() -> None:
    """A one-file check took 0.57 s of which 278 ms were the package's 790 patterns compiled as its
    modules were imported, where a record uses about 300 of them: a module's patterns are lazy now.
    A pattern made at import with re.compile (a module's, or a function's a module calls as it is
    read) is compiled by every `trials` process and by each the tests start; the package's own,
    counted in a process of its own, are a handful (about 15, ruamel's resolver's among them)."""
    code = (
        "import importlib, pkgutil, sys, re._compiler as rc\n"
        "real, seen = rc.compile, []\n"
        "def spy(p, flags=0):\n"
        "    frame = sys._getframe(1)\n"
        "    while frame.f_globals.get('__name__', '').startswith('re'):\n"
        "        frame = frame.f_back\n"
        "    seen.append(frame.f_globals.get('__name__', ''))\n"
        "    return real(p, flags)\n"
        "rc.compile = spy\n"
        "import sle_trials\n"
        "for m in pkgutil.walk_packages(sle_trials.__path__, 'sle_trials.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "print(sum(name.startswith('sle_trials') for name in seen), len(seen))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert run.returncode == 0, run.stderr
    ours, everyone = map(int, run.stdout.split())
    assert everyone > 100  # the spy saw the libraries' patterns compiled
    assert ours <= 25, f"{ours} patterns compiled at import; make a module's pattern with patterns.lazy"


# Every pattern the package's modules build, in a process of its own with a hash seed of its own: the
# text of each module-level pattern (patterns.lazy) and of each Lazy it holds.
_BUILT = """
import gc, importlib, json, pkgutil
import sle_trials
from sle_trials.patterns import Lazy
for module in pkgutil.walk_packages(sle_trials.__path__, "sle_trials."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
print(json.dumps(sorted(str(obj.compiled().pattern) for obj in gc.get_objects() if isinstance(obj, Lazy))))
"""


def test_every_pattern_the_package_builds_is_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    """A pattern built by iterating a set of strings ("|".join(... for form in {label, label.lower()})) takes
    its alternatives in the order of the strings' hashes, which Python seeds anew in each process: the same
    registry was checked with other patterns on every run, and where alternatives overlap one may match
    first in one run and another in the next (the sex labels' lookbehinds were so built until 2026-12-06)."""
    built = [
        subprocess.run(
            [sys.executable, "-c", _BUILT],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    patterns = json.loads(built[0])
    assert len(patterns) > 500  # the package's lazy patterns (about 600)
    assert built[0] == built[1], [p[:120] for p in set(patterns) ^ set(json.loads(built[1]))]
