"""How the demo's figures move with the day it is loaded.

The model file `altwerk.yaml` shows the demo as of its reference date. Loaded on another day,
its key results are measured again up to that day, following the performance profile each one
is planned with below (achieved, on track, at risk, off track, draft) instead of fixed figures:
their measurements are derived from the elapsed share of the period, so the mix of statuses
holds on any day of the year. Before about a tenth of a period has passed every measured key
result is on track by the spec's rules, so early January shows only on-track, achieved, draft
and not-started key results.

A few key results (`AWAITING_CHECK_IN`) have not been checked in on since their cadence's
current cycle began, so that the demo has check-ins due and reminders to send on any day.

What the file says stays: a measurement's source, the latest check-in's confidence and note,
the note on the earliest check-in shown (a dip), and the manual measurements of key results
bound to metrics (a refresh never overwrites them). The hand-written KPI values move to the
last six month ends.
"""

from __future__ import annotations

import calendar
import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from lodestar.lib.model import Cadence
from lodestar.rhythm.cadence import DEFAULT_CADENCE, cycle_start

Profile = Literal["achieved", "on_track", "at_risk", "off_track", "draft"]
Document = dict[str, Any]

CHECK_INS_PER_KEY_RESULT = 4
KPI_MONTHS = 6

# The profile of every key result of altwerk.yaml, in the order of the file.
PROFILES: dict[str, Profile] = {
    "order-intake": "on_track",
    "gross-margin": "at_risk",
    "nps": "on_track",
    "quote-turnaround": "on_track",
    "digital-order-share": "achieved",
    "mqls": "on_track",
    "cost-per-lead": "off_track",
    "crm-completeness": "at_risk",
    "forecast-deviation": "achieved",
    "spare-parts-revenue": "on_track",
    "webshop-revenue-share": "draft",
    "value-selling-certified": "on_track",
    "analytics-academy": "at_risk",
    "aided-awareness": "on_track",
    "fair-cost-per-contact": "on_track",
    "share-of-voice": "off_track",
    "web-mqls": "on_track",
    "organic-sessions": "on_track",
    "paid-cpl": "off_track",
    "journeys-live": "on_track",
    "nurtured-share": "at_risk",
    "webshop-revenue": "on_track",
    "webshop-conversion": "on_track",
    "ecoflow-orders": "on_track",
    "sales-enabled": "achieved",
    "field-order-intake": "on_track",
    "win-rate": "at_risk",
    "north-order-intake": "on_track",
    "north-upgrade-visits": "on_track",
    "south-order-intake": "at_risk",
    "south-new-utilities": "on_track",
    "lead-response-time": "on_track",
    "sql-conversion": "on_track",
    "inside-sales-sqls": "on_track",
    "share-of-wallet": "on_track",
    "account-plans": "achieved",
    "key-account-order-intake": "on_track",
    "first-contact-resolution": "on_track",
    "complaint-days": "at_risk",
    "portal-effort": "draft",
    "price-increase-realised": "on_track",
    "discount-band": "achieved",
    "cdp-sources": "on_track",
    "duplicate-rate": "on_track",
    "search-cpl": "on_track",
    "paid-search-mqls": "on_track",
    "page-one-terms": "on_track",
    "application-stories": "on_track",
    "content-downloads": "on_track",
    "nina-journeys-built": "on_track",
    "press-articles": "on_track",
    "ecoflow-specs": "on_track",
    "hauke-order-intake": "on_track",
    "maren-upgrade-proposals": "achieved",
    "andrea-utilities": "off_track",
    "dennis-within-four-hours": "on_track",
    "ines-wallet": "on_track",
    "oliver-frame-agreements": "at_risk",
    "marco-fcr": "on_track",
    "hannah-waterfall-articles": "on_track",
    "churn-model-precision": "at_risk",
    "arne-merged": "on_track",
    "pipeline-hygiene": "on_track",
    "campaign-q1-leads": "achieved",
    "campaign-q1-mqls": "achieved",
    "pipeline-q1-sqls": "off_track",
    "backlog-q1-open": "on_track",
    "campaign-q2-leads": "on_track",
    "campaign-q2-mqls": "on_track",
    "pipeline-q2-sqls": "at_risk",
    "backlog-q2-open": "off_track",
    "campaign-q3-leads": "off_track",
    "campaign-q3-mqls": "off_track",
    "pipeline-q3-sqls": "on_track",
    "backlog-q3-open": "at_risk",
    "campaign-q4-leads": "on_track",
    "campaign-q4-mqls": "on_track",
    "pipeline-q4-sqls": "off_track",
    "backlog-q4-open": "at_risk",
}

# Key results whose latest check-ins lie before their current cycle began: due as of any day of the year.
AWAITING_CHECK_IN = frozenset(
    {
        "north-upgrade-visits",
        "complaint-days",
        "page-one-terms",
        "nina-journeys-built",
        "press-articles",
        "hauke-order-intake",
    }
)

