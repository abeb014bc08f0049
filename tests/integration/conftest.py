from tests.integration.databases import database_url  # noqa: F401 - a fixture
