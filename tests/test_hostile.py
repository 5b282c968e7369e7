"""Hostile and broken input: refused with a place and a code, never a traceback, a hang or a write.

Every file under tests/hostile/ (one file per case, named for it) and a few cases made at test time
(links, a directory, a named pipe, an unreadable file, files over 1 MiB or with a million findings)
is put into a copy of the registry of its own (one real record beside it: KEPT) as
trials/NCT09999999.yaml. Then `trials check` and `trials csv` run on it, each under a time limit
(TIME_LIMIT) and an address-space limit (MEMORY_LIMIT, set with RLIMIT_AS before Python starts).
Each must exit 1, print no traceback, name the file with the expected code (at the expected line
when the problem has one), and leave every file of the registry byte-identical: nothing is written
while a record has a problem.

The runs of all cases are made once by a session fixture, and the tests read its results: the
commands run one after another in one process under the limits (tests/hostile_batch.py: a Python
start-up and the tool's imports cost more than refusing a hostile file), each from its own folder,
with its own output and its own time limit. The cases a separate process matters most for (a link
to /dev/zero, a named pipe, an alias bomb, a Python payload) are also run by the installed `trials`
command, each command a process of its own under the same limits, and held to the same assertions.
`load.load` is also called in-process on each corpus file: it returns problems, it never raises.
"""

from __future__ import annotations

import io
import json
import locale
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import hostile_batch
import pytest
from conftest import DATA_ROOT
from sle_trials.checks import load, schema, table
from sle_trials.curate import fmt

pytestmark = pytest.mark.long  # handed to a worker before the short modules (conftest.py)

CODES = table()

REPO = Path(__file__).resolve().parents[1]
HOSTILE = REPO / "tests" / "hostile"
TRIALS = Path(sys.executable).parent / "trials"
PLACE = "trials/NCT09999999.yaml"
COMMANDS = ("check", "csv")
# Seconds for one command on one hostile file: a guard that turns a hang or a blow-up (quadratic in
# the input, exponential in aliases) into a failure, not a timing; it runs in ~1 s on an idle machine,
# and a loaded one (CI beside other jobs, 2 cores) may take ten times that.
TIME_LIMIT = 60.0
MEMORY_LIMIT = 1 << 30  # bytes of address space for a process that runs the commands
NO_LINE = None  # the problem concerns the file as a whole (unreadable, too large)
PWNED = "hostile-pwned"  # what the Python-object payloads would create if anything ran them

# Sets the limit, then becomes the command (a preexec_fn is unsafe in a threaded test runner).
_LAUNCH = (
    "import os, resource, sys; resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]),) * 2); "
    "os.execv(sys.argv[2], sys.argv[2:])"
)
_PROBLEM = re.compile(
    r"^(?P<path>\S+?):(?:(?P<line>[0-9]+):(?P<col>[0-9]+):)? (?P<code>E[0-9]{3}) (?P<message>.*)$", re.MULTILINE
)


@dataclass(frozen=True)
class Case:
    name: str
    code: str
    line: int | None  # NO_LINE: reported without a place
    says: str = ""  # a text the message must contain
    setup: Callable[[Path], None] | None = None  # makes trials/NCT09999999.yaml; default: copy the corpus file

    def make(self, root: Path) -> None:
        if self.setup:
            self.setup(root / PLACE)
        else:
            shutil.copyfile(HOSTILE / self.name, root / PLACE)


