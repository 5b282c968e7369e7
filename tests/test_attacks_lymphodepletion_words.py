"""Attacks on the lymphodepletion declared silent while a description names it in other words.

E523 reads the lymphodepletion's agents in a sentence naming it ("lymphodepletion", "lymphodepleting",
"conditioning"): a description writing "Preconditioning chemotherapy with fludarabine and
cyclophosphamide", "Pre-conditioning with ...", "Lymphocyte depletion with ...", or naming the agents
in the sentence after the one naming it ("Lymphodepletion is given on days -5 to -3. It consists of
fludarabine and cyclophosphamide.") let a complete record declare its lymphodepletion silent, and
trials.csv said no source states it.
"""

from __future__ import annotations

import pytest
from conftest import imported_codes
from test_attacks_lymphodepletion_silence import _study


@pytest.mark.parametrize(
    "words",
    [
        "Preconditioning chemotherapy with fludarabine and cyclophosphamide is given before the infusion.",
        "Pre-conditioning with fludarabine and cyclophosphamide precedes the infusion.",
        "Lymphocyte depletion with fludarabine and cyclophosphamide precedes the infusion.",
        "Lymphodepletion is given on days -5 to -3. It consists of fludarabine and cyclophosphamide.",
    ],
)
def test_lymphodepletion_in_other_words_declared_silent_is_refused(
    tmp_path_factory: pytest.TempPathFactory, words: str
) -> None:
    checker, data = _study(tmp_path_factory, words)
    assert "E523" in imported_codes(checker, data)


@pytest.mark.parametrize(
    "words",
    [
        # the agents of another sentence, which does not go on speaking of the lymphodepletion
        "Lymphodepletion is given on days -5 to -3. Prior cyclophosphamide was allowed.",
        "Patients must have failed cyclophosphamide. The conditioning of samples follows the lab manual.",
    ],
)
def test_an_agent_of_another_sentence_leaves_it_silent(tmp_path_factory: pytest.TempPathFactory, words: str) -> None:
    checker, data = _study(tmp_path_factory, words)
    assert "E523" not in imported_codes(checker, data)
