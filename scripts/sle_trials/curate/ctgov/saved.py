"""What a curator may save of a study that is not a study as the API v2 gives it, each known by how
its bytes or text begin, and what to say of it: the file compressed, archived or in UTF-16; the retired
classic API's XML, the website's CSV or TSV download or web page, JSON Lines, an answer saved with its
HTTP headers; and a page of a search that is not the whole of it. Read as a study, each was refused
with the JSON decoder's words (or imported in part) without saying what the file is or what to do.
"""

from __future__ import annotations

import re

from sle_trials import command
from sle_trials.patterns import lazy
from sle_trials.reading import layouts

V2_STUDY_URL = "https://clinicaltrials.gov/api/v2/studies/"  # where a study is, in the format read here


# What a saved study is when it is not UTF-8, by its first bytes: a download compressed or archived, or
# the API's answer saved by Windows PowerShell (`... > study.json` writes UTF-16). Each was refused as
# "not UTF-8 text (byte 0x8B at offset 1)", which says neither what the file is nor what to do.
_PACKED = (
    (b"\x1f\x8b", "a gzip-compressed file, not the JSON it holds: decompress it (gunzip) and import the JSON"),
    (b"PK\x03\x04", "a ZIP archive, not the JSON it holds: unzip it and import the JSON file it holds"),
    (b"\xff\xfe", "UTF-16 text (as Windows PowerShell's `>` saves the API's answer): save it as UTF-8 and import that"),
    (b"\xfe\xff", "UTF-16 text: save it as UTF-8 and import that"),
)


def packed(raw: bytes) -> str | None:
    """What a file that is not UTF-8 is, by its first bytes, and what to do; None for another."""
    return next((what for sign, what in _PACKED if raw.startswith(sign)), None)


# What curators save of a study that is not the API v2's JSON, each known by how its text begins: the
# retired classic API's XML record, a saved web page, the website's CSV or TSV download (a header row
# naming "NCT Number" among its first columns; the old site's began with "Rank"). Read as JSON they
# failed at 1:1 with "Expecting value", which says neither what the file is nor what to do.
_CLASSIC_XML = lazy(r"<clinical_study[\s>]")
_CLASSIC_NCT = lazy(r"<nct_id>\s*(NCT[0-9]{8})\s*</nct_id>")
_WEB_PAGE = lazy(r"<!doctype html|<html[\s>]", re.IGNORECASE)
_TABLE_HEADER = lazy(r'(?:"?Rank"?[,\t])?"?NCT Number"?[,\t\r\n]')
_ANY_NCT = lazy(r"\bNCT[0-9]{8}\b")
_STUDY_NCT = lazy(r'"nctId"\s*:\s*"(NCT[0-9]{8})"')  # a study's own id in JSON text, not one it cites
# the API's answer saved with its HTTP status line and headers before the JSON (curl -i, a proxy's log)
_HTTP_HEAD = lazy(r"HTTP/[0-9.]+ [0-9]{3}\b")
_RIS = lazy(r"TY {2}- ")  # a RIS record's first tag, the type of reference


def _format(text: str) -> tuple[str, list[str]] | None:
    """What a file in a format other than JSON that holds ClinicalTrials.gov studies is, in words, and
    the NCT ids it names; None for anything else (a JSON file cut short, a file of another kind)."""
    head = text.lstrip()
    if head.startswith("<") and _CLASSIC_XML.search(head[:2000]):
        return "a study record in the classic XML format (clinical_study), retired in 2024", _CLASSIC_NCT.findall(head)
    if head.startswith("<") and _WEB_PAGE.search(head[:2000]):
        return "a web page (HTML), not the data of a study", _ANY_NCT.findall(head)
    if _TABLE_HEADER.match(head):
        return "a table of studies (the website's CSV or TSV download), some fields of each", _ANY_NCT.findall(head)
    if _HTTP_HEAD.match(head):
        return "the API's answer saved with its HTTP headers before the JSON (as curl -i saves it)", _STUDY_NCT.findall(
            head
        )
    if _RIS.match(head):
        return "a citation of a study in RIS format (the API's format=ris), not its data", _ANY_NCT.findall(head)
    first, _, rest = head.partition("\n")
    if rest.lstrip().startswith("{") and first.startswith("{") and _STUDY_NCT.search(first):
        return "studies written one per line (JSON Lines), not one JSON document", _STUDY_NCT.findall(head)
    return None


