"""Pull-request attacks on the evidence: a quote that occurs in its source but cuts the source's words.

A quote is found in its source by its characters, and bound by the words it holds. A quote cut out of
a longer word, number or term therefore reads as something the source does not say: "8 Years 65
Years" occurs in "18 Years 65 Years" and states a minimum age of 8; "lupus nephritis" occurs in
"Severe lupus nephritis" and, in an exclusion criterion, reads as EXCLUDED where the source excludes
only severe nephritis; "Results Posted" occurs in "No Results Posted". Each is refused (E521) at the
quote, naming what it cuts; a quote of whole words, numbers and terms binds as before.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import (
    DATA_ROOT,
    IM19_PATH,
    RELMA_PATH,
    Trials,
    add_source,
    age_fields,
    edit,
    im19_draft,
    joined,
    place_of,
)
from sle_trials.reading import edges, vocabulary


def test_a_minimum_age_quoted_from_inside_a_number_is_refused(registry: Path, trials: Trials) -> None:
    """IM19's source gives "18 Years 65 Years"; its tail "8 Years 65 Years" occurs there too."""
    edit(
        registry,
        IM19_PATH,
        ("  minimum_age:\n    value: 18\n", "  minimum_age:\n    value: 8\n"),
        ("eligibility.minimum_age: 18 Years", "eligibility.minimum_age: 8 Years"),
    )
    result = trials("validate", registry / IM19_PATH)
    place = place_of(registry, IM19_PATH, "  eligibility.minimum_age: ")
    assert result.status == 1
    assert f"{IM19_PATH}:{place}: E521 evidence for eligibility.minimum_age: the quote begins inside '18'" in result.out


def test_a_nephritis_scope_quoted_from_inside_a_longer_term_is_refused(registry: Path, trials: Trials) -> None:
    """Relma-cel excludes "Severe lupus nephritis": its words "lupus nephritis" are not EXCLUDED."""
    edit(
        registry,
        RELMA_PATH,
        ("scope: SEVERE_EXCLUDED", "scope: EXCLUDED"),
        ("eligibility.lupus_nephritis: 1. Severe lupus nephritis", "eligibility.lupus_nephritis: lupus nephritis"),
    )
    result = trials("validate", registry / RELMA_PATH)
    place = place_of(registry, RELMA_PATH, "  eligibility.lupus_nephritis: ")
    assert result.status == 1
    assert (
        f"{RELMA_PATH}:{place}: E521 evidence for eligibility.lupus_nephritis: "
        "the quote begins inside 'Severe lupus nephritis'"
    ) in result.out


# A page of no known layout (its words are checked anywhere in it), stating values in longer terms.
CUT_SOURCE = "seeds/910_cut.txt"
CUT_TEXT = """Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)
Last Updated: 2025-08-17
Overall Status: Not Yet Recruiting
Phases: Phase 1/Phase 2
Study Start: 2024-07-30
Allocation: Non-Randomized
No Results Posted
Accepts Healthy Volunteers: No
Sex: Male and female
"""
CUT_RECORD = im19_draft(CUT_SOURCE)

# field lines of the record, its evidence line, and the quote's text as E521 names what it cuts
CUTS = [
    ("overall_status: RECRUITING", "overall_status: Recruiting", "begins inside 'Not Yet Recruiting'"),
    ("phases: [PHASE1]", 'phases: "Phases: Phase 1"', "ends inside 'Phase 1/Phase 2'"),
    ('dates:\n  start:\n    date: "2024-07"', 'dates.start.date: "Study Start: 2024-07"', "ends inside '2024-07-30'"),
    ("design:\n  allocation: RANDOMIZED", "design.allocation: Randomized", "begins inside 'Non-Randomized'"),
    ("results_posted: true", "results_posted: Results Posted", "begins inside 'No Results Posted'"),
    (
        "eligibility:\n  healthy_volunteers: true",
        'eligibility.healthy_volunteers: "Accepts Healthy Volunteers"',
        "ends inside 'Accepts Healthy Volunteers: No'",
    ),
    ("eligibility:\n  sex: MALE", 'eligibility.sex: "Sex: Male"', "ends inside 'Male and female'"),
]


@pytest.mark.parametrize(("value", "evidence", "says"), CUTS, ids=[c[0].split(":")[0] for c in CUTS])
def test_a_value_quoted_from_inside_a_longer_term_is_refused(
    registry: Path, trials: Trials, value: str, evidence: str, says: str
) -> None:
    add_source(registry, CUT_SOURCE, CUT_TEXT)
    (registry / IM19_PATH).write_text(joined(CUT_RECORD, f"{value}\nevidence:\n  {evidence}\n"), encoding="utf-8")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    key = evidence.split(":")[0]
    assert f"{IM19_PATH}:{place_of(registry, IM19_PATH, f'  {key}: ')}: E521 evidence for {key}: " in result.out
    assert f"the quote {says}" in result.out
    assert " E50" not in result.out  # a cut quote binds nothing: one problem, not two


