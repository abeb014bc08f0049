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
from lodestar.design.services.common import SavedEntity, expect_version, find, fingerprint, keyed, merged, next_ordinal
from lodestar.lib.errors import Conflict, Invalid, NotFound
from lodestar.lib.model import Mission, Model, RoleProfile, VisionAnswer
from lodestar.modelfile.documents import mission_document, role_profile_document, vision_answer_document
from lodestar.modelfile.entities import read_mission, read_role_profile, read_vision_answer
from lodestar.org.models import Unit
from lodestar.purpose import models as purpose
from lodestar.store.load import load_model
from lodestar.store.rows import insert_entity, mission_rows, role_profile_rows, vision_answer_rows

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
        raise NotFound("the model has no mission yet")
    return mission


def _write_mission(mission: Mission) -> None:
    row = mission_rows(mission).row
    purpose.Mission.objects.update_or_create(id=row.pop("id"), defaults=row)


def create_mission(*, actor: Actor, document: Any) -> SavedEntity:
    """Write the mission where there is none. Raises PermissionDenied, Conflict (one exists) and Invalid."""
    require_editor(actor, what="change the mission")
    with transaction.atomic():
        model = load_model()
        if model.mission is not None:
            raise Conflict("the model has a mission already; change it instead")
        mission = read_mission(document, model=model)
        _write_mission(mission)
        record_mission_revision(mission, actor=actor)
        after = mission_document(mission)
        audit.record(actor=actor, action="mission.create", subject=MISSION_SUBJECT, after=after)
    return SavedEntity(id=MISSION_SUBJECT, version=fingerprint(after))


def update_mission(*, actor: Actor, changes: Any, version: Any) -> SavedEntity:
    """Change the mission; a new statement goes into the history. Raises NotFound, PermissionDenied, Conflict, Invalid."""
    require_editor(actor, what="change the mission")
    with transaction.atomic():
        model = load_model()
        if model.mission is None:
            raise NotFound("the model has no mission yet")
        before = mission_document(model.mission)
        expect_version(version, before, what="the mission")
        mission = read_mission(merged(before, changes, fixed=(), what="mission"), model=model)
        _write_mission(mission)
        if mission.statement != model.mission.statement:
            record_mission_revision(mission, actor=actor)
        after = mission_document(mission)
        audit.record(actor=actor, action="mission.update", subject=MISSION_SUBJECT, before=before, after=after)
    return SavedEntity(id=MISSION_SUBJECT, version=fingerprint(after))


def delete_mission(*, actor: Actor, version: Any = None) -> None:
    """Remove the mission (its history stays). Raises NotFound, PermissionDenied and Conflict."""
    require_editor(actor, what="change the mission")
    with transaction.atomic():
        model = load_model()
        if model.mission is None:
            raise NotFound("the model has no mission yet")
        before = mission_document(model.mission)
        expect_version(version, before, what="the mission", required=False)
        purpose.Mission.objects.all().delete()
        audit.record(actor=actor, action="mission.delete", subject=MISSION_SUBJECT, before=before)


def set_unit_purpose(*, actor: Actor, unit_id: str, purpose: Any, version: Any) -> SavedEntity:
    """Set (or with an empty text, clear) a unit's derived purpose. Raises NotFound, PermissionDenied, Conflict, Invalid."""
    require_editor(actor, what="change unit purposes")
    with transaction.atomic():
        model = load_model()
        unit = next((u for u in model.units if u.id == unit_id), None)
        if unit is None:
            raise NotFound(f"no unit {unit_id!r}")
        before = {"purpose": unit.purpose}
        expect_version(version, before, what=f"the purpose of {unit_id!r}")
        if purpose is not None and type(purpose) is not str:
            raise Invalid("invalid purpose", [("purpose", "expected a text")])
        text = (purpose or "").strip() or None
        Unit.objects.filter(id=unit_id).update(purpose=text)
        after = {"purpose": text}
        audit.record(actor=actor, action="unit.purpose", subject=f"unit:{unit_id}", before=before, after=after)
    return SavedEntity(id=unit_id, version=fingerprint(after))


def _people(model: Model) -> set[str]:
    return {person.id for person in model.people}


def vision_answers_by_id(model: Model) -> dict[int, VisionAnswer]:
    """The model's vision answers by row id."""
    return keyed(purpose.VisionAnswer, model.vision)


