"""Files a Python text or source writes outside the tree, where a check's name may find a program (hunt 233).

git/program_writes.py reads the files a shell's commands write (`cp`, `ln`, `tee`, a redirection). Another
language's code writes as well: `python3 -c "open('/usr/local/bin/python3.12', 'w').write(...)"` then `make
PYTHON=python3.12 test` in .ci/run, and `shutil.copy('tools/fake', shutil.which('make'))` in a Python script CI runs,
wrote the program a check's name then ran, and passed the extraction (exit 0). So a Python text given on a line (`-c`,
a here-document) may write only where its words say, in the tree or /tmp (a destination it builds as it runs is
refused: its words are all a reviewer reads), and a Python source of the code may not write a literal
path outside the tree, nor one built from where programs are found (`shutil.which`, `sys.executable`, the home
folder, the environment, the interpreter's prefix). A script writing where it is told (`--dir`, a temporary folder)
passes: what it is told is a line's word, read where that line runs it (git/program_writes.py).

Nor may either write over the tree's code (code_of_the_tree: a Python source, a makefile, a settings file, a file of
.venv/, .ci/, .github/, tests/, scripts/, schema/): `python3 -c "open('Makefile', 'w').write('test:\\n\\ttrue\\n')"`
then `make test` passed (exit 0), the makefile make ran being none a review showed; git/program_writes.py holds a
shell's writes, removals and in-place edits so. The tests' modules are held too: a test writing
`.venv/bin/ruff` runs before CI's ruff; one built from the test's own location (`Path(__file__).resolve().parents[1]
.joinpath('.venv/bin/ruff')`) is read as the tree's path it names, and a destination whose literal start is outside
(`'/usr/local/' + x`) is refused whatever is joined after (hunt 238: each passed)."""

from __future__ import annotations

import ast
import posixpath
from collections.abc import Iterator

from sle_trials import files
from sle_trials.git.built_names import constants_of, text_of
from sle_trials.git.code_text import python_tree
from sle_trials.git.refusal import Refused
from sle_trials.patterns import lazy

_OPENERS = frozenset(("open", "io.open", "codecs.open", "os.open", "builtins.open"))
# (a method of a path: the path its object names is written), and the functions whose last positional argument
# (or `dst`) is where they write
_PATH_WRITERS = frozenset(("write_text", "write_bytes", "touch", "symlink_to", "hardlink_to", "mkdir", "chmod"))
_PATH_MOVES = frozenset(("rename", "replace"))  # (`path.rename(target)`)
_COPIERS = frozenset(
    ("copy", "copy2", "copyfile", "copytree", "move", "copymode", "copystat", "rename", "replace", "symlink", "link",
     "renames", "urlretrieve", "extractall", "extract", "unpack_archive")
)  # fmt: skip
# what a destination built from the places programs are found names
_FOUND = frozenset(("which", "executable", "expanduser", "home", "environ", "getenv", "prefix", "base_prefix",
                    "exec_prefix", "get_path", "get_paths", "getsitepackages", "getusersitepackages", "USER_BASE",
                    "USER_SITE", "expandvars", "gettempdir"))  # fmt: skip


# (and a function so named, imported from its module: `from shutil import which`)
_FOUND_BY_NAME = frozenset(("which", "expanduser", "getenv", "environ", "expandvars", "gettempdir"))
# the modules whose function of _COPIERS's names writes its last argument (a method of another object so named, as
# `str.replace`, does not), and the methods that write wherever their object is
_COPYING_MODULES = frozenset(("os", "shutil", "request", "urllib.request", "distutils.file_util", "dir_util"))
_EXTRACTING = frozenset(("extractall", "extract", "unpack_archive"))


def _writing_mode(call: ast.Call, constants: dict[str, str]) -> bool:
    """Whether open() (or a path's `.open()`) is given a mode that writes, or one built as it runs."""
    mode = (
        call.args[1]
        if len(call.args) > 1
        else next((k.value for k in call.keywords if k.arg in ("mode", "flags")), None)
    )
    if mode is None:
        return False
    text = text_of(mode, constants)
    return text is None or any(letter in text for letter in "wax+")


