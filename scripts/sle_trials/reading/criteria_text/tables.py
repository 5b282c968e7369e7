"""A markdown table in a criteria text, read as a list: each row below its header an item (tables_listed), under the
list item leading into the table where one does."""

from __future__ import annotations

from sle_trials.patterns import lazy
from sle_trials.reading.criteria_text.lead_ins import opens_list
from sle_trials.reading.criteria_text.lines import said_before
from sle_trials.reading.criteria_text.marks import is_marked, list_item

# a markdown table's rows ("| Hb | >= 9 g/dL |") and the row under its header ("|---|:---:|")
_TABLE_ROW = lazy(r"^(?P<indent> *)\|(?P<cells>.*)\|\s*$")
_TABLE_RULE = lazy(r"^ *\|?(?: *:?-{3,}:? *\|)+ *:?-{3,}:? *\|? *$|^ *\|(?: *:?-{3,}:? *\|)+ *$")


def tables_listed(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines with each markdown table (a header row, its rule "|---|---|", then rows, each
    between pipes) made a list: each row below the rule an item bulleted at the table's indent, its
    cells as the row writes them ("* Hb | >= 9 g/dL"), the header and the rule dropped; and the
    header of each table (its words, for a remark). Run together onto one line, a table's rows
    would be one criterion, its header and rule in it."""
    out: list[str] = []
    headers: list[str] = []
    at = 0
    while at < len(lines):
        header = _TABLE_ROW.match(lines[at])
        if header is None or at + 1 >= len(lines) or not _TABLE_RULE.match(lines[at + 1]):
            out.append(lines[at])
            at += 1
            continue
        headers.append(" ".join(header.group("cells").split()))
        indent = _table_indent(out, len(header.group("indent")))
        at += 2
        while at < len(lines) and (row := _TABLE_ROW.match(lines[at])) is not None:
            cells = " ".join(row.group("cells").split())
            if cells.strip("| "):
                out.append(f"{' ' * indent}* {cells}")
            at += 1
    return out, headers


def _table_indent(above: list[str], indent: int) -> int:
    """The indent a table's rows are bulleted at: the table's own, or, right under a list item that leads into it
    ("* Adequate laboratory values:", "3. Labs as follows", blank lines between them aside), beyond that item's, so
    that its rows are the item's parts ("* Adequate labs:" / "| Hb | >= 9 g/dL |": the rows were read as criteria of
    their own, each beside the item that names them its parts, and the check, reading the source alike, passed it)."""
    k = said_before(above, len(above))
    if k is None:
        return indent
    while k > 0 and not is_marked(list_item(above[k])) and above[k - 1].strip():
        k -= 1  # (the item's wrapped lines)
    m = list_item(above[k])
    if m is None or not is_marked(m) or len(m.group("indent")) < indent - 1:
        return indent
    said = " ".join([m.group("text"), *(x.strip() for x in above[k + 1 :] if x.strip())])
    return len(m.group("indent")) + 2 if opens_list(said) else indent
