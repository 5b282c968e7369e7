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
from sle_trials.checks import comment_lines
from sle_trials.checks.load import Record
from sle_trials.checks.remark_names import unaccented
from sle_trials.checks.remarks import said_by_comments, said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_parties, quantities


def check_remark_parts(record: Record) -> Iterator[Problem]:
    """E501: a name a note gives a part in the trial (its sponsor, its site, its responsible party:
    lexicon.note_parties) that the record does not hold in that part. check_remark_names holds the name to a source
    that writes it, anywhere: "The sponsor is Renji Hospital ..." named an official's affiliation its source writes,
    beside the record's sponsor. Where the record holds nothing in that part, the note is not judged here, unless
    the record says no source states it: the part's field declared silent, or the record a stub (its source is another
    trial's page, stating this one's id and title alone). Mutation hunt 209 gave a stub the note "The sponsor is
    Peking University Third Hospital" (IM19's, on the page listing the stub's trial) and Relma-cel, whose
    responsible_party is silent, "The responsible party is Renji Hospital ...", and both passed."""
    yield from said_by_remarks(record, "E501", lambda text: _parts_unheld(record, text), REMARK_RULE)
    yield from said_by_remarks(record, "E501", lambda text: _officials_misplaced(record, text), REMARK_RULE)
    yield from said_by_remarks(record, "E501", lambda text: _kinds_unheld(record, text), REMARK_RULE)


