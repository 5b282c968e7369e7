"""`trials validate`: what it accepts, what it refuses, where it says so, and how it reports."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from conftest import (
    FIXTURES,
    IM19_MINIMAL,
    IM19_PATH,
    RELMA_PATH,
    REPO,
    TEXT_PROBLEM,
    Trials,
    edit,
    joined,
    line_of,
    nct_id_of,
    position,
    put,
    trial_count,
)

VALID = sorted((FIXTURES / "valid").glob("*.yaml"))

AGES = """\
eligibility:
  minimum_age:
    value: {low}
    unit: {low_unit}
  maximum_age:
    value: {high}
    unit: {high_unit}
"""


def ages(low: int, high: int, low_unit: str = "YEARS", high_unit: str = "YEARS") -> str:
    return IM19_MINIMAL + AGES.format(low=low, high=high, low_unit=low_unit, high_unit=high_unit)


def dates(**given: str) -> str:
    return IM19_MINIMAL + "dates:\n" + "".join(f'  {name}:\n    date: "{value}"\n' for name, value in given.items())


# --- what passes ---------------------------------------------------------------------------------


def test_real_trials_validate_clean(trials: Trials, registry: Path) -> None:
    result = trials("validate")
    assert (result.status, result.out) == (0, f"{trial_count(registry)} files checked, no problems\n")


def test_real_registry_passes_check(trials: Trials) -> None:
    result = trials("check")
    assert result.status == 0, result.out


@pytest.mark.parametrize("fixture", VALID, ids=lambda p: p.stem)
def test_valid_fixture_passes(fixture: Path, trials: Trials, registry: Path) -> None:
    text = fixture.read_text(encoding="utf-8")
    place = f"trials/{nct_id_of(text)}.yaml"
    put(registry, place, text)
    alone = trials("validate", registry / place)
    assert (alone.status, alone.out) == (0, "1 file checked, no problems\n")
    # and it fits the registry: references resolve and the CSV can be generated from it
    assert trials("refs").status == 0
    assert trials("csv").status == 0
    assert trials("check").status == 0


def test_there_are_valid_fixtures() -> None:
    assert len(VALID) >= 3


# --- the output format ---------------------------------------------------------------------------


def test_text_format_is_path_line_col_code_message(trials: Trials, registry: Path) -> None:
    text = ages(70, 65)
    put(registry, IM19_PATH, text)
    result = trials("validate")
    assert result.status == 1
    problem, summary = result.lines
    match = TEXT_PROBLEM.fullmatch(problem)
    assert match, problem
    assert match["path"] == IM19_PATH  # relative to the registry root, forward slashes
    assert str(registry) not in result.out
    assert match["code"] == "E104"
    assert match["message"] == "minimum age 70 years is above maximum age 65 years"
    assert int(match["line"]) >= 1 and int(match["col"]) >= 1
    assert summary == f"1 problem in 1 file ({trial_count(registry)} checked); docs/checks.md#codes explains each code"


def test_file_given_by_absolute_path_is_shown_relative_to_the_root(trials: Trials, registry: Path) -> None:
    put(registry, IM19_PATH, ages(70, 65))
    result = trials("validate", (registry / IM19_PATH).resolve())
    assert result.status == 1
    assert result.lines[0].startswith(f"{IM19_PATH}:")
    assert result.lines[-1] == "1 problem in 1 file (1 checked); docs/checks.md#codes explains each code"


def test_hook_style_call_from_the_root_with_relative_paths(
    trials: Trials, registry: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pre-commit runs `trials validate trials/X.yaml` from the repository root, without --root."""
    put(registry, IM19_PATH, ages(70, 65))
    monkeypatch.chdir(registry)
    result = trials.raw(["validate", IM19_PATH, "trials/NCT06900764.yaml"])
    assert result.status == 1
    assert [m["code"] for m in map(TEXT_PROBLEM.fullmatch, result.lines[:-1]) if m] == ["E104"]
    assert all(map(TEXT_PROBLEM.fullmatch, result.lines[:-1])), result.lines
    assert result.lines[-1] == "1 problem in 1 file (2 checked); docs/checks.md#codes explains each code"
    monkeypatch.chdir(registry / "trials")  # the root is found from a folder below it too
    assert trials.raw(["validate", "NCT06900764.yaml"]).status == 0


