"""Who is a person, and who a short form is: invented sentences, one rule a row,
with names that must stay as they are."""

from __future__ import annotations

from itertools import chain

import pytest

from generator.extract.actors import merge_actors
from generator.extract.entities import extract_entities
from generator.model import Article, ArticleFacts, Entity


@pytest.fixture(scope="module")
def entities(nlp):
    def run(*paragraphs):
        art = Article(id="t", path="t", title="t", paragraphs=paragraphs)
        index = extract_entities(art, list(nlp.pipe(paragraphs)))
        return index.entities

    return run


def forms(found, kind=None):
    return {f for e in found if kind in (None, e.kind) for f in (e.name, *e.aliases)}


# paragraphs, {name: kind} that must be found, forms that must not be anywhere
CASES = [
    (
        ["A Florida Republican, who asked not to be named, spoke in Miami. Florida voted."],
        {},
        {"Florida Republican"},
    ),
    (
        ["Citizens United sued the commission. Citizens United won in 2010."],
        {"Citizens United": "organization"},
        set(),
    ),
    (
        ["Certainly Donald Vane knows it. Donald Vane spoke in Ohio on Monday."],
        {"Donald Vane": "person"},
        {"Certainly Donald Vane", "Certainly"},
    ),
    (
        ["Ted Marsh 1 and Mark Pell 3 led the field. Ted Marsh said so."],
        {"Ted Marsh": "person", "Mark Pell": "person"},
        {"Ted Marsh 1", "Mark Pell 3"},
    ),
    (
        [
            "The RCMP said on Friday that officers were called.",
            "RCMP Sgt. Jane Roe said the OPP would help.",
        ],
        {"RCMP": "organization", "Jane Roe": "person"},
        {"Rcmp", "RCMP Sgt", "Opp"},
    ),
    (
        ["Premier John Horgan of British Columbia spoke.", "Horgan said B.C. is ready."],
        {"John Horgan": "person"},
        {"United Kingdom", "British", "B.C."},
    ),
    (
        ["Hill Democrats said the plan would fail, and the Conservatives voted against it."],
        {"Hill Democrats": "group", "Conservatives": "group"},
        set(),
    ),
    (
        [
            "Ontario Power Generation said the House of Commons and the Toronto Police"
            " Service were told. Mary Read said so. Read added that it was fine."
        ],
        {
            "Ontario Power Generation": "organization",
            "House of Commons": "organization",
            "Toronto Police Service": "organization",
            "Mary Read": "person",
        },
        set(),
    ),
    (
        ['"We lost everything," said Khaled Amrani,60, a father of two.'],
        {"Khaled Amrani": "person"},
        {"Khaled Amrani,60"},
    ),
    (
        ['"It was a long day," Mayor Ann Roe said. (Lauren Pell / CBC News)'],
        {"Ann Roe": "person"},
        {"Lauren Pell", "Lauren Pell / CBC News"},
    ),
    (
        [
            "The Conservatives in the House of Commons said the plan had failed Canada.",
            "Canada's Parliament sat late. In Canada, the Senate agreed.",
        ],
        {"Conservatives": "group", "Parliament": "organization", "Senate": "organization"},
        set(),
    ),
    (
        ["A letter from the American Legion and the Vanessa Ruiz Foundation, Ms. Ruiz said."],
        # "American" of "American Legion" is no place's, and no one's of its own
        {"American Legion": "organization", "Vanessa Ruiz Foundation": "organization"},
        set(),
    ),
    (
        ["Sen. Marco Vela, a conservative Cuban-American candidate, spoke in Miami."],
        {"Marco Vela": "person"},
        {"Cuba"},
    ),
    (
        ["Follow Pam Vane on Twitter. Read said the plan would work. Ann Read agreed."],
        {"Pam Vane": "person", "Ann Read": "person"},
        {"Follow Pam Vane"},
    ),
    (
        ["A Republican said the vote would fail. Tom Hale agreed."],
        {"Tom Hale": "person"},
        set(),
    ),
    (
        [
            "Donald Trump spoke to reporters on Monday.",
            "As he spoke in the lobby of Trump Tower, there were no presentations of steaks.",
            "Ann Ruiz was seen entering Trump Tower in New York City.",
            "John Tower, a senator, agreed. Tower said so.",
        ],
        {"Donald Trump": "person", "John Tower": "person"},
        {"Trump Tower"},
    ),
    (
        ["Travis Kalanick of Uber said so, and Palm Beach County Supervisor Ann Lee agreed."],
        {"Travis Kalanick": "person", "Ann Lee": "person"},
        {"Travis Kalanick of Uber", "Palm Beach County Supervisor"},
    ),
    (
        ["Marco Rubio Responds To Question On Trade", "Marco Rubio said the deal was bad."],
        {"Marco Rubio": "person"},
        {"Marco Rubio Responds To Question On Trade"},
    ),
    (
        ["We met in Ho Chi Minh City on Martin Luther King Day. Victoria at Sandy Hook spoke."],
        {},
        {"Ho Chi Minh City", "Martin Luther King Day", "Victoria at Sandy Hook"},
    ),
    (
        ["Guccifer 2.0 leaked it, and Michael A. said nothing. Michael Stone agreed."],
        {"Michael Stone": "person"},
        {"Michael A."},
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "kinds", "absent"), CASES, ids=[c[0][0][:30] for c in CASES]
)
def test_who_is_a_person(entities, paragraphs, kinds, absent):
    found = entities(*paragraphs)
    by_name = {e.name: e.kind for e in found}
    for name, kind in kinds.items():
        assert by_name.get(name) == kind, (name, by_name)
    assert "person" not in {
        by_name.get(n) for n in ("Republican", "Conservatives", "RCMP", "President")
    }
    assert not absent & forms(found), forms(found)


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("misgivings were mutual: Senator", None),
        ("saying he was a stronger leader", None),
        ("questioning the Ohio governor", None),
        ("appointed as deputy attorney general", None),
        ("telegraphed the upcoming emphasis on the candidate in the fall", None),
        ("with the former secretary of state", None),
        ("his campaign spokeswoman", "campaign spokeswoman"),
        ("ambassador to India", "ambassador to India"),
        ("acting attorney general", "acting attorney general"),
        ("former Arkansas governor", "former Arkansas governor"),
    ],
)
def test_a_clause_is_no_role(title, clean):
    from generator.extract.titletext import clean_title

    assert clean_title(title) == clean


