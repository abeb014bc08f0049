"""The customer journey: touchpoints by stage with owner, contributors and the KPIs attached."""

from __future__ import annotations

from dataclasses import dataclass

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import KPI, Model, Touchpoint, Unit
from lodestar.lib.vocabulary import JOURNEY_STAGES
from lodestar.scoring.report import KpiScore, StatusReport

# The worst KPI colours a touchpoint; no_data only when no KPI has a value.
SEVERITY = {"red": 3, "yellow": 2, "green": 1, "no_data": 0}


@dataclass(frozen=True, slots=True)
class JourneyKpi:
    kpi: KPI
    score: KpiScore

    @property
    def status(self) -> str:
        return self.score.status


@dataclass(frozen=True, slots=True)
class JourneyTouchpoint:
    touchpoint: Touchpoint
    owner: Unit | None
    contributors: list[Unit]
    kpis: list[JourneyKpi]

    @property
    def status(self) -> str | None:
        """The worst status of its KPIs (red, yellow, green, no_data); None without KPIs."""
        if not self.kpis:
            return None
        return max((k.status for k in self.kpis), key=lambda status: SEVERITY.get(status, 0))


@dataclass(frozen=True, slots=True)
class JourneyStage:
    stage: str
    touchpoints: list[JourneyTouchpoint]


@dataclass(frozen=True, slots=True)
class Journey:
    stages: list[JourneyStage]  # all six stages in journey order, empty ones included

    @property
    def touchpoints(self) -> list[JourneyTouchpoint]:
        return [tp for stage in self.stages for tp in stage.touchpoints]


def journey(model: Model, report: StatusReport) -> Journey:
    """Touchpoints by stage, each with its owner, contributors and KPIs with their status as of the report."""
    index = ModelIndex(model)
    scores = {score.id: score for score in report.kpis}
    kpis_of: dict[str, list[JourneyKpi]] = {}
    for kpi in model.kpis:
        if kpi.touchpoint is not None:
            score = scores.get(kpi.id, KpiScore(id=kpi.id, current=None, status="no_data"))
            kpis_of.setdefault(kpi.touchpoint, []).append(JourneyKpi(kpi=kpi, score=score))
    return Journey(
        stages=[
            JourneyStage(
                stage=stage,
                touchpoints=[
                    JourneyTouchpoint(
                        touchpoint=tp,
                        owner=index.units.get(tp.owner),
                        contributors=[index.units[u] for u in tp.contributors if u in index.units],
                        kpis=kpis_of.get(tp.id, []),
                    )
                    for tp in model.touchpoints
                    if tp.stage == stage
                ],
            )
            for stage in JOURNEY_STAGES
        ]
    )
