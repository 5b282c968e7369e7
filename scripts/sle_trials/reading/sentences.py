"""Where a source's sentences end: the one sentence reader (reading/prose.py and the evidence checks'
ties read a plain document's sentences by it; lexicon and binding a clause's end, END, and a quote's
sentence in its source, in_quote and around).

A stop ends a sentence (STOPS, SENTENCES). A plain document's text is read with its lines joined by
spaces (layouts.normalise), so a line that ends with no stop (a headline) ran into the next line as
one sentence: the headline's "Trial" made "Lupus affects about 300,000 patients" an enrolment. The
lines that end a sentence with no stop (line_ends: a headline, a label's line, a list's line) are
marked in the text its prose is read from (a "\\n" for the space after them, at the line's own place:
SourceDoc.prose, Passage.prose), and every splitter cuts there. A first try (3a65178, reverted) kept
those sentences as texts and cut any sentence starting with one wherever it stood.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from sle_trials.patterns import lazy
from sle_trials.reading.invisible import SEPARATOR

# Where one sentence ends and the next starts. A stop (".", "!", "?") ends one before a capital or an
# opening mark, not before a word in lower case or a number: "Dec. 1, 2026", "CO., LTD. · Feb 28" are
# one sentence; nor after a title written before a name ("led by Dr. Anna Berg", "St. Mary's Hospital
# in Columbus": cut there, the official stood in no sentence naming the trial's lead, the hospital in
# none with its city).
# Nor after a list's mark (LIST_MARK's ordinals) at a line's start that line_ends marked, or after a colon
# ("Another Phase 2 Trial", then "1. Multiple myeloma"; "... a second trial: a. It enrolled 120": cut after
# "1." or "a.", the heading or the sentence about another trial held no line under it). Each width of an
# ordinal is a lookbehind of its own (one must be of a fixed width).
_ORDINALS = (r"[\da-zA-Z]", r"(?:\d\d|[ivx]{2}|[IVX]{2})", r"(?:\d{3}|[ivx]{3}|[IVX]{3})", r"(?:[ivx]{4}|[IVX]{4})")
_AFTER_A_MARK = "".join(f"(?<!{before}{ordinal}\\.)" for ordinal in _ORDINALS for before in ("\\n", "^", ":\\s"))
_OPENS = r"[A-Z(\"“‘']"
# Nor after a question its yes or no answers ("IM19 CAR-T cells: CD28? Yes.", "CD28 domain? No, 4-1BB."):
# the answer is the question's, and cut there, a product's sentence ended in a question unanswered, and
# read as asked (retracted.ASKED) its "CD28" was refused where the answer was yes. The answer a word
# alone, before a mark, a bracket or the text's or a line's end ("No patients were enrolled." answers
# nothing), after an answer's label or a dash or none ("CD28 domain? A: Yes.", "? Answer: No", "? — Yes").
# ANSWER_LABEL is read by retracted's question too.
# (and a list's bullet before it: "? • Yes", as a list item under its question writes it)
ANSWER_LABEL = r"(?:(?i:a|answer|ans\.?)[ \t]*:[ \t]*|[\u2013\u2014-][ \t]*|[\u2022\u00b7*][ \t]+)"
_ANSWER = rf"{ANSWER_LABEL}?(?i:yes|no|true|false)(?=[ \t]*(?:[.,;:!?()\[\]\u2013\u2014-]|\n|\Z))"
_ANSWERED = rf"(?!(?<=\?)\s+{_ANSWER})"
# ... and on the line after the question's, or as the paragraph or the list's item after it ("CD28
# domain?", a blank line, "Yes."; "CD28 co-stimulatory domain?" over "- Yes"): the question's too (answers,
# read by line_ends and layouts.set_apart), and read on one line with it. Cut there, the sentence ended in
# a question unanswered, and the value a yes gives was refused as asked.
ANSWER = lazy(_ANSWER)
# ... but not a yes a list of choices offers, a line opening with another choice alone after it ("CD28
# domain?" over "- Yes" and "- No", or "- Unknown"): read as the question's answer, a form's choices bound
# the value a box left unticked asked
CHOICE = lazy(
    rf"{ANSWER_LABEL}?(?i:yes|no|true|false|unknown|unclear|n/?a|not[ \t]+(?:sure|known))"
    r"(?=[ \t]*(?:[.,;:!?()\[\]\u2013\u2014/|-]|\n|\Z))"
)
# (a title before a name: TITLES)
TITLES = ("Dr", "Drs", "Prof", "St", "Mr", "Mrs", "Ms")
_AFTER_A_TITLE = "".join(rf"(?<!\b{title}\.)" for title in TITLES)
_STOP = r"(?<=[.!?])" + _AFTER_A_TITLE + _AFTER_A_MARK + _ANSWERED + r"\s+(?=" + _OPENS + ")"
# A stop alone, where it ends a sentence (a line's end after it or not)
STOP = lazy(_STOP)
# What a sentence a stop ends before opens with: a line after a stop that opens otherwise ("- Phase 2",
# "120 participants were enrolled" after a blank line) ran on from it as the stop alone reads it
OPENS = lazy(_OPENS)
# The sentences a site's texts are looked for in (together): a semicolon ends none there, since a list
# of sites under their places is written with them ("Sites in Beijing, China: A; B" lists two sites
# in Beijing, and cut at the semicolon B stood under no place).
# A line's end that ends a sentence with no stop, as line_ends marks it in the text prose is read from; a
# SEPARATOR line after it (between two paragraphs a reader sees apart: layouts.set_apart) is no sentence
_LINE_END = rf"|\s*\n(?:\s*{SEPARATOR}\s*\n)*\s*"
STOPS = lazy(_STOP + _LINE_END)
# The sentences everything else is read in (a product's facts too, which were read in pieces cut at any
# stop, "Acme Corp. and targeting BCMA" two): a semicolon ends one too, before any word ("..., which
# completed enrollment of 120 participants; NB-301 is ..." is two).
SENTENCES = lazy(_STOP + r"|(?<=;)\s+" + _LINE_END)
# The one reading of where a criterion's (or a line's) sentence or clause ends, for every reader of one
# (scopes, thresholds, lexicon, prior_therapy, list_sides): a stop before a space or the text's end ("7.5"
# and "e.g.," end none; a list label's "a." does) ...
# ... but not the stop of an abbreviation that leads into the words after it (LEADING, in any case:
# "ALT > 3 × ULN (excl. hepatitis)", "exc. Gilbert's syndrome", "incl. belimumab", "e.g. rituximab", "i.e.
# the upper limit", "approx. 7.5 mg", "vs. placebo", "cf. section 5"), nor a title's before a name (TITLES,
# as written: "Dr. Berg"; "MS." is multiple sclerosis).
# Read as an end, "(excl. hepatitis)" stood in no sentence of the limit before it: scopes read no exception
# of it (the record leaving it out passed), and a record holding it was refused as an aside. Read by the
# words before the stop alone: a search that stops right after one (a reader's end of a span) cannot tell
# what follows it. A real word is none ("no.", "min.", "etc." end sentences: "Prior CAR-T: no.").
LEADING = ("e.g", "i.e", "excl", "incl", "exc", "approx", "vs", "cf", "viz", "esp")
# (lookbehinds, after a stop: not that of an abbreviation leading on, nor a title's; a curation note's names are
# read in the sentences these end too, lexicon/note_names.py)
NOT_AN_ABBREVIATION = "".join(rf"(?<!\b(?i:{re.escape(word)})\.)" for word in LEADING) + _AFTER_A_TITLE
_A_STOP = r"\." + NOT_AN_ABBREVIATION
# ... and that stop alone, for a pattern reading a clause's or a sentence's words up to its end by a class of
# characters with no stop in it ("[^,;.()]"): within() lets it through
# (or one inside it: "e.g." holds two)
_INSIDE = [(word[:k], word[k + 1 :]) for word in LEADING for k, c in enumerate(word) if c == "."]
ABBREVIATION_STOP = (
    r"\.(?:"
    + "|".join(rf"(?<=\b(?i:{re.escape(word)})\.)" for word in LEADING)
    + "".join(rf"|(?<=\b(?i:{re.escape(lead)})\.)(?=(?i:{re.escape(rest)})\.)" for lead, rest in _INSIDE)
    + ")"
)


def within(marks: str) -> str:
    """A pattern of one character of a clause's or a sentence's words: none of marks (a character class's
    characters, a stop among them), or an abbreviation's stop ("once viral hepatitis e.g. HBV is excluded"
    is one clause)."""
    return rf"(?:[^{marks}]|{ABBREVIATION_STOP})"


# A sentence's or a clause's end: a full stop or a semicolon (for the readers of limits: lexicon, scopes,
# thresholds, prior_therapy)
END = lazy(rf"(?:{_A_STOP}|;)(?=\s|$)")
# A sentence's end alone, not a clause's: a full stop (a list "one of" opens runs to it past its semicolons)
FULL_STOP = lazy(rf"{_A_STOP}(?=\s|\Z)")
# A sentence's or a clause's end a question or an exclamation mark ends too (a line's words: list_sides)
ANY_END = lazy(rf"(?:{_A_STOP}|[;!?])(?=\s|\Z)")

# Where a quote's sentence ends, for the words around a number or a quote (age_bounds.unbound_age, around):
# a stop, a semicolon, a question or exclamation mark, a line's end; not a "." between digits (a
# decimal point). Not END, which the readers of limits read a unit's reach by, and which a second
# definition in lexicon.py once replaced.
QUOTE_END = lazy(r"[.;!?](?!\d)|\n")
# Where a source's text, its lines joined by spaces, likely broke a line: a word or number, then a capital
# ("Minimum Age: 18 Years Severe lupus nephritis is excluded." was two lines, and one sentence) ...
# ... but not after a word no sentence ends on (an article, a preposition, a conjunction, a possessive),
# nor before an abbreviation in capitals ("refractory SLE", "positive ANA"), which a sentence runs
# into as often as a line opens with one: guessed there, "Diagnosed with SLE before their 18th
# birthday" was cut to "SLE before ...", and a maximum age of 18 quoted "before their 18th birthday"
# passed, the event the age is at left out (a guess too few reads a quote's sentence longer, so
# its words still stand around it)
_NO_SENTENCE_ENDS_ON = (
    "a an the of with without within in on at by for from to into onto before after since until than per "
    "as like including between among during over under versus vs and or nor but if when while whose which "
    "that their his her its our your any each every no all both either neither is are was were be been "
    "has have had"
).split()
# ... nor inside a name in title case ("Diagnosed with systemic Lupus Erythematosus before their 18th
# birthday"): guessed before "Lupus" or "Erythematosus", the words before were left out of the quote's
# sentence, and a maximum age of 18 quoted "before their 18th birthday" passed, as "SLE" had. A line
# is guessed to end before a capitalised word that a word in lower case comes before, unless another
# capitalised word follows it (a name's first word); or that a capitalised word comes before only
# where a number comes before that ("18 Years Severe ...": a label's value and its unit)
_GUESS = lazy(
    r"(?<=[A-Za-z0-9%)\]])"
    + "".join(rf"(?<!\b(?i:{word}))" for word in _NO_SENTENCE_ENDS_ON)
    + r"\s+(?=[A-Z])(?![A-Z]{2,}\b)"
)
_NAME_GOES_ON = lazy(r"[A-Z][\w'’-]*\s+[A-Z]")
_TITLE_WORD = lazy(r"[A-Z][a-z'’-]*\Z")
# ... unless that lower-case word is a number's unit ("up to 65 years", "65 years old"): a line's end is
# guessed after it even before words in title case ("Adults aged up to 65 years" and the next line
# "Pregnant Women Are Excluded." were one sentence, and an honest maximum age was refused E508)
_A_NUMBERS_UNIT_ENDS = lazy(r"\d\s*[^\W\d_]+(?:\s+old)?\Z")


def _kept(text: str, found: re.Match[str]) -> bool:
    """Whether a place _GUESS found stands inside no name in title case (the comments above)."""
    words = text[max(0, found.start() - 80) : found.start()].split()[-2:]  # (a word is rarely longer)
    word = words[-1] if words else ""
    if _TITLE_WORD.match(word):  # a capitalised word before: only a number's unit ("18 Years")
        return len(words) == 2 and words[0][-1:] in set("0123456789%)]")
    if word[-1:].islower():  # a word in lower case before: not before a name's first word
        return bool(_A_NUMBERS_UNIT_ENDS.search(text, max(0, found.start() - 40), found.start())) or not (
            _NAME_GOES_ON.match(text, found.end())
        )
    return True


def _line_breaks(text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """Where a source's text, its lines joined by spaces, likely broke a line: _GUESS's places that
    stand inside no name in title case (_kept)."""
    return (m for m in _GUESS.finditer(text, pos, endpos) if _kept(text, m))


def _between(
    stops: Callable[[str, int, int], Iterator[re.Match[str]]],
    text: str,
    start: int,
    end: int,
    lo: int = 0,
    hi: int | None = None,
) -> tuple[int, int]:
    """(where the last stop before text[start:end] ends, where the first after it starts), within
    text[lo:hi], stops giving the stops of a span of text in order; lo and hi where there is none."""
    hi = len(text) if hi is None else hi
    before = [m.end() for m in stops(text, lo, start)]
    after = next(stops(text, end, hi), None)
    return (before[-1] if before else lo), (after.start() if after else hi)


def in_quote(quote: str, start: int, end: int) -> str:
    """The sentence of quote around quote[start:end] (QUOTE_END)."""
    lo, hi = _between(QUOTE_END.finditer, quote, start, end)
    return quote[lo:hi]


def around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence of text around text[start:end] (a quote there), no further than
    where its text likely broke a line outside the quote: the words a quote cut short leaves out, not
    the next line's."""
    lo, hi = _between(QUOTE_END.finditer, text, start, end)
    return _between(_line_breaks, text, start, end, lo, hi)


