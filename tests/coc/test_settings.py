"""local/settings.yml: checked with lines; a setting left out (or FIXME) is unset, and upstream ships
no file, only the template settings.example.yml, so a fork's file never conflicts with an update."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from helpers import FIXTURES, PROJECT_DIR
from macros.coc.settings import CHECKLIST, COLOURS, EXAMPLE_FILE, SETTINGS_FILE, Settings, load_settings, unset


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
        "local/settings.yml:13: training.trainer_view: 'everyone' is not allowed: use 'link', 'open' or 'off'",
    ]


def test_the_template_is_valid_and_names_every_setting(tmp_path: Path) -> None:
    settings, left, problems = load_settings(project_with(tmp_path, PROJECT_DIR / EXAMPLE_FILE))
    assert (problems, left) == ([], list(CHECKLIST))  # a copy still asks for every value
    written = yaml.safe_load((PROJECT_DIR / EXAMPLE_FILE).read_text(encoding="utf-8"))
    for section, model in Settings.model_fields.items():
        assert set(written[section]) | {"primary_colour"} >= set(model.annotation.model_fields), section
    assert "\n  # primary_colour:" in (PROJECT_DIR / EXAMPLE_FILE).read_text(encoding="utf-8"), \
        "a copied template must not override a palette set in mkdocs.local.yml"


def test_without_the_file_every_checklist_setting_is_unset_and_defaults_apply(tmp_path: Path) -> None:
    settings, left, problems = load_settings(tmp_path)
    assert (settings.coc.name, left, problems) == (None, list(CHECKLIST), [])
    assert settings.quiz.pass_mark_percent == 80 and settings.branding.primary_colour == "indigo"
    assert settings.training.trainer_view == "link"  # answers stay with trainers unless the CoC opens them


def test_a_setting_given_as_empty_does_not_apply_and_fixme_is_still_unset() -> None:
    given = {"coc": {"name": "FIXME", "number": ""}, "help_desk": {"email": "help@example.org"}}
    left = unset(given)
    assert "coc.name" in left and "coc.number" not in left and "help_desk.email" not in left
    assert "help_desk.phone" in left


def test_a_set_up_coc_has_nothing_left_to_set() -> None:
    settings, unset, problems = load_settings(FIXTURES / "local-coc")
    assert (problems, unset) == ([], [])
    assert settings.coc.number == "XX-500" and settings.data_quality.timeliness_days == 3


def test_a_logo_that_is_not_in_local_assets_is_reported(tmp_path: Path) -> None:
    (tmp_path / "local").mkdir()
    (tmp_path / SETTINGS_FILE).write_text("branding:\n  primary_colour: brown\n  logo: crest.png\n", encoding="utf-8")
    settings, _, problems = load_settings(tmp_path)
    assert settings.branding.primary_colour == "brown"
    assert [str(problem) for problem in problems] == [
        "local/settings.yml:3: branding.logo: there is no file local/assets/crest.png; put the logo there "
        "or leave logo empty"]


def test_text_is_one_line_and_addresses_are_checked_as_a_browser_reads_them(tmp_path: Path) -> None:
    (tmp_path / "local").mkdir()
    (tmp_path / SETTINGS_FILE).write_text(
        'help_desk:\n  hours: "9 to 5\\n\\n<script>x</script>"\n  email: "a@b.org)[x](javascript:y"\n'
        'documents:\n  privacy_notice: "https://a.example/ x"\n  user_agreement: "javascript://a.example/%0a"\n'
        'branding:\n  logo: ../../mkdocs.yml\n', encoding="utf-8")
    _, _, problems = load_settings(tmp_path)
    problems = sorted(problems)
    assert [f"{problem.line}: {problem.field}" for problem in problems] == [
        "2: help_desk.hours", "3: help_desk.email", "5: documents.privacy_notice", "6: documents.user_agreement",
        "8: branding.logo"]
    assert "write it on one line" in str(problems[0]) and "write the name of a file in local/assets/" in str(problems[4])


def contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        red, green, blue = (int(colour[index:index + 2], 16) / 255 for index in (1, 3, 5))
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_every_header_colour_a_coc_may_choose_keeps_text_and_links_readable() -> None:
    import re
    import material
    css = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("palette.*.min.css"))
    text = css.read_text(encoding="utf-8")
    measured = {}
    for colour in ("teal", *COLOURS):
        rules = re.findall(r"\[data-md-color-primary=" + colour.replace(" ", "-") + r"\]\{([^}]*)\}", text)
        primary = next(re.search(r"--md-primary-fg-color:(#[0-9a-f]{6})", rule)[1] for rule in rules
                       if "--md-primary-fg-color:#" in rule)
        measured[colour] = contrast(primary, "#ffffff")  # white header text; links in this colour on white
    assert measured.pop("teal") < 4.5  # the measure can fail
    assert {colour: ratio for colour, ratio in measured.items() if ratio < 4.5} == {}


def test_yes_is_not_a_number_of_days(tmp_path: Path) -> None:
    (tmp_path / "local").mkdir()
    (tmp_path / SETTINGS_FILE).write_text("data_quality:\n  timeliness_days: yes\n", encoding="utf-8")
    assert [str(problem) for problem in load_settings(tmp_path)[2]] == [
        "local/settings.yml:2: data_quality.timeliness_days: 'true' is not a number: write digits only, e.g. 30 or 2.5"]
