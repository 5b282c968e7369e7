"""Shared fixtures: a throw-away copy of the registry, and a runner for the `trials` command.

Every test works on a copy under tmp_path (schema/, seeds/, trials/, trials.csv and the files the
tool generates with it), so no test reads a file another test changed and none touches the real
repository. The `registry` copy comes with the check cache a run of `trials check` left, as a
curator's clone has one: a test's runs check what it changed and are served the rest (each command
checked the seven records cold before, 55 ms a run, a quarter of the suite's time). Tests that count
what a run checks (test_cache.py) make a copy of their own with no cache. The runner calls
`sle_trials.cli.main([...])` in-process, as the console script does, with `--root <copy>`, and
returns the exit status with what was printed on stdout and stderr.
"""

from __future__ import annotations

import atexit
import copy
import hashlib
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


def _keep_bytecode() -> None:
    """Where PYTHONDONTWRITEBYTECODE is set, as in many container images and this project's CI, each
    pytest worker rewrote the asserts of every test module and compiled them again (8 of the 11 s of
    CPU a worker spent collecting), and each process the tests start (`trials` under limits, git's
    merge driver, pre-commit's hooks, the imports and CSV runs killed on purpose) compiled the
    package again (~0.2 s a process). Their bytecode is kept instead in the user's cache folder
    ($XDG_CACHE_HOME or ~/.cache, sle-trials/pycache: PYTHONPYCACHEPREFIX), never in the work tree,
    and from one run to the next, as Python keeps it where the variable is not set. Run here, when
    conftest.py is loaded: before the test modules are collected and the workers started, which
    inherit it, and before this module imports hypothesis and the package (pytest_configure, main),
    which the first process, xdist's controller, compiled again each run otherwise (0.7 s)."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE") or os.environ.get("PYTHONPYCACHEPREFIX"):
        return
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative value is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
        if not os.path.isabs(base):
            return
    prefix = os.path.join(base, "sle-trials", "pycache")
    os.environ["PYTHONPYCACHEPREFIX"] = sys.pycache_prefix = prefix
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    sys.dont_write_bytecode = False


_keep_bytecode()

# Where the tests' temporary files go when TMPDIR is not set: memory, if it has room. A run's
# temporary folders peak at about 200 MB (tmp_path_retention_policy = "failed" removes a passing
# test's); a container's /dev/shm is often 64 MB, so 1 GiB free is asked for, and the disk's
# temporary folder serves otherwise.
MEMORY_FOLDER = "/dev/shm"
ROOM_IN_MEMORY = 1 << 30


def memory_folder(
    environ: dict[str, str],
    folder: str = MEMORY_FOLDER,
    room: int = ROOM_IN_MEMORY,
    statvfs: Callable[[str], os.statvfs_result] = os.statvfs,
) -> str | None:
    """folder, where the tests' temporary files should go: unless the user has chosen (TMPDIR), a
    folder in memory (tmpfs) that one may write to, run programs from (the tests run stand-in
    interpreters and git hooks from their folders; Docker mounts /dev/shm noexec) and that has room
    free. On the project's 2-core CI machine the suite took 1 min 49 s to 1 min 51 s with its files
    in /dev/shm against 1 min 56 s to 2 min 01 s on the disk, runs alternated, the system time 17 s
    against 23 to 30 s (each test writes a registry copy, git repositories, caches and outputs:
    docs/development.md)."""
    if environ.get("TMPDIR") or not os.path.isdir(folder) or not os.access(folder, os.W_OK | os.X_OK):
        return None
    try:
        free = statvfs(folder)
    except OSError:
        return None
    if free.f_flag & (os.ST_NOEXEC | os.ST_RDONLY):
        return None
    return folder if free.f_bavail * free.f_frsize >= room else None


def _temporary_files_in_memory() -> None:
    """Set TMPDIR where memory_folder says, when conftest.py is loaded: before this module's first
    temporary folder (_data_root) and before xdist starts the workers, which inherit it with the
    processes the tests start; pytest's own tmp_path folders follow (tempfile.gettempdir)."""
    folder = memory_folder(dict(os.environ))
    if folder is not None:
        os.environ["TMPDIR"] = folder
        tempfile.tempdir = None  # worked out again from TMPDIR on the next call


_temporary_files_in_memory()


def main(argv: list[str]) -> int:
    """`trials ARGV...` in-process (sle_trials.cli.main), imported on first use: after _keep_bytecode."""
    from sle_trials.cli import main as trials

    return trials(argv)


@pytest.hookimpl(tryfirst=True)  # before hypothesis's plugin, so that --hypothesis-profile still wins
def pytest_configure(config: pytest.Config) -> None:
    """Every property test draws the same examples on every run and machine (no example database), so
    a CI failure can be reproduced; a test's own @settings add to this. Loaded before the test modules
    are collected (their @settings are made from the profile then)."""
    from hypothesis import settings

    settings.register_profile("repeatable", derandomize=True, database=None, print_blob=True)
    settings.load_profile("repeatable")
    draw_the_packages_constants()


def draw_the_packages_constants() -> None:
    """Hypothesis mixes into what it draws the literals of the local modules imported so far
    (hypothesis.internal.conjecture.providers._get_local_constants, since 6.131): a derandomized
    property test drew other examples when its module ran alone than in a full run, where other tests
    had imported more of the package (the round-trip property failed alone only, a173751), and other
    examples on a worker that had run other modules first. Its pool is made the literals of every
    module of the package, read once when first asked for, whatever was imported before or after:
    the same examples alone, in a full run, on either worker, on every machine. It reaches a private
    name of hypothesis (pinned below 7 in pyproject.toml): if the name goes, this fails, not the
    examples' repeatability."""
    import importlib
    import pkgutil

    import sle_trials
    from hypothesis.internal.conjecture import providers
    from hypothesis.internal.constants_ast import Constants, constants_from_module
    from hypothesis.internal.floats import float_to_int
    from sortedcontainers import SortedSet

    if not callable(getattr(providers, "_get_local_constants", None)):
        raise RuntimeError("hypothesis no longer has providers._get_local_constants: see draw_the_packages_constants")
    pool: list[Constants] = []

    def the_packages_constants() -> Constants:
        if not pool:
            # sorted sets, as hypothesis keeps its own: a set's order would follow the hash seed
            constants = Constants(
                integers=SortedSet(), floats=SortedSet(key=float_to_int), bytes=SortedSet(), strings=SortedSet()
            )
            for found in pkgutil.walk_packages(sle_trials.__path__, "sle_trials."):
                if found.name.endswith(".__main__"):  # (runs the command line when imported)
                    continue
                try:
                    module = importlib.import_module(found.name)
                except ImportError:  # a library of an extra not installed here: no test imports it either
                    continue
                constants |= constants_from_module(module)
            pool.append(constants)
        return pool[0]

    providers._get_local_constants = the_packages_constants


# What a test's git runs with: a fixed curator identity, and neither the machine's nor the user's
# git configuration (a signing key, a hook path or an editor there would change what git does).
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Curator",
    "GIT_AUTHOR_EMAIL": "curator@example.invalid",
    "GIT_COMMITTER_NAME": "Curator",
    "GIT_COMMITTER_EMAIL": "curator@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}
FIXTURES = REPO / "tests" / "fixtures"
COPIED_DIRS = ("schema", "seeds", "trials")


def _data_root() -> Path:
    """The registry the tests read: the records, sources and generated files frozen under
    tests/fixtures/registry/ (a copy of the repository's data when the tests were last fitted to it),
    beside this checkout's schema. Never the repository's own trials/ and seeds/: a pull request that
    adds a record changes no test's data (CI's `trials check` holds the data), and a test stays as
    its author wrote it. Built once per process in a temporary folder, removed at exit."""
    root = Path(tempfile.mkdtemp(prefix="trials-tests-data-"))
    atexit.register(shutil.rmtree, root, True)
    shutil.copytree(REPO / "schema", root / "schema")
    for entry in (FIXTURES / "registry").iterdir():
        (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, root / entry.name)
    return root


DATA_ROOT = _data_root()
CSV_NAME = "trials.csv"

# The IM19 record (NCT06513429) reduced to a draft: what a record needs, and a status. Every verbatim value in it
# occurs in the source it cites, so it stays valid however strictly text is checked against sources,
# and every other value is quoted (E517 holds a draft to that as much as a complete record); tests
# append the fields a case needs and their quotes with joined().
IM19_MINIMAL = """\
nct_id: NCT06513429
brief_title: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)
curation:
  status: draft
  sources:
    - file: seeds/000_84a0f0163f21158e.txt
      kind: REGISTRY_COPY
      as_of: "2025-08-17"
overall_status: RECRUITING
evidence:
  curation.sources.0.as_of: "Last Updated: 2025-08-17"
  overall_status: "RECRUITING"
"""
IM19_PATH = "trials/NCT06513429.yaml"
RELMA_PATH = "trials/NCT05765006.yaml"  # the Relma-cel record, complete, from a ClinConnect page

# A source document of no known layout (no places, no rows: its words are checked, and where they
# stand only as far as which trial's lines they are in: layouts.trial_sections), for tests of
# cross-record problems: each record that cites it passes `validate` alone while its references are
# wrong. add_plain_source puts it under seeds/ with its manifest line.
PLAIN_SOURCE = "seeds/900_plain.txt"
# A test source's own date, as the drafts below quote it: a test writing its own source starts it so.
AS_OF_LINE = "Last Updated: 2025-08-17\n"
# A test source's line naming IM19's trial and its title, as a draft's brief_title quotes it
IM19_TITLE_LINE = "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"
PLAIN_TEXT = f"""{IM19_TITLE_LINE}
Last Updated: 2025-08-17
RECRUITING
Related trials: NCT06900765 A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus;
NCT06886919 Anti-CD19 Chimeric Antigen Receptor T Cells for Refractory Systemic Lupus Erythematosus;
NCT06513429 IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE).
Trial NCT06900764: A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus
"""
IM19_PLAIN = IM19_MINIMAL.replace("seeds/000_84a0f0163f21158e.txt", PLAIN_SOURCE).replace("REGISTRY_COPY", "OTHER")


def im19_draft(source: str) -> str:
    """The IM19 record's first lines as a draft citing one source of no known layout (kind OTHER),
    for a test that writes that source and appends the fields its case needs."""
    return (
        IM19_PLAIN.replace(PLAIN_SOURCE, source)
        .replace("overall_status: RECRUITING\n", "")
        .replace('  overall_status: "RECRUITING"\n', "")
    )


def im19_out(trials: Trials, line: str, fields: str) -> str:
    """What `trials validate` prints of IM19's draft holding fields (YAML), citing a plain source of
    IM19's head and line; "" where it passes. A run that ends otherwise than passing or finding
    problems (an internal error, exit status 3, or a usage error) fails the test: read as "", a crash
    passed every honest case, and its output every attack."""
    source = add_source(trials.root, "seeds/935_plain_line.txt", IM19_TEXT_HEAD + line + "\n")
    put(trials.root, IM19_PATH, joined(im19_draft(source), fields))
    result = trials("validate", trials.root / IM19_PATH)
    assert result.status in (0, 1), f"trials validate ended with status {result.status}: {result.out}{result.err}"
    return result.out if result.status else ""


# The stub of NCT03030976 as a trial's web page names it (its title and date): for the attacks on how
# a page is read (tests/test_attacks_*markup*, *style*, *script*, *page_names*), each of which writes
# the page. PAGE_RECORD holds {source}, the page's path under seeds/.
PAGE_STUB = "trials/NCT03030976.yaml"
PAGE_TITLE = "A Study of CD19 Redirected Autologous T Cells for CD19 Positive Systemic Lupus Erythematosus (SLE)"
PAGE_SAID = f"NCT03030976 {PAGE_TITLE} Last Updated: 2025-08-17"
PAGE_RECORD = f"""nct_id: NCT03030976
brief_title: {PAGE_TITLE}
curation:
  status: stub
  sources:
    - file: {{source}}
      kind: REGISTRY_PAGE
      as_of: "2025-08-17"
      as_of_label: Last Updated
evidence:
  nct_id: NCT03030976
  curation.sources.0.as_of: "Last Updated: 2025-08-17"
"""


ONE_THRESHOLD = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: {text}
  thresholds:
    - kind: {kind}
      criterion: {{list: INCLUSION, number: 1}}
      measure: {measure}
      comparator: "{comparator}"
      value: {value}
      unit: {unit}
evidence:
  eligibility.thresholds.0: {text}
