"""Which page follows in "register a new mentor" once the mentor's start date and
history are known (participants-and-schools §3.2 steps 6-7), on the answers alone."""

from __future__ import annotations

import pytest

from ecf2.entrypoints.web.schools.register_mentor_steps import after_email
from ecf2.entrypoints.web.schools.register_mentor_training import (
    after_previous_training,
    after_start_date,
)

PROVIDER_LED = {"training_route": "provider_led"}


@pytest.mark.parametrize(
    ("answers", "following"),
    [
        ({"not_open_yet": True} | PROVIDER_LED, "cannot-register-yet"),
        ({"training_route": "none", "previously_trained": True}, "check-answers"),
        (PROVIDER_LED | {"previously_trained": True}, "previous-training"),
        (PROVIDER_LED | {"ect_lead_provider_valid": True}, "programme-choices"),
        (PROVIDER_LED | {"ect_lead_provider_valid": False}, "lead-provider"),
    ],
)
def test_after_the_start_date(answers, following):
    assert after_start_date(answers) == following


@pytest.mark.parametrize(
    ("valid", "following"), [(True, "programme-choices"), (False, "lead-provider")]
)
def test_after_the_previous_training_the_ects_lead_provider_is_offered_if_it_can_train(
    valid, following
):
    assert after_previous_training(PROVIDER_LED | {"ect_lead_provider_valid": valid}) == following


@pytest.mark.parametrize(
    ("answers", "following"),
    [
        ({"history": "mentor_elsewhere"}, "only-this-school"),
        ({"history": "previously_a_mentor"}, "start-date"),
        ({"history": "never_a_mentor", "training_route": "none"}, "check-answers"),
        (
            {"history": "never_a_mentor", "ect_lead_provider_valid": True} | PROVIDER_LED,
            "funded-training",
        ),
        (
            {"history": "never_a_mentor", "ect_lead_provider_valid": False} | PROVIDER_LED,
            "lead-provider",
        ),
    ],
)
def test_after_the_email(answers, following):
    assert after_email(answers) == following
