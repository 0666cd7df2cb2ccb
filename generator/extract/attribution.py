"""Who said it: the attribution of one quotation to a speaker.

`Attributor` holds one article's entities and the salience of its actors as the
text is read, and answers, for a quotation span, its speaker and cue: the cue verb
or noun the quote depends on, or the one next to it; the cue's subject, found
through relative clauses, participles, conjuncts and the parser's usual mistakes;
the subject resolved to an entity (names, surnames, "he"/"she" through salience,
"the department" and "the president" through the organizations and roles last
mentioned). See `quotes.py` for the order in which an article is read.

Its parts: `speakers.Speakers` (who a subject is), `subjects.Subjects` (cue verbs
and their subjects) and `neighbours.Neighbours` (cues next to a quote: colons,
dashes, transcript labels, the cue right after it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.entities import EntityIndex
from generator.extract.missed import according_to_name, according_to_object
from generator.extract.names import surname_index
from generator.extract.neighbours import Neighbours, ends_open
from generator.extract.salience import PERSON_PRONOUNS, Salience, genders
from generator.extract.sources import Descriptions, document_of
from generator.extract.speakers import (
    DASHES,
    ROLE_ABBREVIATIONS,
    SUBJECT_DEPS,
    Speakers,
)
from generator.extract.subjects import OBJECT_CONTROL, Subjects, _unsaid
from generator.extract.tokens import (
    held,
    text_of,
    tokens_in,
)
from generator.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from generator.extract.marks import QuoteSpan


# Verbs of a reporter whose account holds someone else's words.
REPORTING = {
    *("say", "tell", "add", "write", "explain", "recall", "insist", "note", "argue"),
    *("claim", "acknowledge", "suggest", "state", "report"),
}


class Attributor(Speakers, Subjects, Neighbours):
    def __init__(self, article: Article, docs: list[Doc], index: EntityIndex):
        self.article = article
        self.docs = docs
        self.index = index
        self.cues = rules.cues()
        self.kinds = {e.key: e.kind for e in index.entities}
        self.names = {e.key: e.name for e in index.entities}
        self.salience = Salience(genders(docs, index))
        self._quoted: dict[int, set[int]] = {}
        self._quoted_doc: dict[int, set[int]] = {}
        self._bounds: dict[int, tuple] = {}  # paragraph -> (its spans, starts, ends)
        self.surnames = surname_index(e for e in index.entities if e.kind == "person")
        self.descriptions = Descriptions(docs, index)
        for e in index.entities:
            for r in e.roles:
                for word in r.title.lower().split():
                    word = ROLE_ABBREVIATIONS.get(word, word)
                    self.salience.roles.setdefault(word, e.key)

    # -- attribution of one quote

    def attribute(
        self, q: QuoteSpan, doc: Doc, quoted: set[int], spans: list[QuoteSpan]
    ) -> tuple[str | None, str | None, bool]:
        """(speaker key, cue text, whether speech was found at all)."""
        p = q.paragraph
        qtoks = tokens_in(doc, q.start, q.end)
        if not qtoks:
            return None, None, False
        # The cues the quote depends on, nearest first. An inner cue whose subject
        # names nobody ("the advertisement suggests") gives way to an outer one
        # ("City Attorney Brad Holm said in the letter that ...").
        # The words either side of the quote, in its sentence(s), read once.
        after, before = self._windows(q, doc, quoted, spans)
        adjacent = self._adjacent_cue(q, doc, after)
        introduced = self._colon_introducer(q, doc, quoted, before) if adjacent is None else None
        if introduced is not None:
            return introduced
        fallback: tuple[str | None, str | None, bool] | None = None
        cues = self._governing_cues(qtoks, quoted)
        for k, (verb, noun) in enumerate(cues):
            if adjacent is not None and (
                (verb or noun).i > adjacent.i
                or ((verb or noun).i < qtoks[0].i and self._inverted(adjacent))
            ):
                # '"I never said that," Trump said, after Becky Quick said ...':
                # the parser hung the quote on the later cue; the one right after
                # the quote is its own. So is an inverted one ('as Democrats
                # allege, but Moscow denies - "why wouldn't you ...?" asked Dunn').
                verb, noun = adjacent, None
            if noun is not None:
                document = document_of(noun)
                if document is not None:
                    # "In a joint statement, Mr. Kim committed to the promise of
                    # '...'": the words are the statement's, not his.
                    return None, document, True
                owner = self.owner(noun)
                who, text = (self.resolve(owner, p) if owner is not None else None), noun.text
            else:
                who, found = self.speaker_of(verb, p)
                if not found:
                    continue
                text = self.cue_text(verb)
            if who:
                outer = self._reporter(verb or noun, cues[k + 1 :], p)
                if outer is not None and outer[0] != who:
                    return outer
                return who, text, True
            if fallback is None and (noun is None or owner is not None):
                fallback = (None, text, True)
        aside = self._dash_aside(doc, q, p)
        if aside is not None:
            return aside, None, True
        if fallback is not None:
            # The parser may hang the quote on a cue whose subject names nobody
            # ("The spot concludes with footage of Trump saying during the debate,
            # '...'"): a cue right before the quote that names someone wins.
            nearer = self._named_cue_before(q, before)
            if nearer is not None:
                return nearer
            according = self._according_to(after + before, p)
            if according is not None and according[0]:
                return according[0], "according to", True
            return fallback
        if adjacent is not None:
            # '"...," From said' before 'Americans saw the Democrats as "..."'
            who, _ = self.speaker_of(adjacent, p)
            if who:
                return who, self.cue_text(adjacent), True
        labeller = self._labelled_as(qtoks, quoted, p)
        if labeller is not None:
            return labeller, None, True
        cue = None
        text = text_of(doc)
        after_cue = next((t for t in after if self.is_cue(t)), None) or adjacent
        before_cue = self._introducing_cue(before, q)
        if ends_open(text, q, (",", "?", "!", "\u2014", "-")) and after_cue is not None:
            cue = after_cue
        elif before_cue is not None:
            cue = before_cue
        elif (as_cue := self._as_cue(doc, q, quoted)) is not None:
            cue = as_cue
        elif (
            after_cue is not None
            and after_cue.sent.start > qtoks[-1].i
            and (
                any(
                    c.dep_ in ("ccomp", "xcomp") and c.i > after_cue.i and c.i not in quoted
                    for c in after_cue.children
                )
                or not _opens_sentence(text, q, qtoks[0].sent)
            )
        ):
            # '"...." Kasich said he would have fired him, according to press
            # reports': the next sentence reports a clause of its own; 'the
            # dangers of a "rigged economy." Carson struggled to answer': a
            # quotation inside a sentence takes no cue from the next.
            after = [t for t in after if t.i < after_cue.sent.start]
        elif after_cue is not None and not any(t.text == ":" for t in after if t.i > after_cue.i):
            # not '"We are not terrorists." Mr. Zahed said: "..."': that cue
            # introduces the next quote
            cue = after_cue
        if cue is not None:
            who, found = self.speaker_of(cue, p)
            if found and who is None:
                # "According to AZCentral, one sign read, '...'": the source named
                # when the cue's subject names no one.
                according = self._according_to(after + before, p)
                if according is not None and according[0]:
                    return according[0], "according to", True
            if found:
                return who, self.cue_text(cue), True
        # A signature after the quote: "..." -- Pamela Padilla
        if after and after[0].text in DASHES:
            for t in after[1:4]:
                if t.ent_type_ in ("PERSON", "ORG"):
                    return self.entity_of(t, p), None, True
        according = self._according_to(after + before, p)
        if according is not None:
            return according[0], "according to", True
        held = self._held_by_subject(qtoks, quoted, p)
        if held is not None:
            return held, None, True
        return None, None, False

    def _reporter(self, inner: Token, outer: list, p: int) -> tuple[str, str, bool] | None:
        """'Rep. Meeks said Clinton reassured them that Democrats "were not going
        to be like Trump"': the words are in the reporter's own statement, so the
        named person who said it is their source."""
        best = None
        for verb, _noun in outer:
            if verb is None or verb.lemma_.lower() not in REPORTING:
                continue
            if any(c.dep_ == "neg" for c in verb.children) or not _reports(inner, verb):
                continue
            who, found = self.speaker_of(verb, p)
            if found and who and self.kinds.get(who) == "person":
                best = (who, self.cue_text(verb), True)  # the outermost reporter
        return best

    def _inverted(self, cue: Token) -> bool:
        """'said Trump', 'asked Dunn': the cue's subject comes after it."""
        subj = self.subject_of(cue)
        return subj is not None and subj.i > cue.i

    def _according_to(self, window: list[Token], p: int) -> tuple[str | None] | None:
        """The source an "according to X" in the window names: (its key or None),
        or None when there is no "according to"."""
        for t in window:
            obj = according_to_object(t)
            if obj is not None:
                who = self.resolve(obj, p)
                named = according_to_name(obj) if who is None else None
                if named is not None:
                    who = self.index.key_at(p, named.start_char)  # "according to HuffPo"
                if who is None and obj.lemma_.lower() in self.cues.nouns:
                    # "according to a speech Mrs. Clinton delivered"
                    owner = self.owner(obj)
                    who = self.resolve(owner, p) if owner is not None else None
                if who is None and obj.pos_ == "NOUN":
                    # "according to calculations by Amy Glasmeier", "according
                    # to data from comScore": whoever made them.
                    for prep in obj.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                            by = next((c for c in prep.children if c.dep_ == "pobj"), None)
                            who = self.resolve(by, p) if by is not None else None
                            break
                return (who,)
        return None

    def _held_by_subject(self, qtoks: list[Token], quoted: set[int], p: int) -> str | None:
        """Words quoted as what someone does something with ("Clinton supports
        'appropriate pay raises'", "Trump admires Putin as a 'strong leader'",
        "Hillary Clinton's campaign slogan is 'I'm with her'"): the subject's words,
        when it names someone. Not a title ("Game of Thrones"), not a passive
        ("known as 'the Donald'"), not a quotation that is itself the subject."""
        words = [t for t in qtoks if t.is_alpha]
        if not words or (len(words) <= 6 and all(t.is_title or t.is_stop for t in words)):
            return None
        qset = {t.i for t in qtoks}
        top = next((t for t in qtoks if t.head.i not in qset), None)
        if top is None or top.dep_ in SUBJECT_DEPS:
            return None
        verb = top.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") and verb.i not in quoted:
                break
            if verb.head is verb:
                return None
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i in quoted:
            return None
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i not in quoted), None)
        if subj is None and verb.dep_ == "conj":
            # "Clinton supports '...', opposes '...'": the first verb's subject.
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL:
            # "led the journalist Dainis Ivans to fear a '...'": the object does it.
            subj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if subj is None or subj.lower_ in ("it", "this", "that", "there", "which", "what"):
            return None
        return self.resolve(subj, p)

    def _labelled_as(self, qtoks: list[Token], quoted: set[int], p: int) -> str | None:
        """'Reid has gone after Trump as a "human leech"', 'Mr. Vos describes the
        plan as "a trap"': a quoted label after "as" is the subject's word for it,
        when the subject is named (or a pronoun for someone named)."""
        qset = {t.i for t in qtoks}
        for t in qtoks:
            if t.head.i in qset:
                continue
            prep = t.head
            if prep.lower_ != "as" or prep.dep_ != "prep" or t.dep_ != "pobj":
                continue
            verb = prep.head
            if verb.pos_ not in ("VERB", "AUX") or verb.i in quoted:
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.i in quoted:
                continue
            if subj.ent_type_ == "PERSON" or subj.lower_ in PERSON_PRONOUNS:
                return self.resolve(subj, p)
            who = self.resolve(subj, p)  # a person the model took for something else
            if who is not None and self.kinds.get(who) == "person":
                return who
        return None

    def _governing_cues(
        self, qtoks: list[Token], quoted: set[int]
    ) -> list[tuple[Token | None, Token | None]]:
        """Cue verbs and cue nouns the quote depends on, nearest first."""
        qset = {t.i for t in qtoks}
        sent = qtoks[0].sent
        found: list[tuple[Token | None, Token | None]] = []
        seen: set[int] = set()
        for t in qtoks:
            if t.head.i in qset:
                continue
            anc, came = t.head, t.dep_
            labelled = False  # reached through "as": a label, not what a noun says
            for _ in range(12):
                if anc.i in quoted and came in ("conj", "appos", "prep") and anc.i not in seen:
                    # '“how the system is rigged,” and “wounded families” and “our
                    # citizens,”', 'a "cultural war" against "liberals"': a quote
                    # coordinated with another or hung on it by a preposition goes
                    # on to its cue
                    seen.add(anc.i)
                    anc, came = anc.head, anc.dep_
                    continue
                if (
                    anc.i in quoted
                    or anc.i in seen
                    or not (sent.start - 20 <= anc.i < sent.end + 20)
                ):
                    break
                seen.add(anc.i)
                if _unsaid(anc):
                    break  # "refused to say the words '...'": not said, by anyone here
                if self.is_cue(anc) and not _noun_infinitive(anc):
                    found.append((anc, None))
                elif anc.pos_ == "NOUN" and anc.lemma_.lower() in self.cues.nouns:
                    # not "dismissed criticism of Trump's comments as '...'"
                    if not labelled and not _unsaid(anc.head):
                        found.append((None, anc))
                else:
                    # 'Joe Biden, Rubio said, had been in the Senate for "a thousand
                    # years"': a cue set in the clause as an aside.
                    found.extend((c, None) for c in self._asides(anc, quoted) if c.i not in qset)
                labelled = labelled or (anc.lower_ == "as" and anc.dep_ == "prep")
                if anc.head is anc:
                    break
                anc, came = anc.head, anc.dep_
        return found

    def _asides(self, anc: Token, quoted: set[int]) -> list[Token]:
        """The cues with a subject set in `anc`'s clause as asides (parataxis), found
        once per word: the root of a long sentence has thousands of children."""

        def find() -> list[Token]:
            return [
                c
                for c in anc.children
                if c.dep_ == "parataxis"
                and c.i not in quoted
                and self.is_cue(c)
                and any(g.dep_ == "nsubj" for g in c.children)
            ]

        return held(self.__dict__.setdefault("_aside_memo", {}), anc.i, (anc.doc, quoted), find)


def _opens_sentence(text: str, q: QuoteSpan, sent: Span) -> bool:
    """Whether nothing but punctuation stands in the quote's sentence before it."""
    return not re.sub(r"[\W_]", "", text[sent.start_char : max(q.start - 1, sent.start_char)])


def _reports(inner: Token, outer: Token) -> bool:
    """Whether `inner` is in what `outer` reports, not a clause beside it ("Ryan
    saying ... and Trump calling it ...", "After Scalia said ..., Trump said")."""
    t = inner
    while t.i != outer.i and t.head.i != t.i:
        if t.dep_ in ("conj", "advcl", "parataxis"):
            return False
        t = t.head
    return t.i == outer.i


def _noun_infinitive(verb: Token) -> bool:
    """ "an opportunity to talk about ...": what one could say, not speech."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ in ("acl", "relcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )
