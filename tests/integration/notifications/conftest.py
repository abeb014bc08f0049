from tests.integration.notifications.smtp import smtp_server  # noqa: F401 - a fixture
