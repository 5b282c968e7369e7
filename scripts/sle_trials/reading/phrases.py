"""Phrases: whether a threshold's measure is the whole phrase its criterion names the measure with.

A threshold's measure is copied from its criterion ("What is measured, in the source's words"), and
thresholds.py finds it beside the limit. But a measure cut out of its phrase still stands there and
still binds: "neutrophil" of "Absolute neutrophil count <500/mm³", "SELENA-SLEDAI" of "Score ≥6 for
SELENA-SLEDAI clinical symptoms" (a limit on the clinical symptoms' score read as one on the whole
score), "alcohol" of "alcohol or drug abuse", "the" of "the disease remained active". So the words
just outside each end of the measure, where the criterion states it, must end the phrase:

- before it: nothing, punctuation or a list label ("a.", "3)"), a number or a comparator (the limit
  stated first: "30mg/day prednisone"), a possessive ("subject's"), or a word that does not name what is measured
  (an article, a preposition, a conjunction: "history of", "or", "if", "The");
- after it: nothing, punctuation, the limit (a comparator or a number), "and" or "or" before another
  limit ("≥ 6 points on SLEDAI-2K and ≥ 4 clinical points"), or a word that does not go
  on naming it (a verb, a preposition, a comparator word: "was", "should", "within", "at least");
  and, after an instrument ("SELENA-SLEDAI score ≥8") or a name that ends with its abbreviation
  ("(ALP) levels"), the word for its value (score, level, count, titer).

A content word on either side (an adjective, a noun, "or" joining another noun) goes on naming it:
the measure is cut short, as is a word that names only a kind of thing done or had before "with" or
"of" ("Treatment" of "Treatment with CD20 monoclonal antibodies"); so does the next item of an
enumeration after a parenthesis ("alanine aminotransferase" of "alanine aminotransferase (ALT),
aspartate aminotransferase (AST), ...", with its parenthesis or without), the items before the last
one of such an enumeration ("alkaline phosphatase (ALP)" of "... (AST), or alkaline phosphatase
(ALP)"), and the word a parenthesis of examples follows ("belizumab or Telitacicept" of "biological
agents (such as belizumab or Telitacicept)"). The lists are closed word classes; a content word is
anything else. And a measure names something: not only words of those classes at an end ("if
biological agents", "the dose must"), nor only the limit, its unit or such words ("40 kg", "10 or
above", "Score"); nor, after its limit, the point the limit is counted from ("within 6 months prior
to screening initiation") or the time it is taken at ("period" of "≥8 during the screening period"); nor
words pointing at a list set out elsewhere ("following requirements"), the words opening its limit's
length of time ("alcohol or drug abuse within the past"), or a noun phrase naming only a kind of thing
done ("the dose" of "the dose must be kept stable"); nor words after its limit that a mark or words other
than a preposition set apart from it ("≥3×ULN, or bilirubin"), the end of a phrase of when that a clause
mark closes ("Before the screening period,"), or words that start with a unit or run into a condition.
"""

from __future__ import annotations

import re

from sle_trials.patterns import lazy
from sle_trials.reading.lexicon import quantities, stated_limits

# words that may stand right before a measure without naming any of it
_BEFORE = frozenset(
    "a an the any all each every both either neither no nor not of or and and/or with without if as for to in "
    "into on upon by from at than such including includes include e.g. i.e. is are was were be been has have had "
    "his her their its per when while during after before since whose which that who where whether".split()
)
# words that may stand right after a measure without going on naming it
_AFTER = frozenset(
    "is are was were be been being has have had should must need needs may might can could will would shall "
    "within during before after prior at in for from with without while when if since until over under above "
    "below than that which who whose not no greater less more fewer higher lower equal exceeding exceeds exceed "
    "up to".split()
)
# the word for an instrument's or an analyte's value, which may follow its name
_VALUE_WORDS = frozenset("score scores level levels count counts titer titers titre titres value values".split())
_LABEL = lazy(r"^\(?(?:[0-9]{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]$")  # "3)", "a.", "(ii)"
_CLOSING = frozenset(",;:.()[]—–")  # marks that end what stands before them ("requirements:", "(ALT),", "(")
_POSSESSIVE = lazy(r"(?:['’]s|s['’])$")


