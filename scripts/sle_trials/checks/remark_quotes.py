"""Whether a run a curation note sets in double quotes is its sources' words (checks/remarks.check_remark_quotes,
E501): as an evidence quote is found (normalised, or as the source writes it), and as a curator quotes in prose. A
quotation's first letter set in the case its new sentence needs ("history of myocardial infarction" of IM19's
"History of ...") and a passage quoted with words left out ("History of myocardial infarction … within 6 months
prior to screening initiation") were refused as words no source writes (hunt 211). Only the first letter's case
may differ, and an elided quotation's pieces stand in their order on one line of one source: each piece anywhere
in the document let "known active tuberculosis (TB) infection … within 6 months" join two criteria.

And how many times a remark says its sources write a run it quotes ('spells the facility "..." twice'): IM19's page
writes its facility's misspelling once, and "twice" passed (hunt 219), a quote being held to be written, never to how
often (times_misstated).

And the criteria a remark says write a run it quotes (criteria_not_writing, hunt 222).

And a run a remark says its sources lack ('The page has no "Official Title" row.', 'No "Acronym" is given'): it is
no quotation, and was refused as one no source writes (honest hunt 218's leftover); where the remark denies the
words themselves (a verb of writing, or a heading's noun after the run) it is held to no source writing it
(denied_in_sources, hunt 226)."""

from __future__ import annotations

import re

from sle_trials.patterns import lazy
from sle_trials.reading import layouts, spacing
from sle_trials.reading.layouts import normalise

# words left out of a quotation: an ellipsis, three points, either bracketed ("[…]", "(...)")
_ELISION = lazy(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\.)\s*")


def quoted_from(run: str, docs: list[layouts.SourceDoc]) -> bool:
    """Whether a remark's quoted run stands in one of docs (the module's docstring)."""
    if _found(run, docs) or (run[:1].isalpha() and _found(run[0].swapcase() + run[1:], docs)):
        return True
    pieces = [normalise(piece) for piece in _ELISION.split(run)]
    if len(pieces) < 2:
        return False
    pieces = [piece for piece in pieces if piece]
    return bool(pieces) and any(_in_order_on_a_line(pieces, doc) for doc in docs)


def _found(run: str, docs: list[layouts.SourceDoc]) -> bool:
    needle = " ".join(normalise(run).split())
    if any(needle in doc.text for doc in docs):
        return True
    written = " ".join(layouts.literal(run).split())
    return any(written in doc.as_written().text or needle in normalise(doc.as_written().text) for doc in docs)


def _in_order_on_a_line(pieces: list[str], doc: layouts.SourceDoc) -> bool:
    """Whether the pieces stand in this order on one line of the document (its lines as spacing reads them)."""
    lines = doc.reading(("quoted lines",), lambda: tuple(normalise(line) for line in _lines(doc)))
    for line in lines:
        at = 0
        for k, piece in enumerate(pieces):
            found = line.find(piece, at)
            if found < 0 and k == 0 and piece[:1].isalpha():
                found = line.find(piece[0].swapcase() + piece[1:], at)
            if found < 0:
                break
            at = found + len(piece)
        else:
            return True
    return False


def _lines(doc: layouts.SourceDoc) -> list[str]:
    text = spacing.source_text(doc)
    return text.split("\n") if text else [doc.text]


_TIMES_WORDS = {"once": 1, "twice": 2, "thrice": 3}
_NUMBER_WORDS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten".split(), start=1)}
# a count of times right after a quoted run, or after where it stands: '"..." twice', '"..." in its header three
# times'; not a bound ("at least twice", "more than once"), nor a count further on of another thing ('"..." for
# patients 4 to 6, given twice')
# (and where it stands may be a heading quoted, after a verb of writing: '"Principal Investigator" is written under
# "Trial Officials" three times', whose count is of the first run, not of the heading, honest hunt 218)
_TIMES_AFTER = lazy(
    r"(?i)\A[ \t]*(?:(?:is|are|was|were)[ \t]+(?:written|given|used|listed|repeated|found)[ \t]+)?"
    r"(?:(?:in|on|under|across)[ \t]+(?:(?:the|its)[ \t]+[\w -]{1,30}?|\"[^\"]{1,40}\"|\u201c[^\u201d]{1,40}\u201d)"
    r"(?:[ \t]+(?:section|heading))?[ \t]+)?"
    r"(?:(?P<word>once|twice|thrice)|(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[ \t]+times)\b"
)
# a quoted run placed after a preposition of place: the heading another run stands under, not what is counted
_A_PLACE_BEFORE = lazy(r"(?i)\b(?:in|on|under|across)[ \t]+\Z")


