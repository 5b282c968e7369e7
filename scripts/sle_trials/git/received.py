"""Sources as the base branch received them: what .ci/trusted-check holds a pull request's sources to.

`trials check` holds each source to the manifest of its own tree, seeds/SHA256SUMS, and a pull request
writes that manifest. One that edited a source in place together with its line there (IM19's copy
made to say "60 participants" where it says 6, its line the sha256 of the new bytes, the record's
enrollment 60 with that quote) was consistent in itself, and the base branch's check of its data
passed it: the base branch's code and schema vouched for a value read from a document the base
branch never received, which only a reviewer reading `trials diff`'s `seeds: changed` line could
tell. A source is kept as received, and a new version of it is a new file; so each source the
manifest of the checkout running this (the base branch's) lists must be, where the pull request
still holds it, the bytes listed there (E307). A source removed, or added under a new name, is no
change in place; but a name that a disk folding case or Unicode forms takes as the old one
(files.folded: `000_84A0F0163F21158E.txt` for `000_84a0f0163f21158e.txt`) is the old file on macOS
and Windows, edited in place there: IM19's source renamed only in case and made to say 60, read as
one source removed and a new one added, passed, and `trials diff` showed what reads as a rename.

    usage: python -m sle_trials.git.received BASE FOLDER
    BASE: the base branch's registry (its seeds/SHA256SUMS); FOLDER: the pull request's data, as
    git/extract.py wrote it. Exit status: 0 every source as received, 1 a source changed in place.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sle_trials import files
from sle_trials.checks import sources
from sle_trials.outputs import report
from sle_trials.paths import SEEDS_DIR
from sle_trials.problem import Problem


def changed(base: Path, root: Path) -> list[Problem]:
    """E307 for each source base's manifest lists that root holds with other bytes, under its name or
    one a folding disk takes as it. A source root holds as no plain file is refused by root's own
    check (E307), and is not read here."""
    entries, _ = sources.read(base)  # the base branch's own manifest: its malformed lines are its own
    try:
        held = sorted(entry.name for entry in os.scandir(root / SEEDS_DIR))
    except OSError:  # no seeds/ folder: root's own check says so
        held = []
    alike: dict[str, list[str]] = {}
    for name in held:
        alike.setdefault(files.folded(name), []).append(name)
    problems = []
    for entry in entries:
        for name in alike.get(files.folded(entry.name), []):
            seed = f"{SEEDS_DIR}/{name}"
            found = sources.read_seed(root, seed)
            if found.sha256 is None or found.sha256 == entry.digest:
                continue
            shown = files.shown(seed)
            listed = (
                "" if name == entry.name else f" as {SEEDS_DIR}/{entry.name}, which a disk folding case takes it for,"
            )
            problems.append(
                Problem(
                    shown,
                    0,
                    0,
                    "E307",
                    f"{shown} is not the document the base branch received: its sha256 is {found.sha256}, the base "
                    f"branch's {sources.MANIFEST_PATH} lists {entry.digest}{listed}; a source is kept as received, "
                    "and a new version of it is a new file (cite that, and leave this one as it was)",
                )
            )
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m sle_trials.git.received BASE FOLDER", file=sys.stderr)
        return 2
    problems = changed(Path(args[0]), Path(args[1]))
    report.render(problems, "text", sys.stdout, files=0, summary=False)
    if problems:
        count = len(problems)
        print(f"{count} source{'s' * (count != 1)} changed in place since the base branch received them")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
