"""A list read from a criterion (prior therapies, autoantibodies, classification criteria) is the whole
enumeration the criterion gives (E525): its items as a reader reads them (split at its separators outside
parentheses; a dose, a duration or a regimen after an item is that item's), none left out between, before
or after them, none cut inside its words, running on past them or naming no treatment, and in the
criterion's order."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sle_trials import fields, patterns
from sle_trials.checks.binding import categorical
from sle_trials.checks.binding.context import Context, Path_
from sle_trials.patterns import lazy
from sle_trials.problem import Check, Problem, quoted
from sle_trials.reading import edges, phrases, prior_therapy, vocabulary
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import age_bounds, quantities

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check(
        "E525",
        "enumeration-not-whole",
        "a list read from a criterion (prior therapies, autoantibodies, classification criteria) that is not the "
        "whole enumeration the criterion gives, whatever part of it the quotes give: an item left out between two "
        "of its items, before the first or after the last, items of two enumerations, or an item cut inside its "
        "words or run into the words before the enumeration (a parenthesis left open or alone, a conjunction or "
        "a separator at its end, a separator outside its parentheses), an item cut out of longer words with no "
        "separator to show the cut ('other' of 'other immunosuppressants'), a prior therapy naming no treatment "
        "('the', 'SLE', 'standard SLE regimen') or holding words of its clause or of the enumeration's lead-in "
        "('corticosteroids when used', 'any of the following : corticosteroids'), a prior therapy's list opening "
        "after the first therapy its requirement names, in other words of the criterion (a sub-list's heading, "
        "another rule's sentence, examples 'such as' or 'including' give of an item) or standing inside one "
        "item's aside (a parenthesis, or examples a comma closes) where the requirement's enumeration goes on "
        "after it ('belimumab, rituximab' of "
        "'despite biologic therapy (belimumab or rituximab) or immunosuppressants'), or among examples no mark "
        "closes before a conjunction that joins another therapy or kind of treatment ('targeted therapy such as "
        "belimumab or rituximab and immunosuppressants'), or opening after a kind of treatment the requirement "
        "names first in other words than what that kind is spelled out or given examples by, or is a treatment "
        "with ('prednisone' of 'refractory to at least two standard therapies, with prednisone at a stable "
        "dose'), or opening at a therapy the requirement does not name as one patients had ('prednisone' of "
        "'refractory to standard therapy (prednisone is allowed)'), or its items in another order than the "
        "criterion's",
    ),
)


# The words that join an enumeration's items ("and/or" first: its "and" is not the word)
_AND_OR = r"(?:and/or|and|or)"
# An enumeration's separators: a comma or semicolon, "and", "or", "and/or" (with what stands between items).
_SEPARATOR = rf"(?:\s*[,;]\s*|\s+{_AND_OR}\s+|\s*,\s*{_AND_OR}\s+)"
# _SEPARATOR + r"+\Z", written so that each character can be read one way only: in _SEPARATOR
# repeated, the white space between two commas is either one's or the next one's, and a gap of 30
# commas and a word (", , , … x") took 2**30 tries (minutes of `trials check` for 60 bytes of a
# criterion; days for 80). Here white space is only ever read before a comma or a conjunction, or
# at the end; a conjunction stands after white space or a comma and before white space, as there
# (and one conjunction right after another takes more than one white space between them).
_ONLY_SEPARATORS = lazy(rf"\s*(?:(?:[,;]|(?<=[\s,])(?<!\band\s)(?<!\bor\s){_AND_OR}(?=\s))\s*)+\Z")
_ENDS_IN_SEPARATOR = lazy(r"\w\)?" + _SEPARATOR + r"\Z")
_STARTS_WITH_SEPARATOR = lazy(r"\A" + _SEPARATOR + r"\w")
_CONJUNCTION = lazy(rf"\b{_AND_OR}\b")  # the word before an enumeration's last item
# right after the last item, what is still its own even where the enumeration has closed ("A, B, and C
# (...)", "A, B, and C or D"): its parenthesis, or an alternative joined by "or" with no comma
_OWN_PART = lazy(r"\s*\(|\s+(?:and/or|or)\s+\w")
# between two terms of one enumeration: up to two words they share ("antinuclear antibodies, and/or
# anti-DS-DNA antibodies, and/or anti-Smith antibodies"), then a separator. A word is read whole
# (atomic, it gives none of it back): a separator never starts with a word character, so the gaps it
# matches are the same, and one long word is no longer tried split at each of its n places (n**2
# steps: a 4,000-letter word took 1.1 s, a criterion of 1 MiB would have taken hours)
_TERM_GAP = lazy(r"(?:\s*" + patterns.atomic(r"[\w-]+", "word") + "){0,2}" + _SEPARATOR + r"\Z")


# How an enumeration's items are read, as a reader reads them: split at its separators outside
# parentheses (_PARTS), but a part that is a dose or a duration of the item before it ("mycophenolate
# mofetil ≥ 2 g/day, for ≥ 6 months, or ...", "prednisone ≥ 0.5 mg/kg/day, or equivalent") is that
# item's, not one of its own. E525 split at every comma and "or": a therapy named without its dose
# was refused, the missing item a fragment ("'≥ 2 g/day for ≥ 6 months, or' stands among them"), and
# an item whose dose holds a comma could not be written whole (its comma read as two items').
_PARTS = lazy(rf"\s*[,;]\s*(?:{_AND_OR}\s+)?|\s+{_AND_OR}\s+")
# a dose or a duration: up to eight words of dosing or time, then a number (after a comparator) ...
_DOSE_LEAD = (
    "at up to least most more less greater than no not for over during within of a an the with total cumulative "
    "dose doses dosage daily given orally intravenously iv po minimum maximum max min last past previous preceding "
    "prior in any"
).split()
# (up to eight of them: "at a dose of at least 2 g/day" has six; the number in digits or in words,
# "for six months", which read as an item of its own made the honest list leave one out)
_DOSE_START = lazy(
    r"(?i)\A\s*(?:(?:"
    + "|".join(_DOSE_LEAD)
    + r")\s+){0,8}(?:[≤≥<>=~]\s*)?(?:[0-9]|"
    + quantities.WORDS_NUMBER
    + r"(?![\w-]))"
)
# ... with a unit of dose or of time after it
_DOSE_UNIT = lazy(
    r"(?i)(?:[0-9]\s*(?:mg|µg|μg|mcg|ug|g|IU|%)(?![a-z])|/\s*(?:kg|m2|m²|d|day|week)\b|\b(?:units?|daily|weekly|"
    r"days?|weeks?|months?|years?|doses?|cycles?|courses?|infusions?|pulses?|times|half-li(?:fe|ves))\b)"
)
# ... and every word of it one a dose or a duration is written with: of its amount, unit, time, or
# how and how often it is given (_DOSE_VOCABULARY, _A_MANNER), or one that joins them or joins on a
# condition or an event ("for 6 months without response", "for ≥ 3 months preceding screening",
# "75 years of age"). Any other word names something given: a therapy THERAPIES does not know (a
# brand, a new name), after "of" ("6 cycles of Cytoxan", "3 doses of iguratimod"), capitalised ("1 g
# Benlysta", "for 6 months (or Benlysta)"), in lower case right after the unit ("3 doses iguratimod"),
# after words of how it is given ("3 doses iv iguratimod", "2 injections/week iguratimod") or further
# on ("3 doses then iguratimod", "6 cycles every month cytoxan", "for 6 months before iguratimod").
# Each was read as a dose of the item before it, and a record leaving that therapy out passed E525:
# words held one by one (the word after "of", a capitalised one, the word after the unit and its
# words of manner) left the next word unread.
# (the words of how or how often a dose is given, which a regimen's parenthesis reads as its own
# too, _OWN_DOSING_WORDS)
_MANNER_WORDS = "iv sc oral intravenous subcutaneous daily weekly monthly pulse pulsed high-dose low-dose".split()
_DOSE_VOCABULARY = (
    frozenset(_DOSE_LEAD)
    | frozenset(_MANNER_WORDS)
    | frozenset(
        # amounts and units of a dose
        "dosing dose-adjusted weight-based equivalent cycle cycles course courses infusion infusions injection "
        "injections pulses tablet tablets capsule capsules vial vials unit units mg µg μg mcg ug ng pg g iu u kg lb "
        "lbs m m2 m² mm mm3 cm bsa body weight surface area cell cells ml dl l µl μl ul mmol µmol μmol umol nmol "
        "mol meq min hpf level levels trough target range per "
        # units and words of time, and the events a time is counted from
        "years year months month weeks week days day hours hour d h hr hrs wk wks old age life inclusive "
        "duration long longer interval period time prior before after since until ago apart preceding following "
        "from between past last previous recent first screening baseline enrollment enrolment randomization "
        "randomisation visit study entry inclusion consent start onset diagnosis disease symptoms symptom "
        "treatment treatments therapy therapies use exposure administration induction maintenance follow-up "
        "drug medication investigational leukapheresis registration signing icf "
        # how and how often it is given, or kept
        "po im every each once twice thrice times "
        "consecutive continuous stable standard sustained divided tapered subcutaneously intramuscularly "
        "continuously consecutively therapeutic effective tolerable highest lowest higher lower minimal maximal "
        # words that join them, or join on a condition
        "and or to in on by as if when then without unless despite except due respectively response improvement "
        "efficacy benefit intolerance intolerant tolerance toxicity contraindication contraindications adverse side "
        "effects events adequate sufficient appropriate optimal full label investigator discretion judgment "
        "judgement opinion according local practice guidelines care other whichever is are was half lives starting "
        "started stopping".split()
    )
    # numbers in words, as many times or doses ("eleven times", "twenty-four doses"): the one table of
    # them, which listed here by hand had "one" to "twelve" but "eleven", read as a therapy's name
    | frozenset(quantities.CARDINALS)
    | frozenset(quantities.SCALES)
)
# ... or an abbreviation of how often it is given ("1 g BID", "q4w", "b.i.d.", "500 mg x 6"), or a
# word of how it is given or kept ("divided", "tapered", "sustained", "consecutively"): since 1b68f1f
# each made an honest dose an item of its own (no therapy's name ends in "-ed" or "-ly"; a capitalised
# word is a dose's only in _DOSE_VOCABULARY, "18 Years", "Prior to Screening")
_A_MANNER = lazy(r"(?i)[a-z]+(?:ed|ly)|q[0-9]*[a-z]{0,3}|bid|tid|qid|biw|tiw|prn|od|bd|[btx×][0-9]*")
# a word of a dose: a dotted abbreviation ("b.i.d.", "p.o.") read without its dots, a word with a hyphen
# in it either whole ("follow-up") or by its pieces ("twice-daily"), a possessive without its "'s"
# ("the investigator's judgement")
_DOSE_TOKEN = lazy(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w-]*(?:['’]s\b)?")
_TITLE_CASE = lazy(r"[A-Z][a-z]")
# ... the events of the trial's own treatment aside, which a time is counted to or from ("within 4 weeks
# before CAR-T infusion", "prior to lymphodepletion"): the trial's product and its conditioning are no
# therapy of the list, and since 8dbc4c1 read every word, such a duration was an item of its own and
# an honest record refused E525. Only after a word of time: "3 doses of CAR-T" names what is given.
_TRIALS_EVENT = lazy(
    r"(?i)\b(?:before|after|prior\s+to|until|since|preceding|following|(?P<time>(?:hours?|days?|weeks?|months?|years?)"
    r"\s+)(?:of|from))\s+(?:the\s+)?(?:start\s+of\s+)?"
    rf"(?:{age_bounds.CAR_T}|lymphodeplet\w*|(?:leuk)?apheresis|conditioning)"
    r"(?:\s+(?:cell\s+)?(?:infusion|administration|therapy|treatment|chemotherapy))?(?![\w-])"
)
# ("within 12 weeks of CAR-T infusion": counted from it as well, after a unit of time, its unit kept)


def _a_doses_word(word: str) -> bool:
    """Whether a word is one a dose or a duration is written with (_DOSE_VOCABULARY, _A_MANNER)."""
    word = re.sub(r"['’]s\Z", "", word.replace(".", "")).strip("-")
    if word.lower() in _DOSE_VOCABULARY:
        return True
    if "-" in word:
        return all(_a_doses_word(piece) for piece in word.split("-") if piece)
    return not _TITLE_CASE.match(word) and bool(_A_MANNER.fullmatch(word))


# a part that only says which of two doses or times holds ("for 6 months, whichever is longer"): the
# item's, as "or equivalent" is, not one of its own
_WHICHEVER = lazy(
    r"(?i)\s*whichever\s+(?:is\s+|comes\s+|occurs\s+)?(?:the\s+)?(?:longer|shorter|greater|lesser|less|lower|higher|"
    r"earlier|later|first|last|sooner|longest|shortest|greatest|lowest|highest|earliest|latest)\s*"
)
_EQUIVALENT = lazy(r"(?i)\A\s*(?:or\s+)?(?:an?\s+)?equivalent(?:\s+(?:dose|dosage|amount))?\s*\Z")
# a parenthesis that gives an item's dose or regimen ("(Euro-Lupus or NIH regimen)", "(≥ 1 g/day)"):
# a therapy written without it is still that item; one that names therapies or what the item means
# ("biologics (belizumab or Rituximab)", "steroids (sufficient or shock therapy)") is the item's own
_REGIMEN = lazy(r"(?i)\b(?:regimens?|protocols?|dosing|doses?|dosage)\s*\Z")
# ... but one that opens with a word adding to the item offers another treatment beside it or in its
# place ("(or Benlysta regimen)", "(plus the NIH protocol)"): a name THERAPIES does not know (a brand)
# so written was read as the item's regimen, and a record leaving it out passed E525
# (such a word stands first, after a comma or a semicolon, "(for 6 months, or Benlysta regimen)", or
# after "alone", "(alone or with Benlysta regimen)"; a phrase that can only add one, "in combination
# with", "together with", "in addition to", "±", stands anywhere: read only first, these hid a brand
# as the item's regimen too)
_ADDING = rf"(?:{_AND_OR}|plus|with|without|vs\.?|versus|then|followed\s+by|combined\s+with|instead\s+of|[+&/])"
_ADDING_ANYWHERE = (
    r"(?:in\s+combination\s+with|together\s+with|along\s+with|alongside|in\s+addition\s+to|as\s+well\s+as"
    r"|added\s+to|add-on\s+to)"
)
_ADDED = lazy(
    rf"(?i)(?:\A|[,;])\s*(?:(?:either|alone|used|given)\s+)*{_ADDING}(?!\w)|\b{_ADDING_ANYWHERE}\b|±|\+\s*/\s*[-−]"
)
# ... unless its words, the adding ones aside, are only of a dose or a regimen of the item's own ("(or
# equivalent dosing)", "(or a higher dose)", "(with or without a loading dose)"): no treatment is
# named, and a record listing the item without them was refused E525. ("other", "alternative" and
# "different" are no such words: "(or an alternative regimen)" offers another treatment, unnamed.)
_OWN_DOSING_WORDS = frozenset(
    "and or with without plus then vs versus followed by combined instead of either alone used given a an the any "
    "same similar equivalent higher lower high low standard usual full reduced increased decreased adjusted "
    "dose-adjusted weight-based loading maintenance induction stable recommended approved labelled labeled "
    "mg g kg m m2 d day days week weeks month months per "
    "regimen regimens protocol protocols dosing dose doses dosage".split()
) | frozenset(_MANNER_WORDS)
_A_WORD = lazy(r"[^\W\d_][\w-]*")
_A_PARENTHESIS = lazy(r"\s*\(([^()]*)\)")
# words that lead into an enumeration, not an item of it ("regimen, including steroids (...)")
_LEAD_IN = lazy(r"(?i)\A(?:.*:\s*)?(?:(?:including|includes|include|such\s+as|e\.g\.,?|namely|like|either)\s+)?")


_ENUMERATION_END = lazy(r"[.:](?=\s|\Z)")


def _dose(part: str) -> bool:
    """Whether a part of an enumeration between two separators is a dose or a duration of the item
    before it, which names no therapy ("for ≥ 6 months", "or equivalent"; not "≥ 2 immunosuppressants")."""
    if _EQUIVALENT.match(part) or _WHICHEVER.fullmatch(part):
        return True
    start = _DOSE_START.match(part)
    if start is None or not _DOSE_UNIT.search(part) or prior_therapy.THERAPIES.search(part):
        return False
    read = _TRIALS_EVENT.sub(lambda event: f" {event.group('time') or ''} before ", part)
    return all(_a_doses_word(word) for word in _DOSE_TOKEN.findall(read))


# ... and one naming the regimen names one the field knows by that name ("Euro-Lupus", "NIH"): a
# capitalised word that is neither such a name nor a dose's ("(Benlysta or NIH regimen)", "(6 pulses
# or Benlysta regimen)") names another treatment beside the item's regimen, as "1 g Benlysta" does
# (a name this list lacks makes its parenthesis an item of its own: a refusal to look at, never a pass)
_NAMED_REGIMENS = frozenset("euro-lupus eurolupus euro lupus elnt nih ponticelli modified kdigo eular acr".split())


def _names_another(word: str) -> bool:
    """Whether a capitalised word in a regimen's parenthesis names something besides the regimen."""
    folded = word.lower()
    return (
        word[:1].isupper()
        and folded not in _NAMED_REGIMENS
        and folded not in _OWN_DOSING_WORDS
        and not _a_doses_word(word)
    )


