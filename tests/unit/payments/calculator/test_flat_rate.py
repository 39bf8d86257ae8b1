"""Mentors' flat rate (finance-and-payments §5.5; finance-vectors A9-A11, A13-A15 mentor
figures, A16 mentor column, A26)."""

from __future__ import annotations

import pytest

from ecf2.domain.payments.calculator import (
    FlatRateFeeStructure,
    calculate_flat_rate,
    calculate_statement,
    flat_rate_outputs,
    in_pounds,
)
from ecf2.domain.payments.calculator.statement import ContractTerms
from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import InvalidValue
from tests.unit.payments.calculator.builders import D, banded, bands, counts, month

pytestmark = pytest.mark.payments
T = DeclarationType


def mentors_at(fee: str, **overrides: object) -> FlatRateFeeStructure:
    return FlatRateFeeStructure(fee_per_declaration=D(fee), **overrides)  # type: ignore[arg-type]


def ittecf_ectp(fee: str = "1000", **overrides: object) -> ContractTerms:
    return ContractTerms(
        contract_type="ittecf_ectp",  # type: ignore[arg-type]
        banded=banded(bands("100", capacity=100, output="0.75"), monthly_service_fee=D(0)),
        flat_rate=mentors_at(fee),
        **overrides,  # type: ignore[arg-type]
    )


def mentors(started: tuple[int, int] = (0, 0), completed: tuple[int, int] = (0, 0), voided=0):
    return counts(
        ("started", "billable", started[0]),
        ("started", "refundable", started[1]),
        ("completed", "billable", completed[0]),
        ("completed", "refundable", completed[1]),
        ("started", "voided", voided),
    )


# A10 and A11: one billable of each of eligible, payable, paid and one refundable of each of
# awaiting_clawback, clawed_back, for both types; no_payment and voided are never counted.
A10_COUNTS = mentors(started=(3, 2), completed=(3, 2))


def test_a9_the_flat_rate_subtotal_is_its_net_output_with_vat_on_top() -> None:
    one_start = mentors(started=(1, 0))  # 0.5 x £200 = £100 net
    registered = calculate_flat_rate(mentors_at("200"), one_start, D("0.20"))
    not_registered = calculate_flat_rate(mentors_at("200"), one_start, D(0))
    assert (registered.subtotal, registered.total, not_registered.total) == (100, 120, 100)
    two_starts = mentors(started=(2, 0))
    assert calculate_flat_rate(mentors_at("200"), two_starts, D("0.20")).vat == 40
    assert calculate_flat_rate(mentors_at("200"), two_starts, D(0)).vat == 0


def test_a9_only_mentors_declarations_reach_the_flat_rate() -> None:
    ects = counts(("started", "billable", 1), ("started", "voided", 2))
    current = month(7, ects, mentors=mentors(started=(1, 0), completed=(0, 1), voided=4))
    flat = calculate_statement(ittecf_ectp("100"), current, [current]).flat_rate
    assert flat is not None
    assert [(o.declaration_type, o.billable, o.refundable) for o in flat.outputs] == [
        (T.STARTED, 1, 0),
        (T.COMPLETED, 0, 1),
    ]
    assert flat.voided_count == 4


def test_a9_ects_voided_declarations_are_not_the_flat_rates() -> None:
    current = month(7, counts(("started", "voided", 2)))
    flat = calculate_statement(ittecf_ectp(), current, [current]).flat_rate
    assert flat is not None
    assert flat.voided_count == 0


def test_a10_one_declaration_type_at_its_own_proportion() -> None:
    proportions = {T.STARTED: D("0.25"), T.COMPLETED: D("0.75")}
    outputs = flat_rate_outputs(mentors_at("100.0", fee_proportions=proportions), A10_COUNTS)
    output = outputs.line(T.STARTED)
    assert (output.billable, output.refundable) == (3, 2)
    assert (output.total_billable, output.total_refundable, output.total_net) == (75, 50, 25)


def test_a10_a_fee_of_zero_pays_nothing() -> None:
    output = flat_rate_outputs(mentors_at("0"), A10_COUNTS).line(T.STARTED)
    assert (output.total_billable, output.total_refundable, output.total_net) == (0, 0, 0)


def test_a10_a_type_without_a_proportion_has_no_fee() -> None:
    structure = mentors_at("100", fee_proportions={T.COMPLETED: D(1)})
    with pytest.raises(
        InvalidValue, match="No fee proportion defined for declaration type: started"
    ):
        structure.type_adjusted_fee(T.STARTED)


def test_a10_proportions_must_add_up_to_one() -> None:
    with pytest.raises(InvalidValue, match="Sum of proportions must be 1"):
        mentors_at("100", fee_proportions={T.STARTED: D("0.5"), T.COMPLETED: D("0.6")})


def test_a11_mentors_are_paid_half_at_start_and_half_at_completion() -> None:
    outputs = flat_rate_outputs(mentors_at("100.0"), A10_COUNTS)
    assert [output.declaration_type for output in outputs] == [T.STARTED, T.COMPLETED]
    assert (outputs.total_billable, outputs.total_refundable) == (300, 200)
    assert outputs.total_refundable_count == 4
    assert outputs.total_net == 100


