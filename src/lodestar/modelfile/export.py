"""Turn a Model into a format-1 document, sections in the spec's order, absent ones left out."""

from __future__ import annotations

import hashlib
from typing import Any

from lodestar.lib.model import KeyResult, Model
from lodestar.modelfile.documents import (
    canonical_metric,
    check_in_document,
    competency_document,
    dependency_document,
    goal_document,
    key_result_document,
    kpi_document,
    location_document,
    measurement_document,
    mission_document,
    organization_document,
    period_document,
    person_document,
    role_profile_document,
    task_document,
    touchpoint_document,
    unit_document,
    vision_answer_document,
)
from lodestar.modelfile.scenario_document import scenario_document
from lodestar.modelfile.survey_documents import survey_document
from lodestar.modelfile.yaml_io import dump_yaml


def _key_result_in_file(kr: KeyResult) -> dict[str, Any]:
    """A key result with its measurements (by date) and check-ins, as the whole file holds it."""
    document = key_result_document(kr)
    if "metric" in document:
        document["metric"] = canonical_metric(kr.metric)
    measurements = [measurement_document(x) for x in sorted(kr.measurements, key=lambda x: x.date)]
    check_ins = [check_in_document(c) for c in kr.check_ins]
    return {
        **document,
        **({"measurements": measurements} if measurements else {}),
        **({"check_ins": check_ins} if check_ins else {}),
    }


def to_document(model: Model) -> dict[str, Any]:
    """The model as a format-1 document (plain dicts and lists)."""
    document: dict[str, Any] = {"lodestar": 1, "organization": organization_document(model.organization)}
    sections: list[tuple[str, Any]] = [
        ("locations", [location_document(x) for x in model.locations]),
        ("units", [unit_document(u) for u in model.units]),
        ("people", [person_document(p) for p in model.people]),
        ("mission", mission_document(model.mission) if model.mission else None),
        ("role_profiles", [role_profile_document(r) for r in model.role_profiles]),
        ("vision", [vision_answer_document(v) for v in model.vision]),
        ("tasks", [task_document(t) for t in model.tasks]),
        ("dependencies", [dependency_document(d) for d in model.dependencies]),
        ("competencies", [competency_document(c) for c in model.competencies]),
        ("touchpoints", [touchpoint_document(t) for t in model.touchpoints]),
        ("periods", [period_document(p) for p in model.periods]),
        (
            "goals",
            [goal_document(g, key_results=[_key_result_in_file(kr) for kr in g.key_results]) for g in model.goals],
        ),
        ("kpis", [kpi_document(k) for k in model.kpis]),
        ("scenarios", [scenario_document(s) for s in model.scenarios]),
        ("surveys", [survey_document(s) for s in model.surveys]),
    ]
    for key, value in sections:
        if key == "units" or (value is not None and value != []):
            document[key] = value
    return document


HEADER = "# Lodestar model file, format 1\nlodestar: 1\n"


def export_text(model: Model) -> str:
    """The model as format-1 YAML text, without a revision stamp."""
    return "# Lodestar model file, format 1\n" + dump_yaml(to_document(model))


def revision_of(text: str) -> str:
    """The revision of an export: `sha256:` and the hex digest of its text without the revision line."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def stamped(text: str) -> str:
    """The export text with its revision line, right after `lodestar: 1` where a reader sees it first."""
    if not text.startswith(HEADER):
        raise ValueError("not a text that export_text wrote")
    return f"{HEADER}revision: {revision_of(text)}\n{text[len(HEADER) :]}"
