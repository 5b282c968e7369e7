"""A hostile review of the session's changes after 43739e4: patterns.lazy (a module's patterns compiled
on first use), evidence.stages and the mutation harness's reordering, and the eligibility readings
merged from helper-1 and helper-2. Each test reproduces a defect found, fixed in scripts/sle_trials/,
or holds a class of misuse the review looked for and found none of."""

from __future__ import annotations

import ast
import copy
import pickle
import re
import threading
from pathlib import Path

import pytest
import sle_trials
from sle_trials.patterns import lazy

PACKAGE = Path(sle_trials.__file__).parent


# -- patterns.lazy: a Lazy must answer every question re.compile's pattern answers, alike -------------------


def _fresh(flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return lazy(r"(?P<dose>\d+)\s*(mg|g)\b", flags)


@pytest.mark.parametrize("used", [False, True])
def test_a_lazy_pattern_pickles_as_a_compiled_one_does(used: bool) -> None:
    """A compiled Lazy held its compiled pattern in a closure (`self.compiled = lambda: compiled`), which
    pickle cannot send: a Lazy once used could not reach a worker process (spawned or forkserver workers
    pickle what they are sent), where re.compile's pattern pickles as its text and flags."""
    made = _fresh()
    if used:
        made.search("10 mg")
    back = pickle.loads(pickle.dumps(made, pickle.HIGHEST_PROTOCOL))
    assert back.pattern == made.pattern and back.flags == made.flags
    assert back.search("x 10 MG").group("dose") == "10"


def test_a_lazy_pattern_copies_as_itself() -> None:
    """copy.copy and copy.deepcopy give back a compiled pattern itself (re.Pattern.__copy__); a Lazy gave a
    new object, compiled again, so a record or a reading deep-copied with one held another pattern."""
    for used in (False, True):
        made = _fresh()
        if used:
            made.search("1 g")
        assert copy.copy(made) is made and copy.deepcopy(made) is made
        assert copy.deepcopy({"p": made})["p"] is made


def test_a_lazy_pattern_equals_the_compiled_pattern_of_its_text_and_flags() -> None:
    """re.compile(x, f) == re.compile(x, f), and they hash alike (a pattern as a key, in a set); two Lazy
    patterns of the same text and flags compared unequal, and a Lazy never equalled its compiled pattern."""
    one, other, compiled = _fresh(), _fresh(), re.compile(r"(?P<dose>\d+)\s*(mg|g)\b", re.IGNORECASE)
    assert one == other and one == compiled and compiled == one and hash(one) == hash(compiled)
    assert one != _fresh(0) and one != compiled.pattern and len({one, other, compiled}) == 1


def test_a_lazy_pattern_shows_as_the_compiled_one() -> None:
    assert repr(_fresh()) == repr(re.compile(r"(?P<dose>\d+)\s*(mg|g)\b", re.IGNORECASE))


def _used_at_once(made: re.Pattern[str], threads: int) -> set[tuple]:
    found: list[tuple] = []
    start = threading.Barrier(threads)

    def use() -> None:
        start.wait()
        found.append((made.flags, made.groups, made.search("x 20 mg").span()))  # type: ignore[union-attr]

    running = [threading.Thread(target=use) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    return set(found)


def test_a_lazy_pattern_used_by_many_threads_at_once_answers_each_alike() -> None:
    """Its first use swaps its class and sets its answers one by one: a thread between them still finds a
    whole pattern (an answer set, or __getattr__ compiling it again, to the same compiled pattern)."""
    for _ in range(50):
        assert _used_at_once(_fresh(), 8) == {(re.IGNORECASE | re.UNICODE, 2, (2, 7))}


def _lazy_names() -> set[str]:
    """The names the package binds to a pattern made with lazy() (a module's, or an attribute's)."""
    names = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = getattr(node, "value", None)
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(value, ast.Call):
                func = value.func
                if (func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")) == "lazy":
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    names |= {t.id if isinstance(t, ast.Name) else getattr(t, "attr", "") for t in targets}
    return names - {""}


def _misuses(source: str, names: set[str]) -> list[str]:
    """Where source hands one of names (patterns made with lazy()) to a function of re as its pattern,
    names re.Pattern as a value (an isinstance check), or holds a match's .re against a pattern by
    identity or membership."""
    bad = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
            first = node.args[0]
            name = first.id if isinstance(first, ast.Name) else getattr(first, "attr", "pattern")
            if getattr(node.func.value, "id", "") == "re" and name in names - {"pattern"}:
                bad.append(f"{line}: re.{node.func.attr} given a lazy pattern")
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "isinstance":
            if any("re.Pattern" in ast.unparse(arg) for arg in node.args[1:]):
                bad.append(f"{line}: isinstance of re.Pattern")
        if isinstance(node, ast.Compare) and any(
            isinstance(op, (ast.Is, ast.IsNot, ast.In, ast.NotIn)) for op in node.ops
        ):
            if any(isinstance(side, ast.Attribute) and side.attr == "re" for side in [node.left, *node.comparators]):
                bad.append(f"{line}: a match's .re held against a pattern by identity")
    return bad


def test_no_lazy_pattern_is_handed_where_only_a_compiled_pattern_will_do() -> None:
    """What a Lazy cannot be: an instance of re.Pattern (which Python lets no class extend), so re.sub,
    re.split, re.compile ... refuse it as their pattern ("first argument must be string or compiled
    pattern"), isinstance(x, re.Pattern) says no, and a match's .re is the compiled pattern, not the Lazy
    (prior_therapy's `found.re is RECEIVED` was never true, and compares the text now). No code of the
    package may do any of these with a pattern it made with lazy()."""
    names = _lazy_names()
    assert len(names) > 400  # the package's patterns were found
    planted = "X = lazy('a')\nre.sub(X, '', t)\nisinstance(X, (str, re.Pattern))\nm.re is X\nre.sub(X.pattern, '', t)\n"
    assert len(_misuses(planted, names | {"X"})) == 3  # the scan tells each misuse, and not the text's use
    bad = [
        f"{path.relative_to(PACKAGE)}:{where}"
        for path in PACKAGE.rglob("*.py")
        for where in _misuses(path.read_text(encoding="utf-8"), names)
    ]
    assert bad == [], "\n".join(bad)


# -- evidence.stages and the harness's reordering: a record's problems must not hang on its keys' order -----


# (was a strict xfail: context.Context.places_read counts the places of quotes read across the record's evidence
# keys in the mapping's order, and at PLACES_READ check_evidence yielded E530 and returned, so the problems
# besides E530 were those of the keys read first.) A record past the places read gets E530 alone from the
# evidence stage, whatever its keys' order
def test_a_record_past_the_places_read_gets_the_same_problems_whatever_its_keys_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import test_evidence_stages as stages
    from conftest import IM19_PATH
    from sle_trials.checks.binding import context

    monkeypatch.setattr(context, "PLACES_READ", 25)  # IM19's quotes stand in a few tens of places
    mutant = next(m for m in stages._one_mutant_a_kind(IM19_PATH) if m.kind == "enum" and m.path == "phases")
    forwards = {p.code for p in stages._problems(IM19_PATH, mutant.data, False)}
    backwards = {p.code for p in stages._problems(IM19_PATH, mutant.data, True)}
    assert "E530" in forwards and forwards == backwards


def test_every_kind_of_mistake_past_the_places_read_gets_the_same_problems_whatever_its_keys_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One mistake of each kind the harness makes of IM19 (about 80), in a record past the places read: its
    problems, found in the stages' and keys' order or the reverse, are the same problems (E530 alone from
    the evidence stage where its readings stopped short)."""
    import test_evidence_stages as stages
    from conftest import IM19_PATH
    from sle_trials.checks.binding import context
    from sle_trials.engine import pipeline

    monkeypatch.setattr(context, "PLACES_READ", 25)
    runs = pipeline.Checker(stages.DATA_ROOT), pipeline.Checker(stages.DATA_ROOT)
    differ = []
    stopped = 0
    for mutant in stages._one_mutant_a_kind(IM19_PATH):
        forwards = stages._problems(IM19_PATH, mutant.data, False, runs[0])
        backwards = stages._problems(IM19_PATH, mutant.data, True, runs[1])
        stopped += any(p.code == "E530" for p in forwards)
        if sorted(map(stages._key, forwards)) != sorted(map(stages._key, backwards)):
            differ.append(f"{mutant.kind} {mutant.path}")
    assert stopped > 50 and differ == []


# -- the eligibility readings merged from helper-1 and helper-2 ------------------------------------------------


class _Sliced(str):
    """A criterion's text that counts the characters its slices copy (`copied`)."""

    copied = 0

    def __getitem__(self, key):
        got = str.__getitem__(self, key)
        if isinstance(key, slice):
            _Sliced.copied += len(got)
        return got


@pytest.mark.parametrize("words", ["not due to ", "patients with anemia are eligible ", "if needed "])
def test_a_limit_s_exceptions_after_another_s_are_read_once(monkeypatch: pytest.MonkeyPatch, words: str) -> None:
    """scopes.required held each exception, permission or "if" after a limit (_CAUSE_EXCEPTION, _PERMISSION,
    CONDITION_START: matches by the thousand in a long sentence) against runs_on_from_another, which looked
    for a clause mark in the text from the nearest limit to the match (sliced, then searched): the whole
    sentence read once a match. "ALT > 3 x ULN, or AST > 3 x ULN not due to ..." of 80,000 characters took
    0.8 s a limit, four times as long at twice the length. Each limit's first mark is looked for once now."""
    from counted import scan_all
    from sle_trials.reading import scopes

    scans = scan_all(monkeypatch, scopes)
    head = "ALT > 3 x ULN, or AST > 3 x ULN "
    for n in (4_000, 40_000):
        text = _Sliced(head + words * (n // len(words)))
        _Sliced.copied = 0
        for scan in scans:
            scan.read = 0
        assert list(scopes.required((), text, 0, ">", ((0, 13), (18, 31)))) == []  # AST's words, not ALT's
        read = _Sliced.copied + sum(scan.read for scan in scans)
        assert read <= 60 * len(text), (n, read)


@pytest.mark.parametrize(
    "after",
    [
        "patients with lupus nephritis who are eligible for dialysis are excluded.",
        "subjects with hepatitis B infection who will be enrolled must take antivirals.",
        "patients with Gilbert syndrome that is eligible for treatment are excluded.",
        "participants on dialysis, which may be permitted elsewhere, are excluded.",
    ],
)
def test_a_verb_of_a_relative_clause_is_no_permission_of_a_limit(after: str) -> None:
    """_PERMISSION read "are eligible" or "will be enrolled" after a condition or a group as the words
    letting them in, though they stood in a relative clause of theirs ("patients with lupus nephritis who
    are eligible for dialysis are excluded"): the clause after a limit's semicolon was read as its
    exception, so the record had to give the limit that condition (E524) and one that gave it passed.
    Words of a relative clause (who, that, which, whom, whose) now end the words a permission reads."""
    from sle_trials.reading import scopes

    text = f"Proteinuria > 3 g/day; {after}"
    assert not scopes.lets_in_after(after)
    assert [r for r in scopes.required((), text, 0, ">", ((0, 21),)) if r.kind == "exception"] == []


@pytest.mark.parametrize(
    "after",
    [
        "patients with Gilbert syndrome are eligible.",
        "patients who have Gilbert syndrome are eligible.",
        "Gilbert syndrome is allowed.",
        "subjects with known Gilbert disease may be enrolled.",
    ],
)
def test_a_permission_after_a_limit_is_still_read(after: str) -> None:
    from sle_trials.reading import scopes

    text = f"Total bilirubin > 2 x ULN; {after}"
    assert scopes.lets_in_after(after)
    assert [r.kind for r in scopes.required((), text, 0, ">", ((0, 25),))] == ["exception"]


@pytest.mark.parametrize(
    "after",
    [
        "anemia not due to SLE is also excluded.",
        "patients with anemia not explained by SLE are excluded.",
        "thrombocytopenia unrelated to SLE is excluded.",
        "hepatitis that is not considered related to SLE excludes the patient.",
        "anemia is excluded except when due to SLE.",
    ],
)
def test_a_rule_of_its_own_after_a_limit_s_semicolon_is_no_exception_of_it(after: str) -> None:
    """lets_in_after read an exception of a cause (_CAUSE_EXCEPTION: a cause negated, "unless due to") or of
    a condition anywhere in the clause after a limit's semicolon: "Hemoglobin < 8 g/dL; anemia not due to SLE
    is also excluded" made the limit hold only for values not due to SLE, so a record had to give it that
    condition (E524) and one that gave it passed. The clause is the limit's exception where it opens with
    one ("; unless due to Gilbert's syndrome", "; except in patients with ..."); a permission may stand
    anywhere in it ("; patients with Gilbert's syndrome are eligible")."""
    from sle_trials.reading import scopes

    text = f"Hemoglobin < 8 g/dL; {after}"
    assert not scopes.lets_in_after(after)
    assert [r for r in scopes.required((), text, 0, "<", ((0, 19),)) if r.kind == "exception"] == []


@pytest.mark.parametrize(
    "after", ["unless due to Gilbert syndrome.", "except in patients with Gilbert syndrome.", "not due to hemolysis."]
)
def test_an_exception_opening_the_clause_after_a_limit_s_semicolon_is_still_read(after: str) -> None:
    from sle_trials.reading import scopes

    text = f"Total bilirubin > 2 x ULN; {after}"
    assert scopes.lets_in_after(after)
    assert [r.kind for r in scopes.required((), text, 0, ">", ((0, 25),))] == ["exception"]