# The corpus: file -> what must be reported about it.
CORPUS = [
    Case("alias-bomb.yaml", "E010", 11, "anchor '&l0'"),
    Case("bidi-escape.yaml", "E020", 10, "U+202E RIGHT-TO-LEFT OVERRIDE"),
    Case("bidi-override.yaml", "E020", 10, "U+202E RIGHT-TO-LEFT OVERRIDE"),
    Case("binary-garbage.yaml", "E002", 1, "invalid UTF-8"),
    Case("bom.yaml", "E016", 1, "byte-order mark"),
    Case("complex-key.yaml", "E018", 11, "not text"),
    Case("conflict-markers.yaml", "E006", 10, "unresolved merge conflict"),
    Case("crlf.yaml", "E017", 1, "line end"),
    Case("cyrillic-nct-id.yaml", "E102", 2, "U+0421 CYRILLIC CAPITAL LETTER ES"),
    Case("deep-flow.yaml", "E015", 11, "nesting deeper"),
    Case("deep-mapping-5000.yaml", "E015", 11, "nesting deeper"),
    Case("deep-nesting.yaml", "E015", 21, "nesting deeper"),
    Case("duplicate-keys.yaml", "E014", 11, "duplicate key 'overall_status' (first at line 10)"),
    Case("empty.yaml", "E008", 1, "empty"),
    Case("fullwidth-digits.yaml", "E102", 2, "U+FF10 FULLWIDTH DIGIT ZERO"),
    Case("huge-hex.yaml", "E021", 12, "2^53"),
    Case("huge-int.yaml", "E021", 12, "2^53"),
    Case("invalid-utf8.yaml", "E002", 3, "byte 0x96"),
    Case("invisible-tag-characters.yaml", "E020", 3, "U+E0069 TAG LATIN SMALL LETTER I"),
    Case("line-separator.yaml", "E020", 3, "U+2028 LINE SEPARATOR"),
    Case("long-line.yaml", "E007", 11, "line 11's key is 100,000 characters long, over YAML's 1,024 for a key"),
    Case("many-documents.yaml", "E009", 11, "second YAML document"),
    Case("merge-key.yaml", "E011", 12, "merge key"),
    Case("nan.yaml", "E019", 12, "not a finite number"),
    Case("nested-keys-5000.yaml", "E015", 2, "nesting deeper"),
    Case("nonspecific-tag.yaml", "E012", 10, "explicit tag '!'"),
    Case("nul-byte.yaml", "E003", 3, "NUL"),
    Case("null-key.yaml", "E018", 11, "not text"),
    Case("only-comments.yaml", "E008", 1, "empty"),
    Case("python-name-tag.yaml", "E012", 11, "python/name"),
    Case("python-object-tag.yaml", "E012", 3, "python/object/apply"),
    Case("str-tag-on-document.yaml", "E012", 2, "explicit tag"),
    Case("surrogate-escape.yaml", "E007", 10, "YAML syntax"),
    Case("tab-escape.yaml", "E005", 3, "tab"),
    Case("tab-in-value.yaml", "E005", 3, "tab"),
    Case("tab-indent.yaml", "E005", 5, "tab"),
    Case("tag-directive.yaml", "E022", 2, "%TAG"),
    Case("top-is-list.yaml", "E013", 1, "a list"),
    Case("top-is-null.yaml", "E013", 1, "single value"),
    Case("top-is-scalar.yaml", "E013", 1, "single value"),
    Case("unclosed-flow.yaml", "E007", 12, "flow sequence"),
    Case("unclosed-quote.yaml", "E007", 11, 'has no closing "'),  # where the quote opens, not the end
    Case("yaml11-directive.yaml", "E022", 2, "%YAML 1.1"),
    Case("yes-is-not-true.yaml", "E023", 11, "'yes' is text to YAML 1.2 readers and true to YAML 1.1 ones"),
    Case("zero-width-in-id.yaml", "E020", 2, "U+200B ZERO WIDTH SPACE"),
]

# --- cases made at test time -------------------------------------------------------------------

SECRET = "s3cr3t-token-value"
MINIMAL = (HOSTILE / "duplicate-keys.yaml").read_text(encoding="utf-8").rsplit("overall_status: COMPLETED\n", 1)[0]


def _symlink_to_secret(place: Path) -> None:
    secret = place.parents[2] / "outside" / "secret.yaml"  # outside the registry
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(MINIMAL.replace("overall_status: RECRUITING", f"overall_status: {SECRET}"), encoding="utf-8")
    place.symlink_to(secret)


