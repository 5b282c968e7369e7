"""Prior-therapy lists bound to words of the criterion that are not its requirement's list (E525).

- Examples that no mark closes. A list standing among the examples of one item of the requirement
  ("such as", "e.g.", "including", ...) was refused only where a comma, a dash or a bracket closed them
  and the requirement went on after them ("targeted therapy, such as belimumab or rituximab, or
  immunosuppressants"). Written without the comma ("targeted therapy such as belimumab or rituximab and
  immunosuppressants"), where the examples end cannot be read: [belimumab, rituximab] passed, though what
  the conjunction joins after them is either another example (which the list leaves out) or another item
  of the requirement (which it leaves out too). Examples that no mark closes now run on to a conjunction or
  a semicolon that joins a therapy (or a kind of treatment) after them, and the list of those before it is
  refused in both readings. ("or" right after the last example was refused before by another reading,
  the item's own alternative: those are kept here as tests.)
- A kind of treatment the reader knows no therapy of. A requirement that names only such a kind ("at least
  two standard therapies", "targeted therapy", "an antimetabolite") was read from the first therapy the
  criterion names after it, in whatever words: "Refractory to at least two standard therapies, with
  prednisone at a stable dose" read as [prednisone] passed, and so did a drug named in a sentence after
  it ("... Benlysta is recommended"), though the source states neither as a therapy the disease was
  refractory to. The kind's words are read now (prior_therapy.KINDS), and a list that opens after them is
  the requirement's only as what they are spelled out or given examples by, or are a treatment with
  ("standard therapy, including ...", "any of the following: ...", "treatment with ..."). A kind standing
  after one item's aside is an item of the requirement too ("(belimumab or rituximab) or conventional
  therapy"). Its words after a cue now make the cue a requirement, as a therapy's or a treatment's do: "Active
  disease despite an antimetabolite" stated none, and a record declaring its prior therapy silent passed
  (E523).
- A drug named by a brand alone after one item's aside ("(belimumab or rituximab) or Benlysta", a strict xfail
  before): the brand is in no list, and [belimumab, rituximab] passed. A proper name the criterion writes inside
  its sentence as the next item is the requirement's item now (product_names.opens_with_a_name).
"""

from __future__ import annotations

import pytest
from conftest import Trials, imported_codes, one_criterion_out, prior_therapy_out
from sle_trials.reading import prior_therapy
from test_attacks_prior_therapy_silence import _study

E525 = " E525 eligibility.prior_therapy.therapies: "


