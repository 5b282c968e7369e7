"""Thresholds: a criterion's limit bound to the words that state it (`x-bind: threshold`).

binding (checks/binding/) hands each eligibility threshold here with its quotes. A threshold (`x-bind: threshold`)
is bound when its quotes lie in the criterion it names (a leading "3)" label must be that number);
its measure is in them and its conditions in the criterion; one statement gives its comparator,
value and unit together, with no other threshold's measure between the measure and it, nor the
measure another limit's own ("≥3×ULN, or bilirubin >1.5×ULN" states no bilirubin ≥ 3×ULN) (a measure
quoted apart from the statement is the heading of the sub-list whose item states it), a whole phrase
there, not cut out of the words that name it (phrases.py: "neutrophil count" of "Absolute neutrophil
count", E529); the words nearest it say its kind (lexicon/stated_limits.py), in its quote and in its clause of the
criterion the quote may stop short of; else E513, E508. A threshold with
conditions holds the one that governs its limit: the nearest before it of those the record gives the
criterion's thresholds, in its own item or one above it, with no other "if" between; else E518. Each
condition it holds can govern the limit where the two stand (scopes.py): not another item's, not one
a later condition ends, not one after the limit outside its sentence unless an exception naming its
side, not the words that state the limit itself ("Weight ≥ 40 kg" for Weight ≥ 40 kg), nor a measure's
words again ("Disease activity score (SLEDAI-2K)" for SLEDAI-2K ≥ 10) or a part of them, its own or
another threshold's ("cardiac angioplasty or stent placement," of its list), or the phrase that names it
beside the limit ("Active disease by SLEDAI-2K" of "Active disease by SLEDAI-2K: a score of 10 or
above"), nor an aside of other words, in brackets or saying what they include (scopes.aside:
"including joint surgery" of "Major surgery (including joint surgery)", of "Major surgery, including
joint surgery, ..."); else E518. An exception after the limit that lifts its side ("There is no
minimum daily dose requirement ... when ...") is one of its conditions, and so are the words of its
sentence that give it for a part of the trial or a group of its patients ("For Part B only:") or let
it be waived ("or at the investigator's discretion"), and so is the alternative an inclusion limit is one
of ("SLEDAI-2K ≥ 6 or BILAG A score in at least 1 organ system", "SLEDAI-2K ≥ 6; or BILAG A ≥ 1", an
item of a list "one of" opens: a patient who meets the other is let in; scopes.alternative); else E524.
A limit its clause says is no requirement, a wish or one taken back ("... is not required", "... is
preferred", "(revised to ...)") binds nothing (E508), and one an inclusion criterion's clause keeps
out ("... is not allowed") states its complement, a reading a note names (E510).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from sle_trials import fields
from sle_trials.patterns import lazy
from sle_trials.problem import Check, Problem, quoted
from sle_trials.reading import phrases, scopes, sentence_case, sentences
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import dosing, instruments, quantities, stated_limits

if TYPE_CHECKING:  # binding hands each threshold here: imported at run time, it would import itself half made
    from sle_trials.checks.binding.context import Context

Path_ = fields.Path_

# The checks this module makes (E508, E510 and E513 for a threshold too, declared with the other readings in binding/:
# doses.py, dates.py, criterion.py)
CHECKS = (
    Check(
        "E518",
        "condition-of-another-limit",
        "a threshold whose conditions are not the ones its criterion states for its limit, but another limit's, "
        "or words that state none: the limit itself, a measure's words again ('Disease activity score "
        "(SLEDAI-2K)' for SLEDAI-2K >= 10) or a part of them ('cardiac angioplasty or stent placement,' of "
        "'myocardial infarction, cardiac angioplasty or stent placement, ... within 6 months'), the phrase naming "
        "it beside the limit ('Active disease by "
        "SLEDAI-2K' of 'Active disease by SLEDAI-2K: a score of 10 or above'), or an aside of other words, in "
        "brackets or saying what they include ('including joint surgery' of 'Major surgery (including joint "
        "surgery) was performed within 24 weeks')",
    ),
    Check(
        "E524",
        "condition-left-out",
        "a threshold without a condition its criterion states for its limit: one before it that the "
        "criterion's other limits are given, an 'if' in its own sentence, the heading of the sub-list it stands "
        "in, words joining it to another requirement ('<500/mm³ with a neutrophil count <1000/mm³'), an "
        "exception after it that lifts its side ('There is no minimum daily dose requirement ... when ...'), "
        "a part of the trial or a group of its patients its sentence gives it for ('For Part B only:', "
        "'Patients with lupus nephritis:', '(cohort 2 only)'), a waiver after it ('or at the "
        "investigator's discretion'), an exception of the values a cause explains after it in its sentence "
        "('excluding laboratory test abnormalities due to SLE hepatitis', 'not explained by autoimmune hepatitis'), "
        "a cause its values count on right after it ('that is attributable to bleeding', 'due to drug toxicity') "
        "or an exception of the patients a condition lets in "
        "('except Gilbert's syndrome', '(Gilbert's syndrome allowed)'), a permission after it in its sentence, "
        "the clause after its semicolon, the next sentence or the next item of its list ('; patients with "
        "Gilbert's syndrome are eligible', 'Exception: Gilbert's syndrome.'), a condition whose absence it holds for "
        "('in the absence of autoimmune hepatitis', 'without evidence of hemolysis', 'and no evidence of hepatitis' "
        "in an exclusion criterion, '(hepatitis excluded)', 'without anticoagulation', 'In the absence of ..., ALT > "
        "3 × ULN'), other words opening a condition after it or opening its sentence ('barring ...', 'once ... is "
        "excluded', 'provided that ...', 'Unless due to Gilbert's syndrome, ...'), or, in an inclusion "
        "criterion, the "
        "alternative it is one of ('SLEDAI-2K ≥ 6 or BILAG A score in at least 1 organ system': the words from "
        "that 'or', or the clause before the 'or' its measure follows)",
    ),
    Check(
        "E528",
        "condition-cut-short",
        "a threshold's condition that stops inside its clause of the criterion ('if low complement ... score is', "
        "'when used in combination with'): the words left out say when the limit applies; or starts inside it, "
        "or inside a parenthesis ('is no minimum ...', 'antibodies) if low complement ...')",
    ),
    Check(
        "E529",
        "measure-cut-short",
        "a threshold's measure that is not the whole phrase its criterion names what is measured with beside "
        "its limit: a part ('neutrophil count' of 'Absolute neutrophil count <500/mm³', 'SELENA-SLEDAI' of "
        "'SELENA-SLEDAI clinical symptoms'), one item of an enumeration its limit is said of whole "
        "('myocardial infarction' of 'myocardial infarction, ..., or other clinically significant heart "
        "disease within 6 months', or that list's last item alone), examples of it ('belizumab' of "
        "'biological agents (such as belizumab ...)'), one without the words between its limit's number and "
        "unit that say what it counts ('SLEDAI-2K' of 'SLEDAI-2K and ≥ 4 clinical points'), one a parenthesis "
        "crosses an end of ('SELENA-SLEDAI clinical symptoms (except'), one holding another limit of its own "
        "('serum creatinine > 2.5 mg/dL' for 'or 221 μmol/L'), a disease-activity limit's without the "
        "instrument a parenthesis after it names ('Disease activity score' of 'Disease activity score "
        "(SLEDAI-2K)'), one running over a sentence's end, who has "
        "what is measured ('The research subject' of '... has a history of alcohol or drug abuse'), a pronoun "
        "or only what is done ('used, they need to be discontinued', 'performed'), an opening phrase's end "
        "('period, the maximum dose of steroids'), the limit "
        "or its unit ('40 kg'), the point a time limit is counted from ('screening initiation') or the time it is "
        "taken at ('period' of '≥8 during the screening period'), the words opening its length of time ('within "
        "the past'), words pointing at a list set out elsewhere ('following requirements'), only a kind of thing "
        "done ('the dose' of 'the dose must be kept stable'), words after its limit set apart from it ('bilirubin' "
        "of '≥3×ULN, or bilirubin'), a phrase "
        "with a word that names nothing at an end ('if biological agents'), or one without the limit it holds "
        "that says which ('prednisone' of 'prednisone ≥100 within 8 weeks')",
    ),
)


def bind_threshold(ctx: Context, path: Path_, t: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    ref = t["criterion"]
    found = ctx.criterion(ref)
    if found is None:
        return  # E109: rules report a threshold naming a criterion the list does not have
    corpus = found[1]
    named = fields.criterion_name(ref)
    bare: list[str] = []
    misplaced = placed(ctx, path, ref, found, quotes, bare)
    if misplaced is not None:
        yield misplaced
        return
    # (its conditions too: "If biological agents ... are used" of the criterion's "... if biological agents ...")
    if t.get("conditions"):
        as_written = ctx.conditions_as_written(t)
        # one condition twice, in another case ("If the subject ..." and "if the subject ..."): the schema's unique
        # items are told apart by the case the criterion's words are read in either way (hunt 234)
        for i, condition in enumerate(as_written):
            if condition in as_written[:i]:
                yield ctx.problem(
                    path + ("conditions", i),
                    "E207",
                    f"{fields.dotted(path)}.conditions.{i}: the same condition as "
                    f"conditions.{as_written.index(condition)}, written in another case: "
                    f"{quoted([t['conditions'][i]], 61)}; give each condition once",
                )
        conditions = zip(t["conditions"], as_written, strict=True)
        t = {
            **t,
            "conditions": [c if normalise(c) == w else (sentence_case.recased_first(c) or c) for c, w in conditions],
        }
    measure = normalise(t["measure"])
    written = sentence_case.as_written(measure, bare)  # its first letter recased: read as the criterion writes it
    recased = sentence_case.recased_first(t["measure"]) if written != measure else None
    if recased is not None and normalise(recased) == written:
        t, measure = {**t, "measure": recased}, written
    if not any(measure in q for q in bare):
        yield ctx.problem(
            path + ("measure",),
            "E513",
            f"{fields.dotted(path)}.measure: {t['measure']!r} is not in its quote {quoted(bare)}",
        )
        return
    refused: set[int] = set()
    # (an exclusion criterion's: the permission right after it in its list is its exception; an inclusion list's
    # "Patients with lupus nephritis are eligible." is a rule of its own, of the population, that made the
    # limit before it conditional, and trials.csv's headline none of it)
    after = _permission_after(ctx, found[0]) if ref["list"] == "EXCLUSION" else None
    # (or the one the criterion right after a run of criteria each stating a limit opens with: which limit of the
    # run it lets patients past is no word of the text, and it may be the first's)
    past_a_run = _permission_after_a_run(ctx, found[0]) if ref["list"] == "EXCLUSION" else None
    for i, condition in enumerate(t.get("conditions", [])):
        written = normalise(condition)
        if written not in corpus and any(a is not None and _holds_permission(written, a) for a in (after, past_a_run)):
            continue  # the permission the next criterion of its list opens with (_permission_left_out)
        if written not in corpus:
            yield ctx.problem(path + ("conditions", i), "E513", f"{fields.dotted(path)}.conditions.{i}: not in {named}")
        elif (restated := next((m for m in [measure, *ctx.measures] if _restates(written, m)), None)) is not None:
            # the words that name what is measured, again: no condition of its limit, and a limit given
            # one reads as applying only sometimes (trials.csv's disease-activity headline drops it)
            whose = "the threshold's measure" if restated == measure else "another threshold's measure"
            yield ctx.problem(
                path + ("conditions", i),
                "E518",
                f"{fields.dotted(path)}.conditions.{i}: {quoted([condition], 61)} restates {whose} "
                f"({restated!r}), the words that name what is measured; a condition says when the limit "
                "applies, in words of the criterion that state one",
            )
        elif (part := _part_of_a_measure(corpus, written, [measure, *ctx.measures])) is not None:
            # a piece of the words that name what is measured ("cardiac angioplasty or stent placement," of
            # "myocardial infarction, cardiac angioplasty or stent placement, ... within 6 months"; "aspartate
            # aminotransferase (AST)," for bilirubin): no condition of the limit, and the limit given it reads
            # as applying only to those who have that item
            whose = "the threshold's measure" if part == measure else "another threshold's measure"
            yield ctx.problem(
                path + ("conditions", i),
                "E518",
                f"{fields.dotted(path)}.conditions.{i}: {quoted([condition], 61)} is a part of {whose} "
                f"({part!r}) where {named} writes it: words that name what is measured, not when the limit "
                "applies",
            )
        elif (owner := scopes.aside(corpus, written)) is not None and not (
            ref["list"] == "INCLUSION" and scopes.opens_alternative(corpus, written)
        ):  # (an alternative in brackets is no aside: "SLEDAI-2K ≥ 6 (or BILAG A ≥ 1)")
            yield ctx.problem(
                path + ("conditions", i),
                "E518",
                f"{fields.dotted(path)}.conditions.{i}: {quoted([condition], 61)} stands in {named} as an aside of "
                f"{owner!r} (in brackets, or saying what those words include): it says more of them, and states "
                "no condition of the limit",
            )
        elif not scopes.whole_clause(corpus, written) and not (
            ref["list"] == "INCLUSION" and scopes.alternative_before(corpus, written, measure)
        ):
            end = corpus.find(written) + len(written)
            yield ctx.problem(
                path + ("conditions", i),
                "E528",
                f"{fields.dotted(path)}.conditions.{i}: stops inside its clause of {named}, before "
                f"{quoted([corpus[end:]], 40)}: give the condition up to the clause's end",
            )
        elif not any(scopes.clause_start(text, written) for text in ctx.criterion_texts(found[0])) and not (
            ref["list"] == "INCLUSION"
            and (scopes.opens_alternative(corpus, written) or scopes.an_item_of_one_of(corpus, written))
        ):
            yield ctx.problem(
                path + ("conditions", i),
                "E528",
                f"{fields.dotted(path)}.conditions.{i}: starts inside its clause of {named}: give the condition "
                "from the clause's start",
            )
        elif phrases.torn(written) is not None:
            # cut inside a parenthesis: "antibodies) if low complement ..." of "(except for ... antibodies)
            # if low complement ..."
            yield ctx.problem(
                path + ("conditions", i),
                "E528",
                f"{fields.dotted(path)}.conditions.{i}: holds {phrases.torn(written)} of {named}: "
                "give the condition whole",
            )
        else:
            continue
        refused.add(i)  # (reported: not read again as the limit's subject below)
    unit = quantities.unit_named(t["unit"])
    layout = ctx.layout(found[0], corpus)  # where each nested item's own text stands: what a condition can govern

    def own(q: str, s: stated_limits.Statement) -> str:
        """The criterion's text to the end of the item stating s of q: the next item's words, joined to it by a
        space, are no words of its clause ("a. Total bilirubin > 2 mg/dL" "b. Gilbert's syndrome is allowed.")."""
        at = _in(corpus, q, s)[0]
        return next((corpus[: span.end] for span in layout if span.start <= at < span.end), corpus)

    said = [(q, _as_required(own(q, s), q, s, ref["list"])) for q in bare for s in ctx.reader.statements(q)]

    def unit_ok(q: str, s: stated_limits.Statement) -> bool:
        if unit is None:
            return s.unit is None and dosing.whole_unit(q, s.end, t["unit"])
        if s.unit is not None:
            return s.unit.key == unit.key
        lo, hi = stated_limits.clause(q, s.start, s.end)
        return (
            unit.key == "points" and bool(stated_limits.SCORE_WORDS.search(q, lo, hi)) and not _counts_another(q, s.end)
        )

    def cmp_ok(s: stated_limits.Statement) -> bool:
        return s.comparator == t["comparator"] or (
            t["comparator"] == "=" and s.comparator is None and s.unit is not None
        )

    value = t["value"]
    exact = [(q, s) for q, s in said if quantities.same_number(s.value, value) and cmp_ok(s) and unit_ok(q, s)]
    if not exact:
        yield _threshold_miss(ctx, path, t, said, cmp_ok, unit_ok)
        return
    # a limit its clause of the criterion says is no requirement, a wish, or one taken back ("SLEDAI-2K ≥ 6
    # is not required", "... is preferred", "SLEDAI-2K ≥ 8 (revised to ≥ 6 ...)"), read where the
    # criterion writes it: the quote may stop short of those words
    # (and an exclusion criterion's limit its clause lets in: "eGFR < 30 mL/min is allowed")
    unrequired = [why for q, s in exact if (why := _not_required(own(q, s), q, s, ref["list"])) is not None]
    if len(unrequired) == len(exact):
        yield ctx.problem(
            path,
            "E508",
            f"{fields.dotted(path)}: {named} does not require {exact[0][1].says()} of patients: "
            f"{unrequired[0]} says it is no requirement, only a wish, one taken back or one that keeps no one out",
        )
        return
    exact = [(q, s) for q, s in exact if _not_required(own(q, s), q, s, ref["list"]) is None]
    others = [o for o in ctx.measures if o not in measure and measure not in o]
    # "SELENA-SLEDAI clinical symptoms"; not "dose of steroids" of "steroids" nor "prednisone (or equivalent dose)" of
    # "prednisone", which name the same thing (E513 refused "steroids ≥ 7 days" of "the dose of steroids should
    # remain stable for ≥ 7 days" where another threshold's measure was "dose of steroids", hunt 212)
    longer = [o for o in ctx.measures if measure in o and o != measure and not phrases.names_the_same(o, measure)]
    # the measure next to the statement, where they share a quote; a quote list may give the measure
    # apart only from the heading of the sub-list whose item states the limit ("Oral corticosteroids
    # must meet the following requirements:"), not from beside another measure's limit in one item
    headings = [q for q in bare if measure in q]
    item = fields.get(ctx.record.data, found[0])[1]
    beside = {
        (q, s.start): _measure_next_to(q, s, measure, others, longer, ctx.reader.statements(q), t.get("conditions", []))
        for q, s in exact
        if measure in q
    }
    near = [(q, s) for q, s in exact if beside.get((q, s.start)) or (measure not in q and _heads(item, headings, q))]
    if not near and all(measure not in q for q, _ in exact):
        yield ctx.problem(
            path + ("measure",),
            "E513",
            f"{fields.dotted(path)}.measure: {t['measure']!r} is quoted apart from {exact[0][1].says()}, "
            f"and not from the heading of a sub-list whose item states it ({named})",
        )
        return
    if not near:
        yield ctx.problem(
            path + ("measure",),
            "E513",
            f"{fields.dotted(path)}.measure: in its quote, {exact[0][1].says()} "
            f"is said of another measure, not of {t['measure']!r}",
        )
        return
    cut = _measure_cut(ctx, measure, near, headings, corpus, beside)
    if cut is None and t["kind"] == "DISEASE_ACTIVITY":
        cut = _instrument_left_out(measure, near)
    if cut is not None:
        yield ctx.problem(
            path + ("measure",),
            "E529",
            f"{fields.dotted(path)}.measure: {t['measure']!r} is not the whole phrase {named} names what is "
            f"measured with beside its limit: {cut}; give the measure that phrase",
        )
        return
    kept = [(i, c) for i, c in enumerate(t.get("conditions", [])) if i not in refused]
    subject = _subject_held(kept, measure, near, beside, corpus)
    if subject is not None:
        k, held = subject
        yield ctx.problem(
            path + ("conditions", k),
            "E518",
            f"{fields.dotted(path)}.conditions.{k}: {quoted([held], 61)} holds "
            f"{t['measure']!r} where {named} names it beside this limit: the words that name what is measured, "
            "not when the limit applies (a condition opens with 'if', 'when', ... or says who the limit is for)",
        )
    quote, statement = near[0]
    kind, why = ctx.reader.kind_of(quote, statement)
    at = corpus.find(quote) + statement.start
    ctx.stated[path] = at
    if kind == t["kind"]:  # and the words its quote leaves out of the clause say so too
        kind, why = _kind_in_its_clause(ctx, corpus, at, statement, (kind, why))
    if kind != t["kind"]:
        said_kind = f"{kind}, from {why}" if kind else why
        yield ctx.problem(
            path + ("kind",), "E508", f"{fields.dotted(path)}.kind: {t['kind']} is not what the words say ({said_kind})"
        )
    if t.get("conditions"):
        conditioned = list(_own_condition(ctx, path, t, corpus, at, layout))
    else:
        conditioned = list(_condition_left_out(ctx, path, t, corpus, bare, (quote, statement), layout))
    # (an inclusion limit may be one of alternatives whatever else its criterion holds: scopes.alternative)
    if not conditioned and (t.get("conditions") or ref["list"] == "INCLUSION" or ctx.conditional(found[0], corpus)):
        limit = (at, corpus.find(quote) + statement.end)
        conditioned = list(_conditions_in_scope(ctx, path, t, (corpus, layout), limit, bare))
    if not conditioned and after is not None:
        conditioned = list(_permission_left_out(ctx, path, t, (corpus, at), after))
    yield from conditioned
    if statement.reading and not ctx.noted(path, statement.reading):
        yield ctx.problem(
            path + ("comparator",),
            "E510",
            f"{fields.dotted(path)}: {statement.reading}; say so in a curation "
            f"note (field: {fields.dotted(path)} or a field above it)",
        )


# the words right after a limit's number that name things it counts, not points ("BILAG A score in at least 1
# organ system", "≥ 4 ACR criteria", "≥ 2 swollen joints": no "≥ 1 points", however a score's words stand
# in the clause)
_COUNTED = lazy(
    r"(?i)[ \t]+(?:[a-z][\w-]*[ \t]+)?(?:organ[ \t]+)?(?:systems?|organs?|domains?|items?|criteria|criterion"
    r"|features?|manifestations?|descriptors?|categories|category|components?|symptoms?|signs?|flares?|joints?)\b"
)


def _counts_another(quote: str, end: int) -> bool:
    """Whether the words right after a number at quote[end] name things it counts, other than points."""
    return _COUNTED.match(quote, end) is not None


def _in(corpus: str, quote: str, s: stated_limits.Statement) -> tuple[int, int]:
    """Where the statement s of the quote stands in the criterion's text (its first place)."""
    at = max(0, corpus.find(quote))
    return at + s.start, at + s.end


