"""Who did what to whom: political events in the PLOVER ontology, with coded actors.

A spaCy component (``newsgraph_events``, runs last) that reads each sentence once and turns
event triggers into ``record.Event`` objects on ``Doc._.events``:

* a trigger is a verb or event noun found by lemma in newsgraph's PLOVER lexicon
  (``VERBS`` and ``NOUNS`` below: "shell" -> ASSAULT, "arrest" -> COERCE, "urge" -> REQUEST, ...),
  refined by its object or particle (``OBJECT_RULES``: "lift the curfew" -> CONCEDE, "send aid" ->
  AID, "send troops" -> MOBILIZE, "pulled out" -> RETREAT), by light-verb nouns ("held talks",
  "imposed sanctions"), and otherwise by the PETRARCH2 CAMEO verb patterns
  (``data/events/verbs.json``) mapped to PLOVER (``plover_from_cameo``);
* frame verbs decide the type of what they govern: "agreed to withdraw" is AGREE, "threatened to
  attack" THREATEN, "refused to meet" REJECT, "called for a ceasefire" REQUEST, "accused X of
  bombing" ACCUSE (the governed act is not a second event);
* the actor is the subject (the "by" agent in the passive), the recipient the object or the
  "with/against/on/to" phrase; both are coded to a country and CAMEO sector by
  ``newsgraph.actors`` (the text first, the PETRARCH2 table second);
* flags: ``negated`` ("did not attack", "denied that troops had targeted"), ``hypothetical``
  ("could be a guarantor", "if elected"), ``future`` ("will meet"). A cooperative act in the
  future is an intention and is typed AGREE, as the PLOVER manual says;
* nothing is read inside a quoted title ("the programme \"Attack on Kyiv\"").

Every event has ``rule``: which lexicon entry or pattern fired and how the actor was coded.
"""
from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from .. import actors as actor_codes
from ..countries import country_info
from ..countries import normalise as countries_normalise
from ..record import Event, SentenceRef, Span

log = logging.getLogger(__name__)

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)

try:  # other components, when installed (each is optional)
    from .entities import entity_for_span  # type: ignore
except Exception:  # pragma: no cover - depends on the other components
    entity_for_span = None
try:
    from .places import countries_mentioned, place_for_span  # type: ignore
except Exception:  # pragma: no cover
    place_for_span = countries_mentioned = None
try:
    from .times import date_for_span  # type: ignore
except Exception:  # pragma: no cover
    date_for_span = None

# --------------------------------------------------------------------------------------------
# The ontology
# --------------------------------------------------------------------------------------------
PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
QUAD = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation", "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict", "THREATEN": "verbal conflict", "SANCTION": "verbal conflict",
    "PROTEST": "material conflict", "MOBILIZE": "material conflict", "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}
COOPERATIVE = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}
WEAPON_MODES = {"bomb": "explosives", "bombing": "explosives", "explosion": "explosives", "explosive": "explosives",
                "ied": "explosives", "mine": "explosives", "minefield": "explosives", "grenade": "explosives",
                "suicide": "suicide-attack", "shell": "heavy-weapons", "shelling": "heavy-weapons",
                "artillery": "heavy-weapons", "tank": "heavy-weapons", "aircraft": "heavy-weapons",
                "helicopter": "heavy-weapons", "missile": "heavy-weapons", "rocket": "heavy-weapons",
                "mortar": "heavy-weapons", "airstrike": "heavy-weapons", "jet": "heavy-weapons",
                "gun": "firearms", "gunfire": "firearms", "rifle": "firearms", "gunman": "firearms",
                "gunmen": "firearms", "gunbattle": "firearms", "sniper": "firearms"}
# CAMEO root code for each PLOVER type (CAMEO2PLOVER-2021.txt read backwards); ASSAULT and
# ACCUSE depend on the mode.
CAMEO_ROOT = {"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
              "CONCEDE": "08", "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12",
              "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
              "ASSAULT": "18"}
ASSAULT_ROOT_BY_MODE = {"firearms": "19", "heavy-weapons": "19", "massacre": "20", "cleansing": "20",
                        "unconventional": "20"}


def cameo_root(type_: str, mode: Optional[str]) -> Optional[str]:
    if type_ == "ASSAULT":
        return ASSAULT_ROOT_BY_MODE.get(mode or "", "18")
    if type_ == "ACCUSE" and mode == "investigate":
        return "09"
    return CAMEO_ROOT.get(type_)


def plover_from_cameo(code: Optional[str]) -> Optional[tuple[str, Optional[str]]]:
    """PLOVER (type, mode) for a CAMEO code, following CAMEO2PLOVER-2021 (01 statements are
    dropped; 02 appeals are requests, as in the current PLOVER)."""
    if not code or not code[:2].isdigit():
        return None
    r, c3 = code[:2], code[:3]
    if r == "01":
        return None
    if r == "02" or r == "10":
        mode = {"101": "assist", "102": "assist", "103": "assist", "021": "assist", "022": "assist",
                "023": "assist", "104": "change", "024": "change", "105": "yield", "025": "yield",
                "106": "meet", "107": "meet", "108": "meet", "026": "meet", "027": "meet",
                "028": "meet"}.get(c3)
        return "REQUEST", mode
    if r == "03":
        return "AGREE", None
    if r == "04":
        return "CONSULT", {"041": "phone", "042": "visit", "043": "visit", "044": "third-party"}.get(c3)
    if r == "05":
        return "SUPPORT", None
    if r == "06":
        return "COOPERATE", None
    if r == "07":
        return "AID", None
    if r == "08":
        if c3 in ("081", "082", "083", "080"):
            return "CONCEDE", None
        return "RETREAT", {"0841": "release", "0842": "return", "085": "ease", "086": "access",
                           "0871": "ceasefire", "0872": "withdraw", "0873": "disarm",
                           "0874": "disarm"}.get(code, {"084": "release", "086": "access"}.get(c3))
    if r == "09":
        return "ACCUSE", "investigate"
    if r == "11":
        return "ACCUSE", "allege" if c3 in ("114", "115") or len(code) == 4 and c3 == "112" else "disapprove"
    if r == "12":
        return "REJECT", None
    if r == "13":
        return "THREATEN", None
    if r == "14":
        return "PROTEST", {"141": "demo", "142": "hunger", "143": "boycott", "144": "obstruct",
                           "145": "riot"}.get(c3)
    if r == "15":
        return "MOBILIZE", {"151": "police", "153": "police", "152": "troops", "154": "troops"}.get(c3)
    if r == "16":
        return "SANCTION", {"161": "withdraw", "162": "discontinue", "164": "withdraw",
                            "166": "expel"}.get(c3)
    if r == "17":
        if code == "1712":
            return "COERCE", "seize"
        return "COERCE", {"171": "seize", "172": "restrict", "173": "arrest", "174": "deport",
                          "1722": "ban", "1723": "curfew", "1724": "martial-law"}.get(code, {
                              "171": "seize", "172": "restrict", "173": "arrest", "174": "deport"}.get(c3))
    if r == "18":
        return "ASSAULT", {"181": "abduct", "182": "beat", "1821": "sexual", "1822": "torture",
                           "183": "suicide-attack", "1832": "explosives", "1833": "explosives",
                           "185": "assassinate", "186": "assassinate"}.get(code, {
                               "181": "abduct", "182": "beat", "183": "explosives",
                               "185": "assassinate", "186": "assassinate"}.get(c3))
    if r == "19":
        if c3 in ("191", "192"):
            return "COERCE", "restrict" if c3 == "191" else "seize"
        return "ASSAULT", {"193": "firearms", "194": "heavy-weapons", "195": "heavy-weapons"}.get(c3)
    if r == "20":
        return "ASSAULT", {"202": "massacre", "203": "cleansing", "204": "unconventional"}.get(c3, "massacre")
    return None


# --------------------------------------------------------------------------------------------
# Lexicon: lemma -> (type, mode). Written for newsgraph from the PLOVER manual's definitions.
# --------------------------------------------------------------------------------------------
VERBS: dict[str, tuple[str, Optional[str]]] = {}


def _add(type_: str, mode: Optional[str], words: str) -> None:
    for w in words.split(","):
        w = w.strip()
        if w:
            VERBS[w] = (type_, mode)


_add("AGREE", None, "agree, promise, pledge, offer, vow, swear, commit, consent, volunteer, guarantee")
_add("CONSULT", None, "meet, talk, discuss, negotiate, consult, confer, mediate")
_add("CONSULT", "visit", "visit, host, welcome_host, tour")
_add("CONSULT", "phone", "telephone, phone")
_add("SUPPORT", None, "praise, welcome, commend, endorse, support, back, applaud, hail, congratulate, "
     "apologize, apologise, forgive, recognize, recognise, ratify, thank, defend, laud, salute")
_add("COOPERATE", None, "cooperate, collaborate, extradite")
_add("AID", None, "donate, aid, fund, finance, evacuate, airlift")
_add("RETREAT", None, "surrender, resign, disarm, demobilize, demobilise, relinquish")
_add("RETREAT", "withdraw", "withdraw, retreat")
_add("RETREAT", "release", "release, free")
_add("CONCEDE", None, "concede, yield, accede, ease, relax, loosen")
_add("REQUEST", None, "ask, request, urge, appeal, demand, press, plead, implore, beseech, petition, "
     "insist_on")
_add("ACCUSE", "disapprove", "accuse, blame, criticize, criticise, condemn, denounce, decry, deplore, "
     "slam, censure, rebuke, complain, chide, fault, protest_verbal, object")
_add("ACCUSE", "allege", "allege, sue, indict, charge_legal")
_add("ACCUSE", "investigate", "investigate, probe, inspect, examine_legal")
_add("REJECT", None, "reject, refuse, decline, rebuff, veto, spurn, oppose, dismiss, defy, resist, renege, "
     "backtrack, flout, violate, breach")
_add("THREATEN", None, "threaten, warn")
_add("THREATEN", None, "menace, intimidate")
_add("SUPPORT", None, "console, comfort, reconcile")
_add("AID", None, "assist")
_add("REQUEST", None, "lobby")
_add("PROTEST", "demo", "protest, demonstrate, rally, march, picket")
_add("PROTEST", "riot", "riot")
_add("PROTEST", "boycott", "boycott")
_add("SANCTION", None, "sanction, embargo, sever")
_add("SANCTION", "expel", "expel_diplomat")
_add("MOBILIZE", "troops", "mobilize, mobilise, deploy, mass, reinforce")
_add("COERCE", "arrest", "arrest, detain, jail, imprison, convict, sentence, prosecute")
_add("COERCE", "deport", "deport, evict")
_add("COERCE", "ban", "ban, outlaw, proscribe")
_add("COERCE", "restrict", "censor, restrict, blockade, block, barricade")
_add("COERCE", "seize", "confiscate, seize, demolish, raze, vandalize, vandalise, loot")
_add("ASSAULT", None, "attack, assault, raid, ambush, invade, storm, strike_mil, clash, fight, kill, "
     "wound, massacre, slaughter, overrun, besiege, target, capture, retake, occupy")
_add("ASSAULT", "heavy-weapons", "shell, bomb, bombard, pound, strafe, airstrike")
_add("ASSAULT", "firearms", "shoot, gun")
_add("ASSAULT", "assassinate", "assassinate")
_add("ASSAULT", "abduct", "abduct, kidnap, hijack")
_add("ASSAULT", "torture", "torture")
_add("ASSAULT", None, "execute, stab, behead, lynch, massacre, slay, murder, maim")
_add("ASSAULT", "explosives", "detonate, explode")
_add("ASSAULT", None, "injure")
_add("ASSAULT", "sexual", "rape")
_add("COERCE", "seize", "torch, burn")
_add("CONCEDE", None, "unban, legalize, legalise, compromise")
_add("RETREAT", "release", "pardon")
_add("RETREAT", None, "cede, abandon")
_add("REJECT", None, "snub")
_add("ACCUSE", "disapprove", "reprimand, lambast, lambaste, berate, assail")
_add("ACCUSE", "investigate", "interrogate, question_person")
_add("REQUEST", None, "exhort, require_x")
_add("CONSULT", None, "convene")
_add("CONSULT", "third-party", "shuttle")
_add("ASSAULT", None, "retaliate")
_add("COERCE", "seize", "destroy, demolish")
_add("COERCE", None, "disperse, repress, suppress, quell")
_add("ASSAULT", "beat", "beat")
_add("ASSAULT", None, "slit, strangle, decapitate, mutilate, amputate, lynch, skirmish, ransack")
_add("COERCE", "seize", "bulldoze, expropriate, nationalize, nationalise, impound, annex")
_add("COERCE", "arrest", "apprehend, intern")
_add("COERCE", "deport", "banish, exile")
_add("COERCE", None, "persecute, harass")
_add("ACCUSE", "disapprove", "castigate, chastise, scold, admonish")
_add("RETREAT", None, "capitulate, abdicate")
# drop the placeholder keys used only to document sense restrictions
for _k in [k for k in VERBS if "_" in k]:
    del VERBS[_k]

# Event nouns: a noun is an event when it is the object of a light verb ("held talks"), or
# the subject of a verb that is not an event itself ("shelling continued").
NOUNS: dict[str, tuple[str, Optional[str]]] = {}


def _addn(type_: str, mode: Optional[str], words: str) -> None:
    for w in words.split(","):
        if w.strip():
            NOUNS[w.strip()] = (type_, mode)


_addn("CONSULT", None, "talk, talks, meeting, negotiation, negotiations, summit, discussion, "
      "discussions, consultation, consultations, mediation, dialogue")
_addn("CONSULT", "visit", "visit, trip, tour")
_addn("CONSULT", "phone", "call_phone, conversation")
_addn("AGREE", None, "agreement, accord, deal, pact, consensus, guarantor, mediator, pledge, promise, "
      "commitment, offer")
_addn("SUPPORT", None, "treaty, relations_diplo, ties")
_addn("SUPPORT", None, "condolence, condolences, sympathy")
_addn("COOPERATE", None, "exercise, exercises, games, cooperation, manoeuvres, maneuvers, manoeuvre, maneuver, drills")
_addn("AID", None, "aid, assistance, asylum, grant, donation, loan")
_addn("RETREAT", "ceasefire", "ceasefire, cease-fire, truce, armistice")
_addn("RETREAT", "withdraw", "withdrawal, pullout, retreat")
_addn("REQUEST", None, "appeal, demand, demands, request, plea, ultimatum_req")
_addn("ACCUSE", "disapprove", "criticism, condemnation, complaint, accusation, protest_formal")
_addn("ACCUSE", "investigate", "investigation, probe, inquiry, hearing")
_addn("ACCUSE", "allege", "lawsuit, suit, charges")
_addn("REJECT", None, "rejection, refusal, veto")
_addn("THREATEN", None, "threat, threats, ultimatum, warning")
_addn("PROTEST", "demo", "protest, protests, demonstration, demonstrations, rally, rallies, march, "
      "sit-in, vigil")
_addn("PROTEST", "riot", "riot, riots, unrest")
_addn("PROTEST", "boycott", "strike, strikes, boycott, walkout, shutdown, stoppage, stayaway, stay-away")
_addn("PROTEST", "hunger", "hunger-strike")
_addn("SANCTION", None, "sanctions, sanction, embargo, boycott_trade, tariff, tariffs")
_addn("SANCTION", "withdraw", "suspension, severance")
_addn("MOBILIZE", "troops", "deployment, buildup, build-up, mobilization, mobilisation, alert")
_addn("MOBILIZE", "police", "patrol, patrols, checkpoint, checkpoints")
_addn("COERCE", "arrest", "arrest, arrests, detention, crackdown")
_addn("COERCE", "curfew", "curfew")
_addn("COERCE", "martial-law", "emergency, siege, martial law")
_addn("COERCE", "restrict", "blockade, restrictions, restriction, blackout")
_addn("COERCE", "ban", "ban")
_addn("ASSAULT", None, "attack, attacks, assault, offensive, raid, raids, invasion, fighting, clash, "
      "clashes, battle, violence, ambush, incursion, war")
_addn("ASSAULT", "heavy-weapons", "shelling, bombardment, bombing, airstrike, airstrikes, air-strike, "
      "artillery, rocket, rockets, missile, missiles, mortar, strike_air")
_addn("ASSAULT", "explosives", "bomb, explosion, blast")
_addn("ASSAULT", "firearms", "gunfire, shooting, gunbattle, fire_gun")
_addn("ASSAULT", "suicide-attack", "suicide")
_addn("ASSAULT", "assassinate", "assassination")
_addn("ASSAULT", "cleansing", "cleansing")
_addn("ASSAULT", "massacre", "massacre, massacres, genocide")
for _k in [k for k in NOUNS if "_" in k]:
    del NOUNS[_k]

# Light verbs: their event-noun object decides the event ("held talks", "imposed a curfew").
TRAVEL_VERBS = {"return", "travel", "fly", "come", "go", "arrive", "head", "gather", "meet", "sit"}
# heads that carry the event in their modifier ("a mediation effort", "a bombing campaign")
EFFORT_HEADS = {"effort", "efforts", "campaign", "bid", "attempt", "mission", "initiative", "drive", "operation"}
LIGHT_VERBS = {"hold", "have", "impose", "launch", "stage", "conduct", "carry", "mount", "open",
               "make", "take", "begin", "start", "resume", "renew", "undertake", "declare", "announce",
               "sign", "reach", "lodge", "issue", "give", "reimpose", "extend", "order", "initiate",
               "establish", "call", "continue", "unleash", "fire", "set", "file", "go", "hold",
               "conclude", "complete", "wage", "lead", "join", "host", "organize", "organise", "enforce",
               "observe", "mount", "institute", "introduce"}
