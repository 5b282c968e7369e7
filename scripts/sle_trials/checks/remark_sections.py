"""E501: a run a curation note or an incomplete entry quotes, or names before a bracket listing sections ("Relma-cel (in
its title and summary)"), and places in a section of its source that the source writes in another section only.
IM19's note reads the two dates 'under "key timeline milestones" in Basic Information'; hunt 212 rewrote it to "in
Study Design", and Relma-cel's 'The source's summary says "early phase (Phase I)"' to "The source's Timeline says",
and each passed: the quote was held to the whole source (E501's quote reading), the section it is placed in to
nothing. A reader looks for the words where the note says they are.

And a section a note says is empty that writes more than its heading's blurb: IM19's "The source's Conditions, Brief
Summary and Detailed Description sections are empty." given Study Design, which gives the trial's design (hunt 212).

A section is one of a known layout's headings (a ClinConnect page's, a registry copy's), named whole or by its last
word where no other heading of the layout ends so ("summary": "ClinConnect Summary"). A run the source does not write
at all is the quote reading's to refuse; a name no heading has is left unread. The sections of a source are read once
a run, kept with the document (SourceDoc.reading).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, said_by_comments, said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading import pages
from sle_trials.reading.clinconnect import CLINCONNECT_HEADINGS
from sle_trials.reading.layouts import TEXT, SourceDoc, normalise
from sle_trials.reading.lexicon import date_mentions
from sle_trials.reading.registry_copy import BLURB, REGISTRY_COPY_HEADINGS

# the headings of each layout whose sections are read (SourceDoc.layout)
HEADINGS = {"clinconnect": CLINCONNECT_HEADINGS, "registry_copy": REGISTRY_COPY_HEADINGS}

_NAME = r"(?P<name>[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,3})"
# a section named right after a quote ('"key timeline milestones" in Basic Information', '... in its Timeline
# section')
_IN_A_SECTION = lazy(rf"[,]?[ \t]+(?:in|under)[ \t]+(?:the[ \t]+source['\u2019]s[ \t]+|its[ \t]+|the[ \t]+)?{_NAME}")
# a section said to write the quote that follows ('The source's summary says "..."', 'Its Timeline section reads')
# ... or "The Timeline section reads" (hunt 214: Relma-cel's 'The source reads "Launched by ..."' given it passed),
# "the" naming a section only with the word "section" ("The source reads" is the whole source's)
_A_SECTION_SAYS = lazy(
    r"(?i)(?:(?:\bthe[ \t]+source['\u2019]s|\bits)[ \t]+(?P<name>[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,3}?)"
    r"(?:[ \t]+section)?|\bthe[ \t]+(?P<the>[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,3}?)[ \t]+section)"
    # (a section named in the plural says with its verb's plural: 'The source's eligibility criteria say "early
    # phase (Phase I)"' passed, hunt 220)
    r"(?:[ \t]+(?:says?|reads?|writes?|gives?|lists?|states?|shows?|has|have)[ \t]+(?:only[ \t]+|as[ \t]+)?"
    # ... or the quote is the section's by a possessive: 'Its Timeline's "0 patients applied"' passed (hunt 220's
    # leftover), the section named before it
    r"|(?P<owned>['\u2019]s)[ \t]+)\Z"
)
# a denial before a quote in its clause: 'The source does not write "6 participants" in Study Design' places it
# nowhere (hunt 213's honest IM19 note, refused before)
_DENIED_BEFORE = lazy(r"(?i)(?:\b(?:not|never|nor|without)\b|n't\b)[^.;:,!?]*\Z")

# a name a note says its source writes in the sections it lists, in a bracket right after it ("names the treatment
# Relma-cel (in its title and summary)"): hunt 212 added "keywords" to Relma-cel's list, whose keywords write "Relma
# Cel", and it passed
# ... and one said written there alone ("(in its title only)", "(only in its title)", "(in its summary alone)") or not
# in another ("(in its title but not its summary)"): each passed of Relma-cel's, whose page writes it in both (hunt
# 216's leftover), the bracket's sections being read as places it is written, never as the only ones
_IN_SECTIONS = lazy(
    r"(?P<run>\w[\w.-]*\w)[ \t]+\((?P<only>only[ \t]+)?(?:in|under)[ \t]+(?:its|the[ \t]+source['\u2019]s)[ \t]+"
    r"(?P<names>[^()]+?)(?P<alone>[ \t]+(?:only|alone))?\)"
)
_BUT_NOT = lazy(r"(?i)[ \t,]+but[ \t]+not[ \t]+(?:in[ \t]+)?(?:its[ \t]+|the[ \t]+)?")
_LISTED = lazy(r",[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")
# (a listed section's own words, its determiner and the word "section" aside: "(in its title and its Timeline
# section)" passed, hunt 220, "its Timeline section" naming no heading)
_SECTION_WORDS = lazy(r"(?i)^(?:(?:its|the[ \t]+source['\u2019]s|the)[ \t]+)?(?P<name>.*?)(?:[ \t]+sections?)?$")
# a run a note gives in a bracket after what it counts or names, placed in a section: "lists one location (Shanghai,
# China) under Trial Officials", "The source's Trial Officials section lists one location (Shanghai, China)" (hunt
# 216: each passed, a bracket's run being placed nowhere); a bracket's whole run, as a quote's
_BRACKETED = lazy(r"\((?P<run>[^()\"\u201c\u201d]{3,80})\)")
_A_SECTION_LISTS = lazy(
    r"(?i)(?:\bthe[ \t]+source['\u2019]s|\bits)[ \t]+(?P<name>[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,3}?)"
    r"(?:[ \t]+section)?[ \t]+(?:lists?|gives?|names?|writes?|shows?|has|have)[ \t]+(?:[\w-]+[ \t]+){0,3}\Z"
)
TITLE = "title"  # (the page's title: a section of no heading, its brief_title's place)
# sections a note says are empty ("The source's Conditions, Brief Summary and Detailed Description sections are
# empty"): hunt 212 put Study Design, which gives the trial's design, in IM19's list, and it passed; hunt 214 made
# them "not empty" (each writes its blurb alone), and that passed too
_EMPTY = lazy(
    r"(?i)(?:\bthe[ \t]+source['\u2019]s|\bits)[ \t]+(?P<names>[A-Za-z][\w ,-]*?)[ \t]+sections?[ \t]+(?:is|are)[ \t]+"
    r"(?P<denied>not[ \t]+)?(?:all[ \t]+|both[ \t]+)?(?:empty|blank)\b(?:[ \t]+of[ \t]+(?P<of>\w+))?"
)
# ... and the sections said empty as they are, after ("..., as is its Eligibility section", "... empty. So is Study
# Design"): each passed of IM19's, whose two write the criteria and the design (hunt 220's leftover)
_ALSO_EMPTY = lazy(
    r"(?i)(?:[ \t]*[,;][ \t]*(?:and[ \t]+)?|[.][ \t]+)(?:as|so)[ \t]+(?:is|are)[ \t]+"
    r"(?:(?:its|the[ \t]+source['\u2019]s|the)[ \t]+)?(?P<names>[A-Za-z][\w ,-]*?)(?:[ \t]+sections?)?"
    r"[ \t]*(?:[.;,)]|\Z)"
)
# what a section may be said to be empty of and still write other things: "The source's Study Design section is
# empty of dates" (IM19's, which writes the design and no date: refused as emptiness, hunt 213's leftover). A
# section said empty of another thing is held to be empty, as before.
_DATES = frozenset({"dates", "date"})

RULE = "a remark says of a section of its source only what the section writes: the runs it places there, its emptiness"


def check_remark_sections(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: each run a remark quotes and places in a section of a cited source (its heading named) that the source
    writes, but not in that section."""
    docs = [doc for doc in sources.docs if doc.unread is None and doc.layout in HEADINGS and doc.form == TEXT]
    if not docs:
        return iter(())
    return said_by_remarks(record, "E501", lambda text: _misplaced(text, docs), RULE)


