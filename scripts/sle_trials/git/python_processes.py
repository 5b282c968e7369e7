"""Python code that starts a process that may be a check, and drops its status (hunt 233).

The rules of a check's status (git/status_dropped.py, git/status_in_text.py) read the lines a shell runs and the text
given another program on them; a Python file a line runs by its path was read by none: `.venv/bin/python .ci/run.py`
in .ci/run, with .ci/run.py holding `import subprocess; subprocess.run(['make', 'test'])`, ran the check, ended with
Python's status 0 over a failing suite, and passed the extraction (exit 0). So a Python source of the code (any but
the tests', which pytest runs as checks of their own) may start a process that may be a check (its program a check's,
a shell's, Python's or one built as it runs: `[trials, "check"]`) only with its status kept: `check=True`,
`check_call`, `check_output`, an `exec` (the process's status is the child's), or the value returned, compared,
asserted, tested or given to `sys.exit`, directly or by a name bound to it (`proc.returncode`, `proc.wait()`).
A check run in the process, whose status is the value it returns (`pytest.main([...])`, mypy's `api.run`, the
package's `sle_trials.cli.main`), is held so too: `pytest.main(['-q'])` alone in a script CI runs passed (exit 0).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from sle_trials import files
from sle_trials.git.built_commands import CHECK_NAMED, PYTHON
from sle_trials.git.built_names import constants_of, text_of
from sle_trials.git.code_text import python_tree
from sle_trials.git.refusal import Refused
from sle_trials.patterns import lazy

# a program that may be a check, or run one: a check's, a shell's, Python's, a wrapper's
_CHECKS = frozenset(("make", "gmake", "pytest", "py.test", "trials", "ruff", "mypy"))
_RUNNERS = frozenset(
    ("sh", "bash", "dash", "zsh", "ksh", "env", "exec", "command", "xargs", "find", "time", "nice", "nohup", "sudo",
     "timeout", "stdbuf", "setsid", "busybox", "script", "expect", "perl", "ruby", "node", "awk", "gawk", "sed")
)  # fmt: skip
_CHECK_WORD = lazy(CHECK_NAMED + r"|[$`]")
# the calls that start a process: (module, function); `None` module: any object's method so named
_SUBPROCESS = frozenset(("run", "call", "Popen", "check_call", "check_output", "getoutput", "getstatusoutput"))
_KEEPING = frozenset(("check_call", "check_output"))
_OS = frozenset(("system", "popen", "posix_spawn", "posix_spawnp", "spawnl", "spawnle", "spawnlp", "spawnlpe",
                 "spawnv", "spawnve", "spawnvp", "spawnvpe"))  # fmt: skip
_MODULES = frozenset(("subprocess", "os", "pty", "asyncio", "pytest", "mypy", "mypy.api", "sle_trials.cli"))
# the checks a Python source runs in its own process (`pytest.main([...])`, mypy's `api.run`, the package's `main`),
# whose status is the value they return: dropped, the script ends with 0 over a failing check (hunt 233)
_IN_PROCESS = frozenset(("pytest.main", "mypy.api.run", "sle_trials.cli.main"))
_IN_PROCESS_IMPORTED = frozenset((("pytest", "main"), ("mypy", "run"), ("mypy.api", "run"), ("sle_trials.cli", "main")))
_RUN_IN_PROCESS = frozenset(("", f"{module}.{name}") for module, name in _IN_PROCESS_IMPORTED)
# the calls that replace the process by the one they start, whose status is then its own
_EXECS = frozenset(("execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp", "execvpe"))
_SHELLED = frozenset(("system", "popen", "getoutput", "getstatusoutput"))
_EXITING = frozenset(("exit", "_exit"))
# what reads a started process's status
_STATUS = frozenset(("returncode", "wait", "poll", "check_returncode"))


def _imported(tree: ast.AST) -> dict[str, tuple[str, str]]:
    """The names a source binds by importing a function that starts a process (`from subprocess import run as r`), and
    the modules it imports by another name (`import subprocess as sp`): name -> (module, function or "")."""
    out: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in _MODULES:
            for alias in node.names:
                out[alias.asname or alias.name] = (node.module, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in _MODULES:
                    out[alias.asname or alias.name] = (alias.name, "")
    return out


def _called(node: ast.Call, imported: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(module's name, function's name) of a call that starts a process (`subprocess.run`, `os.system`, a name
    imported from them: `run`, `Popen`), or None."""
    func = node.func
    if ast.unparse(func) in _IN_PROCESS:
        return "", ast.unparse(func)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        module, name = imported.get(func.value.id, (func.value.id, ""))[0], func.attr
    elif isinstance(func, ast.Name) and func.id in imported:
        module, name = imported[func.id]
    else:
        return None
    if module == "subprocess" and name in _SUBPROCESS:
        return module, name
    if module == "os" and (name in _OS or name in _EXECS):
        return module, name
    if module in ("pty", "asyncio") and name in ("spawn", "create_subprocess_exec", "create_subprocess_shell"):
        return module, name
    if (module, name) in _IN_PROCESS_IMPORTED:
        return "", f"{module}.{name}"  # (a check run in the process, whose status is the value it returns)
    return None


def _may_be_a_check(node: ast.Call, name: str, constants: dict[str, str]) -> bool:
    """Whether a process started may be a check: its program is a check's, a runner's or built as the code runs."""
    given = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "args"), None)
    if given is None:
        return True
    shell = (
        name in _SHELLED
        or name.endswith("shell")
        or any(
            k.arg == "shell" and not (isinstance(k.value, ast.Constant) and not k.value.value) for k in node.keywords
        )
    )
    if isinstance(given, (ast.List, ast.Tuple)):
        given = given.elts[0] if given.elts else None
        if given is None:
            return False
        if isinstance(given, ast.Starred):
            return True
    text = text_of(given, constants)
    if text is None:
        return True
    if shell:
        return _CHECK_WORD.search(text) is not None
    program = text.split()[0].rsplit("/", 1)[-1] if text.split() else ""
    return program in _CHECKS or program in _RUNNERS or PYTHON.fullmatch(program) is not None


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}


