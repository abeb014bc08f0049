"""A check-in posted from the goal page cannot be signed with another person's name by a member."""

from lodestar.accounts.models import AuditEntry
from lodestar.goals.models import CheckIn
from tests.integration.accounts.cast import BrowserAs

FORM = {"date": "2026-07-01", "confidence": "7"}


def test_a_member_posting_another_persons_name_is_refused_on_the_card(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post("/key-results/tracked-share/check-ins", {**FORM, "by": "jo"})
    assert response.status_code == 400
    assert b"only admins and editors may record a check-in by another person" in response.content
    assert not CheckIn.objects.filter(key_result_id="tracked-share").exists()


def test_an_admin_may_post_a_check_in_by_another_person(browser_as: BrowserAs) -> None:
    response = browser_as("admin").post("/key-results/tracked-share/check-ins", {**FORM, "by": "jo"})
    assert response.status_code == 302
    assert CheckIn.objects.get(key_result_id="tracked-share").by_id == "jo"
    assert AuditEntry.objects.get(action="check_in.record").actor == "admin@example.com"


def test_a_members_check_in_is_by_their_own_person(browser_as: BrowserAs) -> None:
    assert browser_as("sam").post("/key-results/tracked-share/check-ins", FORM).status_code == 302
    assert CheckIn.objects.get(key_result_id="tracked-share").by_id == "sam"
    assert AuditEntry.objects.get(action="check_in.record").actor == "sam@example.com"
