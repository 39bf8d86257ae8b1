"""The declarative base every row class shares, with stable constraint names."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Dialect,
    Enum,
    Integer,
    MetaData,
    TypeDecorator,
    event,
    text,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes only; stored in UTC, and given back in UTC even by SQLite."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("Naive datetimes cannot be stored: give a timezone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime(), date: Date(), dict[str, Any]: JSON()}


def enum_column(enum_class: type, name: str, **kwargs: Any) -> Any:
    """Store an enum by its value as a checked string, the same on SQLite and PostgreSQL."""
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(member.value) for member in enum_class),
        values_callable=lambda members: [member.value for member in members],
        **kwargs,
    )


def version_column() -> Mapped[int]:
    return mapped_column(Integer, nullable=False, default=1, server_default=text("1"))


def no_overlap(name: str, *keys: str) -> ExcludeConstraint:
    """On PostgreSQL two periods with the same keys may not share a day, even when two
    transactions race; both ends of the range are inclusive (ARCHITECTURE: periods)."""
    elements: list[tuple[Any, str]] = [(key, "=") for key in keys]
    elements.append((text("daterange(started_on, finished_on, '[]')"), "&&"))
    return ExcludeConstraint(*elements, name=name, using="gist").ddl_if(dialect="postgresql")


PERIOD_CHECK = "finished_on IS NULL OR finished_on >= started_on"


@event.listens_for(Base.metadata, "before_create")
def _gist_equality_operators(_metadata: MetaData, connection: Any, **_: Any) -> None:
    # Exclusion constraints mix "=" on plain columns with "&&" on ranges: btree_gist.
    if connection.dialect.name == "postgresql":
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS btree_gist"))
