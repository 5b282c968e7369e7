"""Attacks on the prior-therapy reading (fix29): a washout read as a treatment had before, a later
clause's or sentence's denied failure read as the requirement's, the inflections of the words that
skip a later sentence, and an exception read past the clause it ends in.
"""

from __future__ import annotations

import pytest
from counted import characters_read, scan_all
from sle_trials.reading import prior_therapy


def _therapies(text: str) -> tuple[str, ...] | None:
    found = prior_therapy.requirement(text, inclusion=True)
    return None if found is None else tuple(t.casefold() for t in found.therapies)


# --- a treatment had before that its clause stops: a washout ----------------------------------------

# A treatment had before (RECEIVED: "have received", "previously treated with") whose clause stops it
# after ("must stop it 4 weeks prior", "must discontinue it") names those who may have had it and must
# wash it out: no requirement. It was read as one, and a record declaring the prior therapy silent was
# refused (E523), or one naming the failure after it held to the washed-out therapy too
WASHOUT_OF_A_TREATMENT_HAD_BEFORE = [
    ("Patients who have received hydroxychloroquine must stop it 4 weeks prior.", None),
    ("Patients who have previously received belimumab must discontinue it 12 weeks before screening.", None),
    ("Patients previously treated with belimumab must have stopped it at least 3 months before.", None),
    ("Patients who have received rituximab must have a washout of 6 months.", None),
    ("Patients who have used JAK inhibitors must have them withdrawn 4 weeks before.", None),
    (
        "Patients who have received hydroxychloroquine must stop it 4 weeks prior; refractory to mycophenolate.",
        ("mycophenolate",),
    ),
]


@pytest.mark.parametrize(("text", "therapies"), WASHOUT_OF_A_TREATMENT_HAD_BEFORE)
def test_a_washout_of_a_treatment_had_before_requires_none(text: str, therapies: tuple | None) -> None:
    assert _therapies(text) == therapies


# ... while one stopped for its failure, or whose washout is another clause's, is still required
WASHOUT_ELSEWHERE_OR_OF_A_FAILURE = [
    ("Previously treated with mycophenolate for at least 6 months.", ("mycophenolate",)),
    ("Must have received cyclophosphamide; hydroxychloroquine must be stopped 4 weeks before.", ("cyclophosphamide",)),
    ("Previously treated with mycophenolate. Hydroxychloroquine must be stopped 4 weeks before.", ("mycophenolate",)),
    ("Previously treated with mycophenolate, stopped because of intolerance.", ("mycophenolate",)),
    ("Previously treated with rituximab and discontinued it after an inadequate response.", ("rituximab",)),
    ("Have received belimumab, stopped for lack of efficacy.", ("belimumab",)),
]


@pytest.mark.parametrize(("text", "therapies"), WASHOUT_ELSEWHERE_OR_OF_A_FAILURE)
def test_a_treatment_had_before_and_failed_or_washed_out_elsewhere_is_required(text: str, therapies: tuple) -> None:
    assert _therapies(text) == therapies


# --- a later clause that keeps its patients out -----------------------------------------------------

# A clause after the cue's that keeps out the patients it names ("; patients who failed belimumab are
# excluded", "; those refractory to cyclophosphamide are ineligible") names no therapy of the
# requirement: its therapy was read as one more that must have failed, and a record stating the
# requirement as written was refused for leaving it out
LATER_CLAUSE_KEPT_OUT = [
    "Failure of rituximab; patients who failed belimumab are excluded.",
    "Failure of rituximab; patients who failed belimumab will be excluded from the study.",
    "Failure of rituximab; patients on belimumab are excluded.",
    "Failure of rituximab; patients previously treated with belimumab are not eligible.",
    "Failure of rituximab, and patients who failed belimumab are excluded.",
    "Failure of rituximab; those refractory to belimumab are ineligible.",
]


@pytest.mark.parametrize("text", LATER_CLAUSE_KEPT_OUT)
def test_a_later_clause_keeping_its_patients_out_adds_no_therapy(text: str) -> None:
    assert _therapies(text) == ("rituximab",)


