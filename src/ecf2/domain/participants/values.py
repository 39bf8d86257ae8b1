"""The participants context's enumerations, stored by the values the spec names."""

from __future__ import annotations

from enum import StrEnum


class TrsInductionStatus(StrEnum):
    NONE = "None"
    REQUIRED_TO_COMPLETE = "RequiredToComplete"
    IN_PROGRESS = "InProgress"
    PASSED = "Passed"
    FAILED = "Failed"
    FAILED_IN_WALES = "FailedInWales"
    EXEMPT = "Exempt"

    @property
    def allows_claim(self) -> bool:
        """Only a teacher who has not finished or been exempted may be claimed (b.1)."""
        return self in (self.NONE, self.REQUIRED_TO_COMPLETE, self.IN_PROGRESS)


class TrsResponse(StrEnum):
    OK = "ok"
    NOT_FOUND = "not_found"
    GONE = "gone"
    PERMANENT_REDIRECT = "permanent_redirect"


class MentorIneligibilityReason(StrEnum):
    COMPLETED_DECLARATION_RECEIVED = "completed_declaration_received"
    COMPLETED_DURING_EARLY_ROLL_OUT = "completed_during_early_roll_out"
    STARTED_NOT_COMPLETED = "started_not_completed"


class MigrationMode(StrEnum):
    LATEST_INDUCTION_RECORDS = "latest_induction_records"
    ALL_INDUCTION_RECORDS = "all_induction_records"
    NOT_MIGRATED = "not_migrated"


class AnonymisationReason(StrEnum):
    REGISTERED_IN_ERROR = "registered_in_error"
    TEACHER_RECORD_MERGED = "teacher_record_merged"


class WorkingPattern(StrEnum):
    PART_TIME = "part_time"
    FULL_TIME = "full_time"


class TrainingProgramme(StrEnum):
    PROVIDER_LED = "provider_led"
    SCHOOL_LED = "school_led"


class TrainingRole(StrEnum):
    """Whose training a training period is: the ECT's or the mentor's."""

    ECT = "ect"
    MENTOR = "mentor"


class WithdrawalReason(StrEnum):
    LEFT_TEACHING_PROFESSION = "left_teaching_profession"
    MOVED_SCHOOL = "moved_school"
    MENTOR_NO_LONGER_BEING_MENTOR = "mentor_no_longer_being_mentor"
    SWITCHED_TO_SCHOOL_LED = "switched_to_school_led"
    CHANGED_LEAD_PROVIDER = "changed_lead_provider"
    OTHER = "other"


class DeferralReason(StrEnum):
    BEREAVEMENT = "bereavement"
    LONG_TERM_SICKNESS = "long_term_sickness"
    PARENTAL_LEAVE = "parental_leave"
    CAREER_BREAK = "career_break"
    OTHER = "other"


class TrainingStatus(StrEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"
    DEFERRED = "deferred"


class GiasSchoolStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    PROPOSED_TO_CLOSE = "proposed_to_close"
    PROPOSED_TO_OPEN = "proposed_to_open"
