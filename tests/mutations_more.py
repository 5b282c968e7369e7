"""More plausible curation mistakes, made beside mutations.generate's (which calls generate here).

Each is a slip of one value a curator could make and the schema cannot see: two cohorts' doses given
each other (each keeping its quote), a dose or a limit a power of ten off (1×10^6 as 1×10^8), a
date a day, a month or a year early, an age a year younger, an enrollment given a type (actual or
anticipated) no word of its source gives, two fields given each other's quotes, a threshold given as a
condition the clause that runs on from another limit of its criterion, a unit written with a character
or a spacing no source writes (a no-break space, the micro sign for a Greek mu) or in another case, a
complete record's source entry left without the publisher or the as-of label its document gives, a
curation note put on an item the record does not hold, an incomplete entry on a field declared silent,
a note's quotation of its source with two words turned or a digit changed. A few representative mutants a kind: the
checks read every value of a field alike.
"""

from __future__ import annotations

import calendar
import itertools
import re

from mutations import VALUE_CODES, Mutation, _copied, _quotes, _set
from sle_trials import fields
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import quantities, stated_limits


def generate(data: dict) -> list[Mutation]:
    out: list[Mutation] = []

    def add(kind: str, path: tuple, description: str, mutated: dict, expect: frozenset[str]) -> None:
        out.append(Mutation(kind, fields.dotted(path), description, mutated, expect))

    cohorts = [
        (("arms", a, "cohorts", c), cohort)
        for a, arm in enumerate(data.get("arms", []))
        for c, cohort in enumerate(arm.get("cohorts", []))
    ]
    # two cohorts' doses given each other, each its own quote kept (patients 1 to 3 given 1×10^8)
    for (one, x), (two, y) in itertools.combinations(cohorts, 2):
        if x["dose"] != y["dose"]:
            swapped = _set(_set(data, one + ("dose",), _copied(y["dose"])), two + ("dose",), _copied(x["dose"]))
            add("doses swapped", one + ("dose",), f"with {fields.dotted(two)}", swapped, VALUE_CODES)
    # a dose a hundred times off or a hundredth (the exponent misread: 10^6 as 10^8)
    for at, cohort in cohorts:
        value = cohort["dose"]["value"]
        for factor in (100, 0.01):
            wrong = value * factor
            wrong = int(wrong) if float(wrong).is_integer() else wrong
            add(
                "dose power of ten",
                at + ("dose", "value"),
                f"{value} -> {wrong}",
                _set(data, at + ("dose", "value"), wrong),
                VALUE_CODES,
            )
    # a limit a tenth of its value (a decimal point misplaced): the first threshold of each kind
    seen: set[str] = set()
    for i, t in enumerate(data.get("eligibility", {}).get("thresholds", [])):
        if t["kind"] in seen:
            continue
        seen.add(t["kind"])
        wrong = t["value"] / 10
        wrong = int(wrong) if float(wrong).is_integer() else wrong
        limit = ("eligibility", "thresholds", i, "value")
        add("limit a tenth", limit, f"{t['value']} -> {wrong}", _set(data, limit, wrong), VALUE_CODES)
    # an age a year younger (the number+1 is mutations.generate's)
    for name in ("minimum_age", "maximum_age"):
        age = data.get("eligibility", {}).get(name)
        if age and age["value"] > 1:
            age_at = ("eligibility", name, "value")
            add(
                "age a year younger",
                age_at,
                f"{age['value']} -> {age['value'] - 1}",
                _set(data, age_at, age["value"] - 1),
                VALUE_CODES | {"E104"},
            )
    # a date a day, a month or a year early (mutations.generate moves them later)
    for name, struct in data.get("dates", {}).items():
        for earlier in _earlier(struct["date"]):
            date_at = ("dates", name, "date")
            add(
                "date earlier",
                date_at,
                f"{struct['date']} -> {earlier}",
                _set(data, date_at, earlier),
                VALUE_CODES | {"E105", "E103"},
            )
    # an enrollment given a type its source does not give (the silent declaration lifted), or the other one
    enrollment = data.get("enrollment")
    if enrollment:
        for kind in ("ACTUAL", "ESTIMATED"):
            if enrollment.get("type") == kind:
                continue
            typed = _set(data, ("enrollment", "type"), kind)
            silent = [s for s in typed["curation"].get("silent", []) if s != "enrollment.type"]
            typed["curation"].pop("silent", None)
            if silent:
                typed["curation"]["silent"] = silent
            add("enrollment type given", ("enrollment", "type"), f"-> {kind}", typed, VALUE_CODES | {"E517"})
    # two fields given each other's quotes: each key with the next one whose quote differs
    evidence = data.get("evidence", {})
    keys = [k for k in evidence if not k.startswith("curation.")]
    for one, two in zip(keys, keys[1:]):
        a, b = (" ".join(q) if isinstance(q, list) else q for q in (evidence[one], evidence[two]))
        if a not in b and b not in a:  # (a quote inside the other states its field there too)
            swapped = _copied(data)
            swapped["evidence"][one], swapped["evidence"][two] = _copied(evidence[two]), _copied(evidence[one])
            add("quotes swapped", ("evidence", one), f"with {two}", swapped, QUOTE_CODES)
    # a unit written with a character or a spacing no source writes it with (a no-break space, a full-width
    # solidus, the micro sign for the source's Greek mu, a trailing space): the lexicon reads it as the
    # source's unit, in NFKC, its white space folded. One mutant for each of the record's units
    units: dict[str, tuple] = {}
    for i, t in enumerate(data.get("eligibility", {}).get("thresholds", [])):
        units.setdefault(t["unit"], ("eligibility", "thresholds", i, "unit"))
    for at, cohort in cohorts:
        units.setdefault(cohort["dose"]["unit"], at + ("dose", "unit"))
    for unit, unit_at in units.items():
        if "μ" in unit:
            wrong = unit.replace("μ", "µ")
        elif " " in unit:
            wrong = unit.replace(" ", "\u00a0", 1)
        elif "/" in unit:
            wrong = unit.replace("/", "／", 1)
        else:
            wrong = unit + " "
        add(
            "unit written otherwise", unit_at, f"{unit!r} -> {wrong!r}", _set(data, unit_at, wrong), frozenset({"E501"})
        )
    # a unit written in another case but for its first letter ("car-t cells", "CAR-T CELLS" of the source's
    # "CAR-T cells"): what the quote writes it so only aside from that letter's case
    for unit, unit_at in units.items():
        other = unit[:1] + unit[1:].swapcase()
        if other != unit:
            add(
                "unit in another case",
                unit_at,
                f"{unit!r} -> {other!r}",
                _set(data, unit_at, other),
                VALUE_CODES | {"E501"},
            )
    # what a complete record's source entry says of its document left out, where the document says it
    # (ClinConnect's page names its site; the registry copy labels its date "Last Updated")
    if data["curation"]["status"] == "complete":
        for i, source in enumerate(data["curation"]["sources"]):
            for key in ("publisher", "as_of_label"):
                if key in source:
                    left = _copied(data)
                    del left["curation"]["sources"][i][key]
                    add("source's own words left out", ("curation", "sources", i, key), "", left, frozenset({"E516"}))
    # a curation note or incomplete entry put on an item its list does not hold (IM19's note on its one
    # site's facility as "locations.1.facility"), or on a name no record has ("locations.0.facilities")
    for kind in ("notes", "incomplete"):
        for i, entry in enumerate(data["curation"].get(kind, [])):
            name = entry.get("field", "")
            parts = name.split(".")
            moved = [name + "s"] if not parts[-1].isdigit() else []
            step = next((k for k, part in enumerate(parts) if part.isdigit()), None)
            if step is not None:
                held = len(fields.get(data, fields.parse_dotted(".".join(parts[:step])))[1])
                moved.append(".".join([*parts[:step], str(held), *parts[step + 1 :]]))
            for wrong in moved if name else []:
                remark = ("curation", kind, i, "field")
                add(
                    "remark on no field held",
                    remark,
                    f"{name} -> {wrong}",
                    _set(data, remark, wrong),
                    frozenset({"E503"}),
                )
    # an incomplete entry on a field declared silent (Relma-cel's note that its source gives no enrollment
    # count moved under curation.incomplete): the first two such fields, the checks read every one alike
    for name in data["curation"].get("silent", [])[:2]:
        entry = {"field": name, "text": "The source lists only some of them."}
        remarks = [*data["curation"].get("incomplete", []), entry]
        remark_at: tuple = ("curation", "incomplete")
        add("incomplete entry on a silent field", remark_at, name, _set(data, remark_at, remarks), frozenset({"E503"}))
    # a remark's quotation of its source misquoted: the first two words of the first quoted run of each
    # note that quotes one turned ("CAR-T 1×10^8 cells" for "1×10^8 CAR-T cells"), or a digit of it changed
    for i, note in enumerate(data["curation"].get("notes", [])):
        quoted = next(
            (
                m
                for m in re.finditer(r'"([^"]+)"', note["text"])
                if len(m.group(1).split()) > 2
                and not re.search(r"\bN\b", m.group(1))  # a pattern of the source's words, the record's own
                and not re.search(r"recorded as\s*$", note["text"][: m.start()])
            ),
            None,
        )
        if quoted is None:
            continue
        words = quoted.group(1).split()
        text_at: tuple = ("curation", "notes", i, "text")
        for wrong in (
            " ".join([words[1], words[0], *words[2:]]),
            re.sub(r"\d", lambda d: str((int(d.group()) + 1) % 10), quoted.group(1), count=1),
        ):
            if wrong != quoted.group(1):
                text = note["text"][: quoted.start(1)] + wrong + note["text"][quoted.end(1) :]
                add(
                    "remark misquoting its source",
                    text_at,
                    f"{quoted.group(1)!r} -> {wrong!r}",
                    _set(data, text_at, text),
                    frozenset({"E501"}),
                )
    # a condition from the words that run on from another limit of its criterion to their clause's end:
    # that limit's clause (Relma-cel's "at least 6 months, and the disease remained active at least 2
    # months after the use of a stable standard SLE regimen prior to screening" gave the 6 months, and
    # the ceiling of the sub-list below, the 2 months' regimen)
    eligibility = data.get("eligibility", {})
    for i, t in enumerate(eligibility.get("thresholds", [])):
        for clause in _run_on_clauses(eligibility, t, _quotes(data, ("eligibility", "thresholds", i))):
            add(
                "condition run on from another limit",
                ("eligibility", "thresholds", i, "conditions"),
                f"+ {clause[:40]!r}",
                _set(data, ("eligibility", "thresholds", i, "conditions"), [*t.get("conditions", []), clause]),
                VALUE_CODES | {"E518", "E524", "E528"},
            )
    return out


