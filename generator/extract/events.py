"""Dated events an article recounts: what happened, and what is scheduled.

`extract_events(article, docs, index, leaders, topics)` finds, in each sentence,
the verbs a time expression dates (`when.py`) whose clause tells an event
(`eventness.py`: not a stance, a forecast, a hypothetical, a standing state, a
habit, a question). Each is an event: its date resolved against the article's
date, the tense and the last date the text gave (`dates.py`, `relative.py`), a
headline that says who did what (`headlines.py`), the sentence as the summary, the
actors named in it, its topics and its paragraph. Also:

* a clause dated from another date of its sentence ("two days after Mr. Roe met
  Ms. Lind", `when.offsets`);
* a past event with no date of its own right after a dated one, in a sentence on a
  topic: the story goes on at the date the text has just given;
* a formal act or a finding told in the present ("Sanders announces ...", "a
  review shows ...") on a topic: the article's day;
* the future tense (or a present) with a date after the article's: `scheduled`.

An event whose date cannot be told, or whose sentence gives it no subject, is left
out. Topics: the sentence's terms in their topic's sense, or the story's just
before (`_topics_of`).

It misses events dated only by another event ("after the summit"), events told by
a noun alone, and time expressions the model does not tag as dates.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from generator.extract.dates import Resolved, resolve
from generator.extract.entities import EntityIndex
from generator.extract.eventness import event_kind, rule, scheduled_present
from generator.extract.headlines import title
from generator.extract.phrases import phrase
from generator.extract.tokens import ent_of, ents_in, quoted_ids, text_of
from generator.extract.when import after, before, offsets, shift, time_expressions
from generator.leaders import Leader
from generator.model import Article, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from generator.extract.topics import TopicMatcher

ANAPHORIC_NOUNS = {"proposal", "idea", "plan", "approach", "deal", "offer", "agreement", "freeze"}


def _refers_back(sent: Span) -> bool:
    """The sentence's subject is "the proposal", "that approach", "versions of the idea"."""
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    for t in subj.subtree:
        if t.lemma_.lower() in ANAPHORIC_NOUNS and any(
            c.lower_ in ("the", "that", "this", "such") for c in t.children
        ):
            return True
    return False


def _key_of(tok: Token, p: int, index: EntityIndex) -> str | None:
    ent = ent_of(tok)
    return index.key_at(p, ent.start_char) if ent is not None else None


def _subject_names(
    sent: Span, p: int, index, names_by_key, last_subject, things: dict[str, str]
) -> dict[int, tuple[str, str]]:
    """(key, name) for pronoun subjects: "he"/"she" is a person named as a subject
    earlier in the same sentence, else the person the previous sentences were
    about; "it" and "they" as a main clause's first subject, the previous
    sentence's main subject of their number ("it" never a person), in `things`
    (which this call sets for the next sentence)."""
    names: dict[int, tuple[str, str]] = {}
    current = None
    firsts: list = []  # the subjects met so far
    for t in sent:
        if t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        key = _key_of(t, p, index)
        if key and key.startswith("person:"):
            current = key
        elif t.lower_ in ("he", "she"):
            who = current or last_subject
            if who:
                names[t.i] = (who, names_by_key[who])
        elif t.lower_ in ("it", "they") and t.head.i == sent.root.i and not firsts:
            # Only a main clause's first subject, for the last sentence's subject:
            # "The province accepted it. Two years later, it abandoned it."
            thing = things.get("sg" if t.lower_ == "it" else "pl")
            if thing and not (t.lower_ == "it" and _dummy_it(t)):
                names[t.i] = ("", thing)
        firsts.append(t)
    root_subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    things.clear()
    if root_subject is not None and root_subject.pos_ in ("NOUN", "PROPN"):
        key = _key_of(root_subject, p, index)
        plural = root_subject.tag_ in ("NNS", "NNPS") or any(
            c.dep_ == "conj" for c in root_subject.children
        )
        if plural or not (key and key.startswith("person:")):
            things["pl" if plural else "sg"] = phrase(root_subject)
    return names


def _dummy_it(tok: Token) -> bool:
    """'it is clear that ...', 'it seems': no thing."""
    return tok.head.lemma_ in ("be", "seem", "appear", "take", "remain") or any(
        c.dep_ in ("ccomp", "xcomp") and c.i > tok.head.i for c in tok.head.children
    )


MAIN_TOPIC_HITS = 4


def _topics_of(sent: Span, paragraph: Counter, topics: TopicMatcher | None) -> set[str]:
    """The topics the sentence is about: its own terms in the topic's sense, or,
    where it has none, those its paragraph names at least twice in that sense."""
    if topics is None:
        return set()
    own = set(topics.match_in_sense(sent))
    return own or {t for t, n in paragraph.items() if n >= 2}


