"""General resolution rules of newsgraph_times (issue 12, second round): each on a text written
for the project, with the value a news reader (and TimeML's guidelines) gives it."""

from __future__ import annotations

PUB = "2024-10-29"  # a Tuesday, four weeks into the fourth quarter


def test_years_and_decades_inside_hyphenated_words(times_of):
    ts = times_of("Prices have not been this low since mid-2019, and never since the mid-1990s.")
    assert ts["mid-2019"].value == "2019"
    assert ts["the mid-1990s"].value == "199"


def test_the_following_week_is_a_week(times_of):
    ts = times_of("The ceasefire was signed on Jan. 5, 2023. The following week, fighting resumed.")
    assert ts["The following week"].value == "2023-W02"
    assert ts["The following week"].granularity == "week"


def test_that_week_and_earlier_that_month(times_of):
    ts = times_of(
        "The port reopened on March 8, 2022. That week, grain prices fell. "
        "Earlier that month, the navy had cleared the mines."
    )
    assert ts["That week"].value == "2022-W10"
    assert ts["Earlier that month"].value == "2022-03"


def test_midnight_or_noon_of_a_named_day(times_of):
    ts = times_of("The tender offer expires at midnight Nov. 8. Bids are due by noon on Nov. 4.")
    assert ts["midnight Nov. 8"].value == "2024-11-08T24:00"
    assert ts["noon on Nov. 4"].value == "2024-11-04T12:00"


def test_future_seen_from_the_past_is_not_read_from_today(times_of):
    # published on a Tuesday: the Friday the offer was to expire on, before it was extended
    ts = times_of("The offer, since extended, previously had been scheduled to expire on Friday.")
    assert ts["Friday"].value == "2024-10-25"
    ts = times_of("The offer is scheduled to expire on Friday.")
    assert ts["Friday"].value == "2024-11-01"


def test_quarter_named_by_the_month_it_ends(times_of):
    ts = times_of("Net income for the September quarter rose 10%, and the 2023 June quarter was weak.")
    assert ts["the September quarter"].value == "2024-Q3"
    assert ts["the 2023 June quarter"].value == "2023-Q2"


def test_quarter_ended_a_day_is_the_calendar_quarter_of_those_months(times_of):
    ts = times_of("In the quarter ended July 31, the retailer sold 4 million units.")
    assert ts["the quarter"].value == "2024-Q2"  # May to July: mostly the second quarter
    ts = times_of("Revenue for the quarter ended Sept. 30 rose 3%.")
    assert ts["the quarter"].value == "2024-Q3"


def test_for_the_year_is_the_year_reported_on(times_of, nlp):
    ts = times_of("For the year, sales of pet food were flat.")
    assert ts["the year"].value == "2024" and ts["the year"].type == "DATE"
    doc = nlp.make_doc("For the year ended June 30, 2023, the group earned $4 million. For the year, margins fell.")
    doc._.published = PUB
    assert [(t.text, t.value) for t in nlp(doc)._.times] == [
        ("the year", "P1Y"),
        ("June 30, 2023", "2023-06-30"),
        ("the year", "2023"),
    ]
    # annual results published in January are last year's
    ts = times_of("For the year, the airline carried 30 million passengers.", published="2024-01-24")
    assert ts["the year"].value == "2023"
    # a year-long period ended on a day stays a duration
    ts = times_of("In the year ended March 31, the unit lost money.")
    assert ts["the year"].value == "P1Y"


def test_recent_years_and_over_the_years_are_durations(times_of):
    ts = times_of("In recent years the river has flooded often; over the years, farmers moved away.")
    assert ts["recent years"].value == "PXY" and ts["recent years"].type == "DURATION"
    assert ts["the years"].value == "PXY"


def test_vague_durations_and_later_dates(times_of):
    ts = times_of(
        "Troops could stay in the region for some time. Power will be out for a while. "
        "The board will decide at a later date."
    )
    assert ts["some time"].value == "PXX" and ts["some time"].resolution == "approximate"
    assert ts["a while"].value == "PXX"
    assert ts["a later date"].value == "FUTURE_REF"
    ts = times_of("Some time ago, the firm moved to Denver.")
    assert ts["Some time ago"].value == "PAST_REF"


def test_until_then_takes_the_time_named_before(times_of):
    ts = times_of("The merger closes on Dec. 2. Until then, the shares trade separately.")
    assert ts["then"].value == "2024-12-02"
    ts = times_of("Until then, nothing happens.")
    assert "then" not in ts


def test_plural_seasons_counted_are_a_set(times_of):
    ts = times_of("Wildfires have burned the valley for the past three summers.")
    assert ts["the past three summers"].value == "XXXX-SU"
    assert ts["the past three summers"].type == "SET"
    assert "the past" not in ts


