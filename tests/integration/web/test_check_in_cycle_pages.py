"""Due and checked in this cycle on /me/, the dashboard's "What I owe" and the goal page.

As of Wednesday 2026-07-01 the cast's units check in on the default cadence, every week on
Monday: the cycle began on Monday 29 June and the next begins on Monday 6 July. Jo checked in
on web-mqls on 30 June; tracked-share (Sam, lead of Marketing), accepted-leads (Kim, lead of
Sales) and campaigns (Ana's own goal) have no check-in.
"""

from __future__ import annotations

import copy
from typing import Any

from django.test import Client

from lodestar.goals.models import CheckIn
from tests.integration.accounts.cast import MODEL, BrowserAs, import_document

AS_OF = "2026-07-01"
HTMX = {"HX-Request": "true"}


def page(client: Client, path: str) -> str:
    response = client.get(path, {"as_of": AS_OF})
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def section(content: str, labelled_by: str) -> str:
    """The part of a page in the section labelled by the heading `labelled_by`."""
    start = content.index(f'aria-labelledby="{labelled_by}"')
    return content[start : content.index("</section>", start)]


def what_i_owe(client: Client) -> str:
    return section(page(client, "/"), "owed")


def card(content: str, kr: str) -> str:
    """A key result's card on the goal page, down to its check-in form."""
    start = content.index(f'id="kr-{kr}"')
    return content[start : content.index("</article>", start)]


def with_changes(change: Any) -> None:
    """Import the cast's organization changed by `change(document)`."""
    document = copy.deepcopy(MODEL)
    change(document)
    import_document(document)


def goal_of(document: dict[str, Any], goal_id: str) -> dict[str, Any]:
    goal: dict[str, Any] = next(goal for goal in document["goals"] if goal["id"] == goal_id)
    return goal


def test_what_i_owe_lists_my_due_key_results_with_links_to_their_forms_on_me(browser_as: BrowserAs) -> None:
    owed = what_i_owe(browser_as("sam"))

    assert f'href="/me/?as_of={AS_OF}#me-kr-tracked-share">Campaigns with tracking</a>' in owed
    assert "Measure every campaign · due since Mon 29 Jun" in owed
    # Ana's goal is hers to check in on, and Sales is Kim's.
    assert "me-kr-campaigns" not in owed
    assert "me-kr-accepted-leads" not in owed
    assert f'href="/me/?as_of={AS_OF}#check-in">Check in →</a>' in owed


def test_what_i_owe_is_empty_once_everything_is_checked_in_this_cycle_and_says_when_the_next_is_due(
    browser_as: BrowserAs,
) -> None:
    sam = browser_as("sam")
    form = {"date": "2026-06-29", "value": "30", "confidence": "7"}
    assert sam.post("/key-results/tracked-share/check-ins", form).status_code == 302

    owed = what_i_owe(sam)

    assert "me-kr-tracked-share" not in owed
    assert "Nothing due: you checked in on your key result this cycle. The next is due Mon 6 Jul." in owed


def test_a_check_in_before_the_cycle_began_leaves_the_key_result_due(browser_as: BrowserAs) -> None:
    sam = browser_as("sam")
    # Two days before Monday's cycle start: not in this cycle, however recent.
    assert (
        sam.post("/key-results/tracked-share/check-ins", {"date": "2026-06-27", "confidence": "7"}).status_code == 302
    )

    assert "#me-kr-tracked-share" in what_i_owe(sam)
    assert "Check-in due</strong> since Mon 29 Jun · last check-in 27 Jun" in page(sam, "/me/")


