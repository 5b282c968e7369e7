"""Regenerate the tables of the docs (codes, vocabulary, lexicon, layouts, CSV columns) from the code that defines them.

Each table lives in one document, between `<!-- NAME:start -->` and `<!-- NAME:end -->`; DOCS says
which document holds which tables.

    python -m sle_trials.outputs.docs          rewrite the marked sections of every document in DOCS
    python -m sle_trials.outputs.docs --check  exit 1 if any of them is out of date
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Callable
from pathlib import Path

from sle_trials import checks, fields
from sle_trials.checks import schema
from sle_trials.outputs import package
from sle_trials.outputs.export import write_atomic

REPO = Path(__file__).resolve().parents[3]  # the registry this module belongs to (for its schema)


def codes_table() -> str:
    """Each code with the module that declares it and, where other modules report it too, those:
    "E512 ... binding.py" sent a reader of "its quote stands only in words on another arm" to
    evidence.py, where E512 is declared and that message is not."""
    also = reported_in()
    rows = ["| code | name | checked in | what it means |", "|---|---|---|---|"]
    for c in checks.table().values():
        own = checks.source_file(c)
        others = [f"`{f}`" for f in also.get(c.code, []) if f != own]
        where = f"`{own}`" + (f" (also {', '.join(others)})" if others else "")
        rows.append(f"| {c.code} | {c.name} | {where} | {c.summary} |")
    return "\n".join(rows) + "\n"


def reported_in() -> dict[str, list[str]]:
    """Each code -> the package's files that report it: a call given the code as one of its
    arguments (a Problem made, or a record's or a context's problem method called, with the code),
    not the code's declaration (a Check) nor a comparison or a set of codes. In the files' order."""
    package = Path(checks.__file__).parents[1]
    codes = set(checks.table())
    found: dict[str, list[str]] = {}
    for file in sorted(package.rglob("*.py")):
        shown = "scripts/" + file.relative_to(package.parent).as_posix()
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or getattr(node.func, "id", None) == "Check":
                continue
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(arg, ast.Constant) and arg.value in codes and shown not in found.get(arg.value, []):
                    found.setdefault(arg.value, []).append(shown)
    return found


def _cell(text: str) -> str:
    return text.replace("|", "\\|")  # a bare '|' would start a new cell on GitHub


def columns_table() -> str:
    """The columns of trials.csv (docs/data.md), from the table schema written to datapackage.json."""
    return package.columns_table(schema.load_schema(REPO))


def _enum_meanings(schema: dict) -> dict[frozenset, dict[str, str]]:
    """Each enum of a record's fields (its codes as a set) -> what each code means (fields.meanings)."""
    found: dict[frozenset, dict[str, str]] = {}
    for path in fields.all_field_names(schema):
        node = package.record_field(schema, fields.dotted(path))[0]
        if node.get("enum"):
            found.setdefault(frozenset(map(str, node["enum"])), fields.meanings(node))
    return found


def vocabulary_tables() -> str:
    """The renderings of every categorical value (vocabulary.py), with what each code means (the
    schema's x-meanings of the enum of the same codes): a curator choosing a code reads both here."""
    from sle_trials.reading import vocabulary

    said = _enum_meanings(schema.load_schema(REPO))
    out = []
    for name, table in vocabulary.TABLES.items():
        meaning = said.get(frozenset(map(str, table)), {})
        out += [
            f"**{name}**",
            "",
            "| value | means | renderings (besides the value itself, and each in capitals, as a title and, "
            "of several words, opening a sentence) |",
            "|---|---|---|",
        ]
        for value, labels in table.items():
            means = _cell(meaning.get(str(value), "")) or "—"
            out.append(f"| `{value}` | {means} | {_cell(', '.join(f'{r!r}' for r in labels)) or '—'} |")
        out.append("")
    for field, answers in vocabulary.BOOLEANS.items():
        out += [f"**{field}** (yes/no)", "", "| value | renderings |", "|---|---|"]
        out += [
            f"| `{str(value).lower()}` | {_cell(', '.join(repr(r) for r in labels))} |"
            for value, labels in answers.items()
        ]
        out.append("")
    return "\n".join(out)


