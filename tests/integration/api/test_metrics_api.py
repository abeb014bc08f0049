"""GET /metrics (the catalog, as `lodestar metrics list --format json`) and POST /metrics/refresh (admins)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from lodestar.accounts.models import AuditEntry
from lodestar.goals.models import KeyResult, KPIMeasurement, Measurement
from lodestar.metrics.models import RefreshRun
from tests.conftest import run_lodestar
from tests.integration.accounts.cast import ApiAs, Cast
from tests.integration.warehouse import INVALID, UNREACHABLE, write_metrics


def test_it_lists_the_metrics_exactly_as_the_list_command_does(api_as: ApiAs, bound: None) -> None:
    response = api_as("viewer").get("/metrics")
    assert response.status_code == 200
    cli = run_lodestar("metrics", "list", "--format", "json")
    assert cli.code == 0, cli.err
    assert response.json() == json.loads(cli.out)
    mqls = next(entry for entry in response.json()["metrics"] if entry["id"] == "mqls")
    assert (mqls["agg"], mqls["expr"], mqls["filter"]) == ("count_distinct", "lead_id", "mql_at IS NOT NULL")
    assert mqls["bound"] == [
        {"subject": "key_result:web-mqls", "where": {"channel": "web"}, "window": "period_to_date", "grain": "month"}
    ]


def test_the_list_names_bindings_that_name_no_metric(api_as: ApiAs, bound: None) -> None:
    KeyResult.objects.filter(id="tracked-share").update(metric="no-such-metric")
    assert api_as("viewer").get("/metrics").json()["unresolved"] == [
        "key_result:tracked-share: unknown metric 'no-such-metric'"
    ]


def test_without_a_metrics_file_the_metrics_are_not_found(
    api_as: ApiAs, cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LODESTAR_METRICS_FILE", raising=False)
    for response in (api_as("viewer").get("/metrics"), api_as("admin").post("/metrics/refresh")):
        assert response.status_code == 404
        assert "LODESTAR_METRICS_FILE" in response.json()["error"]


def test_a_bad_metrics_file_is_a_conflict_with_every_problem(
    api_as: ApiAs, cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_metrics(tmp_path, INVALID, monkeypatch)
    for response in (api_as("viewer").get("/metrics"), api_as("admin").post("/metrics/refresh")):
        assert response.status_code == 409
        paths = {detail["path"] for detail in response.json()["details"]}
        assert {"metrics.mqls.source", "metrics.rate.denominator"} <= paths


def test_a_warehouse_that_cannot_be_reached_is_a_bad_gateway(
    api_as: ApiAs, bound: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_metrics(tmp_path, UNREACHABLE, monkeypatch)
    KeyResult.objects.filter(id="web-mqls").update(metric="leads")
    KeyResult.objects.filter(id="tracked-share").update(metric=None)
    response = api_as("admin").post("/metrics/refresh")
    assert response.status_code == 502
    assert "cannot connect to the warehouse" in response.json()["error"]


def test_an_admin_refreshes_and_learns_what_was_written_and_kept(api_as: ApiAs, bound: None) -> None:
    response = api_as("admin").post("/metrics/refresh?as_of=2026-07-01")
    assert response.status_code == 200
    body = response.json()
    assert body["as_of"] == "2026-07-01"
    stored = Measurement.objects.filter(source="metric:mqls").count()
    stored += KPIMeasurement.objects.filter(source="metric:web_sessions").count()
    assert body["created"] == stored > 0
    assert {"subject": "key_result:web-mqls", "metric": "mqls", "measurements": 7} in body["items"]
    assert [(kept["subject"], kept["date"], kept["manual"]) for kept in body["kept_manual"]] == [
        ("key_result:web-mqls", "2026-03-31", 150),
        ("key_result:web-mqls", "2026-06-30", 210),
    ]
    entry = AuditEntry.objects.get(action="metrics.refresh")
    assert (entry.actor, entry.surface, entry.subject) == ("admin@example.com", "api", "metrics")
    again = api_as("admin").post("/metrics/refresh?as_of=2026-07-01").json()
    assert (again["created"], again["updated"], again["removed"]) == (0, 0, 0)


@pytest.mark.parametrize("user", ["editor", "sam", "ana", "kim", "viewer", "unlinked"])
def test_only_admins_may_refresh(api_as: ApiAs, bound: None, user: str) -> None:
    response = api_as(user).post("/metrics/refresh")
    assert response.status_code == 403
    assert "only admins may refresh metrics" in response.json()["error"]
    assert not Measurement.objects.filter(source__startswith="metric:").exists()
    assert not RefreshRun.objects.exists()
    assert not AuditEntry.objects.filter(action="metrics.refresh").exists()


def test_a_refresh_writes_the_bindings_that_fit_and_reports_the_one_that_does_not(api_as: ApiAs, bound: None) -> None:
    KeyResult.objects.filter(id="tracked-share").update(metric={"id": "mqls", "where": {"colour": "red"}})
    response = api_as("admin").post("/metrics/refresh")
    assert response.status_code == 200
    [failed] = response.json()["failed"]
    assert failed["subject"] == "key_result:tracked-share"
    assert "cannot be sliced by 'colour'" in failed["reason"]
    assert not Measurement.objects.filter(key_result_id="tracked-share", source__startswith="metric:").exists()
    assert Measurement.objects.filter(source__startswith="metric:").exists()


@pytest.mark.parametrize("as_of", ["2026-02-30", "yesterday"])
def test_a_refresh_refuses_an_impossible_as_of_date(api_as: ApiAs, bound: None, as_of: str) -> None:
    response = api_as("admin").post(f"/metrics/refresh?as_of={as_of}")
    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "as_of"


def test_the_metrics_need_a_token(api_as: ApiAs, metrics_file: Path) -> None:
    assert api_as(None).get("/metrics").status_code == 401
    assert api_as(None).post("/metrics/refresh").status_code == 401


def test_the_refresh_command_writes_one_audit_entry(bound: None) -> None:
    result = run_lodestar("metrics", "refresh", "--as-of", "2026-07-01")
    assert result.code == 0, result.err
    entry = AuditEntry.objects.get(action="metrics.refresh")
    assert (entry.actor, entry.surface) == ("command line", "cli")
    assert entry.after is not None
    assert entry.after["as_of"] == "2026-07-01"
    assert entry.after["created"] == Measurement.objects.filter(source__startswith="metric:").count() + (
        KPIMeasurement.objects.filter(source__startswith="metric:").count()
    )
    assert date(2026, 6, 30) in set(Measurement.objects.filter(key_result_id="web-mqls").values_list("date", flat=True))


def test_an_owner_may_still_enter_a_value_by_hand_on_a_bound_key_result(api_as: ApiAs, bound: None) -> None:
    body = {"date": "2026-04-30", "value": 170, "source": "CRM export"}
    assert api_as("admin").post("/key-results/web-mqls/measurements", body).status_code == 201
    assert run_lodestar("metrics", "refresh", "--as-of", "2026-07-01").code == 0
    kept = Measurement.objects.get(key_result_id="web-mqls", date=date(2026, 4, 30))
    assert (kept.value, kept.source) == (170, "CRM export")


def test_a_value_entered_by_hand_cannot_pose_as_a_metric_value(api_as: ApiAs, bound: None) -> None:
    body = {"date": "2026-04-30", "value": 170, "source": "metric:mqls"}
    response = api_as("admin").post("/key-results/web-mqls/measurements", body)
    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "source"
    assert "marks values a metric refresh writes" in response.json()["details"][0]["message"]
    assert not Measurement.objects.filter(key_result_id="web-mqls", date=date(2026, 4, 30)).exists()
