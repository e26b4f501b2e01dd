"""What several test modules share: the project's paths and how to build a copy of the site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Material prints an end-of-life notice on every run unless this is set.
QUIET_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SUB_PATH = "hmis-training"
# A small bank for sites built from banks alone (macros.quiz.engine).
INTAKE_BANK = {
    "title": "Intake basics",
    "questions": [
        {"id": "hoh", "type": "single", "prompt": "Who answers the household's questions?",
         "options": [{"text": "The head of household", "correct": True}, {"text": "The youngest member"}],
         "explanation": "Each household has one head of household.", "source": "Good practice (test bank)"},
        {"id": "consent", "type": "true-false", "prompt": "Consent to share is asked at intake.", "answer": True,
         "explanation": "It is asked before information is shared.", "source": "Good practice (test bank)"},
    ],
}


def mkdocs_build(project_dir: Path, site_dir: Path, site_url: str | None = None,
                 config: str = "mkdocs.yml", base_env: dict[str, str] = QUIET_ENV) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as a user would, and keep its output for the assertions."""
    env = {**base_env, **({"SITE_URL": site_url} if site_url else {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config, "--site-dir", str(site_dir)],
        cwd=project_dir, env=env, capture_output=True, text=True, timeout=300,
    )


def read_mkdocs_config(name: str = "mkdocs.yml") -> dict:
    """A config file as data, with each !ENV tag read as its default."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda load, node: load.construct_sequence(node)[-1])
    return yaml.load((PROJECT_DIR / name).read_text(encoding="utf-8"), Loader=loader)


def leave_out_of_nav(project: Path, page: str) -> None:
    """Add a test page to the copy's not_in_nav list, so the strict build accepts it."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "not_in_nav: |\n" in text
    config.write_text(text.replace("not_in_nav: |\n", f"not_in_nav: |\n  /{page}\n"), encoding="utf-8")


def copy_project(destination: Path, local: Path | None = None) -> Path:
    """A throwaway copy of everything the build reads, for tests that add to it or break it.
    Its local/ is `local` (a CoC's folder), or else as upstream ships it, empty, whatever this
    checkout's own local/ holds: a fork's customisation never changes what such a test sees."""
    for name in ("docs", "quizzes", "macros", "overrides"):
        shutil.copytree(PROJECT_DIR / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    for config in ("mkdocs.yml", "mkdocs.offline.yml"):
        shutil.copy(PROJECT_DIR / config, destination / config)
    if local is None:
        for folder in ("assets", "callouts", "pages", "quizzes"):
            (destination / "local" / folder).mkdir(parents=True)
    else:
        shutil.copytree(local, destination / "local")
    return destination


def quiz_engine_site(destination: Path, banks: dict[str, dict], page: str) -> Path:
    """A site with nothing but the quiz engine: one page, its banks in quizzes/, this project's
    overrides/ and Markdown extensions, and macros.quiz.engine as the only macros module. No
    curriculum, paths, settings or local/ exist there."""
    config = read_mkdocs_config()
    site = {
        "site_name": "Quiz engine alone",
        "theme": {**config["theme"], "custom_dir": str(PROJECT_DIR / "overrides")},
        "markdown_extensions": config["markdown_extensions"],
        "plugins": {"search": {}, "macros": {"modules": ["macros.quiz.engine"], "on_error_fail": True}},
    }
    (destination / "quizzes").mkdir(parents=True)
    (destination / "docs").mkdir()
    for bank_id, bank in banks.items():
        (destination / "quizzes" / f"{bank_id}.yml").write_text(yaml.safe_dump(bank, sort_keys=False),
                                                                 encoding="utf-8")
    (destination / "docs" / "index.md").write_text(page, encoding="utf-8")
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(site, sort_keys=False), encoding="utf-8")
    return destination


# The engine is imported from this checkout, wherever the site is.
ENGINE_ENV = {**QUIET_ENV, "PYTHONPATH": str(PROJECT_DIR)}


def open_trainer_tools(page, trainers_page: str = "trainers/") -> None:
    """Open the trainers page's link that turns trainer tools on for this browser (the default
    training.trainer_view, "link"); on a site set to "open" it changes nothing."""
    page.goto(trainers_page + "?trainer-tools=on")
    page.locator(".trainer-toggle").first.wait_for(state="attached")
