"""Learning paths from quizzes/reference/paths.yml: a path per role (what that person does in the
HMIS and which modules, in order, they take) and project-type or funder branches a role can add.
Validated like the banks: every problem with its file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from ..formats import Slug, Strict, Text
from ..cache import Load, read_directly
from ..loader import node_at, read_yaml_file, validate
from ..problems import Problem
from ..safe_yaml import field_path

PATHS_FILE = "quizzes/reference/paths.yml"
LOCAL_PATHS_FILE = "local/paths.yml"


class Step(Strict):
    module: Slug = Field(description="A module id: the page's file name, e.g. 'security-privacy'.")
    required: bool = True


class Path_(Strict):
    id: Slug
    name: Text
    kind: Literal["role", "branch", "refresher"] = Field(
        description="role, branch, or refresher: a path taken again each year, counting only that year's answers.")
    summary: Text = Field(description="Two sentences: what this person does in the HMIS, or what the branch adds.")
    prerequisites: list[Slug] = Field(default_factory=list, description="Paths to finish first.")
    steps: list[Step] = Field(min_length=1)


class Paths(Strict):
    paths: list[Path_] = Field(min_length=1)

    def get(self, path_id: str) -> Path_:
        return next(path for path in self.paths if path.id == path_id)


def _cycle(start: str, graph: dict[str, list[str]]) -> list[str] | None:
    """The first chain of prerequisites that leads back to `start`, if any."""
    stack = [(start, [start])]
    while stack:
        node, trail = stack.pop()
        for after in graph.get(node, []):
            if after == start:
                return trail + [after]
            if after not in trail:
                stack.append((after, trail + [after]))
    return None


def _items(value: object) -> list:
    return value if isinstance(value, list) else []


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def load_paths(project_dir: Path, module_ids: set[str],
               load: Load = read_directly) -> tuple[Paths | None, list[Problem]]:
    root, data, problems = load(read_yaml_file, project_dir / PATHS_FILE, PATHS_FILE)
    if problems:
        return None, problems
    paths, problems = validate(Paths, data, root, PATHS_FILE)
    # The cross-checks read the raw data, so they run even when a field above was invalid; a value of
    # the wrong type there is already a problem above, so they skip it.
    listed = _items(data.get("paths") if isinstance(data, dict) else None)
    raw = [path if isinstance(path, dict) else {} for path in listed]

    def problem(where: tuple, message: str) -> Problem:
        _, line = node_at(root, where)
        return Problem(PATHS_FILE, line, field_path(where), message)

    ids = [_text(path.get("id")) for path in raw]
    prerequisites = [[pre for pre in map(_text, _items(path.get("prerequisites"))) if pre] for path in raw]
    for index, path in enumerate(raw):
        if ids[index] and ids[index] in ids[:index]:
            problems.append(problem(("paths", index, "id"),
                                    f"duplicate path id '{ids[index]}' (also paths[{ids.index(ids[index])}])"))
        for step_index, step in enumerate(_items(path.get("steps"))):
            module = _text(step.get("module")) if isinstance(step, dict) else None
            if module is not None and module not in module_ids:
                problems.append(problem(("paths", index, "steps", step_index, "module"),
                                        f"no module '{module}'; modules are the pages in docs/introductory/ "
                                        "and docs/advanced/, named by file"))
        for pre_index, pre in enumerate(_items(path.get("prerequisites"))):
            if _text(pre) and pre not in ids and None not in ids:  # an id in error may be the one named
                problems.append(problem(("paths", index, "prerequisites", pre_index), f"no path '{pre}'"))
    graph: dict[str, list[str]] = {}
    for path_id, before in zip(ids, prerequisites):
        if path_id:
            graph.setdefault(path_id, []).extend(before)
    reported: set[frozenset] = set()
    for index, path_id in enumerate(ids):
        cycle = _cycle(path_id, graph) if path_id and prerequisites[index] else None
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            problems.append(problem(("paths", index, "prerequisites"),
                                    f"prerequisites go round in a circle: {' -> '.join(map(str, cycle))}"))
    return (paths if not problems else None), sorted(set(problems))


class Addition(Strict):
    path: Slug = Field(description="The id of the path to add to, e.g. 'end-user'.")
    steps: list[Step] = Field(min_length=1)


class LocalPaths(Strict):
    """local/paths.yml: the CoC's own modules added to the end of upstream paths."""

    add: list[Addition] = Field(min_length=1)


def add_local_steps(project_dir: Path, paths: Paths, module_ids: set[str],
                    load: Load = read_directly) -> tuple[Paths, list[Problem]]:
    """Upstream paths with the CoC's additions from local/paths.yml, if it has any."""
    file = project_dir / LOCAL_PATHS_FILE
    if not file.is_file():
        return paths, []
    root, data, problems = load(read_yaml_file, file, LOCAL_PATHS_FILE)
    if problems:
        return paths, problems
    local, problems = validate(LocalPaths, data, root, LOCAL_PATHS_FILE)
    if local is None:
        return paths, problems
    merged = {path.id: path.model_copy(deep=True) for path in paths.paths}
    for index, addition in enumerate(local.add):
        if addition.path not in merged:
            _, line = node_at(root, ("add", index, "path"))
            problems.append(Problem(LOCAL_PATHS_FILE, line, f"add[{index}].path",
                                    f"no path '{addition.path}'; paths are: {', '.join(merged)}"))
            continue
        for step_index, step in enumerate(addition.steps):
            if step.module not in module_ids:
                _, line = node_at(root, ("add", index, "steps", step_index, "module"))
                problems.append(Problem(LOCAL_PATHS_FILE, line, f"add[{index}].steps[{step_index}].module",
                                        f"no module '{step.module}'; a local module is a page in local/pages/ "
                                        "with module front matter (title, description, level, minutes, audiences)"))
            else:
                merged[addition.path].steps.append(step)
    return Paths(paths=list(merged.values())), problems
