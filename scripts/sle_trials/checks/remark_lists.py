"""E501: a count a curation note gives of a list it writes after it that is not the number of items it lists
("three unlabelled dates (2024-07-30, 2027-12-31)": lexicon.note_lists), or of the items of the record's list it is
on that is not the number the record holds ("The source lists two locations" of a record holding one). Mutation
hunt 208 rewrote IM19's "two unlabelled dates" to "three", Relma-cel's "two hospitals, "..." and "..."" to "three
hospitals" and its "one location" to "two locations", and each passed: a note's dates and quotes were each held to
its sources, and a count before them to nothing. The evidence stage runs it beside the other remark checks
(evidence.stages).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import remark_problem, remarks_of, said_by_comments, sentences_naming_criteria
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_items, note_lists, note_name_counts, note_names
from sle_trials.reading.lexicon.quantities import CARDINALS, CARDINALS_TO_20


def check_remark_lists(record: Record) -> Iterator[Problem]:
    """E501: each count a remark gives of a list it writes whole after it that differs from the items listed, and
    of the items of the record's list it is on that differs from those the record holds (_items_counted)."""
    yield from _items_counted(record)
    for kind, i, text, _ in remarks_of(record):
        for given, size in note_items.ranges_counted(normalise(text)):
            if given != size:
                message = (
                    f"counts {given} items of a range of {size}: a remark's count of what it "
                    "lists is the number it lists"
                )
                yield remark_problem(record, kind, i, "E501", message)
        for counted in note_lists.counted_lists(normalise(text)) + note_name_counts.counted_names(normalise(text)):
            if counted.given != counted.listed:
                message = (
                    f"counts {counted.given} {counted.noun} and lists {counted.listed}: a "
                    "remark's count of what it lists is the number it lists"
                )
                yield remark_problem(record, kind, i, "E501", message)


# The words that count the items of a record's list (its field: a note on it, or on one of its items)
_ITEM_NOUNS = {
    "locations": ("location", "site", "center", "centre"),
    "officials": ("official", "investigator"),
    "arms": ("arm",),
    "interventions": ("intervention",),
    "conditions": ("condition",),
    "keywords": ("keyword",),
    "references": ("reference", "publication"),
    "related_trials": ("related trial",),
    "arms.cohorts": ("cohort",),  # (the cohorts of every arm)
}


def _items_counted(record: Record) -> Iterator[Problem]:
    """E501: a count a remark on one of the record's lists (or an item of it), or on any field of its sites or its
    arms (_COUNTED_ANYWHERE), gives of that list's items that is not the number the record holds: Relma-cel's note
    on its locations "The source lists one location (Shanghai, China)" rewritten to "two locations" passed, a count
    of no unit, kind or criterion being no fact a remark's reading knew (mutation hunt 208). A complete record holds
    its sources' lists whole (E519), so the source's count is the record's."""
    if record.data["curation"].get("status") != "complete":
        return  # (a draft may hold part of a list its source gives whole)
    yield from _limits_counted(record)
    yield from _therapies_counted(record)
    for kind, i, text, field in remarks_of(record):
        yield from _criteria_counted(record, kind, i, text, field)
        yield from _criteria_lists_counted(record, kind, i, text)
        yield from _nested_under_others(record, kind, i, text, field)
        for claim in _counts_unheld(record, text, field):
            yield remark_problem(record, kind, i, "E501", f"{claim}: {_RULE}")


_RULE = "a remark counts the items of a list as the record holds them"


def check_comment_lists(record: Record, schema: dict) -> Iterator[Problem]:
    """E501: a count a comment of a complete record's file gives of the items of its sites, arms or cohorts that is
    not the number the record holds, as a note on no field (_items_counted): IM19's first line given ", two sites"
    passed, only a note's counts being read (mutation hunt 211)."""
    if record.data["curation"].get("status") != "complete":
        return
    yield from said_by_comments(record, schema, "E501", lambda text: _counts_unheld(record, text, ""), _RULE)


