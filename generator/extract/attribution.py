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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.entities import EntityIndex, surname_candidates
from generator.extract.sources import Descriptions, document_of, speaking_for
from generator.extract.tokens import (
    ent_of,
    first_token_from,
    rstrip_end,
    text_of,
    token_range,
    tokens_in,
)
from generator.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from generator.extract.quotes import QuoteSpan

PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}
THING_PRONOUNS = {"they", "it", "we"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Dashes that set off a signature or an aside ('..." \u2015 Pamela Padilla').
DASHES = ("\u2014", "\u2015", "\u2013", "--", "-")
# Cues written before their speaker ("said Kang"); unlike "told X", the word after
# them is never the one spoken to.
ROLE_ABBREVIATIONS = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "sens.": "senator",
    "reps.": "representative",
}
INVERTIBLE_CUES = {
    "say",
    "add",
    "write",
    "explain",
    "note",
    "continue",
    "insist",
    "argue",
    "declare",
    "state",
    "warn",
    "recall",
    "conclude",
    "comment",
    "ask",
    "reply",
}


# --- attribution ------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    key: str
    kind: str
    paragraph: int
    sent_start: int  # char offset of its sentence in the paragraph
    rank: int  # 0 subject of a main clause or of speech, 1 other subject, 2 other mention


class _Salience:
    """The actors of the sentences read so far, most recent sentence last.

    A pronoun means someone from the nearest earlier sentence that has a fitting
    actor, preferring the subject of its main clause (centering, roughly)."""

    WINDOW = 6  # sentences

    def __init__(self, genders: dict[str, str]):
        self.genders = genders
        self.sentences: list[list[_Candidate]] = []
        self.roles: dict[str, str] = {}  # role noun -> entity key last given it

    def add_sentence(self, candidates: list[_Candidate]) -> None:
        if candidates:
            self.sentences.append(sorted(candidates, key=lambda c: c.rank))

    def person(self, pronoun: str, current: list[_Candidate] = ()) -> str | None:
        gender = PERSON_PRONOUNS.get(pronoun)
        for sent in [list(current), *reversed(self.sentences[-self.WINDOW :])]:
            for c in sent:
                if c.kind != "person":
                    continue
                g = self.genders.get(c.key)
                if gender and g and g != gender:
                    continue
                return c.key
        return None

    def thing(self, current: list[_Candidate] = ()) -> str | None:
        for sent in [list(current), *reversed(self.sentences[-3:])]:
            for c in sent:
                if c.kind in ("organization", "country", "group") and c.rank <= 1:
                    return c.key
        return None


