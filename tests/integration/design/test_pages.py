"""The design workspace pages: what they show, who may edit, and errors next to the field."""

from __future__ import annotations

import pytest
from django.test import Client

from lodestar.accounts.models import AuditEntry
from lodestar.store.load import load_model
from tests.integration.accounts.cast import BrowserAs, Cast
from tests.integration.design.conftest import rows

PAGES = {
    "/purpose/": ["first choice an easy one", "History of the mission", "Measure what matters"],
    "/vision/": [
        "Readiness",
        "<strong>1 of 8</strong>",
        "Adopted in January.",
        "Field service: outside the core business",
    ],
    "/roles/": ["Marketing &amp; Sales (general)", "Service provider", "Field service", "No profile of its own"],
    "/tasks/": ["RACI matrix", "Web analytics", "no goal lists it", "without exactly one A or without an R"],
    "/dependencies/": ["Tracking data", "Qualified leads", "intensity change"],
    "/competencies/": ["Negotiation", "Web analytics", "Required against best available", "Sam Lee"],
    "/touchpoints/": ["Website", "Trade fair", "Web visits", "Consideration"],
    "/units/mkt/": ["Role card", "Web analytics", "Tracking data", "Unit report (PDF)"],
    "/people/sam/": ["Role card", "through Marketing", "Web analytics"],
}


@pytest.mark.parametrize("path", sorted(PAGES))
def test_each_design_page_shows_what_the_model_holds(browser_as: BrowserAs, path: str) -> None:
    response = browser_as("viewer").get(path + "?as_of=2026-07-01")
    assert response.status_code == 200
    text = response.content.decode()
    for expected in PAGES[path]:
        assert expected in text, expected


