"""Issue 11, round 15: speakers (invented sentences, one per rule; docs/quotes.md "Round 15: speakers").

Each rule has a name in ``entities.SPEAKER_RULES_OFF``; a test switches it off to show what it
changes (scripts/speakers_ab.py --round 15 switches them all off for the before run)."""

from __future__ import annotations

from newsgraph.extractors import speakers as S
from speaker_helpers import names_of
from speaker_helpers import quote_starting as _q
from speaker_helpers import speaker_of as _speaker_of

SHRUM_LIKE = (
    "''Dismissal of Hale and Ruiz. Consensus that a Moss-Novak race was all but certain. Underestimation "
    "of Hale,'' Peter Kowal, a veteran strategist, said. ''Novak remains the clear favorite, but the party "
    "has moved.''"
)


def test_paired_single_marks_are_quotation_marks(without):
    text = "''Roads were closed,'' Tom Reyes said. Nobody came."
    assert S._in_quotes(text, text.index("Roads"))
    assert not S._in_quotes(text, text.index("Tom"))
    without("quote-pairs")
    assert not S._in_quotes(text, text.index("Roads"))


def test_words_of_a_quotation_in_paired_single_marks_are_not_its_speaker(extract, without, quote_rules_off):
    q = _q(extract(SHRUM_LIKE), "Novak remains")
    assert q.speaker_mention.text == "Peter Kowal"
    assert names_of(extract(SHRUM_LIKE)).get(q.speaker) == "Peter Kowal"
    without("quote-pairs")
    quote_rules_off("near-subject21")  # (round 21: the nearer of two subjects is the name, too)
    assert _q(extract(SHRUM_LIKE), "Novak remains").speaker_mention.text == "Underestimation of Hale"


def test_the_name_after_a_quotation_when_the_cue_has_no_subject(nlp):
    text = (
        "“Novak needs a plan for reaching Hale voters,” Ada Brenner, the pollster who founded the site, "
        "tweeted on Monday."
    )
    doc = nlp(text)
    v = next(t for t in doc if t.text == "tweeted")
    found = S._name_after_quotation(doc, text, v)
    assert found is not None and found[0].name == "Ada Brenner" and found[2].text == "Ada Brenner"
    # (a title may stand before the name; not other words)
    text = "“That was a good speech, Mr. Mayor,” Representative Ada Brenner, Democrat of Ohio, told him."
    doc = nlp(text)
    v = next(t for t in doc if t.text == "told")
    found = S._name_after_quotation(doc, text, v)
    assert found is not None and found[0].name == "Ada Brenner"
    text = "“That was a good speech,” the mayor said after Ada Brenner told him."
    doc = nlp(text)
    v = next(t for t in doc if t.text == "told")
    assert S._name_after_quotation(doc, text, v) is None
    # (no quotation closes before the cue: no name)
    doc = nlp("Ada Brenner, the pollster who founded the site, tweeted on Monday that Novak needs a plan.")
    v = next(t for t in doc if t.text == "tweeted")
    assert S._name_after_quotation(doc, doc.text, v) is None


def test_a_participle_cue_without_a_subject_is_the_main_clause_subject_s(nlp):
    text = "Anna Novak seemed ready to joke about it in Leeds, telling the crowd that some people get carried away."
    doc = nlp(text)
    v = next(t for t in doc if t.text == "telling")
    found = S._subject_of_main_clause(doc, text, v)
    assert found is not None and found[0].name == "Anna Novak"
    # (a quotation between the main verb and the participle: no)
    text = 'Anna Novak said "we will win," telling the crowd to go home.'
    doc = nlp(text)
    v = next(t for t in doc if t.text == "telling")
    assert S._subject_of_main_clause(doc, text, v) is None


def test_a_name_before_a_colon_labels_the_quotation(extract, without):
    text = (
        "Support has been shifting north in the primaries - Peter Kowal: “Two weeks ago the south was the "
        "stronghold of the party. Now the north is, and the south has gone quiet.”"
    )
    assert _speaker_of(extract(text), "Two weeks ago") == "Peter Kowal"
    without("name-colon")
    assert _q(extract(text), "Two weeks ago").speaker is None


def test_a_description_opening_the_lede_is_the_person_the_next_sentence_names(extract, without):
    text = (
        "Hacker who exposed the mayor's email gets 40-month sentence.\n\n"
        "The Latvian hacker who first revealed that Anna Novak used a private email address while she was "
        "mayor was sentenced to more than three years in federal prison Thursday by a judge in Alexandria, Va.\n\n"
        'Ion Radu, 44, known online as "Spider," was extradited in 2014 to the United States and pleaded '
        "guilty in May."
    )
    assert _speaker_of(extract(text), "that Anna Novak used") == "Ion Radu"
    without("lede-description")
    assert _speaker_of(extract(text), "that Anna Novak used") is None


def test_a_party_word_with_a_state_is_the_person_last_the_subject(extract, without):
    text = (
        "Mr. Kowal declined to criticize him on Sunday. Asked about a tougher approach, the Ohio Republican "
        "would only say that the plan was worrisome."
    )
    assert _speaker_of(extract(text), "that the plan was worrisome") == "Kowal"
    without("description-subject")
    assert _speaker_of(extract(text), "that the plan was worrisome") is None


def test_a_description_before_a_comma_and_a_quotation_is_no_name_of_its_own(extract, without):
    text = (
        "On Monday, the New Haven Register argued that the city's gun rules are too weak. The Register says "
        "the council has failed the town.\n\n"
        "According to the newspaper, \u201cThe city's porous gun laws let dealers sell weapons to almost anyone "
        "who passes a quick check.\u201d"
    )
    assert _speaker_of(extract(text), "The city's porous") == "Register"
    without("quotation-follows")
    assert _speaker_of(extract(text), "The city's porous") is None


def test_an_office_speaks_for_itself_not_for_its_holder(extract):
    text = (
        "Peter Kowal's office, when contacted by reporters, said the senator could not recall the dinner. "
        "\u201cHe did write the governor a memo about his email account,\u201d Kowal's office said in a statement."
    )
    assert "office" in S._words("group")  # (speakers.tsv; scripts/speakers_ab.py takes it out for "office-word")
    q = _q(extract(text), "He did write")
    assert q.speaker is None and q.speaker_mention.text == "Kowal's office"


def test_a_source_named_by_whom_it_is_close_to_is_not_that_person(nlp):
    text = "Anna Novak will speak in Ohio on Friday. A Novak campaign source told reporters that she will win."
    doc = nlp(text)
    novak = next(e for e in doc._.entities if e.name == "Anna Novak")
    source = next(t for t in doc if t.text == "source")
    assert S._source_of(doc, source, novak)
    # (the person herself, or a source word that is no head of the phrase: no)
    assert not S._source_of(doc, next(t for t in doc if t.text == "Novak"), novak)
    doc = nlp("Anna Novak will speak in Ohio. Novak told reporters that she will win.")
    novak = next(e for e in doc._.entities if e.name == "Anna Novak")
    assert not S._source_of(doc, [t for t in doc if t.text == "Novak"][-1], novak)


def test_it_after_a_text_was_quoted_goes_on_with_that_text(extract, without):
    text = (
        "Here is one example of the problem: the Securities Board ''only requires that firms report their "
        "large branches,'' the report says. It also points out that ''the penalties for hiding branches are "
        "so light'' that firms are likely to hide them."
    )
    q = _q(extract(text), "that ''the penalties")
    assert q.speaker is None and q.speaker_mention.text == "the report"
    without("it-document")
    assert _speaker_of(extract(text), "that ''the penalties") == "Securities Board"
