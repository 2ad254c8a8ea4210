"""Extraction functions for the web app's worker process in tests (imported by the spawned
worker through ``create_app(nlp_loader="web_workers:...")``)."""

from __future__ import annotations

import os
import time


def sleepy():
    """Takes NEWSGRAPH_TEST_SLEEP seconds per article, then returns an empty record."""
    from newsgraph.record import Record

    def extract(article: dict) -> dict:
        time.sleep(float(os.environ.get("NEWSGRAPH_TEST_SLEEP", "1")))
        return Record(
            id=article["id"],
            text=article["text"],
            title=article.get("title"),
            published=article.get("published"),
            source=article.get("source"),
            url=article.get("url"),
        ).to_dict()

    return extract
