"""POST /key-results/<id>/check-ins: the value and the check-in in one call, one transaction, one audit entry."""

from __future__ import annotations

from datetime import date

import pytest

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import AuditEntry
from lodestar.goals import services
from lodestar.goals.models import CheckIn, KeyResult, Measurement
from lodestar.goals.services import updates as update_services
from lodestar.lib import clock
from lodestar.lib.limits import FIRST_DAY, TEXT_MAX
from tests.conftest import run_lodestar
from tests.integration.accounts.cast import ApiAs
from tests.integration.api.test_write_races import the_other_writer_lands_after_the_read

CHECK_INS = "/key-results/tracked-share/check-ins"


def test_a_check_in_records_the_value_and_the_confidence_in_one_call(api_as: ApiAs) -> None:
    response = api_as("sam").post(CHECK_INS, {"date": "2026-06-30", "value": 48, "confidence": 7})

    assert response.status_code == 201, response.content
    assert response.json() == {
        "date": "2026-06-30",
        "by": "sam",
        "confidence": 7,
        "measurement": {"date": "2026-06-30", "value": 48, "version": 1},
    }
    assert Measurement.objects.get(key_result_id="tracked-share").value == 48
    assert CheckIn.objects.get(key_result_id="tracked-share").confidence == 7
    kr = api_as("viewer").get("/key-results/tracked-share", as_of="2026-07-01").json()
    assert (kr["current"], kr["confidence"]) == (48, 7)


def test_a_check_in_with_a_value_is_one_audit_entry_with_both(api_as: ApiAs) -> None:
    api_as("sam").post(CHECK_INS, {"date": "2026-06-30", "value": 48, "confidence": 7, "note": "On plan."})

    [entry] = AuditEntry.objects.filter(subject="key_result:tracked-share")
    assert (entry.action, entry.actor, entry.goal_id) == ("check_in.record", "sam@example.com", "mkt-analytics")
    assert entry.before is None
    assert entry.after == {
        "date": "2026-06-30",
        "by": "sam",
        "confidence": 7,
        "note": "On plan.",
        "measurement": {"date": "2026-06-30", "value": 48},
    }


def test_the_date_defaults_to_today(api_as: ApiAs) -> None:
    response = api_as("sam").post(CHECK_INS, {"value": 48, "confidence": 7})

    assert response.status_code == 201, response.content
    today = clock.today()
    assert response.json()["date"] == today.isoformat()
    assert Measurement.objects.get(key_result_id="tracked-share").date == today
    assert CheckIn.objects.get(key_result_id="tracked-share").date == today


def test_a_check_in_without_a_value_answers_as_it_always_did(api_as: ApiAs) -> None:
    response = api_as("sam").post(CHECK_INS, {"date": "2026-07-01", "confidence": 7})

    assert response.status_code == 201
    assert response.json() == {"date": "2026-07-01", "by": "sam", "confidence": 7}
    assert not Measurement.objects.filter(key_result_id="tracked-share").exists()


def test_every_issue_of_the_value_and_the_check_in_is_reported_and_nothing_is_stored(api_as: ApiAs) -> None:
    response = api_as("sam").post(CHECK_INS, {"date": "2026-06-30", "value": "48", "confidence": 2})

    assert response.status_code == 422
    assert {d["path"] for d in response.json()["details"]} == {"value", "note"}
    assert not Measurement.objects.filter(key_result_id="tracked-share").exists()
    assert not CheckIn.objects.filter(key_result_id="tracked-share").exists()


def test_a_date_after_today_is_reported_once(api_as: ApiAs) -> None:
    tomorrow = date.fromordinal(clock.today().toordinal() + 1).isoformat()
    response = api_as("sam").post(CHECK_INS, {"date": tomorrow, "value": 48, "confidence": 7})

    assert response.status_code == 422
    assert [d["path"] for d in response.json()["details"]] == ["date"]


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({"date": (FIRST_DAY.replace(year=FIRST_DAY.year - 1)).isoformat(), "value": 1, "confidence": 7}, "date"),
        ({"value": 1, "confidence": 7, "note": "x" * (TEXT_MAX + 1)}, "note"),
        ({"value": 1, "confidence": 7, "note": "bad\x00text"}, "note"),
    ],
)
def test_the_limits_apply_to_a_check_in(api_as: ApiAs, body: dict[str, object], path: str) -> None:
    response = api_as("sam").post(CHECK_INS, body)

    assert response.status_code == 422
    assert [d["path"] for d in response.json()["details"]] == [path]


def test_a_day_with_a_value_entered_by_hand_asks_to_replace_it(api_as: ApiAs) -> None:
    api_as("sam").post(CHECK_INS, {"date": "2026-06-30", "value": 45, "confidence": 6})

    response = api_as("sam").post(CHECK_INS, {"date": "2026-06-30", "value": 48, "confidence": 7})

    assert response.status_code == 422
    body = response.json()
    assert "replace: true" in body["error"]
    assert body["details"] == [{"path": "date", "message": "2026-06-30 has a value already: 45 % (entered by hand)"}]
    assert CheckIn.objects.filter(key_result_id="tracked-share").count() == 1


