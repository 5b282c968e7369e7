"""Evidence: every verbatim field and every quote is checked against the cited source."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import DATA_ROOT, record_data
from sle_trials import cli, fields
from sle_trials.checks import schema
from sle_trials.checks.evidence import normalise

pytestmark = pytest.mark.long  # handed to a worker before the short modules (conftest.py)

REPO = Path(__file__).resolve().parents[1]
IM19 = "trials/NCT06513429.yaml"
RELMA = "trials/NCT05765006.yaml"


@pytest.fixture
def reg(registry: Path) -> Path:
    return registry  # conftest's copy of the registry


def run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    return code, capsys.readouterr().out


def edit(root: Path, rel: str, old: str, new: str) -> None:
    file = root / rel
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {rel}"
    file.write_text(text.replace(old, new), encoding="utf-8")


def line_of(root: Path, rel: str, needle: str) -> int:
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_real_records_pass(reg: Path, capsys) -> None:
    assert run(capsys, "check", "--root", str(reg))[0] == 0


def _verbatim_values(rel: str) -> list[tuple[tuple, str]]:
    data = record_data(DATA_ROOT / rel, rel)
    sch = schema.load_schema(REPO)
    return [(p, v) for p, v, node in fields.leaves(data, sch) if fields.is_verbatim(node) and len(v) > 3]


@pytest.mark.parametrize("rel", [IM19, RELMA])
def test_one_character_changed_in_any_verbatim_field_is_caught(reg: Path, capsys, rel: str) -> None:
    """Alter each long verbatim value by one character: each must fail with E501 at its own line."""
    text = (DATA_ROOT / rel).read_text(encoding="utf-8")
    checked = 0
    for path, value in _verbatim_values(rel):
        word = next((m.group() for m in re.finditer(r"[A-Za-z]{5,}", value) if text.count(m.group()) == 1), None)
        if word is None:
            continue  # only words that occur once in the file, so the edit lands where intended
        altered = word[:-1] + ("x" if word[-1] != "x" else "y")
        (reg / rel).write_text(text.replace(word, altered), encoding="utf-8")
        code, out = run(capsys, "validate", "--root", str(reg), str(reg / rel))
        assert code == 1, (path, out)
        found = re.search(rf"^{re.escape(rel)}:(\d+):(\d+): E501 {re.escape(fields.dotted(path))}: ", out, re.M)
        assert found, out
        assert 'the record has "' in out and altered in out
        # the line reported is the field's own: its key, or its list item
        reported = text.splitlines()[int(found.group(1)) - 1]
        key = path[-1]
        assert (f"{key}:" in reported) if isinstance(key, str) else reported.lstrip().startswith("- "), reported
        checked += 1
    assert checked >= 10


def test_typo_shows_the_nearest_source_passage(reg: Path, capsys) -> None:
    edit(
        reg,
        RELMA,
        "Sign an informed consent form (ICF) voluntarily.",
        "Sign an informed consent form (ICF) voluntarly.",
    )
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / RELMA))
    assert code == 1
    line = line_of(reg, RELMA, "voluntarly")
    assert f"{RELMA}:{line}:13: E501 eligibility.inclusion_criteria.0.text" in out
    assert 'the record has "…nformed consent form (ICF) voluntarly."' in out
    assert 'the source has "…nformed consent form (ICF) voluntarily."' in out


def test_invented_title_is_caught(reg: Path, capsys) -> None:
    edit(
        reg,
        "trials/NCT06900764.yaml",
        "A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus",
        "A Study of CAR-T Cells in Subjects With Lupus Nephritis",
    )
    edit(
        reg,
        IM19,
        "title: A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus",
        "title: A Study of CAR-T Cells in Subjects With Lupus Nephritis",
    )
    code, out = run(capsys, "check", "--root", str(reg))
    assert code == 1
    assert "trials/NCT06900764.yaml:3:14: E501 brief_title" in out
    assert re.search(r"trials/NCT06513429.yaml:\d+:12: E501 related_trials.3.title", out)


@pytest.mark.parametrize(
    "field, old, new",
    [
        ("publisher", "publisher: ClinConnect", "publisher: ClinConnect Summary"),
        ("publisher", "publisher: ClinConnect", "publisher: ClinConnect Logo"),
        ("author", "author: ClinConnect", "author: ClinConnect Summary"),
    ],
)
def test_a_site_named_with_the_words_beside_its_name_is_caught(
    reg: Path, capsys, field: str, old: str, new: str
) -> None:
    """Before: a ClinConnect page's publisher and its summary's author were read anywhere in the lines
    that name the site, so "ClinConnect Summary" (the summary's heading) or "ClinConnect Logo" passed
    as the site's name. The name is the site's, whole (E512)."""
    edit(reg, RELMA, old, new)
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / RELMA))
    assert code == 1
    assert re.search(rf"{RELMA}:\d+:\d+: E512 [a-z_.0-9]*{field}: not where the source states it", out), out


@pytest.mark.parametrize("about", ["OTHER", "Sponsors", "Peking University Third Hospital"])
def test_a_registry_copys_sponsor_lines_are_no_description_of_it(reg: Path, capsys, about: str) -> None:
    """Before: a registry copy placed a sponsor's description in its Sponsors lines, as it does the
    sponsor, so IM19's sponsor.about passed as its class ("OTHER"), the heading or its name: the
    registry describes no sponsor (E512)."""
    edit(reg, IM19, "  class: OTHER\n", f"  class: OTHER\n  about: {about}\n")
    edit(reg, IM19, "    - sponsor.about\n", "")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    assert code == 1
    assert re.search(r"E512 sponsor.about: not where the source states it", out), out


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("CD19-CART(Relma-cel", r"E521 cell_product.name: .* in the running words it is read from"),
        ("Relma-cel)", r"E521 cell_product.name: .* in the running words it is read from"),
        ("Relma-cel for", r"E512 cell_product.name: not where the source states it"),
        ("called Relma-cel", r"E512 cell_product.name: not where the source states it"),
    ],
)
def test_a_name_read_on_into_the_words_beside_it_is_caught(reg: Path, capsys, name: str, said: str) -> None:
    """Before: a ClinConnect page's product name is read in the running words of its title and summary,
    and any words of them passed: "Relma-cel for", "called Relma-cel", or the title's parenthesis cut
    open. A name read from running words is a whole phrase of them (E521), and of the words naming the
    product there: what the title studies and what the summary calls it (E512)."""
    edit(reg, RELMA, "  name: Relma-cel\n", f"  name: {name}\n")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / RELMA))
    assert code == 1
    assert re.search(said, out), out


def test_invented_number_with_a_real_quote_is_caught(reg: Path, capsys) -> None:
    """enrollment 60 backed by the quote '6 participants': the quote exists, the value is not in it."""
    edit(reg, IM19, "enrollment:\n  count: 6\n", "enrollment:\n  count: 60\n")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    assert code == 1
    line = line_of(reg, IM19, "count: 60")
    assert (
        f"{IM19}:{line}:10: E508 enrollment.count: 60 is not the number of participants the quote states (6) "
        "'6 participants'"
    ) in out


def test_invented_dose_is_caught(reg: Path, capsys) -> None:
    edit(reg, IM19, "value: 100000000", "value: 1000000000")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    line = line_of(reg, IM19, "value: 1000000000")
    assert code == 1 and f"{IM19}:{line}:18: E508 arms.0.cohorts.1.dose: the quote states no dose of 1000000000" in out


def test_altered_quote_is_caught_with_nearest_passage(reg: Path, capsys) -> None:
    edit(reg, IM19, "eligibility.thresholds.0: 3) Weight ≥ 40 kg", "eligibility.thresholds.0: 3) Weight ≥ 45 kg")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    assert code == 1
    line = line_of(reg, IM19, "Weight ≥ 45 kg")
    assert f"{IM19}:{line}:29: E502 evidence for eligibility.thresholds.0: quote not found" in out
    assert 'the source has "3) Weight ≥ 40 kg"' in out
    assert out.count(" E5") == 1  # a quote not in the source binds nothing: one problem, not two


def test_evidence_for_a_field_the_record_lacks(reg: Path, capsys) -> None:
    edit(
        reg,
        IM19,
        "  enrollment.count: 6 participants\n",
        "  enrollment.count: 6 participants\n  enrollment.type: 6 participants\n",
    )
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    line = line_of(reg, IM19, "enrollment.type: 6")
    assert code == 1 and f"{IM19}:{line}:3: E503 evidence for enrollment.type: the record has no such field" in out


def test_evidence_for_a_misspelt_field_names_the_field_meant(reg: Path, capsys) -> None:
    """A misspelt key said only that the record has no such field, beside the E517s of the field it
    meant (which asked for evidence it had): it names the record's nearest field now, and a key near
    none is left at that."""
    edit(reg, IM19, "  eligibility.minimum_age:", "  eligibility.minimum_ag:")
    edit(
        reg,
        IM19,
        "  enrollment.count: 6 participants\n",
        '  enrollment.count: 6 participants\n  zzz: "6 participants"\n',
    )
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    assert code == 1
    assert (
        "E503 evidence for eligibility.minimum_ag: the record has no such field; did you mean eligibility.minimum_age?"
        in out
    )
    assert "E503 evidence for zzz: the record has no such field\n" in out


@pytest.mark.parametrize(("status", "code"), [("complete", "E511"), ("draft", "E512")])
def test_a_page_item_its_numbering_shows_at_the_top_of_its_list_is_not_nested(
    reg: Path, capsys, status: str, code: str
) -> None:
    """A page's list shows no depth, and a criterion nested under the one before passed: "8) Male
    participants ... agree to take effective contraceptive measures" held as a sub-item of "7) Women
    of childbearing age ...", a condition of it, where the page numbers it 7, 8, 9 as an item of the
    list itself."""
    rel = "trials/NCT06513429.yaml"
    edit(
        reg,
        rel,
        "        the last follow-up\n    - number: 8\n      text: >-\n        Male participants whose partners "
        "have fertility agree to take effective contraceptive\n        measures during",
        "        the last follow-up\n      sub_criteria:\n        - number: 8\n          text: >-\n"
        "            Male participants whose partners have fertility agree to take effective contraceptive\n"
        "            measures during",
    )
    edit(reg, rel, "  status: complete\n", f"  status: {status}\n")
    code_, out = run(capsys, "validate", "--root", str(reg), str(reg / rel))
    assert code_ == 1
    assert any(code in line and "inclusion_criteria.5.sub_criteria.0" in line for line in out.splitlines()), out


def test_criterion_number_must_match_the_source(reg: Path, capsys) -> None:
    edit(reg, IM19, "    - number: 3\n      text: Weight ≥ 40 kg", "    - number: 30\n      text: Weight ≥ 40 kg")
    edit(reg, IM19, "criterion: {list: INCLUSION, number: 3}", "criterion: {list: INCLUSION, number: 30}")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    assert code == 1 and "E504 eligibility.inclusion_criteria.1: the source does not number this criterion 30" in out


def test_a_criterion_number_is_checked_as_written_even_after_an_equal_one(reg: Path, capsys) -> None:
    """3.0 equals 3 (the schema's integer takes both), but the source numbers the criterion "3)",
    never "3.0)": a check that remembered the answer for 3 must not give it for 3.0. The schema stage
    now refuses the decimal itself (E209), before evidence is read."""
    assert (
        run(capsys, "validate", "--root", str(reg), "--no-cache", str(reg / IM19))[0] == 0
    )  # 3 first, in this process
    edit(reg, IM19, "    - number: 3\n      text: Weight ≥ 40 kg", "    - number: 3.0\n      text: Weight ≥ 40 kg")
    code, out = run(capsys, "validate", "--root", str(reg), "--no-cache", str(reg / IM19))
    assert code == 1 and "E209 eligibility.inclusion_criteria.1.number: 3.0 is written as a decimal" in out


def test_silent_field_must_be_absent(reg: Path, capsys) -> None:
    edit(reg, RELMA, "    - enrollment\n", "    - enrollment\n    - phases\n    - no_such_field\n")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / RELMA))
    assert code == 1
    assert "E506 curation.silent: phases is declared absent but the record has it" in out
    assert "E506 curation.silent: no_such_field is not a field coverage reports on" in out


def test_a_field_of_list_items_declared_silent_must_be_in_none_of_them(reg: Path, capsys) -> None:
    """Before: a name under a list (eligibility.thresholds.conditions) was looked up as if the list
    were a mapping, never found, so declaring it silent passed while thresholds held conditions."""
    edit(reg, RELMA, "    - enrollment\n", "    - enrollment\n    - eligibility.thresholds.conditions\n")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / RELMA))
    assert code == 1
    assert "E506 curation.silent: eligibility.thresholds.conditions is declared absent but the record has it" in out


def test_a_complete_record_says_why_it_lacks_each_field(reg: Path, capsys) -> None:
    """Before: a complete record could leave out a whole field (its phases, its sites) with no reason,
    and trials.csv's empty cell then read as "not stated by the sources" (E520)."""
    text = (reg / RELMA).read_text(encoding="utf-8")
    start = text.index("\nlocations:\n") + 1
    end = text.index("\n", text.index("\n  - ", start) + 1)
    while text[end + 1 : end + 3] == "  ":  # the rest of the list
        end = text.index("\n", end + 1)
    (reg / RELMA).write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / RELMA))
    assert code == 1 and "E520 locations: the record is complete but lacks it without saying why" in out, out
    edit(reg, RELMA, "    - enrollment\n", "    - enrollment\n    - locations\n")  # the sources do not state it
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / RELMA))
    assert code == 1 and "E520" not in out and "E519 locations: the source lists 1 more" in out, out
    edit(reg, RELMA, "    - enrollment\n    - locations\n", "    - enrollment\n")
    edit(reg, RELMA, "  silent:\n", "  not_yet_curated:\n    - locations\n  silent:\n")  # a curator's to do
    assert run(capsys, "validate", "--root", str(reg), str(reg / RELMA))[0] == 0


def test_a_field_its_source_states_is_not_silent(reg: Path, capsys) -> None:
    """Before: a field left out and declared silent passed while the source stated it plainly (the
    sites' region, healthy volunteers "No", a design, "6 participants"): trials.csv read "not stated"
    (E523). Not yet curated makes no claim about the source; a note on the field says why it is out."""
    text = (reg / IM19).read_text(encoding="utf-8")
    for old, new in [
        ("    region: Beijing Municipality\n", ""),
        ("  healthy_volunteers: false\n", ""),
        ("  eligibility.healthy_volunteers: 18 Years 65 Years ALL No\n", ""),
        ("enrollment:\n  count: 6\n", ""),
        ("  enrollment.count: 6 participants\n", ""),
        ("    - enrollment.type\n", ""),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    silent = "    - locations.region\n    - eligibility.healthy_volunteers\n    - enrollment\n"
    (reg / IM19).write_text(text.replace("  silent:\n", "  silent:\n" + silent), encoding="utf-8")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    assert code == 1, out
    seed = "seeds/000_84a0f0163f21158e.txt"
    for name, said in [
        ("locations.region", "'Beijing Municipality'"),
        ("eligibility.healthy_volunteers", "'No'"),
        ("enrollment", "6 participants"),
    ]:
        line = line_of(reg, IM19, f"    - {name}\n".strip())
        assert f"{IM19}:{line}:7: E523 curation.silent: {name} is declared silent, but {seed} states it ({said})" in out
    assert {m for m in re.findall(r"E[0-9]{3}", out)} == {"E523"}, out
    # the same fields as a curator's work left to do, or left out with a note saying why: no claim
    edit(reg, IM19, "  silent:\n" + silent, "  not_yet_curated:\n    - locations.region\n  silent:\n")
    edit(
        reg,
        IM19,
        "  notes:\n",
        "  notes:\n    - field: enrollment\n      text: The page's 6 participants is left out until the registry says "
        "which count it is.\n"
        "    - field: eligibility.healthy_volunteers\n      text: Left out; the page's No is ambiguous.\n",
    )
    edit(reg, IM19, "  silent:\n", "  silent:\n    - eligibility.healthy_volunteers\n    - enrollment\n")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    assert code == 0, out


@pytest.mark.parametrize(
    "note",
    ["x", "Left out until the registry says which count it is.", "Not stated for 2026.", "Left out, 6.5 is a mean."],
)
def test_a_note_that_does_not_name_what_the_source_states_excuses_nothing(reg: Path, capsys, note: str) -> None:
    """Before: any note on a field declared silent kept E523 from looking at it: an enrollment
    dropped and declared silent, with a note "x", passed while the page says "6 participants", and
    trials.csv read "not stated". A note explains the source's words away only when it names them."""
    edit(reg, IM19, "enrollment:\n  count: 6\n", "")
    edit(reg, IM19, "  enrollment.count: 6 participants\n", "")
    edit(reg, IM19, "    - enrollment.type\n", "    - enrollment\n")
    edit(reg, IM19, "  notes:\n", f"  notes:\n    - field: enrollment\n      text: {note}\n")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    assert code == 1 and "E523 curation.silent: enrollment is declared silent" in out, out
    assert "or say in a note on the field why '6' is not its value" in out
    # (a year a note writes alone is a date its sources must give, since mutation hunt 210: 2026 is none of IM19's)
    year = {"E501"} if "2026" in note else set()
    assert {m for m in re.findall(r"E[0-9]{3}", out)} == {"E523"} | year, out
    edit(reg, IM19, f"      text: {note}\n", "      text: The page's 6 participants counts the first cohort only.\n")
    assert run(capsys, "validate", "--root", str(reg), str(reg / IM19))[0] == 0


def test_a_note_naming_one_sources_words_excuses_nothing_another_states(reg: Path, capsys) -> None:
    """Before: E523 stopped at the first source whose words a note on the field named, so a note
    explaining the page's "6 participants" away left an enrollment of 60 that the registry's JSON
    states unlooked at: enrollment declared silent passed, and trials.csv read "not stated"."""
    import hashlib

    study = {
        "protocolSection": {
            "identificationModule": {"nctId": "NCT06513429"},
            "statusModule": {"lastUpdatePostDateStruct": {"date": "2025-01-10", "type": "ACTUAL"}},
            "designModule": {"enrollmentInfo": {"count": 60, "type": "ESTIMATED"}},
        }
    }
    name = "ctgov_NCT06513429_2025-01-10.json"
    raw = (json.dumps(study, indent=2) + "\n").encode()
    (reg / "seeds" / name).write_bytes(raw)
    with open(reg / "seeds" / "SHA256SUMS", "a", encoding="utf-8") as sums:
        sums.write(f"{hashlib.sha256(raw).hexdigest()}  {name}\n")
    source = f'    - file: seeds/{name}\n      kind: REGISTRY_JSON\n      as_of: "2025-01-10"\n'
    edit(
        reg, IM19, "      as_of_label: Last Updated\n  notes:\n", f"      as_of_label: Last Updated\n{source}  notes:\n"
    )
    edit(reg, IM19, "enrollment:\n  count: 6\n", "")
    quote = '  curation.sources.1.as_of: "lastUpdatePostDateStruct.date: 2025-01-10"\n'
    edit(reg, IM19, "  enrollment.count: 6 participants\n", quote)
    edit(reg, IM19, "    - enrollment.type\n", "    - enrollment\n")
    note = "    - field: enrollment\n      text: The page's 6 participants counts the first cohort only.\n"
    edit(reg, IM19, "  notes:\n", "  notes:\n" + note)
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    assert code == 1, out
    assert f"E523 curation.silent: enrollment is declared silent, but seeds/{name} states it (60 participants)" in out
    assert {m for m in re.findall(r"E[0-9]{3}", out)} == {"E523"}, out
    edit(reg, IM19, "counts the first cohort only.", "counts the first cohort only, and the registry's 60 is old.")
    assert run(capsys, "validate", "--root", str(reg), str(reg / IM19))[0] == 0


def test_a_note_above_a_silent_field_excuses_nothing(reg: Path, capsys) -> None:
    """Before: a note on a part of the record above a field declared silent (`eligibility`, a remark
    about the criteria) kept E523 from looking at it: healthy volunteers "No" dropped and declared
    silent passed. Only a note on the field itself says why it is left out."""
    edit(reg, IM19, "  healthy_volunteers: false\n", "")
    edit(reg, IM19, "  eligibility.healthy_volunteers: 18 Years 65 Years ALL No\n", "")
    edit(reg, IM19, "    - enrollment.type\n", "    - enrollment.type\n    - eligibility.healthy_volunteers\n")
    note = "  notes:\n    - field: eligibility\n      text: The criteria are as the page gives them.\n"
    edit(reg, IM19, "  notes:\n", note)
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    assert code == 1 and "E523 curation.silent: eligibility.healthy_volunteers is declared silent" in out, out
    assert {m for m in re.findall(r"E[0-9]{3}", out)} == {"E523"}, out
    edit(reg, IM19, "    - field: eligibility\n", "    - field: eligibility.healthy_volunteers\n")
    edit(reg, IM19, "The criteria are as the page gives them.", "The page's No is ambiguous here.")
    assert run(capsys, "validate", "--root", str(reg), str(reg / IM19))[0] == 0


def test_uncited_seed_and_missing_source(reg: Path, capsys) -> None:
    (reg / "seeds" / "999_extra.txt").write_text("An extra page.\n", encoding="utf-8")
    code, out = run(capsys, "check", "--root", str(reg))
    assert code == 1 and "seeds/999_extra.txt: E306 seeds/999_extra.txt is cited by no record" in out
    edit(reg, RELMA, "file: seeds/004_2ad16b9ce66a0787.txt", "file: seeds/005_missing.txt")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / RELMA))
    assert code == 1 and "E108 curation.sources.0.file: seeds/005_missing.txt does not exist" in out


