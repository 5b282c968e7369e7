"""Generated trial records for the property tests (test_properties.py, test_properties_broken.py).

Records are generated from schema/trial.schema.json by a small strategy builder (walks the schema:
objects, lists, enums, patterns, bounds, $ref), with what the schema cannot say supplied by hand:
NCT ids in the NCT9xxxxxxx range; one source, seeds/000_84a0f0163f21158e.txt, so the cited file
exists; verbatim text (`x-verbatim`) drawn from that source's own words, numbered criteria as the
source numbers them; dates in the calendar and in order, age limits and cohorts in order, arms naming
listed interventions, thresholds pointing at listed criteria; no related_trials, and evidence for the
source's date only: every other drawn value is unquoted (E517), and quoted_only() drops those.
records() draws one; mutated() draws one and breaks it (a key dropped, a value of another type, bytes
inserted, the file cut short). The helpers run the checks and the command on what is drawn.

Examples are derandomized and no example database is kept (SETTINGS), so CI runs are repeatable.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import copy
import datetime as dt
import hashlib
import io
import json
import re
import shutil
import string
import tempfile
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA_ROOT
from hypothesis import HealthCheck, example
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.representer import SafeRepresenter
from sle_trials import cli, decimals, fields, units
from sle_trials.checks import documents, evidence, load, remark_names, remark_prose, rules, schema, table
from sle_trials.checks.rules import CRITERION_PLACED
from sle_trials.engine import pipeline
from sle_trials.reading import edges, in_scope, layouts, list_sides, prose, retracted, study_ids, vocabulary
from sle_trials.reading.lexicon import date_mentions

CODES = table()

REPO = Path(__file__).resolve().parents[1]
ORIGINAL = "seeds/000_84a0f0163f21158e.txt"
# The records cite a source of no known layout holding the IM19 page's words and the generated ids:
# their texts are checked word for word (any run of the page's words will do), their places are not
# (a generated title is any phrase of the page, not its title line), so any schema-valid shape can pass.
SEED = "seeds/900_words.txt"
AS_OF_LABEL = "Last Updated"  # SEED's label of its own date (AS_OF_QUOTE's)
IDS = ["NCT90000001", "NCT90000002"]
STUB_ID = "NCT90000003"  # a stub citing SEED, so that the CLI registry always cites it
SCHEMA = schema.load_schema(REPO)
VALIDATOR = schema.make_validator(SCHEMA)
WHOLE_FILE_CODES = {"E001", "E004", "E401"}  # problems about a file as a whole: no line
OMITTED = {
    "related_trials",
    "evidence",
    "curation.silent",
    "curation.not_yet_curated",
    "curation.incomplete",
    "curation.sources.*.url",
}

SETTINGS: dict[str, Any] = dict(
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# Examples drawn when the tests drew more of them (400, then 100 valid records; 400 and 150 broken ones), each
# of which reached branches of sle_trials that none of the fewer examples drawn now reaches (measured
# with coverage.py, branch by branch): kept, so that the tests still reach every branch they reached.
PINNED = REPO / "tests" / "fixtures" / "properties" / "pinned.json"


def pinned(test: str) -> Callable[[Any], Any]:
    """The test's pinned examples (PINNED), as @example(...) of its one drawn argument: a record
    (`data`) or a broken file (`case`: nct_id, what was done, the bytes)."""
    cases = json.loads(PINNED.read_text(encoding="utf-8")).get(test, [])

    def decorate(function: Any) -> Any:
        for value in reversed(cases):
            if "bytes" in value and "what" in value:
                case = (value["nct_id"], value["what"], base64.b64decode(value["bytes"]))
                function = example(case=case)(function)
            else:
                function = example(data=held(value))(function)
        return function

    return decorate


# --- words of the source ---------------------------------------------------------------------------

_SOURCE = documents.source_text(DATA_ROOT, ORIGINAL)  # normalised as the evidence check normalises it
assert _SOURCE is not None, ORIGINAL
# the page's words but the other trials' ids: a plain text naming other trials speaks of each of its
# own only in the lines from that trial's id on (layouts.trial_sections)
SOURCE: str = " ".join(w for w in _SOURCE.split(" ") if not re.fullmatch(r"NCT[0-9]{8}", w))
# one line a generated trial: no heading stands alone, so no layout reader recognises the page (its
# words are all there), and each trial's line begins with its id
WORDS_TEXT = "".join(f"{nct} {SOURCE}\n" for nct in (*IDS, STUB_ID))


def add_words_source(root: Path) -> None:
    """SEED in the registry at root, listed in its manifest."""
    (root / SEED).write_text(WORDS_TEXT, encoding="utf-8")
    with open(root / "seeds" / "SHA256SUMS", "a", encoding="utf-8") as manifest:
        manifest.write(f"{hashlib.sha256(WORDS_TEXT.encode('utf-8')).hexdigest()}  {Path(SEED).name}\n")


@lru_cache(maxsize=1)
def words_root() -> Path:
    """A registry of schema/ and SEED only, for the one-record checks (removed when the run ends)."""
    root = Path(tempfile.mkdtemp(prefix="trials-properties-words-"))
    atexit.register(shutil.rmtree, root, True)
    shutil.copytree(REPO / "schema", root / "schema")
    (root / "seeds").mkdir()
    (root / "seeds" / "SHA256SUMS").write_text("", encoding="utf-8")
    add_words_source(root)
    (root / "trials").mkdir()
    return root


WORDS = SOURCE.split(" ")


def ecma(pattern: str) -> re.Pattern[str]:
    """A schema pattern as ECMA-262 reads it, in Python: its final `$` is the end of the text (the
    schema's patterns are ^...$ and use no \\d or \\w: tests/test_schema.py)."""
    return re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern)