def lexicon_tables() -> str:
    """The phrase lexicon (reading/lexicon/): comparators, units, kinds of limit, date labels."""
    from sle_trials.reading.lexicon import age_bounds, date_mentions, quantities, stated_limits

    out = [
        "**Comparators before a number** (tried in this order; a reading needs a curation note)",
        "",
        "| words (regular expression) | comparator | reading |",
        "|---|---|---|",
    ]
    out += [f"| `{_cell(p)}` | `{c}` | {_cell(r or '')} |" for p, c, r in quantities.COMPARATORS_BEFORE]
    out += [
        "",
        f"A negation right before one of them (`{_cell(quantities.NEGATION)}`) says its complement "
        "(" + ", ".join(f"`{a}` as `{b}`" for a, b in quantities.COMPLEMENT.items()) + "; "
        '"not below 40 kg" is `>= 40`); a negated `=` or reading says no comparator.',
    ]
    out += ["", "**Comparators after a number and its unit**", "", "| words | comparator |", "|---|---|"]
    out += [f"| `{_cell(p)}` | `{c}` |" for p, c in quantities.COMPARATORS_AFTER]
    out += [
        "",
        "**Units** (a record's unit binds a written unit of the same row; spaces around `/` do not count)",
        "",
        "| unit | dimension | spellings |",
        "|---|---|---|",
    ]
    out += [f"| {_cell(u.key)} | {u.dimension} | {_cell(', '.join(u.spellings))} |" for u in quantities.UNITS]
    out += [
        "",
        "**Kinds of limit** (in precedence order; the cue nearest the statement decides, a modifier anywhere "
        "in the clause; with no cue, the unit's dimension: "
        + ", ".join(f"{d} {k}" for d, k in stated_limits.KIND_BY_DIMENSION.items())
        + ", but not a laboratory unit written as a daily amount, g/day; a dose with no cue is of no kind)",
        "",
        "| kind | dimensions | cue words |",
        "|---|---|---|",
    ]
    out += [
        f"| `{k.kind}` | {', '.join(sorted(k.dimensions))} | "
        f"{_cell(', '.join(k.cues)) or '(any: the dimension says it)'}"
        f"{' (modifier)' if k.anywhere_in_clause else ''} |"
        for k in stated_limits.KIND_CUES
    ]
    out += ["", "**Date labels** (a date binds under a label of its own field)", "", "| field | labels |", "|---|---|"]
    out += [f"| dates.{name} | {_cell(', '.join(labels))} |" for name, labels in date_mentions.DATE_LABELS.items()]
    own = "the source's as_of_label (unless it holds another date's label: Study Start)"
    out.append(f"| curation.sources.as_of | {own}, {_cell(', '.join(date_mentions.AS_OF_LABELS))} |")
    out += [
        "",
        "**Ages**: a label (`" + "`, `".join(age_bounds.AGE_LABELS.values()) + "`), a comparator, a range "
        "(`between 18 and 70 years`, `18 to 65 years`), or two bare ages (`18 Years 65 Years`: minimum first); "
        "no age limit is an age at the disease's diagnosis or onset (`18 years at diagnosis`) or a length of time "
        "(`diagnosed at least 6 months before screening`), nor the age of those another requirement is for "
        "(`Patients older than 60 years must have an ejection fraction ≥ 50%`), whether the quote or the words "
        "of its sentence it leaves out say so (`Patients under 70 years` of `... are excluded`). "
        "**Doses**: the number, `/kg` (or `per kg`, or the unit then `/kg`) for PER_KG, then the record's unit, whole; "
        "a dose with no per-kilogram words is FLAT, a reading unless `flat`, `fixed` or `total` says so; "
        "a cap (`maximum total dose 1×10^8`) or an end of a range (`0.5-1×10^6`) is the dose only as a reading, "
        "and so, for a lymphodepleting agent, is a course's total (`total 90 mg/m2`). "
        "**Cohorts**: `patients 1 to 3`, `patient 4`. **Counts**: `6 participants`, `Enrollment: 24`, a source's "
        "own word for people taking part (`12 adults`, `18 individuals`, `20 women`, `15 healthy volunteers`, "
        "`10 children`) with up to three words describing them (`24 eligible participants`, `12 lupus nephritis "
        "patients`); not a number a word before it names something by (`Class 3 lupus nephritis patients`, "
        "`Phase 1 SLE patients`, `Type 1 diabetes patients`, `aged 18-65 SLE patients`) or a year (`In 2024 "
        "patients were enrolled`), nor a unit's words between (`12 weeks after patients`); "
        "not a count of a part (`12 participants per arm`, `3 in each cohort`, `3 patients at each dose level`, "
        "`12 participants in the dose-escalation phase`, `two cohorts of 12 participants`, "
        "`of whom 12`) nor of another group (`Screening failures: 12 participants`, `12 participants withdrew`, "
        "`40 patients were assessed for eligibility`), whether the quote or the words of its sentence it leaves "
        "out say so (`3 patients` of `3 patients at each dose level`).",
        "",
    ]
    return "\n".join(out)


