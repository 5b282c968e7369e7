"""A dose bound to its quote (E508, E510, E512): a cohort's (`x-bind: cohort`: its value, unit and basis
together; its patients, its label and its arm the ones its words give it) and a lymphodepleting agent's
(`x-bind: agent_dose`: the number with its unit, a mass, written right after it). A number the words give
as a cap, a total or an end of a range is the dose only as a reading a curation note speaks of (E510), and
one they take back, bound from below, or give another trial, product, arm or subgroup is none."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Iterator
from typing import Any

from sle_trials import fields
from sle_trials.checks.binding import context
from sle_trials.checks.binding.context import Context, Path_, Walk
from sle_trials.patterns import lazy
from sle_trials.problem import Check, Problem, quoted
from sle_trials.reading import edges, not_dosed, retracted, sentences, vocabulary
from sle_trials.reading.layouts import PLAIN, normalise
from sle_trials.reading.lexicon import dosing, head_counts, quantities, stated_limits
from sle_trials.units import AGE_UNIT_DAYS, age_days

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check(
        "E508",
        "quantity-not-stated",
        (
            "a threshold, age, dose or count whose comparator, value, unit, basis or kind its quote "
            "does not state together, or a threshold its criterion does not ask patients to meet (its clause "
            "says it is not required, a wish, taken back, or, of an exclusion, allowed)"
        ),
    ),
)


# A per-kilogram basis written in a dose's unit ("CAR-T cells/kg", "cells per kg"): the unit is what is
# counted, and the basis says per kilogram
_PER_KG_IN_UNIT = lazy(r"(?i)(?:/\s*kg|\bper\s+(?:kg|kilogram)|\bkg\s*[-−]\s*1)(?![^\W_])")


def _of_another_arm(ctx: Context, path: Path_, quotes: list[str]) -> Iterator[Problem]:
    """E512: a cohort's quote that a plain document (which gives no arm its row) writes only in
    sentences naming another of the record's arms and not this one: "Arm B (high dose): patients
    receive 5×10^6 CAR-T cells/kg" bound arm A's dose, and "5×10^6 CAR-T cells/kg" cut from it too.
    A layout holds the quote to the arm's own row; a sentence naming no arm, or this one, may give it."""
    arms = ctx.record.data.get("arms", [])
    labels = [normalise(a.get("label", "")) if isinstance(a, dict) else "" for a in arms]
    own = labels[path[1]]
    others = [label for i, label in enumerate(labels) if i != path[1] and label and label not in own]
    if not own or not others:
        return
    named: str | None = None
    for doc in ctx.docs:
        if doc.layout != PLAIN:
            continue
        for quote in quotes:
            for m in re.finditer(re.escape(quote), doc.text):
                lo, hi = sentences.around(doc.text, m.start(), m.end())
                # (the arm whose label heads the words of the dose, nearest before it in its sentence: "- Arm
                # A: 3×10^6 CAR-T cells/kg - Arm B: 1×10^6 CAR-T cells/kg", a list's items read as one line, or
                # "Arm A receives 3×10^6 ... and Arm B receives 1×10^6 ..." gave arm A either dose)
                heading = _arm_heading(doc.text, lo, m.start(), [own, *others])
                # (or the arm "respectively" pairs its number with, in order: "Arm A and Arm B receive 1×10^6
                # CAR-T cells/kg and 3×10^6 CAR-T cells/kg, respectively" gives arm A 1×10^6, though "Arm B
                # receive" heads it)
                paired = {
                    label
                    for label, r in dosing.respective_labels(doc.text[lo:hi], [own, *others])
                    if m.start() <= lo + r.number.start < m.end()
                }
                if own in paired or (heading == own and not paired):
                    return
                if paired:
                    named = named or min(paired)
                    continue
                sentence = doc.text[lo:hi]
                other = heading or next((label for label in others if label in sentence), None)
                if (heading is None and own in sentence) or other is None:
                    return
                named = named or other
    if named is not None:
        yield ctx.problem(
            path,
            "E512",
            f"{fields.dotted(path)}: its quote stands only in words on another arm ({named!r}), not on "
            f"{arms[path[1]]['label']!r} {quoted(quotes)}; quote this arm's dose",
        )


