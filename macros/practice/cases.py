"""Practice client cases in quizzes/cases/*.yml: a fictional household's story from project start
to exit, for learners to enter into a training HMIS, with the grading key for every stage.
Each file is checked like a quiz bank: every problem with its line, all at once."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field

from ..cache import Load, read_directly
from ..loader import load_file, node_at
from ..problems import Problem
from ..safe_yaml import field_path
from ..formats import SLUG_PATTERN, Strict, Text

CASES_DIR = "quizzes/cases"
STAGE_ORDER = ("start", "update", "annual", "exit")
ANNUAL_WINDOW_DAYS = 30  # the annual assessment is due within 30 days of the anniversary of project start
EVERYONE = "All"


class Project(Strict):
    name: Text
    type: Text = Field(description="Project type code and name, e.g. '13 PH – Rapid Re-Housing'.")
    funder: Text = Field(description="Funding source code and name (2.06).")
    coc: Text


class Member(Strict):
    id: Text = Field(pattern=r"^[A-Z]$", description="One capital letter, used in the key's `who`.")
    name: Text
    role: Text
    about: Text = Field(description="Markdown for the handout: what the learner needs to create the record.")


class KeyRow(Strict):
    element: Text = Field(description="Element number and name, e.g. '3.03 Date of Birth'.")
    who: Text = Field(description="Member ids, comma-separated, or 'All'.")
    value: Text = Field(description="The expected entry, with codes and labels.")
    why: Text | None = None
    basis: Literal["federal", "local", "good-practice"] = "federal"


class Stage(Strict):
    id: Literal[STAGE_ORDER]  # type: ignore[valid-type]
    title: Text
    date: date
    story: Text = Field(description="Markdown for the handout: what the worker learns at this stage.")
    key: list[KeyRow] = Field(min_length=1)


class Case(Strict):
    title: Text
    summary: Text
    project: Project
    household: list[Member] = Field(min_length=1)
    consent: Text = Field(description="Markdown for the handout: what the person agrees to share (ROI).")
    stages: list[Stage] = Field(min_length=4, max_length=4)
    source: Text
    trainer_notes: Text | None = None

    def names(self, who: str) -> str:
        """'A, C' -> 'Jordan Example, Casey Example', for the key."""
        if who == EVERYONE:
            return "Everyone"
        by_id = {member.id: member.name for member in self.household}
        return ", ".join(by_id[part.strip()] for part in who.split(","))


def _problem(root: yaml.Node, shown_as: str, path: tuple[int | str, ...], message: str) -> Problem:
    return Problem(shown_as, node_at(root, path)[1], field_path(path), message)


def check_case(case: Case, root: yaml.Node, shown_as: str) -> list[Problem]:
    """What the model alone cannot see: the stages' order and dates, and who each key row is about."""
    problems = []
    ids = tuple(stage.id for stage in case.stages)
    if ids != STAGE_ORDER:
        problems.append(_problem(root, shown_as, ("stages",), f"the stages must be {', '.join(STAGE_ORDER)}, "
                                 f"in that order; found {', '.join(ids)}"))
        return problems
    start, update, annual, end = (stage.date for stage in case.stages)
    if not start < update < end:
        problems.append(_problem(root, shown_as, ("stages", 1, "date"),
                                 "the update must fall after project start and before exit"))
    anniversary = start.replace(year=start.year + 1) if (start.month, start.day) != (2, 29) else start + timedelta(365)
    if abs((annual - anniversary).days) > ANNUAL_WINDOW_DAYS or annual >= end:
        problems.append(_problem(root, shown_as, ("stages", 2, "date"),
                                 f"an annual assessment is due within {ANNUAL_WINDOW_DAYS} days of {anniversary}, "
                                 "the anniversary of project start, and before exit"))
    members = {member.id for member in case.household}
    seen: set[str] = set()
    for index, member in enumerate(case.household):
        if member.id in seen:
            problems.append(_problem(root, shown_as, ("household", index, "id"), f"'{member.id}' is already "
                                     "another person's id; give each person their own letter"))
        seen.add(member.id)
    for stage_index, stage in enumerate(case.stages):
        for row_index, row in enumerate(stage.key):
            unknown = [part.strip() for part in row.who.split(",") if part.strip() not in members]
            if row.who != EVERYONE and unknown:
                problems.append(_problem(root, shown_as, ("stages", stage_index, "key", row_index, "who"),
                                         f"no household member '{', '.join(unknown)}'; use "
                                         f"{', '.join(sorted(members))} or {EVERYONE}"))
    return problems


def load_case(path: Path, shown_as: str) -> tuple[Case | None, list[Problem]]:
    case, root, problems = load_file(Case, path, shown_as, "a case needs a title, household and stages")
    if case is not None and root is not None:
        problems += check_case(case, root, shown_as)
    return (case if not problems else None), sorted(set(problems))


def case_files(project_dir: Path) -> list[Path]:
    return sorted((project_dir / CASES_DIR).glob("*.yml"))


def load_cases(project_dir: Path, load: Load = read_directly) -> tuple[dict[str, Case], list[Problem]]:
    """Every valid case in quizzes/cases/, keyed by file name without .yml, and every problem."""
    cases, problems = {}, []
    for path in case_files(project_dir):
        shown_as = path.relative_to(project_dir).as_posix()
        if not re.fullmatch(SLUG_PATTERN, path.stem):
            problems.append(Problem(shown_as, 1, "", f"'{path.stem}' is not a valid case id: name the file "
                                    "with lowercase letters, digits and hyphens"))
            continue
        case, found = load(load_case, path, shown_as)
        problems += found
        if case is not None:
            cases[path.stem] = case
    return cases, problems
