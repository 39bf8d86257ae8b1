"""Inductions: appropriate bodies, induction periods, extensions, outcomes and drafts."""

from ecf2.domain.inductions.model import (
    AppropriateBody,
    AppropriateBodyType,
    InductionExtension,
    InductionOutcome,
    InductionPeriod,
    InductionProgramme,
    TrainingProgramme,
)
from ecf2.domain.inductions.submissions import (
    BatchStatus,
    BatchType,
    PendingInductionSubmission,
    PendingInductionSubmissionBatch,
)
from ecf2.domain.inductions.teacher_inductions import TeacherInductions

__all__ = [
    "AppropriateBody",
    "AppropriateBodyType",
    "BatchStatus",
    "BatchType",
    "InductionExtension",
    "InductionOutcome",
    "InductionPeriod",
    "InductionProgramme",
    "PendingInductionSubmission",
    "PendingInductionSubmissionBatch",
    "TeacherInductions",
    "TrainingProgramme",
]
