"""The words of the model's closed vocabularies in the reader's language, for pages, e-mails and reports.

The ids (`business_unit`, `co_decide`, `trade_fair`) stay as they are in the model file, the API
and the CLI; what a person reads is `term(vocabulary, id)`. The German words follow
docs/glossary.md. A value no table knows (a free-text channel) is shown with its underscores as
spaces.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, pgettext_lazy

TERMS: dict[str, dict[str, Promise]] = {
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
    "vision_question_text": {
        "mission": gettext_lazy("Is there a clearly formulated sales or marketing mission?"),
        "role_change": gettext_lazy("How should the role of marketing and sales change in the next few years?"),
        "tasks": gettext_lazy("Which tasks will be added, which ones dropped?"),
        "business_units": gettext_lazy(
            "Is the role the same toward all business units, including those outside the core business?"
        ),
        "division": gettext_lazy(
            "How is the new role divided among units and locations; what is done centrally, what decentrally?"
        ),
        "cooperation": gettext_lazy(
            "With which adjacent areas does cooperation intensify, and where do dependencies build up?"
        ),
        "goals": gettext_lazy("Which goals are derived, and how is their achievement measured?"),
        "competencies": gettext_lazy("Which competencies must be established or expanded?"),
    },
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
    "archetype": {
        "service_provider": gettext_lazy("service provider"),
        "brand_builder": gettext_lazy("brand builder"),
        "best_practice_advisor": gettext_lazy("best practice advisor"),
        "senior_counselor": gettext_lazy("senior counselor"),
        "marketing_master": gettext_lazy("marketing master"),
        "growth_champion": gettext_lazy("growth champion"),
    },
    "archetype_meaning": {
        "service_provider": gettext_lazy(
            "Executes communication on request; others decide what to sell, to whom and at which price."
        ),
        "brand_builder": gettext_lazy("Leads communication and the brand; advises on the rest of the marketing mix."),
        "best_practice_advisor": gettext_lazy(
            "Sets standards and advises business units across the mix; decides little itself."
        ),
        "senior_counselor": gettext_lazy(
            "Co-decides strategy and customer experience; a trusted counsel to management."
        ),
        "marketing_master": gettext_lazy("Co-decides the whole marketing mix, pricing and customer data included."),
        "growth_champion": gettext_lazy(
            "Leads growth: strategy, product, pricing, channels and customer data in one hand."
        ),
    },
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
