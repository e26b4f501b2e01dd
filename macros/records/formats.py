"""What a completion record and the roster are checked against, made at build time: the record
file's format name, a short content version (a hash of every question's version, so a record made
on older questions shows it) and the catalogue of banks, questions and paths the roster embeds.
The record file itself is documented in docs/assets/record.schema.json."""

from __future__ import annotations

import hashlib
import json

FORMAT = "hmis-training-record/1"
VERSION_LENGTH = 12  # hex digits: short enough to print, long enough never to collide by chance


def content_version(catalogue: dict[str, dict]) -> str:
    """A hash of every bank's question ids and versions (QuizRenderer.progress_catalogue): it
    changes whenever a question is added, removed or edited, and only then."""
    versions = {bank_id: {question_id: entry[0] for question_id, entry in bank["questions"].items()}
                for bank_id, bank in catalogue.items()}
    text = json.dumps(versions, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


def roster_catalogue(catalogue: dict[str, dict], paths: dict[str, str], pass_mark: int) -> dict:
    """What roster.js compares each record with: the content version, the pass mark, the paths by
    id, and each bank's questions as [version, type, number of options]."""
    return {"format": FORMAT, "content_version": content_version(catalogue), "pass_mark": pass_mark,
            "paths": paths, "banks": catalogue}
