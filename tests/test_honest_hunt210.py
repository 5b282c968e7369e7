"""Honest work the checks refused (false positives), hunt 210 (helper-59). Each fix keeps the wrong case refused.

Found and fixed:
- **A name's own number read as a limit.** The quantities reader read the digits an acronym carries after a hyphen
  as a number ("BILAG-2004", "SRI-4", "IL-6", "COVID-19"), and an instrument's version after a space ("BILAG 2004",
  "SLEDAI 2000"), so a threshold whose measure names its instrument or analyte that way, "Disease activity score
  (BILAG-2004) of at least 10 points", was refused as holding another limit of its own (E529: "it holds '2004'").
  Such digits are now no number (quantities._NAME_GLUED_BEFORE, instruments.VERSIONS) unless a unit or a
  comparator's words follow them ("SLEDAI-6 or more", "WEIGHT-40 kg"); a measure leaving the instrument out and a
  value bound to the name's digits stay refused. So was a measure holding a bare number, a kind's or a period's
  ("Urine protein (24-hour)", "Serum IgG (Type-2)"): a number with no comparator and no unit is no other limit
  (checks/thresholds.py); "Serum creatinine > 2.5 mg/dL" for its "or 221 μmol/L" stays refused.
- **A vocabulary's term written in words in a note.** "An Early Phase 1 label is absent." (IM19), "The design is a
  Single Group Assignment." were refused (E501) as names no source writes, where the code (EARLY_PHASE1) passed. A
  study-kind term now stands for its values (checks/remark_terms.py): accounted for where the record holds them, a
  source states them in any rendering ("EARLY_PHASE1" for "Early Phase 1") or the note denies it; "It is in Phase
  II." of a Phase I trial stays refused.
- **A hyphenated "early-phase 1"** in a source was read as PHASE1: an honest EARLY_PHASE1 quoting it was refused
  (E507), and PHASE1 passed (vocabulary.TABLES).
- **A criterion's age range in a note.** "Inclusion criterion 2 gives the ages as 18 to 70 years" (Relma-cel) was
  refused (E501): the remarks' age reader dropped a range's lower end whose age word follows the upper end
  ("between 18 and 70 years old"; remarks._age_spans).
- **A curator's own bookkeeping in a comment or note**: "# TODO: ..." (E501, 'TODO' read as a name;
  remark_names.OWN_WORDS) and the date of the curator's work, "# Curated on 2025-12-01", "Source checked
  2025-12-01" (E501, a date no source writes; remarks._CURATORS_DATE); the trial's own dates stay facts.
- **The hooks offered to other repositories** (.pre-commit-hooks.yaml) lacked sources-staged and trials-refs's
  always_run; a test keeps the two pre-commit files in step.

Found while there (a hole): `__test__` bound in a helper module of the tests (a quiet base class a test class of a
test module builds on) left a failing test uncollected and passed the extraction; the trust-boundary hunt 210's rule
refuses it, a test class derived from a class it imports (git/uncollected.py), and a test holds it.

Found and not merged: a test module's helper class kept off pytest (`__test__ = False` on a dataclass of cases named
TestCase) stops the trusted check. This hunt let it pass where the class holds no test and nothing builds on it,
in git/uncollected.py, which the trust-boundary hunt 210 rewrote in the same hour; the lead left the honest case
refused rather than merge two rewrites of the rule by hand.

Checked, no fix needed: `trials import` names a saved source by the study's id and last update (a second version by
its hash), never by the file's base name: two imports of "study.json" from two folders keep both seeds.

Found and left: an inline enumeration ("a. ... b. ...") given as a criterion's sub-items was refused as cut short
(E511; it passes since hunt 211, test below). Refused by the project's own rules, and so left: a file-wide
`# ruff: noqa: E501` (settings in a comment), a module-level name bound twice (`WORDS = WORDS + (...)`) or through
`global`, a module-level `compile = re.compile` (read as compile()). Many other honest variants passed: YAML
styles (JSON, flow, single-quoted, reordered keys and lists, comments anywhere), rephrased notes, a second source,
evidence as lists, minimal drafts and stubs, honest documentation, data and test pull requests.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    IM19_PATH,
    IM19_TEXT_HEAD,
    RELMA_PATH,
    REPO,
    VARIED,
    add_source,
    codes_with_a_note_rewritten,
    im19_draft,
    im19_out,
    passed_by_the_extraction,
    put,
    real_study,
    record_data,
    refused_by_the_trusted_check,
    threshold_out,
)
from sle_trials.reading.lexicon import quantities


def codes(out: str) -> set[str]:
    return set(re.findall(r"\bE\d{3}\b", out))


# --- A name's own number (reading/lexicon/quantities.py)
NAMED = [
    (
        "Disease activity score (BILAG-2004) of at least 10 points",
        ("DISEASE_ACTIVITY", "Disease activity score (BILAG-2004)", ">=", 10, "points"),
    ),
    (
        "Response index (SRI-4) of at least 6 points",
        ("DISEASE_ACTIVITY", "Response index (SRI-4)", ">=", 6, "points"),
    ),
    (
        "Disease activity score (BILAG 2004) of at least 10 points",
        ("DISEASE_ACTIVITY", "Disease activity score (BILAG 2004)", ">=", 10, "points"),
    ),
    (
        "Disease activity (SLEDAI 2000) ≥ 6 points",
        ("DISEASE_ACTIVITY", "Disease activity (SLEDAI 2000)", ">=", 6, "points"),
    ),
    # a bare number in the measure, no comparator and no unit: a kind's or a period's (checks/thresholds.py)
    (
        "Urine protein (24-hour) ≥ 0.5 g/24h",
        ("LABORATORY", "Urine protein (24-hour)", ">=", 0.5, "g/24h"),
    ),
    (
        "Serum IgG (Type-2) ≥ 7 g/L",
        ("LABORATORY", "Serum IgG (Type-2)", ">=", 7, "g/L"),
    ),
    (
        "Serum interleukin level (IL-6) ≥ 40 pg/mL",
        ("LABORATORY", "Serum interleukin level (IL-6)", ">=", 40, "pg/mL"),
    ),
    (
        "Serum antibody level (COVID-19) ≥ 40 IU/mL",
        ("LABORATORY", "Serum antibody level (COVID-19)", ">=", 40, "IU/mL"),
    ),
]


@pytest.mark.parametrize(("text", "threshold"), NAMED, ids=[t for t, _ in NAMED])
def test_a_measure_naming_its_instrument_with_a_number_passes(trials, text: str, threshold: tuple) -> None:
    assert threshold_out(trials, text, threshold) == ""


@pytest.mark.parametrize(
    ("text", "threshold", "code"),
    [
        # the instrument left out of the measure (_instrument_left_out)
        (NAMED[0][0], ("DISEASE_ACTIVITY", "Disease activity score", ">=", 10, "points"), "E529"),
        # a value bound to the name's digits: no limit of 4, nor of 2004
        (NAMED[1][0], ("DISEASE_ACTIVITY", "Response index (SRI-4)", ">=", 4, "points"), "E508"),
        (NAMED[0][0], ("DISEASE_ACTIVITY", "Disease activity score (BILAG-2004)", ">=", 2004, "points"), "E508"),
        # a limit the measure holds, with its comparator and unit, is another limit still
        (
            "Serum creatinine > 2.5 mg/dL, or 221 μmol/L",
            ("LABORATORY", "Serum creatinine > 2.5 mg/dL", ">", 221, "μmol/L"),
            "E529",
        ),
    ],
)
def test_a_wrong_value_beside_a_named_instrument_is_refused(trials, text: str, threshold: tuple, code: str) -> None:
    assert code in codes(threshold_out(trials, text, threshold))


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("SLEDAI-6 or more", [6.0]),  # a comparator's words after it: a limit
        ("WEIGHT-40 kg", [40.0]),  # a unit after it
        ("at week-12", [12.0]),  # a lower-case word: no acronym
        ("SLEDAI-2K ≥ 6 or BILAG-2004 A ≥ 1", [6.0, 1.0]),
        ("BILAG 2004 A ≥ 1; SLEDAI 2000 ≥ 6", [1.0, 6.0]),  # a version after a space (instruments.VERSIONS)
        ("BILAG 2004 points", [2004.0]),  # a unit after it: a limit however it is written
        ("SLEDAI 6 or more", [6.0]),  # no version of the instrument's
        ("COVID-19 within 4 weeks, IL-6 > 40 pg/mL", [4.0, 40.0]),
    ],
)
def test_a_limit_glued_to_a_name_is_still_a_number(text: str, values: list[float]) -> None:
    assert [n.value for n in quantities.numbers(text)] == values


# --- A vocabulary's term written in words in a note (checks/remark_terms.py)
WINDOW = "Exclusion criterion 8's window of 6 months covers its whole list of heart conditions."
LOCATION = "The source lists one location (Shanghai, China)"


def im19_note(added: str) -> tuple[str, str, str]:
    """IM19's thresholds note with a sentence added (IM19's source writes no phase but N/A: its record holds NA)."""
    return (IM19_PATH, WINDOW, f"{WINDOW} {added}")


def relma_note(added: str) -> tuple[str, str, str]:
    """Relma-cel's locations note with a sentence added (its source writes "Phase I"; its record holds PHASE1)."""
    return (RELMA_PATH, LOCATION, f"{LOCATION}. {added}")


