"""reading/spacing.py: a record's white space held to its source's as written."""

from __future__ import annotations

import json

import pytest
from sle_trials.reading import layouts, markup, spacing


def _source(text: str, name: str = "seeds/x.txt") -> str:
    return spacing.source_text(layouts.read(name, text.encode("utf-8")))


@pytest.mark.parametrize(
    ("text", "source", "said"),
    [
        ("IM19 CAR-T", "IM19\n  CAR-T", None),  # one space reads as any white space
        ("IM19  CAR-T", "x IM19  CAR-T y", None),  # the source's own double space
        ("IM19  CAR-T", "IM19   CAR-T", "a double space after 'IM19'"),
        ("Summary.\n\nNext", "Summary.  \n\nNext", None),  # a line's trailing spaces, which an import trims
        ("Summary.\nNext", "Summary.\n\nNext", "a line break after 'Summary.'"),
        ("a b  c d\ne", "a b  c d e", "a line break after 'd'"),  # the first spacing no source writes
        ("ＩＭ19  CAR-T", "IM19  CAR-T", None),  # characters are Sources.miswritten's to hold
    ],
)
def test_misspaced(text: str, source: str, said: str | None) -> None:
    assert spacing.misspaced(text, [_source(source)]) == said


def test_a_json_source_s_values_do_not_run_into_each_other() -> None:
    """Two values of a study, the one ending where the next begins: no line break of a record's text
    spans them, as no text of the record is both."""
    study = json.dumps({"a": {"briefTitle": "CAR-T for SLE"}, "b": {"acronym": "IM19"}})
    assert spacing.misspaced("CAR-T for SLE\nIM19", [_source(study, "seeds/x.json")]) == "a line break after 'SLE'"
    study = json.dumps({"a": {"briefSummary": "CAR-T for SLE.\n\nIM19"}})  # its line breaks as JSON escapes
    assert spacing.misspaced("CAR-T for SLE.\n\nIM19", [_source(study, "seeds/x.json")]) is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (" a", "a leading space"),
        ("a\n", "a trailing line break"),
        ("a  ", "a trailing double space"),
        ("a\n\nb\n", None),
    ],
)
def test_loose_end(text: str, said: str | None) -> None:
    assert spacing.loose_end(text) == said


@pytest.mark.parametrize(
    "text",
    ["IM19  CAR\\-T", "ＣＤ１９\u00a0CAR-T\r\nline\u2028two", "soft\u00adhyphen \u0456М19\tx", "10\\^6  a\x0bb"],
)
def test_spaced_is_normalise_but_for_its_white_space(text: str) -> None:
    """spaced() is layouts.shown keeping the white space, no steps of its own: its words are
    normalise()'s, its line breaks each "\\n"."""
    from sle_trials.reading.layouts import normalise

    spaced = spacing.spaced(text)
    assert " ".join(spaced.split()) == normalise(text)
    assert "\r" not in spaced and "\u2028" not in spaced and "\x0b" not in spaced


def test_a_source_is_spaced_once_for_all_the_records_citing_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document's spaced text is made once and held on it (SourceDoc.spaced), as its reading as
    written is: held by each record's Sources, it was made again for every record citing the page."""
    from sle_trials.checks import documents
    from sle_trials.reading import layouts

    made: list[str] = []
    source_text = spacing.source_text

    def counted(doc: layouts.SourceDoc) -> str:
        made.append(doc.file)
        return source_text(doc)

    monkeypatch.setattr(spacing, "source_text", counted)
    doc = layouts.read("seeds/page.txt", b"IM19  CAR-T in SLE\n")
    assert documents.Sources._spaced(doc) == documents.Sources._spaced(doc) == "IM19  CAR-T in SLE\n"
    assert made == ["seeds/page.txt"]


@pytest.mark.parametrize(
    ("name", "raw", "form"),
    [
        ("seeds/page.html", b"<p>IM19  <b>CAR-T</b></p>", layouts.HTML),
        ("seeds/study.json", json.dumps({"a": {"b": "IM19  CAR-T"}}).encode(), layouts.JSON),
        ("seeds/page.txt", b"IM19  CAR-T <b>in</b> SLE\n", layouts.TEXT),
    ],
)
def test_a_source_is_spaced_as_it_was_read(monkeypatch: pytest.MonkeyPatch, name: str, raw: bytes, form: str) -> None:
    """Its spacing is read as the document was (SourceDoc.form), not decided again from its bytes:
    decided twice, a page read as text could be spaced as HTML, and a record's spacing held to a
    text no reading of the source gives."""
    doc = layouts.read(name, raw)
    assert doc.form == form
    expected = spacing.source_text(doc)
    monkeypatch.setattr(markup, "is_html", lambda file, text: form != layouts.HTML)
    monkeypatch.setattr(layouts, "_JSON_START", __import__("re").compile("(?!)"))
    assert spacing.source_text(doc) == expected
    assert ("<b>" in expected) == (form == layouts.TEXT)


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("seeds/page.txt", "IM19  CAR-T in SLE\n".encode("utf-16")),  # opened by its reader as UTF-16
        ("seeds/page.html", b"<link rel=stylesheet href=x.css><p>IM19  CAR-T in SLE</p>"),  # a style it lacks
    ],
)
def test_a_source_none_of_whose_text_is_read_has_no_spacing(name: str, raw: bytes) -> None:
    """A document whose text is not read (SourceDoc.unread) lends no spacing: its bytes decoded
    otherwise were a text no reading of the source gives."""
    doc = layouts.read(name, raw)
    assert doc.unread is not None
    assert spacing.source_text(doc) == ""
