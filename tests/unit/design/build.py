"""Small hand-built models for the design analyses: a company, marketing & sales `ms` and what a test adds."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from lodestar.lib.model import Mission, Model, Organization, Person, Task, Unit


def unit(id: str, kind: str = "department", parent: str | None = "ms", **more: Any) -> Unit:
    return Unit(id=id, name=id.replace("-", " ").title(), kind=kind, parent=parent, **more)


def person(id: str, unit: str, **levels: int) -> Person:
    return Person(id=id, name=id.title(), unit=unit, competencies={k.replace("_", "-"): v for k, v in levels.items()})


def task(id: str, change: str = "keep", delivery: str = "central", **more: Any) -> Task:
    more.setdefault("responsible", [])
    return Task(id=id, name=id.replace("-", " ").capitalize(), change=change, delivery=delivery, **more)


BASE_UNITS = (unit("company", "company", parent=None), unit("ms", "area", parent="company"))


def model(*units: Unit, mission: bool = True, **sections: Any) -> Model:
    """The company and `ms` (the mission's scope), then `units` and the given sections."""
    return Model(
        organization=Organization(name="Example"),
        units=[*(replace(u) for u in BASE_UNITS), *units],
        mission=Mission(statement="We help.", scope="ms") if mission else None,
        **sections,
    )


def empty_model() -> Model:
    """Nothing but a root unit."""
    return Model(organization=Organization(name="Empty"), units=[unit("company", "company", parent=None)])
