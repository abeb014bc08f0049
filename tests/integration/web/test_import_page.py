"""The admin import page: a field-by-field plan, conflicts, private uploads, and restore points."""

from __future__ import annotations

import html
import os
import stat
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django import Settings

from lodestar.accounts.models import AuditEntry
from lodestar.goals.models import CheckIn, Goal
from lodestar.org.models import Organization
from lodestar.store.models import RestorePoint
from tests.integration.accounts.cast import MODEL, ApiAs, BrowserAs

CHECK_IN = {"date": "2026-07-15", "confidence": 7, "note": "Two campaigns tracked."}


@pytest.fixture(autouse=True)
def uploads(settings: Settings, tmp_path: Path) -> Path:
    """Each test keeps its uploads in a directory of its own."""
    directory = tmp_path / "uploads"
    settings.IMPORT_UPLOAD_DIR = directory
    return directory


def upload(client: Client, document: dict[str, Any] | bytes, name: str = "model.yaml") -> Any:
    data = document if isinstance(document, bytes) else yaml.safe_dump(document, sort_keys=False).encode()
    return client.post("/admin/import/", {"file": SimpleUploadedFile(name, data)})


def text_of(response: Any) -> str:
    return html.unescape(bytes(response.content).decode())


def changed_model(**titles: str) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(yaml.safe_dump(MODEL))
    for goal in document["goals"]:
        goal["title"] = titles.get(goal["id"].replace("-", "_"), goal["title"])
    return document


def test_the_plan_shows_each_changed_field_with_its_old_and_new_value(browser_as: BrowserAs) -> None:
    response = upload(browser_as("admin"), changed_model(more_leads="More leads"))

    assert response.status_code == 200
    assert 'goals[more-leads].title: "More qualified leads from the web" → "More leads"' in text_of(response)


def test_the_plan_shortens_a_long_value(browser_as: BrowserAs) -> None:
    response = upload(browser_as("admin"), changed_model(more_leads="Leads " * 45))

    shown = text_of(response)
    assert '→ "Leads Leads Leads' in shown
    assert "Leads " * 30 not in shown
    assert "…" in shown


def test_the_plan_says_how_many_check_ins_and_measurements_it_removes(browser_as: BrowserAs) -> None:
    document = changed_model()
    del document["goals"][0]["key_results"][0]["check_ins"]
    del document["goals"][0]["key_results"][0]["measurements"]

    shown = text_of(upload(browser_as("admin"), document))

    assert "Warning: this import removes 2 measurements and 1 check-in." in shown


def test_an_earlier_export_keeps_a_check_in_recorded_since(browser_as: BrowserAs, api_as: ApiAs) -> None:
    admin = browser_as("admin")
    earlier = admin.get("/admin/export").content
    assert api_as("sam").post("/key-results/tracked-share/check-ins", CHECK_IN).status_code == 201

    planned = upload(admin, earlier)
    applied = admin.post("/admin/import/apply", {"key": planned.context["key"]})

    assert applied.status_code == 200
    assert "Kept from the store since the file's export: 1 check-in." in text_of(planned)
    assert CheckIn.objects.filter(key_result_id="tracked-share", by_id="sam").count() == 1


def test_a_conflict_is_shown_with_both_values_and_applied_only_when_forced(
    browser_as: BrowserAs, api_as: ApiAs
) -> None:
    admin = browser_as("admin")
    earlier = yaml.safe_load(admin.get("/admin/export").content)
    client = api_as("sam")
    version = client.get("/goals/mkt-analytics").json()["version"]
    assert client.patch("/goals/mkt-analytics", {"title": "Weekly", "version": version}).status_code == 200
    earlier["goals"][1]["title"] = "Monthly"

    planned = upload(admin, earlier)
    shown = text_of(planned)
    refused = admin.post("/admin/import/apply", {"key": planned.context["key"]})

    assert 'goals[mkt-analytics].title: the store has "Weekly", the file has "Monthly"' in shown
    assert "Let the file win" in shown
    assert refused.status_code == 409
    assert Goal.objects.get(pk="mkt-analytics").title == "Weekly"
    forced = admin.post("/admin/import/apply", {"key": refused.context["key"], "force": "on"})
    assert forced.status_code == 200, forced.content
    assert Goal.objects.get(pk="mkt-analytics").title == "Monthly"


# --- the uploaded file between plan and apply ---


def test_an_upload_waits_in_a_private_directory_and_is_removed_after_apply(
    browser_as: BrowserAs, uploads: Path
) -> None:
    admin = browser_as("admin")
    planned = upload(admin, changed_model(more_leads="More leads"))
    (kept,) = uploads.iterdir()

    assert stat.S_IMODE(uploads.stat().st_mode) == 0o700
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert admin.post("/admin/import/apply", {"key": planned.context["key"]}).status_code == 200
    assert list(uploads.iterdir()) == []


