"""Running a survey round on pages: create it (errors by the field, nothing lost), its page, edit, close, delete."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from pytest_django import Settings

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import AuditEntry
from lodestar.accounts.services import actor_for
from lodestar.lib import clock
from lodestar.store.load import load_model
from lodestar.surveys import models as tables
from lodestar.surveys.answering import submit_response
from lodestar.surveys.services import find_survey, update_survey
from lodestar.web.formatting import day
from tests.integration.accounts.cast import BrowserAs, Cast
from tests.integration.surveys.rounds import ANSWER, open_round, with_tasks


@pytest.fixture
def tasks(cast: Cast) -> None:
    with_tasks()


def answer_as(cast: Cast, name: str, survey_id: str) -> None:
    submit_response(actor=actor_for(cast.users[name], surface="web"), survey_id=survey_id, document=ANSWER)


def new_form(**changes: object) -> dict[str, object]:
    today = clock.today()
    form: dict[str, object] = {
        "name": "Role clarity spring",
        "id": "",
        "opens": today.isoformat(),
        "closes": (today + timedelta(days=14)).isoformat(),
        "audience": ["mkt", "sales"],
        "tasks_mode": "default",
        "min_group": "5",
    }
    form.update(changes)
    return form


@pytest.mark.parametrize("path", ["/surveys/rounds", "/surveys/new", "/surveys/now/", "/surveys/now/edit"])
@pytest.mark.parametrize(("name", "status"), [("admin", 200), ("editor", 200), ("viewer", 403), ("sam", 403)])
def test_only_editors_and_admins_open_the_pages_of_running_a_round(
    browser_as: BrowserAs, tasks: None, path: str, name: str, status: int
) -> None:
    open_round()

    assert browser_as(name).get(path).status_code == status


def test_a_viewer_cannot_create_close_or_delete_a_round(browser_as: BrowserAs, tasks: None) -> None:
    open_round()
    viewer = browser_as("viewer")

    assert viewer.post("/surveys/new", new_form()).status_code == 403
    assert viewer.post("/surveys/now/close", {"version": "1"}).status_code == 403
    assert viewer.post("/surveys/now/delete", {"version": "1"}).status_code == 403
    assert [s.id for s in load_model().surveys] == ["now"]
    assert not tables.Survey.objects.get(pk="now").ended


def test_the_new_form_proposes_today_two_weeks_every_task_and_groups_of_five(
    browser_as: BrowserAs, tasks: None
) -> None:
    html = browser_as("editor").get("/surveys/new").content.decode()
    today = clock.today()

    assert f'name="opens" type="date" value="{today.isoformat()}"' in html
    assert f'name="closes" type="date" value="{(today + timedelta(days=14)).isoformat()}"' in html
    assert 'name="tasks_mode" value="default" checked' in html
    assert 'name="min_group" value="5"' in html
    assert '<input type="checkbox" name="audience" value="mkt"> Marketing</label>' in html
    assert '<input type="checkbox" name="tasks" value="web"> Web analytics</label>' in html


def test_creating_a_round_proposes_its_id_from_the_name_and_opens_its_page(browser_as: BrowserAs, tasks: None) -> None:
    response = browser_as("editor").post("/surveys/new", new_form(name="Rollenklarheit Frühjahr"))

    assert response.status_code == 302
    assert response["Location"] == "/surveys/rollenklarheit-fruehjahr/"
    survey = find_survey(load_model(), "rollenklarheit-fruehjahr")
    assert (survey.audience, survey.tasks, survey.min_group) == (["mkt", "sales"], None, 5)
    entry = AuditEntry.objects.get(action="survey.create")
    assert entry.actor == "editor@example.com" and entry.subject == "survey:rollenklarheit-fruehjahr"


def test_a_round_can_ask_a_chosen_subset_of_tasks(browser_as: BrowserAs, tasks: None) -> None:
    browser_as("editor").post("/surveys/new", new_form(id="few", tasks_mode="chosen", tasks=["leads"]))

    assert find_survey(load_model(), "few").tasks == ["leads"]


def test_a_refused_round_shows_each_error_next_to_its_field_and_keeps_everything_typed(
    browser_as: BrowserAs, tasks: None
) -> None:
    today = clock.today()
    form = new_form(
        name="Clarity",
        id="clarity",
        closes=(today - timedelta(days=1)).isoformat(),
        audience=[],
        tasks_mode="chosen",
        tasks=["fairs"],
        min_group="zero",
    )

    response = browser_as("editor").post("/surveys/new", form)
    html = response.content.decode()

    assert response.status_code == 400
    assert re.search(r'id="round-closes-error">[^<]+', html), html
    assert 'id="round-audience-error"' in html
    assert 'id="round-min-group-error"' in html
    assert 'value="Clarity"' in html and 'name="id" value="clarity"' in html
    assert f'name="closes" type="date" value="{form["closes"]}"' in html
    assert 'name="tasks" value="fairs" checked' in html and 'name="tasks_mode" value="chosen" checked' in html
    assert 'name="min_group" value="zero"' in html
    assert tables.Survey.objects.count() == 0


def test_a_taken_id_is_refused_next_to_the_id_field(browser_as: BrowserAs, tasks: None) -> None:
    open_round()

    response = browser_as("editor").post("/surveys/new", new_form(id="now", name="Another"))

    assert response.status_code == 409
    assert 'id="round-id-error"' in response.content.decode()
    assert find_survey(load_model(), "now").name == "Role clarity now"


def test_the_id_proposal_answers_a_free_id_for_a_name(browser_as: BrowserAs, tasks: None) -> None:
    open_round("role-clarity-now")

    answer = browser_as("editor").get("/surveys/id-proposal", {"title": "Role clarity now"}).json()

    assert answer == {"id": "role-clarity-now-2"}


def test_the_round_page_counts_invited_and_answered_per_unit_and_names_nobody(
    browser_as: BrowserAs, cast: Cast, tasks: None
) -> None:
    open_round()
    answer_as(cast, "sam", "now")
    answer_as(cast, "kim", "now")

    html = browser_as("editor").get("/surveys/now/").content.decode()
    rows = re.findall(
        r'<tr><th scope="row"[^>]*>([^<]+)</th><td class="number">(\d+)</td><td class="number">(\d+)</td>', html
    )

    assert rows == [("Marketing &amp; Sales", "4", "2"), ("Marketing", "2", "1"), ("Sales", "1", "1")]
    assert "2 of 4 people invited have answered" in html
    for person in ("Sam Lee", "Kim Berg", "Ana Ruiz", "Jo Park"):
        assert person not in html


def test_the_round_page_shows_the_share_link_the_state_and_when_the_emails_go_out(
    browser_as: BrowserAs, tasks: None, settings: Settings
) -> None:
    settings.LODESTAR_BASE_URL = "https://lodestar.example.com"
    open_round()
    survey = find_survey(load_model(), "now")

    html = browser_as("editor").get("/surveys/now/").content.decode()

    assert 'value="https://lodestar.example.com/surveys/now/answer" readonly' in html
    assert "No invitation sent yet." in html and "No reminder sent yet." in html
    reminder = day(survey.closes - timedelta(days=3), "MEDIUM_DATE_FORMAT")
    assert f"The one reminder goes out from {reminder} (three days before it closes)" in html
    assert f"open since {day(survey.opens, 'MEDIUM_DATE_FORMAT')}" in html


def test_editing_a_round_changes_its_settings_with_a_new_version(browser_as: BrowserAs, tasks: None) -> None:
    open_round()
    survey = find_survey(load_model(), "now")
    form = new_form(name="Clearer now", opens=survey.opens.isoformat(), closes=survey.closes.isoformat())
    form["audience"] = ["ms"]

    response = browser_as("editor").post("/surveys/now/edit", {**form, "version": "1"})

    assert response.status_code == 302
    changed = find_survey(load_model(), "now")
    assert (changed.name, changed.version) == ("Clearer now", 2)


def test_a_stale_edit_keeps_what_was_typed_and_says_someone_else_changed_the_round(
    browser_as: BrowserAs, tasks: None
) -> None:
    open_round()
    update_survey(actor=command_line_actor(), survey_id="now", changes={"name": "Changed meanwhile"}, version=1)
    survey = find_survey(load_model(), "now")
    form = new_form(name="My new name", opens=survey.opens.isoformat(), closes=survey.closes.isoformat())

    response = browser_as("editor").post("/surveys/now/edit", {**form, "audience": ["ms"], "version": "1"})
    html = response.content.decode()

    assert response.status_code == 409
    assert "Someone else changed this survey since you opened it" in html
    assert 'value="My new name"' in html
    assert '<input type="hidden" name="version" value="2">' in html
    assert find_survey(load_model(), "now").name == "Changed meanwhile"


def test_closing_a_round_asks_first_then_ends_it_today(browser_as: BrowserAs, tasks: None) -> None:
    open_round()
    editor = browser_as("editor")

    asked = editor.get("/surveys/now/close")
    closed = editor.post("/surveys/now/close", {"version": "1"})

    assert asked.status_code == 200 and b"takes no more answers" in asked.content
    assert closed.status_code == 302
    assert tables.Survey.objects.get(pk="now").ended
    assert find_survey(load_model(), "now").closes == clock.today()
    assert "closed by hand" in editor.get("/surveys/now/").content.decode()


def test_deleting_a_round_asks_first_then_removes_it_with_its_answers(
    browser_as: BrowserAs, cast: Cast, tasks: None
) -> None:
    open_round()
    answer_as(cast, "sam", "now")
    editor = browser_as("editor")

    asked = editor.get("/surveys/now/delete")
    deleted = editor.post("/surveys/now/delete", {"version": "1"})

    assert b"Its 1 answer is deleted with it." in asked.content
    assert deleted.status_code == 302 and deleted["Location"] == "/surveys/rounds"
    assert load_model().surveys == [] and tables.SurveyResponse.objects.count() == 0


def test_a_stale_delete_is_refused_and_keeps_the_round(browser_as: BrowserAs, tasks: None) -> None:
    open_round()
    update_survey(actor=command_line_actor(), survey_id="now", changes={"name": "Changed"}, version=1)

    response = browser_as("editor").post("/surveys/now/delete", {"version": "1"})

    assert response.status_code == 409
    assert [s.id for s in load_model().surveys] == ["now"]


def test_an_unknown_round_is_a_404_on_every_page(browser_as: BrowserAs, tasks: None) -> None:
    editor = browser_as("editor")

    assert [editor.get(f"/surveys/nope/{page}").status_code for page in ("", "edit", "close", "delete")] == [404] * 4


def test_the_rounds_page_lists_every_round_with_its_state_and_count(
    browser_as: BrowserAs, cast: Cast, tasks: None
) -> None:
    open_round()
    today = clock.today()
    open_round("later", opens=(today + timedelta(days=5)).isoformat(), closes=(today + timedelta(days=9)).isoformat())
    answer_as(cast, "ana", "now")

    html = browser_as("admin").get("/surveys/rounds").content.decode()

    assert html.index('href="/surveys/later/"') < html.index('href="/surveys/now/"')
    assert "not open yet" in html and "1 of 4" in html


def test_the_surveys_list_links_editors_to_the_rounds_and_not_members(browser_as: BrowserAs, tasks: None) -> None:
    assert b'href="/surveys/rounds"' in browser_as("editor").get("/surveys/").content
    assert b'href="/surveys/rounds"' not in browser_as("sam").get("/surveys/").content
