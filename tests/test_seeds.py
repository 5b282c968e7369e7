"""seeds/: the source documents, byte for byte as received, guarded by SHA256SUMS and by the hooks."""

from __future__ import annotations

import hashlib
import re

from conftest import DATA_ROOT, REPO
from ruamel.yaml import YAML

SEEDS = DATA_ROOT / "seeds"
MANIFEST = SEEDS / "SHA256SUMS"
LINE = re.compile(r"(?P<hash>[0-9a-f]{64})  (?P<name>[^/\s][^/]*)")
# Hooks known not to change files. Every other hook is taken to be able to rewrite what it is given.
READ_ONLY_ENTRIES = re.compile(r"(?:\.venv/bin/)?(?:check-[a-z-]+|trials (?:validate|refs|check|csv --check))(?: .*)?")


def manifest() -> dict[str, str]:
    entries: dict[str, str] = {}
    for number, line in enumerate(MANIFEST.read_text(encoding="utf-8").splitlines(), 1):
        match = LINE.fullmatch(line)
        assert match, f"SHA256SUMS line {number} is not '<sha256>  <file name>': {line!r}"
        assert match["name"] not in entries, f"{match['name']} is listed twice"
        entries[match["name"]] = match["hash"]
    return entries


def test_manifest_lists_exactly_the_files_in_seeds() -> None:
    present = sorted(p.name for p in SEEDS.iterdir() if p.name != MANIFEST.name)
    assert all((SEEDS / name).is_file() for name in present), "seeds/ holds files only"
    assert sorted(manifest()) == present


def test_every_seed_matches_its_hash() -> None:
    wrong = {
        name: digest
        for name, digest in manifest().items()
        if hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() != digest
    }
    assert wrong == {}, f"seeds changed since they were received: {sorted(wrong)}"


def test_every_record_cites_only_listed_seeds() -> None:
    listed = {f"seeds/{name}" for name in manifest()}
    cited = set()
    for trial in (DATA_ROOT / "trials").glob("*.yaml"):
        cited |= set(re.findall(r"^\s*-?\s*file:\s*(seeds/\S+)\s*$", trial.read_text(encoding="utf-8"), re.MULTILINE))
    assert cited and cited <= listed, f"cited but not in SHA256SUMS: {sorted(cited - listed)}"


def _hooks(config: dict) -> list[dict]:
    return [hook for repo in config.get("repos", []) for hook in repo.get("hooks", [])]


def _runs_on(config: dict, hook: dict, path: str) -> bool:
    """Whether pre-commit would pass path to the hook (top-level and hook files/exclude, as regexes)."""
    if re.search(config.get("files", ""), path) is None or re.search(config.get("exclude", "^$"), path):
        return False
    return re.search(hook.get("files", ""), path) is not None and not re.search(hook.get("exclude", "^$"), path)


def test_no_hook_that_can_rewrite_files_runs_on_seeds() -> None:
    config = YAML(typ="safe").load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = _hooks(config)
    writers = [h for h in hooks if not READ_ONLY_ENTRIES.fullmatch(str(h.get("entry", h["id"])))]
    assert {h["id"] for h in writers} >= {"trailing-whitespace", "end-of-file-fixer"}
    seeds = [f"seeds/{p.name}" for p in SEEDS.iterdir()]
    touching = sorted({h["id"] for h in writers for path in seeds if _runs_on(config, h, path)})
    assert touching == [], f"hooks that may rewrite files under seeds/: {touching}"


def test_runs_on_matches_pre_commit_semantics() -> None:
    """Guard for _runs_on: the top-level exclude removes a path from every hook."""
    config = {"exclude": "^seeds/"}
    assert not _runs_on(config, {"id": "x"}, "seeds/000.txt")
    assert _runs_on(config, {"id": "x"}, "trials/NCT06513429.yaml")
    assert not _runs_on({}, {"id": "x", "files": "^trials/"}, "seeds/000.txt")
    assert not _runs_on({}, {"id": "x", "exclude": "^seeds/"}, "seeds/000.txt")
