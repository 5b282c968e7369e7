"""The index page's table and chart: every trial, by the columns of trials.csv, and the landscape.

The table's columns are export.COLUMNS picked by name (INDEX_COLUMNS), so a column the CSV gains
(product_origin, lupus_nephritis, ...) appears here as soon as it exists, with its title, and the
filters are the ones of those columns whose values are a vocabulary or a list (FILTERS). Values are
the records' own (the CSV's formula guard is for spreadsheets). A code (RECRUITING, PHASE1, CD19, ...)
is shown with what it means, from the schema's x-meanings of its column's field (meanings()): in a
cell's tooltip, in its filter's options, and in words in the legend beneath the table (legend()).

The chart is Vega-Lite through Altair, rendered to SVG at build time by vl-convert (no script, no
network when the page is viewed): each trial on a timeline from its start to its completion (or
primary completion) coloured by status, and counts of trials by target antigen and by phase.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from sle_trials import decimals, fields
from sle_trials.outputs import cells, export, package

# The index's columns, in order, by name; those not (yet) in export.COLUMNS are left out.
INDEX_COLUMNS = (
    "nct_id",
    "brief_title",
    "overall_status",
    "phases",
    "target_antigens",
    "product_origin",
    "lupus_nephritis",
    "countries",
    "enrollment",
    "start_date",
    "completion_date",
    "curation_status",
)
# The columns a reader filters on with a list of their values (the others through the text search).
FILTERS = (
    "overall_status",
    "phases",
    "target_antigens",
    "product_origin",
    "lupus_nephritis",
    "countries",
    "curation_status",
)
NOT_STATED = "not stated"
# What an empty cell shows when its field is not yet curated (trials.csv's not_curated column): the
# sources may well state it, so it is no "not stated" (a draft whose product is not yet curated was
# counted under "not stated" by target antigen, and matched the filter's "not stated", while its
# study names its antigen)
NOT_CURATED = "not yet curated"


@dataclass(frozen=True)
class Cell:
    text: str  # what the cell shows
    sort: str  # what the column sorts by (numbers padded, so text order is number order)
    items: tuple[str, ...]  # the values a filter matches


@dataclass(frozen=True)
class Column:
    name: str
    title: str
    description: str
    numeric: bool


@dataclass(frozen=True)
class Filter:
    name: str
    title: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    nct_id: str
    cells: tuple[Cell, ...]


def columns() -> list[Column]:
    by_name = {c.name: c for c in export.COLUMNS}
    return [
        Column(n, by_name[n].title or n, by_name[n].description, by_name[n].type in ("integer", "number"))
        for n in INDEX_COLUMNS
        if n in by_name
    ]


def _cell(column: export.Column, data: dict) -> Cell:
    value = column.get(data)
    items = tuple(str(v) for v in value) if column.is_list else (() if value in ("", None) else (str(value),))
    text = ", ".join(items)
    if column.type in ("integer", "number") and items and decimals.PLAIN.fullmatch(items[0]):
        return Cell(text, f"{float(items[0]):020.4f}", items)
    return Cell(text, text.casefold(), items)


def row(data: dict) -> Row:
    by_name = {c.name: c for c in export.COLUMNS}
    pending = set(export.not_curated(data))
    return Row(
        data["nct_id"],
        tuple(
            _pending(c.name, pending, _estimated(by_name[c.name], data, _cell(by_name[c.name], data)))
            for c in columns()
        ),
    )


def _pending(name: str, pending: set[str], cell: Cell) -> Cell:
    """An empty cell whose field is not yet curated says so, and a filter finds it by that."""
    return Cell(NOT_CURATED, "", (NOT_CURATED,)) if not cell.items and name in pending else cell


def _unstated(data: dict, column: str) -> str:
    """What the chart shows for a record's empty column: not yet curated, or not stated."""
    found = next(c for c in export.COLUMNS if c.name == column)
    curated = [(column, found.curated_field, found.applies_to)] if found.curated_field else []
    return NOT_CURATED if cells.not_curated(data, curated, {column}) else NOT_STATED


def _estimated(column: export.Column, data: dict, cell: Cell) -> Cell:
    """A count or date the source gives as ESTIMATED (an enrollment target, an anticipated completion)
    says so in its cell, "48 (estimated)": shown bare, it reads as what happened. Its sort and filter
    values stay the value's."""
    field = column.field or ""
    if not cell.text or not field.endswith((".count", ".date")):
        return cell
    found, kind = fields.get(data, fields.parse_dotted(field.rsplit(".", 1)[0] + ".type"))
    return Cell(f"{cell.text} (estimated)", cell.sort, cell.items) if found and kind == "ESTIMATED" else cell


def meanings(schema: dict) -> dict[str, dict[str, str]]:
    """What each code of a shown column means, by column name: the x-meanings of the record field the
    column is read from (the same words the data package gives the column), for columns of codes."""
    by_name = {c.name: c for c in export.COLUMNS}
    out = {}
    for column in columns():
        node = package.codes_node(by_name[column.name], schema)
        said = fields.meanings(node) if node is not None else {}
        if said:
            out[column.name] = said
    return out


@dataclass(frozen=True)
class Legend:
    name: str
    title: str
    codes: tuple[tuple[str, str], ...]  # (code, what it means), in the schema's order


def legend(rows: list[Row], said: dict[str, dict[str, str]]) -> list[Legend]:
    """The codes the table shows, column by column, each with what it means (said: meanings())."""
    shown = columns()
    out = []
    for index, column in enumerate(shown):
        if column.name not in said:
            continue
        present = {v for r in rows for v in r.cells[index].items}
        codes = tuple((code, words) for code, words in said[column.name].items() if code in present)
        if codes:
            out.append(Legend(column.name, column.title, codes))
    return out


