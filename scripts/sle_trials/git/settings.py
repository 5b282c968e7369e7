"""Settings as their tools read them: what a YAML or JSON file of a pull request's tree says to the tool
that runs it, where a reviewer reads it otherwise (git/extract.py refuses each, naming the file and the
line)."""

from __future__ import annotations

import json
import tomllib
from typing import Any, NamedTuple

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import YAMLError

from sle_trials.patterns import lazy

YAML_SUFFIXES = (".yml", ".yaml")
JSON_SUFFIXES = (".json",)
# INI files, by their suffix or their whole name: setuptools' setup.cfg, tox.ini, pytest.ini, mypy.ini,
# flake8's, coverage's, pylint's, EditorConfig's, and git's own format (.gitmodules, .lfsconfig), which a
# pull request can carry and git and git-lfs read from the work tree
INI_SUFFIXES = (".ini", ".cfg", ".conf")
INI_NAMES = (".editorconfig", ".flake8", ".coveragerc", ".pylintrc", "pylintrc", ".pypirc")
GIT_CONFIG_NAMES = (".gitmodules", ".lfsconfig", ".gitconfig")


class Found(NamedTuple):
    """What a settings file says otherwise than its review shows: the line (from 1) and why."""

    line: int
    said: str


_DUPLICATE = lazy(r'found duplicate key "(.*)" with value')


def _loaded(text: str, version: tuple[int, int] | None) -> list[Any] | Found:
    """Every document of a YAML text as the safe loader reads it under YAML version (None: 1.2), or where
    a mapping in it gives a key twice; [] for a text it cannot read (left to fail where it runs)."""
    yaml = YAML(typ="safe")
    if version is not None:
        yaml.version = version
    try:
        return list(yaml.load_all(text))
    except DuplicateKeyError as error:
        mark = error.problem_mark
        named = _DUPLICATE.search(str(error.problem))
        key = named.group(1) if named else "?"
        first = error.context_mark.line + 1 if error.context_mark is not None else None
        return Found(
            (mark.line + 1) if mark is not None else 1,
            f"the key {key!r} given twice in one mapping"
            + (f" (its mapping starts at line {first})" if first is not None else "")
            + ", which its tool reads as the later and a reviewer as the first; give it once",
        )
    except (YAMLError, ValueError, TypeError, RecursionError):
        return []


