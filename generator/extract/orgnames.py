"""Organisations' names as the text gives them: the name in an ORG span without
the words around it, the forms an organisation is written in, and the shorter
forms one article joins to the full name."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.places import _norm

if TYPE_CHECKING:
    from spacy.tokens import Span


def org_name(ent: Span) -> str | None:
    """The organisation's name in an ORG span, or None when it names none."""
    name = re.sub(r"^the\s+", "", ent.text, flags=re.I).replace("\u2019", "'")
    name = re.sub(r"'s?$", "", name).strip()
    if re.match(r"^[RDIL]-[A-Z]", name):
        return None  # "(D-Newport News)": a party label
    # "the federal Securities and Exchange Commission": the name starts at its
    # first capital.
    name = re.sub(r"^(?:[a-z][\w-]*\s+){1,2}(?=[A-Z])", "", name)
    name = re.split(r"\s*[(\[]", name)[0]  # "Federal Bureau of Investigation (FBI"
    first = ent[0]
    if (
        len(ent) > 1
        and (first.tag_ in _NO_NAME_START or first.lower_ in _NO_NAME_WORDS)
        and name.startswith(first.text)
    ):
        name = name[len(first.text) :].strip()  # "Among Supreme Court"
    if _norm(name) in _not_organizations():
        return None  # "PAC", "Oval Office", "Medicare"
    return name if name and name[0].isupper() else None


def org_forms(forms: set[str]) -> set[str]:
    """An organisation's written forms as names, not the text around them ("a
    Republican Party", "Top Republican Party", "Federal Bureau of Investigation (FBI")."""
    forms = {re.split(r"\s*[(\[]", f)[0] for f in forms if f[:1].isupper()}
    return {
        f.split(" ", 1)[1] if " " in f and f.split()[0].lower() in _NO_NAME_WORDS else f
        for f in forms
    }


@functools.cache
def _not_organizations() -> frozenset[str]:
    return frozenset(_norm(n) for n in rules.load("names.yaml")["not_organizations"])


# Sentence-initial words the model leaves on a name: "Among Supreme Court justices".
_NO_NAME_WORDS = {"among", "top", "where", "when", "earlier", "last", "after", "before", "while"}
_NO_NAME_START = {"IN", "DT", "RB", "WRB", "CC", "WDT"}


def merge_org_forms(drafts: dict, spans: dict[tuple[int, int], str], places: set[str]) -> None:
    """Within an article, an acronym or a shorter form of an organization's name
    ("DHS", "Homeland Security") is the same organization as its full name; not
    when the full name is a place's body of that name ("California Democratic
    Party", "Wisconsin's Supreme Court" are not the Democratic Party, the Supreme
    Court)."""
    orgs = [d for d in drafts.values() if d.kind == "organization"]
    for short in orgs:
        sname = short.names.most_common(1)[0][0]
        heads = [o for o in orgs if _written_short(o.names.most_common(1)[0][0], sname, places)]
        if _head_alone(sname) and len(heads) == 1:
            # "the Post" where the article names The Washington Post and no other
            # Post: that paper; not "House" beside "White House" (a body of its own)
            _join(drafts, spans, short, heads[0], named=False)
            continue
        for full in orgs:
            fname = full.names.most_common(1)[0][0]
            if full is short or len(fname) <= len(sname):
                continue
            initials = "".join(w[0] for w in fname.split() if w[0].isupper())
            extra = fname[: -len(sname)].strip()
            if fname.endswith(" " + sname) and (
                re.search(r"['\u2019]s?$", extra)
                or _norm(extra) in places
                or rules.countries().lookup(extra)
            ):
                continue
            if sname == initials or (len(sname.split()) >= 2 and fname.endswith(" " + sname)):
                _join(drafts, spans, short, full)
                break


def _join(drafts: dict, spans: dict, short, full, named: bool = True) -> None:
    """`short`'s mentions are `full`'s; `named`: its forms may name the whole
    (an acronym may; "Post" is no name for The Washington Post)."""
    full.names.update(short.names if named else {n: 0 for n in short.names})
    full.mentions.extend(short.mentions)
    for k, v in list(spans.items()):
        if v == short.key:
            spans[k] = full.key
    del drafts[short.key]


def _names() -> dict:
    return rules.load("names.yaml")


def _written_short(full: str, short: str, places: set[str]) -> bool:
    """Whether `short` is `full`'s last word and what comes before it is a name
    of its own: "Washington Post" for "Post", not "Alphabet's Google", "Ohio
    Democratic Party" (a place's) or "McDonald's and Walmart"."""
    if full.startswith(short + " ") and full[len(short) :].strip() in _names()["written_short"]:
        return True  # "State" for the State Department
    extra = full[: -len(short)].strip()
    return (
        full.endswith(" " + short)
        and all(re.fullmatch(r"[A-Z][\w.-]*", w) for w in extra.split())
        and _norm(extra) not in places
        and not rules.countries().lookup(extra)
    )


def _head_alone(name: str) -> bool:
    """A one-word name that may be the last word of a longer one written short
    ("Post", "Department"): not an acronym, not a body of its own ("House")."""
    names = _names()
    return (
        " " not in name
        and name[:1].isupper()
        and not name.isupper()
        and (name not in names["generic_bodies"] or name in names["written_short"])
    )
