"""A role reads as a title: without the words that describe the person or say
when, never one the person may only come to hold, and a partial title shown as the
actor's fuller one. Invented phrases and sentences, with those that must stay."""

from __future__ import annotations

import pytest

from generator.extract.entities import extract_entities
from generator.extract.titletext import clean_title
from generator.model import Actor, Article, Role
from generator.roles import Roles

# the words of a role as found, the title shown (None: no role)
TITLE_CASES = [
    ("testy former press secretary", "former press secretary"),
    ("longtime trade adviser", "trade adviser"),
    ("legendary chairwoman", "chairwoman"),
    ("four-term congressman", "congressman"),
    ("former two-term Ohio governor", "former Ohio governor"),
    ("prize-winning former census director", "former census director"),
    ("most popular mayor", "mayor"),
    ("now the Whig Party's nominee", "Whig Party's nominee"),
    ("now prime minister", "prime minister"),
    ("current governor", "governor"),
    ("new field director", "field director"),
    ("the bank's chief executive", "chief executive"),
    ("then the secretary of state", "former secretary of state"),
    ("then-Secretary of State", "former Secretary of State"),
    ("then ambassador to Peru", "former ambassador to Peru"),
    ("onetime adviser", "former adviser"),
    ("once-presumptive Whig nominee", "former presumptive Whig nominee"),
    ("pollster and former adviser", "former adviser"),
    ("old friend and speechwriter", "speechwriter"),
    ("historian and professor", "professor"),
    # one the person may only come to hold
    ("likely Whig nominee", None),
    ("potential Senate candidate", None),
    ("recently appointed the bank's chief executive", None),
    # titles that stay as they are
    ("research and policy director", "research and policy director"),
    ("former New Jersey governor", "former New Jersey governor"),
    ("New York governor", "New York governor"),
    ("Office of Management and Budget director", "Office of Management and Budget director"),
    ("assistant to the president", "assistant to the president"),
    ("Mayor's former chief of staff", "Mayor's former chief of staff"),
    ("acting attorney general", "acting attorney general"),
    ("late Justice", "late Justice"),
    ("presumptive Whig nominee", "presumptive Whig nominee"),
    ("conservative radio host", "conservative radio host"),
    ("independent senator", "independent senator"),
    ("top adviser", "top adviser"),
    ("Secretary of State", "Secretary of State"),
    ("former Secretary of State", "former Secretary of State"),
]


@pytest.mark.parametrize(("found", "shown"), TITLE_CASES)
def test_a_role_is_the_title_without_description_or_time(found, shown):
    assert clean_title(found) == shown


@pytest.fixture(scope="module")
def roles_of(nlp):
    def run(paragraph):
        art = Article(id="t", path="t", title="t", paragraphs=(paragraph,))
        index = extract_entities(art, list(nlp.pipe([paragraph])))
        return {e.name: [r.title for r in e.roles] for e in index.entities}

    return run


# a sentence, {person: the role found, or None}
SENTENCE_CASES = [
    (
        "Mara Lind, then the secretary of state, flew to Lima.",
        {"Mara Lind": "former secretary of state"},
    ),
    ("Ned Vale, the likely Whig nominee, spoke in Ohio.", {"Ned Vale": None}),
    (
        "Ned Vale, a testy former press secretary, left.",
        {"Ned Vale": "former press secretary"},
    ),
    ("Jo Bork, son of one Ohio governor, spoke on Monday.", {"Jo Bork": None}),
    (
        "Tim Gray, a University of Ohio professor, said so.",
        {"Tim Gray": "University of Ohio professor"},
    ),
    ("Sen. Mara Lind spoke in Ohio on Monday.", {"Mara Lind": "Senator"}),
]


@pytest.mark.parametrize(
    ("paragraph", "roles"), SENTENCE_CASES, ids=[c[0][:30] for c in SENTENCE_CASES]
)
def test_a_role_in_a_sentence_reads_as_a_title(roles_of, paragraph, roles):
    found = roles_of(paragraph)
    for name, title in roles.items():
        assert found.get(name) == ([title] if title else []), (name, found)


ARTICLES = {
    "o": Article("o", "o.txt", "O", ("x",), date="2015-06-01"),
    "a": Article("a", "a.txt", "A", ("x",), date="2016-03-01"),
    "b": Article("b", "b.txt", "B", ("x",), date="2016-05-01"),
    "c": Article("c", "c.txt", "C", ("x",), date="2016-09-07"),
}
US = "United States"