def _not_required(corpus: str, quote: str, s: stated_limits.Statement, side: str) -> str | None:
    """The words of the criterion that make the statement s of the quote no limit patients must meet
    (stated_limits.limit_not_required; of an exclusion criterion, stated_limits.limit_let_in), quoted, else None."""
    where = _in(corpus, quote, s)
    why = stated_limits.limit_not_required(corpus, *where)
    if why is None and side == "EXCLUSION" and (words := stated_limits.limit_let_in(corpus, *where)) is not None:
        # (not a permission of a group set off after it, the limit's condition: "– patients on dialysis are allowed")
        why = None if scopes.condition_after(corpus, where[1]) else repr(words)
    return why


def _as_required(corpus: str, quote: str, s: stated_limits.Statement, side: str) -> stated_limits.Statement:
    """The statement s of the quote as the criterion requires it of patients: in an inclusion criterion,
    a limit its clause keeps out ("SLEDAI-2K score of less than 6 is not allowed", stated_limits.limit_kept_out)
    states its complement, a reading (E510: a note says so); one with no complement ("= 6") states none."""
    if side != "INCLUSION" or s.comparator is None or stated_limits.limit_not_required(corpus, *_in(corpus, quote, s)):
        return s  # (a limit no one is asked to meet is turned round to none: "No SLEDAI-2K ≥ 6 requirement")
    where = _in(corpus, quote, s)
    words = stated_limits.limit_kept_out(corpus, *where)
    if words is None or scopes.condition_after(corpus, where[1]):
        return s  # (a condition ruled out after it is none of its predicate: "≥ 6 with lupus nephritis excluded")
    return dataclasses.replace(
        s,
        comparator=quantities.COMPLEMENT.get(s.comparator),
        reading=f"the inclusion criterion keeps out those it states ({words!r}); read as its complement",
    )