def _destinations(tree: ast.AST, constants: dict[str, str]) -> Iterator[tuple[int, ast.expr]]:
    """Each file a Python tree writes: (line, the expression naming it)."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = ast.unparse(func)
        short = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if (name in _OPENERS or short == "open" and not isinstance(func, ast.Attribute)) and node.args:
            if short != "open" or _writing_mode(node, constants) or name == "os.open":
                yield node.lineno, node.args[0]
        elif isinstance(func, ast.Attribute) and short == "open":
            if isinstance(func.value, ast.Name):  # (a module's: `io.open(path, "w")`, `tarfile.open(path, "w")`)
                if node.args and _writing_mode(node, constants):
                    yield node.lineno, node.args[0]
            elif _writing_mode(ast.Call(func=func, args=[func.value, *node.args], keywords=node.keywords), constants):
                yield node.lineno, func.value  # (a path's: `Path("x").open("w")`)
        elif isinstance(func, ast.Attribute) and short in _PATH_WRITERS:
            yield node.lineno, func.value
        elif short in _COPIERS and (
            short in _EXTRACTING
            or isinstance(func, ast.Name)
            or (isinstance(func, ast.Attribute) and ast.unparse(func.value) in _COPYING_MODULES)
            or (isinstance(func, ast.Attribute) and short in _PATH_MOVES and len(node.args) == 1)
        ):
            target = next((k.value for k in node.keywords if k.arg in ("dst", "dest", "path", "extract_dir")), None)
            if target is None and isinstance(func, ast.Attribute) and short in _PATH_MOVES and len(node.args) == 1:
                target = node.args[0]
            elif target is None and len(node.args) >= (1 if short in ("extractall", "extract") else 2):
                target = node.args[-1] if short not in ("urlretrieve",) else node.args[1]
            if target is not None:
                yield node.lineno, target


_STREAMS = ("/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty")


def outside(word: str) -> bool:
    """Whether a word names a file outside the tree: an absolute path but a temporary folder's or the process's own
    streams, one of the home folder (`~`), or one going up out of the tree (`../`)."""
    word = word.replace("\x04", "")
    if word.startswith("~"):
        return True
    if word.startswith("/"):
        if word in _STREAMS or word.startswith(("/dev/fd/", "/tmp/", "/proc/self/fd/")) or word == "/tmp":
            return False
        return True
    return word == ".." or word.startswith("../") or "/../" in word


# the tree's files the checks run or read their settings from: a Python source, a makefile, a settings file, a script,
# and every file of .venv/ (the checks' programs), .ci/, .github/, tests/, scripts/ and schema/ (hunt 233)
_CODE_FOLDERS = (".venv/", ".ci/", ".github/", "tests/", "scripts/", "schema/")
_CODE_NAME = lazy(
    r"GNUmakefile|[Mm]akefile|.+\.(?:mk|mak|make|py|pyi|pth|toml|cfg|ini|sh|bash)|\.pre-commit-config\.ya?ml"
    r"|\.gitattributes|\.python-version|\.editorconfig|conftest\.py"
)


def code_of_the_tree(word: str) -> bool:
    """Whether a word names a file of the tree the checks run or read their settings from (_CODE_FOLDERS, _CODE_NAME):
    written as a script runs, the checks run what no review showed (`printf 'test:\\n\\ttrue' > Makefile` then `make
    test`, `cp /bin/true .venv/bin/ruff`)."""
    word = word.replace("\x04", "")
    if word.startswith(("/", "~")) or outside(word):
        return False
    path = posixpath.normpath(word)
    if path in (".", ""):
        return False
    return (path + "/").startswith(_CODE_FOLDERS) or _CODE_NAME.fullmatch(path.rsplit("/", 1)[-1]) is not None


def _found_where_programs_are(node: ast.expr, bound: dict[str, ast.expr], depth: int = 0) -> bool:
    """Whether an expression is built from where programs are found (`shutil.which`, `sys.executable`, the home
    folder, the environment, the interpreter's prefix), directly or by a name bound once to such."""
    for part in ast.walk(node):
        if isinstance(part, ast.Attribute) and part.attr in _FOUND:
            return True
        if isinstance(part, ast.Name) and part.id in _FOUND_BY_NAME:
            return True
        if isinstance(part, ast.Name) and part.id in bound and depth < 8:
            if _found_where_programs_are(bound[part.id], bound, depth + 1):
                return True
    return False


def _bound_once(tree: ast.AST) -> dict[str, ast.expr]:
    seen: dict[str, ast.expr] = {}
    twice: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in seen:
                twice.add(name)
            seen[name] = node.value
    return {name: value for name, value in seen.items() if name not in twice}


def written_outside(code: str, built: bool, own: str | None = None) -> tuple[int, str] | None:
    """The first file a Python text writes outside the tree or over its code (code_of_the_tree) (line, what names it),
    or None. built: a destination
    built as the code runs counts as outside (a text on a line, whose paths are its words); else only a literal path
    outside the tree, or one built from where programs are found (a script's, which may write where it is told); and
    one whose start constants give is outside the tree, whatever is joined after (`'/usr/local/' + x`: hunt 238).
    own: the source's path in the tree, by which a path built from its location (`Path(__file__).parents[1]`) is
    read."""
    tree = python_tree(code.encode("utf-8", "surrogateescape"))
    if tree is None:
        return None
    constants = constants_of(list(ast.walk(tree)))
    bound = _bound_once(tree)
    where: _Where = None if own is None else (own, bound)
    for line, target in _destinations(tree, constants):
        text = _path_text(target, constants, where)
        if text is not None and where is not None and text != _path_text(target, constants):
            text = posixpath.normpath(text)  # (one built from the source's location: `tests/../.venv/bin/ruff`)
        if text is not None:
            if outside(text) or code_of_the_tree(text):
                return line, text
            continue
        if built or _found_where_programs_are(target, bound) or _starts_outside(_leading_text(target, constants)):
            return line, ast.unparse(target)
    return None


def _up(path: str) -> str:
    """The folder a path of the tree is in (`.` the tree's top, `..` above it)."""
    path = posixpath.normpath(path)
    if path == ".." or path.endswith("/.."):
        return path + "/.."
    return ".." if path == "." else posixpath.dirname(path) or "."


def _joined(parts: list[str]) -> str:
    """Paths joined as os.path.join and Path join them (an absolute part starts again)."""
    out = ""
    for part in parts:
        out = part if part.startswith("/") or not out else out.rstrip("/") + "/" + part
    return out


_OWN = ("resolve", "absolute")  # (a path's methods naming the same file)
_OS_PATH = ("os.path", "path", "posixpath")
_Where = tuple[str, dict[str, ast.expr]] | None  # (a source's own path, and the names it binds once)


def _path_text(node: ast.expr, constants: dict[str, str], where: _Where = None) -> str | None:
    """The path an expression names from constants alone (a string, `Path('x')`, `Path('x') / 'y'`), or None; where
    the source's own path and the names it binds once are given, one built from its location too
    (`Path(__file__).resolve().parents[1] / '.venv'`, `os.path.dirname(__file__)`, `REPO.joinpath(...)`: hunt 238)."""
    if isinstance(node, ast.Call) and len(node.args) >= 1 and not node.keywords:
        func = node.func
        short = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        joining = short == "join" and isinstance(func, ast.Attribute) and ast.unparse(func.value) in _OS_PATH
        if short in ("Path", "PurePath", "PosixPath") or joining:
            parts = [_path_text(arg, constants, where) for arg in node.args]
            return None if any(p is None for p in parts) else _joined([p or "" for p in parts])
        if where is not None and isinstance(func, ast.Attribute) and short == "joinpath":
            parts = [_path_text(arg, constants, where) for arg in (func.value, *node.args)]
            return None if any(p is None for p in parts) else _joined([p or "" for p in parts])
        if where is not None and isinstance(func, ast.Attribute) and ast.unparse(func.value) in _OS_PATH:
            if short in ("abspath", "realpath", "normpath") and len(node.args) == 1:
                return _path_text(node.args[0], constants, where)
            if short == "dirname" and len(node.args) == 1:
                inner = _path_text(node.args[0], constants, where)
                return None if inner is None else _up(inner)
    if isinstance(node, ast.Call) and len(node.args) == 1 and ast.unparse(node.func) in ("str", "os.fspath"):
        return _path_text(node.args[0], constants, where)
    if where is not None:
        own, bound = where
        if isinstance(node, ast.Name) and node.id == "__file__":
            return own
        if isinstance(node, ast.Name) and node.id in bound and node.id not in constants:
            return _path_text(bound[node.id], constants, (own, {k: v for k, v in bound.items() if k != node.id}))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _OWN:
            return None if node.args else _path_text(node.func.value, constants, where)
        if isinstance(node, ast.Attribute) and node.attr == "parent":
            inner = _path_text(node.value, constants, where)
            return None if inner is None else _up(inner)
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "parents"
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, int)
        ):
            inner = _path_text(node.value.value, constants, where)
            for _ in range(node.slice.value + 1 if inner is not None else 0):
                inner = _up(inner or ".")
            return inner
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        left, right = _path_text(node.left, constants, where), _path_text(node.right, constants, where)
        return None if left is None or right is None else _joined([left, right])
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return "/dev/fd/0"  # (a file descriptor the process holds)
    return text_of(node, constants)


