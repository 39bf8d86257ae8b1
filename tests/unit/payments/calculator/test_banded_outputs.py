"""Banded output payments and uplifts (finance-and-payments §5.4, §5.6; finance-vectors A5-A7,
A14-A16 banded figures, A19, A24, A27)."""

from __future__ import annotations

import pytest

from ecf2.domain.payments.calculator import (
    BandAllocation,
    DeclarationTypeOutput,
    Outputs,
    Uplifts,
    banded_outputs,
    calculate_statement,
    in_pounds,
    type_adjusted_fee,
)
from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import InvalidValue
from tests.unit.payments.calculator.builders import (
    D,
    banded,
    bands,
    counts,
    ecf,
    minimal_bands_contract,
    month,
    started,
)

pytestmark = pytest.mark.payments
T = DeclarationType
RETAINED = (T.RETAINED_1, T.RETAINED_2, T.RETAINED_3, T.RETAINED_4)
EXTENDED = (T.EXTENDED_1, T.EXTENDED_2, T.EXTENDED_3)


def line(kind: T, billable: int = 0, refundable: int = 0, fee: str = "1", band: str = "A"):
    return DeclarationTypeOutput(
        declaration_type=kind,
        band=band,
        billable=billable,
        refundable=refundable,
        type_adjusted_fee=D(fee),
    )


def test_a5_the_type_adjusted_fee_is_proportion_times_output_ratio_times_price() -> None:
    [band] = bands("150", output="0.5")
    fee = type_adjusted_fee(T.STARTED, band)
    assert fee == 15
    assert line(T.STARTED, billable=5, fee=fee).total_billable == 75
    assert line(T.STARTED, refundable=3, fee=fee).total_refundable == 45
    assert line(T.STARTED, billable=5, refundable=3, fee=fee).total_net == 30


def test_a5_a_declaration_type_without_a_proportion_has_no_fee() -> None:
    [band] = bands("150", output="0.5")
    with pytest.raises(
        InvalidValue, match="No fee proportion defined for declaration type: unsupported"
    ):
        type_adjusted_fee("unsupported", band)


def a6_statement(current=None, earlier=()):
    contract = ecf(banded(bands("100", "100", "100", output="0.75")))
    current = current or month(2)
    return calculate_statement(contract, current, [*earlier, current]).banded.outputs


def test_a6_declarations_beyond_the_bands_are_not_paid_and_refunds_come_off_the_top() -> None:
    outputs = a6_statement(month(2, started(billable=6, refundable=2)), [month(1, started(1))])
    assert outputs.total_billable == D("75.0")
    assert outputs.total_refundable == D("30.0")
    assert outputs.total_refundable_count == 2
    assert outputs.total_net == D("45.0")
    assert {output.declaration_type for output in outputs} == set(T)


def test_a6_with_no_declarations_every_total_is_zero() -> None:
    outputs = a6_statement()
    assert (outputs.total_billable, outputs.total_refundable, outputs.total_net) == (0, 0, 0)


def test_a7_one_uplift_fee_per_uplifted_declaration_with_no_cap() -> None:
    # eligible, payable, paid and awaiting-clawback uplifted starts are billable; the
    # awaiting one is also refundable here; one eligible start has no uplift.
    current = counts(
        ("started", "billable", 4, True),
        ("started", "billable", 1),
        ("started", "refundable", 1, True),
    )
    uplifts = Uplifts.on(current, D(125))
    assert (uplifts.billable_count, uplifts.refundable_count, uplifts.net_count) == (4, 1, 3)
    assert (uplifts.total_billable, uplifts.total_refundable, uplifts.total_net) == (500, 125, 375)


def test_a14_output_payments_per_band_and_declaration_type() -> None:
    allocated = {T.STARTED: [10, 8, 5], T.COMPLETED: [3, 0, 0]}
    allocations = {
        kind: tuple(BandAllocation(billable=n) for n in allocated.get(kind, [0, 0, 0]))
        for kind in T
    }
    outputs = banded_outputs(bands("100", "75", "50", capacity=10, output="0.8"), allocations)
    rows = {
        T.STARTED: ([10, 8, 5], ["£16.00", "£12.00", "£8.00"], "£296.00"),
        T.COMPLETED: ([3, 0, 0], ["£16.00", "£12.00", "£8.00"], "£48.00"),
        **{
            kind: ([0, 0, 0], ["£12.00", "£9.00", "£6.00"], "£0.00") for kind in RETAINED + EXTENDED
        },
    }
    for kind, (allocated, fees, payments) in rows.items():
        kind_lines = [outputs.line(kind, band) for band in "ABC"]
        assert [each.billable for each in kind_lines] == allocated
        assert [in_pounds(each.type_adjusted_fee) for each in kind_lines] == fees
        assert in_pounds(sum(each.total_billable for each in kind_lines)) == payments
    assert in_pounds(outputs.total_billable) == "£344.00"