def test_for_the_week_in_a_market_report(times_of):
    ts = times_of("For the week, the index fell 2.1%.", published="2024-11-01")
    assert ts["the week"].value == "2024-W44"


def test_centuries_and_decades_without_a_number(times_of):
    ts = times_of("The city was ruled from abroad for centuries, and for decades after that.")
    assert ts["centuries"].value == "PXCE"
    assert ts["decades"].value == "PXDE"


def test_weekday_with_month_day_picks_the_year_where_it_fits(times_of):
    ts = times_of("The last poll started on Friday, January 26.", published="2024-02-07")
    assert ts["Friday, January 26"].value == "2024-01-26"
    ts = times_of("The hearing is on Monday, Jan. 6.", published="2024-12-20")
    assert ts["Monday, Jan. 6"].value == "2025-01-06"


def test_past_implicative_infinitive_is_past(times_of):
    # published Wednesday 2024-10-30
    ts = times_of("The polls failed to predict the governor's win on Tuesday night.", published="2024-10-30")
    assert ts["Tuesday night"].value == "2024-10-29TNI"
    ts = times_of("The scandal forced the chairwoman to resign from her post Sunday.", published="2024-10-30")
    assert ts["Sunday"].value == "2024-10-27"
    ts = times_of("The minister will try to meet his counterpart on Friday.", published="2024-10-30")
    assert ts["Friday"].value == "2024-11-01"
    ts = times_of("The firm agreed to buy the plant in December.", published="2024-10-30")
    assert ts["December"].value == "2024-12"


def test_named_days_are_not_weekdays(times_of):
    ts = times_of("Shoppers crowded the malls on Black Friday. The Sunday Times said on Sunday that sales fell.")
    assert [t.value for k, t in ts.items() if k == "Sunday"] == ["2024-10-27"]
    assert "Friday" not in ts


def test_ordinal_second_and_titles_are_not_times(times_of):
    ts = times_of('She took a second-place finish. He appeared on "CBS This Morning" on Monday.')
    assert "a second" not in ts and "This Morning" not in ts
    assert ts["Monday"].value == "2024-10-28"


def test_that_evening_is_the_evening_of_the_day_named_before(times_of):
    ts = times_of("Police clashed with protesters on Sunday. That evening, the curfew was lifted.")
    assert ts["That evening"].value == "2024-10-27TEV"


def test_a_later_date_than_is_a_comparison(times_of):
    ts = times_of("The two firms started polling at a later date than anyone else.")
    assert "a later date" not in ts


def test_numbers_with_thousands_separators(times_of):
    ts = times_of("The pilot had logged nearly 6,300 hours of flying time.")
    assert ts["nearly 6,300 hours"].value == "PT6300H"
    assert "300 hours" not in ts


def test_quarter_and_half_centuries(times_of):
    ts = times_of("The show went off the air a quarter-century ago; the feud lasted a half-century.")
    assert ts["a quarter-century ago"].value == "1999"
    assert ts["a half-century"].value == "P50Y"


def test_a_year_when_is_not_a_length_of_time(times_of):
    ts = times_of("In a year when voters distrust government, the subsidy will survive.")
    assert not any(k.endswith("a year") for k in ts)


def test_seasons_seen_from_december(times_of):
    ts = times_of(
        "A general suggested over the summer that camps be built. The bill will pass next fall.", published="2023-12-10"
    )
    assert ts["the summer"].value == "2023-SU"
    assert ts["next fall"].value == "2024-FA"


def test_the_evening_is_of_the_day_named_before(times_of):
    ts = times_of(
        "The hearing opened on Oct. 22. By the evening, the witness had left. In the evening session, nobody spoke."
    )
    assert ts["the evening"].value == "2024-10-22TEV"
    assert len([k for k in ts if k == "the evening"]) == 1


def test_a_year_ago_is_the_year_earlier_quarter_only_when_figures_are_compared(nlp):
    doc = nlp.make_doc(
        "Acme's third-quarter profit rose 9% to $80 million from $73 million a year ago. "
        "Acme moved to Denver three years ago. Nobody imagined a year ago that Acme would lead."
    )
    doc._.published = PUB
    ts = [(t.text, t.value) for t in nlp(doc)._.times]
    assert ts == [
        ("third-quarter", "2024-Q3"),
        ("a year ago", "2023-Q3"),
        ("three years ago", "2021"),
        ("a year ago", "2023"),
    ]


def test_a_date_set_as_a_deadline_takes_no_tense(times_of):
    ts = times_of("The seller has set Nov. 10 as the deadline for competing bids.", published="2024-11-02")
    assert ts["Nov. 10"].value == "2024-11-10"


