"""The scenarios page's actions: create (from the base or as a copy), rename, delete and adopt, for editors and admins."""

from __future__ import annotations

import copy
import html
import re
import threading
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import AuditEntry
from lodestar.lib.errors import Conflict
from lodestar.scenarios import edits
from lodestar.scenarios.service import adopt_scenario
from lodestar.store.load import load_model
from lodestar.store.models import ModelRevision, RestorePoint
from lodestar.store.service import export_model
from tests.integration.accounts.cast import MODEL, ApiAs, BrowserAs, Cast, import_document

GERMAN = {"Accept-Language": "de-DE,de;q=0.9"}
# The cast's organization with two tasks, which its first goal lists.
TASKED: dict[str, Any] = copy.deepcopy(MODEL)
TASKED["tasks"] = [
    {
        "id": "seo",
        "name": "Search engine optimisation",
        "change": "keep",
        "delivery": "central",
        "accountable": "mkt",
        "responsible": ["mkt"],
    },
    {
        "id": "qualify",
        "name": "Lead qualification",
        "change": "keep",
        "delivery": "central",
        "accountable": "sales",
        "responsible": ["sales"],
    },
]
TASKED["goals"][0]["tasks"] = ["seo", "qualify"]

HUB = {
    "id": "hub",
    "name": "A digital hub",
    "description": "Marketing gets a hub team.",
    "units": [{"id": "hub", "name": "Hub", "kind": "team", "parent": "mkt"}],
    "moves": [{"person": "ana", "unit": "hub"}],
}
# Qualification moves to marketing; the SEO task is no longer there, so the first goal loses it.
MERGED = {
    "id": "merged",
    "name": "Marketing qualifies",
    "replace": {
        "tasks": [
            {
                "id": "qualify",
                "name": "Lead qualification",
                "change": "keep",
                "delivery": "central",
                "accountable": "mkt",
                "responsible": ["mkt"],
            }
        ]
    },
}
NOTHING = {"id": "nothing", "name": "Nothing changes"}
# Ana leaves: the hub scenario, which moves her, would no longer be valid.
LEAVING = {"id": "leaving", "name": "Ana leaves", "remove_people": ["ana"]}


@pytest.fixture
def tasked(cast: Cast) -> Cast:
    import_document(TASKED)
    return cast


def scenarios(api_as: ApiAs, *documents: dict[str, Any]) -> None:
    for document in documents:
        created = api_as("editor").post("/scenarios", document)
        assert created.status_code == 201, created.content


def stored_ids() -> list[str]:
    return [scenario.id for scenario in load_model(parts=frozenset({"scenarios"})).scenarios]


