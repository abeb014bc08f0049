"""The one-step check-in form on the goal page and on /me/, and correcting a value entered by hand."""

from __future__ import annotations

import re
from datetime import date

from lodestar.accounts.models import AuditEntry
from lodestar.goals.models import CheckIn, Measurement
from lodestar.lib import clock
from tests.conftest import run_lodestar
from tests.integration.accounts.cast import BrowserAs

HTMX = {"HX-Request": "true"}
CHECK_IN = "/key-results/tracked-share/check-ins"


def labels(content: str, form_of: str) -> list[str]:
    """The field labels of the check-in form of one key result, in order."""
    form = content[content.index(f'aria-label="Check in on {form_of}"') :]
    form = form[: form.index("</form>")]
    return re.findall(r"<label [^>]*>([^<]*)</label>", form)


def test_the_goal_page_has_one_check_in_form_per_key_result(browser_as: BrowserAs) -> None:
    content = browser_as("sam").get("/goals/mkt-analytics/").content.decode()

    assert labels(content, "Campaigns with tracking") == ["Value", "Confidence", "Note", "Date"]
    assert content.count('<button type="submit">Check in</button>') == 1
    assert "/measurements" not in content.split('id="kr-tracked-share"')[1].split("</form>")[0]


def test_a_key_result_fed_by_a_metric_shows_its_latest_value_instead_of_the_value_field(
    browser_as: BrowserAs, bound: None
) -> None:
    assert run_lodestar("metrics", "refresh", "--as-of", "2026-07-01").code == 0

    content = browser_as("editor").get("/goals/more-leads/").content.decode()

    assert labels(content, "Marketing-qualified leads per quarter") == ["Confidence", "Note", "Date"]
    assert 'name="value"' not in content
    latest = re.search(r'<p class="latest-value">(.*?)</p>', content, re.S)
    assert latest is not None
    assert "leads" in latest.group(1)
    assert "metric mqls" in latest.group(1)


def test_me_sets_out_a_check_in_form_for_each_key_result_of_my_current_goals(browser_as: BrowserAs) -> None:
    content = browser_as("sam").get("/me/").content.decode()

    assert 'id="me-kr-tracked-share"' in content
    assert labels(content, "Campaigns with tracking") == ["Value", "Confidence", "Note", "Date"]
    # Ana's own goal and other units' goals are not Sam's to check in on.
    assert 'id="me-kr-campaigns"' not in content
    assert 'id="me-kr-accepted-leads"' not in content


def test_a_viewer_sees_my_key_results_without_a_form(browser_as: BrowserAs) -> None:
    content = browser_as("viewer").get("/me/").content.decode()

    assert 'name="confidence"' not in content