# verb + object noun overrides (type, mode) — the object changes what the verb means
OBJECT_RULES: dict[tuple[str, str], tuple[str, Optional[str]]] = {}
AID_OBJECTS = {"aid", "assistance", "food", "medicine", "medicines", "supplies", "money", "dollar",
               "dollars", "euro", "euros", "grant", "loan", "loans", "credit", "relief", "goods",
               "equipment", "shelter", "funds", "funding", "grain", "flour", "truck", "trucks",
               "intelligence", "photograph", "photographs", "weapon", "weapons", "arms", "material",
               "ammunition", "asylum", "expertise", "vaccine", "vaccines", "tent", "tents", "help",
               "support", "drone", "drones", "missiles", "rockets", "shells", "howitzers", "rifles"}
TROOP_OBJECTS = {"troops", "troop", "soldiers", "forces", "force", "warships", "ships", "tanks",
                 "reinforcements", "police", "policemen", "units", "battalion", "battalions",
                 "brigade", "division", "jets", "aircraft", "navy", "army"}
RESTRICT_OBJECTS = {"curfew": ("CONCEDE", None), "restriction": ("CONCEDE", None),
                    "restrictions": ("CONCEDE", None), "ban": ("CONCEDE", None),
                    "emergency": ("CONCEDE", None), "measure": ("CONCEDE", None),
                    "measures": ("CONCEDE", None), "sanctions": ("RETREAT", "ease"),
                    "embargo": ("RETREAT", "ease"), "embargoes": ("RETREAT", "ease"),
                    "blockade": ("RETREAT", "ease"), "siege": ("RETREAT", "ease")}
for _v in ("lift", "ease", "relax", "end", "cancel", "shorten", "scrap", "remove", "suspend_restr"):
    for _o, _t in RESTRICT_OBJECTS.items():
        OBJECT_RULES[(_v, _o)] = _t
for _v in ("send", "provide", "give", "deliver", "supply", "ship", "donate", "hand", "grant", "airlift",
           "offer", "contribute", "dispatch", "pledge"):
    for _o in AID_OBJECTS:
        OBJECT_RULES.setdefault((_v, _o), ("AID", None))
for _v in ("send", "deploy", "dispatch", "move", "mass", "station", "rush", "position", "reinforce"):
    for _o in TROOP_OBJECTS:
        OBJECT_RULES[(_v, _o)] = ("MOBILIZE", "police" if _o in ("police", "policemen") else "troops")
SANCTION_VERBS = ("cut", "suspend", "halt", "freeze", "stop", "reduce", "end", "withhold", "terminate", "sever",
                  "break", "downgrade", "cancel", "postpone", "prohibit")
for _v in SANCTION_VERBS:
    for _o in ("aid", "assistance", "ties", "relations", "links", "link", "trade", "talks", "negotiations",
               "visit", "supplies", "contacts", "cooperation", "mediation", "deliveries", "flights"):
        OBJECT_RULES[(_v, _o)] = ("SANCTION", "discontinue" if _o in AID_OBJECTS or _o in (
            "supplies", "deliveries") else "withdraw")
for _v in ("expel", "recall", "withdraw"):
    for _o in ("diplomat", "diplomats", "ambassador", "envoy", "inspectors", "observers", "monitors",
               "peacekeepers", "staff", "agency", "mission"):
        OBJECT_RULES[(_v, _o)] = ("SANCTION", "expel")
for _o in ("diplomat", "diplomats", "ambassador", "envoy"):  # recalling one's envoy reduces relations (CAMEO 161)
    OBJECT_RULES[("recall", _o)] = ("SANCTION", "withdraw")
for _o in ("information", "intelligence", "evidence", "expertise", "data", "technology"):
    OBJECT_RULES[("share", _o)] = ("COOPERATE", None)
    OBJECT_RULES[("exchange", _o)] = ("COOPERATE", None)
for _o in ("agreement", "treaty", "accord", "deal", "pact", "memorandum", "declaration"):
    OBJECT_RULES[("sign", _o)] = ("SUPPORT", None)
    OBJECT_RULES[("reach", _o)] = ("AGREE", None)
    OBJECT_RULES[("accept", _o)] = ("AGREE", None)
    OBJECT_RULES[("reject", _o)] = ("REJECT", None)
for _o in ("ties", "relations"):
    OBJECT_RULES[("establish", _o)] = ("SUPPORT", None)
    OBJECT_RULES[("restore", _o)] = ("SUPPORT", None)
    OBJECT_RULES[("upgrade", _o)] = ("SUPPORT", None)
    OBJECT_RULES[("normalize", _o)] = ("SUPPORT", None)
for _o in ("demand", "demands", "request", "requests", "condition", "conditions", "terms"):
    OBJECT_RULES[("accept", _o)] = ("CONCEDE", None)
    OBJECT_RULES[("meet", _o)] = ("CONCEDE", None)
for _o in ("fire",):
    OBJECT_RULES[("open", _o)] = ("ASSAULT", "firearms")
    OBJECT_RULES[("set", _o)] = ("COERCE", "seize")
for _o in ("prisoners", "prisoner", "hostages", "hostage", "detainees"):
    OBJECT_RULES[("free", _o)] = ("RETREAT", "release")
    OBJECT_RULES[("release", _o)] = ("RETREAT", "release")
    OBJECT_RULES[("exchange", _o)] = ("RETREAT", "release")
for _o in ("border", "borders", "crossing", "crossings", "airspace", "port", "bridge", "corridor"):
    OBJECT_RULES[("reopen", _o)] = ("RETREAT", "access")
    OBJECT_RULES[("open", _o)] = ("RETREAT", "access")
    OBJECT_RULES[("close", _o)] = ("COERCE", "restrict")
    OBJECT_RULES[("seal", _o)] = ("COERCE", "restrict")
OBJECT_RULES[("call", "off")] = ("CONCEDE", None)
for _v in ("send", "convey", "express", "offer", "extend"):  # "sent a message of condolence"
    for _o in ("condolence", "condolences", "sympathy"):
        OBJECT_RULES[(_v, _o)] = ("SUPPORT", None)
for _v in ("give", "grant"):  # "gave permission to American warships to use its ports"
    OBJECT_RULES[(_v, "permission")] = ("CONCEDE", None)
# closing the press, schools or places of worship is a restriction (PLOVER COERCE restrict)
for _o in ("newspaper", "newspapers", "paper", "papers", "station", "stations", "radio", "website", "websites",
           "school", "schools", "university", "universities", "mosque", "mosques", "church", "churches",
           "office", "offices"):
    OBJECT_RULES.setdefault(("close", _o), ("COERCE", "restrict"))
    OBJECT_RULES.setdefault(("shut", _o), ("COERCE", "restrict"))
for _o in ("status", "citizenship", "residency"):
    OBJECT_RULES[("grant", _o)] = ("AID", None)
for _o in ("refuge", "asylum", "shelter", "protection"):
    OBJECT_RULES[("seek", _o)] = ("REQUEST", "assist")
    OBJECT_RULES[("request", _o)] = ("REQUEST", "assist")
OBJECT_RULES[("force", "out")] = ("COERCE", "deport")
# stopping trade is a sanction (CAMEO 16 / embargo), not a domestic ban
for _v in ("ban", "halt", "suspend", "stop", "prohibit", "restrict", "block", "freeze", "cut"):
    for _o in ("import", "imports", "export", "exports", "trade", "flights", "shipments", "investment", "investments",
               "purchases", "sales", "oil", "arms"):
        OBJECT_RULES[(_v, _o)] = ("SANCTION", None)
# blocking a decision is rejecting it ("blocked a U.N. resolution"), not obstructing passage
for _o in ("resolution", "proposal", "plan", "bill", "motion", "draft", "deal", "agreement", "bid", "move",
           "nomination", "sale", "membership", "decision", "vote", "initiative", "measure", "measures", "accession",
           "appointment", "request", "application", "candidacy", "statement", "declaration", "reform", "reforms"):
    OBJECT_RULES[("block", _o)] = ("REJECT", None)
    OBJECT_RULES[("veto", _o)] = ("REJECT", None)
# taking down one's own barriers is a de-escalation (CAMEO 087)
for _o in ("roadblock", "roadblocks", "checkpoint", "checkpoints", "barricade", "barricades", "outpost", "outposts",
           "settlement", "settlements", "base", "bases", "camp", "camps", "fortifications", "positions"):
    OBJECT_RULES[("dismantle", _o)] = ("RETREAT", None)
    OBJECT_RULES[("remove", _o)] = ("RETREAT", None)
    OBJECT_RULES[("evacuate", _o)] = ("RETREAT", "withdraw")
for _v in ("lay", "hand", "turn", "surrender", "give"):  # "laid down their arms", "handed over weapons"
    for _o in ("arms", "weapons", "weapon", "guns"):
        OBJECT_RULES[(_v, _o)] = ("RETREAT", "disarm")
# asking for help: "sought the help of clan leaders", "enlisted the support of"
for _o in ("help", "assistance", "support", "backing", "aid", "mediation", "intervention", "cooperation",
           "release", "extradition", "clarification", "explanation"):
    OBJECT_RULES.setdefault(("seek", _o), ("REQUEST", "assist" if _o in ("help", "assistance", "aid", "support",
                                                                          "backing") else None))
    OBJECT_RULES.setdefault(("enlist", _o), ("REQUEST", "assist"))
# a deadline or an ultimatum given to someone is a threat ("gave Yugoslavia a deadline to withdraw")
for _v in ("give", "set", "issue", "deliver", "present"):
    for _o in ("deadline", "ultimatum"):
        OBJECT_RULES[(_v, _o)] = ("THREATEN", None)
# handing over suspects is judicial cooperation (CAMEO 0631 / extradition), not a release
for _o in ("suspect", "suspects", "fugitive", "fugitives", "criminal", "criminals", "separatist", "separatists",
           "militant", "militants", "terrorist", "terrorists", "guerrilla", "guerrillas", "defector", "defectors"):
    OBJECT_RULES[("hand", _o)] = ("COOPERATE", None)
    OBJECT_RULES[("turn", _o)] = ("COOPERATE", None)
OBJECT_RULES[("rule", "out")] = ("REJECT", None)
WORKER_NOUNS = {"worker", "workers", "employee", "employees", "union", "unions", "teacher", "teachers", "miner",
                "miners", "driver", "drivers", "doctor", "doctors", "nurse", "nurses", "staff", "student", "students",
                "docker", "dockers", "farmer", "farmers", "trader", "traders", "shopkeeper", "shopkeepers",
                "civil servant", "servants", "pilot", "pilots", "journalist", "journalists", "lawyer", "lawyers"}
DIPLOMAT_NOUNS = {"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "commissioner", "charge",
                  "consul", "attache", "attaches", "affaires", "d'affaires", "emissary", "representative"}
INTENSIFIERS = {"step", "intensify", "escalate", "widen", "expand", "redouble", "heighten", "stiffen", "broaden"}
WILLING_ACTS = {"freeze", "halt", "stop", "suspend", "end", "scrap", "dismantle", "abandon", "accept", "join",
                "consider", "resume", "reopen", "return", "pay", "compensate", "drop", "shelve", "postpone", "limit",
                "reduce", "cut", "abide", "comply", "implement", "honour", "honor", "respect"}
TALK_NOUNS = {"talk", "talks", "negotiation", "negotiations", "meeting", "summit", "dialogue", "visit",
              "conference", "consultations", "mediation", "trip"}
INTENT_NOUNS = {"readiness", "willingness", "intention", "intent", "desire", "commitment", "determination"}
for _v in ("express", "signal", "reaffirm", "reiterate", "state", "confirm", "voice", "show", "declare"):
    for _o in INTENT_NOUNS:
        OBJECT_RULES[(_v, _o)] = ("AGREE", None)
    for _o in ("support", "solidarity", "backing"):
        OBJECT_RULES[(_v, _o)] = ("SUPPORT", None)
    for _o in ("concern", "regret", "outrage", "opposition", "anger", "dismay", "disappointment"):
        OBJECT_RULES[(_v, _o)] = ("ACCUSE", "disapprove")
OBJECT_RULES[("lash", "out")] = ("ACCUSE", "disapprove")
for _v in ("take", "hold", "seize"):
    for _o in ("hostage", "hostages"):
        OBJECT_RULES[(_v, _o)] = ("ASSAULT", "abduct")
OBJECT_RULES[("turn", "down")] = ("REJECT", None)
OBJECT_RULES[("shut", "down")] = ("COERCE", "restrict")
OBJECT_RULES[("close", "down")] = ("COERCE", "restrict")
OBJECT_RULES[("set", "fire")] = ("COERCE", "seize")
for _o in ("proposal", "plan", "offer", "invitation", "mediation", "proposals", "formula", "settlement", "terms",
           "compromise", "peace", "resolution"):
    OBJECT_RULES[("accept", _o)] = ("AGREE", None)
for _o in ("amnesty", "pardon", "pardons"):
    OBJECT_RULES[("grant", _o)] = ("RETREAT", "release")
    OBJECT_RULES[("offer", _o)] = ("AGREE", None)
OBJECT_RULES[("drive", "out")] = ("COERCE", "deport")
# particles: "pulled out", "stepped down", "handed over", "broke off", "walked out", "gunned down"
for _v, _p, _t in (("pull", "out", ("RETREAT", "withdraw")), ("pull", "back", ("RETREAT", "withdraw")),
                   ("step", "down", ("RETREAT", None)), ("hand", "over", ("RETREAT", "return")),
                   ("hand", "back", ("RETREAT", "return")), ("give", "back", ("RETREAT", "return")),
                   ("set", "free", ("RETREAT", "release")), ("let", "go", ("RETREAT", "release")),
                   ("break", "off", ("SANCTION", "withdraw")), ("walk", "out", ("SANCTION", "withdraw")),
                   ("gun", "down", ("ASSAULT", "firearms")), ("mow", "down", ("ASSAULT", "firearms")),
                   ("shoot", "down", ("ASSAULT", "heavy-weapons")), ("blow", "up", ("ASSAULT", "explosives")),
                   ("crack", "down", ("COERCE", "restrict")), ("round", "up", ("COERCE", "arrest")),
                   ("beef", "up", ("MOBILIZE", "police")), ("call", "up", ("MOBILIZE", "troops")),
                   ("step", "up", ("MOBILIZE", "police")), ("back", "down", ("CONCEDE", None)),
                   ("give", "in", ("CONCEDE", None)), ("lock", "up", ("COERCE", "arrest"))):
    OBJECT_RULES[(_v, _p)] = _t
for _o in ("access", "entry", "inspectors", "observers", "monitors", "peacekeepers", "convoys", "convoy",
           "deliveries", "workers", "journalists"):
    OBJECT_RULES[("allow", _o)] = ("RETREAT", "access")
    OBJECT_RULES[("admit", _o)] = ("RETREAT", "access")
    OBJECT_RULES[("receive", _o)] = ("RETREAT", "access")
for _o in ("ceasefire", "cease-fire", "truce"):
    OBJECT_RULES[("observe", _o)] = ("RETREAT", "ceasefire")
    OBJECT_RULES[("declare", _o)] = ("RETREAT", "ceasefire")
    OBJECT_RULES[("announce", _o)] = ("RETREAT", "ceasefire")
    OBJECT_RULES[("violate", _o)] = ("ASSAULT", None)
    OBJECT_RULES[("break", _o)] = ("ASSAULT", None)
for _o in ("property", "land", "assets", "territory", "remains", "bodies", "prisoners", "hostages"):
    OBJECT_RULES[("return", _o)] = ("RETREAT", "return")
for _o in ("rocket", "rockets", "missile", "missiles", "shell", "shells", "mortar", "mortars", "artillery"):
    OBJECT_RULES[("fire", _o)] = ("ASSAULT", "heavy-weapons")
    OBJECT_RULES[("launch", _o)] = ("ASSAULT", "heavy-weapons")
for _o in ("embassy", "consulate", "mission", "border", "borders", "airspace"):
    OBJECT_RULES[("close", _o)] = ("SANCTION", "withdraw") if _o in ("embassy", "consulate", "mission") \
        else ("COERCE", "restrict")
for _o in ("embassy", "consulate", "mission"):  # the reverse of closing one: restoring relations
    OBJECT_RULES.setdefault(("open", _o), ("SUPPORT", None))
    OBJECT_RULES.setdefault(("reopen", _o), ("SUPPORT", None))
for _o in ("party", "parties", "front", "movement", "organization", "organisation", "group", "groups", "union",
           "unions", "militia", "militias", "association"):  # "dissolved the Islamic Salvation Front"
    OBJECT_RULES[("dissolve", _o)] = ("COERCE", "ban")
    OBJECT_RULES[("disband", _o)] = ("COERCE", "ban")
for _o in ("assets", "accounts", "funds"):
    OBJECT_RULES[("freeze", _o)] = ("SANCTION", None)
    OBJECT_RULES[("seize", _o)] = ("COERCE", "seize")
for _o in ("security", "patrols", "presence", "checkpoints", "defences", "defenses"):
    OBJECT_RULES[("tighten", _o)] = ("MOBILIZE", "police")
    OBJECT_RULES[("increase", _o)] = ("MOBILIZE", "police")
    OBJECT_RULES[("boost", _o)] = ("MOBILIZE", "police")
    OBJECT_RULES[("step", _o)] = ("MOBILIZE", "police")
