"""The jinja2 environment: our templates first, then the GOV.UK Frontend macros."""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template import TemplateConfig

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
GOVUK_ASSETS = STATIC / "govuk"


def jinja_environment() -> Environment:
    loader = ChoiceLoader(
        [
            FileSystemLoader(TEMPLATES),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    return Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    environment = jinja_environment()
    return TemplateConfig(engine=JinjaTemplateEngine.from_environment(environment), directory=None)
