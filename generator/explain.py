"""The views that explain: where each actor stands ("Where they stand", "Positions")
and the editors' questions with their evidence ("What to know"). `siteviews.Site`
holds one, given the data it reads (the corpus, its articles, actors and topics by
id, the lead topic's id and the history views); the templates call it as
`site.explain`.

Evidence is shown in whole sentences: a stance's own sentence (its offsets come
from the parse), and for questions answered by passages, sentences cut from the
topic's key paragraphs by `sentences.sentences()`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.extract.bodies import BODY_NAME
from generator.history import History
from generator.model import STANCE_ORDER, Actor, Article, Corpus, Episode, Evidence, Position, Topic
from generator.sentences import sentences
from generator.wording import human_date

STANCE_LABELS = {
    "for": "For",
    "conditional": "On a condition",
    "against": "Against",
    "undecided": "Undecided",
}

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "do",
        "does",
        "did",
        "what",
        "who",
        "whom",
        "which",
        "why",
        "how",
        "when",
        "where",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "one",
        "ones",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "not",
        "no",
    ]
)
MAX_PASSAGES = 3
MAX_EPISODES = 3  # on a card; the history page has them all


def _stems(text: str) -> set[str]:
    """Crude stems, enough to match "tests" with "test" and "freezing" with "freeze"."""
    out = set()
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in STOP_WORDS or len(w) < 3:
            continue
        w = re.sub(r"(?:ing|ed|es|s)$", "", w) if len(w) > 4 else w
        out.add(w[:5])
    return out


@dataclass(frozen=True)
class Passage:
    article: str
    paragraph: int
    text: str


@dataclass(frozen=True)
class Card:
    """One question of "What to know" with what answers it."""

    question: str
    answer: str | None
    show: str
    passages: tuple[Passage, ...] = ()
    # (stance label, ((actor, its position), ...))
    sides: tuple[tuple[str, tuple[tuple[Actor, Position], ...]], ...] = ()
    # (episode, when, its sentence, what became of it: its last event's title)
    episodes: tuple[tuple[Episode, str, str, str], ...] = ()
    more: int = 0  # episodes not shown


class Explain:
    def __init__(
        self,
        corpus: Corpus,
        articles: dict[str, Article],
        actors: dict[str, Actor],
        topics: dict[str, Topic],
        lead_id: str | None,
        history: History,
    ):
        self.corpus = corpus
        self.articles = articles
        self.actors = actors
        self.topics = topics
        self.lead_id = lead_id
        self.history = history

    # --- campaigns and offices ------------------------------------------------------

    @functools.cached_property
    def _owners(self) -> dict[str, Actor]:
        """Each campaign or office (see `extract.bodies`) -> the person it is named after."""
        people = {a.name: a for a in self.actors.values() if a.kind == "person"}
        out = {}
        for a in self.actors.values():
            m = BODY_NAME.match(a.name) if a.kind == "organization" else None
            if m and m["owner"] in people:
                out[a.id] = people[m["owner"]]
        return out

    def owner_of(self, actor: Actor) -> Actor | None:
        return self._owners.get(actor.id)

    @functools.cached_property
    def _bodies(self) -> dict[str, list[Actor]]:
        out: dict[str, list[Actor]] = {}
        for b, o in sorted(self._owners.items(), key=lambda bo: self.actors[bo[0]].name):
            out.setdefault(o.id, []).append(self.actors[b])
        return out

    def bodies_of(self, actor: Actor) -> list[Actor]:
        """A person's campaign and office, as actors of their own."""
        return self._bodies.get(actor.id, [])

    # --- positions ------------------------------------------------------------------

    def latest_events(self) -> list[tuple[Topic, object]]:
        """Each history topic's newest dated event (not a scheduled one), newest
        first: what "Latest" on the home page is made of, rather than the newest
        articles, whatever they are about. Only topics whose history the editors asked
        for: their events are the ones the history pages (and the events benchmark)
        hold to account."""
        newest: dict[str, object] = {}
        for e in self.corpus.events:
            if e.scheduled or not e.date:
                continue
            for t in e.topics:
                old = newest.get(t)
                if old is None or (e.date, e.id) > (old.date, old.id):
                    newest[t] = e
        rows = [
            (self.topics[t], e)
            for t, e in newest.items()
            if t in self.topics and self.topics[t].history
        ]
        return sorted(rows, key=lambda te: (te[1].date, te[0].id), reverse=True)

    def positions_on(self, topic: Topic) -> list[tuple[Actor, Position]]:
        """Who stands where on the topic's proposal: for, on a condition, against."""
        rank = {s: i for i, s in enumerate(STANCE_ORDER)}
        out = [
            (self.actors[p.actor], p)
            for p in self.corpus.positions
            if p.topic == topic.id and p.actor in self.actors
        ]
        return sorted(out, key=lambda ap: (rank[ap[1].stance], ap[0].name))

    def positions_of(self, actor: Actor) -> list[tuple[Topic, Position]]:
        return [
            (self.topics[p.topic], p)
            for p in self.corpus.positions
            if p.actor == actor.id and p.topic in self.topics
        ]

    def stated_for(self, actor: Actor) -> list[tuple[Topic, Actor, Position]]:
        """Positions its officials stated for a country ("Kye Chun-yong, for North
        Korea"): a reader looking for the country finds them on its page."""
        return [
            (self.topics[p.topic], self.actors[p.actor], p)
            for p in self.corpus.positions
            if p.on_behalf == actor.name and p.topic in self.topics and p.actor in self.actors
        ]

    def sides(self, topic: Topic) -> list[tuple[str, list[tuple[Actor, Position]]]]:
        """The actors by stance, in the order a reader asks: for, on a condition, against."""
        groups: dict[str, list[tuple[Actor, Position]]] = {}
        for actor, p in self.positions_on(topic):
            groups.setdefault(p.stance, []).append((actor, p))
        return [(STANCE_LABELS[s], groups[s]) for s in STANCE_ORDER if s in groups]

    @staticmethod
    def stance_label(stance: str) -> str:
        return STANCE_LABELS[stance]

    @staticmethod
    def stance_phrase(topic: Topic, p: Position) -> str:
        """The stance with what it is on, for a sentence: "for ending the joint
        exercises", "against repealing Obamacare". Never the topic's name with the
        stance after it: "Obamacare (against)" reads as against the law, when the
        proposal is its repeal."""
        what = topic.proposal or topic.name
        if p.stance == "conditional":
            return f"for {what} on a condition"
        if p.stance == "undecided":
            return f"undecided on {what}"
        return f"{STANCE_LABELS[p.stance].lower()} {what}"

    @staticmethod
    def stance_terms(p: Position) -> str:
        """What follows the stance in a table: the condition, or the editors' summary."""
        if p.curated:
            return p.summary
        return p.condition[:1].upper() + p.condition[1:] if p.condition else ""

    @staticmethod
    def stance_when(p: Position, capital: bool = False) -> str:
        """When the stance shown holds: "as of June 14, 2018", or "since June 12,
        2018" where the actor said otherwise before."""
        if p.history and p.since:
            text = f"since {human_date(p.since)}"
        elif p.date:
            text = f"as of {human_date(p.date)}"
        else:
            return ""
        return text[:1].upper() + text[1:] if capital else text

    @staticmethod
    def earlier(p: Position) -> list[tuple[str, str, Evidence]]:
        """The stances held before, newest first: ("against", "in June 2017", the
        evidence a reader can check)."""
        out = []
        for h in p.history:
            when = f"in {human_date(h.date[:7])}" if h.date else "before"
            out.append((STANCE_LABELS[h.stance].lower(), when, h.evidence[-1]))
        return out

    def behalf(self, p: Position) -> Actor | None:
        """The actor (a country) an official stated the position for, if it has a page."""
        if not p.on_behalf:
            return None
        return next((a for a in self.actors.values() if a.name == p.on_behalf), None)

    @staticmethod
    def main_evidence(p: Position) -> tuple[Evidence, list[Evidence]]:
        """The evidence a row shows (the one with the condition it states, else the
        latest) and the rest."""
        main = next((e for e in p.evidence if p.condition and e.condition == p.condition), None)
        main = main or p.evidence[-1]
        return main, [e for e in reversed(p.evidence) if e is not main]

    def evidence_text(self, ev: Evidence) -> str:
        """The sentence that shows a stance, whole (or the paragraph an editor named)."""
        text = self.articles[ev.article].paragraphs[ev.paragraph]
        if ev.end <= ev.start:
            return text
        return text[ev.start : ev.end].strip()

    # --- what to know -----------------------------------------------------------------

    @property
    def lead(self) -> Topic | None:
        """The topic the home page opens with: the editors' choice, else the first
        with questions, else the first with positions."""
        topics = list(self.corpus.topics)
        if self.lead_id:
            return self.topics.get(self.lead_id)
        for t in topics:
            if t.questions:
                return t
        with_positions = {p.topic for p in self.corpus.positions}
        return next((t for t in topics if t.id in with_positions), None)

    def cards(self, topic: Topic) -> list[Card]:
        out = []
        for q in topic.questions:
            card = Card(q.question, q.answer, q.show)
            if q.show == "positions":
                sides = tuple((label, tuple(a)) for label, a in self.sides(topic))
                card = Card(q.question, q.answer, q.show, sides=sides)
            elif q.show == "history":
                told = [(ep, when, evs) for ep, when, evs in self.history.episodes(topic) if evs]
                # The episodes most told (most events, then most articles), in order.
                keep = sorted(
                    told,
                    key=lambda x: (-len(x[2]), -len({e.article for e in x[2]}), x[0].start),
                )[:MAX_EPISODES]
                eps = tuple(
                    (ep, when, self.history.sentences(evs)[0].summary, _outcome(ep, evs))
                    for ep, when, evs in told
                    if any(k[0] is ep for k in keep)
                )
                card = Card(q.question, q.answer, q.show, episodes=eps, more=len(told) - len(eps))
            # Passages under every question that has no other evidence, and in
            # place of an answer the editors did not give.
            if q.show == "passages" or not (card.sides or card.episodes):
                card = Card(
                    card.question,
                    card.answer,
                    "passages",
                    passages=self.passages(topic, q.question),
                )
            out.append(card)
        return out

    def passages(self, topic: Topic, question: str, limit: int = MAX_PASSAGES) -> tuple:
        """The whole sentences of the topic's key paragraphs that share most words with
        the question and the topic's name; earlier key paragraphs first on a tie."""
        want = _stems(question) | _stems(topic.name)
        scored = []
        for rank, (art, i) in enumerate(topic.paragraphs[:40]):
            text = self.articles[art].paragraphs[i]
            for s, e in sentences(text):
                sentence = text[s:e].strip()
                words = len(sentence.split())
                if words < 6 or words > 60:
                    continue
                score = len(want & _stems(sentence))
                if score:
                    scored.append((-score, rank, s, Passage(art, i, sentence)))
        scored.sort(key=lambda x: x[:3])
        return tuple(p for *_, p in scored[:limit])


def _outcome(ep: Episode, events) -> str:
    """The episode in a line: its title and, where a later event ends it, that too
    ("The Clinton administration tried a freeze; the North Koreans discarded a freeze")."""
    last = events[-1].title
    if len(events) < 2 or last == ep.title or events[-1].date == events[0].date:
        return f"{ep.title}."
    return f"{ep.title}; {last[:1].lower()}{last[1:]}."
