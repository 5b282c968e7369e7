"""evidence.stages: a record's evidence checks, one named stage each, whose problems do not depend on
which stages ran before them. The mutation harness (tests/mutations.py) runs first the stage that
caught the last mistake of the same kind and stops at the first code it may give; were a stage's
verdict to hang on another's having run (a memo one fills and another reads as if complete), the
harness would score a record the tool itself judges otherwise."""

from __future__ import annotations

import mutations
import pytest
from conftest import DATA_ROOT, IM19_PATH, record_data
from sle_trials.checks import documents, evidence, load
from sle_trials.engine import pipeline
from sle_trials.problem import Problem
from sle_trials.reading import layouts

CURATED = sorted(f"trials/{path.name}" for path in (DATA_ROOT / "trials").glob("*.yaml"))


def _problems(shown: str, data: dict, reverse: bool, checker: pipeline.Checker | None = None) -> list[Problem]:
    """data's evidence problems, its stages run in check()'s order or the reverse, and its evidence
    keys read in their order or the reverse (the harness reads a mistake's own keys first);
    checker: the run (a fresh one when not given: nothing remembered from a run in the other order)."""
    checker = checker or pipeline.Checker(DATA_ROOT)
    if reverse and isinstance(data.get("evidence"), dict):
        data = {**data, "evidence": dict(reversed(data["evidence"].items()))}
    with layouts.remembering(checker.memory.shown):
        stages = list(evidence.stages(load.Record(shown, data), checker.schema, DATA_ROOT, checker.memory))
        return [problem for stage in (stages[::-1] if reverse else stages) for problem in stage.run()]


def _key(problem: Problem) -> tuple:
    return (problem.line, problem.column, problem.code, problem.message)


@pytest.mark.parametrize("shown", CURATED)
def test_the_stages_are_check_in_its_order(shown: str) -> None:
    data = record_data(DATA_ROOT / shown, shown)
    checker = pipeline.Checker(DATA_ROOT)
    stages = evidence.stages(load.Record(shown, data), checker.schema, DATA_ROOT, checker.memory)
    names = [stage.name for stage in stages]
    assert names[:3] == ["absent", "unbound", "fields"] and names[-1] == "stub" and len(names) == len(set(names))
    assert evidence.check(load.Record(shown, data), checker.schema, DATA_ROOT) == _problems(shown, data, False)


def _one_mutant_a_kind(shown: str) -> list[mutations.Mutation]:
    data = record_data(DATA_ROOT / shown, shown)
    checker = pipeline.Checker(DATA_ROOT)
    doc = documents.source_doc(DATA_ROOT, data["curation"]["sources"][0]["file"])
    assert doc is not None
    made = mutations.generate(data, checker.schema, doc.text, mutations.stated_places(doc, checker.schema))
    return list({mutant.kind: mutant for mutant in made}.values())  # the last of each kind


@pytest.mark.parametrize("shown", CURATED)
def test_a_stage_finds_the_same_whichever_ran_before_it(shown: str) -> None:
    """Each stage's problems are the same with the stages run backwards and the evidence keys read
    backwards, for the curated record and,
    for IM19 (the record with the most kinds), one mistake of each kind the harness makes of it
    (about 80): problems found, not only codes."""
    mutants = _one_mutant_a_kind(shown) if shown == IM19_PATH else []
    assert len(mutants) > 50 or shown != IM19_PATH
    differ = []
    runs = pipeline.Checker(DATA_ROOT), pipeline.Checker(DATA_ROOT)  # one run in each order
    for mutant in [None, *mutants]:
        data = record_data(DATA_ROOT / shown, shown) if mutant is None else mutant.data
        forwards, backwards = _problems(shown, data, False, runs[0]), _problems(shown, data, True, runs[1])
        if sorted(map(_key, forwards)) != sorted(map(_key, backwards)):
            differ.append(mutant.kind if mutant else "as curated")
    assert differ == []


def test_the_comparison_tells_a_stage_that_hangs_on_another(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above can fail: a completeness stage that finds a problem only once the verbatim
    stage has run (a flag one sets and the other reads) differs between the two orders."""
    ran: list[str] = []
    verbatim, complete = evidence.check_verbatim, evidence.completeness.check

    def noting(*args: object, **kwargs: object) -> object:
        ran.append("verbatim")
        return verbatim(*args, **kwargs)  # type: ignore[arg-type]

    def hanging(record: load.Record, *args: object) -> list[Problem]:
        return [*complete(record, *args), *([Problem(record.path, 1, 1, "E501", "after verbatim")] if ran else [])]  # type: ignore[arg-type]

    monkeypatch.setattr(evidence, "check_verbatim", noting)
    monkeypatch.setattr(evidence.completeness, "check", hanging)
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    forwards = _problems(IM19_PATH, data, False)
    ran.clear()
    backwards = _problems(IM19_PATH, data, True)
    assert [p.message for p in forwards] == ["after verbatim"] and backwards == []


def test_a_record_too_costly_to_search_has_one_stage_after_the_sources_are_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(evidence, "MAX_SEARCHED", 1000)  # IM19's texts × its page's characters are over it
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    checker = pipeline.Checker(DATA_ROOT)
    stages = list(evidence.stages(load.Record(IM19_PATH, data), checker.schema, DATA_ROOT, checker.memory))
    assert [stage.name for stage in stages][-1] == "too costly"
    assert [p.code for p in stages[-1].run()] == ["E530"]


def test_the_evidence_stage_found_one_by_one_finds_what_it_runs_to_unless_its_readings_stop_short(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Stage.found (what the harness reads, stopping at the first wanted code) gives the evidence stage's run()
    problems, in order, for each curated record; past context.PLACES_READ, run() gives its E530 alone, and
    found() the problems found before the readings stopped, then the E530 (a wanted one among them still
    refuses the record). The other stages have one way to be read."""
    from sle_trials.checks.binding import context

    def evidence_stage(checker: pipeline.Checker, shown: str) -> evidence.Stage:
        record = load.Record(shown, record_data(DATA_ROOT / shown, shown))
        stages = evidence.stages(record, checker.schema, DATA_ROOT, checker.memory)
        return next(stage for stage in stages if stage.name == "evidence")

    checker = pipeline.Checker(DATA_ROOT)
    with layouts.remembering(checker.memory.shown):
        for shown in CURATED:
            stage = evidence_stage(checker, shown)
            assert stage.as_found is not None and list(stage.found()) == list(stage.run()), shown
        monkeypatch.setattr(context, "PLACES_READ", 25)  # IM19's quotes stand in a few tens of places
        stage = evidence_stage(checker, IM19_PATH)
        assert [p.code for p in stage.run()] == ["E530"]
        assert [p.code for p in stage.found()][-1] == "E530"
