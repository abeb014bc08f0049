"""The goal rhythm as pure functions: cadences and cycle starts, check-in owners, what is due, reminders, digests."""
