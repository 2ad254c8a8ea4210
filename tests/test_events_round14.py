"""Issue 10, round 14: precision rules read from fresh whole PolNeAR train articles (history told as
background, acts only proposed or opposed, other senses, trips at home, US party members abroad,
demonyms inside names). Short sentences written for the project (docs/events.md, "Round 14")."""

from __future__ import annotations

from events_view import of_trigger, shown


def test_history_dated_years_before_is_background(evs):
    # a year on the clause (directly or through a noun phrase) a year or more before the article
    out = evs(
        "WASHINGTON — In 2019, Senator Dale Hart complained bitterly about the governor's budget. "
        "In the Harbor Riot of 1970, dock workers marched with bankers to assault anti-war students."
    )
    assert not shown(of_trigger(out, "complained")), [e.rule for e in out]
    assert "background" in of_trigger(out, "complained")[0].rule
    assert not [e for e in shown(out) if "assault" in e.trigger.text]
    # the same act this year, or last year, is the article's storyline
    (e,) = of_trigger(
        evs("WASHINGTON — On Monday, Senator Dale Hart complained bitterly about the governor."), "complained"
    )
    assert "background" not in e.rule and e.type == "ACCUSE", e.rule


def test_once_and_past_perfect_asides_are_background(evs):
    out = evs(
        "MADISON, Wis. — Voters elected a judge who once mocked the governor. "
        "Officials said the curfew, which had been imposed after rebels killed 30 villagers in the north, "
        "would be lifted."
    )
    assert not [e for e in shown(out) if e.trigger.text.endswith("mocked")], [e.rule for e in out]
    assert not [e for e in shown(out) if e.trigger.text == "killed"], [e.rule for e in out]


def test_a_habit_over_decades_is_no_act(evs):
    out = evs(
        "SALT LAKE CITY — Utah has been loyal to Republicans, supporting the party's presidential "
        "candidates by wide margins for over four decades."
    )
    assert not shown(of_trigger(out, "supporting")), [e.rule for e in out]


def test_acts_proposed_opposed_or_preferred_are_not_done(evs):
    out = evs(
        "WASHINGTON — Senator Dale Hart opposes sending American troops to fight in Syria. "
        "Officials pressed for the United States to carry out airstrikes on Syrian bases. "
        "The candidate repeated his calls for banning refugees from entering the country."
    )
    for w in ("fight", "out", "banning"):
        assert not [e for e in shown(out) if w in e.trigger.text.split()], (w, [e.rule for e in out])
    # the stance itself stays (REJECT), and an act done is still done
    assert [e for e in of_trigger(out, "opposes") if e.type == "REJECT"], [e.rule for e in out]
    (e,) = of_trigger(evs("WASHINGTON — The United States carried out airstrikes on Syrian bases on Monday."), "out")
    assert e.type == "ASSAULT" and not e.hypothetical, e.rule


def test_an_act_blamed_is_alleged_and_no_support_is_none(evs):
    out = evs(
        "MOSCOW — President Sorokin lashed out at Turkey on Tuesday for having shot down a Russian jet. "
        "Ministry officials insisted that they give no support to the rebels."
    )
    (e,) = of_trigger(out, "lashed")
    assert e.type == "ACCUSE", e.rule
    assert not [e for e in shown(out) if "shot" in e.trigger.text.split()], [e.rule for e in out]
    assert all(e.negated for e in of_trigger(out, "give")), [e.rule for e in out]


def test_other_senses_take_over_as_and_a_commitment_to_a_value(evs):
    out = evs(
        "MEXICO CITY — Paulo Reyes, an aide to the president, will take over as the senior Foreign Ministry "
        "official for North America. The ruling party's commitment to social justice has weakened."
    )
    assert not shown(of_trigger(out, "take")) and not shown(of_trigger(out, "commitment")), [e.rule for e in out]
    # a real takeover stays
    out = evs("KABUL — Taliban fighters took over the city of Kunduz on Monday.")
    assert [e for e in out if "took" in e.trigger.text.split() and "a post" not in e.rule], [e.rule for e in out]