TERMS_NAMED = [
    im19_note("An Early Phase 1 label is absent."),  # denied after it
    im19_note("The source gives no Early Phase I label."),  # denied before it
    relma_note("It is not an Early Phase 1 study."),
    im19_note("The phase is Not Applicable."),  # the record's value (NA)
    im19_note("The design is a Single Group Assignment."),  # the record's SINGLE_GROUP
    relma_note("The Health Services Research purpose is not given."),
    relma_note("It is in Phase I."),  # the source's own rendering (as before)
]


@pytest.mark.parametrize(("shown", "old", "new"), TERMS_NAMED, ids=[new for _, _, new in TERMS_NAMED])
def test_a_term_written_in_words_passes(registry: Path, shown: str, old: str, new: str) -> None:
    assert codes_with_a_note_rewritten(registry, shown, old, new) == set()


TERMS_UNHELD = [
    relma_note("It is in Phase II."),  # no source states it, the record does not hold it, nothing denies it
    im19_note("It is an Early Phase 1 study."),
    im19_note("The design is Parallel Assignment."),
    relma_note("The Shanghai Experimental Hospital is one."),  # a term inside a name is the name's
    relma_note("It is a Phase I/III study."),
    relma_note("It was not in Beijing but in a Phase II study."),  # a denial of another thing
]


