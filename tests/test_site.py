"""`trials site`: the static site built from the records (the browser's view: test_site_browser.py).

On a throw-away copy of the registry: every trial has a row and a page; every evidence link of a
page lands on a mark whose words are the quote's; the marks map back to the source's text as the
checks normalise it; two builds are byte-identical; a hostile record's text is escaped; invalid
data, or an output folder the command did not build, writes nothing.
"""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, Trials
from markupsafe import escape
from sle_trials import fields, paths
from sle_trials.checks import load
from sle_trials.outputs.site import (
    highlight,  # needs the site extra, which make test installs
    labels,
    render,
)
from sle_trials.reading import layouts


class Page(HTMLParser):
    """What a test needs of a page: ids, links, script sources, and each mark's text by id."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.marks: dict[str, str] = {}
        self.tags: list[str] = []
        self.attributes: set[str] = set()
        self._open: list[tuple[str, str | None]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        self.attributes.update(name for name, _ in attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")
        if tag == "script":
            self.scripts.append(found)
        if tag == "mark":
            self._open.append(("mark", found.get("id")))
            if found.get("id"):
                self.marks[found["id"] or ""] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for _, mark_id in self._open:
            if mark_id:
                self.marks[mark_id] += data


def build(trials: Trials, target: Path) -> Path:
    result = trials("site", "--output", target)
    assert result.status == 0, result.out + result.err
    return target


def test_every_trial_has_a_row_and_a_page(trials: Trials, registry: Path, tmp_path: Path) -> None:
    site = build(trials, tmp_path / "site")
    ids = sorted(p.stem for p in (registry / "trials").glob("NCT*.yaml"))
    index = (site / "index.html").read_text(encoding="utf-8")
    page = Page(index)
    assert [link for link in page.links if link.startswith("trials/")] == [f"trials/{i}.html" for i in ids]
    assert sorted(p.stem for p in (site / "trials").glob("*.html")) == ids
    assert index.count('<th scope="row"') == len(ids) and "<caption" in index
    assert (
        '<svg role="img" aria-labelledby="chart-title chart-desc"' in index
        and '<desc id="chart-desc">7 trials.' in index
    )
    assert [s.get("src") for s in page.scripts] == ["table.js"]  # nothing from elsewhere
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", index)
    for name in ("style.css", "table.js"):
        assert (site / name).is_file()


def test_each_value_links_to_the_marked_words_of_its_source(trials: Trials, tmp_path: Path) -> None:
    site = build(trials, tmp_path / "site")
    text = (site / "trials" / "NCT06513429.html").read_text(encoding="utf-8")
    page = Page(text)
    targets = [link[1:] for link in page.links if link.startswith("#q")]
    assert len(set(targets)) > 50 and set(targets) <= set(page.marks)
    assert "not found in the text shown" not in text
    assert page.marks[targets[0]] == "NCT ID: NCT06513429"
    # the evidence of the enrollment is the mark of "6 participants", inside the Basic Information block
    enrollment = re.search(
        r'<code class="path">enrollment\.count</code></th>\s*<td>6</td>\s*<td>\s*<a class="quote" href="#(q[0-9]+)"',
        text,
    )
    assert enrollment and page.marks[enrollment.group(1)] == "6 participants"
    # a quote of a scraped page's markdown escapes is marked on the text as received
    dose = re.search(
        r'<code class="path">arms\.0\.cohorts\.0\.dose\.value</code></th>\s*<td>1000000</td>\s*'
        r'<td>\s*<a class="quote" href="#(q[0-9]+)"',
        text,
    )
    assert dose and layouts.normalise(page.marks[dose.group(1)]) == "1×10^6/kg CAR-T cells for patients 1 to 3"
    stub = (site / "trials" / "NCT03030976.html").read_text(encoding="utf-8")
    assert "A stub" in stub and "Not yet curated" in stub and '<code class="path">overall_status</code>' in stub


class Lists(HTMLParser):
    """Each criterion of a page (by its text's path, the item's title) with the criterion it is nested
    under, its number and whether its words link to a mark."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parent: dict[str, str | None] = {}
        self.number: dict[str, str] = {}
        self.linked: set[str] = set()
        self._open: list[str] = []
        self._in_number = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "li" and "criterion" in (found.get("class") or "").split():
            path = found.get("title") or ""
            self.parent[path] = self._open[-1] if self._open else None
            self._open.append(path)
        elif tag == "span" and found.get("class") == "number" and self._open:
            self._in_number = True
        elif tag == "a" and self._open and (found.get("href") or "").startswith("#q"):
            self.linked.add(self._open[-1])

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._open:
            self._open.pop()
        self._in_number = self._in_number and tag != "span"

    def handle_data(self, data: str) -> None:
        if self._in_number:
            self.number[self._open[-1]] = data


