"""The survey's heat map: which respondent units misread which tasks.

A cell is the share of one unit's answers for one task that name the task's designed
accountable. No cell shows a figure over fewer than the survey's `min_group` answers (a cell
without any answer says so: most units take part in a few of the asked tasks only), and no
column shows any figure when its unit gave fewer than `min_group` responses: such a unit is
marked as too small, whatever its answers were.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from lodestar.lib.model import Model
from lodestar.lib.surveys import SurveyResponse
from lodestar.scoring.surveys import SurveyResults, task_figures

# What a cell shows: a share, or why it shows none.
SHOWN = "shown"
TOO_FEW = "too_few"  # the unit is large enough, but fewer than min_group of its answers are for this task
NO_ANSWERS = "no_answers"  # the unit gave no answer for this task (it was not asked, or skipped it)
GROUP_TOO_SMALL = "group_too_small"  # the unit gave fewer than min_group responses
NO_DESIGN = "no_design"  # the task has no designed accountable (or no longer exists)

# The lower bounds of the colour bands, from the lowest: a band is a second cue beside the printed share.
BANDS = (0.0, 0.25, 0.5, 0.75)


@dataclass(frozen=True, slots=True)
class HeatCell:
    task: str
    unit: str
    state: str
    share: float | None = None  # set only when `state` is SHOWN

    @property
    def band(self) -> int | None:
        """0 (fewest name the design) to 3 (most do); None without a share."""
        if self.share is None:
            return None
        return max(index for index, low in enumerate(BANDS) if self.share >= low)


@dataclass(frozen=True, slots=True)
class HeatUnit:
    unit: str
    responses: int
    suppressed: bool


@dataclass(frozen=True, slots=True)
class HeatRow:
    task: str
    cells: list[HeatCell]


@dataclass(frozen=True, slots=True)
class HeatMap:
    units: list[HeatUnit]
    rows: list[HeatRow]

    def cell(self, task_id: str, unit_id: str) -> HeatCell | None:
        for row in self.rows:
            if row.task == task_id:
                return next((cell for cell in row.cells if cell.unit == unit_id), None)
        return None


def _cell(task_id: str, unit: HeatUnit, responses: list[SurveyResponse], model: Model, group: int) -> HeatCell:
    if unit.suppressed:
        return HeatCell(task_id, unit.unit, GROUP_TOO_SMALL)
    design = next((task for task in model.tasks if task.id == task_id), None)
    if design is None or design.accountable is None:
        return HeatCell(task_id, unit.unit, NO_DESIGN)
    figures = task_figures(task_id, design, responses, group)
    if figures.answers == 0:
        return HeatCell(task_id, unit.unit, NO_ANSWERS)
    if figures.accountable_agreement is None:
        return HeatCell(task_id, unit.unit, TOO_FEW)
    return HeatCell(task_id, unit.unit, SHOWN, figures.accountable_agreement)


def heat_map(results: SurveyResults, model: Model) -> HeatMap:
    """The results' tasks (in their order) × the units that responded (in the order of the results' units)."""
    survey = results.survey
    group = survey.group
    by_unit: dict[str, list[SurveyResponse]] = defaultdict(list)
    for response in survey.responses:
        by_unit[response.unit].append(response)
    units = [HeatUnit(figures.unit, figures.responses, figures.suppressed) for figures in results.units]
    rows = [
        HeatRow(task.task, [_cell(task.task, unit, by_unit[unit.unit], model, group) for unit in units])
        for task in results.tasks
    ]
    return HeatMap(units=units, rows=rows)
