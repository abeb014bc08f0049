"""The leadership review in a real Chromium: one click from the dashboard, and a status change leads to its goal."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit
from tests.integration.accounts.cast import import_document
from tests.integration.web.test_review_page import AS_OF, moving

pytestmark = pytest.mark.browser


def test_a_lead_opens_the_review_from_the_dashboard_and_follows_a_status_change_to_its_goal(visit: Visit) -> None:
    import_document(moving())
    visit.sign_in("sam@example.com")
    visit.page.goto(f"/?as_of={AS_OF}")

    visit.page.get_by_role("link", name="Leadership review →").click()
    expect(visit.page.get_by_role("heading", level=1)).to_have_text("Leadership review: Marketing")
    changes = visit.page.locator("section[aria-labelledby=review-changes]")
    changes.get_by_role("link", name="Measure every campaign").click()

    expect(visit.page.get_by_role("heading", level=1)).to_contain_text("Measure every campaign")
    assert f"as_of={AS_OF}" in visit.page.url
    assert visit.console_errors == []
