"""The pages in German (a browser asking for `de`): German words, German dates and numbers, real plurals.

The cast's organization as of 1 July 2026 (tests/integration/accounts/cast.py): `more-leads` at 12 %,
checked in by Jo Park on 30 June; weekly cycles on Mondays (the cycle began on Monday 29 June).
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from lodestar.goals.models import Measurement
from tests.integration.accounts.cast import BrowserAs, Cast

AS_OF = "2026-07-01"
GERMAN = {"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}
HTMX = {"HX-Request": "true"}


def german(client: Client, path: str, status: int = 200, **params: str) -> str:
    response = client.get(path, params, headers=GERMAN)
    assert response.status_code == status, response.content.decode()[:2000]
    assert response["Content-Language"] == "de"
    return response.content.decode()


def text_of(html: str) -> str:
    """The text a person reads: tags taken out, white space as single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_dashboard_speaks_german_in_its_header_its_panels_and_its_plurals(browser_as: BrowserAs) -> None:
    page = german(browser_as("viewer"), "/", as_of=AS_OF)
    text = text_of(page)

    assert '<html lang="de">' in page
    assert "Zum Inhalt springen" in page
    assert '<nav class="main-nav" aria-label="Hauptnavigation">' in page
    for word in ("Übersicht", "Ziele", "Organisation", "Mein Beitrag", "Gesundheitscheck", "Abmelden"):
        assert f">{word}</" in page, word
    assert '<span class="role">Leser</span>' in page
    assert "Zahlen zum Stand vom 1. Juli 2026." in text
    assert "Status aller 4 Ziele" in text
    assert "Aus der Mission abgeleitete Ziele" in text
    assert "Führungsreview →" in text
    for english in ("Dashboard", "Sign out", "Showing figures", "Status of all", "Goals derived", "Leadership review"):
        assert english not in text, english


def test_the_request_error_banner_gets_its_words_from_the_page(browser_as: BrowserAs) -> None:
    page = german(browser_as("viewer"), "/")

    banner = re.search(r'<div id="request-error"[^>]*>', page)
    assert banner is not None
    assert 'data-unreachable="Der Server ist nicht erreichbar.' in banner.group(0)
    assert 'data-failed="Die Anfrage ist fehlgeschlagen (Status {status}).' in banner.group(0)


def test_the_goal_page_writes_german_dates_numbers_and_labels(browser_as: BrowserAs) -> None:
    page = german(browser_as("viewer"), "/goals/more-leads/", as_of=AS_OF)
    text = text_of(page)

    assert "Verantwortlich: Marketing &amp; Sales · Zeitraum fy2026 (01.01.2026 – 31.12.2026)" in text
    assert "Fortschritt 12 %, erwartet 50 % zum 01.07.2026." in text
    assert "Schlüsselergebnisse" in text
    assert "<dt>Ausgangswert</dt><dd>120</dd>" in page
    assert "<dt>Zielwert</dt><dd>300</dd>" in page
    assert '<td class="date">30.06.2026</td>' in page
    assert "In diesem Zyklus eingecheckt</strong> am 30. Juni · wieder fällig Mo, 6. Juli" in page
    assert "Jo Park checkt jede Woche am Montag ein" in page
    assert 'aria-label="Fortschritt 12 %, erwartet 50 %"' in page
    for english in ("Owned by", "Key results", "Baseline", "Check-ins due", "Why this matters"):
        assert english not in text, english


def test_the_close_form_in_german_keeps_its_numbers_machine_readable_and_says_them_in_german(
    browser_as: BrowserAs,
) -> None:
    page = german(browser_as("editor"), "/goals/more-leads/", as_of=AS_OF)

    field = re.search(r'<input type="number" id="close-score" name="score"[^>]*>', page)
    assert field is not None
    assert 'value="0.1"' in field.group(0)
    assert 'step="0.1"' in field.group(0)
    assert "0 bis 1 in Schritten von 0,1 · vorgeschlagen 0,1 nach dem Fortschritt (12 %)" in page
    assert ">Abschließen und bewerten</button>" in page


