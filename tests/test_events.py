"""PLOVER events: one short invented sentence per behaviour, the sample articles, actor coding."""

from __future__ import annotations

import pytest

from newsgraph.actors import code_phrase, split_cameo, table_lookup
from newsgraph.article import Article
from newsgraph.extractors.events import QUAD, cameo_root, plover_from_cameo
from newsgraph.pipeline import extract_one


@pytest.fixture(scope="module")
def extract(nlp):
    """Text -> Record through the session pipeline."""

    def _extract(text, published=None):
        rec = extract_one(nlp, Article(id="t", text=text, published=published))
        assert not isinstance(rec, Exception), rec
        return rec

    return _extract


def events(extract, text, published="2024-03-06"):
    return extract(text, published=published).events


def one(evs, type_):
    found = [e for e in evs if e.type == type_]
    assert found, f"no {type_} event in {[(e.type, e.trigger.text) for e in evs]}"
    return found[0]


def test_phone_call_is_consult_phone(extract):
    evs = events(
        extract, "Finnish President Aino Lehto spoke by phone on Monday with Estonian Prime Minister Mart Kask."
    )
    e = one(evs, "CONSULT")
    assert e.mode == "phone"
    assert (e.actor_country, e.actor_sector) == ("FIN", "GOV")
    assert (e.recipient_country, e.recipient_sector) == ("EST", "GOV")
    assert e.quad == "verbal cooperation" and e.cameo_root == "04"
    assert not (e.negated or e.hypothetical or e.future)


def test_talks_are_consult(extract):
    e = one(events(extract, "Norwegian diplomats held talks with Swedish officials in Oslo on Tuesday."), "CONSULT")
    assert e.actor_country == "NOR" and e.recipient_country == "SWE"
    assert "talks" in e.trigger.text


def test_shelling_of_a_city_is_assault_with_place(extract):
    rec = extract("Russian forces shelled the city of Kharkiv on Sunday.", published="2024-03-06")
    e = one(rec.events, "ASSAULT")
    assert (e.actor_country, e.actor_sector) == ("RUS", "MIL")
    assert e.mode == "heavy-weapons" and e.cameo_root == "19"
    assert e.place is not None
    place = next(p for p in rec.places if p.id == e.place)
    assert place.name == "Kharkiv"
    assert rec.text[e.trigger.start : e.trigger.end] == e.trigger.text == "shelled"
    assert rec.text[e.sentence.start : e.sentence.end].startswith("Russian forces")


def test_call_for_ceasefire_is_request(extract):
    e = one(events(extract, "Polish Foreign Minister Jan Kowal called for an immediate ceasefire."), "REQUEST")
    assert (e.actor_country, e.actor_sector) == ("POL", "GOV")
    assert e.quad == "verbal conflict"


def test_call_for_aid_is_request(extract):
    e = one(events(extract, "The Kenyan government appealed for food aid after the floods."), "REQUEST")
    assert e.actor_country == "KEN"


def test_not_for_x_to_decide_is_reject(extract):
    text = '"That is not for Warsaw to decide," Kremlin spokesman Dmitry Orlov told reporters.'
    e = one(events(extract, text), "REJECT")
    assert (e.actor_country, e.actor_sector) == ("RUS", "GOV")
    assert e.recipient_country == "POL"
    assert not e.negated


def test_sanctions_are_sanction(extract):
    e = one(events(extract, "Canada imposed sanctions on Belarus on Friday."), "SANCTION")
    assert e.actor_country == "CAN" and e.recipient_country == "BLR"


def test_arrests_are_coerce_arrest(extract):
    e = one(events(extract, "Chilean police arrested twelve protesters in Santiago."), "COERCE")
    assert e.mode == "arrest" and e.actor_sector == "COP" and e.actor_country == "CHL"


def test_protest_is_protest(extract):
    e = one(events(extract, "Thousands of students protested outside the parliament in Budapest on Monday."), "PROTEST")
    assert e.mode == "demo"
    assert e.quad == "material conflict"


def test_troop_deployment_is_mobilize(extract):
    e = one(events(extract, "Serbia deployed troops to the border on Thursday."), "MOBILIZE")
    assert e.actor_country == "SRB"


def test_negated_attack_is_flagged(extract):
    e = one(events(extract, "Our forces did not attack the village, the Latvian army said."), "ASSAULT")
    assert e.negated and "not" in e.trigger.text


def test_denied_attack_is_negated(extract):
    e = one(events(extract, "The defence ministry denied that its troops had shelled the town."), "ASSAULT")
    assert e.negated


def test_could_be_guarantor_is_hypothetical(extract):
    evs = events(extract, "An official said that Moscow could be a guarantor of any agreement.")
    e = one(evs, "AGREE")
    assert e.hypothetical and not e.negated
    assert e.actor_country == "RUS"


