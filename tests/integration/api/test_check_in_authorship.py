"""Who a check-in is by: a member records their own; admins and editors may name another person."""

from lodestar.accounts.models import AuditEntry
from lodestar.goals.models import CheckIn
from tests.integration.accounts.cast import ApiAs

CHECK_IN = {"date": "2026-07-01", "confidence": 7}


def test_a_member_cannot_record_a_check_in_by_another_person(api_as: ApiAs) -> None:
    response = api_as("sam").post("/key-results/tracked-share/check-ins", {**CHECK_IN, "by": "jo"})
    assert response.status_code == 422
    details = response.json()["details"]
    assert [detail["path"] for detail in details] == ["by"]
    assert "sam" in details[0]["message"]
    assert not CheckIn.objects.filter(key_result_id="tracked-share").exists()


def test_a_member_may_name_themselves(api_as: ApiAs) -> None:
    response = api_as("sam").post("/key-results/tracked-share/check-ins", {**CHECK_IN, "by": "sam"})
    assert response.status_code == 201
    assert response.json()["by"] == "sam"


def test_a_check_in_without_by_is_by_the_members_person_and_audited_as_them(api_as: ApiAs) -> None:
    assert api_as("sam").post("/key-results/tracked-share/check-ins", CHECK_IN).status_code == 201
    assert CheckIn.objects.get(key_result_id="tracked-share").by_id == "sam"
    entry = AuditEntry.objects.get(action="check_in.record")
    assert entry.actor == "sam@example.com"


def test_an_admin_may_name_another_person_and_the_audit_log_keeps_the_admin(api_as: ApiAs) -> None:
    response = api_as("admin").post("/key-results/tracked-share/check-ins", {**CHECK_IN, "by": "jo"})
    assert response.status_code == 201
    assert CheckIn.objects.get(key_result_id="tracked-share").by_id == "jo"
    entry = AuditEntry.objects.get(action="check_in.record")
    assert entry.actor == "admin@example.com"
    assert entry.after is not None and entry.after["by"] == "jo"


def test_an_editor_may_name_another_person(api_as: ApiAs) -> None:
    response = api_as("editor").post("/key-results/tracked-share/check-ins", {**CHECK_IN, "by": "ana"})
    assert response.status_code == 201
    assert response.json()["by"] == "ana"
