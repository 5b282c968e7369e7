"""The remarks on how the lines of one list were read (remarks_on), for the curator: each reading that is not the
plain one (a line with no list mark read as a criterion or a sub-criterion, a note read as words of a criterion or
left out, a run of items nested under the item leading into them, a conjunction's line, a definition, a level the
schema has no room for), said with how many lines it read so and the first of them. The reader (reader.Reader) keeps
what it read so; these are its words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sle_trials.reading.shown import shown

if TYPE_CHECKING:
    from sle_trials.reading.criteria_text.reader import Reader


def remarks_on(reader: Reader) -> list[str]:
    """The remarks on the readings reader made of its list's lines, in the order the importer gives them."""
    remarks: list[str] = []
    if reader.over:
        many = len(reader.over) > 1
        remarks.append(
            f"{_counted(reader.over, 'sub-heading', 'sub-headings')} right over another "
            f"{'head' if many else 'heads'} no criterion of {'their' if many else 'its'} own; the criteria under "
            f"{'them' if many else 'it'} are listed under the sub-heading right above them, not under "
            f"{'these' if many else 'this one'} (a record's criterion has one group)."
        )
    if reader.romans_beside:
        many = len(reader.romans_beside) > 1
        remarks.append(
            f"{_counted(reader.romans_beside, 'run of items', 'runs of items')} numbered with roman numerals right "
            f"after lettered items, at their indent, {'are' if many else 'is'} read beside the letters, as written: "
            "nothing shows whether they are the parts of the letter above (no colon, no letter after them)."
        )
    if reader.groups_restarted:
        many = len(reader.groups_restarted) > 1
        remarks.append(
            f"{_counted(reader.groups_restarted, 'line', 'lines')} right under an item, ending in a colon (or bold) "
            f"over items numbered again from 1, {'are' if many else 'is'} read as the sub-heading of a group of its "
            "own, as the list's group above is headed: nothing shows whether it is a criterion leading into those "
            "items instead."
        )
    if reader.numbers_beside:
        many = len(reader.numbers_beside) > 1
        remarks.append(
            f"{_counted(reader.numbers_beside, 'run of items', 'runs of items')} numbered from 1 right after lettered "
            f"items, at their indent, going on to the list's end, {'are' if many else 'is'} read beside the letters, "
            "as written: nothing shows whether they are the parts of the letter above (no colon, no letter after them)."
        )
    if reader.letters_beside:
        many = len(reader.letters_beside) > 1
        remarks.append(
            f"{_counted(reader.letters_beside, 'run of items', 'runs of items')} lettered from 'a' right after "
            f"numbered items, at their indent, {'are' if many else 'is'} read beside the numbers, as written: nothing "
            "shows whether they are the parts (or the alternatives) of the number above (no colon, no indent, no "
            "number after them)."
        )
    if reader.parts_by_mark:
        many = len(reader.parts_by_mark) > 1
        remarks.append(
            f"{_counted(reader.parts_by_mark, 'run of items', 'runs of items')} numbered (with numbers or roman "
            f"numerals) right after lettered items, at their indent, {'are' if many else 'is'} read as the parts of "
            "the letter above, as an outline nests them: only the change of mark shows it (no colon, no letter "
            "after them)."
        )
    if reader.labelled:
        many = len(reader.labelled) > 1
        remarks.append(
            f"{_counted(reader.labelled, 'indented line', 'indented lines')} ending in a colon right under an item, "
            f"over items at {'their' if many else 'its'} indent, {'are' if many else 'is'} read as a part of the item "
            "leading into those items, not as the item's words: nothing shows whether "
            f"{'they go' if many else 'it goes'} on with the item's sentence instead."
        )
    if reader.unmarked_lines:
        many = len(reader.unmarked_lines) > 1
        remarks.append(
            f"{_counted(reader.unmarked_lines, 'line with no list mark', 'lines with no list mark')}, "
            f"right under the line above, {'are each' if many else 'is'} read as a criterion of its own, "
            "not as words of the item above."
        )
    if reader.listed:
        many = len(reader.listed) > 1
        remarks.append(
            f"{_counted(reader.listed, 'line with no list mark', 'lines with no list mark')}, "
            f"right under an item ending in a colon, {'are' if many else 'is'} read as "
            f"{'its sub-criteria' if many else 'a sub-criterion of it'}."
        )
    if reader.noted:
        many = len(reader.noted) > 1
        remarks.append(
            f"{_counted(reader.noted, 'note', 'notes')} in a paragraph of {'their' if many else 'its'} own "
            f"{'are each' if many else 'is'} read as words of the item above, not as a criterion."
        )
    if reader.noted_under:
        many = len(reader.noted_under) > 1
        remarks.append(
            f"{_counted(reader.noted_under, 'note', 'notes')} marked as {'items' if many else 'an item'} under a "
            f"criterion {'are' if many else 'is'} about that criterion, not "
            f"{'sub-criteria' if many else 'a sub-criterion'}; not imported as {'sub-criteria' if many else 'one'}."
        )
    if reader.apart:
        many = len(reader.apart) > 1
        remarks.append(
            f"{_counted(reader.apart, 'note', 'notes')} after a criterion's sub-criteria "
            f"{'are' if many else 'is'} about that criterion, whose words the sub-criteria part "
            f"{'them' if many else 'it'} from; not imported."
        )
    if reader.leading:
        many = len(reader.leading) > 1
        remarks.append(
            f"{_counted(reader.leading, 'note', 'notes')} before the first item {'are' if many else 'is'} about "
            f"the list, not {'criteria' if many else 'a criterion'}; not imported as "
            f"{'criteria' if many else 'one'}."
        )
    if reader.same_marked:
        many = len(reader.same_marked) > 1
        remarks.append(
            f"the items right under {_counted(reader.same_marked, 'item', 'items')} ending in a colon, bulleted as "
            f"{'they are' if many else 'it is'} and set apart with {'them' if many else 'it'} by blank lines, are "
            f"read as {'their' if many else 'its'} sub-criteria, not as criteria of their own."
        )
    if reader.tight_marked:
        many = len(reader.tight_marked) > 1
        remarks.append(
            f"the items right under {_counted(reader.tight_marked, 'item', 'items')} ending in a colon, bulleted as "
            f"{'they are' if many else 'it is'} with no blank line, are read as {'their' if many else 'its'} "
            "sub-criteria, not as criteria of their own: they end as parts of its sentence (';', ', or', a stop "
            "last) or open in lower case, and the list's other items do not."
        )
    if reader.bridged:
        many = len(reader.bridged) > 1
        remarks.append(
            f"{_counted(reader.bridged, 'paragraph', 'paragraphs')} after a blank line {'go' if many else 'goes'} on "
            "with the sentence the item above leaves unfinished; read as words of that item, not as a criterion."
        )
    if reader.joined:
        many = len(reader.joined) > 1
        joined = [criterion["text"] for criterion in reader.joined]
        remarks.append(
            f"{_counted(joined, 'criterion', 'criteria')} {'run' if many else 'runs'} on over a line that "
            "holds only a conjunction ('OR', 'AND'): read as words of the criterion, not as a criterion."
        )
    if reader.between:
        many = len(reader.between) > 1
        remarks.append(
            f"{len(reader.between)} {'lines' if many else 'line'} holding only a conjunction ({reader.between[0]}"
            f"{', …' if many else ''}) {'stand' if many else 'stands'} between two items: not imported as a "
            "criterion; the items are imported as two criteria, as listed, not as one 'A or B': a criterion is "
            "the source's words as written, and the second item's list mark stands between them there (the "
            "check refuses the joined text, E501). Whether they are alternatives (not each required) is the "
            "curator's to read from the source."
        )
    if reader.unjoined:
        many = len(reader.unjoined) > 1
        remarks.append(
            f"{_counted(reader.unjoined, 'line', 'lines')} holding only a conjunction "
            f"{'stand' if many else 'stands'} where no item of the same list level is on both sides; not imported "
            "as a criterion: the curator reads from the source what it joins."
        )
    if reader.led_into:
        many = len(reader.led_into) > 1
        remarks.append(
            f"the items right under {_counted(reader.led_into, 'paragraph', 'paragraphs')} leading into "
            "alternatives, up to a blank line (or, set apart each by blank lines, up to where the layout shows their "
            f"end), are read as {'their' if many else 'its'} sub-criteria; "
            f"{'they are' if many else 'it is'} read as a criterion, not as a sub-heading."
        )
    if reader.spaced_alternatives:
        many = len(reader.spaced_alternatives) > 1
        remarks.append(
            f"the items under {_counted(reader.spaced_alternatives, 'paragraph', 'paragraphs')} leading into "
            "alternatives are set apart each by blank lines, as the list's own are, and nothing shows where the "
            f"alternatives end; the first two are read as {'their' if many else 'its'} sub-criteria, the items after "
            "them as the list's: the layout is ambiguous, the curator's to read from the source."
        )
    if reader.definitions:
        many = len(reader.definitions) > 1
        remarks.append(
            f"{_counted(reader.definitions, 'definition', 'definitions')} of a term the criteria use (with "
            f"any items under {'them' if many else 'it'}) {'are' if many else 'is'} no criterion; not imported "
            f"as {'criteria' if many else 'one'}."
        )
    if reader.resumed_after:
        many = len(reader.resumed_after) > 1
        remarks.append(
            f"{_counted(reader.resumed_after, 'item', 'items')} numbered as both the list and the sub-list "
            f"(numbered again from 1) above {'them' if many else 'it'} go on {'are' if many else 'is'} read as the "
            "list's, not as the sub-list's: the layout is ambiguous, the curator's to read from the source."
        )
    if reader.skipped_letters:
        many = len(reader.skipped_letters) > 1
        remarks.append(
            f"{_counted(reader.skipped_letters, 'item', 'items')} {'are' if many else 'is'} lettered past the letter "
            f"after the one before {'them' if many else 'it'} (a letter skipped); a record keeps no letters, so the "
            "skip is not shown: the curator's to check against the source that no item is missing."
        )
    if reader.flattened:
        remarks.append(
            f"the source nests {_counted(reader.flattened, 'item', 'items')} deeper than a record's two levels of "
            f"sub-criteria; {'each is' if len(reader.flattened) > 1 else 'it is'} listed beside the item it "
            "stands under."
        )
    return remarks


def _counted(texts: list[str], one: str, many: str) -> str:
    """How many texts a remark is about and the first of them: "2 items ('Aged 18', …)"."""
    more = len(texts) > 1
    return f"{len(texts)} {many if more else one} ({shown(texts[0], 60)}{', …' if more else ''})"
