"""a lead provider confirms one partnership per school and cohort, even when racing

Revision ID: 4c77d3826444
Revises: 9ab3780e64e2
Create Date: 2026-11-23 18:52:31.184096
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "4c77d3826444"
down_revision: str | Sequence[str] | None = "9ab3780e64e2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
# SQLite rebuilds the table: reflect it alone, not the tables its foreign keys refer to.
NOT_REFERRED = {"resolve_fks": False}


def upgrade() -> None:
    with op.batch_alter_table("school_partnerships", reflect_kwargs=NOT_REFERRED) as batch_op:
        batch_op.add_column(sa.Column("confirmed_by_id", sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(
            "uq_school_partnerships_confirmed_once", ["school_id", "confirmed_by_id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_school_partnerships_confirmed_by_id_active_lead_providers"),
            "active_lead_providers",
            ["confirmed_by_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("school_partnerships", reflect_kwargs=NOT_REFERRED) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_school_partnerships_confirmed_by_id_active_lead_providers"),
            type_="foreignkey",
        )
        batch_op.drop_constraint("uq_school_partnerships_confirmed_once", type_="unique")
        batch_op.drop_column("confirmed_by_id")
