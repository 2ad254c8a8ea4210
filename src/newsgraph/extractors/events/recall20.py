"""Issue 10, round 20: recall read from fresh whole political articles.

``political_pair20``  a criticism, a praise, a request or a rejection between an actor the text
                      names and a target it names, one of them a political actor (``pair_pol``
                      1 or 2), told in a sentence with no word of public affairs ("Clinton has
                      repeatedly accused Trump of using divisive rhetoric", "Trump has
                      relentlessly attacked her as an unreliable guardian"): the pair makes the
                      sentence one about public affairs, so the sentence's missing political words
                      (``sent_pol=0``) do not count against the event. Read on
                      ``scripts/events_unseen.py --polnear --step 20 --offset 31`` and ``--offset
                      32``, where such events sat at 0.46-0.53, under the threshold 0.54.

Off switch for before/after measures: ``"recall20"`` in ``tables.RULES_OFF``.
"""

from __future__ import annotations

from .tables import RULES_OFF

_TYPES = ("ACCUSE", "SUPPORT", "REQUEST", "REJECT")


def political_pair20(feats: list[str], type_: str) -> list[str]:
    """``feats`` without ``sent_pol=0`` for a statement read from the verb tables (not a word of
    judgement: "thought she was a liar") between a named actor and a named, organised target of
    which one is political; else ``feats`` unchanged."""
    if "recall20" in RULES_OFF or type_ not in _TYPES or "sent_pol=0" not in feats:
        return feats
    if not {"actor_named=1", "rec_org=1", "src=lexicon"} <= set(feats) or not (
        {"pair_pol=1", "pair_pol=2"} & set(feats)
    ):
        return feats
    return ["sent_pol=pair20" if f == "sent_pol=0" else f for f in feats]
