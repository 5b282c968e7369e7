"""The trials-csv merge driver with real git: a conflict in trials.csv is resolved by regenerating it.

Each test works in a throw-away repository made from a copy of the registry, the repository's own
.gitattributes and Makefile, and a link to the venv (the driver git runs is `.venv/bin/trials
merge-csv %O %A %B %P`, as `make check` configures it). Two synthetic stub-sized records with
adjacent CSV rows are added, so that a line-by-line merge of trials.csv would conflict: only the
driver makes these merges clean. The repository, and the branches several tests start from, are
built once a module and copied for each test (a copy is what a fresh build would give: the same
commits, config and files).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from conftest import DATA_ROOT, GIT_ENV
from sle_trials.cli import main

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
GENERATED = ("trials.csv", "datapackage.json")  # what `trials csv` writes; the JSON export is not committed
DRIVER = ".venv/bin/trials merge-csv %O %A %B %P"

pytestmark = [
    pytest.mark.long,  # handed to a worker before the short modules (conftest.py)
    pytest.mark.skipif(not shutil.which("git") or not (BIN / "trials").exists(), reason="needs git and the venv"),
]

# Complete records whose verbatim text all occurs in the cited source, a page of no known layout
# (SOURCE) that names them, so they stay valid however strictly text is checked against sources;
# the nct_ids sort next to each other in trials.csv.
RECORD = """\
nct_id: {nct_id}
brief_title: {title}
curation:
  status: draft
  sources:
    - file: seeds/900_synthetic.txt
      kind: OTHER
      as_of: "2025-08-17"
overall_status: RECRUITING
eligibility:
  sex: ALL
  minimum_age:
    value: 18
    unit: YEARS
  healthy_volunteers: false
  maximum_age:
    value: 65
    unit: YEARS
evidence:
  curation.sources.0.as_of: "Last Updated: 2025-08-17"
  overall_status: Recruiting
  eligibility.sex: "Sex: ALL"
  eligibility.minimum_age: Minimum age 18 years
  eligibility.healthy_volunteers: "Accepts Healthy Volunteers: No"
  eligibility.maximum_age: Maximum age 65 years
