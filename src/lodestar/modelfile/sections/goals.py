"""Section readers for the goal system: periods, goals, key results, measurements, check-ins, KPIs."""

from __future__ import annotations

from typing import Any

from lodestar.lib.model import (
    KPI,
    CheckIn,
    Closing,
    Contribution,
    Goal,
    KeyResult,
    Measurement,
    MetricBinding,
    Period,
)
from lodestar.lib.vocabulary import BETTER, DIRECTIONS, METRIC_GRAINS, METRIC_WINDOWS
from lodestar.modelfile.reader import Reader, format_number
from lodestar.modelfile.sections.common import (
    CHECK_IN_KEYS,
    CLOSED_KEYS,
    CONTRIBUTION_KEYS,
    GOAL_KEYS,
    KEY_RESULT_KEYS,
    KPI_KEYS,
    MEASUREMENT_KEYS,
    METRIC_KEYS,
    PERIOD_KEYS,
    Indexed,
)


def read_periods(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "periods")):
        path = f"periods[{i}]"
        d = r.mapping(item, path, allowed=PERIOD_KEYS, required=("id", "start", "end"))
        if d is None:
            continue
        ident = r.ident(d["id"], f"{path}.id")
        start, end = r.day(d["start"], f"{path}.start"), r.day(d["end"], f"{path}.end")
        if start and end and start >= end:
            r.error(f"{path}.end", f"{end.isoformat()} is not after the start {start.isoformat()}")
            continue
        if ident and start and end:
            result.append((i, Period(id=ident, start=start, end=end)))
    return result


def read_goals(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "goals")):
        path = f"goals[{i}]"
        d = r.mapping(item, path, allowed=GOAL_KEYS, required=("id", "title", "owner", "period"))
        if d is None:
            continue
        goal = Goal(
            id=r.ident(d["id"], f"{path}.id") or "",
            title=r.text(d["title"], f"{path}.title") or "",
            owner=r.ref(d["owner"], f"{path}.owner") or "",
            period=r.ref(d["period"], f"{path}.period") or "",
            contributes_to=_contributions(r, d.get("contributes_to"), f"{path}.contributes_to"),
            tasks=r.refs(d.get("tasks"), f"{path}.tasks"),
            key_results=read_key_results(r, d.get("key_results"), f"{path}.key_results"),
            description=r.text(d.get("description"), f"{path}.description", optional=True, long=True),
            closed=read_closing(r, d.get("closed"), f"{path}.closed"),
            carried_from=r.ref(d.get("carried_from"), f"{path}.carried_from", optional=True),
        )
        if goal.id and goal.title and goal.owner and goal.period:
            result.append((i, goal))
    return result


def read_closing(r: Reader, value: Any, path: str) -> Closing | None:
    """`{date, score, note?}`: the score is a number from 0 to 1; the date is checked against the period later."""
    if value is None:
        return None
    d = r.mapping(value, path, allowed=CLOSED_KEYS, required=("date", "score"))
    if d is None:
        return None
    day = r.day(d["date"], f"{path}.date")
    score = r.number(d["score"], f"{path}.score")
    if score is not None and not 0 <= score <= 1:
        r.error(f"{path}.score", f"{format_number(score)} is out of range: expected 0 to 1")
        score = None
    note = r.text(d.get("note"), f"{path}.note", optional=True, long=True)
    return Closing(date=day, score=score, note=note) if day is not None and score is not None else None


def _contributions(r: Reader, value: Any, path: str) -> list[Contribution]:
    result: list[Contribution] = []
    seen: set[str] = set()
    for j, item in enumerate(r.items(value, path)):
        item_path = f"{path}[{j}]"
        d = r.mapping(item, item_path, allowed=CONTRIBUTION_KEYS, required=("goal",))
        if d is None:
            continue
        parent = r.ref(d["goal"], f"{item_path}.goal")
        weight = r.weight(d.get("weight"), f"{item_path}.weight")
        proposed = r.boolean(d.get("proposed"), f"{item_path}.proposed")
        if parent in seen:
            r.error(f"{item_path}.goal", f"contributes to {parent!r} twice")
        elif parent:
            seen.add(parent)
            result.append(Contribution(goal=parent, weight=weight, proposed=bool(proposed)))
    return result


