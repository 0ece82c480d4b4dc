"""Alembic environment: runs on the connection ScanStation hands over (see core/db.py)."""

from alembic import context

from scanstation.core.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
