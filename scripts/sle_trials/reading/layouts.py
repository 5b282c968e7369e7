"""Layouts: where a source document states each field, so a value is read from its place.

A source is read into a SourceDoc: its normalised text (what verbatim text and quotes are searched
in), and, when its layout is known, its **places**: for a record field (a dotted path without list
indexes, e.g. `related_trials.title`), the passages where the source states that field. A title is
then the page's title line, not a related trial's title further down; a sponsor's name is a line of
the Sponsors section, not a facility that looks the same; an inclusion criterion is an item of the
inclusion list, not of the exclusion list. A passage marked `whole` is one value: the field must
equal it, not a part of it (a title cut short is not the title).

One reader per layout, each a small function below, as endoflife.date keeps one module per upstream:
- ctgov_json: a ClinicalTrials.gov API v2 study (JSON). Its text is one "key: value" line per scalar,
  the key being the last two object keys of its path ("statusModule.overallStatus: RECRUITING",
  "startDateStruct.date: 2024-07-30"), so a quote names what it quotes.
- registry_copy: a third-party site's copy of a ClinicalTrials.gov record: one value per line under
  fixed headings (Basic Information, Study Design, Eligibility Criteria, Sponsors, ...). Its Study
  Groups give no arm type: with several arms, the product is read from the title and the arms giving
  the intervention a record names as its product (SourceDoc.product_place), whose name is one of a
  CAR product where any intervention's name or description says so.
- clinconnect: a ClinConnect trial page (Trial Information, Keywords, ClinConnect Summary, ...).
A document no reader recognises is read as plain text with no places: its words are checked, their
place is not (coverage says so), except which trial's lines they stand in when it names other trials
(trial_sections).

Each reader also gives the source's criteria lists as items (number, text), for the completeness
check (completeness.py).
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any, NamedTuple

from sle_trials.reading import digits, edges, lookalike, markup
from sle_trials.reading.criteria_text import ESCAPE, split_criteria
from sle_trials.reading.invisible import DROPPED, unreordered

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
    written, each line break "\\n" (a source's text as a record's spacing is held to, spacing.py)."""
    if spaces:
        text = LINE_BREAK.sub("\n", text)
    if not text.isascii():  # NFKC leaves ASCII as it is; most values are ASCII
        kept = unreordered(text)
        text = DROPPED.sub("", lookalike.letters(digits.nfkc(kept)) if nfkc else kept)
    elif not text.isprintable() and DROPPED.search(text):  # an ASCII control character
        text = DROPPED.sub("", text)
    if "\\" in text and not escapes:
        text = ESCAPE.sub(r"\1", text)
    if spaces:
        return text
    # as written, a white space that is not ASCII's (a no-break space, an em space) is a character
    return " ".join(text.split()) if nfkc else ASCII_SPACE.sub(" ", text).strip(" ")


# The white space a line of text is written with: its runs are one space as written too (a record's
# criterion folded over lines by YAML, a source's lines); any other (a no-break or an em space) is a
# character of the text as written. A record's spacing is split at it too (spacing.py).
ASCII_SPACE = re.compile("[ \t\n\r\x0b\x0c]+")
# What ends a line for a reader: CR LF, CR, LF, and the characters Unicode and editors take for a line
# break too (vertical tab, form feed, NEL, the line and paragraph separators). Split at LF alone, a
# copy whose "Exclusion Criteria" stood after a line separator (U+2028) read its 12 exclusion
# criteria as inclusion criteria: the heading was the end of the line before it. Each is the "\n" a
# record's YAML writes for it (spacing.py).
LINE_BREAK = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")


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


# Readings of quotes a document keeps (each a passage and a quote, which the document holds anyway):
# the mutation tests check a record a thousand times over; a run of many records citing one page too.
CUTS_HELD = 20_000


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
    # (passage, quote) -> what the quote cuts there (edges.cut), for the records of a run that cite
    # this document: it lives and dies with the document in the run's Documents (CUTS_HELD at most)
    cuts: dict[tuple[str, str], edges.Cut | None] = field(default_factory=dict, repr=False, compare=False)
    # a plain document's trials: every NCT id it names, and each one's sections (trial_sections)
    trials: frozenset[str] = frozenset()
    sections: dict[str, list[Passage]] = field(default_factory=dict)
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
    # browser tells), said to the curator of a record citing it (evidence.check_curation, E531)
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

    def cut(self, passage: str, quote: str) -> edges.Cut | None:
        """edges.cut(passage, quote) for a passage of this document, worked out once."""
        key = (passage, quote)
        if key in self.cuts:
            return self.cuts[key]
        found = edges.cut(passage, quote)
        if len(self.cuts) < CUTS_HELD:
            self.cuts[key] = found
        return found

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
    return None if SURROGATE_ESCAPE.search(text) and lone_surrogate(doc) is not None else doc


# an escape of a UTF-16 surrogate ("\\ud800"), in a JSON text: where a lone one may stand (most texts have none)
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


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


def json_loads(text: str) -> Any:
    """json.loads, but a document giving a key twice in an object is none (KeyTwice): a study with
    "overallStatus" given as RECRUITING, then as COMPLETED, was read as COMPLETED alone, and a record
    quoting that passed, while the source states both (and the registry's page may show the first)."""
    return json.loads(text, object_pairs_hook=_object)


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
_NCT_ID = re.compile(r"(?<![A-Za-z0-9])NCT[ \-\u2010\u2011\u2013]?([0-9]{8})(?![0-9])", re.I)


def trial_sections(doc: SourceDoc, lines: Iterable[str]) -> SourceDoc:
    """doc (a plain document) with the trials it names and each one's sections. A plain document has
    no layout to say which trial a passage is about, and a review or a list of studies names many:
    read anywhere, a draft of one trial took another's status or enrolment from the same page. A
    line that names one trial (and no other) begins a section of that trial, which runs until the
    next line that names any; a line naming several trials is no one trial's, nor is the text above
    the first line naming one."""
    trials: set[str] = set()
    sections: dict[str, list[Passage]] = {}
    owner: str | None = None
    held: list[str] = []

    def close() -> None:
        if owner is not None and held:
            sections.setdefault(owner, []).append(Passage(normalise("\n".join(held))))

    for line in lines:
        named = (
            {"NCT" + digits for digits in _NCT_ID.findall(shown(line))}
            if "nct" in line.lower() or not line.isascii()
            else set()
        )
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
    cannot read as one), and was read as one, a REGISTRY_JSON source."""
    text = raw.decode("utf-8", errors="replace")
    if markup.is_html(file, text):
        page = markup.read(text)
        doc = _read_text(file, page.text, json=False)
        doc.unread, doc.form = page.unread, HTML
        return doc
    return _read_text(file, text)


def read(file: str, raw: bytes) -> SourceDoc:
    """A source document's text and places (_read_source)."""
    doc = _read_source(file, raw)
    for part in (doc, *doc.parts):  # kept to be read again as written and as spaced (SourceDoc.raw)
        part.raw, part.form = raw, doc.form
    return doc


_JSON_START = re.compile(r"[\ufeff \t\r\n]*[{\[]")  # what JSON of an object or an array starts with


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
    if _page_of_studies(doc) is not None or (isinstance(doc, dict) and isinstance(doc.get("protocolSection"), dict)):
        return _as_read(doc)
    return None


def _page_of_studies(doc: Any) -> list[dict] | None:
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
    studies = _page_of_studies(doc)
    if studies is None:
        return doc
    read = [_as_read(study) for study in studies]
    return {**doc, "studies": read} if isinstance(doc, dict) else read