def person(name, *aliases, kind="person"):
    prefix = {"person": "person", "organization": "org"}[kind]
    return Entity(key=f"{prefix}:{name.lower()}", name=name, kind=kind, aliases=aliases)


def merged(articles):
    facts = [
        ArticleFacts(article=Article(id=a, path=a, title=a, paragraphs=("x",)), entities=es)
        for a, es in articles.items()
    ]
    actors, mapping = merge_actors(facts)
    return {a.name: (a.kind, a.articles) for a in actors}, mapping


def test_a_short_form_is_the_person_the_corpus_plainly_means():
    articles = {f"a{i}": (person("Susan Vale"),) for i in range(6)}
    articles |= {"b0": (person("Robert Vale"),), "b1": (person("Robert Vale"),)}
    articles |= {
        "c0": (person("Vale"),),  # plainly Susan Vale: six articles to two
        "c1": (person("Vale", "Mr. Vale"),),  # a man: Robert Vale
        "c2": (person("Susan Ellen Vale"),),  # a middle name: Susan Vale
    }
    actors, _ = merged(articles)
    assert "Vale" not in actors and "Susan Ellen Vale" not in actors
    assert actors["Susan Vale"][1] == (*(f"a{i}" for i in range(6)), "c0", "c2")
    assert actors["Robert Vale"][1] == ("b0", "b1", "c1")


def test_a_short_form_shared_evenly_stays_apart_and_initials_tell_people_apart():
    actors, _ = merged(
        {
            "a": (person("George W. Lind"),),
            "b": (person("George P. Lind"),),
            "c": (person("Thomas Kerr"),),
            "d": (person("Peter Kerr"),),
            "e": (person("Kerr"),),
        }
    )
    assert {"George W. Lind", "George P. Lind", "Kerr"} <= set(actors)


