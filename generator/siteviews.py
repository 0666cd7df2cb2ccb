"""The lookups the templates make, computed once per render: `Site`, given the
corpus and the site's words (site.yaml), composed of views each given the data it
needs: the articles as read (`textview.Texts`), the cast (`castview.Cast`), who
actors are (`roles.Roles`), the history (`history.History`) and the explaining
views (`explain.Explain`).
"""

from __future__ import annotations

from generator.castview import Cast
from generator.explain import Explain
from generator.history import History
from generator.model import Corpus
from generator.roles import Roles
from generator.textview import Texts
from generator.whois import Whois


class Site:
    def __init__(self, corpus: Corpus, meta: dict | None = None):
        meta = meta or {}
        self.corpus = corpus
        self.title = str(meta.get("title") or "Explainer")
        self.intro = str(meta.get("intro") or "")
        self.lead_id = meta.get("lead")
        self.articles = {a.id: a for a in corpus.articles}
        self.topics = {t.id: t for t in corpus.topics}
        self.roles = Roles(self.articles)
        by_date = sorted(corpus.articles, key=lambda a: (a.date or "", a.id), reverse=True)
        order = {a.id: i for i, a in enumerate(by_date)}
        stances = frozenset(p.actor for p in corpus.positions)
        self.cast = Cast(corpus.actors, corpus.quotes, self.articles, order, self.roles, stances)
        self.actors = self.cast.actors
        # The texts link the mentions of the actors the cast gives a page.
        self.text = Texts(by_date, corpus.quotes, self.cast.mentions)
        self.history = History(corpus, self.articles)
        self.whois = Whois(corpus, self.articles, self.roles)
        # Positions held by an actor not listed are not shown: "Bush" for the wall
        # is no one a reader can place.
        self.explain = Explain(
            corpus,
            self.articles,
            {a.id: a for a in self.cast.listed},
            self.topics,
            self.lead_id,
            self.history,
        )
