"""Who may take part: eligibility (eligibilityModule: sex, minimumAge, maximumAge,
healthyVolunteers, eligibilityCriteria). An age is "18 Years" in the JSON and {value: 18, unit:
YEARS} in the record; the criteria text is split into inclusion and exclusion criteria
(reading/criteria_text/). What the module states that the record has no place for (genderBased,
genderDescription, studyPopulation, samplingMethod) is said in a note."""

from __future__ import annotations

import re
from typing import Any

from sle_trials.checks import rules
from sle_trials.curate.ctgov.builder import Builder, put, shown
from sle_trials.curate.ctgov.study import clean, markup, yes_no
from sle_trials.patterns import lazy
from sle_trials.reading import criteria_text, layouts
from sle_trials.reading.lexicon import age_bounds
from sle_trials.units import AGE_UNIT_DAYS, MAX_AGE_DAYS

# "18 Years": a number and a unit as the check reads one in the quote (age_bounds.AGE_UNITS: "Years", "years",
# "YEARS", not "yEARS"), so that the age imported is the age the check finds there (E508)
_AGE = lazy(
    r"^\s*(?P<value>[0-9]+)\s+(?:"
    + "|".join(
        f"(?P<{unit}>" + "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True)) + ")"
        for unit, spellings in age_bounds.AGE_UNITS.items()
    )
    + r")\s*$"
)
# the whole of a list that says there is nothing in it: "None", "N/A", "Not applicable", "Nil", "No exclusion criteria"
_NONE = lazy(
    r"(?i)^\s*(?:none|n/?a|not applicable|nil|no (?:inclusion |exclusion )?criteria|not specified)\s*[.;]?\s*$"
)
AGES = (("minimumAge", "minimum_age"), ("maximumAge", "maximum_age"))  # the JSON's key, the record's eligibility.<name>
# the registry's age groups (stdAges) at each end of life, and the ages they span: a list of groups without the one
# is an age bound (a note names the end, not the group, which a source giving the others does not write)
END_GROUPS = {"minimum_age": ("CHILD", "youngest"), "maximum_age": ("OLDER_ADULT", "oldest")}
AGE_GROUPS = frozenset(("CHILD", "ADULT", "OLDER_ADULT"))


def read(b: Builder, mod: dict) -> None:
    elig: dict[str, Any] = {}
    if b.vocabulary(("eligibility", "sex"), mod.get("sex")):
        elig["sex"] = mod["sex"]
        b.quote(("eligibility", "sex"), mod["sex"], "eligibilityModule.sex")
    stated = _criteria_ages(mod.get("eligibilityCriteria"))
    # (ages out of order are _inverted's to leave out, whatever the criteria say)
    inverted = rules.inverted(age(mod.get("minimumAge")), age(mod.get("maximumAge")))
    included = {} if inverted else _criteria_ages(mod.get("eligibilityCriteria"), inclusion=True)
    for key, name in AGES:
        given = mod.get(key)
        no_limit = given is None or (isinstance(given, str) and given.strip().upper() == "N/A")
        if no_limit and stated.get(name):
            # the criteria state the limit the field does not: the curator's to read, never silent
            b.note(
                f"eligibility.{name}",
                f"The source gives {'no ' + key if given is None else key + ' ' + repr(given)}, but its criterion "
                f"{shown(stated[name][0][0], 80)} states an age at that bound; left for the curator.",
            )
            b.not_yet.append(f"eligibility.{name}")
            continue
        if no_limit and _grouped(b, mod, key, name):
            continue
        if given is None:
            continue
        value = age(mod[key])
        if value is None and no_limit:
            b.note(f"eligibility.{name}", f"The source's {key} is 'N/A': it states no limit.")
            continue
        if value is None:
            b.leave_out(
                f"eligibility.{name}",
                f"The source's {key} {shown(mod[key])} is not an age this registry can hold; left out.",
            )
            continue
        if _unstated_by_criteria(b, mod, key, name, value, included):
            continue
        elig[name] = value
        b.quote(("eligibility", name), mod[key], f"eligibilityModule.{key}")
    _inverted(b, elig, mod)
    volunteers = mod.get("healthyVolunteers")
    said = yes_no(volunteers, "eligibility.healthy_volunteers")
    if said is not None:  # true, or "Yes" as a converted record writes it
        elig["healthy_volunteers"] = said
        b.quote(("eligibility", "healthy_volunteers"), volunteers, "eligibilityModule.healthyVolunteers")
    elif volunteers is not None:
        b.leave_out(
            "eligibility.healthy_volunteers",
            f"The source's healthyVolunteers {shown(volunteers)} is not yes or no; left out.",
        )
    _criteria(b, elig, mod.get("eligibilityCriteria"))
    put(b.data, "eligibility", elig)
    _unplaced(b, mod)