def test_what_is_due_follows_the_cadence_the_unit_inherits(browser_as: BrowserAs) -> None:
    def monthly(document: dict[str, Any]) -> None:
        document["units"][1]["cadence"] = {"every": "month", "day": 15}  # ms, above Marketing
        goal_of(document, "mkt-analytics")["key_results"][0]["check_ins"] = [{"date": "2026-06-16", "confidence": 6}]

    with_changes(monthly)

    owed = what_i_owe(browser_as("sam"))
    goal_page = card(page(browser_as("viewer"), "/goals/mkt-analytics/"), "tracked-share")

    # Checked in on 16 June: in the cycle that began on 15 June, which a weekly cadence would not be.
    assert "Nothing due" in owed
    assert "The next is due Wed 15 Jul." in owed
    assert "Checked in this cycle</strong> on 16 Jun · next due Wed 15 Jul" in goal_page
    assert "Sam Lee checks in every month on day 15" in goal_page


def test_the_owner_of_a_key_result_owes_its_check_in_instead_of_the_unit_lead(browser_as: BrowserAs) -> None:
    with_changes(lambda document: goal_of(document, "mkt-analytics")["key_results"][0].update(owner="ana"))

    ana, sam = what_i_owe(browser_as("ana")), what_i_owe(browser_as("sam"))

    assert "#me-kr-tracked-share" in ana
    assert "#me-kr-campaigns" in ana
    assert "#me-kr-tracked-share" not in sam
    assert "No key result is yours to check in on." in sam


def test_a_check_in_owner_who_may_not_change_the_goal_checks_in_but_does_not_edit_it(
    browser_as: BrowserAs,
) -> None:
    # Kim leads Sales; Marketing's goal is not hers to change, but its key result names her as its check-in owner.
    with_changes(lambda document: goal_of(document, "mkt-analytics")["key_results"][0].update(owner="kim"))
    kim = browser_as("kim")

    row = section(page(kim, "/me/"), "check-in")
    assert "#me-kr-tracked-share" in what_i_owe(kim)
    assert 'aria-label="Check in on Campaigns with tracking"' in row
    goal_page = page(kim, "/goals/mkt-analytics/")
    assert 'aria-label="Check in on Campaigns with tracking"' in card(goal_page, "tracked-share")
    assert "/key-results/tracked-share/edit" not in goal_page

    posted = kim.post(
        "/key-results/tracked-share/check-ins", {"on": "me", "value": "48", "confidence": "7"}, headers=HTMX
    )
    assert posted.status_code == 200
    assert "Check-in recorded: 48 %, confidence 7/10." in posted.content.decode()
    assert CheckIn.objects.filter(key_result_id="tracked-share", by_id="kim").exists()
    assert kim.get("/key-results/tracked-share/edit").status_code == 403
    # A key result of another Marketing goal is not hers to check in on.
    assert kim.post("/key-results/campaigns/check-ins", {"on": "me", "confidence": "7"}).status_code == 403
    assert not CheckIn.objects.filter(key_result_id="campaigns").exists()


def test_a_closed_goal_asks_for_no_check_in(browser_as: BrowserAs) -> None:
    with_changes(
        lambda document: goal_of(document, "mkt-analytics").update(closed={"date": "2026-06-30", "score": 0.4})
    )

    assert "No key result is yours to check in on." in what_i_owe(browser_as("sam"))
    assert 'class="standing' not in card(page(browser_as("sam"), "/goals/mkt-analytics/"), "tracked-share")


def test_what_i_owe_explains_an_account_without_a_person(browser_as: BrowserAs) -> None:
    owed = what_i_owe(browser_as("unlinked"))

    assert "Your account is not linked to a person of the organization, so no check-ins are yours." in owed
    assert "Check in →" not in owed


def test_for_a_person_what_i_owe_comes_first_on_the_dashboard_and_last_for_an_account_without_one(
    browser_as: BrowserAs,
) -> None:
    sam, admin = page(browser_as("sam"), "/"), page(browser_as("admin"), "/")

    assert sam.index('aria-labelledby="owed"') < sam.index('aria-labelledby="top-goals"')
    assert admin.index('aria-labelledby="owed"') > admin.index('aria-labelledby="health"')


