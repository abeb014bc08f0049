"""The leadership review page: a unit and everything below it, one period, as of a day and a week earlier."""

from __future__ import annotations

import copy
from typing import Any

from django.test import Client

from tests.integration.accounts.cast import MODEL, BrowserAs, import_document

AS_OF = "2026-06-30"


def moving() -> dict[str, Any]:
    """The cast's organization, with Marketing's goal off track on 23 June and on track since 29 June."""
    document = copy.deepcopy(MODEL)
    goal = next(goal for goal in document["goals"] if goal["id"] == "mkt-analytics")
    goal["key_results"][0]["measurements"] = [{"date": "2026-06-20", "value": 25}, {"date": "2026-06-29", "value": 60}]
    goal["key_results"][0]["check_ins"] = [
        {"date": "2026-06-29", "confidence": 2, "by": "sam", "note": "The tag manager migration is late."}
    ]
    return document


def page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.content.decode()[:500]
    return response.content.decode()


def test_the_review_shows_counts_their_change_status_changes_low_confidence_and_due_check_ins(
    browser_as: BrowserAs,
) -> None:
    import_document(moving())

    content = page(browser_as("viewer"), f"/review/?unit=ms&as_of={AS_OF}")

    assert "<h1>Leadership review: Marketing &amp; Sales</h1>" in content
    assert "compared with 23 June 2026" in content
    assert 'href="/goals/mkt-analytics/?as_of=2026-06-30">Measure every campaign</a>' in content
    changes = content.split('id="review-changes"')[1].split("</section>")[0]
    item = changes.split('href="/goals/mkt-analytics/?as_of=2026-06-30">Measure every campaign</a>')[1].split("</li>")[
        0
    ]
    assert '<span class="badge status-off_track">Off track</span> →' in item
    assert "status-off_track" not in item.split("→")[1]
    low = content.split('id="review-low"')[1].split("</section>")[0]
    assert "confidence 2/10 on 29 Jun by Sam Lee" in low
    assert "The tag manager migration is late." in low
    due = content.split('id="review-due"')[1].split("</section>")[0]
    assert "Sales" in due  # the Sales goal has had no check-in
    why = content.split('id="review-why"')[1]
    assert 'id="why-mkt-analytics"' in why
    assert "Campaigns with tracking" in why


def test_the_review_of_a_team_covers_only_it_and_the_units_below_it(browser_as: BrowserAs) -> None:
    import_document(moving())

    content = page(browser_as("viewer"), f"/review/?unit=sales&as_of={AS_OF}")

    assert "<h1>Leadership review: Sales</h1>" in content
    assert 'id="why-sales-pipeline"' in content
    assert 'id="why-mkt-analytics"' not in content


def test_a_unit_lead_opens_the_review_of_the_unit_they_lead_from_the_dashboard(browser_as: BrowserAs) -> None:
    sam = browser_as("sam")

    dashboard = page(sam, f"/?as_of={AS_OF}")
    assert f'href="/review/?as_of={AS_OF}">Leadership review →</a>' in dashboard
    assert "<h1>Leadership review: Marketing</h1>" in page(sam, f"/review/?as_of={AS_OF}")


def test_a_week_earlier_is_one_click_and_the_same_page_as_of_that_day(browser_as: BrowserAs) -> None:
    import_document(moving())
    client = browser_as("viewer")

    content = page(client, f"/review/?unit=ms&as_of={AS_OF}")
    assert 'href="?unit=ms&amp;period=fy2026&amp;as_of=2026-06-23">the review a week earlier</a>' in content
    earlier = page(client, "/review/?unit=ms&period=fy2026&as_of=2026-06-23")
    assert "as of Tuesday, 23 June 2026, compared with 16 June 2026" in earlier


def test_an_unknown_unit_or_period_is_refused_with_its_name(browser_as: BrowserAs) -> None:
    client = browser_as("viewer")

    unknown_unit = client.get("/review/?unit=nowhere")
    unknown_period = client.get("/review/?unit=ms&period=q9")

    assert unknown_unit.status_code == 400
    assert "no unit &#x27;nowhere&#x27;" in unknown_unit.content.decode()
    assert unknown_period.status_code == 400
    assert "no period &#x27;q9&#x27;" in unknown_period.content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client: Client) -> None:
    response = client.get("/review/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in")