def test_a_trial_page_names_fields_in_words_and_lists_criteria_nested(registry: Path) -> None:
    record, problems = load.load(registry / RELMA_PATH, RELMA_PATH)
    assert record is not None, problems
    text = render.pages([record], paths.load_schema(registry), registry)[render.trial_file("NCT05765006")].decode()
    # a field by its words, the path a curator writes in small type beside them
    assert '<tr class="section"><th scope="colgroup" colspan="3">Eligibility</th></tr>' in text
    assert re.search(r'<th scope="row" title="[^"]+">Lupus nephritis › Scope <code class="path">', text)
    # a code with what the schema says it means
    assert '<td>SEVERE_EXCLUDED <span class="meaning">— an exclusion criterion excludes only severe' in text
    # the criteria as the source lists them: numbered, each nested item under its own
    lists = Lists(text)
    top = "eligibility.inclusion_criteria.3.text"
    middle = "eligibility.inclusion_criteria.3.sub_criteria.1.text"
    inner = "eligibility.inclusion_criteria.3.sub_criteria.1.sub_criteria.0.text"
    assert (lists.parent[inner], lists.parent[middle], lists.parent[top]) == (middle, top, None)
    assert lists.number[inner] == "1."
    assert len(lists.parent) == 17 and set(lists.parent) == lists.linked  # each word for word in its source
    assert "criteria.0.number" not in text and "kind-numbered" not in text  # no row per criterion's number


def test_every_code_is_shown_with_what_it_means(registry: Path) -> None:
    """The pages showed clinicians bare codes (RECRUITING, PHASE1, AUTOLOGOUS, REGISTRY_JSON): each code
    a record holds is shown with the schema's words for it (x-meanings), in text on its trial page; the
    index gives them as each code's tooltip, in its filter's options and in the legend under the table."""
    schema = paths.load_schema(registry)
    records = []
    for file in sorted((registry / "trials").glob("*.yaml")):
        record, problems = load.load(file, f"trials/{file.name}")
        assert record is not None, problems
        records.append(record)
    pages = {name: data.decode() for name, data in render.pages(records, schema, registry).items()}
    index = pages["index.html"]
    shown = 0
    for record in records:
        page = pages[render.trial_file(record.data["nct_id"])]
        for path, value, node in fields.leaves(record.data, schema):
            if "enum" not in node or path[0] == "evidence":
                continue
            words = escape(fields.meanings(node)[value])
            assert f'{escape(value)} <span class="meaning">— {words}</span>' in page, (path, value)
            shown += 1
        for column, code in (("overall_status", record.data.get("overall_status")), ("phases", None)):
            for each in [code] if code else record.data.get(column, []):
                words = escape(labels.meaning((column, 0) if column == "phases" else (column,), each, schema))
                assert f'<abbr title="{words}">{render.breakable(each)}</abbr>' in index, each
                assert f"<dt><code>{each}</code></dt><dd>{words}</dd>" in index, each
                assert f'<option value="{each}">{each} — {words}</option>' in index, each
    assert shown > 50
    assert 'href="#codes">What the codes mean</a>' in index and '<h2 id="codes">What the codes mean</h2>' in index


@pytest.mark.parametrize(
    ("path", "section", "label"),
    [
        (("arms", 0, "cohorts", 1, "dose", "value"), "Arms", "Arms 1 › Cohorts 2 › Dose › Value"),
        (("eligibility", "lupus_nephritis", "scope"), "Eligibility", "Lupus nephritis › Scope"),
        (("nct_id",), "NCT ID", "NCT ID"),
    ],
)
def test_a_field_label_is_its_path_in_words(registry: Path, path: tuple, section: str, label: str) -> None:
    found = labels.of(path, paths.load_schema(registry))
    assert (found.section, found.text) == (section, label) and found.description