# The fields whose texts the check reads as an entry's (a site's, a party's: words after the entry
# take it back, "Sponsor: Acme Bio (proposed)"), or as only planned ("Lupus Nephritis (planned)"), as
# evidence._taken_back reads them; a phrase of the source drawn for one stands where those words do not
# take it back. Drawn for the sponsor's name, "Before the screening period," of "Before the screening
# period, if biological agents ... are used" stands only on a condition, and the check refused it (E501).
ENTRIES = frozenset({"locations", "sponsor", "responsible_party", "officials"})
PLANNED = ENTRIES | {"conditions"}
# ... and a party's, the words that say it holds its role (any role) no more, or held it only to a date
# before the source's own (date_mentions.held_before): "Before the screening period," stands so
PARTIES = frozenset({"sponsor", "responsible_party", "officials"})
# ... and the texts of a list words say were dropped, are only possible or are denied ("laboratory" of
# "... laboratory tests may be ...": an arm's label drawn so was refused, E501)
DROPPED = frozenset({"outcomes", "interventions", "arms"})
_ANY_PARTY = retracted.party()
_HELD = date_mentions.held_before("2025-08-17")  # the source's own date, every drawn record's as_of


def _stands(text: str, field: str = "") -> bool:
    """Whether text stands somewhere in the source where the words around it do not take it back
    (retracted.taken_back, as the check reads them for a text of field, a record's top-level key):
    "published" of "The study team has not published outcome measurements" stands nowhere else, and
    a record holding it as its acronym is refused (E501), rightly."""
    places = _standing(text, field in ENTRIES, field == "locations", field in PLANNED, field in PARTIES)
    if field not in DROPPED:
        return bool(places)
    return any(not _dropped_at(at, at + len(text)) for at in places)


@cache  # the nine fields read a text in four ways: phrases() asks each way once a run of words
def _standing(text: str, entry: bool, site: bool, planned: bool, party: bool) -> tuple[int, ...]:
    """Where text occurs in the source and the words around it do not take it back, read as the check
    reads an entry's text (a site's), a planned one or a party's (_stands)."""
    roles, held = (_ANY_PARTY, _HELD) if party else (None, None)
    places, at = [], SOURCE.find(text)
    while at >= 0:
        end = at + len(text)
        if not retracted.taken_back(SOURCE, at, end, entry=entry, site=site, planned=planned, party=roles, held=held):
            places.append(at)
        at = SOURCE.find(text, at + 1)
    return tuple(places)


@cache
def _dropped_at(at: int, end: int) -> bool:
    """Whether words at a list's text of the source say it was dropped, is only possible or is denied."""
    return bool(retracted.dropped(SOURCE, end) or retracted.may_be(SOURCE, at) or vocabulary.denied(SOURCE, at))


# The page's words about its own trial: from "More Related Trials" on, it speaks of others (the check
# reads a trial-level text there as not where the source states it, E512). A run drawn across that
# turn ("Source: org_study_id More Related Trials Additional" as an acronym) made the round-trip
# property fail in the runs that drew it.
OWN_WORDS = SOURCE[: SOURCE.index("More Related Trials")]


@cache
def _runs_of_words() -> list[str]:
    """Runs of 1 to 8 consecutive words of the page's own words, each as the check normalises it and
    as the test's dumper writes it back (not a word YAML 1.1 reads otherwise, "on", "No": E023)."""
    out = []
    for start in range(len(WORDS)):
        for length in range(1, 9):
            text = " ".join(WORDS[start : start + length])
            if (
                text
                and evidence.normalise(text) == text
                and text in OWN_WORDS
                and not load.hidden_character(text)
                and not load.other_in_1_1(text)
            ):
                out.append(text)
    return out


