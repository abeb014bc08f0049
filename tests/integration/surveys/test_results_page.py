"""The results page of a survey round: the scoring function's figures, the heat map without small groups, the change."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lodestar.i18n import numbers
from lodestar.scoring.surveys import results_json, survey_results
from lodestar.store.load import load_model
from tests.integration.accounts.cast import BrowserAs, Cast
from tests.integration.surveys.closed_rounds import with_closed_rounds
from tests.integration.surveys.rounds import open_round, with_tasks

PAGE = "/surveys/autumn/results"


def section(html: str, anchor: str) -> str:
    """The HTML of one `<section id=…>` of the page."""
    start = html.index(f'<section class="panel" id="{anchor}"')
    return html[start : html.index("</section>", start)]


def words(html: str, header: str) -> list[str]:
    """The text of each cell of the table row whose row header is `header`, its words joined by one space."""
    found = re.search(rf'<tr[^>]*>\s*<th scope="row">{re.escape(header)}</th>(.*?)</tr>', html, re.S)
    assert found is not None, header
    cells = re.findall(r"<td[^>]*>(.*?)</td>", found.group(1), re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


@pytest.fixture
def rounds(cast: Cast) -> None:
    with_closed_rounds()


@pytest.mark.parametrize("name", ["admin", "editor", "viewer", "sam", "unlinked"])
def test_every_signed_in_user_sees_the_results(browser_as: BrowserAs, rounds: None, name: str) -> None:
    response = browser_as(name).get(PAGE)

    assert response.status_code == 200
    assert "<h1>Results: Role clarity autumn</h1>" in response.content.decode()


def test_someone_not_signed_in_is_sent_to_sign_in(browser_as: BrowserAs, rounds: None) -> None:
    response = browser_as(None).get(PAGE)

    assert response.status_code == 302 and "/sign-in" in response["Location"]


def test_an_unknown_survey_is_a_404(browser_as: BrowserAs, rounds: None) -> None:
    assert browser_as("editor").get("/surveys/nowhere/results").status_code == 404


def test_the_page_shows_the_figures_of_the_scoring_function(browser_as: BrowserAs, rounds: None) -> None:
    html = browser_as("editor").get(PAGE).content.decode()
    model = load_model()
    expected = results_json(survey_results(model.surveys[1], model))

    participation = section(html, "participation")
    assert f"<dd>{expected['invited']}</dd>" in participation and f"<dd>{expected['responses']}</dd>" in participation
    clarity = section(html, "clarity")
    for value in expected["clarity"].values():
        assert f"<dd>{numbers.number(value, decimals=1, fixed=True)}</dd>" in clarity
    tasks = section(html, "tasks")
    names = {task.id: task.name for task in model.tasks}
    for figures in expected["tasks"]:
        cells = words(tasks, names[figures["task"]])
        assert cells[0] == str(figures["answers"])
        assert cells[2].startswith(numbers.percent(figures["accountable_agreement"]))
        assert cells[4].startswith(numbers.percent(figures["responsible_agreement"]))
        assert cells[5:] == [numbers.percent(figures["dont_know"]), numbers.percent(figures["consensus"])]


def test_a_task_shows_its_designed_units_by_name_and_what_most_say_when_it_differs(
    browser_as: BrowserAs, rounds: None
) -> None:
    tasks = section(browser_as("editor").get(PAGE).content.decode(), "tasks")

    assert words(tasks, "Lead handover")[1:4:2] == ["Sales most say Marketing", "Marketing, Sales"]
    assert words(tasks, "Web analytics")[1] == "Marketing &amp; Sales"


def test_the_heat_map_shows_a_units_share_and_no_figure_of_a_group_below_min_group(
    browser_as: BrowserAs, rounds: None
) -> None:
    html = browser_as("editor").get(PAGE).content.decode()
    heat = section(html, "heatmap")

    assert 'Sales<span class="meta">too few responses to show</span>' in heat
    assert words(heat, "Web analytics") == ["67 %", "group too small"]
    assert words(heat, "Lead handover") == ["0 %", "group too small"]
    assert words(heat, "Trade fairs") == ["too few answers", "group too small"]
    assert heat.count('class="heat-cell suppressed"') == 4
    # Sales alone: every answer names the design (100 %), clarity 5.0 everywhere; neither is on the page.
    units = section(html, "units")
    assert words(units, "Sales") == ["2", "too few responses to show"]
    assert "5.0" not in html
    assert "100 %" not in heat


def test_the_change_since_the_previous_round_is_signed_and_missing_tasks_and_units_show_a_dash(
    browser_as: BrowserAs, rounds: None
) -> None:
    html = browser_as("editor").get(PAGE).content.decode()
    comparison = section(html, "comparison")

    assert "Compared with “Role clarity spring”" in comparison
    assert words(comparison, "Web analytics") == ["75 %", "40 %", "↑ +35 pts", "100 %", "100 %", "±0 pts"]
    assert words(comparison, "Lead handover")[:3] == ["25 %", "100 %", "↓ −75 pts"]
    assert words(comparison, "Trade fairs") == ["100 %", "—", "—", "100 %", "—", "—"]
    assert words(comparison, "oldtask") == ["—", "not shown", "—", "—", "not shown", "—"]
    assert words(comparison, "Sales") == ["2", "—", "—", "not shown", "—", "—"]
    assert words(comparison, "Marketing") == ["6", "5", "↑ +1", "47 %", "70 %", "↓ −23 pts"]
    assert words(comparison, "Own role") == ["4.2", "3.0", "↑ +1.2"]
    assert words(section(html, "tasks"), "Web analytics")[2] == "75 % ↑ +35 pts"


def test_the_first_round_says_there_is_nothing_to_compare_with(browser_as: BrowserAs, cast: Cast) -> None:
    with_closed_rounds(previous=False)

    comparison = section(browser_as("editor").get(PAGE).content.decode(), "comparison")

    assert "There is no earlier round to compare with" in comparison
    assert "pts" not in comparison


def test_an_open_round_without_answers_says_so(browser_as: BrowserAs, cast: Cast) -> None:
    with_tasks()
    open_round()

    html = browser_as("editor").get("/surveys/now/results").content.decode()

    assert "the figures change as answers come in" in html
    assert "No one has answered this round yet." in html
    assert 'id="heatmap"' not in html and 'id="tasks"' not in html


def test_the_task_page_links_the_latest_agreement_to_its_results(browser_as: BrowserAs, rounds: None) -> None:
    html = browser_as("viewer").get("/tasks/").content.decode()

    assert 'href="/surveys/autumn/results#task-web"' in html


def test_the_page_speaks_german(browser_as: BrowserAs, rounds: None) -> None:
    html = browser_as("editor").get(PAGE, headers={"Accept-Language": "de"}).content.decode()

    assert "<h1>Ergebnisse: Role clarity autumn</h1>" in html
    assert "Gruppe zu klein" in html and "zu wenige Antworten" in html and "↑ +35 Pp." in html
    for english in ("too few", "group too small", "pts", "Participation", "Change since"):
        assert english not in html


def test_the_query_count_does_not_grow_with_the_responses_or_the_previous_round(
    browser_as: BrowserAs, rounds: None
) -> None:
    editor = browser_as("editor")
    editor.get(PAGE)  # sessions and caches warmed
    counts = []
    for survey_id in ("spring", "autumn"):  # 5 responses without a previous round; 8 with one
        with CaptureQueriesContext(connection) as queries:
            assert editor.get(f"/surveys/{survey_id}/results").status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]
