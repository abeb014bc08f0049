"""Recording, replacing, correcting and deleting a key result's measurement: POST, PATCH and DELETE."""

from __future__ import annotations

from datetime import date

import pytest

from lodestar.accounts.models import AuditEntry
from lodestar.goals.models import Measurement
from tests.conftest import run_lodestar
from tests.integration.accounts.cast import ApiAs

# web-mqls (owned by Marketing & Sales) has 150 on 2026-03-31 and 210 on 2026-06-30, entered by hand.
MEASUREMENTS = "/key-results/web-mqls/measurements"
JUNE = f"{MEASUREMENTS}/2026-06-30"


def stored(key_result: str = "web-mqls") -> dict[str, float]:
    rows = Measurement.objects.filter(key_result_id=key_result).values_list("date", "value")
    return {day.isoformat(): value for day, value in rows}


def test_a_second_value_on_a_day_names_the_value_there_and_offers_to_replace_it(api_as: ApiAs) -> None:
    response = api_as("editor").post(MEASUREMENTS, {"date": "2026-06-30", "value": 220})

    assert response.status_code == 422
    assert response.json() == {
        "error": "2026-06-30 has a value already: replace it (replace: true), or choose another day",
        "details": [{"path": "date", "message": "2026-06-30 has a value already: 210 leads (entered by hand)"}],
    }


def test_replace_true_replaces_the_value_on_that_day(api_as: ApiAs) -> None:
    response = api_as("editor").post(MEASUREMENTS, {"date": "2026-06-30", "value": 220, "replace": True})

    assert response.status_code == 201, response.content
    assert response.json() == {"date": "2026-06-30", "value": 220, "version": 2}
    assert stored() == {"2026-03-31": 150, "2026-06-30": 220}
    entry = AuditEntry.objects.get(action="measurement.record")
    assert (entry.before, entry.after) == ({"date": "2026-06-30", "value": 210}, {"date": "2026-06-30", "value": 220})


def test_a_correction_changes_the_value_and_moves_the_version_on(api_as: ApiAs) -> None:
    response = api_as("editor").patch(JUNE, {"value": 205, "source": "CRM export", "version": 1})

    assert response.status_code == 200, response.content
    assert response.json() == {"date": "2026-06-30", "value": 205, "source": "CRM export", "version": 2}
    assert api_as("viewer").get("/key-results/web-mqls", as_of="2026-07-01").json()["current"] == 205
    entry = AuditEntry.objects.get(action="measurement.update")
    assert (entry.actor, entry.subject, entry.goal_id) == ("editor@example.com", "key_result:web-mqls", "more-leads")
    assert entry.before == {"date": "2026-06-30", "value": 210}
    assert entry.after == {"date": "2026-06-30", "value": 205, "source": "CRM export"}


def test_a_correction_based_on_a_stale_version_is_a_conflict(api_as: ApiAs) -> None:
    assert api_as("editor").patch(JUNE, {"value": 205, "version": 1}).status_code == 200

    response = api_as("editor").patch(JUNE, {"value": 199, "version": 1})

    assert response.status_code == 409
    assert "changed by someone else" in response.json()["error"]
    assert stored()["2026-06-30"] == 205


def test_a_correction_needs_its_version(api_as: ApiAs) -> None:
    response = api_as("editor").patch(JUNE, {"value": 205})

    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "version"