def test_will_meet_is_an_intention(extract):
    evs = events(extract, "The two presidents will meet in Vienna on Friday.")
    # PLOVER and guidelines 4: a cooperative act announced for the future is an intention (AGREE),
    # and the stated intention is the event: not flagged future, so it is exported
    assert evs and evs[0].type == "AGREE" and "will meet" in evs[0].trigger.text
    assert not evs[0].future and "intention" in evs[0].rule


def test_quoted_title_gives_no_event(extract):
    evs = events(extract, 'Critics praised the documentary "Attack on the Capital" when it aired.')
    assert not [e for e in evs if e.type == "ASSAULT"]
    evs = events(extract, 'She spoke on the programme "Protest Tonight" on Sunday.')
    assert not [e for e in evs if e.type == "PROTEST"]


def test_statement_event_carries_quote_id(extract):
    rec = extract(
        '"We demand the release of all prisoners," Bolivian President Luis Rojas said on Monday.',
        published="2024-03-06",
    )
    e = one(rec.events, "REQUEST")
    assert rec.quotes and e.quote == rec.quotes[0].id
    assert e.actor_country == "BOL"


def test_actor_from_text_beats_stale_table(extract):
    # the PETRARCH2 table codes Putin as RUS ELI before May 2000 and RUS GOV after; a descriptor
    # in the text decides over any table entry
    assert table_lookup("vladimir putin", "1995-01-01").sector == "ELI"
    assert table_lookup("vladimir putin", "2010-01-01").sector == "GOV"
    e = one(
        events(extract, "Opposition leader Vladimir Putin accused the government of fraud.", published="2010-01-01"),
        "ACCUSE",
    )
    assert e.actor_sector == "OPP"
    e = one(events(extract, "Georgian Foreign Minister Hamid Karzai criticised the decision."), "ACCUSE")
    assert e.actor_country == "GEO"  # the table says AFG; the article says Georgian


def test_actor_codes_from_text_and_table():
    assert (
        code_phrase("Polish Foreign Minister Jan Kowal").country,
        code_phrase("Polish Foreign Minister Jan Kowal").sector,
    ) == ("POL", "GOV")
    k = code_phrase("the Kremlin")
    assert (k.country, k.sector) == ("RUS", "GOV")
    assert code_phrase("rebels").sector == "REB"
    assert code_phrase("the United Nations").country == "UN"
    assert split_cameo("IGOWSTNAT").country == "NATO"
    assert (split_cameo("PSEREBHMS").country, split_cameo("PSEREBHMS").sector) == ("PSE", "REB")


def test_cameo_mapping():
    assert plover_from_cameo("041") == ("CONSULT", "phone")
    assert plover_from_cameo("173") == ("COERCE", "arrest")
    assert plover_from_cameo("0233")[0] == "REQUEST"
    assert plover_from_cameo("010") is None
    assert cameo_root("ASSAULT", "firearms") == "19" and cameo_root("ACCUSE", "investigate") == "09"
    assert set(QUAD) == {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }


def test_odd_text_does_not_crash(extract):
    for text in ['"unbalanced quote and attack', "attack", "...", "Attack! " * 300]:
        rec = extract(text)
        assert isinstance(rec.events, list)


def test_sample_ceasefire_article(sample_records):
    rec = sample_records["sample-ceasefire"]
    evs = rec.events
    by = {(e.type, e.trigger.text) for e in evs}
    req = one(evs, "REQUEST")
    assert (req.actor_country, req.actor_sector) == ("POL", "GOV")
    shelled = next(e for e in evs if e.trigger.text == "shelled")
    assert shelled.type == "ASSAULT" and shelled.actor_country == "RUS" and shelled.place is not None
    phone = next(e for e in evs if e.type == "CONSULT" and e.mode == "phone")
    assert (phone.actor_country, phone.recipient_country) == ("DEU", "UKR")
    assert ("REJECT", "rejected") in by
    rej = [e for e in evs if e.type == "REJECT" and e.rule.startswith("pattern:not for")]
    assert rej and rej[0].recipient_country == "POL" and rej[0].quote is not None
    assert any(e.type == "PROTEST" for e in evs) and any(e.type == "COERCE" and e.mode == "arrest" for e in evs)
    # negated / hypothetical / future are flagged, never plain
    assert all(e.negated for e in evs if "did not attack" in e.trigger.text or e.trigger.text == "had targeted")
    assert any(e.hypothetical for e in evs if "guarantor" in e.trigger.text)
    assert all(e.type == "AGREE" and not e.future for e in evs if "will meet" in e.trigger.text)
    # nothing from the programme title "Poland Tonight" or the poll
    assert not [
        e for e in evs if rec.text.find("Poland Tonight") <= e.trigger.start < rec.text.find("Poland Tonight") + 14
    ]
    assert not [e for e in evs if "support" == e.trigger.text]
    for e in evs:
        assert rec.text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.rule


