"""The passage of a source nearest a text a record writes, shown in a message when the text is not
found (Sources.closest): what the curator compares with what they wrote. difflib does the matching;
what is bounded here is what a hostile record can make it cost."""

from __future__ import annotations

import difflib

MAX_SEARCHES = 20  # nearest-passage searches a record may cost (difflib is quadratic)


# A nearest-passage search (closest) takes a step for each character of the quote and each place of
# the text searched holding that character: the steps one search may take, and the most characters
# of a source it looks at (difflib keeps a list entry for each). The quote is cut to 2,000
# characters; a source may hold 32 MiB, so the stretch of it searched is bounded too (stretch).
SEARCH_STEPS = 2_000_000
MAX_STRETCH = 200_000
MARGIN = 20  # characters of the source beside a passage as long as the quote
_PIECES = 16  # pieces of the quote looked for in a large source
_PLACES = 8  # places each piece is looked for at


def stretch(needle: str, haystack: str) -> str:
    """The stretch of haystack a nearest-passage search for needle looks at: all of it when the
    search is cheap, else a stretch of at most SEARCH_STEPS / len(needle) characters (never shorter
    than needle and its margins, never longer than MAX_STRETCH) around where most pieces of needle
    stand in the places that each piece puts needle's start at. Looking the pieces up is str.find,
    a scan of the source each at most, as any quote's lookup is."""
    size = len(needle)
    room = min(MAX_STRETCH, max(size + 2 * MARGIN, SEARCH_STEPS // max(size, 1)))
    if len(haystack) <= room:
        return haystack
    width = min(12, max(1, size // 4))
    offsets = sorted({round(i * (size - width) / (_PIECES - 1)) for i in range(_PIECES)}) if size > width else [0]
    starts: list[int] = []  # where each place of a piece puts needle's start
    for offset in offsets:
        piece = needle[offset : offset + width]
        at = haystack.find(piece)
        for _ in range(_PLACES):
            if at < 0:
                break
            starts.append(at - offset)
            at = haystack.find(piece, at + 1)
    best = 0
    if starts:
        near = max(8, size // 8)
        best = max(sorted(starts), key=lambda start: sum(abs(other - start) <= near for other in starts))
    lo = max(0, min(best - (room - size) // 2, len(haystack) - room))
    return haystack[lo : lo + room]


def closest(needle: str, haystack: str) -> str:
    """The passage of haystack most like needle (difflib), aligned to needle's ends; searched for in
    stretch(needle, haystack) alone."""
    haystack = stretch(needle, haystack)
    a, b, _ = difflib.SequenceMatcher(None, needle, haystack, autojunk=False).find_longest_match(
        0, len(needle), 0, len(haystack)
    )
    lo = max(0, b - a - MARGIN)
    window = haystack[lo : b - a + len(needle) + MARGIN]
    blocks = [m for m in difflib.SequenceMatcher(None, needle, window, autojunk=False).get_matching_blocks() if m.size]
    if not blocks:
        return ""
    first, last = blocks[0], blocks[-1]
    return window[max(0, first.b - first.a) : last.b + last.size + (len(needle) - last.a - last.size)]


def excerpt(text: str, at: int, width: int = 70) -> str:
    lo = max(0, at - width // 2)
    return ("…" if lo else "") + text[lo : lo + width] + ("…" if lo + width < len(text) else "")


def difference(needle: str, passage: str) -> str:
    """Both texts cut around their first difference: 'record has "…", source has "…"'."""
    at = next((i for i, (x, y) in enumerate(zip(needle, passage)) if x != y), min(len(needle), len(passage)))
    return f'the record has "{excerpt(needle, at)}", the source has "{excerpt(passage, at)}"'