def _read_text(file: str, text: str, json: bool = True) -> SourceDoc:
    if json and (file.lower().endswith(".json") or _JSON_START.match(text)):
        doc = source_json(file, text)
        if doc is not None:
            # a JSON string may spell any character as an escape ("\uff23"): its text is the decoded one
            study = _ctgov_json(file, doc)
            study.form = JSON
            # NFKC changes no ASCII character, but an escape or a character reference ("&sup2;") may write one
            as_read = text.isascii() and "\\u" not in text and ("&" not in text or _ENTITY.search(text) is None)
            if study.layout != PLAIN and as_read:
                return study  # the text as read is the text as written
            written = "\n".join(json_line(k, v) for k, v in json_lines(doc))
            if study.layout == PLAIN:  # a page of studies (each part placed), or JSON of no known layout
                trial_sections(study, written.split("\n"))
            if as_read:
                return study
            studies = _page_of_studies(doc)
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
    for reader in (_clinconnect, _registry_copy):
        found = reader(file, lines)
        if found is not None:
            found.text = normalise(text)
            return _written(found, text)
    return _written(trial_sections(SourceDoc(file, PLAIN, normalise(text)), raw_lines), text)


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
    criteria = [
        f"{key}{word}{colon}"
        for key in ("", "Key ")
        for name in ("Inclusion", "Exclusion")
        for word in (f"{name} Criteria", f"{name} criteria", f"{name} Criteria".upper(), f"{name} criteria".lower())
        for colon in ("", ":")
    ]
    return (*REGISTRY_COPY_HEADINGS, *CLINCONNECT_HEADINGS, *criteria)


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
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def html_entities(text: str) -> str:
    """text with each HTML character reference decoded once ("&amp;gt;" is "&gt;", as it was written):
    one that names no character ("&nosuch;", "&#0;"), or a character that is not printable ("&#10;"), is
    left as it is."""

    def one(m: re.Match) -> str:
        said = html.unescape(m.group(0))
        # "&#0;" and other code points no text holds decode to U+FFFD, the replacement character: kept as written
        return said if said != m.group(0) and said.isprintable() and "\ufffd" not in said else m.group(0)

    return _ENTITY.sub(one, text)


def json_lines(node: Any, parent: str = "") -> list[tuple[str, str]]:
    """(key, value) of every scalar of a JSON document in document order: the key is the last two
    object keys of its path ("statusModule.overallStatus"); strings decoded (json_string), numbers
    and booleans as JSON writes them, nulls left out. How a JSON source is read, and how imports quote it."""
    out: list[tuple[str, str]] = []

    def walk(item: Any, keys: tuple[str, ...]) -> None:
        if isinstance(item, dict):
            for key, value in item.items():
                walk(value, (*keys[-1:], str(key)))
        elif isinstance(item, list):
            for value in item:
                walk(value, keys)
        elif item is not None:
            out.append((".".join(keys), _scalar_text(item)))

    walk(node, (parent,) if parent else ())
    return out


def json_text(node: Any, parent: str = "") -> str:
    """A JSON value as a source's text reads it (normalised "key: value" lines): an import's quote."""
    return normalise("\n".join(json_line(k, v) for k, v in json_lines(node, parent)))


def json_line(key: str, value: str) -> str:
    return f"{key}: {value}"


# field path -> where the study states it: (path from the study's top, the key its text is read
# under, whether each value is one whole value a field must equal)
_P = "protocolSection"
# an armGroups interventionNames entry is "Type: name"; the type as the registry's web pages spell it
TYPE_PREFIX = re.compile(
    r"^(Behavioral|Biological|Combination Product|Device|Diagnostic Test|Dietary Supplement|Drug|"
    r"Genetic|Procedure|Radiation|Other): ",
    re.I,
)
CTGOV_PLACES: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {
    "nct_id": [((_P, "identificationModule", "nctId"), "identificationModule.nctId", True)],
    "brief_title": [((_P, "identificationModule", "briefTitle"), "identificationModule.briefTitle", True)],
    "official_title": [((_P, "identificationModule", "officialTitle"), "identificationModule.officialTitle", True)],
    "acronym": [((_P, "identificationModule", "acronym"), "identificationModule.acronym", True)],
    "curation.sources.as_of": [((_P, "statusModule", "lastUpdatePostDateStruct"), "lastUpdatePostDateStruct", False)],
    "overall_status": [((_P, "statusModule", "overallStatus"), "statusModule.overallStatus", False)],
    "last_known_status": [((_P, "statusModule", "lastKnownStatus"), "statusModule.lastKnownStatus", False)],
    "why_stopped": [((_P, "statusModule", "whyStopped"), "statusModule.whyStopped", True)],
    "dates.start": [((_P, "statusModule", "startDateStruct"), "startDateStruct", False)],
    "dates.primary_completion": [
        ((_P, "statusModule", "primaryCompletionDateStruct"), "primaryCompletionDateStruct", False)
    ],
    "dates.completion": [((_P, "statusModule", "completionDateStruct"), "completionDateStruct", False)],
    "dates.first_submitted": [
        ((_P, "statusModule", "studyFirstSubmitDate"), "statusModule.studyFirstSubmitDate", False)
    ],
    "dates.first_posted": [((_P, "statusModule", "studyFirstPostDateStruct"), "studyFirstPostDateStruct", False)],
    "dates.last_updated": [((_P, "statusModule", "lastUpdatePostDateStruct"), "lastUpdatePostDateStruct", False)],
    "results_posted": [(("hasResults",), "hasResults", False)],
    "phases": [((_P, "designModule", "phases"), "designModule.phases", False)],
    "study_type": [((_P, "designModule", "studyType"), "designModule.studyType", False)],
    "design.allocation": [((_P, "designModule", "designInfo", "allocation"), "designInfo.allocation", False)],
    "design.intervention_model": [
        ((_P, "designModule", "designInfo", "interventionModel"), "designInfo.interventionModel", False)
    ],
    "design.primary_purpose": [
        ((_P, "designModule", "designInfo", "primaryPurpose"), "designInfo.primaryPurpose", False)
    ],
    "design.masking": [((_P, "designModule", "designInfo", "maskingInfo", "masking"), "maskingInfo.masking", False)],
    "design.observational_model": [
        ((_P, "designModule", "designInfo", "observationalModel"), "designInfo.observationalModel", False)
    ],
    "design.time_perspective": [
        ((_P, "designModule", "designInfo", "timePerspective"), "designInfo.timePerspective", False)
    ],
    "enrollment": [((_P, "designModule", "enrollmentInfo"), "enrollmentInfo", False)],
    "conditions": [((_P, "conditionsModule", "conditions"), "conditionsModule.conditions", True)],
    "keywords": [((_P, "conditionsModule", "keywords"), "conditionsModule.keywords", True)],
    "brief_summary": [((_P, "descriptionModule", "briefSummary"), "descriptionModule.briefSummary", True)],
    "detailed_description": [
        ((_P, "descriptionModule", "detailedDescription"), "descriptionModule.detailedDescription", True)
    ],
    "eligibility.sex": [((_P, "eligibilityModule", "sex"), "eligibilityModule.sex", False)],
    "eligibility.minimum_age": [((_P, "eligibilityModule", "minimumAge"), "eligibilityModule.minimumAge", False)],
    "eligibility.maximum_age": [((_P, "eligibilityModule", "maximumAge"), "eligibilityModule.maximumAge", False)],
    "eligibility.healthy_volunteers": [
        ((_P, "eligibilityModule", "healthyVolunteers"), "eligibilityModule.healthyVolunteers", False)
    ],
    "eligibility": [((_P, "eligibilityModule", "eligibilityCriteria"), "eligibilityModule.eligibilityCriteria", False)],
    "sponsor.name": [((_P, "sponsorCollaboratorsModule", "leadSponsor", "name"), "leadSponsor.name", True)],
    "sponsor.class": [((_P, "sponsorCollaboratorsModule", "leadSponsor", "class"), "leadSponsor.class", False)],
    "responsible_party.type": [
        ((_P, "sponsorCollaboratorsModule", "responsibleParty", "type"), "responsibleParty.type", False)
    ],
    "responsible_party.name": [
        (
            (_P, "sponsorCollaboratorsModule", "responsibleParty", "investigatorFullName"),
            "responsibleParty.investigatorFullName",
            True,
        )
    ],
    "responsible_party.title": [
        (
            (_P, "sponsorCollaboratorsModule", "responsibleParty", "investigatorTitle"),
            "responsibleParty.investigatorTitle",
            True,
        )
    ],
    "responsible_party.affiliation": [
        (
            (_P, "sponsorCollaboratorsModule", "responsibleParty", "investigatorAffiliation"),
            "responsibleParty.investigatorAffiliation",
            True,
        )
    ],
    "identifiers.org_study_id": [((_P, "identificationModule", "orgStudyIdInfo", "id"), "orgStudyIdInfo.id", True)],
}