def test_sample_events_a_reader_codes_pass_the_threshold(sample_records):
    """What newsgraph export, the timeline and the network show by default (issue 10)."""
    from newsgraph.thresholds import event_passes

    shown = [
        e
        for e in sample_records["sample-ceasefire"].events
        if event_passes(e.confidence) and not (e.negated or e.hypothetical or e.future)
    ]
    kinds = {(e.type, e.mode) for e in shown}
    assert ("CONSULT", "phone") in kinds  # the phone call
    assert any(e.type == "ASSAULT" and e.trigger.text == "shelled" for e in shown)
    # the Kremlin's rejection of the call for a ceasefire, and the spokesman's denial that troops
    # targeted civilians (a denial of an accusation is REJECT, guidelines 4); "not for Warsaw to
    # decide" is coded too but, said inside a quotation, stays just below the threshold (round 3)
    rejects = [e for e in shown if e.type == "REJECT"]
    assert any(e.trigger.text == "rejected" for e in rejects) and len(rejects) >= 2
    assert any(e.type == "PROTEST" for e in shown) and ("COERCE", "arrest") in kinds


def test_sample_summit_and_election(sample_records):
    summit = sample_records["sample-summit"].events
    met = next(e for e in summit if e.trigger.text == "met")
    assert met.type == "CONSULT" and (met.actor_country, met.recipient_country) == ("TUR", "FRA")
    acc = one(summit, "ACCUSE")
    assert (acc.actor_country, acc.actor_sector) == ("SYR", "REB")
    assert any(e.type == "THREATEN" and e.actor_country == "SYR" for e in summit)
    assert any(e.type == "REQUEST" and e.recipient_country == "SYR" for e in summit)
    assert all(e.hypothetical for e in summit if "could" in e.trigger.text)
    election = sample_records["sample-election"].events
    # "fight corruption if elected" is not an assault; the show's title is no event
    assert not [e for e in election if e.type == "ASSAULT"]
    assert not [e for e in election if "Face the Nation" in e.trigger.text]


def test_failed_without_and_no_are_negated(extract):
    # a failed cooperation is a rejection (CAMEO 12), a failed attack a negated one
    evs = events(extract, "The two sides failed to reach an agreement in Geneva.")
    assert [e.type for e in evs] == ["REJECT"] and not evs[0].negated
    assert one(events(extract, "The rebels failed to capture the town of Sumy."), "ASSAULT").negated
    evs = events(extract, "Austria expelled the envoy without consulting Germany.")
    assert one(evs, "CONSULT").negated and not one(evs, "SANCTION").negated
    assert one(events(extract, "No talks were held on Monday."), "CONSULT").negated


def test_us_is_a_country_not_a_pronoun_and_raising_subjects(extract):
    e = one(events(extract, "Cuba condemned the new US sanctions."), "ACCUSE")
    assert (e.actor_country, e.recipient_country) == ("CUB", "USA")
    e = one(events(extract, "Rebels are expected to release the hostages on Friday."), "AGREE")
    assert e.hypothetical and e.actor_sector == "REB"  # "is expected to" is a prediction (guidelines 4)
    e = one(events(extract, "Colombian troops were deployed to the border region."), "MOBILIZE")
    assert (e.actor_country, e.actor_sector) == ("COL", "MIL")


def test_names_are_not_demonyms_and_bare_verb_codes_need_an_actor(extract):
    e = one(events(extract, "The investor Mark Cuban criticized the tax plan on Monday."), "ACCUSE")
    assert e.actor_country is None
    # "linked" has a PETRARCH2 verb code but names no actor here: no event
    assert events(extract, "Some forged signatures to meet sales targets or be fired.") == []


@pytest.mark.parametrize(
    "type_, text",
    [
        ("AGREE", "Greece expressed readiness to resume talks with Turkey."),
        ("SUPPORT", "Brazil recognized the new government of Bolivia."),
        ("COOPERATE", "Spain extradited two suspects to France."),
        ("AID", "Japan provided 10 million dollars in emergency aid to Nepal."),
        ("RETREAT", "Israeli forces withdrew from the town of Jenin."),
        ("CONCEDE", "The union called off the strike."),
        ("COERCE", "Prosecutors charged the former minister with corruption."),  # guidelines 3: charging is COERCE
        ("THREATEN", "The rebels threatened to attack the capital."),
        ("MOBILIZE", "Russia massed troops along the Ukrainian border."),
        ("ASSAULT", "Gunmen ambushed a military convoy in northern Mali."),
    ],
)
def test_one_sentence_per_type(extract, type_, text):
    assert one(events(extract, text), type_).trigger.text


