"""The cadence on the unit page, the reminders toggle on a person's page, and the stop link's page."""

from __future__ import annotations

from django.test import Client

from lodestar.accounts.models import AuditEntry
from lodestar.goals.models import KeyResult
from lodestar.notifications.links import stop_token
from lodestar.org.models import Person, Unit
from tests.integration.accounts.cast import BrowserAs


def page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def cadence_of(unit_id: str) -> tuple[str | None, str | None]:
    unit = Unit.objects.get(id=unit_id)
    return unit.cadence_every, unit.cadence_day


def test_a_unit_without_any_cadence_shows_the_default(browser_as: BrowserAs) -> None:
    content = page(browser_as("viewer"), "/units/mkt/")

    assert "every week on Monday" in content
    assert "the default" in content
    assert 'action="/units/mkt/cadence"' not in content  # a viewer cannot change it


def test_an_editor_sets_a_cadence_and_the_units_below_show_it_inherited(browser_as: BrowserAs) -> None:
    editor = browser_as("editor")
    version = Unit.objects.get(id="ms").version

    response = editor.post("/units/ms/cadence", {"every": "month", "day": "15", "version": version})

    assert (response.status_code, response["Location"]) == (302, "/units/ms/#cadence")
    assert cadence_of("ms") == ("month", "15")
    assert "every month on day 15" in page(editor, "/units/ms/")
    below = page(editor, "/units/mkt/")
    assert "every month on day 15" in below
    assert 'href="/units/ms/">Marketing &amp; Sales</a> (inherited)' in below
    entry = AuditEntry.objects.get(action="unit.cadence")
    assert (entry.subject, entry.before, entry.after) == (
        "unit:ms",
        {"cadence": None},
        {"cadence": {"every": "month", "day": 15}},
    )


def test_the_lead_of_a_unit_sets_its_cadence_but_not_another_units(browser_as: BrowserAs) -> None:
    sam = browser_as("sam")  # leads mkt
    assert 'action="/units/mkt/cadence"' in page(sam, "/units/mkt/")

    mine = sam.post("/units/mkt/cadence", {"every": "two_weeks", "day": "thu", "version": 1})
    theirs = sam.post("/units/sales/cadence", {"every": "week", "day": "fri", "version": 1})

    assert mine.status_code == 302
    assert cadence_of("mkt") == ("two_weeks", "thu")
    assert theirs.status_code == 403
    assert cadence_of("sales") == (None, None)


def test_a_wrong_day_is_refused_next_to_the_field_and_nothing_is_saved(browser_as: BrowserAs) -> None:
    response = browser_as("editor").post("/units/mkt/cadence", {"every": "month", "day": "mon", "version": 1})

    content = response.content.decode()
    assert response.status_code == 400
    assert 'id="f-day-error"' in content
    assert "expected a whole number from 1 to 28" in content
    assert cadence_of("mkt") == (None, None)


def test_a_cadence_saved_on_a_stale_version_is_refused(browser_as: BrowserAs) -> None:
    editor = browser_as("editor")
    assert editor.post("/units/mkt/cadence", {"every": "week", "day": "tue", "version": 1}).status_code == 302

    stale = editor.post("/units/mkt/cadence", {"every": "week", "day": "wed", "version": 1})

    assert stale.status_code == 409
    assert cadence_of("mkt") == ("week", "tue")


def test_choosing_as_the_unit_above_takes_the_cadence_away(browser_as: BrowserAs) -> None:
    editor = browser_as("editor")
    editor.post("/units/mkt/cadence", {"every": "week", "day": "tue", "version": 1})

    response = editor.post("/units/mkt/cadence", {"every": "", "day": "mon", "version": 2})

    assert response.status_code == 302
    assert cadence_of("mkt") == (None, None)


def test_the_cadence_form_page_shows_the_current_choice(browser_as: BrowserAs) -> None:
    editor = browser_as("editor")
    editor.post("/units/mkt/cadence", {"every": "month", "day": "3", "version": 1})

    content = page(editor, "/units/mkt/cadence")

    assert '<option value="month" selected>' in content
    assert '<option value="3" selected>' in content