def filters(rows: list[Row]) -> list[Filter]:
    """A filter for each FILTERS column shown, with the values the trials have (and "not stated" when
    some have none)."""
    shown = columns()
    out = []
    for name in FILTERS:
        index = next((i for i, c in enumerate(shown) if c.name == name), None)
        if index is None:
            continue
        values = sorted({v for r in rows for v in r.cells[index].items})
        if any(not r.cells[index].items for r in rows):
            values.append(NOT_STATED)
        out.append(Filter(name, shown[index].title, tuple(values)))
    return out


# --- the chart ------------------------------------------------------------------------------------


def _date(partial: str) -> str:
    """A partial date as the first day it can mean (2024 -> 2024-01-01), for placing it on a time axis."""
    return partial + "-01-01"[len(partial) - 4 :] if partial else ""


@dataclass(frozen=True)
class Chart:
    svg: str  # an <svg> element with role="img" and a title and description of its own
    summary: str  # the chart in words (its description, for readers who cannot see it)


def chart(records: list[dict]) -> Chart:
    import altair as alt
    import vl_convert

    timeline: list[dict[str, Any]] = []
    antigens: list[dict[str, Any]] = []
    phases: list[dict[str, Any]] = []
    for data in records:
        dates = data.get("dates", {})
        start = dates.get("start", {}).get("date", "")
        end = dates.get("completion", {}).get("date", "") or dates.get("primary_completion", {}).get("date", "")
        status = data.get("overall_status") or _unstated(data, "overall_status")
        if start:
            dated = f"{start} to {end or 'completion not stated'}"
            timeline.append(
                {
                    "trial": data["nct_id"],
                    "start": _date(start),
                    "end": _date(end or start),
                    "status": status,
                    "dates": dated,
                    "label": f"{data['nct_id']} ({status}): {dated}",
                }
            )
        for antigen in data.get("cell_product", {}).get("target_antigens", []) or [_unstated(data, "target_antigens")]:
            antigens.append({"target antigen": antigen, "trial": data["nct_id"]})
        for phase in data.get("phases", []) or [_unstated(data, "phases")]:
            phases.append({"phase": phase, "trial": data["nct_id"]})
    width = 560
    status_scale = alt.Scale(scheme="tableau10")
    if timeline:
        # Dates on a UTC scale, and each mark described by the dates as the sources state them: on a
        # local-time scale the same records gave other bytes, and other days (a start of 2024-07-30
        # read "Jul 29, 2024" west of Greenwich), in every time zone.
        utc = alt.Scale(type="utc")
        base = alt.Chart(alt.Data(values=timeline)).encode(
            y=alt.Y("trial:N", title=None, sort=alt.EncodingSortField("start")),
            color=alt.Color("status:N", scale=status_scale, legend=alt.Legend(title="Status", orient="top")),
            description=alt.Description("label:N"),
        )
        time: Any = base.mark_bar(height=10).encode(
            x=alt.X("start:T", title=None, scale=utc, axis=alt.Axis(format="%Y", tickCount="year")), x2="end:T"
        ) + base.mark_point(filled=True, size=60).encode(x=alt.X("start:T", scale=utc))
    else:
        time = (
            alt.Chart(alt.Data(values=[{"text": "No trial's sources state a start date yet."}]))
            .mark_text()
            .encode(text="text:N")
        )
    time = time.properties(width=width, title="Trials from start to completion")
    counts = alt.hconcat(
        alt.Chart(alt.Data(values=antigens))
        .mark_bar()
        .encode(
            x=alt.X("count():Q", title="Trials", axis=alt.Axis(tickMinStep=1)), y=alt.Y("target antigen:N", title=None)
        )
        .properties(width=width // 2 - 60, title="By target antigen"),
        alt.Chart(alt.Data(values=phases))
        .mark_bar()
        .encode(x=alt.X("count():Q", title="Trials", axis=alt.Axis(tickMinStep=1)), y=alt.Y("phase:N", title=None))
        .properties(width=width // 2 - 60, title="By phase"),
    )
    spec = alt.vconcat(time, counts).configure_view(stroke=None).to_json(indent=None)
    summary = _summary(records, timeline, antigens, phases)
    return Chart(
        accessible(vl_convert.vegalite_to_svg(spec), "The landscape of the registry's trials", summary), summary
    )


def accessible(svg: str, title: str, description: str) -> str:
    """The SVG as one image to assistive technology, named by its title and described in words."""
    if not svg.startswith("<svg "):
        raise ValueError("vl-convert did not return an <svg> element")
    opening = svg.index(">") + 1
    return (
        '<svg role="img" aria-labelledby="chart-title chart-desc" '
        + svg[len("<svg ") : opening]
        + f'<title id="chart-title">{escape(title)}</title><desc id="chart-desc">{escape(description)}</desc>'
        + svg[opening:]
    )


def _counted(rows: list[dict[str, Any]], key: str) -> str:
    counts: dict[str, int] = {}
    for r in rows:
        counts[r[key]] = counts.get(r[key], 0) + 1
    return "; ".join(f"{k}: {v}" for k, v in sorted(counts.items()))


def _summary(
    records: list[dict], timeline: list[dict[str, Any]], antigens: list[dict[str, Any]], phases: list[dict[str, Any]]
) -> str:
    dated = "; ".join(f"{t['trial']} ({t['status']}) {t['dates']}" for t in sorted(timeline, key=lambda t: t["start"]))
    return (
        f"{len(records)} trials. On the timeline, the {len(timeline)} whose sources state a start date: "
        f"{dated or 'none'}. Trials by target antigen: {_counted(antigens, 'target antigen')}. "
        f"Trials by phase: {_counted(phases, 'phase')}."
    )