def _grouped(b: Builder, mod: dict, key: str, name: str) -> bool:
    """Whether the registry's age groups (stdAges, worked out from the ages where the source gives them) bound
    the age at name, which the source gives no limit for: a list of groups without the one at that end of life
    (END_GROUPS: no CHILD, where no minimumAge is given) says the ages have a limit the study's key does not
    state, and the bound is left for the curator, with a note. Before, stdAges was left out unremarked (as the
    groups the ages give) and the age declared silent: the source states no limit, which its groups contradict."""
    groups = mod.get("stdAges")
    if not isinstance(groups, list) or not groups or not all(isinstance(g, str) and g in AGE_GROUPS for g in groups):
        return (
            False  # (a list of other values, an object's too, is none of the registry's: said as its shape, not read)
        )
    group, end = END_GROUPS[name]
    if group in groups:
        return False
    given = mod.get(key)
    b.leave_out(
        f"eligibility.{name}",
        f"The source gives {'no ' + key if given is None else key + ' ' + shown(given)}, but its age groups "
        f"(stdAges: {', '.join(groups)[:120]}) leave out the {end} ages: a limit it gives no age for; "
        "left for the curator.",
    )
    return True


def _inverted(b: Builder, elig: dict, mod: dict) -> None:
    """A minimum age the source gives above its maximum age (rules.inverted, E104): both left out,
    each with a note; which of the two is wrong is the curator's to find. Imported, they failed the
    whole import's check."""
    if not rules.inverted(elig.get("minimum_age"), elig.get("maximum_age")):
        return
    for key, name in AGES:
        b.leave_out(
            f"eligibility.{name}",
            f"The source's minimumAge {shown(mod['minimumAge'])} is above its maximumAge {shown(mod['maximumAge'])}; "
            f"its {key} is left for the curator.",
        )
        del elig[name]


def _unplaced(b: Builder, mod: dict) -> None:
    """Notes on what the source states of who may take part that the record has no place for, as on its
    collaborators (people.py), never dropped unremarked: that eligibility rests on gender and how
    (genderBased, genderDescription: a sex of ALL with a ratio of women to men, "Women only"), and an
    observational study's population and how it is sampled (studyPopulation, samplingMethod)."""
    gender = _one_line(mod.get("genderDescription"))
    if yes_no(mod.get("genderBased")) or gender:
        said = "that eligibility is based on gender (genderBased)" if yes_no(mod.get("genderBased")) else ""
        if gender:
            said += f"{' and ' if said else ''}how: {shown(gender, 120)} (genderDescription)"
        b.note("eligibility.sex", f"The source says {said}, which the record has no place for; not imported.")
    population, method = _one_line(mod.get("studyPopulation")), clean(mod.get("samplingMethod"))
    if population or method:
        parts = [f"its study population, {shown(population, 120)} (studyPopulation)"] if population else []
        parts += [f"how it is sampled, {method} (samplingMethod)"] if method else []
        b.note(
            "eligibility",
            f"The source gives {' and '.join(parts)}, which the record has no place for; not imported.",
        )


def _one_line(value: Any) -> str | None:
    """A markup text (studyPopulation, genderDescription) as a note quotes it: its escapes read
    (study.markup), on one line, its runs of spaces and line ends one space."""
    text = markup(value)
    return " ".join(text.split()) if text else None


def _criteria_ages(text: Any, inclusion: bool = False) -> dict[str, list[tuple[str, float | None]]]:
    """Each criterion that states an age at each bound, with that age in days (a bare number in years), in the
    text's order ({"minimum_age": [("Age ≥ 18 years", 6574.5)]}), read as the check reads it (age_bounds.criteria_ages,
    over each criterion normalised); inclusion: of the inclusion criteria only (an exclusion criterion's "Age > 75"
    is read as a minimum, which it is of those it keeps out), and those saying there is no limit at a bound (None
    for its age: _NO_LIMIT)."""
    if not isinstance(text, str) or not text.strip():
        return {}
    found = criteria_text.split(layouts.json_string(text))
    stated: dict[str, list[tuple[str, float | None]]] = {}
    for item in _flat(found.inclusion + ([] if inclusion else found.exclusion)):
        said = layouts.normalise(item)
        for a in age_bounds.criteria_ages(said):
            name = "minimum_age" if a.bound == "min" else "maximum_age" if a.bound == "max" else None
            if name is not None:
                stated.setdefault(name, []).append((said, a.value * AGE_UNIT_DAYS.get(a.unit or "YEARS", 0)))
        for name, pattern in _NO_LIMIT.items():
            if inclusion and pattern.search(said):
                stated.setdefault(name, []).append((said, None))
    return stated


