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


def _many_roles(n: int) -> Actor:
    """An actor with `n` titles: title k given in k articles' worth of roles."""
    arts = {
        f"x{i}": Article(f"x{i}", "x.txt", "X", ("x",), date=f"2016-01-{i + 1:02d}")
        for i in range(n)
    }
    roles = []
    for k in range(n):
        for i in range(k + 1):
            roles.append(Role(f"Title {k}", None, f"x{(k + i) % n}"))
    return Actor("t", "T", "person", roles=tuple(roles)), arts


def test_roles_summarised_current_first_then_the_most_given_rest_behind_show_all():
    actor, arts = _many_roles(9)
    roles = Roles(arts)
    first, rest = roles.summarised(actor, shown=4)
    merged = roles.merged(actor)
    # The current role first, then those the most articles give.
    assert first[0] == merged[0]
    counts = [len(m.articles) for m in first[1:]]
    assert counts == sorted(counts, reverse=True)
    assert all(len(m.articles) <= min(counts) for m in rest)
    # Every role is shown once; the rest newest first, as merged.
    assert sorted(m.title for m in first + rest) == sorted(m.title for m in merged)
    assert rest == [m for m in merged if m in rest]


def test_few_roles_are_all_shown():
    for n in (0, 1, 4, 5):
        actor, arts = _many_roles(n)
        first, rest = Roles(arts).summarised(actor, shown=4)
        assert (len(first), rest) == (n, [])