def _clean(before: bool, token: str) -> bool:
    """Whether a token beside a measure ends the measure's phrase on that side."""
    # a number or a comparator (the limit itself: "30mg/day prednisone"); a name holding digits ("CD4+",
    # "CD20") is a word like any other
    if not token or token[0].isdigit() or bare_word(token).lower() in (_BEFORE if before else _AFTER):
        return True
    if before and (token[-1] in _CLOSING or _LABEL.match(token) or _POSSESSIVE.search(token)):
        return True
    if not before and not (token[0].isalnum() or token[0] == "_"):
        return True
    return quantities.comparator_before(token, len(token)) is not None


def bare_word(token: str) -> str:
    """A token without the marks around it: "(serum" is the word serum."""
    return token.strip("\"'“”‘’()[]{},;:.!?")


_ARTICLES = frozenset({"a", "an", "the"})
# words that name only a kind of thing done or had, which the phrase after them ("with ...", "of ...")
# says what of
_GENERIC_HEADS = frozenset(
    "treatment treatments therapy therapies use history exposure administration receipt dose doses course "
    "courses".split()
)
# "At least" and "maximum" name nothing either, nor does a pronoun ("they need to be discontinued"): it
# stands for a thing named elsewhere
_PRONOUNS = frozenset("it they them this these those he she him".split())
_CLOSED = _BEFORE | _AFTER | _PRONOUNS | frozenset({"least", "most", "maximum", "minimum", "max", "min", "equals"})
# closed words that qualify the noun after them at a measure's start, as they do after an article: "maximum dose of
# steroids" names what is measured as much as "the maximum dose of steroids" does (refused, E529, where the other
# passed); at its end ("Prednisone maximum") or alone they are still a comparator's words
_QUALIFIES_A_NOUN = frozenset({"maximum", "minimum", "max", "min"})
# the lexicon's units as sources write them ("kg", "months", "mg/dL"): a unit names no measure
_UNIT_WORDS = frozenset(spelling for unit in quantities.UNITS for spelling in unit.spellings)
# the words that open a parenthesis of examples of the word before it ("(such as belizumab ...)")
_EXAMPLES = lazy(r"\s*(?:such as|e\.g\.,?|for example,?|including)\s", re.IGNORECASE)
# after a parenthesis that follows the measure: a separator and the next item of an enumeration the
# measure is one item of ("alanine aminotransferase (ALT), aspartate aminotransferase (AST), or ...")
# before the parenthesis of the last item of an enumeration whose items close with theirs: the item
# before it ("(AST), or" of "... aspartate aminotransferase (AST), or alkaline phosphatase (ALP)")
_LAST_CLOSED_ITEM = lazy(r"(\(\S+\),\s+(?:and/or|and|or))\s+[^,;:.()]{1,60}\s\($")
_ENUMERATION_GOES_ON = lazy(r"\)\s*(?:,\s*(?:(?:and/or|and|or)\s+)?|\s+(?:and/or|and|or)\s+)(\S+)")


# the words before the point a time limit is counted from ("within 6 months prior to screening", "at
# least 8 weeks before and during screening"): what follows them is no measure. "to", "in" and "from"
# say so only after a limit ("within 24 weeks after enrollment in the study"; "refractory to steroids")
_REFERENCE = frozenset({"before", "after", "until", "during", "since", "at"})
# the words whose object says when what follows it is taken ("at biopsy proteinuria")
_WHEN_OPENS = frozenset({"at", "during", "before", "after", "since", "until"})
_REFERENCE_AFTER_A_LIMIT = frozenset({"to", "in", "from"})


# the words of an event whose point a limit may be counted from, before what the event is of ("after
# the use of a stable standard SLE regimen", "since the start of treatment with rituximab")
_EVENT_WORDS = frozenset(
    "use start end completion initiation onset beginning receipt last first final dose course treatment "
    "administration discontinuation".split()
)