for _v in ("strengthen", "bolster", "reinforce", "intensify", "beef", "expand", "double", "triple", "heighten",
           "tighten", "increase", "boost", "step"):  # "strengthened its military presence"
    for _o in ("security", "patrols", "presence", "checkpoints", "defences", "defenses", "garrison", "garrisons",
               "deployment", "surveillance"):
        OBJECT_RULES.setdefault((_v, _o), ("MOBILIZE", "police"))
    for _o in TROOP_OBJECTS:
        OBJECT_RULES.setdefault((_v, _o), ("MOBILIZE", "troops"))
for _v in ("amass", "concentrate", "muster", "assemble", "redeploy"):
    for _o in TROOP_OBJECTS:
        OBJECT_RULES[(_v, _o)] = ("MOBILIZE", "troops")
# fewer troops is a de-escalation (CAMEO 087); moving one's troops or people out is a withdrawal
for _v in ("reduce", "cut", "thin", "scale", "halve", "demobilize", "demobilise", "evacuate"):
    for _o in TROOP_OBJECTS | {"troop", "soldier", "garrison", "garrisons", "contingent", "presence", "positions",
                               "position", "base", "bases"}:
        OBJECT_RULES[(_v, _o)] = ("RETREAT", "withdraw")
OBJECT_RULES[("give", "up")] = ("RETREAT", None)
for _v in ("vow", "promise", "swear", "threaten", "pledge", "seek"):
    for _o in ("revenge", "retaliation", "retribution", "reprisal", "reprisals", "vengeance"):
        OBJECT_RULES[(_v, _o)] = ("THREATEN", "violence")
OBJECT_RULES[("put", "forward")] = ("REQUEST", None)  # "put forward a proposal" (CAMEO 02/10, as PETRARCH's "propose")
for _v in ("submit", "present", "unveil", "table", "make", "float"):
    for _o in ("proposal", "proposals", "peace plan", "plan", "initiative"):
        OBJECT_RULES.setdefault((_v, _o), ("REQUEST", None))
for _v in ("give", "grant", "lend", "voice", "express", "declare", "pledge"):
    for _o in ("approval", "blessing", "endorsement", "backing"):
        OBJECT_RULES[(_v, _o)] = ("SUPPORT", None)
for _v in ("roll", "bring", "ferry", "truck", "fly", "airlift", "rush", "pour"):
    for _o in TROOP_OBJECTS:
        OBJECT_RULES[(_v, _o)] = ("MOBILIZE", "police" if _o in ("police", "policemen") else "troops")
OBJECT_RULES[("take", "over")] = ("COERCE", "seize")  # by civilians a protest (see _make_event)
for _v in ("set", "erect", "put", "build", "man"):  # roadblocks: the state restricts, civilians obstruct
    for _o in ("roadblock", "roadblocks", "barricade", "barricades"):
        OBJECT_RULES[(_v, _o)] = ("COERCE", "restrict")
for _o in ("food", "meals", "meal", "water"):
    OBJECT_RULES[("refuse", _o)] = ("PROTEST", "hunger")
# widening freedoms is a concession (CAMEO 081-083)
for _v in ("enhance", "expand", "restore", "grant", "guarantee", "broaden", "extend", "widen", "promise_x"):
    for _o in ("freedom", "freedoms", "rights", "liberties", "autonomy", "pluralism", "democracy"):
        OBJECT_RULES.setdefault((_v, _o), ("CONCEDE", None))
for _o in ("reform", "reforms", "elections", "referendum"):
    OBJECT_RULES.setdefault(("introduce", _o), ("CONCEDE", None))
    OBJECT_RULES.setdefault(("allow", _o), ("CONCEDE", None))
for _o in ("alert", "readiness"):
    OBJECT_RULES[("raise", _o)] = ("MOBILIZE", "troops")
    OBJECT_RULES[("heighten", _o)] = ("MOBILIZE", "troops")
    OBJECT_RULES[("increase", _o)] = ("MOBILIZE", "troops")
for _v in ("lodge", "file", "register", "issue", "voice", "express"):
    for _o in ("protest", "complaint", "complaints", "objection", "objections", "concern", "condemnation"):
        OBJECT_RULES[(_v, _o)] = ("ACCUSE", "disapprove")
for _o in ("ambassador", "envoy", "diplomat", "charge", "affaires", "d'affaires", "consul", "attache",
           "representative", "diplomats"):
    OBJECT_RULES[("summon", _o)] = ("ACCUSE", "disapprove")
OBJECT_RULES[("pay", "compensation")] = ("RETREAT", "return")
OBJECT_RULES[("grant", "asylum")] = ("AID", None)
OBJECT_RULES[("impose", "sanctions")] = ("SANCTION", None)
OBJECT_RULES[("blow", "up")] = ("COERCE", "seize")

# Verbs that decide the type of the act they govern (xcomp/ccomp/"of"-gerund).
FRAME_TYPES = {
    "agree": "AGREE", "promise": "AGREE", "pledge": "AGREE", "vow": "AGREE", "offer": "AGREE", "swear": "AGREE",
    "commit": "AGREE", "consent": "AGREE", "volunteer": "AGREE", "plan": "AGREE", "intend": "AGREE",
    "decide": "AGREE", "undertake": "AGREE",
    "threaten": "THREATEN", "warn": "THREATEN",
    "refuse": "REJECT", "decline": "REJECT", "reject": "REJECT", "oppose": "REJECT", "veto": "REJECT",
    "ask": "REQUEST", "urge": "REQUEST", "demand": "REQUEST", "call": "REQUEST", "appeal": "REQUEST",
    "press": "REQUEST", "request": "REQUEST", "plead": "REQUEST", "order": "REQUEST", "insist": "REQUEST",
    "push": "REQUEST", "seek": "REQUEST", "implore": "REQUEST", "tell": "REQUEST", "instruct": "REQUEST",
    "accuse": "ACCUSE", "blame": "ACCUSE", "condemn": "ACCUSE", "criticize": "ACCUSE",
    "criticise": "ACCUSE", "denounce": "ACCUSE", "charge": "ACCUSE", "complain": "ACCUSE",
    "investigate": "ACCUSE", "indict": "ACCUSE", "sue": "ACCUSE",
    "praise": "SUPPORT", "welcome": "SUPPORT", "support": "SUPPORT", "back": "SUPPORT",
    "endorse": "SUPPORT", "defend": "SUPPORT", "thank": "SUPPORT",
    "allow": "CONCEDE", "permit": "CONCEDE", "let": "CONCEDE", "prepare": "MOBILIZE", "fail": "REJECT",
    "express": "AGREE", "signal": "AGREE", "reaffirm": "AGREE",
}
# Frames that keep the governed event when it is conflictual ("agreed to attack" is a threat).
ASPECTUAL = {"resume", "continue", "start", "begin", "keep", "try", "attempt", "stop", "cease", "renew"}
INTENT_FRAMES = {"swear", "express", "signal", "reaffirm", "agree", "promise", "pledge", "vow", "offer", "commit", "plan", "intend", "decide",
                 "undertake", "consent", "volunteer"}
READY_ADJS = {"ready", "willing", "prepared", "eager", "determined", "committed", "keen"}
SPEECH_VERBS = {"say", "tell", "announce", "add", "state", "report", "declare", "claim", "note",
                "stress", "insist", "explain", "reiterate", "conclude", "write", "confirm", "quote",
                "suggest", "indicate", "argue", "believe", "think", "expect", "predict", "hope",
                "assert", "maintain", "acknowledge", "admit", "reply", "respond", "remark"}
NEGATING_FRAMES = {"deny", "dismiss_claim", "refute", "reject_claim"}
DENIABLE = {"accusation", "accusations", "allegation", "allegations", "claim", "claims", "report",
            "reports", "charge", "charges", "responsibility", "involvement"}
ABSTRACT_TARGETS = {"corruption", "poverty", "inflation", "crime", "disease", "unemployment", "drug",
                    "drugs", "fraud", "tax", "taxes", "climate", "hunger", "illiteracy", "terror",
                    "extremism", "racism", "discrimination", "impunity", "pandemic", "virus",
                    "cancer", "fire", "flames", "blaze", "price", "prices", "cost", "costs", "deficit",
                    "rate", "rates", "record", "seat", "seats", "election", "elections", "vote",
                    "case", "market", "share", "shares", "bill", "law", "reform", "plan", "idea",
                    "deadline", "time", "chance", "opportunity", "attention", "note", "step",
                    "steps", "look", "part", "place", "lead", "power", "office", "account"}
NEG_CALL_ADJS = {"reckless", "irresponsible", "unacceptable", "illegal", "dangerous", "absurd",
                 "provocative", "outrageous", "shameful", "ridiculous", "criminal", "illegitimate",
                 "unjust", "disastrous", "hypocritical", "mistake", "provocation", "crime", "lie",
                 "lies", "farce", "disgrace", "threat", "terrorist", "terrorists", "aggression",
                 "invasion", "propaganda", "sham", "betrayal"}
TITLE_NOUNS = {"programme", "program", "show", "film", "movie", "book", "novel", "song", "album",
               "series", "article", "column", "headline", "newspaper", "magazine", "documentary", "play",
               "titled", "entitled", "called", "named", "slogan", "banner", "podcast", "report",
               "study", "paper", "broadcast", "episode", "exhibition", "poem", "opera", "channel"}
QUOTE_CHARS = '"“”„«»'
FUTURE_MARKERS = {"will", "shall", "'ll", "wo"}
PEOPLE_NOUNS = {"personnel", "people", "staff", "expert", "experts", "inspector", "inspectors", "observer",
                "observers", "monitor", "monitors", "delegation", "team", "teams", "official", "officials",
                "diplomat", "diplomats", "envoy", "envoys", "member", "members", "worker", "workers", "adviser",
                "advisers", "advisors", "doctor", "doctors", "letter", "letters", "message", "messages",
                "delegate", "delegates", "representative", "representatives", "journalist", "journalists"}
NON_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "WORK_OF_ART",
                  "LAW", "EVENT", "LANGUAGE", "PRODUCT"}
QUANTITY_HEADS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions",
                  "group", "groups", "crowd", "crowds", "number", "some", "many", "scores", "score", "tens"}


@lru_cache(maxsize=1)
def petrarch_verbs() -> tuple[dict, list]:
    """CAMEO verb forms and pattern blocks derived from PETRARCH2 (scripts/build_actor_data.py)."""
    with resources.files("newsgraph").joinpath("data", "events", "verbs.json").open("r", encoding="utf-8") as f:
        d = json.load(f)
    blocks = []
    for b in d["blocks"]:
        idx: dict = {}
        for obj, prep, pnoun, code in b:
            idx.setdefault((obj, prep, pnoun), code)
        blocks.append(idx)
    return d["verbs"], blocks


# Verbs too general to be events on their own; PETRARCH's block defaults code some of them
# ("decide" 030, "die" 190, "according" 060). Their lexicon and object rules still apply.
PETRARCH_STOP = {"die", "accord", "expect", "decide", "want", "insist", "take", "get", "make", "go",
                 "come", "see", "hope", "try", "need", "say", "tell", "show", "find", "think", "believe",
                 "seem", "become", "remain", "continue", "keep", "put", "set", "use", "lead", "know",
                 "look", "give", "bring", "hold", "run", "turn", "leave", "begin", "start", "stand",
                 "follow", "include", "grow", "fall", "rise", "return", "reach", "hit", "pass", "win",
                 "lose", "cost", "add", "report", "publish", "broadcast", "find", "face", "afford",
                 "wait", "speak", "live", "work", "call", "move", "meet", "open", "close", "end",
                 "raise", "cut", "watch", "read", "write", "vote", "elect", "serve", "face", "feel",
                 "happen", "occur", "mark", "note", "suggest", "consider", "describe", "offer", "agree",
                 "ask", "sign", "change", "help", "support", "provide", "send", "receive", "allow",
                 "stress", "emphasize", "emphasise", "quote", "cite", "name", "mean", "let", "like",
                 "prefer", "plan", "intend", "aim", "seek", "study", "survey", "poll", "issue", "claim",
                 "join", "enhance", "dominate", "impose", "promote", "launch", "conduct", "carry", "fail"}
PETRARCH_ROOTS_OK = {"04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17",
                     "18", "19", "20", "02", "03"}


def _petrarch(tok: Token, obj: Optional[Token], preps: list[tuple[str, Optional[Token]]]):
    verbs, blocks = petrarch_verbs()
    lemma = tok.lemma_.lower()
    if tok.dep_ == "prep" or tok.tag_ == "VBG" and tok.dep_ in ("prep", "advmod", "acl") or lemma in PETRARCH_STOP:
        return None
    part = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    entry = verbs.get(f"{lemma} {part}") if part else None
    entry = entry or verbs.get(lemma)
    if not entry:
        return None
    bid, default = entry
    idx = blocks[bid]
    olem = (obj.lemma_.lower(), obj.lower_) if obj is not None else ()
    for prep, pobj in preps:
        plems = (pobj.lemma_.lower(), pobj.lower_) if pobj is not None else ("",)
        for o in olem or ("",):
            for pl in plems:
                code = idx.get((o, prep, pl))
                if code:
                    return code, f"petrarch:{lemma} {o} ({prep} {pl})".replace("  ", " ")
        code = idx.get(("", prep, ""))
        if code:
            return code, f"petrarch:{lemma} ({prep})"
    for o in olem:
        code = idx.get((o, "", ""))
        if code:
            return code, f"petrarch:{lemma} {o}"
    if default and lemma not in PETRARCH_STOP and lemma not in SPEECH_VERBS and default[:2] in PETRARCH_ROOTS_OK \
            and default[:2] != "03":
        return default, f"petrarch-verb:{lemma}"
    return None


# --------------------------------------------------------------------------------------------
# Helpers over the parse
# --------------------------------------------------------------------------------------------
def _obj(tok: Token) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "attr", "oprd"):
            return c
    if tok.lemma_.lower() in LIGHT_VERBS:  # "talks were held", "a curfew was imposed"
        for c in tok.children:
            if c.dep_ == "nsubjpass" and c.lemma_.lower() in NOUNS:
                return c
    for c in tok.children:  # "sanctions were lifted", "the border was reopened"
        if c.dep_ == "nsubjpass" and ((tok.lemma_.lower(), c.lemma_.lower()) in OBJECT_RULES
                                      or (tok.lemma_.lower(), c.lower_) in OBJECT_RULES):
            return c
    for c in tok.children:  # "lifted Friday a blockade": the parser may call it npadvmod
        if c.dep_ == "npadvmod" and c.pos_ == "NOUN":
            return c
    return None


def _preps(tok: Token) -> list[tuple[str, Optional[Token]]]:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative"):
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            out.append((c.lower_, pobj))
        elif c.dep_ == "prt":
            out.append((c.lower_, None))
    return out


RAISING = {"expect", "schedule", "set", "due", "suppose", "believe", "say", "report", "think", "understand",
           "likely", "allege", "see", "plan", "slate"}


def _subject(tok: Token) -> tuple[Optional[Token], bool]:
    """(subject token, passive?) of a verb, climbing xcomp/conj/advcl chains when it has none."""
    t = tok
    via_xcomp = False
    for _ in range(6):
        for c in t.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c, False
            if c.dep_ == "nsubjpass":
                # "Rebels are expected to release": the subject of the raising verb acts
                return c, not (via_xcomp and t.lemma_.lower() in RAISING)
        via_xcomp = t.dep_ == "xcomp"
        if t.dep_ in ("xcomp", "conj", "acomp", "advcl", "pcomp", "relcl", "acl") and t.head is not t:
            if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
                # a sentence whose root is a noun with the verb as its "acl" is a misparse of
                # "X called on ...": the noun acts (unless a by-phrase says otherwise)
                misparsed = t.head.dep_ == "ROOT" and t.tag_ in ("VBN", "VBD") and not any(
                    c.dep_ == "agent" for c in t.children)
                return t.head, t.dep_ == "acl" and t.tag_ == "VBN" and not misparsed
            t = t.head
            if t.dep_ == "prep":
                t = t.head
            continue
        break
    return None, False


def _agent(tok: Token) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "negotiator", "lawyer",
                "source", "official", "adviser", "advisor", "ambassador", "coordinator", "commissioner",
                "mouthpiece", "emissary", "delegate"}
ARMED_HEADS = {"force", "forces", "troops", "troop", "fighter", "fighters", "militia", "militias", "militiaman",
               "militiamen", "guerrilla", "guerrillas", "rebel", "rebels", "soldier", "soldiers", "gunman", "gunmen",
               "army", "unit", "units", "insurgent", "insurgents", "militant", "militants", "commando", "commandos"}


def _np_tokens(head: Token) -> list:
    """The noun phrase of head without the clauses hanging on it (acl, relcl)."""
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("acl", "relcl", "ccomp", "xcomp", "advcl"))
    return sorted(out, key=lambda t: t.i)


def _np_bounds(head: Token) -> tuple[int, int]:
    """Token bounds of the actor phrase: left modifiers, compounds, 'of'-phrases, appositions."""
    lo = hi = head.i
    stack = [head]
    keep = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod", "appos", "flat",
            "prep", "pobj", "punct", "cc", "conj", "npadvmod", "advmod"}
    while stack:
        t = stack.pop()
        lo, hi = min(lo, t.i), max(hi, t.i)
        for c in t.children:
            if c.dep_ not in keep:
                continue
            if c.dep_ == "prep" and c.lower_ not in ("of", "in", "from") and not (
                    c.lower_ == "for" and t is head and head.lemma_.lower() in SPOKES_NOUNS) or c.dep_ == "punct":
                continue  # "a spokesman for the Taliban" speaks for the Taliban
            if c.dep_ == "conj" and t is not head:
                continue
            stack.append(c)
    return lo, hi + 1


