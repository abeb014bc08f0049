"""The demo organization: a fictional pump and valve maker and its marketing & sales area.

`demo_document(today)` returns a model file of format 1 as a plain dict. Every date is placed
relative to `today`, so the demo never goes stale: the fiscal year is the calendar year that
contains `today`, and measurements and check-ins stop at `today`.

More than half of the key results and KPIs are bound to metrics of the demo metrics file
(`lodestar/metrics/demo_metrics.yaml`) and get their measurements from `lodestar metrics
refresh` over the generated warehouse extract (`lodestar.metrics.demo_warehouse`); their
baselines, targets and thresholds are set against the magnitudes and trends that extract
produces for the year of `today`. One bound key result keeps a manual measurement, which a
refresh never overwrites.

The other key results are planned with a performance profile (achieved, on track, at risk,
off track, draft) instead of fixed figures. Their measurements are derived from the elapsed
share of the period, so the mix of statuses holds on any day of the year. Before about a tenth
of a period has passed every measured key result is on track by the spec's rules, so early
January shows only on-track, achieved, draft and not-started key results.

The content deliberately triggers a few health-check findings (LS002 drafts, LS006 a task
without accountable, LS009 two competency gaps, LS010 an IT hotspot, LS011 two unsettled
vision questions, LS012 the service business without a role profile, LS014 two low-confidence
check-ins) and none of the others. Until a refresh has measured them, the bound key results
also trigger LS013 once a quarter of their period has passed; `lodestar demo` refreshes them.
"""

from __future__ import annotations

import calendar
import datetime
import random
from dataclasses import dataclass
from typing import Any, Literal

Profile = Literal["achieved", "on_track", "at_risk", "off_track", "draft"]
Row = tuple[Any, ...]
# A binding to a metric of the demo metrics file: a metric id or {id, where?, window?, grain?}.
Binding = str | dict[str, Any]

DOMAIN = "altwerk.example"
AGENCY_DOMAIN = "nordlicht-media.example"
HORIZON_YEARS = 3
CHECK_INS_PER_KEY_RESULT = 4
KPI_MONTHS = 6

# Key results in these units are counted, so their values are whole numbers.
_COUNT_UNITS = frozenset(
    {
        "accounts",
        "articles",
        "case studies",
        "customers",
        "downloads",
        "engineers",
        "journeys",
        "leads",
        "people",
        "proposals",
        "requests",
        "sessions",
        "sources",
        "terms",
        "utilities",
    }
)

# Per profile: the confidence of the latest check-in, and how much higher it was per earlier one.
_CONFIDENCE: dict[Profile, tuple[int, int]] = {
    "achieved": (9, -1),
    "on_track": (7, 0),
    "at_risk": (5, 1),
    "off_track": (4, 1),
    "draft": (6, 0),
}


# --- plans -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Period:
    id: str
    start: datetime.date
    end: datetime.date

    def share(self, day: datetime.date) -> float:
        """Elapsed share of the period at `day`, clamped to [0, 1]: the spec's expected progress."""
        elapsed = (day - self.start).days / (self.end - self.start).days
        return min(1.0, max(0.0, elapsed))


@dataclass(frozen=True)
class _KeyResultPlan:
    id: str
    title: str
    unit: str
    baseline: float | None
    target: float | None
    profile: Profile
    weight: float = 1
    direction: str | None = None
    range: tuple[float, float] | None = None
    # First and latest value, for key results whose values do not run from baseline to target.
    observed: tuple[float, float] | None = None
    source: str | None = None
    note: str | None = None
    confidence: int | None = None
    dip_note: str | None = None
    metric: Binding | None = None
    # A bound key result's manual measurement: on the last day of this month of the period, with
    # this value and source. A refresh keeps it and says so.
    manual: tuple[int, float, str] | None = None


@dataclass(frozen=True)
class _GoalPlan:
    id: str
    title: str
    owner: str
    period: str
    key_results: tuple[_KeyResultPlan, ...]
    parents: tuple[tuple[str, float], ...] = ()
    tasks: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class _KpiPlan:
    id: str
    name: str
    owner: str
    unit: str
    touchpoint: str | None
    better: str
    green: float
    red: float
    # First and latest hand-written value, or the metric the refresh takes values from.
    first: float | None = None
    latest: float | None = None
    metric: Binding | None = None


# --- the document ----------------------------------------------------------------------------


def demo_document(today: datetime.date) -> dict[str, Any]:
    """Return the demo organization as a model file of format 1, dated relative to `today`."""
    periods = _periods(today.year)
    return {
        "lodestar": 1,
        "organization": {
            "name": "Altwerk Fluidtechnik GmbH",
            "industry": "Industrial pumps and valves",
            "currency": "EUR",
        },
        "locations": _locations(),
        "units": _units(),
        "people": _people(),
        "mission": _mission(today.year),
        "role_profiles": _role_profiles(today.year),
        "vision": _vision(today.year),
        "tasks": _tasks(),
        "dependencies": _dependencies(),
        "competencies": _competencies(),
        "touchpoints": _touchpoints(),
        "periods": [{"id": p.id, "start": p.start, "end": p.end} for p in periods.values()],
        "goals": _goals(periods, today),
        "kpis": _kpis(today),
    }


# Dates in the document are fresh objects (`day.replace()`), never shared between entries:
# a plain `yaml.safe_dump` would otherwise write anchors and aliases for the shared ones.


def _compact(mapping: dict[str, Any]) -> dict[str, Any]:
    """Drop the optional keys that have no value, keeping the order of the others."""
    return {key: value for key, value in mapping.items() if value is not None}


