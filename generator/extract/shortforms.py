"""People within one article: the short forms ("Pompeo", "Mr. Kim") joined to the
full names they stand for, and the form a name is written in with its title."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.names import is_full_name, name_tokens, surname_candidates
from generator.extract.surnames import gender_of, honoured_gender, written_alike

if TYPE_CHECKING:
    from spacy.tokens import Span


def cluster_people(person_spans: list[tuple[int, Span, str]], add) -> None:
    """Join short forms to the full names they stand for, within the article."""
    fulls = [name for _, _, name in person_spans if is_full_name(name)]
    # Merge full forms that differ by a middle initial ("Rex W. Tillerson").
    honorifics = rules.titles().honorifics

    def bare(name: str) -> str:
        # "Dr. Ben Carson" is Ben Carson; "Rex W. Tillerson" is Rex Tillerson
        words = name.split()
        while len(words) > 2 and words[0] in honorifics:
            words = words[1:]
        return re.sub(r"\s+[A-Z]\.\s+", " ", " ".join(words))

    # "Marco Rubio Responds To Question" (a headline) is Marco Rubio where the
    # article names him: a full name that runs on past another is that name.
    shorter = {
        n: o
        for n in set(fulls)
        for o in sorted(set(fulls), key=len)
        if n.startswith(o + " ") and len(name_tokens(o)) >= 2 and not _suffix(n[len(o) :])
    }
    person_spans = [_cut(p, span, name, shorter.get(name)) for p, span, name in person_spans]
    fulls = [shorter.get(n, n) for n in fulls]
    canonical: dict[str, str] = {}
    for name in sorted(set(fulls), key=lambda n: (-len(n), n)):
        stripped = bare(name)
        # not "George P. Bush" into "George W. Bush": their middle initials differ
        hit = next(
            (c for c in canonical.values() if bare(c) == stripped and written_alike(c, name)),
            None,
        )
        canonical[name] = hit or name
    short_owner: dict[str, set[str]] = {}
    for full in set(canonical.values()):
        for s in surname_candidates(full):
            short_owner.setdefault(s, set()).add(full)
    honours: dict[str, set[str]] = defaultdict(set)
    titled: dict[str, set[str]] = defaultdict(set)  # full name -> first words of its titles
    for _, span, name in person_spans:
        honours[name].add(honoured_gender([prefixed_form(span, name)]) or "")
        if name in canonical:
            titled[canonical[name]].add(_title_word(prefixed_form(span, name), name))
    for p, span, name in person_spans:
        suffix = ""
        if name in canonical:
            full = canonical[name]
        else:
            owners = short_owner.get(name, set())
            honour = honoured_gender([prefixed_form(span, name)])
            if honour:
                # "Mr. Obama" is not Michelle Obama
                owners = {o for o in owners if gender_of(o) in (honour, None)}
                if {"m", "f"} <= honours[name]:
                    suffix = "~" + honour  # "Mr. Clinton" and "Mrs. Clinton": two people
            title = _title_word(prefixed_form(span, name), name)
            if title and title not in honorifics and owners:
                so_titled = {o for o in owners if title in titled[o]}
                if len(owners) == 1 or len(so_titled) == 1:
                    # "President Obama" in an article that names only Michelle Obama, and
                    # never with that title: the one the corpus calls so (surnames.py);
                    # "President Clinton" where the article gives Bill Clinton that title
                    owners = so_titled
                elif not so_titled and not suffix:
                    # "Secretary Clinton" and "President Clinton" where the article
                    # names Hillary and Bill Clinton but neither so: each titled form
                    # is left for the corpus to resolve on its own
                    suffix = "~" + title.lower()
            # A short form shared by two full names (Yang Xiyu, Yang Jiechi) stays apart.
            full = next(iter(owners)) if len(owners) == 1 else name
        add(f"person:{full.lower()}" + (suffix if full == name else ""), "person", name, p, span)


def _title_word(form: str, name: str) -> str:
    """The first word of the title a name is written with ("Secretary" of
    "Secretary of State Mike Pompeo"), or ""."""
    before = form[: -len(name)].split() if form.endswith(name) else []
    return before[0] if before else ""


def _cut(p: int, span: Span, name: str, to: str | None) -> tuple[int, Span, str]:
    """The span cut to the name `to` it starts with (None: as it is)."""
    if to is None or not span.text.startswith(to):
        return p, span, name
    cut = span.doc.char_span(span.start_char, span.start_char + len(to))
    return (p, cut, to) if cut is not None else (p, span, name)


def _suffix(rest: str) -> bool:
    """ " Jr.", " III": what follows a name and is still part of it."""
    return re.fullmatch(r",?\s*(?:Jr\.?|Sr\.?|I{2,3}|IV)", rest) is not None


def prefixed_form(span: Span, name: str) -> str:
    """The name with the honorific or title written before it: "Mr. Pompeo",
    "Secretary of State Mike Pompeo", "Chairman Kim"."""
    doc = span.doc
    k = span.start
    if k > 0 and doc[k - 1].text in rules.titles().honorifics:
        return f"{doc[k - 1].text} {name}"
    for t in doc.spans.get("titles", []):
        # not "Candidates Ben Carson": a plural title is a list's, not a form of his name
        plural = t.text.endswith("s") and not t.text.endswith("ss")
        if t.end == k and t.text[0].isupper() and not plural:
            return f"{t.text} {name}"
    return name
