"""The names a curation note writes in its own words: a place, a hospital, a sponsor, a product, a part of the study, a
section of its source ("Shanghai, China", "Union Hospital", "Relma-cel", "Part A", "its Timeline section"). A name
is a run of words each beginning with a capital letter, joined by the small words names hold ("University of
Science", "Hospital de la Santa Creu"), never across punctuation, a quotation, "and" (two names: "Brief Summary and
Detailed Description") or a possessive ("Huazhong University's Union Hospital"). Read by
remarks_names.check_remark_names (E501): mutation hunt 206 rewrote Relma-cel's note "The source lists one location
(Shanghai, China)" to "(Beijing, China)" and it passed, a note's facts being only its dates, quantities, counts and
codes.

A cell therapy's international name is a name in lower case too ("relmacabtagene autoleucel", "tisagenlecleucel",
"obe-cel"): the Relma-cel record's first comment named "relmacabtagene autoleucel", which its source never writes,
and passed, a name being read only in capitals.

Left out: the first word of a sentence or of a list after a colon where it is a common word (OPENERS, or one the
sources write in lower case: "Both criteria lists", "Per the Sponsors section" read as "Sponsors", "Note: Both
lists"; readings); a name of one word opening a sentence, unless shaped as a name ("IM19"); a person's title ("Dr
Mu Rong" read as "Mu Rong"); a month's or a day's name (a date, which date_mentions reads); a code of the schema's
vocabularies (check_remark_codes reads those).
"""

from __future__ import annotations

from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading import sentences

# a word: letters and digits, with the hyphens, stops and apostrophes inside it ("Relma-cel", "ClinicalTrials.gov")
_WORD = lazy(r"[^\W_](?:[\w'\u2019.\-]*[^\W_])?")
# a sentence's end (not an abbreviation's stop, as the sentence reader reads one: "e.g. Beijing", "approx. Beijing",
# "St. Beijing" are read as names within their sentences); where a name cannot go on within one: a quotation
# (blanked to "|"), punctuation between words
_SENTENCE_END = lazy(rf"(?<=[.!?]){sentences.NOT_AN_ABBREVIATION}\s+|\n")
# (not a slash between two numerals, which joins them in a name: "Phase I/II" is read whole, its numerals as the
# source's digits too, "Phase 1/2"; split, a lone "II" was looked for as written)
_BREAK = lazy(r"[|;:()\[\]{},\u2013\u2014]|(?<![IVX0-9])/|/(?![IVX0-9])|\s+-\s+")
_NO_WORD = lazy(r"[\W_]*\Z")
# the small words a name holds between two of its capitalised words
_JOINING = frozenset({"of", "de", "du", "des", "la", "le", "for", "the", "van", "von", "der", "di", "da", "del"})
_DATES = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul "
    "aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
_POSSESSIVE = lazy(r"['\u2019]s\Z")
# a title written before a person's name, no part of it ("Dr Mu Rong" names "Mu Rong")
_TITLES = frozenset({"dr", "prof", "mr", "mrs", "ms"})
# a word with a capital or a digit past its first letter ("IM19", "ClinConnect", "NCT"): never capitalised only to
# open a sentence
_NAME_SHAPED = lazy(r".[^\W_]*?[A-Z0-9]")


# a cell therapy's international name in lower case: a CAR's "-cabtagene" and the cells' "-leucel" after it, or
# either alone, or a short name with "-cel" ("obe-cel"); in capitals, a run of words reads it already
_INTERNATIONAL = lazy(
    r"(?<![\w\-])(?:[a-z]+cabtagene\s+[a-z]+leucel|[a-z]+cabtagene|[a-z]+leucel|[a-z]+-cel)(?![\w\-])"
)

# ... and a drug's, in lower case: the treatments of lupus and of a CAR-T trial's conditioning, and the stems of the
# international names of a class's new ones ("-mab", "-cept", "-tinib", "-limus"): Relma-cel's "floor of 7.5 mg/day
# prednisone" made "methylprednisolone" passed (hunt 220), its criterion writing "Prednisone (or equivalent)"
_DRUG = lazy(
    r"(?<![\w\-])(?:(?:methyl)?prednis(?:ol)?one|dexamethasone|hydrocortisone|(?:hydroxy)?chloroquine|mycophenol\w*|"
    r"cyclophosphamide|azathioprine|methotrexate|leflunomide|cyclosporine?|ciclosporin|voclosporin|fludarabine|"
    r"bendamustine|mizoribine|dapsone|thalidomide|[a-z]{3,}mab|[a-z]{3,}(?:ci|ner|a)cept|[a-z]{3,}tinib|"
    r"[a-z]{2,}limus)(?![\w\-])"
)


class Name(NamedTuple):
    words: tuple[str, ...]  # as the note writes them, a possessive's "'s" left out
    opens: bool  # the run opens a sentence: its first word may be capitalised only for that
    # the run opens what follows a colon ("Note: Both lists ..."), or is one word in the possessive opening a
    # sentence ("Beijing's site"): its first word may be capitalised for that, where a common word; a name of one
    # word is read there ("Location: Beijing")
    listed: bool = False


def _capitalised(word: str) -> bool:
    # (a name may open with a digit, its letters in capitals: a molecule, "4-1BB", hunt 209)
    return (word[0].isupper() or _DIGIT_THEN_CAPITALS.fullmatch(word) is not None) and word.lower() not in _DATES


_DIGIT_THEN_CAPITALS = lazy(r"[0-9]+-[0-9]*[A-Z][A-Z0-9]*")


def sentences_of(text: str) -> list[str]:
    """A note's sentences, as its names are read in them (_SENTENCE_END)."""
    return _SENTENCE_END.split(text)