# what a remark or a comment says its source lists the trial as ("# Stub: only what the IM19 record's source says of
# this trial, listed there as related"): a stub's comment made "listed there as sponsored" passed (hunt 214's
# leftover), which no section of the source lists it as
_LISTED_AS = lazy(
    r"(?i)\blisted[ \t]+(?:there|in[ \t]+it|on[ \t]+it|by[ \t]+it)[ \t]+(?:as|among)[ \t]+"
    r"(?:an?[ \t]+|the[ \t]+|its[ \t]+)?(?P<role>[A-Za-z][\w-]*)"
)
_RULE_OF_LISTING = "a remark says a source lists the trial as what a section of it writing the trial's id is headed"
_RULE_OF_PLACE = "a remark says a source lists the trial where a section of it writing the trial's id does"


def check_comment_sections(record: Record, sources: Sources, schema: dict) -> Iterator[Problem]:
    """E501: what a comment or a remark says a cited source lists the trial as that no section of it writing the
    trial's id is headed (its "Related Clinical Trials": "related")."""
    docs = [doc for doc in sources.docs if doc.unread is None and doc.layout in HEADINGS and doc.form == TEXT]
    nct_id = record.data.get("nct_id")
    if not docs or not isinstance(nct_id, str):
        return
    yield from said_by_comments(record, schema, "E501", lambda text: _listed_as(text, nct_id, docs), _RULE_OF_LISTING)
    yield from said_by_remarks(record, "E501", lambda text: _listed_as(text, nct_id, docs), _RULE_OF_LISTING)
    yield from said_by_comments(record, schema, "E501", lambda text: _listed_at(text, nct_id, docs), _RULE_OF_PLACE)
    yield from said_by_remarks(record, "E501", lambda text: _listed_at(text, nct_id, docs), _RULE_OF_PLACE)


