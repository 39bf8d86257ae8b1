"""What an appropriate body sees (inductions-trs-sign-in-admin (a.12)): the ECTs whose
induction it is responsible for now, searched and paged, and one teacher's induction
periods with it and their extensions; each page one SQL query."""

from __future__ import annotations

import re
import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Row,
    Select,
    String,
    exists,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    union_all,
)

from ecf2.adapters.db.inductions_rows import (
    TERMS,
    InductionExtensionRow,
    InductionPeriodRow,
)
from ecf2.adapters.db.participants_school_rows import GiasSchoolRow, SchoolRow
from ecf2.adapters.db.participants_teacher_rows import ECTAtSchoolPeriodRow, TeacherRow
from ecf2.adapters.db.queries.appropriate_body_views import (
    EctInInduction,
    EctsInInduction,
    InductionPeriodHere,
    TeacherInInduction,
)
from ecf2.adapters.db.queries.listing import Page, ReadModel, paged
from ecf2.domain.inductions.model import InductionOutcome, effective_training_programme
from ecf2.domain.participants.rules import teacher_display_name

PAGE_SIZE = 50
IP, EXTENSION, T, ECT = InductionPeriodRow, InductionExtensionRow, TeacherRow, ECTAtSchoolPeriodRow
# A seven-digit search is a TRN and takes priority over names (a.12).
_TRN = re.compile(r"^\d{7}$")


def _names() -> list[Any]:
    return [T.corrected_name, T.trs_first_name, T.trs_last_name]


def _name_of(values: Any) -> str:
    return teacher_display_name(
        values["corrected_name"], values["trs_first_name"], values["trs_last_name"]
    )


def _starts_with(column: ColumnElement[Any], text: str) -> ColumnElement[bool]:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"{escaped}%", escape="\\")


def _matching(search: str) -> ColumnElement[bool]:
    """A TRN exactly, else a name by prefix: corrected, first, last or first and last."""
    if _TRN.match(search):
        return T.trn == search
    full_name = T.trs_first_name + " " + T.trs_last_name
    columns = (T.corrected_name, T.trs_first_name, T.trs_last_name, full_name)
    return or_(*(_starts_with(column, search) for column in columns))


def _current_school(today: date) -> Any:
    """The school the ECT is at today, if any."""
    return (
        select(GiasSchoolRow.name)
        .select_from(ECT)
        .join(SchoolRow, SchoolRow.id == ECT.school_id)
        .join(GiasSchoolRow, GiasSchoolRow.urn == SchoolRow.urn)
        .where(
            ECT.teacher_id == T.id,
            ECT.started_on <= today,
            or_(ECT.finished_on.is_(None), ECT.finished_on >= today),
        )
        .order_by(ECT.started_on.desc())
        .limit(1)
        .scalar_subquery()
    )


def _first_induction_start() -> Any:
    first = IP.__table__.alias("first_period")
    return select(func.min(first.c.started_on)).where(first.c.teacher_id == T.id).scalar_subquery()


def _page_of_periods(appropriate_body_id: int, search: str, page: Page) -> Any:
    """The page's ongoing periods at the body in name order (ix_teachers_name_order), and
    how many match in all."""
    matching = [IP.appropriate_body_id == appropriate_body_id, IP.finished_on.is_(None)]
    total = select(func.count()).select_from(IP)
    if search:
        matching.append(_matching(search))
        total = total.join(T, T.id == IP.teacher_id)
    total = total.where(*matching)
    sort_name = _name_order()
    statement = (
        select(
            IP.id.label("period_id"),
            sort_name.label("sort_name"),
            T.id.label("teacher_id"),
            total.scalar_subquery().label("total"),
        )
        .select_from(IP)
        .join(T, T.id == IP.teacher_id)
        .where(*matching)
        .order_by(sort_name, T.id)
    )
    return paged(statement, page).subquery()


def _name_order() -> ColumnElement[str]:
    """NAME_ORDER with its constants written in, so PostgreSQL reads it from its index."""
    full_name = T.trs_first_name + literal_column("' '") + T.trs_last_name
    return func.lower(func.coalesce(T.corrected_name, full_name, literal_column("''")))


