"""The goal tree as readable text: bars, expected-progress markers and colours on a terminal."""

from __future__ import annotations

from collections import defaultdict

from lodestar.lib.model import Goal, Model
from lodestar.lib.terminal import printable
from lodestar.lib.vocabulary import STATUS_LABELS
from lodestar.scoring.report import GoalScore, KeyResultScore, StatusReport, plain_number

BAR_WIDTH = 20
COLOURS = {
    "achieved": "\033[1;32m",
    "on_track": "\033[32m",
    "at_risk": "\033[33m",
    "off_track": "\033[31m",
    "no_data": "\033[2m",
    "not_started": "\033[2m",
    "green": "\033[32m",
    "yellow": "\033[33m",
    "red": "\033[31m",
}
RESET = "\033[0m"


def readable(value: float, digits: int = 2) -> str:
    """A number for people: grouped thousands, a few decimals at most."""
    rounded = round(value, digits if abs(value) < 1000 else 0)
    number = plain_number(rounded)
    return f"{number:,}" if abs(rounded) >= 10000 else str(number)


class StatusText:
    """Renders a StatusReport as a tree under the mission."""

    def __init__(self, model: Model, report: StatusReport, *, colour: bool) -> None:
        self.model = model
        self.report = report
        self.colour = colour
        self.scores = {score.id: score for score in report.goals}
        self.goals = {goal.id: goal for goal in model.goals}
        self.children: dict[str, list[tuple[str, float | None]]] = defaultdict(list)
        for goal in model.goals:
            for contribution in goal.counted_contributions:
                self.children[contribution.goal].append((goal.id, contribution.weight))

    def paint(self, text: str, status: str) -> str:
        return f"{COLOURS.get(status, '')}{text}{RESET}" if self.colour and status in COLOURS else text

    def bar(self, progress: float | None, expected: float) -> str:
        filled = 0 if progress is None else round(progress * BAR_WIDTH)
        cells = ["█"] * filled + ["░"] * (BAR_WIDTH - filled)
        marker = min(BAR_WIDTH - 1, round(expected * BAR_WIDTH))
        cells[marker] = "┃" if cells[marker] == "░" else "╋"
        return "".join(cells)

    def percent(self, value: float | None) -> str:
        return "  –  " if value is None else f"{value * 100:4.0f}%"

    def goal_line(self, goal: Goal, score: GoalScore, indent: str, weight: float | None) -> str:
        weight_text = f" ×{plain_number(weight)}" if weight not in (None, 1.0) else ""
        status = self.paint(STATUS_LABELS[score.status], score.status)
        return (
            f"{indent}{self.bar(score.progress, score.expected)} {self.percent(score.progress)}  "
            f"{printable(goal.title)} [{goal.id}, {printable(goal.owner)}]{weight_text}  {status}"
        )

    def key_result_line(self, title: str, unit: str | None, kr: KeyResultScore, indent: str) -> str:
        current = "–" if kr.current is None else readable(kr.current)
        extras = [f"now {current}{' ' + printable(unit) if unit else ''}"]
        if kr.confidence is not None:
            extras.append(f"confidence {kr.confidence}/10")
        if kr.forecast is not None:
            extras.append(f"forecast {readable(kr.forecast.value, 1)}")
        return (
            f"{indent}  · {self.percent(kr.progress)} {printable(title)} ({', '.join(extras)})  "
            f"{self.paint(STATUS_LABELS[kr.status], kr.status)}"
        )

    def render(self, only: set[str] | None = None) -> str:
        lines: list[str] = []
        mission = self.model.mission
        lines.append(
            f"Mission: {printable(mission.statement.strip())}" if mission else printable(self.model.organization.name)
        )
        lines.append(f"Status as of {self.report.as_of.isoformat()}  (┃ marks the expected progress)")
        lines.append("")
        shown = set(only) if only is not None else set(self.goals)
        roots = [
            goal.id
            for goal in self.model.goals
            if goal.id in shown and not any(c.goal in shown for c in goal.counted_contributions)
        ]
        for root in roots:
            self._walk(root, None, "", shown, lines, set())
        if not roots:
            lines.append("No goals yet.")
        counts: dict[str, int] = defaultdict(int)
        for score in self.report.goals:
            if score.id in shown:
                counts[score.status] += 1
        lines.append("")
        lines.append(
            "Goals: " + ", ".join(f"{self.paint(STATUS_LABELS[s], s)} {counts[s]}" for s in STATUS_LABELS if counts[s])
        )
        if self.report.kpis and only is None:
            lines.append(
                "KPIs:  "
                + ", ".join(
                    f"{self.paint(k.id, k.status)} {'–' if k.current is None else readable(k.current)}"
                    for k in self.report.kpis
                )
            )
        return "\n".join(lines)

    def _walk(
        self, goal_id: str, weight: float | None, indent: str, shown: set[str], lines: list[str], trail: set[str]
    ) -> None:
        goal, score = self.goals[goal_id], self.scores[goal_id]
        lines.append(self.goal_line(goal, score, indent, weight))
        for kr, kr_score in zip(goal.key_results, score.key_results, strict=True):
            lines.append(self.key_result_line(kr.title, kr.unit, kr_score, indent))
        for child, child_weight in self.children.get(goal_id, []):
            if child in shown and child not in trail:
                self._walk(child, child_weight, indent + "    ", shown, lines, trail | {goal_id})
