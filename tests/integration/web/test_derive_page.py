"""Deriving goals for a unit: proposals from new tasks no goal lists (LS015) and units without goals (LS004)."""

from __future__ import annotations

from datetime import date

from django.test import Client

from lodestar.accounts.models import AuditEntry
from lodestar.goals.derive import derive_proposals
from lodestar.goals.models import DismissedProposal, Goal
from lodestar.modelfile.validate import validate_document
from tests.integration.accounts.cast import BrowserAs, import_document
from tests.integration.web.derive_model import AS_OF, deriving

DAY = date.fromisoformat(AS_OF)


def page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.content.decode()[:400]
    return response.content.decode()


def test_the_proposals_follow_the_findings_owned_where_the_design_says() -> None:
    proposals = derive_proposals(validate_document(deriving()), "ms", DAY)

    assert [(p.key, p.owner, p.period, p.contributes_to, p.tasks) for p in proposals] == [
        ("unit:web-team@fy2026", "web-team", "fy2026", ["mkt-analytics"], []),
        ("task:tag-management", "mkt", "fy2026", ["more-leads"], ["tag-management"]),
        ("task:dynamic-pricing", "sales", "fy2026", [], ["dynamic-pricing"]),
    ]
    assert [p.title.english() for p in proposals] == [
        "Web team: our contribution to Marketing",
        "Build up tag management",
        "Expand dynamic pricing",
    ]


def test_a_units_page_covers_it_and_the_units_below_it_only(browser_as: BrowserAs) -> None:
    import_document(deriving())

    content = page(browser_as("viewer"), f"/units/mkt/derive/?as_of={AS_OF}")

    assert "<h1>Derive goals for Marketing</h1>" in content
    assert "Build up tag management" in content
    assert "Web team: our contribution to Marketing" in content
    assert "Expand dynamic pricing" not in content
    assert 'href="/goals/more-leads/?as_of=2026-06-30">More qualified leads from the web</a>' in content
    assert "Accept" not in content.split("<h1>")[1]  # a viewer creates nothing


def test_accepting_creates_an_ordinary_goal_with_an_id_from_its_title(browser_as: BrowserAs) -> None:
    import_document(deriving())
    sam = browser_as("sam")

    response = sam.post("/units/mkt/derive/accept", {"key": "task:tag-management"})

    assert response.status_code == 302
    goal = Goal.objects.get(id="build-up-tag-management")
    assert (goal.title, goal.owner_unit_id, goal.period_id) == ("Build up tag management", "mkt", "fy2026")
    assert list(goal.contributions.values_list("parent_id", flat=True)) == ["more-leads"]
    assert list(goal.goal_tasks.values_list("task_id", flat=True)) == ["tag-management"]
    assert AuditEntry.objects.filter(action="goal.create", subject="goal:build-up-tag-management").exists()
    assert response["Location"] == "/units/mkt/derive/?accepted=build-up-tag-management"
    after = page(sam, response["Location"])
    assert 'Created <a href="/goals/build-up-tag-management/">Build up tag management</a>' in after
    assert "task:tag-management" not in after  # listed by a goal now: no longer proposed


def test_dismissing_keeps_it_from_being_proposed_again_and_is_audited(browser_as: BrowserAs) -> None:
    import_document(deriving())
    sam = browser_as("sam")

    response = sam.post("/units/mkt/derive/dismiss", {"key": "unit:web-team@fy2026"})

    assert response.status_code == 302
    assert DismissedProposal.objects.filter(key="unit:web-team@fy2026").exists()
    assert AuditEntry.objects.filter(action="proposal.dismiss", subject="unit:mkt").exists()
    assert "Web team: our contribution" not in page(sam, "/units/mkt/derive/")
    assert not Goal.objects.filter(owner_unit_id="web-team").exists()


def test_only_who_may_create_the_goal_accepts_or_dismisses_it(browser_as: BrowserAs) -> None:
    import_document(deriving())
    before = Goal.objects.count()

    assert browser_as("kim").post("/units/ms/derive/accept", {"key": "task:tag-management"}).status_code == 403
    assert browser_as("viewer").post("/units/ms/derive/dismiss", {"key": "task:tag-management"}).status_code == 403
    assert Goal.objects.count() == before
    assert not DismissedProposal.objects.exists()


def test_a_proposal_that_is_no_longer_open_is_not_found(browser_as: BrowserAs) -> None:
    import_document(deriving())

    response = browser_as("sam").post("/units/mkt/derive/accept", {"key": "task:web-analytics"})

    assert response.status_code == 404
    assert "no open proposal" in response.content.decode()


def test_edit_first_opens_the_new_goal_form_filled_in(browser_as: BrowserAs) -> None:
    import_document(deriving())
    sam = browser_as("sam")

    content = page(sam, "/units/mkt/derive/")
    link = content.split('aria-label="Edit Build up tag management before creating it"')[0].rsplit('href="', 1)[1]
    form = page(sam, link.split('"')[0].replace("&amp;", "&"))

    assert 'value="Build up tag management"' in form
    assert 'value="mkt" selected' in form or '<option value="mkt" selected' in form
