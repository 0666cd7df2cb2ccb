"""Who a subject is: the entity lookups (names, surnames, pronouns, roles,
descriptions, offices and documents that speak for someone) and the salience of the
article's actors as it is read. A part of `attribution.Attributor` (the article's
context), which holds the article, its entities, the rules and the salience this
code reads; `subjects.Subjects`, its other part, finds the subjects resolved here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from generator.extract.bodies import PREFIX as BODY_PREFIX
from generator.extract.salience import PERSON_PRONOUNS, THING_PRONOUNS, Candidate
from generator.extract.sources import speaking_for
from generator.extract.tokens import (
    before_party_label,
    ent_of,
    held,
    self_name,
    set_off,
    subject_rows,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from generator.extract.attribution import Attributor

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


# --- attribution ------------------------------------------------------------------


class Speakers:
    """Who a subject is: the lookups the sieves make to find and resolve a
    speaker, a part of the article's `Attributor`."""

    def __init__(self, att: Attributor):
        self.att = att  # the article's context: read, never changed here
        self._subject_rows: dict = {}  # sentence -> its subjects and names

    # -- entity lookups

    def entity_of(self, tok: Token, p: int) -> str | None:
        """The entity a token names: its own named entity, or one inside its phrase."""
        ent = ent_of(tok) if tok.ent_type_ else None
        if ent is None:
            return None
        if ent.label_ == "THING":
            # "a Twitter spokesman", where the article has Twitter speak as a company
            return self._org_called(ent.text)
        key = self.att.index.key_at(p, ent.start_char)
        if len(ent) == 1 and (key is None or self.att.kinds.get(key) != "person"):
            # "DuVernay said" tagged as an organization, in an article
            # about Ava DuVernay: the surname of the one person it fits.
            return self.person_named(ent.text) or key
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
        party = before_party_label(tok)
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
                if t.ent_type_ == "PERSON" and t.i > tok.i and set_off(t):
                    key = self.entity_of(t, p)
                    if key:
                        return key
        # A surname the model did not tag ("Trump further described ...").
        if (
            tok.is_title
            and not tok.ent_type_
            and (tok.pos_ in ("PROPN", "NOUN", "ADV") or tok.dep_ in SUBJECT_DEPS)
        ):
            key = self.person_named(tok.text)
            if key:
                return key
            if tok.dep_ in SUBJECT_DEPS and not any(c.dep_ == "det" for c in tok.children):
                key = self._org_first_word(tok.text)  # "Pew notes" for Pew Research
                if key:
                    return key
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            return self.att.salience.person(low, self._before_in_sentence(tok, p))
        if low in THING_PRONOUNS and tok.pos_ == "PRON":
            return (
                self.att.salience.thing(self._before_in_sentence(tok, p)) if low != "we" else None
            )
        if low in ("who", "that", "which") and tok.head.dep_ == "relcl":
            return self.resolve(tok.head.head, p, depth + 1)
        if tok.pos_ in ("NOUN", "PROPN"):
            key = self._body(tok, p)
            if key:
                return key
            if tok.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in tok.children):
                # "Former prosecutor and New York City Mayor Rudy Giuliani said": a
                # bare singular noun is a title of the name it is joined to.
                for child in tok.children:
                    if child.dep_ == "conj" and child.ent_type_ == "PERSON":
                        key = self.entity_of(child, p)
                        if key:
                            return key
            for child in tok.children:
                if child.dep_ == "appos":
                    key = self.resolve(child, p, depth + 1)
                    if key:
                        return key
            lemma = tok.lemma_.lower()
            speaks_for = lemma in self.att.cues.role_nouns or lemma in self.att.cues.org_nouns
            for child in tok.children:
                if child.dep_ in ("compound", "poss", "amod", "nmod") and child.ent_type_:
                    if child.dep_ == "amod" and child.ent_type_ == "NORP" and not speaks_for:
                        continue  # "a German official" is Germany's; "a German user" is not
                    key = self.entity_of(child, p)
                    if key and child.dep_ != "poss":
                        return key
            key = self._named_so(tok, p)
            if key:
                return key
            # "Powell's office", "one Trump campaign source", "a study by the
            # committee": who speaks through them.
            key = speaking_for(tok, p, self.entity_of)
            if key:
                return key
            # "said the rookie defenceman": the one person introduced so.
            key = self.att.descriptions.who(tok)
            if key:
                return key
            if (
                lemma not in self.att.cues.role_nouns
                and lemma.removesuffix("s") in self.att.cues.role_nouns
            ):
                lemma = lemma.removesuffix("s")  # "Attorneys for Clinton", read as a name
            if lemma in self.att.cues.role_nouns and not _definite(tok):
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
            if lemma in self.att.cues.role_nouns and _definite(tok):
                # "the senator said": who holds that role here, else the person the
                # text is about (newspapers name a person by role on second mention).
                return self.att.salience.roles.get(lemma) or self.att.salience.person(
                    "", self._before_in_sentence(tok, p)
                )
            if lemma in self.att.cues.org_nouns and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children
            ):
                return self._org_named(lemma, p)
        return None

    def _body(self, tok: Token, p: int) -> str | None:
        """ "Clinton's campaign said", "a Trump campaign spokesman said": the
        campaign or office (see `bodies`)."""
        for t in (tok, *(c for c in tok.children if c.dep_ == "compound" and c.i < tok.i)):
            key = self.att.index.key_at(p, t.idx)
            if key and key.startswith(BODY_PREFIX):
                return key
        return None

    def _named_so(self, tok: Token, p: int) -> str | None:
        name = self_name(tok)
        return self.entity_of(name, p) if name is not None else None

    def owner(self, noun: Token) -> Token | None:
        """Whose statement: "Mr. Trump's declaration", "comments by Mr. Trump", or
        the subject of the verb the noun hangs on ("the department issued a report")."""
        for c in noun.children:
            if c.dep_ == "poss":
                return c
        for c in noun.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from", "of"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                # "the contention of Hillary Clinton that ...", not "the words of a song"
                if obj is not None and (c.lower_ != "of" or obj.ent_type_ in ("PERSON", "ORG")):
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
                return self.att.subjects.subject_of(anc)
            if anc.head is anc:
                break
            anc = anc.head
        return None

    def person_named(self, word: str) -> str | None:
        """The one person of the article whose short name this is, if just one."""
        word = word.replace("\u2019", "'")
        owners = self.att.surnames.get(word, set())
        if len(owners) == 1:
            return next(iter(owners))
        # "Trump" shared by Donald and Ivanka Trump, where the article's own tagged
        # "Trump" stayed an entity of its own: the untagged word is that entity too.
        own = [k for k in owners if self.att.names.get(k) == word]
        return own[0] if len(own) == 1 else None

    def _org_called(self, name: str) -> str | None:
        """The organisation of the article called exactly this."""
        return next(
            (e.key for e in self.att.index.entities if e.kind == "organization" and e.name == name),
            None,
        )

    def _org_first_word(self, word: str) -> str | None:
        """The one organisation of the article whose name, of two words or more,
        starts with this word."""
        keys = {
            e.key
            for e in self.att.index.entities
            if e.kind == "organization"
            for form in (e.name, *e.aliases)
            if len(form.split()) > 1 and form.split()[0] == word
        }
        return next(iter(keys)) if len(keys) == 1 else None

    def _org_named(self, noun: str, p: int) -> str | None:
        """The organization last mentioned whose name holds the noun."""
        best = None
        for e in self.att.index.entities:
            if e.kind != "organization" or noun not in e.name.lower():
                continue
            before = [m for m in e.mentions if m.paragraph <= p]
            if before:
                last = max((m.paragraph, m.start) for m in before)
                if best is None or last > best[0]:
                    best = (last, e.key)
        return best[1] if best else None

    # -- salience

    def candidates(
        self, sent: Span, p: int, quoted: set[int], before: int | None = None, named_only=False
    ) -> list[Candidate]:
        """The actors a sentence names outside quotes, ranked by grammatical role."""
        out: list[Candidate] = []
        seen: set[str] = set()
        # Who a quotation talks about is not who says it: only the subjects and
        # names outside quotes count ("Trump, when asked ..., often steam-rolls
        # ...", parsed with the name as the root, is about him), found once per
        # sentence however many quotations it holds.
        memo = self._subject_rows
        rows = held(
            memo,
            (p, sent.start, sent.end),
            (sent.doc, quoted),
            lambda: subject_rows(sent, quoted, SUBJECT_DEPS),
        )
        for t, is_subject in rows:
            if before is not None and t.i >= before:
                break
            # "Fallon fired back: '...,' he wrote": a surname the model did not
            # tag names its person.
            surname = is_subject and not t.ent_type_ and t.is_title and t.pos_ in ("PROPN", "NOUN")
            surname_key = self.person_named(t.text) if surname and named_only else None
            if named_only and not t.ent_type_ and not surname_key:
                continue
            if is_subject:
                head = t.head
                main = head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")
                rank = 0 if main or self.att.subjects.is_cue(head) else 1
                key = self.resolve(t, p) if not named_only else surname_key or self.entity_of(t, p)
            elif t.ent_type_ and (t.ent_iob_ == "B") and not named_only:
                rank = 2
                key = self.entity_of(t, p)
            else:
                continue
            if key and key not in seen:
                seen.add(key)
                out.append(Candidate(key, self.att.kinds.get(key, ""), p, sent.start_char, rank))
            elif key and rank == 0:
                # "Senator Chris Dale thinks": the name's first word is met before
                # its head, the subject; the better role counts.
                out = [replace(c, rank=0) if c.key == key and c.rank > 0 else c for c in out]
        if before is None:
            return out
        # Before a pronoun in its own sentence, any named subject will do ("Sen.
        # McCaskill scolded him: '...,' she said"), main clauses first.
        return sorted((c for c in out if c.rank <= 1), key=lambda c: c.rank)

    def _before_in_sentence(self, tok: Token, p: int) -> list[Candidate]:
        """Named main-clause subjects earlier in the pronoun's own sentence."""
        quoted = self.att._quoted.get(p, set())
        return self.candidates(tok.sent, p, quoted, before=tok.i, named_only=True)

    def sentence_speaker(self, sent: Span, p: int, quoted: set[int]) -> str | None:
        """The named speaker of a sentence of reported speech, if any."""
        for t in sent:
            # "If anything, Ash argued in his email, the incident is ...": a cue
            # before the clause it reports, which the parser took for its ccomp.
            main = t.dep_ in ("ROOT", "conj", "parataxis") or (t.dep_ == "ccomp" and t.i < t.head.i)
            if t.i not in quoted and main and self.att.subjects.is_cue(t):
                subj = self.att.subjects.subject_of(t)
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
        self.att.salience.add_sentence(self.candidates(sent, p, quoted))


def _definite(tok: Token) -> bool:
    return any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "his", "her", "its")
        for c in tok.children
    )
