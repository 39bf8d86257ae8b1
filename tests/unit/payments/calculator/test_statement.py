"""Whole statements: service fee, uplifts, adjustments and VAT together (finance-and-payments
§5.8, §5.9; finance-vectors A8, A12, A13, A17, A23, A25)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

from ecf2.domain.payments.calculator import (
    BandedCalculation,
    ContractTerms,
    DeclarationSet,
    DeclarationTypeOutput,
    FlatRateCalculation,
    FlatRateFeeStructure,
    Outputs,
    StatementCalculation,
    StatementCounts,
    Uplifts,
    calculate_banded,
    calculate_statement,
    derived_monthly_service_fee,
    in_pounds,
    previous_statements,
    total_manual_adjustments,
)
from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import InvalidValue
from tests.unit.payments.calculator.builders import (
    D,
    banded,
    bands,
    counts,
    ecf,
    exactly,
    minimal_bands_contract,
    month,
)

pytestmark = pytest.mark.payments
FIVE_PLACES = D("0.00001")
BILLABLE, REFUNDABLE = DeclarationSet.BILLABLE, DeclarationSet.REFUNDABLE


def stub_outputs(billable: str, refundable: str) -> Outputs:
    """Outputs worth the given totals, as the component specs stub them."""
    return Outputs(
        [
            DeclarationTypeOutput(
                declaration_type=DeclarationType.STARTED,
                billable=1,
                refundable=0,
                type_adjusted_fee=D(billable),
            ),
            DeclarationTypeOutput(
                declaration_type=DeclarationType.COMPLETED,
                billable=0,
                refundable=1,
                type_adjusted_fee=D(refundable),
            ),
        ]
    )


def a_banded_calculation(
    outputs: Outputs,
    uplifts: tuple[int, int, str] = (0, 0, "0"),
    service_fee: str = "1000",
    adjustments: tuple[str, ...] = (),
    vat_rate: str = "0.20",
) -> BandedCalculation:
    billable, refundable, fee = uplifts
    return BandedCalculation(
        allocations={},
        outputs=outputs,
        uplifts=Uplifts(
            billable_count=billable, refundable_count=refundable, fee_per_declaration=D(fee)
        ),
        monthly_service_fee=D(service_fee),
        setup_fee=D(500),
        total_manual_adjustments=total_manual_adjustments(D(a) for a in adjustments),
        vat_rate=D(vat_rate),
    )


# A8 ------------------------------------------------------------------------------------

MAY, JUNE, JULY = date(2025, 5, 25), date(2025, 6, 25), date(2025, 7, 25)


def a8_statements() -> list[StatementCounts]:
    # X payable started (July); Y paid, awaiting clawback, completed (May, clawback July);
    # W payable started (June); V paid, awaiting clawback, completed (May, clawback June);
    # Z and U have no payment: in no set.
    return [
        StatementCounts(payment_date=MAY, ects=counts(("completed", "billable", 2))),
        StatementCounts(
            payment_date=JUNE,
            ects=counts(("started", "billable", 1), ("completed", "refundable", 1)),
        ),
        StatementCounts(
            payment_date=JULY,
            ects=counts(("started", "billable", 1), ("completed", "refundable", 1)),
        ),
    ]


def test_a8_the_sets_of_the_current_and_the_previous_statements() -> None:
    *earlier, july = a8_statements()
    assert previous_statements(a8_statements(), JULY) == earlier
    assert july.ects.total(BILLABLE) == 1
    assert july.ects.total(REFUNDABLE) == 1
    previous = earlier[0].ects + earlier[1].ects
    assert (previous.total(BILLABLE), previous.total(REFUNDABLE)) == (3, 1)


def a8_structure(**overrides: object):
    values: dict[str, object] = {
        "monthly_service_fee": D(1000),
        "setup_fee": D(500),
        "uplift_fee_per_declaration": D(50),
        "recruitment_target": 100,
    }
    return banded(bands("100", capacity=100, output="0.75"), **(values | overrides))


def a8_banded(adjustments=(), **overrides: object) -> BandedCalculation:
    *_, july = a8_statements()
    return calculate_banded(
        a8_structure(**overrides), previous=counts(), current=july.ects, adjustments=adjustments
    )


def test_a8_an_explicit_monthly_service_fee_is_used_and_the_setup_fee_is_only_shown() -> None:
    banded_calculation = a8_banded()
    assert banded_calculation.monthly_service_fee == 1000
    assert banded_calculation.setup_fee == 500
    assert banded_calculation.subtotal == banded_calculation.outputs.total_net + 1000


def test_a8_without_an_explicit_fee_the_derived_one_is_used() -> None:
    derived = derived_monthly_service_fee(a8_structure(monthly_service_fee=None))
    assert a8_banded(monthly_service_fee=None).monthly_service_fee == derived


def test_a8_adjustments_add_up_signed() -> None:
    assert a8_banded(adjustments=[D(150), D(-50)]).total_manual_adjustments == 100
    assert a8_banded().total_manual_adjustments == 0


@pytest.mark.parametrize(("vat_rate", "total", "vat"), [("0.20", 1500, 250), ("0", 1250, 0)])
def test_a8_the_total_with_and_without_vat(vat_rate: str, total: int, vat: int) -> None:
    calculation = a_banded_calculation(
        stub_outputs("200", "0"), uplifts=(1, 0, "50"), vat_rate=vat_rate
    )
    assert calculation.subtotal == 1250
    assert (calculation.total, calculation.vat) == (total, vat)


def test_a8_voided_declarations_are_counted_on_their_payment_statement() -> None:
    ects, mentors = counts(("started", "voided", 4)), counts(("completed", "voided", 2))
    structure = a8_structure()
    assert calculate_banded(structure, previous=counts(), current=ects).voided_count == 4
    assert calculate_banded(structure, previous=counts(), current=mentors).voided_count == 2


# A12, A13 --------------------------------------------------------------------------------


def test_a12_an_ecf_statement_overview() -> None:
    calculation = StatementCalculation(
        a_banded_calculation(stub_outputs("550", "150"), (1, 0, "50"), adjustments=("375",))
    )
    banded_calculation = calculation.banded
    assert in_pounds(banded_calculation.outputs.total_billable) == "£550.00"
    assert in_pounds(banded_calculation.monthly_service_fee) == "£1,000.00"
    assert in_pounds(banded_calculation.uplifts.total_billable) == "£50.00"
    clawbacks = (
        banded_calculation.outputs.total_refundable + banded_calculation.uplifts.total_refundable
    )
    assert in_pounds(-clawbacks) == "-£150.00"
    assert in_pounds(banded_calculation.total_manual_adjustments) == "£375.00"
    assert in_pounds(calculation.vat) == "£365.00"
    assert in_pounds(calculation.total) == "£2,190.00"


def test_a12_a_lead_provider_not_registered_for_vat_pays_none() -> None:
    banded_calculation = a_banded_calculation(
        stub_outputs("550", "150"), (1, 0, "50"), adjustments=("375",), vat_rate="0"
    )
    calculation = StatementCalculation(banded_calculation)
    assert (in_pounds(calculation.total), in_pounds(calculation.vat)) == ("£1,825.00", "£0.00")


def test_a12_uplift_refunds_join_the_clawbacks() -> None:
    banded_calculation = a_banded_calculation(
        stub_outputs("550", "150"), (20, 3, "10"), adjustments=("375",)
    )
    calculation = StatementCalculation(banded_calculation)
    assert in_pounds(banded_calculation.uplifts.total_billable) == "£200.00"
    clawbacks = (
        banded_calculation.outputs.total_refundable + banded_calculation.uplifts.total_refundable
    )
    assert in_pounds(-clawbacks) == "-£180.00"
    assert in_pounds(calculation.vat) == "£389.00"
    assert in_pounds(calculation.total) == "£2,334.00"


def a13(vat_rate: str) -> StatementCalculation:
    flat = FlatRateCalculation(outputs=stub_outputs("500", "300"), vat_rate=D(vat_rate))
    return StatementCalculation(
        a_banded_calculation(stub_outputs("550", "150"), adjustments=("375",), vat_rate=vat_rate),
        flat,
    )


def test_a13_an_ittecf_ectp_statement_overview() -> None:
    calculation = a13("0.20")
    flat = calculation.flat_rate
    assert flat is not None
    assert in_pounds(calculation.banded.outputs.total_billable) == "£550.00"
    assert in_pounds(flat.outputs.total_billable) == "£500.00"
    assert in_pounds(calculation.banded.monthly_service_fee) == "£1,000.00"
    assert in_pounds(-calculation.banded.outputs.total_refundable) == "-£150.00"
    assert in_pounds(-flat.outputs.total_refundable) == "-£300.00"
    assert in_pounds(calculation.banded.total_manual_adjustments) == "£375.00"
    assert in_pounds(calculation.vat) == "£395.00"
    assert (calculation.banded.total, flat.total) == (2130, 240)
    assert in_pounds(calculation.total) == "£2,370.00"


def test_a13_not_registered_for_vat() -> None:
    calculation = a13("0")
    assert (in_pounds(calculation.total), in_pounds(calculation.vat)) == ("£1,975.00", "£0.00")


# A17 -------------------------------------------------------------------------------------


def test_a17_adjustments_show_signed_and_total() -> None:
    amounts = [D("995.00"), D("-9.99"), D("4.99")]
    assert [in_pounds(amount) for amount in amounts] == ["£995.00", "-£9.99", "£4.99"]
    assert in_pounds(total_manual_adjustments(amounts)) == "£990.00"
    assert in_pounds(total_manual_adjustments([])) == "£0.00"
    assert in_pounds(total_manual_adjustments([D("999.99")])) == "£999.99"


# A23, A25: ECF1's minimal-bands contract, service fee derived (-148,851 / 29) ------------------


def a23(
    adjustments: tuple[str, ...] = (), uplift_fee: str = "100", vat_rate: str = "0"
) -> BandedCalculation:
    # ECF1 stubs the uplift count (4 additions, 2 subtractions) with no banded declarations;
    # ECF1's reconcile_amount (no RECT field) is carried as an adjustment.
    calculation = calculate_banded(
        minimal_bands_contract(uplift_fee_per_declaration=D(uplift_fee)),
        previous=counts(),
        current=counts(),
        adjustments=[D(a) for a in adjustments],
        vat_rate=D(vat_rate),
    )
    uplifts = Uplifts(billable_count=4, refundable_count=2, fee_per_declaration=D(uplift_fee))
    return attrs.evolve(calculation, uplifts=uplifts)


def to_five_places(amount: Decimal) -> Decimal:
    return amount.quantize(FIVE_PLACES)


def test_a23_a_negative_service_fee_with_uplifts_and_their_refunds() -> None:
    calculation = a23()
    assert calculation.monthly_service_fee == exactly(-148_851, 29)
    assert (calculation.uplifts.total_billable, -calculation.uplifts.total_refundable) == (
        400,
        -200,
    )
    assert to_five_places(calculation.total) == D("-4932.79310")


@pytest.mark.parametrize(
    ("reconcile_amount", "vat_rate", "total"),
    [("1234", "0", "-3698.79310"), ("-1234", "0", "-6166.79310"), ("1234", "0.2", "-4438.55172")],
)
def test_a23_ecf1s_reconcile_amount_moves_the_total(
    reconcile_amount: str, vat_rate: str, total: str
) -> None:
    assert to_five_places(a23((reconcile_amount,), vat_rate=vat_rate).total) == D(total)


def test_a23_additional_adjustments_with_vat() -> None:
    calculation = a23(("999.99", "-500.00", "300.00"), vat_rate="0.2")
    assert calculation.total_manual_adjustments == D("799.99")
    assert to_five_places(calculation.total) == D("-4959.36372")


def test_a23_a_contract_without_uplift_fees() -> None:
    assert to_five_places(a23(uplift_fee="0").total) == D("-5132.79310")


@pytest.mark.parametrize(
    ("uplift_fee", "subtotal", "shown"),
    [("100", "-4984.79310", "-£5,981.75"), ("0", "-5084.79310", "-£6,101.75")],
)
def test_a25_one_uplifted_start_on_ecf1s_minimal_bands(
    uplift_fee: str, subtotal: str, shown: str
) -> None:
    contract = ecf(minimal_bands_contract(uplift_fee_per_declaration=D(uplift_fee)))
    current = month(1, counts(("started", "billable", 1, True)))
    calculation = calculate_statement(contract, current, [current])
    assert calculation.banded.outputs.total_billable == 48
    assert calculation.banded.outputs.total_billable_count == 1
    assert calculation.banded.uplifts.total_billable == D(uplift_fee)
    assert to_five_places(calculation.banded.subtotal) == D(subtotal)
    assert in_pounds(calculation.total) == shown


# Contract terms --------------------------------------------------------------------------


def test_an_ecf_contract_has_no_flat_rate_and_an_ittecf_ectp_contract_needs_one() -> None:
    structure = minimal_bands_contract()
    with pytest.raises(InvalidValue, match="flat rate"):
        ecf(structure, flat_rate=FlatRateFeeStructure(fee_per_declaration=D(1000)))
    with pytest.raises(InvalidValue, match="flat rate"):
        ContractTerms(contract_type="ittecf_ectp", banded=structure)  # type: ignore[arg-type]


def test_vat_applies_only_when_the_lead_provider_is_registered() -> None:
    assert ecf(minimal_bands_contract(), vat_rate=D("0.15")).applicable_vat_rate == D("0.15")
    assert (
        ecf(minimal_bands_contract(), lead_provider_vat_registered=False).applicable_vat_rate == 0
    )


def test_vat_is_on_the_signed_subtotal() -> None:
    calculation = a_banded_calculation(stub_outputs("0", "0"), service_fee="-100")
    assert (calculation.vat, calculation.total) == (-20, -120)