def extract_events(
    article: Article,
    docs: list[Doc],
    index: EntityIndex,
    leaders: tuple[Leader, ...],
    topics: TopicMatcher | None,
) -> list[Event]:
    """The events of an article (see the module's docstring)."""
    from generator.extract.marks import find_quote_spans, spans_by_paragraph

    events: list[Event] = []
    names_by_key = {e.key: e.name for e in index.entities}
    by_paragraph = spans_by_paragraph(find_quote_spans([text_of(d) for d in docs]))
    last_subject: str | None = None  # the person last the subject of a main clause
    things: dict[str, str] = {}  # the last subjects that were not a person, by number
    prev_topics: tuple[str, ...] = ()
    anchor: str | None = None  # the last date the text gave
    told: int | None = None  # the paragraph of the last dated event
    prev_p = -9
    gap = 9  # sentences since the last one with topic terms of its own
    pub = article.date
    counts = [topics.match_in_sense(doc) if topics else Counter() for doc in docs]
    whole = sum(counts, Counter())
    top = max(whole.values(), default=0)
    # The article's own subjects: a story told over several paragraphs keeps its topic.
    main = {t for t, n in whole.items() if n >= MAIN_TOPIC_HITS and 2 * n >= top}
    for p, doc in enumerate(docs):
        quoted = quoted_ids(doc, by_paragraph.get(p, ()))
        paragraph = counts[p]
        for sent in doc.sents:
            keys = []
            for ent in ents_in(sent):
                key = index.key_at(p, ent.start_char)
                if key and key not in keys:
                    keys.append(key)
            own_topics = tuple(sorted(_topics_of(sent, paragraph, topics)))
            topic_ids = own_topics
            if not topic_ids and (
                (p == prev_p and gap <= 1)
                or (p - prev_p == 1 and gap <= 2 and set(prev_topics) <= main)
                or _refers_back(sent)
            ):
                # A sentence that goes on with the story the one just before told
                # ("They signed an agreement"), or "Versions of the proposal ...".
                topic_ids = prev_topics
            if own_topics:
                prev_topics, prev_p, gap = own_topics, p, 0
            else:
                gap += 1
            names = _subject_names(sent, p, index, names_by_key, last_subject, things)
            for key, _ in names.values():
                if key and key not in keys:
                    keys.append(key)
            found: dict[int, tuple[Token, Resolved, int, str | None, bool]] = {}
            exact: str | None = None
            for verbs, expr, prio in time_expressions(sent, leaders, quoted):
                verb = next((v for v in verbs if event_kind(v) is not None), None)
                if verb is not None and verb.lemma_.lower() in rule("aspect_verbs"):
                    # "The gap began a year ago, when he released his plan": the act.
                    verb = next(
                        (
                            c
                            for c in verb.subtree
                            if c.dep_ in ("advcl", "relcl")
                            and any(g.lower_ == "when" for g in c.children)
                            and event_kind(c) == "past"
                        ),
                        verb,
                    )
                if verb is None and verbs:
                    # "when Congress cut funding two years later, Mexico said enough":
                    # the event is the clause a stance or a state is told with.
                    verb = next(
                        (
                            c
                            for c in verbs[0].children
                            if c.dep_ in ("advcl", "conj")
                            and event_kind(c) == "past"
                            and not any(t.ent_type_ == "DATE" for t in c.subtree)
                        ),
                        None,
                    )
                kind = event_kind(verb) if verb is not None else None
                if verb is None and verbs and scheduled_present(verbs[0]):
                    ahead = resolve(expr, pub, leaders, True, anchor)
                    if ahead is not None and after(ahead.date, pub):
                        verb, kind = verbs[0], "future"  # "The tax takes effect in April"
                date = resolve(expr, pub, leaders, kind == "future", anchor)
                if date is None:
                    continue
                if kind != "future":
                    anchor = date.date  # what "two years later" counts from
                    exact = exact or (date.date if prio == 0 else None)
                if verb is None or verb.i in quoted:
                    continue
                if kind == "future" and (before(date.date, pub) or not pub):
                    continue  # "will" with a date gone by: no event
                if kind != "future" and after(date.date, pub):
                    continue  # a past tense with a date to come: a target, not an event
                if verb.i not in found or prio < found[verb.i][2]:
                    found[verb.i] = (verb, date, prio, expr.strip(), kind == "future")
            if exact:
                for verb, days in offsets(sent, quoted):
                    shifted = shift(exact, days)
                    if shifted and verb.i not in found and event_kind(verb) == "past":
                        found[verb.i] = (verb, Resolved(shifted), 0, None, False)
                        anchor = shifted
            root = sent.root
            if found:
                told = p
            elif (
                anchor
                and told is not None
                and p - told <= 1
                and own_topics
                and root.i not in quoted
                and event_kind(root) == "past"
                and not after(anchor, pub)
            ):
                # The story goes on from the date the text has just given: "Mexico
                # slapped retaliatory tariffs ..." after "two years later".
                found[root.i] = (root, Resolved(anchor), 3, None, False)
            if not found and topic_ids and root.i not in quoted and pub:
                # A formal act told in the present ("Sanders announces ..."), or a
                # finding ("a review shows ..."): the news of the article's day.
                for verb in [root, *(c for c in root.children if c.dep_ == "ccomp")]:
                    if event_kind(verb) == "present" and verb.i not in quoted:
                        found[verb.i] = (verb, Resolved(pub), 2, None, False)
                        break
            for verb, date, _, expr, scheduled in sorted(found.values(), key=lambda v: v[0].i):
                headline_ = title(verb, names)
                if headline_ is None:
                    continue  # no subject: not a clause a reader can use
                rough = date.approximate
                events.append(
                    Event(
                        id=f"{article.id}-e{len(events) + 1}",
                        date=date.date,
                        approximate=rough,
                        date_text=expr if rough else None,
                        date_label=date.label if rough else None,
                        title=headline_,
                        summary=sent.text.strip(),
                        article=article.id,
                        paragraph=p,
                        actors=tuple(keys),
                        topics=topic_ids,
                        scheduled=scheduled,
                    )
                )
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                key = _key_of(subj, p, index) or (
                    last_subject if subj.lower_ in ("he", "she") else None
                )
                if key and key.startswith("person:"):
                    last_subject = key
                    continue
            # No person as subject: the first person the sentence names is in focus.
            people = [k for k in keys if k.startswith("person:")]
            if people:
                last_subject = people[0]
    return events
