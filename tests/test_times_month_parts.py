"""A week of a month, a day of the month alone, and "March" opening a sentence (issue 12,
fourth round): texts written for the project, with the values a reader gives."""

from __future__ import annotations

PUB = "2024-03-06"  # a Wednesday


def test_ordinal_week_of_a_month_is_the_iso_week_of_its_middle_day(times_of):
    # days 15-21 of March 2024: their middle, March 18, is in ISO week 12
    t = times_of("The conference will be held in the third week of March.")["the third week of March"]
    assert (t.type, t.value, t.granularity, t.rule) == ("DATE", "2024-W12", "week", "date:week-of-month")
    assert times_of("Sales rose in the first week of February.")["the first week of February"].value == "2024-W05"
    # the last seven days of January 2024 (25-31): Jan. 28 is in week 4
    assert times_of("Prices fell during the last week of January.")["the last week of January"].value == "2024-W04"
    # a month ahead read forward, a year given read as given
    assert times_of("Talks will resume in the second week of April.")["the second week of April"].value == "2024-W15"
    assert times_of("It happened in the first week of May 2019.")["the first week of May 2019"].value == "2019-W18"


def test_the_week_of_a_day_is_its_iso_week(times_of):
    t = times_of("The week of March 11 will be busy.")["The week of March 11"]
    assert (t.value, t.granularity) == ("2024-W11", "week")


def test_a_last_week_of_a_month_is_no_duration(times_of):
    ts = times_of("Prices fell during the last week of January.")
    assert "the last week" not in ts and "January" not in ts


def test_day_of_the_month_named_before(times_of):
    ts = times_of("Talks resumed on March 3 and ended on the 5th.")
    assert ts["the 5th"].value == "2024-03-05"
    assert ts["the 5th"].anchor == ts["March 3"].id
    ts = times_of("The offer, made on Jan. 28, expired on the 2nd.")
    assert ts["the 2nd"].value == "2024-01-02"


def test_day_of_the_month_alone_reads_from_publication(times_of):
    # past verb: the last such day; future verb: the next one
    assert times_of("The vote took place on the 2nd, officials said.")["the 2nd"].value == "2024-03-02"
    assert times_of("The vote took place on the 20th, officials said.")["the 20th"].value == "2024-02-20"
    assert times_of("The Fed will decide by the 20th.")["the 20th"].value == "2024-03-20"
    assert times_of("The Fed will decide by the 2nd.")["the 2nd"].value == "2024-04-02"


def test_ordinals_that_are_no_days(times_of):
    assert "the 5th" not in times_of("He lives on the 5th floor.")
    ts = times_of("He was born in the 12th century.")
    assert "the 12th" not in ts and ts["the 12th century"].value == "11"
    assert times_of("She finished in the 3rd round.") == {}


def test_march_opening_a_sentence_is_the_month(times_of):
    assert times_of("March was the wettest month on record.")["March"].value == "2024-03"
    assert times_of("March saw a surge in sales.")["March"].value == "2024-03"
    assert times_of("March's figures were weak.")["March"].value == "2024-03"
    assert times_of("The board cancelled it. The March meeting was short.")["March"].value == "2024-03"


def test_march_the_event_is_no_month(times_of):
    assert times_of("He joined the March on Washington.") == {}
    assert times_of("March organisers said 5,000 people came.") == {}
    assert times_of("He took part in the March for Our Lives.") == {}
    assert times_of("Protesters march on the capital.") == {}


def test_a_date_naming_a_thing_takes_the_tense_of_its_clause(times_of):
    ts = times_of("His commitments included a May 11 speech to a charity.", "2015-12-15")
    assert ts["May 11"].value == "2015-05-11"
    # the news present gives no tense to a thing: the nearest Feb. 1
    ts = times_of("A Feb. 1 letter from the Legion says the emblem may not be used.", "2016-02-08")
    assert ts["Feb. 1"].value == "2016-02-01"
    ts = times_of("His commitments included a May 11 speech to a charity.", "2015-12-15")
    assert ts["May 11"].value == "2015-05-11"
    ts = times_of("The party will hold a June 2 vote on the plan.", "2015-12-15")
    assert ts["June 2"].value == "2016-06-02"
    # a thing inside a prepositional phrase takes no tense from the verb: the nearest March
    ts = times_of("The union is unlikely to back her after her March comment on coal jobs.", "2016-06-10")
    assert ts["March"].value == "2016-03"
    # a date a verb of scheduling gives keeps no tense: the nearest such day
    ts = times_of("The board has set a Nov. 10 deadline for bids.", "2015-12-15")
    assert ts["Nov. 10"].value == "2015-11-10"


def test_month_of_that_year(times_of):
    text = (
        "Bill Clinton came out of a tough contest in 1992. He turned his image around between the "
        "end of the primaries in early June of that year and his convention later in the summer."
    )
    ts = times_of(text, "2016-04-20")
    assert ts["early June of that year"].value == "1992-06"
    assert ts["early June of that year"].anchor == ts["1992"].id


def test_month_day_with_a_relative_year(times_of):
    ts = times_of("He would take office on January 20 next year.", "2016-05-16")
    assert ts["January 20 next year"].value == "2017-01-20"
    ts = times_of("The law took effect on March 23 of this year.", "2016-05-14")
    assert ts["March 23 of this year"].value == "2016-03-23"


def test_nth_weekday_of_a_month(times_of):
    ts = times_of("The caucuses are held on the first Monday of February.", "2016-01-20")
    assert ts["the first Monday of February"].value == "2016-02-01"
    ts = times_of("Thanksgiving falls on the fourth Thursday in November 2016.", "2016-01-20")
    assert ts["the fourth Thursday in November 2016"].value == "2016-11-24"


def test_clock_time_takes_the_day_named_after_it(times_of):
    ts = times_of("When the doors swung open at 6:30 a.m. on March 19, 2002, she faced the crowd.", "2016-01-20")
    assert ts["6:30 a.m."].value == "2002-03-19T06:30"
    assert ts["6:30 a.m."].anchor == ts["March 19, 2002"].id
    # and a narrative year carries over the clock time to the day after it
    text = "In June 2001, workers took a pay cut. At 2 p.m. on the last Friday in August, the board met."
    ts = times_of(text, "2016-01-20")
    assert ts["the last Friday in August"].value == "2001-08-31"
    assert ts["2 p.m."].value == "2001-08-31T14:00"
    assert times_of("The vote closes at 5 p.m. today.")["5 p.m. today"].value == "2024-03-06T17:00"


def test_a_hypothesis_ahead_is_future(times_of):
    ts = times_of("Ties would be fine if he won the presidential election on Nov. 8.", "2016-05-16")
    assert ts["Nov. 8"].value == "2016-11-08"
    ts = times_of("He won the election on Nov. 8.", "2016-05-16")
    assert ts["Nov. 8"].value == "2015-11-08"
    # a counterfactual past stays past
    ts = times_of("If he won the vote on Tuesday, he would have said so.", "2016-05-16")
    assert ts["Tuesday"].value == "2016-05-10"
