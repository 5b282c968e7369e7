"""Compiled patterns kept between runs (engine/compiled_patterns.py): each read back is the pattern
re.compile makes of its text; a row this clone did not write, or another interpreter's, is compiled
again; and a re-check after one edit compiles none of the patterns an earlier run kept, with the
same verdict."""

from __future__ import annotations

import base64
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_registry
from sle_trials.engine import cache, compiled_patterns
from sle_trials.engine.compiled_patterns import CompiledPatterns

IM19 = "trials/NCT06513429.yaml"


# The package's patterns: each module's, and those its checks of the registry build as they run. In a
# process of its own: a test worker's modules may have been imported again by other tests.
_EVERY = """
import base64, gc, importlib, json, pkgutil, sys
import sle_trials
from sle_trials import cli
from sle_trials.patterns import Lazy
for module in pkgutil.walk_packages(sle_trials.__path__, "sle_trials."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
assert cli.main(["check", "--no-cache", "--root", sys.argv[1]]) == 0
found = {(obj.pattern, int(obj.given)) for obj in gc.get_objects() if isinstance(obj, Lazy)}
said = lambda p: p if isinstance(p, str) else {"bytes": base64.b64encode(p).decode()}
print(json.dumps([[said(p), f] for p, f in found]))
"""


def every_pattern(root: Path) -> list[tuple[str | bytes, int]]:
    run = subprocess.run([sys.executable, "-c", _EVERY, str(root)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout.splitlines()[-1])
    return [(p if isinstance(p, str) else base64.b64decode(p["bytes"]), flags) for p, flags in found]


def opened(root: Path) -> CompiledPatterns:
    store = cache.Cache(root)
    store.belong_to("a run's fingerprint")  # patterns are not bound to it
    return CompiledPatterns(store)


def kept(root: Path, texts: list[tuple[str | bytes, int]]) -> None:
    """A run that compiles texts and keeps them."""
    run = opened(root)
    for pattern, flags in texts:
        run.compile(pattern, flags)
    run.keep()
    run.store.close()


@pytest.fixture
def compiled_again(monkeypatch) -> list[str | bytes]:
    """The patterns compiled by Python's compiler (not read back) from here on."""
    made: list[str | bytes] = []
    real = compiled_patterns._made

    def counted(pattern: str | bytes, flags: int):
        made.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(compiled_patterns, "_made", counted)
    return made


def rows(root: Path) -> list[tuple[bytes, bytes, bytes]]:
    place = cache.place(root)
    assert place is not None
    with sqlite3.connect(place) as db:
        return db.execute("SELECT name, body, mac FROM pattern").fetchall()


def test_every_pattern_read_back_is_the_pattern_re_compile_makes(tmp_path: Path, compiled_again: list) -> None:
    root = copy_registry(tmp_path / "registry")
    texts = every_pattern(root)
    assert len(texts) > 600  # the package's lazy patterns, and those its checks build (about 800)
    kept(root, texts)
    assert len(compiled_again) == len(texts)
    compiled_again.clear()
    run = opened(root)
    for pattern, flags in texts:
        made, expected = run.compile(pattern, flags), re.compile(pattern, flags)
        # a compiled pattern equals another when its text, flags and the engine's code are the same
        assert made == expected, pattern[:80]
        assert (made.groups, made.groupindex) == (expected.groups, expected.groupindex), pattern[:80]
    assert compiled_again == []  # every one read back


A = r"(?P<dose>\d+(?:\.\d+)?)\s*(?:mg|g)\b"
B = r"(?i)\bcohort\s+(?P<number>[0-9]+)"


def test_a_row_this_clone_did_not_write_is_compiled_again(tmp_path: Path, compiled_again: list) -> None:
    root = copy_registry(tmp_path / "registry")
    kept(root, [(A, 0), (B, 0)])
    place = cache.place(root)
    assert place is not None
    by_name = {name: (body, mac) for name, body, mac in rows(root)}
    a, b = compiled_patterns.name(A, 0), compiled_patterns.name(B, 0)

    def changed(update: str, *args: object) -> None:
        with sqlite3.connect(place) as db:
            db.execute(update, args)
        compiled_again.clear()
        run = opened(root)
        assert run.compile(A, 0) == re.compile(A)
        assert compiled_again == [A], f"{update}: a row that does not verify is compiled again"

    body, mac = by_name[b]  # another pattern's body and MAC, which name the other pattern
    changed("UPDATE pattern SET body = ?, mac = ? WHERE name = ?", body, mac, a)
    body, mac = by_name[a]
    changed(
        "UPDATE pattern SET body = ?, mac = ? WHERE name = ?", body[:-4] + bytes([body[-4] ^ 1]) + body[-3:], mac, a
    )
    changed("UPDATE pattern SET body = ?, mac = ? WHERE name = ?", body.replace(b'"dose"', b'"dase"'), mac, a)
    with sqlite3.connect(place) as db:  # as written: read back
        db.execute("UPDATE pattern SET body = ?, mac = ? WHERE name = ?", (body, mac, a))
    compiled_again.clear()
    assert opened(root).compile(A, 0) == re.compile(A) and compiled_again == []
    (place.parent / cache.KEY).write_bytes(b"\1" * cache.KEY_BYTES)  # another clone's key
    assert opened(root).compile(A, 0) == re.compile(A) and compiled_again == [A]


def test_code_the_engine_refuses_is_compiled_again(tmp_path: Path, compiled_again: list) -> None:
    """A row that verifies but whose code the regex engine's validator refuses (never one written by
    this module; a damaged writer's) is no pattern: it is compiled anew, never run."""
    root = copy_registry(tmp_path / "registry")
    kept(root, [(A, 0)])
    name = compiled_patterns.name(A, 0)
    (body,) = [body for n, body, _ in rows(root) if n == name]
    head = 4 + int.from_bytes(body[:4], "little")
    for code in (b"\xff\xff\0\0" * 3, b"", body[head:-4]):  # an opcode that is none; no code; cut short
        damaged = body[:head] + code
        run = opened(root)
        run.store.put_compiled({name: damaged}, compiled_patterns.INTERPRETER)
        run.store.close()
        compiled_again.clear()
        assert opened(root).compile(A, 0) == re.compile(A) and compiled_again == [A], code


def test_another_interpreters_patterns_are_neither_read_nor_kept(
    tmp_path: Path, compiled_again: list, monkeypatch
) -> None:
    root = copy_registry(tmp_path / "registry")
    with monkeypatch.context() as other:
        other.setattr(compiled_patterns, "INTERPRETER", "3.11.4 (main) [GCC 12.2.0]\0" + compiled_patterns.INTERPRETER)
        kept(root, [(A, 0), (B, 0)])
    compiled_again.clear()
    kept(root, [(A, 0)])
    assert compiled_again == [A]
    assert [name for name, _, _ in rows(root)] == [compiled_patterns.name(A, 0)]


def test_the_patterns_kept_are_bounded(tmp_path: Path, monkeypatch) -> None:
    root = copy_registry(tmp_path / "registry")
    monkeypatch.setattr(cache, "MAX_PATTERNS", 3)
    kept(root, [(A, 0), (B, 0)])
    kept(root, [(A, re.IGNORECASE), (B, re.MULTILINE)])  # 4 > 3: the table starts again
    assert sorted(name for name, _, _ in rows(root)) == sorted(
        [compiled_patterns.name(A, re.IGNORECASE), compiled_patterns.name(B, re.MULTILINE)]
    )


def test_without_cpythons_compiler_re_compile_compiles_and_nothing_is_kept(tmp_path: Path, monkeypatch) -> None:
    root = copy_registry(tmp_path / "registry")
    monkeypatch.setattr(compiled_patterns, "_USABLE", False)
    monkeypatch.setattr(compiled_patterns, "_made", None)  # never called
    kept(root, [(A, 0)])
    place = cache.place(root)
    assert place is not None and not place.exists()


# A re-check in a process of its own, as a curator's editor or the pre-commit hook runs it: the
# patterns compiled by Python's compiler are counted.
_RUN = """
import json, sys
from sle_trials import cli
from sle_trials.engine import compiled_patterns
made = []
real = compiled_patterns._made
def counted(pattern, flags):
    made.append(1)
    return real(pattern, flags)
compiled_patterns._made = counted
code = cli.main(sys.argv[1:])
print(json.dumps({"code": code, "compiled": len(made)}))
"""


def _validate(root: Path, *args: str) -> tuple[dict, str]:
    run = subprocess.run(
        [sys.executable, "-c", _RUN, "validate", *args, IM19],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=300,
    )
    assert run.stdout, run.stderr
    *said, last = run.stdout.splitlines()
    return json.loads(last), "\n".join(said) + run.stderr


def test_a_re_check_after_one_edit_compiles_no_pattern_again_and_finds_the_same(tmp_path: Path) -> None:
    root = copy_registry(tmp_path / "registry")
    ran, _ = _validate(root, "--no-cache")
    assert ran == {"code": 0, "compiled": 0}  # without the cache, re.compile compiles them all
    place = cache.place(root)
    assert place is not None and not place.exists()
    ran, _ = _validate(root)
    assert ran["code"] == 0 and ran["compiled"] > 200  # the first run compiles and keeps them
    file = root / IM19
    file.write_text(file.read_text(encoding="utf-8").replace("  count: 6\n", "  count: 7\n"), encoding="utf-8")
    again, said = _validate(root)
    assert again == {"code": 1, "compiled": 0}
    assert "E508 enrollment.count: 7 is not the number of participants" in said
    fresh, said_fresh = _validate(root, "--no-cache")  # the same verdict from patterns compiled anew
    assert fresh["code"] == 1 and said_fresh == said
