"""A criteria text split under its headings into the record's two lists (split, Split, split_criteria): the text's
lines cut where it runs them together, its tables listed, each line put in the list its heading (or a lead-in) heads,
and each list read into criteria, with the remarks for the curator."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from sle_trials.reading.criteria_text.bold import headings_in_bold, shown_words, unbolded_within
from sle_trials.reading.criteria_text.cohorts import cohort_labels, heads_nothing, label_text, several_headed
from sle_trials.reading.criteria_text.escapes import written_whole
from sle_trials.reading.criteria_text.headings import heading_of
from sle_trials.reading.criteria_text.lead_ins import (
    doubtful_heading,
    lead_in,
    lead_in_group,
    lead_in_items,
    stopped_heading,
)
from sle_trials.reading.criteria_text.lines import GROUP, indents_read, said_before
from sle_trials.reading.criteria_text.marks import coded_marks, is_marked, item_number, list_item, shared_marks
from sle_trials.reading.criteria_text.nci import INCLUSION as NCI_INCLUSION
from sle_trials.reading.criteria_text.nci import nci_sections
from sle_trials.reading.criteria_text.notes import (
    MARKED_REMARK,
    annex_heading,
    bold_over_items,
    closing_remark,
    escaped_bullets,
    footnote,
    goes_on_after_footnote,
    last_bullet,
    next_number,
    said_top,
    spaced_items,
    stray_footnote,
    tight_items,
)
from sle_trials.reading.criteria_text.reader import read_items
from sle_trials.reading.criteria_text.run_in import (
    RUN_IN_TEXT,
    bracket_numbers_joined,
    bracketed_run_goes_on,
    headed_alone,
    html_breaks,
    inline_headings,
    marks_alone_joined,
    marks_ending_joined,
    run_goes_on,
    run_in_items,
    runs_doubted,
    wrapped_runs_joined,
)
from sle_trials.reading.criteria_text.tables import tables_listed
from sle_trials.reading.shown import shown


@dataclass
class Split:
    """A criteria text split into the record's two lists, with what the importer tells the curator."""

    inclusion: list[dict]
    exclusion: list[dict]
    remarks: list[str]
    unplaced: bool  # words that are in neither list (before the first heading, or a list of neither kind)
    headed: bool = False  # whether the text has a heading of either list (though it may list nothing under it)
    # each list's texts it holds twice in one group with other sub-criteria, {kind: [text, ...]}: a record's list holds
    # a text once (E106), so the importer leaves that list to the curator
    twice: dict[str, list[str]] = field(default_factory=dict)
    # each list's items or paragraphs leading into a run of items set apart each by blank lines, as the list's own are,
    # whose end nothing shows ({kind: [text, ...]}): which items are theirs the layout does not say, so the importer
    # leaves that list to the curator; and the items of such runs (either list's) whose depth the layout does not say,
    # which a source's reading holds at no depth (reading.ctgov_study), as a page's flat list is held
    unshown: dict[str, list[str]] = field(default_factory=dict)
    unsaid: list[dict] = field(default_factory=list)


def _written_whole(items: list[dict], text: str) -> None:
    """Each item (and sub-item) whose lines, read each as written or as shown, mix the two forms, as text
    writes it whole (escapes.written_whole)."""
    for item in items:
        item["text"] = written_whole(item["text"], text)
        _written_whole(item.get("sub_criteria", []), text)


def _unbolded(items: list[dict], bold: frozenset[str]) -> None:
    """Each item's (and sub-item's) text with the bold of a line bold as a whole (bold: "**or**" between two lines of
    the item), which the text was read with as a sub-heading may be, read as its words (bold.shown_words)."""
    if not bold:
        return
    for item in items:
        item["text"] = shown_words(item["text"], bold)
        _unbolded(item.get("sub_criteria", []), bold)


