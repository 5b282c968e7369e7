"""Import: a ClinicalTrials.gov API v2 study (JSON) becomes a draft trial record.

    trials import ctgov NCT…|FILE.json [--update] [--out-of-scope REASON] [--dry-run]

FILE.json (or what the API returns for NCT…) is a study (`protocolSection`, `hasResults`, ...) or a page
of studies (`{"studies": [...]}`, one record per study). The file is kept byte-for-byte as the
records' source under seeds/ (listed in seeds/SHA256SUMS), kind REGISTRY_JSON, as of the study's
last update posted (lastUpdatePostDateStruct.date), so every imported text is checked against it.
The record is a draft (curation.status) until a curator has reviewed it.

What the JSON states is imported, word for word; what it lacks stays absent and is listed under
curation.silent. Each structured value gets an evidence quote: the raw JSON value it was read from
("RECRUITING", "2024-07-30 ACTUAL", "18 Years"). The curator's part is left for the curator and
listed under curation.not_yet_curated: the cell product and the numeric thresholds in the criteria.

This package turns JSON into records, one module per concern:

    fetch.py     getting a study's bytes from the API by its NCT id (requests, the `fetch` extra)
    study.py     reading an API response: its studies, their ids and as-of dates, text (BadInput);
                 a response of the retired classic API is refused with how to get the v2 one
    saved.py     what a curator saved that is no study: compressed, zipped, UTF-16, the classic XML, the
                 website's CSV or page, JSON Lines, HTTP headers (each refused saying what to do), and a
                 page of a search that is not the whole of it (a warning)
    scope.py     whether a study is in the registry's scope (lupus, or a CAR-T or related cell therapy)
    record.py    to_record: a study becomes a Draft, each part of the record read by its own module
                 (identification, status, design, description, arms, eligibility, people, references:
                 how minimumAge is imported is in eligibility.py), and the file's header
    accounting.py  every key of the study read into a field, said in a note (what the record has no place
                 for: oversight, IPD sharing, contacts counted, results, ...) or left out for a reason
                 written there; a key it does not know (one the API added) said in a note too
    shapes.py    a value in a form the API never gives (a number for a text, a text for a list):
                 left out with a note naming the file and the field, never declared silent
    builder.py   the record under construction: vocabulary checks, evidence quotes, notes
    absent.py    what the record lacks, declared silent or not yet curated
    order.py     where an evidence key sorts (the schema's order)

update.py (beside this package) applies a newer JSON to a curated record (--update, a three-way
merge); importing.py places the seed, its manifest line and the records, all or nothing, once the
registry with them passes the check; drift.py (beside it too) compares a record with the study as
the API gives it now. What callers use is named here; fetch.py is imported where it is used, so that
the rest works without requests.
"""

from sle_trials.curate.ctgov.absent import absent_fields
from sle_trials.curate.ctgov.builder import NOT_YET_CURATED
from sle_trials.curate.ctgov.order import rank
from sle_trials.curate.ctgov.record import KIND, Draft, fitted, header, to_record
from sle_trials.curate.ctgov.saved import page_remark
from sle_trials.curate.ctgov.study import BadInput, as_of, clean, meant_id, nct_id, read_studies

__all__ = [
    "KIND",
    "NOT_YET_CURATED",
    "BadInput",
    "Draft",
    "absent_fields",
    "as_of",
    "clean",
    "fitted",
    "header",
    "meant_id",
    "nct_id",
    "page_remark",
    "rank",
    "read_studies",
    "to_record",
]
