"""Layouts: where a source document states each field, so a value is read from its place.

A source is read into a SourceDoc: its normalised text (what verbatim text and quotes are searched
in), and, when its layout is known, its **places**: for a record field (a dotted path without list
indexes, e.g. `related_trials.title`), the passages where the source states that field. A title is
then the page's title line, not a related trial's title further down; a sponsor's name is a line of
the Sponsors section, not a facility that looks the same; an inclusion criterion is an item of the
inclusion list, not of the exclusion list. A passage marked `whole` is one value: the field must
equal it, not a part of it (a title cut short is not the title).

One module per layout, as endoflife.date keeps one module per upstream source; this one decides
which reads a source (_read_text) and holds what they build (SourceDoc, Passage):
- ctgov_json (ctgov_study.py): a ClinicalTrials.gov API v2 study (JSON). Its text is one "key: value"
  line per scalar, the key being the last two object keys of its path ("statusModule.overallStatus:
  RECRUITING", "startDateStruct.date: 2024-07-30"), so a quote names what it quotes.
- registry_copy (registry_copy.py): a third-party site's copy of a ClinicalTrials.gov record: one
  value per line under fixed headings (Basic Information, Study Design, Eligibility Criteria,
  Sponsors, ...).
- clinconnect (clinconnect.py): a ClinConnect trial page (Trial Information, Keywords, ClinConnect
  Summary, ...). What the two page layouts read alike is pages.py.
A document no reader recognises is read as plain text with no places: its words are checked, their
place is not (coverage says so), except which trial's lines they stand in when it names other trials
(trial_sections).

Each reader also gives the source's criteria lists as items (number, text), for the completeness
check (completeness.py).
"""

from __future__ import annotations

import contextlib
import functools
import html
import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sle_trials.patterns import lazy
from sle_trials.reading import digits, edges, lookalike, markup, opening, registry_ids, sentences
from sle_trials.reading.criteria_text import ESCAPE, unemphasised
from sle_trials.reading.invisible import DROPPED, SEPARATOR, SET_APART, unreordered

PLAIN = "plain"
LAYOUT_KINDS = {"ctgov_json": "REGISTRY_JSON", "registry_copy": "REGISTRY_COPY", "clinconnect": "TRIAL_FINDER_PAGE"}
# a kind that names one layout: a REGISTRY_JSON source is a ClinicalTrials.gov study (the importer
# writes it, drift and update read it as one), a REGISTRY_COPY one a copy of a registry record by its
# headings, a TRIAL_FINDER_PAGE one a ClinConnect page; a source of that kind that is not one is refused,
# never read as plain text (where a quote may stand anywhere, and a page of other trials' studies is read
# whole), and the exports never call a press release a copy of the registry's record. A copy or a trial
# finder's page of a site whose layout the tool does not know is cited as OTHER.
KIND_LAYOUTS = {kind: layout for layout, kind in LAYOUT_KINDS.items()}
# Each layout in the curator's words (docs/curating.md), not the reader's name of it (ctgov_json):
# what a message calls a source
LAYOUT_WORDS = {
    "ctgov_json": "a ClinicalTrials.gov study JSON",
    "registry_copy": "a copy of a registry record",
    "clinconnect": "a ClinConnect trial page",
    PLAIN: "plain text",
}


# Set while a document is read again as written (SourceDoc.as_written): normalise then leaves NFKC out,
# so that the same readers give the same places with the characters the source writes.
_AS_WRITTEN: ContextVar[bool] = ContextVar("as_written", default=False)


def normalise(text: str, *, nfkc: bool = True) -> str:
    """Text as verbatim fields and quotes are compared: Unicode NFKC (digits.nfkc: a superscript is
    an exponent, "10⁶" is "10^6", not 106) and the letters of other scripts that show a reader an
    ASCII letter as that letter (lookalike.letters), invisible characters left out
    (invisible.py: a soft hyphen or zero-width space inside a source's word), a passage a
    bidirectional control shows in another order left out (invisible.unreordered), markdown
    backslash escapes removed, runs of white space as one space. nfkc=False: the characters as
    written (literal). While a document is read again as written, its markdown escapes are kept too:
    a record's escape is held to the source's own (documents.Sources.miswritten)."""
    if _AS_WRITTEN.get():
        return shown(text, nfkc=False, escapes=True)
    return shown(text, nfkc=nfkc)


def shown(text: str, *, nfkc: bool = True, escapes: bool = False, spaces: bool = False) -> str:
    """normalise(text), but as it shows a reader also while a document is read again as written: the
    words a layout is read by (which trial a line names) are the same in either reading. escapes:
    keep the markdown escapes (a record's text as written, literal). spaces: keep the white space as
    written, each line break "\\n" (a source's text as a record's spacing is held to, spacing.py).
    Remembered while a run checks a record (remembering)."""
    remembered = _REMEMBERED.get()
    if remembered is not None and len(text) <= REMEMBERED_CHARS:
        return remembered(text, nfkc, escapes, spaces)
    return _shown(text, nfkc, escapes, spaces)


# A run's readings of short texts by shown() (documents.Memory.shown), while it checks a record: a
# record's checks read the same quotes and passages again and again, and a run's records quote the
# same passages (IM19's record: 400 readings of about 20 texts a check). Measured on the benchmark's
# canonical records and IM19's mutants (docs/speed.md). A text over REMEMBERED_CHARS is read each time,
# so that long texts cannot fill memory; the run's memo keeps at most REMEMBERED_TEXTS readings.
_REMEMBERED: ContextVar[Callable[[str, bool, bool, bool], str] | None] = ContextVar("remembered", default=None)
REMEMBERED_CHARS = 2000
REMEMBERED_TEXTS = 8192


def remembered_shown() -> Callable[[str, bool, bool, bool], str]:
    """A run's own memo of shown()'s readings, for remembering(): one a run (documents.Memory)."""
    return functools.lru_cache(maxsize=REMEMBERED_TEXTS)(_shown)


@contextlib.contextmanager
def remembering(memo: Callable[[str, bool, bool, bool], str]) -> Iterator[None]:
    """shown() answered from the run's memo (remembered_shown) while the block runs."""
    token = _REMEMBERED.set(memo)
    try:
        yield
    finally:
        _REMEMBERED.reset(token)


