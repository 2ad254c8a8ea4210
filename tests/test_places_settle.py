"""Names whose choices depend on each other are settled, not left swapping between passes
(issue 12, sixth round): texts written for the project."""

from __future__ import annotations

import pytest


def _by_mention(doc, text):
    for p in doc._.places:
        if any(m.text == text for m in p.mentions):
            return p
    return None


@pytest.mark.parametrize(
    "text",
    [
        # each pass reads the other name's previous choice: Lafayette, Tennessee (near Franklin,
        # Tennessee) and Franklin, Louisiana (near Lafayette, Louisiana), then the swap back
        "The brass band marched from Lafayette to Franklin on Saturday. Louisiana officials said "
        "the parade drew thousands.",
        "The choir sang in Lafayette on Friday and in Franklin on Sunday. The tour ends in Louisiana next week.",
    ],
)
def test_two_namesakes_of_one_state_settle_together(nlp, text):
    doc = nlp(text)
    lafayette, franklin = _by_mention(doc, "Lafayette"), _by_mention(doc, "Franklin")
    assert lafayette is not None and franklin is not None
    # both in the state the article names, not one of them at a bigger namesake in Tennessee
    assert (lafayette.admin1, franklin.admin1) == ("Louisiana", "Louisiana")
    assert franklin.reason == "article frame: USA/Louisiana"


def test_settled_choice_keeps_a_qualified_name(nlp):
    # a qualifier is decisive and never unsettled by the neighbours' choices
    doc = nlp("The choir sang in Lafayette on Friday and in Franklin, Tennessee, on Sunday.")
    assert _by_mention(doc, "Franklin").admin1 == "Tennessee"
    assert _by_mention(doc, "Franklin").reason.startswith("qualifier")
