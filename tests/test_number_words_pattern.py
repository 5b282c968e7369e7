"""quantities.number_words writes the cardinals and ordinals to ninety-nine as a tens word with an
optional or required unit, then the other words, instead of listing all of them longest first: the
list took 8 to 17 ms to compile a pattern, 70 ms of each start of a process that checks records.

The patterns that hold it must read every text as they did with the list: here each is compiled
again with the list in its place (the words longest first, the join in place of the hyphen, as it
was written before), and both are run over the same texts: every span and group found, and which
ends a match may take at each place, the same.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sle_trials.checks import completeness
from sle_trials.reading.lexicon import age_bounds, quantities


def listed(table: dict[str, int], join: str) -> str:
    """The words as the patterns listed them before number_words: all of them, longest first."""
    return "(?:" + "|".join(word.replace("-", join) for word in sorted(table, key=len, reverse=True)) + ")"


# (the pattern, the tables it reads, the join between a ten and its unit there)
PATTERNS = {
    "completeness._CARDINALS_NAMED": (completeness._CARDINALS_NAMED, [quantities.CARDINALS], completeness._TENS_JOIN),
    "completeness._ORDINAL_RUN": (completeness._ORDINAL_RUN, [quantities.ORDINALS], completeness._TENS_JOIN),
    "completeness._A_CARDINAL": (completeness._A_CARDINAL, [quantities.CARDINALS], completeness._TENS_JOIN),
    "completeness._AN_ORDINAL": (completeness._AN_ORDINAL, [quantities.ORDINALS], completeness._TENS_JOIN),
    "age_bounds._BIRTHDAY": (age_bounds._BIRTHDAY, [quantities.ORDINALS], quantities.TENS_JOIN),
    "age_bounds._BIRTHDAYS_BETWEEN": (age_bounds._BIRTHDAYS_BETWEEN, [quantities.ORDINALS], quantities.TENS_JOIN),
}


def as_listed(name: str) -> re.Pattern[str]:
    pattern, tables, join = PATTERNS[name]
    source = pattern.pattern
    for table in tables:
        written = quantities.number_words(table, join)
        assert written in source, f"{name} does not hold number_words' alternation"
        source = source.replace(written, listed(table, join))
    return re.compile(source, pattern.flags)


def found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


WORDS = sorted({*quantities.CARDINALS, *quantities.ORDINALS}, key=len)
JOINS = ["-", " ", " - ", "\u2013", "-\n", "\t", "  ", "\u2010 "]
GLUE = [
    " ", ", ", " and ", " to ", "; ", " or ", " through ", "s ", "th ", " birthday", " birthdays ", " criteria ",
    " items ", "the ", "their ", "between ", "from ", "hundred ", "18th ", "3 ", "x", "-", "\n",
]  # fmt: skip


def _spelled(word: str, join: str, case: str) -> str:
    text = word.replace("-", join)
    return {"lower": text, "upper": text.upper(), "title": text.title()}[case]


words = st.builds(
    _spelled, st.sampled_from(WORDS), st.sampled_from(JOINS), st.sampled_from(["lower", "upper", "title"])
)
texts = st.lists(
    st.one_of(words, st.sampled_from(GLUE), st.sampled_from(["twenty", "sixty", "six", "four"])), max_size=8
).map("".join)


@pytest.mark.parametrize("name", list(PATTERNS))
def test_every_word_in_every_spelling_is_read_as_the_list_read_it(name: str) -> None:
    pattern, listed_pattern = PATTERNS[name][0], as_listed(name)
    for word in WORDS:
        for join in JOINS:
            for text in (
                word.replace("-", join),
                f"criteria {word.replace('-', join)} and {word.replace('-', join).upper()}",
                f"between their {word.replace('-', join)} and {word.replace('-', join)} birthdays",
                f"the {word.replace('-', join)}, {word}s and {word}th items",
            ):
                assert found(pattern, text) == found(listed_pattern, text), (name, text)


@pytest.mark.parametrize("join", [completeness._TENS_JOIN, quantities.TENS_JOIN])
@pytest.mark.parametrize("table", [quantities.CARDINALS, quantities.ORDINALS], ids=["cardinals", "ordinals"])
# 10 (was 100; 2026-12-05): sle_trials coverage is flat from 1 example (the test runs regular expressions);
# planted bugs in number_words (others shortest first, compounds tried last, a lazy unit, an ordinal tens
# word standing alone, the join optional) caught at 10, the last for ordinals only by "twentyninth"; 100 cost 0.55 s
@settings(max_examples=10, deadline=None)
@given(text=texts)
@example(text="sixty- sixteen")
@example(text="Twenty  Fourth birthday")
@example(text="twentyninth")  # a unit run into its tens word, with no join
def test_the_ends_a_match_may_take_are_the_lists_in_its_order(table: dict[str, int], join: str, text: str) -> None:
    """At each place, the words may end where the list's may, and the first end tried is the list's:
    what a pattern around them backtracks through is the same."""
    written, words_listed = (
        re.compile(quantities.number_words(table, join), re.I),
        re.compile(listed(table, join), re.I),
    )
    for start in (m.start() for m in re.finditer(r"\b[A-Za-z]", text)):  # where a word may begin
        ends = [end for end in range(start, len(text) + 1) if written.fullmatch(text, start, end)]
        assert ends == [end for end in range(start, len(text) + 1) if words_listed.fullmatch(text, start, end)]
        first, first_listed = written.match(text, start), words_listed.match(text, start)
        assert (first and first.end()) == (first_listed and first_listed.end()), (text, start)


@pytest.mark.parametrize("name", list(PATTERNS))
# 50 (was 150; 2026-12-05): sle_trials coverage is flat from 1 example; of the planted bugs in number_words,
# a lazy unit is caught from 50 (_A_CARDINAL), an ordinal tens word standing alone from 40 (_BIRTHDAY), the
# join made optional by draws only at 150 (_ORDINAL_RUN), by the example below at any count; 150 cost 1.0 s,
# 50 0.4 s
@settings(max_examples=50, deadline=None)
@given(text=texts)
@example(text="twentyninth")  # a unit run into its tens word, with no join
def test_the_patterns_read_any_text_as_the_list_read_it(name: str, text: str) -> None:
    assert found(PATTERNS[name][0], text) == found(as_listed(name), text)


# numbers() read the cardinals and zero by a pattern of their own, factored by hand before number_words
# was; it is number_words' now, and reads as that one did
WORDS_READ_BEFORE = (
    rf"(?:{quantities._TENS}(?:{quantities.TENS_JOIN}{quantities._ONES})?|{quantities._TEENS}|{quantities._WORD}|zero)"
)


# 10 (was 100; 2026-12-05): sle_trials coverage is flat from 1 example; planted bugs in number_words caught
# at 10; 100 cost 0.13 s
@settings(max_examples=10, deadline=None)
@given(text=texts)
@example(text="sixty- sixteen zero")
def test_the_words_numbers_reads_end_where_they_did(text: str) -> None:
    now, before = re.compile(quantities._WORDS_NUMBER_READ, re.I), re.compile(WORDS_READ_BEFORE, re.I)
    for start in (m.start() for m in re.finditer(r"\b[A-Za-z]", text)):
        ends = [end for end in range(start, len(text) + 1) if now.fullmatch(text, start, end)]
        assert ends == [end for end in range(start, len(text) + 1) if before.fullmatch(text, start, end)]
        first, first_before = now.match(text, start), before.match(text, start)
        assert (first and first.end()) == (first_before and first_before.end()), (text, start)
    assert now.findall("zero ZERO Zero") == before.findall("zero ZERO Zero")
