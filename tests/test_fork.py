"""The whole test suite passes on a fork customised as docs/host-your-own.md describes, so a CoC's
Pages workflow (which runs the tests before it deploys) publishes its site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES, PROJECT_DIR, QUIET_ENV

RIVERBEND = FIXTURES / "local-coc" / "local"  # every setting filled, a page, a module in a path, a callout, a logo
INNER_RUN = "HMIS_TRAINING_FORK_RUN"  # set in the fork's own run, so it does not start another
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "site-offline", "test-results",
                                    "__pycache__", ".pytest_cache", "*.zip")


@pytest.mark.skipif(os.environ.get(INNER_RUN) == "1", reason="this is the fork's own run")
def test_the_whole_suite_passes_on_a_customised_fork(tmp_path: Path) -> None:
    fork = tmp_path / "fork"
    shutil.copytree(PROJECT_DIR, fork, ignore=NOT_COPIED)
    shutil.rmtree(fork / "local")
    shutil.copytree(RIVERBEND, fork / "local")
    if (PROJECT_DIR / "node_modules").is_dir():  # the HTML checker, installed by `make test`
        (fork / "node_modules").symlink_to(PROJECT_DIR / "node_modules")

    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=fork,
                            env={**QUIET_ENV, INNER_RUN: "1"}, capture_output=True, text=True, timeout=3000)

    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]