# The kinds of threshold whose order trials.csv reads: its disease-activity headline is the first of
# them (outputs/cells.py: the first inclusion threshold of the kind that always applies), its list column
# joins them in order.
_ORDERED_KINDS = ("DISEASE_ACTIVITY",)
_LIST_RANK = {"INCLUSION": 0, "EXCLUSION": 1}  # the record's criteria lists, in the order it holds them


def out_of_order(ctx: Context) -> Iterator[Problem]:
    """E533 when the record lists the thresholds of a kind trials.csv reads in order (_ORDERED_KINDS)
    otherwise than their criteria state them: by list (inclusion, then exclusion), by the criterion's
    place in its list, and by where its text states each limit. trials.csv's disease-activity
    headline is the first inclusion threshold of that kind with no conditions: listed as the curator
    happened to write them, Relma-cel's "SELENA-SLEDAI score ≥8 ... Score ≥6 for SELENA-SLEDAI
    clinical symptoms ..." could give the trial a headline of either, and the same limits in another
    order another trial's. Thresholds not bound (no place read for their limit) are left to the
    problems that say why."""
    eligibility = ctx.record.data.get("eligibility", {})
    placed = []
    for i, t in enumerate(eligibility.get("thresholds", [])):
        path = ("eligibility", "thresholds", i)
        named = fields.criteria_named(eligibility, t["criterion"])
        if t["kind"] in _ORDERED_KINDS and path in ctx.stated and len(named) == 1:
            placed.append((i, t, (_LIST_RANK.get(t["criterion"]["list"], 2), named[0], ctx.stated[path])))
    for (_, before, key), (i, t, place) in zip(placed, placed[1:], strict=False):
        if place < key:
            expected = ", ".join(str(k) for k, _, _ in sorted(placed, key=lambda p: p[2]))
            yield ctx.problem(
                ("eligibility", "thresholds", i),
                "E533",
                f"eligibility.thresholds.{i}: {_limit(t)} ({fields.criterion_name(t['criterion'])}) is listed "
                f"after {_limit(before)} ({fields.criterion_name(before['criterion'])}), but the criteria state "
                f"it first; list the {t['kind']} thresholds in the order the criteria state them: thresholds "
                f"{expected} (trials.csv's headline is the first of them that always applies)",
            )
            return


def stated_twice(ctx: Context) -> Iterator[Problem]:
    """E113 when two thresholds of one criterion are bound to one statement of its text: the words state one
    limit, and the two are it written twice, whatever words each gives it. rules.check_thresholds compares the
    record's words, so a copy with its unit spelled otherwise ("mg/d" of "mg/day", "/μL" of "/mm³", "week" of
    "weeks") or its measure named otherwise ("prednisone" or "steroids" of "prednisone (or equivalent dose)")
    passed it (hunt 234): both bound to their quote, and trials.csv gave the limit twice. Thresholds not bound
    (no place read for their limit) are left to the problems that say why."""
    seen: dict[tuple, int] = {}
    for i, t in enumerate(ctx.record.data.get("eligibility", {}).get("thresholds", [])):
        path = ("eligibility", "thresholds", i)
        if path not in ctx.stated:
            continue
        ref = t["criterion"]
        key = (ref["list"], ref["number"], ref.get("group"), ctx.stated[path])
        if key not in seen:
            seen[key] = i
            continue
        yield ctx.problem(
            path,
            "E113",
            f"{fields.dotted(path)}: {_limit(t)} is the limit eligibility.thresholds.{seen[key]} states, bound to "
            f"the same words of {fields.criterion_name(ref)}: one limit written twice in other words; remove it, "
            "or give it the limit its own quote states",
        )


def _limit(t: dict) -> str:
    return f"{t['measure']} {t['comparator']} {stated_limits.number_text(t['value'])} {t['unit']}"


