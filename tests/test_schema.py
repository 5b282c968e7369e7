"""schema/trial.schema.json: a valid 2020-12 schema, closed, documented, portable, and read the same
way by the tool and by a stock validator (check-jsonschema, ECMA-262 regular expressions)."""

from __future__ import annotations

import copy
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA_ROOT, FIXTURES, IM19_MINIMAL, IM19_PATH, REPO, Trials, put
from jsonschema import Draft202012Validator

SCHEMA_FILE = REPO / "schema" / "trial.schema.json"
# Keywords whose value is one subschema, or a map or list of subschemas.
ONE = (
    "items",
    "additionalProperties",
    "not",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedProperties",
    "unevaluatedItems",
)
MANY = ("properties", "patternProperties", "$defs", "dependentSchemas")
LIST = ("allOf", "anyOf", "oneOf", "prefixItems")


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def subschemas(node: Any, pointer: str = "#") -> Iterator[tuple[str, dict]]:
    """Every subschema with its JSON pointer, except `if` conditions: an `if` only tests a value,
    and closing it (additionalProperties: false) would change what it matches."""
    if not isinstance(node, dict):
        return
    yield pointer, node
    for key in ONE:
        yield from subschemas(node.get(key), f"{pointer}/{key}")
    for key in MANY:
        for name, child in (node.get(key) or {}).items():
            yield from subschemas(child, f"{pointer}/{key}/{name}")
    for key in LIST:
        for i, child in enumerate(node.get(key) or []):
            yield from subschemas(child, f"{pointer}/{key}/{i}")


def patterns(node: Any, pointer: str = "#") -> Iterator[tuple[str, str]]:
    """Every regular expression anywhere in the schema (pattern values and patternProperties keys)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield pointer, value
            if key == "patternProperties" and isinstance(value, dict):
                yield from ((f"{pointer}/patternProperties", k) for k in value)
            yield from patterns(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from patterns(value, f"{pointer}/{i}")


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema's verdict on files, its command run in-process (click's runner) as its
    console script runs it: what is compared is the stock validator's reading, not its process
    (a process a call cost ~0.7 s of CPU, most of it imports)."""
    try:
        from check_jsonschema import main as stock
        from click.testing import CliRunner
    except ImportError:  # pragma: no cover - the test extra is installed where the tests run
        pytest.fail("check-jsonschema is missing; install the test extra: make test")
    argv = ["--schemafile", str(SCHEMA_FILE), *map(str, files)]
    result = CliRunner().invoke(stock, argv, prog_name="check-jsonschema")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(argv, result.exit_code, result.stdout, result.stderr)


# --- the schema itself ---------------------------------------------------------------------------


def test_schema_is_valid_against_the_2020_12_metaschema(schema: dict) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_object_is_closed(schema: dict) -> None:
    objects = [
        (p, n)
        for p, n in subschemas(schema)
        if n.get("type") == "object" or "properties" in n or "patternProperties" in n
    ]
    assert len(objects) > 20
    open_ = [p for p, n in objects if n.get("additionalProperties") is not False]
    assert open_ == [], f"objects without additionalProperties: false: {open_}"


def test_every_property_has_a_description(schema: dict) -> None:
    missing = []
    count = 0
    for pointer, node in subschemas(schema):
        for key in ("properties", "patternProperties"):
            for name, child in (node.get(key) or {}).items():
                count += 1
                if not (isinstance(child, dict) and str(child.get("description", "")).strip()):
                    missing.append(f"{pointer}/{key}/{name}")
    assert count > 100
    assert missing == [], f"properties without a description (the data dictionary): {missing}"


def codes_without_meaning(schema: dict) -> list[str]:
    """Each code of an enum that its x-meanings does not explain in words (or explains with what the
    data package cannot list: a ';' separates one code's meaning from the next's there), and each
    meaning of no code."""
    out = []
    for pointer, node in subschemas(schema):
        if "enum" not in node:
            continue
        said = node.get("x-meanings", {})
        for code in node["enum"]:
            words = said.get(code)
            if not (isinstance(words, str) and words.strip() and words != code and ";" not in words):
                out.append(f"{pointer}: {code}")
        out += [f"{pointer}: {code} (no such code)" for code in said if code not in node["enum"]]
    return out


def test_every_code_has_a_meaning(schema: dict) -> None:
    """The site and the data package showed clinicians bare codes (RECRUITING, PHASE1, AUTOLOGOUS): a
    code is explained where x-meanings, beside its enum, says it in words, and only there."""
    enums = [n for _, n in subschemas(schema) if "enum" in n]
    assert len(enums) > 30
    assert codes_without_meaning(schema) == []
    added = copy.deepcopy(schema)
    added["properties"]["overall_status"]["enum"].append("RECRUITING_SOON")
    added["properties"]["phases"]["items"]["x-meanings"]["PHASE4"] = ""
    assert codes_without_meaning(added) == [
        "#/properties/overall_status: RECRUITING_SOON",
        "#/properties/phases/items: PHASE4",
    ]


