"""Plain-text files: the headline on the first line is the title, a date in the file name the
publication date (readers/plain.py; docs/store.md, "Plain text files")."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.readers import read_path
from newsgraph.readers.plain import date_from_name, headline, headline_span

BODY = (
    'Sen. Ted Cruz is endorsing Donald Trump. "I will vote for the Republican nominee," Cruz wrote '
    "on Friday.\n\nThe decision is politically risky for Cruz.\n"
)


@pytest.mark.parametrize(
    "first",
    [
        "Ted Cruz endorses Trump, who says he is honored",  # no sentence end
        "Derelict Obama and Clinton; ",  # a cut headline
        "Clinton Plan for Taxes Is Expansive but Complex.",  # Title Case
        "EXCLUSIVE: Roger Stone Says Voting Machines Can Be Rigged",
        "Will Clinton Win Ohio?",
    ],
)
def test_headlines(first):
    text = f"{first}\n\n{BODY}"
    assert headline(text) == first.rstrip()
    a, b = headline_span(text)
    assert text[a:b] == first.rstrip() and a == 0


@pytest.mark.parametrize(
    "first",
    [
        # a one-sentence lead paragraph stays text
        "QVC Network Inc. said it completed its acquisition of CVN Cos. for about $423 million.",
        "President Donald Trump said Thursday that voter fraud is widespread.",
        "WASHINGTON (AP) -- The Senate voted on Tuesday",  # a dateline opens a lead
        "By Anna Novak",  # a byline
        "Volunteer drivers needed to help the Ambulance Service. Drivers are needed 6 April 2018",
        "Here is what the senator told the crowd:",
    ],
)
def test_not_headlines(first):
    assert headline(f"{first}\n\n{BODY}") is None


def test_wrapped_sentence_and_single_line_are_not_headlines():
    # a sentence hard-wrapped onto the next line
    assert headline("The minister said on Tuesday that the talks would go on\nuntil the end of the week.\n") is None
    assert headline("Ted Cruz endorses Trump") is None  # nothing after it
    assert headline("Ted Cruz endorses Trump\n\n   \n") is None


def test_leading_blank_lines_keep_offsets():
    text = "\n\n  Ted Cruz endorses Trump  \n" + BODY
    a, b = headline_span(text)
    assert text[a:b] == "Ted Cruz endorses Trump" and a == 4


def test_file_name_slug_makes_a_sentence_a_headline():
    first = "Ah, friends once more: Ted Cruz endorses Trump, who says he is honored."
    text = f"{first}\n\n{BODY}"
    assert headline(text) is None  # a sentence, sentence case: not a headline by itself
    assert headline(text, "wash-post_2016-09-26_ah-friends-once-more-ted-cruz-en.txt") == first
    # numbers dropped from names; a name cut in the middle of a word
    assert headline("Trump tells 3,000 in Reno NFL has gone soft.\n\n" + BODY, "trump-tells-in-reno-nfl-has-gone.txt")
    assert headline("In brief.\n\n" + BODY, "usa-today_2015-12-22_in-brief.txt") == "In brief."
    # a name that does not open the line is no sign
    assert headline(f"{first}\n\n{BODY}", "cruz-article-2016.txt") is None


@pytest.mark.parametrize(
    "name,date",
    [
        ("wash-post_2016-09-26_ah-friends-once-more-ted-cruz-en.txt", "2016-09-26"),
        ("story_2016_09_26.txt", "2016-09-26"),
        ("20160926-cruz.txt", "2016-09-26"),
        ("2016.09.26.html", "2016-09-26"),
        ("article-12345678.txt", None),  # not a date (year 1234)
        ("20161332.txt", None),  # month 13
        ("2016-09-26_to_2016-10-01.txt", None),  # two dates: ambiguous
        ("notes.txt", None),
        ("123456789.txt", None),  # digits around: no date
    ],
)
def test_date_from_name(name, date):
    assert date_from_name(name) == date


def test_txt_reader_title_date_and_offsets(tmp_path: Path):
    first = "Ah, friends once more: Ted Cruz endorses Trump, who says he is honored."
    f = tmp_path / "wash-post_2016-09-26_ah-friends-once-more-ted-cruz-en.txt"
    f.write_text(f"{first}\n\n{BODY}", encoding="utf-8")
    (art,) = list(read_path(f))
    assert art.title == first
    assert art.text == f"{first}\n\n{BODY}"  # the text is whole: offsets count from the headline
    assert art.published == "2016-09-26"
    assert any("read from the file name" in r for r in art.repairs)
    assert any(r.startswith("title:") for r in art.repairs)
    # a date given explicitly wins
    assert art.source == "wash-post"  # the outlet the name opens with, said in the repairs
    assert "source: wash-post, read from the file name (no outlet given)" in art.repairs
    (art,) = list(read_path(f, published="2016-09-27", source="The Washington Post"))
    assert art.published == "2016-09-27" and art.source == "The Washington Post"
    assert not any("file name" in r for r in art.repairs)


def test_outlet_from_a_file_name():
    from newsgraph.readers.plain import source_from_name

    assert source_from_name("wash-post_2016-09-26_ah-friends.txt") == "wash-post"
    assert source_from_name("Reuters 20240305 talks.html") == "Reuters"
    assert source_from_name("nyt_2016-13-45_x.txt") is None  # no date: no outlet either
    assert source_from_name("2016-09-26_wash-post.txt") is None  # the name opens with its date
    assert source_from_name("report-on-the-talks.txt") is None
    assert source_from_name("draft_v2_2016-09-26.txt") is None  # a word, then no date


def test_txt_reader_without_headline_or_date(tmp_path: Path):
    f = tmp_path / "lead.txt"
    f.write_text("Anna Novak said on Tuesday that the talks would go on.\n\nShe left.\n", encoding="utf-8")
    (art,) = list(read_path(f))
    assert art.title is None and art.published is None and art.repairs == []


def test_headline_of_a_txt_file_is_no_quote_and_times_resolve_on_the_name_date(nlp, tmp_path: Path):
    from newsgraph.pipeline import process

    f = tmp_path / "ap_2016-09-26_the-latest-cruz-says-he-will-vote-trump.txt"
    text = (
        "The Latest: Cruz says he will vote for Trump\n\n"
        'Sen. Ted Cruz said on Friday that he will vote for Donald Trump. "I gave my word," Cruz '
        "told reporters yesterday.\n"
    )
    f.write_text(text, encoding="utf-8")
    (rec,) = list(process(read_path(f), nlp))
    assert rec.title == "The Latest: Cruz says he will vote for Trump"
    assert rec.text == text and rec.published == "2016-09-26"
    head_end = text.index("\n")
    assert rec.quotes and all(q.start > head_end for q in rec.quotes)
    for q in rec.quotes:
        assert text[q.start : q.end] == q.text
    assert "I gave my word," in [q.text for q in rec.quotes]
    assert {t.text: t.value for t in rec.times}.get("yesterday") == "2016-09-25"
