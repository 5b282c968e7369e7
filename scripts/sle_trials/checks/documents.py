"""The source documents a record cites, and where each states a record's field.

A run reads each source once (Documents, held by the run's Memory, by path and stat, bounded by the
characters they hold), through the guard of files.py: a regular file under seeds/, no link, no
device. Sources is what one record's checks ask of its cited documents: the passages where a
document states a field for this trial (its layout's places, narrowed by the prose rules of
reading/prose.py), whether a text stands there of whole words (verdict: "ok", "elsewhere", "cut",
"missing"), and whether the record writes it with the source's own characters and spacing
(miswritten, misspaced). The checks that report what these find live in evidence.py and rows.py.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import os
import re
import unicodedata
from collections import Counter, OrderedDict
from functools import cached_property, partial
from pathlib import Path
from typing import NamedTuple

from sle_trials import fields, files
from sle_trials.checks import completeness
from sle_trials.checks.load import Record
from sle_trials.checks.nearest import MAX_SEARCHES, closest, difference, stretch
from sle_trials.reading import (
    criteria_text,
    digits,
    edges,
    layouts,
    list_sides,
    product_names,
    prose,
    spacing,
    vocabulary,
)
from sle_trials.reading.layouts import SourceDoc, normalise
from sle_trials.reading.lexicon import run_memory

# What a related trial's title may state of that trial besides its title: a stub's target antigen and
# the cells' origin are read from the title the citing page gives it, and from nowhere else on that page.
TITLE_STATES = (("cell_product", "target_antigens"), ("cell_product", "origin"))


class Documents:
    """Source documents read in one run, by path and stat (size, modification and change times,
    inode, device: what the check cache knows a file by), each with the sha256 of the bytes it was
    read from: a registry's records cite a few documents many times (six of the seven first records
    cite one page). Bounded by the characters they hold, not their number, so that many large
    documents cannot fill memory; the least recently used go first."""

    def __init__(self, chars: int) -> None:
        self.room = chars
        self.docs: OrderedDict[tuple, Read] = OrderedDict()

    def get(self, file: str, name: str, stamp: tuple[int, ...]) -> Read:
        key = (file, name, stamp)
        if key in self.docs:
            self.docs.move_to_end(key)
            return self.docs[key]
        read = _read(file, name)
        size = _chars(read.doc)
        while self.docs and self.room < size:
            _, old = self.docs.popitem(last=False)
            self.room += _chars(old.doc)
        if size <= self.room:
            self.docs[key] = read
            self.room -= size
        return read


def _after_a_number(spaced: str, needle: str) -> bool:
    """Sources._after_a_number of a document's text with its spacing (spaced)."""
    words = re.compile(r"\s+".join(map(re.escape, needle.split(" "))))
    found = False
    for m in itertools.islice(words.finditer(spaced), edges.MAX_OCCURRENCES):
        if not criteria_text.marker_only(spaced[spaced.rfind("\n", 0, m.start()) + 1 : m.start()]):
            return False
        found = True
    return found


def _coded_starts(spaced: str) -> frozenset[int]:
    """Where a line of a document's text with its spacing (spaced) starts that criteria_text.coded_marks reads as an
    item's mark ("#3 text", "3 - text" going on with its list's numbering): its offset in spaced. A line is read up
    to a line break or the break between two JSON values (spacing.source_text)."""
    found = list(re.finditer(r"[^\n\x00]*", spaced))
    lines = [m.group(0) for m in found]
    read = criteria_text.coded_marks(lines)
    return frozenset(m.start() for m, line, said in zip(found, lines, read) if said != line)


def _coded_at(spaced: str, starts: frozenset[int], needle: str) -> bool:
    """Whether needle ("#3 text", "3 - text") opens a line of spaced (the document's text with its spacing) that
    criteria_text.coded_marks reads as an item's mark (starts: _coded_starts), its number the item's: not a
    wrapped line's words numbered out of the list's sequence ("2 - Prednisone dose between" / "5 - 30 mg/day.",
    which numbered a record's criterion 5 "30 mg/day.")."""
    words = re.compile(r"\s+".join(map(re.escape, needle.split(" "))))
    for m in itertools.islice(words.finditer(spaced), edges.MAX_OCCURRENCES):
        start = max(spaced.rfind("\n", 0, m.start()), spaced.rfind("\x00", 0, m.start())) + 1
        if start in starts and not spaced[start : m.start()].strip():
            return True
    return False


def _written(doc: SourceDoc) -> str:
    """A document's text in the source's own characters: its written text, or its text where NFKC
    changed none of it."""
    return doc.written if doc.written is not None else doc.text


