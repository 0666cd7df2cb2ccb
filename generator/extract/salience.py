"""The salience of an article's actors as it is read: who "he", "she" or "the
department" most likely is at a point of the text (centering, roughly), and the
genders its people's pronouns and given names tell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.entities import EntityIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc

PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}
THING_PRONOUNS = {"they", "it", "we"}


@dataclass(frozen=True)
class Candidate:
    key: str
    kind: str
    paragraph: int
    sent_start: int  # char offset of its sentence in the paragraph
    rank: int  # 0 subject of a main clause or of speech, 1 other subject, 2 other mention


class Salience:
    """The actors of the sentences read so far, most recent sentence last.

    A pronoun means someone from the nearest earlier sentence that has a fitting
    actor, preferring the subject of its main clause (centering, roughly)."""

    WINDOW = 6  # sentences

    def __init__(self, genders: dict[str, str]):
        self.genders = genders
        self.sentences: list[list[Candidate]] = []
        self.roles: dict[str, str] = {}  # role noun -> entity key last given it

    def add_sentence(self, candidates: list[Candidate]) -> None:
        if candidates:
            self.sentences.append(sorted(candidates, key=lambda c: c.rank))

    def person(self, pronoun: str, current: list[Candidate] = ()) -> str | None:
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

    def thing(self, current: list[Candidate] = ()) -> str | None:
        for sent in [list(current), *reversed(self.sentences[-3:])]:
            for c in sent:
                if c.kind in ("organization", "country", "group") and c.rank <= 1:
                    return c.key
        return None


def genders(docs: list[Doc], index: EntityIndex) -> dict[str, str]:
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
