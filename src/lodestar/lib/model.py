"""The organization model as plain typed values: what a model file holds, without Django.

Optional keys that were absent in the file are None (or empty collections), so that an
export writes back exactly what was given.

An entity loaded from the database also carries where it is stored: its `version` (which a
change must name, so that a stale one is refused) and, for entities without an id of their
own, its `row` id. Both are None for an entity read from a file; neither is part of the file,
and neither takes part in comparing entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from lodestar.lib.surveys import Survey
from lodestar.lib.vocabulary import MILESTONE_RANGE

if TYPE_CHECKING:
    from lodestar.lib.scenario import Scenario

MetricBinding = str | dict[str, Any]


@dataclass(slots=True)
class Organization:
    name: str
    industry: str | None = None
    currency: str = "EUR"


@dataclass(slots=True)
class Location:
    id: str
    name: str


@dataclass(slots=True)
class Cadence:
    """How often a unit checks in: `every` week, two_weeks or month, on `day` (a weekday, or 1-28 for month)."""

    every: str
    day: str | int


@dataclass(slots=True)
class Unit:
    id: str
    name: str
    kind: str
    parent: str | None = None
    location: str | None = None
    lead: str | None = None
    core: bool | None = None
    purpose: str | None = None
    cadence: Cadence | None = None
    version: int | None = field(default=None, compare=False, repr=False)

    @property
    def is_core(self) -> bool:
        return self.core is not False


@dataclass(slots=True)
class Person:
    id: str
    name: str
    unit: str
    email: str | None = None
    position: str | None = None
    competencies: dict[str, int] = field(default_factory=dict)
    reminders: bool | None = None  # None: not given, which means true

    @property
    def wants_reminders(self) -> bool:
        return self.reminders is not False


@dataclass(slots=True)
class Mission:
    statement: str
    scope: str
    adopted: date | None = None
    principles: list[str] = field(default_factory=list)
    version: int | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class RoleState:
    """Decision rights (area -> level name) and the sales alignment, as-is or target."""

    decision_rights: dict[str, str]
    sales_alignment: str


@dataclass(slots=True)
class RoleProfile:
    unit: str
    as_is: RoleState
    target: RoleState
    toward: str | None = None
    horizon: int | None = None
    rationale: str | None = None
    row: int | None = field(default=None, compare=False, repr=False)
    version: int | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class VisionAnswer:
    question: str
    status: str
    scope: str | None = None
    toward: str | None = None
    answer: str | None = None
    owner: str | None = None
    row: int | None = field(default=None, compare=False, repr=False)
    version: int | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class Task:
    id: str
    name: str
    change: str
    delivery: str
    responsible: list[str] = field(default_factory=list)
    accountable: str | None = None
    consulted: list[str] = field(default_factory=list)
    informed: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    toward: list[str] = field(default_factory=list)
    competencies: dict[str, int] = field(default_factory=dict)
    version: int | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class Dependency:
    from_unit: str
    to_unit: str
    about: str
    kind: str
    now: int
    target: int
    row: int | None = field(default=None, compare=False, repr=False)
    version: int | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class Competency:
    id: str
    name: str
    category: str | None = None
    required: dict[str, int] = field(default_factory=dict)
    version: int | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class Touchpoint:
    id: str
    name: str
    stage: str
    channel: str
    owner: str
    contributors: list[str] = field(default_factory=list)
    version: int | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class Period:
    id: str
    start: date
    end: date


@dataclass(slots=True)
class Contribution:
    """A link from a goal to a goal it contributes to (`goal`).

    A `proposed` link waits for the consent of someone who may edit the parent goal: it is
    shown, and it may not close a cycle, but it counts in no score and no health check.
    """

    goal: str
    weight: float | None = None
    proposed: bool = False

    @property
    def effective_weight(self) -> float:
        return 1.0 if self.weight is None else self.weight


@dataclass(slots=True)
class Measurement:
    date: date
    value: float
    source: str | None = None
    # A key result's measurements can be corrected by hand, so they carry where they are stored; a KPI's do not.
    row: int | None = field(default=None, compare=False, repr=False)
    version: int | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class CheckIn:
    date: date
    confidence: int
    by: str | None = None
    note: str | None = None


@dataclass(slots=True)
class KeyResult:
    id: str
    title: str
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    direction: str | None = None
    range: tuple[float, float] | None = None
    weight: float | None = None
    metric: MetricBinding | None = None
    owner: str | None = None  # the person who checks in on it
    measurements: list[Measurement] = field(default_factory=list)
    check_ins: list[CheckIn] = field(default_factory=list)
    version: int | None = field(default=None, compare=False, repr=False)

    @property
    def effective_direction(self) -> str | None:
        """The given direction, or the one inferred from baseline and target (None for a draft)."""
        if self.direction is not None:
            return self.direction
        if self.baseline is None or self.target is None or self.target == self.baseline:
            return None
        return "increase" if self.target > self.baseline else "decrease"

    @property
    def effective_weight(self) -> float:
        return 1.0 if self.weight is None else self.weight

    @property
    def is_milestone(self) -> bool:
        """Done or not done: a `range` of [1, 1] (see `vocabulary.MILESTONE_RANGE`)."""
        return self.direction == "range" and self.range == MILESTONE_RANGE


@dataclass(slots=True)
class Closing:
    """A goal's grading: closed on `date` with a final `score` in [0, 1]."""

    date: date
    score: float
    note: str | None = None


