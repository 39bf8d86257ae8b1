import pytest

from ecf2.domain.shared.errors import InvalidValue
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn, Urn


def test_a_trn_is_seven_digits():
    assert Trn("0012345").value == "0012345"


@pytest.mark.parametrize("value", ["12345678", "123456", "abcdefg", ""])
def test_a_trn_that_is_not_seven_digits_is_refused_naming_the_field(value):
    with pytest.raises(InvalidValue) as refusal:
        Trn(value)
    assert refusal.value.field == "trn"
    assert refusal.value.rule == "trn_is_seven_digits"


@pytest.mark.parametrize(("typed", "stored"), [("12 345", "0012345"), ("1234567", "1234567")])
def test_schools_may_type_spaces_and_drop_leading_zeros(typed, stored):
    assert Trn.from_school_input(typed).value == stored


@pytest.mark.parametrize("typed", ["1234", "12345678"])
def test_schools_must_type_five_to_seven_digits(typed):
    with pytest.raises(InvalidValue) as refusal:
        Trn.from_school_input(typed)
    assert refusal.value.rule == "trn_has_five_to_seven_digits"


def test_a_national_insurance_number_is_upper_cased_without_spaces():
    assert NationalInsuranceNumber("ab 12 34 56 c").value == "AB123456C"


@pytest.mark.parametrize("value", ["QQ123456C", "GB123456A", "AB123456E", "DA123456A", "AB12345C"])
def test_a_national_insurance_number_in_the_wrong_format_is_refused(value):
    with pytest.raises(InvalidValue):
        NationalInsuranceNumber(value)


def test_a_urn_is_digits():
    assert Urn(" 141666 ").value == "141666"
    with pytest.raises(InvalidValue):
        Urn("14A666")
