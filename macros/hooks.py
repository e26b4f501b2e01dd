"""A MkDocs hook (mkdocs.yml `hooks:`), not a macros module: it adds the CoC's own pages in
local/pages/ to the build, under local/, so a fork never edits docs/. MkDocs loads this file by
path, so it imports nothing from the package."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    local_pages = Path(config.config_file_path).parent / "local" / "pages"
    for path in sorted(local_pages.rglob("*")) if local_pages.is_dir() else []:
        if path.is_file() and not path.name.startswith("."):
            src_uri = "local/" + path.relative_to(local_pages).as_posix()
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
    return files