# ... while a later clause that keeps out others, or none, is read as before
LATER_CLAUSE_READ_AS_BEFORE = [
    ("Failure of rituximab; belimumab.", ("rituximab", "belimumab")),
    ("Failure of rituximab; or of belimumab.", ("rituximab", "belimumab")),
    ("Failure of rituximab or belimumab; patients with nephritis are excluded.", ("rituximab", "belimumab")),
    ("Failure of rituximab; patients with active nephritis are excluded.", ("rituximab",)),
    ("Refractory to rituximab; also refractory to belimumab.", ("rituximab", "belimumab")),
]


@pytest.mark.parametrize(("text", "therapies"), LATER_CLAUSE_READ_AS_BEFORE)
def test_a_later_clause_keeping_no_one_out_is_read_as_before(text: str, therapies: tuple) -> None:
    assert _therapies(text) == therapies


def test_an_exclusion_of_those_who_lack_the_treatment_keeps_its_therapy() -> None:
    found = prior_therapy.requirement("Patients who have not received mycophenolate are excluded.", inclusion=False)
    assert found is not None and found.therapies == ("mycophenolate",)


# --- the skip-words in each of their inflections ----------------------------------------------------

# A sentence after the cue's that stops, washes out, keeps stable or lets go on a medication is skipped
# by its words (_NOT_PRIOR); of them, "continue", "continues" and "continuing" stood, not "continued",
# "discontinues", "washed out", "withdrawal", "allows", "permits", "receive"...: such a sentence was read
# as the requirement's, and its medication as one more that must have failed
SKIP_WORD_INFLECTIONS = [
    "Failure of rituximab; belimumab cannot be continued if refractory to it.",
    "Failure of rituximab; belimumab cannot be continued.",
    "Failure of rituximab. Hydroxychloroquine is continued at the same dose.",
    "Failure of rituximab; continuation of hydroxychloroquine.",
    "Failure of rituximab; hydroxychloroquine must be washed out 4 weeks before.",
    "Failure of rituximab; belimumab discontinues 4 weeks before.",
    "Failure of rituximab; patients discontinuing belimumab 4 weeks before.",
    "Failure of rituximab; withdrawal of hydroxychloroquine 4 weeks before.",
    "Failure of rituximab; the protocol allows hydroxychloroquine.",
    "Failure of rituximab; the protocol permits hydroxychloroquine.",
    "Failure of rituximab; patients who receive hydroxychloroquine.",
    "Failure of rituximab; prednisone stabilized for 4 weeks.",
]


@pytest.mark.parametrize("text", SKIP_WORD_INFLECTIONS)
def test_a_later_sentence_is_skipped_by_each_inflection_of_its_words(text: str) -> None:
    assert _therapies(text) == ("rituximab",)


# ... while a sentence that lets in a failure by them, or whose "continued" is the disease's, is read
SKIP_WORD_INFLECTIONS_READ = [
    "Failure of rituximab; belimumab may be continued provided they failed it.",
    "Failure of rituximab. Belimumab is continued only if the patient failed it.",
    "Failure of rituximab; continued disease activity after belimumab.",
    "Failure of rituximab; also refractory to belimumab.",
    "Failure of rituximab; or belimumab.",
]


@pytest.mark.parametrize("text", SKIP_WORD_INFLECTIONS_READ)
def test_a_later_sentence_of_a_failure_is_read_whatever_its_inflections(text: str) -> None:
    assert _therapies(text) == ("rituximab", "belimumab")


# --- an exception up to the comma a cue follows -----------------------------------------------------

# An exception reached to its clause's end, and denied a cue after a comma that states the criterion's
# own requirement ("Excluding patients previously treated with rituximab, refractory to
# mycophenolate"): the requirement was read as none, and a record declaring the prior therapy silent
# passed (E523)
CUE_AFTER_AN_EXCEPTION = [
    "Excluding patients previously treated with rituximab, refractory to mycophenolate.",
    "Excluding patients previously treated with rituximab, failure of mycophenolate.",
    "Except those treated with belimumab, disease remained active despite mycophenolate.",
    "Other than patients who have received rituximab, inadequate response to mycophenolate.",
]


