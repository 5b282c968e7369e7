"""The ClinicalTrials.gov JSON reader reads a document once (ctgov_study.Lines) and takes each field's
passage from those lines: what it gives must be exactly what reading each part again gives
(layouts.json_text, the plain definition, which the importer quotes with). Held to that on every
JSON source we have and on generated documents full of what normalising changes: NFKC forms,
combining marks, markdown escapes, white space of every kind, controls, keys with dots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sle_trials.reading import ctgov_study, layouts

REPO = Path(__file__).resolve().parents[1]


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes())
    except ValueError:
        return None  # a damaged fixture: read as plain text, never as lines


SOURCES = {
    p.relative_to(REPO).as_posix(): doc
    for p in sorted(REPO.glob("tests/**/*.json"))  # the tests' registry's sources among them
    if (doc := _json(p)) is not None
}

# characters normalising changes or splits on, and the ones around them
TRICKY = "aZ0 .:\\*_()[]#-!|~^`{}<>+\n\r\t\u00a0\u2028\u0301\u00b4\u00e9\ufb01\uff3c\u200b\u202e\x1c\x00\u2003\u3000"
texts = st.text(alphabet=st.sampled_from(TRICKY) | st.characters(), max_size=12)
keys = st.sampled_from(["", "a", "a.b", "name", "x y", "k\\", "\u0301k", "armGroups", "label"]) | texts
scalars = st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats(allow_nan=False) | texts
documents = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=25
)


def nodes(item: Any) -> list[Any]:
    """Every object and array of a document, itself included."""
    found = [item] if isinstance(item, (dict, list)) else []
    for child in item.values() if isinstance(item, dict) else item if isinstance(item, list) else ():
        found += nodes(child)
    return found


def same_as_read_again(doc: Any, extra_keys: list[str]) -> None:
    lines = ctgov_study.Lines(doc)
    assert lines.text == layouts.json_text(doc)
    for node in nodes(doc):
        span = lines.spans[id(node)]
        for key in {span.last or "", span.key, *extra_keys}:
            assert lines.text_of(node, key) == layouts.json_text(node, key), (node, key)
            for whole in (True, False):
                assert ctgov_study._passages(node, key, whole, lines) == ctgov_study._passages(node, key, whole)
        for value in node.values() if isinstance(node, dict) else node:
            for key in {span.key, *extra_keys}:
                assert ctgov_study._passages(value, key, True, lines) == ctgov_study._passages(value, key, True)


# 50 and the examples below (was 300; coverage.py, 2026-12-05): lines and branches of sle_trials as at 300
# (50 alone missed 7 lines, 11 branches: the two shapes below); planted bugs caught at 50 (a key under ""
# read as the top's, an empty value with its space, the nested-array check dropped: the first example);
# 300 cost 0.75 s, 50 0.16 s
@settings(max_examples=50, deadline=None)
@given(documents, st.lists(keys, max_size=2))
@example({"": False, "\u202a": False}, [])  # a key that normalise reads as nothing: no space for its line
@example({"": [{"": False}]}, [])  # an array holding an object, read again, not from the lines
@example({"name": "\u05d0 b &gt; c"}, [])  # a right-to-left letter, then a left-to-right one; an HTML entity
def test_a_part_read_from_the_lines_is_the_part_read_again(doc: Any, extra_keys: list[str]) -> None:
    same_as_read_again(doc, extra_keys)


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_every_json_source_reads_the_same_from_its_lines(source: str) -> None:
    same_as_read_again(SOURCES[source], ["identificationModule.briefTitle", "armGroups"])


# 10 and the examples below (was 300; coverage.py, 2026-12-05): lines and branches of sle_trials as at 300
# (10 alone missed 4 lines, 7 branches: the three shapes below); planted bugs caught at 10; 300 cost 0.14 s
@settings(max_examples=10, deadline=None)
@given(keys, texts)
@example("x y", "\\\\<")  # an escaped backslash under a key that is not plain: normalised once, "\\<"
@example("x y", "a\x01b")  # an ASCII control character, in a line normalised whole
@example("name", "\u05d0\nb")  # a right-to-left letter, then a line break that ends its context
@example("name", "H\u2082O \u00bd")  # a subscript digit and a kept fraction
def test_a_line_is_its_key_and_its_value_normalised(key: str, value: str) -> None:
    assert ctgov_study.line_text(key, value) == layouts.normalise(layouts.json_line(key, value))
    assert ctgov_study.line_text(key, value, normalised=layouts.normalise(value)) == layouts.normalise(
        layouts.json_line(key, value)
    )


@pytest.mark.parametrize("key", ["x y", "k\\", "armGroups"])
@pytest.mark.parametrize("value", ["\\\\<", "a\\\\*b", "2\\)"])
def test_a_values_passage_is_its_line_as_the_document_shows_it(key: str, value: str) -> None:
    """A value's passage was its key and its value normalised twice where the key is not plain
    (letters, digits, "_" and "."): an escaped backslash then read as an escape ("\\\\<" as "<",
    where the document's line shows "\\<")."""
    shown = layouts.normalise(layouts.json_line(key, value))
    assert [p.text for p in ctgov_study._passages(value, key, True)] == [shown, shown]
    assert [p.text for p in ctgov_study._passages([value], key, True)][1:] == [shown]


# 10 and the examples below (was 300; coverage.py, 2026-12-05): lines and branches of sle_trials as at 300,
# where 10 to 200 alone missed 21 lines, 26 branches (a text reordered right to left: the second one);
# planted bugs caught at 10 (the fast path taking backslashes, an empty value with its space, a key plain
# if it starts so), and by the third example the spaces left uncollapsed, which 300 missed; 300 cost 0.35 s
@settings(max_examples=10, deadline=None)
@given(st.lists(st.tuples(keys, texts | st.text(alphabet=st.characters(max_codepoint=127), max_size=12)), max_size=6))
@example([("a.b", "2\\) x"), ("a", "a\x01 \t b "), ("x y", "c"), ("k", "é  d")])
@example([("k", "\u0765 m\x85\u05d0 \u202b1\u202c x")])  # right-to-left letters, a line end (NEL), an embedding
@example([("k", "x  y")])  # a run of spaces in a plain ASCII value (no draw up to 300 had one)
def test_a_documents_lines_are_read_together_as_each_alone(pairs: list[tuple[str, str]]) -> None:
    # Lines normalises a document's lines in one loop (its ASCII ones without a call of normalise each)
    assert ctgov_study._lines([k for k, _ in pairs], [v for _, v in pairs]) == [
        ctgov_study.line_text(k, v) for k, v in pairs
    ]


def test_sources_are_found() -> None:
    # the parametrised test above reads registry studies, not only damaged fixtures
    assert sum("protocolSection" in doc for doc in SOURCES.values() if isinstance(doc, dict)) >= 4


def test_a_study_is_read_as_its_protocol_and_whether_it_has_results() -> None:
    """A study with results also holds its tables (resultsSection), the registry's MeSH terms
    (derivedSection) and its documents, which no field of a record states. Read as the study's text, a
    genuine study of 3.5 MB (3,000 adverse-event terms) cost more to search than E530 lets a record
    cost, and its honest draft was refused. However large the rest, a study's text is its protocol's
    and whether it has results, alone, on a page of studies, and under a name that is not .json."""
    study = json.loads((REPO / "tests" / "fixtures" / "ctgov" / "results_and_documents_posted.json").read_bytes())
    events = [{"term": f"Adverse event {i}", "organSystem": "General disorders"} for i in range(3000)]
    study["resultsSection"]["adverseEventsModule"]["otherEvents"] = events
    protocol = {key: study[key] for key in ("protocolSection", "hasResults")}
    read = layouts.read("seeds/study.json", json.dumps(study).encode())
    assert read.text == layouts.read("seeds/study.json", json.dumps(protocol).encode()).text
    assert "hasResults: true" in read.text and "Adverse event" not in read.text
    assert "Lupus Erythematosus, Systemic" not in read.text  # a MeSH term of derivedSection's
    page = layouts.read("seeds/page.txt", json.dumps({"studies": [study, study]}).encode())
    assert page.text == layouts.read("seeds/page.json", json.dumps({"studies": [protocol, protocol]}).encode()).text
    assert [part.text for part in page.parts] == [read.text, read.text]


def test_a_runs_memo_of_shown_texts_keeps_no_long_text_and_ends_with_its_block() -> None:
    """What a run remembers of shown() is bounded and the run's: a text over REMEMBERED_CHARS is read
    each time (a megabyte quote cannot fill memory), and outside the run's block nothing is kept."""
    memo = layouts.remembered_shown()
    long = "x  " * layouts.REMEMBERED_CHARS
    with layouts.remembering(memo):
        assert layouts.normalise("a  b") == layouts.normalise("a  b") == "a b"
        assert layouts.normalise(long) == " ".join(["x"] * layouts.REMEMBERED_CHARS)
    assert memo.cache_info().currsize == 1 and memo.cache_info().hits == 1  # type: ignore[attr-defined]
    assert layouts.normalise("c  d") == "c d"
    assert memo.cache_info().currsize == 1  # type: ignore[attr-defined]