def test_a14_extended_rows_merge_into_one() -> None:
    outputs = Outputs(
        line(kind, billable=2, fee="10", band=band)
        for kind in (T.EXTENDED_1, T.EXTENDED_2)
        for band in "ABC"
    )
    assert [outputs.billable_count(*EXTENDED) for _ in "ABC"] == [12, 12, 12]
    by_band = [sum(o.billable for o in outputs if o.band == band) for band in "ABC"]
    assert by_band == [4, 4, 4]
    assert in_pounds(outputs.total_billable) == "£120.00"


def a15_outputs():
    return Outputs(
        [
            line(T.STARTED, refundable=10, fee="15", band="A"),
            line(T.STARTED, refundable=10, fee="15", band="B"),
            line(T.COMPLETED, refundable=5, fee="20", band="A"),
            line(T.COMPLETED, refundable=0, fee="20", band="B"),
        ]
    )


def test_a15_clawback_rows_are_only_the_refunded_lines_in_type_then_band_order() -> None:
    rows = [
        (
            o.declaration_type,
            o.band,
            o.refundable,
            in_pounds(-o.type_adjusted_fee),
            in_pounds(-o.total_refundable),
        )
        for o in a15_outputs().clawed_back()
    ]
    assert rows == [
        (T.STARTED, "A", 10, "-£15.00", "-£150.00"),
        (T.STARTED, "B", 10, "-£15.00", "-£150.00"),
        (T.COMPLETED, "A", 5, "-£20.00", "-£100.00"),
    ]
    assert in_pounds(-a15_outputs().total_refundable) == "-£400.00"


def test_a15_uplift_refunds_join_the_ecf_clawbacks_total() -> None:
    uplifts = Uplifts(billable_count=0, refundable_count=2, fee_per_declaration=D(100))
    assert in_pounds(-uplifts.total_refundable) == "-£200.00"
    assert in_pounds(-(a15_outputs().total_refundable + uplifts.total_refundable)) == "-£600.00"
    assert in_pounds(-Outputs([]).total_refundable) == "£0.00"


def test_a16_the_declarations_summary_counts_allocated_declarations() -> None:
    outputs = Outputs(
        [
            line(T.STARTED, billable=10, refundable=2),
            line(T.RETAINED_1, billable=5),
            line(T.RETAINED_2, billable=15, refundable=3),
            line(T.COMPLETED, billable=7, refundable=1),
            line(T.EXTENDED_1, billable=3),
        ]
    )
    summary = [
        outputs.billable_count(*kinds)
        for kinds in ((T.STARTED,), RETAINED, (T.COMPLETED,), EXTENDED)
    ]
    assert summary == [10, 20, 7, 3]
    assert outputs.total_refundable_count == 6


A19 = {"A": ("48", "36"), "B": ("36", "27"), "C": ("24", "18"), "D": ("12", "9")}


@pytest.mark.parametrize(("letter", "fees"), A19.items(), ids=A19.keys())
def test_a19_ecf1_fee_per_declaration_by_band(letter: str, fees: tuple[str, str]) -> None:
    band = minimal_bands_contract().bands["ABCD".index(letter)]
    started_or_completed, retained_or_extended = fees
    assert type_adjusted_fee(T.STARTED, band) == D(started_or_completed)
    assert type_adjusted_fee(T.COMPLETED, band) == D(started_or_completed)
    for kind in RETAINED + EXTENDED:
        assert type_adjusted_fee(kind, band) == D(retained_or_extended)


def test_a24_clawbacks_and_uplift_refunds_make_ecf1s_adjustments_total() -> None:
    outputs = Outputs(
        line(kind, refundable=1, fee="48", band="B") for kind in (T.STARTED, *RETAINED, T.COMPLETED)
    )
    uplift_refunds = Uplifts(billable_count=0, refundable_count=2, fee_per_declaration=D(100))
    no_uplift = Uplifts(billable_count=0, refundable_count=2, fee_per_declaration=D(0))
    assert -outputs.total_refundable == -288
    assert -(outputs.total_refundable + uplift_refunds.total_refundable) == -488
    assert -(outputs.total_refundable + no_uplift.total_refundable) == -288
    assert -(Outputs([]).total_refundable + uplift_refunds.total_refundable) == -200


