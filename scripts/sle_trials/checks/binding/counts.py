"""An enrollment (`x-bind: count`) bound to its quote (E508): the number is a number of participants, in
the quote and in the words of its sentence the quote leaves out, and no words around it leave it open on
a condition, undecided or as an old plan."""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.binding import context
from sle_trials.checks.binding.context import Context, Path_, Walk
from sle_trials.problem import Problem, quoted
from sle_trials.reading import kept_out, retracted, sentences
from sle_trials.reading.lexicon import head_counts, quantities, stated_limits


def bind_count(
    ctx: Context, path: Path_, enrollment: dict, node: dict, quotes: list[str], walk: Walk
) -> Iterator[Problem]:
    # a count the quote states, unless the words of its sentence the quote leaves out make it a part's or
    # another group's ("3 patients" of "3 patients at each dose level", "40 patients" of "... were assessed")
    counted = [(q, c) for q in quotes for c, at in head_counts.count_places(q) if _counted_there(ctx, path, q, at)]
    holding = [q for q in quotes if any(quantities.same_number(c, enrollment["count"]) for h, c in counted if h is q)]
    if not holding:
        # (with none, the words a count is read in: "will enrol 12" left a curator with no way forward)
        said = ", ".join(stated_limits.number_text(c) for _, c in counted) or (
            "no number of participants: a count is read as '24 participants', '24 adults', '24 SLE patients' "
            "or 'Enrollment: 24' (docs/checks.md, Counts)"
        )
        yield ctx.problem(
            path + ("count",),
            "E508",
            f"{fields.dotted(path)}.count: {enrollment['count']} is not the number of "
            f"participants the quote states ({said}) {quoted(quotes)}",
        )
    # its type (actual, estimated) stated with the count: in a quote of the count. Read in any quote of
    # the list, "Actual" of "Actual numbers will be reported later." made a count of 60 an actual one
    yield from walk(ctx, path, enrollment, node, holding or quotes, skip=("count",))


def _counted_there(ctx: Context, path: Path_, quote: str, start: int) -> bool:
    """Whether some place the cited sources give the quote, where they state the field, reads the number
    at quote[start:] as a count in its sentence there too (sentences.around); True where they
    give it nowhere."""
    seen = False
    for doc, text, at, lo, hi in context.quoted_sentences_of(ctx, path[:1], quote):
        seen = True
        # (with the clause after a semicolon: "40 participants; 20 more in China" adds to the count)
        if text.startswith(";", hi):
            hi = sentences.around(text, hi + 1, hi + 1)[1]
        # (with the next sentence where it opens with a count enrolled: "Planned enrollment: 60 patients. 20
        # patients were enrolled." supersedes the plan)
        # (to the count's own sentence, past a clause closing the enrolment: "Enrollment has now closed; 20 ...")
        if (enrolled := head_counts.enrolled_next(text, hi)) is not None:
            hi = sentences.around(text, enrolled - 1, enrolled)[1]
        # (the words right after the count read to its line's end: "(cancelled)", "N/A", "; amended to
        # 6" past where a sentence is guessed or a semicolon ends it)
        # (and a part of the trial named before it in the passage, past where its sentence is guessed to open:
        # "2025-08-17 Part A enrols 12 participants", whose sentence a guessed line's break opens at "A enrols"; not
        # parts joined, "Part A and Part B enrol 24", nor the one arm of "Arm A: 24 participants" a single-arm study's)
        if not retracted.taken_back(text, at, at + len(quote)) and any(
            c == at - lo + start
            and not retracted.taken_back(text, lo + c, lo + e)
            and not retracted.count_left_open(text, lo + c, lo + e)
            and not kept_out.of_a_named_part(text, lo + c, doc.text)
            for _, c, e in head_counts.count_spans(text[lo:hi])
        ):
            return True
    return not seen
