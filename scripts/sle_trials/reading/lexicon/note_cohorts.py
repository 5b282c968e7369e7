"""The cohort a piece of a curation note names and the cell doses it gives there: "the dose for patients 4 to 6 as
"1×10^8 CAR-T cells"", "(the first cohort's dose is "1×10^6/kg")", "Cohort 2 received 1×10^8 cells". A note's
dose was read only as a number some source writes, whichever cohort the note gave it to: IM19's note rewritten to
"the second cohort's dose is "1×10^6/kg"" (the first cohort's) passed (mutation hunt 207). remarks reads each
piece against the record's cohorts."""

from __future__ import annotations

from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading.lexicon import head_counts, note_numbers
from sle_trials.reading.lexicon.quantities import ORDINALS, WORDS_NUMBER

# A note's pieces: its clauses and brackets, where a dose and the cohort it is given to stand together
_PIECE_END = lazy(r"[,;()\[\]\n]|[.!?](?![\d\w])")
# (the first ten of quantities' ordinals: "the tenth cohort" at most)
_ORDINALS = {word: value for word, value in ORDINALS.items() if value <= 10}
_ORDINAL = "|".join(_ORDINALS)
# (a cohort by its place, "the second cohort", "the 2nd dose level", or its number, "Cohort 2", "dose level 2")
_KIND = r"(?:cohort|dose[ \t-]+level|DL|group)"
_BY_PLACE = lazy(rf"(?i)(?<![\w-])(?:(?P<word>{_ORDINAL})|(?P<digits>\d{{1,2}})(?:st|nd|rd|th))[ \t]+{_KIND}(?![\w-])")
_BY_NUMBER = lazy(rf"(?i)(?<![\w-]){_KIND}[ \t]*(?P<number>\d{{1,2}})(?![\w.,×^-])")
# (or as its arm's last, place -1: IM19's "The last cohort is dosed per kilogram." passed of its second, dosed flat)
_LAST = lazy(rf"(?i)(?<![\w-])(?:last|final)[ \t]+{_KIND}(?![\w-])")


# (or by how many of the arm's first or last patients it holds: "the dose for the last three patients"; IM19's note
# made "the last four patients" passed beside its cohorts of three, hunt 219; "The study's first three patients get a
# flat dose." passed, hunt 230)
_BY_COUNT = lazy(
    r"(?i)(?<![\w-])(?:the|its|(?:the[ \t]+)?(?:trial|study|arm)['\u2019]s)[ \t]+(?P<end>first|last)[ \t]+"
    rf"(?P<n>\d{{1,2}}|{WORDS_NUMBER})[ \t]+"
    r"(?:patients|participants|subjects)(?![\w-])"
)


# (or one patient by its place: IM19's "The first patient is dosed flat." passed of its first cohort, dosed per
# kilogram, hunt 230's leftover; "the 4th patient", "the last patient")
_ONE_PATIENT = lazy(
    r"(?i)(?<![\w-])(?:the|its|(?:the[ \t]+)?(?:trial|study|arm)['\u2019]s)[ \t]+"
    rf"(?:(?P<word>{_ORDINAL})|(?P<digits>\d{{1,2}})(?:st|nd|rd|th)|(?P<last>last|final))[ \t]+"
    r"(?:patient|participant|subject)(?![\w'\u2019-])(?![ \t]+\d)"
)


class CohortNamed(NamedTuple):
    """A cohort a note's piece names: by its place in its arm (place, from 0), by the patients it holds, or by how
    many of its arm's first or last patients it holds (first, last)."""

    place: int | None
    patients: tuple[int, int] | None
    first: int | None = None
    last: int | None = None
    every: bool = False  # (each of them: "each of the two cohorts", "both cohorts")
    later: bool = False  # (the cohorts after its arm's first: "The trial was later dosed flat")
    none: bool = False  # (none of them: "No patient is dosed per kilogram", "Neither cohort is dosed flat")


class DosesGiven(NamedTuple):
    """A note's piece naming one cohort (cohort) and the cell doses (powers of ten) it writes, and the piece's
    words."""

    cohort: CohortNamed
    doses: list[float]
    words: str


def doses_given(text: str) -> list[DosesGiven]:
    """Each piece of a note naming one cohort, and the cell doses it writes (note_numbers.powers, quoted or not); a
    piece naming no cohort, or more than one, gives none (its doses are not placed)."""
    out: list[DosesGiven] = []
    if not note_numbers.writes_a_power(text):
        return out
    start = 0
    for stop in [m.start() for m in _PIECE_END.finditer(text)] + [len(text)]:
        piece, start = text[start:stop], stop + 1
        doses = note_numbers.powers(piece)
        if not doses:
            continue
        named = _cohorts_named(piece) or _every(piece)
        if len(named) == 1:
            out.append(DosesGiven(named[0], doses, " ".join(piece.split())))
    return out


