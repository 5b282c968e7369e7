"""Mutation attacks on dates a record reads where its source gives them unlabelled, or seems to.

IM19's page lists two unlabelled dates (2024-07-30, 2027-12-31) under its key timeline milestones;
the record reads them, with a note on `dates`, as the start and the completion. The note excuses
a date with no label in its quote, and a quote is read on its own: a quote cut after the label
its source gives the date ("2025-08-17" of "Last Updated: 2025-08-17") read as an unlabelled date,
and the page's last update passed as its first submission or first posting. And a date pinned to
a quote of its own was held to no order: the completion given 2024-07-30 with the quote
"2024-07-30" passed beside a start read from that very date. One unlabelled date is one field's.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import AS_OF_LINE, DATA_ROOT, IM19_PATH, Trials, add_source, im19_draft, joined, put
from sle_trials.checks import evidence, load, rules
from sle_trials.checks import schema as schema_mod
from sle_trials.engine import pipeline

SHOWN = "trials/NCT06513429.yaml"
BASIC = "RECRUITING NA 6 participants INTERVENTIONAL 2024-07-30 2027-12-31"


@pytest.fixture(scope="module")
def im19() -> tuple[pipeline.Checker, dict]:
    record, problems = load.load(DATA_ROOT / SHOWN, SHOWN)
    assert record is not None, problems
    return pipeline.Checker(DATA_ROOT), record.data


def codes(checker: pipeline.Checker, data: dict) -> set[str]:
    record = load.Record(SHOWN, data)
    problems = schema_mod.check(record, checker.validator) or (
        rules.check(record, checker.root, "NCT06513429")
        or evidence.check(record, checker.schema, checker.root, checker.memory)
    )
    return {p.code for p in problems}


def with_dates(data: dict, dates: dict[str, str], quotes: dict[str, str]) -> dict:
    """data with each date set and pinned to its quote, no longer declared silent."""
    mutated = copy.deepcopy(data)
    for name, value in dates.items():
        mutated["dates"][name] = {"date": value}
        mutated["evidence"][f"dates.{name}.date"] = quotes[name]
    silent = mutated["curation"]["silent"]
    mutated["curation"]["silent"] = [s for s in silent if s not in {f"dates.{n}" for n in dates}]
    return mutated


def test_the_record_as_curated_passes(im19: tuple[pipeline.Checker, dict]) -> None:
    checker, data = im19
    assert data["evidence"]["dates.start.date"] == data["evidence"]["dates.completion.date"] == BASIC
    assert codes(checker, data) == set()


@pytest.mark.parametrize("name", ["first_submitted", "first_posted"])
def test_a_quote_cut_after_its_dates_label_is_read_under_that_label(
    im19: tuple[pipeline.Checker, dict], name: str
) -> None:
    checker, data = im19
    assert "E509" in codes(checker, with_dates(data, {name: "2025-08-17"}, {name: "2025-08-17"}))


def test_the_label_before_a_cut_quote_binds_its_own_field(im19: tuple[pipeline.Checker, dict]) -> None:
    """The page's last update quoted without its label is still the last update it labels."""
    checker, data = im19
    assert codes(checker, with_dates(data, {"last_updated": "2025-08-17"}, {"last_updated": "2025-08-17"})) == set()


@pytest.mark.parametrize(
    ("dates", "quotes"),
    [
        # the completion read from the start's date, by a quote of its own
        ({"completion": "2024-07-30"}, {"completion": "2024-07-30"}),
        ({"completion": "2024-07-30"}, {"completion": "INTERVENTIONAL 2024-07-30"}),
        # the start read from the completion's date, and the completion left to its quote's order
        ({"start": "2027-12-31"}, {"start": "2027-12-31"}),
        # a primary completion, which the page does not give, read from the completion's date
        ({"primary_completion": "2027-12-31"}, {"primary_completion": "2027-12-31"}),
        ({"primary_completion": "2027-12-31"}, {"primary_completion": BASIC}),
    ],
)
def test_one_unlabelled_date_read_as_two_fields_is_refused(
    im19: tuple[pipeline.Checker, dict], dates: dict[str, str], quotes: dict[str, str]
) -> None:
    checker, data = im19
    assert "E509" in codes(checker, with_dates(data, dates, quotes))


