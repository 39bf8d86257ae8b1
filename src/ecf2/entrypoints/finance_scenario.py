"""The scenario calculator's JSON: one self-contained scenario in, one statement out.

Parsing names the field at fault by its path (`declarations[2].payment_status`); the
declarations are counted per statement into the calculator's input; amounts go out as exact
decimal strings (docs/finance-scenario-calculator.md)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

import attrs

from ecf2.domain.payments import Adjustment, ClawbackStatus, PaymentStatus
from ecf2.domain.payments.calculator import (
    Band,
    BandedFeeStructure,
    ContractTerms,
    ContractType,
    DeclarationCounts,
    DeclarationSet,
    FlatRateFeeStructure,
    StatementCalculation,
    StatementCounts,
    band_letters,
    calculate_statement,
)
from ecf2.domain.payments.declarations import BILLABLE, REFUNDABLE
from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.entrypoints.finance_scenario_fields import JsonObject, ScenarioError

Json = dict[str, Any]
MENTOR_TYPES = (DeclarationType.STARTED, DeclarationType.COMPLETED)


class Participant(StrEnum):
    ECT = "ect"
    MENTOR = "mentor"


@attrs.frozen
class Scenario:
    contract: ContractTerms
    statements: dict[str, StatementCounts]
    adjustments: list[Decimal]
    statement: str

    def calculate(self) -> StatementCalculation:
        current = self.statements[self.statement]
        return calculate_statement(
            self.contract, current, self.statements.values(), self.adjustments
        )


# The contract ---------------------------------------------------------------------------

BAND_FIELDS = "capacity fee_per_declaration output_fee_ratio service_fee_ratio"
CONTRACT_FIELDS = "type bands recruitment_target setup_fee uplift_fee_per_declaration"
CONTRACT_OPTIONS = (
    "vat_rate lead_provider_vat_registered monthly_service_fee mentor_fee_per_declaration"
)


def _band(band: JsonObject) -> Band:
    prices = {name: band.decimal(name) for name in BAND_FIELDS.split()[1:]}
    return band.built(Band, capacity=band.integer("capacity", minimum=1), **prices)


def _banded(contract: JsonObject) -> BandedFeeStructure:
    return contract.built(
        BandedFeeStructure,
        bands=[_band(band) for band in contract.objects("bands", BAND_FIELDS)],
        recruitment_target=contract.integer("recruitment_target"),
        setup_fee=contract.decimal("setup_fee"),
        uplift_fee_per_declaration=contract.decimal("uplift_fee_per_declaration"),
        monthly_service_fee=contract.optional_decimal("monthly_service_fee"),
    )


def _flat_rate(contract: JsonObject, contract_type: ContractType) -> FlatRateFeeStructure | None:
    fee = contract.optional_decimal("mentor_fee_per_declaration")
    if (fee is None) == (contract_type is ContractType.ITTECF_ECTP):
        needed = "is required on" if fee is None else "must be left out of"
        raise ScenarioError(
            contract.at("mentor_fee_per_declaration"), f"{needed} an {contract_type} contract"
        )
    renamed = {"fee_per_declaration": "mentor_fee_per_declaration"}
    return (
        None
        if fee is None
        else contract.built(FlatRateFeeStructure, renamed, fee_per_declaration=fee)
    )


def _contract(contract: JsonObject) -> ContractTerms:
    contract_type = contract.choice("type", ContractType)
    return contract.built(
        ContractTerms,
        {"contract_type": "type", "flat_rate": "mentor_fee_per_declaration"},
        contract_type=contract_type,
        banded=_banded(contract),
        flat_rate=_flat_rate(contract, contract_type),
        vat_rate=contract.decimal("vat_rate", "0.20"),
        lead_provider_vat_registered=contract.boolean("lead_provider_vat_registered", True),
    )


# Statements and declarations ------------------------------------------------------------

DECLARATION_FIELDS = "type participant payment_status"
DECLARATION_OPTIONS = "count clawback_status payment_statement clawback_statement uplift"
Group = tuple[str, Participant, DeclarationType, DeclarationSet, bool, int]


def _payment_dates(scenario: JsonObject) -> dict[str, date]:
    dates: dict[str, date] = {}
    for statement in scenario.objects("statements", "id payment_date"):
        statement_id = statement.get("id")
        if not isinstance(statement_id, str) or not statement_id or statement_id in dates:
            raise ScenarioError(statement.at("id"), "must be a text not used by another statement")
        dates[statement_id] = statement.date("payment_date")
    if not dates:
        raise ScenarioError("statements", "needs at least one statement")
    return dates


def _refuse_impossible(declaration: JsonObject, contract_type: ContractType) -> None:
    # The declaration model's own rules (finance-and-payments §1.11, §4.1).
    kind, uplift = declaration.get("type"), declaration.get("uplift")
    if uplift and kind != DeclarationType.STARTED:
        raise ScenarioError(declaration.at("uplift"), "only started declarations carry uplifts")
    clawed_back = declaration.get("clawback_status", "no_clawback") != ClawbackStatus.NO_CLAWBACK
    if clawed_back and declaration.get("payment_status") != PaymentStatus.PAID:
        raise ScenarioError(
            declaration.at("clawback_status"), "only a paid declaration can be clawed back"
        )
    mentor = declaration.get("participant") == Participant.MENTOR
    if contract_type is ContractType.ITTECF_ECTP and mentor and kind not in MENTOR_TYPES:
        raise ScenarioError(
            declaration.at("type"),
            "a mentor on an ittecf_ectp contract has only started and completed declarations",
        )


def _statement_of(
    declaration: JsonObject, name: str, needed: bool, dates: dict[str, date]
) -> str | None:
    statement = declaration.statement(name, dates)
    if statement is None and needed:
        status = "payment_status" if name == "payment_statement" else "clawback_status"
        raise ScenarioError(declaration.at(name), f"is required with that {status}")
    if statement is not None and name == "clawback_statement" and not needed:
        raise ScenarioError(declaration.at(name), "must be null when there is no clawback")
    return statement


def _sets(
    declaration: JsonObject, paid: PaymentStatus, refunded: bool, dates: dict[str, date]
) -> list[tuple[str | None, DeclarationSet]]:
    """The statements a declaration is counted on, and in which set (§5.2)."""
    payment = _statement_of(declaration, "payment_statement", paid in BILLABLE, dates)
    clawback = _statement_of(declaration, "clawback_statement", refunded, dates)
    sets = [(payment, DeclarationSet.BILLABLE)] if paid in BILLABLE else []
    if paid is PaymentStatus.VOIDED:
        sets.append((payment, DeclarationSet.VOIDED))
    return sets + ([(clawback, DeclarationSet.REFUNDABLE)] if refunded else [])


def _groups(
    declaration: JsonObject, dates: dict[str, date], contract_type: ContractType
) -> list[Group]:
    kind = declaration.choice("type", DeclarationType)
    participant = declaration.choice("participant", Participant)
    count = declaration.integer("count", default=1)
    uplift = declaration.boolean("uplift", False)
    paid = declaration.choice("payment_status", PaymentStatus)
    refunded = declaration.choice("clawback_status", ClawbackStatus, "no_clawback") in REFUNDABLE
    _refuse_impossible(declaration, contract_type)
    sets = _sets(declaration, paid, refunded, dates)
    return [(on, participant, kind, kind_of_set, uplift, count) for on, kind_of_set in sets if on]


def _statements(scenario: JsonObject, contract: ContractTerms) -> dict[str, StatementCounts]:
    dates = _payment_dates(scenario)
    groups = [
        group
        for declaration in scenario.objects("declarations", DECLARATION_FIELDS, DECLARATION_OPTIONS)
        for group in _groups(declaration, dates, contract.contract_type)
    ]

    def counts(statement: str, participant: Participant) -> DeclarationCounts:
        on_statement = [g[2:] for g in groups if g[:2] == (statement, participant)]
        return DeclarationCounts.of(on_statement)

    return {
        statement: StatementCounts(
            payment_date=payment_date,
            ects=counts(statement, Participant.ECT),
            mentors=counts(statement, Participant.MENTOR),
        )
        for statement, payment_date in dates.items()
    }


def _adjustments(scenario: JsonObject, current: str, dates: dict[str, Any]) -> list[Decimal]:
    amounts = []
    for adjustment in scenario.objects("adjustments", "statement amount payment_type"):
        statement = adjustment.statement("statement", dates)
        amount = adjustment.decimal("amount")
        if not isinstance(adjustment.get("payment_type"), str):
            raise ScenarioError(adjustment.at("payment_type"), "must be a text")
        adjustment.built(Adjustment, payment_type=adjustment.get("payment_type"), amount=amount)
        if statement == current:
            amounts.append(amount)
    return amounts


SCENARIO_FIELDS = "contract statements statement"


def parse_scenario(data: Any) -> Scenario:
    scenario = JsonObject.read(data, "", SCENARIO_FIELDS, "declarations adjustments")
    contract = _contract(
        JsonObject.read(scenario.get("contract"), "contract", CONTRACT_FIELDS, CONTRACT_OPTIONS)
    )
    statements = _statements(scenario, contract)
    current = scenario.statement("statement", statements)
    if current is None:
        raise ScenarioError("statement", "must be the id of one of the statements")
    return Scenario(contract, statements, _adjustments(scenario, current, statements), current)


def load_scenario(text: str) -> Scenario:
    try:
        data = json.loads(text, parse_float=Decimal)
    except ValueError as error:  # JSONDecodeError, or an integer too long to read
        raise ScenarioError("scenario", f"is not valid JSON ({error})") from None
    return parse_scenario(data)


# The statement as JSON ------------------------------------------------------------------


def decimal_text(amount: Decimal) -> str:
    """Exact: pence always shown, further decimals only when the figure has them."""
    if amount.is_zero():
        return "0.00"
    if amount == amount.quantize(Decimal("0.01")):
        return f"{amount:.2f}"
    return f"{amount:f}".rstrip("0")


def _money(**amounts: Decimal) -> Json:
    return {name: decimal_text(amount) for name, amount in amounts.items()}


def _counts(billable: int, refundable: int) -> Json:
    return {"billable": billable, "refundable": refundable}


def statement_json(statement: str, calculation: StatementCalculation) -> Json:
    banded, flat = calculation.banded, calculation.flat_rate
    allocations = banded.allocations
    bands = {
        letter: {
            kind.value: _counts(per_band[i].billable, per_band[i].refundable)
            for kind, per_band in allocations.items()
        }
        for i, letter in enumerate(band_letters(allocations[DeclarationType.STARTED]))
    }
    banded_json = {"bands": bands} | _money(
        output_payment=banded.outputs.total_billable,
        clawbacks=banded.outputs.total_refundable,
        uplift_fees=banded.uplifts.total_billable,
        uplift_clawbacks=banded.uplifts.total_refundable,
        service_fee=banded.monthly_service_fee,
        adjustments=banded.total_manual_adjustments,
        subtotal=banded.subtotal,
        vat=banded.vat,
    )
    flat_json = None
    if flat is not None:
        flat_json = {
            line.declaration_type.value: _counts(line.billable, line.refundable)
            for line in flat.outputs
        } | _money(
            output_payment=flat.outputs.total_billable,
            clawbacks=flat.outputs.total_refundable,
            subtotal=flat.subtotal,
            vat=flat.vat,
        )
    return {"statement": statement, "banded": banded_json, "flat_rate": flat_json} | _money(
        vat=calculation.vat, total=calculation.total
    )
