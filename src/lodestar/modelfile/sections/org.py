"""Section readers for the organization and its purpose: units, locations, people, mission, role profiles, vision."""

from __future__ import annotations

from typing import Any

from lodestar.lib.model import (
    Cadence,
    Location,
    Mission,
    Organization,
    Person,
    RoleProfile,
    RoleState,
    Unit,
    VisionAnswer,
)
from lodestar.lib.vocabulary import (
    CADENCE_EVERY,
    DECISION_AREAS,
    DECISION_LEVELS,
    MONTH_DAYS,
    SALES_ALIGNMENTS,
    UNIT_KINDS,
    VISION_QUESTIONS,
    VISION_STATUSES,
    WEEKDAYS,
)
from lodestar.modelfile.reader import MISSING, Reader
from lodestar.modelfile.sections.common import (
    CADENCE_KEYS,
    CURRENCY_LENGTH,
    LOCATION_KEYS,
    MISSION_KEYS,
    ORGANIZATION_KEYS,
    PERSON_KEYS,
    ROLE_KEYS,
    ROLE_STATE_KEYS,
    UNIT_KEYS,
    VISION_KEYS,
    Indexed,
    looks_like_email,
    short,
)


def read_organization(r: Reader, value: Any) -> Organization:
    d = r.mapping(value, "organization", allowed=ORGANIZATION_KEYS, required=("name",))
    if d is None:
        return Organization(name="?")
    currency = d.get("currency", "EUR")
    if (
        type(currency) is not str
        or len(currency) != CURRENCY_LENGTH
        or not currency.isascii()
        or not currency.isupper()
    ):
        r.error("organization.currency", f"expected an ISO 4217 code such as EUR, got {short(currency)}")
        currency = "EUR"
    return Organization(
        name=r.text(d["name"], "organization.name") or "?",
        industry=r.text(d.get("industry"), "organization.industry", optional=True),
        currency=currency,
    )


def read_locations(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "locations")):
        path = f"locations[{i}]"
        d = r.mapping(item, path, allowed=LOCATION_KEYS, required=("id", "name"))
        if d is None:
            continue
        ident, name = r.ident(d["id"], f"{path}.id"), r.text(d["name"], f"{path}.name")
        if ident and name:
            result.append((i, Location(id=ident, name=name)))
    return result


def read_units(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "units")):
        path = f"units[{i}]"
        d = r.mapping(item, path, allowed=UNIT_KEYS, required=("id", "name", "kind"))
        if d is None:
            continue
        unit = Unit(
            id=r.ident(d["id"], f"{path}.id") or "",
            name=r.text(d["name"], f"{path}.name") or "",
            kind=r.choice(d["kind"], f"{path}.kind", UNIT_KINDS) or "",
            parent=r.ref(d.get("parent"), f"{path}.parent", optional=True),
            location=r.ref(d.get("location"), f"{path}.location", optional=True),
            lead=r.ref(d.get("lead"), f"{path}.lead", optional=True),
            core=r.boolean(d.get("core"), f"{path}.core"),
            purpose=r.text(d.get("purpose"), f"{path}.purpose", optional=True, long=True),
            cadence=read_cadence(r, d.get("cadence"), f"{path}.cadence"),
        )
        if unit.core is not None and unit.kind and unit.kind != "business_unit":
            r.error(f"{path}.core", f"only business units have core; this unit is a {unit.kind}")
        # A parent that cannot be read must not make the unit a second root.
        if unit.id and unit.name and unit.kind and (unit.parent is not None or d.get("parent") is None):
            result.append((i, unit))
    return result


def read_cadence(r: Reader, value: Any, path: str) -> Cadence | None:
    """`{every, day}`: a weekday for week and two_weeks, a day of the month 1-28 for month."""
    if value is None:
        return None
    d = r.mapping(value, path, allowed=CADENCE_KEYS, required=("every", "day"))
    if d is None:
        return None
    every = r.choice(d["every"], f"{path}.every", CADENCE_EVERY)
    day: str | int | None = None
    if every == "month":
        low, high = MONTH_DAYS
        day = r.integer(d["day"], f"{path}.day", low=low, high=high)
    elif every is not None:
        day = r.choice(d["day"], f"{path}.day", WEEKDAYS)
    return Cadence(every=every, day=day) if every is not None and day is not None else None


def read_people(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "people")):
        path = f"people[{i}]"
        d = r.mapping(item, path, allowed=PERSON_KEYS, required=("id", "name", "unit"))
        if d is None:
            continue
        person = Person(
            id=r.ident(d["id"], f"{path}.id") or "",
            name=r.text(d["name"], f"{path}.name") or "",
            unit=r.ref(d["unit"], f"{path}.unit") or "",
            email=r.text(d.get("email"), f"{path}.email", optional=True),
            position=r.text(d.get("position"), f"{path}.position", optional=True),
            competencies=r.levels(d.get("competencies"), f"{path}.competencies", low=0, high=5),
            reminders=r.boolean(d.get("reminders"), f"{path}.reminders"),
        )
        if person.email is not None and not looks_like_email(person.email):
            r.error(f"{path}.email", f"{person.email!r} is not an email address")
        if person.id and person.name and person.unit:
            result.append((i, person))
    return result


def read_mission(r: Reader, value: Any) -> Mission | None:
    if value is None:
        return None
    d = r.mapping(value, "mission", allowed=MISSION_KEYS, required=("statement", "scope"))
    if d is None:
        return None
    principles = [
        text
        for j, item in enumerate(r.items(d.get("principles"), "mission.principles"))
        if (text := r.text(item, f"mission.principles[{j}]", long=True)) is not None
    ]
    statement = r.text(d["statement"], "mission.statement", long=True)
    scope = r.ref(d["scope"], "mission.scope")
    adopted = r.day(d.get("adopted"), "mission.adopted", optional=True)
    if statement is None or scope is None:
        return None
    return Mission(statement=statement, scope=scope, adopted=adopted, principles=principles)


def _role_state(r: Reader, value: Any, path: str) -> RoleState | None:
    d = r.mapping(value, path, allowed=ROLE_STATE_KEYS, required=("decision_rights", "sales_alignment"))
    if d is None:
        return None
    rights_path = f"{path}.decision_rights"
    rights: dict[str, str] = {}
    raw = d["decision_rights"]
    if raw is not None and raw is not MISSING and type(raw) is not dict:
        r.error(rights_path, "expected a mapping of decision area to level")
    for area, level in (raw or {}).items() if type(raw) is dict else ():
        if area not in DECISION_AREAS:
            r.error(f"{rights_path}.{area}", f"unknown decision area; expected one of {', '.join(DECISION_AREAS)}")
            continue
        checked = r.choice(level, f"{rights_path}.{area}", DECISION_LEVELS)
        if checked is not None:
            rights[area] = checked
    alignment = r.choice(d["sales_alignment"], f"{path}.sales_alignment", SALES_ALIGNMENTS)
    return RoleState(decision_rights=rights, sales_alignment=alignment) if alignment else None


def read_role_profiles(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "role_profiles")):
        path = f"role_profiles[{i}]"
        d = r.mapping(item, path, allowed=ROLE_KEYS, required=("unit", "as_is", "target"))
        if d is None:
            continue
        unit = r.ref(d["unit"], f"{path}.unit")
        as_is = _role_state(r, d["as_is"], f"{path}.as_is")
        target = _role_state(r, d["target"], f"{path}.target")
        profile_toward = r.ref(d.get("toward"), f"{path}.toward", optional=True)
        horizon = r.integer(d.get("horizon"), f"{path}.horizon", low=1900, high=2200, optional=True)
        rationale = r.text(d.get("rationale"), f"{path}.rationale", optional=True, long=True)
        if unit and as_is and target:
            result.append(
                (
                    i,
                    RoleProfile(
                        unit=unit,
                        as_is=as_is,
                        target=target,
                        toward=profile_toward,
                        horizon=horizon,
                        rationale=rationale,
                    ),
                )
            )
    return result


def read_vision(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "vision")):
        path = f"vision[{i}]"
        d = r.mapping(item, path, allowed=VISION_KEYS, required=("question", "status"))
        if d is None:
            continue
        answer = VisionAnswer(
            question=r.choice(d["question"], f"{path}.question", VISION_QUESTIONS) or "",
            status=r.choice(d["status"], f"{path}.status", VISION_STATUSES) or "",
            scope=r.ref(d.get("scope"), f"{path}.scope", optional=True),
            toward=r.ref(d.get("toward"), f"{path}.toward", optional=True),
            answer=r.text(d.get("answer"), f"{path}.answer", optional=True, long=True),
            owner=r.ref(d.get("owner"), f"{path}.owner", optional=True),
        )
        if answer.question and answer.status:
            result.append((i, answer))
    return result
