"""A hostile mutation hunt on the remark checks (helper-84's, hunt 217): false curation notes that passed, each read as
a class, with a true twin of the same shape (what the seeds really say) that passes still. Notes are rewritten in
memory and checked as `trials validate` checks a file (mutations.Checks), on one registry copy the module shares.

Found and fixed (E501):

- the facts of every criterion a sentence names pooled: Relma-cel's "Exclusion criterion 1's window is 56 days and
  criterion 6's 14 days" (14 days being criterion 1's therapy's), and "Exclusion criterion 1's window is 14 days"
  (a length the criterion writes, but not as its window) (remarks._pieces_of_criteria, _unwritten_of).
- a length written as a word's first part, read as no length: Relma-cel's "Exclusion criterion 1 sets a 15-day
  window" (remarks._HYPHENATED_LENGTH).
- a three-letter acronym taken for any three words in a row with its initials: Relma-cel's "the trial's NTC number"
  of its page's "new treatment called" (remark_names._a_term).
- a claim about the record's own product made through a pronoun standing for the sentence before's molecule: IM19's
  "NCT03030976's title names CD19. IM19 targets it too." (remark_names._antecedents_named).
- a site's name in the plural where the source writes one: Relma-cel's "Union Hospitals" (remark_names._SITES_PLURAL).

Left (each passes): Relma-cel's "The windows of exclusion criteria 1 and 6 are 56 days and 14 days." (one mention of
two criteria, its facts given in their order: "respectively" is not read, and "criteria 4 and 6 write 7.5 mg/day and
30 mg/day", both of criterion 4, would be refused by reading it so); "Exclusion criterion 1's therapy lasts 8 weeks."
(a window's length said of the criterion's other length: only a length called a window is held to windows); "The
source gives the trial's MLC number." (its page's "multiple locations in China" is shaped as a term: about 110 runs of
three letters stay spelled out on its page, 135 on IM19's); "The officials work at two Union Hospital sites." (a
count of sites of one name).
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, RELMA_PATH, shared_registry
from mutations import Checks
from test_attacks_mut_hunt214 import rewritten

RELMA_OLD = "The source gives no enrollment count."
IM19_OLD = "Exclusion criterion 8's window of 6 months covers its whole list of heart conditions."


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt217"))


@pytest.mark.parametrize(
    ("shown", "old", "added", "found"),
    [
        # a fact said of one criterion of several a sentence names is that one's
        (RELMA_PATH, RELMA_OLD, "Exclusion criterion 1's window is 56 days and criterion 6's 14 days.", {"E501"}),
        (RELMA_PATH, RELMA_OLD, "Exclusion criterion 1's window is 56 days and criterion 6's limit 10 mg/dL.", set()),
        (RELMA_PATH, RELMA_OLD, "The 14 days of exclusion criterion 1 and the 10 mg/dL of criterion 6 differ.", set()),
        # ... and a length called its window is one of its windows
        (RELMA_PATH, RELMA_OLD, "Exclusion criterion 1's window is 14 days.", {"E501"}),
        (RELMA_PATH, RELMA_OLD, "Exclusion criterion 1's window of 8 weeks and therapy of 14 days.", set()),
        # ... and a length written as a word's first part is read
        (RELMA_PATH, RELMA_OLD, "Exclusion criterion 1 sets a 15-day window.", {"E501"}),
        (RELMA_PATH, RELMA_OLD, "Exclusion criterion 1 sets an 8-week window.", set()),
        # an acronym no source writes, whose initials open a run of words that is no term
        (RELMA_PATH, RELMA_OLD, "The source gives the trial's NTC number.", {"E501"}),
        (RELMA_PATH, RELMA_OLD, "Exclusion criterion 3 excludes CNS disease not caused by lupus.", set()),
        # a pronoun standing for the molecule the sentence before names, in a claim about the record's product
        (IM19_PATH, IM19_OLD, "NCT03030976's title names CD19. IM19 targets it too.", {"E501"}),
        (IM19_PATH, IM19_OLD, "NCT03030976's title names CD19. The page does not say whether IM19 targets it.", set()),
        (RELMA_PATH, RELMA_OLD, "The title names CD19. Relma-cel targets it.", set()),
        (IM19_PATH, IM19_OLD, "NCT03030976's title names CD19. It is IM19's target too.", {"E501"}),
        (IM19_PATH, IM19_OLD, "NCT03030976's title names CD19. It is not IM19's trial.", set()),
        (IM19_PATH, IM19_OLD, "NCT03030976's title names CD19. IM19 is a CAR-T against the same antigen.", {"E501"}),
        # a site's name in the plural, the source writing one
        (RELMA_PATH, RELMA_OLD, "Two officials work at Union Hospitals.", {"E501"}),
        (RELMA_PATH, RELMA_OLD, "The officials work at the Union and Renji Hospitals.", set()),
        (RELMA_PATH, RELMA_OLD, "The source names three Principal Investigators.", set()),
    ],
)
def test_a_false_note_is_refused_and_its_true_twin_passes(
    checks: Checks, shown: str, old: str, added: str, found: set[str]
) -> None:
    assert rewritten(checks, shown, old, f"{old} {added}") == found