@cache
def phrases(pattern: str | None = None, field: str = "") -> list[str]:
    """Runs of 1 to 8 consecutive words of the source (each occurs in it verbatim, and somewhere no
    word around it takes it back, as the check reads a text of field: _stands)."""
    regex = ecma(pattern) if pattern else None
    return sorted({t for t in _runs_of_words() if (regex is None or regex.search(t)) and _stands(t, field)})


def pick(pool: list) -> st.SearchStrategy[Any]:
    """sampled_from for long lists, without hypothesis building a 60 kB repr of the list."""
    return st.integers(0, len(pool) - 1).map(pool.__getitem__)


def numbered_criteria() -> list[tuple[int, str]]:
    """(number, text) as the source numbers its criteria ('* 3) Weight ≥ 40 kg'), cut at any word."""
    out = []
    for match in re.finditer(r"\* ([0-9]+)\) (.+?)(?= \* [0-9]+\) | Exclusion Criteria|$)", SOURCE):
        words = match.group(2).split(" ")
        for n in range(1, min(len(words), 12) + 1):
            text = " ".join(words[:n])
            if f"{match.group(1)}) {text}" in SOURCE:
                out.append((int(match.group(1)), text))
    return out


NUMBERED = numbered_criteria()
assert NUMBERED, "the source's numbered criteria were not found"


# --- the strategy builder ----------------------------------------------------------------------------


def _remark_text(text: str) -> bool:
    """Whether a drawn text may be a remark's: no base-60 number or boolean of YAML 1.1, no coded value's words, no
    molecule's name (a target antigen or a domain of the schema's, in any case: a note naming one no source writes
    is refused, remark_names; "icos" was drawn once the package's literals changed)."""
    return (
        not load.other_in_1_1(text)
        and not any(coded.named(text) for coded in remark_prose.CODED)
        and not _MOLECULE_WORDS.search(text)
    )


_MOLECULE_WORDS = re.compile(
    r"(?<![^\W_])(?:"
    + "|".join(
        re.escape(code)
        for path in remark_names.MOLECULES
        for code in sorted(fields.node_at(SCHEMA, path).get("enum", []), key=len, reverse=True)
    )
    + r")(?![^\W_])",
    re.IGNORECASE,
)


SAFE_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Cf", "Zl", "Zp")) | st.just("\n"),
    min_size=1,
    max_size=30,
).filter(
    # text a curator writes as such: not YAML 1.1's base-60 numbers or booleans, which E023 refuses plain
    # ("1:30", "No") and the test's dumper would write plain
    lambda s: not load.hidden_character(s) and s.strip() and not load.other_in_1_1(s)
)


# A unit as a source writes one: characters NFKC and the look-alike folding leave as they are, single
# spaces between its words and none at its ends (E501 holds a unit to a cited source's own characters
# and spacing: evidence.check_units)
UNIT_TEXT = (
    st.lists(
        st.text(st.sampled_from(string.ascii_letters + string.digits + "/^%×μ-"), min_size=1, max_size=8),
        min_size=1,
        max_size=3,
    )
    .map(" ".join)
    .filter(lambda s: not load.other_in_1_1(s))
)


def schema_node(node: dict) -> dict:
    ref = node.get("$ref")
    if not ref:
        return node
    target: Any = SCHEMA
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return {**schema_node(target), **{k: v for k, v in node.items() if k != "$ref"}}


def partial_dates() -> st.SearchStrategy[str]:
    return st.builds(
        lambda d, precision: d.isoformat()[:precision],
        st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
        st.sampled_from([4, 7, 10]),
    )


NO_PIPE = "^[^|]+$"
URLS = st.from_regex(r"\Ahttps://example\.org/[a-z0-9/._-]{0,20}\Z")


def _told_apart(items: list[dict]) -> bool:
    """Whether no item of a list could be another written again: each two items that share a text
    hold another text in a field of both (E522 refuses an item repeated, or repeated with fewer of
    its fields, more times than its words stand in a source; a valid record holds no such repeat:
    two secondary ids `(ALP)` of type FDA, drawn alike, were refused)."""
    texts = [{(k, layouts.normalise(v)) for k, v in item.items() if isinstance(v, str)} for item in items]
    for i, mine in enumerate(texts):
        for other in texts[i + 1 :]:
            both = {k for k, _ in mine} & {k for k, _ in other}
            if mine & other and all(pair in mine for pair in other if pair[0] in both):
                return False
    return True


