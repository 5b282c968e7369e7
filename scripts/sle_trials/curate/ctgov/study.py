"""Reading a saved ClinicalTrials.gov API v2 response: the studies in it, their ids and dates, their text.

A response is one study (`{"protocolSection": ..., "hasResults": ...}`), a page of studies
(`{"studies": [...]}`) or a list of studies. Nothing here knows the registry's record: it reads the
JSON and says what is wrong with it (BadInput), and the helpers below take any node, however
malformed, without failing (a missing or mistyped module reads as empty).
"""

from __future__ import annotations

import json
from typing import Any

from sle_trials import command, dates
from sle_trials.curate.ctgov.saved import V2_STUDY_URL, html_text, other_format, other_json, packed
from sle_trials.patterns import lazy
from sle_trials.reading import criteria_text, layouts, vocabulary

_NCT = lazy(r"NCT[0-9]{8}\Z")
# a JSON string, or a run of digits longer than json.loads reads as an integer (4,300: Python's
# sys.get_int_max_str_digits()); the digits of a string are no number
_STRING_OR_LONG_DIGITS = lazy(r'"(?:[^"\\]|\\.)*"|[0-9]{4301,}')
_STRING_OR_CONSTANT = lazy(r'"(?:[^"\\]|\\.)*"|-?Infinity|NaN')
_PAGE_HINT = (
    'expected a study from the API v2, https://clinicaltrials.gov/api/v2/studies/NCT..., or a page {"studies": [...]}'
)


class BadInput(Exception):
    """A file that is not a ClinicalTrials.gov study: exit 1, nothing written."""


def read_studies(raw: bytes, name: str, *, saved: bool = True) -> list[dict]:
    """The studies in a saved API response: one study, a {"studies": [...]} page, or a list; each
    with a protocolSection and an NCT id of its own. BadInput, naming the file, for anything else."""
    studies = _studies(_document(raw, name, saved), name)
    ids = [_nct_id_of(study, f"{name}: study {i + 1}" if len(studies) > 1 else name) for i, study in enumerate(studies)]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise BadInput(f"{name}: the same study twice: {', '.join(twice)}")
    html = next((said for study in studies if (said := html_text(study))), None)
    if html:
        raise BadInput(f"{name}: {html}")
    return studies