# ... and one that gives the item with a regimen the field knows by its name, and nothing else ("(with the
# Euro-Lupus regimen)", "(with the modified NIH protocol)", "(with the NIH or Euro-Lupus regimen)"): "with" adds
# no treatment there, the regimen is the item's own; a capitalised word of no such name ("(with the Benlysta
# regimen)") still adds one
_WITH_A_NAMED_REGIMEN = lazy(
    r"(?i)\s*(?:(?:given|used|administered)\s+)?with\s+(?:(?:the|a|an)\s+)?(?P<names>[\w-]+(?:\s+[\w-]+){0,3}?)\s+"
    r"(?:regimens?|protocols?|dosing|schedules?)\s*"
)


def _with_a_named_regimen(inside: str) -> bool:
    """Whether a parenthesis (its words) gives its item with a regimen the field knows by its name alone
    (_WITH_A_NAMED_REGIMEN, _NAMED_REGIMENS)."""
    found = _WITH_A_NAMED_REGIMEN.fullmatch(inside)
    names = [w.lower() for w in re.split(r"\s+", found.group("names"))] if found is not None else []
    return any(w in _NAMED_REGIMENS for w in names) and all(w in _NAMED_REGIMENS or w in ("or", "and") for w in names)


def _regimen(inside: str) -> bool:
    """Whether a parenthesis (its words) gives only its item's dose or regimen."""
    words = _A_WORD.findall(inside)
    regimen = (
        bool(_REGIMEN.search(inside))
        and not any(_names_another(w) for w in words)
        and (
            not _ADDED.search(inside)
            or all(w.lower() in _OWN_DOSING_WORDS for w in words)
            or _with_a_named_regimen(inside)
        )
    )
    return (_dose(inside) or regimen) and not prior_therapy.THERAPIES.search(inside)


