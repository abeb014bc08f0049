"""The one clock: what "today" means wherever a date defaults to today.

Today is the date in UTC, the server's configured time zone (`TIME_ZONE = "UTC"`), so a
command, a page and an API call made at the same moment judge as of the same day whatever
the local time zone of the process running them. A caller that means a person's calendar
day (a digest sent at a local hour, say) passes that person's zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo


def today(*, zone: tzinfo | None = None) -> date:
    """Return the current date in `zone` (default UTC)."""
    return datetime.now(zone or UTC).date()
