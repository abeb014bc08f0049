"""Turn a Model into a format-1 document, keys in the spec's order, absent values left out."""

from __future__ import annotations

from typing import Any

from lodestar.lib import model as m
from lodestar.lib.vocabulary import DECISION_AREAS
from lodestar.modelfile.yaml_io import dump_yaml


def _number(value: float) -> int | float:
    """40.0 is written as 40; the value is the same on the way back."""
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def _compact(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A mapping of the pairs whose value is present (None and empty collections left out)."""
    return {key: value for key, value in pairs if value is not None and value not in ([], {})}


def _maybe(value: float | None) -> int | float | None:
    return None if value is None else _number(value)


def _measurements(measurements: list[m.Measurement]) -> list[dict[str, Any]]:
    return [
        _compact([("date", x.date), ("value", _number(x.value)), ("source", x.source)])
        for x in sorted(measurements, key=lambda x: x.date)
    ]


def _metric(binding: m.MetricBinding | None) -> Any:
    if binding is None or isinstance(binding, str):
        return binding
    where = binding.get("where")
    ordered_where = dict(sorted(where.items())) if isinstance(where, dict) else where
    return _compact(
        [
            ("id", binding.get("id")),
            ("where", ordered_where),
            ("window", binding.get("window")),
            ("grain", binding.get("grain")),
        ]
    )


def _key_result(kr: m.KeyResult) -> dict[str, Any]:
    return _compact(
        [
            ("id", kr.id),
            ("title", kr.title),
            ("unit", kr.unit),
            ("baseline", _maybe(kr.baseline)),
            ("target", _maybe(kr.target)),
            ("direction", kr.direction),
            ("range", [_number(kr.range[0]), _number(kr.range[1])] if kr.range else None),
            ("weight", _maybe(kr.weight)),
            ("metric", _metric(kr.metric)),
            ("measurements", _measurements(kr.measurements)),
            (
                "check_ins",
                [
                    _compact([("date", c.date), ("by", c.by), ("confidence", c.confidence), ("note", c.note)])
                    for c in kr.check_ins
                ],
            ),
        ]
    )


def _goal(goal: m.Goal) -> dict[str, Any]:
    return _compact(
        [
            ("id", goal.id),
            ("title", goal.title),
            ("owner", goal.owner),
            ("period", goal.period),
            (
                "contributes_to",
                [_compact([("goal", c.goal), ("weight", _maybe(c.weight))]) for c in goal.contributes_to],
            ),
            ("tasks", goal.tasks),
            ("key_results", [_key_result(kr) for kr in goal.key_results]),
            ("description", goal.description),
        ]
    )


def _role_state(state: m.RoleState) -> dict[str, Any]:
    rights = {area: state.decision_rights[area] for area in DECISION_AREAS if area in state.decision_rights}
    return {"decision_rights": rights, "sales_alignment": state.sales_alignment}


def to_document(model: m.Model) -> dict[str, Any]:
    """The model as a format-1 document (plain dicts and lists)."""
    o = model.organization
    document: dict[str, Any] = {
        "lodestar": 1,
        "organization": _compact([("name", o.name), ("industry", o.industry), ("currency", o.currency)]),
    }
    sections: list[tuple[str, Any]] = [
        ("locations", [{"id": x.id, "name": x.name} for x in model.locations]),
        (
            "units",
            [
                _compact(
                    [
                        ("id", u.id),
                        ("name", u.name),
                        ("kind", u.kind),
                        ("parent", u.parent),
                        ("location", u.location),
                        ("lead", u.lead),
                        ("core", u.core),
                        ("purpose", u.purpose),
                    ]
                )
                for u in model.units
            ],
        ),
        (
            "people",
            [
                _compact(
                    [
                        ("id", p.id),
                        ("name", p.name),
                        ("unit", p.unit),
                        ("email", p.email),
                        ("position", p.position),
                        ("competencies", dict(p.competencies)),
                    ]
                )
                for p in model.people
            ],
        ),
        (
            "mission",
            _compact(
                [
                    ("statement", model.mission.statement),
                    ("scope", model.mission.scope),
                    ("adopted", model.mission.adopted),
                    ("principles", list(model.mission.principles)),
                ]
            )
            if model.mission
            else None,
        ),
        (
            "role_profiles",
            [
                _compact(
                    [
                        ("unit", r.unit),
                        ("toward", r.toward),
                        ("horizon", r.horizon),
                        ("as_is", _role_state(r.as_is)),
                        ("target", _role_state(r.target)),
                        ("rationale", r.rationale),
                    ]
                )
                for r in model.role_profiles
            ],
        ),
        (
            "vision",
            [
                _compact(
                    [
                        ("question", v.question),
                        ("scope", v.scope),
                        ("toward", v.toward),
                        ("status", v.status),
                        ("answer", v.answer),
                        ("owner", v.owner),
                    ]
                )
                for v in model.vision
            ],
        ),
        (
            "tasks",
            [
                {
                    **_compact([("id", t.id), ("name", t.name), ("change", t.change), ("delivery", t.delivery)]),
                    "responsible": list(t.responsible),
                    **_compact(
                        [
                            ("accountable", t.accountable),
                            ("consulted", t.consulted),
                            ("informed", t.informed),
                            ("locations", t.locations),
                            ("toward", t.toward),
                            ("competencies", dict(t.competencies)),
                        ]
                    ),
                }
                for t in model.tasks
            ],
        ),
        (
            "dependencies",
            [
                {
                    "from": d.from_unit,
                    "to": d.to_unit,
                    "about": d.about,
                    "kind": d.kind,
                    "now": d.now,
                    "target": d.target,
                }
                for d in model.dependencies
            ],
        ),
        (
            "competencies",
            [
                _compact([("id", c.id), ("name", c.name), ("category", c.category), ("required", dict(c.required))])
                for c in model.competencies
            ],
        ),
        (
            "touchpoints",
            [
                _compact(
                    [
                        ("id", t.id),
                        ("name", t.name),
                        ("stage", t.stage),
                        ("channel", t.channel),
                        ("owner", t.owner),
                        ("contributors", t.contributors),
                    ]
                )
                for t in model.touchpoints
            ],
        ),
        ("periods", [{"id": p.id, "start": p.start, "end": p.end} for p in model.periods]),
        ("goals", [_goal(g) for g in model.goals]),
        (
            "kpis",
            [
                _compact(
                    [
                        ("id", k.id),
                        ("name", k.name),
                        ("owner", k.owner),
                        ("unit", k.unit),
                        ("touchpoint", k.touchpoint),
                        ("better", k.better),
                        ("green", _number(k.green)),
                        ("red", _number(k.red)),
                        ("metric", _metric(k.metric)),
                        ("measurements", _measurements(k.measurements)),
                    ]
                )
                for k in model.kpis
            ],
        ),
    ]
    for key, value in sections:
        if key == "units" or (value is not None and value != []):
            document[key] = value
    return document


def export_text(model: m.Model) -> str:
    """The model as format-1 YAML text."""
    return "# Lodestar model file, format 1\n" + dump_yaml(to_document(model))
