"""Event rules of issue 10, round 4: speech acts told through what was said
(``data/en/events/speech_acts.tsv``) and the false-positive kinds of the tune half; one short
invented sentence per rule (docs/changelog-events.md, round 4)."""

from __future__ import annotations

import pytest

from newsgraph.extractors.events import confidence, tables
from newsgraph.lexicon import LexiconError


def one(events, type_):
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger.text, e.rule) for e in events]
    return found[0]


def test_said_someone_lied_is_the_speakers_accusation(evs):
    e = one(evs("The senator said the governor lied to voters about the budget."), "ACCUSE")
    assert e.trigger.text == "said"
    assert e.actor_mention.text == "The senator" and e.recipient_mention.text == "the governor"
    assert e.rule.startswith("speech:say X verb lie")
    assert not (e.negated or e.hypothetical or e.future)


def test_said_someone_tells_lies_or_is_responsible(evs):
    e = one(evs("The opposition leader charged that the prime minister spreads lies about the army."), "ACCUSE")
    assert e.actor_mention.text == "The opposition leader" and e.recipient_mention.text == "the prime minister"
    e = one(evs("The foreign minister said Russia was responsible for the poisoning."), "ACCUSE")
    assert e.recipient_country == "RUS" and "predicate responsible" in e.rule


def test_said_someone_needs_to_act_is_a_request_of_them(evs):
    e = one(evs("The mayor said the governor needs to send more police to the city."), "REQUEST")
    assert e.actor_mention.text == "The mayor" and e.recipient_mention.text == "the governor"


def test_no_speech_act_when_the_clause_is_negated_doubted_or_the_speakers_own(evs):
    for text in (
        "The senator said the governor did not lie to voters.",
        "The senator said the governor might have lied to voters.",
        "The senator said he lied to voters.",
        "The senator said we need to send more police.",
    ):
        assert not any(e.rule.startswith("speech:") for e in evs(text)), text


def test_a_participles_speaker_is_the_subject_it_hangs_on(evs):
    e = one(evs("The senator wrote on Twitter, saying that city officials should release the videos."), "REQUEST")
    assert e.actor_mention.text == "The senator" and e.recipient_mention.text == "city officials"


def test_speech_act_table_rejects_unknown_parts_and_clashes(tmp_path):
    p = tmp_path / "speech_acts.tsv"
    p.write_text("part\twords\ttype\tmode\tnote\nadverb\tbadly\tACCUSE\t\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown part 'adverb'"):
        tables.speech_acts(p)
    p.write_text(
        "part\twords\ttype\tmode\tnote\nverb\tlie\tACCUSE\tallege\t\nverb\tlie, cheat\tREQUEST\t\t\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"part\+word \('verb', 'lie'\) is already defined"):
        tables.speech_acts(p)
    assert tables.SPEECH_ACTS[("verb", "lie")] == ("ACCUSE", "allege")


def test_habits_and_noun_modifiers_weigh_less_than_acts_told(nlp):
    def setting(text, word):
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name in ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"):
                doc = proc(doc)
        return confidence.setting_of(next(t for t in doc if t.lower_ == word))

    assert setting("The Algerian government traditionally opposes Western bases.", "opposes") == "habitual"
    assert setting("Obama has long called for tax fairness.", "called") == "habitual"
    assert setting("The Algerian government opposes Western bases.", "opposes") is None
    assert setting("He investigated the death of a man shot by police officers.", "shot") == "modifier"
    assert setting("The lawyer, who defended activists, has disappeared.", "defended") == "modifier"
    assert setting("Police officers shot a man on Tuesday.", "shot") is None
    w = confidence.model()["weights"]
    assert w["setting=habitual"] < w["setting=modifier"] < 0


def test_acts_coordinated_under_a_claim_are_not_told_as_done(evs):
    found = evs(
        "The man claims in the suit that he experienced harassment, was unlawfully detained, and suffered injuries."
    )
    detained = [e for e in found if "detained" in e.trigger.text]
    assert all(e.hypothetical for e in detained)
    # (round 7: "unlawfully detained" is told as the man's charge, the ACCUSE of the claim)
    assert not [e for e in found if e.type == "COERCE" and not e.hypothetical]
    assert [e.trigger.text for e in found if e.type == "ACCUSE"] == ["claims"]


def test_demands_on_all_sides_and_seeking_damages(evs):
    e = one(
        evs("All sides should work toward a ceasefire in the region, the foreign minister told reporters."), "REQUEST"
    )
    assert e.recipient_mention.text == "All sides" and e.actor_mention.text == "the foreign minister"
    found = evs("The opposition party sought the resignation of the interior minister.")
    assert {e.type for e in found if "sought" in e.trigger.text} == {"REQUEST"}


def test_endorsements_and_allegations_as_nouns(evs):
    found = evs("The opposition leader made allegations of corruption against the interior minister.")
    assert {e.type for e in found if "allegations" in e.trigger.text} == {"ACCUSE"}
    found = evs("The governor gave the senator a glowing endorsement on Monday.")
    assert {e.type for e in found if "endorsement" in e.rule} == {"SUPPORT"}
