"""The demo organization that ships with Lodestar."""
