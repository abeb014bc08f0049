"""The kinds of entity of the design workspace, one entry each, read by the web forms and the API alike.

An entry names the service functions that create, change and delete the kind (`create_task`,
`update_task`, `delete_task`, ...), where its entities are in a loaded model, and its
document in the model file's format. Entities are identified by their own `id` (tasks,
competencies, touchpoints), by their row (vision answers, role profiles, dependencies), or are
the only one of their kind (the mission).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from lodestar.design.services.common import find, row_id
from lodestar.design.services.competencies import (
    create_competency,
    delete_competency,
    find_competency,
    update_competency,
)
from lodestar.design.services.dependencies import (
    create_dependency,
    delete_dependency,
    dependencies_by_id,
    update_dependency,
)
from lodestar.design.services.tasks import create_task, delete_task, find_task, update_task
from lodestar.design.services.touchpoints import (
    create_touchpoint,
    delete_touchpoint,
    find_touchpoint,
    update_touchpoint,
)
from lodestar.lib.errors import NotFound
from lodestar.lib.model import Competency, Dependency, Mission, Model, RoleProfile, Task, Touchpoint, VisionAnswer
from lodestar.lib.wording import Term, Wording, gettext_noop
from lodestar.modelfile.documents import (
    competency_document,
    dependency_document,
    mission_document,
    role_profile_document,
    task_document,
    touchpoint_document,
    vision_answer_document,
)
from lodestar.purpose.services import (
    create_mission,
    create_role_profile,
    create_vision_answer,
    delete_mission,
    delete_role_profile,
    delete_vision_answer,
    role_profiles_by_id,
    update_mission,
    update_role_profile,
    update_vision_answer,
    vision_answers_by_id,
)
from lodestar.store.versions import Saved

Identity = Literal["id", "row", "single"]


@dataclass(frozen=True)
class DesignKind:
    """How one kind of entity is found, written as a document, created, changed and deleted.

    The service functions take keyword arguments: `create(actor=, document=)`,
    `update(actor=, <key_argument>=, changes=, version=)`, `delete(actor=, <key_argument>=, version=)`;
    the mission, the only one of its kind, has no key argument.
    """

    name: str
    what: str  # in messages: "add a vision answer"
    identity: Identity
    entities: Callable[[Model], dict[Any, Any]]  # by id or row id, in model order
    find: Callable[[Model, Any], Any]  # raises NotFound
    document: Callable[[Any], dict[str, Any]]
    label: Callable[[Any], Wording]  # "the task “Key accounts”", said in the reader's language on a page
    create: Callable[..., Saved[Any]]
    update: Callable[..., Saved[Any]]
    delete: Callable[..., None]
    key_argument: str | None

    def key_of(self, raw: str) -> Any:
        """The key of a path segment or form value: a row id (NotFound if it is none) or the id itself."""
        return row_id(raw, self.what) if self.identity == "row" else raw

    def key_arguments(self, key: Any) -> dict[str, Any]:
        return {} if self.key_argument is None else {self.key_argument: key}


def the_mission(model: Model) -> dict[str, Mission]:
    return {"": model.mission} if model.mission is not None else {}


def find_mission(model: Model, key: Any) -> Mission:
    if model.mission is None:
        raise NotFound(Wording.of(gettext_noop("the model has no mission yet")))
    return model.mission


def find_vision_answer(model: Model, answer_id: int) -> VisionAnswer:
    return find(vision_answers_by_id(model), answer_id, "vision answer")


def find_role_profile(model: Model, profile_id: int) -> RoleProfile:
    return find(role_profiles_by_id(model), profile_id, "role profile")


def find_dependency(model: Model, dependency_id: int) -> Dependency:
    return find(dependencies_by_id(model), dependency_id, "dependency")


def tasks_by_id(model: Model) -> dict[str, Task]:
    return {task.id: task for task in model.tasks}


def competencies_by_id(model: Model) -> dict[str, Competency]:
    return {competency.id: competency for competency in model.competencies}


def touchpoints_by_id(model: Model) -> dict[str, Touchpoint]:
    return {touchpoint.id: touchpoint for touchpoint in model.touchpoints}


MISSION = DesignKind(
    name="mission",
    what="mission",
    identity="single",
    entities=the_mission,
    find=find_mission,
    document=mission_document,
    label=lambda mission: Wording.of(gettext_noop("the mission")),
    create=create_mission,
    update=update_mission,
    delete=delete_mission,
    key_argument=None,
)
VISION_ANSWER = DesignKind(
    name="vision",
    what="vision answer",
    identity="row",
    entities=vision_answers_by_id,
    find=find_vision_answer,
    document=vision_answer_document,
    label=lambda answer: Wording.of(
        gettext_noop("the answer to “%(question)s”"), question=Term("vision_question", answer.question)
    ),
    create=create_vision_answer,
    update=update_vision_answer,
    delete=delete_vision_answer,
    key_argument="answer_id",
)
ROLE_PROFILE = DesignKind(
    name="role_profile",
    what="role profile",
    identity="row",
    entities=role_profiles_by_id,
    find=find_role_profile,
    document=role_profile_document,
    label=lambda profile: Wording.of(gettext_noop("the role profile of %(unit)s"), unit=profile.unit),
    create=create_role_profile,
    update=update_role_profile,
    delete=delete_role_profile,
    key_argument="profile_id",
)
TASK = DesignKind(
    name="task",
    what="task",
    identity="id",
    entities=tasks_by_id,
    find=find_task,
    document=task_document,
    label=lambda task: Wording.of(gettext_noop("the task “%(name)s”"), name=task.name),
    create=create_task,
    update=update_task,
    delete=delete_task,
    key_argument="task_id",
)
DEPENDENCY = DesignKind(
    name="dependency",
    what="dependency",
    identity="row",
    entities=dependencies_by_id,
    find=find_dependency,
    document=dependency_document,
    label=lambda dependency: Wording.of(gettext_noop("the dependency “%(name)s”"), name=dependency.about),
    create=create_dependency,
    update=update_dependency,
    delete=delete_dependency,
    key_argument="dependency_id",
)
COMPETENCY = DesignKind(
    name="competency",
    what="competency",
    identity="id",
    entities=competencies_by_id,
    find=find_competency,
    document=competency_document,
    label=lambda competency: Wording.of(gettext_noop("the competency “%(name)s”"), name=competency.name),
    create=create_competency,
    update=update_competency,
    delete=delete_competency,
    key_argument="competency_id",
)
TOUCHPOINT = DesignKind(
    name="touchpoint",
    what="touchpoint",
    identity="id",
    entities=touchpoints_by_id,
    find=find_touchpoint,
    document=touchpoint_document,
    label=lambda touchpoint: Wording.of(gettext_noop("the touchpoint “%(name)s”"), name=touchpoint.name),
    create=create_touchpoint,
    update=update_touchpoint,
    delete=delete_touchpoint,
    key_argument="touchpoint_id",
)

KINDS: dict[str, DesignKind] = {
    kind.name: kind for kind in (MISSION, VISION_ANSWER, ROLE_PROFILE, TASK, DEPENDENCY, COMPETENCY, TOUCHPOINT)
}
