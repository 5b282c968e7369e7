"""Sources: the documents under seeds/ stay byte-for-byte as received.

seeds/SHA256SUMS (the format `sha256sum` writes and `sha256sum -c` reads) lists every source document
with its hash. A document that is missing from it, differs from its hash, or is listed but gone is a
problem, so an edited or unlisted source cannot slip into a commit.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .layout import SEEDS_DIR
from .problem import Problem

MANIFEST = "SHA256SUMS"


def check_manifest(root: Path, seed_files: list[str]) -> list[Problem]:
    """seed_files: the source documents, as paths relative to the root (seeds/NAME)."""
    manifest = root / SEEDS_DIR / MANIFEST
    shown = f"{SEEDS_DIR}/{MANIFEST}"
    listed: dict[str, tuple[str, int]] = {}
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    for number, line in enumerate(lines, 1):
        digest, _, name = line.partition("  ")
        if name:
            listed[f"{SEEDS_DIR}/{name.lstrip('*')}"] = (digest.strip().lower(), number)
    fix = f"(cd {SEEDS_DIR} && sha256sum NAME >> {MANIFEST})"
    problems = []
    for seed in seed_files:
        if seed not in listed:
            problems.append(Problem(seed, 0, 0, "E307", f"{seed} is not listed in {shown}; add it: {fix}"))
            continue
        actual = hashlib.sha256((root / seed).read_bytes()).hexdigest()
        if actual != listed[seed][0]:
            problems.append(Problem(seed, 0, 0, "E307", f"{seed} differs from its sha256 in {shown}: a source is kept exactly as received; restore it (git checkout -- {seed})"))
    for seed, (_, number) in listed.items():
        if seed not in seed_files:
            problems.append(Problem(shown, number, 1, "E307", f"{seed} is listed but not under {SEEDS_DIR}/; restore it or remove the line"))
    return problems
