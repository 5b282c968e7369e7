"""Checkout: the bytes the checks read are the bytes committed.

The checks read the work tree; what a commit holds is its blobs. Git writes one into the other
through the attributes .gitattributes gives each path, and a pull request may change
.gitattributes: `ident` writes `$Id: <blob id> $` where a blob says `$Id$`, `working-tree-encoding`
re-encodes the text (UTF-7 writes a non-ASCII character as ASCII letters and digits), `eol=crlf`
ends lines differently, and a `filter` runs whatever program the clone's configuration names for it.
`text` or `text=auto` (or the older `crlf`) without `eol` leaves the line ends to the clone's
core.autocrlf and core.eol, and a file with no such attribute is written with CRLF where
core.autocrlf is true (Git for Windows' default): each is refused where the clone writes CRLF.
A source with `ident`, its manifest line the hash of the expanded bytes, passed every check while
the blob committed (what GitHub, `git show` and `trials diff` show) hashed to something else; a
record and its source re-encoded together could quote words that neither blob holds. `export-subst`
rewrites no checkout, but every `git archive` (a branch's ZIP and a release's source archive on
GitHub): `$Format:%x36%x30$` in a record or a source, which the checks read as written, is "60"
there.

So within a git work tree, no such attribute may apply to a file of the registry: its trial files,
its sources and their manifest, the schema, trials.csv and datapackage.json (E308). `text eol=lf`
(what this repository's .gitattributes gives records and code) writes an LF blob as it is, and
`-text` (sources) writes it byte for byte: both are fine. Outside git nothing is converted.
"""

from __future__ import annotations

import os
from pathlib import Path

from sle_trials import files
from sle_trials.git import plumbing
from sle_trials.paths import GENERATED_PATHS, SCHEMA_PATH, SEEDS_DIR, TRIALS_DIR
from sle_trials.problem import Check, Problem

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check(
        "E308",
        "rewritten-on-checkout",
        "a registry file that .gitattributes has git rewrite between commit and work tree (ident, a filter, "
        "working-tree-encoding, eol=crlf, or text whose line ends the clone's core.autocrlf or core.eol makes "
        "CRLF) or in an archive (export-subst): the checks would read other bytes than those committed",
    ),
)

ATTRIBUTES = ("filter", "ident", "working-tree-encoding", "export-subst", "eol", "text", "crlf")
GENERATED = tuple(p.as_posix() for p in GENERATED_PATHS)  # checked against the records (E401)
_HARMLESS = ("unspecified", "unset")
_TRUE = ("true", "yes", "on", "1")


def rewrites(attributes: dict[str, str], config: dict[str, str]) -> list[str]:
    """The attributes (as name=value) by which git rewrites a file on checkout, or in an archive of
    it (`export-subst`: `git archive`, by which GitHub makes a branch's ZIP). config: the clone's
    core.autocrlf and core.eol (lower case), which decide the line ends of a text file whose
    attributes do not (git's convert.c): `text` or `text=auto` (or the older `crlf`) without `eol`
    writes CRLF where core.autocrlf is true (Git for Windows' default) or core.eol is crlf, and so
    does a file with no such attribute at all where core.autocrlf is true."""
    out = []
    for name in ("filter", "ident", "working-tree-encoding", "export-subst"):
        value = attributes.get(name, "unspecified")
        if value not in _HARMLESS:
            out.append(name if value == "set" else f"{name}={value}")
    eol = attributes.get("eol", "unspecified")
    name, text = "text", attributes.get("text", "unspecified")
    if text == "unspecified":  # the older attribute, which git still reads where text says nothing
        name, text = "crlf", attributes.get("crlf", "unspecified")
    if eol == "crlf":
        out.append("eol=crlf")
    elif eol != "lf" and text not in ("unset", "input"):  # (crlf=input is eol=lf)
        autocrlf, core_eol = config.get("core.autocrlf", "false"), config.get("core.eol", "native")
        said = "no text attribute" if text == "unspecified" else name if text == "set" else f"{name}={text}"
        if autocrlf in _TRUE:
            out.append(f"{said} with core.autocrlf=true")
        elif text != "unspecified" and autocrlf != "input" and core_eol == "crlf":
            out.append(f"{said} with core.eol=crlf")
    return out