def test_kinds_the_model_split_are_joined_and_abbreviations_join_their_names():
    articles = {f"a{i}": (person("Donald Vane"),) for i in range(4)}
    articles |= {
        "b": (person("Vane", kind="organization"),),
        "c": (person("Politico", kind="organization"),),
        "d": (person("Politico", kind="organization"),),
        "e": (person("Politico"),),
        "f": (person("European Union", kind="organization"),),
        "g": (person("EU", kind="organization"),),
    }
    actors, _ = merged(articles)
    assert actors["Donald Vane"] == ("person", ("a0", "a1", "a2", "a3", "b"))
    assert actors["Politico"] == ("organization", ("c", "d", "e"))
    assert actors["European Union"] == ("organization", ("f", "g"))
    assert "Vane" not in actors and "EU" not in actors


def test_a_body_named_by_a_common_noun_is_of_the_country_the_article_is_about(entities):
    found = entities(
        "Canada's Parliament sat late, and Canada's premiers met.",
        "In Canada, the Senate agreed with the House.",
    )
    affiliations = {e.name: e.affiliation for e in found if e.kind == "organization"}
    assert affiliations["Senate"] == "Canada"  # not the American one by default
    assert affiliations["Parliament"] == "Canada"


def test_generic_bodies_of_two_countries_stay_apart():
    def house(article, country):
        entity = Entity(key="org:house", name="House", kind="organization", affiliation=country)
        art = Article(id=article, path=article, title=article, paragraphs=("x",))
        return ArticleFacts(article=art, entities=(entity,))

    facts = [house("a", "Canada"), house("b", "United States"), house("c", "Canada")]
    bodies = {(x.name, x.affiliation, x.articles) for x in merge_actors(facts)[0]}
    assert bodies == {("House", "Canada", ("a", "c")), ("House", "United States", ("b",))}


def test_names_one_article_gives_one_person_join_across_the_corpus():
    articles = {f"a{i}": (person("Joe Lind"),) for i in range(5)}
    articles |= {f"b{i}": (person("Joseph R. Lind Jr.", "Joe Lind"),) for i in range(2)}
    articles |= {f"c{i}": (person("Joseph R. Lind Jr."),) for i in range(3)}
    articles |= {"d": (person("Beau Lind"),), "e": (person("Lind"),), "f": (person("Lind"),)}
    # a slip within one article joins no one: the initials differ
    articles |= {
        "g": (person("George W. Hale", "George P. Hale"),),
        "h": (person("George P. Hale"),),
    }
    actors, _ = merged(articles)
    assert "Joseph R. Lind Jr." not in actors and "Lind" not in actors
    assert len(actors["Joe Lind"][1]) == 12  # 5 + 2 + 3 written in full, and "Lind" twice
    assert actors["Beau Lind"][1] == ("d",)
    assert actors["George P. Hale"][1] == ("h",)


def test_a_title_tells_which_person_a_surname_is():
    articles = {f"a{i}": (person("George Lind", "President George Lind"),) for i in range(3)}
    articles |= {f"b{i}": (person("Jed Lind", "Gov. Jed Lind"),) for i in range(4)}
    articles |= {"c": (person("Lind", "Governor Lind"),), "d": (person("Lind", "President Lind"),)}
    articles |= {"e": (person("Lind", "Vice President Lind"),)}  # neither: stays apart
    actors, _ = merged(articles)
    assert "c" in actors["Jed Lind"][1] and "d" in actors["George Lind"][1]
    assert actors["Lind"][1] == ("e",)


def test_an_articles_own_expansion_of_an_abbreviation_comes_first():
    conv = Entity(
        key="org:dnc",
        name="DNC",
        kind="organization",
        aliases=("Democratic National Convention",),
    )
    actors, _ = merged(
        {
            "a": (conv,),
            "b": (person("Democratic National Convention", kind="organization"),),
            "c": (person("DNC", kind="organization"),),
        }
    )
    assert actors["Democratic National Convention"][1] == ("a", "b")
    assert actors["Democratic National Committee"][1] == ("c",)


