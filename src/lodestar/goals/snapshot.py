"""The goal system as of a date: the model, its scores and the indexes pages need.

Reading the whole model is a fixed number of queries however large the organization is, and a
snapshot is built once per revision of the stored model and date (`snapshot_cache.py`), so a
request usually reads one row. A snapshot is shared by every request of its revision: read it,
never change it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from lodestar.checks.rules import Finding, run_checks
from lodestar.goals.snapshot_cache import cached_snapshot
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Goal, KeyResult, Model, Period, Person, Unit
from lodestar.scoring.report import GoalScore, KeyResultScore, StatusReport, score_model
from lodestar.store.load import load_model

MAX_CHAINS = 12


@dataclass(slots=True)
class Snapshot:
    as_of: date
    model: Model
    report: StatusReport
    goal_versions: dict[str, int]
    kr_versions: dict[str, int]
    goals: dict[str, Goal] = field(default_factory=dict)
    goal_scores: dict[str, GoalScore] = field(default_factory=dict)
    kr_scores: dict[str, KeyResultScore] = field(default_factory=dict)
    key_results: dict[str, tuple[Goal, KeyResult]] = field(default_factory=dict)
    # A goal's contributing goals with their weights: the links that count, and the proposed ones.
    contributors: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    proposals: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    index: ModelIndex = field(init=False)
    _findings: list[Finding] | None = None

    def __post_init__(self) -> None:
        model = self.model
        self.goals = {goal.id: goal for goal in model.goals}
        self.goal_scores = {score.id: score for score in self.report.goals}
        self.kr_scores = {kr.id: kr for kr in self.report.key_results}
        self.key_results = {kr.id: (goal, kr) for goal in model.goals for kr in goal.key_results}
        contributors: dict[str, list[tuple[str, float]]] = defaultdict(list)
        proposals: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for goal in model.goals:
            for contribution in goal.contributes_to:
                links = proposals if contribution.proposed else contributors
                links[contribution.goal].append((goal.id, contribution.effective_weight))
        self.contributors = dict(contributors)
        self.proposals = dict(proposals)
        self.index = ModelIndex(model)

    @property
    def periods(self) -> dict[str, Period]:
        return self.index.periods

    @property
    def units(self) -> dict[str, Unit]:
        return self.index.units

    @property
    def people(self) -> dict[str, Person]:
        return self.index.people

    def owner_name(self, owner: str) -> str:
        return self.index.name(owner)

    def top_level(self) -> list[Goal]:
        """Goals derived from the mission directly (they contribute to no goal; a proposed link does not count yet)."""
        return [goal for goal in self.model.goals if not goal.counted_contributions]

    def chains(self, goal_id: str) -> list[list[str]]:
        """Every path from the goal up to a top-level goal (the first few when there are many)."""
        found: list[list[str]] = []
        pending: list[list[str]] = [[goal_id]]
        while pending and len(found) < MAX_CHAINS:
            path = pending.pop()
            parents = [c.goal for c in self.goals[path[-1]].counted_contributions if c.goal not in path]
            if not parents:
                found.append(path)
            pending.extend([*path, parent] for parent in reversed(parents))
        return found

    def owners_of_unit(self, unit_id: str) -> set[str]:
        """The unit, every unit below it and the people in them."""
        return set(self.index.owners_below(unit_id))

    def goals_owned_by(self, owners: set[str] | frozenset[str]) -> list[Goal]:
        return [goal for goal in self.model.goals if goal.owner in owners]

    def status_counts(self, goals: list[Goal] | None = None) -> Counter[str]:
        wanted = self.model.goals if goals is None else goals
        return Counter(self.goal_scores[goal.id].status for goal in wanted)

    def is_current(self, goal: Goal) -> bool:
        return self.index.is_current(goal, self.as_of)

    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = run_checks(self.model, self.as_of)
        return self._findings


def take_snapshot(*, as_of: date) -> Snapshot:
    """The stored model scored as of `as_of`, cached per revision. Raises NotFound before the first import."""
    return cached_snapshot(as_of, lambda: build_snapshot(as_of=as_of))


def build_snapshot(*, as_of: date) -> Snapshot:
    """The stored model read and scored as of `as_of`, now. Raises NotFound before the first import."""
    model = load_model()
    return Snapshot(
        as_of=as_of,
        model=model,
        report=score_model(model, as_of),
        goal_versions={goal.id: goal.version or 1 for goal in model.goals},
        kr_versions={kr.id: kr.version or 1 for goal in model.goals for kr in goal.key_results},
    )
