"""Plain helpers that import nothing from the Lodestar apps."""