def test_compound_actors_give_the_second_party_as_recipient(extract):
    e = one(events(extract, "Israeli and Palestinian leaders resumed peace talks in Cairo on Tuesday."), "CONSULT")
    assert (e.actor_country, e.recipient_country) == ("ISR", "PSE")
    e = one(events(extract, "The foreign ministers of Brazil and Argentina signed a trade pact."), "SUPPORT")
    assert (e.actor_country, e.recipient_country) == ("BRA", "ARG")


def test_talks_between_two_countries(extract):
    e = one(events(extract, "Talks between Iran and Iraq opened in Geneva on Monday."), "CONSULT")
    assert (e.actor_country, e.recipient_country) == ("IRN", "IRQ")


def test_event_noun_modifying_an_effort(extract):
    e = one(events(extract, "Kenya launched a mediation effort between Ethiopia and Eritrea on Saturday."), "CONSULT")
    assert e.actor_country == "KEN"


def test_pulled_troops_out_is_retreat(extract):
    e = one(events(extract, "Ethiopia pulled its troops out of Somalia."), "RETREAT")
    assert e.mode == "withdraw" and e.actor_country == "ETH" and e.recipient_country == "SOM"


def test_recipient_country_from_the_clause_or_domestic(extract):
    # a place in the event's clause names the recipient's country
    e = one(events(extract, "Nepalese police arrested 30 Maoist rebels in Kathmandu."), "COERCE")
    assert e.recipient_country == "NPL" and e.recipient_sector == "REB"
    e = one(
        events(extract, "Britain mobilized army reservists for a possible war against Iraq on Tuesday."), "MOBILIZE"
    )
    assert e.recipient_country == "IRQ"
    # a domestic act with no target named: the actor's own country, and the rule says so
    e = one(events(extract, "The Chilean government released 40 political prisoners on Sunday."), "RETREAT")
    assert e.recipient_country == "CHL" and "domestic" in e.rule
    # verbal cooperation with nobody named gets no guessed recipient
    e = one(events(extract, "Poland said it would send more aid next week."), "AGREE")
    assert e.recipient_country is None


def test_subject_the_parser_misses(extract):
    # a long opening phrase swallows the subject into a coordination: the noun before the verb acts
    e = one(
        events(
            extract,
            "With the signing of a Memorandum of Understanding (MOU) on Cessation of Hostilities, "
            "the Kenyan government and SPLM/A have agreed to allow access.",
        ),
        "AGREE",
    )
    assert e.actor_country == "KEN"
    # "X called on Y" parsed as a noun with a reduced relative: X still acts
    e = one(
        events(extract, "An official Iranian newspaper called Thursday on Arabs to unite against the plan."), "REQUEST"
    )
    assert e.actor_country == "IRN"


def test_travel_for_talks_and_suspension(extract):
    e = one(
        events(extract, "Japanese and Korean negotiators return to Geneva this week for talks on fishing quotas."),
        "CONSULT",
    )
    assert e.actor_country == "JPN"
    e = one(events(extract, "Spain announced a suspension of air links with Morocco on Wednesday."), "SANCTION")
    assert e.actor_country == "ESP" and e.recipient_country == "MAR"


def test_actor_country_not_taken_from_the_target(extract):
    # the target of the threatened act is not the actor's country; a non-state group has none
    e = one(
        events(extract, "The al-Qaeda network has threatened to deliver devastating blows to the United States."),
        "THREATEN",
    )
    assert e.actor_country is None and e.recipient_country == "USA"
    # "was put under investigation in Italy": the state where it happens acts
    e = one(
        events(extract, "A US national has been put under investigation in Italy for her role in rioting."), "ACCUSE"
    )
    assert e.actor_country == "ITA" and e.recipient_country == "USA"


def test_igo_names_ending_in_an_acronym_and_arabic_article_names():
    assert code_phrase("The International Labour Office (ILO)").country == "IGO"
    assert "nonstate" in code_phrase("al-Qaeda terror network").rule


def test_seats_of_government_old_names_and_movements():
    assert (code_phrase("Downing Street").country, code_phrase("Downing Street").sector) == ("GBR", "GOV")
    assert code_phrase("the Elysee").rule == "text:seat-of-government"
    assert code_phrase("Czechoslovak leader Gustav Husak").country == "CZE"
    assert code_phrase("UNPROFOR troops").country == "UN"
    assert (code_phrase("Tamil rebels").country, code_phrase("Tamil rebels").sector) == ("LKA", "REB")
    assert code_phrase("the ethnic Tamils").country is None  # an ethnic group is not a state


def test_seat_of_government_as_actor(extract):
    e = one(events(extract, "Downing Street condemned the attack on the embassy in Kabul."), "ACCUSE")
    assert (e.actor_country, e.actor_sector) == ("GBR", "GOV")