# the kind of body a note says the sponsor is: "The sponsor is a university." passed of Relma-cel's (a biotechnology
# company, its sponsor.class declared silent: a class is held only to a value held, hunt 224's leftover). The kind is
# held to the words of the sponsor's name and of what the record holds about it (sponsor.about): a university's name
# says so, a company's says "Co.", "Ltd", "Inc." or the like, or its about text calls it a company. "The sponsor is a
# government agency." (or a non-profit, a foundation, an institute, a cooperative group) passed of both curated records
# (hunt 226's leftover): each of those kinds is held to its words in the name or the about text too
# ... said in other words of the sponsor ("The trial is sponsored by a hospital.", "A hospital sponsors the trial.",
# "The sponsor, a company, ...") or of other kinds' words ("a clinic", "an academic centre", "a medical school",
# "a biotech", "industry"): each passed of Relma-cel's or IM19's (hunt 230)
_KIND = (
    r"(?P<kind>university|hospital|company|firm|corporation|manufacturer"
    r"|government(?:al)?[ \t]+(?:agency|body|department|institution|organi[sz]ation)|agency"
    r"|non-?profit|not-for-profit|charity|foundation|institute|institution|co-?operative[ \t]+group|consortium"
    r"|clinic|(?:academic|medical)[ \t]+(?:medical[ \t]+)?cent(?:er|re)|(?:medical[ \t]+)?school|college|biotech"
    r"|drug[ \t-]?maker|pharma|industry)\b"
)
_A_KIND = r"(?:(?:a|an)[ \t]+(?P<before>(?:[\w-]+[ \t]+){0,2})|(?=industry\b))" + _KIND
_KIND_SAID = lazy(
    r"(?i)\b(?:(?:the|its|this[ \t]+trial['\u2019]s)[ \t]+(?:lead[ \t]+)?sponsor(?:[ \t]+(?:is|was)[ \t]+|,[ \t]+)"
    r"|(?:the[ \t]+(?:trial|study)|it)[ \t]+(?:is|was)[ \t]+(?P<denied>not[ \t]+)?sponsored[ \t]+by[ \t]+)"
    r"(?P<not>not[ \t]+)?" + _A_KIND
)
_KIND_SPONSORS = lazy(
    r"(?i)\b" + _A_KIND + r"[ \t]+(?P<denied>(?:does|did)[ \t]+not[ \t]+sponsor|sponsors|sponsored)[ \t]+"
    r"(?:the|this)[ \t]+(?:trial|study)\b"
)
_KIND_WORDS = {
    "university": lazy(r"(?i)\buniversit(?:y|ies|ät|e)\b"),
    "hospital": lazy(r"(?i)\b(?:hospital|clinic|medical[ \t]+cent(?:er|re))\b"),
    "company": lazy(r"(?i)\b(?:co\.|company|ltd\b|limited|inc\b|inc\.|corp\b|corporation|gmbh|llc|plc|s\.?a\.|ag\b)"),
    "government agency": lazy(
        r"(?i)\b(?:government(?:al)?|ministry|agency|bureau|administration"
        r"|department[ \t]+of|national[ \t]+institutes)\b"
    ),
    "non-profit": lazy(r"(?i)\b(?:non-?profit|not-for-profit|charit(?:y|able))\b"),
    "foundation": lazy(r"(?i)\b(?:foundation|fondation|fundaci[oó]n|stiftung)\b"),
    "institute": lazy(r"(?i)\b(?:institut(?:e|es|o)?)\b"),
    # an (academic, medical, research) institution: a university's, a hospital's or an institute's words (Relma-cel's
    # "The sponsor is an academic institution." passed of a company, hunt 228's leftover)
    "institution": lazy(
        r"(?i)\b(?:universit(?:y|ies|ät|e)|college|academy|school|institut(?:e|es|o|ion)?|hospital|clinic"
        r"|medical[ \t]+cent(?:er|re))\b"
    ),
    "cooperative group": lazy(r"(?i)\b(?:co-?operative|consortium|(?:study|trials?|research|oncology)[ \t]+group)\b"),
}
# each kind's other words; the kinds held to the about text as well as the name
_KINDS = {
    "firm": "company",
    "corporation": "company",
    "manufacturer": "company",
    "agency": "government agency",
    "nonprofit": "non-profit",
    "not-for-profit": "non-profit",
    "charity": "non-profit",
    "consortium": "cooperative group",
    "clinic": "hospital",
    "academic centre": "institution",
    "academic center": "institution",
    "medical centre": "institution",
    "medical center": "institution",
    "academic medical centre": "institution",
    "academic medical center": "institution",
    "medical school": "institution",
    "school": "institution",
    "college": "institution",
    "biotech": "company",
    "drug maker": "company",
    "drug-maker": "company",
    "drugmaker": "company",
    "pharma": "company",
    "industry": "company",
}
_ABOUT_KINDS = frozenset(_KIND_WORDS) - {"university", "hospital"}
# the words before the kind that say a kind too, each held as the kind is: IM19's "The sponsor is a government
# hospital." passed (hunt 230's leftover), the words before "hospital" read as none. A word of no kind ("large",
# "Beijing", "private" or "public", which a name seldom says) is not held
_QUALIFIERS = {
    "government": "government agency",
    "governmental": "government agency",
    "government-run": "government agency",
    "state": "government agency",
    "state-run": "government agency",
    "state-owned": "government agency",
    "federal": "government agency",
    "municipal": "government agency",
    "military": "government agency",
    "university": "university",
    "academic": "institution",
    "teaching": "institution",
    "pharmaceutical": "company",
    "biopharmaceutical": "company",
    "biotech": "company",
    "biotechnology": "company",
    "commercial": "company",
    "for-profit": "company",
    "non-profit": "non-profit",
    "nonprofit": "non-profit",
    "not-for-profit": "non-profit",
    "charitable": "non-profit",
}