def _leading_text(node: ast.expr, constants: dict[str, str]) -> str:
    """The start of a path an expression builds that constants give, where the rest is built as it runs (`'/usr/' +
    name`, f`/usr/local/{x}`, `os.path.join('/usr', x)`, `Path('/usr') / x`, `'/usr/%s' % x`), or ''."""
    whole = _path_text(node, constants)
    if whole is not None:
        return whole
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div, ast.Mod)):
        left = _path_text(node.left, constants)
        if left is None:
            return _leading_text(node.left, constants)
        if isinstance(node.op, ast.Mod):
            return left.split("%", 1)[0]
        right = _leading_text(node.right, constants)
        return _joined([left, right]) if isinstance(node.op, ast.Div) else left + right
    if isinstance(node, ast.JoinedStr):
        out = ""
        for value in node.values:
            text = text_of(value, constants) if isinstance(value, ast.Constant) else None
            if text is None:
                return out
            out += text
        return out
    if isinstance(node, ast.Call) and len(node.args) == 1 and ast.unparse(node.func) in ("str", "os.fspath"):
        return _leading_text(node.args[0], constants)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "format":
            return (text_of(func.value, constants) or "").split("{", 1)[0]
        joining = isinstance(func, ast.Attribute) and func.attr == "join" and ast.unparse(func.value) in _OS_PATH
        pathed = isinstance(func, ast.Name) and func.id in ("Path", "PurePath", "PosixPath")
        if isinstance(func, ast.Attribute) and func.attr == "joinpath":
            args = [func.value, *node.args]
        elif joining or pathed:
            args = list(node.args)
        else:
            return ""
        known: list[str] = []
        for arg in args:
            text = _path_text(arg, constants)
            if text is None:
                return _joined([*known, _leading_text(arg, constants)])
            known.append(text)
    return ""