# Where a study states its product (the cell_product place): its titles, and its arms and
# interventions but a comparator's (_product_items).
PRODUCT_PLACES: tuple[tuple[tuple[str, ...], str], ...] = (
    ((_P, "identificationModule", "briefTitle"), "identificationModule.briefTitle"),
    ((_P, "identificationModule", "officialTitle"), "identificationModule.officialTitle"),
    ((_P, "identificationModule", "acronym"), "identificationModule.acronym"),
)
# The arms whose words are no product's: what the trial compares its product with
COMPARATOR_ARMS = frozenset(("ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION"))


def _product_items(study: dict) -> tuple[list[dict], list[dict]]:
    """The arms and the interventions a study's product may be read from: every arm but a
    comparator's, and every intervention but one given in comparator arms alone (an active
    comparator's "rituximab, an anti-CD20 antibody" bound a CAR-T product's target antigen CD20)."""
    module = _at(study, (_P, "armsInterventionsModule"))
    if not isinstance(module, dict):
        return [], []
    groups, given = module.get("armGroups"), module.get("interventions")
    arms = [a for a in groups if isinstance(a, dict)] if isinstance(groups, list) else []
    interventions = [i for i in given if isinstance(i, dict)] if isinstance(given, list) else []
    compared = {a["label"] for a in arms if _comparator(a) and isinstance(a.get("label"), str)}
    return (
        [a for a in arms if not _comparator(a)],
        [i for i in interventions if not (labels := set(_strings(i.get("armGroupLabels")))) or not labels <= compared],
    )


def _comparator(arm: dict) -> bool:
    """Whether an arm is a comparator by its type: one given as no text (an array, an object, in a
    study no registry wrote) names no type, and stopped every check as unhashable."""
    kind = arm.get("type")
    return isinstance(kind, str) and kind in COMPARATOR_ARMS


def _ctgov_products(titles: list[Passage], arms: list[dict], interventions: list[dict], lines: Lines) -> Products:
    """For a study of several arms that are no comparator's (an arm typed OTHER may be one: "Standard
    of care", giving rituximab): each intervention's name and other names (normalised) -> the
    titles, the arms that give it and the interventions those arms give (SourceDoc.product_place)."""
    labelled = {label for a in arms if isinstance(label := a.get("label"), str)}
    out: dict[str, Callable[[], list[Passage]]] = {}
    for given in interventions:
        if labelled.isdisjoint(_strings(given.get("armGroupLabels"))):
            continue  # no arm of the product's gives it
        make = functools.partial(_ctgov_product, titles, arms, interventions, given, lines)
        for name in [given.get("name"), *_strings(given.get("otherNames"))]:
            if isinstance(name, str):
                out.setdefault(shown(name), make)  # (as product_place looks it up, in either reading)
    return Products(out)


def _ctgov_product(
    titles: list[Passage], arms: list[dict], interventions: list[dict], given: dict, lines: Lines
) -> list[Passage]:
    """The titles, the arms that give the intervention given and the interventions those arms give."""
    labels = set(_strings(given.get("armGroupLabels")))
    mine = [a for a in arms if a.get("label") in labels]
    theirs = {a.get("label") for a in mine}
    return [
        *titles,
        *(Passage(lines.text_of(a, "armGroups")) for a in mine),
        *(
            Passage(lines.text_of(i, "interventions"))
            for i in interventions
            if not theirs.isdisjoint(_strings(i.get("armGroupLabels")))
        ),
    ]


def _at(doc: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        doc = doc.get(part) if isinstance(doc, dict) else None
    return doc


class _Span(NamedTuple):
    """The lines of one object or array of a JSON source (Lines), and the key a scalar directly in it
    is read under ("armGroups.label" in an armGroups item; "conditionsModule.conditions" in that list)."""

    start: int
    end: int
    last: str | None  # the object key it sits under (None at the top): an object's own keys are read after it
    key: str


class Lines:
    """A JSON document read once (json_lines), each line normalised on its own, and the lines each
    object and array holds: a field's passage is then its lines joined, not a second walk and a
    second normalisation of its part of the document. normalise(a + "\n" + b) is normalise(a) + " " +
    normalise(b) for lines not empty after normalising: NFKC composes nothing across a line break, the
    escapes are two characters within a line, and white space runs are collapsed alike. A line can
    read as nothing though it holds a colon (normalise reads a line with a bidirectional control, "\u202a:
    false", as none): _joined leaves it out, as normalise does (tests/test_layouts.py holds the two to
    each other)."""

    def __init__(self, doc: Any) -> None:
        self.spans: dict[int, _Span] = {}  # id of an object or array of doc -> its lines
        self.doc = doc  # holds doc alive while the ids of its objects are keys
        self._keys: list[str] = []  # each line's key and its value as read (_scalar_text), in document order
        self._texts: list[str] = []
        if isinstance(doc, (dict, list)):
            self._walk(doc, None, "")
        elif doc is not None:
            self._scalar(doc, "")
        self.lines: list[str] = _lines(self._keys, self._texts)  # normalised "key: value" lines, in document order

    def _walk(self, item: Any, last: str | None, key: str) -> None:
        """item: an object or an array; last: the object key it sits under (None at the top, which
        is not the key ""); key: what a scalar directly in it is read under. A scalar's line is
        normalised after the walk (_lines), all of the document's together."""
        keys, texts = self._keys, self._texts
        start = len(texts)
        is_object = isinstance(item, dict)
        value_last, value_key = last, key  # an array's items: read as the array is
        for name, value in item.items() if is_object else zip(repeat(""), item):
            if is_object:  # an object's value: read under the key it sits under and its own
                value_last = str(name)
                value_key = value_last if last is None else f"{last}.{value_last}"
            if isinstance(value, (dict, list)):
                self._walk(value, value_last, value_key)
            elif value is not None:
                # a printable string with no "&" is its own text (json_string), as most are: no call for it
                text = value if type(value) is str and value.isprintable() and "&" not in value else _scalar_text(value)
                keys.append(value_key)
                texts.append(text)
        # tuple.__new__: the same _Span without its __new__, a Python function, called for each object
        self.spans[id(item)] = tuple.__new__(_Span, (start, len(texts), last, key))

    def _scalar(self, value: Any, key: str) -> None:
        text = _scalar_text(value)
        self._keys.append(key)
        self._texts.append(text)

    @property
    def text(self) -> str:
        return _joined(self.lines)

    def text_of(self, value: Any, key: str) -> str:
        """json_text(value, key) for a part of the document: its lines where it reads them under the
        same keys, else read again."""
        span = self.spans.get(id(value))
        if span is not None and _same_keys(value, key, span):
            return _joined(self.lines[span.start : span.end])
        return json_text(value, key)


def _joined(lines: list[str]) -> str:
    """Lines as normalise() reads them joined: one space between, none for a line it reads as nothing
    (a key that is a bidirectional control alone, "\u202a": its line is a passage shown in another order)."""
    return " ".join(line for line in lines if line)


def _same_keys(value: Any, key: str, span: _Span) -> bool:
    """Whether json_lines(value, key) gives the lines the whole document's walk gave value: an
    object's own keys are read after the key it sits under (span.last), an array's scalars under
    span.key; an array holding objects or arrays is read again."""
    if isinstance(value, dict):  # json_lines(value, "") reads its keys as the top's are
        return (key or None) == span.last
    return key == span.key and not any(isinstance(item, (dict, list)) for item in value)


def _scalar_text(item: Any) -> str:
    """A JSON scalar as a source line states it: a string decoded (json_string), a number or a
    boolean as JSON writes it."""
    if isinstance(item, str):
        return json_string(item)
    if isinstance(item, bool):
        return "true" if item else "false"
    return json.dumps(item)


def _passages(value: Any, key: str, whole: bool, lines: Lines | None = None) -> list[Passage]:
    """A value's passages: the value read under its key (a list's items together too), and for a
    whole value each item alone, which a field must equal. lines: the document's, when value is a
    part of it (its passage is then taken from them, not read again)."""
    if value is None:
        return []
    if isinstance(value, (dict, list)):
        out = [Passage(json_text(value, key) if lines is None else lines.text_of(value, key))]
        items = value if isinstance(value, list) else []
    elif isinstance(value, bool):
        return [Passage(line_text(key, _scalar_text(value)))]
    else:  # one scalar: read under its key, it is its own item
        out, items = [], [value]
    for item in items:
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            raw = _scalar_text(item)
            text = normalise(raw)
            line = line_text(key, raw, normalised=text)
            if not out:
                out.append(Passage(line))
            out.append(Passage(line, whole, text))
    return out


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_.]*")


