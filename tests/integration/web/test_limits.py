"""Issue 9, findings 7 and 8 on the web: as_of out of range, long titles, future measurements and blank
references are refused with a message next to the field, and the stored model stays as it was."""

from datetime import timedelta

import pytest

from lodestar.lib import clock
from lodestar.lib.limits import NAME_MAX, TEXT_MAX
from lodestar.store.service import export_model
from tests.integration.accounts.cast import BrowserAs

GOAL_FORM = {"id": "webinars", "title": "Run monthly webinars", "owner": "mkt", "period": "fy2026"}


@pytest.mark.parametrize("path", ["/", "/metrics/leads/", "/goals/more-leads/"])
@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31", "2201-01-01"])
def test_a_page_refuses_an_as_of_out_of_range(browser_as: BrowserAs, path: str, as_of: str) -> None:
    response = browser_as("viewer").get(path, {"as_of": as_of})

    assert response.status_code == 400
    assert "from 1900-01-01 to 2200-12-31" in response.content.decode()


def test_a_page_shows_an_as_of_at_the_edge_of_the_range(browser_as: BrowserAs) -> None:
    assert browser_as("viewer").get("/", {"as_of": "1900-01-01"}).status_code == 200


def test_a_goal_title_over_the_limit_is_refused_next_to_the_field(browser_as: BrowserAs) -> None:
    before = export_model()

    response = browser_as("sam").post("/goals/new", {**GOAL_FORM, "title": "x" * 2_400_000})

    assert response.status_code == 400
    content = response.content.decode()
    assert 'id="f-title-error"' in content
    assert f"At most {NAME_MAX} characters." in content
    assert f"At most {TEXT_MAX:,} characters." in content
    assert export_model() == before


def test_a_goal_with_a_blank_owner_is_refused(browser_as: BrowserAs) -> None:
    before = export_model()

    response = browser_as("sam").post("/goals/new", {**GOAL_FORM, "owner": ""})

    assert response.status_code == 400
    assert export_model() == before


def test_the_goal_form_states_its_limits(browser_as: BrowserAs) -> None:
    content = browser_as("sam").get("/goals/new").content.decode()

    assert f'maxlength="{NAME_MAX}"' in content
    assert f'maxlength="{TEXT_MAX}"' in content
    assert f"At most {NAME_MAX} characters." in content
    assert f"At most {TEXT_MAX:,} characters." in content


def test_a_value_dated_tomorrow_is_refused(browser_as: BrowserAs) -> None:
    before = export_model()
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()

    form = {"date": tomorrow, "value": "55", "confidence": "7"}
    response = browser_as("sam").post("/key-results/tracked-share/check-ins", form)

    assert response.status_code == 400
    assert "after today" in response.content.decode()
    assert export_model() == before


def test_a_design_form_states_its_limits_next_to_the_fields(browser_as: BrowserAs) -> None:
    content = browser_as("editor").get("/dependencies/new").content.decode()

    assert f'maxlength="{NAME_MAX}"' in content
    assert f"At most {NAME_MAX} characters." in content
