"""Look-alike characters: the letters a reader cannot tell from others (Unicode TR39's confusables).

A layout is known by its lines: a registry copy by its headings, a ClinConnect page by its first
line. "Eligibility Criteria" written with a Cyrillic "Е" (U+0415), or "ClinConnect" with a Cyrillic
"С", shows a reader the same heading, but was no heading to the reader of layouts: a copy of IM19's
registry page so written read as plain text (a quote may stand anywhere there) and vouched for a
stub of NCT06886919 under the title of the related trial listed after it. A line is read as a
layout's heading when it shows a reader that heading: when the two have one skeleton (TR39's fold of
each character into the one it is confused with).

The confusables come from the `confusable-homoglyphs` package (Unicode's confusables.txt, kept and
released as data with it), not from a table of this project's: a new Unicode version is a new
release there. Its data pairs each character with those it is confused with; the skeleton here maps
each character to one ASCII representative of its group (the letters and digits a heading is
written in), and ASCII's own look-alikes ("l", "I", "1", "|"; "O", "0"; "m", "rn") to one of them.

The two folds are worked out from that data once, when the library changes, into the generated
module reading/confusables.py (`python -m sle_trials.reading.lookalike` writes it, `--check` says
whether it is current; tests/test_lookalike.py holds it to the installed library's data). Each process
that read a non-ASCII text worked both out again from the 900 KB JSON, about 60 ms of the 0.5 s a
one-file re-check may take; and the check no longer reads a library's data at run time, so every
machine folds alike whichever release it has installed.
"""

from __future__ import annotations

import functools
import json
import sys
import unicodedata
from importlib import resources
from pathlib import Path

from sle_trials.reading import confusables


def skeleton(text: str) -> str:
    """text as a reader may take it: each character folded into its look-alikes' representative (one
    to four characters: a skeleton is never shorter than its text), each white space a space but a
    line feed."""
    return text.translate(_table())


def shows_a_digit(c: str) -> bool:
    """Whether the character c shows a reader one digit: its skeleton is one ("З", a Cyrillic ZE,
    shows "3"; "O" shows "0")."""
    return len(shown := skeleton(c)) == 1 and shown.isdigit()


@functools.cache
def _table() -> dict[int, str]:
    """confusables.SKELETON and white space as one str.translate table (C's speed: a source may hold
    millions of lines), built once a process from the generated module: a constant, which no run
    changes (tests/test_layering.py allows it as it allows the code table)."""
    table = {ord(c): rep for c, rep in confusables.SKELETON.items()}
    table.update((ord(c), " ") for c in _SPACES)
    return table


# White space (str.isspace) but the line feed, which skeleton() keeps: lines folded as one text stay lines
_SPACES = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + ("\u2028\u2029\u202f\u205f\u3000")
)


def letters(text: str) -> str:
    """text with each letter of another script that shows a reader an ASCII letter written as that
    letter (a Cyrillic "о" as "o", a Greek "Α" as "A"): what the checks compare and read words in
    (layouts.normalise, after NFKC, which folds the full-width and styled ones already). A label,
    a denial or a criteria word written with one ("Cоmpletion date:" with a Cyrillic "о") shows a
    reader the word, and was read as other words: the date under it passed as a start date. Only
    letters fold, each into one letter (never a digit, nor ASCII's own look-alikes into one another:
    unlike skeleton(), "I" stays "I"), so numbers and the words a reader tells apart read as before."""
    return text if text.isascii() else text.translate(_letter_table())


@functools.cache
def _letter_table() -> list[str]:
    """letters()'s table, built once a process from confusables.LETTERS (a constant, as _table is): a
    list by code point (each character that folds not at all is itself; one past the last, none
    folds), which str.translate reads three times as fast as a dict."""
    folded = list(map(chr, range(max(map(ord, confusables.LETTERS)) + 1)))
    for c, letter in confusables.LETTERS.items():
        folded[ord(c)] = letter
    return folded


# What follows works the two folds out from the library's data, for the generated module only: no
# check runs it (the library is a dependency of the tests, not of the tool).


def _data() -> dict[str, list[dict[str, str]]]:
    # the package's data file, read as data: its module would import urllib and read the file named
    # by the environment's CONFUSABLE_DATA instead, when that is set
    text = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    data: dict[str, list[dict[str, str]]] = json.loads(text)
    return data


