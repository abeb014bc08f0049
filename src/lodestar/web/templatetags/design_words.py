"""Words for the design pages: vocabulary ids as text."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def words(value: object) -> str:
    """`business_unit` as `business unit`."""
    return "" if value is None else str(value).replace("_", " ")