def _parts(text: str, lo: int, hi: int, first: bool = False) -> list[tuple[int, int]]:
    """The (start, end) of each part of text[lo:hi] between its separators outside parentheses (with
    first, only the first: an item's dose is looked for after each item, never in the whole rest of
    its criterion each time)."""
    out: list[tuple[int, int]] = []
    depth, start, i = 0, lo, lo
    while i < hi and not (first and out):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (c in ",;" or c.isspace()):
            m = _PARTS.match(text, i, hi)
            if m is not None:
                out.append((start, i))
                start = i = m.end()
                continue
            if c.isspace():
                # no separator starts at any later white space of this run either (a separator's own
                # white space would have been read from here): each tried, a run of n spaces took n² steps
                while i < hi and text[i].isspace():
                    i += 1
                continue
        i += 1
    if not (first and out):
        out.append((start, hi))
    return out


def _items(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """text[lo:hi]'s items as a reader reads them: its parts (_parts), each dose or duration joined
    to the item before it."""
    out: list[tuple[int, int]] = []
    for start, end in _parts(text, lo, hi):
        if out and _dose(text[start:end]):
            out[-1] = (out[-1][0], end)
        elif text[start:end].strip():
            out.append((start, end))
    return out


def tail(corpus: str, end: int) -> int:
    """Where the item that ends at `end` in the criterion ends with the dose, duration or regimen the
    criterion gives it after it (a therapy named without them is still that item): `end` where none."""
    while True:
        paren = _A_PARENTHESIS.match(corpus, end)
        if paren is not None:
            if not _regimen(paren.group(1)):
                return end
            end = paren.end()
            continue
        sep = _PARTS.match(corpus, end)
        start = sep.end() if sep is not None else end
        if start == end and not corpus[end : end + 1].isspace():
            return end
        part_end = _parts(corpus, start, len(corpus), first=True)[0][1]
        opened = corpus.find("(", start, part_end)  # a parenthesis after the dose: the next round's
        part_end = start + len(corpus[start : part_end if opened < 0 else opened].rstrip())
        if part_end <= start or not _dose(corpus[start:part_end]):
            return end
        end = part_end


def _past_separator(corpus: str, at: int) -> int:
    """Where the words after the separator at `at` (if one stands there) start."""
    found = _PARTS.match(corpus, at)
    return found.end() if found is not None else len(corpus) - len(corpus[at:].lstrip(" ,;"))


def _before_separator(corpus: str, at: int) -> int:
    """Where the words before the separator that ends at `at` (if one does) end."""
    words = corpus[:at].rstrip(" ,;")
    for conjunction in ("and/or", "and", "or"):
        if words.endswith(conjunction) and words[: -len(conjunction)][-1:] in (" ", ",", ";"):
            return len(words[: -len(conjunction)].rstrip(" ,;"))
    return len(words)


def item_at(corpus: str, start: int) -> str:
    """The first item of the enumeration from start (its separators before it left out), as a reader reads it."""
    found = _items(corpus, start, len(corpus))
    if not found:
        return corpus[start:].strip(" ,;")
    lo, hi = found[0]
    end = _ENUMERATION_END.search(corpus, lo, hi)  # the sentence's end ends the enumeration
    return corpus[lo : end.start() if end is not None else hi].strip()


def _item_before(corpus: str, end: int) -> str:
    """The item of the enumeration that ends at end (its separator after it left out), its lead-in
    ("including") left out."""
    found = _items(corpus, 0, end)
    if not found:
        return corpus[:end].strip(" ,;")
    lo, hi = found[-1]
    item = corpus[lo:hi].strip()
    return item[_LEAD_IN.match(item).end() :] or item  # type: ignore[union-attr]


def items_whole(ctx: Context, path: Path_, texts: list[str], where: tuple[str, list[str]]) -> Iterator[Problem]:
    """E525 when list items read from a criterion's enumeration ("steroids (...), immunosuppressants
    (...), and biologics (...)") are not that enumeration whole. The items are placed in the criterion
    (where: its normalised text and the record's quotes of it; an item in a quote stands where the
    quote does), and read in its words, not only in the quotes' (a quote cut after the second item
    would hide the third): only separators stand between two items that follow each other (an item
    left out there, or items of two enumerations); no separator joins an item before the first; and
    none joins one after the last, unless the enumeration has closed with its "and" or "or" before
    it ("A, B, and C, and the disease ..."). A requirement of three kinds of treatment read as two
    misstates who is refractory."""
    corpus, quotes = where
    spans = []
    for text in map(normalise, texts):
        at, cut = placed(text, corpus, quotes)
        if at < 0:
            return  # E513: not in the criterion
        if cut is not None:
            yield ctx.problem(
                path,
                "E525",
                f"{fields.dotted(path)}: {quoted([text], 50)} is part of {quoted([cut.words], 50)} in the "
                "criterion's enumeration, not an item of it: list each item whole",
            )
            return
        spans.append((at, tail(corpus, at + len(text))))
        torn = _torn(text, corpus[:at])
        if torn is not None:
            yield ctx.problem(
                path,
                "E525",
                f"{fields.dotted(path)}: {quoted([text], 50)} is part of an item of the criterion's enumeration "
                f"({torn}): list each item whole",
            )
            return
    for text, (at, end) in zip(map(normalise, texts), spans):
        word = _runs_on(corpus, at, at + len(text), end)
        why = (
            f"{word!r} goes on naming it, with no separator between"
            if word is not None
            else _names_no_treatment(text)
            if path[-1] == "therapies"
            else None
        )
        if why is not None:
            yield ctx.problem(
                path,
                "E525",
                f"{fields.dotted(path)}: {quoted([text], 50)} is no item of an enumeration of the criterion "
                f"({why}): list each item of its enumeration whole",
            )
            return
    given = list(spans)
    spans.sort()
    # an item inside another (a part of it, or of its parenthesis): an item of two enumerations, which
    # stood for one left out ("cyclophosphamide or mycophenolate mofetil" of "immunosuppressants (...)"
    # in the place of "biologics (...)")
    inside = next(((one, two) for one, two in zip(spans, spans[1:]) if two[0] < one[1]), None)
    if inside is not None:
        (start, end), (part, part_end) = inside
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: {quoted([corpus[part:part_end]], 50)} stands inside the item "
            f"{quoted([corpus[start:end]], 50)}: list the enumeration's own items, each once",
        )
        return
    misplaced = categorical.misordered(list(range(len(spans))), lambda k: given[k])
    if misplaced is not None:
        first, ahead = misplaced
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: {quoted([normalise(texts[ahead])], 50)} stands before "
            f"{quoted([normalise(texts[first])], 50)} in the criterion: list its items in the criterion's order",
        )
        return
    # what is left out is named as the item it is (_items), not the words between two items
    left_out: str | None = None
    part_of: tuple[int, int] | None = None  # an item the record holds only part of: its span
    for (start, end), (after_start, _) in zip(spans, spans[1:]):
        gap = corpus[end:after_start]
        if after_start > end and not _ONLY_SEPARATORS.match(gap):
            if _OWN_PART.match(gap):  # the item's own parenthesis or alternative: the item cut short
                part_of = (start, end)
            elif gap.rstrip().endswith("("):  # the next one is in a parenthesis of an item left out
                part_of = next(span for span in spans if span[0] == after_start)
            else:
                left_out = item_at(corpus, _past_separator(corpus, end))
            break
    if left_out is None and part_of is None and _ENDS_IN_SEPARATOR.search(corpus, 0, spans[0][0]):
        left_out = _item_before(corpus, _before_separator(corpus, spans[0][0]))
    gaps = [corpus[end:start] for (_, end), (start, _) in zip(spans, spans[1:]) if start > end]
    closed = any(_CONJUNCTION.search(g) for g in gaps)
    after = corpus[spans[-1][1] :]
    if left_out is None and part_of is None:
        if _OWN_PART.match(after):
            part_of = spans[-1]
        elif not closed and _STARTS_WITH_SEPARATOR.match(after):
            left_out = item_at(corpus, _past_separator(corpus, spans[-1][1]))
    if part_of is not None:
        start, end = part_of
        lo, hi = next(((lo, hi) for lo, hi in _items(corpus, 0, len(corpus)) if lo <= start < hi), (start, end))
        stop = _ENUMERATION_END.search(corpus, end, hi)  # the sentence's end ends the enumeration
        whole = corpus[lo : stop.start() if stop is not None else hi]
        whole = whole[_LEAD_IN.match(whole).end() :] or whole  # type: ignore[union-attr]
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: {quoted([corpus[start:end]], 80)} is part of the item "
            f"{quoted([whole.strip()], 100)} of the criterion's enumeration, not an item of it: list each "
            "item whole (its dose may be left out, not what it names)",
        )
    elif left_out is not None:
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: the criterion's enumeration has more than its items: "
            f"{quoted([left_out], 100)} stands among them; list it too (a quote of only part of the "
            "enumeration does not make the rest of it go away)",
        )