# The words after an arm's label that make it the heading of the dose after it: a colon, a bar, a dash or
# a bracket ("Arm A: ...", "Arm A | ...", "Arm A (low dose) - ..."), or a verb of receiving ("Arm A
# receives ...", "Arm A patients receive ...", "Arm A is given ..."); not a likeness ("like Arm B,")
_HEADS_A_DOSE = lazy(
    r"(?i)\s*(?:[:|\t(\u2013\u2014]|-\s|(?:(?:patients|participants|subjects)\s+)?(?:receives?|will\s+receive|"
    r"(?:is|are)\s+given|gets?|get)\b)"
)


def _arm_heading(text: str, lo: int, at: int, labels: list[str]) -> str | None:
    """The label of the arm that heads the words before text[at] in text[lo:at] (_HEADS_A_DOSE): of the
    labels written there so, the last; None where none is."""
    best: tuple[int, str] | None = None
    for label in labels:
        for m in re.finditer(re.escape(label), text[lo:at]):
            start = lo + m.start()
            if _HEADS_A_DOSE.match(text, lo + m.end()) and (best is None or start > best[0]):
                best = (start, label)
    return best[1] if best else None


def bind_cohort(
    ctx: Context, path: Path_, cohort: dict, node: dict, quotes: list[str], walk: Walk
) -> Iterator[Problem]:
    dose = cohort["dose"]
    yield from _of_another_arm(ctx, path, quotes)
    texts = ctx.together(path, quotes)
    others = _others_respectively(ctx, path)  # (a number "respectively" gives another arm or cohort)
    found = [
        (q, _limited_where_stated(ctx, path, q, d))
        for q in texts
        for d in ctx.reader.doses(q)
        if quantities.same_number(d.value, dose["value"])
        and not _cohort_dose_taken_back(ctx, path, q, d.start, _dose_words_end(q, d, dose["unit"]))
        and not context.taken_back_where_stated(ctx, path, q, d.start, d.end, reading=_no_dose_there)
        and not context.taken_back_where_stated(ctx, path, q, d.start, d.end, reading=others)
    ]
    with_unit = [(q, d) for q, d in found if dosing.unit_follows(q, d.unit_at, dose["unit"])]
    basis = [(q, d) for q, d in with_unit if d.basis == dose["basis"]]
    here = path + ("dose",)
    if dose.get("basis") == "PER_KG" and _PER_KG_IN_UNIT.search(dose["unit"]):
        # its words' "/kg" bound the basis and stood in the unit too: trials.csv read the dose per kilogram
        # twice ("1×10^6 CAR-T cells/kg/kg")
        yield ctx.problem(
            here + ("unit",),
            "E508",
            f"{fields.dotted(here)}.unit: {dose['unit']!r} writes the per-kilogram basis the basis PER_KG holds; "
            'the unit is what is counted ("CAR-T cells")',
        )
    if not found:
        yield ctx.problem(
            here + ("value",),
            "E508",
            f"{fields.dotted(here)}: the quote states no dose of "
            f"{stated_limits.number_text(dose['value'])} {quoted(quotes)}",
        )
    elif not with_unit:
        yield ctx.problem(
            here + ("unit",),
            "E508",
            f"{fields.dotted(here)}: the quote does not write {dose['unit']!r} with the dose {quoted(quotes)}",
        )
    else:
        if not basis:
            yield ctx.problem(
                here + ("basis",),
                "E508",
                f"{fields.dotted(here)}.basis: the quote gives the dose {with_unit[0][1].basis}, "
                f"not {dose['basis']} {quoted(quotes)}",
            )
        else:
            # a dose its words state only by a reading: a flat basis no word gives, or a number they
            # give as a cap or as an end of a range ("maximum total dose 1×10^8", "0.5-1×10^6")
            unnoted = [
                [
                    (key, why)
                    for key, why in (("value", d.limit), ("basis", d.reading))
                    if why and not ctx.noted(here + (key,), why)
                ]
                for _, d in basis
            ]
            if all(unnoted):
                key, why = unnoted[0][0]
                yield ctx.problem(
                    here + (key,),
                    "E510",
                    f"{fields.dotted(here)}{'.basis' if key == 'basis' else ''}: {why}; say so in a curation "
                    f"note (field: {fields.dotted(path)} or a field above it)",
                )
    if "patients" in cohort:
        # the patients the dose is given to: those named in the clause of its words ("1×10^6/kg for
        # patients 1 to 3, and 1×10^8 for patient 4 to 6") where that clause names any, else by a
        # text that states the dose (a quote, or quotes the source gives one after the other), never
        # by a quote of another cohort's patients beside it
        dosed = {q for q, _ in with_unit or found} or set(texts)
        wanted = (cohort["patients"]["first"], cohort["patients"]["last"])
        ranges = [
            r
            for q, d in basis or with_unit or found
            for r in head_counts.patient_ranges(q, *stated_limits.clause(q, d.start, d.end))
        ] or [r for q in texts if q in dosed for r in head_counts.patient_ranges(q)]
        if wanted not in ranges:
            named = ", ".join(f"patients {a}-{b}" for a, b in ranges) or "no patients"
            yield ctx.problem(
                path + ("patients",),
                "E508",
                f"{fields.dotted(path)}.patients: the quote that states its dose names {named}, "
                f"not patients {wanted[0]}-{wanted[1]} {quoted(quotes)}",
            )
    if "label" in cohort:
        yield from _cohort_label(ctx, path, cohort, basis or with_unit or found)
    yield from walk(ctx, path, cohort, node, quotes, skip=("dose", "patients"))


