"""E501: a kind of condition or of treatment a curation note or an incomplete entry says a criterion it names by number
is about ("Exclusion criterion 8's window of 6 months covers its whole list of heart conditions") that the criterion's
words never name. IM19's note was rewritten to "lung conditions" (mutation hunt 212, again in 214), and it passed:
a note's numbers are held to the criterion it names (remarks._facts_of_other_criteria), what it says the criterion is
about to nothing. A reader takes the window to bind patients with lung disease.

A kind is an organ system or a class of drug, named before a noun of what a criterion lists ("heart conditions",
"hematological abnormalities", "corticosteroid requirements"); the criterion, with its sub-items, names it by one of
its words ("myocardial infarction", "clinically significant heart disease"). A kind the table does not hold is left.
Where the note says which of the criterion's items the kind is of (a sub-list it brackets, lettered items it names),
those items name it (_said_of, hunt 215).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import remark_problem, sentences_naming_criteria
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_acronyms

# each kind: the words a note names it by, and the stems of the words a criterion names it by (its own among them)
KINDS = {
    "heart": (
        r"heart|cardiac|cardiovascular|cardiological",
        r"heart|cardi|myocard|coronary|angina|arrhythm|angioplast|valv",
    ),
    "lung": (r"lung|pulmonary|respiratory", r"lung|pulmon|respirat|pneumon|pleur|asthma|bronch"),
    "kidney": (
        r"kidney|renal|nephrological",
        r"kidney|renal|nephr|creatinine|egfr|glomerul|proteinuria|dialysis|hemodialysis|haemodialysis",
    ),
    "liver": (r"liver|hepatic", r"liver|hepat|alt\b|ast\b|bilirubin|aminotransferase|cirrho"),
    "blood": (
        r"blood|hematologic(?:al)?|haematologic(?:al)?",
        r"blood|hemat|haemat|hemoglobin|haemoglobin|neutrophil|platelet|lymphocyte|leukocyte|white cell|anemi|anaemi|"
        r"thrombocyt|agranulocyt|hemoly|haemoly|cytopeni",
    ),
    "nervous system": (
        r"neurologic(?:al)?|nervous[ \t]+system|brain|cerebral|psychiatric",
        r"neuro|nervous|brain|cerebr|cns\b|epilep|seizure|convuls|stroke|dementia|psychos|psychiatr|aphasia|parkinson",
    ),
    "skin": (r"skin|cutaneous|dermatologic(?:al)?", r"skin|cutaneous|derma|rash"),
    "corticosteroid": (
        r"(?:cortico)?steroid|glucocorticoid",
        r"steroid|glucocorticoid|prednis|methylprednis|dexamethason|hydrocortison",
    ),
    "antimalarial": (r"antimalarial", r"antimalarial|chloroquine|hydroxychloroquine"),
    "immunosuppressant": (
        r"immunosuppressant|immunosuppressive",
        r"immunosuppress|azathioprine|mycophenol|cyclophosphamide|methotrexate|tacrolimus|cyclosporin|leflunomide",
    ),
}
# the nouns of what a criterion lists, after a kind's word ("heart conditions", "corticosteroid requirements")
_LISTED = (
    r"conditions?|diseases?|disorders?|abnormalit(?:y|ies)|events?|history|histories|requirements?|criteria|"
    r"problems?|complications?|illness(?:es)?|dysfunctions?|failures?|doses?|dosing|therap(?:y|ies)|treatments?|"
    r"drugs?|medications?|agents?|use|exclusions?"
)
_NAMED = {
    kind: lazy(rf"(?i)(?<![\w-])(?:{words})(?:[ \t]+(?:or|and)[ \t]+[\w-]+)?[ \t]+(?:{_LISTED})\b")
    for kind, (words, _) in KINDS.items()
}
_ANY_KIND = lazy(r"(?i)(?<![\w-])(?:" + "|".join(words for words, _ in KINDS.values()) + ")")
_WRITTEN = {kind: lazy(rf"(?i)(?<![\w-])(?:{stems})") for kind, (_, stems) in KINDS.items()}
# a kind denied or set beside the criterion ("not heart conditions", "besides heart conditions", "other than")
# ... or "none of the criteria names", "rather than drug therapy or steroid use" (hunt 215's honest IM19 notes, refused
# before), to four words before it and no "but" or "and" between ("not heart conditions but lung conditions")
_NOT_ITS = lazy(
    r"(?i)\b(?:not|no|none|neither|nor|without|besides|except|other[ \t]+than|unlike|rather[ \t]+than|"
    r"instead[ \t]+of)[ \t]+(?:(?!(?:but|and)\b)\w+[ \t]+){0,4}\Z"
)
# a kind placed in another criterion right after ("the trial sets steroid doses elsewhere")
_ELSEWHERE = lazy(r"(?i)(?:[ \t]+[\w-]+){0,3}?[ \t]+(?:elsewhere|in[ \t]+(?:an)?other[ \t]+criteri(?:on|a))\b")

RULE = "a remark says a criterion it names is about a kind of condition or treatment only where its words name one"


def check_remark_categories(record: Record) -> Iterator[Problem]:
    """E501: each kind a remark's sentence says criteria it names are about that none of them names."""
    for remark, sentence, items in sentences_naming_criteria(record):
        if not _ANY_KIND.search(sentence):
            continue
        texts = " ".join(normalise(piece) for _, item in items for piece in fields.criterion_texts(item))
        for kind, named in _NAMED.items():
            for m in named.finditer(sentence):
                if _NOT_ITS.search(sentence, 0, m.start()) or _ELSEWHERE.match(sentence, m.end()):
                    continue
                if _WRITTEN[kind].search(_said_of(sentence, m, items, texts)):
                    continue
                names = ", ".join(fields.criterion_name(ref) for ref, _ in items)
                message = f"says {names} is about {_shown(m)} ({kind}), which its words do not name: {RULE}"
                yield remark_problem(record, remark.kind, remark.i, "E501", message)