def _first_conj_end(head: Token, lo: int, hi: int) -> int:
    for c in head.children:
        if c.dep_ == "cc" and lo <= c.i < hi:
            return c.i
    return hi


class _Ctx:
    """Per-document memory: names already coded, the last person/organisation seen, speakers."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.published = getattr(doc._, "published", None)
        self.text = doc.text  # Doc.text joins every token: read it once
        self.names: dict[str, actor_codes.ActorCode] = {}
        self.last_person: Optional[tuple] = None
        self.last_group: Optional[tuple] = None
        self.last_speaker: Optional[tuple] = None
        self.quotes = list(getattr(doc._, "quotes", None) or [])
        self.main_country: Optional[str] = None
        self.contexts: dict[int, list[str]] = {}
        self.place_country: dict[int, str] = {}  # character offset -> country of the place there
        for p in getattr(doc._, "places", None) or []:
            if getattr(p, "country", None):
                for m in p.mentions:
                    for i in range(m.start, m.end):
                        self.place_country[i] = p.country
        self.countries = set(self.place_country.values())  # every country the article's places are in

    def one_country(self, country: Optional[str]) -> bool:
        """Whether the article names no country but ``country``: only then is an act with no
        target named taken as domestic (in an article about several countries it is a guess)."""
        return self.countries <= {country}


def _is_capital(word: str, country: Optional[str]) -> bool:
    if not country:
        return False
    info = country_info(country)
    return bool(info and (info.get("capital") or "").lower() == word.lower())


def _code_actor(ctx: _Ctx, head: Optional[Token], speaker: Optional[tuple] = None):
    """(entity id, country, sector, start, end, rule) for an actor head token."""
    if head is None:
        return None
    doc = ctx.doc
    low = head.lower_
    if head.pos_ == "PRON" or (low in actor_codes.PRONOUNS and not head.text.isupper()):  # "US" is no pronoun
        # "Hungary has said it will support": the pronoun is the one who speaks
        v = head.head
        for _ in range(4):
            if v.dep_ in ("ccomp", "xcomp", "conj", "acomp") and v.head is not v:
                v = v.head
                if v.lemma_.lower() in SPEECH_VERBS or v.lemma_.lower() in FRAME_TYPES:
                    s = next((c for c in v.children if c.dep_ == "nsubj"), None)
                    if s is not None and s.pos_ != "PRON" and s is not head:
                        coded = _code_actor(ctx, s)
                        if coded:
                            return coded[:5] + ("reported-speaker:" + coded[5],)
                    break
            else:
                break
        if low in ("we", "i", "us", "our", "my") and speaker:
            return speaker[:5] + ("speaker:" + speaker[5],)
        if low in ("he", "she", "him", "her") and ctx.last_person:
            return ctx.last_person[:5] + ("pronoun:" + ctx.last_person[5],)
        if low in ("it", "they", "them") and ctx.last_group:
            return ctx.last_group[:5] + ("pronoun:" + ctx.last_group[5],)
        return None
    if low in ("who", "which", "that") and head.head is not head:
        return None
    if head.lemma_.lower() in QUANTITY_HEADS or head.pos_ == "NUM":
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            head = pobj
    lo, hi = _np_bounds(head)
    hi = max(_first_conj_end(head, lo, hi), head.i + 1)
    # "Our forces": the speaker's country with the head noun's sector
    poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("our", "my")), None)
    # hyphenated names are one word ("al-Qaeda" is tokenised al / - / Qaeda)
    words: list[str] = []
    in_name_l: list[int] = []
    head_k = 0
    for t in doc[lo:hi]:
        glue = words and (t.text == "-" or doc[t.i - 1].text == "-") and not doc[t.i - 1].whitespace_ and t.i > lo
        if glue:
            words[-1] += t.text
        else:
            words.append(t.text)
            if t.ent_type_ == "PERSON" and t.ent_iob_ == "I":
                in_name_l.append(len(words) - 1)
        if t.i == head.i:
            head_k = len(words) - 1
    code = actor_codes.code_words(words, ctx.published, head_k, tuple(in_name_l))
    rule = code.rule
    if poss is not None and speaker and not code.country:
        code.country = speaker[1]
        rule += "+speaker-country"
    # a bare surname met earlier in full ("Kowal" after "Jan Kowal")
    if head.pos_ == "PROPN" and (not code.country or not code.sector) and low in ctx.names:
        prev = ctx.names[low]
        code.country = code.country or prev.country
        code.sector = code.sector or prev.sector
        rule += "+earlier-mention"
    # a place the places component resolved ("shelled Juba" -> SDN)
    if not code.country and head.ent_type_ in ("GPE", "LOC", "FAC") and not any(
            t.lower_ == "ethnic" for t in doc[lo:hi]):
        c = ctx.place_country.get(head.idx)
        if c:
            code.country = c
            rule += "+place-country"
    # a capital city as actor speaks for the government ("Damascus", "Moscow said")
    if code.country and not code.sector and hi - lo == 1 and head.ent_type_ == "GPE" and (
            _is_capital(head.text, code.country) or head.lower_ in ("kremlin",)):
        code.sector = "GOV"
        rule += "+capital"
    ent_id = None
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    if entity_for_span is not None:
        try:
            ent = entity_for_span(doc, head.idx, head.idx + len(head))
        except Exception:  # pragma: no cover - the other component misbehaving must not stop us
            ent = None
        if ent is not None:
            ent_id = ent.id
            if not code.country and getattr(ent, "country", None) and not any(
                    t.lower_ == "ethnic" for t in doc[lo:hi]):
                code.country = ent.country
                rule += "+entity-country"
            if not code.sector:
                for r in getattr(ent, "roles", []) or []:
                    s = actor_codes.ROLE_NOUNS.get(str(r).lower().split()[-1]) if r else None
                    if s:
                        code.sector = s
                        rule += "+entity-role"
                        break
            if code.sector and not getattr(ent, "sector", None):
                try:
                    ent.sector = code.sector
                except Exception:  # pragma: no cover
                    pass
    # remember names for later bare mentions
    for t in doc[lo:hi]:
        if t.pos_ == "PROPN" and (code.country or code.sector):
            ctx.names.setdefault(t.lower_, actor_codes.ActorCode(code.country, code.sector))
    out = (ent_id, code.country, code.sector, start, end, rule or "none")
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and code.sector in ("GOV", "DIP", "MIL", "OPP")
                                      and head.ent_type_ not in ("GPE", "ORG", "NORP")):
        ctx.last_person = out
    elif code.country or code.sector:
        ctx.last_group = out
    return out


# --------------------------------------------------------------------------------------------
# Quotes and titles
# --------------------------------------------------------------------------------------------
def _quoted_regions(sent: SpacySpan) -> list[tuple[int, int, bool]]:
    """(start token, end token, title_like) of the quotation-mark regions in a sentence."""
    marks = [t.i for t in sent if t.text in QUOTE_CHARS or t.text in ("``", "''")]
    out = []
    for a, b in zip(marks[0::2], marks[1::2]):
        inner = [t for t in sent.doc[a + 1:b] if t.is_alpha]
        if not inner:
            continue
        prev = sent.doc[a - 1] if a - 1 >= sent.start else None
        while prev is not None and prev.is_punct and prev.i > sent.start:
            prev = sent.doc[prev.i - 1]
        caps = sum(1 for t in inner if t.text[0].isupper()) / len(inner)
        short_title = len(inner) <= 8 and caps >= 0.6 and len(inner) >= 1 and not any(
            t.dep_ == "ROOT" for t in sent.doc[a + 1:b]) and (len(inner) > 1 or inner[0].pos_ == "PROPN")
        title = bool(prev is not None and prev.lemma_.lower() in TITLE_NOUNS) or short_title
        out.append((a, b, title))
    return out


def _quote_for(ctx: _Ctx, start: int, end: int, cue_tok: Optional[Token]):
    for q in ctx.quotes:
        if q.start <= start and end <= q.end:
            return q
        cue = getattr(q, "cue", None)
        if cue_tok is not None and cue is not None and cue.start <= cue_tok.idx < cue.end:
            return q
    return None


# --------------------------------------------------------------------------------------------
# Trigger classification
# --------------------------------------------------------------------------------------------
def _has_neg(tok: Token) -> bool:
    """"did not attack", "never met", "no talks were held", "without consulting", "failed to reach"."""
    for c in tok.children:
        if c.dep_ == "neg" or c.lower_ in ("never",) and c.dep_ in ("advmod", "neg"):
            return True
        if c.dep_ == "det" and c.lower_ == "no" and tok.pos_ in ("NOUN", "PROPN"):
            return True
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return True
    if tok.dep_ in ("xcomp",) and tok.head.pos_ in ("VERB", "AUX"):
        if tok.head.lemma_ in ("fail", "neglect"):
            return True
        return _has_neg(tok.head) and tok.head.lemma_ in ("try", "manage", "be")
    return False


def _modals(tok: Token) -> set[str]:
    out = set()
    t = tok
    for _ in range(3):
        for c in t.children:
            if c.dep_ == "aux" or c.tag_ == "MD":
                out.add(c.lower_)
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                out.add("if")
        if t.dep_ in ("xcomp", "conj") and t.head is not t:
            t = t.head
            continue
        break
    if tok.dep_ == "advcl":
        for c in tok.children:
            if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                out.add("if")
    # "going to": "is going to attack"
    h = tok.head
    if tok.dep_ == "xcomp" and h.lemma_ == "go" and any(c.tag_ == "VBG" for c in [h]):
        out.add("will")
    return out


def _hypothetical_context(tok: Token) -> bool:
    """Under an 'if' clause, or in the complement of a belief/expectation verb with a modal."""
    t = tok
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return True
        if t.head is t:
            break
        t = t.head
    return False


def _lemma(tok: Token) -> str:
    """The token's lemma, repaired when the lemmatizer stumbles ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    if lemma in VERBS or lemma in LIGHT_VERBS or lemma in FRAME_TYPES:
        return lemma
    low = tok.lower_
    for cut in (1, 2):
        if low.endswith(("ed", "es")) and len(low) > cut + 2:
            c = low[:-cut]
            if c in VERBS or c in LIGHT_VERBS or c in FRAME_TYPES:
                return c
    return lemma


