"""The CoC's own settings, from local/settings.yml: who it is, its help desk and documents, its
data quality benchmarks and the quiz pass mark. A value still written FIXME is unset: the site
then shows a setup checklist instead of a broken page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from pydantic import BeforeValidator, Field, StringConstraints

from .loader import read_text, read_yaml_file, validate
from .problems import Problem
from .schema import COC_CODE_PATTERN, URL_PATTERN, Strict

SETTINGS_FILE = "local/settings.yml"
FIXME = "FIXME"


def _unset_if_blank(value: Any) -> Any:
    return None if value in {FIXME, ""} else value


Unset = BeforeValidator(_unset_if_blank)
Url = Annotated[Annotated[str, StringConstraints(pattern=URL_PATTERN)] | None, Unset]
Text = Annotated[Annotated[str, StringConstraints(strip_whitespace=True)] | None, Unset]
CocCode = Annotated[Annotated[str, StringConstraints(pattern=COC_CODE_PATTERN)] | None, Unset]


class Coc(Strict):
    name: Text = None
    number: CocCode = None


class Hmis(Strict):
    software: Text = None
    vendor: Text = None


class HelpDesk(Strict):
    email: Text = None
    phone: Text = None
    hours: Text = None
    ticket_url: Url = None


class Documents(Strict):
    policies_and_procedures: Url = None
    privacy_notice: Url = None
    user_agreement: Url = None
    data_quality_plan: Url = None


class DataQuality(Strict):
    timeliness_days: Annotated[Annotated[int, Field(ge=0)] | None, Unset] = None
    completeness_percent: Annotated[Annotated[float, Field(gt=0, le=100)] | None, Unset] = None


class Quiz(Strict):
    pass_mark_percent: int = Field(80, ge=1, le=100)


# Material's palette colours (https://squidfunk.github.io/mkdocs-material/setup/changing-the-colors/).
COLOURS = ("red", "pink", "purple", "deep purple", "indigo", "blue", "light blue", "cyan", "teal", "green",
           "light green", "lime", "yellow", "amber", "orange", "deep orange", "brown", "grey", "blue grey",
           "black", "white")


class Branding(Strict):
    primary_colour: Literal[COLOURS] = "indigo"  # type: ignore[valid-type]
    logo: Text = None  # a file in local/assets/, e.g. "logo.png"


class Settings(Strict):
    coc: Coc = Coc()
    hmis: Hmis = Hmis()
    help_desk: HelpDesk = HelpDesk()
    documents: Documents = Documents()
    data_quality: DataQuality = DataQuality()
    quiz: Quiz = Quiz()
    branding: Branding = Branding()


def still_fixme(data: Any, prefix: str = "") -> list[str]:
    """The settings a CoC has not set yet, as dotted names such as 'help_desk.email'."""
    if isinstance(data, dict):
        return [name for key, value in data.items() for name in still_fixme(value, f"{prefix}{key}.")]
    return [prefix.rstrip(".")] if data == FIXME else []


def load_settings(project_dir: Path) -> tuple[Settings, list[str], list[Problem]]:
    """The settings, the names still FIXME, and any problem in the file (with its line)."""
    path = project_dir / SETTINGS_FILE
    if not path.is_file():
        return Settings(), [], []
    root, data, problems = read_yaml_file(path, SETTINGS_FILE)
    if problems:
        return Settings(), [], problems
    settings, problems = validate(Settings, data or {}, root, SETTINGS_FILE)
    logo = settings.branding.logo if settings else None
    if logo and not (project_dir / "local" / "assets" / logo).is_file():
        line = next((n for n, text in enumerate((read_text(path, SETTINGS_FILE)[0] or "").splitlines(), 1)
                     if text.strip().startswith("logo:")), 1)
        problems.append(Problem(SETTINGS_FILE, line, "branding.logo",
                                f"there is no file local/assets/{logo}; put the logo there or leave logo empty"))
    return settings or Settings(), still_fixme(data), problems


DEFAULT_SITE_NAME = "HMIS Training"  # as in mkdocs.yml; a fork's own site_name is kept


def apply_to_config(settings: Settings, config: MkDocsConfig) -> None:
    """The CoC's name, header colour and logo, applied to the site's configuration."""
    if settings.coc.name and config["site_name"] == DEFAULT_SITE_NAME:
        config["site_name"] = f"{settings.coc.name}: {DEFAULT_SITE_NAME}"
    branding = settings.branding
    if "primary_colour" in branding.model_fields_set:  # only when set, so a fork's own palette is kept
        for scheme in config["theme"]["palette"]:
            scheme["primary"] = branding.primary_colour
    if branding.logo:
        config["theme"]["logo"] = f"local/{branding.logo}"
