"""Problems found in content, and the one place that reports them and stops the build."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, pointing at the line an editor should fix."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def fail_on(problems: list[Problem]) -> None:
    """Stop the build with every problem at once, one line each, and no traceback. Two checks that
    read the same file may find the same problem: it is listed once."""
    if not problems:
        return
    unique = sorted(set(problems))
    count = f"{len(unique)} problem{'s' if len(unique) != 1 else ''}"
    lines = "\n".join(str(problem) for problem in unique)
    raise PluginError(f"{count} in the site's content; fix these and build again:\n{lines}")
