"""Teachers are indexed in the order of the name shown, for long lists such as an
appropriate body's ECTs.

Revision ID: b314be241ba9
Revises: 4c77d3826444
Create Date: 2026-11-23 19:25:46.655331
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b314be241ba9"
down_revision: str | Sequence[str] | None = "4c77d3826444"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME_ORDER = "lower(coalesce(corrected_name, trs_first_name || ' ' || trs_last_name, ''))"


def upgrade() -> None:
    op.create_index("ix_teachers_name_order", "teachers", [sa.text(NAME_ORDER), "id"])


def downgrade() -> None:
    op.drop_index("ix_teachers_name_order", table_name="teachers")
