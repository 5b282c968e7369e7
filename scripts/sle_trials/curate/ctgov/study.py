"""Reading a saved ClinicalTrials.gov API v2 response: the studies in it, their ids and dates, their text.

A response is one study (`{"protocolSection": ..., "hasResults": ...}`), a page of studies
(`{"studies": [...]}`) or a list of studies. Nothing here knows the registry's record: it reads the
JSON and says what is wrong with it (BadInput), and the helpers below take any node, however
malformed, without failing (a missing or mistyped module reads as empty).
"""

from __future__ import annotations

import json
import re
from typing import Any

from sle_trials import command, dates
from sle_trials.reading import criteria_text, layouts

_NCT = re.compile(r"NCT[0-9]{8}\Z")
V2_STUDY_URL = "https://clinicaltrials.gov/api/v2/studies/"  # where a study is, in the format read here
_PAGE_HINT = (
    'expected a study from the API v2, https://clinicaltrials.gov/api/v2/studies/NCT..., or a page {"studies": [...]}'
)


# What a saved study is when it is not UTF-8, by its first bytes: a download compressed or archived, or
# the API's answer saved by Windows PowerShell (`... > study.json` writes UTF-16). Each was refused as
# "not UTF-8 text (byte 0x8B at offset 1)", which says neither what the file is nor what to do.
_PACKED = (
    (b"\x1f\x8b", "a gzip-compressed file, not the JSON it holds: decompress it (gunzip) and import the JSON"),
    (b"PK\x03\x04", "a ZIP archive, not the JSON it holds: unzip it and import the JSON file it holds"),
    (b"\xff\xfe", "UTF-16 text (as Windows PowerShell's `>` saves the API's answer): save it as UTF-8 and import that"),
    (b"\xfe\xff", "UTF-16 text: save it as UTF-8 and import that"),
)


class BadInput(Exception):
    """A file that is not a ClinicalTrials.gov study: exit 1, nothing written."""


def read_studies(raw: bytes, name: str) -> list[dict]:
    """The studies in a saved API response: one study, a {"studies": [...]} page, or a list; each
    with a protocolSection and an NCT id of its own. BadInput, naming the file, for anything else."""
    studies = _studies(_document(raw, name), name)
    ids = [_nct_id_of(study, f"{name}: study {i + 1}" if len(studies) > 1 else name) for i, study in enumerate(studies)]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise BadInput(f"{name}: the same study twice: {', '.join(twice)}")
    return studies


def _document(raw: bytes, name: str) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        packed = next((what for sign, what in _PACKED if raw.startswith(sign)), None)
        if packed:
            raise BadInput(f"{name}: {packed}") from None
        raise BadInput(
            f"{name}: not UTF-8 text (byte 0x{raw[exc.start]:02X} at offset {exc.start}); expected a JSON file"
        ) from None
    deep = BadInput(f"{name}: JSON nested too deeply (a source is read to {layouts.MAX_JSON_DEPTH} levels)")
    try:
        doc = layouts.json_loads(text)
    except json.JSONDecodeError as exc:
        other = _other_format_said(text, name)
        if other:
            raise BadInput(other) from None
        # the decoder's words end in "at" where it puts the place ("Unterminated string starting at"): here, the
        # place is the file's line and column, given first
        said = exc.msg[: -len(" at")] + " here" if exc.msg.endswith(" at") else exc.msg
        raise BadInput(f"{name}:{exc.lineno}:{exc.colno}: not valid JSON: {said}") from None
    except layouts.KeyTwice as exc:
        raise BadInput(f"{name}: {exc}; which of its values the study states is not said") from None
    except RecursionError:
        raise deep from None
    if layouts.too_deep(doc):  # the import's walks would overflow, and the checks read it as no JSON
        raise deep
    where = layouts.lone_surrogate(doc) if layouts.SURROGATE_ESCAPE.search(text) else None
    if where is not None:  # no UTF-8 file holds one: the record written of it was no YAML (E007), unexplained
        raise BadInput(
            f"{name}: {where[0]} holds the escape {where[1]} alone, half of a UTF-16 surrogate pair: no character "
            "of any text, nor one a record can hold; expected a study as the API v2 gives it"
        )
    return doc


# What curators save of a study that is not the API v2's JSON, each known by how its text begins: the
# retired classic API's XML record, a saved web page, the website's CSV or TSV download (a header row
# naming "NCT Number" among its first columns; the old site's began with "Rank"). Read as JSON they
# failed at 1:1 with "Expecting value", which says neither what the file is nor what to do.
_CLASSIC_XML = re.compile(r"<clinical_study[\s>]")
_CLASSIC_NCT = re.compile(r"<nct_id>\s*(NCT[0-9]{8})\s*</nct_id>")
_WEB_PAGE = re.compile(r"<!doctype html|<html[\s>]", re.IGNORECASE)
_TABLE_HEADER = re.compile(r'(?:"?Rank"?[,\t])?"?NCT Number"?[,\t\r\n]')
_ANY_NCT = re.compile(r"\bNCT[0-9]{8}\b")
_STUDY_NCT = re.compile(r'"nctId"\s*:\s*"(NCT[0-9]{8})"')  # a study's own id in JSON text, not one it cites
# the API's answer saved with its HTTP status line and headers before the JSON (curl -i, a proxy's log)
_HTTP_HEAD = re.compile(r"HTTP/[0-9.]+ [0-9]{3}\b")


