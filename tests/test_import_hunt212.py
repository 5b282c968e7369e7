"""trials import ctgov on real API v2 studies varied as registry entries vary (hunt 212, helper-66): each case a real
study of tests/fixtures/ctgov/real/ with one part given as the registry gives it for other studies, imported into a
registry copy shared by the module (each variant under an NCT id of its own, held with --out-of-scope), that joined,
split, dropped or misplaced what the study lists. Beside each, the honest study that must import as it did. The
values changed are test inputs: no fact of any study.

Found and fixed:
- a line heading the exclusion criteria by denying eligibility ("Participants are not eligible if:", "Patients will
  not be included in the study if they have any of the following:", "The following patients are not eligible:",
  hunt 211's lead) headed no list: "not" beside "eligible" (an inclusion word) read as neither kind. Over a blank
  line the exclusion criteria were left to the curator, with a note; with "any of the following" they were imported
  as an inclusion criterion's alternatives (pregnancy one way in); right under the last inclusion item, as that
  item's parts. Such a denial is now read as the exclusion kind (lead_ins._NOT_ELIGIBLE), where it denies taking
  part, not something else ("Patients who are not eligible for rituximab must have:" is still no exclusion heading).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import importer_hunt, with_criteria
from sle_trials.reading import criteria_text

shared, run_import, draft = importer_hunt("hunt212", 92120001)


# --- a line denying eligibility heads the exclusion criteria ----------------------------------------------------------

INCLUSION = "Inclusion Criteria:\n\n1. Age 18 to 65 years\n2. Systemic lupus erythematosus\n"
DENIALS = {
    "after a blank line": "\nParticipants are not eligible if:\n\n",
    "with any of the following": "\nParticipants are not eligible if they have any of the following:\n\n",
    "right under the last item": "Participants are not eligible if:\n",
    "not be included in the study": "\nPatients will not be included in the study if they have any of the following:\n",
    "the following patients": "\nThe following patients are not eligible:\n",
}


@pytest.mark.parametrize("denial", DENIALS.values(), ids=DENIALS)
def test_a_line_denying_eligibility_heads_the_exclusion_criteria(draft: Callable, denial: str) -> None:
    """Before: the exclusion criteria not imported (a note leaving them to the curator), or imported as the
    alternatives of an inclusion criterion "Participants are not eligible if they have any of the following:", or
    as the parts of inclusion item 2."""
    data = draft(with_criteria(INCLUSION + denial + "1. Pregnancy\n2. Active infection"))
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Systemic lupus erythematosus"},
    ]
    assert elig["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy"}, {"number": 2, "text": "Active infection"}]
    assert "eligibility.exclusion_criteria" not in data["curation"].get("not_yet_curated", [])


@pytest.mark.parametrize(
    "line",
    [
        "Patients who are not eligible for rituximab must have:",  # denied a drug: the items its parts, inclusions
        "Patients not eligible for the parent study are included if:",  # speaks of inclusion
    ],
)
def test_a_denial_of_something_else_heads_no_exclusion_list(line: str) -> None:
    found = criteria_text.split(f"{INCLUSION}\n{line}\n\n1. Prior mycophenolate\n2. Prior cyclophosphamide")
    assert found.exclusion == []
