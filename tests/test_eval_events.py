"""The whole-article event scorer (newsgraph eval events) on small hand-built gold/prediction
pairs (no model), and the real gold set loading (skipped without ../shared/data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.eval.events import (
    GoldEvent,
    PredEvent,
    load_pass,
    party_ok,
    preds_from_gold,
    resolve_gold,
    score_article,
    slug,
)
from newsgraph.eval.goldset import load_article_text

ROOT = Path(__file__).resolve().parents[1]

# "Russian forces shelled Kharkiv, a Ukrainian spokesman said."
#  0       8      15      23     31
SENT = "Russian forces shelled Kharkiv, a Ukrainian spokesman said."


def gold(type_="ASSAULT", trigger=(15, 22), actor=(0, 14), ac="RUS", recipient=(23, 30), rc="UKR", mode=None):
    return GoldEvent(type_, mode, trigger, actor, ac, recipient, rc)


def pred(type_="ASSAULT", trigger=(15, 22), actor=((0, 14),), ac="RUS", recipient=((23, 30),), rc="UKR", **kw):
    return PredEvent(type_, kw.pop("mode", None), trigger, actor, ac, recipient, rc, **kw)


def prf(sc, level):
    return tuple(round(x, 3) for x in sc.prf(level))


def test_all_levels_right():
    sc, _ = score_article([gold()], [pred()])
    assert sc.pairs == {"type": 1, "type+actor": 1, "type+actor+recipient": 1}
    assert prf(sc, "type+actor+recipient") == (1.0, 1.0, 1.0)


def test_wrong_type_pairs_at_no_level():
    sc, _ = score_article([gold()], [pred("COERCE")])
    assert sc.pairs["type"] == 0 and prf(sc, "type") == (0.0, 0.0, 0.0)


def test_no_trigger_overlap_is_no_pair():
    sc, _ = score_article([gold()], [pred(trigger=(50, 54))])
    assert sc.pairs["type"] == 0


def test_the_wrong_mention_with_the_right_country_is_a_wrong_actor():
    # the spokesman (33..53) is Ukrainian; a coder who reads him as the actor but codes RUS
    sc, _ = score_article([gold()], [pred(actor=((33, 53),), ac="RUS")])
    assert sc.pairs["type"] == 1 and sc.pairs["type+actor"] == 0


def test_a_mention_of_the_actors_entity_counts():
    # the predicted mention is elsewhere (a pronoun), but its entity's mentions include the gold words
    sc, _ = score_article([gold()], [pred(actor=((70, 72), (0, 14)))])
    assert sc.pairs["type+actor"] == 1


def test_the_right_mention_with_the_wrong_country_is_a_wrong_actor():
    sc, _ = score_article([gold()], [pred(ac="UKR")])
    assert sc.pairs["type+actor"] == 0


def test_country_only_gold_actor_and_igo():
    g = gold(actor=None, ac="IGO")
    assert party_ok(g.actor, g.actor_country, (), "UN")
    assert not party_ok(g.actor, g.actor_country, (), "RUS")
    # a gold actor with neither words nor country is unknown: no country may be guessed
    assert party_ok(None, None, ((0, 3),), None)
    assert not party_ok(None, None, (), "USA")


def test_recipient_judged_only_where_the_gold_names_one():
    sc, _ = score_article([gold(recipient=None, rc=None)], [pred(recipient=(), rc="POL")])
    assert sc.pairs["type+actor+recipient"] == 1 and sc.recipient_n == 0
    sc, _ = score_article([gold()], [pred(recipient=(), rc=None)])
    assert sc.pairs["type+actor"] == 1 and sc.pairs["type+actor+recipient"] == 0
    assert sc.recipient_n == 1 and sc.recipient_ok == 0


def test_flagged_and_low_confidence_predictions_do_not_count():
    preds = [pred(counted=False, why_not="negated"), pred(trigger=(40, 44), counted=False, why_not="confidence 0.20")]
    sc, _ = score_article([gold()], preds)
    assert sc.predicted == 0 and sc.not_counted == 2 and sc.pairs["type"] == 0
    assert prf(sc, "type") == (0.0, 0.0, 0.0)


def test_one_to_one_pairing():
    # two predictions on one trigger: one pair, one false prediction
    sc, _ = score_article([gold()], [pred(), pred(trigger=(15, 19))])
    assert sc.pairs["type"] == 1 and prf(sc, "type") == (0.5, 1.0, 0.667)
    # the pairing prefers the assignment that pairs most: g0 can take p0 or p1, g1 only p0
    g = [gold(trigger=(0, 30)), gold(trigger=(10, 16))]
    p = [pred(trigger=(12, 14)), pred(trigger=(25, 28))]
    sc, pairs = score_article(g, p)
    assert sc.pairs["type"] == 2 and pairs["type"] == {0: 1, 1: 0}


def test_per_type_table_and_mode():
    g = [gold(mode="heavy-weapons"), gold("COERCE", trigger=(40, 45))]
    p = [pred(mode="firearms"), pred("PROTEST", trigger=(40, 45))]
    sc, _ = score_article(g, p)
    d = sc.as_dict()
    assert d["per_type"]["ASSAULT"] == {
        "gold": 1,
        "predicted": 1,
        "pairs": 1,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert d["per_type"]["COERCE"]["recall"] == 0.0 and d["per_type"]["PROTEST"]["precision"] == 0.0
    assert d["mode_n"] == 1 and d["mode_accuracy"] == 0.0


def test_false_events_on_non_political_articles():
    # a sports article of 2,000 words: no gold event, three predictions (one not counted)
    preds = [pred(trigger=(0, 4)), pred("CONSULT", trigger=(10, 14)), pred(trigger=(20, 24), counted=False)]
    sc, _ = score_article([], preds, political=False, words=2000)
    assert sc.nonpol_false == 2 and sc.false_per_10k == 10.0
    # political articles do not enter the rate
    sc2, _ = score_article([], preds, political=True, words=2000)
    sc.add(sc2)
    assert sc.false_per_10k == 10.0 and sc.predicted == 4


def test_agreement_uses_the_same_matching():
    first = [gold(), gold("REQUEST", trigger=(40, 48), actor=None, ac="POL", recipient=None, rc=None)]
    second = [
        gold(actor=(33, 53), ac="UKR"),
        gold("REQUEST", trigger=(40, 48), actor=None, ac="POL", recipient=None, rc=None),
    ]
    sc, _ = score_article(first, preds_from_gold(second))
    assert sc.pairs["type"] == 2 and sc.pairs["type+actor"] == 1
    assert round(sc.prf("type+actor")[2], 3) == 0.5


def test_slug():
    assert slug("gwn:12") == "gwn-12"
    assert slug("polnear:dev/nyt_2016-10-02_a-curious") == "polnear-dev-nyt_2016-10-02_a-curious"


def test_the_real_gold_set_loads(shared_data):
    tsv, p1, _ = resolve_gold(str(ROOT / "gold" / "events"))
    assert tsv.is_file()
    arts = load_pass(tsv, p1, "all")
    if not arts:
        pytest.skip("no first-pass annotations committed yet")
    for a in arts:
        assert a.split in ("tune", "report")
        text = load_article_text(a.id, shared_data)
        assert (p1 / f"{slug(a.id)}.json").is_file()
        for g in a.events:
            assert 0 <= g.trigger[0] < g.trigger[1] <= len(text)
            assert text[g.trigger[0] : g.trigger[1]] == g.text["trigger"], (a.id, g)
            if g.actor:
                assert text[g.actor[0] : g.actor[1]] == g.text["actor"], (a.id, g)
    assert {a.split for a in load_pass(tsv, p1, "tune")} <= {"tune"}