def test_two_builds_are_byte_identical(trials: Trials, tmp_path: Path) -> None:
    def digest(folder: Path) -> dict[str, str]:
        return {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    first = digest(build(trials, tmp_path / "a"))
    assert first == digest(build(trials, tmp_path / "b"))
    assert first == digest(build(trials, tmp_path / "a"))  # a rebuild replaces the old site whole


HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def test_a_hostile_record_is_escaped_everywhere(trials: Trials, registry: Path, tmp_path: Path) -> None:
    for old in [*(registry / "trials").glob("*.yaml"), *(registry / "seeds").glob("*.txt")]:
        old.unlink()  # a registry of the hostile record alone
    source = (
        f"Trial NCT09999999: {HOSTILE}\nLast Updated: 2025-01-01\nStatus: RECRUITING </pre><script>alert(2)</script>\n"
    )
    (registry / "seeds" / "900_hostile.txt").write_text(source, encoding="utf-8")
    (registry / "seeds" / "SHA256SUMS").write_text(
        f"{hashlib.sha256(source.encode()).hexdigest()}  900_hostile.txt\n", encoding="utf-8"
    )
    (registry / "trials" / "NCT09999999.yaml").write_text(
        f"""\
nct_id: NCT09999999
brief_title: '{HOSTILE}'
curation:
  status: draft
  out_of_scope: '{HOSTILE}'
  sources:
    - file: seeds/900_hostile.txt
      kind: OTHER
      as_of: "2025-01-01"
overall_status: RECRUITING
evidence:
  curation.sources.0.as_of: "Last Updated: 2025-01-01"
  overall_status: 'Status: RECRUITING </pre><script>alert(2)</script>'
""",
        encoding="utf-8",
    )
    site = build(trials, tmp_path / "site")
    for name in ("index.html", "trials/NCT09999999.html"):
        text = (site / name).read_text(encoding="utf-8")
        page = Page(text)
        assert "img" not in page.tags and "onerror" not in page.attributes and "<script>alert" not in text
        assert [s.get("src") for s in page.scripts] == (["table.js"] if name == "index.html" else [])
        assert "&lt;script&gt;alert" in text
    trial = (site / "trials" / "NCT09999999.html").read_text(encoding="utf-8")
    assert trial.count("<pre") == 1 and trial.count("</pre>") == 1  # the source's "</pre>" is text, not a tag


def test_invalid_data_and_a_foreign_folder_write_nothing(trials: Trials, registry: Path, tmp_path: Path) -> None:
    record = registry / IM19_PATH
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("  minimum_age:\n    value: 18", "  minimum_age:\n    value: 70"), encoding="utf-8")
    result = trials.json("site", "--output", tmp_path / "site")
    assert result.status == 1 and result.codes() == {"E104"} and "not written" in result.err
    assert not (tmp_path / "site").exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    record.write_text(good, encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.txt").write_text("keep me", encoding="utf-8")
    refused = trials("site", "--output", mine)
    assert refused.status == 2 and "did not build" in refused.err
    assert [p.name for p in mine.iterdir()] == ["thesis.txt"]
    assert trials("site", "--output", tmp_path / "no" / "site").status == 2


def test_without_the_site_extra_the_command_says_how_to_install_it(trials: Trials, tmp_path: Path, monkeypatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "altair" else real(name, *a))
    result = trials("site", "--output", tmp_path / "site")
    assert result.status == 2 and "altair not installed" in result.err and "pip install -e '.[site]'" in result.err
    assert not (tmp_path / "site").exists()


# --- the marks, mapped back to the source's text ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "plain words",
        "  runs \t of\n\n white   space  ",
        "escaped 2\\) and 10\\^6 and \\\\ kept",
        "ﬁve m² ①",
        "e\u0301 composed",
        "tab\tand\r\nCRLF",
        "",
        "   ",
        "×10^6/kg",
        "Enrollment: \u202e06\u202c participants, \u2067nested \u202aof\u202c\u2069 and \u202bopen\nafter",
    ],
)
def test_normalise_maps_back_as_the_checks_normalise(text: str) -> None:
    norm = highlight.normalise(text)
    assert norm.text == layouts.normalise(text)
    for i in range(len(norm.text)):
        start, end = norm.span(i, i + 1)
        assert norm.text[i] == " " or norm.text[i] in layouts.normalise(text[start:end])  # each character from its own


def test_the_seeds_normalise_as_the_checks_read_them(registry: Path) -> None:
    for seed in sorted((registry / "seeds").glob("*.txt")):
        shown = highlight.shown_text(seed.name, seed.read_bytes())
        assert highlight.normalise(shown).text == layouts.normalise(shown), seed.name


def test_crossing_marks_nest_and_keep_their_ids() -> None:
    text = "abcdefghij"
    marks = [
        highlight.Mark(0, 6, "q1", "quote"),
        highlight.Mark(3, 9, "q2", "quote"),
        highlight.Mark(0, 3, "q3", "verbatim"),
    ]
    html = str(highlight.render(text, marks))
    assert html == (
        '<mark class="quote" id="q1"><mark class="verbatim" id="q3">abc</mark>'
        '<mark class="quote" id="q2">def</mark></mark><mark class="quote">ghi</mark>j'
    )
    assert (
        str(highlight.render("<b>&", [highlight.Mark(0, 3, "q1", "quote", 'a "label"')]))
        == '<mark class="quote" id="q1" title="a &#34;label&#34;">&lt;b&gt;</mark>&amp;'
    )


def test_an_index_code_may_break_after_its_underscores() -> None:
    # SEVERE_EXCLUDED unbroken set its column's width to its whole length (the index must fit 1300 px)
    assert str(render.breakable("SEVERE_EXCLUDED <b>")) == "SEVERE_<wbr>EXCLUDED &lt;b&gt;"
    # and never inside a date: a narrow column broke 2024-07-30 at its hyphens
    assert str(render.breakable("2024-07-30 (estimated)")) == '<span class="date">2024-07-30</span> (estimated)'
    assert str(render.breakable("NCT1234-5678, 2024-07")) == 'NCT1234-5678, <span class="date">2024-07</span>'