def times_misstated(text: str, end: int, run: str, docs: list[layouts.SourceDoc]) -> tuple[int, int] | None:
    """The count of times a remark says its sources write run (quoted, ending at end in text) and how many times
    they write it, where they differ; None where it says no count or the run is not found as written."""
    m = _TIMES_AFTER.search(text[end : end + 80])
    if m is None:
        return None
    if _A_PLACE_BEFORE.search(text, 0, max(0, end - len(run) - 2)):
        return None  # (the heading a run is said written under: the count is that run's)
    said = _TIMES_WORDS[m.group("word").lower()] if m.group("word") else _count(m.group("n"))
    needle = " ".join(normalise(run).split())
    written = sum(doc.text.count(needle) for doc in docs) if needle else 0
    return (said, written) if written and said != written else None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


# criteria a remark says write a run it quotes next, in its sentence: 'Exclusion criterion 3 writes "within 24 weeks"',
# 'Where a criterion, as criteria 2 and 3 do, says "within N weeks"' (IM19's note so made passed, hunt 221's leftover,
# its criteria 2 and 3 writing no window: a quotation was held to a source, never to the criteria said to write it).
# The criteria are the last named before the run, unless set against the writer ('Unlike exclusion criterion 3,
# exclusion criterion 4 writes "within N weeks"' was refused, hunt 223, criterion 3 read as the writer).
_LIST = r"(?:(?P<list>inclusion|exclusion)[ \t]+)?"
_BY_NUMBER = lazy(
    rf"(?i)\b{_LIST}criteri(?:on|a)[ \t]+(?P<numbers>\d+(?:(?:[ \t]*,[ \t]*|[ \t]*,?[ \t]+(?:and|or|nor)[ \t]+)\d+)*)\b"
)
# criteria named by their place in their list, or by what they are on: 'as the first two criteria do, says "..."', 'the
# second inclusion criterion writes "..."', 'both exclusion criteria on hepatitis say "..."' (hunt 222's leftover: a
# quotation was held to the criteria said to write it only where they were named by number)
_ORDINALS = {
    **{w: n for n, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)},
    **{"last": -1, "final": -1, "penultimate": -2},  # counted from the list's end
}
_ORDINAL = "|".join(_ORDINALS)
_HOW_MANY = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_BY_PLACE = lazy(
    rf"(?i)\bthe[ \t]+(?P<places>(?:{_ORDINAL})(?:(?:[ \t]*,[ \t]*|[ \t]*,?[ \t]+(?:and|or)[ \t]+)(?:the[ \t]+)?"
    rf"(?:{_ORDINAL}))*)(?:[ \t]+(?P<count>{'|'.join(_HOW_MANY)}|\d))?[ \t]+{_LIST}criteri(?:on|a)\b(?![ \t]+\d)"
)
_TOPIC_STOP = (
    r"(?:says?|writes?|reads?|do|does|did|words?|phrases?|puts?|spells?|and|or|as|which|that|is|are|each|all|both|"
    r"also|too|both|in|of)"
)
_BY_TOPIC = lazy(
    rf"(?i)\b(?:both|all|each|every|the|its|(?P<none>no))(?:[ \t]+(?:{'|'.join(_HOW_MANY)}))?[ \t]+{_LIST}"
    r"criteri(?:on|a)[ \t]+"
    r"(?:on|about|concerning|naming|mentioning|that[ \t]+(?:names?|mentions?))[ \t]+(?:the[ \t]+)?"
    rf"(?P<topic>(?!{_TOPIC_STOP}\b)[^\W\d_][\w+-]*(?:[ \t]+(?!{_TOPIC_STOP}\b)[^\W\d_][\w+-]*){{0,3}})"
)
_CONTRASTED = lazy(
    r"(?i)(?:\b(?:unlike|except|besides|than|from|not)|\bapart[ \t]+from|\bother[ \t]+than|\binstead[ \t]+of|"
    r"\bas[ \t]+opposed[ \t]+to)[ \t]+(?:the[ \t]+|its[ \t]+)?\Z"
)
_SAYING = lazy(r"(?i)\b(?:says?|writes?|reads?|do|does|did|words?|phrases?|puts?|spells?)\b")
# (a quotation another thing is said to write, after the criteria: 'criterion 4 lists it, and the source says "..."')
_ANOTHER_WRITER = lazy(r"(?i)\b(?:source|page|site|registry|record|title|summary|it|they)\b")
# a quotation a criterion is said not to write: 'Exclusion criterion 4 does not write "within N weeks"' passed (it
# does) and criterion 3's was refused (hunt 223: a denial was read as the claim it denies); not a denial of another
# criterion set against the writer ("criterion 4, not criterion 3, writes"), nor "not only"
_DENIED = lazy(
    r"(?i)(?:\b(?:not|never)\b|n['\u2019]t\b)(?![ \t]+(?:only|just|merely)\b)"
    r"(?![ \t]+(?:(?:the|its|in|by)[ \t]+)?(?:[\w-]+[ \t]+){0,2}criteri)"
)
_NEITHER = lazy(r"(?i)\b(?:neither|none[ \t]+of|no)[ \t]+(?:the[ \t]+|its[ \t]+)?\Z")
_SENTENCE_END = lazy(r"[.;:!?](?:\s|$)")
_QUOTE_MARK = lazy(r"[\"\u201c\u201d]")
_A_NUMBER = r"\d+(?:[.,]\d+)?"
_MARK = "90210573"
_NUMBER_WORD = lazy(r"\d+")
_WORDS = lazy(r"[\w+-]+")


