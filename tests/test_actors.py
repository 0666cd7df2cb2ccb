"""Actors: the seeds pinned person by person, hard cases, ids, and curation."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import editorial, pipeline
from generator.config import settings
from generator.curation import load_curation
from generator.extract.actors import make_id
from generator.extract.entities import extract_entities
from generator.leaders import load_leaders
from generator.model import Article

from .conftest import ROOT

SEED1, SEED2 = "000-d467db3020d79956", "002-54ec939b7ca5568c"


@pytest.fixture(scope="module")
def seeds(nlp):
    return pipeline.extract([ROOT / "seeds"], settings(ROOT))


def by_name(corpus, name):
    hits = [a for a in corpus.actors if a.name == name]
    assert len(hits) == 1, f"{name}: {[a.name for a in corpus.actors]}"
    return hits[0]


# name, kind, affiliation, a role title, the articles
PEOPLE = [
    ("Mike Pompeo", "United States", "Secretary of State", {SEED1}),
    ("Donald Trump", "United States", "President", {SEED1, SEED2}),
    ("Kim Jong-un", "North Korea", "leader", {SEED1}),
    ("Xi Jinping", "China", "president", {SEED1}),
    ("Wang Yi", "China", "foreign minister", {SEED1}),
    ("Kang Kyung-wha", "South Korea", "foreign minister", {SEED1}),
    ("Moon Jae-in", "South Korea", "President", {SEED1, SEED2}),
    ("Shinzo Abe", "Japan", "Prime Minister", {SEED1}),
    ("Taro Kono", "Japan", "foreign minister", {SEED1}),
    ("Yang Xiyu", "China", "former Foreign Ministry official", {SEED1}),
    ("Rex W. Tillerson", "United States", "Secretary of State", {SEED2}),
    ("Jim Mattis", "United States", "Defense Secretary", {SEED2}),
    ("Yang Jiechi", "China", None, {SEED2}),
    ("Fang Fenghui", "China", "General", {SEED2}),
    ("Kye Chun-yong", "North Korea", "ambassador to India", {SEED2}),
    ("William J. Perry", "United States", "former Defense Secretary", {SEED2}),
    ("George W. Bush", "United States", "President", {SEED2}),
    ("Barack Obama", "United States", "President", {SEED2}),
    ("Bill Clinton", "United States", None, {SEED2}),
    ("Norah O\u2019Donnell", "CBS News", None, {SEED2}),
]


@pytest.mark.parametrize(
    ("name", "affiliation", "role", "articles"), PEOPLE, ids=[p[0] for p in PEOPLE]
)
def test_seed_people(seeds, name, affiliation, role, articles):
    actor = by_name(seeds, name)
    assert actor.kind == "person"
    assert actor.affiliation == affiliation
    assert set(actor.articles) == articles
    if role:
        assert role in {r.title for r in actor.roles}
    # Roles are tied to the article they come from.
    assert all(r.article in articles for r in actor.roles)


def test_every_person_is_one_actor_and_no_reporter_is(seeds):
    people = {a.name for a in seeds.actors if a.kind == "person"}
    assert people == {p[0] for p in PEOPLE}
    for reporter in (
        "Jane Perlez",
        "Choe Sang-Hun",
        "Motoko Rich",
        "Rick Gladstone",
        "David E. Sanger",
    ):
        assert not any(reporter in (a.name, *a.aliases) for a in seeds.actors)


def test_name_forms_are_merged(seeds):
    assert {"Mr. Pompeo", "Pompeo", "Secretary of State Mike Pompeo"} <= set(
        by_name(seeds, "Mike Pompeo").aliases
    )
    assert {"President Trump", "Mr. Trump"} <= set(by_name(seeds, "Donald Trump").aliases)
    assert {"Mr. Kim", "Chairman Kim"} <= set(by_name(seeds, "Kim Jong-un").aliases)


def test_countries(seeds):
    countries = {a.name: a for a in seeds.actors if a.kind == "country"}
    assert {"United States", "China", "North Korea", "South Korea", "Japan"} <= set(countries)
    assert {"American", "the United States", "America"} <= set(countries["United States"].aliases)
    assert {"Beijing", "Chinese"} <= set(countries["China"].aliases)
    assert {"Pyongyang", "North Korean"} <= set(countries["North Korea"].aliases)


def test_model_mistakes_are_corrected(seeds):
    names = {n for a in seeds.actors for n in (a.name, *a.aliases)}
    for wrong in (
        "Moon Jae",
        "Hidden Cobra",
        "Twitter",
        "State",
        "Defense",
        "U.S.-North Korea",
        "North Korea\u2019s",
        "South Korea\u2019s",
    ):
        assert wrong not in names


@pytest.fixture(scope="module")
def entities(nlp):
    def run(*paragraphs, authors=()):
        art = Article(id="t", path="t", title="t", paragraphs=paragraphs, authors=authors)
        index = extract_entities(art, list(nlp.pipe(paragraphs)))
        return {e.name: e for e in index.entities}

    return run


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("At a news conference in Seoul, officials spoke.", set(), {"South Korea"}),
        ("The proposal was floated by Beijing for months.", {"China"}, set()),
        ("They want a clear appeal for cooperation from Beijing.", {"China"}, set()),
        ("Jane Perlez reported from Beijing on the talks.", set(), {"China", "Jane Perlez"}),
        (
            "Versions were pressed on Pyongyang by Washington.",
            {"North Korea", "United States"},
            set(),
        ),
        ("The Secretary of State spoke.", set(), {"State"}),
        ("It rained all day and nobody came.", set(), None),
    ],
)
def test_capitals_and_nothing(entities, text, present, absent):
    found = entities(text, authors=("Jane Perlez",))
    assert present <= set(found)
    if absent is None:
        assert found == {}
    else:
        assert not absent & set(found)


def test_same_surname_is_not_merged(entities):
    found = entities(
        "Yang Xiyu, a former official, spoke. Yang Jiechi, a diplomat, listened.",
        "Mr. Yang said nothing.",
    )
    assert {"Yang Xiyu", "Yang Jiechi"} <= set(found)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Taro K\u014dno", "taro-kono"),
        ("\uae40\uc815\uc740", "gim-jeong-eun"),
        ("Norah O\u2019Donnell", "norah-o-donnell"),
    ],
)
def test_ids(name, slug):
    assert make_id(name) == slug


# --- curation -----------------------------------------------------------------------


def curated(seeds, tmp_path: Path, text: str):
    from generator.extract.actors import merge_actors
    from generator.model import ArticleFacts

    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    cur = load_curation(path)
    facts = pipeline.parse_and_extract(list(seeds.articles))
    leaders = load_leaders(ROOT / "editorial" / "leaders.yaml")
    assert all(isinstance(f, ArticleFacts) for f in facts)
    actors, _ = merge_actors(facts, leaders, cur, path)
    return {a.name: a for a in actors}


def test_curation_actions(seeds, tmp_path):
    actors = curated(
        seeds,
        tmp_path,
        "drop:\n  - liberty-korea\n"
        "merge:\n  - {actor: white-house, from: [pentagon]}\n"
        "rename:\n  - {actor: taro-kono, name: Taro K\u014dno}\n"
        "set:\n  - {actor: yang-jiechi, role: {title: State Councilor, article: " + SEED2 + "}}\n"
        "  - {actor: national-security-council, affiliation: South Korea}\n"
        "split:\n  - {actor: moon-jae-in, name: Moon (2017 article),\n"
        "            forms: [President Moon Jae-in]}\n",
    )
    assert "Liberty Korea" not in actors and "Pentagon" not in actors
    assert "Pentagon" in actors["White House"].aliases
    assert "Taro K\u014dno" in actors and "Taro Kono" not in actors
    assert "State Councilor" in {r.title for r in actors["Yang Jiechi"].roles}
    assert actors["National Security Council"].affiliation == "South Korea"
    assert "Moon (2017 article)" in actors


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "merge:\n  - {actor: nobody-at-all, from: [pentagon]}\n",
            r"curation\.yaml:2: merge: no actor 'nobody-at-all'",
        ),
        ("rename:\n  - {actor: pentagon}\n", r"curation\.yaml:2: a 'rename' entry needs 'name'"),
        ("frobnicate:\n  - x\n", r"unknown action 'frobnicate'"),
        ("merge:\n  - {actor: pentagon, from: [\n", r"curation\.yaml:\d+: malformed YAML"),
    ],
)
def test_curation_errors_name_file_and_line(seeds, tmp_path, text, message):
    with pytest.raises(editorial.EditorialError, match=message):
        curated(seeds, tmp_path, text)


@pytest.mark.parametrize("ref", ["donald-trump", "Donald Trump", "trump", "Mr. Trump"])
def test_curation_names_an_actor_by_id_name_or_other_name(seeds, tmp_path, ref):
    """The README's own example: a leader is found by the id and the name the site
    shows ("donald-trump", "Donald Trump"), and by the names the text uses."""
    actors = curated(seeds, tmp_path, f"merge:\n  - {{actor: {ref}, from: [pentagon]}}\n")
    assert "Pentagon" in actors["Donald Trump"].aliases and "Pentagon" not in actors


def test_curation_removes_a_wrong_role_or_affiliation(seeds, tmp_path):
    before = curated(seeds, tmp_path, "")
    wang = before["Wang Yi"]
    assert wang.affiliation and wang.roles
    title = wang.roles[0].title
    actors = curated(
        seeds,
        tmp_path,
        f"remove:\n  - {{actor: wang-yi, role: {title}, affiliation: {wang.affiliation}}}\n",
    )
    assert title not in {r.title for r in actors["Wang Yi"].roles}
    assert actors["Wang Yi"].affiliation is None
    assert all(r.affiliation != wang.affiliation for r in actors["Wang Yi"].roles)


@pytest.mark.parametrize(
    ("paragraphs", "name", "kind", "affiliation", "roles"),
    [
        # An editor's bracket completes a name; the bracketed word is not another actor.
        (
            ["Bill [Clinton] signed the deal, and Hillary Clinton praised it."],
            "Bill Clinton",
            "person",
            None,
            [],
        ),
        # A relation is not a role, but the country it gives stands.
        (
            ["Rex W. Tillerson met his Chinese counterpart, Yang Jiechi, on Monday."],
            "Yang Jiechi",
            "person",
            "China",
            [],
        ),
        # Organisations get the country the text gives them.
        (
            ["China's Foreign Ministry said the talks would go on."],
            "Foreign Ministry",
            "organization",
            "China",
            [],
        ),
        (
            ["South Korea's National Security Council met on Thursday."],
            "National Security Council",
            "organization",
            "South Korea",
            [],
        ),
        (
            [
                "President Moon Jae-in of South Korea spoke.",
                "The Democratic Party of Mr. Moon won.",
            ],
            "Democratic Party",
            "organization",
            "South Korea",
            [],
        ),
    ],
)
def test_roles_countries_and_brackets(entities, paragraphs, name, kind, affiliation, roles):
    found = entities(*paragraphs)
    e = found[name]
    assert (e.kind, e.affiliation, [r.title for r in e.roles]) == (kind, affiliation, roles)


@pytest.mark.parametrize(
    ("paragraphs", "not_actors"),
    [
        (["The North has tested six devices, and the North said it would go on."], {"North"}),
        (["Satellite images of Yongbyon show new work at the reactor."], {"Yongbyon"}),
        (["Bill [Clinton] signed the deal, and Hillary Clinton praised it."], {"Clinton", "Bill"}),
    ],
)
def test_fragments_and_places_are_not_people(entities, paragraphs, not_actors):
    assert not not_actors & set(entities(*paragraphs))


@pytest.mark.parametrize(
    ("name", "full"),
    [
        ("Ben Carson", True),  # "ben" is a particle only in lower case
        ("Al Gore", True),
        ("Bill de Blasio", True),
        ("de Blasio", False),
        ("bin Laden", False),
        ("Carson", False),
    ],
)
def test_full_names_and_particles(name, full):
    from generator.extract.names import is_full_name, surname_candidates

    assert is_full_name(name) is full
    if full:
        assert name.split()[-1] in surname_candidates(name)


def test_a_surname_joins_a_given_name_that_looks_like_a_particle(nlp):
    paras = (
        "GOP presidential candidate Dr. Ben Carson says the plan is unfit.",
        '"We need to do more," Carson tells the radio host.',
        "Al Gore, the former vice president, agreed with him. Gore said so on Monday.",
    )
    art = Article(id="t", path="t.txt", title="T", paragraphs=paras)
    index = extract_entities(art, list(nlp.pipe(paras)))
    people = sorted(e.name for e in index.entities if e.kind == "person")
    assert people == ["Al Gore", "Ben Carson"], people


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("foreign minister", "foreign minister"),
        ("former Defense Secretary", "former Defense Secretary"),
        ("candidates", "candidate"),  # "candidates Ben Carson, Ted Cruz": each one's
        ("Senators", "Senator"),
        ("chiefs of staff", "chiefs of staff"),
        ('"a real black president', None),
        ("as well as a pair of freshman senators", None),
        ("who served as chief justice", None),
        ("and former Oklahoma state senator", None),
    ],
)
def test_roles_are_titles_not_fragments(title, clean):
    from generator.extract.titletext import clean_title

    assert clean_title(title) == clean


def test_a_plural_title_before_a_list_is_no_form_of_a_name(nlp):
    paras = ("Candidates Ben Carson and Ted Cruz spoke in Iowa.", "Senator Ted Cruz left.")
    art = Article(id="t", path="t.txt", title="T", paragraphs=paras)
    index = extract_entities(art, list(nlp.pipe(paras)))
    forms = {f for e in index.entities for f in (e.name, *e.aliases)}
    assert "Candidates Ben Carson" not in forms and "Ben Carson" in forms
    assert "Senator Ted Cruz" in forms  # a title of one person stays a form


def test_a_campaign_joins_through_its_person_across_articles(nlp):
    from generator.extract.actors import merge_actors
    from generator.model import ArticleFacts

    texts = {
        "a": ("Senator Mara Lind spoke in Ohio.", "Lind's campaign said it was ready."),
        "b": (
            "Mara J. Lind said she would win.",
            "Lind's campaign called the report false. Lind's office said nothing.",
        ),
    }
    facts = []
    for aid, paras in texts.items():
        art = Article(id=aid, path=f"{aid}.txt", title="T", paragraphs=paras)
        index = extract_entities(art, list(nlp.pipe(paras)))
        facts.append(ArticleFacts(article=art, entities=index.entities, quotes=()))
    actors, mapping = merge_actors(facts)
    bodies = {a.name: sorted(a.articles) for a in actors if a.kind == "organization"}
    assert bodies == {
        "Mara J. Lind's campaign": ["a", "b"],
        "Mara J. Lind's office": ["b"],
    }, bodies


def test_a_cue_verb_before_a_name_is_no_part_of_it(entities):
    found = entities(
        "Political adviser Roger Vale and the lawyer Sayed Farah spoke on Monday.",
        "Stated Vale: \u201cThere is evidence of fraud.\u201d",
        "Sayed Farah disagreed.",
    )
    people = {n for n, e in found.items() if e.kind == "person"}
    assert people == {"Roger Vale", "Sayed Farah"}, people


def test_a_people_owns_no_campaign(nlp):
    from generator.extract.bodies import find_bodies
    from generator.model import Entity

    # The model took "Democrats" for a person elsewhere in the article.
    people = {k: Entity(key=k, name=n, kind="person") for k, n in [("p:d", "Democrats")]}
    docs = [nlp("Tom Hale chairs the Democrats' campaign in Ohio.")]
    assert docs[0][4].ent_type_ == "NORP"
    assert find_bodies(docs, {}, people) == []
    people["p:h"] = Entity(key="p:h", name="Tom Hale", kind="person")
    docs = [nlp("Hale's campaign said it was ready.")]
    assert [b.name for b in find_bodies(docs, {}, people)] == ["Tom Hale's campaign"]


def test_a_shared_surname_owns_the_campaign_of_the_one_spoken_of_most(nlp):
    from generator.extract.bodies import find_bodies
    from generator.model import Entity, Mention

    def person(key, name, n):
        return Entity(key=key, name=name, kind="person", mentions=(Mention(0, 0, 1, "x"),) * n)

    docs = [nlp("The Lind campaign said it was ready.")]
    people = {"p:m": person("p:m", "Mara Lind", 5), "p:e": person("p:e", "Ed Lind", 2)}
    assert [b.name for b in find_bodies(docs, {}, people)] == ["Mara Lind's campaign"]
    people["p:e"] = person("p:e", "Ed Lind", 5)  # as often: nobody's
    assert find_bodies(docs, {}, people) == []
    # "Brexit", taken for a person, never named in full nor titled
    people = {"p:b": person("p:b", "Brexit", 3)}
    assert find_bodies([nlp("The Brexit campaign said it was ready.")], {}, people) == []


def test_an_outlets_person_taken_for_one_organisation_is_split(entities):
    found = entities(
        "\u201cWould it be negotiable?\u201d Fox News\u2019 Sean Hannity pressed.",
        "Macy\u2019s Thanksgiving Day Parade went ahead on Thursday.",
    )
    people = {n for n, e in found.items() if e.kind == "person"}
    assert people == {"Sean Hannity"}, people
    assert "Fox News" in found and found["Fox News"].kind == "organization"


def test_an_office_named_before_a_leaders_first_term_is_no_role(nlp):
    """'President Lind' in an article dated before Lind's first term is a
    hypothetical; in one dated within a term it is the office."""
    import datetime as dt

    from generator.extract.actors import merge_actors
    from generator.leaders import Leader
    from generator.model import ArticleFacts

    leaders = (
        Leader("Mara Lind", "President", "Utopia", dt.date(2030, 1, 1), dt.date(2034, 1, 1)),
        Leader("Mara Lind", "President", "Utopia", dt.date(2040, 1, 1), None),
    )
    texts = {"early": "2028-05-01", "first": "2031-05-01", "second": "2041-05-01"}
    facts = []
    for aid, date in texts.items():
        paras = ("It is time to worry about President Mara Lind, the senator said.",)
        art = Article(id=aid, path=f"{aid}.txt", title="T", paragraphs=paras, date=date)
        index = extract_entities(art, list(nlp.pipe(paras)))
        facts.append(ArticleFacts(article=art, entities=index.entities, quotes=()))
    actors, _ = merge_actors(facts, leaders)
    lind = next(a for a in actors if a.name == "Mara Lind")
    assert sorted(r.article for r in lind.roles) == ["first", "second"]
    assert {r.affiliation for r in lind.roles} == {"Utopia"}


def test_a_leader_does_not_take_a_name_with_another_middle_initial(nlp):
    import datetime as dt

    from generator.extract.actors import merge_actors
    from generator.leaders import Leader
    from generator.model import ArticleFacts

    leaders = (Leader("Walter K. Lind", "President", "Utopia", dt.date(2001, 1, 1), None),)
    texts = {
        "a": ("Walter K. Lind spoke in the capital.",),
        "b": ("His son Walter P. Lind, the land commissioner, may run.",),
    }
    facts = []
    for aid, paras in texts.items():
        art = Article(id=aid, path=f"{aid}.txt", title="T", paragraphs=paras, date="2016-01-01")
        index = extract_entities(art, list(nlp.pipe(paras)))
        facts.append(ArticleFacts(article=art, entities=index.entities, quotes=()))
    actors, _ = merge_actors(facts, leaders)
    people = {a.name: a.articles for a in actors if a.kind == "person"}
    assert people["Walter K. Lind"] == ("a",) and people["Walter P. Lind"] == ("b",), people
