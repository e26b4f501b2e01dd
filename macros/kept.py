"""What a process keeps from one build to the next (`mkdocs serve`, the bench's warm rebuilds).

forget_earlier_code (macros/__init__.py) drops every macros.* module before each rebuild, so
anything kept lives on the `macros` package object itself, which it leaves in place. Each store
is emptied when its stamp changes: the code and settings its values were made with.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path


def kept(name: str, *made_with: object) -> dict:
    """The store called `name`, as earlier builds left it if `made_with` is the same, else empty."""
    stamp = hashlib.sha256(repr(made_with).encode("utf-8")).hexdigest()
    stores = sys.modules[__name__.rpartition(".")[0]].__dict__.setdefault("_kept_between_builds", {})
    if name not in stores or stores[name][0] != stamp:
        stores[name] = (stamp, {})
    return stores[name][1]


def code_of(module_file: str) -> bytes:
    """A module's source, for a stamp: editing the code empties what it made."""
    return Path(module_file).read_bytes()
