"""The runtime adapter under a stand-in LMS: scorm-again's SCORM 1.2 API (npm) on a parent page,
the package in an iframe, as Canvas and older Moodle launch it."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import threading
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Frame, Page

from helpers import PROJECT_DIR

SCORM_AGAIN = PROJECT_DIR / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
MODULE = "module-security-privacy"
PATH = "path-end-user"
# The stand-in LMS: scorm-again's API, started from the data a previous session left (window.__start),
# logging every value the package sets.
HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Stand-in LMS</title>
<script src="scorm12.min.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  if (window.__start) window.API.loadFromJSON(window.__start, "cmi");
  window.sets = [];
  const setValue = window.API.LMSSetValue.bind(window.API);
  window.API.LMSSetValue = (name, value) => { window.sets.push([name, value]); return setValue(name, value); };
</script></head>
<body><iframe src="PACKAGE/launch.html" title="Course" style="width: 100%; height: 95vh"></iframe></body></html>
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def lms_host(lms_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A local server with the stand-in LMS page for each package under test, and the packages unzipped."""
    if not SCORM_AGAIN.is_file():
        hint = "scorm-again is not installed: run npm ci (package.json lists it)"
        if os.environ.get("CI") == "true":
            pytest.fail(hint)
        pytest.skip(hint)
    root = tmp_path_factory.mktemp("lms-host")
    shutil.copy(SCORM_AGAIN, root / "scorm12.min.js")
    for package in (MODULE, PATH, largest_path(lms_out)):
        with zipfile.ZipFile(lms_out / "scorm" / f"{package}.zip") as archive:
            archive.extractall(root / package)
        (root / f"{package}.html").write_text(HOST_PAGE.replace("PACKAGE", package), encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def launch(page: Page, url: str, start: dict | None = None) -> Frame:
    """Open the stand-in LMS with the package, starting from a previous session's data."""
    page.add_init_script(f"window.__start = {json.dumps(start)};")
    page.goto(url)
    page.frame_locator("iframe").frame_locator("iframe").locator(".md-content").wait_for()
    return page.frames[-1]


def set_values(page: Page, name: str) -> list[str]:
    """Every value the package set for `name`, in order."""
    return [value for set_name, value in page.evaluate("window.sets") if set_name == name]


def cmi(page: Page, name: str) -> str:
    return page.evaluate(f"window.API.LMSGetValue({json.dumps(name)})")


def answer_all(frame: Frame, right: bool) -> None:
    """Answer every question of the page: each right, or each wrong."""
    for question in frame.locator("[data-quiz-question]").all():
        kind = question.get_attribute("data-quiz-type")
        if kind == "short":
            accept, number = question.get_attribute("data-quiz-accept"), question.get_attribute("data-quiz-number")
            typed = (json.loads(accept)[0] if accept else number) if right else "not an answer"
            question.locator("input").fill(typed)
        else:
            for option in question.locator("input").all():
                correct = option.get_attribute("data-correct") is not None
                if correct == right:
                    option.check()
            if not right and not question.locator("input:checked").count():
                question.locator("input").first.check()
        question.locator(".quiz__check").click()


def test_module_perfect_attempt_passes_with_100(page: Page, lms_host: str) -> None:
    frame = launch(page, lms_host + f"{MODULE}.html")
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"
    answer_all(frame, right=True)
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    assert (cmi(page, "cmi.core.score.raw"), cmi(page, "cmi.core.score.min"), cmi(page, "cmi.core.score.max")) == \
        ("100", "0", "100")
    statuses = set_values(page, "cmi.core.lesson_status")
    assert statuses[0] == "incomplete" and statuses.count("passed") >= 1
    assert all(status == "incomplete" for status in statuses[:statuses.index("passed")])


def test_failing_attempt_is_failed_never_passed_and_incomplete_until_all_answered(page: Page, lms_host: str) -> None:
    frame = launch(page, lms_host + f"{MODULE}.html")
    questions = frame.locator("[data-quiz-question]").all()
    answer_all(frame, right=False)
    assert cmi(page, "cmi.core.lesson_status") == "failed"
    assert "passed" not in set_values(page, "cmi.core.lesson_status")
    assert int(cmi(page, "cmi.core.score.raw")) < 80
    assert len(questions) > 1


def test_status_stays_incomplete_until_every_question_is_answered(page: Page, lms_host: str) -> None:
    frame = launch(page, lms_host + f"{MODULE}.html")
    first = frame.locator("[data-quiz-question]").first
    first.locator("input[data-correct]").first.check()
    first.locator(".quiz__check").click()
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"
    assert cmi(page, "cmi.core.score.raw") == ""
    assert set(set_values(page, "cmi.core.lesson_status")) == {"incomplete"}


def test_relaunch_restores_answers_from_suspend_data(page: Page, lms_host: str, context) -> None:
    frame = launch(page, lms_host + f"{MODULE}.html")
    questions = frame.locator("[data-quiz-question]")
    for index in (0, 2):
        questions.nth(index).locator("input").first.check()
        questions.nth(index).locator(".quiz__check").click()
    short = frame.locator('[data-quiz-type="short"]').first
    short.locator("input").fill("a typed, answer")
    short.locator(".quiz__check").click()
    chosen = [questions.nth(index).locator("input").first.get_attribute("value") for index in (0, 2)]
    saved = cmi(page, "cmi.suspend_data")
    page.evaluate("document.querySelector('iframe').contentWindow.hmisLms.finish()")
    assert set_values(page, "cmi.core.exit") == ["suspend"]
    assert re.fullmatch(r"0000:00:\d\d\.\d\d", set_values(page, "cmi.core.session_time")[0])
    again = context.new_page()
    frame = launch(again, lms_host + f"{MODULE}.html",
                   {"core": {"lesson_status": "incomplete"}, "suspend_data": saved})
    questions = frame.locator("[data-quiz-question]")
    for index, value in zip((0, 2), chosen):
        assert questions.nth(index).locator(f'input[value="{value}"]').is_checked()
        assert questions.nth(index).locator(".quiz__verdict").count() == 1
    assert frame.locator('[data-quiz-type="short"]').first.locator("input").input_value() == "a typed, answer"
    assert questions.nth(1).locator("input:checked").count() == 0
    assert cmi(again, "cmi.core.lesson_status") == "incomplete"


@pytest.mark.parametrize("saved", ["not|ours", "HASH|0Cz,1Q1,2I'%E0%A4%A,zzzzzzzzC1,3C99999999", "HASH"])
def test_suspend_data_that_does_not_fit_is_dropped(page: Page, lms_host: str, lms_out: Path, saved: str) -> None:
    """Saved answers come from outside: a foreign hash, a bad entry or a mask beyond the options restores nothing."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    saved = saved.replace("HASH", launch_data(lms_out / "scorm" / f"{MODULE}.zip")["hash"])
    frame = launch(page, lms_host + f"{MODULE}.html", {"core": {"lesson_status": "incomplete"}, "suspend_data": saved})
    frame.locator("[data-quiz] .quiz__check").first.wait_for()
    assert frame.locator("[data-quiz-question] input:checked").count() == 0
    assert frame.locator(".quiz__verdict").count() == 0
    assert errors == []


def test_path_package_scores_across_its_pages(page: Page, lms_host: str) -> None:
    """A path package is one SCO over several pages: passed only once every module's quiz is done."""
    launch(page, lms_host + f"{PATH}.html")
    modules = page.frames[-1].locator(".md-content a[href$='.html']:not([href^='http'])")
    links = sorted({link.get_attribute("href") for link in modules.all() if "/" in link.get_attribute("href")})
    assert links
    for number, link in enumerate(links):
        inner = page.frames[-1]
        inner.goto(inner.url.rsplit("/", 2)[0] + "/" + link.removeprefix("../"))
        inner.locator("[data-quiz] .quiz__check").first.wait_for()
        assert cmi(page, "cmi.core.lesson_status") == "incomplete"
        answer_all(page.frames[-1], right=True)
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    assert cmi(page, "cmi.core.score.raw") == "100"


def test_largest_path_keeps_suspend_data_under_4096(page: Page, lms_host: str, lms_out: Path) -> None:
    """Every question answered at its longest (every option chosen, long typed answers) still fits."""
    largest = largest_path(lms_out)
    launch(page, lms_host + f"{largest}.html")
    count = page.evaluate("""() => {
      const launchPage = document.querySelector("iframe").contentWindow;
      const data = JSON.parse(launchPage.document.getElementById("hmis-lms-package").textContent);
      const banks = [...new Set(data.questions.map((question) => question[0]))];
      banks.forEach((bank) => {
        const progress = {};
        data.questions.filter((question) => question[0] === bank).forEach(([, id, version, type, values]) => {
          progress[id] = { v: version, s: "partial", a: type === "short" ? "x, y ".repeat(60) : values };
        });
        launchPage.hmisLms.save(bank, progress);
      });
      return data.questions.length;
    }""")
    saved = cmi(page, "cmi.suspend_data")
    assert count > 100 and saved.count(",") + 1 == count
    assert len(saved) < 4096


def launch_data(zip_path: Path) -> dict:
    with zipfile.ZipFile(zip_path) as archive:
        launch_html = archive.read("launch.html").decode("utf-8")
    start = launch_html.index('type="application/json">') + len('type="application/json">')
    return json.loads(launch_html[start:launch_html.index("</script>", start)])


def largest_path(lms_out: Path) -> str:
    """The path package with the most questions."""
    paths = (lms_out / "scorm").glob("path-*.zip")
    return max(paths, key=lambda zip_path: (len(launch_data(zip_path)["questions"]), zip_path.name)).stem


def test_without_an_lms_the_package_works_like_the_site(page: Page, lms_host: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(lms_host + f"{MODULE}/launch.html")
    frame = page.frame_locator("iframe").first
    question = frame.locator("[data-quiz-question]").first
    question.locator("input[data-correct]").first.check()
    question.locator(".quiz__check").click()
    assert "Correct" in question.locator(".quiz__verdict").inner_text()
    assert page.frames[-1].evaluate("Object.keys(localStorage).some((key) => key.startsWith('hmis-training:v1:'))")
    assert errors == []


AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                                                   "best-practice"]}}


@pytest.mark.parametrize("width", [1280, 320])
def test_package_pages_pass_axe(page: Page, lms_host: str, width: int) -> None:
    """The launch page and a module page as cut for the package: no menu, search or footer links."""
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": width, "height": 900})
    reports = []
    for path in (f"{MODULE}/launch.html", f"{MODULE}/introductory/security-privacy.html", f"{PATH}/paths/end-user.html"):
        page.goto(lms_host + path)
        page.wait_for_load_state("load")
        results = Axe().run(page, options=AXE_RULES)
        if results.violations_count:
            reports.append(f"{path}:\n{results.generate_report()}")
        if width == 320 and "launch" not in path:
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{path} scrolls sideways"
    assert not reports, "\n".join(reports)
