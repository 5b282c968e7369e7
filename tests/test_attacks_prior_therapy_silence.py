"""Pull-request attacks on the prior therapy declared silent while a source's criteria state it.

E523 held eligibility.prior_therapy to its criteria by its vocabulary alone: `refractory`, a
boolean; its therapies are words of their criterion, of no vocabulary. So a complete record that
dropped its prior therapy and declared it silent passed wherever no criterion says "refractory":
Relma-cel's inclusion criterion 4 ("the disease remained active at least 2 months after the use of a
stable standard SLE regimen"), the fixture study's "Failure of at least two standard induction
regimens, including: ...", IM19's therapies ("steroids (...), immunosuppressants (...), and
biologics (...)") dropped with its `refractory` kept; trials.csv then said no source states them.
A criterion of a treatment's failure (or an exclusion of those who lack one) states the requirement,
and its therapies where it names them; a therapy named only as a washout, a concurrent medication
or an exclusion states none.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import (
    FIXTURES,
    IM19_PATH,
    IM19_TITLE_LINE,
    RELMA_PATH,
    Trials,
    add_source,
    edit,
    im19_draft,
    imported_codes,
    joined,
    put,
    study_imported,
)
from sle_trials.reading import prior_therapy

RELMA_THERAPY = """\
  prior_therapy:
    therapies:
      - corticosteroids
      - antimalarials
      - non-steroidal anti-inflammatory drugs (NSAIDs)
      - other immunosuppressants or immunomodulators
    criterion: {list: INCLUSION, number: 4}
"""
RELMA_EVIDENCE = """\
  eligibility.prior_therapy:
    - >-
      the disease remained active at least 2 months after the use of a stable standard SLE regimen
      prior to screening.
    - >-
      Standard treatment regimen refers to the steady use of any of the following (alone or in
      combination) : corticosteroids, antimalarials, non-steroidal anti-inflammatory drugs
      (NSAIDs), and other immunosuppressants or immunomodulators
"""


def test_relma_cel_prior_therapy_dropped_and_declared_silent_is_refused(registry: Path, trials: Trials) -> None:
    edit(
        registry,
        RELMA_PATH,
        (RELMA_THERAPY, ""),
        (RELMA_EVIDENCE, ""),
        ("    - eligibility.prior_therapy.refractory\n", "    - eligibility.prior_therapy\n"),
    )
    result = trials.json("validate", registry / RELMA_PATH)
    assert result.codes() == {"E523"}, result.out


def test_relma_cel_refractory_stays_silent(registry: Path, trials: Trials) -> None:
    """Its criterion 4 calls the disease no "refractory": the record's silence of it stands."""
    assert trials("validate", registry / RELMA_PATH).status == 0


def test_im19_therapies_dropped_and_declared_silent_is_refused(registry: Path, trials: Trials) -> None:
    edit(
        registry,
        IM19_PATH,
        (
            "    therapies:\n      - steroids (sufficient or shock therapy)\n"
            "      - immunosuppressants (cyclophosphamide or mycophenolate mofetil)\n"
            "      - biologics (belizumab or Rituximab)\n",
            "",
        ),
        ("  silent:\n", "  silent:\n    - eligibility.prior_therapy.therapies\n"),
    )
    result = trials.json("validate", registry / IM19_PATH)
    assert result.codes() == {"E523"}, result.out


STUDY = FIXTURES / "ctgov" / "completed_phase2_randomised.json"
FAILED = (
    "4. Failure of at least two standard induction regimens, including:\n\n"
    "   1. mycophenolate mofetil ≥ 2 g/day for ≥ 6 months, or\n"
    "   2. intravenous cyclophosphamide (Euro-Lupus or NIH regimen)\n"
)


