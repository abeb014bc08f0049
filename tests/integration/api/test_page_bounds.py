"""The paginated lists of the API take bounded numbers: a huge or bad `limit` or `offset` is a 422 at its field.

(The audit page's `?page=` is bounded the same way: tests/integration/web/test_errors.py.)
"""

from __future__ import annotations

import pytest

from tests.integration.accounts.cast import ApiAs

LISTS = ("/goals", "/key-results")
HUGE = "9" * 40


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("offset", HUGE, "expected 0 to 10000000, got 9999999999"),
        ("offset", "10000001", "expected 0 to 10000000, got 10000001"),
        ("offset", "-1", "expected 0 to 10000000, got -1"),
        ("offset", "9" * 5000, "integer"),
        ("offset", "abc", "integer"),
        ("offset", "1e3", "integer"),
        ("limit", HUGE, "expected 1 to 500, got 9999999999"),
        ("limit", "0", "expected 1 to 500, got 0"),
        ("limit", "", "integer"),
    ],
)
def test_a_huge_or_bad_page_position_is_refused_at_its_field(
    api_as: ApiAs, path: str, field: str, value: str, message: str
) -> None:
    response = api_as("viewer").get(path, **{field: value})
    assert response.status_code == 422
    body = response.json()
    assert [detail["path"] for detail in body["details"]] == [field]
    assert message in body["details"][0]["message"]
    assert len(body["details"][0]["message"]) < 200


@pytest.mark.parametrize("path", LISTS)
def test_an_offset_past_the_last_item_is_an_empty_page_that_says_how_many_there_are(api_as: ApiAs, path: str) -> None:
    everything = api_as("viewer").get(path).json()
    past = api_as("viewer").get(path, offset="10000000").json()
    assert past["items"] == []
    assert past["count"] == everything["count"] == len(everything["items"])
