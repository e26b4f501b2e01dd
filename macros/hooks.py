"""A MkDocs hook (mkdocs.yml `hooks:`), not a macros module: it adds the CoC's own pages in
local/pages/ and files in local/assets/ (such as a logo) to the build, under local/, so a fork
never edits docs/. MkDocs loads this file by path, so it imports nothing from the package."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    local = Path(config.config_file_path).parent / "local"
    for folder in (local / "pages", local / "assets"):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and not path.name.startswith("."):
                src_uri = "local/" + path.relative_to(folder).as_posix()
                files.append(File.generated(config, src_uri, abs_src_path=str(path)))
    return files
