"""What E007 tells a curator about a YAML slip: the lines at fault, not only the mark libyaml gives.

libyaml notices a slip where the text can no longer be read, often the line after it: a key
indented one space off, a key indented under one that has its value, or a colon left out were each
reported at the next line with "a value that contains ': ' must be put in quotes", though no value
held one (a new user's review, this stop). The hint now names the lines and their columns, and a
slip the hint places on another line than libyaml's mark (a key without its colon, a '-' run into
its item's text) is reported at that line, where an editor jumps to it: a colon left out before
blank lines and comments was reported at the next key, lines below.
"""

from __future__ import annotations

import pytest
from sle_trials.checks import load

CASES = [
    (  # a key indented under one that has its value
        "eligibility:\n  sex: ALL\n    minimum_age: 18\n",
        (3, "line 2's key already has its value, and line 3 starts further in (column 5, line 2 column 3)"),
    ),
    (  # a key one space short of the keys beside it
        "eligibility:\n sex: ALL\n  minimum_age: 18\n",
        (3, "line 2's key already has its value, and line 3 starts further in (column 3, line 2 column 2)"),
    ),
    (  # the first key of a block one space too far in
        "dates:\n   start:\n    date: x\n  completion:\n    date: y\n",
        (4, "line 2 starts in column 4 and line 4 in column 3: keys of one mapping start in the same column"),
    ),
    (  # list items in two columns
        "conditions:\n   - SLE\n  - LN\n",
        (3, "line 2 starts in column 4 and line 3 in column 3: list items under one key start in the same column"),
    ),
    (  # a colon left out, before another key
        "enrollment:\n  count 6\n  type: ESTIMATED\n",
        (2, "line 2 has no ': ' after its key"),
    ),
    (  # a colon left out, the mapping's last key
        "enrollment:\n  count: 6\n  type ESTIMATED\nphases: [PHASE1]\n",
        (3, "line 3 has no ': ' after its key"),
    ),
    (  # a colon left out, blank lines and a comment before the next key, where libyaml notices it
        "nct_id: NCT00000000\noverall_status RECRUITING\n\n\n# the design\nphases: [PHASE1]\n",
        (2, "line 2 has no ': ' after its key"),
    ),
    (  # a value holding ': ': the quoting advice stands
        "brief_title: IM19: CAR-T in SLE\n",
        (1, "a value that contains ': ' must be put in quotes"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_yaml_slip_names_the_lines_at_fault(text: str, expected: tuple[int, str]) -> None:
    record, problems = load.parse(text, "trials/NCT00000000.yaml")
    assert record is None and [p.code for p in problems] == ["E007"], problems
    line, hint = expected
    assert problems[0].line == line and hint in problems[0].message, problems[0].message
    if "has no ': '" in hint:  # placed at the key without its colon, as an editor should jump to it
        assert problems[0].column == len(text.split("\n")[line - 1]) - len(text.split("\n")[line - 1].lstrip()) + 1


def test_a_slip_the_lines_do_not_explain_keeps_the_general_advice() -> None:
    """Where the lines say nothing of the slip (a character that starts no value), libyaml's words
    and their usual meaning, as before."""
    _, problems = load.parse("nct_id: NCT00000000\nacronym: @IM19\n", "trials/NCT00000000.yaml")
    assert [(p.code, p.line) for p in problems] == [("E007", 2)]
    assert problems[0].message.endswith("; a value starting with this character must be put in quotes")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("keywords:\n - CAR-T\n  - CD19\n", (3, 3)),  # an item under the item above
        ("conditions: SLE\n  - Lupus Nephritis\n", (2, 3)),  # an item under a value written on its key's line
    ],
)
def test_a_list_item_run_on_into_the_text_above_is_refused(text: str, where: tuple[int, int]) -> None:
    """Valid YAML, read as one text ("CAR-T - CD19"): E501 refused the joined text, saying nothing
    of the indentation. E024 names the item's line."""
    record, problems = load.parse(text, "trials/NCT00000000.yaml")
    assert record is None and [(p.code, p.line, p.column) for p in problems] == [("E024", *where)]


def test_a_dash_inside_a_text_over_lines_is_no_item() -> None:
    record, problems = load.parse("brief_title: A study of CAR-T\n  cells - a first trial\n", "trials/NCT00000000.yaml")
    assert problems == [] and record is not None
    assert record.data["brief_title"] == "A study of CAR-T cells - a first trial"


QUOTE_CASES = [
    (  # a double quote inside a text in double quotes ends it early
        'nct_id: NCT00000000\nbrief_title: "IM19 "CAR-T" in SLE"\nacronym: IM19\n',
        (
            2,
            21,
            'the text in quotes from column 14 ends at the " in column 20, and more follows it: a " inside a text in " '
            'quotes is written \\"',
        ),
    ),
    (  # the same in single quotes
        "nct_id: NCT00000000\nbrief_title: 'the patient's CAR-T'\nacronym: IM19\n",
        (
            2,
            27,
            "the text in quotes from column 14 ends at the ' in column 26, and more follows it: a ' inside a text in ' "
            "quotes is written ''",
        ),
    ),
    (  # a closing quote left out: the text runs on to the next quote of the file
        'brief_title: "IM19 CAR-T in SLE\nacronym: IM19\nevidence:\n  nct_id: "nct_id: NCT00000000"\n',
        (
            4,
            12,
            'the text in quotes from line 1 column 14 runs on to the " at line 4 column 11: is its closing " missing '
            "on line 1?",
        ),
    ),
    (  # a closing quote left out where no quote follows: reported where it opens, not at the end of the file
        "nct_id: NCT00000000\nacronym: 'IM19\nbrief_title: IM19 CAR-T in SLE\n",
        (2, 10, "the text in quotes that starts here has no closing '"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUOTE_CASES)
def test_a_quote_slip_names_the_quote(text: str, expected: tuple[int, int, str]) -> None:
    """A bad quote was reported where the text after its closing quote began, lines below an
    unclosed one, with "check the indentation of this line and the one above", or at the end of the
    file, past its last line (a new user's review): the hint names the quote at fault."""
    record, problems = load.parse(text, "trials/NCT00000000.yaml")
    assert record is None and [p.code for p in problems] == ["E007"], problems
    line, column, hint = expected
    assert (problems[0].line, problems[0].column) == (line, column), problems[0]
    assert hint in problems[0].message and "indentation" not in problems[0].message, problems[0].message


def test_a_quoted_item_of_a_bracketed_list_keeps_libyamls_words() -> None:
    """In brackets the slip after a text in quotes is most often a comma left out, which libyaml's
    words name: no hint of a quote inside the text there."""
    _, problems = load.parse('phases: ["PHASE1" "PHASE2"]\n', "trials/NCT00000000.yaml")
    assert [(p.code, p.line) for p in problems] == [("E007", 1)]
    assert problems[0].message.endswith("did not find expected ',' or ']'"), problems[0].message


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("arms:\n  -label: A\n  - label: B\n", 2, "line 2 starts with '-label', no list item"),
        ("arms:\n  - label: A\n    type: X\n  -label: B\n", 4, "line 4 starts with '-label', no list item"),
        ("conditions:\n  - SLE\n  -LN\n  - CKD\n", 3, "line 3 starts with '-LN', no list item"),
        ("conditions:\n  - SLE\n  -LN\n", 3, "line 3 starts with '-LN', no list item"),
    ],
)
def test_a_dash_run_on_into_its_item_is_named(text: str, line: int, hint: str) -> None:
    """ "-text: x" beside "- text: y" items is a key "-text" to YAML, and libyaml noticed it at
    either line: the hint said to check the indentation, or that list items start in one column,
    though every line was in its column (a new user's review)."""
    record, problems = load.parse(text, "trials/NCT00000000.yaml")
    assert record is None and [(p.code, p.line) for p in problems] == [("E007", line)], problems
    assert hint in problems[0].message and "a list item's '-' is followed by a space" in problems[0].message


def test_an_item_run_on_into_a_text_missing_its_space_is_named() -> None:
    """ "-SLE" above "- LN": YAML reads one text "-SLE - LN" (E024), and the item missing its space is
    the text's first line, not the indented one."""
    record, problems = load.parse("conditions:\n  -SLE\n  - LN\n", "trials/NCT00000000.yaml")
    assert record is None and [(p.code, p.line) for p in problems] == [("E024", 3)], problems
    assert "line 2 starts with '-SLE', no list item" in problems[0].message
    _, problems = load.parse("conditions: -SLE\n  - LN\n", "trials/NCT00000000.yaml")
    assert [p.code for p in problems] == ["E024"] and "start it in the column" in problems[0].message


@pytest.mark.parametrize("indent", ["", "  ", "    "])
def test_a_line_of_a_block_text_written_out_of_its_block_is_named(indent: str) -> None:
    """The second line of a criterion in block style ("text: >-") written less indented than the
    first: YAML ends the text there and reads the line as a key with no colon, and the hint said the
    line had no ': ' after its key (a new user's review): it now names the block and its column."""
    text = (
        "eligibility:\n  inclusion_criteria:\n    - number: 3\n      text: >-\n"
        "        A diagnosis of SLE according to the 1997 revised criteria of the American College of\n"
        f"{indent}Rheumatology (ACR).\n    - number: 4\n      text: x\n"
    )
    record, problems = load.parse(text, "trials/NCT00000000.yaml")
    assert record is None and [(p.code, p.line, p.column) for p in problems] == [("E007", 6, len(indent) + 1)], problems
    assert (
        "line 6 is less indented than the text in block style that line 4 starts (its lines start in column 9): "
        "indent it as line 5 is"
    ) in problems[0].message
