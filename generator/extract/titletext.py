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
# Words after which "the" is part of the title: "assistant to the president".
_LINKS = {"to", "of", "for", "at", "on", "in"}
# Callings that a title written after "and" is the title of: "friend and adviser".
_RELATION_NOUNS = {"friend", "ally", "confidant", "confidante", "expert", "doctor"}


@functools.cache
def _clause_words() -> frozenset[str]:
    return frozenset(rules.load("titles.yaml")["clause_words"])


@functools.cache
def _words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.load("titles.yaml")[key])


# Words that say a role was held before the article's time: "then the secretary of
# state", "the onetime adviser" are "former" ones as of the article's date.
_BEFORE = {"then", "onetime", "one-time", "once", "erstwhile"}
# "a four-term congressman", "a prize-winning director", "a 70-year-old senator"
_DESCRIBED = re.compile(r"^\S+-(term|time|winning|known|serving|old|based)$", re.I)
# "historian and professor", "pollster and former adviser": a person's two
# callings, of which the title is the one named last; not "research and policy
# director", one title.
_PERSON_NOUN = re.compile(r"(ist|ian|er|or|ant|ent|man|woman)$", re.I)
_APOSTROPHES = ("'s", "\u2019s", "'", "\u2019")


def _plain(words: list[str]) -> list[str] | None:
    """The title in a role's words without what describes the person ("combative",
    "longtime", "six-term"), says when ("now", "then" -> "former"), or says they
    may only come to hold it (None: "likely nominee")."""
    out: list[str] = []
    modifiers = rules.titles().modifiers
    graded = False
    for w in words:
        low = w.lower()
        if graded or low in ("most", "least"):
            graded = not graded  # "the most popular mayor": the word after too
            continue
        head, _, rest = low.partition("-")
        if low in _words("hypothetical") or rest in _words("hypothetical"):
            return None  # "the likely Republican nominee": not (yet) theirs
        if low in _BEFORE:
            if not out or out[-1].lower() != "former":
                out.append("former")  # "then the secretary of state", "onetime adviser"
            continue
        if head in _BEFORE and rest:
            out += ["former", w.split("-", 1)[1]]  # "then-Secretary", "once-presumptive"
            continue
        if w.islower() and (low in _words("descriptions") or _DESCRIBED.match(w)):
            continue  # not "New" of "New Jersey governor"
        if not out and w.islower() and low.endswith("ly") and low not in modifiers:
            continue  # "recently appointed": the verb after it is judged as the first word
        out.append(w)
    if "former" in (w.lower() for w in out):
        # "a prize-winning former director": what comes before "former"
        # describes the person; not "the mayor's former campaign manager".
        k = next(i for i, w in enumerate(out) if w.lower() == "former")
        if not any(w.endswith(_APOSTROPHES) for w in out[:k]):
            out = out[k:]
    if "and" in out:
        k = out.index("and")
        before = out[k - 1] if k else ""
        if before.islower() and (before in _RELATION_NOUNS or _PERSON_NOUN.search(before)):
            out = out[k + 1 :]
    kept: list[str] = []
    for i, w in enumerate(out):
        if w.lower() in ("the", "this") and (i == 0 or out[i - 1].lower() not in _LINKS):
            nxt = out[i + 1] if i + 1 < len(out) else ""
            if nxt.islower() and nxt.endswith(_APOSTROPHES):
                out[i + 1] = ""  # "the bank's chief executive": whose is not said
            continue
        if w:
            kept.append(w)
    return kept or None


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
    if len(words) > 6:
        return None  # "telegraphed the upcoming emphasis on the candidate"
    plain = _plain(words)
    if plain is None:
        return None
    words = plain
    modifiers = rules.titles().modifiers
    if words[0].islower() and words[0] not in modifiers and words[0].endswith(("ing", "ed")):
        # "questioning the Ohio governor", "appointed as deputy attorney general",
        # "recently appointed the bank's chief executive": a clause
        return None
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
