"""GIAS schools, the schools using the service with their induction tutors and last
choices, and each school's funding uplifts per contract period."""

from __future__ import annotations

from typing import Any

from ecf2.domain.participants import (
    GiasSchool,
    School,
    SchoolFundingEligibility,
    TrainingProgramme,
)
from ecf2.domain.shared import NotFound, Urn
from ecf2.entrypoints.demo.reference import demo_uuid
from ecf2.entrypoints.demo.refs import Refs, UowFactory, id_of
from ecf2.entrypoints.demo.school_plan import SchoolPlan
from ecf2.entrypoints.demo.summary import Tally, tally


def gias_school(plan: SchoolPlan) -> GiasSchool:
    code, authority = plan.local_authority
    return GiasSchool(
        urn=Urn(plan.urn),
        name=plan.name,
        type_name=plan.type_name,
        status=plan.status,
        local_authority_code=code,
        local_authority_name=authority,
        establishment_number=2000 + plan.index,
        phase_name=plan.phase_name,
        address_line1=f"{plan.index + 1} School Lane",
        address_line3=authority,
        postcode=f"{authority[:2].upper()}{plan.index % 9 + 1} {plan.index % 10}AB",
        opened_on=plan.opened_on,
        closed_on=plan.closed_on,
        section_41_approved=plan.section_41_approved,
        in_england=plan.in_england,
        eligible=plan.eligible,
        ukprn=10_090_100 + plan.index,
        primary_contact_email=f"office@{plan.domain}",
        website=f"https://www.{plan.domain}",
    )


def school(plan: SchoolPlan, refs: Refs) -> School:
    tutor_name, tutor_email = plan.induction_tutor or (None, None)
    school = School(
        urn=Urn(plan.urn),
        api_id=demo_uuid("school", plan.urn),
        induction_tutor_name=tutor_name,
        induction_tutor_email=tutor_email,
        induction_tutor_last_nominated_in=plan.nominated_in,
    )
    if plan.trains_teachers:
        _record_last_choices(school, plan, refs)
    return school


def _record_last_choices(school: School, plan: SchoolPlan, refs: Refs) -> None:
    latest = plan.choice(max(plan.choices))
    lead_provider = latest.lead_provider
    school.record_last_choices(
        refs.appropriate_bodies[plan.appropriate_body] if plan.appropriate_body else None,
        TrainingProgramme.PROVIDER_LED if lead_provider else TrainingProgramme.SCHOOL_LED,
        refs.lead_providers[lead_provider] if lead_provider else None,
    )


def seed(uow_factory: UowFactory, schools: list[SchoolPlan], refs: Refs) -> list[Tally]:
    counts = {"GIAS schools": 0, "schools": 0, "school funding eligibilities": 0}
    with uow_factory() as uow:
        made = {plan.urn: _seed_school(uow, plan, refs, counts) for plan in schools}
        uow.commit()
    refs.schools.update({urn: id_of(each) for urn, each in made.items()})
    wanted = sum(len(plan.uplifts) for plan in schools)
    return [
        tally("GIAS schools", len(schools), counts["GIAS schools"]),
        tally("schools", len(schools), counts["schools"]),
        tally("school funding eligibilities", wanted, counts["school funding eligibilities"]),
    ]


def _seed_school(uow: Any, plan: SchoolPlan, refs: Refs, counts: dict[str, int]) -> School:
    urn = Urn(plan.urn)
    try:
        uow.gias_schools.get(urn)
    except NotFound:
        uow.gias_schools.add(gias_school(plan))
        counts["GIAS schools"] += 1
    for year, (pupil_premium, sparsity) in plan.uplifts.items():
        if uow.school_funding_eligibilities.for_urn_and_year(urn, year) is None:
            uow.school_funding_eligibilities.add(
                SchoolFundingEligibility(
                    gias_school_urn=urn,
                    contract_period_year=year,
                    pupil_premium_uplift=pupil_premium,
                    sparsity_uplift=sparsity,
                )
            )
            counts["school funding eligibilities"] += 1
    try:
        return uow.schools.get_by_urn(urn)
    except NotFound:
        made = school(plan, refs)
        uow.schools.add(made)
        counts["schools"] += 1
        return made
