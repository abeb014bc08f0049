"""The purpose and design services: validation as the import does it, versions, permissions, audit log, history."""

from __future__ import annotations

from typing import Any

import pytest

from lodestar.accounts.actor import Actor, command_line_actor
from lodestar.accounts.models import AuditEntry
from lodestar.design import services as design
from lodestar.design.models import Task as TaskRow
from lodestar.design.services.dependencies import dependencies_by_id
from lodestar.lib.errors import Conflict, Invalid, NotFound, PermissionDenied
from lodestar.purpose import services as purpose
from lodestar.purpose.models import MissionRevision
from lodestar.store.load import load_model
from lodestar.store.versions import write_versioned
from tests.integration.accounts.cast import import_document
from tests.integration.design.conftest import DESIGN_MODEL

EDITOR = Actor(label="editor@example.com", role="editor", person_id=None, surface="web")
MEMBER = Actor(label="sam@example.com", role="member", person_id="sam", surface="web")
NEW_TASK = {"id": "crm", "name": "CRM care", "change": "new", "delivery": "central", "responsible": ["sales"]}


def task_version(task_id: str) -> int | None:
    return next(t for t in load_model().tasks if t.id == task_id).version


def test_a_new_task_is_stored_and_audited(org: dict[str, Any]) -> None:
    saved = design.create_task(actor=EDITOR, document=NEW_TASK)
    assert saved.id == "crm"
    assert next(t for t in load_model().tasks if t.id == "crm").responsible == ["sales"]
    entry = AuditEntry.objects.get(action="task.create")
    assert (entry.subject, entry.actor) == ("task:crm", "editor@example.com")


def test_a_task_is_refused_with_the_import_s_messages_and_paths(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid) as caught:
        design.create_task(actor=EDITOR, document={**NEW_TASK, "change": "nu", "consulted": ["nowhere"], "extra": 1})
    paths = dict(caught.value.issues)
    assert "expected one of new, expand, keep, reduce, drop" in paths["change"]
    assert paths["extra"].startswith("unknown key")
    assert not any(t.id == "crm" for t in load_model().tasks)


def test_an_unknown_reference_is_reported_at_its_path(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid) as caught:
        design.create_task(actor=EDITOR, document={**NEW_TASK, "consulted": ["mkt", "nowhere"]})
    assert caught.value.issues == [("consulted[1]", "unknown unit 'nowhere'")]


def test_a_task_id_that_exists_is_refused(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid) as caught:
        design.create_task(actor=EDITOR, document={**NEW_TASK, "id": "web-analytics"})
    assert caught.value.issues == [("id", "a task 'web-analytics' exists already")]


def test_a_change_based_on_a_stale_version_is_a_conflict(org: dict[str, Any]) -> None:
    version = task_version("web-analytics")
    design.update_task(actor=EDITOR, task_id="web-analytics", changes={"name": "Analytics"}, version=version)
    with pytest.raises(Conflict):
        design.update_task(actor=EDITOR, task_id="web-analytics", changes={"name": "Other"}, version=version)
    assert next(t for t in load_model().tasks if t.id == "web-analytics").name == "Analytics"


def test_a_change_without_a_version_is_invalid(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid) as caught:
        design.update_task(actor=EDITOR, task_id="web-analytics", changes={"name": "X"}, version=None)
    assert caught.value.issues[0][0] == "version"


def test_the_id_of_a_task_cannot_change(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid) as caught:
        design.update_task(actor=EDITOR, task_id="print-ads", changes={"id": "x"}, version=task_version("print-ads"))
    assert caught.value.issues[0][0] == "id"


def test_a_task_goals_list_cannot_be_deleted(org: dict[str, Any]) -> None:
    document = {**DESIGN_MODEL}
    document["goals"] = [dict(DESIGN_MODEL["goals"][0], tasks=["web-analytics"]), *DESIGN_MODEL["goals"][1:]]
    import_document(document)
    with pytest.raises(Conflict, match="more-leads"):
        design.delete_task(actor=EDITOR, task_id="web-analytics")


def test_members_and_viewers_change_nothing_in_the_design(org: dict[str, Any]) -> None:
    viewer = Actor(label="v", role="viewer", person_id=None, surface="api")
    for who in (MEMBER, viewer):
        with pytest.raises(PermissionDenied):
            design.create_task(actor=who, document=NEW_TASK)
        with pytest.raises(PermissionDenied):
            purpose.update_mission(actor=who, changes={"statement": "x"}, version="x")
        with pytest.raises(PermissionDenied):
            design.set_person_level(actor=who, person_id="sam", competency_id="negotiation", level=3)
    assert not AuditEntry.objects.filter(action__startswith="task.").exists()


