"""No text from YAML, front matter or settings can run script: a site built with a payload in
every field (tests/fixtures/payloads/) opens no dialog, throws nothing, and has no handler
attribute, autofocus or script link on any page that shows those fields."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from conftest import QuietHandler
from helpers import FIXTURES, copy_project, mkdocs_build
from macros.curriculum.reference import sort_key

PAYLOADS_DIR = FIXTURES / "payloads"
PAYLOADS: list[str] = yaml.safe_load((PAYLOADS_DIR / "markdown.yml").read_text(encoding="utf-8"))
SOURCE = "FY2024 HMIS Data Dictionary v1.6, 5.07 User Identifier; "  # a source must name a document
# Every page that shows a field carrying a payload.
PAGES = ["", "local/payloads/", "glossary/", "data-elements/", "paths/", "paths/end-user/", "paths/training-plan/",
         "agenda/", "your-coc/", "introductory/help-desk/", "introductory/security-privacy/",
         "introductory/data-literacy-quality/", "practice-cases/", "practice-cases/rrh-family/",
         "practice-cases/rrh-family-key/"]
# What a page may never have, whatever its content: found on the live DOM, after scripts ran.
FIND_UNSAFE = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on") || name === "autofocus" || name === "srcdoc" || name === "formaction")
        found.push(element.tagName + " " + name);
      if (name === "style" && /position|inset/.test(attribute.value)) found.push(element.tagName + " style");
    }
  }
  for (const link of document.querySelectorAll("a[href], area[href]"))
    if (!["http:", "https:", "mailto:", location.protocol].includes(link.protocol)) found.push("link " + link.href);
  for (const image of document.querySelectorAll("img[src], iframe, object, embed"))
    if (image.src && !/^https?:/.test(image.src)) found.push(image.tagName + " " + image.src);
  for (const script of document.querySelectorAll("script"))
    if (script.textContent.includes("alert(")) found.push("script " + script.textContent.slice(0, 40));
  return found;
}"""


def payload_bank() -> dict:
    """A question per payload with the payload in every text field, and typed answers too."""
    questions = [{"id": f"payload-{number}", "type": "multiple", "prompt": payload, "explanation": payload,
                  "source": SOURCE + payload,
                  "options": [{"text": payload, "correct": True, "feedback": payload},
                              {"text": f"Another option {number}", "feedback": payload}]}
                 for number, payload in enumerate(PAYLOADS)]
    questions.append({"id": "typed", "type": "short", "prompt": "Type it.", "accept": PAYLOADS,
                      "explanation": "Any.", "source": SOURCE + "typed"})
    return {"title": PAYLOADS[1], "questions": questions}


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def add_payloads(project: Path) -> None:
    local = project / "local"
    (local / "pages").mkdir(parents=True, exist_ok=True)
    (local / "quizzes").mkdir(parents=True, exist_ok=True)
    shutil.copy(PAYLOADS_DIR / "settings.yml", local / "settings.yml")
    shutil.copy(PAYLOADS_DIR / "page.md", local / "pages" / "payloads.md")
    (local / "quizzes" / "payloads.yml").write_text(yaml.safe_dump(payload_bank(), allow_unicode=True),
                                                     encoding="utf-8")
    reference = project / "quizzes" / "reference"

    def glossary(data: dict) -> None:
        data["terms"].extend({"term": f"XSS{chr(65 + number % 26)}{number}", "expansion": payload,
                              "definition": payload, "source": SOURCE + payload}
                             for number, payload in enumerate(PAYLOADS))
        data["terms"].sort(key=lambda term: sort_key(term["term"]))  # the build refuses a glossary out of order
    edit_yaml(reference / "glossary.yml", glossary)

    def elements(data: dict) -> None:
        family = data["families"][0]
        family["summary"] = PAYLOADS[5]
        for element, payload in zip(family["elements"], PAYLOADS):
            element.update(name=payload, about=payload, notes=payload, fy2026=payload)
    edit_yaml(reference / "data-elements.yml", elements)

    def paths(data: dict) -> None:
        for path, payload in zip(data["paths"], PAYLOADS):
            path.update(name=payload.replace("\n", " "), summary=payload)
    edit_yaml(reference / "paths.yml", paths)

    def case(data: dict) -> None:
        data.update(summary=PAYLOADS[5], consent=PAYLOADS[7], source=SOURCE + PAYLOADS[14])
        data["household"][0]["about"] = PAYLOADS[8]
        data["stages"][0]["story"] = PAYLOADS[15]
        data["stages"][0]["key"][0].update(value=PAYLOADS[16], why=PAYLOADS[17])
    edit_yaml(project / "quizzes" / "cases" / "rrh-family.yml", case)


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("payload-site")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    project = copy_project(tmp_path_factory.mktemp("payload-project"))
    add_payloads(project)
    result = mkdocs_build(project, root, url)
    assert result.returncode == 0, result.stdout + result.stderr
    yield url
    server.shutdown()


def test_the_corpus_covers_every_class_of_payload() -> None:
    text = "\n".join(PAYLOADS)
    for sign in ("<script>", "onerror=", "autofocus", "style=", "&#106;", "&#x6A;", "&colon;", "&#9;",
                 "data:", "\\{", "&lt;", "\n\n<script>"):
        assert sign in text, sign
    assert len(PAYLOADS) >= 25


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_on_a_page(page: Page, payload_site: str, path: str) -> None:
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(payload_site + path)
    page.wait_for_load_state("networkidle")
    for index in range(min(page.locator("input, a, button").count(), 60)):  # focus handlers run on Tab
        page.keyboard.press("Tab")

    assert (dialogs, errors) == ([], [])
    assert page.evaluate(FIND_UNSAFE) == []
    assert page.locator("text=alert(1)").count() >= 1 or path in {"", "agenda/"}  # shown as text, not run


def test_the_site_name_and_a_local_page_title_show_as_text(page: Page, payload_site: str) -> None:
    page.goto(payload_site + "local/payloads/")
    assert page.locator(".md-header__topic").first.inner_text() == "Riverbend <img src=x onerror=alert(1)> CoC: HMIS Training"
    assert page.title() == "Local <img src=x onerror=alert(1)> page - Riverbend <img src=x onerror=alert(1)> CoC: HMIS Training"
    assert page.locator('meta[name="description"]').get_attribute("content") == '"><script>alert(1)</script>'
