"""A role's words as a reader expects them: a title ("former Secretary of State"),
not a fragment of the sentence it was found in, with its abbreviations written out."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from generator import rules

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


_NOT_A_TITLE = re.compile(r"[\"\u201c\u201d]|\bas well as\b|\ba pair of\b|\bone of\b", re.I)


# Words a title never starts with: a preposition; a possessive pronoun is dropped.
_OPENS_NO_TITLE = {"with", "for", "from", "by", "in", "on", "at", "against", "about"}
_POSSESSIVES = {"his", "her", "its", "their", "our", "my", "your"}


@functools.cache
def _clause_words() -> frozenset[str]:
    return frozenset(rules.load("titles.yaml")["clause_words"])


def clean_title(title: str) -> str | None:
    """A role as a title reads, or None for a fragment that is not one ('"a real
    black president', 'as well as a pair of freshman senators'). A plural title
    shared by several named people is each one's in the singular ("candidates Ben
    Carson, Ted Cruz" -> candidate)."""
    if _NOT_A_TITLE.search(title) or not title[:1].isalpha():
        return None
    words = title.split()
    if words[0].lower() in ("a", "an", "as", "and", "or", "of", "who", "which"):
        return None
    if any(w.lower() in ("a", "an") for w in words[1:]):
        return None  # "Gowdy referenced an inspector": a clause
    if words[0].lower() in _POSSESSIVES and len(words) > 1:
        words = words[1:]  # "his campaign spokeswoman": the title is hers or his alone
    if words[0].lower() in _clause_words() or words[0].lower() in _OPENS_NO_TITLE:
        return None  # "with the former secretary of state"
    if ":" in title or any(w.lower().strip(",") in _clause_words() for w in words):
        return None  # "misgivings were mutual: Senator", "saying he was a stronger leader"
    modifiers = rules.titles().modifiers
    if words[0].islower() and words[0] not in modifiers and words[0].endswith(("ing", "ed")):
        return None  # "questioning the Ohio governor", "appointed as deputy attorney general"
    if len(words) > 6:
        return None  # "telegraphed the upcoming emphasis on the candidate"
    last = words[-1]
    singular = last[:-1] if last.endswith("s") and not last.endswith("ss") else last
    if singular != last and (
        singular.lower() in rules.cues().role_nouns or singular.lower() in rules.titles().one_word
    ):
        words[-1] = singular  # "keynote speakers Ryan and McConnell": each a speaker
    return " ".join(words)


def title_text(span: Span, doc: Doc) -> str:
    text = re.sub(r"\s+", " ", span.text).strip(" ,")
    for short, full in sorted(rules.titles().display.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text)
    return text