def _other_format(text: str) -> tuple[str, list[str]] | None:
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
    first, _, rest = head.partition("\n")
    if rest.lstrip().startswith("{") and first.startswith("{") and _STUDY_NCT.search(first):
        return "studies written one per line (JSON Lines), not one JSON document", _STUDY_NCT.findall(head)
    return None


def _other_format_said(text: str, name: str) -> str | None:
    """The refusal of a file _other_format knows: what it is, and how to get its study's v2 JSON."""
    found = _other_format(text)
    if found is None:
        return None
    what, ids = found
    one = ids[0] if len(set(ids)) == 1 else "NCT…"
    return (
        f"{name}: {what}; this import reads a study as the API v2 gives it, in JSON: "
        f"`{command.run('import', 'ctgov', one)}` fetches it, or save {V2_STUDY_URL}{one} and import that file"
    )


def _classic_ids(doc: Any) -> list[str] | None:
    """The NCT ids in a response of the classic API (retired in 2024: {"FullStudiesResponse": ...},
    a {"Study": {"ProtocolSection": ...}}, or a bare classic study); None for anything else."""
    if isinstance(doc, dict) and isinstance(doc.get("FullStudiesResponse"), dict):
        found = [
            s.get("Study") if isinstance(s, dict) else None for s in doc["FullStudiesResponse"].get("FullStudies") or []
        ]
    elif isinstance(doc, dict) and isinstance(doc.get("Study"), dict):
        found = [doc["Study"]]
    elif isinstance(doc, dict) and isinstance(doc.get("ProtocolSection"), dict):
        found = [doc]
    else:
        return None
    ids = [obj(obj(s, "ProtocolSection"), "IdentificationModule").get("NCTId") for s in found]
    return [i for i in ids if isinstance(i, str) and _NCT.match(i)]


def _studies(doc: Any, name: str) -> list:
    classic = _classic_ids(doc)
    if classic is not None:
        ids = " ".join(classic) or "NCT…"
        url = f"{V2_STUDY_URL}{classic[0] if len(classic) == 1 else 'NCT…'}"
        raise BadInput(
            f"{name}: a response of the classic ClinicalTrials.gov API (FullStudiesResponse), retired in 2024, "
            f"whose field names and values differ from the API v2's; import the study in the v2 format: "
            f"`{command.run('import', 'ctgov', ids)}` fetches it, or save {url} and import that file"
        )
    if isinstance(doc, dict) and "protocolSection" in doc:
        return [doc]
    if isinstance(doc, dict) and isinstance(doc.get("studies"), list):
        if not doc["studies"]:
            raise BadInput(f"{name}: the page holds no studies")
        return doc["studies"]
    if isinstance(doc, list) and doc and all(isinstance(s, dict) and "protocolSection" in s for s in doc):
        return doc
    raise BadInput(f"{name}: not a ClinicalTrials.gov study: no protocolSection ({_PAGE_HINT})")


def _nct_id_of(study: Any, where: str) -> str:
    if not isinstance(study, dict) or not isinstance(study.get("protocolSection"), dict):
        raise BadInput(f"{where}: not a study (no protocolSection)")
    nct = obj(study["protocolSection"], "identificationModule").get("nctId")
    if not isinstance(nct, str) or not _NCT.match(nct):
        raise BadInput(f"{where}: identificationModule.nctId is {nct!r}, not an NCT id (NCT followed by 8 digits)")
    return nct


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


def nct_id(study: dict) -> str:
    """The id of a study read_studies returned."""
    return study["protocolSection"]["identificationModule"]["nctId"]


def as_of(study: dict) -> str | None:
    """The study's last update posted (statusModule.lastUpdatePostDateStruct.date): the source's as-of date."""
    status = obj(study["protocolSection"], "statusModule")
    date = obj(status, "lastUpdatePostDateStruct").get("date")
    return date if isinstance(date, str) and date_ok(date) else None


def obj(node: Any, key: str) -> dict:
    """node[key] when node is an object and that is an object; else an empty one."""
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, dict) else {}


def items(node: Any, key: str) -> list:
    """node[key] when node is an object and that is a list; else an empty one."""
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, list) else []


def date_ok(value: str) -> bool:
    """A date the registry holds: YYYY, YYYY-MM or YYYY-MM-DD of the calendar (not 2024-02-30, no
    year 0000 at any precision), by the rule the check holds records to (dates.in_calendar, E103)."""
    return dates.in_calendar(value)


# true/false as a study converted from another format writes them in text ("Yes", "false")
_YES_NO = {"yes": True, "no": False, "true": True, "false": False}


def yes_no(value: Any) -> bool | None:
    """A true/false field (hasResults, healthyVolunteers): the API's true or false, or the same
    written as text, "Yes", "No", "true", "false" (any case, trimmed); None for anything else."""
    if isinstance(value, bool):
        return value
    return _YES_NO.get(value.strip().casefold()) if isinstance(value, str) else None


def clean(value: Any) -> str | None:
    """Text as records hold it: decoded like the source text, markdown escapes removed, trimmed."""
    if not isinstance(value, str):
        return None
    text = criteria_text.ESCAPE.sub(r"\1", layouts.json_string(value))
    text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return text or None
