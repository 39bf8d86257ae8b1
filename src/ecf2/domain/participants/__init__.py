"""The participants context: teachers, their placements at schools, their training and
mentorships; schools and what GIAS says of them."""

from ecf2.domain.participants.dated import current_or_next
from ecf2.domain.participants.gias import GiasSchool, GiasSchoolLink, SchoolFundingEligibility
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import (
    ECTAtSchoolPeriod,
    MentorAtSchoolPeriod,
    MentorPlacement,
    MentorshipPeriod,
)
from ecf2.domain.participants.school import School
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import (
    AnonymisationReason,
    DeferralReason,
    GiasSchoolStatus,
    MentorIneligibilityReason,
    MigrationMode,
    TrainingProgramme,
    TrainingRole,
    TrainingStatus,
    TrsInductionStatus,
    TrsResponse,
    WithdrawalReason,
    WorkingPattern,
)

__all__ = [
    "AnonymisationReason",
    "DeferralReason",
    "ECTAtSchoolPeriod",
    "GiasSchool",
    "GiasSchoolLink",
    "GiasSchoolStatus",
    "MentorAtSchoolPeriod",
    "MentorIneligibilityReason",
    "MentorPlacement",
    "MentorshipPeriod",
    "MigrationMode",
    "School",
    "SchoolFundingEligibility",
    "Teacher",
    "TrainingPeriod",
    "TrainingProgramme",
    "TrainingRole",
    "TrainingStatus",
    "TrsInductionStatus",
    "TrsResponse",
    "WithdrawalReason",
    "WorkingPattern",
    "current_or_next",
]
