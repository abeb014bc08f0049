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
from lodestar.design.documents import fingerprint, mission_document, role_profile_document, vision_answer_document
from lodestar.design.services.common import (
    SavedEntity,
    expect_version,
    find,
    keyed,
    merged,
    next_ordinal,
    stored_model,
)
from lodestar.lib import model as m
from lodestar.lib.errors import Conflict, Invalid, NotFound
from lodestar.modelfile.entities import read_mission, read_role_profile, read_vision_answer
from lodestar.org.models import Unit
from lodestar.purpose import models as p

MISSION_SUBJECT = "mission"


def record_mission_revision(mission: m.Mission, *, actor: Actor) -> p.MissionRevision:
    """Keep the mission as written now in its history (who, when)."""
    return p.MissionRevision.objects.create(
        statement=mission.statement,
        scope=mission.scope,
        adopted=mission.adopted,
        principles=list(mission.principles),
        recorded_at=timezone.now(),
        recorded_by=actor.label,
        surface=actor.surface,
    )


def list_mission_revisions(*, limit: int = 50) -> list[p.MissionRevision]:
    """The mission's history, newest first (the first is the statement in force)."""
    return list(p.MissionRevision.objects.all()[:limit])


def get_mission() -> m.Mission:
    """The mission. Raises NotFound when the model has none."""
    mission = stored_model().mission
    if mission is None:
        raise NotFound("the model has no mission yet")
    return mission


def _write_mission(mission: m.Mission) -> None:
    p.Mission.objects.update_or_create(
        id=1,
        defaults={
            "statement": mission.statement,
            "scope_id": mission.scope,
            "adopted": mission.adopted,
            "principles": list(mission.principles),
        },
    )


def create_mission(*, actor: Actor, document: Any) -> SavedEntity:
    """Write the mission where there is none. Raises PermissionDenied, Conflict (one exists) and Invalid."""
    require_editor(actor, what="change the mission")
    with transaction.atomic():
        model = stored_model()
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
        model = stored_model()
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
        model = stored_model()
        if model.mission is None:
            raise NotFound("the model has no mission yet")
        before = mission_document(model.mission)
        expect_version(version, before, what="the mission", required=False)
        p.Mission.objects.all().delete()
        audit.record(actor=actor, action="mission.delete", subject=MISSION_SUBJECT, before=before)


def set_unit_purpose(*, actor: Actor, unit_id: str, purpose: Any, version: Any) -> SavedEntity:
    """Set (or with an empty text, clear) a unit's derived purpose. Raises NotFound, PermissionDenied, Conflict, Invalid."""
    require_editor(actor, what="change unit purposes")
    with transaction.atomic():
        model = stored_model()
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


def vision_answers_by_id(model: m.Model) -> dict[int, m.VisionAnswer]:
    """The model's vision answers by row id."""
    return keyed(p.VisionAnswer, model.vision)


def _vision_columns(answer: m.VisionAnswer, model: m.Model) -> dict[str, Any]:
    person = answer.owner is not None and any(x.id == answer.owner for x in model.people)
    return {
        "question": answer.question,
        "scope_id": answer.scope,
        "toward_id": answer.toward,
        "status": answer.status,
        "answer": answer.answer,
        "owner_unit_id": None if person else answer.owner,
        "owner_person_id": answer.owner if person else None,
    }


def create_vision_answer(*, actor: Actor, document: Any) -> SavedEntity:
    """Answer a vision question `{question, scope?, toward?, status, answer?, owner?}`. Raises PermissionDenied, Invalid."""
    require_editor(actor, what="answer the vision questions")
    with transaction.atomic():
        model = stored_model()
        answer = read_vision_answer(document, model=model)
        row = p.VisionAnswer.objects.create(ordinal=next_ordinal(p.VisionAnswer), **_vision_columns(answer, model))
        after = vision_answer_document(answer)
        audit.record(actor=actor, action="vision.create", subject=f"question:{answer.question}", after=after)
    return SavedEntity(id=row.pk, version=fingerprint(after))


