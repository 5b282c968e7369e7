"""The trust boundary (docs/trust-boundary.md): nothing a commit can carry makes a check vouch for a
file it did not read. Here: where the check cache lives, and that a cache brought in with the work
tree is never read. tests/test_cache.py covers the cache's own checks (MACs, damage, shapes).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Trials, copy_registry
from sle_trials import cache, load, pipeline

IM19 = "trials/NCT06513429.yaml"
ENV = {"GIT_AUTHOR_NAME": "Curator", "GIT_AUTHOR_EMAIL": "curator@example.invalid", "GIT_COMMITTER_NAME": "Curator",
       "GIT_COMMITTER_EMAIL": "curator@example.invalid", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
needs_git = pytest.mark.skipif(not shutil.which("git"), reason="needs git")


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **ENV}, capture_output=True, text=True, timeout=60)
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
    """IM19 with a problem (E505: 7 is not in its quote), the same size and modification time; its
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
    return (b"trials-check-index 3\n" + fingerprint.hexdigest().encode() + b"\n" + len(body).to_bytes(8, "big") + digest
            + body + (0).to_bytes(8, "big") + hashlib.sha256(digest).digest())


@needs_git
@pytest.mark.parametrize("command", ["check", "validate", "csv"])
def test_a_cache_committed_into_the_work_tree_is_never_read(tmp_path: Path, trials: Trials, command: str) -> None:
    """The attack of issue 14: a crafted index committed with `git add -f`, vouching for a record
    that --no-cache refuses (E505), with a formula for its CSV row. Nothing under the work tree is
    ever read as a cache, so the record is refused and no CSV is written."""
    root = clone_with_registry(tmp_path / "clone")
    record, _ = load.load(root / IM19, IM19)
    assert record is not None
    value = list(pipeline.Summary.value_of(record.data))
    value[4] = b'NCT06513429,=HYPERLINK("http://example.invalid"),' + value[4].split(b",", 2)[2]
    valid = break_keeping_stat(root)
    st = (root / IM19).stat()
    forged = {IM19: (st.st_size, st.st_mtime_ns, hashlib.sha256(valid).hexdigest(), st.st_mtime_ns + 10**12, tuple(value))}
    (root / ".cache").mkdir()
    (root / ".cache" / "trials-check.index").write_bytes(old_index(root, forged))
    git(root, "add", "-f", ".cache", IM19)
    git(root, "commit", "-q", "--no-verify", "-m", "innocent")
    csv_before = (root / "trials.csv").read_bytes()
    result = trials(command, fmt="json", root=root)
    assert result.status == 1 and "E505" in result.codes(), result.out
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


def test_a_run_outside_git_writes_nothing_into_the_registry(registry: Path, trials: Trials) -> None:
    before = sorted(p.relative_to(registry) for p in registry.rglob("*"))
    assert trials("check").status == 0
    assert sorted(p.relative_to(registry) for p in registry.rglob("*")) == before
    assert cache.place(registry).is_file()  # type: ignore[union-attr]
