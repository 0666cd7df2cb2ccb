"""The summary under an actor's name, built from the data alone: how many articles
name them and over which dates, their current role and the others the articles give
most with their dates, and the newest events they take part in (the template adds
their statements and positions, counted from what the page lists below). A view
given the corpus and the `Roles`; the template prints each value escaped and links
each event to its source paragraph, so no article text becomes markup."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from generator import rules
from generator.extract.names import surname_candidates
from generator.model import Actor, Article, Corpus, Event
from generator.roles import Roles

# Roles named besides the current one, and events shown: a summary, not the lists
# further down the page.
OTHER_ROLES = 2
EVENTS = 3


@dataclass(frozen=True)
class Summary:
    articles: int
    first: str | None  # the date of the first article naming them
    last: str | None  # of the newest
    current: str  # "Secretary of State, United States", or "" without a role
    since: str | None  # the date of the newest article giving that role
    # The roles the most articles give, after the current: (title, date of the
    # newest article giving it).
    other_roles: tuple[tuple[str, str | None], ...]
    events: tuple[Event, ...]  # newest first


class Whois:
    def __init__(self, corpus: Corpus, articles: dict[str, Article], roles: Roles):
        self.articles = articles
        self.roles = roles
        self.events: dict[str, list[Event]] = defaultdict(list)
        for e in corpus.events:
            for actor_id in dict.fromkeys(e.actors):
                self.events[actor_id].append(e)

    def of(self, actor: Actor) -> Summary | None:
        """The actor's summary; None when the articles give nothing to summarise."""
        dates = sorted(d for d in (self._date(a) for a in actor.articles) if d)
        rows = self.roles.merged(actor)
        others = sorted(rows[1:], key=lambda m: (-len(m.articles), m.title))[:OTHER_ROLES]
        # The events of the site's topics first. An event's actors are everyone its
        # sentence names; the actor takes part only where its title (the main
        # clause) names them: not Mr. Kim in "The elections took place on Wednesday,
        # one day after the talks between Mr. Kim and Mr. Trump".
        events = sorted(
            (e for e in self.events.get(actor.id, ()) if e.date and takes_part(actor, e)),
            key=lambda e: (bool(e.topics), e.date or "", e.article, e.paragraph, e.id),
            reverse=True,
        )
        # One event per sentence: a sentence telling several dates is one fact.
        seen: dict[tuple, Event] = {}
        for e in events:
            seen.setdefault((e.article, e.paragraph, e.summary), e)
        if not actor.articles:
            return None
        return Summary(
            articles=len(set(actor.articles)),
            first=dates[0] if dates else None,
            last=dates[-1] if dates else None,
            current=self.roles.current(actor) if rows else "",
            since=rows[0].date if rows else None,
            other_roles=tuple((m.title, m.date) for m in others),
            events=tuple(list(seen.values())[:EVENTS]),
        )

    def _date(self, article_id: str) -> str | None:
        art = self.articles.get(article_id)
        return art.date if art else None


def takes_part(actor: Actor, event: Event) -> bool:
    """Whether the event's title names the actor, in any form the articles give
    (its name, an alias, the words of its mentions in the event's paragraph) or,
    for a person, by surname ("Trump announced ..." for "Mr. Trump ... announced")."""
    forms = {actor.name, *actor.aliases}
    forms |= {
        m.text
        for art, m in actor.mentions
        if art == event.article and m.paragraph == event.paragraph
    }
    if actor.kind == "person":
        forms |= surname_candidates(actor.name)  # "Kim" of Kim Jong-un, "de Blasio"
    forms = {f.removeprefix("the ").removeprefix("The ") for f in forms if len(f) > 1}
    for form in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", event.title):
            # "Mr. Clinton signed ..." is not Hillary Clinton's, whose forms in that
            # paragraph are "Mrs. Clinton", "Clinton": an honorific before a one-word
            # form must be one the actor is given.
            before = _honorific().search(event.title[: m.start()])
            if " " in form or not before or f"{before.group(1)} {form}" in forms:
                return True
    return False


@functools.cache
def _honorific() -> re.Pattern:
    """An honorific of titles.yaml right before the end of the text."""
    words = sorted(rules.titles().honorifics, key=len, reverse=True)
    return re.compile(rf"(?<!\w)({'|'.join(re.escape(w) for w in words)}) $")