def skeleton_fold(data: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    """Each character that folds, with its skeleton: ASCII's own classes of look-alikes, each written
    as its longest member ("m" as "rn"), then its least; every other character as the skeleton of the
    first ASCII text it is confused with."""

    def alternatives(c: str) -> list[str]:
        return [entry["c"].strip("\u200e") for entry in data.get(c, ())]

    classes: dict[str, set[str]] = {}
    for c in map(chr, range(0x21, 0x7F)):
        group = {c, *(a for a in alternatives(c) if a.isascii())}
        for member in list(group):
            group |= classes.get(member, set())
        for member in group:
            classes[member] = group
    ascii_rep = {c: min(group, key=lambda m: (-len(m), m)) for c, group in classes.items()}
    fold = {c: rep for c, rep in ascii_rep.items() if rep != c}
    for c in data:
        if len(c) == 1 and not c.isascii():
            ascii_ones = [a for a in alternatives(c) if a.isascii() and a]
            if ascii_ones:
                fold[c] = "".join(ascii_rep.get(x, x) for x in ascii_ones[0])
    return fold


def letter_fold(data: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    """Each letter of another script that shows one ASCII letter, with that letter (those NFKC folds
    already left out: layouts.normalise folds NFKC first)."""
    fold: dict[str, str] = {}
    for c, entries in data.items():
        if len(c) != 1 or c.isascii() or not unicodedata.category(c).startswith("L"):
            continue
        if unicodedata.normalize("NFKC", c) != c:  # NFKC reads it first
            continue
        target = next(
            (a for e in entries if len(a := e["c"].strip("\u200e")) == 1 and a.isascii() and a.isalpha()), None
        )
        if target is not None:
            # Unicode groups the capital I with the small L: a capital that shows "l" shows "I"
            fold[c] = "I" if target == "l" and unicodedata.category(c) == "Lu" else target
    return fold


def _entries(fold: dict[str, str]) -> str:
    # one a line, by code point, each character escaped: the module is ASCII, and a reviewer sees
    # which characters fold, not characters that look like others
    return "".join(f"    {_literal(c)}: {_literal(rep)},\n" for c, rep in sorted(fold.items()))


def _literal(text: str) -> str:
    # in double quotes but where the text holds one, as ruff format writes it
    written = ascii(text)
    if written[0] == "'" and '"' not in text:
        written = '"' + written[1:-1].replace("\\'", "'") + '"'
    return written


def generated() -> str:
    """The text of reading/confusables.py, from the installed library's data."""
    from importlib import metadata

    data = _data()
    version = metadata.version("confusable-homoglyphs")
    return (
        '"""Generated by `python -m sle_trials.reading.lookalike` from confusable-homoglyphs '
        f"{version}'s\nconfusables.json (Unicode TR39): do not edit. reading/lookalike.py says what the two "
        'folds are."""\n\n'
        "# skeleton(): each character that folds, with the ASCII text it shows\n"
        f"SKELETON = {{\n{_entries(skeleton_fold(data))}}}\n\n"
        "# letters(): each letter of another script that shows one ASCII letter, with that letter\n"
        f"LETTERS = {{\n{_entries(letter_fold(data))}}}\n"
    )


GENERATED = Path(__file__).with_name("confusables.py")
COMMAND = "python -m sle_trials.reading.lookalike"


def main(argv: list[str] | None = None) -> int:
    """Write reading/confusables.py; with --check, only say whether it is current (exit 1 if not)."""
    args = sys.argv[1:] if argv is None else argv
    try:
        text = generated()
    except ModuleNotFoundError as exc:  # the library is the test extra's, which `make check` leaves out
        if exc.name != "confusable_homoglyphs":
            raise
        print(
            f"{COMMAND} reads the confusable-homoglyphs release the test extra pins, which is not "
            "installed: run .venv/bin/pip install -e '.[test]' (make test installs it too)",
            file=sys.stderr,
        )
        return 2
    if args == ["--check"]:
        if GENERATED.read_text(encoding="utf-8") != text:
            print(f"{GENERATED.name} is not the installed confusable-homoglyphs' data; run: {COMMAND}")
            return 1
        return 0
    if args:
        print(f"usage: {COMMAND} [--check]", file=sys.stderr)
        return 2
    GENERATED.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
