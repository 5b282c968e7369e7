"""The site's pages rendered from their templates (templates/, Jinja2 with every value escaped).

pages() gives each file of the site (its path in the site -> its bytes) but the static assets, which
the caller copies: index.html and one page per trial under trials/.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from sle_trials.checks.load import Record
from sle_trials.outputs import package
from sle_trials.outputs.site import landscape, trialpage
from sle_trials.patterns import lazy

_TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
    # Autoescape everything (.html and any other): a record's or a source's text is data, never markup.
    env = Environment(
        loader=FileSystemLoader(_TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(title=package.TITLE, data_version=package.DATA_VERSION, license=package.LICENSE)
    env.filters["breakable"] = breakable
    return env


_DATE = lazy(r"\b[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?\b")


def breakable(text: str) -> Markup:
    """Text escaped, with a line break allowed after each underscore: a code such as SEVERE_EXCLUDED
    would otherwise set its column's width to its whole length (the index's columns must fit a
    laptop's window); and none inside a date, which a narrow column broke at its hyphens (2024-
    07-30). The text a reader copies or searches is the same."""
    shown = str(escape(text)).replace("_", "_<wbr>")
    return Markup(_DATE.sub(lambda m: f'<span class="date">{m.group(0)}</span>', shown))


def trial_file(nct_id: str) -> str:
    return f"trials/{nct_id}.html"


def pages(records: list[Record], schema: dict, root: Path) -> dict[str, bytes]:
    env = environment()
    data = [r.data for r in records]
    rows = [landscape.row(d) for d in data]
    meanings = landscape.meanings(schema)
    out = {
        "index.html": env.get_template("index.html")
        .render(
            columns=landscape.columns(),
            rows=rows,
            filters=landscape.filters(rows),
            meanings=meanings,
            legend=landscape.legend(rows, meanings),
            chart=landscape.chart(data),
            counts=_counts(data),
            prefix="",
        )
        .encode("utf-8")
    }
    trial = env.get_template("trial.html")
    for record in records:
        page = trialpage.build(record, schema, root)
        out[trial_file(page.nct_id)] = trial.render(page=page, prefix="../").encode("utf-8")
    return out


def _counts(records: list[dict]) -> dict[str, int]:
    counts = {"complete": 0, "draft": 0, "stub": 0}
    for data in records:
        status = data["curation"]["status"]
        counts[status] = counts.get(status, 0) + 1
    return counts
