"""Dated events an article recounts, past and present.

`extract_events(article, docs, index, leaders, topics)` finds, in each sentence,
the verbs that a time expression hangs on: a date entity ("in 1994", "on
Tuesday"), a reference to a term of office ("early in the administration of
President George W. Bush", "as soon as President Barack Obama entered office").
Each such verb is an event: its date (see `dates.py`), a short title built from the
verb, its subject and its object, the sentence as the summary, the actors named in
the sentence, its topics, and its paragraph. A sentence in the present tense with
no time expression states what is the case at publication ("White House officials
say ...") and is an event of the publication date when it is on a history topic.
A sentence on a history topic whose date cannot be told is kept, undated.

It misses events dated only by another event ("two days after the summit"), and
time expressions the model does not tag as dates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.editorial import Leader
from generator.extract.dates import Resolved, resolve
from generator.extract.entities import EntityIndex
from generator.extract.tokens import (
    ent_of,
    ents_in,
    noun_chunk_of,
    quoted_ids,
    root_of,
    text_of,
)
from generator.model import Article, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from generator.extract.topics import TopicMatcher

TERM_WORDS = {"administration", "term", "presidency", "tenure"}
OFFICE_VERBS = {"enter", "take", "leave", "assume"}
DURATION_WORDS = {
    "decade",
    "decades",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hours",
    "hour",
}


def _verb_of(tok: Token) -> Token | None:
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ != "aux":
            return anc
    return None


TEMPORAL_PREPOSITIONS = {
    "in",
    "during",
    "under",
    "at",
    "since",
    "until",
    "before",
    "after",
    "throughout",
    "toward",
    "towards",
    "early",
    "late",
}


def _event_verb(tok: Token) -> Token | None:
    """The verb a time expression dates; a "when" clause dates its main clause, and
    "appear to have budged" is one predicate."""
    verb = _verb_of(tok)
    while (
        verb is not None
        and verb.head is not verb
        and (
            verb.dep_ == "xcomp"
            or (verb.dep_ == "advcl" and any(c.lower_ in ("when", "as") for c in verb.children))
        )
    ):
        verb = verb.head
    return verb


def _time_expressions(
    sent: Span, leaders: tuple[Leader, ...], quoted: set[int]
) -> list[tuple[Token, str, int]]:
    """(verb, expression, priority): explicit dates before terms of office. Dates
    inside quotations are speech, not narration, and are left out."""
    out: list[tuple[Token, str, int]] = []
    for ent in ents_in(sent):
        if ent.label_ != "DATE" or any(t.i in quoted for t in ent):
            continue
        words = {t.lower_ for t in ent}
        if (
            words & DURATION_WORDS
            and not any(t.like_num and len(t) == 4 for t in ent)
            and not (words & {"this", "last", "next", "early", "earlier", "late"})
        ):
            continue  # "for decades", "several months": durations, not dates
        verb = _event_verb(root_of(ent))
        if verb is not None:
            out.append((verb, ent.text, 0))
    surnames = {ld.surname for ld in leaders}
    for tok in sent:
        if tok.i in quoted:
            continue
        if tok.lemma_.lower() in TERM_WORDS and any(
            t.text.rstrip("'\u2019s") in surnames for t in tok.subtree
        ):
            # Only as a time adverbial: "early in the administration of ...",
            # "at the end of Mr. Bush's term"; not "the Trump administration has ...".
            head, temporal = tok, False
            while head.dep_ in ("pobj", "prep", "poss", "compound") and head.head.pos_ not in (
                "VERB",
                "AUX",
            ):
                head = head.head
                temporal = temporal or head.lower_ in TEMPORAL_PREPOSITIONS
            if head.dep_ == "prep" and head.lower_ in TEMPORAL_PREPOSITIONS:
                temporal = True
            if not temporal:
                continue
            phrase = "".join(t.text_with_ws for t in head.subtree)
            verb = _event_verb(head.head)
            if verb is not None:
                out.append((verb, phrase, 1))
        if (
            tok.lemma_.lower() in OFFICE_VERBS
            and any(c.lower_ == "office" for c in tok.children)
            and tok.dep_ == "advcl"
        ):
            phrase = "".join(t.text_with_ws for t in tok.subtree)
            verb = _verb_of(tok.head)
            if verb is not None:
                out.append((verb, phrase, 1))
    return out


def _chunk(tok: Token, with_of: bool = False) -> str:
    nc = noun_chunk_of(tok)
    text = nc.text if nc is not None else tok.text
    ent = ent_of(tok)
    if ent is not None and ent.label_ == "PERSON" and ent.text not in text:
        text = ent.text
    if with_of:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            text = f"{text} of {_chunk(obj)}"
    return text


def _words(tok: Token, n: int) -> str:
    """The first words of a phrase, ending on its last noun within `n` words, so
    that a headline never ends on a cut phrase ("..." or a preposition)."""
    toks = list(tok.subtree)
    if len(toks) > n:
        nouns = [k for k, t in enumerate(toks[:n]) if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]
        if not nouns:
            return ""
        end = nouns[-1] + 1
        # Never inside a noun phrase: "an assault weapons ban", not "an assault".
        chunk = noun_chunk_of(toks[nouns[-1]])
        while chunk is not None and end < len(toks) and toks[end].i < chunk.end:
            end += 1
        toks = toks[:end]
    return "".join(t.text_with_ws for t in toks).strip()


def _clause(verb: Token) -> str:
    """A reported clause in brief, whole: "(that) his country was willing",
    "they are not interested", "the Democratic Party of Mr. Moon won"."""
    keep = {"mark", "nsubj", "nsubjpass", "aux", "auxpass", "neg", "prt"}
    parts = [
        (c.i, _chunk(c) if c.dep_.startswith("nsubj") else c.text)
        for c in verb.children
        if c.dep_ in keep
    ]
    parts.append((verb.i, verb.text))
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp", "oprd")), None)
    if obj is not None:
        parts.append((obj.i, _chunk(obj)))
    else:
        # "was sticking to his demand": the verb's first phrase, whole.
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i), None)
        if prep is not None:
            parts.append((prep.i, _words(prep, 5)))
    return " ".join(p for _, p in sorted(parts) if p)


HEADLINE_MAX = 80


def headline(doc: Doc) -> str | None:
    """A headline for an article that has none, from its lede's first sentence: the
    main clause (subject, verb, object or complement) in whole words, with the
    reported clause after it where it fits, at most HEADLINE_MAX characters; None
    when no such clause fits."""
    sent = next(iter(doc.sents), None)
    if sent is None or sent.root.pos_ not in ("VERB", "AUX"):
        return None
    root = sent.root
    before = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
    if before is not None:
        root = before  # "The board has come under pressure ..., officials said": the news
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not any(ch.isalpha() for ch in _chunk(subj)):
        return None
    title = _title(root, {})
    obj = any(c.dep_ in ("dobj", "attr", "oprd") for c in root.children)
    comp = next((c for c in root.children if c.dep_ == "ccomp" and c.i > root.i), None)
    if obj and comp is not None:
        # Only whole: "... that President Trump was sticking" would end on a verb
        # that lost its phrase.
        longer = f"{title} {_clause(comp)}"
        if len(longer) <= HEADLINE_MAX:
            title = longer
    return title if len(title) <= HEADLINE_MAX else None


def _relative_object(clause: Token) -> Token | None:
    """The noun a relative clause is about (also where the parser took the clause's
    "that" for a conjunction and hung it on the verb of that noun)."""
    if clause.dep_ == "relcl":
        return clause.head
    if clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
    ):
        return next((c for c in clause.head.children if c.dep_ == "dobj"), None)
    return None


def _title(verb: Token, names: dict[int, tuple[str, str]]) -> str:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    head = verb
    while subj is None and head.dep_ in ("conj", "xcomp", "advcl") and head.head is not head:
        head = head.head
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    agent = next((c.children for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent if c.dep_ == "pobj"), None) if agent is not None else None
    if (
        by is not None
        and subj is not None
        and subj.i < verb.i
        and verb.text.endswith("ed")
        and any(c.lower_ == "to" for c in verb.children)
    ):
        # "..., only to be abandoned by the North Koreans": who abandoned what.
        text = f"{_chunk(by)} {verb.text} {_chunk(subj)}"
        return text[:1].upper() + text[1:]
    parts: list[tuple[int, str]] = []
    if subj is not None:
        if subj.lower_ in ("that", "which", "who") and head.dep_ == "relcl":
            subj = head.head
        text = names[subj.i][1] if subj.i in names else _chunk(subj, with_of=True)
        parts.append((subj.i, text))
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass", "neg", "prt"):
            parts.append((c.i, c.text))
    parts.append((verb.i, verb.text))
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "acomp")), None)
    if obj is not None:
        if obj.lower_ in ("that", "which") and verb.dep_ == "relcl":
            obj = verb.head
        parts.append((obj.i if obj.i > verb.i else verb.i + 1, _chunk(obj)))
    else:
        comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
        if comp is not None:
            parts.append((comp.i, _clause(comp) if comp.dep_ == "ccomp" else _words(comp, 6)))
        else:
            # "has come under growing pressure to open ..."
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i), None)
            clause = verb
            while clause.dep_ == "conj" and clause.head is not clause:
                clause = clause.head
            noun = _relative_object(clause) if verb.tag_ in ("VBD", "VBN") else None
            if noun is not None and prep is None:
                # "a freeze ... that the North Koreans cheated on and then discarded":
                # the noun the clause is about is what was discarded.
                parts.append((verb.i + 1, _chunk(noun)))
            elif prep is not None:
                parts.append((prep.i, _words(prep, 6)))
    text = " ".join(p for _, p in sorted(parts) if p)
    return text[:1].upper() + text[1:]


# A sentence whose main verb is one of these, with no time of its own, states what
# is (commentary, analysis: "a freeze is a trap"), not what happened.
STATIVE_VERBS = {
    "be",
    "seem",
    "appear",
    "remain",
    "become",
    "include",
    "contain",
    "mean",
    "represent",
    "look",
    "sound",
    "consist",
    "matter",
    "depend",
}
# "A former Foreign Ministry official directed China's relations": a career, not an event.
CAREER_VERBS = {"direct", "serve", "work", "head", "lead", "oversee", "manage", "chair", "run"}


def _is_commentary(verb: Token) -> bool:
    """A present-tense statement of what is, or of a trend ("trade has been
    increasing"), rather than of something done."""
    return verb.lemma_.lower() in STATIVE_VERBS or verb.tag_ == "VBG"


def _is_career(verb: Token) -> bool:
    if verb.lemma_.lower() not in CAREER_VERBS:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subj = verb.head  # "a former official who directed ..."
    served_as = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    former = subj is not None and any(t.lower_ == "former" for t in subj.subtree)
    return former or served_as


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
    sent: Span, p: int, index, names_by_key, last_subject
) -> dict[int, tuple[str, str]]:
    """(key, name) for "he"/"she" subjects: a person named as a subject earlier in
    the same sentence, else the person the previous sentences were about."""
    names: dict[int, tuple[str, str]] = {}
    current = None
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
    return names


