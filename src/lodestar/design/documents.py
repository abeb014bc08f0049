"""Purpose and design entities as documents in the model file's format (JSON-ready: dates as text)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from lodestar.lib import model as m
from lodestar.lib.vocabulary import DECISION_AREAS


def _compact(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    return {key: value for key, value in pairs if value is not None and value not in ([], {})}


def fingerprint(document: dict[str, Any]) -> str:
    """The version of an entity: a short digest of its document, so that any change moves it on."""
    text = json.dumps(document, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def mission_document(mission: m.Mission) -> dict[str, Any]:
    return _compact(
        [
            ("statement", mission.statement),
            ("scope", mission.scope),
            ("adopted", mission.adopted.isoformat() if mission.adopted else None),
            ("principles", list(mission.principles)),
        ]
    )


def _role_state(state: m.RoleState) -> dict[str, Any]:
    rights = {area: state.decision_rights[area] for area in DECISION_AREAS if area in state.decision_rights}
    return {"decision_rights": rights, "sales_alignment": state.sales_alignment}


def role_profile_document(profile: m.RoleProfile) -> dict[str, Any]:
    return _compact(
        [
            ("unit", profile.unit),
            ("toward", profile.toward),
            ("horizon", profile.horizon),
            ("as_is", _role_state(profile.as_is)),
            ("target", _role_state(profile.target)),
            ("rationale", profile.rationale),
        ]
    )


def vision_answer_document(answer: m.VisionAnswer) -> dict[str, Any]:
    return _compact(
        [
            ("question", answer.question),
            ("scope", answer.scope),
            ("toward", answer.toward),
            ("status", answer.status),
            ("answer", answer.answer),
            ("owner", answer.owner),
        ]
    )


def task_document(task: m.Task) -> dict[str, Any]:
    return {
        **_compact([("id", task.id), ("name", task.name), ("change", task.change), ("delivery", task.delivery)]),
        "responsible": list(task.responsible),
        **_compact(
            [
                ("accountable", task.accountable),
                ("consulted", list(task.consulted)),
                ("informed", list(task.informed)),
                ("locations", list(task.locations)),
                ("toward", list(task.toward)),
                ("competencies", dict(task.competencies)),
            ]
        ),
    }


def dependency_document(dependency: m.Dependency) -> dict[str, Any]:
    return {
        "from": dependency.from_unit,
        "to": dependency.to_unit,
        "about": dependency.about,
        "kind": dependency.kind,
        "now": dependency.now,
        "target": dependency.target,
    }


def competency_document(competency: m.Competency) -> dict[str, Any]:
    return _compact(
        [
            ("id", competency.id),
            ("name", competency.name),
            ("category", competency.category),
            ("required", dict(competency.required)),
        ]
    )


def touchpoint_document(touchpoint: m.Touchpoint) -> dict[str, Any]:
    return _compact(
        [
            ("id", touchpoint.id),
            ("name", touchpoint.name),
            ("stage", touchpoint.stage),
            ("channel", touchpoint.channel),
            ("owner", touchpoint.owner),
            ("contributors", list(touchpoint.contributors)),
        ]
    )
