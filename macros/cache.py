"""Content read and checked once per file change. `mkdocs serve` rebuilds in one process: a file
whose path, modification time and size are as they were is not read or checked again; its parse
result, problems included, is reused, so the same problems are reported on every build until the
file is fixed. Checks across files still run on every build, on these results.

The store hangs on the `macros` package object, which forget_earlier_code() never drops, and is
keyed by a stamp of the code (every macros/ source and data file): editing code drops it whole."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

PACKAGE_DIR = Path(__file__).resolve().parent
CODE_SUFFIXES = (".py", ".json")  # the code, and the specification it reads (practice/fy2026_spec.json)
STORE = "_content_cache"
# A file changed within this long of being read may change again with the same time and size (the
# clock a file system stamps with ticks coarsely): such a result is not trusted, as git does.
RACY_NS = 2_000_000_000

T = TypeVar("T")
Signature = tuple[int, int, int]  # modification time (ns), size, inode
Load = Callable[..., Any]  # load(loader, path, *args): loader(path, *args), perhaps from a cache


def read_directly(loader: Callable[..., T], path: Path, *args: Hashable) -> T:
    """No cache, for one-off checks (`make check`, tests): loader(path, *args)."""
    return loader(path, *args)


def code_stamp(package_dir: Path = PACKAGE_DIR) -> Hashable:
    """Every code file's path, time and size; a file saved just now makes a stamp of its own, so
    a second save in the same clock tick is not missed."""
    stamp, newest = [], 0
    for path in sorted(package_dir.rglob("*")):
        if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
            found = path.stat()
            stamp.append((path.relative_to(package_dir).as_posix(), found.st_mtime_ns, found.st_size))
            newest = max(newest, found.st_mtime_ns)
    return object() if newest > time.time_ns() - RACY_NS else tuple(stamp)


def signature(path: Path) -> Signature | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size, found.st_ino


class ContentCache:
    """Results of loading one file, keyed by the loader, the path and the loader's other arguments."""

    def __init__(self, stamp: Hashable) -> None:
        self.stamp = stamp
        self.files: dict[Hashable, tuple[Signature, int, object]] = {}
        self.derived: dict[str, tuple[Hashable, object]] = {}

    def load(self, loader: Callable[..., T], path: Path, *args: Hashable) -> T:
        """loader(path, *args), or its earlier result if the file is unchanged since."""
        key = (loader.__module__, loader.__qualname__, str(path), args)
        before = signature(path)
        entry = self.files.get(key)
        if before is not None and entry is not None and entry[0] == before and before[0] < entry[1] - RACY_NS:
            return entry[2]  # type: ignore[return-value]
        read_at = time.time_ns()
        result = loader(path, *args)
        if before is not None and signature(path) == before:  # not changed while it was read
            self.files[key] = (before, read_at, result)
        else:
            self.files.pop(key, None)
        return result

    def files_signature(self, paths: list[Path]) -> Hashable:
        """For a result made from several files: their signatures, or None (never equal) if any
        of them changed too recently to trust."""
        found = tuple((str(path), signature(path)) for path in paths)
        now = time.time_ns()
        return object() if any(sig and sig[0] > now - RACY_NS for _, sig in found) else found

    def derive(self, name: str, inputs: Hashable, make: Callable[[], T]) -> T:
        """make(), or its earlier result if `inputs` equal those it was made from."""
        entry = self.derived.get(name)
        if entry is not None and entry[0] == inputs:
            return entry[1]  # type: ignore[return-value]
        result = make()
        self.derived[name] = (inputs, result)
        return result


def kept(name: str, *made_with: object) -> dict:
    """A store that the next build in this process finds as this one left it, while the code and
    `made_with` (e.g. the Markdown settings) are the same; else an empty one."""
    return current().derive(name, made_with, dict)


def current(stamp: Hashable | None = None) -> ContentCache:
    """The package's cache. With a code stamp (define_env, once a build): a new one if the code
    changed since the cache was made; without (later in the same build): the one there is."""
    package = sys.modules[__name__.rpartition(".")[0]]
    cache = getattr(package, STORE, None)
    if not isinstance(cache, ContentCache) or (stamp is not None and cache.stamp != stamp):
        cache = ContentCache(code_stamp() if stamp is None else stamp)
        setattr(package, STORE, cache)
    return cache