# 1. Examples that no comma, dash or bracket closes


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        # the examples of a class the reader knows, taken whole or in part
        (
            "Active disease despite treatment with immunosuppressants such as mycophenolate or azathioprine or "
            "cyclophosphamide.",
            ["mycophenolate", "azathioprine"],
        ),
        (
            "Active disease despite treatment with immunosuppressants such as mycophenolate or azathioprine or "
            "cyclophosphamide.",
            ["mycophenolate", "azathioprine", "cyclophosphamide"],
        ),
        (
            "Active disease despite immunosuppressants e.g. mycophenolate or azathioprine.",
            ["mycophenolate", "azathioprine"],
        ),
        (
            "Active disease despite immunosuppressants including mycophenolate and azathioprine.",
            ["mycophenolate", "azathioprine"],
        ),
        # ... and of one the reader does not know, a conjunction joining another therapy after them
        (
            "Active disease despite targeted therapy such as belimumab or rituximab and immunosuppressants.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy such as belimumab or rituximab or immunosuppressants.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy such as belimumab or rituximab and at least one "
            "immunosuppressant.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy including belimumab and rituximab and immunosuppressants.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy e.g. belimumab or rituximab and cyclophosphamide.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy e.g. belimumab or rituximab and/or mycophenolate.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy namely belimumab or rituximab plus cyclophosphamide.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted agents such as belimumab or rituximab nor mycophenolate.",
            ["belimumab", "rituximab"],
        ),
        (
            "Inadequate response to targeted therapy such as belimumab or rituximab and to mycophenolate.",
            ["belimumab", "rituximab"],
        ),
        (
            "Inadequate response to targeted therapy such as belimumab or rituximab as well as mycophenolate.",
            ["belimumab", "rituximab"],
        ),
        # a semicolon after them
        (
            "Inadequate response to targeted therapy such as belimumab or rituximab; or to mycophenolate.",
            ["belimumab", "rituximab"],
        ),
        # the item after them a kind the reader knows no therapy of, whatever closes them
        (
            "Active disease despite targeted therapy such as belimumab or rituximab and conventional therapy.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy, such as belimumab or rituximab, or conventional therapy.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy (belimumab or rituximab) or conventional therapy.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy (belimumab or rituximab) or an antimetabolite.",
            ["belimumab", "rituximab"],
        ),
        (
            "Active disease despite targeted therapy (belimumab or rituximab) and at least two standard therapies.",
            ["belimumab", "rituximab"],
        ),
    ],
)
def test_examples_no_mark_closes_are_no_list_of_the_requirement(
    trials: Trials, text: str, therapies: list[str]
) -> None:
    out = prior_therapy_out(trials, text, therapies)
    assert E525 in out, out


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        # the item whole, its examples with it, and each item after it
        (
            "Active disease despite targeted therapy such as belimumab or rituximab and immunosuppressants.",
            ["targeted therapy such as belimumab or rituximab", "immunosuppressants"],
        ),
        (
            "Active disease despite treatment with immunosuppressants such as mycophenolate or azathioprine or "
            "cyclophosphamide.",
            ["immunosuppressants such as mycophenolate or azathioprine or cyclophosphamide"],
        ),
        (
            "Active disease despite treatment with immunosuppressants such as mycophenolate or azathioprine or "
            "cyclophosphamide.",
            ["immunosuppressants"],
        ),
        # examples that end the requirement, of a kind that names no therapy itself
        (
            "Active disease despite standard therapy such as hydroxychloroquine and glucocorticoids.",
            ["hydroxychloroquine", "glucocorticoids"],
        ),
        (
            "Active disease despite standard therapy e.g. hydroxychloroquine or glucocorticoids.",
            ["hydroxychloroquine", "glucocorticoids"],
        ),
        (
            "Active disease despite standard therapy including hydroxychloroquine, glucocorticoids and at least one "
            "immunosuppressant.",
            ["hydroxychloroquine", "glucocorticoids", "at least one immunosuppressant"],
        ),
        # what follows them joins no therapy: another clause
        (
            "Active disease despite targeted therapy such as belimumab or rituximab, with prednisone at a stable dose.",
            ["belimumab", "rituximab"],
        ),
    ],
)
def test_the_requirements_own_items_beside_examples_pass(trials: Trials, text: str, therapies: list[str]) -> None:
    assert " E525 " not in prior_therapy_out(trials, text, therapies)


