"""Changing the why: the mission (with its history), answers to the vision questions, role profiles.

Every change is for editors and admins, validated with the import's readers, checked against
the `version` it was based on, and written to the audit log. Raises NotFound,
PermissionDenied, Invalid or Conflict.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.design.services.common import find, merged, next_ordinal
from lodestar.lib.errors import Conflict, Invalid, NotFound
from lodestar.lib.model import Mission, Model, RoleProfile, VisionAnswer
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.modelfile.documents import mission_document, role_profile_document, vision_answer_document
from lodestar.modelfile.entities import read_mission, read_role_profile, read_vision_answer
from lodestar.org.models import Unit
from lodestar.purpose import models as purpose
from lodestar.store.load import load_model
from lodestar.store.rows import SINGLETON_ID, insert_entity, mission_rows, role_profile_rows, vision_answer_rows
from lodestar.store.versions import Saved, delete_versioned, expect_version, write_versioned

MISSION_SUBJECT = "mission"


def record_mission_revision(mission: Mission, *, actor: Actor) -> purpose.MissionRevision:
    """Keep the mission as written now in its history (who, when)."""
    return purpose.MissionRevision.objects.create(
        statement=mission.statement,
        scope=mission.scope,
        adopted=mission.adopted,
        principles=list(mission.principles),
        recorded_at=timezone.now(),
        recorded_by=actor.label,
        surface=actor.surface,
    )


def list_mission_revisions(*, limit: int = 50) -> list[purpose.MissionRevision]:
    """The mission's history, newest first (the first is the statement in force)."""
    return list(purpose.MissionRevision.objects.all()[:limit])


def get_mission() -> Mission:
    """The mission. Raises NotFound when the model has none."""
    mission = load_model().mission
    if mission is None:
        raise NotFound(Wording.of(gettext_noop("the model has no mission yet")))
    return mission


def create_mission(*, actor: Actor, document: Any) -> Saved[str]:
    """Write the mission where there is none. Raises PermissionDenied, Conflict (one exists) and Invalid."""
    require_editor(actor, what="change the mission")
    with transaction.atomic():
        model = load_model()
        if model.mission is not None:
            raise Conflict(Wording.of(gettext_noop("the model has a mission already; change it instead")))
        mission = read_mission(document, model=model)
        insert_entity(mission_rows(mission), version=1)
        record_mission_revision(mission, actor=actor)
        audit.record(actor=actor, action="mission.create", subject=MISSION_SUBJECT, after=mission_document(mission))
    return Saved(id=MISSION_SUBJECT, version=1)


def update_mission(*, actor: Actor, changes: Any, version: Any) -> Saved[str]:
    """Change the mission; a new statement goes into the history. Raises NotFound, PermissionDenied, Conflict, Invalid."""
    require_editor(actor, what="change the mission")
    with transaction.atomic():
        model = load_model()
        if model.mission is None:
            raise NotFound(Wording.of(gettext_noop("the model has no mission yet")))
        expect_version(version, stored=model.mission.version, what="the mission")
        before = mission_document(model.mission)
        mission = read_mission(merged(before, changes, fixed=(), what="mission"), model=model)
        columns = mission_rows(mission).row
        saved = write_versioned(purpose.Mission, SINGLETON_ID, version=version, what="the mission", columns=columns)
        if mission.statement != model.mission.statement:
            record_mission_revision(mission, actor=actor)
        after = mission_document(mission)
        audit.record(actor=actor, action="mission.update", subject=MISSION_SUBJECT, before=before, after=after)
    return Saved(id=MISSION_SUBJECT, version=saved)


def delete_mission(*, actor: Actor, version: Any = None) -> None:
    """Remove the mission (its history stays). Raises NotFound, PermissionDenied and Conflict."""
    require_editor(actor, what="change the mission")
    with transaction.atomic():
        model = load_model()
        if model.mission is None:
            raise NotFound(Wording.of(gettext_noop("the model has no mission yet")))
        expect_version(version, stored=model.mission.version, what="the mission", required=False)
        delete_versioned(purpose.Mission, SINGLETON_ID, version=version, what="the mission")
        audit.record(
            actor=actor, action="mission.delete", subject=MISSION_SUBJECT, before=mission_document(model.mission)
        )


def set_unit_purpose(*, actor: Actor, unit_id: str, purpose: Any, version: Any) -> Saved[str]:
    """Set (or with an empty text, clear) a unit's derived purpose. Raises NotFound, PermissionDenied, Conflict, Invalid."""
    require_editor(actor, what="change unit purposes")
    what = f"the purpose of {unit_id!r}"
    with transaction.atomic():
        model = load_model()
        unit = next((u for u in model.units if u.id == unit_id), None)
        if unit is None:
            raise NotFound(Wording.of(gettext_noop("no unit %(id)s"), id=repr(unit_id)))
        expect_version(version, stored=unit.version, what=what)
        if purpose is not None and type(purpose) is not str:
            raise Invalid("invalid purpose", [("purpose", "expected a text")])
        text = (purpose or "").strip() or None
        saved = write_versioned(Unit, unit_id, version=version, what=what, columns={"purpose": text})
        before, after = {"purpose": unit.purpose}, {"purpose": text}
        audit.record(actor=actor, action="unit.purpose", subject=f"unit:{unit_id}", before=before, after=after)
    return Saved(id=unit_id, version=saved)


