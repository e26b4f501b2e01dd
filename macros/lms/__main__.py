"""`python -m macros.lms` (make lms): SCORM 1.2 packages for every module and learning path, and
every quiz bank (and one per path) as GIFT, Moodle XML and QTI 2.1, for a CoC's own LMS.

It checks the content first (bad input: one line per problem), builds the offline site once,
then cuts every package from that build.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import banks, listing, scorm
from .sources import fail_on, load_site

PROJECT_DIR = Path(__file__).resolve().parents[2]
OUT_DIR = "site-lms"
BUILD_CONFIG = ".mkdocs.lms.build.yml"  # the offline config, inheriting the site's (a fork's own, if any)


def site_config(project_dir: Path) -> Path:
    """A fork may add mkdocs.local.yml (INHERIT: mkdocs.yml); the Makefile picks it the same way."""
    local = project_dir / "mkdocs.local.yml"
    return local if local.is_file() else project_dir / "mkdocs.yml"


def build_offline_site(project_dir: Path, config: Path, site_dir: Path) -> None:
    offline = (project_dir / "mkdocs.offline.yml").read_text(encoding="utf-8")
    build_config = project_dir / BUILD_CONFIG
    build_config.write_text(offline.replace("INHERIT: mkdocs.yml", f"INHERIT: {config.name}", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file",
                             str(build_config), "--site-dir", str(site_dir)], cwd=project_dir, capture_output=True,
                            text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode:
        raise SystemExit(f"the offline build failed:\n{result.stderr}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.lms", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=OUT_DIR, help=f"where to write them (default: {OUT_DIR}/)")
    out_dir = (PROJECT_DIR / parser.parse_args(argv).out).resolve()
    started = time.monotonic()
    config_file = site_config(PROJECT_DIR)
    config, content = load_site(PROJECT_DIR, config_file)
    try:
        fail_on(content.problems)
    except PluginError as error:
        print(error, file=sys.stderr)
        return 1
    if out_dir.exists():  # replaced whole, but only if it is empty or an earlier output
        if out_dir == PROJECT_DIR or out_dir in PROJECT_DIR.parents or (
                any(out_dir.iterdir()) and not (out_dir / "index.html").is_file()):
            print(f"make lms: {out_dir} holds other files; give --out an empty folder or an earlier output",
                  file=sys.stderr)
            return 1
        shutil.rmtree(out_dir)
    with tempfile.TemporaryDirectory() as temporary:
        site_dir = Path(temporary) / "site"
        build_offline_site(PROJECT_DIR, config_file, site_dir)
        try:
            zips = scorm.write_packages(content, site_dir, out_dir / "scorm", config["site_url"])
        except ValueError as error:  # a page that loads from another host, or markup cut wrongly
            print(f"make lms: {error}", file=sys.stderr)
            return 1
    exports = banks.write_banks(content, config, out_dir / "banks")
    listing.write_listing(out_dir, html.unescape(config["site_name"]), zips, exports)
    print(f"wrote {len(zips)} SCORM 1.2 packages to {out_dir.name}/scorm/, {len(exports) * 3} question files to "
          f"{out_dir.name}/banks/ and a list of them, {out_dir.name}/index.html, in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