def _periods(year: int) -> dict[str, _Period]:
    fiscal_year = _Period(f"fy{year}", datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    quarters = {
        f"q{n}": _Period(
            f"q{n}-{year}",
            datetime.date(year, 3 * n - 2, 1),
            datetime.date(year, 3 * n, calendar.monthrange(year, 3 * n)[1]),
        )
        for n in range(1, 5)
    }
    return {"fy": fiscal_year, **quarters}


# --- organization ----------------------------------------------------------------------------


def _locations() -> list[dict[str, Any]]:
    return [
        {"id": "bielefeld", "name": "Bielefeld (headquarters and pump plant)"},
        {"id": "chemnitz", "name": "Chemnitz (valve plant and customer service centre)"},
        {"id": "hamburg", "name": "Hamburg sales office"},
        {"id": "munich", "name": "Munich sales office"},
        {"id": "vienna", "name": "Vienna sales office"},
    ]


# id, name, kind, parent, location, lead, core
_UNITS: tuple[Row, ...] = (
    ("altwerk", "Altwerk Fluidtechnik GmbH", "company", None, "bielefeld", "matthias.ebert", None),
    ("bu-pumps", "Industrial Pumps", "business_unit", "altwerk", "bielefeld", "stefan.hoffmann", True),
    ("bu-valves", "Valves & Actuation", "business_unit", "altwerk", "chemnitz", "claudia.wendt", True),
    ("bu-service", "Field Service & Spare Parts", "business_unit", "altwerk", "bielefeld", "joerg.lindner", False),
    ("ms", "Marketing & Sales", "area", "altwerk", "bielefeld", "katharina.vogel", None),
    ("brand", "Brand & Communication", "department", "ms", "bielefeld", "miriam.lorenz", None),
    ("digital", "Digital Marketing", "department", "ms", "bielefeld", "daniel.krueger", None),
    ("web-ops", "Marketing Ops & Web", "team", "digital", "bielefeld", "felix.becker", None),
    ("product-mkt", "Product Marketing", "department", "ms", "bielefeld", "julia.richter", None),
    ("sales", "Sales Germany & Austria", "department", "ms", "bielefeld", "thomas.fischer", None),
    ("sales-north", "Sales North", "team", "sales", "hamburg", "jan.petersen", None),
    ("sales-south", "Sales South", "team", "sales", "munich", "michael.huber", None),
    ("inside-sales", "Inside Sales", "team", "sales", "bielefeld", "laura.schmitt", None),
    ("kam", "Key Account Management", "department", "ms", "bielefeld", "ralf.keller", None),
    ("customer-service", "Customer Service", "department", "ms", "chemnitz", "birgit.schneider", None),
    ("pricing-ops", "Pricing & Sales Operations", "department", "ms", "bielefeld", "christian.bauer", None),
    ("crm-data", "CRM & Data", "department", "ms", "bielefeld", "vanessa.horn", None),
    ("it", "IT", "adjacent", "altwerk", "bielefeld", "frank.ziegler", None),
    ("finance", "Finance & Controlling", "adjacent", "altwerk", "bielefeld", "monika.seidel", None),
    ("product-mgmt", "Product Management", "adjacent", "altwerk", "chemnitz", "bernd.kuehn", None),
    ("logistics", "Logistics", "adjacent", "altwerk", "chemnitz", "uwe.schaefer", None),
    ("agency", "Nordlicht Media (media agency)", "external", "altwerk", None, "carla.menke", None),
)

_PURPOSES = {
    "altwerk": "Keep water, process and energy plants running with pumps and valves engineered for decades.",
    "bu-pumps": "Be the first choice for energy-efficient centrifugal pumps in water and process industries.",
    "bu-valves": "Supply control and shut-off valves that plant operators can rely on for thirty years.",
    "bu-service": "Keep the installed base running: spare parts within 24 hours, certified technicians on site.",
    "ms": (
        "Own the whole customer experience, from the first search to the tenth reorder, "
        "and turn it into profitable growth for every business unit."
    ),
    "brand": "Make Altwerk the name plant engineers think of first and trust most.",
    "digital": "Create qualified demand through search, technical content and data-driven campaigns.",
    "web-ops": "Run website, web shop and marketing automation as one reliable platform.",
    "product-mkt": "Translate engineering into customer value and launch products that sales can sell.",
    "sales": "Win and grow customers through consultative, value-based selling.",
    "sales-north": "Grow the northern territories, from the ports to the chemical parks on the Elbe.",
    "sales-south": "Grow Bavaria, Baden-Württemberg and Austria, with a focus on water utilities.",
    "inside-sales": "Answer every enquiry within hours and turn leads into qualified opportunities.",
    "kam": "Develop long-term partnerships with our thirty largest customers and OEMs.",
    "customer-service": "Resolve every customer request right the first time.",
    "pricing-ops": "Set prices by customer value and give sales reliable processes, tools and figures.",
    "crm-data": "Provide one trusted view of every customer to marketing, sales and service.",
}


def _units() -> list[dict[str, Any]]:
    keys = ("id", "name", "kind", "parent", "location", "lead", "core")
    units = []
    for row in _UNITS:
        unit = dict(zip(keys, row, strict=True))
        unit["purpose"] = _PURPOSES.get(unit["id"])
        units.append(_compact(unit))
    return units


def _unit_leads() -> dict[str, str]:
    return {row[0]: row[5] for row in _UNITS}


# id, name, unit, position, competency levels
_PEOPLE: tuple[Row, ...] = (
    (
        "matthias.ebert",
        "Dr. Matthias Ebert",
        "altwerk",
        "Chief Executive Officer",
        {"value-selling": 3, "technical-application": 4},
    ),
    (
        "stefan.hoffmann",
        "Stefan Hoffmann",
        "bu-pumps",
        "Managing Director Industrial Pumps",
        {"technical-application": 5, "value-selling": 3},
    ),
    (
        "claudia.wendt",
        "Claudia Wendt",
        "bu-valves",
        "Managing Director Valves & Actuation",
        {"technical-application": 5},
    ),
    (
        "joerg.lindner",
        "Jörg Lindner",
        "bu-service",
        "Head of Field Service & Spare Parts",
        {"service-excellence": 4, "pricing-analytics": 1},
    ),
    (
        "katharina.vogel",
        "Katharina Vogel",
        "ms",
        "Chief Marketing & Sales Officer",
        {"brand-management": 4, "value-selling": 4, "data-analytics": 2},
    ),
    (
        "lea.brunner",
        "Lea Brunner",
        "ms",
        "Head of Commercial Excellence",
        {"data-analytics": 3, "crm-management": 3, "pricing-analytics": 2},
    ),
    (
        "miriam.lorenz",
        "Miriam Lorenz",
        "brand",
        "Head of Brand & Communication",
        {"brand-management": 5, "content-marketing": 3},
    ),
    (
        "tobias.neumann",
        "Tobias Neumann",
        "brand",
        "Communications Manager, Press and Fairs",
        {"brand-management": 3, "content-marketing": 3},
    ),
    (
        "sofia.marino",
        "Sofia Marino",
        "brand",
        "Content Marketing Manager",
        {"content-marketing": 4, "web-analytics": 2},
    ),
    (
        "daniel.krueger",
        "Daniel Krüger",
        "digital",
        "Head of Digital Marketing",
        {"performance-marketing": 3, "web-analytics": 3, "marketing-automation": 2},
    ),
    (
        "lena.hartmann",
        "Lena Hartmann",
        "digital",
        "Performance Marketing Manager",
        {"performance-marketing": 4, "web-analytics": 3, "data-analytics": 3},
    ),
    (
        "jonas.weber",
        "Jonas Weber",
        "digital",
        "SEO and Content Specialist",
        {"content-marketing": 4, "web-analytics": 3},
    ),
    (
        "felix.becker",
        "Felix Becker",
        "web-ops",
        "Team Lead Marketing Ops & Web",
        {"web-analytics": 4, "marketing-automation": 3, "crm-management": 2},
    ),
    (
        "nina.schulz",
        "Nina Schulz",
        "web-ops",
        "Marketing Automation Specialist",
        {"marketing-automation": 3, "crm-management": 2},
    ),
    ("ahmet.yilmaz", "Ahmet Yılmaz", "web-ops", "Web Developer", {"web-analytics": 3}),
    (
        "julia.richter",
        "Julia Richter",
        "product-mkt",
        "Head of Product Marketing",
        {"technical-application": 4, "content-marketing": 2, "value-selling": 3},
    ),
    (
        "markus.braun",
        "Markus Braun",
        "product-mkt",
        "Product Marketing Manager Pumps",
        {"technical-application": 5, "content-marketing": 2},
    ),
    (
        "elena.popescu",
        "Elena Popescu",
        "product-mkt",
        "Product Marketing Manager Valves",
        {"technical-application": 4, "content-marketing": 3},
    ),
    (
        "thomas.fischer",
        "Thomas Fischer",
        "sales",
        "Head of Sales Germany & Austria",
        {"value-selling": 4, "technical-application": 3, "key-account-management": 3},
    ),
    (
        "jan.petersen",
        "Jan Petersen",
        "sales-north",
        "Team Lead Sales North",
        {"value-selling": 3, "technical-application": 4},
    ),
    (
        "hauke.jensen",
        "Hauke Jensen",
        "sales-north",
        "Sales Engineer Hamburg & Schleswig-Holstein",
        {"value-selling": 3, "technical-application": 4},
    ),
    (
        "maren.albers",
        "Maren Albers",
        "sales-north",
        "Sales Engineer Lower Saxony & Bremen",
        {"value-selling": 2, "technical-application": 3},
    ),
    (
        "kai.behrens",
        "Kai Behrens",
        "sales-north",
        "Sales Engineer Berlin & Brandenburg",
        {"value-selling": 2, "technical-application": 3, "crm-management": 1},
    ),
    (
        "michael.huber",
        "Michael Huber",
        "sales-south",
        "Team Lead Sales South",
        {"value-selling": 3, "technical-application": 3},
    ),
    (
        "andrea.gruber",
        "Andrea Gruber",
        "sales-south",
        "Sales Engineer Austria",
        {"value-selling": 3, "technical-application": 3},
    ),
    (
        "florian.maier",
        "Florian Maier",
        "sales-south",
        "Sales Engineer Bavaria",
        {"value-selling": 2, "technical-application": 4},
    ),
    (
        "sabine.wagner",
        "Sabine Wagner",
        "sales-south",
        "Sales Engineer Baden-Württemberg",
        {"value-selling": 1, "technical-application": 3},
    ),
    (
        "laura.schmitt",
        "Laura Schmitt",
        "inside-sales",
        "Team Lead Inside Sales",
        {"value-selling": 3, "crm-management": 2, "service-excellence": 2},
    ),
    (
        "dennis.koch",
        "Dennis Koch",
        "inside-sales",
        "Inside Sales Representative",
        {"value-selling": 2, "crm-management": 2},
    ),
    (
        "mia.zimmermann",
        "Mia Zimmermann",
        "inside-sales",
        "Inside Sales Representative",
        {"value-selling": 2, "service-excellence": 2},
    ),
    (
        "paul.schroeder",
        "Paul Schröder",
        "inside-sales",
        "Inside Sales Representative Spare Parts",
        {"value-selling": 1, "technical-application": 2},
    ),
    (
        "ralf.keller",
        "Ralf Keller",
        "kam",
        "Head of Key Account Management",
        {"key-account-management": 5, "value-selling": 4},
    ),
    (
        "ines.wolf",
        "Ines Wolf",
        "kam",
        "Key Account Manager Chemicals & Pharma",
        {"key-account-management": 4, "value-selling": 3, "data-analytics": 2},
    ),
    (
        "oliver.hahn",
        "Oliver Hahn",
        "kam",
        "Key Account Manager Water Utilities",
        {"key-account-management": 3, "value-selling": 3},
    ),
    (
        "petra.schubert",
        "Petra Schubert",
        "kam",
        "Key Account Manager OEM",
        {"key-account-management": 3, "technical-application": 4},
    ),
    (
        "birgit.schneider",
        "Birgit Schneider",
        "customer-service",
        "Head of Customer Service",
        {"service-excellence": 4, "crm-management": 2},
    ),
    (
        "marco.conti",
        "Marco Conti",
        "customer-service",
        "Customer Service Agent",
        {"service-excellence": 3, "technical-application": 2},
    ),
    ("svenja.krause", "Svenja Krause", "customer-service", "Customer Service Agent", {"service-excellence": 3}),
    (
        "leon.frank",
        "Leon Frank",
        "customer-service",
        "Order Management Specialist",
        {"service-excellence": 2, "web-analytics": 2, "data-analytics": 2},
    ),
    (
        "christian.bauer",
        "Christian Bauer",
        "pricing-ops",
        "Head of Pricing & Sales Operations",
        {"pricing-analytics": 3, "data-analytics": 3, "value-selling": 2},
    ),
    ("hannah.roth", "Hannah Roth", "pricing-ops", "Pricing Analyst", {"pricing-analytics": 3, "data-analytics": 3}),
    ("simon.lang", "Simon Lang", "pricing-ops", "Sales Operations Analyst", {"data-analytics": 3, "crm-management": 3}),
    ("vanessa.horn", "Vanessa Horn", "crm-data", "Head of CRM & Data", {"crm-management": 4, "data-analytics": 3}),
    ("arne.voss", "Arne Voss", "crm-data", "CRM Administrator", {"crm-management": 4}),
    ("priya.nair", "Priya Nair", "crm-data", "Data Analyst", {"data-analytics": 5, "web-analytics": 3}),
    ("frank.ziegler", "Frank Ziegler", "it", "Head of IT", {"crm-management": 2}),
    (
        "monika.seidel",
        "Monika Seidel",
        "finance",
        "Head of Finance & Controlling",
        {"data-analytics": 3, "pricing-analytics": 2},
    ),
    ("bernd.kuehn", "Bernd Kühn", "product-mgmt", "Head of Product Management", {"technical-application": 5}),
    ("uwe.schaefer", "Uwe Schäfer", "logistics", "Head of Logistics", {}),
    (
        "carla.menke",
        "Carla Menke",
        "agency",
        "Account Director, Nordlicht Media",
        {"performance-marketing": 5, "web-analytics": 4},
    ),
)


def _people() -> list[dict[str, Any]]:
    people = []
    for person_id, name, unit, position, competencies in _PEOPLE:
        domain = AGENCY_DOMAIN if unit == "agency" else DOMAIN
        person = {
            "id": person_id,
            "name": name,
            "unit": unit,
            "email": f"{person_id}@{domain}",
            "position": position,
            "competencies": dict(competencies) or None,
        }
        people.append(_compact(person))
    return people


# --- purpose ---------------------------------------------------------------------------------


def _mission(year: int) -> dict[str, Any]:
    return {
        "statement": (
            "Marketing & Sales makes Altwerk the supplier that plant engineers and operators choose first "
            "and stay with longest. We understand their processes better than anyone, make buying and "
            "running our pumps and valves effortless in every channel, and turn that customer value into "
            "profitable growth for all business units."
        ),
        "scope": "ms",
        "adopted": datetime.date(year - 1, 11, 14),
        "principles": [
            "The customer experience is one job: marketing, sales and service own it together.",
            "We sell value, not discounts: prices follow the value we create in the customer's plant.",
            "Decisions rest on data we trust: one customer record, one pipeline, one set of figures.",
            "Central where scale and consistency matter, close to the customer where relationships matter.",
            "Every goal traces back to this mission, and every employee knows their part in it.",
        ],
    }


_DECISION_AREAS = (
    "strategy",
    "product",
    "pricing",
    "channels",
    "communication",
    "customer_experience",
    "customer_data",
    "budget",
)
_RIGHTS = ("none", "execute", "advise", "co_decide", "lead")


def _stance(scores: tuple[int, ...], sales_alignment: str) -> dict[str, Any]:
    """A role stance from eight decision-right scores (0-4), in the spec's order of areas."""
    rights = {area: _RIGHTS[score] for area, score in zip(_DECISION_AREAS, scores, strict=True)}
    return {"decision_rights": rights, "sales_alignment": sales_alignment}


def _role_profiles(year: int) -> list[dict[str, Any]]:
    horizon = year + HORIZON_YEARS
    # No profile toward the service business: its role is the open vision question (LS012).
    return [
        {
            "unit": "ms",
            "horizon": horizon,
            "as_is": _stance((0, 0, 0, 1, 3, 1, 1, 1), "defined"),  # service provider
            "target": _stance((3, 2, 2, 2, 3, 3, 3, 2), "integrated"),  # senior counselor
            "rationale": (
                "Today marketing produces brochures and trade fairs on request of the business units, and "
                "sales works from its own lists. With digital channels, pricing and customer data at the "
                f"centre of growth, marketing & sales must by {horizon} counsel the business units at eye "
                "level and own the customer data."
            ),
        },
        {
            "unit": "ms",
            "toward": "bu-pumps",
            "horizon": horizon,
            "as_is": _stance((2, 1, 1, 2, 4, 2, 1, 2), "aligned"),  # brand builder
            "target": _stance((3, 3, 3, 3, 4, 3, 4, 3), "integrated"),  # marketing master
            "rationale": (
                "Industrial Pumps faces new online competitors and the EcoFlow series needs a coordinated "
                "launch. Here marketing & sales should steer channels, pricing and the customer experience "
                "together with the business unit."
            ),
        },
        {
            "unit": "ms",
            "toward": "bu-valves",
            "horizon": horizon,
            "as_is": _stance((2, 2, 1, 2, 3, 2, 2, 2), "defined"),  # best-practice advisor
            "target": _stance((3, 2, 2, 3, 3, 3, 3, 2), "aligned"),  # senior counselor
            "rationale": (
                "Valves & Actuation sells largely through OEMs and distributors. Marketing & sales should "
                "share strategy and customer data with the business unit but leave product decisions with "
                "engineering."
            ),
        },
    ]


def _vision(year: int) -> list[dict[str, Any]]:
    horizon = year + HORIZON_YEARS
    return [
        _answer(
            "mission",
            "agreed",
            "katharina.vogel",
            f"Yes. The executive board adopted the mission in November {year - 1}; every department has "
            "derived its own purpose from it.",
        ),
        _answer(
            "role_change",
            "agreed",
            "katharina.vogel",
            "From a service provider that executes brochures and trade fairs to a senior counsellor that "
            f"co-decides strategy, channels and the customer experience and owns the customer data, by {horizon}.",
        ),
        _answer(
            "tasks",
            "agreed",
            "lea.brunner",
            "New: account-based marketing, marketing automation, a customer data platform, dynamic pricing "
            "for spare parts, onboarding and an NPS programme. Reduced: trade fairs, routine installed-base "
            "visits, price list maintenance. Dropped: the printed catalogue, manual order entry and "
            "untargeted cold calling.",
        ),
        _answer(
            "business_units",
            "agreed",
            "stefan.hoffmann",
            "Toward Industrial Pumps marketing & sales leads channels and the customer experience and "
            "co-decides pricing and positioning.",
            toward="bu-pumps",
        ),
        _answer(
            "business_units",
            "draft",
            "claudia.wendt",
            "Proposed: a counselling role. The business unit wants to keep pricing for OEM frame agreements; "
            "the steering committee decides next quarter.",
            toward="bu-valves",
        ),
        _answer("business_units", "open", "joerg.lindner", toward="bu-service"),
        _answer(
            "division",
            "draft",
            "katharina.vogel",
            "Brand, digital marketing, pricing and CRM work centrally from Bielefeld; field sales stays "
            "regional in Hamburg, Munich and Vienna; customer service remains in Chemnitz. Still open: "
            "whether inside sales moves to the regions.",
        ),
        _answer(
            "cooperation",
            "agreed",
            "lea.brunner",
            "Cooperation intensifies above all with IT (CRM, customer data platform, web shop, tracking), "
            "with Product Management on launches and with Finance on margin data. IT is becoming the "
            "bottleneck; a joint demand board meets every two weeks.",
        ),
        _answer(
            "goals",
            "agreed",
            "lea.brunner",
            "Area goals derived from the mission are cascaded to every department, team and employee and "
            "measured monthly from CRM, ERP, web analytics and the NPS survey.",
        ),
        _answer("competencies", "open", "lea.brunner"),
    ]


def _answer(
    question: str,
    status: str,
    owner: str,
    answer: str | None = None,
    *,
    toward: str | None = None,
) -> dict[str, Any]:
    return _compact({"question": question, "toward": toward, "status": status, "answer": answer, "owner": owner})


# --- design ----------------------------------------------------------------------------------


def _task(
    task_id: str,
    name: str,
    change: str,
    delivery: str,
    *,
    responsible: list[str],
    accountable: str | None = None,
    consulted: list[str] | None = None,
    informed: list[str] | None = None,
    locations: list[str] | None = None,
    toward: list[str] | None = None,
    competencies: dict[str, int] | None = None,
) -> dict[str, Any]:
    task = {
        "id": task_id,
        "name": name,
        "change": change,
        "delivery": delivery,
        "responsible": responsible,
        "accountable": accountable,
        "consulted": consulted,
        "informed": informed,
        "locations": locations,
        "toward": toward,
        "competencies": competencies,
    }
    return _compact(task)


def _tasks() -> list[dict[str, Any]]:
    return [
        _task(
            "account-based-marketing",
            "Account-based marketing for the top-30 accounts",
            "new",
            "central",
            responsible=["kam", "digital"],
            accountable="ms",
            consulted=["crm-data", "product-mkt"],
            informed=["sales"],
            locations=["bielefeld"],
            toward=["bu-pumps", "bu-valves"],
            competencies={"data-analytics": 2},
        ),
        _task(
            "marketing-automation",
            "Lead nurturing and marketing automation",
            "new",
            "central",
            responsible=["web-ops"],
            accountable="digital",
            consulted=["it", "crm-data"],
            informed=["inside-sales"],
            locations=["bielefeld"],
            competencies={"marketing-automation": 4},
        ),
        _task(
            "customer-data-platform",
            "Customer data platform and single customer view",
            "new",
            "central",
            responsible=["crm-data"],
            accountable="ms",
            consulted=["it", "finance"],
            informed=["sales", "kam", "customer-service"],
            locations=["bielefeld"],
            competencies={"crm-management": 4, "data-analytics": 4},
        ),
        # Pricing and the service business still argue about who answers for spare-parts prices.
        _task(
            "dynamic-pricing",
            "Value-based and dynamic pricing for spare parts",
            "new",
            "central",
            responsible=["pricing-ops"],
            consulted=["bu-service", "finance", "it"],
            informed=["customer-service"],
            locations=["bielefeld"],
            toward=["bu-service"],
            competencies={"pricing-analytics": 4},
        ),
        _task(
            "webshop-spare-parts",
            "Spare-parts web shop",
            "expand",
            "central",
            responsible=["web-ops", "customer-service"],
            accountable="ms",
            consulted=["logistics", "it"],
            informed=["bu-service"],
            locations=["bielefeld", "chemnitz"],
            toward=["bu-service"],
            competencies={"web-analytics": 2},
        ),
        _task(
            "programmatic-advertising",
            "Programmatic advertising and retargeting",
            "new",
            "external",
            responsible=["agency"],
            accountable="digital",
            consulted=["crm-data"],
            informed=["brand"],
            competencies={"performance-marketing": 4},
        ),
        _task(
            "seo-content",
            "Search engine optimisation and technical application content",
            "expand",
            "central",
            responsible=["digital", "product-mkt"],
            accountable="digital",
            consulted=["product-mgmt"],
            locations=["bielefeld"],
            toward=["bu-pumps", "bu-valves"],
            competencies={"content-marketing": 3},
        ),
        _task(
            "trade-fairs",
            "Trade fair participation",
            "reduce",
            "central",
            responsible=["brand"],
            accountable="brand",
            consulted=["product-mkt", "sales"],
            informed=["finance"],
            locations=["bielefeld"],
        ),
        _task(
            "printed-catalogue",
            "Printed product catalogue",
            "drop",
            "central",
            responsible=["brand"],
            accountable="brand",
            informed=["sales", "customer-service"],
        ),
        _task(
            "trade-press",
            "Trade press relations",
            "keep",
            "central",
            responsible=["brand"],
            accountable="brand",
            consulted=["product-mkt"],
            locations=["bielefeld"],
        ),
        _task(
            "product-launches",
            "Product launch management",
            "expand",
            "central",
            responsible=["product-mkt"],
            accountable="product-mkt",
            consulted=["product-mgmt", "sales"],
            informed=["customer-service"],
            locations=["bielefeld"],
            toward=["bu-pumps", "bu-valves"],
            competencies={"technical-application": 4},
        ),
        _task(
            "installed-base-visits",
            "Routine visits to installed-base customers",
            "reduce",
            "decentral",
            responsible=["sales-north", "sales-south"],
            accountable="sales",
            consulted=["bu-service"],
            locations=["hamburg", "munich", "vienna"],
            toward=["bu-pumps", "bu-service"],
        ),
        _task(
            "lead-qualification",
            "Qualification of inbound leads by inside sales",
            "expand",
            "central",
            responsible=["inside-sales"],
            accountable="sales",
            consulted=["digital"],
            locations=["bielefeld"],
            competencies={"value-selling": 2},
        ),
        _task(
            "key-account-planning",
            "Strategic account planning with key accounts",
            "keep",
            "central",
            responsible=["kam"],
            accountable="kam",
            consulted=["product-mgmt", "pricing-ops"],
            locations=["bielefeld"],
            toward=["bu-pumps", "bu-valves"],
            competencies={"key-account-management": 4},
        ),
        _task(
            "standard-quotations",
            "Quotations for standard products",
            "keep",
            "decentral",
            responsible=["inside-sales", "sales-north", "sales-south"],
            accountable="sales",
            consulted=["pricing-ops"],
            locations=["bielefeld", "hamburg", "munich"],
        ),
        _task(
            "manual-order-entry",
            "Manual order entry from fax and e-mail",
            "drop",
            "central",
            responsible=["customer-service"],
            accountable="customer-service",
            consulted=["it"],
            locations=["chemnitz"],
        ),
        _task(
            "complaint-management",
            "Complaint and warranty handling",
            "keep",
            "central",
            responsible=["customer-service"],
            accountable="customer-service",
            consulted=["logistics", "product-mgmt"],
            locations=["chemnitz"],
        ),
        _task(
            "price-list-maintenance",
            "Annual price list maintenance",
            "reduce",
            "central",
            responsible=["pricing-ops"],
            accountable="pricing-ops",
            consulted=["finance"],
            informed=["sales"],
            locations=["bielefeld"],
        ),
        _task(
            "sales-forecasting",
            "Sales forecasting and pipeline reporting",
            "expand",
            "central",
            responsible=["pricing-ops", "crm-data"],
            accountable="ms",
            consulted=["finance"],
            informed=["bu-pumps", "bu-valves", "bu-service"],
            locations=["bielefeld"],
            competencies={"data-analytics": 3},
        ),
        _task(
            "crm-hygiene",
            "CRM data quality management",
            "expand",
            "central",
            responsible=["crm-data"],
            accountable="crm-data",
            consulted=["sales", "kam"],
            locations=["bielefeld"],
            competencies={"crm-management": 3},
        ),
        _task(
            "customer-onboarding",
            "Onboarding programme for new customers and distributors",
            "new",
            "central",
            responsible=["customer-service", "inside-sales"],
            accountable="customer-service",
            consulted=["web-ops"],
            locations=["chemnitz", "bielefeld"],
            competencies={"service-excellence": 2},
        ),
        _task(
            "nps-programme",
            "Customer feedback and NPS programme",
            "new",
            "central",
            responsible=["crm-data", "customer-service"],
            accountable="ms",
            consulted=["brand"],
            informed=["bu-pumps", "bu-valves", "bu-service"],
            competencies={"data-analytics": 2},
        ),
        _task(
            "regional-customer-days",
            "Regional customer days",
            "keep",
            "decentral",
            responsible=["sales-north", "sales-south"],
            accountable="sales",
            consulted=["brand"],
            locations=["hamburg", "munich", "vienna"],
        ),
        _task(
            "cold-calling",
            "Untargeted cold calling from purchased address lists",
            "drop",
            "central",
            responsible=["inside-sales"],
            accountable="sales",
            locations=["bielefeld"],
        ),
        _task(
            "media-planning",
            "Media planning and buying",
            "keep",
            "external",
            responsible=["agency"],
            accountable="brand",
            consulted=["digital"],
        ),
    ]


def _dependencies() -> list[dict[str, Any]]:
    # IT takes part in four dependencies that grow to intensity 3 or more: the hotspot (LS010).
    rows: tuple[Row, ...] = (
        ("crm-data", "it", "Hosting and integration of CRM and customer data platform", "data", 2, 4),
        ("web-ops", "it", "Web shop integration with ERP stock and prices", "service", 2, 4),
        ("pricing-ops", "it", "Price conditions interface to the ERP", "data", 1, 3),
        ("digital", "it", "Tracking and consent management", "data", 1, 3),
        ("inside-sales", "it", "Telephony and CRM integration", "service", 1, 2),
        ("digital", "agency", "Programmatic media buying", "service", 1, 3),
        ("brand", "agency", "Creative production for campaigns", "service", 3, 2),
        ("pricing-ops", "finance", "Margin approval for price changes", "approval", 3, 2),
        ("crm-data", "finance", "Revenue and margin per customer", "data", 1, 3),
        ("sales", "finance", "Credit limits for new customers", "approval", 2, 1),
        ("product-mkt", "product-mgmt", "Roadmap and launch dates", "information", 2, 4),
        ("kam", "product-mgmt", "Engineering of customer-specific variants", "service", 3, 3),
        ("customer-service", "logistics", "Delivery dates and stock availability", "data", 2, 3),
    )
    keys = ("from", "to", "about", "kind", "now", "target")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _competencies() -> list[dict[str, Any]]:
    # Nobody in Pricing & Sales Operations reaches pricing analytics level 4 (LS009).
    rows: tuple[Row, ...] = (
        ("brand-management", "Brand management", "marketing", {"brand": 4}),
        ("content-marketing", "Technical content marketing", "marketing", {"brand": 3, "digital": 3}),
        ("performance-marketing", "Performance marketing (search, programmatic)", "digital", {"digital": 4}),
        ("marketing-automation", "Marketing automation", "digital", {"web-ops": 3}),
        ("web-analytics", "Web analytics and tracking", "digital", {"digital": 3}),
        ("crm-management", "CRM administration and data quality", "data", {"crm-data": 4}),
        ("data-analytics", "Data analytics and modelling", "analytics", {"crm-data": 4, "pricing-ops": 3}),
        ("value-selling", "Value-based selling", "sales", {"sales": 3, "kam": 4}),
        ("key-account-management", "Key account management", "sales", {"kam": 4}),
        ("pricing-analytics", "Pricing analytics and price setting", "pricing", {"pricing-ops": 4}),
        ("technical-application", "Application engineering know-how", "product", {"product-mkt": 4, "sales": 3}),
        ("service-excellence", "Service excellence", "service", {"customer-service": 3}),
    )
    keys = ("id", "name", "category", "required")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _touchpoints() -> list[dict[str, Any]]:
    # id, name, stage, channel, owner, contributors
    rows: tuple[Row, ...] = (
        (
            "trade-fair",
            "Trade fair stand at Hannover Messe and IFAT",
            "awareness",
            "trade_fair",
            "brand",
            ["product-mkt", "sales-north", "sales-south"],
        ),
        ("trade-press", "Technical articles in trade media", "awareness", "print", "brand", ["product-mkt"]),
        ("search-ads", "Paid search and programmatic ads", "awareness", "web", "digital", ["agency"]),
        (
            "product-selector",
            "Online pump and valve selector",
            "consideration",
            "web",
            "web-ops",
            ["product-mkt", "it"],
        ),
        (
            "application-webinars",
            "Application webinars",
            "consideration",
            "webinar",
            "product-mkt",
            ["digital", "sales"],
        ),
        (
            "field-consultation",
            "On-site consultation by sales engineers",
            "consideration",
            "field_sales",
            "sales",
            ["product-mkt"],
        ),
        ("quotation", "Quotation", "purchase", "email", "inside-sales", ["pricing-ops", "sales-north", "sales-south"]),
        (
            "spare-parts-webshop",
            "Spare-parts web shop",
            "purchase",
            "web",
            "web-ops",
            ["customer-service", "logistics"],
        ),
        (
            "order-confirmation",
            "Order confirmation and delivery date",
            "purchase",
            "email",
            "customer-service",
            ["logistics"],
        ),
        (
            "commissioning",
            "Commissioning on site",
            "onboarding",
            "field_service",
            "customer-service",
            ["bu-service", "product-mkt"],
        ),
        (
            "welcome-programme",
            "Welcome programme for new customers",
            "onboarding",
            "email",
            "customer-service",
            ["web-ops", "inside-sales"],
        ),
        ("service-hotline", "Service hotline", "usage", "phone", "customer-service", ["bu-service"]),
        (
            "customer-portal",
            "Customer portal for documents, orders and service requests",
            "usage",
            "web",
            "web-ops",
            ["customer-service", "it"],
        ),
        ("account-review", "Annual key account review", "loyalty", "meeting", "kam", ["product-mgmt", "pricing-ops"]),
        ("nps-survey", "Relationship NPS survey", "loyalty", "email", "crm-data", ["customer-service"]),
        ("customer-newsletter", "Customer newsletter", "loyalty", "email", "digital", ["brand", "product-mkt"]),
    )
    keys = ("id", "name", "stage", "channel", "owner", "contributors")
    return [dict(zip(keys, row, strict=True)) for row in rows]


# --- goals -----------------------------------------------------------------------------------

_KR = _KeyResultPlan

_AREA_GOALS: tuple[_GoalPlan, ...] = (
    _GoalPlan(
        "grow-core-revenue",
        "Grow order intake in the core business profitably",
        "ms",
        "fy",
        key_results=(
            _KR(
                "order-intake",
                "Order intake this year",
                "EUR",
                0,
                92_000_000,
                "on_track",
                weight=2,
                metric="order_intake",
            ),
            _KR(
                "gross-margin",
                "Gross margin on new orders",
                "%",
                31.6,
                33.2,
                "at_risk",
                metric="gross_margin",
                note="Steel surcharges eat most of this year's price increase.",
            ),
        ),
        tasks=("account-based-marketing",),
        description="Growth must come from value, not from discounts.",
    ),
    _GoalPlan(
        "easiest-to-buy-from",
        "Be the supplier that is easiest to buy from",
        "ms",
        "fy",
        key_results=(
            _KR("nps", "Relationship Net Promoter Score", "NPS points", 24, 35, "on_track", source="NPS survey"),
            _KR(
                "quote-turnaround",
                "Median quote turnaround for standard products",
                "days",
                4.5,
                2.0,
                "on_track",
                source="CRM",
            ),
            _KR(
                "digital-order-share",
                "Order lines received through the web shop",
                "%",
                6.5,
                9,
                "achieved",
                metric="digital_order_share",
            ),
        ),
        tasks=("customer-onboarding", "nps-programme"),
        description="Customers judge us by how little effort it takes to work with us.",
    ),
    _GoalPlan(
        "digital-demand-engine",
        "Make digital channels our largest source of qualified demand",
        "ms",
        "fy",
        key_results=(
            _KR("mqls", "Marketing-qualified leads this year", "leads", 0, 3450, "on_track", weight=2, metric="mqls"),
            _KR(
                "cost-per-lead",
                "Blended cost per marketing-qualified lead",
                "EUR",
                285,
                200,
                "off_track",
                metric="cost_per_mql",
                confidence=3,
                note="The programmatic pilot brings volume, but the agency's audiences are too broad; "
                "cost per lead stays well above plan.",
            ),
        ),
        tasks=("programmatic-advertising",),
        description="Engineers research online long before they talk to a sales engineer.",
    ),
    _GoalPlan(
        "one-customer-view",
        "Run marketing & sales on one trusted view of the customer",
        "ms",
        "fy",
        key_results=(
            _KR(
                "crm-completeness",
                "Accounts with complete core data",
                "%",
                68,
                90,
                "at_risk",
                source="CRM",
                dip_note="Migration of the legacy CRM stalled for three weeks.",
                note="Migration back on track; sales still enters new contacts late.",
            ),
            _KR(
                "forecast-deviation",
                "Deviation of the forecast from actual order intake",
                "%",
                None,
                None,
                "achieved",
                direction="range",
                range=(-5, 5),
                observed=(11.0, 4.2),
                source="Controlling",
            ),
        ),
        tasks=("customer-data-platform",),
    ),
    _GoalPlan(
        "profitable-service-business",
        "Build a profitable spare-parts and service business",
        "ms",
        "fy",
        key_results=(
            _KR(
                "spare-parts-revenue",
                "Order intake for spare parts and field service",
                "EUR",
                0,
                6_700_000,
                "on_track",
                metric={"id": "order_intake", "where": {"business_unit": "bu-service"}},
            ),
            _KR(
                "webshop-revenue-share",
                "Spare-parts and service revenue through the web shop",
                "%",
                7.5,
                None,
                "draft",
                direction="increase",
                metric={"id": "webshop_revenue_share", "where": {"business_unit": "bu-service"}},
                note="Target follows once the role toward the service business is settled.",
            ),
        ),
        tasks=("webshop-spare-parts", "dynamic-pricing"),
        description="Outside the core business; the role of marketing & sales here is still open.",
    ),
    _GoalPlan(
        "role-competencies",
        "Build the competencies our new role needs",
        "ms",
        "fy",
        key_results=(
            _KR(
                "value-selling-certified",
                "Sales staff certified in value-based selling",
                "people",
                4,
                28,
                "on_track",
                source="HR",
            ),
            _KR(
                "analytics-academy",
                "Employees who completed the analytics academy",
                "people",
                0,
                20,
                "at_risk",
                source="HR",
                note="Second cohort postponed because of the CRM migration.",
            ),
        ),
    ),
)

_DEPARTMENT_GOALS: tuple[_GoalPlan, ...] = (
    _GoalPlan(
        "brand-first-choice",
        "Be the first-named brand among plant engineers",
        "brand",
        "fy",
        key_results=(
            _KR(
                "aided-awareness",
                "Aided brand awareness among plant engineers",
                "%",
                38,
                45,
                "on_track",
                source="Brand tracker",
            ),
            _KR(
                "fair-cost-per-contact",
                "Trade fair cost per contact",
                "EUR",
                145,
                114,
                "on_track",
                metric={"id": "fair_cost_per_contact", "where": {"channel": "trade_fair"}},
            ),
            _KR(
                "share-of-voice",
                "Share of voice in trade media",
                "%",
                None,
                None,
                "off_track",
                direction="range",
                range=(25, 35),
                observed=(21.0, 22.5),
                source="Media monitoring",
                note="Two competitors launched large campaigns in the trade press.",
            ),
        ),
        parents=(("digital-demand-engine", 1),),
    ),
    _GoalPlan(
        "digital-demand",
        "Create qualified demand through search, content and campaigns",
        "digital",
        "fy",
        key_results=(
            _KR(
                "web-mqls",
                "Marketing-qualified leads from the website this year",
                "leads",
                0,
                1000,
                "on_track",
                weight=2,
                metric={"id": "mqls", "where": {"channel": "web"}},
            ),
            _KR(
                "organic-sessions",
                "Organic sessions on product pages per month",
                "sessions",
                1030,
                1380,
                "on_track",
                metric={"id": "organic_sessions", "window": "bucket"},
            ),
            _KR(
                "paid-cpl",
                "Cost per lead in paid search and programmatic",
                "EUR",
                700,
                400,
                "off_track",
                metric={"id": "cost_per_mql", "where": {"channel": "paid_search"}},
                note="Agency briefed on narrower audiences; effect expected next month.",
            ),
        ),
        parents=(("digital-demand-engine", 2),),
        tasks=("programmatic-advertising", "seo-content"),
    ),
    _GoalPlan(
        "nurture-and-convert",
        "Nurture every lead until it is ready for sales",
        "web-ops",
        "fy",
        key_results=(
            _KR(
                "journeys-live",
                "Automated nurturing journeys live",
                "journeys",
                0,
                8,
                "on_track",
                source="Marketing automation",
            ),
            _KR(
                "nurtured-share",
                "MQLs that came through a nurturing journey",
                "%",
                11,
                34,
                "at_risk",
                metric="nurtured_share",
                note="Waiting for the CRM field mapping from IT.",
            ),
        ),
        parents=(("digital-demand", 1), ("easiest-to-buy-from", 1)),
        tasks=("marketing-automation",),
    ),
    _GoalPlan(
        "webshop-growth",
        "Grow the spare-parts web shop",
        "web-ops",
        "fy",
        key_results=(
            _KR(
                "webshop-revenue",
                "Web shop order intake this year",
                "EUR",
                0,
                10_200_000,
                "on_track",
                metric={"id": "order_intake", "where": {"sales_channel": "webshop"}},
            ),
            _KR(
                "webshop-conversion",
                "Web shop conversion rate",
                "%",
                2.4,
                3.3,
                "on_track",
                metric="webshop_conversion",
                manual=(1, 2.9, "Web analytics, corrected for the tracking outage"),
            ),
        ),
        parents=(("profitable-service-business", 2), ("easiest-to-buy-from", 1)),
        tasks=("webshop-spare-parts",),
    ),
    _GoalPlan(
        "launch-ecoflow",
        "Launch the EcoFlow pump series successfully",
        "product-mkt",
        "fy",
        key_results=(
            _KR(
                "ecoflow-orders",
                "EcoFlow order intake",
                "EUR",
                0,
                18_500_000,
                "on_track",
                weight=2,
                metric={"id": "order_intake", "where": {"product_line": "ecoflow"}},
            ),
            _KR(
                "sales-enabled",
                "Sales staff trained in EcoFlow application selling",
                "%",
                0,
                100,
                "achieved",
                source="Learning platform",
            ),
        ),
        parents=(("grow-core-revenue", 1),),
        tasks=("product-launches",),
    ),
    _GoalPlan(
        "field-sales-growth",
        "Grow order intake through consultative field sales",
        "sales",
        "fy",
        key_results=(
            _KR(
                "field-order-intake",
                "Order intake from field sales",
                "EUR",
                0,
                44_000_000,
                "on_track",
                weight=2,
                metric={"id": "order_intake", "where": {"sales_channel": "field_sales"}},
            ),
            _KR(
                "win-rate",
                "Win rate on sales-qualified leads",
                "%",
                20,
                30,
                "at_risk",
                metric="win_rate",
                note="Many of this year's opportunities are still open; the rate firms up as they close.",
            ),
        ),
        parents=(("grow-core-revenue", 3),),
        tasks=("sales-forecasting",),
    ),
    _GoalPlan(
        "north-territory",
        "Grow the northern territories",
        "sales-north",
        "fy",
        key_results=(
            _KR(
                "north-order-intake",
                "Order intake Sales North",
                "EUR",
                0,
                27_500_000,
                "on_track",
                metric={"id": "order_intake", "where": {"team": "sales-north"}},
            ),
            _KR(
                "north-upgrade-visits",
                "Installed-base visits with an upgrade proposal",
                "proposals",
                120,
                220,
                "on_track",
                source="CRM",
            ),
        ),
        parents=(("field-sales-growth", 1),),
    ),
    _GoalPlan(
        "south-territory",
        "Grow the southern territories and Austria",
        "sales-south",
        "fy",
        key_results=(
            _KR(
                "south-order-intake",
                "Order intake Sales South",
                "EUR",
                0,
                33_000_000,
                "at_risk",
                metric={"id": "order_intake", "where": {"team": "sales-south"}},
                note="Two large utility tenders were postponed by the customers.",
            ),
            _KR("south-new-utilities", "New water utility customers", "customers", 4, 24, "on_track", source="CRM"),
        ),
        parents=(("field-sales-growth", 1),),
    ),
    _GoalPlan(
        "qualify-fast",
        "Qualify every inbound lead within hours",
        "inside-sales",
        "fy",
        key_results=(
            _KR(
                "lead-response-time",
                "Average response time to marketing-qualified leads",
                "hours",
                12.5,
                8,
                "on_track",
                metric="lead_response_hours",
            ),
            _KR(
                "sql-conversion",
                "MQL to sales-qualified lead conversion",
                "%",
                24,
                30,
                "on_track",
                metric="mql_to_sql_rate",
            ),
            _KR(
                "inside-sales-sqls",
                "Sales-qualified leads accepted by inside sales",
                "leads",
                0,
                315,
                "on_track",
                metric={"id": "sqls", "where": {"team": "inside-sales"}},
            ),
        ),
        parents=(("digital-demand-engine", 1), ("field-sales-growth", 1)),
        tasks=("lead-qualification",),
    ),
    _GoalPlan(
        "grow-key-accounts",
        "Grow our share of wallet at key accounts",
        "kam",
        "fy",
        key_results=(
            _KR(
                "share-of-wallet",
                "Share of wallet at the top-30 accounts",
                "%",
                22,
                28,
                "on_track",
                source="Account plans",
            ),
            _KR(
                "account-plans",
                "Key accounts with a jointly agreed account plan",
                "accounts",
                12,
                30,
                "achieved",
                source="CRM",
            ),
            _KR(
                "key-account-order-intake",
                "Order intake from key accounts",
                "EUR",
                0,
                18_500_000,
                "on_track",
                metric={"id": "order_intake", "where": {"sales_channel": "key_account"}},
            ),
        ),
        parents=(("grow-core-revenue", 2),),
        tasks=("account-based-marketing", "key-account-planning"),
    ),
    _GoalPlan(
        "service-first-time-right",
        "Resolve customer requests right the first time",
        "customer-service",
        "fy",
        key_results=(
            _KR(
                "first-contact-resolution",
                "Requests resolved at first contact",
                "%",
                61,
                75,
                "on_track",
                source="Ticket system",
            ),
            _KR(
                "complaint-days",
                "Average complaint resolution time",
                "days",
                9,
                5,
                "at_risk",
                source="Ticket system",
                note="Warranty cases wait for Product Management's root-cause analysis.",
            ),
            _KR(
                "portal-effort",
                "Customer effort score in the service portal",
                "points",
                None,
                2.0,
                "draft",
                direction="decrease",
                observed=(3.4, 3.1),
                source="Portal survey",
                note="The baseline follows after the first full quarter of surveys.",
            ),
        ),
        parents=(("easiest-to-buy-from", 2),),
        tasks=("customer-onboarding",),
    ),
    _GoalPlan(
        "price-realisation",
        "Realise prices that reflect customer value",
        "pricing-ops",
        "fy",
        key_results=(
            _KR("price-increase-realised", "Realised average price increase", "%", 1.8, 3.5, "on_track", source="ERP"),
            _KR(
                "discount-band",
                "Average discount on standard products",
                "%",
                None,
                None,
                "achieved",
                direction="range",
                range=(8, 10),
                metric={"id": "average_discount", "where": {"assortment": "standard"}},
            ),
        ),
        parents=(("grow-core-revenue", 1), ("profitable-service-business", 1)),
        tasks=("dynamic-pricing",),
    ),
    _GoalPlan(
        "trusted-customer-data",
        "Give everyone one trusted record per customer",
        "crm-data",
        "fy",
        key_results=(
            _KR(
                "cdp-sources",
                "Data sources connected to the customer data platform",
                "sources",
                2,
                7,
                "on_track",
                source="CDP",
            ),
            _KR("duplicate-rate", "Duplicate account records", "%", 11, 3, "on_track", source="CRM"),
        ),
        parents=(("one-customer-view", 2),),
        tasks=("customer-data-platform", "crm-hygiene", "nps-programme"),
    ),
)

_PERSONAL_GOALS: tuple[_GoalPlan, ...] = (
    _GoalPlan(
        "lena-paid-search",
        "Make paid search pay for itself",
        "lena.hartmann",
        "fy",
        key_results=(
            _KR(
                "search-cpl",
                "Cost per lead in paid search",
                "EUR",
                700,
                520,
                "on_track",
                metric={"id": "cost_per_mql", "where": {"channel": "paid_search"}},
            ),
            _KR(
                "paid-search-mqls",
                "Marketing-qualified leads from paid search",
                "leads",
                0,
                400,
                "on_track",
                metric={"id": "mqls", "where": {"channel": "paid_search"}},
            ),
        ),
        parents=(("digital-demand", 1),),
    ),
    _GoalPlan(
        "jonas-seo",
        "Rank on page one for our core application terms",
        "jonas.weber",
        "fy",
        key_results=(
            _KR(
                "page-one-terms",
                "Core application terms ranking on page one",
                "terms",
                14,
                40,
                "on_track",
                source="SEO tool",
            ),
        ),
        parents=(("digital-demand", 1),),
        tasks=("seo-content",),
    ),
    _GoalPlan(
        "sofia-content",
        "Publish application stories that engineers share",
        "sofia.marino",
        "fy",
        key_results=(
            _KR(
                "application-stories",
                "Application case studies published",
                "case studies",
                0,
                24,
                "on_track",
                source="CMS",
            ),
            _KR(
                "content-downloads",
                "Whitepaper and case-study downloads this year",
                "downloads",
                0,
                9200,
                "on_track",
                metric="content_downloads",
            ),
        ),
        parents=(("digital-demand", 1), ("brand-first-choice", 1)),
    ),
    _GoalPlan(
        "nina-journeys",
        "Build and run the nurturing journeys",
        "nina.schulz",
        "fy",
        key_results=(
            _KR(
                "nina-journeys-built",
                "Nurturing journeys built and tested",
                "journeys",
                0,
                10,
                "on_track",
                source="Marketing automation",
            ),
        ),
        parents=(("nurture-and-convert", 1),),
        tasks=("marketing-automation",),
    ),
    _GoalPlan(
        "tobias-press",
        "Place our engineers in the trade press",
        "tobias.neumann",
        "fy",
        key_results=(
            _KR(
                "press-articles",
                "Technical articles placed in trade media",
                "articles",
                6,
                30,
                "on_track",
                source="Media monitoring",
            ),
        ),
        parents=(("brand-first-choice", 1),),
    ),
    _GoalPlan(
        "markus-ecoflow",
        "Get EcoFlow specified in water projects",
        "markus.braun",
        "fy",
        key_results=(
            _KR(
                "ecoflow-specs",
                "Consulting engineers who specify EcoFlow",
                "engineers",
                0,
                25,
                "on_track",
                source="CRM",
            ),
        ),
        parents=(("launch-ecoflow", 1),),
    ),
    _GoalPlan(
        "hauke-territory",
        "Grow Hamburg and Schleswig-Holstein",
        "hauke.jensen",
        "fy",
        key_results=(
            _KR(
                "hauke-order-intake",
                "Order intake in the territory this year",
                "EUR",
                0,
                9_000_000,
                "on_track",
                source="ERP",
            ),
        ),
        parents=(("north-territory", 1),),
    ),
    _GoalPlan(
        "maren-installed-base",
        "Turn the installed base into upgrade projects",
        "maren.albers",
        "fy",
        key_results=(
            _KR(
                "maren-upgrade-proposals",
                "Upgrade proposals for installed pumps",
                "proposals",
                20,
                60,
                "achieved",
                source="CRM",
            ),
        ),
        parents=(("north-territory", 1),),
    ),
    _GoalPlan(
        "andrea-austria",
        "Open the Austrian water utility market",
        "andrea.gruber",
        "fy",
        key_results=(
            _KR(
                "andrea-utilities",
                "Austrian utilities with an active quotation",
                "utilities",
                2,
                14,
                "off_track",
                source="CRM",
                note="Local approval for the EcoFlow series is still pending.",
            ),
        ),
        parents=(("south-territory", 1),),
    ),
    _GoalPlan(
        "dennis-response",
        "Call back every inbound lead the same morning",
        "dennis.koch",
        "fy",
        key_results=(
            _KR(
                "dennis-within-four-hours",
                "Qualified leads contacted within four hours",
                "%",
                19,
                30,
                "on_track",
                metric="fast_response_share",
            ),
        ),
        parents=(("qualify-fast", 1),),
        tasks=("lead-qualification",),
    ),
    _GoalPlan(
        "ines-chemicals",
        "Deepen the chemicals and pharma accounts",
        "ines.wolf",
        "fy",
        key_results=(
            _KR(
                "ines-wallet",
                "Share of wallet at the eight chemicals accounts",
                "%",
                19,
                26,
                "on_track",
                source="Account plans",
            ),
        ),
        parents=(("grow-key-accounts", 1),),
        tasks=("account-based-marketing",),
    ),
    _GoalPlan(
        "oliver-utilities",
        "Renew the water utility frame agreements",
        "oliver.hahn",
        "fy",
        key_results=(
            _KR(
                "oliver-frame-agreements",
                "Utilities under a renewed frame agreement",
                "utilities",
                4,
                16,
                "at_risk",
                source="Contract database",
                note="Public tenders take longer than the sales cycle assumed.",
            ),
        ),
        parents=(("grow-key-accounts", 1),),
    ),
    _GoalPlan(
        "marco-first-contact",
        "Solve more requests on the first call",
        "marco.conti",
        "fy",
        key_results=(
            _KR("marco-fcr", "Own requests resolved at first contact", "%", 64, 78, "on_track", source="Ticket system"),
        ),
        parents=(("service-first-time-right", 1),),
    ),
    _GoalPlan(
        "hannah-waterfall",
        "Make price leakage visible",
        "hannah.roth",
        "fy",
        key_results=(
            _KR(
                "hannah-waterfall-articles",
                "Top articles with a complete price waterfall",
                "articles",
                0,
                200,
                "on_track",
                source="Pricing tool",
            ),
        ),
        parents=(("price-realisation", 1),),
        tasks=("dynamic-pricing",),
    ),
    _GoalPlan(
        "priya-churn",
        "Predict which accounts are about to leave",
        "priya.nair",
        "fy",
        key_results=(
            _KR(
                "churn-model-precision",
                "Precision of the churn-risk model",
                "%",
                40,
                70,
                "at_risk",
                source="Model validation",
                confidence=2,
                note="Order history before the ERP migration is missing; the model cannot be "
                "validated until IT restores the archive.",
            ),
        ),
        parents=(("trusted-customer-data", 1),),
        tasks=("customer-data-platform",),
    ),
    _GoalPlan(
        "arne-duplicates",
        "Clean up duplicate accounts",
        "arne.voss",
        "fy",
        key_results=(_KR("arne-merged", "Duplicate accounts merged", "accounts", 0, 4000, "on_track", source="CRM"),),
        parents=(("trusted-customer-data", 1),),
        tasks=("crm-hygiene",),
    ),
    _GoalPlan(
        "simon-pipeline",
        "Keep the pipeline fit for forecasting",
        "simon.lang",
        "fy",
        key_results=(
            _KR(
                "pipeline-hygiene",
                "Opportunities with a next step and close date",
                "%",
                55,
                90,
                "on_track",
                source="CRM",
            ),
        ),
        parents=(("one-customer-view", 1),),
        tasks=("sales-forecasting",),
    ),
)


@dataclass(frozen=True)
class _QuarterPlan:
    """One quarter's campaign, pipeline and service backlog goals."""

    theme: str
    channel: str  # the lead channel the campaign runs in (a value of the metrics' `channel` dimension)
    channel_name: str
    leads: int
    mqls: int
    sqls: int
    backlog: int
    # Profiles of the campaign, pipeline and backlog key results, so every quarter shows a mix.
    profiles: tuple[Profile, Profile, Profile]


_QUARTERS: dict[int, _QuarterPlan] = {
    1: _QuarterPlan(
        "Energy-efficiency retrofits for water utilities",
        "email",
        "e-mail",
        340,
        75,
        300,
        140,
        ("achieved", "off_track", "on_track"),
    ),
    2: _QuarterPlan(
        "EcoFlow launch", "paid_search", "paid search", 450, 100, 300, 120, ("on_track", "at_risk", "off_track")
    ),
    3: _QuarterPlan(
        "Spare parts before the autumn maintenance season",
        "webshop",
        "the web shop",
        300,
        55,
        275,
        110,
        ("off_track", "on_track", "at_risk"),
    ),
    4: _QuarterPlan(
        "Budget season for next year's plant upgrades",
        "trade_fair",
        "trade fairs",
        350,
        135,
        450,
        100,
        ("on_track", "off_track", "at_risk"),
    ),
}


def _quarter_goals(n: int) -> tuple[_GoalPlan, ...]:
    plan = _QUARTERS[n]
    campaign, pipeline, service = plan.profiles
    quarter = f"q{n}"
    channel = {"channel": plan.channel}
    return (
        _GoalPlan(
            f"campaign-{quarter}",
            f"Q{n} campaign: {plan.theme}",
            "lena.hartmann",
            quarter,
            key_results=(
                _KR(
                    f"campaign-{quarter}-leads",
                    f"Leads from {plan.channel_name}",
                    "leads",
                    0,
                    plan.leads,
                    campaign,
                    metric={"id": "leads", "where": channel},
                ),
                _KR(
                    f"campaign-{quarter}-mqls",
                    f"Marketing-qualified leads from {plan.channel_name}",
                    "leads",
                    0,
                    plan.mqls,
                    campaign,
                    metric={"id": "mqls", "where": channel},
                ),
            ),
            parents=(("digital-demand", 1),),
        ),
        _GoalPlan(
            f"pipeline-{quarter}",
            f"Build qualified pipeline in Q{n}",
            "inside-sales",
            quarter,
            key_results=(
                _KR(
                    f"pipeline-{quarter}-sqls",
                    "Sales-qualified leads created",
                    "leads",
                    0,
                    plan.sqls,
                    pipeline,
                    metric="sqls",
                ),
            ),
            parents=(("qualify-fast", 1),),
        ),
        _GoalPlan(
            f"backlog-{quarter}",
            f"Clear the service request backlog in Q{n}",
            "birgit.schneider",
            quarter,
            key_results=(
                _KR(
                    f"backlog-{quarter}-open",
                    "Open service requests older than five days",
                    "requests",
                    plan.backlog,
                    40,
                    service,
                    source="Ticket system",
                ),
            ),
            parents=(("service-first-time-right", 1),),
        ),
    )


def _goal_plans() -> tuple[_GoalPlan, ...]:
    quarters = tuple(plan for n in range(1, 5) for plan in _quarter_goals(n))
    return _AREA_GOALS + _DEPARTMENT_GOALS + _PERSONAL_GOALS + quarters


def _goals(periods: dict[str, _Period], today: datetime.date) -> list[dict[str, Any]]:
    leads = _unit_leads()
    goals = []
    for plan in _goal_plans():
        period = periods[plan.period]
        by = leads.get(plan.owner, plan.owner)
        contributes_to = [{"goal": goal, "weight": weight} for goal, weight in plan.parents]
        goal = {
            "id": plan.id,
            "title": plan.title,
            "owner": plan.owner,
            "period": period.id,
            "contributes_to": contributes_to or None,
            "tasks": list(plan.tasks) or None,
            "key_results": [_key_result(kr, period, today, by) for kr in plan.key_results],
            "description": plan.description,
        }
        goals.append(_compact(goal))
    return goals


# --- key results: measurements and check-ins -------------------------------------------------


def _key_result(plan: _KeyResultPlan, period: _Period, today: datetime.date, by: str) -> dict[str, Any]:
    dates = _measurement_dates(period, today)
    if plan.metric is None:
        values = _values(plan, period, dates)
        measurements = [
            _compact({"date": day.replace(), "value": value, "source": plan.source})
            for day, value in zip(dates, values, strict=True)
        ]
    else:
        measurements = _manual_measurements(plan, period, today)
    key_result = {
        "id": plan.id,
        "title": plan.title,
        "unit": plan.unit,
        "baseline": plan.baseline,
        "target": plan.target,
        "direction": _direction(plan),
        "range": list(plan.range) if plan.range else None,
        "weight": plan.weight if plan.weight != 1 else None,
        "metric": _binding(plan.metric),
        "measurements": measurements or None,
        "check_ins": _check_ins(plan, dates[-CHECK_INS_PER_KEY_RESULT:], by) or None,
    }
    return _compact(key_result)


def _binding(metric: Binding | None) -> Binding | None:
    """A fresh copy of a binding, so documents never share (or alias) the plan's mappings."""
    if metric is None or isinstance(metric, str):
        return metric
    return {key: dict(value) if isinstance(value, dict) else value for key, value in metric.items()}


def _manual_measurements(plan: _KeyResultPlan, period: _Period, today: datetime.date) -> list[dict[str, Any]]:
    """A bound key result's manual measurement, once its day has come."""
    if plan.manual is None:
        return []
    month, value, source = plan.manual
    year = period.start.year
    day = datetime.date(year, month, calendar.monthrange(year, month)[1])
    if not period.start <= day <= min(period.end, today):
        return []
    return [{"date": day, "value": value, "source": source}]


def _direction(plan: _KeyResultPlan) -> str:
    if plan.direction:
        return plan.direction
    if plan.baseline is None or plan.target is None:
        raise ValueError(f"key result {plan.id} needs an explicit direction")
    return "increase" if plan.target > plan.baseline else "decrease"


def _measurement_dates(period: _Period, today: datetime.date) -> list[datetime.date]:
    """Month ends of the period up to `today`, plus the last day measured if it is no month end.

    Measuring on `today` itself keeps every started key result measured, so no key result
    in a current period is ever without a measurement (LS013).
    """
    last = min(period.end, today)
    if last < period.start:
        return []
    dates = [day for day in _month_ends(period.start.year, last) if day >= period.start]
    if not dates or dates[-1] != last:
        dates.append(last)
    return dates


def _month_ends(from_year: int, until: datetime.date) -> list[datetime.date]:
    ends = []
    for year in range(from_year, until.year + 1):
        for month in range(1, 13):
            day = datetime.date(year, month, calendar.monthrange(year, month)[1])
            if day <= until:
                ends.append(day)
    return ends


def _final_progress(profile: Profile, expected: float, rng: random.Random) -> float:
    """Progress at the latest measurement, chosen so the spec's status rule yields the profile.

    on_track stays at or above expected; at_risk lands 0.17 below it (between the 0.10 and 0.25
    thresholds), off_track 0.36 below. Progress cannot fall below zero, so early in a period
    an at-risk or off-track key result still counts as on track.
    """
    if profile == "achieved":
        return 1.0
    if profile == "on_track":
        return min(expected + rng.uniform(0.0, 0.06), 0.98)
    if profile == "at_risk":
        return max(0.0, expected - 0.17)
    return max(0.0, expected - 0.36)


def _values(plan: _KeyResultPlan, period: _Period, dates: list[datetime.date]) -> list[int | float]:
    """Measured values: a straight path to the latest value with a little noise on the way."""
    if not dates:
        return []
    rng = random.Random(plan.id)  # seeded: reproducible demo figures
    latest = period.share(dates[-1])
    if plan.observed is not None:
        first, final = plan.observed
        span = abs(final - first)
    elif plan.baseline is not None and plan.target is not None:
        first, span = plan.baseline, abs(plan.target - plan.baseline)
        progress = _final_progress(plan.profile, latest, rng)
        final = plan.target if progress >= 1 else first + progress * (plan.target - first)
    else:
        raise ValueError(f"key result {plan.id} needs observed values or a baseline and a target")
    values = []
    for index, day in enumerate(dates):
        value = first + (final - first) * (period.share(day) / latest if latest > 0 else 1.0)
        if index < len(dates) - 1:
            value += rng.uniform(-0.04, 0.04) * span
        values.append(_rounded(value, plan.unit, span))
    return values


def _rounded(value: float, unit: str, span: float) -> int | float:
    """A value as it would be reported: whole counts and euros, percentages within 0-100."""
    if unit == "EUR" and span >= 100_000:
        return max(0, int(round(value, -3)))
    if unit == "EUR" or unit in _COUNT_UNITS:
        return max(0, round(value))
    if unit == "%":
        value = min(100.0, max(0.0, value))
    return round(value, 1 if span >= 5 else 2) + 0.0  # + 0.0 turns -0.0 into 0.0


def _check_ins(plan: _KeyResultPlan, dates: list[datetime.date], by: str) -> list[dict[str, Any]]:
    """Check-ins on the most recent measurement dates, with confidence drifting to the latest."""
    rng = random.Random(f"{plan.id}/check-ins")  # seeded: reproducible demo figures
    usual, step = _CONFIDENCE[plan.profile]
    check_ins = []
    for index, day in enumerate(dates):
        steps_back = len(dates) - 1 - index
        confidence, note = usual + step * steps_back, None
        if steps_back and plan.profile == "on_track":
            confidence = rng.choice((6, 7, 8))
        if steps_back and index == 0 and plan.dip_note:
            confidence, note = 3, plan.dip_note
        if not steps_back:
            confidence = usual if plan.confidence is None else plan.confidence
            note = plan.note
        check_in = {"date": day.replace(), "by": by, "confidence": min(10, confidence), "note": note}
        check_ins.append(_compact(check_in))
    return check_ins


# --- kpis ------------------------------------------------------------------------------------

# id, name, owner, unit, touchpoint, better, green, red, then the first and latest value or the metric
_KPIS: tuple[_KpiPlan, ...] = (
    _KpiPlan(
        "website-conversion",
        "Website visit-to-lead conversion",
        "web-ops",
        "%",
        "product-selector",
        "higher",
        6.0,
        5.0,
        metric="website_conversion",
    ),
    _KpiPlan(
        "quote-lead-time",
        "Quote lead time for standard products",
        "inside-sales",
        "days",
        "quotation",
        "lower",
        2,
        5,
        4.1,
        2.8,
    ),
    _KpiPlan(
        "hotline-service-level",
        "Hotline calls answered within 60 seconds",
        "customer-service",
        "%",
        "service-hotline",
        "higher",
        85,
        70,
        81,
        88,
    ),
    _KpiPlan("relationship-nps", "Relationship NPS", "ms", "NPS points", "nps-survey", "higher", 40, 20, 26, 31),
    _KpiPlan(
        "crm-data-completeness", "Accounts with complete core data", "crm-data", "%", None, "higher", 90, 75, 66, 72
    ),
    _KpiPlan(
        "marketing-cost-ratio",
        "Campaign spend as share of order intake",
        "ms",
        "%",
        None,
        "lower",
        1.0,
        1.3,
        metric="marketing_cost_ratio",
    ),
    _KpiPlan(
        "inbound-response-time",
        "Response time to qualified web leads",
        "laura.schmitt",
        "hours",
        None,
        "lower",
        6,
        10,
        metric={"id": "lead_response_hours", "where": {"channel": "web"}},
    ),
    _KpiPlan(
        "complaint-resolution", "Complaint resolution time", "customer-service", "days", None, "lower", 5, 10, 8.5, 6.5
    ),
    _KpiPlan(
        "webshop-availability",
        "Web shop availability",
        "web-ops",
        "%",
        "spare-parts-webshop",
        "higher",
        99.5,
        98,
        99.6,
        99.8,
    ),
    _KpiPlan(
        "fair-cost-per-contact",
        "Cost per trade fair contact",
        "brand",
        "EUR",
        "trade-fair",
        "lower",
        110,
        140,
        metric={"id": "fair_cost_per_contact", "where": {"channel": "trade_fair"}},
    ),
    _KpiPlan(
        "spare-parts-delivery",
        "Spare parts delivered on the promised date",
        "customer-service",
        "%",
        "order-confirmation",
        "higher",
        95,
        88,
        90,
        86,
    ),
    _KpiPlan(
        "lead-to-mql-rate",
        "Leads that become marketing-qualified",
        "digital",
        "%",
        "search-ads",
        "higher",
        30,
        25,
        metric="mql_rate",
    ),
    _KpiPlan(
        "average-deal-size",
        "Average deal won from a lead",
        "sales",
        "EUR",
        "field-consultation",
        "higher",
        22_000,
        18_000,
        metric="average_deal_size",
    ),
    _KpiPlan(
        "price-realization",
        "Realized price as share of list price",
        "pricing-ops",
        "%",
        "quotation",
        "higher",
        92,
        89,
        metric="price_realization",
    ),
    _KpiPlan(
        "average-order-value",
        "Average order line value",
        "sales",
        "EUR",
        "order-confirmation",
        "higher",
        18_000,
        15_000,
        metric="average_order_value",
    ),
)


def _kpis(today: datetime.date) -> list[dict[str, Any]]:
    # KPIs are ongoing, so their recent months may reach back into the previous year.
    dates = _month_ends(today.year - 1, today)[-KPI_MONTHS:]
    return [_kpi(plan, dates) for plan in _KPIS]


def _kpi(plan: _KpiPlan, dates: list[datetime.date]) -> dict[str, Any]:
    measurements = []
    if plan.first is not None and plan.latest is not None:
        rng = random.Random(plan.id)  # seeded: reproducible demo figures
        span = abs(plan.latest - plan.first)
        for index, day in enumerate(dates):
            value = plan.first + (plan.latest - plan.first) * index / (len(dates) - 1)
            if index < len(dates) - 1:
                value += rng.uniform(-0.1, 0.1) * span
            measurements.append({"date": day.replace(), "value": _rounded(value, plan.unit, span=10.0)})
    kpi = {
        "id": plan.id,
        "name": plan.name,
        "owner": plan.owner,
        "unit": plan.unit,
        "touchpoint": plan.touchpoint,
        "better": plan.better,
        "green": plan.green,
        "red": plan.red,
        "metric": _binding(plan.metric),
        "measurements": measurements or None,
    }
    return _compact(kpi)
