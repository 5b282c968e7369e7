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
  (binding/: E505, E507-E510, E513);
- a list's items are rows of a cited source, each held no more times than it lists them (rows.py:
  E512, E522);
- a record marked complete holds its sources' criteria lists whole (completeness.py: E511, E514);
  a criterion of a record of any status is none a source of no layout writes only under the other
  list's heading (criteria_lists.py, reading/list_sides.py: E512);
- fields declared silent or not yet curated are absent, and one that does not apply to the study's
  type is not declared silent (E506); a field declared silent is not one a source states at its
  place (silence.py: E523);
- what the curation block says of the sources is what they are, and a cited web page whose style may
  hide what only a browser tells (markup.read), or a source its reader opens otherwise than as that
  text (reading/opening.py), is read as no text, and the record is told why (curation.py: E516, E531);
- a value read from one part's criteria is not the trial's (parts.py: E507, E508);
- a curation note or incomplete entry is on a field and an item the record holds (E503), and the words it
  quotes and the facts it states are its sources' or the record's (remarks.py: E501).
Text is compared after normalising Unicode (NFKC), white space and markdown backslash escapes
(layouts.normalise), so `1×10\\^6` in a scraped page matches `1×10^6` in the record. A miss shows
the closest source passage (nearest.py).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from sle_trials import fields
from sle_trials.checks import (
    binding,
    completeness,
    criteria_lists,
    curation,
    parts,
    remark_absence,
    remark_ages,
    remark_categories,
    remark_conditions,
    remark_dates,
    remark_garbled,
    remark_keys,
    remark_labels,
    remark_layout,
    remark_lists,
    remark_mentions,
    remark_names,
    remark_numbering,
    remark_order,
    remark_owners,
    remark_parts,
    remark_population,
    remark_prose,
    remark_rules,
    remark_schedule,
    remark_sections,
    remark_silence,
    remark_sources,
    remark_spelled,
    remark_thresholds,
    remark_windows,
    remarks,
    silence,
    thresholds,
)
from sle_trials.checks.binding.context import Context
from sle_trials.checks.documents import Memory, Sources
from sle_trials.checks.load import Record, as_of_dates
from sle_trials.checks.rows import ITEM_NAMES, check_rows, row_columns
from sle_trials.patterns import lazy
from sle_trials.problem import Check, Problem
from sle_trials.reading import edges, layouts, phrases, retracted, sentence_case, spacing, study_ids, vocabulary
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import (
    date_mentions,
    dosing,
    run_memory,
)

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check(
        "E501",
        "text-not-in-source",
        "verbatim text that does not occur in the cited source, or a unit written with characters or spacing no "
        "cited source writes it with, or words a curation note or incomplete entry quotes that no cited source has, "
        "or a date, a quantity with its unit, a dose, a score or a count one or a comment of the record's file states "
        "in its own words that no cited source writes (of this trial, for a stub listed on another's page) and the "
        "record does not hold, or that a criterion it names does not write, or a code it says "
        "is recorded that the record does not hold, or a date of the record it says a source's date was read as "
        "that the record does not hold so, or a count it gives of what it lists that is not the number listed, or a "
        "rule of reading it says the record's limits follow that one of them does not, or a name one or a comment of "
        "the record's file writes (a place, a hospital, a product, its international name in lower case too, a "
        "section of its source, a target antigen or a domain) that no cited source writes and the record does not "
        "hold, or one it gives a part in the trial (its sponsor, its site, its responsible party) that the record "
        "does not give that part or no source states of the trial, or a coded value it gives in prose (a product's "
        "origin, the sex a trial enrols, its status, design, lymphodepletion's agents, route or a dose's basis) that "
        "the record and its sources do not, or a value or a count it gives a key of a registry study it cites that "
        "the study does not give at that key, or a run it quotes and says the record keeps as written that its field "
        "does not hold (or corrects or drops that its field holds as written), or a source file it or a comment "
        "names that the record does not cite, or a kind it says a source is that no source the record cites is, or "
        "an age group it says the trial enrols (children, older "
        "adults) that the record's age range leaves out, or a run it quotes or names and places in a section of its "
        "source that the source writes elsewhere only, or a section it says is empty (or not empty) that is not, or "
        "how many times it says the product is given where no cited source writes that count, or a count it says "
        "its source's words give that no cited source writes, or a field it says a source gives that the record "
        "declares silent, or a field it says a source or a section of it gives none of that it gives (dates a "
        "section writes, the record's value read from it), or a limit it says is recorded as a threshold that no "
        "threshold holds, or a kind of condition or treatment (an organ system, a drug class) it says a criterion "
        "it names is about that the criterion never names, or a value it says its source labels (or leaves "
        "unlabelled) that each line of the source writing it writes otherwise, or a source it says writes what it "
        "quotes (another source, ClinicalTrials.gov, the sponsor's page) that the record does not cite, or a "
        "listing a site makes of its own (a copy's related trials, a trial finder's applicants) it gives to the "
        "sponsor, the registry or the trial, or a disease or a state of it it says the trial is in that the record's "
        "titles, conditions and summaries do not write, or a spelling it says its source gives a party or a place "
        "(the facility, the sponsor) that the field for it does not hold, or per-kilogram wording it says a quote "
        "has or lacks that the quote does not bear out, or an order it says a criterion writes two of its things in "
        "that the criterion writes the other way round (or dates and a field its source writes)",
    ),
    Check("E502", "quote-not-in-source", "an evidence quote that does not occur in the cited source"),
    Check(
        "E503",
        "evidence-for-unknown-field",
        "evidence for a field the record does not have, or a curation note or incomplete entry on no field of a "
        "record or on an item the record does not hold, or an incomplete entry on a field declared silent",
    ),
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
        "E534",
        "superseded-value",
        "a value or quote that stands only in a source a newer cited version of the same record (a document of "
        "the same layout about the trial, of a later as_of) supersedes, which states that field otherwise, or "
        "no longer states it while stating every other field the older one states",
    ),
    Check(
        "E530",
        "too-much-to-search",
        "a record whose texts times its cited sources' characters exceed what one record may cost to check "
        "(MAX_SEARCHED), or whose quotes stand in more places of them than its readings may read around "
        "(binding.context.PLACES_READ): refused unchecked against them, never passed",
    ),
)