def update_vision_answer(*, actor: Actor, answer_id: int, changes: Any, version: Any) -> SavedEntity:
    """Change a vision answer (status, text, owner…). Raises NotFound, PermissionDenied, Conflict and Invalid."""
    require_editor(actor, what="answer the vision questions")
    with transaction.atomic():
        model = stored_model()
        current = find(vision_answers_by_id(model), answer_id, "vision answer")
        before = vision_answer_document(current)
        expect_version(version, before, what=f"vision answer {answer_id}")
        document = merged(before, changes, fixed=(), what="vision answer")
        answer = read_vision_answer(document, model=model, replacing=current)
        p.VisionAnswer.objects.filter(id=answer_id).update(**_vision_columns(answer, model))
        after = vision_answer_document(answer)
        audit.record(
            actor=actor, action="vision.update", subject=f"question:{answer.question}", before=before, after=after
        )
    return SavedEntity(id=answer_id, version=fingerprint(after))


def delete_vision_answer(*, actor: Actor, answer_id: int, version: Any = None) -> None:
    """Delete a vision answer. Raises NotFound, PermissionDenied and Conflict (stale `version`)."""
    require_editor(actor, what="answer the vision questions")
    with transaction.atomic():
        model = stored_model()
        current = find(vision_answers_by_id(model), answer_id, "vision answer")
        before = vision_answer_document(current)
        expect_version(version, before, what=f"vision answer {answer_id}", required=False)
        p.VisionAnswer.objects.filter(id=answer_id).delete()
        audit.record(actor=actor, action="vision.delete", subject=f"question:{current.question}", before=before)


def role_profiles_by_id(model: m.Model) -> dict[int, m.RoleProfile]:
    """The model's role profiles by row id."""
    return keyed(p.RoleProfile, model.role_profiles)


def _role_columns(profile: m.RoleProfile) -> dict[str, Any]:
    return {
        "unit_id": profile.unit,
        "toward_id": profile.toward,
        "horizon": profile.horizon,
        "as_is_rights": profile.as_is.decision_rights,
        "as_is_alignment": profile.as_is.sales_alignment,
        "target_rights": profile.target.decision_rights,
        "target_alignment": profile.target.sales_alignment,
        "rationale": profile.rationale,
    }


def _role_subject(profile: m.RoleProfile) -> str:
    return f"unit:{profile.unit}"


def create_role_profile(*, actor: Actor, document: Any) -> SavedEntity:
    """Add a role profile `{unit, toward?, horizon?, as_is, target, rationale?}`. Raises PermissionDenied, Invalid."""
    require_editor(actor, what="change role profiles")
    with transaction.atomic():
        model = stored_model()
        profile = read_role_profile(document, model=model)
        row = p.RoleProfile.objects.create(ordinal=next_ordinal(p.RoleProfile), **_role_columns(profile))
        after = role_profile_document(profile)
        audit.record(actor=actor, action="role_profile.create", subject=_role_subject(profile), after=after)
    return SavedEntity(id=row.pk, version=fingerprint(after))


def update_role_profile(*, actor: Actor, profile_id: int, changes: Any, version: Any) -> SavedEntity:
    """Change a role profile. Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid."""
    require_editor(actor, what="change role profiles")
    with transaction.atomic():
        model = stored_model()
        current = find(role_profiles_by_id(model), profile_id, "role profile")
        before = role_profile_document(current)
        expect_version(version, before, what=f"role profile {profile_id}")
        document = merged(before, changes, fixed=(), what="role profile")
        profile = read_role_profile(document, model=model, replacing=current)
        p.RoleProfile.objects.filter(id=profile_id).update(**_role_columns(profile))
        after = role_profile_document(profile)
        audit.record(
            actor=actor, action="role_profile.update", subject=_role_subject(profile), before=before, after=after
        )
    return SavedEntity(id=profile_id, version=fingerprint(after))


def delete_role_profile(*, actor: Actor, profile_id: int, version: Any = None) -> None:
    """Delete a role profile. Raises NotFound, PermissionDenied and Conflict (stale `version`)."""
    require_editor(actor, what="change role profiles")
    with transaction.atomic():
        model = stored_model()
        current = find(role_profiles_by_id(model), profile_id, "role profile")
        before = role_profile_document(current)
        expect_version(version, before, what=f"role profile {profile_id}", required=False)
        p.RoleProfile.objects.filter(id=profile_id).delete()
        audit.record(actor=actor, action="role_profile.delete", subject=_role_subject(current), before=before)
