"""Cue verbs and their subjects: which words introduce speech, and who does the
saying, found through relative clauses, participles, conjuncts, passives and the
parser's usual mistakes. A part of `attribution.Attributor` (the article's
context), with `speakers.Speakers` (which resolves the subject found here).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.neighbours import INVERTIBLE_CUES, _name_after
from generator.extract.speakers import SUBJECT_DEPS
from generator.extract.tokens import before_party_label, children_of, self_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.extract.attribution import Attributor

ASPECT_VERBS = {"continue", "repeat", "put"}

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


class Subjects:
    """Cue verbs and their subjects, a part of the article's `Attributor`."""

    def __init__(self, att: Attributor):
        self.att = att  # the article's context: read, never changed here

    def subject_of(self, cue: Token) -> Token | None:
        """Who does the saying: the cue's subject, found through relative clauses,
        participles, conjuncts and passives; never a word inside a quotation."""
        quoted = self.att._quoted_doc.get(id(cue.doc), set())
        tok = cue
        if any(c.dep_ == "nsubjpass" for c in children_of(cue)) and cue.lemma_.lower() != "quote":
            # "Rubio was asked by moderator Gerard Baker whether ...": the agent
            # speaks; the passive's subject is who was spoken to or about.
            for agent in (c for c in children_of(cue) if c.dep_ == "agent"):
                obj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.i not in quoted:
                    return obj
            # 'It has been called "strategic ambiguity" by Joshua Hendrick': the
            # parser hung the agent on the words it was called.
            for c in children_of(cue):
                if c.dep_ not in ("oprd", "xcomp", "attr"):
                    continue
                for by in (g for g in c.children if g.dep_ == "prep" and g.lower_ == "by"):
                    obj = next((g for g in by.children if g.dep_ == "pobj"), None)
                    if obj is not None and obj.i not in quoted and obj.ent_type_ == "PERSON":
                        return obj
        for _ in range(5):
            found = []
            for child in children_of(tok):
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
                after = _name_after(cue, quoted, any(c.i < cue.i for c in found))
                if after is not None:
                    return after
            if tok is cue and not found and cue.lemma_.lower() in INVERTIBLE_CUES:
                # '"...!" wrote a man calling himself Paul Paul': the object of an
                # inverted cue that names itself.
                for c in children_of(cue):
                    if c.dep_ == "dobj" and c.i > cue.i and self_name(c) is not None:
                        return c
            if found:
                # Two subjects is a misparse ('The promise to "..." appeals to voters,
                # said Alan Abramowitz'): the named one is the speaker.
                return min(named or found, key=lambda c: abs(c.i - cue.i))  # the nearest
            if tok is cue and cue.dep_ == "compound" and cue.head.pos_ == "PROPN":
                return cue.head  # 'Said Ellis: "..."', read as one name
            if tok is cue:
                # '"Go back," Trump barked and ...': the name read as part of a noun
                # phrase with the verb, its compound rather than its subject.
                for c in children_of(cue):
                    before_cue = c.i < cue.i and c.i not in quoted
                    if before_cue and c.dep_ == "compound" and c.pos_ == "PROPN":
                        return c
            if tok.dep_ == "relcl":
                return tok.head
            if tok.dep_ == "acl" and tok.head.pos_ == "PROPN":
                return tok.head  # "footage of Hillary Clinton asking, ..."
            for child in children_of(tok):
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
                tok is cue
                and cue.dep_ == "conj"
                and cue.head.dep_ == "ccomp"
                and not self.is_cue(cue.head)
                and self.is_cue(cue.head.head)
                and _reported_by(cue.head, cue.head.head)
            ):
                # 'Clinton said Trump is responsible ... and accused him of "..."':
                # a cue joined to the clause she reports goes on with her words.
                tok = cue.head.head
                continue
            if tok is cue and cue.dep_ == "conj":
                # "a group called for ..., and the League denounced ... and said":
                # the nearest verb before it in the coordination with a subject.
                for sib in sorted(cue.head.children, key=lambda c: -c.i):
                    if sib.dep_ == "conj" and sib.i < cue.i:
                        subjs = [c for c in sib.children if _is_subject(c, quoted)]
                        named = [c for c in subjs if c.ent_type_ in ("PERSON", "ORG")]
                        if subjs:
                            return (named or subjs)[0]
            if tok is cue and _reported_clause_participle(cue, self.is_cue):
                # 'Cruz said that Trump represents "...", stating that ...': the
                # participle goes on with the speaker's words, not the reported
                # subject's.
                tok = cue.head.head
                continue
            if tok.pos_ == "ADP" and tok.dep_ == "prep" and tok.i < tok.head.i:
                tok = tok.head  # "After saying ..., she was ...": the clause it opens
                continue
            if tok is cue and cue.dep_ == "dep" and any(c.dep_ == "aux" for c in cue.children):
                # 'after Mr. Trump, asked about ..., had said, "..."': a verb the
                # parser left unattached, whose subject stands before it.
                break
            if (
                tok.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp", "ccomp", "dep")
                and tok.head is not tok
            ):
                came_from, tok = tok, tok.head
                if tok.pos_ == "NOUN":
                    # "a report warning of ..." -> whoever issued the report
                    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
                    if owner is not None and not _set_off_after(tok, came_from):
                        # not "his party's nomination, called for ...": a clause
                        # after a comma is a misparse, not the noun's own
                        return owner
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
        who = self.att.speakers.resolve(subj, p) if subj is not None else None
        # a perfect ("had said") or a past the parser took for a participle ("Will wrote")
        perfect = cue.tag_ == "VBN" and not any(c.dep_ in ("auxpass", "mark") for c in cue.children)
        word_before = cue.doc[cue.i - 1] if cue.i else cue
        perfect = perfect and (
            word_before.pos_ in ("AUX", "PROPN", "NOUN")
            or _named_adverb(word_before, self.att.speakers.person_named)
        )
        if subj is None and (cue.tag_ in ("VBP", "VBZ", "VBD") or perfect):
            # "..., Obama and Clinton call them '...'" parsed with the names hanging
            # on the clause before: the name right before the verb is its subject.
            quoted = self.att._quoted_doc.get(id(cue.doc), set())
            k = cue.i - 1
            while k > cue.sent.start and (
                (
                    cue.doc[k].pos_ == "ADV"
                    and not _named_adverb(cue.doc[k], self.att.speakers.person_named)
                )
                or cue.doc[k].lower_ in ("had", "has", "have")
            ):
                k -= 1  # "Morial ... forcefully told", "Mr. Trump, asked ..., had said"
            if k > cue.sent.start and cue.doc[k].text == ",":
                k -= 1  # "Gov. John Kasich (R-OH), said"
                # "Marc H. Morial, the chief executive of the League, told": the
                # apposition set off by commas, with no verb in it.
                # Also "Bill Eastland, wearing a cowboy hat and "Ted Cruz" pins, said".
                c = k
                while c > cue.sent.start and cue.doc[c].text != ",":
                    c -= 1
                # no finite verb in it, but its first word may be a participle the
                # parser took for one ("Mr. Trump, asked about ..., had said")
                finite = any(
                    cue.doc[i].tag_ in ("VBD", "VBZ", "VBP", "MD") for i in range(c + 2, k + 1)
                )
                opener = cue.doc[c + 1]
                if (
                    c > cue.sent.start
                    and cue.doc[c].text == ","
                    and not finite
                    and (
                        opener.pos_ in ("DET", "ADJ", "PROPN", "NOUN")
                        or opener.tag_ in ("VBG", "VBN", "VBD")
                    )
                    and cue.doc[c - 1].ent_type_ == "PERSON"
                    and c - 1 not in quoted
                ):
                    return self.att.speakers.entity_of(cue.doc[c - 1], p), True
                if k > cue.sent.start + 1 and cue.doc[k].like_num and cue.doc[k - 1].text == ",":
                    k -= 2  # "Ramos, 58, told AFP": the age set off by commas
                # "Mr. Slinker, whose start-up ... uses ..., said": the relative
                # clause set off by commas.
                w = k
                while w > cue.sent.start + 1 and w not in quoted and cue.doc[w].text not in ";:":
                    if cue.doc[w].lower_ in ("who", "whose") and cue.doc[w - 1].text == ",":
                        k = w - 2
                        break
                    w -= 1
            if cue.doc[k].text == ")":
                party = before_party_label(cue.doc[k - 1])
                k = party.i if party is not None else k
            for t in reversed(cue.doc[cue.sent.start : k + 1]):
                if t.i == cue.i - 1 and t.is_title and not t.ent_type_ and t.i not in quoted:
                    # '"...," From said': Al From; 'Will wrote': George Will
                    key = self.att.speakers.person_named(t.text)
                    if key:
                        return key, True
                if t.i in quoted or t.pos_ in ("VERB", "AUX") or t.text in ",;:":
                    break
                if t.ent_type_ in ("PERSON", "ORG") and t.dep_ != "poss":
                    return self.att.speakers.entity_of(t, p), True
        if who is not None or cue.tag_ != "VBG":
            return who, subj is not None
        if any(c.dep_ in SUBJECT_DEPS for c in cue.children):
            return None, True
        prev = cue.doc[cue.i - 1] if cue.i > 0 else None
        if prev is not None and prev.ent_type_ == "PERSON":
            who = self.att.speakers.entity_of(prev, p)
            if who:
                return who, True
        quoted = self.att._quoted_doc.get(id(cue.doc), set())
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
            # nor someone in a relative clause ("the stadium - where the Panthers
            # played - while chanting, ...")
            and t.head.dep_ != "relcl"
        ]
        if named:
            return self.att.speakers.resolve(named[-1], p), True
        if subjects:
            return self.att.speakers.resolve(subjects[0], p), True
        first = cue.sent[0]
        if first.is_title and first.i < cue.i and first.i not in quoted and not first.ent_type_:
            # "Trump defended eminent domain, calling it ...", with the name parsed
            # as a common word: the person it names, if the article has one.
            key = self.att.speakers.person_named(first.text)
            if key:
                return key, True
        return None, subj is not None

    def is_cue(self, tok: Token) -> bool:
        if tok.pos_ not in ("VERB", "AUX") or _unsaid(tok):
            return False
        lemma = tok.lemma_.lower()
        if lemma in self.att.cues.verbs:
            # "will continue to be 'a champion'", "put it": not speech with a verb
            # of their own.
            return not (lemma in ASPECT_VERBS and any(c.dep_ == "xcomp" for c in tok.children))
        return any(
            c.dep_ in ("prt", "advmod") and (lemma, c.lower_) in self.att.cues.phrasal
            for c in tok.children
        )

    def cue_text(self, cue: Token) -> str:
        words = [cue]
        for child in children_of(cue):
            phrasal = (cue.lemma_.lower(), child.lower_) in self.att.cues.phrasal
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


