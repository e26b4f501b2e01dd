"""A CoC's fork: its settings, pages, quizzes and callouts in local/ show everywhere they should,
no upstream file is edited, and an upstream update merges cleanly."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from helpers import FIXTURES, PROJECT_DIR, copy_project, mkdocs_build

RIVERBEND = FIXTURES / "local-coc" / "local"


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                            cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def edit(path: Path, old: str, new: str, append: str = "") -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1) + append, encoding="utf-8")


def test_a_coc_customisation_shows_everywhere_and_survives_an_upstream_update(tmp_path: Path) -> None:
    upstream = copy_project(tmp_path / "upstream")
    shutil.copy(PROJECT_DIR / "settings.example.yml", upstream / "settings.example.yml")
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "upstream")
    fork = tmp_path / "fork"
    git(tmp_path, "clone", "-q", str(upstream), str(fork))

    shutil.copytree(RIVERBEND, fork / "local", dirs_exist_ok=True)  # local/ as upstream ships it: empty
    git(fork, "add", "-A")
    git(fork, "commit", "-q", "-m", "Riverbend County CoC's settings and content")
    changed = git(fork, "diff", "--name-only", "HEAD~1").split()
    assert changed and all(path.startswith("local/") for path in changed), changed

    # A release that adds a setting, rewords the template and edits pages beside the CoC's slots.
    edit(upstream / "macros" / "coc" / "settings.py", "    ticket_url: Url = None\n", "    ticket_url: Url = None\n    chat_url: Url = None\n")
    edit(upstream / "settings.example.yml", "  ticket_url:", "  chat_url: \"\"              # optional: a chat link\n  ticket_url:")
    edit(upstream / "settings.example.yml", "# Copy this file", "# Copy this template")
    edit(upstream / "docs" / "introductory" / "security-privacy.md", "", "", append="\nAn upstream correction.\n")
    edit(upstream / "quizzes" / "reference" / "paths.yml", "{module: ad-hoc-reporting, required: false}",
         "{module: ad-hoc-reporting}")
    git(upstream, "commit", "-q", "-am", "upstream update")
    git(fork, "pull", "-q", "--no-rebase", "origin", "main")  # fails on a merge conflict
    assert "chat_url: Url = None" in (fork / "macros" / "coc" / "settings.py").read_text(encoding="utf-8")

    site = tmp_path / "site"
    result = mkdocs_build(fork, site)
    assert result.returncode == 0, result.stderr

    def html(path: str) -> str:
        return (site / path / "index.html").read_text(encoding="utf-8")

    assert "<title>Home - Riverbend County CoC: HMIS Training</title>" in html("")
    assert "md-banner" not in html("")  # nothing left to set up
    assert 'href="mailto:hmis-help@riverbend.example"' in html("introductory/help-desk")
    security = html("introductory/security-privacy")
    assert "You need a signed Riverbend" in security
    assert "Which visibility options does your HMIS offer?" not in security  # the default box was replaced
    assert "An upstream correction." in security
    local_module = html("local/intake-forms")
    assert 'data-quiz-question="intake-forms/roi-form-version"' in local_module
    assert "step 12 of 12" in local_module  # Riverbend's own module, added to the end-user path
    assert 'data-module="intake-forms"' in html("paths/end-user")
    your_coc = html("your-coc")
    assert 'href="../local/intake-forms/"' in your_coc and "within 3 days" in your_coc
    assert "</abbr>, from Example Vendor, Inc.</p>" in your_coc  # the vendor's own full stop ends the sentence
    assert "your CoC expects you to enter a project start or exit within 3 days" in html("introductory/data-literacy-quality")
    assert 'data-md-color-primary="deep-purple"' in html("")
    assert 'src="../assets/logo.png"' not in html("") and 'src="local/logo.png"' in html("")
    assert 'href="https://riverbend.example/hmis/dqmp"' in your_coc


def test_the_upstream_site_shows_the_setup_checklist_and_default_boxes(tmp_path: Path) -> None:
    result = mkdocs_build(copy_project(tmp_path / "project"), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "not set up for a Continuum of Care yet" in home and "help_desk.email" in home
    assert '<details class="setup-checklist">' in home, "the checklist should stay one line until opened"
    assert '<a href="host-your-own/">For HMIS Leads: host your own copy</a>' in home
    help_desk = (tmp_path / "site" / "introductory" / "help-desk" / "index.html").read_text(encoding="utf-8")
    assert "Find out, and keep where you can find it quickly" in help_desk


def test_a_callout_for_a_slot_no_page_has_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "local" / "callouts" / "roi-and-visibilty.md").write_text("Misspelt slot.\n", encoding="utf-8")

    result = mkdocs_build(project, tmp_path / "site")

    assert result.returncode == 1
    assert ("local/callouts/roi-and-visibilty.md:1: no page has the slot 'roi-and-visibilty'; name the file "
            "after one of: breach-procedure, roi-and-visibility, user-agreement") in result.stderr