def _stands_apart(written: str, needle: str, text: str, plain: str) -> bool:
    """Whether needle stands in written, as a text of its own, as often as plain (needle normalised)
    stands in text (the document as compared): where NFKC joins no character of it to the one before
    or after it. A line "ＣＤ１９-CART... Erythematosus\u0301"
    holds the full-width title as written and reads "...Erythematosuś" in NFKC, no title: counted, it
    made the title as written stand as often as the title in NFKC (the page's title line, written
    plainly), and a record's full-width title passed. A character that composes with another is one
    no other character stands between (canonical composition), so the two beside the needle are all
    there is to read; a combining mark beside it is never taken to leave it whole. At most SCANNED
    occurrences are looked at, one by one (edges.occurrences, none held): a source of more (a short
    quote's) is read again as written instead (Sources._as_written), at the speed of a search.
    Occurrences are counted where they overlap too: counted apart, "ＳＬＥ ... in ＳＬＥ" standing once,
    from the end of a title line "SLE ... in ＳＬＥ" on, matched the one title in NFKC, and passed as
    that line."""
    needed = sum(1 for _ in itertools.islice(edges.occurrences(text, plain), SCANNED + 1))
    if needed > SCANNED:
        return False
    found = 0
    for at in itertools.islice(edges.occurrences(written, needle), SCANNED):
        end = at + len(needle)
        if _apart(written[at - 1 : at], needle[0]) and _apart(needle[-1], written[end : end + 1]):
            found += 1
            if found >= needed:
                return True
    return False


# The occurrences of a record's text as written that _stands_apart looks at, one by one
SCANNED = 1000


def _apart(before: str, after: str) -> bool:
    """Whether the characters before and after (either may be none) read each on its own, as text is
    compared: neither NFKC nor a markdown escape joins them (a full-width "＼" before "." reads as
    the escape "\\.", which is "." alone)."""
    if not before or not after:
        return True
    if unicodedata.combining(after):
        return False
    return normalise(before + after) == normalise(before) + normalise(after)


def _chars(doc: SourceDoc | None) -> int:
    """The characters a document holds: its text, its prose when that is another (SourceDoc.prose),
    its written text when that is another, and then too the bytes it keeps to be read again
    (SourceDoc.raw) and the text of its reading as written (as long as its written text), counted
    before it is made: made later, it was held beyond the room the documents had, twice the
    characters for a source written in compatibility ones."""
    if doc is None:
        return 0
    # a document writing a backslash is read again as written for its markdown escapes too
    again = doc.raw is not None and (doc.written is not None or b"\\" in doc.raw)
    twin = len(doc.written or doc.text) if again else 0
    spaced = len(doc.raw or b"")  # its text with its spacing (Sources._spaced), at most as long as its bytes
    prose = len(doc.prose or "") * (2 if again else 1)  # (and its reading as written's)
    return len(doc.text) + prose + len(doc.written or "") + len(doc.raw or b"") + twin + spaced


class Memory:
    """What one run remembers from record to record: the source documents read, the readings of
    quotes (run_memory.Reader) and of texts as they show (layouts.remembering). pipeline.Checker holds
    one; a caller without one reads afresh."""

    def __init__(self, chars: int = 64 * 1024 * 1024) -> None:
        self.documents = Documents(chars)
        self.reader = run_memory.Reader()
        self.shown = layouts.remembered_shown()


class Read(NamedTuple):
    """A source document as read, and the sha256 of its bytes (None both when it was refused): what
    a check cache entry binds its verdict to."""

    doc: SourceDoc | None
    sha256: str | None


_REFUSED = Read(None, None)


def _read(file: str, name: str) -> Read:
    try:
        raw = files.read_bytes(file, files.MAX_SOURCE_BYTES)
    except files.Refused:
        return _REFUSED
    return Read(layouts.read(name, raw), hashlib.sha256(raw).hexdigest())


def read_source(root: Path | str, name: str, documents: Documents | None = None) -> Read:
    """The source document seeds/NAME (name as records cite it) read through the guard (a regular
    file, no link, at most files.MAX_SOURCE_BYTES), or taken from the run's documents when they hold
    it by its stat; refused (Read(None, None)) when it cannot be read (rules
    report E108). A name that is not seeds/NAME (files.SOURCE_PATH: no "..", no absolute path,
    whatever a changed schema lets through) is never opened."""
    if not files.SOURCE_PATH.match(name):
        return _REFUSED
    file = os.path.join(root, name)
    try:
        st = os.lstat(file)
    except (OSError, ValueError):
        return _REFUSED
    if files.kind_of(st.st_mode) is not None:
        return _REFUSED
    if documents is None:
        return _read(file, name)
    # Size and mtime alone can be kept by a file replaced during the run (`cp -p`, a tar, `touch -d`):
    # a later record would have been checked against the copy read before
    return documents.get(file, name, (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev))


def source_doc(root: Path | str, name: str, documents: Documents | None = None) -> SourceDoc | None:
    """read_source's document: None when it cannot be read."""
    return read_source(root, name, documents).doc


def source_text(root: Path | str, name: str) -> str | None:
    """A source's normalised text, or None when it is not a readable regular file."""
    doc = source_doc(root, name)
    return None if doc is None else doc.text


class Verdict(NamedTuple):
    """Where a text stands in the sources a record cites: "ok", "elsewhere" (in a source, not where
    it states the field), "cut" (there, but only inside the source's words: cut) or "missing"."""

    found: str
    cut: edges.Cut | None = None
    file: str = ""  # the source whose words a cut text cuts


# Fields a plain document states outside its sections of the record's trial (layouts.trial_sections):
# the document's own date (curation.sources.*), and the other trials it relates to this one.
_OF_OTHERS = ("curation", "related_trials")