def test_a_new_mission_statement_goes_into_the_history_with_who_and_when(org: dict[str, Any]) -> None:
    version = purpose.get_mission().version
    purpose.update_mission(actor=EDITOR, changes={"statement": "We make choosing valves easy."}, version=version)
    history = purpose.list_mission_revisions()
    assert [r.statement for r in history] == [
        "We make choosing valves easy.",
        DESIGN_MODEL["mission"]["statement"],
    ]
    assert history[0].recorded_by == "editor@example.com"
    assert history[1].recorded_by == "command line"


def test_changing_only_the_principles_adds_no_history(org: dict[str, Any]) -> None:
    version = purpose.get_mission().version
    purpose.update_mission(actor=EDITOR, changes={"principles": ["One"]}, version=version)
    assert MissionRevision.objects.count() == 1
    assert purpose.get_mission().principles == ["One"]


def test_an_import_records_a_revision_only_when_the_statement_changes(org: dict[str, Any]) -> None:
    import_document(DESIGN_MODEL)
    assert MissionRevision.objects.count() == 1
    import_document({**DESIGN_MODEL, "mission": {**DESIGN_MODEL["mission"], "statement": "Imported anew."}})
    assert next(r.statement for r in purpose.list_mission_revisions()) == "Imported anew."


def test_a_second_mission_is_a_conflict_and_a_deleted_one_can_be_written_again(org: dict[str, Any]) -> None:
    with pytest.raises(Conflict):
        purpose.create_mission(actor=EDITOR, document={"statement": "Two", "scope": "ms"})
    purpose.delete_mission(actor=EDITOR)
    with pytest.raises(NotFound):
        purpose.get_mission()
    with pytest.raises(Invalid) as caught:
        purpose.create_mission(actor=EDITOR, document={"statement": "Again", "scope": "nowhere"})
    assert caught.value.issues == [("scope", "unknown unit 'nowhere'")]
    purpose.create_mission(actor=EDITOR, document={"statement": "Again", "scope": "ms"})
    assert purpose.get_mission().statement == "Again"


def test_a_second_answer_for_the_same_question_and_scope_is_refused(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid) as caught:
        purpose.create_vision_answer(actor=EDITOR, document={"question": "mission", "status": "open"})
    assert caught.value.issues[0][0] == "question"
    saved = purpose.create_vision_answer(
        actor=EDITOR, document={"question": "mission", "status": "open", "toward": "bu-valves", "owner": "kim"}
    )
    assert purpose.vision_answers_by_id(load_model())[int(saved.id)].owner == "kim"


def test_an_answer_toward_a_unit_that_is_no_business_unit_is_refused(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid) as caught:
        purpose.create_vision_answer(actor=EDITOR, document={"question": "goals", "status": "open", "toward": "mkt"})
    assert caught.value.issues == [("toward", "'mkt' is of kind department, not a business unit")]


def test_a_role_profile_is_checked_area_by_area(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid) as caught:
        purpose.create_role_profile(
            actor=EDITOR,
            document={
                "unit": "mkt",
                "as_is": {"decision_rights": {"pricing": "boss"}, "sales_alignment": "defined"},
                "target": {"decision_rights": {}, "sales_alignment": "aligned"},
            },
        )
    assert caught.value.issues[0][0] == "as_is.decision_rights.pricing"


def test_a_second_general_profile_of_a_unit_is_refused_but_one_toward_a_business_unit_is_not(
    org: dict[str, Any],
) -> None:
    state = {"decision_rights": {}, "sales_alignment": "defined"}
    with pytest.raises(Invalid):
        purpose.create_role_profile(actor=EDITOR, document={"unit": "ms", "as_is": state, "target": state})
    saved = purpose.create_role_profile(
        actor=EDITOR, document={"unit": "ms", "toward": "bu-service", "as_is": state, "target": state}
    )
    assert purpose.role_profiles_by_id(load_model())[int(saved.id)].toward == "bu-service"


def test_a_dependency_on_itself_is_refused(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid) as caught:
        design.create_dependency(
            actor=EDITOR, document={"from": "mkt", "to": "mkt", "about": "x", "kind": "data", "now": 1, "target": 2}
        )
    assert caught.value.issues == [("to", "a unit cannot depend on itself ('mkt')")]


