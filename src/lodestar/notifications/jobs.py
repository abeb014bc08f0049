"""The worker's scheduled reminder and digest jobs: `send_reminders` and `send_digests` as of today.

Each returns what it sent, in one line. When some messages could not be sent, the others are
sent and recorded, and the job raises JobFailed naming the failures; failed e-mails are not
recorded, so the next occurrence of the schedule tries them again. A unit's digest that its chat
webhook refused is named too, but not retried (docs/chat-notifications.md).
"""

from __future__ import annotations

from lodestar.jobs.registry import JobFailed
from lodestar.notifications.services import Failure, send_digests, send_reminders
from lodestar.store.load import NoModel


def _failures(what: str, sent: int, failed: list[Failure]) -> JobFailed:
    reasons = "; ".join(f"{failure.email}: {failure.reason}" for failure in failed[:5])
    more = f" (and {len(failed) - 5} more)" if len(failed) > 5 else ""
    return JobFailed(f"sent {sent} {what}, {len(failed)} could not be sent: {reasons}{more}")


def scheduled_reminders() -> str:
    """Send the check-in reminders due today; raises JobFailed when some could not be sent."""
    try:
        run = send_reminders()
    except NoModel:
        return "No model imported yet: no reminders."
    if run.failed:
        raise _failures("reminders", len(run.sent), run.failed)
    return f"Sent {len(run.sent)} reminder{'s' if len(run.sent) != 1 else ''}."


def scheduled_digests() -> str:
    """Send this week's digests; raises JobFailed when some could not be sent."""
    try:
        run = send_digests()
    except NoModel:
        return "No model imported yet: no digests."
    chats = len(run.chats) - len(run.chats_failed)
    posted = f"; posted {chats} to chat" if run.chats else ""
    not_posted = [
        Failure(chat.content.units[0], f"the chat of unit {chat.content.units[0]} ({chat.service})", chat.post.reason)
        for chat in run.chats_failed
        if chat.post is not None
    ]
    if run.failed or not_posted:
        raise _failures("digests", len(run.sent), [*run.failed, *not_posted])
    return f"Sent {len(run.sent)} digest{'s' if len(run.sent) != 1 else ''}{posted}."
