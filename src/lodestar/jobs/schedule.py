"""When a scheduled job runs: a cron line in the local time zone, an interval in seconds, or off.

A schedule is read from a setting (`LODESTAR_SCHEDULE_METRICS="0 2 * * *"`), so this module
imports neither Django nor the apps. Matching a cron line is Huey's `crontab`, evaluated on
the wall-clock time of `LODESTAR_TIME_ZONE`, so that "Monday 08:00" stays 08:00 across the
change to and from summer time.

Every firing has a **slot**: a name for that one occurrence (`2026-03-02T08:00` for a cron
line, `every-5s:355612345` for an interval). The worker claims a slot in the database before
it runs the job, so that several workers, or one worker that looks twice within a minute, run
each occurrence once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from huey import crontab

OFF = "off"
# Cron's day-of-week names; Huey's crontab takes the numbers (0 or 7 is Sunday).
WEEKDAYS = {"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}
CRON_FIELDS = ("minute", "hour", "day", "month", "day_of_week")
UNIT_SECONDS = {"second": 1, "seconds": 1, "minute": 60, "minutes": 60, "hour": 3600, "hours": 3600}
EVERY = re.compile(r"every\s+(\d+)\s*(seconds?|minutes?|hours?)", re.IGNORECASE)
LONGEST_INTERVAL = 24 * 3600
# How often the worker looks at its schedules when none asks for a shorter interval: several times a
# minute, so that no minute is missed when a look comes late (the slot keeps it from running twice).
LOOK_EVERY = 10


class ScheduleError(ValueError):
    """The text is no schedule; the message says what is expected."""


@dataclass(frozen=True)
class Schedule:
    """One job's schedule as written in its setting."""

    text: str
    every_seconds: int | None = None
    cron: Callable[[datetime], bool] | None = None

    @property
    def off(self) -> bool:
        """Return whether the job is never scheduled."""
        return self.every_seconds is None and self.cron is None

    def slot(self, moment: datetime, zone: tzinfo) -> str | None:
        """Return the occurrence that `moment` (aware) falls on, or None when the schedule does not fire then."""
        if self.every_seconds is not None:
            return f"every-{self.every_seconds}s:{int(moment.timestamp()) // self.every_seconds}"
        if self.cron is None:
            return None
        local = moment.astimezone(zone).replace(second=0, microsecond=0)
        if not self.cron(local.replace(tzinfo=None)):
            return None
        return local.strftime("%Y-%m-%dT%H:%M")


def parse_schedule(text: str) -> Schedule:
    """Read `off`, `every N seconds|minutes|hours` or a cron line `minute hour day month weekday`.

    Weekdays may be numbers (0 and 7 are Sunday) or names (`mon`, `mon-fri`). Raises ScheduleError.
    """
    cleaned = " ".join(text.split())
    if cleaned.lower() == OFF:
        return Schedule(text=OFF)
    every = EVERY.fullmatch(cleaned)
    if every:
        seconds = int(every.group(1)) * UNIT_SECONDS[every.group(2).lower()]
        if not 1 <= seconds <= LONGEST_INTERVAL:
            raise ScheduleError(f"{text!r}: an interval must lie between 1 second and 24 hours")
        return Schedule(text=cleaned, every_seconds=seconds)
    fields = cleaned.split(" ")
    if len(fields) != len(CRON_FIELDS):
        raise ScheduleError(
            f"{text!r}: expected 'off', 'every N seconds|minutes|hours' or five cron fields "
            "'minute hour day month weekday' such as '0 8 * * mon'"
        )
    fields[4] = _weekday_numbers(fields[4], text)
    try:
        matches = crontab(**dict(zip(CRON_FIELDS, fields, strict=True)), strict=True)
    except ValueError as error:
        raise ScheduleError(f"{text!r}: {error}") from None
    return Schedule(text=cleaned, cron=matches)


def _weekday_numbers(field: str, text: str) -> str:
    def number(match: re.Match[str]) -> str:
        name = match.group(0).lower()
        if name not in WEEKDAYS:
            raise ScheduleError(f"{text!r}: {match.group(0)!r} is no weekday (mon, tue, wed, thu, fri, sat, sun)")
        return str(WEEKDAYS[name])

    return re.sub(r"[A-Za-z]+", number, field)


def tick_seconds(schedules: list[Schedule]) -> int:
    """Return how often the worker looks at the schedules: every LOOK_EVERY seconds, or as often as the shortest interval."""
    intervals = [schedule.every_seconds for schedule in schedules if schedule.every_seconds is not None]
    return max(1, min([LOOK_EVERY, *intervals]))


def now() -> datetime:
    """Return the current moment, aware (the worker's clock)."""
    return datetime.now(UTC)