def layout_tables() -> str:
    """Which fields each source layout places (layouts.py)."""
    from sle_trials.reading import ctgov_study, layouts

    out = ["| layout | recognised by | source kind | fields it places |", "|---|---|---|---|"]
    said = {
        "ctgov_json": "a ClinicalTrials.gov API v2 study (`protocolSection`)",
        "registry_copy": "six or more of its headings (Basic Information, Study Design, Eligibility Criteria, ...)",
        "clinconnect": "a first line starting `ClinConnect`",
    }
    fields_of = {
        "ctgov_json": sorted({*ctgov_study.CTGOV_PLACES, *ctgov_study.CTGOV_LISTS, "cell_product"}),
        "registry_copy": [
            "brief_title",
            "nct_id",
            "overall_status",
            "phases",
            "study_type",
            "enrollment",
            "dates",
            "results_posted",
            "design",
            "arms",
            "interventions",
            "cell_product",
            "eligibility",
            "sponsor",
            "responsible_party",
            "locations",
            "identifiers",
            "related_trials",
        ],
        "clinconnect": [
            "brief_title",
            "nct_id",
            "overall_status",
            "phases",
            "dates",
            "keywords",
            "third_party_summary",
            "cell_product",
            "interventions",
            "eligibility",
            "sponsor",
            "officials",
            "locations",
            "related_trials",
        ],
    }
    for name, kind in layouts.LAYOUT_KINDS.items():
        out.append(f"| {name} | {said[name]} | `{kind}` | {_cell(', '.join(fields_of[name]))} |")
    kinds = ", ".join(f"`{k}`" for k in layouts.KIND_LAYOUTS)
    out.append(
        f"| plain | anything else | any but {kinds} | none: text is checked word for word, anywhere in it; "
        "a criterion not only under the other list's heading (reading/list_sides.py); "
        "where it names other trials, only in this trial's lines (from a line naming it alone to the next "
        "naming any); the trial's status, dates, phases, design, enrollment, conditions, product, arms, "
        "interventions, outcomes, sites and officials only in its sentences about this trial (a sentence ends "
        "at a stop, and at a line with none where the next line is blank, a list's mark or a label, or the line "
        "is a label's, in capitals or a headline's: each such line's sentence is read alone for what lends a "
        "value, an enrolment's words, and with the lines it runs into for what lends none, a heading naming "
        "another trial or a place that is no site; a line broken inside a sentence goes on): not one naming "
        "a product code or a disease that its first sentence and its sentences naming the trial do not, nor "
        "only a phase they do not, nor "
        "the words after an earlier or another "
        "study, trial, antibody or product (as in a `TRIAL_FINDER_PAGE` summary's phases and product), nor "
        "after words introducing a trial besides it (a second or planned trial, one the sponsor also runs or "
        'plans to start, "Separately,", its pipeline, other or approved therapies) unless they name its id, '
        'nor one bringing a trial in ("A trial in myositis enrolled ...", "studied in a trial in SLE that '
        'enrolled ...", not "The trial is an open-label study") not naming its id, nor all the trial is (its '
        "product, disease and phase, each one the document gives it); "
        "a site not from words placing what is no "
        'site ("manufactured in", "headquartered in", "offices in", "presented at ... in") and its texts written '
        'together in one sentence ("Charité in Berlin, Germany": no city of one site with another\'s country; '
        'another city may stand between a city and the place they share, "Berlin and Munich, Germany", not '
        'after a place and a comma: "Berlin, Munich and Hamburg, Germany" reads as "Columbus, Ohio and Berlin, '
        "Germany\" and is refused, the record's own sites vouching for no list), or "
        'its places in the next sentence going on about the site named last ("The hospital is in Columbus."), an '
        "enrollment not "
        'from a sentence about the people a disease affects that names no enrolment ("Lupus affects 300,000 '
        'patients", "300,000 patients in the United States are eligible"), a condition not one naming only '
        "diseases that its first sentence and its sentences naming "
        'the trial do not (where they name some; a basket trial\'s, "and other autoimmune diseases", takes '
        "those its sentences enrol), a product, intervention or arm not from words naming a therapy had "
        'before or compared against ("failed treatment with", "did not respond to", "Unlike approved '
        "therapies\"), and a product's or intervention's name a noun phrase, opening and closing on words "
        'that name, with no verb of a clause ("patients with", "In this trial", "given to patients" are none), '
        "a cell product's bearing a mark of a product besides (a CAR, a code or a word with a digit, a cell "
        'therapy\'s international name such as "Relma-cel", cells, or a proper name written inside its '
        "sentence), an official only from a sentence naming the trial's investigator, chair or lead "
        '("principal investigator", "led by"), not any person quoted, its affiliation the one written after '
        "its name with no other person between (or right before it, or in the next sentence going on about "
        'the official named last, opening with a pronoun or their surname: "She is a professor at Charité."; '
        "a next sentence naming a person the one before does not gives none, an institution's capitalised "
        'words naming no person: "She is at Columbus University."; and no next sentence names an official), '
        "a date not from words "
        "dating another "
        'event ("topline data in", "founded in", "designation in", "presented at a meeting in") nor its '
        'dateline ("BOSTON, Dec. 1, 2026 --"); a sponsor '
        'not from words naming a partner, licensor, owner or investor ("licensed NB-301 from", "in '
        'collaboration with", "acquired by") nor a place the trial is run at ("conducted at", "Site:", "treated '
        'at") unless the sentence gives that place as this trial\'s sponsor too ("sponsored by and conducted at"); '
        "a responsible party only from sentences naming one; an "
        "outcome not from a sentence naming only another kind's outcomes (primary, secondary, exploratory), its "
        "time frame the time written next after its measure in its sentence (or the nearest before it, with "
        "none after or the first after it past another item; or in the next sentence, going on about it: "
        '"It is assessed at day 28.") |'
    )
    return "\n".join(out) + "\n"