def extract_events(
    article: Article,
    docs: list[Doc],
    index: EntityIndex,
    leaders: tuple[Leader, ...],
    topics: TopicMatcher | None,
) -> list[Event]:
    from generator.extract.marks import find_quote_spans, spans_by_paragraph

    history = {t.id for t in topics.topics if t.history} if topics else set()
    events: list[Event] = []
    names_by_key = {e.key: e.name for e in index.entities}
    by_paragraph = spans_by_paragraph(find_quote_spans([text_of(d) for d in docs]))
    last_subject: str | None = None  # the person last the subject of a main clause
    prev_topics: tuple[str, ...] = ()
    for p, doc in enumerate(docs):
        quoted = quoted_ids(doc, by_paragraph.get(p, ()))
        for sent in doc.sents:
            keys = []
            for ent in ents_in(sent):
                key = index.key_at(p, ent.start_char)
                if key and key not in keys:
                    keys.append(key)
            topic_ids = tuple(sorted(topics.match(sent))) if topics else ()
            if not set(topic_ids) & history and _refers_back(sent):
                # "Versions of the proposal ...": the proposal of the sentence before.
                topic_ids = tuple(sorted(set(topic_ids) | set(prev_topics)))
            prev_topics = topic_ids
            names = _subject_names(sent, p, index, names_by_key, last_subject)
            for key, _ in names.values():
                if key not in keys:
                    keys.append(key)
            found: dict[int, tuple[Token, Resolved | None, int, str | None]] = {}
            unresolved = False
            for verb, expr, prio in _time_expressions(sent, leaders, quoted):
                date = resolve(expr, article.date, leaders)
                if date is None:
                    unresolved = True
                    continue
                if verb.i not in found or prio < found[verb.i][2]:
                    found[verb.i] = (verb, date, prio, expr.strip())
            root = sent.root
            on_history = bool(set(topic_ids) & history) and root.i not in quoted
            if not found and on_history:
                present = root.tag_ in ("VBZ", "VBP") or any(
                    c.tag_ in ("VBZ", "VBP") and c.dep_ == "aux" for c in root.children
                )
                # Present tense states what holds at publication; a time we could not
                # resolve leaves the event undated rather than guessed.
                if present and not _is_commentary(root):
                    published = Resolved(article.date) if article.date else None
                    found[root.i] = (root, published, 2, None)
                elif unresolved:
                    found[root.i] = (root, None, 2, None)
            for verb, date, _, expr in sorted(found.values(), key=lambda v: v[0].i):
                if _is_career(verb):
                    continue
                rough = date is not None and date.approximate
                events.append(
                    Event(
                        id=f"{article.id}-e{len(events) + 1}",
                        date=date.date if date else None,
                        approximate=rough,
                        date_text=expr if rough else None,
                        date_label=date.label if rough else None,
                        title=_title(verb, names),
                        summary=sent.text.strip(),
                        article=article.id,
                        paragraph=p,
                        actors=tuple(keys),
                        topics=topic_ids,
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