# ... and where it says the source lists the trial among the others: "listed there last" (a stub's comment so made
# passed of NCT06886919, IM19's page listing it first, hunt 224's leftover); its place among the trial ids of a
# section writing its id
_LISTED_AT = lazy(
    r"(?i)\blisted[ \t]+(?:there[ \t]+|in[ \t]+it[ \t]+|on[ \t]+it[ \t]+)?(?P<not>not[ \t]+)?(?:(?P<first>first)|last|"
    r"(?P<nth>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\b"
)
_NTH = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_TRIAL_ID = lazy(r"\bNCT\d{8}\b")


def _listed_at(text: str, nct_id: str, docs: list[SourceDoc]) -> Iterator[str]:
    """Each place among a section's trial ids text says a source lists the trial at (_LISTED_AT) that no section
    writing its id lists it at ("not" turning it)."""
    for m in _LISTED_AT.finditer(normalise(text)):
        places = set()
        for doc in docs:
            for words, _ in sections_of(doc).values():
                ids = list(dict.fromkeys(_TRIAL_ID.findall(words)))
                if nct_id in ids:
                    k = ids.index(nct_id) + 1
                    places.add((k, k == len(ids)))
        if not places:
            continue
        if m.group("first"):
            at = any(k == 1 for k, _ in places)
        elif m.group("nth"):
            at = any(k == _NTH[m.group("nth").lower()] for k, _ in places)
        else:
            at = any(last for _, last in places)
        if at == bool(m.group("not")):
            said = " ".join(m.group().split()).removeprefix("listed ")
            yield f"says its source lists the trial {said!r}, which no section writing its id does"


def _listed_as(text: str, nct_id: str, docs: list[SourceDoc]) -> Iterator[str]:
    """What text says a source lists the trial as that no heading of a section writing its id has for a word."""
    for m in _LISTED_AS.finditer(normalise(text)):
        role = m.group("role").casefold()
        headed = [
            heading.casefold().split()
            for doc in docs
            for heading, (words, _) in sections_of(doc).items()
            if nct_id in words
        ]
        if headed and not any(role.removesuffix("s") in (w.removesuffix("s") for w in words) for words in headed):
            yield f"says its source lists the trial as {m.group('role')!r}, which no section writing its id is headed"


