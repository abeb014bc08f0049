"""Admin pages: users, import, export, the audit log."""