def split(text: str, stops: re.Pattern[str] = SENTENCES) -> list[str]:
    """The sentences of text: cut at stops (SENTENCES, or STOPS for a site's texts), and at a line's
    end line_ends marked."""
    return stops.split(text)


def pieces(text: str, stops: re.Pattern[str] = SENTENCES) -> list[tuple[str, str]]:
    """The sentences of text (split), each with the line's end line_ends marked that ends it: "\\n", or
    APART where it ends a paragraph set apart from the next; "" for none."""
    out: list[tuple[str, str]] = []
    at = 0
    for stop in stops.finditer(text):
        found = stop.group()
        out.append((text[at : stop.start()], "" if "\n" not in found else APART if SEPARATOR in found else "\n"))
        at = stop.end()
    out.append((text[at:], ""))
    return out


# What pieces gives a sentence ending a paragraph set apart from the next (a SEPARATOR between)
APART = f"\n{SEPARATOR}\n"


def unanswered(sentence: str, line_end: str) -> bool:
    """Whether a sentence (pieces) is a question ending a paragraph set apart from the next: no yes or
    no after it is its answer (one in the next paragraph is set apart from it by none: answers), and the
    readers joining sentences in a row again (prose.of_this_trial) join none after it. Joined with a
    line's end alone, "Randomized allocation?" and a "Yes" set apart from it (a heading's, one more
    blank lines down than a reader bridges) read "Randomized allocation? Yes.", and RANDOMIZED bound.
    (Not after any paragraph: read on, the next one's "This figure has since been withdrawn." takes a
    count back.)"""
    return line_end == APART and sentence.endswith("?")