def test_a13_the_flat_rate_adds_its_own_vat() -> None:
    flat = calculate_flat_rate(mentors_at("100"), mentors(started=(10, 6)), D("0.20"))
    assert (flat.outputs.total_billable, flat.outputs.total_refundable) == (500, 300)
    assert in_pounds(flat.vat) == "£40.00"
    assert in_pounds(flat.total) == "£240.00"


def test_a14_mentor_output_payments() -> None:
    outputs = flat_rate_outputs(mentors_at("1000"), mentors(started=(15, 0), completed=(5, 0)))
    assert in_pounds(outputs.line(T.STARTED).type_adjusted_fee) == "£500.00"
    assert [in_pounds(output.total_billable) for output in outputs] == ["£7,500.00", "£2,500.00"]
    assert in_pounds(outputs.total_billable) == "£10,000.00"


def test_a15_mentor_clawbacks() -> None:
    outputs = (
        flat_rate_outputs(mentors_at("20"), mentors(started=(0, 15))).lines
        + flat_rate_outputs(mentors_at("32"), mentors(completed=(0, 5))).lines
    )
    rows = [
        (
            o.declaration_type,
            o.refundable,
            in_pounds(-o.type_adjusted_fee),
            in_pounds(-o.total_refundable),
        )
        for o in outputs
        if o.refundable
    ]
    assert rows == [(T.STARTED, 15, "-£10.00", "-£150.00"), (T.COMPLETED, 5, "-£16.00", "-£80.00")]
    assert in_pounds(-sum(o.total_refundable for o in outputs)) == "-£230.00"


def test_a16_the_mentor_column_of_the_declarations_summary() -> None:
    current = month(1, mentors=mentors(started=(9, 3), completed=(2, 1), voided=1))
    flat = calculate_statement(ittecf_ectp(), current, [current]).flat_rate
    assert flat is not None
    assert [flat.outputs.billable_count(T.STARTED), flat.outputs.billable_count(T.COMPLETED)] == [
        9,
        2,
    ]
    assert (flat.outputs.total_refundable_count, flat.voided_count) == (4, 1)


def test_a26_ecf1s_mentor_statement() -> None:
    flat = calculate_flat_rate(mentors_at("1000"), mentors(started=(5, 2), completed=(3, 1)))
    assert flat.outputs.total_billable == 4000
    assert flat.outputs.total_refundable == 1500
    assert (flat.subtotal, flat.total) == (2500, 3000)


def test_a26_additions_for_started_and_the_fee_per_start() -> None:
    outputs = flat_rate_outputs(mentors_at("1000"), mentors(started=(4, 0)))
    assert outputs.line(T.STARTED).total_billable == 2000
    assert (
        outputs.line(T.STARTED).type_adjusted_fee
        == outputs.line(T.COMPLETED).type_adjusted_fee
        == 500
    )


def test_a26_mentor_clawbacks_breakdown() -> None:
    outputs = flat_rate_outputs(mentors_at("200"), mentors(started=(0, 2), completed=(0, 3)))
    assert [
        (o.declaration_type, o.refundable, -o.type_adjusted_fee, -o.total_refundable)
        for o in outputs
    ] == [
        (T.STARTED, 2, D("-100.0"), D("-200.0")),
        (T.COMPLETED, 3, D("-100.0"), D("-300.0")),
    ]


def test_a26_only_mentors_voided_declarations_are_counted() -> None:
    current = month(1, counts(("started", "voided", 5)), mentors=mentors(voided=5))
    flat = calculate_statement(ittecf_ectp(), current, [current]).flat_rate
    assert flat is not None
    assert flat.voided_count == 5


def test_a26_each_statement_counts_only_its_own_mentor_declarations() -> None:
    per_month = [mentors(started=(3, 0)), mentors(started=(3, 1)), mentors(started=(3, 2))]
    history = [month(n + 1, mentors=each) for n, each in enumerate(per_month)]
    seen = []
    for current in history:
        flat = calculate_statement(ittecf_ectp(), current, history).flat_rate
        assert flat is not None
        seen.append(
            (flat.outputs.line(T.STARTED).billable, flat.outputs.line(T.STARTED).refundable)
        )
    assert seen == [(3, 0), (3, 1), (3, 2)]


def test_a26_a_clawback_and_a_new_start_on_the_same_statement() -> None:
    current = month(2, mentors=mentors(started=(1, 1)))
    flat = calculate_statement(
        ittecf_ectp(), current, [month(1, mentors=mentors(started=(1, 0))), current]
    ).flat_rate
    assert flat is not None
    assert (flat.outputs.line(T.STARTED).billable, flat.outputs.line(T.STARTED).refundable) == (
        1,
        1,
    )


def test_a26_five_starts_and_three_completions_ignoring_ects() -> None:
    current = month(
        1, counts(("started", "billable", 7)), mentors=mentors(started=(5, 0), completed=(3, 0))
    )
    flat = calculate_statement(ittecf_ectp(), current, [current]).flat_rate
    assert flat is not None
    assert [output.billable for output in flat.outputs] == [5, 3]