def _wrapped_words(lines: list[str], at: int) -> bool:
    """Whether the line at index at, in a general heading's words ("criteria", "eligibility criteria:"), goes on with
    the line right above it in a list (no blank line between): it begins in lower case, as no heading under a list's
    item does ("2. Meets classification" / "   criteria:" / "   a. ACR 1997", its colon the item's); a list's heading
    so, "exclusion criteria", heads its list as before."""
    said = lines[at].strip().strip("*_").strip()
    return bool(at and lines[at - 1].strip() and said[:1].islower())


def _fewest_run_in(lines: list[str], several: frozenset[str]) -> int | None:
    """The fewest items a run of numbers by spaces holds on one line of this text (run_in.run_in_items): RUN_IN_TEXT
    where a line, or a heading's words after it, runs a list of three items at least in so already ("Inclusion
    Criteria: 1) Age 2) SLE 3) Consent" / "Exclusion Criteria: 1) Pregnancy 2) HIV"); None (run_in_items' own) else."""
    for line in lines:
        heading = heading_of(line, several)
        said = heading[2] if heading is not None else line
        if said and len(run_in_items(said)) >= 3:
            return RUN_IN_TEXT
    return None


def _other_lists(sections: dict[str, list[str]], current: str | None) -> list[str]:
    """The lines of the lists other than current: a footnote after the last list may be to an earlier one's mark."""
    return [x for kind in ("inclusion", "exclusion", "general") if kind != current for x in sections[kind]]


def split_criteria(text: str) -> tuple[list[dict], list[dict], list[str]]:
    """(inclusion, exclusion, remarks) from the registry's criteria text, keeping its numbering."""
    found = split(text)
    return found.inclusion, found.exclusion, found.remarks