# The attributes by which git and GitHub show a file's changes as no lines at all: `-diff` (and
# `binary`, which sets it) has `git diff` say "Binary files differ", and `linguist-generated` has
# GitHub's review fold the file's diff away ("Some generated files are not rendered by default").
UNSHOWN = ("diff", "linguist-generated")


def unshown(attributes: dict[str, str]) -> list[str]:
    """The attributes (as written) by which a review shows none of a file's changed lines."""
    out = []
    if attributes.get("diff") == "unset":
        out.append("-diff")
    # Linguist takes the attribute as set for any value but the exact string "false" (its
    # boolean_attribute): `=no`, `=0` and `=FALSE` fold the diff away as well
    generated = attributes.get("linguist-generated", "unspecified")
    if generated not in ("unspecified", "unset", "false"):
        out.append("linguist-generated" if generated == "set" else f"linguist-generated={generated}")
    return out


# The attribute by which `git archive` (GitHub's ZIP of a branch, a release's source archive) leaves a file
# out: the archive then runs without it, other code than the commit's.
OMITTED = ("export-ignore",)


def omitted(attributes: dict[str, str]) -> list[str]:
    """The attributes (as written) by which an archive leaves a file out (git's archive.c reads only a set
    `export-ignore`)."""
    return [name for name in OMITTED if attributes.get(name) == "set"]


# The attribute by which git merges a file's two sides: `merge=union` (git's own driver) takes the lines of
# both where they conflict and says nothing, and a driver a clone configures runs its own command (`merge=ours`
# with `merge.ours.driver true`, a common recipe, keeps the base's lines and drops the other side's).
MERGED = ("merge",)
# a conflict shown as one (`binary`, `-merge`: kept as it is on the branch, and said to conflict), and the
# registry's drivers (git/merge.py), which merge only the files they generate or read and leave any other a
# conflict (tests/test_attacks_pr_hunt187.py); `trials.csv merge=trials-csv` also names the tests' copies
_MERGED_AS_SHOWN = ("unspecified", "set", "unset", "text", "binary", "trials-csv", "trials-manifest")


def merged(attributes: dict[str, str]) -> list[str]:
    """The attribute (as written) by which git merges a file otherwise than line by line with its conflicts
    shown: any driver but git's `text` and `binary` (`-merge`) and the registry's own."""
    value = attributes.get("merge", "unspecified")
    return [] if value in _MERGED_AS_SHOWN else [f"merge={value}"]


def hides(how: str) -> bool:
    """Whether how (one of rewrites' or unshown's answers) is unshown's: an attribute that hides a file's
    changes, not one that rewrites its bytes."""
    return how == "-diff" or how.startswith("linguist-generated")


def registry_paths(root: Path) -> list[str]:
    """Every file of the registry, from its root: trials/ and seeds/ entry by entry, the schema and
    the generated files (those that exist: a missing one is E401's)."""
    out = []
    for folder in (TRIALS_DIR, Path(SEEDS_DIR)):
        try:
            out += sorted(f"{folder.as_posix()}/{entry.name}" for entry in os.scandir(root / folder))
        except OSError:  # no such folder: the pipeline has said so
            continue
    out += [name for name in (SCHEMA_PATH.as_posix(), *GENERATED) if os.path.lexists(root / name)]
    return out


def check(root: Path) -> list[Problem]:
    """E308 for each file of the registry that git rewrites on checkout; nothing outside a git work tree."""
    if not plumbing.maybe_in_a_repository(root):
        return []
    try:
        repository = plumbing.Repository(root)
        found = repository.attributes(ATTRIBUTES, registry_paths(root))
        config = repository.line_ends()
    except (plumbing.GitError, OSError):  # no git, or not in a work tree: nothing converts a checkout
        return []
    problems = []
    for path, attributes in sorted(found.items()):
        how = rewrites(attributes, config)
        if how:
            shown = files.shown(path)
            problems.append(
                Problem(
                    shown,
                    0,
                    0,
                    "E308",
                    f"{shown}: git rewrites this file between commit and work tree or archive ({', '.join(how)}, from "
                    ".gitattributes or the clone's attributes and configuration), so the checks would read other "
                    "bytes than those committed; remove the attribute for the registry's files, or give them "
                    "`-text` or `text eol=lf`",
                )
            )
    return problems
