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

The frames live beside this conductor, each a module of functions given the
sentence's reader: `frames.py` (what each kind of cue is about and whose it is),
`referents.py` (the proposal named or referred to: a term, "the idea", "the pact",
"it" for the last sentence's subject), `conditions.py` (conditions and negation),
`evaluations.py` (judged clauses), `clauses.py` (small questions about the parse),
`owners.py` and `nounphrase.py` (who holds it), `groups.py` (groups a reader can
place, "industry groups", and provinces acting as governments), `derive.py` (nouns
derived from the cue verbs) and `sense.py` (a term in the topic's sense). For a
proposal that undoes something ("repealing Obamacare"), defending the thing is
being against the proposal.

It misses stances stated across sentences ("Asked about a freeze, he said no."),
irony, cues not in the rules file, and owners the model does not tag (an unnamed
"senior official" is nobody).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract import clauses, conditions, derive, evaluations, frames, referents
from generator.extract.entities import EntityIndex
from generator.extract.groups import Groups
from generator.extract.owners import SUBJECT_DEPS, Owners, People
from generator.extract.salience import genders
from generator.model import Article, Entity, Quote, Stance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from generator.extract.topics import TopicMatcher

STRENGTH = {"conditional": 3, "against": 2, "undecided": 1, "for": 0}
CONTEXT_SENTENCES = 3


def extract_stances(
    article: Article,
    docs: list[Doc],
    index: EntityIndex,
    quotes: list[Quote],
    topics: TopicMatcher | None,
) -> tuple[list[Stance], tuple[Entity, ...]]:
    """The article's stances, and the groups they name that are not yet among its
    entities ("industry groups": see `groups.py`)."""
    if topics is None or not topics.proposals:
        return [], ()
    cues = derive.cues()
    found: dict[tuple, Stance] = {}
    # (paragraph, sentence, topic) of the proposals named, and of their actions: what
    # "the idea" or "do so" stands for, named in this paragraph or the one before, or
    # in the last few sentences (news paragraphs are often one sentence long).
    recent: list[tuple[int, int, str]] = []
    acted: list[tuple[int, int, str]] = []
    people = People(index, genders(docs, index))
    groups = Groups({e.key for e in index.entities})
    # The topic whose proposal was the last sentence's subject: what "it" stands for
    # in the next one ("The Clean Power Plan is ... ." / "'It's an invasion,' ...").
    it_topic: tuple[int, str] | None = None
    n = 0
    for p, doc in enumerate(docs):
        term_at = {i: t for t, s, e in topics.proposal_hits(doc) for i in range(s, e)}
        mentioned = {i for _, s, e in topics.hits(doc) for i in range(s, e)}
        said = [q for q in quotes if q.paragraph == p and q.speaker]
        owners = Owners(p, index, said, people, groups)
        for sent in doc.sents:
            n += 1
            people.sentence(sent, p)
            context = [t for q, k, t in recent if q >= p - 1 or k >= n - CONTEXT_SENTENCES]
            reader = _Reader(p, sent, term_at, topics, cues, context, people, said, owners)
            reader.mentioned = mentioned
            reader.acted = [t for q, k, t in acted if q >= p - 1 or k >= n - CONTEXT_SENTENCES]
            reader.it_topic = it_topic[1] if it_topic and it_topic[0] == n - 1 else None
            for st in reader.stances():
                key = (st.topic, st.owner, st.paragraph, st.start)
                old = found.get(key)
                if old is None or STRENGTH[st.stance] > STRENGTH[old.stance]:
                    found[key] = st
            topic = referents.subject_topic(sent, term_at)
            it_topic = (n, topic) if topic else None
            for i in range(sent.start, sent.end):
                if i in term_at and (not recent or recent[-1][::2] != (p, term_at[i])):
                    recent.append((p, n, term_at[i]))
                acts = topics.actions.get(term_at.get(i, ""))
                if acts and any(a.lemma_.lower() in acts for a in doc[i].ancestors):
                    acted.append((p, n, term_at[i]))  # "release their returns": for "do so"
    stances = sorted(found.values(), key=lambda s: (s.paragraph, s.start, s.topic, s.owner))
    return stances, groups.entities({s.owner for s in stances})


class _Reader:
    """The stances of one sentence."""

    def __init__(self, p, sent, term_at, topics, cues, context, people, quotes, owners):
        self.acted: list[str] = []
        self.it_topic: str | None = None
        # Every term the matcher found in the paragraph, in the topic's sense or not.
        self.mentioned: set[int] = set()
        self.p, self.sent, self.term_at = p, sent, term_at
        self.topics, self.cues, self.context = topics, cues, context
        self.people, self.quotes, self.owners = people, quotes, owners

    def stances(self) -> list[Stance]:
        out: list[Stance] = []
        if clauses.question(self.sent):
            # "Why won't he release his returns?": a question takes no side plainly.
            self.people.update(self.sent)
            return out
        for tok in self.sent:
            out.extend(self._from_cue(tok))
        out.extend(evaluations.judged(self, self.sent))
        if not out:
            out.extend(conditions.conditional_clauses(self))
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
            region = clauses.subtrees(c for c in tok.children if c.dep_ in ("dobj", "prep"))
            region.add(tok.i)
            owners = owners_for
        elif tok.pos_ == "VERB" and (lemma in cues.verbs or frames.phrasal(self, tok)):
            # "fight for" before "fight": the phrase says more than its verb
            polarity = frames.phrasal(self, tok) or cues.verbs.get(lemma)
            region, owners = frames.verb_frame(self, tok)
            if lemma in cues.refusing:
                # "refused to back down on the tax": the inner cue speaks, turned
                region -= clauses.subtrees(
                    c for c in tok.children if c.dep_ == "xcomp" and self._cue_verb(c)
                )
        elif tok.pos_ == "ADJ" and lemma in cues.adjectives and tok.dep_ in ("acomp", "xcomp"):
            polarity = cues.adjectives[lemma]
            deps = ("prep", "xcomp", "ccomp")
            region = clauses.subtrees(c for c in tok.children if c.dep_ in deps)
            if tok.head.lemma_ == "be":  # "be flexible about the exercises"
                region |= clauses.subtrees(c for c in tok.head.children if c.dep_ == "prep")
            owners = self.owners.subject_of(tok)
        elif tok.lower_ in frames.AFFIXES and frames.affixed(self, tok) is not None:
            # "anti-carbon tax messaging", "a pro-pipeline rally": whose the thing is.
            polarity = frames.AFFIXES[tok.lower_]
            region, owners = frames.affixed(self, tok)
        elif tok.pos_ == "NOUN" and (lemma in cues.holders or lemma in cues.nouns):
            # "a critic of the deal", "his support for the wall"
            polarity, region, owners = frames.noun_frame(self, tok, lemma)
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "oprd" and frames.judgment(self, tok):
            # "Kenney called the carbon tax a job killer"
            polarity = frames.judgment(self, tok)
            region = clauses.subtrees(c for c in tok.head.children if c.dep_ == "dobj")
            owners = self.owners.subject_of(tok.head)
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "attr" and frames.judgment(self, tok):
            polarity = frames.judgment(self, tok)
            cop = tok.head
            region = clauses.subtrees(c for c in cop.children if c.dep_ in SUBJECT_DEPS)
            to = [c for c in cop.children if c.dep_ == "prep" and c.lower_ in ("to", "for")]
            owners = self.owners.of_prep(to[0]) if to else self.owners.reporter(cop)
        elif tok.pos_ in ("VERB", "NOUN") and (
            clauses.modal(tok) or (clauses.passive(tok) and clauses.modal(tok, clauses.POSSIBLE))
        ):
            # "he would end joint military exercises": the proposal's own action.
            only = {t for t, acts in self.topics.actions.items() if lemma in acts}
            if (
                clauses.do_so(tok)
                and self.acted
                and clauses.modal(tok, ("should", "must", "ought"))
            ):
                only = {self.acted[-1]}  # "should do so": the action just named
            if not only:
                return []
            polarity = "for"
            region = clauses.subtrees(c for c in tok.children if c.dep_ in ("dobj", "prep"))
            region.add(tok.i)
            owners = self.owners.subject_of(tok)
            said = self.owners.reporter(tok, own=False)
            if owners and said and owners[0] != said[0]:
                # "'Mexico will pay for the wall,' Trump said": a claim about Mexico,
                # not Mexico's stance; "he said he would end ..." is his own.
                owners = []
            if clauses.passive(tok):
                # "saying that they could legitimately be eased": what may be done to
                # the proposal's thing (or "they", named just before) is the stance of
                # whoever says so.
                subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
                region |= clauses.subtrees(subj)
                if subj and subj[0].lower_ in ("they", "it", "them"):
                    region |= {
                        i for i in range(self.sent.start, subj[0].i) if self.term_at.get(i) in only
                    }
                owners = self.owners.reporter(tok)
            change = False
        else:
            return []
        if clauses.asked(tok) or clauses.hypothetical(tok):
            # "a furor arose over whether the United States should accept ...",
            # "if Congress finally requires candidates to release ...": no side taken.
            return []
        if any(c.dep_ == "advmod" and c.lower_ in cues.past_marks for c in tok.children):
            return []  # "had historically resisted": where it stood, not where it stands
        if polarity == "against" and frames.too_little(tok):
            return []  # "derided the deal as toothless": it wants more, not less
        if polarity in ("for", "against") and self._superseded(tok, polarity):
            return []  # "who had championed the deal, opposed it as a candidate"
        reason = frames.reason(self, tok, polarity, region)
        if (
            tok.pos_ == "VERB"
            and clauses.modal(tok, clauses.PREDICTIVE)
            and owners
            and owners_for is None
        ):
            found = self.owners.reporting(tok)
            if found is not None and self.owners.resolve(*found)[:1] != owners[:1]:
                # "A Clinton ally suggested she would support the deal": a prediction
                # about her by someone else, not her stance; "he said he would" is his.
                return []
        if tok.pos_ == "VERB" and clauses.modal(tok, clauses.DEONTIC):
            # "He said the United States should end its exercises": what someone
            # should do is the stance of whoever says so.
            owners = self.owners.reporter(tok)
        if owners_for is not None:
            owners = owners_for
        if not owners:
            return []
        conds = conditions.conditions(self, tok, region)
        # What is asked in return is not what the cue is about ("willing to
        # consider a moratorium if the United States stopped its exercises").
        region -= {i for c in conds if c.root.dep_ == "advcl" for i in range(c.start, c.end)}
        topics = referents.proposals(self, region, change or lemma in self.topics.all_actions)
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
            if (
                not change
                and lemma not in self.topics.actions.get(topic, ())
                and referents.kept(self, topic, region)
            ):
                if stance != "for":
                    # "called Obamacare a crazy system": a critic of the law may
                    # still not want it repealed.
                    continue
                stance = "against"  # "defended the Affordable Care Act": against repealing it
            elif referents.undone(self, topic, region):
                # "called for the suspension of the nuclear deal": for undoing it
                # is against it.
                stance = "against" if polarity == "for" else "for"
            if conditions.negated(self, tok):
                stance = "against" if stance == "for" else "undecided"
            if tok.pos_ == "VERB" and clauses.refused(tok):
                stance = {"for": "against", "against": "for"}.get(stance, stance)
            if referents.negated_inside(self, topic, region, tok):
                # "urged the White House not to pass the deal"
                stance = {"for": "against", "against": "for"}.get(stance, stance)
            if reason is not None:
                # "mocked Romney for not releasing his returns": for releasing them.
                stance = "for" if reason else "against"
            if flip:
                stance = {"for": "against", "against": "for"}.get(stance, stance)
            condition = None
            if stance == "for" and conds:
                stance, condition = "conditional", conditions.condition_text(self, conds[0])
            out.extend(self.stance_of(topic, o, stance, tok, condition) for o in owners)
        return out

    def _cue_verb(self, tok: Token) -> bool:
        return tok.pos_ == "VERB" and bool(
            tok.lemma_.lower() in self.cues.verbs or frames.phrasal(self, tok)
        )

    def _superseded(self, tok: Token, polarity: str) -> bool:
        """A past perfect cue ("had championed") in a sentence that also has a cue of
        the other side: the earlier stance, which the sentence says changed."""
        if not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children):
            return False
        other = "against" if polarity == "for" else "for"
        return any(
            t.pos_ == "VERB" and t.i != tok.i and self.cues.verbs.get(t.lemma_.lower()) == other
            for t in self.sent
        )

    def stance_of(self, topic: str, owner: str, stance: str, cue: Token, condition) -> Stance:
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
            end=clauses.sentence_end(sent),
            cue=cue.text,
            condition=condition,
            quote=quote,
            on_behalf=self.owners.behalf(cue, owner),
        )