# the items a kind is said of, where the note says which: a sub-list it brackets ("a sub-list numbered 1 to 3 (oral
# corticosteroid requirements)") or the lettered items it names after it ("hematological abnormalities a. to e."). Hunt
# 214 made Relma-cel's "(antimalarial requirements)", whose criterion 4 names antimalarials in its first paragraph, and
# IM19's "renal abnormalities", whose criterion 11 writes "kidney failure" before its items a. to e., and each passed
_SUB_LIST_BRACKET = lazy(r"(?i)\bsub-?lists?\b[^().;]*\([ \t]*\Z")
_LETTERED_AFTER = lazy(r"[ \t]+\(?a\.?\)?[ \t]+(?:to|through|-|\u2013)[ \t]+\(?[b-z]\.?\)?")
_FIRST_LETTERED = lazy(r"(?<![\w.])a\.[ \t]")


def _said_of(sentence: str, m: re.Match[str], items: list, texts: str) -> str:
    """The words of the criteria's items the kind m names is said of: a bracketed sub-list's (the nested items that
    hold numbered items of their own), the lettered items' (from "a." on), or else the criteria's whole (texts)."""
    if _SUB_LIST_BRACKET.search(sentence, 0, m.start()):
        lists = [
            sub for _, item in items for sub in _nested(item) if any("number" in s for s in sub.get("sub_criteria", []))
        ]
        if lists:
            return " ".join(normalise(piece) for sub in lists for piece in fields.criterion_texts(sub))
    if _LETTERED_AFTER.match(sentence, m.end()) and (first := _FIRST_LETTERED.search(texts)) is not None:
        return texts[first.start() :]
    return texts


def _nested(item: dict) -> list[dict]:
    """The items nested under item, at any depth."""
    found = []
    for sub in item.get("sub_criteria") or []:
        if isinstance(sub, dict):
            found += [sub, *_nested(sub)]
    return found


def _shown(m: re.Match[str]) -> str:
    return repr(" ".join(m.group().split()))


# --- a condition a note says a criterion it names lists --------------------------------------------------------------

