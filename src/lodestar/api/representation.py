"""Goals and key results as the API returns them: the model file's keys plus version and scores."""

from __future__ import annotations

from typing import Any

from lodestar.goals.services import CheckedIn
from lodestar.goals.snapshot import Snapshot
from lodestar.lib.model import Goal, KeyResult, Measurement
from lodestar.modelfile.documents import (
    check_in_document,
    closing_document,
    goal_document,
    key_result_document,
    measurement_document,
    number,
)


def goal_json(snapshot: Snapshot, goal: Goal, *, full: bool = False) -> dict[str, Any]:
    score = snapshot.goal_scores[goal.id]
    document: dict[str, Any] = {
        **goal_document(goal),
        "contributes_to": [
            {"goal": c.goal, "weight": number(c.weight), **({"proposed": True} if c.proposed else {})}
            for c in goal.contributes_to
        ],
        "tasks": list(goal.tasks),
        "description": goal.description,
        "closed": closing_document(goal.closed) if goal.closed is not None else None,
        "carried_from": goal.carried_from,
        "version": snapshot.goal_versions.get(goal.id, 1),
        "progress": score.progress,
        "expected": score.expected,
        "status": score.status,
        "contributors": [child for child, _ in snapshot.contributors.get(goal.id, [])],
        "proposals": [
            {"goal": child, "weight": number(weight), "version": snapshot.goal_versions.get(child, 1)}
            for child, weight in snapshot.proposals.get(goal.id, [])
        ],
    }
    if full:
        document["key_results"] = [key_result_json(snapshot, kr, full=True) for kr in goal.key_results]
    else:
        document["key_results"] = [kr.id for kr in goal.key_results]
    return document


def key_result_json(snapshot: Snapshot, kr: KeyResult, *, full: bool = False) -> dict[str, Any]:
    goal, _ = snapshot.key_results[kr.id]
    score = snapshot.kr_scores[kr.id]
    document: dict[str, Any] = {
        **key_result_document(kr),
        "goal": goal.id,
        "version": snapshot.kr_versions.get(kr.id, 1),
        "current": number(score.current),
        "progress": score.progress,
        "expected": score.expected,
        "status": score.status,
        "confidence": score.confidence,
        "forecast": None
        if score.forecast is None
        else {"value": score.forecast.value, "progress": score.forecast.progress},
    }
    if full:
        document["measurements"] = [measurement_json(x) for x in kr.measurements]
        document["check_ins"] = [check_in_document(c) for c in kr.check_ins]
    return document


def measurement_json(measurement: Measurement) -> dict[str, Any]:
    """A key result's measurement: the model file's keys and the version a correction names."""
    return {**measurement_document(measurement), "version": measurement.version or 1}


def check_in_json(checked: CheckedIn) -> dict[str, Any]:
    """A check-in as recorded, with the value recorded with it and the one that value replaced, where there are."""
    document = check_in_document(checked.check_in)
    if checked.measurement is not None:
        document["measurement"] = measurement_json(checked.measurement)
    if checked.replaced is not None:
        document["replaced"] = measurement_document(checked.replaced)
    return document
