"""Where actors stand on each topic's proposal (a freeze, ending the joint exercises).

`extract_stances(article, docs, index, quotes, topics)` reads each sentence for a
stance cue (`generator/rules/stances.yaml`) whose object holds a topic's proposal:

- a verb with its object: "Tillerson rejected the idea of such a freeze", "his
  government supported Mr. Trump's decision to end joint military exercises";
  passive and participle with their agent: "the proposal, floated by Beijing";
- an adjective after "be": "his country was willing to consider a moratorium",
  "they are not interested in any proposal ...";
- a judgment of the proposal: "to American officials, a freeze is a trap";
- a proposal's own action with a modal: "he would end joint military exercises";
- a clause about the proposal with a condition: "sanctions relief would come only
  after denuclearization", "a pause ... should be contingent upon ...".

"The idea", "the proposal", "a similar idea" stand for the proposal named last in
the same paragraph or the one before. The owner is the cue's subject, or the
agent of a passive; "X said Y rejected it" gives the stance to Y. A pronoun or a
possessive ("his government") is the speaker of the clause it is reported in, or
the person last named; a country reported by its own leader is the leader's
stance. Inside a quotation with no subject of its own, the speaker's. Negation
turns for into against and against into undecided; a condition ("if", "only
after", "contingent upon", "under certain circumstances") turns for into
conditional, and is kept in the text's own words.

It misses stances stated across sentences ("Asked about a freeze, he said no."),
irony, cues not in the rules file, and owners the model does not tag (an unnamed
"senior official" is nobody).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator import rules
from generator.extract import evaluations
from generator.extract.entities import EntityIndex
from generator.extract.owners import SUBJECT_DEPS, Owners, People
from generator.model import Article, Quote, Stance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from generator.extract.topics import TopicMatcher

ANAPHORS = {
    "proposal",
    "idea",
    "plan",
    "approach",
    "suggestion",
    "concept",
    "initiative",
    "notion",
}
AFFIXES = {"anti": "against", "pro": "for"}
# Verbs that pass an action through ("help May get the deal approved").
PASS_THROUGH = {"help", "get", "let", "make", "have", "see", "keep", "try", "begin", "start"}
ANAPHORIC = {"then", "that", "this", "so", "it"}
POINTERS = {"the", "this", "that", "such", "similar", "same", "these", "those"}
MODALS = {"will", "would", "should", "must", "'ll", "shall", "wo"}
WEAK_MARKS = {"when", "once", "until", "in return for", "in exchange for"}
OBJECT_DEPS = {"dobj", "xcomp", "ccomp", "attr", "oprd", "prep", "pcomp", "acomp"}
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
STRENGTH = {"conditional": 3, "against": 2, "undecided": 1, "for": 0}


def extract_stances(
    article: Article,
    docs: list[Doc],
    index: EntityIndex,
    quotes: list[Quote],
    topics: TopicMatcher | None,
) -> list[Stance]:
    if topics is None or not topics.proposals:
        return []
    cues = rules.stance_cues()
    found: dict[tuple, Stance] = {}
    recent: list[tuple[int, str]] = []  # (paragraph, topic) of proposals named
    acted: list[tuple[int, str]] = []  # (paragraph, topic) of proposals' actions named
    people = People(index)
    for p, doc in enumerate(docs):
        term_at = {i: t for t, s, e in topics.proposal_hits(doc) for i in range(s, e)}
        said = [q for q in quotes if q.paragraph == p and q.speaker]
        owners = Owners(p, index, said, people)
        for sent in doc.sents:
            people.sentence(sent, p)
            context = [t for q, t in recent if q >= p - 1]
            reader = _Reader(p, sent, term_at, topics, cues, context, people, said, owners)
            reader.acted = [t for q, t in acted if q >= p - 1]
            for st in reader.stances():
                key = (st.topic, st.owner, st.paragraph, st.start)
                old = found.get(key)
                if old is None or STRENGTH[st.stance] > STRENGTH[old.stance]:
                    found[key] = st
            for i in range(sent.start, sent.end):
                if i in term_at and (not recent or recent[-1] != (p, term_at[i])):
                    recent.append((p, term_at[i]))
                acts = topics.actions.get(term_at.get(i, ""))
                if acts and any(a.lemma_.lower() in acts for a in doc[i].ancestors):
                    acted.append((p, term_at[i]))  # "release their returns": for "do so"
    return sorted(found.values(), key=lambda s: (s.paragraph, s.start, s.topic, s.owner))


class _Reader:
    """The stances of one sentence."""

    def __init__(self, p, sent, term_at, topics, cues, context, people, quotes, owners):
        self.acted: list[str] = []
        # Every term the matcher found here, in the topic's sense or not.
        self.mentioned = {i for _, s, e in topics.hits(sent.doc) for i in range(s, e)}
        self.p, self.sent, self.term_at = p, sent, term_at
        self.topics, self.cues, self.context = topics, cues, context
        self.people, self.quotes, self.owners = people, quotes, owners

    def stances(self) -> list[Stance]:
        out: list[Stance] = []
        if _question(self.sent):
            # "Why won't he release his returns?": a question takes no side plainly.
            self.people.update(self.sent)
            return out
        for tok in self.sent:
            out.extend(self._from_cue(tok))
        out.extend(evaluations.judged(self, self.sent))
        if not out:
            out.extend(self._conditional_clauses())
        self.people.update(self.sent)
        return out

    # --- cues ---------------------------------------------------------------------

    def _from_cue(
        self, tok: Token, owners_for: list[str] | None = None, flip: bool = False
    ) -> list[Stance]:
        """The stances a cue word states. `owners_for` and `flip` serve the frames
        that judge a clause (`evaluations.py`): whose the judgment is, and whether it
        turns the clause's stance ("it is disqualifying to refuse ...")."""
        lemma = tok.lemma_.lower()
        cues = self.cues
        change = lemma in cues.change_words
        only = None
        if owners_for is not None and tok.pos_ == "VERB" and lemma in self.topics.all_actions:
            # "It is time to release the returns": the proposal's own action, judged.
            only = {t for t, acts in self.topics.actions.items() if lemma in acts}
            polarity = "for"
            region = _subtrees(c for c in tok.children if c.dep_ in ("dobj", "prep"))
            region.add(tok.i)
            owners = owners_for
        elif tok.pos_ == "VERB" and (lemma in cues.verbs or self._phrasal(tok)):
            polarity = cues.verbs.get(lemma) or self._phrasal(tok)
            region, owners = self._verb_frame(tok)
        elif tok.pos_ == "ADJ" and lemma in cues.adjectives and tok.dep_ in ("acomp", "xcomp"):
            polarity = cues.adjectives[lemma]
            deps = ("prep", "xcomp", "ccomp")
            region = _subtrees(c for c in tok.children if c.dep_ in deps)
            if tok.head.lemma_ == "be":  # "be flexible about the exercises"
                region |= _subtrees(c for c in tok.head.children if c.dep_ == "prep")
            owners = self.owners.subject_of(tok)
        elif tok.lower_ in AFFIXES and self._affixed(tok) is not None:
            # "anti-carbon tax messaging", "a pro-pipeline rally": whose the thing is.
            polarity = AFFIXES[tok.lower_]
            region, owners = self._affixed(tok)
        elif tok.pos_ == "NOUN" and (lemma in cues.holders or lemma in cues.nouns):
            # "a critic of the deal", "his support for the wall"
            polarity, region, owners = self._noun_frame(tok, lemma)
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "attr" and self._judgment(tok):
            polarity = self._judgment(tok)
            cop = tok.head
            region = _subtrees(c for c in cop.children if c.dep_ in SUBJECT_DEPS)
            to = [c for c in cop.children if c.dep_ == "prep" and c.lower_ in ("to", "for")]
            owners = self.owners.of_prep(to[0]) if to else self.owners.reporter(cop)
        elif tok.pos_ in ("VERB", "NOUN") and (
            _modal(tok) or (_passive(tok) and _modal(tok, POSSIBLE))
        ):
            # "he would end joint military exercises": the proposal's own action.
            only = {t for t, acts in self.topics.actions.items() if lemma in acts}
            if _do_so(tok) and self.acted and _modal(tok, ("should", "must", "ought")):
                only = {self.acted[-1]}  # "should do so": the action just named
            if not only:
                return []
            polarity = "for"
            region = _subtrees(c for c in tok.children if c.dep_ in ("dobj", "prep"))
            region.add(tok.i)
            owners = self.owners.subject_of(tok)
            said = self.owners.reporter(tok, own=False)
            if owners and said and owners[0] != said[0]:
                # "'Mexico will pay for the wall,' Trump said": a claim about Mexico,
                # not Mexico's stance; "he said he would end ..." is his own.
                owners = []
            if _passive(tok):
                # "saying that they could legitimately be eased": what may be done to
                # the proposal's thing (or "they", named just before) is the stance of
                # whoever says so.
                subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
                region |= _subtrees(subj)
                if subj and subj[0].lower_ in ("they", "it", "them"):
                    region |= {
                        i for i in range(self.sent.start, subj[0].i) if self.term_at.get(i) in only
                    }
                owners = self.owners.reporter(tok)
            change = False
        else:
            return []
        if self._asked(tok) or _hypothetical(tok):
            # "a furor arose over whether the United States should accept ...",
            # "if Congress finally requires candidates to release ...": no side taken.
            return []
        if any(c.dep_ == "advmod" and c.lower_ in cues.past_marks for c in tok.children):
            return []  # "had historically resisted": where it stood, not where it stands
        reason = self._reason(tok, polarity, region)
        if tok.pos_ == "VERB" and _modal(tok, PREDICTIVE) and owners and owners_for is None:
            found = self.owners.reporting(tok)
            if found is not None and self.owners.resolve(*found)[:1] != owners[:1]:
                # "A Clinton ally suggested she would support the deal": a prediction
                # about her by someone else, not her stance; "he said he would" is his.
                return []
        if tok.pos_ == "VERB" and _modal(tok, ("should", "must", "ought")):
            # "He said the United States should end its exercises": what someone
            # should do is the stance of whoever says so.
            owners = self.owners.reporter(tok)
        if owners_for is not None:
            owners = owners_for
        if not owners:
            return []
        conditions = self._conditions(tok, region)
        # What is asked in return is not what the cue is about ("willing to
        # consider a moratorium if the United States stopped its exercises").
        region -= {i for c in conditions if c.root.dep_ == "advcl" for i in range(c.start, c.end)}
        topics = self._proposals(region, change or lemma in self.topics.all_actions)
        if only is not None:
            topics = [t for t in topics if t in only]
        if not topics:
            return []
        out = []
        for topic in topics:
            stance = polarity
            if lemma in self.topics.actions.get(topic, ()):
                # The proposal's own action ("attacked the loopholes" where the
                # proposal is attacking them) is being for it.
                stance = "for"
            if self._undone(topic, region):
                # "called for the suspension of the nuclear deal": for undoing it
                # is against it.
                stance = "against" if polarity == "for" else "for"
            if self._negated(tok):
                stance = "against" if stance == "for" else "undecided"
            if reason is not None:
                # "mocked Romney for not releasing his returns": for releasing them.
                stance = "for" if reason else "against"
            if flip:
                stance = {"for": "against", "against": "for"}.get(stance, stance)
            condition = None
            if stance == "for" and conditions:
                stance, condition = "conditional", self._condition_text(conditions[0])
            out.extend(self._stance(topic, o, stance, tok, condition) for o in owners)
        return out

    def _reason(self, tok: Token, polarity: str, region: set[int]) -> bool | None:
        """For a verb of blame with a person as object, whether what they are blamed
        for is not doing something (None where there is no such object)."""
        if polarity != "against" or tok.pos_ != "VERB":
            return None
        doc = self.sent.doc
        if not any(c.dep_ == "dobj" and c.ent_type_ for c in tok.children):
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "over"):
                inner = [t for t in c.subtree]
                if any(self.term_at.get(t.i) for t in inner):
                    return any(t.dep_ == "neg" or t.lower_ in ("never", "not") for t in inner)
        del doc
        return None

    def _undone(self, topic: str, region: set[int]) -> bool:
        """Whether the proposal (one with no actions of its own) is what the object
        would end: "the suspension of the deal", "to scrap the freeze"."""
        if self.topics.actions.get(topic):
            return False
        doc = self.sent.doc
        for i in sorted(region):
            if self.term_at.get(i) != topic:
                continue
            for a in doc[i].ancestors:
                if a.i not in region:
                    break
                if a.lemma_.lower() in self.cues.undoing:
                    return True
                if a.dep_ == "prep" and a.lower_ != "of":
                    break  # "lift pressure in return for a moratorium": not undone
        return False

    @staticmethod
    def _asked(tok: Token) -> bool:
        """Whether the cue is in a question: a "whether" clause."""
        head = tok
        for _ in range(4):
            if any(c.lower_ == "whether" and c.dep_ == "mark" for c in head.children):
                return True
            if head.head is head:
                return False
            head = head.head
        return False

    def _phrasal(self, tok: Token) -> str | None:
        lemma = tok.lemma_.lower()
        for c in tok.children:
            if c.dep_ in ("prt", "prep"):
                hit = self.cues.phrasal.get((lemma, c.lower_))
                if hit:
                    return hit
        doc = tok.doc
        for (head, rest), hit in self.cues.phrasal.items():
            words = rest.split()
            if head == lemma and len(words) > 1:
                after = doc[tok.i + 1 : tok.i + 1 + len(words)]
                if [t.lower_ for t in after] == words:
                    return hit  # "pushed back against", "walked away from"
        return None

    def _affixed(self, tok: Token) -> tuple[set[int], list[str]] | None:
        """The proposal an "anti-" or "pro-" is joined to, and the owner of the noun
        phrase it qualifies (the subject of the verb that takes it, or its possessor)."""
        doc = self.sent.doc
        if (
            tok.i + 2 >= len(doc)
            or doc[tok.i + 1].text not in ("-", "‑")
            or doc[tok.i + 1].whitespace_
        ):
            return None
        first = tok.i + 2
        if first not in self.term_at:
            return None
        region = {i for i in range(first, self.sent.end) if self.term_at.get(i)}
        head = doc[first]
        while head.dep_ in ("compound", "amod", "nmod") and head.head is not head:
            head = head.head
        poss = [c for c in head.children if c.dep_ == "poss"]
        if poss:
            return region, self.owners.resolve(poss[0], head)
        if head.dep_ in ("dobj", "pobj", "attr", "ccomp", "xcomp", "oprd"):
            verb = head.head if head.dep_ != "pobj" else head.head.head
            return region, self.owners.subject_of(verb)
        return region, []

    def _noun_frame(self, tok: Token, lemma: str) -> tuple[str, set[int], list[str]]:
        """A stance noun: what it is about, and whose it is."""
        cues = self.cues
        if lemma in cues.holders:
            polarity = cues.holders[lemma]
            region = _subtrees(c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of")
            owners: list[str] = []
            if tok.dep_ == "appos":  # "Ron Roe, another critic of ..."
                owners = self.owners.of_phrase(tok.head)
            for c in tok.children:
                if not owners and c.dep_ == "appos":  # "Another critic, Ron Roe, ..."
                    owners = self.owners.of_phrase(c)
                if not owners and c.dep_ == "prep" and c.lemma_.lower() in ("include", "like"):
                    owners = self.owners.of_prep(c)  # "critics, including Ron Roe"
            if not owners and tok.dep_ == "attr":  # "Ron Roe is a critic of ..."
                subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
                owners = self.owners.resolve(subj[0], tok.head) if subj else []
            if not region and tok.dep_ == "nsubj" and owners:
                # "Another critic, Ron Roe, likened the rules to ...": a critic of
                # what the verb is about.
                region = _subtrees(
                    c for c in tok.head.children if c.dep_ in ("dobj", "ccomp", "attr")
                )
            return polarity, region, owners
        polarity = cues.nouns[lemma]
        region = _subtrees(
            c
            for c in tok.children
            if c.dep_ == "prep"
            and c.lower_ in ("for", "to", "of", "against", "on")
            and not any(g.lower_ == "part" for g in c.children)  # "on the part of": whose
        )
        # "a willingness to help May get the deal approved"
        region |= _subtrees(c for c in tok.children if c.dep_ in ("acl", "xcomp") and _to(c))
        if not region and tok.dep_ == "dobj":
            # "saw a commitment ... to a freeze", the parser hanging "to" on the verb
            region = _subtrees(
                c
                for c in tok.head.children
                if c.dep_ == "prep" and c.i > tok.i and c.lower_ in ("for", "to", "against")
            )
        if lemma in ("call", "push", "demand") and not region:
            return polarity, set(), []  # a phone call, a push: not a call for anything
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if poss:
            return polarity, region, self.owners.resolve(poss[0], tok)
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in cues.light_verbs:
            return polarity, region, self.owners.subject_of(tok.head)  # "voiced support"
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
            # "spoke in support of the pipeline", "rose in opposition to it"
            return polarity, region, self.owners.subject_of(tok.head.head)
        by = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
        if by:
            return polarity, region, self.owners.of_prep(by[0])  # "support from unions"
        for c in tok.children:  # "a commitment on the part of Republicans to ..."
            part = [g for g in c.children if g.dep_ == "pobj" and g.lower_ == "part"]
            of = [g for g in part[0].children if g.lower_ == "of"] if part else []
            if c.lower_ == "on" and of:
                return polarity, region, self.owners.of_prep(of[0])
        if lemma == "case":
            # "the case for disclosure" in an opinion piece's own voice: its author's.
            return polarity, region, self.owners.own_voice(tok)
        return polarity, region, []

    def _judgment(self, tok: Token) -> str | None:
        lemma = tok.lemma_.lower()
        forms = [lemma]
        for c in tok.children:
            if c.dep_ in ("compound", "amod"):
                forms.append(f"{c.lower_} {lemma}")
        for f in reversed(forms):
            if f in self.cues.judgments:
                return self.cues.judgments[f]
        return None

    def _verb_frame(self, verb: Token) -> tuple[set[int], list[str]]:
        """What a cue verb is about, and whose stance it is."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        agents = [c for c in verb.children if c.dep_ == "agent"]
        if verb.dep_ == "acl" or (verb.dep_ == "relcl" and passive):
            # "the proposal, floated by Beijing": about the noun it describes.
            noun = verb.head
            own = {t.i for t in verb.subtree}
            region = {t.i for t in noun.subtree} - own
            return region, [o for a in agents for o in self.owners.of_prep(a)]
        if passive:
            region = _subtrees(c for c in verb.children if c.dep_ == "nsubjpass")
            return region, [o for a in agents for o in self.owners.of_prep(a)]
        region = _subtrees(
            c
            for c in verb.children
            if c.dep_ in OBJECT_DEPS
            and c.dep_ not in ("acomp", "ccomp")
            and (c.dep_ != "prep" or c.lower_ in OBJECT_PREPOSITIONS)
            or c.dep_ == "advcl"
            and _to(c)  # "holds out for $5 billion to build the wall"
        )
        for c in verb.children:
            if c.dep_ == "ccomp":
                # "suggested that a pause ... should be contingent": what the clause
                # is about, not every noun in it ("suggested that the judge would be
                # unfair because of his plans to build a wall").
                region.add(c.i)
                region |= _subtrees(
                    g for g in c.children if g.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
                )
        if verb.dep_ == "relcl":
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if subj and subj[0].lower_ in ("who", "that", "which"):
                return region, self.owners.of_phrase(verb.head)
            if not subj:
                region |= {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
        return region, self.owners.subject_of(verb)

    # --- proposals, conditions, negation ------------------------------------------

    def _proposals(self, region: set[int], changed: bool) -> list[str]:
        doc = self.sent.doc
        topics: list[str] = []
        for i in sorted(region):
            topic = self.term_at.get(i)
            if topic is None or topic in topics:
                continue
            if self._mediated(doc[i], region):
                continue
            actions = self.topics.actions.get(topic)
            if not actions or changed or _governed(doc[i], region, actions):
                topics.append(topic)
        if topics or not self.context:
            return topics
        if self.acted and any(_do_so(doc[i]) for i in region):
            return [self.acted[-1]]
        topic = self.context[-1]
        for i in sorted(region):
            t = doc[i]
            if i in self.term_at or i in self.mentioned:
                continue  # a term named here was judged above, not an anaphor
            heads = ANAPHORS | self._term_heads(topic)
            if t.lemma_.lower() not in ANAPHORS and not self.topics.in_sense(doc, i, topic):
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

    def _condition_text(self, span: Span) -> str:
        """A condition a reader understands alone: "only then" says what "then"
        is with the sentence before it."""
        words = _words(span)
        if {w.lower() for w in words.split()} & ANAPHORIC and len(words.split()) <= 3:
            sent = self.sent
            if sent.start > 0:
                before = sent.doc[sent.start - 1].sent.text
                # Of a quoted sentence, the words quoted, not the speech tag after them.
                quoted = re.search(r"[“\"](.+?)[,.]?[”\"]", before)
                said = quoted.group(1) if quoted else before
                said = re.sub(r"\s+", " ", said).strip(" .,")
                return f"{words} ({said})"
        return words

    def _mediated(self, term: Token, region: set[int]) -> bool:
        """Whether the term is only reached through something else: a mediating noun
        ("rejected his attempts to include language to strengthen the deal", "agreed
        to hold votes on measures to ...", "eliminate a situation in which workers can
        increase their wages"), or two verbs of its own."""
        verbs = 0
        for a in term.ancestors:
            if a.i not in region:
                return False
            if a.lemma_.lower() in self.cues.mediators or any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.cues.mediators for c in a.children
            ):
                return True  # "hold votes on a freeze"
            if a.pos_ == "VERB" and a.lemma_.lower() not in self.topics.all_actions:
                verbs += a.lemma_.lower() not in PASS_THROUGH
                if verbs > 1:
                    return True
        return False

    def _term_heads(self, topic: str) -> set[str]:
        """The head words of a proposal's terms: "the deal" for a "trade deal"."""
        prop = self.topics.proposals.get(topic)
        if prop is None:
            return set()
        heads = {t.split()[-1].lower() for t in prop.terms if " " in t}
        return heads | {h[:-1] for h in heads if h.endswith("s")}

    def _conditions(self, tok: Token, region: set[int]) -> list[Span]:
        """Conditions on the cue's clause, or on what it is about."""
        doc = self.sent.doc
        chain = [tok]
        while (
            chain[-1].dep_ in ("acomp", "xcomp", "attr", "aux") and chain[-1].head is not chain[-1]
        ):
            chain.append(chain[-1].head)
        out: list[Span] = []
        for i in sorted({t.i for t in chain} | region):
            t = doc[i]
            inside = i in region
            for c in t.children:
                span = self._condition(c, inside)
                if span is not None and span not in out:
                    out.append(span)
        return out

    def _condition(self, c: Token, inside: bool) -> Span | None:
        marks = self.cues.marks
        if c.dep_ == "advcl":
            mark = next((m for m in c.children if m.dep_ in ("mark", "advmod")), None)
            if (
                mark is not None
                and mark.lower_ in marks
                and (mark.lower_ not in WEAK_MARKS or inside)
            ):
                return _span(c)
        if c.dep_ == "prep":
            only = any(m.lower_ == "only" for m in c.children)
            pobj = [m for m in c.children if m.dep_ in ("pobj", "pcomp")]
            phrase = f"{c.lower_} {pobj[0].lower_}" if pobj else c.lower_
            if only and f"only {c.lower_}" in marks:
                return _span(c)
            if pobj and pobj[0].lemma_.lower() in self.cues.condition_words:
                return _span(c)  # "under certain circumstances"
            if inside and pobj and any(m == phrase or m.startswith(phrase + " ") for m in marks):
                return _span(c)  # "in return for ...", "in exchange for ..."
        if (
            c.dep_ == "advmod"
            and c.lower_ == "then"
            and any(m.lower_ == "only" for m in c.children)
        ):
            return _span(c)
        if (
            c.dep_ in ("acomp", "amod")
            and c.lemma_.lower() in self.cues.condition_words
            and any(m.dep_ == "prep" for m in c.children)
        ):
            return _span(c)  # "contingent upon North Korean action"
        return None

    def _negated(self, tok: Token) -> bool:
        head = tok
        for _ in range(4):
            if any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in head.children):
                return True
            if head.dep_ not in ("acomp", "xcomp", "attr") or head.head is head:
                return False
            head = head.head
        return False

    def _conditional_clauses(self) -> list[Stance]:
        """A clause whose subject is the proposal, with a condition: "sanctions
        relief would come only after denuclearization"; whose it is, is the
        reporter's ("Mr. Trump had made it clear that ...") or the speaker's."""
        out: list[Stance] = []
        for tok in self.sent:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            about = _subtrees(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
            if any(c.dep_ == "expl" for c in tok.children):
                about |= _subtrees(c for c in tok.children if c.dep_ == "attr")
            topics = self._proposals(about, False) if about else []
            if not topics:
                continue
            conditions = [s for c in tok.children if (s := self._condition(c, False)) is not None]
            if not conditions:
                continue
            owners = self.owners.reporter(tok)
            for t in topics:
                for o in owners:
                    out.append(
                        self._stance(t, o, "conditional", tok, self._condition_text(conditions[0]))
                    )
        return out

    def _stance(self, topic: str, owner: str, stance: str, cue: Token, condition) -> Stance:
        sent = self.sent
        quote = next(
            (
                q.id
                for q in self.quotes
                if q.speaker == owner and q.start < sent.end_char and sent.start_char < q.end
            ),
            None,
        )
        return Stance(
            topic=topic,
            owner=owner,
            stance=stance,
            paragraph=self.p,
            start=sent.start_char,
            end=_end(sent),
            cue=cue.text,
            condition=condition,
            quote=quote,
            on_behalf=self.owners.behalf(cue, owner),
        )


HYPOTHETICAL_MARKS = {"if", "unless", "whether", "lest"}
POSSIBLE = {"could", "can", "may", "might"}
PREDICTIVE = {"would", "could", "might", "may", "will", "'ll", "wo"}


def _to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _do_so(tok: Token) -> bool:
    """'do so', 'do it', 'do that': a verb standing for the action just named."""
    return tok.lemma_ == "do" and any(
        c.lower_ in ("so", "it", "that") and c.dep_ in ("advmod", "dobj") for c in tok.children
    )


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _hypothetical(tok: Token) -> bool:
    """Whether the cue is inside an "if" clause (or "unless", "whether")."""
    for a in (tok, *tok.ancestors):
        if a.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in HYPOTHETICAL_MARKS for m in a.children
        ):
            return True
    return False


