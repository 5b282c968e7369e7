"""Evidence: every value traceable to the words of its source, read where the source states it.

The checks on one schema-valid record against the source documents it cites (layouts.py reads each
into its text and its places; documents.Sources says where each states a field of this trial):
- the record's nct_id is named by a cited source (E515), and a source about another trial states
  only that trial's id and title (a stub's, E512), and what the title says of its product (the
  target antigen, the cells' origin: TITLE_STATES);
- verbatim fields (schema `x-verbatim`) occur word for word in a cited source (E501), in the place
  where that source states the field, whole where the place is one value (E512), a whole phrase where
  a page's layout places it in running words (E521: "Relma-cel for" of its title); a numbered
  criterion's number stands before its text there (E504);
- the `evidence` mapping pins structured values to quotes: each path exists (E503), each quote occurs
  in a cited source (E502), in the field's place (E512), of whole words there (E521: not cut out of
  "18 Years" or "Severe lupus nephritis", edges.py), and states the values beneath the path
  (binding.py: E505, E507-E510, E513);
- a record marked complete holds its sources' criteria lists whole (completeness.py: E511, E514);
- fields declared silent or not yet curated are absent, and one that does not apply to the study's
  type is not declared silent (E506); a field declared silent is not one a source states at its
  place (silence.py: E523);
- a cited web page whose style may hide what only a browser tells (markup.read: a style sheet it
  does not hold, a rule the reader cannot bound) is read as no text, and the record is told why (E531).
Text is compared after normalising Unicode (NFKC), white space and markdown backslash escapes
(layouts.normalise), so `1×10\\^6` in a scraped page matches `1×10^6` in the record. A miss shows
the closest source passage (nearest.py).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from sle_trials import fields
from sle_trials.checks import binding, completeness, silence
from sle_trials.checks.documents import Memory, Sources
from sle_trials.checks.load import Record
from sle_trials.problem import Check, Problem
from sle_trials.reading import layouts, lexicon, phrases, prose, spacing, vocabulary
from sle_trials.reading.layouts import SourceDoc, normalise
from sle_trials.reading.sentences import SENTENCES, STOPS

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check("E501", "text-not-in-source", "verbatim text that does not occur in the cited source"),
    Check("E502", "quote-not-in-source", "an evidence quote that does not occur in the cited source"),
    Check("E503", "evidence-for-unknown-field", "evidence for a field the record does not have"),
    Check("E504", "criterion-number-not-in-source", "a criterion number the source does not give that criterion"),
    Check(
        "E506",
        "silent-field-present",
        "a field declared silent or not yet curated that the record fills, no such field, or one that does not apply",
    ),
    Check(
        "E512",
        "text-out-of-place",
        "text or a quote found in the source only away from where it states that field, or only part of a whole value",
    ),
    Check("E515", "nct-id-not-in-source", "a record whose nct_id no cited source names"),
    Check(
        "E516",
        "curation-not-what-sources-are",
        "a source's kind that is not its document's (a kind that names a layout, REGISTRY_JSON, REGISTRY_COPY "
        "or TRIAL_FINDER_PAGE, given to a document that does not read as it), a stub citing this trial's own "
        "record, or a draft or complete record citing only sources about other trials",
    ),
    Check(
        "E517",
        "value-without-evidence",
        "a structured value with no evidence quote, in a record of any status: a draft may lack fields, not quotes",
    ),
    Check(
        "E521",
        "quote-cuts-source",
        "a quote or verbatim text that begins or ends inside a word, number or term of its source ('8' of '18'), "
        "or a name read from a page's running words with a word beside it or a parenthesis cut ('Relma-cel for')",
    ),
    Check(
        "E522",
        "item-repeated",
        "a list item (a site, an official, an outcome, ...) held more times than its source lists its row, or, "
        "where no source lists them as rows, held with the items holding all its texts more times than its words "
        "stand in a source",
    ),
    Check(
        "E530",
        "too-much-to-search",
        "a record whose texts times its cited sources' characters exceed what one record may cost to check "
        "(MAX_SEARCHED), or whose quotes stand in more places of them than its readings may read around "
        "(binding.PLACES_READ): refused unchecked against them, never passed",
    ),
    Check(
        "E531",
        "page-not-read",
        "a cited web page whose style or markup may hide what only a browser tells (a style sheet it does not "
        "hold, a selector or at-rule the check cannot bound, a style that may lay an element over others' text "
        "or hide its body, a shadow root, a frameset): none of its text is read",
    ),
)


# Each of a record's texts is searched for through each cited source (some 3 ns a character): a
# record of 20,000 short texts citing a 31 MiB source took many minutes. A record's distinct texts
# (its values and quotes) times its sources' characters may be at most this, some seconds of
# searching: a registry record of a few hundred values citing a study of a few hundred KiB is 10**8
# or less.
MAX_SEARCHED = 1_000_000_000
_NCT = re.compile(r"NCT[0-9]{8}")


def check_nct_id(record: Record, sources: Sources) -> Iterator[Problem]:
    """A record's nct_id is named by a cited source: a mistyped id cannot get a record of its own."""
    nct = record.data["nct_id"]
    if sources.named:
        return
    named = sorted({m.group(0) for doc in sources.docs for m in _NCT.finditer(doc.text)})
    close = difflib.get_close_matches(nct, named, n=1, cutoff=0.7)
    hint = f"; did you mean {close[0]}?" if close else "; cite the source that names this trial"
    yield record.problem(("nct_id",), "E515", f"nct_id {nct} is not named by any cited source{hint}")