def key_twice(name: str, text: str) -> Found | None:
    """Where a YAML or JSON file (by its name) gives a mapping's key twice. YAML is read as 1.2 (ruamel.yaml,
    GitHub's `on:`) and as 1.1 (PyYAML, which pre-commit reads its settings with: `yes:` and `true:` are
    one key there); JSON as Python's json reads it (an escape spells a key as written: `"\\u0062"` is
    `"b"`), its line found as YAML 1.2 reads it. An INI file as ini_key_twice reads it."""
    if name.endswith(INI_SUFFIXES) or name in INI_NAMES or name in GIT_CONFIG_NAMES:
        return ini_key_twice(text, git=name in GIT_CONFIG_NAMES)
    if name.endswith(YAML_SUFFIXES):
        for version in (None, (1, 1)):
            loaded = _loaded(text, version)
            if isinstance(loaded, Found):
                return loaded
        return None
    if not name.endswith(JSON_SUFFIXES):
        return None
    twice: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in items]
        twice.extend(key for n, key in enumerate(keys) if key in keys[:n])
        return dict(items)

    try:
        json.loads(text, object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        return None  # left to fail where it runs
    if not twice:
        return None
    found = _loaded(text, None)
    if isinstance(found, Found):
        return found
    return Found(1, f"the key {twice[0]!r} given twice in one mapping, which its tool reads as the later; give it once")


_INI_SECTION = lazy(r"\[\s*([^\]\s\x22]*)\s*(?:\x22((?:[^\x22\\]|\\.)*)\x22)?\s*\]")
_INI_KEY = lazy(r"([^=:\s][^=:]*?)\s*(?:[=:]|\Z)")


def ini_key_twice(text: str, git: bool) -> Found | None:
    """Where an INI file gives a key twice in a section, or a section twice. Its readers disagree: git (and
    git-lfs, reading .lfsconfig) keeps the later value, setuptools keeps the later of `tag-build` and
    `tag_build` (a dash is an underscore to it, and the two are distinct keys to Python's configparser, which
    refuses the same key twice; tested), configparser with strict=False the later, iniconfig (pytest) and
    a strict configparser refuse it, a reviewer reads the first. A section given twice is one section to git
    and to EditorConfig, an error to others. Keys are compared as those readers fold them: case-blind, a
    dash as an underscore. An indented line continues a value in Python's readers, and is a key of its own
    to git (git: a file in git's format)."""
    section: str | None = None
    sections: set[str] = set()
    keys: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.strip()
        if not words or words.startswith(("#", ";")) or (line[:1].isspace() and not git and section is not None):
            continue
        header = _INI_SECTION.match(words)
        if header is not None:
            section = header.group(1).lower() + (f'."{header.group(2)}"' if header.group(2) is not None else "")
            if section in sections:
                return Found(
                    number,
                    f"the section [{section}] given twice, which some readers (git, EditorConfig) read as one and "
                    "others refuse, and a reviewer reads as the first; give it once",
                )
            sections.add(section)
            keys = set()
            continue
        key = _INI_KEY.match(words)
        if key is None:
            continue
        folded = key.group(1).strip().lower().replace("-", "_")
        if folded in keys:
            return Found(
                number,
                f"the key {key.group(1).strip()!r} given twice in one section (case and a dash for an underscore "
                "aside), which its tool (git, setuptools) reads as the later and a reviewer as the first; give it once",
            )
        keys.add(folded)
    return None


# Every action, reusable workflow and container image is run by a name: a tag is moved, and a branch moves,
# after review, GitHub's own (`actions/checkout@v4`) as well as another party's (whoever can push a tag to
# actions/checkout runs code in every job that uses it by that tag, review.yml's with its token too).
_COMMIT = lazy(r"(?:[0-9a-f]{40}|[0-9a-f]{64})\Z")
_IMAGE_DIGEST = lazy(r"[^@]+@sha256:[0-9a-f]{64}\Z")
PRE_COMMIT = (".pre-commit-config.yaml", ".pre-commit-config.yml")
_LOCAL_REPOSITORIES = ("local", "meta")
_ACTIONS = ("action.yml", "action.yaml")


def _mappings(node: Any) -> list[dict[Any, Any]]:
    """Every mapping in a loaded YAML document, at any depth."""
    out: list[dict[Any, Any]] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            out.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return out


def _line_of(text: str, words: str, after: str = "") -> int:
    """The line of words' first place in text (after that of after), or 1."""
    at = text.find(words, max(text.find(after), 0))
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _moved(uses: str) -> bool:
    """Whether a step's or a job's `uses:` names what its owner can move after review: an action or a workflow
    by a tag or a branch (anything but a full commit id), GitHub's own too, or an image by a tag."""
    if uses.startswith("./"):
        return False  # this tree's own, read as code
    if uses.startswith("docker://"):
        return _IMAGE_DIGEST.match(uses.removeprefix("docker://")) is None
    _, at, ref = uses.partition("@")
    return not at or _COMMIT.match(ref) is None


def _images(document: Any, action: bool) -> list[Any]:
    """The container images a workflow runs by name (a job's `container:`, a string or a mapping's `image:`,
    and each of its `services:`' `image:`), or an action (`runs:`' `image:` by `docker://`; a Dockerfile of
    its own tree is read as code)."""
    if not isinstance(document, dict):
        return []
    found: list[Any] = []
    jobs = document.get("jobs")
    for job in jobs.values() if isinstance(jobs, dict) else []:
        if not isinstance(job, dict):
            continue
        container = job.get("container")
        found.append(container.get("image") if isinstance(container, dict) else container)
        services = job.get("services")
        for service in services.values() if isinstance(services, dict) else []:
            found.append(service.get("image") if isinstance(service, dict) else service)
    runs = document.get("runs")
    if action and isinstance(runs, dict) and str(runs.get("image", "")).strip().startswith("docker://"):
        found.append(runs.get("image"))
    return [image for image in found if image is not None]


def _image_moved(image: Any) -> bool:
    """Whether an image is named by anything but its sha256 digest (a tag, `latest` unsaid, an expression)."""
    return not isinstance(image, str) or _IMAGE_DIGEST.match(image.strip().removeprefix("docker://")) is None


def by_a_name_that_moves(path: str, text: str) -> Found | None:
    """Where a workflow or an action (a YAML file under .github/, an action.yml anywhere) uses an action
    (GitHub's own too), a reusable workflow or an image by a tag or a branch (an image by `uses: docker://`, a job's
    `container:`, a service's `image:` or an action's `runs: image: docker://`), or the pre-commit settings a hook's
    repository by one (its `rev:`): a tag is moved, and a branch moves, after review, and the job or the
    hook then runs code no review showed. A full commit id (an image's sha256 digest) names one tree."""
    name = path.rpartition("/")[2].lower()
    workflow = name.endswith(YAML_SUFFIXES) and (path.startswith(".github/") or name in _ACTIONS)
    if not workflow and name not in PRE_COMMIT:
        return None
    loaded = _loaded(text, None)
    if isinstance(loaded, Found):
        return loaded
    for image in (i for document in loaded if workflow for i in _images(document, name in _ACTIONS)):
        if _image_moved(image):
            return Found(
                _line_of(text, str(image)),
                f"the image {image} runs by a tag, which its owner can move after review; pin it to its sha256 "
                "digest (name@sha256:...)",
            )
    for mapping in (m for document in loaded for m in _mappings(document)):
        uses = mapping.get("uses")
        if workflow and isinstance(uses, str) and _moved(uses.strip()):
            return Found(
                _line_of(text, uses),
                f"`uses: {uses}` runs another party's action, workflow or image by a tag or a branch, which can be "
                "moved after review; pin it to a full commit id (an image to its sha256 digest)",
            )
        repo, rev = mapping.get("repo"), mapping.get("rev")
        if name in PRE_COMMIT and isinstance(repo, str) and repo not in _LOCAL_REPOSITORIES:
            if not isinstance(rev, str) or _COMMIT.match(rev) is None:
                return Found(
                    _line_of(text, "rev:", after=repo),
                    f"the hooks of {repo} run at `rev: {rev}`, a tag or a branch, which can be moved after review; "
                    "pin it to a full commit id",
                )
    return None


def pyproject(path: str, data: bytes | None) -> dict[str, Any] | None:
    """The settings of the tree's pyproject.toml as TOML reads them, where path is it; None for another file, or one
    TOML cannot read (left to fail where it runs)."""
    if path != "pyproject.toml" or data is None:
        return None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
