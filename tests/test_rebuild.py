"""Rebuilds in one process, as `mkdocs serve` makes them, with content and code kept from the
build before (macros/cache.py): each shows exactly what a fresh build of the files as saved shows.
One process makes every build below in turn; each test checks one step."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import QUIET_ENV, copy_project, leave_out_of_nav

REBUILDS = r'''
import json, logging, os, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

errors = []
handler = logging.Handler()
handler.emit = lambda record: errors.append(record.getMessage()) if record.levelno >= logging.ERROR else None
logging.getLogger("mkdocs").addHandler(handler)
AN_HOUR_AGO = time.time() - 3600


def built(*pages):
    """Build; the errors logged (none if it passed) and the text of each page asked for."""
    errors.clear()
    try:
        build(load_config("mkdocs.yml", site_dir="site", strict=True))
    except BaseException:
        pass
    return ["\n".join(errors), *(Path("site", page).read_text() if Path("site", page).exists() else ""
                                 for page in pages)]


def settled(path, text):
    """Save a file dated an hour back: unchanged afterwards, the next builds take it from the cache."""
    path.write_text(text, encoding="utf-8")
    os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))


bank, page, roster = Path("quizzes/help-desk.yml"), "introductory/help-desk/index.html", "roster/index.html"
good = bank.read_text(encoding="utf-8")
broken = good.replace("type: multiple", "type: truefalse", 1)
steps = {"first": built(page)}
settled(bank, good.replace("title: Help desk check", "title: Help desk check, edited"))
steps["edited"] = built(page)
settled(bank, broken)
steps["broken"] = built()
steps["broken again"] = built()
settled(bank, good)
steps["fixed"] = built(page)
extra = Path("quizzes/extra-check.yml")
settled(extra, "title: Extra check\nquestions:\n  - id: one\n    type: true-false\n    prompt: Is this new?\n"
               "    answer: true\n    explanation: It is.\n    source: Good practice (a test)\n")
settled(Path("docs/extra-check.md"), '# Extra\n\n{{ quiz("extra-check") }}\n')
steps["added"] = built("extra-check/index.html", roster)
extra.unlink()
Path("docs/extra-check.md").unlink()
steps["deleted"] = built("extra-check/index.html", roster)
settled(bank, broken)
built()
formats = Path("macros/formats.py")
formats.write_text(formats.read_text(encoding="utf-8").replace("': use one of", "': choose one of"), encoding="utf-8")
steps["code edited"] = built()
print(json.dumps(steps))
'''


@pytest.fixture(scope="module")
def steps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    project = copy_project(tmp_path_factory.mktemp("rebuilds") / "project")
    leave_out_of_nav(project, "extra-check.md")
    result = subprocess.run([sys.executable, "-c", REBUILDS], cwd=project, env=QUIET_ENV, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.splitlines()[-1])


def bank_problem(line_of: str) -> str:
    """The start of the broken bank's problem line, at the line that reads `line_of`."""
    lines = (Path(__file__).resolve().parent.parent / "quizzes" / "help-desk.yml").read_text(encoding="utf-8")
    line = lines.split("\n").index(line_of) + 1
    return f"quizzes/help-desk.yml:{line}: questions[0].type: unknown type 'truefalse': "


def test_a_rebuild_after_editing_a_bank_shows_the_edit(steps: dict[str, list[str]]) -> None:
    assert steps["first"][0] == "" and "Help desk check, edited" not in steps["first"][1]
    assert steps["edited"][0] == ""
    assert "Help desk check, edited" in steps["edited"][1]


def test_a_broken_bank_fails_every_rebuild_with_its_line_until_fixed(steps: dict[str, list[str]]) -> None:
    problem = bank_problem("    type: multiple") + "use one of single, multiple, true-false, short"
    assert f"1 problem in the site's content; fix these and build again:\n{problem}" in steps["broken"][0]
    assert steps["broken again"][0] == steps["broken"][0]
    assert steps["fixed"][0] == ""
    assert "Help desk check" in steps["fixed"][1] and "Help desk check, edited" not in steps["fixed"][1]


def test_a_new_bank_appears_and_a_deleted_one_disappears(steps: dict[str, list[str]]) -> None:
    assert steps["added"][0] == ""
    assert "Extra check" in steps["added"][1] and "extra-check" in steps["added"][2]
    assert steps["deleted"][0] == ""
    assert steps["deleted"][1] == "" and "extra-check" not in steps["deleted"][2] and steps["deleted"][2]


def test_a_code_edit_drops_what_was_kept(steps: dict[str, list[str]]) -> None:
    """The broken bank's problem was kept from the build before; the edited code words it anew."""
    assert bank_problem("    type: multiple") + "choose one of single" in steps["code edited"][0]
