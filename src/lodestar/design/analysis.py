"""What the design pages and the report show, as pure functions over a model (no Django).

One import for every surface: the pages, the API and the report call these functions, so they
cannot drift apart. Each function lives in the module named for its subject.
"""

from __future__ import annotations

from lodestar.design.competencies import (
    CompetencyGap,
    CompetencyHeatmap,
    HeatCell,
    PeopleCompetencies,
    competency_gaps,
    competency_heatmap,
    people_competencies,
)
from lodestar.design.journey import Journey, JourneyKpi, JourneyStage, JourneyTouchpoint, journey
from lodestar.design.network import DependencyNetwork, NetworkEdge, NetworkNode, dependency_network
from lodestar.design.role_card import CardDependency, CardTask, Neighbour, RoleCard, role_card
from lodestar.design.role_comparison import (
    BusinessUnitRole,
    BusinessUnitRoles,
    ProfileComparison,
    RoleComparison,
    role_comparison,
)
from lodestar.design.tasks import (
    CHANGE_LABELS,
    ChangeGroup,
    ChangeItem,
    ChangeOverview,
    DeliveryCounts,
    DeliveryRow,
    DeliverySplit,
    RaciMatrix,
    RaciRow,
    change_overview,
    delivery_split,
    filter_tasks,
    raci_matrix,
)
from lodestar.design.vision import (
    QUESTION_TEXTS,
    Evidence,
    EvidenceItem,
    VisionCell,
    VisionReadiness,
    VisionRow,
    vision_readiness,
)
from lodestar.lib.index import TaskRequirement

__all__ = [
    "CHANGE_LABELS",
    "QUESTION_TEXTS",
    "BusinessUnitRole",
    "BusinessUnitRoles",
    "CardDependency",
    "CardTask",
    "ChangeGroup",
    "ChangeItem",
    "ChangeOverview",
    "CompetencyGap",
    "CompetencyHeatmap",
    "DeliveryCounts",
    "DeliveryRow",
    "DeliverySplit",
    "DependencyNetwork",
    "Evidence",
    "EvidenceItem",
    "HeatCell",
    "Journey",
    "JourneyKpi",
    "JourneyStage",
    "JourneyTouchpoint",
    "Neighbour",
    "NetworkEdge",
    "NetworkNode",
    "PeopleCompetencies",
    "ProfileComparison",
    "RaciMatrix",
    "RaciRow",
    "RoleCard",
    "RoleComparison",
    "TaskRequirement",
    "VisionCell",
    "VisionReadiness",
    "VisionRow",
    "change_overview",
    "competency_gaps",
    "competency_heatmap",
    "delivery_split",
    "dependency_network",
    "filter_tasks",
    "journey",
    "people_competencies",
    "raci_matrix",
    "role_card",
    "role_comparison",
    "vision_readiness",
]