def _subject_held(
    conditions: list[tuple[int, str]],
    measure: str,
    near: list[tuple[str, stated_limits.Statement]],
    beside: dict[tuple[str, int], list[int]],
    corpus: str,
) -> tuple[int, str] | None:
    """The condition (its index and words, of those not refused already) that holds every place where
    the measure is read beside its limit, before it, in words that neither open as a condition does nor
    say who the limit is for or when it applies: the phrase that names what is measured, the limit's
    subject ("Active disease by SLEDAI-2K" of "Active disease by SLEDAI-2K: a score of 10 or above"),
    not a condition of it; else None. "If the subject is receiving treatment with antimalarial drugs
    ...: the start time ... ≥ 12 weeks" holds its measure as a condition does."""
    places = [
        (corpus.find(q) + m, corpus.find(q) + s.start)
        for q, s in near
        for m in beside.get((q, s.start), [])
        if corpus.find(q) >= 0
    ]
    if not places:
        return None
    for k, condition in conditions:
        written = normalise(condition)
        if scopes.opens_condition(written) or scopes.says_who_or_when(written):
            continue
        start = corpus.find(written)
        end = start + len(written)
        if start >= 0 and all(start <= m and m + len(measure) <= end <= limit for m, limit in places):
            return k, condition
    return None


def _restates(condition: str, measure: str) -> bool:
    """Whether a condition (normalised) only restates the threshold's measure: its words (an article
    before them and a mark ending them aside), the measure with a parenthesis after it ("Major surgery
    (including joint surgery)"), or words with the measure as their parenthesis ("Disease activity score
    (SLEDAI-2K)"), save words that say who the limit is for or when it applies ("Patients receiving
    glucocorticoids (prednisone)", "If on steroids (prednisone)")."""
    words = condition.rstrip(" ,.;:")
    m = re.escape(measure)
    if re.fullmatch(r"(?:(?:the|a|an)\s+)?" + m + r"(?:\s*\([^()]*\))?", words, re.I):
        return True
    named = re.fullmatch(r"([^()]+)\(\s*" + m + r"\s*\)", words, re.I)
    return named is not None and not scopes.says_who_or_when(named.group(1))


def _part_of_a_measure(corpus: str, condition: str, measures: list[str]) -> str | None:
    """The measure (normalised) whose words, wherever the criterion (corpus) writes the condition, hold
    the condition (normalised; a mark ending it aside) or run on into it from words before it that say
    nothing of who or when ("History of myocardial infarction," of "History of myocardial infarction,
    cardiac angioplasty ..."): a piece of what is measured, an item of its list or of another
    threshold's, given as a condition. None where one place of the condition stands apart from them,
    or where its words say who the limit is for or when it applies ("If the subject is receiving
    treatment with antimalarial drugs", "Patients receiving steroids")."""
    words = condition.rstrip(" ,.;:")
    if not words or scopes.says_who_or_when(words) or scopes.opens_condition(words):
        return None
    starts = [m.start() for m in re.finditer(re.escape(words), corpus)]
    if not starts:
        return None
    for measure in dict.fromkeys(m for m in measures if len(m) > len(words)):
        places = [(m.start(), m.end()) for m in re.finditer(re.escape(measure), corpus)]
        if places and all(_held_by(corpus, start, start + len(words), places) for start in starts):
            return measure
    return None


def _held_by(corpus: str, start: int, end: int, places: list[tuple[int, int]]) -> bool:
    """Whether corpus[start:end] lies inside one of the places (a measure's), or runs on into one
    from words before it that say nothing of who or when."""
    return any(
        lo <= start and end <= hi or (start < lo < end <= hi and not scopes.says_who_or_when(corpus[start:lo]))
        for lo, hi in places
    )


def _kind_in_its_clause(
    ctx: Context, corpus: str, at: int, statement: stated_limits.Statement, quoted_kind: tuple[str | None, str]
) -> tuple[str | None, str]:
    """The kind of limit the words of the statement's clause in its criterion say (stated_limits.kind_of),
    where the statement stands at corpus[at:]; (None, why) when they say none. A quote cut short of
    its clause leaves out the words that say which limit it is: "should not exceed 5mg/day prednisone
    (or equivalent dose)", quoted from "During the screening period, the dose of steroids adjustment
    should not exceed 5mg/day prednisone", bound a CORTICOSTEROID_DOSE of at most 5 mg/day, a dose
    change's limit read as the ceiling of the dose itself. Where the clause says none, the quote's
    reading (quoted_kind) stands."""
    length = statement.end - statement.start
    lo, hi = stated_limits.clause(corpus, at, at + length)
    shifted = dataclasses.replace(statement, start=at - lo, end=at - lo + length)
    kind, why = ctx.reader.kind_of(corpus[lo:hi], shifted)
    return (kind, f"{why} in its clause of the criterion") if kind else quoted_kind


def _measure_cut(
    ctx: Context,
    measure: str,
    near: list[tuple[str, stated_limits.Statement]],
    headings: list[str],
    corpus: str,
    beside: dict[tuple[str, int], list[int]],
) -> str | None:
    """Why the measure is no whole phrase that names what is measured where binding reads it beside its
    limit (in a quote that states the limit, or in the sub-list heading quoted for it), else None:
    a word at an end that names nothing of it, the limit's own words in it, nothing named but a limit
    or its unit, the point a limit after it is counted from, another limit between it and its limit
    that says which of what it names the limit counts ("prednisone ≥100 within 8 weeks"), or a word
    past an end that goes on naming it (phrases.py). One place where it stands
    whole is enough; another place of the criterion does not count: "SELENA-SLEDAI" stands whole in
    "SELENA-SLEDAI score ≥8", not beside the limit of its clinical symptoms' score. Nor does another
    place of the quote than one where the measure is the limit's (beside: _measure_next_to's places):
    the whole item 6 quoted for that score still holds "SELENA-SLEDAI score ≥8"."""
    loose = phrases.loose_word(measure)
    if loose is not None:
        return f"{loose!r}, at an end of it, names nothing of what is measured"
    unclosed = phrases.unbalanced(measure)
    if unclosed is not None:
        return f"it {unclosed}: a phrase ends inside it, or begins"
    ended = _ENDED_INSIDE.search(measure)
    if ended is not None:  # "weeks before screening. Maintain a stable dose of medication"
        return f"it runs over the end of a sentence ({measure[max(0, ended.start() - 20) : ended.end() + 20]!r})"
    opened = _CLAUSE_THEN_ARTICLE.search(measure)
    if opened is not None and not re.search(r"\b(?:and/or|and|or)\b", measure[opened.end() :]):
        # an opening phrase's end, then the phrase of what is measured ("During the screening period, the
        # maximum dose of steroids"); an enumeration's items may open with an article ("the A, the B or ...")
        return f"{opened.group(1)!r} ends a clause before the phrase of what is measured"
    pronoun = phrases.pronoun_in(measure)
    if pronoun is not None:
        return f"{pronoun!r} in it stands for a thing named elsewhere"
    opening = phrases.condition_inside(measure)
    if opening is not None:
        return f"{opening!r} in it opens a condition: it runs from one clause into the next"
    unit = phrases.unit_first(measure)
    if unit is not None:
        return f"{unit!r}, at its start, is a limit's unit"
    pointer = phrases.pointing(measure)
    if pointer is not None:
        return f"{pointer!r} in it points at words set out elsewhere, not at what is measured"
    length = phrases.opens_a_length(measure)
    if length is not None:
        return f"{length!r}, at its end, opens its limit's length of time"
    if phrases.only_a_kind(measure):
        return "it names only a kind of thing done or had, not what of"
    if phrases.only_done(measure):
        return "it names only what is done, not to what"
    had = _HAVING.search(measure)
    if had is not None and phrases.names_something(measure[: had.start()]):
        return f"{measure[: had.end()]!r} in it names who has what is measured"
    why = None
    for quote, statement in near:
        counted = _unit_words(quote, statement)
        if counted is not None and counted not in measure:
            why = why or f"{counted!r}, between its limit's number and unit, says what the number counts"
            continue
        stated: tuple[stated_limits.Statement, ...] = ()
        if measure not in quote:
            texts = headings
        else:
            texts, stated = [quote], ctx.reader.statements(quote)
        for text in texts:
            at = corpus.find(text)
            for m in re.finditer(re.escape(measure), text):
                if text == quote and m.start() not in beside.get((quote, statement.start), [m.start()]):
                    continue  # the measure stands there as another limit's
                if m.start() < statement.end and statement.start < m.end() and text == quote:
                    why = why or "it holds the limit's own words"
                    continue
                # the measure's words outside the quote's statements (most measures hold none)
                outside, last = [], m.start()
                for s in stated:
                    if s.start < m.end() and m.start() < s.end:
                        outside.append(text[last : max(last, s.start)])
                        last = max(last, s.end)
                outside.append(text[last : m.end()])
                if not phrases.names_something(" ".join(outside)):
                    why = why or "it names nothing but a limit, its unit or words that name no thing"
                    continue
                after_a_limit = any(s.end <= m.start() for s in stated)
                if phrases.reference_point(corpus, at + m.start(), after_a_limit):
                    why = why or "it stands where a time limit's starting point does ('prior to screening')"
                    continue
                when = (
                    phrases.says_when_after(text[statement.end : m.start()])
                    if text == quote and statement.end <= m.start()
                    else None
                )
                if when is not None:
                    why = why or f"it stands after its limit in the phrase that says when it is taken ({when!r} ...)"
                    continue
                if (
                    text == quote
                    and statement.end <= m.start()
                    and phrases.apart_from_its_limit(gap := text[statement.end : m.start()])
                ):
                    why = (
                        why
                        or f"it stands after its limit, set apart from it by {gap.strip()!r}: another clause's words"
                    )
                    continue
                closed = phrases.ends_a_when_phrase(corpus, at + m.start(), at + m.end()) if at >= 0 else None
                if closed is not None:
                    why = why or f"it ends the phrase {closed!r} that says when, not what is measured"
                    continue
                # a limit it holds, set apart from its limit by a mark or a conjunction: another limit of its own
                # ("Prednisone (or equivalent) ≥7.5 mg/ day" for the ceiling of "..., and ≤30 mg/ day"; "serum
                # creatinine > 2.5 mg/dL" for "or 221 μmol/L"), not one that says which ("prednisone ≥100"); a bare
                # number, with no comparator and no unit, is none: a name's or a kind's ("Urine protein (24-hour)",
                # "Serum IgG (Type-2)", each refused as holding a limit of 24 or 2, hunt 210)
                held = [
                    o
                    for o in stated
                    if text == quote and m.start() <= o.start and o.end <= m.end() and (o.comparator or o.unit)
                ]
                if (
                    held
                    and held[-1].end <= statement.start
                    and _LIMITS_APART.search(text, held[-1].end, statement.start)
                ):
                    why = (
                        why or f"it holds {text[held[-1].start : held[-1].end]!r}, another limit set apart from its own"
                    )
                    continue
                # another limit right between it and its limit, joined to that limit by nothing ("prednisone
                # ≥100 within 8 weeks"): it says which of what the measure names the limit counts, and is
                # the measure's ("prednisone ≥100"); "serum creatinine > 2.5 mg/dL or 221 μmol/L" is two
                # ways to write one limit. Without it, any prednisone within 8 weeks read as excluded
                between = [o for o in stated if text == quote and m.end() <= o.start and o.end <= statement.start]
                if between and not _LIMITS_APART.search(text, between[-1].end, statement.start):
                    why = why or f"{text[between[-1].start : between[-1].end]!r} between it and its limit says which"
                    continue
                # a verb of having between it and its limit, what it has named after it ("The research subject
                # has a history of alcohol or drug abuse within the past 24 weeks"): the limit is of what is
                # had, and the measure is who has it ("has been" is no having)
                gap = text[m.end() : statement.start] if text == quote and m.end() <= statement.start else ""
                having = _HAVING.search(gap)
                if having is not None and phrases.names_something(gap[having.end() :]):
                    why = why or f"{gap[having.start() :].strip()!r} between it and its limit names what it has"
                    continue
                word = phrases.continues(corpus, at + m.start(), at + m.end(), measure)
                if word is not None:
                    why = why or f"{word!r} goes on naming it"
                    continue
                listed = (
                    _item_of_a_list(corpus, at + m.start(), at + m.end(), statement, at + statement.start)
                    if text == quote and m.end() <= statement.start
                    else None
                )
                if listed is None:
                    return None
                why = why or listed
    return why


