import pytest

from tests.integration.accounts.cast import PASSWORD, BrowserAs, Cast

PAGES = [
    "/",
    "/goals/",
    "/goals/more-leads/",
    "/goals/ana-campaigns/",
    "/units/mkt/",
    "/people/sam/",
    "/me/",
    "/health-check/",
    "/kpis/",
    "/goals/?period=fy2026&unit=mkt&status=on_track",
    "/periods/fy2026/",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("user", ["admin", "sam", "viewer", "unlinked"])
def test_every_signed_in_user_reads_every_page(browser_as: BrowserAs, user: str, path: str) -> None:
    response = browser_as(user).get(path, {"as_of": "2026-07-01"} if "?" not in path else None)
    assert response.status_code == 200
    assert b"<main" in response.content


@pytest.mark.parametrize("path", [*PAGES, "/admin/users/", "/goals/new", "/goals/more-leads/edit"])
def test_anonymous_visitors_are_sent_to_sign_in(browser_as: BrowserAs, path: str) -> None:
    response = browser_as(None).get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in?next=")


def test_healthz_is_open(browser_as: BrowserAs) -> None:
    assert browser_as(None).get("/healthz").json() == {"status": "ok"}


def test_signing_in_by_email_leads_to_the_page_asked_for(browser_as: BrowserAs, cast: Cast) -> None:
    client = browser_as(None)
    response = client.post("/sign-in", {"email": "sam@example.com", "password": PASSWORD, "next": "/goals/"})
    assert response.status_code == 302
    assert response["Location"] == "/goals/"
    assert client.get("/goals/").status_code == 200


def test_sign_in_does_not_redirect_elsewhere(browser_as: BrowserAs, cast: Cast) -> None:
    response = browser_as(None).post(
        "/sign-in", {"email": "sam@example.com", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_a_wrong_password_shows_an_error(browser_as: BrowserAs, cast: Cast) -> None:
    response = browser_as(None).post("/sign-in", {"email": "sam@example.com", "password": "nope"})
    assert response.status_code == 400
    assert b"Wrong email or password" in response.content


def test_too_many_failures_are_answered_with_429(browser_as: BrowserAs, cast: Cast) -> None:
    client = browser_as(None)
    for _ in range(5):
        client.post("/sign-in", {"email": "sam@example.com", "password": "nope"})
    response = client.post("/sign-in", {"email": "sam@example.com", "password": PASSWORD})
    assert response.status_code == 429


def test_signing_out_ends_the_session(browser_as: BrowserAs) -> None:
    client = browser_as("sam")
    assert client.post("/sign-out").status_code == 302
    assert client.get("/").status_code == 302


def test_a_user_changes_their_password(browser_as: BrowserAs, cast: Cast) -> None:
    client = browser_as("sam")
    response = client.post("/account/password", {"current": PASSWORD, "new": "a-new-password"})
    assert b"has been changed" in response.content
    cast.sam.refresh_from_db()
    assert cast.sam.check_password("a-new-password")


def test_a_wrong_current_password_is_shown_next_to_the_field(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post("/account/password", {"current": "wrong", "new": "a-new-password"})
    assert response.status_code == 400
    assert b'id="current-error"' in response.content


def test_the_dashboard_shows_mission_principles_top_goals_and_counts(browser_as: BrowserAs) -> None:
    content = browser_as("viewer").get("/", {"as_of": "2026-07-01"}).content.decode()
    assert "first choice an easy one" in content
    assert "Measure what matters" in content
    assert "More qualified leads from the web" in content
    assert "Status of all 4 goals" in content
    assert "Health check" in content


def test_the_dashboard_shows_my_goals_and_due_check_ins(browser_as: BrowserAs) -> None:
    content = browser_as("ana").get("/", {"as_of": "2026-07-01"}).content.decode()
    assert "Three tracked campaigns" in content
    assert "Tracked campaigns" in content  # its key result has never been checked in


def test_the_alignment_tree_shows_a_goal_under_each_parent_with_its_weight(browser_as: BrowserAs) -> None:
    content = browser_as("viewer").get("/goals/").content.decode()
    assert content.count("Three tracked campaigns") == 2
    assert "×0.5" in content
    assert "×2" in content


def test_the_alignment_tree_filters_and_keeps_the_context(browser_as: BrowserAs) -> None:
    content = browser_as("viewer").get("/goals/", {"unit": "sales"}).content.decode()
    assert "1 of 4 goals match" in content
    assert "A pipeline sales trusts" in content
    assert "More qualified leads" in content
    assert "Measure every campaign" not in content


def test_the_goal_page_shows_figures_chart_check_ins_and_why(browser_as: BrowserAs) -> None:
    content = browser_as("viewer").get("/goals/more-leads/", {"as_of": "2026-07-01"}).content.decode()
    assert 'class="chart"' in content
    assert "<polyline" in content
    assert "Webinars started." in content
    assert "Why this matters" in content
    assert "Measure every campaign" in content  # a contributing goal


def test_the_goal_page_shows_the_chain_up_to_the_mission(browser_as: BrowserAs) -> None:
    content = browser_as("viewer").get("/goals/ana-campaigns/").content.decode()
    assert content.count('class="chain"') == 2  # through marketing, and through sales
    assert "Mission: We make every plant engineer" in content


def test_as_of_changes_the_figures(browser_as: BrowserAs) -> None:
    early = browser_as("viewer").get("/goals/more-leads/", {"as_of": "2026-04-01"}).content.decode()
    assert "Showing figures as of 1 April 2026" in early
    assert '<dd class="current">150 leads</dd>' in early


def test_an_impossible_as_of_is_a_clear_400(browser_as: BrowserAs) -> None:
    response = browser_as("viewer").get("/goals/", {"as_of": "2026-02-30"})
    assert response.status_code == 400
    assert b"as_of must be a date" in response.content


def test_an_unknown_goal_is_a_404_page(browser_as: BrowserAs) -> None:
    response = browser_as("viewer").get("/goals/nope/")
    assert response.status_code == 404
    assert b"no goal" in response.content


def test_the_unit_page_shows_purpose_lead_people_goals_and_kpis(browser_as: BrowserAs) -> None:
    content = browser_as("viewer").get("/units/mkt/", {"as_of": "2026-07-01"}).content.decode()
    assert "Sam Lee" in content and "Ana Ruiz" in content
    assert "Measure every campaign" in content
    assert "Web visits" in content
    assert "No purpose has been derived" in content


def test_the_kpi_board_colours_kpis(browser_as: BrowserAs) -> None:
    content = browser_as("viewer").get("/kpis/", {"as_of": "2026-07-01"}).content.decode()
    assert 'class="kpi status-yellow"' in content


def test_the_health_check_links_findings_to_their_subjects(browser_as: BrowserAs) -> None:
    content = browser_as("viewer").get("/health-check/", {"as_of": "2026-07-01"}).content.decode()
    assert 'href="/goals/mkt-analytics/#kr-tracked-share' in content


def test_me_without_a_linked_person_explains_why(browser_as: BrowserAs) -> None:
    content = browser_as("unlinked").get("/me/").content.decode()
    assert "not linked to a person" in content


def test_pages_without_a_model_show_an_empty_state(db: None, browser_as: BrowserAs, cast: Cast) -> None:
    from lodestar.store.store import delete_all

    delete_all()
    response = browser_as("admin").get("/")
    assert response.status_code == 200
    assert b"No organization model yet" in response.content
    assert browser_as("admin").get("/goals/").status_code == 404
