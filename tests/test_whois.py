"""The summary under an actor's name: from the articles, roles and events alone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.model import Actor, Article, Corpus, Event, Mention, Role
from generator.roles import Roles
from generator.whois import Whois, takes_part

ARTICLES = (
    Article("a", "a.txt", "Old", ("x",), date="2018-03-01"),
    Article("b", "b.txt", "New", ("x",), date="2018-06-14"),
)


def _event(eid, date, actors, topics=(), paragraph=0, summary=None, title=None):
    title = title or f"Kim Jong-un met them ({eid})"
    return Event(eid, date, title, summary or eid, "b", paragraph, actors, topics)


def _whois(events):
    corpus = Corpus(articles=ARTICLES, events=tuple(events))
    arts = {a.id: a for a in ARTICLES}
    return Whois(corpus, arts, Roles(arts))


KIM = Actor(
    "kim",
    "Kim Jong-un",
    "person",
    articles=("a", "b"),
    roles=(Role("Leader", "North Korea", "b"), Role("Chairman", "North Korea", "a")),
)


def test_summary_from_articles_roles_and_events():
    events = [
        _event("e1", "2018-06-12", ("kim",), ("talks",), 1),
        _event("e2", "2018-06-13", ("kim",), (), 2),
        _event("e3", "2018-05-01", ("kim", "kim"), ("talks",), 3),
        _event("e4", "2018-06-12", ("trump",), ("talks",), 4),
        _event("e5", None, ("kim",), ("talks",), 5),
        _event("e6", "2017-01-01", ("kim",), ("talks",), 6),
        # The same sentence telling a second date: one fact.
        _event("e7", "2018-05-02", ("kim",), ("talks",), 3, summary="e3"),
    ]
    s = _whois(events).of(KIM)
    assert (s.articles, s.first, s.last) == (2, "2018-03-01", "2018-06-14")
    assert (s.current, s.since, s.other_roles) == (
        "Leader, North Korea",
        "2018-06-14",
        (("Chairman", "2018-03-01"),),
    )
    # The topics' events first, newest first; undated and others' events never.
    assert [e.id for e in s.events] == ["e1", "e7", "e6"]


def test_nothing_to_summarise():
    assert _whois([]).of(Actor("x", "X", "person")) is None
    s = _whois([]).of(Actor("y", "Y", "person", articles=("a",)))
    assert (s.articles, s.current, s.other_roles, s.events) == (1, "", (), ())


@pytest.mark.parametrize(
    ("quoted", "positions", "line"),
    [
        (True, [], "Quoted: 1 statement."),
        (False, [("talks", "conditional")], "Stands for resuming the talks on a condition."),
        # The stance on the proposal, not on the topic: against lifting sanctions, never
        # "Sanctions (against)", which reads as against the sanctions themselves.
        (
            True,
            [("talks", "conditional"), ("sanctions", "against")],
            "Quoted: 1 statement. Stands for resuming the talks on a condition and against "
            "lifting sanctions.",
        ),
        (
            False,
            [("talks", "for"), ("sanctions", "undecided"), ("harbour", "against")],
            "Stands for resuming the talks; undecided on lifting sanctions; and against "
            "repealing the harbour law.",
        ),
    ],
)
def test_summary_counts_what_the_page_lists(quoted, positions, line):
    """Statements and positions in the summary under the name are counted from the
    lists further down the page: each topic with its stance, none when none."""
    from generator.render import render_site

    from .conftest import ROOT
    from .test_render import corpus

    base = corpus()
    p = base.positions[0]
    sanctions = replace(
        base.topics[0], id="sanctions", name="Sanctions", proposal="lifting sanctions"
    )
    harbour = replace(
        base.topics[0], id="harbour", name="The harbour law", proposal="repealing the harbour law"
    )
    changed = replace(
        base,
        quotes=base.quotes if quoted else (),
        positions=tuple(replace(p, topic=t, stance=s) for t, s in positions),
        topics=(*base.topics, sanctions, harbour),
    )
    page = render_site(changed, ROOT / "templates")["actors/ana-lind.md"]
    summary = next(x for x in page.splitlines() if x.startswith("Named in"))
    assert summary == "Named in 1 article, on January 2, 2020. " + line


TRUMP = Actor(
    "trump",
    "Donald Trump",
    "person",
    aliases=("Mr. Trump",),
    articles=("b",),
    mentions=(("b", Mention(3, 0, 9, "Mr. Trump")),),
)
HILLARY = Actor(
    "hillary",
    "Hillary Clinton",
    "person",
    aliases=("Clinton",),
    articles=("b",),
    mentions=(("b", Mention(5, 0, 12, "Mrs. Clinton")),),
)
NORTH = Actor(
    "north-korea",
    "North Korea",
    "country",
    articles=("b",),
    mentions=(("b", Mention(4, 4, 17, "North Koreans")),),
)


@pytest.mark.parametrize(
    ("actor", "title", "paragraph", "part"),
    [
        (TRUMP, "Mr. Trump met Kim Jong-un in Singapore", 3, True),
        (KIM, "Mr. Trump met North Korea's leader, Kim Jong-un, in Singapore", 3, True),
        # The title made from "Mr. Trump ... when he announced": the surname.
        (TRUMP, "Trump announced that he would end joint exercises", 3, True),
        # A mention's own words in the event's paragraph.
        (NORTH, "The North Koreans abandoned a second such freeze", 4, True),
        # Named in the sentence, not in the event: the site's summary leaves them out.
        (KIM, "The elections took place", 3, False),
        (TRUMP, "The government of South Korea spared no praise", 3, False),
        (NORTH, "The department issued a report", 4, False),
        # A surname after an honorific the actor is not given: another person's.
        (HILLARY, "Mr. Clinton signed the trade agreement into law", 5, False),
        (HILLARY, "Mrs. Clinton signed the letter", 5, True),
        # A name inside another word is no mention.
        (TRUMP, "Trumpeters played at the parade", 3, False),
    ],
)
def test_an_actor_takes_part_in_an_event_its_title_names(actor, title, paragraph, part):
    assert takes_part(actor, Event("e", "2018-06-12", title, title, "b", paragraph)) is part
