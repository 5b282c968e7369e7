"""A hostile review of the fourth session's features: E114 and the import's scope gate, E108's offer
of a source's name, E007's positions, `trials validate FILE`'s E307 and the hooks' `git add` lines.
Each test reproduces a defect found, fixed in scripts/sle_trials/."""

from __future__ import annotations

import hashlib
import json
import subprocess
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, Trials
from sle_trials import command
from sle_trials.checks import load, rules, sources
from sle_trials.reading import in_scope

CTGOV = FIXTURES / "ctgov"
_CURATION = {"curation": {"status": "draft", "sources": []}}


def _study(tmp_path: Path, keywords: list[str], description: str) -> Path:
    """withdrawn_enrollment_0.json made a study of metformin in diabetes, but for one keyword and one
    intervention's description, which the record holds as they are."""
    doc = json.loads((CTGOV / "withdrawn_enrollment_0.json").read_text(encoding="utf-8"))
    ps = doc["protocolSection"]
    ps["conditionsModule"] = {"conditions": ["Type 2 Diabetes"], "keywords": keywords}
    ps["armsInterventionsModule"]["interventions"] = [{"type": "DRUG", "name": "Metformin", "description": description}]
    for arm in ps["armsInterventionsModule"].get("armGroups", []):
        arm.update(label="Metformin", description="Metformin twice daily.", interventionNames=["Drug: Metformin"])
    ps["identificationModule"].update(briefTitle="Metformin in Type 2 Diabetes", officialTitle="Metformin in Adults")
    ps["identificationModule"].pop("acronym", None)
    path = tmp_path / "study.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize(("keywords", "description"), [(["CAR-T"], "Weekly."), (["insulin"], "As given in lupus.")])
def test_the_import_gate_reads_the_words_the_check_reads(
    trials: Trials, registry: Path, tmp_path: Path, keywords: list[str], description: str
) -> None:
    """The gate read lupus only in a study's conditions and titles and a cell therapy only in its
    interventions and arms; the check reads both everywhere. A study whose keyword was "CAR-T" (or
    whose intervention's description named lupus) was refused without a reason and, given one, was
    written as a record the check refused for holding it: no way in at all. The gate now reads the
    record the study becomes."""
    result = trials("import", "ctgov", _study(tmp_path, keywords, description))
    assert result.status == 0, result.err
    loaded, problems = load.load(registry / "trials" / "NCT09000022.yaml", "NCT09000022")
    assert loaded is not None and "out_of_scope" not in loaded.data["curation"], problems
    assert not list(rules.check_scope(loaded))


@pytest.mark.parametrize(
    "title",
    [
        "Crash Cart Organization in the Emergency Department",  # "cart" read as CAR-T (CAR[\s-]?T, any case)
        "Golf cart injuries in older adults",
        "Hydroxyurea as Sickle Cell Therapy in Children",  # a therapy of a disease named by its cells
        "Small-cell therapy outcomes after platinum",
        "Slit Lamp Examination (SLE) After Cataract Surgery",  # SLE spelt out as other words
        "St. Louis Encephalitis (SLE) Vaccine in Adults",
        "Corneal staining by SLE (slit-lamp examination) after surgery",
        "Apixaban in Antiphospholipid Syndrome With Lupus Anticoagulant",  # names lupus lends to other things
        "Infliximab for Lupus Pernio",
        "Lupus vulgaris: a shorter tuberculosis regimen",
    ],
)
def test_words_in_another_sense_show_no_trial_in_scope(title: str) -> None:
    """E114's signs read an English word or another disease's name as lupus or a cell therapy: a trial
    of an emergency cart, a sickle cell treatment or a slit-lamp examination needed no reason to be
    held, and counted as in scope in trials.csv."""
    record = load.Record("trials/NCT09990001.yaml", {"nct_id": "NCT09990001", "brief_title": title, **_CURATION})
    assert [p.code for p in rules.check_scope(record)] == ["E114"]


