"""Whose stance a sentence states: the owner of a stance cue (see `stances.py`).

The cue's subject, or the agent of a passive; a pronoun or "his government" is
the speaker of the clause it is reported in ("X said his country was willing"),
else the person last named; a country its own leader reports on is the leader's
stance; inside a quotation with no subject of its own, the speaker's. A noun
phrase names its people first ("experts, including William J. Perry"), else the
organisation or country it is of ("White House officials", "American officials").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import rules
from generator.extract import clauses, nounphrase
from generator.extract.entities import EntityIndex
from generator.extract.groups import Groups
from generator.extract.salience import PERSON_PRONOUNS
from generator.extract.tokens import ent_of
from generator.model import Quote

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PRONOUNS = {"he", "she", "they", "we", "i", "it", "who"}
POSSESSIVES = {"his", "her", "their", "our", "my", "its"}
POSSESSED = {"his": "he", "her": "she", "their": "they", "our": "we", "my": "i", "its": "it"}
SPEECH_VERBS = rules.cues().verbs | {"indicate", "signal", "make", "tell", "insist", "believe"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# The clauses through which a report reaches what it reports.
REPORTED_DEPS = ("ccomp", "advcl", "xcomp", "conj", "acomp", "oprd")
# A country's own voice, through one who speaks for it.
GOVERNMENTS = {"country", "government", "nation", "administration", "ministry", "state"}
OFFICIALS = {
    "ambassador",
    "envoy",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "negotiator",
    "representative",
    "secretary",
    "official",
    "diplomat",
    "president",
    "premier",
    "chancellor",
    "leader",
}


class People:
    """Who "he" or "she" is: the person last the subject in this paragraph, else the
    person last named in it, else the last subject before; never one whose gender
    (from "Mr." / "Ms." or a given name) is the other."""

    def __init__(self, index: EntityIndex, genders: dict[str, str] | None = None):
        self.index = index
        self.genders = genders or {}
        self.paragraph = -1
        self.subjects: list[str] = []  # this paragraph's, in order
        self.named: list[str] = []
        self.before: list[str] = []  # the last paragraph's subjects

    def sentence(self, sent: Span, p: int) -> None:
        if p != self.paragraph:
            if self.named:
                # subjects tried first (the list is read from its end)
                others = [k for k in self.named if k not in self.subjects]
                self.before = [*others, *self.subjects]
            self.paragraph, self.subjects, self.named = p, [], []
        self._sent = sent

    def clash(self, key: str, pronoun: str) -> bool:
        """Whether the person's gender is not the pronoun's."""
        want = GENDERED.get(pronoun)
        have = self.genders.get(key)
        return bool(want and have and want != have)

    def resolve(self, tok: Token) -> str | None:
        subjects: list[str] = []
        named: list[str] = []
        for t in self._sent:
            if t.i >= tok.i:
                break
            key = _key(t, self.paragraph, self.index)
            if key and key.startswith("person:"):
                named.append(key)
                if t.dep_ in SUBJECT_DEPS or t.head.dep_ in SUBJECT_DEPS:
                    subjects.append(key)
        order = [*subjects[::-1], *self.subjects[::-1], *named[::-1], *self.named[::-1]]
        order += self.before[::-1]
        return next((k for k in order if not self.clash(k, tok.lower_)), None)

    def update(self, sent: Span) -> None:
        for t in sent:
            key = _key(t, self.paragraph, self.index)
            if key and key.startswith("person:"):
                self.named.append(key)
                if t.dep_ in SUBJECT_DEPS or t.head.dep_ in SUBJECT_DEPS:
                    self.subjects.append(key)


GENDERED = PERSON_PRONOUNS  # the pronouns' genders, as the speaker rules read them


def _key(tok: Token, p: int, index: EntityIndex) -> str | None:
    ent = ent_of(tok)
    return index.key_at(p, ent.start_char) if ent is not None else None


class Owners:
    """The owners of the cues of one paragraph; keys are entity keys."""

    def __init__(
        self,
        p: int,
        index: EntityIndex,
        quotes: list[Quote],
        people: People,
        groups: Groups | None = None,
    ):
        self.p, self.index, self.quotes, self.people = p, index, quotes, people
        self.groups = groups

    def subject_of(self, tok: Token) -> list[str]:
        """The subject of the clause `tok` is in: through "be", "needed to be",
        "was willing to consider"."""
        head = tok
        for _ in range(6):
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                return self.resolve(subj[0], head)
            if _uncontrolled(head):
                # "It is disqualifying for a nominee to refuse ...": whoever the
                # infinitive is about, it is nobody's own stance.
                return []
            if head.dep_ == "advcl" and clauses.participle(head):
                # "Trump spoke to them, promising to lift the rules": the one who
                # spoke makes the promise.
                head = head.head
                continue
            if head.dep_ == "advcl" and clauses.infinitive(head):
                # A purpose clause: the parser hangs it anywhere ("called Palin a clown
                # ... at a rally to protest the deal"); whose it is stays unknown.
                return []
            if head.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.head.children):
                # "asked Clinton to urge ...", "advise other countries to accept": what
                # one is asked to do is the asker's wish, not one's own stance.
                return []
            if head.dep_ in ("acomp", "xcomp", "attr", "aux", "conj") and head.head.i != head.i:
                head = head.head
                continue
            break
        return self.speaker_of(tok)

    def resolve(self, subj: Token, verb: Token) -> list[str]:
        """The owner a subject names; a pronoun or "his government" is the speaker
        of the clause (or the person last named); a country its own leader reports
        on is the leader's."""
        # "his government", "their country": the possessive of the subject itself,
        # not one deep inside it ("members of his party").
        words = {c.lower_ for c in subj.children if c.dep_ == "poss"}
        # "her acceptance of ...": the possessive is the pronoun it stands for.
        low = POSSESSED.get(subj.lower_, subj.lower_) if subj.dep_ == "poss" else subj.lower_
        if low in PRONOUNS or (words & POSSESSIVES and not self._named(subj)):
            if low == "it":
                # "Greenpeace said it would fight ...": a body speaking of itself.
                bodies = self.said_by(verb)
                return bodies if bodies and not bodies[0].startswith("person:") else []
            quote = self.quote_at(subj)
            if quote is None and self.index.author and low in ("i", "we"):
                return [self.index.author]  # an opinion piece's own voice
            if quote is not None and quote.kind == "direct":
                # In a speaker's own words, "I" and "we" are the speaker; "he",
                # "she" and "they" are someone else.
                return [quote.speaker] if low in ("i", "we") and quote.speaker else []
            # Not the opinion piece's own voice: "he" and "they" are never its author.
            reporter = self.reporter(verb, own=False)
            personal = low in ("he", "she") or bool(words & {"his", "her"})
            plural = low in ("they", "we") or bool(words & {"their", "our"})
            if plural and reporter and reporter[0].startswith("person:"):
                # "they" is never one person: "he denounced suggestions that they ..."
                return [] if low == "they" or "their" in words else reporter
            if (
                reporter
                and (not personal or reporter[0].startswith("person:"))
                and not (personal and self.people.clash(reporter[0], subj.lower_))
            ):
                return reporter
            if reporter and personal:
                # "Cuban said he supports ...", the name taken for a people: "he" is
                # the one who said it, whom the text does not name for us.
                return []
            if personal:
                who = self.people.resolve(subj)
                return [who] if who else []
            return self.speaker_of(subj)
        owners = self.of_phrase(subj)
        if len(owners) == 1 and owners[0].startswith("country:"):
            reporter = self.reporter(verb)
            if reporter and self._affiliated(reporter[0], owners[0]):
                return reporter
        return owners

    def _named(self, phrase: Token) -> bool:
        return any(_key(t, self.p, self.index) for t in phrase.subtree)

    def _affiliated(self, person: str, country: str) -> bool:
        name = country.removeprefix("country:")
        for e in self.index.entities:
            if e.key == person:
                affs = {e.affiliation, *(r.affiliation for r in e.roles)}
                return name in affs
        return False

    def reporter(self, verb: Token, own: bool = True) -> list[str]:
        """The speaker of the clause `verb` heads, if it is reported ("X said ...")."""
        found = self.reporting(verb)
        if found is not None:
            return self.resolve(*found)
        return self.speaker_of(verb) or (self.own_voice(verb) if own else [])

    @staticmethod
    def reporting(verb: Token, said: bool = False) -> tuple[Token, Token] | None:
        """The subject and the verb that report the clause `verb` heads ("X said",
        "an ally suggested", "she seemed hopeful that ..."), if any; with `said`,
        only the first speech verb above a reported clause ("X said it would ...")."""
        deps = ("ccomp", "conj", "xcomp") if said else REPORTED_DEPS
        head = verb
        for _ in range(6):
            if head.dep_ not in deps or head.head.i == head.i:
                break
            if not said and head.head.pos_ in ("NOUN", "PROPN"):
                break  # "suggestions that they would ...": the noun's content, nobody's report
            head = head.head
            if head.lemma_.lower() in SPEECH_VERBS or (head.dep_ == "ROOT" and not said):
                subj = [c for c in head.children if c.dep_ == "nsubj"]
                if subj and subj[0].lower_ != "it":
                    return subj[0], head
                if said:
                    return None
        return None

    def said_by(self, verb: Token) -> list[str]:
        """The subject of the speech verb whose reported clause `verb` heads ("X
        said it would ..."), not of any clause above it."""
        found = self.reporting(verb, said=True)
        return self.of_phrase(found[0]) if found else []

    def own_voice(self, tok: Token) -> list[str]:
        """Outside any quotation of an opinion piece: its author."""
        if self.index.author and self.quote_at(tok) is None:
            return [self.index.author]
        return []

    def behalf(self, cue: Token, owner: str) -> str | None:
        """The country an official states a stance for: "his country was willing",
        "our government will", "we are ready" said by an ambassador or a minister
        of that country (its name, or None)."""
        if not owner.startswith("person:"):
            return None
        subj = clauses.subject(cue)
        if subj is None:
            return None
        poss = {c.lower_ for c in subj.children if c.dep_ == "poss"}
        own = subj.lower_ == "we" or (
            subj.lemma_.lower() in GOVERNMENTS and poss & {"his", "her", "their", "our"}
        )
        if not own:
            return None
        entity = next((e for e in self.index.entities if e.key == owner), None)
        if entity is None:
            return None
        known = rules.countries().by_name
        for role in entity.roles:
            words = set(role.title.lower().split())
            if words & OFFICIALS and role.affiliation in known:
                return role.affiliation
        return None

    def quote_at(self, tok: Token) -> Quote | None:
        """The quotation (with a speaker) that `tok` is in."""
        at = tok.idx
        return next((q for q in self.quotes if q.start <= at < q.end and q.speaker), None)

    def speaker_of(self, tok: Token) -> list[str]:
        """Inside a quotation: its speaker."""
        quote = self.quote_at(tok)
        return [quote.speaker] if quote is not None and quote.speaker else []

    def of_prep(self, prep: Token) -> list[str]:
        out: list[str] = []
        for c in prep.children:
            if c.dep_ == "pobj":
                out.extend(self.of_phrase(c))
        return out

    def of_phrase(self, head: Token, alone: bool = False) -> list[str]:
        """The actors a noun phrase names: its people first ("experts, including
        William J. Perry"), else the organisation or country it is of ("White
        House officials", "China's foreign minister", "American officials"), each
        of a list ("corporations including Apple and Google"). `alone`: the head
        without its conjuncts and appositions (one member of a list)."""
        people: list[str] = []
        others: list[str] = []
        if nounphrase.quantity(head):
            return []  # "89% of Democrats", "most voters": poll answers, not actors
        heads = [head, *(c for c in head.children if c.dep_ == "conj" and not alone)]
        firsts: list[str] = []  # the first organisation or country of each conjunct
        aside = ("conj", "appos") if alone else ("conj",)
        for h in heads:
            mine: list[str] = []
            for t in h.subtree:
                path = nounphrase.path(t, h)
                if h.i == head.i and any(a.dep_ in aside and a.head.i == head.i for a in path):
                    continue  # a conjunct's own: read as its own head
                if (
                    any(nounphrase.detour(a) for a in path)
                    or any(
                        # "Senators, Trump won": a name modifying an apposition that is
                        # no name itself describes; "officials, John Roe" names one.
                        a.dep_ == "appos" and a.i != t.i and _key(a, self.p, self.index) is None
                        for a in path
                    )
                    or (
                        # "an ally of Ana Lind", "a Clinton ally", "Trump's lawyer"
                        h.lemma_.lower() in nounphrase.RELATIONAL and t.i != h.i
                    )
                ):
                    # "senators from states Trump won": the noun holds its own stance,
                    # never a name in a clause or a phrase that only describes it.
                    continue
                key = _key(t, self.p, self.index)
                if key is None:
                    if t.head == h and t.dep_ in ("amod", "compound"):
                        key = self._demonym(t)
                    if key is None:
                        continue
                if t.head == h and t.dep_ in ("amod", "compound") and nounphrase.one_person(h):
                    # "the GOP candidate", "a Democratic senator": a person of that
                    # party or country, not the party itself.
                    continue
                if key.startswith("group:") and t.i == h.i and nounphrase.counted(h):
                    continue  # "two leading Republicans" are not the party
                bucket = people if key.startswith("person:") else mine
                if key not in bucket:
                    bucket.append(key)
                if bucket is mine and any(nounphrase.listing(a) for a in path):
                    firsts.append(key)  # "corporations including Apple and Google"
            if mine and mine[0] not in firsts:
                firsts.append(mine[0])
            others.extend(mine)
        if people or others or self.groups is None:
            # "China and the United States": each; "White House officials": one
            return people or list(dict.fromkeys(firsts))
        # No name in the phrase: a group it names plainly ("industry groups").
        return [k for h in heads if (k := self.groups.key_of(h, self.p))]

    def _demonym(self, tok: Token) -> str | None:
        country = rules.countries().demonyms.get(tok.lower_)
        key = f"country:{country}" if country else None
        return key if key and any(e.key == key for e in self.index.entities) else None


def _uncontrolled(verb: Token) -> bool:
    """An infinitive with no subject of its own that is not a control verb's
    complement: a purpose or a judgment's clause ("is disqualifying ... to refuse")."""
    if verb.dep_ not in ("advcl", "csubj", "ccomp", "acl"):
        return False
    if not clauses.infinitive(verb):
        return False
    head = verb.head
    forward = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "for" and c.i < verb.i]
    expletive = any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)
    return bool(forward) or expletive or verb.dep_ == "csubj"
