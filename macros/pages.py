"""The Markdown pages the build renders (docs/ and the CoC's local/pages/), each read once, with
its front matter checked, and the part mkdocs-macros renders found as MkDocs finds it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils import meta

from .cache import Load, read_directly
from .loader import not_a_mapping, node_at, read_text
from .problems import Problem
from .safe_yaml import read_yaml

LOCAL_PAGES_DIR = "local/pages"
CALLOUTS_DIR = "local/callouts"


@dataclass(frozen=True)
class Page:
    shown_as: str  # the path in messages, e.g. "docs/index.md"
    text: str
    meta: dict = field(default_factory=dict)  # the front matter
    front: yaml.Node | None = None  # the front matter's nodes, for line numbers
    body: str = ""  # what mkdocs-macros renders: the text after the front matter
    body_line: int = 1  # the file line that is the body's first line

    @property
    def is_local(self) -> bool:
        return self.shown_as.startswith(f"{LOCAL_PAGES_DIR}/")

    @property
    def renders_macros(self) -> bool:
        return self.meta.get("render_macros") is not False

    @property
    def leaves_search(self) -> bool:
        """Whether the front matter keeps it out of Material's search index."""
        options = self.meta.get("search")
        return isinstance(options, dict) and options.get("exclude") is True

    def line_of(self, key: str) -> int:
        """The file line of a front matter field, or the first line if there is no such field."""
        return node_at(self.front, (key,))[1] + 1 if self.front is not None and key in self.meta else 1


def front_matter(text: str) -> tuple[str, int] | None:
    """The YAML between the opening and closing '---' lines, and the file line it starts on,
    found exactly as MkDocs finds it."""
    match = meta.YAML_RE.match(text)
    return (match[1].removesuffix("\n"), 2) if match else None


def read_page(path: Path, shown_as: str) -> tuple[Page | None, list[Problem]]:
    """One page, or the problems that stop MkDocs and mkdocs-macros reading it."""
    text, problems = read_text(path, shown_as)
    if text is None:
        return None, problems
    found = front_matter(text)
    root = None
    if found:
        root, data, problems = read_yaml(found[0], shown_as, found[1])
        problem = not_a_mapping(data, root, shown_as, found[1], "the front matter") if not problems else None
        if problems or problem:
            return None, problems or [problem]
    body, data = meta.get_data(text)  # safe to let MkDocs parse it now: it passed the checks above
    prefix = text[:len(text) - len(body)] if text.endswith(body) else ""
    page = Page(shown_as, text, data, root, body, prefix.count("\n") + 1)
    if "title" in data and not isinstance(data["title"], str):
        return None, [Problem(shown_as, page.line_of("title"), "title", "must be text")]
    return page, []


def read_pages(docs_dir: Path, project_dir: Path, load: Load = read_directly) -> tuple[list[Page], list[Problem]]:
    """Every Markdown page of the site: docs/ and the CoC's local/pages/."""
    pages, problems = [], []
    for path in sorted([*docs_dir.rglob("*.md"), *(project_dir / LOCAL_PAGES_DIR).rglob("*.md")]):
        page, found = load(read_page, path, path.relative_to(project_dir).as_posix())
        problems += found
        if page is not None:
            pages.append(page)
    return pages, problems
