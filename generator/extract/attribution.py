"""Who said it: the attribution of one quotation to a speaker.

`Attributor` holds one article's entities and the salience of its actors as the
text is read, and answers, for a quotation span, its speaker and cue: the cue verb
or noun the quote depends on, or the one next to it; the cue's subject, found
through relative clauses, participles, conjuncts and the parser's usual mistakes;
the subject resolved to an entity (names, surnames, "he"/"she" through salience,
"the department" and "the president" through the organizations and roles last
mentioned). See `quotes.py` for the order in which an article is read.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.entities import EntityIndex, surname_candidates
from generator.extract.salience import PERSON_PRONOUNS, Salience, genders
from generator.extract.sources import Descriptions, document_of
from generator.extract.speakers import (
    DASHES,
    ROLE_ABBREVIATIONS,
    SUBJECT_DEPS,
    Speakers,
)
from generator.extract.subjects import OBJECT_CONTROL, Subjects
from generator.extract.tokens import (
    first_token_from,
    rstrip_end,
    text_of,
    token_range,
    tokens_in,
)
from generator.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from generator.extract.quotes import QuoteSpan


# "(R-S.C.)", "(D)" right before a transcript label's colon.
_PARTY_AT_END = re.compile(r"\s*\([RDI](?:-[A-Z][A-Za-z.]{0,6})?\)\s*$")


class Attributor(Speakers, Subjects):
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
        self.surnames: dict[str, set[str]] = {}
        self.descriptions = Descriptions(docs, index)
        for e in index.entities:
            for r in e.roles:
                for word in r.title.lower().split():
                    word = ROLE_ABBREVIATIONS.get(word, word)
                    self.salience.roles.setdefault(word, e.key)
            if e.kind == "person":
                for form in (e.name, *e.aliases):
                    for word in surname_candidates(form.replace("\u2019", "'")):
                        self.surnames.setdefault(word, set()).add(e.key)

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
        adjacent = self._adjacent_cue(q, doc, quoted, spans)
        introduced = self._colon_introducer(q, doc, quoted, spans) if adjacent is None else None
        if introduced is not None:
            return introduced
        fallback: tuple[str | None, str | None, bool] | None = None
        for verb, noun in self._governing_cues(qtoks, quoted):
            if adjacent is not None and (verb or noun).i > adjacent.i:
                # '"I never said that," Trump said, after Becky Quick said ...':
                # the parser hung the quote on the later cue; the one right after
                # the quote is its own.
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
            nearer = self._named_cue_before(doc, q, quoted, spans)
            return nearer if nearer is not None else fallback
        if adjacent is not None:
            # '"...," From said' before 'Americans saw the Democrats as "..."'
            who, _ = self.speaker_of(adjacent, p)
            if who:
                return who, self.cue_text(adjacent), True
        labeller = self._labelled_as(qtoks, quoted, p)
        if labeller is not None:
            return labeller, None, True
        cue = None
        after, before = self._windows(q, doc, quoted, spans)
        text = text_of(doc)
        inner = text[q.start : q.end].rstrip()
        ends_open = inner[-1:] in (",", "?", "!", "\u2014", "-")
        ends_open = ends_open or text[q.end + 1 : q.end + 2] == ","
        if cue is None:
            after_cue = next((t for t in after if self.is_cue(t)), None) or adjacent
            before_cue = self._introducing_cue(before, q)
            if ends_open and after_cue is not None:
                cue = after_cue
            elif before_cue is not None:
                cue = before_cue
            elif (as_cue := self._as_cue(doc, q, quoted)) is not None:
                cue = as_cue
            elif after_cue is not None and not any(
                t.text == ":" for t in after if t.i > after_cue.i
            ):
                # not '"We are not terrorists." Mr. Zahed said: "..."': that cue
                # introduces the next quote
                cue = after_cue
        if cue is not None:
            who, found = self.speaker_of(cue, p)
            if found:
                return who, self.cue_text(cue), True
        # A signature after the quote: "..." -- Pamela Padilla
        if after and after[0].text in DASHES:
            for t in after[1:4]:
                if t.ent_type_ in ("PERSON", "ORG"):
                    return self.entity_of(t, p), None, True
        for window in (after, before):
            for t in window:
                if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                    obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        who = self.resolve(obj, p)
                        if who is None and obj.lemma_.lower() in self.cues.nouns:
                            # "according to a speech Mrs. Clinton delivered"
                            owner = self.owner(obj)
                            who = self.resolve(owner, p) if owner is not None else None
                        return who, "according to", True
        held = self._held_by_subject(qtoks, quoted, p)
        if held is not None:
            return held, None, True
        return None, None, False

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

    def _dash_aside(self, doc: Doc, q: QuoteSpan, p: int) -> str | None:
        """'... including the former candidate Mitt Romney -- "It is disqualifying
        ..." -- and Fred Goldberg': a quote set off by dashes right after a person
        named among those who speak (a subject of speech, or listed with
        "including")."""
        text = text_of(doc)
        k = rstrip_end(text, max(q.start - 1, 0))
        if not text[max(k - 8, 0) : k].endswith(DASHES):
            return None
        # The last token that ends by k.
        i = token_range(doc, 0, k).stop - 1
        while i >= 0 and doc[i].idx + len(doc[i]) > k:
            i -= 1
        i = max(i, 0)
        while i > 0 and (doc[i].is_space or doc[i].text in DASHES):
            i -= 1
        name = doc[i]
        if name.ent_type_ != "PERSON":
            return None
        head = name
        while head.dep_ in ("compound", "flat", "appos") and head.head is not head:
            head = head.head
        listed = head.dep_ == "pobj" and head.head.lower_ == "including"
        speaking = head.dep_ in SUBJECT_DEPS and self.is_cue(head.head)
        return self.entity_of(name, p) if listed or speaking else None

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
            anc = t.head
            for _ in range(12):
                if (
                    anc.i in quoted
                    or anc.i in seen
                    or not (sent.start - 20 <= anc.i < sent.end + 20)
                ):
                    break
                seen.add(anc.i)
                if self.is_cue(anc) and not _noun_infinitive(anc):
                    found.append((anc, None))
                elif anc.pos_ == "NOUN" and anc.lemma_.lower() in self.cues.nouns:
                    found.append((None, anc))
                else:
                    # 'Joe Biden, Rubio said, had been in the Senate for "a thousand
                    # years"': a cue set in the clause as an aside.
                    found.extend(
                        (c, None)
                        for c in anc.children
                        if c.dep_ == "parataxis"
                        and c.i not in quoted
                        and c.i not in qset
                        and self.is_cue(c)
                        and any(g.dep_ == "nsubj" for g in c.children)
                    )
                if anc.head is anc:
                    break
                anc = anc.head
        return found

    def _windows(self, q, doc, quoted, spans) -> tuple[list[Token], list[Token]]:
        """Tokens outside quotes right after and right before the quote, within its
        sentence(s) and not past a neighbouring quote."""
        bounds = self._bounds.get(q.paragraph)
        if bounds is None or bounds[0] is not spans:  # held, so `is` cannot be fooled
            same = [s for s in spans if s.paragraph == q.paragraph]
            bounds = (spans, sorted(s.start for s in same), sorted(s.end for s in same))
            self._bounds[q.paragraph] = bounds
        _, starts, ends = bounds
        i = bisect_right(starts, q.end)
        nxt = starts[i] - 1 if i < len(starts) else len(text_of(doc))
        i = bisect_left(ends, q.start)
        prv = ends[i - 1] + 1 if i else 0
        # The attribution may be parsed as a sentence of its own ('"...?" Graham asked.').
        k = first_token_from(doc, q.end + 1)
        while k is not None and k.is_punct:
            k = k.nbor() if k.i + 1 < len(doc) else None
        after_end = k.sent.end_char if k is not None else len(text_of(doc))
        # The token holding the opening mark: the last one starting before it, or
        # the one right after it.
        j = token_range(doc, 0, q.start - 1).stop
        open_tok = doc[j - 1] if j and doc[j - 1].idx + len(doc[j - 1]) >= q.start - 1 else None
        if open_tok is None:
            open_tok = doc[j] if j < len(doc) else doc[0]
        before_start = open_tok.sent.start_char
        after = [
            t
            for t in tokens_in(doc, q.end + 1, min(nxt, after_end))
            if t.i not in quoted and not t.is_space
        ]
        before = [
            t
            for t in tokens_in(doc, max(prv, before_start), q.start)
            if t.idx + len(t) < q.start and t.i not in quoted
        ]
        return after, before

    def _as_cue(self, doc: Doc, q: QuoteSpan, quoted: set[int]) -> Token | None:
        """ "As X put it, ..." anywhere in the quote's sentence."""
        tok = first_token_from(doc, q.start)
        if tok is None:
            return None
        for t in tok.sent:
            if (
                t.i not in quoted
                and self.is_cue(t)
                and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children)
            ):
                return t
        return None

    def _colon_introducer(
        self, q: QuoteSpan, doc: Doc, quoted: set[int], spans
    ) -> tuple[str, str | None, bool] | None:
        """The speaker a colon introduces the quote with: 'Sanders delivered a
        snappy retort: "..."', 'Continued Stone: "..."', or a bare label as in a
        transcript ('Rep. Trey Gowdy (R-S.C.): "..."', 'Clinton: "..." Bush: "..."').
        """
        text = text_of(doc)
        k = rstrip_end(text, q.start - 1)
        # "Trump also embraced enhanced interrogation -- '...'": a dash introduces
        # words as a colon does.
        dashed = k > 1 and (text[k - 1] in "\u2014\u2013" or text[k - 2 : k] in ("--", " -"))
        if k <= 0 or (text[k - 1] != ":" and not dashed):
            return None
        _, before = self._windows(q, doc, quoted, spans)
        before = [t for t in before if t.idx < k - 1 and not (dashed and t.idx >= k - 2)]
        dash = next((i for i in range(len(before) - 1, -1, -1) if _spaced_dash(before[i])), None)
        if dash is not None:
            before = before[dash + 1 :]  # "Pollsters agree - Carl Bialik: '...'"
        if not before:
            return None
        p = q.paragraph
        # The last cue before the colon ("Axelrod said this was a '...' and that she
        # has learned her lesson: '...'"), else the last verb.
        verb = next((t for t in reversed(before) if self.is_cue(t)), None)
        if verb is None:
            # The main verb ("Clinton has since apologized for what happened:").
            verbs = [t for t in before if t.pos_ in ("VERB", "AUX")]
            verb = min(verbs, key=lambda t: len(list(t.ancestors))) if verbs else None
            # A clause that a cue before an earlier quote reports goes on.
            cue = next((a for a in verb.ancestors if self.is_cue(a)), None) if verb else None
            verb = cue if cue is not None and cue.i not in quoted else verb
        if verb is not None:
            subj = self.subject_of(verb)
            who = self.resolve(subj, p) if subj is not None else None
            if who is None and verb.i == before[0].i:
                # "Continued Stone:", "Said Ellis:": the name after the verb.
                name = next(
                    (t for t in before if t.i > verb.i and (t.ent_type_ or t.pos_ == "PROPN")),
                    None,
                )
                who = self.resolve(name, p) if name is not None else None
            if dashed and self.kinds.get(who or "") != "person":
                return None
            return (who, verb.text, True) if who else None
        if len(before) > 12 or dashed:
            return None
        # A label: a name (after its title, before its party) ends right at the colon.
        end = k - 1
        party = _PARTY_AT_END.search(text, before[0].idx, end)
        end = party.start() if party else end
        ends = [t for t in before if t.idx + len(t) <= end]
        if not ends:
            return None
        last = ends[-1]
        if not (last.ent_type_ in ("PERSON", "ORG") or (last.is_title and last.pos_ == "PROPN")):
            return None
        first = last
        while first.i > before[0].i and doc[first.i - 1].ent_iob_ == "I" and first.ent_iob_ == "I":
            first = doc[first.i - 1]
        if first.i > 0 and doc[first.i - 1].pos_ == "ADP":
            return None  # "Then, later that month on CNN:" is no one's label
        who = self.resolve(last, p)
        if who and self.kinds.get(who) in ("person", "organization"):
            return who, None, True
        return None

    def _adjacent_cue(self, q: QuoteSpan, doc: Doc, quoted: set[int], spans) -> Token | None:
        """The cue of '"...," Trump said' or '"...," said Trump': right after a quote
        that ends open, with at most a name between them."""
        text = text_of(doc)
        inner = text[q.start : q.end].rstrip()
        if inner[-1:] not in (",", "?", "!") and text[q.end + 1 : q.end + 2] != ",":
            return None
        after, _ = self._windows(q, doc, quoted, spans)
        for t in after[:5]:
            if self.is_cue(t):
                return t
            if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ") and self._speaks_alone(t, after, q):
                return t  # '"France will always be France," an angry Hollande retaliated.'
            if t.pos_ in ("VERB", "AUX", "SCONJ", "ADP") or t.text in ".;:":
                return None
        return None

    def _speaks_alone(self, verb: Token, after: list[Token], q: QuoteSpan) -> bool:
        """A verb after a quote that can only be how it was said: a person as its
        subject between the quote and the verb, no object but the quote, and the
        sentence ends there."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i < after[0].i:
            return False
        if self.kinds.get(self.resolve(subj, q.paragraph) or "") != "person":
            return False
        if any(
            c.dep_ in ("dobj", "xcomp", "prep", "advcl") or (c.dep_ == "ccomp" and c.idx > q.end)
            for c in verb.children
        ):
            return False
        nxt = verb.nbor() if verb.i + 1 < len(verb.doc) else None
        return nxt is None or nxt.text in (".", "“", '"')

    def _named_cue_before(self, doc, q, quoted, spans) -> tuple[str, str, bool] | None:
        """The speaker of the cue that introduces the quote from right before it,
        where that cue names someone."""
        _, before = self._windows(q, doc, quoted, spans)
        cue = self._introducing_cue(before, q)
        if cue is None:
            return None
        who, _ = self.speaker_of(cue, q.paragraph)
        return (who, self.cue_text(cue), True) if who else None

    def _introducing_cue(self, before: list[Token], q: QuoteSpan) -> Token | None:
        """The last cue before the quote, where it introduces the quote."""
        cue = next((t for t in reversed(before) if self.is_cue(t)), None)
        return cue if cue is not None and self._introduces(cue, before, q) else None

    @staticmethod
    def _introduces(cue: Token, before: list[Token], q: QuoteSpan) -> bool:
        """A cue before the quote introduces it when nothing but its complement
        (", that, :" and a few words) stands between them."""
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
            return True  # "As Ms. Simonyan put it in a statement, RT is ..."
        tail = [t for t in before if t.i > cue.i]
        return len(tail) <= 6


def _spaced_dash(tok: Token) -> bool:
    """A dash between words ("agree - Carl Bialik"), not a hyphen ("R-S.C.")."""
    return tok.text in DASHES and (
        tok.text != "-" or (bool(tok.whitespace_) and tok.i > 0 and bool(tok.nbor(-1).whitespace_))
    )


def _noun_infinitive(verb: Token) -> bool:
    """ "an opportunity to talk about ...": what one could say, not speech."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ in ("acl", "relcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )
