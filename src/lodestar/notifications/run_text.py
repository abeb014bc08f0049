"""What `lodestar remind` and `lodestar digest` print as text: each message and whom it went to."""

from __future__ import annotations

from lodestar.lib.index import ModelIndex
from lodestar.lib.terminal import printable
from lodestar.notifications.messages import digest_sections, reminder_lines
from lodestar.notifications.services import DigestRun, Failure, ReminderRun
from lodestar.rhythm.digests import DigestContent
from lodestar.rhythm.reminders import NO_EMAIL, NO_OWNER, OPTED_OUT

REASONS = {
    NO_OWNER: "no check-in owner (give the key result an owner, or the unit a lead)",
    OPTED_OUT: "its check-in owner has turned reminders off",
    NO_EMAIL: "its check-in owner has no email",
}


def _headline(what: str, count: int, as_of: str, *, dry_run: bool) -> str:
    plural = "s" if count != 1 else ""
    if dry_run:
        return f"{what.capitalize()}s as of {as_of} (dry run): {count} {what}{plural} would be sent; nothing is sent or recorded."
    return f"{what.capitalize()}s as of {as_of}: {count} {what}{plural} sent."


def _failures(failed: list[Failure]) -> list[str]:
    if not failed:
        return []
    lines = ["", f"Not sent ({len(failed)}; the next run tries again):"]
    lines += [f"  {printable(f.email)}: {printable(f.reason)}" for f in failed]
    return lines


def reminder_run_text(run: ReminderRun) -> str:
    as_of = run.plan.as_of
    lines = [_headline("reminder", len(run.sent), as_of.isoformat(), dry_run=run.dry_run)]
    for reminder in run.sent:
        count = len(reminder.due)
        lines.append("")
        lines.append(
            f"  To {printable(reminder.person.name)} <{printable(reminder.email)}>: "
            f"{count} key result{'s' if count != 1 else ''} due (cycle began {reminder.cycle_start.isoformat()})"
        )
        for line in reminder_lines(reminder, as_of):
            lines.append(f"    - {printable(line.title)} ({printable(line.detail)})")
            lines.append(f"      {line.url}")
    if run.plan.skipped:
        lines += ["", f"Due, but in no reminder ({len(run.plan.skipped)}):"]
        lines += [f"  {item.key_result}: {REASONS[item.reason]}" for item in run.plan.skipped]
    return "\n".join([*lines, *_failures(run.failed)])


def _sections(content: DigestContent, index: ModelIndex) -> list[str]:
    lines = []
    for heading, entries in digest_sections(content, index):
        lines.append(f"    {heading}:")
        for line in entries:
            lines.append(f"      - {printable(line.title)} ({printable(line.detail)})")
            lines.append(f"        {line.url}")
    return lines


def _chats(run: DigestRun, index: ModelIndex) -> list[str]:
    """The units' digests for their chat webhooks: posted, failed, or (dry run) to post."""
    if not run.chats:
        return []
    heading = "Would be posted to chat" if run.dry_run else "Posted to chat"
    lines = ["", f"{heading} ({len(run.chats)}):"]
    for chat in run.chats:
        name = printable(index.name(chat.content.units[0]))
        if chat.post is not None and not chat.post.sent:
            lines.append(f"  {name} ({chat.service}): not posted: {printable(chat.post.reason)} (not retried)")
            continue
        lines.append(f"  {name} ({chat.service}):")
        lines += _sections(chat.content, index)
    return lines


def digest_run_text(run: DigestRun, index: ModelIndex) -> str:
    lines = [_headline("digest", len(run.sent), run.as_of.isoformat(), dry_run=run.dry_run)]
    for digest in run.sent:
        units = ", ".join(printable(index.name(unit)) for unit in digest.content.units)
        lines += ["", f"  To {printable(digest.person.name)} <{printable(digest.email)}>, for {units}:"]
        lines += _sections(digest.content, index)
    return "\n".join([*lines, *_failures(run.failed), *_chats(run, index)])
