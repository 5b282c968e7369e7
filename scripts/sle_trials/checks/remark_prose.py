"""E501: a coded value of the record's (a product's origin, the sex the trial enrols, its status, design, purpose and
phases, whether it takes healthy volunteers, its product's route and construct, its arms' types, its sponsor's class,
its enrolment's and dates' types, its scope of lupus nephritis, its responsible party, its lymphodepletion's agents)
that a note, an incomplete entry or a comment of the record's file gives in prose, held to the
record's value, its silence, and what its sources state. The words are a code of the schema's in lower case, or said
otherwise, which no name reading reaches (note_names reads capitals): hunt 209 gave Relma-cel, whose source never says,
"Its CAR-T cells are allogeneic", and "The trial enrols women only" beside its sex ALL; both passed. The evidence stage
runs them beside the other remark checks (evidence.stages).

Each value is read in its clause (coded_given): one that weighs two ("autologous or allogeneic") or says before it
that it is unstated ("does not say whether they are autologous") gives none, nor words another thing's (a
transplant's "allogeneic stem cell transplantation"); words denied ("not autologous", "non-autologous") give the
other code of a field of two, and, of a field of more, that the record's value is not that code. Hunt 210: a word of
denial anywhere in the sentence had let every origin in it pass ("Its CAR-T cells are allogeneic; no dose is named").

A phrase may give one of several codes (Coded.phrases): a status in words of its recruitment or its end ("Recruitment
is closed", "The trial was halted"), a design in words of its participants ("Patients are randomised 1:1", "The trial
is blinded"). Hunt 211 wrote each beside Relma-cel's and IM19's RECRUITING (or a design their sources never give), and
each passed, only a code's own words being read; and "Healthy volunteers are accepted", "This is a phase 2 trial", "The
cells are given subcutaneously", "The primary purpose is prevention" and "Its arm is a placebo comparator" of trials
whose records hold otherwise or whose sources never say, no note's words of those fields being read at all.

Adding a field: a Coded in CODED (the fields a note may give a code of in prose), its codes' words (and phrases), and
a test in tests/test_attacks_prose_hunt210.py or hunt211.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from sle_trials import fields
from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, remarks_of, said_by_comments
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import dosing, note_names


class Coded(NamedTuple):
    """A field of codes a remark may give a value of in prose."""

    field: str  # its dotted path
    words: dict[str, re.Pattern[str]]  # each code -> the words that give it (a "non-" before them in their group "non")
    stated: dict[str, re.Pattern[str]]  # each code -> the words by which a source states it
    denied: dict[str, str]  # a code -> the code its words give when denied (a field of two codes)
    # the words right after them, and right before, that make them another thing's
    not_its: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    # the words that must stand right before them, or right after, where words alone are no value of the trial's
    # ("the trial is recruiting", not "a site recruiting" or "patients who completed therapy"; "a randomised
    # trial", not "randomised trials show")
    of_the_trial: tuple[re.Pattern[str], re.Pattern[str] | None] | None = None
    # words that give one of several codes, said of the trial by their own words ("recruitment is closed": a
    # status past recruiting, whichever)
    phrases: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = ()
    joined: bool = False  # codes joined by a slash are both the trial's ("phase 1/2"), not weighed
    # whether a code a cited source states passes beside another the record holds (a phase a source's header gives
    # where the record holds its table's: the note may say what the source says)
    sourced: bool = False
    # whether its words are held only to a value the record holds, not to its silence nor its sources' (a sponsor
    # "is a company", which a page's "Co., Ltd." says where the registry's class is silent)
    held_only: bool = False

    def named(self, text: str) -> bool:
        """Whether text holds any of the field's words (the rest of the reading is for those that do)."""
        return any(words.search(text) for words in self.words.values()) or any(
            phrase.search(text) for phrase, _ in self.phrases
        )


