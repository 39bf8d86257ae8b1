"""Tables of contracts and their fee structures (finance-and-payments §1.4-§1.7)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Numeric, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ecf2.adapters.db.base import Base, enum_column, version_column
from ecf2.adapters.db.constraints import explain
from ecf2.domain.contracts.contract import ContractType


def _money() -> Mapped[Decimal]:
    return mapped_column(Numeric(12, 2))


class BandTermRow(Base):
    __tablename__ = "contract_banded_fee_structure_band_terms"
    __table_args__ = (
        UniqueConstraint("banded_fee_structure_id", "band_id", name="uq_band_terms_band"),
        CheckConstraint("fee_per_declaration > 0", name="fee_positive"),
        CheckConstraint("output_fee_ratio + service_fee_ratio = 1", name="ratios_sum_to_one"),
        CheckConstraint("output_fee_ratio BETWEEN 0 AND 1", name="output_ratio_0_1"),
        CheckConstraint("service_fee_ratio BETWEEN 0 AND 1", name="service_ratio_0_1"),
        Index("ix_band_terms_band_id", "band_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    banded_fee_structure_id: Mapped[int] = mapped_column(
        ForeignKey(
            "contract_banded_fee_structures.id", ondelete="CASCADE", name="fk_band_terms_structure"
        )
    )
    band_id: Mapped[int] = mapped_column(
        ForeignKey("active_lead_provider_bands.id", name="fk_band_terms_band")
    )
    fee_per_declaration: Mapped[Decimal] = _money()
    output_fee_ratio: Mapped[Decimal] = mapped_column(Numeric(3, 2))
    service_fee_ratio: Mapped[Decimal] = mapped_column(Numeric(3, 2))


class BandedFeeStructureRow(Base):
    __tablename__ = "contract_banded_fee_structures"
    __table_args__ = (
        CheckConstraint("recruitment_target >= 0", name="target_not_negative"),
        CheckConstraint("uplift_fee_per_declaration >= 0", name="uplift_fee_not_negative"),
        CheckConstraint("setup_fee >= 0", name="setup_fee_not_negative"),
        CheckConstraint(
            "monthly_service_fee IS NULL OR monthly_service_fee >= 0",
            name="service_fee_not_negative",
        ),
        CheckConstraint(
            "uplift_target_ratio IS NULL OR uplift_target_ratio BETWEEN 0 AND 1",
            name="uplift_ratio_0_1",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), unique=True
    )
    recruitment_target: Mapped[int]
    uplift_fee_per_declaration: Mapped[Decimal] = _money()
    uplift_target_ratio: Mapped[Decimal | None] = mapped_column(Numeric(5, 4))
    monthly_service_fee: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    setup_fee: Mapped[Decimal] = _money()
    band_terms: Mapped[list[BandTermRow]] = relationship(
        cascade="all, delete-orphan", order_by=BandTermRow.band_id
    )


class FlatRateFeeStructureRow(Base):
    __tablename__ = "contract_flat_rate_fee_structures"
    __table_args__ = (
        CheckConstraint("recruitment_target > 0", name="target_positive"),
        CheckConstraint("fee_per_declaration > 0", name="fee_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), unique=True
    )
    recruitment_target: Mapped[int]
    fee_per_declaration: Mapped[Decimal] = _money()


class ContractRow(Base):
    __tablename__ = "contracts"
    __table_args__ = (CheckConstraint("vat_rate BETWEEN 0 AND 1", name="vat_rate_0_1"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    active_lead_provider_id: Mapped[int] = mapped_column(
        ForeignKey("active_lead_providers.id"), index=True
    )
    contract_type: Mapped[ContractType] = mapped_column(enum_column(ContractType, "contract_type"))
    vat_rate: Mapped[Decimal] = mapped_column(
        Numeric(3, 2), default=Decimal("0.20"), server_default=text("0.20")
    )
    banded_fee_structure: Mapped[BandedFeeStructureRow | None] = relationship(
        cascade="all, delete-orphan"
    )
    flat_rate_fee_structure: Mapped[FlatRateFeeStructureRow | None] = relationship(
        cascade="all, delete-orphan"
    )
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


explain("uq_band_terms_band", "band_id", "This contract already prices this band")
explain(
    "ck_contract_banded_fee_structure_band_terms_ratios_sum_to_one",
    "service_fee_ratio",
    "The output fee and service fee ratios must add up to exactly 1",
)
explain("ck_contracts_vat_rate_0_1", "vat_rate", "The VAT rate must be between 0 and 1")
