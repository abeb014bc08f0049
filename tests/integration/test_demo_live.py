"""`lodestar demo` with its warehouse extract: the bound key results and KPIs update themselves.

For several days of the year the demo is loaded once (module scope) and then inspected: the
refresh's measurements, the manual one it kept, a second refresh, the status mix and the
health check. Expected figures come from the demo document and from hand-written SQL over
the extract, never from the refresh itself.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from django.core.management import call_command

from lodestar.demo.organization import demo_document
from lodestar.goals.models import KPI, KeyResult, KPIMeasurement, Measurement
from tests.conftest import Run, run_lodestar

DAYS = (date(2026, 2, 14), date(2026, 6, 30), date(2026, 11, 15))
SOURCE = "metric:"

Snapshot = dict[tuple[str, str, date], tuple[float, str]]


@dataclass
class LiveDemo:
    """The demo as loaded for one day, with what the commands printed about it."""

    today: date
    data: Path
    run: Run
    document: dict[str, Any]
    status: dict[str, Any]
    check: Run


def metric_id(binding: str | dict[str, Any] | None) -> str:
    assert binding is not None, "only bound entities have a metric id"
    return binding if isinstance(binding, str) else str(binding["id"])


def snapshot() -> Snapshot:
    """Every stored measurement of key results and KPIs: (kind, id, date) -> (value, source)."""
    stored: Snapshot = {}
    for measurement in Measurement.objects.all():
        stored["key_result", measurement.key_result_id, measurement.date] = (measurement.value, measurement.source)
    for kpi_measurement in KPIMeasurement.objects.all():
        stored["kpi", kpi_measurement.kpi_id, kpi_measurement.date] = (kpi_measurement.value, kpi_measurement.source)
    return stored


def document_key_results(document: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for goal in document["goals"]:
        for key_result in goal.get("key_results", []):
            yield goal, key_result


@pytest.fixture(scope="module", params=DAYS, ids=str)
def live(
    request: pytest.FixtureRequest,
    django_db_setup: None,
    django_db_blocker: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[LiveDemo]:
    today: date = request.param
    data = tmp_path_factory.mktemp("live") / "demo-data"
    with django_db_blocker.unblock():
        run = run_lodestar("demo", "--today", today.isoformat(), "--data", str(data))
        status = run_lodestar("status", "--as-of", today.isoformat(), "--format", "json")
        check = run_lodestar("check", "--as-of", today.isoformat(), "--format", "json")
    try:
        assert run.code == 0, run.err
        assert status.code == 0, status.err
        yield LiveDemo(today, data, run, demo_document(today), json.loads(status.out), check)
    finally:
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def demo(live: LiveDemo, db: None) -> LiveDemo:
    """The loaded demo, inside a test transaction (what a test writes is rolled back)."""
    return live


def test_the_demo_says_where_it_wrote_the_extract_and_what_the_refresh_did(demo: LiveDemo) -> None:
    metrics_file = demo.data / "metrics.yaml"
    assert f"its metrics file {metrics_file}" in demo.run.out
    assert f"Refreshed {KeyResult.objects.exclude(metric=None).count()} key results" in demo.run.out
    assert metrics_file.is_file()
    assert {path.name for path in demo.data.glob("*.parquet")} == {
        "leads.parquet",
        "touchpoints.parquet",
        "campaign_spend.parquet",
        "orders.parquet",
    }


def test_at_least_half_of_the_key_results_and_kpis_are_bound(demo: LiveDemo) -> None:
    assert 2 * KeyResult.objects.exclude(metric=None).count() >= KeyResult.objects.count()
    assert 2 * KPI.objects.exclude(metric=None).count() >= KPI.objects.count()


def test_started_bound_key_results_carry_measurements_from_their_metric(demo: LiveDemo) -> None:
    manual = {
        (kr["id"], m["date"]) for _, kr in document_key_results(demo.document) for m in kr.get("measurements", [])
    }
    started = 0
    for key_result in KeyResult.objects.exclude(metric=None).select_related("goal__period"):
        measurements = list(key_result.measurements.all())
        if key_result.goal.period.start > demo.today:
            assert measurements == [], key_result.id
            continue
        started += 1
        from_metric = [m for m in measurements if (key_result.id, m.date) not in manual]
        assert from_metric, key_result.id
        assert {m.source for m in from_metric} == {f"{SOURCE}{metric_id(key_result.metric)}"}, key_result.id
        assert max(m.date for m in measurements) <= demo.today
    assert started >= 30


def test_the_manual_measurement_of_a_bound_key_result_survives_the_refresh(demo: LiveDemo) -> None:
    [(key_result_id, measurement)] = [
        (kr["id"], m)
        for _, kr in document_key_results(demo.document)
        if "metric" in kr
        for m in kr.get("measurements", [])
    ]
    stored = Measurement.objects.get(key_result_id=key_result_id, date=measurement["date"])
    assert (stored.value, stored.source) == (measurement["value"], measurement["source"])
    assert f"key_result:{key_result_id} {measurement['date'].isoformat()}: kept the manual measurement" in demo.run.out


def test_bound_kpis_get_values_for_the_year_to_date(demo: LiveDemo) -> None:
    for kpi in KPI.objects.exclude(metric=None):
        measurements = list(kpi.measurements.all())
        assert measurements, kpi.id
        assert {m.source for m in measurements} == {f"{SOURCE}{metric_id(kpi.metric)}"}
        assert {m.date.year for m in measurements} == {demo.today.year}
        assert max(m.date for m in measurements) == demo.today


def test_a_second_refresh_changes_nothing(demo: LiveDemo, lodestar: Callable[..., Run]) -> None:
    before = snapshot()
    metrics_file = str(demo.data / "metrics.yaml")
    run = lodestar("metrics", "refresh", "--as-of", demo.today.isoformat(), "--metrics", metrics_file)
    assert run.code == 0, run.err
    assert "0 measurements added, 0 updated, 0 removed" in run.out
    assert snapshot() == before


def test_refreshed_mqls_equal_a_hand_written_count_over_the_extract(demo: LiveDemo) -> None:
    [key_result_id] = [kr["id"] for _, kr in document_key_results(demo.document) if kr.get("metric") == "mqls"]
    stored = Measurement.objects.get(key_result_id=key_result_id, date=demo.today)
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    [(count,)] = connection.execute(
        f"""SELECT count(DISTINCT lead_id) FROM read_parquet('{demo.data / "leads.parquet"}')
            WHERE NOT is_test AND mql_at >= TIMESTAMP '{date(demo.today.year, 1, 1)}'
              AND mql_at < TIMESTAMP '{demo.today + timedelta(days=1)}'"""
    ).fetchall()
    connection.close()
    assert count > 0
    assert stored.value == count


def test_the_status_shows_a_realistic_mix(demo: LiveDemo) -> None:
    statuses = Counter(kr["status"] for kr in demo.status["key_results"])
    assert statuses.most_common(1)[0][0] == "on_track"
    assert statuses["on_track"] > len(demo.status["key_results"]) / 2
    assert {"on_track", "achieved", "no_data"} <= set(statuses)
    assert statuses["at_risk"] + statuses["off_track"] >= 3
    assert 1 <= statuses["no_data"] <= 2
    bound = {kr["id"] for _, kr in document_key_results(demo.document) if "metric" in kr}
    bound_statuses = {kr["status"] for kr in demo.status["key_results"] if kr["id"] in bound}
    assert len(bound_statuses - {"not_started"}) >= 3


def test_quarter_goals_have_not_started_before_their_quarter(demo: LiveDemo) -> None:
    starts = {period["id"]: period["start"] for period in demo.document["periods"]}
    periods = {goal["id"]: goal["period"] for goal in demo.document["goals"]}
    for goal in demo.status["goals"]:
        later = starts[periods[goal["id"]]] > demo.today
        assert (goal["status"] == "not_started") == later, goal["id"]


def test_kpis_show_more_than_one_colour_and_every_bound_one_has_a_value(demo: LiveDemo) -> None:
    bound = {kpi["id"] for kpi in demo.document["kpis"] if "metric" in kpi}
    statuses = {kpi["id"]: kpi["status"] for kpi in demo.status["kpis"]}
    assert len(set(statuses.values())) >= 2
    assert all(statuses[kpi_id] != "no_data" for kpi_id in bound)
    assert len({statuses[kpi_id] for kpi_id in bound}) >= 2


def test_the_health_check_finds_some_codes_but_no_unmeasured_key_result(demo: LiveDemo) -> None:
    codes = Counter(finding["code"] for finding in json.loads(demo.check.out)["findings"])
    assert demo.check.code == 1
    assert 3 <= len(codes) < 15
    assert "LS013" not in codes