def _modal(tok: Token, modals=MODALS) -> bool:
    """Whether a modal governs the verb, or the verb it is coordinated with ("should
    follow the precedent and release his returns")."""
    for v in (tok, tok.head) if tok.dep_ == "conj" else (tok,):
        if any(c.lower_ in modals for c in v.children):
            return True
    return False


def _question(sent: Span) -> bool:
    return sent.text.rstrip(" \"”’')]").endswith("?")


def _subtrees(tokens) -> set[int]:
    return {t.i for c in tokens for t in c.subtree}


def _governed(tok: Token, region: set[int], actions: frozenset[str]) -> bool:
    """Whether one of the proposal's actions governs the term: "end ... exercises",
    "relief from sanctions", "sanctions relief"."""
    for a in [tok, *tok.ancestors]:
        if a.i != tok.i and a.lemma_.lower() in actions:
            return True
        if a.i not in region or a.dep_ == "conj":
            # "bring back waterboarding and deport refugees": "deport" governs them
            return False
    return False


def _span(tok: Token) -> Span:
    """The phrase `tok` heads, up to a coordinated one ("when relations improved"
    of "when relations improved and that he had endorsed ...")."""
    doc = tok.doc
    cut = {t.i for c in tok.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    ids = [t.i for t in tok.subtree if t.i not in cut]
    return doc[min(ids) : max(ids) + 1]


def _words(span: Span) -> str:
    """A condition in the text's words, without the quotation marks around them."""
    text = re.sub(r"[\"“”]", "", span.text)
    return re.sub(r"\s+", " ", text).strip(" ,;")


def _end(sent: Span) -> int:
    end = sent.end_char
    text = sent.doc.text
    while end < len(text) and text[end] in '"”’)]':
        end += 1
    return end
