"""The reader of one list's lines into criteria (read_items, Reader): each line a step (a blank line, a sub-heading, a
wrapped line, a paragraph, a list item placed in the level its indent, mark and number put it in), with the remarks
on how lines were read, repeats dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from sle_trials.reading.criteria_text.escapes import unescaped
from sle_trials.reading.criteria_text.groups import FOR_WHOM, SHORT_LABEL, category_labels, grouped, subheading_of
from sle_trials.reading.criteria_text.headings import PART_WORD
from sle_trials.reading.criteria_text.lead_ins import ALTERNATIVES, opens_list, own_lead_in
from sle_trials.reading.criteria_text.lines import (
    CONJUNCTION,
    GROUP,
    MARKS_ONLY,
    RUNS_ON,
    indent_of,
    margin_of,
    next_item,
    numbered_on,
    runs_on,
    said_after,
    said_before,
)
from sle_trials.reading.criteria_text.marks import (
    is_marked,
    item_number,
    kana_ordinal,
    lettering_style,
    list_item,
    mark_kind,
    mark_letters,
    number_style,
)
from sle_trials.reading.criteria_text.nesting import (
    MARKED_UNDER,
    TightRuns,
    block_under,
    bulleted_alike,
    letters_resume,
    outline_level_under,
    spaced_run,
)
from sle_trials.reading.criteria_text.notes import DEFINITION, NOTE
from sle_trials.reading.criteria_text.numbering import Numbering
from sle_trials.reading.criteria_text.read_remarks import remarks_on
from sle_trials.reading.shown import shown

MAX_DEPTH = 2  # criterion > sub_criteria > sub_criteria, as the schema nests them


@dataclass
class _Level:
    indent: int
    items: list
    depth: int
    last_number: int | None = None
    restarted: bool = False  # a numbered sub-list that restarted at 1 under the item above
    style: str | None = None  # how its first numbered item writes its number (number_style: "9.", "(9)", "9、")
    kind: str | None = None  # the kind of mark of its first item (mark_kind)
    letter_style: str | None = None  # how its first lettered item writes its letter (lettering_style)
    # the kind of mark (mark_kind) of items nested by it alone: lettered or bulleted under a numbered item
    # ending in a colon, or lettered under a bulleted one, written at the same indent
    marked_under: str | None = None
    parent: dict | None = None  # the item whose sub-criteria these are (None: the list's top level)
    until_blank: bool = False  # bulleted as its parent, set apart with it by blank lines: it ends at the next one
    until: int | None = None  # ... or in a tight list, the index of the line its run ends at (TightRuns)
    bullet: str | None = None  # the bullet of items nested by it alone under an item bulleted otherwise (other_bullet)
    letter: int | None = None  # the place in the alphabet of its last lettered item's letter ("c": 3)


# the roman numerals a list letters its items with, lower case (mark_letters), and their values; "ⅰ" to "ⅻ" too, one
# character each
_ROMAN = {
    **{
        r: n for n, r in enumerate("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split(), 1)
    },
    **{chr(0x2170 + n): n + 1 for n in range(12)},
}


def _decimal_depth(dec: str) -> int:
    """How many levels a decimal sub-number nests its item below the list's: one a point ("2.1" one, "2.1.3" two, a
    trailing ".0" none), one a letter after the number ("2a", "2.a", "2(a)", "(2a)": one); none for a list's code
    ("I1", "E2", "I.3", "(E4)")."""
    core = dec.strip("()")
    if core[:1].isalpha():
        return 0
    lettered = re.fullmatch(r"([0-9]+)\.?\(?[a-zA-Z]\)?", core)
    return 1 if lettered else re.sub(r"(?:\.0+)+$", "", core).count(".")


def _numbered_parts(level: _Level) -> bool:
    """Whether an item before the last of level holds parts numbered from 1 ("A. General" / "1. Adults" / "B. ...")."""
    return any(item.get("sub_criteria", [{}])[0].get("number") == 1 for item in level.items[:-1])


# a line opening with a decimal sub-number before a word in lower case ("2.2 dsDNA positive"): reader.next_decimal
# (a stop after it too, "2.2) dsDNA", "2.2. dsDNA", as "2.1) ANA" writes its list's: before, a line with no list mark)
_DECIMAL_OPENING = re.compile(r"(?P<indent> *)(?P<dec>[0-9]{1,3}(?:\.[0-9]{1,2}){1,3})[.)]? +\S")
_LOWER_DECIMAL = re.compile(r"(?P<indent> *)(?P<dec>[0-9]{1,3}(?:\.[0-9]{1,2}){1,3})(?P<stop>[.)]?) +(?P<word>[a-z])")


class Read(NamedTuple):
    """What read_items reads of one section's lines: the criteria, the remarks on how lines were read, the texts the
    list holds twice in one group with other parts (_dedupe), which a record's list cannot hold, the texts leading
    into a spaced run whose end the layout does not show (Reader.unshown), and the items of such runs whose depth it
    does not say (Reader.unsaid)."""

    items: list[dict]
    remarks: list[str]
    twice: list[str]
    unshown: list[str]
    unsaid: list[dict]


def read_items(lines: list[str], breaks: frozenset[int] | set[int] = frozenset(), kind: str | None = None) -> Read:
    """Criteria from the lines of one section: list items by their markers and indentation, each
    top-level item with the sub-heading (group) it is listed under, if any (Reader, line by line); with what else it
    read (Read). kind: the list's, inclusion or exclusion."""
    reader = Reader()
    reader.kind = kind
    reader.margin = margin_of(lines)
    reader.numbering = Numbering.of(lines)
    reader.lines = lines
    reader.tight_runs = TightRuns(lines)
    for at, raw in enumerate(lines):
        if at in breaks:  # where a list's heading stood again ("Inclusion Criteria:" repeated): no note goes on over it
            reader.noted_over = False
        reader.line(lines, at, raw)
    return reader.finish()