def _section_words(listed: str) -> str:
    """A section a bracket lists, as its own words: its determiner and the word "section" aside."""
    return _SECTION_WORDS.match(listed).group("name")  # type: ignore[union-attr]  # (it matches any run)


def _misplaced(text: str, docs: list[SourceDoc]) -> Iterator[str]:
    """What text says of each run it quotes, or names before a bracket of sections, in a named section that no
    source writes there but one writes."""
    for m in QUOTED.finditer(text):
        quote = _plain(m.group(1) or m.group(2) or "")
        after = None if _DENIED_BEFORE.search(text, 0, m.start()) else _IN_A_SECTION.match(text, m.end())
        before = _A_SECTION_SAYS.search(text, 0, m.start())
        for said in (after, before):
            if said is None or not quote:
                continue
            name = said.group("name") or said.group("the")
            if said is before and said.group("owned") and any(heading_named(doc, name) == TITLE for doc in docs):
                continue  # ('its title's "Anti-CD19"': the trial's title, which a stub's source writes elsewhere)
            # (a capitalised name by its first word too, as a heading is named: '"key timeline milestones" in
            # Eligibility' of IM19's Eligibility Criteria passed, hunt 224)
            yield from _unwritten(quote, name, docs, first_word=name[:1].isupper())
    for m in _BRACKETED.finditer(text):
        after = None if _DENIED_BEFORE.search(text, 0, m.start()) else _IN_A_SECTION.match(text, m.end())
        for said in (after, _A_SECTION_LISTS.search(text, 0, m.start())):
            if said is not None:
                yield from _unwritten(_plain(m.group("run")), said.group("name"), docs)
    for m in _IN_SECTIONS.finditer(text):
        within, _, denied = _BUT_NOT.sub("\0", m.group("names").strip()).partition("\0")
        names = [_section_words(listed) for listed in _LISTED.split(within)]
        for name in names:
            yield from _unwritten(_plain(m.group("run")), name, docs)
        if m.group("only") or m.group("alone"):
            yield from _written_elsewhere(_plain(m.group("run")), names, docs)
        for name in [_section_words(listed) for listed in _LISTED.split(denied)] if denied else []:
            yield from _written_in(_plain(m.group("run")), name, docs)
    for m in _EMPTY.finditer(text):
        for name in _LISTED.split(m.group("names").strip()) + _also_empty(text, m.end()):
            placed = [
                (doc, heading) for doc in docs if (heading := heading_named(doc, name, True)) and heading != TITLE
            ]
            filled = [sections_of(doc)[heading][1] for doc, heading in placed]
            if m.group("of") and m.group("of").casefold() in _DATES:
                dated = [_writes_a_date(sections_of(doc)[heading][0]) for doc, heading in placed]
                if placed and not m.group("denied") and all(dated):
                    yield f"says its source's {placed[0][1]} section is empty of dates, which writes one"
            elif placed and not m.group("denied") and all(filled):
                yield f"says its source's {placed[0][1]} section is empty, which writes more than its heading's blurb"
            elif placed and m.group("denied") and not any(filled) and not m.group("of"):  # ("not empty of blurbs":
                # hunt 212's honest twin, of what they hold)
                yield f"says its source's {placed[0][1]} section is not empty, which writes its heading's blurb alone"


def _also_empty(text: str, end: int) -> list[str]:
    """The sections text says, right after a list of them said empty (or not) that ends at end, are as they are."""
    m = _ALSO_EMPTY.match(text, end)
    return [_section_words(name) for name in _LISTED.split(m.group("names").strip())] if m else []