def _others_respectively(ctx: Context, path: Path_) -> Callable[[str, int, int], bool]:
    """A reading of whether "respectively" pairs the number at text[start:end] with another arm's or
    cohort's label than the cohort's at path (its arm's or its own), in order (dosing.respective_labels):
    "Arm A and Arm B receive 1×10^6 and 3×10^6 CAR-T cells/kg, respectively" bound arm A's dose of 3×10^6.
    Another label is the record's other arms' and cohorts', or any (a part's noun and its designator, "Arm
    B") where the sentence pairs one of this cohort's labels too."""
    arms = ctx.record.data.get("arms", [])
    labels = [
        normalise(str(item["label"]))
        for arm in arms
        if isinstance(arm, dict)
        for item in (arm, *(c for c in arm.get("cohorts", []) if isinstance(c, dict)))
        if item.get("label")
    ]
    arm = arms[path[1]]
    cohort = arm.get("cohorts", [])[path[3]]
    own = {normalise(str(x["label"])).casefold() for x in (arm, cohort) if isinstance(x, dict) and x.get("label")}
    others = {label.casefold() for label in labels} - own

    def reading(text: str, start: int, end: int) -> bool:
        pairs = [(label.casefold(), r) for label, r in dosing.respective_labels(text, labels)]
        paired = next((label for label, r in pairs if r.number.start == start), None)
        if paired is None or paired in own:
            return False
        return paired in others or any(label in own for label, _ in pairs)

    return reading


def _dose_words_end(quote: str, dose: dosing.Dose, unit: str) -> int:
    """Where the words of a cohort's dose end in the quote: past its unit, where the quote writes the
    record's unit after the number, and a per-kilogram basis after it ("1×10^6 CAR-T cells/kg"); else
    at the number's (or its "/kg"'s) end. The words a source takes a dose back by follow its unit:
    "1×10^6 CAR-T cells/kg is not used" was read from "CAR-T cells/kg is not used", and the dose bound."""
    if not dosing.unit_follows(quote, dose.unit_at, unit):
        return dose.end
    at = dose.unit_at + len(quote[dose.unit_at :]) - len(quote[dose.unit_at :].lstrip()) + len(quantities.nfkc(unit))
    per_kg = _PER_KG_AFTER.match(quote, at)
    return per_kg.end() if per_kg else at


_PER_KG_AFTER = lazy(r"(?i)\s*(?:/\s*kg|per\s+kg|per\s+kilogram|/kilogram)(?![^\W_])(?:\s+(?:of\s+)?body\s*weight)?")


def _no_dose_there(text: str, start: int, end: int) -> bool:
    """Whether the words around the number at text[start:end] make it no dose: a bound from below ("at
    least 1×10^6"), a part or a tolerance of another dose ("half of", "± 0.5×10^6")."""
    return dosing.dose_floor(text, start, end) or dosing.part_of(text, start)


