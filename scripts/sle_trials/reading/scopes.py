"""Scopes: which limits of a criterion a condition of that criterion can govern, by where it stands.

A criterion with nested items ("4. ... Oral corticosteroids must meet the following requirements:"
then "1. Prednisone ≥7.5 mg/day, and ≤30 mg/day." "2. There is no minimum daily dose requirement ...
when used in combination with immunosuppressants." "3. At least 8 weeks of treatment ...") is read as
one text, its items' own texts one after the other (binding's corpus). Where a condition stands
in that tree says which limits it can govern:

- before the limit, in the limit's own item: it governs the limits after it, until another condition
  starts ("If the subject is receiving steroids: ... 30mg/day ... If ... antimalarial drugs: ... 12
  weeks"), unless it states a limit of its own joined to what follows by "and" or "or" (another
  requirement: "at least 6 months, and the disease remained active at least 2 months");
- before the limit, in an item above the limit's (a sub-list's heading): it governs the whole sub-list;
- before the limit, in an item beside it or beside an item above it: it is that item's, not this one's
  (sub-item 2's exception does not govern sub-item 3's 8 weeks);
- after the limit, in its own sentence: a trailing clause ("Score ≥6 ... if low complement ... is
  present");
- wherever it stands, not words that run on from another limit's, with no clause mark between ("at
  least 6 months, and ... at least 2 months after the use of ...": the "after" is the 2 months', in
  the sub-list below the sentence too), an "if" too;
- after the limit, in its own item or one beside it, an exception that names the limit's side ("no
  minimum ..." lifts a floor, "no maximum ..." a ceiling);
- after the limit, in the clause right after its semicolon, a waiver ("; exceptions may be granted by the
  sponsor") or words that let in patients it would keep out ("; patients with Gilbert's syndrome are
  eligible", "; unless due to Gilbert's syndrome": lets_in_after), and in the sentence right after its
  own, in its item, or opening the next item of its list, a permission (". Patients with Gilbert's syndrome
  are eligible."), before any other limit (the next criterion of its list too: permission_in), and the
  clause or the sentence saying when it applies ("; only in the absence of ...", ". This applies only if
  ...");
- a condition's absence right after the limit in its sentence ("in the absence of autoimmune hepatitis",
  "without evidence of hemolysis", "and no evidence of hepatitis" of an exclusion limit, "(hepatitis
  excluded)", "without anticoagulation", "not on anticoagulants"), or opening its sentence before any of its
  limits, set off by a mark ("In the absence of autoimmune hepatitis, ALT > 3 × ULN");
- other words that open a condition, after the limit in its sentence ("barring hepatitis", "once hepatitis
  is excluded", "provided that ...", "; exception: Gilbert's syndrome") or opening its sentence before any of
  its limits, set off by a mark ("Unless due to Gilbert's syndrome, bilirubin > 2 × ULN").

Anything else is another limit's condition. thresholds.py reports a threshold holding one (E518), and
one left out where its criterion states it for the limit (E524): an "if" of the limit's own sentence,
the heading of a sub-list it stands in, an exception that lifts its side, a permission after its
semicolon (required()).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sle_trials.patterns import lazy
from sle_trials.reading import kept_out, sentences
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon.instruments import INSTRUMENTS

# where a sentence or a clause ends ("7.5", "e.g.," and the stop of "excl. hepatitis" end none: sentences.END,
# as thresholds and lexicon read the limit's sentence)
_SENTENCE_END = sentences.END
CONDITION_START = lazy(r"(?i)\bif\b")  # where a criterion starts a condition of its own ("if ...")
# the words of an exception that lifts a floor or a ceiling: "There is no minimum daily dose requirement
# ... when ...", "the maximum does not apply to ..."
_LIFTED = (
    r"(?:\bno\s+(?:[\w-]+\s+){{0,3}}?{side}\b"
    r"|\b{side}\b[^.;]{{0,60}}?\b(?:does not apply|is not required|is waived)\b)"
)
_NO_FLOOR = lazy(_LIFTED.format(side="(?:minimum|lower limit)"), re.I)
_NO_CEILING = lazy(_LIFTED.format(side="(?:maximum|upper limit)"), re.I)


def _lifted(comparator: str) -> re.Pattern[str] | None:
    """The words of an exception to a limit with this comparator (none for "=")."""
    return _NO_FLOOR if comparator in (">=", ">") else _NO_CEILING if comparator in ("<=", "<") else None


@dataclass(frozen=True)
class Span:
    """One item's own text in a criterion's text: where it starts and ends, and where the item stands
    (the indexes from the criterion down: () is the criterion itself, (1, 0) its sub-item 1's first)."""

    start: int
    end: int
    place: tuple[int, ...]


def spans(item: dict, text: str) -> tuple[Span, ...]:
    """The own text of the criterion and of each item nested in it, in reading order, as spans of
    text (normalise(" ".join(texts)), binding's corpus); () when text is not the items' own texts
    joined (an escape or a form that normalises across two items): then it reads as one item."""
    out: list[Span] = []
    texts: list[str] = []
    at = 0

    def walk(node: dict, place: tuple[int, ...]) -> None:
        nonlocal at
        own = normalise(node["text"])
        if own:
            start = at + (1 if texts else 0)
            out.append(Span(start, start + len(own), place))
            texts.append(own)
            at = start + len(own)
        for k, sub in enumerate(node.get("sub_criteria", [])):
            walk(sub, place + (k,))

    walk(item, ())
    return tuple(out) if " ".join(texts) == text else ()


def _at(layout: tuple[Span, ...], position: int) -> Span | None:
    return next((s for s in layout if s.start <= position < s.end), None)


def _next_item(layout: tuple[Span, ...], item: Span) -> Span | None:
    """The item right after item in its list (a sub-list's next item), if it has text of its own."""
    if not item.place:
        return None
    place = item.place[:-1] + (item.place[-1] + 1,)
    return next((s for s in layout if s.place == place), None)


def after_a_run_of_limits(
    layout: tuple[Span, ...], item: Span, place: tuple[int, ...], limits: tuple[tuple[int, int], ...]
) -> bool:
    """Whether the item at place stands after item in its list, each item between them stating a limit (limits:
    where the text states one, as (start, end))."""
    nxt = _next_item(layout, item)
    while nxt is not None and nxt.place != place:
        if not any(nxt.start <= lo < nxt.end for lo, _ in limits):
            return False
        nxt = _next_item(layout, nxt)
    return nxt is not None


def above(layout: tuple[Span, ...], where: int, at: int) -> bool:
    """Whether the text at position where stands in the item that holds position at or in one above
    it (a sub-list's heading); true when the criterion reads as one item."""
    one, other = _at(layout, at), _at(layout, where)
    return one is None or other is None or one.place[: len(other.place)] == other.place


def governs(
    layout: tuple[Span, ...],
    text: str,
    condition: str,
    at: int,
    comparator: str,
    others: list[str],
    limits: tuple[tuple[int, int], ...] = (),
) -> bool:
    """Whether the condition (normalised, as it stands first in text) can govern the limit stated at
    position at with the comparator; others: the other conditions the record gives the criterion's
    limits (a condition ends where another starts); limits: where text states a limit (a comparator
    and a number), as (start, end)."""
    where = text.find(condition)
    if where < 0:
        return True  # not in the criterion at all: E513 says so
    limit_item, condition_item = _at(layout, at), _at(layout, where)
    if limit_item is None or condition_item is None:  # one text: the criterion read as one item
        limit_item = condition_item = Span(0, len(text), ())
    own, cond = limit_item.place, condition_item.place
    # (wherever it stands, words that run on from another limit's are that limit's clause)
    if runs_on_from_another(text, at, where, limits, condition_item.start):
        return False
    if where < at:
        if cond == own:  # in the limit's own item: until another condition starts
            return not (
                _starts_between(text, others, where + len(condition), at)
                or of_another_limit(text, where, where + len(condition), at, limits)
                or another_requirement(text, where, where + len(condition), limits)
            )
        return above(layout, where, at)  # a heading above the limit's item
    if cond == own and not _SENTENCE_END.search(text, at, where):
        return True  # a trailing clause of the limit's own sentence
    ends = [m.group() for m in _SENTENCE_END.finditer(text, at, where)]
    if cond == own and ends == [";"] and _WAIVED.search(condition):
        return True  # a waiver in the clause after its semicolon ("; exceptions may be granted by the sponsor")
    if cond == own and ends == [";"] and _ruled_out_after(text, where, _clause_end(text, where, limit_item.end), at):
        return True  # what is ruled out alone in the clause after its semicolon ("; hepatitis excluded")
    if cond == own and len(ends) == 1 and lets_in_after(condition, ends[0]) and not _limit_between(limits, at, where):
        # a permission or an exception in the clause after its semicolon, or the sentence after its own ("; patients
        # with Gilbert's syndrome are eligible"), before any other limit
        return True
    if (
        cond == getattr(_next_item(layout, limit_item), "place", None)
        and lets_in_after(condition, ".")
        and not _limit_between(limits, at, where)
    ):
        return True  # a permission in the next item of its list ("b. Patients with Gilbert's syndrome are eligible.")
    if (
        lets_in_after(condition, ".")
        and after_a_run_of_limits(layout, limit_item, cond, limits)
        and not _limit_between(limits, condition_item.start - 1, where)
    ):
        # ... or in the item right after a run of items each stating a limit, the limit's own first among them
        # ("a. Total bilirubin > 2 mg/dL" "b. ALT > 3 ×ULN" "c. Patients with Gilbert's syndrome are eligible."):
        # which limit of the run it lets patients past is no word of the text
        return True
    lifted = _lifted(comparator)
    return _beside(own, cond) and lifted is not None and bool(lifted.search(condition))


def runs_on_from_another(text: str, at: int, where: int, limits: tuple[tuple[int, int], ...], start: int = 0) -> bool:
    """Whether the words at where run on from the words of another limit than the one at position at:
    the limit stated nearest before them (after start, where their item starts) is another, and no
    clause mark (",", ";", ":", ".") stands between its end and them. They are that limit's clause: "at
    least 6 months, and the disease remained active at least 2 months after the use of a stable
    standard SLE regimen" (the regimen is the 2 months', not the 6 months' nor a limit's in a sub-list
    below), "within 24 weeks prior to screening, or surgery is planned within 24 weeks after
    enrollment" (the enrollment is the planned surgery's). Words set off after the last limit ("≥3×ULN,
    or bilirubin >1.5×ULN, excluding ... due to SLE hepatitis") are said of the limits before them too,
    and so are words after limits that no mark sets apart, which share them ("SLEDAI-2K ≥ 6 and BILAG A
    ≥ 1 at screening"): only another clause, after a mark, has words of its own."""
    return RunsOn(text, at, limits, start)(where)


class RunsOn:
    """runs_on_from_another for one limit (at), its limits and its item's start, asked of many words after
    it: each limit's first clause mark after it looked for once, the limit nearest before the words found
    by bisection. Asked of each match of a pattern in the limit's sentence, the marks looked for in the
    text between a limit and each match (a slice of it, then a search) read a sentence of n characters
    about n/10 times: "ALT > 3 x ULN, or AST > 3 x ULN not due to not due to ..." of 80,000 characters, 0.8 s
    a limit, a 1 MiB one minutes."""

    def __init__(self, text: str, at: int, limits: tuple[tuple[int, int], ...], start: int = 0) -> None:
        self.text, self.at = text, at
        self.ends = sorted((hi, lo) for lo, hi in limits if start <= lo)  # each limit after start, by its end
        self.own = max((h for lo_, h in limits if lo_ <= at < h), default=at)  # where the limit at ends
        self.marks: dict[int, int] = {}  # a position -> where the first clause mark from it stands

    def _mark_from(self, at: int) -> int:
        if at not in self.marks:
            found = _CLAUSE_MARK.search(self.text, at)
            self.marks[at] = found.start() if found else len(self.text)
        return self.marks[at]

    def __call__(self, where: int) -> bool:
        k = bisect.bisect_right(self.ends, (where, len(self.text) + 1))
        if not k:
            return False
        hi, lo = self.ends[k - 1]
        if lo <= self.at < hi or self._mark_from(hi) < where:
            return False
        if self.at < lo:  # after this limit: another clause's only if a mark sets that clause apart from this limit
            return self._mark_from(self.own) < lo
        return True


_CLAUSE_MARK = lazy(r"[,;:.]")


# "and" or "or" right after a clause: what follows is another requirement beside it, or one instead
_COORDINATED = lazy(r"\s*,?\s*(?:and/or|and|or)\b", re.I)


def another_requirement(text: str, start: int, end: int, limits: tuple[tuple[int, int], ...]) -> bool:
    """Whether the words at start..end, before a limit in its sentence, state a limit of their own and
    are joined to what follows by "and" or "or": another requirement beside the limit or one instead
    of it, not a condition of it ("The history of SLE prior to screening was at least 6 months, and the
    disease remained active at least 2 months": the 6 months are not when the 2 months apply; "Major
    surgery ... within 24 weeks prior to screening, or surgery is planned within 24 weeks after
    enrollment"). A condition that states a limit and leads into this one is one ("If eGFR < 60
    mL/min, the dose must be ≤ 10 mg/day")."""
    return any(start <= lo and hi <= end for lo, hi in limits) and _COORDINATED.match(text, end) is not None


def of_another_limit(text: str, start: int, end: int, at: int, limits: tuple[tuple[int, int], ...]) -> bool:
    """Whether the words at start..end, before the limit at position at, belong to another limit's
    sentence: that sentence states its limit before the words end, and it ends before this limit
    ("SELENA-SLEDAI score ≥8 during the screening period. Score ≥6 ...": "during the screening period"
    is the ≥8's; an inline item "d. CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³ e.
    Platelets <25,000/mm³": item d's words are not the platelets'). A condition that leads its
    sentence ("If ... immunosuppressants: ... ≥ 12 weeks ... . Maintain ... 8 weeks") states no limit
    before it ends, and governs the sentences after it."""
    begun = _begun(text, start, _SENTENCE_END)
    return any(begun <= lo < end and lo != at and _SENTENCE_END.search(text, hi, at) is not None for lo, hi in limits)


def _beside(own: tuple[int, ...], other: tuple[int, ...]) -> bool:
    """Whether an item is the limit's own or one of the same list as it."""
    return other == own or (len(other) == len(own) and other[:-1] == own[:-1])


def conditional(layout: tuple[Span, ...], text: str) -> bool:
    """Whether anything of the criterion can be required() of a limit in it: an "if", a sub-list, the
    words of an exception (of a side, or of the values a cause explains), or a part of the trial, a
    group of its patients or a waiver it may name. A
    criterion with none (most) requires nothing of a limit with no conditions, and is not read again
    for each."""
    return len(layout) > 1 or bool(
        CONDITION_START.search(text)
        or _NO_FLOOR.search(text)
        or _NO_CEILING.search(text)
        or _PART_NAMED.search(text)
        or _A_GROUP.search(text)
        or _WAIVED.search(text)
        or _CAUSE_EXCEPTION.search(text)
        or _A_CAUSE.search(text)
        or _CONDITION_EXCEPTION.search(text)
        or _PERMISSION.search(text)
        or _OPENS_BEFORE.search(text)
        or _RULED_OUT_AFTER_SEMICOLON.search(text)
    )


# A part of the trial a limit may be given for: a cohort, a sub-study, an extension, the dose-expansion,
# or a part, an arm, a stage or a phase by its label ("Part B", "Phase 2"; "the screening phase" is a
# time, "stage 4" of a disease has no article or preposition before it where it is read, below)
_LABEL = r"(?:[0-9]{1,2}[a-z]?|[A-D]|I{1,3}|IV|one|two|three)"
_PART_NOUN = (
    r"(?:(?:sub-?)?cohorts?|sub-?groups?|sub-?stud(?:y|ies)|extension|(?:dose[- ])?(?:expansion|escalation)"
    rf"|(?:{kept_out.PART}|phases?)(?=\s+{_LABEL}\b))"
)
# ... named as a part: after a preposition, its words before it few ("in the dose-expansion phase", "for
# Part B", "only in Phase 2"), or as a label of its own before a colon ("Cohort 2:"), or in brackets
# ("(cohort 2 only)", "(Part B)"); with its label and what it is called after it ("expansion cohort");
# not every part ("in all cohorts", "(both parts)"), which is the whole trial
_PART_WORDS = (
    rf"(?:(?:the|an?|its|this)\s+)?(?!(?:all|both|every|each|any)\b)(?:[\w-]+\s+){{0,2}}?{_PART_NOUN}"
    rf"(?:\s+{_LABEL}\b)?(?:\s+(?:cohorts?|parts?|phases?|stages?|stud(?:y|ies)|periods?|arms?))?(?:\s+only)?"
)
_PART_NAMED = lazy(
    rf"(?i)(?<![\w-])(?:(?:only\s+)?(?:in|for|during|within)\s+{_PART_WORDS}(?![\w-])"
    rf"|[(\[{{]\s*(?:only\s+)?(?:(?:in|for)\s+)?{_PART_WORDS}\s*[)\]}}]"
    rf"|(?<![^\s(:;,])(?:[\w-]+\s+)?{_PART_NOUN}(?:\s+{_LABEL}\b)?(?:\s+only)?\s*:)"
)
# A group of the trial's patients a limit may be given for, opening its clause: "For patients with lupus
# nephritis,", "In adolescents,", "Patients with lupus nephritis:", "Adolescent participants:"; or after
# the limit, "for patients without lupus nephritis", "for adolescents". Not all of them ("For all patients:"), nor those
# who have the trial's disease ("Patients with SLE:"): each is who enrols.
_PEOPLE = r"(?:patients?|participants?|subjects?|women|men|adolescents?|children|adults?|those|individuals)"
_WHO_THEY_ARE = (
    r"(?:(?:not\s+)?(?:receiving|on|taking|treated)|with|without|who|whose|aged|under|over|of\s+childbearing)\b"
    r"(?!\s+(?:active\s+|refractory\s+|systemic\s+)*(?:SLE|lupus(?!\s+nephritis)|systemic\s+lupus)\b)"
)
_A_GROUP = lazy(
    rf"(?i)(?<![\w-])(?:(?:for|in|among)\s+(?!(?:all|any|every|each)\b)(?:[\w-]+\s+)?{_PEOPLE}\s+{_WHO_THEY_ARE}"
    rf"|(?:for|in|among)\s+(?!(?:all|any|every|each|the)\b)[\w-]+\s+{_PEOPLE}(?=\s*[,:])"
    rf"|(?<![^\s(:;,])(?!(?:all|any|every|each|the|eligible)\b)(?:[\w-]+\s+)?{_PEOPLE}\s+{_WHO_THEY_ARE}"
    rf"[^,:;.()]{{0,60}}:|(?<![^\s(:;,])(?!(?:all|any|every|each|the|eligible)\b)[\w-]+\s+{_PEOPLE}\s*:"
    r"|(?:for|in|among)\s+(?:(?!(?:all|any|every|each|the)\b)[\w-]+\s+)?(?:adolescents?|children|minors|women|men)"
    r"(?![\w-]))"
)
# ... and a waiver of the limit, or the investigator's or the sponsor's say over it, after it: "or at the
# investigator's discretion", "(may be waived by the sponsor)", "unless approved by the sponsor"
_WAIVED = lazy(
    r"(?i)(?<![\w-])(?:discretion|waiv(?:ed|able|ers?)|case-by-case|exceptions?(?=[^.;]{0,30}?\b(?:granted|made|allowed"
    r"|permitted|approved|considered)\b)|grants?[ \t]+(?:an?[ \t]+)?exceptions?)(?![\w-])"
)
_EXCEPTED = lazy(rf"(?i){kept_out.excepted()}")
# ... or an exception of the values a cause explains, after it in its sentence: "..., excluding laboratory
# test abnormalities due to SLE hepatitis", "unless attributable to lupus", "other than anaemia secondary
# to SLE": the limit keeps out no patient whose value has that cause
# the words that open an exception of what they name after them in their clause, abbreviated too ("(excl.
# hepatitis)", "exc. Gilbert's syndrome": their stop ends no sentence, sentences.END)
_EXCEPTING_ABBREVIATED = r"excl?\."
_EXCEPTING = (
    r"excluding|except(?:ing)?|other[ \t]+than|not[ \t]+including|save[ \t]+for|apart[ \t]+from"
    rf"|{_EXCEPTING_ABBREVIATED}"
)


def _excepting(words: str, of: str, within: str = kept_out.IN_CLAUSE) -> str:
    """A pattern of an exception: one of words, then within its clause (60 characters of within) words of; before a
    condition, no score's part ("excluding serology and nephritis" leaves a score's items out, _A_SCORES_PART)."""
    parts = _NO_SCORES_PART if of == _CONDITION else ""  # (a cause's words may name one: "serology abnormalities")
    return rf"(?<![\w-])(?:{words})(?![\w-])(?:{parts}{within}){{0,60}}?(?<![\w-]){of}(?![\w-])"


_CAUSE = (
    r"(?:due[ \t]+to|caused[ \t]+by|attribut(?:able|ed)[ \t]+to|secondary[ \t]+to|resulting[ \t]+from"
    r"|because[ \t]+of|explained[ \t]+by|related[ \t]+to)"
)
# ... or a cause negated right after the limit: "ALT > 3 × ULN not explained by autoimmune hepatitis", "not
# due to", "that is not attributable to", "that cannot be explained by", a few words of judging between ("not
# considered related to", "not clearly due to"), or the negation in the word ("unexplained by", "unrelated
# to"), or no cause named ("not otherwise explained"); not "whether or not due to", which excepts nothing ("and/or
# not due to" is "and not due to")
_JUDGING_WORDS = "otherwise considered thought felt judged deemed believed assessed determined known to be being"
_JUDGING = r"(?!only\b)(?:[a-z]+ly|" + "|".join(_JUDGING_WORDS.split()) + ")"
_NEGATED_CAUSE = (
    r"(?<![\w-])(?:(?:that|which)[ \t]+(?:(?:is|are|was|were|can|could|may|might|would|will|has|have|had|be|been)"
    r"[ \t]+){0,2})?(?<![\w-])(?<!(?<!and/)\bor[ \t])(?:"
    rf"(?:not|cannot|can't)(?:[ \t]+{_JUDGING}){{0,4}}[ \t]+(?:{_CAUSE}|(?:explained|explicable|accounted[ \t]+for)\b)"
    r"|un(?:explained[ \t]+by|related[ \t]+to|attribut(?:able|ed)[ \t]+to))(?![\w-])"
)
# ... or a cause the limit's values count for only, right after it: "Hemoglobin < 8 g/dL that is attributable to
# bleeding", "ALT > 3 × ULN due to drug toxicity", "(secondary to hemolysis)"; not "due to any cause", which counts
# every value (read with no condition, such a limit kept out every patient whose value it names)
_HELD_CAUSE = (
    r"(?<![\w-])(?:(?:that|which)[ \t]+(?:(?:is|are|was|were|can|could|may|might|would|will|be|been)[ \t]+){0,2})?"
    rf"{_CAUSE}(?![ \t]+(?:any|all|whatever|every|either|other)(?![\w-]))"
)
_CAUSE_RIGHT_AFTER = lazy(rf"(?i)[ \t]*[,(]?[ \t]*(?P<cause>{_HELD_CAUSE})")
_A_CAUSE = lazy(rf"(?i){_HELD_CAUSE}")
# ... or a condition whose absence the limit holds for, right after it: "ALT > 3 × ULN in the absence of
# autoimmune hepatitis", "in absence of", "absent autoimmune hepatitis", "without (any clinical) evidence of
# hemolysis", "with no signs or symptoms of", "where there is no evidence of", "without a known diagnosis of
# Gilbert's syndrome", "without the presence of", or "without", "with no", "there is no" and a condition named
# ("without underlying liver disease", "with no autoimmune hepatitis"); not "without" alone, which opens a
# measure's own terms ("without transfusion"), nor what "in the absence of" or "absent" says of a treatment
# ("in the absence of growth factor support", the same terms)
# (a drug whose use makes the values a limit reads, named as a state its patients are in: "INR > 1.5 without
# anticoagulation", "in the absence of anticoagulant therapy", "unless on warfarin" hold the limit for patients
# not on it, as "not due to anticoagulation" does; not a support that lifts a value, _TREATMENT's, which is the
# measure's own terms)
# (and a drug of a kind or a name no list here holds, known by its form: an antiviral ("HBV DNA > 2000 IU/mL and no
# antiviral prophylaxis", "without antiviral therapy", "without nucleos(t)ide analogues"), or a name ending as a
# drug's stem does ("without entecavir", "not taking tenofovir", "without peginterferon", "without rituximab"): read
# as no drug, the patients' words named no condition, and the limit passed with none)
_DRUG_BY_FORM = (
    r"anti-?(?:retro)?virals?|nucleos(?:\(t\)|t)?ide(?:[ \t-]+analog(?:ue)?s?)?"
    r"|(?<![\w-])[a-z]{2,}(?:vir|parin|xaban|gatran|farin|coumarol|mab|nib|olimus|statin|sartan"
    r"|cillin|mycin|floxacin|cycline|prazole|udine|feron)s?(?![\w-])"
)
_MAKES_A_VALUE = (
    r"(?:anti-?coagula\w*|anti-?platelets?|anti-?thrombotics?|LMWH|UFH|warfarin|coumadin|acenocoumarol|phenprocoumon|heparins?"
    r"|enoxaparin|dalteparin|tinzaparin|fondaparinux|apixaban|rivaroxaban|edoxaban|dabigatran|argatroban|bivalirudin"
    rf"|vitamin[ \t]+K[ \t]+antagonists?|VKAs?|[DN]OACs?|blood[ \t]+thinners?|{_DRUG_BY_FORM})"
)
_CONDITION = (
    r"(?:syndromes?|diseases?|disorders?|traits?|hepatitis|ha?emolysis|an(?:a|ae)mia|thalass(?:a|ae)mia|"
    rf"deficiency|infections?|involvement|nephritis|carriers?|{_MAKES_A_VALUE})"
)
_EVIDENCE = r"(?:evidence|signs?|symptoms?|diagnos[ie]s|history|presence|findings?|features?|suspicion)"
_NO_OF = r"(?!(?:of|for|to|in|on|by|with|at|from|or|and|nor|is|are|was|were|due|that|which)(?![\w-]))"
_NO_WHAT = (  # (what a condition's absence names after "without", "with no", "no": evidence of it, it, no other cause)
    rf"(?:(?:(?:any|an?|the|clinical|known|other|prior|previous|documented|confirmed|current|concomitant|active)"
    rf"[ \t]+){{0,3}}{_EVIDENCE}(?:[ \t]+(?:or|and|and/or|nor)[ \t]+{_EVIDENCE})?[ \t]+(?:of|for)"
    rf"|(?:{_NO_OF}[\w'\u2019-]+[ \t]+){{0,3}}?{_CONDITION}"
    # (a drug that makes the value, after words of its use: "without being on anticoagulants", "without
    # concomitant use of warfarin")
    rf"|(?:(?:being|currently|concomitant|concurrent|prior|any|the)[ \t]+){{0,2}}(?:on|use[ \t]+of|taking|receiving)"
    rf"[ \t]+(?:[\w-]+[ \t]+){{0,2}}?{_MAKES_A_VALUE}"
    # (or no other cause: "without other explanation", "with no alternative cause", as "not otherwise explained")
    r"|(?:(?:any|an?|other|another|alternative|apparent|obvious|identifiable)[ \t]+){0,2}"
    r"(?:explanations?|causes?|(?:a)?etiology|reasons?))"
)
_NONE_OF_WHAT = (
    r"(?:without|w/o|lacking|with[ \t]+no|there(?:[ \t]+(?:is|are|was|were|has[ \t]+been|have[ \t]+been)|['\u2019]s)"
    r"[ \t]+no)[ \t]+" + _NO_WHAT
)
# (in an inclusion criterion, an absence joined by "and" or "but", or a bare one in brackets, is another
# requirement asked of every patient: "SLEDAI-2K ≥ 6 and no evidence of active nephritis", "SLEDAI-2K ≥ 6 (no
# evidence of active nephritis)")
_JOINED_BY_AND = lazy(
    r"(?i)(?:and(?:[ \t]*/[ \t]*or)?|but)(?![\w-])|&|[(\[{][ \t]*(?:with[ \t]+)?(?:no|absence[ \t]+of)(?![\w-])"
)
# (a few words before its noun, two kinds joined too: "red blood cell or platelet transfusions", none that
# makes it what another noun is treated with: "hepatitis requiring treatment", "bleeding managed by
# transfusion" are conditions; a haematopoietic growth factor by its name or its kind's: "filgrastim",
# "erythropoiesis-stimulating agents")
_TREATMENT = (
    r"(?:(?:(?!(?:(?:requir|need|necessitat|warrant)\w*|treated|managed|controlled|responsive|refractory|with|by"
    rf"|on|under|after|following|despite)[ \t])(?!{_MAKES_A_VALUE}(?![\w-]))[\w-]+[ \t]+){{0,5}}?"
    r"(?:transfusions?|support|growth[ \t-]factors?|(?:GM-|G-)?CSF|EPO|ESAs?|TPO"
    r"|(?:erythro|thrombo)poie[\w-]*(?:[ \t]+(?:agents?|drugs?|(?:receptor[ \t]+)?agonists?))?"
    r"|(?:peg)?filgrastim|lenograstim|sargramostim|romiplostim|eltrombopag|avatrombopag|(?:darb)?epoetin\w*"
    r"|supplement\w*|replacement|dialysis|infusions?|treatment|therapy)(?![\w-]))"
)
# ... or joined to the limit by "and", "and/or" or "but" ("ALT > 3 × ULN and no evidence of hepatitis", "but no sign
# of hemolysis", "and/or no evidence of hepatitis"): in an exclusion criterion, the limit keeps out only patients
# without it (in an inclusion one, both are asked of every patient: another requirement, _parts_and_waivers)
_AND_OR = r"and(?:[ \t]*/[ \t]*or)?"  # ("and", "and/or")
_AND_NONE = (
    rf"(?:{_AND_OR}|but|&)[ \t]+(?:(?:(?:there(?:[ \t]+(?:is|are|was|were)|['\u2019]s)|with)[ \t]+)?no[ \t]+{_NO_WHAT}"
    rf"|(?:(?:in[ \t]+)?(?:the[ \t]+)?absence[ \t]+of)(?![ \t]+{_NO_OF}{_TREATMENT})(?=[ \t]+{_NO_OF}\w))"
)
# ... or the patients not on a drug (or off one that makes the value: _MAKES_A_VALUE): "INR > 1.5 not on
# anticoagulants", "not receiving warfarin", "off anticoagulation"; not a support, the measure's own terms, nor a
# count of times ("not on two occasions")
# (and after "taking", "using", "given", words that may as well say how the value is read, a drug named: not
# "not taking into account ...", "not using automated counts", "not given as a ratio"; nor, after any of them, the
# value's own readings: "not on repeat testing")
_DRUG = (
    rf"(?:{_MAKES_A_VALUE}|[\w-]*(?:drugs?|medications?|medicines?|therap(?:y|ies)|treatments?|agents?|inhibitors?"
    r"|antagonists?|steroids?|prednis\w*|immunosuppress\w*|antivirals?|antibiotics?|insulin|mabs?|nibs?"
    r"|contraceptives?|hormones?|aspirin|NSAIDs?|statins?|vaccines?))"
)
_READ = (  # (the words of a value's readings, what it is read from, by or of)
    r"(?:values?|results?|measurements?|readings?|samples?|specimens?|tests?|testing|re-?tests?|counts?|assays?"
    r"|scores?|points|items?|descriptors?|components?|determinations?|devices?|methods?|formulae?|formulas?"
    r"|equations?)"
)
# (and a score's parts, by their names or the score's: "(clinical SLEDAI, serology and nephritis excluded)",
# "(exception: serology)" leave the score's serological items out, the measure's own terms; "nephritis" beside
# them is an item of the score, no condition of its patients)
# (named as an item of its own, before a list's mark or the word ruling it out: not a word qualifying another,
# "serological abnormalities due to lupus", "serology-confirmed hepatitis")
_A_SCORES_PART = (
    r"(?:serolog(?:y|ic|ical)|complement|hypocomplement\w*|anti-?ds-?DNA|dsDNA"
    rf"|immunolog(?:y|ic|ical)|{INSTRUMENTS})"
)
_NO_SCORES_PART = rf"(?!(?<![\w-]){_A_SCORES_PART}[ \t]*(?:[,&/)\]}}]|(?:and|or|excluded|excl\.|ruled)(?![\w-])|\Z))"
_READINGS = rf"(?:{_READ}|into[ \t]+account|as)"
_NOT_ON = (
    r"(?<!(?<!and/)\bor[ \t])(?:not|never)[ \t]+(?:(?:currently|presently|already|concomitantly)[ \t]+)?"
    r"(?:on|receiving|treated[ \t]+with|(?:taking|using|given)(?=[ \t]+(?:[\w-]+[ \t]+){0,3}?"
    rf"{_DRUG}(?![\w-])))(?![\w-])(?![ \t]+(?:[\w-]+[ \t]+){{0,2}}?{_READINGS}(?![\w-]))"
    rf"(?![ \t]+{_NO_OF}{_TREATMENT})(?=[ \t]+(?!(?:one|two|three|four|five|the|each|every|any|all|more|at|\d)"
    r"(?![\w-]))[a-z])"
    rf"|off(?=[ \t]+(?:[\w-]+[ \t]+){{0,2}}?{_MAKES_A_VALUE}(?![\w-]))"
    # ("not anticoagulated", "not therapeutically anticoagulated", "non-anticoagulated")
    rf"|(?<!(?<!and/)\bor[ \t])(?:not|never)[ \t]+(?:[a-z]+ly[ \t]+)?(?={_MAKES_A_VALUE}(?![\w-]))"
    rf"|non-?(?={_MAKES_A_VALUE}(?![\w-]))"
)
_ABSENCE = (
    rf"(?<![\w-])(?:(?:in[ \t]+(?:the[ \t]+)?absence[ \t]+of|absent)(?![\w-])(?![ \t]+{_NO_OF}{_TREATMENT})"
    rf"(?=[ \t]+{_NO_OF}\w)|(?:{_NONE_OF_WHAT}|{_AND_NONE})(?![\w-])|{_NOT_ON})"
)
# ... or a condition's absence a bracket after it gives alone: "(absence of hepatitis)", "(no evidence of
# hemolysis)", "(hepatitis excluded)", "(Gilbert's syndrome ruled out)"; not "(patients with hepatitis are
# excluded)", a rule of who is kept out
_EXCLUDED = rf"(?:{_CONDITION}|causes?|(?:a)?etiolog(?:y|ies)|explanations?)"  # (what a bracket says is ruled out)
_EXCLUDED_WORD = r"(?:excluded|excl\.)"  # (... and the word that says so, abbreviated too: "(hepatitis excl.)")


def _ruled_out(within: str) -> str:
    """A pattern of what is ruled out, with the words it may hold (a character class, within): "hepatitis
    excluded", "Gilbert's syndrome ruled out", "hemolysis absent"; not "patients with hepatitis excluded" nor
    "hepatitis is excluded", a rule of who is kept out."""
    not_a_rule = rf"(?!(?<![\w-])(?:is|are|{_READ})(?![\w-])){_NO_SCORES_PART}"
    # (nor the value's readings left out, the measure's own terms: "(measurements during infection excluded)",
    # "(retests after hepatitis excluded)", "(nephritis items excluded)"; nor a score's parts: "(serology and
    # nephritis excluded)")
    no_readings = rf"(?!(?<![\w-]){_READ}(?![\w-])){_NO_SCORES_PART}"
    return (
        rf"(?:(?!(?<![\w-])(?:{_PEOPLE}|is|are|{_READ})(?![\w-])){_NO_SCORES_PART}{within}){{0,60}}?"
        rf"(?<![\w-]){_EXCLUDED}(?![\w-])"
        rf"(?:{not_a_rule}{within}){{0,30}}?(?<![\w-]){_EXCLUDED_WORD}(?![\w-])"
        rf"|(?:{no_readings}{within}){{0,60}}?(?<![\w-]){_EXCLUDED}(?![\w-])(?:{no_readings}{within}){{0,30}}?"
        r"(?<![\w-])(?:ruled[ \t-]+out|absent|not[ \t]+present)(?![\w-])"
    )


_IN_A_BRACKET = r"[^()\[\]{}\n]"  # (the words a bracket may hold)
# (... and a clause a comma or a dash sets off, no limit in it; an abbreviation's stop is none: sentences.within)
_IN_A_CLAUSE = sentences.within(r"(),;.\n<>≤≥=")
_BRACKETED = (
    rf"(?:(?:in[ \t]+)?(?:the[ \t]+)?absence[ \t]+of(?![ \t]+{_NO_OF}{_TREATMENT})(?=[ \t]+{_NO_OF}\w)"
    rf"|(?:with[ \t]+)?no[ \t]+{_NO_WHAT}(?![\w-])|{_ruled_out(_IN_A_BRACKET)}){_IN_A_BRACKET}*"
)
# (in brackets, square ones or braces too, or set off by a comma or a dash and ending its clause: "ALT > 3 × ULN,
# hepatitis excluded", "ALT > 3 × ULN – hepatitis excluded"; a hyphen spaced, as a dash is written with one: not a
# word's)
_SET_OFF = r"(?:(?<=,)|(?<=,[ \t])|(?<=[\u2013\u2014])|(?<=[\u2013\u2014][ \t])|(?<=[ \t]-[ \t]))"
# (and how, where or when it was ruled out after it, to its clause's end: "hepatitis excluded by serology", "...
# excluded on screening"; not "from ...", who is kept out of what)
_HOW_RULED_OUT = (
    r"(?:[ \t]+(?:by|on|at|via|using|through|per|after|before|during|in|within|following|with|according[ \t]+to)"
    rf"(?![\w-]){_IN_A_CLAUSE}{{0,60}}?)?"
)
_RULED_OUT_SET_OFF = rf"(?:{_ruled_out(_IN_A_CLAUSE)}){_HOW_RULED_OUT}(?=[ \t]*(?:[,;.)]|\Z))"
_IN_BRACKETS = rf"[(\[{{][ \t]*(?:{_BRACKETED})[)\]}}]|{_SET_OFF}[ \t]*{_RULED_OUT_SET_OFF}"
_BRACKETED_ALONE = lazy(rf"(?i){_BRACKETED}")
_RULED_OUT_ALONE = lazy(rf"(?i){_RULED_OUT_SET_OFF}")
_RULED_OUT_AFTER_SEMICOLON = lazy(rf"(?i)(?<=;)[ \t]*{_RULED_OUT_SET_OFF}")  # (_ruled_out_after's, looked for first)
# ... or a clause after it in its sentence, or opening the clause after its semicolon or the next sentence, that
# says when it applies in other words than "if": "barring hepatitis", "once hepatitis is excluded", "provided that
# hepatitis is excluded", "as long as ...", "unless on anticoagulants", "except when ...", ", when ..."
_NOT_AFTER_PEOPLE = "".join(
    rf"(?<!\b{word}[ \t])"
    for word in "patient patients participant participants subject subjects women men adolescent adolescents children "
    "adult adults those individuals".split()
)
# (not a clause saying only when the value is read, of no condition: "once results are available", "as long as
# the value is confirmed", "when it is calculated by CKD-EPI": the measure's own terms)
_CHECKED = (
    r"(?:confirmed|repeated|reproduced|available|verified|measured|obtained|reviewed|re-?tested|tested|calculated"
    r"|estimated|done|performed|collected|drawn|taken|assessed|reported|known|completed|received|analy[sz]ed"
    r"|centrally[ \t]+read|read)"
)
# (the participle ending what the clause says, or followed by how, where or when: not "once HBsAg is confirmed
# negative", "when tested positive for HBV", a finding)
_CHECKED_ONLY = (
    rf"{_CHECKED}(?![\w-])(?=[ \t]*(?:[,;.)\]]|$|(?:by|on|at|in|with|within|using|from|via|after|before|during|per"
    r"|through|centrally|locally|again|twice|at)(?![\w-])))"
)
# (the words of the clause an opener opens, to its end: an abbreviation's stop ends none, sentences.within)
_IN_OPENED = sentences.within(r",;.()\n")
_READ_ONLY = (
    rf"[ \t]+(?:(?!(?<![\w-]){_CONDITION}(?![\w-])){_IN_OPENED}){{0,60}}?(?<![\w-])"
    r"(?:is|are|was|were|has|have|been|be)(?:[ \t]+(?:been|being))?[ \t]+(?:[a-z]+ly[ \t]+)?"
    rf"{_CHECKED_ONLY}"
)
_ONLY_READ = rf"(?!{_READ_ONLY})"
# (nor words naming no condition right after the opener: how or when the value is read, "When measured by CKD-EPI,
# eGFR < 30", "Once confirmed, ..."; the protocol's say, "Unless otherwise specified, ...", "unless stated otherwise
# in the protocol", "In case of doubt, ..."; none where the clause names a condition, "unless confirmed by biopsy as
# autoimmune hepatitis"; "otherwise" with a word of what the protocol says only: "unless otherwise explained" names a
# cause, as "not otherwise explained" does)
_PROTOCOLS_SAY = r"(?:specified|stated|noted|indicated|directed|instructed|defined|described|mentioned|detailed)"
_NONE_NAMED = (
    rf"[ \t]+(?:{_CHECKED_ONLY}|possible|feasible|applicable|necessary|needed|required|appropriate"
    rf"|indicated|of[ \t]+doubt|otherwise[ \t]+{_PROTOCOLS_SAY}|{_PROTOCOLS_SAY}[ \t]+otherwise)"
    rf"(?![\w-])(?!{_IN_OPENED}*?(?<![\w-]){_CONDITION}(?![\w-]))"
)
_NO_CONDITION_NAMED = rf"(?!{_NONE_NAMED})"
_NAMES_NONE = lazy(rf"(?i){_READ_ONLY}|{_NONE_NAMED}")


def names_no_condition(text: str, at: int) -> bool:
    """Whether the words at position at, right after a word that may open a condition ("when", "unless", "provided",
    ...), name none: how or when the value is read (", when measured by CKD-EPI", "provided the result is
    confirmed") or the protocol's say ("unless stated otherwise in the protocol")."""
    return _NAMES_NONE.match(text, at) is not None


_OPENS_AFTER = (
    rf"(?<![\w-])(?:barring(?![ \t]+{_NO_OF}{_TREATMENT})|(?:provid(?:ed|ing)[ \t]+that|(?:as|so)[ \t]+long[ \t]+as"
    rf"|on[ \t]+(?:the[ \t]+)?condition[ \t]+that|assuming[ \t]+that){_ONLY_READ}|unless{_NO_CONDITION_NAMED}"
    r"|except[ \t]+(?:when|where|if|in[ \t]+cases?)"
    r"|(?:once|provid(?:ed|ing)(?![ \t]+(?:by|to|for|in|as|at|from|on|with|under|via)(?![\w-])))"
    rf"(?=[ \t]+{_IN_OPENED}{{0,60}}?(?<![\w-])(?:is|are|was|were|has|have|been)(?![\w-])){_ONLY_READ}"
    rf"|(?:after|following|once)(?=[ \t]+{_IN_OPENED}{{0,60}}?(?<![\w-]){_CONDITION}(?![\w-]){_IN_OPENED}{{0,30}}?"
    rf"(?<![\w-])(?:ruled[ \t-]+out|{_EXCLUDED_WORD})(?![\w-]))"
    # ("with hepatitis excluded"; not "with Gilbert's syndrome are excluded" nor "patients with hepatitis excluded",
    # a rule of who is kept out)
    rf"|{_NOT_AFTER_PEOPLE}with(?=[ \t]+{_IN_OPENED}{{0,60}}?(?<![\w-]){_CONDITION}(?![\w-])"
    rf"(?:(?!(?<![\w-])(?:is|are)(?![\w-])){_IN_OPENED}){{0,30}}?"
    rf"(?<![\w-])(?:ruled[ \t-]+out|{_EXCLUDED_WORD})(?![\w-]))"
    r"|(?:after|following|upon)[ \t]+(?:the[ \t]+)?(?:exclusion[ \t]+of|ruling[ \t]+out))(?![\w-])"
    rf"|,[ \t]*(?:only[ \t]+)?when(?:ever)?(?![\w-]){_ONLY_READ}{_NO_CONDITION_NAMED}"
    # ("only when ...", "when hepatitis is excluded": "when" opening a clause of its own, with its verb)
    rf"|(?<![\w-])(?:only[ \t]+when(?:ever)?|when(?:ever)?(?=[ \t]+{_IN_OPENED}{{0,60}}?(?<![\w-])"
    rf"(?:is|are|was|were|has|have|been)(?![\w-]))){_ONLY_READ}(?![\w-])"
)
_CAUSE_EXCEPTION = lazy(
    rf"(?i){_excepting(_EXCEPTING + '|unless', _CAUSE)}|{_NEGATED_CAUSE}|{_ABSENCE}|{_IN_BRACKETS}|{_OPENS_AFTER}"
)
_ABSENT = lazy(rf"(?i){_ABSENCE}")
# ... or the clause after its semicolon, or the next sentence, saying when the limit applies: "; only in the
# absence of autoimmune hepatitis", "; this applies only if ...", ". This criterion applies only in the absence
# of ..." (a sentence of its own says what it is of: "this", "it", "the above")
_ONLY_WHEN = lazy(
    r"(?i)(?:(?:but|and)[ \t]+)?(?P<of>(?:(?:this|it|which|the[ \t]+(?:above|limit|criterion|exclusion|value))"
    r"(?:[ \t]+(?:criterion|limit|exclusion|value|requirement|threshold))?[ \t]+)?(?:applies|apply|holds"
    rf"|is[ \t]+applied|counts)[ \t]+)?only[ \t]+(?:(?:if|when|where|provided)(?![\w-])|{_ABSENCE}"
    rf"|(?:to|for|in)[ \t]+(?:[\w-]+[ \t]+)?{_PEOPLE}[ \t]+{_WHO_THEY_ARE})"
)
# (an exception opening the clause after a semicolon that goes on, past a comma, with a rule or a limit of its
# own: "; in the absence of bleeding, patients with anemia are excluded too", "; unless due to SLE, ALT > 5 ×
# ULN"; not with words of the exception's after the comma, a relative clause or a condition of its before the
# verb or the limit: "; unless due to Gilbert's syndrome, which is allowed", "..., as confirmed by genotyping,
# which is required", "..., if bilirubin < 3 mg/dL")
_A_RULE = lazy(r"(?i)(?<![\w-])(?:is|are|must|should|shall|will|may|can|need|needs)(?![\w-])|[<>≤≥]")
_RELATIVE = "who|whom|whose|that|which"  # (the words that open a relative clause)
_NOT_MAIN = lazy(rf"(?i)(?<![\w-])(?:{_RELATIVE}|if|when|where|provided|unless|as)(?![\w-])")


def _own_rule(text: str, start: int, end: int) -> bool:
    """Whether the clause at text[start:end], after an exception that opens it, goes on past its first comma
    with a rule or a limit of its own, no relative clause or condition of the exception's before it."""
    comma = text.find(",", start, end)
    rule = _A_RULE.search(text, comma, end) if comma >= 0 else None
    return rule is not None and _NOT_MAIN.search(text, comma, rule.start()) is None


# ... or of the patients a condition they have lets in, after it in its sentence: "Total bilirubin > 2 mg/dL
# (except Gilbert's syndrome)", "..., excluding Gilbert's syndrome", "(unless known Gilbert's syndrome)": the
# limit keeps none of them out. Read
# where the words name a condition (a syndrome, a disease, a disorder, a trait, ...), so that "except as
# noted" is none.
_CONDITION_EXCEPTION = lazy(
    rf"(?i){_excepting(_EXCEPTING + '|unless', _CONDITION)}"
    # ... or a bracket letting them in (a square one or braces too): "(Gilbert's syndrome allowed)", "(patients with
    # Gilbert's disease are eligible)", "[Gilbert's syndrome excepted]"
    rf"|[(\[{{][ \t]*[^()\[\]{{}}\n]{{0,60}}?(?<![\w-]){_CONDITION}(?:[ \t]+(?:is|are))?[ \t]+"
    r"(?:allowed|permitted|eligible|acceptable|exempt(?:ed)?|excepted|not[ \t]+exclusionary)[ \t]*[)\]}]"
    # ... or an exception named as one: "(exception: Gilbert's syndrome)", "; exceptions: ...", ". Exception for
    # Gilbert's syndrome.", "with the exception of Gilbert's syndrome"
    r"|(?<![\w-])(?:with[ \t]+the[ \t]+)?(?:exceptions?|exemptions?|exempt(?=[ \t]*:))"
    r"(?:[ \t]*[:\u2013\u2014]|[ \t]+-[ \t]"
    r"|[ \t]+(?:of|for|is|are|include[sd]?|being)(?![\w-]))"
    # (not one saying there is none: "Exception: none.", "Exceptions are not permitted."; nor one naming a score's
    # parts or the value's readings alone: "(exception: serology)", "(exceptions: complement and anti-dsDNA)")
    r"(?![ \t]*(?:none|not|no|nil|never|n/a)(?![\w-]))"
    rf"(?![ \t]*(?:(?:{_A_SCORES_PART}|{_READ})(?![\w-])[ \t]*(?:,|and|or|&)?[ \t]*)+(?:[).;\]]|\Z))"
)
# ... or a permission of the patients a condition or who they are lets in, after it in its sentence, in the
# clause right after its semicolon or in the next sentence of its item: "; patients with Gilbert's syndrome are
# eligible", "; Gilbert's syndrome is allowed" (or "is acceptable"), "(subjects with known Gilbert's disease
# may be enrolled)", "; ... are not excluded" (or "not exclusionary", "exempt", "an exception"), "; this does
# not apply to (in, for) patients with Gilbert's syndrome", "; patients not on anticoagulants are eligible"
# (not "; ... are not eligible", "; ... are excluded", "; patients must be eligible for lymphodepletion", which
# let no one in)
# (words of a relative clause end the words a permission reads: "patients with lupus nephritis who are eligible
# for dialysis are excluded" lets no one in)
_LETS_IN_A_GROUP = (
    rf"(?<![\w-])(?:{_CONDITION}(?![\w-])|{_PEOPLE}[ \t]+{_WHO_THEY_ARE})"
    rf"(?:(?!(?<![\w-])(?:not|never|no|cannot|only|{_RELATIVE})(?![\w-])){kept_out.IN_CLAUSE}){{0,60}}?"
    r"(?<![\w-])(?:is|are|may|can|will|would)(?:[ \t]+(?:also|still|then|be)){0,3}[ \t]+"
    rf"(?:{kept_out.LET_IN}|participate|acceptable|exempt(?:ed)?|an?[ \t]+exception"
    rf"|not[ \t]+(?:be[ \t]+)?(?:{kept_out.SHUT_OUT}|exclusionary))(?![\w-])"
)
# (or people a word before them names, let in: "dialysis patients allowed", "HBV-vaccinated subjects are eligible";
# not all of them: "all patients eligible" lets no one in past the limit)
_NAMED_PEOPLE_LET_IN = (
    rf"(?<![\w-])(?!(?:all|any|every|each|the|eligible|no|other|these|such)(?![\w-]))[\w'\u2019-]+[ \t]+{_PEOPLE}"
    r"[ \t]+(?:(?:are|is|may[ \t]+be|can[ \t]+be|will[ \t]+be)[ \t]+(?:also[ \t]+)?)?"
    r"(?:allowed|permitted|eligible|acceptable|exempt(?:ed)?)(?![\w-])"
)
_PERMISSION = lazy(
    rf"(?i){_LETS_IN_A_GROUP}"
    rf"|(?<![\w-]){_CONDITION}[ \t]+(?:allowed|permitted|eligible|acceptable|exempt(?:ed)?)(?![\w-])"
    rf"|{_NAMED_PEOPLE_LET_IN}"
    r"|(?<![\w-])(?:(?:does|do|shall|will)[ \t]+not[ \t]+apply|not[ \t]+applicable|n/a)[ \t]+"
    rf"{kept_out.NOT_APPLYING_TO}(?![\w-])"
)


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause or the sentence from position start ends (_SENTENCE_END), or its item (at end)."""
    stop = _SENTENCE_END.search(text, start, end)
    return stop.start() if stop else end


def _ruled_out_after(text: str, start: int, end: int, at: int) -> re.Match[str] | None:
    """What is ruled out alone in the clause after the semicolon of the limit stated at position at (text[start:end]:
    "ALT > 3 × ULN; hepatitis excluded"), as one set off by a comma or a dash is read (_RULED_OUT_SET_OFF): the
    limit's condition. Not where the limit's clause follows a semicolon, or another clause follows this one: a
    run-on list of what is kept out ("Pregnancy; ALT > 3 × ULN; HIV excluded", "ALT > 3 × ULN; HIV excluded;
    pregnancy"), whose items the words may as well be."""
    if text[: _begun(text, at, _SENTENCE_END)].rstrip().endswith(";") or text[end:].lstrip().startswith(";"):
        return None
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _RULED_OUT_ALONE.fullmatch(text, start, end)


def _limit_between(limits: tuple[tuple[int, int], ...], at: int, where: int) -> bool:
    """Whether another limit than the one stated at position at starts after it and before where."""
    return any(at < start < where for start, _ in limits)


def lets_in_after(words: str, mark: str = ";") -> bool:
    """Whether words (the clause after a limit's semicolon, or the sentence after its full stop: mark) let
    in patients the limit would keep out (_letting_in)."""
    return any(_letting_in(words, 0, len(words), mark))


def _letting_in(text: str, start: int, end: int, mark: str) -> Iterator[re.Match[str]]:
    """The words of text[start:end] (the clause after a limit's semicolon, or the sentence after its full
    stop: mark) that let in patients the limit would keep out: a permission (_PERMISSION), or an exception of a
    condition ("; except in patients with Gilbert's syndrome") or of the values a cause explains ("; unless due
    to Gilbert's syndrome") that opens the clause or the sentence. Not one inside a clause
    or a sentence of its own, which may be a rule of its own: "; anemia not due to SLE is also excluded",
    "Anemia not explained by SLE is excluded too" (a cause negated, read anywhere in the clause, made the
    hemoglobin limit before it hold only for values not due to SLE)."""
    while start < end and text[start].isspace():
        start += 1
    found = [_PERMISSION.search(text, start, end)]
    only = _ONLY_WHEN.match(text, start, end)
    if only is not None and (mark == ";" or only.group("of")):
        found.append(only)
    # (an exception opening the clause, or a sentence of no words of its own: ". Except in patients with
    # Gilbert's syndrome.")
    excepting = [_CONDITION_EXCEPTION.match(text, start, end), _CAUSE_EXCEPTION.match(text, start, end)]
    found += [
        f for f in excepting if f is not None and not _own_rule(text, f.end(), end) and not _goes_on(text, f, end)
    ]
    return (f for f in found if f is not None)


_OPENED = lazy(rf"(?i){_OPENS_AFTER}")
# a condition right after a limit: ruled out, a word of when opening it ("with lupus nephritis excluded", "once
# hepatitis is excluded", "after hepatitis has been ruled out") or a dash setting it off ("– lupus nephritis
# excluded"), or a permission of a group a dash sets off ("– patients on dialysis are allowed")
_DASH = r"(?:[\u2013\u2014]|-(?=[ \t]))"
_CONDITION_AFTER = lazy(
    r"(?i)[ \t]*(?:(?:with|once|after|following|when|whenever|provided(?:[ \t]+that)?|providing[ \t]+that|until)[ \t]+"
    rf"(?!(?:{_PEOPLE})(?![\w-])){_IN_OPENED}{{0,60}}?(?<![\w-]){_EXCLUDED}(?![\w-]){_IN_OPENED}{{0,30}}?"
    rf"(?<![\w-])(?:ruled[ \t-]+out|{_EXCLUDED_WORD})(?![\w-])"
    rf"|{_DASH}[ \t]*(?:{_RULED_OUT_SET_OFF}|{_LETS_IN_A_GROUP}))"
)


def condition_after(text: str, end: int) -> bool:
    """Whether the words right after a limit (ending at end) open with a condition of it: one ruled out that a word of
    when opens or a dash sets off ("SLEDAI-2K ≥ 6 with lupus nephritis excluded", "– lupus nephritis excluded"), or a
    permission of a group a dash sets off ("eGFR < 30 mL/min – patients on dialysis are allowed"). Its words are the
    condition's, not the limit's own predicate keeping its patients out or letting them in
    (stated_limits.limit_kept_out, limit_let_in): "SLEDAI-2K < 6 – patients excluded", "– excluded" still are."""
    return _CONDITION_AFTER.match(text, end) is not None


def _goes_on(text: str, found: re.Match[str], end: int) -> bool:
    """Whether the words a condition's opener found (_OPENS_AFTER's: "unless", "once", "provided that", ...) opens
    the clause or the sentence with go on past a comma (to end): that clause or sentence is another item's words
    ("Unless surgically sterile, women not using contraception."), not the limit's condition alone."""
    return _OPENED.fullmatch(text, found.start(), found.end()) is not None and "," in text[found.end() : end]


_A_PART = lazy(rf"(?i)(?<![\w-]){_PART_NOUN}(?![\w-])")


@dataclass(frozen=True)
class Required:
    """A passage of the criterion that a threshold of the limit must hold: a condition of it that lies
    within start..end (or, for a heading, a quote of it)."""

    start: int
    end: int
    # "clause": an "if" of its sentence; "heading": its sub-list's; "exception": one lifting its side;
    # "alternative": another requirement an inclusion limit is one of alternatives with (alternative())
    kind: str


def required(
    layout: tuple[Span, ...],
    text: str,
    at: int,
    comparator: str,
    limits: tuple[tuple[int, int], ...] = (),
    other: Required | None = None,
    inclusion: bool = False,
) -> Iterator[Required]:
    """What of the criterion governs the limit stated at position at, whatever conditions the record
    gives: an "if" clause of the limit's own sentence ("If the subject is receiving steroids, the
    following conditions must be met: ... the maximum dose of steroids is 30mg/day"; "Score ≥6 ... if
    low complement ... is present"); the heading of each sub-list above it that announces its items
    ("Oral corticosteroids must meet the following requirements:"); and each sentence after it, in its
    own item or one beside it, that lifts its side ("There is no minimum daily dose requirement ...
    when used in combination with immunosuppressants" after a floor). And, given other (an inclusion
    limit's alternative, as alternative() reads it), that alternative, first (inclusion: the limit is an
    inclusion criterion's)."""
    if other is not None:
        yield other
    layout = layout or (Span(0, len(text), ()),)
    own = _at(layout, at)
    if own is None:
        return
    starts = [own.start] + [m.end() for m in _SENTENCE_END.finditer(text, own.start, at)]
    stop = _SENTENCE_END.search(text, at, own.end)
    runs_on = RunsOn(text, at, limits, own.start)
    for found in CONDITION_START.finditer(text, starts[-1], stop.start() if stop else own.end):
        if not runs_on(found.start()):  # (another limit's "if")
            yield Required(found.start(), found.end(), "clause")
    yield from _absence_before(text, starts[-1], at, limits)
    for span in layout:
        if span.place != own.place and own.place[: len(span.place)] == span.place and text[span.end - 1] == ":":
            yield Required(span.start, span.end, "heading")
    sentence = (starts[-1], stop.start() if stop else own.end, own.end)
    yield from _parts_and_waivers(text, sentence, at, limits, inclusion)
    yield from _permission_next(text, layout, own, at, limits)
    lifted = _lifted(comparator)
    if lifted is None:
        return
    for span in layout:
        if span.end <= at or not _beside(own.place, span.place):
            continue
        for found in lifted.finditer(text, max(span.start, at), span.end):
            stop = _SENTENCE_END.search(text, found.end(), span.end)
            begun = [m.end() for m in _SENTENCE_END.finditer(text, span.start, found.start())]
            yield Required(max([span.start, *begun]), stop.end() if stop else span.end, "exception")


def _permission_next(
    text: str, layout: tuple[Span, ...], own: Span, at: int, limits: tuple[tuple[int, int], ...]
) -> Iterator[Required]:
    """A permission opening the next item of the list the limit stated at position at stands in, where no other
    limit stands between ("a. Total bilirubin > 2 mg/dL" "b. Patients with Gilbert's syndrome are eligible."),
    as one in the next sentence of its item: the limit keeps none of them out."""
    nxt = _next_item(layout, own)
    if nxt is None:
        return
    stop = _SENTENCE_END.search(text, nxt.start, nxt.end)
    found = next(_letting_in(text, nxt.start, stop.start() if stop else nxt.end, "."), None)
    if found is not None and not _limit_between(limits, at, found.start()):
        yield Required(found.start(), found.end(), "exception")


def permission_in(item: str, limits: tuple[tuple[int, int], ...] = ()) -> tuple[int, int] | None:
    """Where the first sentence of a criterion's text (item: the criterion right after a limit's, in its list)
    lets in patients the limit would keep out ("Patients with Gilbert's syndrome are eligible."), before any
    limit of its own (limits: where item states one), as (start, end); else None."""
    stop = _SENTENCE_END.search(item)
    found = next(_letting_in(item, 0, stop.start() if stop else len(item), "."), None)
    if found is None or any(lo < found.start() for lo, _ in limits):
        return None
    return found.start(), found.end()


def _absence_before(text: str, begun: int, at: int, limits: tuple[tuple[int, int], ...]) -> Iterator[Required]:
    """The words of a condition's absence (_ABSENCE) that open a clause of the limit's sentence (begun: where
    it begins) before the limit stated at position at and before any limit of that sentence, set off from it by
    a mark: "In the absence of autoimmune hepatitis, ALT > 3 × ULN", "Without evidence of bleeding: hemoglobin <
    8 g/dL or platelets < 50,000/mm³" (the limits after it hold only then). Not words that run into a limit
    ("treated with no evidence of disease for ≥ 5 years": the limit's own measure)."""
    first = min([at, *(lo for lo, _ in limits if begun <= lo < at)])
    mark = max(text.rfind(m, begun, first) for m in ",;:")  # (the last mark before the first limit)
    for found in _ABSENT.finditer(text, begun, mark if mark >= 0 else begun):
        k = found.start()
        lead = _LEAD.search(text, max(begun, k - 30), k)  # ("When there is no evidence of ...")
        k = lead.start() if lead else k
        if _opens_a_clause(text, begun, k):
            yield Required(lead.start() if lead else found.start(), found.end(), "clause")
    # ... or other words that open a condition there ("Unless due to Gilbert's syndrome, bilirubin > 2 × ULN",
    # "Once hepatitis is excluded, ALT > 3 × ULN", "Except in Gilbert's syndrome, ...")
    for found in _OPENS_BEFORE.finditer(text, begun, mark if mark >= 0 else begun):
        if _opens_a_clause(text, begun, found.start()):
            yield Required(found.start(), found.end(), "clause")
    # (an exception there, of a condition or of what a cause explains, within its clause: "Excluding Gilbert's
    # syndrome, ..."; not "Excluding serology, SLEDAI-2K ≥ 4", the measure's own terms, as after the limit)
    for found in _EXCEPTING_BEFORE.finditer(text, begun, mark if mark >= 0 else begun):
        if _opens_a_clause(text, begun, found.start()):
            yield Required(found.start(), found.end(), "clause")


def _opens_a_clause(text: str, begun: int, k: int) -> bool:
    """Whether the words at position k open their sentence (begun: where it begins) or a clause of it, after a
    mark or an opened bracket."""
    while k > begun and text[k - 1].isspace():
        k -= 1
    return k == begun or text[k - 1] in ",;:("


_OPENS_BEFORE = lazy(
    r"(?i)(?<![\w-])(?:only[ \t]+)?(?:when(?:ever)?|unless|once|provided(?:[ \t]+that)?|providing[ \t]+that|barring"
    r"|except[ \t]+(?:when|where|if|in[ \t]+cases?)|(?:as|so)[ \t]+long[ \t]+as|in[ \t]+case|assuming|exceptions?)"
    rf"(?![\w-]){_ONLY_READ}{_NO_CONDITION_NAMED}"
)
_EXCEPTING_BEFORE = lazy(
    rf"(?i){_excepting(_EXCEPTING, _CONDITION, '[^,;:.()]')}|{_excepting(_EXCEPTING, _CAUSE, '[^,;:.()]')}"
)


_LEAD = lazy(r"(?i)(?<![\w-])(?:when|whenever|where|provided(?:[ \t]+that)?|(?:as|so)[ \t]+long[ \t]+as|only)[ \t]*\Z")


def _parts_and_waivers(
    text: str, sentence: tuple[int, int, int], at: int, limits: tuple[tuple[int, int], ...], inclusion: bool = False
) -> Iterator[Required]:
    """The words of the limit's sentence (sentence: its start and end in text, and its item's end) that
    give the limit stated at position at for a part of the trial or a group of its patients only, or let
    it be waived (E524 without them: the limit reads as every patient's): such words before the limit
    ("For Part B only: SLEDAI-2K ≥ 8", "Patients with lupus nephritis: proteinuria ≥ 0.5 g/24h"), or
    after it where no other limit of the sentence follows it, whose they may be ("Weight ≥ 50 kg (cohort
    2 only)", "Prednisone ≤ 30 mg/day, or at the investigator's discretion", "SLEDAI-2K ≥ 6 unless
    approved by the sponsor"; a waiver, a permission or an exception in the clause after a semicolon
    too, "; patients with Gilbert's syndrome are eligible", and a permission in the next sentence of its
    item, before another limit), a permission of patients after it in its sentence, of each limit it
    follows (", but patients with Gilbert's syndrome are eligible"), and an exception of the
    values a cause explains anywhere after it in its sentence, of each limit it follows ("ALT ≥3×ULN, or
    bilirubin >1.5×ULN, excluding laboratory test abnormalities due to SLE hepatitis"; "ALT > 3 × ULN not
    explained by autoimmune hepatitis"), unless it runs on from another's words. Not words before
    it where another limit's sentence ends between them ("In Part B, BILAG A ≥ 1; SLEDAI-2K ≥ 6")."""
    lo, hi, item_end = sentence
    end = next((e for s, e in limits if s == at), at)
    # an exception of the values a cause explains is of each limit before it in its sentence: "ALT ≥3×ULN,
    # or bilirubin >1.5×ULN, excluding laboratory test abnormalities due to SLE hepatitis"; not of one whose
    # words it does not follow, run on from another's ("Hemoglobin < 8 g/dL or platelets < 50,000/mm³ not due
    # to ITP": the platelets' cause, runs_on_from_another)
    runs_on = RunsOn(text, at, limits, lo)
    causes = _CAUSE_EXCEPTION.finditer(text, end, hi)
    # (in an inclusion criterion, an absence joined by "and" is another requirement: "SLEDAI-2K ≥ 6 and no
    # evidence of active nephritis" asks both of every patient)
    cause = next(
        (c for c in causes if not runs_on(c.start()) and not (inclusion and _JOINED_BY_AND.match(text, c.start()))),
        None,
    )
    if cause is not None:
        yield Required(cause.start(), cause.end(), "exception")
    elif (held := _CAUSE_RIGHT_AFTER.match(text, end, hi)) is not None:
        yield Required(held.start("cause"), held.end("cause"), "exception")
    last = not any(end <= s < hi for s, _ in limits)
    for pattern in (_PART_NAMED, _A_GROUP):
        for found in pattern.finditer(text, lo, hi):
            if found.end() <= at or (last and found.start() >= end):
                yield Required(found.start(), found.end(), "part")
    # an exception of the patients a condition lets in, or a permission of theirs ("..., but patients with
    # Gilbert's syndrome are eligible", "(... may be enrolled)"), as a cause's, of each limit before it
    for pattern in (_CONDITION_EXCEPTION, _PERMISSION) if cause is None else ():
        found_at = next((c for c in pattern.finditer(text, end, hi) if not runs_on(c.start())), None)
        if found_at is not None:
            yield Required(found_at.start(), found_at.end(), "exception")
            break
    if not last:
        return
    # (to the end of the clause after a semicolon too: "SLEDAI-2K ≥ 6; exceptions may be granted by the sponsor")
    reach = hi
    if text.startswith((";", "."), hi):
        after = _SENTENCE_END.search(text, hi + 1, item_end)
        reach = after.start() if after else item_end
    for found in _WAIVED.finditer(text, end, reach if text.startswith(";", hi) else hi):
        yield Required(found.start(), found.end(), "exception")
    # a permission or an exception in the clause after the semicolon, or in the next sentence of the limit's
    # item, before any other limit (lets_in_after): "; patients with Gilbert's syndrome are eligible"
    letting_in = _letting_in(text, hi + 1, reach, text[hi]) if reach > hi else iter(())
    found_in = next(
        (
            f
            for f in letting_in
            if not _limit_between(limits, at, f.start()) and not (inclusion and _JOINED_BY_AND.match(text, f.start()))
        ),
        None,
    )
    if found_in is None and text.startswith(";", hi):  # (what is ruled out alone there: "; hepatitis excluded")
        found_in = _ruled_out_after(text, hi + 1, reach, at)
        found_in = None if found_in is None or _limit_between(limits, at, found_in.start()) else found_in
    if found_in is not None:
        yield Required(found_in.start(), found_in.end(), "exception")
    excepted = _EXCEPTED.match(text, end, hi)
    if excepted is not None:
        yield Required(end, excepted.end(), "exception")


def _places(text: str, words: str) -> Iterator[int]:
    """Each place text writes words (overlapping ones too), in order."""
    at = text.find(words)
    while at >= 0:
        yield at
        at = text.find(words, at + 1)


def whole_clause(text: str, condition: str) -> bool:
    """Whether the condition (normalised) ends where a clause of text ends, at one of its places: at a
    punctuation mark (its own last character or the next one), or at the end of the text. "if low
    complement and/or anti-DS-DNA antibody score is" stops short of "present"."""
    if condition[-1:] in _CLAUSE_MARKS:
        return True
    for at in _places(text, condition):
        end = at + len(condition)
        if end == len(text) or text[end] in _CLAUSE_MARKS or _INLINE_LABEL.match(text, end):
            return True
    return False


def clause_start(text: str, condition: str) -> bool:
    """Whether the condition (normalised) starts where a clause of text starts, at one of its places:
    at the text's start, after a punctuation mark or an opening bracket, or with a word that opens a
    condition ("if", "when", ...). "period, if biological agents ... are used" starts inside "Before the
    screening period, ...", "is no minimum daily dose requirement ..." inside "There is no ..."."""
    if _OPENER.match(condition):
        return True
    # (what is ruled out, set off by a dash: "ALT > 3 × ULN – hepatitis excluded", as _IN_BRACKETS reads it, or a
    # permission: "eGFR < 30 mL/min – patients on dialysis are allowed"; a dash sets off no other clause, which a
    # range's "1 - 2" would start)
    dashed = _RULED_OUT_ALONE.fullmatch(condition) is not None or lets_in_after(condition)
    return any(
        not text[:at].strip()
        or text[:at].rstrip()[-1] in _CLAUSE_MARKS + "([{"
        or text[:at].endswith("\n")
        or (dashed and _DASH_BEFORE.search(text, 0, at) is not None)
        for at in _places(text, condition)
    )


_DASH_BEFORE = lazy(r"(?:[\u2013\u2014]|[ \t]-)[ \t]*\Z")


def opens_condition(words: str) -> bool:
    """Whether words open as a condition does ("if", "when", "unless", "except", ...)."""
    return _OPENER.match(words.strip()) is not None


# words that say who a limit is for or when it applies ("Patients receiving glucocorticoids (prednisone)",
# "(patients on steroids only)"): words holding one state a condition, however they are set off
_WHO_OR_WHEN = lazy(
    r"(?i)\b(?:if|when|whenever|unless|where|while|provided|for|in|on|during|before|after|at|within|with|without|"
    r"except|excepting|excluding|save\s+for|apart\s+from|not\s+including|allowed|permitted|eligible|acceptable|exempt|exempted|"
    r"who|whose|excepted|exclusionary|"
    r"receiving|taking|treated|using|"
    r"patients?|subjects?|participants?|those|people|"
    r"persons|individuals|women|men|children|adults)\b"
    rf"|(?<![\w-]){_EXCEPTING_ABBREVIATED}(?=[ \t]+\w)"  # (before what it excepts: "(hepatitis excl.)" is "excluded")
)


def says_who_or_when(words: str) -> bool:
    """Whether words say who a limit is for or when it applies (a word of _WHO_OR_WHEN, or a part of the
    trial named: "(cohort 2 only)", "(Part B)")."""
    return _WHO_OR_WHEN.search(words) is not None or _A_PART.search(words) is not None


def aside(text: str, condition: str) -> str | None:
    """The words a parenthesis is an aside of, where the condition (normalised) stands inside that
    parenthesis wherever text writes it, or is the whole of it, and the parenthesis follows a word, not
    a clause mark ("including joint surgery" of "Major surgery (including joint surgery) was performed
    within 24 weeks"): its words say more of the words before it, and state no condition of a limit.
    So is one that opens by saying what those words include, or giving examples of them, however it is
    set off ("including joint surgery" of "Major surgery, including joint surgery, within 24 weeks",
    "such as belizumab"). None where one place of it stands elsewhere, or where it opens as a condition
    does or says who the limit is for ("(if on steroids)", "(except for low complement ...)", "(patients
    on steroids only)")."""
    whole = condition[:1] == "(" and condition[-1:] == ")"
    inner = condition[1:-1] if whole else condition
    at = text.find(condition)
    if _INCLUDING.match(inner.strip()) and at > 0:  # set off by commas or dashes too: "Major surgery, including ..."
        before = text[:at].rstrip(" ,(-–—")
        return owner_words(before) or None
    opens = opens_condition(inner) and not _EXCEPTING_NO_CONDITION.fullmatch(inner)
    if not inner.strip() or opens or says_who_or_when(inner) or _BRACKETED_ALONE.fullmatch(inner):
        return None  # "(if on steroids)", "(patients on steroids only)", "(hepatitis excluded)": a condition
    owner = None
    while at >= 0:
        opened = at if whole else open_before(text, at)
        if opened is None or (closing(text, opened) or len(text)) < at + len(condition):
            return None
        before = text[:opened].rstrip()
        if not before or not (before[-1].isalnum() or before[-1] in "%³²"):
            return None
        owner = owner or owner_words(before)
        at = text.find(condition, at + 1)
    return owner


# an exception naming a score's parts or the value's readings alone, which _CONDITION_EXCEPTION reads as none:
# "(exception: serology)" leaves the score's items out, as "(serology excluded)" does, an aside of no condition
_EXCEPTING_NO_CONDITION = lazy(
    r"(?i)[ \t]*(?:with[ \t]+the[ \t]+)?(?:exceptions?|exemptions?)(?:[ \t]*[:\u2013\u2014]|[ \t]+(?:of|for)(?![\w-]))"
    rf"(?:[ \t]*(?:{_A_SCORES_PART}|{_READ})(?![\w-])[ \t]*(?:,|and|or|&)?)+[ \t]*"
)


# the words that open an aside saying what the words before it include, or examples of them, or the same in other
# words ("i.e.", "viz.", "in other words"): no condition, however it is set off. "that is" as "i.e." is ("ALT > 3
# ×ULN, that is hepatitis", "(that is, ...)"): before a mark or a noun, not a relative clause's verb ("that is not
# due to ...", "that is confirmed on repeat testing", "that is persistently raised")
_THAT_IS = (
    r"that[ \t]+is(?:[ \t]+to[ \t]+say)?(?=[ \t]*[,:\u2013\u2014]|[ \t]+(?!(?:not|no|never|only|also|still|being|be"
    r"|due|un[\w-]*|[\w-]+(?:ed|en|ing|ly|able|ible))(?![\w-]))[\w\"'\u2018\u201c(])"
)
_INCLUDING = lazy(
    r"(?i)(?:including|includes|incl\.|such as|e\.g\.|i\.e\.|for example|for instance|especially|in particular"
    rf"|particularly|namely|notably|viz\.|in other words|{_THAT_IS})(?!\w)"
)


def owner_words(before: str, begin: int = 0) -> str:
    """The words an aside is of: the last 40 characters of before (the text up to the aside) from its last
    clause mark or opened bracket, and not before begin."""
    return before[max(begin, *(before.rfind(m) + 1 for m in ",;:.(")) :].strip()[-40:]


def open_before(text: str, at: int, brackets: str = "()") -> int | None:
    """Where the bracket (brackets: its opening and closing marks) still open at position at opens, else None."""
    opener, closer = brackets[0], brackets[1]
    depth = 0
    for k in range(at - 1, -1, -1):
        depth += (text[k] == closer) - (text[k] == opener)
        if depth < 0:
            return k
    return None


def closing(text: str, opened: int, brackets: str = "()") -> int | None:
    """Where the bracket opened at position opened closes (its closing mark included); None where it does not."""
    opener, closer = brackets[0], brackets[1]
    depth = 0
    for k in range(opened, len(text)):
        depth += (text[k] == opener) - (text[k] == closer)
        if depth == 0:
            return k + 1
    return None


_CLAUSE_MARKS = ",.;:)]}"  # (a brace closes a bracket as ")" does: "ALT > 3 ×ULN {hepatitis excluded}")
# the words that open a condition where no punctuation mark sets it off ("... ≥ 30 mg/day if ...", "...
# <500/mm³ with a neutrophil count <1000/mm³")
_OPENER = lazy(
    r"(?i)(?:if|when|whenever|unless|where|while|provided|providing|in case|for|in|on|during|before|after|at|within"
    r"|with|without|w/o|except|excluding|other than|who|whose|barring|once|(?:as|so)[ \t]+long[ \t]+as|assuming"
    r"|following"
    rf"|exceptions?|absence[ \t]+of|no[ \t]+{_NO_WHAT}|only[ \t]+(?:if|when(?:ever)?|where|provided))\b"
    rf"|(?:(?:{_AND_OR}|but)[ \t]+)?(?:{_NEGATED_CAUSE}|{_NOT_ON})|{_ABSENCE}|{_EXCEPTING_ABBREVIATED}(?=\s)"
    rf"|{_HELD_CAUSE}"
)
# the label of the next item of a list run into one text ("... <1000/mm³ e. Platelets ..."): the item
# before it ends there
_INLINE_LABEL = lazy(r"\s+\(?[a-z0-9][.)]\s")


def _starts_between(text: str, others: list[str], start: int, end: int) -> bool:
    """Whether another condition, or an "if", starts between start and end."""
    if CONDITION_START.search(text, start, end):
        return True
    return any(start <= text.find(other, start) < end for other in others if other)


# An inclusion limit one of alternatives lets in a patient who meets the other instead ("SLEDAI-2K ≥ 6 or
# BILAG A score in at least 1 organ system", "Hemoglobin ≥ 9 g/dL, or platelets ≥ 75,000/mm³"), so it is
# no one's limit alone: the threshold holds the alternative as its condition. An exclusion criterion's
# alternatives each keep patients out alone, and are no condition of one another. After "or", not an
# alternative: the same limit again ("or 221 μmol/L", "or ≥ 2 × ULN"; not "or 24-hour urine protein ≥ 0.5 g",
# another measure's limit after the number), a comparator's words ("6 or more", not
# "or more than one BILAG B") or an equivalent ("or equivalent", "or an equivalent dose", "or prednisone
# equivalent", "or other glucocorticoids at equivalent doses"; not "or an equivalent BILAG A score").
_OR = r"(?:(?:(?:and\s*/\s*)?or(?:\s+else)?|alternatively|otherwise)\b|/(?=[ \t]))"
_STEROID = r"(?:(?:gluco|cortico)?steroids?|glucocorticoids?|corticosteroids?|(?:methyl)?prednis(?:ol)?one)"
_NOT_ANOTHER = (
    r"(?!\s*(?:[0-9≥≤<>=](?![^,;.\n]*?[a-z][^,;.\n]*?[≥≤<>=])|(?:(?:an?|the|its|other|another|any|at|in|"
    + _STEROID
    + r")\s+){0,3}equivalents?\b"
    r"(?![ \t]+(?!(?:doses?|of|" + _STEROID + r")\b)[a-z])"
    r"|(?:more|less|greater|higher|lower|above|below"
    r"|fewer|over|under|longer|shorter|earlier|later|older|younger)\b(?![ \t]+than\b)))"
)
# a mark the alternative's "or" may follow: a comma, a semicolon, a bracket, a slash or a dash
_MARK = r"[,;(\[{/\-\u2010-\u2015]"
# "or" after the limit, words of its clause between ("SLEDAI-2K ≥ 6 at screening or BILAG A ..."), after a
# comma, a bracket, a slash or a dash too ("SLEDAI-2K ≥ 6 (or BILAG A ≥ 1)"), or "alternatively", "otherwise"
# (a unit the limit's statement left out may stand first: "UPCR ≥ 0.5 g/g or ...")
_UNIT_LEFT = r"(?:[ \t]*[^\s,;:()\[\]]*[/%×^][^\s,;:()\[\]]*)?"
_GAP = lazy(
    r"(?i)"
    + _UNIT_LEFT
    + r"(?:[ \t]+(?!(?:and|with|if|when|but|unless)\b)[a-z][a-z-]*){0,8}[ \t]*"
    + _MARK
    + r"?[ \t]*"
)
_OR_AT = lazy(r"(?i)(?<![\w-])(" + _OR + r")" + _NOT_ANOTHER)
# ... where more than a few words stand between, or a phrase of how, when or on what the limit is measured
# ("by echocardiogram or MUGA", "without transfusion or growth factor support", "at screening or baseline",
# "despite glucocorticoids or immunosuppressants"), the "or" joins that phrase's words, unless the words after
# it give a limit of their own ("at screening or BILAG A in one organ"), a time not counted
_PHRASE_AFTER_A_LIMIT = lazy(
    r"(?i)(?<![\w-])(?:by|via|using|on|off|without|despite|in|within|from|during|before|after|at|per|under|"
    r"following|as|of|for|excluding|including|except|assessed|measured|determined|calculated|confirmed|"
    r"documented|estimated)(?![\w-])"
)
# (a phrase of when, whose "or" joins another time: "at screening or baseline", "before enrollment or
# randomization", "at screening and/or Day 1")
_WHEN = lazy(r"(?i)at|during|before|after|within|from|following")
_A_TIME_AFTER = lazy(
    r"(?i)[ \t]*(?:(?:the|a|an|each|every)[ \t]+)?(?:screening|baseline|day|week|month|visit|randomi[sz]ation|"
    r"enrol+ment|entry|infusion|(?:leuk)?apheresis|lymphodepletion|consent|dosing|treatment|study|trial)(?![\w-])"
)
_NUMBER = r"(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|single)"
_A_TIME = lazy(
    r"(?i)(?<![\w-])(?:(?:day|week|month|visit|cycle)[ \t]*\d+|(?:[≥≤<>]=?[ \t]*)?"
    + _NUMBER
    + r"[ \t]*-?[ \t]*(?:days?|weeks?|months?|years?|hours?|hrs?|h|wks?)(?![\w-]))"
)
# (the disease, its organ involvement or an index of it, which a phrase of how or when a limit is measured
# does not name: "despite glucocorticoids or active lupus nephritis" gives another requirement)
_THE_DISEASE = lazy(r"(?i)(?<![\w-])(?:lupus|nephritis|SLE|BILAG|SLEDAI(?:-2K)?|organ[ \t]+involvement)(?![\w-])")
_OWN_LIMIT = lazy(
    r"(?i)[≥≤<>=]|(?<![\w-])(?:at[ \t]+(?:least|most)|(?:more|less|greater|fewer|higher|lower)[ \t]+than|"
    + _NUMBER
    + r")(?![\w-])"
)
# "or" right before the limit's measure ("Hemoglobin ≥ 9 g/dL, or platelets ≥ 75,000/mm³")
_OR_BEFORE = lazy(r"(?i)(?<![\w-])(" + _OR + r")\s+(?:the\s+|an?\s+)?\Z")
_OR_THEN = lazy(r"(?i)\s*,?\s*" + _OR + r"\s+(?:the\s+|an?\s+)?")
# a limit's number or unit, a few words of its clause after it ("≥ 6 at screening"): where its "or" stands
_AFTER_A_LIMIT = lazy(r"(?i)[0-9%³²)]" + _UNIT_LEFT + r"(?:[ \t]+[a-z][a-z-]*){0,8}[ \t]*" + _MARK + r"?[ \t]*\Z")
_CLAUSE_END = lazy(r"[,;:.](?=\s|\Z)|\Z")
# ("or" and a limit whose words after its number name another measure, an acronym's, not a unit: "SLEDAI-2K ≥ 6
# or ≥ 1 BILAG A organ score", not "or 221 μmol/L", "or ≥ 2 × ULN", "or > 75 years")
_OR_A_NUMBER = lazy(r"(?i)(?<![\w-])(or)[ \t]+(?:[≥≤<>]=?[ \t]*)?\d[\d.,]*")
_AN_ACRONYM = lazy(
    r"(?<![\w/-])(?!(?:ULN|LLN|IU|IQR|CI|SD|SEM?|BMI|HPF|MIU)(?![\w/-]))[A-Z][A-Za-z0-9]*[A-Z][\w-]*(?![\w/])"
)
_COMMA_AFTER = lazy(r"[ \t]*,?")  # (always matches)


def _joins_a_phrase(between: str, then: str) -> bool:
    """Whether an "or" after a limit joins the words of a phrase after it rather than giving an alternative:
    between, the words from the limit to the "or", are many or open such a phrase (_PHRASE_AFTER_A_LIMIT)
    and no mark sets the "or" off, and then, the words after the "or" to their clause's end, give no limit
    of their own."""
    if len(re.findall(r"[A-Za-z][\w-]*", between)) <= 4 and not _PHRASE_AFTER_A_LIMIT.search(between):
        return False
    if re.search(_MARK + r"[ \t]*\Z", between):
        return False  # (a mark sets the "or" off from the phrase: "SLEDAI-2K ≥ 6 at screening, or active LN")
    openers = list(_PHRASE_AFTER_A_LIMIT.finditer(between))
    if openers and _WHEN.fullmatch(openers[-1].group()) and not _A_TIME_AFTER.match(then):
        return False  # (a time's phrase joins times: "at screening or baseline", not "at screening or active LN")
    if _THE_DISEASE.search(then):
        return False  # (the disease itself is no word of such a phrase: "despite glucocorticoids or active LN")
    return _OWN_LIMIT.search(_A_TIME.sub(" ", then)) is None


def alternative(text: str, limit: tuple[int, int], measure: tuple[int, int]) -> Required | None:
    """The alternative to an inclusion limit (stated at limit, its measure at measure, as start and end
    in text) its sentence gives, as the passage a condition of the threshold must hold: from an "or"
    after the limit to its clause's end, or from the start of the clause before an "or" right before the
    measure to that "or". None where the limit is no alternative's. An "or" inside the measure's words
    ("hydroxychloroquine or chloroquine") is the measure's own, and one joining a phrase after the limit
    ("by echocardiogram or MUGA") that phrase's (_joins_a_phrase)."""
    for after in _OR_AT.finditer(text, limit[1]):
        if _GAP.fullmatch(text, limit[1], after.start(1)) is None:
            break
        if measure[0] <= after.start(1) < measure[1]:
            continue
        # (its clause's end: past a comma right after the word, "; alternatively, BILAG A ≥ 1")
        comma = _COMMA_AFTER.match(text, after.end(1))
        end = _CLAUSE_END.search(text, comma.end() if comma else after.end(1))
        assert end is not None  # (\Z always matches)
        if not _joins_a_phrase(text[limit[1] : after.start(1)], text[after.end(1) : end.start()]):
            return Required(after.start(1), end.start(), "alternative")
    number = _OR_A_NUMBER.search(text, limit[1])
    if number is not None and _GAP.fullmatch(text, limit[1], number.start(1)) is not None:
        end = _CLAUSE_END.search(text, number.end())
        assert end is not None  # (\Z always matches)
        if _AN_ACRONYM.search(text, number.end(), end.start()):
            return Required(number.start(1), end.start(), "alternative")
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, 0, measure[0])), default=0)
    before = _OR_BEFORE.search(text, lo, measure[0])
    if before is None or not text[lo : before.start()].strip(" \t,"):
        return one_of_a_list(text, limit, measure)
    start = max([lo, *(m.end() for m in re.finditer(r"[,;:]\s", text[: before.start()].rstrip(" \t,")))])
    return Required(start, len(text[: before.start()].rstrip()), "alternative")


