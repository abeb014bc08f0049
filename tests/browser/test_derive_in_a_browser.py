"""Deriving goals in a real Chromium: accept one draft, dismiss another, and find the accepted one as a goal."""

import pytest
from playwright.sync_api import expect

from lodestar.goals.models import DismissedProposal, Goal
from tests.browser.conftest import Visit
from tests.integration.accounts.cast import import_document
from tests.integration.web.derive_model import AS_OF, deriving

pytestmark = pytest.mark.browser


def test_a_lead_accepts_one_derived_goal_and_dismisses_another(visit: Visit) -> None:
    import_document(deriving())
    visit.sign_in("sam@example.com")
    visit.page.goto(f"/units/mkt/?as_of={AS_OF}")
    visit.page.get_by_role("link", name="Derive goals").click()
    expect(visit.page.get_by_role("heading", level=1)).to_have_text("Derive goals for Marketing")

    visit.page.get_by_role("button", name="Accept Build up tag management").click()
    expect(visit.page.get_by_role("status")).to_contain_text("Created Build up tag management")
    visit.page.get_by_role("button", name="Dismiss Web team: our contribution to Marketing").click()
    expect(visit.page.get_by_role("status")).to_contain_text("Dismissed “Web team: our contribution to Marketing”")
    expect(visit.page.get_by_text("Nothing to derive")).to_be_visible()

    assert Goal.objects.filter(id="build-up-tag-management", owner_unit_id="mkt").exists()
    assert list(DismissedProposal.objects.values_list("key", flat=True)) == ["unit:web-team@fy2026"]
    visit.page.goto("/goals/build-up-tag-management/")
    expect(visit.page.get_by_role("heading", level=1)).to_contain_text("Build up tag management")
    assert visit.console_errors == []
