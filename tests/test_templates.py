"""The one Jinja environment (macros/templates.py): partials compiled once per process, never stale."""

from __future__ import annotations

from pathlib import Path

import jinja2

from macros.templates import CompiledPartials


class CountedPartials(CompiledPartials):
    compiles = 0

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:  # Jinja stores what it has just compiled
        CountedPartials.compiles += 1
        super().dump_bytecode(bucket)


def render(folder: Path, name: str) -> str:
    """As each build does it: a new environment over the partials kept by earlier ones."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=CountedPartials()) \
        .get_template("greeting.html").render(name=name)


def test_a_partial_compiled_by_an_earlier_build_is_reused_until_it_is_edited(tmp_path: Path) -> None:
    partial = tmp_path / "greeting.html"
    partial.write_text("Hello {{ name }}", encoding="utf-8")
    assert render(tmp_path, "A") == "Hello A" and CountedPartials.compiles == 1
    assert render(tmp_path, "B") == "Hello B" and CountedPartials.compiles == 1

    partial.write_text("Goodbye {{ name }}", encoding="utf-8")
    assert render(tmp_path, "C") == "Goodbye C" and CountedPartials.compiles == 2
