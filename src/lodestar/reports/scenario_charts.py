"""The comparison's charts as scenes, for the compare page and the report's scenarios section.

The delivery split of each column as one stacked bar, and a figure per unit (accountable tasks,
intense interfaces) as one bar per column under each unit's name. Every bar carries its number
and its column's name in words, so that no colour has to be told apart; the scene's label is
the whole chart as text. They are drawn narrow (320 wide) to stay readable on a phone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext, pgettext

from lodestar.i18n.terms import term
from lodestar.lib.scenario import BASE_ID
from lodestar.lib.vocabulary import TASK_DELIVERIES
from lodestar.reports.charts import ACCENT_2, AS_IS_COLOUR, DELIVERY_COLOURS, INK, LINE, MUTED, PAPER
from lodestar.reports.fonts import fit_text
from lodestar.reports.scene import Line, Rect, Scene, Text
from lodestar.scenarios.compare import Compared

WIDTH = 320.0
LABEL, BAR = 118.0, 166.0  # the width of the column names and of the longest bar
SIZE = 10.5
MOST_UNITS = 12  # a chart per unit shows at most this many units: those with the largest figures
COLUMN_COLOURS = (AS_IS_COLOUR, ACCENT_2, "#1d6b52", "#8c4a9e", "#b5602f")  # base, then each scenario


@dataclass(frozen=True, slots=True)
class Series:
    """One column of the comparison as a chart draws it: its name and its figures."""

    name: str
    tasks: dict[str, int]  # the `tasks` figure: total and by delivery
    per_unit: dict[str, int]  # the figure per unit this chart shows (0 where a unit has none)


def delivery_columns(series: Sequence[Series], *, title: str) -> Scene:
    """One stacked bar per column: its central, decentral and external tasks, with the numbers written on."""
    row, top = 34.0, 24.0
    total = gettext("total")
    text = "; ".join(
        f"{s.name}: "
        + ", ".join(f"{s.tasks.get(d, 0)} {term('task_delivery', d)}" for d in TASK_DELIVERIES)
        + f" ({total} {s.tasks.get('total', 0)})"
        for s in series
    )
    scene = Scene(WIDTH, top + row * len(series) + 4, f"{title}: {text}")
    x = 0.0
    for delivery in TASK_DELIVERIES:
        scene.add(Rect(x, 4, 9, 9, fill=DELIVERY_COLOURS[delivery], radius=1.5))
        scene.add(Text(x + 13, 12.5, term("task_delivery", delivery), 10, MUTED))
        x += 100
    most = max((s.tasks.get("total", 0) for s in series), default=0) or 1
    for i, s in enumerate(series):
        y = top + i * row
        scene.add(Text(0, y + 9, fit_text(s.name, WIDTH - 40, SIZE, bold=True), SIZE, INK, bold=True))
        x = 0.0
        for delivery in TASK_DELIVERIES:
            count = s.tasks.get(delivery, 0)
            if not count:
                continue
            w = count / most * (WIDTH - 40)
            label = f"{s.name}: {count} {term('task_delivery', delivery)}"
            scene.add(Rect(x, y + 13, w, 15, fill=DELIVERY_COLOURS[delivery], stroke=PAPER, width=0.8, title=label))
            if w >= 6 * len(str(count)) + 4:
                scene.add(Text(x + w / 2, y + 24.5, str(count), 9.5, PAPER, "middle", bold=True))
            x += w
        scene.add(Text(x + 5, y + 24.5, str(s.tasks.get("total", 0)), 10, MUTED))
    return scene


def _chosen(units: Sequence[tuple[str, str]], series: Sequence[Series]) -> tuple[list[tuple[str, str]], int, int]:
    """The units whose figure differs between the columns, at most MOST_UNITS (the largest), in the given order;
    how many more differ, and how many have the same figure (not 0) in every column."""
    present = [(key, name) for key, name in units if any(s.per_unit.get(key, 0) for s in series)]
    differing = [(key, name) for key, name in present if len({s.per_unit.get(key, 0) for s in series}) > 1]
    same = len(present) - len(differing)
    if len(differing) <= MOST_UNITS:
        return differing, 0, same
    largest = sorted(range(len(differing)), key=lambda i: -max(s.per_unit.get(differing[i][0], 0) for s in series))
    kept = set(largest[:MOST_UNITS])
    return [unit for i, unit in enumerate(differing) if i in kept], len(differing) - MOST_UNITS, same


def per_unit_bars(units: Sequence[tuple[str, str]], series: Sequence[Series], *, title: str) -> Scene:
    """Under each unit's name, one bar per column with the column's name and the number.

    `units` are (id, name) in the order to draw them; only those whose figure differs between the columns
    are drawn, and a last line says how many have the same figure in each.
    """
    chosen, left_out, same = _chosen(units, series)
    bar, gap, head = 13.0, 3.0, 17.0
    block = head + len(series) * (bar + gap) + 6
    text = "; ".join(
        f"{name}: " + ", ".join(f"{s.name} {s.per_unit.get(key, 0)}" for s in series) for key, name in chosen
    )
    notes = []
    if left_out:
        notes.append(
            ngettext(
                "and %(count)s more unit with smaller figures",
                "and %(count)s more units with smaller figures",
                left_out,
            )
            % {"count": left_out}
        )
    if same:
        notes.append(
            ngettext(
                "%(count)s unit with the same figure in each column",
                "%(count)s units with the same figure in each column",
                same,
            )
            % {"count": same}
        )
    if not chosen:
        notes.insert(0, gettext("No unit's figure differs between the columns."))
    label = f"{title}: {'; '.join([text, *notes] if text else notes)}"
    height = 4 + block * len(chosen) + 16 * len(notes)
    scene = Scene(WIDTH, height, label)
    for n, note in enumerate(notes):
        scene.add(Text(0, 4 + block * len(chosen) + 12 + 16 * n, note, 10, MUTED))
    most = max((s.per_unit.get(key, 0) for key, _ in chosen for s in series), default=0) or 1
    for i, (key, name) in enumerate(chosen):
        y = 4 + i * block
        scene.add(Text(0, y + 12, fit_text(name, WIDTH, SIZE, bold=True), SIZE, INK, bold=True))
        for j, s in enumerate(series):
            by = y + head + j * (bar + gap)
            value = s.per_unit.get(key, 0)
            scene.add(Text(LABEL - 6, by + 10.5, fit_text(s.name, LABEL - 8, 9.5), 9.5, INK, "end"))
            w = value / most * BAR
            colour = COLUMN_COLOURS[j % len(COLUMN_COLOURS)]
            if value:
                scene.add(Rect(LABEL, by, max(w, 2.0), bar, fill=colour, title=f"{name}, {s.name}: {value}"))
            else:
                scene.add(Line(LABEL, by + bar / 2, LABEL + 4, by + bar / 2, LINE, 1.5))
            scene.add(Text(LABEL + max(w, 4.0) + 4, by + 10.5, str(value), 10, INK))
    return scene


def column_name(column: Compared) -> str:
    """The base as `Base` in the active language, a scenario by its name."""
    return pgettext("scenario", "Base") if column.id == BASE_ID else column.name


def unit_names(columns: Sequence[Compared]) -> list[tuple[str, str]]:
    """Every unit of the columns' models as (id, name): the base's in its order, then those scenarios add."""
    names: dict[str, str] = {}
    for column in columns:
        for unit in column.model.units:
            names.setdefault(unit.id, unit.name)
    return list(names.items())


def comparison_charts(columns: Sequence[Compared]) -> dict[str, Scene]:
    """The delivery split, the accountable load and the interfaces per unit, by column."""
    units = unit_names(columns)

    def series(figure: str) -> list[Series]:
        return [Series(column_name(c), c.figures["tasks"], c.figures[figure]) for c in columns]

    return {
        "delivery": delivery_columns(series("accountable_load"), title=gettext("Tasks by delivery")),
        "accountable_load": per_unit_bars(
            units, series("accountable_load"), title=gettext("Accountable tasks per unit")
        ),
        "interfaces": per_unit_bars(units, series("interfaces"), title=gettext("Intense interfaces per unit")),
    }