# A list that "one of" opens ("One of: SLEDAI-2K ≥ 6; BILAG A ≥ 1", "At least one of SLEDAI-2K ≥ 6 and
# BILAG A ≥ 1", "Any of the following: ...", "Either of: ...") gives its items as alternatives; "All of",
# "Both of" do not. The list runs to its sentence's full stop; its items are set apart by a comma, a
# semicolon, "and", "or" or "and/or".
_ONE_OF = lazy(
    r"(?i)(?<![\w-])(?:at[ \t]+least[ \t]+one|one(?:[ \t]+or[ \t]+more)?|any|either)[ \t]+of(?![\w-])"
    r"(?:[ \t]+the[ \t]+following(?:[ \t]+[a-z]+)?)?[ \t]*:?[ \t]*"
)
_FULL_STOP = sentences.FULL_STOP  # (a sentence's end, not a clause's)


def _begun(text: str, at: int, ends: re.Pattern[str] = _FULL_STOP) -> int:
    """Where the sentence holding position at begins: past the last of its ends (a pattern) before it."""
    return max((m.end() for m in ends.finditer(text, 0, at)), default=0)


# (a denial before it makes each item a requirement: "No evidence of any of the following: ...")
_NONE_OF = lazy(r"(?i)(?<![\w-])(?:no|not|none|without|absence|absent|free|neither|never|nor)(?![\w-])")
# (what "of" names, not the list: "one of the classification criteria", "any of these")
_OF_WHICH = lazy(r"(?i)(?:the|these|those|this|his|her|their|its|our|two|three|several|many|them)(?![\w-])")
# (the words of an item before its measure: no clause of their own, a few at most)
_NOT_AN_ITEM = lazy(
    r"(?i)(?![\s\S]*(?<![\w-])(?:with|when|if|unless|where|while|who|whose|for|in|on|at|during|despite)(?![\w-]))"
    r"[ \t]*(?:[^\s,;:]+[ \t]+){0,3}"
)
_ITEM_MARK = lazy(
    r"(?i)[,;][ \t]*(?:(?:and[ \t]*/[ \t]*)?or[ \t]+|and[ \t]+)?|[ \t]+(?:and[ \t]*/[ \t]*or|and|or)[ \t]+"
)