def _symlink_to_device(place: Path) -> None:
    place.symlink_to("/dev/zero")


def _symlink_to_record(place: Path) -> None:
    """Even a link to a valid record: a trial file is a plain file."""
    target = place.parents[1] / "elsewhere.yaml"
    target.write_text(MINIMAL, encoding="utf-8")
    place.symlink_to(target)


def _directory(place: Path) -> None:
    place.mkdir()
    (place / "inside.yaml").write_text(MINIMAL, encoding="utf-8")


def _fifo(place: Path) -> None:
    os.mkfifo(place)  # nobody writes to it: an open() without O_NONBLOCK would wait forever


def _unreadable(place: Path) -> None:
    place.write_text(MINIMAL, encoding="utf-8")
    place.chmod(0)


def _over_one_mib(place: Path) -> None:
    place.write_text(MINIMAL + "notes: |\n" + ("  " + "x" * 98 + "\n") * 10_500, encoding="utf-8")


def _writes(text_or_bytes: Callable[[], str | bytes]) -> Callable[[Path], None]:
    def setup(place: Path) -> None:
        data = text_or_bytes()
        place.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return setup


CAN_FIFO = hasattr(os, "mkfifo")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

MADE = [
    Case("symlink-to-secret", "E001", NO_LINE, "symbolic link", _symlink_to_secret),
    Case("symlink-to-dev-zero", "E001", NO_LINE, "symbolic link", _symlink_to_device),
    Case("symlink-to-valid-record", "E001", NO_LINE, "symbolic link", _symlink_to_record),
    Case("directory-named-.yaml", "E001", NO_LINE, "a directory", _directory),
    *([Case("named-pipe", "E001", NO_LINE, "named pipe", _fifo)] if CAN_FIFO else []),
    Case("unreadable", "E001", NO_LINE, "cannot read", _unreadable),  # skipped when run as root
    Case("over-one-mib", "E004", NO_LINE, "1 MiB", _over_one_mib),
    Case(
        "exactly-one-mib-plus-one",
        "E004",
        NO_LINE,
        "1 MiB",
        _writes(lambda: b"# " + b"x" * (load.MAX_BYTES - 2) + b"\n"),
    ),
    # The first two took 28 s each before the raw-text checks stopped at the problem cap.
    Case(
        "300000-zero-width-spaces", "E020", 11, "ZERO WIDTH SPACE", _writes(lambda: MINIMAL + "\u200b" * 300_000 + "\n")
    ),
    Case(
        "100000-conflict-markers",
        "E006",
        11,
        "unresolved merge conflict",
        _writes(lambda: MINIMAL + "=======\n" * 100_000),
    ),
    Case(
        "150000-anchors",
        "E010",
        11,
        "anchor",
        _writes(lambda: MINIMAL + "x: [" + ", ".join(["&a 1"] * 150_000) + "]\n"),
    ),
    Case("200000-tabs", "E005", 11, "(199999 more)", _writes(lambda: MINIMAL + "\t\n" * 200_000)),
    Case(
        "500000-deep-unclosed-flow",
        "E015",
        11,
        "nesting deeper",
        _writes(lambda: MINIMAL + "x: " + "[" * 500_000 + "\n"),
    ),
    Case(
        "400000-nested-dashes", "E015", 12, "nesting deeper", _writes(lambda: MINIMAL + "x:\n" + "- " * 400_000 + "1\n")
    ),
]

CASES = CORPUS + MADE


# --- running them ------------------------------------------------------------------------------


@dataclass
class Run:
    status: int | None  # None: killed at the time limit
    seconds: float
    out: str
    err: str


@dataclass
class Outcome:
    case: Case
    root: Path
    runs: dict[str, Run] = field(default_factory=dict)
    before: dict[str, bytes] = field(default_factory=dict)
    after: dict[str, bytes] = field(default_factory=dict)
    pwned: bool = False


