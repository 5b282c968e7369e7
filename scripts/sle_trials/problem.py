"""A problem found in a file: where it is, its code, and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass

from sle_trials.checks.codes import CODES


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based; 0 when the problem has no place in the file
    column: int  # 1-based; 0 when unknown
    code: str
    message: str

    def __post_init__(self) -> None:
        if self.code not in CODES:  # a typo in a code is a bug in the tool, not in the data
            raise ValueError(f"unregistered problem code {self.code}")

    @property
    def name(self) -> str:
        return CODES[self.code].name
