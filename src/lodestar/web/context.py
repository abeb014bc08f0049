"""What every page template gets: the as-of date, its query string, and what the user may do."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest

from lodestar.accounts.roles import ADMIN, EDITOR, MEMBER
from lodestar.lib import clock


def navigation(request: HttpRequest) -> dict[str, Any]:
    as_of: date = getattr(request, "as_of", clock.today())
    given = getattr(request, "as_of_given", False)
    role = getattr(request.user, "role", None)
    return {
        "as_of": as_of,
        "as_of_given": given,
        "q": f"?as_of={as_of.isoformat()}" if given else "",
        "qa": f"&as_of={as_of.isoformat()}" if given else "",
        "is_admin": role == ADMIN,
        "can_write": role in (ADMIN, EDITOR, MEMBER),
    }
