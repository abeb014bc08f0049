"""Mission, vision answers and role profiles."""
