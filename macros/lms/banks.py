"""Every quiz bank, and one file per learning path, as GIFT, Moodle XML and a QTI 2.1 package."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .gift import gift
from .items import Item, items_of
from .moodle_xml import moodle_xml
from .qti import qti_package
from .sources import Content, SafeMarkdown
from .zips import write_zip

DEFAULT_TITLE = "Check your understanding"  # a bank's title when it gives none: no use as a category


def bank_groups(content: Content, config: MkDocsConfig) -> dict[str, tuple[str, list[Item]]]:
    """Each bank's category name (its module's title, else its own title, else its id) and questions."""
    markdown = SafeMarkdown(config)
    modules = content.by_id()
    groups = {}
    for bank_id, bank in sorted(content.banks.items()):
        title = str(modules[bank_id].meta.title) if bank_id in modules else (
            bank.title if bank.title != DEFAULT_TITLE else bank_id)
        groups[bank_id] = (title.replace("/", "-"), items_of(bank_id, bank, markdown))  # "/" would nest categories
    return groups


def write_set(out_dir: Path, name: str, title: str, groups: list[tuple[str, list[Item]]]) -> list[Path]:
    """<name>.gift.txt, <name>.moodle.xml and <name>.qti.zip."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"{name}.gift.txt", out_dir / f"{name}.moodle.xml", out_dir / f"{name}.qti.zip"]
    paths[0].write_text(gift(title, groups), encoding="utf-8")
    paths[1].write_bytes(moodle_xml(groups))
    write_zip(paths[2], qti_package(name, title, [item for _, items in groups for item in items]))
    return paths


def write_banks(content: Content, config: MkDocsConfig, out_dir: Path) -> list[tuple[str, str]]:
    """Writes the files; returns each set's file stem and title."""
    groups = bank_groups(content, config)
    written = []
    for bank_id, group in groups.items():
        write_set(out_dir, bank_id, group[0], [group])
        written.append((bank_id, group[0]))
    for path in content.paths.paths if content.paths else []:
        chosen = [groups[step.module] for step in path.steps if step.module in groups]
        title = f"Learning path: {path.name}"
        write_set(out_dir, f"path-{path.id}", title, chosen)
        written.append((f"path-{path.id}", title))
    return written