def _counts_unheld(record: Record, text: str, field: str) -> Iterator[str]:
    """What text (a remark's on field, or a comment's) counts of a list's items that the record does not hold so."""
    on = field.split(".")[0]
    text, summarised = _summarised(normalise(text))
    said = _RELATED_AFTER.sub(r"\g<count> related trials \g<verb>", _DOSE_LEVELS.sub(r"cohort\g<plural>", text))
    said = _CLINICAL.sub(r"\g<related> trial", said)
    summaries = [normalise(s) for s in _summaries(record.data)]
    for name, named in _ITEM_NOUNS.items():
        anywhere = name.split(".")[0] == on or name in _COUNTED_ANYWHERE
        if not anywhere and name not in _COUNTED_OF_THE_TRIAL:
            continue
        items = _items_of(record.data, name)
        if items is None:
            # (a list the record does not hold, or declares silent: what its sources list of it is silence's to
            # judge, and a source may list what is none of the trial's, "one location (site closed)")
            continue
        named = (*named, "entry", "item") if name == on else named  # (the note's own list's: "kept as one entry")
        nouns = frozenset(n for noun in named for n in _forms(noun.split()[-1]))
        counted = (
            note_lists.counts_of(said, nouns)
            if anywhere
            else [
                count
                for sentence in note_names.sentences_of(said)
                if _THE_TRIAL_HOLDS.search(sentence) and not _CRITERIA_WORDS.search(sentence)
                for count in note_lists.counts_of(sentence, nouns, whole=True)
            ]
        )
        for given, noun in counted:
            if not note_lists.agrees(given, len(items)):
                yield f"counts {_said(given)} {noun} of {name}, which holds {len(items)}"
        for part in summarised:
            for given, noun in note_lists.counts_of(part, nouns):
                theirs = [n for summary in summaries for n, _ in note_lists.counts_of(summary, nouns)]
                if summaries and not any(given == n or note_lists.agrees(given, n) for n in theirs):
                    yield f"says the summary counts {_said(given)} {noun}, which it does not"
    for m in _LIST_ENTRIES.finditer(said):
        name = _LIST_NAMED[m.group("list").lower().split()[-1].rstrip("s").replace("therapie", "therapy")]
        items = _items_of(record.data, name)
        given = note_lists.value(m.group("count"))
        if items is not None and not note_lists.agrees(given, len(items)):
            yield f"counts {_said(given)} entries of {name}, which holds {len(items)}"
    for name in _COUNTED_BY_PHRASE:
        items = _items_of(record.data, name)
        if not field or name.split(".")[0] == on or items is None:
            continue  # (counted above, by its last word, on a note on the list itself; a comment's, not read)
        phrase, nouns = _PHRASES[name]
        listed = _RELATED_AFTER.sub(r"\g<count> related trials \g<verb>", normalise(text))
        for given, _ in note_lists.counts_of(phrase.sub("related-trials", listed), nouns):
            if not note_lists.agrees(given, len(items)):
                yield f"counts {_said(given)} {_ITEM_NOUNS[name][0]}s of {name}, which holds {len(items)}"
    yield from _titles_miscounted(record.data, text)
    yield from _all_in_one(record.data, normalise(text))
    for m in _ONE_FOR_EACH.finditer(normalise(text)):
        held = items_counted(record, m.group("noun"))
        given = int(m.group("count")) if m.group("count").isdigit() else CARDINALS[m.group("count").lower()]
        if held is not None and given != held:
            yield f"counts {given} {m.group('what')}, one for each {m.group('noun')}, of {held}"


# the record's whole enrolment said to be in one cohort: "The trial plans to enrol six patients in one cohort." passed
# of IM19's six in two (hunt 224's leftover: "in one cohort" may place some of them, and _COUNT_IN reads it of none).
# Where the count of people is the enrolment the record holds, it places them all
_ALL_IN_ONE = lazy(
    r"(?i)\b(?:all[ \t]+)?(?:(?:the|its)[ \t]+)?(?P<count>" + CARDINALS_TO_20 + r"|\d{1,4})[ \t]+(?:planned[ \t]+)?"
    r"(?:patients|participants|subjects|people)[ \t]+(?:(?:are|were|will[ \t]+be)[ \t]+)?(?:(?:enrol+ed|treated|dosed|"
    r"placed|put)[ \t]+)?(?:in|into)[ \t]+(?:one|a[ \t]+single|a|single|1)[ \t]+(?:(?:dose|dosing)[ \t]+)?cohort\b"
)


def _all_in_one(data: dict, text: str) -> Iterator[str]:
    """Each count of people a text puts in one cohort that is the record's enrolment, where it holds other than one
    cohort (_ALL_IN_ONE)."""
    enrollment = data.get("enrollment")
    count = enrollment.get("count") if isinstance(enrollment, dict) else None
    cohorts = _items_of(data, "arms.cohorts")
    if not isinstance(count, int) or cohorts is None or len(cohorts) == 1:
        return
    for m in _ALL_IN_ONE.finditer(text):
        said = m.group("count").lower()
        if (int(said) if said.isdigit() else CARDINALS[said]) == count:
            yield f"puts its {count} participants in one cohort, of the {len(cohorts)} it holds"


