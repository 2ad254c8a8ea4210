"""Issue 10, round 18: recall read from fresh whole political articles.

``named_pair18``  a criticism or a praise between two persons the sentence names, the actor named
                  by a full or a bare name the article named in full before ("Rubio is
                  congratulating Trump for his victory", "Trump lashed out at Khan after ...",
                  "He congratulated her for her victory and praised her effort" with the actor
                  named): the actor is the text's, not a country guessed from the context, for
                  the confidence (``confidence.features``). Read on
                  ``scripts/events_unseen.py --polnear --step 20 --offset 24`` and ``--offset 25``:
                  such events sat at 0.46-0.53, under the threshold 0.54, mostly right; the same
                  evidence for any type or with no person named on the other side raised as many
                  wrong events as right ones (campaign thanks, "refusing to attack his rivals",
                  "fighting for second place"), and is not read.

Off switch for before/after measures: ``"recall18"`` in ``tables.RULES_OFF``.
"""

from __future__ import annotations

from .tables import RULES_OFF

_TYPES = ("ACCUSE", "SUPPORT")


def named_pair18(type_: str, actor, recipient) -> bool:
    """Whether the event is a criticism or a praise by a person the sentence names (not through a
    pronoun or a quotation's speaker) of a person it names (or a pronoun read as one)."""
    if "recall18" in RULES_OFF or type_ not in _TYPES:
        return False
    if actor is None or actor.mention is None or actor.head_ent != "PERSON" or actor.tags & {"pronoun", "speaker"}:
        return False
    if recipient is None or recipient.mention is None:
        return False
    return recipient.head_ent == "PERSON" or "pronoun" in recipient.tags and bool(recipient.entity)