def check_remark_prose(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: a value of a coded field (CODED) a note gives in prose that is not the record's, or, where the record
    holds none, that the record declares silent or no cited source states (of this trial)."""
    for kind, i, text, field in remarks_of(record):
        claims = [
            *_coded_unheld(record, sources, text, fields.parse_dotted(field)),
            *_date_types_unheld(record, text, field),
        ]
        for claim in claims:
            yield record.problem(("curation", kind, i, "text"), "E501", f"curation.{kind}.{i}.text {claim}: {RULE}")


# The type a note on the record's dates gives them all, said of them together: "they are estimated", "both dates are
# actual", "The dates are anticipated". IM19's note "The source does not say whether they are actual or estimated."
# rewritten to "The source says they are estimated." passed beside its dates' types declared silent (hunt 208's strict
# xfail, fixed in hunt 211): a type was read only as a code after "recorded as"
_DATES_TYPED = lazy(
    r"(?i)\b(?:they|both(?:[ \t]+dates)?|(?:the|these|those|its|all)(?:[ \t]+(?:the|two|both))?[ \t]+dates)[ \t]+"
    r"(?:are|were)[ \t]+(?:all[ \t]+|both[ \t]+)?(?P<type>actual|estimated|anticipated|planned)\b"
)
_DATE_TYPES = {"actual": "ACTUAL", "estimated": "ESTIMATED", "anticipated": "ESTIMATED", "planned": "ESTIMATED"}


def _date_types_unheld(record: Record, text: str, field: str) -> Iterator[str]:
    """What a note on the record's dates (or one of them) says of their type together (_DATES_TYPED) that the record
    does not hold: a type another than one a date holds, or one of dates whose types the record declares silent. Not
    where a clause's words before it say it is unstated ("does not say whether they are actual")."""
    if field.split(".")[0] != "dates" or not isinstance(dates := record.data.get("dates"), dict):
        return
    silent = [n for n in record.data["curation"].get("silent") or [] if isinstance(n, str)]
    named = field.split(".")[1] if field.count(".") >= 1 else None
    held = {k: v for k, v in dates.items() if isinstance(v, dict) and (named is None or k == named)}
    for clause in _clauses(QUOTED.sub(" | ", normalise(text))):
        for m in _DATES_TYPED.finditer(clause):
            if _UNSTATED_BEFORE.search(clause, 0, m.start()) or _DENIED_BEFORE.search(clause, 0, m.start("type")):
                continue
            code = _DATE_TYPES[m.group("type").lower()]
            for name, date in held.items():
                typed = date.get("type")
                if isinstance(typed, str) and typed != code:
                    yield f"gives dates.{name}.type as {code}, which the record's ({typed}) is not"
                elif typed is None and fields.covered(silent, f"dates.{name}.type"):
                    yield f"gives dates.{name}.type as {code}, which the record declares its sources silent on"


def check_comment_prose(record: Record, sources: Sources, schema: dict) -> Iterator[Problem]:
    """E501: a coded value a comment of the record's file gives, as a note's (check_remark_prose): hunt 210 opened
    Relma-cel's file with "# Allogeneic CAR-T cells, made from a donor's cells.", and it passed, only a comment's
    names, facts and parties being read."""
    rule = "a comment on the trial says only what the record and its sources say, as a curation note does"
    return said_by_comments(record, schema, "E501", lambda text: _coded_unheld(record, sources, text), rule)


RULE = "a remark says only what the record and its sources say"


def _coded_unheld(record: Record, sources: Sources, text: str, on: fields.Path_ = ()) -> Iterator[str]:
    """What text says of each coded value it gives (coded_given) that the record does not hold, and why it may not;
    on: the path of the field a note is on, whose item's value is the one it gives where it is on one ("recorded as
    a flat dose" on IM19's arms.0.cohorts.1 is said of that cohort, not of its first, dosed per kilogram)."""
    silent = [n for n in record.data["curation"].get("silent") or [] if isinstance(n, str)]
    read = _shown_blanked(QUOTED.sub(" | ", normalise(text)), sources)
    clauses: list[str] | None = None  # (read once, where some field's words stand in the text: few do)
    for coded in CODED:
        if not coded.named(read):
            continue
        clauses = _clauses(read) if clauses is None else clauses
        held = _value_at(record.data, coded.field, on)
        if isinstance(held, bool):  # (a field of yes or no: healthy volunteers)
            held = "YES" if held else "NO"
        for codes in dict.fromkeys(_claims_in(clauses, coded)):
            gives = f"gives {coded.field} as {_one_of(codes)}"
            if coded.sourced and held and _stated_by_sources(coded, codes, sources):
                continue
            if coded.held_only and not held:
                continue
            if isinstance(held, str):
                if held not in codes:
                    yield f"{gives}, which the record's {coded.field} ({held}) is not"
            elif isinstance(held, list) and held:
                if not codes & set(held):
                    yield f"{gives}, which none of the record's {coded.field} ({', '.join(held)}) is"
            elif fields.covered(silent, coded.field):
                yield f"{gives}, which the record declares its sources silent on ({coded.field})"
            elif not _stated_by_sources(coded, codes, sources):
                yield f"{gives}, {sources.unwritten()}"
        for code in dict.fromkeys(_denied_in(clauses, coded)):
            if held == code or (isinstance(held, list) and code in held):
                yield f"says {coded.field} is not {code}, which the record's {coded.field} is"
            elif held is None and fields.covered(silent, coded.field):
                yield f"says {coded.field} is not {code}, which the record declares its sources silent on"


def _one_of(codes: frozenset[str]) -> str:
    """The codes a claim gives, as a message names them ("RECRUITING", "one of COMPLETED, TERMINATED")."""
    return next(iter(codes)) if len(codes) == 1 else "one of " + ", ".join(sorted(codes))


def _stated_by_sources(coded: Coded, codes: frozenset[str], sources: Sources) -> bool:
    """Whether a cited source states one of codes of coded (of this trial: Sources.text_of)."""
    return any(_stated(coded, codes, sources.text_of(doc)) for doc in sources.docs if doc.unread is None)


def _stated(coded: Coded, codes: frozenset[str], text: str) -> bool:
    """Whether a source's text states one of codes of coded: as a source labels it ("Sex: Female"), or in the words a
    note gives it by ("women only")."""
    patterns = [found for code in codes for found in (coded.stated.get(code), coded.words.get(code)) if found]
    return any(pattern.search(text) for pattern in patterns)


def _shown_blanked(text: str, sources: Sources) -> str:
    """text, each run in single quotes that a cited source writes blanked: a source's text as the importer's notes
    show it (reading/shown.py), the source's words and no claim of the note's ("how: 'Women only'
    (genderDescription)"). A run no source writes is read as the note's own ("Its cells are 'allogeneic'")."""
    if "'" not in text or not _SHOWN.search(text):
        return text
    texts = [normalise(sources.text_of(doc)) for doc in sources.docs if doc.unread is None]
    return _SHOWN.sub(lambda m: " | " if any(m.group(1) in t for t in texts) else m.group(), text)


# a run in single quotes, as reading/shown.py shows a source's text ("'Women only'"; not an apostrophe's "patient's")
_SHOWN = lazy(r"(?<![\w'])'([^'\n]+)'(?![\w'])")


def _said_of_the_trial(of_the_trial: tuple[re.Pattern[str], re.Pattern[str] | None], before: str, after: str) -> bool:
    ahead, behind = of_the_trial
    return ahead.search(before) is not None or (behind is not None and behind.match(after) is not None)


def _value_at(data: Any, field: str, on: fields.Path_ = ()) -> Any:
    """The value the record holds at a dotted field's path, or None; through a list, the codes its items hold there
    ("lymphodepletion.agents.agent": each agent's, "arms.cohorts.dose.basis": each cohort's of each arm), or the
    one item's that on (a note's field, "arms.0.cohorts.1") names."""
    key, _, rest = field.partition(".")
    value = data.get(key) if isinstance(data, dict) else None
    inner = on[1:] if on and on[0] == key else ()
    if not rest:
        return value
    if isinstance(value, list):
        if inner and isinstance(inner[0], int) and 0 <= inner[0] < len(value):
            return _value_at(value[inner[0]], rest, inner[1:])
        held = [_value_at(item, rest) for item in value]
        return [code for item in held for code in (item if isinstance(item, list) else [item]) if isinstance(code, str)]
    return _value_at(value, rest, inner)


def coded_given(text: str, coded: Coded) -> Iterator[str]:
    """Each code of coded (a field) text gives, in its sentences, each read in its clause (the module's docstring)."""
    return _given_in(_clauses(text), coded)


def _clauses(text: str) -> list[str]:
    """The clauses of text's sentences, in order."""
    return [clause for sentence in note_names.sentences_of(text) for clause in _CLAUSE_STOPS.split(sentence)]


def _given_in(clauses: list[str], coded: Coded) -> Iterator[str]:
    """Each code of coded the clauses give (coded_given): its words, or the other code's of a field of two denied."""
    for code, denied in _read_in(clauses, coded):
        if not denied:
            yield code
        elif code in coded.denied:
            yield coded.denied[code]


def _claims_in(clauses: list[str], coded: Coded) -> Iterator[frozenset[str]]:
    """The codes each claim of the clauses leaves coded's field (one, where its words give it; or those its phrase
    does: "recruitment is closed")."""
    for code in _given_in(clauses, coded):
        yield frozenset({code})
    for clause in clauses:
        for phrase, codes in coded.phrases:
            for m in phrase.finditer(clause):
                before = clause[: m.start()].rpartition(",")[2]
                if not (_UNSTATED_BEFORE.search(before) or _NEGATED_BEFORE.search(before)):
                    yield codes


def _denied_in(clauses: list[str], coded: Coded) -> Iterator[str]:
    """Each code of coded the clauses deny, where no other code follows ("The trial is no longer recruiting")."""
    for code, denied in _read_in(clauses, coded):
        if denied and code not in coded.denied:
            yield code


def _read_in(clauses: list[str], coded: Coded) -> Iterator[tuple[str, bool]]:
    """Each code of coded whose words the clauses give of the trial, and whether they deny it."""
    for clause in clauses:
        found = [(m, code) for code, words in coded.words.items() for m in words.finditer(clause)]
        if len({code for _, code in found}) > 1 and (_WEIGHED_WORDS if coded.joined else _WEIGHED).search(clause):
            continue  # ("autologous or allogeneic", "neither autologous nor allogeneic")
        for m, code in sorted(found, key=lambda item: item[0].start()):
            # (what stands before the words in their clause, from its last comma: "Whether or not it is asked, its
            # cells are allogeneic" gives an origin)
            before, after = clause[: m.start()].rpartition(",")[2], clause[m.end() :]
            if _UNSTATED_BEFORE.search(before):
                continue
            if coded.not_its and (coded.not_its[0].match(after) or coded.not_its[1].search(before)):
                continue
            if coded.of_the_trial and not _said_of_the_trial(coded.of_the_trial, before, after):
                continue
            yield code, bool(m.group("non") or _DENIED_BEFORE.search(before))


# where a clause ends inside a sentence: the value it gives is read in it alone
_CLAUSE_STOPS = lazy(
    r"[;:()\[\]]|,(?=[ \t]+(?:and|but|while|whereas|which|although|though)\b)|[ \t]+(?:but|while|whereas)\b"
)
# two values weighed in one clause ("autologous or allogeneic", "autologous/allogeneic", "whether ... or")
_WEIGHED = lazy(r"(?i)\b(?:or|nor|either|neither|whether|versus|vs)\b|/")
_WEIGHED_WORDS = lazy(r"(?i)\b(?:or|nor|either|neither|whether|versus|vs)\b")
# words before a value in its clause that say it is not stated ("does not say whether", "unclear if", "silent on")
_UNSTATED_BEFORE = lazy(
    r"(?i)\b(?:whether|if|unstated|unknown|unclear|unspecified|silent|not[ \t]+(?:\w+[ \t]+)?(?:say|says|said|"
    r"state|states|stated|specify|specifies|specified|give|gives|given|mention|mentions|mentioned|tell|tells|clear|"
    r"known))\b"
)
# a value's words denied, right before them ("not autologous", "not an autologous product", "does not enrol women
# only", "cyclophosphamide alone, without fludarabine"; "non-autologous" is read with the words, their group "non")
# a word of denial anywhere before a phrase in its clause ("No patient receives placebo"): a phrase gives no codes there
_NEGATED_BEFORE = lazy(r"(?i)\b(?:no|not|never|none|neither|nor|without)\b")
_DENIED_BEFORE = lazy(
    r"(?i)(?:\bnot[ \t]+(?:\w+[ \t]+)?|\bno[ \t]+longer[ \t]+|"
    r"\b(?:never|no|without|rather[ \t]+than|instead[ \t]+of)[ \t]+)(?:(?:an?|the|its|their)[ \t]+)?\Z"
)


def _words(pattern: str, can_be_denied: bool = False) -> re.Pattern[str]:
    """The words of pattern, whole, case aside; with a leading "non-" in their group "non" where can_be_denied."""
    non = r"(?P<non>non-?)?" if can_be_denied else r"(?P<non>(?!))?"
    return lazy(rf"(?i)(?<![\w-]){non}(?:{pattern})(?![\w-])")


_AUTOLOGOUS = (
    r"autologous|autologously|patient[\s-]+derived|"
    r"patients?['\u2019]s?[ \t]+own[ \t]+(?:\w+[ \t]+)?(?:cells|lymphocytes|blood)"
)
_ALLOGENEIC = (
    r"allogeneic|allogenic|allogeneically|donor[\s-]+derived|off[\s-]+the[\s-]+shelf|"
    r"(?:healthy[ \t]+)?donors?['\u2019]?s?[ \t]+(?:own[ \t]+)?(?:cells|T[ \t]+cells|blood)"
)
# a transplant's origin, not a product's: its words right after ("allogeneic stem cell transplantation", "allogeneic
# HSCT") or right before ("prior transplant of allogeneic cells")
_TRANSPLANT = r"(?:transplant\w*|stem[\s-]+cells?|(?:bone[ \t]+)?marrow|graft\w*|[HP]?SCT|HCT)\b"
_TRANSPLANT_AFTER = lazy(rf"(?i)[\s-]+(?:(?:hematopoietic|haematopoietic|peripheral|blood|cord)[\s-]+)*{_TRANSPLANT}")
_TRANSPLANT_BEFORE = lazy(rf"(?i)\b{_TRANSPLANT}[ \t]+(?:\w+[ \t]+)?\Z")

# the sexes a trial enrols, in a note's words ("women only", "female participants only", "both sexes")
_PEOPLE = r"(?:[ \t]+(?:patients|participants|subjects|people|adults))?"
_ONLY = r"(?:{who}{people}[ \t]+only|only[ \t]+{who}{people}|{who}[\s-]+only)"
_FEMALE = _ONLY.format(who=r"(?:women|females?|female)", people=_PEOPLE)
_MALE = _ONLY.format(who=r"(?:men|males?|male)", people=_PEOPLE)
_ALL = (
    r"both[ \t]+sexes|all[ \t]+sexes|either[ \t]+sex|any[ \t]+sex|(?:men|males)[ \t]+and[ \t]+(?:women|females)|"
    r"(?:women|females)[ \t]+and[ \t]+(?:men|males)"
)


def _sex_stated(code: str) -> re.Pattern[str]:
    """A source's statement of the sex it enrols: its label and the code ("Sex: Female", "Gender ALL")."""
    return lazy(rf"(?i)\b(?:sex|sexes|gender)\b[^\n]{{0,40}}?\b{code}\b")


# the trial's status, in a note's words: said of the trial ("The trial is recruiting", "the study was terminated",
# "Its status is completed"), each status's words as ClinicalTrials.gov shows it
_STATUSES = {
    "ACTIVE_NOT_RECRUITING": r"active,?[ \t]+not[ \t]+recruiting",
    "COMPLETED": r"completed",
    "ENROLLING_BY_INVITATION": r"enrolling[ \t]+by[ \t]+invitation",
    "NOT_YET_RECRUITING": r"not[ \t]+yet[ \t]+recruiting",
    "RECRUITING": r"recruiting",
    "SUSPENDED": r"suspended",
    "TERMINATED": r"terminated",
    "WITHDRAWN": r"withdrawn",
}
# the trial's status in words of its recruitment or its end, each giving the statuses it may be ("Recruitment is
# closed": past recruiting, whichever; "The trial was halted"): hunt 211 wrote them beside Relma-cel's RECRUITING, and
# each passed, only a status's own words being read
_RECRUITMENT = r"(?:recruitment|enrol{1,2}ment|accrual)"
_TRIAL = r"\b(?:the|this|its)[ \t]+(?:trial|study)"
_A_WORD = r"(?:(?!(?:not|no|never|neither)\b)\w+[ \t]+)?"  # a word between, no denial ("is now closed")
_PAST_RECRUITING = frozenset({"ACTIVE_NOT_RECRUITING", "COMPLETED", "TERMINATED", "SUSPENDED", "WITHDRAWN"})
_OPEN = frozenset({"RECRUITING", "ENROLLING_BY_INVITATION"})
_NOT_YET = frozenset({"NOT_YET_RECRUITING", "WITHDRAWN"})
_STOPPED = frozenset({"TERMINATED", "SUSPENDED", "WITHDRAWN"})
_STATUS_PHRASES = (
    (
        rf"\b{_RECRUITMENT}[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been)[ \t]+{_A_WORD}"
        r"(?:closed|complete|completed|finished|over|ended|stopped|halted)\b",
        _PAST_RECRUITING,
    ),
    (
        rf"\b{_RECRUITMENT}[ \t]+(?:has|had)[ \t]+{_A_WORD}(?:closed|finished|ended|stopped|completed)\b",
        _PAST_RECRUITING,
    ),
    (
        rf"(?:{_TRIAL}|\bit)[ \t]+(?:has|had)[ \t]+{_A_WORD}(?:completed|finished|closed|ended)[ \t]+"
        rf"(?:its[ \t]+)?{_RECRUITMENT}\b",
        _PAST_RECRUITING,
    ),
    (r"\bno[ \t]+longer[ \t]+(?:recruiting|enrolling|recruits|enrols|enrolls|open)\b", _PAST_RECRUITING),
    (rf"\b{_RECRUITMENT}[ \t]+(?:is|remains)[ \t]+{_A_WORD}(?:open|ongoing|under[ \t]*way)\b", _OPEN),
    (
        rf"{_TRIAL}[ \t]+(?:is|remains)[ \t]+(?:(?:still|now|currently)[ \t]+)?"
        rf"(?:enrolling|recruiting|open[ \t]+(?:to|for)[ \t]+{_RECRUITMENT})\b",
        _OPEN,
    ),
    (
        rf"\b{_RECRUITMENT}[ \t]+(?:has|had)[ \t]+not[ \t]+(?:yet[ \t]+)?(?:started|begun|opened)\b|"
        rf"\b{_RECRUITMENT}[ \t]+(?:is|was)[ \t]+not[ \t]+yet[ \t]+open\b|"
        rf"\byet[ \t]+to[ \t]+(?:start|begin|open)[ \t]+(?:{_RECRUITMENT}|recruiting|enrolling)\b",
        _NOT_YET,
    ),
    (
        rf"{_TRIAL}[ \t]+(?:was|has[ \t]+been|had[ \t]+been|is)[ \t]+{_A_WORD}"
        r"(?:halted|discontinued|stopped|paused|put[ \t]+on[ \t]+hold|on[ \t]+hold)\b",
        _STOPPED,
    ),
    (rf"{_TRIAL}[ \t]+(?:stopped|ended|closed|terminated)[ \t]+(?:early|prematurely)\b", _STOPPED),
)
_OF_THE_TRIAL = lazy(
    r"(?i)(?:\b(?:the|this|its)[ \t]+(?:trial|study)(?:['\u2019]s[ \t]+status)?|\bits[ \t]+status)[ \t]+"
    r"(?:is|was|has[ \t]+been|remains|became)[ \t]+(?:(?:now|still|currently|already|not|yet|no[ \t]+longer)[ \t]+)*\Z"
)


# the trial's design, in a note's words: said of the trial ("The trial is open-label", "a randomised, double-blind
# trial"), each code's words as registries write them, and as a source states them (where the record holds none);
# the codes whose words are common ones ("sequential", "factorial") are left out
_DESIGNS = {
    "study_type": {
        "INTERVENTIONAL": r"interventional",
        "OBSERVATIONAL": r"observational",
        "EXPANDED_ACCESS": r"expanded[ \t]+access",
    },
    "design.allocation": {"RANDOMIZED": r"randomi[sz]ed", "NON_RANDOMIZED": r"non-?randomi[sz]ed"},
    "design.masking": {
        "NONE": r"open[\s-]+label|unblinded|unmasked",
        "SINGLE": r"single[\s-]+(?:blind|blinded|masked)",
        "DOUBLE": r"double[\s-]+(?:blind|blinded|masked)",
        "TRIPLE": r"triple[\s-]+(?:blind|blinded|masked)",
        "QUADRUPLE": r"quadruple[\s-]+(?:blind|blinded|masked)",
    },
    "design.intervention_model": {
        "SINGLE_GROUP": r"single[\s-]+(?:arm|group)",
        "PARALLEL": r"parallel[\s-]+(?:arm|group)s?",
        "CROSSOVER": r"cross-?over",
    },
}
_OF_THE_DESIGN = (
    lazy(
        r"(?i)\b(?:the|this|it|its)[ \t]+(?:(?:trial|study|design)[ \t]+)?(?:is|was)[ \t]+(?:an?[ \t]+)?"
        r"(?:(?:now|still|not)[ \t]+)*\Z"
    ),
    lazy(
        r"(?i)(?:[ \t]*,?[ \t]+(?:and[ \t]+)?(?:\w+-[\w-]+|controlled|multi-?cent(?:er|re)|pilot|clinical|prospective|"
        r"phase[ \t]+\w+)){0,4}?[ \t]+(?:trial|study|design)\b(?!['\u2019]s)"
    ),
)
# the design in other words: participants said to be randomised or blinded ("Patients are randomised 1:1", "The
# trial is blinded"), which hunt 211 wrote of trials whose sources never say
_MASKED = frozenset({"SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE"})
_PEOPLE_ARE = (
    r"\b(?:patients|participants|subjects|investigators|(?:outcome[ \t]+)?assessors)[ \t]+(?:are|were|will[ \t]+be)"
)
_DESIGN_PHRASES = {
    "design.allocation": (
        (
            rf"{_PEOPLE_ARE}[ \t]+{_A_WORD}randomi[sz]ed\b|\brandomly[ \t]+(?:assigned|allocated)\b",
            frozenset({"RANDOMIZED"}),
        ),
    ),
    "design.masking": (
        (
            rf"{_PEOPLE_ARE}[ \t]+{_A_WORD}(?:blinded|masked)\b|"
            rf"{_TRIAL}[ \t]+(?:is|was)[ \t]+{_A_WORD}(?:blinded|masked)\b|"
            r"\b(?:an?|the)[ \t]+(?:blinded|masked)[ \t]+(?:trial|study)\b",
            _MASKED,
        ),
    ),
}
# (between the words and "trial" only the design's other words: "a randomised, double-blind, placebo-controlled
# trial"; the importer's "an observational model of an interventional study" says it of no trial)


# the agents of the trial's lymphodepletion, in a note's words: said of it ("Lymphodepletion uses fludarabine",
# "fludarabine-based conditioning"), not of a prior therapy ("prior cyclophosphamide is excluded")
_AGENTS = {"FLUDARABINE": r"fludarabine", "CYCLOPHOSPHAMIDE": r"cyclophosphamide", "BENDAMUSTINE": r"bendamustine"}
# (an agent's name joined to a word that makes it a regimen's: "fludarabine-based conditioning" of IM19, whose
# lymphodepletion is silent, passed, the hyphen after the name making it no whole word, hunt 211)
_REGIMEN = r"(?:-(?:based|containing|only|led))?"
_LYMPHODEPLETION = r"(?:lympho-?deplet\w*|(?:pre-?)?conditioning)\b"
_OF_THE_LYMPHODEPLETION = (
    lazy(rf"(?i)\b{_LYMPHODEPLETION}[^.;]*\Z"),
    lazy(rf"(?i)[^.;]{{0,40}}?\b{_LYMPHODEPLETION}"),
)


# the trial's primary purpose, said so ("Its primary purpose is prevention")
_PURPOSE_IS = r"primary[ \t]+purpose[ \t]+(?:is|was)[ \t]+(?:the[ \t]+)?"
_PURPOSES = {
    "TREATMENT": r"treatment",
    "PREVENTION": r"prevention",
    "DIAGNOSTIC": r"diagnos(?:is|tic)",
    "SUPPORTIVE_CARE": r"supportive[ \t]+care",
    "SCREENING": r"screening",
    "HEALTH_SERVICES_RESEARCH": r"health[ \t]+services[ \t]+research",
    "BASIC_SCIENCE": r"basic[ \t]+science",
    "DEVICE_FEASIBILITY": r"device[ \t]+feasibility",
}

# whether it takes healthy volunteers, said so ("Healthy volunteers are accepted", "It takes no healthy volunteers")
_ANSWERS = {"YES": r"yes|true|accepted", "NO": r"no|false|not[ \t]+accepted"}
_VOLUNTEERS = (
    (
        r"\bhealthy[ \t]+volunteers?[ \t]+(?:are|is|were|may[ \t]+be)[ \t]+(?:also[ \t]+)?"
        r"(?:accepted|eligible|enrolled|allowed|included|welcome)\b|"
        r"\b(?:accepts?|takes?|enrols?|enrolls?|includes?|recruits?)[ \t]+(?:also[ \t]+)?healthy[ \t]+volunteers\b|"
        r"\bopen[ \t]+to[ \t]+healthy[ \t]+volunteers\b",
        frozenset({"YES"}),
    ),
    (
        r"\bhealthy[ \t]+volunteers?[ \t]+(?:are|is|were)[ \t]+not[ \t]+"
        r"(?:accepted|eligible|enrolled|allowed|included)\b|"
        r"\b(?:accepts?|takes?|enrols?|enrolls?|includes?|recruits?)[ \t]+no[ \t]+healthy[ \t]+volunteers\b|"
        r"\b(?:not|never)[ \t]+(?:accept|take|enrol|enroll|include|recruit)[ \t]+healthy[ \t]+volunteers\b|"
        r"\bno[ \t]+healthy[ \t]+volunteers[ \t]+(?:are|is|were)\b",
        frozenset({"NO"}),
    ),
)

# the trial's phases in words ("a phase 2 trial", "a phase 1/2 study", "early phase 1"); said of the trial as its
# design is
_PHASES = {
    "EARLY_PHASE1": r"early[\s-]+phase[ \t]*(?:1|i|one)",
    "PHASE1": r"(?<!early[ \t])(?<!early-)phase[ \t]*(?:1|i|one)(?:[ \t]*/[ \t]*(?:2|ii|two))?",
    "PHASE2": r"phase[ \t]*(?:(?:1|i)[ \t]*/[ \t]*)?(?:2|ii|two)(?:[ \t]*/[ \t]*(?:3|iii|three))?",
    "PHASE3": r"phase[ \t]*(?:(?:2|ii)[ \t]*/[ \t]*)?(?:3|iii|three)",
    "PHASE4": r"phase[ \t]*(?:4|iv|four)",
}


# (said of this trial: "It is a phase 2 trial", "The study is in phase 1"; not "It follows a phase 1 study", nor "An
# Early Phase 1 label is absent")
_OF_THE_PHASE = lazy(
    r"(?i)\b(?:the|this|it|its)[ \t]+(?:(?:trial|study)[ \t]+)?(?:is|was)[ \t]+(?:(?:now|still|currently)[ \t]+)?"
    r"(?:(?:an?|in)[ \t]+)?\Z"
)


# the route the trial's product is given by, in a note's words: said of it ("Cells are given subcutaneously", "IM19
# CAR-T cells by intravenous infusion", "Its route is oral", "an intravenous infusion of the cells"), not of another
# drug ("patients on oral corticosteroids", "given after oral premedication"); IM19's note "Cells are given
# subcutaneously" (its route INTRAVENOUS) passed, a route being read in a note by nothing (hunt 211); its words are
# dosing.ROUTES
_OF_THE_ROUTE = (
    lazy(
        r"(?i)(?:\b(?:cells?|CAR[\s-]*T|products?|interventions?|infusions?|treatment|it|they)\b[^.;]{0,60}?"
        r"(?<![\w-])(?:given|administered|delivered|infused|injected|by|via|through)[ \t]+(?:(?:an?|the)[ \t]+)?|"
        r"\broute(?:[ \t]+of[ \t]+administration)?[ \t]+(?:is|was)[ \t]+(?:an?[ \t]+)?)\Z"
    ),
    lazy(
        r"(?i)[ \t]+(?:infusion|injection|administration|delivery)[ \t]+of[ \t]+(?:[\w-]+[ \t]+){0,3}?"
        r"(?:cells|CAR[\s-]*T\b|products?)"
    ),
)


# an arm's type in words ("a placebo arm", "an active comparator", "a placebo-controlled trial")
_ARM_TYPES = {
    "PLACEBO_COMPARATOR": r"placebo[\s-]+(?:comparator|arm|group|control|controlled)",
    "ACTIVE_COMPARATOR": r"active[\s-]+(?:comparator|control|controlled)",
    "SHAM_COMPARATOR": r"sham[\s-]+(?:comparator|arm|group|control|controlled|procedure)",
    "NO_INTERVENTION": r"no[\s-]+intervention[ \t]+(?:arm|group)",
}


# fields a note gives in phrases alone, each phrase the codes it leaves the field ("an industry-sponsored trial",
# "the start date is estimated", "patients with lupus nephritis are excluded", "a second-generation CAR")
_ENROLMENT = r"(?:enrol{1,2}ment|count|number|figure|sample[ \t]+size)"
_ESTIMATE = r"(?:estimated|estimate|anticipated|expected|planned|target(?:ed)?)"
_NEPHRITIS = r"(?:(?:active|severe|biopsy-proven)[ \t]+)?(?:lupus[ \t]+nephritis|LN)"
_WITH_NEPHRITIS = (
    rf"\b(?:patients|participants|people|those|subjects)[ \t]+with[ \t]+{_NEPHRITIS}[ \t]+(?:are|is)[ \t]+"
)


def _dated(kind: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The phrases that say a date of kind ("start", "completion") is actual or estimated."""
    date = rf"\b{kind}[ \t]+date[ \t]+(?:is|was)[ \t]+(?:an?[ \t]+)?"
    return (
        (rf"{date}actual\b|\bactual[ \t]+{kind}[ \t]+date\b", frozenset({"ACTUAL"})),
        (rf"{date}{_ESTIMATE}\b|\b{_ESTIMATE}[ \t]+{kind}[ \t]+date\b", frozenset({"ESTIMATED"})),
    )


_PHRASED: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
    "sponsor.class": (
        (
            r"\bindustry[\s-]+(?:sponsored|funded|sponsor)\b|\bsponsored[ \t]+by[ \t]+(?:the[ \t]+)?industry\b|"
            r"\b(?:sponsor|funder)[ \t]+is[ \t]+an[ \t]+industry[ \t]+sponsor\b",
            frozenset({"INDUSTRY"}),
        ),
        (r"\b(?:investigator[\s-]+initiated|academic[\s-]+(?:sponsored|sponsor|trial|study))\b", frozenset({"OTHER"})),
    ),
    "enrollment.type": (
        (
            rf"\bactual[ \t]+{_ENROLMENT}\b|\b{_ENROLMENT}[ \t]+(?:is|was)[ \t]+(?:an[ \t]+)?actual\b",
            frozenset({"ACTUAL"}),
        ),
        (
            rf"\b{_ESTIMATE}[ \t]+{_ENROLMENT}\b|\b{_ENROLMENT}[ \t]+(?:is|was)[ \t]+(?:an?[ \t]+)?{_ESTIMATE}\b",
            frozenset({"ESTIMATED"}),
        ),
    ),
    "dates.start.type": _dated("start"),
    "dates.primary_completion.type": _dated("primary[ \t]+completion"),
    "dates.completion.type": _dated("(?<!primary[ \t])completion"),
    "eligibility.lupus_nephritis.scope": (
        (
            rf"{_WITH_NEPHRITIS}(?:excluded|ineligible|not[ \t]+eligible)\b|"
            rf"\b{_NEPHRITIS}[ \t]+(?:is|are)[ \t]+excluded\b",
            frozenset({"EXCLUDED", "SEVERE_EXCLUDED"}),
        ),
        (
            rf"\b{_NEPHRITIS}[ \t]+is[ \t]+required\b|\brequires?[ \t]+{_NEPHRITIS}\b|"
            rf"\b(?:patients|participants)[ \t]+must[ \t]+have[ \t]+{_NEPHRITIS}\b",
            frozenset({"REQUIRED"}),
        ),
        (
            rf"{_WITH_NEPHRITIS}(?:eligible|allowed|included|enrolled|accepted)\b|"
            rf"\b{_NEPHRITIS}[ \t]+is[ \t]+allowed\b",
            frozenset({"ALLOWED", "REQUIRED", "SEVERE_EXCLUDED"}),
        ),
    ),
    "cell_product.construct.generation": tuple(
        (rf"\b(?:{words})[\s-]+generation\b", frozenset({code}))
        for code, words in (
            ("FIRST", "first|1st"),
            ("SECOND", "second|2nd"),
            ("THIRD", "third|3rd"),
            ("FOURTH", "fourth|4th"),
        )
    ),
    "cell_product.construct.manufacturing": (
        (r"\b(?:fast|rapid)[\s-]+(?:manufactur\w*|production|process\w*)\b", frozenset({"FAST"})),
        (r"\buniversal[\s-]+(?:car-?t|cells?|products?)\b", frozenset({"UNIVERSAL"})),
    ),
    "responsible_party.type": (
        (r"\bresponsible[ \t]+party[ \t]+is[ \t]+the[ \t]+sponsor\b", frozenset({"SPONSOR"})),
        (
            r"\b(?:principal[ \t]+investigator|PI)[ \t]+is[ \t]+the[ \t]+responsible[ \t]+party\b|"
            r"\bresponsible[ \t]+party[ \t]+is[ \t]+the[ \t]+(?:principal[ \t]+investigator|PI)\b",
            frozenset({"PRINCIPAL_INVESTIGATOR"}),
        ),
        (r"\bsponsor[\s-]+investigator\b", frozenset({"SPONSOR_INVESTIGATOR"})),
    ),
}


# (a sponsor said to be a company, held to the class the record holds alone: the page of a sponsor "Co., Ltd." says
# as much where the registry's class is silent, Relma-cel's; IM19's hospital, class OTHER, is none)
_SPONSOR_A_COMPANY = (
    (
        r"\bsponsored[ \t]+by[ \t]+(?:a|the|its)[ \t]+(?:company|manufacturer|(?:pharmaceutical|biotech\w*|drug)[ \t]+"
        r"company)\b|\b(?:sponsor|funder)[ \t]+is[ \t]+(?:a|an)[ \t]+(?:company|manufacturer|"
        r"(?:pharmaceutical|biotech\w*|drug)[ \t]+company)\b",
        frozenset({"INDUSTRY"}),
    ),
)


def _phrased(field: str, table: tuple[tuple[str, frozenset[str]], ...]) -> Coded:
    """The Coded of a field a note gives in phrases alone: a source states a code in one of them too."""
    codes = sorted({code for _, given in table for code in given})
    stated = {
        code: lazy("(?i)" + "|".join(f"(?:{pattern})" for pattern, given in table if code in given)) for code in codes
    }
    return Coded(field, {}, stated, {}, phrases=_phrases(table))


def _held_only(coded: Coded) -> Coded:
    """coded, its words held only to a value the record holds."""
    return coded._replace(held_only=True)


# a cohort's dose's basis, in a note's words said of a dose ("recorded as a flat dose", "a per-kilogram dose", "dosed
# per kg"): IM19's note on its second cohort "recorded as a flat dose" rewritten to "recorded as a per-kilogram dose"
# passed, a basis being read in a note by nothing (hunt 211); "with no per-kilogram wording" says no basis
_DOSE = r"[\s-]+dos(?:e|es|ed|ing)"
_BASES = {
    "FLAT": rf"(?:flat|fixed){_DOSE}",
    "PER_KG": rf"(?:per[\s-]+(?:kilogram|kg)|weight[\s-]+based|weight[\s-]+adjusted){_DOSE}"
    r"|dos(?:e|es|ed|ing)[ \t]+per[ \t]+(?:kilogram|kg)|dosed[ \t]+by[ \t]+(?:body[ \t]+)?weight",
}


def _design(field: str, codes: dict[str, str]) -> Coded:
    """The Coded of a field of the design: its codes' words, in a note and in a source alike, said of the trial."""
    words = {code: _words(pattern) for code, pattern in codes.items()}
    return Coded(field, words, words, {}, of_the_trial=_OF_THE_DESIGN, phrases=_phrases(_DESIGN_PHRASES.get(field, ())))


def _phrases(table: tuple[tuple[str, frozenset[str]], ...]) -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    """A table of phrases (pattern, the codes it gives), compiled as their words are read: case aside."""
    return tuple((lazy(f"(?i){pattern}"), codes) for pattern, codes in table)


def _status_stated(words: str) -> re.Pattern[str]:
    """A source's statement of the trial's status: its label and the status ("Recruitment Status: Recruiting")."""
    return lazy(rf"(?i)\bstatus\b[^\n]{{0,40}}?\b(?:{words})\b")


CODED = (
    Coded(
        "cell_product.origin",
        {"AUTOLOGOUS": _words(_AUTOLOGOUS, True), "ALLOGENEIC": _words(_ALLOGENEIC, True)},
        {"AUTOLOGOUS": _words(_AUTOLOGOUS), "ALLOGENEIC": _words(_ALLOGENEIC)},
        {"AUTOLOGOUS": "ALLOGENEIC", "ALLOGENEIC": "AUTOLOGOUS"},
        (_TRANSPLANT_AFTER, _TRANSPLANT_BEFORE),
    ),
    Coded(
        "eligibility.sex",
        {"FEMALE": _words(_FEMALE), "MALE": _words(_MALE), "ALL": _words(_ALL)},
        {"FEMALE": _sex_stated("female"), "MALE": _sex_stated("male"), "ALL": _sex_stated("all")},
        {},
    ),
    Coded(
        "overall_status",
        {code: _words(words) for code, words in _STATUSES.items()},
        {code: _status_stated(words) for code, words in _STATUSES.items()},
        {},
        of_the_trial=(_OF_THE_TRIAL, None),
        phrases=_phrases(_STATUS_PHRASES),
    ),
    *(_design(field, codes) for field, codes in _DESIGNS.items()),
    Coded(
        "design.primary_purpose",
        {},
        {code: lazy(rf"(?i)primary[\s_]*purpose\W{{0,4}}(?:{words})\b") for code, words in _PURPOSES.items()},
        {},
        phrases=tuple((_words(rf"{_PURPOSE_IS}(?:{words})"), frozenset({code})) for code, words in _PURPOSES.items()),
    ),
    Coded(
        "eligibility.healthy_volunteers",
        {},
        {answer: lazy(rf"(?i)\bhealthy[\s_-]*volunteers?\W{{0,4}}(?:{words})\b") for answer, words in _ANSWERS.items()},
        {},
        phrases=_phrases(_VOLUNTEERS),
    ),
    Coded(
        "phases",
        {code: _words(words) for code, words in _PHASES.items()},
        {code: _words(words) for code, words in _PHASES.items()},
        {},
        of_the_trial=(_OF_THE_PHASE, None),
        joined=True,
        sourced=True,
    ),
    Coded(
        "interventions.route",
        {code: _words(words) for code, words in dosing.ROUTES.items()},
        {code: _words(words) for code, words in dosing.ROUTES.items()},
        {},
        of_the_trial=_OF_THE_ROUTE,
    ),
    Coded(
        "arms.type",
        {code: _words(words) for code, words in _ARM_TYPES.items()},
        {code: _words(words) for code, words in _ARM_TYPES.items()},
        {},
        phrases=_phrases(
            (
                (
                    r"\b(?:receives?|receiving|given|gets?)[ \t]+(?:an?[ \t]+)?placebo\b",
                    frozenset({"PLACEBO_COMPARATOR"}),
                ),
            )
        ),
    ),
    *(_phrased(field, table) for field, table in _PHRASED.items()),
    _held_only(_phrased("sponsor.class", _SPONSOR_A_COMPANY)),
    Coded(
        "arms.cohorts.dose.basis",
        {code: _words(words, True) for code, words in _BASES.items()},
        {code: _words(words) for code, words in _BASES.items()},
        {"FLAT": "PER_KG", "PER_KG": "FLAT"},
    ),
    Coded(
        "lymphodepletion.agents.agent",
        {code: _words(words + _REGIMEN) for code, words in _AGENTS.items()},
        {code: _words(words) for code, words in _AGENTS.items()},
        {},
        of_the_trial=_OF_THE_LYMPHODEPLETION,
    ),
)
