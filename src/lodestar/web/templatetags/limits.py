"""The limits of lib/limits.py (and the longest id) for the form templates: `maxlength="{% name_max %}"` and a hint next to the field."""

from __future__ import annotations

from django import template

from lodestar.lib import limits
from lodestar.lib.vocabulary import ID_MAX
from lodestar.web.formatting import num

register = template.Library()


@register.simple_tag
def name_max() -> int:
    return limits.NAME_MAX


@register.simple_tag
def id_max() -> int:
    return ID_MAX


@register.simple_tag
def text_max() -> int:
    return limits.TEXT_MAX


@register.simple_tag
def weight_max() -> int:
    return limits.WEIGHT_MAX


@register.simple_tag
def first_day() -> str:
    return limits.FIRST_DAY.isoformat()


@register.simple_tag
def last_day() -> str:
    return limits.LAST_DAY.isoformat()


@register.simple_tag
def text_max_words() -> str:
    """TEXT_MAX as a hint writes it: 10,000 (10.000 in German)."""
    return num(limits.TEXT_MAX)
