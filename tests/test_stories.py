"""Stories: the engine (newsgraph.stories), the store's inverted index, the gold-set scorer and
the query command. Records are built by hand (no spaCy needed)."""

from __future__ import annotations

import json

import pytest

from newsgraph import stories
from newsgraph.eval.stories import bcubed
from newsgraph.record import Record
from newsgraph.store import open_store

DEBATE = (
    "Clinton and Trump clash in first presidential debate at Hofstra",
    "Hillary Clinton and Donald Trump clashed over trade, taxes and race in the first presidential "
    "debate at Hofstra University on Monday night, trading barbs before a record television audience.",
)
DEBATE2 = (
    "Fact check: claims from the first presidential debate at Hofstra",
    "Donald Trump and Hillary Clinton made dozens of claims about trade and taxes at the first "
    "presidential debate at Hofstra University. We checked them.",
)
GOLF = (
    "PGA Tour moves Doral tournament to Mexico City",
    "The PGA Tour is moving its World Golf Championships event from Trump National Doral in Miami to "
    "Mexico City after sponsors left, the tour said.",
)


def rec(rid, title, body, published, outlet="Wire"):
    return Record(
        id=rid,
        text=f"{title}\n\n{body}",
        title=title,
        url=f"https://{outlet.lower()}.example/{rid}",
        published=published,
        source=outlet,
    )


def test_terms_drop_stop_words_and_weigh_the_title():
    t = stories.terms(*DEBATE)
    assert "the" not in t and "and" not in t
    assert t["debate"] > t["audience"]  # a title word counts more than a lead-only word
    assert "clash" in t and "hofstra" in t  # plural/verb -s cut, case folded


def test_memory_engine_groups_the_same_happening_within_the_window():
    idx = stories.MemoryIndex()
    a = idx.add("a", "2016-09-27", stories.terms(*DEBATE))
    b = idx.add("b", "2016-09-28", stories.terms(*DEBATE2))
    c = idx.add("c", "2016-09-28", stories.terms(*GOLF))
    d = idx.add("d", "2016-10-20", stories.terms(*DEBATE2))  # three weeks later: outside the window
    assert a.story is None and a.rule == "tfidf:new"
    assert b.story == "a" and b.via == "a" and b.score >= stories.THRESHOLD
    assert b.rule.startswith("tfidf:cos=") and "via=a" in b.rule
    assert c.story is None and d.story is None
    assert idx.story_of == {"a": "a", "b": "a", "c": "c", "d": "d"}


