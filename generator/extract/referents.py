"""What a stance cue is about: the topic's proposal, named or referred to.

`proposals(r, region, changed)` gives the topics whose proposal the cue's region
holds: a term in the topic's sense, governed by one of the proposal's actions where
it has some ("release ... tax returns"), not reached through a mediating noun or two
verbs of its own (`mediated`); else an anaphor ("the idea", "the deal", "Mr. Obama's
approach", "should do so") for the proposal named just before. `undone` tells being
for ending it ("the suspension of the deal") and `negated_inside` a negated verb
inside ("urged them not to pass the deal").

It misses proposals named only by a synonym the topics file lacks, and anaphors
more than a paragraph from what they stand for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import rules
from generator.extract import clauses

if TYPE_CHECKING:
    from spacy.tokens import Token

# Adjectives that say an action was done to the thing ("a higher wage": raised).
RESULTS = rules.stance_cues().results
# Words for one kind of thing ("the deal" for "the Paris agreement").
KINDS = rules.stance_cues().kinds
POINTERS = {"the", "this", "that", "such", "similar", "same", "these", "those"}
# Verbs that pass an action through ("help May get the deal approved").
PASS_THROUGH = {"help", "get", "let", "make", "have", "see", "keep", "try", "begin", "start"}
ANAPHORS = {
    "proposal",
    "idea",
    "plan",
    "approach",
    "suggestion",
    "concept",
    "initiative",
    "notion",
    "move",
    "decision",
}


def undone(r, topic: str, region: set[int]) -> bool:
    """Whether the proposal (one with no actions of its own) is what the object
    would end: "the suspension of the deal", "to scrap the freeze"."""
    if r.topics.actions.get(topic):
        return False
    doc = r.sent.doc
    for i in sorted(region):
        if r.term_at.get(i) != topic:
            continue
        for a in doc[i].ancestors:
            if a.i not in region:
                break
            if a.lemma_.lower() in r.cues.undoing:
                return True
            if a.dep_ == "prep" and a.lower_ != "of":
                break  # "lift pressure in return for a moratorium": not undone
    return False


def undoing(r, topic: str) -> bool:
    """A proposal to undo something ("repealing Obamacare", "ending the exercises"):
    most of its actions undo ("lift" alone, among "raise, increase, boost", does not
    make raising the minimum wage an undoing)."""
    actions = r.topics.actions.get(topic, frozenset())
    undo = r.cues.undoing

    def undoes(a: str) -> bool:
        w = a.split()[0]
        stem = w.removesuffix("ing")
        return w in undo or stem in undo or stem + "e" in undo

    return bool(actions) and 2 * sum(undoes(a) for a in actions) > len(actions)


def direct(term: Token, region: set[int]) -> bool:
    """The term heads what the cue itself takes ("supports Obama's achievement, the
    Affordable Care Act"), not a phrase inside it ("a surcharge on top of the tax
    system")."""
    tok = term
    while tok.dep_ in ("compound", "appos", "conj", "amod") and tok.head.i in region:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.head.i not in region:
        return True  # "in favor of Obamacare": the preposition is the cue's own
    return tok.dep_ in ("dobj", "nsubjpass", "attr", "pobj") and tok.head.i not in region


def kept(r, topic: str, region: set[int]) -> bool:
    """Whether the cue is about the thing a proposal would undo, not the undoing:
    being for the Affordable Care Act is being against repealing it."""
    if not undoing(r, topic):
        return False
    actions = r.topics.actions[topic]
    terms = [i for i in region if r.term_at.get(i) == topic]
    return bool(terms) and not any(governed(r.sent.doc[i], region, actions) for i in terms)


def proposals(r, region: set[int], changed: bool) -> list[str]:
    doc = r.sent.doc
    topics: list[str] = []
    for i in sorted(region):
        topic = r.term_at.get(i)
        if topic is None or topic in topics:
            continue
        if mediated(r, doc[i], region):
            continue
        actions = r.topics.actions.get(topic)
        if not actions or changed or governed(doc[i], region, actions):
            topics.append(topic)
        elif undoing(r, topic) and direct(doc[i], region):
            topics.append(topic)  # "supports the Affordable Care Act": see `kept`
    if topics:
        return topics
    if r.it_topic and any(_it(doc[i]) for i in region):
        return [r.it_topic]
    if not r.context:
        return topics
    if r.acted and any(clauses.do_so(doc[i]) for i in region):
        return [r.acted[-1]]
    topic = r.context[-1]
    heads = ANAPHORS | term_heads(r, topic)
    for i in sorted(region):
        t = doc[i]
        if i in r.term_at or i in r.mentioned or t.pos_ != "NOUN" or t.is_title:
            continue  # a term named here was judged above; a name is no anaphor
        if t.lemma_.lower() not in ANAPHORS and not r.topics.in_sense(doc, i, topic):
            continue  # "the Dodd-Frank law" is another law
        pointed = any(c.lower_ in POINTERS or c.dep_ == "poss" for c in t.children)
        # "his suggestion that a judge can't be impartial" says what it is.
        own = any(
            c.dep_ in ("acl", "relcl", "ccomp")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in t.children
        )
        if t.lemma_.lower() in heads and pointed and not own:
            # The object itself, or "versions of the proposal": not a noun
            # deep in a clause about something else.
            top = t.head.head if t.dep_ == "pobj" else t
            if top.head.i not in region or top.head is top:
                return [topic]
    return []


def negated_inside(r, topic: str, region: set[int], cue: Token) -> bool:
    """Whether the verb that takes the proposal, inside what the cue is about, is
    negated ("not to pass the deal")."""
    doc = r.sent.doc
    for i in sorted(region):
        if r.term_at.get(i) != topic:
            continue
        for a in doc[i].ancestors:
            if a.i == cue.i or a.i not in region:
                break
            if a.pos_ in ("VERB", "AUX"):
                return any(c.dep_ == "neg" for c in a.children)
        return False
    return False


def mediated(r, term: Token, region: set[int]) -> bool:
    """Whether the term is only reached through something else: a mediating noun
    ("rejected his attempts to include language to strengthen the deal", "agreed
    to hold votes on measures to ...", "eliminate a situation in which workers can
    increase their wages"), or two verbs of its own."""
    verbs = 0
    for a in term.ancestors:
        if a.i not in region:
            return False
        if a.lemma_.lower() in r.cues.mediators or any(
            c.dep_ == "dobj" and c.lemma_.lower() in r.cues.mediators for c in a.children
        ):
            return True  # "hold votes on a freeze"
        if a.pos_ == "VERB" and a.lemma_.lower() not in r.topics.all_actions:
            verbs += a.lemma_.lower() not in PASS_THROUGH
            if verbs > 1:
                return True
    return False


def term_heads(r, topic: str) -> set[str]:
    """The head words of a proposal's terms: "the deal" for a "trade deal"."""
    prop = r.topics.proposals.get(topic)
    if prop is None:
        return set()
    heads = {t.split()[-1].lower() for t in prop.terms if " " in t}
    heads |= {h[:-1] for h in heads if h.endswith("s")}
    return heads | {w for kind in KINDS if heads & kind for w in kind}


def governed(tok: Token, region: set[int], actions: frozenset[str]) -> bool:
    """Whether one of the proposal's actions governs the term: "end ... exercises",
    "relief from sanctions", "sanctions relief", "a higher minimum wage"."""
    head = tok
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    for c in head.children:
        if c.dep_ == "amod" and RESULTS.get(c.lower_, frozenset()) & actions:
            return True  # "a higher minimum wage": the wage raised
    for a in [tok, *tok.ancestors]:
        if a.i != tok.i and a.lemma_.lower() in actions:
            return True
        if a.i not in region or a.dep_ == "conj":
            # "bring back waterboarding and deport refugees": "deport" governs them
            return False
    return False


def subject_topic(sent, term_at: dict[int, str]) -> str | None:
    """The topic whose proposal heads the sentence's subject ("The Clean Power Plan
    is the main tool ..."), if any."""
    for t in sent.root.children:
        if t.dep_ in ("nsubj", "nsubjpass"):
            return term_at.get(t.i)
    return None


def _it(tok: Token) -> bool:
    """A referring "it" as a clause's subject or object: what the last sentence was
    about; not the "it" of "it is time to ...", whose clause says what it is."""
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    return not any(c.dep_ in ("xcomp", "ccomp", "csubj") for c in tok.head.children)
