"""Round trips of delivery partners, partnerships and API tokens through the SQL unit
of work, and the database refusing a name the domain treats as the same."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest
from sqlalchemy import Engine, Table, insert, text

from ecf2.adapters.db.metadata import metadata
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import (
    DeliveryPartner,
    LeadProvider,
    LeadProviderDeliveryPartnership,
    SchoolPartnership,
    issue_api_token,
)
from ecf2.domain.shared.errors import RuleBroken
from tests.integration.db.contracts_builders import NOW, added, an_active_lead_provider

pytestmark = pytest.mark.contracts


def test_delivery_partners_are_found_by_name_whatever_its_case(uow: SqlAlchemyUnitOfWork) -> None:
    partner = DeliveryPartner(name="Rise Teaching School Hub", created_at=NOW)
    added(uow, "delivery_partners", partner)
    with uow:
        assert uow.delivery_partners.get(partner.id) == partner
        assert uow.delivery_partners.by_name("rise teaching school HUB") == partner
        assert uow.delivery_partners.by_name("Rise") is None
        assert uow.delivery_partners.get_by_api_id(partner.api_id) == partner


def test_the_database_refuses_a_delivery_partner_name_differing_only_in_case(
    uow: SqlAlchemyUnitOfWork,
) -> None:
    added(uow, "delivery_partners", DeliveryPartner(name="Rise", created_at=NOW))
    with uow:
        uow.delivery_partners.add(DeliveryPartner(name="RISE", created_at=NOW))
        with pytest.raises(RuleBroken) as refused:
            uow.commit()
    assert refused.value.rule == "uq_delivery_partners_lower_name"
    assert refused.value.field == "name"


def _a_school_id(engine: Engine) -> int:
    """Schools belong to the participants context: insert the least a school row needs."""
    with engine.begin() as connection:
        gias = metadata.tables["gias_schools"]
        urn = "100001"
        connection.execute(insert(gias).values(_required(gias, urn=urn)))
        schools = metadata.tables["schools"]
        values = _required(schools, urn=urn)
        return connection.execute(
            insert(schools).values(values).returning(schools.c.id)
        ).scalar_one()


def _required(table: Table, **given: Any) -> dict[str, Any]:
    values = dict(given)
    for column in table.columns:
        needed = not column.nullable and column.default is None and column.server_default is None
        if needed and column.name not in values and column.autoincrement is not True:
            values[column.name] = _example(table, column)
    return values


def _example(table: Table, column: Any) -> Any:
    allowed = _first_allowed(table, column.name)
    if allowed is not None:
        return allowed
    python_type = column.type.python_type
    if issubclass(python_type, Enum):
        return next(iter(python_type))
    examples = {str: "x", int: 1, bool: False, date: date(2020, 1, 1), datetime: NOW,
                uuid.UUID: uuid.uuid4(), Decimal: Decimal(0)}  # fmt: skip
    return examples[python_type]


def _first_allowed(table: Table, name: str) -> str | None:
    for constraint in table.constraints:
        sql = str(getattr(constraint, "sqltext", ""))
        if sql.startswith(f"{name} IN ('"):
            return sql.split("'")[1]
    return None


def test_partnerships_round_trip(uow: SqlAlchemyUnitOfWork, engine: Engine) -> None:
    active_lead_provider = an_active_lead_provider(uow)
    partner = DeliveryPartner(name="Rise", created_at=NOW)
    added(uow, "delivery_partners", partner)
    lpdp = LeadProviderDeliveryPartnership(
        active_lead_provider_id=active_lead_provider.id, delivery_partner_id=partner.id
    )
    added(uow, "lead_provider_delivery_partnerships", lpdp)
    school_partnership = SchoolPartnership(
        school_id=_a_school_id(engine),
        lead_provider_delivery_partnership_id=lpdp.id,
        created_at=NOW,
    )
    added(uow, "school_partnerships", school_partnership)
    with uow:
        repository = uow.lead_provider_delivery_partnerships
        assert repository.get(lpdp.id) == lpdp
        assert repository.for_pair(active_lead_provider.id, partner.id) == lpdp
        assert repository.for_active_lead_provider(active_lead_provider.id) == [lpdp]
        loaded = uow.school_partnerships.get_by_api_id(school_partnership.api_id)
        assert loaded == school_partnership
        assert uow.school_partnerships.for_school(school_partnership.school_id) == [loaded]


def test_an_api_token_is_found_by_its_digest(uow: SqlAlchemyUnitOfWork) -> None:
    lead_provider = LeadProvider(name="Best Practice Network")
    added(uow, "lead_providers", lead_provider)
    issued = issue_api_token(lead_provider.id, "Production", now=NOW)
    added(uow, "api_tokens", issued.record)
    with uow:
        token = uow.api_tokens.get_by_digest(issued.record.token_digest)
        assert token == issued.record
        token.record_use(NOW)
        token.revoke(NOW)
        uow.api_tokens.save(token)
        uow.commit()
    with uow:
        assert uow.api_tokens.get(token.id) == token
        assert uow.api_tokens.get_by_digest("0" * 64) is None
        assert uow.api_tokens.for_lead_provider(lead_provider.id) == [token]


def test_the_database_stores_no_token_only_its_digest(
    uow: SqlAlchemyUnitOfWork, engine: Engine
) -> None:
    lead_provider = LeadProvider(name="UCL")
    added(uow, "lead_providers", lead_provider)
    issued = issue_api_token(lead_provider.id, "Sandbox", now=NOW)
    added(uow, "api_tokens", issued.record)
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT * FROM api_tokens")).one()
    assert issued.token not in [str(value) for value in stored]