def _ects(appropriate_body_id: int, search: str, page: Page, today: date) -> Select[Any]:
    periods = _page_of_periods(appropriate_body_id, search, page)
    return (
        select(
            T.api_id,
            *_names(),
            T.trn,
            T.trs_induction_status,
            _current_school(today).label("school"),
            _first_induction_start().label("induction_started_on"),
            IP.induction_programme,
            IP.training_programme,
            periods.c.total,
        )
        .select_from(periods)
        .join(IP, IP.id == periods.c.period_id)
        .join(T, T.id == periods.c.teacher_id)
        .order_by(periods.c.sort_name, periods.c.teacher_id)
    )


def _ect_from(row: Row[Any]) -> EctInInduction:
    values = row._mapping
    return EctInInduction(
        api_id=values["api_id"],
        name=_name_of(values),
        trn=values["trn"],
        school=values["school"],
        induction_started_on=values["induction_started_on"],
        training_programme=effective_training_programme(
            values["training_programme"], values["induction_programme"]
        ),
        trs_induction_status=values["trs_induction_status"],
    )


def _teacher(appropriate_body_id: int, api_id: uuid.UUID) -> Select[Any]:
    """The teacher's periods with this body and their extensions, one row each, for a
    teacher who has had an induction period with this body."""
    teacher_id = select(T.id).where(T.api_id == api_id).scalar_subquery()
    periods = select(
        IP.teacher_id,
        literal("period").label("kind"),
        IP.started_on,
        IP.finished_on,
        IP.number_of_terms,
        IP.induction_programme,
        IP.training_programme,
        IP.outcome,
    ).where(IP.teacher_id == teacher_id, IP.appropriate_body_id == appropriate_body_id)
    extensions = select(
        EXTENSION.teacher_id,
        literal("extension").label("kind"),
        null().cast(Date),
        null().cast(Date),
        EXTENSION.number_of_terms.cast(TERMS),
        null().cast(String),
        null().cast(String),
        null().cast(String),
    ).where(EXTENSION.teacher_id == teacher_id)
    items = union_all(periods, extensions).subquery()
    return (
        select(T.api_id, *_names(), T.trn, T.trs_induction_status, items)
        .join(items, items.c.teacher_id == T.id)
        .where(T.id == teacher_id, _had_induction_with(appropriate_body_id))
        .order_by(items.c.kind.desc(), items.c.started_on)
    )


def _had_induction_with(appropriate_body_id: int) -> ColumnElement[bool]:
    return exists(
        select(IP.id).where(IP.teacher_id == T.id, IP.appropriate_body_id == appropriate_body_id)
    )


def _period_from(values: Any) -> InductionPeriodHere:
    outcome = values["outcome"]
    return InductionPeriodHere(
        started_on=values["started_on"],
        finished_on=values["finished_on"],
        number_of_terms=values["number_of_terms"],
        training_programme=effective_training_programme(
            values["training_programme"], values["induction_programme"]
        ),
        outcome=None if outcome is None else InductionOutcome(outcome),
    )


def _teacher_from(rows: list[Row[Any]]) -> TeacherInInduction:
    first = rows[0]._mapping
    items = [row._mapping for row in rows]
    return TeacherInInduction(
        api_id=first["api_id"],
        name=_name_of(first),
        trn=first["trn"],
        trs_induction_status=first["trs_induction_status"],
        periods=tuple(_period_from(item) for item in items if item["kind"] == "period"),
        extensions=tuple(
            Decimal(item["number_of_terms"]) for item in items if item["kind"] == "extension"
        ),
    )


class SqlAppropriateBodyHomeReads(ReadModel):
    def ects(
        self, appropriate_body_id: int, search: str, page: Page, today: date
    ) -> EctsInInduction:
        """`search` is a TRN or the start of a name, its spaces already collapsed."""
        rows = self._rows(_ects(appropriate_body_id, search, page, today))
        total = rows[0]._mapping["total"] if rows else 0
        return EctsInInduction(tuple(_ect_from(row) for row in rows), total, page)

    def teacher(self, appropriate_body_id: int, api_id: uuid.UUID) -> TeacherInInduction | None:
        rows = self._rows(_teacher(appropriate_body_id, api_id))
        return _teacher_from(rows) if rows else None


__all__ = [
    "PAGE_SIZE",
    "EctInInduction",
    "EctsInInduction",
    "InductionPeriodHere",
    "SqlAppropriateBodyHomeReads",
    "TeacherInInduction",
]
