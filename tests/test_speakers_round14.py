"""Issue 11, round 14: speakers (invented sentences, one per rule; docs/quotes.md "Round 14: speakers").

Each rule has a name in ``entities.SPEAKER_RULES_OFF``; a test switches it off to show what it
changes (scripts/speakers_ab.py --round 14 switches them all off for the before run)."""

from __future__ import annotations

from speaker_helpers import names_of
from speaker_helpers import quote_starting as _q
from speaker_helpers import speaker_of as _speaker_of


def test_a_quotation_goes_on_with_its_own_speaker_not_a_later_clause_of_its_sentence(extract, without):
    text = (
        '"We are going to start winning again," Anna Novak said at her victory party in Dover, two '
        'hours after local newspapers declared her the winner of the primary. "You are going to be so happy."'
    )
    q = _q(extract(text), "You are going to be so happy")
    assert _speaker_of(extract(text), "You are going to be so happy") == "Anna Novak"
    assert q.rule.endswith("+speaker=continues")
    without("continued-quotation")
    assert _speaker_of(extract(text), "You are going to be so happy") != "Anna Novak"


def test_a_continued_quotation_is_not_given_to_a_relative_clause_after_the_name(extract, without):
    text = (
        '"There will be some that will take weeks to realize it," said Gov. Peter Moss of Ohio, a former '
        'backer of Sen. Tom Hale, who has since called on Republicans to back the nominee. "Realistically, '
        'this is an opportunity to win the White House."'
    )
    assert _speaker_of(extract(text), "Realistically") == "Peter Moss"
    without("continued-quotation")
    assert _speaker_of(extract(text), "Realistically") == "Tom Hale"


def test_who_was_asked_a_question_did_not_ask_it(extract, without):
    text = (
        "Paul Ryan met the nominee on Monday. On Tuesday, Trump refused to endorse Ryan, the same wording "
        "Ryan used in May when he was first asked if he would support Trump as the nominee."
    )
    q = _q(extract(text), "if he would support")
    assert q.speaker is None and q.speaker_mention is None
    without("asked-passive")
    assert _q(extract(text), "if he would support").speaker is not None


def test_who_was_asked_to_act_did_not_ask(extract, without):
    text = (
        "Corey Lewandowski, the campaign manager, hopped on stage when the debate went to commercial "
        "break. And when asked to leave, he reportedly refused, which prompted debate organizers to allow "
        "the other candidates time to confer with their staff as well."
    )
    q = _q(extract(text), "to leave")
    assert q.speaker is None
    without("asked-passive")
    assert _speaker_of(extract(text), "to leave") == "Corey Lewandowski"


def test_the_asker_of_an_opening_clause_does_not_answer(extract, without):
    text = (
        "The statement conflicted with what Anna Novak told NBC News before her speech on Monday. "
        'Asked by Matt Lauer whether she had practiced her speech, she said, "I read it once over."'
    )
    assert _speaker_of(extract(text), "I read it once over") == "Anna Novak"


def test_she_is_never_a_man_and_more_first_names_say_who_is_one(extract, without):
    text = 'Matt Lauer asked about the speech on Monday. "It was fine," she said.'
    q = _q(extract(text), "It was fine")
    assert q.speaker is None and q.speaker_mention.text == "she"
    without("first-names")  # (Matt: gender unknown)
    assert _speaker_of(extract(text), "It was fine") == "Matt Lauer"
    without("gender-clash")
    assert _speaker_of(extract(text), "It was fine") == "Matt Lauer"
    text = 'Peter Moss asked about the speech on Monday. "It was fine," he said.'
    without()
    assert _speaker_of(extract(text), "It was fine") == "Peter Moss"