class Reader:
    """The state of reading one section's lines into criteria: the items so far (top), the levels
    of the list the next item may nest in (stack), the item the next continuation line belongs to
    (last), and what the remarks will say. Each line is one step: a blank line (blank), a
    sub-heading (subheading), a line with no list mark (unmarked: a wrapped line, a sub-criterion
    of an item ending in a colon, or a criterion of its own) or a list item (marked)."""

    def __init__(self) -> None:
        self.top: list[dict] = []
        self.kind: str | None = None  # the list's kind, inclusion or exclusion (read_items)
        self.stack: list[_Level] = []
        self.last: dict | None = None  # the item the next continuation line belongs to
        self.last_depth = 0
        self.gap = True
        self.group: str | None = None
        self.flattened: list[str] = []  # items nested deeper than MAX_DEPTH, listed beside the item above them
        self.romans_beside: list[str] = []  # roman numerals read beside the letters right above them
        self.numbers_beside: list[str] = []  # ... and numbers from 1 going on to the list's end after them
        self.letters_beside: list[str] = []  # ... and letters from "a" beside the numbered items right above them
        self.groups_restarted: list[str] = []  # short labels right under an item, over a numbering started again
        self.parts_by_mark: list[str] = []  # ... and numerals read as the parts of the letter above by their mark alone
        self.over: list[str] = []  # sub-headings right over another, heading no criterion of their own
        # the list an indented lead-in was nested into under the item above (nested, own_lead_in), while another may
        # go beside it after its items (label_beside)
        self.lead_in: tuple[list, int, int] | None = None
        self.labelled: list[str] = []  # indented labels naming no one, read as parts leading into the items under them
        self.unmarked_lines: list[str] = []  # lines with no list mark read as criteria of their own, not wrapped lines
        self.same_marked: list[str] = []  # items bulleted as the item ending in a colon above them, read as its own
        self.numbering = Numbering({}, [])  # where the section's numbered items stand (read_items)
        self.at = 0  # the index of the line read
        self.lines: list[str] = []  # the section's lines (read_items)
        self.tight_runs = TightRuns([])  # where their tight runs end (read_items)
        self.under = False  # whether the line read is such an item (block_under, TightRuns)
        self.run_end: int | None = None  # ... in a tight list, the index of the run's last line (TightRuns)
        self.tight_marked: list[str] = []  # the items ending in a colon whose tight run is read as theirs
        self.bridged: list[str] = []  # paragraphs read as words of the item above, its sentence going on over a blank
        self.listed: list[str] = []  # lines with no list mark read as the sub-criteria of an item ending in a colon
        self.noted: list[str] = []  # notes in a paragraph of their own, read as words of the item above them
        self.noted_under: list[str] = []  # notes marked as items under an item, read as words of that item
        self.skipped_letters: list[str] = []  # items lettered past the letter after the one before them (lettered)
        # the indent of the note marked as an item read last, while its wrapped lines may follow (None: none)
        self.note_indent: int | None = None
        # the item ending in a colon and its depth, while unmarked lines (its sub-criteria, listed) follow it
        self.colon: tuple[dict, int] | None = None
        # the list an indented paragraph was nested into under the item above, its indent and depth: a
        # next paragraph at that indent goes beside it, and items at that indent under it if it ends in a colon
        self.nested: tuple[list, int, int] | None = None
        self.last_kind: str | None = None  # the kind of mark of the last item (mark_kind)
        self.last_letter: str | None = None  # the letters of the last lettered item's mark (mark_kind)
        self.last_kana: str | None = None  # ... and of the last item lettered with a kana ordinal (owned_mark)
        self.style: str | None = None  # how the numbered item read writes its number (number_style)
        self.letter_style: str | None = None  # how the lettered item read writes its letter (lettering_style)
        self.bullet: str | None = None  # the bullet of the item read, if bulleted ("*", "-", "•")
        self.last_bullet: str | None = None  # ... and of the last item
        self.resumed_after: list[str] = []  # items read as the outer list's where a sub-list's numbering went on too
        self.noted_over = True  # whether a note may go on with the last item (no heading between them)
        self.leading: list[str] = []  # notes before the list's first item: about the list, no criteria of it
        self.in_leading = False  # whether the line read last was (a line of) such a note
        self.last_indent = 0  # the indent of the line the item the next continuation line belongs to starts on
        self.margin = 0  # the spaces every line of the section starts with, its items too (margin_of)
        # notes after the sub-criteria of an item, unindented: about that item, whose words the sub-criteria
        # part them from; kept for a remark, not joined to the last sub-criterion
        self.apart: list[str] = []
        self.in_apart = False  # whether the line read last was (a line of) such a note
        self.definitions: list[str] = []  # definitions in a paragraph of their own, with their items: no criteria
        self.alternatives: dict | None = None  # a paragraph leading into alternatives, while its items are to come
        self.labels: dict[int, str] | None = None  # the section's labels of categories of criteria (category_labels)
        self.led_into: list[str] = []  # such paragraphs, the items right under them read as their sub-criteria
        self.spaced_alternatives: list[str] = []  # ... whose items, set apart each, show not where they end
        # the texts of the paragraphs and items leading into a run of items set apart each whose end the layout does
        # not show (spaced_run's "unshown"), the indexes of the lines of the run's items whose depth it does not say
        # (under a paragraph, all but the first two; under an item bulleted as they are, all), and those items
        self.unshown: list[str] = []
        self.unsaid_at: set[int] = set()
        self.unsaid: list[dict] = []
        # a line holding only a conjunction ("OR") and the item above it, while the line after it is to come
        self.conjunction: tuple[str, dict] | None = None
        # criteria that run on over a line holding only a conjunction, each once (its text is read for the
        # remark at the end: each join's text kept made 16,000 "or" lines under one item hold 1.7 GB)
        self.joined: list[dict] = []
        self.between: list[str] = []  # such lines between two items of one level, said in a remark
        self.last_decimal: tuple[str, int] | None = None  # the last item's decimal sub-number and its indent
        self.unjoined: list[str] = []  # such lines with no item of the same list on both sides: left out
        # while a definition is read: "items" (one ending in a colon: its items follow), "paragraph", or None
        self.defining: str | None = None
        self.defined_items = 0  # the items of the definition read so far

    def line(self, lines: list[str], at: int, raw: str) -> None:
        """Read the line at index at (raw, as the section holds it); an item it starts starts at its indent."""
        last = self.last
        self._line(lines, at, raw)
        if self.last is not last:
            self.last_indent = indent_of(raw)

    def _line(self, lines: list[str], at: int, raw: str) -> None:
        line = unescaped(raw.rstrip())
        if not line.strip() or MARKS_ONLY.fullmatch(line.strip()):
            if self.defining == "paragraph" or self.defined_items:
                self.defining = None  # a definition ends at a blank line, one ending in a colon after its items
            self.blank()
            return
        if CONJUNCTION.fullmatch(line.strip()):
            self.conjunction_line(line.strip())
            return
        if not raw.startswith(GROUP) and self.definition(line, raw):
            return
        heading = raw[1:] if raw.startswith(GROUP) else subheading_of(lines, at, self.gap, self.margin)
        if (
            heading is not None
            and not raw.startswith(GROUP)
            and (self.last is not None or self.kind == "inclusion")
            and ALTERNATIVES.search(line)
        ):
            # "* Age 18-65" / "" / "Patients must have at least one of the following:" / "" / "* Anti-dsDNA positive" /
            # "* Low complement": a criterion whose items are its alternatives, no sub-heading (paragraph, level); first
            # in the inclusion list too (before, a sub-heading: the alternatives each required, as its group's criteria;
            # first in the exclusion list, "Any of the following:" leads into criteria that each exclude)
            heading = None
        if heading is None and not raw.startswith(GROUP) and self.tight_subheading(lines, at, line):
            heading = subheading_of(lines, at, True, self.margin)
        if heading is None and not raw.startswith(GROUP):
            heading = self.label(lines, at, line)
        if heading is not None:
            self.subheading(heading)
            return
        m = list_item(raw)
        is_item = is_marked(m)
        sub_number = self.next_decimal(lines, at, raw) if not is_item else None
        if sub_number is not None:
            m, is_item = sub_number, True  # ("2.1 ANA positive" / "2.2 dsDNA positive": next_decimal)
        if self.in_apart and not is_item:
            self.apart[-1] += " " + line.strip()  # a wrapped line of a note parted from its item
            return
        self.in_apart = False
        if self.note_indent is not None and not is_item and runs_on(lines[at - 1], line, self.note_indent):
            # "* Lupus nephritis class III or IV" / "  * Note: class V with class III or IV is" / "    eligible": a
            # wrapped line of the note, which is not imported; before, it was joined to the item the note is about
            # ("... class III or IV eligible", words the source does not write so) and the import was refused (E501)
            self.noted_under[-1] += " " + line.strip()
            return
        self.note_indent = None
        if not is_item and self.leading_note(lines, at, line):
            return
        self.in_leading = False
        previous = lines[at - 1] if at and not self.gap else ""
        # (the line with words before, over a blank line too: "ALT ≤" / "" / "2.5 ULN", a text spaced throughout,
        # whose number was read as an item's mark "2.5", a sub-criterion "ULN", the threshold lost with no remark)
        above = lines[k] if self.gap and (k := said_before(lines, at)) is not None else previous
        if (
            is_item
            and m is not None
            and (m.group("dec") or "").lstrip("(")[:1].isdigit()
            and self.last is not None
            and RUNS_ON.search(unescaped(above).rstrip())
        ):
            # "ALT >" / "2.5 ULN": a number the line before runs on to, no item's; never a list's code ("IC2: SLE
            # per the criteria," / "IC3: scoring 10", which marks.coded_marks writes "IC3. ": read as a wrapped line,
            # the code as rewritten reached IC2's text, and the import was refused), as a number "3." is never
            is_item = False
        if is_item and m is not None and not self.gap and self.owned_mark(m, previous):
            is_item = False  # "Lupus nephritis ISN/RPS class" / "IV. Biopsy within 6 months": the class's IV
        # "2.1" nests under "2.", "2.1.3" under "2.1", "2a." under "2." ("I1.", a list's code, nests under nothing)
        # ("2.0" is item 2, as a word processor numbers the top of a list: "2.1" nests under it, not beside it)
        indent = len(m.group("indent")) + _decimal_depth(m.group("dec") or "") if m else 0
        if not is_item:
            if self.gap and self.bridge(lines, at, line):
                return
            if self.label_beside(lines, at, line, indent):
                return
            if self.last is not None and not self.gap and self.last_depth < MAX_DEPTH - 1:
                if (lead := own_lead_in(lines, at, self.last_indent)) is not None:
                    # ("   Subjects with LN must have:" / "   a. biopsy": a part of the item above, its items its own;
                    # "   Class III or IV:" / "   a. biopsy", a label naming no one, alike, said: it may be the item's
                    # words going on)
                    if lead == "label":
                        self.labelled.append(line.strip())
                    self.paragraph(line.strip(), indent)
                    self.lead_in = self.nested
                    return
            self.unmarked(line, previous, indent)
            return
        assert m is not None  # is_item
        while len(self.stack) > 1 and self.stack[-1].until is not None and at > self.stack[-1].until:
            self.stack.pop()  # the tight run of items bulleted as their parent ends (TightRuns)
        self.under = not self.gap and block_under(lines, at)
        self.run_end = None if self.gap or self.under else self.tight_runs.end(at)
        self.under = self.under or self.run_end is not None
        self.at = at
        # (next_decimal's match is of the line with its word capitalised: the text as written)
        self.marked(m, indent, (line if sub_number is not None else m.string)[m.start("text") :].strip())
        self.last_decimal = (m.group("dec"), indent) if m.group("dec") else None

    def label_beside(self, lines: list[str], at: int, line: str, indent: int) -> bool:
        """Whether the unmarked line is a second lead-in at the indent of an indented one read before under the same
        item (own_lead_in: "2. Organ function" / "   Hepatic:" / "   - ALT ≤ 3 ULN" / "   Renal:" / "   - eGFR ≥
        30"), right under the first one's items: beside it, leading into the items under it. Before, a line of its own
        among the first one's items ("Renal:" a sub-criterion of "Hepatic:", said as a line with no list mark), and
        the items under it the first one's ("eGFR ≥ 30" a hepatic value)."""
        nested = self.lead_in
        if nested is None or not nested[0] or indent != nested[1] or self.last is None:
            return False
        first = nested[0][-1]
        if not self.stack or self.stack[-1].parent is not first or self.stack[-1].indent != indent:
            return False  # (the first lead-in's items read last, at its indent)
        self.nested = nested
        lead = own_lead_in(lines, at, indent - 1)
        if lead is None:
            return False
        if lead == "label":
            self.labelled.append(line.strip())
        self.last = first  # (the paragraph goes beside the first lead-in: _beside)
        self.paragraph(line.strip(), indent)
        return True

    def next_decimal(self, lines: list[str], at: int, raw: str) -> re.Match | None:
        """The match of a line numbered with the decimal sub-number after the last item's, at its indent, before a
        word in lower case ("2.1 ANA positive" / "2.2 dsDNA positive"), as an item's: a decimal before such a word is
        no item's mark elsewhere ("ALT ≤" / "2.5 mg/dL", a wrapped line's value). Before, "2.2 dsDNA positive" was read
        as a line with no list mark, a criterion of its own beside item 2, its number in its words."""
        said = _LOWER_DECIMAL.match(unescaped(raw.rstrip()))
        if said is None or self.last is None:
            return None
        if self.last_decimal is None:
            # ... and the first of a run, "N.1" right after item N, at its indent or deeper, "N.2" on the next line
            # with words, at its indent ("2. Labs:" / "2.1) eGFR > 60" / "2.2) hemoglobin > 9": before, lines with no
            # list mark, their numbers in their words, or indented, words of "Labs:" with no remark; "2. Creatinine:"
            # / "2.1 mg/dL or less" is a value)
            number, level = self.last.get("number"), self.stack[-1] if self.stack else None
            if number is None or level is None or len(said["indent"]) < level.indent:
                return None
            k = said_after(lines, at + 1)
            after = _DECIMAL_OPENING.match(unescaped(lines[k])) if k is not None else None
            if after is None or after["dec"] != f"{number}.2" or after["indent"] != said["indent"]:
                return None
            dec, indent = f"{number}.0", len(said["indent"])  # ("2.0": no depth, _decimal_depth)
        else:
            dec, indent = self.last_decimal
        *head, tail = dec.split(".")
        if said["dec"] != ".".join([*head, str(int(tail) + 1)]) or indent != len(said["indent"]) + _decimal_depth(dec):
            return None
        shown = said.string
        return list_item(shown[: said.start("word")] + shown[said.start("word")].upper() + shown[said.end("word") :])

    def owned_mark(self, m: re.Match, previous: str) -> bool:
        """Whether a line's mark, a number or a roman numeral, is the number of the word the line above ends in
        (numbered_on: "... ISN/RPS class" / "IV. Biopsy within 6 months", "... of stage" / "II. Para-aortic nodes"),
        as it is where it starts no list (not 1 nor "i." nor "a.") and the list above holds no item marked so (its
        items numbered: "1. ... stage" / "2. ..." is two items, "... per ECOG" / "3. ..." a number skipped). Before,
        "IV." was read as an item's mark, "Biopsy within 6 months" a criterion of its own and the class IV lost with
        no remark."""
        if self.last is not None and kana_ordinal(m) and mark_letters(m) != "a" and previous.strip():
            # ("... 자이어야 한" / "다. 동의서에 서명한 자": a Korean sentence's end wrapped, "한다.", no ordinal "다.";
            # a kana ordinal goes on with the one before it, "가." / "나." / "다.")
            return self.last_kana != chr(ord(mark_letters(m)) - 1)
        if self.last is None or m.group("dec") or not numbered_on(previous, m.string[len(m.group("indent")) :]):
            return False
        kind = mark_kind(m, self.last_letter)
        if kind == "number":
            place = item_number(m)
            return place is not None and place > 1 and all(level.last_number is None for level in self.stack)
        if kind not in ("roman", "letter"):
            return False
        said = mark_letters(m)
        place = _ROMAN.get(said) if kind == "roman" else ord(said) - ord("a") + 1 if len(said) == 1 else None
        return place is not None and place > 1 and all(level.letter is None for level in self.stack)

    def label(self, lines: list[str], at: int, line: str) -> str | None:
        """The label of a category of the list's criteria the line is, if it is one, as protocol templates write
        them between numbered criteria ("Age" / "1. Participant must be 18 to 65 years of age." / "Type of
        Participant and Disease Characteristics" / "2. ..."): category_labels. Before, each label was imported as a
        criterion ("Medical Conditions" an exclusion criterion), and the check, reading the source alike, passed it."""
        if self.labels is None:
            self.labels = category_labels(lines, self.margin, self.numbering)
        # (a label lettered as an item, "B. Disease", right under the last criterion of the category above, too)
        return self.labels.get(at) if self.gap or is_marked(list_item(lines[at])) else None

    def tight_subheading(self, lines: list[str], at: int, line: str) -> bool:
        """Whether a line right under an item (no blank line between them) may be a sub-heading (subheading_of reads
        whether it is one): where it names a part of the study or whom its items are for ("Part B:", "Cohort B
        (LN):", "For adolescents:"), or opens with the first word of the sub-heading the list's items are grouped
        under ("Step 1:" / "1. ..." / "Step 2:"), and it does not run on from the line above. Before, such a line
        was read as a criterion of the group above it, and the criteria under it as that group's (an adolescents'
        age limit as the adults'), and the check, reading the source alike, passed it."""
        if self.gap or self.last is None or self.colon is not None or at == 0 or ALTERNATIVES.search(line):
            return False  # (a line leading into alternatives is a criterion holding them: paragraph, level)
        said = unescaped(line).strip().strip("*_").split()
        alike = self.group is not None and said[:1] == self.group.split()[:1]  # ("Step 1:" / ... / "Step 2:")
        if not (alike or PART_WORD.search(line) or FOR_WHOM.match(line.strip()) or self.sibling_label(lines, at)):
            return False  # ("For adults:" / "* Age" / "Adequate organ function:" / "* Hb": a criterion of adults')
        return not runs_on(lines[at - 1], line, self.last_indent)

    def sibling_label(self, lines: list[str], at: int) -> bool:
        """Whether the line, right under an item of a group, labels the next group as its sub-heading labelled this one:
        a short label ending in its colon or bold whole (SHORT_LABEL), at the list's margin, no note, under an item
        ending in no colon (whose sub-list it would lead into), over the next number of the list's top level (or over
        1, said: groups_restarted) ("General:" / "1. Age" / "2. Consent" / "Disease-specific:" / "3. SLE": a numbering
        going on across the label, as a template's category labels do). Before, "Disease-specific:" was read as a
        criterion of the group "General", with a remark, and the criteria under it as the group's. Over a bulleted item
        it may lead into the items under it ("Adequate organ function:" / "* Hb ≥ 9"): a criterion, as before."""
        line = unescaped(lines[at])
        if self.group is None or not self.stack or not SHORT_LABEL.match(line.strip()) or NOTE.match(line.strip()):
            return False
        top = self.stack[0]
        below = next_item(lines, at + 1)
        if not (
            indent_of(line) <= top.indent
            and not unescaped(lines[at - 1]).rstrip(" *_").endswith((":", "："))
            and below is not None
            and len(below.group("indent")) <= top.indent
            and top.last_number is not None
        ):
            return False
        if item_number(below) == top.last_number + 1:
            return True
        # ... or over 1, the numbering started again as the group above started its own ("Screening:" / "1. Age" /
        # "Treatment:" / "1. Hb"): before, "Treatment:" was read as a criterion of the group "Screening" holding "Hb"
        # (the treatment's criteria each required at screening); a group now, said in a remark, as such a line may
        # still be a criterion leading into a list of its own numbered from 1
        if item_number(below) == 1:
            self.groups_restarted.append(line.strip())
            return True
        return False

    def blank(self) -> None:
        while len(self.stack) > 1 and self.stack[-1].until_blank:
            self.stack.pop()  # the run of items bulleted as their parent ends (block_under)
        self.gap, self.colon, self.in_leading, self.in_apart, self.note_indent = True, None, False, False, None

    def definition(self, line: str, raw: str) -> bool:
        """Whether the line is (a line or an item of) a definition: one that starts it, unmarked and
        unindented after a blank line (DEFINITION), or one that goes on with it (any line of a paragraph;
        after one ending in a colon, its items and their indented or wrapped lines up to a blank line after
        them). Kept for a remark (definitions), not imported as a criterion."""
        m = list_item(raw)
        if self.defining is None:
            if not self.gap or line[:1].isspace() or is_marked(m) or not DEFINITION.match(line):
                return False
            self.definitions.append(line.strip())
            self.defined_items = 0
            self.defining = "items" if line.rstrip(" *_").endswith((":", "：")) else "paragraph"
        elif (
            self.defining == "paragraph" or is_marked(m) or line[:1].isspace() or (self.defined_items and not self.gap)
        ):
            self.definitions[-1] += " " + line.strip()
            self.defined_items += is_marked(m)
        else:
            self.defining = None  # a paragraph of its own after it: the list goes on
            return False
        self.colon, self.gap, self.noted_over = None, False, False
        return True

    def leading_note(self, lines: list[str], at: int, line: str) -> bool:
        """Whether the unmarked line is (a line of) a note before the list's first item ("Note: all
        criteria must be met.", then "1. Age 18-65"): a remark about the list, no criterion of it, when
        a list item follows it, indented no less than the note. Kept for a remark (leading), not imported
        as a criterion. Before, in a text indented throughout (as NCT04207047 indents its criteria), such a
        note was read only at column 0, and was imported as a criterion."""
        if self.in_leading and not self.gap:
            self.leading[-1] += " " + line.strip()
            return True
        if self.last is not None or not NOTE.match(line.lstrip(" ")):
            return False
        following = [m for x in lines[at + 1 :] if x.strip() and (m := list_item(x))]
        if not any(is_marked(m) and len(m.group("indent")) >= indent_of(line) for m in following):
            return False
        self.leading.append(line.strip())
        self.in_leading, self.gap = True, False
        return True

    def bridge(self, lines: list[str], at: int, line: str) -> bool:
        """Whether the unmarked line after a blank one goes on with the sentence of the item above, which
        its last line leaves unfinished (RUNS_ON: "... a kidney biopsy performed within" / "" / "6 months
        before screening"): words of that item, as a wrapped line is, said in a remark. Only a line that
        begins as no criterion does (in lower case, with a digit or with punctuation), after the item's own
        last line. Before, the paragraph was imported as a criterion of its own, a fragment ("6 months
        before screening"), or, indented, as a sub-criterion of the item it completes."""
        k = said_before(lines, at)
        above = lines[k] if k is not None else ""
        m = list_item(above)
        said = m.group("text").strip() if is_marked(m) and m is not None else unescaped(above.rstrip()).strip()
        first = line.lstrip()[:1]
        if self.last is None or not self.noted_over or not said or not self.last["text"].endswith(said[-20:]):
            return False
        if first.isupper() or first in "*_\"'“‘[(#" or said.endswith("*") or not RUNS_ON.search(said):
            return False
        self.last["text"] += " " + line.strip()
        self.bridged.append(line.strip())
        self.gap, self.colon = False, None
        return True

    def conjunction_line(self, word: str) -> None:
        """A line holding only a conjunction ("OR" between "* Anti-dsDNA positive" and "* Low complement C3"):
        no criterion, but a word about the item above and the one after it. A line with no list mark after it
        goes on with the item above, joined by the word ("Anti-dsDNA positive" / "or" / "low complement C3" is
        one criterion, its words as the source writes them). Two items stay two criteria, as listed: a criterion
        is the source's words as it writes them, which the list mark of the second parts from the first; that
        the source gives them as alternatives is said in a remark, for the curator to read. Before, the line
        was imported as a criterion "OR", or run into the item above ("Anti-dsDNA positive OR"). With no item
        above it, or none after it at that item's level, it is about nothing read: left out, said too."""
        self.unjoin()
        if self.last is None:
            self.unjoined.append(word)
            return
        self.conjunction = (word, self.last)
        self.colon = None

    def unjoin(self) -> None:
        """A conjunction read before with no item of its level after it: said in a remark, left out."""
        if self.conjunction is not None:
            self.unjoined.append(self.conjunction[0])
        self.conjunction = None

    def join(self, item: dict, text: str) -> bool:
        """Whether the line's text is joined to item at the conjunction read before it (conjunction_line)."""
        if self.conjunction is None:
            return False
        word, above = self.conjunction
        if above is not item:
            self.unjoin()
            return False
        self.conjunction = None
        above["text"] += f" {word} {text}"
        if not self.joined or self.joined[-1] is not above:
            self.joined.append(above)
        self.gap, self.noted_over = False, True
        return True

    def subheading(self, heading: str) -> None:
        """A new group: its numbering starts afresh. A sub-heading right over this one, which heads no criterion of
        its own ("PATIENT CHARACTERISTICS:" / "Age:"), is kept for a remark: a record's group is one sub-heading."""
        if self.group is not None and self.last is None and not self.stack:
            self.over.append(self.group)
        self.unjoin()
        self.group, self.stack, self.last, self.last_depth, self.gap, self.colon = heading, [], None, 0, True, None
        self.nested = None

    def unmarked(self, line: str, previous: str, indent: int) -> None:
        """A line with no list mark: a wrapped line of the item above, a sub-criterion of an item
        ending in a colon, or a paragraph of its own (under the item above when indented beyond it)."""
        if self.last is not None and self.join(self.last, line.strip()):
            return
        if self.noted_after_sub_list(line, indent):
            return
        if self.last is not None and not self.gap:
            listing = self.colon is not None or previous.rstrip().endswith((":", "："))
            if runs_on(previous, line, self.last_indent, listing=listing):
                self.last["text"] += " " + line.strip()  # a wrapped line of the same item
                return
            if self.colon is None and previous.rstrip().endswith((":", "：")) and self.last_depth < MAX_DEPTH:
                self.colon = (self.last, self.last_depth)  # "2. Positive for one of:" / "ANA" / "anti-dsDNA": its items
            if self.colon is not None:
                self.listed.append(line.strip())
                self.last = {"text": line.strip()}
                self.colon[0].setdefault("sub_criteria", []).append(self.last)
                self.last_depth = self.colon[1] + 1
                return
            self.unmarked_lines.append(line.strip())  # a line of its own: a criterion, said in a remark
        elif self.last is not None and self.noted_over and not line[:1].isspace() and NOTE.match(line):
            if self.last_depth and self.stack and self.stack[-1].indent > 0:
                # "6. Willing to undergo biopsies as follows:" / "  * Archival sample ..." / "  * Fresh biopsy in
                # cycle 2" / "Note: Where slides are accepted, ...": unindented, the note is about item 6, not
                # its last sub-criterion; joined to neither (the sub-criteria part it from item 6's words)
                self.apart.append(line.strip())
                self.in_apart, self.gap = True, False
                return
            self.noted.append(line.strip())  # "Note: ..." after a blank line: words of the item above
            self.last["text"] += " " + line.strip()
            self.gap = False
            return
        if self.noted_beneath(line.strip(), indent):
            return
        self.paragraph(line.strip(), indent)

    def noted_after_sub_list(self, line: str, indent: int) -> bool:
        """Whether the line is a note right under a sub-criterion, no deeper than its mark ("2. SLE, one of:" / "   -
        ANA" / "   - dsDNA" / "   Note: per central lab", or unindented): about the item whose words the sub-criteria
        part it from as much as the last sub-criterion's, kept apart (not imported, said) as after a blank line
        (noted_beneath). Before, read as the sub-criterion's words ("dsDNA Note: per central lab"), with no remark.
        Indented to the sub-criterion's words ("     Note: ..."), it is that sub-criterion's, as before."""
        stack, text = self.stack, line.strip()
        if self.last is None or self.gap or not self.noted_over or not self.last_depth or len(stack) < 2:
            return False
        if stack[-1].indent <= stack[0].indent or indent > stack[-1].indent or line[:1] == "\t":
            return False
        if not NOTE.match(text) or text.endswith((":", "\uff1a")):
            return False
        self.apart.append(text)
        self.in_apart = True
        return True

    def noted_beneath(self, text: str, indent: int) -> bool:
        """Whether the line is a note in an indented paragraph of its own under the item above ("2. In good
        health ..." / "" / "   NOTE: Athletically trained subjects with a pulse ≥40 may be enrolled ..."): about
        that item, no sub-criterion of it, as a note marked as an item under it is none. Words of the item
        when nothing stands between them, as an unindented note's are; kept apart (not imported) when the
        item's sub-criteria part them. A note at the indent of a level of the list is read as an unindented
        note after an unindented list is: the list's own indent, not the line's start, is where its items
        stand. Before, a note at the indent of the sub-criteria above it ("   * Pulse 50-100 bpm" / "" /
        "   NOTE: Athletes with a pulse ≥40 may be enrolled.") was imported as a sub-criterion, and in a
        list indented throughout (NCT04207047's lines all start with two spaces) a note was imported as a
        criterion of its own."""
        if self.last is None or not self.noted_over or not NOTE.match(text) or text.endswith((":", "：")):
            return False
        beside = self._beside(indent)
        if beside is None and not (self.stack and indent > self.stack[-1].indent):
            if not self.stack or indent < self.stack[0].indent:
                return False  # not under the item above nor in the list: a paragraph of its own, read as such
            words = not (self.last_depth and self.stack[-1].indent > self.stack[0].indent)
        else:
            words = beside is None and "sub_criteria" not in self.last
        if words:
            self.noted.append(text)
            self.last["text"] += " " + text
            self.gap = False
        else:
            self.apart.append(text)
            self.in_apart, self.gap = True, False
        return True

    def paragraph(self, text: str, indent: int) -> None:
        """A paragraph of its own: under the item above when indented beyond it, else a criterion."""
        stack = self.stack
        paragraph: dict[str, Any] = {"text": text}
        beside = self._beside(indent)
        if beside is not None:
            # "4. History of SLE ..." / "   Standard treatment refers to ..." / "   Oral corticosteroids must ...:":
            # a second paragraph at the first's indent is its sibling under the item, not nested in it
            beside[0].append(paragraph)
            self.last_depth = beside[2]
        elif self.last is not None and stack and indent > stack[-1].indent and self.last_depth < MAX_DEPTH:
            subs = self.last.setdefault("sub_criteria", [])
            subs.append(paragraph)
            self.last_depth += 1
            self.nested = (subs, indent, self.last_depth)
        else:
            while len(stack) > 1 and indent < stack[-1].indent:
                stack.pop()
            if not (stack and stack[-1].depth):  # a criterion of its own: under the group's sub-heading
                paragraph = grouped(paragraph, self.group)
            if len(stack) < 2 and text.endswith((":", "：")) and (not stack or indent < stack[0].indent):
                # "The criteria for recurrent brief depression include the following:" / "  -  dysphoric mood"
                # (the classic XML's layout, and the API's legacy markup): a top-level paragraph ending in a
                # colon, items indented beyond it: they nest under it, as under an item above them; the top
                # level is the paragraph's, not the deeper indent of the items read before it
                stack[:] = [_Level(indent, self.top, 0)]
            (stack[-1].items if stack else self.top).append(paragraph)
            self.last_depth = stack[-1].depth if stack else 0
            if not self.last_depth and text.endswith((":", "：")) and ALTERNATIVES.search(text):
                self.alternatives = paragraph
        self.last, self.gap, self.noted_over = paragraph, False, True

    def _beside(self, indent: int) -> tuple[list, int, int] | None:
        """The list of the indented paragraph read last, when a line at indent goes on at its level."""
        nested = self.nested
        if nested is None or self.last is None or not nested[0] or nested[0][-1] is not self.last:
            return None
        return nested if indent == nested[1] else None

    def marked(self, m: re.Match, indent: int, text: str) -> None:
        """A list item: placed in the level its indent, its mark and its number put it in."""
        self.colon = None
        beside, last = self._beside(indent), self.last
        if (
            beside is not None
            and last is not None
            and beside[2] < MAX_DEPTH
            and last["text"].rstrip().endswith((":", "："))
        ):
            # "   Oral corticosteroids must meet the following requirements:" / "   1. Prednisone ...": the
            # items under an indented paragraph ending in a colon, at its indent, are its sub-criteria
            self.stack.append(_Level(indent, last.setdefault("sub_criteria", []), beside[2] + 1, parent=last))
        self.nested = None
        number = item_number(m)
        item: dict[str, Any] = {"number": number, "text": text} if number is not None else {"text": text}
        self.style = number_style(m) if number is not None else None
        self.letter_style = lettering_style(m) if m.group("letter") else None
        kind = mark_kind(m, self.last_letter)
        self.bullet = m.group("bullet").strip()[:1] if kind == "bullet" else None
        if kind in ("letter", "roman"):
            self.last_letter = mark_letters(m)
        if kana_ordinal(m):
            self.last_kana = mark_letters(m)
        level = self.level(indent, number, kind, text)
        if level.parent is not None and NOTE.match(text) and not text.rstrip().endswith((":", "：")):
            # "* Completely resected NSCLC" / "  * Note: patients known to have N2 disease are not eligible":
            # a note marked as an item under an item is about that item, no sub-criterion of it; not
            # joined to its words either, which the list mark between them parts in the source
            self.noted_under.append(text)
            if not level.items:  # the level was opened for the note alone
                self.stack.pop()
                if not level.parent.get("sub_criteria"):
                    level.parent.pop("sub_criteria", None)
                self.last, self.last_depth = level.parent, level.depth - 1
            self.gap, self.noted_over, self.note_indent = False, True, len(m.group("indent"))
            self.last_kind, self.last_bullet = kind, self.bullet
            return
        if level.items and self.conjunction is not None and self.conjunction[1] is level.items[-1]:
            # "* Anti-dsDNA positive" / "OR" / "* Low complement C3": two criteria, as listed (a criterion is words
            # of the source as it writes them, which the list mark between them parts), and a remark
            self.between.append(
                f"{shown(self.conjunction[0])} between {shown(level.items[-1]['text'], 50)} and {shown(text, 50)}"
            )
            self.conjunction = None
        self.unjoin()
        level.items.append(item if level.depth else grouped(item, self.group))
        if self.at in self.unsaid_at:
            self.unsaid.append(level.items[-1])
        level.kind = level.kind or kind
        if kind == "letter":
            level.letter_style = level.letter_style or self.letter_style
        if kind in ("letter", "roman"):
            self.lettered(level, mark_letters(m), text, kind)
        if number is not None:
            level.last_number = number
            level.style = level.style or self.style
        # the item as listed: a top-level one is a copy with its group (grouped), which a wrapped line of its words
        # must reach ("For adults:" / "* SLE with long" / "  wrapped text": before, the words joined the item read,
        # not the one listed, and "wrapped text" was lost with no remark)
        self.last, self.last_depth, self.gap, self.noted_over = level.items[-1], level.depth, False, True
        self.last_kind, self.last_bullet = kind, self.bullet

    def lettered(self, level: _Level, letter: str, text: str, kind: str = "letter") -> None:
        """A lettered item's letter (or roman numeral: kind), after the one of the level's item before it: a letter
        skipped ("a. Hb" / "b. ANC" / "d. Platelets", "i." / "ii." / "iv.") is kept for a remark. A record holds no
        letters (numbers it keeps, so "1. 2. 5." shows its skip), so the skip, where an item may be missing, was lost
        with no remark."""
        if kind == "roman":
            place = _ROMAN.get(letter)
        else:
            place = ord(letter) - ord("a") + 1 if len(letter) == 1 and "a" <= letter <= "z" else None
        if place is not None and level.letter is not None and place > level.letter + 1:
            self.skipped_letters.append(text)
        level.letter = place

    def parts_of_letter(self, kind: str, number: int | None, indent: int) -> bool:
        """Whether the item read starts a run of roman numerals ("i.", "(i)") or numbers (1) right after a lettered
        item: the parts of that letter, as an outline nests them ("b. ANC" / "i. absolute", "1. Labs:" / "a. Hb" /
        "b. ANC" / "1. absolute"); a number only where the letters nest under a numbered item, whose numbering it
        starts again, the letters go on after the run ("A. Age" / "B. SLE" / "1. ANA" / "2. dsDNA" / "C.
        Consent") or a letter before holds numbered parts so ("A. General" / "1. Adults" / "B. Disease" / "1. SLE");
        "a. Age 18-65" / "1. SLE", the numbers going on to the list's end, are siblings, as before."""
        if self.last_kind == "roman" and kind == "number" and number == 1:
            # ("I. General" / "1. Age" / "II. Disease" / "1. SLE": before, "1. Age" was read beside "I.", the first
            # numeral's words a criterion of their own, and "III. Labs" after "II."'s parts as one of them)
            level = self.stack[-1] if self.stack else None
            return level is not None and level.letter is not None and self.next_mark_after(level, indent, kind)
        if self.last_kind != "letter":
            return False
        if kind == "roman":
            return self.last_letter in ("i", "\u2170")
        if kind != "number" or number != 1:
            return False
        numbered = [level.last_number for level in self.stack if level.last_number is not None]
        if numbered and numbered[-1] >= 1:
            return True
        level = self.stack[-1] if self.stack else None
        if level is None or level.letter is None:
            return False
        return self.next_mark_after(level, indent, kind)

    def next_mark_after(self, level: _Level, indent: int, kind: str) -> bool:
        """Whether a letter (or a roman numeral) of level above a run (kind) starting at the line read holds numbered
        parts so (_numbered_parts), or its next one comes after the run (letters_resume)."""
        assert level.letter is not None
        if self.last_kind == "roman":
            following = next((r for r, n in _ROMAN.items() if n == level.letter + 1 and r.isascii()), "")
            return _numbered_parts(level) or letters_resume(self.lines, self.at, indent, following, kind, "roman")
        return _numbered_parts(level) or letters_resume(self.lines, self.at, indent, chr(ord("a") + level.letter), kind)

    def outer_letters(self, stack: list[_Level]) -> bool:
        """Whether the lettered item read goes on with the letters of the level under the top of the stack, written
        as they are and not as the top's ("C." after "B. Organ function:" / "a) Hb" / "b) ANC")."""
        return (
            len(stack) > 1
            and self.letter_style is not None
            and stack[-1].letter_style not in (None, self.letter_style)
            and stack[-2].letter_style == self.letter_style
        )

    def resumed(self, outer: _Level, inner: _Level, number: int, text: str) -> bool:
        """Whether an item numbered number, at the indent of a numbering started again under an item of the outer
        list (inner), goes on with the outer list: its number is the outer list's next, and not the inner one's, or
        it is written as the outer list's numbers are and not as the inner one's ("2、器官功能：" / "（1）Hb" /
        "（2）ANC" / "3、Consent", and "3) Plt" after "1) Hb" / "2) ANC" goes on with them); where the number and the
        way it is written go on with both, once the inner list holds two items ("2. Organ function:" / "1. Hb" / "2.
        ANC" / "3. Consent"), it is the outer list's, said in a remark: before, "3. Consent" was read as a third
        part of item 2, required only as such, and the check, reading the source alike, passed it."""
        if outer.last_number is None or number != outer.last_number + 1:
            return False
        if self.style is not None and outer.style != inner.style:
            return self.style == outer.style
        if number != (inner.last_number or 0) + 1:
            return True
        if len(inner.items) < 2 or inner.parent is None or self.numbering.again(self.at, inner.indent, number):
            return False  # (the outer list resumes at a later line numbered so: "3. no change" / "3. Consent")
        self.resumed_after.append(text)
        return True

    def level(self, indent: int, number: int | None, kind: str, text: str) -> _Level:
        """The level a list item goes in: the stack popped to the list it goes on with, and a new
        level pushed when it nests under the item above (indented deeper, a numbering that starts
        again, or lettered under a numbered item ending in a colon)."""
        stack = self.stack
        if not stack:
            stack.append(_Level(indent, self.top, 0))
        while len(stack) > 1 and indent < stack[-1].indent:
            stack.pop()
        while (
            (
                len(stack) > 1
                and stack[-1].marked_under not in (None, kind)
                # (romans after letters nest under the last of them, but where the letters nest under a roman numeral)
                and not (kind == "roman" and stack[-1].marked_under == "letter" and stack[-2].kind != "roman")
                # (and so do numbers started at 1 right after them, the letters under a number: parts_of_letter)
                and not (
                    kind == "number"
                    and stack[-1].marked_under == "letter"
                    and self.parts_of_letter(kind, number, indent)
                )
            )
            or self.outer_letters(stack)
            or (
                len(stack) > 1
                and stack[-1].bullet not in (None, self.bullet)
                and not (self.last_kind == kind and outline_level_under(stack[-1].bullet, self.bullet))
            )
        ):
            # "2." after "1. One of:" / "a. ANA" / "b. anti-dsDNA": the outer list goes on (from under "b) either:" /
            # "i. ..." / "ii. ...", two levels up)
            stack.pop()
        level = stack[-1]
        # (the outer numbering: the level below's, or, for numbers nesting under a letter, the nearest numbered one)
        outer = next((below for below in reversed(stack[:-1]) if below.last_number is not None), None)
        if level.restarted and number is not None and outer is not None and self.resumed(outer, level, number, text):
            del stack[stack.index(outer) + 1 :]  # the outer numbering resumes
            level = stack[-1]
        parent = (
            level.items[-1] if level.items and (level.depth or level.items[-1].get("group") == self.group) else None
        )
        deeper = indent > level.indent and parent is not None
        # "1. Positive for at least one of the following:" / "a. ANA" / "b. anti-dsDNA" (or "• ANA"), unindented:
        # lettered or bulleted items right under a numbered one ending in a colon (lettered under a bulleted
        # one) are its sub-criteria (read as criteria of their own, one of two antibodies read as both required)
        # ... and so are those under one whose words open a list without a colon ("1. Active SLE, defined as" /
        # "a. SLEDAI-2K ≥ 6" / "b. anti-dsDNA positive") or whose numbering goes on after them ("1. Active SLE" /
        # "a. ..." / "b. ..." / "2. Consent"), which were read as criteria of their own, each required
        said = str(parent.get("text", "")) if parent is not None else ""
        numbered = parent.get("number") if parent is not None else None
        opened = said.rstrip().endswith((":", "："))
        # "B. Organ function:" / "a) Hb ≥ 9 g/dL" / "b) ANC ≥ 1.5" / "C. Consent": letters started again at "a",
        # written otherwise than the list's, under a lettered item leading into them, are its sub-criteria
        relettered = (
            kind == "letter"
            and self.last_letter == "a"
            and self.last_kind == "letter"
            and level.letter_style not in (None, self.letter_style)
            and (opened or opens_list(said))
        )
        # "* Adequate organ function:" / "- Hb ≥ 9 g/dL" / "- ANC ≥ 1.5" / "* Consent": items bulleted otherwise than
        # a bulleted item leading into them, at its indent, are its sub-criteria, up to its own bullet again (before,
        # criteria of their own, each required, though the item above says they are its parts: "one of:")
        # ... and so are items bulleted with a word processor's next level's bullet ("• SLE" / "◦ ANA positive" /
        # "• Consent"), at its indent, whatever the item leads into: the bullet itself says its level
        other_bullet = (
            kind == "bullet" == self.last_kind
            and self.bullet != self.last_bullet
            and (
                ((opened or opens_list(said)) and bulleted_alike(self.lines, self.at))
                or outline_level_under(self.last_bullet, self.bullet)
            )
        )
        # "* Active disease, one of the following:" / "" / "* SLEDAI-2K ≥ 6; or" / "" / "* BILAG A" / "" / "* Consent":
        # items bulleted as a bulleted item leading into them, each set apart by blank lines as the list's own are,
        # are its sub-criteria where the layout shows where they end (spaced_run; before, criteria of their own)
        spaced = (
            spaced_run(self.lines, self.at)
            if self.gap
            and kind == "bullet" == self.last_kind
            and self.bullet == self.last_bullet
            and parent is not None
            and parent is self.last
            and (opened or opens_list(said))
            and level.until is None  # (not within such a run: "* SLEDAI ≥ 6; or" leads into nothing of its own)
            else None
        )
        if spaced is not None and spaced[1] == "unshown" and parent is not self.alternatives:
            # ("* Active disease, one of:" / "" / "* SLEDAI ≥ 6" / "" / "* BILAG A" / "" / "* Consent": read as the
            # list's, as written; which are its sub-criteria the layout does not say)
            assert parent is not None
            self.unshown.append(parent["text"])
            self.unsaid_at.update(spaced[2])
        spaced = spaced if spaced is not None and spaced[1] == "shown" else None
        lettered = (
            not deeper
            and parent is not None
            and parent is self.last
            and (
                relettered
                or other_bullet
                or spaced is not None
                or (self.under and opened)
                or (
                    # ("(b) ANC" / "(i) absolute" / "(ii) relative" / "(c) Platelets": the letters go on after them)
                    (self.last_kind, kind) == ("letter", "roman")
                    and level.letter is not None
                    and letters_resume(self.lines, self.at, indent, chr(ord("a") + level.letter))
                )
                or (
                    (self.last_kind, kind) in MARKED_UNDER
                    and (
                        opened
                        or opens_list(said)
                        or (numbered is not None and self.numbering.resumes(self.at, indent, numbered))
                    )
                )
            )
        )
        # "2. Treated with steroids, as follows:" / "1. prednisone ≥ 7.5 mg/day": a numbering that starts again at
        # the same indent nests under an item that opens a list (a colon, or words left unfinished: "defined by"),
        # that the numbering does not number (a line with no number: "Adolescents" / "1. Aged 12-17"), or whose
        # numbering goes on after it ("3. Adequate organ function" / "1. Hb ≥ 9 g/dL" / "2. ANC ≥ 1.5" / "4. Consent":
        # Numbering.resumes); "1. Age 18 to 65 years." / "1. SLE" (each item numbered "1.", as Markdown lets a list be
        # written, or a number typed twice) are criteria of their own, the repeated number dropped (_dedupe), not
        # each nested under the one above
        restart = (
            not deeper
            and number is not None
            and level.last_number is not None
            and number <= level.last_number
            and parent is not None
            and (
                parent.get("number") is None
                or opens_list(str(parent.get("text", "")))
                or self.numbering.resumes(self.at, indent, parent["number"], restarted=True)
                # ... or that writes its numbers otherwise than the list does ("2、器官功能良好" / "（1）Hb ≥ 90 g/L" /
                # "（2）ANC ≥ 1.5", the list's last item): before, each read as a criterion of the list, numbered again
                or (number == 1 and level.style is not None and self.style not in (None, level.style))
            )
        )
        # "Patients must have at least one of the following:" / "" / "* Anti-dsDNA positive" / "* Low complement" / "" /
        # "* Signed consent", a paragraph after items of the list: the run of items right under it, up to a blank
        # line, are its alternatives (read as a sub-heading, they were criteria each required, and every criterion
        # after them was listed under it as its group)
        led = not deeper and parent is not None and parent is self.last and parent is self.alternatives
        if led:
            assert parent is not None
            self.alternatives = None
            lettered = True
            # ... or, its items each set apart by blank lines, up to where the layout shows the run's end (spaced_run)
            spaced = spaced_run(self.lines, self.at)
            if spaced is not None and spaced[1] == "unshown":
                self.spaced_alternatives.append(parent["text"])
                self.unshown.append(parent["text"])
                self.unsaid_at.update(spaced[2][2:])  # (the first two are its, a choice's least)
            else:
                self.led_into.append(parent["text"])
        # "(b) ANC" / "(i) absolute" / "(ii) relative" / "2. SLE" and "b. ANC" / "1. absolute" / "2. relative": a run
        # of roman numerals or numbers started right after a lettered item, at its indent, is that item's parts, as an
        # outline nests them, though no colon or letter after them shows it (said in a remark). Before, they were read
        # as parts beside the letters, each required as such (the numbers' level starts a numbering again: where the
        # outer one goes on after it, "2. SLE", the outer list resumes)
        nested_by_mark = not (deeper or lettered or restart) and parent is not None and parent is self.last
        nested_by_mark = nested_by_mark and self.parts_of_letter(kind, number, indent)
        if nested_by_mark:
            lettered = True
            shown_so = level.letter is not None and self.next_mark_after(level, indent, kind)
            if level.depth < MAX_DEPTH and not (shown_so or (kind == "number" and _numbered_parts(level))):
                self.parts_by_mark.append(text)
        if kind == "roman" and self.last_kind == "letter" and parent is self.last and not (deeper or lettered):
            # "(b) ANC" / "(ii) absolute" / "2. SLE": a run not started at "i", beside the letters, as written; whether
            # they are the parts of "(b)" nothing shows, said in a remark
            self.romans_beside.append(text)
        if (number, self.last_kind) == (1, "letter") and parent is self.last and not (deeper or lettered or restart):
            # "a. Age 18-65" / "1. SLE": numbers to the list's end after its letters, beside them as written (before,
            # with no remark, though "1. SLE" may be a part of "a.")
            self.numbers_beside.append(text)
        if kind == "letter" and self.last_kind == "number" and self.last_letter == "a" and parent is self.last:
            if not (deeper or lettered or restart):
                # "2. SLE" / "a) ANA" / "b) dsDNA", to the list's end: beside the numbers as written (before, with no
                # remark, though "a)" and "b)" may be the alternatives of "2.", as an outline nests them)
                self.letters_beside.append(text)
        if (deeper or restart or lettered) and level.depth < MAX_DEPTH:
            assert parent is not None  # deeper, restart and lettered ask for it
            subs = parent.setdefault("sub_criteria", [])
            level = _Level(
                indent,
                subs,
                level.depth + 1,
                restarted=restart or (lettered and kind == "number"),
                marked_under=kind if lettered else None,
                parent=parent,
                until_blank=(lettered and self.under and self.run_end is None) or (led and spaced is None),
                until=spaced[0] if spaced is not None else self.run_end if lettered else None,
                bullet=self.bullet if other_bullet else None,
            )
            stack.append(level)
            if lettered and self.under:
                (self.same_marked if self.run_end is None else self.tight_marked).append(parent["text"])
        elif deeper:  # a level the schema has no room for: listed beside its parent, and said so
            self.flattened.append(text)
        return level

    def finish(self) -> Read:
        """The criteria read, with the remarks on how lines were read (read_remarks), repeats dropped (_dedupe), the
        texts held twice with other parts, and the spaced runs whose end the layout does not show."""
        self.unjoin()  # (a conjunction with no item after it: said too)
        remarks = remarks_on(self)
        apart: list[str] = []
        _dedupe(self.top, remarks, apart)
        return Read(self.top, remarks, apart, self.unshown, self.unsaid)