def test_a_correction_may_move_the_value_to_a_free_day_but_not_onto_another_value(api_as: ApiAs) -> None:
    onto = api_as("editor").patch(JUNE, {"date": "2026-03-31", "version": 1})
    assert onto.status_code == 422
    assert onto.json()["details"][0]["path"] == "date"

    moved = api_as("editor").patch(JUNE, {"date": "2026-06-29", "version": 1})
    assert moved.status_code == 200, moved.content
    assert stored() == {"2026-03-31": 150, "2026-06-29": 210}


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"value": "many"}, "value"),
        ({"value": None}, "value"),
        ({"source": "metric:mqls"}, "source"),
        ({"date": "2026-02-30"}, "date"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_wrong_correction_is_refused_with_its_path(api_as: ApiAs, changes: dict[str, object], path: str) -> None:
    response = api_as("editor").patch(JUNE, {**changes, "version": 1})

    assert response.status_code == 422
    assert path in [d["path"] for d in response.json()["details"]]
    assert stored()["2026-06-30"] == 210


def test_it_deletes_a_measurement(api_as: ApiAs) -> None:
    response = api_as("editor").delete(f"{JUNE}?version=1")

    assert response.status_code == 204
    assert stored() == {"2026-03-31": 150}
    assert api_as("viewer").get("/key-results/web-mqls", as_of="2026-07-01").json()["current"] == 150
    entry = AuditEntry.objects.get(action="measurement.delete")
    assert entry.before == {"date": "2026-06-30", "value": 210}


def test_a_delete_based_on_a_stale_version_is_a_conflict(api_as: ApiAs) -> None:
    api_as("editor").patch(JUNE, {"value": 205, "version": 1})

    assert api_as("editor").delete(f"{JUNE}?version=1").status_code == 409
    assert "2026-06-30" in stored()


@pytest.mark.parametrize("method", ["patch", "delete"])
def test_a_day_without_a_measurement_is_not_found(api_as: ApiAs, method: str) -> None:
    api = api_as("editor")
    path = f"{MEASUREMENTS}/2026-05-01"
    response = api.patch(path, {"value": 1, "version": 1}) if method == "patch" else api.delete(path)

    assert response.status_code == 404
    assert response.json()["error"] == "key result 'web-mqls' has no measurement on 2026-05-01"


def test_a_day_that_is_not_a_date_is_refused_with_its_path(api_as: ApiAs) -> None:
    response = api_as("editor").patch(f"{MEASUREMENTS}/30-06-2026", {"value": 1, "version": 1})

    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "date"


@pytest.mark.parametrize("user", ["kim", "ana", "viewer"])
def test_only_who_may_change_the_goal_corrects_or_deletes_its_values(api_as: ApiAs, user: str) -> None:
    assert api_as(user).patch(JUNE, {"value": 1, "version": 1}).status_code == 403
    assert api_as(user).delete(JUNE).status_code == 403
    assert stored()["2026-06-30"] == 210


def test_the_owner_corrects_the_values_of_their_goal(api_as: ApiAs) -> None:
    api_as("sam").post("/key-results/tracked-share/measurements", {"date": "2026-06-30", "value": 40})

    response = api_as("sam").patch("/key-results/tracked-share/measurements/2026-06-30", {"value": 41, "version": 1})

    assert response.status_code == 200, response.content
    assert stored("tracked-share") == {"2026-06-30": 41}


def test_a_value_a_metric_refresh_wrote_is_neither_corrected_nor_deleted(api_as: ApiAs, bound: None) -> None:
    assert run_lodestar("metrics", "refresh", "--as-of", "2026-07-01").code == 0
    refreshed = Measurement.objects.get(key_result_id="web-mqls", date=date(2026, 5, 31))
    path = f"{MEASUREMENTS}/2026-05-31"

    for response in (
        api_as("admin").patch(path, {"value": 1, "version": refreshed.version}),
        api_as("admin").delete(path),
    ):
        assert response.status_code == 403
        error = response.json()["error"]
        assert error.startswith("you may not change the value on 2026-05-31: ")
        assert "from metric 'mqls'" in error
        assert "cannot be changed by hand" in error
    assert Measurement.objects.get(pk=refreshed.pk).value == refreshed.value


def test_a_key_results_measurements_carry_their_versions(api_as: ApiAs) -> None:
    api_as("editor").patch(JUNE, {"value": 205, "version": 1})

    kr = api_as("viewer").get("/key-results/web-mqls").json()

    assert [(m["date"], m["version"]) for m in kr["measurements"]] == [("2026-03-31", 1), ("2026-06-30", 2)]
