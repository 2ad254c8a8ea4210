"""Issue 10, round 19: recall read from fresh whole political articles.

``named_pair19``  a criticism, a praise or a request between two persons the entities component
                  reads as named persons, the actor named in the sentence by a bare name the
                  article gave in full before ("Ryan endorsed Trump in early June", "Mr. Manafort
                  pressed Mr. Yanukovych to sign an agreement"), whatever the tagger called the
                  names (round 18's ``named_pair18`` asks for PERSON names from the tagger): the
                  actor is the text's, not a country guessed from the context, for the confidence.
                  Read on ``scripts/events_unseen.py --polnear --step 20 --offset 27`` and
                  ``--offset 28``, where such events sat at 0.46, under the threshold 0.54. A
                  pronoun or a quotation's speaker as actor is not read (of the events so told
                  under the threshold, as many were wrong as right).

Off switch for before/after measures: ``"recall19"`` in ``tables.RULES_OFF``.
"""

from __future__ import annotations

from .tables import RULES_OFF

_TYPES = ("ACCUSE", "SUPPORT", "REQUEST")


def named_pair19(feats: list[str], type_: str, actor, recipient, named_actor: bool, named_recipient: bool) -> list[str]:
    """``feats`` with ``actor_ev=text`` for ``actor_ev=context`` when the event is a criticism, a
    praise or a request by a named person the sentence names (not through a pronoun or a
    quotation's speaker) of a named person it names."""
    if "recall19" in RULES_OFF or type_ not in _TYPES or "actor_ev=context" not in feats:
        return feats
    if not (named_actor and named_recipient) or actor is None or recipient is None:
        return feats
    if (
        actor.mention is None
        or actor.tags & {"pronoun", "speaker"}
        or "speaker" in actor.rule
        or recipient.mention is None
    ):
        return feats
    if actor.entity is not None and actor.entity == recipient.entity:
        return feats
    return ["actor_ev=text" if f == "actor_ev=context" else f for f in feats]
