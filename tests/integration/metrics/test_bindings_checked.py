"""A key result's metric binding is checked when it is saved, while a metrics file is configured; a refresh whose
warehouse fails says so.

The key result form, the API and the import refuse an unknown metric, a dimension the metric
lacks and (on the embedded DuckDB engine) a dimension value no row has, each at its field;
without a metrics file nothing changes. The demo warehouse's metrics file is the one configured.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile

from lodestar.goals.models import KeyResult, Measurement
from tests.conftest import RunLodestar, WriteModel
from tests.integration.accounts.cast import MODEL, ApiAs, BrowserAs, Cast
from tests.integration.job_queue import JobQueue
from tests.integration.warehouse import UNREACHABLE, write_metrics

pytestmark = pytest.mark.django_db

NEW_KR = {"goal": "mkt-analytics", "id": "dashboards", "title": "Dashboards live", "baseline": 0, "target": 4}
FORM = {"id": "dashboards", "title": "Dashboards live", "baseline": "0", "target": "4"}


def details(response: Any) -> dict[str, str]:
    assert response.status_code == 422, response.content
    return {item["path"]: item["message"] for item in response.json()["details"]}


# The API


def test_the_api_refuses_a_key_result_bound_to_an_unknown_metric(api_as: ApiAs, metrics_file: Path) -> None:
    found = details(api_as("sam").post("/key-results", {**NEW_KR, "metric": "typo_metric"}))
    assert found["metric"].startswith("unknown metric 'typo_metric' (known: ")
    assert "mqls" in found["metric"]
    assert not KeyResult.objects.filter(id="dashboards").exists()


def test_the_api_refuses_a_slice_by_a_dimension_the_metric_lacks(api_as: ApiAs, metrics_file: Path) -> None:
    body = {**NEW_KR, "metric": {"id": "mqls", "where": {"color": "red"}}}
    found = details(api_as("sam").post("/key-results", body))
    assert list(found) == ["metric.where.color"]
    assert "cannot be sliced by 'color'" in found["metric.where.color"]
    assert "channel" in found["metric.where.color"]


def test_the_api_refuses_a_dimension_value_no_row_has_and_names_some_that_exist(
    api_as: ApiAs, metrics_file: Path
) -> None:
    body = {**NEW_KR, "metric": {"id": "mqls", "where": {"channel": "tiktok", "business_unit": "bu-pumps"}}}
    found = details(api_as("sam").post("/key-results", body))
    assert list(found) == ["metric.where.channel"]
    assert "unknown value 'tiktok' of dimension 'channel'" in found["metric.where.channel"]
    assert "web" in found["metric.where.channel"]


def test_the_api_takes_a_binding_the_metrics_file_knows(api_as: ApiAs, metrics_file: Path) -> None:
    body = {**NEW_KR, "metric": {"id": "mqls", "where": {"channel": "web", "business_unit": "bu-pumps"}}}
    assert api_as("sam").post("/key-results", body).status_code == 201
    assert KeyResult.objects.get(id="dashboards").metric == body["metric"]


def test_the_api_refuses_an_unknown_metric_when_a_key_result_is_changed(api_as: ApiAs, metrics_file: Path) -> None:
    response = api_as("sam").patch("/key-results/tracked-share", {"metric": {"id": "typo_metric"}, "version": 1})
    assert list(details(response)) == ["metric.id"]
    assert KeyResult.objects.get(id="tracked-share").metric is None


def test_a_goal_created_with_a_badly_bound_key_result_is_refused_at_that_key_result(
    api_as: ApiAs, metrics_file: Path
) -> None:
    key_results = [
        {"id": "fine", "title": "Fine", "metric": "mqls"},
        {"id": "typo", "title": "Typo", "metric": "typo_metric"},
    ]
    body = {"id": "new-goal", "title": "New", "owner": "mkt", "period": "fy2026", "key_results": key_results}
    assert list(details(api_as("sam").post("/goals", body))) == ["key_results[1].metric"]


def test_a_stored_binding_left_as_it_is_does_not_stop_other_changes(api_as: ApiAs, metrics_file: Path) -> None:
    KeyResult.objects.filter(id="tracked-share").update(metric="gone_metric")
    response = api_as("sam").patch("/key-results/tracked-share", {"title": "Tracked campaigns", "version": 1})
    assert response.status_code == 200, response.content
    assert KeyResult.objects.get(id="tracked-share").title == "Tracked campaigns"


def test_without_a_metrics_file_any_binding_is_taken_as_before(api_as: ApiAs, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LODESTAR_METRICS_FILE", raising=False)
    assert api_as("sam").post("/key-results", {**NEW_KR, "metric": "typo_metric"}).status_code == 201


def test_a_metrics_file_that_cannot_be_read_is_named_with_an_unknown_metric(
    api_as: ApiAs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LODESTAR_METRICS_FILE", str(tmp_path / "missing.yaml"))
    found = details(api_as("sam").post("/key-results", {**NEW_KR, "metric": "mqls"}))
    assert "missing.yaml has problems (file: not found)" in found["metric"]


# The key result form


def test_the_form_shows_an_unknown_metric_next_to_the_metric_field(browser_as: BrowserAs, metrics_file: Path) -> None:
    response = browser_as("sam").post("/goals/mkt-analytics/key-results/new", {**FORM, "metric_id": "typo_metric"})
    assert response.status_code == 400
    content = response.content.decode()
    assert 'id="k-metric-error"' in content
    assert "unknown metric &#x27;typo_metric&#x27;" in content
    assert not KeyResult.objects.filter(id="dashboards").exists()


def test_the_form_shows_an_unknown_dimension_value_next_to_the_slice_field(
    browser_as: BrowserAs, metrics_file: Path
) -> None:
    form = {**FORM, "metric_id": "mqls", "metric_where": "channel=tiktok"}
    response = browser_as("sam").post("/goals/mkt-analytics/key-results/new", form)
    assert response.status_code == 400
    content = response.content.decode()
    start = content.index('id="k-metric-where-error"')
    assert "unknown value &#x27;tiktok&#x27;" in content[start : start + 400]


def test_the_edit_form_refuses_a_dimension_the_metric_lacks(browser_as: BrowserAs, metrics_file: Path) -> None:
    form = {"title": "Campaigns with tracking", "version": "1", "metric_id": "mqls", "metric_where": "color=red"}
    response = browser_as("sam").post("/key-results/tracked-share/edit", form)
    assert response.status_code == 400
    assert "cannot be sliced by &#x27;color&#x27;" in response.content.decode()
    assert KeyResult.objects.get(id="tracked-share").metric is None


# The import


def _with_binding(metric: Any, *, kpi: Any = None) -> dict[str, Any]:
    document = copy.deepcopy(MODEL)
    document["goals"][3]["key_results"][0]["metric"] = metric
    if kpi is not None:
        document["kpis"][0]["metric"] = kpi
    return document


def test_the_import_refuses_an_unknown_metric_with_its_path(
    cast: Cast, lodestar: RunLodestar, write_model: WriteModel, metrics_file: Path
) -> None:
    run = lodestar("import", str(write_model(_with_binding({"id": "typo_metric"}))))
    assert run.code == 2
    assert "goals[3].key_results[0].metric.id: unknown metric 'typo_metric' (known: " in run.err
    assert KeyResult.objects.get(id="campaigns").metric is None


def test_the_import_and_the_plan_refuse_a_kpi_sliced_by_an_unknown_dimension(
    cast: Cast, lodestar: RunLodestar, write_model: WriteModel, metrics_file: Path
) -> None:
    path = write_model(_with_binding("mqls", kpi={"id": "web_sessions", "where": {"color": "red"}}))
    for command in ("plan", "import"):
        run = lodestar(command, str(path))
        assert run.code == 2
        assert "kpis[0].metric.where.color: metric 'web_sessions' cannot be sliced by 'color'" in run.err


def test_the_import_refuses_an_unknown_dimension_value(
    cast: Cast, lodestar: RunLodestar, write_model: WriteModel, metrics_file: Path
) -> None:
    run = lodestar("import", str(write_model(_with_binding({"id": "mqls", "where": {"channel": "tiktok"}}))))
    assert run.code == 2
    assert "goals[3].key_results[0].metric.where.channel: unknown value 'tiktok'" in run.err


def test_the_import_takes_bindings_that_fit_and_an_export_of_a_stored_binding_again(
    cast: Cast, lodestar: RunLodestar, write_model: WriteModel, metrics_file: Path, tmp_path: Path
) -> None:
    run = lodestar("import", str(write_model(_with_binding({"id": "mqls", "where": {"channel": "web"}}))))
    assert run.code == 0, run.err
    KeyResult.objects.filter(id="campaigns").update(metric="renamed_since")
    exported = tmp_path / "export.yaml"
    assert lodestar("export", str(exported)).code == 0
    assert yaml.safe_load(exported.read_text())["goals"][3]["key_results"][0]["metric"] == "renamed_since"
    run = lodestar("import", str(exported))
    assert run.code == 0, run.err


def test_the_web_import_shows_the_path_of_an_unknown_metric(browser_as: BrowserAs, metrics_file: Path) -> None:
    text = yaml.safe_dump(_with_binding("typo_metric")).encode()
    response = browser_as("admin").post("/admin/import/", {"file": SimpleUploadedFile("m.yaml", text)})
    assert response.status_code == 400
    assert "goals[3].key_results[0].metric" in response.content.decode()
    assert "typo_metric" in response.content.decode()
    assert KeyResult.objects.get(id="campaigns").metric is None


def test_a_slice_value_is_taken_unchecked_while_the_warehouse_files_cannot_be_read(
    api_as: ApiAs, demo_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = demo_warehouse.read_text().replace("leads.parquet", str(tmp_path / "gone.parquet"))
    write_metrics(tmp_path, text, monkeypatch)
    body = {**NEW_KR, "metric": {"id": "mqls", "where": {"channel": "tiktok"}}}
    assert api_as("sam").post("/key-results", body).status_code == 201
    unknown = {**NEW_KR, "id": "other", "metric": {"id": "mqls", "where": {"color": "red"}}}
    assert list(details(api_as("sam").post("/key-results", unknown))) == ["metric.where.color"]


# A warehouse that fails during a refresh


def test_a_refresh_with_a_missing_table_file_exits_2_naming_the_file_and_writes_nothing(
    cast: Cast, lodestar: RunLodestar, demo_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    KeyResult.objects.filter(id="web-mqls").update(metric={"id": "mqls", "where": {"channel": "web"}})
    before = sorted(Measurement.objects.values_list("key_result_id", "date", "value", "source"))
    text = demo_warehouse.read_text().replace("leads.parquet", str(tmp_path / "gone.parquet"))
    write_metrics(tmp_path, text, monkeypatch)
    run = lodestar("metrics", "refresh", "--as-of", "2026-07-01")
    assert run.code == 2
    assert f"warehouse.tables.leads: file not found: {tmp_path / 'gone.parquet'}" in run.err
    assert "Traceback" not in run.err
    assert sorted(Measurement.objects.values_list("key_result_id", "date", "value", "source")) == before


def test_a_refresh_against_an_unreachable_warehouse_exits_2_with_one_line(
    cast: Cast, lodestar: RunLodestar, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    KeyResult.objects.filter(id="web-mqls").update(metric="leads")
    write_metrics(tmp_path, UNREACHABLE, monkeypatch)
    run = lodestar("metrics", "refresh", "--as-of", "2026-07-01")
    assert run.code == 2
    assert run.err.strip().startswith("postgres: cannot connect to the warehouse")
    assert len(run.err.strip().splitlines()) == 1
    assert not Measurement.objects.filter(source__startswith="metric:").exists()


def test_refresh_now_on_the_web_lists_a_missing_table_file(
    browser_as: BrowserAs,
    cast: Cast,
    demo_warehouse: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    job_queue: JobQueue,
) -> None:
    KeyResult.objects.filter(id="web-mqls").update(metric="mqls")
    text = demo_warehouse.read_text().replace("leads.parquet", str(tmp_path / "gone.parquet"))
    write_metrics(tmp_path, text, monkeypatch)
    client = browser_as("admin")
    response = client.post("/metrics/refresh")
    assert response.status_code == 302
    assert job_queue.run() == 1
    shown = client.get(response["Location"])
    assert shown.status_code == 200
    assert "warehouse.tables.leads: file not found" in shown.content.decode()
    assert not Measurement.objects.filter(source__startswith="metric:").exists()
