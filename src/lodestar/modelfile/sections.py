"""Pass one of validation: each section of a model file read into typed values.

Types, enums, ranges and rules within one entity are checked here; references between
entities are checked in `references.py` once every id is known.
"""

from __future__ import annotations

from typing import Any

from lodestar.lib import model as m
from lodestar.lib.vocabulary import (
    BETTER,
    DECISION_AREAS,
    DECISION_LEVELS,
    DEPENDENCY_KINDS,
    DIRECTIONS,
    JOURNEY_STAGES,
    METRIC_GRAINS,
    METRIC_WINDOWS,
    SALES_ALIGNMENTS,
    TASK_CHANGES,
    TASK_DELIVERIES,
    UNIT_KINDS,
    VISION_QUESTIONS,
    VISION_STATUSES,
)
from lodestar.modelfile.reader import MISSING, Reader, format_number

Indexed = list[tuple[int, Any]]


def _keys(*names: str) -> frozenset[str]:
    return frozenset(names)


ORGANIZATION_KEYS = _keys("name", "industry", "currency")
LOCATION_KEYS = _keys("id", "name")
UNIT_KEYS = _keys("id", "name", "kind", "parent", "location", "lead", "core", "purpose")
PERSON_KEYS = _keys("id", "name", "unit", "email", "position", "competencies")
MISSION_KEYS = _keys("statement", "scope", "adopted", "principles")
ROLE_KEYS = _keys("unit", "toward", "horizon", "as_is", "target", "rationale")
ROLE_STATE_KEYS = _keys("decision_rights", "sales_alignment")
VISION_KEYS = _keys("question", "scope", "toward", "status", "answer", "owner")
TASK_KEYS = _keys(
    "id",
    "name",
    "change",
    "delivery",
    "responsible",
    "accountable",
    "consulted",
    "informed",
    "locations",
    "toward",
    "competencies",
)
DEPENDENCY_KEYS = _keys("from", "to", "about", "kind", "now", "target")
COMPETENCY_KEYS = _keys("id", "name", "category", "required")
TOUCHPOINT_KEYS = _keys("id", "name", "stage", "channel", "owner", "contributors")
PERIOD_KEYS = _keys("id", "start", "end")
GOAL_KEYS = _keys("id", "title", "owner", "period", "contributes_to", "tasks", "key_results", "description")
CONTRIBUTION_KEYS = _keys("goal", "weight")
KEY_RESULT_KEYS = _keys(
    "id",
    "title",
    "unit",
    "baseline",
    "target",
    "direction",
    "range",
    "weight",
    "metric",
    "measurements",
    "check_ins",
)
MEASUREMENT_KEYS = _keys("date", "value", "source")
CHECK_IN_KEYS = _keys("date", "by", "confidence", "note")
KPI_KEYS = _keys("id", "name", "owner", "unit", "touchpoint", "better", "green", "red", "metric", "measurements")
METRIC_KEYS = _keys("id", "where", "window", "grain")
CURRENCY_LENGTH = 3


def read_organization(r: Reader, value: Any) -> m.Organization:
    d = r.mapping(value, "organization", allowed=ORGANIZATION_KEYS, required=("name",))
    if d is None:
        return m.Organization(name="?")
    currency = d.get("currency", "EUR")
    if (
        type(currency) is not str
        or len(currency) != CURRENCY_LENGTH
        or not currency.isascii()
        or not currency.isupper()
    ):
        r.error("organization.currency", f"expected an ISO 4217 code such as EUR, got {_short(currency)}")
        currency = "EUR"
    return m.Organization(
        name=r.text(d["name"], "organization.name") or "?",
        industry=r.text(d.get("industry"), "organization.industry", optional=True),
        currency=currency,
    )


def read_locations(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "locations")):
        path = f"locations[{i}]"
        d = r.mapping(item, path, allowed=LOCATION_KEYS, required=("id", "name"))
        if d is None:
            continue
        ident, name = r.ident(d["id"], f"{path}.id"), r.text(d["name"], f"{path}.name")
        if ident and name:
            result.append((i, m.Location(id=ident, name=name)))
    return result


def read_units(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "units")):
        path = f"units[{i}]"
        d = r.mapping(item, path, allowed=UNIT_KEYS, required=("id", "name", "kind"))
        if d is None:
            continue
        unit = m.Unit(
            id=r.ident(d["id"], f"{path}.id") or "",
            name=r.text(d["name"], f"{path}.name") or "",
            kind=r.choice(d["kind"], f"{path}.kind", UNIT_KINDS) or "",
            parent=r.ref(d.get("parent"), f"{path}.parent", optional=True),
            location=r.ref(d.get("location"), f"{path}.location", optional=True),
            lead=r.ref(d.get("lead"), f"{path}.lead", optional=True),
            core=r.boolean(d.get("core"), f"{path}.core"),
            purpose=r.text(d.get("purpose"), f"{path}.purpose", optional=True),
        )
        if unit.core is not None and unit.kind and unit.kind != "business_unit":
            r.error(f"{path}.core", f"only business units have core; this unit is a {unit.kind}")
        # A parent that cannot be read must not make the unit a second root.
        if unit.id and unit.name and unit.kind and (unit.parent is not None or d.get("parent") is None):
            result.append((i, unit))
    return result