# 2. A kind of treatment the reader knows no therapy of, and a list in other words after it


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        ("Refractory to at least two standard therapies, with prednisone at a stable dose.", ["prednisone"]),
        ("Refractory to at least two standard therapies while on prednisone.", ["prednisone"]),
        ("Refractory to at least two standard therapies. Hydroxychloroquine is recommended.", ["Hydroxychloroquine"]),
        # a name no therapy's word reads: the requirement names no therapy at all
        ("Refractory to at least two standard therapies. Benlysta is recommended.", ["Benlysta"]),
        ("Active disease despite targeted therapy, with prednisone at a stable dose.", ["prednisone"]),
        ("Active disease despite an antimetabolite, with prednisone at a stable dose.", ["prednisone"]),
        ("Active disease despite standard therapy with or without hydroxychloroquine.", ["hydroxychloroquine"]),
        (
            "Active disease despite standard therapy for 3 months before hydroxychloroquine was started.",
            ["hydroxychloroquine"],
        ),
        # a sentence of a medication taken now, which the requirement does not read
        ("Refractory to standard therapy. Concurrent prednisone is allowed.", ["prednisone"]),
    ],
)
def test_a_list_after_a_kind_of_treatment_in_other_words_is_refused(
    trials: Trials, text: str, therapies: list[str]
) -> None:
    out = prior_therapy_out(trials, text, therapies)
    assert E525 in out, out


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        # the kind's own list: what it is a treatment with, spelled out by, or given examples by
        ("Active disease despite treatment with mycophenolate.", ["mycophenolate"]),
        ("Previously received treatment for lupus nephritis with mycophenolate.", ["mycophenolate"]),
        (
            "Failure of prior therapy with at least one of the following: mycophenolate, azathioprine.",
            ["mycophenolate", "azathioprine"],
        ),
        (
            "Failure of at least two standard induction regimens: cyclophosphamide, mycophenolate.",
            ["cyclophosphamide", "mycophenolate"],
        ),
        (
            "Failure of standard therapy for at least 3 months with mycophenolate or azathioprine.",
            ["mycophenolate", "azathioprine"],
        ),
        (
            "Failure of standard therapy (at least 3 months) with mycophenolate or azathioprine.",
            ["mycophenolate", "azathioprine"],
        ),
        ("Failure of at least 3 months of treatment at an adequate dose of mycophenolate.", ["mycophenolate"]),
        (
            "Inadequate response to therapy for SLE, including mycophenolate and azathioprine.",
            ["mycophenolate", "azathioprine"],
        ),
        (
            "Active disease despite standard therapy (e.g., hydroxychloroquine, glucocorticoids).",
            ["hydroxychloroquine", "glucocorticoids"],
        ),
        ("Active disease despite targeted therapy - belimumab or rituximab.", ["belimumab", "rituximab"]),
        (
            "Active disease despite targeted therapy (belimumab or rituximab), with prednisone at a stable dose.",
            ["belimumab", "rituximab"],
        ),
        # the kind itself, whole, where its words name a treatment
        (
            "Active disease despite standard therapy with or without hydroxychloroquine.",
            ["standard therapy with or without hydroxychloroquine"],
        ),
        ("Active disease despite a calcineurin inhibitor.", ["calcineurin inhibitor"]),
        ("Active disease despite an antimetabolite.", ["antimetabolite"]),
        ("Active disease despite Benlysta.", ["Benlysta"]),
    ],
)
def test_a_list_that_is_the_kinds_own_passes(trials: Trials, text: str, therapies: list[str]) -> None:
    assert " E525 " not in prior_therapy_out(trials, text, therapies)


def test_a_requirement_of_a_kind_alone_may_list_no_therapy(trials: Trials) -> None:
    # what the source states: refractory, to no therapy it names
    block = "  prior_therapy:\n    refractory: true\n    criterion: {list: INCLUSION, number: 1}\n"
    text = "Refractory to at least two standard therapies, with prednisone at a stable dose."
    out = one_criterion_out(trials, text, "inclusion", block, "prior_therapy")
    assert " E5" not in out, out


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Refractory to at least two standard therapies, with prednisone at a stable dose.", ["therapies"]),
        ("Active disease despite an antimetabolite, with prednisone at a stable dose.", ["antimetabolite"]),
        # a therapy's own words are no kind the reader does not know
        ("Active disease despite biologic therapy (belimumab) or a calcineurin inhibitor.", []),
        # nor the cue's, nor an exception's, nor a medication taken now
        ("Prior treatment with rituximab.", []),
        ("Failure of mycophenolate, excluding topical therapy.", []),
        ("Failure of mycophenolate. Concurrent therapy with prednisone is allowed.", []),
    ],
)
def test_the_kinds_a_requirement_names_are_read(text: str, kinds: list[str]) -> None:
    read = prior_therapy.requirement(text, inclusion=True)
    assert read is not None
    assert [text[start:end] for start, end in read.kinds] == kinds


