"""Deferred HTML (macros/deferred.py): a macro's big HTML that search must not index goes into the
Markdown as a placeholder and comes back whole in the page, and nothing else can be pulled in."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from helpers import ENGINE_ENV, INTAKE_BANK as BANK, QUIET_ENV, copy_project, mkdocs_build, quiz_engine_site
from macros.deferred import PLACEHOLDER, DeferredHtml, for_build

QUIZ = '<section class="quiz" id="quiz-intake"><p>Whole quiz</p></section>'
CHECKPOINT = '<section class="quiz quiz--checkpoint"><p>Checkpoint</p></section>'


def page(src_uri: str = "module.md") -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def put_back(held: DeferredHtml, output: str, on: SimpleNamespace) -> str:
    return held.on_post_page(output, page=on, config=None)


def test_a_placeholder_goes_in_and_its_html_comes_out_with_the_anchor_it_carries() -> None:
    held, module = DeferredHtml(), page()
    placeholder = held.hold(module, QUIZ, "quiz-intake")
    assert PLACEHOLDER.fullmatch(placeholder) and 'id="quiz-intake"' in placeholder and "\n" not in placeholder
    output = put_back(held, f"<p>Before</p>\n{placeholder}\n<p>After</p>", module)
    assert output == f"<p>Before</p>\n{QUIZ}\n<p>After</p>"


def test_two_quizzes_and_a_checkpoint_on_one_page_each_come_back_in_their_place() -> None:
    held, module = DeferredHtml(), page()
    other = QUIZ.replace("intake", "exit")
    checkpoint = held.hold(module, CHECKPOINT)
    first, second = held.hold(module, QUIZ, "quiz-intake"), held.hold(module, other, "quiz-exit")
    assert len({first, second, checkpoint}) == 3
    output = put_back(held, f"{checkpoint}\n<h2>Two</h2>\n{first}\n{second}", module)
    assert output == f"{CHECKPOINT}\n<h2>Two</h2>\n{QUIZ}\n{other}"


def test_a_look_alike_placeholder_an_author_types_stays_as_written() -> None:
    held, module = DeferredHtml(), page()
    real = held.hold(module, QUIZ, "quiz-intake")
    token = re.search(r'"([^"]+)"', real).group(1)
    nonce, page_hash, number = token.split("-")
    look_alikes = [f'<div data-deferred-html="{"0" * 32}-{page_hash}-1"></div>',  # a guessed nonce
                   f'<div data-deferred-html="{nonce[::-1]}-{page_hash}-{number}" id="quiz-intake"></div>',
                   '<div data-deferred-html="1"></div>']
    output = put_back(held, "\n".join([*look_alikes, real]), module)
    assert output == "\n".join([*look_alikes, QUIZ])


def test_a_page_gets_only_its_own_html_and_html_put_back_is_not_expanded_again() -> None:
    held, module, other_page = DeferredHtml(), page("module.md"), page("other.md")
    elsewhere = held.hold(other_page, "<p>The other page's answer key</p>")
    inner = held.hold(module, "<p>Inner</p>")
    outer = held.hold(module, f"<section>{elsewhere}{inner}</section>")  # as if its HTML held placeholders
    assert put_back(held, f"{outer}\n{inner}\n{elsewhere}", module) == \
        f"<section>{elsewhere}{inner}</section>\n<p>Inner</p>\n{elsewhere}"
    assert put_back(held, f"<p>Later</p>{elsewhere}", other_page) == "<p>Later</p><p>The other page's answer key</p>"


def test_a_placeholder_the_page_lost_stops_the_build_with_a_line_naming_the_page() -> None:
    held, module = DeferredHtml(), page("intro/module.md")
    escaped = held.hold(module, QUIZ, "quiz-intake").replace("<", "&lt;")  # as in a code block
    with pytest.raises(PluginError, match=r"^intro/module\.md: a quiz or answer key could not be placed"):
        put_back(held, f"<pre><code>{escaped}</code></pre>", module)


def test_each_build_registers_one_store_and_a_new_build_a_new_one() -> None:
    from mkdocs.plugins import PluginCollection

    first, second = SimpleNamespace(plugins=PluginCollection()), SimpleNamespace(plugins=PluginCollection())
    assert for_build(first) is for_build(first) and for_build(second) is not for_build(first)
    assert first.plugins.events["post_page"] == [for_build(first).on_post_page]


EXIT_BANK = {"title": "Exit basics", "questions": [{**BANK["questions"][1], "id": "exit-date"}]}


def checking_anchors(project: Path) -> Path:
    """The site's own setting: a link to an anchor no page element carries fails the strict build."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "validation:\n  anchors: warn\n", encoding="utf-8")
    return project


def test_a_built_page_has_every_quiz_whole_links_to_them_checked_and_none_in_search(tmp_path: Path) -> None:
    page_text = ('# Intake\n\n[Jump to the quiz](#quiz-intake)\n\n'
                 '## Consent\n\n{{ quiz("intake", only=["consent"]) }}\n\n'
                 '<div data-deferred-html="00000000000000000000000000000000-00000000-1" id="quiz-exit"></div>\n\n'
                 '## Quizzes\n\n{{ quiz("intake") }}\n\n{{ quiz("exit") }}\n')
    project = checking_anchors(quiz_engine_site(tmp_path / "alone", {"intake": BANK, "exit": EXIT_BANK}, page_text))

    result = mkdocs_build(project, tmp_path / "site", base_env=ENGINE_ENV)

    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count('<section class="quiz" id="quiz-intake"') == 1 and html.count('id="quiz-exit"') == 2
    assert html.count('data-quiz-question="intake/consent"') == 2 and 'id="checkpoint-intake-consent"' in html
    assert html.count("data-deferred-html") == 1  # only the author's look-alike, as typed
    assert html.index('id="consent"') < html.index("quiz--checkpoint") < html.index('id="quizzes"')
    docs = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(doc["text"] for doc in docs)
    assert "Jump to the quiz" in text and "head of household" not in text and "Show the answer" not in text


def test_a_link_to_a_quiz_not_on_the_page_still_fails_the_anchor_check(tmp_path: Path) -> None:
    page_text = '# Intake\n\n[Jump to the quiz](#quiz-intke)\n\n{{ quiz("intake") }}\n'
    project = checking_anchors(quiz_engine_site(tmp_path / "alone", {"intake": BANK}, page_text))

    result = mkdocs_build(project, tmp_path / "site", base_env=ENGINE_ENV)

    assert result.returncode == 1 and "link '#quiz-intke', but there is no such anchor" in result.stderr


TWO_BUILDS_IN_ONE_PROCESS = """
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
for _ in range(2):  # as mkdocs serve rebuilds: the second build imports macros.* afresh
    build(load_config("mkdocs.yml", site_dir="site", strict=True))
    pages = [Path(name).read_text() for name in ("site/introductory/help-desk/index.html", "site/review/index.html",
                                                 "site/paths/end-user/index.html")]
    print(pages[0].count('<section class="quiz" id="quiz-help-desk"'), pages[1].count("<template data-review-question"),
          pages[2].count('<section class="answer-key"'), sum(page.count("data-deferred-html") for page in pages))
"""


def test_a_rebuild_in_the_same_process_puts_back_its_own_html(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = subprocess.run([sys.executable, "-c", TWO_BUILDS_IN_ONE_PROCESS], cwd=project, env=QUIET_ENV,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    first, second = result.stdout.splitlines()
    assert first == second and first.split()[0] == "1" and int(first.split()[1]) > 200 and first.endswith(" 1 0")
