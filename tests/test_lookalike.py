"""The look-alike folds (reading/lookalike.py) are generated into the package (reading/confusables.py)
from the confusable-homoglyphs release pinned in pyproject.toml: the module is that release's data,
its --check says so and names the command that regenerates it, and the check reads no library's data
at run time (every machine folds alike, whichever release it has installed)."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO
from sle_trials.reading import confusables, lookalike


def test_the_generated_module_is_the_pinned_librarys_data() -> None:
    assert lookalike.GENERATED.read_text(encoding="utf-8") == lookalike.generated(), (
        f"reading/confusables.py is stale; run: {lookalike.COMMAND}"
    )


def test_the_folds_are_what_the_readers_rely_on() -> None:
    # a Cyrillic "а" and a Greek "Α" show "a" and "A"; Unicode groups the capital I with the small l
    assert confusables.LETTERS["\u0430"] == "a" and confusables.LETTERS["\u0391"] == "A"
    assert confusables.LETTERS["\u0406"] == "I"  # Cyrillic capital I (Ukrainian), shown as "l" by TR39
    assert lookalike.letters("C\u043emp\u217cetion") == "Comp\u217cetion"  # a Roman numeral is no letter
    assert lookalike.skeleton("Eligibility \u0421riteria") == lookalike.skeleton("Eligibility Criteria")
    assert all(rep.isascii() and len(c) == 1 for c, rep in confusables.SKELETON.items())


def test_check_says_a_stale_module_is_stale_and_how_to_mend_it(tmp_path, monkeypatch, capsys) -> None:
    stale = tmp_path / "confusables.py"
    stale.write_text(lookalike.generated().replace('"\\u0430": "a"', '"\\u0430": "o"'), encoding="utf-8")
    monkeypatch.setattr(lookalike, "GENERATED", stale)
    assert lookalike.main(["--check"]) == 1
    assert "python -m sle_trials.reading.lookalike" in capsys.readouterr().out
    assert lookalike.main([]) == 0
    assert lookalike.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8") == lookalike.generated()


def test_the_check_reads_no_librarys_confusables() -> None:
    code = (
        "import sys\n"
        "from sle_trials.checks import evidence\n"
        "from sle_trials.engine import cache\n"
        "from sle_trials.reading import lookalike\n"
        "assert lookalike.letters('\\u0421heck') == 'Check'\n"
        "assert lookalike.skeleton('\\u0421heck') == lookalike.skeleton('Check')\n"
        "cache.fingerprint('{}')\n"
        "print(sorted(m for m in sys.modules if m.startswith('confusable')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.strip() == "[]"


def test_without_the_library_it_says_what_to_install(monkeypatch, capsys) -> None:
    """In a clone set up with `make check` (no test extra), `python -m sle_trials.reading.lookalike
    --check`, as docs/development.md gives it, ended in a traceback: ModuleNotFoundError:
    confusable_homoglyphs. It now says what to install, exit status 2, and writes nothing."""
    monkeypatch.setitem(sys.modules, "confusable_homoglyphs", None)  # an import of it fails
    before = lookalike.GENERATED.read_bytes()
    for args in (["--check"], []):
        assert lookalike.main(args) == 2
        said = capsys.readouterr()
        assert "Traceback" not in said.err and ".venv/bin/pip install -e '.[test]'" in said.err, said.err
    assert lookalike.GENERATED.read_bytes() == before