# "Exclusion criterion 8 lists MI (myocardial infarction)": the words after a verb of listing, to the clause's end. Hunt
# 216 made it "Exclusion criterion 2 lists ...", and it passed: the acronym's words are IM19's (its criterion 8's), and
# which criterion writes them was read by nothing. A reader looks for the condition where the note places it.
_LISTS = lazy(
    r"(?i)\b(?:lists?|names?|mentions?|includes?|excludes?|covers?|writes?)[ \t]+(?:also[ \t]+)?(?P<no>no[ \t]+)?"
    r"(?P<what>[^.;:,]+)"
)
# (the words that say a criterion's list, before what it lists: "its whole list of")
_LIST_OF = lazy(r"(?i)^[ \t]*(?:(?:its|the|their)[ \t]+)?(?:(?:whole|full|entire|long)[ \t]+)?list[ \t]+of[ \t]+")
_A_LISTED_NOUN = lazy(rf"(?i)(?:{_LISTED}|items?|entries|ones?|things?)")
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "both", "also", "any", "some", "all"})
_WORDS = lazy(r"[A-Za-z][\w'-]*")
# (words opening a clause of what a criterion says, not a condition it lists)
_CLAUSE_OPENERS = frozenset({"that", "which", "how", "whether", "when", "where", "what", "why", "who", "if"})
# (the words that open no object of a verb of listing: of order, joints and prepositions)
_NO_OBJECT = frozenset(
    "before after then first last next and or but nor with without in on at as to from by into onto within until "
    "ahead between beside besides under over above below than".split()
)
_LONGEST = 4  # (the words of a condition's name read from the start of what is listed, longest first)
LISTED_RULE = "a remark says a criterion it names lists a condition only where that criterion writes it"


def check_remark_listed(record: Record) -> Iterator[Problem]:
    """E501: each condition a remark's sentence says criteria it names list that none of them writes while another of
    the record's criteria does (a condition no criterion writes is left to the reading of names)."""
    eligibility = record.data.get("eligibility") or {}
    every = [
        (ref, normalise(" ".join(fields.criterion_texts(item))).casefold())
        for side in ("inclusion", "exclusion")
        for item in eligibility.get(f"{side}_criteria") or []
        if isinstance(item, dict) and isinstance(item.get("text"), str)
        for ref in [{"list": side.upper(), "number": item.get("number")}]
    ]
    for remark, sentence, items in sentences_naming_criteria(record):
        texts = " ".join(normalise(piece) for _, item in items for piece in fields.criterion_texts(item)).casefold()
        for m in _LISTS.finditer(sentence):
            denied = bool(m.group("no") or _NOT_ITS.search(sentence, 0, m.start()))
            if not denied:
                for shown in _variants_unwritten(m.group("what"), items, [text for _, text in every]):
                    names = ", ".join(fields.criterion_name(ref) for ref, _ in items)
                    message = f"says {names} lists {shown!r}, which it does not write so: {LISTED_RULE}"
                    yield remark_problem(record, remark.kind, remark.i, "E501", message)
            for what in _items_listed(m.group("what")):
                for words in _names_listed(what):
                    wanted = note_acronyms.expansion_pattern(words)
                    if wanted.search(texts):
                        if denied:  # ("Exclusion criterion 11 lists no hematological abnormalities", hunt 216)
                            names = ", ".join(fields.criterion_name(ref) for ref, _ in items)
                            message = f"says {names} does not list {' '.join(words)!r}, which it writes: {LISTED_RULE}"
                            yield remark_problem(record, remark.kind, remark.i, "E501", message)
                        break
                    if denied:
                        continue
                    elsewhere = [ref for ref, text in every if ref not in [r for r, _ in items] and wanted.search(text)]
                    if elsewhere:
                        names = ", ".join(fields.criterion_name(ref) for ref, _ in items)
                        message = (
                            f"says {names} lists {' '.join(words)!r}, which it "
                            f"does not write ({fields.criterion_name(elsewhere[0])} does): {LISTED_RULE}"
                        )
                        yield remark_problem(record, remark.kind, remark.i, "E501", message)
                        break


# (the items a listed run joins: "belizumab and Rituximab" said of IM19's inclusion criterion 5, which writes the first
# only, passed, only the run's first words being read, hunt 224; a bracket's words are the item's before it)
_ITEM_JOINT = lazy(r"(?i)[ \t]+(?:and|or|and/or|as[ \t]+well[ \t]+as)[ \t]+")
_BRACKETED = lazy(r"\([^()]*\)")