# the words that may stand right after an item without naming more of it: a closed word ("is", "for",
# "within"), a word of its dose or of how it is given (_a_doses_word), or one that says what it includes
# or how it is given ("other immunosuppressants or immunomodulators including azathioprine, ...")
_AFTER_AN_ITEM = frozenset(
    "including includes such like alone plus etc regimen regimens protocol protocols used given taken "
    "received administered".split()
)
# ... and right before one: a closed word ("of", "to", "with", "including"), a word of a dose or of how
# it is given ("oral", "high-dose"), or a word of a treatment had, failed or kept ("despite", "failed")
_BEFORE_AN_ITEM = frozenset(
    "despite failed fail fails failing received receiving tried trying taking using used following "
    "refractory resistant intolerant unresponsive respond responded responding including e.g. namely "
    "either both plus versus vs".split()
)
# ... but a word that says which of a kind the item is, its own ("other" of "other immunosuppressants or
# immunomodulators": the immunosuppressants besides those named before it), though a dose's word elsewhere
_OF_THE_ITEM = frozenset({"other", "another", "additional", "further"})
_WORD_AFTER = lazy(r" ([^\W\d_][\w'’-]*)")
_WORD_BEFORE = lazy(r"([^\W\d_][\w'’-]*) \Z")


def _runs_on(corpus: str, start: int, end: int, tail: int) -> str | None:
    """The word of the criterion that goes on naming the item at corpus[start:end] (with its dose or
    regimen up to tail) past one of its ends, with no separator, mark or closed word between: "other"
    of "other immunosuppressants or immunomodulators" ("immunosuppressants" goes on), "the" of "the
    current standard treatment regimen", "immunosuppressants or immunomodulators" of "other
    immunosuppressants ..." ("other" before it). A word cut out of a longer name stood as a whole item
    of a list of one, or as the last of a list, where no separator showed the cut; else None."""
    after = _WORD_AFTER.match(corpus, tail)
    if after is not None:
        word = after.group(1)
        if not (phrases.closed_word(word) or _a_doses_word(word) or word.lower() in _AFTER_AN_ITEM):
            return word
    before = _WORD_BEFORE.search(corpus, max(0, start - 80), start)
    if before is not None:
        word = before.group(1)
        if word.lower() in _OF_THE_ITEM or not (
            phrases.closed_word(word) or _a_doses_word(word) or word.lower() in _BEFORE_AN_ITEM
        ):
            return word
    return None