def _classify_verb(tok: Token):
    """(type, mode, rule) for a verb token, or None."""
    lemma = _lemma(tok)
    obj = _obj(tok)
    preps = _preps(tok)
    prep_words = {p for p, _ in preps}
    olem = obj.lemma_.lower() if obj is not None else None
    if obj is not None and olem in QUANTITY_HEADS:  # "deployed hundreds of riot police": what is counted
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            obj, olem = pobj, pobj.lemma_.lower()
    if obj is not None and obj.i >= 2 and obj.nbor(-1).tag_ == "HYPH":  # "a sit-in", "a cease-fire"
        hy = f"{obj.nbor(-2).lower_}-{obj.lower_}"
        if hy in NOUNS:
            olem = hy
    # verb + particle/object rules
    part = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if lemma == "blow" and obj is not None and obj.lower_ in ("himself", "herself", "themselves"):
        return "ASSAULT", "suicide-attack", "lexicon:blow oneself up"
    if lemma in INTENSIFIERS and olem in NOUNS and olem not in ("security", "alert"):
        t, m = NOUNS[olem]  # "stepped up a crackdown", "intensified the shelling": the act itself
        return t, m, f"lexicon:{lemma} {olem}"
    if lemma in ("tell", "instruct", "direct") and obj is not None and _actor_like(obj) and any(
            c.dep_ in ("xcomp", "ccomp") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
            for c in tok.children):
        return "REQUEST", None, f"lexicon:{lemma} X to"  # "told Iraq to cooperate"
    if part in ("off", "out") and lemma in ("call", "break", "pull", "walk") and olem in TALK_NOUNS:
        return "SANCTION", "withdraw", f"lexicon:{lemma} {part} talks"
    if part and (lemma, part) in OBJECT_RULES:
        t, m = OBJECT_RULES[(lemma, part)]
        return t, m, f"lexicon:{lemma} {part}"
    if lemma in ("express", "voice", "offer") and olem in ("regret", "regrets", "remorse") and (
            "to" in prep_words or any(p == "for" and o is not None and any(
                c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in o.children)
                for p, o in preps)):
        return "SUPPORT", None, f"lexicon:{lemma} regret (apology)"  # CAMEO 055
    if olem and ((lemma, olem) in OBJECT_RULES or (lemma, obj.lower_) in OBJECT_RULES):
        t, m = OBJECT_RULES.get((lemma, olem)) or OBJECT_RULES[(lemma, obj.lower_)]
        return t, m, f"lexicon:{lemma} {olem}"
    if lemma in SANCTION_VERBS and obj is not None:
        for t in obj.subtree:
            if (lemma, t.lemma_.lower()) in OBJECT_RULES or (lemma, t.lower_) in OBJECT_RULES:
                ty, m = OBJECT_RULES.get((lemma, t.lemma_.lower())) or OBJECT_RULES[(lemma, t.lower_)]
                return ty, m, f"lexicon:{lemma} .. {t.lower_}"
    if obj is not None and olem == "law" and any(c.lower_ == "martial" for c in obj.children):
        return "COERCE", "martial-law", f"lexicon:{lemma} martial law"
    if obj is not None and olem in ("message", "letter", "note", "expression", "gesture", "declaration") and any(
            g.lemma_.lower() in NOUNS for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"):
        # "a message of condolence", "a letter of protest": what the message carries
        obj = next(g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj" and g.lemma_.lower() in NOUNS)
        olem = obj.lemma_.lower()
        if (lemma, olem) in OBJECT_RULES:
            t, m = OBJECT_RULES[(lemma, olem)]
            return t, m, f"lexicon:{lemma} .. {olem}"
    if obj is not None and (olem in ("day", "week", "month", "series", "round", "wave", "number", "lot", "couple",
                                     "string", "spate", "kind", "type", "form", "state") or olem in QUANTITY_HEADS):
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            obj, olem = pobj, pobj.lemma_.lower()
    if obj is not None and olem in EFFORT_HEADS and lemma in LIGHT_VERBS:
        # "launched a mediation effort", "began a bombing campaign": the event noun modifying the head
        mod = next((c for c in obj.children if c.dep_ in ("compound", "amod") and c.lemma_.lower() in NOUNS), None)
        if mod is not None:
            obj, olem = mod, mod.lemma_.lower()
    if part is None:
        # "pulled its troops out of Somalia", "walked out of the talks": the particle parsed as a
        # preposition or adverb
        p2 = next((c.lower_ for c in tok.children if c.dep_ in ("prep", "advmod") and c.lower_ in (
            "out", "back", "down", "up", "off", "over") and (lemma, c.lower_) in OBJECT_RULES), None)
        if p2:
            t, m = OBJECT_RULES[(lemma, p2)]
            return t, m, f"lexicon:{lemma} .. {p2}"
    if obj is not None and olem == "game" and any(c.lower_ == "war" for c in obj.children) and lemma in LIGHT_VERBS:
        return "COOPERATE", None, f"lexicon:{lemma} war games"
    if obj is not None:
        # "held talks", "imposed a curfew": the noun decides
        if lemma in LIGHT_VERBS and olem in NOUNS:
            t, m = NOUNS[olem]
            if olem == "strike" and any(c.lower_ == "hunger" for c in obj.children):
                m = "hunger"
            if olem in ("exercise", "exercises", "games", "manoeuvres", "maneuvers", "manoeuvre", "maneuver", "drills") and not (
                    any(c.lower_ in ("joint", "combined", "bilateral", "multinational") for c in obj.children)
                    or "with" in prep_words or any(p == "with" for c in obj.children if c.dep_ == "prep"
                                                   for p in (c.lower_,))):
                subj0, _ = _subject(tok)
                if subj0 is None or not any(c.dep_ == "conj" for c in subj0.children):
                    return "MOBILIZE", "troops", f"lexicon:{lemma} {olem} (show of force)"
            if lemma in ("announce", "declare") and t in ("CONSULT", "AID", "ASSAULT", "PROTEST"):
                pass
            else:
                if lemma in ("impose", "reimpose", "declare", "order") and t == "SANCTION":
                    return "SANCTION", None, f"lexicon:{lemma} {olem}"
                if t == "RETREAT" and olem in ("ceasefire", "cease-fire", "truce", "armistice") and lemma not in (
                        "declare", "announce", "observe", "sign", "reach"):
                    return "AGREE" if lemma in ("agree", "accept") else None, None, ""
                return t, m, f"lexicon:{lemma} {olem}"
    # "call": phone call, call for, call on X to, call X reckless, call off
    if lemma == "call":
        if "for" in prep_words or "on" in prep_words or "upon" in prep_words:
            return "REQUEST", None, "lexicon:call for/on"
        oprd = next((c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp")), None)
        if oprd is not None and (oprd.lemma_.lower() in NEG_CALL_ADJS or any(
                t.lemma_.lower() in NEG_CALL_ADJS for t in oprd.subtree)):
            return "ACCUSE", "disapprove", "lexicon:call X <negative>"
        if obj is not None and obj.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") and oprd is None:
            return "CONSULT", "phone", "lexicon:call X"
        return None
    if lemma == "speak" or lemma == "talk":
        phone = any(p in ("by", "over", "on") and o is not None and o.lemma_.lower() in (
            "phone", "telephone", "video", "videoconference", "videolink", "line") for p, o in preps)
        if phone:
            return "CONSULT", "phone", f"lexicon:{lemma} by phone"
        if "with" in prep_words:
            return "CONSULT", None, f"lexicon:{lemma} with"
        return None
    if any(p == "on" and o is not None and o.lemma_.lower() in ("alert", "standby") and (
            o.lower_ == "standby" or any(c.lower_ in ("high", "full", "maximum", "red", "heightened", "combat",
                                                      "highest", "top") for c in o.children) or lemma in ("put", "place"))
           for p, o in preps):
        return "MOBILIZE", "troops", f"lexicon:{lemma} on alert"
    if lemma in ("put", "place") and any(o is not None and o.lemma_.lower() in ("alert", "standby") for p, o in preps):
        return "MOBILIZE", "troops", f"lexicon:{lemma} on alert"
    if lemma in ("put", "place", "take", "keep", "hold") and any(p == "under" and o is not None and o.lemma_.lower() in (
            "investigation", "arrest", "surveillance", "detention", "probe") for p, o in preps):
        o = next(o for p, o in preps if p == "under" and o is not None)
        t, m = ("ACCUSE", "investigate") if o.lemma_.lower() in ("investigation", "probe", "surveillance") else ("COERCE", "arrest")
        return t, m, f"lexicon:{lemma} under {o.lemma_.lower()}"
    if lemma in ("travel", "fly", "go", "head") and "to" in prep_words:
        subj, _ = _subject(tok)
        if subj is not None and (subj.ent_type_ == "PERSON" or subj.lemma_.lower() in (
                "president", "minister", "delegation", "envoy", "leader", "secretary", "king", "premier")):
            return "CONSULT", "visit", f"lexicon:{lemma} to"
    if lemma == "go" and any(p == "on" and o is not None and o.lemma_.lower() in NOUNS for p, o in preps):
        o = next(o for p, o in preps if p == "on" and o is not None and o.lemma_.lower() in NOUNS)
        t, m = NOUNS[o.lemma_.lower()]
        if any(c.lower_ == "hunger" for c in o.children):
            m = "hunger"
        return t, m, f"lexicon:go on {o.lemma_.lower()}"
    if lemma == "take" and any(p == "to" and o is not None and o.lemma_.lower() == "street" for p, o in preps):
        return "PROTEST", "demo", "lexicon:take to the streets"
    if lemma in ("pull", "withdraw", "walk") and any(p in ("of", "from") and o is not None and o.lemma_.lower() in (
            "talk", "talks", "negotiation", "negotiations", "meeting", "summit", "conference", "dialogue",
            "mediation", "process") for p, o in preps):
        return "SANCTION", "withdraw", f"lexicon:{lemma} out of talks"
    if lemma == "find" and any(c.lower_ == "guilty" for c in tok.subtree if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")):
        return "ACCUSE", "disapprove", "lexicon:find guilty"
    if lemma == "receive" and obj is not None and (obj.ent_type_ == "PERSON" or olem in (
            "delegation", "envoy", "minister", "president", "ambassador", "visitor", "leader", "counterpart")):
        return "CONSULT", "visit", "lexicon:receive visitor"
    if lemma == "vote" and "against" in prep_words:
        return "REJECT", None, "lexicon:vote against"
    if lemma == "vote" and "for" in prep_words:
        return "SUPPORT", None, "lexicon:vote for"
    if lemma == "question" and obj is not None and (obj.ent_type_ == "PERSON" or olem in (
            "suspect", "suspects", "detainee", "detainees", "official", "officials", "minister")):
        return "ACCUSE", "investigate", "lexicon:question X"
    if lemma in ("arrive", "deploy", "enter", "land") and any(
            t.lower_ in ("peacekeeping", "peacekeepers", "peace-keeping", "peacekeeper") for t in (
                _subject(tok)[0].subtree if _subject(tok)[0] is not None else [])):
        return "AID", None, f"lexicon:peacekeepers {lemma}"
    if lemma in TRAVEL_VERBS and any(p == "for" and o is not None and NOUNS.get(o.lemma_.lower(), ("",))[0] == "CONSULT"
                                     for p, o in preps):
        # "negotiators return to Geneva for talks", "flew to Cairo for consultations"
        return "CONSULT", None, f"lexicon:{lemma} for talks"
    if lemma == "arrive" and ("in" in prep_words or "at" in prep_words):
        subj, _ = _subject(tok)
        if subj is not None and (subj.ent_type_ == "PERSON" or subj.lemma_.lower() in (
                "president", "minister", "delegation", "envoy", "leader", "secretary", "king", "premier")):
            return "CONSULT", "visit", "lexicon:arrive in"
        return None
    if lemma in ("send", "provide", "give", "deliver", "supply", "ship", "hand", "grant", "offer",
                 "contribute", "dispatch", "rush"):
        # what is sent decides; a noun inside "of"-phrases ("40 trucks of medical aid")
        if obj is not None:
            for t in _np_tokens(obj):  # not into a clause on the object ("a letter urging ... forces")
                tl = t.lemma_.lower()
                if (lemma, tl) in OBJECT_RULES:
                    ty, m = OBJECT_RULES[(lemma, tl)]
                    return ty, m, f"lexicon:{lemma} {tl}"
        if lemma == "offer":
            return "AGREE", None, "lexicon:offer"
        # "send 5,000 helmets to Ukraine": counted goods to a country are aid
        if obj is not None and lemma != "hand" and any(c.dep_ == "nummod" for c in obj.children) and any(
                p == "to" and o is not None and o.ent_type_ == "GPE" for p, o in preps) and \
                obj.ent_type_ not in ("PERSON", "NORP") and obj.lemma_.lower() not in PEOPLE_NOUNS:
            return "AID", None, f"lexicon:{lemma} N goods to a country"
        return None
    if lemma in ("lift", "ease", "relax", "end", "cancel", "shorten", "remove") and obj is not None:
        for t in obj.subtree:
            if (lemma, t.lemma_.lower()) in OBJECT_RULES:
                ty, m = OBJECT_RULES[(lemma, t.lemma_.lower())]
                return ty, m, f"lexicon:{lemma} {t.lemma_.lower()}"
    if lemma in ("fight", "attack", "target", "strike", "kill", "capture", "occupy", "beat", "hit",
                 "shoot", "bomb") and olem in ABSTRACT_TARGETS:
        return None
    if lemma == "strike" and obj is not None or lemma == "hit" and obj is not None and obj.ent_type_ in ("GPE", "FAC", "LOC"):
        return "ASSAULT", "heavy-weapons", f"lexicon:{lemma} X"
    if lemma == "fire" and ("at" in prep_words or "on" in prep_words):
        if olem in ("gas", "cannon", "bullet", "bullets", "grenade", "grenades") and obj is not None and any(
                c.lower_ in ("tear", "water", "rubber", "stun") for c in obj.children):
            return "ASSAULT", None, "lexicon:fire tear gas at"
        return "ASSAULT", "firearms", "lexicon:fire at"
    if lemma == "deny":
        if olem in DENIABLE:
            return "REJECT", None, f"lexicon:deny {olem}"
        return None
    if lemma == "expel":
        if olem in ("diplomat", "diplomats", "ambassador", "envoy", "inspectors", "observers", "monitors"):
            return "SANCTION", "expel", f"lexicon:expel {olem}"
        return "COERCE", "deport", "lexicon:expel"
    if lemma == "charge" and obj is not None and ("with" in prep_words):
        return "ACCUSE", "allege", "lexicon:charge with"
    if lemma == "accept" and olem in ("refugee", "refugees", "migrants"):
        return "AID", None, "lexicon:accept refugees"
    if lemma in ("work", "cooperate") and any(ch.lower_ == "together" for ch in tok.children):
        return "COOPERATE", None, f"lexicon:{lemma} together"
    if lemma == "allow":
        return "CONCEDE", None, "lexicon:allow"
    if lemma in ("seize", "take", "occupy") and obj is not None and (obj.ent_type_ in ("GPE", "LOC", "FAC") or olem in (
            "town", "city", "village", "territory", "area", "region", "province", "stronghold", "base", "airport",
            "hill", "district", "capital", "port", "border", "outpost", "position", "positions", "bridge",
            "airfield", "crossing", "highway", "road", "garrison")):
        return "ASSAULT", None, f"lexicon:{lemma} territory"
    if lemma in ("release", "free") and obj is not None and not (_actor_like(obj) or any(
            c.dep_ == "amod" and c.lower_ in ("kidnapped", "abducted", "detained", "captured", "jailed", "imprisoned")
            for c in obj.children) or olem in (
            "prisoner", "hostage", "detainee", "captive", "inmate", "suspect", "activist", "journalist",
            "soldier", "civilian", "people", "person", "man", "woman", "child", "crew", "sailor", "fund",
            "peacekeeper", "worker", "national", "citizen", "tourist", "hostage", "monitor", "observer",
            "priest", "missionary", "engineer", "doctor", "nurse", "pilot", "businessman", "executive",
            "teacher", "student", "bishop", "nun", "foreigner", "fisherman", "diplomat", "opponent",
            "funds", "asset", "assets", "property", "aid")):
        return None  # "released a report", "released his tax returns"
    if lemma == "ask" and not ("for" in prep_words or any(c.dep_ in ("xcomp",) for c in tok.children) or (
            obj is not None and (olem in AID_OBJECTS or olem in NOUNS))):
        return None  # "asked about", "asked whether": a question, not a request
    if lemma in ("take", "place", "put", "remand", "hold") and any(
            p in ("into", "in", "under") and o is not None and o.lemma_.lower() in ("custody", "detention")
            for p, o in preps):
        return "COERCE", "arrest", f"lexicon:{lemma} into custody"
    if lemma == "strike" and obj is None and _subject(tok)[0] is not None and (
            _subject(tok)[0].lemma_.lower() in WORKER_NOUNS or actor_codes.ROLE_NOUNS.get(
                _subject(tok)[0].lower_) in ("LAB", "EDU")):
        return "PROTEST", "boycott", "lexicon:workers strike"
    if lemma in ("leave", "quit", "exit", "vacate", "evacuate", "abandon") and (obj is None or lemma != "evacuate") and (
            _subject(tok)[0] is not None and _subject(tok)[0].lemma_.lower() in TROOP_OBJECTS | {
                "troop", "soldier", "peacekeeper", "peacekeepers", "force", "unit", "contingent", "garrison"}):
        return "RETREAT", "withdraw", f"lexicon:troops {lemma}"
    if lemma in ("close", "seal") and obj is not None and (obj.ent_type_ in ("GPE", "LOC") or olem in (
            "territory", "territories", "area", "region", "city", "town", "strip", "province", "frontier")):
        return "COERCE", "restrict", f"lexicon:{lemma} territory"
    if lemma in ("order", "tell", "ask") and obj is not None and (
            "out" in prep_words or any(c.dep_ in ("advmod", "prt") and c.lower_ == "out" for c in tok.children)):
        # "ordered the British high commissioner out of the country"
        if olem in DIPLOMAT_NOUNS or obj.lower_ in DIPLOMAT_NOUNS:
            return "SANCTION", "expel", f"lexicon:{lemma} diplomat out"
        return "COERCE", "deport", f"lexicon:{lemma} X out"
    if lemma == "protest" and _subject(tok)[0] is not None and (
            _subject(tok)[0].ent_type_ in ("GPE",) or actor_codes.ROLE_NOUNS.get(_subject(tok)[0].lower_) in (
                "GOV", "DIP")) and not any(c.dep_ == "prep" and c.lower_ in ("outside", "in", "at") for c in tok.children):
        return "ACCUSE", "disapprove", "lexicon:protest (a state's protest is verbal)"
    if lemma == "hack":  # "hacked off the hands", "hacked to death" vs "hacked into the computers" (cyber, CAMEO 176)
        if "into" in prep_words or olem in ("computer", "computers", "network", "networks", "server", "servers",
                                            "account", "accounts", "system", "systems", "website", "email"):
            return "COERCE", "seize", "lexicon:hack into"
        if part in ("off", "up") or "to" in prep_words or obj is not None:
            return "ASSAULT", None, "lexicon:hack"
    if lemma == "blow" and obj is not None and obj.lower_ in ("himself", "herself", "themselves"):
        return "ASSAULT", "suicide-attack", "lexicon:blow oneself up"
    if lemma == "receive" and obj is not None and (obj.lemma_.lower() in actor_codes.ROLE_NOUNS or obj.lower_ in
                                                   actor_codes.ROLE_NOUNS) and actor_codes.ROLE_NOUNS.get(
            obj.lower_, actor_codes.ROLE_NOUNS.get(obj.lemma_.lower())) in ("GOV", "DIP"):
        return "CONSULT", "visit", "lexicon:receive visitor"
    if lemma in ("meet", "visit", "host", "receive") and obj is not None and not _actor_like(obj) and \
            obj.ent_type_ not in ("GPE", "LOC", "FAC", "ORG") and lemma != "host":
        return None  # "meet sales targets", "visit the website"
    if lemma in VERBS:
        t, m = VERBS[lemma]
        if t == "SUPPORT" and lemma == "welcome" and obj is not None and obj.ent_type_ == "PERSON":
            return "CONSULT", "visit", "lexicon:welcome X"
        if lemma == "host":
            return "CONSULT", "visit", "lexicon:host"
        return t, m, f"lexicon:{lemma}"
    res = _petrarch(tok, obj, preps)
    if res:
        pm = plover_from_cameo(res[0])
        if pm:
            return pm[0], pm[1], f"{res[1]} [CAMEO {res[0]}]"
    return None


# --------------------------------------------------------------------------------------------
# The component
# --------------------------------------------------------------------------------------------
class EventExtractor:
    def __init__(self, nlp: Language, name: str = "newsgraph_events"):
        self.name = name
        petrarch_verbs()
        actor_codes.actor_table()
        actor_codes.agents_table()

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.events = extract_events(doc)
        except Exception:  # an odd document must never stop the pipeline
            log.warning("event extraction failed", exc_info=True)
            doc._.events = []
        return doc


@Language.factory("newsgraph_events")
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(nlp, name)


def _frame_of(tok: Token) -> Optional[Token]:
    """The frame verb/adjective that governs tok ("agreed to [withdraw]", "ready to [host]")."""
    h = tok.head
    if h is tok:
        return None
    if tok.dep_ == "acl" and h.lemma_.lower() in INTENT_NOUNS and h.head is not h and \
            h.head.lemma_.lower() in FRAME_TYPES:
        return h.head  # "expressed readiness to resume talks"
    if tok.dep_ in ("xcomp", "dobj") and h.lemma_.lower() in ASPECTUAL and h.dep_ in ("xcomp", "ccomp") \
            and h.head is not h:
        return _frame_of(h)
    if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and (
            h.lemma_.lower() in FRAME_TYPES and not any(c.dep_ in ("xcomp", "ccomp") for c in h.children)):
        return h  # "have sworn to fight until ...": a to-infinitive the parser hung on as a clause
    if tok.dep_ in ("xcomp", "ccomp", "pcomp") or (tok.dep_ == "pobj" and h.dep_ == "prep"):
        cand = h.head if tok.dep_ in ("pobj", "pcomp") and h.dep_ == "prep" else h
        if tok.dep_ in ("pobj", "pcomp") and cand.dep_ in ("dobj", "obj") and cand.head.lemma_.lower() in FRAME_TYPES:
            cand = cand.head
        lem = cand.lemma_.lower()
        if lem in FRAME_TYPES or lem in READY_ADJS or lem in NEGATING_FRAMES:
            return cand
    if tok.dep_ == "xcomp" and h.lemma_.lower() == "be" or tok.dep_ == "xcomp" and h.pos_ == "ADJ":
        if h.lemma_.lower() in READY_ADJS:
            return h
    return None


def _speaker_for(ctx: _Ctx, sent: SpacySpan, regions) -> Optional[tuple]:
    """Who speaks the quoted words in this sentence: the subject of its speech verb outside the
    quotation marks, else the last speaker seen."""
    inside = set()
    for a, b, _ in regions:
        inside.update(range(a, b + 1))
    for t in sent:
        if t.i in inside or t.lemma_.lower() not in SPEECH_VERBS:
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.i not in inside:
            coded = _code_actor(ctx, subj)
            if coded:
                ctx.last_speaker = coded
                return coded
    return ctx.last_speaker


def extract_events(doc: Doc) -> list[Event]:
    ctx = _Ctx(doc)
    events: list[Event] = []
    for sent in doc.sents:
        if len(sent) < 2 or len(sent) > 400:
            continue
        stoks = list(sent)  # iterate the tokens once, not through the Span each time
        regions = _quoted_regions(sent)
        title_toks = set()
        quoted_toks = set()
        for a, b, title in regions:
            quoted_toks.update(range(a, b + 1))
            if title:
                title_toks.update(range(a, b + 1))
        has_quote = bool(regions) or any(t.text in QUOTE_CHARS for t in stoks)
        speaker = _speaker_for(ctx, sent, regions) if has_quote else None
        # subjects coded for pronoun memory, in reading order
        cands = []
        absorbed: set[int] = set()
        inner_of: dict[int, Token] = {}
        for tok in stoks:
            if tok.i in title_toks:
                continue
            c = _candidate(tok)
            if c:
                cands.append((tok, c))
        # special statement pattern: "that is not for X to decide" -> REJECT
        for tok in stoks:
            if tok.lemma_.lower() in ("decide", "determine", "say", "dictate", "judge") and tok.dep_ in (
                    "advcl", "xcomp", "ccomp", "relcl", "acl") and any(
                    c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
                head = tok.head
                if head.lemma_ == "be" and any(c.dep_ == "neg" for c in head.children):
                    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                    cands.append((head, ("REJECT", None, "pattern:not for X to decide", subj)))
        # "Amnesty International said troops tortured detainees": a monitor's report of abuses by
        # others is an accusation (CAMEO 112); the reported act stays an event of its own
        for tok, c in list(cands):
            h = tok.head
            if c[0] in MATERIAL_CONFLICT and tok.dep_ in ("ccomp",) and h.lemma_.lower() in MONITOR_VERBS:
                spk = next((x for x in h.children if x.dep_ == "nsubj"), None)
                doer = next((x for x in tok.children if x.dep_ in ("nsubj",)), None)
                if spk is not None and doer is not None and _is_monitor(spk, ctx.published):
                    cands.append((h, ("ACCUSE", "allege", "pattern:monitor reports abuse", ("MUST", spk, doer))))
        # "Belgrade said the NATO strikes were a crime": calling an act or actor names is disapproval
        for tok in stoks:
            if tok.lemma_ == "be" and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_VERBS and not any(
                    c.dep_ == "neg" for c in tok.children):
                pred = next((c for c in tok.children if c.dep_ in ("attr", "acomp")), None)
                bsubj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                spk = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                if pred is not None and bsubj is not None and spk is not None and bsubj.pos_ != "PRON" and (
                        pred.lemma_.lower() in NEG_CALL_ADJS or any(
                            c.lemma_.lower() in NEG_CALL_ADJS for c in pred.children if c.dep_ in ("amod", "compound"))):
                    cands.append((tok.head, ("ACCUSE", "disapprove", "pattern:say X is <negative>", ("MUST", spk, bsubj))))
        # "removing the sanctions is out of the question", "talks are not an option": ruling an act out
        for tok in stoks:
            if tok.lemma_ != "be":
                continue
            act = next((c for c in tok.children if c.dep_ in ("csubj", "nsubj") and (
                c.i in {t.i for t, _ in cands} or c.lemma_.lower() in NOUNS)), None)
            if act is None:
                continue
            out_q = any(c.lower_ == "out" and any(g.lower_ == "of" and any(q.lemma_.lower() == "question"
                                                                            for q in g.children) for g in c.children)
                        for c in tok.children)
            no_opt = any(c.dep_ == "neg" for c in tok.children) and any(
                c.dep_ == "attr" and c.lemma_.lower() in ("option", "alternative") for c in tok.children)
            if out_q or no_opt:
                spk = next((c for c in tok.head.children if c.dep_ == "nsubj"), None) if (
                    tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_VERBS) else None
                cands = [(t, c) for t, c in cands if t.i != act.i]
                cands.append((tok, ("REJECT", None, "pattern:X is ruled out", ("MUST", spk, _recipient(
                    act, "REJECT")))))
        # frames absorb what they govern
        cand_toks = {t.i for t, _ in cands}
        final = []
        for tok, c in cands:
            frame = _frame_of(tok)
            while frame is not None and frame.i not in cand_toks and frame.lemma_.lower() not in READY_ADJS \
                    and frame.lemma_.lower() not in NEGATING_FRAMES and frame.lemma_.lower() not in FRAME_TYPES:
                frame = _frame_of(frame)
            if frame is not None and frame.i in cand_toks and (
                    frame.lemma_.lower() in FRAME_TYPES or frame.lemma_.lower() in READY_ADJS):
                absorbed.add(tok.i)
                inner_of.setdefault(frame.i, tok)
        cand_type = {t.i: cc[0] for t, cc in cands}
        for j, (tok, c) in enumerate(cands):  # "threatened to attack": what is threatened gives the mode
            if c[0] == "THREATEN" and c[1] is None and tok.i in inner_of:
                ic = next((cc for tt, cc in cands if tt.i == inner_of[tok.i].i), None)
                if ic:
                    cands[j] = (tok, (c[0], _threat_mode(ic), c[2], c[3]))
        for tok, c in cands:
            if tok.i in absorbed:
                continue
            if tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" and cand_type.get(tok.head.i) == c[0]:
                continue  # "struck targets, killing 12": one attack
            final.append((tok, c))
        for j, (tok, c) in enumerate(final):
            inner = inner_of.get(tok.i)
            if tok.lemma_.lower() == "prepare" and inner is None:
                final[j] = None
                continue
            if inner is not None and tok.lemma_.lower() in INTENT_FRAMES and c[0] == "AGREE":
                ic = next((cc for tt, cc in cands if tt.i == inner.i), None)
                if ic and (ic[0] in MATERIAL_CONFLICT or ic[0] == "THREATEN"):
                    final[j] = (tok, ("THREATEN", _threat_mode(ic), f"{c[2]} + {ic[2]} (intent to harm)", c[3]))
                    continue
            if inner is not None and tok.lemma_.lower() in ("order", "force", "compel") and c[0] == "REQUEST":
                ic = next((cc for tt, cc in cands if tt.i == inner.i), None)
                if ic and ic[0] in MATERIAL_CONFLICT:
                    final[j] = (tok, (ic[0], ic[1], f"{c[2]} + {ic[2]} (an order carried out)", c[3]))
            if inner is not None and c[0] == "REQUEST" and c[3] is None and inner.lemma_.lower() in (
                    "support", "back", "recognize", "recognise", "endorse", "help", "assist", "aid"):
                # "urged the European Community to support the PLO": rallying support for a third
                # party (CAMEO 053), aimed at that party
                beneficiary = _obj(inner)
                if beneficiary is not None and _actor_like(beneficiary):
                    final[j] = (tok, ("SUPPORT", None, f"{c[2]} + {inner.lemma_.lower()} (rally support)",
                                      ("MUST", _subject(tok)[0], beneficiary)))
        final = [fc for fc in final if fc is not None]
        n_before = len(events)
        for tok, c in final:
            ev = _make_event(ctx, sent, tok, c, speaker, quoted_toks, len(events) + 1, inner_of.get(tok.i))
            if ev is not None:
                events.append(ev)
        if len(events) == n_before:
            # no verb told the event: an event noun anywhere in the sentence ("in a bombing
            # campaign against ...", "Tuesday's talks on ..."), the one highest in the parse
            fb = _noun_fallback(stoks, title_toks)
            if fb is not None:
                ev = _make_event(ctx, sent, fb[0], fb[1], speaker, quoted_toks, len(events) + 1)
                if ev is not None and (ev.actor_country or ev.actor_sector) and any(
                        k in ev.rule.split("; actor ")[-1] for k in ("text:", "table:", "entity", "speaker")):
                    # only with an actor the text names
                    events.append(ev)
        # remember subjects of this sentence for pronouns later on
        for t in stoks:
            if t.dep_ in ("nsubj", "nsubjpass") and t.i not in title_toks and (
                    t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.lower_ in actor_codes.ROLE_NOUNS):
                _code_actor(ctx, t)
    # de-duplicate: one event per trigger token
    seen = set()
    out = []
    for e in events:
        k = (e.trigger.start, e.type)
        if k in seen:
            continue
        seen.add(k)
        e.id = f"V{len(out) + 1}"
        out.append(e)
    return out


MONITOR_VERBS = {"say", "report", "state", "allege", "claim", "document", "find", "conclude"}
MONITOR_WORDS = {"rights", "watchdog", "monitor", "monitors", "amnesty", "observers", "ombudsman", "investigators",
                 "inspectors", "rapporteur"}


def _is_monitor(spk: Token, published: Optional[str]) -> bool:
    """A rights group, an IGO or its investigators: whose reports of abuses are accusations."""
    words = [t.text for t in spk.subtree]
    if any(w.lower() in MONITOR_WORDS for w in words):
        return True
    code = actor_codes.code_words(words, published)
    return bool(code.country and code.country in actor_codes.IGO_CODES or "nonstate" in code.rule
                and code.sector in (None, "NGO", "HRI"))


NGO_HEADS = {"forum", "foundation", "institute", "watch", "international", "federation", "coalition", "network",
             "society", "alliance", "fund", "trust", "center", "centre", "initiative", "project"}


def _ngo_like(subj: Token) -> bool:
    """A named organisation whose name says it is a civil-society body, not a state's."""
    lo, hi = _np_bounds(subj)
    words = [t for t in subj.doc[lo:hi] if t.pos_ == "PROPN"]
    return bool(words) and (subj.lower_ in NGO_HEADS and subj.pos_ == "PROPN" or any(
        t.lower_ in NGO_HEADS for t in words if t.i >= subj.i - 1))


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _noun_fallback(stoks: list, title_toks: set):
    """(token, candidate) for the event noun highest in the parse of a sentence no verb coded;
    not a negated one ("no talks"), a modifier ("the protest movement"), or a quoted title."""
    best = None
    for t in stoks:
        if t.i in title_toks or t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "amod", "nmod"):
            continue
        lem = t.lemma_.lower()
        if t.i >= 2 and t.nbor(-1).tag_ == "HYPH" and f"{t.nbor(-2).lower_}-{t.lower_}" in NOUNS:
            lem = f"{t.nbor(-2).lower_}-{t.lower_}"
        if lem not in NOUNS or lem in ("violence", "war", "alert", "emergency", "offer", "promise",
                                       "commitment", "treaty", "ties", "agreement", "deal", "accord"):
            continue  # too general to name an event by itself
        if any(c.dep_ == "neg" or c.lower_ == "no" for c in t.children):
            continue
        if t.dep_ == "pobj" and t.head.lower_ in ("at", "during", "after", "before", "since", "following", "amid",
                                                  "despite", "until", "under", "about", "like"):
            continue  # the setting or time of something else ("at a rally", "after the bombing", "under investigation")
        if t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "ROOT", "attr"):
            continue
        v = t.head
        while v.pos_ not in ("VERB", "AUX") and v.i != v.head.i:
            v = v.head
        if any(c.dep_ == "neg" for c in v.children) or any(c.lower_ == "comment" for c in t.subtree):
            continue  # "did not respond to requests for comment"
        if t.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "det" and c.lower_ in (
                "the", "this", "these", "that", "those") for c in t.children):
            continue  # "the talks ended": an event told before
        d = _depth(t)
        if best is None or d < best[0]:
            best = (d, t, lem)
    if best is None:
        return None
    t, lem = best[1], best[2]
    ty, m = NOUNS[lem]
    return t, (ty, m, f"noun:{lem} (sentence fallback)", None)


HEAVY_WEAPON_HEADS = {"tank", "tanks", "artillery", "warplane", "warplanes", "jet", "jets", "aircraft", "helicopter",
                      "helicopters", "gunship", "gunships", "bomber", "bombers", "warship", "warships", "navy",
                      "howitzer", "howitzers", "drone", "drones", "fighter-bomber", "fighter-bombers", "planes"}
LEADER_NOUNS = {"leader", "leaders", "chief", "minister", "president", "mayor", "governor", "official", "officials",
                "commander", "cleric", "deputy", "politician", "judge", "general", "premier", "senator", "envoy",
                "ambassador", "diplomat", "chairman", "head", "prosecutor", "legislator", "lawmaker", "mp"}


def _threat_mode(inner) -> Optional[str]:
    """PLOVER THREATEN mode from the threatened act (CAMEO 131-139 in CAMEO2PLOVER-2021)."""
    t, m = inner[0], inner[1]
    if t == "PROTEST" and m in ("boycott", "obstruct"):
        return "restrict"  # 1312 threaten to boycott, 1381 threaten blockade
    if t == "ASSAULT":
        return "violence"
    if t == "COERCE":
        return {"ban": "ban", "seize": "territory", "deport": "expel"}.get(m or "", "restrict")
    if t == "SANCTION":
        return "expel" if m == "expel" else "relations"
    if t == "PROTEST":
        return "relations"
    return None


def _candidate(tok: Token):
    """(type, mode, rule, forced_subject) when tok triggers an event, else None."""
    # "Russia said Sudan must return the helicopter": a demand by the speaker on the subject
    if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_VERBS | {"demand", "insist"} and any(
            c.lower_ in ("must", "should") and c.dep_ == "aux" for c in tok.children):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        speaker = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and speaker is not None and subj.lower_ not in ("we", "i", "it") and (
                subj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or subj.pos_ == "PROPN"
                or subj.lemma_.lower() in actor_codes.ROLE_NOUNS):
            return "REQUEST", None, f"pattern:{tok.head.lemma_} X must", ("MUST", speaker, subj)
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "fail":
        # "failed to reach agreement": a failed cooperation is a rejection (CAMEO 12)
        x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        inner = _classify_verb(x) if x is not None and x.pos_ == "VERB" else None
        if inner and inner[0] and (inner[0] in COOPERATIVE or inner[0] == "AGREE"):
            return "REJECT", None, f"frame:fail to ({inner[2]})", None
        return None
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "prepare":
        # "the army prepared to resume shelling": readiness to use force is a show of force
        x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        while x is not None and x.lemma_.lower() in ("resume", "start", "begin", "launch", "continue"):
            nx = next((c for c in x.children if c.dep_ in ("xcomp", "dobj")), None)
            if nx is None:
                break
            x = nx
        inner = _classify_verb(x) if x is not None and x.pos_ == "VERB" else None
        inner = inner or (NOUNS.get(x.lemma_.lower()) + ("",) if x is not None and x.lemma_.lower() in NOUNS else None)
        if inner and inner[0] in ("ASSAULT", "MOBILIZE"):
            return "MOBILIZE", "troops", "frame:prepare to use force", None
        return None
    if tok.lemma_.lower() in ("come", "be", "remain") and tok.pos_ in ("VERB", "AUX"):
        # "Russian troops came under attack from Chechen rebels": the subject is the target
        on = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"
                   for g in c.children if g.dep_ == "pobj"), None)
        if on is not None and tok.lemma_.lower() in ("be", "remain") and NOUNS.get(on.lemma_.lower(), ("",))[0] == "PROTEST":
            m = "hunger" if any(c.lower_ == "hunger" for c in on.children) else NOUNS[on.lemma_.lower()][1]
            return "PROTEST", m, f"pattern:be on {on.lemma_.lower()}", None  # "have been on hunger strike"
        under = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "under"
                      for g in c.children if g.dep_ == "pobj"), None)
        if under is not None:
            ul = under.lemma_.lower()
            tm = ("ASSAULT", "firearms") if ul in ("fire", "gunfire") else NOUNS.get(ul)
            if tm and tm[0] in ("ASSAULT", "ACCUSE", "COERCE", "THREATEN", "SANCTION"):
                src = next((g for c in list(tok.children) + list(under.children)
                            if c.dep_ == "prep" and c.lower_ in ("from", "by") for g in c.children if g.dep_ == "pobj"),
                           None)
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    return tm[0], tm[1], f"pattern:come under {ul}", ("MUST", src, subj)
    if tok.pos_ == "VERB" and tok.dep_ in ("amod", "compound", "nmod"):
        return None  # "the disputed area", "a wanted man": participles used as adjectives
    if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.lemma_ != "be" and tok.dep_ == "ROOT"):
        res = _classify_verb(tok)
        if res and res[0]:
            return res[0], res[1], res[2], None
        return None
    if tok.pos_ == "ADJ" and tok.lemma_.lower() in READY_ADJS:
        # "is ready to host talks": the intention to do what follows
        x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if x is not None:
            inner = _classify_verb(x) if x.pos_ in ("VERB", "AUX") else None
            t = inner[0] if inner and inner[0] else None
            if t is not None:
                return ("AGREE" if t in COOPERATIVE or t == "AGREE" else "THREATEN"), None, \
                    f"frame:{tok.lemma_} to ({inner[2]})", None
            if x.pos_ == "VERB" and x.lemma_.lower() in WILLING_ACTS:
                # "willing to freeze its nuclear programme": an intention to give something up (CAMEO 03)
                return "AGREE", None, f"frame:{tok.lemma_} to {x.lemma_.lower()}", None
        return None
    if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in NOUNS:
        lem = tok.lemma_.lower()
        h = tok.head
        # event noun as subject of a non-event verb ("shelling continued", "protests erupted")
        if tok.dep_ in ("nsubj",) and h.pos_ == "VERB" and h.lemma_ != "be" and _classify_verb(h) is None:
            if any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those")
                   for c in tok.children) and lem not in ("shelling", "fighting", "bombing") and _by_agent(tok) is None:
                return None  # "the talks ended": an event told before (unless "the arrest of X by Y")
            t, m = NOUNS[lem]
            return t, m, f"noun:{lem} (subject)", None
        # "could be a guarantor": predicate noun of a copula
        if tok.dep_ == "attr" and h.lemma_ == "be" and lem in ("guarantor", "mediator"):
            return "AGREE", None, f"noun:be {lem}", None
        # "killed in the attack": an event noun in a prepositional phrase of a non-event verb
        return None
    return None