class Attributor:
    def __init__(self, article: Article, docs: list[Doc], index: EntityIndex):
        self.article = article
        self.docs = docs
        self.index = index
        self.cues = rules.cues()
        self.kinds = {e.key: e.kind for e in index.entities}
        self.names = {e.key: e.name for e in index.entities}
        self.salience = _Salience(_genders(docs, index))
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
                    for word in surname_candidates(form):
                        self.surnames.setdefault(word, set()).add(e.key)

    # -- entity lookups

    def entity_of(self, tok: Token, p: int) -> str | None:
        """The entity a token names: its own named entity, or one inside its phrase."""
        ent = ent_of(tok) if tok.ent_type_ else None
        if ent is None:
            return None
        key = self.index.key_at(p, ent.start_char)
        if len(ent) == 1 and (key is None or self.kinds.get(key) != "person"):
            # "DuVernay said" tagged as an organization, in an article
            # about Ava DuVernay: the surname of the one person it fits.
            return self._person_named(ent.text) or key
        return key

    def resolve(self, tok: Token, p: int, depth: int = 0) -> str | None:
        """The entity key a subject token stands for, or None."""
        if depth > 4:
            return None
        # "China's foreign minister, Wang Yi, Mr. Pompeo conceded": the parser may
        # take the first name for the subject; the name next to the verb is it.
        for child in tok.children:
            if (
                child.dep_ == "appos"
                and child.ent_type_ == "PERSON"
                and tok.ent_type_ == "PERSON"
                and tok.i < child.i < tok.head.i
            ):
                key = self.entity_of(child, p)
                if key:
                    return key
        party = _before_party_label(tok)
        if party is not None:
            # "Gov. John Kasich (R-OH), said": the name, not the state in brackets.
            return self.resolve(party, p, depth + 1)
        key = self.entity_of(tok, p)
        if key:
            return key
        if tok.pos_ in ("NOUN", "NUM", "PRON") and tok.dep_ in SUBJECT_DEPS:
            # "His former business partner at Lenox, Lawrence B. Cummings, called ...",
            # "One of Grayson's former supporters, Pat Schroeder, wrote ...": the name
            # in apposition may hang on any word of the subject phrase.
            for t in tok.subtree:
                if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i > tok.i:
                    key = self.entity_of(t, p)
                    if key:
                        return key
        # A surname the model did not tag ("Trump further described ...").
        if (
            tok.is_title
            and not tok.ent_type_
            and (tok.pos_ in ("PROPN", "NOUN") or tok.dep_ in SUBJECT_DEPS)
        ):
            key = self._person_named(tok.text)
            if key:
                return key
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            return self.salience.person(low, self._before_in_sentence(tok, p))
        if low in THING_PRONOUNS and tok.pos_ == "PRON":
            return self.salience.thing(self._before_in_sentence(tok, p)) if low != "we" else None
        if low in ("who", "that", "which") and tok.head.dep_ == "relcl":
            return self.resolve(tok.head.head, p, depth + 1)
        if tok.pos_ in ("NOUN", "PROPN"):
            for child in tok.children:
                if child.dep_ == "appos":
                    key = self.resolve(child, p, depth + 1)
                    if key:
                        return key
            for child in tok.children:
                if child.dep_ in ("compound", "poss", "amod", "nmod") and child.ent_type_:
                    key = self.entity_of(child, p)
                    if key and child.dep_ != "poss":
                        return key
            lemma = tok.lemma_.lower()
            # "Powell's office", "one Trump campaign source", "a study by the
            # committee": who speaks through them.
            key = speaking_for(tok, p, self.entity_of)
            if key:
                return key
            # "said the rookie defenceman": the one person introduced so.
            key = self.descriptions.who(tok)
            if key:
                return key
            if (
                lemma not in self.cues.role_nouns
                and lemma.removesuffix("s") in self.cues.role_nouns
            ):
                lemma = lemma.removesuffix("s")  # "Attorneys for Clinton", read as a name
            if lemma in self.cues.role_nouns and not _definite(tok):
                # "Officials at Homeland Security Investigations said", "a spokesman
                # for the Pentagon said": the organization speaks through them.
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("at", "for", "of", "from", "with"):
                        for obj in prep.children:
                            if obj.dep_ == "pobj" and (
                                obj.ent_type_ in ("ORG", "GPE", "NORP")
                                # "attorneys for Clinton", "a spokesman for Trump"
                                or (obj.ent_type_ == "PERSON" and prep.lower_ == "for")
                            ):
                                key = self.entity_of(obj, p)
                                if key:
                                    return key
            if lemma in self.cues.role_nouns and _definite(tok):
                # "the senator said": who holds that role here, else the person the
                # text is about (newspapers name a person by role on second mention).
                return self.salience.roles.get(lemma) or self.salience.person(
                    "", self._before_in_sentence(tok, p)
                )
            if lemma in self.cues.org_nouns and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children
            ):
                return self._org_named(lemma, p)
        return None

    def _person_named(self, word: str) -> str | None:
        """The one person of the article whose short name this is, if just one."""
        owners = self.surnames.get(word, set())
        return next(iter(owners)) if len(owners) == 1 else None

    def _org_named(self, noun: str, p: int) -> str | None:
        """The organization last mentioned whose name holds the noun."""
        best = None
        for e in self.index.entities:
            if e.kind != "organization" or noun not in e.name.lower():
                continue
            before = [m for m in e.mentions if m.paragraph <= p]
            if before:
                last = max((m.paragraph, m.start) for m in before)
                if best is None or last > best[0]:
                    best = (last, e.key)
        return best[1] if best else None

    # -- cues

    def subject_of(self, cue: Token) -> Token | None:
        """Who does the saying: the cue's subject, found through relative clauses,
        participles, conjuncts and passives; never a word inside a quotation."""
        quoted = self._quoted_doc.get(id(cue.doc), set())
        tok = cue
        for _ in range(5):
            found = []
            for child in tok.children:
                if child.dep_ in SUBJECT_DEPS and child.i in quoted:
                    # '"..., Mr. President," Representative Steve Cohen told ...': the
                    # parser took the quote's last word for the subject and the name
                    # after the quote for its apposition.
                    found.extend(
                        a
                        for a in child.children
                        if a.dep_ == "appos" and a.i not in quoted and a.ent_type_ == "PERSON"
                    )
                    continue
                if _is_subject(child, quoted) and child.tag_ != "EX":
                    if child.pos_ == "ADP":
                        # 'Of Carson, Levine ... said': the parser took the
                        # preposition for the subject and the name for its object.
                        obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                        if obj is None:
                            continue
                        child = obj
                    found.append(child)
            named = [c for c in found if c.ent_type_ in ("PERSON", "ORG")]
            if tok is cue and not named:
                after = _name_after(cue, quoted)
                if after is not None:
                    return after
            if found:
                # Two subjects is a misparse ('The promise to "..." appeals to voters,
                # said Alan Abramowitz'): the named one is the speaker.
                return (named or found)[0]
            if tok is cue and cue.dep_ == "compound" and cue.head.pos_ == "PROPN":
                return cue.head  # 'Said Ellis: "..."', read as one name
            if tok is cue:
                # '"Go back," Trump barked and ...': the name read as part of a noun
                # phrase with the verb, its compound rather than its subject.
                for c in cue.children:
                    before_cue = c.i < cue.i and c.i not in quoted
                    if before_cue and c.dep_ == "compound" and c.pos_ == "PROPN":
                        return c
            if tok.dep_ == "relcl":
                return tok.head
            if tok.dep_ == "acl" and tok.head.pos_ == "PROPN":
                return tok.head  # "footage of Hillary Clinton asking, ..."
            for child in tok.children:
                if child.dep_ == "agent":
                    for g in child.children:
                        if g.dep_ == "pobj":
                            return g
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in OBJECT_CONTROL:
                # "That prompted Rubio to ... call Trump '...'": the object acts.
                obj = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
                if obj is not None and obj.pos_ in ("PROPN", "NOUN") and obj.i not in quoted:
                    return obj
            if (
                tok.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp", "ccomp", "dep")
                and tok.head is not tok
            ):
                tok = tok.head
                if tok.pos_ == "NOUN":
                    # "a report warning of ..." -> whoever issued the report
                    if any(c.dep_ == "poss" for c in tok.children):
                        return next(c for c in tok.children if c.dep_ == "poss")
                    if tok.dep_ in ("dobj", "pobj") and tok.head.pos_ in ("VERB", "AUX"):
                        tok = tok.head if tok.dep_ == "dobj" else tok.head.head
                continue
            break
        return None

    def speaker_of(self, cue: Token, p: int) -> tuple[str | None, bool]:
        """(speaker key, whether the cue has a subject at all). A participle with no
        subject of its own speaks for the person it follows ("footage of Hillary
        Clinton asking, ...") or else for its sentence's subject ("Mr. Trump hardly
        clarified the matter ..., asserting, ...") when the parse leads nowhere."""
        subj = self.subject_of(cue)
        who = self.resolve(subj, p) if subj is not None else None
        if subj is None and cue.tag_ in ("VBP", "VBZ", "VBD"):
            # "..., Obama and Clinton call them '...'" parsed with the names hanging
            # on the clause before: the name right before the verb is its subject.
            quoted = self._quoted_doc.get(id(cue.doc), set())
            k = cue.i - 1
            if k > cue.sent.start and cue.doc[k].text == ",":
                k -= 1  # "Gov. John Kasich (R-OH), said"
            if cue.doc[k].text == ")":
                party = _before_party_label(cue.doc[k - 1])
                k = party.i if party is not None else k
            for t in reversed(cue.doc[cue.sent.start : k + 1]):
                if t.i in quoted or t.pos_ in ("VERB", "AUX") or t.text in ",;:":
                    break
                if t.ent_type_ in ("PERSON", "ORG") and t.dep_ != "poss":
                    return self.entity_of(t, p), True
        if who is not None or cue.tag_ != "VBG":
            return who, subj is not None
        if any(c.dep_ in SUBJECT_DEPS for c in cue.children):
            return None, True
        prev = cue.doc[cue.i - 1] if cue.i > 0 else None
        if prev is not None and prev.ent_type_ == "PERSON":
            who = self.entity_of(prev, p)
            if who:
                return who, True
        quoted = self._quoted_doc.get(id(cue.doc), set())
        subjects = [
            t
            for t in cue.sent
            if t.i < cue.i and _is_subject(t, quoted) and t.pos_ in ("PROPN", "NOUN", "PRON")
        ]
        # The nearest named subject ("It was a one-two punch, as Mrs. Clinton echoed
        # the criticism, saying ..."), else the sentence's first subject.
        named = [
            t
            for t in subjects
            if t.ent_type_ in ("PERSON", "ORG")
            # not someone inside what another speaker says ("Mook told CBS that the
            # campaign expects Holt to ..., calling out ...")
            and not any(self.is_cue(a) for a in t.head.ancestors)
        ]
        if named:
            return self.resolve(named[-1], p), True
        if subjects:
            return self.resolve(subjects[0], p), True
        return None, subj is not None

    def is_cue(self, tok: Token) -> bool:
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        lemma = tok.lemma_.lower()
        if lemma in self.cues.verbs:
            # "will continue to be 'a champion'", "put it": not speech with a verb
            # of their own.
            return not (lemma in ASPECT_VERBS and any(c.dep_ == "xcomp" for c in tok.children))
        return any(
            c.dep_ in ("prt", "advmod") and (lemma, c.lower_) in self.cues.phrasal
            for c in tok.children
        )

    def cue_text(self, cue: Token) -> str:
        words = [cue]
        for child in cue.children:
            phrasal = (cue.lemma_.lower(), child.lower_) in self.cues.phrasal
            if (
                child.dep_ == "prt"
                or (child.dep_ == "advmod" and phrasal)
                or (
                    child.dep_ in ("dobj", "dative")
                    and child.lower_ in ("reporters", "journalists")
                )
            ):
                words.append(child)
        words.sort(key=lambda t: t.i)
        return " ".join(t.text for t in words)

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
        fallback: tuple[str | None, str | None, bool] | None = None
        for verb, noun in self._governing_cues(qtoks, quoted):
            if noun is not None:
                document = document_of(noun)
                if document is not None:
                    # "In a joint statement, Mr. Kim committed to the promise of
                    # '...'": the words are the statement's, not his.
                    return None, document, True
                owner = self._owner(noun)
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
            after_cue = next((t for t in after if self.is_cue(t)), None)
            before_cue = self._introducing_cue(before, q)
            if ends_open and after_cue is not None:
                cue = after_cue
            elif before_cue is not None:
                cue = before_cue
            elif (as_cue := self._as_cue(doc, q, quoted)) is not None:
                cue = as_cue
            else:
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
                            owner = self._owner(obj)
                            who = self.resolve(owner, p) if owner is not None else None
                        return who, "according to", True
        # Before the quote, "X said:" with the colon ending the clause.
        text = text_of(doc)
        k = rstrip_end(text, q.start - 1)
        if k > 0 and text[k - 1] == ":" and before:
            verb = next((t for t in reversed(before) if t.pos_ in ("VERB", "AUX")), None)
            if verb is not None:
                subj = self.subject_of(verb)
                if subj is not None:
                    who = self.resolve(subj, p)
                    if who:
                        return who, verb.text, True
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
            for _ in range(8):
                if (
                    anc.i in quoted
                    or anc.i in seen
                    or not (sent.start - 20 <= anc.i < sent.end + 20)
                ):
                    break
                seen.add(anc.i)
                if self.is_cue(anc):
                    found.append((anc, None))
                elif anc.pos_ == "NOUN" and anc.lemma_.lower() in self.cues.nouns:
                    found.append((None, anc))
                if anc.head is anc:
                    break
                anc = anc.head
        return found

    def _owner(self, noun: Token) -> Token | None:
        """Whose statement: "Mr. Trump's declaration", "comments by Mr. Trump", or
        the subject of the verb the noun hangs on ("the department issued a report")."""
        for c in noun.children:
            if c.dep_ == "poss":
                return c
        for c in noun.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        for c in noun.children:
            # "a speech Mrs. Clinton delivered", "a complaint filed by the SEC"
            if c.dep_ == "relcl":
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ not in ("that", "which", "who"):
                    return subj
            if c.dep_ == "acl":
                for agent in (g for g in c.children if g.dep_ == "agent"):
                    obj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
        anc = noun.head
        for _ in range(4):
            if anc.pos_ in ("VERB", "AUX"):
                return self.subject_of(anc)
            if anc.head is anc:
                break
            anc = anc.head
        return None

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

    # -- salience

    def candidates(
        self, sent: Span, p: int, quoted: set[int], before: int | None = None, named_only=False
    ) -> list[_Candidate]:
        """The actors a sentence names outside quotes, ranked by grammatical role."""
        out: list[_Candidate] = []
        seen: set[str] = set()
        for t in sent:
            if t.i in quoted or t.head.i in quoted or (before is not None and t.i >= before):
                continue  # who a quotation talks about is not who says it
            is_subject = t.dep_ in SUBJECT_DEPS and t.head.i not in quoted
            if named_only and not t.ent_type_:
                continue
            if is_subject:
                head = t.head
                main = head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")
                rank = 0 if main or self.is_cue(head) else 1
                key = self.resolve(t, p) if not named_only else self.entity_of(t, p)
            elif t.ent_type_ and (t.ent_iob_ == "B") and not named_only:
                rank = 2
                key = self.entity_of(t, p)
            else:
                continue
            if key and key not in seen:
                seen.add(key)
                out.append(_Candidate(key, self.kinds.get(key, ""), p, sent.start_char, rank))
            elif key and rank == 0:
                # "Senator Chris Dale thinks": the name's first word is met before
                # its head, the subject; the better role counts.
                out = [replace(c, rank=0) if c.key == key and c.rank > 0 else c for c in out]
        if before is None:
            return out
        # Before a pronoun in its own sentence, any named subject will do ("Sen.
        # McCaskill scolded him: '...,' she said"), main clauses first.
        return sorted((c for c in out if c.rank <= 1), key=lambda c: c.rank)

    def _before_in_sentence(self, tok: Token, p: int) -> list[_Candidate]:
        """Named main-clause subjects earlier in the pronoun's own sentence."""
        quoted = self._quoted.get(p, set())
        return self.candidates(tok.sent, p, quoted, before=tok.i, named_only=True)

    def sentence_speaker(self, sent: Span, p: int, quoted: set[int]) -> str | None:
        """The named speaker of a sentence of reported speech, if any."""
        for t in sent:
            if t.i not in quoted and self.is_cue(t) and t.dep_ in ("ROOT", "conj", "parataxis"):
                subj = self.subject_of(t)
                if subj is not None:
                    key = self.resolve(subj, p)
                    if key:
                        return key
        return None

    def person_subject(self, sent: Span, p: int, quoted: set[int]) -> str | None:
        """The person a sentence is about: its named main-clause subject."""
        for c in self.candidates(sent, p, quoted, named_only=True):
            if c.rank == 0 and c.kind == "person":
                return c.key
        return None

    def main_subject(self, sent: Span, p: int, quoted: set[int]) -> str | None:
        """The named person or organisation a sentence's main clause is about."""
        for c in self.candidates(sent, p, quoted):
            if c.rank == 0 and c.kind in ("person", "organization"):
                return c.key
        return None

    def observe(self, sent: Span, p: int, quoted: set[int]) -> None:
        self.salience.add_sentence(self.candidates(sent, p, quoted))


