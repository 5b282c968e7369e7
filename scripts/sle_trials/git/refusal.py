"""What the extraction raises when a commit may not be checked (Refused), and how a refusal names a place."""

from __future__ import annotations

from sle_trials import files


class Refused(Exception):
    """A path no checkout writes: the data is not extracted."""


def refused_at(path: str, data: bytes | str, at: int, said: str) -> Refused:
    """The refusal of path for what stands at index at of its bytes (or text) data: said after the file's
    name and the number of the line it stands on, as every refusal of a place in a file begins."""
    line = (data.count(b"\n", 0, at) if isinstance(data, bytes) else data.count("\n", 0, at)) + 1
    return Refused(f"{files.shown(path)} line {line}: {said}")
