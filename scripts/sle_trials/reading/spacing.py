"""A record's text spaced as its source writes it. normalise() reads every run of white space as one
space, on both sides, so "IM19  CAR-T", " IM19 CAR-T " and a title broken over two lines all read as
the source's "IM19 CAR-T", passed, and trials.csv, the exports and the site carried spacing no source
writes. A record's run of spaces, tab or line break must stand where its text stands in a cited source
as written (misspaced), and a one-line value neither starts nor ends with white space (loose_end).
A single space between two words is the one spacing any source's white space reads as (a line the
source wraps, a record's criterion folded over lines by YAML): it is never held to more."""

from __future__ import annotations

import itertools
import re

from sle_trials.reading import markup
from sle_trials.reading.layouts import (
    ASCII_SPACE,
    HTML,
    JSON,
    SourceDoc,
    json_line,
    json_lines,
    normalise,
    shown,
    source_json,
)

# A record's text is split at ASCII's white space (layouts.ASCII_SPACE: a no-break space is a
# character of the text, which literal() and Sources.miswritten hold to the source's own)
_ENDS = " \t\n\r\x0b\x0c"
# Between two JSON values of a source: no white space, so that no record's text spans two of them
_APART = "\x00"
# The spacings of a text the sources lack looked for one by one, to name the first that none writes;
# beyond them the first is named. Each look is a search of every source (up to 32 MiB each): a
# record of thousands of texts each spaced otherwise at many places cost thousands of searches a text
NAMED = 3


def _only_single(text: str) -> bool:
    """Whether text is spaced as any source's text reads: single spaces between its words, none at its
    ends (most values: nothing more is looked at)."""
    if text[:1] in _ENDS or text[-1:] in _ENDS:
        return False
    return all(run == " " for run in ASCII_SPACE.findall(text))


def loose_end(text: str) -> str | None:
    """The white space a one-line text starts or ends with ("a leading space", "a trailing line
    break"), or None: a value of one line holds none, whatever its source writes around it."""
    inner = text.strip(_ENDS)
    if not inner or "\n" in inner or "\r" in inner:
        return None  # several lines (a summary's paragraphs): held to the source as written (misspaced)
    if inner == text:
        return None
    where = "leading" if text[:1] in _ENDS else "trailing"
    run = text[: len(text) - len(text.lstrip(_ENDS))] if where == "leading" else text[len(text.rstrip(_ENDS)) :]
    return f"a {where} {named(run)}"


def named(run: str) -> str:
    """A run of white space in words: "space", "double space", "tab", "line break", "3 spaces"."""
    if run == " ":
        return "space"
    if run == "  ":
        return "double space"
    if run == "\t":
        return "tab"
    if run == "\n":
        return "line break"
    if set(run) == {" "}:
        return f"run of {len(run)} spaces"
    if set(run) == {"\n"}:
        return f"run of {len(run)} line breaks"
    return f"white space {run!r}"


def source_text(doc: SourceDoc) -> str:
    """A source's text as compared with a record's spacing: as normalise() reads it but for its white
    space, which is the source's own (its line breaks each "\\n"), read from its bytes (SourceDoc.raw)
    as the document was (SourceDoc.form): a web page as a browser shows it (markup.shown), a JSON
    document as its "key: value" lines (json_lines), as its passages read, none running into the
    next. A document that keeps no bytes has none, nor does one none of whose text is read
    (SourceDoc.unread: its style may hide what only a browser tells, or its reader opens its bytes
    otherwise): its spacing is no reading of what the check read."""
    if doc.raw is None or doc.unread is not None:
        return ""
    text = doc.raw.decode("utf-8", errors="replace")
    if doc.form == HTML:
        return spaced(markup.shown(text))
    if doc.form == JSON:
        document = source_json(doc.file, text)
        return _APART.join(json_line(key, spaced(value)) for key, value in json_lines(document))
    return spaced(text)


