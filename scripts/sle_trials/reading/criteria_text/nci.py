"""The old NCI (PDQ) layout of a criteria text: its eligibility conditions under the sections "DISEASE
CHARACTERISTICS:", "PATIENT CHARACTERISTICS:" and "PRIOR CONCURRENT THERAPY:", with no inclusion or exclusion
heading. Each line of it is a condition a patient must meet to be eligible ("No prior CAR-T therapy" too, as the
layout states its exclusions), so the layout is one list of inclusion criteria, its sections sub-headings."""

from __future__ import annotations

from sle_trials.patterns import lazy
from sle_trials.reading.criteria_text.headings import heading_of

# a section's heading as the layout writes it, in capitals, alone on its line but for its colon (and Markdown's marks)
_SECTION = lazy(
    r"^[#\s*_]*(?:DISEASE\s+CHARACTERISTICS|PATIENT\s+CHARACTERISTICS|PRIOR\s+CONCURRENT\s+THERAPY)[*_]*\s*:[*_\s]*$"
)
# the heading the layout's one list is read under
INCLUSION = "Inclusion Criteria:"


def nci_sections(lines: list[str]) -> bool:
    """Whether lines (a criteria text's) are laid out in NCI's old sections: the first line with words heads one
    (_SECTION), and no line heads a list of either kind or a general one (heading_of). Before, the whole text was
    left to the curator, with a note, as words under no heading."""
    first = next((line for line in lines if line.strip()), "")
    if not _SECTION.match(first):
        return False
    return all(heading_of(line) is None for line in lines)
