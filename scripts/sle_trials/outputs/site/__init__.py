"""`trials site`: a static site of the registry, for people who would rather look than read a CSV.

- index.html: every trial in a table (landscape.INDEX_COLUMNS, sortable and filterable by a small
  script of its own, and whole without it) and the landscape chart as inline SVG;
- trials/NCTxxxxxxxx.html: a page per trial, every value beside the words of its source, the
  source's text with each quote marked (trialpage.py, highlight.py);
- style.css and table.js: the page's style and the table's sorting and filtering.

No network at build or view time: the templates (Jinja2, escaping everything) and the assets ship
with the package, and the chart is rendered to SVG here. Built only from a registry that passes the
checks `trials csv` relies on, into a temporary folder beside the output that then takes its place;
an existing output is replaced only when it is a site this command built (it holds MARKER), so a
mistyped --output never deletes a folder of someone's. The same records give the same bytes.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from sle_trials import paths
from sle_trials.engine import pipeline
from sle_trials.outputs import generate, package, target

SITE_PATH = Path("_site")
MARKER = ".trials-site"  # in every built site: what may be replaced
_HERE = Path(__file__).parent
ASSETS = ("style.css", "table.js")
INSTALL_HINT = "the site needs the `site` extra: .venv/bin/pip install -e '.[site]' (make test installs it)"


def _missing_libraries() -> list[str]:
    import importlib.util

    return [name for name in ("jinja2", "altair", "vl_convert") if importlib.util.find_spec(name) is None]


def _replace(built: Path, place: Path) -> None:
    """Put the built folder where the site goes: the old site is moved aside first, then removed."""
    if not place.exists():
        os.replace(built, place)
        return
    old = Path(tempfile.mkdtemp(dir=place.parent, prefix=f".{place.name}.old."))
    os.replace(place, old / "site")
    try:
        os.replace(built, place)
    except BaseException:
        os.replace(old / "site", place)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


def run(root: Path, output: str | None, *, fmt: str, use_cache: bool = True) -> int:
    missing = _missing_libraries()
    if missing:
        raise pipeline.UsageError(f"{', '.join(missing)} not installed: {INSTALL_HINT}")
    from sle_trials.outputs.site import render

    path = (Path(output) if output else root / SITE_PATH).absolute()
    target.check_folder(root, path, marker=MARKER, command="trials site")
    shown = pipeline.display(root, path)
    result = generate.checked(root, shown, fmt=fmt, use_cache=use_cache)
    if result is None:
        return 1
    built = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.new."))
    try:
        records = list(generate.full_records(root, result.summaries))
        pages = render.pages(records, paths.load_schema(root), root)
        for name, data in sorted(pages.items()):
            (built / name).parent.mkdir(parents=True, exist_ok=True)
            (built / name).write_bytes(data)
        for asset in ASSETS:
            shutil.copyfile(_HERE / "static" / asset, built / asset)
        (built / MARKER).write_text(
            f"built by `trials site` from {package.NAME}; replaced on the next build\n", encoding="utf-8"
        )
        for folder, _, names in os.walk(built):
            os.chmod(folder, 0o755)
            for name in names:
                os.chmod(os.path.join(folder, name), 0o644)
        _replace(built, path)
    except generate.Changed as exc:
        print(f"trials: {exc}; {shown} not written, run the command again", file=sys.stderr)
        return 1
    finally:
        if built.exists():
            shutil.rmtree(built)
    print(f"{shown} written ({len(result.summaries)} trials): open {shown}/index.html", file=sys.stderr)
    return 0
