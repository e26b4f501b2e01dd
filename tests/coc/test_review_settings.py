"""review.intervals_days in local/settings.yml: the Leitner boxes of the Review page, checked with
the line of the mistake, with a default when the CoC sets none."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import FIXTURES
from macros.coc.settings import SETTINGS_FILE, load_settings


def problems_of(tmp_path: Path, fixture: str) -> list[str]:
    (tmp_path / "local").mkdir()
    shutil.copy(FIXTURES / "settings" / fixture, tmp_path / SETTINGS_FILE)
    return [str(problem) for problem in load_settings(tmp_path)[2]]


def test_the_default_boxes_grow_and_apply_without_a_file(tmp_path: Path) -> None:
    settings, _, problems = load_settings(tmp_path)
    assert problems == [] and settings.review.intervals_days == [1, 3, 7, 21]


def test_a_coc_can_set_its_own_intervals(tmp_path: Path) -> None:
    (tmp_path / "local").mkdir()
    (tmp_path / SETTINGS_FILE).write_text("review:\n  intervals_days: [2, 5, 14, 30, 90]\n", encoding="utf-8")
    settings, _, problems = load_settings(tmp_path)
    assert problems == [] and settings.review.intervals_days == [2, 5, 14, 30, 90]


def test_intervals_that_do_not_grow_are_reported_with_their_line(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "review-shrinking.yml") == [
        "local/settings.yml:2: review.intervals_days: [3, 1, 7] must grow from box to box, e.g. [1, 3, 7, 21]: "
        "each interval longer than the one before"]


def test_each_interval_out_of_range_is_reported(tmp_path: Path) -> None:
    assert sorted(problems_of(tmp_path, "review-out-of-range.yml")) == [
        "local/settings.yml:2: review.intervals_days[1]: '0' must be at least 1",
        "local/settings.yml:2: review.intervals_days[2]: '400' must be at most 366"]


def test_no_boxes_and_a_single_number_are_refused(tmp_path: Path) -> None:
    (tmp_path / "local").mkdir()
    for text, message in (("[]", "needs at least 1"), ("7", "must be a list")):
        (tmp_path / SETTINGS_FILE).write_text(f"review:\n  intervals_days: {text}\n", encoding="utf-8")
        problems = [str(problem) for problem in load_settings(tmp_path)[2]]
        assert len(problems) == 1 and problems[0].startswith("local/settings.yml:2: review.intervals_days: " + message)
