"""A prior therapy's list is the enumeration its requirement names (E525, E513; the requirement read by
reading/prior_therapy.py): from the first therapy after its cue, not an aside of one of its items, not
after a kind of treatment in other words than what that kind is spelled out or given examples by, and
never at a therapy the requirement lets in, excepts or says of other patients."""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.binding import enumeration
from sle_trials.checks.binding.context import Context, Path_
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading import prior_therapy, product_names, prose, scopes
from sle_trials.reading.layouts import normalise


def of_the_requirement(
    ctx: Context, path: Path_, texts: list[str], ref: dict, where: tuple[str, list[str]]
) -> Iterator[Problem]:
    """E525 when a prior therapy's list, an enumeration whole, opens after the first therapy the
    criterion's requirement names (prior_therapy.requirement: from its cue of a failure, of the disease
    staying active after a treatment, or of one had before): it is another list of the criterion, not
    the requirement's. Relma-cel's requirement read as "Oral corticosteroids" (the heading of a sub-list
    of dose rules), as the "corticosteroids" of "There is no minimum daily dose requirement for
    corticosteroids", or as the examples "including azathioprine, ..., and cyclosporine" of one item
    passed: each is a list whole where it stands, and said that the disease stayed active after it alone."""
    corpus, quotes = where
    read = prior_therapy.requirement(corpus, inclusion=ref["list"] == "INCLUSION")
    if read is None:
        # no cue of a failure, of the disease staying active after a treatment or of one had before, or one of
        # a part of the trial's only: the therapies it names are no requirement the field holds ("Currently,
        # one or more of the following stable dose standard therapies are being used to treat SLE: steroids,
        # ..." read as IM19's prior therapies passed, its criterion 5 the background therapy patients are on)
        yield ctx.problem(
            path,
            "E513",
            f"{fields.dotted(path)}: {fields.criterion_name(ref)} names these therapies, but not as ones the "
            "disease stayed active after, failed or was had before (or of a part of the trial alone): quote the "
            "criterion that requires them, or declare the field silent",
        )
        return
    if not (read.starts or read.kinds):
        return
    spans = [
        (at, at + len(text))
        for text in map(normalise, texts)
        if (at := enumeration.placed(text, corpus, quotes)[0]) >= 0
    ]
    placed = [at for at, _ in spans]
    cue = corpus.find(read.words)
    aside = _one_items_aside(corpus, spans, read, cue + len(read.words) if cue >= 0 else 0)
    if aside is not None:
        owner, then, closed = aside
        where_ = (
            f"stands inside the parenthesis of {owner!r}, one item of the enumeration of the requirement "
            f"{read.words!r} of {fields.criterion_name(ref)}, which goes on after it with {then!r}"
            if closed
            else f"stands among the examples of {owner!r}, in the requirement {read.words!r} of "
            f"{fields.criterion_name(ref)}, and no mark closes them: {then!r}, joined after them, is another "
            "example or another item of the requirement, and the list holds neither whole"
        )
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: the list given {where_}: list the enumeration of the therapies the requirement "
            "names, whole (the therapies of an item's aside are examples of that item)",
        )
        return
    if not placed:
        return
    named = prior_therapy.THERAPIES.match(corpus, min(placed))
    if named is not None and min(placed) not in read.starts and min(placed) > cue >= 0:
        # (a therapy after the cue the requirement's reading leaves out: "Refractory to standard therapy
        # (prednisone is allowed)" read as [prednisone] passed, the bracket read as the kind's own)
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: the list given opens with {named.group(0)!r}, which the requirement "
            f"{read.words!r} of {fields.criterion_name(ref)} does not name as a therapy patients must have had "
            "(the criterion lets it in, excepts it, or says it of other patients): list the therapies the "
            "requirement names",
        )
        return
    if read.starts and min(placed) > read.starts[0]:
        if _SPELLED_OUT.match(corpus, read.starts[0], min(placed)):
            return
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: the requirement {read.words!r} of {fields.criterion_name(ref)} names "
            f"{read.therapies[0]!r} first; the list given opens after it, in other words of the criterion: list "
            "the enumeration of the therapies the requirement names, whole",
        )
        return
    kinds = [(start, end) for start, end in read.kinds if end <= min(placed)]
    if not kinds or _A_KINDS_OWN.fullmatch(corpus, kinds[-1][1], min(placed)):
        return
    start, end = kinds[-1]
    between = corpus[end : min(placed)].strip()
    yield ctx.problem(
        path,
        "E525",
        f"{fields.dotted(path)}: the requirement {read.words!r} of {fields.criterion_name(ref)} names "
        f"{corpus[start:end]!r}, a kind of treatment, before the list given, which opens after it in other words "
        f"of the criterion ({between[:60]!r} between), not as what that kind is spelled out or given examples "
        "by, or is a treatment with: list the therapies the requirement names (none, where it names only a "
        "kind no word of which names one)",
    )


