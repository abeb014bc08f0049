"""Backups of a whole Lodestar database, and restoring one into an empty database of either kind."""