# The website's own answer for a study (/api/int/studies/NCT…, what its study page reads): the study under
# "study", its texts in HTML ("<p>", "<ul><li>", "&#x2F;") and a search's terms marked in them ("(<mark
# class="hl-term">CRPC</mark>)" in a title). Read as the API v2's, it was refused as having "no
# protocolSection"; taken out of its "study", imported with the markup in its title and conditions.
_WEBSITE = "the ClinicalTrials.gov website's own answer (/api/int/studies/NCT…)"
# a tag of an HTML block ("<p>", "</li>", '<ul class="x">') or a search's mark ('<mark class="hl-term">'), as the
# website writes every description and criteria text: the API v2 writes its texts in Markdown, which escapes a
# "<" ("\\<38°C"); a title's "a<b and c>d" is no tag, nor is a citation's italics ("<i>Lactobacillus</i>", as
# PubMed writes a name), which leave a study of the API v2's form
_ELEMENT = r"(?:p|ul|ol|li|mark|div|table|tr|td|th|h[1-6])"
_HTML_TAG = lazy(
    rf"(?<!\\)(?:</?{_ELEMENT}\s*/?>|<{_ELEMENT}\s+[a-z-]+=[\"'][^<>]*>)",
    re.IGNORECASE,
)


def other_json(doc: object, name: str) -> str | None:
    """The refusal of a JSON document that holds a study in another format than the API v2's: a FHIR
    ResearchStudy (the API's format=fhir.json) or a Bundle of them, or the website's own answer
    ({"study": {"protocolSection": ...}}); None for anything else."""
    if not isinstance(doc, dict):
        return None
    inner = doc.get("study")
    if isinstance(inner, dict) and isinstance(inner.get("protocolSection"), dict):
        what = f'{_WEBSITE}: the study under "study", its texts in HTML, a search\'s terms marked in them (<mark>)'
        return _said(name, what, _ANY_NCT.findall(_nct_of(inner)))
    entries = doc.get("entry") if doc.get("resourceType") == "Bundle" else [{"resource": doc}]
    resources = [e.get("resource") for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
    found = [r for r in resources if isinstance(r, dict) and r.get("resourceType") == "ResearchStudy"]
    if not found:
        return None
    ids = [i for r in found for i in _ANY_NCT.findall(str(r.get("id", "")))]
    return _said(name, "a FHIR ResearchStudy (the API's format=fhir.json), whose fields differ from the API v2's", ids)


def html_text(study: dict) -> str | None:
    """The refusal of a study of the API v2's form whose texts are HTML (the website's own answer, taken
    out of its "study"): the first text holding a tag, named by its place; None for a study whose texts
    hold none. Its values would be imported with their markup: a title holding "<mark ...>"."""
    found = _tagged(study.get("protocolSection"), "protocolSection")
    if found is None:
        return None
    where, tag = found
    return _said(
        f"{_nct_of(study) or 'the study'}: {where} holds the HTML tag {tag!r}",
        f"texts in HTML, as {_WEBSITE} writes them, not in the API v2's Markdown",
        _ANY_NCT.findall(_nct_of(study)),
    )


def _tagged(node: object, where: str) -> tuple[str, str] | None:
    """(where, tag) of the first text under node holding an HTML tag, in the file's order."""
    if isinstance(node, str):
        m = _HTML_TAG.search(node)
        return (where, m.group()[:40]) if m else None
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        found = _tagged(child, f"{where}[{key}]" if isinstance(key, int) else f"{where}.{key}")
        if found:
            return found
    return None


def _nct_of(study: dict) -> str:
    section = study.get("protocolSection")
    ident = section.get("identificationModule") if isinstance(section, dict) else None
    nct = ident.get("nctId") if isinstance(ident, dict) else None
    return nct if isinstance(nct, str) else ""


def _said(name: str, what: str, ids: list[str]) -> str:
    one = ids[0] if len(set(ids)) == 1 else "NCT…"
    return (
        f"{name}: {what}; this import reads a study as the API v2 gives it, in JSON: "
        f"`{command.run('import', 'ctgov', one)}` fetches it, or save {V2_STUDY_URL}{one} and import that file"
    )


def other_format(text: str, name: str) -> str | None:
    """The refusal of a file _format knows: what it is, and how to get its study's v2 JSON."""
    found = _format(text)
    if found is None:
        return None
    return _said(name, *found)


def page_remark(raw: bytes, name: str) -> str | None:
    """What to say of a page of a search that is not the whole of it (its nextPageToken names a next
    page, or its totalCount is more than it holds): only its studies are imported, and the curator who
    saved the first page of a search for lupus CAR-T trials was told nothing of the others. None for a
    study, or a page that is the whole search. raw is a file read_studies accepted."""
    try:
        doc = layouts.json_loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # (KeyTwice is a ValueError)
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("studies"), list):
        return None
    held, total, token = len(doc["studies"]), doc.get("totalCount"), doc.get("nextPageToken")
    total = total if isinstance(total, int) and not isinstance(total, bool) and total > held else None
    following = isinstance(token, str) and bool(token.strip())
    if total is None and not following:
        return None
    if total is not None:
        holds = f"{held} of the {total} studies its search found"
    else:
        holds = f"{held} {'study' if held == 1 else 'studies'}"
    return (
        f"{name} is one page of a search: it holds {holds}"
        f"{' and names a next page (nextPageToken)' if following else ''}; only these are imported: "
        "fetch the other pages (the same query with &pageToken=…) and import them too"
    )