# the instruments a disease-activity limit is read on (stated_limits.SCORE_WORDS, its word "score" aside)
_INSTRUMENT = lazy(rf"(?i)(?<![\w-]){instruments.INSTRUMENTS}(?![\w-])")


def _instrument_left_out(measure: str, near: list[tuple[str, stated_limits.Statement]]) -> str | None:
    """Why a disease-activity limit's measure leaves out the instrument its words name in a parenthesis
    right after it, beside its limit ("Disease activity score" of "Disease activity score (SLEDAI-2K)
    with a score of 10 or above": trials.csv's disease-activity measure, the instrument, read a score of
    no scale), else None. A parenthesis of another name ("alanine aminotransferase (ALT)") may be left
    out: it names the same thing, as does an instrument's abbreviation after its name written out
    ("Physician Global Assessment (PGA)", "Systemic Lupus Erythematosus Disease Activity Index (SLEDAI)")."""
    if _INSTRUMENT.search(measure):
        return None
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z]+", measure)).upper()
    for quote, _ in near:
        for m in re.finditer(re.escape(measure), quote):
            named = re.match(r"\s*\(([^()]*)\)", quote[m.end() :])
            found = _INSTRUMENT.search(named.group(1)) if named is not None else None
            if found is not None and not _abbreviates(found.group(0).split("-")[0].upper(), initials):
                return f"the parenthesis after it names the instrument ({named.group(1)!r})"  # type: ignore[union-attr]
    return None


def _abbreviates(letters: str, initials: str) -> bool:
    """Whether letters are the initials' letters in order, some left out (CLASI of Cutaneous Lupus
    Erythematosus Disease Area and Severity Index)."""
    rest = iter(initials)
    return all(letter in rest for letter in letters)


def _unit_words(quote: str, statement: stated_limits.Statement) -> str | None:
    """The words between a limit's number and the unit written away from it, where they are only a few
    words that name something ("clinical" of "≥ 4 clinical points"): they say what the number counts,
    and a measure without them is another thing ("SLEDAI-2K" of "SLEDAI-2K and ≥ 4 clinical points",
    whose 4 points are its clinical items' only). None where no such words stand there."""
    if statement.unit is None or not (statement.reading or "").startswith("the unit"):
        return None
    spellings = "|".join(map(re.escape, sorted(statement.unit.spellings, key=len, reverse=True)))
    m = re.match(r"\s+((?:[^\W\d][\w-]*\s+){1,3}?)(?:" + spellings + r")(?!\w)", quote[statement.end :])
    if m is None or not all(phrases.names_something(w) for w in m.group(1).split()):
        return None
    return m.group(1).strip()


def _item_of_a_list(corpus: str, start: int, end: int, statement: stated_limits.Statement, limit: int) -> str | None:
    """Why the measure at corpus[start:end] is one item of an enumeration its limit (statement, at
    corpus[limit:]) is said of whole, else None: more items follow it before the limit ("myocardial
    infarction" of "myocardial infarction, cardiac angioplasty ..., or other clinically significant
    heart disease within 6 months"), or it is the last item and the limit a time window right after
    it that the items before it, holding no limit of their own in its sentence, share ("other
    clinically significant heart disease" of the same list: a window over a history of each). An
    item holding a limit of its own is set apart by it ("hemodialysis, or prednisone ≥100 within 8
    weeks"); a quantity after the last item may be that item's alone ("pregnancy, or eGFR < 30")."""
    word = phrases.item_follows(corpus, end, limit)
    if word is not None:
        return f"{word!r} goes on the enumeration it is an item of, and the limit after it is said of the whole"
    # the last item with a plural word for values ("ALT, AST, or ALP levels are ≥ 3×ULN"): the values are
    # each item's, and the limit is said of them all
    plural = corpus[start:end].split()[-1].lower()
    if plural in _PLURAL_VALUES and (words := phrases.item_before(corpus, start)) is not None:
        return f"{words!r} goes on naming it: {plural!r} are the values of each item, and the limit is theirs"
    if statement.unit is None or phrases.names_something(corpus[end:limit]):
        return None
    # a time window after an enumeration is said of each item; so is a laboratory limit after an
    # enumeration of laboratory tests ("ALP" of "ALT, AST, or ALP ≥ 3 mg/dL"), but for the last item
    # after items that are no tests ("pregnancy, lactation, or eGFR < 30": the eGFR's alone)
    tests = statement.unit.dimension in quantities.LAB_DIMENSIONS and _lab_test(corpus[start:end])
    if statement.unit.dimension != "time" and not tests:
        return None
    words = phrases.item_before(corpus, start) or _test_before(corpus, start)
    if words is None or (tests and not _lab_test(words)):
        return None
    opened = max((m.end() for m in _SENTENCE_END.finditer(corpus, 0, start)), default=0)
    if any(s.comparator is not None for s in stated_limits.written_statements(corpus[opened:end])):
        return None  # an item before it, or the measure itself, holds a limit of its own
    # the item before it, up to the comma that closes it, holding a finding of its own ("Positive ANA, or C3 <
    # 0.9 g/L"; "Abnormal ALT or AST, or total bilirubin > 2 mg/dL", whose "ALT or AST" is an enumeration of its
    # own): it is closed by its finding, and the limit is the measure's. A test without one after a finding
    # that opens the list ("AST" of "Elevated ALT, AST, or ALP ≥ 3") shares the list's limit.
    items = [item for item in _LIST_ITEM_SEPARATOR.split(corpus[opened:start]) if item.strip()]
    if tests and items and quantities.FINDING.search(items[-1]):
        return None
    said = "the laboratory limit after the tests" if tests else "the time limit after the enumeration"
    return f"{words!r} goes on naming it: {said} is said of each item"


def _lab_test(words: str) -> bool:
    """Whether words end in a laboratory test's name ("AST, or", "(ALT),", "serum creatinine")."""
    parts = re.sub(r"(?:\s+(?:and/or|and|or))+\s*$", "", words).split()
    return bool(parts) and parts[-1].strip("(),;:.").lower() in quantities.LAB_TESTS


def _test_before(corpus: str, start: int) -> str | None:
    """The words ending the item before a measure that is a laboratory test ("AST, or" of "ALT, AST, or
    ALP"), where the item is a test too: item_before reads only words that name something, and an
    abbreviation ("AST") is none of them."""
    m = re.search(r"(\S+,(?:\s+(?:and/or|and|or))?)\s*$", corpus[max(0, start - 60) : start])
    return m.group(1) if m is not None and _lab_test(m.group(1)) else None


