from tests.integration.job_queue import job_queue  # noqa: F401 - fixtures
from tests.integration.processes import database_url  # noqa: F401 - fixtures
from tests.integration.warehouse import demo_warehouse  # noqa: F401 - fixtures
