"""The goals a goal may contribute to, as the parent picker offers them: those matching a search, likeliest first.

The likeliest parents are the goals of the owner's unit (a person's: their unit) and of the units
above it, in the goal's own period or one that encloses it, nearest unit first and the own period
before an enclosing one. Every other match follows, in model order. Without an owner the period
alone decides; without a period, the units alone; without either, model order. A search matches
the text anywhere in a goal's title or id, ignoring case, and only the first `limit` are returned,
so that the picker stays small however many goals there are.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Goal, Period

PARENT_CHOICES = 20


@dataclass(frozen=True, slots=True)
class ParentChoice:
    goal: Goal
    likely: bool  # of the owner's unit or a unit above it, in the same or an enclosing period


def units_up(index: ModelIndex, owner: str | None) -> list[str]:
    """The owner's unit and every unit above it, nearest first (empty for an unknown owner)."""
    unit = index.owner_unit(owner) if owner else None
    chain: list[str] = []
    while unit is not None and unit in index.units and unit not in chain:
        chain.append(unit)
        unit = index.units[unit].parent
    return chain


def _encloses(outer: Period, inner: Period) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def parent_choices(
    index: ModelIndex,
    *,
    owner: str | None,
    period: str | None,
    query: str = "",
    exclude: frozenset[str] = frozenset(),
    limit: int = PARENT_CHOICES,
) -> list[ParentChoice]:
    """The first `limit` goals matching `query` that a goal of `owner` in `period` may contribute to, likeliest first."""
    distance = {unit: position for position, unit in enumerate(units_up(index, owner))}
    own = index.periods.get(period) if period else None
    wanted = query.strip().casefold()
    ranked: list[tuple[tuple[int, int, int, int], Goal]] = []
    for position, goal in enumerate(index.model.goals):
        if goal.id in exclude or (wanted and wanted not in goal.title.casefold() and wanted not in goal.id):
            continue
        goal_period = index.periods.get(goal.period)
        in_period = own is None or (goal_period is not None and _encloses(goal_period, own))
        in_units = owner is None or goal.owner in distance
        if in_period and in_units and (own is not None or owner is not None):
            same = 0 if own is None or goal.period == own.id else 1
            ranked.append(((0, distance.get(goal.owner, 0), same, position), goal))
        else:
            ranked.append(((1, 0, 0, position), goal))
    best = heapq.nsmallest(limit, ranked, key=lambda item: item[0])
    return [ParentChoice(goal=goal, likely=key[0] == 0) for key, goal in best]
