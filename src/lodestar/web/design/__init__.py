"""The design workspace: purpose, vision, roles, tasks, dependencies, competencies, touchpoints."""
