"""Our scripts and styles as the site serves them (macros/assets.py): one minified script and one
stylesheet on every page, the page parts beside them, and nothing of ours left out or loaded twice."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers import PROJECT_DIR, copy_project, mkdocs_build
from macros import assets

THEME = PROJECT_DIR / "overrides"
OURS = re.compile(r'<(?:script src|link rel="stylesheet" href)="(?:[^"]*/)?assets/(?:javascripts|stylesheets)/'
                  r'(?!bundle\.|main\.|palette\.|vendor/)([^"]+)"')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("assets") / "site"
    result = mkdocs_build(PROJECT_DIR, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def test_every_script_and_stylesheet_of_ours_is_bundled_or_a_page_part() -> None:
    on_disk = {path.name for path in (THEME / assets.SCRIPTS).glob("*.js")}
    assert on_disk == set(assets.EVERY_PAGE_SCRIPTS) | set(assets.PAGE_PART_SCRIPTS)
    assert {path.name for path in (THEME / assets.STYLES).glob("*.css")} == set(assets.STYLESHEETS)


def test_site_js_loads_exactly_the_page_parts_the_build_writes() -> None:
    site_js = (THEME / assets.SCRIPTS / "site.js").read_text(encoding="utf-8")
    listed = re.search(r"const PAGE_PARTS = \{(.*?)\};", site_js, re.DOTALL).group(1)
    assert sorted(re.findall(r'"([\w-]+\.js)"', listed)) == sorted(assets.PAGE_PART_SCRIPTS)


def test_the_bundle_keeps_every_script_in_order_and_is_smaller() -> None:
    built = assets.bundles(THEME)
    script = built[assets.SCRIPT_BUNDLE]
    starts = [script.index(f"/*! {name} */") for name in assets.EVERY_PAGE_SCRIPTS]
    assert starts == sorted(starts)
    sources = assets.sources(THEME)
    assert len(script) < 0.8 * sum(len(sources[f"{assets.SCRIPTS}/{name}"]) for name in assets.EVERY_PAGE_SCRIPTS)
    assert "window.hmisStore" in script and "hmis:answered" in script
    for name in assets.PAGE_PART_SCRIPTS:
        assert 0 < len(built[f"{assets.SCRIPTS}/{name}"]) < len(sources[f"{assets.SCRIPTS}/{name}"])
    assert ".quiz__question" in built[assets.STYLE_BUNDLE] and "@media print" in built[assets.STYLE_BUNDLE]


def test_the_version_changes_with_any_source(tmp_path: Path) -> None:
    theme = tmp_path / "overrides"
    shutil.copytree(THEME / "assets", theme / "assets")
    before = assets.version(theme)
    css = theme / assets.STYLES / "learning.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
    assert assets.version(theme) != before
    assert assets.version(THEME) == before


def test_every_page_loads_one_script_and_one_stylesheet_of_ours(site: Path) -> None:
    version = assets.version(THEME)
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "assets/javascripts/bundle." not in html:
            continue  # not a Material page (e.g. a practice file's listing)
        assert OURS.findall(html) == [f"hmis.min.css?v={version}", f"hmis.min.js?v={version}"], page


def test_the_site_holds_the_bundles_and_parts_and_not_the_sources(site: Path) -> None:
    for name in (assets.SCRIPT_BUNDLE, assets.STYLE_BUNDLE, *(f"{assets.SCRIPTS}/{part}" for part in assets.PAGE_PART_SCRIPTS)):
        assert (site / name).read_text(encoding="utf-8") == assets.bundles(THEME)[name]
    for name in (*assets.EVERY_PAGE_SCRIPTS, "quiz.css", "site.css"):
        folder = assets.STYLES if name.endswith(".css") else assets.SCRIPTS
        assert not (site / folder / name).exists(), name


def test_a_broken_theme_source_is_named_not_a_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "overrides" / assets.SCRIPTS / "tally.js").unlink()

    result = mkdocs_build(project, tmp_path / "site")

    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "overrides/assets/javascripts/tally.js" in output
