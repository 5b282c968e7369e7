"""Regenerate the README's tables (error codes, CSV columns, data package) from the code that defines them.

    python -m sle_trials.docs          rewrite README.md's marked sections
    python -m sle_trials.docs --check  exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import package, schema
from .codes import CODES
from .export import COLUMNS, write_atomic

REPO = Path(__file__).resolve().parents[2]  # the registry this module belongs to (for its schema)


def codes_table() -> str:
    rows = ["| code | name | checked in | what it means |", "|---|---|---|---|"]
    rows += [f"| {c.code} | {c.name} | `scripts/sle_trials/{c.module}.py` | {c.summary} |" for c in CODES.values()]
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")  # a bare '|' would start a new cell on GitHub


def columns_table() -> str:
    rows = ["| column | type | meaning |", "|---|---|---|"]
    rows += [f"| {c.name} | {c.type}{' list' if c.is_list else ''} | {_cell(c.description)} |" for c in COLUMNS]
    return "\n".join(rows) + "\n"


def datapackage_table() -> str:
    """The column table of "Using the data", from the table schema written to datapackage.json."""
    return package.columns_table(schema.load_schema(REPO))


SECTIONS = {"codes": codes_table, "columns": columns_table, "datapackage": datapackage_table}


def render(readme: str) -> str:
    for name, make in SECTIONS.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.DOTALL)
        readme = pattern.sub(lambda m: m.group(1) + make() + m.group(2), readme)
    return readme


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sle_trials.docs", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether README.md is current")
    parser.add_argument("--readme", type=Path, default=Path("README.md"))
    args = parser.parse_args(argv)
    current = args.readme.read_text(encoding="utf-8")
    wanted = render(current)
    if current == wanted:
        return 0
    if args.check:
        print(f"{args.readme}: tables are out of date; run: python -m sle_trials.docs", file=sys.stderr)
        return 1
    write_atomic(args.readme, wanted)
    print(f"{args.readme}: tables regenerated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