def _study(tmp_path_factory: pytest.TempPathFactory, criterion: str | None = None, exclusion: str | None = None):
    """The fixture study, its inclusion criterion 4 replaced by criterion (and its exclusion criterion 4
    by exclusion), imported, marked complete, its prior therapy declared silent instead of not yet curated."""
    doc = json.loads(STUDY.read_text("utf-8"))
    module = doc["protocolSection"]["eligibilityModule"]
    if criterion is not None:
        module["eligibilityCriteria"] = module["eligibilityCriteria"].replace(FAILED, criterion)
    if exclusion is not None:
        module["eligibilityCriteria"] = module["eligibilityCriteria"].replace(
            "4. Pregnant or breastfeeding women.", exclusion
        )
    checker, data = study_imported(tmp_path_factory, doc)
    data = copy.deepcopy(data)
    data["curation"]["not_yet_curated"].remove("eligibility.prior_therapy")
    data["curation"]["silent"] = [*data["curation"]["silent"], "eligibility.prior_therapy"]
    return checker, data


@pytest.mark.parametrize(
    "criterion",
    [
        FAILED,
        "4. Active disease despite at least 3 months of mycophenolate mofetil.\n",
        "4. Inadequate response to hydroxychloroquine and glucocorticoids.\n",
        "4. Disease that remains active 6 months after treatment with cyclophosphamide.\n",
        # a treatment had before, named
        "4. Previously treated with mycophenolate mofetil or cyclophosphamide for at least 6 months.\n",
        "4. Must have received at least two immunosuppressants.\n",
        # a failure in other words
        "4. Have failed at least two standard therapies.\n",
        "4. Have not responded to mycophenolate mofetil.\n",
        "4. Lupus inadequately controlled with glucocorticoids.\n",
    ],
)
def test_a_criterion_requiring_a_prior_treatment_declared_silent_is_refused(
    tmp_path_factory: pytest.TempPathFactory, criterion: str
) -> None:
    checker, data = _study(tmp_path_factory, criterion)
    assert "E523" in imported_codes(checker, data)


def test_an_exclusion_of_those_never_treated_states_it(tmp_path_factory: pytest.TempPathFactory) -> None:
    checker, data = _study(
        tmp_path_factory,
        "4. Body weight over 40 kg.\n",
        "4. Patients who have not received mycophenolate mofetil or cyclophosphamide.",
    )
    assert "E523" in imported_codes(checker, data)


@pytest.mark.parametrize(
    ("criterion", "exclusion"),
    [
        # a washout, a concurrent medication, a therapy that keeps patients out: no requirement
        ("4. Patients must stop hydroxychloroquine 4 weeks before screening.\n", None),
        ("4. Currently receiving a stable dose of prednisone and hydroxychloroquine.\n", None),
        ("4. No prior treatment with rituximab or belimumab.\n", None),
        ("4. Active disease at screening and 2 weeks after the first visit.\n", None),
        ("4. Able to attend visits despite the travel involved.\n", None),
        ("4. Failed no screening visit.\n", None),
        ("4. Have not responded to the study invitation by mail.\n", None),
        ("4. Have received a full course of hepatitis B vaccination.\n", None),
        ("4. Body weight over 40 kg.\n", "4. Treatment with rituximab within 6 months before screening."),
        ("4. Body weight over 40 kg.\n", "4. Failed screening for hepatitis B."),
    ],
)
def test_a_therapy_named_as_no_prior_treatment_leaves_it_silent(
    tmp_path_factory: pytest.TempPathFactory, criterion: str, exclusion: str | None
) -> None:
    checker, data = _study(tmp_path_factory, criterion, exclusion)
    assert "E523" not in imported_codes(checker, data)


def test_a_note_naming_the_words_excuses_them(tmp_path_factory: pytest.TempPathFactory) -> None:
    checker, data = _study(tmp_path_factory)
    note = {"field": "eligibility.prior_therapy", "text": "Criterion 4's 'Failure of' is left to a later curation."}
    data["curation"]["notes"] = [*data["curation"].get("notes", []), note]
    assert "E523" not in imported_codes(checker, data)


