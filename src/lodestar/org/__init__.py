"""Units, locations and people."""