def test_particles_parsed_as_prepositions_and_closures(extract):
    e = one(events(extract, "Chinese negotiators walked out of the talks with Taiwan."), "SANCTION")
    assert e.actor_country == "CHN" and e.recipient_country == "TWN"
    e = one(events(extract, "Zimbabwe closed two independent newspapers."), "COERCE")
    assert e.mode == "restrict" and e.recipient_sector == "MED"
    e = one(events(extract, "Rebels in Sierra Leone freed 50 UN peacekeepers."), "RETREAT")
    assert e.mode == "release" and e.recipient_country == "UN"


def test_own_forces_are_not_the_recipient(extract):
    e = one(events(extract, "Nigeria decided to withdraw its troops from Liberia."), "RETREAT")
    assert e.actor_country == "NGA" and e.recipient_country == "LBR"
    # a recipient with no sector ("both sides") is not guessed as domestic
    e = one(events(extract, "India urged restraint on both sides."), "REQUEST")
    assert e.recipient_country is None


def test_event_noun_with_a_by_phrase(extract):
    e = one(events(extract, "The arrest of the opposition leader by Malaysian police sparked protests."), "COERCE")
    assert (e.actor_country, e.actor_sector) == ("MYS", "COP") and e.recipient_sector == "OPP"
    # without a by-phrase, "the X" subject is an event told before, not a new one
    assert not [x for x in events(extract, "The talks ended on Friday.") if x.type == "CONSULT"]


def test_old_cameo_codes_and_surnames():
    assert split_cameo("USRGOV").country == "RUS" and split_cameo("TMPGOV").country == "TLS"
    assert split_cameo("MEAREB").country is None  # a region is no country
    c = code_phrase("Mr. Mandela", "1995-01-01")
    assert c.country == "ZAF"  # a bare surname finds its unique table name
    assert code_phrase("Mr. Smith", "1995-01-01").country is None


def test_release_of_a_kidnapped_person(extract):
    e = one(events(extract, "Muslim rebels in the southern Philippines released a kidnapped priest."), "RETREAT")
    assert e.mode == "release" and e.actor_country == "PHL"
    assert not [x for x in events(extract, "Finland released a report on Monday.") if x.type == "RETREAT"]


def test_more_verbs_and_moved_troops_are_no_recipient(extract):
    e = one(events(extract, "Argentina menaced Chile on Monday."), "THREATEN")
    assert (e.actor_country, e.recipient_country) == ("ARG", "CHL")
    assert one(events(extract, "Peru lobbied Brazil for support."), "REQUEST").recipient_country == "BRA"
    e = one(events(extract, "Argentina massed troops on the border with Chile."), "MOBILIZE")
    assert e.recipient_country == "CHL" and e.recipient_sector is None


def test_statement_issuer_condolences_and_permission(extract):
    e = one(
        events(extract, "Peru's foreign ministry issued a statement condemning the attack on the embassy."), "ACCUSE"
    )
    assert (e.actor_country, e.actor_sector) == ("PER", "GOV")
    e = one(events(extract, "Vietnam sent a message of condolence to the Chinese government."), "SUPPORT")
    assert (e.actor_country, e.recipient_country) == ("VNM", "CHN")
    e = one(events(extract, "Kuwait gave permission to American warships to use its ports."), "CONCEDE")
    assert (e.actor_country, e.recipient_country) == ("KWT", "USA")


def test_geographic_features_name_no_country(extract):
    assert code_phrase("the Indian Ocean").country is None
    assert code_phrase("Indian troops").country == "IND"
    e = one(events(extract, "Japan's Defense Agency deployed warships to the Indian Ocean."), "MOBILIZE")
    assert e.actor_country == "JPN" and e.recipient_country is None


def test_dissolving_a_party_and_reopening_an_embassy(extract):
    e = one(events(extract, "The Algerian government dissolved the Islamic Salvation Front."), "COERCE")
    assert e.mode == "ban" and e.actor_country == "DZA" and e.recipient_country == "DZA"
    e = one(events(extract, "Poland reopened its embassy in Tripoli."), "SUPPORT")
    assert e.actor_country == "POL" and e.recipient_country == "LBY"


def test_more_verb_and_object_patterns(extract):
    e = one(events(extract, "Russian police took three Chechen suspects into custody."), "COERCE")
    assert e.mode == "arrest" and e.actor_country == "RUS"
    e = one(events(extract, "The last Soviet troops left Afghanistan on Friday."), "RETREAT")
    assert e.mode == "withdraw" and e.actor_country == "RUS"
    e = one(events(extract, "King Hussein of Jordan received the U.S. Secretary of State in Amman."), "CONSULT")
    assert e.mode == "visit" and (e.actor_country, e.recipient_country) == ("JOR", "USA")
    e = one(events(extract, "North Korea called off talks with South Korea."), "SANCTION")
    assert (e.actor_country, e.recipient_country) == ("PRK", "KOR")
    assert one(events(extract, "NATO gave Yugoslavia a deadline to withdraw its troops."), "THREATEN")
    assert one(events(extract, "Indian troops remained on high alert in Kashmir."), "MOBILIZE").actor_country == "IND"
    assert one(events(extract, "Turkey amassed troops near the Syrian border."), "MOBILIZE").mode == "troops"
    assert one(events(extract, "The United States reduced its troops in South Korea."), "RETREAT").mode == "withdraw"
    assert one(events(extract, "The president took steps to expand political freedoms in Sudan."), "CONCEDE")


def test_blocking_hacking_and_striking_depend_on_who_and_what(extract):
    assert one(events(extract, "The United States blocked a U.N. Security Council resolution."), "REJECT")
    e = one(events(extract, "French truck drivers blocked motorways across the country."), "PROTEST")
    assert e.mode == "obstruct"
    assert one(events(extract, "North Korea tried to hack into South Korean military computers."), "COERCE")
    assert one(events(extract, "Nigerian oil workers struck for a third day."), "PROTEST").mode == "boycott"
    e = one(events(extract, "Thousands of Palestinians stoned Israeli troops in Hebron."), "PROTEST")
    assert e.mode == "riot" and e.actor_country == "PSE"
    # armed men are not rioters, whatever their politics
    assert one(events(extract, "Opposition forces attacked Taliban positions north of Kabul."), "ASSAULT")
    assert not [
        x
        for x in events(extract, "Opposition forces attacked Taliban positions north of Kabul.")
        if x.type == "PROTEST"
    ]


def test_actor_of_a_spokesman_and_target_of_a_condemned_act(extract):
    e = one(events(extract, "A spokesman for the ruling Taliban militia accused Washington of terrorism."), "ACCUSE")
    assert (e.actor_country, e.recipient_country) == ("AFG", "USA")
    e = one(events(extract, "Syria denounced Israel's raids on Lebanon."), "ACCUSE")
    assert e.recipient_country == "ISR"


def test_sentence_fallback_noun_and_unnamed_actor(extract):
    # no verb codes an event: the event noun does, with the subject of its verb as actor
    e = one(events(extract, "Sudanese negotiators made progress in talks with the rebels on Monday."), "CONSULT")
    assert e.actor_country == "SDN" and "sentence fallback" in e.rule
    # the setting of something else is no event
    evs = events(extract, "Novak told supporters at a rally in Prague.")
    assert not [x for x in evs if x.type == "PROTEST"]
    # nobody named: the country the sentence is about, and the rule says so
    e = one(events(extract, "Economic sanctions against Libya were lifted by decree in Tripoli on Friday."), "RETREAT")
    assert e.recipient_country == "LBY"


def test_table_people_keep_their_country_outside_their_offices():
    assert code_phrase("Kim Jong Il", "2000-01-01").country == "PRK"  # table entry from 2004 on
    assert code_phrase("Slobodan Milosevic", "2000-01-01").country != "HRV"  # not Domagoj Ivan Milosevic
    assert code_phrase("Javier Solana", "1997-01-01").country == "NATO"  # dated codes on the name's line
    assert split_cameo("SCGSRB").country == "SRB"


def test_ending_cooperation_trade_bans_and_state_protests(extract):
    # stopping cooperation reduces relations; announced with a condition it is a threat
    e = one(events(extract, "Iraq will stop cooperating with U.N. inspectors if sanctions are not lifted."), "THREATEN")
    assert e.actor_country == "IRQ"
    e = one(events(extract, "Zimbabwe ordered the British high commissioner out of the country."), "SANCTION")
    assert e.mode == "expel" and e.recipient_country == "GBR"
    assert one(events(extract, "Kuwait banned imports from Iraq."), "SANCTION").recipient_country == "IRQ"
    # a state's protest is diplomatic; people protesting outside an embassy demonstrate
    assert one(events(extract, "Russia protested to Georgia about the detention of its soldiers."), "ACCUSE")
    assert one(events(extract, "Hundreds of students protested outside the British embassy in Tehran."), "PROTEST")
    assert code_phrase("The Hague tribunal").country == "UN"


def test_assault_and_threat_modes_from_the_text(extract):
    e = one(events(extract, "Guerrillas killed the deputy chief of the militia in southern Lebanon."), "ASSAULT")
    assert e.mode == "assassinate"
    e = one(events(extract, "Israeli tanks fired shells at targets in Jericho."), "ASSAULT")
    assert e.mode == "heavy-weapons"
    # a conditional boycott is a threat to restrict (CAMEO 1312)
    e = one(events(extract, "The party said it will boycott the elections unless the president resigns."), "THREATEN")
    assert e.mode == "restrict"


