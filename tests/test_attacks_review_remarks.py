"""Attacks on review: a remark that excuses, shown by its field alone.

A curation note excuses what the checks would refuse: a limit left in its criterion's text (E527),
the words of a field declared silent (E523), a reading beyond a quote's words (E510); an entry
under curation.incomplete excuses a source's lost items (E514). `trials diff` showed one added only
by its field ("curation.notes: 1 added: eligibility.inclusion_criteria"), so a reviewer trusting the
review saw nothing of what it excuses. A remark added or removed is shown with its text.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import IM19_PATH, record_data
from sle_trials.curate import changes

EXCUSE = (
    'Inclusion criteria are copied as the source gives them; criterion 6\'s "score of 10 or above" stays in its text.'
)


@pytest.mark.parametrize("kind", ["notes", "incomplete"])
def test_a_remark_added_or_removed_is_shown_with_its_text(registry: Path, kind: str) -> None:
    before = record_data(registry / IM19_PATH)
    after = copy.deepcopy(before)
    after["curation"][kind] = [*after["curation"].get(kind, []), {"field": "eligibility", "text": EXCUSE}]
    for a, b in ((before, after), (after, before)):
        shown = "; ".join(changes.phrases(changes.describe(a, b)))
        assert 'criterion 6\'s "score of 10 or above" stays in its text' in shown, shown