def strategy(node: dict, path: str = "") -> st.SearchStrategy[Any]:
    """A strategy for values of one schema node; path is dotted with '*' for list items."""
    node = schema_node(node)
    if path in OVERRIDES:
        return OVERRIDES[path]()
    kind = node.get("type")
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "const" in node:
        return st.just(node["const"])
    if kind == "object":
        props = {k: v for k, v in node.get("properties", {}).items() if _join(path, k) not in OMITTED}
        required = [k for k in node.get("required", []) if k in props]
        mapping = st.fixed_dictionaries(
            {k: strategy(props[k], _join(path, k)) for k in required},
            optional={k: strategy(v, _join(path, k)) for k, v in props.items() if k not in required},
        )
        least = node.get("minProperties", 0)
        return mapping.filter(lambda d: len(d) >= least) if least > len(required) else mapping
    if kind == "array":
        items = strategy(node["items"], _join(path, "*"))
        low = node.get("minItems", 0)
        unique: dict[str, Any] = (
            {"unique_by": lambda v: json.dumps(v, sort_keys=True)} if node.get("uniqueItems") else {}
        )
        drawn = st.lists(items, min_size=low, max_size=max(low, 3), **unique)
        return drawn.filter(_told_apart) if schema_node(node["items"]).get("type") == "object" else drawn
    if kind == "integer":
        low = node.get("minimum", 0)
        return st.integers(low, node.get("maximum", low + 10**6))
    if kind == "number":
        low = node.get("minimum", node.get("exclusiveMinimum", -1e9))
        floats = st.floats(
            low,
            1e12,
            allow_nan=False,
            allow_infinity=False,
            allow_subnormal=False,
            exclude_min="exclusiveMinimum" in node,
        )
        return st.integers(int(low) + 1, 10**9) | floats
    if kind == "boolean":
        return st.booleans()
    if kind == "string":
        if node.get("x-verbatim"):
            field = path.split(".", 1)[0]
            return pick(phrases(node.get("pattern"), field if field in PLANNED | DROPPED else ""))
        if "pattern" in node:
            if node["pattern"] == SCHEMA["$defs"]["partial_date"]["pattern"]:
                return partial_dates()
            if node["pattern"].startswith("^https?://"):
                return URLS
            if node["pattern"] == NO_PIPE and path.endswith(".unit"):
                return UNIT_TEXT
            if node["pattern"] == NO_PIPE:  # a list item of trials.csv: any text but the list separator
                return SAFE_TEXT.filter(lambda s: "|" not in s)
            return st.from_regex(ecma(node["pattern"]), fullmatch=True)
        return SAFE_TEXT
    raise AssertionError(f"no strategy for {path}: {node}")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


# The source's stretches under each criteria list's heading, as the check reads its headings
# (list_sides.stretches: its one line runs "... accepted. Inclusion Criteria * 2) Age ..." and "... form.
# Exclusion Criteria * 2) ..." in): a criterion drawn for one list stands somewhere not under the other
# list's heading only, or the check refuses it (E512: "Weight ≥ 40 kg" drawn as an exclusion criterion).
_LIST_SIDES = list_sides.stretches(SOURCE, SOURCE)
_LIST_STARTS = [s.start for s in _LIST_SIDES]


@cache
def on_side(text: str, side: str) -> bool:
    """Whether text stands whole somewhere in the source under side's list's heading or under no one
    list's (side: "inclusion" or "exclusion"), as criteria_lists.check_list_sides reads it: not only under the
    other's, nor across a heading."""
    at = SOURCE.find(text)
    while at >= 0:
        end = at + len(text)
        if edges.cut_at(SOURCE, at, end) is None and list_sides.side_of(_LIST_SIDES, _LIST_STARTS, at, end)[0] in (
            side,
            None,
        ):
            return True
        at = SOURCE.find(text, at + 1)
    return False


@cache
def side_phrases(side: str) -> list[str]:
    """phrases() a criterion of side's list may hold (on_side)."""
    return [t for t in phrases() if on_side(t, side)]