def spaced(text: str) -> str:
    """normalise(text) with its white space as written (layouts.shown, spaces=True): NFKC, the
    look-alike letters, the invisible characters dropped and the markdown escapes removed, as a
    record's words are read (a source's no-break space is a space in NFKC, as normalise reads it)."""
    return shown(text, spaces=True)


# The stretches of a source's spaced text looked at for each passage where it states a field: a
# passage's words stand so many times at most (a short passage a long source repeats), each a search
HELD = 100
# Between two words of a passage in a source's spaced text: its white space, or where two JSON values meet
_BETWEEN = "[ \t\n\r\x0b\x0c\x00]+"


def regions(spaced: str, passages: list[str]) -> list[str]:
    """The stretches of a source's spaced text (source_text) whose words are a passage's (passages:
    normalised, as a document places a field): a record's spacing is held to where the source states
    the field, not to a copy of its words in another trial's lines. A passage stands where its words
    do with any white space between them; one standing nowhere so (a page's text read otherwise than
    as it spaces it) holds no spacing of the record's."""
    found: list[str] = []
    for passage in passages:
        words = passage.split(" ")
        if not passage or not words:
            continue
        pattern = re.compile(_BETWEEN.join(map(re.escape, words)))
        found += [m.group() for m in itertools.islice(pattern.finditer(spaced), HELD)]
    return found


def _pieces(text: str) -> tuple[list[str], list[str]]:
    """text's words (normalised) and the runs of white space before, between and after them: runs[i]
    stands before words[i], runs[-1] after the last word. A word that reads as nothing (an invisible
    character) is left out, its runs joined."""
    words: list[str] = []
    runs = [""]
    at = 0
    for gap in ASCII_SPACE.finditer(text):
        _word(text[at : gap.start()], words, runs)
        runs[-1] += gap.group()
        at = gap.end()
    _word(text[at:], words, runs)
    return words, runs


def _word(raw: str, words: list[str], runs: list[str]) -> None:
    word = normalise(raw)
    if word:
        words.append(word)
        runs.append("")


def _run(run: str, inside: bool) -> str:
    """The pattern of a source's white space a record's run is: a single space between words reads as
    any (the source's line wrapped there); any other as written, but that a line break may follow the
    spaces the source leaves at the end of its line (an import trims them)."""
    if inside and run == " ":
        return r"\s+"
    return "".join(r"[ \t]*\n" if c == "\n" else re.escape(c) for c in run)


def _pattern(words: list[str], runs: list[str], upto: int) -> re.Pattern[str]:
    """The pattern of the text's words up to words[upto] with their runs (the trailing run when all)."""
    parts = [_run(runs[0], False)]
    for i, word in enumerate(words[: upto + 1]):
        if i:
            parts.append(_run(runs[i], True))
        parts.append(re.escape(word))
    if upto >= len(words) - 1:
        parts.append(_run(runs[-1], False))
    return re.compile("".join(parts))


def misspaced(text: str, sources: list[str]) -> str | None:
    """None when text, as a record holds it, stands in one of the sources' texts (source_text) with the
    same spacing; else the first run of white space that none writes so ("a double space after 'IM19'").
    Only a text with a run other than one space between words is looked at (_only_single)."""
    if _only_single(text):
        return None
    words, runs = _pieces(text)
    if not words:
        return None
    whole = _pattern(words, runs, len(words) - 1)
    if any(whole.search(source) for source in sources):
        return None
    odd = [i for i, run in enumerate(runs) if run and not (run == " " and 0 < i < len(runs) - 1)]
    for i in odd[:NAMED]:
        upto = min(i, len(words) - 1)
        if not any(_pattern(words, runs, upto).search(source) for source in sources):
            return _described(words, runs, i)
    return _described(words, runs, odd[0])


def _described(words: list[str], runs: list[str], i: int) -> str:
    if i == 0:
        return f"a {named(runs[i])} before {words[0]!r}"
    return f"a {named(runs[i])} after {words[i - 1]!r}"
