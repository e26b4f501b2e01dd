"""The content cache (macros/cache.py): a file unchanged since it was read is not read again; a
changed, new or deleted file is; problems come back exactly as a fresh read finds them."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from helpers import copy_project, read_mkdocs_config
from macros import cache
from macros.cache import ContentCache, code_stamp
from macros.content import load_content

AN_HOUR_AGO = time.time() - 3600


def settle(folder: Path) -> None:
    """Date every file an hour back, as files are that an editor has not just saved."""
    for path in folder.rglob("*"):
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))


def counting(calls: list[str]):
    def loader(path: Path, shown_as: str) -> str:
        calls.append(shown_as)
        return path.read_text(encoding="utf-8")
    return loader


def test_an_unchanged_file_is_read_once(tmp_path: Path) -> None:
    file = tmp_path / "a.yml"
    file.write_text("one\n", encoding="utf-8")
    settle(tmp_path)
    calls: list[str] = []
    store, loader = ContentCache("stamp"), counting(calls)
    assert store.load(loader, file, "a.yml") == store.load(loader, file, "a.yml") == "one\n"
    assert calls == ["a.yml"]


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    file = tmp_path / "a.yml"
    file.write_text("one\n", encoding="utf-8")
    settle(tmp_path)
    calls: list[str] = []
    store, loader = ContentCache("stamp"), counting(calls)
    store.load(loader, file, "a.yml")
    file.write_text("two\n", encoding="utf-8")
    assert store.load(loader, file, "a.yml") == "two\n"
    assert calls == ["a.yml", "a.yml"]


def test_a_file_saved_twice_in_one_clock_tick_is_not_missed(tmp_path: Path) -> None:
    """Same size, same time stamp: a file saved just now is read again however alike it looks."""
    file = tmp_path / "a.yml"
    file.write_text("one\n", encoding="utf-8")
    stamp = file.stat().st_mtime_ns
    calls: list[str] = []
    store, loader = ContentCache("stamp"), counting(calls)
    store.load(loader, file, "a.yml")
    file.write_text("two\n", encoding="utf-8")
    os.utime(file, ns=(stamp, stamp))
    assert store.load(loader, file, "a.yml") == "two\n"


def test_a_deleted_file_is_not_served_from_the_cache(tmp_path: Path) -> None:
    file = tmp_path / "a.yml"
    file.write_text("one\n", encoding="utf-8")
    settle(tmp_path)
    store = ContentCache("stamp")
    store.load(counting([]), file, "a.yml")
    file.unlink()
    with pytest.raises(FileNotFoundError):
        store.load(counting([]), file, "a.yml")


def test_the_code_stamp_changes_with_any_code_file(tmp_path: Path) -> None:
    (tmp_path / "feature").mkdir()
    module = tmp_path / "feature" / "module.py"
    module.write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not code\n", encoding="utf-8")
    settle(tmp_path)
    before = code_stamp(tmp_path)
    (tmp_path / "notes.txt").write_text("still not code\n", encoding="utf-8")
    settle(tmp_path)
    assert code_stamp(tmp_path) == before
    module.write_text("x = 22\n", encoding="utf-8")
    settle(tmp_path)
    assert code_stamp(tmp_path) != before
    (tmp_path / "feature" / "spec.json").write_text("{}", encoding="utf-8")
    settle(tmp_path)
    assert code_stamp(tmp_path) != before
    module.write_text("x = 3\n", encoding="utf-8")  # saved just now: a stamp of its own each time
    assert code_stamp(tmp_path) != code_stamp(tmp_path)


def test_a_new_code_stamp_starts_an_empty_cache() -> None:
    first = cache.current(("code", 1))
    first.derive("answer", 1, lambda: 42)
    assert cache.current(("code", 1)) is first
    assert cache.current() is first  # later in the same build
    second = cache.current(("code", 2))
    assert second is not first and second.derived == {} and second.files == {}


def test_derived_results_are_made_again_only_when_their_inputs_change() -> None:
    store, made = ContentCache("stamp"), []
    make = lambda: made.append(1) or len(made)  # noqa: E731
    assert store.derive("x", "inputs", make) == store.derive("x", "inputs", make) == 1
    assert store.derive("x", "other inputs", make) == 2


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    settle(project)
    return project


def load(project: Path, store: ContentCache):
    config = read_mkdocs_config()
    return load_content(project, project / "docs", config["nav"], config.get("extra", {}), store.load)


def test_a_second_load_reads_only_the_edited_bank(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path.as_posix()) or real(path))
    store = ContentCache("stamp")
    first = load(project, store)
    content = [path.removeprefix(f"{project.as_posix()}/") for path in read if path.startswith(project.as_posix())]
    assert {"quizzes/help-desk.yml", "docs/introductory/help-desk.md", "quizzes/reference/glossary.yml",
            "quizzes/cases/rrh-family.yml", "quizzes/reference/paths.yml"} <= set(content)
    bank = project / "quizzes" / "help-desk.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("title: Help desk check", "title: Edited"),
                    encoding="utf-8")
    read.clear()
    second = load(project, store)
    assert [path for path in read if path.startswith(project.as_posix())] == [bank.as_posix()]
    assert second.banks["help-desk"].title == "Edited"
    assert second.banks["logging-in"] is first.banks["logging-in"]
    assert second.problems == []


def test_problems_come_back_on_every_load_until_fixed(project: Path) -> None:
    bank = project / "quizzes" / "help-desk.yml"
    good = bank.read_text(encoding="utf-8")
    bank.write_text(good.replace("type: multiple", "type: truefalse", 1), encoding="utf-8")
    fresh = load(project, ContentCache("fresh")).problems
    assert fresh and all(problem.file == "quizzes/help-desk.yml" for problem in fresh)
    store = ContentCache("stamp")
    assert load(project, store).problems == fresh
    settle(project)  # now trusted, and served from the cache
    assert load(project, store).problems == fresh
    assert load(project, store).problems == fresh
    bank.write_text(good, encoding="utf-8")
    assert load(project, store).problems == []


def test_a_new_bank_appears_and_a_deleted_one_disappears(project: Path) -> None:
    store = ContentCache("stamp")
    extra = project / "quizzes" / "extra.yml"
    assert "extra" not in load(project, store).banks
    extra.write_text((project / "quizzes" / "help-desk.yml").read_text(encoding="utf-8"), encoding="utf-8")
    assert "extra" in load(project, store).banks
    extra.unlink()
    assert "extra" not in load(project, store).banks