def test_a_warning_against_a_partys_strategy_is_advice(evs):
    out = evs(
        "WASHINGTON — An increasing number of Democrats are warning against the senator waging a one-issue campaign."
    )
    assert not [e for e in shown(out) if e.type == "THREATEN"], [e.rule for e in out]


def test_a_trip_to_a_place_or_at_home_is_no_consultation(evs):
    out = evs(
        "WASHINGTON — Senator Dale Hart visited the National Veterans Memorial in Washington on Monday. "
        "Governor Ann Lowe toured Ohio on Tuesday."
    )
    assert not shown(of_trigger(out, "visited")) and not shown(of_trigger(out, "toured")), [e.rule for e in out]
    # a visit to another country's capital is still a visit
    (e,) = of_trigger(evs("WASHINGTON — Vice President Dale Hart visited Ankara on Monday."), "visited")
    assert e.type == "CONSULT" and "untrusted" not in e.rule, e.rule


def test_a_us_party_member_abroad_is_american(evs):
    out = evs(
        "Republican presidential candidate Dale Hart met with Mexican President Luis Ortega on Wednesday in "
        "Mexico City. Mexico's foreign ministry praised the meeting in Mexico City. Hart flew back to the "
        "United States on Thursday."
    )
    (e,) = of_trigger(out, "met")
    assert e.actor_country == "USA" and e.recipient_country == "MEX", e.rule
    # another country's Democrats are not American
    out = evs(
        "BERLIN — Christian Democratic leader Anna Weber met with Polish President Jan Kowal on Monday in Berlin."
    )
    (e,) = of_trigger(out, "met")
    assert e.actor_country != "USA", e.rule


def test_a_demonym_inside_a_name_names_no_country(evs):
    out = evs(
        "DALLAS — Billionaire Mark Cuban, the team's owner, spoke on Monday. Cuban accused Governor Ann Lowe "
        "of lying about the budget. Americans for Prosperity condemned Lowe."
    )
    (e,) = of_trigger(out, "accused")
    assert e.actor_country != "CUB", e.rule
    # a Cuban official is still Cuban
    (e,) = of_trigger(evs("HAVANA — Cuban officials condemned the embargo on Monday."), "condemned")
    assert e.actor_country == "CUB", e.rule


def test_a_surname_is_not_the_tables_place(evs):
    # "Lazio" is an Italian region in the actor table; here the surname of a person the article names
    out = evs(
        "WASHINGTON — Rick Lazio, a former congressman, spoke on Monday. Senator Dale Hart criticized Lazio "
        "on Tuesday for his remarks."
    )
    (e,) = of_trigger(out, "criticized")
    assert e.recipient_country != "ITA", e.rule


def test_a_verbal_assault_on_a_person_is_an_accusation(evs):
    out = evs(
        "WASHINGTON — Senator Dale Hart held a news conference in which he continued his assault on "
        "Governor Ann Lowe, mocking her record during the Iraq war."
    )
    assert not [e for e in out if e.type == "ASSAULT"], [e.rule for e in out]
    out = evs("GAZA — Israeli troops continued their assault on Hamas fighters in Gaza on Monday.")
    assert [e for e in out if e.type == "ASSAULT"], [e.rule for e in out]


def test_what_a_non_finite_verb_or_a_condition_reports_is_not_done(evs):
    out = evs(
        "WASHINGTON — Governor Ann Lowe has been considering announcing that she will not endorse Senator "
        "Dale Hart. Aides asked what would happen if their candidate announced she would not back Hart."
    )
    assert not [e for e in shown(out) if e.type in ("REJECT", "SUPPORT")], [e.rule for e in out]


def test_other_senses_from_the_verb_object_table(evs):
    # verb_objects.tsv NONE rows: "committed the offense of", "ease worries"
    out = evs(
        "WASHINGTON — The activists have committed the so-called offense of supporting Senator Dale Hart. "
        "President Ann Lowe sought on Wednesday to ease growing worries about the election campaign."
    )
    assert not [e for e in shown(out) if e.type in ("AGREE", "CONCEDE")], [e.rule for e in out]