def check_verbatim(record: Record, schema: dict, sources: Sources) -> Iterator[Problem]:
    for path, value, holder in fields.verbatim_texts(record.data, schema):
        verdict = sources.verdict(path, value, whole=True)
        if verdict.cut is not None:
            yield record.problem(
                path,
                "E521",
                f"{fields.dotted(path)}: the text {verdict.cut.end} inside {verdict.cut.words!r} in {verdict.file}; "
                "copy whole words, numbers and terms of the source",
            )
            continue
        if verdict.found == "missing":
            yield record.problem(
                path,
                "E501",
                f"{fields.dotted(path)}: text not found in the cited source; nearest is {sources.closest(value)}",
            )
            continue
        if verdict.found == "elsewhere":
            yield record.problem(
                path,
                "E512",
                f"{fields.dotted(path)}: not where the source states it: {sources.where_else(path)}",
            )
            continue
        loose = _run_on(sources, path, value)
        if loose is not None:
            yield record.problem(
                path,
                "E521",
                f"{fields.dotted(path)}: {loose} in the running words it is read from; copy the name "
                "without the words beside it",
            )
            continue
        end = spacing.loose_end(value)
        if end is not None:
            yield record.problem(
                path,
                "E501",
                f"{fields.dotted(path)}: the text has {end}, which no one-line value holds; remove it",
            )
            continue
        wrong = sources.miswritten(path, value)
        if wrong is not None:
            yield record.problem(
                path,
                "E501",
                f"{fields.dotted(path)}: the text writes {wrong}, and no cited source writes it so; "
                "copy the source's own characters, spaced as it spaces them",
            )
            continue
        if path[-1] == "text" and len(path) >= 2:  # the holder is the criterion (a mapping with "text")
            number = holder.get("number")
            if number is not None and not sources.numbers(path, number, value):
                yield record.problem(
                    path[:-1] + ("number",),
                    "E504",
                    f"{fields.dotted(path[:-1])}: the source does not number this criterion {number}",
                )
    yield from check_rows(record, sources)
    yield from check_criteria_items(record, sources)


# the words that introduce a name in running words ("a new treatment called Relma-cel"): none of it
_NAMING = re.compile(r"(?i)^(?:called|named|dubbed|termed)\b|\b(?:called|named|dubbed|termed)$")


def _run_on(sources: Sources, path: fields.Path_, text: str) -> str | None:
    """Why a text that a page's layout places in running words (a ClinConnect page's title and summary,
    for a product's name) is no whole phrase of them: a word at an end that names nothing ("Relma-cel
    for"), or a parenthesis it crosses ("CD19-CART(Relma-cel" of "CD19-CART(Relma-cel) for ..."); None
    where it is one, or where a place holds the field whole. A criterion's texts are read by binding
    (E525, E529); a plain document's, in its sentences."""
    if path[0] in ("eligibility", *fields.BOOKKEEPING):  # a label ("Current as of") is the page's own words
        return None
    for doc in sources.docs:
        passages = sources.passages(doc, path) if doc.layout != layouts.PLAIN else None
        if not passages or any(p.whole for p in passages):
            continue
        naming = _NAMING.search(normalise(text))
        loose = naming.group(0) if naming is not None else phrases.loose_word(normalise(text))
        if loose is not None:
            return f"{loose!r}, at an end of it, names nothing of it"
        unclosed = phrases.unbalanced(normalise(text))
        if unclosed is not None:
            return f"it {unclosed}"
    return None


def check_criteria_items(record: Record, sources: Sources) -> Iterator[Problem]:
    """E512: each criterion of a draft is one item of its list as a cited source lists it (the
    inclusion list, under its sub-heading, nested as there), whole, and in that list's order. A
    ClinicalTrials.gov study places both lists in one text, and a criterion's words occur there
    wherever the curator files them: a draft's inclusion criterion moved to the exclusion list, a
    Part B criterion shown as everyone's, or one cut before its "or HIV infection" or "unless ..."
    passed as word for word; a sub-item is one of the item it stands under there (a condition under
    another criterion applies to that one). A draft may leave items out, not hold them otherwise; a
    complete record's lists are held item for item by completeness.py (E511), which says the same of
    each."""
    data = record.data
    eligibility = data.get("eligibility", {})
    if data["curation"]["status"] == "complete" or not eligibility:
        return
    docs = [doc for doc in sources.docs if not sources.about_other(doc)]
    for name in completeness.LISTS:
        listing = [doc.criteria for doc in docs if doc.criteria.get(name)]
        if listing and name in eligibility:
            yield from _draft_list_items(record, sources, name, _SourceList(name, listing))


class _SourceList:
    """A criteria list as the cited sources list it (listing: each source's lists, in order), for a
    draft's criteria to be found in."""

    def __init__(self, name: str, listing: list[dict[str, list[layouts.Item]]]) -> None:
        self.name = name
        self.kind = name.split("_")[0]  # inclusion or exclusion
        self.other = next(n for n in completeness.LISTS if n != name)
        self.single = len(listing) == 1  # one source lists it: its order is the one to keep
        self.items = [item for criteria in listing for item in criteria[name]]
        self.parents = {item: parent for criteria in listing for item, parent in _parents(criteria[name])}
        self.elsewhere = {item.text for criteria in listing for item in criteria.get(self.other, [])}  # normalised
        # the source's items by their text, looked up, not searched (each of a record's criteria
        # against every source item made a draft of 12,000 criteria cost 30 s); a criterion that is
        # part of a source item is searched for while SCANNED allows
        self.at_text: dict[str, list[int]] = {}
        for k, item in enumerate(self.items):
            self.at_text.setdefault(item.text, []).append(k)
        self.scanned = 0  # source items searched so far for a part of one

    def held(self, text: str, group: str | None, depth: int, parent: str | None) -> list[int]:
        """Where the list holds a criterion as a draft has it: its text, under its sub-heading, nested
        as there (under an item of the text parent; at the top when depth is 0)."""
        return [
            k
            for k in self.at_text.get(text, [])
            if self.items[k].group == group
            and (
                self.items[k].depth is None or (self.items[k].depth == depth and self.parents[self.items[k]] == parent)
            )
        ]

    def not_held(self, text: str, group: str | None) -> str:
        """Why a criterion of a draft that the sources contain is not an item of this list as held."""
        same = [self.items[k] for k in self.at_text.get(text, [])]
        kind = self.kind
        if any(item.group == group for item in same):
            return f"the source lists this {kind} criterion nested otherwise (an item of its own, or under another)"
        if same:
            heading = next(item.group for item in same)
            return f"the source lists this {kind} criterion " + (
                f"under the sub-heading {heading!r}" if heading else "under no sub-heading"
            )
        if text in self.elsewhere:
            return f"an {self.other.split('_')[0]} criterion in the source, not an {kind} one"
        if (scanned := self.scanned + len(self.items)) <= completeness.SCANNED and (
            whole := next((item.text for item in self.items if text in item.text), None)
        ):
            self.scanned = scanned
            return f"only part of the source's {kind} criterion {whole[:70]!r}{'…' if len(whole) > 70 else ''}"
        self.scanned = scanned
        return f"not one item of the source's {kind} list"