def _parts(item: dict) -> tuple:
    """An item's sub-criteria as _dedupe compares them: each one's text as E106 folds it, with its own parts."""
    return tuple((" ".join(sub["text"].split()).casefold(), _parts(sub)) for sub in item.get("sub_criteria", []))


def _dedupe(items: list[dict], messages: list[str], apart: list[str]) -> None:
    """A list may not hold the same text or number twice within one group (E106): drop repeated
    texts, unnumber repeats. The same words under two sub-headings are two criteria, both kept. A text repeated
    with other sub-criteria than its first's ("* One of the following:" / "  * SLEDAI ≥ 6" / "* One of the
    following:" / "  * anti-dsDNA") is another criterion: both kept, the text listed in apart (dropped, the second
    one's parts were lost, a requirement of its own)."""
    texts: dict[tuple, tuple] = {}
    numbers: set[tuple] = set()
    keep = []
    for item in items:
        key = (item.get("group"), " ".join(item["text"].split()).casefold())
        if key in texts and texts[key] != _parts(item):
            apart.append(item["text"])
        elif key in texts:
            messages.append(f"the source repeats {shown(item['text'], 60)}; kept once.")
            continue
        texts.setdefault(key, _parts(item))
        if item.get("number") is not None:
            if (item.get("group"), item["number"]) in numbers:
                messages.append(
                    f"the number {item['number']} is used twice in one list; the second is kept without its number."
                )
                del item["number"]
            else:
                numbers.add((item.get("group"), item["number"]))
        if "sub_criteria" in item:
            _dedupe(item["sub_criteria"], messages, apart)
        keep.append(item)
    items[:] = keep