def test_all_problems_of_all_files_in_one_run_then_a_count(trials: Trials, registry: Path) -> None:
    put(registry, IM19_PATH, ages(70, 65))  # a rule (E104)
    stub = (registry / "trials/NCT06900764.yaml").read_text(encoding="utf-8")
    put(
        registry, "trials/NCT06900764.yaml", stub.replace("status: stub", "status: Stub") + "phases: [PHASE1, PHASE1]\n"
    )
    put(registry, "trials/NCT06886919.yaml", b"nct_id: NCT06886919\n\tbrief_title: x\n")  # the text itself (E005)
    result = trials("validate")
    assert result.status == 1
    *problems, summary = result.lines
    found = [m for m in map(TEXT_PROBLEM.fullmatch, problems) if m]
    assert len(found) == len(problems), problems
    assert [(m["path"], m["code"]) for m in found] == [
        (IM19_PATH, "E104"),
        ("trials/NCT06886919.yaml", "E005"),
        ("trials/NCT06900764.yaml", "E204"),
        ("trials/NCT06900764.yaml", "E207"),
    ]  # every problem of every file, in path order, two in the same file
    assert summary == (
        f"4 problems in 3 files ({trial_count(registry)} checked); docs/checks.md#codes explains each code"
    )


def test_exit_zero_when_clean(trials: Trials, registry: Path) -> None:
    assert trials("validate").status == 0
    assert trials("validate", registry / IM19_PATH).status == 0


def test_exit_one_for_problems_in_the_data(trials: Trials, registry: Path) -> None:
    put(registry, IM19_PATH, ages(70, 65))
    assert trials("validate").status == 1


def test_exit_two_when_root_is_not_the_registry(trials: Trials, tmp_path: Path) -> None:
    elsewhere = tmp_path / "not-a-registry"
    (elsewhere / "trials").mkdir(parents=True)
    result = trials("validate", root=elsewhere)
    assert result.status == 2
    assert "schema/trial.schema.json" in result.err and result.out == ""
    assert trials("validate", root=tmp_path / "missing").status == 2


def test_exit_two_without_root_outside_the_registry(
    trials: Trials, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = trials.raw(["validate"])
    assert result.status == 2 and "trials:" in result.err


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--frobnicate"],
        ["validate", "--format", "xml"],
        ["frobnicate"],
        [],
        ["csv", "--check", "extra-argument"],
    ],
)
def test_exit_two_for_bad_usage(trials: Trials, registry: Path, argv: list[str]) -> None:
    result = trials.raw([*argv, "--root", str(registry)] if argv else [])
    assert result.status == 2, result
    assert result.err.strip()


def test_json_format(trials: Trials, registry: Path) -> None:
    text = ages(70, 65)
    put(registry, IM19_PATH, text)
    result = trials("validate", fmt="json")
    assert result.status == 1
    document = json.loads(result.out)
    assert document["files"] == trial_count(registry)
    [problem] = document["problems"]
    assert problem["path"] == IM19_PATH
    assert problem["code"] == "E104" and problem["name"] == "age-range-inverted"
    assert isinstance(problem["line"], int) and isinstance(problem["column"], int)
    assert problem["line"] in range(line_of(text, "minimum_age:"), line_of(text, "maximum_age:"))
    assert "70" in problem["message"]


def test_json_format_when_clean(trials: Trials) -> None:
    result = trials("validate", fmt="json")
    assert result.status == 0
    assert json.loads(result.out) == {"files": trial_count(trials.root), "problems": []}


def test_github_format(trials: Trials, registry: Path) -> None:
    put(registry, IM19_PATH, ages(70, 65))
    result = trials("validate", fmt="github")
    assert result.status == 1
    annotations = [line for line in result.lines if line.startswith("::")]
    assert len(annotations) == 1
    match = re.fullmatch(
        r"::error file=(?P<file>[^,]+),line=(?P<line>[0-9]+),col=(?P<col>[0-9]+),"
        r"title=(?P<title>[^:]+)::(?P<message>.+)",
        annotations[0],
    )
    assert match, annotations[0]
    assert match["file"] == IM19_PATH
    assert match["title"] == "E104 age-range-inverted"
    assert match["message"] == "minimum age 70 years is above maximum age 65 years"


def test_github_format_escapes_percent_signs(trials: Trials, registry: Path) -> None:
    """GitHub reads %XX in an annotation as an escape, so a literal '%' must be written %25."""
    put(registry, IM19_PATH, IM19_MINIMAL.replace("overall_status: RECRUITING", 'overall_status: "100%"'))
    result = trials("validate", fmt="github")
    [annotation] = [line for line in result.lines if line.startswith("::error")]
    assert "title=E204 value-not-allowed::" in annotation
    assert "'100%25'" in annotation and "'100%'" not in annotation


