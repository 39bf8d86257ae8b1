"""The benchmark's contracts: two cohorts, two lead providers each with delivery partners,
schedules and their milestones, monthly output statements, and a token per provider."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import attrs
from sqlalchemy import Connection

from ecf2.domain.contracts.api_tokens import token_digest
from ecf2.entrypoints.benchmark_data.bulk import insert_ids, insert_one, insert_rows

COHORTS = (2024, 2025)
PROVIDERS = ("Bench Provider A", "Bench Provider B")
TOKENS = ("bench-token-of-provider-a-0001", "bench-token-of-provider-b-0002")
DELIVERY_PARTNERS_PER_PROVIDER = 10
SCHEDULE = "ecf-standard-september"
# (declaration type, months after the cohort's 1 June it opens, months it stays open)
MILESTONES = (
    ("started", 0, 19),
    ("retained-1", 4, 19),
    ("retained-2", 8, 19),
    ("completed", 12, 36),
)


@attrs.frozen
class Cohort:
    year: int
    schedule_id: int
    # Per lead provider: its active lead provider and its delivery partnerships.
    active_lead_providers: tuple[int, ...]
    partnerships: tuple[tuple[int, ...], ...]
    # Per lead provider: its first paid statement and its first open one.
    statements: tuple[tuple[int, int], ...]


@attrs.frozen
class Contracts:
    lead_providers: tuple[int, ...]
    delivery_partners: tuple[tuple[int, ...], ...]
    cohorts: dict[int, Cohort]


def _month(year: int, month: int, plus: int) -> date:
    years, months = divmod(year * 12 + month - 1 + plus, 12)
    return date(years, months + 1, 1)


def seed_contracts(connection: Connection, today: date) -> Contracts:
    providers = tuple(
        _lead_provider(connection, name, token)
        for name, token in zip(PROVIDERS, TOKENS, strict=True)
    )
    partners = tuple(_delivery_partners(connection, index) for index in range(len(providers)))
    cohorts = {year: _cohort(connection, year, providers, partners, today) for year in COHORTS}
    return Contracts(providers, partners, cohorts)


def _lead_provider(connection: Connection, name: str, token: str) -> int:
    provider = insert_one(connection, "lead_providers", name=name, api_id=uuid.uuid4())
    insert_one(
        connection,
        "api_tokens",
        lead_provider_id=provider,
        token_digest=token_digest(token),
        description="Benchmark",
        created_at=datetime.now(UTC),
    )
    return provider


def _delivery_partners(connection: Connection, provider_index: int) -> tuple[int, ...]:
    now = datetime.now(UTC)
    rows = [
        {
            "name": f"Bench Partner {provider_index}-{n}",
            "api_id": uuid.uuid4(),
            "created_at": now,
            "api_updated_at": now,
        }
        for n in range(DELIVERY_PARTNERS_PER_PROVIDER)
    ]
    return tuple(insert_ids(connection, "delivery_partners", rows))


def _cohort(
    connection: Connection,
    year: int,
    providers: tuple[int, ...],
    partners: tuple[tuple[int, ...], ...],
    today: date,
) -> Cohort:
    insert_one(
        connection,
        "contract_periods",
        year=year,
        started_on=date(year, 6, 1),
        finished_on=date(year + 1, 5, 31),
        enabled=True,
        mentor_funding_enabled=year >= 2025,
        detailed_evidence_types_enabled=year >= 2025,
        uplift_fees_enabled=year < 2025,
    )
    schedule = insert_one(connection, "schedules", contract_period_year=year, identifier=SCHEDULE)
    insert_rows(connection, "milestones", _milestones(schedule, year))
    alps = tuple(
        insert_one(
            connection,
            "active_lead_providers",
            lead_provider_id=provider,
            contract_period_year=year,
            api_id=uuid.uuid4(),
        )
        for provider in providers
    )
    lpdps = tuple(
        _lead_provider_partnerships(connection, alp, mine)
        for alp, mine in zip(alps, partners, strict=True)
    )
    statements = tuple(_statements(connection, alp, year, today) for alp in alps)
    return Cohort(year, schedule, alps, lpdps, statements)


def _milestones(schedule: int, year: int) -> list[dict[str, object]]:
    return [
        {
            "schedule_id": schedule,
            "declaration_type": kind,
            "start_date": _month(year, 6, opens),
            "milestone_date": _month(year, 6, opens + length) - timedelta(days=1),
        }
        for kind, opens, length in MILESTONES
    ]


def _lead_provider_partnerships(
    connection: Connection, alp: int, partners: tuple[int, ...]
) -> tuple[int, ...]:
    rows = [
        {"active_lead_provider_id": alp, "delivery_partner_id": partner, "api_id": uuid.uuid4()}
        for partner in partners
    ]
    return tuple(insert_ids(connection, "lead_provider_delivery_partnerships", rows))


def _statements(connection: Connection, alp: int, year: int, today: date) -> tuple[int, int]:
    """Monthly output statements from the cohort's start to two years after today: paid
    before today, open after. Returns the first paid one and the first open one."""
    contract = insert_one(
        connection,
        "contracts",
        active_lead_provider_id=alp,
        contract_type="ittecf_ectp",
        vat_rate=0.2,
    )
    now, rows, month = datetime.now(UTC), [], date(year, 7, 1)
    while month <= _month(today.year, today.month, 24):
        deadline = month - timedelta(days=1)
        rows.append(
            {
                "api_id": uuid.uuid4(),
                "contract_id": contract,
                "active_lead_provider_id": alp,
                "month": month.month,
                "year": month.year,
                "deadline_date": deadline,
                "payment_date": month + timedelta(days=24),
                "fee_type": "output",
                "status": "paid" if deadline < today else "open",
                "api_updated_at": now,
                "created_at": now,
            }
        )
        month = _month(month.year, month.month, 1)
    ids = insert_ids(connection, "statements", rows)
    first_open = next(n for n, row in enumerate(rows) if row["status"] == "open")
    return ids[0], ids[first_open]
