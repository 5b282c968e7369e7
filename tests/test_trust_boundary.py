"""The trust boundary (docs/trust-boundary.md): nothing a commit can carry makes a check vouch for a
file it did not read. Here: where the check cache lives, and that a cache brought in with the work
tree is never read. tests/test_cache.py covers the cache's own checks (MACs, damage, shapes).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GIT_ENV, IM19_PATH, IM19_PLAIN, REPO, Trials, add_plain_source, copy_registry, edit, joined, put
from sle_trials.checks import load, sources
from sle_trials.engine import cache, pipeline

IM19 = "trials/NCT06513429.yaml"
ENV = GIT_ENV
needs_git = pytest.mark.skipif(not shutil.which("git"), reason="needs git")


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, env={**os.environ, **ENV}, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def clone_with_registry(where: Path, subfolder: str = "") -> Path:
    """A git repository holding a copy of the registry (at its top, or in subfolder), committed."""
    where.mkdir(parents=True)
    git(where, "init", "-q", "-b", "main")
    root = copy_registry(where / subfolder) if subfolder else copy_registry(where)
    git(where, "add", "-A")
    git(where, "commit", "-q", "--no-verify", "-m", "registry")
    return root


def break_keeping_stat(root: Path) -> bytes:
    """IM19 with a problem (E508: 7 is not the count its quote states), the same size and modification time; its
    valid bytes are returned."""
    file = root / IM19
    st = file.stat()
    valid = file.read_bytes()
    file.write_bytes(valid.replace(b"  count: 6\n", b"  count: 7\n"))
    os.utime(file, ns=(st.st_atime_ns, st.st_mtime_ns))
    return valid


def old_index(root: Path, entries: dict[str, tuple]) -> bytes:
    """An index in the format the tool once read from .cache/trials-check.index in the work tree:
    marshal blocks under plain sha256 checksums, which anyone can compute."""
    fingerprint = hashlib.sha256(sys.version.encode())
    for module in sorted(Path(cache.__file__).parent.glob("*.py")):
        fingerprint.update(module.name.encode() + b"\0" + module.read_bytes())
    fingerprint.update((root / "schema" / "trial.schema.json").read_text(encoding="utf-8").encode())
    for seed in sorted((root / "seeds").iterdir()):
        if seed.name != "SHA256SUMS":
            fingerprint.update(seed.name.encode() + b"\0" + hashlib.sha256(seed.read_bytes()).digest())
    body = marshal.dumps(entries)
    digest = hashlib.sha256(body).digest()
    return (
        b"trials-check-index 3\n"
        + fingerprint.hexdigest().encode()
        + b"\n"
        + len(body).to_bytes(8, "big")
        + digest
        + body
        + (0).to_bytes(8, "big")
        + hashlib.sha256(digest).digest()
    )


@needs_git
@pytest.mark.parametrize("command", ["check", "validate", "refs", "csv"])
def test_a_cache_committed_into_the_work_tree_is_never_read(tmp_path: Path, trials: Trials, command: str) -> None:
    """The attack of issue 14: a crafted index committed with `git add -f`, vouching for a record
    that --no-cache refuses (E508), with a formula for its CSV row. Nothing under the work tree is
    ever read as a cache, so the record is refused and no CSV is written."""
    root = clone_with_registry(tmp_path / "clone")
    record, _ = load.load(root / IM19, IM19)
    assert record is not None
    summary = pipeline.Summary.value_of(record.data)
    value = summary._replace(line=b'NCT06513429,=HYPERLINK("http://example.invalid"),' + summary.line.split(b",", 2)[2])
    valid = break_keeping_stat(root)
    st = (root / IM19).stat()
    forged = {
        IM19: (st.st_size, st.st_mtime_ns, hashlib.sha256(valid).hexdigest(), st.st_mtime_ns + 10**12, tuple(value))
    }
    (root / ".cache").mkdir()
    (root / ".cache" / "trials-check.index").write_bytes(old_index(root, forged))
    git(root, "add", "-f", ".cache", IM19)
    git(root, "commit", "-q", "--no-verify", "-m", "innocent")
    csv_before = (root / "trials.csv").read_bytes()
    result = trials(command, fmt="json", root=root)
    if command == "refs":  # refs reports no file's own problems, but says which files it could not cross-check
        assert result.status == 1 and result.json()["not_cross_checked"] == [IM19], result.out
    else:
        assert result.status == 1 and "E508" in result.codes(), result.out
    assert (root / "trials.csv").read_bytes() == csv_before


@needs_git
def test_the_cache_lives_in_the_git_directory_with_a_key_of_its_own(tmp_path: Path, trials: Trials) -> None:
    root = clone_with_registry(tmp_path / "clone")
    assert trials("check", root=root).status == 0
    gitdir = Path(git(root, "rev-parse", "--absolute-git-dir").strip())
    database = cache.place(root)
    assert database == gitdir / "sle-trials" / "check-cache.sqlite3" and database.is_file()
    key = database.parent / cache.KEY
    assert len(key.read_bytes()) == cache.KEY_BYTES and stat.S_IMODE(key.stat().st_mode) == 0o600
    assert git(root, "status", "--porcelain", "--ignored") == "", "nothing new in the work tree"


@needs_git
def test_a_registry_in_a_subfolder_has_a_database_of_its_own(tmp_path: Path, trials: Trials) -> None:
    top = tmp_path / "clone"
    root = clone_with_registry(top, "data/registry")
    other = copy_registry(top / "data" / "other")
    git(top, "add", "-A")
    git(top, "commit", "-q", "--no-verify", "-m", "a second registry")
    for registry in (root, other):
        assert trials("check", root=registry).status == 0
    gitdir = Path(git(top, "rev-parse", "--absolute-git-dir").strip())
    places = {cache.place(root), cache.place(other)}
    assert len(places) == 2 and all(p is not None and p.parent == gitdir / "sle-trials" and p.is_file() for p in places)
    assert git(top, "status", "--porcelain", "--ignored") == ""


def test_outside_git_the_cache_is_in_the_users_cache_folder(registry: Path, monkeypatch, tmp_path: Path) -> None:
    name = hashlib.sha256(os.fsencode(registry.resolve())).hexdigest()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.place(registry) == tmp_path / "xdg" / "sle-trials" / name / "check-cache.sqlite3"
    for unusable in ("", "relative/path"):  # the XDG rule: only an absolute path counts
        monkeypatch.setenv("XDG_CACHE_HOME", unusable)
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
        assert cache.place(registry) == tmp_path / "home" / ".cache" / "sle-trials" / name / "check-cache.sqlite3"


def test_outside_git_a_check_starts_no_git_process(registry: Path, monkeypatch, trials: Trials) -> None:
    """With no .git above the registry and none named in the environment, git would find no
    repository: the cache's place and the files' checkout attributes (E308) are told without
    starting it (two processes a run)."""
    from sle_trials.git import plumbing

    asked = []

    def spawn(command: list[str], *args: object) -> None:
        asked.append(command)
        raise plumbing.GitError("fatal: not a git repository")

    monkeypatch.setattr(plumbing, "_spawn", spawn)
    name = hashlib.sha256(os.fsencode(registry.resolve())).hexdigest()
    assert cache.place(registry) == Path(os.environ["XDG_CACHE_HOME"], "sle-trials", name, "check-cache.sqlite3")
    edit(registry, IM19, ("  count: 6\n", "  count: 7\n"))
    result = trials("check", fmt="json")
    assert result.status == 1 and "E508" in result.codes(), result.out  # the whole check ran
    assert asked == []


def test_a_git_file_or_git_dir_in_the_environment_is_asked_where_the_cache_lives(tmp_path: Path, monkeypatch) -> None:
    """Git finds a repository through a .git file (a linked work tree, a submodule) or GIT_DIR as
    through a .git folder: the cache then lives in that repository's git directory."""
    git(tmp_path, "init", "-q", "--separate-git-dir", str(tmp_path / "separate.git"), str(tmp_path / "work"))
    assert (tmp_path / "work" / ".git").is_file()
    root = copy_registry(tmp_path / "work" / "registry")
    gitdir = (tmp_path / "separate.git").resolve()

    def database(prefix: str) -> Path:
        return gitdir / "sle-trials" / f"check-cache-{hashlib.sha256(prefix.encode()).hexdigest()[:16]}.sqlite3"

    assert cache.place(root) == database("registry/")
    elsewhere = copy_registry(tmp_path / "elsewhere")
    monkeypatch.setenv("GIT_DIR", str(gitdir))
    monkeypatch.setenv("GIT_WORK_TREE", str(tmp_path))
    assert cache.place(elsewhere) == database("elsewhere/")