def _limited_where_stated(ctx: Context, path: Path_, quote: str, dose: dosing.Dose) -> dosing.Dose:
    """The dose, its limit read in the words of its sentence the quote leaves out too: "1×10^6 CAR-T
    cells/kg" cut from "no more than 1×10^6 CAR-T cells/kg", or from "1×10^5 to 1×10^6 ...", is a cap
    or an end of a range where every place the sources give the quote reads it so, as the quote with
    those words is (dosing.dose_limit)."""
    if dose.limit is not None:
        return dose
    limit = _reading_where_stated(ctx, path, quote, dose.start, dose.end, dosing.dose_limit)
    return dataclasses.replace(dose, limit=limit) if limit else dose


def _reading_where_stated(
    ctx: Context, path: Path_, quote: str, start: int, end: int, reading: Callable[[str, int, int], str | None]
) -> str | None:
    """What reading makes of the value at quote[start:end] at every place the cited sources give the
    quote, where they state the field at path (its first, if all read it so; None if one does not);
    of the quote alone where no source states it there."""
    first: str | None = None
    seen = False
    for text, at, _, _ in context.quoted_sentences(ctx, path, quote):
        seen = True
        said = reading(text, at + start, at + end)
        if said is None:
            return None
        first = first or said
    return first if seen else reading(quote, start, end)


def _dose_taken_back(ctx: Context, path: Path_, quote: str, start: int, end: int) -> bool:
    """Whether the sources take back the cohort's or the agent's dose at quote[start:end], or the whole
    statement the quote is: "1×10^6 CAR-T cells/kg for patients 1 to 3 (cancelled)", "Cohort 1
    (cancelled): ...", "formerly 1×10^6 ...", a struck-out "~~...~~", "fludarabine 30 mg/m²/day
    (withdrawn)" each bound a dose the source withdraws."""
    own = _names_of_the_trial(ctx.record.data)

    def reading(text: str, start: int, end: int) -> bool:
        return _planned_or_taken_back(text, start, end) or not_dosed.named_elsewhere(text, start, end, own)

    return context.taken_back_where_stated(ctx, path, quote, start, end, whole=True, reading=reading)


def _names_of_the_trial(data: dict) -> frozenset[str]:
    """The names (upper case, not_dosed.names_in) the record's trial goes by: the words of its id, its
    titles, its acronym and its product's name ("in the IM19 trial" is IM19's)."""
    product = data.get("cell_product")
    said = [data.get(k) for k in ("nct_id", "brief_title", "official_title", "acronym")]
    said.append(product.get("name") if isinstance(product, dict) else None)
    return not_dosed.names_in(" ".join(s for s in said if isinstance(s, str)))


def _planned_or_taken_back(text: str, start: int, end: int) -> bool:
    """retracted.taken_back of a value that has no estimate of its own: a dose the words after it say is
    only planned ("1×10^6 CAR-T cells/kg (proposed)") is taken back as one withdrawn is; and so is
    one its clause gives another study ("... in the previous study", not_dosed.elsewhere; one it names,
    "in the CARTITUDE trial", _dose_taken_back reads by the trial's names)."""
    return (
        retracted.taken_back(text, start, end, planned=True)
        or not_dosed.elsewhere(text, start, end)
        or not_dosed.not_given(text, start, end)
    )


def _cohort_dose_taken_back(ctx: Context, path: Path_, quote: str, start: int, end: int) -> bool:
    """_dose_taken_back of a cohort's dose, and a number of cells the words around it say no patient
    receives, made, collected or required ("must be manufactured", "for release": not_dosed.made), or
    give another product they name ("Yescarta is dosed at 1×10^6 CAR-T cells/kg": not_dosed.of_another_product,
    by the names of the trial's product, interventions, arms and cohorts)."""
    own = _names_of_the_trial(ctx.record.data) | _names_of_the_trials_parts(ctx.record.data)

    def another_product(text: str, start: int, end: int) -> bool:
        return not_dosed.of_another_product(text, start, end, own)

    return (
        _dose_taken_back(ctx, path, quote, start, end)
        or context.taken_back_where_stated(ctx, path, quote, start, end, reading=not_dosed.made)
        or context.taken_back_where_stated(ctx, path, quote, start, end, reading=another_product)
    )