def _lines(keys: list[str], texts: list[str]) -> list[str]:
    """[line_text(key, text) for each key and text], in one loop: a JSON source has hundreds of lines,
    most of them ASCII with no escape and no control character, whose normalise() is their words
    joined by one space (what normalise does to such a text, without a call for each line)."""
    plain: dict[str, bool] = {}
    out: list[str] = []
    for key, text in zip(keys, texts):
        is_plain = plain.get(key)
        if is_plain is None:
            is_plain = plain[key] = _PLAIN_KEY.fullmatch(key) is not None
        if not is_plain:
            out.append(normalise(json_line(key, text)))
            continue
        if text.isascii() and "\\" not in text and (text.isprintable() or DROPPED.search(text) is None):
            value = " ".join(text.split())
        else:
            value = normalise(text)
        out.append(f"{key}: {value}" if value else f"{key}:")
    return out


def line_text(key: str, value: str, *, normalised: str | None = None) -> str:
    """normalise(json_line(key, value)); with a plain key (letters, digits, "_" and "."), from value
    normalised (normalised: normalise(value), where the caller has it): NFKC, the escapes and the
    white space of "key: value" are those of value alone after a plain key and ": ". Another key's
    line is normalised whole, from value as written: normalise is no fold to read twice (an escaped
    backslash, "\\\\<", reads "\\<", which read again is "<")."""
    if not _PLAIN_KEY.fullmatch(key):
        return normalise(json_line(key, value))
    value = normalise(value) if normalised is None else normalised
    return f"{key}: {value}" if value else f"{key}:"


# record list -> (its module and key in protocolSection, record field -> JSON key): a list item's
# fields are read from one item of the JSON list (rows), and an item is quoted as its lines together
CTGOV_LISTS: dict[str, tuple[str, str, dict[str, str]]] = {
    "arms": ("armsInterventionsModule", "armGroups", {"label": "label", "type": "type", "description": "description"}),
    "interventions": (
        "armsInterventionsModule",
        "interventions",
        {"name": "name", "type": "type", "description": "description"},
    ),
    "officials": (
        "contactsLocationsModule",
        "overallOfficials",
        {"name": "name", "role": "role", "affiliation": "affiliation"},
    ),
    "locations": (
        "contactsLocationsModule",
        "locations",
        {"facility": "facility", "city": "city", "region": "state", "country": "country"},
    ),
    "identifiers.secondary_ids": (
        "identificationModule",
        "secondaryIdInfos",
        {"id": "id", "type": "type", "domain": "domain"},
    ),
    "references": ("referencesModule", "references", {"pmid": "pmid", "type": "type", "citation": "citation"}),
    "outcomes.primary": (
        "outcomesModule",
        "primaryOutcomes",
        {"measure": "measure", "time_frame": "timeFrame", "description": "description"},
    ),
    "outcomes.secondary": (
        "outcomesModule",
        "secondaryOutcomes",
        {"measure": "measure", "time_frame": "timeFrame", "description": "description"},
    ),
}


def _strings(value: Any) -> list[str]:
    """The strings of a JSON array: none when the value is no array (a number or a string there, in
    a study no registry wrote, stopped every check with an internal error, or read a name's letters as
    names)."""
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _ctgov_rows(study: dict, lines: Lines) -> tuple[dict[str, list[Passage]], dict[str, list[dict[str, Any]]]]:
    places: dict[str, list[Passage]] = {}
    # text fields, and two lists: an arm's intervention_names, an intervention's other_names
    rows: dict[str, list[dict[str, Any]]] = {}
    section = study.get(_P) or {}
    for name, (module, key, columns) in CTGOV_LISTS.items():
        items = (section.get(module) or {}).get(key) if isinstance(section.get(module), dict) else None
        if not isinstance(items, list):
            continue
        items = [item for item in items if isinstance(item, dict)]
        places[name] = [Passage(lines.text_of(item, key)) for item in items]
        rows[name] = [
            {column: normalise(json_string(item[k])) for column, k in columns.items() if isinstance(item.get(k), str)}
            for item in items
        ]
        if name == "arms":  # an arm's interventions, named as the Interventions list names them ("Drug: X" is X)
            for row, item in zip(rows[name], items):
                row["intervention_names"] = [
                    normalise(TYPE_PREFIX.sub("", json_string(n))) for n in _strings(item.get("interventionNames"))
                ]
        if name == "interventions":  # an intervention's other names are its own, not the next row's
            for row, item in zip(rows[name], items):
                row["other_names"] = [normalise(json_string(n)) for n in _strings(item.get("otherNames"))]
        for column, k in columns.items():
            if column not in ("type", "role"):  # a vocabulary value is quoted with its item, which names it
                places[f"{name}.{column}"] = [  # a row's text, as its row reads it: one string
                    p
                    for item in items
                    if isinstance(item.get(k), str)
                    for p in _passages(item.get(k), f"{key}.{k}", True, lines)
                ]
    # an arm's intervention is named "Drug: X" there and X in the record (its row binds it to its arm):
    # each entry is one value, X or "Drug: X" whole, not words of prose (which a name the study also
    # gives whole as another field, a keyword, could not be)
    for name, key, column in (
        ("arms.intervention_names", "armGroups", "interventionNames"),
        ("interventions.other_names", "interventions", "otherNames"),
    ):
        module, list_key, _ = CTGOV_LISTS[name.split(".")[0]]
        items = _at(study, (_P, module, list_key))
        places[name] = (
            [
                p
                for item in items
                if isinstance(item, dict)
                for p in _passages(item.get(column), f"{key}.{column}", True, lines)
            ]
            if isinstance(items, list)
            else []
        )
    places["arms.intervention_names"] += [
        Passage(p.text, True, bare)
        for p in places["arms.intervention_names"]
        if p.whole and (bare := TYPE_PREFIX.sub("", p.value)) != p.value
    ]
    return places, rows


_NCT_PATH = (_P, "identificationModule", "nctId")
_CRITERIA_PATH = (_P, "eligibilityModule", "eligibilityCriteria")
# The places whose value the API gives as a list of values, or as an object of values; every other
# place holds one value (a string, a number, a boolean)
_LIST_PLACES = frozenset(("phases", "conditions", "keywords"))
_OBJECT_PLACES = frozenset(("enrollmentInfo",))


