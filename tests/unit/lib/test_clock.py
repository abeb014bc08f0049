"""The one clock: today is the date in LODESTAR_TIME_ZONE (default Europe/Berlin) unless a zone is given."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from lodestar.lib import clock


def test_today_is_the_date_in_berlin_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LODESTAR_TIME_ZONE", raising=False)
    before = datetime.now(ZoneInfo("Europe/Berlin")).date()
    assert clock.today() in (before, before + timedelta(days=1))


@pytest.mark.parametrize("name", ["Pacific/Kiritimati", "Pacific/Honolulu"])  # UTC+14 and UTC-10
def test_today_follows_the_configured_time_zone(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("LODESTAR_TIME_ZONE", name)
    before = datetime.now(ZoneInfo(name)).date()

    assert clock.today() in (before, before + timedelta(days=1))


def test_two_zones_a_day_apart_give_two_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LODESTAR_TIME_ZONE", "Pacific/Kiritimati")
    ahead = clock.today()
    monkeypatch.setenv("LODESTAR_TIME_ZONE", "Pacific/Honolulu")

    assert clock.today() != ahead


def test_a_name_that_is_no_time_zone_is_refused() -> None:
    with pytest.raises(clock.UnknownTimeZone, match="'Mars/Olympus' is not a time zone"):
        clock.zone_named("Mars/Olympus")


def test_today_in_a_zone_is_that_zones_date() -> None:
    ahead = timezone(timedelta(hours=14))
    before = datetime.now(ahead).date()
    assert clock.today(zone=ahead) in (before, before + timedelta(days=1))
    assert clock.today(zone=ahead) != clock.today(zone=timezone(timedelta(hours=-12)))