def placed(
    ctx: Context, path: Path_, ref: dict, found: tuple[Path_, str], quotes: list[str], bare: list[str]
) -> Problem | None:
    """E513 when a quote does not lie in the criterion ref names (a leading "3)" label must be its
    number); else None, with the quotes, their labels taken off, put in bare."""
    where, corpus = found
    named = fields.criterion_name(ref)
    for quote in quotes:
        label = quantities.CRITERION_LABEL.match(quote)
        if label and int(label.group("number")) != ref["number"]:
            return ctx.problem(
                path + ("criterion", "number"),
                "E513",
                f"{fields.dotted(path)}: its quote is labelled {label.group(0).strip()} but names {named}",
            )
        text = quote[label.end() :] if label else quote
        if text not in corpus:
            return ctx.problem(
                path + ("criterion",),
                "E513",
                f"{fields.dotted(path)}: the quote {quoted([quote])} is not in {named} ({fields.dotted(where)})",
            )
        bare.append(text)
    return None


def _own_condition(
    ctx: Context, path: Path_, t: dict, corpus: str, at: int, layout: tuple[scopes.Span, ...]
) -> Iterator[Problem]:
    """E518 when the threshold's conditions are not the ones that govern its limit. A condition
    governs the limits that follow it until the next condition ("If the subject is receiving
    steroids: ... 30mg/day ... If ... antimalarial drugs: ... 12 weeks"), so one copied from the
    neighbouring threshold's says when another limit applies: the condition the record gives the
    criterion's thresholds nearest before the limit must be among its own, and no other condition
    ("if ...") may start between its own nearest one and the limit; nor may a nearer clause stand for
    the "if" that governs it ("During the screening period," for "If the subject is receiving steroids,
    ..."). A condition after the limit (an exception: "There is no minimum daily dose ... when ...") may
    be held as well."""
    own = {normalise(c) for c in t["conditions"]}
    before = _before(ctx, t, corpus, at, layout)
    if not before:
        return
    named = fields.criterion_name(t["criterion"])
    nearest = before[-1][1]
    if nearest not in own:
        yield ctx.problem(
            path + ("conditions",),
            "E518",
            f"{fields.dotted(path)}.conditions: {named} states {quoted([nearest], 70)} nearest before this "
            "limit; the threshold's conditions leave it out (a condition governs the limits after it)",
        )
        return
    later = scopes.CONDITION_START.search(corpus, before[-1][0] + len(nearest), at)
    if later is not None:
        yield ctx.problem(
            path + ("conditions",),
            "E518",
            f"{fields.dotted(path)}.conditions: another condition starts between the threshold's own and "
            f"its limit in {named} ({quoted([corpus[later.start() :]], 61)})",
        )
        return
    # ... nor may a nearer clause it holds stand for the "if" before it that governs the limit ("During
    # the screening period," for "If the subject is receiving steroids, the following conditions must be
    # met:"): the nearest the record gives the criterion's thresholds that opens one, with no other "if"
    # between it and the limit, is its own too
    governing = [(start, c) for start, c in before if scopes.CONDITION_START.search(c)]
    if governing and governing[-1][1] not in own:
        start, condition = governing[-1]
        if scopes.CONDITION_START.search(corpus, start + len(condition), at) is None:
            yield ctx.problem(
                path + ("conditions",),
                "E518",
                f"{fields.dotted(path)}.conditions: {named} states {quoted([condition], 70)} before this limit, "
                "with no other condition between; the threshold's conditions leave it out for a nearer clause "
                "(an 'if' governs the limits after it)",
            )


def _before(ctx: Context, t: dict, corpus: str, at: int, layout: tuple[scopes.Span, ...]) -> list[tuple[int, str]]:
    """(where, condition) of the conditions the record gives the criterion's thresholds that stand
    before the limit at position at, in its own item or an item above it (one in an item beside it
    is that item's), in order."""
    limits = _limits(ctx, corpus)
    return sorted(
        (start, c)
        for c in ctx.conditions(t["criterion"])
        if 0 <= (start := corpus.find(c)) < at
        and scopes.above(layout, start, at)
        and not scopes.of_another_limit(corpus, start, start + len(c), at, limits)
    )


def _limits(ctx: Context, corpus: str) -> tuple[tuple[int, int], ...]:
    """Where the criterion's text states a limit (a comparator and a number): what a condition in its
    sentence belongs to (scopes.of_another_limit)."""
    return tuple((s.start, s.end) for s in ctx.reader.statements(corpus) if s.comparator is not None)


def _permission_after(ctx: Context, where: Path_) -> tuple[Path_, str, tuple[int, int]] | None:
    """The criterion right after the one at where in its list, where it opens with a permission of the patients
    a limit would keep out (scopes.permission_in): its path, its text and where the permission stands."""
    nxt = ctx.next_criterion(where)
    if nxt is None:
        return None
    span = scopes.permission_in(nxt[1], _limits(ctx, nxt[1]))
    return None if span is None else (nxt[0], nxt[1], span)


def _permission_after_a_run(ctx: Context, where: Path_) -> tuple[Path_, str, tuple[int, int]] | None:
    """The criterion after the one at where, past one or more criteria right after it that each state a limit and
    open with no permission ("1. Total bilirubin > 2 mg/dL" "2. ALT > 3 ×ULN" "3. Patients with Gilbert's syndrome
    are eligible."), where it opens with a permission of the patients a limit would keep out (scopes.permission_in):
    its path, its text and where the permission stands; None where the criterion right after it is not such a
    run's (_permission_after reads that one)."""
    nxt = ctx.next_criterion(where)
    run = 0
    while nxt is not None:
        limits = _limits(ctx, nxt[1])
        span = scopes.permission_in(nxt[1], limits)
        if span is not None:
            return (nxt[0], nxt[1], span) if run else None
        if not limits:
            return None
        run += 1
        nxt = ctx.next_criterion(nxt[0])
    return None


def _holds_permission(condition: str, after: tuple[Path_, str, tuple[int, int]]) -> bool:
    """Whether the condition (normalised) is words of the next criterion's permission (_permission_after), whole
    clauses of it, that let in patients as they stand there."""
    _, text, (lo, hi) = after
    at = text.find(condition)
    return (
        0 <= at < hi
        and lo < at + len(condition)
        and scopes.lets_in_after(condition, ".")
        and scopes.whole_clause(text, condition)
        and scopes.clause_start(text, condition)
    )


def _permission_left_out(
    ctx: Context, path: Path_, t: dict, read: tuple[str, int], after: tuple[Path_, str, tuple[int, int]]
) -> Iterator[Problem]:
    """E524 when the criterion right after the threshold's in its list opens with a permission of the patients
    its limit would keep out ("1. Total bilirubin > 2 mg/dL" "2. Patients with Gilbert's syndrome are
    eligible."), its limit the last its criterion states, and the threshold holds none of it: the limit keeps
    none of them out, as with the permission after its semicolon or in the next sentence of its item
    (scopes.required). E518 when the threshold holds it but another limit of its criterion stands after its own:
    the permission is that limit's."""
    corpus, at = read
    held = [c for c in map(normalise, t.get("conditions", [])) if c not in corpus and _holds_permission(c, after)]
    later = any(lo > at for lo, _ in _limits(ctx, corpus))
    named = fields.criterion_name(t["criterion"])
    _, text, (lo, hi) = after
    if held and later:
        yield ctx.problem(
            path + ("conditions",),
            "E518",
            f"{fields.dotted(path)}.conditions: {quoted(held, 61)} stands in the criterion after {named}, after "
            "another limit of it than this one: it is that limit's",
        )
    elif not held and not later:
        yield ctx.problem(
            path + ("conditions",),
            "E524",
            f"{fields.dotted(path)}: the criterion right after {named} in its list lets in patients this limit "
            f"would keep out ({quoted([text[lo:hi]], 61)}); the threshold's conditions leave it out (the limit would "
            "read as applying to all)",
        )


def _holds(corpus: str, condition: str, at: int) -> bool:
    """Whether the limit stated at `at` stands inside the condition wherever the criterion writes it."""
    starts = [m.start() for m in re.finditer(re.escape(condition), corpus)] if condition else []
    return bool(starts) and all(start <= at < start + len(condition) for start in starts)