def _names_of_the_trials_parts(data: dict) -> frozenset[str]:
    """The names (upper case, not_dosed.names_in) the record gives what its trial gives and its parts: its
    interventions' names, its lymphodepleting agents, its arms' and their cohorts' labels ("Arm A is dosed at ..."
    is the trial's)."""
    said: list[object] = [i.get("name") for i in data.get("interventions") or [] if isinstance(i, dict)]
    lymphodepletion = data.get("lymphodepletion")
    if isinstance(lymphodepletion, dict):  # (its agents: "Fludarabine 30 mg/m2/day" names the trial's own)
        said += [a.get("agent") for a in lymphodepletion.get("agents") or [] if isinstance(a, dict)]
    for arm in data.get("arms") or []:
        if isinstance(arm, dict):
            said.append(arm.get("label"))
            said += [c.get("label") for c in arm.get("cohorts") or [] if isinstance(c, dict)]
    return not_dosed.names_in(" ".join(s for s in said if isinstance(s, str)))


def _cohort_label(ctx: Context, path: Path_, cohort: dict, dosed: list[tuple[str, dosing.Dose]]) -> Iterator[Problem]:
    """A cohort's label is the one the words of its dose give it: of the arm's cohorts' labels written
    in a text that states the dose, the nearest before the dose where that text writes its labels
    before their doses ("Dose level 1: 1×10^6 ... Dose level 2: 3×10^6"), else the nearest after it
    ("1×10^6 ... (Dose level 1), 3×10^6 ... (Dose level 2)"), with no other cohort's dose between."""
    if not dosed:
        return  # no text states the dose (E508 above)
    arm = ctx.record.data["arms"][path[1]]
    own = normalise(cohort["label"])
    unit = normalise(cohort["dose"]["unit"])
    labels = {normalise(c["label"]) for c in arm.get("cohorts", []) if "label" in c} | {own}
    doses = [c["dose"]["value"] for i, c in enumerate(arm.get("cohorts", [])) if i != path[3] and "dose" in c]
    named: list[str] = []
    for quote, dose in dosed:
        # the labels and the doses the text writes, in its order: a label (its text), another
        # cohort's dose (None), this dose ("")
        marks: list[tuple[int, str | None]] = sorted(
            # (a label running on into this dose's words, "Dose level 2: 3×10^6 CAR-T cells/kg", or back
            # from them, "CAR-T cells/kg (Dose level 1)", is no label written beside it: the dose's own
            # words, not the label the source gives them)
            [
                (at, label)
                for at, label in _labels_written(quote, labels)
                if not (at < max(dose.end, dose.unit_at + len(unit)) and dose.start < at + len(label or ""))
            ]
            + [
                (d.start, None)
                for d in ctx.reader.doses(quote)
                if d.start != dose.start and any(quantities.same_number(d.value, v) for v in doses)
            ]
            + [(dose.start, "")],
            key=lambda m: m[0],
        )
        here = marks.index((dose.start, ""))
        labels_first = bool(marks[0][1])  # the text names a cohort before it doses one
        side = reversed(marks[:here]) if labels_first else iter(marks[here + 1 :])
        given = next((label for _, label in side), None)  # the nearest mark: a label, or another dose
        if given == own:
            return
        if given:
            named.append(given)
    shown = ", ".join(repr(n) for n in dict.fromkeys(named)) or "no label"
    yield ctx.problem(
        path + ("label",),
        "E508",
        f"{fields.dotted(path)}.label: the words that state its dose give it {shown}, not {cohort['label']!r} "
        f"{quoted([q for q, _ in dosed])}",
    )


# A cohort's designator right after a label's words ("Dose level 2:", "Cohort A (", "Part II,"): the label
# the source writes there is the longer one, and the words before the designator stand there cut short
_DESIGNATOR_AFTER = lazy(r"\s+(?:[0-9]+[a-z]?|[A-Z]|[IVX]+)(?![^\W_])(?=\s*(?:[:;,)\](\u2013-]|$))")