def _run_on_clauses(eligibility: dict, t: dict, quotes: list[str]) -> list[str]:
    """The words of t's criterion that run on from a limit other than t's own, with no mark between,
    to their clause's end (three words or more, no number: a clause, not another limit)."""
    listed = eligibility.get(t["criterion"]["list"].lower() + "_criteria", [])
    quotes = [re.sub(r"^\(?[0-9]{1,3}[.)]\s+", "", q) for q in quotes]  # a quote's label is no criterion text
    out: list[str] = []
    for k in fields.criteria_named(eligibility, t["criterion"]):
        for text in map(normalise, fields.criterion_texts(listed[k])):
            own = {
                text.find(q) + s.start
                for q in quotes
                if q in text
                for s in stated_limits.statements(q)
                if quantities.same_number(s.value, t["value"])
            }
            for s in stated_limits.statements(text):
                if s.comparator is None or s.start in own:
                    continue
                run = re.match(r"\s+([^,;:.()≥≤<>0-9]+?)(?=[,;:.]|$)", text[s.end :])
                if run is not None and len(run.group(1).split()) >= 3 and run.group(1).strip() not in out:
                    out.append(run.group(1).strip())
    return out


# what a quote of another field's words may be refused with: not where the source states the field, a
# value it does not state, a cut of the source, a criterion's quote elsewhere
QUOTE_CODES = VALUE_CODES | {"E502", "E512", "E521", "E525", "E518", "E524", "E527", "E528", "E529", "E515"}


def _earlier(date: str) -> list[str]:
    """The date a day (a full date), a month and a year earlier, its day kept where the month has it."""
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else 0
    day = int(date[8:]) if len(date) == 10 else 0
    out = []
    if day:
        out.append(f"{date[:8]}{day - 1:02d}" if day > 1 else f"{date[:8]}02")
    if month:
        y, m = (year - 1, 12) if month == 1 else (year, month - 1)
        out.append(f"{y:04d}-{m:02d}" + (f"-{min(day, calendar.monthrange(y, m)[1]):02d}" if day else ""))
    out.append(f"{year - 1:04d}{date[4:]}" if not (month == 2 and day == 29) else f"{year - 1:04d}-02-28")
    return [d for d in dict.fromkeys(out) if d != date]
