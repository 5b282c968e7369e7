"""trials new: a stub with every schema field, commented where the curator fills in, that validates as it is."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, Trials, add_source, record_data, snapshot
from sle_trials import fields
from sle_trials.checks import load, schema

STUB = "NCT06310811"  # a stub the IM19 source lists as related; its record is removed to be written again
TITLE = "Anti-CD19 CAR-T Cell Therapy in Participants With Moderate to Severe Active Systemic Lupus Erythematosus"


@pytest.fixture
def without_stub(registry: Path) -> Path:
    (registry / "trials" / f"{STUB}.yaml").unlink()
    return registry / "trials" / f"{STUB}.yaml"


def all_paths(sch: dict, node: dict | None = None, prefix: tuple = ()) -> list[tuple]:
    """Every field of the schema as a path of names (list items are not numbered)."""
    node = fields.resolve(sch, sch if node is None else node)
    out = []
    for key, child in node.get("properties", {}).items():
        out.append(prefix + (key,))
        resolved = fields.resolve(sch, child)
        out += all_paths(
            sch, resolved.get("items", child) if resolved.get("type") == "array" else child, prefix + (key,)
        )
    return out


def test_stub_validates_and_lists_every_schema_field_in_order(
    trials: Trials, registry: Path, without_stub: Path
) -> None:
    result = trials("new", STUB)
    assert result.status == 0, result.out + result.err
    assert f"trials/{STUB}.yaml written (stub) citing seeds/000_84a0f0163f21158e.txt" in result.out
    text = without_stub.read_text(encoding="utf-8")
    assert trials("validate", without_stub).status == 0
    assert trials("check").status == 0  # trials.csv follows
    assert trials("fmt", "--check", without_stub).status == 0  # fmt is a no-op on it
    data = record_data(without_stub, STUB)
    assert data["nct_id"] == STUB and data["brief_title"] == TITLE  # the title the IM19 record gives it
    assert data["curation"]["status"] == "stub"
    assert data["curation"]["sources"] == [
        {
            "file": "seeds/000_84a0f0163f21158e.txt",
            "kind": "REGISTRY_COPY",
            "as_of": "2025-08-17",
            "as_of_label": "Last Updated",
        }
    ]
    assert data["evidence"] == {"nct_id": STUB, "curation.sources.0.as_of": "Last Updated: 2025-08-17"}
    # every field, in the schema's order, as a line of its own (written or commented)
    keys = [m.group(2) for m in re.finditer(r"^(# )?\s*(?:- )?([a-z_]+):", text, re.MULTILINE)]
    sch = schema.load_schema(registry)
    wanted = [p[-1] for p in all_paths(sch)]
    at = 0
    for key in wanted:
        assert key in keys[at:], f"{key} missing or out of order"
        at = keys.index(key, at) + 1
    for line in text.splitlines():
        if line.startswith("#") and not line.startswith("# NCT") and re.match(r"# +(- )?[a-z_]+:", line):
            assert "  # " in line or line.rstrip().endswith(":") or "field.path" in line, line


def test_uncommenting_a_block_gives_it_its_place(trials: Trials, registry: Path, without_stub: Path) -> None:
    assert trials("new", STUB).status == 0
    lines = without_stub.read_text(encoding="utf-8").splitlines()
    start = lines.index(next(line for line in lines if line.startswith("# dates:")))
    block = [start] + [i for i in range(start + 1, start + 4)]
    for i in block:
        lines[i] = lines[i][2:].split("  # ")[0]
    lines[start + 2] = lines[start + 2].replace('"YYYY-MM-DD"', '"2024-03"')
    without_stub.write_text("\n".join(lines) + "\n", encoding="utf-8")
    record, problems = load.load(without_stub, STUB)
    assert record is not None, problems
    assert record.data["dates"] == {"start": {"date": "2024-03", "type": None}}


def test_new_with_a_ctgov_json_source(trials: Trials, registry: Path) -> None:
    raw = (FIXTURES / "ctgov" / "withdrawn_enrollment_0.json").read_bytes()
    (registry / "seeds" / "ctgov_NCT09000022.json").write_bytes(raw)
    with open(registry / "seeds" / "SHA256SUMS", "a", encoding="utf-8") as sums:
        sums.write(f"{hashlib.sha256(raw).hexdigest()}  ctgov_NCT09000022.json\n")
    result = trials("new", "NCT09000022", "--source", "seeds/ctgov_NCT09000022.json")
    assert result.status == 0, result.out + result.err
    data = record_data(registry / "trials" / "NCT09000022.yaml", "x")
    assert data["brief_title"] == "AX-19 CAR-T in Adults With Refractory Systemic Lupus Erythematosus"
    assert data["curation"]["sources"] == [
        {"file": "seeds/ctgov_NCT09000022.json", "kind": "REGISTRY_JSON", "as_of": "2025-06-12"}
    ]
    assert data["evidence"]["curation.sources.0.as_of"] == "lastUpdatePostDateStruct.date: 2025-06-12"
    assert data["curation"]["status"] == "draft"  # the trial's own record: a draft of its curation, not a stub
    assert trials("check").status == 0


# A page of no known layout about one trial, with its own date (a line the checks read as one)
PAGE = "Trial NCT09000055\nCAR-T Cells for Childhood-onset Lupus\nUpdated 2025-10-01\n"


def test_new_with_a_text_source_needs_its_kind_and_date(trials: Trials, registry: Path) -> None:
    add_source(registry, "seeds/page.txt", PAGE)  # as docs/curating.md says to
    before = snapshot(registry)
    result = trials(
        "new", "NCT09000055", "--source", "seeds/page.txt", "--title", "CAR-T Cells for Childhood-onset Lupus"
    )
    assert result.status == 2 and "--kind" in result.err and "--as-of" in result.err
    # the kinds to choose from, every one the schema has, not a few of them and "..."
    kinds = "REGISTRY_PAGE, REGISTRY_COPY, REGISTRY_JSON, TRIAL_FINDER_PAGE, PUBLICATION, PRESS_RELEASE, OTHER"
    assert f"--kind (one of {kinds})" in result.err and "..." not in result.err, result.err
    assert snapshot(registry) == before
    result = trials(
        "new",
        "NCT09000055",
        "--source",
        "seeds/page.txt",
        "--title",
        "CAR-T Cells for Childhood-onset Lupus",
        "--kind",
        "OTHER",
        "--as-of",
        "2025-10-01",
    )
    assert result.status == 0, result.out + result.err
    assert trials("check").status == 0
    written = (registry / "trials" / "NCT09000055.yaml").read_text(encoding="utf-8")
    assert "curation.sources.0.as_of: Updated 2025-10-01\n" in written  # the date quoted, as every value is
    assert "\n      as_of_label: Updated\n" in written  # and the label it found, written, not left commented out


@pytest.mark.parametrize(
    ("given", "asked", "not_asked"),
    [
        (["--kind", "OTHER"], "say how current seeds/page.txt is: --as-of YYYY-MM-DD", "--kind"),
        (["--as-of", "2025-10-01"], "say what seeds/page.txt is: --kind (one of", "--as-of"),
    ],
)
def test_new_asks_only_for_what_it_was_not_given(
    trials: Trials, registry: Path, given: list[str], asked: str, not_asked: str
) -> None:
    """A curator who gave --kind and not --as-of (or the other way round) was asked for both again,
    "say what seeds/page.txt is and how current: --kind (one of ...) and --as-of ...", as if the
    option given had not been read (found following README's curating steps as a newcomer)."""
    add_source(registry, "seeds/page.txt", PAGE)
    before = snapshot(registry)
    title = ["--title", "CAR-T Cells for Childhood-onset Lupus"]
    result = trials("new", "NCT09000055", "--source", "seeds/page.txt", *title, *given)
    assert result.status == 2 and asked in result.err, result.err
    assert not_asked not in result.err, result.err
    assert snapshot(registry) == before


def test_new_refuses_an_as_of_date_its_source_does_not_state(trials: Trials, registry: Path) -> None:
    """--as-of is the source's own date: one the source does not state would be a value no quote
    binds (E517), so nothing is written."""
    add_source(registry, "seeds/page.txt", PAGE)  # as docs/curating.md says to
    before = snapshot(registry)
    result = trials(
        "new",
        "NCT09000055",
        "--source",
        "seeds/page.txt",
        "--title",
        "CAR-T Cells for Childhood-onset Lupus",
        "--kind",
        "OTHER",
        "--as-of",
        "2025-10-02",
    )
    assert result.status == 2 and "states no as-of date 2025-10-02" in result.err, result.err
    assert snapshot(registry) == before


@pytest.mark.parametrize(
    "argv, message",
    [
        (["NCT0631081"], "'NCT0631081' is not an NCT id"),
        (["nct06310811"], "'nct06310811' is not an NCT id"),
        (["NCT06310811 "], "is not an NCT id"),
        (["NCT09999999"], "no source documents under seeds/ mention NCT09999999"),
        ([STUB, "--source", "seeds/missing.txt"], "--source seeds/missing.txt: no such file"),
        ([STUB, "--source", "trials/NCT06513429.yaml"], "not a document under seeds/"),
        (
            [STUB, "--title", "A Title Nobody Wrote"],
            "the title 'A Title Nobody Wrote' does not occur in seeds/000_84a0f0163f21158e.txt",
        ),
        ([STUB, "--kind", "BLOG"], "--kind 'BLOG' is not a source kind"),
        ([STUB, "--as-of", "2025-13-01"], "--as-of '2025-13-01' is not a date"),
    ],
)
def test_refusals_write_nothing(
    trials: Trials, registry: Path, without_stub: Path, argv: list[str], message: str
) -> None:
    before = snapshot(registry)
    result = trials("new", *argv)
    assert result.status == 2, result.out + result.err
    assert message in result.err
    assert snapshot(registry) == before


def test_an_existing_record_is_refused(trials: Trials, registry: Path) -> None:
    before = snapshot(registry)
    result = trials("new", "NCT06513429")
    assert result.status == 2 and "trials/NCT06513429.yaml exists already; edit it instead" in result.err
    assert snapshot(registry) == before


def test_a_title_the_source_does_not_make_clear_is_asked_for(trials: Trials, registry: Path) -> None:
    (registry / "seeds" / "page.txt").write_text("NCT09000066 was registered in 2025.\n", encoding="utf-8")
    before = snapshot(registry)
    result = trials("new", "NCT09000066", "--kind", "OTHER", "--as-of", "2025")
    assert result.status == 2 and "cannot tell the trial's title from seeds/page.txt; pass --title" in result.err
    assert snapshot(registry) == before


def test_everything_new_cannot_read_is_asked_for_in_one_run(trials: Trials, registry: Path) -> None:
    """README: "add --title, --kind and --as-of when it asks". A page whose title, kind and date it
    cannot read asks for all three at once: it used to ask for --kind and --as-of, and only on the
    next run for --title, so a curator ran it three times."""
    (registry / "seeds" / "page.txt").write_text("NCT09000066 was registered in 2025.\n", encoding="utf-8")
    before = snapshot(registry)
    result = trials("new", "NCT09000066")
    assert result.status == 2
    assert all(option in result.err for option in ("--title", "--kind", "--as-of")), result.err
    assert snapshot(registry) == before


def test_a_source_given_with_a_leading_dot_slash(trials: Trials, registry: Path, without_stub: Path) -> None:
    assert trials("new", STUB, "--source", "./seeds/000_84a0f0163f21158e.txt").status == 0
    assert trials("validate", without_stub).status == 0


def test_a_source_given_by_its_absolute_path_under_the_registry(
    trials: Trials, registry: Path, without_stub: Path
) -> None:
    """A path the shell completed: it was refused as "not a document under seeds/"."""
    assert trials("new", STUB, "--source", str(registry / "seeds" / "000_84a0f0163f21158e.txt")).status == 0
    assert trials("validate", without_stub).status == 0
    assert "file: seeds/000_84a0f0163f21158e.txt\n" in without_stub.read_text(encoding="utf-8")


def test_an_absolute_path_outside_the_seeds_is_refused(trials: Trials, registry: Path, without_stub: Path) -> None:
    for outside in (
        registry / "trials" / "NCT06513429.yaml",
        registry / "seeds" / ".." / "trials" / "NCT06513429.yaml",
    ):
        result = trials("new", STUB, "--source", str(outside))
        assert result.status == 2 and "not a document under seeds/" in result.err


@pytest.mark.parametrize(
    "title, message",
    [
        (
            "Anti-CD19 CAR-T Cell Therapy in Participants With Moderate to Severe Active Systemic Lupus Erythematosus",
            "is the title of NCT06310811 (its record)",
        ),
        ("CAR-T Cell Therapy", "NCT06513429's record already calls NCT06886919"),
    ],
)
def test_new_refuses_a_title_the_registry_gives_another_trial(
    trials: Trials, registry: Path, title: str, message: str
) -> None:
    (registry / "trials" / "NCT06886919.yaml").unlink()
    before = snapshot(registry)
    result = trials("new", "NCT06886919", "--title", title)
    assert result.status == 2 and message in result.err
    assert snapshot(registry) == before


def test_new_from_a_press_release_about_the_trial_is_a_draft(trials: Trials, registry: Path) -> None:
    """A document of no known layout that names this trial and no other is its own: `trials new`
    wrote a stub ("what another trial's source says of it") from a press release about the trial."""
    page = "Press release: NCT09000056, CAR-T Cells for Childhood-onset Lupus, enrols its first patient.\n"
    page += "Last Updated: 2026-03-15\n"
    add_source(registry, "seeds/press.txt", page)  # as docs/curating.md says to
    argv = ["--title", "CAR-T Cells for Childhood-onset Lupus", "--kind", "PRESS_RELEASE", "--as-of", "2026-03-15"]
    result = trials("new", "NCT09000056", "--source", "seeds/press.txt", *argv)
    assert result.status == 0, result.out + result.err
    written = (registry / "trials" / "NCT09000056.yaml").read_text(encoding="utf-8")
    assert "  status: draft\n" in written
    assert trials("check").status == 0
    # one naming another trial too is not known to be this trial's: a stub
    other = page.replace("NCT09000056, CAR-T Cells", "NCT09000057 (and NCT09000056), CAR-T Cells and Vaccines")
    add_source(registry, "seeds/press2.txt", other)  # as docs/curating.md says to
    argv[1] = "CAR-T Cells and Vaccines for Childhood-onset Lupus"
    # plain text names a trial on a line of its own before it says anything of it alone: one naming
    # both trials is neither's (layouts.trial_sections), so no record is started from it
    before = snapshot(registry)
    result = trials("new", "NCT09000057", "--source", "seeds/press2.txt", *argv)
    assert result.status == 2 and "only on lines naming other trials too (NCT09000056)" in result.err, result.err
    assert snapshot(registry) == before
    (registry / "seeds" / "press2.txt").unlink()  # the curator takes it back, and adds a source that does
    manifest = registry / "seeds" / "SHA256SUMS"
    manifest.write_text("".join(x for x in manifest.read_text().splitlines(True) if "press2" not in x))
    other = other.replace(" (and NCT09000056)", "") + "It follows NCT09000056.\n"
    add_source(registry, "seeds/press3.txt", other)  # as docs/curating.md says to
    result = trials("new", "NCT09000057", "--source", "seeds/press3.txt", *argv)
    assert result.status == 0, result.out + result.err
    assert "  status: stub\n" in (registry / "trials" / "NCT09000057.yaml").read_text(encoding="utf-8")
    assert trials("check").status == 0


def test_new_lists_the_kinds_and_the_as_of_labels(trials: Trials, registry: Path) -> None:
    result = trials("new", "NCT09000055", "--source", "seeds/x.txt", "--kind", "PRESS")
    assert result.status == 2 and "PRESS_RELEASE" in result.err and "PUBLICATION" in result.err, result.err


def _page(registry: Path, lines: list[str]) -> None:
    page = "\n".join(["Trial NCT09000055", "CAR-T Cells for Childhood-onset Lupus", *lines]) + "\n"
    add_source(registry, "seeds/page.txt", page)  # as docs/curating.md says to


@pytest.mark.parametrize(
    ("noise", "found"),
    [
        ("Note {i}: 2025 was a busy year for site {i}.", True),  # the year, no date: never checked
        ("Start date at site {i}: 2025-10-01", False),  # the date under another label: checked, a hundred
    ],
)
def test_new_checks_few_lines_of_a_source_for_its_as_of_date(
    trials: Trials, registry: Path, monkeypatch: pytest.MonkeyPatch, noise: str, found: bool
) -> None:
    """`trials new` checked the whole record once for every line of the source that held the year of
    --as-of: a page of 2,000 lines with "2025" in them took 12 s, and one of a hundred thousand hours.
    Only a line that writes the date is checked, and at most MAX_AS_OF_LINES of them."""
    from sle_trials.checks import evidence
    from sle_trials.curate import scaffold

    checked: list[object] = []
    real = evidence.check

    def counted(*args: object, **kwargs: object) -> list:
        checked.append(args[0])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(evidence, "check", counted)
    _page(registry, [noise.format(i=i) for i in range(5_000)] + ["Updated 2025-10-01"])
    argv = ["--title", "CAR-T Cells for Childhood-onset Lupus", "--kind", "OTHER", "--as-of", "2025-10-01"]
    result = trials("new", "NCT09000055", "--source", "seeds/page.txt", *argv)
    if found:
        assert result.status == 0, result.out + result.err
        written = (registry / "trials" / "NCT09000055.yaml").read_text(encoding="utf-8")
        assert "curation.sources.0.as_of: Updated 2025-10-01\n" in written
    else:
        assert result.status == 2 and "on more than 100 lines" in result.err, result.err
    assert len(checked) <= scaffold.MAX_AS_OF_LINES + 1, len(checked)


def test_a_date_under_the_sources_own_words_is_named_with_as_of_label(trials: Trials, registry: Path) -> None:
    """A press release dates itself "Date: 2026-03-02", a label the checks do not know as an as-of
    one: `trials new` refused it, and a curator could go on only by writing the record by hand.
    --as-of-label gives the source's words for its date; the record holds them (as_of_label, which
    the check binds to the source) and is valid as written. Words the source does not write are
    refused, nothing written."""
    release = "Press release\nDate: 2026-03-02\nNCT09000055: CAR-T Cells for Childhood-onset Lupus starts.\n"
    add_source(registry, "seeds/release.txt", release)
    argv = ["--source", "seeds/release.txt", "--title", "CAR-T Cells for Childhood-onset Lupus"]
    argv += ["--kind", "PRESS_RELEASE", "--as-of", "2026-03-02"]
    before = snapshot(registry)
    result = trials("new", "NCT09000055", *argv)
    assert result.status == 2 and "--as-of-label" in result.err, result.err
    result = trials("new", "NCT09000055", *argv, "--as-of-label", "Released")
    assert result.status == 2 and "--as-of-label 'Released': seeds/release.txt does not write it" in result.err
    assert snapshot(registry) == before
    result = trials("new", "NCT09000055", *argv, "--as-of-label", "Date")
    assert result.status == 0, result.out + result.err
    written = (registry / "trials" / "NCT09000055.yaml").read_text(encoding="utf-8")
    assert "    as_of_label: Date\n" in written and 'curation.sources.0.as_of: "Date: 2026-03-02"\n' in written
    assert trials("check").status == 0


def _expanded_access_study(registry: Path) -> str:
    """A study JSON naming its expanded access record NCT09170299 (an id of another trial), under seeds/."""
    study = json.loads((FIXTURES / "ctgov" / "expanded_access_available.json").read_text(encoding="utf-8"))
    study["protocolSection"]["statusModule"]["expandedAccessInfo"] = {"hasExpandedAccess": True, "nctId": "NCT09170299"}
    return add_source(registry, "seeds/ctgov_NCT09170201.json", json.dumps(study, indent=2))


def test_another_trials_study_json_gives_its_last_update_as_the_as_of(trials: Trials, registry: Path) -> None:
    """The study's lastUpdatePostDateStruct date is the JSON's own as-of date, whichever trial's record
    cites it: `new` tried only the file's lines as written ('"date": "2025-04-14",'), and refused it
    ("states no as-of date") for another trial's record. It is quoted as the checks read the JSON, as
    an import quotes it; the JSON's other dates are still no as-of date."""
    source = _expanded_access_study(registry)
    given = ["new", "NCT09170299", "--source", source, "--kind", "REGISTRY_JSON", "--title", "CD19 CAR-T cells"]
    before = snapshot(registry)
    for other in ("2024-11-08", "2025-04-10"):  # its first posted and last submitted dates
        refused = trials(*given, "--as-of", other)
        assert refused.status == 2 and f"states no as-of date {other}" in refused.err, refused.err
    assert snapshot(registry) == before
    # written, and what is wrong with it said: nothing of the date or its quote (a study JSON gives its
    # expanded access record no title, so it is no source of that trial's stub: E516 says so, and of
    # its title E512), where "states no as-of date" hid that
    result = trials(*given, "--as-of", "2025-04-14")
    said = {line.split()[1] for line in result.out.splitlines() if re.match(r"trials/\S+:[0-9]+:[0-9]+: E", line)}
    assert said == {"E512", "E516"} and "as_of" not in result.out, result.out + result.err
    data = record_data(registry / "trials" / "NCT09170299.yaml", "x")
    assert data["curation"]["sources"] == [{"file": source, "kind": "REGISTRY_JSON", "as_of": "2025-04-14"}]
    assert data["evidence"]["curation.sources.0.as_of"] == "lastUpdatePostDateStruct.date: 2025-04-14"


OTHER_DISEASE = "Methotrexate Dose Escalation in Early Rheumatoid Arthritis"
OTHER_PAGE = f"Trial NCT09990001: {OTHER_DISEASE}\nLast Updated: 2025-08-17\n"


def _new_other(trials: Trials, *more: str) -> Any:
    return trials(
        "new",
        "NCT09990001",
        "--source",
        "seeds/962_other.txt",
        "--title",
        OTHER_DISEASE,
        "--kind",
        "OTHER",
        "--as-of",
        "2025-08-17",
        *more,
    )


def test_new_refuses_a_trial_its_title_shows_out_of_scope(trials: Trials, registry: Path) -> None:
    """An import refuses a study showing neither lupus nor a cell therapy unless told why it belongs;
    `trials new` wrote a record of a rheumatoid arthritis trial that every check passed. It asks for
    the reason now, writing nothing, and keeps it as curation.out_of_scope once given."""
    add_source(registry, "seeds/962_other.txt", OTHER_PAGE)
    before = snapshot(registry)
    result = _new_other(trials)
    assert result.status == 2 and f"its title ({OTHER_DISEASE}) shows neither lupus nor" in result.err, result.err
    assert "--out-of-scope REASON" in result.err and snapshot(registry) == before
    reason = "The comparator cohort of the registry's CD19 CAR-T trials"
    assert _new_other(trials, "--out-of-scope", f"  {reason} ").status == 0
    data = record_data(registry / "trials" / "NCT09990001.yaml", "NCT09990001")
    assert data["curation"]["out_of_scope"] == reason and data["brief_title"] == OTHER_DISEASE
    assert trials("check").status == 0


@pytest.mark.parametrize("reason", ["", "   ", "two\nlines"])
def test_new_refuses_an_empty_or_broken_reason(trials: Trials, registry: Path, reason: str) -> None:
    add_source(registry, "seeds/962_other.txt", OTHER_PAGE)
    result = _new_other(trials, "--out-of-scope", reason)
    assert result.status == 2 and "--out-of-scope REASON: the reason, in your words, on one line" in result.err
    assert not (registry / "trials" / "NCT09990001.yaml").exists()


def test_new_does_not_record_a_reason_for_a_trial_in_scope(trials: Trials, registry: Path, without_stub: Path) -> None:
    result = trials("new", STUB, "--out-of-scope", "a reason it does not need")
    assert result.status == 0 and "--out-of-scope is not recorded for it" in result.err, result.err
    assert "out_of_scope" not in record_data(without_stub, STUB)["curation"]
