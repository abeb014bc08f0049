"""The errors of the metrics area: a bad metrics file, a bad binding, a failing engine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a metrics file, located by a dotted path such as `metrics.mqls.filter`."""

    location: str
    message: str

    def render(self, path: Path | str) -> str:
        """Return the problem as one line naming the file."""
        return f"{path}: {self.location}: {self.message}"


class MetricsError(Exception):
    """Base class of the metrics area's errors."""


class MetricsFileError(MetricsError):
    """A metrics file that cannot be used; carries every problem found."""

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """Return one line per problem, each naming the file."""
        return [problem.render(self.path) for problem in self.problems]


class BindingError(MetricsError):
    """A key result's or KPI's metric binding that does not fit the metrics file."""


class EngineError(MetricsError):
    """The warehouse engine failed: missing table, unreachable server, missing driver."""
