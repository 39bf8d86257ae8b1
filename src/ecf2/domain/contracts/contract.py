"""Contracts: one version of what DfE pays an active lead provider
(finance-and-payments §1.4, §2)."""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal
from enum import StrEnum

import attrs

from ecf2.domain.contracts.fee_structures import (
    BETWEEN_0_AND_1,
    BandedFeeStructure,
    FlatRateFeeStructure,
    ratio,
)
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.events import DomainEvent

DEFAULT_VAT_RATE = Decimal("0.20")


class ContractType(StrEnum):
    # 2021-2024: ECTs and mentors priced together in bands.
    ECF = "ecf"
    # 2025 onwards: ECTs in bands, mentors at a flat rate (§2).
    ITTECF_ECTP = "ittecf_ectp"


@attrs.define(kw_only=True)
class Contract:
    """A contract version of an active lead provider; each statement points at one.
    An `ecf` contract has only a banded fee structure; `ittecf_ectp` has both."""

    active_lead_provider_id: int
    contract_type: ContractType
    banded_fee_structure: BandedFeeStructure | None = None
    flat_rate_fee_structure: FlatRateFeeStructure | None = None
    vat_rate: Decimal = attrs.field(
        default=DEFAULT_VAT_RATE, converter=ratio, validator=BETWEEN_0_AND_1
    )
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.banded_fee_structure is None:
            raise InvalidValue(
                f"An {self.contract_type} contract needs a banded fee structure",
                field="banded_fee_structure",
                rule="contract_needs_banded_fee_structure",
            )
        if self.contract_type is ContractType.ECF and self.flat_rate_fee_structure:
            raise InvalidValue(
                "An ecf contract cannot have a flat rate fee structure",
                field="flat_rate_fee_structure",
                rule="ecf_contract_has_no_flat_rate_fee_structure",
            )
        if self.contract_type is ContractType.ITTECF_ECTP and not self.flat_rate_fee_structure:
            raise InvalidValue(
                "An ittecf_ectp contract needs a flat rate fee structure for mentors",
                field="flat_rate_fee_structure",
                rule="ittecf_ectp_contract_needs_flat_rate_fee_structure",
            )

    @property
    def banded(self) -> BandedFeeStructure:
        assert self.banded_fee_structure is not None
        return self.banded_fee_structure

    def applicable_vat_rate(self, *, vat_registered: bool) -> Decimal:
        """No VAT is added for a lead provider that is not VAT registered (§1.4)."""
        return self.vat_rate if vat_registered else Decimal(0)

    def change_mentor_flat_rate(
        self, recruitment_target: int, fee_per_declaration: Decimal | str, *, payments_frozen: bool
    ) -> tuple[str, ...]:
        """New terms for mentors, paid at a flat rate on `ittecf_ectp` contracts only (§1.7,
        §2); a contract stops changing once its contract period's payments are frozen
        (§1.1). Returns a line per change for the audit trail."""
        if self.contract_type is not ContractType.ITTECF_ECTP or not self.flat_rate_fee_structure:
            raise RuleBroken(
                "Only an ittecf_ectp contract pays mentors at a flat rate",
                field="fee_per_declaration",
                rule="flat_rate_only_on_ittecf_ectp_contracts",
            )
        if payments_frozen:
            raise RuleBroken(
                "Payments for this contract period are frozen, so its contracts cannot change",
                field="fee_per_declaration",
                rule="contract_period_payments_frozen",
            )
        before = self.flat_rate_fee_structure
        after = FlatRateFeeStructure(
            recruitment_target=recruitment_target,
            fee_per_declaration=fee_per_declaration,
            id=before.id,
        )
        self.flat_rate_fee_structure = after
        return tuple(
            f"{label} changed from '{old}' to '{new}'"
            for label, old, new in (
                ("Mentor recruitment target", before.recruitment_target, after.recruitment_target),
                (
                    "Price per mentor",
                    f"{before.fee_per_declaration:.2f}",
                    f"{after.fee_per_declaration:.2f}",
                ),
            )
            if old != new
        )

    def check_bands_belong_to(self, band_ids: Collection[int]) -> None:
        """Every band term must price a band of this contract's active lead provider."""
        foreign = [term.band_id for term in self.banded.band_terms if term.band_id not in band_ids]
        if foreign:
            raise RuleBroken(
                "A band term prices a band of another lead provider or year",
                field="band_id",
                rule="band_term_band_belongs_to_active_lead_provider",
            )