def one_of_a_list(text: str, limit: tuple[int, int], measure: tuple[int, int]) -> Required | None:
    """The alternative to an inclusion limit (limit, measure: as alternative()) that is an item of a list
    "one of" opens in its sentence, before both: the items after the limit's, from the next item, or else
    those before it, up to its own. None where no such list holds the limit, or it has no other item."""
    first = min(limit[0], measure[0])
    begun = _begun(text, first)
    opener = next(reversed(list(_ONE_OF.finditer(text, begun, first))), None)
    if opener is None or opener.end() > first or _NONE_OF.search(text, begun, opener.start()):
        return None
    if _OF_WHICH.match(text, opener.end()) and not opener.group().rstrip().endswith((":", "following")):
        return None  # (one of some things it names: "at least one of the classification criteria")
    marks = list(_ITEM_MARK.finditer(text, opener.end(), first))
    if _NOT_AN_ITEM.match(text[marks[-1].end() if marks else opener.end() : first]) is None:
        return None  # (the limit is no item's, but words of one: "..., with SLEDAI-2K ≥ 6")
    stop = _FULL_STOP.search(text, limit[1])
    end = stop.start() if stop else len(text)
    nxt = _ITEM_MARK.search(text, limit[1], end)
    if nxt is not None and text[nxt.end() : end].strip(" \t,;"):
        return Required(nxt.end(), len(text[:end].rstrip(" \t,;")), "alternative")
    if not marks or not text[opener.end() : marks[-1].start()].strip():
        return None
    return Required(opener.end(), marks[-1].start(), "alternative")


