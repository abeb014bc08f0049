"""An admin sees locked sign-ins on the users page and lifts the lock; the unlock is audited."""

from __future__ import annotations

from django.test import Client

from lodestar.accounts.models import AuditEntry
from tests.integration.accounts.cast import PASSWORD, Cast


def test_an_admin_unlocks_a_locked_sign_in_and_the_user_signs_in_at_once(cast: Cast) -> None:
    guesser = Client()
    for _ in range(5):
        guesser.post("/sign-in", {"email": "ana@example.com", "password": "wrong guess"})
    locked = Client().post("/sign-in", {"email": "ana@example.com", "password": PASSWORD})
    assert locked.status_code == 429
    assert "try again in 15 minutes" in locked.content.decode()

    admin = Client()
    admin.force_login(cast.admin)
    page = admin.get("/admin/users/").content.decode()
    assert "Unlock ana@example.com" in page
    answer = admin.post("/admin/users/unlock", {"email": "ana@example.com"})
    assert answer.status_code == 200
    assert "Unlock ana@example.com" not in answer.content.decode()
    assert AuditEntry.objects.filter(action="user.unlock", subject="user:ana@example.com").count() == 1
    assert Client().post("/sign-in", {"email": "ana@example.com", "password": PASSWORD}).status_code == 302


def test_a_member_cannot_unlock(cast: Cast) -> None:
    member = Client()
    member.force_login(cast.sam)
    assert member.post("/admin/users/unlock", {"email": "ana@example.com"}).status_code == 403