def read_people(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "people")):
        path = f"people[{i}]"
        d = r.mapping(item, path, allowed=PERSON_KEYS, required=("id", "name", "unit"))
        if d is None:
            continue
        person = m.Person(
            id=r.ident(d["id"], f"{path}.id") or "",
            name=r.text(d["name"], f"{path}.name") or "",
            unit=r.ref(d["unit"], f"{path}.unit") or "",
            email=r.text(d.get("email"), f"{path}.email", optional=True),
            position=r.text(d.get("position"), f"{path}.position", optional=True),
            competencies=r.levels(d.get("competencies"), f"{path}.competencies", low=0, high=5),
        )
        if person.email is not None and not _looks_like_email(person.email):
            r.error(f"{path}.email", f"{person.email!r} is not an email address")
        if person.id and person.name and person.unit:
            result.append((i, person))
    return result


def read_mission(r: Reader, value: Any) -> m.Mission | None:
    if value is None:
        return None
    d = r.mapping(value, "mission", allowed=MISSION_KEYS, required=("statement", "scope"))
    if d is None:
        return None
    principles = [
        text
        for j, item in enumerate(r.items(d.get("principles"), "mission.principles"))
        if (text := r.text(item, f"mission.principles[{j}]")) is not None
    ]
    statement = r.text(d["statement"], "mission.statement")
    scope = r.ref(d["scope"], "mission.scope")
    adopted = r.day(d.get("adopted"), "mission.adopted", optional=True)
    if statement is None or scope is None:
        return None
    return m.Mission(statement=statement, scope=scope, adopted=adopted, principles=principles)


def _role_state(r: Reader, value: Any, path: str) -> m.RoleState | None:
    d = r.mapping(value, path, allowed=ROLE_STATE_KEYS, required=("decision_rights", "sales_alignment"))
    if d is None:
        return None
    rights_path = f"{path}.decision_rights"
    rights: dict[str, str] = {}
    raw = d["decision_rights"]
    if raw is not None and raw is not MISSING and type(raw) is not dict:
        r.error(rights_path, "expected a mapping of decision area to level")
    for area, level in (raw or {}).items() if type(raw) is dict else ():
        if area not in DECISION_AREAS:
            r.error(f"{rights_path}.{area}", f"unknown decision area; expected one of {', '.join(DECISION_AREAS)}")
            continue
        checked = r.choice(level, f"{rights_path}.{area}", DECISION_LEVELS)
        if checked is not None:
            rights[area] = checked
    alignment = r.choice(d["sales_alignment"], f"{path}.sales_alignment", SALES_ALIGNMENTS)
    return m.RoleState(decision_rights=rights, sales_alignment=alignment) if alignment else None


def read_role_profiles(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "role_profiles")):
        path = f"role_profiles[{i}]"
        d = r.mapping(item, path, allowed=ROLE_KEYS, required=("unit", "as_is", "target"))
        if d is None:
            continue
        unit = r.ref(d["unit"], f"{path}.unit")
        as_is = _role_state(r, d["as_is"], f"{path}.as_is")
        target = _role_state(r, d["target"], f"{path}.target")
        profile_toward = r.ref(d.get("toward"), f"{path}.toward", optional=True)
        horizon = r.integer(d.get("horizon"), f"{path}.horizon", low=1900, high=2200, optional=True)
        rationale = r.text(d.get("rationale"), f"{path}.rationale", optional=True)
        if unit and as_is and target:
            result.append(
                (
                    i,
                    m.RoleProfile(
                        unit=unit,
                        as_is=as_is,
                        target=target,
                        toward=profile_toward,
                        horizon=horizon,
                        rationale=rationale,
                    ),
                )
            )
    return result


def read_vision(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "vision")):
        path = f"vision[{i}]"
        d = r.mapping(item, path, allowed=VISION_KEYS, required=("question", "status"))
        if d is None:
            continue
        answer = m.VisionAnswer(
            question=r.choice(d["question"], f"{path}.question", VISION_QUESTIONS) or "",
            status=r.choice(d["status"], f"{path}.status", VISION_STATUSES) or "",
            scope=r.ref(d.get("scope"), f"{path}.scope", optional=True),
            toward=r.ref(d.get("toward"), f"{path}.toward", optional=True),
            answer=r.text(d.get("answer"), f"{path}.answer", optional=True),
            owner=r.ref(d.get("owner"), f"{path}.owner", optional=True),
        )
        if answer.question and answer.status:
            result.append((i, answer))
    return result