@pytest.mark.parametrize(
    "title",
    [
        "Relma Cel Systemic Lupus Erythematosus Cd19 Cart",  # a registry's title case of CD19 CART
        "Cart-19 in refractory autoimmune disease",
        "CART19 after lymphodepletion",
        "Anti-CD19 CART cells",
        "Car-t Cell Therapy",
        "Systemic Lupus Erythematosus (SLE) in adults",
        "Systemic lupus erythematosus with lupus anticoagulant",
        "SLE",
    ],
)
def test_the_abbreviations_still_show_a_trial_in_scope(title: str) -> None:
    record = load.Record("trials/NCT09990001.yaml", {"nct_id": "NCT09990001", "brief_title": title, **_CURATION})
    assert list(rules.check_scope(record)) == []


@pytest.mark.parametrize(
    "name",
    [
        "CD19-directed autologous T cells",
        "CD19 CAR-engineered T cells",
        "CAR-modified T cells",
        "CD19 CAR+ T cells",
        "CAR-T19",
        "CART19",
        "CD19CAR-T",
        "BCMA-CD19 cCAR",
        "CAR-γδ T cells",
        "CAR-NKT",
        "CAR-Tregs",
        "CAR-macrophages",
        "CARTs",
    ],
)
def test_a_car_t_product_as_trials_write_it_shows_a_trial_in_scope(name: str) -> None:
    """A CAR-T basket trial in autoimmune disease, its product written as trials write it, was refused
    (E114) as showing no cell therapy: the signs knew CAR-T, CAR-NK and CAR-Treg only as those words."""
    data = {"nct_id": "NCT09990001", "brief_title": "A Study in Refractory Autoimmune Disease", **_CURATION}
    record = load.Record("trials/NCT09990001.yaml", {**data, "interventions": [{"name": name, "type": "BIOLOGICAL"}]})
    assert list(rules.check_scope(record)) == []


@pytest.mark.parametrize("reason", ["   ", "\n", "Held as\nthe comparator", "Held as\u2029the comparator"])
def test_a_blank_or_broken_reason_is_no_reason(reason: str) -> None:
    """E114 took any text the schema took (one character) as the reason to hold a trial out of scope:
    a record could be held with a blank, or give trials.csv's out_of_scope column a run of lines,
    where the import and `trials new` refuse both."""
    data = {"nct_id": "NCT09990001", "brief_title": "Metformin in Type 2 Diabetes"}
    curation = {"status": "draft", "sources": [], "out_of_scope": reason}
    problems = list(rules.check_scope(load.Record("trials/NCT09990001.yaml", {**data, "curation": curation})))
    assert [p.code for p in problems] == ["E114"] and "is no reason" in problems[0].message
    curation["out_of_scope"] = "Held as the comparator of a CAR-T trial\n"  # a folded block's one line
    assert list(rules.check_scope(load.Record("trials/NCT09990001.yaml", {**data, "curation": curation}))) == []