def _shaped(value: Any, where: tuple[str, ...]) -> Any:
    """The value at a study's place where it has the shape the API gives that place, else None: a
    study no registry wrote may give one value as a list of several ("nctId": [NCT1, NCT2], a status
    as two), each of which a record could then take for the field, or an object of values nested
    deeper. A list or an object holds one value a member; one value may stand for either (a date
    struct given as its bare date, as a converted file writes it)."""
    if isinstance(value, (str, int, float)):  # (a bool is an int)
        return value
    name = where[-1]
    shape = list if name in _LIST_PLACES else dict if name in _OBJECT_PLACES or name.endswith("Struct") else None
    if shape is None or not isinstance(value, shape):
        return None
    members = value.values() if isinstance(value, dict) else value
    return value if all(isinstance(m, (str, int, float)) for m in members) else None


def study_id(doc: Any) -> str | None:
    """A study's own NCT id, at protocolSection.identificationModule.nctId, when it is one (as the
    importer requires): the trial the study is about. The id was taken from every key of the document
    read as identificationModule.nctId, and a study naming two was about no one trial: given as
    [NCT1, NCT2], one trial's study was the other's too, every value of it a record of NCT2 could cite."""
    nct = _at(doc, _NCT_PATH)
    return nct if isinstance(nct, str) and _STUDY_ID.fullmatch(nct) else None


_STUDY_ID = re.compile(r"NCT[0-9]{8}")


def _ctgov_json(file: str, doc: Any) -> SourceDoc:
    lines = Lines(doc)
    text = lines.text
    studies = _page_of_studies(doc)
    if studies is not None:
        return SourceDoc(file, PLAIN, text, parts=[_ctgov_json(file, study) for study in studies])
    subject = study_id(doc)
    if not (isinstance(doc, dict) and isinstance(doc.get("protocolSection"), dict)) or subject is None:
        return SourceDoc(file, PLAIN, text)  # no study: a study is about the trial its own id names
    places: dict[str, list[Passage]] = {}
    for name, spots in CTGOV_PLACES.items():
        places[name] = [
            p for where, key, whole in spots for p in _passages(_shaped(_at(doc, where), where), key, whole, lines)
        ]
    for name in ("eligibility.inclusion_criteria", "eligibility.exclusion_criteria", "eligibility.thresholds"):
        places[name] = places["eligibility"]
    product = _product_places(doc, lines)
    places.update(product.places)
    item_places, rows = _ctgov_rows(doc, lines)
    places.update(item_places)
    doc_out = SourceDoc(file, "ctgov_json", text, places, subject=subject, rows=rows)
    doc_out.products = product.by_name
    # the study's own criteria: the first text read under eligibilityModule.eligibilityCriteria was
    # any key's of that name, one an object before protocolSection held too
    criteria = _at(doc, _CRITERIA_PATH)
    if isinstance(criteria, str) and criteria:
        inclusion, exclusion, _ = split_criteria(_scalar_text(criteria))
        doc_out.criteria = {"inclusion_criteria": _flat(inclusion), "exclusion_criteria": _flat(exclusion)}
    return doc_out


class _ProductPlaces(NamedTuple):
    """Where a study states its product: the places of cell_product and cell_product.name, and, for a
    study of several such arms, where it states each named product (SourceDoc.products)."""

    places: dict[str, list[Passage]]
    by_name: Products


def _product_places(doc: dict, lines: Lines) -> _ProductPlaces:
    """Where a study states its product: cell_product and cell_product.name (_product_items); and,
    for a study of several such arms, where it states each named product (_ctgov_products)."""
    # A curator reads the product from the titles, the arms and the interventions (as a registry
    # copy's title line, groups and interventions), and from nowhere else in the study: its criteria,
    # references and descriptions name other products too ("Prior allogeneic stem cell
    # transplantation", a background paper on BCMA CAR-T cells), which bound an autologous anti-CD19
    # trial's cell_product.origin ALLOGENEIC and its target antigen BCMA when the whole study was its place
    arms, interventions = _product_items(doc)
    titles = [p for where, key in PRODUCT_PLACES for p in _passages(_shaped(_at(doc, where), where), key, False, lines)]
    product = [
        *titles,
        *(Passage(lines.text_of(arm, "armGroups")) for arm in arms),
        *(Passage(lines.text_of(given, "interventions")) for given in interventions),
    ]
    # the product's name is such an intervention's, whole (its name or one of its other names)
    names = [
        p
        for given in interventions
        for p in _passages(given.get("name"), "interventions.name", True, lines)
        + _passages(given.get("otherNames"), "interventions.otherNames", True, lines)
        if p.whole
    ]
    products = _ctgov_products(titles, arms, interventions, lines) if len(arms) > 1 else Products({})
    return _ProductPlaces({"cell_product": product, "cell_product.name": names}, products)


def _flat(items: list[dict], group: str | None = None, depth: int = 0) -> list[Item]:
    out = []
    for item in items:
        within = normalise(item["group"]) if "group" in item else group
        out.append(Item(item.get("number"), normalise(item["text"]), within, depth))
        out.extend(_flat(item.get("sub_criteria", []), within, depth + 1))
    return out


# --- pages: shared reading ------------------------------------------------------------------------

_NCT_LINE = re.compile(r"^NCT[0-9]{8}$")
_BULLET = re.compile(r"^(?:[*•·+-]\s+)?(?:(?P<num>[0-9]{1,3})[.)]\s+)?(?P<text>\S.*)$")
_IS_ITEM = re.compile(r"^(?:[*•·+-]\s+|[0-9]{1,3}[.)]\s+)")


def items(lines: list[str]) -> list[Item]:
    """The criteria of a page's list: each line with a bullet or a number starts an item; any other
    line continues the item above. A page's list shows no depth (its bullets stand alike), except
    where its numbers do: an item whose number goes on from the list's own numbering (2, 3, 4, 5,
    after a run of 1, 2, 3 that started again under 4) is an item of the list itself (depth 0); any
    other item may stand under another (depth None: the curator reads how deep)."""
    out: list[tuple[int | None, list[str]]] = []
    for line in lines:
        if not line:
            continue
        m = _BULLET.match(line)
        if _IS_ITEM.match(line) and m:
            out.append((int(m.group("num")) if m.group("num") else None, [m.group("text")]))
        elif out:
            out[-1][1].append(line)
    return [Item(number, normalise(" ".join(parts)), depth=depth) for (number, parts), depth in zip(out, _depths(out))]


def _depths(out: list[tuple[int | None, list[str]]]) -> Iterator[int | None]:
    """0 for each item its number shows to be an item of the list itself, None for any other."""
    top = 0  # the list's own last number
    run: int | None = None  # the last number of a numbering that started again, under an item
    for number, _ in out:
        if number is None:
            yield None
        elif number > top and (run is None or (number != run + 1 and number == top + 1)):
            top, run = number, None
            yield 0
        else:  # a numbering started again (or one that may go on either)
            run = number if number <= top or run is not None else run
            yield None


def _sections(lines: list[str], is_heading: Callable[[str], str | None]) -> Iterator[tuple[str, int, list[str]]]:
    """(heading, its line number, the non-empty lines below it) of each section."""
    heading, at, body = "", -1, list[str]()
    for number, line in enumerate(lines):
        name = is_heading(line)
        if name is not None:
            yield heading, at, body
            heading, at, body = name, number, []
        elif line:
            body.append(line)
    yield heading, at, body


def _whole(lines: list[str]) -> list[Passage]:
    return [Passage(normalise(line), True) for line in lines]


def _within(lines: list[str]) -> list[Passage]:
    return [Passage(normalise(" ".join(lines)))] if lines else []


def _one(lines: list[str]) -> list[Passage]:
    """A section that is one value (a summary, a description)."""
    return [Passage(normalise(" ".join(lines)), True)] if lines else []


def _related(lines: list[str]) -> list[dict[str, str]]:
    """Related trials as rows: an id with the title on the line above it (how both page layouts list them)."""
    return [
        {"nct_id": line, "title": normalise(before)}
        for before, line in zip(["", *lines], lines)
        if _NCT_LINE.match(line) and before and not _NCT_LINE.match(before)
    ]