def reference_point(text: str, start: int, after_a_limit: bool) -> bool:
    """Whether what stands at start follows words that make it the point a time limit is counted from
    ("prior to screening", "in the study"), an article between them aside; or the words of an event of
    it that follow such words ("after the use of a stable standard SLE regimen": the regimen is the
    point the 2 months are counted from, and was taken for the measure)."""
    words = [bare_word(w).lower() for w in _before(text, start, 7)]
    if words and words[-1] in _ARTICLES:
        words = words[:-1]
    if not words:
        return False
    if words[-1] in ("of", "with") and len(words) > 2:
        at = len(words) - 2
        while at >= 0 and (words[at] in _EVENT_WORDS or words[at] in _ARTICLES):
            at -= 1
        if at < len(words) - 2 and at >= 0 and (words[at] in _REFERENCE or words[at - 1 : at + 1] == ["prior", "to"]):
            return True
    return (
        words[-1] in _REFERENCE
        or words[-2:] == ["prior", "to"]
        or (after_a_limit and words[-1] in _REFERENCE_AFTER_A_LIMIT)
    )


def _says_when(text: str, start: int) -> bool:
    """Whether the word right before start is the object of a word that says when, an article between
    aside ("at biopsy" of "at biopsy proteinuria > 0.5 g/24h"): it says when the measure after it is
    taken, and names nothing of it."""
    words = [bare_word(w).lower() for w in _before(text, start, 3)][:-1]
    if words and words[-1] in _ARTICLES:
        words = words[:-1]
    return bool(words) and words[-1] in _WHEN_OPENS


def _limit_follows(token: str) -> bool:
    """Whether a token starts a limit: a number, a comparator, or the words that open one ("at least",
    "more than", "up to", "over")."""
    word = bare_word(token).lower()
    return bool(token) and (
        token[0].isdigit()
        or quantities.comparator_before(token, len(token)) is not None
        or word in ("at", "more", "less", "greater", "fewer", "up", "over", "under", "above", "below")
    )


def loose_word(measure: str) -> str | None:
    """A word at an end of the measure that names nothing of what is measured: a preposition, a
    conjunction, a verb ("if biological agents", "and during screening", "the dose must"); an article
    may begin it ("the disease remained active")."""
    words = [bare_word(w) for w in measure.split()]
    if not words:
        return None
    first = words[0].lower()
    if first not in _ARTICLES and first in _CLOSED and not (len(words) > 1 and first in _QUALIFIES_A_NOUN):
        return words[0]
    # a comparator alone at the end: the limit's own sign, cut from its number ("Weight ≥" of "Weight ≥ 40 kg")
    if not any(c.isalnum() for c in words[-1]) and quantities.comparator_before(words[-1], len(words[-1])) is not None:
        return words[-1]
    return words[-1] if words[-1].lower() in _CLOSED else None


# words that point at what the text sets out elsewhere ("the following requirements" of "Oral
# corticosteroids must meet the following requirements:"): they name the list, not what is measured
_POINTING = lazy(r"(?i)\A(?:(?:the|these|those)\s+)?(following|above|aforementioned|foregoing|below)\b")
# the words that open a limit's length of time, at a measure's end ("alcohol or drug abuse within the
# past" of "... within the past 24 weeks", "used within the past"): its limit's, not what it measures
_OPENS_A_LENGTH = lazy(
    r"(?i)\b(?:within|in|during|over|for|since|at)\s+(?:the\s+)?"
    r"(?:past|last|previous|preceding|prior|recent|next|following|first)\s*\Z"
)
# a word that opens the phrase saying when a limit is taken or counted to ("during the screening
# period" after "SELENA-SLEDAI score ≥8"), and a word after it that opens an object of its own ("after
# the last dose of rituximab": rituximab is what the event is of, and may be the measure)
_WHEN_OPENER = lazy(r"(?i)\b(?:during|before|after|since|until|at|within|throughout|prior\s+to|following)\b")
_OWN_OBJECT = lazy(r"(?i)\b(?:of|with|for|on|in|to)\b")


def pointing(measure: str) -> str | None:
    """The word at the start of the measure that points at words set out elsewhere ("following" of
    "the following requirements"), else None."""
    found = _POINTING.match(measure.strip())
    return found.group(1) if found else None


def opens_a_length(measure: str) -> str | None:
    """The words at the end of the measure that open its limit's length of time ("within the past"),
    else None."""
    found = _OPENS_A_LENGTH.search(measure)
    return found.group(0).strip() if found else None


