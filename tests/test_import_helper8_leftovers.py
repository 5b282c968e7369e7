"""trials import ctgov on the criteria layouts the last stop left as import leftovers (closing38): a line holding
only "OR" between two items, a tight run of items bulleted as their parent, a heading's dash before a capitalised
criterion, a note glued to its asterisk; and the cost of reading many conjunction lines, held by a count of the
work rather than a timing. Beside each, the layouts that must read as they did."""

from __future__ import annotations

import builtins
import copy
import importlib
import itertools
import json
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, Trials, record_data, split_inclusion
from sle_trials.reading import criteria_text

REASON = "a real API v2 study, varied by the tests"


def _imported(trials: Trials, registry: Path, criteria: str, tmp_path: Path) -> dict[str, Any]:
    """The draft NCT02576665 imports into with criteria as its criteria text; the registry still passes check."""
    study = copy.deepcopy(json.loads((FIXTURES / "ctgov" / "real" / "NCT02576665.json").read_bytes()))
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = criteria
    file = tmp_path / "study.json"
    file.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    result = trials("import", "ctgov", file, "--out-of-scope", REASON)
    assert result.status == 0, result.out + result.err
    assert trials("check").status == 0
    return record_data(registry / "trials" / "NCT02576665.yaml")


# --- the cost of many conjunction lines, counted -----------------------------------------------------------


class _Walked(list):
    """A text's lines, counting each line a reading walks over (iterated, indexed or sliced); walked: the count."""

    walked = 0

    def __iter__(self) -> Iterator[Any]:
        for x in list.__iter__(self):
            _Walked.walked += 1
            yield x

    def __getitem__(self, key: Any) -> Any:
        got = list.__getitem__(self, key)
        _Walked.walked += len(got) if isinstance(key, slice) else 1
        return got


def _walking(f: Callable[..., Any]) -> Callable[..., Any]:
    """f (a builtin walking an iterable whole: min, max, sorted, islice), counting each element it may walk over."""

    def counted(iterable: Iterable[Any], *args: Any, **kwargs: Any) -> Any:
        items = list(iterable)
        _Walked.walked += len(items)
        return f(items, *args, **kwargs)

    return counted


