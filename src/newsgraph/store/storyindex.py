"""The story engine (newsgraph.stories) on a store: its inverted index is the ``story_terms``
table, read with one covering index (term, day, ...), so finding the story of a new article
reads only the postings of its terms within the time window, however large the store.

``assign_article`` runs inside the transaction that stores the article (Store._insert_record);
``backfill`` gives stories to the articles of a store upgraded from before revision 0008.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Optional

from sqlalchemy import case, func, or_, select
from sqlalchemy.engine import Connection

from .. import stories as engine
from . import schema as S

IN_CHUNK = 400  # terms per IN (...) list


class StoreStoryIndex:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def window(self, terms: list[str], lo: str, hi: str) -> tuple[int, dict[str, int]]:
        st, sa = S.story_terms, S.story_articles
        n = self.conn.execute(select(func.count()).select_from(sa).where(sa.c.day >= lo, sa.c.day <= hi)).scalar_one()
        df: dict[str, int] = {}
        for i in range(0, len(terms), IN_CHUNK):
            q = (
                select(st.c.term, func.count())
                .where(st.c.term.in_(terms[i : i + IN_CHUNK]), st.c.day >= lo, st.c.day <= hi)
                .group_by(st.c.term)
            )
            df.update({t: c for t, c in self.conn.execute(q)})
        return n, df

    def postings(self, terms: list[str], lo: str, hi: str) -> Iterator[tuple[int, int, str, float, float]]:
        st = S.story_terms
        for i in range(0, len(terms), IN_CHUNK):
            q = select(st.c.article_id, st.c.story_id, st.c.term, st.c.weight, st.c.norm).where(
                st.c.term.in_(terms[i : i + IN_CHUNK]), st.c.day >= lo, st.c.day <= hi
            )
            yield from self.conn.execute(q)


def find_story(conn: Connection, day: Optional[str], vec: dict) -> engine.Assignment:
    """The story an article with these terms would join (nothing written)."""
    return engine.assign(StoreStoryIndex(conn), day, vec)


def assign_article(conn: Connection, article_id: int, rec: dict, sid_of: Optional[dict] = None) -> int:
    """Give a just-stored article its story (joining one or starting one) and index its terms;
    returns the story id."""
    vec = engine.record_terms(rec)
    day = rec.get("published")
    a = find_story(conn, day, vec)
    stt = S.stories
    if a.story is None:
        title = rec.get("title") or (rec.get("text") or "").strip().split("\n", 1)[0][:200]
        story_id = conn.execute(
            stt.insert().values(title=title, first_day=day, last_day=day, n_articles=1).returning(stt.c.id)
        ).scalar_one()
    else:
        story_id = a.story
        vals = {"n_articles": stt.c.n_articles + 1}
        if day:
            vals["first_day"] = case(
                (or_(stt.c.first_day.is_(None), stt.c.first_day > day), day), else_=stt.c.first_day
            )
            vals["last_day"] = case((or_(stt.c.last_day.is_(None), stt.c.last_day < day), day), else_=stt.c.last_day)
        conn.execute(stt.update().where(stt.c.id == story_id).values(**vals))
    conn.execute(
        S.story_articles.insert().values(
            article_id=article_id,
            story_id=story_id,
            day=day,
            score=a.score if a.story is not None else None,
            via_article_id=a.via,
            rule=a.rule,
        )
    )
    if day and vec:
        conn.execute(
            S.story_terms.insert(),
            [
                {
                    "term": t[:64],
                    "day": day,
                    "article_id": article_id,
                    "story_id": story_id,
                    "weight": w,
                    "norm": a.norm_of(t),
                }
                for t, w in vec.items()
            ],
        )
    if sid_of is not None and a.story is not None:
        link_across(conn, article_id, story_id, rec, sid_of)
    return story_id


def backfill(conn: Connection) -> int:
    """Stories for the stored articles that have none, in publication order (then id)."""
    a, sa = S.articles, S.story_articles
    q = select(a.c.id, a.c.record_json).where(~a.c.id.in_(select(sa.c.article_id))).order_by(a.c.published, a.c.id)
    n = 0
    for art_id, rj in conn.execute(q).fetchall():
        assign_article(conn, art_id, json.loads(rj))
        n += 1
    return n


STORY_RESPONSE_SCAN = 2000  # statements of the story read to find the one a cue names


def link_across(conn: Connection, article_id: int, story_id: int, rec: dict, sid_of: dict) -> int:
    """Responses across the articles of a story: a statement of this article whose sentence
    has a cue naming a speaker the article does not quote ("Melnyk rejected Sorokin's claim,
    saying ...") answers that speaker's first statement reported in an earlier (or same-day)
    article of the story. Same frames, nouns and stance rules as within an article; the rule
    ends in ``:scope=story``."""
    from ..responses import _name_matches, answer_stance, open_cues
    from .read import confident

    cues = open_cues(rec.get("text") or "", rec.get("quotes") or [], rec.get("entities") or [])
    if not cues:
        return 0
    Q, SA = S.quotes, S.story_articles
    day = rec.get("published")
    q = (
        select(Q.c.article_id, Q.c.qid, Q.c.statement_id, Q.c.speaker_name)
        .select_from(Q.join(SA, SA.c.article_id == Q.c.article_id))
        .where(SA.c.story_id == story_id, Q.c.article_id != article_id, Q.c.cue_type == "speech", confident(Q))
    )
    if day:
        q = q.where(or_(Q.c.published.is_(None), Q.c.published <= day))
    earlier = conn.execute(q.order_by(Q.c.day, Q.c.article_id, Q.c.start).limit(STORY_RESPONSE_SCAN)).fetchall()
    rows = []
    for quote, cue in cues:
        target = next((r for r in earlier if _name_matches(cue["who"], r.speaker_name)), None)
        if target is None:
            continue
        stance = (
            cue["stance"]
            if cue["stance"] != "answer"
            else answer_stance(quote["text"], "reject" if cue["frame"] == "reference" else "other")
        )
        rows.append(
            dict(
                article_id=article_id,
                qid=quote["id"],
                statement_id=sid_of.get(quote["id"]),
                to_article_id=target.article_id,
                to_qid=target.qid,
                to_statement_id=target.statement_id,
                cue=cue["text"],
                stance=stance,
                scope="story",
                rule=f"response:frame={cue['frame'].replace(' ', '_')}:target=named-speaker:scope=story",
            )
        )
    if rows:
        conn.execute(S.responses.insert(), rows)
    return len(rows)