# an inclusion criterion saying there is no limit at an age bound ("Aged 18 years or older, no upper age limit", "No
# maximum age"), which a bound the eligibilityModule gives contradicts
_NO_LIMIT = {
    "maximum_age": lazy(
        r"(?i)\b(?:no|without\s+(?:an?\s+)?)\s*(?:upper\s+age\s+(?:limit|restriction|cut-?off)"
        r"|upper\s+limit\s+(?:of|on|for|to)\s+(?:the\s+)?age|maximum\s+age)\b"
    ),
    "minimum_age": lazy(
        r"(?i)\b(?:no|without\s+(?:an?\s+)?)\s*(?:lower\s+age\s+(?:limit|restriction|cut-?off)"
        r"|lower\s+limit\s+(?:of|on|for|to)\s+(?:the\s+)?age|minimum\s+age)\b"
    ),
}


def _unstated_by_criteria(b: Builder, mod: dict, key: str, name: str, value: dict, stated: dict) -> bool:
    """Whether the criteria state ages at name's bound and none of them the age the source's key gives (minimumAge
    "18 Years", its only criterion of age "Age 12 to 65 years"), or state there is none ("no upper age limit"): the
    source states two ages at one bound, and which is the study's is the curator's to read, so the bound is left out,
    with a note naming both. Before, the key's age
    was imported with no note, the criterion's left unsaid. Where some criterion states the key's age (a part's
    criteria each give their own: "Part A: 18 to 65", "Part B: 12 to 17" of a minimumAge 12), it is imported."""
    ages = stated.get(name, [])
    days = value["value"] * AGE_UNIT_DAYS[value["unit"]]
    if not ages or any(d is not None and abs(d - days) < 1 for _, d in ages):
        return False
    said = next(((t, d) for t, d in ages if d is None), ages[0])  # (a criterion saying there is no limit, first)
    b.leave_out(
        f"eligibility.{name}",
        f"The source's {key} is {shown(mod[key])}, but its criterion {shown(said[0], 80)} states "
        f"{'no limit' if said[1] is None else 'another age'} at that bound; left for the curator.",
    )
    return True


def _flat(items: list[dict]) -> list[str]:
    return [t for item in items for t in (item["text"], *_flat(item.get("sub_criteria", [])))]


def age(text: Any) -> dict | None:
    """An age as the record holds it, in the registry's unit: "18 Years" -> {value: 18, unit: YEARS},
    "200 Months" -> {value: 200, unit: MONTHS}; None for anything else, and for more than 150 years
    in any unit (E111: a slip, not an age)."""
    m = _AGE.match(text) if isinstance(text, str) else None
    if not m:
        return None
    value, unit = int(m.group("value")), next(name for name in age_bounds.AGE_UNITS if m.group(name))
    return {"value": value, "unit": unit} if value * AGE_UNIT_DAYS[unit] <= MAX_AGE_DAYS else None


