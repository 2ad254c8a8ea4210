"""Responses: which statement answers which (docs/responses.md). The engine on hand-built
quotes, the sample article where four speakers answer one call for a ceasefire, the store's
responses table and `newsgraph query responses`, and the gold-set scorer."""

from __future__ import annotations

import json

import pytest

from newsgraph.eval.responses import match
from newsgraph.responses import answer_stance, find_cues, link_responses


def _q(qid, text, doc, speaker, cue_word, sent, cue_type="speech"):
    s = doc.index(text)
    c = doc.index(cue_word, sent[0])
    return {
        "id": qid,
        "text": text,
        "start": s,
        "end": s + len(text),
        "kind": "direct",
        "cue_type": cue_type,
        "speaker": speaker,
        "cue": {"start": c, "end": c + len(cue_word), "text": cue_word},
        "sentence": {"start": sent[0], "end": sent[1]},
    }


def _sents(doc):
    out, start = [], 0
    for part in doc.split(". "):
        end = start + len(part) + 1
        out.append((start, min(end, len(doc))))
        start = end + 1
    return out


def test_frames_name_the_answered_speaker_and_give_the_stance():
    doc = (
        'Novak called for "a new budget vote now". Kral said "nothing will change". '
        'Finance Minister Dvorak dismissed Novak\'s call, saying "the vote was final". '
        'Asked about the remarks, Hana Bila said "she meant a vote next year"'
    )
    sents = _sents(doc)
    ents = [
        {"id": "E1", "name": "Anna Novak"},
        {"id": "E2", "name": "Petr Dvorak"},
        {"id": "E3", "name": "Jan Kral"},
        {"id": "E4", "name": "Hana Bila"},
    ]
    quotes = [
        _q("Q1", "a new budget vote now", doc, "E1", "called", sents[0]),
        _q("Q2", "nothing will change", doc, "E3", "said", sents[1]),
        _q("Q3", "the vote was final", doc, "E2", "saying", sents[2]),
        _q("Q4", "she meant a vote next year", doc, "E4", "said", sents[3]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 2
    assert quotes[0]["responds_to"] == [] and quotes[1]["responds_to"] == []
    (l3,) = quotes[2]["responds_to"]
    assert l3["quote"] == "Q1" and l3["stance"] == "reject" and l3["cue"]["text"] == "dismissed Novak's call"
    assert doc[l3["cue"]["start"] : l3["cue"]["end"]] == l3["cue"]["text"]
    assert l3["rule"] == "response:frame=dismissed:target=named-speaker:cue=same-sentence"
    (l4,) = quotes[3]["responds_to"]  # "the remarks": the nearest other speaker's statement (Dvorak's)
    assert (
        l4["quote"] == "Q3"
        and l4["stance"] == "clarify"
        and l4["rule"].endswith("target=nearest-speaker:cue=same-sentence")
    )


def test_no_cue_no_link_and_topic_alone_is_not_enough():
    doc = 'Trump said "trade deals hurt workers". Clinton said "I will create jobs"'
    sents = _sents(doc)
    quotes = [
        _q("Q1", "trade deals hurt workers", doc, "E1", "said", sents[0]),
        _q("Q2", "I will create jobs", doc, "E2", "said", sents[1]),
    ]
    assert (
        link_responses(
            doc, quotes, [{"id": "E1", "name": "Donald Trump"}, {"id": "E2", "name": "Hillary Clinton"}], sents
        )
        == 0
    )
    # a cue naming someone whose words the article does not report links nothing
    doc2 = 'Kral said "fine". Dvorak rejected Novak\'s claim, saying "it is false"'
    sents2 = _sents(doc2)
    quotes2 = [
        _q("Q1", "fine", doc2, "E3", "said", sents2[0]),
        _q("Q2", "it is false", doc2, "E2", "saying", sents2[1]),
    ]
    assert (
        link_responses(doc2, quotes2, [{"id": "E2", "name": "Petr Dvorak"}, {"id": "E3", "name": "Jan Kral"}], sents2)
        == 0
    )


def _ent(eid, name, doc, *mentions):
    spans = []
    for m in mentions:
        i = doc.index(m)
        spans.append({"start": i, "end": i + len(m), "text": m})
    return {"id": eid, "name": name, "mentions": spans}


def test_passive_frame_and_role_possessor_resolved_through_the_entities():
    doc = (
        'Novak said "the budget betrays pensioners". '
        'His comments were quickly derided by Kral, who said "pensions will rise". '
        'Bila said the minister\'s remarks were "a fairy tale"'
    )
    sents = _sents(doc)
    ents = [
        _ent("E1", "Anna Novak", doc, "Novak", "His"),
        _ent("E2", "Jan Kral", doc, "Kral", "the minister"),
        _ent("E3", "Hana Bila", doc, "Bila"),
    ]
    quotes = [
        _q("Q1", "the budget betrays pensioners", doc, "E1", "said", sents[0]),
        _q("Q2", "pensions will rise", doc, "E2", "said", sents[1]),
        _q("Q3", 'the minister\'s remarks were "a fairy tale"', doc, "E3", "said", sents[2]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 2
    (l2,) = quotes[1]["responds_to"]  # "His" is a mention of Novak
    assert (l2["quote"], l2["stance"], l2["cue"]["text"]) == ("Q1", "reject", "His comments were quickly derided")
    assert l2["rule"] == "response:frame=derided_(passive):target=resolved-speaker:cue=same-sentence"
    (l3,) = quotes[2]["responds_to"]  # "the minister's remarks" (in Bila's words): the minister is Kral
    assert (l3["quote"], l3["cue"]["text"], l3["stance"]) == ("Q2", "the minister's remarks", "reject")


def test_unresolved_role_bare_demonstrative_and_questions_give_no_link():
    doc = (
        'Novak said "the budget betrays pensioners". '
        'Kral said the senator\'s remarks were "a fairy tale". '
        'Bila said those remarks were "nonsense". '
        'Dvorak said "we will see" in response to a question about the budget'
    )
    sents = _sents(doc)
    ents = [_ent("E1", "Anna Novak", doc, "Novak"), _ent("E2", "Jan Kral", doc, "Kral")]
    quotes = [
        _q("Q1", "the budget betrays pensioners", doc, "E1", "said", sents[0]),
        _q("Q2", 'the senator\'s remarks were "a fairy tale"', doc, "E2", "said", sents[1]),
        _q("Q3", 'those remarks were "nonsense"', doc, "E3", "said", sents[2]),
        _q("Q4", "we will see", doc, "E4", "said", sents[3]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 0


def test_answered_statement_chosen_by_the_words_after_the_cue():
    doc = (
        'Novak said "taxes must fall". Novak said "the generals agree with me". '
        'Asked about Novak\'s claim that generals back him, Kral said "no general does"'
    )
    sents = _sents(doc)
    ents = [_ent("E1", "Anna Novak", doc, "Novak"), _ent("E2", "Jan Kral", doc, "Kral")]
    quotes = [
        _q("Q1", "taxes must fall", doc, "E1", "said", sents[0]),
        _q("Q2", "the generals agree with me", doc, "E1", "said", sents[1]),
        _q("Q3", "no general does", doc, "E2", "said", sents[2]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 1
    (l3,) = quotes[2]["responds_to"]
    assert l3["quote"] == "Q2" and l3["rule"].endswith("target=named-speaker:cue=same-sentence")


def test_answered_statement_chosen_by_the_answers_words_when_the_cue_has_none():
    doc = (
        'Novak said "taxes must fall". Novak said "pensions are safe and will rise". '
        '"Pensions will rise, they are safe," said Kral, who backed Novak\'s position'
    )
    sents = _sents(doc)
    ents = [_ent("E1", "Anna Novak", doc, "Novak"), _ent("E2", "Jan Kral", doc, "Kral")]
    quotes = [
        _q("Q1", "taxes must fall", doc, "E1", "said", sents[0]),
        _q("Q2", "pensions are safe and will rise", doc, "E1", "said", sents[1]),
        _q("Q3", "Pensions will rise, they are safe,", doc, "E2", "said", sents[2]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 1
    (l3,) = quotes[2]["responds_to"]  # not Novak's first statement: the one Kral's words echo
    assert (l3["quote"], l3["stance"], l3["cue"]["text"]) == ("Q2", "support", "backed Novak's position")


def test_reaction_in_the_sentence_before_and_a_description_no_statement_fits():
    doc = (
        'Kral said "pensions will rise". Novak said "taxes must fall". '
        'Kral\'s remarks drew criticism. Bila said "it is a fairy tale". '
        'Dvorak, asked about Kral\'s claim that taxes were cut, said "we will see"'
    )
    sents = _sents(doc)
    ents = [
        _ent("E1", "Jan Kral", doc, "Kral"),
        _ent("E2", "Anna Novak", doc, "Novak"),
        _ent("E3", "Hana Bila", doc, "Bila"),
        _ent("E4", "Petr Dvorak", doc, "Dvorak"),
    ]
    quotes = [
        _q("Q1", "pensions will rise", doc, "E1", "said", sents[0]),
        _q("Q2", "taxes must fall", doc, "E2", "said", sents[1]),
        _q("Q3", "it is a fairy tale", doc, "E3", "said", sents[3]),
        _q("Q4", "we will see", doc, "E4", "said", sents[4]),
    ]
    # Dvorak: Kral's claim "that taxes were cut" is not a statement the article reports of Kral
    assert link_responses(doc, quotes, ents, sents) == 1
    (l3,) = quotes[2]["responds_to"]
    assert (l3["quote"], l3["stance"], l3["cue"]["text"]) == ("Q1", "reject", "Kral's remarks drew criticism")
    assert l3["rule"] == "response:frame=drew_criticism:target=named-speaker:cue=previous-sentence"


def test_a_frame_whose_sentence_names_another_speaker_is_not_the_answers():
    doc = (
        'Novak said "the vote was rigged". Kral said "turnout was low". '
        'Kral rejected Novak\'s claim. Bila said "we need a recount"'
    )
    sents = _sents(doc)
    ents = [
        _ent("E1", "Anna Novak", doc, "Novak"),
        _ent("E2", "Jan Kral", doc, "Kral"),
        _ent("E3", "Hana Bila", doc, "Bila"),
    ]
    k = doc.index("Kral rejected")  # the frame's subject: Kral, a speaker, not Bila
    ents[1]["mentions"].append({"start": k, "end": k + 4, "text": "Kral"})
    quotes = [
        _q("Q1", "the vote was rigged", doc, "E1", "said", sents[0]),
        _q("Q2", "turnout was low", doc, "E2", "said", sents[1]),
        _q("Q3", "we need a recount", doc, "E3", "said", sents[3]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 0


def test_a_frame_far_from_the_answer_in_its_sentence_is_another_clauses():
    far = (
        "Kral dismissed Novak's claim when the budget came under attack in parliament last spring, "
        "and has also not answered the question of what he would do with the pension fund, saying "
    )
    near = "Kral dismissed Novak's claim, saying "
    for middle, n in ((far, 0), (near, 1)):
        doc = f'Novak said "the fund is empty". {middle}"the fund is full"'
        sents = _sents(doc)
        ents = [_ent("E1", "Anna Novak", doc, "Novak"), _ent("E2", "Jan Kral", doc, "Kral")]
        quotes = [
            _q("Q1", "the fund is empty", doc, "E1", "said", sents[0]),
            _q("Q2", "the fund is full", doc, "E2", "saying", sents[1]),
        ]
        assert link_responses(doc, quotes, ents, sents) == n


def test_a_bare_reference_after_the_answerers_own_statement_is_to_his_own_words():
    doc = (
        'Novak said "we will act". Kral promised "to end the fund". '
        'Kral echoed that promise, saying "the fund will close"'
    )
    sents = _sents(doc)
    ents = [_ent("E1", "Anna Novak", doc, "Novak"), _ent("E2", "Jan Kral", doc, "Kral")]
    quotes = [
        _q("Q1", "we will act", doc, "E1", "said", sents[0]),
        _q("Q2", "to end the fund", doc, "E2", "promised", sents[1]),
        _q("Q3", "the fund will close", doc, "E2", "saying", sents[2]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 0  # not an answer to Novak


def test_a_noun_with_its_own_content_is_not_a_cue_for_that_content():
    # "Novak's assertion that ...": the words after it are the assertion itself, not an answer
    doc = 'Novak said "taxes fell". Readers asked about Novak\'s assertion that "taxes fell by half"'
    sents = _sents(doc)
    ents = [_ent("E1", "Anna Novak", doc, "Novak")]
    quotes = [
        _q("Q1", "taxes fell", doc, "E1", "said", sents[0]),
        _q("Q2", "taxes fell by half", doc, None, "asked", sents[1]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 0
    # the same cue before another statement is one
    doc2 = 'Novak said "taxes fell". Asked about Novak\'s assertion, Kral said "they rose"'
    sents2 = _sents(doc2)
    quotes2 = [
        _q("Q1", "taxes fell", doc2, "E1", "said", sents2[0]),
        _q("Q2", "they rose", doc2, "E2", "said", sents2[1]),
    ]
    ents2 = [_ent("E1", "Anna Novak", doc2, "Novak"), _ent("E2", "Jan Kral", doc2, "Kral")]
    assert link_responses(doc2, quotes2, ents2, sents2) == 1


def test_cues_and_stance_words_come_from_the_data_tables():
    text = "The Kremlin dismissed the call."
    (c,) = find_cues(text, 0, len(text), [])
    assert (c["frame"], c["stance"], c["text"]) == ("dismissed", "reject", "dismissed the call")
    assert answer_stance("That is not for Warsaw to decide") == "reject"
    assert answer_stance("the minister had meant a monitored ceasefire") == "clarify"
    assert answer_stance("We will study it") == "other"


def test_match_is_one_to_one_by_overlap():
    gold = [{"answer": (10, 20), "answered": (0, 5)}, {"answer": (30, 40), "answered": (0, 5)}]
    pred = [
        {"answer": (12, 18), "answered": (1, 4)},
        {"answer": (12, 18), "answered": (1, 4)},
        {"answer": (30, 40), "answered": (6, 9)},
    ]
    assert match(gold, pred) == [(0, 0)]


@pytest.fixture(scope="module")
def responses_record(nlp):
    from newsgraph.pipeline import process
    from newsgraph.readers import read_path
    from newsgraph.samples import responses_sample_path

    (rec,) = list(process(read_path(responses_sample_path()), nlp))
    assert not isinstance(rec, Exception), rec
    return rec


def test_sample_ceasefire_call_is_answered_with_four_stances(responses_record):
    """Kowal's call for a ceasefire is answered by the Kremlin (reject), Berlin (support), the
    Polish prime minister (clarify) and Kyiv (other): each answer is linked to the call."""
    rec = responses_record
    names = {e.id: e.name for e in rec.entities}
    call = next(q for q in rec.quotes if "immediate ceasefire" in q.text)
    assert names[call.speaker] == "Jan Kowal"
    got = {
        names[q.speaker]: (r["quote"], r["stance"], r["cue"]["text"])
        for q in rec.quotes
        if q.cue_type == "speech"
        for r in q.responds_to
    }
    assert got == {
        "Dmitry Orlov": (call.id, "reject", "dismissed the call"),
        "Olaf Berger": (call.id, "support", "welcomed Kowal's proposal"),
        "Ewa Zielinska": (call.id, "clarify", "Asked about Kowal's remarks"),
        "Mykola Hrytsenko": (call.id, "other", "responding to the ceasefire call"),
    }
    for q in rec.quotes:
        for link in q.responds_to:
            assert rec.text[link["cue"]["start"] : link["cue"]["end"]] == link["cue"]["text"]
            assert link["rule"].startswith("response:frame=")


def test_record_with_responses_matches_the_json_schema(responses_record):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    schema = json.loads(resources.files("newsgraph").joinpath("schema/record.schema.json").read_text())
    jsonschema.validate(json.loads(json.dumps(responses_record.to_dict())), schema)


def test_store_and_query_responses(responses_record, tmp_path, capsys):
    from newsgraph.cli import main
    from newsgraph.store import open_store

    db = str(tmp_path / "r.db")
    s = open_store(db)
    aid = s.add_record(responses_record)
    rows = s.list_responses(article_ids=[aid])
    assert len(rows) == 4 and {r["stance"] for r in rows} == {"reject", "support", "clarify", "other"}
    call_sid = rows[0]["to_statement_id"]
    assert call_sid is not None and all(r["to_statement_id"] == call_sid for r in rows)
    s.close()
    assert main(["query", "responses", "--db", db, "--to", str(call_sid), "--format", "jsonl"]) == 0
    got = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {g["speaker"] for g in got} == {"Dmitry Orlov", "Olaf Berger", "Ewa Zielinska", "Mykola Hrytsenko"}
    assert all(g["to_speaker"] == "Jan Kowal" and g["scope"] == "article" for g in got)
    assert main(["query", "responses", "--db", db, "--speaker", "Berger", "--format", "jsonl"]) == 0
    (b,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert b["stance"] == "support" and b["cue"] == "welcomed Kowal's proposal"


def test_eval_responses_agreement(capsys):
    from newsgraph.cli import main

    assert main(["eval", "responses", "--agreement", "--split", "all", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == 10 and out["gold_links"] > 0 and 0 < out["f1"] <= 1


def test_responses_across_the_articles_of_a_story(sample_records, responses_record, tmp_path):
    """The responses sample (a day after the ceasefire sample, another outlet) joins its story;
    Melnyk's rejection of "Sorokin's claim", reported only in the first article, is linked
    across the articles; the article and actor pages show the thread."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsgraph.store import open_store
    from newsgraph.web.app import create_app

    db = str(tmp_path / "s.db")
    s = open_store(db)
    first = s.add_record(sample_records["sample-ceasefire"])
    second = s.add_record(responses_record)
    story = s.story_of_article(second)
    assert story["id"] == s.story_of_article(first)["id"] and story["n_articles"] == 2
    (x,) = s.list_responses(speaker="Melnyk")
    assert (x["scope"], x["stance"], x["to_speaker"], x["to_article_id"]) == ("story", "reject", "Igor Sorokin", first)
    assert x["rule"] == "response:frame=rejected:target=named-speaker:scope=story"
    page = s.story_page(story["id"])
    assert any(r["scope"] == "story" for r in page["responses"])
    with TestClient(create_app(db, store=s)) as c:
        html = c.get(f"/articles/{first}").text  # Sorokin's statement shows who answered it
        assert "answered by Oksana Melnyk" in html and f'href="/articles/{second}#{x["qid"]}"' in html
        html = c.get(f"/articles/{second}").text
        assert "answers Jan Kowal" in html and 'class="badge stance-support"' in html
        kowal = next(r["to_speaker_actor_id"] for r in s.list_responses(speaker="Berger"))
        d = c.get(f"/api/actors/{kowal}").json()
        assert {r["speaker"] for r in d["answered_by"]} >= {"Dmitry Orlov", "Olaf Berger", "Ewa Zielinska"}
        assert "Answered by" in c.get(f"/actors/{kowal}").text
        html = c.get(f"/stories/{story['id']}").text
        assert "Example Post" in html and "Example Wire" in html and "stance-reject" in html
    s.close()


def test_frame_before_the_words_it_names_links_to_them_and_the_run_follows():
    # the answered words are reported right after the frame, as a non-speech attribution
    doc = (
        "The Czech finance minister jabbed back on Monday at complaints from his Polish counterpart "
        "that Czech steel was flooding the market. Kral said the market had welcomed Czech steel for years. "
        '"Nobody complained then," he said. '
        "The weather was mild"
    )
    sents = _sents(doc)
    ents = [{"id": "E1", "name": "Jan Kral"}]
    quotes = [
        _q("Q1", "that Czech steel was flooding the market", doc, None, "complaints", sents[0], cue_type="other"),
        _q("Q2", "the market had welcomed Czech steel for years", doc, "E1", "said", sents[1]),
        _q("Q3", "Nobody complained then", doc, "E1", "said", sents[2]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 2
    (l2,) = quotes[1]["responds_to"]
    assert l2["quote"] == "Q1" and l2["stance"] == "reject"
    assert l2["cue"]["text"] == "jabbed back on Monday at complaints"
    assert l2["rule"] == "response:frame=jabbed_back_at:target=inline:cue=previous-sentence"
    (l3,) = quotes[2]["responds_to"]  # the same speaker goes on in the next sentence
    assert l3["quote"] == "Q1" and l3["rule"].endswith(":run")


def test_the_run_stops_after_one_sentence_and_at_another_speaker():
    doc = (
        "Dvorak dismissed Novak's claim, saying the vote was final. "
        "The hall was full. "
        "Dvorak said taxes would fall. "
        'Bila said "I agree". '
        "Dvorak said it was over"
    )
    sents = _sents(doc)
    ents = [{"id": "E1", "name": "Anna Novak"}, {"id": "E2", "name": "Petr Dvorak"}, {"id": "E3", "name": "Hana Bila"}]
    novak = 'Novak said "the vote was rigged". '
    doc = novak + doc
    sents = _sents(doc)
    quotes = [
        _q("Q0", "the vote was rigged", doc, "E1", "said", sents[0]),
        _q("Q1", "the vote was final", doc, "E2", "saying", sents[1]),
        _q("Q2", "taxes would fall", doc, "E2", "said", sents[3]),
        _q("Q3", "I agree", doc, "E3", "said", sents[4]),
        _q("Q4", "it was over", doc, "E2", "said", sents[5]),
    ]
    link_responses(doc, quotes, ents, sents)
    assert [x["quote"] for x in quotes[1]["responds_to"]] == ["Q0"]
    assert quotes[2]["responds_to"] == []  # two sentences on: not the run
    assert quotes[4]["responds_to"] == []


def test_a_verb_of_answering_links_to_the_statement_just_before():
    doc = (
        '"Kral wants to look tough tonight," Novak said. '
        '"At least I have a plan," Kral shot back. '
        'A moderator asked "Will taxes rise?". '
        '"No," Bila responded'
    )
    sents = _sents(doc)
    ents = [
        {"id": "E1", "name": "Anna Novak"},
        {"id": "E2", "name": "Jan Kral"},
        {"id": "E3", "name": "Hana Bila"},
        {"id": "E4", "name": "moderator"},
    ]
    quotes = [
        _q("Q1", "Kral wants to look tough tonight,", doc, "E1", "said", sents[0]),
        _q("Q2", "At least I have a plan,", doc, "E2", "shot", sents[1]),
        _q("Q3", "Will taxes rise?", doc, "E4", "asked", sents[2]),
        _q("Q4", "No,", doc, "E3", "responded", sents[3]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 1
    (l2,) = quotes[1]["responds_to"]
    assert l2["quote"] == "Q1" and l2["stance"] == "reject" and l2["cue"]["text"] == "shot back"
    assert l2["rule"] == "response:frame=shot_back_(verb):target=previous-statement:cue=own-verb"
    assert quotes[3]["responds_to"] == []  # answers a question: no source's statement


def test_a_neutral_frame_on_an_accusation_defaults_to_reject():
    doc = (
        'Novak said "Kral has been weak on pensions". '
        "In response to Novak's charge that he has been weak on pensions, Kral said pensions rose every year"
    )
    sents = _sents(doc)
    ents = [{"id": "E1", "name": "Anna Novak"}, {"id": "E2", "name": "Jan Kral"}]
    quotes = [
        _q("Q1", "Kral has been weak on pensions", doc, "E1", "said", sents[0]),
        _q("Q2", "that he has been weak on pensions", doc, "E1", "charge", sents[1], cue_type="other"),
        _q("Q3", "pensions rose every year", doc, "E2", "said", sents[1]),
    ]
    link_responses(doc, quotes, ents, sents)
    (l3,) = quotes[2]["responds_to"]
    # the frame names the words right after it: that report is the statement answered
    assert l3["quote"] == "Q2" and l3["stance"] == "reject" and l3["rule"].startswith("response:frame=in_response_to:")


def test_a_passive_frame_with_its_agent_links_the_agent_to_the_first_report():
    doc = (
        'Kral promised "to stay neutral in talks between Prague and Vienna". '
        "On Monday Kral was attacked by Finance Minister Anna Novak for suggesting that he would stay neutral "
        "in talks between Prague and Vienna. "
        '"We need steady hands," Novak said. '
        '"Not a leader who is neutral one day and partisan the next," she said. '
        'Bila said "the talks will go on"'
    )
    sents = _sents(doc)
    ents = [{"id": "E1", "name": "Jan Kral"}, {"id": "E2", "name": "Anna Novak"}, {"id": "E3", "name": "Hana Bila"}]
    quotes = [
        _q("Q1", "to stay neutral in talks between Prague and Vienna", doc, "E1", "promised", sents[0]),
        _q(
            "Q2",
            "suggesting that he would stay neutral in talks between Prague and Vienna",
            doc,
            "E1",
            "attacked",
            sents[1],
        ),
        _q("Q3", "We need steady hands,", doc, "E2", "said", sents[2]),
        _q("Q4", "Not a leader who is neutral one day and partisan the next,", doc, "E2", "said", sents[3]),
        _q("Q5", "the talks will go on", doc, "E3", "said", sents[4]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 2
    (l3,) = quotes[2]["responds_to"]
    # the words after "for" repeat Kral's promise: the link goes to its first full report
    assert l3["quote"] == "Q1" and l3["stance"] == "reject"
    assert l3["rule"] == "response:frame=attacked:target=inline:cue=previous-sentence"
    assert l3["cue"]["text"].startswith("was attacked by Finance Minister Anna Novak for")
    assert [x["quote"] for x in quotes[3]["responds_to"]] == ["Q1"]  # her next sentence: the run
    assert quotes[4]["responds_to"] == []  # another speaker: no cue, no link


def test_the_answered_statement_is_the_speakers_own_claim_not_her_report_of_anothers():
    doc = (
        '"Kral says he is fit to lead because of his record in business," Novak said. '
        '"What he did for his business and his workers is a scandal," she said. '
        "But the mayor, Petr Dvorak, stopped short of fully endorsing Novak's criticisms. "
        "He said Kral had given much to the city"
    )
    sents = _sents(doc)
    ents = [{"id": "E1", "name": "Anna Novak"}, {"id": "E2", "name": "Petr Dvorak"}, {"id": "E3", "name": "Jan Kral"}]
    quotes = [
        _q("Q1", "Kral says he is fit to lead because of his record in business,", doc, "E1", "said", sents[0]),
        _q("Q2", "What he did for his business and his workers is a scandal,", doc, "E1", "said", sents[1]),
        _q("Q3", "Kral had given much to the city", doc, "E2", "said", sents[3]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 1
    (l3,) = quotes[2]["responds_to"]
    assert l3["quote"] == "Q2" and l3["stance"] == "reject"
    assert l3["cue"]["text"] == "stopped short of fully endorsing Novak's criticisms"


def test_words_after_a_frame_that_are_the_answers_own_leave_the_frame_its_usual_target():
    # "responded to that tweet by calling ...": the words after the cue are the answer itself,
    # so the cue names the nearest other speaker's statement (not an inline one)
    doc = 'Novak called Kral "a disgrace to the party". Kral responded to that tweet by calling Novak "a spoiled heir"'
    sents = _sents(doc)
    ents = [{"id": "E1", "name": "Anna Novak"}, {"id": "E2", "name": "Jan Kral"}]
    quotes = [
        _q("Q1", "a disgrace to the party", doc, "E1", "called", sents[0]),
        _q("Q2", 'Novak "a spoiled heir"', doc, "E2", "calling", sents[1]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 1
    (l2,) = quotes[1]["responds_to"]
    assert l2["quote"] == "Q1" and l2["cue"]["text"] == "responded to that tweet"
    assert l2["rule"] == "response:frame=responded_to:target=nearest-speaker:cue=same-sentence"


def test_a_walk_back_links_a_speaker_to_his_own_words_with_clarify_only():
    doc = (
        'In March Kral said "pensions should be cut". '
        "He later walked back his remarks and said pensions would be kept. "
        "Kral defended his remarks, saying cuts were needed"
    )
    sents = _sents(doc)
    ents = [
        {
            "id": "E1",
            "name": "Jan Kral",
            "mentions": [
                {"start": doc.index("He later"), "end": doc.index("He later") + 2},
                {"start": doc.index("his remarks"), "end": doc.index("his remarks") + 3},
                {
                    "start": doc.index("his remarks", doc.index("defended")),
                    "end": doc.index("his remarks", doc.index("defended")) + 3,
                },
            ],
        }
    ]
    quotes = [
        _q("Q1", "pensions should be cut", doc, "E1", "said", sents[0]),
        _q("Q2", "pensions would be kept", doc, "E1", "said", sents[1]),
        _q("Q3", "cuts were needed", doc, "E1", "saying", sents[2]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 1
    (l2,) = quotes[1]["responds_to"]
    assert l2["quote"] == "Q1" and l2["stance"] == "clarify"
    assert l2["rule"] == "response:frame=walked_back:target=own-words:cue=same-sentence"
    assert quotes[2]["responds_to"] == []  # "defended his remarks" is no walk-back: no link to oneself


def test_across_articles_a_passive_agent_is_never_the_one_answered():
    from newsgraph.responses import open_cues

    doc = (
        "Kral was attacked by Anna Novak for suggesting that pensions should be cut. "
        "Melnyk rejected Sorokin's claim, saying the vote was fair"
    )
    sents = _sents(doc)
    ents = [{"id": "E1", "name": "Jan Kral"}, {"id": "E2", "name": "Oleh Melnyk"}]
    quotes = [
        _q("Q1", "suggesting that pensions should be cut", doc, "E1", "attacked", sents[0]),
        _q("Q2", "the vote was fair", doc, "E2", "saying", sents[1]),
    ]
    link_responses(doc, quotes, ents, sents)
    found = open_cues(doc, quotes, ents)
    # Sorokin (not quoted here) may be answered in another article; Novak, the agent, may not
    assert [(q["id"], c["who"]) for q, c in found] == [("Q2", "Sorokin's")]


def test_a_jab_at_a_person_answers_only_the_statement_the_answer_echoes():
    # "a swipe at Novak" aims at the person: the answer is linked to Novak's statement its own
    # words echo ("pensions"), not to her first one; with no echo there is no link at all
    doc = (
        'Novak said "taxes must fall". Novak said "pensions are a burden". '
        '"Pensions are a promise we keep," Kral said, in a swipe at Novak. '
        '"Our party is united," Dvorak said, in another shot aimed at Novak'
    )
    sents = _sents(doc)
    ents = [
        _ent("E1", "Anna Novak", doc, "Novak"),
        _ent("E2", "Jan Kral", doc, "Kral"),
        _ent("E3", "Petr Dvorak", doc, "Dvorak"),
    ]
    quotes = [
        _q("Q1", "taxes must fall", doc, "E1", "said", sents[0]),
        _q("Q2", "pensions are a burden", doc, "E1", "said", sents[1]),
        _q("Q3", "Pensions are a promise we keep,", doc, "E2", "said", sents[2]),
        _q("Q4", "Our party is united,", doc, "E3", "said", sents[3]),
    ]
    assert link_responses(doc, quotes, ents, sents) == 1
    (l3,) = quotes[2]["responds_to"]
    assert (l3["quote"], l3["stance"], l3["cue"]["text"]) == ("Q2", "reject", "swipe at Novak")
    assert "frame=swipe_at:" in l3["rule"]
    assert quotes[3]["responds_to"] == []  # a shot at Novak that echoes none of her words
