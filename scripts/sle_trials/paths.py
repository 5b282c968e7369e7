"""Where things are in a registry checkout. Light on purpose: a warm check imports little else."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from sle_trials import files
from sle_trials.fields import Schema
from sle_trials.patterns import lazy

SCHEMA_PATH = Path("schema") / "trial.schema.json"
TRIALS_DIR = Path("trials")
SEEDS_DIR = "seeds"
# The registry's own folders, which a check reads: real folders, never links (pipeline.check_folders),
# what an import's stage holds, and where no output is ever written (outputs/target.py)
FOLDERS = (SCHEMA_PATH.parent.as_posix(), TRIALS_DIR.as_posix(), SEEDS_DIR)
# The files generated from the records (outputs/generate.py), which `trials check` compares with them (E401)
CSV_PATH = Path("trials.csv")
DATAPACKAGE_PATH = Path("datapackage.json")
GENERATED_PATHS = (CSV_PATH, DATAPACKAGE_PATH)

# Markdown that is no documentation: what instructs the AI agents a project is worked on with, which
# they read and follow as they run commands and write code (AGENTS.md for Codex and others, at the top
# or in any folder, and Codex's AGENTS.override.md before it; CLAUDE.md, GEMINI.md, Qwen Code's QWEN.md,
# Warp's WARP.md, Crush's CRUSH.md and CRUSH.local.md, GitHub Copilot's .github/copilot-instructions.md and its
# *.instructions.md and *.prompt.md, a skill's SKILL.md), and any Markdown under a dot folder, where
# tools keep their settings (.claude/, .cursor/, .github/, .junie/, .roo/, ...). A pull request that
# changed AGENTS.md was summarised as "documentation". Matched whatever the case: a Mac's file system
# and an agent reading it find agents.md as AGENTS.md.
AGENT_INSTRUCTIONS = lazy(
    r"(?i)(?:.*/)?(?:(?:agents?(?:\.override)?|claude(?:\.local)?|gemini|qwen|warp|crush(?:\.local)?|copilot-instructions"
    r"|skill)\.md"
    r"|[^/]+\.(?:instructions|prompt|chatmode)\.md)\Z|(?:.*/)?\.[^/]*/"
)


# What nothing runs, named on no checker's line (curate/diff.py) and read by the extraction for nothing
# (git/code_files.py: runs): Markdown and a licence, LICENSE or LICENSE.txt, never LICENSE with any suffix
# (GitHub runs every .github/workflows/*.yml whatever its name, and LICENSE.yml there ran on every push).
INERT = lazy(r"(?:.*/)?(?:[^/]+\.md|LICENSE(?:\.txt)?)\Z")


def documentation(path: str) -> bool:
    """Whether path is documentation: Markdown or a licence (INERT), but an agent's instructions or a
    tool's settings (AGENT_INSTRUCTIONS), which the agents and tools a project is worked on with follow."""
    return INERT.match(path) is not None and AGENT_INSTRUCTIONS.match(path) is None


# The registry's names from its root: its folders (and what is in them, but for the schema's folder, in
# which the schema alone is the registry's) and its generated files
REGISTRY_NAMES = (*FOLDERS, *(path.as_posix() for path in GENERATED_PATHS))


def registry(path: str) -> bool:
    """Whether path (from the registry's root, "/" between its names) is one of the registry's: a
    record, a source, the manifest, the schema, a generated file, or one of their folders."""
    top, _, rest = path.partition("/")
    if top == SCHEMA_PATH.parent.as_posix():
        return rest in ("", SCHEMA_PATH.name)
    return top in REGISTRY_NAMES


def twins(paths: Iterable[str], *, anywhere: bool = False) -> list[tuple[str, str]]:
    """Each pair of paths (from the root, and each folder on their way) that a disk taking names alike
    whatever their case or Unicode form (files.folded: macOS's and Windows' by default) may write as
    one, one of them the registry's: a checkout there holds one file for the two, the one git writes
    last. Committed beside the registry, `trialſ/`, `ſeeds/` and `trialſ.cſv` (a long s) holding a
    registry of other values passed every check, which read none of them, and a clone on such a disk
    writes them over `trials/`, `seeds/` and `trials.csv` (git writes `ſ` after `s`): records, sources
    and a manifest that agree with one another and with none of the files checked. anywhere: every
    such pair, neither of them the registry's (a commit's code: git/extract.py)."""
    seen: dict[str, str] = {}
    found: dict[str, str] = {}
    for path in paths:
        key = spelled = ""
        for name in path.split("/"):
            key += "/" + files.folded(name)
            spelled += "/" + name
            other = seen.setdefault(key, spelled)
            if spelled in found:  # a folder found already: what is in it is its
                break
            if other != spelled and (anywhere or registry(other[1:]) or registry(spelled[1:])):
                found[spelled] = other
                break
    return sorted((spelled[1:], other[1:]) for spelled, other in found.items())


def twin_message(spelled: str, other: str) -> str:
    """What stops a check at a name a disk that folds case or Unicode forms takes as a registry name. Each
    name's characters outside ASCII are written as escapes: `trialſ` shows a reader `trials`."""
    shown = {name: files.shown(name) if name.isascii() else ascii(name)[1:-1] for name in (spelled, other)}
    return (
        f"{shown[spelled]} and {shown[other]} are one name on a disk that folds case or Unicode forms (macOS's and "
        "Windows' by default): a clone there holds one file for the two, not the files checked; "
        f"rename or remove {shown[spelled if not registry(spelled) or registry(other) else other]}"
    )


def load_schema(root: Path) -> Schema:
    """The trial schema, loaded for one run: what is worked out from it is kept on it (fields.Schema)."""
    with open(root / SCHEMA_PATH, encoding="utf-8") as handle:
        return Schema(json.load(handle))
