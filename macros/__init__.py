"""mkdocs-macros entry point: wiring only. The work lives in the modules named below."""

from __future__ import annotations

import importlib
from pathlib import Path

from . import problems, schema, loader, pages, safe_markdown, render

_builds = 0


def define_env(env) -> None:
    """Validate all quiz content before any page renders, then offer {{ quiz("<bank-id>") }}."""
    global _builds
    # `mkdocs serve` keeps this package imported between rebuilds; reload so code edits apply.
    if _builds:
        for module in (problems, schema, loader, pages, safe_markdown, render):
            importlib.reload(module)
    _builds += 1

    project_dir = Path(env.project_dir)
    banks, found = loader.load_banks(project_dir)
    found += pages.check_quiz_calls(Path(env.conf["docs_dir"]), project_dir, banks)
    problems.fail_on(found)

    renderer = render.QuizRenderer(env.conf, banks)

    @env.macro
    def quiz(bank_id: str) -> str:
        """The self-checking quiz for quizzes/<bank_id>.yml."""
        return renderer.render(bank_id)
