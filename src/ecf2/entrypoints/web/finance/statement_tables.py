"""A statement's figures as the console's tables show them, each rounded on its own
(finance-and-payments §6, §8 items 2 and 4-7). Built from the calculation, never summed
from rounded figures."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from ecf2.domain.payments.calculator import (
    ContractType,
    DeclarationTypeOutput,
    Outputs,
    StatementCalculation,
    in_pounds,
)
from ecf2.domain.shared.declaration_types import DeclarationType as T

# Output payment rows: one per type, extended ones merged (§8 item 5).
OUTPUT_GROUPS: tuple[tuple[str, tuple[T, ...]], ...] = (
    ("Started", (T.STARTED,)),
    ("Retained 1", (T.RETAINED_1,)),
    ("Retained 2", (T.RETAINED_2,)),
    ("Retained 3", (T.RETAINED_3,)),
    ("Retained 4", (T.RETAINED_4,)),
    ("Completed", (T.COMPLETED,)),
    ("Extended", (T.EXTENDED_1, T.EXTENDED_2, T.EXTENDED_3)),
)
RETAINED = (T.RETAINED_1, T.RETAINED_2, T.RETAINED_3, T.RETAINED_4)
EXTENDED = (T.EXTENDED_1, T.EXTENDED_2, T.EXTENDED_3)


@attrs.frozen
class Row:
    label: str
    cells: tuple[str, ...]


@attrs.frozen
class Table:
    caption: str
    headings: tuple[str, ...]
    rows: tuple[Row, ...]
    total_label: str
    total: str


def _negated(amount: Decimal) -> str:
    return in_pounds(-amount)


def overview(contract_type: ContractType, calculation: StatementCalculation) -> list[Row]:
    """ "Payment type | Payment" (§8 item 2); the heading's total is calculation.total."""
    banded, flat = calculation.banded, calculation.flat_rate
    adjustments = Row("Additional adjustments", (in_pounds(banded.total_manual_adjustments),))
    vat = Row("VAT", (in_pounds(calculation.vat),))
    service_fee = Row("Service fee", (in_pounds(banded.monthly_service_fee),))
    if contract_type is ContractType.ECF or flat is None:
        clawbacks = banded.outputs.total_refundable + banded.uplifts.total_refundable
        return [
            Row("Output payment", (in_pounds(banded.outputs.total_billable),)),
            service_fee,
            Row("Uplift fees", (in_pounds(banded.uplifts.total_billable),)),
            Row("Clawbacks", (_negated(clawbacks),)),
            adjustments,
            vat,
        ]
    return [
        Row("ECTs output payment", (in_pounds(banded.outputs.total_billable),)),
        Row("Mentors output payment", (in_pounds(flat.outputs.total_billable),)),
        service_fee,
        Row("ECTs clawbacks", (_negated(banded.outputs.total_refundable),)),
        Row("Mentors clawbacks", (_negated(flat.outputs.total_refundable),)),
        adjustments,
        vat,
    ]


def _lines(outputs: Outputs, kinds: Sequence[T], band: str) -> list[DeclarationTypeOutput]:
    return [line for line in outputs if line.declaration_type in kinds and line.band == band]


def banded_output_table(
    contract_type: ContractType, calculation: StatementCalculation, letters: Sequence[str]
) -> Table:
    ecf = contract_type is ContractType.ECF
    outputs, rows = calculation.banded.outputs, []
    for label, kinds in OUTPUT_GROUPS:
        per_band = [_lines(outputs, kinds, letter) for letter in letters]
        counts = tuple(str(sum(line.billable for line in lines)) for lines in per_band)
        fees = tuple(in_pounds(lines[0].type_adjusted_fee) if lines else "" for lines in per_band)
        payment = sum((line.total_billable for lines in per_band for line in lines), Decimal(0))
        rows.append(Row(label, (*counts, "")))
        rows.append(
            Row("Fee per participant" if ecf else "Fee per ECT", (*fees, in_pounds(payment)))
        )
    return Table(
        caption="Output payments" if ecf else "Early career teacher (ECT) output payments",
        headings=("Outputs", *(f"Band {letter}" for letter in letters), "Payments"),
        rows=tuple(rows),
        total_label="Output payment total" if ecf else "ECTs output payment total",
        total=in_pounds(outputs.total_billable),
    )


