import pytest

from ecf2.settings import Environment, Settings, SettingsError, SignInMode, TrsMode


def test_the_embedded_default_needs_no_settings():
    settings = Settings.from_environment({})
    assert settings.embedded
    assert settings.trs_mode is TrsMode.FAKE
    assert settings.sign_in_mode is SignInMode.PERSONAS
    assert settings.seed_demo_data
    assert settings.port == 8000


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ECF2_PORT", "eighty"),
        ("ECF2_PORT", "70000"),
        ("ECF2_ENV", "staging-ish"),
        ("ECF2_DATABASE_URL", "mysql://x"),
        ("ECF2_TIME_TRAVEL", "perhaps"),
        ("ECF2_TRS_URL", "trs.example"),
    ],
)
def test_a_malformed_setting_stops_start_up_naming_it(name, value):
    with pytest.raises(SettingsError, match=name):
        Settings.from_environment({name: value})


def test_production_needs_a_secret_key():
    with pytest.raises(SettingsError, match="ECF2_SECRET_KEY must be set"):
        Settings.from_environment({"ECF2_ENV": "production"})


def test_production_refuses_the_fakes():
    environ = {"ECF2_ENV": "production", "ECF2_SECRET_KEY": "x" * 40}
    with pytest.raises(SettingsError, match="ECF2_TRS_MODE=fake"):
        Settings.from_environment(environ | {"ECF2_TRS_MODE": "fake"})
    with pytest.raises(SettingsError, match="ECF2_TIME_TRAVEL"):
        Settings.from_environment(
            environ
            | {
                "ECF2_TRS_MODE": "real",
                "ECF2_SIGN_IN_MODE": "dfe_sign_in",
                "ECF2_TIME_TRAVEL": "true",
            }
        )


def test_a_plain_postgresql_url_uses_psycopg_3():
    settings = Settings.from_environment({"ECF2_DATABASE_URL": "postgresql://u@h/db"})
    assert settings.database_url == "postgresql+psycopg://u@h/db"
    assert not settings.seed_demo_data
    assert settings.env is Environment.DEVELOPMENT


def test_the_real_trs_needs_its_url_and_key():
    environ = {
        "ECF2_ENV": "production",
        "ECF2_SECRET_KEY": "x" * 40,
        **DFE_SIGN_IN,
    }
    with pytest.raises(SettingsError, match="ECF2_TRS_URL"):
        Settings.from_environment(environ)
    with pytest.raises(SettingsError, match="ECF2_TRS_API_KEY"):
        Settings.from_environment(environ | {"ECF2_TRS_URL": "https://trs.example/"})
    settings = Settings.from_environment(
        environ | {"ECF2_TRS_URL": "https://trs.example/", "ECF2_TRS_API_KEY": "key"}
    )
    assert settings.trs_mode is TrsMode.REAL
    assert settings.trs_url == "https://trs.example"


DFE_SIGN_IN = {
    "ECF2_SIGN_IN_MODE": "dfe_sign_in",
    "ECF2_DFE_SIGN_IN_ISSUER": "https://oidc.example.org/",
    "ECF2_DFE_SIGN_IN_CLIENT_ID": "ecf2",
    "ECF2_DFE_SIGN_IN_CLIENT_SECRET": "client-secret",
    "ECF2_DFE_SIGN_IN_REDIRECT_URI": "https://ecf2.example.org/auth/dfe/callback",
    "ECF2_DFE_SIGN_IN_API_URL": "https://api.example.org",
    "ECF2_DFE_SIGN_IN_API_SECRET": "api-secret",
}


def test_dfe_sign_in_settings_are_read_together():
    dsi = Settings.from_environment(DFE_SIGN_IN).dfe_sign_in
    assert dsi is not None
    assert dsi.issuer == "https://oidc.example.org"
    assert dsi.api_audience == "signin.education.gov.uk"
    assert dsi.post_logout_redirect_uri == "https://ecf2.example.org/auth/dfe_sign_in/logout"


@pytest.mark.parametrize(
    "missing",
    [name for name in DFE_SIGN_IN if name not in ("ECF2_SIGN_IN_MODE", "ECF2_DFE_SIGN_IN_ISSUER")],
)
def test_with_an_issuer_every_other_dfe_sign_in_setting_is_needed(missing):
    environ = {name: value for name, value in DFE_SIGN_IN.items() if name != missing}
    with pytest.raises(SettingsError, match=f"{missing} must be set"):
        Settings.from_environment(environ)


def test_production_dfe_sign_in_needs_an_issuer_elsewhere_the_fake_will_do():
    production = {
        "ECF2_ENV": "production",
        "ECF2_SECRET_KEY": "x" * 40,
        "ECF2_TRS_URL": "https://t",
        "ECF2_TRS_API_KEY": "k",
    }
    with pytest.raises(SettingsError, match="ECF2_DFE_SIGN_IN_ISSUER must be set"):
        Settings.from_environment(production)
    assert Settings.from_environment({"ECF2_SIGN_IN_MODE": "dfe_sign_in"}).dfe_sign_in is None


def test_notify_needs_its_key_and_template():
    with pytest.raises(SettingsError, match="ECF2_NOTIFY_API_KEY must be set"):
        Settings.from_environment({"ECF2_EMAIL_MODE": "notify"})
    with pytest.raises(SettingsError, match="ECF2_NOTIFY_TEMPLATE_ID must be set"):
        Settings.from_environment({"ECF2_EMAIL_MODE": "notify", "ECF2_NOTIFY_API_KEY": "k"})
    settings = Settings.from_environment(
        {"ECF2_EMAIL_MODE": "notify", "ECF2_NOTIFY_API_KEY": "k", "ECF2_NOTIFY_TEMPLATE_ID": "t"}
    )
    assert settings.notify is not None
    assert settings.notify.base_url is None
    assert Settings.from_environment({}).email_mode == "outbox"
