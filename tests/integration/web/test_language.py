"""The language of the pages: the user's setting, else the browser's, else English; the API stays English."""

from __future__ import annotations

from django.test import Client

from lodestar.accounts.models import User
from tests.integration.accounts.cast import BrowserAs, Cast


def test_a_page_speaks_the_browsers_language_without_a_setting(browser_as: BrowserAs) -> None:
    client = browser_as("viewer")

    german = client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})
    english = client.get("/", headers={"Accept-Language": "en-GB"})
    other = client.get("/", headers={"Accept-Language": "fr"})

    assert '<html lang="de">' in german.content.decode()
    assert ">Nicht auf Kurs<" in german.content.decode()
    assert german["Content-Language"] == "de"
    assert "Accept-Language" in german["Vary"]
    assert '<html lang="en">' in english.content.decode()
    assert ">Off track<" in english.content.decode()
    assert '<html lang="en">' in other.content.decode()


def test_the_users_setting_wins_over_the_browser(browser_as: BrowserAs, cast: Cast) -> None:
    User.objects.filter(email="viewer@example.com").update(language="de")

    page = browser_as("viewer").get("/", headers={"Accept-Language": "en"}).content.decode()

    assert '<html lang="de">' in page


def test_the_switcher_keeps_the_choice_on_the_account_and_goes_back(browser_as: BrowserAs) -> None:
    client = browser_as("viewer")

    response = client.post("/language", {"language": "de", "next": "/goals/?as_of=2026-06-30"})

    assert response.status_code == 302
    assert response["Location"] == "/goals/?as_of=2026-06-30"
    assert User.objects.get(email="viewer@example.com").language == "de"
    assert response.cookies["lodestar_language"].value == "de"
    assert '<html lang="de">' in client.get("/").content.decode()
    client.post("/language", {"language": "", "next": "/"})
    assert User.objects.get(email="viewer@example.com").language == ""


def test_the_switcher_refuses_a_foreign_address_and_an_unknown_language(browser_as: BrowserAs) -> None:
    client = browser_as("viewer")

    response = client.post("/language", {"language": "xx", "next": "https://evil.example/"})

    assert response["Location"] == "/"
    assert User.objects.get(email="viewer@example.com").language == ""


def test_the_language_can_be_chosen_before_signing_in(client: Client, cast: Cast) -> None:
    response = client.post("/language", {"language": "de", "next": "/sign-in"})

    assert response.status_code == 302
    assert '<html lang="de">' in client.get("/sign-in").content.decode()


def test_the_api_speaks_english_whatever_the_browser_asks(cast: Cast) -> None:
    client = Client()
    response = client.get("/api/v1/goals/nowhere", headers={"Accept-Language": "de", "Authorization": "Bearer x"})

    assert response["Content-Language"] == "en"
    assert response.json()["error"].startswith("missing or invalid API token")