def _one_items_aside(
    corpus: str, spans: list[tuple[int, int]], read: prior_therapy.Requirement, begin: int = 0
) -> tuple[str, str, bool] | None:
    """Where a prior therapy's items (spans: where each stands in the criterion) all stand in an aside of
    one item, after a word, and the requirement's enumeration goes on after the aside with another item, a
    therapy it names or a kind of treatment (read: where each stands; "or conventional therapy" too), after
    a separator or a conjunction: that item's words before the aside (from begin, the requirement's cue's
    end, on), the therapy after it, and whether a mark closes the aside; else None. An aside is a bracket
    ("biologic therapy (belimumab or rituximab) or immunosuppressants", "[...]"), or examples given ("such
    as", "e.g.", "including", ...) or words set off by dashes, that a comma or a dash closes ("targeted
    therapy, such as belimumab or rituximab, or immunosuppressants"). The list is one alternative's
    examples, and leaves the requirement's other items out: "Active disease despite biologic therapy (...)
    or immunosuppressants" read as [belimumab, rituximab] passed, since the reader knew no "biologic
    therapy" and the list opened at the first therapy it knew, whole inside its parenthesis. Examples no
    mark closes run on to a conjunction or a semicolon that joins a therapy or a kind of the requirement
    after them ("targeted therapy such as belimumab or rituximab and immunosuppressants"): that is another
    example or another item, and the list of those before it is the requirement's in neither reading
    (without the comma it passed)."""
    if not spans:
        return None
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    aside = _bracket_around(corpus, lo, hi)
    if aside is None:  # examples, or words between dashes, closed by a comma or a dash (or by none)
        opened = _EXAMPLES_OPEN.search(corpus, max(0, lo - 40), lo)
        if opened is None:
            return None
        tail = enumeration.tail(corpus, hi)
        shut = _EXAMPLES_SHUT.match(corpus, tail)
        if shut is None:  # none closes them: a conjunction after them joins another example or another item
            goes_on = _JOINS_ANOTHER.match(corpus, tail)
            then = _requirements_item(corpus, goes_on.end(), read) if goes_on is not None else None
            owner = _owner(corpus, opened.start(), begin)
            return (owner, then, False) if owner and then else None
        aside = (opened.start(), shut.end())
    goes_on = _ANOTHER_ITEM.match(corpus, aside[1])
    then = _requirements_item(corpus, goes_on.end(), read) if goes_on is not None else None
    owner = _owner(corpus, aside[0], begin)
    return (owner, then, True) if owner and then else None


def _requirements_item(corpus: str, at: int, read: prior_therapy.Requirement) -> str | None:
    """The item of the enumeration from `at`, where it is one of the requirement's: a therapy it names
    starts there, the item holds a kind of treatment it names ("conventional therapy",
    prior_therapy.KINDS), or it opens with a proper name that names no disease (a drug by its brand, "or
    Benlysta": product_names.opens_with_a_name; the criterion's enumeration names it beside therapies, which
    no list of drugs need say); else None."""
    item = enumeration.item_at(corpus, at)
    if at in read.starts:
        return item
    hi = corpus.find(item, at) + len(item) if item else at
    if any(at <= start and end <= hi for start, end in read.kinds):
        return item
    name = product_names.opens_with_a_name(item)
    return item if name is not None and not prose.diseases(name) else None


def _owner(corpus: str, at: int, begin: int) -> str:
    """The words of the item whose aside opens at `at` (from begin, the requirement's cue's end, on):
    "" where no word stands right before the aside."""
    before = corpus[:at].rstrip(" ,")
    if not before or not before[-1].isalnum():
        return ""
    return scopes.owner_words(before, begin if begin <= len(before) else 0) or before[-40:].strip()


