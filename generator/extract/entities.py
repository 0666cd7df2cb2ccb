"""Actors as one article names them: mentions, name forms, roles, affiliations.

`extract_entities(article, docs)` is a pure function of one article's parsed
paragraphs. It catches:

* people (PERSON entities after our corrections), with "Mr. Pompeo" / "Pompeo"
  joined to "Mike Pompeo" by surname, and Asian family-name-first short forms
  ("Mr. Kim" -> "Kim Jong-un", "Mr. Xi" -> "Xi Jinping");
* countries in any form: names, demonyms ("North Korean officials"), and capitals
  where the sentence makes them the government ("floated by Beijing") rather than a
  place ("a news conference in Seoul");
* organizations (ORG) and groups (plural NORP such as "Republicans");
* roles from titles before a name ("former Defense Secretary William J. Perry"),
  appositions either side ("China's foreign minister, Wang Yi"; "Kang Kyung-wha,
  South Korea's foreign minister") and "of COUNTRY" after a titled name.

It misses: people named only by a role ("the president"), a first name alone,
organizations referred to by a common noun ("the department" is left to the
quote attributor), and roles stated far from the name.
Reporters (the article's authors and contributors) are never actors.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.tokens import ent_ending_at, ent_of, ent_starting_at, ents_in
from generator.model import Article, Entity, Mention, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PERSON_LABELS = {"PERSON"}
PLACE_LABELS = {"GPE", "LOC"}


@dataclass
class _Draft:
    key: str
    kind: str
    names: Counter = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    affiliations: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class EntityIndex:
    """Per article: which entity key each mention span (paragraph, start char) has."""

    entities: tuple[Entity, ...]
    by_span: dict[tuple[int, int], str]

    def key_at(self, paragraph: int, start: int) -> str | None:
        return self.by_span.get((paragraph, start))


def clean_person_name(span: Span) -> str:
    text = re.sub(r"['\u2019]s?$", "", span.text).strip()
    return re.sub(r"\s+", " ", text)


def name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"\s+", name) if t]


# Lower-case particles of family names ("Bill de Blasio", "Ursula von der Leyen").
PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "le", "la"}
PARTICLES |= {"al", "el", "bin", "ibn", "ben", "dos", "das"}


def is_full_name(name: str) -> bool:
    """A given name and a family name, not a family name alone ("de Blasio")."""
    toks = name_tokens(name)
    return len(toks) >= 2 and not all(t.lower() in PARTICLES for t in toks[:-1])


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
    while i > 0 and toks[i - 1].lower() in PARTICLES:
        i -= 1
    if i < len(toks) - 1:
        out.add(" ".join(toks[i:]))
    return out


def country_of(span: Span) -> str | None:
    """The country a GPE/LOC/NORP span stands for as an actor, or None for a place."""
    c = rules.countries()
    text = span.text
    if span.label_ == "NORP":
        return c.demonyms.get(_norm(text))
    bare = re.sub(r"^the\s+", "", text, flags=re.I)
    name = c.lookup(text) or c.lookup(bare) or c.lookup("the " + bare)
    if name:
        return name
    cap = c.capitals.get(_norm(text))
    if cap and capital_is_government(span):
        return cap
    return None


def _norm(text: str) -> str:
    return text.replace("\u2019", "'").strip().lower()


def capital_is_government(span: Span) -> bool:
    c = rules.countries()
    root = span.root
    head = root.head
    if root.dep_ == "appos" or any(ch.dep_ == "appos" for ch in root.children):
        return False  # "Seoul, South Korea"
    if root.dep_ == "pobj" and head.dep_ in ("prep", "agent", "dative"):
        prep = head.lower_
        if prep in c.place_prepositions:
            return False
        if prep in c.noun_prepositions:
            return head.head.pos_ in ("NOUN", "PROPN")
        return True
    if root.dep_ in ("dobj", "obj") and head.lemma_ in c.place_verbs:
        return False
    if root.dep_ in ("compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
        return False  # "the Beijing office"
    return root.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "poss", "appos", "ROOT", "pobj")


def extract_entities(article: Article, docs: list[Doc]) -> EntityIndex:
    reporters = {_norm(n) for n in (*article.authors, *article.contributors)}
    drafts: dict[str, _Draft] = {}
    spans: dict[tuple[int, int], str] = {}
    person_spans: list[tuple[int, Span, str]] = []
    of_person: list[tuple[str, int, int]] = []  # (org key, paragraph, the person's start)

    def add(key: str, kind: str, name: str, p: int, span: Span) -> None:
        d = drafts.setdefault(key, _Draft(key=key, kind=kind))
        d.names[name] += 1
        d.mentions.append(Mention(p, span.start_char, span.end_char, span.text))
        if kind == "person":
            d.forms.add(_prefixed_form(span, name))
        spans[(p, span.start_char)] = key

    for p, doc in enumerate(docs):
        consumed = -1  # the end of a bracketed insertion already taken into a name
        for ent in doc.ents:
            label = ent.label_
            if ent.start_char < consumed:
                continue
            if label in PERSON_LABELS:
                name = clean_person_name(ent)
                if not name or _norm(name) in reporters or _norm(name) in NOT_PEOPLE:
                    continue
                bracket = _BRACKETED.match(doc.text, ent.end_char)
                if bracket and len(ent) == 1:
                    # "Bill [Clinton]": an editor's insertion completes the name.
                    name = f"{name} {bracket.group(1)}"
                    wide = doc.char_span(ent.start_char, bracket.end(), alignment_mode="expand")
                    ent = wide if wide is not None else ent
                    consumed = bracket.end()
                if not name[0].isupper() and name.split()[0].lower() not in PARTICLES:
                    continue
                person_spans.append((p, ent, name))
            elif label in PLACE_LABELS or label == "NORP":
                country = country_of(ent)
                if country:
                    add(f"country:{country}", "country", country, p, ent)
                elif label == "NORP" and ent.text.endswith("s") and ent.text[0].isupper():
                    name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
                    add(f"group:{name.lower()}", "group", name, p, ent)
            elif label == "ORG":
                name = re.sub(r"^the\s+", "", ent.text, flags=re.I).replace("\u2019", "'")
                name = re.sub(r"'s?$", "", name).strip()
                if name and name[0].isupper():
                    add(f"org:{name.lower()}", "organization", name, p, ent)
                    country = _org_country(ent)
                    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of":
                        k = ent.end + 1
                        while k < len(doc) - 1 and doc[k].text in rules.titles().honorifics:
                            k += 1
                        owner = ent_starting_at(doc, k)
                        if owner is not None and owner.label_ == "PERSON":
                            of_person.append((f"org:{name.lower()}", p, owner.start_char))
                    if country:
                        # "China's Foreign Ministry", "the Democratic Party of South
                        # Korea": not an American ministry or party.
                        drafts[f"org:{name.lower()}"].affiliations[country] += 1

    person_spans.extend(_untagged_speakers(docs))
    _cluster_people(_not_places(person_spans), add)
    _merge_org_forms(drafts, spans)
    for p, doc in enumerate(docs):
        for ent in doc.ents:
            key = spans.get((p, ent.start_char))
            if key and drafts[key].kind == "person":
                role = find_role(ent, article.id, spans, drafts, p)
                if role and role.affiliation is None:
                    role = Role(role.title, _conj_affiliation(ent, spans, drafts, p), role.article)
                if role and role.title.lower().split()[-1] in RELATIONS:
                    # "his Chinese counterpart, Yang Jiechi": a relation, not a title;
                    # the country it gives stands.
                    if role.affiliation:
                        drafts[key].affiliations[role.affiliation] += 1
                    role = None
                if role:
                    drafts[key].roles.append(role)
                of = _of_affiliation(ent, spans, drafts, p)
                if of:
                    drafts[key].affiliations[of] += 1
    for org, p, start in of_person:
        # "the Democratic Party of Mr. Moon": the party of Mr. Moon's country.
        person = drafts.get(spans.get((p, start), ""))
        if person is not None and not drafts[org].affiliations:
            affs = Counter(r.affiliation for r in person.roles if r.affiliation)
            affs.update(person.affiliations)
            if affs:
                drafts[org].affiliations[affs.most_common(1)[0][0]] += 1
    entities = tuple(_finish(d) for d in sorted(drafts.values(), key=lambda d: d.key))
    return EntityIndex(entities=entities, by_span=spans)


def _untagged_speakers(docs: list[Doc]) -> list[tuple[int, Span, str]]:
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


PLACE_PREPOSITIONS = {"of", "in", "at", "near", "from", "to", "around", "outside"}


def _not_places(person_spans: list[tuple[int, Span, str]]) -> list[tuple[int, Span, str]]:
    """Without one-word "people" the text only ever uses as a place ("satellite
    images of Yongbyon"): never a subject, never titled, nobody's surname."""
    fulls = {w for _, _, n in person_spans if is_full_name(n) for w in surname_candidates(n)}
    placelike: dict[str, bool] = {}
    for _, ent, name in person_spans:
        if " " in name:
            continue
        root = ent.root
        place = (
            root.dep_ == "pobj"
            and root.head.lower_ in PLACE_PREPOSITIONS
            and (ent.start == 0 or ent.doc[ent.start - 1].text not in rules.titles().honorifics)
        )
        placelike[name] = placelike.get(name, True) and place
    return [s for s in person_spans if not (placelike.get(s[2]) and s[2] not in fulls)]


def _org_country(ent: Span) -> str | None:
    """The country an organisation is of: "China's Foreign Ministry", "the Chinese
    Foreign Ministry", "the Democratic Party of South Korea"."""
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].tag_ == "POS":
        before = ent_ending_at(doc, ent.start - 1)
        if before is not None and before.label_ in ("GPE", "NORP"):
            return country_of(before)
    first = doc[ent.start]
    if first.ent_type_ == "NORP" or (ent.start > 0 and doc[ent.start - 1].ent_type_ == "NORP"):
        word = first if first.ent_type_ == "NORP" else doc[ent.start - 1]
        return rules.countries().demonyms.get(_norm(word.text))
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of":
        after = ent_starting_at(doc, ent.end + 1)
        if after is not None and after.label_ == "GPE":
            return country_of(after)
    return None


