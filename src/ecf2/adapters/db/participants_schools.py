"""Mappers and repositories of schools, GIAS schools and school funding eligibility."""

from __future__ import annotations

import uuid
from typing import Any

import attrs
from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from ecf2.adapters.db.participants_school_rows import (
    GiasSchoolLinkRow,
    GiasSchoolRow,
    SchoolFundingEligibilityRow,
    SchoolRow,
)
from ecf2.adapters.db.repository import (
    SqlRepository,
    bump_version,
    check_version,
    copy_fields,
    field_values,
)
from ecf2.domain.participants.gias import GiasSchool, GiasSchoolLink, SchoolFundingEligibility
from ecf2.domain.participants.school import School
from ecf2.domain.shared.errors import NotFound
from ecf2.domain.shared.identifiers import Urn


def _columns(entity_class: type, leave_out: set[str]) -> tuple[str, ...]:
    return tuple(a.name for a in attrs.fields(entity_class) if a.name not in leave_out)


_SCHOOL_FIELDS = _columns(School, {"urn", "gias_school", "id", "version", "pending_events"})
_GIAS_FIELDS = _columns(GiasSchool, {"urn", "links", "version", "pending_events"})
_FUNDING_FIELDS = ("contract_period_year", "pupil_premium_uplift", "sparsity_uplift")


# GIAS schools: keyed by URN; their links are children.


def _link_from_row(row: GiasSchoolLinkRow) -> GiasSchoolLink:
    return GiasSchoolLink(
        id=row.id, link_urn=Urn(row.link_urn), link_type=row.link_type, link_date=row.link_date
    )


def _gias_school_from_row(row: GiasSchoolRow) -> GiasSchool:
    return GiasSchool(
        urn=Urn(row.urn),
        links=[_link_from_row(link) for link in row.links],
        version=row.version,
        **field_values(row, _GIAS_FIELDS),
    )


def _apply_gias_school(school: GiasSchool, row: GiasSchoolRow) -> None:
    row.urn = school.urn.value
    copy_fields(school, row, _GIAS_FIELDS)


def _gias_query() -> Select[tuple[GiasSchoolRow]]:
    return select(GiasSchoolRow).options(selectinload(GiasSchoolRow.links))


class SqlGiasSchoolRepository(SqlRepository):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._versioned: list[tuple[GiasSchool, GiasSchoolRow]] = []

    def get(self, urn: Urn) -> GiasSchool:
        row = self._session.scalars(_gias_query().where(GiasSchoolRow.urn == urn.value)).first()
        if row is None:
            raise NotFound(f"There is no GIAS school with URN {urn}", field="urn")
        school = _gias_school_from_row(row)
        for link, link_row in zip(school.links, row.links, strict=True):
            self._pair(link, link_row)
        self._versioned.append((school, row))
        return self._seen(school)

    def add(self, school: GiasSchool) -> GiasSchool:
        row = GiasSchoolRow()
        _apply_gias_school(school, row)
        self._session.add(row)
        self._sync_links(school, row, [])
        self._versioned.append((school, row))
        return self._seen(school)

    def save(self, school: GiasSchool) -> GiasSchool:
        row = self._session.scalars(
            _gias_query().where(GiasSchoolRow.urn == school.urn.value)
        ).first()
        if row is None:
            raise NotFound(f"There is no GIAS school with URN {school.urn}", field="urn")
        check_version(school, row)
        _apply_gias_school(school, row)
        self._sync_links(school, row, row.links)
        bump_version(row)
        self._versioned.append((school, row))
        return self._seen(school)

    def write_back_ids(self) -> None:
        super().write_back_ids()
        for school, row in self._versioned:
            school.version = row.version

    def _sync_links(self, school: GiasSchool, row: GiasSchoolRow, rows: list[Any]) -> None:
        known = {link_row.id: link_row for link_row in rows}
        synced = []
        for link in school.links:
            link_row = known.get(link.id) if link.id is not None else None
            link_row = link_row or GiasSchoolLinkRow()
            link_row.link_urn = link.link_urn.value
            link_row.link_type, link_row.link_date = link.link_type, link.link_date
            synced.append(self._pair(link, link_row))
        row.links = synced


# Schools: what GIAS says of each is read alongside, never written through the school.


def _school_from_row(row: SchoolRow) -> School:
    return School(
        id=row.id,
        urn=Urn(row.urn),
        gias_school=None if row.gias_school is None else _gias_school_from_row(row.gias_school),
        version=row.version,
        **field_values(row, _SCHOOL_FIELDS),
    )


def _apply_school(school: School, row: SchoolRow) -> None:
    row.urn = school.urn.value
    copy_fields(school, row, _SCHOOL_FIELDS)


def _school_query() -> Select[tuple[SchoolRow]]:
    return select(SchoolRow).options(
        selectinload(SchoolRow.gias_school).selectinload(GiasSchoolRow.links)
    )


class SqlSchoolRepository(SqlRepository):
    def get(self, school_id: int) -> School:
        return self._one(_school_query().where(SchoolRow.id == school_id), school_id)

    def get_by_urn(self, urn: Urn) -> School:
        return self._one(_school_query().where(SchoolRow.urn == urn.value), f"with URN {urn}")

    def get_by_api_id(self, api_id: uuid.UUID) -> School:
        return self._one(_school_query().where(SchoolRow.api_id == api_id), api_id)

    def add(self, school: School) -> School:
        row = SchoolRow()
        _apply_school(school, row)
        self._session.add(row)
        self._pair(school, row)
        return self._seen(school)

    def save(self, school: School) -> School:
        row = self._session.get(SchoolRow, school.id)
        if row is None:
            raise NotFound(f"There is no school {school.id}", field="school")
        check_version(school, row)
        _apply_school(school, row)
        self._pair(school, row)
        return self._seen(school)

    def _one(self, query: Select[tuple[SchoolRow]], key: object) -> School:
        row = self._session.scalars(query).first()
        if row is None:
            raise NotFound(f"There is no school {key}", field="school")
        school = _school_from_row(row)
        self._pair(school, row)
        return self._seen(school)


class SqlSchoolFundingEligibilityRepository(SqlRepository):
    def for_urn_and_year(self, urn: Urn, year: int) -> SchoolFundingEligibility | None:
        row = self._session.scalars(
            select(SchoolFundingEligibilityRow).where(
                SchoolFundingEligibilityRow.gias_school_urn == urn.value,
                SchoolFundingEligibilityRow.contract_period_year == year,
            )
        ).first()
        if row is None:
            return None
        eligibility = SchoolFundingEligibility(
            id=row.id,
            gias_school_urn=Urn(row.gias_school_urn),
            version=row.version,
            **field_values(row, _FUNDING_FIELDS),
        )
        self._pair(eligibility, row)
        return self._seen(eligibility)

    def add(self, eligibility: SchoolFundingEligibility) -> SchoolFundingEligibility:
        row = SchoolFundingEligibilityRow(gias_school_urn=eligibility.gias_school_urn.value)
        copy_fields(eligibility, row, _FUNDING_FIELDS)
        self._session.add(row)
        self._pair(eligibility, row)
        return self._seen(eligibility)

    def save(self, eligibility: SchoolFundingEligibility) -> SchoolFundingEligibility:
        row = self._session.get(SchoolFundingEligibilityRow, eligibility.id)
        if row is None:
            raise NotFound(f"There is no school funding eligibility {eligibility.id}")
        check_version(eligibility, row)
        copy_fields(eligibility, row, _FUNDING_FIELDS)
        self._pair(eligibility, row)
        return self._seen(eligibility)
