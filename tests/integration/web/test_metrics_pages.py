"""The metric catalog, a metric's values sliced by its dimensions, refresh now, and bindings on the goal page."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from lodestar.accounts.models import AuditEntry, User
from lodestar.goals.models import KPI, KeyResult, KPIMeasurement, Measurement
from lodestar.lib import clock
from lodestar.metrics import warehouse
from lodestar.metrics.models import RefreshRun
from tests.integration.accounts.cast import BrowserAs, Cast
from tests.integration.job_queue import JobQueue
from tests.integration.warehouse import INVALID, UNREACHABLE, web_mqls_by_hand, write_metrics

if TYPE_CHECKING:
    from tests.conftest import TestResponse

AS_OF = {"as_of": "2026-07-01"}


def first_match(pattern: str, content: str) -> str:
    match = re.search(pattern, content, re.S)
    assert match, pattern
    return match.group(0)


def page(client: Client, path: str, **params: str) -> str:
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


def test_the_catalog_lists_every_metric_of_the_file_with_its_definition(
    browser_as: BrowserAs, metrics_file: Path
) -> None:
    content = page(browser_as("viewer"), "/metrics/")
    ids = yaml.safe_load(metrics_file.read_text())["metrics"]
    for metric_id in ids:
        assert f'href="/metrics/{metric_id}/"' in content, metric_id
    assert "count_distinct(lead_id)" in content
    assert "mql_at IS NOT NULL" in content
    assert "spend / NULLIF(mqls, 0)" in content
    assert "channel, business_unit, team" in content
    assert "Marketing-qualified leads by the date they qualified." in content
    assert "CRM leads with the dates they became marketing- and sales-qualified" in content  # a source's description


def test_the_catalog_shows_the_key_results_and_kpis_bound_to_each_metric(browser_as: BrowserAs, bound: None) -> None:
    content = page(browser_as("viewer"), "/metrics/")
    row = first_match(r'<tr id="metric-mqls">.*?</tr>', content)
    assert 'href="/goals/more-leads/#kr-web-mqls"' in row
    assert "channel=web" in row
    sessions = first_match(r'<tr id="metric-web_sessions">.*?</tr>', content)
    assert "Web visits" in sessions
    leads = first_match(r'<tr id="metric-leads">.*?</tr>', content)
    assert "/goals/" not in leads


def test_the_navigation_leads_to_the_catalog(browser_as: BrowserAs, metrics_file: Path) -> None:
    content = page(browser_as("viewer"), "/")
    assert '<a href="/metrics/">Metrics</a>' in content


def test_without_a_metrics_file_the_catalog_says_how_to_configure_one(
    browser_as: BrowserAs, cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LODESTAR_METRICS_FILE", raising=False)
    content = page(browser_as("viewer"), "/metrics/")
    assert "No metrics file is configured" in content
    assert "LODESTAR_METRICS_FILE" in content


def test_an_invalid_metrics_file_shows_every_problem_instead_of_failing(
    browser_as: BrowserAs, cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_metrics(tmp_path, INVALID, monkeypatch)
    content = page(browser_as("viewer"), "/metrics/")
    assert "The metrics cannot be read" in content
    assert "metrics.mqls.source: unknown source &#x27;nowhere&#x27;" in content
    assert "metrics.rate" in content


def test_a_table_file_that_is_missing_is_reported(
    browser_as: BrowserAs, cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_warehouse: Path
) -> None:
    text = demo_warehouse.read_text().replace("leads.parquet", str(tmp_path / "gone.parquet"))
    write_metrics(tmp_path, text, monkeypatch)
    content = page(browser_as("viewer"), "/metrics/")
    assert "warehouse.tables.leads: file not found" in content


def test_an_unreachable_warehouse_is_reported_on_the_metric_page_and_by_the_refresh_on_the_catalog(
    browser_as: BrowserAs, cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, job_queue: JobQueue
) -> None:
    write_metrics(tmp_path, UNREACHABLE, monkeypatch)
    assert "postgres: cannot connect to the warehouse" in page(browser_as("viewer"), "/metrics/leads/")
    catalog = page(browser_as("viewer"), "/metrics/")
    assert '<tr id="metric-leads">' in catalog
    assert "cannot connect" not in catalog  # the catalog itself does not reach the warehouse
    refresh_now(browser_as("admin"), job_queue)
    catalog = page(browser_as("viewer"), "/metrics/")
    assert 'data-status="failed"' in catalog
    assert "postgres: cannot connect to the warehouse" in catalog


def test_the_catalog_opens_no_warehouse_connection_on_load(
    browser_as: BrowserAs, bound: None, job_queue: JobQueue
) -> None:
    opened = sum(warehouse.OPENED.values())
    client = browser_as("viewer")
    page(client, "/metrics/")
    assert sum(warehouse.OPENED.values()) == opened
    refresh_now(browser_as("admin"), job_queue)  # an explicit action does reach it
    after_refresh = sum(warehouse.OPENED.values())
    assert after_refresh > opened
    catalog = page(client, "/metrics/")
    assert 'data-status="done"' in catalog  # what the last refresh did, from the database
    assert sum(warehouse.OPENED.values()) == after_refresh


def test_the_metric_page_charts_twelve_months_up_to_the_as_of_date(browser_as: BrowserAs, metrics_file: Path) -> None:
    content = page(browser_as("viewer"), "/metrics/mqls/", **AS_OF)
    assert content.count('<rect class="column') == 12
    assert "Aug 25" in content
    assert "Jul 26" in content
    assert "The last month is not over yet" in content
    assert '<option value="web">web</option>' in content
    assert '<option value="bu-pumps">bu-pumps</option>' in content
    assert "count_distinct" in content


def june_value(content: str) -> int:
    row = re.search(r"<td>2026-06-01</td><td>2026-06-30</td><td class=\"number\">([\d,]+)", content)
    assert row, "June's row is in the table"
    return int(row.group(1).replace(",", ""))


def test_slicing_by_a_dimension_shows_the_values_of_that_slice(browser_as: BrowserAs, metrics_file: Path) -> None:
    client = browser_as("viewer")
    web = june_value(page(client, "/metrics/mqls/", channel="web", **AS_OF))
    everything = june_value(page(client, "/metrics/mqls/", **AS_OF))
    assert web == web_mqls_by_hand(metrics_file, date(2026, 6, 1), date(2026, 7, 1))
    assert 0 < web < everything


def test_the_grain_changes_the_buckets(browser_as: BrowserAs, metrics_file: Path) -> None:
    content = page(browser_as("viewer"), "/metrics/mqls/", grain="quarter", **AS_OF)
    assert content.count('<rect class="column') == 5  # Q3 2025 to Q3 2026
    assert '<option value="quarter" selected>' in content


def test_an_htmx_request_gets_only_the_values(browser_as: BrowserAs, metrics_file: Path) -> None:
    response = browser_as("viewer").get("/metrics/mqls/", {"channel": "web", **AS_OF}, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert "mqls by month, channel = web." in content
    assert content.count('<rect class="column') == 12


def test_an_unknown_metric_is_not_found(browser_as: BrowserAs, metrics_file: Path) -> None:
    assert browser_as("viewer").get("/metrics/no-such-metric/").status_code == 404


@pytest.mark.parametrize(("params", "message"), [({"grain": "day"}, "grain"), ({"colour": "red"}, "colour")])
def test_an_unknown_grain_or_dimension_is_refused(
    browser_as: BrowserAs, metrics_file: Path, params: dict[str, str], message: str
) -> None:
    response = browser_as("viewer").get("/metrics/mqls/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def refresh_now(client: Client, job_queue: JobQueue) -> str:
    """Press "Refresh now" (htmx), let the worker's job run, and return the panel the page then asks for."""
    response = client.post("/metrics/refresh", headers={"HX-Request": "true"})
    assert response.status_code == 200
    run = RefreshRun.objects.get()
    assert f'hx-get="/metrics/refresh/{run.pk}" hx-trigger="every 1s"' in response.content.decode()
    assert job_queue.run() == 1
    status = client.get(f"/metrics/refresh/{run.pk}", headers={"HX-Request": "true"})
    assert status.status_code == 200
    return status.content.decode()