def mentor_output_table(calculation: StatementCalculation) -> Table | None:
    flat = calculation.flat_rate
    if flat is None:
        return None
    rows = []
    for line in flat.outputs:
        rows.append(Row(line.declaration_type.value.capitalize(), (str(line.billable), "")))
        rows.append(
            Row(
                "Fee per mentor",
                (in_pounds(line.type_adjusted_fee), in_pounds(line.total_billable)),
            )
        )
    return Table(
        caption="Mentor output payments",
        headings=("Outputs", "Participants", "Payments"),
        rows=tuple(rows),
        total_label="Mentors output payment total",
        total=in_pounds(flat.outputs.total_billable),
    )


def uplift_table(calculation: StatementCalculation) -> Table:
    uplifts = calculation.banded.uplifts
    return Table(
        caption="Uplift fees",
        headings=("Number of participants", "Fee per participant", "Payments"),
        rows=(
            Row(
                str(uplifts.billable_count),
                (in_pounds(uplifts.fee_per_declaration), in_pounds(uplifts.total_billable)),
            ),
        ),
        total_label="Total",
        total=in_pounds(uplifts.total_billable),
    )


def _clawback_row(line: DeclarationTypeOutput, banded: bool) -> Row:
    label = line.declaration_type.value.capitalize()
    if banded:
        label = f"{label} (Band {line.band})"
    cells = (
        str(line.refundable),
        _negated(line.type_adjusted_fee),
        _negated(line.total_refundable),
    )
    return Row(label, cells)


_CLAWBACK_HEADINGS = ("Payment type", "Number of participants", "Fee per participant", "Payments")


def clawback_tables(contract_type: ContractType, calculation: StatementCalculation) -> list[Table]:
    """Only types (and bands) with refunds; `ecf` adds uplift refunds (§8 item 7)."""
    banded = calculation.banded
    ecf = contract_type is ContractType.ECF
    rows = [_clawback_row(line, banded=True) for line in banded.outputs.clawed_back()]
    total = banded.outputs.total_refundable
    uplifts = banded.uplifts
    if ecf and uplifts.refundable_count:
        fees = (_negated(uplifts.fee_per_declaration), _negated(uplifts.total_refundable))
        rows.append(Row("Uplift", (str(uplifts.refundable_count), *fees)))
        total += uplifts.total_refundable
    tables = [
        Table(
            "Clawbacks" if ecf else "ECT clawbacks",
            _CLAWBACK_HEADINGS,
            tuple(rows),
            "Total",
            _negated(total),
        )
    ]
    flat = calculation.flat_rate
    if flat is not None:
        mentor_rows = tuple(
            _clawback_row(line, banded=False) for line in flat.outputs.clawed_back()
        )
        tables.append(
            Table(
                "Mentor clawbacks",
                _CLAWBACK_HEADINGS,
                mentor_rows,
                "Total",
                _negated(flat.outputs.total_refundable),
            )
        )
    return tables


def _allocated(outputs: Outputs, *kinds: T) -> str:
    return str(outputs.billable_count(*kinds))


def declarations_summary(
    contract_type: ContractType, calculation: StatementCalculation
) -> tuple[tuple[str, ...], list[Row]]:
    """Allocated counts: declarations beyond the bands are not counted (§8 item 4)."""
    banded, flat = calculation.banded, calculation.flat_rate
    outputs = banded.outputs
    ects = (
        _allocated(outputs, T.STARTED),
        _allocated(outputs, *RETAINED),
        _allocated(outputs, T.COMPLETED),
        _allocated(outputs, *EXTENDED),
        str(outputs.total_refundable_count),
        str(banded.voided_count),
    )
    labels = ("Started", "Retained", "Completed", "Extended", "Clawbacks", "Voided")
    if contract_type is ContractType.ECF or flat is None:
        return ("", "Total"), [
            Row(label, (count,)) for label, count in zip(labels, ects, strict=True)
        ]
    mentors = (
        _allocated(flat.outputs, T.STARTED),
        "-",
        _allocated(flat.outputs, T.COMPLETED),
        "-",
        str(flat.outputs.total_refundable_count),
        str(flat.voided_count),
    )
    rows = [
        Row(label, (ect, mentor)) for label, ect, mentor in zip(labels, ects, mentors, strict=True)
    ]
    return ("", "ECTs", "Mentors"), rows