# Each of a record's texts is searched for through each cited source (some 3 ns a character): a
# record of 20,000 short texts citing a 31 MiB source took many minutes. A record's distinct texts
# (its values and quotes) times its sources' characters may be at most this, some seconds of
# searching: a registry record of a few hundred values citing a study of a few hundred KiB is 10**8
# or less.
MAX_SEARCHED = 1_000_000_000
_NCT = lazy(r"NCT[0-9]{8}")


def check_nct_id(record: Record, sources: Sources) -> Iterator[Problem]:
    """A record's nct_id is named by a cited source: a mistyped id cannot get a record of its own."""
    nct = record.data["nct_id"]
    if sources.named:
        return
    named = sorted({m.group(0) for doc in sources.docs for m in _NCT.finditer(doc.text)})
    close = difflib.get_close_matches(nct, named, n=1, cutoff=0.7)
    hint = f"; did you mean {close[0]}?" if close else "; cite the source that names this trial"
    yield record.problem(("nct_id",), "E515", f"nct_id {nct} is not named by any cited source{hint}")


def _copied_from_a_sentence(path: fields.Path_) -> bool:
    """Whether path is a threshold's measure or one of its conditions: words a curator may give with their first
    letter recased (sentence_case)."""
    if path[:2] != ("eligibility", "thresholds"):
        return False
    return (len(path) == 4 and path[3] == "measure") or (len(path) == 5 and path[3] == "conditions")


