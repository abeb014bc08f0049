"""Every page of the demo, in English and in German, at a desk's width and a phone's: no serious or
critical axe-core violation, and no page wider than the window (a wide table scrolls in its own frame).

The pages are those of the web URL conf. `test_every_page_of_the_url_conf_is_checked` fails when a name
there is neither visited here nor said to be no page of its own, so a new page cannot be left out.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.db.models import Model
from django.urls import URLPattern, URLResolver, get_resolver
from playwright.sync_api import Browser
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.services import create_user
from lodestar.demo.organization import demo_document
from lodestar.demo.service import write_demo_data
from lodestar.design.models import Dependency
from lodestar.goals.models import Goal, Measurement
from lodestar.jobs.queue import close_queues, queue
from lodestar.lib import clock
from lodestar.lib.limits import NAME_MAX, TEXT_MAX
from lodestar.metrics import refresh_runs
from lodestar.metrics.refresh import refresh
from lodestar.modelfile.validate import validate_document
from lodestar.notifications.links import stop_token
from lodestar.purpose.models import RoleProfile, VisionAnswer
from lodestar.store.restore import keep_restore_point
from lodestar.store.service import import_model
from tests.browser.conftest import Axe, Visit
from tests.browser.untranslated import english_on_page, model_texts
from tests.integration.accounts.cast import PASSWORD

pytestmark = pytest.mark.browser

WIDTHS = (1280, 390)
LANGUAGES = ("en", "de")
EMAIL = "admin@example.com"
# Who the admin is in the demo, so that /me/ shows goals and check-ins.
PERSON = "hauke.jensen"
UNIT = "digital"
GOAL = "grow-core-revenue"
KEY_RESULT = "order-intake"
# A key result measured by hand: the values a metric gives are not edited on a page.
MEASURED = "aided-awareness"
CLOSED_GOAL = "backlog-q3"
# The demo's open survey round, which the admin's person has not answered.
OPEN_SURVEY = "role-clarity-2"
CLOSED_SURVEY = "role-clarity-1"
# One word as long as a title may be, and a check-in note as long as a note may be: they must wrap.
LONG_GOAL = "long-words"
LONG_TITLE = "Unbroken" * (NAME_MAX // len("Unbroken"))
LONG_NOTE = "Unbroken" * (TEXT_MAX // len("Unbroken"))
REASON = "before the accessibility test"

# The names of the web URL conf that are no page to look at, and why.
NOT_PAGES = {
    "sign-out": "a post",
    "language": "a post",
    "unit-derive-accept": "a post",
    "unit-derive-dismiss": "a post",
    "person-reminders": "a post",
    "goal-close": "a post (its form is on the goal page)",
    "period-close": "a post (its form is on the period page)",
    "period-roll-over": "a post (its form is on the period page)",
    "proposal-accept": "a post",
    "proposal-decline": "a post",
    "record-check-in": "a post (its form is on the goal page)",
    "metrics-refresh": "a post",
    "admin-user-add": "a post (its form is on the users page)",
    "admin-user-invite": "a post (its form is on the users page)",
    "admin-user-invite-unit": "a post (its form is on the users page)",
    "password-link": "needs a token e-mailed to one user; tests/integration/accounts/test_invitations.py opens it",
    "admin-user-role": "a post",
    "admin-user-active": "a post",
    "admin-user-unlock": "a post (its form is on the users page)",
    "admin-import-apply": "a post (its form is on the import page)",
    "person-level": "a post (its form is on the competencies page)",
    "id-proposal": "an htmx fragment of the goal form",
    "scenario-id-proposal": "JSON the new scenario form asks for an id proposed from the name",
    "goal-parent-options": "an htmx fragment of the goal form",
    "goal-branch": "an htmx fragment of the alignment tree (without htmx, a redirect to the goal page)",
    "admin-export": "a download",
    "report-organization": "a PDF",
    "report-unit": "a PDF",
    "openid_connect_login": "a post to the identity provider (its button is on the sign-in page)",
    "survey-id-proposal": "a JSON answer for the new survey round form",
    "openid_connect_callback": "the identity provider's redirect back; its refusal page is checked in test_single_sign_on",
}


# The pages by their URL name, with the ids the demo fixture fills in. The sign-in and the link that
# stops reminders are seen signed out; the mission's "new" form only where there is no mission.
SIGNED_OUT = {
    "sign-in": "/sign-in",
    "reminders-stop": "/reminders/stop/{stop_token}/",
    "forgot-password": "/password/forgot",
}
PAGES = {
    "dashboard": "/",
    "alignment": "/goals/",
    "goal": "/goals/{goal}/",
    "goal-edit": "/goals/{goal}/edit",
    "goal-delete": "/goals/{goal}/delete",
    "goal-new": "/goals/new",
    "goal-reopen": "/goals/{closed_goal}/reopen",
    "key-result-new": "/goals/{goal}/key-results/new",
    "key-result-edit": "/key-results/{key_result}/edit",
    "key-result-delete": "/key-results/{key_result}/delete",
    "measurement-edit": "/key-results/{measured}/measurements/{day}/edit",
    "measurement-delete": "/key-results/{measured}/measurements/{day}/delete",
    "period": "/periods/{period}/",
    "review": "/review/",
    "health-check": "/health-check/",
    "kpis": "/kpis/",
    "me": "/me/",
    "unit": "/units/{unit}/",
    "unit-chat": "/units/{unit}/chat",
    "unit-cadence": "/units/{unit}/cadence",
    "unit-derive": "/units/{unit}/derive/",
    "unit-purpose": "/units/{unit}/purpose",
    "person": "/people/{person}/",
    "metrics": "/metrics/",
    "metric": "/metrics/mqls/",
    "metrics-refresh-run": "/metrics/refresh/{run}",
    "purpose": "/purpose/",
    "mission-edit": "/purpose/mission/edit",
    "mission-delete": "/purpose/mission/delete",
    "vision": "/vision/",
    "vision-new": "/vision/answers/new",
    "vision-edit": "/vision/answers/{vision_answer}/edit",
    "vision-delete": "/vision/answers/{vision_answer}/delete",
    "roles": "/roles/",
    "role-profile-new": "/roles/profiles/new",
    "role-profile-edit": "/roles/profiles/{role_profile}/edit",
    "role-profile-delete": "/roles/profiles/{role_profile}/delete",
    "tasks": "/tasks/",
    "task-new": "/tasks/new",
    "task-edit": "/tasks/account-based-marketing/edit",
    "task-delete": "/tasks/account-based-marketing/delete",
    "dependencies": "/dependencies/",
    "dependency-new": "/dependencies/new",
    "dependency-edit": "/dependencies/{dependency}/edit",
    "dependency-delete": "/dependencies/{dependency}/delete",
    "competencies": "/competencies/",
    "competency-new": "/competencies/new",
    "competency-edit": "/competencies/brand-management/edit",
    "competency-delete": "/competencies/brand-management/delete",
    "touchpoints": "/touchpoints/",
    "touchpoint-new": "/touchpoints/new",
    "touchpoint-edit": "/touchpoints/trade-fair/edit",
    "touchpoint-delete": "/touchpoints/trade-fair/delete",
    "scenarios": "/scenarios/",
    "scenarios-compare": "/scenarios/compare/",
    "scenario-units": "/scenarios/digital-hub/units",
    "scenario-new": "/scenarios/new",
    "scenario-edit": "/scenarios/digital-hub/edit",
    "scenario-delete": "/scenarios/digital-hub/delete",
    "scenario-adopt": "/scenarios/digital-hub/adopt",
    "admin-users": "/admin/users/",
    "admin-import": "/admin/import/",
    "admin-restore": "/admin/restore/{restore_point}/",
    "admin-audit": "/admin/audit/",
    "password": "/account/password",
    "surveys": "/surveys/",
    "survey-rounds": "/surveys/rounds",
    "survey-new": "/surveys/new",
    "survey-answer": "/surveys/{open_survey}/answer",
    "survey-manage": "/surveys/{open_survey}/",
    "survey-edit": "/surveys/{open_survey}/edit",
    "survey-close": "/surveys/{open_survey}/close",
    "survey-delete": "/surveys/{closed_survey}/delete",
    "survey-results": "/surveys/{closed_survey}/results",
}
# More states of the pages: the goal whose title and note are as long as they may be, and the tree
# filtered (the goals above the matches are shown as their context); the tasks page and the task form
# in a scenario of the demo.
MORE_PAGES = (
    "/goals/{long_goal}/",
    "/goals/?unit={unit}",
    "/tasks/?scenario=digital-hub",
    "/tasks/account-based-marketing/edit?scenario=digital-hub",
)
NO_MISSION_YET = ("mission-new",)


def page_names() -> set[str]:
    """Every name of the web URL conf (the API's and the probe's are not pages)."""
    names: set[str] = set()

    def walk(patterns: list[URLPattern | URLResolver]) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif pattern.name:
                names.add(pattern.name)

    walk(get_resolver("lodestar.web.urls").url_patterns)
    return names


def with_long_texts(document: dict[str, Any], today: date) -> dict[str, Any]:
    """The demo with one more goal, whose title is one long word and whose check-in note (today's) is another."""
    document = copy.deepcopy(document)
    goal = next(goal for goal in document["goals"] if goal["id"] == GOAL)
    key_result = {
        "id": "long-words-kr",
        "title": LONG_TITLE,
        "baseline": 0,
        "target": 10,
        "check_ins": [{"date": today, "by": PERSON, "confidence": 5, "note": LONG_NOTE}],
    }
    document["goals"].append(
        {
            "id": LONG_GOAL,
            "title": LONG_TITLE,
            "owner": UNIT,
            "period": goal["period"],
            "description": LONG_NOTE,
            "key_results": [key_result],
        }
    )
    return document


def first_row(model: type[Model]) -> int:
    row: int = model._default_manager.order_by("pk").values_list("pk", flat=True)[0]
    return row


@pytest.fixture
def demo(
    transactional_db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> tuple[list[str], list[str]]:
    """Load the demo as `lodestar demo` does (with the long texts), an admin who is one of its people, a
    restore point and a finished refresh run; return the paths of the pages to see signed in, after
    those to see signed out (as many as SIGNED_OUT has), and the model's own texts."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    today = clock.today()
    write_demo_data(directory=tmp_path, today=today)
    metrics_file = tmp_path / "metrics.yaml"
    monkeypatch.setenv("LODESTAR_METRICS_FILE", str(metrics_file))
    document = with_long_texts(demo_document(today), today)
    import_model(model=validate_document(document))
    refresh(as_of=today, definitions_path=metrics_file)
    actor = command_line_actor()
    create_user(actor=actor, email=EMAIL, role="admin", password=PASSWORD, person_id=PERSON)
    point = keep_restore_point(actor=actor, reason=REASON)
    assert point is not None
    run = refresh_runs.request_refresh(actor=actor)
    refresh_runs.execute_run(run.id)
    queue().huey.flush()
    close_queues()
    measurement = Measurement.objects.filter(key_result_id=MEASURED).order_by("date").first()
    assert measurement is not None
    ids = {
        "goal": GOAL,
        "closed_goal": CLOSED_GOAL,
        "open_survey": OPEN_SURVEY,
        "closed_survey": CLOSED_SURVEY,
        "long_goal": LONG_GOAL,
        "key_result": KEY_RESULT,
        "measured": MEASURED,
        "day": measurement.date.isoformat(),
        "period": Goal.objects.get(id=GOAL).period_id,
        "unit": UNIT,
        "person": PERSON,
        "run": run.id,
        "restore_point": point.pk,
        "stop_token": stop_token(PERSON),
        # The rows without an id of their own are edited by their row's key.
        "vision_answer": first_row(VisionAnswer),
        "role_profile": first_row(RoleProfile),
        "dependency": first_row(Dependency),
    }
    paths = [path.format(**ids) for path in [*SIGNED_OUT.values(), *PAGES.values(), *MORE_PAGES]]
    # The organization's own texts: its model, its metrics and what this fixture wrote.
    metrics = yaml.safe_load(metrics_file.read_text())
    return paths, [*model_texts([document, metrics, REASON, actor.label, actor.surface]), EMAIL]


def problems_on(visit: Visit, axe: Axe, path: str, language: str, width: int, model: list[str]) -> list[str]:
    """What is wrong with one page: its status, its language, its width, axe-core's serious findings,
    and on a German page any English word or English-format number outside the model's own texts."""
    response = visit.page.goto(path)
    status = response.status if response else None
    if status != 200:
        return [f"{path}: status {status}"]
    problems = []
    lang = visit.page.evaluate("document.documentElement.lang")
    if lang != language:
        problems.append(f"{path}: <html lang={lang!r}>, not {language!r}")
    scroll_width = visit.page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        problems.append(f"{path}: {scroll_width} px wide in a window of {width} px")
    problems += [f"{path}: {violation}" for violation in axe.violations(visit.page)]
    if language == "de":
        english = english_on_page(visit.page, model)
        if english:
            problems.append(f"{path}: English on a German page: {', '.join(english)}")
    return problems


def test_every_page_of_the_url_conf_is_checked() -> None:
    seen = set(SIGNED_OUT) | set(PAGES) | set(NO_MISSION_YET) | set(NOT_PAGES)
    assert page_names() - seen == set()
    assert seen - page_names() == set()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_passes_axe_and_fits_the_window(
    chromium: Browser,
    live_server: LiveServer,
    demo: tuple[list[str], list[str]],
    axe: Axe,
    language: str,
    width: int,
) -> None:
    visit = Visit(chromium, live_server.url, width=width, locale=language)
    paths, model = demo
    signed_out, signed_in = paths[: len(SIGNED_OUT)], paths[len(SIGNED_OUT) :]
    try:
        problems = [problem for path in signed_out for problem in problems_on(visit, axe, path, language, width, model)]
        visit.page.goto("/sign-in")
        visit.page.locator("#email").fill(EMAIL)
        visit.page.locator("#password").fill(PASSWORD)
        visit.page.locator("form.stack button[type=submit]").click()
        visit.page.wait_for_url(f"{live_server.url}/")
        problems += [problem for path in signed_in for problem in problems_on(visit, axe, path, language, width, model)]
    finally:
        visit.context.close()
    assert problems == [], "\n".join(problems)
