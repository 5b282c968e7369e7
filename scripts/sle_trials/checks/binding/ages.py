"""An age (`x-bind: age`) bound to its quote (E508): the number stands as that bound (minimum or maximum)
with that unit, not in a sentence that keeps people out nor in an exclusion criterion (where a strict
comparator leaves the other bound), nor naming those another requirement is for, whether the quote says
so or the words of its sentence it leaves out."""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.binding import context
from sle_trials.checks.binding.context import Context, Path_
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading import criteria_text, retracted
from sle_trials.reading.lexicon import age_bounds, quantities, stated_limits


def bind_age(ctx: Context, path: Path_, age: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    bound = "min" if path[-1] == "minimum_age" else "max"
    # a list of quotes is read one by one, and together in its order ("18 Years", "65 Years": two
    # lines) where the source gives them one after the other: "65 Years", "18 Years" is no minimum of 65
    read = [(q, a) for q in ctx.together(path, quotes) for a in ctx.reader.ages(q)]
    # a length of time ("diagnosed at least 6 months before screening") is an age of no bound
    read = [
        (q, age_bounds.Age(None, a.value, a.unit, a.start, a.end) if age_bounds.length_of_time(q, a) else a)
        for q, a in read
    ]
    # an age the quote's words bound, which the words of its sentence the quote leaves out unbind
    read = [
        (q, age_bounds.Age(None, a.value, a.unit, a.start, a.end) if a.bound and _unbound_there(ctx, path, q, a) else a)
        for q, a in read
    ]
    if all(_excluding(ctx, path, q) for q in quotes):
        # an exclusion criterion's age is the other side of the bound its words say, as an age in a
        # sentence that keeps people out is ("Exclusion criteria: Age > 75 years" is no minimum of 75):
        # past a strict comparator, the bound it leaves ("Age > 75 years" keeps out the older than 75:
        # a maximum of 75; "Age < 18 years" a minimum of 18); past any other, none
        read = [(q, age_bounds.Age(_left_bound(q, a), a.value, a.unit, a.start, a.end)) for q, a in read]
    found = [a for _, a in read]
    if any(a.bound == bound and quantities.same_number(a.value, age["value"]) and a.unit == age["unit"] for a in found):
        return
    same = [a for a in found if quantities.same_number(a.value, age["value"])]
    word = {"min": "minimum", "max": "maximum"}
    stated = "; ".join(
        f"{word.get(a.bound or '', 'an unplaced')} {stated_limits.number_text(a.value)} {a.unit or '(no unit)'}"
        for a in found
    )
    if any(a.bound == bound for a in same):
        part, why = "unit", f"it gives {stated_limits.number_text(age['value'])} in another unit"
    elif same:
        part, why = (
            "value",
            f"{stated_limits.number_text(age['value'])} stands there as the "
            f"{word.get(same[0].bound or '', 'unplaced')} age, not the {word[bound]}",
        )
    else:
        part, why = "value", "it does not state this age"
    yield ctx.problem(
        path + (part,),
        "E508",
        f"{fields.dotted(path)}: {stated_limits.number_text(age['value'])} {age['unit']} is not the "
        f"{word[bound]} age the quote states: {why} ({stated or 'no age'})",
    )


def _unbound_there(ctx: Context, path: Path_, quote: str, a: age_bounds.Age) -> bool:
    """Whether every place the cited sources give the quote, where they state the field, reads its age a
    as no bound (age_bounds.unbound_age) or as a length of time (age_bounds.length_of_time): "Patients under
    70 years", cut from "Patients under 70 years with heart failure are excluded", or from "... must
    have a normal ECG", bound a maximum age of 70, and "at least 6 years" of "SLE for at least 6 years"
    a minimum age of 6."""
    seen = False
    for text, at, lo, hi in context.quoted_sentences(ctx, path[:2], quote):
        seen = True
        here = age_bounds.Age(a.bound, a.value, a.unit, at - lo + a.start, at - lo + a.end)
        if not (
            age_bounds.unbound_age(text[lo:hi], here.start, here.end, a.unit)
            # a length of time by the words the quote leaves out ("at least 6 years" of "SLE for at least
            # 6 years", "Disease duration of at least 6 years") bound a minimum age of 6
            or age_bounds.length_of_time(text[lo:hi], here)
            # (read to its line's end, as a count is; and the quote's whole statement: "Age: 18-65 years
            # (cancelled)" takes back its minimum of 18 as much as its maximum; an age limit has no
            # estimate of its own, and "Minimum age: 18 years (proposed)" is none yet)
            or retracted.taken_back(text, at + a.start, at + a.end, planned=True)
            or retracted.taken_back(text, at, at + len(quote), planned=True)
            # (and those beyond the bound its sentence lets in, past a semicolon: "Aged 18 years or older;
            # adolescents aged 12 to 17 years may also enrol")
            or age_bounds.widened(text[lo : context.next_clause_end(text, hi)], here)
        ):
            return False
    return seen


def _left_bound(quote: str, a: age_bounds.Age) -> str | None:
    """The bound an exclusion criterion's age a leaves to those enrolled: the maximum past ">" (those
    older are kept out), the minimum past "<"; none past any other comparator or none."""
    if a.bound is None:
        return None
    cmp = quantities.comparator_before(quote, a.start)
    return {">": "max", "<": "min"}.get(cmp[0]) if cmp is not None and cmp[1] is None else None


# The words naming a list wherever they stand, in prose too ("patients meeting the exclusion criteria below",
# "Key exclusion criteria included"), besides its headings as every reader reads them (criteria_text.list_headings):
# the reading an age's side had before list_sides, kept on its own. Read as no heading, prose naming the
# exclusion list above an "Age > 75 years" would make it a minimum of 75 again wherever list_sides reads that
# place under no heading ("Non-inclusion criteria", a French protocol's, names the exclusion list here too)
_LIST_NAMED = lazy(rf"(?i)\b({criteria_text.SIDE_WORD}) criteria\b")


def _criteria_headings(text: str) -> list[tuple[int, int, str]]:
    """The places in text (normalised) that head a criteria list, in order: (start, end, the list's side). The
    words naming a list anywhere (_LIST_NAMED), and its headings as the lists are read (criteria_text.list_headings:
    "Exclusions:", "Criteria for exclusion:" too, which the words alone missed) but those words: such a heading
    ends here at its list's word, the words after it ("(age > 75 years):", for whom) the list's own."""
    named = [(m.start(), m.end(), criteria_text.side_named(m.group(1))) for m in _LIST_NAMED.finditer(text)]
    at = {start for start, _, _ in named}
    listed = [
        (m.start("words"), m.end("side"), criteria_text.side_named(m.group("side")))
        for m in criteria_text.list_headings(text)
        if m.start("side") not in at
    ]
    return sorted([*listed, *named])


def _excluding(ctx: Context, path: Path_, quote: str) -> bool:
    """Whether the cited sources give the quote only in their exclusion criteria: in an item of a
    layout's exclusion list and of no inclusion list, or, in a source whose layout gives no lists,
    under its exclusion list's heading as the criteria lists are read (list_sides, Context.under_headings:
    "Exclusions:", "EXCLUSION" too, which the words "exclusion criteria" alone missed, and an "Age > 75 years"
    under it was a minimum age of 75) or after an exclusion list's heading (_criteria_headings) with no
    inclusion list's heading between, wherever it stands where the source states the field at path (a plain
    page's lines of this trial: read anywhere, IM19's exclusion "Age > 75 years" was a minimum age of 75 by
    the same words in the next trial's inclusion criteria)."""
    seen = False
    for doc in ctx.docs:
        if doc.criteria:
            sides = {name for name, items in doc.criteria.items() for item in items if quote in item.text}
            if sides - {"exclusion_criteria"}:
                return False
            seen = seen or bool(sides)
            continue
        # the source's headings as the criteria lists are read by (list_sides): every place under an
        # exclusion heading ("Exclusions:" too, which the pattern below does not read)
        under = [] if ctx.under_headings is None else ctx.under_headings(doc, path, quote)
        if under and all(side == "exclusion" for side, _ in under):
            seen = True
            continue
        for text in ctx.texts(doc, path):
            if quote not in text:
                continue
            seen = True
            # each stretch from the end of one heading to the end of the next has that heading last
            # before it: the quote must stand in no stretch but an exclusion heading's. (Each occurrence
            # used to read every heading from the source's start up to it: a source of n occurrences
            # after "Exclusion criteria" cost n² steps, a 1 MiB one some twenty minutes.)
            last, start = None, 0
            for heading in [*_criteria_headings(text), None]:
                end = len(text) + 1 if heading is None else heading[1]
                if last != "exclusion" and text.find(quote, start, end - 1 + len(quote)) >= 0:
                    return False
                if heading is not None:
                    last, start = heading[2], end
    return seen