_BRACKETED = re.compile(r"\s*\[([A-Z][\w'\u2019-]+)\]")


def _cluster_people(person_spans: list[tuple[int, Span, str]], add) -> None:
    """Join short forms to the full names they stand for, within the article."""
    fulls = [name for _, _, name in person_spans if is_full_name(name)]
    # Merge full forms that differ by a middle initial ("Rex W. Tillerson").
    canonical: dict[str, str] = {}
    for name in sorted(set(fulls), key=lambda n: (-len(n), n)):
        stripped = re.sub(r"\s+[A-Z]\.\s+", " ", name)
        hit = next(
            (c for c in canonical.values() if re.sub(r"\s+[A-Z]\.\s+", " ", c) == stripped), None
        )
        canonical[name] = hit or name
    short_owner: dict[str, set[str]] = {}
    for full in set(canonical.values()):
        for s in surname_candidates(full):
            short_owner.setdefault(s, set()).add(full)
    for p, span, name in person_spans:
        if name in canonical:
            full = canonical[name]
        else:
            owners = short_owner.get(name, set())
            # A short form shared by two full names (Yang Xiyu, Yang Jiechi) stays apart.
            full = next(iter(owners)) if len(owners) == 1 else name
        add(f"person:{full.lower()}", "person", name, p, span)


