"""What the finance console's tests share: signing in as DfE staff, finding the demo's
statements and declarations, and reading figures off a page."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
from litestar.testing import TestClient
from sqlalchemy import Engine, text

from tests.e2e.web.demo_site import sign_in

FINANCE_USER = "frances.hale@education.gov.uk"
PRODUCT_TEAM_USER = "sam.okoro@education.gov.uk"
ADMIN_USER = "alex.morgan@education.gov.uk"
STATEMENTS = "/admin/finance/statements"


def sign_in_as_finance(client: TestClient[Any], email: str = FINANCE_USER) -> None:
    assert sign_in(client, email).status_code == 303


def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def statement_id(
    engine: Engine, provider: str, contract_year: int, month: int, year: int
) -> uuid.UUID:
    with engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT s.api_id FROM statements s "
                "JOIN active_lead_providers a ON a.id = s.active_lead_provider_id "
                "JOIN lead_providers l ON l.id = a.lead_provider_id "
                "WHERE l.name = :provider AND a.contract_period_year = :contract_year "
                "AND s.month = :month AND s.year = :year"
            ),
            {"provider": provider, "contract_year": contract_year, "month": month, "year": year},
        ).scalar_one()
    return _uuid(found)


def statement_path(engine: Engine, *key: Any) -> str:
    return f"{STATEMENTS}/{statement_id(engine, *key)}"


def declaration_on(engine: Engine, statement: uuid.UUID, payment_status: str) -> uuid.UUID:
    with engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT d.api_id FROM declarations d JOIN statements s "
                "ON s.id = d.payment_statement_id WHERE s.api_id = :statement "
                "AND d.payment_status = :status AND d.clawback_status = 'no_clawback' "
                "ORDER BY d.id LIMIT 1"
            ),
            {
                "statement": statement.hex if engine.dialect.name == "sqlite" else statement,
                "status": payment_status,
            },
        ).scalar_one()
    return _uuid(found)


def flat(page: httpx.Response) -> str:
    """The page's text without tags, on one line."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.text))


def section(page: httpx.Response, element_id: str) -> str:
    """The text of the element with that id, up to the next table or heading of its kind."""
    start = page.text.index(f'id="{element_id}"')
    end = page.text.find("</table>", start)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.text[start:end]))