# the words criteria_text.coded_marks reads before an item's number ("Step 3. text", "Criterion 3: text")
_NUMBER_WORDS = ("Step", "STEP", "Criterion", "CRITERION", "Item", "ITEM")


def _numbered_at(text: str, needle: str) -> bool:
    """Whether needle (a criterion's number, its mark and its text) stands in text as an item's number
    and text, not cut out of a longer number or word: found anywhere, "21. Weight at least 40 kg"
    numbered a record's criterion 1 (its "1. Weight ..."), and "(11) Weight ..." too."""
    for at in itertools.islice(edges.occurrences(text, needle), edges.MAX_OCCURRENCES):
        before = text[at - 1] if at else ""
        if not before or not (before.isalnum() or unicodedata.category(before)[0] == "M"):
            return True
    return False


def not_related(doc: SourceDoc, nct_id: str) -> str:
    """What a page about another trial lacks to be a source of nct_id's: a listing of it among its
    related trials. "does not name" was said of a page naming the trial elsewhere (in its text, or
    by an id with no title), which sent the curator looking for a mention that is there; E516 and
    E512 (where a stub's field is read) say it."""
    if not re.search(rf"(?<![0-9A-Za-z]){re.escape(nct_id)}(?![0-9A-Za-z])", doc.text):
        return f"does not name {nct_id}"
    listed = doc.place(("related_trials",))
    if any(row.get("nct_id") == nct_id for row in doc.rows.get("related_trials", [])) or any(
        nct_id in passage.text for passage in listed or []
    ):
        return f"lists {nct_id} as a related trial, but gives it no title (a related trial is an id with its title)"
    if "related_trials" not in doc.rows and listed is None:
        return f"names {nct_id}, but lists no related trials (the only place it would speak of this one)"
    return f"names {nct_id}, but not as one of its related trials (an id with its title)"


