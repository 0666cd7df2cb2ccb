"""Names as strings: cleaning a person's name, its words, whether it is a full name,
and the short forms that may stand for it within an article."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Span

    from generator.model import Entity

# Compass words the model takes for people ("the North said").
NOT_PEOPLE = {"north", "south", "east", "west", "north's", "south's"}


def clean_person_name(span: Span) -> str:
    text = re.sub(r",\s*\d{1,3}$", "", span.text)  # "Jane Roe,60": an age
    text = re.sub(r"['\u2019]s?$", "", text).strip()
    # 'Robert C. "Bobby" Scott' is Robert C. Scott
    text = re.sub(r"\s[\"\u201c][A-Z][a-z]+[\"\u201d]\s", " ", text)
    text = re.sub(r"\s+", " ", text)
    # "George (W. Bush)": an editor's insertion is part of the name
    text = re.sub(r"(?<=\w) \((?=[A-Z])", " ", text).rstrip(")")
    # "George HW Bush", "George W Bush": middle initials as "George H.W. Bush" writes them
    text = re.sub(r"(?<=\w )([A-Z])([A-Z])?(?= \w)", _initials, text)
    # "HILLARY CLINTON" as a headline writes it; one word in capitals may be an
    # acronym ("RCMP") and keeps its case here (the entities decide)
    return text.title() if text.isupper() and " " in text else text


def _initials(m: re.Match) -> str:
    return ".".join(c for c in m.groups() if c) + "."


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
    elif len(toks) >= 3 and toks[-2][:1].isupper() and not toks[-2].endswith("."):
        out.add(" ".join(toks[-2:]))  # "Wasserman Schultz" of Debbie Wasserman Schultz
    return out


def surname_index(people: Iterable[Entity]) -> dict[str, set[str]]:
    """Each short form ("Clinton", "Kim") -> the keys of the people it may stand for."""
    index: dict[str, set[str]] = {}
    for e in people:
        for form in (e.name, *e.aliases):
            for word in surname_candidates(form.replace("\u2019", "'")):
                index.setdefault(word, set()).add(e.key)
    return index


# Tags of words that open no name: "Certainly Donald Trump", "Among Latinos",
# "Bashing Trump" (an adverb, a preposition, a gerund the model took in).
_NOT_A_FIRST_WORD = {"RB", "RBR", "RBS", "IN", "VBG", "UH", "CC", "DT", "PRP", "PRP$", "WRB"}
# A people in the plural before a name: "Floridians Jeb Bush" (not "Ines Moreau").
_PEOPLE_PLURAL = re.compile(r"[A-Z][a-z]+(?:ians|ans|ers|ists|ites)")
_INITIAL = re.compile(r"[A-Z]\.")
_AGED = re.compile(r"[^\W\d]+,\d{1,3}")
_INITIALS_ONLY = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.")
_NO_NAME_AFTER = re.compile(r"\d|^https?$")
_SET_OFF = re.compile(r"[:/|\u2013\u2014]|-+")


# "Elizabeth Warren-style", "White House-era": a name made a modifier
_MODIFIERS = {"style", "type", "era", "like", "esque", "themed", "linked"}


def trim_person(span: Span) -> Span | None:
    """The part of a PERSON span that is a name, or None when none of it is.

    Cut: a first word no name starts with ("Certainly Donald Trump" -> "Donald
    Trump"; not a given name such as "Will Hurd"), everything from a number, a
    dash, a slash or a link on ("Ted Cruz 1", "Cruz 42-40", "Jane Doe / CBC News",
    "Jeb Bush-allied",
    "Joseph P. Kahn: http://..."), or a preposition ("Travis Kalanick of Uber"),
    a cut initial at the end ("Michael A."). None:
    a hashtag or a word with digits glued to it ("Trump2016"), initials alone
    ("B.C.", "E.P.R.P."). Keeps "Read" or "Will" as a name where the model took
    the whole span for one.
    """
    from generator import rules

    given = rules.first_name_genders()
    start, end = span.start, span.end
    doc = span.doc
    while (
        end - start > 1
        and (
            doc[start].tag_ in _NOT_A_FIRST_WORD
            or (doc[start].tag_ == "VB" and doc[start].is_sent_start)  # "Follow Pam Key"
            or (doc[start].tag_ == "NNPS" and _PEOPLE_PLURAL.fullmatch(doc[start].text))
        )
        and doc[start].text not in given
        and doc[start].lower_ not in PARTICLES
    ):
        start += 1
    if end - start > 1 and _abbreviated_title(doc[start].text):
        start += 1  # "Sgt Jane Roe"
    for k in range(start, end):
        text = doc[k].text
        if k > start and _abbreviated_title(text):
            end = k  # "RCMP Sgt": an organisation and a rank, no name
            break
        if k > start and text in ("of", "at", "from", "for") and k + 1 < end:
            end = k  # "Travis Kalanick of Uber", "Victoria at Sandy Hook"
            break
        if _AGED.fullmatch(text):
            end = k + 1  # "Belkacemi,60": the name ends before the age
            break
        if any(c.isdigit() for c in text) and any(c.isalpha() for c in text):
            return None  # "Trump2016", "K-1": not a name
        spaced = k > 0 and bool(doc[k - 1].whitespace_)
        if (
            _NO_NAME_AFTER.search(text)
            or doc[k].like_url
            or (_SET_OFF.fullmatch(text) and (spaced or text == ":"))
            # "Jeb Bush-allied", not "Kim Jong-un"
            or (
                text == "-"
                and k + 1 < end
                and (doc[k + 1].tag_ in ("VBN", "VBD", "VBG") or doc[k + 1].lower_ in _MODIFIERS)
            )
        ):
            if text == "-" and doc[k + 1].lower_ in ("based", "born"):
                return None  # "New York-based", "South Korean-born": a place
            end = k
            break
    while end - start > 1 and _INITIAL.fullmatch(doc[end - 1].text):
        end -= 1
    if end <= start:
        return None
    out = doc[start:end]
    if all(_INITIALS_ONLY.fullmatch(t.text) for t in out):
        return None
    if start > span.start and len(out) == 1 and out[0].tag_ not in ("NNP", "NNPS"):
        return None  # "Read More": link text, not a name
    return out


def _abbreviated_title(word: str) -> bool:
    """ "Sgt.", "Sgt", "Gov.": a title as abbreviated, never a word of a name."""
    from generator import rules

    display = rules.titles().display
    return word in display or (word + ".") in display


# fold() and person_key() run tens of thousands of times over the same few
# thousand names on every regeneration.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().casefold()


@lru_cache(maxsize=1 << 16)
def person_key(name: str) -> str:
    return "person:" + re.sub(r"\s+[a-z]\.(?=\s)", "", fold(name))
