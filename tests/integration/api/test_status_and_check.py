import json

import pytest

from lodestar.lib import clock
from tests.conftest import run_lodestar
from tests.integration.accounts.cast import ApiAs, Cast


def test_status_is_exactly_the_json_of_the_status_command(api_as: ApiAs) -> None:
    response = api_as("viewer").get("/status", as_of="2026-07-01")
    assert response.status_code == 200
    cli = run_lodestar("status", "--format", "json", "--as-of", "2026-07-01")
    assert response.json() == json.loads(cli.out)


def test_check_is_exactly_the_json_of_the_check_command(api_as: ApiAs) -> None:
    response = api_as("viewer").get("/check", as_of="2026-07-01")
    assert response.status_code == 200
    cli = run_lodestar("check", "--format", "json", "--as-of", "2026-07-01")
    assert response.json() == json.loads(cli.out)
    assert response.json()["findings"], "the small organization has findings to compare"


def test_status_defaults_to_today(api_as: ApiAs) -> None:

    assert api_as("viewer").get("/status").json()["as_of"] == clock.today().isoformat()


@pytest.mark.parametrize("as_of", ["2026-02-30", "yesterday", "2026-7-1", "2026-07-01T00:00"])
def test_it_refuses_an_impossible_as_of_date(api_as: ApiAs, as_of: str) -> None:
    response = api_as("viewer").get("/status", as_of=as_of)
    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "as_of"


def test_status_without_a_model_is_not_found(db: None, api_as: ApiAs, cast: Cast) -> None:
    from lodestar.store.store import delete_all

    delete_all()
    response = api_as("viewer").get("/status")
    assert response.status_code == 404
    assert "imported" in response.json()["error"]


def test_units_and_people_are_listed(api_as: ApiAs) -> None:
    units = api_as("viewer").get("/units").json()["items"]
    people = api_as("viewer").get("/people").json()["items"]
    assert [u["id"] for u in units] == ["company", "ms", "mkt", "sales", "it"]
    assert {"id": "sam", "name": "Sam Lee", "unit": "mkt", "email": None, "position": None} in people