def says_when_after(gap: str) -> str | None:
    """Where a measure follows its limit with gap between them: the words of gap from the last word
    that opens a phrase of when ("during the screening" of "≥8 during the screening period"), where no
    word after it opens an object of its own; else None. The measure then is that phrase's object, the
    time the limit is taken at, not what it measures."""
    openers = list(_WHEN_OPENER.finditer(gap))
    if not openers or _OWN_OBJECT.search(gap, openers[-1].end()):
        return None
    return gap[openers[-1].start() :].strip()


# the words that end a measure's noun phrase where it runs on into its clause: a verb ("the dose must be
# kept stable") or a word that opens when ("treatment prior to screening"); not "with" or "of", after
# which the phrase goes on naming what the kind of thing is of ("Treatment with CD20 monoclonal antibodies")
_PHRASE_ENDS = frozenset(
    "is are was were be been being has have had should must need needs may might can could will would shall "
    "within during before after prior since until at following throughout".split()
)


# what may stand between a limit and the measure after it: nothing, or a preposition whose object the
# measure is, with up to two words of the limit's before it ("≥6 for SELENA-SLEDAI clinical symptoms",
# "8 weeks of treatment", "≥ 6 points on SLEDAI-2K"); a mark or any other words set it apart, "with"
# too, which joins another requirement to the limit ("<500/mm³ with a neutrophil count <1000/mm³")
_JOINED_AFTER_A_LIMIT = lazy(r"(?i)\A\s*(?:(?:[^\s,;:.()]+\s+){0,2}?(?:of|for|on|in|by)\s+(?:(?:the|a|an)\s+)?)?\Z")


def apart_from_its_limit(gap: str) -> bool:
    """Whether a measure after its limit, with gap between them, is set apart from it: by a mark ("≥3×ULN,
    or bilirubin"), or by words other than a preposition whose object it is ("≥3×ULN excluding laboratory
    test abnormalities due ..."); then it is another clause's words, not what the limit measures."""
    return _JOINED_AFTER_A_LIMIT.match(gap) is None


def ends_a_when_phrase(text: str, start: int, end: int) -> str | None:
    """The words of the phrase of when that the measure at text[start:end] ends, where a clause mark
    follows it ("Before the screening period," of "Before the screening period, if biological agents
    ..."): the time its clause speaks of, not what is measured; else None ("at biopsy proteinuria >
    0.5 g/24h": the measure goes on to its limit)."""
    if not re.match(r"\s*[,;:]", text[end:]):
        return None
    clause = max(text.rfind(mark, 0, start) for mark in ",;:.") + 1
    return says_when_after(text[clause:start])


def condition_inside(measure: str) -> str | None:
    """The words opening a condition inside the measure, after a clause mark ("period, if biological
    agents"): the measure runs from one clause into the next; else None."""
    found = re.search(r"(?i)[,;:]\s+(if|when|whenever|unless|while|provided)\b", measure)
    return found.group(1) if found else None


def unit_first(measure: str) -> str | None:
    """The unit a measure starts with ("months, and the disease remained active"): a limit's, before
    what is measured; else None."""
    words = measure.split()
    first = bare_word(words[0]) if words else ""
    return first if first in _UNIT_WORDS else None


def only_a_kind(measure: str) -> bool:
    """Whether the measure's noun phrase (its words up to a verb or a word of when, an article aside)
    names only a kind of thing done or had ("the dose" of "the dose must be kept stable", "treatment" of
    "treatment prior to screening"): what it is of is named elsewhere."""
    named = []
    for word in (bare_word(w).lower() for w in measure.split()):
        if word in _PHRASE_ENDS:
            break
        if word not in _ARTICLES:
            named.append(word)
    return bool(named) and all(w in _GENERIC_HEADS for w in named)


def pronoun_in(measure: str) -> str | None:
    """A pronoun among the measure's words, not at an end ("used, they need to be discontinued"): it
    stands for a thing named elsewhere, and the words around it say what is done with that thing."""
    return next((w for w in map(bare_word, measure.split()[1:-1]) if w.lower() in _PRONOUNS), None)


# a past participle by its form ("performed", "discontinued") or one of the common irregular ones
_DONE = lazy(r"(?i)[a-z]{2,}ed|kept|done|given|taken|made|seen")