def _draft_list_items(record: Record, sources: Sources, name: str, theirs: _SourceList) -> Iterator[Problem]:
    """E512 for one criteria list of a draft: each criterion held as the sources list it, in order."""
    eligibility = record.data["eligibility"]
    # where the one source that lists them has each item held so far: a draft may leave items out,
    # not reorder them (the schema's "in source order": the site and the exports show them so, and
    # IM19 as a draft with its inclusion criteria 2 and 3 swapped passed)
    reached = -1 if theirs.single else None
    for path, _, text, group in completeness.criteria_items(eligibility[name], ("eligibility", name)):
        depth = (len(path) - 3) // 2  # (eligibility, list, i, sub_criteria, j, ...)
        parent = normalise(fields.get(eligibility, path[1:-2])[1]["text"]) if depth else None
        held = theirs.held(text, group, depth, parent)
        if held:
            if reached is not None:
                after = [k for k in held if k > reached]
                if not after:
                    yield record.problem(
                        path + ("text",),
                        "E512",
                        f"{fields.dotted(path)}: out of the source's order (the source lists it before the "
                        f"{theirs.kind} criterion above it)",
                    )
                reached = after[0] if after else reached
            continue
        if sources.contains(text):  # else E501 says so
            yield record.problem(path + ("text",), "E512", f"{fields.dotted(path)}: {theirs.not_held(text, group)}")


def _parents(items: list[layouts.Item]) -> Iterator[tuple[layouts.Item, str | None]]:
    """Each criterion of a source's list and the text of the item it is nested under (None at the top
    of the list, or where the layout does not say how deep it is)."""
    above: list[layouts.Item] = []
    for item in items:
        if item.depth is None:
            yield item, None
            continue
        del above[item.depth :]
        yield item, above[-1].text if item.depth and above else None
        above.append(item)


# The lists whose item a quote for one of its fields must name: the lists a source states as rows
# (layouts.ROW_LABELS), and the lists whose item is named by a term of the vocabulary (a lymphodepleting
# agent), which the quote renders.
ITEM_NAMES = {**layouts.ROW_LABELS, "lymphodepletion.agents": "agent"}


def check_rows(record: Record, sources: Sources) -> Iterator[Problem]:
    """A list item's texts come from one row of the source: an official's name with that official's
    affiliation, a related trial's title with that trial's id, a site's city with its country, an
    outcome's time frame with its measure, an intervention's other names with its name. Where no
    source lists them as rows, a plain document's sentence ties a time frame to its measure, a site's
    places together, an official's name to the affiliation (TIES)."""
    for name, label in layouts.ROW_LABELS.items():
        items = fields.get(record.data, fields.parse_dotted(name))[1]
        if not isinstance(items, list):
            continue
        docs = [doc for doc in sources.docs if name in doc.rows and not sources.about_other(doc)]
        if name != "related_trials":  # a related trial listed twice is refs' E303, across records
            if docs:
                yield from _repeated(record, name, label, items, docs)
            else:
                yield from _repeated_words(record, name, label, items, sources)
        if not docs and name.split(".")[0] in TIES:
            yield from _tied_in_prose(record, fields.parse_dotted(name), items, sources, TIES[name.split(".")[0]])
        if not docs:
            continue
        columns = _columns(docs, name)
        rowed: dict[frozenset, bool] = {}  # an item's texts -> some row gives them (items written alike: once)
        rows = Rows([row for doc in docs for row in doc.rows[name]])
        for i, item in enumerate(items):
            texts = layouts.row_texts(item, columns)
            key = _texts_key(texts)
            if key not in rowed:
                rowed[key] = any(layouts.texts_are_row(texts, rows.rows[k]) for k in rows.maybe(texts))
            if rowed[key]:
                continue
            path = fields.parse_dotted(name) + (i,)
            shown = ", ".join(f"{k} {v!r}" for k, v in item.items() if isinstance(v, str) and k in columns)
            yield record.problem(
                path,
                "E512",
                f"{fields.dotted(path)}: no row of the source gives {shown} together "
                f"({item.get(label, '')!r} is listed with other values)",
            )


class Tie(NamedTuple):
    """How a plain document's sentences hold one item's texts together, for a list no cited source
    gives as rows: the texts to hold (texts: None when too few), the field whose sentences about the
    trial hold them (part), how those are split (splitter), the reading (holds: False where no
    sentence ties them; None where none holds them, which E501/E512 report) and the message (says)."""

    texts: Callable[[dict], tuple | None]
    part: Callable[[dict], str]
    splitter: re.Pattern[str]
    holds: Callable[[prose.Sentences, Any], bool | None]  # Any: what texts gives (a tuple, or a SiteTexts)
    says: Callable[[str, dict], str]


def _strings(item: dict, *keys: str) -> tuple | None:
    """The item's texts at keys, normalised; None unless each is a text."""
    found = [item.get(k) for k in keys]
    return tuple(normalise(v) for v in found if isinstance(v, str)) if all(isinstance(v, str) for v in found) else None


class SiteTexts(NamedTuple):
    """A site's texts as prose.together reads them, normalised (a key of the items written alike)."""

    facility: str | None
    has_city: bool  # places starts with the site's city
    places: tuple[str, ...]  # its city, region and country, those it has, in that order


def _site_texts(item: dict) -> SiteTexts | None:
    """A site's texts; None for fewer than two."""
    places = tuple(normalise(item[k]) for k in prose.SITE_PLACES if isinstance(item.get(k), str))
    facility = normalise(item["facility"]) if isinstance(item.get("facility"), str) else None
    return (
        None
        if len(places) + (facility is not None) < 2
        else SiteTexts(facility, isinstance(item.get("city"), str), places)
    )


def _site_part(item: dict) -> str:
    """The field whose sentences hold a site: its facility's, else its first place's."""
    return "facility" if isinstance(item.get("facility"), str) else next(k for k in prose.SITE_PLACES if k in item)


def _site_shown(item: dict) -> str:
    return ", ".join(f"{k} {item[k]!r}" for k in ("facility", *prose.SITE_PLACES) if isinstance(item.get(k), str))