@pytest.mark.parametrize(
    ("cited", "offered"),
    [
        ("seeds/004_2ad16b9ce66a0787.pdf", "seeds/004_2ad16b9ce66a0787.txt"),  # the wrong extension
        ("seeds/004_2ad16b9ce66a0788.txt", "seeds/004_2ad16b9ce66a0787.txt"),  # a digit of its hash mistyped
        ("seeds/004_2AD16B9CE66A0787.TXT", "seeds/004_2ad16b9ce66a0787.txt"),  # another case
        ("seeds/2ad16b9ce66a0787.txt", "seeds/004_2ad16b9ce66a0787.txt"),  # its number left off
        ("seeds/005_missing.txt", None),  # no source's name is near
        ("seeds/SHA256SUM", None),  # the manifest is no source, however near
    ],
)
def test_a_missing_source_offers_the_nearest_source_by_name(
    reg: Path, capsys: pytest.CaptureFixture[str], cited: str, offered: str | None
) -> None:
    """A curator who mistypes a source's name is told which source they likely meant, and the record
    is still refused; a name near none is told only that it does not exist."""
    edit(reg, RELMA, "file: seeds/004_2ad16b9ce66a0787.txt", f"file: {cited}")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / RELMA))
    expected = f"E108 curation.sources.0.file: {cited} does not exist" + (
        f"; did you mean {offered}?" if offered else ";"
    )
    assert code == 1 and expected in out, out
    if offered is None:
        assert "did you mean" not in out, out