def test_refresh_now_queues_a_refresh_and_answers_before_it_runs(
    browser_as: BrowserAs, bound: None, job_queue: JobQueue
) -> None:
    response = browser_as("admin").post("/metrics/refresh", headers={"HX-Request": "true"})
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="refresh-panel"' in content
    assert "<html" not in content
    assert 'data-status="queued"' in content
    assert "<code>lodestar worker</code> must be running" in content
    assert "<code>make demo</code> starts one" in content
    run = RefreshRun.objects.get()
    assert (run.status, run.requested_by, run.finished_at) == ("queued", "admin@example.com", None)
    assert job_queue.pending() == 1
    assert not Measurement.objects.filter(source__startswith="metric:").exists()
    # The catalog shows the queued refresh too, and keeps asking for it.
    catalog = page(browser_as("viewer"), "/metrics/")
    assert 'data-status="queued"' in catalog
    assert f'hx-get="/metrics/refresh/{run.pk}"' in catalog


def test_a_second_refresh_now_while_one_is_queued_queues_no_other(
    browser_as: BrowserAs, bound: None, job_queue: JobQueue
) -> None:
    client = browser_as("admin")
    client.post("/metrics/refresh", headers={"HX-Request": "true"})
    client.post("/metrics/refresh", headers={"HX-Request": "true"})
    assert RefreshRun.objects.count() == 1
    assert job_queue.pending() == 1