def _merge_org_forms(drafts: dict[str, _Draft], spans: dict[tuple[int, int], str]) -> None:
    """Within an article, an acronym or a shorter form of an organization's name
    ("DHS", "Homeland Security") is the same organization as its full name."""
    orgs = [d for d in drafts.values() if d.kind == "organization"]
    for short in orgs:
        sname = short.names.most_common(1)[0][0]
        for full in orgs:
            fname = full.names.most_common(1)[0][0]
            if full is short or len(fname) <= len(sname):
                continue
            initials = "".join(w[0] for w in fname.split() if w[0].isupper())
            if sname == initials or (len(sname.split()) >= 2 and fname.endswith(" " + sname)):
                full.names.update(short.names)
                full.mentions.extend(short.mentions)
                for k, v in list(spans.items()):
                    if v == short.key:
                        spans[k] = full.key
                del drafts[short.key]
                break


# Words that say how one person stands to another, not what office they hold.
RELATIONS = {
    "counterpart",
    "colleague",
    "friend",
    "rival",
    "ally",
    "partner",
    "opponent",
    "successor",
    "predecessor",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "boss",
}
# Compass words the model takes for people ("the North said").
NOT_PEOPLE = {"north", "south", "east", "west", "north's", "south's"}


def find_role(ent: Span, article_id: str, spans, drafts, p: int) -> Role | None:
    """A role for the person `ent` from a title before it or an apposition."""
    doc = ent.doc
    titles = {t.end: t for t in doc.spans.get("titles", [])}
    title_starts = {t.start: t for t in doc.spans.get("titles", [])}
    # 1. "Secretary of State Mike Pompeo", "former Defense Secretary William J. Perry".
    k = ent.start
    while k > 0 and doc[k - 1].text in rules.titles().honorifics:
        k -= 1
    if k in titles:
        title = titles[k]
        span = _with_modifiers(title)
        aff = _country_before(span) or _of_country_after(ent) or _default_country(title)
        return Role(_title_text(span, doc), aff, article_id)
    # 2. "China's foreign minister, Wang Yi" / "the North Korean ambassador to India, Kye".
    if ent.start >= 2 and doc[ent.start - 1].text == ",":
        j = ent.start - 2
        end = j + 1
        # skip "to India"
        if j >= 1 and doc[j].ent_type_ in ("GPE", "LOC") and doc[j - 1].lower_ in ("to", "in"):
            j -= 2
            while j >= 0 and doc[j].ent_type_ in ("GPE", "LOC") and doc[j].lower_ not in ("to",):
                j -= 1
        if j + 1 in titles:
            title = titles[j + 1]
            span = _with_modifiers(title)
            phrase = doc[span.start : end]
            aff = _country_before(span) or _default_country(title)
            return Role(_title_text(phrase, doc), aff, article_id)
    # 3. "Kang Kyung-wha, South Korea's foreign minister" / "Yang Xiyu, a former ... official".
    if ent.end < len(doc) and doc[ent.end].text == ",":
        stop = min(len(doc), ent.end + 9)
        for i in range(ent.end + 1, stop):
            if doc[i].text in (",", ".", ";") or doc[i].ent_type_ == "PERSON":
                break
            if i in title_starts:
                title = title_starts[i]
                first = ent.end + 1
                while first < title.start and (
                    doc[first].pos_ == "DET"
                    or doc[first].ent_type_ in ("GPE", "NORP")
                    or doc[first].tag_ == "POS"
                ):
                    first += 1
                phrase = doc[first : _extend_to(title)]
                sent_end = ent.sent.end
                aff = _first_country(doc[ent.end + 1 : sent_end]) or _default_country(title)
                return Role(_title_text(phrase, doc), aff, article_id)
    return None