def test_markdown_escapes_and_unicode_are_normalised() -> None:
    assert normalise("1×10\\^6/kg  CAR-T\n cells \\[x\\] m²") == "1×10^6/kg CAR-T cells [x] m^2"


def test_coverage_is_complete_for_both_seed_records(reg: Path, capsys) -> None:
    code, out = run(capsys, "coverage", "--root", str(reg), "--format", "json")
    assert code == 0
    report = json.loads(out)
    rows = {r["nct_id"]: r for r in report["records"]}
    for nct_id in ("NCT06513429", "NCT05765006"):
        row = rows[nct_id]
        assert row["bound_share"] == 1.0 and row["values"]["written_only"] == []
        assert row["values"]["structured"] > 100
        assert row["fields"]["unexplained"] == [] and row["fields_accounted_share"] == 1.0
    assert "enrollment" in rows["NCT05765006"]["fields"]["silent"]
    assert rows["NCT06513429"]["fields"]["not_applicable"] == [
        "last_known_status",
        "design.observational_model",
        "design.time_perspective",
    ]  # RECRUITING, INTERVENTIONAL
    assert report["stubs_waiting"] == ["NCT03030976", "NCT06310811", "NCT06585514", "NCT06886919", "NCT06900764"]


def test_a_stub_is_not_shown_complete(reg: Path, capsys) -> None:
    """A stub holds its id and title: coverage counts every other field as waiting, never 100%."""
    report = json.loads(run(capsys, "coverage", "--root", str(reg), "--format", "json")[1])
    stub = next(r for r in report["records"] if r["nct_id"] == "NCT06900764")
    assert stub["fields"]["stated"] == ["nct_id", "brief_title"]
    assert stub["fields_accounted_share"] < 0.1 and len(stub["fields"]["not_yet_curated"]) > 20