def test_a_run_outside_git_writes_nothing_into_the_registry(registry: Path, trials: Trials) -> None:
    before = sorted(p.relative_to(registry) for p in registry.rglob("*"))
    assert trials("check").status == 0
    assert sorted(p.relative_to(registry) for p in registry.rglob("*")) == before
    assert cache.place(registry).is_file()  # type: ignore[union-attr]


# --- seeds are read through the guard: a link, a pipe or a device is reported, never read ----------

SECRET = "s3cr3t-token-value for the deployment"
LINKED = "seeds/900_linked.txt"


def stub(nct_id: str, title: str, source: str) -> str:
    return (
        f"nct_id: {nct_id}\nbrief_title: {title}\ncuration:\n  status: stub\n  sources:\n"
        f'    - file: {source}\n      kind: REGISTRY_PAGE\n      as_of: "2025-08-17"\n'
    )


def list_in_manifest(root: Path, name: str, content: bytes) -> None:
    with open(root / "seeds" / "SHA256SUMS", "a", encoding="utf-8") as sums:
        sums.write(f"{hashlib.sha256(content).hexdigest()}  {name}\n")


def link_a_secret(root: Path, tmp_path: Path) -> None:
    """seeds/900_linked.txt, a link to a file outside the repository, listed with the right hash (a
    correct guess), and two records citing it: one whose title is the secret (the oracle: it used to
    pass silently), one a letter off (its E501 used to quote the secret)."""
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET + "\n", encoding="utf-8")
    (root / LINKED).symlink_to(secret)
    list_in_manifest(root, "900_linked.txt", secret.read_bytes())
    (root / "trials" / "NCT09000001.yaml").write_text(stub("NCT09000001", SECRET, LINKED), encoding="utf-8")
    (root / "trials" / "NCT09000002.yaml").write_text(stub("NCT09000002", SECRET[:-1] + "X", LINKED), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_a_seed_linked_outside_is_reported_and_never_read(
    registry: Path, trials: Trials, tmp_path: Path, fmt: str
) -> None:
    link_a_secret(registry, tmp_path)
    result = trials("check", fmt=fmt)
    assert result.status == 1
    assert "s3cr3t" not in result.out + result.err, "the link's target was read and shown"
    assert "900_linked.txt is not read: a symbolic link, not a regular file" in result.out
    assert "E108" in result.out and "NCT09000001" in result.out, "the record citing it does not pass"


def test_linked_seeds_in_every_command(registry: Path, trials: Trials, tmp_path: Path) -> None:
    link_a_secret(registry, tmp_path)
    for command in ("validate", "refs", "csv", "coverage"):
        result = trials(command)
        assert result.status == 1 and "s3cr3t" not in result.out + result.err, (command, result.out)


def test_trials_new_refuses_a_linked_source(registry: Path, trials: Trials, tmp_path: Path) -> None:
    link_a_secret(registry, tmp_path)
    result = trials(
        "new", "NCT09000003", "--source", LINKED, "--title", SECRET, "--kind", "REGISTRY_PAGE", "--as-of", "2025-08-17"
    )
    assert result.status == 2 and "not a document under seeds/ (a plain file" in result.err
    assert "s3cr3t" not in result.out + result.err and not (registry / "trials" / "NCT09000003.yaml").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_under_seeds_never_blocks_a_run(registry: Path, trials: Trials) -> None:
    os.mkfifo(registry / "seeds" / "900_pipe.txt")  # nobody writes to it: reading it would wait forever
    (registry / "trials" / "NCT09000001.yaml").write_text(
        stub("NCT09000001", "A title", "seeds/900_pipe.txt"), encoding="utf-8"
    )
    done: list = []
    worker = __import__("threading").Thread(target=lambda: done.append(trials("check")), daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "trials check blocked on the pipe"
    assert done[0].status == 1 and "900_pipe.txt is not read: a named pipe (FIFO), not a regular file" in done[0].out


def test_a_link_to_a_device_is_not_read(registry: Path, trials: Trials) -> None:
    (registry / "seeds" / "900_zero.txt").symlink_to("/dev/zero")
    result = trials("check")
    assert result.status == 1 and "900_zero.txt is not read: a symbolic link" in result.out


def test_a_source_over_the_limit_is_not_read(registry: Path, trials: Trials, monkeypatch) -> None:
    from sle_trials import files

    monkeypatch.setattr(files, "MAX_SOURCE_BYTES", 1000)
    result = trials("check")
    assert (
        result.status == 1
        and "000_84a0f0163f21158e.txt is not read:" in result.out
        and "the limit is 1,000" in result.out
    )
    # and a record citing it is checked against no source: refused, never passed unchecked
    result = trials.json("validate", "trials/NCT06513429.yaml")
    assert result.status == 1 and result.where("E108") == [("trials/NCT06513429.yaml", 8, 13)], result.out


def test_a_linked_manifest_is_not_read(registry: Path, trials: Trials, tmp_path: Path) -> None:
    outside = tmp_path / "SHA256SUMS"
    outside.write_bytes((registry / "seeds" / "SHA256SUMS").read_bytes())
    (registry / "seeds" / "SHA256SUMS").unlink()
    (registry / "seeds" / "SHA256SUMS").symlink_to(outside)
    result = trials("check")
    assert result.status == 1 and "seeds/SHA256SUMS is not read: a symbolic link" in result.out
    assert "is not listed in seeds/SHA256SUMS" in result.out
    outside.unlink()  # a link to nothing is a link too, not a missing manifest
    entries, problems = sources.read(registry)
    assert entries == [] and [p.message.split(":", 1)[0] for p in problems] == ["seeds/SHA256SUMS is not read"]


@pytest.mark.parametrize("folder", ["seeds", "trials", "schema"])
def test_a_registry_folder_that_is_a_link_is_refused(
    registry: Path, trials: Trials, tmp_path: Path, folder: str
) -> None:
    """files.read guards the last name of a path; a folder committed as a link would lead every read
    beneath it outside the repository."""
    outside = tmp_path / "outside"
    shutil.move(str(registry / folder), outside)
    (registry / folder).symlink_to(outside)
    for command in ("check", "validate", "fmt"):
        result = trials(command)
        assert result.status == 2 and f"{folder}/ is a symbolic link" in result.err, (command, result.err)


def test_import_never_reuses_a_linked_seed(registry: Path, tmp_path: Path) -> None:
    from sle_trials.curate import importing

    raw = b'{"protocolSection": {}}'
    outside = tmp_path / "same.json"
    outside.write_bytes(raw)
    (registry / "seeds" / "ctgov_linked.json").symlink_to(outside)
    name, changes = importing.seed_changes(registry, raw, [], "same.json")
    assert name != "seeds/ctgov_linked.json" and any(c.seed for c in changes)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_the_sources_hashes_never_open_a_pipe(registry: Path) -> None:
    os.mkfifo(registry / "seeds" / "900_pipe.txt")
    seeds = sources.read_seeds(registry, pipeline.seed_files(registry))
    pipe = next(s for s in seeds if s.file == "seeds/900_pipe.txt")
    assert pipe.sha256 is None and pipe.refused


# --- every entry under seeds/ is a source, and a name is a plain name ------------------------------

FABRICATED = "A sentence no registry ever published about this trial"


def test_a_dot_named_seed_is_a_source_like_any_other(registry: Path, trials: Trials) -> None:
    """seeds/.unlisted.txt skipped the manifest, the uncited-source check and the cache fingerprint,
    and a record citing it with a fabricated sentence passed."""
    (registry / "seeds" / ".unlisted.txt").write_text(FABRICATED + "\n", encoding="utf-8")
    (registry / "trials" / "NCT09000001.yaml").write_text(
        stub("NCT09000001", FABRICATED, "seeds/.unlisted.txt"), encoding="utf-8"
    )
    result = trials("check", fmt="json")
    assert result.status == 1
    assert ("seeds/.unlisted.txt", None, None) in result.where("E307")
    assert any(p["code"] == "E205" and p["path"] == "trials/NCT09000001.yaml" for p in result.problems()), result.out
    assert "trials/NCT09000001.yaml" not in (registry / "trials.csv").read_text(encoding="utf-8")


def test_trials_new_refuses_a_dot_named_source(registry: Path, trials: Trials) -> None:
    (registry / "seeds" / ".unlisted.txt").write_text(FABRICATED + " NCT09000003\n", encoding="utf-8")
    result = trials(
        "new",
        "NCT09000003",
        "--source",
        "seeds/.unlisted.txt",
        "--title",
        FABRICATED,
        "--kind",
        "REGISTRY_PAGE",
        "--as-of",
        "2025-08-17",
    )
    assert result.status == 2 and "not a document under seeds/" in result.err


@pytest.mark.parametrize(
    "name", ["has space.txt", "-dash.txt", "a\n::error file=x::pwned.txt", "caf\u00e9.txt", "rtl\u202etxt.exe"]
)
def test_a_badly_named_seed_is_refused_by_its_name(registry: Path, trials: Trials, name: str) -> None:
    (registry / "seeds" / name).write_text("whatever\n", encoding="utf-8")
    result = trials("check")
    assert result.status == 1
    refused = [line for line in result.lines if " E307 " in line and "a source's file name is letters, digits" in line]
    assert len(refused) == 1 and refused[0].startswith("seeds/" + files_shown(name) + ":"), result.out
    assert not any(line.startswith("::") for line in result.lines), "a name injected a line"


@pytest.mark.parametrize("name", [".NCT09000001.yaml", ".hidden", "NCT09000001.yaml\n::error::x"])
def test_a_dot_or_badly_named_trial_file_is_reported(registry: Path, trials: Trials, name: str) -> None:
    (registry / "trials" / name).write_text(
        stub("NCT09000001", "A title", "seeds/000_84a0f0163f21158e.txt"), encoding="utf-8"
    )
    result = trials("check", fmt="json")
    assert result.status == 1
    assert [("trials/" + files_shown(name), None, None)] == result.where("E101"), result.out


def files_shown(name: str) -> str:
    from sle_trials import files

    return files.shown(name)


# --- trials fmt and trials diff read trial files through the guard too -----------------------------


def run_within(seconds: float, call):
    """call() in a thread: what it returned, or a failure if it blocked (on a pipe) for seconds."""
    import threading

    done: list = []
    worker = threading.Thread(target=lambda: done.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "blocked"
    return done[0]


def link_trial_to_secret(root: Path, tmp_path: Path) -> Path:
    secret = tmp_path / "outside.yaml"
    secret.write_text(
        stub("NCT09000001", SECRET, "seeds/000_84a0f0163f21158e.txt").replace("status: stub", "status:   stub"),
        encoding="utf-8",
    )
    (root / "trials" / "NCT09000001.yaml").symlink_to(secret)
    return secret


@pytest.mark.parametrize("check", [True, False], ids=["fmt --check", "fmt"])
def test_fmt_never_reads_or_replaces_a_linked_trial_file(
    registry: Path, trials: Trials, tmp_path: Path, check: bool
) -> None:
    secret = link_trial_to_secret(registry, tmp_path)
    before = secret.read_bytes()
    result = trials("fmt", *(["--check"] if check else []))
    assert result.status == 1 and "s3cr3t" not in result.out + result.err
    assert "trials/NCT09000001.yaml: E001 cannot read: a symbolic link" in result.out
    assert (registry / "trials" / "NCT09000001.yaml").is_symlink() and secret.read_bytes() == before


def test_fmt_refuses_a_link_to_a_device(registry: Path, trials: Trials) -> None:
    (registry / "trials" / "NCT09000001.yaml").symlink_to("/dev/zero")
    result = run_within(30, lambda: trials("fmt", "--check"))
    assert result.status == 1 and "E001 cannot read: a symbolic link" in result.out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fmt_check_never_blocks_on_a_pipe(registry: Path, trials: Trials) -> None:
    os.mkfifo(registry / "trials" / "NCT09000001.yaml")
    result = run_within(30, lambda: trials("fmt", "--check"))
    assert result.status == 1 and "E001 cannot read: a named pipe (FIFO)" in result.out


def test_fmt_refuses_a_dot_named_trial_file(registry: Path, trials: Trials) -> None:
    (registry / "trials" / ".NCT09000001.yaml").write_text("nct_id:   NCT09000001\n", encoding="utf-8")
    result = trials("fmt")
    assert result.status == 1 and "trials/.NCT09000001.yaml: E101" in result.out
    assert (registry / "trials" / ".NCT09000001.yaml").read_text(encoding="utf-8") == "nct_id:   NCT09000001\n"


def test_fmt_check_quotes_the_files_in_its_hint(registry: Path, trials: Trials, tmp_path: Path) -> None:
    """The hint is a command to paste into a shell: a name is quoted, never run."""
    odd = tmp_path / "a dir; touch pwned"
    odd.mkdir()
    messy = odd / "NCT06513429.yaml"
    messy.write_text(
        (registry / IM19).read_text(encoding="utf-8").replace("status: complete", "status:   complete"),
        encoding="utf-8",
    )
    result = trials("fmt", "--check", messy)
    assert result.status == 1
    hint = result.lines[-1]
    assert hint.endswith(f"run: trials fmt '{messy}'"), hint


@needs_git
def test_diff_never_reads_a_linked_trial_file(tmp_path: Path, trials: Trials) -> None:
    root = clone_with_registry(tmp_path / "clone")
    link_trial_to_secret(root, tmp_path)
    for fmt in ("text", "markdown", "json"):
        result = trials("diff", "HEAD", "--format", fmt, root=root)
        assert result.status == 0 and "s3cr3t" not in result.out + result.err
        assert "E001 cannot read" in result.out and "a symbolic link" in result.out, result.out


@needs_git
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_diff_never_blocks_on_a_pipe(tmp_path: Path, trials: Trials) -> None:
    root = clone_with_registry(tmp_path / "clone")
    os.mkfifo(root / "trials" / "NCT09000001.yaml")
    result = run_within(30, lambda: trials("diff", "HEAD", root=root))
    assert result.status == 0 and "E001 cannot read: a named pipe (FIFO)" in result.out


# --- the committed generated files and the schema are read through the guard as well ---------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("generated", ["trials.csv", "datapackage.json"])
def test_a_generated_file_that_is_a_pipe_or_a_link_is_stale_and_never_read(
    registry: Path, trials: Trials, tmp_path: Path, generated: str
) -> None:
    (registry / generated).unlink()
    os.mkfifo(registry / generated)  # nobody writes to it: reading it would wait forever
    result = run_within(30, lambda: trials("check"))
    assert result.status == 1 and f"{generated}: E401" in result.out
    outside = tmp_path / "outside.txt"
    outside.write_text("left alone\n", encoding="utf-8")
    (registry / generated).unlink()
    (registry / generated).symlink_to(outside)
    assert run_within(30, lambda: trials("check")).status == 1
    assert trials("csv").status == 0  # regenerated in the link's place; its target is never written
    assert outside.read_text(encoding="utf-8") == "left alone\n" and not (registry / generated).is_symlink()
    assert trials("check").status == 0


def test_a_schema_that_is_a_link_is_refused(registry: Path, trials: Trials, tmp_path: Path) -> None:
    schema = registry / "schema" / "trial.schema.json"
    outside = tmp_path / "outside.schema.json"
    schema.rename(outside)
    schema.symlink_to(outside)
    result = trials("check")
    assert result.status == 2 and "schema/trial.schema.json is not a plain file" in result.err


# --- invented stubs (issue 14, item 10) -------------------------------------------------------------


def test_a_mistyped_related_id_gets_no_invented_stub(trials: Trials, registry: Path) -> None:
    """NCT06900764 mistyped NCT06900746: the IM19 record's row no longer matches its page (E512), `trials
    new` refuses a stub its source never names, and a stub written by hand fails E515; each says which
    id the source does name."""
    im19 = registry / "trials" / "NCT06513429.yaml"
    im19.write_text(im19.read_text(encoding="utf-8").replace("NCT06900764", "NCT06900746"), encoding="utf-8")
    result = trials.json("check")
    assert "E512" in result.codes()
    new = trials("new", "NCT06900746", "--source", "seeds/000_84a0f0163f21158e.txt")
    assert new.status == 2 and "does not name NCT06900746 (did you mean NCT06900764?)" in new.err
    assert not (registry / "trials" / "NCT06900746.yaml").exists()
    stub = (registry / "trials" / "NCT06900764.yaml").read_text(encoding="utf-8").replace("NCT06900764", "NCT06900746")
    (registry / "trials" / "NCT06900746.yaml").write_text(stub, encoding="utf-8")
    problems = trials.json("validate", registry / "trials" / "NCT06900746.yaml").problems()
    assert any(p["code"] == "E515" and "did you mean NCT06900764?" in p["message"] for p in problems)


def test_a_related_id_with_no_record_names_the_record_it_may_mean(trials: Trials, registry: Path) -> None:
    add_plain_source(registry)
    put(
        registry,
        IM19_PATH,
        joined(
            IM19_PLAIN,
            "related_trials:\n  - nct_id: NCT06900765\n"
            "    title: A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus\n"
            "evidence:\n  related_trials.0.nct_id: NCT06900765\n",
        ),
    )
    [problem] = trials.json("refs").problems()
    assert problem["code"] == "E301" and "did you mean NCT06900764? (a record has that id)" in problem["message"]


# The tool's code is more than its .py files: Python imports NAME.cpython-311-x86_64-linux-gnu.so (or
# NAME.abi3.so) before NAME.py, and an unchecked hash-based .pyc under __pycache__ without reading
# NAME.py at all. The fingerprint hashed only *.py, so either, committed beside an unchanged module,
# ran in its place while the cache kept serving the verdicts of the code it replaced.


def _package(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the tool's package that cache.fingerprint takes for the tool's code."""
    package = tmp_path / "sle_trials"
    (package / "engine").mkdir(parents=True)
    (package / "checks").mkdir()
    (package / "checks" / "evidence.py").write_text("CHECKED = True\n", encoding="utf-8")
    monkeypatch.setattr(cache, "__file__", str(package / "engine" / "cache.py"))
    # Python's .pyc files beside their source (__pycache__), as where no PYTHONPYCACHEPREFIX is set:
    # conftest.py sets one for the tests' own bytecode, which would send _timestamp_pyc's elsewhere
    monkeypatch.setattr(sys, "pycache_prefix", None)
    return package


def _pyc(flags: int) -> bytes:
    import importlib.util

    return importlib.util.MAGIC_NUMBER + flags.to_bytes(4, "little") + b"\0" * 8 + b"code"


@pytest.mark.parametrize(
    "path, content",
    [
        ("checks/evidence.cpython-311-x86_64-linux-gnu.so", b"\x7fELF"),
        ("checks/evidence.abi3.so", b"\x7fELF"),
        ("checks/__pycache__/evidence.cpython-311.pyc", _pyc(0b01)),  # unchecked: loaded without the source
    ],
)
def test_code_that_runs_instead_of_a_module_changes_the_fingerprint(
    tmp_path: Path, monkeypatch, path: str, content: bytes
) -> None:
    package = _package(tmp_path, monkeypatch)
    before = cache.fingerprint("{}")
    (package / path).parent.mkdir(exist_ok=True)
    (package / path).write_bytes(content)
    assert cache.fingerprint("{}") != before


def test_the_pyc_files_python_checks_itself_leave_the_fingerprint_alone(tmp_path: Path, monkeypatch) -> None:
    """A timestamp .pyc (flags 0) or a checked hash .pyc (0b11) is used only when its source matches:
    each run may write them, and the fingerprint must stay what it was."""
    package = _package(tmp_path, monkeypatch)
    before = cache.fingerprint("{}")
    (package / "checks" / "__pycache__").mkdir()
    (package / "checks" / "__pycache__" / "evidence.cpython-311.pyc").write_bytes(_pyc(0))
    (package / "checks" / "__pycache__" / "rules.cpython-311.pyc").write_bytes(_pyc(0b11))
    # a flag Python does not know: it refuses the .pyc and compiles the source (were the flag left
    # unread, this one would pass for an unchecked hash .pyc)
    (package / "checks" / "__pycache__" / "schema.cpython-311.pyc").write_bytes(_pyc(0b101))
    assert cache.fingerprint("{}") == before


def test_a_checked_pyc_runs_unchecked_where_python_is_told_never_to_check(tmp_path: Path, monkeypatch) -> None:
    """`python --check-hash-based-pycs never` loads a checked hash .pyc (flags 0b11) without looking
    at its source: there it runs in the module's place, as an unchecked one does."""
    import _imp

    package = _package(tmp_path, monkeypatch)
    monkeypatch.setattr(_imp, "check_hash_based_pycs", "never")
    before = cache.fingerprint("{}")
    (package / "checks" / "__pycache__").mkdir()
    (package / "checks" / "__pycache__" / "evidence.cpython-311.pyc").write_bytes(_pyc(0b11))
    assert cache.fingerprint("{}") != before


def _timestamp_pyc(source: Path) -> Path:
    """The .pyc Python writes for source (a timestamp .pyc: it records the source's mtime in seconds
    and its size, and is used while they match)."""
    import importlib.util
    import py_compile

    pyc = Path(importlib.util.cache_from_source(str(source)))
    py_compile.compile(str(source), cfile=str(pyc), invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)
    return pyc


def test_a_pyc_python_wrote_for_its_source_leaves_the_fingerprint_alone(tmp_path: Path, monkeypatch) -> None:
    package = _package(tmp_path, monkeypatch)
    before = cache.fingerprint("{}")
    _timestamp_pyc(package / "checks" / "evidence.py")
    assert cache.fingerprint("{}") == before


def test_the_temporary_file_python_writes_a_pyc_through_leaves_the_fingerprint_alone(
    tmp_path: Path, monkeypatch
) -> None:
    """Python writes a .pyc to NAME.TAG.pyc.<number> and renames it into place: a run that computes
    the fingerprint meanwhile (another run importing a changed module) found a file of the package
    the next run did not, and each of them, with entries to write, dropped the other's."""
    package = _package(tmp_path, monkeypatch)
    before = cache.fingerprint("{}")
    (package / "checks" / "__pycache__").mkdir()
    (package / "checks" / "__pycache__" / "evidence.cpython-311.pyc.140245").write_bytes(_pyc(0))
    assert cache.fingerprint("{}") == before


def test_a_pyc_of_the_code_a_module_was_before_is_in_the_fingerprint(tmp_path: Path, monkeypatch) -> None:
    """A timestamp .pyc is checked by its source's mtime in seconds and size only: a module replaced in
    the second of its .pyc with the same size (a checkout of another branch that second; `cp -p` or
    a tar keep the mtime) runs the .pyc's code, not its own. Left out of the fingerprint, the
    verdicts of that code were kept under the fingerprint of the module's new stamp, and served to
    the module's own code once the .pyc was gone (`git clean -X`, a new venv)."""
    package = _package(tmp_path, monkeypatch)
    module = package / "checks" / "evidence.py"
    pyc = _timestamp_pyc(module)
    written = module.stat()
    module.write_text("CHECKED = Fals\n", encoding="utf-8")  # the same size; the .pyc still says True
    os.utime(module, ns=(written.st_atime_ns, written.st_mtime_ns))
    with_pyc = cache.fingerprint("{}")
    pyc.unlink()  # Python now compiles the module: its own code runs
    assert cache.fingerprint("{}") != with_pyc


def test_a_pyc_under_the_pycache_prefix_is_in_the_fingerprint(tmp_path: Path, monkeypatch) -> None:
    """Where PYTHONPYCACHEPREFIX is set, Python reads a module's .pyc from PREFIX/<its folder's
    absolute path>/, not __pycache__: the stale .pyc of the test above, kept there, ran its old code
    with the fingerprint of the module's new stamp. So does an unchecked .pyc put there."""
    package = _package(tmp_path, monkeypatch)
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    module = package / "checks" / "evidence.py"
    before = cache.fingerprint("{}")
    pyc = _timestamp_pyc(module)
    assert str(pyc).startswith(str(tmp_path / "prefix"))
    assert cache.fingerprint("{}") == before  # written by Python for its source, after it
    written = module.stat()
    module.write_text("CHECKED = Fals\n", encoding="utf-8")
    os.utime(module, ns=(written.st_atime_ns, written.st_mtime_ns))
    with_pyc = cache.fingerprint("{}")
    pyc.unlink()
    assert cache.fingerprint("{}") != with_pyc
    pyc.write_bytes(_pyc(0b01))  # unchecked: loaded without the source
    assert cache.fingerprint("{}") != with_pyc


# The package's files stand in the fingerprint by their stamp, as trial files do in the cache, and by
# their bytes while they are within the racy window (cache._code): reading and hashing every file
# cost a run 8 to 10 ms.
LATER_NS = 10 * 1_000_000_000  # far enough after the files were written that none of them is racy


def test_a_module_rewritten_with_its_size_and_mtime_changes_the_fingerprint(tmp_path: Path, monkeypatch) -> None:
    """`touch -d` or `cp -p` sets an mtime back; the rewrite still gives the file a new ctime, and a
    file put in its place a new inode, which are in its stamp."""
    package = _package(tmp_path, monkeypatch)
    module = package / "checks" / "evidence.py"
    written = module.stat()
    monkeypatch.setattr(cache.time, "time_ns", lambda: written.st_mtime_ns + LATER_NS)
    before = cache.fingerprint("{}")
    assert cache.fingerprint("{}") == before  # nothing changed: the same fingerprint
    seen = {before}
    module.write_text("CHECKED = Fals\n", encoding="utf-8")  # in place: the same size and inode
    os.utime(module, ns=(written.st_atime_ns, written.st_mtime_ns))
    seen.add(cache.fingerprint("{}"))
    replacement = module.with_name("evidence.new")
    replacement.write_text("CHECKED = 1.00\n", encoding="utf-8")  # put in its place: the same size
    os.utime(replacement, ns=(written.st_atime_ns, written.st_mtime_ns))
    replacement.replace(module)
    seen.add(cache.fingerprint("{}"))
    assert len(seen) == 3, "each rewrite gives a fingerprint of its own"


@pytest.mark.parametrize("mtime", ["now", "set back"])
def test_a_module_changed_within_the_racy_window_is_read(tmp_path: Path, monkeypatch, mtime: str) -> None:
    """A second change in the clock tick of the first would leave the stat as it was: a file
    modified or changed less than 2 s before the run is hashed by its bytes. Shown with a stat that
    does not move at all. "set back": only the inode change time is recent (`cp -p`, `tar x`,
    `touch -d`), which the window must count as well."""
    package = _package(tmp_path, monkeypatch)
    module = package / "checks" / "evidence.py"
    if mtime == "set back":
        os.utime(module, ns=(0, module.stat().st_mtime_ns - 10 * LATER_NS))
    frozen = module.stat()
    real_stat = os.stat
    monkeypatch.setattr(cache.os, "stat", lambda f, *a, **k: frozen if Path(f) == module else real_stat(f, *a, **k))
    for now, differs in ((frozen.st_ctime_ns + 1, True), (frozen.st_ctime_ns + LATER_NS, False)):
        monkeypatch.setattr(cache.time, "time_ns", lambda now=now: now)
        module.write_text("CHECKED = True\n", encoding="utf-8")
        before = cache.fingerprint("{}")
        module.write_text("CHECKED = Fals\n", encoding="utf-8")  # the same size; the stat frozen
        assert (cache.fingerprint("{}") != before) is differs, "racy" if differs else "outside the window"


def test_a_library_installed_anew_changes_the_fingerprint(tmp_path: Path, monkeypatch) -> None:
    """An upgrade of the schema engine or the YAML parser (a pull request's new pin, then `make check`)
    may change verdicts: the entries of the old one are not served."""
    library = tmp_path / "site" / "schema_engine"
    library.mkdir(parents=True)
    (library / "__init__.py").write_text("VERSION = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(cache, "LIBRARIES", ("schema_engine",))
    before = cache.fingerprint("{}")
    assert cache.fingerprint("{}") == before
    replaced = library / "engine.so"
    replaced.write_bytes(b"\x7fELF")
    assert cache.fingerprint("{}") != before


def test_every_library_the_package_runs_is_in_the_fingerprint() -> None:
    """Each runtime dependency in pyproject.toml is a library whose upgrade may change a verdict (the
    check runs it): its installed files must be in the cache's fingerprint (cache.LIBRARIES), or a
    clone that upgraded it is served the old library's verdicts. tinycss2 came in without it."""
    import importlib.metadata
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    provides: dict[str, set[str]] = {}  # a distribution -> the top-level names it installs
    for top, dists in importlib.metadata.packages_distributions().items():
        for dist in dists:
            provides.setdefault(re.sub(r"[-_.]+", "-", dist).lower(), set()).add(top)
    missing = []
    for requirement in project["dependencies"]:
        name = re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement).group()).lower()  # type: ignore[union-attr]
        tops = provides.get(name, set())
        assert tops, f"{name} is not installed: `make check` installs it"
        if not any(lib == top or lib.startswith(top + ".") for lib in cache.LIBRARIES for top in tops):
            missing.append(name)
    assert missing == [], f"runtime dependencies not in cache.LIBRARIES: {missing}"


# What the machine keeps in a checkout (.gitignore), never what a pull request brings: the walk below
# goes everywhere else
MACHINE = {".git", ".venv", ".pytest_cache", ".hypothesis", ".cache", "build", ".mypy_cache", ".ruff_cache"}
MACHINE |= {"__pycache__", "_site", "trials.json", "trials.xlsx", "trials.db", "trials.metadata.json"}


def test_the_repository_holds_no_link() -> None:
    """git keeps a symbolic link as a link: a pull request could add one where a file is read (a
    document the docs generator rewrites, a fixture, a test's input) and make the tools or the test
    suite read, and print, a file outside the checkout. The commands refuse a link where they read
    the registry; this holds the whole checkout to none, wherever it is read."""
    found = []
    for folder, dirs, names in os.walk(REPO):  # a link to a folder is listed, never entered
        dirs[:] = [d for d in dirs if d not in MACHINE and not d.endswith(".egg-info")]
        links = [n for n in dirs + names if n not in MACHINE and os.path.islink(os.path.join(folder, n))]
        found += [os.path.relpath(os.path.join(folder, n), REPO) for n in links]
    assert found == [], f"symbolic links in the repository: {found}; commit the file itself"
