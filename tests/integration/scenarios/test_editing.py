"""Editing in a scenario with the design forms and on its units page: the scenario changes, the base does not."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import AuditEntry
from lodestar.accounts.services import create_user
from lodestar.modelfile.documents import task_document
from lodestar.scenarios.edits import get_scenario
from lodestar.store.load import load_model
from tests.integration.accounts.cast import PASSWORD, ApiAs, BrowserAs, import_document
from tests.integration.design.conftest import DESIGN_MODEL
from tests.integration.scenarios.test_pages import with_scenarios

HUB = {
    "id": "hub",
    "name": "A digital hub",
    "units": [{"id": "hub", "name": "Hub", "kind": "team", "parent": "mkt"}],
}


@pytest.fixture
def org(db: None) -> dict[str, Any]:
    import_document(DESIGN_MODEL)
    return DESIGN_MODEL


@pytest.fixture
def hub(api_as: ApiAs) -> None:
    assert api_as("editor").post("/scenarios", HUB).status_code == 201


def task_form(task_id: str, **changes: Any) -> dict[str, Any]:
    """What the task form posts for the base's task, with `changes` (lists for the multiple selects)."""
    document = task_document(next(t for t in load_model().tasks if t.id == task_id))
    data: dict[str, Any] = {key: document.get(key, "") for key in ("name", "change", "delivery", "accountable")} | {
        key: document.get(key, []) for key in ("responsible", "consulted", "informed", "locations", "toward")
    }
    for competency, level in document.get("competencies", {}).items():
        data[f"competencies.{competency}"] = str(level)
    return data | changes | {"version": str(get_scenario(scenario_id="hub").version)}


def compare(api_as: ApiAs) -> dict[str, Any]:
    answer = api_as("viewer").get("/scenarios/compare", ids="hub", as_of="2026-07-01")
    assert answer.status_code == 200
    figures: dict[str, Any] = json.loads(answer.content)["scenarios"][1]
    return figures


def test_a_task_edited_in_a_scenario_changes_the_scenario_only(hub: None, browser_as: BrowserAs, api_as: ApiAs) -> None:
    before = compare(api_as)
    base_tasks = [task_document(t) for t in load_model().tasks]
    versions = [t.version for t in load_model().tasks]
    audited = AuditEntry.objects.count()

    answer = browser_as("editor").post(
        "/tasks/web-analytics/edit?scenario=hub", task_form("web-analytics", accountable="hub", responsible=["hub"])
    )

    assert answer.status_code == 302
    assert answer["Location"] == "/tasks/?task=web-analytics&scenario=hub#task-web-analytics"
    assert [task_document(t) for t in load_model().tasks] == base_tasks
    assert [t.version for t in load_model().tasks] == versions  # no row of the base was written
    assert list(AuditEntry.objects.order_by("id").values_list("action", "subject")[audited:]) == [
        ("scenario.update", "scenario:hub")
    ]
    replaced = get_scenario(scenario_id="hub").replace.tasks
    assert replaced is not None
    edited = next(t for t in replaced if t.id == "web-analytics")
    assert (edited.accountable, edited.responsible) == ("hub", ["hub"])
    assert [t.id for t in replaced] == [t["id"] for t in base_tasks]
    after = compare(api_as)
    assert after["accountable_load"].get("hub") == 1
    assert after["accountable_load"].get("ms", 0) == before["accountable_load"].get("ms", 0) - 1
    page = browser_as("viewer").get("/tasks/?scenario=hub").content.decode()
    assert "You are looking at scenario “A digital hub”" in page


def test_invalid_input_in_a_scenario_is_shown_next_to_the_field_and_nothing_is_written(
    hub: None, browser_as: BrowserAs
) -> None:
    answer = browser_as("editor").post(
        "/tasks/web-analytics/edit?scenario=hub", task_form("web-analytics", name="", responsible=["hub", "hub"])
    )

    assert answer.status_code == 400
    text = answer.content.decode()
    name_error = re.search(r'<p class="field-error" id="f-name-error">([^<]*)</p>', text)
    responsible_error = re.search(r'<p class="field-error" id="f-responsible-error">([^<]*)</p>', text)
    assert name_error is not None and name_error[1] in ("required", "must not be empty")
    assert responsible_error is not None and "listed twice" in responsible_error[1]
    assert get_scenario(scenario_id="hub").replace.tasks is None
    assert get_scenario(scenario_id="hub").version == 1


def test_a_form_opened_before_another_change_of_the_scenario_is_a_conflict_and_keeps_what_was_typed(
    hub: None, browser_as: BrowserAs
) -> None:
    stale = task_form("web-analytics", name="Web analytics, in the hub")
    editor = browser_as("editor")
    assert editor.post("/tasks/print-ads/edit?scenario=hub", task_form("print-ads", name="Print")).status_code == 302

    answer = editor.post("/tasks/web-analytics/edit?scenario=hub", stale)

    assert answer.status_code == 409
    text = answer.content.decode()
    assert "changed by someone else" in text
    assert 'value="Web analytics, in the hub"' in text
    assert 'name="version" value="2"' in text
    replaced = get_scenario(scenario_id="hub").replace.tasks or []
    assert next(t for t in replaced if t.id == "web-analytics").name == "Web analytics"


