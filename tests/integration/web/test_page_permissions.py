"""Every role against every page that changes something."""

import pytest

from tests.integration.accounts.cast import BrowserAs, Cast

WRITES = {
    "create goal": ("post", "/goals/new", {"id": "g", "title": "G", "owner": "mkt", "period": "fy2026"}),
    "create goal with key results": (
        "post",
        "/goals/new",
        {"title": "G", "owner": "mkt", "period": "fy2026", "kr-0-title": "K", "kr-1-title": "M", "kr-1-milestone": "1"},
    ),
    "edit goal form": ("get", "/goals/mkt-analytics/edit", None),
    "edit goal": (
        "post",
        "/goals/mkt-analytics/edit",
        {"title": "T", "owner": "mkt", "period": "fy2026", "version": "1"},
    ),
    "delete goal form": ("get", "/goals/ana-campaigns/delete", None),
    "delete goal": ("post", "/goals/ana-campaigns/delete", {"version": "1"}),
    "new key result form": ("get", "/goals/mkt-analytics/key-results/new", None),
    "create key result": ("post", "/goals/mkt-analytics/key-results/new", {"id": "k", "title": "K"}),
    "create key result without an id": ("post", "/goals/mkt-analytics/key-results/new", {"title": "K"}),
    "edit key result form": ("get", "/key-results/tracked-share/edit", None),
    "edit key result": (
        "post",
        "/key-results/tracked-share/edit",
        {"title": "T", "baseline": "20", "target": "95", "version": "1"},
    ),
    "delete key result": ("post", "/key-results/campaigns/delete", {}),
    "record check-in": ("post", "/key-results/tracked-share/check-ins", {"date": "2026-06-30", "confidence": "7"}),
    "close goal": ("post", "/goals/mkt-analytics/close", {"score": "0.5", "date": "2026-07-01", "version": "1"}),
    "close many": ("post", "/periods/fy2026/close", {"close": "mkt-analytics", "score-mkt-analytics": "0.5"}),
    "check in with a value": (
        "post",
        "/key-results/tracked-share/check-ins",
        {"date": "2026-06-30", "value": "40", "confidence": "7"},
    ),
}
ALLOWED = {"admin", "editor", "sam", "ana"}
REFUSED = {"kim", "viewer", "unlinked"}


@pytest.mark.parametrize("user", sorted(ALLOWED | REFUSED))
@pytest.mark.parametrize("write", sorted(WRITES))
def test_pages_that_change_marketing_goals_by_role(browser_as: BrowserAs, user: str, write: str) -> None:
    method, path, data = WRITES[write]
    response = getattr(browser_as(user), method)(path, data)
    if user in ALLOWED:
        assert response.status_code in (200, 302), response.content[:500]
    else:
        assert response.status_code == 403
        assert b"Not allowed" in response.content


@pytest.mark.parametrize(
    ("user", "status"), [("kim", 200), ("sam", 200), ("editor", 200), ("viewer", 403), ("unlinked", 403)]
)
def test_the_new_goal_form_is_for_whoever_may_own_a_goal(browser_as: BrowserAs, user: str, status: int) -> None:
    assert browser_as(user).get("/goals/new").status_code == status


ADMIN_PAGES = {
    "users": ("get", "/admin/users/", None),
    "add user": ("post", "/admin/users/add", {"email": "new@example.com", "role": "viewer", "password": "long-enough"}),
    "set role": ("post", "/admin/users/role", {"email": "viewer@example.com", "role": "editor"}),
    "deactivate": ("post", "/admin/users/active", {"email": "viewer@example.com", "active": "false"}),
    "import": ("get", "/admin/import/", None),
    "export": ("get", "/admin/export", None),
    "audit": ("get", "/admin/audit/", None),
}


@pytest.mark.parametrize("user", ["admin", "editor", "sam", "viewer"])
@pytest.mark.parametrize("page", sorted(ADMIN_PAGES))
def test_only_admins_use_the_admin_pages(browser_as: BrowserAs, user: str, page: str) -> None:
    method, path, data = ADMIN_PAGES[page]
    response = getattr(browser_as(user), method)(path, data)
    assert response.status_code == (200 if user == "admin" else 403)


def test_viewers_see_no_edit_controls(browser_as: BrowserAs) -> None:
    content = browser_as("viewer").get("/goals/mkt-analytics/").content.decode()
    assert "Edit &amp; align" not in content
    assert 'name="confidence"' not in content
    assert 'action="/goals/mkt-analytics/close"' not in content


def test_owners_see_edit_controls(browser_as: BrowserAs) -> None:
    content = browser_as("ana").get("/goals/mkt-analytics/").content.decode()
    assert "Edit &amp; align" in content
    assert 'name="confidence"' in content
    assert 'action="/goals/mkt-analytics/close"' in content


def test_a_post_without_a_csrf_token_is_refused(cast: Cast) -> None:
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.sam)
    response = client.post("/key-results/tracked-share/check-ins", {"value": "40", "confidence": "7"})
    assert response.status_code == 403
    assert b"Form expired" in response.content
