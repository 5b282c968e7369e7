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

import posixpath

from sle_trials import files, paths
from sle_trials.git import plumbing
from sle_trials.git.code_files import PYTHON_LIMIT, TEST_INPUTS, attributes_file, python_source, runs
from sle_trials.patterns import lazy

# A word of a line that may be a path: letters, digits, `_`, `.`, `/` and `-`
_PATH_WORD = lazy(r"[\w./-]+")

# The code whose words are text, not commands: a schema's descriptions, pyproject.toml's metadata
_WORDS_AS_TEXT = (".json", ".toml")


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
    """Whether a file of the code is read for the documents it names: not Python, .gitattributes, JSON or TOML."""
    return not (python_source(path) or attributes_file(path) or path.lower().endswith(_WORDS_AS_TEXT))


def _named(path: str, data: bytes | None, by_name: dict[str, str]) -> set[str]:
    """The documents (by_name: folded path -> path) that the file path (its bytes data) names by their paths,
    from the top or from its folder, on a line that is no comment."""
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


def documentation_run_in(repository: plumbing.Repository, tree_ish: str) -> set[str]:
    """The documents of a commit (or a tree) that something runs (documentation_that_runs): what `trials
    diff` names as the checker's change, not documentation."""
    listed = repository.tree_entries(tree_ish, [])
    entries = {path: entry for path, entry in listed if entry.mode in plumbing.FILE_MODES}
    documents = documentation(entries)
    if not documents:
        return set()
    code = {path: entry.oid for path, entry in entries.items() if runs(path) and _names_documents(path)}
    blobs = repository.objects({*code.values(), *(entry.oid for entry in documents.values())}, PYTHON_LIMIT)
    return set(documentation_that_runs(documents, code, blobs))
