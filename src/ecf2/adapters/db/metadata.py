"""All tables, for Alembic and for tests that build a schema directly."""

from ecf2.adapters.db import events, registry  # noqa: F401  (registers every row class)
from ecf2.adapters.db.base import Base

metadata = Base.metadata