# the verbs of a clause an item would hold ("corticosteroids must meet", "regimen refers to"): it says
# something of a treatment, and names none
_A_CLAUSE_VERB = lazy(
    r"(?i)\b(?:is|are|was|were|be|been|being|will|shall|would|should|can|could|may|might|must|has|have|had|does|do|"
    r"did|refers?|meets?|remains?|remained|relaps\w*|progress(?:es|ed)?)\b"
)
# words that name no treatment though no closed word or word of a dose either: the disease, words of
# the criterion's own frame ("the current clinical standards", "standard SLE regimen", "requirements"), and
# words of how a treatment is taken ("using", "kept", "alone")
_NO_TREATMENT_WORDS = frozenset(
    "sle lupus systemic erythematosus disease diseases nephritis ln active activity refractory relapse relapsing "
    "regimen regimens requirement requirements standards criteria criterion clinical current currently following "
    "history meets meet combination steady using used kept alone there".split()
)
# ... of which these are never part of a treatment's name, beside a therapy's word ("requirement for
# corticosteroids" of "There is no minimum daily dose requirement for corticosteroids")
_FRAME_WORDS = frozenset(
    "requirement requirements standards criteria criterion history meets meet there used using kept combination "
    "following when whenever if unless while".split()
)


def _names_no_treatment(item: str) -> str | None:
    """Why a prior therapy's item names no treatment, else None: a closed word at its end
    ("corticosteroids when"), the colon of the enumeration's lead-in, a verb of a clause in it
    ("corticosteroids must meet"), a word of the criterion's frame or clause ("requirement for
    corticosteroids", "in combination with"), or neither a therapy's word (prior_therapy.THERAPIES) nor
    any word that could be a name the field does not know (a brand: "Benlysta") beside closed words,
    words of a dose, numbers, the disease or the criterion's frame ("the", "SLE", "standard SLE
    regimen", "use", "treatment", "mg/ day")."""
    last = phrases.bare_word(item.split()[-1]) if item.split() else ""
    if phrases.closed_word(last):
        # (at its start a closed word may lead a count of the item's own: "at least 2 immunosuppressive agents")
        return f"{last!r}, at its end, names nothing of a treatment"
    if re.search(r":\s", item):
        return "it runs back over the words that lead into the enumeration, to their colon"
    verb = _A_CLAUSE_VERB.search(item)
    if verb is not None:
        return f"{verb.group(0)!r} is a verb of its clause"
    words = _A_WORD.findall(re.sub(r"\([^()]*\)", " ", item))  # a parenthesis of its own says what it is
    frame = next((w for w in words if w.lower() in _FRAME_WORDS), None)
    if frame is not None:
        return f"{frame!r} is a word of the criterion's frame or clause, not of a treatment"
    words = _A_WORD.findall(item)
    if prior_therapy.THERAPIES.search(item):
        return None
    for word in words:
        if phrases.closed_word(word) or _a_doses_word(word) or word.lower() in _NO_TREATMENT_WORDS:
            continue
        if phrases.names_something(word):
            return None
    return "no word of it names a treatment"