class Sources:
    """The source documents one record cites, read with their places."""

    def __init__(self, record: Record, root: Path, documents: Documents | None = None) -> None:
        self.record = record
        self.docs: list[SourceDoc] = []
        self.nct_id = record.data["nct_id"]
        self.read: dict[str, str] = {}  # each cited source read: its name -> the sha256 of its bytes
        # Each source once, however many times the record cites it: read twice, a source changed in
        # between had the record checked against two versions, its quotes found in the first, while
        # the check cache's entry held to the second alone.
        once: dict[str, Read] = {}
        for source in record.data["curation"]["sources"]:
            name = source["file"]
            if name not in once:
                once[name] = read_source(root, name, documents)
            doc, sha256 = once[name]
            if doc is not None and sha256 is not None:  # a missing source is reported by rules (E108)
                self.read[name] = sha256
                self.docs.append(doc.for_trial(self.nct_id))
        self.searches = 0
        self.found: dict[tuple[str, str], bool] = {}  # (document, normalised text) -> stands in it
        self.verdicts: dict[tuple[fields.Path_, str, bool], Verdict] = {}  # (field, normalised text, whole)
        # id of a list of passages -> it (held, so that the id is not another's) and its whole passages by value
        self.equal: dict[int, tuple[list[layouts.Passage], dict[str, list[layouts.Passage]]]] = {}
        # id of a list of passages -> it (held) and where its passages stand in their document's text
        self.list_regions: dict[int, tuple[list[layouts.Passage], list[tuple[int, int]]]] = {}
        self.named = any(self.nct_id in doc.text for doc in self.docs)  # E515 when by none
        # how the prose rules read the sources for this trial (each document's sentences about it, once)
        self.prose = prose.Trial(self.nct_id, (record.data.get("cell_product") or {}).get("name"))

    def about_other(self, doc: SourceDoc) -> bool:
        """Whether the document is about another trial (a stub's source: the page of a trial naming this one)."""
        return doc.subject is not None and doc.subject != self.nct_id

    def text_of(self, doc: SourceDoc) -> str:
        """What the document writes of this trial: all of it, or, a page about another trial (a stub's source), its
        listing of this one alone (this trial's id and the titles it gives it), as passages() reads a stub's fields."""
        if not self.about_other(doc):
            return doc.text
        return "\n".join([self.nct_id, *doc.related.get(self.nct_id, [])])

    def own_text(self, doc: SourceDoc) -> str:
        """What the document writes of this trial alone: text_of, less the titles it gives other trials (a registry
        copy's related trials), read once a run for each trial (SourceDoc.reading)."""
        if self.about_other(doc):
            return self.text_of(doc)

        def without_others() -> str:
            text = doc.text
            for nct_id, titles in doc.related.items():
                if nct_id != self.nct_id:
                    for title in titles:
                        text = text.replace(title, "\n")
            return text

        return doc.reading(("own text", self.nct_id), without_others)

    def unwritten(self) -> str:
        """How a problem says no source writes a fact: of this trial, where a source is a page about another (the fact
        may stand on it, of that trial, and "which no cited source writes" sent the curator to find it there)."""
        if any(self.about_other(doc) for doc in self.docs):
            return "which no cited source writes of this trial (a page about another gives only its id and title)"
        return "which no cited source writes"

    def passages(self, doc: SourceDoc, path: fields.Path_) -> list[layouts.Passage] | None:
        """Where this document states the field at path for this record, or None when anywhere will do."""
        if self._cites_other(doc, path):
            return []  # what a source's entry says of it (its own date) is read in that source alone
        if self.about_other(doc) and path[0] != "curation":  # curation.sources.* describe the document itself
            if path == ("brief_title",):
                return [layouts.Passage(t, True) for t in doc.related.get(self.nct_id, [])]
            if path[:2] in TITLE_STATES:  # "Anti-CD19 ...", "CD19 Redirected Autologous T Cells": what its title says
                return [layouts.Passage(t) for t in doc.related.get(self.nct_id, [])]
            if path == ("nct_id",):
                return doc.place(("related_trials",)) or []
            return []  # a page about another trial says nothing else of this one
        found = doc.place(path)
        if doc.products and path[0] == "cell_product" and path[:2] != ("cell_product", "name"):
            # a registry copy of several arms: the product named by the record, where the copy gives it
            found = doc.product_place((self.record.data.get("cell_product") or {}).get("name"))
        if found is None and doc.layout != layouts.PLAIN:
            return []  # a layout that states no such field: the source does not state it
        if found is None and path[0] not in _OF_OTHERS and self.named:  # (named by none: E515 refuses it)
            found = doc.about(self.nct_id)  # a plain document naming other trials: its sections of this one
        return self.prose.stating_in(doc, path, found)

    def _cites_other(self, doc: SourceDoc, path: fields.Path_) -> bool:
        """Whether path is a field of curation.sources' entry for another document than doc: a source's
        as_of quoted from another cited source (the newer copy's "Last Updated: 2025-10-01" given to
        the older one) passed, and gave the record's sources the wrong order of their versions."""
        if path[:2] != ("curation", "sources") or len(path) < 3 or not isinstance(path[2], int):
            return False
        cited = self.record.data["curation"]["sources"]
        if path[2] >= len(cited) or cited[path[2]].get("file") == doc.file:
            return False
        # a source none of whose text is read (E531 says so) has no words to quote it from
        return not any(other.file == cited[path[2]].get("file") and other.unread is not None for other in self.docs)

    def contains(self, text: str) -> bool:
        needle = normalise(text)
        return any(needle in doc.text for doc in self.docs)

    def miswritten(self, path: fields.Path_, text: str) -> str | None:
        """None when text (the field at path, or a quote of it) is written with a cited source's own
        characters where that source states the field; else the first character of it that NFKC
        reads as another (a full-width "Ｃ" as "C", a ligature "ﬁ" as "fi", "⁶" as "6") and that no
        cited source writes there. Text is compared in NFKC, so that a source's "２４" reads as 24;
        the other way round, a record writing "ＣＤ１９" where its source says "CD19" passed as word
        for word, and the table, the exports and the site showed characters no source has, which a
        search for CD19 does not find. Where the source states the field, not anywhere: a title
        "ＩＭ19 ..." passed when a line further down the page wrote "ＩＭ19" and the title "IM19"."""
        odd = self.misspaced(path, text)
        if odd is not None:
            return odd
        needle, plain = layouts.literal(text), normalise(text)
        if needle == plain:
            return None
        # a record's markdown escape is held to the source's own backslashes, read as written
        # (SourceDoc.as_written keeps them): its written text reads them as the characters they show
        escape = criteria_text.ESCAPE.search(needle)
        for doc in self.docs:
            written = _written(doc) if escape is None else doc.as_written().text
            if needle not in written:
                continue
            # the text stands written so as often as it stands at all: wherever the source states the
            # field, it writes it so, and the document need not be read again (most sources' case)
            if _stands_apart(written, needle, doc.text, plain):
                return None
            if any(needle in passage for passage in self._as_written(doc, path, escaped=escape is not None)):
                return None
        if escape is not None:
            return f"{escape.group()!r}, a markdown escape, which reads as {escape.group(1)!r}"
        if criteria_text.unbolded(needle) != needle:  # (a record keeping "**Age:**" of a source's "1. **Age:** 18")
            return "Markdown bold ('**' or '__' around words), which a reader sees as the words it bolds"
        if criteria_text.italicised(needle):  # (a record keeping "*not*" of a source's "Patients *not* on dialysis")
            return "Markdown italics ('*' or '_' around words), which a reader sees as the words they set off"
        changed = next((c for c in needle if c != " " and normalise(c) != c), None)
        if changed is None:  # no one character: an accent composed otherwise than the source's
            return "its characters as the sources write them only in NFKC (an accent composed otherwise)"
        if changed.isspace():
            return f"{_named(changed)}, which reads as a space"
        how = "only as its look-alike" if layouts.literal(changed) == digits.nfkc(changed) else "only in NFKC"
        return f"{_named(changed)}, which reads as {normalise(changed)!r} {how}"

    def misspaced(self, path: fields.Path_, text: str) -> str | None:
        """None when text's white space is a cited source's as written (spacing.misspaced): a run of
        spaces, a tab or a line break it writes stands in a source with the words around it, where
        that source states the field at path (spacing.regions: the stretches of its passages, as
        miswritten reads them; a double space a page writes only in another trial's lines is none of
        this trial's); else that run ("a double space after 'IM19'"). Each source is read with its
        spacing, from the bytes the check read (SourceDoc.raw), once a record and only for a text so
        spaced."""
        if "  " not in text and text == text.strip() and not any(c in text for c in "\t\n\r\x0b\x0c"):
            return None
        texts: list[str] = []
        for doc in self.docs:
            placed = self.passages(doc, path)
            spaced = self._spaced(doc)
            texts += [spaced] if placed is None else spacing.regions(spaced, [p.text for p in placed])
        return spacing.misspaced(text, texts)

    def under_headings(
        self, doc: SourceDoc, path: fields.Path_, needle: str
    ) -> list[tuple[str | None, list_sides.Stretch | None]]:
        """For each place needle (normalised) stands whole where doc, a document of no layout, states
        the field at path (at most edges.MAX_OCCURRENCES of them), what it stands under there and the
        stretch of the heading it is of (list_sides.side_of: a list's side, ACROSS a heading, or None
        where under no one list's heading: before any heading, after a list's end)."""
        if needle not in doc.text:
            return []
        read = doc.reading(("list sides",), lambda: _list_sides(self._spaced(doc), doc.text))
        stretches, starts = read
        if not stretches:  # (most documents: no list's heading, no place under one)
            return []
        placed = self.passages(doc, path)
        if placed is None:
            regions = [(0, len(doc.text))]
        else:  # (the same list of passages for each criterion of a list: looked for in the text once)
            known = self.list_regions.get(id(placed))
            if known is None or known[0] is not placed:
                known = self.list_regions[id(placed)] = (placed, _regions(doc.text, [p.text for p in placed]))
            regions = known[1]
        out: list[tuple[str | None, list_sides.Stretch | None]] = []
        for lo, hi in regions:
            for at in itertools.islice(edges.occurrences(doc.text, needle, lo, hi), edges.MAX_OCCURRENCES):
                end = at + len(needle)
                if edges.cut_at(doc.text, at, end) is None:
                    out.append(list_sides.side_of(stretches, starts, at, end))
                if len(out) >= edges.MAX_OCCURRENCES:
                    return out
        return out

    @staticmethod
    def _spaced(doc: SourceDoc) -> str:
        """doc's text with its spacing, made once for the run's records that cite it (SourceDoc.spaced),
        as its reading as written is (SourceDoc.as_written)."""
        if doc.spaced is None:
            doc.spaced = spacing.source_text(doc)
        return doc.spaced

    def _as_written(self, doc: SourceDoc, path: fields.Path_, *, escaped: bool = False) -> list[str]:
        """The texts of doc, in its own characters, where it states the field at path: its placed
        passages read as written (SourceDoc.as_written), or its whole written text where it places
        the field nowhere in particular. Where the document read as written places the field otherwise
        (its passages are not, one by one, the passages read as shown), its characters there are not
        known, and none are: that was the whole text, and a plain page whose line naming another
        trial wrote "NСT…" with a Cyrillic "С" (a section of that trial as shown, none as written) let
        a record take full-width words that page writes in the other trial's section only."""
        placed = self.passages(doc, path)
        twin = doc.as_written()
        if placed is None:
            return [twin.text if escaped else _written(doc)]
        if twin is doc:
            return [p.text for p in placed]
        mirrored = self.passages(twin, path)
        if mirrored is None or len(mirrored) != len(placed):
            return []
        if any(normalise(m.text) != p.text for m, p in zip(mirrored, placed)):
            return []
        # read as written, a passage keeps the source's escapes: a record's text without one reads them
        # as the characters they show, as a record copies them ("2\\)" is "2)")
        return [m.text if escaped else criteria_text.ESCAPE.sub(r"\1", m.text) for m in mirrored]

    def placed(self, doc: SourceDoc, path: fields.Path_, needle: str, *, whole: bool) -> list[layouts.Passage] | None:
        """The passages of doc where needle (normalised) stands as the field at path, as the checks
        accept it: None when the document places the field nowhere in particular (anywhere will do),
        empty when it stands nowhere they accept. The site marks a quote inside these passages."""
        passages = self.passages(doc, path)
        if passages is None:
            return None
        if whole and any(p.whole for p in passages):  # a field that is one value there must be all of it
            return self._equal(passages).get(needle, [])
        held = [p for p in passages if p.holds(needle)]
        if held and self.prose.foreign(doc, path, needle):
            return []  # "NB-301 is also developed for myositis": a disease of another trial of the product
        if whole and held and not _listed_criterion(doc, path, needle) and _whole_value_of_another(doc, path, needle):
            return []  # a name read from prose that the source gives whole as another field: "China", a country
        if whole and held and _a_disease_for_a_name(path, needle):
            return []  # "SLE", "Systemic Lupus Erythematosus": the disease the title names beside its product
        if whole and held and not _a_name_there(path, needle, held):
            return []  # "patients with refractory", "In this trial": words of the product's sentences, no name
        return held

    def _equal(self, passages: list[layouts.Passage]) -> dict[str, list[layouts.Passage]]:
        """The whole passages of a field's place by the value a field must equal there, in order: each
        value of a list looked through every passage of its place (2,000 sites, 2,000 cities)."""
        known = self.equal.get(id(passages))
        if known is None:
            by_value: dict[str, list[layouts.Passage]] = {}
            for p in passages:
                if p.whole:
                    by_value.setdefault(p.value or p.text, []).append(p)
            known = self.equal[id(passages)] = (passages, by_value)
        return known[1]

    def verdict(self, path: fields.Path_, text: str, *, whole: bool) -> Verdict:
        """Whether text stands where a cited source states the field at path, of whole words there
        (edges.py: a quote cut out of "18 Years" or "Severe lupus nephritis" reads otherwise). Worked
        out once for a field and a text (where a source states a field is the same for each item of
        its list): 20,000 sites written alike each looked through every place of the site's field,
        the source's rows of them, which took minutes for a record of 1 MiB."""
        needle = normalise(text)
        # (a source's entry is read in that source alone: its index is part of the field)
        key = (path if path[:2] == ("curation", "sources") else fields.unindexed(path), needle, whole)
        known = self.verdicts.get(key)
        if known is None:
            known = self.verdicts[key] = self._verdict(path, needle, whole)
        return known

    def _verdict(self, path: fields.Path_, needle: str, whole: bool) -> Verdict:
        anywhere = False
        cut: Verdict | None = None
        for doc in self.docs:
            if not self._in(doc, needle):
                continue
            anywhere = True
            placed = self.placed(doc, path, needle, whole=whole)
            for passage in [doc.text] if placed is None else [p.text for p in placed]:
                found = doc.cut(passage, needle)
                if found is None:
                    return Verdict("ok")
                cut = cut or Verdict("cut", found, doc.file)
        return cut or Verdict("elsewhere" if anywhere else "missing")

    def superseded(self, path: fields.Path_, text: str, *, whole: bool) -> str | None:
        """The newer cited source that supersedes every source text stands in where it states the field
        at path: a newer version of the same record (a document of the same layout about this trial,
        of a later as_of) that states the field at its place, otherwise. None where text stands there
        in the newest version that states the field, or where the newer version's passages of the
        field's place that text holds are the older's too (a quote of a line of a registry copy's block
        whose other lines changed: the field's own line did not). A record citing the study as it was
        and as it is now took its enrollment, its completion date or a condition since dropped from
        the older JSON, quoted there, and passed: trials.csv gave values the registry no longer says.
        A newer version that no longer states the field at all, and states every other field the older
        one states, dropped it (layouts.dropped): a newer JSON without the study's keywords left the older's
        standing. One that states less besides may be a cut-down copy (a fields query's answer), whose
        silence on the field is no removal. The document's own date (curation) and a plain document (no
        places: its sentences are read) are not held to it."""
        own = self.versions
        if not own or path[0] in _OF_OTHERS:
            return None
        needle = normalise(text)
        as_of = {s["file"]: s.get("as_of", "") for s in self.record.data["curation"]["sources"]}
        holding = [doc for doc in own if self._stands(doc, path, needle, whole)]
        newer: str | None = None
        for doc in holding:
            later = [
                other
                for other in own
                if other.layout == doc.layout
                and as_of.get(other.file, "") > as_of.get(doc.file, "")
                and (self.passages(other, path) or layouts.dropped(doc, other, path))
            ]
            if not later:
                return None
            newest = max(later, key=lambda other: as_of.get(other.file, ""))
            if self._stands(newest, path, needle, whole):
                return None
            mine = [
                p.text for p in self.passages(doc, path) or [] if p.whole and (p.text in needle or needle in p.text)
            ]
            theirs = {p.text for p in self.passages(newest, path) or []}
            if mine and all(t in theirs for t in mine):
                return None
            newer = newer or newest.file
        return newer

    @cached_property
    def versions(self) -> list[SourceDoc]:
        """The cited documents about this trial that are versions of one record: two or more of one
        layout that places fields (most records cite one source, and superseded has nothing to read)."""
        own = [doc for doc in self.docs if doc.layout != layouts.PLAIN and not self.about_other(doc)]
        count = Counter(doc.layout for doc in own)
        return [doc for doc in own if count[doc.layout] > 1]

    def _stands(self, doc: SourceDoc, path: fields.Path_, needle: str, whole: bool) -> bool:
        """Whether needle stands in doc where it states the field at path, of whole words there, as
        _verdict finds it ("RECRUITING" does not stand in "ACTIVE_NOT_RECRUITING")."""
        if not self._in(doc, needle):
            return False
        placed = self.placed(doc, path, needle, whole=whole)
        return any(
            doc.cut(text, needle) is None for text in ([doc.text] if placed is None else [p.text for p in placed])
        )

    def _in(self, doc: SourceDoc, needle: str) -> bool:
        """Whether needle stands anywhere in doc, searched for once a record (a text written many
        times, 20,000 sites alike, is searched for through the whole source once)."""
        key = (doc.file, needle)
        found = self.found.get(key)
        if found is None:
            found = self.found[key] = needle in doc.text
        return found

    def where_else(self, path: fields.Path_) -> str:
        """Words for where this field is read from, for a message."""
        if path[:2] == ("curation", "sources") and len(path) > 2 and isinstance(path[2], int):
            cited = self.record.data["curation"]["sources"]
            if path[2] < len(cited):
                return f"a source's entry is quoted from that source, {cited[path[2]].get('file')}"
        stated: str | None = None  # a document stating it in sentences: said unless another says more
        for doc in self.docs:
            if self.about_other(doc):
                said = (
                    f"names {self.nct_id} only as a related trial (its id and title)"
                    if self.nct_id in doc.related
                    else not_related(doc, self.nct_id)
                )
                return f"{doc.file} is about {doc.subject}: it {said}"
            if doc.place(path) is None and doc.layout != layouts.PLAIN:
                return (
                    f"{doc.file} ({layouts.LAYOUT_WORDS.get(doc.layout, doc.layout)}) has no place where it states "
                    f"{fields.dotted(fields.unindexed(path))}"
                )
            if doc.place(path) is None and doc.about(self.nct_id) is not None:
                others = sorted(doc.trials - {self.nct_id})
                shown = ", ".join(others[:3]) + ", …" * (len(others) > 3)
                return (
                    f"{doc.file} is plain text naming other trials ({shown}): "
                    f"it speaks of {self.nct_id} only from a line naming {self.nct_id} alone to the next line "
                    "naming a trial"
                )
            read = prose.read_as(doc, path, fields.dotted(fields.unindexed(path)))
            if read is not None and stated is None:
                stated = read  # a document stating it in sentences: said unless another says more
                continue
            if doc.place(path) is not None:
                return (
                    f"{doc.file} states {fields.dotted(fields.unindexed(path))} elsewhere in it "
                    f"({layouts.LAYOUT_WORDS.get(doc.layout, doc.layout)})"
                )
        return stated or "the source states this field elsewhere"

    def numbers(self, path: fields.Path_, number: int, text: str) -> bool:
        """Whether a source gives the criterion this number where it lists it: "3) text", "3. text", "3.) text",
        "3.text", "3- text", "3: text", "3 . text", "(3) text", "[3] text", "#3 text", "3 - text", "3.0 text", or as
        CJK texts number it, "3、text", "【3】text", "（3）text" (which NFKC reads "(3)text"), in Chinese numerals,
        "三、text", "（三）text", or enclosed, "③text", "⑶ text"."""
        # text normalised once: a number and a mark before it change nothing of how its characters
        # normalise (no NFKC composition, escape or white space reaches across them; NFKC keeps an
        # enclosed number as it is: digits.KEPT)
        written = normalise(text)
        labels = [str(number), *filter(None, [criteria_text.han_numeral(number)])]
        # ("3.) text" and "3.- text" too, as criteria_text reads a stop and a bracket or a dash: a list mark)
        spaced_marks = (")", ".", ".)", ".-", "-", "、", ":", "]", "】")
        needles = [f"{label}{mark} {written}" for label in labels for mark in spaced_marks]
        needles += [f"{label}{mark}{written}" for label in labels for mark in (")", ".", "、", "]", "】")]
        # ("3 . text", "3 ) text": a space typed before the stop or the bracket, as criteria_text reads a list mark)
        needles += [f"{label} {mark} {written}" for label in labels for mark in (")", ".")]
        needles += [f"{mark}{space}{written}" for mark in criteria_text.enclosed(number) for space in ("", " ")]
        # ("#3 text", "3 - text", "3.0 text": a number after a hash, before a spaced dash or with a point and zeros,
        # where criteria_text.coded_marks reads one: on a line going on with its list's numbering, never a wrapped
        # line's "5 - 30 mg/day." out of it)
        coded = [f"#{number} {written}", *(f"{number} {dash} {written}" for dash in "-\u2013\u2014")]
        coded += [f"{number}.{zeros}{stop} {written}" for zeros in ("0", "00") for stop in ("", ".", ")")]
        # ("3° text", "Step 3. text", "Criterion 3: text": an ordinal's mark or a word before the number, alike)
        coded += [f"{number}{mark}{stop} {written}" for mark in ("°", "o") for stop in ("", ".", ")")]  # ("º": "o")
        coded += [f"{word} {number}{stop} {written}" for word in _NUMBER_WORDS for stop in (".", ":", ")")]
        coded.append(f"{number} {written}")  # ("3 text": a number and a space alone, in a run)
        for doc in self.docs:
            passages = self.passages(doc, path)
            hay = [doc.text] if passages is None else [p.text for p in passages]
            # a needle's lines are read only where it numbers the criterion (each read scans the
            # whole source: read for every needle first, they took a third of a record's check)
            if any(any(_numbered_at(h, n) for h in hay) and not self._after_a_number(doc, n) for n in needles):
                return True
            if any(any(_numbered_at(h, n) for h in hay) and self._coded(doc, n) for n in coded):
                return True
        return False

    def _coded(self, doc: SourceDoc, needle: str) -> bool:
        """Whether a line of doc's opens with needle ("#3 text", "3 - text") where criteria_text.coded_marks reads
        its number as an item's (_coded_at). Readings the document keeps, as _after_a_number's."""
        spaced = self._spaced(doc)
        starts = doc.reading(("coded marks",), partial(_coded_starts, spaced))
        return doc.reading(("coded at", needle), partial(_coded_at, spaced, starts, needle))

    def _after_a_number(self, doc: SourceDoc, needle: str) -> bool:
        """Whether every line of doc's that writes needle (a number, its mark and a criterion's text)
        writes it after an item's own number or letter at the line's start: "5. 1. Weight ..." (and a
        page's "<ol start=5><li>1. Weight ...", which a browser shows so) is item 5, whose text starts
        "1.", and numbered a criterion 1. Lines are read from the text with its line breaks (the
        normalised text has none: "... 40 kg 5. 1. Weight" is a run-in item too, "of Toca 511. 3. ...").
        A reading the document keeps: a record's criteria are numbered against it at every check."""
        return doc.reading(("after a number", needle), partial(_after_a_number, self._spaced(doc), needle))

    def closest(self, text: str) -> str:
        """Where the text comes nearest to a cited source, for the curator to compare.

        difflib is quadratic; a hostile record with thousands of long misses must not take minutes,
        so the search is made for the first MAX_SEARCHES misses of a record, on at most 2,000 characters
        of it and a bounded stretch of each source (stretch: a large source took hours)."""
        self.searches += 1
        if self.searches > MAX_SEARCHES:
            return "(no nearest passage shown past the first misses of this record)"
        needle = normalise(text)[:2000]

        def longest(doc: SourceDoc) -> int:
            text = stretch(needle, doc.text)  # a large source: the stretch closest() searches
            return (
                difflib.SequenceMatcher(None, needle, text, autojunk=False)
                .find_longest_match(0, len(needle), 0, len(text))
                .size
            )

        # the source sharing the longest run with the text (one source needs no search: closest() makes it)
        docs = sorted(self.docs, key=lambda d: d.file)
        doc = max(docs, key=longest) if len(docs) > 1 else docs[0]
        return f"{doc.file}: {difference(needle, closest(needle, doc.text))}"


