"""Unit, person and my pages."""