# Each list's tie, by its top-level name. An outcome's time frame is its measure's in a sentence about the
# trial (prose.tied), or in the next that goes on about it ("The primary endpoint is safety. It is assessed
# at day 28."): "The primary endpoint is SRI-4 response at week 24. Secondary endpoints include safety at
# month 6 and B-cell counts at month 3." gave safety the time frame month 3. A site's texts are one site's,
# written together (prose.together: its city, region and country in that order, its facility before or
# after them, only "in", "at", "of" and marks between, or listed after them and a colon, "Sites in
# Beijing, China: A; B", so a semicolon ends no sentence there): "Northbridge University Hospital in
# Columbus, Ohio, and at Charité in Berlin, Germany" gave a site the city Columbus and the country
# Germany. An official's name and affiliation are one official's (prose.affiliated): "led by Anna Berg of
# Charité and Tom Hale of Columbus University" gave Anna Berg the affiliation Columbus University.
TIES = {
    "outcomes": Tie(
        lambda item: _strings(item, "measure", "time_frame"),
        lambda item: "measure",
        SENTENCES,
        lambda sentences, texts: prose.tied(sentences, *texts),
        lambda path, item: (
            f"{path}: no sentence about the trial gives the time frame {item['time_frame']!r} to the measure "
            f"{item['measure']!r}: a time frame is the time written next after its measure in its sentence "
            "(or in the next, which goes on about it)"
        ),
    ),
    "locations": Tie(
        _site_texts,
        _site_part,
        STOPS,
        lambda sentences, site: prose.together(sentences, list(site.places), site.facility, city=site.has_city),
        lambda path, item: (
            f"{path}: no sentence about the trial writes {_site_shown(item)} together as one site (in that order, "
            'only "in", "at", "of" or marks between them)'
        ),
    ),
    "officials": Tie(
        lambda item: _strings(item, "name", "affiliation"),
        lambda item: "name",
        SENTENCES,
        lambda sentences, texts: prose.affiliated(sentences, *texts),
        lambda path, item: (
            f"{path}: no sentence about the trial writes the name {item['name']!r} with the affiliation "
            f"{item['affiliation']!r} as one official's (the affiliation after the name, no other person "
            "between, or right before it)"
        ),
    ),
}


def _tied_in_prose(record: Record, name: fields.Path_, items: list, sources: Sources, tie: Tie) -> Iterator[Problem]:
    """E512 for each item whose texts no sentence about the trial of a plain document holds together
    (tie). A field's sentences are worked out once for its items, and items written alike read once."""
    docs = [doc for doc in sources.docs if doc.layout == layouts.PLAIN and not sources.about_other(doc)]
    sentences: dict[str, prose.Sentences] = {}  # a field -> its sentences about the trial
    held: dict[tuple, bool | None] = {}  # (field, texts) -> tie.holds
    for i, item in enumerate(items if docs else []):
        texts = tie.texts(item) if isinstance(item, dict) else None
        if texts is None:
            continue
        path, part = name + (i,), tie.part(item)
        if part not in sentences:
            passages = [p for doc in docs for p in sources.passages(doc, path + (part,)) or []]
            sentences[part] = prose.Sentences(passages, tie.splitter)
        if (part, texts) not in held:
            held[(part, texts)] = tie.holds(sentences[part], texts)
        if held[(part, texts)] is False:
            yield record.problem(path, "E512", tie.says(fields.dotted(path), item))


class Rows:
    """A source's rows of a list, each looked up by the texts it holds: an item is a row only where the
    row holds each text the item holds (layouts.texts_are_row), so the rows it may be are those holding
    one of them. Each item was compared with every row: a record of 2,000 sites, each a row of a study
    of 2,000, took 4 million comparisons, the most E530 lets a record cost."""

    def __init__(self, rows: list[dict]) -> None:
        self.rows = rows
        self.holding: dict[tuple[str, str], list[int]] = {}  # (column, text) -> the rows holding it, in order
        for n, row in enumerate(rows):
            for k, v in row.items():
                if isinstance(v, str) and v:
                    self.holding.setdefault((k, v), []).append(n)

    def maybe(self, texts: dict[str, str | set[str]]) -> Iterable[int]:
        """The rows (by number, in order) an item of these texts may be: every row when it holds no text."""
        held = [self.holding.get((k, v), []) for k, v in texts.items() if isinstance(v, str) and v]
        if not held:
            return range(len(self.rows))
        fewest: list[int] = min(held, key=len)
        return fewest


def _texts_key(texts: dict[str, str | set[str]]) -> frozenset:
    """An item's row_texts as a key: items written alike have one. Each item of a list was compared
    with every row of the source: 20,000 sites alike, against a source listing that site's row last
    of many, made every check of them a comparison with each row (E530 counts distinct texts only)."""
    return frozenset((k, v if isinstance(v, str) else frozenset(v)) for k, v in texts.items())


def _repeated(record: Record, name: str, label: str, items: list, docs: list[SourceDoc]) -> Iterator[Problem]:
    """E522: an item held more times than a source lists its row (two sites both called "Research
    Site" in one city are two rows there, and may be two items): a site, an arm or an outcome
    written twice would count twice in trials.csv (site_count, the lists). Each item takes a row it
    is (an item may leave out a field its row states, so it may be any of several rows), no row more
    items than a source lists it (_assign); an item left without one is refused. An item that could
    be either of two rows used to count for neither: `{city, region, country}` of a city with two
    sites could be written any number of times."""
    listed: dict[tuple, int] = {}  # each distinct row -> the most times one source lists it
    for doc in docs:
        for key, n in Counter(map(layouts.row_key, doc.rows[name])).items():
            listed[key] = max(listed.get(key, 0), n)
    keyed = [(key, dict(key)) for key in listed]
    index = Rows([row for _, row in keyed])
    columns = _columns(docs, name)
    candidates = []  # the rows each item could be
    could: dict[frozenset, list[tuple]] = {}  # an item's texts -> those rows (items written alike: once)
    for item in items:
        texts = layouts.row_texts(item, columns)
        mine = _texts_key(texts)
        if mine not in could:
            could[mine] = [keyed[k][0] for k in index.maybe(texts) if layouts.texts_are_row(texts, keyed[k][1])]
        candidates.append(could[mine])
    held = _assign(candidates, listed)
    for i, rows in enumerate(candidates):
        if not rows or held[i] is not None:  # no row at all is E512's
            continue
        path = fields.parse_dotted(name) + (i,)
        if len(rows) == 1:
            times = "once" if listed[rows[0]] == 1 else f"{listed[rows[0]]} times"
            holding = sum(1 for other in candidates if other == rows)
            said = f"the source lists this row {times}, the record holds it {holding} times"
        else:
            said = (
                f"each of the {len(rows)} rows of the source it could be is held by as many items "
                "as the source lists it"
            )
        yield record.problem(path, "E522", f"{fields.dotted(path)}: {label} {items[i].get(label, '')!r} again: {said}")


