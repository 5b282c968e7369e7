"""Words that keep patients out, read alike wherever a prior therapy's requirement reads them.

prior_therapy.py defined _KEPT_OUT twice: the words of a sentence after the requirement's that keeps
out those it speaks of, then, under the same name, the words after a cue in its clause that make an
inclusion criterion an exclusion. The second shadowed the first, whose modal negations ("must not
participate", "may not be randomised", "shall not participate") no rule read any more: an inclusion
criterion "Failure of rituximab; patients who failed belimumab must not participate." required
belimumab, and "Patients previously treated with rituximab must not participate." required rituximab,
so a record holding either requirement passed.

The words themselves were three lists, one a reader (ages, prior therapy, sex), each missing some
of another's: "Patients over 65 years cannot take part." kept women out as a sex but was read as a
minimum age of 65, so a record with that minimum and that quote passed; "are barred" kept out only
a sex, "are disqualified" nothing. They are one list now, reading/kept_out.py.
"""

from __future__ import annotations

import pytest
from conftest import Trials, age_fields, im19_out
from sle_trials.reading import prior_therapy
from sle_trials.reading.lexicon import age_bounds

KEPT_OUT = [
    "must not participate",
    "may not be randomised",
    "shall not participate",
    "cannot be enrolled",
    "are excluded",
    "were excluded",
    "are not eligible",
    "are never eligible",
    "will not be included",
    "are no longer eligible",
    "cannot take part",
    "are barred",
    "are disqualified",
    "will not be accepted",
]


@pytest.mark.parametrize("words", KEPT_OUT)
def test_a_later_sentence_keeping_its_patients_out_requires_nothing(words: str) -> None:
    for text in (
        f"Failure of rituximab; patients who failed belimumab {words}.",
        f"Failure of rituximab. Patients refractory to belimumab {words}.",
    ):
        found = prior_therapy.requirement(text, inclusion=True)
        assert found is not None and found.therapies == ("rituximab",), text


@pytest.mark.parametrize("words", KEPT_OUT)
def test_a_clause_keeping_its_patients_out_is_no_requirement(words: str) -> None:
    for text in (
        f"Patients previously treated with rituximab {words}.",
        f"Patients refractory to rituximab {words}.",
    ):
        assert prior_therapy.requirement(text, inclusion=True) is None, text


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        ("Failure of rituximab; patients must have failed belimumab too.", ("rituximab", "belimumab")),
        ("Failure of rituximab and belimumab.", ("rituximab", "belimumab")),
        # words of another event than taking part ("must not be pregnant") keep no one out
        ("Failure of rituximab; patients must not be pregnant.", ("rituximab",)),
        ("Patients previously treated with rituximab must not have received it within 6 months.", ("rituximab",)),
    ],
)
def test_a_requirement_not_kept_out_is_read(text: str, therapies: tuple[str, ...]) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == therapies


# --- one list of the words for every reader -------------------------------------------------------

AGE_KEPT_OUT = [
    "cannot take part",
    "may not take part in this study",
    "are barred",
    "are disqualified",
    "are never eligible",
    "are no longer eligible",
    "will not be accepted",
    "should not be enrolled",
    "cannot be recruited",
]


@pytest.mark.parametrize("words", AGE_KEPT_OUT)
def test_an_age_in_a_sentence_keeping_its_patients_out_is_no_bound(words: str) -> None:
    assert [a.bound for a in age_bounds.ages(f"Patients over 65 years {words}.")] == [None]


@pytest.mark.parametrize("words", ["cannot take part", "are barred", "are disqualified"])
def test_a_minimum_age_quoted_from_a_sentence_keeping_its_patients_out_is_refused(trials: Trials, words: str) -> None:
    line = f"Patients over 65 years {words}."
    assert " E508 " in im19_out(trials, line, age_fields("minimum_age", 65, line))


@pytest.mark.parametrize(
    "line",
    [
        "Patients aged 65 years or older can take part.",
        # a denial of another trial's enrolment, not of this one's
        "Patients aged 65 years or older, not included in another trial.",
        "Patients aged 65 years or older who do not participate in other studies.",
    ],
)
def test_a_minimum_age_in_a_sentence_letting_its_patients_in_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, age_fields("minimum_age", 65, line)) == ""


@pytest.mark.parametrize("words", ["are disqualified", "cannot be randomised"])
def test_a_sex_the_same_words_keep_out_renders_none(trials: Trials, words: str) -> None:
    fields = 'eligibility:\n  sex: FEMALE\nevidence:\n  eligibility.sex: "Female"\n'
    assert " E507 eligibility.sex: FEMALE is not what the quote states" in im19_out(
        trials, f"Female patients {words}.", fields
    )
