"""An enum or yes/no value bound to its quote (E507): the quote renders this value and no other of its
vocabulary (vocabulary.py), and renders it there in its source too, with the words the quote leaves out;
a list of them in the order its quote, or its quotes' sources, give them (binding's docstring says each
reading)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from sle_trials import fields
from sle_trials.checks.binding import context
from sle_trials.checks.binding.context import Context, Path_
from sle_trials.checks.load import as_of_dates
from sle_trials.patterns import lazy
from sle_trials.problem import Check, Problem, quoted
from sle_trials.reading import ctgov_study, kept_out, prose, retracted, scopes, sentences, vocabulary
from sle_trials.reading.lexicon import date_mentions, dosing

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check(
        "E507",
        "term-not-stated",
        "a status, phase, sex, yes/no or other vocabulary value its quote does not render, or renders with "
        "another, or a list of them in another order than its quote gives, or a secondary id's type its quote "
        "renders away from that id or as another id's label",
    ),
)


def term(
    ctx: Context, path: Path_, value: Any, node: dict, quotes: list[str], side: str | None = None
) -> Iterator[Problem]:
    name = fields.dotted(fields.unindexed(path))
    vocab = vocabulary.for_boolean(name) if isinstance(value, bool) else vocabulary.for_enum(tuple(node["enum"]))
    wanted = set(value) if isinstance(value, list) else {value}
    if vocab is None:  # a vocabulary the tables do not cover (tests/test_vocabulary.py keeps this from happening)
        if not all(str(v) in q for v in wanted for q in quotes[:1]):
            yield ctx.problem(path, "E507", f"{name}: {value!r} is not written in its quote {quoted(quotes)}")
        return
    found: set = set()
    first: dict[Any, tuple[int, int, int]] = {}  # each value -> where its quotes first render it
    of_parts: list[str] = []  # the renderings given of one part of the trial (_rendered_there)
    for k, quote in enumerate(quotes):
        # (an agent one of an enumeration "respectively" pairs with its dose, "fludarabine and
        # cyclophosphamide at 30 and 300 mg/m2/day, respectively": the other agents are the other items')
        others = (
            {(r.start, r.end) for values, r in dosing.respective_terms(quote, vocab.places(quote)) if values != wanted}
            if path[-1] == "agent" and path[:2] == ("lymphodepletion", "agents") and len(wanted) == 1
            else set()
        )
        own = ctgov_study.own_values(path, quote)  # (a list item's JSON lines: its name's words are no type)
        for rendering in vocab.places(quote):
            if (rendering.start, rendering.end) in others:
                continue
            if own is not None and not any(lo <= rendering.start and rendering.end <= hi for lo, hi in own):
                continue
            if _rendered_there(ctx, path, vocab, quote, rendering, side, wanted, of_parts):
                found |= rendering.values
                order = node.get("enum", [])
                for v in rendering.values:  # (a rendering of several values, "Phase 1/2": in the schema's order)
                    first.setdefault(v, (k, rendering.start, order.index(v) if v in order else 0))
    sides = vocab.reading.sides
    if sides and side is not None:  # the criterion's list decides between a phrase's values
        found = {v for v in found if side in sides.get(v, ())}
    if found == wanted:
        if isinstance(value, list) and misordered(value, lambda v: first.get(v, (0, 0, 0))) is not None:
            # trials.csv gives a list in source order: "Phase 1/Phase 2" is PHASE1|PHASE2, not PHASE2|PHASE1
            yield ctx.problem(
                path,
                "E507",
                f"{fields.dotted(path)}: {_shown(value)} is not in the order its quote gives them "
                f"({quoted(quotes)}); list them in that order",
            )
        elif isinstance(value, list) and not _quotes_in_order(ctx, [quotes[first[v][0]] for v in value if v in first]):
            # each value quoted apart ("BCMA", "CD19"): the quotes' order is the record's own, and the
            # list in another order than its sources give it passed with its quotes listed alike
            yield ctx.problem(
                path,
                "E507",
                f"{fields.dotted(path)}: {_shown(value)} is not in the order its quotes stand in its sources "
                f"({quoted(quotes)}); list them in the sources' order",
            )
        return
    said = "renders no " + vocab.name if not found else "says " + ", ".join(sorted(map(_shown, found)))
    missing = sorted(wanted - found, key=str) or sorted(wanted, key=str)
    parts = (
        f" ({', '.join(map(repr, dict.fromkeys(of_parts)))} given of a part of the trial is that part's, not the "
        "trial's, where another part is given another value or none: quote words of the whole trial)"
        if of_parts
        else ""
    )
    why = vocab.reading.not_the_value if wanted - found else None
    parts += f" ({why})" if why else ""
    yield ctx.problem(
        path,
        "E507",
        f"{fields.dotted(path)}: {_shown(value)} is not what the quote states: it {said}{parts} "
        f"({quoted(quotes)}); {_stating(vocab, missing[0], side)}",
    )


def _stating(vocab: vocabulary.Vocabulary, value: Any, side: str | None) -> str:
    """What a quote stating value says: only renderings that, read as a quote is read here, state
    value alone ("Phase 2" for PHASE2, never "Phase 1/2"), else the criteria that can state it."""
    hints = vocab.hints(value, side)[:4]
    if hints:
        return f"a quote stating {_shown(value)} says " + " or ".join(map(repr, hints))
    lists = vocab.reading.sides.get(value, ())
    return (
        f"{_shown(value)} is stated by an {' or '.join(lists)} criterion only"
        if lists
        else f"no words state {_shown(value)} alone"
    )


# The statuses open to enrolment: a source may end or begin one at a date right after it (retracted.
# status_out_of_time, read against the source's as-of date)
_OPEN_STATUSES = frozenset({"RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE"})
# A status's word as a label, of a date or a number or of words in lower case after it ("Completed:
# 2026-06-30 (Estimated)", "Withdrawn participants: 0", "Completed screening: 40 patients", "Recruiting
# sites: 3"), names what the label gives, not the trial's status: each bound its status under a page's
# "Status: Recruiting". A label of its own after it ("Recruiting Completed: 2026-06") leaves it one.
_STATUS_AS_LABEL = lazy(r"[ \t]*:[ \t]*[0-9]|[ \t]+[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,2}[ \t]*:")


def _rendered_there(
    ctx: Context,
    path: Path_,
    vocab: vocabulary.Vocabulary,
    quote: str,
    rendering: vocabulary.Rendering,
    side: str | None = None,
    wanted: set | None = None,
    of_parts: list[str] | None = None,
) -> bool:
    """Whether some place the cited sources give the quote, where they state the field, renders there
    what the quote renders at rendering, with the words the quote leaves out around it: "allogeneic
    CAR-T cells" cut from "not allogeneic CAR-T cells", "CD28 costimulatory domain" from "no CD28 ...",
    "Recruiting" from "Recruiting was completed in 2024" each rendered a value their source denies or
    takes back. Before the quote, the few characters a denial takes; after it, its sentence, no further
    than where the text likely broke a line. True where the sources give the quote nowhere. A value of the
    trial's own (no list item's) that a part of the trial labels the sentence of ("Part A: Completed") is that
    part's (_of_one_part; wanted: the record's values), each rendering so read added to of_parts."""
    seen = False
    bare = quote[rendering.start : rendering.end].lower() in vocabulary.BARE_ANSWERS
    for doc, text, at, _, hi in context.quoted_sentences_of(ctx, path, quote):
        seen = True
        if bare and _answer_unlabelled(ctx, vocab, text, at + rendering.start):
            continue  # a "Yes" of another question: "CD28 domain? Yes." is no healthy volunteers' answer
        if vocab.name == "phase" and prose.no_trials_phase(text, at + rendering.start, at + rendering.end):
            continue  # a dose's phase or studies' in general ("the recommended Phase 2 dose"): no trial's
        if vocab.name == "overall status" and _STATUS_AS_LABEL.match(text, at + rendering.end) is not None:
            continue
        # ("Recruiting until March 2024" in a source as of 2025, "Recruiting from 2026": not open then)
        if (
            path == ("overall_status",)
            and rendering.values & _OPEN_STATUSES
            and retracted.status_out_of_time(
                text, at + rendering.end, date_mentions.held_before(as_of_dates(ctx.record.data).get(doc.file, ""))
            )
        ):
            continue
        # ("Randomized (planned)": a design not yet the trial's)
        if vocabulary.term_taken_back(vocab, text, at + rendering.start, at + rendering.end):
            continue  # "Recruiting (cancelled)", "formerly Recruiting", "Phase 2: N/A", "~~Female~~"
        if side == "INCLUSION" and vocab.name == "autoantibody" and vocabulary.negative_for(text, at + rendering.start):
            continue  # "Negative for anti-dsDNA": no antibody patients must be positive for
        if vocab.reading.asked_of_patients and kept_out.of_a_part(text, at + rendering.start):
            continue  # "Cohort B: active lupus nephritis": that part's, not the trial's
        rendered = (at + rendering.start, at + rendering.end)
        if _of_one_part(path, vocab, text, rendered, wanted, ctx.texts(doc, path), doc.text):
            if of_parts is not None:
                of_parts.append(quote[rendering.start : rendering.end])
            continue  # "Status: Part A: Completed" beside "Part B: Recruiting": Part A's, not the trial's
        if (
            side == "INCLUSION"
            and vocab.reading.asked_alone
            and scopes.among_alternatives(text, at + rendering.start, at + rendering.end, vocab.places)
        ):
            continue  # "SLEDAI-2K ≥ 6 or active lupus nephritis": a patient is let in without it
        lo = max(0, at - vocabulary.DENIAL_REACH)  # (the words that deny a rendering)
        start = at - lo + rendering.start
        # (with a question mark that ends its sentence: "Recruiting? Not yet." asks, and renders nothing)
        hi += text.startswith("?", hi)
        # (and a status's next clause or sentence: "Suspended; enrollment resumed in 2025", "Suspended.
        # The suspension was lifted in 2025." lift it)
        if vocab.name == "overall status" and text.startswith((";", ". "), hi):
            hi = sentences.around(text, hi + 1, hi + 1)[1]
        # (and a sex's or a healthy volunteers' answer's next clause or sentence: "Sex: Female; males with
        # lupus nephritis may also enrol", "Sex: Female. Male patients ... are also eligible." let the other
        # sex in: vocabulary._widening)
        elif vocab.reading.widened:
            hi = context.next_clause_end(text, hi, (";", ". "))
        if any(r.start == start and r.values == rendering.values for r in vocab.places(text[lo:hi])):
            return True
    return not seen


def _of_one_part(
    path: Path_,
    vocab: vocabulary.Vocabulary,
    text: str,
    rendering: tuple[int, int],
    wanted: set | None,
    passages: list[str],
    whole: str,
) -> bool:
    """Whether a rendering at text[start:end] (rendering) of a value of the trial's own (a path through no list's
    item: not an arm's type) is given of a part of the trial (kept_out.named_part: "Status: Part A: Completed",
    "Cohort 1: autologous ...", "Arm B - Phase 2", "Part A is randomized", "Completed (Part A only)", "allogeneic
    CAR-T cells in Part B"), and is that part's only: a part its document's passages give a value of the
    vocabulary is given one the record does not hold (wanted), or it is given of that part alone and no other
    part is given one. Read as the trial's, "Part A: Completed" beside "Part B: Recruiting" passed as the trial's
    status, "Part B: Phase 2" beside "Part A: Phase 1" as its phases [PHASE2]. Where two parts or more are given
    values and each is one the record holds, the trial's is theirs ("Part A: Phase 1. Part B: Phase 2." for
    [PHASE1, PHASE2]); and a value merely "in" a part no other part is given another of holds in it among others
    ("Allocation: Randomized, in Part B"). Parts joined ("Part A and Part B: Recruiting") are given it together,
    not alone; the one part of its kind the document (whole) says the trial has ("Arm A: ..." beside "This
    single-arm study") is the trial (kept_out.named_part)."""
    part = None if any(isinstance(step, int) for step in path) else kept_out.named_part(text, *rendering, whole)
    if part is None:
        return False
    parts = set()
    for passage in passages:
        for r in vocab.places(passage):
            other = kept_out.named_part(passage, r.start, r.end)
            if other is not None:
                if wanted is None or not r.values <= wanted:
                    return True
                parts.add(other.name)
    return part.alone and len(parts) < 2


def _answer_unlabelled(ctx: Context, vocab: vocabulary.Vocabulary, text: str, at: int) -> bool:
    """Whether a yes/no field's bare answer at text[at:] ("Yes", "No") stands in a document's whole text
    (a document that places no such field) with no label of its field before it on its line
    (its vocabulary's Reading.answer_label): a page's field, where its layout places it ("18 Years 65 Years ALL
    No"), is its answer there."""
    label = vocab.reading.answer_label
    if label is None or not any(text is doc.text for doc in ctx.docs):
        return False
    return label.search(text, text.rfind("\n", 0, at) + 1, at) is None


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(_shown, value)) + "]"
    return str(value)


def _quotes_in_order(ctx: Context, said: list[str]) -> bool:
    """Whether some cited source writes the quotes said (the quote of each of a list's values, in the
    list's order) one after the other in that order: a quote standing in several places may be read
    at any of them, so only a list no source's text gives in its order is out of it."""
    said = [q for i, q in enumerate(said) if i == 0 or q != said[i - 1]]
    if len(set(said)) < 2:
        return True
    for doc in ctx.docs:
        last = -1
        for quote in said:
            last = doc.text.find(quote, last + 1)
            if last < 0:
                break
        else:
            return True
    return not any(all(q in doc.text for q in said) for doc in ctx.docs)  # (a quote no source writes: E502's)


T = TypeVar("T")


def misordered(items: list[T], key: Callable[[T], Any]) -> tuple[T, T] | None:
    """Where items first stand otherwise than in the order of their keys (a list trials.csv gives in
    source order): (the item standing there, the item the order puts there), or None where none does."""
    return next(((item, due) for item, due in zip(items, sorted(items, key=key)) if item != due), None)