def hidden(text: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', text)
    assert found is not None, name
    return found[1]


def actions(subject: str) -> list[str]:
    return list(AuditEntry.objects.filter(subject=subject).order_by("id").values_list("action", flat=True))


# Creating


def test_an_editor_creates_a_scenario_from_the_base_with_an_id_proposed_from_its_name(
    tasked: Cast, browser_as: BrowserAs
) -> None:
    client = browser_as("editor")
    form = client.get("/scenarios/new")
    assert form.status_code == 200
    assert 'data-id-proposal-url="/scenarios/id-proposal"' in form.content.decode()

    posted = client.post("/scenarios/new", {"name": "Zentraler Hub", "id": "", "description": "", "copy_of": ""})

    assert posted.status_code == 302
    assert posted["Location"] == "/scenarios/#scenario-zentraler-hub"
    scenario = edits.get_scenario(scenario_id="zentraler-hub")
    assert (scenario.name, scenario.description, scenario.units, scenario.moves) == ("Zentraler Hub", None, [], [])
    assert actions("scenario:zentraler-hub") == ["scenario.create"]
    listed = client.get("/scenarios/").content.decode()
    assert "Created the scenario “Zentraler Hub”." in listed
    assert 'href="/tasks/?scenario=zentraler-hub"' in listed


def test_a_copy_takes_the_changes_of_the_scenario_it_copies(tasked: Cast, api_as: ApiAs, browser_as: BrowserAs) -> None:
    scenarios(api_as, HUB)
    client = browser_as("admin")
    assert 'value="hub" checked' in client.get("/scenarios/new?copy_of=hub").content.decode()

    posted = client.post(
        "/scenarios/new", {"name": "Hub, later", "id": "hub-later", "description": "Two years on.", "copy_of": "hub"}
    )

    assert posted.status_code == 302
    copied, source = edits.get_scenario(scenario_id="hub-later"), edits.get_scenario(scenario_id="hub")
    assert (copied.name, copied.description) == ("Hub, later", "Two years on.")
    assert (copied.units, copied.moves) == (source.units, source.moves)
    assert stored_ids() == ["hub", "hub-later"]


def test_the_proposed_id_is_free(tasked: Cast, api_as: ApiAs, browser_as: BrowserAs) -> None:
    scenarios(api_as, HUB)
    client = browser_as("editor")

    assert client.get("/scenarios/id-proposal", {"title": "Hub"}).json() == {"id": "hub-2"}
    assert client.get("/scenarios/id-proposal", {"title": "Base"}).json() == {"id": "base-2"}
    assert client.get("/scenarios/id-proposal", {"title": "Größere Teams"}).json() == {"id": "groessere-teams"}


@pytest.mark.parametrize(
    ("posted", "field", "message"),
    [
        ({"name": "", "id": "empty"}, "name", "must not be empty"),
        ({"name": "Hub", "id": "Not An Id"}, "id", "is not a valid id"),
        ({"name": "The base", "id": "base"}, "id", "is reserved"),
        ({"name": "Hub again", "id": "hub"}, "id", "A scenario with this id exists already"),
        ({"name": "Hub", "id": "x", "description": "d" * 10_001}, "description", "too long"),
        ({"name": "Copy", "id": "copy", "copy_of": "gone"}, "copy-of", "unknown scenario 'gone'"),
    ],
)
def test_a_refused_create_shows_the_issue_next_to_its_field_and_keeps_what_was_typed(
    tasked: Cast, api_as: ApiAs, browser_as: BrowserAs, posted: dict[str, str], field: str, message: str
) -> None:
    scenarios(api_as, HUB)
    form = {"description": "Kept as typed.", "copy_of": "", **posted}

    response = browser_as("editor").post("/scenarios/new", form)

    text = response.content.decode()
    assert response.status_code == 400
    error = re.search(rf'<p class="field-error" id="f-{field}-error">([^<]*)</p>', text)
    assert error is not None and message in html.unescape(error[1])
    if field in ("name", "id"):
        assert f'id="f-{field}" name="{field}"' in text and f'aria-describedby="f-{field}-help f-{field}-error"' in text
    assert f'value="{posted["id"]}"' in text
    if field != "description":
        assert "Kept as typed." in text
    assert stored_ids() == ["hub"]


def test_the_create_form_says_its_issues_in_german(tasked: Cast, browser_as: BrowserAs) -> None:
    response = browser_as("editor").post("/scenarios/new", {"name": "", "id": "Ein Hub"}, headers=GERMAN)
    text = response.content.decode()
    assert response.status_code == 400
    assert "Neues Szenario" in text
    assert "darf nicht leer sein" in text
    assert "ist keine gültige ID" in text


# Renaming


def test_a_rename_changes_the_name_and_description_and_keeps_the_changes(
    tasked: Cast, api_as: ApiAs, browser_as: BrowserAs
) -> None:
    scenarios(api_as, HUB)
    client = browser_as("editor")
    form = client.get("/scenarios/hub/edit").content.decode()
    assert 'value="A digital hub"' in form and hidden(form, "version") == "1"

    posted = client.post("/scenarios/hub/edit", {"name": "Hub team", "description": "", "version": "1"})

    assert posted.status_code == 302
    scenario = edits.get_scenario(scenario_id="hub")
    assert (scenario.name, scenario.description, scenario.version) == ("Hub team", None, 2)
    assert [unit.id for unit in scenario.units] == ["hub"] and len(scenario.moves) == 1
    assert actions("scenario:hub") == ["scenario.create", "scenario.update"]


def test_a_rename_from_a_stale_version_is_a_conflict_that_keeps_what_was_typed(
    tasked: Cast, api_as: ApiAs, browser_as: BrowserAs
) -> None:
    scenarios(api_as, HUB)
    client = browser_as("editor")
    assert client.post("/scenarios/hub/edit", {"name": "Theirs", "version": "1"}).status_code == 302

    stale = client.post("/scenarios/hub/edit", {"name": "Mine", "description": "My words.", "version": "1"})

    text = stale.content.decode()
    assert stale.status_code == 409
    assert "was changed by someone else since you opened it" in text
    assert "Stored now: “Theirs”" in text
    assert 'value="Mine"' in text and "My words." in text
    assert hidden(text, "version") == "2"
    assert edits.get_scenario(scenario_id="hub").name == "Theirs"
    again = client.post("/scenarios/hub/edit", {"name": "Mine", "description": "My words.", "version": "2"})
    assert again.status_code == 302
    assert edits.get_scenario(scenario_id="hub").name == "Mine"


def test_an_empty_name_is_refused_next_to_the_field(tasked: Cast, api_as: ApiAs, browser_as: BrowserAs) -> None:
    scenarios(api_as, HUB)
    response = browser_as("editor").post("/scenarios/hub/edit", {"name": " ", "description": "Kept.", "version": "1"})
    assert response.status_code == 400
    assert 'id="f-name-error">must not be empty' in response.content.decode()
    assert "Kept." in response.content.decode()
    assert edits.get_scenario(scenario_id="hub").name == "A digital hub"


# Deleting


def test_a_scenario_is_deleted_after_a_confirmation(tasked: Cast, api_as: ApiAs, browser_as: BrowserAs) -> None:
    scenarios(api_as, HUB, NOTHING)
    client = browser_as("editor")
    confirm = client.get("/scenarios/hub/delete").content.decode()
    assert "Delete scenario “A digital hub”?" in confirm

    posted = client.post("/scenarios/hub/delete", {"version": hidden(confirm, "version")})

    assert posted.status_code == 302 and posted["Location"] == "/scenarios/"
    assert stored_ids() == ["nothing"]
    assert actions("scenario:hub") == ["scenario.create", "scenario.delete"]
    assert "Deleted the scenario “A digital hub”." in client.get("/scenarios/").content.decode()


def test_a_delete_from_a_stale_version_is_refused(tasked: Cast, api_as: ApiAs, browser_as: BrowserAs) -> None:
    scenarios(api_as, HUB)
    client = browser_as("editor")
    assert client.post("/scenarios/hub/edit", {"name": "Theirs", "version": "1"}).status_code == 302

    response = client.post("/scenarios/hub/delete", {"version": "1"})

    assert response.status_code == 409
    assert stored_ids() == ["hub"]


@pytest.mark.parametrize("path", ["/scenarios/nowhere/edit", "/scenarios/nowhere/delete", "/scenarios/nowhere/adopt"])
def test_an_unknown_scenario_is_a_page_that_says_so(tasked: Cast, browser_as: BrowserAs, path: str) -> None:
    for response in (browser_as("editor").get(path), browser_as("editor").post(path, {"version": "1"})):
        assert response.status_code == 404
        assert "There is no scenario nowhere" in response.content.decode()


# Adopting


def test_the_adopt_page_shows_the_plan_and_the_goals_that_lose_task_references(
    tasked: Cast, api_as: ApiAs, browser_as: BrowserAs
) -> None:
    scenarios(api_as, MERGED, HUB)
    before = export_model()

    page = browser_as("editor").get("/scenarios/merged/adopt")

    text = page.content.decode()
    assert page.status_code == 200
    assert "What changes in the base:" in text
    assert "What changes in the base: 0 to add, 2 to change, 2 to remove." in text
    assert "~ <code>tasks[qualify].accountable: &quot;sales&quot; → &quot;mkt&quot;</code>" in text
    assert "− remove <code>tasks[seo]</code>" in text
    assert "− remove <code>scenarios[merged]</code>" in text
    assert "“More qualified leads from the web” no longer lists the task <code>seo</code>" in text
    assert "They stay, as changes to the new base: “A digital hub”." in text
    assert hidden(text, "revision")
    assert export_model() == before


def test_adopting_makes_the_scenario_the_base_keeps_the_others_and_is_audited(
    tasked: Cast, api_as: ApiAs, browser_as: BrowserAs
) -> None:
    scenarios(api_as, MERGED, HUB)
    client = browser_as("editor")
    revision = hidden(client.get("/scenarios/merged/adopt").content.decode(), "revision")
    points = RestorePoint.objects.count()

    posted = client.post("/scenarios/merged/adopt", {"revision": revision})

    assert posted.status_code == 302 and posted["Location"] == "/scenarios/"
    model = load_model()
    assert [(task.id, task.accountable) for task in model.tasks] == [("qualify", "mkt")]
    assert model.goals[0].tasks == ["qualify"]
    assert [scenario.id for scenario in model.scenarios] == ["hub"]
    assert actions("scenario:merged") == ["scenario.create", "scenario.adopt"]
    assert RestorePoint.objects.count() == points + 1
    assert "merged" in RestorePoint.objects.order_by("-id").values_list("reason", flat=True)[0]
    listed = client.get("/scenarios/").content.decode()
    assert "Adopted the scenario “Marketing qualifies”: " in listed


def test_adopting_a_scenario_without_changes_says_the_base_stays(
    tasked: Cast, api_as: ApiAs, browser_as: BrowserAs
) -> None:
    scenarios(api_as, NOTHING)
    client = browser_as("admin")
    page = client.get("/scenarios/nothing/adopt").content.decode()
    assert "Adopting changes nothing in the base; the scenario is only removed from the list." in page
    assert "There are no other scenarios." in page
    assert "None: every task a goal lists is still there." in page

    assert client.post("/scenarios/nothing/adopt", {"revision": hidden(page, "revision")}).status_code == 302
    assert stored_ids() == []
    assert [task.id for task in load_model().tasks] == ["seo", "qualify"]


def test_adopting_is_refused_when_another_scenario_would_break_and_nothing_is_written(
    tasked: Cast, api_as: ApiAs, browser_as: BrowserAs
) -> None:
    scenarios(api_as, LEAVING, HUB)
    client = browser_as("editor")
    before, points = export_model(), RestorePoint.objects.count()

    page = client.get("/scenarios/leaving/adopt")
    posted = client.post("/scenarios/leaving/adopt", {"revision": ""})

    text = page.content.decode()
    assert page.status_code == 200
    assert "It cannot be adopted now" in text
    assert "In the scenario “A digital hub”, which would no longer be valid:" in text
    assert "<code>scenarios[1].moves[0].person</code>: unknown person &#x27;ana&#x27;" in text
    assert "Adopt scenario</button>" not in text
    assert posted.status_code == 409
    assert "Not adopted: nothing was written." in posted.content.decode()
    assert export_model() == before
    assert RestorePoint.objects.count() == points
    assert "scenario.adopt" not in actions("scenario:leaving")


def test_a_plan_made_before_the_model_changed_is_not_adopted_but_shown_again(
    tasked: Cast, api_as: ApiAs, browser_as: BrowserAs
) -> None:
    scenarios(api_as, MERGED, HUB)
    client = browser_as("editor")
    revision = hidden(client.get("/scenarios/hub/adopt").content.decode(), "revision")
    adopt_scenario(actor=command_line_actor(), scenario_id="merged")  # someone else, meanwhile

    stale = client.post("/scenarios/hub/adopt", {"revision": revision})

    text = stale.content.decode()
    assert stale.status_code == 409
    assert "the stored model changed since the plan of scenario" in text
    assert stored_ids() == ["hub"]
    assert "They stay" not in text and "There are no other scenarios." in text
    again = client.post("/scenarios/hub/adopt", {"revision": hidden(text, "revision")})
    assert again.status_code == 302
    assert stored_ids() == []
    assert [unit.id for unit in load_model().units][-1] == "hub"


def test_a_scenario_adopted_twice_is_adopted_once(tasked: Cast, api_as: ApiAs, browser_as: BrowserAs) -> None:
    scenarios(api_as, HUB)
    client = browser_as("editor")
    revision = hidden(client.get("/scenarios/hub/adopt").content.decode(), "revision")
    assert client.post("/scenarios/hub/adopt", {"revision": revision}).status_code == 302

    second = client.post("/scenarios/hub/adopt", {"revision": revision})

    assert second.status_code == 404
    assert "it may have been deleted or adopted in the meantime" in second.content.decode()
    assert actions("scenario:hub").count("scenario.adopt") == 1


# Who may


def test_editors_see_the_buttons_and_viewers_do_not(tasked: Cast, api_as: ApiAs, browser_as: BrowserAs) -> None:
    scenarios(api_as, HUB)
    editor = browser_as("editor").get("/scenarios/").content.decode()
    viewer = browser_as("viewer").get("/scenarios/").content.decode()

    for link in ('href="/scenarios/new"', 'href="/scenarios/hub/edit"', 'href="/scenarios/hub/adopt"'):
        assert link in editor
        assert link not in viewer
    assert 'href="/tasks/?scenario=hub"' in viewer


def test_the_empty_list_invites_editors_to_create_the_first_scenario(tasked: Cast, browser_as: BrowserAs) -> None:
    editor = browser_as("editor").get("/scenarios/").content.decode()
    viewer = browser_as("viewer").get("/scenarios/").content.decode()
    assert "Create the first scenario" in editor and 'href="/scenarios/new"' in editor
    assert "Create the first scenario" not in viewer and "Editors and admins create scenarios here." in viewer


POSTS = [
    ("/scenarios/new", {"name": "Mine", "id": "mine"}),
    ("/scenarios/hub/edit", {"name": "Mine", "version": "1"}),
    ("/scenarios/hub/delete", {"version": "1"}),
    ("/scenarios/hub/adopt", {"revision": ""}),
]


@pytest.mark.parametrize("role", ["viewer", "sam", "unlinked"])
@pytest.mark.parametrize(("path", "form"), POSTS)
def test_viewers_and_members_may_neither_open_the_forms_nor_post_them(
    tasked: Cast, api_as: ApiAs, browser_as: BrowserAs, role: str, path: str, form: dict[str, str]
) -> None:
    scenarios(api_as, HUB)
    before = export_model()
    client = browser_as(role)

    assert client.get(path).status_code == 403
    assert client.post(path, form).status_code == 403
    assert export_model() == before
    assert actions("scenario:hub") == ["scenario.create"]


@pytest.mark.parametrize(("path", "form"), POSTS)
def test_anonymous_visitors_are_sent_to_sign_in(
    tasked: Cast, api_as: ApiAs, client: Client, path: str, form: dict[str, str]
) -> None:
    scenarios(api_as, HUB)
    for response in (client.get(path), client.post(path, form)):
        assert response.status_code == 302
        assert response["Location"].startswith("/sign-in")
    assert stored_ids() == ["hub"]


def test_the_adopt_page_is_in_german(tasked: Cast, api_as: ApiAs, browser_as: BrowserAs) -> None:
    scenarios(api_as, MERGED)
    text = browser_as("editor").get("/scenarios/merged/adopt", headers=GERMAN).content.decode()
    assert "übernehmen" in text
    assert "Ziele, die Aufgaben verlieren" in text


@pytest.mark.django_db(transaction=True)
def test_two_adoptions_from_one_plan_at_once_write_one_of_them(settings: Any) -> None:
    """Each thread has a connection of its own; the second to take the revision's row sees the first one's model."""
    if connection.vendor == "sqlite":
        # The SQLite test database is in memory with a shared cache, whose table locks refuse a second
        # writer at once instead of letting it wait; a file database (BEGIN IMMEDIATE) lets it wait.
        pytest.skip("two writers at once need PostgreSQL or a SQLite file")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    import_document({**TASKED, "scenarios": [MERGED, HUB]})
    revision = ModelRevision.objects.values_list("token", flat=True).get()
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def adopt(scenario_id: str) -> None:
        start.wait()
        try:
            adopt_scenario(actor=command_line_actor(), scenario_id=scenario_id, revision=revision)
            outcomes[scenario_id] = "adopted"
        except Conflict:
            outcomes[scenario_id] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=adopt, args=(ident,)) for ident in ("merged", "hub")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == ["adopted", "refused"]
    adopted = next(ident for ident, outcome in outcomes.items() if outcome == "adopted")
    assert stored_ids() == [ident for ident in ("merged", "hub") if ident != adopted]
    assert AuditEntry.objects.filter(action="scenario.adopt").count() == 1