def _list_sides(spaced: str, text: str) -> tuple[tuple[list_sides.Stretch, ...], list[int]]:
    """A plain document's stretches under each list's heading (list_sides.stretches), and their starts."""
    stretches = list_sides.stretches(spaced, text)
    return stretches, [s.start for s in stretches]


def _regions(text: str, passages: list[str]) -> list[tuple[int, int]]:
    """Where each passage (of a plain document's sections about a trial: runs of its normalised text)
    stands in text, each place at most edges.MAX_OCCURRENCES of them."""
    out: list[tuple[int, int]] = []
    for passage in dict.fromkeys(passages):
        for at in itertools.islice(edges.occurrences(text, passage), edges.MAX_OCCURRENCES):
            out.append((at, at + len(passage)))
    return out


def _named(c: str) -> str:
    return f"{files.printable(c)!r} (U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')})"


# The fields that name the product or what is given: a name read from a page's prose (its title and
# summary) may be one the source gives whole as another of them (an intervention's name is the product's).
PRODUCT_NAMES = frozenset(
    ("cell_product.name", "interventions.name", "interventions.other_names", "arms.intervention_names", "arms.label")
)


# The fields that name what the trial gives (PRODUCT_NAMES but an arm's label, which may be its disease's:
# "SLE cohort")
_GIVEN_NAMES = PRODUCT_NAMES - {"arms.label"}


