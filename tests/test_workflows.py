"""The GitHub workflows use each action's current major version: older majors run on a Node.js
that GitHub has removed from its runners, and a fork's Pages deploy would fail."""

from __future__ import annotations

import re

from helpers import PROJECT_DIR

# The newest major of each action, checked in December 2026 (see the comment in pages.yml).
CURRENT = {"actions/checkout": 7, "actions/setup-python": 7, "actions/configure-pages": 6,
           "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}


def test_every_action_is_at_its_current_major() -> None:
    used = [(match[1], int(match[2])) for workflow in (PROJECT_DIR / ".github" / "workflows").glob("*.yml")
            for match in re.finditer(r"uses:\s*([\w-]+/[\w-]+)@v(\d+)", workflow.read_text(encoding="utf-8"))]
    assert {action for action, _ in used} == set(CURRENT)
    assert [(action, major) for action, major in used if major < CURRENT[action]] == []