def test_a_kinds_words_and_what_follows_them_are_read_in_linear_time(trials: Trials) -> None:
    # runs of each piece of what may follow a kind's words, and a word joined by hyphens thousands long,
    # which a pattern trying each split of them would read in 2**n (or n**2) steps
    runs = ", e.g." * 400 + " (e.g." * 400 + " a stable dose" * 200 + " at least" * 200 + " x-" * 5000
    text = f"Refractory to standard therapy{runs} prednisone."
    out = prior_therapy_out(trials, text, ["prednisone"])
    assert " E525 " in out, out


# 3. A requirement that names a kind of treatment alone states one (E523 where it is declared silent)


@pytest.mark.parametrize(
    "criterion",
    [
        "4. Active disease despite an antimetabolite.\n",
        "4. Active disease despite an alkylating agent.\n",
        "4. Active disease despite calcineurin blockers.\n",
        "4. Active disease despite at least two immune-suppressing drugs.\n",
    ],
)
def test_a_requirement_of_a_kind_alone_declared_silent_is_refused(
    tmp_path_factory: pytest.TempPathFactory, criterion: str
) -> None:
    checker, data = _study(tmp_path_factory, criterion)
    assert "E523" in imported_codes(checker, data)


@pytest.mark.parametrize(
    "criterion",
    [
        # a kind's words with no words of a treatment failed or had before them: a medication taken now,
        # a washout, a requirement denied
        "4. Currently receiving a stable dose of antimalarial drugs.\n",
        "4. Patients must stop all immunosuppressive drugs 4 weeks before screening.\n",
        "4. No prior treatment with biologic agents.\n",
        "4. Able to attend visits despite the travel involved.\n",
    ],
)
def test_a_kinds_words_out_of_a_requirement_leave_it_silent(
    tmp_path_factory: pytest.TempPathFactory, criterion: str
) -> None:
    checker, data = _study(tmp_path_factory, criterion)
    assert "E523" not in imported_codes(checker, data)


# 4. A drug named by a brand alone after one item's aside (was a strict xfail: requirement._requirements_item held the
# item after the aside the requirement's only where a therapy THERAPIES reads starts it or a kind of treatment
# stands in it, and a brand is in no list): a proper name the criterion writes inside its sentence as the next
# item ("or Benlysta") is the requirement's item (product_names.opens_with_a_name), so a list of the aside alone
# leaves it out; not a noun phrase in small letters after a capital, a score in capitals, a disease's name


@pytest.mark.parametrize(
    "text",
    [
        "Active disease despite targeted therapy (belimumab or rituximab) or Benlysta.",
        "Active disease despite targeted therapy, such as belimumab or rituximab, or Saphnelo.",
        "Active disease despite targeted therapy such as belimumab or rituximab and Lupkynis.",
        "Active disease despite targeted therapy (belimumab or rituximab), or Zorvex® for 12 weeks.",
    ],
)
def test_an_asides_list_before_a_brand_is_refused(trials: Trials, text: str) -> None:
    assert E525 in prior_therapy_out(trials, text, ["belimumab", "rituximab"])


@pytest.mark.parametrize(
    "text",
    [
        "Active disease despite targeted therapy (belimumab or rituximab) and active nephritis.",
        "Active disease despite targeted therapy (belimumab or rituximab) and Active nephritis.",
        "Active disease despite targeted therapy (belimumab or rituximab) and SLEDAI-2K ≥ 6.",
        "Active disease despite targeted therapy (belimumab or rituximab) or Lupus nephritis.",
        "Active disease despite targeted therapy (belimumab or rituximab) and Sjögren's syndrome.",
        "Active disease despite targeted therapy (belimumab or rituximab) and Lupus.",
    ],
)
def test_an_asides_list_before_words_of_no_name_passes(trials: Trials, text: str) -> None:
    assert " E525 " not in prior_therapy_out(trials, text, ["belimumab", "rituximab"])