def test_a_person_turns_their_own_reminders_off_and_on_from_their_page(browser_as: BrowserAs) -> None:
    sam = browser_as("sam")
    assert "Turn reminders off" in page(sam, "/people/sam/")

    off = sam.post("/people/sam/reminders", {"reminders": "off"})
    assert (off.status_code, Person.objects.get(id="sam").reminders) == (302, False)
    assert "Turn reminders on" in page(sam, "/people/sam/")
    on = sam.post("/people/sam/reminders", {"reminders": "on"})

    assert (on.status_code, Person.objects.get(id="sam").reminders) == (302, None)
    actions = list(AuditEntry.objects.filter(action="person.reminders").values_list("after", flat=True))
    assert actions == [{"reminders": True}, {"reminders": False}]  # newest first


def test_nobody_else_but_editors_and_admins_changes_a_persons_reminders(browser_as: BrowserAs) -> None:
    assert "Turn reminders off" not in page(browser_as("sam"), "/people/kim/")
    assert browser_as("sam").post("/people/kim/reminders", {"reminders": "off"}).status_code == 403
    assert Person.objects.get(id="kim").reminders is None

    assert browser_as("editor").post("/people/kim/reminders", {"reminders": "off"}).status_code == 302
    assert Person.objects.get(id="kim").reminders is False


def test_the_stop_link_asks_first_then_stops_without_signing_in(browser_as: BrowserAs) -> None:
    visitor = Client()
    path = f"/reminders/stop/{stop_token('kim')}/"

    asked = visitor.get(path)
    assert asked.status_code == 200
    assert "Stop reminders?" in asked.content.decode()
    assert Person.objects.get(id="kim").reminders is None
    done = visitor.post(path)

    assert done.status_code == 200
    assert "Reminders are off" in done.content.decode()
    assert Person.objects.get(id="kim").reminders is False
    entry = AuditEntry.objects.get(action="person.reminders")
    assert (entry.actor, entry.surface, entry.subject) == ("stop link of kim", "web", "person:kim")


def test_a_stop_link_that_was_tampered_with_is_not_found(browser_as: BrowserAs) -> None:
    visitor = Client()
    token = stop_token("kim")
    forged = token.replace("Imtpb", "Imxl")  # another person's id in the signed value

    assert visitor.get(f"/reminders/stop/{forged}/").status_code == 404
    assert visitor.post("/reminders/stop/not-a-token/").status_code == 404
    assert Person.objects.get(id="kim").reminders is None


def test_a_stop_link_of_a_person_no_longer_in_the_model_is_not_found(browser_as: BrowserAs) -> None:
    assert Client().post(f"/reminders/stop/{stop_token('gone')}/").status_code == 404


def test_the_key_result_form_names_who_checks_in_on_it(browser_as: BrowserAs) -> None:
    sam = browser_as("sam")
    form = {"title": "Campaigns with tracking", "baseline": "20", "target": "90", "version": "1"}
    assert '<option value="ana">Ana Ruiz</option>' in page(sam, "/key-results/tracked-share/edit")

    chosen = sam.post("/key-results/tracked-share/edit", {**form, "owner": "ana"})
    assert (chosen.status_code, KeyResult.objects.get(id="tracked-share").owner_id) == (302, "ana")
    assert '<option value="ana" selected>' in page(sam, "/key-results/tracked-share/edit")
    cleared = sam.post("/key-results/tracked-share/edit", {**form, "owner": "", "version": "2"})

    assert (cleared.status_code, KeyResult.objects.get(id="tracked-share").owner_id) == (302, None)


def test_a_key_result_owner_who_is_no_person_is_refused_next_to_the_field(browser_as: BrowserAs) -> None:
    form = {"title": "Campaigns with tracking", "baseline": "20", "target": "90", "version": "1", "owner": "mkt"}

    response = browser_as("sam").post("/key-results/tracked-share/edit", form)

    assert response.status_code == 400
    assert 'id="k-owner-error"' in response.content.decode()
    assert "unknown person &#x27;mkt&#x27;" in response.content.decode()
