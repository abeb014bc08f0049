from tests.integration.accounts.cast import api_as, browser_as, cast, org  # noqa: F401 - fixtures