# The one real record beside the hostile one: a valid record whose line `trials csv` could write.
# One, not all seven: each of the ~120 commands checks every record of its copy cold (a copy of its
# own has a check cache of its own), and the seven cost 13.5 s of the suite where one costs ~3 s.
KEPT = "trials/NCT03030976.yaml"


def copy_registry(dest: Path) -> Path:
    """schema/, seeds/, one real record (KEPT) and every generated file the repository has, under dest.
    The generated files are the whole registry's, so they are stale for the copy: a command that
    wrote them despite the hostile record would change their bytes (a write of the same bytes would
    not show)."""
    dest.mkdir(parents=True)
    for name in ("schema", "seeds"):
        shutil.copytree(DATA_ROOT / name, dest / name)
    (dest / "trials").mkdir()
    shutil.copy2(DATA_ROOT / KEPT, dest / KEPT)
    for name in ("trials.csv", "datapackage.json"):
        if (DATA_ROOT / name).exists():
            shutil.copy2(DATA_ROOT / name, dest / name)
    return dest


def snapshot(root: Path) -> dict[str, bytes]:
    """Every regular file of the registry copy and its bytes (the check cache lives outside it)."""
    out = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_symlink() or not path.is_file():
            continue
        try:
            out[relative] = path.read_bytes()
        except OSError:  # the unreadable case
            out[relative] = b"<unreadable>"
    return out


def _launch(argv: list[str]) -> list[str]:
    """argv run under MEMORY_LIMIT (argv[0] a program's path)."""
    return [sys.executable, "-c", _LAUNCH, str(MEMORY_LIMIT), *argv]


def _command_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "TRIALS_DEBUG"}


def run_command(root: Path, command: str, cwd: Path) -> Run:
    """One command as a process of its own: the installed `trials`, under the limits."""
    argv = _launch([str(TRIALS), command, "--root", str(root)])
    start = time.monotonic()
    try:
        done = subprocess.run(
            argv, cwd=cwd, env=_command_env(), capture_output=True, text=True, errors="replace", timeout=TIME_LIMIT
        )
    except subprocess.TimeoutExpired as exc:
        return Run(None, time.monotonic() - start, str(exc.stdout or ""), str(exc.stderr or ""))
    return Run(done.returncode, time.monotonic() - start, done.stdout, done.stderr)


def prepare(case: Case, base: Path) -> Outcome:
    """The case's registry copy, made, with its files as they are before any command runs."""
    work = base / re.sub(r"[^A-Za-z0-9._-]", "_", case.name)
    root = copy_registry(work / "registry")
    case.make(root)
    return Outcome(case, root, before=snapshot(root))


def finish(outcome: Outcome) -> Outcome:
    """What the commands left: the registry's files, and any file a payload made."""
    outcome.after = snapshot(outcome.root)
    outcome.pwned = any(outcome.root.parent.rglob(PWNED))
    place = outcome.root / PLACE
    if place.exists() and not place.is_symlink():
        place.chmod(0o700 if place.is_dir() else 0o600)  # let tmp_path be cleaned up
    return outcome


def run_case(case: Case, base: Path) -> Outcome:
    """Both commands on one case, each as a process of its own."""
    outcome = prepare(case, base)
    for command in COMMANDS:
        outcome.runs[command] = run_command(outcome.root, command, cwd=outcome.root.parent)
    return finish(outcome)


def _decoded(path: Path) -> str:
    # as subprocess.run(text=True, errors="replace") decodes a process's output
    return path.read_bytes().decode(locale.getpreferredencoding(False), errors="replace") if path.exists() else ""


