"""The CoC's own content in local/: its callouts, shown in the slots of upstream pages, and its
pages, which macros/hooks.py adds to the build under local/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import meta

from ..loader import read_text
from ..pages import CALLOUTS_DIR, LOCAL_PAGES_DIR
from ..problems import Problem


@dataclass(frozen=True)
class LocalPage:
    title: str
    path: str  # as the build knows it, relative to docs/: "local/<name>.md"


def callout_text(project_dir: Path, slot: str) -> str | None:
    """The CoC's Markdown for a slot, if it wrote one."""
    path = project_dir / CALLOUTS_DIR / f"{slot}.md"
    return read_text(path, f"{CALLOUTS_DIR}/{slot}.md")[0] if path.is_file() else None


def local_pages(project_dir: Path) -> list[LocalPage]:
    """The CoC's pages, titled as their front matter or first heading says."""
    found = []
    for path in sorted((project_dir / LOCAL_PAGES_DIR).rglob("*.md")):
        text = read_text(path, path.relative_to(project_dir).as_posix())[0] or ""
        heading = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
        title = meta.get_data(text)[1].get("title") or (heading[1].strip() if heading else path.stem)
        found.append(LocalPage(title, "local/" + path.relative_to(project_dir / LOCAL_PAGES_DIR).as_posix()))
    return found


def check_callouts(slots: set[str], project_dir: Path) -> list[Problem]:
    """A CoC's callout file for a slot no page has would never be shown: say so rather than drop it.
    Each must be text the build can read when it fills the slot."""
    problems = []
    for path in sorted((project_dir / CALLOUTS_DIR).glob("*.md")):
        shown_as = path.relative_to(project_dir).as_posix()
        problems += read_text(path, shown_as)[1]
        if path.stem not in slots:
            problems.append(Problem(shown_as, 1, "", f"no page has the slot '{path.stem}'; name the file after one "
                                    f"of: {', '.join(sorted(slots))}"))
    return problems
