"""Every import from the rest of macros/ that the LMS exports need, in one place, so a
reorganisation of macros/ changes one file here."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from macros.content import Content, load_content
from macros.problems import fail_on
from macros.practice import answer as computed_answer
from macros.safe_markdown import SafeMarkdown
from macros.quiz.formats import Bank, ChoiceQuestion, MultipleQuestion, ShortQuestion, TrueFalseQuestion

__all__ = ["Bank", "ChoiceQuestion", "Content", "MultipleQuestion", "SafeMarkdown", "ShortQuestion", "TrueFalseQuestion",
           "computed_answer", "fail_on", "load_site"]


def load_site(project_dir: Path, config_file: Path) -> tuple[MkDocsConfig, Content]:
    """The site's configuration and all its content, checked as the build checks it."""
    config = load_config(str(config_file))
    content = load_content(project_dir, Path(config["docs_dir"]), config["nav"], config["extra"])
    return config, content
