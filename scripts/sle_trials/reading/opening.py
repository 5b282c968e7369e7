"""Opening: whether a source's reader opens it as the text the checks read.

The checks read a source as UTF-8 text: a web page as the text a browser shows (markup.py), a JSON
document as JSON, anything else as plain text. Its reader opens the same bytes by their name and
their own marks, and a pull request chooses both:

- A byte-order mark decides a browser's and an editor's decoding before anything else. A source
  written in UTF-16 with its mark was read as UTF-8 with its NULs left out (invisible.py): "〶"
  (U+3036, the bytes "60" in UTF-16LE) showed its reader one ideograph and stated an enrollment of
  60 to the check. Bytes that are not UTF-8 (a mark of UTF-16 or UTF-32, a page in Latin-1) read
  as something else to every reader who opens them.
- A page that declares its encoding (`<meta charset=windows-1252>`, an XML declaration) is decoded
  so by a browser: a UTF-8 zero-width space, which the check leaves out of "6<ZWSP>0", shows
  "6â€‹0" there, no 60.
- A NUL byte makes a file binary to git (`git diff`, `git show`) and to GitHub, which show no word
  of it: a pull request's "Enrollment: 6<NUL>0", which the check read as 60 (its NUL left out,
  invisible.py), was a source no reviewer could read. A UTF-16 text without its mark is one too
  (ASCII's letters each followed by a NUL, valid UTF-8).
- A name says what opens it. GitHub renders Markdown (`page.md`: an HTML comment, a link's address,
  a link definition `[//]: # (...)` are not shown), a browser a web archive (`.mhtml`: a page's
  comments and hidden elements, as plain text words), a viewer a PDF (its text objects, unused or
  drawn off the page, as plain text words), an XML reader an `.xhtm` page or a style sheet's
  transformation of an `.xml` document. Each, read as plain text, vouched for a value its reader
  is never shown. The other way round, GitHub, an editor and a browser opening a `.txt` or `.json`
  file show a page saved under such a name (or none) as the markup it is: read as the page a browser
  shows, "Last Updated: &#50;025-08-17" in `page.txt` vouched for a stub's as-of date 2025-08-17,
  which its reader is shown as `&#50;025`. Such a source is read as neither.

So a source is read only as UTF-8 (a UTF-8 byte-order mark is one) with no NUL, by a name its reader opens as
what the checks read (TEXT_NAMES, JSON_NAMES, and a page's, markup.NAMES), and a page only where
its declared encoding reads its bytes as UTF-8 does. Any other source is read as no text, and a
record citing it is told why and what to do (unopened, E531): save its text as a .txt source, as
UTF-8.
"""

from __future__ import annotations

import codecs
import html
import re
from xml.parsers import expat

from sle_trials.patterns import lazy
from sle_trials.reading import markup

# The names read as plain text (a name with no suffix is one: a browser sniffs it, below) and as JSON.
TEXT_NAMES = ("", ".txt", ".text")
JSON_NAMES = (".json",)
# WHATWG MIME sniffing, for a name with no suffix: a document starting so is no text to a browser.
_SNIFFED = (b"%PDF-", b"%!PS-Adobe-", b"GIF87a", b"GIF89a", b"<?xml")
# WHATWG's labels of UTF-8 (Encoding Standard), besides those Python's codecs know as UTF-8.
_UTF8_LABELS = frozenset(("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"))
# WHATWG's labels of its replacement encoding: a browser shows such a page as one U+FFFD, none of its
# words (Python's codecs read ASCII as ASCII in most of them).
_NOTHING_LABELS = frozenset(
    ("csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement")
)
# An encoding a page declares: a charset (a <meta> tag's own attribute, or http-equiv's content), or
# an XML declaration's encoding. A charset is looked for anywhere in the page (in a comment, a
# script, the words): one found where a browser does not read it can only refuse more, and a search
# for a <meta> tag's end costs the square of a page of unclosed tags.
_DECLARED = lazy(rb"charset\s*=\s*[\"']?\s*([^\s\"'>;/]{0,64})", re.IGNORECASE)
_XML_DECLARED = lazy(rb"(?:\xef\xbb\xbf)?<\?xml\b[^>]{0,200}?encoding\s*=\s*[\"']?\s*([^\s\"'>?]{0,64})")