"""


def left(value: object, reason: str) -> object:
    """A case a check still lets pass, kept as a strict xfail whose reason names the mechanism: it fails
    the suite once the check catches it, so the case moves to the refused ones."""
    return pytest.param(value, marks=pytest.mark.xfail(strict=True, reason=reason))


def one_criterion_out(trials: Trials, text: str, side: str, block: str, key: str, quote: str | None = None) -> str:
    """What `trials validate` prints of IM19's draft whose `side` ("inclusion" or "exclusion") criterion 1
    is text, holding block (YAML lines under eligibility: a field that names criterion 1), with evidence
    eligibility.<key> the whole criterion, or quote (im19_out)."""
    fields = (
        f"eligibility:\n  {side}_criteria:\n    - number: 1\n      text: {json.dumps(text, ensure_ascii=False)}\n"
        f"{block}evidence:\n  eligibility.{key}: {json.dumps(quote or text, ensure_ascii=False)}\n"
    )
    return im19_out(trials, f"{side.capitalize()} criteria:\n1. {text}", fields)


def threshold_out(
    trials: Trials, text: str, threshold: tuple, conditions: tuple[str, ...] = (), side: str = "inclusion"
) -> str:
    """What `trials validate` prints of IM19's draft whose `side` criterion 1 is text, holding one
    threshold (kind, measure, comparator, value, unit) of it, with conditions (one_criterion_out)."""
    kind, measure, comparator, value, unit = threshold
    given = f"      conditions: {json.dumps(list(conditions), ensure_ascii=False)}\n" if conditions else ""
    block = (
        f"  thresholds:\n    - kind: {kind}\n      criterion: {{list: {side.upper()}, number: 1}}\n"
        f"      measure: {json.dumps(measure)}\n      comparator: {json.dumps(comparator)}\n"
        f"      value: {value}\n      unit: {json.dumps(unit, ensure_ascii=False)}\n{given}"
    )
    return one_criterion_out(trials, text, side, block, "thresholds.0")


# The limits the attack tables of a limit's conditions state (tests/test_attacks_review_helper11.py,
# test_attacks_helper12_sentence_ends.py, test_attacks_helper15_conditions.py), by their measure's words
LIMITS = {
    "ALT": ("LABORATORY", "ALT", ">", 3, "×ULN"),
    "Total bilirubin": ("LABORATORY", "Total bilirubin", ">", 2, "mg/dL"),
    "Hemoglobin": ("LABORATORY", "Hemoglobin", "<", 8, "g/dL"),
    "INR": ("LABORATORY", "INR", ">", 1.5, "×ULN"),
    "Platelets": ("LABORATORY", "Platelets", "<", 50000, "/mm³"),
    "HBV DNA": ("LABORATORY", "HBV DNA", ">", 2000, "IU/mL"),
    "eGFR": ("LABORATORY", "eGFR", "<", 30, "mL/min"),
    "SLEDAI-2K": ("DISEASE_ACTIVITY", "SLEDAI-2K", ">=", 6, "points"),
}


def limit_codes(trials: Trials, text: str, conditions: tuple[str, ...] = (), side: str = "exclusion") -> set[str]:
    """The codes `trials validate` reports of IM19's draft whose criterion 1 (side) is text, holding the threshold
    of the measure text names first (LIMITS), with conditions (threshold_out)."""
    threshold = min(((text.find(m), t) for m, t in LIMITS.items() if m in text), key=lambda p: p[0])[1]
    return set(re.findall(r"\bE\d{3}\b", threshold_out(trials, text, threshold, conditions, side)))


def prior_therapy_out(trials: Trials, text: str, therapies: list[str]) -> str:
    """one_criterion_out of IM19's inclusion criterion 1, holding those therapies as its prior therapy."""
    block = f"  prior_therapy:\n    therapies: {json.dumps(therapies)}\n    criterion: {{list: INCLUSION, number: 1}}\n"
    return one_criterion_out(trials, text, "inclusion", block, "prior_therapy")


def one_threshold_draft(root: Path, source: str, text: str, side: str = "inclusion", **threshold: object) -> Path:
    """IM19 as a draft citing source, a page of no known layout listing one inclusion criterion (text;
    side="exclusion": one exclusion criterion), with one threshold of it (kind, measure, comparator,
    value, unit) quoted as that text; the source is written too (add_source). The record's path."""
    add_source(root, source, f"{IM19_TITLE_LINE}\nLast Updated: 2025-08-17\n{side.capitalize()} criteria:\n1. {text}\n")
    fields = ONE_THRESHOLD.format(text=text, **threshold)
    fields = fields.replace("inclusion_criteria:", f"{side}_criteria:")
    fields = fields.replace("list: INCLUSION", f"list: {side.upper()}")
    return put(root, IM19_PATH, joined(im19_draft(source), fields))


# What a source the attacks write for IM19 starts with: its title line and its as-of date, in plain
# text and in a web page (whose body the test goes on with)
IM19_TEXT_HEAD = f"{IM19_TITLE_LINE}\nLast Updated: 2025-08-17\n"
IM19_PAGE_HEAD = f"<!DOCTYPE html>\n<html><body>\n<p>{IM19_TITLE_LINE}</p>\n<p>Last Updated: 2025-08-17</p>\n"


def weight_draft(root: Path, source: str, text: str, number: int) -> Path:
    """IM19 as a draft citing a new source (source: its path; text: its words, added as add_source adds
    one), holding inclusion criterion `number`, "Weight at least 40 kg", with its body-weight threshold
    (a limit of 40 kg): what the attacks on a source's list numbers check. The record's path."""
    threshold = ONE_THRESHOLD.format(
        text=WEIGHT, kind="BODY_WEIGHT", measure="Weight", comparator=">=", value=40, unit="kg"
    ).replace("number: 1", f"number: {number}")
    return put(root, IM19_PATH, joined(im19_draft(add_source(root, source, text)), threshold))


WEIGHT = "Weight at least 40 kg"


def enrollment_draft(root: Path, source: str, count: int, quote: str) -> Path:
    """IM19 as a draft citing source (written by the test), holding an enrollment of count pinned to
    quote: what an attack on a source's words makes a check read as a number. The record's path."""
    return put(
        root,
        IM19_PATH,
        joined(im19_draft(source), f'enrollment:\n  count: {count}\nevidence:\n  enrollment: "{quote}"\n'),
    )


def joined(*parts: str) -> str:
    """Parts of a record's text as one record: the `evidence:` block that ends each part joined into
    one at the end, so a test appends its fields and their quotes to a base record that quotes its own."""
    body: list[str] = []
    quotes: list[str] = []
    for part in parts:
        head, sep, tail = part.partition("\nevidence:\n") if not part.startswith("evidence:\n") else ("", "", part[10:])
        body.append(head + ("\n" if sep else ""))
        assert all(line.startswith(" ") for line in tail.splitlines()), f"evidence is not the end of {part!r}"
        quotes.append(tail)
    return "".join(body) + ("evidence:\n" + "".join(quotes) if any(quotes) else "")


def age_fields(bound: str, value: int, quote: str) -> str:
    """The lines a draft appends for one age limit in years (bound: minimum_age or maximum_age) and
    its quote, for a test of how a source's words bind it."""
    return (
        f"eligibility:\n  {bound}:\n    value: {value}\n    unit: YEARS\n"
        f"evidence:\n  eligibility.{bound}: {json.dumps(quote, ensure_ascii=False)}\n"
    )


def enrollment_fields(count: int, quote: str) -> str:
    """The lines a draft appends for an enrollment of count and its quote."""
    return f"enrollment:\n  count: {count}\nevidence:\n  enrollment: {json.dumps(quote, ensure_ascii=False)}\n"


def sponsor_fields(name: str) -> str:
    """The lines a draft appends for a sponsor of that name, quoted as its name alone."""
    return f"sponsor:\n  name: {name}\nevidence:\n  sponsor.name: {name}\n"


def responsible_party_fields(name: str, kind: str, quote: str) -> str:
    """The lines a draft appends for a responsible party of that name and type (kind), the type quoted by quote."""
    return (
        f"responsible_party:\n  name: {name}\n  type: {kind}\n"
        f"evidence:\n  responsible_party.name: {name}\n  responsible_party.type: {json.dumps(quote)}\n"
    )


