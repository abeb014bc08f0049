"""An inline update that the server refuses is not silent: the page says why, and what was typed stays."""

import pytest
from playwright.sync_api import expect

from lodestar.accounts.models import User
from lodestar.goals.models import CheckIn
from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

ROW = "#me-kr-tracked-share"


def test_a_check_in_refused_with_403_says_so_above_the_page_and_keeps_the_value(visit: Visit) -> None:
    visit.sign_in("sam@example.com")
    visit.page.goto("/me/")
    row = visit.page.locator(ROW)
    row.get_by_label("Value").fill("48")
    row.get_by_label("Confidence").select_option("7")
    User.objects.filter(email="sam@example.com").update(role="viewer")  # an admin took the right away meanwhile

    row.get_by_role("button", name="Check in").click()

    banner = visit.page.get_by_role("alert")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("You may not do this")
    expect(row.get_by_label("Value")).to_have_value("48")
    assert not CheckIn.objects.filter(key_result_id="tracked-share").exists()


def test_a_server_that_cannot_be_reached_is_said_and_the_next_request_clears_the_message(visit: Visit) -> None:
    visit.sign_in("sam@example.com")
    visit.page.goto("/me/")
    row = visit.page.locator(ROW)
    row.get_by_label("Value").fill("48")
    row.get_by_label("Confidence").select_option("7")
    visit.page.route("**/check-ins", lambda route: route.abort())

    row.get_by_role("button", name="Check in").click()

    banner = visit.page.get_by_role("alert")
    expect(banner).to_contain_text("The server could not be reached")
    expect(row.get_by_label("Value")).to_have_value("48")
    visit.page.unroute("**/check-ins")
    row.get_by_role("button", name="Check in").click()
    expect(visit.page.locator(f"{ROW} [role=status]")).to_have_text("Check-in recorded: 48 %, confidence 7/10.")
    expect(visit.page.locator("#request-error")).to_be_hidden()


def test_the_message_speaks_the_pages_language(visit: Visit) -> None:
    User.objects.filter(email="sam@example.com").update(language="de")
    visit.sign_in("sam@example.com")
    visit.page.goto("/me/")
    row = visit.page.locator(ROW)
    row.get_by_label("Wert").fill("48,5")
    row.get_by_label("Zuversicht").select_option("7")
    visit.page.route("**/check-ins", lambda route: route.abort())

    row.get_by_role("button", name="Einchecken").click()

    expect(visit.page.get_by_role("alert")).to_contain_text("Der Server ist nicht erreichbar")
    visit.page.unroute("**/check-ins")
    row.get_by_role("button", name="Einchecken").click()
    expect(visit.page.locator(f"{ROW} [role=status]")).to_have_text("Check-in gespeichert: 48,5 %, Zuversicht 7/10.")