def test_more_modes(extract):
    assert (
        one(events(extract, "Authorities deployed hundreds of riot police in the capital."), "MOBILIZE").mode
        == "police"
    )
    assert one(events(extract, "A suicide bomber blew himself up at a checkpoint."), "ASSAULT").mode == "suicide-attack"
    assert one(events(extract, "Syrian troops withdrew from Beirut."), "RETREAT").mode == "withdraw"
    assert one(events(extract, "Egypt recalled its ambassador from Israel."), "SANCTION").mode == "withdraw"
    assert one(events(extract, "Britain expelled three Iraqi diplomats."), "SANCTION").mode == "expel"
    e = one(
        events(
            extract,
            "Egyptian President Hosni Mubarak arrived in Washington on Monday for talks with President Clinton.",
        ),
        "CONSULT",
    )
    assert e.mode == "visit"


def test_a_monitors_report_of_abuses_is_an_accusation(extract):
    evs = events(extract, "Amnesty International said Indonesian troops had tortured civilians in Aceh.")
    e = one(evs, "ACCUSE")
    assert e.recipient_country == "IDN" and e.rule.startswith("pattern:monitor")
    assert one(evs, "ASSAULT").actor_country == "IDN"  # the reported act stays an event
    # a government reporting an attack does not accuse in this sense
    assert not [x for x in events(extract, "Police said rebels attacked the village.") if x.type == "ACCUSE"]


def test_structures_that_hide_the_event(extract):
    e = one(events(extract, "Russian troops came under attack from Chechen rebels near Grozny."), "ASSAULT")
    assert e.recipient_country == "RUS" and e.rule.startswith("pattern:come under")
    e = one(events(extract, "Belgrade said the NATO strikes were a crime against its people."), "ACCUSE")
    assert (e.actor_country, e.recipient_country) == ("SRB", "NATO")
    e = one(events(extract, "NATO sent a letter to Belgrade urging it to withdraw its forces from Kosovo."), "REQUEST")
    assert e.actor_country == "NATO"
    assert not [
        x
        for x in events(extract, "NATO sent a letter to Belgrade urging it to withdraw its forces.")
        if x.type == "MOBILIZE"
    ]
    assert one(events(extract, "The U.S. Senate gave its approval to an aid package for Israel."), "SUPPORT")
    assert one(events(extract, "Japan expressed regret to South Korea for its colonial rule."), "SUPPORT")
    assert one(events(extract, "China rolled tanks and artillery onto the coast opposite Taiwan."), "MOBILIZE")
    # whose side an armed group is on
    assert (
        one(events(extract, "Militias loyal to Jakarta burned villages across East Timor."), "COERCE").actor_country
        == "IDN"
    )


def test_nominal_and_idiomatic_events(extract):
    e = one(events(extract, "Fighting erupted between Azerbaijani and Armenian forces in Nagorno-Karabakh."), "ASSAULT")
    assert (e.actor_country, e.recipient_country) == ("AZE", "ARM")
    assert (
        one(events(extract, "Kurdish prisoners in Turkey have been on hunger strike since February."), "PROTEST").mode
        == "hunger"
    )
    e = one(events(extract, "The Security Council told Iraq to cooperate fully with the inspectors."), "REQUEST")
    assert e.recipient_country == "IRQ"
    assert one(events(extract, "Libyan leader Moammar Gadhafi vowed revenge against the United States."), "THREATEN")
    assert one(events(extract, "Chinese authorities have stepped up a crackdown on the Falun Gong."), "COERCE")
    assert one(events(extract, "Palestinian youths hurled stones at Israeli soldiers."), "PROTEST").mode == "riot"
    assert one(events(extract, "North Korea said it was willing to freeze its nuclear programme."), "AGREE")


def test_intent_frame_over_a_misparsed_infinitive(extract):
    # the parser hangs "to fight" on "sworn" as a clause: it is still what was sworn
    e = one(
        events(extract, "Ethnic Albanian rebels have sworn to fight until they gain control of the villages."),
        "THREATEN",
    )
    assert not [
        x
        for x in events(extract, "Ethnic Albanian rebels have sworn to fight until they gain control of the villages.")
        if x.type == "AGREE"
    ]
    assert e.rule.startswith("lexicon:swear")


def test_an_act_ruled_out_is_a_rejection(extract):
    e = one(events(extract, "US officials said that lifting the sanctions on Burma is out of the question."), "REJECT")
    assert (e.actor_country, e.recipient_country) == ("USA", "MMR")
    assert not [
        x
        for x in events(extract, "US officials said that lifting the sanctions on Burma is out of the question.")
        if x.type == "RETREAT"
    ]
    assert (
        one(events(extract, "Britain said talks with the rebels were not an option."), "REJECT").actor_country == "GBR"
    )