# The problems docs/curating.md shows a curator, each made by one edit of the IM19 record.
CURATING_EXAMPLES = {
    "E104": ("  minimum_age:\n    value: 18\n", "  minimum_age:\n    value: 70\n"),
    "E508": ('measure: Weight\n      comparator: ">="', 'measure: Weight\n      comparator: "<="'),
}


@pytest.mark.parametrize("code", sorted(CURATING_EXAMPLES))
def test_the_problems_curating_md_shows_are_printed_as_shown(code: str, trials: Trials, registry: Path) -> None:
    """A newcomer who makes the edit finds the line the guide shows, place and words alike: the
    examples' places once lagged nine lines behind the record they name."""
    shown = re.findall(rf"^`?({re.escape(IM19_PATH)}:\d+:\d+: {code} [^`\n]+)", curating_md(), re.M)
    assert shown, f"docs/curating.md shows no {code} example"
    edit(registry, IM19_PATH, CURATING_EXAMPLES[code])
    printed = trials("validate").lines
    assert set(shown) <= set(printed), printed


def test_the_criterion_example_of_curating_md_passes_in_the_record_it_comes_from(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """The guide's YAML example of values read from one criterion is Relma-cel's, quotes and all: a
    curator who copies it gets no problem (its classification quote once ended in "...", which no
    source states: E502)."""
    from sle_trials.checks import load, schema
    from sle_trials.curate import fmt

    [block] = re.findall(r"^  ```yaml\n(  eligibility:\n.*?)^  ```$", curating_md_raw(), re.M | re.S)
    example = tmp_path / "example.yaml"
    example.write_text(textwrap.dedent(block), encoding="utf-8")
    shown, problems = load.load(example, example.name)
    assert shown is not None, problems
    record, problems = load.load(registry / RELMA_PATH, RELMA_PATH)
    assert record is not None, problems
    data = record.data
    for field, value in shown.data["eligibility"].items():
        assert data["eligibility"][field] == value, field
    data["evidence"].update(shown.data["evidence"])
    put(registry, RELMA_PATH, fmt.render(data, schema.load_schema(registry)))
    result = trials("validate")
    assert result.status == 0, result.out


def curating_md_raw() -> str:
    return (REPO / "docs" / "curating.md").read_text(encoding="utf-8")


def curating_md() -> str:
    """The guide's text with its indented example lines (a list item's) unindented."""
    return "\n".join(line.strip() for line in (REPO / "docs" / "curating.md").read_text(encoding="utf-8").splitlines())


# --- rules ---------------------------------------------------------------------------------------


def test_minimum_age_above_maximum_is_reported_at_the_minimum_age_line(trials: Trials, registry: Path) -> None:
    """docs/curating.md: `trials/NCT06513429.yaml:129:3: E104 ...` points at the `minimum_age:` key."""
    text = ages(70, 65)
    put(registry, IM19_PATH, text)
    result = trials.json("validate")
    assert result.where("E104") == [(IM19_PATH, *position(text, "minimum_age:"))]


def test_ages_are_compared_across_units(trials: Trials, registry: Path) -> None:
    put(registry, IM19_PATH, ages(12, 120, "YEARS", "MONTHS"))  # 120 months = 10 years
    assert trials.json("validate").codes() == {"E104"}
    put(registry, IM19_PATH, ages(10, 120, "YEARS", "MONTHS"))  # equal is fine
    assert trials.json("validate").codes() == {"E517"}  # E104 passes; no source states these ages


def test_start_after_completion(trials: Trials, registry: Path) -> None:
    text = dates(start="2027-12-31", completion="2024-07-30")
    put(registry, IM19_PATH, text)
    result = trials.json("validate")
    assert result.where("E105") == [(IM19_PATH, *position(text, '"2024-07-30"'))]
    [problem] = result.problems()
    assert "2024-07-30" in problem["message"] and "2027-12-31" in problem["message"]


def test_partial_dates_are_compared_at_their_common_precision(trials: Trials, registry: Path) -> None:
    put(registry, IM19_PATH, dates(start="2024-07", completion="2024-07-01"))
    assert trials.json("validate").codes() == {"E517"}  # E105 passes; no source states these dates
    put(registry, IM19_PATH, dates(start="2024-08", completion="2024-07-31"))
    assert trials.json("validate").codes() == {"E105"}


def test_february_30_is_not_a_date(trials: Trials, registry: Path) -> None:
    text = dates(start="2023-02-30")
    put(registry, IM19_PATH, text)
    result = trials.json("validate")
    assert result.where("E103") == [(IM19_PATH, *position(text, '"2023-02-30"'))]
    put(registry, IM19_PATH, dates(start="2024-02-29"))  # a leap day is
    assert trials.json("validate").codes() == {"E517"}  # E103 passes; no source states the date


def test_duplicated_criterion(trials: Trials, registry: Path) -> None:
    text = (
        IM19_MINIMAL
        + """\
eligibility:
  inclusion_criteria:
    - number: 2
      text: Age ≥ 18 years old, ≤ 65 years old
    - number: 3
      text: Weight ≥ 40 kg
    - number: 4
      text: "Weight  ≥ 40 KG"
"""
    )
    put(registry, IM19_PATH, text)
    result = trials.json("validate")
    assert result.where("E106") == [(IM19_PATH, *position(text, '"Weight'))]  # same text up to case and spaces


def test_duplicated_criterion_number(trials: Trials, registry: Path) -> None:
    text = (
        IM19_MINIMAL
        + """\
eligibility:
  inclusion_criteria:
    - number: 2
      text: Age ≥ 18 years old, ≤ 65 years old
    - number: 2
      text: Weight ≥ 40 kg
"""
    )
    put(registry, IM19_PATH, text)
    line, col = position(text, "- number: 2", 1)
    assert trials.json("validate").where("E106") == [(IM19_PATH, line, col + len("- number: "))]


COHORTS = (
    IM19_MINIMAL
    + """\
arms:
  - label: CAR-T cell therapy group
    cohorts:
      - patients: {{first: 1, last: 3}}
        dose: {{value: 1000000, unit: CAR-T cells, basis: PER_KG}}
      - patients: {{first: {first}, last: {last}}}
        dose: {{value: 100000000, unit: CAR-T cells, basis: FLAT}}
"""
)


@pytest.mark.parametrize("first, last", [(3, 6), (2, 2), (1, 9)])
def test_overlapping_cohorts(trials: Trials, registry: Path, first: int, last: int) -> None:
    text = COHORTS.format(first=first, last=last)
    put(registry, IM19_PATH, text)
    assert trials.json("validate").where("E107") == [(IM19_PATH, *position(text, f"{{first: {first}, last: {last}}}"))]


def test_cohort_range_running_backwards(trials: Trials, registry: Path) -> None:
    put(registry, IM19_PATH, COHORTS.format(first=6, last=4))
    assert trials.json("validate").codes() == {"E107"}


def test_adjacent_cohorts_are_fine(trials: Trials, registry: Path) -> None:
    put(registry, IM19_PATH, COHORTS.format(first=4, last=6))
    assert trials.json("validate").codes() == {"E517"}  # E107 passes; no source states these cohorts


def test_file_name_differs_from_nct_id(trials: Trials, registry: Path) -> None:
    text = (registry / "trials/NCT06900764.yaml").read_text(encoding="utf-8")
    put(registry, "trials/NCT06886919.yaml", text)
    result = trials.json("validate")
    assert result.where("E101") == [("trials/NCT06886919.yaml", *position(text, "NCT06900764"))]
    [problem] = result.problems()
    assert "NCT06900764" in problem["message"] and "NCT06886919" in problem["message"]


def test_a_file_in_trials_not_named_after_an_nct_id(trials: Trials, registry: Path) -> None:
    put(registry, "trials/im19.yaml", IM19_MINIMAL)
    result = trials.json("validate")
    assert result.codes() == {"E101"}
    assert result.where("E101")[0][0] == "trials/im19.yaml"
    assert result.problems()[0]["message"].endswith("name it NCTxxxxxxxx.yaml after its nct_id")


@pytest.mark.parametrize("name", ["nct06513429.yaml", "Nct06513429.yaml"])
def test_a_trial_file_name_in_another_case_is_told_its_own(trials: Trials, registry: Path, name: str) -> None:
    """A name that is a trial file's but for its letters' case is told the name it should have, by
    its name alone (a misnamed file is never read)."""
    (registry / "trials" / "NCT06513429.yaml").rename(registry / "trials" / name)
    messages = [p["message"] for p in trials.json("validate").problems() if p["code"] == "E101"]
    assert messages == [f"{name} is not a trial file name; name it NCT06513429.yaml after its nct_id"]


# --- NCT ids -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nct_id, character, code_point",
    [
        ("N\u0421T06513429", "\u0421", "U+0421"),  # Cyrillic capital ES looks like C
        ("NCT\uff10\uff16\uff15\uff11\uff13\uff14\uff12\uff19", "\uff10", "U+FF10"),  # full-width digits
        ("NCT0651342\u0669", "\u0669", "U+0669"),  # an Arabic-Indic digit nine, which \d would accept
    ],
)
def test_nct_id_with_lookalike_characters(
    trials: Trials, registry: Path, nct_id: str, character: str, code_point: str
) -> None:
    text = IM19_MINIMAL.replace("nct_id: NCT06513429", f"nct_id: {nct_id}")
    put(registry, IM19_PATH, text)
    result = trials.json("validate")
    assert result.where("E102") == [(IM19_PATH, *position(text, nct_id))]
    [problem] = [p for p in result.problems() if p["code"] == "E102"]
    assert character in problem["message"] and code_point in problem["message"]


