"""The weekly check-in as a member makes it, in a real Chromium: on /me/, in three interactions."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from lodestar.goals.models import CheckIn, Measurement
from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

ROW = "#me-kr-tracked-share"


def test_a_member_checks_in_on_me_in_three_interactions_and_sees_it_on_the_goal_page(visit: Visit) -> None:
    visit.sign_in("sam@example.com")
    visit.page.goto("/me/")
    row = visit.page.locator(ROW)

    row.get_by_label("Value").fill("48")
    row.get_by_label("Confidence").select_option("7")
    row.get_by_role("button", name="Check in").click()

    expect(visit.page.locator(f"{ROW} [role=status]")).to_have_text("Check-in recorded: 48 %, confidence 7/10.")
    assert visit.page.url.endswith("/me/")  # the row was swapped in place
    expect(row.get_by_label("Value")).to_have_value("")
    visit.page.goto("/goals/mkt-analytics/")
    expect(visit.page.locator("#kr-tracked-share .current")).to_have_text("48 %")
    expect(visit.page.locator("#kr-tracked-share .confidence")).to_have_text("7/10")
    checkins = visit.page.locator("section[aria-labelledby=checkins] tbody tr")
    expect(checkins).to_have_count(1)
    expect(checkins.first).to_contain_text("Sam Lee")
    assert visit.console_errors == []


def test_a_low_confidence_without_a_note_is_refused_next_to_the_note_and_keeps_the_value(visit: Visit) -> None:
    visit.sign_in("sam@example.com")
    visit.page.goto("/me/")
    row = visit.page.locator(ROW)

    row.get_by_label("Value").fill("48")
    row.get_by_label("Confidence").select_option("2")
    row.get_by_role("button", name="Check in").click()

    error = visit.page.locator("#c-note-err-tracked-share")
    expect(error).to_contain_text("required when confidence is 3 or less")
    note = row.get_by_label("Note")
    expect(note).to_be_focused()
    expect(note).to_have_attribute("aria-describedby", "c-note-hint-tracked-share c-note-err-tracked-share")
    expect(row.get_by_label("Value")).to_have_value("48")
    expect(row.get_by_label("Confidence")).to_have_value("2")
    assert not Measurement.objects.filter(key_result_id="tracked-share").exists()
    assert not CheckIn.objects.filter(key_result_id="tracked-share").exists()

    note.fill("The tracking vendor is late.")
    row.get_by_role("button", name="Check in").click()
    expect(visit.page.locator(f"{ROW} [role=status]")).to_have_text("Check-in recorded: 48 %, confidence 2/10.")
    assert visit.console_errors == []


def test_a_second_value_today_is_replaced_with_one_press(visit: Visit) -> None:
    visit.sign_in("sam@example.com")
    visit.page.goto("/me/")
    row = visit.page.locator(ROW)
    row.get_by_label("Value").fill("45")
    row.get_by_label("Confidence").select_option("6")
    row.get_by_role("button", name="Check in").click()
    expect(visit.page.locator(f"{ROW} [role=status]")).to_be_visible()

    row.get_by_label("Value").fill("48")
    row.get_by_label("Confidence").select_option("7")
    row.get_by_role("button", name="Check in").click()
    expect(row.locator("#c-value-err-tracked-share")).to_contain_text("has a value already: 45 % (entered by hand)")
    expect(row.get_by_label("Value")).to_have_value("48")
    row.get_by_role("button", name="Replace").click()

    expect(visit.page.locator(f"{ROW} [role=status]")).to_have_text(
        "Check-in recorded: 48 % (was 45 %), confidence 7/10."
    )
    assert list(Measurement.objects.filter(key_result_id="tracked-share").values_list("value", flat=True)) == [48]
    assert visit.console_errors == []


@pytest.mark.parametrize("width", [1280, 390])
def test_me_and_the_goal_page_fit_the_screen(visit: Visit, width: int, tmp_path: Path) -> None:
    visit.page.set_viewport_size({"width": width, "height": 900})
    visit.sign_in("sam@example.com")
    for name, path in (("me", "/me/"), ("goal", "/goals/mkt-analytics/")):
        visit.page.goto(path)
        expect(visit.page.get_by_role("button", name="Check in")).to_be_visible()
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= width, path
        visit.page.screenshot(path=str(tmp_path / f"{name}-{width}.png"), full_page=True)
    assert visit.console_errors == []


def tab_to(visit: Visit, element_id: str, most: int = 80) -> None:
    """Press Tab until the element has the focus, as a keyboard user would reach it."""
    for _ in range(most):
        visit.page.keyboard.press("Tab")
        if visit.page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} was not reached with {most} presses of Tab")


def test_a_check_in_is_made_with_the_keyboard_alone(visit: Visit) -> None:
    visit.sign_in("sam@example.com")
    visit.page.goto("/me/")
    button = visit.page.locator(ROW).get_by_role("button", name="Check in")
    tab_to(visit, "c-value-tracked-share")
    visit.page.keyboard.type("48")
    visit.page.keyboard.press("Tab")
    for _ in range(3):  # from "Choose…" to 0, 1 and 2
        visit.page.keyboard.press("ArrowDown")
    for _ in range(3):  # past the note and "Another day" to the button
        visit.page.keyboard.press("Tab")
    expect(button).to_be_focused()
    visit.page.keyboard.press("Enter")

    note = visit.page.locator("#c-note-tracked-share")
    expect(note).to_be_focused()  # a low confidence needs a note: refused, and the focus is on the note
    visit.page.keyboard.type("The tracking vendor is late.")
    for _ in range(2):
        visit.page.keyboard.press("Tab")
    expect(button).to_be_focused()
    visit.page.keyboard.press("Enter")

    expect(visit.page.locator(f"{ROW} [role=status]")).to_have_text("Check-in recorded: 48 %, confidence 2/10.")
    assert visit.console_errors == []