def joined(run: list[tuple[str, str]]) -> str:
    """Sentences in a row (pieces) as one text again, a line's end still marked where one ended."""
    return "".join(sentence + ("\n" if line_end else " ") for sentence, line_end in run[:-1]) + run[-1][0]


# A line's end that ends no sentence by itself: a stop (SENTENCES reads it), or a mark or a word that
# joins the line to the next ("," "-" "and" "of": a sentence that goes on)
_JOINING_WORDS = frozenset("and or of in the with at to a an by for from as on than".split())
_GOES_ON = lazy(r"(?:[.!?;:,]['\"”’)\]]*|[-–—/&+]|(?<![\w-])(?i:" + "|".join(sorted(_JOINING_WORDS)) + r"))$")
_ENDED = lazy(r"[.!?]['\"”’)\]]*$")
_CLOSING = frozenset("'\"”’)]")
_JOINING = frozenset(",;:-–—/&+")
# A line that starts a block of its own: a list's mark ("-", "•", "1.", "2)", "a.", "iv.", "B)": _STOP's
# ordinals) or a label
# ("Last Updated: 2025-08-17", "Trial NCT06513429: ...", "Inclusion criteria:"): a capitalised word
# and at most four more before a colon
LIST_MARK = lazy(r"(?:[-*•·–]|(?:\d{1,3}|[a-zA-Z]|[ivx]{2,4}|[IVX]{2,4})[.)])\s")
LABEL = lazy(r"[A-Z][\w'’()/&-]*(?:\s+[\w'’()/&-]+){0,4}:(?:\s|$)")
# The small words a headline writes in lower case ("Doses First Patient in Phase 1 Trial of NB-301"; list_sides too)
SMALL_WORDS = frozenset("a an the and or nor but of in on at to for with by from as vs via into per".split())