def test_a_viewer_cannot_edit_in_a_scenario(hub: None, browser_as: BrowserAs) -> None:
    viewer = browser_as("viewer")

    assert viewer.get("/tasks/web-analytics/edit?scenario=hub").status_code == 403
    assert viewer.post("/tasks/web-analytics/edit?scenario=hub", task_form("web-analytics")).status_code == 403
    assert viewer.post("/scenarios/hub/units", {"form": "remove", "unit": "it", "version": "1"}).status_code == 403
    assert get_scenario(scenario_id="hub").version == 1


def test_a_task_added_and_deleted_in_a_scenario_stays_out_of_the_base(hub: None, browser_as: BrowserAs) -> None:
    editor = browser_as("editor")
    data: dict[str, Any] = {"id": "hub-ops", "name": "Hub operations", "change": "new", "delivery": "central"}
    data |= {"version": "1"}
    data |= {"accountable": "hub", "responsible": ["hub"]}

    added = editor.post("/tasks/new?scenario=hub", data)
    deleted = editor.post("/tasks/print-ads/delete?scenario=hub", {"version": "2"})

    assert added["Location"] == "/tasks/?task=hub-ops&scenario=hub#task-hub-ops"
    assert deleted["Location"] == "/tasks/?scenario=hub"
    assert [t.id for t in get_scenario(scenario_id="hub").replace.tasks or []] == [
        t["id"] for t in DESIGN_MODEL["tasks"] if t["id"] != "print-ads"
    ] + ["hub-ops"]
    assert {t.id for t in load_model().tasks} == {t["id"] for t in DESIGN_MODEL["tasks"]}


def test_a_dependency_is_edited_in_a_scenario_by_its_position(hub: None, browser_as: BrowserAs) -> None:
    page = browser_as("editor").get("/dependencies/?scenario=hub").content.decode()
    assert "/dependencies/1/edit?scenario=hub" in page
    form = browser_as("editor").get("/dependencies/1/edit?scenario=hub")
    assert form.status_code == 200
    assert "You are changing scenario “A digital hub”" in form.content.decode()


def test_the_design_pages_in_a_scenario_keep_it_in_their_links(hub: None, browser_as: BrowserAs) -> None:
    for path in ("/tasks/", "/dependencies/", "/competencies/", "/touchpoints/", "/roles/"):
        text = browser_as("editor").get(f"{path}?scenario=hub").content.decode()
        assert f'href="{path}"' in text, path  # the switcher's link back to the base
        for link in ("/tasks/", "/dependencies/", "/competencies/", "/touchpoints/", "/roles/"):
            assert f'href="{link}?scenario=hub"' in text, (path, link)
        assert "/scenarios/compare/?ids=hub" in text
    tasks = browser_as("editor").get("/tasks/?scenario=hub").content.decode()
    assert '/tasks/new?scenario=hub"' in tasks
    assert '/tasks/web-analytics/edit?scenario=hub"' in tasks
    assert '<input type="hidden" name="scenario" value="hub">' in tasks


def test_the_purpose_page_in_a_scenario_shows_the_base_and_offers_no_form(hub: None, browser_as: BrowserAs) -> None:
    text = browser_as("editor").get("/purpose/?scenario=hub").content.decode()

    assert "not part of a scenario" in text
    assert "/purpose/mission/edit" not in text
    assert browser_as("editor").get("/purpose/mission/edit?scenario=hub").status_code == 400


def test_an_unknown_scenario_is_a_404_that_says_where_the_scenarios_are(hub: None, browser_as: BrowserAs) -> None:
    for path in ("/tasks/?scenario=nope", "/tasks/web-analytics/edit?scenario=nope", "/scenarios/nope/units"):
        answer = browser_as("editor").get(path)
        assert answer.status_code == 404, path
        assert "There is no scenario" in answer.content.decode()


def test_a_person_moved_in_a_scenario_changes_its_headcount_only(
    hub: None, browser_as: BrowserAs, api_as: ApiAs
) -> None:
    answer = browser_as("editor").post(
        "/scenarios/hub/units", {"form": "move", "person": "ana", "unit": "hub", "version": "1"}
    )

    assert answer.status_code == 302
    assert [(m.person, m.unit) for m in get_scenario(scenario_id="hub").moves] == [("ana", "hub")]
    assert next(p for p in load_model().people if p.id == "ana").unit == "mkt"
    assert compare(api_as)["headcount"].get("hub") == 1
    page = browser_as("viewer").get("/scenarios/hub/units").content.decode()
    assert "Ana Ruiz: Marketing → Hub" in page


