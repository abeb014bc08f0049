"""The job queue of the test database, emptied for each test, and its jobs run here as a worker thread runs them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lodestar.jobs.queue import Queue, close_queues, queue


class JobQueue:
    """The queue of this test's database."""

    def __init__(self, current: Queue) -> None:
        self.current = current

    def pending(self) -> int:
        """Return how many jobs wait in the queue."""
        count: int = self.current.huey.pending_count()
        return count

    def run(self) -> int:
        """Run every waiting job in this process (Huey's dequeue and execute, as its worker does); return how many."""
        ran = 0
        while self.pending():
            task = self.current.huey.dequeue()
            if task is None:
                break
            self.current.huey.execute(task)
            ran += 1
        return ran


@pytest.fixture
def job_queue(db: None) -> Iterator[JobQueue]:
    """The test database's job queue, empty at the start of the test."""
    current = queue()
    current.huey.flush()
    yield JobQueue(current)
    current.huey.flush()
    close_queues()
