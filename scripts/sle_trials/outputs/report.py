"""Report: render problems as text (compiler style), GitHub workflow annotations, or JSON.

Every format escapes what it prints (files.printable): a path or a message that held a line break
could otherwise forge a problem line, or a `::error` or `::add-mask::` workflow command in a CI log;
a byte that is not UTF-8 in a file name could make the JSON unencodable. Paths reach here already
shown (files.shown); escaping them again changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TextIO

from sle_trials import command
from sle_trials.files import printable
from sle_trials.problem import Problem

FORMATS = ("text", "github", "json")
# Where a reader who sees a code for the first time finds what it means and how to fix it (a
# heading of the docs, held to exist by test_docs).
CODES_DOC = "docs/checks.md#codes"


def _where(path: str, p: Problem) -> str:
    if p.line:
        return f"{path}:{p.line}:{p.column}:" if p.column else f"{path}:{p.line}:"
    return f"{path}:"


def _escape_data(text: str) -> str:
    # GitHub's workflow-command escaping for the message part
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def unchecked_note(unchecked: Sequence[str]) -> str:
    """What `trials refs` says of the files it could not cross-check (they failed their own checks)."""
    n = len(unchecked)
    named = ", ".join(printable(path) for path in unchecked[:10]) + (f" and {n - 10} more" if n > 10 else "")
    return (
        f"{n} file{'s' * (n != 1)} not cross-checked: {'they have' if n != 1 else 'it has'} problems of "
        f"{'their' if n != 1 else 'its'} own; run {command.run('validate')} ({named})"
    )


def render(
    problems: Iterable[Problem],
    fmt: str,
    out: TextIO,
    *,
    files: int,
    summary: bool = True,
    unchecked: Sequence[str] = (),
) -> None:
    """unchecked: files that some of the checks skipped (refs: files that failed their own checks);
    said in every format, so that "no problems" is never said of what was not checked."""
    problems = sorted(set(problems))
    if fmt == "json":
        document = {
            "files": files,
            "problems": [
                {
                    "path": printable(p.path),
                    "line": p.line or None,
                    "column": p.column or None,
                    "code": p.code,
                    "name": p.name,
                    "message": printable(p.message),
                }
                for p in problems
            ],
        }
        if unchecked:
            document["not_cross_checked"] = [printable(path) for path in unchecked]
        json.dump(document, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    for p in problems:
        path, message = printable(p.path), printable(p.message)
        if fmt == "github":
            props = [f"file={_escape_property(path)}"]
            if p.line:
                props.append(f"line={p.line}")
            if p.column:
                props.append(f"col={p.column}")
            props.append(f"title={_escape_property(p.code + ' ' + p.name)}")
            out.write(f"::error {','.join(props)}::{_escape_data(message)}\n")
        else:
            out.write(f"{_where(path, p)} {p.code} {message}\n")
    if unchecked:
        note = unchecked_note(unchecked)
        out.write(
            f"::error title={_escape_property('not cross-checked')}::{_escape_data(note)}\n"
            if fmt == "github"
            else note + "\n"
        )
    if summary:
        if problems:
            in_files = len({p.path for p in problems})
            out.write(
                f"{len(problems)} problem{'s' * (len(problems) != 1)} "
                f"in {in_files} file{'s' * (in_files != 1)} ({files} checked); {CODES_DOC} explains each code\n"
            )
        elif unchecked:  # "no problems" of the files checked only, beside those that were not
            out.write(
                f"{files} file{'s' * (files != 1)} cross-checked, no problems among them; "
                f"{len(unchecked)} not cross-checked\n"
            )
        else:
            out.write(f"{files} file{'s' * (files != 1)} checked, no problems\n")
