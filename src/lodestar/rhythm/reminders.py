"""Which check-in reminders are due as of a day: one per person and cycle, and the key results no reminder covers.

Pure: the people's account emails and the reminders already sent come in as plain values.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model, Person
from lodestar.rhythm.due import DueKeyResult, due_key_results

# Why a due key result is in no reminder, in the order they are tested.
NO_OWNER = "no_owner"
OPTED_OUT = "opted_out"
NO_EMAIL = "no_email"


@dataclass(frozen=True, slots=True)
class Skipped:
    key_result: str
    reason: str


@dataclass(slots=True)
class Reminder:
    """One email: the person, where it goes, the cycle it is for and the due key results it lists."""

    person: Person
    email: str
    cycle_start: date
    due: list[DueKeyResult] = field(default_factory=list)

    @property
    def key_results(self) -> list[str]:
        return [item.key_result.id for item in self.due]


@dataclass(slots=True)
class ReminderPlan:
    as_of: date
    reminders: list[Reminder]
    skipped: list[Skipped]


def email_of(person: Person, accounts: Mapping[str, str]) -> str | None:
    """The person's email, else the email of the user account linked to them."""
    return person.email or accounts.get(person.id)


def plan_reminders(
    model: Model, as_of: date, *, accounts: Mapping[str, str], reminded: Collection[tuple[str, date]]
) -> ReminderPlan:
    """The reminders a run as of `as_of` sends, and the due key results none covers.

    `accounts` maps person ids to the email of their user account; `reminded` holds the
    (person id, cycle start) of every reminder sent already. A person's cycle is the latest
    cycle start of their due key results; one reminded in it is left out altogether.
    """
    index = ModelIndex(model)
    due = due_key_results(index, as_of)
    by_owner: dict[str, list[DueKeyResult]] = {}
    for item in due:
        if item.owner is not None:
            by_owner.setdefault(item.owner, []).append(item)
    cycles = {owner: max(item.cycle_start for item in items) for owner, items in by_owner.items()}
    reminders: dict[str, Reminder] = {}
    skipped: list[Skipped] = []
    for item in due:
        kr = item.key_result.id
        if item.owner is None:
            skipped.append(Skipped(kr, NO_OWNER))
            continue
        if (item.owner, cycles[item.owner]) in reminded:
            continue
        person = index.people[item.owner]
        email = email_of(person, accounts)
        if not person.wants_reminders:
            skipped.append(Skipped(kr, OPTED_OUT))
        elif email is None:
            skipped.append(Skipped(kr, NO_EMAIL))
        else:
            reminder = reminders.setdefault(person.id, Reminder(person, email, cycles[person.id]))
            reminder.due.append(item)
    return ReminderPlan(as_of=as_of, reminders=[reminders[key] for key in sorted(reminders)], skipped=skipped)


def reminders_json(plan: ReminderPlan, reminders: list[Reminder]) -> dict[str, Any]:
    """`lodestar remind --format json`: the reminders sent (or, in a dry run, to send) and the skipped key results."""
    return {
        "as_of": plan.as_of.isoformat(),
        "reminders": [
            {"person": reminder.person.id, "email": reminder.email, "key_results": reminder.key_results}
            for reminder in reminders
        ],
        "skipped": [{"key_result": item.key_result, "reason": item.reason} for item in plan.skipped],
    }