def _address(line: str) -> dict[str, str]:
    """City, region and country of a "City, Region, Country" line (the first part, the middle ones, the last)."""
    parts = [normalise(p) for p in line.split(",") if p.strip()]
    if len(parts) < 2:
        return {}
    row = {"city": parts[0], "country": parts[-1]}
    if len(parts) > 2:
        row["region"] = ", ".join(parts[1:-1])
    return row


# The subject of a page of a layout whose id lines name no one trial plainly: no trial a record may
# claim (it is about another trial to every record; a subject of None is a plain document's, whose
# passages are any trial's it names).
UNNAMED = "no one trial its id line names"
_OWN_ID = re.compile(r"(?P<label>.*?)\s*(?P<id>NCT[0-9]{8})")


def _id_lines(lines: list[str], label: str) -> list[str]:
    """The lines that show a reader the page's id line: label ("NCT ID:", "Search / Trial") first,
    its look-alikes folded (reading/lookalike.py), as a heading is read."""
    shown = _unspaced(label)
    return [line for line in lines if _unspaced(line[: len(label) * 4]).startswith(shown)]


def _unspaced(text: str) -> str:
    """text's skeleton without its spaces: "NCT  ID :" is "NCT ID:" to a reader too."""
    return "".join(lookalike.skeleton(text).split())


def _subject(lines: list[str], label: str) -> str:
    """The trial a page's id lines (_id_lines) name: its one id, each line label and an id written
    plainly (NCT and 8 ASCII digits), else UNNAMED. A page whose id line was read by its stored
    characters ("NСT ID:" with a Cyrillic С, an id with one) had no subject, and a page of no subject
    was about every trial: IM19's copy so written vouched for another trial's draft holding IM19's values."""
    found = set()
    for line in lines:
        m = _OWN_ID.fullmatch(line)
        if m is None or _unspaced(m["label"]) != _unspaced(label):
            return UNNAMED
        found.add(m["id"])
    return found.pop() if len(found) == 1 else UNNAMED


def _address_parts(lines: list[str]) -> dict[str, list[Passage]]:
    """City, region and country of "City, Region, Country" lines (the first part, the middle ones, the last)."""
    city, region, country = [], [], []
    for line in lines:
        parts = [p.strip() for p in line.split(",") if p.strip()]
        if len(parts) >= 2:
            city.append(parts[0])
            region.extend(parts[1:-1])
            country.append(parts[-1])
    return {"locations.city": _whole(city), "locations.region": _whole(region), "locations.country": _whole(country)}


def _criteria_blocks(
    body: list[str], inclusion: re.Pattern[str], exclusion: re.Pattern[str]
) -> tuple[list[str], list[str], list[str]]:
    """(inclusion lines, exclusion lines, the lines after the exclusion list) of an eligibility section."""
    inc: list[str] = []
    exc: list[str] = []
    tail: list[str] = []
    current: list[str] | None = None
    for line in body:
        bare = _IS_ITEM.sub("", line).strip()
        if inclusion.match(bare):
            current = inc
            continue
        if exclusion.match(bare):
            current = exc
            continue
        if current is exc and not _IS_ITEM.match(line) and exc:
            tail.append(line)  # a registry copy's age, sex and volunteer lines follow the exclusion list
            current = tail
            continue
        if current is not None:
            current.append(line)
    return inc, exc, tail


def _criteria_places(inc: list[str], exc: list[str]) -> tuple[dict[str, list[Passage]], dict[str, list[Item]]]:
    places = {"eligibility.inclusion_criteria": _within(inc), "eligibility.exclusion_criteria": _within(exc)}
    return places, {"inclusion_criteria": items(inc), "exclusion_criteria": items(exc)}


# --- a third-party copy of a registry record ------------------------------------------------------

REGISTRY_COPY_HEADINGS = (
    "Study Results",
    "Basic Information",
    "Brief Summary",
    "Related Clinical Trials",
    "Detailed Description",
    "Conditions",
    "Study Design",
    "Study Groups",
    "Interventions",
    "Other Intervention Names",
    "Eligibility Criteria",
    "Sponsors",
    "Responsible Party",
    "Locations",
    "Countries",
    "Central Contacts",
    "Facility Contacts",
    "Other Identifiers",
    "More Related Trials",
)
# The site's own one-line blurb under a heading ("Get a concise snapshot of the trial, ..."): not the trial's words.
_BLURB = re.compile(
    r"^(?:Get|Review|Explore|Dive|See|Understand|Learn|Discover|Check|Meet|Identify|Reach|Find|"
    r"Additional) .*[.]$"
)
_NCT_LABEL = "NCT ID:"  # the line a registry copy names its trial on
_INCLUSION = re.compile(r"(?i)^(?:key\s+)?inclusion criteria:?$")
_EXCLUSION = re.compile(r"(?i)^(?:key\s+)?exclusion criteria:?$")


class _CopySections(NamedTuple):
    """A registry copy's lines by its headings (REGISTRY_COPY_HEADINGS), each heading's blurb dropped."""

    top: list[str]  # the lines above the first heading: the title, "NCT ID: …", "Last Updated …"
    sections: dict[str, list[str]]

    def get(self, name: str) -> list[str]:
        return self.sections.get(name, [])

    @property
    def id_lines(self) -> list[str]:
        return _id_lines(self.top, _NCT_LABEL)

    @property
    def related(self) -> list[str]:
        return self.get("Related Clinical Trials") + self.get("More Related Trials")


def _copy_sections(lines: list[str]) -> _CopySections | None:
    """The copy's sections; None for a text with too few of its headings, or no Eligibility Criteria."""
    headings = set(REGISTRY_COPY_HEADINGS)
    if sum(1 for line in lines if line in headings) < 6 or "Eligibility Criteria" not in lines:
        return None
    sections: dict[str, list[str]] = {}
    top: list[str] = []
    for name, _, body in _sections(lines, lambda line: line if line in headings else None):
        if name and body and _BLURB.match(body[0]) and name != "Study Results":
            body = body[1:]
        if name:
            sections.setdefault(name, []).extend(body)
        else:
            top = body
    return _CopySections(top, sections)


class _CopyGroups(NamedTuple):
    """A registry copy's Study Groups and Interventions: the arms and what each gives."""

    groups: list[str]  # the Study Groups section
    interventions: list[str]  # the Interventions section: each name with its description below it
    arms: list[dict[str, Any]]
    given: list[str]  # the intervention names every arm gives
    blocks: list[list[str]]  # each arm's lines

    @property
    def names(self) -> list[str]:
        return self.interventions[0::2]

    @property
    def described(self) -> dict[str, str]:
        return dict(zip(self.names, self.interventions[1::2]))


def _copy_groups(copy: _CopySections) -> _CopyGroups:
    groups, interventions = copy.get("Study Groups"), copy.get("Interventions")
    return _CopyGroups(groups, interventions, *_arms(groups, set(interventions[0::2])))


def _registry_copy(file: str, lines: list[str]) -> SourceDoc | None:
    copy = _copy_sections(lines)
    if copy is None:
        return None
    arms = _copy_groups(copy)
    places = _copy_study_places(copy)
    places.update(_copy_arm_places(copy, arms))
    eligibility = copy.get("Eligibility Criteria")
    inc, exc, tail = _criteria_blocks(eligibility, _INCLUSION, _EXCLUSION)
    criteria_places, criteria = _criteria_places(inc, exc)
    places.update(criteria_places)
    places["eligibility"] = _within(eligibility)
    for name in (
        "eligibility.sex",
        "eligibility.minimum_age",
        "eligibility.maximum_age",
        "eligibility.healthy_volunteers",
    ):
        places[name] = _within(tail)
    places.update(_copy_party_places(copy))
    subject = _subject(copy.id_lines, _NCT_LABEL)
    doc = SourceDoc(file, "registry_copy", "", places, criteria, subject, _copy_rows(copy, arms))
    doc.products = _copy_products(copy, arms) if len(arms.arms) > 1 else Products({})
    return doc