def _document(raw: bytes, name: str, saved: bool) -> Any:
    """The JSON document raw holds. A file a curator saved (saved) in another form than the API's JSON
    is refused saying what it is (saved.py); the API's own answer (fetched) is not a curator's file,
    and an error page it sends is refused as what it is to the reader, no JSON."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        what = packed(raw) if saved else None
        if what:
            raise BadInput(f"{name}: {what}") from None
        raise BadInput(
            f"{name}: not UTF-8 text (byte 0x{raw[exc.start]:02X} at offset {exc.start}); expected a JSON file"
        ) from None
    deep = BadInput(f"{name}: JSON nested too deeply (a source is read to {layouts.MAX_JSON_DEPTH} levels)")
    try:
        doc = layouts.json_loads(text)
    except json.JSONDecodeError as exc:
        other = other_format(text, name) if saved else None
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
    except layouts.NoJSONNumber as exc:
        raise BadInput(_no_json_number(text, name, exc.name)) from None
    except ValueError:  # json.loads reads an integer of at most sys.get_int_max_str_digits() digits
        raise BadInput(_long_number(text, name)) from None
    if layouts.too_deep(doc):  # the import's walks would overflow, and the checks read it as no JSON
        raise deep
    where = layouts.lone_surrogate(doc) if layouts.SURROGATE_ESCAPE.search(text) else None
    if where is not None:  # no UTF-8 file holds one: the record written of it was no YAML (E007), unexplained
        raise BadInput(
            f"{name}: {where[0]} holds the escape {where[1]} alone, half of a UTF-16 surrogate pair: no character "
            "of any text, nor one a record can hold; expected a study as the API v2 gives it"
        )
    escape = layouts.disguised(text)
    if escape is not None:  # the checks read it as plain text (layouts.json_document): no study
        raise BadInput(
            f"{name}: it writes the escape {escape} for a character no serializer escapes, which its reader "
            "is shown as the escape; expected a study as the API v2 gives it"
        )
    return doc


def _no_json_number(text: str, name: str, constant: str) -> str:
    """The refusal of a JSON text writing NaN or Infinity (layouts.NoJSONNumber), at its place."""
    found = next((m for m in _STRING_OR_CONSTANT.finditer(text) if m[0] == constant), None)
    if found is None:
        return f"{name}: not valid JSON: {constant} is no JSON number; expected a study as the API v2 gives it"
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - text.rfind("\n", 0, found.start())
    return (
        f"{name}:{line}:{column}: not valid JSON: {constant} is no JSON number; expected a study as the API v2 gives it"
    )


def _long_number(text: str, name: str) -> str:
    """The refusal of a JSON text holding an integer longer than Python reads (4,300 digits): before,
    the import stopped with an internal error, naming neither the file nor the place."""
    found = next((m for m in _STRING_OR_LONG_DIGITS.finditer(text) if m[0][0] != '"'), None)
    if found is None:  # (no other ValueError of json.loads is known; said as no JSON all the same)
        return f"{name}: not valid JSON; expected a study as the API v2 gives it"
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - text.rfind("\n", 0, found.start())
    return (
        f"{name}:{line}:{column}: a number of {found.end() - found.start():,} digits, which no study's "
        "value is; expected a study as the API v2 gives it"
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
    raise BadInput(
        other_json(doc, name) or f"{name}: not a ClinicalTrials.gov study: no protocolSection ({_PAGE_HINT})"
    )


def _nct_id_of(study: Any, where: str) -> str:
    if not isinstance(study, dict) or not isinstance(study.get("protocolSection"), dict):
        raise BadInput(f"{where}: not a study (no protocolSection)")
    nct = obj(study["protocolSection"], "identificationModule").get("nctId")
    if not isinstance(nct, str) or not _NCT.match(nct):
        raise BadInput(f"{where}: identificationModule.nctId is {nct!r}, not an NCT id (NCT followed by 8 digits)")
    return nct


def nct_id(study: dict) -> str:
    """The id of a study read_studies returned."""
    return study["protocolSection"]["identificationModule"]["nctId"]


# NCT in any case with digits of any count, and a space, "_" or "-" between ("NCT123", "nct06513429",
# "NCT-06513429"): what a curator typed meaning an NCT id
_MEANT_AS_AN_ID = lazy(r"(?i)nct[ _-]?[0-9]*")


def meant_id(text: str) -> str | None:
    """What to say of text typed as an NCT id and not one: the id it means where it has 8 digits ("did
    you mean NCT06513429?"), else what an NCT id is; None when text does not read as one at all."""
    if not _MEANT_AS_AN_ID.fullmatch(text):
        return None
    digits = "".join(c for c in text if c.isdigit())
    return f"did you mean NCT{digits}?" if len(digits) == 8 else "an NCT id is NCT and 8 digits (NCT06513429)"


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


def values(node: Any, key: str) -> list:
    """items(node, key) of a list the API gives as values (conditions, keywords, phases), or none where a member
    is an object or a list: the check reads no value in such a list (ctgov_study._shaped), and a record holding
    its other members was refused its own import (E512); shapes.py says why it is left out."""
    found = items(node, key)
    return [] if any(isinstance(v, (dict, list)) for v in found) else found


def date_ok(value: str) -> bool:
    """A date the registry holds: YYYY, YYYY-MM or YYYY-MM-DD of the calendar (not 2024-02-30, no
    year 0000 at any precision), by the rule the check holds records to (dates.in_calendar, E103)."""
    return dates.in_calendar(value)


# true/false as a study converted from another format writes them in text ("Yes", "false")
_YES_NO = {"yes": True, "no": False, "true": True, "false": False}


def yes_no(value: Any, field: str | None = None) -> bool | None:
    """A true/false field (hasResults, healthyVolunteers): the API's true or false, or the same
    written as text, "Yes", "No", "true", "false" (any case, trimmed); None for anything else. For a
    record's field (field: its dotted name), a text is read only as the check reads its quote: the
    whole of it, trimmed, one rendering of the field's vocabulary ("Yes", "TRUE", "Accepts Healthy
    Volunteers"). Before, healthyVolunteers "yes" or hasResults "No" was imported as true or false,
    and the import refused (E507: the quote renders no value), naming no fault of the file."""
    if isinstance(value, bool):
        return value
    if not isinstance(value, str):
        return None
    if field is None:
        return _YES_NO.get(value.strip().casefold())
    vocab = vocabulary.for_boolean(field)
    said = vocab.values.get(layouts.normalise(value).strip()) if vocab is not None else None
    return next(iter(said)) if said is not None and len(said) == 1 else None


def clean(value: Any) -> str | None:
    """A text field of the API (a title, a name, a label, a condition, an outcome measure) as records
    hold it: decoded like the source text, trimmed. The API gives such a field as the sponsor typed it,
    no Markdown ("the Adacel [Tdap] Vaccine", "Age 12 to <18 Years"): a backslash in it is the
    sponsor's, shown on the registry's page, and is kept."""
    if not isinstance(value, str):
        return None
    # a line or paragraph separator in a one-line field is a space as the registry's page shows it: read as
    # a text's line break (layouts.json_string), "A\u2028Study of ..." was imported as a title on two lines,
    # "Tocagen\u2029Inc." as a sponsor's name on two lines with a blank line between
    return _trimmed(layouts.json_string(ONE_LINE.sub(" ", value)))


# a line or a paragraph separator
ONE_LINE = lazy("[\u2028\u2029]")


def _trimmed(text: str) -> str | None:
    text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return text or None


def markup(value: Any) -> str | None:
    """A markup field of the API (briefSummary, detailedDescription, whyStopped, an arm's, an
    intervention's or an outcome's description, studyPopulation, ...), which it gives in Markdown,
    escaping a character Markdown would read as markup ("\\[rHGG\\]", "\\<0.1 IU/ml"): as clean(), with
    each escape read as the character the registry's page shows."""
    text = _trimmed(layouts.json_string(value)) if isinstance(value, str) else None  # its line breaks kept
    return criteria_text.unescaped(text) if text else None
