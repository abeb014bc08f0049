"""The one clock: today is the UTC date unless a zone is given."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from lodestar.lib import clock


def test_today_is_the_utc_date() -> None:
    before = datetime.now(UTC).date()
    assert clock.today() in (before, before + timedelta(days=1))


def test_today_in_a_zone_is_that_zones_date() -> None:
    ahead = timezone(timedelta(hours=14))
    before = datetime.now(ahead).date()
    assert clock.today(zone=ahead) in (before, before + timedelta(days=1))
    assert clock.today(zone=ahead) != clock.today(zone=timezone(timedelta(hours=-12)))
