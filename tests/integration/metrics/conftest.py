from tests.integration.accounts.cast import api_as, browser_as, cast, org  # noqa: F401 - fixtures
from tests.integration.warehouse import demo_warehouse, metrics_file  # noqa: F401 - fixtures