def test_nct_id_with_a_trailing_newline_is_refused(trials: Trials, registry: Path) -> None:
    """Python's `$` matches before a final newline; the schema's patterns are ECMA-262, where it does not."""
    text = IM19_MINIMAL.replace("nct_id: NCT06513429", 'nct_id: "NCT06513429\\n"')
    put(registry, IM19_PATH, text)
    result = trials.json("validate")
    assert result.status == 1
    assert result.where("E102") == [(IM19_PATH, *position(text, '"NCT06513429'))]


def test_related_trial_id_is_checked_like_the_records_own(trials: Trials, registry: Path) -> None:
    text = (
        IM19_MINIMAL + "related_trials:\n  - nct_id: NCT0690076\n"
        "    title: A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus\n"
    )
    put(registry, IM19_PATH, text)
    assert trials.json("validate").where("E102") == [(IM19_PATH, *position(text, "NCT0690076\n"))]


# --- types, fields and vocabularies --------------------------------------------------------------


@pytest.mark.parametrize(
    "written, code", [("No", "E023"), ("no", "E023"), ("Yes", "E023"), ("off", "E023"), ("n", "E203")]
)
def test_yaml_1_1_booleans_are_text_not_booleans(trials: Trials, registry: Path, written: str, code: str) -> None:
    """Text to this tool (YAML 1.2), a boolean to PyYAML: refused plain (E023), as a boolean field's
    value or any other. "n", text to both, is text where a boolean is asked (E203)."""
    text = IM19_MINIMAL + f"eligibility:\n  healthy_volunteers: {written}\n"
    put(registry, IM19_PATH, text)
    result = trials.json("validate")
    line, col = position(text, f"healthy_volunteers: {written}")
    assert result.where(code) == [(IM19_PATH, line, col + len("healthy_volunteers: "))]
    said = "to YAML 1.1 ones (PyYAML)" if code == "E023" else "true or false"
    assert said in result.problems()[0]["message"]