def codes_with_a_note_rewritten(root: Path, shown: str, old: str, new: str) -> set[str]:
    """The codes of the curated record shown (under root) with its one note holding old rewritten to hold new, as
    the mutation harness checks a record (mutations.Checks)."""
    from mutations import Checks

    data = record_data(root / shown, shown)
    notes = [note for note in data["curation"]["notes"] if old in note["text"]]
    assert len(notes) == 1, old
    notes[0]["text"] = notes[0]["text"].replace(old, new)
    return Checks(root).codes(shown, data)


# A sentence of each of two curated records' notes, after which the honest hunts add a sentence of their own
IM19_WINDOW_NOTE = "Exclusion criterion 8's window of 6 months covers its whole list of heart conditions."
RELMA_ENROLLMENT_NOTE = "The source gives no enrollment count."


def codes_with_a_sentence_added(root: Path, shown: str, added: str) -> set[str]:
    """The codes of IM19's or Relma-cel's record (shown, under root) with a sentence added to one of its notes."""
    old = IM19_WINDOW_NOTE if shown == IM19_PATH else RELMA_ENROLLMENT_NOTE
    return codes_with_a_note_rewritten(root, shown, old, f"{old} {added}")


def term_fields(field: str, value: str, quote: str) -> str:
    """The lines a draft appends for one term (field: its dotted name, one level deep at most) and
    its quote."""
    head, _, key = field.rpartition(".")
    body = f"{key}: {value}\n" if not head else f"{head}:\n  {key}: {value}\n"
    return f"{body}evidence:\n  {field}: {json.dumps(quote, ensure_ascii=False)}\n"


def cohort_fields(quote: str) -> str:
    """The lines a draft appends for an arm "Arm A" with one cohort dosed 1×10^6 CAR-T cells/kg, and
    the cohort's quote."""
    return (
        "arms:\n  - label: Arm A\n    cohorts:\n      - dose:\n          value: 1000000\n"
        "          unit: CAR-T cells\n          basis: PER_KG\n"
        f"evidence:\n  arms.0.label: Arm A\n  arms.0.cohorts.0: {json.dumps(quote, ensure_ascii=False)}\n"
    )


def agent_fields(quote: str) -> str:
    """The lines a draft appends for lymphodepletion by fludarabine at 30 mg/m2/day, and its quote."""
    return (
        "lymphodepletion:\n  agents:\n    - agent: FLUDARABINE\n      dose: 30\n      unit: mg/m2/day\n"
        f"evidence:\n  lymphodepletion.agents.0: {json.dumps(quote, ensure_ascii=False)}\n"
    )


def construct_fields(quote: str) -> str:
    """The lines a draft appends for IM19's construct with a CD28 costimulatory domain, and its quote."""
    return (
        "cell_product:\n  name: IM19\n  construct:\n    costimulatory_domains: [CD28]\n"
        f"evidence:\n  cell_product.name: IM19\n  cell_product.construct: {json.dumps(quote, ensure_ascii=False)}\n"
    )


def origin_fields(quote: str) -> str:
    """The lines a draft appends for IM19 as autologous, and the quote of its origin."""
    return (
        "cell_product:\n  name: IM19\n  origin: AUTOLOGOUS\n"
        f"evidence:\n  cell_product.name: IM19\n  cell_product.origin: {json.dumps(quote, ensure_ascii=False)}\n"
    )


def add_source(root: Path, relative: str, text: str) -> str:
    """A source document seeds/NAME with text, in the registry at root and listed in
    seeds/SHA256SUMS, as docs/curating.md says to add one; returns its path."""
    return add_source_bytes(root, relative, text.encode("utf-8"))


def add_source_bytes(root: Path, relative: str, raw: bytes) -> str:
    """add_source of a source's bytes as received (any encoding, any line ends). A source added
    again under its name (a test's second text) gets its line written again in place of the first,
    as E307's message says to: two lines for one name is E307."""
    (root / relative).write_bytes(raw)
    manifest = root / "seeds" / "SHA256SUMS"
    name = Path(relative).name
    kept = [line for line in manifest.read_text(encoding="utf-8").splitlines(keepends=True) if line[66:-1] != name]
    manifest.write_text("".join(kept) + f"{hashlib.sha256(raw).hexdigest()}  {name}\n", encoding="utf-8")
    return relative


def add_plain_source(root: Path) -> str:
    """PLAIN_SOURCE in the registry at root, listed in seeds/SHA256SUMS; returns its path."""
    return add_source(root, PLAIN_SOURCE, PLAIN_TEXT)


# A problem line in the text format: path:line:col: CODE message (line and column when it has a place).
TEXT_PROBLEM = re.compile(
    r"(?P<path>[^\s:]+):(?:(?P<line>[0-9]+):(?P<col>[0-9]+):)? (?P<code>E[0-9]{3}) (?P<message>\S.*)"
)


@dataclass
class Result:
    """One run of the command."""

    status: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()

    def json(self) -> dict[str, Any]:
        return json.loads(self.out)

    def problems(self) -> list[dict[str, Any]]:
        """The problems of a `--format json` run."""
        return self.json()["problems"]

    def codes(self) -> set[str]:
        return {p["code"] for p in self.problems()}

    def where(self, code: str) -> list[tuple[str, int | None, int | None]]:
        """(path, line, column) of each problem with this code, from a `--format json` run."""
        return [(p["path"], p["line"], p["column"]) for p in self.problems() if p["code"] == code]


class Trials:
    """Runs `trials COMMAND --root <registry> [--format F] ARGS...` in-process."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.capsys = capsys

    def __call__(self, command: str, *args: Any, fmt: str | None = None, root: Path | None = None) -> Result:
        """Run from the registry copy's root, as a curator runs it: a relative FILE ("trials/X.yaml")
        is the copy's file. Run from the checkout, it was the repository's own, unchanged: a test of
        an edited copy passed without reading it."""
        argv = [command, "--root", str(root or self.root)]
        if fmt:
            argv += ["--format", fmt]
        here = os.getcwd()
        if (root or self.root).is_dir():  # (a root that is missing is refused, from where the test stands)
            os.chdir(root or self.root)
        try:
            return self.raw([*argv, *map(str, args)])
        finally:
            os.chdir(here)

    def enrollment(self, source: str, text: str, count: int, quote: str) -> Result:
        """`trials validate` of IM19's draft holding an enrollment of count pinned to quote, citing a new
        source (its path, and text: its words, added as add_source adds one): how the attacks on a
        source's numbers and markup are checked (enrollment_draft)."""
        enrollment_draft(self.root, add_source(self.root, source, text), count, quote)
        return self("validate", self.root / IM19_PATH)

    def raw(self, argv: list[str]) -> Result:
        """Any argument list, exactly as given (for usage errors)."""
        self.capsys.readouterr()  # drop whatever was printed before this run
        try:
            status = main(argv)
        except SystemExit as exc:  # argparse exits on bad usage (and on --help, --version)
            status = exc.code if isinstance(exc.code, int) else 2
        captured = self.capsys.readouterr()
        return Result(status, captured.out, captured.err)

    def json(self, command: str, *args: Any) -> Result:
        return self(command, *args, fmt="json")