# A word naming an institution ("University", "Hospital", "Medical Center"), and a line opening with
# places, capitalised words and a comma ("Columbus, United States", "Berlin, Germany plant opens in 2027")
INSTITUTION = lazy(
    r"(?:Universit\w*|Hospitals?|Klinik\w*|Clinics?|Cent(?:er|re)s?|Institut\w*|College|School|Medicine|"
    r"Foundation|Academy|Infirmary|Laborator(?:y|ies)|Charité)"
)
PLACES_FIRST = lazy(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*,")


def _goes_on(line: str) -> bool:
    """Whether a line with no stop at its end goes on in the next (_GOES_ON), read by its last
    character and word (the pattern, searched at every line of a long document, took most of its
    reading)."""
    if line[-1] in _JOINING:
        return True
    if line[-1] in _CLOSING:
        return _GOES_ON.search(line) is not None
    return line[line.rfind(" ") + 1 :].lstrip("([{'\"“‘").lower() in _JOINING_WORDS


def _starts_a_block(line: str) -> bool:
    return not line or bool(LIST_MARK.match(line) or LABEL.match(line))


def _headline(line: str) -> bool:
    """Whether a line is a headline's: every word of letters capitalised but the small ones
    (SMALL_WORDS), three at least ("Northbridge Doses First Patient in Phase 1 Trial of NB-301"); a line
    of wrapped prose writes words in lower case ("The trial is led by Anna Berg of")."""
    words = [w for w in line.split() if w[:1].isalpha()]
    capitalised = [w for w in words if w[0].isupper()]
    return len(capitalised) >= 3 and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)