def _repeated_words(record: Record, name: str, label: str, items: list, sources: Sources) -> Iterator[Problem]:
    """E522 where no cited source states the list as rows (a plain document: its words are checked,
    not where they stand). An item may leave out a field, so two items that hold no field with
    different texts may be one item written twice (the same site with its city, then with its
    country): each text of an item is held, by the items that could be that item, at most as many
    times as it stands in a cited source; where it is held more, the item is refused when one of
    those items outranks it (holds all its texts and more, is written alike before it, or holds
    other texts and stands before it). A page naming one site once gave a record the same site four
    times, or the site, its city and country, its country and its name alone: trials.csv said
    site_count 4; its name with its city, then its name with its country, passed as two sites. An
    item of a source's words that stand twice may be held twice (two sites of one city, one written
    without its name)."""
    docs = [doc for doc in sources.docs if not sources.about_other(doc)]
    texts_of = [
        frozenset((k, normalise(v)) for k, v in item.items() if isinstance(v, str)) if isinstance(item, dict) else None
        for item in items
    ]
    first: dict[frozenset, int] = {}  # each distinct item's texts -> the first item holding them
    count: Counter[frozenset] = Counter()
    for i, texts in enumerate(texts_of):
        if texts:
            first.setdefault(texts, i)
            count[texts] += 1
    holders: dict[tuple[str, str], list[frozenset]] = {}  # each (field, text) -> the distinct items holding it
    lacking: dict[str, list[frozenset]] = {}  # each field -> the distinct items holding no text of it
    fields_of = {texts: {k for k, _ in texts} for texts in first}
    for texts in first:
        for pair in texts:
            holders.setdefault(pair, []).append(texts)
    for key in {k for texts in first for k, _ in texts}:
        lacking[key] = [texts for texts in first if key not in fields_of[texts]]

    def could_be(texts: frozenset, other: frozenset) -> bool:
        """Whether other could be the item of texts: no field of both holds another text."""
        return bool(texts & other) and not any(k in fields_of[texts] and (k, v) not in texts for k, v in other)

    # each item's texts -> for each of its texts held more times than it stands: how many items that could
    # be this one hold it, how many times it stands, and the first item ahead of this one there (-1 for
    # one holding all its texts and more; None for none but items written alike)
    worked: dict[frozenset, list[tuple[int, int, int | None]]] = {}
    seen: Counter[frozenset] = Counter()
    for i, texts in enumerate(texts_of):
        if not texts:
            continue
        seen[texts] += 1
        if texts not in worked:
            rarest = min(texts, key=lambda pair: len(holders[pair]))
            # an item that could be this one holds its rarest text, or holds no text of that text's field
            maybe = [o for o in (*holders[rarest], *lacking.get(rarest[0], ())) if could_be(texts, o)]
            over = []
            for pair in texts:
                alike = [o for o in maybe if pair in o]
                holding = sum(count[o] for o in alike)
                stated = _stands(pair[1], docs, holding) if holding > 1 else 1
                if holding > stated:
                    ahead = [-1 if texts < o else first[o] for o in alike if o != texts and not o < texts]
                    over.append((holding, stated, min(ahead) if ahead else None))
            worked[texts] = over
        refused = [
            (holding, stated)
            for holding, stated, ahead in worked[texts]
            if seen[texts] > 1 or (ahead is not None and ahead < i)
        ]
        if not refused:
            continue  # the first of items written alike, with none ahead of it, stands as any item does
        holding, stated = refused[0]
        path = fields.parse_dotted(name) + (i,)
        times = "once" if stated == 1 else f"{stated} times"
        yield record.problem(
            path,
            "E522",
            f"{fields.dotted(path)}: {label} {items[i].get(label, '')!r} again: its words stand {times} in the "
            f"cited sources, and {holding} items of the record that could be this one hold them",
        )


def _stands(text: str, docs: list[SourceDoc], enough: int) -> int:
    """How many times text stands in the document that has it most, counted up to enough (a text
    that stands early costs no scan of a whole large source)."""
    most = 0
    for doc in docs:
        found, at = 0, doc.text.find(text)
        while at >= 0 and found < enough:
            found += 1
            at = doc.text.find(text, at + len(text))
        most = max(most, found)
    return most


def _assign(candidates: list[list[tuple]], capacity: dict[tuple, int]) -> list[tuple | None]:
    """A row for each item, in the items' order, among the rows it could be (candidates), no row
    taken more times than its capacity; None for an item left without one. An item takes a free row
    when one is left, else one another item moves out of to a free row of its own (an augmenting
    path, found breadth first): the most items that can each be a row of their own are, and those
    left without one are the later ones."""
    holders: dict[tuple, list[int]] = {key: [] for key in capacity}
    held: list[tuple | None] = [None] * len(candidates)
    # Rows a search that failed reached: every item holding one could be only rows of that set, all
    # full, so no later search can free one either (no path leaves the set): never searched again.
    dead: set[tuple] = set()
    for start, rows in enumerate(candidates):
        if not rows:
            continue
        reached: dict[tuple, int] = {}  # row -> the item that reached it
        seen = {start}
        queue = [start]
        free: tuple | None = None
        for item in queue:  # grows as it is walked: breadth first
            for row in candidates[item]:
                if row in reached or row in dead:
                    continue
                reached[row] = item
                if len(holders[row]) < capacity[row]:
                    free = row
                    break
                for other in holders[row]:
                    if other not in seen:
                        seen.add(other)
                        queue.append(other)
            if free is not None:
                break
        if free is None:
            dead.update(reached)
        moving = free
        while moving is not None:  # each item on the path moves into the row it reached
            item = reached[moving]
            before = held[item]
            holders[moving].append(item)
            held[item] = moving
            if before is not None:
                holders[before].remove(item)
            moving = before
    return held


