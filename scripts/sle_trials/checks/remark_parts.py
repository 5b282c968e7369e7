"""E501: a part in the trial (its sponsor, its site, its responsible party) or a product's origin that a curation note,
an incomplete entry or a comment of the record's file gives in its own words, held to the record's own and to what its
sources state of them. remark_names holds a note's names to a source that writes them anywhere; these hold a name to
the part it is given: mutation hunts 207 and 209 gave a note "The sponsor is Renji Hospital ..." (an official's
affiliation its source writes) and "Its CAR-T cells are allogeneic" (its source never says), and both passed. The
evidence stage runs them beside the other remark checks (evidence.stages).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sle_trials import fields
from sle_trials.checks import comment_lines
from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remark_names import unaccented
from sle_trials.checks.remarks import QUOTED, remarks_of
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_names, note_parties


def check_remark_parts(record: Record) -> Iterator[Problem]:
    """E501: a name a note gives a part in the trial (its sponsor, its site, its responsible party:
    lexicon.note_parties) that the record does not hold in that part. check_remark_names holds the name to a source
    that writes it, anywhere: "The sponsor is Renji Hospital ..." named an official's affiliation its source writes,
    beside the record's sponsor. Where the record holds nothing in that part, the note is not judged here, unless
    the record says no source states it: the part's field declared silent, or the record a stub (its source is another
    trial's page, stating this one's id and title alone). Mutation hunt 209 gave a stub the note "The sponsor is
    Peking University Third Hospital" (IM19's, on the page listing the stub's trial) and Relma-cel, whose
    responsible_party is silent, "The responsible party is Renji Hospital ...", and both passed."""
    for kind, i, text, _ in remarks_of(record):
        for name, part, why in _parts_unheld(record, text):
            yield record.problem(
                ("curation", kind, i, "text"),
                "E501",
                f"curation.{kind}.{i}.text gives {name!r} as the trial's {part}, {why}: a remark says only what the "
                "record and its sources say",
            )


def check_comment_parts(record: Record, schema: dict) -> Iterator[Problem]:
    """E501: a name a comment of the record's file gives a part in the trial, as a note's (check_remark_parts): hunt
    209 opened a stub with "# Stub: sponsored by Peking University Third Hospital." (IM19's sponsor), and it passed,
    only a comment's names being read."""
    for comment, text in comment_lines.remarks(record.comments, schema):
        for name, part, why in _parts_unheld(record, text):
            yield Problem(
                record.path,
                comment.line,
                comment.column,
                "E501",
                f"the comment gives {name!r} as the trial's {part}, {why}: a comment on the trial says only what the "
                "record and its sources say, as a curation note does",
            )


def _parts_unheld(record: Record, text: str) -> Iterator[tuple[str, str, str]]:
    """Each name text gives a part in the trial that the record does not hold there, its part, and why it may not."""
    curation = record.data["curation"]
    silent = [name for name in curation.get("silent") or [] if isinstance(name, str)]
    for given in note_parties.given(normalise(text)):
        held = _held_in(record.data, given.part)
        words = _tokens(given.name)
        if not words or any(_within(words, _tokens(value)) for value in held):
            continue
        if held:
            yield given.name, given.part, f"which the record's {given.part} is not ({'; '.join(held)})"
        elif curation.get("status") == "stub":
            yield given.name, given.part, "which a stub's source does not state of it (it lists its id and title alone)"
        elif fields.covered(silent, PART_FIELDS[given.part]):
            field = PART_FIELDS[given.part]
            yield given.name, given.part, f"which the record declares its sources silent on ({field})"


def check_remark_origins(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: a product's origin a note gives in its own words ("Its CAR-T cells are allogeneic") that is not the
    record's, or, where the record holds none, that the record declares silent or no cited source writes (of this
    trial). The word is a code of the schema's in lower case, which no name reading reaches (note_names reads
    capitals): hunt 209 gave Relma-cel, whose source never says, "Its CAR-T cells are allogeneic", and it passed. A
    sentence that says what is not stated, or weighs the two, is none ("does not say whether they are autologous"), as
    is one on a transplant ("excludes prior allogeneic stem cell transplantation")."""
    docs = [doc for doc in sources.docs if doc.unread is None]
    held = _mapping(record.data.get("cell_product")).get("origin")
    silent = fields.covered([n for n in record.data["curation"].get("silent") or [] if isinstance(n, str)], ORIGIN)
    for kind, i, text, _ in remarks_of(record):
        for sentence in note_names.sentences_of(QUOTED.sub(" | ", normalise(text))):
            if _UNSAID.search(sentence) or _TRANSPLANT.search(sentence):
                continue
            for match in _ORIGIN.finditer(sentence):
                word = match.group(1).casefold()
                if isinstance(held, str):
                    if held.casefold() == word:
                        continue
                    why = f"which the record's {ORIGIN} ({held}) is not"
                elif silent:
                    why = f"which the record declares its sources silent on ({ORIGIN})"
                elif any(re.search(rf"(?i)(?<![\w-]){word}(?![\w-])", sources.text_of(doc)) for doc in docs):
                    continue
                else:
                    why = sources.unwritten()
                yield record.problem(
                    ("curation", kind, i, "text"),
                    "E501",
                    f"curation.{kind}.{i}.text calls the cells {word}, {why}: a remark says only what the record and "
                    "its sources say",
                )


ORIGIN = "cell_product.origin"
# an origin a note gives the product in prose, and a sentence saying what is not stated or weighing two values
_ORIGIN = lazy(r"(?i)(?<![\w-])(autologous|allogeneic)(?![\w-])")
_UNSAID = lazy(r"(?i)\b(?:not|no|nor|neither|whether|unstated|silent)\b")
# a sentence on a transplant, whose cells' origin is no product's ("prior allogeneic stem cell transplantation")
_TRANSPLANT = lazy(r"(?i)\b(?:transplant\w*|stem[\s-]+cells?|marrow|graft\w*|[HP]?SCT|HCT)\b")


# the field of the record that holds each part a note may give (note_parties.PARTS)
PART_FIELDS = {"sponsor": "sponsor", "site": "locations", "responsible party": "responsible_party"}


def _held_in(data: dict, part: str) -> list[str]:
    """The names the record gives the part (note_parties.PARTS): the sponsor's; each site's facility and places (its
    values); the responsible party's name and affiliation, and the sponsor's where the sponsor is the responsible
    party."""
    sponsor = _mapping(data.get("sponsor"))
    if part == "sponsor":
        names = [sponsor.get("name")]
    elif part == "site":
        names = [value for site in data.get("locations") or [] for value in _mapping(site).values()]
    else:
        party = _mapping(data.get("responsible_party"))
        names = [party.get("name"), party.get("affiliation")]
        names += [sponsor.get("name")] if party.get("type") == "SPONSOR" else []
    return [name for name in names if isinstance(name, str) and name.strip()]


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


_TOKEN = lazy(r"[^\W_]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(unaccented(normalise(text).casefold()))


def _within(words: list[str], value: list[str]) -> bool:
    """Whether words stand in value, one after another ("Ming Ju Biotechnology" in the sponsor's "SHANGHAI MING JU
    BIOTECHNOLOGY CO., LTD.")."""
    return any(value[k : k + len(words)] == words for k in range(len(value) - len(words) + 1))