def test_a_draft_quotes_every_value_it_holds(reg: Path, capsys) -> None:
    """A draft may lack fields, not quotes: a value no quote states is refused whatever the status
    (E517), or a wrong one, its quote taken away, would pass and be published."""
    edit(reg, IM19, "  enrollment.count: 6 participants\n", "")
    edit(reg, IM19, "  status: complete\n", "  status: draft\n")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    assert (
        code == 1 and f"{IM19}:{line_of(reg, IM19, '  count: 6')}:10: E517 enrollment.count: 6 has no evidence" in out
    )


def test_a_stub_quotes_every_value_it_holds(reg: Path, capsys) -> None:
    """A pull request adding a value to a stub, with no quote: refused as in a complete record (E517)."""
    stub = "trials/NCT06310811.yaml"
    edit(reg, stub, "cell_product:\n", "enrollment:\n  count: 60\ncell_product:\n")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / stub))
    assert (
        code == 1 and f"{stub}:{line_of(reg, stub, '  count: 60')}:10: E517 enrollment.count: 60 has no evidence" in out
    )


def test_a_complete_record_binds_every_value(reg: Path, capsys) -> None:
    edit(reg, IM19, "  enrollment.count: 6 participants\n", "")
    code, out = run(capsys, "validate", "--root", str(reg), str(reg / IM19))
    line = line_of(reg, IM19, "  count: 6")
    assert code == 1 and f"{IM19}:{line}:10: E517 enrollment.count: 6 has no evidence" in out


