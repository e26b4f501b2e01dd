"""What the LMS tests share: running `python -m macros.lms` as `make lms` runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import PROJECT_DIR, QUIET_ENV


def make_lms(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.lms", "--out", str(out)], cwd=PROJECT_DIR, env=QUIET_ENV,
                          capture_output=True, text=True, timeout=300)
