"""Attacks on the prior-therapy reading (fix28): a requirement's cue taken by its kind over an earlier
one of another kind (prior_therapy.requirement, _earliest), and a permission of a failure after the
cue's sentence skipped whole.
"""

from __future__ import annotations

import pytest
from counted import characters_read, scan_all
from sle_trials.reading import prior_therapy

# --- the first cue of a criterion, of any kind ------------------------------------------------------

# Several words of a requirement in one criterion, an earlier one of a kind read after a later one's
# (FAILED's "failure of", "refractory to" taken over STAYED_ACTIVE's "failed", "despite", or RECEIVED's
# "previously treated"): the therapies are read from the cue on, and those before it were lost, the
# requirement read as its alternative alone
EARLIER_CUE_OF_ANOTHER_KIND = [
    (
        "Must have failed mycophenolate; failure of cyclophosphamide is also acceptable.",
        ("mycophenolate", "cyclophosphamide"),
    ),
    (
        "Must have failed mycophenolate. Failure of cyclophosphamide is also acceptable.",
        ("mycophenolate", "cyclophosphamide"),
    ),
    (
        "Must have failed rituximab and may continue the study if refractory to belimumab.",
        ("rituximab", "belimumab"),
    ),
    ("Have failed mycophenolate, or be refractory to cyclophosphamide.", ("mycophenolate", "cyclophosphamide")),
    ("Have failed rituximab, or have an inadequate response to belimumab.", ("rituximab", "belimumab")),
    ("Relapsed after rituximab or refractory to belimumab.", ("rituximab", "belimumab")),
    (
        "Active disease despite hydroxychloroquine and inadequate response to mycophenolate.",
        ("hydroxychloroquine", "mycophenolate"),
    ),
    (
        "Have not responded to mycophenolate, or intolerant of cyclophosphamide.",
        ("mycophenolate", "cyclophosphamide"),
    ),
    (
        "Inadequately controlled with glucocorticoids and refractory to mycophenolate.",
        ("glucocorticoids", "mycophenolate"),
    ),
    (
        "Disease flared despite mycophenolate; failure of cyclophosphamide also qualifies.",
        ("mycophenolate", "cyclophosphamide"),
    ),
    # ... a treatment had before, before a failure
    ("Previously treated with rituximab and refractory to belimumab.", ("rituximab", "belimumab")),
    (
        "Previously treated with rituximab; disease remained active despite belimumab.",
        ("rituximab", "belimumab"),
    ),
]


@pytest.mark.parametrize(("text", "therapies"), EARLIER_CUE_OF_ANOTHER_KIND)
def test_the_first_cue_of_any_kind_is_the_requirements(text: str, therapies: tuple) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == therapies


# ... while a cue of one kind, or an earlier one denied (negated, a permission of a treatment had
# before, in words of whatever lets patients in), reads as it did
FIRST_CUE_READ_AS_BEFORE = [
    ("Failure of mycophenolate.", "Failure of", ("mycophenolate",)),
    ("Refractory to mycophenolate and failed rituximab.", "Refractory to", ("mycophenolate", "rituximab")),
    # (a cue of FAILED and STAYED_ACTIVE's at one place: FAILED's words)
    ("Failure of rituximab or belimumab.", "Failure of", ("rituximab", "belimumab")),
    ("Failure of rituximab; failure of belimumab is not required.", "Failure of", ("rituximab",)),
    ("Not previously treated with rituximab; refractory to mycophenolate.", "refractory to", ("mycophenolate",)),
    (
        "Patients previously treated with belimumab are eligible; must be refractory to mycophenolate.",
        "refractory to",
        ("mycophenolate",),
    ),
    ("Did not fail hydroxychloroquine but refractory to mycophenolate.", "refractory to", ("mycophenolate",)),
    ("Regardless of prior belimumab, refractory to mycophenolate.", "refractory to", ("mycophenolate",)),
    (
        "Must have failed rituximab, and concomitant hydroxychloroquine is OK.",
        "failed",
        ("rituximab",),
    ),
]