def only_done(measure: str) -> bool:
    """Whether every word of the measure that names something says what is done, not to what
    ("performed", "discontinued", "kept stable" of "the dose must be kept stable"): a past participle,
    or a word for how a dose stays."""
    named = [bare_word(t) for t in measure.split() if names_something(t)]
    return bool(named) and all(_DONE.fullmatch(w) or w.lower() in _HOW_IT_STAYS for w in named)


_HOW_IT_STAYS = frozenset({"stable", "unchanged", "constant"})


def unbalanced(measure: str) -> str | None:
    """How the measure's parentheses cross its ends ("opens a parenthesis it does not close": "IgA
    deficiency was present during screening (serum IgA level" holds what stands outside the parenthesis
    its limit stands in, "SELENA-SLEDAI clinical symptoms (except" the start of an exception); None
    where each one it opens it closes, after opening it."""
    missing = _unpaired(measure)
    return None if missing is None else f"{_OTHER_SIDE[missing]}s a parenthesis it does not {missing}"


def torn(text: str) -> str | None:
    """unbalanced, as what text holds: 'a parenthesis it does not open' or 'does not close' where text
    holds one part of a parenthesis and not the other ("biologics (belizumab or", "antibodies) if low
    complement ...": an item or a condition cut inside its words); else None."""
    missing = _unpaired(text)
    return None if missing is None else f"a parenthesis it does not {missing}"


_OTHER_SIDE = {"open": "close", "close": "open"}


def _unpaired(text: str) -> str | None:
    """The side of a parenthesis text lacks: "open" where it closes one it has not opened (the first
    such), "close" where it opens one it does not close; None where each one it opens it closes, after
    opening it."""
    depth = 0
    for c in text:
        depth += (c == "(") - (c == ")")
        if depth < 0:
            return "open"
    return "close" if depth else None


def closed_word(token: str) -> bool:
    """Whether token is a word of a closed class ("of", "the", "within"): one that names nothing."""
    return bare_word(token).lower() in _CLOSED


def names_the_same(longer: str, measure: str) -> bool:
    """Whether longer, another threshold's measure holding measure, names the same thing: measure with only words
    before it that name a kind of thing given or had and what of ("dose of steroids", "the maximum dose of
    steroids" of "steroids"), or only its equivalents in brackets after it ("prednisone (or equivalent dose)" of
    "prednisone"); not one that holds it as a part ("SELENA-SLEDAI clinical symptoms" of "SELENA-SLEDAI", "Major
    surgery (including joint surgery)" of "Major surgery")."""
    at = longer.find(measure)
    if at < 0 or longer.count(measure) != 1:
        return False
    before, after = longer[:at].lower().split(), longer[at + len(measure) :].strip()
    if after and not _EQUIVALENTS.fullmatch(after):
        return False
    if not before:
        return bool(after)
    *words, joint = before
    return (
        joint in ("of", "with")
        and bool(words)
        and words[-1] in _GENERIC_HEADS
        and all(w in _ARTICLES or w in _QUALIFIES_A_NOUN for w in words[:-1])
    )


# a measure's equivalents in brackets after it: "(or equivalent)", "(or equivalent dose)"
_EQUIVALENTS = lazy(r"(?i)\(or (?:an? )?equivalents?(?: dose| doses| drugs?)?\)")


def names_something(text: str) -> bool:
    """Whether text holds a word that names a thing: one that is no number, comparator, unit, word for a
    value ("score") or word of a closed class. "40 kg", "10 or above", "221 μmol/L" name nothing."""
    for token in text.split():
        word = bare_word(token)
        # the cheap tests first: most measures name something with their first word
        if not word or not word[0].isalpha() or word.lower() in _CLOSED or word.lower() in _VALUE_WORDS:
            continue  # a number, a comparator ("≥3×ULN"), a mark, or a word that names nothing
        if word in _UNIT_WORDS or ("/" in word and quantities.unit_named(word) is not None):
            continue
        return True
    return False


_JOINING = frozenset({"or", "and", "and/or"})
_ENUMERATION = lazy(r",\s|\s(?:and/or|and|or)\s")  # a measure that lists several things
_ENUMERATION_AFTER = lazy(r"\s*,\s*(?:(?:and/or|and|or)\s+)?(\S+)")  # what follows one: its next item
_REACH = 120  # characters looked at beside a measure at first: a criterion can be thousands long


