"""The generic form page of the design kinds: where each kind's entities are shown, the form's words, the form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, pgettext_lazy

from lodestar.design.kinds import DesignKind
from lodestar.lib.model import Model
from lodestar.web.design import forms
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.task_links import held_href


@dataclass(frozen=True)
class Page:
    """Where the entities of a kind are shown: the url name of the page, its name, and the prefix of each anchor."""

    url_name: str
    name: Promise
    anchor_prefix: str = ""
    held_by: str = ""  # the parameter that opens the page of a list in pages at an entity (task_links)

    def address(self, key: Any = "", *, query: str = "") -> str:
        """The page's address (with `query`, `?scenario=…`), at the entity `key` when given."""
        if self.held_by and key != "":
            return held_href(self.url_name, self.held_by, str(key), query, self.anchor_prefix)
        anchor = f"#{self.anchor_prefix}{key}" if self.anchor_prefix and key != "" else ""
        return reverse(self.url_name) + query + anchor


PAGES: dict[str, Page] = {
    "mission": Page("purpose", gettext_lazy("Purpose")),
    "vision": Page("vision", gettext_lazy("Vision")),
    "role_profile": Page("roles", gettext_lazy("Roles"), "profile-"),
    "task": Page("tasks", gettext_lazy("Tasks"), "task-", held_by="task"),
    "dependency": Page("dependencies", gettext_lazy("Dependencies"), "dependency-"),
    "competency": Page("competencies", gettext_lazy("Competencies"), "competency-"),
    "touchpoint": Page("touchpoints", gettext_lazy("Touchpoints"), "touchpoint-"),
}


@dataclass(frozen=True)
class FormWords:
    """The title of a kind's new form and its button (whole phrases: German nouns have genders)."""

    new: Promise
    create: Promise


FORM_WORDS: dict[str, FormWords] = {
    "mission": FormWords(pgettext_lazy("form", "New mission"), pgettext_lazy("form", "Create mission")),
    "vision": FormWords(pgettext_lazy("form", "New vision answer"), pgettext_lazy("form", "Create vision answer")),
    "role_profile": FormWords(pgettext_lazy("form", "New role profile"), pgettext_lazy("form", "Create role profile")),
    "task": FormWords(pgettext_lazy("form", "New task"), pgettext_lazy("form", "Create task")),
    "dependency": FormWords(pgettext_lazy("form", "New dependency"), pgettext_lazy("form", "Create dependency")),
    "competency": FormWords(pgettext_lazy("form", "New competency"), pgettext_lazy("form", "Create competency")),
    "touchpoint": FormWords(pgettext_lazy("form", "New touchpoint"), pgettext_lazy("form", "Create touchpoint")),
}


def form_response(
    request: AuthenticatedRequest,
    kind: DesignKind,
    model: Model,
    *,
    values: dict[str, Any],
    errors: dict[str, str],
    editing: str | None,
    version: int | str | None,
    status: int = 200,
    query: str = "",
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """The generic form of a kind; `query` keeps the scenario in its links, `extra` adds to the template's context."""
    fields = forms.FIELDS[kind.name](model)
    if editing is not None:
        fields = [f for f in fields if f.name != "id"]
    fields, general = forms.filled(fields, values, errors)
    page = PAGES[kind.name]
    return render(
        request,
        "web/design_form.html",
        {
            "kind": kind,
            "words": FORM_WORDS[kind.name],
            "page_name": page.name,
            "fields": fields,
            "general_errors": general,
            "has_errors": bool(errors),
            "editing": editing,
            "version": version,
            "back": page.address(query=query),
            **(extra or {}),
        },
        status=status,
    )