def test_a_two_word_surname_is_a_short_form():
    actors, _ = merged(
        {
            "a": (person("Debbie Wasserman Lowe"),),
            "b": (person("Debbie Wasserman Lowe"),),
            "c": (person("Wasserman Lowe", "Ms. Wasserman Lowe"),),
        }
    )
    assert actors == {"Debbie Wasserman Lowe": ("person", ("a", "b", "c"))}


def test_a_full_name_is_not_the_short_form_of_a_rarer_longer_one():
    articles = {f"a{i}": (person("Jed Lind"),) for i in range(3)}
    articles["b"] = (person("Floridians Jed Lind"),)
    actors, _ = merged(articles)
    assert actors["Jed Lind"] == ("person", ("a0", "a1", "a2"))


def test_a_plural_before_a_name_is_no_part_of_it(entities):
    found = entities("Fellow Floridians Jed Lind and Marco Vela spoke. Jed Lind won.")
    assert "Floridians Jed Lind" not in forms(found)


def test_mr_and_mrs_of_one_surname_are_two_people_in_an_article(entities):
    found = entities(
        "Mr. Vale spoke in Ohio on Monday, and Mrs. Vale spoke in Iowa.",
        "Mrs. Vale said the race was close. Mr. Vale disagreed.",
    )
    vales = sorted(tuple(sorted(e.aliases)) for e in found if e.name == "Vale")
    assert vales == [("Mr. Vale",), ("Mrs. Vale",)]


# paragraph, {person: role title or None}: a role belongs to the person the sentence
# gives it to
ROLE_CASES = [
    (
        'Emerging from two hours alone with Mr. Obama, the prime minister "looked ashen," he said.',
        {"Obama": None},
    ),
    (
        "The night was led by keynote speakers Paul Vane and Senate Majority Leader Mitch Roe.",
        {"Paul Vane": "speaker"},
    ),
    (
        "The stakes are high for Donald Vane, whose likely tough general-election fight will"
        " leave him open.",
        {"Donald Vane": None},
    ),
    (
        "But unlike their Republican counterparts, Hillary Vane, Bernie Lind and Martin Roe"
        " all have.",
        {"Hillary Vane": None},
    ),
    (
        "After meeting with the Rev. Al Sharpton and other civil rights leaders,"
        " Hillary Vane proposed new rules.",
        {"Hillary Vane": None},
    ),
    ("To Hillary Vane, the four male officials and warriors don't matter.", {"Hillary Vane": None}),
    (
        "The race is between him and Donald Vane, but the Texas senator is poised to campaign.",
        {"Donald Vane": None},
    ),
    ("The conference is expected to host Donald Vane on Monday.", {"Donald Vane": None}),
    ("Against Hillary Vane, the Ohio governor earned 51 percent.", {"Hillary Vane": None}),
    (
        "In a call with Mike Vane, the secretary of state, Kim agreed.",
        {"Mike Vane": "secretary of state", "Kim": None},
    ),
    (
        "China's foreign minister, Wang Yi, said the talks would resume.",
        {"Wang Yi": "foreign minister"},
    ),
    ("Donald Vane, even as a candidate, had raised the dangers.", {"Donald Vane": None}),
    (
        "He charmed Sara Vane, the prime minister's wife, at a dinner.",
        {"Sara Vane": None},
    ),
    (
        "The show featured David Marsh, President Ann Lind's former top adviser, on Monday.",
        {"David Marsh": "former top adviser", "Ann Lind": "President"},
    ),
    (
        "The four were business executive Rick Hale, former Ohio senator Tom Pell and two others.",
        {"Rick Hale": None, "Tom Pell": "senator"},
    ),
    (
        "Mike Vane, Trump's secretary of state, flew to Seoul.",
        {"Mike Vane": "secretary of state"},
    ),
    (
        "said Martin Roe, the president's former special envoy to the region.",
        {"Martin Roe": "former special envoy"},
    ),
    # a title a verb or a preposition completes is no one's role: a hypothetical
    ("If she becomes president, Clara Vane suggested, women would be safe.", {"Clara Vane": None}),
    (
        "If she wants to be the next president, Clara Vane should act like one.",
        {"Clara Vane": None},
    ),
    (
        "In her pursuit of the nomination for president, Clara Vane has emphasized her ties.",
        {"Clara Vane": None},
    ),
    # ... but one set off on both sides, or held "as" one, is
    (
        "At a news conference alongside Chile's foreign minister, Tomas Lind, Mr. Roe conceded.",
        {"Tomas Lind": "foreign minister"},
    ),
    ("As a New York senator, Clara Vane voted for the law.", {"Clara Vane": "senator"}),
    ("As president, Donald Vane would build a wall.", {"Donald Vane": None}),
    # a reduced clause: the judge is not the one referring to him
    (
        "The federal judge Donald Vane was referring to is Gonzalo Lind.",
        {"Donald Vane": None, "Gonzalo Lind": None},
    ),
    ("The Republican candidate Donald Vane said he would win.", {"Donald Vane": "candidate"}),
    (
        "Trump decided to fire campaign manager Corey Lind on Monday.",
        {"Corey Lind": "campaign manager"},
    ),
    # one the person may come to hold
    ("The biggest challenge for a President Donald Vane would be debt.", {"Donald Vane": None}),
    ("That is good news for a would-be president Donald Lind.", {"Donald Lind": None}),
    ("A spokesman, Mark Roe, said it.", {"Mark Roe": "spokesman"}),
    # a chant or a sign, not an office
    ('The band got the crowd to cheer for "President Bernard Lind."', {"Bernard Lind": None}),
]