def suffix(file: str) -> str:
    """The name's suffix in lower case, with its dot ("" for none)."""
    name = file.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def unopened(file: str, raw: bytes) -> str | None:
    """Why the source's reader opens it otherwise than as the text the checks read it as, and what to
    do; None when it does not."""
    save = "save its text as UTF-8, as a .txt source, and cite that"
    kind = suffix(file)
    if kind not in TEXT_NAMES + JSON_NAMES + markup.NAMES:
        return f"a reader opens a {kind} file as other than the text the check reads (rendered, or not text); {save}"
    if kind == "" and raw.startswith(_SNIFFED):
        return f"a browser opens it by its first bytes ({raw[:12]!r}) as other than text; {save}"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"it is not UTF-8 text (byte {exc.start}), and its reader decodes its bytes otherwise; {save}"
    nul = raw.find(b"\x00")
    if nul >= 0:
        return f"it holds a NUL byte (byte {nul}), so git and GitHub show it as a binary file, none of its text; {save}"
    if kind in TEXT_NAMES + JSON_NAMES and markup.is_html(file, text):
        shown = f"a browser opening a {kind} file" if kind else "an editor"
        return (
            f"it starts as a web page under a name of text, as which GitHub and {shown} show it, its markup "
            "and character references as written (`&#54;&#48;` is no 60 there), where the check would read the page "
            "a browser shows; save the page as .html, or the text a browser shows of it as a .txt source"
        )
    if kind in markup.NAMES or markup.is_html(file, text):
        labels = _labels(raw)
        if len(labels) > MAX_LABELS:
            # each is looked up and decoded (an unknown one costs Python's codecs an import's search):
            # two million of them held a check for minutes; a page declares one
            return f"it declares {len(labels):,} encodings, more than its reader could be told which is read; {save}"
        declared = _otherwise(raw, text, labels)
        if declared is not None:
            return f"it declares its encoding {declared}, which reads its bytes otherwise than UTF-8; {save}"
    if kind in XML_NAMES and markup.DECLARES_ENTITIES.search(text) is None:  # (one that does is not read)
        error = _ill_formed(raw)
        if error is not None:
            return (
                f"a browser opens it as XML, and it is not well-formed ({error}): it shows its reader an error; {save}"
            )
    return None


# The names a browser opens as XML (an XHTML page, an SVG drawing): a document that is not well-formed
# XML shows its reader an error in place of its words (or its words up to the error), where read as
# HTML, "<p>Status: Recruiting<br></p>" in page.xhtml bound RECRUITING. Its entities are HTML's where
# its document type names an external one (XHTML's), and a page declaring its own is not read
# (markup.py).
XML_NAMES = (".xhtml", ".xhtm", ".xht", ".svg")


def _ill_formed(raw: bytes) -> str | None:
    """Why raw is not well-formed XML (expat's message), None when it is. No external entity or
    document type is fetched, and an internal subset is not read (a page declaring one is unread)."""
    parser = expat.ParserCreate()
    try:
        parser.Parse(raw, True)
    except expat.ExpatError as exc:
        return str(exc)
    return None


# The distinct encodings a page may declare and be read (a page declares one; a few in its comments or
# scripts are read too)
MAX_LABELS = 64


def _labels(raw: bytes) -> set[str]:
    """The encodings a page declares, as labels in lower case, those naming UTF-8 left out."""
    xml = _XML_DECLARED.match(raw)
    written = {m.group(1) for m in _DECLARED.finditer(raw)} | ({xml.group(1)} if xml else set())
    return {html.unescape(label.decode("ascii", "replace")).strip().lower() for label in written} - _UTF8_LABELS


def _otherwise(raw: bytes, text: str, labels: set[str]) -> str | None:
    """The encoding a page declares, shown, where it reads the page's bytes otherwise than UTF-8 does
    (a byte-order mark of UTF-8 decides a browser's decoding before any declaration). Bytes beyond
    ASCII read otherwise in every encoding but UTF-8; ASCII alike in most, so the page's part that
    is read (markup.MAX_PAGE) is decoded once an encoding declared: a page declaring thousands costs
    a few hundred decodings (Python's codecs), not one a declaration."""
    if raw.startswith(codecs.BOM_UTF8):
        return None
    ascii = raw.isascii()
    # a label no browser knows is read by its default, which reads ASCII as ASCII but for an escape
    # sequence: looked for once, not once a label (two million labels scanned a 32 MiB page each)
    unknown_reads_alike = b"\x1b" not in raw
    decoded: set[str] = set()
    for label in sorted(labels):
        try:
            codec = codecs.lookup(label).name
        except LookupError:
            codec = None
        if codec in ("utf-8", "utf-8-sig") and label not in _NOTHING_LABELS or codec in decoded:
            continue
        if label in _NOTHING_LABELS or not ascii:
            return repr(label)[:60]
        if codec is None:
            same = unknown_reads_alike
        else:
            decoded.add(codec)
            try:
                same = raw[: markup.MAX_PAGE].decode(codec) == text[: markup.MAX_PAGE]
            except (UnicodeDecodeError, ValueError):
                same = False
        if not same:
            return repr(label)[:60]
    return None
