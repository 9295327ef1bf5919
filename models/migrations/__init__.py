"""Alembic migrations (run programmatically by lbn_desktop.database)."""
