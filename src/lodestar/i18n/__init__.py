"""The languages of the web app, e-mails and reports: which exist, which one a request reads, and their catalogs.

Pages, forms, e-mails and reports speak the user's language (their setting, else the browser's
`Accept-Language`, else English). The CLI, the API, the model file and its error paths stay English:
they are code, and their JSON never changes with the language.
"""

from __future__ import annotations

LANGUAGES = (("en", "English"), ("de", "Deutsch"))
CODES = tuple(code for code, _ in LANGUAGES)
DEFAULT = "en"
