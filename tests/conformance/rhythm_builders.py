"""Builders for the rhythm's conformance tests: people with emails, key results checked in on given days.

Period `p` of `builders.organization()` runs from 2026-01-01 (a Thursday) to 2026-04-11.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from tests.conformance.builders import Doc, goal, key_result, organization, unit
from tests.conformance.conftest import SendAt

DOMAIN = "acme.example"


def email(person_id: str) -> str:
    return f"{person_id}@{DOMAIN}"


def someone(person_id: str, unit_id: str = "ms", **more: Any) -> Doc:
    """A person of `unit_id` with an email (`email=None` leaves it out)."""
    document: Doc = {"id": person_id, "name": person_id.title(), "unit": unit_id, "email": email(person_id), **more}
    return {key: value for key, value in document.items() if value is not None}


def checked(kr_id: str, *days: datetime.date, **more: Any) -> Doc:
    """A key result (0 to 100) with a check-in of confidence 7 on each of `days`."""
    if days:
        more["check_ins"] = [{"date": day, "confidence": 7} for day in days]
    return key_result(kr_id, **more)


def team(unit_id: str = "team", parent: str = "ms", cadence: Mapping[str, Any] | None = None, **more: Any) -> Doc:
    return unit(unit_id, "team", parent=parent, cadence=cadence, **more)


def one_key_result(
    *, cadence: Mapping[str, Any] | None, checked_on: tuple[datetime.date, ...] = (), **sections: Any
) -> Doc:
    """Lea, of the team `team` (with `cadence`), owns goal `g` with key result `kr` checked in on `checked_on`."""
    return organization(
        units=[team(cadence=cadence)],
        people=[someone("lea", "team")],
        goals=[goal("g", checked("kr", *checked_on), owner="lea")],
        **sections,
    )


def due_ids(result: Doc) -> list[str]:
    """Every due key result a remind run lists: in reminders or skipped."""
    listed = [kr for reminder in result["reminders"] for kr in reminder["key_results"]]
    return sorted([*listed, *(item["key_result"] for item in result["skipped"])])


def dry_run(remind: SendAt, as_of: datetime.date) -> Doc:
    return remind(as_of, "--dry-run").data