def _every(piece: str) -> list[CohortNamed]:
    """Every cohort, where piece names them as a whole ("Each cohort receives 1×10^8 CAR-T cells" passed of IM19's
    cohorts dosed otherwise, hunt 224)."""
    return [CohortNamed(None, None, every=True)] if _EVERY.search(piece) else []


class BasisSaid(NamedTuple):
    """A note's piece naming one cohort (or every cohort) and the basis it says that cohort is dosed on."""

    cohort: CohortNamed
    basis: str  # FLAT or PER_KG
    words: str


# a dose's basis said in a note's words ("dosed flat", "a flat dose", "dosed per kilogram", "weight-based"), and the
# words that deny one ("with no per-kilogram wording"): a piece denying anything says no basis
_BASIS_WORDS = {
    "FLAT": lazy(
        r"(?i)(?<![\w-])(?:(?:flat|fixed)[ \t-]+dos(?:e|es|ed|ing)|dos(?:e|es|ed|ing)[ \t]+(?:at[ \t]+a[ \t]+)?"
        r"(?:flat|fixed)|dos(?:e|es|ing)[ \t]+(?:is|are|was|were)[ \t]+(?:all[ \t]+)?(?:flat|fixed)"
        r"|dos(?:e|es|ed|ing)[ \t]+(?:(?:its|their|the|all|every|each)[ \t]+)?(?:patients?|participants?|subjects?)"
        r"[ \t]+(?:at[ \t]+a[ \t]+)?(?:flat|fixed)"
        # (or a dose level, a cohort or an infusion said flat: IM19's "Every dose level is flat." and "All infusions
        # are flat." passed of its first cohort, dosed per kilogram, hunt 230's leftovers)
        r"|(?:dose[ \t-]+(?:levels?|groups?)|cohorts?|infusions?|regimens?)[ \t]+(?:is|are|was|were)[ \t]+"
        r"(?:all[ \t]+|both[ \t]+)?(?:flat|fixed)(?:[ \t]+dosed|[ \t]+doses?)?)(?![\w-])"
    ),
    "PER_KG": lazy(
        r"(?i)(?<![\w-])(?:per[ \t-]+(?:kilogram|kg)|weight[ \t-]+(?:based|adjusted)|by[ \t]+(?:body[ \t]+)?weight)"
        r"(?![\w-])|/[ \t]*kg\b"
    ),
}
_DENYING = lazy(r"(?i)(?<![\w-])(?:no|not|without|never|neither|nor|rather[ \t]+than|instead[ \t]+of)(?![\w-])|n't\b")


def bases_given(text: str) -> list[BasisSaid]:
    """Each piece of a note (its quotes blanked by the caller) naming one cohort, or every cohort as a whole (or the
    trial, _the_trials), and one basis its dose is said to be on: IM19's "Patients 1 to 3 are dosed flat." passed of
    its cohort dosed per kilogram (hunt 224), a basis said of a cohort being placed by nothing. A piece denying
    anything, or saying both bases, is not read."""
    out: list[BasisSaid] = []
    start = 0
    for stop in [m.start() for m in _PIECE_END.finditer(text)] + [len(text)]:
        at, piece, start = start, text[start:stop], stop + 1
        bases = [basis for basis, words in _BASIS_WORDS.items() if words.search(piece)]
        one = len(bases) == 1 and sum(1 for words in _BASES_LOOSELY if words.search(piece)) == 1
        no = _NONE_OF_THEM.match(piece) if one else None
        if no and not _DENYING.search(piece, no.end()) and not _A_PART.search(piece, no.end()):
            out.append(BasisSaid(CohortNamed(None, None, none=True), bases[0], " ".join(piece.split())))
            continue
        if len(bases) != 1 or _DENYING.search(piece):
            continue
        named = _cohorts_named(piece) or _every(piece) or _the_trials(piece, _sentence_of(text, at))
        if named and named[0].every and len(note_numbers.powers(piece)) > 1:
            continue  # (each of some doses to some of them: "Each cohort receives 1×10^6/kg or 1×10^8 cells")
        if named and named[0].every and all(words.search(piece) for words in _BASES_LOOSELY):
            continue  # (each of some bases: "Every cohort is dosed per kilogram or flat", refused of IM19's, hunt 228)
        if len(named) == 1:
            out.append(BasisSaid(named[0], bases[0], " ".join(piece.split())))
    return out


# none of the trial's patients (or cohorts) said dosed on a basis, at the piece's start: IM19's "No patient is dosed per
# kilogram." and "Neither cohort is dosed flat." passed (hunt 230), a piece denying anything read as no basis
_NONE_OF_THEM = lazy(
    r"(?i)[ \t]*(?:no|neither|none[ \t]+of[ \t]+(?:the|its|their))[ \t]+(?:(?:dose[ \t]+)?cohorts?|patients?|"
    r"participants?|subjects?|doses?|dose[ \t-]+levels?|arms?)(?![\w-])(?![ \t]+(?:\d|who|that|with|in|of|on)\b)"
)


