"""What `make test` installs that no review reads: a distribution the base branch does not install, or one from
elsewhere than the package index (git/extract.py reads pyproject.toml against the base branch's through it, and
each file of the code but Python for its pip commands).

`make test` installs the project with its extras (`pip install -e '.[hooks,fetch,test,site,xlsx]'`), and pytest
loads as a plugin every installed distribution's entry point of the group `pytest11`, whose hooks run around every
test (hunt 213 refused the project's own); a distribution's `.pth` file runs at every start of the environment's
Python. A pull request adding `"pytest-lax>=1"` to the test extra (any name: a plugin needs no `pytest-` in it) is
shown to a reviewer as one line of pyproject.toml and "checker: changed pyproject.toml", the distribution's code
nowhere; once merged, it is installed where the trusted check of every later pull request runs. So were a
requirement by a direct reference (`lax @ file:tests/fixtures/lax-1.0-py3-none-any.whl`, a wheel no review shows
a line of), the dependencies left `dynamic` for setuptools to read from a file, and a Makefile's `pip install -f
tests/fixtures/wheels` (a folder of committed wheels pip prefers by their version): each passed (exit 0, hunt 214).

So pyproject.toml names no requirement (build-system.requires, the dependencies, an extra, a dependency group) of a
distribution the base branch's pyproject.toml does not name, nor one by a direct reference the base does not give
alike, nor dependencies left dynamic; and no file of the code runs pip with an index, a folder of links, a
requirements or constraints file, a path or a distribution named on its line (`pip install --upgrade pip`, the
installer itself, aside), nor sets pip's settings in the environment (PIP_...). A new dependency is a maintainer's
change of the base branch, its code read there.
"""

from __future__ import annotations

import ast
from typing import Any

from sle_trials import files
from sle_trials.git import plumbing
from sle_trials.git.built_names import constants_of, text_of
from sle_trials.git.refusal import Refused
from sle_trials.git.settings import pyproject
from sle_trials.git.shell_lines import numbered_lines
from sle_trials.patterns import lazy

_PYPROJECT = "pyproject.toml"
_NAME = lazy(r"\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")
_SEPARATORS = lazy(r"[-_.]+")
_DYNAMIC = frozenset(("dependencies", "optional-dependencies"))
# what pip may install by name on a line of the code (the installer and its build tools), and its options that
# install from elsewhere than the index or from a file of the tree
_INSTALLERS = frozenset(("pip", "setuptools", "wheel"))
_ELSEWHERE = (
    "-f",
    "--find-links",
    "-i",
    "--index-url",
    "--extra-index-url",
    "--no-index",
    "-r",
    "--requirement",
    "-c",
    "--constraint",
    "--pre",
    "--trusted-host",
    "--config-settings",
    "-C",
)
_PIP_SETTINGS = ("PIP_", "UV_", "PYTHONUSERBASE")
_WORD = lazy(r"[^\s'\"`;|&()]+")


def _normalised(name: str) -> str:
    return _SEPARATORS.sub("-", name).lower()


def _table(settings: dict[str, Any], key: str) -> dict[str, Any]:
    table = settings.get(key)
    return table if isinstance(table, dict) else {}


def _requirements(settings: dict[str, Any]) -> list[str]:
    """Every requirement pyproject.toml's settings give pip: the build's, the project's, its extras', its groups'."""
    project = _table(settings, "project")
    build = _table(settings, "build-system")
    found: list[Any] = []
    found += build.get("requires", []) if isinstance(build.get("requires"), list) else []
    found += project.get("dependencies", []) if isinstance(project.get("dependencies"), list) else []
    for table in (project.get("optional-dependencies"), settings.get("dependency-groups")):
        for listed in table.values() if isinstance(table, dict) else []:
            found += listed if isinstance(listed, list) else []
    return [item for item in found if isinstance(item, str)]


def _name(requirement: str) -> str | None:
    matched = _NAME.match(requirement)
    return _normalised(matched[1]) if matched else None


def _direct(requirement: str) -> bool:
    """Whether a requirement names where its distribution comes from (`name @ URL`), not the index."""
    return "@" in requirement.split(";", 1)[0]


def _pyproject_at(repository: plumbing.Repository, commit: str) -> dict[str, Any] | None:
    entries = [entry for path, entry in repository.tree_entries(commit, [_PYPROJECT]) if path == _PYPROJECT]
    if not entries:
        return None
    blob = repository.objects({entries[0].oid}, 1 << 20).get(entries[0].oid)
    return pyproject(_PYPROJECT, blob.data if blob is not None else None)