def test_the_same_codes_mean_the_same_everywhere(schema: dict) -> None:
    """Two fields of one vocabulary (overall_status and last_known_status; a date's and an
    enrollment's ACTUAL or ESTIMATED) explain it in the same words."""
    by_codes: dict[tuple, dict] = {}
    for pointer, node in subschemas(schema):
        if "enum" in node:
            first = by_codes.setdefault(tuple(node["enum"]), node.get("x-meanings", {}))
            assert node.get("x-meanings") == first, pointer
    assert len(by_codes) < len([n for _, n in subschemas(schema) if "enum" in n])


def test_no_pattern_uses_backslash_d(schema: dict) -> None:
    """`\\d` is ASCII in ECMA-262 but any Unicode digit in Python: write [0-9]."""
    found = list(patterns(schema))
    assert any(p == "^NCT[0-9]{8}$" for _, p in found)
    assert [(where, p) for where, p in found if "\\d" in p] == []


# --- the stock validator agrees ------------------------------------------------------------------


def test_check_jsonschema_accepts_the_real_trials(registry: Path) -> None:
    result = check_jsonschema(*sorted((registry / "trials").glob("*.yaml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_accepts_the_valid_fixtures(tmp_path: Path) -> None:
    files = sorted((FIXTURES / "valid").glob("*.yaml"))
    result = check_jsonschema(*files)
    assert result.returncode == 0, result.stdout + result.stderr


SCHEMA_CODES = ("E102", "E201", "E202", "E203", "E204", "E205", "E206", "E207")


def test_check_jsonschema_rejects_the_schema_fixtures(tmp_path: Path) -> None:
    by_code = {p.name[:4]: p for p in (FIXTURES / "invalid").glob("E*.yaml")}
    files = [by_code[code] for code in SCHEMA_CODES if code in by_code]
    assert files, "no schema-level fixtures"
    result = check_jsonschema(*files)
    assert result.returncode == 1, result.stdout + result.stderr
    rejected = {p.name for p in files if f"{p}::" in result.stdout}
    assert rejected == {p.name for p in files}, result.stdout


AGREEMENT = {
    "plain url": ("url", "https://clinicaltrials.gov/study/NCT06513429"),
    "url with a no-break space": ("url", "https://clinicaltrials.gov/study/NCT06513429\u00a0x"),
    "url with an ideographic space": ("url", "https://clinicaltrials.gov/study/\u3000NCT06513429"),
    "nct_id with a trailing newline": ("nct_id", "NCT06513429\n"),
    "nct_id with an Arabic-Indic digit": ("nct_id", "NCT0651342\u0669"),
    "source outside seeds/": ("file", "seeds/../trials/NCT06513429.yaml"),
}


def case_text(field: str, value: str) -> str:
    quoted = json.dumps(value, ensure_ascii=True)  # a JSON string is a YAML double-quoted scalar
    if field == "url":
        return IM19_MINIMAL.replace('      as_of: "2025-08-17"\n', f'      as_of: "2025-08-17"\n      url: {quoted}\n')
    if field == "nct_id":
        return IM19_MINIMAL.replace("nct_id: NCT06513429", f"nct_id: {quoted}")
    return IM19_MINIMAL.replace("file: seeds/000_84a0f0163f21158e.txt", f"file: {quoted}")


def test_tool_and_stock_validator_agree_on_edge_values(tmp_path: Path, trials: Trials, registry: Path) -> None:
    """The schema's patterns mean what ECMA-262 says (schema.py): `$` is the end of the text
    and `\\s` is any Unicode white space. The tool's verdict must match check-jsonschema's."""
    files = {}
    for i, (name, (field, value)) in enumerate(AGREEMENT.items()):
        files[name] = tmp_path / f"case{i}.yaml"
        files[name].write_text(case_text(field, value), encoding="utf-8")
    stock = check_jsonschema(*files.values())
    assert stock.returncode in (0, 1), stock.stderr
    verdicts = {}
    for name, file in files.items():
        put(registry, IM19_PATH, file.read_text(encoding="utf-8"))
        tool = trials.json("validate", registry / IM19_PATH)
        schema_codes = {c for c in tool.codes() if c.startswith("E2") or c == "E102"}
        verdicts[name] = (f"{file}::" not in stock.stdout, not schema_codes)
    assert verdicts["plain url"] == (True, True)
    disagree = {
        name: f"check-jsonschema {'accepts' if s else 'rejects'}, trials {'accepts' if t else 'rejects'}"
        for name, (s, t) in verdicts.items()
        if s != t
    }
    assert disagree == {}


def test_what_is_worked_out_from_a_schema_belongs_to_that_schema() -> None:
    """fields keeps what it works out from a schema on the schema a run loaded (fields.Schema), not
    in a module: a changed copy, or the next run's schema, is read afresh, never answered for by
    another's memo."""
    import copy

    from sle_trials import fields, paths

    loaded = paths.load_schema(REPO)
    assert "acronym" in fields.known_names(loaded)  # worked out and kept on `loaded`
    changed = copy.deepcopy(loaded)
    changed["properties"]["nickname"] = {"type": "string", "x-verbatim": True}
    assert "nickname" in fields.known_names(changed) and "nickname" not in fields.known_names(loaded)
    assert [p for p, _, _ in fields.verbatim_texts({"nickname": "x"}, changed)] == [("nickname",)]
    assert fields.verbatim_texts({"nickname": "x"}, loaded) == []
    assert fields.known_names(dict(changed)) == fields.known_names(changed)  # a plain dict: worked out each call


@pytest.mark.parametrize(
    "dotted",
    [
        "enrollment.count",
        "eligibility.minimum_age.value",
        "arms.0.cohorts.1.patients.last",
        "eligibility.exclusion_criteria.3.number",
        "eligibility.thresholds.0.criterion.number",
    ],
)
def test_a_whole_number_written_as_a_decimal_is_refused(dotted: str) -> None:
    """Before: `count: 6.0` passed, since JSON Schema's integer takes a number with no fraction; the
    record no longer wrote what its source says, and the CSV printed 6.0 (E209, at the value). A
    fraction there is the validator's E203 alone, and a decimal where the schema holds any number
    (a limit of 40.0 kg) is no mistake of form."""
    from sle_trials.checks import load
    from sle_trials.checks import schema as schema_mod

    record, problems = load.load(DATA_ROOT / IM19_PATH, IM19_PATH)
    assert record is not None, problems
    validator = schema_mod.make_validator(schema_mod.load_schema(REPO))
    path = tuple(int(p) if p.isdigit() else p for p in dotted.split("."))
    node: Any = record.data
    for part in path[:-1]:
        node = node[part]
    whole = node[path[-1]]
    node[path[-1]] = float(whole)
    assert validator.valid(record.data)  # the stock verdict: why the check is needed
    found = schema_mod.check(record, validator)
    assert [(p.code, (p.line, p.column)) for p in found] == [("E209", record.where(path))], found
    assert f"{dotted}: {float(whole)!r} is written as a decimal" in found[0].message
    node[path[-1]] = whole + 0.5
    assert [p.code for p in schema_mod.check(record, validator)] == ["E203"]
    node[path[-1]] = whole
    record.data["eligibility"]["thresholds"][0]["value"] = 40.0
    assert schema_mod.check(record, validator) == []


@pytest.mark.parametrize(
    "written, said",
    [
        ("", "enrollment.type: nothing (an empty value) is not allowed; expected one of ACTUAL, ESTIMATED"),
        ("true", "enrollment.type: true is not allowed; expected one of ACTUAL, ESTIMATED"),
        ("[ACTUAL]", "enrollment.type: a list is not allowed; expected one of ACTUAL, ESTIMATED"),
    ],
)
def test_a_vocabulary_value_left_empty_is_said_as_the_record_writes_it(written: str, said: str) -> None:
    """A curator who fills in `enrollment:` from what `trials new` writes and leaves `type:` empty (its
    hint deleted) was told "enrollment.type: None is not allowed": Python's word for the empty value,
    which the record does not write (found following docs/curating.md as a newcomer)."""
    from sle_trials.checks import load
    from sle_trials.checks import schema as schema_mod

    shown = "trials/NCT06513429.yaml"
    text = (
        (DATA_ROOT / shown)
        .read_text(encoding="utf-8")
        .replace("enrollment:\n  count: 6\n", f"enrollment:\n  count: 6\n  type: {written}\n", 1)
    )
    assert f"  type: {written}\n" in text
    record, problems = load.parse(text, shown)
    assert record is not None, problems
    found = schema_mod.check(record, schema_mod.make_validator(schema_mod.load_schema(REPO)))
    assert said in [p.message for p in found if p.code == "E204"], found
    assert not any("None" in p.message or "True" in p.message for p in found), found


@pytest.mark.parametrize(
    "written, hint",
    [
        (">", "YAML reads a bare > as the start of a block of text: put it in quotes ('>')"),
        ("|", "YAML reads a bare | as the start of a block of text: put it in quotes ('|')"),
        ('"=>"', "(did you mean >=?)"),
        ('"=<"', "(did you mean <=?)"),
        ('"=>="', "(did you mean >=?)"),
        ('"=="', "(did you mean =?)"),
    ],
)
def test_a_comparator_written_wrong_gets_the_hint_that_fixes_it(written: str, hint: str) -> None:
    """`comparator: >` unquoted is YAML's folded block of no lines: it gave "'' is not allowed" and
    no hint; `"=>"` was asked "did you mean >?" (difflib's nearest) rather than >=, its characters."""
    from sle_trials.checks import load
    from sle_trials.checks import schema as schema_mod

    shown = "trials/NCT05765006.yaml"
    text = (DATA_ROOT / shown).read_text(encoding="utf-8").replace('comparator: ">="', f"comparator: {written}", 1)
    record, problems = load.parse(text, shown)
    assert record is not None, problems
    found = schema_mod.check(record, schema_mod.make_validator(schema_mod.load_schema(REPO)))
    assert [p.code for p in found] == ["E204"] and found[0].message.endswith(hint), found
