"""Section readers for the target design: tasks, dependencies, competencies, touchpoints."""

from __future__ import annotations

from typing import Any

from lodestar.lib.model import Competency, Dependency, Task, Touchpoint
from lodestar.lib.vocabulary import DEPENDENCY_KINDS, JOURNEY_STAGES, TASK_CHANGES, TASK_DELIVERIES
from lodestar.modelfile.reader import Reader
from lodestar.modelfile.sections.common import (
    COMPETENCY_KEYS,
    DEPENDENCY_KEYS,
    TASK_KEYS,
    TOUCHPOINT_KEYS,
    Indexed,
    or_minus,
)


def read_tasks(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "tasks")):
        path = f"tasks[{i}]"
        d = r.mapping(item, path, allowed=TASK_KEYS, required=("id", "name", "change", "delivery", "responsible"))
        if d is None:
            continue
        if d["responsible"] is None:
            r.error(f"{path}.responsible", "expected a list of unit ids (it may be empty: [])")
        task = Task(
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
        dependency = Dependency(
            from_unit=r.ref(d["from"], f"{path}.from") or "",
            to_unit=r.ref(d["to"], f"{path}.to") or "",
            about=r.text(d["about"], f"{path}.about") or "",
            kind=r.choice(d["kind"], f"{path}.kind", DEPENDENCY_KINDS) or "",
            now=or_minus(r.integer(d["now"], f"{path}.now", low=0, high=5)),
            target=or_minus(r.integer(d["target"], f"{path}.target", low=0, high=5)),
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
        competency = Competency(
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
        touchpoint = Touchpoint(
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
