from tests.integration.accounts.cast import browser_as, cast, org  # noqa: F401 - fixtures
from tests.integration.notifications.smtp import smtp_server  # noqa: F401 - a fixture
from tests.integration.warehouse import bound, metrics_file  # noqa: F401 - fixtures