def _people(model: Model) -> set[str]:
    return {person.id for person in model.people}


def vision_answers_by_id(model: Model) -> dict[int, VisionAnswer]:
    """The stored model's vision answers by row id."""
    return {answer.row: answer for answer in model.vision if answer.row is not None}


def create_vision_answer(*, actor: Actor, document: Any) -> Saved[int]:
    """Answer a vision question `{question, scope?, toward?, status, answer?, owner?}`. Raises PermissionDenied, Invalid."""
    require_editor(actor, what="answer the vision questions")
    with transaction.atomic():
        model = load_model()
        answer = read_vision_answer(document, model=model)
        rows = vision_answer_rows(answer, people=_people(model))
        row = insert_entity(rows, ordinal=next_ordinal(purpose.VisionAnswer), version=1)
        after = vision_answer_document(answer)
        audit.record(actor=actor, action="vision.create", subject=f"question:{answer.question}", after=after)
    return Saved(id=row.pk, version=1)


def update_vision_answer(*, actor: Actor, answer_id: int, changes: Any, version: Any) -> Saved[int]:
    """Change a vision answer (status, text, owner…). Raises NotFound, PermissionDenied, Conflict and Invalid."""
    require_editor(actor, what="answer the vision questions")
    what = f"vision answer {answer_id}"
    with transaction.atomic():
        model = load_model()
        current = find(vision_answers_by_id(model), answer_id, "vision answer")
        expect_version(version, stored=current.version, what=what)
        before = vision_answer_document(current)
        document = merged(before, changes, fixed=(), what="vision answer")
        answer = read_vision_answer(document, model=model, replacing=current)
        columns = vision_answer_rows(answer, people=_people(model)).row
        saved = write_versioned(purpose.VisionAnswer, answer_id, version=version, what=what, columns=columns)
        after = vision_answer_document(answer)
        audit.record(
            actor=actor, action="vision.update", subject=f"question:{answer.question}", before=before, after=after
        )
    return Saved(id=answer_id, version=saved)


def delete_vision_answer(*, actor: Actor, answer_id: int, version: Any = None) -> None:
    """Delete a vision answer. Raises NotFound, PermissionDenied and Conflict (stale `version`)."""
    require_editor(actor, what="answer the vision questions")
    what = f"vision answer {answer_id}"
    with transaction.atomic():
        model = load_model()
        current = find(vision_answers_by_id(model), answer_id, "vision answer")
        expect_version(version, stored=current.version, what=what, required=False)
        delete_versioned(purpose.VisionAnswer, answer_id, version=version, what=what)
        audit.record(
            actor=actor,
            action="vision.delete",
            subject=f"question:{current.question}",
            before=vision_answer_document(current),
        )


def role_profiles_by_id(model: Model) -> dict[int, RoleProfile]:
    """The stored model's role profiles by row id."""
    return {profile.row: profile for profile in model.role_profiles if profile.row is not None}


def _role_subject(profile: RoleProfile) -> str:
    return f"unit:{profile.unit}"


def create_role_profile(*, actor: Actor, document: Any) -> Saved[int]:
    """Add a role profile `{unit, toward?, horizon?, as_is, target, rationale?}`. Raises PermissionDenied, Invalid."""
    require_editor(actor, what="change role profiles")
    with transaction.atomic():
        model = load_model()
        profile = read_role_profile(document, model=model)
        row = insert_entity(role_profile_rows(profile), ordinal=next_ordinal(purpose.RoleProfile), version=1)
        after = role_profile_document(profile)
        audit.record(actor=actor, action="role_profile.create", subject=_role_subject(profile), after=after)
    return Saved(id=row.pk, version=1)


def update_role_profile(*, actor: Actor, profile_id: int, changes: Any, version: Any) -> Saved[int]:
    """Change a role profile. Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid."""
    require_editor(actor, what="change role profiles")
    what = f"role profile {profile_id}"
    with transaction.atomic():
        model = load_model()
        current = find(role_profiles_by_id(model), profile_id, "role profile")
        expect_version(version, stored=current.version, what=what)
        before = role_profile_document(current)
        document = merged(before, changes, fixed=(), what="role profile")
        profile = read_role_profile(document, model=model, replacing=current)
        columns = role_profile_rows(profile).row
        saved = write_versioned(purpose.RoleProfile, profile_id, version=version, what=what, columns=columns)
        after = role_profile_document(profile)
        audit.record(
            actor=actor, action="role_profile.update", subject=_role_subject(profile), before=before, after=after
        )
    return Saved(id=profile_id, version=saved)


def delete_role_profile(*, actor: Actor, profile_id: int, version: Any = None) -> None:
    """Delete a role profile. Raises NotFound, PermissionDenied and Conflict (stale `version`)."""
    require_editor(actor, what="change role profiles")
    what = f"role profile {profile_id}"
    with transaction.atomic():
        model = load_model()
        current = find(role_profiles_by_id(model), profile_id, "role profile")
        expect_version(version, stored=current.version, what=what, required=False)
        delete_versioned(purpose.RoleProfile, profile_id, version=version, what=what)
        audit.record(
            actor=actor,
            action="role_profile.delete",
            subject=_role_subject(current),
            before=role_profile_document(current),
        )
