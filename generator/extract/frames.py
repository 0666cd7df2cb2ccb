"""Stance frames: for each kind of cue, what it is about and whose stance it is.

Each function takes the sentence's reader (`stances._Reader`: the parse, the terms
found, the owners' resolver, the rules) and a cue token, and returns the region of
token indices the cue is about and its owners (entity keys):

- `verb_frame`: a verb and its objects ("rejected the idea of a freeze"), passive and
  participle with their agent ("the proposal, floated by Beijing");
- `noun_frame`: a holder noun ("a critic of the deal") or a stance noun ("his
  support for the wall", "in support of", "a commitment on the part of ...");
- `affixed`: "anti-" and "pro-" joined to a proposal ("anti-carbon tax messaging");
- `judgment`: a noun that judges the proposal ("a freeze is a trap");
- `phrasal`: a cue's phrasal form ("railed against", "pushed back against");
- `reason`: blame for not doing something ("mocked Romney for not releasing ...").

They miss cues the rules file lacks and frames the parser hangs elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import rules
from generator.extract import clauses

if TYPE_CHECKING:
    from spacy.tokens import Token

# The prepositions that introduce what a verb is about ("agreed to a moratorium",
# "called for a freeze"); not time or place ("resisted talks until the freeze ...").
OBJECT_PREPOSITIONS = {
    "for",
    "to",
    "on",
    "in",
    "toward",
    "towards",
    "with",
    "of",
    "about",
    "against",
    "from",
}
OBJECT_DEPS = {"dobj", "xcomp", "ccomp", "attr", "oprd", "prep", "pcomp", "acomp"}
AFFIXES = {"anti": "against", "pro": "for"}


def reason(r, tok: Token, polarity: str, region: set[int]) -> bool | None:
    """For a verb of blame with a person as object, whether what they are blamed
    for is not doing something (None where there is no such object)."""
    if polarity != "against" or tok.pos_ != "VERB":
        return None
    if not any(c.dep_ == "dobj" and c.ent_type_ for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "over"):
            inner = [t for t in c.subtree]
            if any(r.term_at.get(t.i) for t in inner):
                return any(t.dep_ == "neg" or t.lower_ in ("never", "not") for t in inner)
    return None


def phrasal(r, tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ in ("prt", "prep"):
            hit = r.cues.phrasal.get((lemma, c.lower_))
            if hit:
                return hit
    doc = tok.doc
    for (head, rest), hit in r.cues.phrasal.items():
        words = rest.split()
        if head == lemma and len(words) > 1:
            after = doc[tok.i + 1 : tok.i + 1 + len(words)]
            if [t.lower_ for t in after] == words:
                return hit  # "pushed back against", "walked away from"
    return None


def affixed(r, tok: Token) -> tuple[set[int], list[str]] | None:
    """The proposal an "anti-" or "pro-" is joined to, and the owner of the noun
    phrase it qualifies (the subject of the verb that takes it, or its possessor)."""
    doc = r.sent.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text not in ("-", "‑") or doc[tok.i + 1].whitespace_:
        return None
    first = tok.i + 2
    if first not in r.term_at:
        return None
    region = {i for i in range(first, r.sent.end) if r.term_at.get(i)}
    head = doc[first]
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
        head = head.head
    poss = [c for c in head.children if c.dep_ == "poss"]
    if poss:
        return region, r.owners.resolve(poss[0], head)
    if head.dep_ in ("dobj", "pobj", "attr", "ccomp", "xcomp", "oprd"):
        verb = head.head if head.dep_ != "pobj" else head.head.head
        return region, r.owners.subject_of(verb)
    if head.pos_ == "VERB":  # "ran anti-carbon tax messaging", "messaging" taken for a verb
        return region, r.owners.subject_of(head)
    return region, []


def noun_frame(r, tok: Token, lemma: str) -> tuple[str, set[int], list[str]]:
    """A stance noun: what it is about, and whose it is."""
    cues = r.cues
    if lemma in cues.holders:
        polarity = cues.holders[lemma]
        region = clauses.subtrees(c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of")
        owners: list[str] = []
        if tok.dep_ == "appos":  # "Ron Roe, another critic of ..."
            owners = r.owners.of_phrase(tok.head)
        for c in tok.children:
            if not owners and c.dep_ == "appos":  # "Another critic, Ron Roe, ..."
                owners = r.owners.of_phrase(c)
            if not owners and c.dep_ == "prep" and c.lemma_.lower() in ("include", "like"):
                owners = r.owners.of_prep(c)  # "critics, including Ron Roe"
        if not owners and tok.dep_ == "attr":  # "Ron Roe is a critic of ..."
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
            owners = r.owners.resolve(subj[0], tok.head) if subj else []
        if not region and tok.dep_ == "nsubj" and owners:
            # "Another critic, Ron Roe, likened the rules to ...": a critic of
            # what the verb is about.
            region = clauses.subtrees(
                c for c in tok.head.children if c.dep_ in ("dobj", "ccomp", "attr")
            )
        elif not region and owners:
            # "The move enraged critics, including Ron Roe": critics of the subject.
            region = clauses.subtrees(
                t
                for t in r.sent
                if t.dep_ == "nsubj"
                and t.i < tok.i
                and t.head.i in (tok.head.i, *(c.i for c in tok.children))
            )
        return polarity, region, owners
    polarity = cues.nouns[lemma]
    region = clauses.subtrees(
        c
        for c in tok.children
        if c.dep_ == "prep"
        and c.lower_ in ("for", "to", "of", "against", "on")
        and not any(g.lower_ == "part" for g in c.children)  # "on the part of": whose
    )
    # "a willingness to help May get the deal approved"
    region |= clauses.subtrees(
        c for c in tok.children if c.dep_ in ("acl", "xcomp") and clauses.infinitive(c)
    )
    if not region and tok.dep_ == "dobj":
        # "saw a commitment ... to a freeze", the parser hanging "to" on the verb
        region = clauses.subtrees(
            c
            for c in tok.head.children
            if c.dep_ == "prep" and c.i > tok.i and c.lower_ in ("for", "to", "against")
        )
    if lemma in ("call", "push", "demand") and not region:
        return polarity, set(), []  # a phone call, a push: not a call for anything
    poss = [c for c in tok.children if c.dep_ == "poss"]
    if poss and poss[0].pos_ == "PRON" and tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        # "... biased against him because of his promises to build a wall": deep in
        # a clause, whose "his" is can't be told from the order of names.
        return polarity, region, []
    if poss:
        return polarity, region, r.owners.resolve(poss[0], tok)
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in cues.light_verbs:
        return polarity, region, r.owners.subject_of(tok.head)  # "voiced support"
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
        # "spoke in support of the pipeline", "rose in opposition to it"
        return polarity, region, r.owners.subject_of(tok.head.head)
    by = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
    if not by and _subject(tok).head.lemma_ in ("come", "stem"):
        # "(Much of) the impetus for the deal came from China"
        verb = _subject(tok).head
        by = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"]
    if by:
        return polarity, region, r.owners.of_prep(by[0])  # "support from unions"
    for c in tok.children:  # "a commitment on the part of Republicans to ..."
        part = [g for g in c.children if g.dep_ == "pobj" and g.lower_ == "part"]
        of = [g for g in part[0].children if g.lower_ == "of"] if part else []
        if c.lower_ == "on" and of:
            return polarity, region, r.owners.of_prep(of[0])
    if lemma == "case":
        # "the case for disclosure" in an opinion piece's own voice: its author's.
        return polarity, region, r.owners.own_voice(tok)
    return polarity, region, []


def judgment(r, tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    forms = [lemma]
    for c in tok.children:
        if c.dep_ in ("compound", "amod"):
            forms.append(f"{c.lower_} {lemma}")
    for f in reversed(forms):
        if f in r.cues.judgments:
            return r.cues.judgments[f]
    return None


def verb_frame(r, verb: Token) -> tuple[set[int], list[str]]:
    """What a cue verb is about, and whose stance it is."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    agents = [c for c in verb.children if c.dep_ == "agent"]
    if verb.dep_ == "acl" or (verb.dep_ == "relcl" and passive):
        # "the proposal, floated by Beijing": about the noun it describes.
        noun = verb.head
        own = {t.i for t in verb.subtree}
        region = {t.i for t in noun.subtree} - own
        return region, [o for a in agents for o in r.owners.of_prep(a)]
    if passive:
        region = clauses.subtrees(c for c in verb.children if c.dep_ == "nsubjpass")
        return region, [o for a in agents for o in r.owners.of_prep(a)]
    region = clauses.subtrees(
        c
        for c in verb.children
        if c.dep_ in OBJECT_DEPS
        and c.dep_ not in ("acomp", "ccomp")
        and (c.dep_ != "prep" or c.lower_ in OBJECT_PREPOSITIONS)
        or c.dep_ == "advcl"
        and clauses.infinitive(c)
        or _listed_infinitive(c)
        # "holds out for $5 billion to build the wall"
    )
    for c in verb.children:
        if c.dep_ == "ccomp":
            # "suggested that a pause ... should be contingent": what the clause
            # is about, not every noun in it ("suggested that the judge would be
            # unfair because of his plans to build a wall").
            region.add(c.i)
            region |= clauses.subtrees(
                g for g in c.children if g.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
            )
    if verb.dep_ == "relcl":
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj and subj[0].lower_ in ("who", "that", "which"):
            return region, _antecedents(r, verb.head, verb)
        if not subj:
            region |= {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
    return region, r.owners.subject_of(verb)


def _listed_infinitive(verb: Token) -> bool:
    """A bare verb the parser split from a list of infinitives: "advocates rules to
    end deferral, stop inversions and remove loopholes" ("stop" has no "to")."""
    if verb.dep_ not in ("advcl", "conj") or verb.tag_ != "VB" or verb.head.tag_ == "VB":
        return False  # "advocates ..., stop": a base form cannot join "advocates"
    return any(
        c.dep_ in ("xcomp", "advcl") and c.i < verb.i and clauses.infinitive(c)
        for c in verb.head.children
    )


def _subject(noun: Token) -> Token:
    """The subject phrase's head a noun is in: itself, or the share it is of ("much
    of the support")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "nsubj":
        return noun.head.head
    return noun


def too_little(cue: Token) -> bool:
    """A verb of criticism whose "as" or "for" phrase says the thing does too little
    ("derided the deal as toothless", "attacked the plan for being too weak")."""
    objects = [o for o in cue.children if o.dep_ == "dobj"]
    for c in [*cue.children, *(c for o in objects for c in o.children)]:
        if c.dep_ == "prep" and c.lower_ in ("as", "for"):
            words = [t for t in c.subtree]
            little = rules.stance_cues().too_little
            if any(t.lemma_.lower() in little or t.lower_ in little for t in words):
                return True
            if any(
                t.lower_ == "too" and t.head.lower_ in ("weak", "little", "late") for t in words
            ):
                return True
    return False


def _antecedents(r, noun: Token, verb: Token) -> list[str]:
    """Whose a relative clause's stance is: its noun's. On a list (the parser hangs
    the clause on the list's first member or its last), each member's ("the EPA, 18
    states, corporations including Apple, and a number of cities that support the
    regulations"); a singular verb is the nearest member's alone; a list with a
    person in it is too ambiguous ("met Trump, Pence and senators who oppose it")."""
    members = _members(noun)
    if len(members) == 1:
        return r.owners.of_phrase(noun)
    if verb.tag_ == "VBZ":
        return r.owners.of_phrase(members[-1], alone=True)
    owners: list[str] = []
    for m in members:
        found = r.owners.of_phrase(m, alone=True)
        if any(o.startswith("person:") for o in found):
            return []
        owners.extend(o for o in found if o not in owners)
    return owners


def _members(noun: Token) -> list[Token]:
    """The members of the list a noun ends, in order (the parser often takes its
    second member for an apposition of the first)."""
    top = noun
    while top.dep_ == "conj":
        top = top.head
    if top.dep_ == "appos" and top.head.pos_ == "PROPN":
        top = top.head
    out = [top]
    todo = [top]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj" or (c.dep_ == "appos" and t.i == top.i and c.pos_ == "NOUN"):
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)