# the trial (or study) said to be dosed on a basis as a whole: IM19's "The trial is dosed flat." passed of its first
# cohort, dosed per kilogram (hunt 226's leftover), a basis said of the trial held only where phrased "every cohort".
# It is every cohort's where the piece names no part of the trial (a cohort, an arm, some patients) and its sentence
# says one basis ("The trial is dosed per kilogram, then flat." says each of some cohorts)
_THE_TRIAL = lazy(r"(?i)(?<![\w-])(?:the|this|its)[ \t]+(?:trial|study)(?![\w-])")
# ... and so are its patients, its cohorts, its doses or its dosing named as a whole, and its cells: IM19's "Its cohorts
# are dosed flat.", "All patients are dosed flat." and "The trial doses its patients flat." passed (hunt 228's
# leftovers), "patients" read as a part of the trial. A whole is no part; a count, a number or a clause after it
# ("its first three patients", "patients 1 to 3", "all patients who weigh ...") makes it one
_A_WHOLE = lazy(
    r"(?i)(?<![\w-])(?:(?:(?:all|both)(?:[ \t]+of)?(?:[ \t]+(?:the|its|their))?|the|its|their)[ \t]+"
    r"(?:(?:(?:" + WORDS_NUMBER + r"|\d{1,2})[ \t]+)?(?:cohorts|doses|dose[ \t-]+levels)|(?:CAR-?T[ \t]+)?cells|"
    r"patients|participants|subjects|dosing|infusions|products?)"
    r"|(?:every|each|any)[ \t]+(?:cohort|dose|patient|participant|subject|infusion)|^[ \t]*(?:patients|participants|"
    r"subjects|dosing|CAR-?T[ \t]+cells))(?![\w-])(?![ \t]+(?:\d|" + WORDS_NUMBER + r"|who|whom|that|which|with|on|in|"
    r"of|from|under|over|above|below|weighing|receiving|taking|aged|given)\b)"
)
# ... or said so at first, or later, which is its arm's first cohort, or those after it: "The study was dosed flat at
# first." passed of IM19's (hunt 228's leftover, a word of time turning the reading off)
_AT_FIRST = lazy(
    r"(?i)(?<![\w-])(?:at[ \t]+first|initially|at[ \t]+the[ \t]+(?:start|outset|beginning)|to[ \t]+begin[ \t]+with|"
    r"(?<=is[ \t])first|(?<=was[ \t])first|(?<=are[ \t])first|(?<=were[ \t])first)(?![\w-])"
)
_LATER = lazy(r"(?i)(?<![\w-])(?:later|later[ \t]+on|subsequently|afterwards?|thereafter|eventually)(?![\w-])")
# (a basis of another drug's dose: "All patients get fludarabine at a fixed dose" says nothing of the cells')
_OTHER_DRUG = lazy(
    r"(?i)(?<![\w-])(?:lymphodeplet\w*|fludarabine|cyclophosphamide|bendamustine|conditioning|chemotherapy|steroids?|"
    r"prednisone|corticosteroids?|tocilizumab|mg)(?![\w-])"
)
_A_PART = lazy(
    r"(?i)(?<![\w-])(?:cohorts?|arms?|groups?|patients?|participants?|subjects?|levels?|parts?|partly|some|one|"
    r"first|second|third|last|later|earlier|then|initially|except|only)(?![\w-])"
)
_FULL_STOP = lazy(r"[.!?](?![\d\w])")
# (a basis's word alone, as the sentence's other clauses may say it: "dosed per kilogram and flat")
_BASES_LOOSELY = (
    lazy(r"(?i)(?<![\w-])(?:flat|fixed)(?!\w)"),
    lazy(r"(?i)(?<![\w-])(?:per[ \t-]+(?:kilogram|kg)|weight|by[ \t]+(?:body[ \t]+)?weight)(?!\w)|/[ \t]*kg\b"),
)


def _sentence_of(text: str, at: int) -> str:
    """The sentence of text holding the character at."""
    start = max((m.end() for m in _FULL_STOP.finditer(text, 0, max(at, 0))), default=0)
    end = _FULL_STOP.search(text, max(at, 0))
    return text[start : end.start() if end else len(text)]


