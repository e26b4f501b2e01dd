"""A training day's agenda: each module for its minutes, with breaks between. The path pages print
one; agenda.js follows the same rule for the agenda builder."""

from __future__ import annotations

from ..curriculum.modules import Module

AGENDA_START = 9 * 60  # a pre-built agenda starts at 9:00
AGENDA_BREAK = 10      # with a 10-minute break after each module but the last


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def agenda(modules: list[Module], start: int = AGENDA_START, pause: int = AGENDA_BREAK) -> list[tuple[str, str, str]]:
    """(start, end, what) rows: each module for its minutes, a break after each but the last.
    agenda.js follows the same rule for the agenda builder."""
    rows, now = [], start
    for index, module in enumerate(modules):
        rows.append((clock(now), clock(now + module.meta.minutes), module.meta.title))
        now += module.meta.minutes
        if pause and index < len(modules) - 1:
            rows.append((clock(now), clock(now + pause), "Break"))
            now += pause
    return rows
