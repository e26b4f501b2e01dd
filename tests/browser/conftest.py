"""Browser tests: Debian's Chromium driven by Playwright, against a strict build served locally.

The site under test is the real project, with this checkout's own local/ (on a fork, the CoC's
content), plus one test page (tests/fixtures/render/sample.yml) that has every question type,
served under a sub-path as on GitHub Pages.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Page

from helpers import FIXTURES, PROJECT_DIR, SUB_PATH, copy_project, leave_out_of_nav, mkdocs_build

# Flags for a root user on a machine with no network (see toolchain notes).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]
INSTALL_HINT = ("Chromium not found for the browser tests: install Debian's package "
                "(sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.")
SAMPLE_PAGE = "# Sample quiz\n\nEvery question type, for the browser tests.\n\n{{ quiz(\"sample\") }}\n"


def chromium_path() -> str | None:
    candidates = [os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"]
    return next((path for path in candidates if path and os.access(path, os.X_OK)), None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(INSTALL_HINT + " CI must run every browser test.")
        pytest.skip(INSTALL_HINT)
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, ThreadingHTTPServer]]:
    """Serve an empty folder first, so the build can know the port it will be served on."""
    root = tmp_path_factory.mktemp("served")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, server
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(site_root: tuple[Path, ThreadingHTTPServer], tmp_path_factory: pytest.TempPathFactory) -> str:
    root, server = site_root
    url = f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    project = copy_project(tmp_path_factory.mktemp("project"), local=PROJECT_DIR / "local")
    shutil.copy(FIXTURES / "render" / "sample.yml", project / "quizzes" / "sample.yml")
    (project / "docs" / "sample-quiz.md").write_text(SAMPLE_PAGE, encoding="utf-8")
    leave_out_of_nav(project, "sample-quiz.md")
    result = mkdocs_build(project, root / SUB_PATH, url)
    assert result.returncode == 0, result.stderr
    return url


@pytest.fixture(scope="session")
def site_pages(base_url: str, site_root: tuple[Path, ThreadingHTTPServer]) -> list[str]:
    """Every page of the built site, as paths relative to the site's base URL ("" is the home page)."""
    site = site_root[0] / SUB_PATH
    return sorted(page.relative_to(site).parent.as_posix().removeprefix(".") + "/" if page.parent != site else ""
                  for page in site.rglob("index.html"))


@pytest.fixture
def page_errors(page: Page) -> list[str]:
    """Uncaught exceptions and console errors on the page; tests assert this stays empty."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors
