"""A problem found in a file (where it is, its code, what is wrong), and the declaration of a check."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    """One check, declared at the top of the module that makes it (see sle_trials/checks/__init__.py).

    module is filled in by the table of codes: the module the declaration stands in."""

    code: str
    name: str
    summary: str
    module: str = ""


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based; 0 when the problem has no place in the file
    column: int  # 1-based; 0 when unknown
    code: str
    message: str

    def __post_init__(self) -> None:
        from sle_trials.checks import table

        if self.code not in table():  # a typo in a code is a bug in the tool, not in the data
            raise ValueError(f"unregistered problem code {self.code}")

    @property
    def name(self) -> str:
        from sle_trials.checks import table

        return table()[self.code].name


def quoted(texts: list[str], width: int = 90) -> str:
    """A record's quotes as a message shows them: together, cut to width characters."""
    text = " / ".join(texts)
    return repr(text if len(text) <= width else text[: width - 1] + "…")
