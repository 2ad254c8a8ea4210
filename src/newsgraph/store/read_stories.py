"""Read functions for stories and responses (mixed into ``Store`` beside ReadMixin)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Union

from sqlalchemy import func, or_, select
from sqlalchemy.sql import Executable

from . import schema as S
from .read import EVENT_COLS, _page, confident


class StoriesReadMixin:
    engine: Any
    if TYPE_CHECKING:  # from ReadMixin, beside which Store mixes this in

        def _rows(self, q: Any) -> list[dict]: ...

        def get_article(self, ref: Union[int, str]) -> Optional[dict]: ...

    # ----------------------------------------------------------------- stories
    def list_stories(
        self,
        *,
        title: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        min_articles: int = 1,
        limit: Optional[int] = 50,
        offset: int = 0,
    ) -> list[dict]:
        """Stories, latest first: id, title, first_day, last_day, n_articles, outlets."""
        st = S.stories
        q = select(st.c.id, st.c.title, st.c.first_day, st.c.last_day, st.c.n_articles)
        if title:
            q = q.where(func.lower(st.c.title).like(f"%{title.lower()}%"))
        if since:
            q = q.where(st.c.last_day >= since)
        if until:
            q = q.where(st.c.first_day <= until)
        if min_articles > 1:
            q = q.where(st.c.n_articles >= min_articles)
        rows = self._rows(_page(q.order_by(st.c.last_day.desc(), st.c.id.desc()), limit, offset))
        outlets = self._story_outlets([r["id"] for r in rows])
        for r in rows:
            r["outlets"] = outlets.get(r["id"], [])
        return rows

    def _story_outlets(self, ids: list[int]) -> dict[int, list[str]]:
        if not ids:
            return {}
        sa, A = S.story_articles, S.articles
        out: dict[int, list[str]] = {}
        for sid, src in self._rows_t(
            select(sa.c.story_id, A.c.source)
            .distinct()
            .select_from(sa.join(A, A.c.id == sa.c.article_id))
            .where(sa.c.story_id.in_(ids))
            .order_by(sa.c.story_id, A.c.source)
        ):
            if src:
                out.setdefault(sid, []).append(src)
        return out

    def _rows_t(self, q: Executable) -> list[tuple]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(q)]

    def story_of_article(self, ref: Union[int, str]) -> Optional[dict]:
        """The story an article belongs to (id, title, days, n_articles) and why it joined it
        (score, via_article_id, rule); None when the article has none (stories off)."""
        art = self.get_article(ref)
        if art is None:
            return None
        sa, st = S.story_articles, S.stories
        rows = self._rows(
            select(
                st.c.id,
                st.c.title,
                st.c.first_day,
                st.c.last_day,
                st.c.n_articles,
                sa.c.score,
                sa.c.via_article_id,
                sa.c.rule,
            )
            .select_from(sa.join(st, st.c.id == sa.c.story_id))
            .where(sa.c.article_id == art["id"])
        )
        return rows[0] if rows else None

    def find_story(
        self, title: Optional[str], text: str, published: Optional[str], names: Optional[dict[str, float]] = None
    ) -> dict:
        """The story a new article (not stored) would join: {story, via, score, rule} (story None:
        it would start one). ``names``: its actor and place terms (``a:<name>``, ``p:<geonameid>``
        with their weights, as ``stories.record_terms`` makes them), if known. Reads the inverted
        index only."""
        from ..stories import terms
        from .storyindex import find_story

        with self.engine.connect() as conn:
            a = find_story(conn, published, terms(title, text, names))
        return {"story": a.story, "via": a.via, "score": round(a.score, 4), "rule": a.rule}

    def story_page(self, story_id: int, *, limit: int = 500) -> Optional[dict[str, Any]]:
        """A story: its row, its articles by day (with outlet and why each joined), its outlets,
        its statements (the confident quotes of its articles, with their statement ids), its
        events, and the response links among them."""
        st, sa, A, Q, E = S.stories, S.story_articles, S.articles, S.quotes, S.events
        rows = self._rows(select(st).where(st.c.id == story_id))
        if not rows:
            return None
        out: dict[str, Any] = rows[0]
        out["articles"] = self._rows(
            select(
                A.c.id,
                A.c.key,
                A.c.title,
                A.c.published,
                A.c.source,
                A.c.url,
                A.c.n_quotes,
                A.c.n_events,
                sa.c.score,
                sa.c.via_article_id,
                sa.c.rule,
            )
            .select_from(sa.join(A, A.c.id == sa.c.article_id))
            .where(sa.c.story_id == story_id)
            .order_by(A.c.published, A.c.id)
            .limit(limit)
        )
        ids = [a["id"] for a in out["articles"]]
        out["outlets"] = sorted({a["source"] for a in out["articles"] if a["source"]})
        if not ids:
            out.update(statements=[], events=[], responses=[])
            return out
        out["statements"] = self._rows(
            select(
                Q.c.id,
                Q.c.article_id,
                Q.c.qid,
                Q.c.statement_id,
                Q.c.text,
                Q.c.kind,
                Q.c.speaker_name,
                Q.c.speaker_actor_id,
                Q.c.day,
                Q.c.outlet,
                Q.c.cue,
                Q.c.rule,
            )
            .where(Q.c.article_id.in_(ids), Q.c.cue_type == "speech", confident(Q))
            .order_by(Q.c.day, Q.c.article_id, Q.c.start)
            .limit(limit)
        )
        out["events"] = self._rows(
            select(*EVENT_COLS)
            .where(
                E.c.article_id.in_(ids),
                E.c.negated.is_(False),
                E.c.hypothetical.is_(False),
                E.c.future.is_(False),
                confident(E),
            )
            .order_by(E.c.day, E.c.article_id, E.c.trigger_start)
            .limit(limit)
        )
        out["responses"] = self.list_responses(article_ids=ids, limit=limit)
        return out

    # ----------------------------------------------------------------- responses
    def list_responses(
        self,
        *,
        to: Optional[int] = None,
        speaker: Optional[str] = None,
        article_ids: Optional[list[int]] = None,
        statement: Optional[int] = None,
        speaker_id: Optional[int] = None,
        to_speaker_id: Optional[int] = None,
        limit: Optional[int] = 100,
        offset: int = 0,
    ) -> list[dict]:
        """Response links with both statements: ``to`` = the answered statement id (store
        ``statements.id``); ``speaker``: links whose answering or answered speaker matches (name
        substring); ``article_ids``: links touching these articles; ``statement``: links whose
        answer is this statement; ``speaker_id`` / ``to_speaker_id``: the answering / answered
        speaker's actor id."""
        R = S.responses
        QA, QB = S.quotes.alias("qa"), S.quotes.alias("qb")
        q = select(
            R.c.id,
            R.c.scope,
            R.c.stance,
            R.c.cue,
            R.c.rule,
            R.c.article_id,
            R.c.qid,
            R.c.statement_id,
            QA.c.text.label("text"),
            QA.c.speaker_name.label("speaker"),
            QA.c.speaker_actor_id.label("speaker_actor_id"),
            QA.c.day.label("day"),
            QA.c.outlet.label("outlet"),
            R.c.to_article_id,
            R.c.to_qid,
            R.c.to_statement_id,
            QB.c.text.label("to_text"),
            QB.c.speaker_name.label("to_speaker"),
            QB.c.speaker_actor_id.label("to_speaker_actor_id"),
            QB.c.day.label("to_day"),
            QB.c.outlet.label("to_outlet"),
        ).select_from(
            R.join(QA, (QA.c.article_id == R.c.article_id) & (QA.c.qid == R.c.qid)).join(
                QB, (QB.c.article_id == R.c.to_article_id) & (QB.c.qid == R.c.to_qid)
            )
        )
        if to is not None:
            q = q.where(R.c.to_statement_id == to)
        if statement is not None:
            q = q.where(R.c.statement_id == statement)
        if speaker:
            like = f"%{speaker.lower()}%"
            q = q.where(or_(func.lower(QA.c.speaker_name).like(like), func.lower(QB.c.speaker_name).like(like)))
        if speaker_id is not None:
            q = q.where(QA.c.speaker_actor_id == speaker_id)
        if to_speaker_id is not None:
            q = q.where(QB.c.speaker_actor_id == to_speaker_id)
        if article_ids is not None:
            q = q.where(or_(R.c.article_id.in_(article_ids), R.c.to_article_id.in_(article_ids)))
        return self._rows(_page(q.order_by(R.c.id), limit, offset))
