"""Contracts and fee structures (finance-and-payments §1.4-§1.7)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecf2.domain.contracts import (
    BandedFeeStructure,
    BandTerm,
    Contract,
    ContractType,
    FlatRateFeeStructure,
)
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from tests.unit.contracts.builders import a_banded_fee_structure, a_flat_rate_fee_structure

pytestmark = pytest.mark.contracts


def an_ecf_contract(**overrides: object) -> Contract:
    values: dict[str, object] = {
        "active_lead_provider_id": 1,
        "contract_type": ContractType.ECF,
        "banded_fee_structure": a_banded_fee_structure(11, 12),
    }
    return Contract(**(values | overrides))  # type: ignore[arg-type]


def test_the_vat_rate_defaults_to_twenty_percent() -> None:
    assert an_ecf_contract().vat_rate == Decimal("0.20")


@pytest.mark.parametrize(
    ("vat_rate", "valid"),
    [("-0.01", False), ("0", True), ("0.2", True), ("1.00", True), ("1.01", False)],
)
def test_the_vat_rate_is_between_0_and_1(vat_rate: str, valid: bool) -> None:
    if valid:
        assert an_ecf_contract(vat_rate=Decimal(vat_rate)).vat_rate == Decimal(vat_rate)
        return
    with pytest.raises(InvalidValue) as refused:
        an_ecf_contract(vat_rate=Decimal(vat_rate))
    assert refused.value.field == "vat_rate"


def test_a_vat_rate_with_more_places_than_stored_is_refused_not_rounded() -> None:
    with pytest.raises(InvalidValue) as refused:
        an_ecf_contract(vat_rate=Decimal("0.175"))
    assert refused.value.rule == "decimal_fits_column"


def test_money_is_never_a_float() -> None:
    with pytest.raises(InvalidValue):
        an_ecf_contract(vat_rate=0.2)


@pytest.mark.parametrize(
    ("vat_registered", "applicable"), [(True, Decimal("0.20")), (False, Decimal(0))]
)
def test_no_vat_applies_when_the_lead_provider_is_not_vat_registered(
    vat_registered: bool, applicable: Decimal
) -> None:
    assert an_ecf_contract().applicable_vat_rate(vat_registered=vat_registered) == applicable


@pytest.mark.parametrize(
    ("contract_type", "banded", "flat", "rule"),
    [
        (ContractType.ECF, True, False, None),
        (ContractType.ECF, True, True, "ecf_contract_has_no_flat_rate_fee_structure"),
        (ContractType.ECF, False, False, "contract_needs_banded_fee_structure"),
        (ContractType.ITTECF_ECTP, True, True, None),
        (
            ContractType.ITTECF_ECTP,
            True,
            False,
            "ittecf_ectp_contract_needs_flat_rate_fee_structure",
        ),
        (ContractType.ITTECF_ECTP, False, True, "contract_needs_banded_fee_structure"),
    ],
)
def test_the_fee_structures_a_contract_needs_depend_on_its_type(
    contract_type: ContractType, banded: bool, flat: bool, rule: str | None
) -> None:
    def make() -> Contract:
        return Contract(
            active_lead_provider_id=1,
            contract_type=contract_type,
            banded_fee_structure=a_banded_fee_structure(1) if banded else None,
            flat_rate_fee_structure=a_flat_rate_fee_structure() if flat else None,
        )

    if rule is None:
        assert make().contract_type is contract_type
        return
    with pytest.raises(InvalidValue) as refused:
        make()
    assert refused.value.rule == rule


def a_band_term(output: str = "0.60", service: str = "0.40", fee: str = "1000") -> BandTerm:
    return BandTerm(
        band_id=1,
        fee_per_declaration=Decimal(fee),
        output_fee_ratio=Decimal(output),
        service_fee_ratio=Decimal(service),
    )


@pytest.mark.parametrize(
    ("output", "service", "valid"),
    [("0.60", "0.40", True), ("1.00", "0.00", True), ("0.80", "0.20", True),
     ("0.60", "0.41", False), ("0.50", "0.49", False)],
)  # fmt: skip
def test_band_term_ratios_sum_to_exactly_1(output: str, service: str, valid: bool) -> None:
    if valid:
        assert a_band_term(output, service).output_fee_ratio == Decimal(output)
        return
    with pytest.raises(InvalidValue) as refused:
        a_band_term(output, service)
    assert refused.value.rule == "fee_ratios_sum_to_one"


@pytest.mark.parametrize(("fee", "valid"), [("0", False), ("0.01", True), ("-5", False)])
def test_a_band_term_fee_is_above_zero(fee: str, valid: bool) -> None:
    if valid:
        assert a_band_term(fee=fee).fee_per_declaration == Decimal(fee)
        return
    with pytest.raises(InvalidValue) as refused:
        a_band_term(fee=fee)
    assert refused.value.field == "fee_per_declaration"


def test_the_admin_output_percentage_sets_the_service_ratio_to_the_rest() -> None:
    term = BandTerm.from_output_percentage(1, Decimal("1200"), 75)
    assert (term.output_fee_ratio, term.service_fee_ratio) == (Decimal("0.75"), Decimal("0.25"))


def test_a_fee_structure_prices_each_band_once() -> None:
    with pytest.raises(RuleBroken) as refused:
        a_banded_fee_structure(5, 5)
    assert refused.value.rule == "one_band_term_per_band"


@pytest.mark.parametrize(
    ("field", "value"),
    [("recruitment_target", -1), ("uplift_fee_per_declaration", Decimal("-0.01")),
     ("setup_fee", Decimal("-1")), ("monthly_service_fee", Decimal("-1")),
     ("uplift_target_ratio", Decimal("1.0001"))],
)  # fmt: skip
def test_banded_fee_structure_amounts_are_in_range(field: str, value: object) -> None:
    with pytest.raises(InvalidValue) as refused:
        a_banded_fee_structure(1, **{field: value})
    assert refused.value.field == field


def test_a_zero_monthly_service_fee_is_a_real_override() -> None:
    assert a_banded_fee_structure(1, monthly_service_fee=Decimal(0)).monthly_service_fee == 0


def test_money_over_ten_digits_before_the_point_is_refused() -> None:
    with pytest.raises(InvalidValue):
        a_banded_fee_structure(1, setup_fee=Decimal("10000000000.00"))


@pytest.mark.parametrize(("target", "fee"), [(0, "1000"), (10, "0")])
def test_a_flat_rate_fee_structure_needs_a_positive_target_and_fee(target: int, fee: str) -> None:
    with pytest.raises(InvalidValue):
        FlatRateFeeStructure(recruitment_target=target, fee_per_declaration=Decimal(fee))


def test_band_terms_must_price_bands_of_the_contracts_own_active_lead_provider() -> None:
    contract = an_ecf_contract()
    contract.check_bands_belong_to({11, 12, 13})
    with pytest.raises(RuleBroken) as refused:
        contract.check_bands_belong_to({11})
    assert refused.value.rule == "band_term_band_belongs_to_active_lead_provider"


def test_band_terms_are_ordered_by_band() -> None:
    structure = BandedFeeStructure(
        recruitment_target=0,
        uplift_fee_per_declaration=Decimal(0),
        setup_fee=Decimal(0),
        band_terms=[a_band_term()],
    )
    structure.add_band_term(
        BandTerm(
            band_id=0,
            fee_per_declaration=Decimal(1),
            output_fee_ratio=Decimal(1),
            service_fee_ratio=Decimal(0),
        )
    )
    assert [term.band_id for term in structure.band_terms] == [0, 1]
