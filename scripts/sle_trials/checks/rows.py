"""Rows: a list's items held to the rows their sources state them as.

A source states some lists as rows (layouts.ROW_LABELS: a site's facility with its city and country,
an official's name with their affiliation, a related trial's id with its title): each item of the
record's list must be one row of a cited source (E512), tied as the row ties its texts (TIES: a site
in prose, its facility and its city in one sentence), and held no more times than the sources list
its row (E522), or, where no source states them as rows, no more times than its words stand in a
source. check_rows is asked by evidence.check_verbatim, after the items' texts are found.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from sle_trials import fields
from sle_trials.checks import completeness
from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.patterns import lazy
from sle_trials.problem import Check, Problem
from sle_trials.reading import layouts, prose, vocabulary
from sle_trials.reading.layouts import SourceDoc, normalise
from sle_trials.reading.sentences import SENTENCES, STOPS

# The checks this module makes (E512 for an item that is no row is evidence.py's: a text out of its place)
CHECKS = (
    Check(
        "E522",
        "item-repeated",
        "a list item (a site, an official, an outcome, ...) held more times than its source lists its row, or, "
        "where no source lists them as rows, held with the items holding all its texts more times than its words "
        "stand in a source, or beside an item whose other name it is (the sources write it only in brackets with "
        "that item's name: 'CD19-CART(Relma-cel)')",
    ),
    Check(
        "E533",
        "row-out-of-order",
        "a list its source states as rows (related trials, sites, officials, arms, outcomes, ...), or one value a "
        "place (conditions, keywords), or an arm's interventions or an intervention's other names, whose items "
        "stand in another order than the source lists them, or sites and officials in another order than a plain "
        "document's sentences tie them, or lymphodepleting agents in another order than the words on the "
        "lymphodepletion name them, or disease-activity thresholds in another order than their criteria state "
        "them (its headline is the first): trials.csv gives each list in source order",
    ),
)

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
                yield from _aliased(record, name, label, items, sources)
        if not docs and name.split(".")[0] in TIES:
            yield from _tied_in_prose(record, fields.parse_dotted(name), items, sources, TIES[name.split(".")[0]])
            if name in PROSE_ORDERED:
                yield from _prose_out_of_order(record, name, items, sources, TIES[name])
        if not docs:
            continue
        columns = row_columns(docs, name)
        keys, rowed = _rows_they_can_be(items, docs, name, columns)
        yield from _out_of_order(record, name, label, items, docs, keys, rowed)
        yield from _row_lists_out_of_order(record, name, items, docs, keys, rowed)
        for i, item in enumerate(items):
            if any(can[keys[i]] for can in rowed):
                continue
            path = fields.parse_dotted(name) + (i,)
            shown = ", ".join(f"{k} {v!r}" for k, v in item.items() if isinstance(v, str) and k in columns)
            yield record.problem(
                path,
                "E512",
                f"{fields.dotted(path)}: no row of the source gives {shown} together "
                f"({item.get(label, '')!r} is listed with other values)",
            )
    yield from _values_out_of_order(record, sources)
    yield from _agents_out_of_order(record, sources)


def _in_order(texts: list[str], listed: list[str]) -> int | None:
    """The first of texts (by index) that stands before one above it in listed, a source's list; None when
    each stands in listed after the one before it. A text listed more than once takes its first place
    after the last text's (a keyword a study lists twice may be held where either stands); a text listed
    nowhere is skipped (E512 and E501 say what is wrong with it)."""
    places: dict[str, list[int]] = {}
    for n, text in enumerate(listed):
        places.setdefault(text, []).append(n)
    last = -1
    for i, text in enumerate(texts):
        could = places.get(text)
        if not could:
            continue
        after = [n for n in could if n >= last]
        if not after:
            return i
        last = min(after)
    return None


def _values_out_of_order(record: Record, sources: Sources) -> Iterator[Problem]:
    """E533: a list of values a source places one a place (its conditions, its keywords) held in another
    order than the source lists them: trials.csv joins them in source order, and the first condition a
    registry lists is the one it was filed under. Each value was held to its place (E512) and the whole
    list to the source's (E519), but in any order: the conditions of a study given in reverse passed. Of
    several sources listing them, one order that holds is enough (as for rows)."""
    for name in completeness.VALUE_LISTS:  # one value a place: their order is the source's too
        items = record.data.get(name)
        if not isinstance(items, list) or len(items) < 2:
            continue
        texts = [normalise(v) if isinstance(v, str) else "" for v in items]
        found: Problem | None = None
        for doc in sources.docs:
            if sources.about_other(doc):
                continue
            listed = [p.value or p.text for p in doc.places.get(name, []) if p.whole]
            if sum(1 for t in dict.fromkeys(texts) if t in listed) < 2:
                continue
            wrong = _in_order(texts, listed)
            if wrong is None:
                found = None
                break
            found = found or record.problem(
                (name, wrong),
                "E533",
                f"{name}.{wrong}: {items[wrong]!r} is listed after {items[wrong - 1]!r}, but {doc.file} lists "
                f"{name} in another order; keep the source's order",
            )
        if found is not None:
            yield found


# The lymphodepleting agents' vocabulary, which names each agent of the lymphodepletion in its words
_AGENTS = vocabulary.for_enum(tuple(vocabulary.TABLES["lymphodepleting agent"]))


def _agents_out_of_order(record: Record, sources: Sources) -> Iterator[Problem]:
    """E533: the lymphodepleting agents in another order than the words on the lymphodepletion name
    them (the schema's "in source order": trials.csv joins them so). Each agent is held to its own quote
    (E507, E508), the list to nothing: "fludarabine 30 mg/m²/day and cyclophosphamide 300 mg/m²/day"
    held as cyclophosphamide then fludarabine, each with its own quote, passed. An agent the words name
    twice may stand where either naming is (as _in_order reads a list), and of several sources naming
    them, one order that holds is enough."""
    agents = (record.data.get("lymphodepletion") or {}).get("agents") if isinstance(record.data, dict) else None
    if _AGENTS is None or not isinstance(agents, list) or len(agents) < 2:
        return
    terms = [str(a.get("agent", "")) if isinstance(a, dict) else "" for a in agents]
    found: Problem | None = None
    for doc in sources.docs:
        if sources.about_other(doc):
            continue
        placed = sources.passages(doc, ("lymphodepletion", "agents", "agent"))
        if placed is None:  # (anywhere: the sentences of the document on the lymphodepletion, as silence reads them)
            placed = prose.on_lymphodepletion([layouts.Passage(doc.text)])
        named = [value for p in placed for r in _AGENTS.places(p.text) if len(r.values) == 1 for value in r.values]
        if sum(1 for t in dict.fromkeys(terms) if t in named) < 2:
            continue
        wrong = _in_order(terms, named)
        if wrong is None:
            return
        found = found or record.problem(
            ("lymphodepletion", "agents", wrong, "agent"),
            "E533",
            f"lymphodepletion.agents.{wrong}: {terms[wrong]} is listed after {terms[wrong - 1]}, but {doc.file} "
            "names the lymphodepletion's agents in another order; keep the source's order",
        )
    if found is not None:
        yield found


def _row_lists_out_of_order(
    record: Record,
    name: str,
    items: list,
    docs: list[SourceDoc],
    keys: list[frozenset],
    rowed: list[dict[frozenset, list[int]]],
) -> Iterator[Problem]:
    """E533: an item's list of one of its row's columns (an arm's intervention_names, an intervention's
    other_names) in another order than its row lists them: an arm is its row with its interventions in
    any order (layouts.texts_are_row compares them as sets), and trials.csv gives them in the record's.
    Of the rows an item may be, one whose order it holds is enough."""
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        for key, value in item.items():
            if not isinstance(value, list) or len(value) < 2:
                continue
            texts = [normalise(v) if isinstance(v, str) else "" for v in value]
            # (a row's list column is a list of texts, though SourceDoc.rows types its values as texts)
            rows: list[dict[str, Any]] = [
                doc.rows[name][n] for doc, can in zip(docs, rowed) for n in can.get(keys[i], [])
            ]
            lists = [listed for row in rows if isinstance(listed := row.get(key), list)]
            if not lists or any(_in_order(texts, listed) is None for listed in lists):
                continue
            wrong = _in_order(texts, lists[0])
            assert wrong is not None
            yield record.problem(
                fields.parse_dotted(name) + (i, key, wrong),
                "E533",
                f"{name}.{i}.{key}.{wrong}: {value[wrong]!r} is listed after {value[wrong - 1]!r}, but its source's "
                "row lists them in another order; keep the source's order",
            )


def _rows_they_can_be(
    items: list, docs: list[SourceDoc], name: str, columns: set[str]
) -> tuple[list[frozenset], list[dict[frozenset, list[int]]]]:
    """Each item's texts as a key, and for each source the rows (by number, in order) each key can be:
    read once for E512 (an item no source's row is) and E533 (items out of their rows' order). Items
    written alike are looked up once (_texts_key)."""
    keys: list[frozenset] = []
    texts_of: dict[frozenset, dict[str, str | set[str]]] = {}
    for item in items:
        texts = layouts.row_texts(item, columns)
        keys.append(_texts_key(texts))
        texts_of.setdefault(keys[-1], texts)
    rowed = []
    for doc in docs:
        rows = Rows(doc.rows[name])
        rowed.append(
            {key: [k for k in rows.maybe(t) if layouts.texts_are_row(t, rows.rows[k])] for key, t in texts_of.items()}
        )
    return keys, rowed


def _out_of_order(
    record: Record,
    name: str,
    label: str,
    items: list,
    docs: list[SourceDoc],
    keys: list[frozenset],
    rowed: list[dict[frozenset, list[int]]],
) -> Iterator[Problem]:
    """E533: the items are not in the order of the rows a source lists them as. The data contract gives
    each list in source order (trials.csv joins them so), and a list's order is what its source says:
    IM19's related trials, the page's similarity picks in its order, passed in any order. Each item
    takes the first row from the last item's on that it can be (the earliest such row leaves the most
    for the items after it); an item no source row is is E512's and skipped. Of several sources listing the
    rows, one order that holds is enough (an older and a newer version of a registry record)."""
    found: Problem | None = None
    for doc, can in zip(docs, rowed):
        last, held, wrong, before = -1, 0, None, -1
        previous = -1  # the item whose row last is
        for i, key in enumerate(keys):
            could = can[key]
            if not could:
                continue
            held += 1
            after = [k for k in could if k >= last]  # (the last item's row again: a repeat, E522's or E303's)
            if not after:
                if wrong is None:
                    wrong, before = i, previous
                continue
            last, previous = min(after), i
        if held > 1 and wrong is None:
            return
        if wrong is not None and found is None:
            # both items named: the one out of place and the one the record lists before it that the
            # source lists after it (the message named only the first: which one to move was a guess)
            path = fields.parse_dotted(name) + (wrong,)
            other = fields.dotted(fields.parse_dotted(name) + (before,))
            found = record.problem(
                path,
                "E533",
                f"{fields.dotted(path)}: {label} {items[wrong].get(label, '')!r} is listed after {other}, "
                f"{label} {items[before].get(label, '')!r}, but {doc.file} lists it before that one; "
                f"keep the source's order",
            )
    if found is not None:
        yield found


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
        # (where the affiliation is read: the official's sentence and the one going on about them)
        lambda item: "affiliation",
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


# The lists a plain document's sentences give in an order of their own: its sites and its officials,
# each named where its sentence ties its texts (TIES)
PROSE_ORDERED = ("locations", "officials")


def _prose_out_of_order(record: Record, name: str, items: list, sources: Sources, tie: Tie) -> Iterator[Problem]:
    """E533: the items in another order than a plain document's sentences about the trial give them,
    each where a sentence ties its texts (its site's facility with its city, an official's name with
    their affiliation). No source gives them as rows, so _out_of_order held them to none: "sites:
    Peking University Third Hospital in Beijing, China and Ruijin Hospital in Shanghai, China" passed
    with Ruijin Hospital first, and trials.csv gives each list in source order. An item a sentence
    ties more than once may stand at any of them; one tied in no one sentence, or a site without its
    facility, is skipped, and of several documents one order that holds is enough."""
    if len(items) < 2:
        return
    path = fields.parse_dotted(name)
    found: Problem | None = None
    for doc in sources.docs:
        if doc.layout != layouts.PLAIN or sources.about_other(doc):
            continue
        read: dict[str, prose.Sentences] = {}  # a field -> its sentences about the trial in doc
        places: list[list[tuple[int, int]]] = []  # each item -> (sentence, offset) where one sentence ties it
        for i, item in enumerate(items):
            texts = tie.texts(item) if isinstance(item, dict) else None
            part = tie.part(item) if texts is not None else ""
            # (a site by its facility only: one by its city may be a part of another's words, E522's)
            if texts is None or not isinstance(item.get(part), str) or (name == "locations" and part != "facility"):
                places.append([])
                continue
            if part not in read:
                read[part] = prose.Sentences(sources.passages(doc, path + (i, part)) or [], tie.splitter)
            sentences, key = read[part], normalise(item[part])
            places.append(
                [
                    (n, m.start())  # (each place of its text there: two sites of one name, in two cities)
                    for n in sentences.holding(key)
                    if tie.holds(prose.Sentences([layouts.Passage(sentences.sentences[n])], tie.splitter), texts)
                    for m in re.finditer(re.escape(key), sentences.sentences[n])
                ]
            )
        if sum(1 for p in places if p) < 2:
            continue
        last, wrong = (-1, -1), None
        for i, could in enumerate(places):
            after = [p for p in could if p > last]
            if could and not after:
                wrong = i
                break
            last = min(after) if after else last
        if wrong is None:
            return
        before = max(j for j in range(wrong) if places[j])
        found = found or record.problem(
            path + (wrong,),
            "E533",
            f"{name}.{wrong}: {items[wrong].get(tie.part(items[wrong]), '')!r} is listed after {name}.{before}, "
            f"{items[before].get(tie.part(items[before]), '')!r}, but {doc.file} names it before that one; "
            "keep the source's order",
        )
    if found is not None:
        yield found


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
    columns = row_columns(docs, name)
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
        # the text that stands fewest times, most held: a set's order is the hash seed's, and the first
        # of them told one run "once" and the next "2 times" of the same record
        holding, stated = min(refused, key=lambda refusal: (refusal[1], -refusal[0]))
        path = fields.parse_dotted(name) + (i,)
        times = "once" if stated == 1 else f"{stated} times"
        yield record.problem(
            path,
            "E522",
            f"{fields.dotted(path)}: {label} {items[i].get(label, '')!r} again: its words stand {times} in the "
            f"cited sources, and {holding} items of the record that could be this one hold them",
        )


def _aliased(record: Record, name: str, label: str, items: list, sources: Sources) -> Iterator[Problem]:
    """E522 where no cited source states the list as rows: two items one of whose names stands in the
    sources only as the other's other name, in brackets right after it or with it in brackets right
    after ("CD19-CART(Relma-cel)": Relma-cel's title names one product by two names), are one item held
    twice; the later of them is refused. Relma-cel's record holding an intervention "CD19-CART" beside
    "Relma-cel" passed as two treatments: _repeated_words counts each name's words apart."""
    docs = [doc for doc in sources.docs if not sources.about_other(doc)]
    names = [
        normalise(item[label]) if isinstance(item, dict) and isinstance(item.get(label), str) else "" for item in items
    ]
    if len({n for n in names if n}) < 2:
        return
    again: dict[int, str] = {}  # each item held again -> the name of the item it is
    for i, own in enumerate(names):
        partners = _partners(own, names, docs) if own else set()
        for j, other in enumerate(names):
            if other in partners:
                again.setdefault(max(i, j), names[min(i, j)])
    for i in sorted(again):
        path = fields.parse_dotted(name) + (i,)
        yield record.problem(
            path,
            "E522",
            f"{fields.dotted(path)}: {label} {items[i].get(label, '')!r} again: the cited sources write "
            f"{names[i]!r} and {again[i]!r} as one name and its other, in brackets with it",
        )


_CLOSED = lazy(r"\s*\)")


def _partners(own: str, names: list[str], docs: list[SourceDoc]) -> set[str]:
    """The other names in names that own stands beside, in brackets right after it or with it in brackets
    right after, wherever the sources write it; empty where it stands anywhere otherwise (or nowhere)."""
    others = [re.escape(n) for n in set(names) if n and n != own]
    if not others:
        return set()
    after = re.compile(rf"\s*\(\s*({'|'.join(others)})\s*\)")
    before = re.compile(rf"({'|'.join(others)})\s*\(\s*\Z")
    found: set[str] = set()
    for doc in docs:
        for m in re.finditer(rf"(?<![\w-]){re.escape(own)}(?![\w-])", doc.text):
            pair = after.match(doc.text, m.end())
            if pair is None and _CLOSED.match(doc.text, m.end()):
                pair = before.search(doc.text, max(0, m.start() - 200), m.start())
            if pair is None:
                return set()
            found.add(pair.group(1))
    return found


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


def row_columns(docs: list[SourceDoc], name: str) -> set[str]:
    return {k for doc in docs for row in doc.rows[name] for k in row}