def generated_files() -> list[str]:
    """trials.csv and whatever else `trials csv` writes beside it (and `csv --check` compares). The
    JSON export is not one of them: `trials export json` writes it on demand; it is never committed."""
    names = [CSV_NAME]
    try:
        from sle_trials.outputs import package
    except ImportError:
        return names
    return names + [Path(package.DATAPACKAGE_PATH).as_posix()] if hasattr(package, "DATAPACKAGE_PATH") else names


def copy_registry(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED_DIRS:
        shutil.copytree(DATA_ROOT / name, dest / name)
    for name in generated_files():
        if (DATA_ROOT / name).is_file():
            shutil.copy2(DATA_ROOT / name, dest / name)
    return dest


def snapshot(root: Path) -> dict[str, bytes]:
    """Every regular file under root (a registry copy) and its bytes: what a command that must write
    nothing leaves as it was. The check cache is not among them: a copy's lives in the test's own
    cache folder (_cache_home), not under the registry."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def put_back(root: Path, before: dict[str, bytes]) -> None:
    """The registry copy at root as snapshot() found it: each file written since removed, each changed written back."""
    for name, data in snapshot(root).items():
        if name not in before:
            (root / name).unlink()
        elif data != before[name]:
            (root / name).write_bytes(before[name])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The order in which the workers are handed the modules (`--dist loadfile` in pyproject.toml: a
    module's tests run on one worker, so its costly fixtures are built once): the modules marked
    long first, then the others, most tests first (xdist's own order). A long module handed out last
    would keep one worker busy while the other has nothing left to do."""
    sizes: dict[str, int] = {}
    for item in items:
        sizes[_module(item)] = sizes.get(_module(item), 0) + 1
    items.sort(key=lambda item: (item.get_closest_marker("long") is None, -sizes[_module(item)]))


def pytest_collection_finish(session: pytest.Session) -> None:
    """The collector as a run sets it (pipeline.collect_rarely), for the whole of a worker's session,
    and what the session has built by now (the modules, hypothesis, the collected tests) set aside
    for good (gc.freeze): with Python's defaults, a worker's collector walked all of it again and
    again as the tests checked records in-process. The suite took 165 and 169 s with this against
    180 and 193 s without, runs alternated (2026-12-04)."""
    import gc

    from sle_trials.engine import pipeline

    gc.freeze()
    pipeline.collect_rarely()


def _module(item: pytest.Item) -> str:
    return item.nodeid.split("::", 1)[0]  # what loadfile keeps on one worker, as xdist names it


@pytest.fixture(autouse=True, scope="session")
def _cache_home(tmp_path_factory: pytest.TempPathFactory):
    """A registry outside git keeps its check cache in the user's cache folder ($XDG_CACHE_HOME):
    the tests' caches go to a folder of the session's own, never the user's."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache-home")))
    yield
    patch.undo()


# The modules that test the fingerprint and the schema's validator themselves: they point the
# fingerprint at copies of the package, set its clock, its stat and its libraries, and count the
# validators a run makes. Every other test gets the session's one of each (_one_fingerprint_a_session).
OWN_FINGERPRINT = frozenset({"test_cache", "test_trust_boundary", "test_workers", "test_lookalike", "test_engines"})
_FINGERPRINTS: dict[str, str] = {}  # schema text -> cache.fingerprint's answer, once a session
_VALIDATORS: dict[str, Any] = {}  # the schema as JSON, in its keys' order -> its validator


@pytest.fixture(autouse=True)
def _one_fingerprint_a_session(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `trials` process works out the fingerprint of the tool's code (cache.fingerprint: a stat of
    each of the package's files and the first bytes of each .pyc) and compiles the schema's
    validator once; the tests run the tool in-process about 6,700 times a session, and each run did
    both again: about 25 s of the suite's CPU, a fifth of an in-process run of a record (2026-12-06).
    Neither can change within a session: no test edits the package it runs (the tests of the
    fingerprint do, on copies, and keep the tool's own functions: OWN_FINGERPRINT), and a validator
    is made from the schema's text alone, kept by that text. A subprocess works both out itself."""
    if request.module.__name__.rpartition(".")[2] in OWN_FINGERPRINT:
        return
    from sle_trials.checks import schema
    from sle_trials.engine import cache

    fingerprint, make_validator = cache.fingerprint, schema.make_validator

    def remembered_fingerprint(schema_text: str) -> str:
        if schema_text not in _FINGERPRINTS:
            _FINGERPRINTS[schema_text] = fingerprint(schema_text)
        return _FINGERPRINTS[schema_text]

    def remembered_validator(data: dict) -> Any:
        text = json.dumps(data, ensure_ascii=False)
        if text not in _VALIDATORS:
            _VALIDATORS[text] = make_validator(data)
        return _VALIDATORS[text]

    monkeypatch.setattr(cache, "fingerprint", remembered_fingerprint)
    monkeypatch.setattr(schema, "make_validator", remembered_validator)


@pytest.fixture(scope="session")
def _checked_registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return checked_registry(tmp_path_factory)


def checked_registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the registry checked once a session (a worker's, in its own base folder), so that its
    check cache holds an entry for each record: made on first use, by the fixture or a helper that
    imports into a copy (import_complete), and served to copies by with_cache_of."""
    import contextlib
    import io

    root = tmp_path_factory.getbasetemp() / "checked" / "registry"
    if not root.is_dir():
        copy_registry(root)
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["check", "--root", str(root)]) == 0
        # The patterns the worker's first check compiled are kept in the same database (about 4 MB), and each
        # copy with_cache_of makes would carry them: 3,243 copies held 12 GB of a worker's memory folder. No
        # test of a copy needs them (the process has its patterns compiled; test_compiled_patterns tests them).
        import sqlite3

        from sle_trials.engine import cache

        place = cache.place(root)
        if place is not None and place.is_file():
            with contextlib.closing(sqlite3.connect(place, isolation_level=None)) as db:
                db.execute("DELETE FROM pattern")
                db.execute("VACUUM")
    return root


def with_cache_of(checked: Path, root: Path) -> None:
    """The check cache of the registry at checked, as the cache of the copy at root: each entry is
    served to the copy's file of the same path and bytes (a stat that is not the one read sends the
    cache to the file's sha256) and the same sources, under the same key."""
    from sle_trials.engine import cache

    have, want = cache.place(checked), cache.place(root)
    if have is None or want is None or want.parent.exists():  # a cache folder shared with others (a
        return  # git directory holding the temporary folder): the copy starts with no cache
    want.parent.mkdir(parents=True, mode=0o700)
    for name in (have.name, cache.KEY):
        shutil.copy2(have.parent / name, want.parent / name)


@pytest.fixture
def registry(tmp_path: Path, _checked_registry: Path) -> Path:
    """A copy of the registry (schema/, seeds/, trials/, trials.csv and its companions) under
    tmp_path, with the check cache a run of `trials check` left: a test's runs check the records it
    changes and take the others' verdicts from the cache, as a curator's runs do. Returns its root."""
    root = copy_registry(tmp_path / "registry")
    with_cache_of(_checked_registry, root)
    return root


@pytest.fixture(scope="module")
def property_registry() -> Iterator[Path]:
    """One registry copy for a property module's command-level properties (record_strategies;
    each example cleans up after itself)."""
    from record_strategies import command_registry

    with command_registry() as root:
        yield root


@pytest.fixture
def trials(registry: Path, capsys: pytest.CaptureFixture[str]) -> Trials:
    """The `trials` command, pointed at the registry copy."""
    return Trials(registry, capsys)


def record_data(path: Path, shown: str = "x") -> dict[str, Any]:
    """The data of a trial file that must load (the test fails here, saying why, when it does not)."""
    from sle_trials.checks import load

    record, problems = load.load(path, shown)
    assert record is not None, problems
    return record.data


# The real API v2 studies the importer hunts vary (tests/test_import_real_hunt170.py, _hunt182, _hunt188), and the
# reason their drafts are held, out of the registry's scope
REAL_STUDIES = FIXTURES / "ctgov" / "real"
VARIED = "a real API v2 study, varied by the tests"


def real_study(name: str = "NCT02576665.json") -> dict[str, Any]:
    """The study of the real file tests/fixtures/ctgov/real/<name>, as a dict to vary."""
    doc = json.loads((REAL_STUDIES / name).read_bytes())
    return copy.deepcopy(doc["studies"][0] if "studies" in doc else doc)


def shared_registry(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """One registry copy for a module's imports (each a study of an NCT id of its own), with the checked registry's
    cache: the import checks the whole registry with the new record before it writes anything, as a curator's does."""
    root = copy_registry(tmp_path_factory.mktemp(name) / "registry")
    with_cache_of(checked_registry(tmp_path_factory), root)
    return root


def draft_importer(run: Callable[[dict[str, Any]], tuple[int, str, dict[str, Any] | None]]) -> Callable[..., Any]:
    """The draft a study imports into by run (the import must pass: the registry with it is checked)."""

    def imported(study: dict[str, Any]) -> dict[str, Any]:
        status, said, data = run(study)
        assert status == 0 and data is not None, said
        return data

    return imported


def criteria_texts(items: list[dict]) -> list:
    """Each criterion's text, with its sub-criteria's texts after it where it has some (the importer hunts' view of
    a list read, nesting and all)."""
    out: list = []
    for c in items:
        out.append(c["text"])
        if "sub_criteria" in c:
            out.append(criteria_texts(c["sub_criteria"]))
    return out


def inclusion(lines: str) -> Any:
    """The text read (criteria_text.split) with lines under the inclusion heading, beside an exclusion list of one:
    how the importer hunts read a list (test_import_hunt216.py to 221 each wrote it out)."""
    from sle_trials.reading import criteria_text

    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert found.exclusion == [{"text": "Pregnancy"}]
    return found


def importer_hunt(name: str, first: int) -> tuple[Any, Callable[..., Any], Any]:
    """The fixtures of an importer hunt's module, which imports many varied studies: `shared`, one registry copy for
    its imports (shared_registry, named name); run_import, a study imported there under an NCT id of its own, from
    NCT<first> on (import_study: the status, what was printed, the draft); and `draft`, the draft a study imports
    into, the import passing. Bound by the module: `shared, run_import, draft = importer_hunt("hunt210", 92100001)`."""
    ids = itertools.count(first)

    @pytest.fixture(scope="module")
    def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
        return shared_registry(tmp_path_factory, name)

    def run_import(root: Path, study: dict[str, Any]) -> tuple[int, str, dict[str, Any] | None]:
        before = snapshot(root)
        imported = import_study(root, study, f"NCT{next(ids)}")
        # The draft read, the registry is put back as it was: a draft left in place was checked again by every
        # later import of the module (an import's check writes no cache entry), so a module's imports cost
        # quadratically in their number (hunt 208's 28 imports checked 413 records).
        put_back(root, before)
        return imported

    @pytest.fixture(scope="module")
    def draft(shared: Path) -> Callable[[dict[str, Any]], dict[str, Any]]:
        return draft_importer(lambda study: run_import(shared, study))

    return shared, run_import, draft


def notes_on(data: dict[str, Any], field: str) -> list[str]:
    """The texts of the draft's notes on field, each on one line (its runs of spaces one space)."""
    return [" ".join(n["text"].split()) for n in data["curation"].get("notes", []) if n["field"] == field]


def with_criteria(text: str, name: str = "NCT02576665.json") -> dict[str, Any]:
    """The real study tests/fixtures/ctgov/real/<name>, its eligibility criteria the text given."""
    study = real_study(name)
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = text
    return study


def import_study(root: Path, study: dict[str, Any], nct: str) -> tuple[int, str, dict[str, Any] | None]:
    """The study, given the NCT id nct, imported into root in-process (held out of scope: VARIED): the exit status,
    what was printed, and the draft's data where one was written."""
    import contextlib
    import io

    study["protocolSection"]["identificationModule"]["nctId"] = nct
    file = root.parent / f"{nct}.json"
    file.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(["import", "ctgov", str(file), "--root", str(root), "--out-of-scope", VARIED])
    written = root / "trials" / f"{nct}.yaml"
    return status, out.getvalue(), record_data(written) if written.exists() else None


def imported_draft(trials: Trials, registry: Path, study: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """The draft the study imports into, written as the API writes a study; the registry still passes check."""
    file = tmp_path / "study.json"
    file.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    result = trials("import", "ctgov", file, "--out-of-scope", VARIED)
    assert result.status == 0, result.out + result.err
    assert trials("check").status == 0
    return record_data(registry / "trials" / f"{study['protocolSection']['identificationModule']['nctId']}.yaml")


VARIED_NCT = "NCT02576665"  # the real study whose criteria the importer hunts write anew


def varied_study(criteria: str) -> dict[str, Any]:
    """VARIED_NCT's study, its eligibility criteria the text given."""
    study = copy.deepcopy(json.loads((REAL_STUDIES / f"{VARIED_NCT}.json").read_bytes()))
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = criteria
    return study


def split_inclusion(text: str) -> list[dict]:
    """The inclusion criteria criteria_text.split reads of text set under an inclusion heading, an
    exclusion list after it: how the importer's tests read one list's layout."""
    from sle_trials.reading import criteria_text

    return criteria_text.split(f"Inclusion Criteria:\n\n{text}\n\nExclusion Criteria:\n\n* Pregnancy").inclusion


def criteria_tree(items: list[dict]) -> list:
    """The criteria as (number, text) pairs, (group, number, text) where grouped, each with the list of its
    sub-criteria after it where it has some."""
    out: list = []
    for c in items:
        out.append((c["group"], c.get("number"), c["text"]) if "group" in c else (c.get("number"), c["text"]))
        if "sub_criteria" in c:
            out.append(criteria_tree(c["sub_criteria"]))
    return out


def inclusion_tree(text: str) -> list:
    """split_inclusion's criteria as their criteria_tree."""
    return criteria_tree(split_inclusion(text))


def split_lists(text: str) -> tuple[list, list]:
    """Both lists criteria_text.split reads of text, each as its criteria_tree."""
    from sle_trials.reading import criteria_text

    found = criteria_text.split(text)
    return criteria_tree(found.inclusion), criteria_tree(found.exclusion)


def imported_criteria(trials: Trials, registry: Path, criteria: str, tmp_path: Path) -> dict[str, Any]:
    """The draft a study with these criteria imports into (imported_draft)."""
    return imported_draft(trials, registry, varied_study(criteria), tmp_path)


def refused_as_imported_before(trials: Trials, registry: Path, old: str, new: str) -> None:
    """The draft imported (imported_criteria), its text old written new (what the import wrote before
    its fix), is refused by the check (E512)."""
    file = registry / "trials" / f"{VARIED_NCT}.yaml"
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, text
    file.write_text(text.replace(old, new), encoding="utf-8")
    result = trials("check")
    assert result.status == 1 and "E512" in result.out, result.out


def edit(root: Path, relative: str, *changes: tuple[str, str]) -> None:
    """Each (old, new) replaced in the file at root/relative; each old must occur there exactly once."""
    file = root / relative
    text = file.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, f"{old!r} must occur once in {relative}"
        text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")


def cited_instead(root: Path, relative: str, old: str, new: str) -> None:
    """The record at root/relative citing the source new (a path under seeds/) in place of old: its citation, which
    must occur once, and every other mention of old's path (its first comment's "Curated from seeds/..."), which
    checks/remark_sources holds to the sources the record cites."""
    file = root / relative
    text = file.read_text(encoding="utf-8")
    assert text.count(f"file: {old}") == 1, f"{relative} must cite {old} once"
    file.write_text(text.replace(old, new), encoding="utf-8")


def put(root: Path, relative: str, content: str | bytes) -> Path:
    """Write a file into the registry copy (text is written as UTF-8 with LF line ends)."""
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return target


def position(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column (in characters) of the nth occurrence of needle in text."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def place_of(root: Path, relative: str, needle: str, at: str | None = None) -> str:
    """ "line:column" in the file at root/relative where a problem about a text is reported: of `at`
    inside the first occurrence of needle, or, with no `at`, of what follows needle ("  key: " then
    the quote)."""
    line, column = position((root / relative).read_text(encoding="utf-8"), needle)
    return f"{line}:{column + (len(needle) if at is None else needle.index(at))}"


def line_of(text: str, needle: str, nth: int = 0) -> int:
    return position(text, needle, nth)[0]


def trial_count(root: Path) -> int:
    """How many trial files `trials validate` checks in the registry at root."""
    return sum(1 for p in (root / "trials").iterdir() if not p.name.startswith("."))


def nct_id_of(text: str) -> str:
    """The nct_id a record file declares (plain, quoted or with a quoted key)."""
    match = re.search(r"""^["']?nct_id["']?:\s*["']?(NCT[0-9]{8})""", text, re.MULTILINE)
    assert match, "the file declares no nct_id"
    return match.group(1)


def _mutation_scores() -> dict[str, tuple[int, int]]:
    import sys

    return getattr(sys.modules.get("mutations"), "SCORES", None) or {}


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Under pytest-xdist, a worker hands its mutation score to the controller, which prints it."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["mutation_scores"] = json.dumps(_mutation_scores())


_GATHERED: dict[str, tuple[int, int]] = {}  # the workers' scores, on the controller


@pytest.hookimpl(optionalhook=True)  # an xdist hook: unknown without the plugin
def pytest_testnodedown(node: Any, error: Any) -> None:
    for kind, (caught, total) in json.loads(node.workeroutput.get("mutation_scores", "{}")).items():
        done, seen = _GATHERED.get(kind, (0, 0))
        _GATHERED[kind] = (done + caught, seen + total)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The mutation score (test_mutations.py), when that test ran: caught / generated per kind of mistake."""
    scores = _mutation_scores() or _GATHERED
    if not scores:
        return
    caught = sum(c for c, _ in scores.values())
    total = sum(n for _, n in scores.values())
    terminalreporter.write_sep("-", f"mutation score: {caught}/{total} plausible mistakes caught")
    for kind, (c, n) in sorted(scores.items()):
        terminalreporter.write_line(f"  {kind:<22} {c:>5}/{n}")


# The fixture study tests/fixtures/ctgov/completed_phase2_randomised.json as imported: two arms, two
# sites, outcomes and nested criteria (test_attacks_rows.py, test_attacks_lists.py).
IMPORTED = "trials/NCT09000011.yaml"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict]:
    """That study imported into a registry copy, and marked complete as a curator who reviewed it
    would: (its pipeline.Checker, its data)."""

    root = copy_registry(tmp_path_factory.mktemp("registry"))
    return import_complete(
        root, FIXTURES / "ctgov" / "completed_phase2_randomised.json", checked_registry(tmp_path_factory)
    )


def git_bytes(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """git at root with the tests' environment (GIT_ENV): its output as bytes (a blob, a -z listing); a
    failing git fails the test."""
    done = subprocess.run(
        ["git", "-C", str(root), *args], env={**os.environ, **GIT_ENV}, capture_output=True, input=stdin, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def git_run(root: Path, *args: str, stdin: bytes | None = None) -> str:
    """git_bytes's output as text."""
    return git_bytes(root, *args, stdin=stdin).decode("utf-8", "surrogateescape")


def committed_registry(tmp_path: Path) -> Path:
    """The registry's data and .ci/trusted-check in a git repository of their own (its .venv linked to
    this checkout's), committed on main: what a pull request is made against. Returns its root, a copy
    of the process's one (committed_base)."""
    root = tmp_path / "repo"
    shutil.copytree(committed_base(("", "")), root, symlinks=True)
    return root


# (path, text) of the file of the checker's code a committed_with_code's main holds ("" and "": none) -> that
# repository, committed once a process in a temporary folder, removed at exit. The pull-request tests made about
# 1,270 such repositories a run, each with three or five git processes (a copy spares about 15 of their 20 ms).
_COMMITTED_BASES: dict[tuple[str, str], Path] = {}


def committed_base(code: tuple[str, str]) -> Path:
    """The process's repository of committed_registry, or of committed_with_code with code (path, text) on its main:
    what each test's copy is taken from. git keeps nothing of where a repository stands, so a copy is that
    repository, its commits the same (a test's own commits are its copy's alone)."""
    if code not in _COMMITTED_BASES:
        folder = Path(tempfile.mkdtemp(prefix="trials-tests-repo-"))
        atexit.register(shutil.rmtree, folder, True)
        _COMMITTED_BASES[code] = _committed(folder / "repo", *code)
    return _COMMITTED_BASES[code]


def _committed(root: Path, path: str, text: str) -> Path:
    """committed_base's repository, made at root."""
    root.mkdir()
    for name in ("schema", "seeds", "trials"):
        shutil.copytree(DATA_ROOT / name, root / name)
    for name in ("trials.csv", "datapackage.json"):
        shutil.copy2(DATA_ROOT / name, root / name)
    (root / ".ci").mkdir()
    shutil.copy2(REPO / ".ci" / "trusted-check", root / ".ci" / "trusted-check")
    (root / ".venv").symlink_to(REPO / ".venv")
    (root / ".gitignore").write_text(".venv\n", encoding="utf-8")
    git_run(root, "init", "-q", "-b", "main")
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "base")
    if path:
        put(root, path, text)
        git_run(root, "add", "-A")
        git_run(root, "commit", "-q", "--no-verify", "-m", "code")
    return root


def committed_with_code(tmp_path: Path, path: str, text: str) -> Path:
    """A committed_registry whose main also holds a file of the checker's code (path, text): what a
    pull request's attributes or changes are then made against. Returns its root (a copy of committed_base's)."""
    assert path, "committed_with_code commits a file"
    root = tmp_path / "repo"
    shutil.copytree(committed_base((path, text)), root, symlinks=True)
    return root


def pull_request_made(root: Path) -> None:
    """The work tree of a committed_registry committed, unchecked by hooks, on the branch checked out (a
    pull request's, "pr"), and main checked out again: what .ci/trusted-check is then run on."""
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "pr")
    git_run(root, "checkout", "-q", "main")


# What a committed_with_code's main holds when a pull request changes the files that run the check around it
# (the hunts 192, 194 and 206 of changed code, settings and workflows)
MAKEFILE = "test:\n\t.venv/bin/python -m pytest\n"


def pull_request_beside_a_makefile(tmp_path: Path, changes: dict[str, str | bytes]) -> Path:
    """A branch `pr` of a registry whose main holds a Makefile (MAKEFILE), with changes (path -> text or bytes)
    committed on it, and main checked out: what .ci/trusted-check and the extraction are then run on."""
    root = committed_with_code(tmp_path, "Makefile", MAKEFILE)
    git_run(root, "checkout", "-q", "-b", "pr")
    for path, content in changes.items():
        put(root, path, content)
    pull_request_made(root)
    return root


def refused_by_the_trusted_check(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    """A pull request of changes (pull_request_beside_a_makefile) stops .ci/trusted-check (exit 2) saying said
    (the first case of a table in a process of its own, the others in-process: trusted_check_once)."""
    root = pull_request_beside_a_makefile(tmp_path, changes)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {said}" in checked.stderr, checked.stderr


def passed_by_the_extraction(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    """A pull request of changes (pull_request_beside_a_makefile) passes the extraction (exit 0)."""
    root = pull_request_beside_a_makefile(tmp_path, changes)
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def trusted_check(root: Path, rev: str, dest: Path) -> subprocess.CompletedProcess:
    """.ci/trusted-check of rev at root (a committed_registry) into dest, as CI runs it on a pull request,
    with the tests' git environment: its exit status and output."""
    return subprocess.run(
        ["bash", str(root / ".ci" / "trusted-check"), rev, str(dest)],
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        timeout=300,
    )


def extraction(root: Path, rev: str, dest: Path, *options: str) -> subprocess.CompletedProcess:
    """The trusted check's first step (`python -P -m sle_trials.git.extract REV FOLDER`, which refuses
    what a pull request's tree may not hold: exit 2) run in-process, from root and with the tests'
    git environment, as .ci/trusted-check runs it: its exit status and what it printed. A refusal
    stops .ci/trusted-check there (`set -e`), so a table of refused trees is read so at a twentieth
    of the cost of a process each (a process compiles the package's patterns first); each kind keeps
    a test of .ci/trusted-check itself (trusted_check). options: its own (`--merge`: the merge's data)."""
    import contextlib
    import io

    from sle_trials.git import extract

    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        for name, value in GIT_ENV.items():
            patch.setenv(name, value)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = extract.main([*options, rev, str(dest)])
    return subprocess.CompletedProcess(["extract", *options, rev, str(dest)], status, out.getvalue(), err.getvalue())


def trusted_check_once(request: pytest.FixtureRequest, root: Path, rev: str, dest: Path) -> subprocess.CompletedProcess:
    """A table of trees the extraction refuses or passes: its first case runs .ci/trusted-check itself
    (trusted_check), the others the extraction in-process (extraction), which is what tells them apart.
    A case that passes the extraction leaves the data's check to the first case: the tables change
    the code and settings, never the data."""
    callspec = getattr(request.node, "callspec", None)
    first = callspec is None or not any(callspec.indices.values())
    return (trusted_check if first else extraction)(root, rev, dest)


def import_complete(root: Path, source: Path, checked: Path) -> tuple[Any, dict]:
    """source (a study of NCT09000011) imported into the registry copy root and marked complete as a
    curator who reviewed it would: (its pipeline.Checker, its data). checked: the session's checked
    registry (checked_registry), whose cache the copy is given, so that the import's check takes
    the other records' verdicts from it as a curator's import does (a cold check of the seven
    records was 60 of the 110 ms an import took; the suite imports a study about 140 times)."""
    from sle_trials.checks import load
    from sle_trials.engine import pipeline

    with_cache_of(checked, root)
    assert main(["import", "ctgov", str(source), "--root", str(root)]) == 0
    file = root / IMPORTED
    file.write_text(file.read_text("utf-8").replace("  status: draft\n", "  status: complete\n", 1), "utf-8")
    record, problems = load.load(file, IMPORTED)
    assert record is not None, problems
    return pipeline.Checker(root), record.data


def study_imported(tmp_path_factory: pytest.TempPathFactory, study: dict) -> tuple[Any, dict]:
    """A study (of NCT09000011, its JSON as a dict, as a test changed it) saved in a folder of its own
    and imported into a registry copy there, marked complete (import_complete): (its checker, its data)."""
    folder = tmp_path_factory.mktemp("study")
    source = folder / "study.json"
    source.write_text(json.dumps(study), "utf-8")
    return import_complete(copy_registry(folder / "registry"), source, checked_registry(tmp_path_factory))


def imported_codes(checker: Any, data: dict) -> set[str]:
    """The codes of the one-record checks (schema, rules, evidence) of that study's data, as
    `trials validate` runs them."""
    from sle_trials.checks import evidence, load, rules
    from sle_trials.checks import schema as schema_mod

    record = load.Record(IMPORTED, data)
    problems = schema_mod.check(record, checker.validator) or (
        rules.check(record, checker.root, Path(IMPORTED).stem)
        or evidence.check(record, checker.schema, checker.root, checker.memory)
    )
    return {p.code for p in problems}


def silenced(shown: str, name: str, note: str | None = None) -> dict:
    """The record at shown with the field at name left out (its evidence with it) and declared silent;
    the notes on it kept, or one given the text note (one added where there is none)."""
    data = record_data(DATA_ROOT / shown, shown)
    path = name.split(".")
    node = data
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]
    data["evidence"] = {k: v for k, v in data["evidence"].items() if k != name and not k.startswith(name + ".")}
    silent = data["curation"]["silent"]
    data["curation"]["silent"] = [s for s in silent if not s.startswith(name + ".")] + [name]
    if note is not None:
        notes = data["curation"].setdefault("notes", [])
        own = [n for n in notes if n.get("field") == name]
        if own:
            own[0]["text"] = note
        else:
            notes.append({"field": name, "text": note})
    return data