# how many of the related trials a note says name a word in their titles: "Three of the related trials' titles name
# CD19", "Three of the five related trials name CD19 in their titles" (IM19's, given four or CD20, passed: hunt 223's
# leftover, the molecule's name written in the source and the count read by nothing)
_A_COUNT = CARDINALS_TO_20
# (a verb of what a trial is about, as its title says it: IM19's true "Three of the five related trials target CD19."
# was refused as targeting CD19 of IM19 (hunt 228's leftover), and "One of the related trials targets CD20." passed,
# no title writing it: each is held to the titles as "name" is)
_ABOUT = r"(?:target|test|stud(?:y|ie)|use|evaluate|assess|investigate|involve|concern)s?"
# (the word at the sentence's end, or a name, with a capital or a digit, before more words: IM19's "Four of the five
# related trials target CD19 CAR-T cells." passed, hunt 230; or said to be "about" it, or "CD19 trials": IM19's true
# "Three of the five related trials are CD19 trials." was refused as naming CD19 of IM19)
_A_NAME = r"(?-i:(?=[\w+-]*[A-Z0-9]))"
_BARE = r"(?:(?P<bare>[A-Za-z0-9][\w+-]*)(?=[ \t]*(?:[.;]|\Z))|" + _A_NAME + r"(?P<named>[A-Za-z0-9][\w+-]*))"
_ABOUT_NAME = rf"[ \t]+about[ \t]+{_A_NAME}(?P<about>[A-Za-z0-9][\w+-]*)"
_TRIALS_AFTER = r"(?=[ \t]+(?:[\w-]+[ \t]+)?(?:trials|studies)\b)"
_ARE = rf"[ \t]+are(?:{_ABOUT_NAME}|[ \t]+{_A_NAME}(?P<are>[A-Za-z0-9][\w+-]*){_TRIALS_AFTER})"
_TITLES_NAMING = lazy(
    rf"(?i)(?<![\w-])(?<!the[ \t])(?<!its[ \t])(?<!all[ \t])(?<!of[ \t])(?P<count>{_A_COUNT}|\d{{1,2}}|none|all)"
    rf"(?:(?P<of>[ \t]+of)[ \t]+(?:(?:the|its)[ \t]+)?(?:(?:{_A_COUNT}|\d{{1,2}})[ \t]+)?|[ \t]+(?=related))"
    r"related[ \t]+(?:clinical[ \t]+)?(?:trials|studies)(?:['\u2019][ \t]+titles[ \t]+(?:name|write|mention|"
    r"contain|include)s?[ \t]+(?P<what>[A-Za-z0-9][\w+-]*)|[ \t]+(?:name|write|mention|have|has|carry|include)s?[ \t]+"
    r"(?P<other>[A-Za-z0-9][\w+-]*)[ \t]+in[ \t]+(?:their|its)[ \t]+titles?\b"
    rf"|[ \t]+(?:(?:name|write|mention|cite)s?|{_ABOUT})[ \t]+{_BARE}|{_ARE})"
)


# ... and all of them, said with no count: IM19's "The related trials name CD19." (three of five do) passed (hunt 226's
# leftover): the related trials (their titles) said to name a word, the subject no count "of", name it each
_ALL_TITLES_NAMING = lazy(
    r"(?i)(?<![\w-])(?<!of[ \t])(?<!not[ \t])(?<!all[ \t])"
    r"(?:the|its|all(?:[ \t]+of)?(?:[ \t]+(?:the|its))?|each[ \t]+of[ \t]+(?:the|its))[ \t]+"
    rf"(?:(?:{_A_COUNT}|\d{{1,2}})[ \t]+)?related[ \t]+(?:clinical[ \t]+)?(?:trials|studies)"
    r"(?:['\u2019][ \t]+titles[ \t]+(?:all[ \t]+)?(?:name|write|mention|contain|include)[ \t]+"
    r"(?P<what>[A-Za-z0-9][\w+-]*)|[ \t]+(?:all[ \t]+)?"
    r"(?:name|write|mention|have|carry|include)[ \t]+(?P<other>[A-Za-z0-9][\w+-]*)[ \t]+in[ \t]+their[ \t]+titles?\b"
    rf"|[ \t]+(?:all[ \t]+)?(?:name|write|mention|cite|{_ABOUT})[ \t]+{_BARE}|{_ARE})"
)


# ... and a count after the related trials, a comma between: IM19's "The record holds five related trials, four naming
# CD19." (three) was read by nothing (hunt 230)
_NAMING_ING = r"(?:naming|mentioning|writing|citing|targeting|testing|studying|using|evaluating)"
_TITLES_NAMING_AFTER = lazy(
    rf"(?i)\brelated[ \t]+(?:clinical[ \t]+)?(?:trials|studies),[ \t]+(?P<count>{_A_COUNT}|\d{{1,2}}|none|all)[ \t]+"
    rf"(?:of[ \t]+(?:them|which)[ \t]+)?{_NAMING_ING}[ \t]+{_BARE}"
)