def _shown(text: str, nfkc: bool, escapes: bool, spaces: bool) -> str:
    if spaces:
        text = LINE_BREAK.sub("\n", text)
    if not text.isascii():  # NFKC leaves ASCII as it is; most values are ASCII
        kept = unreordered(text)
        text = DROPPED.sub("", lookalike.letters(digits.nfkc(kept)) if nfkc else kept)
    elif not text.isprintable() and DROPPED.search(text):  # an ASCII control character
        text = DROPPED.sub("", text)
    if not escapes and ("*" in text or "_" in text):
        # Markdown bold and italics show a reader their words ("1. **Age:** 18 to 65", "Patients *not* on dialysis"),
        # as the criteria reader reads them
        text = unemphasised(text)
    if "\\" in text and not escapes:
        text = ESCAPE.sub(r"\1", text)
    if spaces:
        return text
    # as written, a white space that is not ASCII's (a no-break space, an em space) is a character
    return " ".join(text.split()) if nfkc else ASCII_SPACE.sub(" ", text).strip(" ")


# The white space a line of text is written with: its runs are one space as written too (a record's
# criterion folded over lines by YAML, a source's lines); any other (a no-break or an em space) is a
# character of the text as written. A record's spacing is split at it too (spacing.py).
ASCII_SPACE = lazy("[ \t\n\r\x0b\x0c]+")
# What ends a line for a reader: CR LF, CR, LF, and the characters Unicode and editors take for a line
# break too (vertical tab, form feed, NEL, the line and paragraph separators). Split at LF alone, a
# copy whose "Exclusion Criteria" stood after a line separator (U+2028) read its 12 exclusion
# criteria as inclusion criteria: the heading was the end of the line before it. Each is the "\n" a
# record's YAML writes for it (spacing.py).
LINE_BREAK = lazy("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")


def literal(text: str) -> str:
    """Text as normalise() reads it but for NFKC, the look-alike letters, the markdown escapes and a
    white space other than ASCII's: a record's characters as written. A record's text that reads as
    its source's only so ("ＣＤ１９" for "CD19", "ﬁ" for "fi", "10⁶" for "106", "CAR\\-T" for "CAR-T",
    a no-break space for a space) is not the source's words: what the record holds must be written
    so in a cited source too (documents.Sources.miswritten): a record's markdown escape is held to the
    source's own (SourceDoc.as_written), and a record's text without one reads the source's escapes
    as the characters they show (written_text). trials.csv, the exports and the site show what the record
    holds, and a search for "CAR-T" finds no "CAR\\-T"."""
    return shown(text, nfkc=False, escapes=True)


def written_text(text: str) -> str:
    """A source's text in its own characters (SourceDoc.written): normalise() but for NFKC, the
    look-alike letters and a white space other than ASCII's; its markdown escapes are what they
    show, as a record copies them ("2\\)" is "2)")."""
    return shown(text, nfkc=False)


@dataclass(frozen=True)
class Passage:
    text: str  # normalised
    whole: bool = False  # one value: a field placed here must equal it (value), not only occur in it
    value: str = ""  # the value a whole field must equal (for a JSON line, the part after "key: ")
    # its text as its prose is read: a line's end that ends a sentence with no stop marked (a headline's,
    # a list's line: sentences.line_ends); "" where the same as text
    prose: str = field(default="", compare=False)

    def holds(self, needle: str) -> bool:
        return needle in self.text


@dataclass(frozen=True)
class Item:
    """One criterion as the source lists it: its number (None when unnumbered), whole text, the
    sub-heading it is listed under (None when none; a nested item has its parent's), and how deep it
    is nested (0 at the top of its list; None where the layout does not say: a page's flat list)."""

    number: int | None
    text: str
    group: str | None = None
    depth: int | None = None


# The list whose items a source states as rows, and the record field naming an item in messages.
ROW_LABELS = {
    "related_trials": "nct_id",
    "officials": "name",
    "locations": "facility",
    "arms": "label",
    "interventions": "name",
    "identifiers.secondary_ids": "id",
    "references": "citation",
    "outcomes.primary": "measure",
    "outcomes.secondary": "measure",
}


def row_key(row: dict[str, Any]) -> tuple:
    """A row as a key (its lists as tuples): rows a source repeats word for word have one key."""
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(row.items()))


def is_row(item: dict, row: dict) -> bool:
    """Whether the item's texts are the row's (the fields the row states; the item may leave some
    out, and a list of the item's, such as an arm's interventions, is some of the row's)."""
    return texts_are_row(row_texts(item, row), row)


def row_texts(item: dict, columns: Iterable[str]) -> dict[str, str | set[str]]:
    """The item's texts is_row compares, normalised once for all the rows it is compared with: each
    of the columns it holds as a string (normalised) or a list (its strings normalised, as a set)."""
    out: dict[str, str | set[str]] = {}
    for k in columns:
        value = item.get(k)
        if isinstance(value, str):
            out[k] = normalise(value)
        elif isinstance(value, list):
            out[k] = {normalise(x) for x in value if isinstance(x, str)}
    return out


def texts_are_row(texts: dict[str, str | set[str]], row: dict) -> bool:
    """is_row for an item's row_texts (taken for columns that hold every key of row). A text the item
    holds in a column this row leaves empty is another row's (Erlangen's site given Ohio, the other
    site's state): the item is not this row."""
    if any(mine and k not in row for k, mine in texts.items()):
        return False
    shared = False
    for k in row:
        if k in texts:
            mine = texts[k]
            if not (mine == row[k] if isinstance(mine, str) else mine <= set(row[k])):
                return False
            shared = True
    return shared


class Products(Mapping[str, list[Passage]]):
    """A source's named products (SourceDoc.products): each name -> where the product of that name is
    stated, worked out when a record asks for it, once. Worked out for every name as the document
    was read, a page of n arms each giving the same n interventions cost n passages of n arms each:
    a registry copy of 1 MB held `trials validate` 38 s and a study of 5 MB took 6 GB of memory (n
    cubed), for one stub citing it; a record asks for the one product it names."""

    def __init__(self, makers: dict[str, Callable[[], list[Passage]]]) -> None:
        self._makers = makers
        self._made: dict[str, list[Passage]] = {}

    def __getitem__(self, name: str) -> list[Passage]:
        if name not in self._made:
            self._made[name] = self._makers[name]()
        return self._made[name]

    def __contains__(self, name: object) -> bool:
        return name in self._makers

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


