"""Topics: paragraphs and quotes matched against the editors' topic terms.

Terms are matched on lemmas with spaCy's PhraseMatcher, so one term finds every
inflection. `TopicMatcher.match(span)` counts the hits of each topic in a span.
`suggest(docs, matcher)` lists frequent noun phrases no topic covers yet.
It misses topics named only by synonyms that are not in the file.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from generator.extract import sense
from generator.topicspec import TopicSpec, load_topics  # noqa: F401 - re-exported


class TopicMatcher:
    """Finds topic terms on lemmas with spaCy's PhraseMatcher, once per Doc."""

    def __init__(self, nlp: Language, topics: tuple[TopicSpec, ...]):
        self.topics = topics
        self.matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        # Lemmas need the tagger and lemmatizer only; parser and entities are off.
        off = [
            n
            for n in nlp.pipe_names
            if n in ("parser", "ner", "senter") or n.startswith("explainer_")
        ]
        with nlp.select_pipes(disable=off):
            for t in topics:
                # A lone term is lemmatized as it would be in a sentence, and also
                # with a capital, as at the start of one ("Sanctions could ...").
                variants = [*t.terms, *(term[:1].upper() + term[1:] for term in t.terms)]
                self.matcher.add(t.id, list(nlp.pipe(variants)))
            # The proposals each topic may have on the table ("Where they stand").
            self.proposals = {t.id: t.proposal for t in topics if t.proposal}
            self.proposal_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
            self.actions: dict[str, frozenset[str]] = {}
            for tid, prop in self.proposals.items():
                variants = [*prop.terms, *(term[:1].upper() + term[1:] for term in prop.terms)]
                self.proposal_matcher.add(tid, list(nlp.pipe(variants)))
                self.actions[tid] = frozenset(
                    w
                    for a in prop.actions
                    for doc in [nlp(a)]
                    for w in (doc[0].lemma_.lower(), a.split()[0].lower())
                )
            self.all_actions = frozenset().union(*self.actions.values())
        # A name or an acronym ("Obamacare", "NAFTA") is matched as written too: the
        # lemmatizer takes a lone capitalised word for a verb and lower-cases it.
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.proposal_names = PhraseMatcher(nlp.vocab, attr="LOWER")
        for t in topics:
            names = [n for n in t.terms if n != n.lower()]
            if names:
                self.names.add(t.id, [nlp.make_doc(n) for n in names])
            props = [n for n in (t.proposal.terms if t.proposal else ()) if n != n.lower()]
            if props:
                self.proposal_names.add(t.id, [nlp.make_doc(n) for n in props])
            # The topic's own words, for telling its sense of a term from another's.
            self.vocab = {
                t.id: sense.vocabulary(
                    [t.name, *t.terms]
                    + (
                        [t.proposal.name, *t.proposal.terms, *t.proposal.actions]
                        if t.proposal
                        else []
                    )
                )
                for t in topics
            }
            self.described = {
                t.id: self.vocab[t.id] | sense.vocabulary([t.description]) for t in topics
            }

    def hits(self, doc: Doc) -> list[tuple[str, int, int]]:
        cached = doc.user_data.get("explainer_topics")
        if cached is None:
            cached = []
            if self.topics:
                seen = set()
                for match_id, s, e in [*self.matcher(doc), *self.names(doc)]:
                    if (match_id, s, e) not in seen:
                        seen.add((match_id, s, e))
                        cached.append((doc.vocab.strings[match_id], s, e))
            doc.user_data["explainer_topics"] = cached
        return cached

    def proposal_hits(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(topic id, start, end) of each mention of a topic's proposal's terms, in
        the topic's sense (`sense.in_sense`); a word two topics share goes to the
        one the sentence is about, or to neither."""
        if not self.proposals:
            return []
        cached = doc.user_data.get("explainer_proposals")
        if cached is not None:
            return cached
        found = [
            (t, s, e)
            for m, s, e in sorted({*self.proposal_matcher(doc), *self.proposal_names(doc)})
            if sense.in_sense(doc, s, e, self.vocab[t := doc.vocab.strings[m]], self.described[t])
        ]
        out = []
        for t, s, e in found:
            shared = sorted({u for u, a, b in found if a < e and s < b})
            if len(shared) > 1:
                sent = doc[s].sent
                counts = Counter(
                    u
                    for u, a, b in self.hits(doc)
                    if sent.start <= a < sent.end and not (a < e and s < b)
                )
                if sense.pick(shared, counts) != t:
                    continue
            out.append((t, s, e))
        doc.user_data["explainer_proposals"] = out
        return out

    def in_sense(self, doc: Doc, i: int, topic: str) -> bool:
        """Whether the noun at `i` could stand for the topic's proposal: no modifier
        that makes it another thing ("the Dodd-Frank law" for a health law)."""
        return sense.in_sense(doc, i, i + 1, self.vocab[topic], self.described[topic])

    def match(self, span: Span | Doc) -> Counter:
        doc = span.doc if isinstance(span, Span) else span
        start = span.start if isinstance(span, Span) else 0
        end = span.end if isinstance(span, Span) else len(doc)
        hits: Counter = Counter()
        for topic, s, e in self.hits(doc):
            if start <= s and e <= end:
                hits[topic] += 1
        return hits

    def match_in_sense(self, span: Span | Doc) -> Counter:
        """As `match`, counting only the terms used in their topic's sense
        (`sense.in_sense`): "the deal" counts, "dealt" and "a free trade deal" for
        another deal do not; a term the editors wrote as a verb phrase ("end joint
        military exercise") counts as a verb phrase."""
        doc = span.doc if isinstance(span, Span) else span
        start = span.start if isinstance(span, Span) else 0
        end = span.end if isinstance(span, Span) else len(doc)
        found = {
            (topic, s, e)
            for topic, s, e in self.hits(doc)
            if start <= s
            and e <= end
            and (
                (e - s > 1 and doc[s:e].root.pos_ == "VERB")
                or sense.in_sense(doc, s, e, self.vocab[topic], self.described[topic])
            )
        }
        # The proposal's own terms ("his returns" for releasing tax returns) count too.
        # A lone generic word ("law", "plan") is no proposal by itself here.
        found |= {
            (t, s, e)
            for t, s, e in self.proposal_hits(doc)
            if start <= s
            and e <= end
            and not (e - s == 1 and doc[s].lemma_.lower() in sense.GENERIC_HEADS)
        }
        return Counter(t for t, _, _ in found)

    def covered(self, doc: Doc) -> set[int]:
        return {i for _, s, e in self.hits(doc) for i in range(s, e)}


def suggest(docs: list[Doc], matcher: TopicMatcher, limit: int = 30) -> list[tuple[str, int]]:
    """Frequent noun phrases that no topic term covers."""
    counts: Counter = Counter()
    for doc in docs:
        covered = matcher.covered(doc)
        for chunk in doc.noun_chunks:
            words = [t for t in chunk if not (t.is_stop or t.is_punct or t.ent_type_ or t.like_num)]
            if not words or any(t.i in covered for t in words):
                continue
            phrase = " ".join(t.lemma_.lower() for t in words)
            if len(phrase) > 3:
                counts[phrase] += 1
    return [(p, n) for p, n in counts.most_common(limit) if n > 1]
