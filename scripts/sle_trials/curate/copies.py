"""Copies: a source a change adds (or a record newly cites) that reads as a base one, and its changes.

`seeds/SHA256SUMS` proves a source unchanged since it was added, not that it was received: a pull
request that adds a source writes both the document and its hash. IM19's source copied under a new
name with "6 participants" made "60 participants", the old one removed, every citation moved to the
copy and the record's enrollment made 60 with that quote, passed every check (the base branch's
trusted one too, since the copy is no source the base branch received), and `trials diff` said only
"seeds: added seeds/001_….txt" and "seeds: removed seeds/000_….txt": the one word the copy's maker
wrote was shown nowhere, and a reviewer would have had to diff the two documents by hand to see it.

So `trials diff` compares each source added, or newly cited by a record, with the base's sources it
may have been made from: those the change removes, those the records citing it cited before, and
those the base's records of the trials an added one names cite (diff._copies). Where most of the
shorter one's words are the other's (each as often, in any order), it names that source and the
changes: “NA 6 participants” → “NA 60 participants”, each with the text to the white space either
side, where the words are in order too; the words one has more often than the other (“60” added,
“6” left out) where they are not (a plain document's lines reordered) or pairing them would cost too
much. Up to MAX_SHOWN changes are shown, those whose new words a record citing the copy says first,
then those with a digit: in the document's order, words changed before it put the 60 among those
unshown. A new version of a source (a registry page read again) is shown so too, which is what its
reviewer needs: a value a record changes should follow a word the new version changed.

Words are those the checks read (layouts.read: a page as the text a browser shows, a study as the
`key: value` lines of what is read of it), so a page laid out or escaped otherwise (`&#54;&#48;`),
or a study written again with other spaces, escapes or key order, is a copy still (written
compactly, a real study shared 72 % of its runs of text with its copy, and its count made ten times
was shown nowhere). What it costs is bounded (MAX_CHARACTERS and MAX_WORDS a document, MAX_PAIRS a
pairing, MAX_COMPARED words a run), and a source past the bound is said to be unread, never to be no
copy.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from sle_trials import files
from sle_trials.curate.changes import unmasked
from sle_trials.patterns import lazy
from sle_trials.reading import layouts

# The share of the shorter document's words the other has too: below it, the two are other documents,
# and nothing is said.
SIMILAR = 0.8
MIN_WORDS = 100  # the shorter of two documents compared has at least these words (fewer: read it whole)
MAX_WORDS = 200_000  # words of one document compared (a ClinicalTrials.gov study has ~25,000)
MAX_CHARACTERS = 10 * MAX_WORDS  # characters of a text split into words; a longer one is not compared
MAX_COMPARED = 2_000_000  # words compared in one run, over every pair: a pull request adding thousands stops here
MAX_PAIRS = 5_000_000  # pairs of like words difflib may visit in one comparison (~2 s at worst)
MAX_SHOWN = 10  # changes of words shown for one copy, then how many more
MAX_EXCERPT = 160  # characters of one side of a change shown
# A word: a run of letters and digits, or any one other character that is not white space (`"count": 6,`
# is `"` `count` `"` `:` `6` `,`), so that punctuation set otherwise changes no word beside it.
_WORD = lazy(r"\w+|[^\w\s]")
# what is shown either side of a change: the text to the white space before it, and one run of text more
_BEFORE = lazy(r"(?:\S+\s+)?\S*\Z")
_AFTER = lazy(r"\S*(?:\s+\S+)?")
Opcode = tuple[str, int, int, int, int]  # difflib's: what, and where in the one and in the other


class Copy(NamedTuple):
    """An added source that reads as a base one: both paths, and the changes of words, as phrases."""

    added: str  # seeds/NAME
    original: str  # seeds/NAME of the base
    removed: bool  # whether the change removes the original
    changes: list[str]  # “old words” → “new words”, each
    more: int  # changes not shown
    said: int = 0  # changes (shown first) whose new words a record citing the copy says
    reordered: bool = False  # its words are mostly the original's, not in their order: changes are of words alone


class Unread(NamedTuple):
    """An added source not compared: the bound was reached (or it is too long to compare)."""

    added: str


class Words(NamedTuple):
    """A document as compared: its text, its words, and where each stands in the text."""

    text: str
    words: list[str]
    spans: list[tuple[int, int]]


def words(name: str, data: bytes) -> Words:
    """The words of source name (seeds/NAME) as the checks read it (layouts.read): a web page as the
    text a browser shows, a ClinicalTrials.gov study as the `key: value` lines of what the checks read
    of it, anything else as its text. Compared so, a page whose every digit is a character reference
    (`&#54;&#48;`), or a study written again with other spaces, escapes or key order, is a copy still:
    compared as written, IM19's page so written, its count made 60, shared no word with the original,
    and a study written again compactly 72 % of its runs of text. A source the checks read as no text
    (opening.unopened) has no words: it states nothing."""
    doc = layouts.read(name, data)
    text = doc.text if doc.unread is None else ""
    if len(text) > MAX_CHARACTERS:  # too long to compare, and not split (32 MiB made 8 million words)
        return Words(text, [""] * (MAX_WORDS + 1), [])
    found = list(_WORD.finditer(text))
    return Words(text, [m.group() for m in found], [m.span() for m in found])


def _at(document: Words, start: int, end: int) -> tuple[int, int]:
    """Where words start to end (end excluded) stand in the text; an empty range where its next word starts."""
    at = document.spans[start][0] if start < len(document.words) else len(document.text)
    return at, document.spans[end - 1][1] if end > start else at


def _bounds(document: Words, start: int, end: int) -> tuple[int, int]:
    """Where the excerpt of words start to end stands in the text: the words with what stands between
    white space either side of them."""
    begin, finish = _at(document, start, end)
    back = _BEFORE.search(document.text, max(0, begin - MAX_EXCERPT), begin)
    ahead = _AFTER.match(document.text, finish, finish + MAX_EXCERPT)
    return back.start() if back else begin, ahead.end() if ahead else finish


def _excerpt(document: Words, bounds: tuple[int, int]) -> str:
    """The text within bounds (_bounds), its white space as one space: “NA 6 participants”,
    “"count": 6, "type":”."""
    text = " ".join(document.text[bounds[0] : bounds[1]].split())
    return text if len(text) <= MAX_EXCERPT else text[: MAX_EXCERPT - 1] + "…"


def _core(document: Words, start: int, end: int) -> str:
    begin, finish = _at(document, start, end)
    return " ".join(document.text[begin:finish].split())


def _changes(old: Words, new: Words, opcodes: list[Opcode], said: str) -> tuple[list[str], int]:
    """Each change of words as “before” → “after”, some characters either side: those whose new words a
    record citing the copy says (said: its strings, one a line) first, those of them with a digit before
    the rest, then the others, those with a digit first, each kind in the document's order, so that
    changes made before it cannot put the one a value rests on past those shown; and how many a record
    says. Changes shown by the same text of both documents are one (a date's year and day, its month
    unchanged between them), never two lines alike."""
    ranked: list[tuple[int, int, str]] = []
    last: tuple[tuple[int, int], tuple[int, int]] | None = None
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        where = _bounds(old, i1, i2), _bounds(new, j1, j2)
        core = _core(new, j1, j2) or " ".join(new.words[max(0, j1 - 1) : j1 + 1])  # a deletion: the words around it
        quoted = bool(core) and core in said
        digit = any(c.isdigit() for c in _core(old, i1, i2) + core)
        rank = 2 * (not quoted) + (not digit)
        if where == last:  # a change within the same text as the one before ("2025-03-06" → "2026-03-01"): one
            ranked[-1] = (min(rank, ranked[-1][0]), *ranked[-1][1:])
            continue
        last = where
        before, after = _excerpt(old, where[0]), _excerpt(new, where[1])
        ranked.append((rank, len(ranked), f"“{unmasked(before)}” → “{unmasked(after)}”"))
    ranked.sort()
    return [text for _, _, text in ranked], sum(rank < 2 for rank, _, _ in ranked)


def _compare(old: list[str], new: list[str]) -> tuple[float, list[Opcode]] | None:
    """(the share of words in common, of the shorter's; the opcodes from old to new), None where the
    comparison would cost more than MAX_PAIRS. The share is of the shorter one's words, in order: a
    copy padded with another document's words, or cut to the half holding the word it changed, is a
    copy still (IM19's page with its count made 60, padded so, shared 74 % of the words of both).
    The words both start and end with are set aside first (a copy with one word changed leaves a
    middle of one word); difflib then pairs each word of the one middle with each place of the same
    word in the other (its popular words left out), so their count, estimated before, bounds what it
    costs: a crafted source of a few words each repeated at one percent cannot make the review's job
    run for hours."""
    start = 0
    while start < len(old) and start < len(new) and old[start] == new[start]:
        start += 1
    end = 0
    while end < len(old) - start and end < len(new) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    middle_old, middle_new = old[start : len(old) - end], new[start : len(new) - end]
    counts: dict[str, int] = {}
    for word in middle_new:
        counts[word] = counts.get(word, 0) + 1
    popular = len(middle_new) // 100 + 1 if len(middle_new) >= 200 else len(middle_new) + 1
    if sum(counts.get(word, 0) for word in middle_old if counts.get(word, 0) <= popular) > MAX_PAIRS:
        return None
    matcher = difflib.SequenceMatcher(None, middle_old, middle_new)
    shorter = min(len(old), len(new))
    at_most = (start + end + matcher.quick_ratio() * (len(middle_old) + len(middle_new)) / 2) / shorter
    if at_most < SIMILAR:  # too few words in common, whatever their order: no copy, and no pairing paid for
        return at_most, []
    matched = start + end + sum(block.size for block in matcher.get_matching_blocks())
    opcodes: list[Opcode] = [
        (str(tag), i1 + start, i2 + start, j1 + start, j2 + start) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    return matched / shorter, opcodes


def _bag(old: list[str], new: list[str]) -> float:
    """The share of the shorter's words the other has too, in any order (each as often as it has it)."""
    common = Counter(old) & Counter(new)
    return sum(common.values()) / min(len(old), len(new))


def _words_changed(old: list[str], new: list[str], said: str) -> tuple[list[str], int]:
    """The words one has more often than the other, whatever their order: “60” added, “6” left out (×2
    where twice), those a record citing the copy says first, then those with a digit; and how many a
    record says."""
    ranked: list[tuple[int, int, str]] = []
    for counted, how in ((Counter(new) - Counter(old), "added"), (Counter(old) - Counter(new), "left out")):
        for word, times in counted.items():
            quoted = how == "added" and word in said
            rank = 2 * (not quoted) + (not any(c.isdigit() for c in word))
            ranked.append((rank, len(ranked), f"“{unmasked(word)}” {how}" + (f" (×{times})" if times > 1 else "")))
    ranked.sort()
    return [text for _, _, text in ranked], sum(rank < 2 for rank, _, _ in ranked)


def copies(
    added: Mapping[str, bytes],
    originals: Mapping[str, bytes],
    candidates: Mapping[str, Iterable[str]],
    removed: set[str],
    said: Mapping[str, Iterable[str]] | None = None,
) -> list[Copy | Unread]:
    """For each added source (seeds/NAME -> its bytes, in the order they are compared), the original
    among its candidates (seeds/NAME of originals) whose words it shares most, when it shares most of
    them; an Unread where the bound stopped the comparison. removed: the originals the change
    removes; said: for an added source, the strings of the records citing it (their quotes, their
    copied text), whose changes are shown first."""
    out: list[Copy | Unread] = []
    budget = MAX_COMPARED
    split: dict[str, Words] = {}

    def of(name: str, data: bytes) -> list[str]:
        if name not in split:
            split[name] = words(name, data)
        return split[name].words

    for name in added:  # in the order given: the bound spent on the first
        new = of(name, added[name])
        best: tuple[float, str] | None = None
        unread = len(new) > MAX_WORDS
        for original in sorted(set(candidates.get(name, ())) - {name}):
            if unread or original not in originals:
                continue
            old = of(original, originals[original])
            if len(old) > MAX_WORDS or len(old) + len(new) > budget:
                unread = True
                continue
            if min(len(old), len(new)) < MIN_WORDS:
                continue  # a few words: a reviewer reads them whole
            budget -= len(old) + len(new)
            share = _bag(old, new)
            if share >= SIMILAR and (best is None or share > best[0]):
                best = (share, original)
        if best is None:
            if unread:
                out.append(Unread(name))
            continue
        original = best[1]
        old = split[original].words
        strings = "\n".join(" ".join(text.split()) for text in (said or {}).get(name, ()))
        compared = _compare(old, new)
        if compared is not None and compared[0] >= SIMILAR:
            shown, quoted = _changes(split[original], split[name], compared[1], strings)
            reordered = False
        else:  # most of its words, not in their order (or too costly to pair): the words alone
            shown, quoted = _words_changed(old, new, strings)
            reordered = True
        if not shown and not reordered and originals[original] != added[name]:
            shown = ["the same words, spaced otherwise"]
        more = max(0, len(shown) - MAX_SHOWN)
        out.append(Copy(name, original, original in removed, shown[:MAX_SHOWN], more, quoted, reordered))
    return out


def phrase(found: Copy | Unread) -> str:
    """How `trials diff` says it (its text is escaped where it is printed)."""
    added = files.shown(found.added)
    if isinstance(found, Unread):
        return f"{added} not compared with the sources it may copy: too long, or too many compared"
    original = files.shown(found.original) + (" (removed)" if found.removed else "")
    count = len(found.changes) + found.more
    listed = "; ".join(found.changes) + (f"; and {found.more} more" if found.more else "")
    first = f" ({found.said} in words a record citing it says, shown first)" if found.said and count > 1 else ""
    fetch = "a new source is what its origin gives: fetch it there and compare"
    if found.reordered:
        words = (
            f", {count} word{'s' * (count != 1)} more often in the one than in the other{first}: {listed}"
            if count
            else ""
        )
        return f"{added} reads as {original} with its words in another order{words}; {fetch}"
    if not found.changes:
        return f"{added} is {original} byte for byte"
    return f"{added} reads as {original} with {count} change{'s' * (count != 1)} of its words{first}: {listed}; {fetch}"
