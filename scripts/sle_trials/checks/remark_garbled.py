"""E501: a criterion a curation note or an incomplete entry says its source writes whole and clear ("Exclusion criterion
1 is complete in the source") whose limit the record had to read with its unit written away from its value. Relma-cel's
note says its exclusion criterion 1 "is garbled in the source ("prednisone ≥100 within 8 weeks prior to screening
mg/d")"; hunt 214 made it "is complete in the source", and it passed: what a note says of a criterion's wording was
read by nothing. A reader takes the record's "≥ 100 mg/d" for the source's plain words, not the curator's reading.

A limit's value and unit are written apart where its evidence writes the value and, more than two words later, the
unit: the record joined them, and the note says they needed no joining.

Hunt 216: a criterion said whole whose limit the record records none of ("Exclusion criterion 3 is complete in the
source", "... gives the full limit", of IM19's criterion that states no limit), and a criterion said garbled (mangled,
malformed, run together) that its source writes well-formed ("Exclusion criterion 8 is garbled in the source", of
IM19's plain criterion), each passed. A criterion is garbled where the record reads a limit of it with its unit written
apart, or its words are: a limit's number with no unit after it and a unit later in its sentence after no number
(whether or not the record reads the limit), a word written twice running ("convulsions/convulsions"), a bracket left
open or never opened, words glued across a stop ("screening.Major"); run together, also where it holds two sentences
or lettered items inline. A criterion said whole is one of whose limits the record records one, or states the record's
ages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import quantities

# a criterion said to be written whole and clear: "Exclusion criterion 1 is complete in the source", "... reads clearly"
_WHOLE = lazy(
    r"(?i)\b(?P<list>inclusion|exclusion)[ \t]+criterion[ \t]+(?P<n>\d+)[ \t]+(?:is|was|stands)[ \t]+"
    r"(?:(?:quite|fully|perfectly|entirely)[ \t]+)?(?:complete|intact|whole|clear|well-formed|unambiguous|"
    r"not[ \t]+garbled|ungarbled|correct|coherent)\b"
)
# ... its limit said given whole: "Exclusion criterion 3 gives the full limit", "... states its limit in full"
_FULL_LIMIT = lazy(
    r"(?i)\b(?P<list>inclusion|exclusion)[ \t]+criterion[ \t]+(?P<n>\d+)(?:['\u2019]s[ \t]+limits?[ \t]+"
    r"(?:is|are)[ \t]+(?:complete|whole|given[ \t]+in[ \t]+full|stated[ \t]+in[ \t]+full)|"
    r"[ \t]+(?:gives|states|writes|has)[ \t]+(?:the|its|a)[ \t]+(?:full|whole|complete)[ \t]+limits?|"
    r"[ \t]+(?:gives|states|writes)[ \t]+(?:the|its)[ \t]+limits?[ \t]+(?:in[ \t]+full|whole))\b"
)
# a criterion said garbled: "Exclusion criterion 1 is garbled in the source", "... runs together", "... is malformed"
_GARBLED = lazy(
    r"(?i)\b(?P<list>inclusion|exclusion)[ \t]+criterion[ \t]+(?P<n>\d+)(?:['\u2019]s[ \t]+(?:text|wording))?[ \t]+"
    r"(?:(?:is|was|stands|comes|reads)[ \t]+(?:(?:\w+ly|quite|rather|very|somewhat|also|a[ \t]+bit)[ \t]+)?"
    r"(?:garbled|mangled|malformed|jumbled|scrambled|muddled|corrupted|run[ \t]+together)|runs[ \t]+together)\b"
)
_RUN_TOGETHER = lazy(r"(?i)run[ \t]+together|runs[ \t]+together")
# a criterion's words that are garbled: a word twice running, words glued across a stop
_DOUBLED = lazy(r"(?i)\b([^\W\d_]{3,})[\s/,]+\1\b")
_GLUED = lazy(r"[a-z][.,;:][A-Z][a-z]")
# ... and two things run together: a second sentence, or lettered items inline
_TWO_SENTENCES = lazy(r"[.;][ \t]+[A-Z(]|(?<![\w.])[a-e][.)][ \t]")
_APART = 2  # (words between a value and its unit beyond which they are written apart)

RULE = "a remark says a criterion is written whole and clear only where the record reads its limits as written"
GARBLED_RULE = "a remark says a criterion is garbled only where its words or its limits as the record reads them are"


def check_remark_garbled(record: Record) -> Iterator[Problem]:
    """E501: each criterion a remark says is written whole and clear whose limit the record reads with its unit
    written away from its value, or of which it records no limit, and each it says is garbled that is written
    well-formed."""
    data = record.data
    eligibility: dict = data["eligibility"] if isinstance(data.get("eligibility"), dict) else {}
    thresholds = [t for t in eligibility.get("thresholds") or [] if isinstance(t, dict)]
    evidence: dict = data["evidence"] if isinstance(data.get("evidence"), dict) else {}
    yield from said_by_remarks(record, "E501", lambda text: _joined(text, thresholds, evidence, eligibility), RULE)
    yield from said_by_remarks(
        record, "E501", lambda text: _well_formed(text, thresholds, evidence, eligibility), GARBLED_RULE
    )


def _joined(text: str, thresholds: list, evidence: dict, eligibility: dict) -> Iterator[str]:
    read = QUOTED.sub(" | ", normalise(text))
    for m in [*_WHOLE.finditer(read), *_FULL_LIMIT.finditer(read)]:
        ref = {"list": m.group("list").upper(), "number": int(m.group("n"))}
        name = f"{m.group('list').lower()} criterion {m.group('n')}"
        own = [(i, t) for i, t in enumerate(thresholds) if t.get("criterion") == ref]
        if any(_written_apart(i, t, evidence) for i, t in own):
            yield f"says {name} is written whole and clear, whose limit's unit its source writes apart"
        elif not own and (texts := _texts(eligibility, ref)) is not None and not _states_ages(texts, eligibility):
            yield f"says {name} gives its limit whole, of which the record records no limit"


def _well_formed(text: str, thresholds: list, evidence: dict, eligibility: dict) -> Iterator[str]:
    for m in _GARBLED.finditer(QUOTED.sub(" | ", normalise(text))):
        ref = {"list": m.group("list").upper(), "number": int(m.group("n"))}
        texts = _texts(eligibility, ref)
        if texts is None or any(
            _written_apart(i, t, evidence) for i, t in enumerate(thresholds) if t.get("criterion") == ref
        ):
            continue
        if _DOUBLED.search(texts) or _GLUED.search(texts) or _unbalanced(texts) or _stranded_unit(texts):
            continue
        if _RUN_TOGETHER.search(m.group()) and _TWO_SENTENCES.search(texts):
            continue
        said = " ".join(m.group().split()[3:])
        name = f"{m.group('list').lower()} criterion {m.group('n')}"
        yield f"says {name} {said}, which the record holds written well-formed"


def _texts(eligibility: dict, ref: dict) -> str | None:
    """The words of the criterion ref names, with its sub-items', as the record holds them (None: it holds none)."""
    items = eligibility.get(f"{ref['list'].lower()}_criteria") or []
    for k in fields.criteria_named(eligibility, ref)[:1]:
        if isinstance(items[k], dict) and isinstance(items[k].get("text"), str):
            return normalise(" ".join(t for t in fields.criterion_texts(items[k]) if isinstance(t, str)))
    return None