def names(text: str, codes: frozenset[str] = frozenset()) -> list[Name]:
    """Each name text writes (text: a note, its quotations blanked with "|"), codes (the vocabularies' words) not
    read as names."""
    found: list[Name] = []
    for sentence in sentences_of(text):
        start = 0
        for stop in [m.start() for m in _BREAK.finditer(sentence)] + [len(sentence)]:
            piece, before, start = sentence[start:stop], sentence[:start], stop + 1
            words = [m.group() for m in _WORD.finditer(piece)]
            # (the sentence's first word: nothing but marks before it)
            opens = bool(words) and _NO_WORD.match(before + piece[: piece.find(words[0])]) is not None
            listed = bool(words) and before.endswith(":") and _NO_WORD.match(piece[: piece.find(words[0])]) is not None
            found += [
                name._replace(listed=(listed and name.opens) or name.listed)
                for name in _runs(words, opens or listed, codes)
            ]
            found += [Name(tuple(m.group().split()), False) for m in _INTERNATIONAL.finditer(piece)]
            found += [Name((m.group(),), False) for m in _DRUG.finditer(piece)]
    return [name._replace(opens=False) if name.listed else name for name in found]


def _runs(words: list[str], opens: bool, codes: frozenset[str]) -> list[Name]:
    """The names in a run of words no punctuation breaks; opens: its first word opens a sentence."""
    found: list[Name] = []
    i = 0
    while i < len(words):
        if not _capitalised(words[i]) or words[i] in codes:
            i, opens = i + 1, False
            continue
        j = i
        # (a possessive ends a name: "Huazhong University's Union Hospital" names two)
        while j + 1 < len(words) and not _POSSESSIVE.search(words[j]):
            if _capitalised(words[j + 1]) and words[j + 1] not in codes:
                j += 1
            elif words[j + 1] in _JOINING and j + 2 < len(words) and _capitalised(words[j + 2]):
                j += 2
            else:
                break
        run = [_POSSESSIVE.sub("", w) for w in words[i : j + 1]]
        if len(run) > 1 and run[0].lower().rstrip(".") in _TITLES:
            run, opens = run[1:], False
        elif len(run) == 1 and run[0].lower().rstrip(".") in _TITLES and (lowered := _lowered_name(words, j + 1)):
            # (before a name a source writes opening in lower case, Relma-cel's "Dr yu Hu, Principal Investigator",
            # the title alone was looked for as a name, hunt 215's leftover: the name is the words after it)
            run, j = [_POSSESSIVE.sub("", w) for w in words[j + 1 : lowered]], lowered - 1
            opens = False
        # a word of its own in the possessive opening a sentence ("Beijing's site"): a common word seldom opens so
        owns = opens and i == j and _POSSESSIVE.search(words[i]) is not None
        found.append(Name(tuple(run), opens, owns))
        i, opens = j + 1, False
    return found


def _lowered_name(words: list[str], k: int) -> int:
    """The end of a person's name that opens at words[k] in lower case, its last word capitalised ("yu Hu"), or 0."""
    if k + 1 >= len(words) or _capitalised(words[k]) or not _capitalised(words[k + 1]):
        return 0
    end = k + 2
    while end < len(words) and _capitalised(words[end]) and not _POSSESSIVE.search(words[end - 1]):
        end += 1
    return end


# the words a sentence opens with, capitalised for that only, whatever its sources write
OPENERS = frozenset(
    "the a an its their his her our this that these those both each every either neither no all some any one two "
    "where when while if as in on at for from to by with of after before since until per only also and but or nor "
    "so yet it they we there here which what who whose not none nothing such other another most many "
    # the numbers a curator counts a sentence's subject with ("Three Principal Investigators are listed", "Five
    # Related Clinical Trials", refused as names no source writes, honest hunt 218)
    "three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
    "nineteen twenty several few "
    # the adverbs, prepositions and asides a curator opens a sentence or a list with ("However, ...", "NB the
    # Locations section", "See Attachment 3")
    "however thus hence therefore instead otherwise likewise similarly moreover still then now even unlike under "
    "above below between within without across through about than over into via during except despite whereas "
    "unless once see note nb cf ie eg "
    # the verbs a curator's instruction opens with ("Search PubMed for IM19SLE01", read whole as a name, hunt 212)
    "search check compare confirm verify consult refer look "
    # the registry's own words, which a curator's sentence opens with, in the possessive too ("Record's dates")
    "record source registry study trial page curator".split()
)


def readings(name: Name, common: bool) -> list[tuple[str, ...]]:
    """The words a source may write the name as: the run, or, where it opens a sentence with a common word (one of
    OPENERS, or common: one its sources write in lower case), the run without that word and the small words after
    it ("Its Timeline section", "Per the Sponsors section"); nothing where that word is all of it. A name of one
    word opening a sentence is not read ("Beijing hosts it": "Both", "Where" open sentences alike) unless a capital
    or a digit past its first letter shows it a name ("IM19 is ..."); "Beijing Hospital runs it" is read whole.
    After a colon (listed) the first word is left out only where common ("Note: Both lists", not "Site: Beijing")."""
    first = name.words[0]
    opener = common or first.lower().rstrip(".") in OPENERS
    if name.opens and len(name.words) == 1 and not opener and _NAME_SHAPED.match(first):
        return [name.words]
    if not (name.opens or name.listed) or not (opener or (name.opens and len(name.words) == 1)):
        return [name.words]
    rest = list(name.words[1:])
    while rest and rest[0] in _JOINING:
        rest.pop(0)
    return [tuple(rest)]