def _labels_written(quote: str, labels: set[str]) -> list[tuple[int, str | None]]:
    """Where the quote writes each of labels, as (start, label): only where it stands whole (not "Dose
    level 1" in "Dose level 10", nor "Cohort A" in "Cohort AB"), not cut before a designator of its own
    ("Dose level" of "Dose level 2:", which passed as cohort 2's label) and inside no longer label's place
    ("Dose level 1" of "Dose level 1 (low)"), so no two labels stand at one place. Both stood there,
    in the order of the set of labels, the hash seed's: the nearest label before a dose was either,
    and a record whose labels were right failed E508 under one seed and passed under another."""
    found = [
        (m.start(), m.end(), label)
        for label in labels
        for m in re.finditer(re.escape(label), quote)
        if edges.cut_at(quote, m.start(), m.end()) is None and not _DESIGNATOR_AFTER.match(quote, m.end())
    ]
    return [
        (start, label)
        for start, end, label in found
        if not any(s <= start and end <= e and e - s > end - start for s, e, _ in found)
    ]


# What a lymphodepleting agent's dose unit opens with: a mass ("mg/m2/day", "g/m²", "µg/kg", "milligrams")
_MASS_UNIT = lazy(r"(?i)(?:mg|g|µg|μg|mcg|ug|milligrams?|grams?|micrograms?)(?![a-z])")
# The lexicon's units that measure no dose, by their dimension: what an agent's unit of them is
_NO_DOSE = {"time": "a length of time", "score": "a score"}


def bind_agent_dose(
    ctx: Context, path: Path_, agent: dict, node: dict, quotes: list[str], walk: Walk
) -> Iterator[Problem]:
    """A lymphodepleting agent's dose: a number of the quote with the unit written right after it, whole,
    not any number the quote holds ("fludarabine 30 mg/m2/day for 3 days" states no dose of 3
    mg/m2/day, nor one of 30 days, nor one of 30 mg/m2)."""
    if "dose" in agent:
        here = path + ("dose",)
        texts = ctx.together(path, quotes)
        vocab = _agents_vocabulary(ctx, node)
        held = fields.get(ctx.record.data, path)[1]  # (the whole item: a quote of its dose reads its dose alone)
        term = held.get("agent") if isinstance(held, dict) else None
        ages = _ages_in_years(ctx.record.data.get("eligibility", {}))

        def subgroup(text: str, start: int, end: int) -> bool:
            return not_dosed.for_a_subgroup(text, start, end, ages)

        own = _names_of_the_trial(ctx.record.data) | _names_of_the_trials_parts(ctx.record.data)

        def another_regimen(text: str, start: int, end: int) -> bool:
            return not_dosed.regimen_of_another_product(text, start, end, own)

        found = [
            (q, n, unit_at)
            for q in texts
            for n, unit_at in _doses_of(vocab, q, term)
            if quantities.same_number(n.value, agent["dose"])
            and not quantities.is_label(q, n)
            and not context.taken_back_where_stated(ctx, path, q, n.start, n.end, reading=_no_dose_there)
            and not _dose_taken_back(ctx, path, q, n.start, _agent_words_end(q, unit_at, agent.get("unit")))
            # (another product's regimen: "Yescarta's conditioning uses fludarabine 25 mg/m2/day")
            and not context.taken_back_where_stated(
                ctx, path, q, n.start, _agent_words_end(q, unit_at, agent.get("unit")), reading=another_regimen
            )
            # (a subgroup's: "(in patients over 65 years: 20 mg/m2/day)" bound the regimen's dose of 20)
            and not context.taken_back_where_stated(
                ctx, path, q, n.start, _agent_words_end(q, unit_at, agent.get("unit")), reading=subgroup
            )
        ]
        if not found:
            yield ctx.problem(
                here,
                "E508",
                f"{fields.dotted(here)}: the quote states no dose of "
                f"{stated_limits.number_text(agent['dose'])} {quoted(quotes)}",
            )
        elif "unit" in agent and not any(dosing.whole_unit(q, at, agent["unit"]) for q, _, at in found):
            yield ctx.problem(
                path + ("unit",),
                "E508",
                f"{fields.dotted(here)}: the quote does not write {agent['unit']!r} with the dose {quoted(quotes)}",
            )
        elif (named := quantities.unit_named(agent.get("unit", ""))) is not None and named.dimension in _NO_DOSE:
            # "cyclophosphamide 500 mg/m²/day for 3 days" given a dose of 3 days: the number with its unit
            # written right after it, and so bound, though a length of time (or a score) is no dose
            yield ctx.problem(
                path + ("unit",),
                "E508",
                f"{fields.dotted(path)}.unit: {agent['unit']!r} is {_NO_DOSE[named.dimension]}, no dose "
                f"{quoted(quotes)}",
            )
        elif "unit" in agent and not _MASS_UNIT.match(quantities.nfkc(agent["unit"])):
            # "fludarabine 30 mg/m2/day on days -5 to -3" given a dose of 5 "to -3", "on day -3 at 30
            # mg/m2/day" one of 3 "at 30 mg/m2/day": the number with the words after it, and so bound,
            # though no unit of a dose
            yield ctx.problem(
                path + ("unit",),
                "E508",
                f"{fields.dotted(path)}.unit: {agent['unit']!r} is no unit of a dose: a lymphodepleting agent's "
                f'dose is a mass ("mg/m2/day", "mg/kg") {quoted(quotes)}',
            )
        else:
            # a number the words give as the course's total, a maximum or an end of a range ("(total 90
            # mg/m2)", "up to 30 mg/m2/day", "25-30 mg/m2/day"): the dose only as a reading, as a cohort's
            whole = [(q, n) for q, n, at in found if "unit" not in agent or dosing.whole_unit(q, at, agent["unit"])]
            readings = [_reading_where_stated(ctx, path, q, n.start, n.end, dosing.agent_dose_limit) for q, n in whole]
            if all(readings) and not any(ctx.noted(here, why) for why in readings if why):
                yield ctx.problem(
                    here,
                    "E510",
                    f"{fields.dotted(here)}: {readings[0]}; say so in a curation note "
                    f"(field: {fields.dotted(here)} or a field above it)",
                )
    yield from walk(ctx, path, agent, node, quotes, skip=("dose", "unit"))


