"""The records passed between pipeline stages.

They hold strings and character offsets only, never spaCy objects, so that the
rendering stage and its tests need no model, and so that per-article results can
be cached as plain JSON.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

ACTOR_KINDS = ("person", "organization", "country", "group")
QUOTE_KINDS = ("direct", "partial", "indirect")


@dataclass(frozen=True)
class Article:
    """One input article, its text split into body paragraphs."""

    id: str
    path: str
    title: str
    paragraphs: tuple[str, ...]
    title_derived: bool = False
    date: str | None = None
    authors: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    dateline: str | None = None
    url: str | None = None
    source: str | None = None
    excerpt: str | None = None
    format: str = "plain"

    @functools.cached_property
    def boilerplate(self) -> frozenset[int]:
        """The paragraphs that are link lines, credits, captions or notes: shown on
        the article's page as printed, never evidence (`generator/boilerplate.py`)."""
        from generator.boilerplate import furniture

        return furniture(self.paragraphs)


@dataclass(frozen=True)
class Mention:
    """A span of a paragraph that names an actor."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Role:
    title: str
    affiliation: str | None
    article: str


@dataclass(frozen=True)
class Entity:
    """An actor as one article knows it: its name forms and mentions there.

    `key` is local to the article; the cross-article merge turns entities into
    actors. `name` is the fullest form found in the article.
    """

    key: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    affiliation: str | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A quoted (or reported) passage and who said it.

    `speaker` is an entity key while the quote belongs to one article's facts,
    and an actor id once the corpus is assembled.
    """

    id: str
    article: str
    paragraph: int
    start: int
    end: int
    text: str
    speaker: str | None
    kind: str
    cue: str | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    id: str
    date: str | None
    title: str
    summary: str
    article: str
    paragraph: int
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    # A date the text gives only roughly: the words it was resolved from, and how
    # the site says it ("early in George W. Bush's presidency, from 2001").
    approximate: bool = False
    date_text: str | None = None
    date_label: str | None = None
    # Told in the future tense with a date after the article's: what happens next.
    scheduled: bool = False


@dataclass(frozen=True)
class Episode:
    """One past instance of what a topic's history follows (one freeze, from its
    agreement to its collapse), made of the events that tell it."""

    id: str
    topic: str
    title: str
    start: str
    end: str | None = None
    approximate: bool = False  # the end (or a lone start) is given only roughly
    events: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()  # where the articles disagree, in plain words


STANCES = ("for", "against", "conditional", "undecided")
# The order a reader asks in: who is for it, who only on a condition, who against.
STANCE_ORDER = ("for", "conditional", "against", "undecided")


@dataclass(frozen=True)
class Stance:
    """One sentence's evidence of where someone stands on a topic's proposal.

    `owner` is an entity key while it belongs to one article's facts; `start` and
    `end` are the sentence's, so that the site shows it whole; `condition` is the
    text's own words for it ("if the United States ... stopped ...")."""

    topic: str
    owner: str
    stance: str
    paragraph: int
    start: int
    end: int
    cue: str
    condition: str | None = None
    quote: str | None = None
    # The country an official states it for ("his country was willing ..."), by name.
    on_behalf: str | None = None


@dataclass(frozen=True)
class Evidence:
    article: str
    paragraph: int
    start: int
    end: int
    quote: str | None = None
    condition: str | None = None
    stance: str = "for"


@dataclass(frozen=True)
class Position:
    """Where an actor stands on a topic's proposal, across the articles."""

    topic: str
    actor: str
    stance: str
    summary: str
    date: str | None
    evidence: tuple[Evidence, ...]
    curated: bool = False
    condition: str | None = None  # the condition in the text's words, if conditional
    # Since when the stance shown has held (the first article of its latest run).
    since: str | None = None
    # Earlier, different stances, newest first: a change of mind, with its sources.
    history: tuple[Earlier, ...] = ()
    # The country an official stated it for ("Kye Chun-yong, for North Korea").
    on_behalf: str | None = None


@dataclass(frozen=True)
class Earlier:
    """A stance an actor held before the one shown, and when."""

    stance: str
    date: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extracted from one article on its own (cacheable)."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    paragraph_topics: tuple[tuple[str, ...], ...] = ()
    headline: str | None = None  # for an article without one: from its lede's main clause
    stances: tuple[Stance, ...] = ()


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    affiliation: str | None = None
    articles: tuple[str, ...] = ()
    # (article id, mention) pairs, in article order
    mentions: tuple[tuple[str, Mention], ...] = ()


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str = ""
    articles: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    # (article id, paragraph index) pairs
    paragraphs: tuple[tuple[str, int], ...] = ()
    history: bool = False
    proposal: str | None = None  # what its actors are for or against ("a freeze")
    questions: tuple = ()  # the editors' Question records, for "What to know"


@dataclass(frozen=True)
class Corpus:
    """The whole extraction: what `explainer extract` writes and pages render from."""

    articles: tuple[Article, ...]
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    topics: tuple[Topic, ...] = ()
    events: tuple[Event, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)
    episodes: tuple[Episode, ...] = ()
    positions: tuple[Position, ...] = ()

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)