"""
TITLE = "IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"
# Other titles the cited source states word for word.
TITLE_A = "Anti-CD19 Chimeric Antigen Receptor T Cells for Refractory Systemic Lupus Erythematosus"
TITLE_B = "A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus"
ONE, TWO, THREE = "NCT09000001", "NCT09000002", "NCT09000003"
# Plain text naming several trials speaks of each only in the lines from its id on (layouts.trial_sections).
SOURCE = "Last Updated: 2025-08-17.\n" + "".join(
    f"Trial {nct}. Titles: {TITLE}; {TITLE_A}; {TITLE_B}.\n"
    "Sex: ALL. Minimum age 18 years. Maximum age 65 years. Extension: minimum age 60 years; maximum age 50 years.\n"
    "Recruiting. Accepts Healthy Volunteers: No.\n"
    for nct in (ONE, TWO, THREE)
)


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        **GIT_ENV,
        "HOME": str(home),
        "GIT_EDITOR": "true",
        "GIT_SEQUENCE_EDITOR": "true",
        "GIT_MERGE_AUTOEDIT": "no",
    }


class Repo:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.env = _env(path.parent)

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            ["git", *args], cwd=self.path, env=self.env, capture_output=True, text=True, timeout=120
        )
        if check and result.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
        return result

    def trials(self, *args: str) -> subprocess.CompletedProcess:
        """`trials ARGS --root <repo>` in this process (cli.main, as the console script runs it), under
        the repository's environment: the runs that make a branch or look at a merge need no process
        of their own; the driver git starts, which is what is tested, runs as a process."""
        argv = [*args, "--root", str(self.path)]
        out, err = io.StringIO(), io.StringIO()
        with mock.patch.dict(os.environ, self.env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv)
        return subprocess.CompletedProcess(argv, status, out.getvalue(), err.getvalue())

    def write(self, relative: str, text: str) -> None:
        (self.path / relative).write_text(text, encoding="utf-8")

    def read(self, relative: str) -> str:
        return (self.path / relative).read_text(encoding="utf-8")

    def edit(self, relative: str, old: str, new: str) -> None:
        text = self.read(relative)
        assert text.count(old) == 1, f"{relative}: {old!r} occurs {text.count(old)} times"
        self.write(relative, text.replace(old, new))

    def commit_regenerated(self, message: str) -> None:
        """`trials csv` (must succeed: every branch is valid on its own), then commit everything."""
        result = self.trials("csv")
        assert result.returncode == 0, result.stdout + result.stderr
        self.git("add", "-A")
        self.git("commit", "-q", "--no-verify", "-m", message)

    def unmerged(self) -> set[str]:
        return set(self.git("diff", "--name-only", "--diff-filter=U").stdout.split())


def _copy(template: Path, tmp_path: Path) -> Repo:
    """A copy of a repository built once (links, such as .venv, copied as links)."""
    work = tmp_path / "registry"
    shutil.copytree(template, work, symlinks=True)
    return Repo(work)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository: the registry, the two synthetic records, the drivers `make check` configures."""
    work = tmp_path_factory.mktemp("built") / "registry"
    work.mkdir()
    for name in ("schema", "seeds", "trials"):
        shutil.copytree(DATA_ROOT / name, work / name)
    for name in GENERATED:
        shutil.copy2(DATA_ROOT / name, work / name)
    for name in (".gitattributes", "Makefile"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, work / name)
    (work / ".venv").symlink_to(REPO / ".venv")
    (work / ".gitignore").write_text(".venv\n.cache/\n")
    repo = Repo(work)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "commit.gpgsign", "false")
    make = shutil.which("make")
    if make:  # the wiring `make check` does (its merge-driver step only: no venv or hooks needed)
        done = subprocess.run(
            [make, "-s", "merge-driver"], cwd=work, env=repo.env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stdout + done.stderr
    else:
        repo.git("config", "merge.trials-csv.driver", DRIVER)
        repo.git("config", "merge.trials-csv.name", "regenerate trials.csv from the merged records")
    repo.write("seeds/900_synthetic.txt", SOURCE)
    with open(work / "seeds" / "SHA256SUMS", "a", encoding="utf-8") as manifest:
        manifest.write(f"{hashlib.sha256(SOURCE.encode()).hexdigest()}  900_synthetic.txt\n")
    repo.write(f"trials/{ONE}.yaml", RECORD.format(nct_id=ONE, title=TITLE))
    repo.write(f"trials/{TWO}.yaml", RECORD.format(nct_id=TWO, title=TITLE))
    repo.commit_regenerated("registry with two synthetic records")
    return work


@pytest.fixture
def repo(built: Path, tmp_path: Path) -> Repo:
    """The repository, on main."""
    return _copy(built, tmp_path)


def test_make_check_configures_the_driver(repo: Repo) -> None:
    if not shutil.which("make"):
        pytest.skip("needs make")
    assert repo.git("config", "merge.trials-csv.driver").stdout.strip() == DRIVER
    assert repo.git("config", "merge.trials-csv.name").stdout.strip()
    dry = subprocess.run(
        ["make", "-n", "check"], cwd=REPO, capture_output=True, text=True, timeout=60
    )  # -n: prints only
    assert "merge.trials-csv.driver" in dry.stdout, "make check does not run the merge-driver step"
    for name in GENERATED:
        if (repo.path / name).exists():
            attr = repo.git("check-attr", "merge", "--", name).stdout
            assert attr.strip().endswith("merge: trials-csv"), attr
    # the JSON export is generated on demand and never committed: git never merges it
    assert repo.git("check-attr", "merge", "--", "trials.json").stdout.strip().endswith("merge: unspecified")


Change = tuple[str, str, str]  # (path, old text, new text)


def _branches(repo: Repo, change_a: Change | list[Change], change_b: Change | list[Change]) -> None:
    """Branch a and branch b from main, each with one change (a value and its quote, say) and its
    regenerated files."""
    for branch, changes in (("a", change_a), ("b", change_b)):
        repo.git("checkout", "-q", "-b", branch, "main")
        for path, old, new in changes if isinstance(changes, list) else [changes]:
            repo.edit(path, old, new)
        repo.commit_regenerated(f"change on {branch}")


@pytest.fixture(scope="module")
def built_branches(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = _copy(built, tmp_path_factory.mktemp("built-branches"))
    _branches(repo, (f"trials/{ONE}.yaml", TITLE, TITLE_A), (f"trials/{TWO}.yaml", TITLE, TITLE_B))
    return repo.path


@pytest.fixture
def branches(built_branches: Path, tmp_path: Path) -> Repo:
    """The repository with branch a (ONE's title changed) and branch b (TWO's), on b: what
    _branches(repo, ONE's change, TWO's change) leaves."""
    return _copy(built_branches, tmp_path)


def _assert_generated_files_current(repo: Repo) -> None:
    check = repo.trials("check")
    assert check.returncode == 0, check.stdout + check.stderr


def test_merge_of_two_records_regenerates_the_csv(branches: Repo) -> None:
    repo = branches
    repo.git("checkout", "-q", "a")
    merged = repo.git("merge", "--no-edit", "b", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert "trials.csv regenerated" in merged.stderr + merged.stdout
    assert repo.unmerged() == set()
    assert repo.git("status", "--porcelain", "--untracked-files=no").stdout == ""
    _assert_generated_files_current(repo)  # the CSV (and its companions) equal what the merged records generate
    csv = repo.read("trials.csv")
    assert f"{ONE},{TITLE_A}," in csv and f"{TWO},{TITLE_B}," in csv
    assert "<<<<<<<" not in csv


def test_without_the_driver_git_merges_lines_and_conflicts(branches: Repo) -> None:
    """A clone where `make check` never ran: .gitattributes names a driver git does not know, so git
    merges trials.csv line by line as usual, and here that conflicts (the two rows are adjacent)."""
    repo = branches
    repo.git("config", "--remove-section", "merge.trials-csv")
    repo.git("checkout", "-q", "a")
    merged = repo.git("merge", "--no-edit", "b", check=False)
    assert merged.returncode != 0
    assert "trials.csv" in repo.unmerged(), merged.stdout + merged.stderr
    assert "<<<<<<<" in repo.read("trials.csv")


def test_rebase_regenerates_the_csv(branches: Repo) -> None:
    repo = branches
    rebased = repo.git("rebase", "a", check=False)  # b onto a: the driver finds the picked commit
    assert rebased.returncode == 0, rebased.stdout + rebased.stderr
    assert repo.unmerged() == set()
    _assert_generated_files_current(repo)


def test_conflicting_records_leave_the_csv_conflicted(repo: Repo) -> None:
    path = f"trials/{ONE}.yaml"
    _branches(repo, (path, TITLE, TITLE_A), (path, TITLE, TITLE_B))
    repo.git("checkout", "-q", "a")
    merged = repo.git("merge", "--no-edit", "b", check=False)
    assert merged.returncode != 0
    assert {path, "trials.csv"} <= repo.unmerged()
    # the driver is .venv/bin/trials: named so, or `trials` where that very program is on the PATH
    assert re.search(r"run `(?:\.venv/bin/)?trials csv`", merged.stderr + merged.stdout)


def test_merged_records_that_are_invalid_leave_the_csv_conflicted(repo: Repo) -> None:
    """Each branch is valid; together the minimum age (60) is above the maximum (50): E104."""
    path = f"trials/{ONE}.yaml"
    _branches(
        repo,
        [(path, "    value: 18\n", "    value: 60\n"), (path, "Minimum age 18 years", "minimum age 60 years")],
        [(path, "    value: 65\n", "    value: 50\n"), (path, "Maximum age 65 years", "maximum age 50 years")],
    )
    repo.git("checkout", "-q", "a")
    merged = repo.git("merge", "--no-edit", "b", check=False)
    assert merged.returncode != 0, "an invalid merge result must not be committed"
    assert "trials.csv" in repo.unmerged() and repo.unmerged() <= set(GENERATED)
    assert "E104" in merged.stderr + merged.stdout
    assert path not in repo.unmerged()  # the record itself merged line by line


def test_cherry_pick_is_reported_not_guessed(branches: Repo) -> None:
    """A cherry-pick names no commit the driver can find: it must fail (a conflict), not guess."""
    repo = branches
    picked = repo.git("rev-parse", "b").stdout.strip()
    repo.git("checkout", "-q", "a")
    result = repo.git("cherry-pick", picked, check=False)
    assert result.returncode != 0
    assert "trials.csv" in repo.unmerged()
    assert "not a `git merge`" in result.stderr + result.stdout


def test_driver_finds_the_root_from_the_top_level(branches: Repo) -> None:
    """Git runs the driver from the top of the work tree, whatever folder the merge was started in."""
    repo = branches
    repo.git("checkout", "-q", "a")
    merged = subprocess.run(
        ["git", "merge", "--no-edit", "b"],
        cwd=repo.path / "trials",
        env=repo.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr
    _assert_generated_files_current(repo)


# --- the trust boundary: the driver never reads or writes through a link ----------------------------


def _tree(folder: Path) -> dict[str, tuple[int, int, bytes | str]]:
    """Every entry under folder (links not followed): name -> (mode, mtime_ns, bytes or link target)."""
    out: dict[str, tuple[int, int, bytes | str]] = {}
    for path in sorted(folder.rglob("*")):
        st = path.lstat()
        content = os.readlink(path) if path.is_symlink() else path.read_bytes() if path.is_file() else b""
        out[path.relative_to(folder).as_posix()] = (st.st_mode, st.st_mtime_ns, content)
    return out


@pytest.mark.parametrize(
    "link, target",
    [
        ("trials", "."),  # the folder of records, turned into a link to a folder outside
        ("seeds", "."),  # the source documents, the same
        (f"trials/{ONE}.yaml", "secret.yaml"),  # one record, a link to a file outside
    ],
)
def test_links_on_the_other_branch_are_never_followed(repo: Repo, tmp_path: Path, link: str, target: str) -> None:
    """The other branch commits a link pointing outside the repository. Before the driver refused
    links, it made the merged tree with the link in it and wrote our new record through it (outside/
    got NCT09000003.yaml) and read the folder it points at (its files were listed as sources)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("nct_id: NCT09999999\n")
    (outside / "private-notes.txt").write_text("not for the registry\n")
    before = _tree(outside)
    repo.git("checkout", "-q", "-b", "evil", "main")
    repo.git("rm", "-r", "-q", link)
    (repo.path / link).symlink_to(outside / target)
    repo.edit("trials.csv", f"{TWO},{TITLE},", f"{TWO},{TITLE_B},")  # so that both sides change the CSV
    repo.git("add", "-A")
    repo.git("commit", "-q", "--no-verify", "-m", f"{link} becomes a link")
    repo.git("checkout", "-q", "-b", "a", "main")
    repo.write(f"trials/{THREE}.yaml", RECORD.format(nct_id=THREE, title=TITLE))  # a new record on our side
    repo.commit_regenerated("a new record")

    merged = repo.git("merge", "--no-edit", "evil", check=False)
    said = merged.stdout + merged.stderr
    assert _tree(outside) == before  # nothing outside was written
    assert "private-notes" not in said and "NCT09999999" not in said  # nor read
    assert merged.returncode != 0 and "trials.csv" in repo.unmerged()  # git's conflict, reported
    assert f"{link} is a symbolic link" in said and "trials.csv not regenerated" in said


def test_the_driver_writes_only_to_a_regular_file_at_the_top_of_the_work_tree(repo: Repo, tmp_path: Path) -> None:
    """%A is the temporary file git made at the top of the work tree. A link there is not written
    through (before, the fallback `git merge-file` rewrote the link's target)."""
    from sle_trials.git import merge

    victim = tmp_path / "victim.txt"
    victim.write_text("line 1\nline 2\n")
    before = victim.read_bytes()
    (repo.path / ".merge_file_evil00").symlink_to(victim)
    (repo.path / ".merge_file_base00").write_text("line 1\n")
    (repo.path / ".merge_file_thrs00").write_text("line 1\nline 0\n")
    cwd = os.getcwd()
    os.chdir(repo.path)
    try:
        status = merge.run(".merge_file_base00", ".merge_file_evil00", ".merge_file_thrs00", "trials.csv", repo.path)
    finally:
        os.chdir(cwd)
    assert status == 1
    assert victim.read_bytes() == before and (repo.path / ".merge_file_evil00").is_symlink()


# --- seeds/SHA256SUMS: two imports merge by themselves ----------------------------------------------

CTGOV = REPO / "tests" / "fixtures" / "ctgov"
IMPORTS = {"a": ("withdrawn_enrollment_0.json", "NCT09000022"), "b": ("observational_followup.json", "NCT09000033")}


def _two_imports(repo: Repo) -> None:
    """Branch a and branch b from main, each importing a different study (a record, a seed, a
    manifest line, and the regenerated CSV and data package)."""
    for branch, (name, _) in IMPORTS.items():
        repo.git("checkout", "-q", "-b", branch, "main")
        done = repo.trials("import", "ctgov", str(CTGOV / name))
        assert done.returncode == 0, done.stdout + done.stderr
        repo.git("add", "-A")
        repo.git("commit", "-q", "--no-verify", "-m", f"import {name}")


@pytest.fixture(scope="module")
def built_imports(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = _copy(built, tmp_path_factory.mktemp("built-imports"))
    _two_imports(repo)
    return repo.path


@pytest.fixture
def imports(built_imports: Path, tmp_path: Path) -> Repo:
    """The repository with branches a and b, each importing a study, on b: what _two_imports leaves."""
    return _copy(built_imports, tmp_path)


def test_make_check_configures_the_manifest_driver(repo: Repo) -> None:
    if not shutil.which("make"):
        pytest.skip("needs make")
    assert (
        repo.git("config", "merge.trials-manifest.driver").stdout.strip()
        == ".venv/bin/trials merge-manifest %O %A %B %P"
    )
    attr = repo.git("check-attr", "merge", "--", "seeds/SHA256SUMS").stdout
    assert attr.strip().endswith("merge: trials-manifest"), attr


def test_two_imports_merge_by_themselves(imports: Repo) -> None:
    """Before: both branches appended a line to SHA256SUMS, git conflicted on it, and the trials-csv
    driver, which merged the manifest line by line too, gave up."""
    repo = imports
    repo.git("checkout", "-q", "a")
    merged = repo.git("merge", "--no-edit", "b", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert repo.unmerged() == set()
    sums = repo.read("seeds/SHA256SUMS")
    assert "<<<<<<<" not in sums
    for _, nct_id in IMPORTS.values():
        assert f"  ctgov_{nct_id}_" in sums
        assert f"{nct_id}," in repo.read("trials.csv")
    assert "trials.csv regenerated" in merged.stderr
    _assert_generated_files_current(repo)  # `trials check` passes on the merge


def test_without_the_manifest_driver_the_markers_are_caught(imports: Repo) -> None:
    """A clone where `make check` never ran: git merges SHA256SUMS line by line and leaves conflict
    markers; committed as they are (the hooks' conflict-marker check skips seeds/), `trials check`
    reports each marker line as E307."""
    repo = imports
    repo.git("config", "--remove-section", "merge.trials-manifest")
    repo.git("checkout", "-q", "a")
    merged = repo.git("merge", "--no-edit", "b", check=False)
    assert merged.returncode != 0 and "seeds/SHA256SUMS" in repo.unmerged()
    assert "<<<<<<<" in repo.read("seeds/SHA256SUMS")
    repo.git("add", "-A")
    repo.git("commit", "-q", "--no-verify", "-m", "merge, markers and all")
    check = repo.trials("check")
    assert check.returncode == 1
    marker = next(
        n for n, line in enumerate(repo.read("seeds/SHA256SUMS").splitlines(), 1) if line.startswith("<<<<<<<")
    )
    assert f"seeds/SHA256SUMS:{marker}:1: E307" in check.stdout


def test_merged_inputs_are_read_in_one_batch_and_a_huge_one_never(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The three sides' inputs come from one batch of blobs (git/plumbing.py); a blob larger than
    any input of the registry may be is refused by its size, never read into memory."""
    from sle_trials.git import merge

    repo = Repo(tmp_path / "inputs")
    repo.path.mkdir()
    repo.git("init", "-q", "-b", "main")
    (repo.path / "seeds").mkdir()
    (repo.path / "trials").mkdir()
    repo.write("seeds/a.txt", "base\n")
    repo.write("trials/x.yaml", "one\ntwo\nthree\n")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "base")
    base = repo.git("rev-parse", "HEAD").stdout.strip()
    repo.write("trials/x.yaml", "ONE\ntwo\nthree\n")
    repo.git("commit", "-q", "-am", "ours")
    ours = repo.git("rev-parse", "HEAD").stdout.strip()
    repo.git("checkout", "-q", "-b", "theirs", base)
    repo.write("trials/x.yaml", "one\ntwo\nTHREE\n")
    repo.write("seeds/big.txt", "x" * 99 + "\n")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "theirs")
    theirs = repo.git("rev-parse", "HEAD").stdout.strip()
    merged = merge.merged_inputs(repo.path, "", base, ours, theirs)
    assert merged["trials/x.yaml"] == merge.File("100644", b"ONE\ntwo\nTHREE\n")  # both changed: merged line by line
    assert merged["seeds/big.txt"].content == b"x" * 99 + b"\n" and merged["seeds/a.txt"].content == b"base\n"
    monkeypatch.setattr(merge, "_INPUT_LIMIT", 99)
    with pytest.raises(
        merge.MergeError, match=r"^seeds/big.txt is 100 bytes, more than any input of the registry may be$"
    ):
        merge.merged_inputs(repo.path, "", base, ours, theirs)