def test_a_move_to_an_unknown_unit_is_shown_next_to_the_field(hub: None, browser_as: BrowserAs) -> None:
    answer = browser_as("editor").post(
        "/scenarios/hub/units", {"form": "move", "person": "ana", "unit": "nowhere", "version": "1"}
    )

    assert answer.status_code == 400
    assert re.search(r'id="m-unit-error">[^<]*nowhere', answer.content.decode())
    assert get_scenario(scenario_id="hub").moves == []


def test_a_unit_added_changed_and_removed_in_a_scenario(hub: None, browser_as: BrowserAs) -> None:
    editor = browser_as("editor")

    added = editor.post(
        "/scenarios/hub/units",
        {"form": "unit", "id": "data", "name": "Data team", "kind": "team", "parent": "mkt", "version": "1"},
    )
    changed = editor.post(
        "/scenarios/hub/units",
        {"form": "unit", "id": "it", "name": "IT & Data", "kind": "adjacent", "parent": "company", "version": "2"},
    )
    removed = editor.post("/scenarios/hub/units", {"form": "remove", "unit": "sales", "version": "3"})

    assert [r.status_code for r in (added, changed)] == [302, 302]
    scenario = get_scenario(scenario_id="hub")
    assert [(u.id, u.name) for u in scenario.units] == [("hub", "Hub"), ("data", "Data team"), ("it", "IT & Data")]
    assert next(u for u in load_model().units if u.id == "it").name == "IT"
    # Sales still has people and tasks: removing it is refused with what names it, and nothing is written.
    assert removed.status_code == 400
    assert "sales" in removed.content.decode()
    assert scenario.remove_units == []
    empty = editor.post("/scenarios/hub/units", {"form": "remove", "unit": "data", "version": "3"})
    assert empty.status_code == 302
    assert [u.id for u in get_scenario(scenario_id="hub").units] == ["hub", "it"]


def test_a_unit_without_a_name_is_refused_next_to_the_field(hub: None, browser_as: BrowserAs) -> None:
    answer = browser_as("editor").post(
        "/scenarios/hub/units", {"form": "unit", "id": "data", "name": "", "kind": "team", "version": "1"}
    )

    assert answer.status_code == 400
    assert re.search(r'id="u-name-error">', answer.content.decode())
    assert [u.id for u in get_scenario(scenario_id="hub").units] == ["hub"]


def test_the_pages_in_a_scenario_do_not_query_more_for_a_larger_organization(
    client: Client, db: None, settings: Any
) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    counts = []
    for teams in (2, 12):
        import_document(with_scenarios(teams))
        email = f"boss{teams}@example.com"
        user = create_user(actor=command_line_actor(), email=email, role="editor", password=PASSWORD, person_id="boss")
        client.force_login(user)
        measured = []
        for path in ("/tasks/?scenario=moved", "/dependencies/?scenario=more", "/scenarios/moved/units"):
            assert client.get(path).status_code == 200
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path).status_code == 200
            measured.append(len(captured))
        counts.append(measured)
    assert counts[0] == counts[1]


def test_the_scenario_banner_and_units_page_are_in_german(hub: None, browser_as: BrowserAs) -> None:
    german = {"Accept-Language": "de-DE,de;q=0.9"}
    tasks = browser_as("editor").get("/tasks/?scenario=hub", headers=german).content.decode()
    units = browser_as("editor").get("/scenarios/hub/units", headers=german).content.decode()

    assert "Sie sehen das Szenario „A digital hub“ – die Basis bleibt unverändert." in tasks
    assert "Eine Person in eine andere Einheit versetzen" in units


def test_a_role_profile_is_edited_in_a_scenario_by_its_position(hub: None, browser_as: BrowserAs) -> None:
    data = {
        "unit": "ms",
        "horizon": "2029",
        "as_is.sales_alignment": "defined",
        "target.sales_alignment": "integrated",
        "target.decision_rights.pricing": "lead",
        "version": "1",
    }

    answer = browser_as("editor").post("/roles/profiles/1/edit?scenario=hub", data)

    assert answer["Location"] == "/roles/?scenario=hub#profile-1"
    replaced = get_scenario(scenario_id="hub").replace.role_profiles or []
    assert [(p.horizon, p.target.decision_rights) for p in replaced] == [(2029, {"pricing": "lead"})]
    assert load_model().role_profiles[0].horizon == 2028
    assert browser_as("editor").get("/roles/profiles/2/edit?scenario=hub").status_code == 404


def test_a_competency_that_tasks_need_cannot_be_deleted_in_a_scenario(hub: None, browser_as: BrowserAs) -> None:
    answer = browser_as("editor").post("/competencies/web-analytics/delete?scenario=hub", {"version": "1"})

    assert answer.status_code == 400
    assert "web-analytics" in answer.content.decode()
    assert get_scenario(scenario_id="hub").replace.competencies is None
