"""Changing the target organization: tasks, dependencies, competencies (and people's levels), touchpoints.

Every function takes the acting user (editors and admins only), validates with the import's
readers, checks the `version` a change was based on, writes the audit log, and raises
NotFound, PermissionDenied, Invalid or Conflict.
"""

from lodestar.design.services.competencies import (
    create_competency,
    delete_competency,
    remove_person_level,
    set_person_level,
    update_competency,
)
from lodestar.design.services.dependencies import create_dependency, delete_dependency, update_dependency
from lodestar.design.services.tasks import create_task, delete_task, update_task
from lodestar.design.services.touchpoints import create_touchpoint, delete_touchpoint, update_touchpoint
from lodestar.store.versions import Saved

__all__ = [
    "Saved",
    "create_competency",
    "create_dependency",
    "create_task",
    "create_touchpoint",
    "delete_competency",
    "delete_dependency",
    "delete_task",
    "delete_touchpoint",
    "remove_person_level",
    "set_person_level",
    "update_competency",
    "update_dependency",
    "update_task",
    "update_touchpoint",
]