# Readings a document keeps for the records of a run that cite it (what a quote cuts in a passage, the
# sentences about a trial): the mutation tests check a record a thousand times over; a run of many
# records citing one page too. Each is small beside the document, which holds its words anyway.
READINGS_HELD = 20_000

_Reading = TypeVar("_Reading")


# How a source's bytes are read (SourceDoc.form)
HTML, JSON, TEXT = "html", "json", "text"


@dataclass
class SourceDoc:
    file: str
    layout: str
    text: str  # normalised
    places: dict[str, list[Passage]] = field(default_factory=dict)
    criteria: dict[str, list[Item]] = field(default_factory=dict)  # inclusion_criteria / exclusion_criteria
    subject: str | None = None  # the trial the document is about (its NCT id), when its layout says
    # the items of a list the source states as rows, each field normalised: a record's item must be
    # one row (an official's name with that official's affiliation, a related trial's id with its title)
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    parts: list[SourceDoc] = field(default_factory=list)  # a page of studies: one document per study
    # the whole document's text as literal() reads it, when that is not text (a character NFKC
    # changes): what a record's characters are held to (None: the same as text)
    written: str | None = None
    # what reading() worked out, by its key: it lives and dies with the document in the run's
    # Documents (READINGS_HELD at most)
    readings: dict[tuple, Any] = field(default_factory=dict, repr=False, compare=False)
    # a plain document's trials: every NCT id it names, and each one's sections (trial_sections)
    trials: frozenset[str] = frozenset()
    sections: dict[str, list[Passage]] = field(default_factory=dict)
    # a plain document's text as its prose is read (Passage.prose; None where the same as text)
    prose: str | None = field(default=None, repr=False, compare=False)
    # the source's bytes: read again as written on demand, where NFKC changed a character of it
    # (as_written), and that reading, once made; and for a record's spacing (reading/spacing.py),
    # without which a record spaced otherwise than its text read its source a second time
    raw: bytes | None = field(default=None, repr=False, compare=False)  # UTF-8: half a str's memory and less
    twin: SourceDoc | None = field(default=None, repr=False, compare=False)
    # its text with its spacing (spacing.source_text), once made: each record spaced otherwise than
    # its words read it again (documents.Sources.misspaced)
    spaced: str | None = field(default=None, repr=False, compare=False)
    # a registry copy of several arms, whose groups give no arm type: each intervention's name
    # (normalised) -> where the product of that name is stated (product_place)
    products: Mapping[str, list[Passage]] = field(default_factory=dict, repr=False, compare=False)
    # why none of a web page's text is read (markup.Page.unread: its style may hide what only a
    # browser tells), said to the curator of a record citing it (curation.check_curation, E531)
    unread: str | None = None
    # how its bytes were read (_read_source): HTML (as a browser shows the page), JSON (its
    # "key: value" lines) or TEXT. Its spacing is read the same way (spacing.source_text): decided
    # there again from the bytes, the two readings could part (a page read as text, spaced as HTML).
    form: str = TEXT

    @functools.cached_property
    def whole_fields(self) -> dict[str, frozenset[str]]:
        """Each value the document gives whole (a passage that is one value: a site's country, a
        sponsor) -> the fields it gives it as, found once for the records of a run that cite it: a
        name a record reads from prose is asked of every field's places (documents.Sources.placed)."""
        out: dict[str, set[str]] = {}
        for name, passages in self.places.items():
            for p in passages:
                if p.whole:
                    out.setdefault(p.value or p.text, set()).add(name)
        return {value: frozenset(names) for value, names in out.items()}

    @functools.cached_property
    def criteria_texts(self) -> frozenset[str]:
        """The text of every item of its criteria lists: a record's criterion is looked up in them,
        not searched for item by item (a record of thousands of criteria made that quadratic)."""
        return frozenset(item.text for items in self.criteria.values() for item in items)

    def reading(self, key: tuple, make: Callable[[], _Reading]) -> _Reading:
        """make(), a reading of this document that key names whole (the reading's name first, then
        everything besides the document that it reads), worked out once for the records of a run."""
        if key in self.readings:
            return self.readings[key]
        found = make()
        if len(self.readings) < READINGS_HELD:
            self.readings[key] = found
        return found

    def cut(self, passage: str, quote: str) -> edges.Cut | None:
        """edges.cut(passage, quote) for a passage of this document, worked out once."""
        return self.reading(("cut", passage, quote), lambda: edges.cut(passage, quote))

    def as_written(self) -> SourceDoc:
        """This document read again with NFKC left out (normalise reads its characters as written):
        the same places, each passage in the source's own characters. A record's text with a
        character NFKC reads as another must be written so where the source states its field, not
        anywhere on the page (documents.Sources.miswritten), and its markdown escapes kept: a record's
        escape must be the source's there. Itself when NFKC changed none of it and it writes no
        backslash."""
        if self.raw is None or (self.written is None and b"\\" not in self.raw):
            return self
        if self.twin is None:
            token = _AS_WRITTEN.set(True)
            try:
                twin = _read_source(self.file, self.raw)
            finally:
                _AS_WRITTEN.reset(token)
            self.twin = twin.for_trial(self.subject) if self.subject is not None else twin
        return self.twin

    @property
    def kind(self) -> str | None:
        """The curation.sources kind a document of this layout is."""
        return LAYOUT_KINDS.get(self.layout)

    @property
    def related(self) -> dict[str, list[str]]:
        """A related trial's id -> the titles the source gives it."""
        out: dict[str, list[str]] = {}
        for row in self.rows.get("related_trials", []):
            if "nct_id" in row and "title" in row:
                out.setdefault(row["nct_id"], []).append(row["title"])
        return out

    def for_trial(self, nct_id: str) -> SourceDoc:
        """The part of a page of studies about this trial (the document itself when it is not a page)."""
        return next((part for part in self.parts if part.subject == nct_id), self)

    def about(self, nct_id: str) -> list[Passage] | None:
        """Where a plain document speaks of this trial: anywhere (None) when it names no other
        trial; else only its sections of this trial (trial_sections), none when it has none."""
        if self.trials <= {nct_id}:
            return None
        return self.sections.get(nct_id, [])

    def product_place(self, name: Any) -> list[Passage] | None:
        """Where this source states the product of a record naming it name (its cell_product.name):
        in a registry copy of several arms, the title and the arms that give the intervention of
        that name, with the interventions they give; else the cell_product place."""
        if isinstance(name, str) and shown(name) in self.products:
            return self.products[shown(name)]
        return self.place(("cell_product",))

    def place(self, path: tuple) -> list[Passage] | None:
        """The passages where this source states the field at path (list indexes ignored; the
        nearest placed ancestor answers), or None when its layout does not place it."""
        names = [p for p in path if isinstance(p, str)]
        while names:
            found = self.places.get(".".join(names))
            if found is not None:
                return found
            names.pop()
        return None


