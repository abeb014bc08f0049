"""Lodestar: from the purpose of a marketing & sales organization to a measurable goal system."""

__version__ = "0.1.0"
