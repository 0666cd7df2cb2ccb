"""Who said it: the article's side of the attribution of a quotation.

`Attributor` holds one article's entities and the salience of its actors as the
text is read, and answers the lookups the sieves make (`sieves.py`, which decide a
quotation's speaker and cue, in order): who a subject token is (`speakers.Speakers`:
names, surnames, "he"/"she" through salience, "the department" and "the president"
through the organizations and roles last mentioned) and which words are cues and
who their subject is (`subjects.Subjects`), its parts. See `quotes.py` for the order in which
an article is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import rules
from generator.extract.entities import EntityIndex
from generator.extract.names import surname_index
from generator.extract.salience import PERSON_PRONOUNS, Salience, genders
from generator.extract.sources import Descriptions
from generator.extract.speakers import ROLE_ABBREVIATIONS, Speakers
from generator.extract.subjects import Subjects
from generator.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PERSON_PRONOUNS", "Attributor"]


class Attributor:
    """The article context the sieves read: the article's entities and rules, what
    `quotes.py` tells it as the article is read (the quoted tokens of each
    paragraph, the salience), memos of answers that do not change, and two parts
    that answer lookups from them: `speakers` (who a token is) and `subjects` (which
    words are cues, and their subjects)."""

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
        self.bounds: dict[int, tuple] = {}  # paragraph -> (its spans, starts, ends)
        self.as_cue_memo: dict = {}  # sentence -> its "As X put it" cue
        self.aside_memo: dict = {}  # token -> the cues set in its clause as asides
        self.surnames = surname_index(e for e in index.entities if e.kind == "person")
        self.descriptions = Descriptions(docs, index)
        for e in index.entities:
            for r in e.roles:
                for word in r.title.lower().split():
                    word = ROLE_ABBREVIATIONS.get(word, word)
                    self.salience.roles.setdefault(word, e.key)
        self.speakers = Speakers(self)
        self.subjects = Subjects(self)
