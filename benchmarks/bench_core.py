"""Import and status of a generated organization against their floors, measured side by side.

- import: `lodestar import FILE` into an empty database against merely parsing FILE with
  PyYAML's C loader (both as fresh processes);
- status: `lodestar status --format json` against starting Django and reading every stored
  row once (both as fresh processes);
- growth: status time for an organization 4x as large.

Run: .venv/bin/python benchmarks/bench_core.py [--people 8000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LODESTAR = str(BIN / "lodestar")
PARSE_ONLY = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"
# The same parse with Python's cyclic collector off, as Lodestar's import runs: a stricter floor.
PARSE_ONLY_NO_GC = "import gc, sys, yaml; gc.disable(); yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def write_model(people: int, folder: Path) -> tuple[Path, int]:
    from lodestar.demo.scaled import scaled_document
    from lodestar.modelfile.yaml_io import dump_yaml

    document = scaled_document(people=people, today=date.today())
    path = folder / f"org-{people}.yaml"
    path.write_text(dump_yaml(document), encoding="utf-8")
    return path, len(document["goals"])


def environment(database: Path) -> dict[str, str]:
    return {
        **os.environ,
        "LODESTAR_DATABASE_URL": f"sqlite:///{database}",
        "LODESTAR_MAX_MODEL_FILE_BYTES": str(1 << 30),
    }


def best(samples: list[float]) -> float:
    return min(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=8000, help="people in the large organization (default 8000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each status measurement (best is kept)")
    parser.add_argument("--import-repeat", type=int, default=1, help="runs of each import measurement")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    folder = Path(tempfile.mkdtemp(prefix="lodestar-bench-"))
    try:
        small_people = max(1, args.people // 4)
        print(f"Generating organizations of {small_people:,} and {args.people:,} people ...", flush=True)
        small_file, small_goals = write_model(small_people, folder)
        large_file, large_goals = write_model(args.people, folder)
        template = folder / "empty.sqlite3"
        subprocess.run([LODESTAR, "migrate", "-v0"], env=environment(template), check=True)

        print(f"Import of {large_file.stat().st_size / 1e6:.1f} MB ({large_goals:,} goals) ...", flush=True)
        parse_times, strict_parse_times, import_times = [], [], []
        databases = {}
        for _ in range(args.import_repeat):
            parse_times.append(timed([sys.executable, "-c", PARSE_ONLY, str(large_file)], os.environ.copy()))
            strict_parse_times.append(
                timed([sys.executable, "-c", PARSE_ONLY_NO_GC, str(large_file)], os.environ.copy())
            )
            for label, model_file in (("small", small_file), ("large", large_file)):
                database = folder / f"{label}.sqlite3"
                shutil.copy(template, database)
                seconds = timed([LODESTAR, "import", str(model_file), "--quiet"], environment(database))
                if label == "large":
                    import_times.append(seconds)
                databases[label] = database

        print("Status ...", flush=True)
        floor, status_small, status_large = [], [], []
        for _ in range(args.repeat):
            floor.append(
                timed([sys.executable, str(ROOT / "benchmarks" / "read_all_rows.py")], environment(databases["large"]))
            )
            status_large.append(timed([LODESTAR, "status", "--format", "json"], environment(databases["large"])))
            status_small.append(timed([LODESTAR, "status", "--format", "json"], environment(databases["small"])))

        rows: list[tuple[str, float, str, float, float | None]] = [
            ("import", best(import_times), "parse with PyYAML's C loader", best(parse_times), 1.5),
            ("import", best(import_times), "the same parse, collector off", best(strict_parse_times), None),
            ("status", best(status_large), "start and read every row once", best(floor), 2.0),
            (
                f"status at {args.people:,} people",
                best(status_large),
                f"status at {small_people:,} people",
                best(status_small),
                5.0,
            ),
        ]
        print(f"\nLodestar core benchmark: {args.people:,} people, {large_goals:,} goals ({small_goals:,} at 1/4 size)")
        print(f"{'measure':<28}{'ours':>9}   {'floor':<34}{'floor':>9}{'ratio':>9}{'goal':>8}")
        for name, ours, floor_name, floor_seconds, goal in rows:
            ratio = ours / floor_seconds
            measured = f"{name:<28}{ours:>8.2f}s   {floor_name:<34}{floor_seconds:>8.2f}s{ratio:>8.2f}x"
            if goal is None:  # a stricter floor than the issue's, shown for information
                print(f"{measured}{'-':>8}  (information)")
            else:
                print(f"{measured}{goal:>7.1f}x  {'ok' if ratio <= goal else 'MISSED'}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
