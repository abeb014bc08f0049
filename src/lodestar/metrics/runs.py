"""When metrics were last refreshed: read by every page that shows a bound key result, so it imports no engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.apps import apps


@dataclass(frozen=True)
class RefreshRunSummary:
    """When the latest refresh finished and the date it computed values as of."""

    finished_at: datetime
    as_of: date


def last_refresh() -> RefreshRunSummary | None:
    """Return when the latest refresh finished and as of which date, or None if none has run."""
    if not apps.is_installed("lodestar.metrics"):
        return None
    from lodestar.metrics.models import DONE, RefreshRun

    run = RefreshRun.objects.filter(status=DONE, finished_at__isnull=False).order_by("-finished_at", "-id").first()
    if run is None or run.finished_at is None:
        return None
    return RefreshRunSummary(finished_at=run.finished_at, as_of=run.as_of)