def criteria_not_writing(before: str, run: str, field: str, lists: dict[str, list[dict]]) -> list[tuple[str, bool]]:
    """The criteria ("inclusion 3", "2") the words before a quoted run, in its sentence, say write it and that do not
    (their text, or their sub-criteria's), or say do not write it and that do (each with True), a placeholder N
    standing for any number; those of the list named, or else
    of the list the remark is on, or of either. Criteria are named by number, by their place in their list ("the
    first two", "the last": of each list read, where no list is named) or by what they are on ("both exclusion
    criteria on hepatitis": each criterion read that writes those words). A criterion no list holds is left unread;
    one named by number or place stands where any list's so named writes the run."""
    start = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    mentions = [m for pattern in (_BY_NUMBER, _BY_PLACE, _BY_TOPIC) for m in pattern.finditer(before, start)]
    mentions = [m for m in mentions if not _CONTRASTED.search(before, start, m.start())]
    if not mentions:
        return []
    said = max(mentions, key=lambda m: (m.end(), -m.start()))
    between = before[said.end() :]
    if not _SAYING.search(between) or _ANOTHER_WRITER.search(between) or _QUOTE_MARK.search(between):
        return []
    name = (said.group("list") or next((n for n in lists if n in field), "")).lower()
    read = {name: lists[name]} if name else lists
    # (the placeholder held as a number no criterion writes while the run is normalised, then made any number)
    marked = re.escape(" ".join(normalise(re.sub(r"\bN\b", _MARK, run)).split()).casefold())
    wanted = re.compile(marked.replace(_MARK, _A_NUMBER))
    denied = bool(
        _DENIED.search(between) or _NEITHER.search(before, start, said.start()) or said.groupdict().get("none")
    )
    return [
        (" or ".join(f"{side} {c.get('number')}" for side, c in named), denied)
        for named in _named(said, read)
        if named
        and (
            all(wanted.search(_written(c)) for _, c in named)
            if denied
            else not any(wanted.search(_written(c)) for _, c in named)
        )
    ]


def _named(said: re.Match[str], lists: dict[str, list[dict]]) -> list[list[tuple[str, dict]]]:
    """The criteria a mention names, one group for each it names, of the lists read: the criteria any of which may be
    the one meant (each list's so numbered or placed)."""
    groups = said.groupdict()
    if groups.get("numbers"):
        return [
            [(side, c) for side, items in lists.items() for c in items if c.get("number") == number]
            for number in map(int, _NUMBER_WORD.findall(said.group("numbers")))
        ]
    if groups.get("places"):
        count = said.group("count")
        many = (int(count) if count.isdigit() else _HOW_MANY[count.lower()]) if count else 1
        places = [_ORDINALS[w.lower()] for w in re.findall(rf"(?i)\b(?:{_ORDINAL})\b", said.group("places"))]
        if many == 1:
            at = [p - 1 if p > 0 else p for p in places]
        elif places in ([1], [-1]):
            at = list(range(many)) if places == [1] else list(range(-many, 0))
        else:
            return []
        return [[(side, items[k]) for side, items in lists.items() if -len(items) <= k < len(items)] for k in at]
    topic = " ".join(_WORDS.findall(normalise(said.group("topic")).casefold()))
    on = re.compile(rf"(?<![\w+-]){re.escape(topic)}(?![\w+-])")
    return [[(side, c)] for side, items in lists.items() for c in items if on.search(_written(c))]