def _status_used(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether an expression's value (a status, or a process whose status is read) reaches what decides the code's
    outcome: a `return`, a comparison, an `assert`, a test (`if`, `while`, `not`, a boolean operator's operand),
    `raise`, or an exit's argument (`sys.exit(...)`, `SystemExit(...)`), through its status's attributes alone
    (`.returncode`, `.wait()`)."""
    at = node
    while at in parents:
        parent = parents[at]
        if isinstance(parent, (ast.Return, ast.Compare, ast.Assert, ast.Raise, ast.UnaryOp, ast.BoolOp)):
            return True
        if isinstance(parent, (ast.If, ast.While, ast.IfExp)):
            return parent.test is at
        if isinstance(parent, ast.Call) and at is not parent.func:
            func = parent.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            return called in _EXITING or called == "SystemExit"
        if isinstance(parent, ast.Attribute) and parent.attr not in _STATUS:
            return False
        if not isinstance(parent, (ast.Attribute, ast.Await, ast.Call, ast.Tuple, ast.List)):
            return False
        at = parent
    return False


_CATCHING = frozenset(("CalledProcessError", "SubprocessError", "Exception", "BaseException", "OSError", "SystemExit"))


def _swallowed(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether a node stands in a `try` body one of whose handlers catches a failed process's error (or any) and
    raises nothing, or in `with contextlib.suppress(...)`: the check's failure passes."""
    at = node
    while at in parents:
        parent = parents[at]
        if isinstance(parent, ast.Try) and at in parent.body:
            for handler in parent.handlers:
                caught = {part.attr if isinstance(part, ast.Attribute) else part.id
                          for part in ast.walk(handler.type) if isinstance(part, (ast.Name, ast.Attribute))
                          } if handler.type is not None else {"BaseException"}  # fmt: skip
                if caught & _CATCHING and not any(isinstance(inner, ast.Raise) for inner in ast.walk(handler)):
                    return True
        if isinstance(parent, (ast.With, ast.AsyncWith)) and at in parent.body:
            if any("suppress" in ast.unparse(item.context_expr) for item in parent.items):
                return True
        at = parent
    return False


def _kept(call: ast.Call, module: str, name: str, tree: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether the status of a process started is kept (the module's docstring says how)."""
    return not _swallowed(call, parents) and _status_read(call, module, name, tree, parents)


def _status_read(call: ast.Call, module: str, name: str, tree: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether a process's status is read: checked by its call, or its value's used (_status_used)."""
    if name in _KEEPING or (module == "os" and name in _EXECS):
        return True
    if any(k.arg == "check" and isinstance(k.value, ast.Constant) and k.value.value is True for k in call.keywords):
        return True
    if _status_used(call, parents):
        return True
    # a name bound to it (`proc = subprocess.Popen(...)`, `with Popen(...) as proc`), whose status is read so
    parent = parents.get(call)
    bound: str | None = None
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
        bound = parent.targets[0].id
    elif isinstance(parent, ast.withitem) and isinstance(parent.optional_vars, ast.Name):
        bound = parent.optional_vars.id
    elif isinstance(parent, (ast.AnnAssign, ast.NamedExpr)) and isinstance(parent.target, ast.Name):
        bound = parent.target.id
    if bound is None:
        return False
    scope = _scope(call, parents) or tree
    return any(
        isinstance(used, ast.Name)
        and used.id == bound
        and isinstance(used.ctx, ast.Load)
        and _status_used(used, parents)
        for used in ast.walk(scope)
    )


def _scope(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> ast.AST | None:
    """The function (or lambda) that holds a node, or None (the module)."""
    at = parents.get(node)
    while at is not None and not isinstance(at, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        at = parents.get(at)
    return at


def dropped_checks(tree: ast.AST) -> Iterator[ast.Call]:
    """The calls of a Python tree that start a process that may be a check, whose status it drops."""
    constants = constants_of(list(ast.walk(tree)))
    parents = _parents(tree)
    imported = _imported(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        called = _called(node, imported)
        if called is None or (called[0] and not _may_be_a_check(node, called[1], constants)):
            continue
        if not _kept(node, *called, tree, parents):
            yield node


def no_check_started_with_its_status_dropped(path: str, data: bytes | None) -> None:
    """Refused: a Python source of the code (not a test's) starting a process that may be a check, whose status it
    drops (the module's docstring says why)."""
    if (
        data is None
        or path.startswith("tests/")
        or not any(word in data for word in (b"subprocess", b"os", b"pty", b"pytest", b"mypy", b"sle_trials"))
    ):
        return
    tree = python_tree(data)
    if tree is None:
        return
    for call in dropped_checks(tree):
        if ast.unparse(call.func) in _IN_PROCESS or _called(call, _imported(tree)) in _RUN_IN_PROCESS:
            shown = files.printable(ast.unparse(call.func))
            raise Refused(
                f"{files.shown(path)} line {call.lineno}: a check run in the process (`{shown}`), whose status (the "
                "value it returns) the code drops (a failing check passes); return it, or give it to sys.exit"
            )
        raise Refused(
            f"{files.shown(path)} line {call.lineno}: a process started that may be a check (`"
            f"{files.printable(ast.unparse(call.func))}`), whose status the code drops (a failing check passes); give "
            "it check=True, or return or compare its returncode"
        )
