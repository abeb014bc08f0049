"""Validate one entity of the purpose and design sections with the import's own readers.

The pages and the API send entities in the model file's format; `sections.py` reads them and
`references.py` checks their references against the stored model, so a value the import
refuses is refused everywhere, with the same message. Paths are relative to the entity
(`responsible[1]`, `as_is.decision_rights.pricing`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from lodestar.lib.errors import Invalid
from lodestar.lib.model import Competency, Dependency, Mission, Model, RoleProfile, Task, Touchpoint, VisionAnswer
from lodestar.modelfile import references as refs
from lodestar.modelfile import sections
from lodestar.modelfile.reader import Issue, Reader

_Entity = TypeVar("_Entity")


class InvalidEntity(Invalid):
    """One entity has errors; `issues` holds (field path, message) pairs."""

    def __init__(self, what: str, issues: list[Issue]) -> None:
        count = len(issues)
        super().__init__(f"{count} error{'s' if count != 1 else ''} in the {what}")
        self.issues = [(issue.path, issue.message) for issue in issues]


def relative_issues(issues: list[Issue], prefix: str) -> list[Issue]:
    """The issues with paths relative to the entity: `tasks[0].name` becomes `name`."""
    pattern = re.compile(rf"^{re.escape(prefix)}(\[0\])?\.?")
    return [Issue(pattern.sub("", issue.path, count=1), issue.message) for issue in issues]


def raise_if_issues(r: Reader, prefix: str, what: str) -> None:
    """Raise InvalidEntity with the reader's issues, relative to the entity, if there are any."""
    if r.issues:
        raise InvalidEntity(what, relative_issues(r.issues, prefix))


def _ids(r: Reader, model: Model) -> refs.Ids:
    ids = refs.Ids(r)
    ids.units = {unit.id: unit for unit in model.units}
    ids.people = {person.id for person in model.people}
    ids.locations = {location.id for location in model.locations}
    ids.competencies = {competency.id for competency in model.competencies}
    ids.tasks = {task.id for task in model.tasks}
    ids.touchpoints = {touchpoint.id for touchpoint in model.touchpoints}
    return ids


def _read_one(
    document: Any,
    *,
    model: Model,
    section: str,
    what: str,
    kind: type[_Entity],
    read: Callable[[Reader, Any], sections.Indexed],
    check: Callable[[refs.Ids, sections.Indexed], None],
    extra: Callable[[Reader, _Entity], None] | None = None,
) -> _Entity:
    r = Reader()
    found = read(r, [document])
    raise_if_issues(r, section, what)
    entity: _Entity = found[0][1]
    check(_ids(r, model), [(0, entity)])
    if extra is not None:
        extra(r, entity)
    raise_if_issues(r, section, what)
    return entity


def _free_id(kind: str, taken: set[str], replacing: str | None) -> Callable[[Reader, Any], None]:
    def check(r: Reader, entity: Any) -> None:
        if entity.id != replacing and entity.id in taken:
            r.error("x[0].id", f"a {kind} {entity.id!r} exists already")

    return check


def read_mission(document: Any, *, model: Model) -> Mission:
    """The mission `{statement, scope, adopted?, principles?}`. Raises InvalidEntity."""
    r = Reader()
    if document is None:
        r.error("mission", "expected a mapping")
    mission = sections.read_mission(r, document)
    raise_if_issues(r, "mission", "mission")
    if mission is None:
        raise InvalidEntity("mission", [Issue("", "expected a mapping with statement and scope")])
    refs.check_mission(_ids(r, model), mission)
    raise_if_issues(r, "mission", "mission")
    return mission


