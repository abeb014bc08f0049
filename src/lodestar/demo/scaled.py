"""A generated organization of any size, for benchmarks and load tests (deterministic)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

TEAM_SIZE = 10
TEAMS_PER_DEPARTMENT = 10


def _key_results(rng: random.Random, goal_id: str, start: date, today: date, count: int) -> list[dict[str, Any]]:
    results = []
    elapsed = max(1, (today - start).days)
    for k in range(count):
        baseline = rng.randint(10, 200)
        target = baseline + rng.randint(20, 300) * (1 if rng.random() < 0.8 else -1) // 2 or baseline + 1
        steps = 4
        measurements = [
            {
                "date": start + timedelta(days=elapsed * (step + 1) // (steps + 1)),
                "value": round(baseline + (target - baseline) * rng.uniform(0.0, 0.8) * (step + 1) / steps, 1),
            }
            for step in range(steps)
        ]
        results.append(
            {
                "id": f"{goal_id}-kr{k}",
                "title": f"Key result {k + 1} of {goal_id}",
                "unit": rng.choice(["leads", "EUR", "%", "deals"]),
                "baseline": baseline,
                "target": target,
                "measurements": measurements,
                "check_ins": [{"date": measurements[-1]["date"], "confidence": rng.randint(2, 9)}],
            }
        )
    return results


def scaled_document(*, people: int, today: date, seed: int = 7) -> dict[str, Any]:
    """An organization with about `people` people and about 1.3 goals per person."""
    rng = random.Random(seed)
    year = today.year
    start = date(year, 1, 1)
    teams = max(1, people // TEAM_SIZE)
    departments = max(1, teams // TEAMS_PER_DEPARTMENT)
    units: list[dict[str, Any]] = [
        {"id": "company", "name": "Scaled Manufacturing AG", "kind": "company"},
        {"id": "ms", "name": "Marketing & Sales", "kind": "area", "parent": "company"},
    ]
    units += [
        {"id": f"bu{b}", "name": f"Business unit {b}", "kind": "business_unit", "parent": "company"} for b in range(4)
    ]
    units += [
        {"id": f"d{d}", "name": f"Department {d}", "kind": "department", "parent": "ms"} for d in range(departments)
    ]
    units += [
        {"id": f"t{t}", "name": f"Team {t}", "kind": "team", "parent": f"d{t % departments}"} for t in range(teams)
    ]
    persons = [
        {"id": f"p{i}", "name": f"Person {i}", "unit": f"t{i % teams}", "email": f"p{i}@example.com"}
        for i in range(people)
    ]
    periods = [{"id": f"fy{year}", "start": start, "end": date(year, 12, 31)}]
    goals: list[dict[str, Any]] = []

    def goal(goal_id: str, owner: str, parents: list[str], krs: int) -> None:
        entry: dict[str, Any] = {"id": goal_id, "title": f"Goal {goal_id}", "owner": owner, "period": f"fy{year}"}
        if parents:
            entry["contributes_to"] = [{"goal": parent, "weight": rng.choice([1, 1, 2])} for parent in parents]
        entry["key_results"] = _key_results(rng, goal_id, start, today, krs)
        goals.append(entry)

    for a in range(5):
        goal(f"g-ms-{a}", "ms", [], 2)
    for d in range(departments):
        for j in range(3):
            goal(f"g-d{d}-{j}", f"d{d}", [f"g-ms-{(d + j) % 5}"], 2)
    for t in range(teams):
        d = t % departments
        for j in range(3):
            goal(f"g-t{t}-{j}", f"t{t}", [f"g-d{d}-{j}"], 2)
    for i in range(people):
        t = i % teams
        goal(f"g-p{i}", f"p{i}", [f"g-t{t}-{i % 3}"], 1)
    return {
        "lodestar": 1,
        "organization": {"name": "Scaled Manufacturing AG", "industry": "Machinery", "currency": "EUR"},
        "units": units,
        "people": persons,
        "mission": {"statement": "We make growth measurable.", "scope": "ms"},
        "periods": periods,
        "goals": goals,
    }
