"""Alembic environment: always driven from code (Store), with the connection passed in."""

from alembic import context

from assistant.storage._tables import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
