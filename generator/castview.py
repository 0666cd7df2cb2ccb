"""Who is in the articles, as the pages meet them: `Cast`, given the actors, their
quotations, the articles and the roles view. Which actors get a page, the
people and other indexes, what each said, where and with whom they appear.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import chain

from generator.indexpages import IndexPage, page_label, split_index, within
from generator.markup import actor_path, article_path, who_anchor
from generator.model import Actor, Article, Quote, Topic
from generator.roles import Roles
from generator.saidpages import QUOTES_PER_PAGE, QUOTES_PER_SPEAKER
from generator.statements import statements

_OWNED = re.compile(r"['\u2019]s?\s")
_GIVEN_SECOND = re.compile(r"[A-Z][a-z]+-[a-z]+")  # Jong-un, Ki-moon, Jae-in
_GENERATIONS = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def listed(actor: Actor) -> bool:
    """Whether an actor has a name a reader can look up: a row in the indexes and
    links. A person known only by one word ("Bush" where the corpus has three,
    "Bob"), or by words with a possessive in them ("Obama's agenda", "Breitbart's
    Joel Pollak"), is no one a reader can place: their quotations keep the name,
    unlinked."""
    if actor.kind != "person":
        return True
    return len(actor.name.split()) > 1 and not _OWNED.search(actor.name)


MAIN_FIGURE = 3  # paragraphs of their one article


def has_page(actor: Actor, on_record: bool) -> bool:
    """Whether an actor gets a page of their own. A page gathers what one article
    cannot show: the articles an actor is in, what they said or stand for
    (`on_record`: quoted, or holding a position on a topic), and for a main
    figure of an article (named in `MAIN_FIGURE` paragraphs or more: Kim Jong-un in
    a seed) their roles and who they appear with. Anyone else, named in one article
    and never quoted, has nothing to gather: their line under "Who is in this
    article" on that article's page shows their roles and affiliation, linked to
    the paragraph, and so does their row in the people or organizations index.
    No role by itself makes a page worth it: the role is on the line and in the
    row. At 840 articles such pages were 2,900 of the 6,400 pages and a third of
    the site (1,200 of 3,000 named people, 1,700 of 2,500 organizations, places
    and groups), each mostly the theme's frame around a few lines. The old
    address sends the reader to the line (`moved.redirect_page`); a second
    article or a quotation brings the page back. Someone not `listed` gets no page
    either."""
    if not listed(actor):
        return False
    if on_record or len(set(actor.articles)) > 1:
        return True
    return len({m.paragraph for _, m in actor.mentions}) >= MAIN_FIGURE


class Cast:
    """The actors' lookups, computed once per render."""

    def __init__(
        self,
        actors: tuple[Actor, ...],
        quotes: tuple[Quote, ...],
        articles: dict[str, Article],
        date_order: dict[str, int],
        roles: Roles,
        stances: frozenset[str] = frozenset(),
    ):
        self.actors = {a.id: a for a in actors}
        self.articles = articles
        self.quotes = quotes
        self.date_order = date_order
        self.roles = roles
        self.quotes_by_speaker: dict[str, list[Quote]] = defaultdict(list)
        for q in quotes:
            if q.speaker:
                self.quotes_by_speaker[q.speaker].append(q)
        # On record: quoted, or holding a position (`stances`: their ids).
        on_record = stances | self.quotes_by_speaker.keys()
        self.paged = [a for a in actors if has_page(a, a.id in on_record)]
        self._paged_ids = {a.id for a in self.paged}
        # Listed without a page of their own: a line on their article's page.
        self.entries = {
            a.id: a for a in actors if a.id not in self._paged_ids and listed(a) and a.mentions
        }
        self.listed = [a for a in actors if a.id in self._paged_ids or a.id in self.entries]
        # Indexes built once: who is where in each paragraph, and how often per
        # article; only actors with a page are linked in the text, and only listed
        # ones are counted.
        self.mentions: dict[str, dict[int, list[tuple[int, int, str]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.in_paragraph: dict[tuple[str, int], set[str]] = defaultdict(set)
        self.per_article: dict[str, Counter] = defaultdict(Counter)
        self._first: dict[str, dict[str, int]] = {}
        self._co: dict[tuple[str, int], list[tuple[Actor, int]]] = {}
        self._said: dict[str, list[Quote]] = {}  # asked for by the page and its fingerprint
        self._index: dict[str, list[IndexPage]] = {}
        for a in self.listed:
            paged = a.id in self._paged_ids
            for art, m in a.mentions:
                if paged:
                    self.mentions[art][m.paragraph].append((m.start, m.end, a.id))
                self.in_paragraph[(art, m.paragraph)].add(a.id)
                self.per_article[art][a.id] += 1

    def has_page(self, actor: Actor) -> bool:
        return actor.id in self._paged_ids

    def target(self, actor: Actor) -> tuple[str, str | None] | None:
        """Where a link to the actor goes, as (page of site_src/, anchor): their
        page; else, listed without one, their line on their article's page; None
        for an actor not listed. Links, kept pages' fingerprints and redirects
        all ask here."""
        if actor.id in self._paged_ids:
            return actor_path(actor.id), None
        if actor.id in self.entries:
            return article_path(actor.mentions[0][0]), who_anchor(actor.id)
        return None

    def key_actors(self, limit: int) -> list[tuple[Actor, int]]:
        ranked = sorted(self.paged, key=lambda a: (-len(a.mentions), a.name))
        return [(a, len(a.mentions)) for a in ranked[:limit]]

    def actors_in(self, article_id: str) -> list[tuple[Actor, int]]:
        counts = [(self.actors[k], n) for k, n in self.per_article[article_id].items()]
        return sorted(counts, key=lambda ac: (-ac[1], ac[0].name))

    def mention_counts(self, actor: Actor) -> list[tuple[str, int]]:
        counts = Counter(art for art, _ in actor.mentions)
        return sorted(counts.items(), key=lambda kv: self.date_order.get(kv[0], 0))

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
        """People by family name: the last word but a generation ("King" of Martin
        Luther King Jr.), or the first where the text calls them by it and never by
        the last ("Mr. Kim" for Kim Jong-un, "Xi" for Xi Jinping; not "Donald" for
        Donald Trump, whom the text also calls "Trump"). The index's pages are by
        this name's initial."""
        words = [w for w in actor.name.split() if w not in _GENERATIONS] or actor.name.split()
        family = words[-1]
        # A name form ending in one word without the other: "Mr. Kim", not
        # "President Moon Jae-in".
        forms = [a.split() for a in actor.aliases if a.split()]
        by_last = any(f[-1] == words[-1] and words[0] not in f for f in forms)
        # The first word with a title ("Mr. Kim", "Chairman Kim"), or alone where the
        # last is a Korean given name ("Kim" of Kim Jong-un); alone otherwise it is
        # as often a given name ("Amy", "Chelsea").
        titled = any(len(f) > 1 and f[-1] == words[0] and words[-1] not in f for f in forms)
        alone = [words[0]] in forms and _GIVEN_SECOND.fullmatch(words[-1]) is not None
        if len(words) > 1 and (titled or alone) and not by_last:
            family = words[0]
        return (family.lower(), actor.name.lower())

    def people(self) -> list[Actor]:
        return sorted((a for a in self.listed if a.kind == "person"), key=self.sort_name)

    def others(self, kind: str) -> list[Actor]:
        return sorted((a for a in self.listed if a.kind == kind), key=lambda a: a.name.lower())

    def index(self, kind: str) -> list[IndexPage]:
        """The pages of the index `kind`: "people", by family name, or
        "organizations" (countries, organizations and groups), by name."""
        if kind not in self._index:
            if kind == "people":
                pages = split_index(self.people(), lambda a: self.sort_name(a)[0])
            else:
                others = [a for a in self.listed if a.kind != "person"]
                pages = split_index(sorted(others, key=lambda a: a.name.lower()), lambda a: a.name)
            self._index[kind] = pages
        return self._index[kind]

    def most_named(self, kind: str, limit: int) -> list[Actor]:
        """The `limit` actors of the index `kind` in the most articles (then the most
        quoted), the most first: the rows a long index's own page keeps."""
        rows = [a for page in self.index(kind) for a in page.rows]
        return sorted(rows, key=lambda a: (-len(set(a.articles)), -len(self.said(a)), a.name))[
            :limit
        ]

    def role_titles(self, actor: Actor) -> list[str]:
        return [m.title for m in self.roles.merged(actor)]  # one case, newest first

    def speakers(self) -> list[tuple[Actor, list[Quote]]]:
        out = [
            (self.actors[k], self.said(self.actors[k]))
            for k, qs in self.quotes_by_speaker.items()
            if k in self.actors and qs
        ]
        return sorted(out, key=lambda aq: (-len(aq[1]), aq[0].name))

    def quotation_pages(self) -> list[tuple[IndexPage, list[tuple[Actor, list[Quote]]]]]:
        """The pages of the quotations by speaker, each with its speakers and what
        they said: the index's own first, then a page per initial of the family
        name (of the name, for an organisation), or per two letters for an initial
        with more than `QUOTES_PER_PAGE` statements to show (about). A single page of every
        quotation was 6.5 MB at 840 articles."""
        if "speakers" not in self._index:

            def key(actor: Actor) -> tuple[str, str]:
                return self.sort_name(actor) if actor.kind == "person" else (actor.name.lower(), "")

            def shown(actor: Actor) -> int:
                # At most a page's share of each speaker's statements, whether they
                # have a page or not: a count that only grows with the archive, so
                # that a letter once split stays split.
                return min(len(self.said(actor)), QUOTES_PER_SPEAKER)

            rows = sorted((a for a, _ in self.speakers()), key=key)
            self._index["speakers"] = split_index(
                rows, lambda a: key(a)[0], QUOTES_PER_PAGE, size=shown, by_letter=True
            )
        return [(p, [(a, self.said(a)) for a in p.rows]) for p in self._index["speakers"]]

    def quotation_letters(self) -> list[tuple[str, str, list[tuple[Actor, list[Quote]]]]]:
        """The quotations' pages by initial, as the index lists them: (prefix,
        label, the speakers on it or on the pages under it)."""
        pages = self.quotation_pages()
        return [
            (
                part,
                page_label(part),
                [s for p, said in pages if within(p.prefix, part) for s in said],
            )
            for part, _ in pages[0][0].parts
        ]

    def said(self, actor: Actor) -> list[Quote]:
        """What the actor said, each statement once (see `statements`)."""
        if actor.id not in self._said:
            quotes = self.quotes_by_speaker.get(actor.id, [])
            self._said[actor.id] = statements(quotes, self.articles)
        return self._said[actor.id]

    def topic_quotes(self, topic: Topic) -> list[tuple[Actor, list[Quote]]]:
        ids = set(topic.quotes)
        out: dict[str, list[Quote]] = defaultdict(list)
        for q in self.quotes:
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