def test_a_description_naming_a_state_is_not_a_senator_of_another_state(extract, without):
    text = (
        "Bernie Sanders won in Illinois. The Vermont senator spoke in Chicago.\n\n"
        "Marco Rubio spoke over boos as he congratulated Florida primary winner Donald Trump. Rubio "
        "offered the crowd an emotional speech on Tuesday as he ended his bid.\n\n"
        "The Florida senator sought to calm his supporters.\n\n"
        "He said that he would offer a prayer for the eventual nominee."
    )
    assert _speaker_of(extract(text), "that he would offer a prayer") == "Marco Rubio"
    without("division-fit")
    assert _speaker_of(extract(text), "that he would offer a prayer") == "Bernie Sanders"


def test_an_acronym_is_the_body_it_stands_for(extract, without):
    text = (
        "The International Monetary Fund announced Tuesday that it is lowering its forecast.\n\n"
        "The IMF had warned that the vote could depress growth in Britain for years."
    )
    rec = extract(text)
    assert _speaker_of(rec, "that the vote could depress") == "International Monetary Fund"
    without("acronym")
    assert _speaker_of(extract(text), "that the vote could depress") == "IMF"


def test_a_description_stands_for_the_body_mentioned_by_its_acronym(extract, without):
    text = (
        "The International Monetary Fund announced Tuesday that it is lowering its forecast.\n\n"
        "Growth slowed in Europe and Japan over the summer.\n\n"
        "Trade fell for a third quarter.\n\n"
        "Oil prices rose in October.\n\n"
        "The IMF had warned that the vote could depress growth in Britain. Still, the fund warned "
        "that the exit will raise many questions."
    )
    q = _q(extract(text), "that the exit will raise")
    assert names_of(extract(text)).get(q.speaker) == "International Monetary Fund"
    assert q.speaker_mention.text == "the fund"
    without("entity-name")
    assert _q(extract(text), "that the exit will raise").speaker is None


def test_the_ads_of_a_group_are_the_named_body_s(extract, without):
    text = (
        "A major climate group is demanding action from the candidates.\n\n"
        "NextGen Climate, founded by Tom Steyer, will air an ad during the debate. The group is also "
        "running full-page ads in two newspapers. The ads ask the candidates to make clean energy a "
        "priority.\n\nThe group said it would spend more."
    )
    rec = extract(text)
    assert _speaker_of(rec, "to make clean energy") == "NextGen Climate"
    assert _q(rec, "to make clean energy").rule.endswith("+speaker=owner-verb:ad@+0")
    assert _speaker_of(rec, "it would spend more") is None  # ("the group" alone: not named, round 14)
    without("publisher-body")
    assert _speaker_of(extract(text), "to make clean energy") is None


def test_he_in_a_clause_on_an_act_of_someone_named_as_its_possessor_is_that_someone(extract, without):
    text = (
        "Charles Geyh, a professor at Indiana University, said he has no problem with presidents "
        'criticizing judges. But, he said, "there is a line between disagreement and attacks."\n\n'
        "One of Donald Trump's earlier jeremiads came in February, when he told Fox News that Curiel "
        "was biased against him."
    )
    assert _speaker_of(extract(text), "that Curiel was biased") == "Donald Trump"
    without("possessor-subject")
    assert _speaker_of(extract(text), "that Curiel was biased") == "Charles Geyh"


def test_a_hashtag_is_no_name(extract, without):
    text = "Supporters tweeted #DumpTrump on Monday. #Justdoit, wrote Anna Novak."
    assert [e.name for e in extract(text).entities if e.type == "PERSON"] == ["Anna Novak"]
    without("hashtag")
    assert "Justdoit" in [e.name for e in extract(text).entities]


def test_a_surname_with_a_curly_apostrophe_is_a_name(extract, without):
    text = (
        'Conservative filmmaker Dinesh D\u2019Souza said the film would be a hit. "It is a warning," D\u2019Souza said.'
    )
    rec = extract(text)
    assert _speaker_of(rec, "It is a warning") == "Dinesh D\u2019Souza"
    without("apostrophe-name")
    assert _q(extract(text), "It is a warning").speaker is None