def placed(text: str, corpus: str, quotes: list[str]) -> tuple[int, edges.Cut | None]:
    """Where an item stands in its criterion (corpus): in a quote of it where one holds it, else in
    the criterion (-1: nowhere), and what it cuts there where it stands whole in none of them:
    "other" of "Failure of smother or mycophenolate, not other therapies" stood in the quote "smother
    or mycophenolate" only inside a word, and was read as the enumeration's first item."""
    first: tuple[int, edges.Cut | None] = (-1, None)
    for within in (quotes, [corpus]):
        for quote in within:
            base = corpus.find(quote)
            if base < 0:
                continue
            at, cut = edges.place(corpus, text, base, base + len(quote))  # what it cuts of the criterion
            if at >= 0 and cut is None:
                return at, None
            first = first if first[0] >= 0 or at < 0 else (at, cut)
        if first[0] >= 0:
            return first  # a quote holds it, cut: the criterion's words beyond the quotes say no more
    return first


def _torn(item: str, before: str) -> str | None:
    """Why an item read from an enumeration is not one of its items whole, or None: a parenthesis it
    opens or closes and does not hold whole ("biologics (belizumab or" of "biologics (belizumab or
    Rituximab)"), a conjunction or a separator at either end ("other immunosuppressants or", ":
    corticosteroids"), a separator outside its parentheses (the enumeration's lead-in run into its
    first item: "regimen, including steroids (...)"), or a parenthesis alone that belongs to the word
    before it ("(sufficient or shock therapy)" of "steroids (...)")."""
    torn = phrases.torn(item)
    if torn is not None:
        return torn
    if _CONJUNCTION.match(item) or re.search(r"\b(?:and/or|and|or)\Z", item):
        return "a conjunction at its end"
    if re.match(r"[,;:]", item) or re.search(r"[,;:]\Z", item):
        return "a separator at its end"
    if len(_items(item, 0, len(item))) > 1 and re.search(r"[,;]", re.sub(r"\([^()]*\)", "", item)):
        # (a separator before the item's dose or duration is the item's: "prednisone ≥ 0.5 mg/kg/day, for ≥ 4 weeks")
        return "a separator outside its parentheses, between two items or before the enumeration"
    if item.startswith("(") and re.search(r"\w\s*\Z", before):
        return "a parenthesis of the word before it"
    return None