def _columns(docs: list[SourceDoc], name: str) -> set[str]:
    return {k for doc in docs for row in doc.rows[name] for k in row}


def check_curation(record: Record, sources: Sources) -> Iterator[Problem]:
    """What the curation block says of the sources is what they are: a source's kind is its layout's
    kind, a stub (only what another trial's source says of this one) cites no source about this trial,
    and a draft or complete record cites one, where its sources say whom they are about; a cited page
    whose style may hide what only a browser tells is said to be read as none of its text (E531)."""
    by_file = {doc.file: doc for doc in sources.docs}
    unread: set[str] = set()
    for i, source in enumerate(record.data["curation"]["sources"]):
        doc = by_file.get(source["file"])
        if doc is not None and doc.unread is not None and doc.file not in unread:
            # none of the page's text is read (markup.read): said where it is first cited, so that a
            # quote of it not found (E501, E502) is not taken for a quote of the wrong words
            unread.add(doc.file)
            path = ("curation", "sources", i, "file")
            yield record.problem(path, "E531", f"{fields.dotted(path)}: {source['file']} is not read: {doc.unread}")
        if doc is not None and doc.kind is not None and source["kind"] != doc.kind:
            path = ("curation", "sources", i, "kind")
            yield record.problem(
                path,
                "E516",
                f"{fields.dotted(path)}: {source['file']} is {layouts.LAYOUT_WORDS.get(doc.layout, doc.layout)}: "
                f"its kind is {doc.kind}, not {source['kind']}",
            )
        elif doc is not None and doc.layout != layouts.KIND_LAYOUTS.get(source["kind"], doc.layout):
            path = ("curation", "sources", i, "kind")
            wanted = layouts.LAYOUT_WORDS.get(layouts.KIND_LAYOUTS[source["kind"]], source["kind"])
            yield record.problem(
                path,
                "E516",
                f"{fields.dotted(path)}: a {source['kind']} source is {wanted}, but {source['file']} "
                f"holds none for {sources.nct_id} (it reads as {layouts.LAYOUT_WORDS.get(doc.layout, doc.layout)})",
            )
    if record.data["curation"]["status"] == "stub":
        own = [doc.file for doc in sources.docs if doc.subject == sources.nct_id]
        if own:
            yield record.problem(
                ("curation", "status"),
                "E516",
                f"curation.status: a stub holds what another trial's source says of "
                f"this one, but {own[0]} is about this trial: curate it (status draft or complete)",
            )
    elif sources.docs and all(doc.subject is not None and doc.subject != sources.nct_id for doc in sources.docs):
        # the other way round: a draft or complete record is curated from this trial's own source; one
        # citing only pages about other trials holds what they say of it, and its status would tell
        # trials.csv's readers that its curation from its own source has begun
        other = sources.docs[0]
        status = record.data["curation"]["status"]
        yield record.problem(
            ("curation", "status"),
            "E516",
            f"curation.status: a {status} record is curated from this trial's own source, but every source it "
            f"cites is about another trial ({other.file} is about {other.subject}): it is a stub",
        )


def check_evidence(
    record: Record, schema: dict, sources: Sources, reader: lexicon.Reader, scalars: Scalars | None = None
) -> Iterator[Problem]:
    context = binding.Context(record, schema, sources.docs, reader, passages=sources.passages)
    scalars = scalars or Scalars(record, schema)
    for key, quotes in record.data.get("evidence", {}).items():
        where = ("evidence", key)
        path = fields.parse_dotted(key)
        found, value = fields.get(record.data, path)
        if not found or path[0] == "evidence":
            yield record.problem(where, "E503", f"evidence for {key}: the record has no such field", key=True)
            continue
        quotes = [quotes] if isinstance(quotes, str) else quotes
        placed = True
        below: dict[fields.Path_, fields.Path_] = {}  # the values a quote for a key that holds some binds
        if isinstance(value, (dict, list)):
            below = scalars.beneath.get(path, {})
        for i, quote in enumerate(quotes):
            shown = where if len(quotes) == 1 and isinstance(record.data["evidence"][key], str) else where + (i,)
            verdict = sources.verdict(path, quote, whole=False)
            if verdict.cut is not None:
                placed = False
                yield record.problem(
                    shown,
                    "E521",
                    f"evidence for {key}: the quote {verdict.cut.end} inside {verdict.cut.words!r} in {verdict.file}, "
                    "so it does not read as the source does; quote whole words, numbers and terms",
                )
            elif verdict.found == "missing":
                placed = False
                yield record.problem(
                    shown,
                    "E502",
                    f"evidence for {key}: quote not found in the cited source; nearest is {sources.closest(quote)}",
                )
            elif verdict.found == "elsewhere":
                placed = False
                yield record.problem(
                    shown,
                    "E512",
                    f"evidence for {key}: the quote is not where the source states this field: "
                    f"{sources.where_else(path)}",
                )
            elif (end := spacing.loose_end(quote)) is not None:
                placed = False
                yield record.problem(
                    shown,
                    "E502",
                    f"evidence for {key}: the quote has {end}, which no one-line quote holds; remove it",
                )
            elif (wrong := sources.miswritten(path, quote)) is not None:
                placed = False
                yield record.problem(
                    shown,
                    "E502",
                    f"evidence for {key}: the quote writes {wrong}, and no cited source writes it so; "
                    "quote the source's own characters, spaced as it spaces them",
                )
            elif below and (child := _child_elsewhere(sources, path, quote, below)) is not None:
                placed = False
                yield record.problem(
                    shown,
                    "E512",
                    f"evidence for {key}: the quote is not where the source states "
                    f"{fields.dotted(fields.unindexed(child))}: {sources.where_else(child)}",
                )
        if placed and (astray := _out_of_row(record, sources, scalars, path, quotes)) is not None:
            yield record.problem(
                where,
                "E512",
                f"evidence for {key}: the quote is not in the source's row of the item it is about "
                f"({_item_name(record, astray)!r}), but another's",
                key=True,
            )
        elif placed and not _names_item(record, schema, path, quotes):
            yield record.problem(
                where,
                "E512",
                f"evidence for {key}: the quote does not name the item it is about ({_item_name(record, path)!r})",
                key=True,
            )
        elif placed:
            bound = list(binding.bind(context, path, value, [normalise(q) for q in quotes]))
            if context.exhausted:  # the readings stopped short: what they found is no verdict
                yield record.problem(
                    ("curation", "sources"),
                    "E530",
                    f"the record's quotes stand in more than {binding.PLACES_READ:,} places of its sources, "
                    "the most its readings may read around: it is not checked against its sources; quote "
                    f"more of the words around {key}'s value, or cite the part of a large source about this trial",
                )
                return
            yield from bound