@pytest.mark.parametrize(("paragraph", "roles"), ROLE_CASES, ids=[c[0][:30] for c in ROLE_CASES])
def test_a_role_belongs_to_the_person_the_sentence_gives_it_to(entities, paragraph, roles):
    found = {e.name: [r.title for r in e.roles] for e in entities(paragraph)}
    for name, title in roles.items():
        assert found.get(name) == ([title] if title else []), (name, found)


# paragraph, {person: the country the text gives them, or None}
COUNTRY_CASES = [
    ("Marco Vela, a conservative Cuban-American candidate, spoke in Miami.", {"Marco Vela": None}),
    ("Hope Lind, a campaign spokeswoman, said the trip to Israel was off.", {"Hope Lind": None}),
    ("Gov. Jim Carr of Georgia ran in 1976.", {"Jim Carr": None}),
    ("Premier John Horgan of British Columbia spoke.", {"John Horgan": None}),
    ("The Russian governor Ivan Petrov of Crimea said so.", {"Ivan Petrov": "Russia"}),
    ("Kang Kyung-wha, South Korea's foreign minister, met him.", {"Kang Kyung-wha": "South Korea"}),
    ("President Moon Jae-in of South Korea met him.", {"Moon Jae-in": "South Korea"}),
]


@pytest.mark.parametrize(
    ("paragraph", "countries"), COUNTRY_CASES, ids=[c[0][:30] for c in COUNTRY_CASES]
)
def test_a_person_is_of_the_country_the_text_gives(entities, paragraph, countries):
    found = {e.name: e.affiliation for e in entities(paragraph)}
    assert {n: found.get(n, "missing") for n in countries} == countries


def test_a_body_without_a_country_is_the_one_the_corpus_plainly_means():
    def house(article, country):
        entity = Entity(key="org:house", name="House", kind="organization", affiliation=country)
        art = Article(id=article, path=article, title=article, paragraphs=("x",))
        return ArticleFacts(article=art, entities=(entity,))

    plain = [house(f"u{i}", "United States") for i in range(3)] + [house("c", "Canada")]
    bodies = {(x.affiliation, x.articles) for x in merge_actors([*plain, house("n", None)])[0]}
    assert bodies == {("United States", ("n", "u0", "u1", "u2")), ("Canada", ("c",))}
    even = [house("u", "United States"), house("c", "Canada"), house("n", None)]
    assert len(merge_actors(even)[0]) == 3  # no country plainly meant: stays apart


