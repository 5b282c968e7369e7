"""Pull-request attacks by how a source's reader opens it: its bytes decoded, or its name rendered, otherwise.

A source was decoded as UTF-8 with every byte that is not replaced, and read as plain text under
any name but a web page's. Its reader opens the bytes by their own marks and their name:

- UTF-16 with its byte-order mark: "Enrollment: 〶 participants" (U+3036, the bytes "60" in
  UTF-16LE) shows one ideograph; read as UTF-8 with its NULs left out, it stated an enrollment of 60.
- A page declaring `<meta charset=windows-1252>`: a browser shows the UTF-8 zero-width space of
  "6<ZWSP>0" as "â€‹", no 60; the check left it out and read 60. An ASCII page declaring
  iso-2022-kr is shown as one replacement character by every browser (WHATWG's replacement encoding).
- A name that opens as other than text: GitHub renders `page.md` without its HTML comments and link
  definitions, a browser a `.mhtml` web archive as its page, a viewer a PDF (a name with no suffix
  starting `%PDF-` too); `.xhtm` is XHTML's name as `.xhtml` is. Read as plain text, the words of
  each that its reader is never shown stated an enrollment of 60.

Each is now read as no text, and the record citing it is told why (E531, reading/opening.py).
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source_bytes, enrollment_draft
from sle_trials.reading import opening

TITLE = IM19_TITLE_LINE
HEAD = f"{TITLE}\nLast Updated: 2025-08-17\n"
HIDDEN = "<!-- Enrollment: 60 participants -->"


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><p>{TITLE}</p><p>Last Updated: 2025-08-17</p>{body}</body></html>\n"


def _cite(registry: Path, name: str, raw: bytes) -> None:
    """The IM19 draft citing seeds/NAME (raw, listed in the manifest) for an enrollment of 60."""
    add_source_bytes(registry, f"seeds/{name}", raw)
    enrollment_draft(registry, f"seeds/{name}", 60, "Enrollment: 60 participants")


ATTACKS = {
    "utf-16": ("960_utf16.txt", b"\xff\xfe" + (HEAD + "Enrollment: \u3036 participants\n").encode("utf-16-le")),
    "utf-16-page": (
        "960_utf16.html",
        b"\xff\xfe" + _page("<p>Enrollment: \u3036 participants</p>").encode("utf-16-le"),
    ),
    "windows-1252": (
        "960_declared.html",
        _page("<p>Enrollment: 6\u200b0 participants</p>", "<meta charset=windows-1252>").encode(),
    ),
    "http-equiv": (
        "960_declared.html",
        _page(
            "<p>Enrollment: 6\u200b0 participants</p>",
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
        ).encode(),
    ),
    "replacement": (
        "960_declared.html",
        _page("<p>Enrollment: 60 participants</p>", "<meta charset=iso-2022-kr>").encode(),
    ),
    "markdown": ("960_page.md", f"{HEAD}\nSome words.\n\n{HIDDEN}\n".encode()),
    "markdown-link": ("960_page.md", f"{HEAD}\n[//]: # (Enrollment: 60 participants)\n".encode()),
    "web-archive": (
        "960_page.mhtml",
        (
            'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b"\n\n--b\nContent-Type: text/html\n\n'
            + _page(HIDDEN)
            + "--b--\n"
        ).encode(),
    ),
    "pdf": ("960_paper.pdf", f"%PDF-1.4\n1 0 obj ({HEAD}Enrollment: 60 participants) endobj\n%%EOF\n".encode()),
    "sniffed-pdf": ("960_paper", f"%PDF-1.4\n1 0 obj ({HEAD}Enrollment: 60 participants) endobj\n%%EOF\n".encode()),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_source_its_reader_opens_otherwise_is_read_as_no_text(registry: Path, trials: Trials, attack: str) -> None:
    name, raw = ATTACKS[attack]
    _cite(registry, name, raw)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert f"E531 curation.sources.0.file: seeds/{name} is not read" in result.out, result.out


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("960_plain.txt", (HEAD + "Enrollment: 60 participants\n").encode()),
        ("960_bom.txt", b"\xef\xbb\xbf" + (HEAD + "Enrollment: 60 participants\n").encode()),
        ("960_declared.html", _page("<p>Enrollment: 60 participants</p>", "<meta charset=windows-1252>").encode()),
        ("960_declared.HTM", _page("<p>Enrollment: 6\u200b0 participants</p>", "<meta charset=UTF-8>").encode()),
        ("960_page.xhtm", ('<?xml version="1.0"?>' + _page("<p>Enrollment: 60 participants</p>")).encode()),
    ],
)
def test_a_source_opened_as_it_is_read_binds(registry: Path, trials: Trials, name: str, raw: bytes) -> None:
    """UTF-8 (its byte-order mark too), a page whose declared encoding reads its bytes as UTF-8 does,
    and XHTML's names are read as before."""
    _cite(registry, name, raw)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_an_xhtm_page_is_read_as_a_page(registry: Path, trials: Trials) -> None:
    """`.xhtm` is XHTML's name (mime.types): read as plain text, its comment was its words."""
    _cite(registry, "960_page.xhtm", ('<?xml version="1.0"?>' + _page(HIDDEN)).encode())  # no HTML to sniffing
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1 and "E502" in result.out and "E531" not in result.out, result.out