def test_a_german_check_in_reads_a_decimal_comma_and_answers_in_german(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post(
        "/key-results/tracked-share/check-ins",
        {"on": "me", "value": "48,5", "confidence": "7"},
        headers={**GERMAN, **HTMX},
    )

    assert response.status_code == 200
    assert "Check-in gespeichert: 48,5 %, Zuversicht 7/10." in response.content.decode()
    assert Measurement.objects.get(key_result_id="tracked-share").value == 48.5


def test_an_english_check_in_still_refuses_a_comma(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post(
        "/key-results/tracked-share/check-ins", {"on": "me", "value": "48,5", "confidence": "7"}, headers=HTMX
    )

    assert response["X-Lodestar-Invalid"] == "1"
    assert not Measurement.objects.filter(key_result_id="tracked-share").exists()


def test_the_period_page_counts_its_goals_and_dates_its_progress_in_german(browser_as: BrowserAs) -> None:
    text = text_of(german(browser_as("editor"), "/periods/fy2026/", as_of=AS_OF))

    assert "Zeitraum fy2026" in text
    assert "01.01.2026 – 31.12.2026 · läuft · Zahlen zum Stand 01.07.2026" in text
    assert "4 Ziele" in text
    assert "Fortschritt am 01.07.2026, nicht bewertet" in text
    assert "Mehrere abschließen" in text
    assert "Fortschritt am 1. Juli: 12 %" in text


@pytest.mark.parametrize(
    ("ticked", "said"),
    [(["mkt-analytics"], "1 Ziel abgeschlossen."), (["mkt-analytics", "sales-pipeline"], "2 Ziele abgeschlossen.")],
)
def test_closing_many_says_how_many_with_a_real_plural(browser_as: BrowserAs, ticked: list[str], said: str) -> None:
    client = browser_as("editor")
    form = {"close": ticked, **{f"score-{goal}": "0.5" for goal in ticked}}

    response = client.post("/periods/fy2026/close", form, headers=GERMAN, follow=True)

    assert said in text_of(response.content.decode())


def test_me_in_german_names_what_is_due_with_its_weekday(browser_as: BrowserAs) -> None:
    text = text_of(german(browser_as("sam"), "/me/", as_of=AS_OF))

    assert "Fällig für einen Check-in" in text
    assert "Check-in fällig seit Mo, 29. Juni · noch kein Check-in" in text
    assert "Meine Ziele und wozu sie beitragen" in text
    assert "Einchecken" in text


def test_the_unit_page_says_its_cadence_in_german_and_offers_german_days(browser_as: BrowserAs) -> None:
    page = german(browser_as("editor"), "/units/mkt/", as_of=AS_OF)
    text = text_of(page)

    assert "Für die Schlüsselergebnisse von Marketing wird jede Woche am Montag eingecheckt" in text
    assert '<option value="mon">Montag</option>' in page
    assert '<option value="15">15. des Monats</option>' in page
    assert '<option value="two_weeks">alle zwei Wochen</option>' in page
    assert "Steckbrief: Was ist unsere Aufgabe und wer sind unsere Nachbarn?" in text


def test_the_kpi_board_writes_thresholds_with_german_thousands(browser_as: BrowserAs) -> None:
    text = text_of(german(browser_as("viewer"), "/kpis/", as_of=AS_OF))

    assert "KPI-Übersicht" in text
    assert "grün ≥ 1.000, rot ≤ 500 · 01.06.2026" in text


def test_the_review_names_its_days_in_german(browser_as: BrowserAs) -> None:
    text = text_of(german(browser_as("viewer"), "/review/", unit="ms", as_of=AS_OF))

    assert "Führungsreview: Marketing &amp; Sales" in text
    assert "Stand Mittwoch, 1. Juli 2026, verglichen mit dem 24. Juni 2026" in text
    assert "4 Ziele und wo sie stehen" in text


def test_a_confirmation_counts_what_goes_with_a_real_plural(browser_as: BrowserAs) -> None:
    text = text_of(german(browser_as("editor"), "/goals/more-leads/delete"))

    assert "Ziel „More qualified leads from the web“ löschen?" in text
    assert "1 Schlüsselergebnis mit seinen Messwerten und Check-ins wird mitgelöscht." in text
    assert "Die Änderung wird im Änderungsprotokoll festgehalten." in text


def test_error_pages_speak_german(browser_as: BrowserAs) -> None:
    client = browser_as("viewer")

    missing = text_of(german(client, "/goals/nowhere/", status=404))
    no_date = text_of(german(client, "/", status=400, as_of="tomorrow"))

    assert "Nicht gefunden" in missing
    assert "Kein Ziel &#x27;nowhere&#x27;" in missing
    assert "no goal" not in missing
    assert "Zurück zur Übersicht" in missing
    assert "Kein Datum" in no_date
    assert "as_of muss ein Datum JJJJ-MM-TT" in no_date


def test_the_sign_in_page_speaks_the_browsers_language_before_signing_in(cast: Cast) -> None:
    page = german(Client(), "/sign-in")

    assert "<h1>Anmelden</h1>" in page
    assert '<label for="password">Passwort</label>' in page


def test_a_refused_change_and_a_stale_edit_are_explained_in_german(browser_as: BrowserAs) -> None:
    form = {"title": "First", "owner": "mkt", "period": "fy2026", "version": "1"}
    assert browser_as("editor").post("/goals/mkt-analytics/edit", form).status_code == 302

    stale = browser_as("sam").post("/goals/mkt-analytics/edit", {**form, "title": "Second"}, headers=GERMAN)
    refused = browser_as("viewer").post("/goals/mkt-analytics/edit", {**form, "version": "2"}, headers=GERMAN)

    assert stale.status_code == 409
    assert "Jemand anderes hat das geändert, seit Sie es geöffnet haben (Ihre Version 1, jetzt 2)" in text_of(
        stale.content.decode()
    )
    assert refused.status_code == 403
    assert "Sie dürfen das nicht ändern" in text_of(refused.content.decode())
    assert "you may not" not in refused.content.decode()
