"""Pages, quiz banks and local content use person-first, trauma-informed words: "people
experiencing homelessness", never "the homeless". HUD's own names and labels are quoted as they
are."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import PROJECT_DIR

CHECKED = ["docs", "quizzes", "local"]
SUFFIXES = {".md", ".yml", ".yaml", ".html", ".svg"}
# A phrase to avoid, and what to write instead.
AVOID = {
    r"\bthe homeless\b": "people experiencing homelessness",
    r"\bhomeless (?:people|persons?|individuals?|famil(?:y|ies)|clients?|m[ae]n|wom[ae]n|children)\b":
        "people (a person, a family) experiencing homelessness",
    r"\bthe mentally ill\b": "people with a mental health disorder",
    r"\b(?:drug |substance )?(?:addicts?|abusers?)\b": "a person with a substance use disorder",
    r"\balcoholics?\b": "a person with an alcohol use disorder",
    r"\bsuffers? from\b": "has, lives with",
    r"\bcommitted suicide\b": "died by suicide",
    r"\bwheelchair[- ]bound\b": "uses a wheelchair",
    r"\bclient refused\b": "Client prefers not to answer (the wording since FY2024)",
}
# Names and labels HUD uses, quoted as they are: removed from a line before it is checked.
OFFICIAL = re.compile("|".join(map(re.escape, [
    "Homeless Management Information System", "Runaway and Homeless Youth",
    "Homeless Emergency Assistance and Rapid Transition to Housing", "Number of homeless persons",
    "transitional housing for homeless persons", '"Client refused" before FY2024',
])), re.IGNORECASE)
PATTERN = re.compile("|".join(f"(?P<p{number}>{regex})" for number, regex in enumerate(AVOID)), re.IGNORECASE)


def findings(root: Path, folders: list[str]) -> list[str]:
    """One line per phrase to avoid: where it is, what it says, and what to write instead."""
    found = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file():
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                for match in PATTERN.finditer(OFFICIAL.sub("", line)):
                    instead = list(AVOID.values())[int(match.lastgroup[1:])]
                    found.append(f"{path.relative_to(root).as_posix()}:{number}: '{match.group()}': write '{instead}'")
    return found


def test_content_uses_person_first_words() -> None:
    assert findings(PROJECT_DIR, CHECKED) == []


def test_the_check_finds_words_to_avoid_and_spares_official_names(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(
        "The Homeless Management Information System counts Number of homeless persons.\n"
        "Shelters serve the homeless. A homeless family arrived.\n", encoding="utf-8")
    assert findings(tmp_path, ["docs"]) == [
        "docs/page.md:2: 'the homeless': write 'people experiencing homelessness'",
        "docs/page.md:2: 'homeless family': write 'people (a person, a family) experiencing homelessness'",
    ]
