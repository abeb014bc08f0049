"""The words of the model's closed vocabularies in the reader's language, for pages, e-mails and reports.

The ids (`business_unit`, `co_decide`, `trade_fair`) stay as they are in the model file, the API
and the CLI; what a person reads is `term(vocabulary, id)`. The German words follow
docs/glossary.md. A value no table knows (a free-text channel) is shown with its underscores as
spaces.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, pgettext_lazy

from lodestar.design.vision import QUESTION_TEXTS
from lodestar.scoring.roles import ARCHETYPE_MEANINGS, ARCHETYPE_NAMES

TERMS: dict[str, dict[str, Promise]] = {
    # The kind of thing a health-check finding is about (`goal:more-leads`).
    "subject_kind": {
        "goal": pgettext_lazy("finding subject", "goal"),
        "key_result": pgettext_lazy("finding subject", "key result"),
        "unit": pgettext_lazy("finding subject", "unit"),
        "person": pgettext_lazy("finding subject", "person"),
        "task": pgettext_lazy("finding subject", "task"),
        "competency": pgettext_lazy("finding subject", "competency"),
        "period": pgettext_lazy("finding subject", "period"),
        "kpi": pgettext_lazy("finding subject", "KPI"),
        "touchpoint": pgettext_lazy("finding subject", "touchpoint"),
        "dependency": pgettext_lazy("finding subject", "dependency"),
        "mission": pgettext_lazy("finding subject", "mission"),
    },
    # Each goal, key result and KPI status.
    "status": {
        "not_started": pgettext_lazy("status", "Not started"),
        "closed": pgettext_lazy("status", "Closed"),
        "no_data": pgettext_lazy("status", "No data"),
        "achieved": pgettext_lazy("status", "Achieved"),
        "on_track": pgettext_lazy("status", "On track"),
        "at_risk": pgettext_lazy("status", "At risk"),
        "off_track": pgettext_lazy("status", "Off track"),
        "green": pgettext_lazy("KPI status", "Green"),
        "yellow": pgettext_lazy("KPI status", "Yellow"),
        "red": pgettext_lazy("KPI status", "Red"),
    },
    "unit_kind": {
        "company": pgettext_lazy("unit kind", "company"),
        "business_unit": pgettext_lazy("unit kind", "business unit"),
        "area": pgettext_lazy("unit kind", "area"),
        "department": pgettext_lazy("unit kind", "department"),
        "team": pgettext_lazy("unit kind", "team"),
        "adjacent": pgettext_lazy("unit kind", "adjacent area"),
        "external": pgettext_lazy("unit kind", "external provider"),
    },
    # The eight vision questions in a word or two (a column head), and as the question itself.
    "vision_question": {
        "mission": pgettext_lazy("vision question", "Mission"),
        "role_change": pgettext_lazy("vision question", "Role change"),
        "tasks": pgettext_lazy("vision question", "Tasks"),
        "business_units": pgettext_lazy("vision question", "Business units"),
        "division": pgettext_lazy("vision question", "Division"),
        "cooperation": pgettext_lazy("vision question", "Cooperation"),
        "goals": pgettext_lazy("vision question", "Goals"),
        "competencies": pgettext_lazy("vision question", "Competencies"),
    },
    "vision_question_text": {code: gettext_lazy(text) for code, text in QUESTION_TEXTS.items()},
    "vision_status": {
        "open": pgettext_lazy("vision answer", "open"),
        "draft": pgettext_lazy("vision answer", "draft"),
        "agreed": pgettext_lazy("vision answer", "agreed"),
        "unanswered": pgettext_lazy("vision answer", "unanswered"),
    },
    "decision_area": {
        "strategy": pgettext_lazy("decision area", "Strategy"),
        "product": pgettext_lazy("decision area", "Product"),
        "pricing": pgettext_lazy("decision area", "Pricing"),
        "channels": pgettext_lazy("decision area", "Channels"),
        "communication": pgettext_lazy("decision area", "Communication"),
        "customer_experience": pgettext_lazy("decision area", "Customer experience"),
        "customer_data": pgettext_lazy("decision area", "Customer data"),
        "budget": pgettext_lazy("decision area", "Budget"),
        "sales_alignment": pgettext_lazy("decision area", "Sales alignment"),
    },
    "decision_level": {
        "none": pgettext_lazy("decision level", "none"),
        "execute": pgettext_lazy("decision level", "execute"),
        "advise": pgettext_lazy("decision level", "advise"),
        "co_decide": pgettext_lazy("decision level", "co-decide"),
        "lead": pgettext_lazy("decision level", "lead"),
    },
    "sales_alignment": {
        "undefined": pgettext_lazy("sales alignment", "undefined"),
        "defined": pgettext_lazy("sales alignment", "defined"),
        "aligned": pgettext_lazy("sales alignment", "aligned"),
        "integrated": pgettext_lazy("sales alignment", "integrated"),
    },
    # The pure layers name these in English (their msgids); here they are said in the reader's language.
    "archetype": {code: gettext_lazy(name) for code, name in ARCHETYPE_NAMES.items()},
    "archetype_meaning": {code: gettext_lazy(text) for code, text in ARCHETYPE_MEANINGS.items()},
    # A task's change in the target picture.
    "task_change": {
        "new": pgettext_lazy("task change", "new"),
        "expand": pgettext_lazy("task change", "expanded"),
        "keep": pgettext_lazy("task change", "kept"),
        "reduce": pgettext_lazy("task change", "reduced"),
        "drop": pgettext_lazy("task change", "dropped"),
    },
    "task_delivery": {
        "central": pgettext_lazy("delivery", "central"),
        "decentral": pgettext_lazy("delivery", "decentral"),
        "external": pgettext_lazy("delivery", "external"),
    },
    "dependency_kind": {
        "data": pgettext_lazy("dependency kind", "data"),
        "approval": pgettext_lazy("dependency kind", "approval"),
        "service": pgettext_lazy("dependency kind", "service"),
        "information": pgettext_lazy("dependency kind", "information"),
    },
    "journey_stage": {
        "awareness": pgettext_lazy("journey stage", "awareness"),
        "consideration": pgettext_lazy("journey stage", "consideration"),
        "purchase": pgettext_lazy("journey stage", "purchase"),
        "onboarding": pgettext_lazy("journey stage", "onboarding"),
        "usage": pgettext_lazy("journey stage", "usage"),
        "loyalty": pgettext_lazy("journey stage", "loyalty"),
    },
    # A touchpoint's channel is free text; these are the channels the demo and the examples use.
    "channel": {
        "web": pgettext_lazy("channel", "web"),
        "website": pgettext_lazy("channel", "website"),
        "webshop": pgettext_lazy("channel", "webshop"),
        "email": pgettext_lazy("channel", "email"),
        "phone": pgettext_lazy("channel", "phone"),
        "meeting": pgettext_lazy("channel", "meeting"),
        "webinar": pgettext_lazy("channel", "webinar"),
        "event": pgettext_lazy("channel", "event"),
        "trade_fair": pgettext_lazy("channel", "trade fair"),
        "field_sales": pgettext_lazy("channel", "field sales"),
        "field_service": pgettext_lazy("channel", "field service"),
        "inside_sales": pgettext_lazy("channel", "inside sales"),
        "key_account": pgettext_lazy("channel", "key account"),
        "paid_search": pgettext_lazy("channel", "paid search"),
        "social_media": pgettext_lazy("channel", "social media"),
        "print": pgettext_lazy("channel", "print"),
        "portal": pgettext_lazy("channel", "portal"),
    },
    "user_role": {
        "admin": pgettext_lazy("role", "admin"),
        "editor": pgettext_lazy("role", "editor"),
        "member": pgettext_lazy("role", "member"),
        "viewer": pgettext_lazy("role", "viewer"),
    },
    "user_role_description": {
        "admin": pgettext_lazy("role", "everything, including users and import"),
        "editor": pgettext_lazy("role", "edits everything in the model except users"),
        "member": pgettext_lazy("role", "edits goals owned by their person, their unit, or units they lead and below"),
        "viewer": pgettext_lazy("role", "reads everything, changes nothing"),
    },
    "metric_grain": {
        "week": gettext_lazy("week"),
        "month": gettext_lazy("month"),
        "quarter": gettext_lazy("quarter"),
    },
    "metric_window": {
        "period_to_date": gettext_lazy("period to date"),
        "bucket": gettext_lazy("each bucket on its own"),
    },
    "metric_type": {
        "simple": pgettext_lazy("metric type", "simple"),
        "ratio": pgettext_lazy("metric type", "ratio"),
        "derived": pgettext_lazy("metric type", "derived"),
    },
}


def term(vocabulary: str, value: object) -> str:
    """The word for `value` of `vocabulary` in the active language; an unknown one with underscores as spaces."""
    if value is None:
        return ""
    word = TERMS[vocabulary].get(str(value))
    return str(word) if word is not None else str(value).replace("_", " ")


def choices(vocabulary: str, values: tuple[str, ...]) -> list[tuple[str, str]]:
    """(id, word) for each value, in order: the options of a select."""
    return [(value, term(vocabulary, value)) for value in values]