def _before(text: str, start: int, count: int) -> list[str]:
    """The last count tokens (runs of non-space) of text before start, whole."""
    reach = _REACH
    while start - reach > 0:
        tokens = text[start - reach : start].split()
        if len(tokens) > count:  # the first may be cut by the window: more than count are there
            return tokens[-count:]
        reach *= 2
    return text[:start].split()[-count:]


def _after(text: str, end: int) -> str:
    """The first token of text from end, whole ("" at the end)."""
    reach = _REACH
    while end + reach < len(text):
        tokens = text[end : end + reach].split()
        if len(tokens) > 1:  # the last may be cut by the window, not the first
            return tokens[0]
        reach *= 2
    tokens = text[end:].split()
    return tokens[0] if tokens else ""


def _acronym(word: str) -> bool:
    """Whether word is an acronym or a symbol of a laboratory name ("IgA", "CRP", "C3"), which, like a name ending
    with its abbreviation, the word for its value may follow ("serum IgA" of "serum IgA level")."""
    return sum(c.isupper() or c.isdigit() for c in word) >= 2 and any(c.isupper() for c in word)


def continues(text: str, start: int, end: int, measure: str) -> str | None:
    """The word of text that goes on naming the measure at text[start:end] past one of its ends (None
    when it stands there as a whole phrase). An end inside a word is no phrase's end either, but that
    is a quote's cut (E521) or a measure not in its quote (E513): not looked at here."""
    if text[start - 1 : start].isalnum() or text[end : end + 1].isalnum():
        return None
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        # the whole of a parenthesis, what the words before it are called ("ALT" of "alanine aminotransferase
        # (ALT)"): it is an item of the enumeration they are an item of, as they are
        word = _next_item(_ENUMERATION_GOES_ON.match(text, end))
        if word is not None:
            return word
        last = _LAST_CLOSED_ITEM.search(text, max(0, start - _REACH), start)
        if last is not None:
            return last.group(1)
    head, tail = _before(text, start, 2), _after(text, end)
    before, after = (head[-1] if head else ""), tail
    if not _clean(True, before) and not _says_when(text, start):
        return bare_word(before)
    # examples of what is measured, not it: "belizumab or Telitacicept" of "biological agents (such as
    # belizumab or Telitacicept)", whose limit is the agents' (a washout of all biologics read as one of two)
    opened = text.rfind("(", max(0, start - 40), start)
    if opened >= 0 and _EXAMPLES.match(text, opened + 1) and ")" not in text[opened:start]:
        named = _before(text, opened, 1)
        if named and names_something(bare_word(named[-1])):
            return f"{bare_word(named[-1])} ({text[opened + 1 : start].strip()}"
    # the last item of an enumeration whose items close with their parenthesis ("alkaline phosphatase
    # (ALP)" of "alanine aminotransferase (ALT), aspartate aminotransferase (AST), or alkaline ..."); not
    # after one closed by a finding of its own ("hepatitis C (HCV RNA positive), or creatinine > 2 mg/dL")
    if bare_word(before).lower() in _JOINING and len(head) == 2 and head[0].endswith("),"):
        closed = text.rfind(head[0], 0, start) + len(head[0])
        opened = text.rfind("(", max(0, closed - _REACH), closed)
        if opened < 0 or not quantities.FINDING.search(text, opened, closed):
            return f"{head[0]} {before}"
    # "or" (or "and") with no comma before it, after a word that names something: the measure is the
    # last of two it joins ("drug abuse" of "alcohol or drug abuse"); after the end of another limit
    # ("... mg/d or equivalent glucocorticoid therapy") or a comma ("hemodialysis, or prednisone") it
    # begins a phrase of its own
    if bare_word(before).lower() in _JOINING and len(head) == 2 and not _clean(True, head[0]):
        if head[0] not in _UNIT_WORDS and not head[0][-1].isdigit():
            return f"{bare_word(head[0])} {before}"
    # a measure that is an enumeration itself, after a comma that ends a word naming something: the
    # enumeration began before it ("aspartate aminotransferase (AST), or alkaline phosphatase (ALP)"
    # of "alanine aminotransferase (ALT), aspartate ...": ALT left out)
    if before.endswith(",") and _ENUMERATION.search(measure) and names_something(bare_word(before)):
        return f"{bare_word(before)},"
    if bare_word(after).lower() in _VALUE_WORDS and (
        measure.endswith(")") or stated_limits.SCORE_WORDS.search(measure) or _acronym(measure.split()[-1])
    ):
        return None
    # a word that names only a kind of thing done or had, before what it is of ("Treatment" of "Treatment
    # with CD20 monoclonal antibodies was used within the past 6 months", "dose" of "the dose of steroids")
    if after in ("with", "of"):
        of = _after(text, text.find(after, end) + len(after))
        # ... "of" before the limit itself ends the measure: "SLE history of ≥ 6 months", "history of at
        # least 6 months" (its length), which "of" read as the name going on refused (E529)
        if after == "of" and _limit_follows(of):
            return None
        if bare_word(measure.split()[-1]).lower() in _GENERIC_HEADS:
            return f"{after} {bare_word(of)}"
    if bare_word(after).lower() in _JOINING:
        # "and" or "or" that joins a limit, not a name ("≥ 6 points on SLEDAI-2K and ≥ 4 clinical points"):
        # a second requirement begins there, and the measure before it is whole (it was refused, E529)
        nxt = _after(text, text.find(after, end) + len(after))
        if nxt and (nxt[0].isdigit() or quantities.comparator_before(nxt, len(nxt)) is not None):
            return None
    if not _clean(False, after):
        return bare_word(after)
    # a measure that is an enumeration itself, followed by a separator and a word naming something: the
    # enumeration goes on past it ("alanine aminotransferase (ALT), aspartate aminotransferase (AST)" of
    # "..., or alkaline phosphatase (ALP)": ALP left out)
    if _ENUMERATION.search(measure):
        goes_on = _ENUMERATION_AFTER.match(text, end)
        word = bare_word(goes_on.group(1)) if goes_on is not None else ""
        if word and word.lower() not in _CLOSED and names_something(word):
            return word
    if measure.endswith(")"):  # its parenthesis in it: the enumeration goes on after it all the same
        word = _next_item(_ENUMERATION_GOES_ON.match(text, end - 1))
        if word is not None:
            return word
    if after.startswith("("):
        close = text.find(")", end)
        word = _next_item(_ENUMERATION_GOES_ON.match(text, close) if close >= 0 else None)
        if word is not None:
            return word
    return None