def dropped(older: SourceDoc, newer: SourceDoc, path: tuple) -> bool:
    """Whether newer, a later version of older's record (a document of its layout), dropped the field at path:
    older states it at its place (the nearest placed name of path, as SourceDoc.place reads it), newer states
    nothing there, and newer states every other field older states (a whole version, not a cut-down copy, such
    as a fields query's answer, whose silence on a field is no removal)."""
    names = [p for p in path if isinstance(p, str)]
    while names and ".".join(names) not in older.places:
        names.pop()
    key = ".".join(names)
    if not names or not older.places[key] or newer.places.get(key):
        return False
    return all(
        newer.places.get(name)
        for name, passages in older.places.items()
        if passages and name != key and not name.startswith(key + ".")
    )


# How deep a JSON source may nest and still be read as JSON: a ClinicalTrials.gov study is some ten
# levels deep. json.loads reads a document nested up to ~1,000 levels in C, and the walks that read
# it here (Lines, json_lines) recurse in Python: a source of 900 nested arrays, cited by one stub,
# stopped every command that read it with an internal error, before any other record was checked.
MAX_JSON_DEPTH = 100


def json_document(text: str) -> Any:
    """The JSON document text holds; None when it holds none (or null), one nested deeper than
    MAX_JSON_DEPTH, or one giving a key twice in an object (json_loads). Every reader of a source's
    JSON (the checks, the site) takes it from here. A byte-order mark before it (a JSON saved by a
    Windows tool) is no part of it, as for the importer."""
    try:
        doc = json_loads(text.removeprefix("\ufeff"))
    except (ValueError, RecursionError):
        return None
    if too_deep(doc):
        return None
    # nor one holding a lone surrogate ("\ud800" alone), which json.loads reads and no text can hold:
    # read as a study, a page of it stopped `trials site` with an internal error (it was no UTF-8)
    if SURROGATE_ESCAPE.search(text) and lone_surrogate(doc) is not None:
        return None
    # nor one writing a character no serializer escapes as an escape (disguised)
    return None if "\\u00" in text and disguised(text) is not None else doc


# A JSON escape of a character in ASCII's printable range (an unescaped backslash before it): a
# serializer writes those characters as they are, but for the quotation mark and the backslash, and
# a slash, "&", "'", "<" and ">" some escape to keep a JSON safe inside a page.
_ASCII_ESCAPE = lazy(r"(?<!\\)(?:\\\\)*\\u00([2-7][0-9a-fA-F])")
_SERIALIZERS_ESCAPE = frozenset("\"&'/<>\\\x7f")


def disguised(text: str) -> str | None:
    """The first escape in a JSON text of a printable ASCII character no serializer escapes ("\\u0036"
    for "6"), else None. A reader of the file (GitHub's view of a pull request, an editor, `less`)
    is shown the escape, and json.loads the character: a source of "Enrollment: \\u0036\\u0030
    participants" bound an enrollment of 60 that no reviewer is shown. Such a document is no JSON
    (json_document): it is read as plain text, as its reader sees it."""
    for m in _ASCII_ESCAPE.finditer(text):
        if chr(int(m.group(1), 16)) not in _SERIALIZERS_ESCAPE:
            return "\\u00" + m.group(1)
    return None


# an escape of a UTF-16 surrogate ("\\ud800"), in a JSON text: where a lone one may stand (most texts have none)
SURROGATE_ESCAPE = lazy(r"\\u[dD][89a-fA-F]")


def lone_surrogate(doc: Any) -> tuple[str, str] | None:
    """(where, the character's escape) of the first text or key of doc holding a lone surrogate (JSON's
    "\\ud800" alone, which json.loads reads without complaint and which no UTF-8 text can hold); None if
    none does."""
    for node, path in json_nodes(doc):
        texts = (
            [(k, (*path, k)) for k in node]
            if isinstance(node, dict)
            else [(node, path)]
            if isinstance(node, str)
            else []
        )
        for text, at in texts:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                return _shown_path(at), f"\\u{ord(text[exc.start]):04x}"
    return None


def _shown_path(path: tuple) -> str:
    """A JSON path as a message writes it ("a.b[0].c"), a key's lone surrogates written as escapes."""
    shown = ""
    for part in path:
        if isinstance(part, int):
            shown += f"[{part}]"
        else:
            key = part.encode("utf-8", "backslashreplace").decode("utf-8")
            shown = f"{shown}.{key}" if shown else key
    return shown or "the document"


class KeyTwice(ValueError):
    """A JSON object that gives a key twice: which of its values a reader takes is the reader's
    choice (Python's json, jq and a browser's viewer keep the last, others the first or both)."""

    def __init__(self, key: str) -> None:
        super().__init__(f"the key {key!r} is given twice in one object")
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) < len(pairs) or not all(key.isascii() and key.isprintable() for key in out):
        # (rare: only then is each key looked at) each key as it shows a reader: "оverallStatus" with
        # a Cyrillic "о", or "overall\u200bStatus", beside "overallStatus" is the key twice to a reader,
        # and alone is the key (a study so written was read as RECRUITING, or as stating no status)
        out = {}
        for key, value in pairs:
            shown = _shown_key(key)
            if shown in out:
                raise KeyTwice(key)
            out[shown] = value
    return out


def _shown_key(key: str) -> str:
    """A JSON key as it shows a reader: its invisible characters left out, in NFKC, its look-alike
    letters as the letters they show (as normalise() reads text, but in every reading)."""
    if key.isascii() and key.isprintable():
        return key
    return lookalike.letters(digits.nfkc(DROPPED.sub("", unreordered(key))))


