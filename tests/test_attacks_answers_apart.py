"""A question's yes or no in the line, the paragraph or the list's item after it is still its answer.

"IM19 CAR-T cells: CD28 domain?" with "Yes." in the paragraph after it (a blank line between), "CD28
co-stimulatory domain?" over a list's item "- Yes", "CD28 domain?" over "Answer: Yes": each refused
E507 an honest CD28. The blank line set the two paragraphs apart (layouts.set_apart: a SEPARATOR between
them, as between "Status: Not yet" and "recruiting"), and a list's mark or a label on the next line ended
the question's sentence (sentences.line_ends); the question read alone was asked (retracted.ASKED), its
answer unseen. A paragraph ending in a question and the next opening with a yes or no alone (optionally
after "A:", "Answer:", a dash or a list's bullet) are now read as one line (sentences.answers): a yes
binds, a no, a false or a question unanswered takes the value back as before. A yes further away (past
other text, another question, or more blank lines than a reader bridges), one in another row of a
table, or a heading's, answers nothing, and the value stays refused.
"""

from __future__ import annotations

import pytest
from conftest import (
    IM19_PAGE_HEAD,
    IM19_PATH,
    IM19_TEXT_HEAD,
    Trials,
    add_source,
    construct_fields,
    enrollment_draft,
    im19_draft,
    im19_out,
    joined,
    origin_fields,
    put,
    term_fields,
)
from sle_trials.reading import layouts, prose, sentences
from sle_trials.reading.invisible import SEPARATOR
from sle_trials.reading.layouts import Passage

CD28 = construct_fields("CD28")
AUTOLOGOUS = origin_fields("autologous")
RANDOMIZED = term_fields("design.allocation", "RANDOMIZED", "Randomized")
ASKED = "IM19 CAR-T cells: CD28 domain?"


def _page_out(trials: Trials, body: str, fields: str) -> str:
    """What `trials validate` prints of IM19's draft holding fields, citing a web page of IM19's head and
    body; "" where it passes."""
    source = add_source(trials.root, "seeds/935_answer_page.html", IM19_PAGE_HEAD + body + "\n</body></html>\n")
    put(trials.root, IM19_PATH, joined(im19_draft(source), fields))
    result = trials("validate", trials.root / IM19_PATH)
    assert result.status in (0, 1), f"trials validate ended with status {result.status}: {result.out}{result.err}"
    return result.out if result.status else ""


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (f"{ASKED}\n\nYes.", CD28),
        ("IM19 CAR-T cells: CD28 co-stimulatory domain?\n- Yes", CD28),
        (f"{ASKED}\n\n- Yes", CD28),
        (f"{ASKED}\n\u2022 Yes", CD28),
        (f"{ASKED}\n* Yes", CD28),
        (f"{ASKED}\n\nA: Yes.", CD28),
        (f"{ASKED}\nAnswer: Yes", CD28),
        (f"{ASKED}\n\nTrue", CD28),
        (f"{ASKED}\n\n\n\nYes.", CD28),
        (f"{ASKED}\n\nYes.\n\nNo other domain is used.", CD28),
        ("IM19 CAR-T cells: autologous?\n\nYes.", AUTOLOGOUS),
    ],
)
def test_a_value_its_question_answers_yes_apart_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


@pytest.mark.parametrize(
    "body",
    [
        f"<p>{ASKED}</p><p>Yes.</p>",
        f"<p>{ASKED}</p><ul><li>Yes</li></ul>",
        f"<dl><dt>{ASKED}</dt><dd>Yes</dd></dl>",
    ],
)
def test_a_pages_value_its_question_answers_yes_in_the_next_block_binds(trials: Trials, body: str) -> None:
    assert _page_out(trials, body, CD28) == ""


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        # a no, a false, apart from the question as a yes was
        (f"{ASKED}\n\nNo.", CD28),
        (f"{ASKED}\n- No", CD28),
        (f"{ASKED}\n\u2022 No", CD28),
        (f"{ASKED}\n  No", CD28),
        (f"{ASKED}\n\nA: No.", CD28),
        (f"{ASKED}\nAnswer: False", CD28),
        ("IM19 CAR-T cells: autologous?\n\nNo.", AUTOLOGOUS),
        ("Randomized allocation?\n\nNo.", RANDOMIZED),
        # a yes that is not the question's: after other text, after another question, more blank lines
        # away than a reader bridges, a word opening with "Yes"
        (f"{ASKED}\n\nOther text here.\n\nYes.", CD28),
        (f"{ASKED}\nSee the table below.\nYes.", CD28),
        (f"{ASKED}\n\nIs it autologous?\n\nYes.", CD28),
        (f"{ASKED}\nIs it autologous?\n- Yes", CD28),
        (f"{ASKED}\n\n\n\n\n\nYes.", CD28),
        (f"{ASKED}\n\nYesterday it was.", CD28),
        # a list of choices under the question, a yes among them (a form's, a box unticked)
        (f"{ASKED}\n- Yes\n- No", CD28),
        (f"{ASKED}\n\u2022 Yes\n\u2022 No\n\u2022 Unknown", CD28),
        (f"{ASKED}\n\nYes\n\nNo", CD28),
        (f"{ASKED}\n- True\n- False", CD28),
        (f"{ASKED}\n- Yes\n- Not sure", CD28),
    ],
)
def test_a_value_its_question_answers_no_or_nothing_apart_is_still_none(trials: Trials, line: str, fields: str) -> None:
    assert " E507 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    "body",
    [
        f"<p>{ASKED}</p><p>No.</p>",
        # another row of a table, a heading, a block set far apart: no answer of the question's
        f"<table><tr><td>{ASKED}</td></tr><tr><td>Yes</td></tr></table>",
        f"<p>{ASKED}</p><h2>Yes</h2>",
        f"<p>{ASKED}</p><p style='margin-top:400px'>Yes.</p>",
        f"<p>{ASKED}{'<br>' * 8}Yes</p>",
        f"<p>{ASKED}</p><ul><li>Yes</li><li>No</li></ul>",
    ],
)
def test_a_pages_value_its_next_block_answers_no_or_nothing_is_still_none(trials: Trials, body: str) -> None:
    assert " E507 " in _page_out(trials, body, CD28)


