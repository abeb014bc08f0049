from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.services import set_active
from lodestar.accounts.tokens import revoke_token
from tests.integration.accounts.cast import ApiAs, BrowserAs, Cast


def test_it_refuses_a_request_without_a_token(api_as: ApiAs) -> None:
    response = api_as(None).get("/goals")
    assert response.status_code == 401
    assert set(response.json()) == {"error", "details"}


def test_it_refuses_a_wrong_token(api_as: ApiAs, cast: Cast) -> None:
    cast.token["viewer"] = cast.token["viewer"][:-4] + "abcd"
    response = api_as("viewer").get("/goals")
    assert response.status_code == 401


def test_it_refuses_a_token_that_is_not_ours(api_as: ApiAs, cast: Cast) -> None:
    cast.token["viewer"] = "not-a-lodestar-token"
    assert api_as("viewer").get("/status").status_code == 401


def test_it_refuses_a_revoked_token(api_as: ApiAs, cast: Cast) -> None:
    revoke_token(actor=command_line_actor(), prefix=cast.token["viewer"])
    assert api_as("viewer").get("/goals").status_code == 401


def test_it_refuses_the_token_of_a_deactivated_user(api_as: ApiAs, cast: Cast) -> None:
    set_active(actor=command_line_actor(), email="viewer@example.com", active=False)
    assert api_as("viewer").get("/goals").status_code == 401


def test_it_refuses_a_session_cookie_instead_of_a_token(browser_as: BrowserAs, cast: Cast) -> None:
    response = browser_as("admin").get("/api/v1/goals")
    assert response.status_code == 401


def test_it_publishes_the_openapi_document(api_as: ApiAs) -> None:
    response = api_as("viewer").get("/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/goals/{goal_id}" in paths
    assert "/api/v1/key-results/{key_result_id}/check-ins" in paths
    assert "requestBody" in paths["/api/v1/goals"]["post"]
