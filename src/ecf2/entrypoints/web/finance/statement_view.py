"""Everything the statement page shows, in §8's order: figures from the calculation,
the rest from the read model, and whether it may be authorised from the same rule the
service applies (finance-and-payments §3.3, §8)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from ecf2.adapters.db.queries.finance_console import StatementPage
from ecf2.domain.payments.calculator import (
    ContractType,
    StatementCalculation,
    as_percentage,
    band_letters,
    band_limits,
    in_pounds,
)
from ecf2.domain.payments.model import StatementStatus
from ecf2.domain.payments.rules import authorisation_refusal
from ecf2.entrypoints.web.finance import statement_tables as tables
from ecf2.entrypoints.web.induction_status import Tag

LONDON = ZoneInfo("Europe/London")
STATUS_TAGS = {
    StatementStatus.OPEN: Tag("Open", "blue"),
    StatementStatus.PAYABLE: Tag("Payable", "yellow"),
    StatementStatus.PAID: Tag("Paid", "green"),
}


def status_tag(status: StatementStatus, output: bool) -> Tag:
    # A paid output statement is one finance authorised (§3.3).
    if status is StatementStatus.PAID and output:
        return Tag("Authorised for payment", "green")
    return STATUS_TAGS[status]


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def london_time(moment: datetime) -> str:
    """ "Authorised for payment at 2:05pm on 3 November 2026", London time (§8 item 3)."""
    local = moment.astimezone(LONDON)
    hour = local.hour % 12 or 12
    return f"{hour}:{local:%M}{'am' if local.hour < 12 else 'pm'} on {long_date(local.date())}"


def authorisation(page: StatementPage, today: date) -> dict[str, Any]:
    refusal = authorisation_refusal(
        page, today, has_outstanding_declarations=page.has_outstanding_declarations
    )
    return {
        "allowed": refusal is None,
        "why_not": None if refusal is None else str(refusal),
        "authorised_at": None
        if page.marked_as_paid_at is None
        else london_time(page.marked_as_paid_at),
    }


def provider_targets(page: StatementPage) -> dict[str, Any]:
    """§8 item 10: targets, the revised target (150%, truncated) and the bands' limits."""
    targets, ecf = page.targets, page.contract_type is ContractType.ECF
    rows = [
        ("Provider", page.lead_provider),
        (
            "Recruitment target" if ecf else "ECTs recruitment target",
            str(targets.recruitment_target),
        ),
        ("Revised recruitment target (150%)", str(targets.recruitment_target * 3 // 2)),
    ]
    if ecf and targets.uplift_target_ratio is not None:
        rows.append(("Uplift target", as_percentage(targets.uplift_target_ratio)))
        rows.append(("Uplift amount", in_pounds(targets.uplift_fee_per_declaration)))
    rows.append(("Setup fee", in_pounds(targets.setup_fee)))
    limits = band_limits([band.capacity for band in targets.bands])
    bands = [
        (
            f"Band {letter}",
            str(limit.min_declarations),
            str(limit.max_declarations),
            in_pounds(band.fee_per_declaration),
        )
        for letter, limit, band in zip(
            band_letters(targets.bands), limits, targets.bands, strict=True
        )
    ]
    mentors = []
    if targets.mentor_fee_per_declaration is not None:
        mentors = [
            ("Mentors recruitment target", str(targets.mentor_recruitment_target)),
            ("Fee per declaration", in_pounds(targets.mentor_fee_per_declaration)),
        ]
    return {"rows": rows, "bands": bands, "mentors": mentors}


def statement_context(
    page: StatementPage, calculation: StatementCalculation, today: date
) -> dict[str, Any]:
    contract_type = page.contract_type
    letters = band_letters(page.targets.bands)
    headings, summary = tables.declarations_summary(contract_type, calculation)
    output = page.output
    return {
        "statement": page,
        "tag": status_tag(page.status, output),
        "deadline_date": long_date(page.deadline_date),
        "payment_date": long_date(page.payment_date),
        "total": in_pounds(calculation.total),
        "overview": tables.overview(contract_type, calculation),
        "authorisation": authorisation(page, today) if output else None,
        "summary_headings": headings,
        "summary": summary,
        "output_tables": [
            table
            for table in (
                tables.banded_output_table(contract_type, calculation, letters),
                tables.mentor_output_table(calculation),
            )
            if table is not None
        ]
        if output
        else [],
        "uplift_table": tables.uplift_table(calculation)
        if output and contract_type is ContractType.ECF
        else None,
        "clawback_tables": tables.clawback_tables(contract_type, calculation),
        "adjustments": [(a, in_pounds(a.amount)) for a in page.adjustments],
        "adjustments_total": in_pounds(calculation.banded.total_manual_adjustments),
        "audit_notes": [(london_time(note.created_at), note.body) for note in page.audit_notes],
        "targets": provider_targets(page),
    }