def starts_alternative(text: str, condition: str, other: Required) -> bool:
    """Whether the condition (normalised) starts where the alternative other (alternative()) starts, its
    "or" aside: the alternative's own clause, not words within it ("at screening" of "; or BILAG A ≥ 1 at
    screening", which are BILAG A's)."""
    return any(
        _OR_WORD.fullmatch(text, other.start, at) is not None and at < other.end for at in _places(text, condition)
    )


_OR_WORD = lazy(r"(?i)(?:" + _OR + r")?[ \t,]*")


# (an "or" joining a term of a criterion to what stands beside it: after the term's few words, or before it)
_OR_AFTER_TERM = lazy(r"(?i)[^.,;:()\[\]\n]{0,40}?[ \t]*[,;]?[ \t]*(?<![\w-])(?:or|alternatively|otherwise)(?![\w-])")
_OR_BEFORE_TERM = lazy(
    r"(?i)(?<![\w-])(?:or|alternatively|otherwise)(?![\w-])[ \t]*,?(?:[ \t]+[^\s.,;:()\[\]]+){0,4}?[ \t]+\Z"
)


# A list item's label in a text that runs a list's items together ("2. ... 3. ...", "2) ...", "2\\) ..."): its number
# and its mark
_ITEM_LABEL = lazy(r"(?<!\S)\(?(\d{1,3})\\?([.)])[ \t]")