def test_each_date_its_own_quote_in_the_sources_order_passes(im19: tuple[pipeline.Checker, dict]) -> None:
    """Two quotes, one date each, the start's before the completion's: as the page gives them."""
    checker, data = im19
    split = copy.deepcopy(data)
    split["evidence"]["dates.start.date"] = "INTERVENTIONAL 2024-07-30"
    split["evidence"]["dates.completion.date"] = "2027-12-31"
    assert codes(checker, split) == set()


@pytest.mark.parametrize("quote", ["Estimated", "Estimated completion"])
def test_a_dates_type_read_from_another_dates_label_is_refused(quote: str) -> None:
    """Before: Relma-cel's launch date given the type ESTIMATED with the quote "Estimated" (or
    "Estimated completion") of its page's Timeline passed: the word renders ESTIMATED and stands where
    the page gives dates, but it labels the completion, which the page does not report. A date's type
    is quoted with its date or its field's label."""
    shown = "trials/NCT05765006.yaml"
    record, problems = load.load(DATA_ROOT / shown, shown)
    assert record is not None, problems
    checker = pipeline.Checker(DATA_ROOT)
    typed = copy.deepcopy(record.data)
    typed["dates"]["launched"]["type"] = "ESTIMATED"
    typed["evidence"]["dates.launched.type"] = quote
    typed["curation"]["silent"].remove("dates.launched.type")
    problems = evidence.check(load.Record(shown, typed), checker.schema, DATA_ROOT, checker.memory)
    assert [p.code for p in problems] == ["E509"], problems
    assert "gives neither dates.launched's date nor its label" in problems[0].message


TYPED_SOURCE = "seeds/924_typed_dates.txt"
TYPED_TEXT = "Start date: 2024-07-30\nEstimated completion: 2027-12-31\n"


@pytest.mark.parametrize(
    ("typed", "quote", "wanted"),
    [
        # the start given the completion's "Estimated", quoted with it, or with the word its label starts with
        ("start", "Start date: 2024-07-30 Estimated completion: 2027-12-31", {"E507"}),
        ("start", "Start date: 2024-07-30 Estimated", {"E507"}),
        ("completion", "Start date: 2024-07-30 Estimated completion: 2027-12-31", set()),  # its own label's word
    ],
)
def test_a_dates_type_is_no_word_of_another_dates_label(
    registry: Path, trials: Trials, typed: str, quote: str, wanted: set[str]
) -> None:
    """Before: a source listing "Start date: 2024-07-30" then "Estimated completion: 2027-12-31" bound
    the start's type ESTIMATED to a quote running from the start's date into the completion's label:
    the quote gives the start's date and renders ESTIMATED, but the word is the completion's label's."""
    date = {"start": "2024-07-30", "completion": "2027-12-31"}[typed]
    title = "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    add_source(registry, TYPED_SOURCE, title + AS_OF_LINE + TYPED_TEXT)
    fields = f'dates:\n  {typed}:\n    date: "{date}"\n    type: ESTIMATED\nevidence:\n  dates.{typed}: "{quote}"\n'
    put(registry, IM19_PATH, joined(im19_draft(TYPED_SOURCE), fields))
    result = trials.json("validate", registry / IM19_PATH)
    assert result.codes() == wanted, result.out


AS_OF_SOURCE = "seeds/925_as_of_label.txt"


