"""An event's recipient says how it was found (``Event.recipient_basis``), and a recipient the
sentence does not name (the actor's own country, CAMEO's domestic coding) is shown as a guess in
the readable summary, the store, the exports and the web pages (issue 10: users took the guess
for a target the article names)."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from newsgraph.article import Article
from newsgraph.pipeline import extract_one
from newsgraph.pretty import format_record

# (round 19: not "condemned the attack", whose target is the attack: no guess there, precision19.judged_thing19)
GUESSED = "The Polish government imposed a curfew on Tuesday.\n"
NAMED = "Russia accused Ukraine on Friday of shelling the bridge.\n"


def _events(nlp, text):
    rec = extract_one(nlp, Article(id="t", text=text, published="2024-03-06", title="Test", source="Example Wire"))
    assert not isinstance(rec, Exception), rec
    return rec


def test_a_recipient_the_sentence_does_not_name_is_marked_a_guess(nlp):
    ev = _events(nlp, GUESSED).events[0]
    assert ev.type == "COERCE" and ev.recipient is None and ev.recipient_mention is None
    assert ev.recipient_country == "POL" and ev.recipient_basis == "domestic", ev.rule


def test_a_named_recipient_is_named(nlp):
    ev = _events(nlp, NAMED).events[0]
    assert ev.type == "ACCUSE" and ev.recipient_country == "UKR"
    assert ev.recipient_basis == "named" and ev.recipient_mention.text == "Ukraine"


def test_no_recipient_no_basis(nlp):
    rec = _events(nlp, "Senator Elizabeth Warren on Tuesday decried the influence of big money in politics.\n")
    assert rec.events and all(e.recipient_basis is None for e in rec.events if e.recipient_country is None)


def test_the_summary_shows_the_guess(nlp):
    text = format_record(_events(nlp, GUESSED))
    assert "-> POL (guess: no target named, the actor's own country)" in text, text
    text = format_record(_events(nlp, NAMED))
    assert "-> Ukraine  'accused'" in text and "guess" not in text, text


def test_the_store_the_exports_and_the_pages_show_the_guess(nlp, tmp_path):
    from newsgraph.store import open_store
    from newsgraph.store.export import to_string
    from newsgraph.web.app import create_app

    s = open_store(str(tmp_path / "a.db"))
    assert s.add_record(_events(nlp, GUESSED)) is not None
    with s.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT type, recipient_country, recipient_basis FROM events").fetchall()
    assert [tuple(r) for r in rows] == [("COERCE", "POL", "domestic")]

    target = json.loads(to_string(s, "plover"))[0]["target"][0]
    assert target["code"] == "POL" and target["basis"] == "domestic", target
    head, row = (line.split("\t") for line in to_string(s, "polecat").splitlines()[:2])
    assert row[head.index("Recipient Basis")] == "domestic" and row[head.index("Recipient Country")] == "POL"

    with TestClient(create_app(s.target, store=s, token=None)) as c:
        r = c.get("/timeline")
        assert r.status_code == 200 and "(guess: no target named, the actor&#39;s own country)" in r.text
        aid = c.get("/api/actors", params={"q": "Polish"}).json()["results"][0]["id"]
        r = c.get(f"/actors/{aid}")
        assert r.status_code == 200 and "→" in r.text and "(guess: no target named" in r.text, r.text[-3000:]
        art = c.get("/api/articles").json()["results"][0]["id"]
        r = c.get(f"/articles/{art}")
        assert r.status_code == 200 and "POL (guess: no target named" in r.text
    s.close()