@pytest.mark.parametrize(
    ("billable", "refundable", "fee", "expected"),
    [(4, 2, 100, 400), (1, 4, 100, 100), (4, 2, 0, 0)],
)
def test_a24_uplift_fees_are_the_billable_uplifts(
    billable: int, refundable: int, fee: int, expected: int
) -> None:
    uplifts = Uplifts(
        billable_count=billable, refundable_count=refundable, fee_per_declaration=D(fee)
    )
    assert uplifts.total_billable == expected


def test_a24_three_uplifted_starts_earn_three_uplift_fees() -> None:
    current = month(1, counts(("started", "billable", 3, True)))
    calculation = calculate_statement(ecf(minimal_bands_contract()), current, [current])
    assert calculation.banded.uplifts.total_billable == D("300.0")
    assert minimal_bands_contract().uplift_fee_per_declaration == 100


def test_a24_additions_for_started_are_priced_by_band() -> None:
    current = month(2, started(billable=3))
    calculation = calculate_statement(
        ecf(minimal_bands_contract()), current, [month(1, started(1))]
    )
    outputs = calculation.banded.outputs
    assert [outputs.line(T.STARTED, band).billable for band in "AB"] == [1, 2]
    assert [outputs.line(T.STARTED, band).type_adjusted_fee for band in "AB"] == [48, 36]
    assert sum(outputs.line(T.STARTED, band).total_billable for band in "ABCD") == 120


def test_a24_extended_output_fees_and_clawback_deductions() -> None:
    stub = {T.EXTENDED_1: (1, 4), T.EXTENDED_2: (2, 5), T.EXTENDED_3: (3, 6)}
    outputs = Outputs(
        line(kind, billable=n, refundable=n, fee="48", band=band)
        for kind, per_band in stub.items()
        for band, n in zip("AB", per_band, strict=True)
    )
    per_type = [
        sum(o.total_billable for o in outputs if o.declaration_type is kind) for kind in stub
    ]
    assert per_type == [240, 336, 432]
    assert outputs.total_billable == outputs.total_refundable == 1008


def test_a24_every_clawback_row_costs_its_count_times_the_fee() -> None:
    outputs = Outputs(
        line(kind, refundable=position + 1, fee="100", band=band)
        for band in "AB"
        for position, kind in enumerate(T)
    )
    rows = outputs.clawed_back()
    assert len(rows) == 18
    assert all(-row.type_adjusted_fee == D("-100.0") for row in rows)
    assert all(-row.total_refundable == -row.refundable * 100 for row in rows)


A27 = {
    "4 uplifted this month": ([counts(("started", "billable", 4, True))], (4, 4, 0)),
    "uplift flags on retained-1": ([counts(("retained-1", "billable", 4, True))], (0, 0, 0)),
    "2 of last month's clawed back": (
        [counts(("started", "billable", 4, True)), counts(("started", "refundable", 2, True))],
        (-2, 0, 2),
    ),
    "third of three statements": (
        [
            counts(("started", "billable", 4, True)),
            counts(("started", "billable", 4, True), ("started", "refundable", 1, True)),
            counts(("started", "billable", 4, True), ("started", "refundable", 2, True)),
        ],
        (2, 4, 2),
    ),
}


@pytest.mark.parametrize(("per_month", "expected"), A27.values(), ids=A27.keys())
def test_a27_uplifts_count_this_statements_uplifted_starts_only(per_month, expected) -> None:
    history = [month(n + 1, ects) for n, ects in enumerate(per_month)]
    calculation = calculate_statement(ecf(minimal_bands_contract()), history[-1], history)
    uplifts = calculation.banded.uplifts
    assert (uplifts.net_count, uplifts.billable_count, uplifts.refundable_count) == expected


def test_a27_the_middle_of_three_statements() -> None:
    middle = counts(("started", "billable", 4, True), ("started", "refundable", 1, True))
    uplifts = Uplifts.on(middle, D(100))
    assert (uplifts.net_count, uplifts.billable_count, uplifts.refundable_count) == (3, 4, 1)