def test_a_dependency_s_intensity_is_changed(org: dict[str, Any]) -> None:
    model = load_model()
    row, dependency = next(iter(dependencies_by_id(model).items()))
    design.update_dependency(actor=EDITOR, dependency_id=row, changes={"target": 5}, version=dependency.version)
    assert load_model().dependencies[0].target == 5


def test_a_competency_tasks_need_cannot_be_deleted_but_an_unused_one_can(org: dict[str, Any]) -> None:
    with pytest.raises(Conflict, match="web-analytics"):
        design.delete_competency(actor=EDITOR, competency_id="web-analytics")
    design.set_person_level(actor=EDITOR, person_id="kim", competency_id="negotiation", level=4)
    design.delete_competency(actor=EDITOR, competency_id="negotiation")
    model = load_model()
    assert [c.id for c in model.competencies] == ["web-analytics"]
    assert "negotiation" not in next(p for p in model.people if p.id == "kim").competencies


def test_a_person_s_level_is_set_changed_and_removed(org: dict[str, Any]) -> None:
    assert design.set_person_level(actor=EDITOR, person_id="sam", competency_id="web-analytics", level=4) == 4
    assert next(p for p in load_model().people if p.id == "sam").competencies == {"web-analytics": 4}
    with pytest.raises(Invalid) as caught:
        design.set_person_level(actor=EDITOR, person_id="sam", competency_id="web-analytics", level=6)
    assert caught.value.issues[0][0] == "level"
    design.remove_person_level(actor=EDITOR, person_id="sam", competency_id="web-analytics")
    assert next(p for p in load_model().people if p.id == "sam").competencies == {}
    with pytest.raises(NotFound):
        design.remove_person_level(actor=EDITOR, person_id="sam", competency_id="web-analytics")


def test_a_touchpoint_with_kpis_cannot_be_deleted(org: dict[str, Any]) -> None:
    with pytest.raises(Conflict, match="web-visits"):
        design.delete_touchpoint(actor=EDITOR, touchpoint_id="website")
    design.delete_touchpoint(actor=EDITOR, touchpoint_id="trade-fair")
    assert [t.id for t in load_model().touchpoints] == ["website"]


def test_a_touchpoint_s_contributors_are_replaced(org: dict[str, Any]) -> None:
    version = next(t for t in load_model().touchpoints if t.id == "website").version
    design.update_touchpoint(
        actor=EDITOR, touchpoint_id="website", changes={"contributors": ["sales", "ms"]}, version=version
    )
    assert load_model().touchpoints[0].contributors == ["sales", "ms"]


def test_a_unit_purpose_is_set_and_cleared(org: dict[str, Any]) -> None:
    purpose.set_unit_purpose(actor=EDITOR, unit_id="mkt", purpose="Make demand.", version=1)
    assert next(u for u in load_model().units if u.id == "mkt").purpose == "Make demand."
    purpose.set_unit_purpose(actor=EDITOR, unit_id="mkt", purpose=" ", version=2)
    assert next(u for u in load_model().units if u.id == "mkt").purpose is None


def test_the_command_line_actor_may_change_everything(org: dict[str, Any]) -> None:
    design.create_task(actor=command_line_actor(), document=NEW_TASK)
    assert AuditEntry.objects.get(action="task.create").surface == "cli"


def test_of_two_writes_based_on_the_same_version_only_the_first_lands(org: dict[str, Any]) -> None:
    # Both passed the early check; the version in the UPDATE's WHERE stops the second.
    assert write_versioned(TaskRow, "web-analytics", version=1, what="task", columns={"name": "First"}) == 2
    with pytest.raises(Conflict, match="at the same moment"):
        write_versioned(TaskRow, "web-analytics", version=1, what="task", columns={"name": "Second"})
    task = next(t for t in load_model().tasks if t.id == "web-analytics")
    assert (task.name, task.version) == ("First", 2)


def test_vision_answers_keep_their_row_id_when_another_one_is_deleted(org: dict[str, Any]) -> None:
    answers = purpose.vision_answers_by_id(load_model())
    first, second = sorted(answers)[:2]
    purpose.delete_vision_answer(actor=EDITOR, answer_id=first)
    assert purpose.vision_answers_by_id(load_model())[second] == answers[second]
