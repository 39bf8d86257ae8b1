"""For the same data, a statement's page in the console shows the figures that
`ecf2 finance calculate` prints for the equivalent scenario, the scenario being written
straight from the database's rows (finance-and-payments §5, §6, §8)."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from ecf2.domain.payments.calculator import in_pounds
from ecf2.entrypoints.cli_finance import finance
from tests.e2e.web.demo_site import (
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    post_form,
)
from tests.e2e.web.finance_site import STATEMENTS, section, sign_in_as_finance, statement_id

pytestmark = pytest.mark.payments


def _rows(engine: Engine, sql: str, **params: Any) -> list[Any]:  # noqa: F811
    with engine.connect() as connection:
        return list(connection.execute(text(sql), params).mappings())


def _key(engine: Engine, api_id: uuid.UUID) -> Any:  # noqa: F811
    return api_id.hex if engine.dialect.name == "sqlite" else api_id


def _text(value: Any) -> str | None:
    return None if value is None else str(Decimal(str(value)))


def _contract(engine: Engine, statement: int) -> dict[str, Any]:  # noqa: F811
    bands = _rows(
        engine,
        "SELECT b.capacity, t.fee_per_declaration, t.output_fee_ratio, t.service_fee_ratio, "
        "c.contract_type, c.vat_rate, l.vat_registered, f.recruitment_target, f.setup_fee, "
        "f.uplift_fee_per_declaration, f.monthly_service_fee, m.fee_per_declaration AS mentor_fee "
        "FROM statements s JOIN contracts c ON c.id = s.contract_id "
        "JOIN active_lead_providers a ON a.id = c.active_lead_provider_id "
        "JOIN lead_providers l ON l.id = a.lead_provider_id "
        "JOIN contract_banded_fee_structures f ON f.contract_id = c.id "
        "JOIN contract_banded_fee_structure_band_terms t ON t.banded_fee_structure_id = f.id "
        "JOIN active_lead_provider_bands b ON b.id = t.band_id "
        "LEFT JOIN contract_flat_rate_fee_structures m ON m.contract_id = c.id "
        "WHERE s.id = :id ORDER BY t.band_id",
        id=statement,
    )
    first = bands[0]
    contract = {
        "type": str(first["contract_type"]),
        "vat_rate": _text(first["vat_rate"]),
        "lead_provider_vat_registered": bool(first["vat_registered"]),
        "bands": [
            {
                "capacity": band["capacity"],
                "fee_per_declaration": _text(band["fee_per_declaration"]),
                "output_fee_ratio": _text(band["output_fee_ratio"]),
                "service_fee_ratio": _text(band["service_fee_ratio"]),
            }
            for band in bands
        ],
        "recruitment_target": first["recruitment_target"],
        "setup_fee": _text(first["setup_fee"]),
        "uplift_fee_per_declaration": _text(first["uplift_fee_per_declaration"]),
        "monthly_service_fee": _text(first["monthly_service_fee"]),
    }
    if first["mentor_fee"] is not None:
        contract["mentor_fee_per_declaration"] = _text(first["mentor_fee"])
    return contract


def scenario(engine: Engine, api_id: uuid.UUID) -> dict[str, Any]:  # noqa: F811
    """The statement, every statement of its lead provider in that contract period, and
    every declaration on them, one by one."""
    (current,) = _rows(
        engine,
        "SELECT id, active_lead_provider_id FROM statements WHERE api_id = :id",
        id=_key(engine, api_id),
    )
    statements = _rows(
        engine,
        "SELECT id, payment_date FROM statements WHERE active_lead_provider_id = :alp",
        alp=current["active_lead_provider_id"],
    )
    ids = {row["id"] for row in statements}
    declarations = [
        {
            "type": str(row["declaration_type"]),
            "participant": str(row["role"]),
            "payment_status": str(row["payment_status"]),
            "clawback_status": str(row["clawback_status"]),
            "payment_statement": _statement_ref(row["payment_statement_id"], row["payment_status"]),
            "clawback_statement": None
            if row["clawback_statement_id"] is None
            else str(row["clawback_statement_id"]),
            "uplift": bool(row["pupil_premium_uplift"] or row["sparsity_uplift"]),
        }
        for row in _rows(
            engine,
            "SELECT d.*, t.role FROM declarations d "
            "JOIN training_periods t ON t.id = d.training_period_id",
        )
        if row["payment_statement_id"] in ids or row["clawback_statement_id"] in ids
    ]
    adjustments = _rows(
        engine,
        "SELECT payment_type, amount FROM statement_adjustments WHERE statement_id = :id",
        id=current["id"],
    )
    return {
        "contract": _contract(engine, current["id"]),
        "statements": [
            {"id": str(row["id"]), "payment_date": str(row["payment_date"])[:10]}
            for row in statements
        ],
        "declarations": declarations,
        "adjustments": [
            {
                "statement": str(current["id"]),
                "amount": _text(row["amount"]),
                "payment_type": row["payment_type"],
            }
            for row in adjustments
        ],
        "statement": str(current["id"]),
    }


def _statement_ref(statement: int | None, status: str) -> str | None:
    # The scenario puts a declaration without payment on no statement.
    return None if statement is None or str(status) == "no_payment" else str(statement)


def calculated(tmp_path: Path, built: dict[str, Any]) -> dict[str, Any]:
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(built), encoding="utf-8")
    result = CliRunner().invoke(finance, ["calculate", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def pounds(figure: str) -> str:
    return in_pounds(Decimal(figure))


@pytest.mark.parametrize(
    ("provider", "contract_year", "month", "year"),
    [
        ("Ambition Institute", 2024, 11, 2025),  # ecf, with a clawback
        ("Best Practice Network", 2022, 1, 2024),  # ecf, clawbacks only
        ("Education Development Trust", 2025, 11, 2026),  # ittecf_ectp, with voids
        ("Teach First", 2025, 12, 2026),  # a service fee statement
    ],
)
def test_the_page_shows_what_the_scenario_calculator_prints(
    client,
    engine,  # noqa: F811
    tmp_path,
    provider,
    contract_year,
    month,
    year,
):
    sign_in_as_finance(client)
    api_id = statement_id(engine, provider, contract_year, month, year)
    path = f"{STATEMENTS}/{api_id}"
    if month in (1, 4, 8, 11):
        added = post_form(
            client, f"{path}/adjustments", page=path, payment_type="Late event", amount="-123.45"
        )
        assert added.status_code in (303, 404)  # a paid statement cannot be adjusted
    printed = calculated(tmp_path, scenario(engine, api_id))
    page = client.get(path)
    assert page.status_code == 200
    overview = section(page, "payment-overview")
    banded, flat = printed["banded"], printed["flat_rate"]
    assert f"Total {pounds(printed['total'])}" in page.text.replace("\n", " ")
    assert f"VAT {pounds(printed['vat'])}" in overview
    assert f"Service fee {pounds(banded['service_fee'])}" in overview
    assert f"Additional adjustments {pounds(banded['adjustments'])}" in overview
    if flat is None:
        clawbacks = Decimal(banded["clawbacks"]) + Decimal(banded["uplift_clawbacks"])
        assert f"Output payment {pounds(banded['output_payment'])}" in overview
        assert f"Uplift fees {pounds(banded['uplift_fees'])}" in overview
        assert f"Clawbacks {in_pounds(-clawbacks)}" in overview
    else:
        assert f"ECTs output payment {pounds(banded['output_payment'])}" in overview
        assert f"Mentors output payment {pounds(flat['output_payment'])}" in overview
        assert f"ECTs clawbacks {pounds('-' + banded['clawbacks'])}" in overview
        assert f"Mentors clawbacks {pounds('-' + flat['clawbacks'])}" in overview