_ALLOWED_STARTS = ("/tmp/", "/dev/fd/", "/proc/self/fd/", *_STREAMS)


def _starts_outside(lead: str) -> bool:
    """Whether a path's start a constant gives (_leading_text) is outside the tree, whatever is joined after: the
    home folder's, up out of the tree, or an absolute path but a temporary folder's or a stream's (or a start of
    one, `/`)."""
    if lead.startswith(("~", "../")) or lead == "..":
        return True
    return lead.startswith("/") and not any(lead.startswith(a) or a.startswith(lead) for a in _ALLOWED_STARTS)


def no_program_written_by_python(path: str, data: bytes | None) -> None:
    """Refused: a Python source of the code writing a literal path outside the tree or over its code, or one built
    from where programs are found (the module's docstring says why)."""
    if data is None:
        return
    found = written_outside(data.decode("utf-8", "replace"), built=False, own=path)
    if found is not None and code_of_the_tree(found[1]):
        raise Refused(
            f"{files.shown(path)} line {found[0]}: a file of the tree's code written (`{files.printable(found[1])}`): "
            "the checks after it run or read what no review showed (a makefile, a test, a setting, a program of "
            ".venv/); change the code in the pull request itself"
        )
    if found is not None:
        raise Refused(
            f"{files.shown(path)} line {found[0]}: a file written outside the tree, or where programs are found "
            f"(`{files.printable(found[1])}`), where a check's name may find the program written in place of the one "
            "a reviewer reads; write in the tree or under /tmp"
        )