def _of_affiliation(ent: Span, spans, drafts, p: int) -> str | None:
    """ "Norah O'Donnell of CBS News", "President Moon Jae-in of South Korea"."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "of":
        return None
    e = ent_starting_at(doc, ent.end + 1)
    if e is not None:
        key = spans.get((p, e.start_char))
        if key and drafts[key].kind in ("organization", "country"):
            return drafts[key].names.most_common(1)[0][0]
    return None


def _conj_affiliation(ent: Span, spans, drafts, p: int) -> str | None:
    """ "his Chinese counterpart, Yang Jiechi, and Gen. Fang Fenghui": a person
    listed with another shares that one's country when nothing else says."""
    root = ent.root
    if root.dep_ != "conj":
        return None
    head = root.head
    e = ent_of(head)
    if e is not None and e.label_ == "PERSON":
        key = spans.get((p, e.start_char))
        affs = [r.affiliation for r in drafts[key].roles if r.affiliation] if key else []
        if affs:
            return affs[-1]
        if key and drafts[key].affiliations:
            return drafts[key].affiliations.most_common(1)[0][0]
    for child in head.children:
        if child.dep_ in ("amod", "poss", "compound") and child.ent_type_ in ("NORP", "GPE"):
            return rules.countries().demonyms.get(_norm(child.text)) or rules.countries().lookup(
                child.text
            )
    return None


