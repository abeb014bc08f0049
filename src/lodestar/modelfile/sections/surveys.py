"""Section reader for the role-clarity surveys: rounds, participants and anonymous responses.

A survey is a record of its time: the unit, person and task ids it holds must be ids, but
need not name anything that still exists, so they are checked here and not in `references.py`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lodestar.lib.surveys import (
    CLARITY_HIGH,
    CLARITY_LOW,
    CLARITY_QUESTIONS,
    DONT_KNOW,
    Survey,
    SurveyAnswer,
    SurveyResponse,
    response_order,
)
from lodestar.modelfile.reader import MISSING, Reader, describe
from lodestar.modelfile.sections.common import Indexed

SURVEY_KEYS = frozenset(
    {"id", "name", "opens", "closes", "audience", "tasks", "min_group", "participants", "responses"}
)
SURVEY_RESPONSE_KEYS = frozenset({"unit", "date", "clarity", "answers"})
SURVEY_CLARITY_KEYS = frozenset(CLARITY_QUESTIONS)
SURVEY_ANSWER_KEYS = frozenset({"task", "accountable", "responsible"})
MIN_GROUP_MAX = 1_000_000


def _unit(r: Reader, value: Any, path: str) -> str | None:
    """A unit id: any id but `dont_know`."""
    unit = r.ident(value, path)
    if unit == DONT_KNOW:
        r.error(path, f"{DONT_KNOW!r} is not a unit id")
        return None
    return unit


def _ids(r: Reader, value: Any, path: str, *, units: bool = False) -> list[str] | None:
    """A list of ids without repeats (unit ids when `units`); None if it is not a list."""
    if value is MISSING:
        return None
    if type(value) is not list:
        r.error(path, f"expected a list of ids, got {describe(value)}")
        return None
    result: list[str] = []
    for index, item in enumerate(value):
        where = f"{path}[{index}]"
        found = _unit(r, item, where) if units else r.ident(item, where)
        if found is None:
            continue
        if found in result:
            r.error(where, f"{found!r} is listed twice")
            continue
        result.append(found)
    return result


def _clarity(r: Reader, value: Any, path: str) -> dict[str, int] | None:
    d = r.mapping(value, path, allowed=SURVEY_CLARITY_KEYS)
    if d is None:
        return None
    clarity: dict[str, int] = {}
    for question in CLARITY_QUESTIONS:
        if question in d:
            level = r.integer(d[question], f"{path}.{question}", low=CLARITY_LOW, high=CLARITY_HIGH)
            if level is not None:
                clarity[question] = level
    return clarity


def _responsible(r: Reader, value: Any, path: str) -> list[str] | str | None:
    if value == DONT_KNOW:
        return DONT_KNOW
    if type(value) is not list:
        r.error(path, f"expected a list of unit ids or {DONT_KNOW!r}, got {describe(value)}")
        return None
    return _ids(r, value, path, units=True)


def _answers(r: Reader, value: Any, path: str, asked: list[str] | None) -> list[SurveyAnswer] | None:
    if type(value) is not list:
        r.error(path, f"expected a list, got {describe(value)}")
        return None
    answers: list[SurveyAnswer] = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        where = f"{path}[{index}]"
        d = r.mapping(item, where, allowed=SURVEY_ANSWER_KEYS, required=("task",))
        if d is None:
            continue
        task = r.ident(d["task"], f"{where}.task")
        if task is not None and asked is not None and task not in asked:
            r.error(f"{where}.task", f"{task!r} is not one of the survey's tasks")
            task = None
        if task is not None and task in seen:
            r.error(f"{where}.task", f"{task!r} is answered twice in one response")
            task = None
        accountable = None
        if "accountable" in d:
            accountable = r.ident(d["accountable"], f"{where}.accountable")
        responsible = _responsible(r, d["responsible"], f"{where}.responsible") if "responsible" in d else None
        if task is not None:
            seen.add(task)
            answers.append(SurveyAnswer(task=task, accountable=accountable, responsible=responsible))
    return answers


def read_response(
    r: Reader, item: Any, path: str, window: tuple[date, date] | None, asked: list[str] | None
) -> SurveyResponse | None:
    """One response, its date within `window` (when known) and its answers for the `asked` tasks (None: any)."""
    d = r.mapping(item, path, allowed=SURVEY_RESPONSE_KEYS, required=("unit", "date"))
    if d is None:
        return None
    unit = _unit(r, d["unit"], f"{path}.unit")
    day = r.day(d["date"], f"{path}.date")
    if day is not None and window is not None and not window[0] <= day <= window[1]:
        r.error(
            f"{path}.date",
            f"{day.isoformat()} is outside the survey's {window[0].isoformat()} to {window[1].isoformat()}",
        )
        day = None
    clarity = _clarity(r, d["clarity"], f"{path}.clarity") if "clarity" in d else None
    answers = _answers(r, d["answers"], f"{path}.answers", asked) if "answers" in d else None
    if unit is None or day is None:
        return None
    return SurveyResponse(unit=unit, date=day, clarity=clarity, answers=answers)


def read_surveys(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    for i, item in enumerate(r.items(value, "surveys")):
        path = f"surveys[{i}]"
        d = r.mapping(item, path, allowed=SURVEY_KEYS, required=("id", "name", "opens", "closes", "audience"))
        if d is None:
            continue
        opens = r.day(d["opens"], f"{path}.opens")
        closes = r.day(d["closes"], f"{path}.closes")
        if opens is not None and closes is not None and opens > closes:
            r.error(f"{path}.closes", f"{closes.isoformat()} is before the survey opens ({opens.isoformat()})")
            closes = None
        audience = _ids(r, d["audience"], f"{path}.audience", units=True)
        if audience == [] and type(d["audience"]) is list and not d["audience"]:
            r.error(f"{path}.audience", "name at least one unit")
        tasks = _ids(r, d["tasks"], f"{path}.tasks") if d.get("tasks") is not None else None
        min_group = r.integer(d.get("min_group"), f"{path}.min_group", low=1, high=MIN_GROUP_MAX, optional=True)
        participants = _ids(r, d["participants"], f"{path}.participants") if d.get("participants") is not None else []
        survey = Survey(
            id=r.ident(d["id"], f"{path}.id") or "",
            name=r.text(d["name"], f"{path}.name") or "",
            opens=opens or date.min,
            closes=closes or date.min,
            audience=audience or [],
            tasks=tasks,
            min_group=min_group,
            participants=sorted(participants or []),
        )
        window = (opens, closes) if opens is not None and closes is not None else None
        raw = r.items(d.get("responses"), f"{path}.responses")
        given = d.get("participants")
        count = len(given) if type(given) is list else 0 if given is None else None
        if count is not None and type(d.get("responses") or []) is list and len(raw) != count:
            r.error(
                f"{path}.responses",
                f"{len(raw)} response(s) for {count} participant(s): there is exactly one response per participant",
            )
        responses = [read_response(r, item, f"{path}.responses[{j}]", window, tasks) for j, item in enumerate(raw)]
        survey.responses = sorted((x for x in responses if x is not None), key=response_order)
        if survey.id and survey.name and opens is not None and closes is not None and audience:
            result.append((i, survey))
    return result
