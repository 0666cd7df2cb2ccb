"""People the statistical model missed or mislabelled, found from how the article
uses them: a name that is the subject of a verb of speech ("Estrosi told ..."), a
two-word "organization" treated as a person ("Christian Estrosi, a former mayor"),
a surname taken for an organization where the article also calls it a person,
a signature ending a paragraph of quotations, the speakers a transcript labels in
capitals ("WALLACE: ..."), and the sources an "according to" names ("according to
HuffPo").
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.names import NOT_PEOPLE, clean_person_name
from generator.extract.tokens import root_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# '"..." \u2015 Christina Lastra.': a name after a dash ends the paragraph.
SIGNATURE = re.compile(
    r"[\u2015\u2014\u2013]\s*([A-Z][^\u2015\u2014\u2013\"\u201c\u201d]{1,60}?)\.?\s*$"
)


def signatures(docs: list[Doc]) -> list[tuple[int, Span, str]]:
    """Names signing a paragraph of quotations that the model did not tag: people."""
    out = []
    for p, doc in enumerate(docs):
        text = doc.text
        m = SIGNATURE.search(text)
        if not m or not re.search(r"[\"\u201d]", text[: m.start()]):
            continue
        words = m.group(1).split()
        if not 2 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
            continue
        span = doc.char_span(m.start(1), m.start(1) + len(m.group(1)), alignment_mode="expand")
        if span is not None and not any(t.ent_type_ == "PERSON" for t in span):
            out.append((p, span, clean_person_name(span)))
    return out


# "WALLACE: ..." opening a paragraph of a transcript.
TRANSCRIPT_LABEL = re.compile(
    r"^[\"\u201c]?\s*([A-Z][A-Z'\u2019-]{2,}(?: [A-Z][A-Z'\u2019-]{2,}){0,2}):\s"
)


def transcript_labels(docs: list[Doc]) -> list[tuple[int, Span, str]]:
    """The speakers of a transcript, labelled in capitals at the start of at least
    two paragraphs ("WALLACE: ...", "PENCE: ..."): people, named as in title case."""
    found = [(p, TRANSCRIPT_LABEL.match(doc.text)) for p, doc in enumerate(docs)]
    labels = Counter(m.group(1) for _, m in found if m)
    out = []
    for p, m in found:
        if m is None or labels[m.group(1)] < 2 or rules.countries().lookup(m.group(1).title()):
            continue
        span = docs[p].char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None:
            name = m.group(1).title().replace("\u2019", "'")
            out.append((p, span, name))
    return out


_NAME_WORD = re.compile(r"[A-Z][a-z]*(?:['\u2019][A-Z])?[a-z]+(?:-[A-Z][a-z]+)?")


def people_tagged_as_orgs(docs: list[Doc]) -> set[str]:
    """Two- or three-word "organizations" that the article treats as people: set
    off by a person's role ("Christian Estrosi, a former mayor of Nice"), whose
    last word alone is the subject of a verb of speech ("Estrosi told ...",
    "O'Donnell said"), or two words whose last the model tags as a person alone
    elsewhere ("Bradley Cooper's performance" and "Cooper donated"), the first
    no place and no word the article writes in lower case. Organizations are
    not called by their last word."""
    cues = rules.cues()
    speakers: set[str] = set()
    for doc in docs:
        for tok in doc:
            if (
                tok.dep_ == "nsubj"
                and tok.is_title
                and tok.head.lemma_.lower() in cues.verbs
                and not any(c.dep_ in ("compound", "det", "amod", "poss") for c in tok.children)
            ):
                speakers.add(tok.text.replace("\u2019", "'"))
    # A word that is already a person's surname: the "organization" is something
    # else ("Washington Post Trump").
    speakers -= {e.text.split()[-1] for d in docs for e in d.ents if e.label_ == "PERSON"}
    alone = {e.text for d in docs for e in d.ents if e.label_ == "PERSON" and len(e) == 1}
    places = {e.text for d in docs for e in d.ents if e.label_ in ("GPE", "LOC", "NORP")}
    lower = {t.text for d in docs for t in d if t.is_lower}  # words, not names
    out: set[str] = set()
    for doc in docs:
        for ent in doc.ents:
            words = ent.text.split()
            if (
                ent.label_ != "ORG"
                or not 2 <= len(words) <= 3
                or not all(_NAME_WORD.fullmatch(w) for w in words)
                or any(w.lower() in cues.org_nouns for w in words)
            ):
                continue
            described = ent.end + 2 < len(ent.doc) and ent.doc[ent.end].text == ","
            described = described and any(
                a.dep_ == "appos" and a.lemma_.lower() in cues.role_nouns
                for a in root_of(ent).children
            )
            surname = words[-1].replace("\u2019", "'")
            if (
                described
                or surname in speakers
                or (
                    len(words) == 2
                    and words[-1] in alone
                    and ent[-1].tag_ != "NNPS"  # not "Nagorno-Karabakh Armenians"
                    and words[0] not in places
                    and words[0].lower() not in lower
                    and root_of(ent).dep_ != "compound"  # not "the Stop Trump movement"
                )
            ):
                out.add(ent.text)
    return out


def surnames_tagged_as_orgs(docs: list[Doc], people: set[str] = frozenset()) -> set[str]:
    """One-word "organizations" that are the surname of a person the article names
    in full and that the model itself tags as a person elsewhere in it ("Trump"
    in an article about Donald Trump); not a network that shares a surname ("Fox"
    beside Vicente Fox), which the article never calls a person alone. `people`:
    longer "organizations" already found to be people (`people_tagged_as_orgs`)."""
    tagged = [e for d in docs for e in d.ents if e.label_ == "PERSON"]
    alone = {e.text for e in tagged if len(e) == 1}
    surnames = {e[-1].text for e in tagged if len(e) > 1} | {p.split()[-1] for p in people}
    return {
        e.text
        for d in docs
        for e in d.ents
        if e.label_ == "ORG" and len(e) == 1 and e.text in alone and e.text in surnames
    }


def untagged_speakers(docs: list[Doc]) -> list[tuple[int, Span, str]]:
    """Names the model did not tag, as the subject of a verb of speech ('Estrosi told
    French television ...', '"...," Lindqvist said'): people."""
    cues = rules.cues()
    verbs = cues.verbs
    # Words that name a role or a body ("Police said", "Officials said"), not a person.
    common = cues.role_nouns | cues.org_nouns | {"official", "officials", "people"}
    out = []
    for p, doc in enumerate(docs):
        for tok in doc:
            # A capitalised common noun is a name only mid-sentence ("Police said"
            # at the start of one is not a person).
            proper = tok.pos_ == "PROPN" or (
                tok.pos_ == "NOUN" and not tok.is_sent_start and tok.lemma_ == tok.text
            )
            if (
                tok.dep_ == "nsubj"
                and proper
                and tok.is_title
                and not tok.ent_type_
                and tok.head.lemma_.lower() in verbs
                and tok.lower_ not in NOT_PEOPLE
                and tok.lower_ not in common
                and tok.lemma_.lower() not in common
                and tok.lemma_.lower() == tok.lower_
                and tok.lower_.removesuffix("s") not in common
                and len(tok.text) > 2
            ):
                start = tok.i
                while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].is_title:
                    start -= 1
                if any(doc[i].ent_type_ for i in range(start, tok.i)):
                    continue
                span = doc[start : tok.i + 1]
                name = clean_person_name(span)
                if name and not rules.countries().lookup(name):
                    out.append((p, span, name))
    return out


