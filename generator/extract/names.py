"""Names as strings: cleaning a person's name, its words, whether it is a full name,
and the short forms that may stand for it within an article."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Span

    from generator.model import Entity

# Compass words the model takes for people ("the North said").
NOT_PEOPLE = {"north", "south", "east", "west", "north's", "south's"}


def clean_person_name(span: Span) -> str:
    text = re.sub(r"['\u2019]s?$", "", span.text).strip()
    # 'Robert C. "Bobby" Scott' is Robert C. Scott
    text = re.sub(r"\s[\"\u201c][A-Z][a-z]+[\"\u201d]\s", " ", text)
    text = re.sub(r"\s+", " ", text)
    # "WALLACE" as a transcript writes it
    return text.title() if text.isupper() and len(text) > 3 else text


def name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"\s+", name) if t]


# Lower-case particles of family names ("Bill de Blasio", "Ursula von der Leyen").
PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "le", "la"}
PARTICLES |= {"al", "el", "bin", "ibn", "ben", "dos", "das"}


# Particles that are also given names when capitalized: "Ben Carson", "Al Gore".
GIVEN_NAMES_TOO = {"Ben", "Al", "El", "Bin", "Ibn", "Dos", "Das"}


def is_full_name(name: str) -> bool:
    """A given name and a family name, not a family name alone ("de Blasio")."""
    toks = name_tokens(name)
    return len(toks) >= 2 and not all(
        t.lower() in PARTICLES and t not in GIVEN_NAMES_TOO for t in toks[:-1]
    )


def surname_candidates(full: str) -> set[str]:
    """Short forms that may stand for a full name: last word (with its particles:
    "de Blasio"), and first word for family-name-first names such as "Kim Jong-un"
    or "Xi Jinping"."""
    toks = [t for t in name_tokens(full) if not re.fullmatch(r"[A-Z]\.|Jr\.?|Sr\.?|I{2,3}", t)]
    if not toks:
        return set()
    out = {toks[-1]}
    if len(toks) >= 2:
        out.add(toks[0])
    i = len(toks) - 1
    while i > 0 and toks[i - 1].lower() in PARTICLES and toks[i - 1] not in GIVEN_NAMES_TOO:
        i -= 1
    if i < len(toks) - 1:
        out.add(" ".join(toks[i:]))
    return out


def surname_index(people: Iterable[Entity]) -> dict[str, set[str]]:
    """Each short form ("Clinton", "Kim") -> the keys of the people it may stand for."""
    index: dict[str, set[str]] = {}
    for e in people:
        for form in (e.name, *e.aliases):
            for word in surname_candidates(form.replace("\u2019", "'")):
                index.setdefault(word, set()).add(e.key)
    return index