@pytest.mark.parametrize("text", CUE_AFTER_AN_EXCEPTION)
def test_a_cue_after_the_comma_ending_an_exception_is_required(text: str) -> None:
    assert _therapies(text) == ("mycophenolate",)


# ... while a cue the exception joins by "or", or a list it names (of therapies, or of cues of its own
# cue's kind), stays excepted
EXCEPTION_READ_AS_BEFORE = [
    ("Excluding patients previously treated with rituximab.", None),
    ("Excluding patients previously treated with rituximab or refractory to belimumab.", None),
    ("Excluding patients previously treated with rituximab, or refractory to belimumab.", None),
    (
        "Failure of two immunosuppressants, excluding glucocorticoids, hydroxychloroquine and NSAIDs.",
        ("immunosuppressants",),
    ),
    (
        "Failure of two immunosuppressants (other than hydroxychloroquine) and cyclophosphamide.",
        ("immunosuppressants", "cyclophosphamide"),
    ),
    ("Refractory to standard therapy, except patients previously treated with rituximab.", ()),
    # (a list of exceptions, each with its cue of the same kind)
    ("Failure of standard therapy, excluding those who have received rituximab, who have received belimumab.", ()),
    ("Excluding those previously treated with rituximab, previously treated with belimumab.", None),
    ("Excluding patients refractory to rituximab, refractory to belimumab.", None),
]


@pytest.mark.parametrize(("text", "therapies"), EXCEPTION_READ_AS_BEFORE)
def test_an_exception_joined_or_listing_is_read_as_before(text: str, therapies: tuple | None) -> None:
    assert _therapies(text) == therapies


# --- a later sentence whose cue is denied -----------------------------------------------------------

# A sentence after the cue's with no word of a washout or a medication taken now was read whole, though
# its only cue is denied ("; not refractory to belimumab", "; no prior treatment with belimumab"): a
# therapy that did not fail, or was not had, was read as one more that must have failed
LATER_SENTENCE_DENIED = [
    (
        "Failure of rituximab. Hydroxychloroquine must be discontinued 4 weeks before; not refractory to belimumab.",
        ("rituximab",),
    ),
    ("Failure of rituximab; not refractory to belimumab.", ("rituximab",)),
    ("Failure of rituximab. Not refractory to belimumab.", ("rituximab",)),
    ("Failure of rituximab; no prior treatment with belimumab.", ("rituximab",)),
    ("Failure of rituximab; did not fail belimumab.", ("rituximab",)),
    ("Failure of rituximab; never previously received belimumab.", ("rituximab",)),
    (
        "Failure of rituximab; not refractory to belimumab, but refractory to cyclophosphamide.",
        ("rituximab", "cyclophosphamide"),
    ),
]


@pytest.mark.parametrize(("text", "therapies"), LATER_SENTENCE_DENIED)
def test_a_later_sentences_denied_cue_adds_no_therapy(text: str, therapies: tuple) -> None:
    assert _therapies(text) == therapies


# ... while a later sentence with a cue not denied, or none, is read as before
LATER_SENTENCE_READ_AS_BEFORE = [
    "Failure of rituximab; not controlled despite belimumab.",
    "Failure of rituximab; no response to belimumab.",
    "Failure of rituximab; also refractory to belimumab.",
    "Failure of rituximab; belimumab.",
    "Failure of rituximab. Previously treated with belimumab.",
]


@pytest.mark.parametrize("text", LATER_SENTENCE_READ_AS_BEFORE)
def test_a_later_sentence_not_denied_is_read_as_before(text: str) -> None:
    assert _therapies(text) == ("rituximab", "belimumab")


def test_later_sentences_are_read_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each later sentence's cues are read in it alone: the characters prior_therapy's patterns read
    (counted.scan_all) for four times the sentences are about four times as many, not sixteen."""
    unit = "Failure of rituximab. Hydroxychloroquine must be discontinued; not refractory to belimumab; "
    scans = scan_all(monkeypatch, prior_therapy, leave=("RECEIVED",))
    small, large = (characters_read(scans, prior_therapy.requirement, unit * n, inclusion=True) for n in (25, 100))
    assert large < 5 * small, (small, large)