def read_key_results(r: Reader, value: Any, path: str) -> list[KeyResult]:
    result: list[KeyResult] = []
    for j, item in enumerate(r.items(value, path)):
        kr_path = f"{path}[{j}]"
        d = r.mapping(item, kr_path, allowed=KEY_RESULT_KEYS, required=("id", "title"))
        if d is None:
            continue
        kr = KeyResult(
            id=r.ident(d["id"], f"{kr_path}.id") or "",
            title=r.text(d["title"], f"{kr_path}.title") or "",
            unit=r.text(d.get("unit"), f"{kr_path}.unit", optional=True),
            baseline=r.number(d.get("baseline"), f"{kr_path}.baseline", optional=True),
            target=r.number(d.get("target"), f"{kr_path}.target", optional=True),
            direction=r.choice(d.get("direction"), f"{kr_path}.direction", DIRECTIONS, optional=True),
            range=_range(r, d.get("range"), f"{kr_path}.range"),
            weight=r.weight(d.get("weight"), f"{kr_path}.weight"),
            metric=read_metric_binding(r, d.get("metric"), f"{kr_path}.metric"),
            owner=r.ref(d.get("owner"), f"{kr_path}.owner", optional=True),
            measurements=read_measurements(r, d.get("measurements"), f"{kr_path}.measurements"),
            check_ins=read_check_ins(r, d.get("check_ins"), f"{kr_path}.check_ins"),
        )
        _check_direction(r, kr, d, kr_path)
        if kr.id and kr.title:
            result.append(kr)
    return result


def _check_direction(r: Reader, kr: KeyResult, d: dict[str, Any], path: str) -> None:
    """Direction, baseline, target and range must agree (the spec's key result rules)."""
    if kr.direction == "range":
        if "range" not in d:
            r.error(f"{path}.range", "required for direction range: [low, high]")
        return
    if "range" in d and d["range"] is not None:
        r.error(f"{path}.range", "only allowed with direction range")
    if kr.baseline is None or kr.target is None:
        return
    baseline, target = format_number(kr.baseline), format_number(kr.target)
    if kr.target == kr.baseline:
        r.error(f"{path}.target", f"equals the baseline {baseline}: a key result must move")
    elif kr.direction == "increase" and kr.target < kr.baseline:
        r.error(f"{path}.direction", f"increase contradicts baseline {baseline} and target {target}")
    elif kr.direction == "decrease" and kr.target > kr.baseline:
        r.error(f"{path}.direction", f"decrease contradicts baseline {baseline} and target {target}")


def _range(r: Reader, value: Any, path: str) -> tuple[float, float] | None:
    if value is None:
        return None
    if type(value) is not list or len(value) != 2:
        r.error(path, "expected [low, high]")
        return None
    low, high = r.number(value[0], f"{path}[0]"), r.number(value[1], f"{path}[1]")
    if low is None or high is None:
        return None
    if low > high:
        r.error(path, f"low {format_number(low)} is above high {format_number(high)}")
        return None
    return (low, high)


