"""The goal system as of a date, read once per request: the model, its scores and the indexes pages need.

Reading the whole model is a fixed number of queries however large the organization is,
which keeps every page's query count constant.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from lodestar.checks.rules import Finding, run_checks
from lodestar.lib import model as m
from lodestar.lib.index import ModelIndex
from lodestar.scoring.report import GoalScore, KeyResultScore, StatusReport, score_model
from lodestar.store.load import load_model

MAX_CHAINS = 12


@dataclass(slots=True)
class Snapshot:
    as_of: date
    model: m.Model
    report: StatusReport
    goal_versions: dict[str, int]
    kr_versions: dict[str, int]
    goals: dict[str, m.Goal] = field(default_factory=dict)
    goal_scores: dict[str, GoalScore] = field(default_factory=dict)
    kr_scores: dict[str, KeyResultScore] = field(default_factory=dict)
    key_results: dict[str, tuple[m.Goal, m.KeyResult]] = field(default_factory=dict)
    contributors: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    periods: dict[str, m.Period] = field(default_factory=dict)
    units: dict[str, m.Unit] = field(default_factory=dict)
    people: dict[str, m.Person] = field(default_factory=dict)
    _findings: list[Finding] | None = None

    def __post_init__(self) -> None:
        model = self.model
        self.goals = {goal.id: goal for goal in model.goals}
        self.goal_scores = {score.id: score for score in self.report.goals}
        self.kr_scores = {kr.id: kr for kr in self.report.key_results}
        self.key_results = {kr.id: (goal, kr) for goal in model.goals for kr in goal.key_results}
        contributors: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for goal in model.goals:
            for contribution in goal.contributes_to:
                contributors[contribution.goal].append((goal.id, contribution.effective_weight))
        self.contributors = dict(contributors)
        self.periods = {period.id: period for period in model.periods}
        self.units = {unit.id: unit for unit in model.units}
        self.people = {person.id: person for person in model.people}

    def owner_name(self, owner: str) -> str:
        if owner in self.units:
            return self.units[owner].name
        if owner in self.people:
            return self.people[owner].name
        return owner

    def top_level(self) -> list[m.Goal]:
        """Goals derived from the mission directly (they contribute to no goal)."""
        return [goal for goal in self.model.goals if not goal.contributes_to]

    def chains(self, goal_id: str) -> list[list[str]]:
        """Every path from the goal up to a top-level goal (the first few when there are many)."""
        found: list[list[str]] = []
        pending: list[list[str]] = [[goal_id]]
        while pending and len(found) < MAX_CHAINS:
            path = pending.pop()
            parents = [c.goal for c in self.goals[path[-1]].contributes_to if c.goal not in path]
            if not parents:
                found.append(path)
            pending.extend([*path, parent] for parent in reversed(parents))
        return found

    def owners_of_unit(self, unit_id: str) -> set[str]:
        """The unit, every unit below it and the people in them."""
        return set(ModelIndex(self.model).owners_below(unit_id))

    def goals_owned_by(self, owners: set[str] | frozenset[str]) -> list[m.Goal]:
        return [goal for goal in self.model.goals if goal.owner in owners]

    def status_counts(self, goals: list[m.Goal] | None = None) -> Counter[str]:
        wanted = self.model.goals if goals is None else goals
        return Counter(self.goal_scores[goal.id].status for goal in wanted)

    def is_current(self, goal: m.Goal) -> bool:
        period = self.periods[goal.period]
        return period.start <= self.as_of <= period.end

    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = run_checks(self.model, self.as_of)
        return self._findings


def take_snapshot(*, as_of: date) -> Snapshot:
    """The stored model scored as of `as_of`. Raises NotFound before the first import."""
    model = load_model()
    return Snapshot(
        as_of=as_of,
        model=model,
        report=score_model(model, as_of),
        goal_versions={goal.id: goal.version or 1 for goal in model.goals},
        kr_versions={kr.id: kr.version or 1 for goal in model.goals for kr in goal.key_results},
    )
