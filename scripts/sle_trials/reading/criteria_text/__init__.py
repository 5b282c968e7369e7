"""Criteria text: a registry's free-text eligibility criteria split into inclusion and exclusion items.

ClinicalTrials.gov keeps eligibility criteria as one text ("Inclusion Criteria:", then bullets or
numbered lines, then "Exclusion Criteria:", ...). split_criteria turns it into the record's criteria
lists, keeping the source's own numbering: wrapped lines are joined (a line with no list mark runs
on from the one above where that one ends mid-sentence, or it is indented or begins in lower case;
under an item ending in a colon it is that item's sub-criterion; else a criterion of its own: each
reading said in a remark), indented items and paragraphs nest under the item above, or under the
paragraph above ending in a colon (two levels, as the schema allows), and a numbered list that starts
again at 1 nests under the item before it. The importer builds records with it, and the source layouts
(layouts.py) read a JSON source's criteria with it, so both read a text the same way.

Where each rule lives, one module a concern (the names other modules use are the package's, below):
- sections: the text under its headings, split into the two lists (split, Split), the remarks for the curator;
- headings: a list's heading (HEADING, every reader's; SIDE_WORD, LIST_NAMED) and a registry text's heading line;
- run_in: lines a text runs together onto one (a heading run into a line, items one after another);
- lead_ins: lines leading into a list in other words than a heading's, an item leading into its list, alternatives;
- cohorts: lists headed more than once, each for whom its label names; nci: the old NCI layout's sections;
- tables: a markdown table's rows read as a list;
- notes: notes, definitions and remarks about the lists, which are no criterion, an annex's heading ending a list
  and a footnote to an item's mark;
- groups: sub-headings and category labels within a list;
- reader: one list's lines read into criteria and sub-criteria; read_remarks: its remarks on how lines were read;
- nesting: items nesting under the item above at its indent (runs bulleted alike or otherwise, runs set apart by
  blank lines, kinds of mark);
- numbering: where a section's numbered items stand, for a numbering started again;
- marks: a list item's mark (bullets, numbers, letters, roman, Chinese and enclosed numerals), its kind and style;
- lines: indents, a text's margin, a wrapped line going on with the one above, a conjunction's line;
- escapes: a markdown text's backslash escapes; bold: its bold and italics marks.
"""

from sle_trials.reading.criteria_text.bold import italicised, unbolded, unemphasised
from sle_trials.reading.criteria_text.escapes import ESCAPE, unescaped
from sle_trials.reading.criteria_text.headings import (
    HEADING,
    LINE_HEADING,
    LIST_NAMED,
    NUMBER_MARK,
    RUN_IN_HEADING,
    SIDE_WORD,
    as_sides,
    list_headings,
    side_named,
)
from sle_trials.reading.criteria_text.marks import (
    BULLETS,
    ENCLOSED,
    HAN_DIGITS,
    SYMBOL_BULLETS,
    coded_marks,
    enclosed,
    han_number,
    han_numeral,
    marker_only,
)
from sle_trials.reading.criteria_text.reader import MAX_DEPTH
from sle_trials.reading.criteria_text.sections import Split, split, split_criteria

__all__ = [
    "italicised",
    "BULLETS",
    "ENCLOSED",
    "ESCAPE",
    "HAN_DIGITS",
    "HEADING",
    "LINE_HEADING",
    "LIST_NAMED",
    "MAX_DEPTH",
    "NUMBER_MARK",
    "RUN_IN_HEADING",
    "SIDE_WORD",
    "SYMBOL_BULLETS",
    "Split",
    "as_sides",
    "coded_marks",
    "enclosed",
    "han_number",
    "han_numeral",
    "list_headings",
    "marker_only",
    "side_named",
    "split",
    "split_criteria",
    "unbolded",
    "unemphasised",
    "unescaped",
]