def test_an_upload_older_than_an_hour_has_expired_and_is_removed(browser_as: BrowserAs, uploads: Path) -> None:
    admin = browser_as("admin")
    planned = upload(admin, changed_model(more_leads="More leads"))
    (kept,) = uploads.iterdir()
    an_hour_ago = time.time() - 3601
    os.utime(kept, (an_hour_ago, an_hour_ago))

    response = admin.post("/admin/import/apply", {"key": planned.context["key"]})

    assert response.status_code == 404
    assert "that upload has expired" in text_of(response)
    assert list(uploads.iterdir()) == []
    assert Goal.objects.get(pk="more-leads").title == "More qualified leads from the web"


def test_an_upload_removes_every_upload_older_than_an_hour(browser_as: BrowserAs, uploads: Path) -> None:
    admin = browser_as("admin")
    upload(admin, changed_model(more_leads="First"))
    (old,) = uploads.iterdir()
    an_hour_ago = time.time() - 3601
    os.utime(old, (an_hour_ago, an_hour_ago))

    upload(admin, changed_model(more_leads="Second"))

    assert old not in list(uploads.iterdir())
    assert len(list(uploads.iterdir())) == 1


def test_a_directory_others_may_read_is_made_private(browser_as: BrowserAs, uploads: Path) -> None:
    uploads.mkdir(mode=0o755)
    uploads.chmod(0o755)

    upload(browser_as("admin"), changed_model(more_leads="More leads"))

    assert stat.S_IMODE(uploads.stat().st_mode) == 0o700


# --- restore points ---


def imported_over(browser_as: BrowserAs) -> RestorePoint:
    """The admin imports a renamed organization over the cast's; returns the restore point it kept."""
    admin = browser_as("admin")
    planned = upload(
        admin, b"lodestar: 1\norganization: {name: Renamed Ltd}\nunits: [{id: co, name: R, kind: company}]\n"
    )
    assert admin.post("/admin/import/apply", {"key": planned.context["key"]}).status_code == 200
    point: RestorePoint = RestorePoint.objects.get()
    return point


def test_the_import_page_lists_the_restore_points(browser_as: BrowserAs) -> None:
    point = imported_over(browser_as)

    shown = text_of(browser_as("admin").get("/admin/import/"))

    assert f"#{point.pk}" in shown
    assert "before import" in shown
    assert "admin@example.com" in shown
    assert "5 units, 4 people, 4 goals, 4 key results, 3 measurements, 1 check-in" in shown
    assert "The last 50 restore points are kept" in shown


def test_restoring_asks_for_confirmation_first(browser_as: BrowserAs) -> None:
    point = imported_over(browser_as)

    response = browser_as("admin").get(f"/admin/restore/{point.pk}/")

    assert response.status_code == 200
    assert f"Restore point #{point.pk}" in text_of(response)
    assert Organization.objects.get().name == "Renamed Ltd"


def test_an_admin_restores_a_restore_point(browser_as: BrowserAs) -> None:
    point = imported_over(browser_as)

    response = browser_as("admin").post(f"/admin/restore/{point.pk}/")

    assert response.status_code == 200
    assert f"Restored restore point #{point.pk}" in text_of(response)
    assert Organization.objects.get().name == "Example Valves Ltd"
    entry = AuditEntry.objects.filter(action="model.restore").get()
    assert (entry.actor, entry.surface) == ("admin@example.com", "web")
    assert next(iter(RestorePoint.objects.order_by("-pk"))).actor == "admin@example.com"


@pytest.mark.parametrize("name", ["editor", "sam", "viewer"])
def test_only_an_admin_may_restore(browser_as: BrowserAs, name: str) -> None:
    point = imported_over(browser_as)

    assert browser_as(name).get(f"/admin/restore/{point.pk}/").status_code == 403
    assert browser_as(name).post(f"/admin/restore/{point.pk}/").status_code == 403
    assert Organization.objects.get().name == "Renamed Ltd"


def test_a_restore_without_the_csrf_token_is_refused(browser_as: BrowserAs, cast: Any) -> None:
    point = imported_over(browser_as)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.users["admin"])

    assert client.post(f"/admin/restore/{point.pk}/").status_code == 403
    assert Organization.objects.get().name == "Renamed Ltd"


def test_restoring_an_unknown_restore_point_is_404(browser_as: BrowserAs) -> None:
    assert browser_as("admin").post("/admin/restore/999999/").status_code == 404


def test_the_page_shown_after_a_restore_uploads_to_the_import_page_not_to_the_restore(browser_as: BrowserAs) -> None:
    point = imported_over(browser_as)

    response = browser_as("admin").post(f"/admin/restore/{point.pk}/")

    assert 'action="/admin/import/" enctype="multipart/form-data"' in text_of(response)
