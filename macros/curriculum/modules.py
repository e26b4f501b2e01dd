"""Module pages: the training areas in docs/introductory/ and docs/advanced/, read from their
front matter so that lists of modules (and later paths and plans) come from one place."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..formats import Text
from ..cache import Load, read_directly
from ..loader import not_a_mapping, read_text, validate
from ..problems import Problem
from ..safe_yaml import read_yaml
from ..pages import LOCAL_PAGES_DIR, front_matter
from .timing import Timing, timing_of

LEVELS = ("introductory", "advanced")
DATA_STANDARDS = "FY2026 HMIS Data Standards (effective 1 October 2025)"
AUDIENCE_LABELS = {"end-user": "end users", "agency-admin": "agency administrators",
                   "hmis-lead": "HMIS Lead staff", "trainer": "trainers"}
AUDIENCES = tuple(AUDIENCE_LABELS)


class ModuleMeta(BaseModel):
    """Front matter every module page carries, so lists, paths and plans can be built from it."""

    model_config = ConfigDict(extra="allow")  # Material's own keys (hide, status, ...) may follow
    hints: ClassVar[dict[str, str]] = {
        "minutes": "say how long the module takes as a trainer-led session, group activities included, e.g. 'minutes: 30'",
        "level": "write 'level: introductory' or 'level: advanced'",
        "audiences": f"list who the module is for, from {', '.join(AUDIENCES)}",
        "guide_area": "name the HUD HMIS Training Guide's Training Content Area, verbatim",
        "description": "say in one sentence what the module teaches",
    }

    title: Text
    description: Text
    level: Literal["introductory", "advanced"]
    minutes: int = Field(gt=0, description="The trainer-led session: teaching, group activities and the quiz. "
                         "Learners see a self-paced estimate the build makes from the page.")
    audiences: list[Literal[AUDIENCES]] = Field(min_length=1)  # type: ignore[valid-type]
    guide_area: Text = Field(description="The HUD HMIS Training Guide's Training Content Area, verbatim.")


class LocalModuleMeta(ModuleMeta):
    """A CoC's own module (a page in local/pages/ with module front matter): no guide area needed."""

    guide_area: Text | None = None




@dataclass(frozen=True)
class Module:
    id: str      # the file name without .md, e.g. "security-privacy"
    path: str    # relative to docs/, e.g. "introductory/security-privacy.md"
    meta: ModuleMeta
    objectives: tuple[str, ...] = ()   # the bullets of its "Learning objectives" box
    activities: tuple[str, ...] = ()   # the titles of its activities
    words: int = 0                     # what a learner reads: see reading_words
    self_paced_minutes: int = 0        # set once the bank is known: see with_questions
    timing: Timing | str | None = None  # its trainer notes' timing, or what is wrong with it (timing.py)

    def with_questions(self, questions: int) -> Module:
        """The module with its self-paced estimate: reading at 200 words a minute, and about a
        minute a question. `meta.minutes` stays the trainer's session length, group activities included."""
        return replace(self, self_paced_minutes=max(1, round(self.words / WORDS_A_MINUTE + questions)))


WORDS_A_MINUTE = 200
NOT_READ = re.compile(r"\A---\n(?s:.*?)\n---\n"  # front matter
                      r"|\{\{(?s:.*?)\}\}|\{%(?s:.*?)%\}|<!--(?s:.*?)-->"  # macro calls, tags and comments
                      r"|^[!?]{3}\+? trainer\b[^\n]*\n(?:(?: {4}[^\n]*)?\n)*",  # trainer notes
                      re.MULTILINE)
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*")


def reading_words(text: str) -> int:
    """The words a learner reads on a module page: not its front matter, macro calls or trainer notes."""
    return len(WORD.findall(NOT_READ.sub(" ", text)))


OBJECTIVES = re.compile(r'^!!! objectives "[^"]*"\n((?:    .*\n|\n)+)', re.MULTILINE)
ACTIVITY = re.compile(r'^!!! activity "(?:Activity: )?([^"]+)"', re.MULTILINE)


def objectives_of(text: str) -> tuple[str, ...]:
    box = OBJECTIVES.search(text)
    return tuple(line.strip()[2:] for line in box[1].splitlines() if line.strip().startswith("- ")) if box else ()


def load_module(page: Path, docs_dir: Path, shown_as: str, meta_model: type[ModuleMeta] = ModuleMeta,
                path: str | None = None) -> tuple[Module | None, list[Problem]]:
    text, problems = read_text(page, shown_as)
    if text is None:
        return None, problems
    found = front_matter(text)
    if found is None:
        return None, [Problem(shown_as, 1, "", "a module page starts with front matter between '---' lines "
                              "(title, description, level, minutes, audiences, guide_area)")]
    front, first_line = found
    root, data, problems = read_yaml(front, shown_as, first_line)
    problem = not_a_mapping(data, root, shown_as, first_line, "the front matter") if not problems else None
    if problems or problem:
        return None, problems or [problem]
    meta, problems = validate(meta_model, data, root, shown_as, first_line)
    if meta is None:
        return None, problems
    return Module(page.stem, path or page.relative_to(docs_dir).as_posix(), meta, objectives_of(text),
                  tuple(ACTIVITY.findall(text)), reading_words(text), timing=timing_of(text)), []


def load_local_module(page: Path, project_dir: Path, shown_as: str) -> tuple[Module | None, list[Problem]]:
    """A local page whose front matter gives a level, as a module; any other, no module."""
    text, errors = read_text(page, shown_as)
    found = front_matter(text or "")
    if errors or not found or not re.search(r"^level:", found[0], re.MULTILINE):
        return None, errors
    return load_module(page, project_dir, shown_as, LocalModuleMeta, f"local/{page.name}")


def load_local_modules(project_dir: Path, load: Load = read_directly) -> tuple[list[Module], list[Problem]]:
    """The CoC's own modules: pages in local/pages/ whose front matter gives a level, so they can
    join learning paths. Other local pages are plain pages."""
    modules, problems = [], []
    for page in sorted((project_dir / LOCAL_PAGES_DIR).glob("*.md")):
        module, errors = load(load_local_module, page, project_dir, page.relative_to(project_dir).as_posix())
        problems += errors
        if module is not None:
            modules.append(module)
    return modules, problems


def load_modules(docs_dir: Path, project_dir: Path, nav_order: list[str],
                 load: Load = read_directly) -> tuple[list[Module], list[Problem]]:
    """Every module page, in the order the site's navigation lists them."""
    modules, problems = [], []
    for level in LEVELS:
        for page in sorted((docs_dir / level).glob("*.md")):
            module, found = load(load_module, page, docs_dir, page.relative_to(project_dir).as_posix())
            problems += found
            if module is not None:
                if module.meta.level != level:
                    problems.append(Problem(page.relative_to(project_dir).as_posix(), 1, "level",
                                            f"'{module.meta.level}' does not match the folder {level}/"))
                modules.append(module)
    position = {path: index for index, path in enumerate(nav_order)}
    modules.sort(key=lambda module: (position.get(module.path, len(position)), module.path))
    return modules, problems


def nav_paths(nav: object) -> list[str]:
    """The page paths in mkdocs.yml's nav, in order, however deeply sections nest."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_paths(value)]
    if isinstance(nav, list):
        return [path for item in nav for path in nav_paths(item)]
    return []