def _copy_study_places(copy: _CopySections) -> dict[str, list[Passage]]:
    """Where a registry copy states the study itself: its title, id and dates above the first heading,
    its status, phases and dates under Basic Information, its summaries, conditions, related trials
    and design."""
    get = copy.get
    places: dict[str, list[Passage]] = {}
    updated = [line for line in copy.top if line.startswith("Last Updated")]
    basic = get("Basic Information")
    places["brief_title"] = _whole(copy.top[:1])
    places["nct_id"] = _within(copy.id_lines)
    places["curation.sources.as_of"] = places["curation.sources.as_of_label"] = _within(updated)
    places["curation.sources.publisher"] = []  # the copy does not say whose site it is
    places["dates.last_updated"] = _within(updated)
    places["dates"] = _within(updated + basic)
    for name in (
        "overall_status",
        "phases",
        "study_type",
        "enrollment",
        "dates.start",
        "dates.primary_completion",
        "dates.completion",
    ):
        places[name] = _within(basic)
    places["results_posted"] = _within(get("Study Results"))
    places["brief_summary"] = _one(get("Brief Summary"))
    places["detailed_description"] = _one(get("Detailed Description"))
    places["conditions"] = _whole(get("Conditions"))
    places["related_trials"] = _within(copy.related)
    places["related_trials.title"] = _whole([line for line in copy.related if not _NCT_LINE.match(line)])
    places["design"] = _within(get("Study Design"))
    return places


def _copy_arm_places(copy: _CopySections, arms: _CopyGroups) -> dict[str, list[Passage]]:
    """Where a registry copy states its arms, interventions and cell product."""
    groups, interventions, names = arms.groups, arms.interventions, arms.names
    places: dict[str, list[Passage]] = {}
    places["arms"] = _within(groups)
    places["arms.label"] = _whole([a["label"] for a in arms.arms])
    places["arms.description"] = _whole([a["description"] for a in arms.arms if "description" in a])
    places["arms.intervention_names"] = _whole(arms.given)
    places["interventions"] = _within(interventions + groups)
    places["interventions.name"] = places["cell_product.name"] = _whole(names)  # but with several arms (below)
    if len(arms.arms) > 1:  # the product's place: see _copy_products
        places["cell_product"] = _within(copy.top[:1])
        # and its name is one of a CAR product, by its name or description, where any is ("Rituximab",
        # a comparator arm's, named as the product, made that arm the product's)
        cars = [n for n in names if CAR_WORDS.search(n) or CAR_WORDS.search(arms.described.get(n, ""))]
        places["cell_product.name"] = _whole(cars or names)
    elif arms.arms and arms.arms[0]["intervention_names"]:
        places["cell_product"] = _product_lines(copy.top[:1], arms.blocks, arms.arms, [0], arms.described)
    else:
        places["cell_product"] = _within([*copy.top[:1], *groups, *interventions])
    places["interventions.description"] = _whole(interventions[1::2])
    places["interventions.other_names"] = _whole(copy.get("Other Intervention Names"))
    return places


def _copy_products(copy: _CopySections, arms: _CopyGroups) -> Products:
    """The product's place by the intervention a record names as its product, for a copy of several
    arms. Its groups give no arm type, so one may be a comparator ("Standard therapy group",
    "Rituximab, an anti-CD20 antibody, ...", which bound an anti-CD19 CAR-T product's target antigen
    CD20): the product is read from the title and the arms that give the intervention a record names
    as its product, with the interventions they give; a record naming none reads it from the title
    alone (_copy_arm_places). With one arm, that arm and what it gives."""
    makers: dict[str, Callable[[], list[Passage]]] = {}
    for name in arms.names:
        makers.setdefault(
            shown(name),  # (as product_place looks it up, in either reading)
            functools.partial(_named_product, copy.top[:1], arms.blocks, arms.arms, name, arms.described),
        )
    return Products(makers)


def _copy_party_places(copy: _CopySections) -> dict[str, list[Passage]]:
    """Where a registry copy states who runs the trial and where: its sponsor, responsible party,
    locations and other identifiers."""
    places: dict[str, list[Passage]] = {}
    # each sponsor's name with its class on the line below it ("OTHER"): a class is no sponsor's name,
    # and the lead sponsor, the record's, is the first listed (a collaborator listed after it lent the
    # lead its class, INDUSTRY for a hospital, or its own name as the lead's)
    sponsors = copy.get("Sponsors")
    starts = [i for i, line in enumerate(sponsors) if line not in AGENCY_CLASSES]
    lead = sponsors[starts[0] : starts[1] if len(starts) > 1 else None] if starts else []
    places["sponsor"] = _within(["Sponsors", *lead])
    places["sponsor.name"] = _whole(lead[:1])
    # the registry describes no sponsor: its name, its class and the heading are no description of it
    places["sponsor.about"] = []
    party = copy.get("Responsible Party")  # the investigator's name, title and affiliation, a line each
    places["responsible_party"] = _within(party)
    for i, name in enumerate(("responsible_party.name", "responsible_party.title", "responsible_party.affiliation")):
        places[name] = _whole(party[i : i + 1])
    locations = copy.get("Locations")
    places["locations"] = _within(locations)
    places["locations.facility"] = _whole(locations[0::2])
    places.update(_address_parts(locations[1::2]))
    places["locations.country"] = places["locations.country"] + _whole(copy.get("Countries"))
    identifiers = copy.get("Other Identifiers")
    places["identifiers"] = _within(identifiers)
    places.update(_identifier_places(identifiers))
    return places


def _copy_rows(copy: _CopySections, arms: _CopyGroups) -> dict[str, list[dict[str, Any]]]:
    """The lists a registry copy states as rows: related trials, locations, arms and interventions."""
    locations = copy.get("Locations")
    return {
        "related_trials": _related(copy.related),
        "locations": [{"facility": normalise(f), **_address(a)} for f, a in zip(locations[0::2], locations[1::2])],
        "arms": [
            {k: [normalise(n) for n in v] if isinstance(v, list) else normalise(v) for k, v in arm.items()}
            for arm in arms.arms
        ],
        "interventions": [
            {"name": normalise(n), "description": normalise(d)} for n, d in zip(arms.names, arms.interventions[1::2])
        ],
    }


# Words that name a chimeric antigen receptor product ("CAR-T cells", "CD19-CART", "CAR NK", "chimeric
# antigen receptors"), whole: "care" or "Cardiac" is none. Also where a plain document's sentence names
# the product (prose.naming_the_product)
CAR_WORDS = re.compile(r"(?i)(?<![a-z])(?:CAR(?:[- ]?(?:T|NK))?|CART|chimeric antigen receptors?)(?![a-z])")


def _named_product(
    title: list[str], blocks: list[list[str]], arms: list[dict[str, Any]], name: str, described: dict[str, str]
) -> list[Passage]:
    """_product_lines of the arms that give the intervention of this name."""
    mine = [i for i, arm in enumerate(arms) if name in arm["intervention_names"]]
    return _product_lines(title, blocks, arms, mine, described)


def _product_lines(
    title: list[str], blocks: list[list[str]], arms: list[dict[str, Any]], mine: list[int], described: dict[str, str]
) -> list[Passage]:
    """The title, the lines of the arms numbered mine, and the name and description of each
    intervention those arms give, as one passage."""
    given = [n for i in mine for n in arms[i]["intervention_names"]]
    return _within(
        [*title, *(line for i in mine for line in blocks[i]), *(x for n in given for x in (n, described.get(n, "")))]
    )


# A sponsor's class as a registry copy writes it, on the line below the sponsor's name (the schema's
# sponsor.class vocabulary, which tests/test_attacks_section_lines.py holds this to)
AGENCY_CLASSES = frozenset(("NIH", "FED", "OTHER_GOV", "INDIV", "INDUSTRY", "NETWORK", "AMBIG", "OTHER", "UNKNOWN"))
_IDENTIFIER_LABEL = re.compile(r"^Identifier (?P<label>Type|Source|Domain): ?(?P<value>.*)$")


