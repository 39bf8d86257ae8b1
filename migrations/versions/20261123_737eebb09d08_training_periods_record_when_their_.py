"""Training periods record when they were recorded or their dates last changed, for the
lead provider API's transfers.

Revision ID: 737eebb09d08
Revises: b314be241ba9
Create Date: 2026-11-23 21:37:21.494679
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "737eebb09d08"
down_revision: str | Sequence[str] | None = "b314be241ba9"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
# SQLite rebuilds the table: reflect it alone, not the tables its foreign keys refer to.
NOT_REFERRED = {"resolve_fks": False}


def upgrade() -> None:
    with op.batch_alter_table("training_periods", reflect_kwargs=NOT_REFERRED) as batch_op:
        batch_op.add_column(
            sa.Column(
                "api_transfer_updated_at",
                sa.DateTime(timezone=True),
                server_default=sa.func.now(),
                nullable=False,
            )
        )
        batch_op.create_index(
            batch_op.f("ix_training_periods_api_transfer_updated_at"),
            ["api_transfer_updated_at"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("training_periods", reflect_kwargs=NOT_REFERRED) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_periods_api_transfer_updated_at"))
        batch_op.drop_column("api_transfer_updated_at")
