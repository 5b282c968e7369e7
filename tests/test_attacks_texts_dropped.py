"""An outcome, an intervention or an arm its source says was dropped.

A press release saying "The primary endpoint is SRI-4 response at week 24 (dropped)" bound that
outcome, and "Patients receive NB-301 and rituximab (dropped)" or "...; rituximab was dropped" the
intervention: the words that drop a value ("(dropped)", "(later discontinued)", "was dropped", ",
later dropped": retracted._DROPPED_AFTER) took back only values a plan takes back too (a term, a site,
a dose, a condition, an entry), and an outcome is not one of those ("Planned outcome measures" are a
registry's own). They take back an outcome's, an intervention's and an arm's texts now
(evidence._DROPPED); the words that cancel or remove any value ("(removed)", "(cancelled)") did already.
So do the words right before one that leave it a possibility ("The primary endpoint may be SRI-4
response", "or possibly", "perhaps rituximab": retracted.may_be) or deny it ("not SRI-4 response", "but
not rituximab": vocabulary.denied).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_attacks_other_trial_sentences import OWN, _codes, _press

SRI4 = {"outcomes": {"primary": [{"measure": "SRI-4 response", "time_frame": "week 24"}]}}
RITUXIMAB = {"interventions": [{"name": "NB-301"}, {"name": "rituximab"}]}


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        (SRI4, "The primary endpoint is SRI-4 response at week 24 (dropped)."),
        (SRI4, "The primary endpoint is SRI-4 response at week 24 (discontinued)."),
        (SRI4, "The primary endpoint is SRI-4 response at week 24, later dropped."),
        (RITUXIMAB, "Patients receive NB-301 and rituximab (dropped)."),
        (RITUXIMAB, "Patients receive NB-301; rituximab was dropped."),
        # ... or leaves only a possibility, or denies (retracted.may_be, vocabulary.denied)
        (SRI4, "The primary endpoint may be SRI-4 response at week 24."),
        (SRI4, "The primary endpoint could instead be SRI-4 response at week 24."),
        (SRI4, "The primary endpoint is BICLA response, or possibly SRI-4 response at week 24."),
        (SRI4, "The primary endpoint is BICLA response, not SRI-4 response at week 24."),
        (RITUXIMAB, "Patients receive NB-301 and perhaps rituximab."),
        (RITUXIMAB, "Patients receive NB-301 but not rituximab."),
        # (an adverb between, another verb of becoming, a colon or a bracket after it, "also" after a hedge)
        (SRI4, "The primary endpoint might well be SRI-4 response at week 24."),
        (SRI4, "The primary endpoint may eventually be SRI-4 response at week 24."),
        (SRI4, "The primary endpoint may possibly be SRI-4 response at week 24."),
        (SRI4, "The primary endpoint could become SRI-4 response at week 24."),
        (SRI4, "The primary endpoint might change to SRI-4 response at week 24."),
        (SRI4, "The primary endpoint may include SRI-4 response at week 24."),
        (SRI4, "The primary endpoint may be: SRI-4 response at week 24."),
        (SRI4, "The primary endpoint may be (tentatively) SRI-4 response at week 24."),
        (RITUXIMAB, "Patients receive NB-301 and possibly also rituximab."),
    ],
)
def test_a_text_its_source_says_was_dropped_is_refused(tmp_path: Path, fields: dict, text: str) -> None:
    assert "E501" in _codes(tmp_path, _press(OWN, text), fields, {})


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        (SRI4, "The primary endpoint is SRI-4 response at week 24."),
        (SRI4, "The primary endpoint is SRI-4 response at week 24; patients who discontinued are counted."),
        (RITUXIMAB, "Patients receive NB-301 and rituximab; prednisone was dropped."),
        (SRI4, "The primary endpoint will be SRI-4 response at week 24."),
        (SRI4, "The primary endpoint is SRI-4 response at week 24; BICLA response may be added."),
        (RITUXIMAB, "Patients receive NB-301 and rituximab, not prednisone."),
        (SRI4, "The primary endpoint is SRI-4 response at week 24, which may be assessed early."),
        (SRI4, "Response may be seen early; the primary endpoint is SRI-4 response at week 24."),
    ],
)
def test_a_text_beside_words_that_drop_another_passes(tmp_path: Path, fields: dict, text: str) -> None:
    assert _codes(tmp_path, _press(OWN, text), fields, {}) == set()
