"""The finance console's tables show the display figures of finance-vectors.md A12-A18:
each from the calculator's own records, as the reference service's components do from
stubbed calculators (finance-and-payments §6, §8)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from ecf2.adapters.db.queries.finance_console import (
    BandTarget,
    ProviderTargets,
    StatementPage,
)
from ecf2.domain.payments.calculator import (
    BandedCalculation,
    ContractType,
    DeclarationTypeOutput,
    FlatRateCalculation,
    Outputs,
    StatementCalculation,
    Uplifts,
    in_pounds,
)
from ecf2.domain.payments.model import FeeType, StatementStatus
from ecf2.domain.shared.declaration_types import DeclarationType as T
from ecf2.entrypoints.web.finance import statement_tables as tables
from ecf2.entrypoints.web.finance.statement_view import provider_targets

pytestmark = pytest.mark.payments
ECF, ITTECF = ContractType.ECF, ContractType.ITTECF_ECTP


def line(kind: T, fee: str, billable: int = 0, refundable: int = 0, band: str | None = "A"):
    return DeclarationTypeOutput(
        declaration_type=kind,
        billable=billable,
        refundable=refundable,
        type_adjusted_fee=Decimal(fee),
        band=band,
    )


def banded(
    lines,
    *,
    uplifts=(0, 0, "0"),
    service_fee="1000",
    adjustments="0",
    vat="0.20",
    voided=0,
) -> BandedCalculation:
    billable, refundable, fee = uplifts
    return BandedCalculation(
        allocations={},
        outputs=Outputs(lines),
        uplifts=Uplifts(
            billable_count=billable, refundable_count=refundable, fee_per_declaration=Decimal(fee)
        ),
        monthly_service_fee=Decimal(service_fee),
        setup_fee=Decimal(0),
        total_manual_adjustments=Decimal(adjustments),
        vat_rate=Decimal(vat),
        voided_count=voided,
    )


def flat_rate(lines, vat="0.20", voided=0) -> FlatRateCalculation:
    return FlatRateCalculation(outputs=Outputs(lines), vat_rate=Decimal(vat), voided_count=voided)


def shown(rows) -> dict[str, tuple[str, ...]]:
    return {row.label: row.cells for row in rows}


# A12 and A13: the payment overview. Outputs billable 550, refundable 150.
OUTPUTS_550_150 = [line(T.STARTED, "50", billable=11, refundable=3)]


@pytest.mark.parametrize(
    ("vat", "total", "vat_shown"), [("0.20", "£2,190.00", "£365.00"), ("0", "£1,825.00", "£0.00")]
)
def test_a12_the_overview_of_an_ecf_statement(vat, total, vat_shown):
    calculation = StatementCalculation(
        banded(OUTPUTS_550_150, uplifts=(1, 0, "50"), adjustments="375", vat=vat)
    )
    assert shown(tables.overview(ECF, calculation)) == {
        "Output payment": ("£550.00",),
        "Service fee": ("£1,000.00",),
        "Uplift fees": ("£50.00",),
        "Clawbacks": ("-£150.00",),
        "Additional adjustments": ("£375.00",),
        "VAT": (vat_shown,),
    }
    assert in_pounds(calculation.total) == total


def test_a12_uplift_refunds_are_among_the_clawbacks():
    calculation = StatementCalculation(
        banded(OUTPUTS_550_150, uplifts=(20, 3, "10"), adjustments="375")
    )
    overview = shown(tables.overview(ECF, calculation))
    assert overview["Uplift fees"] == ("£200.00",)
    assert overview["Clawbacks"] == ("-£180.00",)
    assert overview["VAT"] == ("£389.00",)
    assert in_pounds(calculation.total) == "£2,334.00"


@pytest.mark.parametrize(("vat", "total"), [("0.20", "£2,370.00"), ("0", "£1,975.00")])
def test_a13_the_overview_of_an_ittecf_ectp_statement(vat, total):
    calculation = StatementCalculation(
        banded(OUTPUTS_550_150, adjustments="375", vat=vat),
        flat_rate([line(T.STARTED, "100", billable=5, refundable=3, band=None)], vat=vat),
    )
    overview = shown(tables.overview(ITTECF, calculation))
    assert overview == {
        "ECTs output payment": ("£550.00",),
        "Mentors output payment": ("£500.00",),
        "Service fee": ("£1,000.00",),
        "ECTs clawbacks": ("-£150.00",),
        "Mentors clawbacks": ("-£300.00",),
        "Additional adjustments": ("£375.00",),
        "VAT": ("£395.00" if vat == "0.20" else "£0.00",),
    }
    assert in_pounds(calculation.total) == total


# A14: output payments. Bands priced 100 / 75 / 50 with 80% output.
PRICES = {"A": Decimal(100), "B": Decimal(75), "C": Decimal(50)}


def priced(counts: dict[T, tuple[int, int, int]]) -> list[DeclarationTypeOutput]:
    return [
        line(
            kind,
            str(
                (Decimal("0.2") if kind in (T.STARTED, T.COMPLETED) else Decimal("0.15"))
                * Decimal("0.8")
                * price
            ),
            billable=counts.get(kind, (0, 0, 0))[index],
            band=letter,
        )
        for kind in T
        for index, (letter, price) in enumerate(PRICES.items())
    ]


def test_a14_the_ecf_output_payments_table():
    outputs = priced({T.STARTED: (10, 8, 5), T.COMPLETED: (3, 0, 0)})
    table = tables.banded_output_table(ECF, StatementCalculation(banded(outputs)), "ABC")
    assert table.caption == "Output payments"
    assert table.headings == ("Outputs", "Band A", "Band B", "Band C", "Payments")
    rows = [(row.label, row.cells) for row in table.rows]
    assert rows[0] == ("Started", ("10", "8", "5", ""))
    assert rows[1] == ("Fee per participant", ("£16.00", "£12.00", "£8.00", "£296.00"))
    assert rows[2] == ("Retained 1", ("0", "0", "0", ""))
    assert rows[3] == ("Fee per participant", ("£12.00", "£9.00", "£6.00", "£0.00"))
    assert rows[10] == ("Completed", ("3", "0", "0", ""))
    assert rows[11] == ("Fee per participant", ("£16.00", "£12.00", "£8.00", "£48.00"))
    assert rows[12] == ("Extended", ("0", "0", "0", ""))
    assert rows[13] == ("Fee per participant", ("£12.00", "£9.00", "£6.00", "£0.00"))
    assert (table.total_label, table.total) == ("Output payment total", "£344.00")


def test_a14_extended_declarations_are_merged_into_one_row():
    outputs = [
        line(kind, "10", billable=2, band=letter)
        for kind in (T.EXTENDED_1, T.EXTENDED_2)
        for letter in "ABC"
    ]
    table = tables.banded_output_table(ECF, StatementCalculation(banded(outputs)), "ABC")
    extended = [(row.label, row.cells) for row in table.rows][-2:]
    assert extended == [
        ("Extended", ("4", "4", "4", "")),
        ("Fee per participant", ("£10.00", "£10.00", "£10.00", "£120.00")),
    ]
    assert table.total == "£120.00"


def test_a14_the_ittecf_ectp_output_payments_tables():
    outputs = priced({T.STARTED: (10, 8, 5), T.COMPLETED: (3, 0, 0)})
    mentors = [
        line(T.STARTED, "500", billable=15, band=None),
        line(T.COMPLETED, "500", billable=5, band=None),
    ]
    calculation = StatementCalculation(banded(outputs), flat_rate(mentors))
    ects = tables.banded_output_table(ITTECF, calculation, "ABC")
    assert ects.caption == "Early career teacher (ECT) output payments"
    assert ects.rows[1].label == "Fee per ECT"
    assert (ects.total_label, ects.total) == ("ECTs output payment total", "£344.00")
    table = tables.mentor_output_table(calculation)
    assert table is not None
    assert table.caption == "Mentor output payments"
    assert [(row.label, row.cells) for row in table.rows] == [
        ("Started", ("15", "")),
        ("Fee per mentor", ("£500.00", "£7,500.00")),
        ("Completed", ("5", "")),
        ("Fee per mentor", ("£500.00", "£2,500.00")),
    ]
    assert (table.total_label, table.total) == ("Mentors output payment total", "£10,000.00")


# A15: clawbacks.
CLAWED_BACK = [
    line(T.STARTED, "15", refundable=10, band="A"),
    line(T.STARTED, "15", refundable=10, band="B"),
    line(T.COMPLETED, "20", refundable=5, band="A"),
    line(T.COMPLETED, "20", refundable=0, band="B"),
]
ECF_CLAWBACK_ROWS = [
    ("Started (Band A)", ("10", "-£15.00", "-£150.00")),
    ("Started (Band B)", ("10", "-£15.00", "-£150.00")),
    ("Completed (Band A)", ("5", "-£20.00", "-£100.00")),
]


def test_a15_ecf_clawbacks_with_and_without_uplift_refunds():
    (table,) = tables.clawback_tables(ECF, StatementCalculation(banded(CLAWED_BACK)))
    assert table.caption == "Clawbacks"
    assert [(row.label, row.cells) for row in table.rows] == ECF_CLAWBACK_ROWS
    assert table.total == "-£400.00"
    with_uplifts = StatementCalculation(banded(CLAWED_BACK, uplifts=(0, 2, "100")))
    (table,) = tables.clawback_tables(ECF, with_uplifts)
    assert (table.rows[-1].label, table.rows[-1].cells) == ("Uplift", ("2", "-£100.00", "-£200.00"))
    assert table.total == "-£600.00"
    (table,) = tables.clawback_tables(ECF, StatementCalculation(banded([])))
    assert (table.rows, table.total) == ((), "£0.00")


def test_a15_ittecf_ectp_clawbacks_for_ects_and_mentors():
    mentors = [
        line(T.STARTED, "10", refundable=15, band=None),
        line(T.COMPLETED, "16", refundable=5, band=None),
    ]
    calculation = StatementCalculation(
        banded(CLAWED_BACK, uplifts=(0, 2, "100")), flat_rate(mentors)
    )
    ects, mentor = tables.clawback_tables(ITTECF, calculation)
    assert ects.caption == "ECT clawbacks"
    assert [(row.label, row.cells) for row in ects.rows] == ECF_CLAWBACK_ROWS
    assert ects.total == "-£400.00"
    assert mentor.caption == "Mentor clawbacks"
    assert [(row.label, row.cells) for row in mentor.rows] == [
        ("Started", ("15", "-£10.00", "-£150.00")),
        ("Completed", ("5", "-£16.00", "-£80.00")),
    ]
    assert mentor.total == "-£230.00"


# A16: the declarations summary (allocated counts).
SUMMARY_LINES = [
    line(T.STARTED, "1", billable=10, refundable=2),
    line(T.RETAINED_1, "1", billable=5),
    line(T.RETAINED_2, "1", billable=15, refundable=3),
    line(T.COMPLETED, "1", billable=7, refundable=1),
    line(T.EXTENDED_1, "1", billable=3),
]


def test_a16_the_ecf_declarations_summary():
    calculation = StatementCalculation(banded(SUMMARY_LINES, voided=2))
    headings, rows = tables.declarations_summary(ECF, calculation)
    assert headings == ("", "Total")
    assert shown(rows) == {
        "Started": ("10",),
        "Retained": ("20",),
        "Completed": ("7",),
        "Extended": ("3",),
        "Clawbacks": ("6",),
        "Voided": ("2",),
    }


def test_a16_the_ittecf_ectp_declarations_summary():
    mentors = [
        line(T.STARTED, "1", billable=9, refundable=3, band=None),
        line(T.COMPLETED, "1", billable=2, refundable=1, band=None),
    ]
    calculation = StatementCalculation(
        banded(SUMMARY_LINES, voided=1), flat_rate(mentors, voided=1)
    )
    headings, rows = tables.declarations_summary(ITTECF, calculation)
    assert headings == ("", "ECTs", "Mentors")
    assert shown(rows) == {
        "Started": ("10", "9"),
        "Retained": ("20", "-"),
        "Completed": ("7", "2"),
        "Extended": ("3", "-"),
        "Clawbacks": ("6", "4"),
        "Voided": ("1", "1"),
    }


# A17 and A18: adjustments and provider targets.


def test_a17_the_adjustments_total():
    calculation = StatementCalculation(
        banded([], adjustments=str(Decimal("995.00") - Decimal("9.99") + Decimal("4.99")))
    )
    assert in_pounds(calculation.banded.total_manual_adjustments) == "£990.00"
    assert [in_pounds(Decimal(a)) for a in ("995.00", "-9.99", "4.99")] == [
        "£995.00",
        "-£9.99",
        "£4.99",
    ]


def a_page(
    contract_type: ContractType, ratio: str | None = "0.33", mentor_fee: str | None = None
) -> StatementPage:
    return StatementPage(
        id=1,
        api_id=uuid.uuid4(),
        lead_provider="Ambition Institute",
        contract_period_year=2024,
        contract_type=contract_type,
        month=11,
        year=2024,
        fee_type=FeeType.OUTPUT,
        status=StatementStatus.OPEN,
        deadline_date=date(2024, 10, 31),
        payment_date=date(2024, 11, 25),
        marked_as_paid_at=None,
        has_outstanding_declarations=False,
        targets=ProviderTargets(
            recruitment_target=2500,
            uplift_target_ratio=None if ratio is None else Decimal(ratio),
            uplift_fee_per_declaration=Decimal(50),
            setup_fee=Decimal(5000),
            bands=[BandTarget(50, Decimal(price)) for price in ("1000", "900", "800")],
            mentor_recruitment_target=None if mentor_fee is None else 600,
            mentor_fee_per_declaration=None if mentor_fee is None else Decimal(mentor_fee),
        ),
    )


@pytest.mark.parametrize(("ratio", "percentage"), [("0.33", "33%"), ("0.4", "40%")])
def test_a18_provider_targets_on_an_ecf_contract(ratio, percentage):
    targets = provider_targets(a_page(ECF, ratio))
    assert dict(targets["rows"]) == {
        "Provider": "Ambition Institute",
        "Recruitment target": "2500",
        "Revised recruitment target (150%)": "3750",
        "Uplift target": percentage,
        "Uplift amount": "£50.00",
        "Setup fee": "£5,000.00",
    }
    assert [band[:3] for band in targets["bands"]] == [
        ("Band A", "1", "50"),
        ("Band B", "51", "100"),
        ("Band C", "101", "150"),
    ]
    assert targets["bands"][0][3] == "£1,000.00"
    assert targets["mentors"] == []


def test_a18_provider_targets_on_an_ittecf_ectp_contract():
    targets = provider_targets(a_page(ITTECF, mentor_fee="1000"))
    rows = dict(targets["rows"])
    assert rows["ECTs recruitment target"] == "2500"
    assert "Uplift target" not in rows
    assert "Uplift amount" not in rows
    assert targets["mentors"] == [
        ("Mentors recruitment target", "600"),
        ("Fee per declaration", "£1,000.00"),
    ]
