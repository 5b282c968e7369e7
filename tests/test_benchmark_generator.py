"""The benchmark's synthetic registry: valid, the same on every run, and the text a whole-record dump gives.

benchmarks/generate.py emits each constant part of a record once and reuses its text (so 250,000
records take minutes); these tests hold it to what it claims.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

from ruamel.yaml import YAML

from sle_trials.cli import main

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402


def _whole_dump(data: dict) -> str:
    dumper = YAML(typ="safe", pure=False)
    dumper.default_flow_style = False
    dumper.allow_unicode = True
    dumper.width = 4096
    dumper.sort_base_mapping_type_on_output = False
    out = io.StringIO()
    dumper.dump(data, out)
    return out.getvalue()


def test_pieced_text_equals_a_whole_record_dump() -> None:
    base = generate._template()
    titles = [base["brief_title"]] + [r["title"] for r in base["related_trials"]]
    writer = generate._Writer(base)
    for i in range(60):  # covers 1-4 cohorts, with and without related trials, every age floor
        data = generate.record(i, 60, random.Random(i), base, titles)
        assert writer.render(data) == _whole_dump(data), f"record {i}"


def test_generated_registry_is_valid_and_repeatable(tmp_path: Path, capsys) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    generate.generate(40, first)
    generate.generate(40, second)
    files = sorted(p.name for p in (first / "trials").iterdir())
    assert len(files) == 40
    assert all((first / "trials" / f).read_bytes() == (second / "trials" / f).read_bytes() for f in files)
    assert main(["csv", "--root", str(first)]) == 0
    assert main(["check", "--root", str(first)]) == 0, capsys.readouterr().out