@pytest.mark.parametrize(
    ("label", "date", "wanted"),
    [
        ("Study Start", "2024-07-30", {"E509"}),  # the study's start given as the page's as-of date
        ("Study Start Date", "2024-07-30", {"E509"}),
        ("First Posted", "2024-07-20", {"E509"}),
        ("Last Updated", "2025-08-17", set()),
        ("Date", "2025-09-01", set()),  # a press release's own label
    ],
)
def test_an_as_of_label_is_no_other_dates_label(
    registry: Path, trials: Trials, label: str, date: str, wanted: set[str]
) -> None:
    """Before: a source's as-of date was bound under the record's own as_of_label, whatever its words:
    a page giving "Study Start: 2024-07-30" and "Last Updated: 2025-08-17" passed an as-of date of
    2024-07-30 labelled "Study Start", so the record read as current a year before its source was."""
    title = "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    dates = "Last Updated: 2025-08-17\nStudy Start Date: 2024-07-30\nFirst Posted: 2024-07-20\nDate: 2025-09-01\n"
    add_source(
        registry,
        AS_OF_SOURCE,
        title + dates.replace("Study Start Date", label if "Start" in label else "Study Start Date"),
    )
    record = im19_draft(AS_OF_SOURCE).replace('as_of: "2025-08-17"', f'as_of: "{date}"\n      as_of_label: {label}')
    put(registry, IM19_PATH, record.replace('"Last Updated: 2025-08-17"', f'"{label}: {date}"'))
    result = trials.json("validate", registry / IM19_PATH)
    assert result.codes() == wanted, result.out


def _completion_read_as_primary(data: dict) -> dict:
    """IM19 with its unlabelled completion read as the primary completion, its quote kept."""
    mutated = copy.deepcopy(data)
    mutated["dates"]["primary_completion"] = mutated["dates"].pop("completion")
    mutated["evidence"]["dates.primary_completion.date"] = mutated["evidence"].pop("dates.completion.date")
    silent = [
        s for s in mutated["curation"]["silent"] if not s.startswith(("dates.primary_completion", "dates.completion"))
    ]
    mutated["curation"]["silent"] = silent + ["dates.completion", "dates.primary_completion.type"]
    return mutated


def test_an_unlabelled_date_is_the_milestone_its_note_names(im19: tuple[pipeline.Checker, dict]) -> None:
    """The note on `dates` reads the two unlabelled dates as the start and the completion: the second
    given to the primary completion passed under it, a note on a field above excusing any date."""
    checker, data = im19
    moved = _completion_read_as_primary(data)
    # (and the note then reads the second date as a completion the record does not hold: remark_dates, hunt 208)
    assert codes(checker, moved) == {"E501", "E510"}
    # a note that names the primary completion says which date it is, as one on the field itself does
    for note in moved["curation"]["notes"]:
        if note["field"] == "dates":
            note["text"] = note["text"].replace("study completion", "primary completion")
    assert codes(checker, moved) == set()
    moved = _completion_read_as_primary(data)
    moved["curation"]["notes"].append({"field": "dates.primary_completion", "text": "The second unlabelled date."})
    # (E510 is answered by the field's own note; the note on `dates` still reading the second date as a completion
    # the record does not hold is E501's: remark_dates, hunt 208)
    assert codes(checker, moved) == {"E501"}


@pytest.mark.parametrize(
    ("shown", "label"),
    [
        (SHOWN, "Last"),  # of "Last Updated: 2025-08-17"
        (SHOWN, "Updated"),  # an as-of label of its own, elsewhere
        ("trials/NCT05765006.yaml", "as of"),  # of "Current as of November 14, 2025"
        ("trials/NCT05765006.yaml", "Current as"),
    ],
)
def test_an_as_of_label_is_the_whole_label_of_its_date(shown: str, label: str) -> None:
    """Before: a source's as_of_label cut to a part of the label its as-of quote gives the date passed
    (words of the source, "as of" and "Updated" each an as-of label of its own), and datapackage.json
    titled the source "..., Last 2025-08-17"."""
    record, problems = load.load(DATA_ROOT / shown, shown)
    assert record is not None, problems
    checker = pipeline.Checker(DATA_ROOT)
    record.data["curation"]["sources"][0]["as_of_label"] = label
    found = evidence.check(record, checker.schema, checker.root, checker.memory)
    assert [p.code for p in found] == ["E509"], found
    assert "give the label whole" in found[0].message
