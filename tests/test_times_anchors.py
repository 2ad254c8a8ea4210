"""Issue 12 (times): granularity and resolution, ranges, sets, weekday and week/month anchors,
reported speech read from the day it was said, and statement dates inferred from the paragraph.
All texts are written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.extractors.times import granularity

PUB = "2024-03-06"  # a Wednesday


def times(doc):
    return {t.text: t for t in doc._.times}


# ---------------------------------------------------------------- granularity and resolution


@pytest.mark.parametrize(
    "value,gran",
    [
        ("2024-03-05", "day"),
        ("2024-03-05T22:00", "time"),
        ("2024-03-05TNI", "time"),
        ("2024-W09", "week"),
        ("2024-W09-WE", "weekend"),
        ("2024-03", "month"),
        ("2024-Q3", "quarter"),
        ("2024-H1", "half"),
        ("2024-SU", "season"),
        ("2024", "year"),
        ("199", "decade"),
        ("19", "century"),
        ("P3D", "day"),
        ("PT4H", "hour"),
        ("P18M", "month"),
        ("PXY", "year"),
        ("XXXX-WXX-2", "day"),
        ("XXXX-07", "month"),
        ("PRESENT_REF", None),
        (None, None),
    ],
)
def test_granularity_of_values(value, gran):
    assert granularity(value) == gran


def test_every_expression_carries_granularity_and_resolution(run_at):
    ts = times(run_at("Prices rose last week, about two years ago and recently. The deal expires in three days."))
    assert (ts["last week"].granularity, ts["last week"].resolution) == ("week", "exact")
    assert (ts["about two years ago"].value, ts["about two years ago"].resolution) == ("2022", "approximate")
    assert (ts["recently"].granularity, ts["recently"].resolution) == (None, "approximate")
    ts = times(run_at("Prices rose last week.", published=None))
    assert (ts["last week"].value, ts["last week"].resolution) == (None, "unresolved")


def test_n_weeks_ago_is_an_approximate_day(run_at):
    t = times(run_at("The rebels took the town two weeks ago."))["two weeks ago"]
    assert (t.value, t.granularity, t.resolution) == ("2024-02-21", "day", "approximate")


# ---------------------------------------------------------------- ranges


def test_date_range_ends_share_the_range(run_at):
    ts = times(run_at("The fair ran from Monday to Wednesday. Sales rose between 1985 and 1987."))
    assert ts["Monday"].range == ts["Wednesday"].range == ["2024-03-04", "2024-03-06"]
    assert ts["Monday"].resolution == "range"
    assert ts["1985"].range == ["1985", "1987"]


def test_day_range_gives_the_second_day_its_own_expression(run_at):
    ts = times(run_at("The summit was held on March 3-5, 2023, in Geneva."))
    assert ts["March 3"].value == "2023-03-03"  # the year after the range applies to both ends
    end = next(t for t in ts.values() if t.rule == "date:range-end")
    assert end.value == "2023-03-05" and end.range == ["2023-03-03", "2023-03-05"]
    assert "2023" not in ts  # inside the second end


def test_two_days_that_are_not_a_range(run_at):
    ts = times(run_at("Statements were made Friday and Thursday by the lawyers."))
    assert ts["Friday"].range is None and ts["Thursday"].range is None


def test_duration_range(run_at):
    t = times(run_at("The repairs will take 12 to 18 months."))["12 to 18 months"]
    assert (t.type, t.value, t.range, t.resolution) == ("DURATION", "PXM", ["P12M", "P18M"], "range")


# ---------------------------------------------------------------- sets


def test_sets(run_at):
    ts = times(
        run_at(
            "The festival is held each July, the market opens every morning and Tuesdays, and the "
            "licence costs $5 million per year."
        )
    )
    assert (ts["each July"].type, ts["each July"].value) == ("SET", "XXXX-07")
    assert ts["every morning"].value == "XXXX-XX-XXTMO"
    assert ts["Tuesdays"].value == "XXXX-WXX-2"
    assert ts["per year"].value == "P1Y"


# ---------------------------------------------------------------- weekday anchors


@pytest.mark.parametrize(
    "text,published,expr,want",
    [
        ("The talks, scheduled for Tuesday, were postponed.", "2024-03-09", "Tuesday", "2024-03-12"),
        ("The talks are scheduled for Tuesday.", "2024-03-09", "Tuesday", "2024-03-12"),
        ("Campaigning ended ahead of Sunday's vote.", "2024-03-08", "Sunday", "2024-03-10"),
        ("The report is due on Friday.", "2024-03-06", "Friday", "2024-03-08"),
        ("The vote is Tuesday.", "2024-03-09", "Tuesday", "2024-03-12"),
        ("Officials expect a decision by Friday.", "2024-03-06", "Friday", "2024-03-08"),
        ("The summit ends this Friday.", "2024-03-06", "this Friday", "2024-03-08"),
        ("He died on Tuesday.", "2024-03-09", "Tuesday", "2024-03-05"),
        ("The minister visited Kyiv last Thursday.", "2024-03-06", "last Thursday", "2024-02-29"),
    ],
)
def test_weekday_anchors(run_at, text, published, expr, want):
    assert times(run_at(text, published))[expr].value == want


# ---------------------------------------------------------------- last week / month


@pytest.mark.parametrize(
    "text,expr,want",
    [
        ("Prices rose earlier in the week.", "earlier in the week", "2024-W10"),
        ("Talks will continue later in the month.", "later in the month", "2024-03"),
        ("The law took effect at the end of last month.", "the end of last month", "2024-02"),
        ("The plan starts at the beginning of next week.", "the beginning of next week", "2024-W11"),
        ("He was released the week before last.", "the week before last", "2024-W08"),
        ("Turnout was low in last week's vote.", "last week", "2024-W09"),
    ],
)
def test_week_and_month_anchors(run_at, text, expr, want):
    assert times(run_at(text))[expr].value == want


def test_the_week_alone_is_not_this_week(run_at):
    assert "the week" not in times(run_at("Sales rose in the week after the vote."))


# ---------------------------------------------------------------- other rules


def test_in_n_years_with_a_future_verb_is_a_date(run_at):
    ts = times(run_at("The bonds would be redeemed in five years."))
    assert (ts["five years"].type, ts["five years"].value) == ("DATE", "2029")
    ts = times(run_at("He had not voted in five years."))
    assert (ts["five years"].type, ts["five years"].value) == ("DURATION", "P5Y")


def test_one_day_with_a_modal_is_some_day(run_at):
    assert times(run_at("She could one day become president."))["one day"].value == "FUTURE_REF"
    assert times(run_at("The strike lasted one day."))["one day"].value == "P1D"


def test_n_days_later_is_the_duration_with_later_as_signal(run_at):
    t = times(run_at("The minister resigned on Monday. Three days later, parliament was dissolved."))
    assert t["Three days"].value == "P3D"


def test_month_with_spoken_year(run_at):
    assert (
        times(run_at("The clinic was bombed in January nineteen ninety-seven."))["January nineteen ninety-seven"].value
        == "1997-01"
    )


def test_year_earlier_after_a_period_of_months_is_a_year(run_at):
    ts = times(
        run_at(
            "In the third quarter, net rose to $5 million from $4 million a year earlier. In the nine "
            "months, net rose to $12 million from $10 million a year earlier.",
            published="1989-10-26",
        )
    )
    vals = [
        t.value
        for t in run_at(
            "In the third quarter, net rose to $5 million from $4 million a year earlier. "
            "In the nine months, net rose to $12 million from $10 million a year earlier.",
            published="1989-10-26",
        )._.times
        if t.text == "a year earlier"
    ]
    assert vals == ["1988-Q3", "1988"]
    assert ts["the nine months"].value == "P9M"


def test_since_reads_the_date_as_past(run_at):
    assert (
        times(run_at("It was the first inspection since Jan. 13.", published="1998-03-06"))["Jan. 13"].value
        == "1998-01-13"
    )


# ---------------------------------------------------------------- reported speech


def test_direct_quote_read_from_the_day_it_was_said(run_at):
    doc = run_at('"We signed the deal yesterday," Kowal said on Monday.')
    ts = times(doc)
    assert ts["yesterday"].value == "2024-03-03"  # the day before that Monday, not before publication
    assert ts["yesterday"].anchor == ts["Monday"].id


def test_indirect_speech_weekday_from_the_day_it_was_said(run_at):
    doc = run_at("Kowal said on Monday that the talks would resume on Friday.", published="2024-03-09")
    ts = times(doc)
    assert ts["Friday"].value == "2024-03-08"  # the Friday after that Monday, not the one after Saturday
    assert ts["Friday"].anchor == ts["Monday"].id


def test_indirect_speech_deictic_words_stay_with_the_writer(run_at):
    ts = times(run_at("Kowal said on Monday that the talks would resume tomorrow."))
    assert ts["tomorrow"].value == "2024-03-07" and ts["tomorrow"].anchor is None


def test_quote_next_week_from_the_day_it_was_said(run_at):
    ts = times(
        run_at('"We will meet again next week," the minister told reporters last Friday.', published="2024-03-12")
    )
    assert ts["next week"].value == "2024-W11"


def test_speech_on_the_publication_day_changes_nothing(run_at):
    ts = times(run_at('"We signed the deal yesterday," Kowal said on Wednesday.'))
    assert ts["yesterday"].value == "2024-03-05" and ts["yesterday"].anchor is None


# ---------------------------------------------------------------- when statements were made


def quotes_by_text(doc):
    return {q.text.strip(' ,."'): q for q in doc._.quotes}


def test_statement_date_from_its_own_clause_is_not_inferred(run_at):
    q = run_at("Kowal told reporters late Tuesday that the convoy was ready.")._.quotes[0]
    assert (q.date, q.date_inferred) == ("2024-03-05", None)
    assert q.date_time is not None


def test_statement_date_from_the_paragraph(run_at):
    doc = run_at(
        "German Chancellor Olaf Berger spoke by phone on Tuesday with President Mykola Hrytsenko. "
        "Berger said Germany was ready to host talks."
    )
    q = doc._.quotes[-1]
    assert (q.date, q.date_inferred) == ("2024-03-05", "paragraph")
    assert q.date_time == times(doc)["Tuesday"].id


def test_paragraph_inference_stops_at_the_paragraph(run_at):
    doc = run_at(
        "Olaf Berger spoke by phone on Tuesday with President Mykola Hrytsenko.\n\n"
        "The Ukrainian defence ministry said the shelling had stopped."
    )
    assert doc._.quotes[-1].date is None


def test_time_in_reported_content_does_not_date_the_next_statement(run_at):
    doc = run_at("The ministry said shelling continued overnight. The ministry added that two civilians were killed.")
    assert doc._.quotes[-1].date is None


def test_old_or_future_dates_are_not_inferred(run_at):
    doc = run_at("The treaty was signed on Jan. 5, 2019. Novak said it had failed.")
    assert doc._.quotes[-1].date is None
    doc = run_at("The vote is set for Friday. Novak said she would win.")
    assert doc._.quotes[-1].date is None


def test_statement_date_from_the_same_speaker_in_the_previous_paragraph(run_at):
    doc = run_at(
        "Anna Novak, the opposition leader, said on Sunday that she would fight corruption.\n\n"
        "\u201cWe have waited long enough,\u201d Novak told supporters at a rally.\n\n"
        "Petr Dvorak said the plan was reckless.",
        published="2024-11-04",
    )
    qs = doc._.quotes
    rally = next(q for q in qs if "waited" in q.text)
    assert (rally.date, rally.date_inferred) == ("2024-11-03", "speaker")
    dvorak = next(q for q in qs if "reckless" in q.text)
    assert dvorak.date is None


def test_quote_with_an_inferred_date_reads_its_times_from_that_day(run_at):
    doc = run_at(
        "Anna Novak, the opposition leader, said on Sunday that she would fight corruption.\n\n"
        "\u201cThe people want change,\u201d Novak told supporters. \u201cTomorrow the country decides.\u201d",
        published="2024-11-04",
    )
    t = times(doc)["Tomorrow"]
    assert t.value == "2024-11-04"  # the day after that Sunday
    assert t.anchor == times(doc)["Sunday"].id


def test_actions_of_the_speaker_date_the_next_paragraph(run_at):
    doc = run_at(
        "Turkish President Selim Aydin met French President Claire Dubois in Ankara on Monday.\n\n"
        "Aydin said after the meeting that the two countries had signed an agreement.",
        published="2024-05-13",
    )
    q = doc._.quotes[-1]
    assert (q.date, q.date_inferred) == ("2024-05-13", "speaker")


def test_a_dateline_does_not_date_a_clause(run_at):
    from newsgraph.extractors.times import date_for_span

    doc = run_at("ANKARA, May 13 (Example Wire) - Turkey agreed to reopen its border crossing.", published="2024-05-13")
    i = doc.text.index("agreed")
    assert date_for_span(doc, i, i + 6) is None


def test_a_change_of_date_is_not_a_range(run_at):
    ts = times(run_at("The election commission postponed the vote from Tuesday to Thursday.", published="2024-03-09"))
    assert ts["Tuesday"].range is None and ts["Thursday"].range is None


def test_n_days_later_dates_its_clause(run_at):
    from newsgraph.extractors.times import date_for_span

    doc = run_at("The minister resigned on Monday. Three days later, parliament was dissolved.")
    i = doc.text.index("dissolved")
    assert date_for_span(doc, i, i + 9) == "2024-03-07"


def test_speaker_inference_keeps_the_granularity_of_the_earlier_statement(run_at):
    doc = run_at(
        "The statistics office reported last month that unemployment fell.\n\nThe statistics office said wages rose."
    )
    qs = doc._.quotes
    assert qs[0].date == "2024-02"
    assert (qs[-1].date, qs[-1].date_inferred) == ("2024-02", "speaker")


def test_a_rate_is_a_set(run_at):
    ts = times(
        run_at("The deal costs $2 million a year, and the board meets three times a week. He was jailed for a year.")
    )
    assert [
        (t.text, t.type, t.value)
        for t in run_at(
            "The deal costs $2 million a year, and the board meets three times a week. He was jailed for a year."
        )._.times
    ] == [("a year", "SET", "P1Y"), ("a week", "SET", "P1W"), ("a year", "DURATION", "P1Y")]
    assert ts["a week"].granularity == "week"
