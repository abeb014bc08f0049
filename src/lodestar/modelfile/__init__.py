"""Model file format 1 as pure functions: safe YAML, section readers, references, validation, documents, export, plan.

Nothing here imports Django; the store (`lodestar.store`) loads and writes a whole model.
"""
