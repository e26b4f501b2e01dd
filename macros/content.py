"""All the site's content, loaded and checked in one place: by the build and by `make check`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .loader import load_banks
from .modules import Module, load_modules, nav_paths
from .pages import check_quiz_calls
from .problems import Problem
from .schema import Bank


@dataclass(frozen=True)
class Content:
    banks: dict[str, Bank]
    modules: list[Module]
    problems: list[Problem]


def load_content(project_dir: Path, docs_dir: Path, nav: object) -> Content:
    banks, problems = load_banks(project_dir)
    modules, found = load_modules(docs_dir, project_dir, nav_paths(nav))
    problems += found + check_quiz_calls(docs_dir, project_dir, banks)
    return Content(banks, modules, problems)
