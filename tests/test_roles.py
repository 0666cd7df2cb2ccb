"""Who an actor is on the pages: roles merged across articles in one case, newest
first, and the line under the name."""

from __future__ import annotations

from generator.model import Actor, Article, Role
from generator.roles import Roles

ARTICLES = {
    "a": Article("a", "a.txt", "Old", ("x",), date="2016-03-01"),
    "b": Article("b", "b.txt", "New", ("x",), date="2018-06-14"),
    "c": Article("c", "c.txt", "Newer", ("x",), date="2019-01-02"),
}


def test_roles_merge_across_articles_in_one_case_newest_first():
    actor = Actor(
        "ann",
        "Ann Lee",
        "person",
        roles=(
            Role("senator", "United States", "a"),
            Role("Secretary of State", "United States", "b"),
            Role("Senator", "United States", "b"),
            Role("Secretary of State", "United States", "c"),
        ),
        affiliation="United States",
    )
    roles = Roles(ARTICLES)
    rows = roles.merged(actor)
    assert [(r.title, r.articles, r.date) for r in rows] == [
        ("Secretary of State", ("c", "b"), "2019-01-02"),
        ("Senator", ("b", "a"), "2018-06-14"),
    ]
    assert roles.current(actor) == "Secretary of State, United States"
    assert roles.identity(actor) == (
        "Person · Secretary of State, United States (as of January 2, 2019)"
    )


def test_an_actor_without_roles_says_what_it_is():
    roles = Roles(ARTICLES)
    country = Actor("peru", "Peru", "country")
    body = Actor("who", "World Health Organization", "organization", affiliation="Switzerland")
    assert roles.current(country) == "country" and roles.identity(country) == "Country"
    assert roles.current(body) == "organization, Switzerland"
    assert roles.identity(body) == "Organization · Switzerland"
    assert roles.current(Actor("x", "Jo Bo", "person")) == ""