def _kinds_unheld(record: Record, text: str) -> Iterator[str]:
    """Each kind of body a note says the sponsor is (_KIND_SAID) that neither its name nor the record's words about
    it say ("not" turning it, of its name alone)."""
    sponsor = record.data.get("sponsor")
    if not isinstance(sponsor, dict) or not isinstance(sponsor.get("name"), str):
        return
    name = sponsor["name"]
    about = sponsor["about"] if isinstance(sponsor.get("about"), str) else ""
    read = normalise(text)
    for m in [*_KIND_SAID.finditer(read), *_KIND_SPONSORS.finditer(read)]:
        said = " ".join(m.group("kind").lower().split())
        kind = "government agency" if said.startswith("government") else _KINDS.get(said, said)
        kind = "cooperative group" if kind == "co-operative group" else kind
        kinds = [*(_qualified(w) for w in (m.group("before") or "").lower().split() if _qualified(w)), kind]
        denied = "not" in (m.group("denied") or "").lower().split() or bool(m.groupdict().get("not"))
        unheld = [k for k in dict.fromkeys(kinds) if not _kind_held(k, name, about)]
        if denied and not unheld:  # (denied, a kind of two words is false where both are held)
            yield f"says the sponsor is not a {' '.join(kinds)}, which its name {name!r} says it is"
        for k in [] if denied else unheld:
            held = f"its name {name!r} does not say"
            if k in _ABOUT_KINDS and about:
                held = f"neither its name {name!r} nor its about text says"
            yield f"says the sponsor is a {k}, which {held}"


def _qualified(word: str) -> str:
    """The kind a word before a kind says (_QUALIFIERS, or a kind's own word: "a university hospital"), or ""."""
    kind = _QUALIFIERS.get(word) or _KINDS.get(word, word)
    return kind if kind in _KIND_WORDS else ""


def _kind_held(kind: str, name: str, about: str) -> bool:
    """Whether the sponsor's name (or, for a kind held to it, its about text) says it is of the kind."""
    words = _KIND_WORDS[kind]
    return bool(words.search(name)) or (kind in _ABOUT_KINDS and bool(words.search(about)))


def check_comment_parts(record: Record, schema: dict) -> Iterator[Problem]:
    """E501: a name a comment of the record's file gives a part in the trial, as a note's (check_remark_parts): hunt
    209 opened a stub with "# Stub: sponsored by Peking University Third Hospital." (IM19's sponsor), and it passed,
    only a comment's names being read."""
    said = comment_lines.remarks(record.comments, schema)
    title = said[0][1] if said and said[0][0].line == 1 else None
    return said_by_comments(
        record,
        schema,
        "E501",
        lambda text: [*_parts_unheld(record, text, text is title), *_kinds_unheld(record, _titled(text, title))],
        COMMENT_RULE,
    )


# the kind of body a comment says sponsors the trial, as a note's (_kinds_unheld), and in the clause ending the file's
# title comment ("..., sponsored by a hospital.": the trial is): Relma-cel's passed (hunt 230), a comment's kinds read
# by nothing
_TITLES_LAST_CLAUSE = lazy(r"[,;][ \t]*(?P<clause>(?:sponsored|funded)[ \t]+by[^,;()]+?)[ \t.]*\Z")


def _titled(text: str, title: str | None) -> str:
    m = _TITLES_LAST_CLAUSE.search(text) if text is title else None
    return f"{text} The trial is {m.group('clause')}." if m else text


# a body named in a bracket at the end of the file's first line, which titles the record as a brief title does: the
# trial's place, its sponsor or a site ("# IM19 CAR-T cells in refractory SLE (Peking University Third Hospital)").
# Relma-cel's given " (Union Hospital)", two of its officials' affiliation, passed (hunt 220's leftover): a title's
# bracket was read as no part
_TITLES_BODY = lazy(
    r"\((?P<name>(?:[A-Z][\w&'\u2019-]*[ \t,]+(?:(?:of|and|&|de|the)[ \t]+)?)*"
    r"(?i:hospital|university|college|institute|center|centre|clinic|school|foundation|academy)"
    r"(?:[ \t,]+(?:(?:of|and|&|de|the)[ \t]+)?[A-Z][\w&'\u2019-]*)*)\)[ \t.]*\Z"
)


def _parts_unheld(record: Record, text: str, title: bool = False) -> Iterator[str]:
    """What text says of each name it gives a part in the trial that the record does not hold there, and why it may
    not (title: text is the file's title comment, a body bracketed at its end the trial's sponsor or site)."""
    curation = record.data["curation"]
    if title and (m := _TITLES_BODY.search(normalise(text))) is not None:
        words = _tokens(m.group("name"))
        held = [*_held_in(record.data, "sponsor"), *_held_in(record.data, "site")]
        if held and not any(_within(words, _tokens(value)) for value in held):
            yield f"places the trial at {m.group('name')!r}, which neither its sponsor nor a site of its is"
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