def run_in_one_process(outcomes: list[Outcome], base: Path) -> None:
    """Both commands on every case, one after another in one process under the limits
    (tests/hostile_batch.py), each job with its own folder, output files and time limit. When a job
    ends the process (killed at its time limit, or by the memory limit), the job is given what the
    process left (no status when the alarm ended it) and the process is started again after it."""
    jobs: list[tuple[Outcome, str, hostile_batch.Job]] = []
    for outcome in outcomes:
        work = outcome.root.parent
        for command in COMMANDS:
            job = hostile_batch.Job(
                argv=[command, "--root", str(outcome.root)],
                cwd=str(work),
                out=str(work / f"{command}.out"),
                err=str(work / f"{command}.err"),
                result=str(work / f"{command}.json"),
                time_limit=TIME_LIMIT,
            )
            jobs.append((outcome, command, job))
    listed = base / "jobs.json"
    hostile_batch.write_jobs([job for _, _, job in jobs], listed)
    first = 0
    while first < len(jobs):
        process = subprocess.run(
            _launch([sys.executable, hostile_batch.__file__, str(listed), str(first)]),
            cwd=base,
            env=_command_env(),
            capture_output=True,
            text=True,
            errors="replace",
            timeout=TIME_LIMIT * (len(jobs) - first + 1),  # each job has its own alarm; this is the backstop
        )
        for outcome, command, job in jobs[first:]:
            first += 1
            out, err = _decoded(Path(job.out)), _decoded(Path(job.err))
            if Path(job.result).exists():
                done = json.loads(Path(job.result).read_text(encoding="utf-8"))
                outcome.runs[command] = Run(done["status"], done["seconds"], out, err)
                continue
            # this job ended the process: what a process of its own would have shown
            status = None if process.returncode == -signal.SIGALRM else process.returncode
            outcome.runs[command] = Run(status, TIME_LIMIT if status is None else 0.0, out, err + process.stderr)
            break


@pytest.fixture(scope="session")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    base = tmp_path_factory.mktemp("hostile")
    prepared = [prepare(case, base) for case in [*CASES, *SLOW_CASES]]
    run_in_one_process(prepared, base)
    return {finish(o).case.name: o for o in prepared}


# --- the tests ---------------------------------------------------------------------------------


def _skip_unreadable_as_root(case: Case) -> None:
    if case.name == "unreadable" and IS_ROOT:
        pytest.skip("root reads a file whatever its permissions")


def test_corpus_and_table_agree() -> None:
    on_disk = sorted(p.name for p in HOSTILE.iterdir() if not p.name.startswith("."))
    assert on_disk == sorted(c.name for c in CORPUS), "every file under tests/hostile/ needs a row in CORPUS, and back"
    for case in CASES:
        assert case.code in CODES, case


def assert_refused(case: Case, command: str, run: Run) -> None:
    """The command exited 1 without a traceback, naming the file with the case's code, line and words."""
    shown = f"trials {command} on {case.name}:\n--- stdout\n{run.out[-3000:]}\n--- stderr\n{run.err[-3000:]}"
    assert run.status is not None, f"killed after {TIME_LIMIT} s; {shown}"
    assert "Traceback" not in run.out + run.err, shown
    assert "internal error" not in run.err, shown
    assert run.status == 1, shown
    found = [m for m in _PROBLEM.finditer(run.out) if m["path"] == PLACE]
    assert found, f"{PLACE} is not named (a link must be named as itself, not as its target); {shown}"
    matching = [m for m in found if m["code"] == case.code]
    assert matching, f"expected {case.code}; {shown}"
    if case.line is NO_LINE:
        assert all(m["line"] is None for m in matching), shown
    else:
        assert any(m["line"] is not None and int(m["line"]) == case.line and int(m["col"]) >= 1 for m in matching), (
            f"expected {case.code} at line {case.line}; {shown}"
        )
    assert any(case.says in m["message"] for m in matching), f"expected {case.says!r} in the message; {shown}"
    assert all(m["line"] is None or int(m["line"]) >= 1 for m in found), shown


def assert_untouched(outcome: Outcome) -> None:
    """No file of the registry changed, no payload ran, no temporary file was left, no link was followed."""
    assert outcome.after == outcome.before, (
        f"files changed: {sorted(set(outcome.after.items()) ^ set(outcome.before.items()))[:5]}"
    )
    assert not outcome.pwned, "a Python-object payload ran"
    assert not any(name.startswith(".trials.csv.") for name in os.listdir(outcome.root)), "a temporary CSV was left"
    for run in outcome.runs.values():
        assert SECRET not in run.out + run.err, "the target of a link was read and shown"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