def _conditions_in_scope(
    ctx: Context,
    path: Path_,
    t: dict,
    read: tuple[str, tuple[scopes.Span, ...]],
    limit: tuple[int, int],
    bare: list[str],
) -> Iterator[Problem]:
    """E518 when the threshold holds a condition that cannot govern its limit where the two stand in
    the criterion (scopes.py: one a later condition ends, one of another item, one after the limit
    that is neither its sentence's trailing clause nor an exception naming its side); E524 when it
    leaves out what of the criterion governs its limit whatever the record's other thresholds hold
    (scopes.required: an "if" of its sentence, the heading of its sub-list unless quoted for its
    measure, an exception after it that lifts its side, "There is no minimum daily dose requirement
    ... when used in combination with immunosuppressants", and of an inclusion limit the alternative it is
    one of, from its "or": "SLEDAI-2K ≥ 6 or BILAG A score in at least 1 organ system", where a patient who
    meets the other is let in): without it the limit reads as applying to all. limit: where the criterion
    states the limit (start, end)."""
    given = ctx.conditions(t["criterion"])
    corpus, layout = read
    at = limit[0]
    measure = normalise(t["measure"])
    inclusion = t["criterion"]["list"] == "INCLUSION"
    named = fields.criterion_name(t["criterion"])
    own = [normalise(c) for c in t.get("conditions", [])]
    limits = _limits(ctx, corpus)
    other = None  # the alternative an inclusion limit is one of, read once for the conditions and the needs
    if inclusion:  # (the measure's place: nearest before the limit, else after it)
        lo = corpus.rfind(measure, 0, at)
        lo = lo if lo >= 0 else corpus.find(measure, at)
        other = scopes.alternative(corpus, limit, (lo, lo + len(measure)))
    for i, condition in enumerate(own):
        if _holds(corpus, condition, at):
            # the limit's own words are no condition of it ("Weight ≥ 40 kg" for Weight ≥ 40 kg): they
            # read as a condition no patient is asked to meet first
            yield ctx.problem(
                path + ("conditions", i),
                "E518",
                f"{fields.dotted(path)}.conditions.{i}: {quoted([condition], 61)} holds this limit itself; "
                "a condition says when the limit applies, in words before it or an exception after it",
            )
            return
        others = [c for c in given if c != condition]
        if inclusion and scopes.alternative_before(corpus, condition, measure):
            continue  # the alternative right before its "or" and the limit's measure (scopes.alternative)
        if other is not None and scopes.starts_alternative(corpus, condition, other):
            continue  # in the alternative the limit is one of, wherever it stands ("SLEDAI-2K ≥ 6; or BILAG A ≥ 1")
        if not scopes.governs(layout, corpus, condition, at, t["comparator"], others, limits):
            yield ctx.problem(
                path + ("conditions", i),
                "E518",
                f"{fields.dotted(path)}.conditions.{i}: {quoted([condition], 61)} cannot govern this limit where "
                f"{named} states it (it is another item's, another condition starts between, or it follows "
                "the limit's sentence without naming its side): it is another limit's condition",
            )
            return
    spans = [(c, p, p + len(c)) for c in own if (p := corpus.find(c)) >= 0]
    needs = list(scopes.required(layout, corpus, at, t["comparator"], limits, other, inclusion))
    for need in needs:
        held = [(c, start) for c, start, end in spans if start < need.end and need.start < end]
        if need.kind == "alternative":
            # (a condition holds the alternative from its start, or where it is a condition the limit's sentence
            # states for both alternatives, required of the limit too: "score ≥8 or score ≥6 ... if low complement
            # is present"; not words of the alternative's clause alone: "at screening" of "At least one of
            # SLEDAI-2K ≥ 6 and BILAG A ≥ 1 at screening" leaves BILAG A out)
            held = [
                (c, start)
                for c, start in held
                if start <= need.start
                or scopes.starts_alternative(corpus, c, need)
                or any(o.kind != "alternative" and start < o.end and o.start < start + len(c) for o in needs)
            ]
        if held:
            continue
        passage = corpus[need.start : need.end]
        if need.kind == "heading" and any(passage in q for q in bare):
            continue  # its measure is read from the heading it quotes ("Oral corticosteroids")
        said = {
            "clause": f"a condition in this limit's sentence ({quoted([corpus[need.start :]], 61)})",
            "heading": f"this limit under the heading {quoted([passage], 61)}",
            "exception": f"{quoted([passage], 61)} after this limit, as an exception to it",
            "part": f"this limit for {quoted([passage], 61)} only (a part of the trial or a group of its patients)",
            "alternative": f"this limit as one of alternatives ({quoted([passage], 61)}): a patient who meets the "
            "other is let in",
        }[need.kind]
        yield ctx.problem(
            path + ("conditions",),
            "E524",
            f"{fields.dotted(path)}: {named} states {said}; the threshold's conditions leave it out "
            "(the limit would read as applying to all)",
        )
        return


# words that join a limit to what it holds only together with: "CD4+ T lymphocytes <500/mm³ with a
# neutrophil count <1000/mm³" is no CD4 limit on its own
_JOINERS = r"(?:with|when|while|if|unless|provided|in combination with|combined with)"


_JOINED = lazy(r"\s*,?\s*" + _JOINERS + r"\b", re.I)  # right after the quote


_JOINED_BEFORE = lazy(r"\b" + _JOINERS + r"(?:\s+(?:a|an|the))?\s*\Z", re.I)  # right before it


_LIMIT_END = lazy(r"[0-9%³²)]\s*,?\s*\Z")  # a limit's number or unit, right before a joiner


def _condition_left_out(
    ctx: Context,
    path: Path_,
    t: dict,
    corpus: str,
    bare: list[str],
    stated: tuple[str, stated_limits.Statement],
    layout: tuple[scopes.Span, ...],
) -> Iterator[Problem]:
    """E524 when a threshold holds no condition but its criterion states one for its limit: a
    condition the record gives the criterion's other thresholds stands before the limit (it governs
    the limits after it, _own_condition) and the threshold's quotes hold none of those (a quoted
    sub-list heading, "Oral corticosteroids must meet the following requirements:", is where its
    measure is read from: it is held), or its own quote says "if" (the limit applies only then;
    looked at first, as the nearer and more telling), or its criterion goes on right after the quote
    or its limit with words that join the limit to another requirement ("with a neutrophil count
    <1000/mm³"; a quote that goes on through that requirement holds it, and the limit holds only with it).
    Without it the limit reads as applying to everyone: "CD20 antibodies < 6 months" for a limit
    stated only "if biological agents are used"."""
    quote, statement = stated
    start = corpus.find(quote)
    at = start + statement.start
    named = fields.criterion_name(t["criterion"])
    said = scopes.CONDITION_START.search(quote)
    if said is not None:
        yield ctx.problem(
            path + ("conditions",),
            "E524",
            f"{fields.dotted(path)}: its quote states a condition ({quoted([quote[said.start() :]], 61)}); "
            "the threshold has no conditions (give it the words that say when the limit applies)",
        )
        return
    # right after the quote or its limit, right before the quote or, where another limit stands just
    # before that, its measure: a quote that goes on past the joined requirement ("<500/mm³ with a
    # neutrophil count <1000/mm³") holds it, and the limit holds only with it all the same
    measure = corpus.rfind(normalise(t["measure"]), start, at)
    lead = _JOINED_BEFORE.search(corpus, max(0, measure - 40), measure) if measure > start else None
    # (not the next item's first word, which the criterion's text runs on into: "a. Total bilirubin > 2 mg/dL"
    # "b. Unless surgically sterile, women ...")
    # (nor a word that opens no condition there: ", when measured by CKD-EPI", "unless stated otherwise in the
    # protocol", scopes.names_no_condition)
    after = [_JOINED.match(corpus, start + len(quote)), _JOINED.match(corpus, start + statement.end)]
    joined = (
        next(
            (
                m
                for m in after
                if m is not None
                and scopes.above(layout, m.end() - 1, at)
                and not scopes.names_no_condition(corpus, m.end())
            ),
            None,
        )
        or _JOINED_BEFORE.search(corpus, max(0, start - 40), start)
        or (lead if lead and _LIMIT_END.search(corpus, 0, lead.start()) else None)
    )
    if joined is not None:
        yield ctx.problem(
            path + ("conditions",),
            "E524",
            f"{fields.dotted(path)}: {named} joins its quote to another requirement "
            f"({quoted([corpus[min(joined.start(), start) :]], 61)}): the limit holds only with that; "
            "the threshold has no conditions (give it those words)",
        )
        return
    before = _before(ctx, t, corpus, at, layout)
    if before and not any(c in q for _, c in before for q in bare):
        yield ctx.problem(
            path + ("conditions",),
            "E524",
            f"{fields.dotted(path)}: {named} states {quoted([before[-1][1]], 70)} before this limit, and it "
            "governs the limits after it; the threshold has no conditions (give it the one that governs it)",
        )


def _heads(item: dict, headings: list[str], stated: str) -> bool:
    """Whether an item whose own text holds a heading quote has beneath it an item whose own text
    holds the stated quote (texts normalised)."""
    subs = item.get("sub_criteria", [])
    own = normalise(item["text"])
    beneath = (t for sub in subs for t in fields.criterion_texts(sub))
    if any(h in own for h in headings) and any(stated in normalise(t) for t in beneath):
        return True
    return any(_heads(sub, headings, stated) for sub in subs)


