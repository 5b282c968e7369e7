"""Every output escapes what it prints: a file name or a value can neither inject a line (a forged
problem, a `::error` or `::add-mask::` workflow command in a CI log) nor markup into a pull request's
summary, and JSON output is always encodable (issue 14, items 5 and 6)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GIT_ENV, Trials, copy_registry
from sle_trials.curate import changes
from sle_trials.outputs import report
from sle_trials.problem import Problem

TRIALS = Path(sys.executable).parent / "trials"
INJECTION = "x\n::add-mask::secret\n::error file=README.md::forged\r\x1b[31m"
ENV = GIT_ENV


def _render(fmt: str, problems: list[Problem]) -> str:
    out = io.StringIO()
    report.render(problems, fmt, out, files=1)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_report_escapes_paths_and_messages(fmt: str) -> None:
    problems = [Problem("seeds/" + INJECTION + "\udcff.txt", 0, 0, "E307", "message " + INJECTION)]
    text = _render(fmt, problems)
    text.encode("utf-8")  # always encodable: the lone surrogate of a byte that is not UTF-8 is escaped
    assert "\x1b" not in text and "\r" not in text
    lines = text.splitlines()
    assert not any(line.startswith("::add-mask::") or line.startswith("::error file=README") for line in lines), text
    if fmt == "json":
        assert (
            json.loads(text)["problems"][0]["path"]
            == "seeds/x\\n::add-mask::secret\\n::error file=README.md::forged\\r\\x1b[31m\\xff.txt"
        )
    else:
        assert len(lines) == 2, "one line for the problem, one for the summary"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
@pytest.mark.parametrize("folder", ["seeds", "trials"])
def test_a_file_name_that_is_not_utf8_leaves_json_output_whole(tmp_path: Path, folder: str) -> None:
    """A byte that is not UTF-8 in a name (kept by Python as a lone surrogate) made `--format json`
    fail to encode its output (exit 3). As a real process: its stdout is strictly UTF-8."""
    root = copy_registry(tmp_path / "registry")
    name = b"\xff\xfe.txt" if folder == "seeds" else b"NCT0\xff.yaml"
    (root / folder / os.fsdecode(name)).write_bytes(b"nct_id: NCT09000001\n")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [str(TRIALS), "check", "--root", str(root), "--format", "json"], capture_output=True, env=env, timeout=120
    )
    assert done.returncode == 1, done.stderr
    paths = [p["path"] for p in json.loads(done.stdout)["problems"]]
    assert (
        f"{folder}/\\x{name[0]:02x}\\x{name[1]:02x}.txt" in paths
        if folder == "seeds"
        else f"{folder}/NCT0\\xff.yaml" in paths
    )


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **ENV}, check=True, capture_output=True, timeout=60)


HOSTILE_TITLE = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) `code` | pipe *bold* @someone"


@pytest.fixture
def changed_repo(tmp_path: Path) -> Path:
    """A commit adding a record whose title and fields hold Markdown, HTML and a line break."""
    if not shutil.which("git"):
        pytest.skip("needs git")
    root = copy_registry(tmp_path / "repo")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "--no-verify", "-m", "initial")
    record = (
        f'nct_id: NCT09000001\nbrief_title: "{HOSTILE_TITLE}"\nacronym: "<script>x</script>"\n'
        "official_title: |-\n  first line\n  ::error file=README.md::forged\ncuration:\n  status: stub\n  sources:\n"
        '    - file: seeds/000_84a0f0163f21158e.txt\n      kind: REGISTRY_PAGE\n      as_of: "2025-08-17"\n'
    )
    (root / "trials" / "NCT09000001.yaml").write_text(record, encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "--no-verify", "-m", "hostile")
    record = record.replace("<script>x</script>", "[x](javascript:alert(2))")
    (root / "trials" / "NCT09000001.yaml").write_text(record, encoding="utf-8")
    return root


def test_diff_markdown_prints_every_value_inert(changed_repo: Path, trials: Trials) -> None:
    for rev in ("HEAD~1", "HEAD"):  # the record added (title), then a field changed (values)
        result = trials("diff", rev, "--format", "markdown", root=changed_repo)
        assert result.status == 0, result.err
        out = result.out
        for raw in ("<img", "[click](javascript", "\n::error"):  # field values are code spans: shown literally
            assert raw not in out, (raw, out)
        markdown_it = pytest.importorskip("markdown_it")
        # (the empty comments that part "@" from a name for GitHub show nothing: changes.markdown_text)
        html = markdown_it.MarkdownIt().render(out).replace("<!-- -->", "")
        for markup in ("<img", "<a ", "<script", "<code>code</code>", "<em>bold</em>", "<strong>bold"):
            assert markup not in html, (markup, html)
        if rev == "HEAD":
            assert (
                "— " + HOSTILE_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + ": new record"
                not in html
            )
        else:
            assert "— " + HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;") + ": new record" in html, html


def test_markdown_text_renders_as_itself() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    for value in (
        HOSTILE_TITLE,
        "A & B <b>bold</b>",
        "# heading",
        "1. list",
        "- item",
        "[x]: http://example.invalid",
        "a\\b",
    ):
        html = markdown_it.MarkdownIt().render("x " + changes.markdown_text(value)).strip().replace("<!-- -->", "")
        expected = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        assert html == f"<p>x {expected}</p>", (value, html)


def test_diff_text_never_starts_a_line_from_a_value(changed_repo: Path, trials: Trials) -> None:
    """A title written as block text may hold a line break: `new record: <title>` printed it raw."""
    (changed_repo / "trials" / "NCT09000002.yaml").write_text(
        "nct_id: NCT09000002\nbrief_title: |-\n  A title\n  ::error file=README.md::forged\n", encoding="utf-8"
    )
    result = trials("diff", "HEAD", root=changed_repo)
    assert result.status == 0 and "NCT09000002: new record: A title\\n::error" in result.out, result.out
    assert not any(line.startswith("::") for line in result.lines), result.out


def test_diff_json_is_whole(changed_repo: Path, trials: Trials) -> None:
    result = trials("diff", "HEAD~1", "--format", "json", root=changed_repo)
    assert result.status == 0 and json.loads(result.out)["records"]


def test_usage_errors_print_what_was_given_escaped(trials: Trials, tmp_path: Path) -> None:
    result = trials.raw(["check", "--root", str(tmp_path / "no\n::error::forged")])
    assert result.status == 2 and "no\\n::error::forged" in result.err and "\n::error" not in result.err


def test_a_missing_file_named_on_the_command_line_is_shown_escaped(trials: Trials, registry: Path) -> None:
    for place in ("trials/gone\n::error::forged.yaml", "elsewhere/gone\n::error::forged.yaml"):
        result = trials("validate", registry / place)  # a usage error, named as problems name a file
        assert result.status == 2 and result.err.startswith("trials: no such file: "), result.err
        assert place.split("\n")[0] + "\\n::error::forged.yaml" in result.err, result.err
        assert not any(line.startswith("::") for line in (result.out + result.err).splitlines()), result.err
