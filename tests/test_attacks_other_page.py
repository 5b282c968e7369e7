"""Pull-request attacks on completeness: a record held to a page about another trial.

A complete record is held to its sources' criteria lists (E511, E514). A page about another trial
(the Relma-cel page, which names IM19 nowhere as its subject) lists that trial's criteria, and says
nothing of this one's: IM19's complete record citing it beside its own copy was refused with 17
"dropped" criteria, the newer page's lists taken for IM19's. Only a source about the record's
trial (or about no one trial) holds its lists; its own copy still does.
"""

from __future__ import annotations

from pathlib import Path

from conftest import IM19_PATH, Trials, edit

OTHER_PAGE = (
    "      as_of_label: Last Updated\n",
    "      as_of_label: Last Updated\n"
    "    - file: seeds/004_2ad16b9ce66a0787.txt\n"
    "      kind: TRIAL_FINDER_PAGE\n"
    '      as_of: "2025-11-14"\n'
    "      as_of_label: Current as of\n",
)
AS_OF = (
    '  curation.sources.0.as_of: "Last Updated: 2025-08-17"\n',
    '  curation.sources.0.as_of: "Last Updated: 2025-08-17"\n'
    "  curation.sources.1.as_of: Current as of November 14, 2025\n",
)


def test_a_complete_record_citing_a_page_about_another_trial_is_not_held_to_its_criteria(
    registry: Path, trials: Trials
) -> None:
    """Nor is the page a source of IM19's, naming it nowhere (E516, at its citation): that, and no
    dropped criterion, is what is refused."""
    edit(registry, IM19_PATH, OTHER_PAGE, AS_OF)
    result = trials.json("validate", registry / IM19_PATH)
    assert result.codes() == {"E516"}, result.out
    assert "does not name NCT06513429" in result.out


def test_its_own_sources_lists_still_hold_it(registry: Path, trials: Trials) -> None:
    dropped = (
        "    - number: 9\n"
        "      text: Those who voluntarily participate in this experiment and sign an informed consent form.\n"
    )
    edit(registry, IM19_PATH, OTHER_PAGE, AS_OF, (dropped, ""))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1
    assert " E511 " in result.out and "Those who voluntarily" in result.out