def check_verbatim(record: Record, schema: dict, sources: Sources) -> Iterator[Problem]:
    # (field, text, its party's role) -> _taken_back, read once a field, text and role
    taken: dict[tuple[fields.Path_, str, str], bool] = {}
    for path, value, holder in fields.verbatim_texts(record.data, schema):
        verdict = sources.verdict(path, value, whole=True)
        recased = sentence_case.recased_first(value) if _copied_from_a_sentence(path) else None
        if verdict.found == "missing" and recased is not None:  # its first letter recased (sentence_case)
            verdict_recased = sources.verdict(path, recased, whole=True)
            if verdict_recased.found != "missing":
                value, verdict = recased, verdict_recased
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
        key = (fields.unindexed(path), normalise(value), _party_role(record.data, path))
        if key not in taken:
            taken[key] = _taken_back(sources, path, key[1], key[2])
        if taken[key]:
            yield record.problem(
                path,
                "E501",
                f"{fields.dotted(path)}: the text stands in its source only where the words right around it "
                "take it back (cancelled, withdrawn, not applicable, formerly, replaced, only planned or on a "
                "condition); it is none of the trial's",
            )
            continue
        other = _given_as_other(sources, path, key[1])
        if other is not None:
            yield record.problem(
                path,
                "E512",
                f"{fields.dotted(path)}: the source gives this number only as {other.name}, in the words "
                "right around it, not as "
                + ("the sponsor's own study id of this trial" if path[-1] == "org_study_id" else "an id of this trial"),
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
        newer = sources.superseded(path, value, whole=True)
        if newer is not None:
            yield record.problem(
                path,
                "E534",
                f"{fields.dotted(path)}: the text stands only in an older version of the record, and {newer}, "
                "a newer one cited, states this field otherwise (or no longer states it); take it from the newest",
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
    yield from criteria_lists.check_criteria_items(record, sources)
    yield from criteria_lists.check_list_sides(record, sources)


# How many places of a text in its sources _taken_back reads: past them, every one read taken back, the
# text is read as taken back (a source that takes a name back thousands of times is refused, not read on)
TAKEN_BACK_PLACES = 1_000


# The fields whose texts are parts of an entry a source writes with commas: a site's facility, city,
# region and country ("Shanghai, China (withdrawn)" withdraws the site Shanghai), an organisation's
# name and its suffix or address ("Acme Biotech, Inc. (withdrawn)"), a person's name and degree
_ENTRIES = frozenset({"locations", "sponsor", "responsible_party", "officials"})
# ... of them, a sponsor's and an official's: "(stepped down)", "(sponsorship transferred to Beta Corp)"
_PARTIES = frozenset({"sponsor", "responsible_party", "officials"})
# The texts besides the entries that words saying they are only planned take back: a condition ("Lupus
# Nephritis (planned)" is no condition the trial studies yet). Not an outcome, which a registry lists as
# planned ("Planned outcome measures"), nor a title.
_PLANNED_NOT_YET = frozenset({"conditions"})
# ... and the texts that words saying they were dropped take back, of those a plan does not: "SRI-4
# response at week 24 (dropped)", "rituximab (dropped)", "Arm B, later discontinued" (a condition's and an
# entry's are read with planned)
_DROPPED = frozenset({"outcomes", "interventions", "arms"})


def _taken_back(sources: Sources, path: fields.Path_, needle: str, role: str) -> bool:
    """Whether every place the cited sources give needle (a verbatim text, normalised), where they state
    the field at path, takes it back by the words right around it (retracted.taken_back): "Sponsor: Acme
    Biotech (withdrawn)", "Condition: formerly Lupus Nephritis", "~~Lupus Nephritis~~ SLE" each gave the
    record a sponsor or a condition the source withdraws; so did "Location: Shanghai, China (withdrawn)"
    a site's city, by the words after its entry's last part (_ENTRIES), and "Location: Shanghai, China
    (site closed)", words that say a site is out of the trial. An entry's text has no estimate of its
    own, and words saying it is only planned take it back ("Sponsor: Acme Bio (proposed)"); a
    sponsor's or an official's, words saying they left ("(stepped down)", _PARTIES) or hold its role
    (role: _party_role) no more ("(former PI)"), or end it at a date the source's as-of date does not
    show it held to (date_mentions.held_before). A criterion's text is its whole item, read by binding."""
    if path[0] == "eligibility" or path[0] in fields.BOOKKEEPING:
        return False
    read = 0
    as_of = as_of_dates(sources.record.data)
    party = retracted.party(role) if path[0] in _PARTIES else None
    for doc in sources.docs:
        held = date_mentions.held_before(as_of.get(doc.file, ""))
        placed = sources.passages(doc, path)
        for text in [doc.text] if placed is None else [p.text for p in placed]:
            for at in edges.occurrences(text, needle):
                # (an entry's, also where the document writes it: its passage may end at its sentence,
                # an official's, or be cut inside its bracket, a site's)
                whole = _in_whole(doc.text, text, at, needle) if path[0] in _ENTRIES and placed is not None else None
                if not _taken_back_at(text, at, needle, path, party, held) and not (
                    whole is not None and _taken_back_at(doc.text, whole, needle, path, party, held)
                ):
                    return False
                read += 1
                if read >= TAKEN_BACK_PLACES:
                    return True
    return read > 0


def _given_as_other(sources: Sources, path: fields.Path_, needle: str) -> study_ids.Kind | None:
    """What else than the trial's own id the cited sources give an identifier (needle, normalised) as,
    at every place they give it where they state the field at path (study_ids.given_as): a grant's
    number, an ethics approval's, another study's ("Grant number: 2023YFC123456", "The pilot study
    (IM19-SLE-001)") each passed as the sponsor's study id. The sponsor's study id is its own kind
    alone; a secondary id may be a grant's, an ethics approval's, a regulator's or another registry's
    number of the trial (study_ids.Kind.secondary), never another study's, a version or a lot. None
    where some place gives it as the trial's, or says nothing of it, and where a layout places the
    field whole (a registry's own field says what the number is)."""
    if path[0] != "identifiers" or path[-1] not in ("org_study_id", "id"):
        return None
    own = path[-1] == "org_study_id"
    first: study_ids.Kind | None = None
    read = 0
    for doc in sources.docs:
        placed = sources.passages(doc, path)
        codes: frozenset[str] | None = None  # the product codes doc gives this trial, read where needed
        for passage in [layouts.Passage(doc.text, prose=doc.prose or "")] if placed is None else placed:
            if passage.whole:  # (a layout's field holds it whole: what the number is, the layout says)
                if needle in passage.text:
                    return None
                continue
            # (read with its lines' ends, where the text runs them on: a label ends at its line)
            lines = passage.prose if len(passage.prose or "") == len(passage.text) else passage.text
            for at in edges.occurrences(passage.text, needle):
                if edges.cut_at(passage.text, at, at + len(needle)) is not None:
                    continue  # (a part of another number: "IM19-SLE-001" of "IM19-SLE-0012")
                if codes is None:
                    codes = frozenset(sources.prose.own(doc).names[0])
                kind = study_ids.given_as(lines, at, at + len(needle), sources.nct_id, codes)
                if kind is None or kind is study_ids.OWN or (not own and kind.secondary):
                    return None
                first = first or kind
                read += 1
                if read >= TAKEN_BACK_PLACES:
                    return first
    return first


def _taken_back_at(
    text: str, at: int, needle: str, path: fields.Path_, party: retracted.Party | None, held: Callable[[str], bool]
) -> bool:
    """retracted.taken_back of needle at text[at], the field at path's: an entry's (_ENTRIES), a site's,
    a party's (_PARTIES: party, the words of its role, held to the source's as-of date)."""
    entry, site = path[0] in _ENTRIES, path[0] == "locations"
    # (an entry is no one's while it is only planned: "Sponsor: Acme Bio (proposed)"; nor is a condition
    # the trial's: "Lupus Nephritis (planned)")
    planned = entry or path[0] in _PLANNED_NOT_YET
    return retracted.taken_back(
        text, at, at + len(needle), entry=entry, site=site, planned=planned, party=party, held=held
    ) or (
        path[0] in _DROPPED
        and (
            retracted.dropped(text, at + len(needle))
            or retracted.may_be(text, at)
            or vocabulary.denied(text, at)
            or retracted.no_outcome(text, at + len(needle))
        )
    )


def _in_whole(whole: str, text: str, at: int, needle: str) -> int | None:
    """Where needle at text[at], of a passage read from a document's text whole (its lines joined by
    spaces, its sentences cut), stands in whole: found by the passage's words up to it and through it,
    once; None where they are not found so. An official's passage ends at the sentence naming them
    (prose._named_officials), and "Principal Investigator: Wang Li (MD, PhD; now retired)" or "...: Wang
    Li. She has since stepped down." kept the name without the words after it that take it back; a
    site's was cut inside its bracket, "Location: Shanghai, China (" of "... (former study centre)"."""
    lo = max(0, at - 60)
    words = text[lo : at + len(needle)].split()
    if lo > 0 and not text[lo - 1].isspace() and len(words) > len(needle.split()):
        words = words[1:]  # (a word cut by the window's start)
    found = list(re.finditer(r"\s+".join(re.escape(w) for w in words), whole))
    if len(found) != 1 or whole[found[0].end() - len(needle) : found[0].end()] != needle:
        return None
    return found[0].end() - len(needle)


def _party_role(data: dict[str, Any], path: fields.Path_) -> str:
    """What a source calls the role of the party at path (retracted.PARTY_ROLES): a sponsor's, "sponsor";
    an official's, the role the record gives it, or any official's where it gives none; a responsible
    party's, any party's (a sponsor or an investigator)."""
    if path[0] == "sponsor":
        return retracted.PARTY_ROLES["sponsor"]
    if path[0] == "officials" and len(path) > 1 and isinstance(path[1], int):
        officials = data.get("officials") or []
        given = officials[path[1]].get("role") if path[1] < len(officials) else None
        if given in retracted.PARTY_ROLES:
            return retracted.PARTY_ROLES[given]
        return retracted.PARTY_ROLE_OFFICIAL
    return retracted.PARTY_ROLE_ANY


# the words that introduce a name in running words ("a new treatment called Relma-cel"): none of it
_NAMING = lazy(r"(?i)^(?:called|named|dubbed|termed)\b|\b(?:called|named|dubbed|termed)$")


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


def check_units(record: Record, sources: Sources, scalars: Scalars) -> Iterator[Problem]:
    """E501: a unit (a threshold's, a cohort's dose's, a lymphodepleting agent's: a text, not an age's
    term) written with white space at an end, a run or a space no cited source writes (a no-break or a
    thin space, "mL/min/1.73  m²"), or a character NFKC reads as another that no cited source writes
    where it states the field (a full-width "／", a micro sign "µ" for the source's Greek "μ"). The
    unit is read by the lexicon's spellings, in NFKC and with its white space folded, so "mg/dL " and
    "CAR-T cells" with a no-break space bound as the source's unit and passed, and trials.csv, the
    exports and the site carried characters no source writes. (Its spelling otherwise is the
    lexicon's: "mg/day" of the source's "mg/ day", "points" of a score.)"""
    for path, value, node in scalars.all:
        if path[-1] != "unit" or "enum" in node or not isinstance(value, str):
            continue
        wrong = spacing.loose_end(value)
        if wrong is not None:
            wrong = f"{wrong}, which no one-line value holds"
        else:
            odd = sources.miswritten(path, value)
            if odd is not None and _written_in_parts(sources, path, value):
                odd = None
            wrong = None if odd is None else f"{odd}, and no cited source writes it so"
        if wrong is not None:
            yield record.problem(
                path,
                "E501",
                f"{fields.dotted(path)}: the unit {value!r} writes {wrong}; write it with the source's own "
                "characters, spaced as it spaces them",
            )


def _written_in_parts(sources: Sources, path: fields.Path_, unit: str) -> bool:
    """Whether each part of unit (between its slashes and spaces) is written with a cited source's own characters
    where it states the field, the unit's spacing being the source's: "cells/mm³" of a source's "<200/mm³", whose
    "mm³" the source writes so (the lexicon reads the unit as "/mm³"), was refused as a superscript no source
    writes, where "cells/mm3" passed. A part the source writes only otherwise (a full-width "ｍｍ³", a micro sign)
    is still refused."""
    if sources.misspaced(path, unit) is not None:
        return False
    parts = [part for part in re.split(r"[/ ]", unit) if part]
    return len(parts) > 1 and all(sources.miswritten(path, part) is None for part in parts)


# How many evidence keys for no field of a record are given the field they likely meant: a hostile
# record of thousands of them is not compared with all its fields thousands of times
NEAREST_FIELDS = 20


def _field_names(data: dict) -> list[str]:
    """Every field of a record that evidence may name (its keys, at every depth, and list items by
    their index), in its order: what a misspelt evidence key is compared with (_nearest_field)."""
    names: list[str] = []

    def walk(node: Any, path: fields.Path_) -> None:
        if path:
            names.append(fields.dotted(path))
        if isinstance(node, dict):
            for k, v in node.items():
                if path or k != "evidence":
                    walk(v, (*path, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, (*path, i))

    walk(data, ())
    return names


def _nearest_field(names: list[str], key: str) -> str:
    """ "; did you mean ...?" with the record's field nearest to key, a key the record has no field
    for: a misspelt key ("eligibility.minimum_ag") said only that, beside the E517s of the field it
    meant, which asked for evidence it had."""
    close = difflib.get_close_matches(key[:200], names, n=1)
    return f"; did you mean {close[0]}?" if close else ""


def check_evidence(
    record: Record, schema: dict, sources: Sources, reader: run_memory.Reader, scalars: Scalars | None = None
) -> Iterator[Problem]:
    """Each evidence key's quotes found where its sources state the field, and its value bound to them. A
    record whose quotes stand in more places than binding.context.PLACES_READ is refused E530 alone, unchecked:
    the problems of the keys read before the readings stopped (and the key they stopped at, which its
    message named) were those of the keys first in the mapping's order, and a record's problems hung on the
    order of its keys."""
    context = Context(
        record, schema, sources.docs, reader, passages=sources.passages, under_headings=sources.under_headings
    )
    found = list(_evidence_problems(record, schema, sources, scalars or Scalars(record, schema), context))
    if context.exhausted:
        found = [problem for problem in found if problem.code == "E530"]
    yield from found


def _evidence_as_found(
    record: Record, schema: dict, sources: Sources, reader: run_memory.Reader, scalars: Scalars | None = None
) -> Iterator[Problem]:
    """check_evidence's problems one by one, key by key, as they are found (Stage.found), and those of the keys
    read before the readings stop short beside its E530."""
    context = Context(
        record, schema, sources.docs, reader, passages=sources.passages, under_headings=sources.under_headings
    )
    yield from _evidence_problems(record, schema, sources, scalars or Scalars(record, schema), context)


def _evidence_problems(
    record: Record, schema: dict, sources: Sources, scalars: Scalars, context: Context
) -> Iterator[Problem]:
    """check_evidence's problems, key by key, up to an E530 where the readings stop short."""
    unknown, names = 0, None
    for key, quotes in record.data.get("evidence", {}).items():
        where = ("evidence", key)
        path = fields.parse_dotted(key)
        found, value = fields.get(record.data, path)
        if not found or path[0] == "evidence":
            unknown += 1
            if unknown <= NEAREST_FIELDS and names is None:
                names = _field_names(record.data)
            hint = _nearest_field(names, key) if unknown <= NEAREST_FIELDS and names is not None else ""
            yield record.problem(where, "E503", f"evidence for {key}: the record has no such field{hint}", key=True)
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
        if placed and (stale := _superseded(context, sources, path, value, quotes)) is not None:
            yield record.problem(
                where,
                "E534",
                f"evidence for {key}: the quote stands only in an older version of the record, and {stale}, a "
                "newer one cited, states this field otherwise (or no longer states it); take the value from the "
                "newest, and quote it",
                key=True,
            )
        elif placed and (astray := _out_of_row(record, sources, scalars, path, quotes)) is not None:
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
                    f"the record's quotes stand in more than {binding.context.PLACES_READ:,} places of its sources, "
                    "the most its readings may read around: it is not checked against its sources; quote "
                    "more of the words around its values, or cite the part of a large source about this trial",
                )
                return
            if not bound and (typed := _type_not_its_label(record, schema, sources, path, quotes)) is not None:
                bound.append(
                    record.problem(
                        typed,
                        "E507",
                        f"{fields.dotted(typed)}: the quote renders {fields.get(record.data, typed)[1]} not as the "
                        f"label of {_item_name(record, typed)!r}, but of another's or away from it; quote the words "
                        'that label the id with its type ("NIH grant: R01AR012345", "R01AR012345 (NIH)")',
                    )
                )
            yield from bound
    # the thresholds bound above, in the order their criteria state them where trials.csv reads it
    yield from thresholds.out_of_order(context)
    # and no two bound to one statement of their criterion (one limit written twice in other words)
    yield from thresholds.stated_twice(context)
    yield from parts.check(record, schema)


def _superseded(context: Context, sources: Sources, path: fields.Path_, value: Any, quotes: list[str]) -> str | None:
    """The newer cited version of the record that supersedes the one a quote of the field at path
    stands in (Sources.superseded), where what it states at the field's place does not bind the value:
    the registry changed it since (a value still stated so may keep its older quote: a registry copy's
    block quoted for the phase, whose status line changed). None otherwise."""
    for quote in quotes:
        newer = sources.superseded(path, quote, whole=False)
        if newer is None:
            continue
        doc = next(d for d in sources.docs if d.file == newer)
        current = [normalise(p.text) for p in sources.passages(doc, path) or []]
        if not current or any(True for _ in binding.bind(context, path, value, current)):
            return newer
    return None


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
    columns = row_columns(docs, name)
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
        # (the other agents of an enumeration "respectively" pairs with their doses are the other
        # items': "fludarabine and cyclophosphamide at 30 and 300 mg/m2/day, respectively" names each)
        named = set()
        for q in map(normalise, quotes):
            paired = dosing.respective_terms(q, vocab.places(q))
            others = {(r.start, r.end) for values, r in paired if values != {name}}
            named |= {v for p in vocab.places(q) if (p.start, p.end) not in others for v in p.values}
        return named == {name}
    return any(normalise(name) in normalise(q) for q in quotes)


def _type_not_its_label(
    record: Record, schema: dict, sources: Sources, path: fields.Path_, quotes: list[str]
) -> fields.Path_ | None:
    """The path of a secondary id's type that no quote for it (at the type, or at the item) renders as
    the id's label where a plain source gives it (study_ids.labelled_by): "Registry Identifier: ABC-123
    - an NIH grant was applied for", quoted "ABC-123 - an NIH", passed as ABC-123's type NIH. None where
    it does, and where a quote stands in a source whose layout places the items' rows (their binding
    reads them: a ClinicalTrials.gov study's secondaryIdInfos)."""
    if path[:2] != ("identifiers", "secondary_ids") or len(path) < 3 or not isinstance(path[2], int):
        return None
    if len(path) > 4 or (len(path) == 4 and path[3] != "type"):
        return None
    typed = (*path[:3], "type")
    item = fields.get(record.data, path[:3])[1]
    kind, number = (item.get("type"), item.get("id")) if isinstance(item, dict) else (None, None)
    vocab = vocabulary.for_enum(tuple(fields.node_at(schema, typed).get("enum", ())))
    if not isinstance(kind, str) or not isinstance(number, str) or vocab is None:
        return None
    number = normalise(number)
    for quote in map(normalise, quotes):
        if any(doc.layout != layouts.PLAIN and quote in doc.text for doc in sources.docs):
            return None
        renderings = [(r.start, r.end) for r in vocab.places(quote) if kind in r.values]
        if study_ids.labelled_by(quote, number, renderings):
            return None
    return typed


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
    memory = memory or Memory()
    with layouts.remembering(memory.shown):
        return list(problems(record, schema, root, memory, read))


def problems(
    record: Record, schema: dict, root: Path, memory: Memory | None = None, read: dict[str, str] | None = None
) -> Iterator[Problem]:
    """check()'s problems one at a time, each check run only when the ones before it are done: a
    caller that needs only whether some problem is found stops there and leaves the rest unrun."""
    for stage in stages(record, schema, root, memory, read):
        yield from stage.run()


class Stage(NamedTuple):
    """One of a record's evidence checks, ready to run: what it finds depends on the record, its
    sources and the run's memory alone, never on which stages ran before it. So a caller that needs
    only whether one of some codes is found may run first the stage likely to find it (the mutation
    tests' harness, which checks a record thousands of times over, each with one mistake)."""

    name: str
    run: Callable[[], Iterable[Problem]]
    # its problems one by one as they are found, where run() must see them all first (None: as run() gives them)
    as_found: Callable[[], Iterable[Problem]] | None = None

    def found(self) -> Iterable[Problem]:
        """The stage's problems as they are found, for a caller that stops at the first it needs: run()'s, but
        of the evidence stage those found before its readings stop short too, which run() leaves out beside
        its E530 (check_evidence). Stopping at the first wanted one, the harness binds a mistake's own keys
        alone: run() binds every key first (IM19's mutation tests took 22.9 s with it, 3.4 s with this)."""
        return (self.as_found or self.run)()


def stages(
    record: Record, schema: dict, root: Path, memory: Memory | None = None, read: dict[str, str] | None = None
) -> Iterator[Stage]:
    """The evidence checks of one schema-valid record, in the order check() runs them (problems());
    memory: what the run remembers (a fresh one when the caller keeps none); read, when given:
    filled with the sha256 of each cited source as the record's sources are read (its name -> hex),
    what the check cache binds a verdict to. The sources are read when the stages that need them
    are reached; a record too costly to search gives the E530 stage, and none after it."""
    memory = memory or Memory()
    scalars = Scalars(record, schema)  # walked once, when a check first reads them
    yield Stage("absent", lambda: check_absent(record, schema))
    yield Stage("unbound", lambda: check_unbound(record, schema, scalars))
    yield Stage("fields", lambda: completeness.check_fields(record, schema))
    yield Stage("remarks", lambda: remarks.check_remarks(record, schema))
    yield Stage("remark codes", lambda: remarks.check_remark_codes(record, schema))
    yield Stage("remark parts", lambda: remark_parts.check_remark_parts(record))
    yield Stage("comment parts", lambda: remark_parts.check_comment_parts(record, schema))
    yield Stage("remark dates", lambda: remark_dates.check_remark_dates(record))
    yield Stage("remark lists", lambda: remark_lists.check_remark_lists(record))
    yield Stage("comment lists", lambda: remark_lists.check_comment_lists(record, schema))
    yield Stage("remark rules", lambda: remark_rules.check_remark_rules(record))
    yield Stage("remark sources", lambda: remark_sources.check_remark_sources(record, schema))
    yield Stage("remark ages", lambda: remark_ages.check_remark_ages(record, schema))
    yield Stage("remark silence", lambda: remark_silence.check_remark_silence(record))
    yield Stage("remark thresholds", lambda: remark_thresholds.check_remark_thresholds(record))
    yield Stage("remark categories", lambda: remark_categories.check_remark_categories(record))
    yield Stage("remark listed", lambda: remark_categories.check_remark_listed(record))
    yield Stage("remark population", lambda: remark_population.check_remark_population(record, schema))
    yield Stage("remark spelled", lambda: remark_spelled.check_remark_spelled(record))
    yield Stage("remark numbering", lambda: remark_numbering.check_remark_numbering(record))
    yield Stage("remark windows", lambda: remark_windows.check_remark_windows(record))
    yield Stage("remark window reach", lambda: remark_windows.check_remark_window_reach(record))
    yield Stage("remark lengths compared", lambda: remark_windows.check_remark_lengths_compared(record))
    yield Stage("remark order", lambda: remark_order.check_remark_order(record))
    yield Stage("remark conditions", lambda: remark_conditions.check_remark_conditions(record))
    yield Stage("remark garbled", lambda: remark_garbled.check_remark_garbled(record))
    sources = Sources(record, root, memory.documents)
    if read is not None:
        read.update(sources.read)
    texts, chars = _texts(record.data), sum(len(doc.text) for doc in sources.docs)
    if texts * chars > MAX_SEARCHED:
        yield Stage("too costly", lambda: [_too_costly(record, texts, chars)])
        return
    if sources.docs:  # with no readable source, E108 has said why
        yield Stage("nct_id", lambda: check_nct_id(record, sources))
        yield Stage("curation", lambda: curation.check_curation(record, sources))
        yield Stage("remark quotes", lambda: remarks.check_remark_quotes(record, sources))
        yield Stage("remark sections", lambda: remark_sections.check_remark_sections(record, sources))
        yield Stage("comment sections", lambda: remark_sections.check_comment_sections(record, sources, schema))
        yield Stage("remark absence", lambda: remark_absence.check_remark_absence(record, sources))
        yield Stage("remark labels", lambda: remark_labels.check_remark_labels(record, sources))
        yield Stage("remark layout", lambda: remark_layout.check_remark_layout(record, sources))
        yield Stage("remark case", lambda: remark_spelled.check_remark_case(record, sources))
        yield Stage("source order", lambda: remark_order.check_source_order(record, sources))
        yield Stage("remark owners", lambda: remark_owners.check_remark_owners(record, sources))
        yield Stage("remark schedule", lambda: remark_schedule.check_remark_schedule(record, sources, schema))
        yield Stage("remark mentions", lambda: remark_mentions.check_remark_mentions(record, sources))
        yield Stage("remark facts", lambda: remarks.check_remark_facts(record, sources))
        yield Stage("remark keys", lambda: remark_keys.check_remark_keys(record, sources))
        yield Stage("remark names", lambda: remark_names.check_remark_names(record, sources, schema))
        yield Stage("remark prose", lambda: remark_prose.check_remark_prose(record, sources))
        yield Stage("comment names", lambda: remark_names.check_comment_names(record, sources, schema))
        yield Stage("comment facts", lambda: remark_names.check_comment_facts(record, sources, schema))
        yield Stage("comment prose", lambda: remark_prose.check_comment_prose(record, sources, schema))
        yield Stage("verbatim", lambda: check_verbatim(record, schema, sources))
        yield Stage("units", lambda: check_units(record, sources, scalars))
        yield Stage(
            "evidence",
            lambda: check_evidence(record, schema, sources, memory.reader, scalars),
            lambda: _evidence_as_found(record, schema, sources, memory.reader, scalars),
        )
        yield Stage("completeness", lambda: completeness.check(record, sources.docs, memory.reader))
        yield Stage("silence", lambda: silence.check(record, schema, sources.docs, sources.passages))
        yield Stage("doses left out", lambda: silence.left_out_doses(record, schema, sources.docs, sources.passages))
        yield Stage("stub", lambda: silence.check_stub(record, schema, sources.docs))


def _too_costly(record: Record, texts: int, chars: int) -> Problem:
    line, col = record.where(("curation", "sources"))
    return Problem(
        record.path,
        line,
        col,
        "E530",
        f"the record's {texts:,} texts searched for through its sources' {chars:,} characters would take "
        f"{texts * chars:,} character comparisons, over the {MAX_SEARCHED:,} one record may cost: it is "
        "not checked against its sources; cite the part of a large source that is about this trial, or "
        "split the record's values from it",
    )