def _states_ages(texts: str, eligibility: dict) -> bool:
    """Whether the criterion writes one of the record's age bounds (a limit held as the trial's ages)."""
    bounds = [eligibility.get(k) for k in ("minimum_age", "maximum_age")]
    values = [b["value"] for b in bounds if isinstance(b, dict) and isinstance(b.get("value"), int | float)]
    return any(re.search(rf"(?<![\d.]){int(v)}(?![\d])", texts) for v in values)


def _stranded_unit(texts: str) -> bool:
    """Whether a limit's number stands with no unit after it, and a unit later in its sentence stands after no number
    ("prednisone ≥100 within 8 weeks prior to screening mg/d"): the criterion's own words written apart, whether or
    not the record reads a limit of them (a record leaving the limit out is E527's, and its note still true)."""
    for m in _BARE_LIMIT.finditer(texts):
        if quantities.unit_at(texts, m.end()) is not None:
            continue
        end = _SENTENCE_STOP.search(texts, m.end())
        for word in _WORD_AT.finditer(texts, m.end(), end.start() if end else len(texts)):
            if quantities.unit_at(texts, word.start()) is not None and not _NUMBER_BEFORE.search(
                texts, 0, word.start()
            ):
                return True
    return False


# a limit's number after its comparator; a word's start; a number right before a place; a sentence's stop
_BARE_LIMIT = lazy(r"[≥≤<>]=?[ \t]*\d+(?:\.\d+)?")
_WORD_AT = lazy(r"(?<![\w/])[^\W\d_][\w/]*")
_NUMBER_BEFORE = lazy(r"\d[ \t]*\Z")
_SENTENCE_STOP = lazy(r"[.;](?=\s|\Z)|[≥≤<>]")


def _unbalanced(texts: str) -> bool:
    return texts.count("(") != texts.count(")") or texts.count("[") != texts.count("]")


def _written_apart(i: int, threshold: dict, evidence: dict) -> bool:
    """Whether threshold i's evidence writes its value and its unit apart (_apart)."""
    quoted = evidence.get(f"eligibility.thresholds.{i}")
    quotes = quoted if isinstance(quoted, list) else [quoted]
    return any(isinstance(q, str) and _apart(normalise(q), threshold) for q in quotes)


def _apart(quote: str, threshold: dict) -> bool:
    """Whether quote writes the threshold's value and, more than _APART words later, its unit."""
    value, unit = threshold.get("value"), threshold.get("unit")
    if not isinstance(value, int | float) or not isinstance(unit, str) or not unit.strip():
        return False
    number = str(int(value)) if float(value).is_integer() else str(value)
    for m in re.finditer(rf"(?<![\d.,]){re.escape(number)}(?![\d.,]\d)", quote):
        after = quote[m.end() :].split()
        for k, word in enumerate(after):
            if word.startswith(unit.split()[0]):
                if k > _APART:
                    return True
                break
    return False