def _identifier_places(lines: list[str]) -> dict[str, list[Passage]]:
    """A registry copy's Other Identifiers: each identifier on a line of its own, its labels on the
    lines below it ("Identifier Type: -", "Identifier Source: org_study_id"). The organisation's own
    id is the one its source label calls org_study_id, the others are secondary ids; a label line is
    no identifier ("Identifier Source: org_study_id" passed as the study's id). Where no identifier
    has a source label, any of them may be the organisation's id."""
    found: list[tuple[str, list[str], dict[str, str]]] = []  # each identifier, its lines, its labels
    for line in lines:
        label = _IDENTIFIER_LABEL.match(line)
        if label is None:
            found.append((line, [line], {}))
        elif found:
            found[-1][1].append(line)
            found[-1][2][label.group("label")] = label.group("value").strip()
    if not any("Source" in labels for _, _, labels in found):
        return {"identifiers.org_study_id": _whole([ident for ident, _, _ in found])}
    own = [ident for ident, _, labels in found if labels.get("Source") == "org_study_id"]
    others = [item for item in found if item[2].get("Source") != "org_study_id"]
    return {
        "identifiers.org_study_id": _whole(own),
        "identifiers.secondary_ids": [p for _, block, _ in others for p in _within(block)],
        "identifiers.secondary_ids.id": _whole([ident for ident, _, _ in others]),
    }


def _arms(lines: list[str], interventions: set[str]) -> tuple[list[dict[str, Any]], list[str], list[list[str]]]:
    """A registry copy's Study Groups: each arm's label and description, then the name and
    description of each intervention it gives (a name the Interventions section lists); the
    names every arm gives (each arm's under "intervention_names" of its row); and each arm's lines."""
    arms: list[dict[str, Any]] = []
    blocks: list[list[str]] = []
    every: list[str] = []
    given: list[str] = []
    skip = False
    for line in lines:
        if skip:
            skip = False
            if blocks:
                blocks[-1].append(line)
        elif line in interventions:
            given.append(line)
            every.append(line)
            skip = True  # its description follows
            if blocks:
                blocks[-1].append(line)
        elif arms and "description" not in arms[-1] and not given:
            arms[-1]["description"] = line
            blocks[-1].append(line)
        else:
            given = []
            arms.append({"label": line, "intervention_names": given})
            blocks.append([line])
    return arms, every, blocks


# --- a ClinConnect trial page ---------------------------------------------------------------------

CLINCONNECT_HEADINGS = (
    "Trial Information",
    "Keywords",
    "ClinConnect Summary",
    "Gender",
    "Eligibility criteria",
    "Locations",
    "Patients applied",
    "Trial Officials",
    "Timeline",
    "Similar Trials",
)
# An official's role as the page writes it, and the value it is (a row's role, which an item holds: a
# role left out of one official of several passed, the others holding the field)
OFFICIAL_ROLES = {
    "Principal Investigator": "PRINCIPAL_INVESTIGATOR",
    "Study Chair": "STUDY_CHAIR",
    "Study Director": "STUDY_DIRECTOR",
    "Sub-Investigator": "SUB_INVESTIGATOR",
    "Sub Investigator": "SUB_INVESTIGATOR",
}
_SEARCH = "Search / Trial"  # the line a ClinConnect page names its trial on
_LAUNCHED = re.compile(r"^Launched by (?P<sponsor>.+?) · (?P<date>.+)$")


def _clinconnect(file: str, lines: list[str]) -> SourceDoc | None:
    content = [line for line in lines if line]
    if not content or not content[0].startswith("ClinConnect"):
        return None
    headings = set(CLINCONNECT_HEADINGS)
    # "About <sponsor>" heads the sponsor's description, which starts with the sponsor's name again
    following = {
        i: next((x for x in lines[i + 1 :] if x), "") for i, line in enumerate(lines) if line.startswith("About ")
    }
    about = {lines[i] for i, nxt in following.items() if nxt.casefold().startswith(lines[i][6:].casefold())}

    def heading(line: str) -> str | None:
        return line if line in headings else "About" if line in about else None

    sections: dict[str, list[str]] = {}
    about_names: list[str] = []
    top: list[str] = []
    for name, at, body in _sections(lines, heading):
        if name == "About":
            about_names.append(lines[at][len("About ") :])
        if name:
            sections.setdefault(name, []).extend(body)
        else:
            top = body
    get = sections.get
    places: dict[str, list[Passage]] = {}
    search = _id_lines(top, _SEARCH)
    rest = [line for line in top if not line.startswith("ClinConnect") and line not in search]
    launched = [line for line in rest if _LAUNCHED.match(line)]
    title = [line for line in rest if line not in launched][:1]
    places["nct_id"] = _within(search)
    places["brief_title"] = _whole(title)
    sponsors = [_LAUNCHED.match(line).group("sponsor") for line in launched] + about_names  # type: ignore[union-attr]
    places["sponsor"] = _within(launched + ["About " + n for n in about_names])
    places["sponsor.name"] = _whole(sponsors)
    places["sponsor.about"] = _one(get("About", []))
    info = get("Trial Information", [])
    as_of = [line for line in info if line.startswith("Current as of")]
    places["curation.sources.as_of"] = places["curation.sources.as_of_label"] = _within(as_of)
    places["overall_status"] = _within(info)
    places["dates"] = _within(launched + get("Timeline", []))
    places["keywords"] = _whole(get("Keywords", []))
    summary = get("ClinConnect Summary", [])
    places["third_party_summary"] = _within(["ClinConnect Summary", *summary])
    # the site's name, whole, where the page writes it: the words beside it are no part of it
    # ("ClinConnect Summary" heads the summary; "ClinConnect ClinConnect Logo" is the logo's line)
    site = [Passage(normalise(line), True, "ClinConnect") for line in [*content[:1], "ClinConnect Summary"]]
    places["third_party_summary.author"] = site[1:]
    places["curation.sources.publisher"] = site
    places["third_party_summary.text"] = _one(summary)
    places["phases"] = _within(summary)
    places["eligibility.sex"] = _within(["Gender", *get("Gender", [])])
    eligibility = get("Eligibility criteria", [])
    inc, exc, after = _criteria_blocks(eligibility, _INCLUSION, _EXCLUSION)
    criteria_places, criteria = _criteria_places(inc, exc + after)
    places.update(criteria_places)
    places["eligibility"] = _within(eligibility)
    locations = get("Locations", [])
    places["locations"] = _within(locations)
    places.update(_address_parts(locations))
    places["locations.facility"] = []
    officials = get("Trial Officials", [])
    roles = [i for i, line in enumerate(officials) if line in OFFICIAL_ROLES]
    places["officials"] = _within(["Trial Officials", *officials])
    places["officials.name"] = _whole([officials[i - 1] for i in roles if i > 0])
    places["officials.affiliation"] = _whole([officials[i + 1] for i in roles if i + 1 < len(officials)])
    places["related_trials"] = _within(get("Similar Trials", []))
    places["related_trials.title"] = _whole([line for line in get("Similar Trials", []) if not _NCT_LINE.match(line)])
    rows = {
        "related_trials": _related(get("Similar Trials", [])),
        "locations": [_address(line) for line in locations if _address(line)],
        "officials": [
            {
                "name": normalise(officials[i - 1]),
                "role": OFFICIAL_ROLES[officials[i]],
                "affiliation": normalise(officials[i + 1]),
            }
            for i in roles
            if 0 < i < len(officials) - 1
        ],
    }
    title_and_summary = _within(title + summary)
    places["cell_product"] = _within(title + summary + get("Keywords", []))
    places["cell_product.name"] = places["interventions"] = title_and_summary
    return SourceDoc(file, "clinconnect", "", places, criteria, _subject(search, _SEARCH), rows)