def _therapies(tmp_path_factory: pytest.TempPathFactory, criterion: str):
    """The study with criterion 4 replaced by a refractory one, read as refractory, its therapies silent."""
    checker, data = _study(tmp_path_factory, criterion)
    data["curation"]["silent"].remove("eligibility.prior_therapy")
    data["curation"]["silent"].append("eligibility.prior_therapy.therapies")
    data["eligibility"]["prior_therapy"] = {"criterion": {"list": "INCLUSION", "number": 4}, "refractory": True}
    data.setdefault("evidence", {})["eligibility.prior_therapy"] = "Disease refractory to"
    return checker, data


def test_therapies_a_requirement_names_declared_silent_are_refused(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A requirement kept with its therapies dropped: "mycophenolate mofetil" is one it names."""
    checker, data = _therapies(tmp_path_factory, "4. Disease refractory to mycophenolate mofetil.\n")
    assert "E523" in imported_codes(checker, data)


@pytest.mark.parametrize(
    "after",
    [
        "Hydroxychloroquine must be discontinued 4 weeks before screening.",
        # a concurrent medication after the requirement
        "Currently receiving prednisone at a stable dose.",
    ],
)
def test_a_requirement_naming_no_therapy_leaves_its_therapies_silent(
    tmp_path_factory: pytest.TempPathFactory, after: str
) -> None:
    """A therapy after the requirement that is washed out or taken now is none of its therapies."""
    checker, data = _therapies(tmp_path_factory, f"4. Disease refractory to induction therapy. {after}\n")
    assert imported_codes(checker, data) == set()


def test_refractory_in_an_exclusion_leaves_it_silent(tmp_path_factory: pytest.TempPathFactory) -> None:
    """ "refractory hypertension" keeps patients out: it calls no lupus refractory, and states no requirement."""
    exclusion = "4. Uncontrolled or refractory hypertension."
    checker, data = _study(tmp_path_factory, "4. Body weight over 40 kg.\n", exclusion)
    assert "E523" not in imported_codes(checker, data)


def test_antibodies_in_an_exclusion_leave_them_silent(tmp_path_factory: pytest.TempPathFactory) -> None:
    """An exclusion of antibody-positive patients requires no antibodies: the requirements' reading
    (prior therapy, antibodies, classification criteria) is the inclusions' and the lacking exclusions'."""
    checker, data = _study(tmp_path_factory, None, "4. Positive for antiphospholipid antibodies.")
    data["curation"]["silent"].remove("eligibility.prior_therapy")
    data["curation"]["not_yet_curated"].append("eligibility.prior_therapy")
    if "eligibility.autoantibodies" in data["curation"]["not_yet_curated"]:
        data["curation"]["not_yet_curated"].remove("eligibility.autoantibodies")
    data["curation"]["silent"].append("eligibility.autoantibodies")
    data["eligibility"].pop("autoantibodies", None)
    assert "E523" not in imported_codes(checker, data)


PLAIN = "seeds/923_prior_therapy_silent.txt"
PLAIN_RECORD = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: {criterion}
{prior}evidence:
  eligibility.inclusion_criteria.0: {criterion}
"""
REFRACTORY = """\
  prior_therapy:
    refractory: true
    criterion: {list: INCLUSION, number: 1}
evidence:
  eligibility.prior_therapy: refractory to
"""


THERAPIES = """\
  prior_therapy:
    therapies:
      - mycophenolate mofetil
    criterion: {list: INCLUSION, number: 1}
evidence:
  eligibility.prior_therapy: mycophenolate mofetil
"""


@pytest.mark.parametrize(
    ("criterion", "silent", "prior"),
    [
        ("Failure of at least two standard induction regimens.", "eligibility.prior_therapy", ""),
        ("Disease refractory to mycophenolate mofetil.", "eligibility.prior_therapy.therapies", REFRACTORY),
        # its refractory, a term of its vocabulary in the criterion the record quotes
        ("Disease refractory to mycophenolate mofetil.", "eligibility.prior_therapy.refractory", THERAPIES),
    ],
)
def test_a_plain_source_criterion_stating_it_refuses_it_silent(
    registry: Path, trials: Trials, criterion: str, silent: str, prior: str
) -> None:
    """A source of no layout has no criteria lists: the record's own criterion, which it quotes, states it."""
    add_source(registry, PLAIN, f"{IM19_TITLE_LINE}\nLast Updated: 2025-08-17\nInclusion criteria:\n1. {criterion}\n")
    head, _, quote = prior.partition("evidence:\n")
    record = joined(im19_draft(PLAIN), PLAIN_RECORD.format(criterion=criterion, prior=head) + quote)
    record = record.replace("curation:\n", f"curation:\n  silent:\n    - {silent}\n", 1)
    put(registry, IM19_PATH, record)
    result = trials.json("validate", registry / IM19_PATH)
    assert result.codes() == {"E523"}, result.out


class _Counted:
    """A pattern of prior_therapy's, counting the characters its searches read."""

    def __init__(self, pattern: re.Pattern[str], read: list[int]) -> None:
        self.pattern, self.read = pattern, read

    def _span(self, text: str, pos: int, endpos: int | None) -> tuple[int, int]:
        end = len(text) if endpos is None else min(endpos, len(text))
        self.read[0] += max(0, end - pos)
        return pos, end

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.pattern.search(text, *self._span(text, pos, endpos))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, *self._span(text, pos, endpos))


