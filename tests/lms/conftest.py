"""The LMS exports, built once per session by `python -m macros.lms` as `make lms` runs it, and
Chromium for the runtime test (launched as tests/browser/conftest.py launches it)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lms_helpers import make_lms

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]
INSTALL_HINT = ("Chromium not found for the browser tests: install Debian's package "
                "(sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.")


@pytest.fixture(scope="session")
def lms_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("lms") / "site-lms"
    result = make_lms(out)
    assert result.returncode == 0, result.stderr
    return out


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name.endswith("_browser.py"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    candidates = [os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"]
    path = next((path for path in candidates if path and os.access(path, os.X_OK)), None)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(INSTALL_HINT + " CI must run every browser test.")
        pytest.skip(INSTALL_HINT)
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}
