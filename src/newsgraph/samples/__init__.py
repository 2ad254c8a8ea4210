"""Sample wire-style articles bundled with newsgraph (invented; written for the project).

``sample_path()`` is a JSONL file, one article a line, used by ``newsgraph extract --sample``,
the demo database and the tests. ``responses_sample_path()`` holds one more article, a day
after the ceasefire sample, where one statement (a call for a ceasefire) is answered by four
speakers with four stances (docs/responses.md); the demo store and the tests add it.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent


def sample_path() -> Path:
    return HERE / "articles.jsonl"


def responses_sample_path() -> Path:
    return HERE / "responses.jsonl"


def sample_articles() -> list[dict]:
    with open(sample_path(), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