def split(text: str) -> Split:
    """The criteria text under its headings: "Inclusion Criteria", "Exclusion Criteria" (with any
    wording registries use), or a general "Eligibility criteria" heading followed later by an
    exclusion one. A heading naming a part of the study ("Inclusion Criteria for Part B") starts a
    group of its own, as a sub-heading within a list does ("For adolescent participants:")."""
    # (and "unread": the lines under a line that may head a list, ended by a full stop, with no list item under it)
    sections: dict[str, list[str]] = {"inclusion": [], "exclusion": [], "general": [], "unread": []}
    breaks: dict[str, set[int]] = {"inclusion": set(), "exclusion": set(), "general": set(), "unread": set()}
    stopped, doubted = False, False  # whether a heading ended by a full stop is read as one; whether one is doubtful
    remarks: list[str] = []
    current: str | None = None
    preamble = False
    # (Markdown bold read as the words it bolds: "1. **Age:** 18 to 65" is "Age: 18 to 65"; a line bold as a whole,
    # "**Adults**", read so once it is read as the sub-heading or heading it is)
    text, bold = unbolded_within(headings_in_bold(escaped_bullets(indents_read(html_breaks(text)))))
    if nci_sections(text.split("\n")):
        # ("DISEASE CHARACTERISTICS:" / ... / "PATIENT CHARACTERISTICS:" / ...: one list of inclusion criteria, its
        # sections sub-headings, said in a remark)
        text = f"{NCI_INCLUSION}\n\n{text}"
        remarks.append(
            "The criteria text lists its conditions of eligibility in sections ('DISEASE CHARACTERISTICS:', "
            "'PATIENT CHARACTERISTICS:', 'PRIOR CONCURRENT THERAPY:'), under no inclusion or exclusion heading: each "
            "line a condition a patient must meet, read as an inclusion criterion, its sections as sub-headings."
        )
    alone = headed_alone(text.split("\n"))
    lines = coded_marks(shared_marks([part for line in text.split("\n") for part in inline_headings(line, alone)]))
    lines = marks_alone_joined(lines)  # ("3." / "Signed consent": item 3)
    lines = marks_ending_joined(lines)  # ("(1) ANA; (2)" / "anti-dsDNA; or (3) low C3": read as on one line)
    lines = wrapped_runs_joined(lines)  # ("4. SLE (1) ANA, C3," / "   low C4; (2) anti-dsDNA; (3) ...": likewise)
    lines = bracket_numbers_joined(lines)  # ("1. SLE per ACR (see Table" / "   1) criteria": the table's number)
    lines, tables = tables_listed(lines)
    several = several_headed(lines)
    fewest = _fewest_run_in(lines, several)
    labels, unlabelled = cohort_labels(lines, several)
    part: str | None = None  # the cohort the lists since its label are for
    # the list an annex or a footnote interrupts, the number that goes on with it and after a footnote, the bullet
    resume: tuple[str, int | None, str | None, bool] | None = None  # (... and whether a footnote interrupts it)
    annex_run: str | None = None  # where an annex's first run of lines stands: "heading", "body", "ended"
    annex_open = False  # whether its last line with words ends in a colon, leading into lines after a blank one
    # whether the annex's first run writes a line right under another (its layout shown tight), and whether the list
    # it interrupts shows its own items so (notes.tight_items)
    annex_tight, list_tight = False, False
    annex_bullet: str | None = None  # the bullet the annex's first line with words opens with, None where it has none
    annex_resumed: list[str] = []  # the items a bulleted list went on at after an annex
    top: dict[str | None, int] = {}  # the indent of each list's first item
    # how the line read last was taken, which may wrap onto this one: "run", cut into a run of items (run_in_items);
    # "line", whole
    run: str | None = None
    taken: tuple[str, int] | None = None  # the line read last, as written, and how many lines it was cut into
    for at, line in enumerate(lines):
        if taken is not None and current is not None and (joined := bracketed_run_goes_on(taken[0], line)):
            # "1. Contraception, one of: (1) IUD; (2) pill;" / "(3) abstinence": the run's third item
            sections[current][-taken[1] :] = joined
            run, taken = "run", (f"{taken[0].rstrip()} {line.strip()}", len(joined))
            continue
        taken = None
        went_on = run_goes_on(sections[current][-1], line) if run and current is not None else None
        if went_on is not None and (run == "run" or len(went_on) > 2):
            # "1. Age; 2. SLEDAI ≥ 8," / "despite therapy; 3. Consent."; and a line cut into no run whose wrap goes on
            # with the rest of a run of three items at least, "1. Age 18 to 65 years and" / "older; 2. SLE; 3.
            # Consent" (before, one criterion, the numbers in its words, and the check, reading the source alike,
            # passed it); not a wrap holding one next number, "... ALT < 3 x ULN and" / "creatinine < 1.5; 3. months
            # washout", which may be a number of its words
            assert current is not None
            sections[current][-1:] = went_on
            run = "run"
            continue
        run = None
        if at in labels.values():
            continue  # a cohort's label: the group of the lists after it
        heading = heading_of(line, several)
        if heading is not None and heading[0] == "general" and current is not None and _wrapped_words(lines, at):
            # "2. Diagnosis of SLE per" / "   2019 EULAR/ACR" / "   criteria": the item's last words, no heading
            # (before, a list headed neither inclusion nor exclusion: the item cut short, the rest of its list lost)
            heading = None
        if heading is not None and heading[1] is not None and heads_nothing(lines, at, several):
            heading = heading_of(line, several, empty=True)
        if heading is not None and at in labels:
            part = lines[labels[at]]
        if heading is not None and part is not None and heading[0] != "general" and heading[1] is None:
            heading = (heading[0], label_text(part), heading[2])
        said = stopped_heading(lines, at) if heading is None else None
        if said == "doubtful":
            remarks.append(
                f"The criteria text has a line {shown(line.strip(), 100)} that may head a list, ended by a full stop "
                "as a sentence is, where nothing shows it does (no list item under it, or in lower case right under a "
                "line); the lines under it are not imported as criteria."
            )
            doubted, current = True, "unread"
            continue
        if isinstance(said, tuple):
            heading, stopped = said, True
        # (a list of paragraphs, no item marked: its first line's indent for its top)
        listed = top.get(current) if current not in sections or current in top else said_top(sections[current])
        noted = (
            heading is None
            and current in sections
            and footnote(lines, at, sections[current], listed, partial(_other_lists, sections, current))
        )
        stray = not noted and heading is None and current in sections and stray_footnote(lines, at, listed)
        if noted or stray:
            # "2. SLE†" / "" / "† per the 2019 criteria": a footnote to the list's words, no criterion of its own, yet
            # it may state a requirement: left to the curator, as an annex is; and "¹ per ACR", whose mark no item
            # carries (before, the criterion "¹ per ACR", with no remark)
            carried = "no item carries" if stray else "its items carry"
            noted = True
            remarks.append(
                f"The criteria text has a footnote {shown(line.strip(), 100)} to a mark {carried}; it is not "
                "imported as a criterion (nor are the lines under it, up to the next list's heading, the list's "
                "next item or a sub-heading of it): the curator's to read, and to add to the criterion it qualifies "
                "where it states a requirement."
            )
        annexed = not noted and heading is None and current in sections and annex_heading(lines, at, listed)
        if annexed:
            # "2. Uncontrolled infection (see Appendix A)" / "" / "Appendix A:" / "" / "- Active TB": matter of no list
            # (before, a sub-heading of the list above, its items imported as that list's criteria)
            remarks.append(
                f"The criteria text has a line {shown(line.strip(), 100)} heading no list of criteria (an appendix, "
                "a table, definitions, notes, references) after its items; the lines under it, up to the next list's "
                "heading or the list's next number, are not imported as criteria: the curator's to read."
            )
        if current is not None and (noted or annexed):
            listed_top = top.get(current)
            # (after an annex, a bulleted list written tight goes on at its bullet after the blank line closing the
            # annex's first run of lines: annex_run; a list spaced throughout shows no such end, as before)
            tight = noted or not spaced_items(sections[current], listed_top)
            bullet = last_bullet(sections[current], listed_top) if tight else None
            annex_run = None if noted else "heading"
            annex_tight, list_tight = False, bullet is not None and tight_items(sections[current], listed_top)
            # (a bulleted list goes on at its bullet, no number: not looked for, as a text of many footnotes would
            # walk the whole list for each)
            number = next_number(sections[current], listed_top) if bullet is None else None
            resume = (current, number, bullet, noted)
            doubted, current = True, "unread"
            continue
        if heading is None and current == "unread" and resume is not None and resume[3] and bold_over_items(lines, at):
            # ("2. SLE†" / "† per the 2019 criteria" / "" / "**General**" / "1. Consent": the list's sub-heading after a
            # footnote, a paragraph, heads the list's items again; before, they were left to the curator with it)
            current, resume = resume[0], None
            breaks[current].add(len(sections[current]))
            sections[current].append("")
        if annex_run is not None and current == "unread":
            # the annex's first run of lines under its heading, up to the blank line after it ("Appendix A:" / "" /
            # "- TB" / "" / "- Consent": "Consent" the list's, bulleted as its items; before, left with the annex)
            if line.strip():
                annex_tight = annex_tight or (annex_run == "body" and bool(lines[at - 1].strip()))
                if annex_run == "heading":
                    opening = list_item(line)
                    annex_bullet = None
                    if opening is not None and is_marked(opening):
                        annex_bullet = (opening.group("bullet") or "").strip()[:1] or None
                annex_run = "body" if annex_run == "heading" else annex_run
                annex_open = line.rstrip(" *_").endswith((":", "\uff1a"))  # ("Prohibited:" / "" / "- RTX": its)
            elif annex_run == "body" and not annex_open:
                annex_run = "ended"
        opened = annex_run in (None, "ended") or list_item(line) is None or item_number(list_item(line)) is not None
        if (
            heading is None
            and current == "unread"
            and resume is not None
            and opened
            and is_marked(numbered := list_item(line))
        ):
            # (the list's next number after the annex, at its top: "3. Consent" goes on with it; any other number
            # there first, "1. Rituximab", is the annex's own; after a footnote, a bullet as the list's too)
            assert numbered is not None
            kind, number, bullet, _ = resume
            if len(numbered.group("indent")) <= top.get(kind, 0) and (
                item_number(numbered) is not None or (bullet is not None and numbered.group("bullet"))
            ):
                resume = None
                above = lines[k] if (k := said_before(lines, at)) is not None else ""
                # (a run of one line shows no layout of its own: under a list shown tight, a bullet after the blank line
                # closing it, set apart as the list's items are not, is the annex's next item spaced, "Appendix A:" /
                # "- rituximab" / "" / "- belimumab"; before, read as the list's criterion, said. Only where that line
                # is bulleted as the list's items are: one unmarked, or bulleted otherwise, "Appendix A:" / "TB test"
                # / "" / "- Consent", has no next item bulleted so, and the list goes on, said)
                no_end = (
                    annex_run is not None
                    and bullet is not None
                    and list_tight
                    and not annex_tight
                    and annex_bullet == bullet
                )
                if (number is not None and item_number(numbered) == number) or (
                    goes_on_after_footnote(numbered, bullet, above) and not no_end
                ):
                    if annex_run is not None and bullet is not None:
                        annex_resumed.append(line.strip())
                    current = kind
                    breaks[current].add(len(sections[current]))
                    sections[current].append("")
        lead = lead_in(lines, at, top.get(current)) if heading is None and current != "exclusion" else None
        if lead is not None and lead[0] != current and (lead[0] == "exclusion" or current is None):
            # a list of exclusion criteria after the inclusion ones, or a first list; never back from the
            # exclusion list, whose lead-ins speak of the inclusion criteria ("Subjects who meet the
            # inclusion criteria but have any of the following:"); within its own kind, a sub-heading
            heading = lead
        if heading is not None:
            (current, group, rest), resume = heading, None
            if group is not None:
                sections[current] += ["", GROUP + group]  # a group of the list (a JSON text holds no NUL)
            elif any(x.strip() for x in sections[current]):
                breaks[current].add(len(sections[current]))  # no blank line of the source's: a heading stood here
                sections[current].append("")
            if rest:
                cut = run_in_items(rest, fewest)  # "Exclusion Criteria: Pregnancy"
                remarks += runs_doubted(rest, fewest)
                sections[current] += cut
                run = "run" if len(cut) > 1 else "line"
            continue
        if current is None:
            preamble = preamble or bool(line.strip())
            continue
        cut = run_in_items(line, fewest)
        remarks += runs_doubted(line, fewest)  # ("* Age 18 to 65 * SLE per ACR": a star after a number)
        sections[current] += cut
        run, taken = "run" if len(cut) > 1 else "line", (line, len(cut))
        if current not in top and is_marked(first := list_item(line)):
            top[current] = len(first.group("indent")) if first is not None else 0
    remarks += [
        f"The criteria text gives a table (its header {shown(header)}); each row below its header is read as a "
        "criterion (under a list item leading into the table, a sub-criterion of it), its cells as the row writes them."
        for header in tables
    ]
    remarks += [
        f"The criteria text goes on with its bulleted list at {shown(said, 60)}, bulleted as the list's items, after "
        "the blank line closing the first run of lines under an annex's heading: read as the list's criterion, the "
        "annex taken to end there (the curator's to confirm)."
        for said in annex_resumed
    ]
    if unlabelled:
        remarks.append(
            f"The criteria text heads more than one list {shown(unlabelled)} with no words before the heading "
            "saying whom each is for; their criteria are listed as one list."
        )
    unread = doubted  # (words no list took: the curator's to read)
    for kind, other in (("inclusion", "exclusion"), ("exclusion", "inclusion")):
        doubtful = doubtful_heading(sections[kind], other)
        if doubtful is None:
            continue
        remarks.append(
            f"The criteria text has a line {shown(sections[kind][doubtful].strip(), 100)} that may head the {other} "
            f"criteria, in words not read as a heading; the lines under it are not imported as {kind} criteria."
        )
        # up to the list's next heading (a group of it, or a break where its heading stood again)
        end = next(
            (
                at
                for at in range(doubtful + 1, len(sections[kind]))
                if at in breaks[kind] or sections[kind][at].startswith(GROUP)
            ),
            len(sections[kind]),
        )
        del sections[kind][doubtful:end]
        breaks[kind] = {at - (end - doubtful) if at >= end else at for at in breaks[kind]}
        unread = True  # words no list took: the curator's to read
    general = any(x.strip() for x in sections["general"])
    if general and not any(x.strip() for x in sections["inclusion"]) and any(x.strip() for x in sections["exclusion"]):
        sections["inclusion"], general = sections["general"], False
        remarks.append(
            "The criteria text heads its first list 'Eligibility criteria' and a later one 'Exclusion "
            "criteria'; the first is read as the inclusion criteria."
        )
    if preamble and (sections["inclusion"] or sections["exclusion"]):
        remarks.append("The criteria text has words before its first heading; they are not imported as criteria.")
    if general and (sections["inclusion"] or sections["exclusion"]):
        remarks.append(
            "The criteria text has a list headed neither inclusion nor exclusion; it is not imported as criteria."
        )
    for kind in ("inclusion", "exclusion"):
        said = closing_remark(sections[kind])
        if said is not None:
            remarks.append(
                f"The {kind} criteria end with a remark about the criteria, not a criterion: {shown(said, 100)}; "
                "it is not imported as one."
            )
    inclusion, r1, twice_in, unshown_in, unsaid_in = read_items(sections["inclusion"], breaks["inclusion"], "inclusion")
    exclusion, r2, twice_ex, unshown_ex, unsaid_ex = read_items(sections["exclusion"], breaks["exclusion"], "exclusion")
    _written_whole(inclusion, text)
    _written_whole(exclusion, text)
    _unbolded(inclusion, bold)
    _unbolded(exclusion, bold)
    remarks += [f"Inclusion criteria: {m}" for m in r1] + [f"Exclusion criteria: {m}" for m in r2]
    for kind, items in (("inclusion", inclusion), ("exclusion", exclusion)):
        kept = []  # in one pass: removing each remark from the list was a scan of it per remark
        for item in items:
            if not MARKED_REMARK.fullmatch(item["text"]) or "sub_criteria" in item:
                kept.append(item)
                continue
            remarks.append(
                f"The {kind} criteria list, as an item, a remark about the criteria, not a criterion: "
                f"{shown(item['text'], 100)}; it is not imported as one."
            )
        items[:] = kept
    for kind, items in (("inclusion", inclusion), ("exclusion", exclusion)):
        grouped_by = lead_in_group(kind, items)
        if grouped_by is not None:
            remarks.append(
                f"The {kind} criteria list, under a sub-heading, a lead-in to the list ({shown(grouped_by, 100)}), "
                "not a group of its criteria; the items under it are read as the list's criteria."
            )
        leads = lead_in_items(kind, items)
        if leads:
            remarks.append(
                f"The {kind} criteria list, as {'items' if len(leads) > 1 else 'an item'}, "
                f"{'lead-ins' if len(leads) > 1 else 'a lead-in'} to the list ({shown(leads[0], 100)}"
                f"{', …' if len(leads) > 1 else ''}), not a criterion; not imported as one, the items "
                f"{'they lead' if len(leads) > 1 else 'it leads'} into read as the list's criteria."
            )
    headed = stopped or any(h is not None and h[0] != "general" for h in map(heading_of, lines))
    twice = {kind: texts for kind, texts in (("inclusion", twice_in), ("exclusion", twice_ex)) if texts}
    unshown = {kind: texts for kind, texts in (("inclusion", unshown_in), ("exclusion", unshown_ex)) if texts}
    # (a remark quotes an item's lines as read, a line bold or in italics whole among them: "criterion ('Pregnancy
    # **or** breastfeeding') runs on over a line that holds only a conjunction" was said of the record's "Pregnancy or
    # breastfeeding"; quoted as the words the record holds)
    remarks = [shown_words(remark, bold) for remark in remarks] if bold else remarks
    return Split(
        inclusion,
        exclusion,
        remarks,
        unplaced=preamble or general or unread,
        headed=headed,
        twice=twice,
        unshown=unshown,
        unsaid=unsaid_in + unsaid_ex,
    )