def test_schema_marks_curator_words_and_verbatim_fields() -> None:
    sch = schema.load_schema(REPO)
    notes = fields.resolve(sch, sch["properties"]["curation"]["properties"]["notes"]["items"]["properties"]["text"])
    assert notes.get("x-curator-words") and not notes.get("x-verbatim")
    title = fields.resolve(sch, sch["properties"]["brief_title"])
    assert title.get("x-verbatim")


def test_an_edited_or_unlisted_seed_is_refused(reg: Path, capsys) -> None:
    seed = reg / "seeds" / "000_84a0f0163f21158e.txt"
    seed.write_bytes(seed.read_bytes() + b"x")
    code, out = run(capsys, "check", "--root", str(reg))
    assert (
        code == 1
        and "seeds/000_84a0f0163f21158e.txt: E307 seeds/000_84a0f0163f21158e.txt differs from its sha256" in out
    )
    (reg / "seeds" / "SHA256SUMS").write_text("", encoding="utf-8")
    code, out = run(capsys, "refs", "--root", str(reg))
    assert code == 1 and out.count("is not listed in seeds/SHA256SUMS") == 2
    # the fix is a command to paste, with the file's own name in it
    assert "add it: (cd seeds && sha256sum 000_84a0f0163f21158e.txt >> SHA256SUMS)" in out
    # and where a commit hook reports it, the line may be there unstaged: adding it again listed the source
    # twice (E307 "listed twice"); the message says to stage the manifest instead
    assert "if you added it and a commit hook says this, stage it instead: git add seeds/SHA256SUMS" in out