def test_a_disagreement_with_nobody_and_an_example_cited(evs):
    out = evs(
        "WASHINGTON — Senior American officials disagree on what the troops will be doing. The two "
        "lawmakers cited an instance in which a Marine was found guilty of negligence."
    )
    assert not shown(of_trigger(out, "disagree")) and not shown(of_trigger(out, "found")), [e.rule for e in out]
    # disagreeing with someone is still disapproval
    (e,) = of_trigger(
        evs("WASHINGTON — Senator Dale Hart said on Monday he disagrees with the governor's decision."), "disagrees"
    )
    assert "no other party" not in e.rule, e.rule


def test_an_act_given_up_is_not_done(evs):
    out = evs("WASHINGTON — An analyst said the United States is bowing out of continuing the proxy war against Syria.")
    assert not [e for e in shown(out) if e.type == "ASSAULT"], [e.rule for e in out]


def test_a_campaign_promise_is_not_coded(evs):
    out = evs(
        "DES MOINES, Iowa — Senator Dale Hart vowed on Monday to break up the big banks if he wins the White "
        "House. As president, Hart will sanction Iran, he told supporters."
    )
    assert not [e for e in shown(out) if e.type == "THREATEN"], [e.rule for e in out]
    # a state's conditional threat is still a threat
    out = evs("MOSCOW — Russia vowed on Monday to retaliate against NATO if the alliance deploys troops in Estonia.")
    assert [e for e in out if e.type == "THREATEN" and not e.hypothetical], [e.rule for e in out]


def test_a_statement_told_in_a_participle_is_aimed_at_the_named_target(evs):
    # "dove into X's record, launching attacks": X, not a bare country
    out = evs(
        "LOS ANGELES (AP) — Senator Ann Lowe and her allies dove deeper into Dale Hart's record Tuesday, "
        "launching a new round of attacks designed to paint the businessman as profiting off the crisis."
    )
    (e,) = of_trigger(out, "launching")
    assert e.type == "ACCUSE" and e.recipient_mention is not None and "Hart" in e.recipient_mention.text, e.rule


def test_a_threat_on_a_condition_that_is_no_election_stays_a_threat(evs):
    out = evs(
        "RIYADH — The Saudis have warned they could sell off billions of dollars in U.S. assets if the bill "
        "becomes law."
    )
    assert not [e for e in of_trigger(out, "warned") if "campaign promise" in e.rule], [e.rule for e in out]


def test_a_year_on_the_object_does_not_date_the_act(evs):
    # "criticized Obama's 2011 intervention": the intervention is dated, the criticism is today's
    out = evs(
        "WASHINGTON — Former Governor Dale Hart criticized President Ann Lowe's 2011 intervention in Libya on Saturday."
    )
    assert [e for e in of_trigger(out, "criticized") if "background" not in e.rule], [e.rule for e in out]
    # a year in a time phrase on the act still dates it; so does one on the antecedent of its clause
    out = evs(
        "WASHINGTON — Senator Dale Hart praised the 2011 raid that killed the militant leader Omar Haddad on Monday."
    )
    assert [e for e in of_trigger(out, "killed") if "background" in e.rule], [e.rule for e in out]


def test_a_statement_is_not_aimed_at_the_actors_own_side(evs):
    # "him" read as Lowe, whose campaign criticizes: never the actor's own side
    out = evs(
        "WASHINGTON — Ann Lowe spoke in Iowa on Monday. While Dale Hart, the senator from Vermont, has set "
        "fundraising records, Lowe's campaign has criticized him for not doing more to help other candidates."
    )
    (e,) = of_trigger(out, "criticized")
    assert e.type == "ACCUSE" and "other-than-actor" in e.rule and "Hart" in str(e.recipient_mention), e.rule