def test_an_admin_refreshes_now_and_sees_what_was_written_and_kept(
    browser_as: BrowserAs, bound: None, job_queue: JobQueue
) -> None:
    content = refresh_now(browser_as("admin"), job_queue)
    assert 'data-status="done"' in content
    assert "hx-trigger" not in content  # finished: the page stops asking
    written = (
        Measurement.objects.filter(source="metric:mqls").count()
        + KPIMeasurement.objects.filter(source="metric:web_sessions").count()
    )
    assert Measurement.objects.filter(key_result_id="web-mqls", source="metric:mqls").exists()
    assert (
        f"Refreshed 1 key result and 1 KPI as of {clock.today().isoformat()}: {written} measurements added" in content
    )
    # The key result's manual values of 31 March and 30 June stay, and the page says so.
    assert "key result web-mqls</span> on 2026-03-31: kept 150" in content
    assert "key result web-mqls</span> on 2026-06-30: kept 210" in content
    assert Measurement.objects.get(key_result_id="web-mqls", date=date(2026, 6, 30)).value == 210
    entry = AuditEntry.objects.get(action="metrics.refresh")
    assert (entry.actor, entry.surface) == ("admin@example.com", "worker")
    assert entry.after is not None
    assert entry.after["created"] == written
    assert {kept["date"] for kept in entry.after["kept_manual"]} == {"2026-03-31", "2026-06-30"}
    run = RefreshRun.objects.get()
    assert (run.status, run.created) == ("done", written)
    assert run.started_at is not None and run.finished_at is not None


def test_a_refresh_without_htmx_shows_its_own_page_that_follows_it(
    browser_as: BrowserAs, bound: None, job_queue: JobQueue
) -> None:
    client = browser_as("admin")
    response = client.post("/metrics/refresh")
    run = RefreshRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/metrics/refresh/{run.pk}"
    waiting = page(client, f"/metrics/refresh/{run.pk}")
    assert "<h1>Refresh metrics</h1>" in waiting
    assert '<meta http-equiv="refresh" content="2">' in waiting
    job_queue.run()
    done = page(client, f"/metrics/refresh/{run.pk}")
    assert "Refreshed 1 key result and 1 KPI" in done
    assert 'http-equiv="refresh"' not in done


def test_an_unknown_refresh_run_is_not_found(browser_as: BrowserAs, bound: None) -> None:
    assert browser_as("viewer").get("/metrics/refresh/999999").status_code == 404


@pytest.mark.parametrize("user", ["editor", "sam", "ana", "kim", "viewer", "unlinked"])
def test_only_admins_may_refresh(browser_as: BrowserAs, bound: None, user: str) -> None:
    response = browser_as(user).post("/metrics/refresh")
    assert response.status_code == 403
    assert not Measurement.objects.filter(source__startswith="metric:").exists()
    assert not AuditEntry.objects.filter(action="metrics.refresh").exists()
    assert not RefreshRun.objects.exists()


@pytest.mark.parametrize(("user", "shown"), [("admin", True), ("editor", False), ("sam", False), ("viewer", False)])
def test_the_refresh_button_is_shown_to_admins_only(
    browser_as: BrowserAs, metrics_file: Path, user: str, shown: bool
) -> None:
    assert ("Refresh now" in page(browser_as(user), "/metrics/")) is shown


