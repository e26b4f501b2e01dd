"""The CoC's own settings, from local/settings.yml: who it is, its help desk and documents, its
data quality benchmarks, the quiz pass mark, who may reveal answers and the review intervals.

Upstream ships no local/settings.yml: the defaults live here and the commented template in
settings.example.yml, so a fork's file holds only what the CoC sets and an upstream update never
conflicts with it. A setting the CoC has not given (or left as FIXME, as older templates said)
is unset: the site then shows a setup checklist instead of a broken page. Every value is plain
text, shown as written."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Annotated, Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

from ..cache import Load, read_directly
from ..loader import read_text, read_yaml_file, validate
from ..problems import Problem
from ..safe_markdown import is_safe_url
from ..formats import ASSET_PATTERN, COC_CODE_PATTERN, EMAIL_PATTERN, ONE_LINE_PATTERN, URL_PATTERN, Strict, not_boolean

SETTINGS_FILE = "local/settings.yml"
EXAMPLE_FILE = "settings.example.yml"
FIXME = "FIXME"  # "not set yet", in copies of the template from before December 2026
# What the setup checklist asks a CoC for; the other settings have defaults or are optional.
CHECKLIST = ("coc.name", "coc.number", "hmis.software", "hmis.vendor", "help_desk.email", "help_desk.phone",
             "help_desk.hours", "documents.policies_and_procedures", "documents.privacy_notice",
             "documents.user_agreement", "documents.data_quality_plan", "data_quality.timeliness_days",
             "data_quality.completeness_percent")


def _unset_if_blank(value: Any) -> Any:
    return None if value in {FIXME, ""} else value


def safe_url(value: str) -> str:
    if not is_safe_url(value, allow_relative=False):
        raise ValueError(f"'{value}' is not a safe web address: write one that starts with https://")
    return value


Unset = BeforeValidator(_unset_if_blank)
Url = Annotated[Annotated[str, StringConstraints(pattern=URL_PATTERN), AfterValidator(safe_url)] | None, Unset]
Text = Annotated[Annotated[str, StringConstraints(strip_whitespace=True, pattern=ONE_LINE_PATTERN)] | None, Unset]
Asset = Annotated[Annotated[str, StringConstraints(strip_whitespace=True, pattern=ASSET_PATTERN)] | None, Unset]
Email = Annotated[Annotated[str, StringConstraints(strip_whitespace=True, pattern=EMAIL_PATTERN)] | None, Unset]
CocCode = Annotated[Annotated[str, StringConstraints(pattern=COC_CODE_PATTERN)] | None, Unset]


class Coc(Strict):
    name: Text = None
    number: CocCode = None


class Hmis(Strict):
    software: Text = None
    vendor: Text = None


class HelpDesk(Strict):
    email: Email = None
    phone: Text = None
    hours: Text = None
    ticket_url: Url = None


class Documents(Strict):
    policies_and_procedures: Url = None
    privacy_notice: Url = None
    user_agreement: Url = None
    data_quality_plan: Url = None


NotBoolean = BeforeValidator(not_boolean)  # YAML reads `yes` as true, which would pass as 1


class DataQuality(Strict):
    timeliness_days: Annotated[Annotated[int, Field(ge=0), NotBoolean] | None, Unset] = None
    completeness_percent: Annotated[Annotated[float, Field(gt=0, le=100), NotBoolean] | None, Unset] = None


class Quiz(Strict):
    pass_mark_percent: Annotated[int, NotBoolean] = Field(80, ge=1, le=100)


class Training(Strict):
    """Who sees answers, and where completion records go (macros/records/)."""
    # link: trainer tools appear only on a device that opened the link on the trainers page;
    # open: in every header, as before December 2026; off: never.
    trainer_view: Literal["link", "open", "off"] = "link"
    contact_email: Email = None  # the HMIS Lead's address for records; else help_desk.email
    # The CoC's own rules, one a line: who finishes which path, by when, how often to retrain, how
    # completion is recorded. Shown on "Your CoC" and in the training plan.
    requirements: list[Text] = []


def _longer_each_time(days: list[int]) -> list[int]:
    if any(later <= earlier for earlier, later in zip(days, days[1:])):
        raise ValueError(f"{days} must grow from box to box, e.g. [1, 3, 7, 21]: each interval longer than the one before")
    return days


Days = Annotated[int, NotBoolean, Field(ge=1, le=366)]


class Review(Strict):
    """The Leitner boxes of the review page: box n's questions come back intervals_days[n-1] days
    after a right answer; a missed question goes back to box 1, due the same day."""

    intervals_days: Annotated[list[Days], Field(min_length=1, max_length=10),
                              AfterValidator(_longer_each_time)] = [1, 3, 7, 21]


# Material's palette colours (https://squidfunk.github.io/mkdocs-material/setup/changing-the-colors/)
# whose white header text, and links in that colour on white, pass WCAG AA contrast (4.5:1); the
# others, teal and blue among them, do not (tests/coc/test_settings.py measures them in Material's CSS).
COLOURS = ("purple", "deep purple", "indigo", "brown", "grey", "blue grey")


class Branding(Strict):
    primary_colour: Literal[COLOURS] = "indigo"  # type: ignore[valid-type]
    logo: Asset = None  # a file in local/assets/, e.g. "logo.png"


class Settings(Strict):
    coc: Coc = Coc()
    hmis: Hmis = Hmis()
    help_desk: HelpDesk = HelpDesk()
    documents: Documents = Documents()
    data_quality: DataQuality = DataQuality()
    quiz: Quiz = Quiz()
    training: Training = Training()
    review: Review = Review()
    branding: Branding = Branding()


def unset(data: Any) -> list[str]:
    """The checklist's settings the CoC has not given yet, as dotted names such as 'help_desk.email'.
    A setting given as "" does not apply to the CoC, so it is not asked for again."""
    def given(name: str) -> bool:
        value = data
        for key in name.split("."):
            if not isinstance(value, dict) or key not in value:
                return False
            value = value[key]
        return value != FIXME
    return [name for name in CHECKLIST if not given(name)]


def load_settings(project_dir: Path, load: Load = read_directly) -> tuple[Settings, list[str], list[Problem]]:
    """The settings, the names still unset, and any problem in the file (with its line)."""
    path = project_dir / SETTINGS_FILE
    if not path.is_file():
        return Settings(), list(CHECKLIST), []
    root, data, problems = load(read_yaml_file, path, SETTINGS_FILE)
    if problems:
        return Settings(), [], problems
    settings, problems = validate(Settings, data or {}, root, SETTINGS_FILE)
    logo = settings.branding.logo if settings else None
    if logo and not (project_dir / "local" / "assets" / logo).is_file():
        line = next((n for n, text in enumerate((read_text(path, SETTINGS_FILE)[0] or "").splitlines(), 1)
                     if text.strip().startswith("logo:")), 1)
        problems.append(Problem(SETTINGS_FILE, line, "branding.logo",
                                f"there is no file local/assets/{logo}; put the logo there or leave logo empty"))
    return settings or Settings(), unset(data), problems


DEFAULT_SITE_NAME = "HMIS Training"  # as in mkdocs.yml; a fork's own site_name is kept


def apply_to_config(settings: Settings, config: MkDocsConfig) -> None:
    """The CoC's name, header colour and logo, applied to the site's configuration."""
    if settings.coc.name and config["site_name"] == DEFAULT_SITE_NAME:
        # Material prints the name as HTML, and escapes it again in attributes: escaped text is right in both.
        config["site_name"] = html.escape(f"{settings.coc.name}: {DEFAULT_SITE_NAME}")
    branding = settings.branding
    if "primary_colour" in branding.model_fields_set:  # only when set, so a fork's own palette is kept
        for scheme in config["theme"]["palette"]:
            scheme["primary"] = branding.primary_colour
    if branding.logo:
        config["theme"]["logo"] = f"local/{branding.logo}"