# First and latest value of the key results whose values do not run from baseline to target.
OBSERVED: dict[str, tuple[float, float]] = {
    "forecast-deviation": (11.0, 4.2),
    "share-of-voice": (21.0, 22.5),
    "portal-effort": (3.4, 3.1),
}

# Key results in these units are counted, so their values are whole numbers.
_COUNT_UNITS = frozenset(
    {
        "accounts",
        "articles",
        "case studies",
        "customers",
        "downloads",
        "engineers",
        "journeys",
        "leads",
        "people",
        "proposals",
        "requests",
        "sessions",
        "sources",
        "terms",
        "utilities",
    }
)

# Per profile: the confidence of the latest check-in, and how much higher it was per earlier one.
_CONFIDENCE: dict[Profile, tuple[int, int]] = {
    "achieved": (9, -1),
    "on_track": (7, 0),
    "at_risk": (5, 1),
    "off_track": (4, 1),
    "draft": (6, 0),
}


@dataclass(frozen=True)
class _Period:
    start: datetime.date
    end: datetime.date

    def share(self, day: datetime.date) -> float:
        """Elapsed share of the period at `day`, clamped to [0, 1]: the spec's expected progress."""
        elapsed = (day - self.start).days / (self.end - self.start).days
        return min(1.0, max(0.0, elapsed))


@dataclass(frozen=True)
class _Plan:
    """What a key result's figures follow: its profile, and what the file says about it."""

    id: str
    unit: str
    baseline: float | None
    target: float | None
    profile: Profile
    observed: tuple[float, float] | None
    source: str | None
    confidence: int | None
    note: str | None
    dip_note: str | None


def progressed(document: Document, today: datetime.date) -> Document:
    """The document with the measurements and check-ins a day of its periods shows, as of `today`."""
    periods = {period["id"]: _Period(period["start"], period["end"]) for period in document.get("periods", [])}
    leads = {unit["id"]: unit["lead"] for unit in document["units"] if "lead" in unit}
    cycle_of = _cycle_starts(document, today)
    goals = []
    for goal in document.get("goals", []):
        period = periods[goal["period"]]
        # Check-ins are by the key result's owner, else the goal's, or the lead of the owning unit.
        by = leads.get(goal["owner"], goal["owner"])
        key_results = [
            _key_result(key_result, period, today, key_result.get("owner", by), cycle_of(goal["owner"]))
            for key_result in goal.get("key_results", [])
        ]
        goals.append({**goal, "key_results": key_results} if key_results else goal)
    # KPIs are ongoing, so their recent months may reach back into the previous year.
    kpi_dates = _month_ends(today.year - 1, today)[-KPI_MONTHS:]
    kpis = [_kpi(kpi, kpi_dates) for kpi in document.get("kpis", [])]
    return {**document, "goals": goals, "kpis": kpis}


def _plan(key_result: Document) -> _Plan:
    measurements = key_result.get("measurements", [])
    check_ins = key_result.get("check_ins", [])
    latest = check_ins[-1] if check_ins else {}
    return _Plan(
        id=key_result["id"],
        unit=key_result.get("unit", ""),
        baseline=key_result.get("baseline"),
        target=key_result.get("target"),
        profile=PROFILES[key_result["id"]],
        observed=OBSERVED.get(key_result["id"]),
        source=measurements[0].get("source") if measurements else None,
        confidence=latest.get("confidence"),
        note=latest.get("note"),
        dip_note=check_ins[0].get("note") if len(check_ins) > 1 else None,
    )


def _cycle_starts(document: Document, today: datetime.date) -> Callable[[str], datetime.date]:
    """The start of the current check-in cycle of a goal owner's key results (the cadence of its unit)."""
    units = {unit["id"]: unit for unit in document["units"]}
    unit_of = {person["id"]: person["unit"] for person in document.get("people", [])}

    def start(owner: str) -> datetime.date:
        unit = units.get(owner) or units.get(unit_of.get(owner, ""))
        while unit is not None and "cadence" not in unit:
            unit = units.get(unit.get("parent", ""))
        return cycle_start(Cadence(**unit["cadence"]) if unit is not None else DEFAULT_CADENCE, today)

    return start


def _key_result(key_result: Document, period: _Period, today: datetime.date, by: str, cycle: datetime.date) -> Document:
    plan = _plan(key_result)
    dates = _measurement_dates(period, today)
    if "metric" in key_result:
        # A bound key result keeps only its manual measurements, once their day has come.
        measurements = [
            measurement
            for measurement in key_result.get("measurements", [])
            if period.start <= measurement["date"] <= min(period.end, today)
        ]
    else:
        values = _values(plan, period, dates)
        measurements = [
            _compact({"date": day.replace(), "value": value, "source": plan.source})
            for day, value in zip(dates, values, strict=True)
        ]
    updated = {key: value for key, value in key_result.items() if key not in ("measurements", "check_ins")}
    checked = [day for day in dates if day < cycle] if plan.id in AWAITING_CHECK_IN else dates
    check_ins = _check_ins(plan, checked[-CHECK_INS_PER_KEY_RESULT:], by)
    return _compact({**updated, "measurements": measurements or None, "check_ins": check_ins or None})


