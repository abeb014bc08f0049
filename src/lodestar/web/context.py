"""What every page template gets: the as-of date, its query string, what the user may do, and shared limits."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest

from lodestar.accounts.roles import ADMIN, EDITOR, MEMBER
from lodestar.lib import clock
from lodestar.lib.vocabulary import LOW_CONFIDENCE


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
        "low_confidence": LOW_CONFIDENCE,
    }
