"""Rows, mappers and repositories for the participants context, and the sentences that
explain its constraints when the database refuses a write."""

from __future__ import annotations

from ecf2.adapters.db.constraints import explain
from ecf2.adapters.db.participants_contract_years import SqlContractPeriodYears
from ecf2.adapters.db.participants_mentor_registration import SqlMentorRegistrationFacts
from ecf2.adapters.db.participants_registration import SqlEctRegistrationFacts
from ecf2.adapters.db.participants_schools import (
    SqlGiasSchoolRepository,
    SqlSchoolFundingEligibilityRepository,
    SqlSchoolRepository,
)
from ecf2.adapters.db.participants_teachers import SqlTeacherRepository
from ecf2.adapters.db.repository import SqlRepository

REPOSITORIES: dict[str, type[SqlRepository]] = {
    "teachers": SqlTeacherRepository,
    "schools": SqlSchoolRepository,
    "gias_schools": SqlGiasSchoolRepository,
    "school_funding_eligibilities": SqlSchoolFundingEligibilityRepository,
    "ect_registration_facts": SqlEctRegistrationFacts,
    "mentor_registration_facts": SqlMentorRegistrationFacts,
    "contract_period_years": SqlContractPeriodYears,
}

_PERIOD_ORDER = "A period cannot finish before it starts"

for _table in (
    "ect_at_school_periods",
    "mentor_at_school_periods",
    "mentorship_periods",
    "training_periods",
):
    explain(f"ck_{_table}_period_in_order", "finished_on", _PERIOD_ORDER)

explain("uq_teachers_trn", "trn", "A teacher with this TRN is already registered")
explain(
    "ck_teachers_trn_or_trnless",
    "trn",
    "A teacher needs a TRN, unless they are recorded as having none",
)
explain(
    "ck_teachers_mentor_ineligibility_has_date_and_reason",
    "mentor_became_ineligible_for_funding_reason",
    "A mentor's ineligibility for funding needs both a date and a reason",
)
explain(
    "ck_teachers_anonymisation_has_date_and_reason",
    "anonymisation_reason",
    "Anonymising a teacher needs both a date and a reason",
)

# ECT placements: one school at a time (§1.2).
_ECT_OVERLAP = "This ECT is already at a school for some of these dates"
explain("ect_at_school_periods_no_overlap", "started_on", _ECT_OVERLAP)
explain(
    "uq_ect_at_school_periods_one_open_per_teacher",
    "finished_on",
    "This teacher is already an ECT at a school with no leaving date",
)
explain("uq_ect_at_school_periods_teacher_id_started_on", "started_on", _ECT_OVERLAP)
explain("uq_ect_at_school_periods_school_id_teacher_id_started_on", "started_on", _ECT_OVERLAP)

# Mentor placements: one at a time per school (§1.3).
_MENTOR_OVERLAP = "This mentor is already at this school for some of these dates"
explain("mentor_at_school_periods_no_overlap", "started_on", _MENTOR_OVERLAP)
explain(
    "uq_mentor_at_school_periods_one_open_per_school",
    "finished_on",
    "This teacher is already a mentor at this school with no leaving date",
)
explain(
    "uq_mentor_at_school_periods_school_id_teacher_id_started_on", "started_on", _MENTOR_OVERLAP
)

# Mentorships: one mentor at a time (§1.4).
_MENTORSHIP_OVERLAP = "This ECT already has a mentor for some of these dates"
explain("mentorship_periods_no_overlap", "started_on", _MENTORSHIP_OVERLAP)
explain("uq_mentorship_periods_one_open_per_ect", "finished_on", _MENTORSHIP_OVERLAP)
explain(
    "uq_mentorship_periods_ect_at_school_period_id_started_on", "started_on", _MENTORSHIP_OVERLAP
)
explain(
    "uq_mentorship_periods_mentor_ect_started_on",
    "started_on",
    _MENTORSHIP_OVERLAP,
)
explain(
    "fk_mentorship_periods_mentor_placement",
    "mentor_at_school_period_id",
    "The mentor's time at the school is still linked to an ECT's mentorship",
)

# Training periods (§1.5).
_TRAINING_OVERLAP = "This teacher is already in training in this role for some of these dates"
explain("training_periods_no_overlap", "started_on", _TRAINING_OVERLAP)
for _placement in ("ect", "mentor"):
    explain(
        f"uq_training_periods_one_open_per_{_placement}_placement",
        "finished_on",
        "This placement already has training with no finish date",
    )
explain(
    "ck_training_periods_school_led_has_none",
    "training_programme",
    "School-led training has no lead provider, partnership or schedule",
)
explain(
    "ck_training_periods_provider_led_has_lead_provider",
    "training_programme",
    "Provider-led training needs a schedule and a lead provider",
)
explain(
    "ck_training_periods_mentor_training_provider_led",
    "training_programme",
    "Mentor training can only be provider-led",
)
explain(
    "ck_training_periods_withdrawal_pair",
    "withdrawal_reason",
    "A withdrawal needs both a date and a reason",
)
explain(
    "ck_training_periods_deferral_pair",
    "deferral_reason",
    "A deferral needs both a date and a reason",
)
explain(
    "ck_training_periods_withdrawn_or_deferred_finished",
    "finished_on",
    "Withdrawn or deferred training must have a finish date",
)

# Schools and GIAS (§1.6-§1.8).
explain("uq_schools_urn", "urn", "A school with this URN is already registered")
explain(
    "ck_schools_induction_tutor_has_name_and_email",
    "induction_tutor_email",
    "An induction tutor needs both a name and an email address",
)
explain(
    "ck_schools_last_lead_provider_only_with_provider_led",
    "last_chosen_lead_provider_id",
    "A lead provider is chosen only with provider-led training",
)
explain("uq_gias_schools_ukprn", "ukprn", "Another GIAS school has this UKPRN")
explain(
    "ck_gias_schools_known_establishment_type",
    "type_name",
    "This is not a GIAS establishment type",
)
explain(
    "uq_school_funding_eligibilities_urn_year",
    "contract_period_year",
    "This school's funding eligibility for this contract period is already recorded",
)
