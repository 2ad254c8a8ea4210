"""One actor per real-world actor across a store (newsgraph.store.actors), on both back ends.
Records are built by hand (no extractor, no shared data): each article names a few entities the
way the NER and the within-article resolution leave them."""

from __future__ import annotations

import pytest

from newsgraph.record import Entity, Quote, Record, SentenceRef, Span
from newsgraph.store import open_store
from newsgraph.store.actors import clean, junk_reason, name_key, short_form


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    url = str(tmp_path / "actors.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    s = open_store(url)
    yield s
    s.close()


_n = [0]


def article(*ents, published="2016-03-01", outlet="Wire", quote=None, speaker=0):
    """An article naming ``ents`` ((name, type, country) each); with ``quote``, entity number
    ``speaker`` says it."""
    _n[0] += 1
    text = f"Article {_n[0]}. " + ". ".join(e[0] for e in ents) + "."
    entities = []
    for i, (name, type, country) in enumerate(ents):
        at = text.index(name)
        entities.append(
            Entity(id=f"E{i + 1}", name=name, type=type, country=country, mentions=[Span(at, at + len(name), name)])
        )
    quotes = []
    if quote:
        text += f' "{quote}," she said.'
        at = text.index(quote)
        quotes.append(
            Quote(
                id="Q1",
                text=quote,
                start=at,
                end=at + len(quote),
                kind="direct",
                cue_type="speech",
                speaker=f"E{speaker + 1}" if speaker is not None else None,
                speaker_mention=None,
                cue=None,
                addressee=None,
                via=None,
                date=published,
                sentence=SentenceRef(0, len(text)),
                rule="test",
            )
        )
    return Record(
        id=f"r{_n[0]}",
        text=text,
        url=None,
        title=None,
        published=published,
        source=outlet,
        entities=entities,
        quotes=quotes,
        model="test",
        newsgraph_version="0.1.0",
    )


def ids_of(store, *names):
    """The listed actor ids holding these names (one entity name each)."""
    from sqlalchemy import select

    from newsgraph.store import schema as S

    with store.engine.connect() as conn:
        rows = conn.execute(select(S.entities.c.name, S.entities.c.actor_id)).all()
    out = set()
    for name in names:
        found = {a for n, a in rows if n == name}
        assert found, name
        out |= found
    return out


P, O = "PERSON", "ORG"  # noqa: E741


def test_name_keys_and_cleaning():
    assert clean("Donald Trump's") == "donald trump"
    assert clean("Anna Novak‘s") == clean("Anna Novak’s") == "anna novak"  # a quote typed for the apostrophe
    assert junk_reason("Anna Novak‘s", P, None) is None
    assert clean("Sen. Bernie Sanders") == "bernie sanders"
    assert clean("Joseph R. Biden Jr.") == "joseph r biden jr"
    assert short_form("joseph r biden") == short_form("joe biden") != short_form("joe biden jr")
    assert clean("Justice Department", person=False) == "justice department"
    assert name_key("Hillary Clinton", P, "SYR", "2016-01-01") == name_key("Hillary Clinton", P, None, None)
    assert name_key("Clinton", P, None, "2016-01-01") != name_key("Clinton", P, None, "1998-01-01")
    assert name_key("Foreign Ministry", O, "RUS", None) != name_key("Foreign Ministry", O, "UKR", None)


@pytest.mark.parametrize(
    "name,type,country,kind",
    [
        ("State", O, None, "truncated"),
        ("House", O, None, "truncated"),
        ("company", O, None, "common-noun"),
        ("group", O, None, "common-noun"),
        ("Friday", "DATE", None, "weekday"),
        ("Twitter", P, None, "outlet-as-person"),
        ("Trump Says He Will Win Big", P, None, "headline-like"),
        ("his supporters", "OTHER", None, "pronoun-description"),
        ("Ted Cruz and Marco Rubio", "OTHER", None, "several-actors"),
        ("local officials", "OTHER", None, "description"),
        ("Among Latinos", P, None, "description"),
        ("Democratic National Convention", O, None, "event"),
        ("God", O, None, "religion"),
        ("El Niño", O, None, "weather"),  # a climate pattern the NER types ORG
        ("La Nina", O, None, "weather"),
        ("Anna Novak's team", O, None, "entourage"),
        ("Anna Novak’s aides", "OTHER", "USA", "entourage"),
        ("Novak campaign", O, None, "entourage"),
        ("Kowal's Campaign", O, None, "entourage"),
        ("Jan Kowal's spokesman", P, None, "entourage"),
        ("Medicare", O, None, "programme"),  # a programme (programmes.tsv), whatever its country
        ("Medicaid", O, "USA", "programme"),
        ("Kowal Healthy Farms Act", O, None, "programme"),  # a law (programme_heads.tsv)
        ("Northland Free Trade Agreement", "LAW", "USA", "programme"),
        ("Second Amendment", O, None, "programme"),
    ],
)
def test_junk_is_no_actor(name, type, country, kind):
    assert junk_reason(name, type, country) == "junk:" + kind


@pytest.mark.parametrize(
    "name,type,country",
    [
        ("Donald Trump", P, None),
        ("Osama bin Laden", P, None),
        ("Twitter", O, None),
        ("State Department", O, "USA"),
        ("police", O, "UKR"),
        ("Republicans", "NORP", None),
        ("Ludwig van Beethoven", P, None),
        ("Novak Foundation", O, None),  # a body the text names
        ("Northland Rights Campaign", O, None),  # a capitalised noun after a name, no possessive: a body
        ("Council of Economic Advisers", O, "USA"),
        ("Government of National Accord", O, "LBY"),
        ("Kowal administration", O, "USA"),
        ("Northland Health Programme", O, None),  # "programme" also ends bodies' names (World Food Programme)
        ("Bill", P, None),  # a first name, not a bill
    ],
)
def test_actors_are_not_junk(name, type, country):
    assert junk_reason(name, type, country) is None


def corpus(store):
    """The variant sets of issue 11, as the NER leaves them, over two periods."""
    recs = [
        article(("Donald Trump", P, "USA"), ("Hillary Clinton", P, None), ("Barack Obama", P, "USA")),
        article(("Donald Trump", P, None), ("Hillary Rodham Clinton", P, None), ("Bernie Sanders", P, None)),
        article(("Donald J. Trump", P, None), ("Hillary Clinton", P, "USA"), ("Bill Clinton", P, "USA")),
        article(("Trump", O, None), ("Clinton", P, None), ("Obama", P, None)),
        article(("Donald Trump's", P, None), ("Hilary Clinton", P, None), ("Barack Obama", P, "USA")),
        article(("Hillary Clinton", P, None), ("Sanders", O, None), ("Barack Obama", P, "KEN")),
        article(("Hillary Clinton", P, None), ("Sen. Bernie Sanders", P, None), ("Barack Obama", P, "USA")),
        article(("Vladimir V. Putin", P, "RUS"), ("Putin", P, None), ("Vladimir Putin", P, "RUS")),
        article(("Mike Pence", P, None), ("Michael R. Pence", P, "USA"), ("Donald Trump", P, None)),
        article(("Pence", P, None), ("Mike Pence", P, None), ("Trump", P, None)),
        article(("Donald Trump Jr.", P, None), ("Kerry Washington", P, None), ("Washington", P, "USA")),
        # another period: "Clinton" is Bill Clinton
        article(("Bill Clinton", P, "USA"), published="1998-02-01"),
        article(("Bill Clinton", P, "USA"), ("Boris Yeltsin", P, "RUS"), published="1998-02-03"),
        article(("Clinton", P, "USA"), published="1998-02-05"),
        # junk
        article(("State", O, None), ("company", O, None), ("Twitter", P, None), ("Friday", O, None)),
    ]
    for r in recs:
        assert store.add_record(r) is not None
    store.consolidate_actors()


def test_variant_sets_are_one_actor_each(store):
    corpus(store)
    people = {
        "Donald Trump": ["Donald Trump", "Donald J. Trump", "Donald Trump's", "Trump"],
        "Hillary Clinton": ["Hillary Clinton", "Hillary Rodham Clinton", "Hilary Clinton"],
        "Barack Obama": ["Barack Obama", "Obama"],
        "Bernie Sanders": ["Bernie Sanders", "Sen. Bernie Sanders", "Sanders"],
        "Vladimir Putin": ["Vladimir Putin", "Vladimir V. Putin", "Putin"],
        "Mike Pence": ["Mike Pence", "Michael R. Pence", "Pence"],
        "Bill Clinton": ["Bill Clinton"],
    }
    seen = {}
    for who, names in people.items():
        ids = ids_of(store, *names)
        assert len(ids) == 1, (who, ids)
        seen[who] = ids.pop()
        listed = [a for a in store.list_actors(limit=None) if a["id"] == seen[who]]
        assert listed and listed[0]["name"] in names
    assert len(set(seen.values())) == len(seen)  # and no two of them merged
    assert ids_of(store, "Donald Trump Jr.") != {seen["Donald Trump"]}  # the son is another person
    assert ids_of(store, "Washington") != ids_of(store, "Kerry Washington")  # a capital is no surname
    # "Clinton" goes to Hillary in 2016 and to Bill in 1998
    from sqlalchemy import select

    from newsgraph.store import schema as S

    with store.engine.connect() as conn:
        rows = conn.execute(
            select(S.entities.c.actor_id, S.articles.c.published)
            .select_from(S.entities.join(S.articles, S.articles.c.id == S.entities.c.article_id))
            .where(S.entities.c.name == "Clinton")
        ).all()
    assert {(a, p[:4]) for a, p in rows} == {(seen["Hillary Clinton"], "2016"), (seen["Bill Clinton"], "1998")}
    # the country comes from the entities' majority, not one stray article
    obama = [a for a in store.list_actors(limit=None) if a["id"] == seen["Barack Obama"]][0]
    assert obama["country"] == "USA"
    # junk is kept out of actor lists
    listed = {a["name"] for a in store.list_actors(limit=None)}
    assert not listed & {"State", "company", "Twitter", "Friday"}


def actor_column(store, recs, column):
    """Store ``recs``, run the end-of-run pass, and read ``{actor name: column}``."""
    from sqlalchemy import select

    from newsgraph.store import schema as S

    for r in recs:
        assert store.add_record(r) is not None
    store.consolidate_actors()
    with store.engine.connect() as conn:
        q = select(S.actors.c.name, S.actors.c[column]).where(S.actors.c.merged_into.is_(None))
        return dict(conn.execute(q).all())


def test_an_actors_sector_is_the_one_most_of_its_entities_give(store):
    recs = []
    for sector in ["LEG", "LEG", "LEG", "PTY", None, None]:
        r = article(("Ted Cruz", P, "USA"))
        r.entities[0].sector = sector
        recs.append(r)
    for sector in ["GOV", "LEG"]:  # no sector with twice the votes of the next: none
        r = article(("Jon Tester", P, "USA"))
        r.entities[0].sector = sector
        recs.append(r)
    got = actor_column(store, recs, "sector")
    assert got["Ted Cruz"] == "LEG"
    assert got["Jon Tester"] is None


def test_an_actor_no_entity_gives_a_country_takes_its_events_country(store):
    from newsgraph.record import Event, SentenceRef

    def with_event(name, country):
        r = article((name, P, None))
        at = r.entities[0].mentions[0]
        r.events = [
            Event(
                id="V1",
                type="CONSULT",
                mode=None,
                contexts=[],
                actor="E1",
                recipient=None,
                actor_country=country,
                actor_sector=None,
                recipient_country=None,
                recipient_sector=None,
                date=None,
                place=None,
                quad=None,
                cameo_root="04",
                trigger=Span(at.start, at.end, at.text),
                sentence=SentenceRef(0, len(r.text)),
                rule="test",
                confidence=0.9,
            )
        ]
        return r

    recs = [with_event("Hillary Clinton", c) for c in ("USA", "USA", "USA", "GBR")]
    recs += [with_event("Anna Novak", "POL")]  # one event: too little to code her
    recs += [with_event("Jan Kowal", c) for c in ("POL", "CZE")]  # no majority
    got = actor_column(store, recs, "country")
    assert got["Hillary Clinton"] == "USA"
    assert got["Anna Novak"] is None and got["Jan Kowal"] is None


def test_every_merge_is_explained(store):
    corpus(store)
    from newsgraph.store.actors import describe, find

    with store.engine.connect() as conn:
        hid = find(conn, "Hillary Clinton")[0]
        d = describe(conn, hid)
    rules = {n["name"]: n["rule"] for n in d["names"]}
    assert rules["Hilary Clinton"] == "fuzzy"
    assert rules["Clinton"] == "surname"
    assert {rules["Hillary Clinton"], rules["Hillary Rodham Clinton"]} & {"alias", "new"}
    assert all(n["why"] for n in d["names"])
    with store.engine.connect() as conn:
        d = describe(conn, find(conn, "Donald Trump")[0])
    rules = {n["name"]: n["rule"] for n in d["names"]}
    assert rules["Donald J. Trump"] == "variant" and rules["Trump"] == "surname"


def test_the_people_around_a_person_are_neither_the_person_nor_an_actor(store):
    """ "X's team/campaign/aides" is not X, and no actor of its own (issue 11: "Hillary Clinton's
    team" beside "Hillary Clinton's campaign" in the top 100)."""
    for _ in range(3):
        store.add_record(article(("Anna Novak", P, None), ("Anna Novak's campaign", O, None)))
    store.add_record(
        article(("Anna Novak's team", O, None), ("Novak campaign", O, None), ("Novak aides", "OTHER", None))
    )
    store.add_record(article(("Novak Foundation", O, None), ("Anna Novak", P, None)))
    store.consolidate_actors()
    novak = ids_of(store, "Anna Novak")
    around = ids_of(store, "Anna Novak's campaign", "Anna Novak's team", "Novak campaign", "Novak aides")
    assert not around & novak
    listed = {a["id"]: a["name"] for a in store.list_actors(limit=None)}
    assert not around & set(listed)
    assert {listed.get(i) for i in novak} == {"Anna Novak"}
    assert "Novak Foundation" in listed.values()


def test_programmes_and_laws_are_no_actors(store):
    for _ in range(3):
        store.add_record(article(("Medicare", O, "USA"), ("Kowal Healthy Farms Act", O, None), ("Anna Novak", P, None)))
    store.consolidate_actors()
    listed = {a["name"] for a in store.list_actors(limit=None)}
    assert listed == {"Anna Novak"}


def test_titles_and_epithets_fused_to_a_name_are_not_part_of_it(store):
    """ "Crooked Hillary Clinton" (a nickname's epithet, titles.tsv), "Universe Alicia Machado"
    (the title "Miss Universe" cut by the NER): the person named; a real first name stays."""
    # "Rival" before two names met before the names: neither blocks the other as a first name
    store.add_record(article(("Rival Anna Novak", P, None), ("Rival Jan Kowal", P, None)))
    for _ in range(2):
        store.add_record(article(("Anna Novak", P, None), ("Jan Kowal", P, None)))
    store.add_record(
        article(("Crooked Anna Novak", P, None), ("Universe Jan Kowal", P, None), ("Chief Justice Jan Kowal", P, None))
    )
    store.add_record(article(("Sen. Anna Novak", P, None), ("Lyin' Jan Kowal", P, None)))
    store.add_record(article(("Ewa Lis", P, None)))
    store.add_record(article(("Northland Ewa Lis", P, None)))  # the person met in one article is enough
    # Maria and Jan are first names: "Maria Jan Kowal" is her own person
    store.add_record(article(("Maria Lopez", P, None), ("Jan Lis", P, None)))
    store.add_record(article(("Maria Jan Kowal", P, None)))
    store.consolidate_actors()
    assert len(ids_of(store, "Anna Novak", "Crooked Anna Novak", "Sen. Anna Novak", "Rival Anna Novak")) == 1
    kowal = ids_of(store, "Jan Kowal")
    assert ids_of(store, "Universe Jan Kowal", "Chief Justice Jan Kowal", "Lyin' Jan Kowal", "Rival Jan Kowal") == kowal
    assert ids_of(store, "Maria Jan Kowal") != kowal
    assert len(ids_of(store, "Ewa Lis", "Northland Ewa Lis")) == 1
    assert "Ewa Lis" in {a["name"] for a in store.list_actors(limit=None)}  # its name, not the fused one
    from newsgraph.store.actors import describe

    with store.engine.connect() as conn:
        rules = {n["name"]: (n["rule"], n["why"]) for n in describe(conn, kowal.pop())["names"]}
    assert rules["Universe Jan Kowal"][0] == "prefix" and "'universe'" in rules["Universe Jan Kowal"][1]
    assert ids_of(store, "Anna Novak") != ids_of(store, "Maria Lopez")


def test_an_actors_roles_are_its_own_and_each_once():
    """The actor page's roles: one role written several ways counted once; a plural role (a
    group the person was listed in), another party's role and one-offs among many left out."""
    from newsgraph.store.actors import actor_roles

    lists = (
        [["Democratic nominee"]] * 12
        + [["the Democrat nominee"], ["democratic nominee", "Sen."], ["Senator"], ["Senator"], ["senator"]]
        + [["Northland vice-presidential pick"]]
        + [["Northland vice presidential pick"]] * 2
        + [["Democratic presidential candidates"], ["presumptive Republican nominee"], ["chief judge"]]
        + [["Democratic presidential candidate"]] * 2
    )
    got = actor_roles(lists)
    assert got == [
        {"role": "Democratic nominee", "n": 14},
        {"role": "Senator", "n": 4},
        {"role": "Northland vice presidential pick", "n": 3},
        {"role": "Democratic presidential candidate", "n": 2},
    ]
    # few roles: a role met once is shown
    assert actor_roles([["chief judge"], ["mayor"], ["mayor"]]) == [
        {"role": "mayor", "n": 2},
        {"role": "chief judge", "n": 1},
    ]


def test_surname_of_two_equal_people_stays_apart(store):
    for _ in range(2):
        store.add_record(article(("John Smith", P, None), ("Jane Smith", P, None)))
    store.add_record(article(("Smith", P, None)))
    store.consolidate_actors()
    assert len(ids_of(store, "Smith", "John Smith", "Jane Smith")) == 3


def test_a_surname_of_two_words_alone_is_the_person(store):
    """ "Wasserman Schultz" of "Debbie Wasserman Schultz"; not "Paul Jones" of "John Paul Jones"
    when a John and a Paul were met (first names)."""
    store.add_record(article(("Nowak Wolska", P, None), ("Ewa Lis", P, None)))  # met before the full name
    for _ in range(3):
        store.add_record(article(("Ewa Nowak Wolska", P, None), ("Paul Smith", P, None), ("John Smith", P, None)))
    store.add_record(article(("John Paul Jones", P, None)))
    store.add_record(article(("Nowak Wolska", P, None), ("Paul Jones", P, None)))
    store.consolidate_actors()
    assert len(ids_of(store, "Nowak Wolska", "Ewa Nowak Wolska")) == 1
    assert len(ids_of(store, "Paul Jones", "John Paul Jones")) == 2
    assert "Ewa Nowak Wolska" in {a["name"] for a in store.list_actors(limit=None)}


def test_surname_met_before_the_full_name_is_merged_after_the_run(store):
    store.add_record(article(("Novak", P, "CZE")))
    for _ in range(3):
        store.add_record(article(("Anna Novak", P, "CZE")))
    assert len(ids_of(store, "Novak", "Anna Novak")) == 2
    store.consolidate_actors()
    assert len(ids_of(store, "Novak", "Anna Novak")) == 1


def test_split_and_merge_are_reversible(store):
    corpus(store)
    from newsgraph.store.actors import find

    store.add_record(article(("Clinton", P, None), ("Donald Trump", P, None), quote="We will win this", speaker=0))
    hid = ids_of(store, "Hillary Clinton").pop()
    assert store.search_quotes(actor_id=hid, limit=None)
    new = store.split_actor(hid, ["Clinton"])
    bill = ids_of(store, "Bill Clinton")
    assert ids_of(store, "Clinton") - bill == {new}
    assert store.search_quotes(actor_id=new, limit=None) and not store.search_quotes(actor_id=hid, limit=None)
    # a split is remembered: the next "Clinton" of that year goes to the split actor, and the
    # end-of-run pass leaves it alone
    store.add_record(article(("Clinton", P, None)))
    store.consolidate_actors()
    assert ids_of(store, "Clinton") - bill == {new}
    store.merge_actors(new, hid)
    with store.engine.connect() as conn:
        assert find(conn, f"#{new}") == [new]
    assert ids_of(store, "Clinton") - bill == {hid}
    assert store.search_quotes(actor_id=hid, limit=None)
    assert new not in {a["id"] for a in store.list_actors(limit=None)}


def test_boilerplate_is_kept_out_of_rankings(store):
    note = "Editor's note: this article has been updated with comment from the campaign"
    for _ in range(3):
        store.add_record(article(("Ann Editor", P, None), outlet="Daily Example", quote=note, speaker=None))
    said = "We will build the bridge before the winter comes"
    for outlet in ("Daily Example", "Other Paper"):
        store.add_record(article(("Mayor Lee", P, None), outlet=outlet, quote=said))
    # a politician's words repeated by one outlet in many stories stay a statement
    vow = "Mexico will pay for the wall and we will win again"
    for _ in range(3):
        store.add_record(article(("Donald Trump", P, None), outlet="Daily Example", quote=vow))
    texts = [s["text"] for s in store.list_statements(min_sources=2)]
    assert said in texts and vow in texts and note not in texts
    assert note in [s["text"] for s in store.list_statements(min_sources=2, include_boilerplate=True)]


def test_cli_show_merge_split(tmp_path, capsys):
    from newsgraph.cli import main

    db = str(tmp_path / "cli.db")
    s = open_store(db)
    corpus(s)
    s.close()
    assert main(["actors", "why", "Trump", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "surname" in out and "Donald J. Trump" in out
    assert main(["actors", "split", "Donald Trump", "--name", "Donald J. Trump", "--db", db]) == 0
    out = capsys.readouterr().out
    new = int(out.split("#")[-1])
    assert main(["actors", "merge", str(new), "Donald Trump", "--db", db]) == 0
    assert "to undo: newsgraph actors split" in capsys.readouterr().out
    assert main(["actors", "show", "Nobody At All", "--db", db]) == 2
    assert main(["actors", "junk", "--db", db]) == 0
    assert "weekday" in capsys.readouterr().out


def test_upgrade_from_0005_and_resolve(tmp_path):
    """A store at revision 0005 upgrades to the head (0007 adds actor resolution); ``resolve_store`` resolves its entities."""
    from alembic import command
    from alembic.config import Config

    from newsgraph.store.actors import resolve_store
    from newsgraph.store.db import MIGRATIONS, make_engine

    db = str(tmp_path / "old.db")
    engine = make_engine(db)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
    engine.dispose()
    s = open_store(db)  # upgrades
    for r in [article(("Trump", P, None)), article(("Donald Trump", P, None)), article(("Donald J. Trump", P, None))]:
        s.add_record(r)
    with s.engine.begin() as conn:  # as an old store would be: no name keys yet
        from newsgraph.store import schema as S

        conn.execute(S.entities.update().values(name_key=None))
        conn.execute(S.actor_names.delete())
    with s.engine.begin() as conn:
        resolve_store(conn)
    assert len(ids_of(s, "Trump", "Donald Trump", "Donald J. Trump")) == 1
    with s.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    s.close()
