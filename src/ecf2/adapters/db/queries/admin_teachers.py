"""The DfE staff console's teacher pages, each page one SQL query
(inductions-trs-sign-in-admin (d.1) "Teachers", (d.3))."""

from __future__ import annotations

import uuid
from datetime import date

from ecf2.adapters.db.queries.admin_teacher_record import record_from_rows, record_statement
from ecf2.adapters.db.queries.admin_teacher_search import search_statement, teachers_from_rows
from ecf2.adapters.db.queries.admin_teacher_views import (
    TeacherRecord,
    TeacherSearchPage,
    Timeline,
)
from ecf2.adapters.db.queries.admin_timeline import timeline_from_rows, timeline_statement
from ecf2.adapters.db.queries.listing import Page, ReadModel


class SqlAdminTeacherReads(ReadModel):
    def search(self, text: str, page: Page, today: date) -> TeacherSearchPage:
        """Teachers whose TRN, API id or name matches, by name, with the schools they are
        placed at today or from a later date."""
        rows = self._rows(search_statement(text, page, today))
        return TeacherSearchPage(teachers_from_rows(rows), rows[0].total if rows else 0)

    def record(self, api_id: uuid.UUID) -> TeacherRecord | None:
        return record_from_rows(self._rows(record_statement(api_id)))

    def timeline(self, api_id: uuid.UUID, page: Page) -> Timeline | None:
        return timeline_from_rows(self._rows(timeline_statement(api_id, page)))
