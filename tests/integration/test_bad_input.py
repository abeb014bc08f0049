"""`lodestar import` refuses invalid model files: exit 2, every error with its path, nothing written.

Each case starts from `conformance/files/every-key.yaml` (a valid model that uses every key of
the format) and changes it at the paths given, so that one case is one mistake and the error
it must produce is written next to it. A few cases are raw text, for what only text can hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lodestar.modelfile.yaml_io import parse_yaml
from tests.conftest import Run

EVERY_KEY = Path(__file__).parents[1] / "conformance" / "files" / "every-key.yaml"
DELETE = object()
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def every_key_document() -> dict[str, Any]:
    """The every-key model, parsed as Lodestar parses it (dates stay text)."""
    document: dict[str, Any] = parse_yaml(EVERY_KEY.read_text(encoding="utf-8"))
    return document


def edited(edits: dict[str, Any]) -> dict[str, Any]:
    """The every-key document with each `path: value` of `edits` applied (DELETE removes the key).

    An index one past the end of a list appends.
    """
    document = every_key_document()
    for path, value in edits.items():
        steps = [int(index) if index else key for key, index in _STEP.findall(path)]
        container: Any = document
        for step in steps[:-1]:
            container = container[step]
        last = steps[-1]
        if value is DELETE:
            del container[last]
        elif isinstance(last, int) and last == len(container):
            container.append(value)
        else:
            container[last] = value
    return document


def renamed(path: str, new_key: str) -> dict[str, Any]:
    """The edits that rename the key at `path` to `new_key`, keeping its value."""
    value: Any = every_key_document()
    for key, index in _STEP.findall(path):
        value = value[int(index) if index else key]
    return {path: DELETE, f"{path.rpartition('.')[0]}.{new_key}": value}


def reported(run: Run) -> list[tuple[str, str]]:
    """The (path, message) pairs an import printed, without the closing summary line."""
    pairs = []
    for line in run.err.splitlines():
        if not line or line.startswith("error: "):
            continue
        path, _, message = line.partition(": ")
        pairs.append((path, message))
    return pairs


def bad(case_id: str, change: dict[str, Any], *errors: tuple[str, str]) -> Any:
    """A case: the every-key model changed by `change` must fail with exactly these (path, message part) errors."""
    return pytest.param(change, errors, id=case_id)


# Indexes in every-key.yaml used below:
# units: 0 group (company), 1 bu-pumps, 2 bu-rental, 3 ms (area), 4 mkt, 5 web-team, 6 sales, 7 it (adjacent),
#        8 agency (external); people: 0 ana, 1 ben, 2 chloe, 3 dev; tasks: 0 web-analytics, 1 key-account-mgmt,
#        2 media-buying, 3 print-catalog, 4 trade-fairs; goals: 0 grow-demand (krs mqls, cost-per-lead, nps),
#        1 web-conversion (krs conversion, tracked-share), 2 key-account-growth (kr churn).
CASES = [
    # --- references to ids that do not exist ---
    bad(
        "unit-parent-unknown",
        {"units[4].parent": "marketing-sales"},
        ("units[4].parent", "unknown unit 'marketing-sales'"),
    ),
    bad("unit-location-unknown", {"units[4].location": "paris"}, ("units[4].location", "unknown location 'paris'")),
    bad("unit-lead-unknown", {"units[4].lead": "zoe"}, ("units[4].lead", "unknown person 'zoe'")),
    bad("unit-lead-is-a-unit", {"units[4].lead": "web-team"}, ("units[4].lead", "unknown person 'web-team'")),
    bad("person-unit-unknown", {"people[3].unit": "field-sales"}, ("people[3].unit", "unknown unit 'field-sales'")),
    bad("person-unit-is-a-person", {"people[3].unit": "ana"}, ("people[3].unit", "unknown unit 'ana'")),
    bad(
        "person-competency-unknown",
        {"people[1].competencies.seo": 2},
        ("people[1].competencies.seo", "unknown competency 'seo'"),
    ),
    bad("mission-scope-unknown", {"mission.scope": "marketing"}, ("mission.scope", "unknown unit 'marketing'")),
    bad(
        "role-profile-unit-unknown",
        {"role_profiles[1].unit": "brand"},
        ("role_profiles[1].unit", "unknown unit 'brand'"),
    ),
    bad(
        "role-profile-toward-unknown",
        {"role_profiles[1].toward": "bu-valves"},
        ("role_profiles[1].toward", "unknown unit 'bu-valves'"),
    ),
    bad(
        "role-profile-toward-an-adjacent-unit",
        {"role_profiles[1].toward": "it"},
        ("role_profiles[1].toward", "'it' is of kind adjacent, not a business unit"),
    ),
    bad(
        "role-profile-toward-the-company",
        {"role_profiles[1].toward": "group"},
        ("role_profiles[1].toward", "'group' is of kind company, not a business unit"),
    ),
    bad("vision-scope-unknown", {"vision[4].scope": "marketing"}, ("vision[4].scope", "unknown unit 'marketing'")),
    bad("vision-toward-unknown", {"vision[3].toward": "bu-valves"}, ("vision[3].toward", "unknown unit 'bu-valves'")),
    bad(
        "vision-toward-not-a-business-unit",
        {"vision[3].toward": "sales"},
        ("vision[3].toward", "'sales' is of kind department, not a business unit"),
    ),
    bad("vision-owner-unknown", {"vision[0].owner": "zoe"}, ("vision[0].owner", "unknown unit or person 'zoe'")),
    bad(
        "task-responsible-unknown",
        {"tasks[2].responsible": ["agency", "print-shop"]},
        ("tasks[2].responsible[1]", "unknown unit 'print-shop'"),
    ),
    bad("task-accountable-unknown", {"tasks[0].accountable": "cmo"}, ("tasks[0].accountable", "unknown unit 'cmo'")),
    bad(
        "task-accountable-is-a-person", {"tasks[0].accountable": "ben"}, ("tasks[0].accountable", "unknown unit 'ben'")
    ),
    bad("task-consulted-unknown", {"tasks[0].consulted": ["legal"]}, ("tasks[0].consulted[0]", "unknown unit 'legal'")),
    bad(
        "task-informed-unknown",
        {"tasks[0].informed": ["sales", "board"]},
        ("tasks[0].informed[1]", "unknown unit 'board'"),
    ),
    bad(
        "task-location-unknown",
        {"tasks[1].locations": ["hq", "berlin"]},
        ("tasks[1].locations[1]", "unknown location 'berlin'"),
    ),
    bad("task-toward-unknown", {"tasks[1].toward": ["bu-valves"]}, ("tasks[1].toward[0]", "unknown unit 'bu-valves'")),
    bad(
        "task-toward-not-a-business-unit",
        {"tasks[0].toward": ["bu-pumps", "it"]},
        ("tasks[0].toward[1]", "'it' is of kind adjacent, not a business unit"),
    ),
    bad(
        "task-competency-unknown",
        {"tasks[1].competencies.negotiation": 3},
        ("tasks[1].competencies.negotiation", "unknown competency 'negotiation'"),
    ),
    bad("dependency-from-unknown", {"dependencies[1].from": "brand"}, ("dependencies[1].from", "unknown unit 'brand'")),
    bad(
        "dependency-to-unknown",
        {"dependencies[0].to": "data-office"},
        ("dependencies[0].to", "unknown unit 'data-office'"),
    ),
    bad(
        "competency-required-unit-unknown",
        {"competencies[2].required.pricing-team": 2},
        ("competencies[2].required.pricing-team", "unknown unit 'pricing-team'"),
    ),
    bad(
        "touchpoint-owner-unknown",
        {"touchpoints[1].owner": "events"},
        ("touchpoints[1].owner", "unknown unit 'events'"),
    ),
    bad(
        "touchpoint-contributors-unknown",
        {"touchpoints[0].contributors": ["mkt", "seo-agency"]},
        ("touchpoints[0].contributors[1]", "unknown unit 'seo-agency'"),
    ),
    bad("goal-owner-unknown", {"goals[1].owner": "zoe"}, ("goals[1].owner", "unknown unit or person 'zoe'")),
    bad("goal-period-unknown", {"goals[1].period": "h2-2026"}, ("goals[1].period", "unknown period 'h2-2026'")),
    bad(
        "goal-contributes-to-unknown",
        {"goals[2].contributes_to[1].goal": "retention"},
        ("goals[2].contributes_to[1].goal", "unknown goal 'retention'"),
    ),
    bad("goal-task-unknown", {"goals[0].tasks": ["web-analytics", "seo"]}, ("goals[0].tasks[1]", "unknown task 'seo'")),
    bad(
        "check-in-by-unknown",
        {"goals[0].key_results[0].check_ins[0].by": "zoe"},
        ("goals[0].key_results[0].check_ins[0].by", "unknown person 'zoe'"),
    ),
    bad(
        "check-in-by-is-a-unit",
        {"goals[1].key_results[0].check_ins[0].by": "web-team"},
        ("goals[1].key_results[0].check_ins[0].by", "unknown person 'web-team'"),
    ),
    bad("kpi-owner-unknown", {"kpis[1].owner": "quoting"}, ("kpis[1].owner", "unknown unit or person 'quoting'")),
    bad(
        "kpi-touchpoint-unknown",
        {"kpis[0].touchpoint": "homepage"},
        ("kpis[0].touchpoint", "unknown touchpoint 'homepage'"),
    ),
    bad(
        "kpi-touchpoint-is-a-unit",
        {"kpis[0].touchpoint": "web-team"},
        ("kpis[0].touchpoint", "unknown touchpoint 'web-team'"),
    ),
    # --- duplicate ids ---
    bad(
        "duplicate-unit-id",
        {"units[9]": {"id": "mkt", "name": "Marketing services", "kind": "team", "parent": "ms"}},
        ("units[9].id", "duplicate id 'mkt' (first at units[4])"),
    ),
    bad(
        "person-id-equal-to-a-unit-id",
        {"people[4]": {"id": "sales", "name": "Sam Sales", "unit": "sales"}},
        ("people[4].id", "duplicate id 'sales' (first at units[6])"),
    ),
    bad(
        "duplicate-person-id",
        {"people[4]": {"id": "ben", "name": "Ben Other", "unit": "sales"}},
        ("people[4].id", "duplicate id 'ben' (first at people[1])"),
    ),
    bad(
        "duplicate-location-id",
        {"locations[2]": {"id": "hq", "name": "New head office"}},
        ("locations[2].id", "duplicate id 'hq' (first at locations[0])"),
    ),
    bad(
        "duplicate-task-id",
        {"tasks[4].id": "media-buying"},
        ("tasks[4].id", "duplicate id 'media-buying' (first at tasks[2])"),
    ),
    bad(
        "duplicate-competency-id",
        {"competencies[2].id": "key-accounts"},
        ("competencies[2].id", "duplicate id 'key-accounts' (first at competencies[1])"),
    ),
    bad(
        "duplicate-touchpoint-id",
        {"touchpoints[5].id": "webinar"},
        ("touchpoints[5].id", "duplicate id 'webinar' (first at touchpoints[1])"),
    ),
    bad(
        "duplicate-period-id",
        {"periods[3]": {"id": "fy2026", "start": "2026-01-01", "end": "2026-12-30"}},
        ("periods[3].id", "duplicate id 'fy2026' (first at periods[0])"),
    ),
    bad(
        "duplicate-goal-id",
        {"goals[2].id": "web-conversion", "goals[2].contributes_to": DELETE},
        ("goals[2].id", "duplicate id 'web-conversion' (first at goals[1])"),
    ),
    bad(
        "key-result-id-duplicated-across-goals",
        {"goals[2].key_results[0].id": "mqls"},
        ("goals[2].key_results[0].id", "duplicate key result id 'mqls' (first at goals[0].key_results[0])"),
    ),
    bad(
        "duplicate-kpi-id",
        {"kpis[2].id": "web-sessions"},
        ("kpis[2].id", "duplicate id 'web-sessions' (first at kpis[0])"),
    ),
    bad(
        "second-role-profile-for-the-same-pair",
        {"role_profiles[1].toward": DELETE},
        ("role_profiles[1]", "a second profile of 'ms' (first at role_profiles[0])"),
    ),
    bad(
        "second-vision-answer-for-the-default-scope",
        {"vision[2].question": "mission", "vision[2].scope": "ms"},
        ("vision[2]", "a second answer to 'mission' for the same scope (first at vision[0])"),
    ),
    bad(
        "unit-listed-twice-as-responsible",
        {"tasks[2].responsible": ["agency", "agency"]},
        ("tasks[2].responsible[1]", "'agency' is listed twice"),
    ),
    # --- cycles and roots ---
    bad(
        "goal-cycle",
        {"goals[0].contributes_to": [{"goal": "web-conversion"}]},
        ("goals[1].contributes_to", "cycle: grow-demand → web-conversion → grow-demand"),
    ),
    bad(
        "goal-cycles-on-two-paths",
        {"goals[0].contributes_to": [{"goal": "key-account-growth"}]},
        ("goals[2].contributes_to", "cycle: grow-demand → key-account-growth → grow-demand"),
        ("goals[1].contributes_to", "cycle: grow-demand → key-account-growth → web-conversion → grow-demand"),
    ),
    bad(
        "goal-contributes-to-itself",
        {"goals[0].contributes_to": [{"goal": "grow-demand"}]},
        ("goals[0].contributes_to[0].goal", "a goal cannot contribute to itself"),
    ),
    bad("unit-cycle", {"units[4].parent": "web-team"}, ("units[4].parent", "cycle: mkt → web-team → mkt")),
    bad(
        "unit-is-its-own-parent",
        {"units[5].parent": "web-team"},
        ("units[5].parent", "a unit cannot be its own parent"),
    ),
    bad("two-roots", {"units[7].parent": DELETE}, ("units[7].parent", "only one unit can be the root, and 'group' is")),
    bad(
        "no-root",
        {"units[0].parent": "ms"},
        ("units", "no root unit"),
        ("units[0].parent", "cycle: group → ms → group"),
    ),
    # --- wrong types ---
    bad(
        "text-for-a-number",
        {"goals[0].key_results[0].target": "300"},
        ("goals[0].key_results[0].target", "expected a number, got the text '300'"),
    ),
    bad("number-for-an-id", {"kpis[2].id": 42}, ("kpis[2].id", "expected an id, got the number 42 (quote it)")),
    bad("number-for-a-reference", {"goals[2].owner": 7}, ("goals[2].owner", "expected an id, got the number 7")),
    bad(
        "bool-for-a-number",
        {"dependencies[0].now": True},
        ("dependencies[0].now", "expected a whole number from 0 to 5, got true"),
    ),
    bad(
        "bool-for-a-baseline",
        {"goals[0].key_results[1].baseline": False},
        ("goals[0].key_results[1].baseline", "expected a number, got false"),
    ),
    bad(
        "text-for-proposed",
        {"goals[2].contributes_to[1].proposed": "yes"},
        ("goals[2].contributes_to[1].proposed", "expected true or false, got the text 'yes'"),
    ),
    bad(
        "proposed-link-closing-a-cycle",
        {"goals[0].contributes_to": [{"goal": "web-conversion", "proposed": True}]},
        ("goals[1].contributes_to", "cycle: grow-demand → web-conversion → grow-demand"),
    ),
    bad(
        "float-level",
        {"people[0].competencies.web-analytics": 3.5},
        ("people[0].competencies.web-analytics", "expected a whole number from 0 to 5, got the number 3.5"),
    ),
    bad(
        "float-confidence-written-as-decimal",
        {"goals[0].key_results[0].check_ins[1].confidence": 5.0},
        ("goals[0].key_results[0].check_ins[1].confidence", "expected a whole number from 0 to 10, got the number 5.0"),
    ),
    bad(
        "list-for-a-mapping",
        {"organization": ["Nordlicht Pumps AG"]},
        ("organization", "expected a mapping, got a list"),
    ),
    bad(
        "mapping-for-a-list",
        {"goals[0].tasks": {"web-analytics": True}},
        ("goals[0].tasks", "expected a list, got a mapping"),
    ),
    bad(
        "text-for-a-horizon",
        {"role_profiles[0].horizon": "2028"},
        ("role_profiles[0].horizon", "expected a whole number from 1900 to 2200, got the text '2028'"),
    ),
    bad(
        "mapping-for-a-decision-rights-level",
        {"role_profiles[0].as_is.decision_rights.budget": {"level": "lead"}},
        ("role_profiles[0].as_is.decision_rights.budget", "expected one of none, execute, advise, co_decide, lead"),
    ),
    bad("units-is-null", {"units": None}, ("units", "at least one unit (the root) is required")),
    # --- unknown keys ---
    bad("typo-at-the-top-level", {"goal": []}, ("goal", "unknown key 'goal' (did you mean 'goals'?)")),
    bad(
        "typo-in-a-goal",
        renamed("goals[1].title", "tittle"),
        ("goals[1].tittle", "unknown key 'tittle' (did you mean 'title'?)"),
        ("goals[1].title", "required"),
    ),
    bad(
        "typo-in-the-organization",
        renamed("organization.currency", "curency"),
        ("organization.curency", "unknown key 'curency' (did you mean 'currency'?)"),
    ),
    bad(
        "typo-in-a-measurement",
        renamed("goals[0].key_results[0].measurements[1].value", "vaule"),
        ("goals[0].key_results[0].measurements[1].vaule", "unknown key 'vaule' (did you mean 'value'?)"),
        ("goals[0].key_results[0].measurements[1].value", "required"),
    ),
    bad(
        "typo-in-a-metric-binding",
        renamed("goals[0].key_results[1].metric.grain", "grian"),
        ("goals[0].key_results[1].metric.grian", "unknown key 'grian' (did you mean 'grain'?)"),
    ),
    bad(
        "unknown-decision-area",
        renamed("role_profiles[0].target.decision_rights.pricing", "prices"),
        ("role_profiles[0].target.decision_rights.prices", "unknown decision area"),
    ),
    bad(
        "unknown-key-in-a-role-state",
        {"role_profiles[1].as_is.alignment": "defined"},
        ("role_profiles[1].as_is.alignment", "unknown key 'alignment'"),
    ),
    # --- unknown enum values ---
    bad(
        "unknown-unit-kind",
        {"units[4].kind": "division"},
        ("units[4].kind", "expected one of company, business_unit, area, department, team, adjacent, external"),
    ),
    bad(
        "unknown-task-change",
        {"tasks[0].change": "added"},
        ("tasks[0].change", "expected one of new, expand, keep, reduce, drop; got the text 'added'"),
    ),
    bad(
        "unknown-task-delivery",
        {"tasks[0].delivery": "hybrid"},
        ("tasks[0].delivery", "expected one of central, decentral, external; got the text 'hybrid'"),
    ),
    bad(
        "unknown-dependency-kind",
        {"dependencies[2].kind": "money"},
        ("dependencies[2].kind", "expected one of data, approval, service, information"),
    ),
    bad(
        "unknown-journey-stage",
        {"touchpoints[5].stage": "advocacy"},
        ("touchpoints[5].stage", "expected one of awareness, consideration, purchase, onboarding, usage, loyalty"),
    ),
    bad(
        "unknown-vision-question",
        {"vision[7].question": "budget"},
        ("vision[7].question", "expected one of mission, role_change, tasks"),
    ),
    bad(
        "unknown-vision-status",
        {"vision[7].status": "done"},
        ("vision[7].status", "expected one of open, draft, agreed; got the text 'done'"),
    ),
    bad(
        "unknown-direction",
        {"goals[0].key_results[0].direction": "up"},
        ("goals[0].key_results[0].direction", "expected one of increase, decrease, range; got the text 'up'"),
    ),
    bad(
        "unknown-better",
        {"kpis[2].better": "more"},
        ("kpis[2].better", "expected one of higher, lower; got the text 'more'"),
    ),
    bad(
        "unknown-sales-alignment",
        {"role_profiles[0].target.sales_alignment": "perfect"},
        ("role_profiles[0].target.sales_alignment", "expected one of undefined, defined, aligned, integrated"),
    ),
    bad(
        "unknown-metric-window",
        {"goals[0].key_results[1].metric.window": "rolling"},
        ("goals[0].key_results[1].metric.window", "expected one of period_to_date, bucket; got the text 'rolling'"),
    ),
    # --- dates and periods ---
    bad(
        "impossible-date",
        {"periods[1].end": "2026-02-30"},
        ("periods[1].end", "2026-02-30 is not a date in the calendar"),
    ),
    bad(
        "date-not-iso",
        {"goals[0].key_results[0].measurements[0].date": "31.03.2026"},
        ("goals[0].key_results[0].measurements[0].date", "expected a date YYYY-MM-DD, got the text '31.03.2026'"),
    ),
    bad(
        "impossible-adoption-date",
        {"mission.adopted": "2025-11-31"},
        ("mission.adopted", "2025-11-31 is not a date in the calendar"),
    ),
    bad(
        "period-start-after-end",
        {"periods[1].start": "2026-07-01"},
        ("periods[1].end", "2026-06-30 is not after the start 2026-07-01"),
    ),
    bad(
        "period-start-equal-to-end",
        {"periods[1].end": "2026-01-01"},
        ("periods[1].end", "2026-01-01 is not after the start 2026-01-01"),
    ),
    # --- key results ---
    bad(
        "increase-with-target-below-baseline",
        {"goals[0].key_results[0].target": 100},
        ("goals[0].key_results[0].direction", "increase contradicts baseline 120 and target 100"),
    ),
    bad(
        "decrease-with-target-above-baseline",
        {"goals[0].key_results[1].target": 90.5},
        ("goals[0].key_results[1].direction", "decrease contradicts baseline 85.5 and target 90.5"),
    ),
    bad(
        "target-equal-to-baseline",
        {"goals[2].key_results[0].target": 8},
        ("goals[2].key_results[0].target", "equals the baseline 8"),
    ),
    bad(
        "range-missing-for-direction-range",
        {"goals[0].key_results[2].range": DELETE},
        ("goals[0].key_results[2].range", "required for direction range"),
    ),
    bad(
        "range-given-for-increase",
        {"goals[0].key_results[0].range": [100, 400]},
        ("goals[0].key_results[0].range", "only allowed with direction range"),
    ),
    bad(
        "range-given-without-direction",
        {"goals[2].key_results[0].range": [4, 6]},
        ("goals[2].key_results[0].range", "only allowed with direction range"),
    ),
    bad(
        "range-low-above-high",
        {"goals[0].key_results[2].range": [45.5, 30]},
        ("goals[0].key_results[2].range", "low 45.5 is above high 30"),
    ),
    bad(
        "range-of-three-numbers",
        {"goals[0].key_results[2].range": [30, 40, 50]},
        ("goals[0].key_results[2].range", "expected [low, high]"),
    ),
    bad(
        "two-measurements-on-one-date",
        {"goals[2].key_results[0].measurements[1].date": "2026-02-28"},
        ("goals[2].key_results[0].measurements[1].date", "a second measurement on 2026-02-28"),
    ),
    bad(
        "two-kpi-measurements-on-one-date",
        {"kpis[0].measurements[0].date": "2026-06-30"},
        ("kpis[0].measurements[1].date", "a second measurement on 2026-06-30"),
    ),
    bad(
        "confidence-11",
        {"goals[0].key_results[0].check_ins[0].confidence": 11},
        ("goals[0].key_results[0].check_ins[0].confidence", "11 is out of range: expected 0 to 10"),
    ),
    bad(
        "confidence-negative",
        {"goals[0].key_results[0].check_ins[0].confidence": -1},
        ("goals[0].key_results[0].check_ins[0].confidence", "-1 is out of range: expected 0 to 10"),
    ),
    bad(
        "key-result-weight-0",
        {"goals[0].key_results[0].weight": 0},
        ("goals[0].key_results[0].weight", "must be greater than 0, got 0"),
    ),
    bad(
        "key-result-weight-negative",
        {"goals[0].key_results[1].weight": -0.5},
        ("goals[0].key_results[1].weight", "must be greater than 0, got -0.5"),
    ),
    bad(
        "contribution-weight-0",
        {"goals[1].contributes_to[0].weight": 0},
        ("goals[1].contributes_to[0].weight", "must be greater than 0, got 0"),
    ),
    bad(
        "target-infinite",
        {"goals[0].key_results[0].target": float("inf")},
        ("goals[0].key_results[0].target", "expected a finite number, got inf"),
    ),
    bad(
        "baseline-not-a-number",
        {"goals[0].key_results[1].baseline": float("nan")},
        ("goals[0].key_results[1].baseline", "expected a finite number, got nan"),
    ),
    bad(
        "measurement-value-negative-infinite",
        {"kpis[1].measurements[0].value": float("-inf")},
        ("kpis[1].measurements[0].value", "expected a finite number, got -inf"),
    ),
    bad(
        "goal-contributes-twice-to-one-goal",
        {"goals[2].contributes_to[1].goal": "grow-demand"},
        ("goals[2].contributes_to[1].goal", "contributes to 'grow-demand' twice"),
    ),
    # --- KPIs ---
    bad(
        "kpi-higher-with-green-below-red",
        {"kpis[0].green": 2000},
        ("kpis[0].green", "with better higher, green (2000) must be above red (2500.5)"),
    ),
    bad(
        "kpi-lower-with-green-above-red",
        {"kpis[1].green": 7},
        ("kpis[1].green", "with better lower, green (7) must be below red (5)"),
    ),
    bad(
        "kpi-green-equal-to-red",
        {"kpis[2].red": 0.4},
        ("kpis[2].green", "with better higher, green (0.4) must be above red (0.4)"),
    ),
    # --- levels and intensities out of range ---
    bad(
        "person-level-6",
        {"people[2].competencies.web-analytics": 6},
        ("people[2].competencies.web-analytics", "6 is out of range: expected 0 to 5"),
    ),
    bad(
        "required-level-0",
        {"competencies[0].required.mkt": 0},
        ("competencies[0].required.mkt", "0 is out of range: expected 1 to 5"),
    ),
    bad(
        "dependency-intensity-6",
        {"dependencies[3].target": 6},
        ("dependencies[3].target", "6 is out of range: expected 0 to 5"),
    ),
    # --- missing required keys ---
    bad("organization-name-missing", {"organization.name": DELETE}, ("organization.name", "required")),
    bad("units-missing", {"units": DELETE}, ("units", "required")),
    bad("unit-kind-missing", {"units[8].kind": DELETE}, ("units[8].kind", "required")),
    bad("task-responsible-missing", {"tasks[4].responsible": DELETE}, ("tasks[4].responsible", "required")),
    bad("dependency-about-missing", {"dependencies[0].about": DELETE}, ("dependencies[0].about", "required")),
    bad(
        "key-result-title-missing",
        {"goals[1].key_results[1].title": DELETE},
        ("goals[1].key_results[1].title", "required"),
    ),
    bad("kpi-red-missing", {"kpis[2].red": DELETE}, ("kpis[2].red", "required")),
    bad("mission-statement-missing", {"mission.statement": DELETE}, ("mission.statement", "required")),
    bad("role-profile-target-missing", {"role_profiles[0].target": DELETE}, ("role_profiles[0].target", "required")),
    bad("format-version-missing", {"lodestar": DELETE}, ("lodestar", "required")),
    # --- format version ---
    bad("format-version-2", {"lodestar": 2}, ("lodestar", "expected the format version 1, got the number 2")),
    bad("format-version-true", {"lodestar": True}, ("lodestar", "expected the format version 1, got true")),
    bad("format-version-as-text", {"lodestar": "1"}, ("lodestar", "expected the format version 1, got the text '1'")),
    # --- values that break the general rules ---
    bad("id-with-capitals", {"kpis[2].id": "Brand-Awareness"}, ("kpis[2].id", "'Brand-Awareness' is not a valid id")),
    bad(
        "id-of-65-characters",
        {
            "locations[1].id": "l" * 65,
            "units[5].location": "l" * 65,
            "units[6].location": "l" * 65,
            "tasks[0].locations": ["l" * 65],
            "tasks[1].locations": ["l" * 65],
        },
        ("locations[1].id", "is not a valid id"),
    ),
    bad(
        "currency-not-iso-4217",
        {"organization.currency": "chf"},
        ("organization.currency", "expected an ISO 4217 code such as EUR, got 'chf'"),
    ),
    bad(
        "core-on-a-department",
        {"units[6].core": False},
        ("units[6].core", "only business units have core; this unit is a department"),
    ),
    bad("empty-name", {"locations[0].name": "  "}, ("locations[0].name", "must not be empty")),
    bad(
        "dependency-on-itself",
        {"dependencies[2].to": "mkt"},
        ("dependencies[2].to", "a unit cannot depend on itself ('mkt')"),
    ),
    bad(
        "email-without-domain",
        {"people[0].email": "ana@nordlicht"},
        ("people[0].email", "'ana@nordlicht' is not an email address"),
    ),
    bad(
        "null-for-a-required-text",
        {"organization.name": None},
        ("organization.name", "expected text, got nothing (null)"),
    ),
    bad("number-for-a-parent", {"units[4].parent": 3}, ("units[4].parent", "expected an id, got the number 3")),
    bad("section-that-is-not-a-list", {"people": {"ana": "Ana Ruiz"}}, ("people", "expected a list, got a mapping")),
    bad(
        "duplicate-key-result-id-in-one-goal",
        {"goals[1].key_results[1].id": "conversion"},
        ("goals[1].key_results[1].id", "duplicate key result id 'conversion' (first at goals[1].key_results[0])"),
    ),
    bad(
        "metric-where-value-not-text",
        {"kpis[1].metric.where": {"region": 5}},
        ("kpis[1].metric.where", "expected a mapping of dimension to a text value"),
    ),
    bad(
        "check-in-without-confidence",
        {"goals[0].key_results[0].check_ins[1].confidence": DELETE},
        ("goals[0].key_results[0].check_ins[1].confidence", "required"),
    ),
    # --- one mistake must not hide another ---
    bad(
        "unknown-key-next-to-an-error-in-the-same-goal",
        {"goals[0].owner_unit": "ms", "goals[0].key_results[0].target": 100},
        ("goals[0].owner_unit", "unknown key 'owner_unit'"),
        ("goals[0].key_results[0].direction", "increase contradicts baseline 120 and target 100"),
    ),
    bad(
        "unknown-top-level-key-next-to-other-errors",
        {"goal": [], "kpis[2].better": "more"},
        ("goal", "unknown key 'goal'"),
        ("kpis[2].better", "expected one of higher, lower"),
    ),
    bad(
        "units-missing-next-to-other-errors",
        {"units": DELETE, "tasks[0].change": "added"},
        ("units", "required"),
        ("tasks[0].change", "expected one of new, expand"),
    ),
    # --- blank references: refused with their path, never read as "no such entity" (issue 9, finding 2) ---
    bad("goal-owner-blank", {"goals[1].owner": ""}, ("goals[1].owner", "must not be empty")),
    bad("goal-period-blank", {"goals[0].period": ""}, ("goals[0].period", "must not be empty")),
    bad("kpi-owner-blank", {"kpis[0].owner": ""}, ("kpis[0].owner", "must not be empty")),
    bad("dependency-from-blank", {"dependencies[0].from": ""}, ("dependencies[0].from", "must not be empty")),
    bad(
        "contribution-goal-blank",
        {"goals[1].contributes_to[0].goal": " "},
        ("goals[1].contributes_to[0].goal", "must not be empty"),
    ),
    bad("unit-parent-blank", {"units[4].parent": ""}, ("units[4].parent", "must not be empty")),
    bad(
        "check-in-by-blank",
        {"goals[0].key_results[0].check_ins[0].by": ""},
        ("goals[0].key_results[0].check_ins[0].by", "must not be empty"),
    ),
    # --- limits (issue 9, finding 8) ---
    bad("goal-title-too-long", {"goals[0].title": "x" * 301}, ("goals[0].title", "at most 300 characters, got 301")),
    bad("unit-name-too-long", {"units[4].name": "x" * 301}, ("units[4].name", "at most 300 characters")),
    bad(
        "goal-description-too-long",
        {"goals[0].description": "x" * 10_001},
        ("goals[0].description", "at most 10,000 characters, got 10,001"),
    ),
    bad(
        "check-in-note-too-long",
        {"goals[0].key_results[0].check_ins[0].note": "x" * 10_001},
        ("goals[0].key_results[0].check_ins[0].note", "at most 10,000 characters"),
    ),
    bad(
        "key-result-weight-too-heavy",
        {"goals[0].key_results[0].weight": 1001},
        ("goals[0].key_results[0].weight", "at most 1,000, got 1001"),
    ),
    bad(
        "contribution-weight-huge",
        {"goals[1].contributes_to[0].weight": 1e308},
        ("goals[1].contributes_to[0].weight", "at most 1,000"),
    ),
    bad(
        "measurement-dated-year-one",
        {"goals[0].key_results[0].measurements[0].date": "0001-01-01"},
        ("goals[0].key_results[0].measurements[0].date", "dates are from 1900-01-01 to 2200-12-31"),
    ),
    bad(
        "measurement-dated-9999",
        {"kpis[0].measurements[0].date": "9999-12-31"},
        ("kpis[0].measurements[0].date", "9999-12-31 is out of range"),
    ),
    bad("period-starts-before-1900", {"periods[0].start": "1899-12-31"}, ("periods[0].start", "out of range")),
    bad("mission-adopted-after-2200", {"mission.adopted": "2201-01-01"}, ("mission.adopted", "out of range")),
    bad(
        "goal-title-with-a-nul",
        {"goals[0].title": "Grow\x00demand"},
        ("goals[0].title", "must not contain a NUL character"),
    ),
    bad(
        "check-in-note-with-a-nul",
        {"goals[0].key_results[0].check_ins[0].note": "a\x00b"},
        ("goals[0].key_results[0].check_ins[0].note", "NUL"),
    ),
]

# Files that must fail as a whole, with the message that says why (no path: the file itself is wrong).
RAW_CASES = [
    pytest.param("", "the model file is empty", id="empty-file"),
    pytest.param("# only a comment\n", "the model file is empty", id="only-a-comment"),
    pytest.param("lodestar: 1\nunits: [\n", "not valid YAML: line", id="yaml-syntax-error"),
    pytest.param("lodestar: 1\n  organization: {name: X}\n", "not valid YAML: line 2", id="bad-indentation"),
    pytest.param("- lodestar: 1\n- units: []\n", "expected a mapping, got a list", id="a-list-document"),
    pytest.param("just some text\n", "expected a mapping, got the text 'just some text'", id="a-text-document"),
    pytest.param("lodestar: 1\n---\nlodestar: 1\n", "expected a single document", id="two-documents"),
]


@pytest.fixture
def stored_export(
    lodestar: Callable[..., Run], example_document: dict[str, Any], write_model: Callable[..., Path]
) -> str:
    """Import the spec example as the stored model; return its export."""
    assert lodestar("import", str(write_model(example_document, name="stored.yaml"))).code == 0
    exported = lodestar("export")
    assert exported.code == 0
    return exported.out


def test_every_key_model_is_valid(lodestar: Callable[..., Run], write_model: Callable[..., Path]) -> None:
    run = lodestar("import", str(write_model(edited({}))))

    assert (run.code, run.err) == (0, "")


@pytest.mark.parametrize(("change", "errors"), CASES)
def test_import_refuses_the_file_naming_each_error_by_path(
    lodestar: Callable[..., Run],
    write_model: Callable[..., Path],
    change: dict[str, Any],
    errors: tuple[tuple[str, str], ...],
) -> None:
    document = edited(change)
    run = lodestar("import", str(write_model(document)))

    assert run.code == 2
    found = reported(run)
    assert sorted(path for path, _ in found) == sorted(path for path, _ in errors), run.err
    for path, part in errors:
        assert any(p == path and part in message for p, message in found), f"{path}: …{part}… not in\n{run.err}"
    count = len(errors)
    assert f"error: {count} error{'s' if count > 1 else ''} in the model; nothing was written" in run.err


@pytest.mark.parametrize(("change", "errors"), CASES)
def test_a_refused_import_leaves_the_stored_model_unchanged(
    lodestar: Callable[..., Run],
    write_model: Callable[..., Path],
    stored_export: str,
    change: dict[str, Any],
    errors: tuple[tuple[str, str], ...],
) -> None:
    document = edited(change)

    assert lodestar("import", str(write_model(document))).code == 2

    assert lodestar("export").out == stored_export


@pytest.mark.parametrize(("change", "errors"), CASES)
def test_plan_refuses_the_file_with_the_same_errors(
    lodestar: Callable[..., Run],
    write_model: Callable[..., Path],
    change: dict[str, Any],
    errors: tuple[tuple[str, str], ...],
) -> None:
    document = edited(change)
    run = lodestar("plan", str(write_model(document)))

    assert run.code == 2
    assert sorted(path for path, _ in reported(run)) == sorted(path for path, _ in errors), run.err
    assert run.out == ""


@pytest.mark.parametrize(("text", "message"), RAW_CASES)
def test_import_refuses_a_file_that_is_not_a_model_document(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], stored_export: str, text: str, message: str
) -> None:
    run = lodestar("import", str(write_model(text)))

    assert run.code == 2
    assert message in run.err
    assert lodestar("export").out == stored_export


def test_import_reports_every_error_of_a_file_at_once(
    lodestar: Callable[..., Run], write_model: Callable[..., Path]
) -> None:
    document = edited(
        {
            "units[4].location": "paris",
            "people[4]": {"id": "sales", "name": "Sam Sales", "unit": "sales"},
            "tasks[0].change": "added",
            "periods[1].end": "2026-02-30",
            "goals[0].key_results[0].target": 100,
            "goals[0].key_results[0].check_ins[0].confidence": 11,
            "goals[2].key_results[0].measurements[1].date": "2026-02-28",
            "kpis[0].touchpoint": "homepage",
            "kpis[1].green": 7,
            "lodestar_version": 1,
        }
    )

    run = lodestar("import", str(write_model(document)))

    assert run.code == 2
    assert sorted(path for path, _ in reported(run)) == sorted(
        [
            "units[4].location",
            "people[4].id",
            "tasks[0].change",
            "periods[1].end",
            "goals[0].key_results[0].direction",
            "goals[0].key_results[0].check_ins[0].confidence",
            "goals[2].key_results[0].measurements[1].date",
            "kpis[0].touchpoint",
            "kpis[1].green",
            "lodestar_version",
        ]
    )
    assert "error: 10 errors in the model; nothing was written" in run.err


def test_the_cases_cover_thirty_distinct_mistakes() -> None:
    assert len({param.id for param in CASES}) == len(CASES) >= 30


# --- YAML that is refused before any validation: unsafe, or not a model file at all ---

BILLION_LAUGHS = "\n".join(
    [
        "lodestar: 1",
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(
            f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]"
            for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
    ]
)

UNSAFE_YAML = [
    pytest.param(
        "x: !!python/name:os.system\n", "line 1: the tag !!python/name:os.system is not allowed", id="python-name"
    ),
    pytest.param(
        "x: !!python/object/new:subprocess.Popen [[ls]]\n",
        "line 1: the tag !!python/object/new:subprocess.Popen is not allowed",
        id="python-object-new",
    ),
    pytest.param("x: !!python/tuple [1, 2]\n", "line 1: the tag !!python/tuple is not allowed", id="python-tuple"),
    pytest.param("lodestar: 1\nx: !include secrets.yaml\n", "line 2: the tag !include is not allowed", id="custom-tag"),
    pytest.param("x: !env HOME\n", "line 1: the tag !env is not allowed", id="custom-env-tag"),
    pytest.param(
        "x: !<tag:example.com,2024:thing> y\n", "the tag tag:example.com,2024:thing is not allowed", id="global-tag"
    ),
    pytest.param(BILLION_LAUGHS, "YAML aliases expand to more than 100,000 nodes", id="billion-laughs"),
    pytest.param("x: &a [1, *a]\n", "YAML aliases expand to more than", id="alias-to-itself"),
    pytest.param("base: &b {kind: team}\nx: {<<: *b, id: a}\n", "merge keys (<<) are not allowed", id="merge-key"),
    pytest.param("lodestar: 1\nunits: []\nunits: []\n", "line 3: duplicate key 'units'", id="duplicate-top-level-key"),
    pytest.param(
        "lodestar: 1\norganization: {name: X}\nunits:\n  - {id: a, name: A, kind: company, id: b}\n",
        "line 4: duplicate key 'id'",
        id="duplicate-nested-key",
    ),
    pytest.param("[" * 5000 + "]" * 5000, "exceeded maximum nesting depth", id="deep-nesting"),
    pytest.param(
        f"lodestar: 1\nbig: &big {'x' * 100_000}\ncopies: [{', '.join(['*big'] * 11)}]\n",
        "YAML aliases repeat more than 1,000,000 characters of text",
        id="one-long-text-aliased-many-times",
    ),
    pytest.param(
        f"lodestar: 1\nbig: &big [{'x' * 100_000}]\ncopies: [{', '.join(['*big'] * 11)}]\n",
        "YAML aliases repeat more than 1,000,000 characters of text",
        id="a-list-of-long-text-aliased-many-times",
    ),
]


@pytest.mark.parametrize(("text", "message"), UNSAFE_YAML)
def test_import_refuses_unsafe_yaml_with_a_clear_message(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], stored_export: str, text: str, message: str
) -> None:
    run = lodestar("import", str(write_model(text)))

    assert run.code == 2
    assert message in run.err
    assert lodestar("export").out == stored_export


def test_import_never_runs_code_named_in_a_python_tag(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    text = f'lodestar: 1\nx: !!python/object/apply:os.system ["touch {marker}"]\n'

    run = lodestar("import", str(write_model(text)))

    assert run.code == 2
    assert "line 2: the tag !!python/object/apply:os.system is not allowed in model files" in run.err
    assert not marker.exists()


def test_plan_refuses_unsafe_yaml(lodestar: Callable[..., Run], write_model: Callable[..., Path]) -> None:
    run = lodestar("plan", str(write_model(BILLION_LAUGHS)))

    assert run.code == 2
    assert "YAML aliases expand to more than 100,000 nodes" in run.err


def test_a_small_alias_stays_within_the_budget_and_imports(
    lodestar: Callable[..., Run], write_model: Callable[..., Path]
) -> None:
    text = """\
