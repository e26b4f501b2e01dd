"""local/settings.yml: checked with lines, FIXME means unset, a missing file means all unset."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import FIXTURES, PROJECT_DIR
from macros.settings import SETTINGS_FILE, load_settings, still_fixme


def project_with(tmp_path: Path, settings: Path) -> Path:
    (tmp_path / "local").mkdir()
    shutil.copy(settings, tmp_path / SETTINGS_FILE)
    return tmp_path


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    _, _, problems = load_settings(project_with(tmp_path, FIXTURES / "settings" / "bad.yml"))
    assert [str(problem) for problem in sorted(problems)] == [
        "local/settings.yml:3: coc.number: 'xx-50' is not valid: write the HUD CoC code: two capital letters, "
        "a hyphen and three digits, e.g. 'XX-500'",
        "local/settings.yml:5: help_desk.emial: unknown field 'emial': did you mean 'email'?",
        "local/settings.yml:6: help_desk.ticket_url: 'www.riverbend.example/tickets' is not valid: write a full "
        "web address that starts with https://",
        "local/settings.yml:8: data_quality.timeliness_days: 'three' is not a number: write digits only, e.g. 30 or 2.5",
        "local/settings.yml:9: data_quality.completeness_percent: '120' must be at most 100",
        "local/settings.yml:11: quiz.pass_mark_percent: '0' must be at least 1",
    ]


def test_the_upstream_template_is_valid_and_entirely_unset() -> None:
    settings, unset, problems = load_settings(PROJECT_DIR)
    assert problems == []
    assert settings.help_desk.email is None and settings.quiz.pass_mark_percent == 80
    assert "coc.name" in unset and "help_desk.email" in unset and len(unset) == 13


def test_a_set_up_coc_has_nothing_left_to_set() -> None:
    settings, unset, problems = load_settings(FIXTURES / "local-coc")
    assert (problems, unset) == ([], [])
    assert settings.coc.number == "XX-500" and settings.data_quality.timeliness_days == 3


def test_without_the_file_nothing_is_set_and_nothing_fails(tmp_path: Path) -> None:
    settings, unset, problems = load_settings(tmp_path)
    assert (settings.coc.name, unset, problems) == (None, [], [])


def test_still_fixme_names_nested_keys() -> None:
    assert still_fixme({"coc": {"name": "FIXME", "number": "XX-500"}, "quiz": {"pass_mark_percent": 80}}) == ["coc.name"]


def test_a_logo_that_is_not_in_local_assets_is_reported(tmp_path: Path) -> None:
    (tmp_path / "local").mkdir()
    (tmp_path / SETTINGS_FILE).write_text("branding:\n  primary_colour: teal\n  logo: crest.png\n", encoding="utf-8")
    settings, _, problems = load_settings(tmp_path)
    assert settings.branding.primary_colour == "teal"
    assert [str(problem) for problem in problems] == [
        "local/settings.yml:3: branding.logo: there is no file local/assets/crest.png; put the logo there "
        "or leave logo empty"]