def _next_item(goes_on: re.Match[str] | None) -> str | None:
    """The word the next item of an enumeration begins with (a match of _ENUMERATION_GOES_ON), where
    it is one that may name something (no word of the closed classes); else None."""
    word = bare_word(goes_on.group(1)) if goes_on is not None else ""
    return word if word and word.lower() not in _CLOSED else None


# an enumeration's separator right after an item, and the word its next item begins with
_NEXT_ITEM = lazy(r"\s*(?:,\s*(?:(?:and/or|and|or)\s+)?|\s+(?:and/or|and|or)\s+)(\S+)")


def item_follows(text: str, end: int, limit: int) -> str | None:
    """The word that begins the next item of an enumeration after a measure ending at end, where the
    enumeration runs on to the limit at limit with no mark ending a clause before it ("myocardial
    infarction" of "myocardial infarction, cardiac angioplasty ..., or other clinically significant
    heart disease within 6 months": the limit is said after the whole list, of each item, and the
    measure is one of them); None where no item follows it before the limit."""
    goes_on = _NEXT_ITEM.match(text, end, limit)
    if goes_on is None or re.search(r"[.;:]\s", text[end:limit] + " "):
        return None
    word = bare_word(goes_on.group(1))
    return word if word and word.lower() not in _CLOSED and names_something(word) else None


def item_before(text: str, start: int) -> str | None:
    """The words that end the item before a measure starting at start, where the measure follows
    them as the next item of an enumeration ("arrhythmia, or" of "... active arrhythmia, or other
    clinically significant heart disease"); None where it does not."""
    head = _before(text, start, 2)
    if not head:
        return None
    if head[-1].endswith(",") and names_something(bare_word(head[-1])):
        return head[-1]
    if len(head) == 2 and bare_word(head[-1]).lower() in _JOINING and head[0].endswith(","):
        if names_something(bare_word(head[0])):
            return f"{head[0]} {head[-1]}"
    return None
