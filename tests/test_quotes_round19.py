"""newsgraph_quotes, issue 11 round 19: invented sentences, one group per rule
(docs/quotes.md "Round 19")."""

from __future__ import annotations

import pytest

from quotes_view import cued

# ---------------------------------------------------------------- a speech verb that tells an act


@pytest.mark.parametrize(
    "text, cue, switch",
    [
        (
            '"Is the mayor running against the council?" asked Mr. Kowal, referring to the mayor\'s'
            ' unrelenting assault on what he calls the "crooked" budget process.',
            "referring",
            "refer19",
        ),
        (
            'When she took office, the mayor Anna Novak referred to the protesters as "criminals" and "thugs".',
            "referred",
            "refer19",
        ),
        (
            "That proposal prompted the city council to call a debate in January on whether to ban the festival.",
            "call",
            "convene19",
        ),
        (
            "Dr. Peter Kowal has been called a charlatan by fellow physicians for promoting quack cures.",
            "called",
            "passcall19",
        ),
        ("The rating is eventually made by adding together the points scored in each category.", "adding", "addsum19"),
        (
            'In a riff on his famous line, the protesters will hold banners proclaiming: "Yes we can - Stop the tax!"',
            "proclaiming",
            "sign19",
        ),
        (
            "Republicans will also be under pressure to pledge that their choices would roll back the court decisions.",
            "pledge",
            "chance19",
        ),
        (
            "But it has always been awkward for Republicans to say that government is the problem except for the bank.",
            "say",
            "chance19",
        ),
    ],
)
def test_an_act_told_is_no_statement(every, quote_rules_off, text, cue, switch):
    qs = cued(every(text), cue)
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off(switch)
    assert any(q.cue_type == "speech" for q in cued(every(text), cue))


@pytest.mark.parametrize(
    "text, cue",
    [
        ('The mayor called the plan "a reckless gamble with our savings."', "called"),
        ("Novak called for a ban on the sale of fireworks.", "called"),
        ("He responded to the report by adding that the council would vote again.", "adding"),
        ("Anna Novak was quick to say that the bridge would reopen in May.", "say"),
    ],
)
def test_speech_verbs_that_report_keep_their_statement(every, text, cue):
    qs = cued(every(text), cue)
    assert not qs or any(q.cue_type == "speech" for q in qs)


# ---------------------------------------------------------------- the source, not the outlet that reported it


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        (
            '"There is no basis for labeling the islanders as a threat," Joey Salceda said in a bill filed in'
            " the House, according to the Philippine Star.",
            "Joey Salceda",
            "There is no basis for labeling the islanders as a threat,",
        ),
        (
            "The mayor Anna Novak said the bridge would reopen in May, according to the Daily Courier.",
            "Anna Novak",
            "the bridge would reopen in May",
        ),
    ],
)
def test_a_statement_an_outlet_passes_on_is_its_speakers(extract, quote_rules_off, text, speaker, content):
    rec = extract(text)
    names = {e.id: e.name for e in rec.entities}
    q = next(q for q in rec.quotes if q.text == content)
    assert names.get(q.speaker) == speaker and q.via is not None
    assert not any(q.cue is not None and q.cue.text == "according to" for q in rec.quotes)
    quote_rules_off("accnest19")
    rec = extract(text)
    assert any(q.cue is not None and q.cue.text == "according to" for q in rec.quotes)


def test_according_to_a_person_keeps_the_report(extract):
    rec = extract(
        "Campaign officials looked into what would happen if their candidate announced he would not back"
        " the mayor, according to the Daily Courier."
    )
    assert any(q.cue is not None and q.cue.text == "according to" for q in rec.quotes)
    rec = extract("Novak told a friend that he was tired of the job, according to a person familiar with the talks.")
    assert any(q.cue is not None and q.cue.text == "according to" for q in rec.quotes)


# ---------------------------------------------------------------- the opening phrase of a split quotation


@pytest.mark.parametrize(
    "text, opening",
    [
        (
            '"To the extent they care," he said of the campaign, "I\'m sure I\'ve irritated all of them."',
            "To the extent",
        ),
        ('"If we lose the vote next week," Novak said, "we will try again next year."', "If we lose"),
    ],
)
def test_the_opening_phrase_of_a_split_quotation_is_no_record(extract, quote_rules_off, text, opening):
    rec = extract(text)
    assert rec.quotes and not any(q.text.startswith(opening) for q in rec.quotes)
    quote_rules_off("fragment19")
    assert any(q.text.startswith(opening) for q in extract(text).quotes)


def test_a_whole_first_part_stays_a_record(extract):
    rec = extract('"We are ready to rebuild the bridge this year," Novak said, "and we will not wait for the state."')
    assert any(q.text.startswith("We are ready") for q in rec.quotes)


# ---------------------------------------------------------------- a participle hung on the quoted clause


def test_a_participle_after_a_quoted_clause_is_the_speakers(extract, quote_rules_off):
    text = (
        'Senator Ben Cardin stressed that "the way to proceed is to get both parties working together,"'
        " suggesting that the only way to do that might be to pass a plain renewal of the act."
    )

    def speaker_of_suggesting():
        rec = extract(text)
        names = {e.id: e.name for e in rec.entities}
        q = next(q for q in rec.quotes if q.cue is not None and q.cue.text == "suggesting")
        return names.get(q.speaker)

    assert speaker_of_suggesting() == "Ben Cardin"
    quote_rules_off("quotedhead19")
    assert speaker_of_suggesting() != "Ben Cardin"


# ---------------------------------------------------------------- a gerund complement is part of the clause


@pytest.mark.parametrize(
    "text, content",
    [
        ("Officer Bob Lane said he began calling local groups and asking for help.", "he began calling local groups"),
        ("Anna Novak said he kept telling the council about the cracks.", "he kept telling the council"),
    ],
)
def test_a_gerund_complement_stays_in_the_content(extract, quote_rules_off, text, content):
    assert any(q.text.startswith(content) for q in extract(text).quotes)
    quote_rules_off("xcompcue19")
    assert not any(q.text.startswith(content) for q in extract(text).quotes)


def test_the_speakers_next_statement_is_still_cut_off(extract):
    rec = extract("Anna Novak said that she had filed her statement, saying it set a new benchmark.")
    assert any(q.text == "that she had filed her statement" for q in rec.quotes)
