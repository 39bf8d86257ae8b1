"""A teacher's audit timeline: one page of the events about them, newest first, in one SQL
query (inductions-trs-sign-in-admin (d.1) "timeline", (d.3); participants-and-schools §5).

The page of events is joined to the teacher rather than the other way round, so that a
teacher with no events (or a page past the end) still gives the teacher's row, and an
unknown teacher gives none."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, Select, func, select, true

from ecf2.adapters.db.events import EventRow
from ecf2.adapters.db.participants_teacher_rows import TeacherRow
from ecf2.adapters.db.queries.admin_teacher_views import Author, Timeline, TimelineEvent
from ecf2.adapters.db.queries.listing import Page
from ecf2.domain.participants.rules import teacher_display_name

T, E = TeacherRow, EventRow


def timeline_statement(api_id: uuid.UUID, page: Page) -> Select[Any]:
    teacher_id = select(T.id).where(T.api_id == api_id).scalar_subquery()
    events = (
        select(
            E.id,
            E.heading,
            E.happened_at,
            E.author_type,
            E.author_name,
            E.author_email,
            E.body,
            E.modifications,
            E.metadata_.label("event_metadata"),
            E.zendesk_ticket_id,
            func.count().over().label("total"),
        )
        .where(E.teacher_id == teacher_id)
        # Events recorded together share a time: the later recorded is the newer.
        .order_by(E.happened_at.desc(), E.id.desc())
        .limit(page.size)
        .offset(page.offset)
        .subquery("events_on_page")
    )
    return (
        select(T.api_id, T.corrected_name, T.trs_first_name, T.trs_last_name, T.trn, events)
        .select_from(T)
        .outerjoin(events, true())
        .where(T.api_id == api_id)
        .order_by(events.c.happened_at.desc(), events.c.id.desc())
    )


def timeline_from_rows(rows: list[Row[Any]]) -> Timeline | None:
    if not rows:
        return None
    first = rows[0]
    events = tuple(_event(row) for row in rows if row.id is not None)
    return Timeline(
        api_id=first.api_id,
        name=teacher_display_name(first.corrected_name, first.trs_first_name, first.trs_last_name),
        trn=first.trn,
        events=events,
        total=first.total or 0,
    )


def _event(row: Row[Any]) -> TimelineEvent:
    return TimelineEvent(
        heading=row.heading,
        happened_at=row.happened_at,
        author=Author(row.author_type, row.author_name, row.author_email),
        body=row.body,
        modifications=tuple(row.modifications or ()),
        metadata=dict(row.event_metadata or {}),
        zendesk_ticket_id=row.zendesk_ticket_id,
    )
