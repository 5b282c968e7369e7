"""Sources: the documents under seeds/ stay byte-for-byte as received.

seeds/SHA256SUMS (the format `sha256sum` writes and `sha256sum -c` reads) lists every source document
with its hash. A document that is missing from it, differs from its hash, or is listed but gone is a
problem, so an edited or unlisted source cannot slip into a commit.

Every source and the manifest itself are read through files.read: a link (to a secret outside the
repository, to /dev/zero), a named pipe or a device under seeds/ is reported and never read, so its
target can never be quoted in a message or a CI annotation.
"""

from __future__ import annotations

import hashlib
import os
import shlex
from pathlib import Path

from . import files
from .layout import SEEDS_DIR
from .problem import Problem

MANIFEST = "SHA256SUMS"


def check_manifest(root: Path, seed_files: list[str]) -> list[Problem]:
    """seed_files: the source documents, as paths relative to the root (seeds/NAME)."""
    manifest = root / SEEDS_DIR / MANIFEST
    shown = f"{SEEDS_DIR}/{MANIFEST}"
    problems = []
    listed: dict[str, tuple[str, int]] = {}
    try:
        lines = files.read_bytes(manifest, files.MAX_SOURCE_BYTES).decode("utf-8", "surrogateescape").splitlines()
    except files.Refused as exc:
        lines = []
        if os.path.lexists(manifest):
            problems.append(Problem(shown, 0, 0, "E307", f"{shown} is not read: {exc}; it must be a plain file listing every source"))
    for number, line in enumerate(lines, 1):
        digest, _, name = line.partition("  ")
        if name:
            listed[f"{SEEDS_DIR}/{name.lstrip('*')}"] = (digest.strip().lower(), number)
    fix = f"(cd {SEEDS_DIR} && sha256sum NAME >> {MANIFEST})"
    for seed in seed_files:
        name = seed[len(SEEDS_DIR) + 1 :]
        if not files.NAME.match(name):  # refused by its name alone: never read, never printed raw
            shown_seed = files.shown(seed)
            problems.append(Problem(shown_seed, 0, 0, "E307", f"{shown_seed}: a source's file name is letters, digits, '.', '_' "
                                    "and '-', starting with a letter or a digit, at most 200 characters; rename it"))
            continue
        try:
            raw = files.read_bytes(root / seed, files.MAX_SOURCE_BYTES)
        except files.Refused as exc:
            problems.append(Problem(seed, 0, 0, "E307", f"{seed} is not read: {exc}; a source document is a plain file under {SEEDS_DIR}/, kept as received"))
            continue
        if seed not in listed:
            problems.append(Problem(seed, 0, 0, "E307", f"{seed} is not listed in {shown}; add it: {fix}"))
            continue
        if hashlib.sha256(raw).hexdigest() != listed[seed][0]:
            problems.append(Problem(seed, 0, 0, "E307", f"{seed} differs from its sha256 in {shown}: a source is kept exactly as received; restore it (git checkout -- {shlex.quote(seed)})"))
    for seed, (_, number) in listed.items():
        if seed not in seed_files:
            problems.append(Problem(shown, number, 1, "E307", f"{files.shown(seed)} is listed but not under {SEEDS_DIR}/; restore it or remove the line"))
    return problems

