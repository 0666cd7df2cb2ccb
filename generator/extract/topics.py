"""Topics: paragraphs and quotes matched against the editors' topic terms.

Terms are matched on lemmas with spaCy's Matcher, so one term finds every
inflection. `TopicMatcher.match(span)` counts the hits of each topic in a span.
`suggest(docs, matcher)` lists frequent noun phrases no topic covers yet.
It misses topics named only by synonyms that are not in the file.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from generator.editorial import TopicSpec, load_topics  # noqa: F401 - re-exported


class TopicMatcher:
    def __init__(self, nlp: Language, topics: tuple[TopicSpec, ...]):
        self.topics = topics
        self.matcher = Matcher(nlp.vocab)
        for t in topics:
            patterns = []
            for doc in nlp.pipe(t.terms):
                patterns.append([{"LEMMA": {"IN": _lemma_forms(tok)}} for tok in doc])
            self.matcher.add(t.id, patterns)

    def match(self, span: Span | Doc) -> Counter:
        doc = span.doc if isinstance(span, Span) else span
        start = span.start if isinstance(span, Span) else 0
        end = span.end if isinstance(span, Span) else len(doc)
        hits: Counter = Counter()
        if not self.topics:
            return hits
        for match_id, s, e in self.matcher(doc):
            if start <= s and e <= end:
                hits[doc.vocab.strings[match_id]] += 1
        return hits

    def covered(self, doc: Doc) -> set[int]:
        if not self.topics:
            return set()
        return {i for _, s, e in self.matcher(doc) for i in range(s, e)}


def _lemma_forms(tok) -> list[str]:
    # The lemma of a lone term may differ from its lemma in a sentence ("talks").
    return sorted({tok.lemma_, tok.lemma_.lower(), tok.text, tok.lower_, tok.text.capitalize()})


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