def test_checking_in_on_me_swaps_the_row_with_what_was_recorded(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post(CHECK_IN, {"on": "me", "value": "48", "confidence": "7"}, headers=HTMX)

    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith('<article class="panel kr my-kr')
    assert 'id="me-kr-tracked-share"' in content
    assert "Check-in recorded: 48 %, confidence 7/10." in content
    assert 'hx-target="#me-kr-tracked-share"' in content
    today = clock.today()
    assert Measurement.objects.get(key_result_id="tracked-share").date == today
    assert CheckIn.objects.get(key_result_id="tracked-share").date == today
    assert AuditEntry.objects.filter(action__in=["check_in.record", "measurement.record"]).count() == 1


def test_a_low_confidence_without_a_note_is_refused_next_to_the_note_with_everything_typed_kept(
    browser_as: BrowserAs,
) -> None:
    form = {"on": "me", "value": "48.50", "confidence": "2"}
    response = browser_as("sam").post(CHECK_IN, form, headers=HTMX)

    content = response.content.decode()
    assert response["X-Lodestar-Invalid"] == "1"
    assert '<p class="field-error" id="c-note-err-tracked-share">required when confidence is 3 or less' in content
    assert 'name="value" value="48.50"' in content
    assert '<option value="2" selected>2</option>' in content
    assert not Measurement.objects.filter(key_result_id="tracked-share").exists()
    assert not CheckIn.objects.filter(key_result_id="tracked-share").exists()


def test_without_htmx_a_refused_check_in_shows_me_again_with_the_errors(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post(CHECK_IN, {"on": "me", "value": "48", "confidence": "2"})

    assert response.status_code == 400
    content = response.content.decode()
    assert "<h1>Sam Lee</h1>" in content
    assert 'id="c-note-err-tracked-share"' in content
    assert 'name="value" value="48"' in content


def test_without_htmx_a_check_in_on_me_goes_back_to_me(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post(CHECK_IN, {"on": "me", "value": "48", "confidence": "7"})

    assert response.status_code == 302
    assert response["Location"] == "/me/#me-kr-tracked-share"


def test_a_day_with_a_value_offers_to_replace_it_and_replace_does(browser_as: BrowserAs) -> None:
    client = browser_as("sam")
    client.post(CHECK_IN, {"date": "2026-06-30", "value": "45", "confidence": "6"})

    refused = client.post(CHECK_IN, {"date": "2026-06-30", "value": "48", "confidence": "7"}, headers=HTMX)

    content = refused.content.decode()
    assert refused["X-Lodestar-Invalid"] == "1"
    assert "30 Jun 2026 has a value already: 45 % (entered by hand)." in content
    assert '<button type="submit" name="replace" value="1" class="small">Replace</button>' in content
    assert '<input type="hidden" name="replacing_version" value="1">' in content
    assert 'name="value" value="48"' in content
    assert "tracked-share has a measurement" not in content

    replaced = client.post(
        CHECK_IN,
        {"date": "2026-06-30", "value": "48", "confidence": "7", "replace": "1", "replacing_version": "1"},
        headers=HTMX,
    )

    assert "Check-in recorded: 48 % (was 45 %), confidence 7/10." in replaced.content.decode()
    assert list(Measurement.objects.filter(key_result_id="tracked-share").values_list("value", flat=True)) == [48]
    assert CheckIn.objects.filter(key_result_id="tracked-share").count() == 2


def test_replace_is_refused_when_the_value_changed_since_it_was_shown(browser_as: BrowserAs) -> None:
    client = browser_as("sam")
    client.post(CHECK_IN, {"date": "2026-06-30", "value": "45", "confidence": "6"})
    client.post(CHECK_IN, {"date": "2026-06-30", "value": "46", "confidence": "6", "replace": "1"})

    response = client.post(
        CHECK_IN,
        {"date": "2026-06-30", "value": "48", "confidence": "7", "replace": "1", "replacing_version": "1"},
        headers=HTMX,
    )

    content = response.content.decode()
    assert response["X-Lodestar-Invalid"] == "1"
    assert "was changed by someone else since you opened it" in content
    assert 'name="value" value="48"' in content
    assert list(Measurement.objects.filter(key_result_id="tracked-share").values_list("value", flat=True)) == [46]


def test_the_card_links_each_value_entered_by_hand_to_its_correction(browser_as: BrowserAs) -> None:
    content = browser_as("editor").get("/goals/more-leads/").content.decode()

    assert 'href="/key-results/web-mqls/measurements/2026-06-30/edit"' in content
    assert 'href="/key-results/web-mqls/measurements/2026-06-30/delete"' in content
    assert "/measurements/" not in browser_as("viewer").get("/goals/more-leads/").content.decode()


def test_no_correction_is_offered_for_a_value_a_refresh_wrote(browser_as: BrowserAs, bound: None) -> None:
    assert run_lodestar("metrics", "refresh", "--as-of", "2026-07-01").code == 0
    content = browser_as("editor").get("/goals/more-leads/").content.decode()

    assert "/measurements/2026-05-31/edit" not in content
    assert browser_as("editor").get("/key-results/web-mqls/measurements/2026-05-31/edit").status_code == 403


def test_the_correction_form_corrects_a_value_and_goes_back_to_the_card(browser_as: BrowserAs) -> None:
    client = browser_as("editor")
    page = client.get("/key-results/web-mqls/measurements/2026-06-30/edit").content.decode()
    assert 'name="value" inputmode="decimal" value="210"' in page
    assert '<input type="hidden" name="version" value="1">' in page

    form = {"date": "2026-06-30", "value": "205", "source": "CRM export", "version": "1"}
    response = client.post("/key-results/web-mqls/measurements/2026-06-30/edit", form)

    assert response.status_code == 302
    assert response["Location"] == "/goals/more-leads/#kr-web-mqls"
    corrected = Measurement.objects.get(key_result_id="web-mqls", date=date(2026, 6, 30))
    assert (corrected.value, corrected.source, corrected.version) == (205, "CRM export", 2)


def test_a_wrong_correction_shows_the_form_again_with_the_error_and_what_was_typed(browser_as: BrowserAs) -> None:
    form = {"date": "2026-06-30", "value": "lots", "version": "1"}
    response = browser_as("editor").post("/key-results/web-mqls/measurements/2026-06-30/edit", form)

    assert response.status_code == 400
    content = response.content.decode()
    assert 'id="m-value-error"' in content
    assert 'value="lots"' in content


def test_a_stale_correction_is_a_conflict(browser_as: BrowserAs) -> None:
    client = browser_as("editor")
    form = {"date": "2026-06-30", "value": "205", "version": "1"}
    assert client.post("/key-results/web-mqls/measurements/2026-06-30/edit", form).status_code == 302

    response = client.post("/key-results/web-mqls/measurements/2026-06-30/edit", {**form, "value": "199"})

    assert response.status_code == 409
    assert Measurement.objects.get(key_result_id="web-mqls", date=date(2026, 6, 30)).value == 205


def test_deleting_a_value_asks_first_and_then_deletes_it(browser_as: BrowserAs) -> None:
    client = browser_as("editor")
    page = client.get("/key-results/web-mqls/measurements/2026-06-30/delete").content.decode()
    assert "Delete the value of “Marketing-qualified leads per quarter” on 2026-06-30?" in page

    response = client.post("/key-results/web-mqls/measurements/2026-06-30/delete", {"version": "1"})

    assert response.status_code == 302
    assert not Measurement.objects.filter(key_result_id="web-mqls", date=date(2026, 6, 30)).exists()
    assert AuditEntry.objects.get(action="measurement.delete").actor == "editor@example.com"


def test_a_member_of_another_unit_may_not_correct_a_value(browser_as: BrowserAs) -> None:
    client = browser_as("kim")
    assert client.get("/key-results/web-mqls/measurements/2026-06-30/edit").status_code == 403
    form = {"date": "2026-06-30", "value": "1", "version": "1"}
    assert client.post("/key-results/web-mqls/measurements/2026-06-30/edit", form).status_code == 403
    assert client.post("/key-results/web-mqls/measurements/2026-06-30/delete", {}).status_code == 403
    assert Measurement.objects.get(key_result_id="web-mqls", date=date(2026, 6, 30)).value == 210
