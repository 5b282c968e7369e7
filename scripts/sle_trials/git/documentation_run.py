"""Documentation that runs: a file named as documentation (Markdown, a licence: paths.documentation) that a
file of the code runs by its path, read as the code it is (git/extract.py: code_held, code_rewritten).

Documentation is read for nothing by the extraction, as nothing runs it. But a tool runs a file by its path
whatever its name: make includes `docs/rules.md` as it includes `mk/rules.mk`, bash sources `LICENSE.txt`. A
pull request whose Makefile gained `include docs/rules.md`, with `docs/rules.md` holding a NUL byte (git and
GitHub take it for binary and show none of its lines; make runs them), marked `-diff`, or holding a
zero-width space, passed (exit 0), and so did `include LICENSE.txt` giving the Makefile's `test` target
another recipe, and `.ci/run` sourcing `docs/env.md` (tests/test_attacks_pr_hunt208.py): hunt 192 read what
the code runs from any folder as code, and hunt 194 the tests' inputs a file of the code names, but a name
that reads as documentation was still documentation.

So documentation is read as code where it runs: one executable (mode 100755) or whose first line names what
runs it (`#!`), and one a file of the code names by its path (from the top, or from the file's folder: a
script's `source ../docs/env.md`) on a line that is no comment. Python, `.gitattributes`, JSON and TOML are
not read for names: the tests read the documents they compare with the code (docs/checks.md), a schema's
descriptions and pyproject.toml's `readme` name documents as text, which nothing runs; a comment names the
documents that explain a line. A makefile's include of a name built from parts (`include docs/rules$(EXT)`),
which names no document, is refused (defined_twice.no_make_definition_twice, hunt 210).
"""

from __future__ import annotations

import ast
import posixpath

from sle_trials import files, paths
from sle_trials.git import plumbing
from sle_trials.git.code_files import PYTHON_LIMIT, TEST_INPUTS, attributes_file, python_script, python_source, runs
from sle_trials.git.code_text import python_tree
from sle_trials.patterns import lazy

# A word of a line that may be a path: letters, digits, `_`, `.`, `/` and `-`
_PATH_WORD = lazy(r"[\w./-]+")

# The code whose words are text, not commands: a schema's descriptions, pyproject.toml's metadata
_WORDS_AS_TEXT = (".json", ".toml")

# What Python runs a file by its path with (a process's argument list, a shell's line, a loader of a module's
# source): a document named among a call's arguments to one of these runs (hunt 210)
_PYTHON_RUNNERS = frozenset(
    (
        "run",
        "call",
        "check_call",
        "check_output",
        "Popen",
        "getoutput",
        "getstatusoutput",
        "system",
        "popen",
        "execv",
        "execve",
        "execvp",
        "execvpe",
        "execl",
        "execle",
        "execlp",
        "execlpe",
        "spawnv",
        "spawnve",
        "spawnvp",
        "spawnvpe",
        "spawnl",
        "spawnle",
        "spawnlp",
        "spawnlpe",
        "posix_spawn",
        "posix_spawnp",
        "create_subprocess_exec",
        "create_subprocess_shell",
    )
)
# the loaders of a module's source by its path, each of whose strings may be it
_LOADERS = frozenset(("SourceFileLoader", "SourcelessFileLoader", "spec_from_file_location", "load_source", "run_path"))
# a shell's words that run the file after them in the shell itself
_SOURCING = frozenset(("source", "."))
# what an argument list names first where it is a command to run (`[sys.executable, "docs/setup.md"]`)
_INTERPRETERS = frozenset(("executable", "python", "python3", "bash", "sh", "dash", "zsh", "make", "Rscript", "R"))


def documentation(entries: dict[str, plumbing.Entry]) -> dict[str, plumbing.Entry]:
    """The documentation of a tree's files (path -> entry), but the tests' inputs' (read as inputs)."""
    return {
        path: entry
        for path, entry in entries.items()
        if paths.documentation(path) and not paths.registry(path) and not path.startswith(TEST_INPUTS)
    }


def documentation_that_runs(
    documents: dict[str, plumbing.Entry], code: dict[str, str], blobs: dict[str, plumbing.Object]
) -> list[str]:
    """The documents (path -> entry) that something runs: executable, led by `#!`, or named by a file of the
    code (path -> blob id, its blob in blobs) or by a document that runs, on a line that is no comment, as
    the module's docstring says (`include docs/a.md`, whose `docs/a.md` says `include docs/b.md`)."""
    run = set()
    for path, entry in documents.items():
        data = blobs[entry.oid].data if entry.oid in blobs else None
        if entry.mode == "100755" or (data is not None and data.startswith(b"#!")):
            run.add(path)
    by_name = {files.folded(path): path for path in documents}
    texts = list(code.items()) + [(path, documents[path].oid) for path in run]
    while texts:
        path, oid = texts.pop()
        for found in _named(path, blobs[oid].data if oid in blobs else None, by_name):
            if found not in run:
                run.add(found)
                texts.append((found, documents[found].oid))
    return sorted(run)


