"""Changing the goal system: goals, key results, measurements, check-ins, closings and roll-overs.

Measurements are recorded, corrected and deleted; goals are closed (graded) and reopened; a
period's unfinished goals are rolled over into the next.

Every function takes the acting user, validates with the import's readers, checks the
actor's permission and the `version` the change was based on, writes the audit log, and
raises NotFound, PermissionDenied, Invalid or Conflict.
"""

from lodestar.goals.services.alignments import accept_contribution, decline_contribution
from lodestar.goals.services.closing import close_goal, close_goals, reopen_goal
from lodestar.goals.services.goals import Saved, create_goal, delete_goal, update_goal
from lodestar.goals.services.key_results import create_key_result, delete_key_result, update_key_result
from lodestar.goals.services.measurements import delete_measurement, update_measurement
from lodestar.goals.services.naming import (
    create_goal_proposing_ids,
    create_key_result_proposing_id,
    proposed_goal_id,
    proposed_key_result_id,
)
from lodestar.goals.services.rollover import plan_roll_over, roll_over
from lodestar.goals.services.updates import CheckedIn, record_check_in, record_measurement

__all__ = [
    "CheckedIn",
    "Saved",
    "accept_contribution",
    "close_goal",
    "close_goals",
    "create_goal",
    "create_goal_proposing_ids",
    "create_key_result",
    "create_key_result_proposing_id",
    "decline_contribution",
    "delete_goal",
    "delete_key_result",
    "delete_measurement",
    "plan_roll_over",
    "proposed_goal_id",
    "proposed_key_result_id",
    "record_check_in",
    "record_measurement",
    "reopen_goal",
    "roll_over",
    "update_goal",
    "update_key_result",
    "update_measurement",
]