@pytest.mark.parametrize("written", ["false", "true", "False"])
def test_yaml_1_2_booleans_pass(trials: Trials, registry: Path, written: str) -> None:
    quote = "evidence:\n  eligibility.healthy_volunteers: 18 Years 65 Years ALL No\n"
    put(registry, IM19_PATH, joined(IM19_MINIMAL, f"eligibility:\n  healthy_volunteers: {written}\n{quote}"))
    # read as a boolean (no E203): false binds the source's No, true is the other value (E507)
    assert trials.json("validate").codes() == ({"E507"} if written == "true" else set())


def test_unknown_field_with_a_did_you_mean_hint(trials: Trials, registry: Path) -> None:
    text = IM19_MINIMAL + "enrollment:\n  count: 6\n  typ: ACTUAL\n"
    put(registry, IM19_PATH, text)
    result = trials.json("validate")
    assert result.where("E202") == [(IM19_PATH, *position(text, "typ:"))]
    assert "did you mean 'type'" in result.problems()[0]["message"]


def test_unknown_top_level_field_with_a_did_you_mean_hint(trials: Trials, registry: Path) -> None:
    text = IM19_MINIMAL + "overal_status: RECRUITING\n"
    put(registry, IM19_PATH, text)
    result = trials.json("validate")
    assert result.where("E202") == [(IM19_PATH, *position(text, "overal_status"))]
    assert "did you mean 'overall_status'" in result.problems()[0]["message"]


