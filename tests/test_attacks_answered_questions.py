"""A question its yes or no answers keeps its answer: the sentence does not end at the question's mark.

"IM19 CAR-T cells: CD28? Yes." and "CD28 domain? Yes." were refused E507: a sentence ended at any
stop before a capital (sentences._STOP), so the product's sentence (prose.naming_the_product) was
"IM19 CAR-T cells: CD28?", its question unanswered, and read as asked (retracted.ASKED) the domain
the answer gives was taken back. "... CD28 domain? yes" (in lower case) passed. Now a "?" before a
yes or no alone (sentences._ANSWERED: "Yes.", "NO", "True -", "No, 4-1BB.") ends no sentence, for
every reader of sentences: a yes binds, a no, a false or an unanswered question takes the value
back as before. A sentence that opens with such a word but answers nothing ("No patients under 18
were enrolled.", "Yesterday ...") still stands apart.
"""

from __future__ import annotations

import pytest
from conftest import Trials, construct_fields, im19_out, origin_fields, term_fields
from sle_trials.reading import prose, sentences, vocabulary
from sle_trials.reading.layouts import Passage

CD28 = construct_fields("CD28")
AUTOLOGOUS = origin_fields("autologous")


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("IM19 CAR-T cells: CD28? Yes.", CD28),
        ("IM19 CAR-T cells: CD28 domain? Yes.", CD28),
        ("IM19 CAR-T cells: CD28 costimulatory domain? YES", CD28),
        ("IM19 CAR-T cells: CD28 domain? Yes, one.", CD28),
        ("IM19 CAR-T cells: CD28 domain? True.", CD28),
        ("IM19 CAR-T cells: CD28 domain?? Yes!", CD28),
        ("IM19 CAR-T cells: CD28 domain? Yes - as designed. It is given once.", CD28),
        ("IM19 CAR-T cells: CD28 domain?\nYes.", CD28),
        ("IM19 CAR-T cells: autologous? Yes.", AUTOLOGOUS),
        ("IM19 CAR-T cells: autologous CAR-T product? Yes.", AUTOLOGOUS),
        # (the answer before a bracket, after an answer's label or a dash)
        ("IM19 CAR-T cells: CD28 domain? Yes (confirmed).", CD28),
        ("IM19 CAR-T cells: CD28 domain? A: Yes.", CD28),
        ("IM19 CAR-T cells: CD28 domain? Answer: yes", CD28),
        ("IM19 CAR-T cells: CD28 domain? \u2014 Yes.", CD28),
        ("IM19 CAR-T cells: autologous? A: True.", AUTOLOGOUS),
    ],
)
def test_a_products_value_its_question_answers_yes_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("IM19 CAR-T cells: CD28? No.", CD28),
        ("IM19 CAR-T cells: CD28 domain? NO", CD28),
        ("IM19 CAR-T cells: CD28 domain? No, 4-1BB.", CD28),
        ("IM19 CAR-T cells: CD28 domain? False.", CD28),
        ("IM19 CAR-T cells: CD28 domain?\nNo.", CD28),
        ("IM19 CAR-T cells: CD28 domain? Unknown.", CD28),
        ("IM19 CAR-T cells: CD28? Not yet.", CD28),
        ("IM19 CAR-T cells: autologous? No.", AUTOLOGOUS),
        ("IM19 CAR-T cells: autologous CAR-T product? False.", AUTOLOGOUS),
        ("Randomized allocation? No.", term_fields("design.allocation", "RANDOMIZED", "Randomized")),
        ("IM19 CAR-T cells: CD28 domain? A: No.", CD28),
        ("IM19 CAR-T cells: CD28 domain? Answer: No.", CD28),
        ("IM19 CAR-T cells: CD28 domain? \u2014 No.", CD28),
        ("IM19 CAR-T cells: CD28 domain? No (removed).", CD28),
        ("IM19 CAR-T cells: CD28 domain? A: Unknown.", CD28),
    ],
)
def test_a_value_its_question_answers_no_is_still_none(trials: Trials, line: str, fields: str) -> None:
    assert " E507 " in im19_out(trials, line, fields)


# --- the sentences themselves ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("IM19 CAR-T cells: CD28? Yes. It is autologous.", ["IM19 CAR-T cells: CD28? Yes.", "It is autologous."]),
        ("CD28 domain? No, 4-1BB. Next.", ["CD28 domain? No, 4-1BB.", "Next."]),
        ("Randomized?? TRUE! Next.", ["Randomized?? TRUE!", "Next."]),
        ("Female? False. Male.", ["Female? False.", "Male."]),
        # (a sentence opening with such a word, or a longer one, answers nothing of the question's)
        ("Who may join? No patients under 18.", ["Who may join?", "No patients under 18."]),
        ("Is it recruiting? Yesterday it was.", ["Is it recruiting?", "Yesterday it was."]),
        ("Any questions? Notably none.", ["Any questions?", "Notably none."]),
        ("Randomized. Yes, 1:1.", ["Randomized.", "Yes, 1:1."]),
        ("CD28 domain? A: Yes. Next.", ["CD28 domain? A: Yes.", "Next."]),
        ("CD28 domain? Answer: No (removed). Next.", ["CD28 domain? Answer: No (removed).", "Next."]),
        ("Who enrols? A: Adults only.", ["Who enrols?", "A: Adults only."]),
    ],
)
def test_a_questions_yes_or_no_stays_in_its_sentence(text: str, found: list[str]) -> None:
    assert sentences.split(text) == found
    assert sentences.split(text, sentences.STOPS) == found


def test_a_products_sentence_holds_its_questions_answer() -> None:
    named = prose.naming_the_product([Passage("Other news. IM19 CAR-T cells: CD28? No. Done.")], "IM19 CAR-T cells")
    assert [p.text for p in named] == ["IM19 CAR-T cells: CD28? No."]
    vocab = next(v for v in vocabulary.every() if v.name == "co-stimulatory domain")
    assert [r for r, _ in vocab.find(named[0].text)] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [("CD28 domain? A: No.", []), ("CD28 domain? Answer: unknown", []), ("CD28 domain? A: Yes.", ["CD28"])],
)
def test_a_vocabulary_reads_an_answer_after_its_label(text: str, found: list[str]) -> None:
    vocab = next(v for v in vocabulary.every() if v.name == "co-stimulatory domain")
    assert [r for r, _ in vocab.find(text)] == found


# A yes another choice follows on its line lists the choices, and answers nothing: "CD28 domain? - Yes
# - No" (a form's line, its boxes unticked) and "CD28 domain? Yes, No" bound CD28, the splitter keeping
# the yes with its question and retracted reading it as the answer (retracted._ANOTHER_CHOICE)
@pytest.mark.parametrize(
    "line",
    [
        "IM19 CAR-T cells: CD28 domain? - Yes - No",
        "IM19 CAR-T cells: CD28 domain? Yes, No",
        "IM19 CAR-T cells: CD28 domain? YES, NO, UNKNOWN",
        "IM19 CAR-T cells: CD28 domain? \u2014 Yes \u2014 Not sure",
        "IM19 CAR-T cells: CD28 domain? Yes / No",
    ],
)
def test_a_yes_among_choices_on_the_questions_line_answers_nothing(trials: Trials, line: str) -> None:
    assert " E507 " in im19_out(trials, line, CD28)


@pytest.mark.parametrize(
    "line",
    ["IM19 CAR-T cells: CD28 domain? Yes - no other domain.", "IM19 CAR-T cells: CD28 domain? Yes; no 4-1BB."],
)
def test_a_yes_before_words_of_its_own_still_answers(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, CD28) == ""