def test_a_refresh_with_one_bad_binding_writes_the_others_and_names_the_bad_one(
    browser_as: BrowserAs, bound: None, job_queue: JobQueue
) -> None:
    KeyResult.objects.filter(id="tracked-share").update(metric="no-such-metric")
    content = refresh_now(browser_as("admin"), job_queue)
    assert "1 binding failed; the others were written." in content
    assert "key result tracked-share</span>: metric: unknown metric &#x27;no-such-metric&#x27;" in content
    assert Measurement.objects.filter(key_result_id="web-mqls", source="metric:mqls").exists()
    entry = AuditEntry.objects.get(action="metrics.refresh")
    assert entry.after is not None
    assert [failed["subject"] for failed in entry.after["failed"]] == ["key_result:tracked-share"]


def test_a_refresh_that_cannot_run_writes_nothing_and_says_why(
    browser_as: BrowserAs, bound: None, job_queue: JobQueue
) -> None:
    KeyResult.objects.filter(metric__isnull=False).update(metric="no-such-metric")
    KPI.objects.filter(metric__isnull=False).update(metric="no-such-metric")
    content = refresh_now(browser_as("admin"), job_queue)
    assert 'data-status="failed"' in content
    assert "The refresh failed; nothing was written." in content
    assert "key_result:web-mqls: metric: unknown metric &#x27;no-such-metric&#x27;" in content
    assert not Measurement.objects.filter(source__startswith="metric:").exists()
    assert not AuditEntry.objects.filter(action="metrics.refresh").exists()
    assert RefreshRun.objects.get().status == "failed"