ASPECT_VERBS = {"continue", "repeat", "put"}
_PARTY = re.compile(r"^[RDIL]-?[A-Z][A-Za-z.]{0,5}$")


def _before_party_label(tok: Token) -> Token | None:
    """The name before "(R-OH)" when `tok` is inside that party label."""
    doc = tok.doc
    i = tok.i
    while i > 0 and doc[i].text != "(" and i > tok.i - 4:
        i -= 1
    if doc[i].text != "(" or i == 0:
        return None
    j = i + 1
    label = ""
    while j < len(doc) and doc[j].text != ")" and j < i + 6:
        label += doc[j].text
        j += 1
    if j >= len(doc) or not _PARTY.match(label):
        return None
    before = doc[i - 1]
    return before if before.ent_type_ == "PERSON" else None


# Verbs whose object does what their infinitive says ("prompted Rubio to call ...").
OBJECT_CONTROL = {
    "prompt",
    "lead",
    "cause",
    "force",
    "urge",
    "ask",
    "invite",
    "encourage",
    "push",
    "persuade",
    "allow",
    "get",
    "inspire",
    "spur",
}


def _definite(tok: Token) -> bool:
    return any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "his", "her", "its")
        for c in tok.children
    )


def _genders(docs: list[Doc], index: EntityIndex) -> dict[str, str]:
    """'m' or 'f' for people written with Mr. or Ms./Mrs. before their name."""
    out: dict[str, str] = {}
    for p, doc in enumerate(docs):
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.start == 0:
                continue
            prev = doc[ent.start - 1].text.rstrip(".")
            g = {"Mr": "m", "Ms": "f", "Mrs": "f", "Miss": "f"}.get(prev)
            key = index.key_at(p, ent.start_char)
            if g and key:
                out.setdefault(key, g)
    # Otherwise the given name may tell ("Claire McCaskill").
    names = rules.first_name_genders()
    for e in index.entities:
        if e.kind == "person" and e.key not in out:
            first = e.name.split()[0]
            if len(e.name.split()) > 1 and first in names:
                out[e.key] = names[first]
    return out


def _is_subject(tok: Token, quoted: set[int]) -> bool:
    """A subject outside the quotes, and a word (the parser takes dashes for some)."""
    return tok.dep_ in SUBJECT_DEPS and tok.i not in quoted and any(c.isalnum() for c in tok.text)


def _name_after(cue: Token, quoted: set[int]) -> Token | None:
    """The name written right after a cue that comes before its speaker ('"...,"
    said James Acton'; 'Any "cleareyed" reading, said Michael Kofman, an expert,
    would ...'), however the parser hung it; None for other cues."""
    if cue.lemma_.lower() not in INVERTIBLE_CUES:
        return None
    doc = cue.doc
    nxt = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B":
        end = nxt.i
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        return doc[end]
    for child in cue.children:
        if (
            child.i > cue.i
            and child.i not in quoted
            and child.dep_ in ("dobj", "attr", "npadvmod", "oprd")
            and child.ent_type_ in ("PERSON", "ORG")
        ):
            return child
    return None