@pytest.mark.parametrize(("text", "words", "therapies"), FIRST_CUE_READ_AS_BEFORE)
def test_a_single_or_denied_cue_reads_as_before(text: str, words: str, therapies: tuple) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and (found.words, found.therapies) == (words, therapies)


# --- a permission of a failure in a sentence after the cue's ----------------------------------------

# A sentence after the cue's (after ";" or a sentence's end) holding a word of a permission ("allowed",
# "permitted", "continue") was skipped whole, read as one of a medication taken now, even where what it
# lets in is a failure, by its subject ("failure of belimumab is also allowed") or its condition
# ("belimumab is also allowed, provided they had an inadequate response"): another treatment that may
# have failed, which the same permission in the cue's own sentence is read as (_Treated.let_in), was lost
PERMITTED_FAILURE_AFTER_THE_CUE = [
    "Failure of rituximab; belimumab is also allowed, provided they had an inadequate response.",
    "Failure of rituximab; belimumab is allowed if refractory to it.",
    "Failure of rituximab; belimumab is permitted as long as the disease relapsed on it.",
    "Failure of rituximab; belimumab allowed only if refractory.",
    "Failure of rituximab; belimumab is allowed on condition that it failed.",
    "Failure of rituximab; belimumab is allowed when the patient did not respond to it.",
    "Failure of rituximab. Belimumab is also permitted, providing the patient failed it.",
    "Failure of rituximab. Patients may continue on study if refractory to belimumab.",
    "Failure of rituximab; hydroxychloroquine is allowed, and belimumab is allowed if refractory.",
    # ... by its subject
    "Failure of rituximab; failure of belimumab is also allowed.",
    "Failure of rituximab; patients refractory to belimumab are also permitted.",
    "Failure of rituximab; patients who relapsed despite belimumab are allowed.",
    "Failure of rituximab. Patients refractory to belimumab may continue.",
    "Failure of rituximab. Patients refractory to belimumab may continue hydroxychloroquine.",
]


@pytest.mark.parametrize("text", PERMITTED_FAILURE_AFTER_THE_CUE)
def test_a_permitted_failure_after_the_cues_sentence_is_required(text: str) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and [t.casefold() for t in found.therapies] == ["rituximab", "belimumab"]


# ... while a sentence that lets in a medication on any other condition, negates the permission or the
# failure, or stops, keeps stable or takes now a medication, names none of the requirement's therapies
PERMISSION_OF_NO_FAILURE_AFTER_THE_CUE = [
    "Failure of rituximab; hydroxychloroquine is allowed.",
    "Failure of rituximab; hydroxychloroquine is allowed if started 3 months before screening.",
    "Failure of rituximab; hydroxychloroquine is allowed provided the dose is stable.",
    "Failure of rituximab; patients may continue hydroxychloroquine.",
    "Failure of rituximab. Hydroxychloroquine may be continued if the patient has not failed it.",
    "Failure of rituximab; belimumab is allowed if not refractory to it.",
    "Failure of rituximab; belimumab is not allowed if refractory to it.",
    "Failure of rituximab; patients may not continue belimumab if refractory to it.",
    "Failure of rituximab; patients who failed belimumab are not allowed.",
    "Failure of rituximab; patients not refractory to belimumab are allowed.",
    "Failure of rituximab; belimumab is allowed if refractory, but must be discontinued 4 weeks before screening.",
    "Failure of rituximab; concomitant belimumab is allowed provided the patient failed it.",
    "Must have failed rituximab; hydroxychloroquine may continue.",
]


@pytest.mark.parametrize("text", PERMISSION_OF_NO_FAILURE_AFTER_THE_CUE)
def test_a_permission_of_no_failure_after_the_cues_sentence_requires_nothing(text: str) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == ("rituximab",)


