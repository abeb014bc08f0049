"""Reminders and digests by e-mail: what was sent to whom, the messages, and the services that send them."""
