"""KPIs and key results bound to the built-in survey metrics: checked at import, refreshed without a metrics file."""

from __future__ import annotations

import copy
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from lodestar.goals.models import KPI, KeyResult, KPIMeasurement, Measurement
from lodestar.lib import clock
from lodestar.metrics.refresh_runs import scheduled_refresh
from tests.conftest import RunLodestar, WriteModel
from tests.integration.accounts.cast import MODEL, Cast
from tests.integration.surveys.closed_rounds import closed_rounds_document

SOURCE = "metric:survey.accountable_agreement"
# autumn: web 6/8, leads 2/8, fairs 5/5; spring: web 2/5, leads 5/5 (its third task has no design)
AUTUMN, SPRING = 13 / 21 * 100, 70.0


def kpi(metric: Any) -> dict[str, Any]:
    return {
        "id": "role-agreement",
        "name": "Accountable agreement",
        "owner": "ms",
        "unit": "%",
        "better": "higher",
        "green": 70,
        "red": 50,
        "metric": metric,
    }


def document(metric: Any = "survey.accountable_agreement", **more: Any) -> dict[str, Any]:
    return closed_rounds_document(kpis=[*copy.deepcopy(MODEL["kpis"]), kpi(metric)], **more)


def days_ago(days: int) -> str:
    return (clock.today() - timedelta(days=days)).isoformat()


def stored(kpi_id: str = "role-agreement") -> list[tuple[str, float, str]]:
    rows = KPIMeasurement.objects.filter(kpi_id=kpi_id).order_by("date")
    return [(row.date.isoformat(), round(row.value, 6), row.source) for row in rows]


@pytest.fixture
def no_metrics_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LODESTAR_METRICS_FILE", raising=False)


def test_a_refresh_without_a_metrics_file_writes_one_measurement_per_closed_round_and_again_nothing(
    cast: Cast, lodestar: RunLodestar, write_model: WriteModel, no_metrics_file: None
) -> None:
    assert lodestar("import", str(write_model(document()))).code == 0

    first = lodestar("metrics", "refresh")
    second = lodestar("metrics", "refresh")

    assert first.code == 0, first.err
    assert "2 measurements added, 0 updated, 0 removed, 0 unchanged" in first.out
    assert stored() == [(days_ago(180), SPRING, SOURCE), (days_ago(20), round(AUTUMN, 6), SOURCE)]
    assert second.code == 0 and "0 measurements added, 0 updated, 0 removed, 2 unchanged" in second.out
    assert stored("web-visits") == [("2026-06-01", 800.0, "")]


def test_a_round_with_too_few_responses_gives_no_measurement(
    cast: Cast, lodestar: RunLodestar, write_model: WriteModel, no_metrics_file: None
) -> None:
    model = document()
    tiny = copy.deepcopy(model["surveys"][1])
    tiny.update(id="tiny", opens=days_ago(120), closes=days_ago(100))
    tiny["responses"] = [dict(response, date=days_ago(100)) for response in tiny["responses"][:2]]
    tiny["participants"] = tiny["participants"][:2]
    model["surveys"].insert(1, tiny)
    lodestar("import", str(write_model(model)))

    lodestar("metrics", "refresh")

    assert [day for day, _, _ in stored()] == [days_ago(180), days_ago(20)]


def test_a_refresh_as_of_an_earlier_day_takes_only_the_rounds_closed_by_then(
    cast: Cast, lodestar: RunLodestar, write_model: WriteModel, no_metrics_file: None
) -> None:
    lodestar("import", str(write_model(document())))
    KeyResult.objects.filter(id="tracked-share").update(metric="survey.participation")

    run = lodestar("metrics", "refresh", "--as-of", days_ago(30))

    assert run.code == 0, run.err
    assert stored() == [(days_ago(180), SPRING, SOURCE)]
    measured = Measurement.objects.filter(key_result_id="tracked-share").values_list("date", "value", "source")
    assert [(day.isoformat(), value, source) for day, value, source in measured] == [
        (days_ago(180), 125.0, "metric:survey.participation")
    ]


@pytest.mark.parametrize("configured", [False, True])
def test_the_import_refuses_a_misspelled_survey_metric_with_its_path_and_the_known_ids(
    cast: Cast,
    lodestar: RunLodestar,
    write_model: WriteModel,
    monkeypatch: pytest.MonkeyPatch,
    demo_warehouse: Path,
    configured: bool,
) -> None:
    if configured:
        monkeypatch.setenv("LODESTAR_METRICS_FILE", str(demo_warehouse))
    else:
        monkeypatch.delenv("LODESTAR_METRICS_FILE", raising=False)

    run = lodestar("import", str(write_model(document("survey.acountable_agreement"))))

    assert run.code == 2
    assert (
        "kpis[1].metric: unknown survey metric 'survey.acountable_agreement' (known: survey.accountable_agreement"
        in run.err
    )
    assert not KPI.objects.filter(id="role-agreement").exists()


def test_the_import_refuses_a_survey_metric_with_a_slice(
    cast: Cast, lodestar: RunLodestar, write_model: WriteModel, no_metrics_file: None
) -> None:
    binding = {"id": "survey.clarity.mission", "where": {"unit": "mkt"}}

    run = lodestar("import", str(write_model(document(binding))))

    assert run.code == 2
    assert "kpis[1].metric.id: survey metric 'survey.clarity.mission' gives one value per survey round" in run.err


def test_with_a_metrics_file_a_survey_metric_is_refreshed_beside_the_files_metrics_and_is_not_unresolved(
    cast: Cast, lodestar: RunLodestar, write_model: WriteModel, metrics_file: Path
) -> None:
    assert lodestar("import", str(write_model(document({"id": "survey.accountable_agreement"})))).code == 0
    KPI.objects.filter(id="web-visits").update(metric="web_sessions")

    run = lodestar("metrics", "refresh", "--as-of", clock.today().isoformat())
    listing = lodestar("metrics", "list")

    assert run.code == 0, run.err
    assert stored() == [(days_ago(180), SPRING, SOURCE), (days_ago(20), round(AUTUMN, 6), SOURCE)]
    assert KPIMeasurement.objects.filter(kpi_id="web-visits", source="metric:web_sessions").exists()
    assert listing.code == 0 and "role-agreement" not in listing.err


def test_the_workers_refresh_writes_survey_metrics_without_a_metrics_file(
    cast: Cast, lodestar: RunLodestar, write_model: WriteModel, no_metrics_file: None
) -> None:
    lodestar("import", str(write_model(document("survey.clarity.own_role"))))

    said = scheduled_refresh()

    assert "0 key results and 1 KPI" in said and "2 measurements added" in said
    assert stored() == [
        (days_ago(180), 3.0, "metric:survey.clarity.own_role"),
        (days_ago(20), 4.25, "metric:survey.clarity.own_role"),
    ]


def test_a_metrics_file_cannot_define_a_metric_in_the_survey_namespace(
    lodestar: RunLodestar, tmp_path: Path, no_metrics_file: None
) -> None:
    path = tmp_path / "metrics.yaml"
    path.write_text(
        "lodestar_metrics: 1\nwarehouse: {engine: duckdb, tables: {t: t.csv}}\n"
        "sources: {s: {table: t, time: day}}\nmetrics:\n  survey.participation: {type: simple, source: s, agg: count}\n",
        encoding="utf-8",
    )
    (tmp_path / "t.csv").write_text("day\n2026-01-01\n", encoding="utf-8")

    run = lodestar("metrics", "check", "--metrics", str(path))

    assert run.code == 2
    assert "metrics.survey.participation: ids starting with 'survey.' are the built-in survey metrics" in run.err
