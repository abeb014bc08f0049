"""Model file format 1: reading, validating, storing, exporting and planning."""