def no_dependency_added(repository: plumbing.Repository, base: str | None, commit: str | None) -> None:
    """Refused: commit's pyproject.toml requiring a distribution its base's does not (by name, or by a direct
    reference the base does not give alike), or leaving the dependencies dynamic (the module's docstring says
    why). A base without a pyproject.toml has none to compare with."""
    if base is None or commit is None:
        return
    theirs, ours = _pyproject_at(repository, commit), _pyproject_at(repository, base)
    if theirs is None or ours is None:
        return
    project = theirs.get("project")
    dynamic = project.get("dynamic") if isinstance(project, dict) else None
    left = sorted(_DYNAMIC & {str(d) for d in dynamic}) if isinstance(dynamic, list) else []
    if left:
        raise Refused(
            f"{_PYPROJECT}: the project's {left[0]} left dynamic, which setuptools then reads from a file no rule "
            "reads as what `make test` installs; list them in pyproject.toml"
        )
    known = {_name(requirement) for requirement in _requirements(ours)}
    given = set(_requirements(ours))
    for requirement in _requirements(theirs):
        name = _name(requirement)
        if (name not in known or _direct(requirement)) and requirement not in given:
            said = "by a direct reference the base does not give" if name in known else "that the base does not"
            raise Refused(
                f"{_PYPROJECT}: the requirement {files.printable(requirement[:80])!r}, a distribution {said}: `make "
                "test` installs its code, which pytest loads as a plugin (an entry point of pytest11) or Python runs "
                "at every start (a .pth), and no review reads it; a new dependency is a maintainer's change of the "
                "base branch"
            )


def no_pip_from_elsewhere(path: str, data: bytes | None) -> None:
    """Refused: a line of a file of the code but Python running pip with an index, links, a requirements or
    constraints file, a path or a distribution named on the line, or setting pip's settings in its environment."""
    if data is None or (b"pip" not in data and b"PIP_" not in data and b"UV_" not in data):
        return
    for number, line in numbered_lines(data.decode("utf-8", "replace")):  # (a continued line: one command, hunt 221)
        if line.lstrip().startswith("#"):
            continue
        words = _WORD.findall(line)
        said = next((f"pip's settings {word[:40]}" for word in words if word.startswith(_PIP_SETTINGS)), None)
        at = next((n for n, word in enumerate(words) if word.rpartition("/")[2] in ("pip", "pip3")), None)
        if said is None and at is not None and "install" in words[at + 1 :]:
            for word in words[words.index("install", at + 1) + 1 :]:
                option = word.partition("=")[0]
                if option in _ELSEWHERE or any(option.startswith(o) for o in _ELSEWHERE if len(o) == 2):
                    said = f"pip's option {word[:40]}"
                elif not word.startswith("-") and word not in _INSTALLERS and not word.startswith((".", ".[")):
                    said = f"the distribution {word[:40]} named on pip's line"
                elif not word.startswith("-") and word.startswith(".") and word not in (".",) and "[" not in word:
                    said = f"the path {word[:40]}"
                if said is not None:
                    break
        if said is not None:
            raise Refused(
                f"{files.shown(path)} line {number}: {files.printable(said)}, by which pip installs what no review "
                "of pyproject.toml's requirements shows (a distribution from a file of the tree or another index, "
                "whose code pytest or Python runs); install the project with its extras alone"
            )


def no_pip_run_by_python(path: str, nodes: list[ast.AST]) -> None:
    """Refused: a Python source handing a process pip's `install` (`[sys.executable, "-m", "pip", "install", ...]`):
    run by the conftest as pytest starts, a distribution it installs is a plugin of xdist's workers, started after
    it (its entry points read anew), and a .pth runs in every later Python of the environment."""
    constants = constants_of(nodes)
    for node in nodes:
        if isinstance(node, (ast.List, ast.Tuple)):
            words = [text_of(item, constants) for item in node.elts]
            if "install" in words and any(w is not None and w.rpartition("/")[2] in ("pip", "pip3") for w in words):
                raise Refused(
                    f"{files.shown(path)} line {node.lineno}: pip's `install` run by Python, which installs what no "
                    "review of pyproject.toml's requirements shows, into the environment the tests and the checks "
                    "run in; install the project with its extras alone (`make test`)"
                )
