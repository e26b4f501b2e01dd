"""The Nu HTML Checker (npm vnu-jar, run with Debian's Java) finds no error and no warning in our
own markup on any page. Material's own markup has a few; they are learned from a plain Material
site built with our theme settings, and ignored only where the same message points at the same
markup (numbers aside) on our pages."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import PROJECT_DIR, SUB_PATH, mkdocs_build, read_mkdocs_config

VNU = PROJECT_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HINT = ("The HTML check needs Java (sudo apt-get install default-jre-headless) and the Nu HTML Checker "
        "(npm ci, which `make test` runs).")
# A plain Material page of each kind our site has: in a navigation section, outside the navigation
# with a table of contents, with a table, an image, code and a callout.
BASELINE_PAGES = {
    "index.md": "# Home\n\nText with a [link](section/page.md).\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"
                "![A picture](picture.svg)\n\n```python\nprint(1)\n```\n\n!!! note\n    A note.\n",
    "section/page.md": "# In a section\n\n## A heading\n\nText.\n",
    "section/other.md": "# Also in a section\n\nText.\n",
    "outside.md": "# Not in the navigation\n\n## A heading\n\nText.\n\n## Another\n\nMore.\n",
}
PICTURE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>\n'


def vnu_messages(folder: Path) -> list[dict]:
    result = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--format", "json", "--exit-zero-always",
                             str(folder)], capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr)["messages"]


def counts(message: dict) -> bool:
    """Errors (and a file vnu could not read) and warnings; plain information (such as "trailing
    slash on void element") does not."""
    return message["type"] != "info" or message.get("subType") == "warning"


def key(message: dict) -> tuple[str, str]:
    """The message and the markup it points at, with numbers (element ids, line counts) left out."""
    extract = message.get("extract", "")
    start, length = message.get("hiliteStart", 0), message.get("hiliteLength", len(extract))
    markup = re.sub(r"\s+", " ", re.sub(r"\d+", "N", extract[start:start + length])).strip()
    return message["message"], markup


@pytest.fixture(scope="module")
def checker() -> None:
    missing = [what for what, ok in (("java", shutil.which("java")), ("vnu.jar", VNU.is_file())) if not ok]
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{' and '.join(missing)} not found. {HINT} CI must run every browser test.")
        pytest.skip(f"{' and '.join(missing)} not found. {HINT}")


@pytest.fixture(scope="module")
def material_baseline(checker: None, tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    project = tmp_path_factory.mktemp("plain-material")
    for name, text in BASELINE_PAGES.items():
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text(text, encoding="utf-8")
    (project / "docs" / "picture.svg").write_text(PICTURE, encoding="utf-8")
    config = read_mkdocs_config()
    for ours in ("hooks", "watch", "validation"):
        config.pop(ours)
    config["theme"].pop("custom_dir")
    config["plugins"].pop("macros")
    config["nav"] = [{"Home": "index.md"}, {"A section": ["section/page.md", "section/other.md"]}]
    config["not_in_nav"] = "/outside.md\n"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return {key(message) for message in vnu_messages(project / "site") if counts(message)}


def test_no_html_errors_in_our_markup(checker: None, material_baseline: set[tuple[str, str]], base_url: str,
                                      site_root: tuple) -> None:
    site = site_root[0] / SUB_PATH
    assert len(list(site.rglob("*.html"))) >= 40
    assert material_baseline, "the plain Material site should show Material's own messages"
    problems = [f"{message['url'].split(SUB_PATH, 1)[-1]}:{message.get('lastLine')}: {message['message']}\n"
                f"    {key(message)[1][:200]}"
                for message in vnu_messages(site) if counts(message) and key(message) not in material_baseline]
    assert not problems, f"{len(problems)} messages:\n" + "\n".join(problems)