def _alone(line: str) -> bool:
    """Whether a line is one of its own unless the next goes on in lower case: a label's
    ("Last Updated: 2025-08-17"), one in capitals ("RECRUITING", a heading), or a headline's."""
    return bool(LABEL.match(line)) or (line.upper() == line and any(c.isalpha() for c in line)) or _headline(line)


def _address(line: str, after: str) -> bool:
    """Whether a line names an institution in capitalised words alone, the last or the one before it an
    institution's ("Northbridge University Hospital", "University Hospital Heidelberg"), and the line after
    opens with places and a comma ("Columbus, United States"): an address's lines, one sentence (read as a
    headline, the facility was cut from its city, and the site refused)."""
    words = line.split()
    last = max((i for i, w in enumerate(words) if INSTITUTION.fullmatch(w)), default=None)
    return (
        last is not None
        and len(words) - last <= 2
        and all(w[0].isupper() for w in words)
        and PLACES_FIRST.match(after) is not None
    )


def answers(line: str, after: str, then: str = "") -> bool:
    """Whether after, the line or the paragraph after line, answers line: line ends in a question mark, and
    after opens with a yes or no alone (ANSWER), then (the line of text after it) with no other choice
    (CHOICE): "CD28 domain?" over "- Yes" and "- No" lists the choices, and answers nothing."""
    return line.endswith("?") and ANSWER.match(after) is not None and CHOICE.match(then) is None


