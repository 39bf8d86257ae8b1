"""Teachers as the service holds them: the TRS details it cached, funding eligibility,
ECT and mentor placements with their training and mentorships, built through the Teacher
aggregate so every rule of time holds; mentors are saved before their mentees."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from ecf2.adapters.trs.payloads import TrsPerson
from ecf2.domain.participants import (
    ECTAtSchoolPeriod,
    MentorAtSchoolPeriod,
    MentorIneligibilityReason,
    MentorPlacement,
    Teacher,
    TrainingPeriod,
    TrainingProgramme,
    TrsInductionStatus,
    TrsResponse,
    WorkingPattern,
)
from ecf2.entrypoints.demo.careers import PlacementPlan, TeacherPlan, TrainingPlan
from ecf2.entrypoints.demo.reference import DEMO_TODAY, at, demo_uuid
from ecf2.entrypoints.demo.refs import Refs, UowFactory
from ecf2.entrypoints.demo.summary import Tally, tally

LAST_TRS_REFRESH = at(DEMO_TODAY - timedelta(days=1), 2)


def seed(uow_factory: UowFactory, plans: list[TeacherPlan], refs: Refs) -> list[Tally]:
    created = 0
    with uow_factory() as uow:
        # One unit of work saves them all, so the last one there means all are there.
        if uow.teachers.find_by_trn(plans[-1].person.trn) is not None:
            return [tally("teachers", len(plans), 0)]
        for plan in plans:
            teacher = uow.teachers.find_by_trn(plan.person.trn)
            if teacher is None:
                teacher = build_teacher(plan, refs)
                uow.teachers.add(teacher)
                created += 1
            refs.teachers[plan.trn] = teacher
        uow.commit()
    return [tally("teachers", len(plans), created)]


def build_teacher(plan: TeacherPlan, refs: Refs) -> Teacher:
    teacher = Teacher(**_trs_details(plan), **_identity(plan))
    if plan.mentor_completed_on is not None:
        teacher.record_mentor_ineligibility(
            plan.mentor_completed_on, MentorIneligibilityReason.COMPLETED_DECLARATION_RECEIVED
        )
    for placement in plan.mentor_placements:
        mentor = teacher.add_mentor_placement(
            MentorAtSchoolPeriod(**_placement_fields(plan, placement, refs))
        )
        _add_training(teacher, mentor, placement, refs)
    for placement in plan.ect_placements:
        ect = teacher.add_ect_placement(_ect_placement(plan, placement, refs))
        _add_training(teacher, ect, placement, refs)
        _add_mentorships(teacher, ect, placement, refs)
    return teacher


def _ect_placement(plan: TeacherPlan, placement: PlacementPlan, refs: Refs) -> ECTAtSchoolPeriod:
    pattern = WorkingPattern.PART_TIME if placement.part_time else WorkingPattern.FULL_TIME
    body = placement.school.appropriate_body
    return ECTAtSchoolPeriod(
        **_placement_fields(plan, placement, refs),
        working_pattern=pattern,
        school_reported_appropriate_body_id=refs.appropriate_bodies[body] if body else None,
    )


def _identity(plan: TeacherPlan) -> dict[str, Any]:
    trn = plan.trn
    ect_from, mentor_from = plan.ect_eligible_from, plan.mentor_eligible_from
    starts = [p.started_on for p in (*plan.ect_placements, *plan.mentor_placements)]
    return {
        "api_id": demo_uuid("teacher", trn),
        "api_ect_training_record_id": demo_uuid("ect-training-record", trn),
        "api_mentor_training_record_id": demo_uuid("mentor-training-record", trn),
        "api_updated_at": at(max(starts), 12) if starts else None,
        "ect_first_became_eligible_for_training_at": at(ect_from) if ect_from else None,
        "mentor_first_became_eligible_for_training_at": at(mentor_from) if mentor_from else None,
    }


def _trs_details(plan: TeacherPlan) -> dict[str, Any]:
    person: TrsPerson = plan.person
    induction = person.induction
    status, started_on = induction.status, induction.start_date
    if status is TrsInductionStatus.REQUIRED_TO_COMPLETE and plan.inductions:
        # Claiming an induction tells TRS it is in progress (inductions-trs (b.2)).
        status, started_on = TrsInductionStatus.IN_PROGRESS, plan.inductions[0].started_on
    itt = person.initial_teacher_training
    return {
        "trn": person.trn,
        "trs_first_name": person.first_name,
        "trs_last_name": person.last_name,
        "trs_induction_status": status,
        "trs_induction_start_date": started_on,
        "trs_induction_completed_date": induction.completed_date,
        "trs_qts_awarded_on": person.qts.holds_from if person.qts else None,
        "trs_qts_status_description": person.qts.description if person.qts else None,
        "trs_initial_teacher_training_provider_name": itt.provider_name if itt else None,
        "trs_initial_teacher_training_end_date": itt.training_end_date if itt else None,
        "trs_data_last_refreshed_at": LAST_TRS_REFRESH,
        "trs_response": TrsResponse.OK,
    }


def _placement_fields(plan: TeacherPlan, placement: PlacementPlan, refs: Refs) -> dict[str, Any]:
    return {
        "school_id": refs.schools[placement.school.urn],
        "started_on": placement.started_on,
        "finished_on": placement.finished_on,
        "email": plan.person.email_address,
    }


def _add_training(teacher: Teacher, owner: Any, placement: PlacementPlan, refs: Refs) -> None:
    for training in placement.training:
        teacher.add_training_period(owner, training_period(training, placement, refs))


def training_period(training: TrainingPlan, placement: PlacementPlan, refs: Refs) -> TrainingPeriod:
    choice = training.choice
    fields: dict[str, Any] = {}
    if choice.lead_provider is not None:
        assert training.schedule is not None
        fields["schedule_id"] = refs.schedule_id(training.cohort, training.schedule)
        if choice.delivery_partner is None:
            fields["expression_of_interest_id"] = refs.active_lead_provider_id(
                choice.lead_provider, training.cohort
            )
        else:
            key = (
                placement.school.urn,
                choice.lead_provider,
                choice.delivery_partner,
                training.cohort,
            )
            fields["school_partnership_id"] = refs.school_partnerships[key]
    if training.withdrawn is not None:
        fields |= {"withdrawn_at": training.acted_at, "withdrawal_reason": training.withdrawn}
    if training.deferred is not None:
        fields |= {"deferred_at": training.acted_at, "deferral_reason": training.deferred}
    programme = (
        TrainingProgramme.PROVIDER_LED if choice.provider_led else TrainingProgramme.SCHOOL_LED
    )
    return TrainingPeriod(
        role=training.role,
        training_programme=programme,
        started_on=training.started_on,
        finished_on=training.finished_on,
        **fields,
    )


def _add_mentorships(
    teacher: Teacher, ect: ECTAtSchoolPeriod, placement: PlacementPlan, refs: Refs
) -> None:
    for mentorship in placement.mentorships:
        mentor = refs.teachers[mentorship.mentor_trn]
        theirs = next(
            each
            for each in mentor.mentor_at_school_periods
            if each.school_id == ect.school_id and each.period.includes(mentorship.started_on)
        )
        teacher.start_mentorship(
            ect,
            MentorPlacement.of(mentor.id, theirs),
            mentorship.started_on,
            mentorship.finished_on,
        )
