"""Stories: the engine (newsgraph.stories), the store's inverted index, the gold-set scorer and
the query command. Records are built by hand (no spaCy needed)."""

from __future__ import annotations

import json
import math

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


# Two reports of one (invented) happening that share few words but the same people and town:
# the mayor of Tarnowo and the regional governor, quoted in both.
FLOOD = (
    "Dam gives way above Tarnowo",
    "Water poured through the old dam before dawn on Tuesday, forcing families from their homes. "
    "Mayor Ewa Lis said the alarm came too late. Governor Piotr Wrona promised help.",
)
FLOOD2 = (
    "Who is to blame?",
    "Residents of the valley asked why repairs promised for years never came, while insurers counted "
    "losses in fields, shops and barns. Lis blamed the ministry; Wrona ordered an inquiry into "
    "contractors, inspectors and budgets. Lis said Tarnowo would rebuild.",
)


def _with_names(rid, title, body, published, people, place=None):
    """A record dict with PERSON entities (one mention per occurrence of each name's last word)
    and, optionally, a place (geonameid, mentions of its name)."""
    text = f"{title}\n\n{body}"
    ents = []
    for i, name in enumerate(people):
        last = name.split()[-1]
        spans = [{"start": k, "end": k + len(last), "text": last} for k in _all(text, last)]
        ents.append({"id": f"E{i}", "name": name, "type": "PERSON", "mentions": spans})
    places = []
    if place:
        pname, gid = place
        spans = [{"start": k, "end": k + len(pname), "text": pname} for k in _all(text, pname)]
        places.append(
            {
                "id": "P0",
                "name": pname,
                "geonameid": gid,
                "lat": 52.0,
                "lon": 19.0,
                "country": "POL",
                "admin1": None,
                "feature": "city",
                "population": 9000,
                "mentions": spans,
            }
        )
    return {"id": rid, "title": title, "text": text, "published": published, "entities": ents, "places": places}


def _all(text, word):
    out, k = [], text.find(word)
    while k >= 0:
        out.append(k)
        k = text.find(word, k + 1)
    return out


def test_record_terms_hold_the_actors_and_places_of_the_whole_article():
    d = _with_names("f2", *FLOOD2, "2016-09-28", ["Ewa Lis", "Piotr Wrona"], ("Tarnowo", 3083271))
    t = stories.record_terms(d)
    # names are their own block, weighted 1 + log(mentions): Lis is named twice, Wrona once
    assert t["a:ewa_lis"] == pytest.approx(1 + math.log(2)) and t["a:piotr_wrona"] == 1.0
    assert t["p:3083271"] == 1.0  # the town, named in the last sentence only
    assert stories.is_name("a:ewa_lis") and stories.is_name("p:3083271") and not stories.is_name("dam")
    # the words block is the same as without extraction
    assert {k: v for k, v in t.items() if not stories.is_name(k)} == stories.terms(*FLOOD2)


def test_record_terms_keep_the_heaviest_names(monkeypatch):
    monkeypatch.setattr(stories, "MAX_NAMES", 2)
    d = _with_names("f2", *FLOOD2, "2016-09-28", ["Ewa Lis", "Piotr Wrona"], ("Tarnowo", 3083271))
    names = sorted(k for k in stories.record_terms(d) if stories.is_name(k))
    # Lis (two mentions) first, then of the two named once the first in alphabetical order
    assert names == ["a:ewa_lis", "a:piotr_wrona"]


def test_shared_actors_and_places_join_reports_that_share_few_words():
    a = _with_names("f1", *FLOOD, "2016-09-27", ["Ewa Lis", "Piotr Wrona"], ("Tarnowo", 3083271))
    b = _with_names("f2", *FLOOD2, "2016-09-28", ["Ewa Lis", "Piotr Wrona"], ("Tarnowo", 3083271))
    # words alone: the second report's title and lead barely overlap the first's
    words = stories.MemoryIndex()
    words.add("f1", "2016-09-27", stories.terms(*FLOOD))
    alone = words.add("f2", "2016-09-28", stories.terms(*FLOOD2))
    assert alone.story is None
    # with the names block the same two reports make one story, and the rule says why
    idx = stories.MemoryIndex()
    idx.add("f1", "2016-09-27", stories.record_terms(a))
    got = idx.add("f2", "2016-09-28", stories.record_terms(b))
    assert got.story == "f1" and got.score >= stories.THRESHOLD
    words_cos, names_cos = got.cosines
    assert names_cos > words_cos
    assert got.score == pytest.approx(stories.WORDS_SHARE * words_cos + (1 - stories.WORDS_SHARE) * names_cos)
    assert f":names={names_cos:.2f}:" in got.rule and got.rule.endswith("via=f1")
    # a report of the same people a month later is outside the window
    late = _with_names("f3", *FLOOD2, "2016-10-28", ["Ewa Lis", "Piotr Wrona"], ("Tarnowo", 3083271))
    assert idx.add("f3", "2016-10-28", stories.record_terms(late)).story is None


def test_store_keeps_each_blocks_norm_and_finds_the_story_by_names(tmp_path):
    from sqlalchemy import select

    from newsgraph.record import Record
    from newsgraph.store import schema as S

    s = open_store(str(tmp_path / "names.db"))
    a = _with_names("f1", *FLOOD, "2016-09-27", ["Ewa Lis", "Piotr Wrona"], ("Tarnowo", 3083271))
    b = _with_names("f2", *FLOOD2, "2016-09-28", ["Ewa Lis", "Piotr Wrona"], ("Tarnowo", 3083271))
    ia, ib = (s.add_record(Record.from_dict(d)) for d in (a, b))
    assert s.story_of_article(ia)["id"] == s.story_of_article(ib)["id"]
    with s.engine.connect() as conn:
        rows = conn.execute(select(S.story_terms.c.term, S.story_terms.c.norm).where(S.story_terms.c.article_id == ia))
        norms = {stories.is_name(t): n for t, n in rows}
    assert set(norms) == {False, True} and norms[False] != norms[True]  # one norm per block
    names = {k: v for k, v in stories.record_terms(b).items() if stories.is_name(k)}
    with_names = s.find_story(FLOOD2[0], FLOOD2[1], "2016-09-29", names)
    assert with_names["story"] == s.story_of_article(ia)["id"] and ":names=" in with_names["rule"]
    s.close()


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


def test_eval_stories_writes_the_gold_articles_for_extraction(shared_data, tmp_path, capsys):
    from newsgraph.cli import main
    from newsgraph.eval.goldset import gold_dir, read_article_list

    out = tmp_path / "articles.jsonl"
    assert main(["eval", "stories", "--write-articles", str(out)]) == 0
    arts = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    rows = read_article_list(gold_dir() / "stories" / "articles.tsv")
    assert [a["id"] for a in arts] == [r["article"] for r in rows]
    first = arts[0]
    assert first["published"] == rows[0]["date"] and first["source"] == rows[0]["outlet"]
    assert first["title"] == rows[0]["title"] and len(first["text"]) > 200


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
    monkeypatch.setattr(stories, "WORDS_SHARE", stories.WORDS_SHARE)
    assert main(["eval", "stories", "--split", "tune", "--json"]) == 0
    default = json.loads(capsys.readouterr().out)
    assert main(["eval", "stories", "--split", "tune", "--lead", "30", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["settings"]["lead_words"] == 30 and default["settings"]["lead_words"] == 100
    # a lead of 30 words gives other clusters than the default's 100
    assert out["predicted_stories"] != default["predicted_stories"]
    assert main(["eval", "stories", "--split", "tune", "--words-share", "0.5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["settings"]["words_share"] == 0.5
