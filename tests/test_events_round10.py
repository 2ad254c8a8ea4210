"""Event rules of issue 10, round 10: false events found on whole political articles outside the
gold set (PolNeAR train, docs/audits/events-unseen-political-2026-12-06.tsv); short invented
sentences per rule (docs/changelog-events.md, round 10)."""

from __future__ import annotations

from events_view import of_trigger, shown


def test_an_election_contest_is_no_conflict(evs):
    for text, word in (
        ("Senator Alma Reyes beat the governor 54% to 41% in Ohio.", "beat"),
        ("Governor Dale Hart had already locked up the nomination before the Iowa caucuses.", "locked"),
        ("Party activists are working to block Senator Hart from the nomination.", "block"),
        ("Senator Hart and Governor Reyes occupied a second tier.", "occupied"),
    ):
        events = of_trigger(evs(text), word)
        assert not shown(events), text
        assert all("an election contest" in e.rule for e in events if e.type in ("ASSAULT", "COERCE", "PROTEST"))
    # conflict told with the same verbs stays
    (e,) = of_trigger(evs("Police beat the protesters outside the parliament in Ohio on Monday."), "beat")
    assert e.type == "ASSAULT" and shown([e])
    (e,) = of_trigger(evs("Rebel fighters occupied the town of Aleppo on Sunday."), "occupied")
    assert e.type == "ASSAULT" and "an election contest" not in e.rule