def _bracket_around(corpus: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Where the innermost bracket ("(" or "[") open at position lo opens, and where it closes (past its
    mark), where it holds corpus[lo:hi] whole; else None."""
    for brackets in ("()", "[]"):
        opened = scopes.open_before(corpus, lo, brackets)
        if opened is None:
            continue
        closed = scopes.closing(corpus, opened, brackets)
        return (opened, closed) if closed is not None and closed >= hi else None
    return None


# right before an item, the words that open examples of the word before them, or a dash that sets words off
# ("targeted therapy, such as belimumab", "targeted therapy - belimumab"); and right after the last, the
# comma or dash that closes them ("..., or immunosuppressants"), its own words left to _ANOTHER_ITEM
_EXAMPLES_OPEN = lazy(
    r"(?i)(?:,?\s*(?:such\s+as|e\.g\.,?|for\s+(?:example|instance),?|including|like|namely|i\.e\.,?)|\s[-–—])\s+\Z"
)
_EXAMPLES_SHUT = lazy(r"\s*(?:,|\s[-–—](?=\s))")


# right after an item's aside, what joins another item of the enumeration to it: a separator or a
# conjunction, then closed words ("), or to mycophenolate", ") and at least one immunosuppressant"); not a
# clause of other words (", with prednisone at a stable dose"); after a comma or a dash that closed examples,
# the conjunction alone, or nothing
_ITEMS_LEAD = (
    r"(?:(?:to|of|the|an?|other|another|any|prior|previous|despite|after|following|at\s+least\s+(?:one|two|\d+))"
    r"\s+)*"
)
# (the words that join another item: a conjunction, or words of one, "in addition to", "combined with",
# "followed by"; or "&" or "+")
_JOINING = (
    r"(?:and/or|or|and|nor|plus|as\s+well\s+as|in\s+addition\s+to|(?:combined|together|along)\s+with"
    r"|followed\s+by)"
)
_ANOTHER_ITEM = lazy(
    r"(?i)(?:(?:(?<=[,–—-])\s*|\s*[,;/&+]\s*)(?:" + _JOINING + r"\s+)?|\s*" + _JOINING + r"\s+)" + _ITEMS_LEAD
)
# ... and right after examples that no comma or dash closes ("targeted therapy such as belimumab or rituximab
# and immunosuppressants"), a conjunction (or words of one: "in addition to", "followed by"), a semicolon, a
# slash, "&" or "+": what it joins is another of the examples or
# another item of the requirement (a reader cannot tell which), and the list of the examples before it is
# the requirement's in neither reading
_JOINS_ANOTHER = lazy(r"(?i)(?:\s*[;/&+]\s*(?:" + _JOINING + r"\s+)?|\s+" + _JOINING + r"\s+)" + _ITEMS_LEAD)


# From the words of a kind of treatment a requirement names before any therapy (prior_therapy.KINDS: "at
# least two standard therapies") to a list after it that is its own: what the kind is spelled out by
# ("standard treatment regimen refers to ... any of the following (alone or in combination) : ..."), its
# examples ("standard therapy, including ...", "targeted therapy (belimumab or rituximab)", "e.g."), or what
# it is a treatment with or of ("treatment with at least one of ..."), its own parenthesis, a duration or
# closed words between; not another clause of the criterion (", with prednisone at a stable dose", "while
# on prednisone", "with or without hydroxychloroquine", ". Hydroxychloroquine is recommended.")
_EXAMPLES_WORDS = (
    r"(?:(?:such\s+as|for\s+(?:example|instance)|including|includes|like|namely|notably|especially|particularly"
    r"|in\s+particular|specifically)\b|e\.g\.|i\.e\.)"
)
_A_KINDS_OWN = lazy(
    # (each piece starts past the white space before it, read by the one \s* there, and each mark is one
    # piece's: a comma after examples' words only where no more such words follow, a colon or a bracket its own)
    r"(?i)(?:\s*(?:\([^()]*\)"
    r"|(?:,\s*)?" + _EXAMPLES_WORDS + r"(?:,(?!\s*" + _EXAMPLES_WORDS + r"))?"
    r"|[(\[:]|(?<=\s)[-–—](?=\s)"
    r"|(?:with|of|using|containing|comprising|consisting\s+of|based\s+on)\b"
    # (what it is defined as or made of, or the items it is drawn from: "conventional therapy, defined as
    # ...", "standard therapy, which included ...", "at least two therapies selected from ...")
    r"|(?:,\s*)?(?:(?:which|that)\s+(?:is|are|was|were)\s+(?:defined\s+as|one\s+of)|defined\s+as"
    r"|in\s+the\s+form\s+of|(?:comprised|composed|made\s+up)\s+of|(?:selected|chosen|drawn)\s+(?:from|among)"
    r"|(?:which|that)\s+(?:(?:has|have|had)\s+)?(?:includ(?:ed?|es)|contain(?:ed|s)?|compris(?:ed|es)"
    r"|consist(?:ed|s)\s+of))\b"
    r"|(?:for|over)\s+(?:at\s+least\s+|more\s+than\s+|[≥>]\s*)?\d+\s*(?:days?|weeks?|months?|years?)\b"
    r"|for\s+(?:(?:the|active|systemic)\s+)*(?:SLE|lupus(?:\s+nephritis)?|LN|nephritis|disease)\b"
    r"|(?:adequate|sufficient|full|stable|optimal|appropriate|therapeutic|maximum\s+tolerated)"
    r"\s+(?:doses?|dosage|dosing|duration)\b"
    r"|(?:at\s+least|at\s+most|at|one|two|three|four|\d+|or\s+more|the|an?|any|either|both|prior|previous)\b"
    r"))*\s*"
)


# From a requirement's first therapy to a list after it that spells that therapy out: a class named,
# then a colon ("at least one immunosuppressive agent: mycophenolate mofetil, azathioprine or
# cyclophosphamide"), no separator, sentence end, bracket or conjunction between (a conjunction joins
# another item: "glucocorticoids and to at least one of: ..."); not examples of it ("such as",
# "including", "e.g."), which narrow the requirement to the treatments they happen to name
_SPELLED_OUT = lazy(
    r"(?i)(?:(?!\b(?:including|includes|such\s+as|e\.g|for\s+example|like|and|or|nor|plus)\b)[^.;,()/&+])*"
    r":\s*\Z"
)