class Scalars:
    """A record's scalars with their paths and schema nodes (fields.leaves), walked once for the
    checks of one record that read them (E517 reads them all, E512 those beneath an evidence key)."""

    def __init__(self, record: Record, schema: dict) -> None:
        self.record, self.schema = record, schema

    @cached_property
    def all(self) -> list[tuple[fields.Path_, Any, dict]]:
        return fields.leaves(self.record.data, self.schema)

    @cached_property
    def under(self) -> dict[fields.Path_, list[tuple[fields.Path_, Any, dict]]]:
        """Each path that holds values -> the scalars beneath it, in document order: a quote for each of
        a list's items looked through all of the record's scalars (2,000 references: 12 million)."""
        out: dict[fields.Path_, list[tuple[fields.Path_, Any, dict]]] = {}
        for scalar in self.all:
            for k in range(1, len(scalar[0])):
                out.setdefault(scalar[0][:k], []).append(scalar)
        return out

    @cached_property
    def beneath(self) -> dict[fields.Path_, dict[fields.Path_, fields.Path_]]:
        """Each path that holds values -> the values beneath it that a quote for it would bind, one for
        each field (its name without list indexes -> its first path, in document order)."""
        out: dict[fields.Path_, dict[fields.Path_, fields.Path_]] = {}
        for leaf, _, node in self.all:
            if fields.needs_evidence(leaf, node):
                name = fields.unindexed(leaf)
                for depth in range(1, len(leaf)):
                    out.setdefault(leaf[:depth], {}).setdefault(name, leaf)
        return out


def _child_elsewhere(
    sources: Sources, path: fields.Path_, quote: str, below: dict[fields.Path_, fields.Path_]
) -> fields.Path_ | None:
    """The first value beneath path that the quote would bind and that a cited source states in a
    place of its own, where the quote does not stand: a key's quote covers every value beneath it,
    so it must lie where each is stated (`eligibility: 8) Male participants ...` is no sex)."""
    # each document's place for the key's field, found once for all the values beneath it (a key such
    # as eligibility has hundreds); none when a document is about another trial
    keyed = None if any(map(sources.about_other, sources.docs)) else [(doc, doc.place(path)) for doc in sources.docs]
    for leaf in below.values():
        if keyed is not None and all(doc.place(leaf) is place for doc, place in keyed):
            continue  # the source states it where it states the key's field: the quote stands there
        if sources.verdict(leaf, quote, whole=False).found != "ok":
            return leaf
    return None


def _item_name(record: Record, path: fields.Path_) -> str:
    for k in range(len(path) - 1, 0, -1):
        list_name = fields.dotted(fields.unindexed(path[:k]))
        if isinstance(path[k], int) and list_name in ITEM_NAMES:
            item = fields.get(record.data, path[: k + 1])[1]
            return str(item.get(ITEM_NAMES[list_name], "")) if isinstance(item, dict) else ""
    return ""


def _row_depth(path: fields.Path_) -> int:
    """Where the index of a list the sources state as rows stands in path, for a path beneath one of
    that item's fields (arms.1.cohorts.0: 1); -1 for any other path (a row's own field is _names_item's)."""
    for k in range(1, len(path) - 2):
        if isinstance(path[k], int) and fields.dotted(fields.unindexed(path[:k])) in layouts.ROW_LABELS:
            return k
    return -1


def _out_of_row(
    record: Record, sources: Sources, scalars: Scalars, path: fields.Path_, quotes: list[str]
) -> fields.Path_ | None:
    """The first value the quote binds (path, or one beneath it) whose quote is not in its item's row
    (_in_own_row); None when there is none. A key above the items (`arms`, `arms.1`) binds the values
    beneath each item's fields as much as `arms.1.cohorts.0` does: a quote for it used to escape the
    row, so the CAR-T arm's dose, under `arms.1`, was given to the other arm."""
    if _row_depth(path) >= 0:
        return None if _in_own_row(record, sources, path, quotes) else path
    name = fields.dotted(fields.unindexed(path))
    if not any(
        rows == name or rows.startswith(name + ".") or name.startswith(rows + ".") for rows in layouts.ROW_LABELS
    ):
        return None  # no list the sources state as rows lies beneath this key
    seen: set[fields.Path_] = set()
    for leaf, _, node in scalars.under.get(path, ()):
        if len(leaf) <= len(path) or leaf[: len(path)] != path or not fields.needs_evidence(leaf, node):
            continue
        k = _row_depth(leaf)
        if k < 0 or leaf[: k + 2] in seen:
            continue
        seen.add(leaf[: k + 2])  # one check for each field of an item: the row is the item's
        if not _in_own_row(record, sources, leaf, quotes):
            return leaf
    return None


def _in_own_row(record: Record, sources: Sources, path: fields.Path_, quotes: list[str]) -> bool:
    """A quote for a value beneath a field of a list item (an arm's cohort, its dose) lies in that
    item's row of the source, or names the item: a dose one arm's description gives is not another
    arm's. True where no source states the list as rows."""
    k = _row_depth(path)
    if k < 0:
        return True
    name = fields.dotted(fields.unindexed(path[:k]))
    item = fields.get(record.data, path[: k + 1])[1]
    if not isinstance(item, dict):
        return True
    label = item.get(layouts.ROW_LABELS[name])
    needles = [normalise(q) for q in quotes]
    if isinstance(label, str) and all(normalise(label) in q for q in needles):
        return True
    docs = [doc for doc in sources.docs if doc.rows.get(name) and not sources.about_other(doc)]
    if not docs:
        return True
    columns = _columns(docs, name)
    texts = layouts.row_texts(item, columns)
    held: list[str] = []
    for doc in docs:
        passages = doc.places.get(name, [])
        for r, row in enumerate(doc.rows[name]):
            if layouts.texts_are_row(texts, row):
                for v in row.values():  # a column's text, or each of a list column's (an arm's interventions)
                    if isinstance(v, str):
                        held.append(v)
                    elif isinstance(v, list):
                        held += [t for t in v if isinstance(t, str)]
                if len(passages) == len(doc.rows[name]):
                    held.append(passages[r].text)
                # an arm's interventions are its own, as a page lists them under it with their descriptions
                given: Any = row.get("intervention_names") if name == "arms" else None
                held += [
                    v
                    for other in doc.rows.get("interventions", [])
                    if isinstance(given, list) and other.get("name") in given
                    for v in other.values()
                    if isinstance(v, str)
                ]
    return not held or all(any(q in text for text in held) for q in needles)