def test_value_outside_the_vocabulary(trials: Trials, registry: Path) -> None:
    text = IM19_MINIMAL.replace("overall_status: RECRUITING", "overall_status: Recruiting")
    put(registry, IM19_PATH, text)
    result = trials.json("validate")
    assert result.where("E204") == [(IM19_PATH, *position(text, "Recruiting"))]
    assert "did you mean RECRUITING?" in result.problems()[0]["message"]


def test_missing_required_field(trials: Trials, registry: Path) -> None:
    put(
        registry,
        IM19_PATH,
        IM19_MINIMAL.replace("overall_status: RECRUITING\n", "").replace("status: draft", "status: complete"),
    )
    result = trials.json("validate")  # a complete record needs its status; a draft or a stub does not
    assert result.codes() == {"E201"}
    assert "overall_status" in result.problems()[0]["message"]


def test_several_schema_problems_in_one_file_are_all_reported(trials: Trials, registry: Path) -> None:
    text = IM19_MINIMAL.replace("RECRUITING", "Recruiting") + "enrollment:\n  count: six\nphases: [NA, NA]\n"
    put(registry, IM19_PATH, text)
    result = trials.json("validate")
    assert sorted(p["code"] for p in result.problems()) == ["E203", "E204", "E207"]


# --- the strict YAML subset (one case each beyond the fixtures) ----------------------------------


def test_a_tab_written_as_an_escape_is_refused(trials: Trials, registry: Path) -> None:
    text = IM19_MINIMAL.replace("overall_status: RECRUITING", 'overall_status: "RECRUITING\\t"')
    put(registry, IM19_PATH, text)
    assert trials.json("validate").where("E005") == [(IM19_PATH, *position(text, '"RECRUITING'))]


def test_right_to_left_override_is_refused(trials: Trials, registry: Path) -> None:
    """Trojan Source: U+202E makes a value read differently from what it is."""
    text = IM19_MINIMAL.replace("Lupus", "Lu\u202epus")
    put(registry, IM19_PATH, text)
    result = trials.json("validate")
    assert result.where("E020") == [(IM19_PATH, *position(text, "\u202e"))]
    assert "U+202E" in result.problems()[0]["message"]


def test_alias_bomb_is_refused_quickly(trials: Trials, registry: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 30)]
    put(registry, IM19_PATH, "\n".join(lines) + "\n")
    result = trials.json("validate")
    assert result.codes() == {"E010"}


def test_exactly_one_mib_is_allowed(trials: Trials, registry: Path) -> None:
    body = IM19_MINIMAL.encode()
    filler = b"#" * 99 + b"\n"
    data = body + filler * ((1024 * 1024 - len(body)) // len(filler))
    data += b"#" * (1024 * 1024 - len(data) - 1) + b"\n"
    assert len(data) == 1024 * 1024
    put(registry, IM19_PATH, data)
    assert trials("validate").status == 0
    put(registry, IM19_PATH, data + b"\n")
    assert trials.json("validate").where("E004") == [(IM19_PATH, None, None)]


# --- repeated runs ---------------------------------------------------------------------------------


def test_a_second_run_sees_a_changed_source(trials: Trials, registry: Path) -> None:
    """Whatever a run remembers of a valid file must not outlive a change to what it was checked
    against: here the source loses the words the record's title quotes."""
    put(registry, IM19_PATH, IM19_MINIMAL)
    assert trials("validate").status == 0
    assert trials("validate").status == 0
    seed = registry / "seeds/000_84a0f0163f21158e.txt"
    seed.chmod(0o644)
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("Refractory Systemic Lupus Erythematosus (SLE)", "refractory SLE"),
        encoding="utf-8",
    )
    result = trials.json("validate")
    assert (IM19_PATH, *position(IM19_MINIMAL, "IM19 CAR-T")) in result.where("E501")


def test_a_second_run_sees_a_changed_schema(trials: Trials, registry: Path) -> None:
    assert trials("validate").status == 0
    schema_file = registry / "schema/trial.schema.json"
    schema_file.write_text(schema_file.read_text(encoding="utf-8").replace('"RECRUITING",', "", 1), encoding="utf-8")
    assert "E204" in trials.json("validate").codes()


def test_a_problem_is_reported_on_every_run(trials: Trials, registry: Path) -> None:
    put(registry, IM19_PATH, ages(70, 65))
    first, second = trials("validate"), trials("validate")
    assert first.status == second.status == 1
    assert first.out == second.out
