"""The one clock: what "today" means wherever a date defaults to today.

Today is the date in the organization's time zone, `LODESTAR_TIME_ZONE` (an IANA name such as
`Europe/Berlin`, the default), so a command, a page, an API call and a reminder made at the
same moment judge as of the same day whatever the time zone of the machine running them.
The setting is read on every call (the settings refuse a name that is no zone at start-up);
a caller that means another calendar day passes its zone.
"""

from __future__ import annotations

import functools
import os
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

TIME_ZONE_SETTING = "LODESTAR_TIME_ZONE"
DEFAULT_TIME_ZONE = "Europe/Berlin"


class UnknownTimeZone(ValueError):
    """The name is no IANA time zone."""


@functools.cache
def zone_named(name: str) -> ZoneInfo:
    """The IANA time zone `name`. Raises UnknownTimeZone."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UnknownTimeZone(f"{name!r} is not a time zone such as {DEFAULT_TIME_ZONE}") from None


def local_zone() -> ZoneInfo:
    """The organization's time zone: `LODESTAR_TIME_ZONE`, default Europe/Berlin."""
    return zone_named(os.environ.get(TIME_ZONE_SETTING) or DEFAULT_TIME_ZONE)


def today(*, zone: tzinfo | None = None) -> date:
    """Return the current date in `zone` (default: the organization's time zone)."""
    return datetime.now(zone or local_zone()).date()