def according_to_object(tok: Token) -> Token | None:
    """X in "according to X", when `tok` is the "according" of one."""
    doc = tok.doc
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    return next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)


def according_to_name(obj: Token) -> Span | None:
    """The name the object of "according to" is, when the model did not tag it as a
    person or an organisation ('according to HuffPo', 'according to The
    Federalist', 'according to Nielsen', read as a place): a source by construction.
    Not a description ("a senior Democrat") nor a country ("according to China")."""
    doc = obj.doc
    start = obj.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i <= obj.i:
        start -= 1
    span = doc[start : obj.i + 1]
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
        return None
    if any(t.ent_type_ in ("PERSON", "ORG") for t in span):
        return None
    if any(
        c.dep_ in ("amod", "nummod", "poss") or (c.dep_ == "det" and c.lower_ != "the")
        for c in obj.children
    ):
        return None  # "according to a senior Democrat": a description, not a name
    text = span.text
    if rules.countries().lookup(text) or rules.countries().demonyms.get(text.lower()):
        return None
    return span


def according_to_sources(docs: list[Doc]) -> list[tuple[int, Span, str]]:
    """Sources named after "according to" that the model did not tag: organisations."""
    out = []
    for p, doc in enumerate(docs):
        for tok in doc:
            obj = according_to_object(tok)
            span = according_to_name(obj) if obj is not None else None
            if span is not None:
                out.append((p, span, span.text.replace("\u2019", "'")))
    return out