@pytest.mark.parametrize(("shown", "old", "new"), TERMS_UNHELD, ids=[new for _, _, new in TERMS_UNHELD])
def test_a_term_no_source_states_is_refused(registry: Path, shown: str, old: str, new: str) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, shown, old, new)


def test_a_term_a_source_states_in_another_rendering_passes(trials) -> None:
    """A note's "Early Phase 1" where its source writes the code, EARLY_PHASE1; "Phase II" there is refused."""
    source = add_source(trials.root, "seeds/936_phase_code.txt", IM19_TEXT_HEAD + "Phase: EARLY_PHASE1\n")
    draft = im19_draft(source)
    for note, refused in (("The source gives its phase as Early Phase 1.", False), ("It is in Phase II.", True)):
        text = draft.replace(
            '      as_of: "2025-08-17"\n',
            f'      as_of: "2025-08-17"\n  notes:\n    - field: brief_title\n      text: {note}\n',
            1,
        )
        put(trials.root, IM19_PATH, text)
        out = trials("validate", trials.root / IM19_PATH).out
        assert ("E501" in out) == refused, out


# --- The hooks offered to other repositories (.pre-commit-hooks.yaml) and this repository's own
# (.pre-commit-config.yaml): the manifest lacked sources-staged, and its trials-refs ran on no commit that only
# touched seeds/, so another repository's commit of a record citing an untracked source passed its hooks.
HOOK_PATHS = (
    "trials/NCT06513429.yaml",
    "schema/trial.schema.json",
    "seeds/000_x.txt",
    "trials.csv",
    "datapackage.json",
)