@pytest.mark.parametrize(
    "sentence",
    [
        "hydroxychloroquine is allowed, ",
        "not refractory to belimumab, ",
        "failure of belimumab is allowed; ",
        "hydroxychloroquine may continue if started before; ",
        "currently not refractory to belimumab; ",
        "currently receiving prednisone, not refractory to belimumab, ",
    ],
)
def test_the_sentences_after_the_cue_are_read_once(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each sentence's permissions and failures are read once, not again for each of its words: the
    characters prior_therapy's patterns read (counted.scan_all) for four times the sentences are
    about four times as many, not sixteen."""
    scans = scan_all(monkeypatch, prior_therapy, leave=("RECEIVED",))
    small, large = (
        characters_read(
            scans, prior_therapy.requirement, "Failure of rituximab. " + sentence * n + "allowed.", inclusion=True
        )
        for n in (25, 100)
    )
    assert large < 5 * small, (small, large)


# --- a failure of its own in a sentence after the cue's ---------------------------------------------

# A sentence after the cue's that names a medication taken now, a stable dose or a washout was skipped
# whole, though it states a failure of its own ("Failure of rituximab. Currently refractory to
# belimumab"): its failed therapies were lost, and, the first cue of any kind taken, those a later
# failure's sentence named where that failure had been the cue ("Previously treated with
# hydroxychloroquine. Disease refractory to mycophenolate despite a stable dose of prednisone")
OWN_FAILURE_AFTER_THE_CUE = [
    ("Failure of rituximab. Currently refractory to belimumab.", ("rituximab", "belimumab")),
    ("Must have failed rituximab. Currently refractory to belimumab.", ("rituximab", "belimumab")),
    ("Failure of rituximab; stable disease despite belimumab.", ("rituximab", "belimumab")),
    (
        "Failure of rituximab. Currently receiving prednisone, and refractory to belimumab.",
        ("rituximab", "belimumab"),
    ),
    (
        "Refractory to rituximab. Disease refractory to mycophenolate despite a stable dose of prednisone.",
        ("rituximab", "mycophenolate", "prednisone"),
    ),
    (
        "Previously treated with hydroxychloroquine. Disease refractory to mycophenolate despite a stable "
        "dose of prednisone.",
        ("hydroxychloroquine", "mycophenolate", "prednisone"),
    ),
]


@pytest.mark.parametrize(("text", "therapies"), OWN_FAILURE_AFTER_THE_CUE)
def test_a_failure_of_its_own_after_the_cues_sentence_is_read(text: str, therapies: tuple) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == therapies


# ... while such a sentence with no failure of its own, a denied one, or a treatment had before (of the
# medication it stops or keeps stable), names none of the requirement's therapies
NO_FAILURE_OF_ITS_OWN_AFTER_THE_CUE = [
    "Failure of rituximab. Currently receiving prednisone at a stable dose.",
    "Failure of rituximab. Hydroxychloroquine must be discontinued 4 weeks before screening.",
    "Failure of rituximab. Currently not refractory to belimumab.",
    "Failure of rituximab. Patients previously treated with belimumab must discontinue it 12 weeks before screening.",
    "Failure of rituximab. Patients who have received hydroxychloroquine must be on a stable dose.",
]


@pytest.mark.parametrize("text", NO_FAILURE_OF_ITS_OWN_AFTER_THE_CUE)
def test_no_failure_of_its_own_after_the_cues_sentence_requires_nothing(text: str) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == ("rituximab",)


def test_an_exclusions_later_sentence_of_a_stable_dose_is_skipped() -> None:
    """An exclusion's requirement reads its later sentences as before: no failure of their own is read."""
    found = prior_therapy.requirement(
        "Patients who have not received mycophenolate; patients who have not received belimumab at a stable dose.",
        inclusion=False,
    )
    assert found is not None and found.therapies == ("mycophenolate",)