def test_without_a_metrics_file_refresh_now_queues_nothing_and_says_how_to_configure_one(
    browser_as: BrowserAs, cast: Cast, job_queue: JobQueue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LODESTAR_METRICS_FILE", raising=False)
    response = browser_as("admin").post("/metrics/refresh", headers={"HX-Request": "true"})
    assert "set LODESTAR_METRICS_FILE" in response.content.decode()
    assert not RefreshRun.objects.exists()
    assert job_queue.pending() == 0


def test_the_catalog_names_bindings_that_name_no_metric(browser_as: BrowserAs, bound: None) -> None:
    KeyResult.objects.filter(id="tracked-share").update(metric="no-such-metric")
    content = page(browser_as("viewer"), "/metrics/")
    assert "key_result:tracked-share: unknown metric &#x27;no-such-metric&#x27;" in content


def test_the_goal_page_shows_the_binding_and_where_each_value_came_from(
    browser_as: BrowserAs, bound: None, job_queue: JobQueue
) -> None:
    refresh_now(browser_as("admin"), job_queue)
    content = page(browser_as("viewer"), "/goals/more-leads/")
    card = first_match(r'<article[^>]*id="kr-web-mqls".*?</article>', content)
    assert "Values from metric" in card
    assert 'href="/metrics/mqls/?grain=month&amp;channel=web"' in card
    assert "period to date · by month" in card
    assert "Metrics last refreshed" in card
    assert "a refresh never overwrites them" in card
    assert '<span class="origin metric">metric:mqls</span>' in card
    assert "entered by hand" in card


def test_a_key_result_without_a_binding_shows_none(browser_as: BrowserAs, bound: None) -> None:
    content = page(browser_as("viewer"), "/goals/mkt-analytics/")
    assert "Values from metric" not in content


def test_the_goal_page_says_when_metrics_were_never_refreshed(browser_as: BrowserAs, bound: None) -> None:
    content = page(browser_as("viewer"), "/goals/more-leads/")
    assert "Metrics have not been refreshed yet." in content


def edit_key_result(client: Client, **metric: str) -> TestResponse:
    kr = KeyResult.objects.get(id="tracked-share")
    data = {"title": kr.title, "unit": "%", "baseline": "20", "target": "90", "version": str(kr.version), **metric}
    return client.post("/key-results/tracked-share/edit", data)


def test_the_key_result_editor_binds_a_metric_with_slice_window_and_grain(
    browser_as: BrowserAs, metrics_file: Path
) -> None:
    client = browser_as("sam")
    response = edit_key_result(
        client,
        metric_id="mqls",
        metric_where="channel=web, business_unit=bu-pumps",
        metric_window="bucket",
        metric_grain="week",
    )
    assert response.status_code == 302
    assert KeyResult.objects.get(id="tracked-share").metric == {
        "id": "mqls",
        "where": {"channel": "web", "business_unit": "bu-pumps"},
        "window": "bucket",
        "grain": "week",
    }
    form = page(client, "/key-results/tracked-share/edit")
    assert 'value="channel=web, business_unit=bu-pumps"' in form
    assert '<option value="bucket" selected>' in form
    assert '<option value="mqls">' in form  # the configured file's metrics are offered


def test_the_key_result_editor_binds_by_id_alone_and_unbinds(browser_as: BrowserAs, metrics_file: Path) -> None:
    client = browser_as("sam")
    assert edit_key_result(client, metric_id="mqls").status_code == 302
    assert KeyResult.objects.get(id="tracked-share").metric == "mqls"
    assert edit_key_result(client, metric_id="").status_code == 302
    assert KeyResult.objects.get(id="tracked-share").metric is None


@pytest.mark.parametrize(
    ("metric", "message"),
    [
        ({"metric_id": "Not An Id"}, "is not a valid id"),
        ({"metric_id": "mqls", "metric_where": "channel"}, "expected a mapping of dimension to a text value"),
        ({"metric_id": "mqls", "metric_grain": "day"}, "day"),
        ({"metric_where": "channel=web"}, "required"),
    ],
)
def test_the_key_result_editor_refuses_a_bad_binding_as_the_import_does(
    browser_as: BrowserAs, metrics_file: Path, metric: dict[str, str], message: str
) -> None:
    response = edit_key_result(browser_as("sam"), **metric)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert KeyResult.objects.get(id="tracked-share").metric is None


SMALL_FILE = """lodestar_metrics: 1
warehouse: {{engine: duckdb, tables: {{leads: {leads}}}}}
sources:
  leads: {{table: leads, time: created_at, dimensions: {{channel: lower(channel)}}, filter: "NOT is_test"}}
metrics:
  leads: {{type: simple, source: leads, agg: count_distinct, expr: lead_id}}
  mqls: {{type: simple, source: leads, agg: count_distinct, expr: lead_id, time: mql_at, filter: "mql_at IS NOT NULL"}}
"""


def test_the_catalog_does_not_query_the_database_per_metric(
    browser_as: BrowserAs, bound: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_warehouse: Path
) -> None:
    client = browser_as("viewer")

    def queries() -> tuple[int, int]:
        client.get("/metrics/")
        with CaptureQueriesContext(connection) as captured:
            content = page(client, "/metrics/")
        return len(captured), content.count('<tr id="metric-')

    many_queries, many_metrics = queries()
    write_metrics(tmp_path, SMALL_FILE.format(leads=demo_warehouse.parent / "leads.parquet"), monkeypatch)
    few_queries, few_metrics = queries()
    assert (few_metrics, many_metrics > 20) == (2, True)
    assert many_queries == few_queries


def test_the_metric_pages_speak_german_with_german_dates(browser_as: BrowserAs, metrics_file: Path) -> None:
    client = browser_as("viewer")
    german = {"Accept-Language": "de"}

    catalog = client.get("/metrics/", headers=german).content.decode()
    metric = client.get("/metrics/mqls/", AS_OF, headers=german).content.decode()

    assert "<h1>Metriken</h1>" in catalog
    assert "Gebunden an" in catalog
    assert ">einfach</span>" in catalog
    assert "Werte der letzten zwölf Monate" in metric
    assert "mqls nach Monat, alle Daten." in metric
    assert "Der letzte Monat ist noch nicht vorbei" in metric
    assert '<option value="quarter">Quartal</option>' in metric
    assert "<td>01.06.2026</td><td>30.06.2026</td>" in metric


def test_the_refresh_panel_says_what_was_written_in_german(
    browser_as: BrowserAs, bound: None, job_queue: JobQueue
) -> None:
    client = browser_as("admin")
    User.objects.filter(email="admin@example.com").update(language="de")

    content = refresh_now(client, job_queue)

    today = clock.today().strftime("%d.%m.%Y")
    assert f"1 Schlüsselergebnis und 1 KPI aktualisiert, Stand {today}:" in content
    assert "Schlüsselergebnis web-mqls</span> am 31.03.2026: 150 beibehalten" in content


def test_the_catalog_shows_an_edit_of_the_metrics_file_at_once(
    browser_as: BrowserAs, cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_warehouse: Path
) -> None:
    client = browser_as("viewer")
    path = write_metrics(tmp_path, SMALL_FILE.format(leads=demo_warehouse.parent / "leads.parquet"), monkeypatch)
    assert page(client, "/metrics/").count('<tr id="metric-') == 2
    path.write_text(path.read_text(encoding="utf-8").replace("  mqls:", "  qualified:"), encoding="utf-8")
    edited = page(client, "/metrics/")
    assert '<tr id="metric-qualified">' in edited
    assert '<tr id="metric-mqls">' not in edited
