"""The HTML pages, one package per area, each with its views (and forms) and URLs:

- `overview/` the dashboard, the health check, the KPI board;
- `goals/` the alignment tree, goal pages, the goal and key result forms, measurements and check-ins;
- `org/` unit, person and my pages;
- `design/` the design workspace pages and the generic form of the kinds in `lodestar.design.kinds`;
- `metrics/` the metric catalog and metric pages, refresh now;
- `admin/` users, import, export, the audit log;
- `accounts/` sign in, sign out, change password;
- `reports/` the PDF downloads.

Shared by the areas: `common` (acting user, snapshot, domain errors as pages), `http` (the typed
request), `form_values` (form text as values for the readers), `pages` (snapshot shaped for the
templates), `lines` and `formatting` (goal lines, numbers, labels), `charts`, `context`, `middleware`,
`errors` (Django's error views), `production`, and the template tags.
"""
