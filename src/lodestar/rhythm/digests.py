"""The weekly digest of the units a person leads: status changes, low confidence, due check-ins, goals off track.

Pure: the account emails and the digests already sent come in as plain values.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Goal, KeyResult, Model, Person
from lodestar.lib.vocabulary import LOW_CONFIDENCE
from lodestar.rhythm.due import due_key_results
from lodestar.rhythm.reminders import email_of
from lodestar.scoring.report import StatusReport, score_model

# A digest compares the status of each goal with its status a week earlier.
WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class StatusChange:
    goal: Goal
    before: str
    now: str


@dataclass(slots=True)
class DigestContent:
    """What a digest of some units says as of a day; every list in the order of the model file."""

    as_of: date
    units: list[str]
    status_changes: list[StatusChange]
    low_confidence: list[tuple[Goal, KeyResult]]
    due: list[tuple[Goal, KeyResult]]
    off_track: list[Goal]

    @property
    def empty(self) -> bool:
        return not (self.status_changes or self.low_confidence or self.due or self.off_track)


@dataclass(slots=True)
class Digest:
    person: Person
    email: str
    week: date  # the Monday of the ISO week of `as_of`
    content: DigestContent


@dataclass(frozen=True, slots=True)
class Scores:
    """The status of every goal as of a day and a week earlier: computed once, for every digest of a run."""

    now: StatusReport
    before: StatusReport

    @classmethod
    def of(cls, model: Model, as_of: date) -> Scores:
        return cls(now=score_model(model, as_of), before=score_model(model, as_of - WEEK))


def confidence_window_start(as_of: date) -> date:
    """The first day of the week a low-confidence check-in counts in: `as_of` − 6 days."""
    return as_of - WEEK + timedelta(days=1)


def iso_week_start(day: date) -> date:
    """The Monday of the ISO week (Monday to Sunday) that holds `day`."""
    return day - timedelta(days=day.weekday())


def digest_content(index: ModelIndex, units: list[str], as_of: date, scores: Scores) -> DigestContent:
    """The digest of `units` and every unit below them ("the covered units") as of `as_of`."""
    owners: set[str] = set()
    for unit in units:
        owners |= index.owners_below(unit)
    covered = [goal for goal in index.model.goals if goal.owner in owners]
    current = [goal for goal in covered if index.is_current(goal, as_of)]
    now = {score.id: score.status for score in scores.now.goals}
    before = {score.id: score.status for score in scores.before.goals}
    week_start = confidence_window_start(as_of)
    return DigestContent(
        as_of=as_of,
        units=list(units),
        status_changes=[
            StatusChange(goal, before[goal.id], now[goal.id])
            for goal in current
            if now[goal.id] != before[goal.id] and before[goal.id] != "not_started"
        ],
        low_confidence=[
            (goal, kr)
            for goal in current
            for kr in goal.key_results
            if any(week_start <= c.date <= as_of and c.confidence <= LOW_CONFIDENCE for c in kr.check_ins)
        ],
        due=[(item.goal, item.key_result) for item in due_key_results(index, as_of, covered)],
        off_track=[goal for goal in current if now[goal.id] == "off_track"],
    )


def plan_digests(
    model: Model, as_of: date, *, accounts: Mapping[str, str], sent: Collection[tuple[str, date]]
) -> list[Digest]:
    """The digests a run as of `as_of` sends, people sorted by id.

    Every person who leads a unit inside the mission's scope (without a mission, the whole
    tree), has an email and has not turned reminders off gets one, unless all its lists are
    empty or one was sent to them in the same ISO week (`sent`: person id, week's Monday).
    """
    index = ModelIndex(model)
    scope = index.scope
    inside = index.below(scope) if scope is not None else frozenset()
    led: dict[str, list[str]] = {}
    for unit in model.units:
        if unit.lead is not None and unit.id in inside:
            led.setdefault(unit.lead, []).append(unit.id)
    week = iso_week_start(as_of)
    scores: Scores | None = None
    digests = []
    for person_id in sorted(led):
        person = index.people.get(person_id)
        email = email_of(person, accounts) if person is not None else None
        if person is None or email is None or not person.wants_reminders or (person_id, week) in sent:
            continue
        scores = scores or Scores.of(model, as_of)
        content = digest_content(index, led[person_id], as_of, scores)
        if not content.empty:
            digests.append(Digest(person=person, email=email, week=week, content=content))
    return digests


def content_json(content: DigestContent) -> dict[str, Any]:
    """A digest's lists as ids: the JSON of `lodestar digest --format json`, without the person."""
    return {
        "units": list(content.units),
        "status_changes": [
            {"goal": change.goal.id, "from": change.before, "to": change.now} for change in content.status_changes
        ],
        "low_confidence": [kr.id for _, kr in content.low_confidence],
        "due": [kr.id for _, kr in content.due],
        "off_track": [goal.id for goal in content.off_track],
    }


def digests_json(as_of: date, digests: list[Digest]) -> dict[str, Any]:
    """`lodestar digest --format json`: the digests sent (or, in a dry run, to send)."""
    return {
        "as_of": as_of.isoformat(),
        "digests": [
            {"person": digest.person.id, "email": digest.email, **content_json(digest.content)} for digest in digests
        ],
    }