# the actor's roles (title, country, article), the rows shown (title, articles), the line
FOLD_CASES = [
    (  # "Secretary Clinton": an address; the office is the fuller title she has
        [
            ("former Secretary of State", US, "a"),
            ("former secretary of state", US, "b"),
            ("Secretary", US, "c"),
            ("nominee", US, "c"),
            ("former Secretary", US, "b"),
        ],
        [("Nominee", ("c",)), ("Former Secretary of State", ("c", "b", "a"))],
        "Nominee, United States",
    ),
    (  # a partial title with no fuller one stays
        [("Secretary", US, "c"), ("Senator", US, "a")],
        [("Secretary", ("c",)), ("Senator", ("a",))],
        "Secretary, United States",
    ),
    (  # not into a fuller title of another country
        [("Secretary", "Peru", "c"), ("Secretary of State", US, "a")],
        [("Secretary", ("c",)), ("Secretary of State", ("a",))],
        "Secretary, Peru",
    ),
    (  # a whole title is not folded into a longer one, nor ended before "former"
        [("Senator", US, "o"), ("former senator", US, "a")],
        [("Former senator", ("a",)), ("Senator", ("o",))],
        "Former senator, United States",
    ),
    (
        [("Leader", None, "c"), ("Senate majority leader", None, "a"), ("Senator", None, "b")],
        [("Senate majority leader", ("c", "a")), ("Senator", ("b",))],
        "Senate majority leader",
    ),
    (  # of the roles the newest article gives, the one still held, then the most given
        [
            ("former governor", None, "c"),
            ("candidate", None, "c"),
            ("senator", None, "c"),
            ("senator", None, "a"),
        ],
        [("Senator", ("c", "a")), ("Candidate", ("c",)), ("Former governor", ("c",))],
        "Senator",
    ),
    (  # ... unless that day says it is past
        [
            ("attorney general", None, "c"),
            ("former attorney general", None, "c"),
            ("judge", None, "a"),
        ],
        [("Former attorney general", ("c",)), ("Judge", ("a",))],
        "Former attorney general",
    ),
    (  # "Governor Bush" after two articles call him a former governor: an address
        [
            ("Governor", None, "o"),
            ("former Ohio governor", None, "a"),
            ("former governor", None, "b"),
            ("Governor", None, "c"),
        ],
        [("Former Ohio governor", ("c", "a")), ("Former governor", ("b",)), ("Governor", ("o",))],
        "Former Ohio governor",
    ),
    (  # one article's "former" does not end an office
        [("President", US, "b"), ("former president", US, "a"), ("President", US, "c")],
        [("President", ("c", "b")), ("Former president", ("a",))],
        "President, United States",
    ),
    (  # ... but one that says so of one other does
        [("Mayor", None, "o"), ("former mayor", None, "b"), ("Mayor", None, "c")],
        [("Former mayor", ("c", "b")), ("Mayor", ("o",))],
        "Former mayor",
    ),
    (  # nor does a former office of another rank
        [
            ("former vice president", US, "a"),
            ("former vice president", US, "b"),
            ("President", US, "c"),
        ],
        [("President", ("c",)), ("Former vice president", ("b", "a"))],
        "President, United States",
    ),
    (  # a blank title read from data is kept apart, as it was
        [("  ", None, "c"), ("former", None, "a")],
        [("  ", ("c",)), ("Former", ("a",))],
        "  ",
    ),
]


@pytest.mark.parametrize(("roles", "rows", "current"), FOLD_CASES)
def test_a_partial_title_is_shown_as_the_actors_fuller_one(roles, rows, current):
    actor = Actor("x", "Ann Lee", "person", roles=tuple(Role(*r) for r in roles))
    view = Roles(ARTICLES)
    assert [(m.title, m.articles) for m in view.merged(actor)] == rows
    assert view.current(actor) == current


# a sentence, {person: the country of their role, None for none}
COUNTRY_CASES = [
    ("Gary Lind, the former governor of New Mexico, said so.", {"Gary Lind": None}),
    (
        "Tom Vale, a former spy agency director and a top general in the wars in Iraq, spoke.",
        {"Tom Vale": None},
    ),
    # countries that stay
    ("Marie Lind, the far-right leader in France, spoke.", {"Marie Lind": "France"}),
    ("Ana Ruiz, a senior official at the Mexican embassy, said so.", {"Ana Ruiz": "Mexico"}),
    (
        "Tomas Lind, the foreign minister of the United Kingdom, met him.",
        {"Tomas Lind": "United Kingdom"},
    ),
    ("Kang Kyung-wha, South Korea's foreign minister, met him.", {"Kang Kyung-wha": "South Korea"}),
    (
        "Pia Lund, a professor of public law at the University of Lima in Peru, spoke.",
        {"Pia Lund": "Peru"},
    ),
]


@pytest.mark.parametrize(
    ("paragraph", "countries"), COUNTRY_CASES, ids=[c[0][:30] for c in COUNTRY_CASES]
)
def test_a_roles_country_is_named_with_it(nlp, paragraph, countries):
    art = Article(id="t", path="t", title="t", paragraphs=(paragraph,))
    index = extract_entities(art, list(nlp.pipe([paragraph])))
    found = {e.name: [r.affiliation for r in e.roles] for e in index.entities}
    assert {n: found.get(n) for n in countries} == {n: [c] for n, c in countries.items()}
