"""E501: a part in the trial (its sponsor, its site, its responsible party) or a product's origin that a curation note,
an incomplete entry or a comment of the record's file gives in its own words, held to the record's own and to what its
sources state of them. remark_names holds a note's names to a source that writes them anywhere; these hold a name to
the part it is given: mutation hunts 207 and 209 gave a note "The sponsor is Renji Hospital ..." (an official's
affiliation its source writes) and "Its CAR-T cells are allogeneic" (its source never says), and both passed. The
evidence stage runs them beside the other remark checks (evidence.stages).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sle_trials import fields
from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remark_names import unaccented
from sle_trials.checks.remarks import QUOTED, said_by_comments, said_by_remarks
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
    return said_by_remarks(record, "E501", lambda text: _parts_unheld(record, text), REMARK_RULE)


def check_comment_parts(record: Record, schema: dict) -> Iterator[Problem]:
    """E501: a name a comment of the record's file gives a part in the trial, as a note's (check_remark_parts): hunt
    209 opened a stub with "# Stub: sponsored by Peking University Third Hospital." (IM19's sponsor), and it passed,
    only a comment's names being read."""
    return said_by_comments(record, schema, "E501", lambda text: _parts_unheld(record, text), COMMENT_RULE)


def _parts_unheld(record: Record, text: str) -> Iterator[str]:
    """What text says of each name it gives a part in the trial that the record does not hold there, and why it may
    not."""
    curation = record.data["curation"]
    silent = [name for name in curation.get("silent") or [] if isinstance(name, str)]
    for given in note_parties.given(normalise(text)):
        held = _held_in(record.data, given.part)
        words = _tokens(given.name)
        if not words or any(_within(words, _tokens(value)) for value in held):
            continue
        gives = f"gives {given.name!r} as the trial's {given.part}"
        if held:
            yield f"{gives}, which the record's {given.part} is not ({'; '.join(held)})"
        elif curation.get("status") == "stub":
            yield f"{gives}, which a stub's source does not state of it (it lists its id and title alone)"
        elif fields.covered(silent, PART_FIELDS[given.part]):
            yield f"{gives}, which the record declares its sources silent on ({PART_FIELDS[given.part]})"


def check_remark_origins(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: a product's origin a note gives in its own words ("Its CAR-T cells are allogeneic", "made from a donor's
    cells", "not autologous") that is not the record's, or, where the record holds none, that the record declares
    silent or no cited source writes (of this trial). The words are a code of the schema's in lower case, which no
    name reading reaches (note_names reads capitals): hunt 209 gave Relma-cel, whose source never says, "Its CAR-T
    cells are allogeneic", and it passed. Each origin is read in its clause (origins_given): one that weighs the two
    or says a source is silent on it gives none, nor one a transplant's."""
    return said_by_remarks(record, "E501", lambda text: _origins_unheld(record, sources, text), REMARK_RULE)


def check_comment_origins(record: Record, sources: Sources, schema: dict) -> Iterator[Problem]:
    """E501: a product's origin a comment of the record's file gives, as a note's (check_remark_origins): hunt 210
    opened Relma-cel's file with "# Allogeneic CAR-T cells, made from a donor's cells.", and it passed, only a
    comment's names, facts and parties being read."""
    return said_by_comments(record, schema, "E501", lambda text: _origins_unheld(record, sources, text), COMMENT_RULE)


def _origins_unheld(record: Record, sources: Sources, text: str) -> Iterator[str]:
    """What text says of each origin it gives the product (origins_given) that the record does not hold, and why it
    may not."""
    held = _mapping(record.data.get("cell_product")).get("origin")
    silent = fields.covered([n for n in record.data["curation"].get("silent") or [] if isinstance(n, str)], ORIGIN)
    for origin in dict.fromkeys(origins_given(QUOTED.sub(" | ", normalise(text)))):
        if isinstance(held, str):
            if held.casefold() != origin:
                yield f"calls the cells {origin}, which the record's {ORIGIN} ({held}) is not"
        elif silent:
            yield f"calls the cells {origin}, which the record declares its sources silent on ({ORIGIN})"
        elif not any(_ORIGIN_WORDS[origin].search(sources.text_of(doc)) for doc in sources.docs if doc.unread is None):
            yield f"calls the cells {origin}, {sources.unwritten()}"


def origins_given(text: str) -> Iterator[str]:
    """Each origin (a code of ORIGIN's, in lower case) text gives the product, in its sentences. An origin's words
    give it where their clause does not weigh the two ("autologous or allogeneic"), does not say before them that it
    is unstated ("does not say whether they are autologous", "unclear if autologous"), and the words are no
    transplant's ("prior allogeneic stem cell transplantation"); words denied ("not autologous", "non-autologous")
    give the other origin. Hunt 210: a word of denial anywhere in the sentence had let every origin in it pass ("Its
    CAR-T cells are allogeneic; no dose is named")."""
    for sentence in note_names.sentences_of(text):
        for clause in _CLAUSE_STOPS.split(sentence):
            found = [(m, origin) for origin, words in _ORIGIN_WORDS.items() for m in words.finditer(clause)]
            if len({origin for _, origin in found}) > 1 and _WEIGHED.search(clause):
                continue  # ("autologous or allogeneic", "neither autologous nor allogeneic")
            for m, origin in sorted(found, key=lambda item: item[0].start()):
                # (what stands before the words in their clause, from its last comma: "Whether or not it is asked, its
                # cells are allogeneic" gives an origin)
                before, after = clause[: m.start()].rpartition(",")[2], clause[m.end() :]
                if (
                    _UNSTATED_BEFORE.search(before)
                    or _TRANSPLANT_AFTER.match(after)
                    or _TRANSPLANT_BEFORE.search(before)
                ):
                    continue
                yield _OTHER[origin] if m.group("non") or _DENIED_BEFORE.search(before) else origin


ORIGIN = "cell_product.origin"
# the words that give each origin (ORIGIN's codes, in lower case): the code's and what says it in other words
_ORIGIN_WORDS = {
    "autologous": lazy(
        r"(?i)(?<![\w-])(?P<non>non-?)?(?:autologous|autologously|patient[\s-]+derived|"
        r"patients?['\u2019]s?[ \t]+own[ \t]+(?:\w+[ \t]+)?(?:cells|lymphocytes|blood))(?![\w-])"
    ),
    "allogeneic": lazy(
        r"(?i)(?<![\w-])(?P<non>non-?)?(?:allogeneic|allogenic|allogeneically|donor[\s-]+derived|off[\s-]+the[\s-]+shelf|"
        r"(?:healthy[ \t]+)?donors?['\u2019]?s?[ \t]+(?:own[ \t]+)?(?:cells|T[ \t]+cells|blood))(?![\w-])"
    ),
}
_OTHER = {"autologous": "allogeneic", "allogeneic": "autologous"}
# where a clause ends inside a sentence: the origin it gives is read in it alone
_CLAUSE_STOPS = lazy(
    r"[;:()\[\]]|,(?=[ \t]+(?:and|but|while|whereas|which|although|though)\b)|[ \t]+(?:but|while|whereas)\b"
)
# two origins weighed in one clause ("autologous or allogeneic", "autologous/allogeneic", "whether ... or")
_WEIGHED = lazy(r"(?i)\b(?:or|nor|either|neither|whether|versus|vs)\b|/")
# words before an origin in its clause that say it is not stated ("does not say whether", "unclear if", "silent on")
_UNSTATED_BEFORE = lazy(
    r"(?i)\b(?:whether|if|unstated|unknown|unclear|unspecified|silent|not[ \t]+(?:\w+[ \t]+)?(?:say|says|said|"
    r"state|states|stated|specify|specifies|specified|give|gives|given|mention|mentions|mentioned|tell|tells|clear|"
    r"known))\b"
)
# an origin's words denied, right before them ("not autologous", "not an autologous product"; "non-autologous" is
# read with the words, _ORIGIN_WORDS's group "non")
_DENIED_BEFORE = lazy(r"(?i)\b(?:not|never|no)[ \t]+(?:(?:an?|the|its|their)[ \t]+)?\Z")
# a transplant's origin, not a product's: its words right after ("allogeneic stem cell transplantation", "allogeneic
# HSCT") or right before ("prior transplant of allogeneic cells")
_TRANSPLANT = r"(?:transplant\w*|stem[\s-]+cells?|(?:bone[ \t]+)?marrow|graft\w*|[HP]?SCT|HCT)\b"
_TRANSPLANT_AFTER = lazy(rf"(?i)[\s-]+(?:(?:hematopoietic|haematopoietic|peripheral|blood|cord)[\s-]+)*{_TRANSPLANT}")
_TRANSPLANT_BEFORE = lazy(rf"(?i)\b{_TRANSPLANT}[ \t]+(?:\w+[ \t]+)?\Z")


# what a remark and a comment may say of the trial's parts and its product
REMARK_RULE = "a remark says only what the record and its sources say"
COMMENT_RULE = "a comment on the trial says only what the record and its sources say, as a curation note does"
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
