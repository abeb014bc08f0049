from tests.integration.accounts.cast import browser_as, cast, org  # noqa: F401 - fixtures
from tests.integration.warehouse import bound, metrics_file  # noqa: F401 - fixtures