def _compact(mapping: Document) -> Document:
    """Drop the optional keys that have no value, keeping the order of the others."""
    return {key: value for key, value in mapping.items() if value is not None}


def _measurement_dates(period: _Period, today: datetime.date) -> list[datetime.date]:
    """Month ends of the period up to `today`, plus the last day measured if it is no month end.

    Measuring on `today` itself keeps every started key result measured, so no key result
    in a current period is ever without a measurement (LS013).
    """
    last = min(period.end, today)
    if last < period.start:
        return []
    dates = [day for day in _month_ends(period.start.year, last) if day >= period.start]
    if not dates or dates[-1] != last:
        dates.append(last)
    return dates


def _month_ends(from_year: int, until: datetime.date) -> list[datetime.date]:
    ends = []
    for year in range(from_year, until.year + 1):
        for month in range(1, 13):
            day = datetime.date(year, month, calendar.monthrange(year, month)[1])
            if day <= until:
                ends.append(day)
    return ends


def _final_progress(profile: Profile, expected: float, rng: random.Random) -> float:
    """Progress at the latest measurement, chosen so the spec's status rule yields the profile.

    on_track stays at or above expected; at_risk lands 0.17 below it (between the 0.10 and 0.25
    thresholds), off_track 0.36 below. Progress cannot fall below zero, so early in a period
    an at-risk or off-track key result still counts as on track.
    """
    if profile == "achieved":
        return 1.0
    if profile == "on_track":
        return min(expected + rng.uniform(0.0, 0.06), 0.98)
    if profile == "at_risk":
        return max(0.0, expected - 0.17)
    return max(0.0, expected - 0.36)


def _values(plan: _Plan, period: _Period, dates: list[datetime.date]) -> list[int | float]:
    """Measured values: a straight path to the latest value with a little noise on the way."""
    if not dates:
        return []
    rng = random.Random(plan.id)  # seeded: reproducible demo figures
    latest = period.share(dates[-1])
    if plan.observed is not None:
        first, final = plan.observed
        span = abs(final - first)
    elif plan.baseline is not None and plan.target is not None:
        first, span = plan.baseline, abs(plan.target - plan.baseline)
        progress = _final_progress(plan.profile, latest, rng)
        final = plan.target if progress >= 1 else first + progress * (plan.target - first)
    else:
        raise ValueError(f"key result {plan.id} needs observed values or a baseline and a target")
    values = []
    for index, day in enumerate(dates):
        value = first + (final - first) * (period.share(day) / latest if latest > 0 else 1.0)
        if index < len(dates) - 1:
            value += rng.uniform(-0.04, 0.04) * span
        values.append(_rounded(value, plan.unit, span))
    return values


def _rounded(value: float, unit: str, span: float) -> int | float:
    """A value as it would be reported: whole counts and euros, percentages within 0-100."""
    if unit == "EUR" and span >= 100_000:
        return max(0, int(round(value, -3)))
    if unit == "EUR" or unit in _COUNT_UNITS:
        return max(0, round(value))
    if unit == "%":
        value = min(100.0, max(0.0, value))
    return round(value, 1 if span >= 5 else 2) + 0.0  # + 0.0 turns -0.0 into 0.0


def _check_ins(plan: _Plan, dates: list[datetime.date], by: str) -> list[Document]:
    """Check-ins on the most recent measurement dates, with confidence drifting to the latest."""
    rng = random.Random(f"{plan.id}/check-ins")  # seeded: reproducible demo figures
    usual, step = _CONFIDENCE[plan.profile]
    check_ins = []
    for index, day in enumerate(dates):
        steps_back = len(dates) - 1 - index
        confidence, note = usual + step * steps_back, None
        if steps_back and plan.profile == "on_track":
            confidence = rng.choice((6, 7, 8))
        if steps_back and index == 0 and plan.dip_note:
            confidence, note = 3, plan.dip_note
        if not steps_back:
            confidence = usual if plan.confidence is None else plan.confidence
            note = plan.note
        check_in = {"date": day.replace(), "by": by, "confidence": min(10, confidence), "note": note}
        check_ins.append(_compact(check_in))
    return check_ins


def _kpi(kpi: Document, dates: list[datetime.date]) -> Document:
    """A KPI with its hand-written values on the last month ends, oldest first."""
    if "measurements" not in kpi:
        return kpi
    values = [measurement["value"] for measurement in kpi["measurements"]]
    measurements = [{"date": day.replace(), "value": value} for day, value in zip(dates, values, strict=True)]
    return {**kpi, "measurements": measurements}