def hooks_of(config: dict | list) -> dict[str, dict]:
    """The hooks a pre-commit file declares, by id: a manifest's list, or a config's local repositories'."""
    listed = [h for repo in config["repos"] for h in repo["hooks"]] if isinstance(config, dict) else config
    return {h["id"]: h for h in listed}


def registry_hooks(config: dict | list) -> dict[str, dict]:
    """The hooks of the registry's own: a `trials` command, or sources-staged (the commit's sources)."""
    return {
        key: h
        for key, h in hooks_of(config).items()
        if re.match(r"(?:\.venv/bin/)?trials ", h["entry"]) or key == "sources-staged"
    }


def runs_on(hook: dict, exclude: str, path: str) -> bool:
    """Whether pre-commit runs the hook on a commit of path (its files and exclude, the file's exclude, always_run)."""
    if hook.get("always_run"):
        return True
    return bool(re.search(hook.get("files", ""), path)) and not any(
        pattern and re.search(pattern, path) for pattern in (hook.get("exclude", ""), exclude)
    )


def out_of_step(config: dict, manifest: list) -> list[str]:
    """How the manifest's hooks differ from the config's registry hooks: one missing, another command, another
    way of passing files, or a path of the registry one runs on and the other does not."""
    own, offered = registry_hooks(config), hooks_of(manifest)
    differences = [f"{key}: not offered" for key in own if key not in offered]
    for key, hook in own.items():
        other = offered.get(key)
        if other is None:
            continue
        if hook["entry"].removeprefix(".venv/bin/") != other["entry"]:
            differences.append(f"{key}: entry {hook['entry']!r} against {other['entry']!r}")
        if hook.get("pass_filenames", True) != other.get("pass_filenames", True):
            differences.append(f"{key}: pass_filenames")
        for path in HOOK_PATHS:
            if runs_on(hook, config.get("exclude", ""), path) != runs_on(other, "", path):
                differences.append(f"{key}: runs otherwise on {path}")
    return differences


def load_yaml(name: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load((REPO / name).read_text(encoding="utf-8"))


def test_the_hooks_offered_are_this_repositorys_own() -> None:
    assert out_of_step(load_yaml(".pre-commit-config.yaml"), load_yaml(".pre-commit-hooks.yaml")) == []


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda m: [h for h in m if h["id"] != "sources-staged"], "sources-staged: not offered"),
        (lambda m: [{**h, "always_run": False} if h["id"] == "trials-refs" else h for h in m], "runs otherwise"),
        (lambda m: [{**h, "entry": "true"} if h["id"] == "sources-staged" else h for h in m], "sources-staged: entry"),
        (lambda m: [{**h, "pass_filenames": True} if h["id"] == "trials-csv" else h for h in m], "pass_filenames"),
    ],
)
def test_a_manifest_out_of_step_is_found(change, said: str) -> None:
    manifest = change(load_yaml(".pre-commit-hooks.yaml"))
    assert any(said in d for d in out_of_step(load_yaml(".pre-commit-config.yaml"), manifest))