def test_replace_writes_the_new_value_over_the_one_entered_by_hand(api_as: ApiAs) -> None:
    api_as("sam").post(CHECK_INS, {"date": "2026-06-30", "value": 45, "confidence": 6})

    response = api_as("sam").post(CHECK_INS, {"date": "2026-06-30", "value": 48, "confidence": 7, "replace": True})

    assert response.status_code == 201, response.content
    assert response.json()["measurement"] == {"date": "2026-06-30", "value": 48, "version": 2}
    assert response.json()["replaced"] == {"date": "2026-06-30", "value": 45}
    assert list(Measurement.objects.filter(key_result_id="tracked-share").values_list("value", flat=True)) == [48]
    entry = AuditEntry.objects.filter(action="check_in.record").latest("at")
    assert entry.before == {"measurement": {"date": "2026-06-30", "value": 45}}
    assert entry.after == {
        "date": "2026-06-30",
        "by": "sam",
        "confidence": 7,
        "measurement": {"date": "2026-06-30", "value": 48},
    }


def test_a_value_a_metric_refresh_wrote_is_never_replaced(api_as: ApiAs, bound: None) -> None:
    assert run_lodestar("metrics", "refresh", "--as-of", "2026-07-01").code == 0
    refreshed = Measurement.objects.get(key_result_id="web-mqls", date=date(2026, 5, 31))

    body = {"date": "2026-05-31", "value": 1, "confidence": 7, "replace": True}
    response = api_as("editor").post("/key-results/web-mqls/check-ins", body)

    assert response.status_code == 422
    [detail] = response.json()["details"]
    assert detail["path"] == "date"
    assert "a metric refresh wrote" in detail["message"]
    assert "cannot be changed by hand" in detail["message"]
    assert Measurement.objects.get(pk=refreshed.pk).value == refreshed.value
    assert not CheckIn.objects.filter(key_result_id="web-mqls", date=date(2026, 5, 31)).exists()


def test_a_member_may_not_check_in_on_another_units_key_result(api_as: ApiAs) -> None:
    response = api_as("kim").post(CHECK_INS, {"value": 48, "confidence": 7})

    assert response.status_code == 403
    assert not Measurement.objects.filter(key_result_id="tracked-share").exists()


def test_a_value_saved_on_that_day_at_the_same_moment_is_a_conflict_and_stores_no_check_in(
    api_as: ApiAs, monkeypatch: pytest.MonkeyPatch
) -> None:
    the_other_writer_lands_after_the_read(
        monkeypatch,
        update_services,
        lambda: services.record_measurement(
            actor=command_line_actor(), key_result_id="tracked-share", document={"date": "2026-06-30", "value": 5}
        ),
    )

    response = api_as("sam").post(CHECK_INS, {"date": "2026-06-30", "value": 48, "confidence": 7})

    assert response.status_code == 409, response.content
    assert response.json()["error"].startswith("a check-in on key result 'tracked-share' clashes")
    # The other write ran inside this test's transaction, which the refused one rolled back with it.
    assert 48 not in Measurement.objects.filter(key_result_id="tracked-share").values_list("value", flat=True)
    assert not CheckIn.objects.filter(key_result_id="tracked-share").exists()


def test_the_openapi_describes_the_check_in_and_the_correction(api_as: ApiAs) -> None:
    paths = api_as("editor").get("/openapi.json").json()["paths"]
    check_in = paths["/api/v1/key-results/{key_result_id}/check-ins"]["post"]
    correction = paths["/api/v1/key-results/{key_result_id}/measurements/{day}"]["patch"]

    body = check_in["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["confidence"]
    assert {"date", "value", "confidence", "note", "replace"} <= set(body["properties"])
    answer = check_in["responses"]["201"]["content"]["application/json"]["schema"]
    assert answer["properties"]["measurement"]["required"] == ["date", "value", "version"]
    assert correction["requestBody"]["content"]["application/json"]["schema"]["required"] == ["version"]
    assert "delete" in paths["/api/v1/key-results/{key_result_id}/measurements/{day}"]


def test_the_check_in_owner_named_by_the_key_result_checks_in_without_editing_the_goal(api_as: ApiAs) -> None:
    KeyResult.objects.filter(id="tracked-share").update(owner_id="kim")
    kim = api_as("kim")

    assert kim.post(CHECK_INS, {"date": "2026-06-30", "value": 48, "confidence": 7}).status_code == 201
    assert CheckIn.objects.get(key_result_id="tracked-share").by_id == "kim"
    assert kim.patch("/goals/mkt-analytics", {"version": 1, "title": "Mine now"}).status_code == 403
    assert api_as("ana").post("/key-results/accepted-leads/check-ins", {"confidence": 7}).status_code == 403