@pytest.mark.parametrize("command", COMMANDS)
def test_refused_cleanly(case: Case, command: str, outcomes: dict[str, Outcome]) -> None:
    _skip_unreadable_as_root(case)
    assert_refused(case, command, outcomes[case.name].runs[command])


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_nothing_written_or_run(case: Case, outcomes: dict[str, Outcome]) -> None:
    _skip_unreadable_as_root(case)
    assert_untouched(outcomes[case.name])


# The installed `trials` script, each command a process of its own as a curator runs it, on the cases
# whose harm would be to the process: a read of /dev/zero, an open() of a pipe that would block, an
# alias bomb's memory, a payload that would run code in its working folder.
IN_OWN_PROCESS = [
    "symlink-to-dev-zero",
    *(["named-pipe"] if CAN_FIFO else []),
    "alias-bomb.yaml",
    "python-object-tag.yaml",
]


@pytest.mark.parametrize("name", IN_OWN_PROCESS)
def test_refused_cleanly_by_the_installed_command(name: str, tmp_path: Path) -> None:
    """The console script itself, each command a process of its own under the limits."""
    case = next(c for c in CASES if c.name == name)
    outcome = run_case(case, tmp_path)
    for command in COMMANDS:
        assert_refused(case, command, outcome.runs[command])
    assert_untouched(outcome)


@pytest.mark.parametrize("case", CORPUS, ids=[c.name for c in CORPUS])
def test_loader_in_process(case: Case) -> None:
    """load.load returns problems with registered codes and places; it never raises."""
    record, problems = load.load(HOSTILE / case.name, PLACE)
    assert all(p.code in CODES for p in problems)
    assert all(p.line >= 1 and p.column >= 1 for p in problems), problems
    assert len(problems) <= load.MAX_PROBLEMS_PER_FILE
    if CODES[case.code].module == "sle_trials.checks.load":
        assert record is None
        assert any(p.code == case.code and p.line == case.line for p in problems), problems
    else:  # the loader accepts it; the schema refuses it
        assert record is not None and problems == []
        checked = schema.check(record, schema.make_validator(schema.load_schema(REPO)))
        assert any(p.code == case.code and p.line == case.line for p in checked), checked


@pytest.mark.parametrize("case", MADE, ids=[c.name for c in MADE])
def test_loader_in_process_on_made_files(case: Case, tmp_path: Path) -> None:
    """load.load on links, a directory, a named pipe, huge files: problems, no exception, no hang."""
    _skip_unreadable_as_root(case)
    root = tmp_path / "registry"
    (root / "trials").mkdir(parents=True)
    case.make(root)
    result: list = []
    worker = threading.Thread(target=lambda: result.append(load.load(root / PLACE, PLACE)), daemon=True)
    worker.start()
    worker.join(TIME_LIMIT)
    assert not worker.is_alive(), "load.load did not return (blocked on the file?)"
    record, problems = result[0]
    assert record is None
    assert any(p.code == case.code for p in problems), problems
    assert all(p.code in CODES for p in problems)
    if case.line is NO_LINE:
        assert all(p.line == 0 for p in problems if p.code == case.code)
    else:
        assert any(p.code == case.code and p.line == case.line for p in problems), problems
    assert len(problems) <= load.MAX_PROBLEMS_PER_FILE


def test_python_payloads_are_never_constructed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even past the raw-text checks (load.parse on its own), the parser builds plain data only:
    each payload's tag is reported, and no payload runs."""
    monkeypatch.chdir(tmp_path)
    for name in ("python-object-tag.yaml", "python-name-tag.yaml", "tag-directive.yaml"):
        record, problems = load.parse((HOSTILE / name).read_text(encoding="utf-8"), name)
        assert record is None and "E012" in {p.code for p in problems}, problems
    assert not (tmp_path / PWNED).exists()