def _next_label(text: str, at: int, lo: int, hi: int) -> int:
    """Where the clause text[lo:hi] ends before the label of the list item after the one holding text[at]
    (the number one past that item's own, with its mark: "2. Biopsy-proven active lupus nephritis class III
    or IV 3. Weight ≥ 40 kg"), else hi. The next item's number, read as the limit of an alternative its "or"
    gave, refused an honest lupus nephritis scope REQUIRED (E507) of an item that wrote no full stop."""
    own = list(_ITEM_LABEL.finditer(text, max(0, at - 400), at))
    if not own:
        return hi
    number, mark = int(own[-1].group(1)), own[-1].group(2)
    following = re.compile(rf"(?<!\S)\(?{number + 1}\\?{re.escape(mark)}(?=[ \t]|\Z)").search(
        text, lo, min(len(text), hi + 2)
    )
    return following.start() if following is not None and following.start() <= hi else hi


def term_alternatives(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The alternatives, stating a limit of their own, that an inclusion criterion gives the term at
    text[start:end] (lupus nephritis, an autoantibody): the clause an "or" right after it opens ("Active
    lupus nephritis or SLEDAI-2K ≥ 6"), the clause before an "or" right before it ("SLEDAI-2K ≥ 6 or active
    lupus nephritis"), or the other items of a list "one of" opens (one_of_a_list's). A patient who meets
    one is let in without the term, which the criterion then does not require. As (start, end) in text."""
    out = []
    after = _OR_AFTER_TERM.match(text, end)
    if after is not None:
        stop = _CLAUSE_END.search(text, after.end())
        assert stop is not None  # (\Z always matches)
        out.append((after.end(), _next_label(text, start, after.end(), stop.start())))
    begun = _begun(text, start)
    before = _OR_BEFORE_TERM.search(text, begun, start)
    if before is not None:  # (the clause before it, past a mark right before the "or": "SLEDAI-2K ≥ 6; or")
        head = text[: before.start()].rstrip(" \t,;")
        lo = max([begun, *(m.end() for m in re.finditer(r"[,;:]\s", head))])
        out.append((lo, len(head)))
    listed = one_of_a_list(text, (start, end), (start, end))
    if listed is not None:
        out.append((listed.start, listed.end))
    return [(lo, hi) for lo, hi in out if _OWN_LIMIT.search(_A_TIME.sub(" ", text[lo:hi]))]


def among_alternatives(text: str, start: int, end: int, places: Callable[[str], list]) -> bool:
    """Whether the term at text[start:end] (a rendering of a vocabulary read asked alone,
    vocabulary.Reading.asked_alone, in an inclusion criterion) is one of alternatives to a limit of another
    kind: term_alternatives gives one in which places (its vocabulary's) finds no term of its own."""
    return any(not places(text[lo:hi]) for lo, hi in term_alternatives(text, start, end))


def an_item_of_one_of(text: str, condition: str) -> bool:
    """Whether the condition (normalised) starts an item of a list "one of" opens in its sentence ("BILAG A
    ≥ 1" of "At least one of SLEDAI-2K ≥ 6 and BILAG A ≥ 1"), wherever text writes it: right after the
    opener or an item's mark, which starts that alternative's clause."""
    for at in _places(text, condition):
        begun = _begun(text, at)
        openers = list(_ONE_OF.finditer(text, begun, at))
        if openers and (openers[-1].end() == at or _ITEM_MARK_BEFORE.search(text, openers[-1].end(), at)):
            return True
    return False


_ITEM_MARK_BEFORE = lazy(r"(?i)(?:[,;]|(?<![\w-])(?:and|or))[ \t]+\Z")


def opens_alternative(text: str, condition: str) -> bool:
    """Whether the condition (normalised) is an alternative from its "or" right after a limit, wherever
    text writes it ("or BILAG A score in at least 1 organ system" of "SLEDAI-2K ≥ 6 or BILAG A ..."): the
    clause it starts with that word is its own."""
    if re.match(r"(?i)" + _OR, condition) is None:
        return False
    return any(_AFTER_A_LIMIT.search(text[max(0, at - 60) : at]) for at in _places(text, condition))


def alternative_before(text: str, condition: str, measure: str) -> bool:
    """Whether the condition (normalised) stands right before an "or" that the measure follows, the
    alternative to that measure's limit ("Either SLEDAI-2K ≥ 6" of "Either SLEDAI-2K ≥ 6 or BILAG B ≥ 2",
    "Hemoglobin ≥ 9 g/dL," of "Hemoglobin ≥ 9 g/dL, or platelets ≥ 75,000/mm³")."""
    for at in _places(text, condition):
        then = _OR_THEN.match(text, at + len(condition))
        if then is not None and text.startswith(measure, then.end()):
            return True
    return False