def _criteria(b: Builder, elig: dict, text: Any) -> None:
    """inclusion_criteria and exclusion_criteria, from the criteria text under its headings. A list
    the text does not give under a heading of its own, while it has words no list took (before the
    first heading, or under a heading of neither kind), is left for the curator (not_yet_curated),
    never declared silent: the source may well state it."""
    if not isinstance(text, str) or not text.strip():
        return
    found = criteria_text.split(layouts.json_string(text))
    for name, items in (("inclusion_criteria", found.inclusion), ("exclusion_criteria", found.exclusion)):
        if len(items) == 1 and "sub_criteria" not in items[0] and _NONE.match(items[0]["text"]):
            # "Exclusion Criteria:\n\nNone": the source says it has none, which is no criterion
            b.leave_out(
                f"eligibility.{name}",
                f"The source lists only {shown(items[0]['text'])} under its {name.split('_')[0]} heading: "
                "no criterion; none imported, left for the curator.",
            )
            items.clear()
        twice = found.twice.get(name.split("_")[0])
        if twice:
            # "* One of the following:" / "  * SLEDAI ≥ 6" / "* One of the following:" / "  * anti-dsDNA": two
            # criteria of one text, which a list holds once (E106); before, the second was dropped with its parts
            b.note(
                f"eligibility.{name}",
                f"The source lists {shown(twice[0], 80)} twice in one list, each with other sub-criteria: two "
                "criteria, which a record's list cannot hold under one text (E106); the list is left for the curator.",
            )
            b.not_yet.append(f"eligibility.{name}")
            items.clear()
        unshown = found.unshown.get(name.split("_")[0])
        if unshown and not twice:
            # "At least one of the following:" / "" / "* SLEDAI ≥ 6" / "" / "* BILAG A" / "" / "* Consent": which items
            # are its alternatives the layout does not say; before, the first two were imported as they and the rest
            # as the list's criteria, each required, the ambiguity said only in a note
            b.note(
                f"eligibility.{name}",
                f"The source sets apart by blank lines, as the list's own items are, the items under "
                f"{shown(unshown[0], 80)}, and nothing shows where they end: which are its sub-criteria and which the "
                "list's the layout does not say; the list is left for the curator.",
            )
            b.not_yet.append(f"eligibility.{name}")
            items.clear()
    put(elig, "inclusion_criteria", found.inclusion)
    put(elig, "exclusion_criteria", found.exclusion)
    for remark in found.remarks:
        b.note("eligibility", remark)
    for name, items in (("inclusion_criteria", found.inclusion), ("exclusion_criteria", found.exclusion)):
        parts = _semicolon_parts(items)
        if parts:
            # "Exclusion Criteria: Pregnancy; active infection; prior gene therapy.": a list written on one line, its
            # items set apart by semicolons, which no list mark says are items; kept as written, and said (naming no
            # words of it: a note on the list naming a limit's words excuses the limit's threshold, completeness.py)
            b.note(
                f"eligibility.{name}",
                f"The source gives its {name.split('_')[0]} criteria as one text of {parts} parts set apart by "
                "semicolons, with no list mark; kept as one criterion, as written: the curator's to split.",
            )
    if not found.inclusion and not found.exclusion and found.headed and not found.unplaced:
        b.note("eligibility", "The criteria text heads its lists but lists no criterion under either heading.")
        return
    if not found.inclusion and not found.exclusion:
        b.note(
            "eligibility",
            "The criteria text has no 'Inclusion Criteria' or 'Exclusion Criteria' heading to split "
            "it at; the criteria are left for the curator to split from the source.",
        )
        b.not_yet += ["eligibility.inclusion_criteria", "eligibility.exclusion_criteria"]
        return
    for name, items, other in (
        ("inclusion_criteria", found.inclusion, found.exclusion),
        ("exclusion_criteria", found.exclusion, found.inclusion),
    ):
        named = _named_within(other, criteria_text.LIST_NAMED[name.split("_")[0]]) if not items else None
        if not items and found.unplaced:
            b.note(
                f"eligibility.{name}",
                f"The criteria text gives no list headed {name.split('_')[0]} criteria, but has "
                "words no list took; the curator reads from the source whether they are these criteria.",
            )
            b.not_yet.append(f"eligibility.{name}")
        elif named is not None:
            b.note(
                f"eligibility.{name}",
                f"The criteria text gives no list headed {name.split('_')[0]} criteria, but names them within a "
                f"criterion of the other list ({shown(named, 80)}), where no heading split it; left for the curator, "
                "who reads from the source whether these are the criteria.",
            )
            b.not_yet.append(f"eligibility.{name}")


def _semicolon_parts(items: list[dict]) -> int:
    """How many parts semicolons set apart in a list's only criterion, unnumbered and with no sub-criteria (a
    semicolon within brackets aside: "(SLEDAI; BILAG)"); 0 for any other list, or a criterion of one part."""
    if len(items) != 1 or "number" in items[0] or "sub_criteria" in items[0]:
        return 0
    depth, parts = 0, 1
    for char in items[0]["text"]:
        depth += (char in "([{") - (char in ")]}")
        parts += char in ";；" and depth <= 0
    return parts if parts > 1 else 0


def _named_within(items: list[dict], named: re.Pattern) -> str | None:
    """The first criterion (or sub-criterion) among items whose words name a list's criteria (criteria_text.LIST_NAMED:
    "Inclusion Criteria: 1) Age 18-65 2) SLE Exclusion Criteria: 1) Pregnancy", on one line, was imported as one
    inclusion criterion and its exclusion criteria declared unstated)."""
    return next((text for text in _flat(items) if named.search(text)), None)