class NoJSONNumber(ValueError):
    """NaN, Infinity or -Infinity, which json.loads reads as numbers and JSON (RFC 8259) has none of: an
    enrollment count of NaN was imported as left out with a note saying "nan"."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is no JSON number")
        self.name = name


def _no_constant(name: str) -> Any:
    raise NoJSONNumber(name)


def json_loads(text: str) -> Any:
    """json.loads, but a document giving a key twice in an object is none (KeyTwice): a study with
    "overallStatus" given as RECRUITING, then as COMPLETED, was read as COMPLETED alone, and a record
    quoting that passed, while the source states both (and the registry's page may show the first);
    nor is one writing NaN or Infinity (NoJSONNumber), which no JSON holds."""
    return json.loads(text, object_pairs_hook=_object, parse_constant=_no_constant)


def json_nodes(doc: Any) -> Iterator[tuple[Any, tuple]]:
    """Each node of a JSON document with its path (keys and indexes), in the document's order, walked
    without recursion: a node's children are reached only when the walk goes on past it, so a reader
    that stops at a depth reads nothing deeper (too_deep; the importer's look for a lone surrogate)."""
    stack: list[tuple[Any, tuple]] = [(doc, ())]
    while stack:
        node, path = stack.pop()
        yield node, path
        if isinstance(node, dict):
            stack.extend((v, (*path, k)) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((v, (*path, i)) for i, v in reversed(list(enumerate(node))))


def too_deep(doc: Any) -> bool:
    """Whether a JSON document nests deeper than MAX_JSON_DEPTH (the document itself at depth 1)."""
    return any(isinstance(node, (dict, list)) and len(path) >= MAX_JSON_DEPTH for node, path in json_nodes(doc))


# a trial's id as a text may write it: "NCT06513429", "nct06513429", "NCT 06513429", "NCT-06513429"
_NCT_ID = lazy(r"(?<![A-Za-z0-9])NCT[ \-\u2010\u2011\u2013]?([0-9]{8})(?![0-9])", re.I)


# What a page names where a trial's id may stand in text a reader is shown and the check does not
# read (markup.BARRIER): another trial, whose lines are no one's.
UNREAD_TRIAL = "a trial in text not read"


def named_trials(line: str) -> set[str]:
    """The trials a line of a plain document names: each NCT id it writes, and each trial another
    registry's id names (registry_ids)."""
    named = (
        {"NCT" + digits for digits in _NCT_ID.findall(shown(line))}
        if "nct" in line.lower() or not line.isascii()
        else set()
    )
    if registry_ids.may_name(line):  # a trial another registry's id names (registry_ids): another one
        named |= registry_ids.named(shown(line))
    return named


def trial_sections(doc: SourceDoc, lines: Iterable[str]) -> SourceDoc:
    """doc (a plain document) with the trials it names and each one's sections. A plain document has
    no layout to say which trial a passage is about, and a review or a list of studies names many:
    read anywhere, a draft of one trial took another's status or enrolment from the same page. A
    line that names one trial (and no other) begins a section of that trial, which runs until the
    next line that names any; a line naming several trials is no one trial's, nor is the text above
    the first line naming one. A trial is named by its NCT id or by the id another registry gave it
    (registry_ids: the ChiCTR2400081234 trial's lines are no NCT id's)."""
    trials: set[str] = set()
    sections: dict[str, list[Passage]] = {}
    owner: str | None = None
    held: list[str] = []

    def close() -> None:
        if owner is not None and held:
            text = normalise("\n".join(held))
            prose = sentences.line_ends(held, text, normalise)
            sections.setdefault(owner, []).append(Passage(text, prose="" if prose == text else prose))

    for line in lines:
        if line == markup.BARRIER:  # shown to a reader, not read, and may name a trial: no one's after it
            close()
            trials.add(UNREAD_TRIAL)
            owner, held = None, []
            continue
        named = named_trials(line)
        if named:
            close()
            trials |= named
            owner, held = (next(iter(named)) if len(named) == 1 else None), []
        held.append(line)
    close()
    doc.trials, doc.sections = frozenset(trials), sections
    return doc


def _read_source(file: str, raw: bytes) -> SourceDoc:
    """A source document read from its bytes, decoded as UTF-8 (undecodable bytes replaced); a page a
    browser takes for HTML as the text it shows (markup.read: no comment, script, attribute or hidden
    element, which stood beside the page's words as if its reader saw them; none where its style may
    hide what only a browser tells, and why), and never as JSON: a page
    showing a study's JSON is no study the API gave (its bytes are a page's, which drift and update
    cannot read as one), and was read as one, a REGISTRY_JSON source. A source its reader opens
    otherwise than as that text (not UTF-8, a page declaring another encoding, a name opened as no
    text: opening.unopened) is read as none, and says why."""
    unopened = opening.unopened(file, raw)
    if unopened is not None:
        doc = _read_text(file, "\n", json=False)
        doc.unread = unopened
        return doc
    text = raw.decode("utf-8")
    if markup.is_html(file, text):
        page = markup.read(text)
        doc = _read_text(file, page.text, json=False, blocks=lambda: markup.read(text, blocks=True).text)
        doc.unread, doc.form = page.unread, HTML
        return doc
    return _read_text(file, text)


def read(file: str, raw: bytes) -> SourceDoc:
    """A source document's text and places (_read_source)."""
    doc = _read_source(file, raw)
    for part in (doc, *doc.parts):  # kept to be read again as written and as spaced (SourceDoc.raw)
        part.raw, part.form = raw, doc.form
    return doc


_JSON_START = lazy(r"[\ufeff \t\r\n]*[{\[]")  # what JSON of an object or an array starts with


def source_json(file: str, text: str) -> Any:
    """The JSON document a source is read as (None: it is read as text): any JSON under a name ending
    in .json, and under any other name a ClinicalTrials.gov study or a page of studies. The name is
    the pull request's to choose: a study the API gave, saved as `study.txt` (its sha256 the API's
    answer's, as a reviewer finds it) and cited as a REGISTRY_COPY, was read as plain text, where a
    quote may stand anywhere: a comparator arm's "anti-CD20 antibody" bound a CAR-T product's target
    antigen, and a page of other trials' studies was read whole. A study is read as its STUDY_READ
    keys (_as_read). The site shows what this reads."""
    if not file.lower().endswith(".json") and not _JSON_START.match(text):
        return None  # (most sources: no parse is tried)
    doc = json_document(text)
    if doc is None or file.lower().endswith(".json"):
        return _as_read(doc)
    if page_of_studies(doc) is not None or (isinstance(doc, dict) and isinstance(doc.get("protocolSection"), dict)):
        return _as_read(doc)
    return None


def page_of_studies(doc: Any) -> list[dict] | None:
    """The studies of a page of them (the API's {"studies": [...]}, or a list), else None."""
    studies = doc.get("studies") if isinstance(doc, dict) else doc if isinstance(doc, list) else None
    if isinstance(studies, list) and studies and all(isinstance(s, dict) and "protocolSection" in s for s in studies):
        return studies
    return None


# What of a ClinicalTrials.gov study a record's fields are read from: its protocol, and whether it has
# results (results_posted). A study with results also holds resultsSection (its tables of participants,
# outcomes and adverse events), derivedSection (the registry's MeSH terms) and documentSection, which
# no field states: read as the study's text, they made a genuine study of 3.5 MB (3,000 adverse-event
# terms) cost 32 times the protocol's characters to search, and E530 refused its honest draft.
STUDY_READ = ("protocolSection", "hasResults")


def _as_read(doc: Any) -> Any:
    """A study, or each study of a page of them, as the checks read it: the keys of STUDY_READ."""
    if isinstance(doc, dict) and isinstance(doc.get("protocolSection"), dict):
        return {key: value for key, value in doc.items() if key in STUDY_READ}
    studies = page_of_studies(doc)
    if studies is None:
        return doc
    read = [_as_read(study) for study in studies]
    return {**doc, "studies": read} if isinstance(doc, dict) else read


def _read_text(file: str, text: str, json: bool = True, blocks: Callable[[], str] | None = None) -> SourceDoc:
    # each layout's reader is a module of its own, which builds this module's SourceDoc: imported
    # here, where a source is first read, not at the top (where it would import this module half made)
    from sle_trials.reading import clinconnect, ctgov_study, registry_copy

    if json and (file.lower().endswith(".json") or _JSON_START.match(text)):
        doc = source_json(file, text)
        if doc is not None:
            # a JSON string may spell any character as an escape ("\uff23"): its text is the decoded one
            study = ctgov_study.read_study(file, doc)
            study.form = JSON
            # NFKC changes no ASCII character, but an escape or a character reference ("&sup2;") may write one
            as_read = text.isascii() and "\\u" not in text and ("&" not in text or _ENTITY.search(text) is None)
            if study.layout != PLAIN and as_read:
                return study  # the text as read is the text as written
            written = "\n".join(json_line(k, v) for k, v in json_lines(doc))
            if study.layout == PLAIN:  # a page of studies (each part placed), or JSON of no known layout
                lines = written.split("\n")
                # a string's paragraphs (a blank line in its text: "\n\n") set apart, as a plain text's
                apart = None if study.parts else set_apart(lines)
                if apart is not None:
                    lines, written = apart, "\n".join(apart)
                    study.text = normalise(written)
                trial_sections(study, lines)
            if as_read:
                return study
            studies = page_of_studies(doc)
            if studies is not None and study.parts:
                _parts_written(study, studies)
            return _written(study, written)
    raw_lines = LINE_BREAK.split(text)
    # a layout's words are read as they show a reader (_as_shown), and its passages as it writes them:
    # read again as written, a line's look-alike letters are its own (folded, the twin of a title line
    # writing "IМ19" with a Cyrillic "М" read "IM19", and the record that copied the line was refused)
    fold: Callable[[str], str] = str if _AS_WRITTEN.get() else lookalike.letters
    # read again as written, a line keeps its markdown escapes, as a record copying it does
    unescaped: Callable[[str], str] = str if _AS_WRITTEN.get() else functools.partial(ESCAPE.sub, r"\1")
    lines = [unescaped(fold(_visible(line))).strip() for line in raw_lines]
    _as_shown(lines)
    _first_shown(lines)
    for reader in (clinconnect.read_page, registry_copy.read_copy):
        found = reader(file, lines)
        if found is not None:
            found.text = normalise(text)
            return _written(found, text)
    # a page's blocks, or a plain text's paragraphs, each set apart from the next (set_apart)
    apart = set_apart(raw_lines if blocks is None else LINE_BREAK.split(blocks()))
    if apart is not None:
        raw_lines, text = apart, "\n".join(apart)
    plain = SourceDoc(file, PLAIN, normalise(text))
    prose = sentences.line_ends(raw_lines, plain.text, normalise)
    plain.prose = None if prose == plain.text else prose
    return _written(trial_sections(plain, raw_lines), text)


def set_apart(lines: list[str]) -> list[str] | None:
    """The lines of a document of no layout with a SEPARATOR line between two paragraphs a reader sees
    apart (a blank line between them; a page's blocks, markup.read with blocks), unless the paragraph
    before ends in a label (_label: "Enrollment:", "Gender"), whose value a reader reads in the next
    one, or in a question the next opens with a yes or no to ("CD28 domain?", then "Yes.":
    sentences.answers); and after a SET_APART line (before a heading, after a page's title) whatever the
    text before it. None when no paragraph is set apart. A record holds no SEPARATOR, so no quote runs across one:
    "Status: Not yet" ending a paragraph (a plain text's, a page's <p>, a table's cell, a heading, the
    page's title) and "recruiting" starting the next vouched for "Status: Not yet recruiting"
    (NOT_YET_RECRUITING), two texts to a reader. A layout's page is read by its places, whose labels
    and values stand in blocks of their own (a saved ClinConnect page's "Gender" heading above its
    "ALL"), and is not read so."""
    out: list[str] = []
    last: str | None = None  # the last line of text before the blank lines
    due: str | None = None  # "blank" after a blank line, "apart" after a SET_APART line
    blanks = 0  # the blank lines since the last line of text: more than markup.BLANKS set it apart
    changed = False
    for at, line in enumerate(lines):
        if line.strip() == SET_APART:
            due = "apart"
            out.append("")
            continue
        shown_line = _visible(line).strip()
        if shown_line == SEPARATOR:  # a table's rows, set apart already
            due, last = None, None
            out.append(line)
            continue
        if not shown_line:
            due = due or ("blank" if last is not None else None)
            blanks += 1
            out.append(line)
            continue
        if due == "blank" and blanks > markup.BLANKS:
            due = "apart"  # more blank lines than a reader bridges between a label and its value
        blanks = 0
        if (
            due is not None
            and last is not None
            and (due == "apart" or not (_label(last) or _answered(last, shown_line, lines, at)))
        ):
            out += [SEPARATOR, ""]
            changed = True
        due, last = None, shown_line
        out.append(line)
    return out if changed else None


def _answered(last: str, shown_line: str, lines: list[str], at: int) -> bool:
    """Whether shown_line (lines[at]) answers last, the line ending the paragraph before it
    (sentences.answers), the next line of text after it giving no answer of its own (a list of choices:
    "Yes", then "No")."""
    if not sentences.answers(last, shown_line):
        return False
    shown_lines = (_visible(line).strip() for line in itertools.islice(lines, at + 1, None))
    return sentences.answers(
        last, shown_line, next((s for s in shown_lines if s not in ("", SEPARATOR, SET_APART)), "")
    )


def _label(line: str) -> bool:
    """Whether a line is a label, whose value a reader reads in the paragraph after it: one ending in a
    colon ("Enrollment:"), or a label or heading a source is read by (a layout's headings, the sex's,
    the dates' and the fields' labels: _labels), colon or not ("Gender", "Overall Status")."""
    return line.endswith((":", "\uff1a")) or line.casefold() in _labels()


# The labels a page writes a coded field under ("Overall Status: Recruiting", "Phase: Phase 1"), as the
# registry's pages do: the silence check reads a term of the field's vocabulary right after one as stated
# (silence._LABELS, with the sex's), and a paragraph ending in one is read with the next (_label)
CODED_LABELS = {
    "overall_status": ("Overall Status", "Recruitment Status", "Recruiting Status", "Study Status", "Status"),
    "phases": ("Phase", "Phases", "Study Phase", "Trial Phase"),
    "study_type": ("Study Type",),
    "design.allocation": ("Allocation",),
    "design.intervention_model": ("Intervention Model",),
    "design.masking": ("Masking",),
    "design.primary_purpose": ("Primary Purpose",),
}
# Labels a page writes a field's value in the block after (besides its layouts' headings and the labels
# the lexicon and the vocabulary hold): its coded fields', enrollment, ages, volunteers, titles
_FIELD_LABELS = (
    *(label for labels in CODED_LABELS.values() for label in labels),
    "Enrollment",
    "Enrolment",
    "Estimated Enrollment",
    "Actual Enrollment",
    "Age",
    "Ages",
    "Ages Eligible for Study",
    "Minimum Age",
    "Maximum Age",
    "Healthy Volunteers",
    "Accepts Healthy Volunteers",
    "Conditions",
    "Condition",
    "Interventions",
    "Intervention",
    "Sponsor",
    "Sponsors",
    "Title",
    "Official Title",
    "Brief Title",
    "Acronym",
)


@functools.cache
def _labels() -> frozenset[str]:
    """The labels _label knows, casefolded: constants, built once a process."""
    from sle_trials.reading import clinconnect, registry_copy, vocabulary  # (as in _read_text)
    from sle_trials.reading.lexicon import date_mentions

    labels = (
        *_FIELD_LABELS,
        *registry_copy.REGISTRY_COPY_HEADINGS,
        *clinconnect.CLINCONNECT_HEADINGS,
        *vocabulary.SEX_LABELS,
        *date_mentions.LABEL_TEXTS,
        *date_mentions.AS_OF_LABELS,
    )
    return frozenset(label.casefold() for label in labels)


def _visible(line: str) -> str:
    """A line as a reader sees it, which is what a layout's headings and sections are read from: its
    invisible characters left out and a passage a bidirectional control reorders read as spaces, as
    normalise() reads them. A zero-width space after "Eligibility Criteria", or a byte-order mark
    before "ClinConnect", made a page that shows every heading a plain one (a page of no layout, where
    a quote may stand anywhere, and whose trials' sections run from line to line naming them): a
    copy of IM19's page so marked vouched for a stub of NCT06886919 under the next related trial's
    title, and a soft hyphen after "Locations" left a page no place for its sites."""
    return line if line.isascii() and line.isprintable() else DROPPED.sub("", unreordered(line))


def _markers() -> tuple[str, ...]:
    """The lines a layout is known and sectioned by: its headings, and the criteria's own."""
    from sle_trials.reading import clinconnect, registry_copy  # (as in _read_text)

    criteria = [
        f"{key}{word}{colon}"
        for key in ("", "Key ")
        for name in ("Inclusion", "Exclusion")
        for word in (f"{name} Criteria", f"{name} criteria", f"{name} Criteria".upper(), f"{name} criteria".lower())
        for colon in ("", ":")
    ]
    return (*registry_copy.REGISTRY_COPY_HEADINGS, *clinconnect.CLINCONNECT_HEADINGS, *criteria)


@functools.cache
def _marker_skeletons() -> tuple[dict[str, str], int]:
    """The markers by their skeletons, and the longest skeleton's length (no longer line has one):
    constants, built once a process (tests/test_layering.py allows it)."""
    skeletons = {lookalike.skeleton(m): m for m in _markers()}
    return skeletons, max(map(len, skeletons))


_CLINCONNECT = "ClinConnect"


def _as_shown(lines: list[str]) -> None:
    """Each line that is a layout's heading written with look-alike characters (reading/lookalike.py)
    as that heading, which is what it shows a reader: "Еligibility Criteria" with a Cyrillic "Е", or
    "СlinConnect" with a Cyrillic "С", made a page that shows every heading a plain one, as an
    invisible character did (_visible). The short lines are folded as one text (millions of them
    cost a source one translation), and looked up only when some skeleton is a heading's."""
    by_skeleton, longest = _marker_skeletons()
    short = [i for i, line in enumerate(lines) if len(line) <= longest]  # a skeleton is never shorter
    folded = lookalike.skeleton("\n".join(lines[i] for i in short)).split("\n")
    hits = by_skeleton.keys() & set(folded)
    for i, line in zip(short, folded) if hits else ():
        if line in hits:
            lines[i] = by_skeleton[line]


def _first_shown(lines: list[str]) -> None:
    """The first line of text starting with "ClinConnect" as it shows a reader (_as_shown)."""
    at = next((i for i, line in enumerate(lines) if line), None)
    if at is None or lines[at].startswith(_CLINCONNECT):
        return
    head = lines[at][: len(_CLINCONNECT)]
    if lookalike.skeleton(head) == lookalike.skeleton(_CLINCONNECT):
        lines[at] = _CLINCONNECT + lines[at][len(_CLINCONNECT) :]


def _written(doc: SourceDoc, text: str) -> SourceDoc:
    """doc with its written text (SourceDoc.written), when NFKC changed a character of it (only a text
    that is not ASCII can have one)."""
    if text.isascii():
        return doc  # NFKC changes no ASCII character: the text as read is the text as written
    written = written_text(text)
    if written != doc.text:
        doc.written = written
    return doc


def _parts_written(page: SourceDoc, studies: list[dict]) -> None:
    """Each study of a page of them with its own written text, not the page's: counted in the page's,
    a full-width title the page gives the next trial's study stood as often as the title a record's
    own study gives plainly, and passed as written there."""
    for part, study in zip(page.parts, studies):
        _written(part, "\n".join(json_line(k, v) for k, v in json_lines(study)))


# --- ClinicalTrials.gov JSON ----------------------------------------------------------------------


def json_string(value: str) -> str:
    """A string from a JSON source as records quote it: an HTML character reference decoded, once
    ("&gt;=" is ">=", "&amp;" "&", "&#8805;" "≥", as ClinicalTrials.gov serves some texts entered in
    its old system; html_entities); CR LF and CR become LF, and so does a line separator (U+2028), a
    paragraph separator (U+2029) a blank line (a text's line breaks, as a word processor writes them:
    a criteria text split at them lists its items one a line); a control character that is white
    space (a tab) a space, any other (NUL) and invisible format characters (zero-width, soft hyphen,
    bidi marks) nothing. trials import applies
    the same to the text it copies, and the check reads a JSON source's text so."""
    if "&" in value:
        value = html_entities(value)
    if value.isprintable() or ("\n" in value and value.replace("\n", " ").isprintable()):
        return value  # no character of those kinds (all are unprintable), so nothing to change
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    kinds = {c: unicodedata.category(c) for c in set(value)}
    return "".join(
        c if c == "\n" else " " if kinds[c] in ("Zl", "Zp") or c in _SPACING else "" if kinds[c] in ("Cc", "Cf") else c
        for c in value
    )


# The control characters that are white space (Unicode's White_Space): a tab, a vertical tab, a form
# feed, a next line. Every other one is shown as nothing ("6<NUL>0" is 60), and left out as invisible.py
# leaves it out of a plain source: written as a space, "6\u00000 participants" stated 6 and 0.
_SPACING = frozenset("\t\x0b\x0c\x85")


# an HTML character reference, with its semicolon: named ("&gt;", "&amp;"), decimal ("&#62;") or hex ("&#x3E;");
# never one without it ("R&D", "&lt" in "&ltx"), which HTML's legacy rules would read as one
_ENTITY = lazy(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def html_entities(text: str) -> str:
    """text with each HTML character reference decoded once ("&amp;gt;" is "&gt;", as it was written):
    one that names no character ("&nosuch;", "&#0;"), or a character that is not printable ("&#10;"), is
    left as it is. A space ("&nbsp;", "&ensp;", "&#160;") is decoded, though Python counts no space but
    U+0020 printable: kept as written, "1.&nbsp;Age 18" lost its list number and was imported as the
    criterion "1.&nbsp;Age 18", where a no-break space the source writes as a character is read as one.
    So is an invisible format character ("&shy;", "&zwnj;", "&lrm;"), which json_string then leaves out as
    it leaves out the character written as itself ("Pregnan&shy;cy" is "Pregnancy", as "Pregnan\u00adcy" is)."""

    def one(m: re.Match) -> str:
        said = html.unescape(m.group(0))
        # "&#0;" and other code points no text holds decode to U+FFFD, the replacement character: kept as written
        shown = said.isprintable() or (len(said) == 1 and unicodedata.category(said) in ("Zs", "Cf"))
        return said if said != m.group(0) and shown and "\ufffd" not in said else m.group(0)

    return _ENTITY.sub(one, text)


def json_lines(node: Any, parent: str = "") -> list[tuple[str, str]]:
    """(key, value) of every scalar of a JSON document in document order: the key is the last two
    object keys of its path ("statusModule.overallStatus"); strings decoded (json_string), numbers
    and booleans as JSON writes them, nulls left out. How a JSON source is read, and how imports quote it."""
    out: list[tuple[str, str]] = []

    def walk(item: Any, keys: tuple[str, ...]) -> None:
        if isinstance(item, dict):
            for key, value in item.items():
                walk(value, (*keys[-1:], json_key(key)))
        elif isinstance(item, list):
            for value in item:
                walk(value, keys)
        elif item is not None:
            out.append((".".join(keys), scalar_text(item)))

    walk(node, (parent,) if parent else ())
    return out


def json_text(node: Any, parent: str = "") -> str:
    """A JSON value as a source's text reads it (normalised "key: value" lines): an import's quote."""
    return normalise("\n".join(json_line(k, v) for k, v in json_lines(node, parent)))


def json_line(key: str, value: str) -> str:
    return f"{key}: {value}"


def json_key(name: object) -> str:
    """An object's key as its lines give it: as written where it is a name (a registry's keys are,
    "enrollmentInfo"), else as JSON writes it, in quotes. A key of other characters read bare makes
    a line of a field the document does not have: {"enrollmentInfo": {"count: 60 type": 24}} read
    "enrollmentInfo.count: 60 type: 24", and a record quoting "enrollmentInfo.count: 60" passed."""
    text = str(name)
    return text if text.isascii() and text.isidentifier() else json.dumps(text)


def scalar_text(item: Any) -> str:
    """A JSON scalar as a source line states it: a string decoded (json_string), a number or a
    boolean as JSON writes it."""
    if isinstance(item, str):
        return json_string(item)
    if isinstance(item, bool):
        return "true" if item else "false"
    return json.dumps(item)


# --- pages: shared reading ------------------------------------------------------------------------


# --- a third-party copy of a registry record ------------------------------------------------------


# --- a ClinConnect trial page ---------------------------------------------------------------------
