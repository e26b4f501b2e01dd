"""Shared fixtures: the project's paths, and the real site built once per test session."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Material prints an end-of-life notice on every run unless this is set.
QUIET_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SUB_PATH = "hmis-training"


def mkdocs_build(project_dir: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as a user would, and keep its output for the assertions."""
    env = {**QUIET_ENV, **({"SITE_URL": site_url} if site_url else {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir, env=env, capture_output=True, text=True, timeout=300,
    )


def copy_project(destination: Path) -> Path:
    """A throwaway copy of everything the build reads, for tests that break it on purpose."""
    for name in ("docs", "quizzes", "macros", "overrides"):
        shutil.copytree(PROJECT_DIR / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT_DIR / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


@pytest.fixture(scope="session")
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, free_port: int) -> Path:
    """The real site, built strictly under a sub-path as on GitHub Pages (<root>/hmis-training/)."""
    root = tmp_path_factory.mktemp("served")
    result = mkdocs_build(PROJECT_DIR, root / SUB_PATH, f"http://127.0.0.1:{free_port}/{SUB_PATH}/")
    assert result.returncode == 0, result.stderr
    return root / SUB_PATH