def _place_of(ctx: _Ctx, tok: Token, sent: SpacySpan, recipient_tok: Optional[Token]):
    """Place id (from the places component) for an event: "in/near/at X" on the trigger, or a
    place-like recipient ("shelled the city of Kharkiv")."""
    cands = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "near", "at", "outside", "around", "on", "into"):
            for g in c.children:
                if g.dep_ == "pobj":
                    cands.append(g)
    if recipient_tok is not None:
        cands.append(recipient_tok)
    for g in cands:
        span = [t for t in g.subtree if t.ent_type_ in ("GPE", "LOC", "FAC") or t.pos_ == "PROPN"
                and t.ent_type_ not in NON_ACTOR_ENTS and t.ent_type_ not in ("PERSON", "NORP")]
        if not span:
            continue
        a, b = span[0].idx, span[-1].idx + len(span[-1])
        if place_for_span is not None:
            try:
                pid = place_for_span(ctx.doc, a, b)
            except Exception:  # pragma: no cover
                pid = None
            if pid:
                return pid, g
        return None, g
    if place_for_span is not None:
        # no place phrase on the trigger: the places component's reading of the clause (a place
        # phrase on its verb, else the sentence's one place: "Albanians in south Serbia are demanding")
        try:
            return place_for_span(ctx.doc, tok.idx, tok.idx + len(tok)), None
        except Exception:  # pragma: no cover
            return None, None
    return None, None


