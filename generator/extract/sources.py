"""Sources that are not a plain name: offices, campaigns and documents that speak
for someone, descriptions that stand for a person named earlier, and the words of
documents that are no one's.

- `speaking_for(tok, ...)`: "Powell's office said", "one Trump campaign source
  said", "A 2017 study by the Senate finance committee said", "a statement e-mailed
  by Reagan Ruiz said", "A Government Accountability Office report found": the
  person or organisation the noun speaks for.
- `Descriptions`: "said the rookie defenceman" is the person introduced as
  "rookie defenceman Tom Berg" (or "Tom Berg, a rookie defenceman"), when just one
  person of the article was described so.
- `document_of(noun)`: "In a joint statement, Mr. Kim committed to the promise of
  '...'": the words are the statement's.

They miss owners the model does not tag, and descriptions that share no noun with
the introduction ("the 23-year-old" for "rookie Tom Berg").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from generator.extract.entities import EntityIndex
from generator.extract.tokens import root_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Nouns whose possessor, compound or agent is who speaks through them.
SPEAKS_FOR = {
    "office",
    "campaign",
    "camp",
    "team",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "lawyer",
    "attorney",
    "aide",
    "adviser",
    "advisor",
    "source",
    "family",
    "administration",
    "government",
    "ministry",
    "slogan",
    "website",
    "account",
    "feed",
}
DOCUMENTS = {
    "statement",
    "report",
    "study",
    "survey",
    "poll",
    "analysis",
    "review",
    "audit",
    "brief",
    "filing",
    "complaint",
    "lawsuit",
    "suit",
    "memo",
    "memorandum",
    "letter",
    "document",
    "release",
    "post",
    "tweet",
    "email",
    "e-mail",
    "ad",
    "advertisement",
    "video",
    "transcript",
    "indictment",
    "ruling",
    "opinion",
    "decision",
    "order",
    "article",
    "piece",
    "column",
    "paper",
    "projection",
    "forecast",
    "readout",
    "playbook",
}
# Documents that are nobody's words: an agreement's text is the agreement's.
AGREEMENTS = {
    "statement",
    "agreement",
    "declaration",
    "communique",
    "communiqué",
    "document",
    "accord",
    "treaty",
    "resolution",
    "text",
}

EntityOf = Callable[["Token", int], "str | None"]


def speaking_for(tok: Token, p: int, entity_of: EntityOf) -> str | None:
    """The actor a speaking-for noun or a document speaks for, if the text names it."""
    lemma = tok.lemma_.lower()
    if lemma not in SPEAKS_FOR and lemma not in DOCUMENTS:
        return None
    # "Powell's office", "Ivana Trump's brief"
    for c in tok.children:
        if c.dep_ == "poss":
            key = entity_of(c, p)
            if key:
                return key
    # "by the Senate finance committee", "filed by the SEC", "e-mailed by Reagan Ruiz"
    for c in tok.children:
        words = (
            ("by", "from", "of", "on", "in") if lemma in DOCUMENTS else ("by", "from", "of", "on")
        )
        # "an article in the academic journal Judgment and Decision Making"
        preps = [c] if c.dep_ == "prep" and c.lower_ in words else []
        if c.dep_ == "acl":
            preps = [g for g in c.children if g.dep_ == "agent"]
        for prep in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    key = entity_of(obj, p) or _in_compounds(obj, p, entity_of)
                    # "by the consulting firm Oxford Economics"
                    for a in obj.children:
                        key = key or (entity_of(a, p) if a.dep_ == "appos" else None)
                    if key:
                        return key
    # "one Trump campaign source", "A Government Accountability Office report"
    key = _in_compounds(tok, p, entity_of)
    if key or lemma not in DOCUMENTS:
        return key
    # "The Washington Post ran a piece that noted ...": whoever put it out.
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return entity_of(subj, p)
    return None


def _in_compounds(tok: Token, p: int, entity_of: EntityOf) -> str | None:
    todo = [c for c in tok.children if c.dep_ in ("compound", "poss", "nmod")]
    while todo:
        c = todo.pop(0)
        key = entity_of(c, p)
        if key:
            return key
        todo.extend(g for g in c.children if g.dep_ in ("compound", "poss", "nmod"))
    return None


class Descriptions:
    """The nouns each person of an article was introduced with."""

    def __init__(self, docs: list[Doc], index: EntityIndex):
        self.people: dict[str, set[str]] = {}
        for p, doc in enumerate(docs):
            for ent in doc.ents:
                if ent.label_ != "PERSON":
                    continue
                key = index.key_at(p, ent.start_char)
                if key is None or not key.startswith("person:"):
                    continue
                for noun in _described_by(root_of(ent), ent.start, ent.end):
                    self.people.setdefault(noun, set()).add(key)

    def who(self, tok: Token) -> str | None:
        """The one person a definite description ("the rookie defenceman") fits."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return None
        keys = self.people.get(tok.lemma_.lower(), set())
        return next(iter(keys)) if len(keys) == 1 else None


def _described_by(root: Token, start: int, end: int) -> set[str]:
    """The nouns of a name's description: "Toronto cartoonist Jane Roe", "Tom Berg,
    a rookie defenceman", "the rookie defenceman, Tom Berg"."""
    out = set()
    for c in root.children:
        if c.i < start and c.dep_ == "compound" and c.pos_ == "NOUN":
            out.add(c.lemma_.lower())
        if c.dep_ == "appos" and c.pos_ == "NOUN" and not (start <= c.i < end):
            out.add(c.lemma_.lower())
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        out.add(root.head.lemma_.lower())
    return out


def document_of(noun: Token) -> str | None:
    """The agreement a cue noun's clause is set in ("in a joint statement signed in
    Singapore, Mr. Kim committed to the promise of ..."): its words, e.g. "joint
    statement"."""
    verb = noun.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "under"):
            for g in c.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in AGREEMENTS:
                    mods = [m.text for m in g.children if m.dep_ in ("amod", "compound")]
                    if g.lemma_.lower() == "statement" and "joint" not in (m.lower() for m in mods):
                        continue  # "said in a statement": the speaker's own
                    return " ".join([*mods, g.text])
    return None
