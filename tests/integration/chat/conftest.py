from tests.integration.accounts.cast import browser_as, cast, org  # noqa: F401 - fixtures
from tests.integration.chat.receiver import receiver  # noqa: F401 - fixtures