# --- inputs that once made later stages superlinear (each id names the stage and what was fixed) ---


def _wide(n: int) -> str:
    return MINIMAL + "conditions:\n" + "".join(f"  - {i}\n  - x{i}\n" for i in range(n // 2))


SLOW = [
    pytest.param(
        Case("mixed-list-20000", "E203", 11, "", _writes(lambda: _wide(20_000))),
        id="mixed-list-20000 (schema.py: uniqueItems by hashing, not pairwise)",
    ),
    pytest.param(
        Case(
            "90000-unknown-keys",
            "E202",
            11,
            "",
            _writes(lambda: MINIMAL + "".join(f"k{i}: 1\n" for i in range(90_000))),
        ),
        id="90000-unknown-keys (schema.py: problems capped per file)",
    ),
    pytest.param(
        Case("900-kB-title", "E501", 3, "", _writes(lambda: MINIMAL.replace("(SLE)", "(SLE) " + "A" * 900_000))),
        id="900-kB-title (evidence.py: nearest-passage search on a bounded prefix)",
    ),
    pytest.param(
        Case(
            "5000-keywords-not-in-source",
            "E501",
            11,
            "",
            _writes(lambda: MINIMAL + "keywords:\n" + "".join(f"  - k{i}\n" for i in range(5000))),
        ),
        id="5000-keywords (evidence.py: nearest-passage searches capped per record)",
    ),
]


SLOW_CASES = [case for param in SLOW for case in param.values if isinstance(case, Case)]  # run by `outcomes`


@pytest.mark.parametrize("case", SLOW)
def test_known_slow_inputs_finish_in_time(case: Case, outcomes: dict[str, Outcome]) -> None:
    run = outcomes[case.name].runs["check"]
    assert run.status == 1 and "Traceback" not in run.err, f"status {run.status} after {run.seconds:.1f} s"


# The raw-text checks look for a cheap sign first (load._USUAL_BYTES, load._LINE_HINT) and run their
# full patterns only then; the first line has no "\n" before it, and non-ASCII text takes the other branch.
@pytest.mark.parametrize(
    "text,code,line",
    [
        ("<<<<<<< HEAD\na: 1\n", "E006", 1),
        ("a: 1\n>>>>>>> theirs\n", "E006", 2),
        ("- " * 45 + "x\n", "E015", 1),
        ("a: 1\n  " + ": " * 45 + "x\n", "E015", 2),
        ("a: 1 ≥ 2 ×\nb: x\u200by\n", "E020", 2),
        ("a: é\u0085\n", "E020", 1),
        ("a: 1\nb: \x7f\n", "E020", 2),
    ],
    ids=repr,
)
def test_raw_text_checks_find_marks_anywhere(text: str, code: str, line: int) -> None:
    checked, problems = load.check_text(text.encode("utf-8"), "x.yaml")
    assert checked is None and [(p.code, p.line) for p in problems] == [(code, line)]


@pytest.mark.parametrize(
    "written",
    ["0x12", "0o22", "022", "018", "1_8", "0b10010", "-0x12", "1_8.5", "00"]
    + ["1e6", "1E6", "1.5e6", "1.5e+6", ".5", "5."],
)
def test_a_number_readers_disagree_on_is_refused(written: str) -> None:
    """A YAML 1.1 reader (PyYAML, what many analysts load a record with) reads 022 as octal 18 and
    0o22, 018 or 1e6 as text; a YAML 1.2 core-schema reader reads 1_8 and 0b10010 as text. Such a
    count, age or dose passed, as whatever this tool read (E023): a number is written in plain digits."""
    record, problems = load.parse(f"enrollment:\n  count: {written}\n", "x.yaml")
    assert record is None and [(p.code, p.line, p.column) for p in problems] == [("E023", 2, 10)], problems


@pytest.mark.parametrize("written", ["1:30", "10:00", "-1:30", "1_0:30", "190:20:30.15"])
def test_text_yaml_1_1_reads_as_a_number_in_base_60_is_refused_unquoted(written: str) -> None:
    """A time frame "10:00" written plain is text here (YAML 1.2) and the number 600 to a YAML 1.1
    reader (PyYAML, what many analysts load a record with): the value read differs by the reader,
    as 1e6's did (E023). Quoted, it is text to both; `trials fmt` writes it quoted."""
    text = f"outcomes:\n  primary:\n    - measure: Response\n      time_frame: {written}\n"
    record, problems = load.parse(text, "x.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("E023", 4, 19)], problems
    assert f'write it in double quotes: "{written}"' in problems[0].message
    quoted = text.replace(written, f'"{written}"')
    record, problems = load.parse(quoted, "x.yaml")
    assert problems == [] and record is not None
    assert record.data["outcomes"]["primary"][0]["time_frame"] == written
    out = io.StringIO()
    fmt.yaml_rt().dump({"time_frame": written}, out)
    assert out.getvalue() == f'time_frame: "{written}"\n'


@pytest.mark.parametrize("written", ["1:80", "0:30", "Day 1:30", "10:00 am"])
def test_text_with_a_colon_that_no_reader_reads_as_a_number_stays_plain(written: str) -> None:
    record, problems = load.parse(f"time_frame: {written}\n", "x.yaml")
    assert problems == [] and record is not None and record.data == {"time_frame": written}


@pytest.mark.parametrize(
    "written, held",
    [
        ("0.30000000000000001", "0.3"),
        ("0.12345678901234567", "0.12345678901234566"),
        ("9007199254740993.0", "9007199254740992"),
    ],
)
def test_a_decimal_no_reader_holds_as_written_is_refused(written: str, held: str) -> None:
    """A decimal of more digits than a double holds passed as written, while this tool, trials.csv and
    every reader held another number: a dose of 9007199254740993.0 was 9007199254740992 in the CSV,
    0.30000000000000001 was 0.3 (E021, as for a whole number beyond 2^53 - 1)."""
    record, problems = load.parse(f"dose: {written}\n", "x.yaml")
    assert record is None and [(p.code, p.line, p.column) for p in problems] == [("E021", 1, 7)], problems
    assert f"every reader reads it as {held}; write {held}" in problems[0].message


@pytest.mark.parametrize("written", ["6.0", "6.50", "-0.0", "+0.5", "40.000", "0.0000001", "3.0000000000000004"])
def test_a_decimal_every_reader_holds_as_written_is_read(written: str) -> None:
    record, problems = load.parse(f"dose: {written}\n", "x.yaml")
    assert problems == [] and record is not None and record.data == {"dose": float(written)}


@pytest.mark.parametrize(
    "written, value", [("18", 18), ("+18", 18), ("-3", -3), ("0", 0), ("1.5", 1.5), ("0.25", 0.25)]
)
def test_a_number_in_plain_digits_is_read(written: str, value: float) -> None:
    record, problems = load.parse(f"count: {written}\n", "x.yaml")
    assert problems == [] and record is not None and record.data == {"count": value}


@pytest.mark.parametrize(
    "written, refused",
    [
        ("9007199254740991", False),  # 2^53 - 1: every reader holds it
        ("-9007199254740991", False),
        ("9007199254740992", True),
        ("-9007199254740992", True),
        ("1" * 5000, True),  # past Python's 4,300 digits int() refuses: E021, never text
    ],
    ids=lambda v: v[:20] if isinstance(v, str) else str(v),
)
def test_a_whole_number_is_read_up_to_2_53_minus_1(written: str, refused: bool) -> None:
    """The corpus's huge numbers have 40 digits; these stand at the bound itself, and past the
    length at which int() would raise (read as text, with no problem, had the digits been parsed)."""
    record, problems = load.parse(f"count: {written}\n", "x.yaml")
    if refused:
        assert record is None and [(p.code, p.line, p.column) for p in problems] == [("E021", 1, 8)], problems
    else:
        assert problems == [] and record is not None and record.data == {"count": int(written)}