def _recipient(tok: Token, kind_type: str) -> Optional[Token]:
    """The target of an event trigger."""
    if tok.dep_ == "nsubjpass" or any(c.dep_ == "nsubjpass" for c in tok.children):
        sp = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if sp is not None:
            return sp
    obj = _obj(tok)
    # "withdraw its troops", "recalled their ambassador": the actor's own people are no recipient
    own = obj is not None and (any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our", "my")
                                   for c in obj.children) or kind_type == "MOBILIZE" and obj.lemma_.lower() in (
        TROOP_OBJECTS | {"troop", "warship", "ship", "tank", "jet", "reservist", "reservists"}))  # "massed troops on the border": the troops moved are the actor's
    if obj is not None and not own and kind_type in ("ACCUSE", "ASSAULT", "COERCE", "SUPPORT", "CONSULT", "REQUEST",
                                         "SANCTION", "THREATEN", "PROTEST", "REJECT", "AID", "AGREE",
                                         "COOPERATE", "RETREAT", "CONCEDE", "MOBILIZE"):
        # objects that are actors; an event noun object is not a recipient
        if obj.lemma_.lower() not in NOUNS and obj.lemma_.lower() not in AID_OBJECTS and (
                obj.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC") or
                obj.lemma_.lower() in actor_codes.ROLE_NOUNS or obj.pos_ == "PROPN" or
                any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in obj.doc[_np_bounds(obj)[0]:obj.i])):
            return obj
    preps = ("with", "against", "to", "on", "at", "from", "outside", "for", "into", "of")
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ not in NON_ACTOR_ENTS and (
                        g.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or g.pos_ == "PROPN"
                        or g.lemma_.lower() in actor_codes.ROLE_NOUNS):
                    if c.lower_ == "for" and kind_type not in ("AID",):
                        continue
                    return g
        if c.dep_ == "dative":
            return c
    # "condemned Israel's raids on Lebanon", "rejected the U.S. proposal": a statement about an act
    # is aimed at whoever did it, not at the act's own target
    if obj is not None and kind_type in ("ACCUSE", "SUPPORT", "REJECT") and obj.lemma_.lower() not in (
            "people", "government", "leader", "leaders"):
        for c in obj.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < obj.i and c.lower_ not in (
                    "its", "their", "his", "her", "our") and (c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")):
                return c
    # the object's own phrase: "the attack on the convoy", "its border crossing with Syria"
    if obj is not None:
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "to", "for", "of", "between"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.ent_type_ not in NON_ACTOR_ENTS and (
                            g.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or g.pos_ == "PROPN"
                            or g.lemma_.lower() in actor_codes.ROLE_NOUNS):
                        return g
    # "demanded that the US cancel ...": the subject of the demanded/alleged clause
    if kind_type in ("REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT", "AGREE"):
        for c in tok.children:
            if c.dep_ == "ccomp":
                sj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if sj is not None and sj.pos_ != "PRON" and _actor_like(sj):
                    return sj
    # "rejected an Indian proposal", "support Turkey's efforts": whose thing the object is
    if obj is not None:
        for c in obj.children:
            if c.dep_ in ("poss", "amod", "compound") and c.i < obj.i and (
                    c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.pos_ == "PROPN"):
                return c
    return None


def _actor_like(t: Token) -> bool:
    return t.ent_type_ not in NON_ACTOR_ENTS and (
        t.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or t.pos_ == "PROPN"
        or t.lemma_.lower() in actor_codes.ROLE_NOUNS or t.lower_ in actor_codes.ROLE_NOUNS)


def _make_event(ctx: _Ctx, sent: SpacySpan, tok: Token, c, speaker, quoted_toks: set, n: int,
                inner: Optional[Token] = None) -> Optional[Event]:
    type_, mode, rule, forced_subj = c
    doc = ctx.doc
    lemma = tok.lemma_.lower()
    # ---- subject / actor
    if tok.pos_ == "NOUN" or tok.pos_ == "PROPN":
        subj, passive = None, False
        # "Russian shelling", "Israel's invasion": the noun's own modifiers
        for ch in tok.children:
            if ch.dep_ in ("poss", "amod", "compound") and (ch.ent_type_ in ("NORP", "GPE", "ORG") or ch.pos_ == "PROPN"):
                subj = ch
        if tok.dep_ == "attr":  # "Moscow could be a guarantor"
            subj = next((ch for ch in tok.head.children if ch.dep_ == "nsubj"), None)
        if subj is None:
            # "the arrest of the opposition leader by Malaysian police"
            subj = _by_agent(tok)
        if subj is None:
            # "talks between Iran and Iraq": the first party acts, the second is the recipient
            subj = _between_first(tok)
        if subj is None and "sentence fallback" in rule:
            # the noun of a clause no verb coded: the subject of the verb it hangs on acts
            v = tok.head
            while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
                v = v.head
            if v.pos_ in ("VERB", "AUX"):
                subj, passive = _subject(v)
                if passive:
                    subj, passive = _agent(v), False
    else:
        subj, passive = _subject(tok)
        if subj is not None and tok.dep_ == "acl" and subj.i == tok.head.i and not _actor_like(subj) \
                and subj.dep_ in ("dobj", "pobj") and subj.lemma_.lower() in DOCUMENT_NOUNS:
            # "issued a statement condemning", "signed a decree expelling": the issuer acts
            v = subj.head if subj.dep_ == "dobj" else subj.head.head
            s2 = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if s2 is not None:
                subj, passive = s2, False
        if subj is None:
            r = tok
            while r.dep_ in ("xcomp", "conj") and r.head.i != r.i:
                r = r.head
            if r.dep_ == "ROOT" and r.pos_ in ("VERB", "AUX"):
                subj = _left_subject(r)
        if passive and lemma in ("commit", "determine", "prepare", "dedicate", "resolve", "oblige") and _agent(tok) is None:
            passive = False
    if forced_subj is not None and rule.startswith("pattern:not for"):
        recipient_tok = forced_subj
        subj, passive = None, False
    elif isinstance(forced_subj, tuple) and forced_subj[0] == "MUST":
        subj, recipient_tok, passive = forced_subj[1], forced_subj[2], False
    else:
        recipient_tok = None
    if passive and type_ == "MOBILIZE" and _agent(tok) is None:
        passive = False  # "troops were deployed": the troops' side moves
    if passive:
        agent = _agent(tok)
        if recipient_tok is None:
            recipient_tok = subj
        subj = agent
    if subj is not None and subj.lower_ in ("percent", "%") or subj is not None and any(
            ch.lower_ in ("percent", "%") for ch in subj.subtree):
        return None  # "71 percent of Poles support ...": a poll, not an event
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("stop", "cease", "halt", "suspend", "end", "quit") and (
            type_ in COOPERATIVE or type_ in ("AGREE", "CONSULT")):
        # "will stop cooperating with the inspectors": ending cooperation reduces relations (CAMEO 16)
        type_, mode = "SANCTION", "discontinue" if type_ in ("AID", "COOPERATE") else "withdraw"
        rule += f"; {tok.head.lemma_.lower()} + cooperation -> SANCTION"
    in_quote = tok.i in quoted_toks
    # ---- flags
    modals = _modals(tok.head if tok.dep_ == "attr" else tok)
    frame = _frame_of(tok)
    negated = _has_neg(tok)
    o0 = _obj(tok) if tok.pos_ == "VERB" else None
    if o0 is not None and o0.lemma_.lower() in NOUNS and _has_neg(o0):
        negated = True  # "no talks were held", "held no talks"
    hypothetical = bool(modals & {"could", "might", "may", "should", "if", "can"}) or _hypothetical_context(tok)
    future = bool(modals & FUTURE_MARKERS) or any(ch.lower_ == "going" for ch in tok.children) or (
        tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("expect", "schedule", "due", "set", "slate", "plan"))
    head_frame = tok.head if tok.head is not tok else None
    if "would" in modals:
        # backshifted future in reported speech ("said Poland would send aid"), else conditional
        if head_frame is not None and tok.dep_ == "ccomp" and head_frame.lemma_.lower() in SPEECH_VERBS:
            future = True
        else:
            hypothetical = True
    if rule.startswith("pattern:"):
        negated = False
        if "must" in rule:
            hypothetical = future = False
    if frame is not None and frame.lemma_.lower() in NEGATING_FRAMES:
        negated = True
        rule += f"; under '{frame.lemma_}'"
    if head_frame is not None and tok.dep_ == "ccomp" and head_frame.lemma_.lower() in (
            "believe", "think", "expect", "hope", "fear", "suggest", "predict", "speculate"):
        hypothetical = True
    # a refusal in the future or with a modal is a rejection, not a negated cooperation
    if negated and (type_ in COOPERATIVE or type_ == "AGREE") and (future or modals & {"would", "can", "could"}
                                                                  or ctx_modal_neg(tok)):
        rule += f"; 'not {type_}' -> REJECT"
        type_, mode, negated, future, hypothetical = "REJECT", None, False, False, False
    unless = any(ch.dep_ == "advcl" and any(g.lower_ == "unless" for g in ch.children) for ch in tok.children)
    announced = head_frame is not None and head_frame.lemma_.lower() in ("announce", "decide", "declare", "order")
    if (future or unless) and not negated and (type_ in MATERIAL_CONFLICT and not (announced and not unless)
                                               or unless and type_ in COOPERATIVE):
        rule += f"; future/conditional {type_} -> THREATEN"
        type_, mode = "THREATEN", _threat_mode((type_, mode))
    if future and type_ in COOPERATIVE and not negated:
        rule += f"; future {type_} -> AGREE (intention)"
        type_, mode = "AGREE", None
    # ---- actor
    if subj is None and tok.dep_ in ("nsubj",) and tok.pos_ == "NOUN":
        subj = None
    actor = _code_actor(ctx, subj, speaker if in_quote or (subj is not None and subj.lower_ in ("we", "i", "our")) else None)
    if actor is None and in_quote and speaker:
        actor = speaker[:5] + ("speaker:" + speaker[5],)
    if type_ == "ASSAULT" and subj is not None and subj.lemma_.lower() in HEAVY_WEAPON_HEADS and mode in (
            None, "firearms", "explosives") and not any(c.lower_ == "suicide" for c in subj.children):
        mode = "heavy-weapons"  # "Israeli tanks fired ...", "warplanes struck ..."
    if type_ == "ASSAULT" and lemma in ("kill", "shoot", "murder", "gun", "slay") and mode in (None, "firearms"):
        # killing a leader or an official is an assassination (CAMEO 186)
        vic = _obj(tok) if not passive else recipient_tok
        if vic is not None and (vic.lemma_.lower() in LEADER_NOUNS or any(
                c.lemma_.lower() in LEADER_NOUNS for c in vic.children if c.dep_ in ("compound", "appos"))):
            mode = "assassinate"
    if type_ == "ASSAULT" and mode is None:
        for t in sent:
            m2 = WEAPON_MODES.get(t.lemma_.lower())
            if m2:
                mode = m2
                rule += f"; mode from '{t.text}'"
                break
    # violence by civilians or protesters with no weapons named is a riot; so is their burning,
    # looting or seizing of property (CAMEO 145: protest violently), which the state's is not
    crowd = subj is not None and (subj.lemma_.lower() in QUANTITY_HEADS or any(
        c.dep_ == "nummod" for c in subj.children)) and not (actor is not None and actor[2] in STATE_SECTORS | {
            "REB", "UAF", "MIL"})
    if (type_ == "ASSAULT" and mode in (None, "beat") or type_ == "COERCE" and mode == "seize") and actor is not None \
            and (actor[2] in CIVIL_SECTORS or crowd and not actor[2]) and not (
                subj is not None and subj.lemma_.lower() in ARMED_HEADS | {"force"}):  # "opposition forces" fight
        type_, mode = "PROTEST", "riot"
        rule += "; civilian violence -> PROTEST riot"
    # blocking roads is a protest unless the state does it
    civil = _civil_actor(actor, subj)
    if type_ == "ASSAULT" and lemma == "strike" and _obj(tok) is None and civil and actor is not None:
        type_, mode = "PROTEST", "boycott"  # "workers struck": a labour strike
    if type_ == "COERCE" and lemma in ("block", "barricade", "blockade") and not (
            actor is not None and actor[2] in STATE_SECTORS or subj is not None and subj.ent_type_ == "GPE"):
        type_, mode = "PROTEST", "obstruct"  # "rebels blocked the roads"; a state blocking is coercion
    elif type_ == "COERCE" and mode == "restrict" and civil and actor is not None:
        # "shopkeepers shut down their businesses": closing by civilians is a strike (CAMEO 143)
        type_, mode = "PROTEST", "boycott"
        rule += "; civilian restriction -> PROTEST"

    # "was arrested in Lebanon": the state where it happened acts
    if actor is None and passive and type_ in ("COERCE", "ACCUSE"):
        # "was put under investigation in Italy": the "in" may hang on the trigger's own phrase
        inner_preps = [g for ch in tok.children if ch.dep_ == "prep" for x in ch.children if x.dep_ == "pobj"
                       for g in x.children if g.dep_ == "prep"]
        for ch in list(tok.children) + inner_preps:
            if ch.dep_ == "prep" and ch.lower_ == "in":
                g = next((x for x in ch.children if x.dep_ == "pobj"), None)
                if g is not None and g.ent_type_ == "GPE":
                    loc = _code_actor(ctx, g)
                    if loc and loc[1]:
                        actor = (None, loc[1], "GOV", loc[3], loc[4], "location-state")
    # an actor the text names without a country ("President X", "students"): the country its
    # own phrase or, failing that, the sentence talks about (a domestic actor)
    group_of_known = subj is not None and any(
        c.lower_ in ("two", "both", "three", "all") and c.dep_ in ("nummod", "det", "predet") for c in subj.children)
    if group_of_known:  # "the two leaders" are parties named before, not the article's country
        pass
    elif subj is not None and actor is not None and not actor[1] and _ngo_like(subj):
        pass  # "the Third World Water Forum", "Human Rights Watch": no country to guess
    elif actor is not None and not actor[1] and subj is not None and "nonstate" not in actor[5]:
        c2, how = _context_country(ctx, sent, subj, tok, other=recipient_tok)
        if c2:
            actor = actor[:1] + (c2,) + actor[2:5] + (actor[5] + "+" + how,)
    elif actor is None and subj is not None and subj.pos_ in ("NOUN", "PROPN"):
        c2, how = _context_country(ctx, sent, subj, tok, other=recipient_tok)
        if c2:
            actor = (None, c2, None, subj.idx, subj.idx + len(subj), how)
    if recipient_tok is None:
        recipient_tok = _recipient(tok, type_)
    if recipient_tok is None and inner is not None:
        recipient_tok = _recipient(inner, type_)
    if recipient_tok is None and subj is not None and (type_ in ("CONSULT", "AGREE", "SUPPORT", "COOPERATE") or lemma in (
            "clash", "fight", "exchange", "battle", "skirmish", "fighting", "clashes", "war", "gunbattle")):
        conj = next((c for c in subj.children if c.dep_ == "conj" and _actor_like(c)), None)
        if conj is not None:
            recipient_tok = conj
    if recipient_tok is None and subj is not None and (type_ in SYMMETRIC_TYPES or lemma in (
            "clash", "fight", "exchange", "battle", "skirmish", "fighting", "clashes", "war", "gunbattle")):
        # compound actors: "Israeli and Palestinian leaders", "the leaders of Ghana and Togo",
        # "talks between Iran and Iraq": the second party is the recipient
        recipient_tok = _second_party(subj)
    if recipient_tok is None and type_ == "REQUEST":
        recipient_tok = _obj(tok) if _obj(tok) is not None and _obj(tok).lemma_.lower() not in NOUNS else None
    if actor is None and subj is not None and subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
        actor = _code_actor(ctx, tok.head)  # "the rebels, who attacked ...": the antecedent acts
        if actor is not None:
            actor = actor[:5] + (actor[5] + "+antecedent",)
    if actor is None and not passive and (subj is None or subj.pos_ == "PRON"):
        # no subject of its own ("a call for talks", a clause the parser cut loose): the subject of
        # the verb it hangs on, else the country the sentence or the article is about
        v, hops = tok.head, 0
        while v.i != v.head.i and hops < 4 and v.pos_ not in ("VERB", "AUX"):
            v, hops = v.head, hops + 1
        s2 = _subject(v)[0] if v.pos_ in ("VERB", "AUX") and v.i != tok.i else None
        if s2 is not None and s2.pos_ != "PRON" and _actor_like(s2) and (
                recipient_tok is None or s2.i != recipient_tok.i):
            actor = _code_actor(ctx, s2)
            if actor is not None:
                actor = actor[:5] + (actor[5] + "+governing-subject",)
                if not actor[1]:
                    c2, how = _context_country(ctx, sent, s2, tok, other=recipient_tok)
                    if c2:
                        actor = actor[:1] + (c2,) + actor[2:5] + (actor[5] + "+" + how,)

    if actor is None and type_ != "ASSAULT" and (not passive or _agent(tok) is None):
        # nobody named ("sanctions were imposed", "a call for talks"): the country the sentence,
        # else the article, is about (CAMEO coders' usual reading of an unnamed domestic actor)
        c2, how = _context_country(ctx, sent, tok, tok, other=recipient_tok, phrase=False)
        if c2:
            actor = (None, c2, None, tok.idx, tok.idx + len(tok), "unnamed+" + how)
    place_id, place_tok = _place_of(ctx, tok, sent, recipient_tok if type_ in ("ASSAULT", "COERCE", "PROTEST") else None)
    if type_ == "CONSULT" and mode is None and place_id and actor is not None:
        pc = next((p.country for p in (getattr(doc._, "places", None) or []) if p.id == place_id), None)
        rc = None
        if recipient_tok is not None:
            r0 = _code_actor(ctx, recipient_tok)
            rc = r0[1] if r0 else None
        if pc and actor[1] and rc:
            # meeting in one party's country is a visit, elsewhere a third-party meeting (CAMEO 042-044)
            mode = "visit" if pc in (actor[1], rc) else "third-party"
            rule += f"; mode from place ({pc})"
    recipient = _code_actor(ctx, recipient_tok) if recipient_tok is not None else None
    if recipient and actor and recipient[3] == actor[3]:
        recipient = None
    if recipient is not None and not recipient[1] and recipient_tok is not None:
        c2, how = _context_country(ctx, sent, recipient_tok, None, broad=False)
        if c2:
            recipient = recipient[:1] + (c2,) + recipient[2:5] + (recipient[5] + "+" + how,)
    # a generic "government forces" in an article about one country's conflict
    if recipient and not recipient[1] and recipient[2] in ("GOV", "MIL", "COP") and actor and actor[1] and \
            actor[2] in ("REB", "OPP", "CVL"):
        recipient = recipient[:1] + (actor[1],) + recipient[2:5] + (recipient[5] + "+domestic",)
    if (recipient is None or not recipient[1]) and actor is not None:
        # no recipient country in the text's own phrase: a country the event's clause names
        # ("in Kathmandu", "offensive against Iraq"), else, for a domestic act (arrests, protests,
        # curfews, releases ...), the actor's own country, as CAMEO coders do
        rc, how = _recipient_country(ctx, tok, subj, actor, type_, recipient is not None and recipient[2] is not None,
                                     recipient is not None)
        if rc:
            if recipient is None:
                recipient = (None, rc, None, tok.idx, tok.idx + len(tok), how)
            else:
                recipient = recipient[:1] + (rc,) + recipient[2:5] + (recipient[5] + "+" + how,)
    if type_ == "CONSULT" and mode is None and place_id and actor is not None and actor[1] and recipient is not None \
            and recipient[1]:
        pc = next((p.country for p in (getattr(doc._, "places", None) or []) if p.id == place_id), None)
        if pc:  # meeting in one party's country is a visit, elsewhere a third-party meeting
            mode = "visit" if pc in (actor[1], recipient[1]) else "third-party"
            rule += f"; mode from place ({pc})"
    if recipient is not None:
        rule += f"; recipient {recipient[5]}"
    # ---- the record
    start, end = tok.idx, tok.idx + len(tok)
    obj = _obj(tok)
    if tok.pos_ == "VERB" and obj is not None and obj.lemma_.lower() in NOUNS and 0 < obj.i - tok.i <= 4:
        end = obj.idx + len(obj)
    part = next((ch for ch in tok.children if ch.dep_ == "prt"), None)
    if part is not None and part.i == tok.i + 1:
        end = part.idx + len(part)
    # auxiliaries and negation belong to the trigger text ("did not attack", "will meet")
    aux = [ch for ch in tok.children if ch.dep_ in ("aux", "neg") and ch.i < tok.i and tok.i - ch.i <= 3]
    if aux:
        start = min(start, aux[0].idx)
    quote = _quote_for(ctx, start, end, tok)
    date = None
    if date_for_span is not None:
        try:
            date = date_for_span(doc, start, end)
        except Exception:  # pragma: no cover
            date = None
    contexts = ctx.contexts.get(sent.start)
    if contexts is None:
        contexts = ctx.contexts[sent.start] = _contexts(sent)
    # A PETRARCH2 verb code without a pattern is only trusted, as PETRARCH itself did, when the
    # text names the actor ("linked", "exposed", "was fired" are no events by themselves).
    if rule.startswith("petrarch-verb:") and (actor is None or not any(
            k in actor[5] for k in ("text:", "table:", "entity", "speaker", "pronoun"))):
        return None
    if actor is not None:
        rule += f"; actor {actor[5]}"
    return Event(
        id=f"V{n}", type=type_, mode=mode, contexts=contexts,
        actor=actor[0] if actor else None, recipient=recipient[0] if recipient else None,
        actor_country=actor[1] if actor else None, actor_sector=actor[2] if actor else None,
        recipient_country=recipient[1] if recipient else None,
        recipient_sector=recipient[2] if recipient else None,
        date=date, place=place_id, quad=QUAD[type_], cameo_root=cameo_root(type_, mode),
        trigger=Span(start, end, ctx.text[start:end]), sentence=SentenceRef(sent.start_char, sent.end_char),
        quote=quote.id if quote is not None else None, negated=negated, hypothetical=hypothetical and not negated,
        future=future, rule=rule,
    )


DOCUMENT_NOUNS = {"statement", "decree", "letter", "message", "communique", "resolution", "declaration", "order",
                  "law", "note", "bill", "report", "appeal", "speech", "broadcast", "editorial"}
SYMMETRIC_TYPES = {"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "RETREAT"}
# acts that, with no target named, are aimed at the actor's own country (CAMEO's domestic coding)
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "DIP", "SPY"}


def _civil_actor(actor, subj: Optional[Token]) -> bool:
    """Civilians, protesters, workers: not a state, its forces or an armed group."""
    if actor is not None and actor[2]:
        return actor[2] in CIVIL_SECTORS
    if subj is None:
        return actor is None
    if subj.ent_type_ in ("GPE", "ORG", "PERSON") or subj.pos_ == "PRON":
        return False
    return subj.pos_ in ("NOUN", "PROPN")


CIVIL_SECTORS = {"OPP", "CVL", "EDU", "LAB", "AGR", "REL", "REF"}
DOMESTIC_TYPES = {"PROTEST", "COERCE", "CONCEDE", "RETREAT", "REJECT", "ASSAULT", "SANCTION"}


def _left_subject(tok: Token) -> Optional[Token]:
    """A main verb the parser left without a subject ("With the signing of ..., the Sudanese
    government and the rebels have agreed"): the actor noun right before it (past auxiliaries),
    climbing coordinations to their first member."""
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].dep_ in ("aux", "auxpass", "neg", "advmod") and tok.doc[i].head.i == tok.i:
        i -= 1
    if i < tok.sent.start:
        return None
    t = tok.doc[i]
    if t.pos_ not in ("NOUN", "PROPN") or not _actor_like(t):
        return None
    while t.dep_ == "conj" and _actor_like(t.head) and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    return t


