"""The site as a browser renders it: headless Chromium (Debian's `chromium`) runs the pages' script
and dumps the resulting DOM (--dump-dom), with no network (the pages fetch nothing).

Fails when the index's table or chart is missing or empty, when the script did not make the table
sortable and filterable, when the table does not fit a laptop's window (1300 px: every column in
view, none scrolled out of sight), when a narrower window's scrolled table hides the trial's id, or
when a trial page's evidence links do not land on marks. The index is measured in frames of those
widths inside a page of the test's (LAYOUT), which copies what the browser laid out into its own
DOM: one chromium start reads both the index's DOM and its layout. Where chromium
is not installed the test is skipped, except in CI (CI=true): there it fails, so a runner without
the browser cannot pass unseen (.ci/run installs it).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import Trials


def browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed; CI must have it (.ci/run installs it: apt-get install -y chromium)")
    pytest.skip("chromium is not installed (apt-get install -y chromium); CI runs this test")


def dump_dom(chromium: str, page: Path, profile: Path, *options: str) -> str:
    done = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            f"--user-data-dir={profile}",
            *options,
            "--virtual-time-budget=5000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def chromium() -> str:
    return browser()


# The index in a frame of each width; once all are laid out (their scripts ran), the page writes what
# a reader sees of the table into #layout (per width: the table's overflow, each heading's right edge
# and the region's, and the trial id's left edge with the region scrolled to its end) and the first
# frame's DOM into #dom. Reading a frame's document from a file:// page needs
# --allow-file-access-from-files.
LAYOUT = """<!DOCTYPE html>
<html><body style="margin:0"><pre id="layout"></pre><pre id="dom"></pre>
<script>
var widths = [1300, 1024], loaded = 0, frames = widths.map(function (width) {
  var frame = document.createElement("iframe");
  frame.style.cssText = "border:0;height:800px;width:" + width + "px";
  frame.onload = function () { if (++loaded === widths.length) measure(); };
  frame.src = "site/index.html";
  document.body.appendChild(frame);
  return frame;
});
function measure() {
  var out = {};
  frames.forEach(function (frame, i) {
    var doc = frame.contentDocument, region = doc.querySelector(".table-wrap");
    var box = region.getBoundingClientRect();
    var headings = Array.prototype.map.call(doc.querySelectorAll("#trials thead th"), function (th) {
      return [th.dataset.column, th.getBoundingClientRect().right];
    });
    region.scrollLeft = region.scrollWidth;
    out[widths[i]] = {
      overflow: region.scrollWidth - region.clientWidth, right: box.right, headings: headings,
      id_left: doc.querySelector("#trials tbody th").getBoundingClientRect().left - box.left
    };
  });
  document.getElementById("dom").textContent = frames[0].contentDocument.documentElement.outerHTML;
  document.getElementById("layout").textContent = JSON.stringify(out);
}
</script></body></html>
"""


def test_the_index_shows_the_table_and_the_chart(chromium: str, trials: Trials, registry: Path, tmp_path: Path) -> None:
    assert trials("site", "--output", tmp_path / "site").status == 0
    (tmp_path / "layout.html").write_text(LAYOUT, encoding="utf-8")
    options = ("--allow-file-access-from-files", "--window-size=1400,900")
    shown = dump_dom(chromium, tmp_path / "layout.html", tmp_path / "profile", *options)
    found = re.search(r'<pre id="layout">(.*?)</pre><pre id="dom">(.*?)</pre>', shown, re.DOTALL)
    assert found and found.group(1), "the index was not laid out"
    layout, dom = json.loads(html.unescape(found.group(1))), html.unescape(found.group(2))
    laptop = layout["1300"]
    assert laptop["overflow"] <= 0, f"the table scrolls sideways at 1300 px: {laptop}"
    hidden = [name for name, right in laptop["headings"] if right > laptop["right"] + 0.5]
    assert not hidden and len(laptop["headings"]) == 12, f"columns out of view at 1300 px: {hidden}"
    narrow = layout["1024"]  # too narrow for every column: the table scrolls, the trial's id stays in view
    assert narrow["overflow"] > 0 and abs(narrow["id_left"]) < 1, narrow
    table = re.search(r'<table id="trials".*?</table>', dom, re.DOTALL)
    assert table, "the table is missing"
    rows = re.findall(r"<tr[ >]", table.group(0).split("<tbody>", 1)[1])
    assert len(rows) == len(list((registry / "trials").glob("NCT*.yaml"))), "the table is empty or incomplete"
    assert table.group(0).count("<button") >= 10  # the script made each column heading a sort button
    svg = re.search(r'<figure class="chart">\s*<svg role="img".*?</svg>', dom, re.DOTALL)
    assert svg, "the chart is missing"
    assert len(re.findall(r"<path|<rect", svg.group(0))) > 10 and "NCT06513429" in svg.group(0), "the chart is empty"
    assert re.search(r'<form id="filters" class="filters" aria-controls="trials">', dom)  # shown: no longer hidden
    assert "Showing 7 of 7 trials." in dom


def test_a_trial_page_marks_the_source_words(chromium: str, trials: Trials, tmp_path: Path) -> None:
    assert trials("site", "--output", tmp_path / "site").status == 0
    dom = dump_dom(chromium, tmp_path / "site" / "trials" / "NCT06513429.html", tmp_path / "profile")
    assert re.search(r'<table class="values">.*<tbody>\s*<tr', dom, re.DOTALL), "the values table is missing or empty"
    marks = set(re.findall(r'<mark class="(?:quote|verbatim)" id="(q[0-9]+)"', dom))
    links = set(re.findall(r'href="#(q[0-9]+)"', dom))
    assert len(links) > 50 and links <= marks