def test_e108_offers_a_few_names_of_regular_files_only(tmp_path: Path) -> None:
    """E108's offer listed seeds/ and compared the cited name with every source's once per missing
    source (40 ms at 10,000 sources): a record citing 300 missing sources took 13 s, checked again on
    every run. It offered a link's or a folder's name too, which E108 then refuses as no regular file.
    Now seeds/ is listed once per record, a few missing sources get an offer, and only regular files."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "ctgov-NCT00000001-0123456789abcdef0123.json").write_text("{}", encoding="utf-8")
    (seeds / "ctgov-NCT00000002-0123456789abcdef0123.json").symlink_to(tmp_path / "elsewhere.json")
    (seeds / "ctgov-NCT00000003-0123456789abcdef0123.json").mkdir()
    cited = [f"seeds/ctgov-NCT0000000{n}-0123456789abcdef0124.json" for n in (2, 3)]
    cited += [f"seeds/ctgov-NCT00000001-0123456789abcdef{n:04d}.json" for n in range(200, 230)]
    data = {"curation": {"sources": [{"file": name} for name in cited]}}
    problems = list(rules.check_sources(load.Record("trials/NCT09990001.yaml", data), tmp_path))
    offered = [p.message.split("did you mean ")[1] for p in problems if "did you mean" in p.message]
    assert len(problems) == len(cited) and len(offered) <= rules.MAX_OFFERS
    assert offered and all(o.startswith("seeds/ctgov-NCT00000001-") for o in offered), offered


@pytest.mark.parametrize("cwd", ["my registry/trials", "."])
def test_the_printed_git_add_stages_the_file_from_where_it_was_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cwd: str
) -> None:
    """The csv and fmt hooks' `git add trials/X.yaml` named the file relative to the root, whatever
    folder the command ran in: run from trials/ (the root is found from a sub-folder) or with --root
    from elsewhere, the line the curator copies staged nothing ("pathspec did not match")."""
    root = tmp_path / "my registry"
    (root / "trials").mkdir(parents=True)
    (root / "trials" / "NCT09990001.yaml").write_text("nct_id: NCT09990001\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    monkeypatch.chdir(tmp_path / cwd)
    line = command.staged(root, "trials/NCT09990001.yaml")
    subprocess.run(line, shell=True, check=True, capture_output=True)
    listed = subprocess.run(["git", "-C", str(root), "diff", "--cached", "--name-only"], capture_output=True, text=True)
    assert listed.stdout == "trials/NCT09990001.yaml\n", line


def _manifest_says(tmp_path: Path, manifest: bytes | None) -> list[str]:
    """What `trials validate FILE` says of the one source its record cites (sources.check_cited)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / "a.txt").write_bytes(b"as received\n")
    if manifest is not None:
        (seeds / "SHA256SUMS").write_bytes(manifest)
    return [p.message for p in sources.check_cited(tmp_path, [sources.read_seed(tmp_path, "seeds/a.txt")])]


_GOOD = hashlib.sha256(b"as received\n").hexdigest()
_OTHER = hashlib.sha256(b"edited\n").hexdigest()


@pytest.mark.parametrize(
    ("manifest", "said"),
    [
        # the source listed twice, or on both sides of a conflict: it passed under the first line's hash
        (f"{_GOOD}  a.txt\n{_OTHER}  a.txt\n", "a.txt is listed twice"),
        (f"<<<<<<< ours\n{_GOOD}  a.txt\n=======\n{_OTHER}  a.txt\n>>>>>>> theirs\n", "merge-conflict marker"),
        (f"<<<<<<< ours\n{_GOOD}  a.txt\n=======\n>>>>>>> theirs\n", "merge-conflict marker"),
        # said to be "not listed; add it" (appending to the manifest), where its line is there, unread
        (f"{_GOOD}  a.txt\r\n", "a CR line end"),
        (f"\ufeff{_GOOD}  a.txt\n", "a byte-order mark"),
    ],
    ids=["listed-twice", "conflict-both-sides", "conflict-one-side", "crlf", "bom"],
)
def test_validate_file_says_what_is_wrong_with_its_source_s_line(tmp_path: Path, manifest: str, said: str) -> None:
    messages = _manifest_says(tmp_path, manifest.encode("utf-8"))
    assert any(said in m for m in messages) and not any("add it" in m for m in messages), messages


def test_validate_file_says_a_manifest_not_read_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "elsewhere").write_text(f"{_GOOD}  a.txt\n", encoding="utf-8")
    (tmp_path / "seeds" / "SHA256SUMS").symlink_to(tmp_path / "elsewhere")
    assert [m for m in _manifest_says(tmp_path, None) if "SHA256SUMS is not read" in m and "link" in m]
    (tmp_path / "seeds" / "SHA256SUMS").unlink()
    assert _manifest_says(tmp_path, f"{_GOOD}  a.txt\nnot a line\n".encode()) == []  # another line: check's


