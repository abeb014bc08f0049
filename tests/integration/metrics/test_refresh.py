"""`lodestar metrics refresh`: bound key results and KPIs get measurements from the warehouse.

All or nothing, idempotent, manual measurements kept. Expected values come from hand-written
SQL over the same CSV files.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml
from django.core.management import call_command

from lodestar.goals.models import KPI, Goal, KeyResult, KPIMeasurement, Measurement, Period
from lodestar.metrics import engine as metrics_engine
from lodestar.metrics import refresh as refresh_module
from lodestar.metrics.errors import EngineError, MetricsFileError
from lodestar.metrics.management.commands.metrics import Command
from lodestar.metrics.refresh import RefreshError, refresh

pytestmark = pytest.mark.django_db

LEADS_CSV = """lead_id,created_at,mql_at,sql_at,channel,is_test
1,2025-12-20 10:00:00,2025-12-28 10:00:00,2026-01-02 00:00:00,Web,false
2,2026-01-03 10:00:00,2026-01-05 10:00:00,2026-02-01 00:00:00,Web,false
3,2026-01-10 10:00:00,2026-01-31 23:59:59,,web,false
4,2026-02-03 10:00:00,2026-02-05 10:00:00,2026-02-10 00:00:00,Email,false
5,2026-02-03 10:00:00,2026-02-05 10:00:00,,Web,true
6,2026-03-03 10:00:00,2026-03-04 10:00:00,,Web,false
7,2026-03-09 10:00:00,2026-03-09 11:00:00,2026-03-09 12:00:00,Email,false
"""
METRICS = {
    "lodestar_metrics": 1,
    "warehouse": {"engine": "duckdb", "tables": {"leads": "leads.csv"}},
    "sources": {
        "leads": {
            "table": "leads",
            "time": "created_at",
            "dimensions": {"channel": "lower(channel)"},
            "filter": "NOT is_test",
        }
    },
    "metrics": {
        "mqls": {
            "type": "simple",
            "source": "leads",
            "agg": "count_distinct",
            "expr": "lead_id",
            "time": "mql_at",
            "filter": "mql_at IS NOT NULL",
        },
        "converted": {
            "type": "simple",
            "source": "leads",
            "agg": "count_distinct",
            "expr": "lead_id",
            "time": "mql_at",
            "filter": "mql_at IS NOT NULL AND sql_at IS NOT NULL",
        },
        "conversion": {"type": "ratio", "numerator": "converted", "denominator": "mqls", "unit": "%"},
    },
}


@dataclass
class World:
    metrics_file: Path
    leads_csv: Path
    goal: Goal

    def key_result(self, key_result_id: str, metric: Any) -> KeyResult:
        return KeyResult.objects.create(id=key_result_id, goal=self.goal, title=key_result_id, metric=metric)

    def hand(self, sql: str) -> float:
        connection = duckdb.connect()
        connection.execute(f"CREATE VIEW leads AS SELECT * FROM read_csv('{self.leads_csv}')")
        [(value,)] = connection.execute(sql).fetchall()
        connection.close()
        return float(value)


@pytest.fixture
def world(tmp_path: Path) -> World:
    leads_csv = tmp_path / "leads.csv"
    leads_csv.write_text(LEADS_CSV, encoding="utf-8")
    metrics_file = tmp_path / "metrics.yaml"
    metrics_file.write_text(yaml.safe_dump(METRICS), encoding="utf-8")
    period = Period.objects.create(id="h1-2026", start=date(2026, 1, 1), end=date(2026, 6, 30))
    goal = Goal.objects.create(id="demand", title="More demand", period=period)
    return World(metrics_file, leads_csv, goal)


def stored(key_result: KeyResult) -> list[tuple[date, float, str]]:
    return [(m.date, m.value, m.source) for m in key_result.measurements.order_by("date")]


def mqls_between(world: World, start: str, end: str, extra: str = "") -> float:
    return world.hand(
        "SELECT count(DISTINCT lead_id) FROM leads WHERE NOT is_test AND mql_at IS NOT NULL "
        f"AND mql_at >= TIMESTAMP '{start}' AND mql_at < TIMESTAMP '{end}' {extra}"
    )


def test_a_bound_key_result_gets_period_to_date_measurements_from_its_metric(world: World) -> None:
    key_result = world.key_result("mqls", "mqls")
    report = refresh(as_of=date(2026, 3, 10), definitions_path=world.metrics_file)
    assert stored(key_result) == [
        (date(2026, 1, 31), mqls_between(world, "2026-01-01", "2026-02-01"), "metric:mqls"),
        (date(2026, 2, 28), mqls_between(world, "2026-01-01", "2026-03-01"), "metric:mqls"),
        (date(2026, 3, 10), mqls_between(world, "2026-01-01", "2026-03-11"), "metric:mqls"),
    ]
    assert report.created == 3


def test_a_sliced_bucket_binding_covers_each_whole_bucket(world: World) -> None:
    key_result = world.key_result(
        "web-weekly", {"id": "mqls", "where": {"channel": "web"}, "window": "bucket", "grain": "week"}
    )
    refresh(as_of=date(2026, 1, 20), definitions_path=world.metrics_file)
    weeks = [
        (date(2026, 1, 4), "2025-12-29", "2026-01-05"),
        (date(2026, 1, 11), "2026-01-05", "2026-01-12"),
        (date(2026, 1, 18), "2026-01-12", "2026-01-19"),
    ]
    assert stored(key_result) == [
        (day, mqls_between(world, start, end, "AND lower(channel) = 'web'"), "metric:mqls") for day, start, end in weeks
    ]


def test_a_ratio_is_computed_from_separately_aggregated_parts(world: World) -> None:
    key_result = world.key_result("conversion", {"id": "conversion", "grain": "quarter"})
    refresh(as_of=date(2026, 3, 31), definitions_path=world.metrics_file)
    converted = world.hand(
        "SELECT count(DISTINCT lead_id) FROM leads WHERE NOT is_test AND mql_at IS NOT NULL AND sql_at IS NOT NULL "
        "AND mql_at >= TIMESTAMP '2026-01-01' AND mql_at < TIMESTAMP '2026-04-01'"
    )
    expected: list[tuple[date, object, str]] = [
        (
            date(2026, 3, 31),
            pytest.approx(100 * converted / mqls_between(world, "2026-01-01", "2026-04-01")),
            "metric:conversion",
        )
    ]
    assert stored(key_result) == expected


def test_refreshing_twice_changes_nothing(world: World) -> None:
    key_result = world.key_result("mqls", "mqls")
    refresh(as_of=date(2026, 3, 10), definitions_path=world.metrics_file)
    before = list(key_result.measurements.order_by("date").values_list("id", "date", "value", "source"))
    report = refresh(as_of=date(2026, 3, 10), definitions_path=world.metrics_file)
    assert not report.changed
    assert report.unchanged == 3
    assert list(key_result.measurements.order_by("date").values_list("id", "date", "value", "source")) == before


def test_a_refresh_replaces_earlier_metric_measurements_but_never_manual_ones(world: World) -> None:
    key_result = world.key_result("mqls", "mqls")
    Measurement.objects.create(key_result=key_result, date=date(2026, 1, 31), value=99, source="CRM export")
    Measurement.objects.create(key_result=key_result, date=date(2026, 1, 15), value=1, source="")
    Measurement.objects.create(key_result=key_result, date=date(2026, 2, 28), value=-5, source="metric:mqls")
    Measurement.objects.create(key_result=key_result, date=date(2026, 3, 2), value=7, source="metric:old_metric")
    report = refresh(as_of=date(2026, 3, 10), definitions_path=world.metrics_file)
    assert stored(key_result) == [
        (date(2026, 1, 15), 1, ""),
        (date(2026, 1, 31), 99, "CRM export"),
        (date(2026, 2, 28), mqls_between(world, "2026-01-01", "2026-03-01"), "metric:mqls"),
        (date(2026, 3, 10), mqls_between(world, "2026-01-01", "2026-03-11"), "metric:mqls"),
    ]
    assert [(kept.subject, kept.date, kept.manual_value) for kept in report.kept_manual] == [
        ("key_result:mqls", date(2026, 1, 31), 99)
    ]
    assert (report.created, report.updated, report.removed) == (1, 1, 1)


def test_moving_as_of_replaces_the_previous_as_of_measurement(world: World) -> None:
    key_result = world.key_result("mqls", "mqls")
    refresh(as_of=date(2026, 3, 5), definitions_path=world.metrics_file)
    refresh(as_of=date(2026, 3, 10), definitions_path=world.metrics_file)
    assert [day for day, _, _ in stored(key_result)] == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 10)]


def test_a_bad_metrics_file_writes_nothing(world: World) -> None:
    key_result = world.key_result("mqls", "mqls")
    Measurement.objects.create(key_result=key_result, date=date(2026, 1, 31), value=3, source="metric:mqls")
    document = yaml.safe_load(world.metrics_file.read_text())
    document["metrics"]["mqls"]["filter"] = "mql_at IS NOT NULL; DROP TABLE leads"
    world.metrics_file.write_text(yaml.safe_dump(document))
    with pytest.raises(MetricsFileError):
        refresh(as_of=date(2026, 3, 10), definitions_path=world.metrics_file)
    assert stored(key_result) == [(date(2026, 1, 31), 3, "metric:mqls")]


def test_a_bad_binding_among_good_ones_is_reported_and_the_good_ones_are_written(world: World) -> None:
    good = world.key_result("mqls", "mqls")
    world.key_result("broken", {"id": "sqls"})
    world.key_result("bad-slice", {"id": "mqls", "where": {"region": "north"}})
    report = refresh(as_of=date(2026, 3, 10), definitions_path=world.metrics_file)
    failed = {item.subject: item.reason for item in report.failed}
    assert set(failed) == {"key_result:broken", "key_result:bad-slice"}
    assert failed["key_result:broken"].startswith("metric: unknown metric 'sqls'")
    assert "'region'" in failed["key_result:bad-slice"]
    assert [item.subject for item in report.items] == ["key_result:mqls"]
    assert stored(good) != []
    assert report.partial


def test_a_refresh_where_every_binding_is_bad_writes_nothing(world: World) -> None:
    world.key_result("broken", {"id": "sqls"})
    with pytest.raises(RefreshError) as error:
        refresh(as_of=date(2026, 3, 10), definitions_path=world.metrics_file)
    assert any(line.startswith("key_result:broken: metric: unknown metric 'sqls'") for line in error.value.lines)


def test_an_engine_failure_half_way_writes_nothing(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    first = world.key_result("a-mqls", "mqls")
    world.key_result("b-conversion", "conversion")
    real = metrics_engine.measurements

    def failing(loaded: Any, binding: Any, **options: Any) -> Any:
        if binding.metric == "conversion":
            raise EngineError("duckdb: the query failed: disk on fire")
        return real(loaded, binding, **options)

    monkeypatch.setattr(refresh_module, "measurements", failing)
    with pytest.raises(EngineError):
        refresh(as_of=date(2026, 3, 10), definitions_path=world.metrics_file)
    assert stored(first) == []


def test_a_goal_period_that_has_not_started_gets_nothing(world: World) -> None:
    later = Period.objects.create(id="h2-2026", start=date(2026, 7, 1), end=date(2026, 12, 31))
    goal = Goal.objects.create(id="later", title="Later", period=later)
    key_result = KeyResult.objects.create(id="later-mqls", goal=goal, title="Later", metric="mqls")
    report = refresh(as_of=date(2026, 3, 10), definitions_path=world.metrics_file)
    assert stored(key_result) == []
    assert report.created == 0


def test_a_kpi_is_refreshed_year_to_date_and_keeps_earlier_years(world: World) -> None:
    kpi = KPI.objects.create(id="mql-pace", name="MQLs", better="higher", green=10, red=2, metric="mqls")
    KPIMeasurement.objects.create(kpi=kpi, date=date(2025, 12, 31), value=42, source="metric:mqls")
    refresh(as_of=date(2026, 2, 10), definitions_path=world.metrics_file)
    rows = [(m.date, m.value, m.source) for m in kpi.measurements.order_by("date")]
    assert rows == [
        (date(2025, 12, 31), 42, "metric:mqls"),
        (date(2026, 1, 31), mqls_between(world, "2026-01-01", "2026-02-01"), "metric:mqls"),
        (date(2026, 2, 10), mqls_between(world, "2026-01-01", "2026-02-11"), "metric:mqls"),
    ]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command(Command(), *args, stdout=out, stderr=err)
    except SystemExit as stop:
        code = int(stop.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_the_refresh_command_reports_what_it_did_and_the_kept_manual_values(world: World) -> None:
    key_result = world.key_result("mqls", "mqls")
    Measurement.objects.create(key_result=key_result, date=date(2026, 1, 31), value=99, source="")
    code, out, _ = run("--metrics", str(world.metrics_file), "refresh", "--as-of", "2026-03-10")
    assert code == 0
    assert "Refreshed 1 key result and 0 KPIs as of 2026-03-10: 2 measurements added" in out
    assert "key_result:mqls 2026-01-31: kept the manual measurement 99" in out


def test_the_list_command_shows_metrics_with_what_is_bound_to_them(world: World) -> None:
    world.key_result("web-mqls", {"id": "mqls", "where": {"channel": "web"}, "grain": "week"})
    KPI.objects.create(id="conversion-kpi", name="Conversion", better="higher", green=30, red=10, metric="conversion")
    code, out, _ = run("--metrics", str(world.metrics_file), "list")
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("mqls ") and "leads" in line for line in lines)
    assert "bound: key_result:web-mqls (channel=web, period_to_date, week)" in out
    assert "bound: kpi:conversion-kpi (period_to_date, month)" in out
    code, out, _ = run("--metrics", str(world.metrics_file), "list", "--format", "json")
    import json

    entries = {entry["id"]: entry for entry in json.loads(out)["metrics"]}
    assert entries["conversion"]["unit"] == "%"
    assert entries["conversion"]["sources"] == ["leads"]
    assert [item["subject"] for item in entries["mqls"]["bound"]] == ["key_result:web-mqls"]


def test_a_refresh_with_a_bad_file_exits_2_and_writes_nothing(world: World) -> None:
    key_result = world.key_result("mqls", "mqls")
    world.metrics_file.write_text("lodestar_metrics: 1\nmetrics: {mqls: {type: simple, source: nowhere, agg: count}}\n")
    code, _, err = run("--metrics", str(world.metrics_file), "refresh", "--as-of", "2026-03-10")
    assert code == 2
    assert "metrics.mqls.source: unknown source 'nowhere'" in err
    assert stored(key_result) == []


def test_a_refresh_is_recorded_so_pages_can_say_when_values_were_refreshed(world: World) -> None:
    from django.apps import apps

    from lodestar.metrics.refresh import last_refresh

    if not apps.is_installed("lodestar.metrics"):
        pytest.skip("lodestar.metrics is not in INSTALLED_APPS yet")
    world.key_result("mqls", "mqls")
    assert last_refresh() is None
    refresh(as_of=date(2026, 3, 10), definitions_path=world.metrics_file)
    refresh(as_of=date(2026, 3, 12), definitions_path=world.metrics_file)
    summary = last_refresh()
    assert summary is not None
    assert summary.as_of == date(2026, 3, 12)


def test_a_partial_refresh_exits_1_and_names_each_failed_binding(world: World) -> None:
    good = world.key_result("mqls", "mqls")
    world.key_result("broken", {"id": "sqls"})
    code, out, err = run("--metrics", str(world.metrics_file), "refresh", "--as-of", "2026-03-10")
    assert code == 1
    assert "Refreshed 1 key result and 0 KPIs" in out
    assert "key_result:broken: metric: unknown metric 'sqls'" in err
    assert "1 binding failed" in err
    assert stored(good) != []


def test_a_refresh_where_every_binding_is_bad_exits_2(world: World) -> None:
    world.key_result("broken", {"id": "sqls"})
    code, _, err = run("--metrics", str(world.metrics_file), "refresh", "--as-of", "2026-03-10")
    assert code == 2
    assert "key_result:broken: metric: unknown metric 'sqls'" in err
