"""`make lms` on a CoC's copy: its own pass mark, module and path additions reach the packages and
question files; bad content stops it with one line per problem, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as etree
import zipfile
from pathlib import Path

from helpers import FIXTURES, QUIET_ENV, copy_project

ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


def run(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.lms"], cwd=project, env=QUIET_ENV, capture_output=True,
                          text=True, timeout=300)


def test_a_forks_settings_and_local_module_reach_its_packages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", local=FIXTURES / "local-coc" / "local")
    settings = project / "local" / "settings.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("pass_mark_percent: 80", "pass_mark_percent: 70"),
                        encoding="utf-8")
    result = run(project)
    assert result.returncode == 0, result.stderr
    out = project / "site-lms"
    with zipfile.ZipFile(out / "scorm" / "module-intake-forms.zip") as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        assert "local/intake-forms.html" in archive.namelist()
    assert next(manifest.iter(f"{ADLCP}masteryscore")).text == "70"
    with zipfile.ZipFile(out / "scorm" / "path-end-user.zip") as archive:
        assert "local/intake-forms.html" in archive.namelist()
        assert b'"mastery":70' in archive.read("launch.html")
    assert "intake-forms/" in (out / "banks" / "intake-forms.gift.txt").read_text(encoding="utf-8")
    assert "intake-forms/" in (out / "banks" / "path-end-user.gift.txt").read_text(encoding="utf-8")
    assert "module-intake-forms.zip" in (out / "index.html").read_text(encoding="utf-8")


def test_bad_content_gives_one_line_per_problem(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "banks" / "duplicate-id.yml", project / "quizzes" / "security-privacy.yml")
    result = run(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = (FIXTURES / "banks" / "duplicate-id.expected").read_text(encoding="utf-8").strip()
    assert expected.replace("tests/fixtures/banks/duplicate-id.yml", "quizzes/security-privacy.yml") \
        in result.stderr.splitlines()
    assert not (project / "site-lms").exists()