@pytest.mark.parametrize(
    ("value", "evidence"),
    [
        ("overall_status: NOT_YET_RECRUITING", "overall_status: Not Yet Recruiting"),
        ("phases: [PHASE1, PHASE2]", "phases: Phase 1/Phase 2"),
        ('dates:\n  start:\n    date: "2024-07-30"', 'dates.start.date: "Study Start: 2024-07-30"'),
        ("design:\n  allocation: NON_RANDOMIZED", "design.allocation: Non-Randomized"),
        ("results_posted: false", "results_posted: No Results Posted"),
        (
            "eligibility:\n  healthy_volunteers: false",
            'eligibility.healthy_volunteers: "Accepts Healthy Volunteers: No"',
        ),
        ("eligibility:\n  sex: ALL", 'eligibility.sex: "Sex: Male and female"'),
    ],
)
def test_the_whole_term_binds(registry: Path, trials: Trials, value: str, evidence: str) -> None:
    add_source(registry, CUT_SOURCE, CUT_TEXT)
    (registry / IM19_PATH).write_text(joined(CUT_RECORD, f"{value}\nevidence:\n  {evidence}\n"), encoding="utf-8")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("text", "quote", "cut"),
    [
        ("18 Years 65 Years", "8 Years", "18"),
        ("Weight ≥ 40 kg", "Weight ≥ 4", "40"),
        ("Hemoglobin <7.0 g/dL", "Hemoglobin <7", "7.0"),
        ("Platelets <25,000/mm3", "Platelets <25", "25,000/mm3"),
        ("1×10^8 CAR-T cells", "10^8 CAR-T cells", "1×10^8"),
        ("the maximum dose is 30mg/day prednisone", "the maximum dose is 30mg", "30mg/day"),
        ("Severe lupus nephritis", "lupus nephritis", "Severe lupus nephritis"),
        ("with or without lupus nephritis", "lupus nephritis", "with or without lupus nephritis"),
        ("not refractory", "refractory", "not refractory"),
        ("Early Phase 1", "Phase 1", "Early Phase 1"),
    ],
)
def test_what_a_quote_cuts(text: str, quote: str, cut: str) -> None:
    found = edges.cut(text, quote)
    assert found is not None and found.words == cut


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("3) Weight ≥ 40 kg; 4) age", "Weight ≥ 40 kg"),
        ("levels are ≥3×ULN. Next", "levels are ≥3×ULN."),
        ("Single Group Assignment", "Single Group"),  # a longer term of the same value cuts nothing that matters
        ("None (Open Label)", "Open Label"),
        ("8 Years or 18 Years", "8 Years"),  # one whole occurrence is enough
        ("statusModule.overallStatus: RECRUITING", "statusModule.overallStatus: RECRUITING"),
        ("Lupus (SLE) patients", "SLE"),
    ],
)
def test_a_quote_of_whole_words_cuts_nothing(text: str, quote: str) -> None:
    assert edges.cut(text, quote) is None


def test_terms_are_looked_for_where_runs_begin_as_at_every_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """edges looks for a term across a quote's end only where a run of letters or digits begins,
    when every rendering begins with one (AnyTerm.word_first); it gives what trying every place
    gives, on each span of the seeds and of text dense with terms, at both ends."""
    from sle_trials.reading import vocabulary
    from sle_trials.reading.layouts import normalise

    term = vocabulary.any_term()
    assert term.word_first  # the vocabulary as it is takes the shortcut
    renderings = sorted({r for vocab in vocabulary.every() for r in vocab.values})
    seeds = [p for p in sorted((DATA_ROOT / "seeds").iterdir()) if p.name != "SHA256SUMS"]
    texts = [normalise(p.read_text("utf-8"))[:3000] for p in seeds]
    texts.append(" ".join(renderings[i % len(renderings)] + (" or not", "/", "-", ", ")[i % 4] for i in range(600)))
    spans = [(t, a, a + n) for t in texts for a in range(0, len(t) - 40, 7) for n in (5, 12, 31)]
    shortcut = [edges.cut_at(t, a, b) for t, a, b in spans]
    monkeypatch.setattr(vocabulary, "any_term", lambda: term._replace(word_first=False))
    assert [edges.cut_at(t, a, b) for t, a, b in spans] == shortcut
    assert any(found is not None for found in shortcut)  # the spans do cut terms and words


def _may_cross_by_every_run(text: str, at: int, term: vocabulary.AnyTerm) -> bool:
    """edges._may_cross as first written: every run of the window, in order, up to at."""
    if at <= 0 or at >= len(text):
        return False
    lo, hi = max(0, at - term.longest_run - 1), min(len(text), at + term.longest_run + 1)
    window, k = text[lo:hi], at - lo
    for m in re.finditer(r"[A-Za-z0-9_]+", window):
        if m.start() > k:
            break
        if m.end() < k:
            continue
        if (m.start() == 0 and lo > 0) or (m.end() == len(window) and hi < len(text)):
            return False
        held = term.before_more if m.end() == k else term.after_more if m.start() == k else term.runs
        if m.group() not in held:
            return False
    return True


