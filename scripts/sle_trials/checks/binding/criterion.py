"""What one criterion states (`x-bind: criterion`: lupus nephritis scope, classification criteria,
autoantibodies, prior therapy), bound to its quotes: they lie in the criterion it names, of the list that
can state it (E513), its texts are written in them (E505) and its terms rendered (E507, categorical.py).
A list of them is the criterion's enumeration whole (enumeration.py), and a prior therapy's list the one
its requirement names (requirement.py): E525."""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks import thresholds
from sle_trials.checks.binding import categorical, enumeration, requirement
from sle_trials.checks.binding.context import Context, Path_, Walk
from sle_trials.problem import Check, Problem, quoted
from sle_trials.reading import prior_therapy, vocabulary
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import stated_limits

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check(
        "E513",
        "threshold-not-in-criterion",
        "a threshold whose quote, measure or condition is not in the criterion it names",
    ),
)


def bind_criterion(
    ctx: Context, path: Path_, value: dict, node: dict, quotes: list[str], walk: Walk
) -> Iterator[Problem]:
    """A value read from one criterion (`x-bind: criterion`): its quotes lie in that criterion, its
    texts are in it, and its terms are what the quotes render, read in that criterion's list."""
    ref = value["criterion"]
    found = ctx.criterion(ref)
    if found is None:
        return  # E109: rules report a criterion the list does not have
    if path[-1] in _REQUIREMENTS and ref["list"] != "INCLUSION" and not _lacking(found[1], quotes):
        # what patients must have (a prior therapy, autoantibodies, classification criteria) is no
        # criterion that keeps patients out: "Treatment with rituximab within 6 months" excludes it
        yield ctx.problem(
            path + ("criterion", "list"),
            "E513",
            f"{fields.dotted(path)}: a requirement patients must meet, read from {fields.criterion_name(ref)}, "
            "which keeps patients out; an inclusion criterion states it",
        )
        return
    if path[-1] == "prior_therapy" and ref["list"] == "INCLUSION" and prior_therapy.denied(found[1]):
        # the criterion names the therapies but asks no one to have had them (or failed them): "No prior
        # treatment with belimumab or rituximab", "Patients previously treated with belimumab are eligible"
        yield ctx.problem(
            path + ("criterion",),
            "E513",
            f"{fields.dotted(path)}: {fields.criterion_name(ref)} states no prior therapy patients must have "
            "had: its every word of a treatment had or failed is denied, or a part of the trial's only; quote "
            "one that requires it",
        )
        return
    bare: list[str] = []
    misplaced = thresholds.placed(ctx, path, ref, found, quotes, bare)
    if misplaced is not None:
        yield misplaced
        return
    props = node.get("properties", {})
    for key, child in value.items():
        if key == "criterion" or key not in props:
            continue
        here, child_node = path + (key,), fields.resolve(ctx.schema, props[key])
        items = fields.resolve(ctx.schema, child_node.get("items", {}))
        if fields.is_verbatim(items) or fields.is_verbatim(child_node):
            missing = False
            for i, text in enumerate(child if isinstance(child, list) else [child]):
                at = here + (i,) if isinstance(child, list) else here
                if normalise(text) not in found[1]:
                    missing = True
                    yield ctx.problem(
                        at,
                        "E513",
                        f"{fields.dotted(at)}: {text!r} is not in {fields.criterion_name(ref)}",
                    )
                elif not any(normalise(text) in quote for quote in bare):
                    # the words its criterion lists it in are its evidence, not another sentence of
                    # that criterion ("the disease remained active ..." for Relma-cel's therapies)
                    yield ctx.problem(
                        at,
                        "E505",
                        f"{fields.dotted(at)}: {text!r} is not written in its quotes; quote the words of "
                        f"{fields.criterion_name(ref)} that list it",
                    )
            if isinstance(child, list) and not missing:
                spread = list(enumeration.items_whole(ctx, here, child, (found[1], bare)))
                yield from spread
                if not spread and path[-1] == "prior_therapy" and key == "therapies":
                    yield from requirement.of_the_requirement(ctx, here, child, ref, (found[1], bare))
        elif "enum" in child_node or "enum" in items:
            terms = items if "enum" in items else child_node
            misread = list(categorical.term(ctx, here, child, terms, bare, side=ref["list"]))
            if not misread and path[-1] in _REQUIRED_TERMS:
                misread = list(_excepted(ctx, here, terms, found[1], bare))
            yield from misread
            vocab = vocabulary.for_enum(tuple(terms["enum"]))
            if isinstance(child, list) and not misread and vocab is not None:
                yield from enumeration.enumerated_terms(ctx, here, child, vocab, (found[1], bare))
        else:
            yield from walk(ctx, here, child, child_node, bare)


# The fields whose terms a criterion requires (positive for the antibodies, meeting the criteria sets):
# a term it names only as an exception requires nothing. (A lupus nephritis scope's phrases may well
# stand in an exception: "excluding lupus nephritis" says it is excluded.)
_REQUIRED_TERMS = ("autoantibodies", "classification_criteria")
# The criterion statements that say what patients must have, which only an inclusion criterion states
# (a lupus nephritis scope is read from either list: vocabulary.Reading.sides)
_REQUIREMENTS = prior_therapy.REQUIREMENTS
# ... or an exclusion that keeps out those who lack it (prior_therapy.NOT_MET: "Patients who do not meet
# the 2019 EULAR/ACR criteria", "Failure to respond to at least two standard therapies", "Negative for
# anti-dsDNA antibodies")


def _lacking(text: str, quotes: list[str]) -> bool:
    """Whether an exclusion criterion's text keeps out those who lack what each quote names: words of
    not meeting it stand before the quote ("Failure to respond to rituximab"; not "Received rituximab
    and did not respond", which keeps out those who had it)."""
    ends = [m.end() for m in prior_therapy.NOT_MET.finditer(text)]
    return bool(quotes) and all((at := text.find(normalise(q))) >= 0 and any(end <= at for end in ends) for q in quotes)


# Words that open an exception: what follows them in their clause is what a requirement leaves out
_EXCEPTION = prior_therapy.EXCEPTION


def _excepted(ctx: Context, path: Path_, node: dict, corpus: str, quotes: list[str]) -> Iterator[Problem]:
    """E513 when every term a quote renders stands in an exception of its clause of the criterion:
    Relma-cel's autoantibodies given criterion 6's "(except for low complement and/or anti-DS-DNA
    antibodies)", which names the antibodies only as what a clinical score leaves out, passed as a
    requirement to be positive for them (its criterion 5 requires them)."""
    vocab = vocabulary.for_enum(tuple(node["enum"]))
    if vocab is None:
        return
    for quote in quotes:
        at = corpus.find(quote)
        terms = vocab.places(quote)
        if at < 0 or not terms:
            continue
        excepted = []
        for term in terms:
            lo, _ = stated_limits.clause(corpus, at + term.start, at + term.end)
            if not _EXCEPTION.search(corpus, lo, at + term.start):
                break
            excepted.append(quote[term.start : term.end])
        else:
            yield ctx.problem(
                path,
                "E513",
                f"{fields.dotted(path)}: its criterion names {excepted[0]!r} only in an exception "
                f"({quoted([quote])}), which requires nothing of it; quote the criterion that requires it",
            )
            return