def test_organisations_are_named_as_names_not_as_the_text_around_them(entities):
    found = entities(
        "Among Supreme Court justices, the view was split. The Supreme Court ruled.",
        "Top Republican Party officials met on Monday.",
        "The Federal Bureau of Investigation (FBI) said so. A Republican Party official spoke.",
        "The California Democratic Party met in California. The Democratic Party agreed.",
        "The PAC paid for ads shown in the Oval Office.",
    )
    orgs = {e.name: e.aliases for e in found if e.kind == "organization"}
    assert {"Supreme Court", "Federal Bureau of Investigation", "Republican Party"} <= set(orgs)
    assert orgs["Democratic Party"] == () and "California Democratic Party" in orgs
    assert not {"PAC", "Oval Office", "Among Supreme Court", "Top Republican Party"} & set(orgs)
    assert not {"Among Supreme Court", "Top Republican Party"} & set(chain(*orgs.values()))
    assert not any("(" in a or a[0].islower() for forms in orgs.values() for a in forms)


def test_a_titled_short_form_joins_a_full_name_the_article_gives_that_title(entities):
    found = entities(
        "First lady Michelle Vane spoke at the dinner, and Secretary of State Mike Lind came.",
        "President Vane joined her later. Mrs. Vane smiled. Secretary Lind left early.",
    )
    forms = {e.name: set(e.aliases) for e in found}
    assert "President Vane" not in forms["Michelle Vane"] and "Mrs. Vane" in forms["Michelle Vane"]
    assert "President Vane" in forms["Vane"]  # the corpus says which Vane is president
    assert "Secretary Lind" in forms["Mike Lind"]


def test_titled_short_forms_of_two_named_people_are_told_apart(entities):
    # the article names both; "President Lind" is the one it gives that title
    found = entities(
        "Clara Lind and Walter Lind arrived. Kendall represented President Walter Lind.",
        "During the inquiry into President Lind, Kendall declined.",
    )
    forms = {e.name: set(e.aliases) for e in found}
    assert "President Lind" in forms["Walter Lind"] and "President Lind" not in forms["Clara Lind"]
    # neither given a title in full: each titled form is left for the corpus
    found = entities(
        "Clara Lind and Walter Lind arrived.",
        "Secretary Lind wants President Lind to focus on jobs, Lind said.",
    )
    titled = [set(e.aliases) for e in found if e.name == "Lind"]
    assert {"President Lind"} in titled and {"Secretary Lind"} in titled
    assert all("President Lind" not in e.aliases for e in found if e.name != "Lind")


NAME_FORM_CASES = [
    # paragraph, names that must be found, names that must not
    # one person written with and without a middle initial; two with different ones
    ("Walter Lind said Walter P. Lind would run.", {"Walter P. Lind"}, {"Walter Lind"}),
    (
        "George W. Vane said his nephew George P. Vane would run.",
        {"George W. Vane", "George P. Vane"},
        set(),
    ),
    (
        "When George (W. Vane) was governor, he met George HW Vane.",
        {"George W. Vane", "George H.W. Vane"},
        {"George (W. Vane", "George HW Vane"},
    ),
    (
        "The Donald Lind-led team met.",
        {"Donald Lind"},
        {"Donald Lind-led"},
    ),
    (
        "Kim Jong-un met Moon Jae-in and Kang Kyung-wha.",
        {"Kim Jong-un", "Moon Jae-in", "Kang Kyung-wha"},
        set(),
    ),
    ("The Forward, a New York-based newspaper, wrote it.", set(), {"New York", "New York-based"}),
    ("An Elizabeth Vane-style plan won.", {"Elizabeth Vane"}, {"Elizabeth Vane-style"}),
    ("An Islamic State-style attack followed.", set(), {"Islamic State", "Islamic State-style"}),
    ("President Roe praised his ties to President Obama.", {"Obama"}, set()),
]