@dataclass(slots=True)
class Goal:
    id: str
    title: str
    owner: str
    period: str
    contributes_to: list[Contribution] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)
    key_results: list[KeyResult] = field(default_factory=list)
    description: str | None = None
    closed: Closing | None = None
    carried_from: str | None = None
    version: int | None = field(default=None, compare=False, repr=False)

    @property
    def counted_contributions(self) -> list[Contribution]:
        """The links that count in the parents' progress: all but the proposed ones."""
        return [c for c in self.contributes_to if not c.proposed]

    @property
    def proposed_contributions(self) -> list[Contribution]:
        """The links waiting for the consent of someone who may edit the parent goal."""
        return [c for c in self.contributes_to if c.proposed]

    def closed_as_of(self, as_of: date) -> Closing | None:
        """The closing, once its date has come (`closed.date` <= `as_of`); before that, none."""
        return self.closed if self.closed is not None and self.closed.date <= as_of else None


@dataclass(slots=True)
class KPI:
    id: str
    name: str
    owner: str
    better: str
    green: float
    red: float
    unit: str | None = None
    touchpoint: str | None = None
    metric: MetricBinding | None = None
    measurements: list[Measurement] = field(default_factory=list)


@dataclass(slots=True)
class Model:
    """A whole organization model, in file order."""

    organization: Organization
    units: list[Unit]
    locations: list[Location] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    mission: Mission | None = None
    role_profiles: list[RoleProfile] = field(default_factory=list)
    vision: list[VisionAnswer] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    dependencies: list[Dependency] = field(default_factory=list)
    competencies: list[Competency] = field(default_factory=list)
    touchpoints: list[Touchpoint] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    kpis: list[KPI] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)  # alternatives, see lib/scenario.py
    surveys: list[Survey] = field(default_factory=list)
    # The file's `revision`: which exported state it was made from. It says where the model
    # came from, not what it holds, so it takes no part in comparing models.
    revision: str | None = field(default=None, compare=False, repr=False)

    def root_unit(self) -> Unit | None:
        return next((unit for unit in self.units if unit.parent is None), None)

    def mission_scope(self) -> str | None:
        """The unit the mission belongs to; without a mission, the root unit."""
        if self.mission is not None:
            return self.mission.scope
        root = self.root_unit()
        return root.id if root else None