def read_vision_answer(document: Any, *, model: Model, replacing: VisionAnswer | None = None) -> VisionAnswer:
    """An answer to one of the eight questions, the only one for its question, scope and toward."""
    scope = model.mission_scope()

    def unique(r: Reader, answer: VisionAnswer) -> None:
        key = (answer.question, answer.scope or scope, answer.toward)
        for other in model.vision:
            if other is not replacing and (other.question, other.scope or scope, other.toward) == key:
                r.error("vision[0].question", f"{answer.question!r} has an answer for this scope and business unit")

    return _read_one(
        document,
        model=model,
        section="vision",
        what="vision answer",
        kind=VisionAnswer,
        read=sections.read_vision,
        check=lambda ids, found: refs.check_vision(ids, found, scope),
        extra=unique,
    )


def read_role_profile(document: Any, *, model: Model, replacing: RoleProfile | None = None) -> RoleProfile:
    """A role profile, the only one for its unit and `toward`."""

    def unique(r: Reader, profile: RoleProfile) -> None:
        for other in model.role_profiles:
            if other is not replacing and (other.unit, other.toward) == (profile.unit, profile.toward):
                toward = f" toward {profile.toward!r}" if profile.toward else ""
                r.error("role_profiles[0].unit", f"{profile.unit!r} has a role profile{toward} already")

    return _read_one(
        document,
        model=model,
        section="role_profiles",
        what="role profile",
        kind=RoleProfile,
        read=sections.read_role_profiles,
        check=refs.check_role_profiles,
        extra=unique,
    )


def read_task(document: Any, *, model: Model, replacing: str | None = None) -> Task:
    """A task whose id is free (or is `replacing`)."""
    taken = {task.id for task in model.tasks}
    return _read_one(
        document,
        model=model,
        section="tasks",
        what="task",
        kind=Task,
        read=sections.read_tasks,
        check=refs.check_tasks,
        extra=_prefixed(_free_id("task", taken, replacing), "tasks"),
    )


def read_dependency(document: Any, *, model: Model) -> Dependency:
    """A dependency `{from, to, about, kind, now, target}` between known units."""
    return _read_one(
        document,
        model=model,
        section="dependencies",
        what="dependency",
        kind=Dependency,
        read=sections.read_dependencies,
        check=refs.check_dependencies,
    )


def read_competency(document: Any, *, model: Model, replacing: str | None = None) -> Competency:
    """A competency of the catalog with the levels units require."""
    taken = {competency.id for competency in model.competencies}
    return _read_one(
        document,
        model=model,
        section="competencies",
        what="competency",
        kind=Competency,
        read=sections.read_competencies,
        check=refs.check_competencies,
        extra=_prefixed(_free_id("competency", taken, replacing), "competencies"),
    )


def read_touchpoint(document: Any, *, model: Model, replacing: str | None = None) -> Touchpoint:
    """A customer touchpoint with its owner and contributors."""
    taken = {touchpoint.id for touchpoint in model.touchpoints}
    return _read_one(
        document,
        model=model,
        section="touchpoints",
        what="touchpoint",
        kind=Touchpoint,
        read=sections.read_touchpoints,
        check=refs.check_touchpoints,
        extra=_prefixed(_free_id("touchpoint", taken, replacing), "touchpoints"),
    )


def read_person_level(level: Any, *, model: Model, competency: str) -> int:
    """A person's level (0-5) in a competency of the catalog, read as a person's `competencies` are."""
    r = Reader()
    levels = r.levels({competency: level}, "people[0].competencies", low=0, high=5)
    _ids(r, model).member(competency, {c.id for c in model.competencies}, "competency", "people[0].competency")
    if r.issues:
        raise InvalidEntity("level", [Issue("level", issue.message) for issue in r.issues])
    return levels[competency]


def _prefixed(check: Callable[[Reader, Any], None], section: str) -> Callable[[Reader, Any], None]:
    """`check`, reporting at `<section>[0].…` instead of its placeholder section."""

    def wrapped(r: Reader, entity: Any) -> None:
        inner = Reader()
        check(inner, entity)
        for issue in inner.issues:
            r.error(issue.path.replace("x[0]", f"{section}[0]", 1), issue.message)

    return wrapped
