"""Builders for minimal format-1 model documents, written from the spec alone.

`organization()` is a clean base: a company, the marketing & sales area `ms` that the mission
is scoped to, an agreed answer to every vision question and one period `p` that is exactly
100 days long, so that `day(n)` is the date on which n % of it has elapsed. A health check of
the base finds nothing; each test adds only what its behaviour needs.
"""

from __future__ import annotations

import datetime
from typing import Any

Doc = dict[str, Any]

START = datetime.date(2026, 1, 1)
PERIOD_DAYS = 100
END = START + datetime.timedelta(days=PERIOD_DAYS)

VISION_QUESTIONS = (
    "mission",
    "role_change",
    "tasks",
    "business_units",
    "division",
    "cooperation",
    "goals",
    "competencies",
)
DECISION_AREAS = (
    "strategy",
    "product",
    "pricing",
    "channels",
    "communication",
    "customer_experience",
    "customer_data",
    "budget",
)
DECISION_RIGHTS = ("none", "execute", "advise", "co_decide", "lead")
SALES_ALIGNMENTS = ("undefined", "defined", "aligned", "integrated")


def day(n: int) -> datetime.date:
    """The date n days after the start of period `p` (negative: before it)."""
    return START + datetime.timedelta(days=n)


def _without_none(values: dict[str, Any]) -> Doc:
    return {key: value for key, value in values.items() if value is not None}


def unit(id: str, kind: str, parent: str | None = "ms", **more: Any) -> Doc:
    return _without_none({"id": id, "name": id.upper(), "kind": kind, "parent": parent, **more})


BASE_UNITS = (
    unit("company", "company", parent=None),
    unit("ms", "area", parent="company"),
)


def organization(*, units: list[Doc] | tuple[Doc, ...] = (), mission: bool = True, **sections: Any) -> Doc:
    """The clean base organization with `units` added and any top-level section set."""
    document: Doc = {
        "lodestar": 1,
        "organization": {"name": "Acme Pumps"},
        "units": [*BASE_UNITS, *units],
        "periods": [period("p", 0, PERIOD_DAYS)],
    }
    if mission:
        document["mission"] = {"statement": "Make every buyer's choice an easy one.", "scope": "ms"}
    document["vision"] = [{"question": question, "status": "agreed"} for question in VISION_QUESTIONS]
    document.update(sections)
    return document


def period(id: str, start: int, end: int) -> Doc:
    """A period from `day(start)` to `day(end)`."""
    return {"id": id, "start": day(start), "end": day(end)}


def person(id: str, unit: str, **competencies: int) -> Doc:
    document: Doc = {"id": id, "name": id.title(), "unit": unit}
    if competencies:
        document["competencies"] = competencies
    return document


def key_result(
    id: str = "kr",
    *,
    baseline: float | None = 0,
    target: float | None = 100,
    measured: dict[int, float] | None = None,
    confidence: dict[int, int] | None = None,
    **more: Any,
) -> Doc:
    """A key result; `measured` maps a day of period `p` to a value, `confidence` a day to a check-in."""
    document = _without_none({"id": id, "title": f"Key result {id}", "baseline": baseline, "target": target, **more})
    if measured:
        document["measurements"] = [{"date": day(n), "value": value} for n, value in measured.items()]
    if confidence:
        document["check_ins"] = [{"date": day(n), "confidence": level} for n, level in confidence.items()]
    return document


def range_key_result(id: str = "kr", low: float = 10, high: float = 20, **more: Any) -> Doc:
    return key_result(id, baseline=None, target=None, direction="range", range=[low, high], **more)


def goal(id: str = "g", *key_results: Doc, owner: str = "ms", period: str = "p", **more: Any) -> Doc:
    document: Doc = {"id": id, "title": f"Goal {id}", "owner": owner, "period": period, **more}
    if key_results:
        document["key_results"] = list(key_results)
    return document


def to(goal_id: str, weight: float | None = None) -> Doc:
    """One entry of `contributes_to`."""
    return _without_none({"goal": goal_id, "weight": weight})


def task(id: str = "t", *, change: str = "keep", responsible: tuple[str, ...] = ("ms",), **more: Any) -> Doc:
    more.setdefault("accountable", "ms")
    return _without_none(
        {"id": id, "name": f"Task {id}", "change": change, "delivery": "central", "responsible": list(responsible)}
        | more
    )


def dependency(from_: str, to_: str, target: int, now: int = 1) -> Doc:
    return {"from": from_, "to": to_, "about": f"{from_} needs {to_}", "kind": "data", "now": now, "target": target}


def decision_rights(scores: tuple[int, ...]) -> Doc:
    """The `decision_rights` map whose eight scores are `scores`, in the order of the spec's table."""
    return {area: DECISION_RIGHTS[score] for area, score in zip(DECISION_AREAS, scores, strict=True)}


def role_profile(unit: str = "ms", *, as_is: Doc | None = None, target: Doc | None = None, **more: Any) -> Doc:
    plain = {"decision_rights": {"communication": "execute"}, "sales_alignment": "defined"}
    return {"unit": unit, **more, "as_is": as_is or plain, "target": target or plain}


def kpi(id: str = "kpi", *, better: str, green: float, red: float, measured: dict[int, float] | None = None) -> Doc:
    document: Doc = {"id": id, "name": f"KPI {id}", "owner": "ms", "better": better, "green": green, "red": red}
    if measured:
        document["measurements"] = [{"date": day(n), "value": value} for n, value in measured.items()]
    return document
