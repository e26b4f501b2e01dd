"""All the site's content, loaded and checked in one place: by the build and by `make check`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .loader import load_banks
from .modules import Module, load_modules, nav_paths
from .pages import check_callouts, check_quiz_calls, rendered_pages
from .problems import Problem
from .schema import Bank
from .settings import Settings, load_settings


@dataclass(frozen=True)
class Content:
    banks: dict[str, Bank]
    modules: list[Module]
    settings: Settings
    unset_settings: list[str]  # still FIXME in local/settings.yml
    problems: list[Problem]


def load_content(project_dir: Path, docs_dir: Path, nav: object) -> Content:
    banks, problems = load_banks(project_dir)
    modules, found = load_modules(docs_dir, project_dir, nav_paths(nav))
    settings, unset, settings_problems = load_settings(project_dir)
    pages = rendered_pages(docs_dir, project_dir)
    problems += found + settings_problems + check_quiz_calls(pages, project_dir, banks)
    problems += check_callouts(pages, project_dir)
    return Content(banks, modules, settings, unset, problems)