def _criteria(level: int, side: str) -> st.SearchStrategy[list[dict]]:
    """A list of criteria of side's list; numbers only at the top (where the source gives them), texts
    unique."""
    text = pick(side_phrases(side))
    if level == 0:
        item = st.one_of(
            pick([nt for nt in NUMBERED if on_side(nt[1], side)]).map(lambda nt: {"number": nt[0], "text": nt[1]}),
            st.builds(lambda t: {"text": t}, text),
        )
        item = st.tuples(item, st.none() | _criteria(1, side)).map(
            lambda p: {**p[0], **({"sub_criteria": p[1]} if p[1] else {})}
        )
    elif level == 1:
        item = st.tuples(text, st.none() | _criteria(2, side)).map(
            lambda p: {"text": p[0], **({"sub_criteria": p[1]} if p[1] else {})}
        )
    else:
        item = st.builds(lambda t: {"text": t}, text)

    def distinct(items: list[dict]) -> list[dict]:
        seen_text, seen_number, out = set(), set(), []
        for c in items:
            key = " ".join(c["text"].split()).casefold()
            if key in seen_text or (c.get("number") is not None and c["number"] in seen_number):
                continue
            seen_text.add(key)
            seen_number.add(c.get("number"))
            out.append(c)
        return out

    return st.lists(item, min_size=1, max_size=3).map(distinct)


OVERRIDES = {
    "nct_id": lambda: st.sampled_from(IDS),
    "curation.sources": lambda: st.lists(
        strategy(SCHEMA["properties"]["curation"]["properties"]["sources"]["items"], "curation.sources.*"),
        min_size=1,
        max_size=1,
    ),
    "curation.sources.*.file": lambda: st.just(SEED),
    # the seed is plain text, which a source of a kind that names a layout may not be (E516: a REGISTRY_JSON
    # source is a ClinicalTrials.gov study, a REGISTRY_COPY one a registry copy, a TRIAL_FINDER_PAGE one a page)
    "curation.sources.*.kind": lambda: st.sampled_from(
        [
            k
            for k in SCHEMA["properties"]["curation"]["properties"]["sources"]["items"]["properties"]["kind"]["enum"]
            if k not in layouts.KIND_LAYOUTS
        ]
    ),
    # the source's own date, which every record quotes (AS_OF_QUOTE)
    "curation.sources.*.as_of": lambda: st.just("2025-08-17"),
    # the label AS_OF_QUOTE gives that date, whole (E509: an as_of_label is the label of its date)
    "curation.sources.*.as_of_label": lambda: st.just(AS_OF_LABEL),
    # a remark is on a field of a record (E503: a note on no field, or on an item the record lacks, is refused)
    "curation.notes.*.field": lambda: st.sampled_from(sorted(fields.known_names(SCHEMA))),
    "curation.incomplete.*.field": lambda: st.sampled_from(sorted(fields.known_names(SCHEMA))),
    # a remark's own words, in lower case: a capitalised word is a name, which a cited source must write (E501: a
    # drawn "A0" is no word of the seed's); and no words of a coded value, which a record must hold or a source
    # state (E501: a drawn "male only" gives the sex MALE, remark_prose)
    "curation.notes.*.text": lambda: SAFE_TEXT.map(str.lower).filter(_remark_text),
    "curation.incomplete.*.text": lambda: SAFE_TEXT.map(str.lower).filter(_remark_text),
    # a complete record says why it lacks each field (E520) and holds its source's lists whole
    "curation.status": lambda: st.sampled_from(["draft", "stub"]),
    "dates": lambda: st.just({}),  # made in order by records()
    "eligibility.inclusion_criteria": lambda: _criteria(0, "inclusion"),
    "eligibility.exclusion_criteria": lambda: _criteria(0, "exclusion"),
    "eligibility.thresholds": lambda: st.just([]),  # made by records(), pointing at listed criteria
}


# Built once, when first drawn from (hypothesis computes a strategy's repr once per object): building
# them reads every run of the source's words as the check does (phrases), 2 s of CPU, which each pytest
# worker paid on collecting the property modules, before its first test, whether it ran them or not.
BASE_RECORD = st.deferred(lambda: strategy(SCHEMA))
THRESHOLD = st.deferred(lambda: strategy(SCHEMA["$defs"]["threshold"], "eligibility.thresholds.*"))