# fields.verbatim_texts walks only the parts of a record the schema says can hold verbatim text; it
# must give exactly the verbatim text leaves() gives, in the same order, with the mapping or list holding each.
def _verbatim_by_leaves(data: object, schema_: dict) -> list[tuple[tuple, str]]:
    return [
        (path, value)
        for path, value, node in fields.leaves(data, schema_)
        if fields.is_verbatim(node) and isinstance(value, str)
    ]


def _assert_same_verbatim(data: object, schema_: dict) -> None:
    found = fields.verbatim_texts(data, schema_)
    assert [(path, value) for path, value, _ in found] == _verbatim_by_leaves(data, schema_)
    for path, value, holder in found:
        assert fields.get(data, path[:-1]) == (True, holder) and holder[path[-1]] is value


def test_verbatim_texts_are_the_verbatim_leaves_of_every_record() -> None:
    schema_ = schema.load_schema(REPO)
    from sle_trials.checks import load

    for file in sorted((DATA_ROOT / "trials").glob("*.yaml")) + sorted((REPO / "tests" / "fixtures").rglob("*.yaml")):
        record, _ = load.load(file, file.name)
        if record is not None:
            _assert_same_verbatim(record.data, schema_)


_ODD_VALUES = [None, 1, 2.5, True, "text", [], {}, ["a", 1, {"text": "b"}], {"text": "c", "number": 1, "x": ["d"]}]