def test_me_sets_out_the_due_key_results_with_their_forms_first(browser_as: BrowserAs) -> None:
    content = page(browser_as("sam"), "/me/")

    due = section(content, "check-in")
    assert 'id="me-kr-tracked-share"' in due
    assert "Check-in due</strong> since Mon 29 Jun · no check-in yet" in due
    assert 'aria-label="Check in on Campaigns with tracking"' in due
    assert '<details class="check-in-again">' not in due
    assert 'aria-labelledby="checked-in"' not in content


def test_me_shows_a_key_result_checked_in_this_cycle_with_its_form_behind_check_in_again(
    browser_as: BrowserAs,
) -> None:
    sam = browser_as("sam")
    sam.post("/key-results/tracked-share/check-ins", {"date": "2026-06-30", "value": "35", "confidence": "8"})

    content = page(sam, "/me/")

    assert "Nothing due: you checked in on your key result this cycle. The next is due Monday 6 July." in section(
        content, "check-in"
    )
    checked = section(content, "checked-in")
    assert "Checked in this cycle</strong> on 30 Jun · next due Mon 6 Jul" in checked
    assert '<details class="check-in-again"><summary>Check in again</summary>' in checked
    assert 'aria-label="Check in on Campaigns with tracking"' in checked


def test_checking_in_on_me_turns_the_row_into_checked_in_this_cycle_and_keeps_the_form_open(
    browser_as: BrowserAs,
) -> None:
    form = {"on": "me", "date": AS_OF, "value": "35", "confidence": "8"}

    row = browser_as("sam").post(f"/key-results/tracked-share/check-ins?as_of={AS_OF}", form, headers=HTMX)

    content = row.content.decode()
    assert "Check-in recorded: 35 %, confidence 8/10." in content
    assert "Checked in this cycle</strong> on 1 Jul · next due Mon 6 Jul" in content
    assert "check-in-again" not in content
    assert 'name="confidence"' in content


def test_me_lists_the_key_results_of_my_goals_that_others_check_in_on_without_a_form(browser_as: BrowserAs) -> None:
    content = page(browser_as("ana"), "/me/")

    others = section(content, "others")
    assert 'id="me-other-tracked-share"' in others
    assert "Check-in due</strong> since Mon 29 Jun · no check-in yet · Sam Lee checks in every week on Monday" in others
    assert 'id="me-kr-tracked-share"' not in content
    assert 'id="me-kr-campaigns"' in section(content, "check-in")


def test_the_goal_page_says_per_key_result_whether_it_is_due_and_who_checks_in(browser_as: BrowserAs) -> None:
    checked = card(page(browser_as("viewer"), "/goals/more-leads/"), "web-mqls")
    due = card(page(browser_as("viewer"), "/goals/mkt-analytics/"), "tracked-share")

    assert "Checked in this cycle</strong> on 30 Jun · next due Mon 6 Jul · Jo Park checks in every week on Monday" in (
        checked
    )
    assert "Check-in due</strong> since Mon 29 Jun · no check-in yet · Sam Lee checks in every week on Monday" in due


def test_the_goal_page_says_when_nobody_is_named_to_check_in(browser_as: BrowserAs) -> None:
    def it_goal(document: dict[str, Any]) -> None:
        document["goals"].append(
            {
                "id": "it-crm",
                "title": "One CRM",
                "owner": "it",  # IT has no lead
                "period": "fy2026",
                "key_results": [{"id": "crm-users", "title": "CRM users", "baseline": 0, "target": 50}],
            }
        )

    with_changes(it_goal)

    due = card(page(browser_as("viewer"), "/goals/it-crm/"), "crm-users")

    assert "Check-in due</strong> since Mon 29 Jun" in due
    assert "nobody is named to check in (give the key result an owner, or the unit a lead)" in due


def test_the_goal_page_asks_for_no_check_in_outside_the_goals_period(browser_as: BrowserAs) -> None:
    response = browser_as("viewer").get("/goals/mkt-analytics/", {"as_of": "2027-01-04"})

    assert 'class="standing' not in response.content.decode()
