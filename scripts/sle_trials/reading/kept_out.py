"""Kept out: the words by which a source says some patients may not take part.

"Patients over 65 years are excluded", "... cannot take part", "... are not eligible", "... must not
be enrolled", "... are barred": an age in such a sentence is no bound of who may enrol (lexicon), a
treatment had before that such a clause speaks of is no requirement (prior_therapy), and a sex it
speaks of is not the trial's (vocabulary). Each reader has its own grammar for where the words may
stand; the words are listed here once, so that a word added for one reader is read by all three
(each had a list of its own: "cannot take part" kept patients of one sex out, and an age in the
same words was read as a minimum).

And the words by which a source lets in, beside a value that leaves a group out, that group ("Sex:
Female (male patients are also eligible)", "Age 18 to 65 years; older patients may be enrolled at
the investigator's discretion"), or makes an exception to the value ("except in the extension
cohort", "unless approved by the sponsor"): a sex (vocabulary) or an age (lexicon) so widened is not
the trial's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading.sentences import within

# Words that say it without a negation
SHUT_OUT = r"(?:excluded|ineligible|barred|disqualified)"
# A negation of being let in: "not", "never", "no longer", "cannot" ...
DENIED = r"(?:not|never|no\s+longer|cannot)"
# ... and the words of being let in it denies, after "be" or alone ("are not eligible", "cannot be
# enrolled", "cannot take part")
LET_IN = (
    r"(?:eligible|enrol+ed|included|allowed|permitted|accepted|admitted|recruited|randomi[sz]ed|participate"
    r"|take\s+part)"
)

# The words after "not applicable", "N/A" or "does not apply" that say to whom, where or when a value does not
# apply ("(not applicable in Gilbert's syndrome)", "(not applicable if due to Gilbert's syndrome)", "(N/A for
# patients on anticoagulants)"): the value holds for the others, a condition of it, not a value taken back
NOT_APPLYING_TO = (
    r"(?:to|in|for|if|when(?:ever)?|where|with|among(?:st)?|unless|except|once|during|while|provided|after|before)"
)

# A sentence's words after a value, past a semicolon and a bracket; a clause's, to its semicolon or its
# bracket's end; past an abbreviation's stop, which ends neither (sentences.within: "excluding abnormalities e.g.
# those due to SLE" is one clause)
IN_SENTENCE = within(r".!?\n")
IN_CLAUSE = within(r".!?;)\]\n")
# Words that let a group in: LET_IN's, and "also", "as well", "too", "at the investigator's discretion"
LETS_IN = (
    rf"(?:{LET_IN}|enrol\w*|join\w*|participat\w*|welcome[ds]?|considered|also|as[ \t]+well|too"
    r"|discretion|case-by-case)"
)
# ... and words that keep it out or speak of it in a rule ("male partners must also use contraception",
# "except pregnant women"): the group is not let in
_NOT_LET_IN = (
    rf"(?:{DENIED}|{SHUT_OUT}|not|no|none|only|exclu\w*|childbearing|reproductive|contracept\w*"
    r"|pregnan\w*|lactat\w*|breast-?feed\w*|nursing|partners?|sperm|condoms?|barrier|vasectom\w*|fertil\w*)"
)
NO_RULE = rf"(?!{IN_CLAUSE}*?(?<![\w-]){_NOT_LET_IN}(?![\w-]))"
# A part of the trial ("the extension cohort", "Part B", "the sub-study")
PART = (
    r"(?:extension|sub-?stud(?:y|ies)|ancillary[ \t]+stud(?:y|ies)|cohorts?|parts?|arms?|stages?|sub-?groups?|"
    r"lead-in|run-in|pilot)"
)
# An exception, of a part, or of an investigator's or a sponsor's say ("except in the extension cohort",
# "unless approved by the sponsor", "other than males with lupus nephritis")
_EXCEPT = (
    r"(?:except|excepting|unless|save[ \t]+for|barring|apart[ \t]+from|other[ \t]+than|"
    r"(?:with[ \t]+(?:the[ \t]+|an[ \t]+)?)?exceptions?(?:[ \t]+(?:of|for))?)"
)
_AN_EXCEPTION_OF = rf"(?:{PART}|discretion|investigators?|sponsors?|physicians?|approv\w*|agree\w*|permission|waiver)"


def let_in(group: str) -> str:
    """A pattern of the words after a value, in its sentence, that name group (a pattern) and let it in, in
    no words of a rule or of keeping it out (to be read case-blind, from the value's end)."""
    return rf"{IN_SENTENCE}{{0,80}}?(?<![\w-]){group}(?![\w-]){NO_RULE}{IN_CLAUSE}{{0,60}}?(?<![\w-]){LETS_IN}(?![\w-])"


def let_in_next(group: str) -> str:
    """A pattern of the next sentence after a value's, opening on group (a pattern) and letting it in by
    the words that say so plainly (LET_IN, "enrol", "join", "participate"; not "also", which "Males with SLE
    are also rare" holds), in no words of a rule or of keeping it out ("Sex: Female. Male patients with
    lupus nephritis are also eligible.")."""
    return (
        rf"{IN_SENTENCE}{{0,80}}?[.!?][ \t]+(?:(?:however|but|also|in[ \t]+addition|additionally)[ \t]*,?[ \t]+)?"
        rf"(?:(?:the|all|any)[ \t]+)?{group}(?![\w-]){NO_RULE}{IN_CLAUSE}{{0,60}}?(?<![\w-])"
        rf"(?:{LET_IN}|enrol\w*|join\w*|participat\w*)(?![\w-])"
    )


def excepted(group: str = "") -> str:
    """A pattern of the words after a value, in its sentence, that make an exception to it: of a part, an
    investigator's or a sponsor's say, or group (a pattern, "" for none), in no words of a rule (to be
    read case-blind, from the value's end)."""
    of = _AN_EXCEPTION_OF if not group else rf"(?:{_AN_EXCEPTION_OF}|{group})"
    return rf"{IN_SENTENCE}{{0,80}}?(?<![\w-]){_EXCEPT}(?![\w-]){NO_RULE}{IN_CLAUSE}{{0,60}}?(?<![\w-]){of}(?![\w-])"


# ... a part of the trial opening the sentence, as its label: "Cohort B: active lupus nephritis", "Part B
# only: positive anti-dsDNA", "In the expansion cohort, ...", "For Part B:"; not every part ("All cohorts:")
_PART_LEAD = lazy(
    r"(?i)(?:(?<=[.;\n])|(?<![\s\S]))[ \t]*(?:(?:only[ \t]+)?(?:in|for)[ \t]+(?:the[ \t]+)?)?"
    r"(?!(?:all|both|either|every|each|any|across)\b)(?:[\w-]+[ \t]+){0,2}?"
    + PART
    + r"(?:[ \t]+[A-Z0-9]\b)?(?:[ \t]+only)?[ \t]*[:,][^.;\n]{0,120}\Z"
)


# ... or named after the words, in their sentence, in a bracket or after a mark or "only in": "Refractory to
# belimumab (Part B only)", "..., in Cohort 2 only", "... - expansion cohort only"; not every part ("(all
# cohorts)", "in both parts", "in either cohort")
# ("only" or a word for it: "Randomized (Part B exclusively)", "solely in Part B", "(only Part B)")
_ONLY = r"(?:only|alone|exclusively|solely|just)"


def _part_after(named: bool) -> str:
    """The pattern of a part named after the words (to be read case-blind, from their end); named: with the
    groups of_a_part_after reads (gap: the words before the part's mark; before, only: "only" before or
    after it), else with none, to be embedded as often as a pattern needs (vocabulary's lookaheads)."""

    def group(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else f"(?:{body})"

    return (
        group("gap", r"[^.;\n]{0,80}?")
        + r"(?:[(\[,;:/\u2013\u2014][ \t]*|[ \t]+-[ \t]+|[ \t]+(?=(?:"
        + _ONLY
        + r"[ \t]+)?(?:in|for|within)\b))"
        + group("before", _ONLY + r"[ \t]+")
        + r"?(?:(?:in|for|within)[ \t]+(?:the[ \t]+)?)?"
        r"(?:(?!(?:all|both|either|every|each|any|across|throughout)\b)[\w-]+[ \t]+){0,2}?"
        r"(?:" + PART + r"|(?:dose-)?expansion|portion)"
        r"\b(?:[ \t]+(?:stud(?:y|ies)|cohorts?|phases?|periods?|parts?)\b)?(?:[ \t]+[A-Z0-9]\b)?"
        r"(?:[ \t]+(?:patients|participants|subjects))?"
        r"(?=[ \t]*(?:" + group("only", _ONLY) + r"\b|[)\],;.]|\Z|\n))"
    )


# (the same words, for other readers' patterns: vocabulary's values given of a part, "Sex: Female (extension
# cohort only)", "Positive ANA (Part B only)")
PART_NAMED_AFTER = _part_after(named=False)
_PART_AFTER = lazy("(?i)" + _part_after(named=True))


# (words before the part that open a clause of their own, which the part is of: "with" and a participle of
# another thing, "where", "while": "Randomized, with crossover allowed in the extension only", "Double, with
# open-label dosing in the lead-in only"; not "with 2:1 allocation in Part B only", the term's own words)
_ANOTHER_CLAUSE = lazy(
    r"(?i)(?<![\w-])(?:where|whereas|while)(?![\w-])"
    r"|(?<![\w-])with(?![\w-])[^,;:()\[\]]*?(?<![\w-])(?:[a-z-]+(?:ed|en|ing)|given|done|made)(?![\w-])"
)


# (after a part the words hold in, another they do not: "Randomized in Part B but not Part A", "...
# in Part B; Part A is non-randomized", "..., not in the extension"): the words hold in that part alone
_NOT_THE_OTHER = lazy(
    r"(?i)[ \t]*(?:,[ \t]*)?(?:(?:but|and)[ \t]+)?(?:not|never)[ \t]+(?:in[ \t]+|for[ \t]+)?(?:the[ \t]+)?"
    + PART
    + r"\b|[ \t]*[,;.][ \t]*(?:the[ \t]+|in[ \t]+(?:the[ \t]+)?)?"
    + PART
    + r"(?:[ \t]+[A-Z0-9]\b)?(?:[ \t]+is|[ \t]+are|[ \t]+was|[ \t]+will[ \t]+be|[ \t]*,)?[ \t]+"
    r"(?:not[ \t]+|non-?|un)[a-z]"
)

_IN_ONE_NOT_THE_OTHER = lazy(
    r"(?i)[ \t]+(?:in|for|within)[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+){0,2}?"
    + PART
    + r"(?:[ \t]+[A-Z0-9]\b)?(?=[ \t]*,?[ \t]*(?:but|and)[ \t]+not[ \t]+(?:in[ \t]+|for[ \t]+)?(?:the[ \t]+)?"
    + PART
    + r"\b)"
)


def of_a_part_after(text: str, at: int, only: bool = False) -> bool:
    """Whether the words from text[at] name, in their sentence, a part of the trial they are asked of
    ("Refractory to belimumab (Part B only)", ", in Cohort 2 only"): of_a_part's part, named after. With
    only, a part they hold in alone ("Randomized in the extension study only", "only in Part B"), not
    one they hold in too ("Randomized 1:1 in Part B"), nor one another clause after them names ("...,
    with crossover allowed in the extension only": _ANOTHER_CLAUSE)."""
    found = _PART_AFTER.match(text, at)
    if found is None and only:  # (a part with "but not" another after it, no mark between)
        return _IN_ONE_NOT_THE_OTHER.match(text, at) is not None
    if found is None or not only:
        return found is not None
    if _ANOTHER_CLAUSE.search(found.group("gap")):
        return False  # (the part is another clause's: "Randomized, with crossover allowed in the extension only")
    return (
        found.group("only") is not None
        or found.group("before") is not None
        or _NOT_THE_OTHER.match(text, found.end()) is not None
    )


def of_a_part(text: str, at: int) -> bool:
    """Whether the sentence text[at] stands in opens with a part of the trial as its label ("Cohort B:
    active lupus nephritis", "Part B only: positive ANA"): what it asks of patients is that part's only.
    Read as the trial's, "Cohort B: active lupus nephritis" passed as the scope REQUIRED (vocabulary), and
    "Part B only: refractory to belimumab" as a prior therapy of the trial's (prior_therapy). And a part
    named as of_a_named_part reads it ("Status: Part A: Completed", "Arm B - allogeneic")."""
    return _PART_LEAD.search(text, max(0, at - 160), at) is not None or of_a_named_part(text, at)


# ... a part the label names by its letter or number ("Part A:", "Cohort 1:", "Arm B -", "Stage 2:", "Dose
# level 1:", "Group A (lupus nephritis):", "In Part B,"), or by a word no trial as a whole is called by
# ("Extension cohort:", "Dose-expansion part:", "Lead-in:"; not "In this dose-escalation study,"), after a field's
# label or none ("Status: Part A: Completed", "Origin: Part A: autologous ..."): the value the sentence gives is
# that part's. Not a part's word alone, which a design names too ("Single arm, Phase 1 study", "An observational
# cohort, prospective"), nor every part ("All cohorts:", "Cohorts A and B:").
# (its number in words too: "Part One:", "Cohort Two:")
_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
# (a part's kind, and its letter, roman numeral, number or number in words: each read again where parts are joined)
_KIND = r"(?:" + PART + r"|groups?|dose[ \t-]+levels?)"
_TOKEN = r"(?:(?-i:[A-Z]{1,2}|[IVX]{1,4})|[0-9]{1,2}[a-z]?|" + _NUMBER_WORD + r")(?![\w-])"
_A_PART_ITS_LETTER = _KIND + r"[ \t]+" + _TOKEN
# (the words joining parts: "Part A and Part B", "Cohorts 1, 2 and 3", "Part A/B", "Part A & B")
_JOIN = r"[ \t]*(?:,[ \t]*(?:(?:and|or)(?![\w-])|&|\+)?|(?:and|or)(?![\w-])|&|/|\+)[ \t]*"
# (or a dose's escalation or expansion alone, "Escalation: Completed. Expansion: Recruiting.", where its mark
# follows (_PART_NAMED_ENDS's); or a cohort or a sub-group named by a capitalised word, "Adult cohort:",
# "Paediatric cohort:", "LN sub-group:", not one of the whole trial: "Single cohort:", "Study cohort:")
_A_PART_BY_NAME = (
    r"(?:(?:extension|sub-?stud(?:y|ies)|lead-in|run-in)(?:[ \t]+(?:cohorts?|phases?|periods?|parts?|arms?))?"
    r"|(?:dose[ \t-]*)?(?:expansion|escalation)[ \t]+(?:cohorts?|phases?|periods?|parts?|arms?|stages?)"
    r"|(?:dose[ \t-]*)?(?:expansion|escalation)(?=[ \t]*(?::|\||[ \t]-[ \t]|[\u2013\u2014]))"
    r"|(?!(?:single|one|sole|this|the|each|all|both|every|any|study|overall|whole|total|entire|trial|our)(?![\w-]))"
    r"(?-i:[A-Z])[\w-]*[ \t]+(?:cohort|sub-?group)(?=[ \t]*(?::|\||[ \t]-[ \t]|[\u2013\u2014])))"
)
_A_PART = rf"(?P<part>{_A_PART_ITS_LETTER}|{_A_PART_BY_NAME})"
# (its sub-heading in a bracket, "only", and its mark: "Group A (lupus nephritis):", "Part B only:", "Arm B -", a
# table's bar "Part A | Completed"; or a field's label after it, a heading the line's break before the label was
# read as a space of: "Part A Status:"; or the bracket the words stand in: "Part B (Phase 2): ...")
_PART_NAMED_ENDS = (
    r"(?:[ \t]*\([^()\n]{0,60}\))?(?:[ \t]+only)?(?:[ \t]*:|[ \t]+-|[ \t]*[\u2013\u2014|]"
    r"|[ \t]+(?-i:[A-Z])[\w/-]*(?:[ \t]+[\w/()-]+){0,3}[ \t]*:)"
    r"|[ \t]*\((?=[^()\n]{0,60}\Z)"
    # (or white space alone before the words, a table's cell break read as a space: "Part A<TAB>Completed", "Part A
    # Completed. Part B Recruiting." gave the trial's status COMPLETED, mutation hunt 207)
    r"|[ \t]+(?=\Z)"
)
# (a part as the subject of its sentence: "Part A is randomized", "Cohort A enrols female patients")
_PART_DOES = (
    r"[ \t]+(?:only[ \t]+)?(?:is|are|was|were|will|uses?|used|enrol\w*|recruit\w*|receives?|gives?|tests?|includes?"
    r"|has|have|follows?|evaluates?|studies)(?![\w-])"
)
_NAMED_PART_LEAD_TEXT = (
    # at a sentence's start or after a label's colon: "Part A:", "In Part B,", "Status: Part A:", "Extension cohort:",
    # "Part A is randomized"; or anywhere, a part's capitalised name as a label or a subject ("2025-08-17 Part A:
    # Completed", "2025 Extension cohort: Recruiting": a line's break read as a space; "... Cohort A enrols"), or by
    # its kind and number in any case ("Dose level 1 and dose level 2 enrol 24": read only capitalised, the count of
    # the lower-case parts joined bound the trial's enrollment beside "dose level 3 enrols 6", mutation hunt 207)
    r"(?:(?P<start>(?:(?<=[.;:\n])|(?<![\s\S]))[ \t]*(?i:(?:(?:only[ \t]+)?(?:in|for|within)[ \t]+(?:the[ \t]+)?)?))"
    r"|(?<![\w-])(?=[A-Z]|(?i:" + _KIND + r")[ \t]+" + _TOKEN + r"))"
    rf"(?i:{_A_PART}(?:{_JOIN}(?:{_KIND}[ \t]+)?{_TOKEN})*(?:{_PART_NAMED_ENDS}|{_PART_DOES}|(?(start)[ \t]*,|(?!))))"
    r"[^.;\n]{0,120}\Z"
)
_NAMED_PART_LEAD = lazy(_NAMED_PART_LEAD_TEXT)
_NEAREST_NAMED_PART_LEAD = lazy(r"[\s\S]*" + _NAMED_PART_LEAD_TEXT)  # (the last before the words: "Part A ... Part B:")
# ... or named after the value, in a bracket of its own or "in" it, to the clause's end: "Completed (Part A only)",
# "Phase 2 (Part B)", "allogeneic CAR-T cells in Part B", ", for Cohort 2 only"; not a bracket that goes on ("Phase
# 1/2 (Part A: dose escalation; ...)"), nor every part ("in both parts"), nor past a clause's words (three at most)
_NAMED_PART_AFTER = lazy(
    rf"(?:[ \t]+[\w/-]+){{0,3}}?(?:[ \t]*\([ \t]*(?:(?P<before>{_ONLY})[ \t]+)?"
    rf"|[ \t]*,?[ \t]+(?:(?P<first>{_ONLY})[ \t]+)?(?=(?i:in|for|within)\b))"
    rf"(?i:(?:(?:in|for|within)[ \t]+)?(?:the[ \t]+)?{_A_PART}(?:[ \t]+(?P<only>{_ONLY}))?)(?=[ \t]*[).;,\n]|\Z)"
)


# Parts joined, the words giving a value of each ("Part A and Part B: Recruiting", "Part A/Part B:", "Part A & B",
# "Part A, B and C:", "Cohort 1, Cohort 2 and Cohort 3 enrol 24 participants"): the part a lead names with another
# before it (_JOINED_BEFORE) or after it (_JOINED_AFTER) is one of several, not a part alone. (Parts written
# together, "Parts A and B:", "Cohorts 1 and 2 enrol", are a lead's joined tokens: read as no part, their count bound
# the trial's enrollment beside "Cohort 3 enrols 6", mutation hunt 207. "Both parts", "all cohorts" are no part's.)
# (the first part's word left out where the words read begin after it: a sentence guessed to open after a line's
# break at "A and Part B enrol 24 participants")
_JOINED_BEFORE = lazy(
    rf"(?i)(?:(?<![\w-]){_KIND}[ \t]+|(?<![\s\S])){_TOKEN}(?:{_JOIN}(?:{_KIND}[ \t]+)?{_TOKEN})*{_JOIN}\Z"
)
# (after it, a list ending on "and", "or" or a mark, of no count: not "In Part 1, 2 patients")
_JOINED_AFTER = lazy(
    rf"(?i)(?:[ \t]*,[ \t]*(?:{_KIND}[ \t]+)?{_TOKEN})*[ \t]*,?[ \t]*(?:(?:and|or)(?![\w-])|&|/|\+)[ \t]*"
    rf"(?:{_KIND}[ \t]+)?{_TOKEN}"
    r"(?![ \t]+(?:patients?|participants?|subjects?|people|persons|individuals|adults|children|cases)(?![\w-]))"
)


def _joined(text: str, found: re.Match[str]) -> bool:
    """Whether the part a lead found names (its group "part") is joined to another, the words given of both."""
    start, end = found.span("part")
    return (
        _JOINED_BEFORE.search(text, max(0, start - 80), start) is not None or _JOINED_AFTER.match(text, end) is not None
    )


# (a part's letter or number, with the kind's word before it or none: each token of parts joined)
_TOKENS = lazy(rf"(?i)(?<![\w-])(?:{_KIND}[ \t]+)?({_TOKEN})")


def _joined_beside_another(text: str, found: re.Match[str], whole: str) -> bool:
    """Whether the parts joined at found ("Part A and Part B enrol 24 participants") are some of the trial's parts
    only: the document (whole) names a part of their kind by another letter or number ("Part C enrols 6
    participants"). Their words are given of the parts joined, not of the trial: "Part A and Part B enrol 24
    participants; Part C enrols 6 participants" bound an enrollment of 24 (mutation hunt 206)."""
    start, end = found.span("part")
    before = _JOINED_BEFORE.search(text, max(0, start - 80), start)
    after = _JOINED_AFTER.match(text, end)
    span = text[before.start() if before else start : after.end() if after else end]
    joined = {m.group(1).lower() for m in _TOKENS.finditer(span)}
    kind = r"[ \t-]+".join(re.escape(word) for word in found.group("part").lower().split()[:-1]).removesuffix("s")
    named = rf"(?i)(?<![\w-]){kind}s?[ \t]+({_TOKEN})"
    # (another part of the kind named as they are, by letters or by numbers: "Part 1" of a document's sections is no
    # third part beside "Part A and Part B", each refused the trial's enrollment, review 206)
    schemes = {_lettered(token) for token in joined}
    return any(
        m.group(1).lower() not in joined and _lettered(m.group(1).lower()) in schemes for m in re.finditer(named, whole)
    )


def _lettered(token: str) -> bool:
    """Whether a part's token is a letter ("a", "bb"), not a number (digits, a Roman numeral, a number's word)."""
    return token.isalpha() and len(token) <= 2 and not set(token) <= set("ivx")


def _named_leads(text: str, at: int) -> Iterator[re.Match[str]]:
    """Each part of the trial named as the label or the subject of the sentence text[at] stands in
    (_NAMED_PART_LEAD), nearest last."""
    pos = max(0, at - 200)
    while (found := _NAMED_PART_LEAD.search(text, pos, at)) is not None:
        yield found
        pos = found.start() + 1


# A document stating the trial has one part of a kind ("This single-arm study", "Single Group Assignment", "a
# one-arm study", "no other arm"): a part of that kind it labels ("Arm A: autologous ...") is the whole trial, where it
# names no other of that kind. (A kind's words alike: an arm and a group, the registry's "Single Group".)
_ONE_OF = (
    r"(?<![\w-])(?<!not[ \t]a[ \t])(?<!non-)(?:(?:single|sole|only[ \t]+one|no[ \t]+other)[ \t-]+|one-)"
    r"(?:{})s?(?![\w-])"
)
# (and words naming another of the kind, or several: "the control arm", "another cohort", "two arms", "both arms";
# not "no other arm")
_MORE_THAN_ONE = (
    r"(?i)(?<![\w-])(?<!no[ \t])(?:both|each|every|all|two|three|four|[2-9]|other|another|second|control|comparator"
    r"|placebo|standard[ \t-]of[ \t-]care|reference|separate|different|multiple|several)[ \t-]+(?:{})(?![\w-])"
)
_LIKE_KINDS = {"arm": r"arms?|groups?", "group": r"arms?|groups?"}


def _the_only_one(whole: str, name: str) -> bool:
    """Whether a document's whole text says the trial has one part of the kind of the part named name ("arm a"),
    and names no other part of that kind ("Arm B", "Arms A and B", "both arms", "the control arm")."""
    kind, _, token = name.rpartition(" ")
    kind = kind.rstrip("s")
    if not kind or kind not in {"part", "arm", "cohort", "stage", "group", "sub-group", "subgroup"}:
        return False
    kinds = _LIKE_KINDS.get(kind, re.escape(kind) + "s?")
    if re.search(_ONE_OF.format(kinds), whole, re.IGNORECASE) is None:
        return False
    named = rf"(?i)(?<![\w-])(?:{kinds})[ \t]+{_TOKEN}(?:{_JOIN}{_TOKEN})*"
    for found in re.finditer(named, whole):
        tokens = re.findall(r"(?<![\w-])[A-Za-z0-9]{1,4}(?![\w-])", found.group())
        if any(t.lower() != token and t.lower() not in {"and", "or"} for t in tokens[1:]):
            return False
    return re.search(_MORE_THAN_ONE.format(kinds), whole) is None


def of_a_named_part(text: str, at: int, whole: str | None = None) -> bool:
    """Whether the sentence text[at] stands in opens with a part of the trial named by its letter or number, or
    by a word no whole trial is called by, as its label or its subject (_NAMED_PART_LEAD: "Part A: Completed",
    "Status: Part A: Completed", "Cohort 1: autologous ...", "Arm B - Phase 2", "Part A is randomized"): the value
    it gives is that part's, not the trial's. Read as the trial's, "Part A: Completed" beside "Part B:
    Recruiting" passed as the trial's status, "Part B: Phase 2" beside "Part A: Phase 1" as its phases [PHASE2].
    Not parts joined ("Part A and Part B enrol 24 participants": _joined) unless, with the document's whole text,
    it names another part of their kind (_joined_beside_another), nor the one part of its kind the document says
    the trial has ("Arm A: ..." of "This single-arm study": _the_only_one)."""
    return any(
        (not _joined(text, found) or (whole is not None and _joined_beside_another(text, found, whole)))
        and (whole is None or not _the_only_one(whole, " ".join(found.group("part").lower().split())))
        for found in _named_leads(text, at)
    )


class NamedPart(NamedTuple):
    """A part of the trial some words are given of (named_part): its name, in lower case with its spaces single
    ("part a"), and whether they are given of it alone: it labels their sentence or is its subject, or "only"
    names it after them ("Completed (Part A only)"), not merely "in" it ("Randomized, in Part B": in it too)."""

    name: str
    alone: bool


def named_part(text: str, start: int, end: int, whole: str | None = None) -> NamedPart | None:
    """The part of the trial words at text[start:end] (a value's) are given of: one naming their sentence
    (of_a_named_part), or one named right after them (_NAMED_PART_AFTER: "Completed (Part A only)", "allogeneic
    CAR-T cells in Part B"); else None. Parts joined naming their sentence ("Part A and Part B: Recruiting") are
    given the words together, not alone (in them too); and with the document's whole text, the one part of its
    kind it says the trial has ("Arm A: autologous ..." of "This single-arm study") is the trial: None."""
    found = _NEAREST_NAMED_PART_LEAD.match(text, max(0, start - 200), start)
    if found is not None:
        name = " ".join(found.group("part").lower().split())
        if whole is not None and _the_only_one(whole, name):
            return None
        return NamedPart(name, not _joined(text, found))
    found = _NAMED_PART_AFTER.match(text, end)
    if found is None:
        return None
    alone = any(found.group(g) is not None for g in ("before", "first", "only"))
    return NamedPart(" ".join(found.group("part").lower().split()), alone)


# A criteria list's sub-heading (a criterion's group) naming a part of the trial or a group of its patients the
# criteria under it are for ("Cohort B (lupus nephritis)", "Part A", "Dose-expansion cohort", "Sub-group 2"); not
# every part ("All cohorts", "Both parts", "Across arms")
# What a sub-heading names a part of the trial by: a part's word, or a group, a stratum, a population, a phase, a
# dose's expansion or escalation ("Group B (lupus nephritis):", "Dose expansion:"; read as the trial's, what the
# criteria under them ask passed as every patient's)
_PART_HEADED = rf"(?:{PART}|groups?|strat(?:um|a)|populations?|phases?|(?:dose[ \t-]+)?(?:expansion|escalation))"
_PART_NAMED = lazy(r"(?i)(?<![\w-])" + _PART_HEADED + r"(?![\w-])")
# ... and names every part, or more than one: a word of every part before the part's word ("All cohorts", "both
# parts", not the "any" of "lupus nephritis of any class"), or two parts joined ("Part A and Part B", "Cohorts A
# and B", "Phase 1/2")
_EVERY_PART = lazy(
    r"(?i)(?<![\w-])(?:all|both|either|every|each|any|across|throughout)[ \t]+(?:(?:of[ \t]+)?the[ \t]+)?"
    + _PART_HEADED
    + r"(?![\w-])|(?<![\w-])"
    + _PART_HEADED
    + r"(?:[ \t]+(?-i:[A-Z0-9]{1,3}))?[ \t]*(?:,|and|&|/|or)[ \t]*(?:"
    + _PART_HEADED
    + r"[ \t]+)?(?-i:[A-Z0-9]{1,3})(?![\w-])"
)


def heads_a_part(group: object) -> bool:
    """Whether a criterion's group, the sub-heading its list gives it under, names a part of the trial: what the
    criterion asks of patients is that part's only, as of_a_part reads a part named as its sentence's label. Read
    as the trial's, "Biopsy-proven lupus nephritis" under "Cohort B (lupus nephritis):" passed as the scope
    REQUIRED, and the silence check refused the field declared silent (cohort A enrols extrarenal SLE)."""
    return isinstance(group, str) and _PART_NAMED.search(group) is not None and _EVERY_PART.search(group) is None
