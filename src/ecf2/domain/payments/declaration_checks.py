"""The checks of a lead provider's declaration in the order of lead-provider-api-v3 §4,
each skipped when an earlier one has found a problem with a field it depends on, as the
reference service skips them (RECT:app/services/api/declarations/create.rb)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import attrs

from ecf2.domain.payments import declaration_rules as rules
from ecf2.domain.payments.declaration_facts import (
    DeclarationRequest,
    LiveDeclaration,
    Participant,
    Training,
)
from ecf2.domain.shared.declaration_types import DeclarationType


@attrs.frozen
class _Context:
    """The request, read once for all the checks."""

    request: DeclarationRequest
    participant: Participant | None
    now: datetime
    kind: DeclarationType | None
    on: datetime | None
    role: str | None

    @classmethod
    def of(
        cls, request: DeclarationRequest, participant: Participant | None, now: datetime
    ) -> _Context:
        kind = rules.declaration_type_of(request.declaration_type)
        on = rules.parsed_date(request.declaration_date)
        return cls(request, participant, now, kind, on, rules.role_of(request.course_identifier))

    @property
    def training(self) -> Training | None:
        return None if self.participant is None else self.participant.training


@attrs.frozen
class _Check:
    """A check runs unless an earlier one found a problem with a field in `skip_after`
    (or with any field, when `skip_after` is None)."""

    check: Callable[[_Context], rules.Problem | None]
    skip_after: frozenset[str] | None

    def skipped(self, found: dict[str, rules.Problem]) -> bool:
        return bool(found) if self.skip_after is None else not self.skip_after.isdisjoint(found)


def _after(*fields: str) -> frozenset[str]:
    return frozenset(fields)


ANY = None
P, C, D, T, Y = (
    "participant_id",
    "course_identifier",
    "declaration_date",
    "declaration_type",
    "cohort",
)


def _with_training(
    check: Callable[[_Context, Training], rules.Problem | None],
) -> Callable[[_Context], rules.Problem | None]:
    """Checks of the lead provider's training in the role, which need there to be one."""
    return lambda context: None if context.training is None else check(context, context.training)


def _with_date(
    check: Callable[[_Context, Training, datetime], rules.Problem | None],
) -> Callable[[_Context], rules.Problem | None]:
    def checked(context: _Context) -> rules.Problem | None:
        on, training = context.on, context.training
        return None if on is None or training is None else check(context, training, on)

    return checked


# §4 in order, each skipped as the reference skips it when an earlier check has failed.
CHECKS = (
    # 1-2: a participant id, of a teacher we know
    _Check(lambda c: rules.participant_id_given(c.request.participant_id), _after()),
    _Check(lambda c: rules.participant_recognised(c.participant), _after(P, C)),
    # 3-6: a course, a date, the course taken with this provider, a type
    _Check(lambda c: rules.course_given(c.request.course_identifier), ANY),
    _Check(lambda c: rules.declaration_date_given(c.request.declaration_date), ANY),
    _Check(lambda c: c.participant and rules.course_recognised(c.participant), _after(P, C, D, T)),
    _Check(lambda c: rules.declaration_type_valid(c.request.declaration_type), ANY),
    # 7: one billable or changeable declaration per event
    _Check(
        _with_training(lambda c, _: rules.not_a_duplicate(live_of(c.participant, c.kind))),
        _after(T, D),
    ),
    # 8-10: not in the future, within the milestone, in RFC 3339
    _Check(lambda c: c.on and rules.not_in_future(c.on, c.now), _after(D, T, P, C)),
    _Check(
        _with_date(lambda c, t, on: c.kind and rules.within_milestone(t, c.kind, on)),
        _after(D, T, Y),
    ),
    _Check(
        lambda c: c.request.declaration_date and rules.rfc3339(c.request.declaration_date),
        _after(D),
    ),
    # 11-12: what a 2025 mentor is paid for; the evidence held
    _Check(
        _with_training(lambda c, t: c.kind and rules.allowed_for_mentor(t, str(c.role), c.kind)),
        _after(T, Y),
    ),
    _Check(
        _with_training(
            lambda c, t: (
                c.kind and rules.evidence_valid(t, str(c.role), c.kind, c.request.evidence_held)
            )
        ),
        ANY,
    ),
    # 13-17: withdrawal, frozen payments, a statement, the schedule, the sequence
    _Check(_with_date(lambda c, t, on: rules.before_withdrawal(t, on)), _after(P)),
    _Check(lambda c: c.participant and rules.payments_not_frozen(c.participant), _after(Y)),
    _Check(_with_training(lambda c, t: rules.statement_available(c.participant, t)), _after(T, Y)),
    _Check(
        _with_training(lambda c, t: c.kind and rules.in_schedule(t, c.kind)), _after(D, T, P, C, Y)
    ),
    _Check(
        _with_date(
            lambda c, t, on: (
                c.kind and rules.in_sequence(t, c.kind, on, c.participant.live_declarations)
            )
        ),
        _after(D, T),
    ),
    # 18: trained by this lead provider at all
    _Check(lambda c: c.participant and rules.trained_by_provider(c.participant), _after(P)),
)


def problems_with(
    request: DeclarationRequest, participant: Participant | None, now: datetime
) -> list[rules.Problem]:
    """§4's checks in order; most skip once an earlier one has failed, and each field
    reports only its first problem."""
    context = _Context.of(request, participant, now)
    found: dict[str, rules.Problem] = {}
    for each in CHECKS:
        if each.skipped(found):
            continue
        problem = each.check(context)
        if problem:
            found.setdefault(problem[0], problem)
    return list(found.values())


def live_of(
    participant: Participant | None, kind: DeclarationType | None
) -> LiveDeclaration | None:
    """The participant's billable or changeable declaration for this event, if any."""
    live = () if participant is None else participant.live_declarations
    return next((each for each in live if each.declaration_type is kind), None)
