"""Generate N synthetic, valid, varied trial records with sources of their own, for benchmarks.

    python benchmarks/generate.py N OUT_DIR

OUT_DIR becomes a registry of its own: schema/ copied from this repository, and for each record
i a ClinicalTrials.gov study JSON under seeds/ (listed in seeds/SHA256SUMS) and the record the
importer makes of it under trials/ (NCT9xxxxxxx.yaml), in canonical form (what `trials fmt`
writes). The studies start from tests/fixtures/ctgov/completed_phase2_randomised.json; status,
dates, enrollment, ages, phases, titles, officials and sites vary. So every record quotes its own
source, and every check (verbatim text, places, value binding, completeness) does its full work:
nothing is shared between records that a real registry would not share. The output is the same for
the same N and --seed.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import random
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEMPLATE = REPO / "tests" / "fixtures" / "ctgov" / "completed_phase2_randomised.json"
STATUSES = ["RECRUITING", "ACTIVE_NOT_RECRUITING", "COMPLETED", "NOT_YET_RECRUITING", "TERMINATED", "WITHDRAWN"]
PHASES = [["EARLY_PHASE1"], ["PHASE1"], ["PHASE1", "PHASE2"], ["PHASE2"], ["NA"]]
PRODUCTS = ["anti-CD19 CAR-T cells", "CD19/BCMA CAR-T cells", "anti-BCMA CAR-T cells", "CD19 CAR-NK cells"]
CITIES = [
    ("Beijing", "China"),
    ("Erlangen", "Germany"),
    ("Boston", "United States"),
    ("Shanghai", "China"),
    ("Madrid", "Spain"),
    ("Paris", "France"),
]


def study(i: int, rng: random.Random, template: dict) -> dict:
    """A varied study JSON for record i (its own id, title, values)."""
    doc = copy.deepcopy(template)
    ps = doc["protocolSection"]
    nct = f"NCT9{i:07d}"
    product = rng.choice(PRODUCTS)
    ident = ps["identificationModule"]
    ident["nctId"] = nct
    ident["briefTitle"] = f"{product.capitalize()} in Refractory Systemic Lupus Erythematosus, Study {i}"
    ident["officialTitle"] = f"An Open-label Study of {product} in Adults With Refractory Lupus (Protocol {i:05d})"
    ident["orgStudyIdInfo"] = {"id": f"SLE-{i:06d}"}
    ident.pop("acronym", None)
    status = ps["statusModule"]
    status["overallStatus"] = rng.choice(STATUSES)
    year = rng.randint(2017, 2025)
    status["startDateStruct"] = {"date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "type": "ACTUAL"}
    status["primaryCompletionDateStruct"] = {"date": f"{year + 1}-{rng.randint(1, 12):02d}", "type": "ESTIMATED"}
    status["completionDateStruct"] = {
        "date": f"{year + rng.randint(2, 4)}-{rng.randint(1, 12):02d}",
        "type": "ESTIMATED",
    }
    status["lastUpdatePostDateStruct"] = {
        "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "type": "ACTUAL",
    }
    doc["hasResults"] = rng.random() < 0.2
    design = ps["designModule"]
    design["phases"] = rng.choice(PHASES)
    design["enrollmentInfo"] = {"count": rng.randint(3, 120), "type": rng.choice(["ACTUAL", "ESTIMATED"])}
    low = rng.choice([12, 16, 18, 18, 18])
    ps["eligibilityModule"]["minimumAge"] = f"{low} Years"
    ps["eligibilityModule"]["maximumAge"] = f"{rng.randint(low + 10, 75)} Years"
    for official in ps.get("contactsLocationsModule", {}).get("overallOfficials", []):
        official["name"] = f"Investigator {i}, MD"
    city, country = rng.choice(CITIES)
    ps.setdefault("contactsLocationsModule", {})["locations"] = [
        {"facility": f"University Hospital {city} {i % 97}", "city": city, "country": country}
    ]
    return doc


def _write(job: tuple[int, int, str, int]) -> list[str]:
    """Write the studies and records first..last-1; each has its own random stream, so workers
    agree. Returns the manifest lines of the seeds written."""
    from sle_trials import paths
    from sle_trials.curate import ctgov, fmt

    first, last, out, seed = job
    root = Path(out)
    schema = paths.load_schema(root)
    template = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    lines = []
    for i in range(first, last):
        rng = random.Random(seed * 1_000_003 + i)
        raw = (json.dumps(study(i, rng, template), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        name = f"ctgov_NCT9{i:07d}.json"
        (root / "seeds" / name).write_bytes(raw)
        lines.append(f"{hashlib.sha256(raw).hexdigest()}  {name}\n")
        draft = ctgov.to_record(ctgov.read_studies(raw, name)[0], f"seeds/{name}", schema)
        # an import is a draft until a curator reviews it; marked complete, the record is held to
        # every check a complete record meets (each value bound, the criteria lists whole: E517, E511)
        draft.data["curation"]["status"] = "complete"
        text = fmt.render(draft.data, schema, ctgov.header(f"seeds/{name}"))
        (root / "trials" / f"NCT9{i:07d}.yaml").write_text(text, encoding="utf-8")
    return lines


def generate(n: int, out: Path, seed: int = 1) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("schema", "seeds", "trials"):
        shutil.rmtree(out / name, ignore_errors=True)
    shutil.copytree(REPO / "schema", out / "schema")
    (out / "seeds").mkdir()
    (out / "trials").mkdir()
    step = 500
    jobs = [(first, min(first + step, n), str(out), seed) for first in range(0, n, step)]
    with ProcessPoolExecutor() as pool:
        manifest = [line for lines in pool.map(_write, jobs) for line in lines]
    (out / "seeds" / "SHA256SUMS").write_text("".join(manifest), encoding="utf-8")


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
