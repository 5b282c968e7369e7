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

The words of each field live in reading/lexicon/coded_words.py (CODED), where adding a field starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sle_trials import fields
from sle_trials.checks import comment_lines
from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, bases_silenced, said_by_comments, said_by_remarks_on
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import dosing, note_cohorts, note_names
from sle_trials.reading.lexicon.coded_words import CODED, Coded


def check_remark_prose(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: a value of a coded field (CODED) a note gives in prose that is not the record's, or, where the record
    holds none, that the record declares silent or no cited source states (of this trial)."""
    return said_by_remarks_on(
        record,
        "E501",
        lambda remark: [
            *_coded_unheld(record, sources, remark.text, fields.parse_dotted(remark.field)),
            *_date_types_unheld(record, remark.text, remark.field),
            *_likened_unheld(record, remark.text, fields.parse_dotted(remark.field)),
        ],
        RULE,
    )


# Another item of the list a note's field is in that a note likens its item to: "recorded as a flat dose, as for the
# first cohort" on IM19's second cohort, whose first is dosed per kilogram, passed (hunt 214's leftover): the value was
# held to the note's own item only
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5}
_LIKENED = lazy(
    r"(?i)\b(?:(?:just[ \t]+)?as[ \t]+(?:for|with|in)|like|same[ \t]+as)[ \t]+(?:the[ \t]+|its[ \t]+)?"
    r"(?:(?P<ordinal>first|second|third|fourth|fifth|sixth|(?P<nth>[1-9])(?:st|nd|rd|th))[ \t]+(?P<noun>[a-z]+)|"
    r"(?P<noun2>[a-z]+)[ \t]+(?P<number>[1-9])\b)"
)


def _likened_unheld(record: Record, text: str, on: fields.Path_) -> Iterator[str]:
    """What a note on an item of a list (arms.0.cohorts.1) says another item of that list holds by likening them ("as
    for the first cohort") where the value it gives its own, of a coded field under the list, is not the other's."""
    # (a list's key and the item's index after it; a field no schema's, "notes.0.7", has an index after an index)
    lists = {
        key.removesuffix("s"): k + 1
        for k, key in enumerate(on[:-1])
        if isinstance(key, str) and isinstance(on[k + 1], int)
    }
    if not lists:
        return
    for clause in _clauses(QUOTED.sub(" | ", normalise(text))):
        for m in _LIKENED.finditer(clause):
            noun = (m.group("noun") or m.group("noun2")).lower().removesuffix("s")
            if noun not in lists:
                continue
            number = m.group("nth") or m.group("number")
            other = int(number) - 1 if number else _ORDINALS[m.group("ordinal").lower()]
            at = lists[noun]
            likened = (*on[:at], other, *on[at + 1 :])
            prefix = ".".join(p for p in on[:at] if isinstance(p, str))
            for coded in CODED:
                if not coded.field.startswith(prefix + ".") or not coded.named(clause):
                    continue
                held = _value_at(record.data, coded.field, likened)
                for codes in dict.fromkeys(_claims_in([clause[: m.start()]], coded)):
                    if isinstance(held, str) and held not in codes:
                        said = f"{coded.field} {_one_of(codes)}"
                        yield f"says {noun} {other + 1} holds {said} as its own, which ({held}) it does not"


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
    said = comment_lines.remarks(record.comments, schema)
    title = said[0][1] if said and said[0][0].line == 1 else None
    return said_by_comments(
        record,
        schema,
        "E501",
        lambda text: (
            [*_coded_unheld(record, sources, _titled(text)), *_title_bases_unheld(record.data, text)]
            if text is title
            else _coded_unheld(record, sources, text)
        ),
        rule,
    )


# a phase at the end of the file's first line, which titles the record as a brief title does: "# Relma-cel (CD19-CART)
# in moderate to severe active SLE, phase 2" passed beside its PHASE1 (hunt 216), a comment's phase being read only in
# a sentence said of the trial ("The trial is a phase 2 trial"); a title's words have no other subject
_TITLES_PHASE = lazy(r"(?i)[,;:(\u2013\u2014-][ \t]*(?P<phase>(?:early[ \t]+)?phase[ \t]*[\w/]+)[ \t]*\)?[ \t.]*\Z")


# ... and so any clause after a comma, a semicolon or a dash at its end: "# IM19 CAR-T cells in refractory SLE (Peking
# University Third Hospital), completed." and "..., randomised." passed beside its RECRUITING and its single group
# (hunt 224), the status and the design being read only in a sentence said of the trial
_TITLES_CLAUSE = lazy(r"(?:[,;\u2013\u2014]|[ \t]-)[ \t]*(?P<clause>[^,;:()\u2013\u2014]+?)[ \t.]*\Z")


# ... and said in the words its field is read in: results posted ("..., results posted.": "The trial has results
# posted.") and a route ("..., subcutaneous.": "Its route is subcutaneous."), each of which passed beside IM19's
# results_posted false and its intravenous route (hunt 224's leftovers), no coded words read in "The trial is ..."
_RESULTS_WORD = lazy(r"(?i)\bresults\b")
_ROUTE_WORDS = lazy(r"(?i)(?<![\w-])(?:" + "|".join(dosing.ROUTES.values()) + r")(?![\w-])")


def _titled(text: str) -> str:
    """The file's title comment, a phase at its end (or a clause after a comma or a dash) said of the trial in a
    sentence of its own."""
    m = _TITLES_PHASE.search(text)
    if m:
        return f"{text[: m.start()]}. The trial is {m.group('phase')}."
    m = _TITLES_CLAUSE.search(text)
    if m is None:
        return text
    clause = m.group("clause")
    said = [f"The trial is {clause}."]
    if _RESULTS_WORD.search(clause):
        said.append(f"The trial has {clause}.")
    if _ROUTE_WORDS.search(clause):
        said.append(f"Its route is {clause}.")
    return f"{text[: m.start()]}. " + " ".join(said)


def _title_bases_unheld(data: dict, text: str) -> Iterator[str]:
    """The basis a clause ending the file's title comment says the trial is dosed on ("..., dosed flat.": its every
    cohort) that one of the record's cohorts is not dosed on: IM19's passed beside its first cohort, dosed per
    kilogram (hunt 224's leftover), a dose's basis in a comment read of no cohort."""
    m = _TITLES_CLAUSE.search(text)
    if m is None or _TITLES_PHASE.search(text):
        return
    bases = {
        cohort["dose"].get("basis")
        for arm in data.get("arms") or []
        if isinstance(arm, dict)
        for cohort in arm.get("cohorts") or []
        if isinstance(cohort, dict) and isinstance(cohort.get("dose"), dict)
    }
    clause = m.group("clause")
    if _FLAT_WORD.search(clause) and _PER_KG_WORD.search(clause):
        return  # (both bases, each of some cohorts: "dosed per kilogram and flat")
    for said in note_cohorts.bases_given(f"Every cohort is {clause}."):
        if bases and bases != {said.basis}:
            held = ", ".join(sorted(map(str, bases)))
            yield f"says the trial is dosed {said.basis}, where the record doses its cohorts {held}"
        elif not bases and bases_silenced(data):  # (Relma-cel's "..., dosed flat.", hunt 226's leftover)
            yield f"says the trial is dosed {said.basis}, where the record declares its sources silent on its arms"


_FLAT_WORD = lazy(r"(?i)\b(?:flat|fixed)\b")
_PER_KG_WORD = lazy(r"(?i)\b(?:per|kilograms?|kg|weight)\b")


RULE = "a remark says only what the record and its sources say"


def _coded_unheld(record: Record, sources: Sources, text: str, on: fields.Path_ = ()) -> Iterator[str]:
    """What text says of each coded value it gives (coded_given) that the record does not hold, and why it may not;
    on: the path of the field a note is on, whose item's value is the one it gives where it is on one ("recorded as
    a flat dose" on IM19's arms.0.cohorts.1 is said of that cohort, not of its first, dosed per kilogram)."""
    silent = [n for n in record.data["curation"].get("silent") or [] if isinstance(n, str)]
    read = _shown_blanked(QUOTED.sub(" | ", _labels_as_none(normalise(text), sources)), sources)
    clauses: list[str] | None = None  # (read once, where some field's words stand in the text: few do)
    for coded in CODED:
        if not coded.named(read):
            continue
        clauses = _clauses(read) if clauses is None else clauses
        for part, at in _by_cohort_named(record.data, read, clauses, coded.field, on):
            yield from _part_unheld(record, sources, coded, part, at, silent)


def _part_unheld(
    record: Record, sources: Sources, coded: Coded, clauses: list[str], on: fields.Path_, silent: list[str]
) -> Iterator[str]:
    """What clauses say of coded's field that the record does not hold (_coded_unheld), its value the item's on
    names."""
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


# a cohort a sentence names, whose value a claim of the sentence on a cohort's field is held to: IM19's "The second
# cohort is given a per-kilogram dose." (its second is dosed flat) passed in a note on another field, held to every
# cohort's bases (hunt 223)
_COHORT_NAMED = lazy(
    r"(?i)(?<![\w-])(?:(?:the|its)[ \t]+(?P<ordinal>first|second|third|fourth|fifth|sixth)[ \t]+(?:dose[ \t]+)?cohort|"
    r"cohort[ \t]+(?P<number>[1-9])|patients?[ \t]+(?P<first>\d{1,3})[ \t]*(?:to|-|\u2013|through)[ \t]*"
    r"(?P<last>\d{1,3}))(?![\w-])"
)


# (a cohort set against the clause's or likened to it, not its own: "recorded as a flat dose, unlike the first
# cohort", "like the first cohort": _likened_unheld's)
_SET_BESIDE = lazy(
    r"(?i)(?<![\w-])(?:unlike|like|as[ \t]+(?:for|with|in)|same[ \t]+as|than|not|except|besides|from)[ \t]+"
    r"(?:(?:the|its)[ \t]+)?\Z"
)


def _by_cohort_named(
    data: dict, read: str, clauses: list[str], field: str, on: fields.Path_
) -> Iterator[tuple[list[str], fields.Path_]]:
    """The clauses whose value of field is one item's, with that item's path: on (the note's field) for all of them,
    but, of a cohort's field, a clause naming one cohort the record holds (_COHORT_NAMED) is that cohort's (a clause:
    IM19's note on its second cohort names its first in a bracket, "(the first cohort's dose is ...); recorded as a
    flat dose")."""
    if not field.startswith("arms.cohorts.") or not _COHORT_NAMED.search(read):
        yield clauses, on
        return
    cohorts = [
        ("arms", a, "cohorts", c)
        for a, arm in enumerate(data.get("arms") or [])
        if isinstance(arm, dict)
        for c, cohort in enumerate(arm.get("cohorts") or [])
        if isinstance(cohort, dict)
    ]
    rest: list[str] = []
    for clause in clauses:
        named = {
            path
            for m in _COHORT_NAMED.finditer(clause)
            if not _SET_BESIDE.search(clause, 0, m.start()) and (path := _cohort_at(data, cohorts, m))
        }
        if len(named) == 1:
            yield [clause], next(iter(named))
        else:
            rest.append(clause)
    yield rest, on


def _cohort_at(data: dict, cohorts: list[fields.Path_], m: re.Match[str]) -> fields.Path_ | None:
    if m.group("ordinal") or m.group("number"):
        k = _ORDINALS[m.group("ordinal").lower()] if m.group("ordinal") else int(m.group("number")) - 1
        return cohorts[k] if k < len(cohorts) else None
    for path in cohorts:
        patients = fields.get(data, (*path, "patients"))[1]
        if isinstance(patients, dict) and (patients.get("first"), patients.get("last")) == (
            int(m.group("first")),
            int(m.group("last")),
        ):
            return path
    return None


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


# a date's or a count's label that holds a type, a note naming the field by it and saying it is given as no value:
# "The source gives the estimated completion date as "Not reported"" (Relma-cel's Timeline: "Estimated completion",
# "Not reported") was refused as giving dates.completion.type ESTIMATED (hunt 215's leftover)
_NO_VALUE = r"(?:not[ \t]+(?:reported|given|available|provided|stated|known)|unknown|none|n/?a|pending)"
_LABEL_AS_NONE = lazy(
    r"(?i)\b(?P<type>actual|estimated|anticipated|expected|planned)[ \t]+"
    r"(?P<label>(?:primary[ \t]+)?completion|start|enrol{1,2}ment)(?:[ \t]+(?:date|count))?"
    rf"(?=[ \t]+(?:(?:is|was)[ \t]+(?:given|listed|shown|written|left)[ \t]+as|as|is|was|reads|shows)[ \t]+"
    rf"[\"\u201c]?{_NO_VALUE}\b)"
)


def _labels_as_none(text: str, sources: Sources) -> str:
    """text, the type's word of each label it names a field by and says is given as no value (_LABEL_AS_NONE)
    dropped where a cited source writes that label with no value after it: the words are the source's label, no type
    the note gives a value ("... the estimated start date as "Not reported"" of a source with no such label, or "...
    the estimated completion date as "2027-12-31"", still give one)."""
    if not _LABEL_AS_NONE.search(text):
        return text
    texts = [normalise(sources.text_of(doc)) for doc in sources.docs if doc.unread is None]

    def dropped(m: re.Match[str]) -> str:
        words = r"[ \t]+".join(map(re.escape, (m.group("type"), *m.group("label").split())))
        label = re.compile(rf"(?i)(?<![^\W_]){words}(?![^\W_])[\s:]*{_NO_VALUE}(?![^\W_])")
        if any(label.search(t) for t in texts):
            return m.group()[len(m.group("type")) :]
        return m.group()

    return _LABEL_AS_NONE.sub(dropped, text)


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
            yield code, bool(m.group("non") or _DENIED_BEFORE.search(before) or _NONE_OF_THEM.match(before))


# where a clause ends inside a sentence: the value it gives is read in it alone
_CLAUSE_STOPS = lazy(
    r"[;:()\[\]]|,(?=[ \t]+(?:and|but|while|whereas|which|although|though)\b)|[ \t]+(?:but|while|whereas)\b"
)
# two values weighed in one clause ("autologous or allogeneic", "autologous/allogeneic", "whether ... or"; a slash
# not, where it joins two of a field's codes: "phase 1/2")
_WEIGHING = r"(?i)\b(?:or|nor|either|neither|whether|versus|vs)\b"
_WEIGHED = lazy(rf"{_WEIGHING}|/")
_WEIGHED_WORDS = lazy(_WEIGHING)
# words before a value in its clause that say it is not stated ("does not say whether", "unclear if", "silent on")
_UNSTATED_BEFORE = lazy(
    r"(?i)\b(?:whether|if|unstated|unknown|unclear|unspecified|silent|not[ \t]+(?:\w+[ \t]+)?(?:say|says|said|"
    r"state|states|stated|specify|specifies|specified|give|gives|given|mention|mentions|mentioned|tell|tells|clear|"
    r"known))\b"
)
# a word of denial anywhere before a phrase in its clause ("No patient receives placebo"): a phrase gives no codes there
_NEGATED_BEFORE = lazy(r"(?i)\b(?:no|not|never|none|neither|nor|without)\b")
# ... or said of none of the trial's patients (or cohorts), the clause's subject: IM19's true "No patient in the first
# cohort gets a flat dose." was refused as giving FLAT of its first cohort (hunt 230)
_NONE_OF_THEM = lazy(
    r"(?i)[ \t]*(?:no|neither|none[ \t]+of[ \t]+(?:the|its|their))[ \t]+(?:patients?|participants?|subjects?|"
    r"cohorts?|arms?|doses?)\b"
)
# a value's words denied, right before them ("not autologous", "not an autologous product", "does not enrol women
# only", "cyclophosphamide alone, without fludarabine"; "non-autologous" is read with the words, their group "non")
_DENIED_BEFORE = lazy(
    r"(?i)(?:\bnot[ \t]+(?:\w+[ \t]+)?|\bno[ \t]+longer[ \t]+|"
    r"\b(?:never|no|without|rather[ \t]+than|instead[ \t]+of)[ \t]+)(?:(?:an?|the|its|their)[ \t]+)?\Z"
)
