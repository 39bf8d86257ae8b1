import pytest

from ecf2.adapters.notify.wording import wording
from ecf2.domain.shared.emails import Email, EmailTemplate

EVERYTHING = {
    "name": "Ali Ect",
    "school_name": "Oak School",
    "lead_provider_name": "Ambition Institute",
    "start_date": "1 September 2026",
    "ect_name": "Bo Ect",
}


@pytest.mark.parametrize("template", list(EmailTemplate))
def test_every_email_can_be_written_from_its_fields(template):
    fields = {name: EVERYTHING[name] for name in template.fields}
    words = wording(Email(template, "ali@oak.example.org", fields))
    assert words.subject
    assert "Dear Ali Ect" in words.body
    assert "{" not in words.body


def test_an_email_missing_a_field_is_refused():
    with pytest.raises(ValueError, match="needs lead_provider_name"):
        Email(
            EmailTemplate.ECT_REGISTERED_PROVIDER_LED,
            "ali@oak.example.org",
            {"name": "Ali", "school_name": "Oak", "start_date": "1 September 2026"},
        )


def test_an_email_needs_an_address():
    with pytest.raises(ValueError, match="not an email address"):
        Email(EmailTemplate.INDUCTION_TUTOR_CONFIRMED, "nobody", {"name": "A", "school_name": "B"})


def test_provider_led_and_school_led_registrations_say_different_things():
    provider_led = wording(
        Email(EmailTemplate.ECT_REGISTERED_PROVIDER_LED, "ali@oak.example.org", EVERYTHING)
    )
    school_led = wording(
        Email(EmailTemplate.ECT_REGISTERED_SCHOOL_LED, "ali@oak.example.org", EVERYTHING)
    )
    assert "Ambition Institute" in provider_led.body
    assert "Ambition Institute" not in school_led.body
