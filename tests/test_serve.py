"""`make serve` with a bad edit: the problem is printed on one line, pages keep answering from the
last good build, and saving the fix rebuilds the page, with live reload on as editors use it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from helpers import QUIET_ENV, copy_project

PAGE = "introductory/help-desk/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str:
    """The page, or '' while the server is not up yet or is still rebuilding (it answers once done)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return condition()


def test_a_bad_edit_keeps_the_last_good_build_and_the_fix_reloads(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    url = f"http://127.0.0.1:{free_port()}/"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", url[7:-1]], cwd=project,
                                  env=QUIET_ENV, stdout=output, stderr=subprocess.STDOUT)
    try:
        assert wait_for(lambda: "Help desk check" in fetch(url + PAGE), 90), log.read_text(encoding="utf-8")
        assert "livereload" in fetch(url + PAGE)
        bank = project / "quizzes" / "help-desk.yml"
        good = bank.read_text(encoding="utf-8")

        bank.write_text(good.replace("type: multiple", "type: truefalse", 1), encoding="utf-8")
        assert wait_for(lambda: "The site was not rebuilt" in log.read_text(encoding="utf-8"), 60)
        printed = log.read_text(encoding="utf-8")
        assert "ERROR   -  1 problem in the site's content" in printed
        line = good.split("\n").index("    type: multiple") + 1
        assert (f"\nquizzes/help-desk.yml:{line}: questions[0].type: unknown type 'truefalse': use one of single, "
                "multiple, true-false, short\n") in printed
        assert "Traceback" not in printed
        asked = time.monotonic()
        assert "Help desk check" in fetch(url + PAGE, timeout=5)  # the last good build, at once
        assert time.monotonic() - asked < 5

        bank.write_text(good.replace("title: Help desk check", "title: Help desk check, edited"), encoding="utf-8")
        assert wait_for(lambda: "Help desk check, edited" in fetch(url + PAGE), 90), log.read_text(encoding="utf-8")
        assert "Traceback" not in log.read_text(encoding="utf-8")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


REBUILD_AFTER_A_CODE_EDIT = """
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
views, quiz_views = Path("macros/curriculum/views.py"), Path("macros/quiz/views.py")
for prefix in ("term-", "entry-"):
    views.write_text(views.read_text().replace('"term-"', '"' + prefix + '"'), encoding="utf-8")
    quiz_views.write_text(quiz_views.read_text() + "\\n", encoding="utf-8")  # a changed module imported by others
    build(load_config("mkdocs.yml", site_dir="site", strict=True))
    print(Path("site/glossary/index.html").read_text().count('id="' + prefix + 'acf"'))
"""


def test_a_code_edit_applies_at_the_next_rebuild_in_the_same_process(tmp_path: Path) -> None:
    """`make serve` keeps the macros package imported: a rebuild must still run the code as saved,
    whichever module of which feature changed."""
    project = copy_project(tmp_path / "project")
    result = subprocess.run([sys.executable, "-c", REBUILD_AFTER_A_CODE_EDIT], cwd=project, env=QUIET_ENV,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["1", "1"]