# ... and a count in a clause after them with no subject of its own: IM19's "Three of the five related trials name CD19;
# two name IC19." (one title writes IC19) passed (hunt 230's leftover), "two" read as no one's: a count right before a
# verb of naming, after a comma or a semicolon (and a joining word) in a sentence of the related trials, is theirs
_THEN_COUNT = lazy(
    r"(?i)(?P<head>\brelated[ \t]+(?:clinical[ \t]+)?(?:trials|studies)\b[^.;]*?[;,][ \t]+"
    r"(?:(?:and|but|while|whereas|yet)[ \t]+)?)"
    rf"(?P<count>{_A_COUNT}|\d{{1,2}}|none)(?:[ \t]+of[ \t]+them)?"
    rf"(?=[ \t]+(?:(?:name|write|mention|cite)s?|{_ABOUT})[ \t])"
)
# "one of" them naming a word says at least one does (IM19's true "One of the related trials names CD19." was refused
# of the three that do, hunt 230's leftover), unless a word makes it the only one
_ONLY_BEFORE = lazy(r"(?i)\b(?:only|exactly|just|but|precisely)[ \t]+\Z")


def _titles_miscounted(data: dict, text: str) -> Iterator[str]:
    """Each count text gives of the related trials whose titles name a word (_TITLES_NAMING), or all of them with no
    count (_ALL_TITLES_NAMING), that is not how many of the record's related trials' titles write it."""
    titles = [normalise(str(t.get("title") or "")) for t in data.get("related_trials") or [] if isinstance(t, dict)]
    if not titles:
        return
    for _ in range(text.count(";") + text.count(",")):  # (each clause after the last one read: one more each time)
        then = _THEN_COUNT.sub(r"\g<head>\g<count> related trials", text)
        if then == text:
            break
        text = then
    for m in [*_TITLES_NAMING.finditer(text), *_TITLES_NAMING_AFTER.finditer(text)]:
        word = next(w for w in (m.groupdict().get(g) for g in ("what", "other", "bare", "named", "about", "are")) if w)
        written = lazy(rf"(?i)(?<![^\W_]){re.escape(word)}(?![^\W_])")
        naming = sum(1 for title in titles if written.search(title))
        said = m.group("count").lower()
        given = (
            len(titles) if said == "all" else 0 if said == "none" else int(said) if said.isdigit() else CARDINALS[said]
        )
        some = given == 1 and m.groupdict().get("of") and not _ONLY_BEFORE.search(text[: m.start()])
        if given != naming and not (some and naming >= 1):
            yield f"says {given} of the related trials' titles name {word!r}, which {naming} of them write"
    for m in _ALL_TITLES_NAMING.finditer(text):
        word = next(w for w in (m.groupdict().get(g) for g in ("what", "other", "bare", "named", "about", "are")) if w)
        written = lazy(rf"(?i)(?<![^\W_]){re.escape(word)}(?![^\W_])")
        naming = sum(1 for title in titles if written.search(title))
        if naming != len(titles):
            yield f"says the related trials' titles name {word!r}, which {naming} of their {len(titles)} write"


# a count a note says the summary gives, held to the summary's words, not to the record's list: Relma-cel's "The summary
# says the trial runs in one location." passed (its summary says "multiple locations", its record one), and "... in
# multiple locations." was refused (hunt 223's leftover). The words after a summary's verb, to the sentence's end
_SUMMARY_SAYS = lazy(
    r"(?i)(?:\b(?:the|its)[ \t]+(?:(?:brief|site['\u2019]s|source['\u2019]s|third-party|clinconnect)[ \t]+)?"
    r"summary[ \t]+(?:says|states|reads|writes|speaks[ \t]+of|describes|reports|claims|gives|puts[ \t]+it)"
    r"|\baccording[ \t]+to[ \t]+(?:the|its)[ \t]+summary)\b[^.;]*"
)


def _summarised(text: str) -> tuple[str, list[str]]:
    """text with what it says a summary says blanked, and those parts (_SUMMARY_SAYS)."""
    parts = [m.group() for m in _SUMMARY_SAYS.finditer(text)]
    return _SUMMARY_SAYS.sub(" | ", text), parts


def _summaries(data: dict) -> list[str]:
    """The record's summaries' texts (its brief summary, a third party's)."""
    third = data.get("third_party_summary")
    found = [data.get("brief_summary"), third.get("text") if isinstance(third, dict) else None]
    return [text for text in found if isinstance(text, str) and text.strip()]


# a count said paired one to one with a list's items: "the officials' affiliations name two hospitals, one for each
# official" passed of Relma-cel's three officials (hunt 220's leftover): as many as the items, whatever is counted
_ONE_FOR_EACH = lazy(
    rf"(?i)(?<![\w-])(?P<count>{_A_COUNT}|\d{{1,3}})[ \t]+(?P<what>[a-z][\w-]*)(?:[ \t]+\([^()]*\))?,?[ \t]+"
    r"one[ \t]+(?:(?:for|to)[ \t]+(?:each|every)|per)[ \t]+(?P<noun>[a-z][\w-]*)\b"
)


# The lists whose items a note on any field may count ("The trial has three arms" on brief_title passed, hunt 210):
# their nouns name nothing else a note counts, where a condition, an intervention or a reference may be one a
# criterion names ("requires two prior interventions"); and the officials (hunt 216: Relma-cel's note on its enrolment
# given "Its Trial Officials section lists two investigators" beside its three passed): a criterion names no official
_COUNTED_ANYWHERE = ("locations", "arms", "arms.cohorts", "officials")


# ... and the lists whose items a note on another field counts where its sentence says the record (or the trial) holds
# them, naming no criterion, and no words pick some of them out: Relma-cel's "The trial has two interventions." and
# "The trial has three keywords." passed of its one of each (hunt 230), counted only on a note on the list
_COUNTED_OF_THE_TRIAL = ("interventions", "conditions", "keywords", "references")
_THE_TRIAL_HOLDS = lazy(
    r"(?i)\b(?:the|this|its)[ \t]+(?:record|trial|study)[ \t]+(?:has|had|holds|held|lists|listed|names|gives|keeps|"
    r"records|includes|carries|tests|uses)\b"
)
# a list of the record said to hold a count of entries: IM19's "The prior therapies list has four entries." (three)
# and Relma-cel's "The keywords list has two entries." (one) passed (hunt 230), a count of "entries" read only on a
# note on the list
_LIST_NAMED = {
    "therapy": "eligibility.prior_therapy.therapies",
    "keyword": "keywords",
    "location": "locations",
    "site": "locations",
    "trial": "related_trials",
    "condition": "conditions",
    "intervention": "interventions",
    "official": "officials",
    "reference": "references",
    "arm": "arms",
    "cohort": "arms.cohorts",
}
_LIST_ENTRIES = lazy(
    r"(?i)\b(?:the|its)[ \t]+(?:record['\u2019]s[ \t]+)?(?P<list>prior[ \t]+therap(?:y|ies)|keywords?|locations?|"
    r"sites?|related[ \t]+trials?|conditions?|interventions?|officials?|references?|arms?|cohorts?)[ \t]+list[ \t]+"
    r"(?:has|holds|gives|contains|keeps|lists|runs[ \t]+to)[ \t]+(?:only[ \t]+|just[ \t]+|exactly[ \t]+)?"
    r"(?P<count>" + CARDINALS_TO_20 + r"|\d{1,2})[ \t]+(?:entries|entry|items?)\b"
)
# the cohorts said as dose levels or dose groups: IM19's "Its arm holds three dose levels." passed of its two cohorts
# (hunt 230); and the related trials said after their count: "Six trials are listed as related." passed of its five
_DOSE_LEVELS = lazy(r"(?i)(?<![\w-])dose[ \t-]+(?:level|group)(?P<plural>s?)(?![\w-])")
_RELATED_AFTER = lazy(
    r"(?i)(?<![\w-])(?P<count>" + CARDINALS_TO_20 + r"|\d{1,2})[ \t]+(?:clinical[ \t]+)?(?:trials|studies)[ \t]+"
    r"(?P<verb>(?:are|were)[ \t]+(?:listed|given|named|shown|linked))[ \t]+as[ \t]+related\b"
)


def _items_of(data: dict, name: str) -> list | None:
    """The items of the record's list name, or None where it holds none: "arms.cohorts", those of every arm, where
    each of its arms holds them (an arm of no cohorts is given none or left out: whose count a note gives is not
    known)."""
    if name == "arms.cohorts":
        arms = data.get("arms")
        if not isinstance(arms, list) or not arms:
            return None
        cohorts = [a.get("cohorts") if isinstance(a, dict) else None for a in arms]
        if not all(isinstance(c, list) and c for c in cohorts):
            return None
        return [c for arm in cohorts if isinstance(arm, list) for c in arm]
    found, items = fields.get(data, tuple(name.split(".")))
    return items if found and isinstance(items, list) else None


def _criteria_counted(record: Record, kind: str, i: int, text: str, field: str) -> Iterator[Problem]:
    """E501: a count a remark gives of a criteria list's items (the list it names, "lists 9 inclusion criteria", or
    the one it is on, "gives 9 criteria") that is not the number of criteria the record's list holds (its top-level
    items, as the source numbers them). IM19's note "The source lists 9 inclusion criteria" (it lists 8, numbered 2 to
    9) or "fourteen exclusion criteria" passed: the lists a count was read of were the rows' (mutation hunt 210)."""
    # (a count naming no list is of the list the remark is on, not of an item's: "Criterion 4 lists 3 criteria" on
    # inclusion criterion 4 counts its sub-criteria)
    on = field.split(".")[1] if field.startswith("eligibility.") and field.count(".") == 1 else ""
    eligibility = record.data.get("eligibility")
    for given, named in note_lists.criteria_counted(normalise(text)):
        name = f"{named}_criteria" if named else on
        if not isinstance(eligibility, dict) or name not in ("inclusion_criteria", "exclusion_criteria"):
            continue
        items = eligibility.get(name)
        if isinstance(items, list) and not note_lists.agrees(given, len(items)):
            message = (
                f"counts {_said(given)} of eligibility.{name}, which holds {len(items)}: a remark "
                "counts a criteria list's items as the record holds them"
            )
            yield remark_problem(record, kind, i, "E501", message)


