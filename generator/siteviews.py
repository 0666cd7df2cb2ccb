"""The lookups the templates make, computed once per render: `Site`, given the
corpus and the site's words (site.yaml). Its parts are the history views
(`history.History`) and the explaining views (`explain.Explain`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from itertools import chain

from markupsafe import Markup

from generator.escape import md_escape
from generator.explain import Explain
from generator.history import History
from generator.markup import paragraph_markup
from generator.model import Actor, Article, Corpus, Quote, Topic
from generator.roles import Roles
from generator.statements import statements

_OWNED = re.compile(r"['\u2019]s?\s")


def has_page(actor: Actor) -> bool:
    """Whether an actor gets a page, a row in the indexes and links. A person known
    only by one word ("Bush" where the corpus has three, "Bob"), or by words
    with a possessive in them ("Obama's agenda", "Breitbart's Joel Pollak"), is
    no one a reader can look up: their quotations keep the name, unlinked."""
    if actor.kind != "person":
        return True
    return len(actor.name.split()) > 1 and not _OWNED.search(actor.name)


class Site:
    """Lookups the templates need, computed once per render; the history views
    (`history.History`), the explaining ones (`explain.Explain`) and who actors are
    (`roles.Roles`) as parts."""

    def __init__(self, corpus: Corpus, meta: dict | None = None):
        meta = meta or {}
        self.corpus = corpus
        self.title = str(meta.get("title") or "Explainer")
        self.intro = str(meta.get("intro") or "")
        self.lead_id = meta.get("lead")
        self.actors = {a.id: a for a in corpus.actors}
        self.paged = [a for a in corpus.actors if has_page(a)]
        self.articles = {a.id: a for a in corpus.articles}
        self.topics = {t.id: t for t in corpus.topics}
        self.history = History(corpus, self.articles)
        self.roles = Roles(self.articles)
        # Positions held by an actor without a page are not shown: "Bush" for
        # the wall is no one a reader can place.
        self.explain = Explain(
            corpus,
            self.articles,
            {a.id: a for a in self.paged},
            self.topics,
            self.lead_id,
            self.history,
        )
        self.quotes_by_article: dict[str, list[Quote]] = defaultdict(list)
        self.quotes_by_speaker: dict[str, list[Quote]] = defaultdict(list)
        for q in corpus.quotes:
            self.quotes_by_article[q.article].append(q)
            if q.speaker:
                self.quotes_by_speaker[q.speaker].append(q)
        self.mentions: dict[str, dict[int, list[tuple[int, int, str]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        # Indexes built once: who is in which paragraph, and how often per article.
        self.in_paragraph: dict[tuple[str, int], set[str]] = defaultdict(set)
        self.per_article: dict[str, Counter] = defaultdict(Counter)
        self._first: dict[str, dict[str, int]] = {}
        self._co: dict[tuple[str, int], list[tuple[Actor, int]]] = {}
        self._said: dict[str, list[Quote]] = {}  # asked for by the page and its fingerprint
        for a in self.paged:
            for art, m in a.mentions:
                self.mentions[art][m.paragraph].append((m.start, m.end, a.id))
                self.in_paragraph[(art, m.paragraph)].add(a.id)
                self.per_article[art][a.id] += 1

    @functools.cached_property
    def _by_date(self) -> list[Article]:
        return sorted(self.corpus.articles, key=lambda a: (a.date or "", a.id), reverse=True)

    @functools.cached_property
    def _date_order(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self._by_date)}

    def articles_by_date(self) -> list[Article]:
        return self._by_date

    def key_actors(self, limit: int) -> list[tuple[Actor, int]]:
        ranked = sorted(self.paged, key=lambda a: (-len(a.mentions), a.name))
        return [(a, len(a.mentions)) for a in ranked[:limit]]

    def actors_in(self, article_id: str) -> list[tuple[Actor, int]]:
        counts = [(self.actors[k], n) for k, n in self.per_article[article_id].items()]
        return sorted(counts, key=lambda ac: (-ac[1], ac[0].name))

    def mention_counts(self, actor: Actor) -> list[tuple[str, int]]:
        counts = Counter(art for art, _ in actor.mentions)
        order = self._date_order
        return sorted(counts.items(), key=lambda kv: order.get(kv[0], 0))

    def first_mention(self, actor: Actor, article_id: str) -> int:
        firsts = self._first.get(actor.id)
        if firsts is None:
            firsts = {}
            for art, m in actor.mentions:
                firsts[art] = min(firsts.get(art, m.paragraph), m.paragraph)
            self._first[actor.id] = firsts
        return firsts[article_id] + 1

    @staticmethod
    def sort_name(actor: Actor) -> tuple[str, str]:
        """People by family name: the last word, or the first where the text uses it
        alone ("Mr. Kim" for Kim Jong-un, "Mr. Xi" for Xi Jinping)."""
        words = actor.name.split()
        family = words[-1]
        if len(words) > 1 and any(a.split()[-1] == words[0] for a in actor.aliases):
            family = words[0]
        return (family.lower(), actor.name.lower())

    def has_page(self, actor: Actor) -> bool:
        return has_page(actor)

    def people(self) -> list[Actor]:
        return sorted((a for a in self.paged if a.kind == "person"), key=self.sort_name)

    def others(self, kind: str) -> list[Actor]:
        return sorted((a for a in self.paged if a.kind == kind), key=lambda a: a.name.lower())

    def role_titles(self, actor: Actor) -> list[str]:
        return [m.title for m in self.roles.merged(actor)]  # one case, newest first

    def speakers(self) -> list[tuple[Actor, list[Quote]]]:
        out = [
            (self.actors[k], self.said(self.actors[k]))
            for k, qs in self.quotes_by_speaker.items()
            if k in self.actors and qs
        ]
        return sorted(out, key=lambda aq: (-len(aq[1]), aq[0].name))

    def said(self, actor: Actor) -> list[Quote]:
        """What the actor said, each statement once (see `statements`)."""
        if actor.id not in self._said:
            quotes = self.quotes_by_speaker.get(actor.id, [])
            self._said[actor.id] = statements(quotes, self.articles)
        return self._said[actor.id]

    def unattributed(self) -> list[Quote]:
        return [q for q in self.corpus.quotes if not q.speaker and q.kind != "indirect"]

    def linked(
        self, article_id: str, paragraph: int, text: str, page: str, seen: set | None = None
    ) -> Markup:
        """`text`, a piece of one paragraph, with its actor mentions linked; with
        `seen`, only the first mention of each actor not in it (and it is filled)."""
        para = self.articles[article_id].paragraphs[paragraph]
        tail = "\u2026" if text.endswith("\u2026") and text not in para else ""
        text = text.removesuffix(tail)
        start = para.find(text)
        if start < 0:
            return Markup(md_escape(text + tail))
        end = start + len(text)
        mentions = [
            (s - start, e - start, a)
            for s, e, a in sorted(self.mentions[article_id][paragraph])
            if start <= s and e <= end
        ]
        if seen is not None:
            first = []
            for m in mentions:
                if m[2] not in seen:
                    seen.add(m[2])
                    first.append(m)
            mentions = first
        return Markup(paragraph_markup(text, mentions, [], page) + tail)

    def topic(self, topic_id: str) -> Topic:
        return next(t for t in self.corpus.topics if t.id == topic_id)

    def excerpt(self, article_id: str, paragraph: int, words: int = 45) -> str:
        text = self.articles[article_id].paragraphs[paragraph].split()
        return " ".join(text[:words]) + ("\u2026" if len(text) > words else "")

    def topic_quotes(self, topic: Topic) -> list[tuple[Actor, list[Quote]]]:
        ids = set(topic.quotes)
        out: dict[str, list[Quote]] = defaultdict(list)
        for q in self.corpus.quotes:
            if q.id in ids and q.speaker in self.actors and q.kind != "indirect":
                out[q.speaker].append(q)
        ranked = sorted(out.items(), key=lambda kv: (-len(kv[1]), self.actors[kv[0]].name))
        return [(self.actors[k], qs) for k, qs in ranked]

    def co_actors(self, actor: Actor, limit: int = 8) -> list[tuple[Actor, int]]:
        """The actors this one appears with most (in the same paragraphs). Asked
        twice per rendered actor page (its fingerprint, then the page): kept."""
        key = (actor.id, limit)
        if key not in self._co:
            self._co[key] = self._co_actors(actor, limit)
        return self._co[key]

    def _co_actors(self, actor: Actor, limit: int) -> list[tuple[Actor, int]]:
        places = {(art, m.paragraph) for art, m in actor.mentions}
        counts = Counter(chain.from_iterable(self.in_paragraph[place] for place in places))
        counts.pop(actor.id, None)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(self.actors[k], n) for k, n in ranked]