# --- the sentences and paragraphs themselves --------------------------------------------------------


def _read(text: str) -> list[str]:
    """The sentences of a plain document of text, as the prose readers cut them."""
    doc = layouts.read("seeds/900_plain.txt", text.encode())
    return sentences.split(doc.text if doc.prose is None else doc.prose)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("CD28 domain?\n\nYes. It is autologous.\n", ["CD28 domain? Yes.", "It is autologous."]),
        ("CD28 domain?\n- No, 4-1BB.\n", ["CD28 domain? - No, 4-1BB."]),
        ("CD28 domain?\nA: Yes\nEnrollment: 60\n", ["CD28 domain? A: Yes", "Enrollment: 60"]),
        # (no answer: a sentence opening with "No", a longer word, an ordinal list's item)
        ("Who may join?\n\nNo patients under 18.\n", ["Who may join?", "No patients under 18."]),
        ("Who may join?\n- Nobody under 18\n", ["Who may join?", "- Nobody under 18"]),
        ("CD28 domain?\n1. Yes\n", ["CD28 domain?", "1. Yes"]),
        ("CD28 domain?\n- Yes\n- No\n", ["CD28 domain?", "- Yes", "- No"]),
    ],
)
def test_a_questions_answer_apart_stays_in_its_sentence(text: str, found: list[str]) -> None:
    assert _read(text) == found


@pytest.mark.parametrize(
    ("lines", "apart"),
    [
        (["CD28 domain?", "", "Yes."], False),
        (["CD28 domain?", "", "A: no"], False),
        (["CD28 domain?", "", "Other text.", "", "Yes."], True),
        (["CD28 domain.", "", "Yes."], True),
        (["CD28 domain?", "", "", "", "", "", "Yes."], True),
        (["CD28 domain?", "\ufffe", "Yes."], True),
        (["CD28 domain?", "", "Yes", "", "No"], True),
        (["CD28 domain?", "", "Yes", "", "No other domain."], False),
    ],
)
def test_a_question_and_its_answers_paragraph_are_not_set_apart(lines: list[str], apart: bool) -> None:
    kept = layouts.set_apart(lines) or lines
    after = next(n for n, line in enumerate(kept) if n and line.strip() not in ("", SEPARATOR, "\ufffe"))
    assert (SEPARATOR in kept[:after]) == apart  # (between the question and the paragraph after it)


# --- a trial's value, its sentences joined again: a question set apart stays unanswered ----------------
# (prose.of_this_trial joins a trial's sentences in a row as one passage, sentences.joined, with a line's
# end where a SEPARATOR stood: "Randomized allocation?" and a "Yes" set apart from it, a heading's or one
# six blank lines down, read as one line, and RANDOMIZED bound; the CD28 of a product's sentence did not)


@pytest.mark.parametrize(
    "line", ["Randomized allocation? Yes.", "Randomized allocation?\n\nYes.", "Randomized allocation?\n- Yes"]
)
def test_a_trials_value_its_question_answers_yes_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, RANDOMIZED) == ""


@pytest.mark.parametrize(
    "line",
    ["Randomized allocation?\n\n\n\n\n\n\nYes.", "Randomized allocation?\n\n\n\n\n\nYes, in the earlier study."],
)
def test_a_trials_value_a_yes_set_apart_answers_nothing(trials: Trials, line: str) -> None:
    assert " E507 " in im19_out(trials, line, RANDOMIZED)


@pytest.mark.parametrize(
    "body",
    [
        "<p>Randomized allocation?</p><h2>Yes</h2>",
        "<p>Randomized allocation?</p><p style='margin-top:400px'>Yes.</p>",
        f"<p>Randomized allocation?{'<br>' * 8}Yes</p>",
    ],
)
def test_a_pages_trial_value_a_yes_set_apart_answers_nothing(trials: Trials, body: str) -> None:
    assert " E507 " in _page_out(trials, body, RANDOMIZED)


def test_a_count_the_next_paragraph_takes_back_is_still_refused(trials: Trials) -> None:
    # (a passage runs on past a paragraph ending in no question, as before: its next sentence read)
    text = IM19_TEXT_HEAD + "Enrollment: 60 participants.\n\nThis figure has since been withdrawn.\n"
    enrollment_draft(trials.root, add_source(trials.root, "seeds/935_withdrawn.txt", text), 60, "60 participants")
    result = trials("validate", trials.root / IM19_PATH)
    assert " E508 " in result.out


@pytest.mark.parametrize(
    ("text", "passages"),
    [
        # a question ending a paragraph set apart: no passage runs on past it
        (f"Randomized allocation?\n{SEPARATOR}\nYes.", ["Randomized allocation?", "Yes."]),
        # past a statement ending one, or a question answered in its paragraph, as before
        (f"Randomized allocation.\n{SEPARATOR}\nYes.", ["Randomized allocation.\nYes."]),
        (f"Randomized allocation? Yes.\n{SEPARATOR}\nMasked.", ["Randomized allocation? Yes.\nMasked."]),
    ],
)
def test_a_question_set_apart_ends_its_passage(text: str, passages: list[str]) -> None:
    own = prose.Own((set(), set()), set())
    assert [p.text for p in prose.of_this_trial([Passage(text)], own, "NCT06513429")] == passages