_LIMIT_NOUNS = frozenset({"threshold", "thresholds", "limit", "limits"})
# (a sentence naming criteria, whose count of limits is of theirs: a count in one naming none is of the record's all,
# hunt 224: IM19's "The record holds 25 thresholds." passed of its 22)
_CRITERIA_WORDS = lazy(r"(?i)\bcriteri(?:on|a)\b")
_OF_THE_RECORD = lazy(r"(?i)\b(?:record|trial|study|in[ \t]+all|in[ \t]+total|altogether|overall)\b")
# a count of the limits of one kind, a length of time given them or not: "The study has three washouts.", "Exclusion
# criterion 4 holds three windows of 24 weeks.", "two 24-week windows" (hunt 226: IM19's, of its two washouts and the
# criterion's two windows, passed, read by nothing). A window is a length a criterion's event is to be within ("<");
# a washout, the WASHOUT kind's. Not a count with other words before its noun ("two surgical windows") or after it
# ("two windows on surgery"): those count some of them.
_UNITS = r"(?P<{0}>day|week|month|year)s?"
_KINDS_COUNTED = lazy(
    r"(?i)\b(?:has|have|holds?|lists?|gives?|names?|writes?|sets?|includes?|contains?|there[ \t]+(?:are|is))[ \t]+"
    r"(?:only[ \t]+|just[ \t]+|exactly[ \t]+)?(?P<count>" + CARDINALS_TO_20 + r"|\d{1,2})[ \t]+"
    r"(?:(?P<length>\d{1,3})[ \t]*-[ \t]*" + _UNITS.format("unit") + r"[ \t]+)?"
    r"(?P<noun>washouts?|windows?|(?P<of>lab|laboratory|(?:body[ \t-]+)?weight|disease[ \t-]+activity|SLEDAI(?:-2K)?)"
    r"[ \t]+(?:limits?|thresholds?|cut-?offs?))(?![\w-])"
    r"(?:[ \t]+of[ \t]+(?P<after>\d{1,3})[ \t]+" + _UNITS.format("after_unit") + r"(?![\w-]))?"
)
_WINDOW_KINDS = frozenset({"TIME_SINCE_EVENT", "TIME_UNTIL_EVENT", "WASHOUT"})
# ... and a count of limits of a kind its word before them says: IM19's "Exclusion criterion 11 lists four lab limits."
# passed of its six (hunt 230's leftover), a count with a word before its noun read as some of them
_LIMITS_OF = {"lab": "LABORATORY", "laboratory": "LABORATORY", "weight": "BODY_WEIGHT", "activity": "DISEASE_ACTIVITY"}


def _limits_counted(record: Record) -> Iterator[Problem]:
    """E501: a count of thresholds (or limits) a remark's sentence naming one criterion gives that is not the number
    the record reads from that criterion: IM19's "Inclusion criterion 5 is long: it holds seven thresholds, three of
    them conditioned on steroids." passed of its six (hunt 224), such a count read by nothing. So is one a sentence
    naming no criterion gives of the record's all ("The record holds 25 thresholds.", of IM19's 22)."""
    eligibility = record.data.get("eligibility")
    thresholds = eligibility.get("thresholds") if isinstance(eligibility, dict) else None
    if not isinstance(thresholds, list):
        return
    for kind, i, text, _ in remarks_of(record):
        for sentence in note_names.sentences_of(normalise(text)):
            if _CRITERIA_WORDS.search(sentence) or not _OF_THE_RECORD.search(sentence):
                continue  # (of criteria: held to the one named, below; "It holds five limits" may be a criterion's)
            for given, noun in note_lists.counts_of(sentence, _LIMIT_NOUNS, whole=True):
                if not note_lists.agrees(given, len(thresholds)):
                    message = (
                        f"counts {_said(given)} {noun} of eligibility.thresholds, which holds {len(thresholds)}: "
                        f"{_RULE}"
                    )
                    yield remark_problem(record, kind, i, "E501", message)
            yield from _kinds_counted(record, kind, i, sentence, [t for t in thresholds if isinstance(t, dict)], "")
    for remark, sentence, items in sentences_naming_criteria(record):
        if len(items) != 1:
            continue
        ref = items[0][0]
        theirs = [
            t
            for t in thresholds
            if isinstance(t, dict)
            and isinstance(t.get("criterion"), dict)
            and t["criterion"].get("list") == ref["list"]
            and t["criterion"].get("number") == ref["number"]
        ]
        held = len(theirs)
        name = f"{ref['list'].lower()} criterion {ref['number']}"
        yield from _kinds_counted(record, remark.kind, remark.i, sentence, theirs, name)
        for given, noun in note_lists.counts_of(sentence, _LIMIT_NOUNS, whole=True):
            if not note_lists.agrees(given, held):
                message = (
                    f"counts {_said(given)} {noun} of {ref['list'].lower()} criterion {ref['number']}, of which the "
                    f"record reads {held}: {_RULE}"
                )
                yield remark_problem(record, remark.kind, remark.i, "E501", message)


