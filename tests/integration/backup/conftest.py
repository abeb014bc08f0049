from tests.integration.accounts.cast import cast, org  # noqa: F401 - fixtures
