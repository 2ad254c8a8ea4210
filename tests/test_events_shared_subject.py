"""Round 21 (the lead's user trial, issue 10). ``shared-subject21``: "The commission said it could
not comment ... but noted it had launched an investigation": the pronoun subject of a clause
reported by a coordinated verb with no subject of its own ("noted") is the first verb's subject,
the commission, not the last person or group coded (a lawyer). ``described-person21``: "him"
after "the young man" is not a person named before. Texts written for the project."""

from __future__ import annotations

from newsgraph.extractors.events import tables

TEXT = (
    "The family's lawyer, Maria Lopez, said the arrest was unlawful. The Toronto Transit Commission "
    "said it could not comment on the lawsuit but noted it had launched an investigation in February."
)


def _investigation(nlp):
    doc = nlp(TEXT)
    return next(e for e in doc._.events if "investigation" in e.trigger.text)


def test_a_coordinated_reporting_verb_shares_its_subject(nlp):
    ev = _investigation(nlp)
    assert ev.actor_mention is not None and ev.actor_mention.text == "The Toronto Transit Commission"
    assert "reported-speaker" in ev.rule


def test_without_the_rule_the_pronoun_is_not_read_through(nlp):
    tables.RULES_OFF.add("shared-subject21")
    try:
        ev = _investigation(nlp)
    finally:
        tables.RULES_OFF.discard("shared-subject21")
    assert ev.actor_mention is None or "Commission" not in ev.actor_mention.text


DESCRIBED = (
    "Police spokesman Stuart Green said officers were investigating. Three inspectors pushed the young "
    "man to the ground. Officers then arrested him and led him to a cruiser."
)


def _arrest_recipient(nlp):
    doc = nlp(DESCRIBED)
    ev = next(e for e in doc._.events if e.trigger.text == "arrested")
    return ev.recipient, ev.rule


def test_him_after_a_described_man_is_not_the_spokesman_named_before(nlp):
    """``described-person21``: "the young man", described between the named spokesman and
    "him", is who "him" stands for; unnamed, so the recipient is left without an entity."""
    doc = nlp(DESCRIBED)
    green = next(e.id for e in doc._.entities if e.name == "Stuart Green")
    recipient, rule = _arrest_recipient(nlp)
    assert recipient != green and "pronoun" in rule
    tables.RULES_OFF.add("described-person21")
    try:
        assert _arrest_recipient(nlp)[0] == green
    finally:
        tables.RULES_OFF.discard("described-person21")