@pytest.mark.parametrize("path", [*sorted(PAGES), "/reports/organization.pdf"])
def test_anonymous_visitors_are_sent_to_sign_in(client: Client, cast: Cast, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in")


def test_a_viewer_sees_no_edit_links_and_an_editor_does(browser_as: BrowserAs) -> None:
    assert b"New task" not in browser_as("viewer").get("/tasks/").content
    assert b"New task" in browser_as("editor").get("/tasks/").content


def test_the_task_filter_narrows_the_raci_matrix(browser_as: BrowserAs) -> None:
    text = browser_as("viewer").get("/tasks/?change=drop").content.decode()
    assert "1 of 3 tasks match" in text
    assert 'id="task-print-ads"' in text
    assert 'id="task-web-analytics"' not in text


def test_the_dependency_table_sorts_by_intensity_change_and_switches_to_now(browser_as: BrowserAs) -> None:
    text = browser_as("viewer").get("/dependencies/?state=now&sort=target").content.decode()
    assert "Network today" in text
    table = text[text.index('id="table"') :]
    assert table.index("Qualified leads") < table.index("Tracking data")


def test_a_unknown_as_of_is_refused(browser_as: BrowserAs) -> None:
    assert browser_as("viewer").get("/vision/?as_of=2026-13-01").status_code == 400


def test_the_organization_report_is_a_pdf_for_signed_in_users(browser_as: BrowserAs) -> None:
    response = browser_as("viewer").get("/reports/organization.pdf?as_of=2026-07-01")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_unit_report_of_an_unknown_unit_is_not_found(browser_as: BrowserAs) -> None:
    assert browser_as("viewer").get("/reports/units/nowhere.pdf").status_code == 404


def test_an_editor_creates_a_task_through_the_form(browser_as: BrowserAs) -> None:
    response = browser_as("editor").post(
        "/tasks/new",
        {
            "id": "crm",
            "name": "CRM care",
            "change": "new",
            "delivery": "central",
            "responsible": ["sales", "mkt"],
            "competencies.negotiation": "2",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/tasks/?task=crm#task-crm"
    task = next(t for t in load_model().tasks if t.id == "crm")
    assert (task.responsible, task.competencies) == (["sales", "mkt"], {"negotiation": 2})
    assert AuditEntry.objects.filter(action="task.create", surface="web").exists()


def test_form_errors_are_shown_next_to_their_field(browser_as: BrowserAs) -> None:
    response = browser_as("editor").post(
        "/tasks/new",
        {"id": "Bad Id", "name": "", "change": "new", "delivery": "central", "competencies.negotiation": "9"},
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert 'id="f-id-error"' in text
    assert 'id="f-name-error"' in text
    assert "9 is out of range" in text


def test_an_editor_edits_a_role_profile_s_decision_rights(browser_as: BrowserAs) -> None:
    editor = browser_as("editor")
    path = "/roles/profiles/{profile1}/edit".format(**rows())
    form = editor.get(path).content.decode()
    version = form.split('name="version" value="')[1].split('"')[0]
    data = {
        "unit": "ms",
        "horizon": "2029",
        "as_is.sales_alignment": "defined",
        "target.sales_alignment": "integrated",
        "target.decision_rights.pricing": "lead",
        "version": version,
    }
    response = editor.post(path, data)
    assert response.status_code == 302
    profile = load_model().role_profiles[0]
    assert (profile.horizon, profile.target.decision_rights, profile.target.sales_alignment) == (
        2029,
        {"pricing": "lead"},
        "integrated",
    )


def test_a_stale_form_is_a_conflict(browser_as: BrowserAs) -> None:
    response = browser_as("editor").post(
        "/dependencies/{dependency1}/edit".format(**rows()),
        {"from": "mkt", "to": "it", "about": "x", "kind": "data", "now": "1", "target": "2", "version": "0"},
    )
    assert response.status_code == 409


def test_the_mission_is_edited_and_the_history_grows(browser_as: BrowserAs) -> None:
    editor = browser_as("editor")
    form = editor.get("/purpose/mission/edit").content.decode()
    version = form.split('name="version" value="')[1].split('"')[0]
    response = editor.post(
        "/purpose/mission/edit", {"statement": "New words.", "scope": "ms", "principles": "A\nB", "version": version}
    )
    assert response.status_code == 302
    page = editor.get("/purpose/").content.decode()
    assert "New words." in page
    assert "editor@example.com" in page
    mission = load_model().mission
    assert mission is not None
    assert mission.principles == ["A", "B"]


def test_a_person_s_level_is_set_from_the_competencies_page(browser_as: BrowserAs) -> None:
    response = browser_as("editor").post(
        "/competencies/levels", {"person": "kim", "competency": "negotiation", "level": "4"}
    )
    assert response.status_code == 302
    assert next(p for p in load_model().people if p.id == "kim").competencies == {"negotiation": 4}


def test_a_refused_level_is_shown_next_to_the_field_with_the_entries_kept(browser_as: BrowserAs) -> None:
    response = browser_as("editor").post(
        "/competencies/levels", {"person": "kim", "competency": "negotiation", "level": "9"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="l-level-error"' in page
    assert 'value="9"' in page
    assert '<option value="kim" selected>' in page
    assert '<option value="negotiation" selected>' in page
    assert "negotiation" not in next(p for p in load_model().people if p.id == "kim").competencies


MISSION_VERSION = 1
WRITES = {
    "new mission form": ("get", "/purpose/mission/new", None),
    "edit mission": ("post", "/purpose/mission/edit", {"statement": "S", "scope": "ms", "version": MISSION_VERSION}),
    "delete mission": ("post", "/purpose/mission/delete", {}),
    "unit purpose": ("post", "/units/mkt/purpose", {"purpose": "P", "version": 1}),
    "new vision answer": ("post", "/vision/answers/new", {"question": "goals", "status": "open"}),
    "edit vision answer": ("get", "/vision/answers/{answer1}/edit", None),
    "delete vision answer": ("post", "/vision/answers/{answer2}/delete", {}),
    "new role profile form": ("get", "/roles/profiles/new", None),
    "delete role profile": ("post", "/roles/profiles/{profile1}/delete", {}),
    "new task": ("post", "/tasks/new", {"id": "t", "name": "T", "change": "new", "delivery": "central"}),
    "edit task form": ("get", "/tasks/web-analytics/edit", None),
    "delete task": ("post", "/tasks/field-visits/delete", {}),
    "new dependency": (
        "post",
        "/dependencies/new",
        {"from": "mkt", "to": "it", "about": "A", "kind": "data", "now": "1", "target": "2"},
    ),
    "delete dependency": ("post", "/dependencies/{dependency2}/delete", {}),
    "new competency": ("post", "/competencies/new", {"id": "c", "name": "C"}),
    "edit competency form": ("get", "/competencies/negotiation/edit", None),
    "delete competency": ("post", "/competencies/negotiation/delete", {}),
    "person level": ("post", "/competencies/levels", {"person": "kim", "competency": "negotiation", "level": "2"}),
    "new touchpoint": (
        "post",
        "/touchpoints/new",
        {"id": "tp", "name": "TP", "stage": "usage", "channel": "web", "owner": "mkt"},
    ),
    "delete touchpoint": ("post", "/touchpoints/trade-fair/delete", {}),
}


@pytest.mark.parametrize("user", ["admin", "editor", "sam", "kim", "viewer", "unlinked"])
@pytest.mark.parametrize("write", sorted(WRITES))
def test_only_editors_and_admins_change_the_design(browser_as: BrowserAs, user: str, write: str) -> None:
    method, path, data = WRITES[write]
    response = getattr(browser_as(user), method)(path.format(**rows()), data)
    if user in ("admin", "editor"):
        assert response.status_code in (200, 302), response.content[:500]
    else:
        assert response.status_code == 403
        assert b"Not allowed" in response.content


@pytest.mark.parametrize("write", sorted(WRITES))
def test_anonymous_visitors_change_nothing(client: Client, cast: Cast, write: str) -> None:
    method, path, data = WRITES[write]
    before = AuditEntry.objects.count()
    response = getattr(client, method)(path.format(**rows()), data)
    assert response.status_code == 302
    assert AuditEntry.objects.count() == before


GERMAN = {
    "/tasks/": [
        "Aufgaben und Verantwortlichkeiten",
        "RACI-Matrix",
        "wer durchführungsverantwortlich, gesamtverantwortlich",
        ">entfällt</span>",  # the change of Print advertising
        "3 von 3 Aufgaben",
        "kein Ziel nennt sie",
    ],
    "/roles/": ["Die Rolle von Marketing & Vertrieb", "Marketing &amp; Sales (allgemein)", "Dienstleister", "Ist"],
    "/vision/": [
        "Vision der künftigen Rolle",
        "Reifegrad",
        "<strong>1 von 8</strong>",
        "Gibt es eine klar formulierte",
    ],
    "/purpose/": ["Verlauf der Mission", "Zweck der Einheiten", "gültig"],
    "/dependencies/": ["Abhängigkeiten und Schnittstellen", "Netzwerk im Zielbild", ">Daten<", ">Leistung<"],
    "/competencies/": ["Erforderlich gegenüber bester verfügbarer Stufe", "Personen × Kompetenzen"],
    "/touchpoints/": ["Customer Journey", "Abwägung", "Verantwortlich:"],
}


@pytest.mark.parametrize("path", sorted(GERMAN))
def test_each_design_page_speaks_german_to_a_german_browser(browser_as: BrowserAs, path: str) -> None:
    response = browser_as("editor").get(path + "?as_of=2026-07-01", headers={"Accept-Language": "de"})
    text = response.content.decode()
    for expected in GERMAN[path]:
        assert expected in text, expected
    assert "Organization design" not in text
    assert 'aria-label="Organisationsgestaltung"' in text


def test_the_task_form_in_german_names_the_raci_roles_of_the_glossary(browser_as: BrowserAs) -> None:
    text = browser_as("editor").get("/tasks/new", headers={"Accept-Language": "de"}).content.decode()
    for label in ("Durchführungsverantwortlich (R)", "Gesamtverantwortlich (A)", "Konsultiert (C)", "Informiert (I)"):
        assert label in text, label
    assert '<option value="expand">ausgebaut</option>' in text
    assert '<option value="decentral">dezentral</option>' in text
    assert "Aufgabe anlegen" in text
    assert "Höchstens 300 Zeichen." in text


def test_form_errors_are_said_in_german_and_stay_exactly_english_in_english(browser_as: BrowserAs) -> None:
    bad = {"id": "Bad Id", "name": "", "change": "new", "delivery": "central", "competencies.negotiation": "9"}
    editor = browser_as("editor")

    german = editor.post("/tasks/new", bad, headers={"Accept-Language": "de"}).content.decode()
    english = editor.post("/tasks/new", bad).content.decode()

    assert "9 liegt außerhalb des Bereichs: erwartet 1 bis 5" in german
    assert "&#x27;Bad Id&#x27; ist keine gültige ID" in german
    assert '<p class="field-error" id="f-name-error">erforderlich</p>' in german
    assert "9 is out of range: expected 1 to 5" in english
    assert "&#x27;Bad Id&#x27; is not a valid id (lower-case letters" in english
    assert '<p class="field-error" id="f-name-error">required</p>' in english


def test_a_refused_level_is_said_in_german(browser_as: BrowserAs) -> None:
    response = browser_as("editor").post(
        "/competencies/levels",
        {"person": "kim", "competency": "negotiation", "level": "abc"},
        headers={"Accept-Language": "de"},
    )
    assert response.status_code == 400
    assert "erhalten: der Text &#x27;abc&#x27;" in response.content.decode()