def test_a_key_without_its_colon_over_lines_is_placed_at_its_line() -> None:
    """E007 is placed where the hint says the slip is (f5e9a22), and the hint named the line before
    libyaml's mark: for a text over lines whose key lost its colon ("- text >-", then the text,
    whose third line holds " : "), a line of the text, not the key's. Found by removing one colon at a
    time from the fixture registry's records."""
    text = (FIXTURES / "registry" / "trials" / "NCT05765006.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(n for n, line in enumerate(lines) if line.strip() == "- text: >-" and " : " in lines[n + 2])
    lines[at] = lines[at].replace("text:", "text")
    record, problems = load.parse("\n".join(lines), "x.yaml")
    assert record is None and [(p.code, p.line) for p in problems] == [("E007", at + 1)], problems
    assert f"line {at + 1} has no ': ' after its key" in problems[0].message


@pytest.mark.parametrize("line", ["a" + " " * 200_000 + "b\nc: d", "  a" + " " * 200_000 + "b: c: d"])
def test_a_long_line_of_spaces_costs_e007_no_backtracking(line: str) -> None:
    """The hint's key pattern let a lazy key and the spaces before its colon share a line's spaces:
    16 s to place E007 in a record with a 200,000-character line of spaces, minutes at 1 MiB."""
    started = time.process_time()  # this process's CPU: no other process's load adds to it
    record, problems = load.parse(f"nct_id: X\n{line}\n", "x.yaml")
    assert record is None and [p.code for p in problems] == ["E007"]
    assert time.process_time() - started < 1.5  # a blow-up's bound (16 s), not a speed


@pytest.mark.parametrize("text", ["SLE " + "S." * 50_000, "SLE (" + "S " * 50_000, "CD" + "1" * 100_000 + " x"])
def test_the_signs_of_scope_read_a_long_title_at_once(text: str) -> None:
    """SLE spelt out as other words was read with unbounded words and spaces: a title "SLE S.S.S.…" of
    100,000 characters took 22 s to check."""
    started = time.process_time()  # this process's CPU: no other process's load adds to it
    in_scope.sign({"brief_title": text})
    assert time.process_time() - started < 1.0  # a blow-up's bound (22 s), not a speed


def test_an_update_that_moves_a_record_across_scope_can_be_imported(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """An update whose study came to name lupus left the record's out_of_scope, which E114 then
    refused ("remove it"), and the import wrote nothing; removing the reason first made the registry
    fail E114 before the import, which refuses that too. The other way, --out-of-scope was refused
    with --update. Now the update drops the reason, or takes it from --out-of-scope."""
    study = _study(tmp_path, ["insulin"], "Weekly.")
    doc = json.loads(study.read_text(encoding="utf-8"))
    assert trials("import", "ctgov", study, "--out-of-scope", "Control study").status == 0
    written = registry / "trials" / "NCT09000022.yaml"
    doc["protocolSection"]["conditionsModule"]["conditions"].append("Lupus Nephritis")
    doc["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {"date": "2030-01-01", "type": "ACTUAL"}
    study.write_text(json.dumps(doc), encoding="utf-8")
    result = trials("import", "ctgov", study, "--update")
    assert result.status == 0 and "curation.out_of_scope removed" in result.out, result.err
    assert "out_of_scope" not in written.read_text(encoding="utf-8")
    doc["protocolSection"]["conditionsModule"]["conditions"].pop()
    doc["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {"date": "2030-02-01", "type": "ACTUAL"}
    study.write_text(json.dumps(doc), encoding="utf-8")
    refused = trials("import", "ctgov", study, "--update")
    assert refused.status != 0 and "--out-of-scope REASON" in refused.err, refused.err
    result = trials("import", "ctgov", study, "--update", "--out-of-scope", "Control study again")
    assert result.status == 0, result.err
    assert "out_of_scope: Control study again" in written.read_text(encoding="utf-8")
