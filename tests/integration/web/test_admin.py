from django.core.files.uploadedfile import SimpleUploadedFile

from lodestar.accounts.models import AuditEntry, User
from lodestar.org.models import Organization
from tests.integration.accounts.cast import BrowserAs

NEW_MODEL = b"""lodestar: 1
organization: {name: Renamed Ltd}
units:
  - {id: company, name: Renamed Ltd, kind: company}
"""


def test_an_admin_adds_a_user_and_changes_roles(browser_as: BrowserAs) -> None:
    client = browser_as("admin")
    response = client.post(
        "/admin/users/add", {"email": "new@example.com", "role": "member", "person": "kim", "password": "long-enough"}
    )
    assert b"Added new@example.com as member" in response.content
    client.post("/admin/users/role", {"email": "new@example.com", "role": "editor"})
    assert User.objects.get(email="new@example.com").role == "editor"


def test_a_bad_new_user_is_shown_next_to_the_field(browser_as: BrowserAs) -> None:
    response = browser_as("admin").post(
        "/admin/users/add", {"email": "nope", "role": "member", "password": "long-enough"}
    )
    assert response.status_code == 400
    assert b'id="u-email-error"' in response.content


def test_an_admin_cannot_deactivate_themselves(browser_as: BrowserAs) -> None:
    response = browser_as("admin").post("/admin/users/active", {"email": "admin@example.com", "active": "false"})
    assert response.status_code == 400
    assert User.objects.get(email="admin@example.com").is_active


def test_import_shows_the_plan_before_anything_is_written(browser_as: BrowserAs) -> None:
    client = browser_as("admin")
    response = client.post("/admin/import/", {"file": SimpleUploadedFile("m.yaml", NEW_MODEL)})
    assert response.status_code == 200
    assert b"Apply import" in response.content
    assert Organization.objects.get().name == "Example Valves Ltd"
    key = response.context["key"]
    applied = client.post("/admin/import/apply", {"key": key})
    assert b"Imported:" in applied.content
    assert Organization.objects.get().name == "Renamed Ltd"
    entry = AuditEntry.objects.filter(action="model.import").first()
    assert entry is not None
    assert (entry.actor, entry.surface) == ("admin@example.com", "web")


def test_an_invalid_upload_lists_every_error_with_its_path(browser_as: BrowserAs) -> None:
    bad = b"lodestar: 1\norganization: {name: X}\nunits: [{id: Bad, name: X, kind: company}]\n"
    response = browser_as("admin").post("/admin/import/", {"file": SimpleUploadedFile("m.yaml", bad)})
    assert response.status_code == 400
    assert b"units[0].id" in response.content


def test_applying_an_unknown_upload_is_refused(browser_as: BrowserAs) -> None:
    response = browser_as("admin").post("/admin/import/apply", {"key": "../../etc/passwd"})
    assert response.status_code == 404


def test_export_downloads_the_model_file(browser_as: BrowserAs) -> None:
    response = browser_as("admin").get("/admin/export")
    assert response["Content-Disposition"] == 'attachment; filename="lodestar-model.yaml"'
    assert b"Example Valves Ltd" in response.content


def test_the_audit_page_lists_changes_newest_first(browser_as: BrowserAs) -> None:
    browser_as("sam").post("/key-results/tracked-share/check-ins", {"value": "55", "confidence": "7"})
    content = browser_as("admin").get("/admin/audit/").content.decode()
    assert content.index("check_in.record") < content.index("model.import")


def test_the_users_page_speaks_german_to_a_german_browser(browser_as: BrowserAs) -> None:
    client = browser_as("admin")
    german = {"Accept-Language": "de"}

    page = client.get("/admin/users/", headers=german).content.decode()
    added = client.post(
        "/admin/users/add",
        {"email": "neu@example.com", "role": "viewer", "password": "long-enough"},
        headers=german,
    ).content.decode()

    assert "<h1>Benutzer und Rollen</h1>" in page
    assert '<option value="editor">Bearbeiter</option>' in page
    assert "liest alles, ändert nichts" in page
    assert "Erstes Passwort" in page
    assert "neu@example.com als Leser hinzugefügt." in added
    assert User.objects.get(email="neu@example.com").role == "viewer"


def test_the_import_page_says_the_plan_in_german(browser_as: BrowserAs) -> None:
    response = browser_as("admin").post(
        "/admin/import/", {"file": SimpleUploadedFile("m.yaml", NEW_MODEL)}, headers={"Accept-Language": "de"}
    )
    text = response.content.decode()
    assert "Plan für m.yaml" in text
    assert "hinzuzufügen" in text
    assert "Import ausführen" in text


def test_an_invalid_upload_lists_its_errors_in_german_with_the_files_paths(browser_as: BrowserAs) -> None:
    bad = b"lodestar: 1\norganization: {name: X}\nunits: [{id: Bad, name: X, kind: company}]\n"
    response = browser_as("admin").post(
        "/admin/import/", {"file": SimpleUploadedFile("m.yaml", bad)}, headers={"Accept-Language": "de"}
    )
    text = response.content.decode()
    assert "m.yaml hat 1 Fehler; nichts wurde geschrieben." in text
    assert "<code>units[0].id</code>: &#x27;Bad&#x27; ist keine gültige ID" in text