def _kinds_counted(
    record: Record, kind: str, i: int, sentence: str, thresholds: list[dict], name: str
) -> Iterator[Problem]:
    """E501: a count of washouts or windows (_KINDS_COUNTED) a sentence gives that is not the number of thresholds of
    that kind (of that length, where it gives one) the record reads from the criterion it names (name), or from its
    all where it names none."""
    for m in _KINDS_COUNTED.finditer(sentence):
        if _QUALIFIED_KIND.match(sentence, m.end()):
            continue  # (some of them: "two windows before surgery")
        noun = " ".join(m.group("noun").lower().split())
        if m.group("of"):
            of = m.group("of").lower().replace("-", " ").split()[-1]
            held = [t for t in thresholds if t.get("kind") == _LIMITS_OF.get(of, "DISEASE_ACTIVITY")]
        elif noun.startswith("washout"):
            held = [t for t in thresholds if t.get("kind") == "WASHOUT"]
        else:
            held = [
                t
                for t in thresholds
                if t.get("kind") in _WINDOW_KINDS
                and t.get("comparator") in ("<", "<=")
                and _TIME_UNIT.match(str(t.get("unit") or ""))
            ]
        length, unit = m.group("length") or m.group("after"), m.group("unit") or m.group("after_unit")
        if length:
            held = [
                t
                for t in held
                if str(t.get("unit") or "").lower().rstrip("s") == unit.lower() and t.get("value") == int(length)
            ]
        said = m.group("count").lower()
        given = int(said) if said.isdigit() else CARDINALS[said]
        if given != len(held):
            of = f" of {length} {unit.lower()}s" if length else ""
            message = (
                f"counts {given} {noun}{of} in {name or 'eligibility.thresholds'}, of which the record reads "
                f"{len(held)}: {_RULE}"
            )
            yield remark_problem(record, kind, i, "E501", message)


_QUALIFIED_KIND = lazy(
    r"(?i)[ \t]+(?:on|for|that|which|about|with|in|under|where|before|after|of(?![ \t]+\d))(?![\w-])"
)
_TIME_UNIT = lazy(r"(?i)(?:day|week|month|year)s?\Z")


_THERAPY_NOUNS = frozenset({"prior therapy", "prior therapies", "prior treatment", "prior treatments"})


def _therapies_counted(record: Record) -> Iterator[Problem]:
    """E501: a count of prior therapies a remark gives that is not the number the record's prior therapy holds: IM19's
    "Inclusion criterion 4 names four prior therapies." passed of its three (hunt 224). A count with words after it
    that pick some out ("two prior therapies of biologics") is not read (note_lists._QUALIFIED)."""
    eligibility = record.data.get("eligibility")
    if record.data["curation"].get("status") != "complete":
        return  # (a draft may hold some of the therapies its sources name)
    prior = eligibility.get("prior_therapy") if isinstance(eligibility, dict) else None
    therapies = prior.get("therapies") if isinstance(prior, dict) else None
    if not isinstance(therapies, list) or not therapies:
        return
    for kind, i, text, _ in remarks_of(record):
        for given, noun in note_lists.counts_of(normalise(text), _THERAPY_NOUNS, whole=True):
            if not note_lists.agrees(given, len(therapies)):
                message = (
                    f"counts {_said(given)} {noun} of eligibility.prior_therapy.therapies, which holds "
                    f"{len(therapies)}: {_RULE}"
                )
                yield remark_problem(record, kind, i, "E501", message)


# a count of the record's criteria lists: "Both criteria lists start at 2", "its two eligibility lists"
_LISTS_COUNTED = lazy(
    r"(?i)(?<![\w-])(?P<count>both|" + "|".join(note_lists.SMALL_WORDS) + r"|\d{1,2})[ \t]+"
    r"(?:criteria|eligibility|criterion)[ \t]+lists\b"
)


def _criteria_lists_counted(record: Record, kind: str, i: int, text: str) -> Iterator[Problem]:
    """E501: a count a remark gives of the record's criteria lists that is not the number it holds: IM19's "Both
    criteria lists start at 2" made "The three criteria lists" passed (hunt 218), a count of lists read by nothing."""
    eligibility = record.data.get("eligibility")
    if not isinstance(eligibility, dict):
        return
    held = sum(1 for name in ("inclusion_criteria", "exclusion_criteria") if eligibility.get(name))
    for m in _LISTS_COUNTED.finditer(normalise(text)):
        word = m.group("count").lower()
        given = 2 if word == "both" else int(word) if word.isdigit() else note_lists.SMALL_WORDS[word]
        if given != held:
            message = f"counts {given} criteria lists, of which it holds {held}: {_RULE}"
            yield remark_problem(record, kind, i, "E501", message)