def _items_listed(what: str) -> list[str]:
    """A listed run whole, then each item after the first it joins by "and" or "or" (brackets aside), but one of
    vague words alone ("and more", "or others": hunt 215's honest "renal abnormalities and more")."""
    items = _ITEM_JOINT.split(_BRACKETED.sub(" ", what))[1:]
    return [what, *(item for item in items if not set(_WORDS.findall(item.casefold())) <= _VAGUE)]


_VAGUE = frozenset(
    "more others other else etc so on such the like similar rest all any many several some various further a an its "
    "their these those".split()
)


# a condition named with its variant, a capital letter or a number of its stage or type: "hepatitis A", "stage 3".
# IM19's "Exclusion criterion 6 lists hepatitis A." passed (it writes "hepatitis B or C", hunt 223's leftover): an
# item's letter ends a condition's name, and "hepatitis" alone is written. Where a criterion named writes the name, it
# must write the variant after it, alone or among others ("B or C", "B, C and D")
_VARIANT = lazy(
    r"(?<![\w-])(?:(?P<name>[a-z][a-z-]{3,})[ \t]+(?P<letter>[A-Z])"
    r"|(?P<kind>(?i:type|stage|grade|class|phase|level))[ \t]+(?P<number>\d{1,2}))(?![\w.-])"
)


def _variants_unwritten(what: str, items: list, every: list[str]) -> Iterator[str]:
    """Each condition what (listed, a remark says, by the criteria items) names with a variant (_VARIANT) whose name
    they write but never with that variant, or that they never name while another criterion (of every's texts) writes
    it so ("Inclusion criterion 5 lists hepatitis B" of IM19's, hunt 225)."""
    texts = " ".join(normalise(piece) for _, item in items for piece in fields.criterion_texts(item))
    others = r"(?:[A-Z]|\d{1,2})[ \t]*(?:,|/|&|\bor\b|\band\b)[ \t]*"
    for m in _VARIANT.finditer(what):
        name, variant = (
            (m.group("name"), m.group("letter")) if m.group("name") else (m.group("kind"), m.group("number"))
        )
        variant_written = rf"(?<![\w-])(?i:{re.escape(name)})[ \t]+(?:{others})*{re.escape(variant)}(?![\w-])"
        if not re.search(rf"(?i)(?<![\w-]){re.escape(name)}(?![\w-])", texts):
            if any(re.search(variant_written, text, re.IGNORECASE) for text in every):
                yield m.group()
            continue
        if not re.search(variant_written, texts):
            yield m.group()


def _names_listed(what: str) -> Iterator[tuple[str, ...]]:
    """The names a listed run may give a condition, longest first: the words an acronym in it is defined by, then its
    first words (two at least, its articles aside), as many as _LONGEST."""
    for found in note_acronyms.defined(what):
        yield found.words
    words = _WORDS.findall(_LIST_OF.sub("", what.split("(")[0], 1))
    # (a clause of what the criterion says is read from its subject: "writes that the steroid dose stays stable" named
    # "that the", exclusion criterion 13's "Conditions that the researcher ...", hunt 217)
    while words and words[0].casefold() in _DETERMINERS | _CLAUSE_OPENERS:
        words = words[1:]
    # (a run opening with a word of order or a joint says where or with what the criterion writes its object, a
    # quotation blanked before it: 'Exclusion criterion 4 writes "prior to screening" before "after enrollment"' named
    # "before", which inclusion criterion 5 writes, honest hunt 218)
    if words and words[0].casefold() in _NO_OBJECT:
        return
    if len(words) == 1:
        # (a condition of one word, the run's whole: "covers its whole list of infections" of IM19's criterion 8,
        # whose list is of heart conditions, passed, hunt 220; not a noun any list is of, "its list of conditions")
        if not _A_LISTED_NOUN.fullmatch(words[0]):
            yield (words[0],)
        return
    if (letter := next((k for k, w in enumerate(words) if len(w) == 1), None)) is not None:
        words = words[:letter]  # (an item's letter ends the name: "abnormalities a. to e.")
    for n in range(min(_LONGEST, len(words)), 1, -1):
        yield tuple(words[:n])
    if words and any(c.isupper() or c.isdigit() for c in words[0]):
        yield (words[0],)  # (a name alone, as written: "TB", "eGFR", "SLEDAI-2K", "Telitacicept")