def read_tasks(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "tasks")):
        path = f"tasks[{i}]"
        d = r.mapping(item, path, allowed=TASK_KEYS, required=("id", "name", "change", "delivery", "responsible"))
        if d is None:
            continue
        if d["responsible"] is None:
            r.error(f"{path}.responsible", "expected a list of unit ids (it may be empty: [])")
        task = m.Task(
            id=r.ident(d["id"], f"{path}.id") or "",
            name=r.text(d["name"], f"{path}.name") or "",
            change=r.choice(d["change"], f"{path}.change", TASK_CHANGES) or "",
            delivery=r.choice(d["delivery"], f"{path}.delivery", TASK_DELIVERIES) or "",
            responsible=r.refs(d["responsible"], f"{path}.responsible"),
            accountable=r.ref(d.get("accountable"), f"{path}.accountable", optional=True),
            consulted=r.refs(d.get("consulted"), f"{path}.consulted"),
            informed=r.refs(d.get("informed"), f"{path}.informed"),
            locations=r.refs(d.get("locations"), f"{path}.locations"),
            toward=r.refs(d.get("toward"), f"{path}.toward"),
            competencies=r.levels(d.get("competencies"), f"{path}.competencies", low=1, high=5),
        )
        if task.id and task.name and task.change and task.delivery:
            result.append((i, task))
    return result


def read_dependencies(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "dependencies")):
        path = f"dependencies[{i}]"
        d = r.mapping(item, path, allowed=DEPENDENCY_KEYS, required=tuple(sorted(DEPENDENCY_KEYS)))
        if d is None:
            continue
        dependency = m.Dependency(
            from_unit=r.ref(d["from"], f"{path}.from") or "",
            to_unit=r.ref(d["to"], f"{path}.to") or "",
            about=r.text(d["about"], f"{path}.about") or "",
            kind=r.choice(d["kind"], f"{path}.kind", DEPENDENCY_KINDS) or "",
            now=_or_minus(r.integer(d["now"], f"{path}.now", low=0, high=5)),
            target=_or_minus(r.integer(d["target"], f"{path}.target", low=0, high=5)),
        )
        if dependency.from_unit and dependency.from_unit == dependency.to_unit:
            r.error(f"{path}.to", f"a unit cannot depend on itself ({dependency.from_unit!r})")
            continue
        if (
            all((dependency.from_unit, dependency.to_unit, dependency.about, dependency.kind))
            and min(dependency.now, dependency.target) >= 0
        ):
            result.append((i, dependency))
    return result


def read_competencies(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "competencies")):
        path = f"competencies[{i}]"
        d = r.mapping(item, path, allowed=COMPETENCY_KEYS, required=("id", "name"))
        if d is None:
            continue
        competency = m.Competency(
            id=r.ident(d["id"], f"{path}.id") or "",
            name=r.text(d["name"], f"{path}.name") or "",
            category=r.text(d.get("category"), f"{path}.category", optional=True),
            required=r.levels(d.get("required"), f"{path}.required", low=1, high=5),
        )
        if competency.id and competency.name:
            result.append((i, competency))
    return result


def read_touchpoints(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "touchpoints")):
        path = f"touchpoints[{i}]"
        d = r.mapping(item, path, allowed=TOUCHPOINT_KEYS, required=("id", "name", "stage", "channel", "owner"))
        if d is None:
            continue
        touchpoint = m.Touchpoint(
            id=r.ident(d["id"], f"{path}.id") or "",
            name=r.text(d["name"], f"{path}.name") or "",
            stage=r.choice(d["stage"], f"{path}.stage", JOURNEY_STAGES) or "",
            channel=r.text(d["channel"], f"{path}.channel") or "",
            owner=r.ref(d["owner"], f"{path}.owner") or "",
            contributors=r.refs(d.get("contributors"), f"{path}.contributors"),
        )
        if all((touchpoint.id, touchpoint.name, touchpoint.stage, touchpoint.channel, touchpoint.owner)):
            result.append((i, touchpoint))
    return result


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
            result.append((i, m.Period(id=ident, start=start, end=end)))
    return result