def test_bcubed():
    gold = {1: "x", 2: "x", 3: "y"}
    assert bcubed({1: "a", 2: "a", 3: "b"}, gold) == (1.0, 1.0, 1.0)
    p, r, f = bcubed({1: 1, 2: 2, 3: 3}, gold)  # singletons: precision 1, recall (1/2 + 1/2 + 1) / 3
    assert p == 1.0 and abs(r - 2 / 3) < 1e-9
    p, r, f = bcubed({1: "a", 2: "a", 3: "a"}, gold)  # one cluster: precision (2/3 + 2/3 + 1/3) / 3
    assert abs(p - 5 / 9) < 1e-9 and r == 1.0


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    url = str(tmp_path / "store.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    s = open_store(url)
    yield s
    s.close()


def test_store_gives_each_article_a_story_like_the_memory_engine(store):
    recs = [
        rec("a", *DEBATE, "2016-09-27", "Paper"),
        rec("b", *DEBATE2, "2016-09-28", "Wire"),
        rec("c", *GOLF, "2016-09-28", "Golf Daily"),
        rec("d", *DEBATE2[:1], "Different words here entirely about a debate at Hofstra.", "2016-10-20"),
    ]
    ids = [store.add_record(r) for r in recs]
    sa, sb, sc, sd = (store.story_of_article(i) for i in ids)
    assert sa["id"] == sb["id"] != sc["id"] != sd["id"]
    assert sb["via_article_id"] == ids[0] and sb["rule"].startswith("tfidf:cos=")
    assert sa["n_articles"] == 2 and (sa["first_day"], sa["last_day"]) == ("2016-09-27", "2016-09-28")
    page = store.story_page(sa["id"])
    assert [a["key"] for a in page["articles"]] == ["a", "b"] and page["outlets"] == ["Paper", "Wire"]
    listed = store.list_stories(min_articles=2)
    assert [s["id"] for s in listed] == [sa["id"]] and listed[0]["outlets"] == ["Paper", "Wire"]
    # a lookup without storing: the story a new article would join
    found = store.find_story(DEBATE2[0], DEBATE2[1], "2016-09-29")
    assert found["story"] == sa["id"] and found["score"] >= stories.THRESHOLD
    # the same engine in memory makes the same groups
    idx = stories.MemoryIndex()
    for r in recs:
        idx.add(r.id, r.published, stories.record_terms(r))
    assert idx.story_of == {"a": "a", "b": "a", "c": "c", "d": "d"}


def test_stories_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_STORIES", "0")
    s = open_store(str(tmp_path / "off.db"))
    i = s.add_record(rec("a", *DEBATE, "2016-09-27"))
    assert s.story_of_article(i) is None and s.list_stories() == []
    s.close()


def test_upgrade_from_0007_gives_stored_articles_stories(store):
    from alembic import command
    from alembic.config import Config

    from newsgraph.store.db import MIGRATIONS

    store.add_record(rec("a", *DEBATE, "2016-09-27"))
    store.add_record(rec("b", *DEBATE2, "2016-09-28"))
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
    again = open_store(store.target)
    got = again.list_stories()
    assert len(got) == 1 and got[0]["n_articles"] == 2
    again.close()


def test_query_stories_command(tmp_path, capsys):
    from newsgraph.cli import main

    db = str(tmp_path / "q.db")
    s = open_store(db)
    ids = [s.add_record(r) for r in (rec("a", *DEBATE, "2016-09-27", "Paper"), rec("b", *DEBATE2, "2016-09-28"))]
    s.close()
    assert main(["query", "stories", "--db", db, "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 1 and rows[0]["n_articles"] == 2 and rows[0]["title"] == DEBATE[0]
    assert main(["query", "story", str(ids[1]), "--article", "--db", db]) == 0
    page = json.loads(capsys.readouterr().out)
    assert [a["key"] for a in page["articles"]] == ["a", "b"]


def test_eval_stories_on_the_gold_set(shared_data, capsys):
    from newsgraph.cli import main

    assert main(["eval", "stories", "--split", "tune", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] > 150 and out["agreement_S2_vs_S1"]["articles"] == 104
    assert out["bcubed"]["f1"] >= out["singleton_baseline"]["f1"]
    assert out["bcubed"]["precision"] >= 0.9


def test_story_pages_in_the_web_app(tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    db = str(tmp_path / "w.db")
    s = open_store(db)
    ids = [
        s.add_record(r)
        for r in (
            rec("a", *DEBATE, "2016-09-27", "Paper"),
            rec("b", *DEBATE2, "2016-09-28"),
            rec("x", "<script>alert(1)</script> Golf", GOLF[1], "2016-09-28", "Golf"),
        )
    ]
    story = s.story_of_article(ids[0])["id"]
    with TestClient(create_app(db, store=s)) as c:
        lst = c.get("/api/stories").json()
        assert [r["n_articles"] for r in lst["results"]] == [1, 2] or [r["n_articles"] for r in lst["results"]] == [
            2,
            1,
        ]
        assert c.get("/api/stories?min_articles=2").json()["results"][0]["id"] == story
        d = c.get(f"/api/stories/{story}").json()
        assert [a["key"] for a in d["articles"]] == ["a", "b"] and d["outlets"] == ["Paper", "Wire"]
        html = c.get(f"/stories/{story}").text
        assert DEBATE[0] in html and '<th scope="row">Paper</th>' in html and "2016-09-28" in html
        page = c.get("/stories").text
        assert "&lt;script&gt;" in page and "<script>alert(1)" not in page
        art = c.get(f"/articles/{ids[1]}").text
        assert f'href="/stories/{story}"' in art
        assert c.get(f"/api/articles/{ids[1]}").json()["story"]["id"] == story
        assert c.get("/stories/999999").status_code == 404
        assert c.get("/stories?format=csv").status_code == 200
    s.close()


def test_eval_stories_lead_override(shared_data, capsys, monkeypatch):
    from newsgraph import stories
    from newsgraph.cli import main

    monkeypatch.setattr(stories, "LEAD_WORDS", stories.LEAD_WORDS)  # restored after the test
    assert main(["eval", "stories", "--split", "tune", "--json"]) == 0
    default = json.loads(capsys.readouterr().out)
    assert main(["eval", "stories", "--split", "tune", "--lead", "30", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["settings"]["lead_words"] == 30 and default["settings"]["lead_words"] == 100
    # a lead of 30 words gives other clusters than the default's 100
    assert out["predicted_stories"] != default["predicted_stories"]