def read_metric_binding(r: Reader, value: Any, path: str) -> MetricBinding | None:
    """A metric id, or {id, where?, window?, grain?}; the id is resolved against the metrics file later."""
    if value is None:
        return None
    if type(value) is str:
        return r.ident(value, path)
    d = r.mapping(value, path, allowed=METRIC_KEYS, required=("id",))
    if d is None:
        return None
    ident = r.ident(d["id"], f"{path}.id")
    binding: dict[str, Any] = {"id": ident}
    if "where" in d:
        where = d["where"]
        if type(where) is not dict or not all(type(k) is str and type(v) is str for k, v in where.items()):
            r.error(f"{path}.where", "expected a mapping of dimension to a text value")
        elif not [k for k, v in where.items() if r.storable(f"{k}={v}", f"{path}.where") is None]:
            binding["where"] = dict(where)
    if "window" in d:
        binding["window"] = r.choice(d["window"], f"{path}.window", METRIC_WINDOWS)
    if "grain" in d:
        binding["grain"] = r.choice(d["grain"], f"{path}.grain", METRIC_GRAINS)
    return binding if ident and None not in binding.values() else None


def read_measurements(r: Reader, value: Any, path: str) -> list[Measurement]:
    result: list[Measurement] = []
    seen: dict[Any, int] = {}
    for j, item in enumerate(r.items(value, path)):
        item_path = f"{path}[{j}]"
        d = r.mapping(item, item_path, allowed=MEASUREMENT_KEYS, required=("date", "value"))
        if d is None:
            continue
        day = r.day(d["date"], f"{item_path}.date")
        number = r.number(d["value"], f"{item_path}.value")
        source = r.text(d.get("source"), f"{item_path}.source", optional=True)
        if day is None or number is None:
            continue
        if day in seen:
            r.error(f"{item_path}.date", f"a second measurement on {day.isoformat()} (first at {path}[{seen[day]}])")
            continue
        seen[day] = j
        result.append(Measurement(date=day, value=number, source=source))
    return result


def read_check_ins(r: Reader, value: Any, path: str) -> list[CheckIn]:
    result: list[CheckIn] = []
    for j, item in enumerate(r.items(value, path)):
        item_path = f"{path}[{j}]"
        d = r.mapping(item, item_path, allowed=CHECK_IN_KEYS, required=("date", "confidence"))
        if d is None:
            continue
        day = r.day(d["date"], f"{item_path}.date")
        confidence = r.integer(d["confidence"], f"{item_path}.confidence", low=0, high=10)
        by = r.ref(d.get("by"), f"{item_path}.by", optional=True)
        note = r.text(d.get("note"), f"{item_path}.note", optional=True, long=True)
        if day is not None and confidence is not None:
            result.append(CheckIn(date=day, confidence=confidence, by=by, note=note))
    return result


def read_kpis(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "kpis")):
        path = f"kpis[{i}]"
        d = r.mapping(item, path, allowed=KPI_KEYS, required=("id", "name", "owner", "better", "green", "red"))
        if d is None:
            continue
        better = r.choice(d["better"], f"{path}.better", BETTER)
        green, red = r.number(d["green"], f"{path}.green"), r.number(d["red"], f"{path}.red")
        if better and green is not None and red is not None and _contradicts(better, green, red):
            relation = "above" if better == "higher" else "below"
            r.error(
                f"{path}.green",
                f"with better {better}, green ({format_number(green)}) must be {relation} red ({format_number(red)})",
            )
        kpi = KPI(
            id=r.ident(d["id"], f"{path}.id") or "",
            name=r.text(d["name"], f"{path}.name") or "",
            owner=r.ref(d["owner"], f"{path}.owner") or "",
            better=better or "",
            green=green if green is not None else 0.0,
            red=red if red is not None else 0.0,
            unit=r.text(d.get("unit"), f"{path}.unit", optional=True),
            touchpoint=r.ref(d.get("touchpoint"), f"{path}.touchpoint", optional=True),
            metric=read_metric_binding(r, d.get("metric"), f"{path}.metric"),
            measurements=read_measurements(r, d.get("measurements"), f"{path}.measurements"),
        )
        if kpi.id and kpi.name and kpi.owner and kpi.better:
            result.append((i, kpi))
    return result


def _contradicts(better: str, green: float, red: float) -> bool:
    """Thresholds that put green on the worse side of red."""
    return green <= red if better == "higher" else green >= red