def _ages_in_years(eligibility: Any) -> tuple[float, float]:
    """The ages (in years) of the patients a record's eligibility enrols: its minimum age (0 where none)
    and its maximum (infinite where none)."""
    ages = eligibility if isinstance(eligibility, dict) else {}
    low, high = ages.get("minimum_age"), ages.get("maximum_age")
    years = AGE_UNIT_DAYS["YEARS"]
    return (
        age_days(low) / years if isinstance(low, dict) and low.get("unit") in AGE_UNIT_DAYS else 0.0,
        age_days(high) / years if isinstance(high, dict) and high.get("unit") in AGE_UNIT_DAYS else math.inf,
    )


def _agent_words_end(quote: str, unit_at: int, unit: str | None) -> int:
    """Where the words of an agent's dose end in the quote: past its unit, where the quote writes the
    record's unit there whole ("fludarabine 30 mg/m2/day is not used"), else at the unit's start."""
    if unit is None or not dosing.whole_unit(quote, unit_at, unit):
        return unit_at
    rest = quote[unit_at:]
    return unit_at + len(rest) - len(rest.lstrip()) + len(quantities.nfkc(unit))


def _agents_vocabulary(ctx: Context, node: dict) -> vocabulary.Vocabulary | None:
    """The vocabulary an agent of the lymphodepletion is named by (the item's schema node's)."""
    agent = fields.resolve(ctx.schema, node.get("properties", {}).get("agent", {}))
    return vocabulary.for_enum(tuple(agent["enum"])) if "enum" in agent else None


def _doses_of(vocab: vocabulary.Vocabulary | None, quote: str, agent: Any) -> list[tuple[quantities.Number, int]]:
    """The numbers of the quote that may be the agent's dose, each with where its unit stands: any
    number, its unit right after it, but a number the quote pairs by "respectively" with an agent is
    that agent's only, its unit after the last of the numbers that share it ("fludarabine and
    cyclophosphamide at 30 and 300 mg/m2/day, respectively" gives cyclophosphamide no dose of 30)."""
    pairs = dosing.respective_terms(quote, vocab.places(quote)) if vocab is not None else []
    paired = {r.number.start: (values, r.unit_at) for values, r in pairs}
    out = []
    for n in quantities.numbers(quote):
        values, unit_at = paired.get(n.start, (None, n.end))
        if values is None or values == {agent}:
            out.append((n, unit_at))
    return out