def _a_disease_for_a_name(path: fields.Path_, needle: str) -> bool:
    """Whether needle, read from prose as a name of the product or of what is given (_GIVEN_NAMES),
    names a disease and no product: no CAR and no product's code. A ClinConnect page names its product
    in its title and summary beside the disease ("CD19-CART(Relma-cel) for Moderate to Severe Active
    Systemic Lupus Erythematosus"), and Relma-cel's product, intervention or other name "SLE" or
    "systemic lupus erythematosus" passed as words of that place."""
    if fields.dotted(fields.unindexed(path)) not in _GIVEN_NAMES or not prose.diseases(needle):
        return False
    return not vocabulary.CAR_WORDS.search(needle) and not prose.product_codes(needle)


def _a_name_there(path: fields.Path_, needle: str, held: list[layouts.Passage]) -> bool:
    """Whether needle, read from the prose passages held as a name of what the trial gives
    (_GIVEN_NAMES), is one: product_names.names_a_thing_given. Any other field's text is what it is."""
    field = fields.dotted(fields.unindexed(path))
    texts = [p.prose or p.text for p in held]
    return field not in _GIVEN_NAMES or product_names.names_a_thing_given(field, needle, texts)


def _listed_criterion(doc: layouts.SourceDoc, path: fields.Path_, needle: str) -> bool:
    """Whether needle, a criterion's text, is one item of the source's criteria lists as it lists
    them: no words read from prose, though the criteria text holds it, but a whole value (a criterion
    "SLE" or a sub-criterion "Cyclophosphamide" is one, however the study also names a keyword or an
    intervention). Which list and where in it is check_criteria_items's to say (E512)."""
    return path[:2] in _CRITERIA_LISTS and needle in doc.criteria_texts


_CRITERIA_LISTS = frozenset(("eligibility", name) for name in completeness.LISTS)


def _whole_value_of_another(doc: layouts.SourceDoc, path: fields.Path_, needle: str) -> bool:
    """Whether doc gives needle whole as the value of a field other than the one at path (and, for a
    product's name, other than the product's names): a site's country, a sponsor, an official."""
    name = fields.dotted(fields.unindexed(path))
    family = PRODUCT_NAMES if name in PRODUCT_NAMES else frozenset((name,))
    return not doc.whole_fields.get(needle, frozenset()) <= family