def create_vision_answer(*, actor: Actor, document: Any) -> SavedEntity:
    """Answer a vision question `{question, scope?, toward?, status, answer?, owner?}`. Raises PermissionDenied, Invalid."""
    require_editor(actor, what="answer the vision questions")
    with transaction.atomic():
        model = load_model()
        answer = read_vision_answer(document, model=model)
        row = insert_entity(
            vision_answer_rows(answer, people=_people(model)), ordinal=next_ordinal(purpose.VisionAnswer)
        )
        after = vision_answer_document(answer)
        audit.record(actor=actor, action="vision.create", subject=f"question:{answer.question}", after=after)
    return SavedEntity(id=row.pk, version=fingerprint(after))


def update_vision_answer(*, actor: Actor, answer_id: int, changes: Any, version: Any) -> SavedEntity:
    """Change a vision answer (status, text, owner…). Raises NotFound, PermissionDenied, Conflict and Invalid."""
    require_editor(actor, what="answer the vision questions")
    with transaction.atomic():
        model = load_model()
        current = find(vision_answers_by_id(model), answer_id, "vision answer")
        before = vision_answer_document(current)
        expect_version(version, before, what=f"vision answer {answer_id}")
        document = merged(before, changes, fixed=(), what="vision answer")
        answer = read_vision_answer(document, model=model, replacing=current)
        purpose.VisionAnswer.objects.filter(id=answer_id).update(
            **vision_answer_rows(answer, people=_people(model)).row
        )
        after = vision_answer_document(answer)
        audit.record(
            actor=actor, action="vision.update", subject=f"question:{answer.question}", before=before, after=after
        )
    return SavedEntity(id=answer_id, version=fingerprint(after))


def delete_vision_answer(*, actor: Actor, answer_id: int, version: Any = None) -> None:
    """Delete a vision answer. Raises NotFound, PermissionDenied and Conflict (stale `version`)."""
    require_editor(actor, what="answer the vision questions")
    with transaction.atomic():
        model = load_model()
        current = find(vision_answers_by_id(model), answer_id, "vision answer")
        before = vision_answer_document(current)
        expect_version(version, before, what=f"vision answer {answer_id}", required=False)
        purpose.VisionAnswer.objects.filter(id=answer_id).delete()
        audit.record(actor=actor, action="vision.delete", subject=f"question:{current.question}", before=before)


def role_profiles_by_id(model: Model) -> dict[int, RoleProfile]:
    """The model's role profiles by row id."""
    return keyed(purpose.RoleProfile, model.role_profiles)


def _role_subject(profile: RoleProfile) -> str:
    return f"unit:{profile.unit}"


def create_role_profile(*, actor: Actor, document: Any) -> SavedEntity:
    """Add a role profile `{unit, toward?, horizon?, as_is, target, rationale?}`. Raises PermissionDenied, Invalid."""
    require_editor(actor, what="change role profiles")
    with transaction.atomic():
        model = load_model()
        profile = read_role_profile(document, model=model)
        row = insert_entity(role_profile_rows(profile), ordinal=next_ordinal(purpose.RoleProfile))
        after = role_profile_document(profile)
        audit.record(actor=actor, action="role_profile.create", subject=_role_subject(profile), after=after)
    return SavedEntity(id=row.pk, version=fingerprint(after))


def update_role_profile(*, actor: Actor, profile_id: int, changes: Any, version: Any) -> SavedEntity:
    """Change a role profile. Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid."""
    require_editor(actor, what="change role profiles")
    with transaction.atomic():
        model = load_model()
        current = find(role_profiles_by_id(model), profile_id, "role profile")
        before = role_profile_document(current)
        expect_version(version, before, what=f"role profile {profile_id}")
        document = merged(before, changes, fixed=(), what="role profile")
        profile = read_role_profile(document, model=model, replacing=current)
        purpose.RoleProfile.objects.filter(id=profile_id).update(**role_profile_rows(profile).row)
        after = role_profile_document(profile)
        audit.record(
            actor=actor, action="role_profile.update", subject=_role_subject(profile), before=before, after=after
        )
    return SavedEntity(id=profile_id, version=fingerprint(after))


def delete_role_profile(*, actor: Actor, profile_id: int, version: Any = None) -> None:
    """Delete a role profile. Raises NotFound, PermissionDenied and Conflict (stale `version`)."""
    require_editor(actor, what="change role profiles")
    with transaction.atomic():
        model = load_model()
        current = find(role_profiles_by_id(model), profile_id, "role profile")
        before = role_profile_document(current)
        expect_version(version, before, what=f"role profile {profile_id}", required=False)
        purpose.RoleProfile.objects.filter(id=profile_id).delete()
        audit.record(actor=actor, action="role_profile.delete", subject=_role_subject(current), before=before)