def test_the_run_beside_a_quotes_end_is_found_as_by_every_run() -> None:
    """edges._may_cross reads the one run of letters and digits beside a place (backwards, then
    forwards) rather than every run of its window: the same answer at every place of the seeds, of
    text dense with terms and of runs longer than any rendering's."""
    from sle_trials.reading.layouts import normalise

    term = vocabulary.any_term()
    renderings = sorted({r for vocab in vocabulary.every() for r in vocab.values})
    seeds = [p for p in sorted((DATA_ROOT / "seeds").iterdir()) if p.name != "SHA256SUMS"]
    texts = [normalise(p.read_text("utf-8"))[:3000] for p in seeds]
    texts.append(" ".join(renderings[i % len(renderings)] + (" or not", "/", "-", ", ")[i % 4] for i in range(600)))
    texts += ["x" * n + " " + "Not_Yet" * (n // 7) + ".9" for n in range(0, 3 * term.longest_run)]
    answers = [
        (edges._may_cross(t, at, term), _may_cross_by_every_run(t, at, term))
        for t in texts
        for at in range(-1, len(t) + 2)
    ]
    assert all(new == old for new, old in answers)
    assert {new for new, _ in answers} == {True, False}


def test_many_cut_occurrences_are_searched_in_bounded_time() -> None:
    """A quote of one letter in a page of that letter: every occurrence cuts a word, and the search
    stops after edges.MAX_OCCURRENCES of them (each costs a few regular-expression matches)."""
    found = edges.cut("e" * 5_000_000, "e")
    assert found is not None and found.words.startswith("eee")


# A source as received may hold invisible characters inside its words (a web page's soft hyphens and
# zero-width spaces); a reader sees "18 Years" and "lupus nephritis" there.
INVISIBLE_SOURCE = "seeds/911_invisible.txt"
INVISIBLE_TEXT = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    "Last Updated: 2025-08-17\n"
    "Minimum Age: 1\u200b8 Years\nSevere lu\u00adpus nephritis is excluded.\n"
)


@pytest.mark.parametrize(
    ("age", "quote", "status"),
    [
        (8, "8 Years", 1),  # before: read after the zero-width space, "8 Years" stood whole (E521 now)
        (18, "Minimum Age: 18 Years", 0),  # before: not found at all (E502), the source holding "1\u200b8"
    ],
)
def test_a_source_is_read_without_its_invisible_characters(
    registry: Path, trials: Trials, age: int, quote: str, status: int
) -> None:
    add_source(registry, INVISIBLE_SOURCE, INVISIBLE_TEXT)
    record = CUT_RECORD.replace(CUT_SOURCE, INVISIBLE_SOURCE)
    (registry / IM19_PATH).write_text(joined(record, age_fields("minimum_age", age, quote)), encoding="utf-8")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == status, result.out
    if status:
        assert "E521 evidence for eligibility.minimum_age: the quote begins inside '18'" in result.out


def test_every_invisible_character_is_left_out_or_read_as_space() -> None:
    """The normalisers drop each invisible character (invisible.py) and NUL, except white space,
    which separates words (Unicode's White_Space: not the information separators U+001C to U+001F,
    which Python's isspace takes for it): the list checked against every code point."""
    from sle_trials.outputs.site import highlight
    from sle_trials.reading import invisible, layouts

    for code in range(0x110000):
        c = chr(code)
        if not invisible.INVISIBLE.match(c) and c != "\x00":
            assert not invisible.DROPPED.match(c), hex(code)  # nothing else is dropped
            continue
        if c == invisible.SEPARATOR:  # kept, a table row's end (tests/test_attacks_table_rows.py)
            assert layouts.normalise(f"a{c}b") == f"a{c}b" and not invisible.DROPPED.match(c)
            continue
        # an embedding, override or isolate left open shows the rest of its paragraph reordered: read as
        # none; a right-to-left mark before a letter reorders nothing (tests/test_attacks_bidi_marks.py)
        space = c.isspace() and not "\x1c" <= c <= "\x1f"
        reorders = invisible.REORDERING.match(c) and c not in invisible.RTL_MARKS
        expected = "a b" if space else "a" if reorders else "ab"
        assert layouts.normalise(f"a{c}b") == expected, hex(code)
        assert highlight.normalise(f"a{c}b").text == expected, hex(code)
        assert bool(invisible.DROPPED.match(c)) == (not space), hex(code)


@pytest.mark.parametrize(
    ("text", "needle", "bounds", "places"),
    [
        ("aaaa", "aa", (), [0, 1, 2]),  # overlapping places too: "18 18" of "18 18 18" stands twice
        ("a b a b a", "a", (1, 8), [4]),  # within lo and hi alone (the site's scope of a trial)
        ("abc", "", (), []),  # an empty needle stands nowhere
    ],
)
def test_a_quote_stands_at_each_of_its_places(text: str, needle: str, bounds: tuple, places: list[int]) -> None:
    """One reading of where a text stands (edges.occurrences), for binding, the prose rules and the
    site's marks: each kept a copy of its own."""
    assert list(edges.occurrences(text, needle, *bounds)) == places