def _by_agent(tok: Token) -> Optional[Token]:
    """The actor of an event noun given by a by-phrase ("the arrest of X by Malaysian police"; the
    parser often hangs the by-phrase on X)."""
    of_objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for c in list(tok.children) + [c for g in of_objs for c in g.children]:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            g = next((x for x in c.children if x.dep_ == "pobj"), None)
            if g is not None and _actor_like(g):
                return g
    return None


def _between_first(tok: Token) -> Optional[Token]:
    """'talks between Iran and Iraq' -> Iran (when a second party follows)."""
    # "fighting erupted between Azerbaijani and Armenian forces": the phrase may hang on the verb
    heads = [tok] + ([tok.head] if tok.dep_ in ("nsubj", "attr") and tok.head.i != tok.i else [])
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                g = next((x for x in c.children if x.dep_ == "pobj"), None)
                if g is not None and _actor_like(g) and any(x.dep_ == "conj" and _actor_like(x) for x in g.children):
                    return g
                if g is not None and any(m.dep_ in ("amod", "nmod", "compound") and any(
                        x.dep_ == "conj" for x in m.children) for m in g.children):
                    return g  # "between Indian and Pakistani troops"
    return None


def _second_party(subj: Token) -> Optional[Token]:
    """The second of coordinated actors: 'Israel and Lebanon', 'Israeli and Palestinian leaders',
    'the leaders of Ghana and Togo'."""
    conj = next((c for c in subj.children if c.dep_ == "conj" and _actor_like(c)), None)
    if conj is not None:
        return conj
    for m in subj.children:
        if m.dep_ in ("amod", "compound", "nmod") and m.i < subj.i and (m.ent_type_ in ("NORP", "GPE")
                                                                         or _countries_in([m])):
            conj = next((c for c in m.children if c.dep_ == "conj" and (c.ent_type_ in ("NORP", "GPE")
                                                                         or _countries_in([c]))), None)
            if conj is not None:
                return conj
        if m.dep_ == "prep" and m.lower_ in ("of", "from", "between"):
            g = next((x for x in m.children if x.dep_ == "pobj"), None)
            if g is not None and g.ent_type_ in ("NORP", "GPE", "ORG"):
                conj = next((c for c in g.children if c.dep_ == "conj" and _actor_like(c)), None)
                if conj is not None:
                    return conj
    return None


def _recipient_country(ctx: _Ctx, tok: Token, subj: Optional[Token], actor, type_: str,
                       named_target: bool = False, any_target: bool = False) -> tuple[Optional[str], str]:
    """Recipient country when the recipient's own phrase names none (``named_target``: the text
    names a recipient, e.g. "the opposition", without its country)."""
    ex = set(range(actor[3], actor[4]))  # character offsets of the actor phrase
    skip = set(t.i for t in subj.subtree) if subj is not None else set()
    toks = [t for t in tok.subtree if t.i not in skip and t.idx not in ex]
    c = _countries_in(toks)
    if c is None:
        c = next((ctx.place_country[t.idx] for t in toks if t.idx in ctx.place_country), None)
    if c and c != actor[1]:
        return c, "clause-country"
    if actor[1] and actor[1] not in actor_codes.IGO_CODES and (named_target or (type_ in DOMESTIC_TYPES
                                                                                and ctx.one_country(actor[1]))):
        return actor[1], "domestic"
    # another country the sentence names, outside the actor's phrase and the reporting clause
    # ("Iraq agreed to the plan, the official Kuwaiti news agency said" names no target)
    sent = tok.sent
    rep = set()
    v = tok
    for _ in range(5):
        if v.head.i == v.i:
            break
        if v.head.lemma_.lower() in SPEECH_VERBS:
            for c0 in v.head.children:
                if c0.dep_ in ("nsubj", "nsubjpass"):
                    rep.update(t.i for t in c0.subtree)
        v = v.head
    for t in sent.root.children:
        if t.dep_ in ("nsubj",) and sent.root.lemma_.lower() in SPEECH_VERBS and t.i not in skip:
            rep.update(x.i for x in t.subtree)
    toks = [t for t in sent if t.i not in skip and t.idx not in ex and t.i not in rep]
    c = _countries_in(toks)
    if c and c != actor[1]:
        return c, "sentence-country"
    if actor[1] and actor[1] not in actor_codes.IGO_CODES and not any_target and type_ not in (
            "AGREE", "SUPPORT", "AID", "COOPERATE") and ctx.one_country(actor[1]):  # a promise or help to nobody named: no guess
        return actor[1], "domestic"  # no target named and no other country: a domestic act
    return None, ""


def _countries_in(tokens) -> Optional[str]:
    toks = [t for t in tokens if t.is_alpha or t.text in ("U.S.", "U.N.", "U.K.")]
    for i, t in enumerate(toks):
        if not (t.text[:1].isupper()) or i > 0 and toks[i - 1].lower_ == "ethnic" or (
                t.ent_type_ == "PERSON" and t.ent_iob_ == "I"):
            continue
        if i + 1 < len(toks) and toks[i + 1].lower_ in actor_codes.FEATURE_NOUNS and toks[i + 1].text[:1].isupper():
            continue  # "the Indian Ocean", "the Arabian Sea" name no country
        for n in (3, 2, 1):
            words = [x.text for x in toks[i:i + n]]
            if len(words) < n:
                continue
            g = " ".join(words)
            c = "USA" if g in ("US", "U.S.", "U.S") else actor_codes._country_or_igo(countries_normalise(g))
            if c:
                return c
    return None


def _without(tokens, excluded: set[int]):
    return [t for t in tokens if t.i not in excluded]


INSTITUTIONS = {"embassy", "consulate", "ministry", "office", "headquarters", "parliament", "palace",
                "mission", "base", "compound"}


def _excluded_under(tok: Token, preps=("to", "against", "with", "outside", "on", "from", "into",
                                       "toward", "towards", "over"), depth: int = 0) -> set[int]:
    out: set[int] = set()
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and depth < 3:
            # "threatened to deliver blows to the United States": the complement's targets too
            out.update(_excluded_under(c, preps, depth + 1))
            sj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if sj is not None:
                out.update(t.i for t in sj.subtree)
        elif c.dep_ in ("prep", "dative") and c.lower_ in preps or c.dep_ in ("dobj", "obj", "attr"):
            out.update(t.i for t in c.subtree)
        elif c.dep_ == "prep" and c.lower_ in ("at", "near"):
            g = next((x for x in c.children if x.dep_ == "pobj"), None)
            if g is not None and g.lemma_.lower() in INSTITUTIONS:
                out.update(t.i for t in c.subtree)
    return out


def _context_country(ctx: _Ctx, sent: SpacySpan, head: Token, trigger: Optional[Token] = None,
                     broad: bool = True, other: Optional[Token] = None, phrase: bool = True) -> tuple[Optional[str], str]:
    """Country for an actor the text names without one: from its whole phrase (relative clauses,
    "based in Trinidad", but not "envoy to NATO"), else the first country the sentence mentions
    outside the trigger's object and target phrases, else the article's main country (places
    component). ``broad=False`` stops after the phrase."""
    ex = set()
    if phrase:  # "militias loyal to Jakarta", "rebels backed by Rwanda": whose side they are on
        for t in head.subtree:
            if t.lemma_.lower() in ("loyal", "allied", "backed", "sponsored", "armed", "aligned", "funded") and t.i > head.i:
                for c0 in t.children:
                    if c0.dep_ in ("prep", "agent") and c0.lower_ in ("to", "with", "by"):
                        g = next((x for x in c0.children if x.dep_ == "pobj"), None)
                        c = _countries_in(list(c0.subtree)) or (actor_codes.code_words(
                            [x.text for x in g.subtree], ctx.published).country if g is not None else None)
                        if c:
                            return c, "phrase-country"
    for t in head.subtree:
        if t.dep_ in ("prep", "dative") and t.lower_ in ("to", "against", "with", "toward", "towards"):
            ex.update(x.i for x in t.subtree)
    c = _countries_in(_without(head.subtree, ex)) if phrase else None
    if c:
        return c, "phrase-country"
    if not broad:
        return None, ""
    ex = _excluded_under(trigger) if trigger is not None else set()
    if other is not None:  # the recipient's phrase says nothing about the actor's country
        ex.update(t.i for t in other.subtree)
    # in reported speech the reporter's country says nothing about the actor's
    # ("the Ukrainian ministry said troops try to take the bridge")
    v = trigger
    for _ in range(4):
        if v is None or v.head is v:
            break
        if v.dep_ in ("ccomp", "advcl", "conj", "xcomp") and v.head.lemma_.lower() in SPEECH_VERBS:
            for c0 in v.head.children:
                if c0.dep_ in ("nsubj", "nsubjpass"):
                    ex.update(t.i for t in c0.subtree)
            break
        v = v.head
    c = _countries_in(_without(sent, ex))
    if c:
        return c, "sentence-country"
    # the article's most mentioned country (places component), computed once per document
    if ctx.main_country is None:
        ctx.main_country = ""
        if countries_mentioned is not None:
            try:
                cm = countries_mentioned(ctx.doc)
            except Exception:  # pragma: no cover - the other component misbehaving must not stop us
                cm = None
            if cm and isinstance(cm[0], str):
                ctx.main_country = cm[0]
    return ctx.main_country or None, "article-country"


def ctx_modal_neg(tok: Token) -> bool:
    """'cannot accept', 'will not allow', 'won't meet': a present/future refusal."""
    for ch in tok.children:
        if ch.dep_ == "aux" and ch.lower_ in ("ca", "can", "wo", "will", "would", "shall"):
            return True
    return False


CONTEXT_WORDS = {
    "military": {"troops", "army", "military", "forces", "soldier", "soldiers", "shelling", "missile",
                 "missiles", "tank", "tanks", "ceasefire", "weapons", "war", "offensive", "attack"},
    "humanitarian": {"humanitarian", "aid", "refugee", "refugees", "relief", "medical", "food", "civilians"},
    "diplomatic": {"talks", "embassy", "diplomat", "diplomats", "ambassador", "summit", "negotiations",
                   "treaty", "agreement"},
    "economic": {"trade", "economy", "economic", "tariff", "tariffs", "energy", "investment", "taxes"},
    "legal": {"court", "judge", "trial", "law", "arrest", "arrested", "prosecutor", "charges"},
    "elections": {"election", "elections", "vote", "ballot", "campaign"},
    "corruption": {"corruption", "bribery", "embezzlement"},
    "cbrn": {"nuclear", "chemical", "biological"},
    "refugees": {"refugee", "refugees", "asylum", "migrants"},
}


def _contexts(sent: SpacySpan) -> list[str]:
    words = {t.lower_ for t in sent}
    return [k for k, ws in CONTEXT_WORDS.items() if words & ws]