# Each document (relative to the registry's root) and the generated tables it holds, by marker name.
DOCS: dict[Path, dict[str, Callable[[], str]]] = {
    Path("docs") / "checks.md": {
        "vocabulary": vocabulary_tables,
        "lexicon": lexicon_tables,
        "layouts": layout_tables,
        "codes": codes_table,
    },
    Path("docs") / "data.md": {"columns": columns_table},
}


def render(text: str, sections: dict[str, Callable[[], str]]) -> str:
    """text with each marked section of sections regenerated."""
    for name, make in sections.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.DOTALL)
        made = make()
        # the lambda is called by sub() here, within this iteration (B023 guards against later calls)
        text = pattern.sub(lambda m: m.group(1) + made + m.group(2), text)  # noqa: B023
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sle_trials.outputs.docs", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the documents are current")
    args = parser.parse_args(argv)
    stale = []
    for path, sections in DOCS.items():
        file = REPO / path
        current = file.read_text(encoding="utf-8")
        wanted = render(current, sections)
        if current == wanted:
            continue
        stale.append(path)
        if not args.check:
            write_atomic(file, wanted)
            print(f"{path}: tables regenerated", file=sys.stderr)
    if stale and args.check:
        print(
            f"{', '.join(map(str, stale))}: tables are out of date; run: python -m sle_trials.outputs.docs",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
