"""Quiz banks on disk: every file in quizzes/ and the CoC's local/quizzes/, each parsed and
validated with every problem at its line, ids unique in a bank and bank ids unique on the site."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..cache import Load, read_directly
from ..formats import SLUG_PATTERN
from ..loader import load_file, node_at
from ..problems import Problem
from ..safe_yaml import Path_, field_path
from .formats import Bank

BANKS_DIR = "quizzes"
BANK_DIRS = (BANKS_DIR, "local/quizzes")  # upstream banks, then the CoC's own


def duplicate_ids(root: yaml.Node) -> list[tuple[Path_, int, str]]:
    questions, _ = node_at(root, ("questions",))
    if not isinstance(questions, yaml.SequenceNode):
        return []
    found, first_line = [], {}
    for index, question in enumerate(questions.value):
        id_node, line = node_at(question, ("id",))
        if id_node is question or not isinstance(id_node, yaml.ScalarNode):
            continue
        if id_node.value in first_line:
            found.append((("questions", index, "id"), line, f"duplicate id '{id_node.value}' (first at line "
                          f"{first_line[id_node.value]}); ids must be unique in a bank"))
        first_line.setdefault(id_node.value, line)
    return found


def load_bank(path: Path, shown_as: str) -> tuple[Bank | None, list[Problem]]:
    """Parse and validate one bank file; `shown_as` is the path used in messages."""
    bank, root, problems = load_file(Bank, path, shown_as, "a bank needs a top-level 'questions:' list")
    if root is not None:
        problems += [Problem(shown_as, line, field_path(path), message) for path, line, message in duplicate_ids(root)]
    if bank is not None and root is not None:
        bank.read_from(shown_as, root)
    return (bank if not problems else None), sorted(set(problems))


def bank_files(project_dir: Path) -> list[Path]:
    """Every file in quizzes/ and local/quizzes/ that could be a bank, whether valid or not."""
    return [path for folder in BANK_DIRS for path in sorted((project_dir / folder).glob("*.y*ml"))]


def load_banks(project_dir: Path, load: Load = read_directly) -> tuple[dict[str, Bank], list[Problem]]:
    """Every bank in quizzes/ and the CoC's local/quizzes/, keyed by file name without .yml,
    and every problem in any of them; `load` may reuse a file's result while it is unchanged."""
    banks: dict[str, Bank] = {}
    problems: list[Problem] = []
    first_file: dict[str, str] = {}
    for path in bank_files(project_dir):
        shown_as = path.relative_to(project_dir).as_posix()
        bank_id = path.stem
        if path.suffix != ".yml":
            problems.append(Problem(shown_as, 1, "", "bank files end in .yml; rename it"))
        elif not re.fullmatch(SLUG_PATTERN, bank_id):
            problems.append(Problem(shown_as, 1, "", f"'{bank_id}' is not a valid bank id: name the file "
                                    "with lowercase letters, digits and hyphens"))
        elif bank_id in first_file:
            problems.append(Problem(shown_as, 1, "", f"the bank id '{bank_id}' is taken by {first_file[bank_id]}; "
                                    "rename this file"))
        else:
            first_file[bank_id] = shown_as
            bank, found = load(load_bank, path, shown_as)
            problems += found
            if bank is not None:
                banks[bank_id] = bank
    return banks, problems