def _text_after(lines: list[str], at: int) -> str:
    """The line of text after lines[at] ("" for none), past a SEPARATOR's."""
    return next((line for line in itertools.islice(lines, at + 1, None) if line != SEPARATOR), "")


def line_ends(lines: list[str], text: str, normalise: Callable[[str], str]) -> str:
    """text (a plain document's lines, normalise'd as one text: their breaks as spaces) with a "\\n"
    for the space after each line that ends a sentence with no stop: a line with no stop at its end
    when the next line starts a block of its own (a blank line, a list's mark, a label "Word:"), or
    when the line is a label's, in capitals or a headline's (_alone) and the next goes on in no word
    in lower case, nor is an address's line after a facility's (_address). Any other line with no stop
    goes on in the next (prose broken across lines is one sentence), as does one ending in a mark or a
    word that joins ("," "and", "of"), and one before a line more indented (a nested list's: "-
    Manufactured in Boston" then "  - and Berlin"), and a question's line before its answer's, past blank
    lines set_apart left unmarked ("CD28 domain?" over "Yes.": answers). Each line is found in text where
    the one before it ends (a line not found there marks nothing): the mark is at the line's own place,
    not wherever its words stand again."""
    # (a line of printable ASCII with no escape reads as its words spaced once: normalise each line else)
    normalised = [
        " ".join(line.split()) if line.isascii() and line.isprintable() and "\\" not in line else normalise(line)
        for line in lines
    ]
    read = [line for line in normalised if line]
    blank_after = [not later for line, later in zip(normalised, [*normalised[1:], ""], strict=True) if line]
    # each line's indent: a line more indented than the one before goes on under it (a nested list's)
    indents = [len(raw) - len(raw.lstrip()) for raw, line in zip(lines, normalised, strict=True) if line]
    marks: list[int] = []
    at = 0
    for n, line in enumerate(read):
        found = at if text.startswith(line, at) else text.find(line, at, at + len(line) + 2)
        if found < 0:
            continue
        at = found + len(line)
        after = "" if blank_after[n] or n + 1 == len(read) else read[n + 1]
        if after and indents[n + 1] > indents[n]:
            continue
        if n + 1 < len(read) and answers(line, read[n + 1]) and answers(line, read[n + 1], _text_after(read, n + 1)):
            continue  # a question, its answer the next line's or paragraph's (set_apart left them one)
        if line[-1] in ".!?" or (line[-1] in _CLOSING and _ENDED.search(line)):
            # a line ending in a stop before a block (a list's line after "... Anna Berg.") ends its
            # sentence too, where the stop ends none before a list's mark
            if not _starts_a_block(after):
                continue
        elif _goes_on(line):
            continue
        elif not (_starts_a_block(after) or (_alone(line) and not after[:1].islower() and not _address(line, after))):
            continue
        if text.startswith(" ", at):
            marks.append(at)
    if not marks:
        return text
    parts = [text[start + 1 if start else 0 : end] for start, end in zip([0, *marks], [*marks, len(text)], strict=True)]
    return "\n".join(parts)
