"""Benchmark: comparing three scenarios on the core benchmark's organization (8,000 people by default),
printed as the ratio to one health-check run on the same model. Pure functions only: no database.

Run: .venv/bin/python benchmarks/bench_scenarios.py [--people 8000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from lodestar.checks.rules import run_checks
from lodestar.demo.scaled import scaled_document
from lodestar.modelfile.validate import validate_document
from lodestar.scenarios.compare import compare


def _scenarios(document: dict) -> list[dict]:  # type: ignore[type-arg]
    units = [unit for unit in document["units"] if unit.get("kind") in ("department", "team")]
    people = document.get("people", [])
    first, second = units[0]["id"], units[1]["id"]
    moves = [{"person": person["id"], "unit": second} for person in people[:200] if person["unit"] != second]
    tasks = [dict(task, accountable=first) for task in document.get("tasks", [])]
    hub = {"id": "bench-hub", "name": "Hub", "kind": "team", "parent": first}
    return [
        {"id": "moves", "name": "Two hundred moves", "moves": moves},
        {"id": "one-accountable", "name": "One accountable unit", "replace": {"tasks": tasks}},
        {
            "id": "hub",
            "name": "A hub with hires",
            "units": [hub],
            "people": [{"id": f"hire-{i}", "name": f"Hire {i}", "unit": "bench-hub"} for i in range(50)],
        },
    ]


def best(samples: list[float]) -> float:
    return min(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=8000)
    parser.add_argument("--repeat", type=int, default=3)
    args, _ = parser.parse_known_args()
    today = date.today()
    document = scaled_document(people=args.people, today=today)
    document.pop("scenarios", None)
    document["scenarios"] = _scenarios(document)
    model = validate_document(document)
    checks, comparisons = [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        run_checks(model, today)
        checks.append(time.perf_counter() - started)
        started = time.perf_counter()
        compare(model, [], as_of=today)
        comparisons.append(time.perf_counter() - started)
    check, comparison = best(checks), best(comparisons)
    print(f"organization: {len(model.people):,} people, {len(model.units):,} units, {len(model.scenarios)} scenarios")
    print(f"one health check:                {check:8.3f} s")
    print(f"compare base + three scenarios:  {comparison:8.3f} s  ({comparison / check:.1f}x one health check)")


if __name__ == "__main__":
    main()
