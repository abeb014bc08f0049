"""A scenario: an alternative target organization, written as changes to the model (the base).

Its model is formed by `modelfile.scenario_model.form`; this module holds only the values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lodestar.lib.model import Competency, Dependency, Person, RoleProfile, Task, Touchpoint, Unit

# The id no scenario may take: it names the model itself in a comparison.
BASE_ID = "base"
# The sections a scenario may replace wholesale, in the order the file writes them.
REPLACEABLE = ("tasks", "dependencies", "competencies", "touchpoints", "role_profiles")


@dataclass(slots=True)
class Move:
    """In the scenario, `person` belongs to `unit`."""

    person: str
    unit: str


@dataclass(slots=True)
class Replacement:
    """The sections a scenario replaces; None keeps the base's (an empty list replaces it with nothing)."""

    tasks: list[Task] | None = None
    dependencies: list[Dependency] | None = None
    competencies: list[Competency] | None = None
    touchpoints: list[Touchpoint] | None = None
    role_profiles: list[RoleProfile] | None = None

    def named(self) -> list[str]:
        """The sections replaced, in file order."""
        return [name for name in REPLACEABLE if getattr(self, name) is not None]


@dataclass(slots=True)
class Scenario:
    id: str
    name: str
    description: str | None = None
    units: list[Unit] = field(default_factory=list)
    remove_units: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    remove_people: list[str] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    replace: Replacement = field(default_factory=Replacement)
    version: int | None = field(default=None, compare=False, repr=False)
