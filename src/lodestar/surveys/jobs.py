"""The worker's scheduled survey job: the invitations and reminders of the open rounds, as of today.

Failed e-mails are not recorded, so the next occurrence of the schedule tries them again; the
job then raises JobFailed naming them, after sending the others.
"""

from __future__ import annotations

from lodestar.jobs.registry import JobFailed
from lodestar.rhythm.survey_mails import INVITATION
from lodestar.store.load import NoModel
from lodestar.surveys.invitations import send_survey_mails


def scheduled_survey_mails() -> str:
    """Send the survey e-mails due today; raises JobFailed when some could not be sent."""
    try:
        run = send_survey_mails()
    except NoModel:
        return "No model imported yet: no survey e-mails."
    invitations = sum(mail.kind == INVITATION for mail in run.sent)
    reminders = len(run.sent) - invitations
    said = f"{invitations} survey invitation{'s' if invitations != 1 else ''} and {reminders} reminder{'s' if reminders != 1 else ''}"
    if run.failed:
        reasons = "; ".join(f"{failure.email}: {failure.reason}" for failure in run.failed[:5])
        more = f" (and {len(run.failed) - 5} more)" if len(run.failed) > 5 else ""
        raise JobFailed(f"sent {said}, {len(run.failed)} could not be sent: {reasons}{more}")
    return f"Sent {said}."
