"""The stored model: load it from the database, write a whole model, import, plan and export files."""
