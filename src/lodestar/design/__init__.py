"""Tasks with responsibilities, dependencies, competencies and touchpoints."""