def test_rallying_support_and_ngo_names(extract):
    e = one(events(extract, "The Arab League urged the European Community to support the PLO."), "SUPPORT")
    assert e.actor_country == "ARL" and "rally support" in e.rule
    # a forum or a foundation is no state: its country is not guessed from the article
    e = one(
        events(extract, "The Global Water Forum urged the United States to allocate more money to Africa."), "REQUEST"
    )
    assert e.actor_country is None


def test_no_domestic_guess_in_an_article_about_several_countries(extract):
    # one country named: an arrest with no target named is a domestic act (CAMEO's reading)
    one = extract("Police in Nairobi arrested dozens of protesters on Monday.", published="2024-03-06")
    ev = next(e for e in one.events if e.type == "COERCE")
    assert ev.recipient_country == "KEN" and "domestic" in ev.rule
    # an article naming several countries: no target named means no recipient country, not a guess
    many = extract(
        "Russian troops targeted residential areas, Ukraine said. Poland and Germany sent aid.", published="2024-03-06"
    )
    ev = next(e for e in many.events if e.type == "ASSAULT")
    assert ev.recipient_country in (None, "UKR") and "domestic" not in ev.rule


NON_POLITICAL = (  # written for the project: sport and business, with verbs a coder could misread
    "The Harbour City Hawks beat the Valley Bulls 3-1 on Saturday to move top of the league. The Hawks "
    "attacked down the left all afternoon, and striker Ana Ruiz shot past the keeper twice before half-time. "
    "The Bulls defended deep and struck back through a late penalty, but could not find an equaliser. Coach "
    "Tom Berry said his side would meet the leaders next week. Off the pitch, the club agreed a new deal with "
    "its shirt sponsor, the software firm Nordlight, which is expanding into Asia. Nordlight's chief executive "
    "said sales rose 12 percent last year and the company plans to open offices in Singapore. Fans protested "
    "the price of season tickets outside the stadium before kick-off."
)


def test_non_political_article_gives_no_trusted_event(extract):
    from newsgraph.thresholds import event_passes

    evs = events(extract, NON_POLITICAL)
    trusted = [
        (e.type, e.trigger.text)
        for e in evs
        if event_passes(e.confidence) and not (e.negated or e.hypothetical or e.future)
    ]
    assert trusted == []
    # what the coder read stays in the record, with why it is not trusted
    assert evs and all(e.confidence is not None and 0 <= e.confidence <= 1 for e in evs)
    assert any("untrusted:" in e.rule for e in evs)


def test_every_event_has_a_confidence(extract):
    for e in events(
        extract,
        "Polish Foreign Minister Jan Kowal called for an immediate ceasefire. "
        "Russian forces shelled the city of Kharkiv on Sunday.",
    ):
        assert isinstance(e.confidence, float) and 0.0 <= e.confidence <= 1.0


def test_city_state_decides_a_homonymous_place_in_an_actor(extract):
    text = (
        "PARIS, Texas - The county sheriff said on Monday that Paris police arrested two men after a protest "
        "at the courthouse. Paris officials condemned the vandalism, the Texas governor said."
    )
    evs = events(extract, text)
    arrest = one(evs, "COERCE")
    assert (arrest.actor_country, arrest.actor_sector) == ("USA", "COP")  # not France: "Paris, Texas"
    assert one(evs, "ACCUSE").actor_country == "USA"


def test_negation_refusal_and_denial_before_type(extract):
    evs = events(extract, "Nor do we support the sanctions, the minister said.")
    assert all(e.negated for e in evs if e.type == "SUPPORT") and not [e for e in evs if e.type == "SANCTION"]
    assert not [e for e in events(extract, "The minister declined to comment on the report.") if e.type == "REJECT"]
    evs = events(extract, "Russia denied that its jets bombed the hospital.")
    assert all(e.negated for e in evs if e.type == "ASSAULT")
    evs = events(extract, "No offer has been made to the rebels, the ministry said.")
    assert all(e.negated for e in evs)


def test_general_verbs_in_their_event_sense_only(extract):
    assert not [
        e
        for e in events(extract, "Dan Miller of the National Review agreed with Matthews about the winner.")
        if e.type == "AGREE"
    ]
    assert not [e for e in events(extract, "The analyst offered some thoughts on the market.") if e.type == "AGREE"]
    assert not [
        e
        for e in events(extract, "The rate would decline sharply next year.")
        if e.type == "REJECT" and e.confidence > 0
    ]  # no refusal; a rate cannot act
    assert one(events(extract, "Syria and Lebanon agreed that the militias must leave."), "AGREE")
    e = one(
        events(extract, "Republican senator Tom Hale attacked Democratic governor Ann Ray over the budget."), "ACCUSE"
    )
    assert e.mode == "disapprove"  # a verbal attack (guidelines 3)