def test_narrative_year_for_days_and_months_without_one(times_of):
    # published in 2024: the story is told in 2015
    ts = times_of(
        "On March 2, 2015, the paper revealed the account, and the following day the committee "
        "asked for documents. On March 25, the contractor deleted the archive."
    )
    assert ts["March 25"].value == "2015-03-25"
    ts = times_of("In December 2014, the aide asked to delete the emails. In March, the paper revealed it.")
    assert ts["March"].value == "2015-03"
    # a date naming a thing is not the time of the story; a future verb reads from today
    ts = times_of("He rejected the treaty of the August 2019 ceasefire. Rebels attacked on Aug. 2.")
    assert ts["Aug. 2"].value == "2024-08-02"
    ts = times_of("The company was founded on May 3, 1990. On June 1, it will launch a new product.")
    assert ts["June 1"].value == "2025-06-01"


def test_clock_ranges_and_the_day_just_named(nlp):
    doc = nlp.make_doc(
        "She will speak Saturday morning between 10-11 a.m. The blast came on Friday, shortly "
        "after 9 p.m. Polls close at 8 p.m."
    )
    doc._.published = "2024-11-01"  # a Friday
    ts = [(t.text, t.value, t.range) for t in nlp(doc)._.times]
    assert ("10", "2024-11-02T10:00", ["2024-11-02T10:00", "2024-11-02T11:00"]) in ts
    assert ("11 a.m.", "2024-11-02T11:00", ["2024-11-02T10:00", "2024-11-02T11:00"]) in ts
    assert ("9 p.m.", "2024-11-01T21:00", None) in ts
    assert ("8 p.m.", "2024-11-01T20:00", None) in ts
    doc = nlp.make_doc("Polls are open from 7 to 8 p.m. on Tuesday.")
    doc._.published = "2024-11-01"
    ts = [(t.text, t.value) for t in nlp(doc)._.times]
    assert ("7", "2024-10-29T19:00") in ts


def test_weekday_naming_a_thing_is_the_nearest_unless_the_clause_is_past(times_of):
    # published Monday 2024-10-28
    ts = times_of("The senator holds a solid lead in Tuesday's primary.", published="2024-10-28")
    assert ts["Tuesday"].value == "2024-10-29"
    ts = times_of("Traders watched Friday's close.", published="2024-10-28")
    assert ts["Friday"].value == "2024-10-25"
    ts = times_of("The Thursday deadline passed without a deal.", published="2024-10-28")
    assert ts["Thursday"].value == "2024-10-24"


def test_coordinated_weekdays_from_today_go_forward(times_of):
    ts = times_of("The ruling could come as soon as Tuesday or Wednesday.", published="2024-10-29")
    assert ts["Tuesday"].value == "2024-10-29" and ts["Wednesday"].value == "2024-10-30"
    # statements made on two past days, listed latest first, stay in the past
    ts = times_of("Following are statements made Tuesday and Monday by the lawyer.", published="2024-10-29")
    assert ts["Monday"].value == "2024-10-28"


def test_that_month_takes_the_year_named_before(times_of):
    ts = times_of("He lost the 1972 primary and then lost the general election that November.")
    assert ts["that November"].value == "1972-11"


def test_curly_apostrophes_mark_the_future(times_of):
    ts = times_of("Voters say, \u2018I like her, I\u2019ll vote for her in November.\u2019", published="2024-01-28")
    assert ts["November"].value == "2024-11"


def test_a_past_schedule_is_not_read_forward_from_today(times_of):
    # published Wednesday: the Tuesday he was to leave is the one just past
    ts = times_of("He was scheduled to leave the state late Tuesday.", published="2024-10-30")
    assert ts["late Tuesday"].value == "2024-10-29"


def test_in_some_quarters_is_not_a_period(times_of):
    ts = times_of("The backlash has been fierce in some quarters. Profits fell for several quarters.")
    assert "some quarters" not in ts
    assert ts["several quarters"].value == "PXQ"


def test_a_month_takes_the_year_its_sentence_names(times_of):
    # a month with no year after a year named earlier in its sentence is that year's month,
    # not the last such month before publication
    ts = times_of(
        "Mrs. Clinton remained in the 2008 primary contest against Barack Obama until June.", published="2016-04-28"
    )
    assert ts["June"].value == "2008-06"
    ts = times_of("Back in 1998, the bill passed in March and was signed in April.", published="2016-04-28")
    assert ts["March"].value == "1998-03" and ts["April"].value == "1998-04"
    # a year that ends a range dates nothing after it; a year in another sentence neither
    ts = times_of(
        "The donations from the years 2010 to 2013 were not reported until Reuters asked in April.",
        published="2016-01-12",
    )
    assert ts["April"].value == "2015-04"
    ts = times_of("The plant opened in 2012. Workers struck in June.", published="2016-04-28")
    assert ts["June"].value == "2015-06"