@pytest.mark.parametrize("words", ["failed ", "have not responded ", "previously received "])
def test_a_criterion_of_many_cues_is_read_once(monkeypatch: pytest.MonkeyPatch, words: str) -> None:
    """Each cue's clause was searched again for a therapy after it: a criterion of n cues and no
    treatment read n² characters (a criterion of 1 MiB, hours). The therapies and treatments a
    criterion names are now found once; so are the words of exception before a cue and of patients
    kept out after it (each cue's clause was searched for them too: 4,000 cues, 34 s)."""
    read = [0]
    for name in COUNTED:
        monkeypatch.setattr(prior_therapy, name, _Counted(getattr(prior_therapy, name), read))
    text = "4. Patients who " + words * 4000 + "qualify."
    assert prior_therapy.requirement(text, inclusion=True) is None
    assert read[0] <= len(COUNTED) * len(text)


@pytest.mark.parametrize(
    ("words", "end", "required"),
    [
        ("failed rituximab ", "are excluded.", False),
        ("previously received belimumab ", "are excluded.", False),
        ("previously received belimumab ", "are eligible.", False),
        # the permission in parentheses the first cues are not in: they are requirements
        ("previously received belimumab (or ", "are eligible).", True),
    ],
)
def test_many_cues_kept_out_or_let_in_at_the_end_are_read_once(
    monkeypatch: pytest.MonkeyPatch, words: str, end: str, required: bool
) -> None:
    """Cues each followed by a therapy, and the patients they name kept out or let in only at the
    criterion's end: each cue's clause was searched to that end for the words keeping them out, and
    for the words requiring or permitting the treatment (and the parentheses between counted)."""
    read = [0]
    for name in COUNTED:
        monkeypatch.setattr(prior_therapy, name, _Counted(getattr(prior_therapy, name), read))
    text = "4. Patients who " + words * 4000 + end
    assert (prior_therapy.requirement(text, inclusion=True) is not None) is required
    assert read[0] <= (len(COUNTED) + required) * len(text)  # (a requirement's therapies: read once more)


# the patterns of prior_therapy a criterion's reading searches with
COUNTED = ("THERAPIES", "_TREATED", "EXCEPTION", "_KEPT_OUT", "_REQUIRED", "_PERMITTED", "_PERMITTED_BEFORE")
