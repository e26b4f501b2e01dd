"""Rebuilds in one process take an unchanged page's HTML from the build before (macros/converted_pages.py):
the site is exactly what a fresh build makes, and every warning a page's conversion gave is given
again. One process makes every build below in turn; each test checks one step."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import QUIET_ENV, copy_project, leave_out_of_nav, mkdocs_build

REBUILDS = r'''
import json, logging, os, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

warnings, converted = [], []
handler = logging.Handler()
handler.emit = lambda record: warnings.append(record.getMessage()) if record.levelno == logging.WARNING else None
logging.getLogger("mkdocs").addHandler(handler)
render = Page.render


def counting_render(page, config, files):
    if "\n" in page.markdown.strip():  # not a one-line stub: the page is converted anew
        converted.append(page.file.src_uri)
    return render(page, config, files)


Page.render = counting_render
AN_HOUR_AGO = time.time() - 3600


def built(config="mkdocs.yml"):
    """Build (strict: any warning fails it); the warnings logged and the pages converted."""
    warnings.clear()
    converted.clear()
    try:
        build(load_config(config, site_dir="site", strict=True))
    except BaseException:
        pass
    return {"warnings": [w for w in warnings if "Aborted" not in w], "converted": list(converted)}


def settled(path, text):
    """Save a file dated an hour back, so the next builds trust its time and size."""
    path.write_text(text, encoding="utf-8")
    os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))


bank, linking, linked = Path("quizzes/help-desk.yml"), Path("docs/linking.md"), Path("docs/linked.md")
settled(linked, "# Linked\n\n## Where to look\n\nText.\n")
settled(linking, "# Linking\n\nSee [where to look](linked.md#where-to-look) and [the other page](other.md).\n")
steps = {"first": built()}
settled(bank, bank.read_text(encoding="utf-8").replace("title: Help desk check", "title: Help desk check, edited"))
steps["bank edited"] = built()
settled(linked, "# Linked\n\n## Where else to look\n\nText.\n")
steps["anchor renamed"] = built()
settled(Path("docs/other.md"), "# Other\n\nThe other page.\n")
steps["page added"] = built()
settled(linking, "# Linking\n\nSee [where else to look](linked.md#where-else-to-look) and [the other page](other.md).\n")
steps["links fixed"] = built()
Path("mkdocs-snippets.yml").write_text("INHERIT: mkdocs.yml\nmarkdown_extensions:\n  pymdownx.snippets: {}\n")
built("mkdocs-snippets.yml")
steps["an extension that reads files"] = built("mkdocs-snippets.yml")
built()
settled(bank, bank.read_text(encoding="utf-8").replace("title: Help desk check, edited", "title: Help desk check"))
steps["last"] = built()
print(json.dumps(steps))
'''


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("converted") / "project")
    for page in ("linking.md", "linked.md", "other.md"):
        leave_out_of_nav(project, page)
    return project


@pytest.fixture(scope="module")
def steps(project: Path) -> dict[str, dict[str, list[str]]]:
    result = subprocess.run([sys.executable, "-c", REBUILDS], cwd=project, env=QUIET_ENV, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.splitlines()[-1])


def test_a_bank_edit_converts_no_page_again(steps: dict[str, dict[str, list[str]]]) -> None:
    assert len(steps["first"]["converted"]) > 40
    assert steps["bank edited"]["converted"] == []


def test_a_broken_link_is_reported_by_every_build_until_fixed(steps: dict[str, dict[str, list[str]]]) -> None:
    missing = "Doc file 'linking.md' contains a link 'other.md', but the target is not found among documentation files."
    assert steps["first"]["warnings"] == [missing]
    assert steps["bank edited"]["warnings"] == [missing]  # the page was not converted again, its warning was


def test_an_edit_to_a_linked_page_checks_the_links_to_it(steps: dict[str, dict[str, list[str]]]) -> None:
    renamed = steps["anchor renamed"]
    assert renamed["converted"] == ["linked.md"]
    assert any("'linked.md#where-to-look'" in warning and "does not contain an anchor" in warning
               for warning in renamed["warnings"])


def test_adding_a_page_resolves_the_links_to_it(steps: dict[str, dict[str, list[str]]]) -> None:
    added = steps["page added"]
    assert "linking.md" in added["converted"] and not any("'other.md'" in warning for warning in added["warnings"])
    assert steps["links fixed"]["warnings"] == [] and steps["links fixed"]["converted"] == ["linking.md"]


def test_a_fork_with_an_extension_that_reads_files_converts_every_page(
        steps: dict[str, dict[str, list[str]]]) -> None:
    assert len(steps["an extension that reads files"]["converted"]) == len(steps["first"]["converted"]) + 1


def test_the_last_rebuild_is_what_a_fresh_build_makes(project: Path, steps: dict, tmp_path: Path) -> None:
    assert steps["last"]["warnings"] == [] and steps["last"]["converted"] == []
    assert mkdocs_build(project, tmp_path / "fresh").returncode == 0
    pages = sorted(path.relative_to(tmp_path / "fresh") for path in (tmp_path / "fresh").rglob("*.html"))
    assert len(pages) > 50
    match, mismatch, errors = filecmp.cmpfiles(project / "site", tmp_path / "fresh", pages, shallow=False)
    assert (mismatch, errors) == ([], [])