def _measure_next_to(
    quote: str,
    s: stated_limits.Statement,
    measure: str,
    others: list[str],
    longer: list[str],
    stated: tuple[stated_limits.Statement, ...] = (),
    conditions: list[str] | tuple[str, ...] = (),
) -> list[int]:
    """Where the measure stands in the quote as the statement's: each occurrence with no other threshold's
    measure between it and the statement (none: the measure is not next to it).
    An occurrence inside another threshold's longer measure, or the parenthesis right after it, is that
    measure's ("Score ≥6 for SELENA-SLEDAI clinical symptoms" states no SELENA-SLEDAI ≥ 6, "Major surgery
    (including joint surgery) was performed within 24 weeks prior" no surgery's limit), unless the
    statement lies inside it too ("prednisone ≥100" is the measure of a time limit and holds the dose
    limit of "prednisone").

    A measure is also no statement's but its own where the quote's other limits (stated: all of its
    statements) show whose it is, though the record holds no threshold of what stands between:
    one written after the statement with a limit of its own right after it, in a few words of its
    clause ("≥3×ULN, or bilirubin >1.5×ULN" states no bilirubin ≥ 3×ULN; "proteinuria > 6 g/24h or
    serum creatinine > 2.5 mg/dL" no serum creatinine > 6 g/24h; "... prior to screening, or surgery is
    planned within 24 weeks after enrollment" no surgery's limit before screening), and one written
    before it with another limit between, after which, in the same sentence, words name another thing
    ("CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³" states no CD4+ T lymphocytes <
    1000; "Prednisone ≥7.5 mg/day, and ≤30 mg/day" does state a prednisone ≤ 30).

    And a measure in another sentence than the limit is that limit's only where it stands in one of
    the threshold's own conditions ("If the subject is receiving treatment with antimalarial drugs
    ...: ... Maintain a stable dose of medication for at least 8 weeks"): a whole item quoted states no
    limit of a measure another of its sentences names ("... antimalarial drugs ... Before the screening
    period, if biological agents ... are used, they need to be discontinued for at least 4 weeks" no
    antimalarial drugs' washout)."""
    held = [(c.start(), c.end()) for text in map(normalise, conditions) for c in re.finditer(re.escape(text), quote)]
    inside = [
        (o.start(), o.end() + (len(p.group()) if (p := _PARENTHESIS.match(quote, o.end())) else 0))
        for name in longer
        for o in re.finditer(re.escape(name), quote)
        if not (o.start() <= s.start < o.end())
    ]
    out = []
    for m in re.finditer(re.escape(measure), quote):
        if any(start <= m.start() and m.end() <= end for start, end in inside):
            continue
        gap = quote[m.end() : s.start] if m.end() <= s.start else quote[s.end : m.start()] if m.start() >= s.end else ""
        if any(o in gap for o in others) or _owned_elsewhere(quote, s, m, stated):
            continue
        if _SENTENCE_END.search(gap) and not any(a <= m.start() and m.end() <= b for a, b in held):
            continue
        out.append(m.start())
    return out


def _owned_elsewhere(
    quote: str, s: stated_limits.Statement, m: re.Match[str], stated: tuple[stated_limits.Statement, ...]
) -> bool:
    """Whether another statement of the quote owns this occurrence of the measure (_measure_next_to)."""

    if m.start() >= s.end:  # the measure after the limit: one with a limit right after it is that limit's
        following = [o.start for o in stated if o.start >= m.end()]
        gap = quote[m.end() : min(following)] if following else ""
        near = len(gap.split()) <= 4 or not phrases.names_something(gap)
        return bool(following) and near and not _SENTENCE_END.search(gap) and not _CLAUSE_MARK.search(gap)
    if m.end() <= s.start:  # before it: a limit between, then another thing named, is that thing's
        # or a parenthesis opened after it and still open at the limit, naming another thing: "IgA
        # deficiency was present during screening (serum IgA level < 10 mg/dL)" states no IgA deficiency
        # < 10 mg/dL ("Prednisone (or equivalent) ≥7.5 mg/day" closes its parenthesis before the limit)
        # ("Hemoglobin (without transfusion within 14 days ≥ 8 g/dL)": a parenthesis whose last clause
        # opens with a word that qualifies says on what terms the measure outside is taken, naming no
        # other thing the limit is of, unless it names one as someone's ("in patients with proteinuria")
        between = quote[m.end() : s.start]
        opened = between.rfind("(")
        inner = between[opened + 1 :]
        if opened > between.rfind(")") and phrases.names_something(inner) and not _qualifies(inner):
            return True
        last = max((o.end for o in stated if o.start >= m.end() and o.end <= s.start), default=None)
        gap = quote[last : s.start] if last is not None else ""
        return last is not None and phrases.names_something(gap) and not _SENTENCE_END.search(gap)
    return False


# the words that open a parenthesis's clause saying on what terms a measure is taken ("without transfusion",
# "at screening", "by ELISA", "calculated by the CKD-EPI formula", "excluding serological items"), and
# those after which its words name another thing, someone's ("in patients with proteinuria") or an
# analyte's value ("at screening serum IgA level")
_QUALIFYING = frozenset(
    "without at in during within after before since by per on off under from excluding except calculated "
    "measured assessed estimated determined tested using according".split()
)


# a parenthesis that opens by naming the measure outside in other terms ("Prednisone (or equivalent dose ≤
# 20 mg/day)"), not another measure ("C3 (or C4 < 10 mg/dL)")
_EQUIVALENT = lazy(r"(?i)or\s+(?:an?\s+|the\s+)?equivalent\b")


# the qualifying words that say when the measure is taken, and the words for a time their object may hold
_WHEN = frozenset("at during within after before since on off from until".split())


_TIME_WORDS = frozenset(
    "visit visits period periods time times point points phase phases stage biopsy biopsies".split()
)


_NAMING_ANOTHER = lazy(
    r"(?i)\b(?:with|having|whose|who|showing|defined|i\.e\.|e\.g\.|or|and|and/or|"
    r"levels?|counts?|titers?|titres?|values?|scores?|concentrations?)\b"
)


def _qualifies(words: str) -> bool:
    """Whether the last clause of words (a parenthesis's, before a limit) qualifies the measure before
    the parenthesis: it opens with "or equivalent" and names nothing after it but a dose ("or equivalent
    dose of methylprednisolone ≤ 16 mg/day" is methylprednisolone's), or it
    opens with a word of _QUALIFYING, names nothing as another's, and the words
    naming something right before the limit are the object of a qualifying or closed word, two at
    most ("the CKD-EPI formula", "serological items"): "at screening serum IgA" names serum IgA."""
    clause = re.split(r"[,;:]", words)[-1].split()
    equivalent = _EQUIVALENT.match(" ".join(clause))
    if equivalent is not None:  # the measure outside in other terms: its limit is the measure's too
        rest = " ".join(clause)[equivalent.end() :].split()
        return all(w.lower() in ("dose", "doses", "dosage") or not phrases.names_something(w) for w in rest)
    if not clause or clause[0].lower() not in _QUALIFYING or _NAMING_ANOTHER.search(" ".join(clause)):
        return False
    run: list[str] = []
    k = len(clause)
    for k in range(len(clause) - 1, -1, -1):
        token = clause[k]
        if token.lower() in _QUALIFYING or not phrases.names_something(token):
            if token.lower() in _QUALIFYING or phrases.closed_word(token):
                break
            continue  # a number or a unit ("14 days")
        run.append(token.lower())
    # the word the run is the object of, past closed words ("at the screening visit"): after one that
    # says when, the object is one word saying when, besides words for a time ("visit", "period"); a
    # word after it names the thing measured then ("at biopsy proteinuria": proteinuria)
    governing = next(
        (t.lower() for t in reversed(clause[: k + 1]) if not phrases.closed_word(t) or t.lower() in _WHEN), ""
    )
    if governing in _WHEN:
        # the words for a time end its object ("at renal biopsy"); one before another word does not ("at
        # biopsy proteinuria": proteinuria is measured then)
        timed = next((k for k, word in enumerate(run) if word.strip("()") not in _TIME_WORDS), len(run))
        return len(run) <= 1 + timed
    return len(run) <= 2


# between two limits: a mark or a conjunction that makes the second one a limit of its own, not of the first
_LIMITS_APART = lazy(r"[.,;:()]|\b(?:and/or|and|or)\b")


_SENTENCE_END = sentences.END  # and a list label's ("a. Hemoglobin"): the words go on elsewhere


_ENDED_INSIDE = lazy(r"[.;]\s+(?=\S)")  # a sentence's end inside a measure, words of the next after it


_CLAUSE_THEN_ARTICLE = lazy(r"(?i)(\S+,)\s+(?:the|a|an)\s")  # a clause's end, then a phrase's start


# The commas that close an enumeration's items, with the conjunction after the last ("ALT or AST, or"): an
# item may be an enumeration of its own, joined within by a conjunction alone.
_LIST_ITEM_SEPARATOR = lazy(r"(?i)\s*,\s*(?:(?:and/or|and|or)\b\s*)?")


_PLURAL_VALUES = frozenset("levels values counts titers titres concentrations".split())


_HAVING = lazy(r"(?i)\b(?:has|have|had|having)\b(?!\s+(?:been|be|to)\b)")  # what is had after it


_CLAUSE_MARK = lazy(r"[,;:()]")  # a mark between a measure and a limit after it: the limit is another's


_PARENTHESIS = lazy(r"\s*\([^()]*\)")  # right after a measure: its own words ("Major surgery (including ...)")


def _threshold_miss(ctx: Context, path: Path_, t: dict, said: list, cmp_ok: Callable, unit_ok: Callable) -> Problem:
    """Which part of the threshold the quote does not state, and what it does state."""
    value = t["value"]
    same = [(q, s) for q, s in said if quantities.same_number(s.value, value)]
    stated = "; ".join(s.says() for _, s in said if s.comparator or s.unit) or "no comparator, number and unit together"
    if any(unit_ok(q, s) for q, s in same):
        part = "comparator"
    elif any(cmp_ok(s) for _, s in same):
        part = "unit"
    else:
        part = "value"
    wanted = f"{t['comparator']} {stated_limits.number_text(value)} {t['unit']}"
    return ctx.problem(
        path + (part,),
        "E508",
        f"{fields.dotted(path)}: the quote does not state {wanted} (its {part} differs); it states {stated}",
    )
