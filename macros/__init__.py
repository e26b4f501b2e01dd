"""mkdocs-macros entry point: wiring only. The work lives in the modules named below."""

from __future__ import annotations

import importlib
from pathlib import Path

from . import problems, schema, loader, pages, modules, content, safe_markdown, render

_builds = 0


def define_env(env) -> None:
    """Check all content before any page renders, then offer the macros pages call."""
    global _builds
    # `mkdocs serve` keeps this package imported between rebuilds; reload so code edits apply.
    if _builds:
        for module in (problems, schema, loader, pages, modules, content, safe_markdown, render):
            importlib.reload(module)
    _builds += 1

    site = content.load_content(Path(env.project_dir), Path(env.conf["docs_dir"]), env.conf["nav"])
    problems.fail_on(site.problems)
    templates = render.template_environment(env.conf)
    quizzes = render.QuizRenderer(env.conf, templates, site.banks)

    @env.macro
    def quiz(bank_id: str) -> str:
        """The self-checking quiz for quizzes/<bank_id>.yml."""
        return quizzes.render(bank_id)

    @env.macro
    def module_list(level: str) -> str:
        """Links to every module of one level ("introductory" or "advanced"), in navigation order."""
        chosen = [module for module in site.modules if module.meta.level == level]
        return render.render_module_list(templates, chosen, env.page.file.src_uri)