def test_verbatim_texts_follow_leaves_on_misshapen_records() -> None:
    """Every value of a real record replaced in turn by values of the wrong shape."""
    import copy

    schema_ = schema.load_schema(REPO)
    base = record_data(DATA_ROOT / "trials" / "NCT06513429.yaml", "x")
    places: list[tuple] = []

    def collect(node: object, path: tuple) -> None:
        places.append(path)
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in items:
            collect(child, path + (key,))

    collect(base, ())
    # What a misshapen value does depends on where it stands in the schema, not on which item of a
    # list it is: the first and the last place of each schema position (its path with list indices
    # left out) are replaced, 197 of the record's 496 places (all of them took 11 s of the suite)
    by_position: dict[tuple, list[tuple]] = {}
    for path in places[1:]:
        by_position.setdefault(tuple("[]" if type(part) is int else part for part in path), []).append(path)
    chosen = sorted({path for found in by_position.values() for path in (found[0], found[-1])}, key=places.index)
    pristine = copy.deepcopy(base)
    # each value is replaced in place and put back (a copy of the whole record per case cost half
    # the test's time); the record must come out as it went in
    for path in chosen:
        holder = base
        for part in path[:-1]:
            holder = holder[part]
        value = holder[path[-1]]
        for odd in _ODD_VALUES:
            holder[path[-1]] = copy.deepcopy(odd)
            _assert_same_verbatim(base, schema_)
        holder[path[-1]] = value
    assert base == pristine


def test_json_string_changes_only_unprintable_characters() -> None:
    """layouts.json_string returns a printable value as it is: every character it changes (controls,
    format characters, line and paragraph separators, CR) must be unprintable, for every code point."""
    import unicodedata

    from sle_trials.reading.layouts import json_string

    changed = [chr(cp) for cp in range(0x110000) if unicodedata.category(chr(cp)) in ("Cc", "Cf", "Zl", "Zp")]
    assert "\r" in changed and "\u200b" in changed and "\u2028" in changed
    assert [hex(ord(c)) for c in changed if c.isprintable()] == []
    assert json_string("a\r\nb\u200bc\u2028d\te\u2029f") == "a\nbc\nd e\n\nf"
    assert (
        json_string("plain text, même 1×10^6 ≥ 5\nand a second line")
        == "plain text, même 1×10^6 ≥ 5\nand a second line"
    )


def test_the_fields_beneath_a_name_are_those_named_under_it() -> None:
    """fields.fields_beneath, kept a run, answers as a scan of every field's dotted name would: for
    every field, every prefix of one, and names that are no field's or end inside a part."""
    schema_ = schema.load_schema(REPO)
    named = fields.named_fields(schema_)
    names = {dotted for _, dotted in named}
    asked = names | {dotted[:i] for dotted in names for i in range(len(dotted) + 1)} | {"nothing", "eligibility."}
    for name in sorted(asked):
        assert fields.fields_beneath(schema_, name) == [p for p, d in named if d.startswith(name + ".")], name
    assert fields.fields_beneath(schema_, "eligibility")  # not an empty answer everywhere


def test_a_plain_documents_prose_is_counted_in_the_room_it_takes() -> None:
    # its text with its lines' ends marked (SourceDoc.prose) is held beside its text
    from sle_trials.checks import documents
    from sle_trials.reading import layouts

    doc = layouts.read("seeds/900_plain.txt", b"NORTHBRIDGE DOSES FIRST PATIENT\nLast Updated: 2025-08-17\nText.\n")
    prose = doc.prose
    assert prose is not None and prose != doc.text
    held = documents._chars(doc)
    doc.prose = None
    assert held == documents._chars(doc) + len(prose)