def _names_item(record: Record, schema: dict, path: fields.Path_, quotes: list[str]) -> bool:
    """A quote for one field of a list item (an official's role) names the item (the official); an
    item named by a term (an agent) is named by a quote that renders that term and no other."""
    if len(path) < 3 or not isinstance(path[-2], int):
        return True
    list_name = fields.dotted(fields.unindexed(path[:-2]))
    if list_name not in ITEM_NAMES:
        return True
    name = _item_name(record, path)
    if not name:
        return True
    node = fields.node_at(schema, path[:-1] + (ITEM_NAMES[list_name],))
    vocab = vocabulary.for_enum(tuple(node["enum"])) if "enum" in node else None
    if vocab is not None:
        return {v for q in quotes for _, values in vocab.find(normalise(q)) for v in values} == {name}
    return any(normalise(name) in normalise(q) for q in quotes)


def check_absent(record: Record, schema: dict) -> Iterator[Problem]:
    """Fields a record declares silent or not yet curated must be schema fields the record lacks, and
    a field that does not apply to the study is not declared silent (it is not applicable)."""
    known = fields.known_names(schema)
    for kind in ("silent", "not_yet_curated"):
        for i, name in enumerate(record.data["curation"].get(kind, [])):
            where = ("curation", kind, i)
            if name not in known:
                yield record.problem(where, "E506", f"curation.{kind}: {name} is not a field coverage reports on")
            elif fields.present(record.data, fields.parse_dotted(name)):  # in any item of a list
                yield record.problem(where, "E506", f"curation.{kind}: {name} is declared absent but the record has it")
            else:
                applies, why = fields.applies(schema, name, record.data)
                if not applies:
                    yield record.problem(
                        where,
                        "E506",
                        f"curation.{kind}: {name} does not apply ({why}); "
                        f"it is not applicable, not {kind.replace('_', ' ')}: remove it",
                    )
    for name in fields.applies_to(schema):
        path = fields.parse_dotted(name)
        if fields.get(record.data, path)[0]:
            applies, why = fields.applies(schema, name, record.data)
            if not applies:
                yield record.problem(path, "E506", f"{name} does not apply ({why}); remove it")


def check_unbound(record: Record, schema: dict, scalars: Scalars | None = None) -> Iterator[Problem]:
    """Every structured value is under an evidence quote that states it, whatever the record's status:
    otherwise a wrong value whose quote was taken away, or never given, would pass unseen and be
    published with the rest. A draft or a stub may hold fewer fields than a complete record, never a
    value its sources were not read for."""
    pinned = {fields.parse_dotted(k) for k in record.data.get("evidence", {})}
    for path, value, node in (scalars or Scalars(record, schema)).all:
        if path == ("nct_id",) or not fields.needs_evidence(path, node):
            continue  # nct_id: bound by the source itself, the trial it is about (E515, E512)
        for depth in range(1, len(path) + 1):  # a loop, not a generator a value: a record has ~200
            if path[:depth] in pinned:
                break
        else:
            yield record.problem(
                path,
                "E517",
                f"{fields.dotted(path)}: {value!r} has no evidence; a record quotes "
                f"the words that state each value (evidence: {{{fields.dotted(path)}: ...}})",
            )


def _texts(data: Any) -> int:
    """The distinct values of a record (each a text its checks search the sources for, once: a text
    written again is looked up, Sources.verdict), its quotes among them."""
    seen: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        else:
            seen.add(f"{type(value).__name__}:{value}")

    walk(data)
    return len(seen)


def check(
    record: Record, schema: dict, root: Path, memory: Memory | None = None, read: dict[str, str] | None = None
) -> list[Problem]:
    """The evidence checks of one schema-valid record; memory: what the run remembers (a fresh one
    when the caller keeps none); read, when given: filled with the sha256 of each cited source as
    these checks read it (its name -> hex), what the check cache binds a verdict to."""
    return list(problems(record, schema, root, memory, read))


def problems(
    record: Record, schema: dict, root: Path, memory: Memory | None = None, read: dict[str, str] | None = None
) -> Iterator[Problem]:
    """check()'s problems one at a time, each check run only when the ones before it are done: a
    caller that needs only whether some problem is found (the mutation tests' harness: whether a
    mistake is caught by a code it may give) stops there and leaves the rest unrun."""
    memory = memory or Memory()
    scalars = Scalars(record, schema)  # walked once, when a check first reads them
    yield from check_absent(record, schema)
    yield from check_unbound(record, schema, scalars)
    yield from completeness.check_fields(record, schema)
    sources = Sources(record, root, memory.documents)
    if read is not None:
        read.update(sources.read)
    texts, chars = _texts(record.data), sum(len(doc.text) for doc in sources.docs)
    if texts * chars > MAX_SEARCHED:
        line, col = record.where(("curation", "sources"))
        yield Problem(
            record.path,
            line,
            col,
            "E530",
            f"the record's {texts:,} texts searched for through its sources' {chars:,} characters would take "
            f"{texts * chars:,} character comparisons, over the {MAX_SEARCHED:,} one record may cost: it is "
            "not checked against its sources; cite the part of a large source that is about this trial, or "
            "split the record's values from it",
        )
        return
    if sources.docs:  # with no readable source, E108 has said why
        yield from check_nct_id(record, sources)
        yield from check_curation(record, sources)
        yield from check_verbatim(record, schema, sources)
        yield from check_evidence(record, schema, sources, memory.reader, scalars)
        yield from completeness.check(record, sources.docs, memory.reader)
        yield from silence.check(record, schema, sources.docs, sources.passages)