def enumerated_terms(
    ctx: Context, path: Path_, values: list, vocab: vocabulary.Vocabulary, where: tuple[str, list[str]]
) -> Iterator[Problem]:
    """E525 when a list of terms read from a criterion (autoantibodies, classification criteria)
    leaves out a term of its vocabulary that the criterion enumerates with the quoted ones: a term
    joined to the first or last quoted term by a separator (and the words they share). Its quotes
    render exactly its values (E507), so only a quote cut short of the enumeration hides one:
    "antinuclear antibodies, and/or anti-DS-DNA antibodies" of a criterion that goes on "and/or
    anti-Smith antibodies"."""
    corpus, quotes = where
    found = vocab.places(corpus)
    wanted = set(values)
    # the terms in the order the criterion first writes them (trials.csv gives each list in source order)
    written_at = {v: next((t.start for t in found if v in t.values), -1) for v in values}
    placed = [v for v in values if written_at[v] >= 0]
    misplaced = categorical.misordered(placed, lambda v: written_at[v])
    if misplaced is not None:
        ahead = misplaced[0]
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: {ahead} is listed before a term the criterion writes ahead of it: list "
            "its terms in the criterion's order",
        )
        return
    for quote in quotes:
        at = corpus.find(quote)
        inside = [k for k, term in enumerate(found) if at <= term.start and term.end <= at + len(quote)]
        if at < 0 or not inside:
            continue
        first, last = inside[0], inside[-1]
        beside = []
        if first > 0 and _TERM_GAP.match(corpus[found[first - 1].end : found[first].start]):
            beside.append(found[first - 1])
        if last + 1 < len(found) and _TERM_GAP.match(corpus[found[last].end : found[last + 1].start]):
            beside.append(found[last + 1])
        for term in beside:
            if not term.values & wanted:
                yield ctx.problem(
                    path,
                    "E525",
                    f"{fields.dotted(path)}: the criterion enumerates {corpus[term.start : term.end]!r} with the "
                    f"quoted terms ({', '.join(sorted(term.values))}); list it too (a quote of only part of the "
                    "enumeration does not make the rest of it go away)",
                )
                return
