"""Event rules of issue 10, round 5: criticism told through a word of judgement
(``data/en/events/evaluative.tsv``), past inability ("could not agree") and diplomatic measures
announced in kind; one short invented sentence per rule (docs/changelog-events.md, round 5)."""

from __future__ import annotations

import pytest

from newsgraph.extractors.events import tables
from newsgraph.lexicon import LexiconError


def judged(events):
    return [e for e in events if e.rule.startswith("evaluative:")]


def test_a_judgement_said_of_someone_is_the_speakers_accusation(evs):
    (e,) = judged(evs('"The new curfew law is a disgrace," the opposition leader said on Monday.'))
    assert e.type == "ACCUSE" and e.mode == "disapprove" and e.trigger.text == "disgrace"
    assert e.actor_mention.text == "the opposition leader"
    assert not (e.negated or e.hypothetical or e.future)


def test_the_owner_of_a_judged_act_is_the_recipient(evs):
    (e,) = judged(evs("The mayor said the governor's reckless decision had put lives at risk."))
    assert e.trigger.text == "reckless" and e.actor_mention.text == "The mayor"
    assert "governor" in e.recipient_mention.text


def test_a_judgement_of_what_was_said_has_the_speaker_and_no_target(evs):
    (e,) = judged(evs("“It’s gutless leadership,” Senator Elizabeth Warren said of the bank's board."))
    assert e.trigger.text == "gutless" and "Warren" in e.actor_mention.text


def test_no_judgement_when_negated_about_things_or_a_subject_matter(evs):
    for text in (
        '"The deal is not a disgrace," the minister said.',
        "The weather on Sunday was insane, fans said.",
        "The senator faces criminal charges over a fraud scheme.",
        '"We were reckless," the minister admitted.',
    ):
        assert not judged(evs(text)), text


def test_could_not_agree_is_an_inability_not_a_refusal(evs):
    found = [e for e in evs("The two governments could not agree on the price of gas.") if e.type == "REJECT"]
    assert not found
    (e,) = [e for e in evs("The two governments will not agree to the price of gas.") if e.type == "REJECT"]
    assert not e.negated


def test_a_diplomatic_measure_announced_in_kind_is_a_sanction(evs):
    events = evs("Russia will expel 60 US diplomats and close the US consulate in St. Petersburg, Lavrov said.")
    types = {w: e.type for e in events for w in ("expel", "close") if w in e.trigger.text.split()}
    assert types.get("expel") == "SANCTION" and types.get("close") == "SANCTION", types
    assert all(not e.future for e in events if e.type == "SANCTION")
    # economic measures announced stay threats (guidelines 9)
    assert any(e.type == "THREATEN" for e in evs("China will impose tariffs on American steel, the ministry said."))


def test_evaluative_table_rejects_unknown_classes_and_clashes(tmp_path):
    p = tmp_path / "evaluative.tsv"
    p.write_text("word\tclass\tnote\nbad\tadverb\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown class 'adverb'"):
        tables.evaluative(p)
    p.write_text("word\tclass\tnote\nfraud\tlabel\t\nfraud, sham\tconduct\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="fraud"):
        tables.evaluative(p)
    assert tables.EVALUATIVE["disgrace"] == "label" and tables.EVALUATIVE["reckless"] == "adj"


def test_more_verbs_of_disapproval_praise_and_shooting(evs):
    e = [e for e in evs("Senator Maria Lopez grilled the police chief about the raid.") if e.type == "ACCUSE"]
    assert e and e[0].trigger.text == "grilled" and e[0].rule.startswith("lexicon:grill")
    e = [e for e in evs("The governor bemoaned the court's ruling on the budget.") if e.type == "ACCUSE"]
    assert e and e[0].rule.startswith("lexicon:bemoan")
    e = [e for e in evs("The foreign minister said China appreciates the efforts of Russia.") if e.type == "SUPPORT"]
    assert e and "appreciate" in e[0].rule
    e = [e for e in evs("Two soldiers fired several rounds into the crowd of protesters.") if e.type == "ASSAULT"]
    assert e and e[0].mode == "firearms" and e[0].rule.startswith("lexicon:fire round")


def test_pointing_a_weapon_at_someone_is_a_threat(evs):
    e = [e for e in evs("A soldier aimed his rifle at the protesters outside the parliament.") if e.type == "THREATEN"]
    assert e and e[0].rule.startswith("lexicon:aim rifle") and e[0].mode == "violence"


def test_a_name_the_parser_left_untagged_is_still_an_actor(evs):
    text = (
        "Donald Trump spoke in Ohio on Monday. "
        '"Trump has been disrespecting our veterans for decades," said Rucker Culpepper, a Clinton campaign official.'
    )
    (e,) = [e for e in evs(text) if e.type == "ACCUSE"]
    assert e.rule.startswith("speech:say X verb disrespect") and e.recipient_mention.text == "Trump"


def test_diplomats_who_were_expelled_are_a_sanction(evs):
    events = evs(
        "Germany will respond in kind to the number of German envoys who were expelled from Russia, the minister said."
    )
    e = [e for e in events if e.trigger.text == "expelled"]
    assert e and e[0].type == "SANCTION" and e[0].rule.startswith("lexicon:expel envoy")


def test_what_is_added_to_an_allegation_is_alleged(evs):
    events = evs(
        "Police officers then arrived, the lawsuit alleged, adding that officers arrested him and led him away."
    )
    (e,) = [e for e in events if e.type == "COERCE"]
    assert e.hypothetical
    (e,) = [e for e in evs("The police chief said officers arrested the man and led him away.") if e.type == "COERCE"]
    assert not e.hypothetical


def test_judgements_in_an_opinion_voice_need_someone_judged(evs):
    text = "Senator Maria Lopez spoke in Denver on Monday. She has spread hate across the state for years."
    (e,) = judged(evs(text))
    assert e.trigger.text == "hate" and "(spread)" in e.rule and e.recipient_mention.text == "She"
    (e,) = judged(evs("The governor's frequent and reckless attacks on the press must end."))
    assert e.trigger.text == "reckless" and "governor" in e.recipient_mention.text
    assert judged(evs("The mayor is making a mockery of the city council."))
    # a thing nobody owns, said by nobody, or a word that is not the object of the verb
    for text in (
        "The failure to fix the roads is a clear dereliction of duty.",
        "He made a sandwich with the hate of a thousand suns.",
    ):
        assert not judged(evs(text)), text


def test_who_faces_charges_is_the_recipient(evs):
    (e,) = [e for e in evs("The former mayor of Springfield faces charges of bribery and fraud.") if e.type == "COERCE"]
    assert e.rule.startswith("lexicon:face charge") and "mayor" in e.recipient_mention.text
    assert e.actor_mention is None or "mayor" not in e.actor_mention.text


def test_a_verb_object_rules_trigger_spans_the_object(evs):
    (e,) = [
        e for e in evs("The ministry expressed deep concern over the arrests of journalists.") if e.type == "ACCUSE"
    ]
    assert e.trigger.text == "expressed deep concern"