def _with_modifiers(title: Span) -> Span:
    doc = title.doc
    start = title.start
    mods = rules.titles().modifiers
    while start > 0 and doc[start - 1].lower_ in mods:
        start -= 1
    return doc[start : title.end]


def _extend_to(title: Span) -> int:
    """A title runs on through "to COUNTRY" ("ambassador to India")."""
    doc = title.doc
    end = title.end
    if end + 1 < len(doc) and doc[end].lower_ == "to" and doc[end + 1].ent_type_ in ("GPE",):
        end += 2
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    return end


def _title_text(span: Span, doc: Doc) -> str:
    text = re.sub(r"\s+", " ", span.text).strip(" ,")
    for short, full in sorted(rules.titles().display.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text)
    return text


def _country_before(span: Span) -> str | None:
    """ "South Korea's foreign minister", "the North Korean ambassador"."""
    for end in (span.start - 1, span.start):  # in the order of the text
        ent = ent_ending_at(span.doc, end)
        if ent is not None:
            c = country_of(ent) or rules.countries().lookup(ent.text)
            if c:
                return c
    return None


def _of_country_after(ent: Span) -> str | None:
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of":
        e = ent_starting_at(doc, ent.end + 1)
        if e is not None:
            return rules.countries().lookup(e.text) or country_of(e)
    return None


def _first_country(span: Span) -> str | None:
    for ent in ents_in(span):
        if ent.label_ in ("GPE", "NORP", "LOC"):
            c = rules.countries().lookup(ent.text) or rules.countries().demonyms.get(
                _norm(ent.text)
            )
            if c:
                return c
    return None


def _default_country(title: Span) -> str | None:
    return rules.titles().default_country.get(title.text.lower())


def _prefixed_form(span: Span, name: str) -> str:
    """The name with the honorific or title written before it: "Mr. Pompeo",
    "Secretary of State Mike Pompeo", "Chairman Kim"."""
    doc = span.doc
    k = span.start
    if k > 0 and doc[k - 1].text in rules.titles().honorifics:
        return f"{doc[k - 1].text} {name}"
    for t in doc.spans.get("titles", []):
        if t.end == k and t.text[0].isupper():
            return f"{t.text} {name}"
    return name


def _finish(d: _Draft) -> Entity:
    names = [n for n, _ in d.names.most_common()]
    if d.kind == "person":
        # The fullest form: most words, then most frequent.
        name = max(names, key=lambda n: (len(name_tokens(n)), d.names[n]))
    elif d.kind == "country":
        name = d.key.split(":", 1)[1]
    else:
        name = max(names, key=lambda n: (d.names[n], len(n)))
    surface = sorted(
        {re.sub(r"['\u2019]s?$", "", m.text) for m in d.mentions} | set(names) | d.forms
    )
    aliases = tuple(a for a in surface if a != name)
    roles = tuple(dict.fromkeys(d.roles))
    affs = Counter(r.affiliation for r in roles if r.affiliation) + d.affiliations
    if d.kind == "organization" and not affs and _norm(names[0]) in rules.countries().institutions:
        affs[rules.countries().institutions[_norm(names[0])]] += 1
    if d.kind == "organization" and not affs:
        # "North Korean state media", "Chinese Foreign Ministry"
        first = name_tokens(names[0])
        for n in (2, 1):
            country = rules.countries().demonyms.get(_norm(" ".join(first[:n]))) or (
                rules.countries().lookup(" ".join(first[:n]))
            )
            if country and len(first) > n:
                affs[country] += 1
                break
    return Entity(
        key=d.key,
        name=name,
        kind=d.kind,
        aliases=aliases,
        roles=roles,
        affiliation=affs.most_common(1)[0][0] if affs else None,
        mentions=tuple(sorted(d.mentions, key=lambda m: (m.paragraph, m.start))),
    )
