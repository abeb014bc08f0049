"""The form of a survey round's settings: what it shows, and the service's document read from a post.

Everything posted is shown again on a refusal: the name, the id, the dates, the audience units and
the tasks ticked, and `min_group` as typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.http import QueryDict

from lodestar.lib import clock
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model, Task
from lodestar.lib.surveys import DEFAULT_MIN_GROUP, Survey
from lodestar.scoring.surveys import asked_tasks
from lodestar.web.form_values import integer, text

DEFAULT_DAYS_OPEN = 14
ALL_TASKS = "default"
CHOSEN_TASKS = "chosen"
FIELDS = ("name", "id", "opens", "closes", "audience", "tasks", "min_group")


@dataclass
class RoundForm:
    name: str = ""
    id: str = ""
    opens: str = ""
    closes: str = ""
    audience: list[str] = field(default_factory=list)
    tasks_mode: str = ALL_TASKS
    tasks: list[str] = field(default_factory=list)
    min_group: str = str(DEFAULT_MIN_GROUP)


def blank_form() -> RoundForm:
    """A new round: open from today for two weeks, every task not being dropped, groups of five."""
    today = clock.today()
    return RoundForm(opens=today.isoformat(), closes=(today + timedelta(days=DEFAULT_DAYS_OPEN)).isoformat())


def form_of(survey: Survey) -> RoundForm:
    return RoundForm(
        name=survey.name,
        id=survey.id,
        opens=survey.opens.isoformat(),
        closes=survey.closes.isoformat(),
        audience=list(survey.audience),
        tasks_mode=ALL_TASKS if survey.tasks is None else CHOSEN_TASKS,
        tasks=list(survey.tasks or []),
        min_group=str(survey.group),
    )


def posted_form(data: QueryDict) -> RoundForm:
    return RoundForm(
        name=text(data, "name"),
        id=text(data, "id"),
        opens=text(data, "opens"),
        closes=text(data, "closes"),
        audience=[unit for unit in dict.fromkeys(data.getlist("audience")) if unit],
        tasks_mode=CHOSEN_TASKS if text(data, "tasks_mode") == CHOSEN_TASKS else ALL_TASKS,
        tasks=[task for task in dict.fromkeys(data.getlist("tasks")) if task],
        min_group=text(data, "min_group"),
    )


def document_of(form: RoundForm, *, with_id: bool) -> dict[str, Any]:
    """The settings as `create_survey` and `update_survey` take them; `tasks` None: the spec's default."""
    document: dict[str, Any] = {
        "name": form.name,
        "opens": form.opens,
        "closes": form.closes,
        "audience": form.audience,
        "tasks": form.tasks if form.tasks_mode == CHOSEN_TASKS else None,
        "min_group": integer(form.min_group) if form.min_group else None,
    }
    if with_id:
        document["id"] = form.id
        document = {key: value for key, value in document.items() if value is not None}
    return document


def field_of(path: str) -> str:
    """The form field an issue of the service belongs to (`audience[1]` → `audience`); "" for the form."""
    key = path.split("[", 1)[0].split(".", 1)[0]
    return key if key in FIELDS else ""


def unit_choices(model: Model) -> list[tuple[str, str, int]]:
    """Every unit as (id, name, depth), in tree order."""
    index = ModelIndex(model)
    return [(unit.id, unit.name, index.depth(unit.id)) for unit in index.in_tree_order()]


def task_choices(model: Model) -> list[tuple[Task, bool]]:
    """Every task with whether the spec's default asks it (its change is not `drop`)."""
    default = set(asked_tasks(Survey(id="", name="", opens=clock.today(), closes=clock.today()), model))
    return [(task, task.id in default) for task in model.tasks]
