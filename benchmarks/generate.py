"""Generate N synthetic, valid, varied trial records for benchmarks (ids NCT9xxxxxxx).

    python benchmarks/generate.py N OUT_DIR

OUT_DIR becomes a registry of its own: schema/ and seeds/ copied from this repository, trials/ with
N records shaped like the real ones. Every free-text value is taken from the IM19 record, so the
verbatim checks pass against the real seed; structured values (status, dates, enrollment, ages,
doses, thresholds, related trials) vary. The output is the same for the same N and --seed.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[1]
SEED = "seeds/000_84a0f0163f21158e.txt"
STATUSES = ["RECRUITING", "ACTIVE_NOT_RECRUITING", "COMPLETED", "NOT_YET_RECRUITING", "TERMINATED", "WITHDRAWN"]
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
PHASES = [["NA"], ["EARLY_PHASE1"], ["PHASE1"], ["PHASE1", "PHASE2"], ["PHASE2"]]


def _template() -> dict:
    yaml = YAML(typ="safe", pure=False)
    return yaml.load((REPO / "trials" / "NCT06513429.yaml").read_text(encoding="utf-8"))


def record(i: int, n: int, rng: random.Random, base: dict, titles: list[str]) -> dict:
    nct_id = f"NCT9{i:07d}"
    data = {
        "nct_id": nct_id,
        "brief_title": titles[i % len(titles)],
        "curation": {"status": "complete", "sources": [{"file": SEED, "kind": "REGISTRY_PAGE", "as_of": "2025-08-17",
                                                          "as_of_label": "Last Updated"}]},
        "overall_status": rng.choice(STATUSES),
    }
    year = rng.randint(2017, 2026)
    data["dates"] = {"start": {"date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"},
                     "completion": {"date": f"{year + rng.randint(1, 4)}-{rng.randint(1, 12):02d}", "type": "ESTIMATED"}}
    data["results_posted"] = rng.random() < 0.2
    data["phases"] = rng.choice(PHASES)
    data["study_type"] = "INTERVENTIONAL"
    data["design"] = dict(base["design"])
    data["enrollment"] = {"count": rng.randint(3, 120), "type": rng.choice(["ACTUAL", "ESTIMATED"])}
    data["cell_product"] = dict(base["cell_product"])
    cohorts, first = [], 1
    for _ in range(rng.randint(1, 4)):
        size = rng.randint(1, 6)
        cohorts.append({"patients": {"first": first, "last": first + size - 1},
                        "dose": {"value": rng.choice([1, 2, 5]) * 10 ** rng.randint(5, 8), "unit": "CAR-T cells",
                                 "basis": rng.choice(["PER_KG", "FLAT"])}})
        first += size
    arm = dict(base["arms"][0])
    arm["cohorts"] = cohorts
    data["arms"] = [arm]
    data["interventions"] = base["interventions"]
    eligibility = dict(base["eligibility"])
    low = rng.choice([12, 16, 18, 18, 18])
    eligibility["minimum_age"] = {"value": low, "unit": "YEARS"}
    eligibility["maximum_age"] = {"value": rng.randint(low + 10, 75), "unit": "YEARS"}
    keep = sorted(rng.sample(range(len(base["eligibility"]["thresholds"])), rng.randint(3, 12)))
    eligibility["thresholds"] = [base["eligibility"]["thresholds"][k] for k in keep]
    data["eligibility"] = eligibility
    data["sponsor"] = base["sponsor"]
    data["responsible_party"] = base["responsible_party"]
    data["locations"] = base["locations"]
    data["identifiers"] = base["identifiers"]
    related = sorted({rng.randrange(n) for _ in range(rng.randint(0, 3))} - {i})
    if related:
        data["related_trials"] = [{"nct_id": f"NCT9{j:07d}", "title": titles[j % len(titles)]} for j in related]
    return data


class _Writer:
    """Renders records with libyaml's emitter, each constant part once.

    Most of a record is the template's own objects (design, criteria, sponsor, ...): their YAML is
    the same in every record, so it is emitted once and reused. Only the varying parts are emitted
    per record. A block mapping's text is the concatenation of its keys' texts, so the result is the
    same text as dumping the whole record (250,000 records take minutes, not an hour)."""

    def __init__(self, base: dict) -> None:
        self.constant = {id(value) for part in base.values() if isinstance(part, dict) for value in part.values()}
        self.constant |= {id(value) for value in base.values()}
        self.done: dict[tuple[str, str | None, int], str] = {}

    @staticmethod
    def _dump(data: dict) -> str:
        # libyaml's emitter through PyYAML: the same text as ruamel.yaml's safe dumper with these
        # settings, with a representer 4x cheaper. Width 4096: one line per value, as curators write.
        return yaml.dump(data, Dumper=_DUMPER, default_flow_style=False, allow_unicode=True, width=4096, sort_keys=False)

    def _part(self, key: str, sub: str | None, value: object) -> str:
        memo = (key, sub, id(value))
        if id(value) in self.constant and memo in self.done:
            return self.done[memo]
        text = self._dump({key: value} if sub is None else {key: {sub: value}})
        if sub is not None:
            text = text.split("\n", 1)[1]  # drop the "key:" line; the caller writes it once
        if id(value) in self.constant:
            self.done[memo] = text
        return text

    def render(self, data: dict) -> str:
        # The varying parts in one emitter run (each run has a fixed cost), then cut back apart: a
        # top-level key starts a line at column 0, a second-level key at column 2 (list items there
        # start with "- ").
        varying: dict = {}
        for key, value in data.items():
            if isinstance(value, dict) and value:
                subs = {sub: item for sub, item in value.items() if id(item) not in self.constant}
                if subs:
                    varying[key] = subs
            elif id(value) not in self.constant:
                varying[key] = value
        pieces = _cut(self._dump(varying), "") if varying else {}
        parts = []
        for key, value in data.items():
            if isinstance(value, dict) and value:
                parts.append(f"{key}:\n")
                subs = _cut(pieces[key].split("\n", 1)[1], "  ") if key in pieces else {}
                parts.extend(subs[sub] if sub in subs else self._part(key, sub, item) for sub, item in value.items())
            else:
                parts.append(pieces[key] if key in pieces else self._part(key, None, value))
        return "".join(parts)


def _cut(text: str, indent: str) -> dict[str, str]:
    """A block mapping's text (at indent) as {key: the key's lines}."""
    starts = [m.start() for m in re.finditer(rf"^{indent}[A-Za-z_]", text, re.MULTILINE)] + [len(text)]
    return {text[a:b].split(":", 1)[0].strip(): text[a:b] for a, b in zip(starts, starts[1:])}


def _write(job: tuple[int, int, int, str, int]) -> None:
    """Write records first..last-1; each record has its own random stream, so workers agree."""
    first, last, n, out, seed = job
    base = _template()
    titles = [base["brief_title"]] + [r["title"] for r in base["related_trials"]]
    writer = _Writer(base)
    for i in range(first, last):
        rng = random.Random(seed * 1_000_003 + i)
        with open(Path(out) / "trials" / f"NCT9{i:07d}.yaml", "w", encoding="utf-8") as handle:
            handle.write(writer.render(record(i, n, rng, base, titles)))


def generate(n: int, out: Path, seed: int = 1) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("schema", "seeds"):
        shutil.rmtree(out / name, ignore_errors=True)
        shutil.copytree(REPO / name, out / name)
    shutil.rmtree(out / "trials", ignore_errors=True)
    (out / "trials").mkdir()
    keep = Path(SEED).name
    for extra in (out / "seeds").iterdir():  # only the seed the synthetic records cite, and its manifest line
        if extra.name not in (keep, "SHA256SUMS"):
            extra.unlink()
    manifest = out / "seeds" / "SHA256SUMS"
    manifest.write_text("".join(line + "\n" for line in manifest.read_text(encoding="utf-8").splitlines() if line.endswith(keep)),
                        encoding="utf-8")
    step = 1000
    jobs = [(first, min(first + step, n), n, str(out), seed) for first in range(0, n, step)]
    with ProcessPoolExecutor() as pool:
        list(pool.map(_write, jobs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.n, args.out, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