@pytest.mark.parametrize(
    ("paragraph", "present", "absent"), NAME_FORM_CASES, ids=[c[0][:30] for c in NAME_FORM_CASES]
)
def test_names_are_written_as_the_person_is_named(entities, paragraph, present, absent):
    people = {e.name for e in entities(paragraph) if e.kind == "person"}
    assert present <= people, people
    assert not absent & people


def test_a_person_the_model_tags_as_an_organisation_is_a_person(entities):
    found = entities(
        "Fans of Bradley Kane’s performance complained about the actor.",
        "Many asked how Kane could play a soldier. In 2008, Kane donated to the campaign.",
        "The Stop Kane movement will stop nothing.",
    )
    kinds = {e.name: e.kind for e in found}
    assert kinds.get("Bradley Kane") == "person"
    assert "Stop Kane" not in {n for n, k in kinds.items() if k == "person"}


ORG_SHORT_CASES = [
    # paragraphs, {short form: the organisation it joins, or None: stays apart}
    (
        ["Bezos owns The Washington Post, which covered him. The Post said so."],
        {"Post": "Washington Post"},
    ),
    (["The Washington Post and the New York Post differ. The Post said so."], {"Post": None}),
    (
        [
            "Clinton worked at the State Department for four years.",
            "In July, State fell behind the goals set by the court. She spent four years at State.",
        ],
        {"State": "State Department"},
    ),
    (["The White House said the House would vote on Monday."], {"House": None}),
    (
        ["The Islamic State group claimed it, a pro-Islamic State account said."],
        {"Islamic State": None},
    ),
    (["Shares of Alphabet's Google rose. Google said so."], {"Google": None}),
]


@pytest.mark.parametrize(
    ("paragraphs", "joins"), ORG_SHORT_CASES, ids=[c[0][0][:30] for c in ORG_SHORT_CASES]
)
def test_a_short_form_joins_the_one_organisation_the_article_names_with_it(
    entities, paragraphs, joins
):
    found = entities(*paragraphs)
    owner = {}
    for e in found:
        for m in e.mentions:
            owner.setdefault(m.text.removeprefix("The ").removeprefix("the "), set()).add(e.name)
    for short, full in joins.items():
        assert owner.get(short) == {full or short}, (short, owner)


NATION_ORG_CASES = [
    # paragraph, organisations it names, names that must be nobody's
    (
        "The American Legion asked the campaign to stop using its emblem.",
        {"American Legion"},
        {"Legion"},
    ),
    (
        "The American Civil Liberties Union sued. The Canadian Medical Association agreed.",
        {"American Civil Liberties Union", "Canadian Medical Association"},
        {"Civil Liberties Union", "Medical Association"},
    ),
    ("The Republican Jewish Coalition met in Las Vegas.", {"Republican Jewish Coalition"}, set()),
    (
        "The Arab American Institute and the Muslim American Society of Boston spoke.",
        {"Arab American Institute", "Muslim American Society of Boston"},
        {"American Institute", "American Society of Boston"},
    ),
    (
        "The American Federation of Teachers and the Anti-Defamation League agreed.",
        {"American Federation of Teachers", "Anti-Defamation League"},
        {"American Federation", "Defamation League"},
    ),
    (
        "The Massachusetts Institute of Technology said so. In American society, it is.",
        {"Massachusetts Institute of Technology"},
        {"Massachusetts Institute", "American society"},
    ),
    # A country of the countries file stays one; a demonym alone is no organisation.
    ("The European Union agreed to the plan.", {"European Union"}, set()),
    ("American officials and a Chinese diplomat met.", set(), {"American", "Chinese"}),
]


@pytest.mark.parametrize(
    ("paragraph", "orgs", "nobody"), NATION_ORG_CASES, ids=[c[0][:30] for c in NATION_ORG_CASES]
)
def test_an_organisation_named_for_a_nation_is_one_organisation(entities, paragraph, orgs, nobody):
    found = entities(paragraph)
    names = {e.name: e.kind for e in found}
    assert orgs <= {n for n, k in names.items() if k in ("organization", "country")}, names
    assert not nobody & set(names), names