@pytest.mark.parametrize(
    ("file", "raw", "why"),
    [
        ("seeds/a.txt", b"caf\xe9", "not UTF-8 text (byte 3)"),
        ("seeds/a.TXT", b"\x00\x00\xfe\xff", "not UTF-8 text"),
        ("seeds/a.csv", b"a,b", "a reader opens a .csv file"),
        ("seeds/a.markdown", b"a", "a reader opens a .markdown file"),
        ("seeds/a", b"GIF89a", "by its first bytes"),
        ("seeds/a.html", b'<?xml version="1.0" encoding="iso-8859-1"?><p>caf\xc3\xa9</p>', "'iso-8859-1'"),
        ("seeds/a.html", b"<meta charset=&#119;indows-1252><p>caf\xc3\xa9</p>", "declares its encoding"),
        ("seeds/a.html", b"<meta charset=x-nosuch><p>\x1b$)C</p>", "'x-nosuch'"),
    ],
)
def test_why_a_source_is_not_opened_as_text(file: str, raw: bytes, why: str) -> None:
    said = opening.unopened(file, raw)
    assert said is not None and why in said, said


@pytest.mark.parametrize(
    ("file", "raw"),
    [
        ("seeds/a.txt", "caf\u00e9 <meta charset=windows-1252>".encode()),  # plain text: no page's declaration
        ("seeds/a", b"Trial NCT06513429"),
        ("seeds/a.json", b'{"a": 1}'),
        ("seeds/a.html", b"\xef\xbb\xbf<meta charset=windows-1252><p>caf\xc3\xa9</p>"),  # the mark decides
        ("seeds/a.html", b"<meta charset=x-nosuch><p>cafe</p>"),
        ("seeds/a.html", b'<meta charset="Unicode-1-1-UTF-8"><p>caf\xc3\xa9</p>'),
    ],
)
def test_a_source_opened_as_text(file: str, raw: bytes) -> None:
    assert opening.unopened(file, raw) is None


def test_a_page_declaring_many_encodings_is_refused_before_any_is_looked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each encoding a page declares is looked up (an unknown one costs Python's codecs an import's
    search) and its bytes decoded: a page declaring two million unknown ones held a check for minutes.
    A page of more than opening.MAX_LABELS is refused unread, none looked up; a page of a few unknown
    ones is read as before."""
    looked: list[str] = []
    lookup = opening.codecs.lookup

    def counted(label: str) -> codecs.CodecInfo:
        looked.append(label)
        return lookup(label)

    monkeypatch.setattr(opening.codecs, "lookup", counted)
    many = b"<html>" + b"".join(b"charset=q%x " % i for i in range(5_000)) + b"<p>Enrollment: 60</p>"
    said = opening.unopened("seeds/page.html", many)
    assert said is not None and "declares 5,000 encodings" in said and looked == []
    few = b"<html><meta charset=qq1><meta charset=qq2><p>Enrollment: 60</p>"
    assert opening.unopened("seeds/page.html", few) is None and sorted(looked) == ["qq1", "qq2"]
