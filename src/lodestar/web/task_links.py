"""The address of one entity on a page that lists its kind in pages: the page that holds it, at its row.

The tasks page shows PAGE_SIZE tasks at a time, so a bare `#task-<id>` would miss a task on a
later page. `?task=<id>` makes the page open the page that holds that task (unless the query asks
for a page itself, see `pagination.holding`), and the fragment then scrolls to its row.
"""

from __future__ import annotations

from urllib.parse import quote

from django.urls import reverse


def held_href(url_name: str, param: str, key: str, q: str = "", anchor_prefix: str = "") -> str:
    """`<page>?<param>=<key>…#<anchor_prefix><key>`, keeping the other parameters of `q` (`?as_of=…`, or empty)."""
    more = "&" + q.removeprefix("?") if q.removeprefix("?") else ""
    return f"{reverse(url_name)}?{param}={quote(key, safe='')}{more}#{anchor_prefix}{key}"


def task_href(task_id: str, q: str = "") -> str:
    """The tasks page that holds the task `task_id`, at its row (`q`: `?scenario=…&as_of=…`, or empty)."""
    return held_href("tasks", "task", task_id, q, "task-")