# --- Two saved files of one base name imported (curate/importing.py): checked, no fix needed. The seed is named by
# the study's id and last update (ctgov_<NCT>_<date>.json), a second version of that date by its hash too; the file's
# own name is only said in the messages. So two imports of "study.json" from two folders neither collide nor
# overwrite, and the same bytes again are the same seed.
def test_two_saved_files_of_one_name_keep_their_own_seeds(trials, registry: Path, tmp_path: Path) -> None:
    study = real_study()
    nct = study["protocolSection"]["identificationModule"]["nctId"]
    saved = []
    for folder, title in (("first", ""), ("second", " (second version)")):
        study["protocolSection"]["identificationModule"]["briefTitle"] += title
        (tmp_path / folder).mkdir()
        saved.append(tmp_path / folder / "study.json")
        saved[-1].write_text(json.dumps(study, indent=2), encoding="utf-8")
    update = ["--update"]
    for file, more in ((saved[0], []), (saved[1], update), (saved[0], update)):
        result = trials("import", "ctgov", file, "--out-of-scope", VARIED, *more)
        assert result.status == 0, result.out + result.err
    seeds = {p.name: p.read_bytes() for p in (registry / "seeds").glob(f"ctgov_{nct}_*.json")}
    assert sorted(seeds.values()) == sorted(file.read_bytes() for file in saved)  # each kept, neither overwritten
    listed = (registry / "seeds" / "SHA256SUMS").read_text(encoding="utf-8")
    assert all(listed.count(f"{hashlib.sha256(raw).hexdigest()}  {name}\n") == 1 for name, raw in seeds.items())
    assert trials("check").status == 0


# --- A range of ages a criterion gives, its age word after its upper end (checks/remarks._age_spans): the lower end
# was read as no age in the criterion's text, so a note stating it of the criterion was refused (E501)
@pytest.mark.parametrize(
    ("added", "codes"),
    [
        ("Inclusion criterion 2 gives the ages as 18 to 70 years.", set()),
        ("Criterion 2 gives a minimum age of 18 years.", set()),  # of either list: inclusion criterion 2 writes it
        ("Inclusion criterion 2 gives the ages as 20 to 70 years.", {"E501"}),
        ("Inclusion criterion 1 gives the ages as 18 to 70 years.", {"E501"}),  # another criterion
        ("Inclusion criterion 2 gives a minimum age of 70 years.", {"E501"}),  # the other end
    ],
)
def test_a_note_stating_a_criterions_age_range_is_read_whole(registry: Path, added: str, codes: set[str]) -> None:
    assert codes_with_a_note_rewritten(registry, *relma_note(added)) == codes


# --- A curator's marker of work left (checks/remark_names.OWN_WORDS): "# TODO: ..." was refused as naming 'TODO'
@pytest.mark.parametrize(
    ("comment", "codes"),
    [
        ("# TODO: curate the outcomes when the registry posts them.", set()),
        ("# FIXME: the dates; TBD once the registry gives their types.", set()),
        ("# TODO: the Beijing site.", {"E501"}),  # a name beside the marker is read as before
        ("# TODO Hospital runs the trial.", {"E501"}),  # a marker's word in a longer name is the name's
    ],
)
def test_a_marker_of_work_left_names_nothing(trials, comment: str, codes: set[str]) -> None:
    record = trials.root / RELMA_PATH
    record.write_text(comment + "\n" + record.read_text(encoding="utf-8"), encoding="utf-8")
    out = trials("validate", record).out
    assert set(re.findall(r"\bE\d{3}\b", out)) == codes, out


# --- The date of the curator's own work (checks/remarks._CURATORS_DATE): "# Curated on 2025-12-01" was refused as a
# date no source writes (E501), though it is the record's keeping, no fact of the trial
@pytest.mark.parametrize(
    ("comment", "codes"),
    [
        ("# Curated on 2025-12-01; reviewed by a second curator.", set()),
        ("# Last reviewed: 2025-12-01.", set()),
        ("# Source checked 2025-12-01 against the record.", set()),
        ("# Re-curated in December 2025.", set()),
        ("# The trial was reviewed on 2025-12-01.", {"E501"}),  # the trial's, not the record's
        ("# Reviewed by the ethics committee on 2025-12-01.", {"E501"}),
        ("# The source was updated on 2025-12-01.", {"E501"}),  # the source's own date: a fact
        ("# Curated on 2025-12-01: the trial started 2021-01-01.", {"E501"}),  # a fact beside it
    ],
)
def test_the_curators_own_date_is_no_fact_of_the_trial(trials, comment: str, codes: set[str]) -> None:
    record = trials.root / IM19_PATH
    record.write_text(comment + "\n" + record.read_text(encoding="utf-8"), encoding="utf-8")
    out = trials("validate", record).out
    assert set(re.findall(r"\bE\d{3}\b", out)) == codes, out