# what a remark and a comment may say of the trial's parts (and remark_prose of its coded values)
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


# --- where a note says the trial's officials work ---------------------------------------------------------------------

# "The three Principal Investigators work at Renji Hospital", "Two PIs are based at Union Hospital", "Both officials are
# affiliated with ...": a count of the officials (or of one role's) and where they work. Hunt 216 wrote the first beside
# Relma-cel's three PIs, one of them at Renji Hospital, and it passed: the name is a source's, and whose it is and how
# many hold it were read by nothing. A reader takes the trial to be led from one hospital.
_OFFICIALS_AT = lazy(
    r"(?i)\b(?P<det>the|all|both|all[ \t]+the|all[ \t]+(?:of[ \t]+)?(?:the|its)|its)?[ \t]*(?P<count>\d{1,2}|"
    + quantities.number_words(quantities.CARDINALS, "[ \t-]")
    + r")?[ \t]*(?P<role>principal[ \t]+investigators?|PIs?|investigators?|officials?|study[ \t]+"
    r"(?:chairs?|directors?))[ \t]+(?:all[ \t]+|both[ \t]+)?(?:work|works|worked|come|comes|is|are|was|were)[ \t]+"
    r"(?:(?:based|employed|affiliated)[ \t]+)?(?:at|in|with|from)[ \t]+(?:the[ \t]+)?"
    r"(?-i:(?P<name>[A-Z][\w&'’-]*(?:[ \t]+(?:(?:of|and|&|de|the)[ \t]+)?[A-Z][\w&'’-]*)*))"
)
# a count of some of the group said before it ("Two of the three officials", "one of its PIs")
_PART_OF = lazy(
    r"(?i)(?<![\w-])(?P<part>\d{1,2}|" + quantities.number_words(quantities.CARDINALS, "[ \t-]") + r")[ \t]+of[ \t]+\Z"
)
_ROLES = {"principal investigator": "PRINCIPAL_INVESTIGATOR", "pi": "PRINCIPAL_INVESTIGATOR"}


def _officials_misplaced(record: Record, text: str) -> Iterator[str]:
    """What text says of where the record's officials (of a role it names) work, and of how many of them, that their
    affiliations do not bear out: "the three PIs work at X" says every one of three does, "two PIs work at X" that two
    do."""
    officials = [o for o in record.data.get("officials") or [] if isinstance(o, dict)]
    if not officials:
        return
    read = normalise(text)
    for m in _OFFICIALS_AT.finditer(read):
        role = _ROLES.get(" ".join(m.group("role").casefold().split()).removesuffix("s"))
        group = [o for o in officials if role is None or o.get("role") == role]
        words = _tokens(m.group("name"))
        placed = [o for o in group if _within(words, _tokens(str(o.get("affiliation") or "")))]
        if not any(_within(words, _tokens(str(o.get("affiliation") or ""))) for o in officials):
            continue  # (a place no affiliation names, "in China": the names' reading's, remark_names)
        count = _count(m.group("count"))
        said = f"says {' '.join(m.group().split())!r}"
        if (part := _PART_OF.search(read, 0, m.start())) is not None:
            # (some of the group, counted: "Two of the three officials are at Union Hospital", hunt 217 (honest))
            if count is not None and count != len(group) or _count(part.group("part")) != len(placed):
                yield f"{said} of {part.group('part')} of them, where {len(placed)} work there"
        elif m.group("det") or count is None:
            if count is not None and count != len(group) or len(placed) != len(group):
                yield f"{said}, where {len(placed)} of the record's {len(group)} work there"
        elif count != len(placed):
            yield f"{said}, where {len(placed)} of the record's {len(group)} work there"


def _count(word: str | None) -> int | None:
    if not word:
        return None
    return int(word) if word.isdigit() else quantities.words_value(" ".join(word.split()))