lodestar: 1
organization: {name: Example}
units:
  - {id: company, name: Example, kind: company}
  - {id: ms, name: Marketing & Sales, kind: area, parent: company}
role_profiles:
  - unit: ms
    as_is: {decision_rights: &rights {communication: execute}, sales_alignment: defined}
    target: {decision_rights: *rights, sales_alignment: aligned}
"""
    assert lodestar("import", str(write_model(text))).code == 0

    exported = parse_yaml(lodestar("export").out)

    assert exported["role_profiles"][0]["target"]["decision_rights"] == {"communication": "execute"}


def test_import_refuses_a_file_over_the_size_limit(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], settings: Any, stored_export: str
) -> None:
    settings.MAX_MODEL_FILE_BYTES = 1000
    path = write_model(EVERY_KEY.read_text(encoding="utf-8"))

    run = lodestar("import", str(path))

    assert run.code == 2
    assert f"{path.stat().st_size:,} bytes is over the limit of 1,000" in run.err
    assert lodestar("export").out == stored_export


def test_a_file_at_the_size_limit_is_read(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], settings: Any
) -> None:
    path = write_model(EVERY_KEY.read_text(encoding="utf-8"))
    settings.MAX_MODEL_FILE_BYTES = path.stat().st_size

    assert lodestar("import", str(path)).code == 0


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        pytest.param("latin-1", "not UTF-8 (byte", id="latin-1"),
        pytest.param("utf-16", "not UTF-8 (byte 0)", id="utf-16"),
    ],
)
def test_import_refuses_a_file_that_is_not_utf8(
    lodestar: Callable[..., Run], tmp_path: Path, stored_export: str, encoding: str, message: str
) -> None:
    path = tmp_path / "model.yaml"
    path.write_bytes(EVERY_KEY.read_text(encoding="utf-8").encode(encoding))  # "Chloé" is not UTF-8 in latin-1

    run = lodestar("import", str(path))

    assert run.code == 2
    assert message in run.err
    assert lodestar("export").out == stored_export


def test_import_accepts_utf8_with_a_byte_order_mark(lodestar: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "model.yaml"
    path.write_bytes(EVERY_KEY.read_text(encoding="utf-8").encode("utf-8-sig"))

    assert lodestar("import", str(path)).code == 0


def test_import_of_a_missing_file_says_so(lodestar: Callable[..., Run], tmp_path: Path) -> None:
    run = lodestar("import", str(tmp_path / "nowhere.yaml"))

    assert run.code == 2
    assert f"{tmp_path / 'nowhere.yaml'}: no such file" in run.err


def test_a_refused_import_into_an_empty_database_leaves_it_empty(
    lodestar: Callable[..., Run], write_model: Callable[..., Path]
) -> None:
    assert lodestar("import", str(write_model(edited({"tasks[0].change": "added"})))).code == 2

    run = lodestar("export")

    assert run.code == 2
    assert "no model has been imported yet" in run.err