def test_a_notes_curators_date_passes_and_its_trials_date_does_not(registry: Path) -> None:
    assert codes_with_a_note_rewritten(registry, *im19_note("The record was last checked on 2025-12-01.")) == set()
    assert codes_with_a_note_rewritten(registry, *im19_note("The trial was checked on 2025-12-01.")) == {"E501"}


# --- An inline enumeration split into sub-items (checks/completeness._compare, E511): left by this hunt, passed since
# hunt 211 (completeness.inline_runs_joined; its wrong versions are refused in tests/test_honest_hunt211.py)
HEMATOLOGY = [
    "a. Hemoglobin <7.0 g/dL",
    "b. CD4+ T lymphocytes <200/mm³",
    "c. Absolute neutrophil count <500/mm³",
    "d. CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³",
    "e. Platelets <25,000/mm³.",
]


def test_an_inline_enumeration_given_as_sub_items_passes(registry: Path) -> None:
    from mutations import Checks

    data = record_data(registry / IM19_PATH, IM19_PATH)
    eligibility = data["eligibility"]
    (criterion,) = [c for c in eligibility["exclusion_criteria"] if c["number"] == 11]
    criterion["text"] = criterion["text"].partition(" a. ")[0]
    criterion["sub_criteria"] = [{"text": item} for item in HEMATOLOGY]
    heading = "the research subject presents with any of the following significant hematological abnormalities:"
    for threshold in eligibility["thresholds"]:
        if threshold["criterion"] == {"list": "EXCLUSION", "number": 11} and threshold["measure"] in "".join(
            HEMATOLOGY
        ):
            threshold["conditions"] = [heading]
    assert Checks(registry).codes(IM19_PATH, data) == set()


# --- Found while there: a helper module of the tests binding `__test__`. A quiet base class in tests/quiet.py, built
# on by a test class of a test module, left that test class's failing test uncollected; hunt 210's rule on the trust
# boundary refuses a test class derived from a class it imports (git/uncollected._no_constructor_given)
QUIET = "class Quiet:\n    __test__ = False\n\n\n"
UNCOLLECTED = "tests/test_cases.py"


def test_a_quiet_base_in_a_helper_module_is_refused(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    changes: dict[str, str | bytes] = {
        "tests/quiet.py": QUIET,
        UNCOLLECTED: "from quiet import Quiet\n\n\nclass TestRules(Quiet):\n    def test_hold(self):\n        pass\n",
    }
    refused_by_the_trusted_check(request, tmp_path, changes, f"{UNCOLLECTED} line 4: the test class TestRules derived")


def test_a_helper_module_of_the_tests_passes(tmp_path: Path) -> None:
    helper = "class TestLike:\n    def __init__(self, text):\n        self.text = text\n"  # (pytest reads no helper)
    passed_by_the_extraction(tmp_path, {"tests/pages.py": helper})


# --- A phase written hyphenated in prose (reading/vocabulary.py): "an early-phase 1 study" was read as PHASE1, so an
# honest EARLY_PHASE1 quoting it was refused (E507), and PHASE1 passed
@pytest.mark.parametrize(
    ("line", "quote", "value", "codes"),
    [
        ("It is an early-phase 1 study.", "early-phase 1", "EARLY_PHASE1", set()),
        ("This is an Early-Phase I study.", "Early-Phase I", "EARLY_PHASE1", set()),
        ("It is an early-phase 1 study.", "early-phase 1", "PHASE1", {"E507"}),
        ("Phase: Early Phase 1", "Phase: Early Phase 1", "PHASE1", {"E507"}),
    ],
)
def test_a_hyphenated_early_phase_is_early_phase_1(trials, line: str, quote: str, value: str, codes: set[str]) -> None:
    out = im19_out(trials, line, f"phases:\n  - {value}\nevidence:\n  phases: {json.dumps(quote)}\n")
    assert set(re.findall(r"\bE\d{3}\b", out)) == codes, out
