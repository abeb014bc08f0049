"""Goals and key results as documents in the model file's format (JSON-ready: dates as text)."""

from __future__ import annotations

from typing import Any

from lodestar.lib import model as m


def number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def _compact(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    return {key: value for key, value in pairs if value is not None and value not in ([], {})}


def goal_document(goal: m.Goal) -> dict[str, Any]:
    """The goal's own keys, without its key results."""
    return _compact(
        [
            ("id", goal.id),
            ("title", goal.title),
            ("owner", goal.owner),
            ("period", goal.period),
            (
                "contributes_to",
                [_compact([("goal", c.goal), ("weight", number(c.weight))]) for c in goal.contributes_to],
            ),
            ("tasks", list(goal.tasks)),
            ("description", goal.description),
        ]
    )


def key_result_document(kr: m.KeyResult) -> dict[str, Any]:
    """The key result's own keys, without measurements and check-ins."""
    return _compact(
        [
            ("id", kr.id),
            ("title", kr.title),
            ("unit", kr.unit),
            ("baseline", number(kr.baseline)),
            ("target", number(kr.target)),
            ("direction", kr.direction),
            ("range", [number(kr.range[0]), number(kr.range[1])] if kr.range else None),
            ("weight", number(kr.weight)),
            ("metric", kr.metric),
        ]
    )


def measurement_document(x: m.Measurement) -> dict[str, Any]:
    return _compact([("date", x.date.isoformat()), ("value", number(x.value)), ("source", x.source)])


def check_in_document(c: m.CheckIn) -> dict[str, Any]:
    return _compact([("date", c.date.isoformat()), ("by", c.by), ("confidence", c.confidence), ("note", c.note)])