def _the_trials(piece: str, sentence: str) -> list[CohortNamed]:
    """Every cohort, where piece says the trial (or a whole of it, _A_WHOLE) is dosed on a basis and names no part of
    it (_THE_TRIAL); its arm's first cohort, or those after it, where the sentence says so at first or later."""
    if not (_THE_TRIAL.search(piece) or _A_WHOLE.search(piece)) or _OTHER_DRUG.search(sentence):
        return []
    if sum(1 for words in _BASES_LOOSELY if words.search(sentence)) != 1:
        return []
    whole = _A_WHOLE.sub(" | ", sentence)
    first, later = bool(_AT_FIRST.search(whole)), bool(_LATER.search(whole))
    if _A_PART.search(_LATER.sub(" | ", _AT_FIRST.sub(" | ", whole))) or (first and later):
        return []
    if first:
        return [CohortNamed(0, None)]
    return [CohortNamed(None, None, later=True)] if later else [CohortNamed(None, None, every=True)]


def _cohorts_named(piece: str) -> list[CohortNamed]:
    return list(dict.fromkeys(named for _, named in _cohorts_at(piece)))


def _cohorts_at(piece: str) -> list[tuple[int, CohortNamed]]:
    """Each cohort piece names, with where its name starts."""
    # (patients numbered in digits or in words: "the dose for patients one to three", hunt 208)
    named = [(at, CohortNamed(None, r)) for r, at in _patient_ranges_at(piece)]
    for m in _BY_PLACE.finditer(piece):
        place = _ORDINALS[m.group("word").lower()] if m.group("word") else int(m.group("digits"))
        named.append((m.start(), CohortNamed(place - 1, None)))
    named += [(m.start(), CohortNamed(int(m.group("number")) - 1, None)) for m in _BY_NUMBER.finditer(piece)]
    named += [(m.start(), CohortNamed(-1, None)) for m in _LAST.finditer(piece)]
    for m in _ONE_PATIENT.finditer(piece):
        if m.group("last"):
            named.append((m.start(), CohortNamed(None, None, None, 1)))
            continue
        place = _ORDINALS[m.group("word").lower()] if m.group("word") else int(m.group("digits"))
        named.append((m.start(), CohortNamed(None, (place, place))))
    for m in _BY_COUNT.finditer(piece):
        counted = note_numbers.numbers(m.group("n"))
        if len(counted) == 1:
            n = int(counted[0].value)
            named.append(
                (
                    m.start(),
                    CohortNamed(None, None, n, None) if m.group("end") == "first" else CohortNamed(None, None, None, n),
                )
            )
    return sorted(named, key=lambda at: at[0])


def _patient_ranges_at(piece: str) -> list[tuple[tuple[int, int], int]]:
    """The ranges of patients piece names (in digits or in words), each with where its words start."""
    out = []
    for m in _PATIENTS_WORD.finditer(piece):
        near = piece[m.start() : m.start() + 60]
        ranges = head_counts.patient_ranges(near) + note_numbers.patient_ranges_in_words(near)
        if ranges:
            out.append((ranges[0], m.start()))
    return out


# where a range of patients may start ("patients 1 to 3", "patient 4", "patients four to six")
_PATIENTS_WORD = lazy(r"(?i)(?<![\w-])(?:patients?|participants?|subjects?)[ \t]+(?=\w)")


class SizeSaid(NamedTuple):
    """A count of people a note's sentence states after naming a cohort: the cohort it is of, the count."""

    cohort: CohortNamed
    people: float


# A note's sentences, in which a count of people after a cohort is its size
_SENTENCE_END = lazy(r"[;!?\n]|[.](?![\d\w])")


# every cohort, named as a whole: "Each of the two cohorts has three patients", "Both cohorts have three patients" were
# refused as counts of participants no source writes, IM19's cohorts holding three each (honest hunt 218)
_EVERY = lazy(
    r"(?i)(?<![\w-])(?:each|every|both|all)(?:[ \t]+of)?(?:[ \t]+(?:the|its|their))?"
    rf"(?:[ \t]+(?:{WORDS_NUMBER}|\d{{1,2}}))?"
    r"[ \t]+(?:dose[ \t]+)?(?:cohorts?|dose[ \t-]+levels?)(?![\w-])"
)


def sizes_said(text: str) -> list[SizeSaid]:
    """Each count of people (head_counts.count_spans) a sentence of a note states after naming a cohort, of the cohort
    named last before it: IM19's "(the first cohort's dose is "1×10^6/kg", given to three patients)", its patients 1
    to 3, was refused as a count of participants no source writes (hunt 216), the count read apart from the cohort it
    is of. remarks holds it to the size of the cohort the record holds."""
    out: list[SizeSaid] = []
    start = 0
    for stop in [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        sentence, start = text[start:stop], stop + 1
        named = _cohorts_at(sentence) + [
            (m.start(), CohortNamed(None, None, every=True)) for m in _EVERY.finditer(sentence)
        ]
        if not named:
            continue
        for n, at, _ in head_counts.count_spans(sentence):
            before = [cohort for where, cohort in named if where < at]
            if before:
                out.append(SizeSaid(before[-1], n))
    return out