@st.composite
def records(draw: st.DrawFn) -> dict:
    data = draw(BASE_RECORD)
    # dates in the calendar and in the order rules.DATE_ORDER checks; those of what has been recorded
    # (rules.RECORDED) on or before the day the sources were read: one drawn later is that day, at its
    # precision (the draws as before, so that every other drawn value stays what it was)
    names = ["start", "primary_completion", "completion"]
    chosen = sorted(draw(st.lists(partial_dates(), min_size=6, max_size=6)))
    read = min(str(source["as_of"]) for source in data["curation"]["sources"])
    chosen[3:] = [when if when[: len(read)] <= read[: len(when)] else read[: len(when)] for when in chosen[3:]]
    dates = {}
    for name, when in zip(
        names + ["first_submitted", "last_updated", "launched"], chosen[:3] + chosen[3:5] + chosen[5:]
    ):
        if draw(st.booleans()):
            dates[name] = {
                "date": when,
                **({"type": draw(st.sampled_from(["ACTUAL", "ESTIMATED"]))} if draw(st.booleans()) else {}),
            }
    if (
        "first_submitted" in dates
        and "last_updated" in dates
        and dates["first_submitted"]["date"] > dates["last_updated"]["date"]
    ):
        dates["first_submitted"], dates["last_updated"] = dates["last_updated"], dates["first_submitted"]
    data.pop("dates", None)
    if dates:
        data["dates"] = dates
    if data["curation"]["status"] == "complete" and "overall_status" not in data:
        data["overall_status"] = draw(st.sampled_from(SCHEMA["properties"]["overall_status"]["enum"]))
    eligibility = data.get("eligibility")
    if eligibility:
        for age in (eligibility.get("minimum_age"), eligibility.get("maximum_age")):
            if age and units.age_days(age) > units.MAX_AGE_DAYS:  # at most 150 years in any unit (E111)
                age["value"] = int(units.MAX_AGE_DAYS // units.AGE_UNIT_DAYS[age["unit"]])
        low, high = eligibility.get("minimum_age"), eligibility.get("maximum_age")
        if low and high and units.age_days(low) > units.age_days(high):
            eligibility["minimum_age"], eligibility["maximum_age"] = high, low
        eligibility.pop("thresholds", None)
        targets = [
            (name.split("_")[0].upper(), c["number"])
            for name in ("inclusion_criteria", "exclusion_criteria")
            for c in eligibility.get(name, [])
            if "number" in c
        ]
        for name in CRITERION_PLACED:  # the clinical fields read from one criterion point at a listed one
            if name in eligibility:
                if targets:
                    eligibility[name]["criterion"] = dict(zip(("list", "number"), draw(st.sampled_from(targets))))
                else:
                    del eligibility[name]
        if targets:
            thresholds = draw(st.lists(THRESHOLD, max_size=2))
            for t in thresholds:
                t["criterion"] = dict(zip(("list", "number"), draw(st.sampled_from(targets))))
            # two drawn alike (the shrinker's simplest draw) are one limit written twice (E113)
            thresholds = list({rules.limit(t): t for t in reversed(thresholds)}.values())[::-1]
            if thresholds:
                eligibility["thresholds"] = thresholds
        if not eligibility:  # only thresholds were drawn, and they were dropped: an empty block is E208
            del data["eligibility"]
    for agent in data.get("lymphodepletion", {}).get("agents", []):  # a dose with its unit, or neither
        if ("dose" in agent) != ("unit" in agent):
            agent.pop("dose", None)
            agent.pop("unit", None)
    design = data.get("design", {})
    for name in list(design):  # an observational model is no field of an interventional study (E506)
        if not fields.applies(SCHEMA, f"design.{name}", data)[0]:
            del design[name]
    if "design" in data and not design:
        del data["design"]
    if "last_known_status" in data and not fields.applies(SCHEMA, "last_known_status", data)[0]:
        del data["last_known_status"]  # what a study of status UNKNOWN last reported; no field of another (E506)
    for field, key in (("interventions", "name"), ("arms", "label")):  # one of each name (E112)
        if field in data:
            data[field] = list({item[key]: item for item in reversed(data[field])}.values())[::-1]
    names_listed = [i["name"] for i in data.get("interventions", [])]
    for arm in data.get("arms", []):
        arm.pop("intervention_names", None)
        if len(names_listed) > 0 and draw(st.booleans()):
            arm["intervention_names"] = sorted(
                set(draw(st.lists(st.sampled_from(names_listed), min_size=1, max_size=2)))
            )
        patient = 1
        for cohort in arm.get("cohorts", []):
            if "patients" in cohort:
                size = draw(st.integers(0, 5))
                cohort["patients"] = {"first": patient, "last": patient + size}
                patient += size + 1
    data["evidence"] = {"curation.sources.0.as_of": AS_OF_QUOTE}
    return held(data)


# The reason a drawn record gives for a trial its words show out of the registry's scope (E114): its
# texts are any run of the page's words, which may name neither lupus nor a cell therapy.
OUT_OF_SCOPE = "A drawn record whose words are any phrase of its source"


def held(data: dict) -> dict:
    """data, with curation.out_of_scope where its words show neither lupus nor a cell therapy, and
    without one (a drawn curator text) where they show either. A drawn reason that is no reason (E114:
    in_scope.is_reason, one printed line of words) is given OUT_OF_SCOPE's words instead: drawn text may
    hold a no-break space, which str.isprintable takes for no printed character ("0\xa00" was drawn
    once the package's new literals changed hypothesis's pool, and refused)."""
    reason = data["curation"].get("out_of_scope")
    if in_scope.shows(data):
        data["curation"].pop("out_of_scope", None)
    elif reason is None:
        data["curation"] = {"status": data["curation"]["status"], "out_of_scope": OUT_OF_SCOPE, **data["curation"]}
    elif not in_scope.is_reason(reason.strip()):
        data["curation"]["out_of_scope"] = OUT_OF_SCOPE
    return data


# The fields of the trial as a whole that hold a source's words (checks/evidence.py's trial-level
# fields): a plain source states them only in its sentences about this trial, up to words turning to
# another ("Additional clinical trials"), and some only in the sentences that say them (an official
# in one naming an investigator, a site's facility, city and country written together, an outcome
# with its own time frame, the responsible party in one naming it so). A run of the source's words
# drawn for one may be in no such sentence, and the check places it nowhere (E512, at the field).
IN_THEIR_SENTENCES = frozenset(
    {"conditions", "cell_product", "arms", "interventions", "outcomes", "locations", "officials", "responsible_party"}
)


# ... and the sponsor's name, which a plain source states only outside words naming a partner, licensor
# or investor (to their clause's end: "... funding or collaborating on ... * 9) Those who"): a run drawn
# there is placed nowhere either; nor is an identifier drawn where the words before it name another
# thing's number ("... the subject (V1)", study_ids.given_as)
PLACED_BY_WORDS = IN_THEIR_SENTENCES | {"sponsor", "identifiers"}


def unplaced(problem: Any) -> bool:
    """Whether a check's problem is E512 at a field of PLACED_BY_WORDS (its message starts with the
    field's dotted path)."""
    return problem.code == "E512" and problem.message.split(".", 1)[0].split(":", 1)[0] in PLACED_BY_WORDS


def quoted_only(data: dict) -> dict:
    """A copy of a drawn record holding only what its quotes and the source's words state: its
    verbatim texts, its bookkeeping and SEED's date, quoted. The drawn values no quote states (which
    E517 refuses in a record of any status) are dropped, with the fields of IN_THEIR_SENTENCES, and
    then whatever the schema no longer holds without them (a threshold without its kind, an age
    without its value), until it holds."""
    data = copy.deepcopy(data)
    for name in IN_THEIR_SENTENCES:
        data.pop(name, None)
    sponsor = data.get("sponsor")
    if isinstance(sponsor, dict) and isinstance(sponsor.get("name"), str) and not _sponsors_words(sponsor["name"]):
        del sponsor["name"]
    ids = data.get("identifiers")
    if isinstance(ids, dict):
        if isinstance(ids.get("org_study_id"), str) and not _ids_words(data["nct_id"], ids["org_study_id"], False):
            del ids["org_study_id"]
        if isinstance(ids.get("secondary_ids"), list):
            ids["secondary_ids"] = [
                item
                for item in ids["secondary_ids"]
                if not isinstance(item, dict)
                or not isinstance(item.get("id"), str)
                or _ids_words(data["nct_id"], item["id"], True)
            ]
    for i, source in enumerate(data["curation"]["sources"]):  # (a pinned example has another date)
        source["as_of"] = "2025-08-17"
        if "as_of_label" in source:
            source["as_of_label"] = AS_OF_LABEL
        data.setdefault("evidence", {})[f"curation.sources.{i}.as_of"] = AS_OF_QUOTE
    kept = {("nct_id",), *(("curation", "sources", i, "as_of") for i in range(len(data["curation"]["sources"])))}
    for path, _, node in reversed(fields.leaves(data, SCHEMA)):
        if path not in kept and path[0] != "evidence" and fields.needs_evidence(path, node):
            _delete(data, path)
    held(data)  # what showed the trial in scope may have been dropped
    while True:
        errors = list(VALIDATOR.errors(data))
        if not errors:
            return data
        # the deepest first, so that deleting one leaves the paths of the others as they were
        error = max(errors, key=lambda e: (len(e.instance_path), list(map(str, e.instance_path))))
        _delete(data, tuple(error.instance_path))


def _sponsors_words(name: str) -> bool:
    """Whether the source states name where a plain document may state its sponsor: not in words
    from one naming a partner, licensor or investor to their clause's end (prose.without_partners);
    "Male participants whose partners" is no sponsor's name there."""
    return any(name in passage.text for passage in prose.without_partners([layouts.Passage(SOURCE)]))


@cache
def _own_codes(nct_id: str) -> frozenset[str]:
    """The product codes the words source gives the trial nct_id (prose.own_names), as the check reads them."""
    doc = layouts.read(SEED, WORDS_TEXT.encode("utf-8")).for_trial(nct_id)
    return frozenset(prose.own_names(doc, nct_id).names[0])


def _ids_words(nct_id: str, value: str, secondary: bool) -> bool:
    """Whether the source states value where a plain document may state the trial's own study id (or,
    secondary, one of its ids): at some place the words around it do not give it as another thing's
    number (study_ids.given_as, as evidence._given_as_other reads the trial's line)."""
    text, codes = f"{nct_id} {SOURCE}", _own_codes(nct_id)
    for at in edges.occurrences(text, value):
        if edges.cut_at(text, at, at + len(value)) is None:
            kind = study_ids.given_as(text, at, at + len(value), nct_id, codes)
            if kind is None or kind is study_ids.OWN or (secondary and kind.secondary):
                return True
    return False


def _delete(data: Any, path: tuple) -> None:
    *parent, last = path
    found, holder = fields.get(data, tuple(parent))
    assert found and path, f"cannot drop {path} from a record"
    del holder[last]


AS_OF_QUOTE = "Last Updated: 2025-08-17"  # SEED's words for its own date
STUB = f"""\
nct_id: {STUB_ID}
brief_title: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)
curation:
  status: stub
  sources:
    - file: {SEED}
      kind: OTHER
      as_of: "2025-08-17"
evidence:
  curation.sources.0.as_of: "{AS_OF_QUOTE}"
"""

# --- helpers ------------------------------------------------------------------------------------------


class _PlainNumbers(SafeRepresenter):
    """Numbers as a curator writes them, in plain digits (decimals.plain): 1e-05 is E023."""


_PlainNumbers.add_representer(
    float, lambda r, value: r.represent_scalar("tag:yaml.org,2002:float", decimals.plain_float(value))
)


def dump(data: dict) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.Representer = _PlainNumbers
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@lru_cache(maxsize=1)
def checker() -> pipeline.Checker:
    return pipeline.Checker(words_root())  # reads the schema and seeds only


def check_all(record: load.Record, stem: str) -> list:
    problems = schema.check(record, VALIDATOR)
    if not problems:
        problems = rules.check(record, words_root(), stem)
    if not problems:
        problems = evidence.check(record, SCHEMA, words_root(), checker().memory)
    return problems


def run_cli(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(argv))
    return status, out.getvalue() + err.getvalue()


# The marks of the property modules (test_properties.py and test_properties_broken.py).
MARKS = [
    pytest.mark.long,  # handed to a worker before the short modules (conftest.py)
    # the record strategy is one large tree; hypothesis warns once that its repr is long
    pytest.mark.filterwarnings("ignore:Generating overly large repr"),
]


@contextlib.contextmanager
def command_registry() -> Iterator[Path]:
    """A registry copy for the command-level properties: the registry, SEED and a stub citing it,
    its generated files up to date (each example cleans up after itself)."""
    with tempfile.TemporaryDirectory(prefix="trials-properties-") as tmp:
        root = Path(tmp) / "registry"
        root.mkdir()
        for name in ("schema", "seeds", "trials"):
            shutil.copytree(DATA_ROOT / name, root / name)
        add_words_source(root)
        (root / "trials" / f"{STUB_ID}.yaml").write_text(STUB, encoding="utf-8")
        status, said = run_cli("csv", "--root", str(root), "--no-cache")  # bring the generated files up to date
        assert status == 0, said
        yield root


# --- broken records ---------------------------------------------------------------------------------


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, path + (i,))
    return out


def _set(data: Any, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


OTHER_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    SAFE_TEXT,
    st.just([]),
    st.just({}),
    st.lists(st.integers(0, 9), min_size=1, max_size=2),
    st.dictionaries(st.sampled_from(["x", "text", "nct_id"]), st.integers(0, 9), min_size=1, max_size=2),
)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str, bytes]:
    """(nct_id, what was done, the file's bytes)."""
    data = draw(records())
    nct_id = data["nct_id"]
    how = draw(st.sampled_from(["drop", "swap", "insert", "truncate", "replace"]))
    if how in ("drop", "swap"):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        if how == "drop":
            del parent[path[-1]]
        else:
            _set(data, path, draw(OTHER_VALUES))
        return nct_id, f"{how} {path}", dump(data).encode("utf-8")
    raw = dump(data).encode("utf-8")
    at = draw(st.integers(0, len(raw)))
    if how == "insert":
        return nct_id, f"insert at {at}", raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    if how == "truncate":
        return nct_id, f"truncate at {at}", raw[:at]
    char = draw(st.characters(exclude_categories=["Cs"]))
    return nct_id, f"replace at {at} with {char!r}", raw[:at] + char.encode("utf-8") + raw[at + 1 :]
