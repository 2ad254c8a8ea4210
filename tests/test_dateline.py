"""The one dateline reader (newsgraph.dateline) on datelines written for the project."""

import pytest

from newsgraph.dateline import dateline_at, datelines


def parts(text):
    d = dateline_at(text)
    if d is None:
        return None
    cut = lambda s: text[s[0] : s[1]] if s else None  # noqa: E731
    return cut(d.place), cut(d.qualifier), cut(d.date), cut(d.agency), d.dash


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BEIRUT (AP) - The army said", ("BEIRUT", None, None, "AP", "-")),
        ("CAMP MURRAY, Wash. - A fire broke out", ("CAMP MURRAY", "Wash.", None, None, "-")),
        ("ANKARA, May 13 (Example Wire) - Turkey said", ("ANKARA", None, "May 13", "Example Wire", "-")),
        ("KYIV, Ukraine -- Russian forces", ("KYIV", "Ukraine", None, None, "--")),
        ("KHARKIV, Ukraine\u2014Russian forces", ("KHARKIV", "Ukraine", None, None, "\u2014")),
        ("WASHINGTON, Tuesday (AP) - The Senate", ("WASHINGTON", None, "Tuesday", "AP", "-")),
        ("NEW DELHI: The government said", ("NEW DELHI", None, None, None, ":")),
        ("  TORONTO \u2014 Police said", ("TORONTO", None, None, None, "\u2014")),
    ],
)
def test_datelines_and_their_parts(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ANTI-TRUMP PROTESTS SPREAD ACROSS THE COUNTRY",  # a hyphen inside a word
        "AFL-CIO to endorse Clinton.",
        "UN - the council met",  # two letters open no dateline
        "Washington (AP) - lower case is no dateline",
        "The army said on Tuesday - in Beirut - that",
    ],
)
def test_not_datelines(text):
    assert dateline_at(text) is None


def test_datelines_at_line_starts_with_offsets_into_the_text():
    text = "Storm hits coast\n\nMIAMI, Fla. (AP) - A storm hit.\nMore text - here.\nHAVANA - Cuba said."
    found = datelines(text)
    assert [text[d.place[0] : d.place[1]] for d in found] == ["MIAMI", "HAVANA"]
    assert text[found[0].qualifier[0] : found[0].qualifier[1]] == "Fla."
    assert text[found[0].end :].startswith(" A storm")


def test_a_dash_lost_to_encoding_damage_still_closes_a_dateline():
    # "BEIRUT (AP) \ufffd A Kurdish militia spokesman said": the dash came through as U+FFFD
    from newsgraph.dateline import dateline_at

    d = dateline_at("BEIRUT (AP) \ufffd A Kurdish militia spokesman said")
    assert d is not None and d.end == len("BEIRUT (AP) \ufffd")
    assert dateline_at("BEIRUT \ufffdA") is None  # (a replacement character must stand alone)