def _counting_the_lines_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count the lines (or items of them) criteria_text.split walks over (_Walked.walked): in the helpers given the
    text's lines, and in the builtins that walk a list in C, where no call count sees the work; in each module of
    the package, each helper where a module names it (a helper is called by the name its caller's module binds:
    patched in the package alone, as when criteria_text was one module, nothing was counted)."""
    modules = [
        criteria_text,
        *(
            importlib.import_module(m.name)
            for m in pkgutil.iter_modules(criteria_text.__path__, f"{criteria_text.__name__}.")
        ),
    ]
    for module in modules:
        for name in ("min", "max", "sorted", "islice"):
            walk = getattr(builtins, name, None) or getattr(itertools, name)
            monkeypatch.setattr(module, name, _walking(walk), raising=False)
        for name in ("lead_in", "doubtful_heading", "subheading_of", "block_under", "next_said", "next_item"):
            if hasattr(module, name):  # (next_said: since 953444f; next_item after it)
                monkeypatch.setattr(module, name, _on_walked_lines(getattr(module, name)))


def _lines_walked(text: str) -> int:
    _Walked.walked = 0
    criteria_text.split(text)
    return _Walked.walked


def _on_walked_lines(f: Callable[..., Any]) -> Callable[..., Any]:
    made: dict[tuple[int, int], tuple[list[str], _Walked]] = {}  # (each list made once: the making is no work)

    def counted(lines: list[str], *args: Any, **kwargs: Any) -> Any:
        key = (id(lines), len(lines))
        if key not in made:
            made[key] = (lines, _Walked(lines))
        return f(made[key][1], *args, **kwargs)

    return counted


def test_many_conjunction_lines_cost_the_texts_length_in_lines_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    """953444f: each "OR" line (unmarked, after a blank line) took the least indent of all items again, and the
    next line with words was found by passing over every line above (an islice, a copy of the list's tail): 8
    times the lines cost 22 times as long. Counted, not timed: 8 times the lines walk 8 times the lines (62
    times with 953444f reverted)."""

    def text(n: int) -> str:
        return "Inclusion Criteria:\n\n" + "".join(f"* item {i}\n\nOR\n\n" for i in range(n))

    _counting_the_lines_walked(monkeypatch)
    small, large = _lines_walked(text(200)), _lines_walked(text(1600))
    assert small >= 200, small  # (the count sees the reading's walks)
    assert large <= 10 * small, (small, large)


# --- a heading's dash before capitalised words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "criterion"),
    [
        ("Exclusion Criteria - Pregnancy", "Pregnancy"),
        ("Exclusion Criteria – Active Hepatitis B", "Active Hepatitis B"),
        ("EXCLUSION CRITERIA - Known HIV Infection", "Known HIV Infection"),
    ],
)
def test_capitalised_words_after_a_headings_dash_are_a_criterion(heading: str, criterion: str) -> None:
    """Before, words each capitalised after the dash were read as a part of the study the list is for: the
    criterion was no criterion, and every exclusion criterion was listed in a group named by it."""
    found = criteria_text.split(f"Inclusion Criteria:\n\n* Adults with SLE\n\n{heading}\n\n* HIV")
    assert found.exclusion == [{"text": criterion}, {"text": "HIV"}]


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        (  # two lists of a kind, each capitalised words after its dash: two parts' lists
            "Inclusion Criteria - Lupus Nephritis\n\n* Biopsy\n\nInclusion Criteria - Extrarenal Lupus\n\n* Rash\n\n"
            "Exclusion Criteria:\n\n* HIV",
            ["Inclusion Criteria - Lupus Nephritis", "Inclusion Criteria - Extrarenal Lupus"],
        ),
        (
            "Inclusion Criteria - Adolescents\n\n* Aged 12\n\nExclusion Criteria:\n\n* HIV",
            ["Inclusion Criteria - Adolescents"],
        ),
        ("Inclusion Criteria - A\n\n* Aged 12\n\nExclusion Criteria:\n\n* HIV", ["Inclusion Criteria - A"]),
        (
            "Inclusion Criteria - Dose Expansion\n\n* Adults\n\nExclusion Criteria:\n\n* HIV",
            ["Inclusion Criteria - Dose Expansion"],
        ),
    ],
)
def test_capitalised_words_naming_a_part_after_a_dash_are_still_its_group(text: str, groups: list[str]) -> None:
    found = criteria_text.split(text)
    assert [c["group"] for c in found.inclusion] == groups and found.exclusion == [{"text": "HIV"}]


# --- a note glued to its asterisk ----------------------------------------------------------------------------


@pytest.mark.parametrize("note", ["*Note: patients on belimumab are eligible.", "*NOTE: see appendix", "*NB: none"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_note_glued_to_its_asterisk_is_a_note_not_a_bullet(note: str, gap: str) -> None:
    """Before, "*Note: ..." read as a bulleted item (as "*Adults" is, 31a2446): a criterion "Note: ...". It reads
    as the note "Note: ..." does, words of the item above, its asterisk a footnote's mark as written."""
    assert split_inclusion(f"* Age 18 to 65 years{gap}{note}{gap}* SLE") == [
        {"text": f"Age 18 to 65 years {note}"},
        {"text": "SLE"},
    ]
    # (before the first item: a note about the list, as "Note:" is)
    assert split_inclusion(f"{note}\n\n* Age 18 to 65 years\n* SLE") == [
        {"text": "Age 18 to 65 years"},
        {"text": "SLE"},
    ]


def test_a_word_beginning_as_a_note_does_glued_to_its_asterisk_is_still_a_bullet() -> None:
    assert split_inclusion("*Notable rash\n*Nephritis\n*NBT test") == [
        {"text": "Notable rash"},
        {"text": "Nephritis"},
        {"text": "NBT test"},
    ]


def test_the_draft_of_a_capitalised_criterion_after_a_dash_and_a_glued_note_passes_check(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    criteria = (
        "Inclusion Criteria:\n\n* Age 18 to 65 years\n*Note: patients on belimumab are eligible.\n* SLE\n\n"
        "Exclusion Criteria - Pregnancy\n\n* HIV infection"
    )
    elig = _imported(trials, registry, criteria, tmp_path)["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"text": "Age 18 to 65 years *Note: patients on belimumab are eligible."},
        {"text": "SLE"},
    ]
    assert elig["exclusion_criteria"] == [{"text": "Pregnancy"}, {"text": "HIV infection"}]


# --- a tight run of items bulleted as their parent -----------------------------------------------------------

NESTED = [
    {"text": "Age 18"},
    {"text": "Organ function:", "sub_criteria": [{"text": "Hb ≥ 8;"}, {"text": "Plt ≥ 50."}]},
    {"text": "Consent"},
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # its items end as the parts of the parent's sentence do, the last in a stop; the list's others do not
        ("* Age 18\n* Organ function:\n* Hb ≥ 8;\n* Plt ≥ 50.\n* Consent", NESTED),
        ("* Organ function:\n* Hb ≥ 8;\n* Plt ≥ 50.\n* Age 18\n* Consent", [NESTED[1], NESTED[0], NESTED[2]]),
        (
            "- Age 18\n- One of:\n- ANA positive, or\n- anti-dsDNA positive.\n- Consent",
            [
                {"text": "Age 18"},
                {"text": "One of:", "sub_criteria": [{"text": "ANA positive, or"}, {"text": "anti-dsDNA positive."}]},
                {"text": "Consent"},
            ],
        ),
        # ... or they open in lower case, and the list's others do not
        (
            "* Age 18\n* Organ function, defined as:\n* hemoglobin ≥ 8\n* platelets ≥ 50\n* Consent",
            [
                {"text": "Age 18"},
                {
                    "text": "Organ function, defined as:",
                    "sub_criteria": [{"text": "hemoglobin ≥ 8"}, {"text": "platelets ≥ 50"}],
                },
                {"text": "Consent"},
            ],
        ),
    ],
)
def test_a_tight_run_bulleted_as_its_parent_nests_where_the_layout_shows_its_end(
    text: str, expected: list[dict]
) -> None:
    """Before, a run with no blank line to set it apart was read as criteria of their own, each required, whatever
    showed where it ends: "Hb ≥ 8;" and "Plt ≥ 50." as two criteria beside "Organ function:"."""
    found = criteria_text.split(f"Inclusion Criteria:\n\n{text}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert found.inclusion == expected
    assert any("with no blank line, are read as its sub-criteria" in r for r in found.remarks), found.remarks


FLAT_TIGHT = [{"text": "Age 18"}, {"text": "Organ function:"}, {"text": "Hb ≥ 8"}, {"text": "Plt ≥ 50"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nothing shows where the run ends (helper-4's case): read as written
        ("* Age 18\n* Organ function:\n* Hb ≥ 8\n* Plt ≥ 50", FLAT_TIGHT),
        # the list's own items end so too: no run's end shown
        (
            "* Age 18;\n* Organ function:\n* Hb ≥ 8;\n* Plt ≥ 50.",
            [{"text": "Age 18;"}, {"text": "Organ function:"}, {"text": "Hb ≥ 8;"}, {"text": "Plt ≥ 50."}],
        ),
        # a run to the list's end, of the list's items alone
        (
            "* Organ function:\n* Hb ≥ 8;\n* Plt ≥ 50.",
            [{"text": "Organ function:"}, {"text": "Hb ≥ 8;"}, {"text": "Plt ≥ 50."}],
        ),
        # the list's items all open in lower case
        (
            "* age 18\n* organ function:\n* hb ≥ 8\n* plt ≥ 50",
            [{"text": "age 18"}, {"text": "organ function:"}, {"text": "hb ≥ 8"}, {"text": "plt ≥ 50"}],
        ),
        # another mark in the run
        (
            "* Age 18\n* Organ function:\n- hb ≥ 8\n* Consent",
            [{"text": "Age 18"}, {"text": "Organ function:"}, {"text": "hb ≥ 8"}, {"text": "Consent"}],
        ),
    ],
)
def test_a_tight_run_whose_end_the_layout_does_not_show_reads_as_written(text: str, expected: list[dict]) -> None:
    assert split_inclusion(text) == expected


def test_the_draft_of_a_tight_run_nested_under_its_parent_passes_check(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    criteria = (
        "Inclusion Criteria:\n\n* Age 18 to 65 years\n* Adequate organ function, defined as:\n"
        "* Hemoglobin ≥ 8 g/dL;\n* Platelets ≥ 50,000/mm3.\n* Signed consent\n\nExclusion Criteria:\n\n* Pregnancy"
    )
    data = _imported(trials, registry, criteria, tmp_path)
    assert data["eligibility"]["inclusion_criteria"][1] == {
        "text": "Adequate organ function, defined as:",
        "sub_criteria": [{"text": "Hemoglobin ≥ 8 g/dL;"}, {"text": "Platelets ≥ 50,000/mm3."}],
    }


# --- "A" / "OR" / "B" between marked items -------------------------------------------------------------------


def test_items_around_an_or_line_stay_two_criteria_and_the_note_says_why_not_one(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """ "* A" / "OR" / "* B" is not imported as one criterion "A or B": the check holds a criterion to the source's
    words as written, and the second item's list mark stands between them there. The joined text is refused
    (E501: the source has "A OR * B"), so the import keeps two criteria and its note now says why."""
    criteria = (
        "Inclusion Criteria:\n\n* Age 18 to 65 years\n* Anti-dsDNA positive\n\nOR\n\n* Low complement C3\n"
        "* Signed consent\n\nExclusion Criteria:\n\n* Pregnancy"
    )
    data = _imported(trials, registry, criteria, tmp_path)
    texts = [c["text"] for c in data["eligibility"]["inclusion_criteria"]]
    assert texts == ["Age 18 to 65 years", "Anti-dsDNA positive", "Low complement C3", "Signed consent"]
    said = [n["text"] for n in data["curation"]["notes"] if "holding only a conjunction" in n["text"]]
    assert len(said) == 1 and "not as one 'A or B'" in said[0] and "E501" in said[0], said
    # the joined criterion, written into the record, is refused as the note says
    path = registry / "trials" / "NCT02576665.yaml"
    record = path.read_text(encoding="utf-8")
    joined = record.replace("- text: Anti-dsDNA positive\n", "- text: Anti-dsDNA positive or Low complement C3\n")
    joined = joined.replace("    - text: Low complement C3\n", "")
    assert "- text: Low complement C3" not in joined and "positive or Low complement C3" in joined
    path.write_text(joined, encoding="utf-8")
    result = trials("check")
    assert result.status != 0 and "E501" in result.out and "Anti-dsDNA positive OR * Low complement C3" in result.out
