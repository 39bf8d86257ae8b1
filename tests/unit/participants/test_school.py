import pytest

from ecf2.domain.participants import TrainingProgramme
from ecf2.domain.shared import InvalidValue
from tests.unit.participants.builders import a_gias_school, a_school


def test_an_induction_tutor_needs_both_a_name_and_an_email():
    with pytest.raises(InvalidValue) as error:
        a_school(induction_tutor_name="Grace Hopper")
    assert error.value.field == "induction_tutor_email"
    with pytest.raises(InvalidValue):
        a_school(induction_tutor_email="grace@example.org")


def test_an_induction_tutor_email_is_in_notify_format():
    with pytest.raises(InvalidValue) as error:
        a_school(induction_tutor_name="Grace Hopper", induction_tutor_email="grace")
    assert error.value.field == "induction_tutor_email"


def test_an_induction_tutor_is_nominated_for_a_year_only_with_name_and_email():
    with pytest.raises(InvalidValue) as error:
        a_school(induction_tutor_last_nominated_in=2026)
    assert error.value.rule == "induction_tutor_nominated_with_name_and_email"
    school = a_school()
    school.nominate_induction_tutor("Grace  Hopper", "grace@example.org", 2026)
    assert (school.induction_tutor_name, school.induction_tutor_last_nominated_in) == (
        "Grace Hopper",
        2026,
    )


def test_nominating_an_induction_tutor_without_an_email_changes_nothing():
    school = a_school()
    with pytest.raises(InvalidValue):
        school.nominate_induction_tutor("Grace Hopper", "", 2026)
    assert school.induction_tutor_name is None


def test_a_lead_provider_is_the_last_choice_only_with_provider_led_training():
    with pytest.raises(InvalidValue):
        a_school(last_chosen_training_programme=TrainingProgramme.PROVIDER_LED)
    with pytest.raises(InvalidValue):
        a_school(last_chosen_training_programme="school_led", last_chosen_lead_provider_id=4)
    with pytest.raises(InvalidValue):
        a_school(last_chosen_lead_provider_id=4)
    school = a_school()
    school.record_last_choices(5, TrainingProgramme.PROVIDER_LED, 4)
    assert school.last_chosen_lead_provider_id == 4


def test_an_independent_school_is_not_state_funded():
    independent = a_school(gias_school=a_gias_school(type_name="Other independent school"))
    assert independent.independent
    assert not independent.state_funded
    assert a_school().state_funded
    assert not a_school().independent


def test_a_school_is_eligible_when_gias_says_so_or_dfe_marked_it():
    ineligible = a_gias_school(eligible=False)
    assert a_school().eligible
    assert not a_school(gias_school=ineligible).eligible
    assert a_school(gias_school=ineligible, marked_as_eligible=True).eligible


def test_an_independent_school_without_section_41_is_blocked_unless_it_still_trains():
    gias = a_gias_school(type_name="Other independent school", section_41_approved=False)
    school = a_school(gias_school=gias)
    assert school.blocked_from_service_access(has_unfinished_training=False)
    assert not school.blocked_from_service_access(has_unfinished_training=True)
    assert school.blocked_from_registering_new_ects(has_unfinished_training=True)
    assert school.access_denied(has_unfinished_training=False)
    assert not school.access_denied(has_unfinished_training=True)


def test_a_school_gias_lists_as_proposed_to_open_is_denied_access():
    school = a_school(gias_school=a_gias_school(status="proposed_to_open"))
    assert school.access_denied(has_unfinished_training=True)


def test_a_gias_school_of_an_unknown_type_is_refused():
    with pytest.raises(InvalidValue) as error:
        a_gias_school(type_name="Hogwarts")
    assert error.value.field == "type_name"


def test_a_gias_school_proposed_to_close_is_still_open():
    assert a_gias_school(status="proposed_to_close").open
    assert not a_gias_school(status="proposed_to_open").open
