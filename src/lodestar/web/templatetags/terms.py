"""`{{ task.change|term:"task_change" }}`: the word for a vocabulary id in the page's language."""

from __future__ import annotations

from django import template

from lodestar.i18n import terms

register = template.Library()


@register.filter
def term(value: object, vocabulary: str) -> str:
    """The word for `value` of `vocabulary` (lodestar.i18n.terms)."""
    return terms.term(vocabulary, value)