def _names_documents(path: str) -> bool:
    """Whether a file of the code is read for the documents it names by its lines: not Python (read for the
    documents it runs alone: _run_by_python), .gitattributes, JSON or TOML."""
    return not (python_source(path) or attributes_file(path) or path.lower().endswith(_WORDS_AS_TEXT))


def _named(path: str, data: bytes | None, by_name: dict[str, str]) -> set[str]:
    """The documents (by_name: folded path -> path) that the file path (its bytes data) names by their paths,
    from the top or from its folder, on a line that is no comment (in Python, where it runs them)."""
    if data is not None and (python_source(path) or python_script(data)):
        return _run_by_python(data, by_name)
    if data is None or not _names_documents(path):
        return set()
    folder = path.rpartition("/")[0]
    named = set()
    for line in data.decode("utf-8", "replace").splitlines():
        if line.lstrip().startswith("#"):  # a comment of a makefile, a script or YAML
            continue
        for word in _PATH_WORD.findall(line):
            for spelled in (word, posixpath.join(folder, word)):
                found = by_name.get(files.folded(posixpath.normpath(spelled)))
                if found is not None:
                    named.add(found)
    return named


def _run_by_python(data: bytes, by_name: dict[str, str]) -> set[str]:
    """The documents (by_name) a Python source runs by their paths: named by a string among the arguments of a call
    of a runner (`subprocess.run([sys.executable, "docs/setup.md"])`, `SourceFileLoader("s", "docs/setup.md")`,
    `os.system("bash docs/env.md")`) or in an argument list led by an interpreter (`[sys.executable, ...]`), by
    its path from the top or its end (`REPO / "docs" / "setup.md"`). A pull request whose test ran `docs/setup.md`
    with Python, the document holding a NUL byte, passed (exit 0) as documentation (hunt 210); the tests read the
    documents they compare with the code by name, which runs none, and a command's other words name files it reads
    (`["git", "add", "docs/setup.md"]`, `diff docs/setup.md x`): a document counts there as the command's first
    word, or after an interpreter's."""
    ends = {name.rpartition("/")[2] for name in by_name}
    if not any(end.lower().encode() in data.lower() for end in ends):
        return set()
    tree = python_tree(data)
    if tree is None:
        return set()
    named: set[str] = set()
    for node in ast.walk(tree):
        function = node.func if isinstance(node, ast.Call) else None
        called = getattr(function, "attr", None) or getattr(function, "id", None)
        if isinstance(node, (ast.List, ast.Tuple)) and node.elts and _interpreter(node.elts[0]):
            named |= _documents_under(node, by_name)  # what the interpreter is given: its script, the script's words
        elif isinstance(node, ast.Call) and called in _LOADERS:
            named |= _documents_under(node, by_name)
        elif isinstance(node, ast.Call) and called in _PYTHON_RUNNERS:
            for given in [*node.args, *(keyword.value for keyword in node.keywords)]:
                if isinstance(given, (ast.List, ast.Tuple)) and given.elts:
                    named |= _documents_under(given.elts[0], by_name)  # a command's first word: the document run
                else:  # a shell's line: a document first, or after an interpreter (`bash docs/env.md`, `git show`)
                    line = " ".join(
                        c.value for c in ast.walk(given) if isinstance(c, ast.Constant) and isinstance(c.value, str)
                    )
                    words = line.split()
                    for n, word in enumerate(words):
                        if n == 0 or words[n - 1].rpartition("/")[2] in _INTERPRETERS | _SOURCING:
                            named |= _documents_in(word, by_name)
    return named


def _documents_under(node: ast.AST, by_name: dict[str, str]) -> set[str]:
    """The documents the strings of an expression name (_documents_in), at any depth."""
    found: set[str] = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
            found |= _documents_in(inner.value, by_name)
    return found


def _interpreter(node: ast.expr) -> bool:
    """Whether an argument list's first item names an interpreter: `sys.executable`, "python3", ".venv/bin/python"."""
    if isinstance(node, ast.Attribute):
        return node.attr == "executable"
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.rpartition("/")[2] in _INTERPRETERS
    )


def _documents_in(text: str, by_name: dict[str, str]) -> set[str]:
    """The documents a string names by its path from the top, or by its path's end (one word of a shell's line each)."""
    found = set()
    for word in text.split():
        spelled = files.folded(posixpath.normpath(word.strip("\"'")).lstrip("/"))
        for folded, path in by_name.items():
            if spelled and (folded == spelled or folded.endswith("/" + spelled)):
                found.add(path)
    return found


def documentation_run_in(repository: plumbing.Repository, tree_ish: str) -> set[str]:
    """The documents of a commit (or a tree) that something runs (documentation_that_runs): what `trials
    diff` names as the checker's change, not documentation."""
    listed = repository.tree_entries(tree_ish, [])
    entries = {path: entry for path, entry in listed if entry.mode in plumbing.FILE_MODES}
    documents = documentation(entries)
    if not documents:
        return set()
    code = {
        path: entry.oid
        for path, entry in entries.items()
        if runs(path) and (_names_documents(path) or python_source(path))
    }
    blobs = repository.objects({*code.values(), *(entry.oid for entry in documents.values())}, PYTHON_LIMIT)
    return set(documentation_that_runs(documents, code, blobs))