def _written(criterion: dict) -> str:
    """A criterion's text and its sub-criteria's, normalised, in one case and spacing."""
    texts = [str(criterion.get("text") or "")]
    texts += [_written(sub) for sub in criterion.get("sub_criteria") or [] if isinstance(sub, dict)]
    return " ".join(" ".join(normalise(t).split()).casefold() for t in texts)


# a quoted run a remark says its sources lack, right before it: 'has no "Official Title" row', 'No "Acronym" is
# given', 'does not write "X"', 'lacks an "X" heading', 'without any "X"'; or right after it: '"Acronym" is not
# written', '"X" appears nowhere', '"X" is absent'
_VERB_OF_WORDS = r"write|spell|use|say|mention|contain|print|quote"
_VERB_OF_CONTENT = r"give|have|list|include|show|carry|provide|state|offer|hold"
_DENIED_BEFORE = lazy(
    r"(?i)(?:\b(?:no|lacks?|lacking|without|omits?|omitting)"
    rf"|\b(?:does|do|did|will|can)[ \t]*(?:not|n['\u2019]t)[ \t]+(?P<verb>{_VERB_OF_WORDS}|{_VERB_OF_CONTENT})"
    rf"|\bnever[ \t]+(?P<never>(?:{_VERB_OF_WORDS}|{_VERB_OF_CONTENT})s?))"
    r"(?:[ \t]+(?:a|an|any|the|its|such[ \t]+a))?[ \t]*\Z"
)
_HEADING_AFTER = lazy(r"(?i)\A[ \t]+(?:row|heading|header|label|field|line|section|column|title|entry)s?\b")
_DENIED_AFTER = lazy(
    r"(?i)\A[ \t]*(?:(?:is|are|was|were)[ \t]+(?:not[ \t]+(?P<verb>written|spelled|spelt|used|mentioned|given|"
    r"shown|listed|present|found)|(?:absent|missing|nowhere))|appears?[ \t]+nowhere|does[ \t]+not[ \t]+appear)\b"
)
_WORDS_DENIED = lazy(rf"(?i)\A(?:{_VERB_OF_WORDS})|\A(?:written|spelled|spelt|used|mentioned)\Z")


def denied_in_sources(text: str, start: int, end: int) -> str | None:
    """Whether a remark says its sources lack the run it quotes from start to end (its marks included): "words"
    where it denies they write the words themselves (a verb of writing, a heading's noun after the run, "appears
    nowhere"), "absent" where it says only that nothing of the kind is given ('No "Acronym" is given', which an
    empty section of that heading is too), None where it denies nothing."""
    before = _DENIED_BEFORE.search(text, max(0, start - 60), start)
    after = _DENIED_AFTER.match(text[end : end + 60])
    if before is None and after is None:
        return None
    verb = (before.group("verb") or before.group("never") or "") if before else ""
    rest = text[end + (after.end() if after else 0) :]
    if _PLACED.match(rest):
        return "absent"  # (not where the remark places it: 'does not write "6 participants" in Study Design')
    if after is not None and (after.group("verb") or "") and _WORDS_DENIED.match(after.group("verb")):
        return "words"
    if after is not None and not after.group("verb") and "absent" not in after.group().lower():
        return "words"  # ("appears nowhere", "is nowhere")
    if (
        before is not None
        and _SOURCE_SUBJECT.search(text, max(0, before.start() - 40), before.start())
        and ((verb and _WORDS_DENIED.match(verb)) or _HEADING_AFTER.match(text[end : end + 30]))
    ):
        return "words"
    return "absent"


# a place the rest of the clause puts the run in, other than the source as a whole ("on the page", "anywhere")
_PLACED = lazy(
    r"(?i)(?:[ \t]+(?:row|heading|header|label|field|line|section|column|title|entry)s?)?[ \t]+(?:in|under|on|within|"
    r"among|beside|for|of|as|at|after|before|near|there|here|elsewhere|except|but)\b(?![ \t]+(?:the|its|this)[ \t]+"
    r"(?:page|source|document|site|copy)\b[ \t]*(?:[.;,)]|\Z))"
)


# the source the subject of a denial right before it ("The page has no", "The source does not write"): a criterion,
# or a name, denied a run is not ("Exclusion criterion 3 does not write "..."": criteria_not_writing's)
_SOURCE_SUBJECT = lazy(
    r"(?i)\b(?:source|page|document|site|copy|registry)(?:['\u2019]s[ \t]+(?:text|page))?[ \t]+"
    r"(?:(?:itself|also|still|simply)[ \t]+)?(?:has|have|had|does|do|did|never|lacks?|omits?|is|was)?[ \t]*\Z"
)