# A remark's words that say items are kept under a criterion as its sub-criteria: "they are kept nested under
# criterion 4", "recorded as sub-criteria of inclusion criterion 4"
_NESTED_UNDER = lazy(
    r"(?i)\b(?:nested|(?:kept|recorded|held|given|entered)[ \t]+(?:nested[ \t]+)?(?:as[ \t]+(?:its[ \t]+)?sub-?"
    r"(?:criteria|items)[ \t]+)?)[ \t]*(?:under|of|beneath)[ \t]+(?:(?P<list>inclusion|exclusion)[ \t]+)?"
    r"criterion[ \t]+(?P<number>\d+)\b"
)


def _nested_under_others(record: Record, kind: str, i: int, text: str, field: str) -> Iterator[Problem]:
    """E501: a criterion a remark says items are kept nested under that holds no sub-criteria. Relma-cel's note
    "they are kept nested under criterion 4" rewritten to "criterion 5" passed, criterion 5 holding none (mutation
    hunt 211): the criterion was judged by nothing but its number. A criterion the record does not hold, or a
    remark naming no list on no criteria list, is not judged."""
    eligibility = record.data.get("eligibility")
    if not isinstance(eligibility, dict):
        return
    for m in _NESTED_UNDER.finditer(normalise(text)):
        named = m.group("list")
        side = named.lower() if named else next((s for s in ("inclusion", "exclusion") if f"{s}_criteria" in field), "")
        if not side:
            continue
        ref = {"list": side.upper(), "number": int(m.group("number"))}
        at = fields.criteria_named(eligibility, ref)
        if len(at) == 1 and not eligibility[f"{side}_criteria"][at[0]].get("sub_criteria"):
            message = (
                f"says items are kept under {fields.criterion_name(ref)}, which holds no "
                "sub-criteria: a remark says the record nests items only where it does"
            )
            yield remark_problem(record, kind, i, "E501", message)


def _said(count: int) -> str:
    """A count as a message gives it ("many" of several)."""
    return "many" if count == note_lists.MANY else str(count)


def _forms(noun: str) -> tuple[str, str]:
    """A noun in the singular and the plural ("entry", "entries")."""
    return noun, noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def items_counted(record: Record, noun: str) -> int | None:
    """How many items a complete record's list that noun counts holds, of the lists a note on any field may count
    (_COUNTED_ANYWHERE: "location" or "sites", its locations); None where the record is no complete one (a draft may
    hold part of its sources' list), the noun counts none of them or the record holds none of it. A complete record
    holds its sources' lists whole (E519), so it is the number its source lists."""
    if record.data["curation"].get("status") != "complete":
        return None
    for name in (*_COUNTED_ANYWHERE, *_COUNTED_BY_PHRASE):
        if " ".join(noun.casefold().split()) in {n for word in _ITEM_NOUNS[name] for n in _forms(word)}:
            items = _items_of(record.data, name)
            return None if items is None else len(items)
    return None


# lists whose noun of two words names nothing else a note counts, which items_counted reads too: IM19's "The page
# mentions five related trials" (its five) was refused as a count of "related" no source writes (hunt 213's leftover);
# a note on any field counts them by the phrase (hunt 224: IM19's "Six related clinical trials are listed." of its five
# passed, on its related_trials' note too), "related clinical trials" read as "related trials"
_COUNTED_BY_PHRASE = ("related_trials",)
# ... and whose count a note on any field gives, by the phrase whole (made one word to count it): IM19's note on its
# thresholds given "The source lists six related trials." (its five) passed (hunt 223), such a count read only on a
# note on the related trials
_PHRASES = {
    "related_trials": (
        lazy(r"(?i)(?<![\w-])related[ \t]+(?:clinical[ \t]+)?(?:trials|studies)(?![\w-])"),
        frozenset({"related-trials"}),
    )
}
_CLINICAL = lazy(r"(?i)\b(?P<related>related)[ \t]+clinical[ \t]+trial")


def affiliations_naming(record: Record, noun: str) -> int | None:
    """How many different affiliations a complete record's officials hold that name noun (a word in the singular or
    the plural: "hospitals"): Relma-cel's "The officials' affiliations mention two hospitals." (its officials' two
    affiliations, each naming a hospital) was refused as a count no source writes (hunt 213's leftover). None where
    the record is no complete one or holds no officials."""
    officials = record.data.get("officials")
    if record.data["curation"].get("status") != "complete" or not isinstance(officials, list) or not officials:
        return None
    stem = noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun
    word = re.compile(rf"(?i)(?<![\w-]){re.escape(stem)}s?(?![\w-])")
    held = {
        " ".join(normalise(o["affiliation"]).casefold().split())
        for o in officials
        if isinstance(o, dict) and isinstance(o.get("affiliation"), str)
    }
    return sum(1 for affiliation in held if word.search(affiliation))