def _writes_a_date(text: str) -> bool:
    """Whether text writes a date: one to its month at least, or one in digits alone."""
    return any("-" in d.value for d in date_mentions.dates(text)) or bool(date_mentions.numeric_dates(text))


def _unwritten(run: str, name: str, docs: list[SourceDoc], first_word: bool = False) -> Iterator[str]:
    """That run is placed in the section name names (first_word: heading_named's) where no source writes it there but
    one writes it."""
    placed = [(doc, heading) for doc in docs if (heading := heading_named(doc, name, first_word))]
    if placed and not any(run.casefold() in sections_of(doc)[heading][0].casefold() for doc, heading in placed):
        if any(run.casefold() in _plain(doc.text).casefold() for doc, _ in placed):
            where = " or ".join(dict.fromkeys(heading for _, heading in placed))
            yield f'places "{run}" in its source\'s {where} section, which does not write it there'


def _written_elsewhere(run: str, names: list[str], docs: list[SourceDoc]) -> Iterator[str]:
    """That run is said written in the sections names name alone where a source writes it in another section."""
    for doc in docs:
        named = [heading_named(doc, name) for name in names]
        if None in named:
            return  # (a section no heading has: the claim is not read)
        sections = sections_of(doc).items()
        other = [h for h, (words, _) in sections if h not in named and run.casefold() in words.casefold()]
        if other:
            only = " and ".join(str(h) for h in named)
            yield f'says its source writes "{run}" only in its {only}, which writes it in its {other[0]} too'
            return


def _written_in(run: str, name: str, docs: list[SourceDoc]) -> Iterator[str]:
    """That run is said not written in the section name names where a source writes it there."""
    for doc in docs:
        heading = heading_named(doc, name)
        if heading is not None and run.casefold() in sections_of(doc)[heading][0].casefold():
            yield f'says its source does not write "{run}" in its {heading}, which writes it there'
            return


def heading_named(doc: SourceDoc, name: str, first_word: bool = False) -> str | None:
    """The heading of doc's layout that name (its words, longest first) names: whole, or by its last word where
    only one heading ends with it (or, first_word, by its first where only one heading starts with it: a name said a
    section's, "its Eligibility section"); None where it names none."""
    headings = (*HEADINGS[doc.layout], TITLE)
    words = name.split()
    for n in range(len(words), 0, -1):
        said = " ".join(words[:n]).casefold()
        whole = [h for h in headings if h.casefold() == said]
        ending = [h for h in headings if h.casefold().split()[-1] == said]
        starting = [h for h in headings if first_word and h.casefold().split()[0] == said]
        if whole or len(ending) == 1:
            return (whole or ending)[0]
        if len(starting) == 1:
            return starting[0]
    return None


def sections_of(doc: SourceDoc) -> dict[str, tuple[str, bool]]:
    """Each heading of doc's layout -> the words of its sections (its lines to the next heading), and whether they
    write more than a heading's blurb (a registry copy's "Get a concise snapshot of the trial, ..."), read once."""
    return doc.reading(("sections by heading",), lambda: _read_sections(doc))


def _read_sections(doc: SourceDoc) -> dict[str, tuple[str, bool]]:
    lines = [normalise(line) for line in (doc.raw or b"").decode("utf-8", "replace").splitlines()]
    headings = set(HEADINGS[doc.layout])
    texts, filled = dict.fromkeys(headings, ""), set()
    for name, _, body in pages.sections(lines, lambda line: line if line in headings else None):
        if name:
            texts[name] += " " + _plain(" ".join(body))
            if body[1 if body and BLURB.match(body[0]) and name != "Study Results" else 0 :]:
                filled.add(name)
    found = {name: (text, name in filled) for name, text in texts.items()}
    found[TITLE] = (_plain(" ".join(passage.text for passage in doc.places.get("brief_title", []))), True)
    return found


def _plain(text: str) -> str:
    """text as a quote and a section are compared: normalised, a markdown escape's backslash and spacing aside."""
    return " ".join(normalise(text).replace("\\", "").split())