def read_goals(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "goals")):
        path = f"goals[{i}]"
        d = r.mapping(item, path, allowed=GOAL_KEYS, required=("id", "title", "owner", "period"))
        if d is None:
            continue
        goal = m.Goal(
            id=r.ident(d["id"], f"{path}.id") or "",
            title=r.text(d["title"], f"{path}.title") or "",
            owner=r.ref(d["owner"], f"{path}.owner") or "",
            period=r.ref(d["period"], f"{path}.period") or "",
            contributes_to=_contributions(r, d.get("contributes_to"), f"{path}.contributes_to"),
            tasks=r.refs(d.get("tasks"), f"{path}.tasks"),
            key_results=read_key_results(r, d.get("key_results"), f"{path}.key_results"),
            description=r.text(d.get("description"), f"{path}.description", optional=True),
        )
        if goal.id and goal.title and goal.owner and goal.period:
            result.append((i, goal))
    return result


def _contributions(r: Reader, value: Any, path: str) -> list[m.Contribution]:
    result: list[m.Contribution] = []
    seen: set[str] = set()
    for j, item in enumerate(r.items(value, path)):
        item_path = f"{path}[{j}]"
        d = r.mapping(item, item_path, allowed=CONTRIBUTION_KEYS, required=("goal",))
        if d is None:
            continue
        parent = r.ref(d["goal"], f"{item_path}.goal")
        weight = r.positive(d.get("weight"), f"{item_path}.weight")
        if parent in seen:
            r.error(f"{item_path}.goal", f"contributes to {parent!r} twice")
        elif parent:
            seen.add(parent)
            result.append(m.Contribution(goal=parent, weight=weight))
    return result


def read_key_results(r: Reader, value: Any, path: str) -> list[m.KeyResult]:
    result: list[m.KeyResult] = []
    for j, item in enumerate(r.items(value, path)):
        kr_path = f"{path}[{j}]"
        d = r.mapping(item, kr_path, allowed=KEY_RESULT_KEYS, required=("id", "title"))
        if d is None:
            continue
        kr = m.KeyResult(
            id=r.ident(d["id"], f"{kr_path}.id") or "",
            title=r.text(d["title"], f"{kr_path}.title") or "",
            unit=r.text(d.get("unit"), f"{kr_path}.unit", optional=True),
            baseline=r.number(d.get("baseline"), f"{kr_path}.baseline", optional=True),
            target=r.number(d.get("target"), f"{kr_path}.target", optional=True),
            direction=r.choice(d.get("direction"), f"{kr_path}.direction", DIRECTIONS, optional=True),
            range=_range(r, d.get("range"), f"{kr_path}.range"),
            weight=r.positive(d.get("weight"), f"{kr_path}.weight"),
            metric=read_metric_binding(r, d.get("metric"), f"{kr_path}.metric"),
            measurements=read_measurements(r, d.get("measurements"), f"{kr_path}.measurements"),
            check_ins=read_check_ins(r, d.get("check_ins"), f"{kr_path}.check_ins"),
        )
        _check_direction(r, kr, d, kr_path)
        if kr.id and kr.title:
            result.append(kr)
    return result


def _check_direction(r: Reader, kr: m.KeyResult, d: dict[str, Any], path: str) -> None:
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


def read_metric_binding(r: Reader, value: Any, path: str) -> m.MetricBinding | None:
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
        else:
            binding["where"] = dict(where)
    if "window" in d:
        binding["window"] = r.choice(d["window"], f"{path}.window", METRIC_WINDOWS)
    if "grain" in d:
        binding["grain"] = r.choice(d["grain"], f"{path}.grain", METRIC_GRAINS)
    return binding if ident and None not in binding.values() else None


def read_measurements(r: Reader, value: Any, path: str) -> list[m.Measurement]:
    result: list[m.Measurement] = []
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
        result.append(m.Measurement(date=day, value=number, source=source))
    return result


def read_check_ins(r: Reader, value: Any, path: str) -> list[m.CheckIn]:
    result: list[m.CheckIn] = []
    for j, item in enumerate(r.items(value, path)):
        item_path = f"{path}[{j}]"
        d = r.mapping(item, item_path, allowed=CHECK_IN_KEYS, required=("date", "confidence"))
        if d is None:
            continue
        day = r.day(d["date"], f"{item_path}.date")
        confidence = r.integer(d["confidence"], f"{item_path}.confidence", low=0, high=10)
        by = r.ref(d.get("by"), f"{item_path}.by", optional=True)
        note = r.text(d.get("note"), f"{item_path}.note", optional=True)
        if day is not None and confidence is not None:
            result.append(m.CheckIn(date=day, confidence=confidence, by=by, note=note))
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
        kpi = m.KPI(
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


def _or_minus(value: int | None) -> int:
    return -1 if value is None else value


def _looks_like_email(value: str) -> bool:
    local, at, domain = value.partition("@")
    return bool(local and at and "." in domain and " " not in value and "@" not in domain)


def _short(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)
