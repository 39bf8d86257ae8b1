from datetime import UTC, date, datetime

import pytest

from ecf2.domain.participants import AnonymisationReason, MentorIneligibilityReason, Teacher
from ecf2.domain.shared import InvalidValue, RuleBroken, Trn
from tests.unit.participants.builders import a_teacher

AT = datetime(2026, 8, 21, 9, tzinfo=UTC)


def test_a_teacher_needs_a_trn():
    with pytest.raises(InvalidValue) as error:
        Teacher()
    assert (error.value.field, error.value.rule) == ("trn", "trn_or_trnless")


def test_a_teacher_recorded_without_a_trn_has_none():
    assert Teacher(trnless=True).trn is None
    with pytest.raises(InvalidValue):
        Teacher(trnless=True, trn=Trn("1234567"))


def test_the_display_name_is_the_corrected_name_when_there_is_one():
    assert a_teacher(corrected_name="  Ada   King ").display_name == "Ada King"


def test_the_display_name_is_the_trs_name_without_blank_or_dot_parts():
    assert a_teacher().display_name == "Ada Lovelace"
    assert a_teacher(trs_first_name=".", trs_last_name="Lovelace").display_name == "Lovelace"
    assert a_teacher(trs_first_name=" ", trs_last_name=None).display_name == "Unknown"


def test_trs_names_are_squished():
    assert a_teacher(trs_first_name="  Ada  Augusta ").trs_first_name == "Ada Augusta"


def test_the_first_funding_eligibility_is_set_once_and_never_moves():
    teacher = a_teacher()
    assert teacher.record_ect_eligibility_for_training(AT)
    assert not teacher.record_ect_eligibility_for_training(datetime(2027, 1, 1, tzinfo=UTC))
    assert teacher.ect_first_became_eligible_for_training_at == AT
    with pytest.raises(RuleBroken) as error:
        teacher.ect_first_became_eligible_for_training_at = datetime(2027, 1, 1, tzinfo=UTC)
    assert error.value.rule == "first_funding_eligibility_is_immutable"


def test_the_mentor_first_funding_eligibility_is_set_once():
    teacher = a_teacher()
    assert teacher.record_mentor_eligibility_for_training(AT)
    with pytest.raises(RuleBroken):
        teacher.mentor_first_became_eligible_for_training_at = None


def test_a_mentor_ineligibility_needs_both_a_date_and_a_reason():
    with pytest.raises(InvalidValue) as error:
        a_teacher(mentor_became_ineligible_for_funding_on=date(2021, 4, 19))
    assert error.value.field == "mentor_became_ineligible_for_funding_reason"
    with pytest.raises(InvalidValue):
        a_teacher().record_mentor_ineligibility(
            None, MentorIneligibilityReason.COMPLETED_DURING_EARLY_ROLL_OUT
        )


def test_a_mentor_ineligibility_can_be_recorded_and_cleared_together():
    teacher = a_teacher()
    teacher.record_mentor_ineligibility(
        date(2021, 4, 19), MentorIneligibilityReason.COMPLETED_DURING_EARLY_ROLL_OUT
    )
    assert not teacher.mentor_eligible_for_funding
    teacher.record_mentor_ineligibility(None, None)
    assert teacher.mentor_eligible_for_funding


def test_an_ect_is_eligible_for_funding_until_the_day_they_became_ineligible():
    teacher = a_teacher(ect_first_became_eligible_for_training_at=AT)
    assert teacher.ect_eligible_for_funding
    teacher.ect_became_ineligible_for_funding_on = date(2026, 8, 21)
    assert teacher.ect_eligible_for_funding
    teacher.ect_became_ineligible_for_funding_on = date(2026, 8, 20)
    assert not teacher.ect_eligible_for_funding


def test_anonymising_needs_both_a_date_and_a_reason():
    with pytest.raises(InvalidValue) as error:
        a_teacher(anonymised_at=AT)
    assert error.value.rule == "anonymisation_has_date_and_reason"
    teacher = a_teacher()
    teacher.anonymise(AT, AnonymisationReason.REGISTERED_IN_ERROR)
    assert teacher.anonymisation_reason is AnonymisationReason.REGISTERED_IN_ERROR


def test_each_teacher_gets_its_own_public_ids():
    first, second = a_teacher(), a_teacher()
    assert first.api_id != second.api_id
    assert first.api_ect_training_record_id != first.api_mentor_training_record_id