_TIME_MARKS = {"after", "before", "when", "while", "as", "since", "because", "until"}


def _reported_clause_participle(cue: Token, is_cue) -> bool:
    """A participle of speech ("adding", "stating") hung on the verb of a clause
    another cue reports ("X told Newsmax that Y 'had ...', adding, '...'"), or of an
    adverbial clause of that cue ("Hannity said ... after the senator won his
    primary, remarking that ...")."""
    head = cue.head
    adverbial = head.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in head.children
    )
    return (
        cue.tag_ == "VBG"
        and cue.dep_ == "advcl"
        and not any(c.dep_ in SUBJECT_DEPS for c in cue.children)
        and (head.dep_ == "ccomp" or adverbial)
        and head.i < cue.i
        and not is_cue(head)
        and is_cue(head.head)
    )


def _reported_by(clause: Token, verb: Token) -> bool:
    """Whether `clause` follows `verb` as what it reports ('said Trump is', 'told
    aides that he'), not as a clause the parser hung on it across a comma."""
    first = clause.left_edge
    between = clause.doc[verb.i + 1 : first.i]
    opens = first.dep_ == "mark" or any(
        first in c.subtree for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
    )
    return verb.i < first.i and opens and len(between) <= 3 and not any(t.is_punct for t in between)


def _set_off_after(noun: Token, clause: Token) -> bool:
    """Whether a comma stands between a noun and the clause the parser hung on it."""
    between = noun.doc[noun.i + 1 : clause.left_edge.i]
    return clause.i > noun.i and any(t.text == "," for t in between)


def _named_adverb(tok: Token, person_named) -> bool:
    """'And Skelly called', 'Early described': a surname the parser took for an
    adverb, capitalised mid-sentence and the name of someone in the article."""
    return tok.is_title and tok.i > tok.sent.start and bool(person_named(tok.text))


def _is_subject(tok: Token, quoted: set[int]) -> bool:
    """A subject outside the quotes, and a word (the parser takes dashes for some)."""
    return tok.dep_ in SUBJECT_DEPS and tok.i not in quoted and any(c.isalnum() for c in tok.text)


_REFUSALS = {"refuse", "decline", "fail", "avoid", "won't"}


def _unsaid(verb: Token) -> bool:
    """A verb of speech negated or refused ("for not calling it '...'", "refused to
    say the words '...'"): the words were not said by its subject."""
    if verb.pos_ != "VERB":
        return False
    if any(c.dep_ == "neg" and c.i < verb.i for c in children_of(verb)) and verb.tag_ == "VBG":
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSALS
