"""People's roles and the countries they are of: "Secretary of State Mike Pompeo",
"China's foreign minister, Wang Yi", "Kang Kyung-wha, South Korea's foreign
minister", "Norah O'Donnell of CBS News", and a relation ("his Chinese
counterpart") that gives a country but is no role."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.places import _norm, country_of
from generator.extract.tokens import ent_ending_at, ent_of, ent_starting_at, ents_in, root_of
from generator.model import Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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


def find_role(ent: Span, article_id: str, spans, drafts, p: int) -> Role | None:
    """A role for the person `ent` from a title before it or an apposition."""
    doc = ent.doc
    titles = {t.end: t for t in doc.spans.get("titles", [])}
    title_starts = {t.start: t for t in doc.spans.get("titles", [])}
    # 1. "Secretary of State Mike Pompeo", "former Defense Secretary William J. Perry".
    k = ent.start
    while k > 0 and doc[k - 1].text in rules.titles().honorifics:
        k -= 1
    if (
        k in titles
        and titles[k][-1].pos_ != "VERB"  # not "expected to host Trump"
        and _before_name(titles[k], ent)
        and not _named_alone(_with_modifiers(titles[k]), ent)
        and not _hypothetical(_with_modifiers(titles[k]))
    ):
        title = titles[k]
        span = _with_modifiers(title)
        aff = _country_before(span) or _of_country_after(ent)
        before = ent_ending_at(doc, span.start)
        if aff and _local(title) and (before is None or before.label_ != "NORP"):
            aff = None  # "Gov. Jimmy Carter of Georgia", "Georgia Gov.": a state's
        aff = aff or _default_country(title)
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
        if (
            j + 1 in titles
            and (not _plural(titles[j + 1]) or _listed(ent))
            and _apposed(ent, titles[j + 1])
        ):
            # not "civil rights leaders, Clinton proposed" (a plural is a list's
            # title), nor "with Mike Pompeo, the secretary of state, Kim agreed"
            title = titles[j + 1]
            span = _with_modifiers(title)
            phrase = doc[span.start : end]
            aff = _country_before(span) or _default_country(title)
            return Role(_title_text(phrase, doc), aff, article_id)
    # 3. "Kang Kyung-wha, South Korea's foreign minister" / "Yang Xiyu, a former ... official".
    if ent.end < len(doc) and doc[ent.end].text == ",":
        stop = min(len(doc), ent.end + 9)
        first = ent.end + 1
        i = first
        while i < stop:
            owned = _someone_elses(doc, i, title_starts)
            if owned:
                # "David Axelrod, President Barack Obama's former top adviser",
                # "Sara Netanyahu, the prime minister's wife": that title is the
                # other person's; what follows the possessive may be ours
                i = first = owned
                continue
            if doc[i].text in (",", ".", ";") or doc[i].ent_type_ == "PERSON":
                break
            if doc[i].tag_ in ("WP", "WDT", "WP$"):
                break  # "Trump, whose likely tough general-election fight": a clause
            if i in title_starts and _names_next(doc, title_starts[i]):
                break  # "Carly Fiorina, former Arkansas governor Mike Huckabee"
            if i in title_starts and _plural(title_starts[i]):
                break  # "Hillary Clinton, the four male officials": not hers
            if i in title_starts and not _closed(title_starts[i]):
                break  # "Against Hillary Clinton, the Ohio governor earned 51 percent"
            if i in title_starts:
                title = title_starts[i]
                while first < title.start and (
                    doc[first].pos_ == "DET"
                    or doc[first].ent_type_ in ("GPE", "NORP")
                    or doc[first].tag_ == "POS"
                    or doc[first + 1].tag_ == "POS"  # "Trump's secretary of state"
                ):
                    first += 1
                phrase = doc[first : _extend_to(title)]
                sent_end = ent.sent.end
                aff = _first_country(doc[ent.end + 1 : sent_end]) or _default_country(title)
                return Role(_title_text(phrase, doc), aff, article_id)
            i += 1
    return None


def _apposed(ent: Span, title: Span) -> bool:
    """Whether a title before a name may be set beside it: not when the parse
    makes it another name's apposition ("with Mike Pompeo, the secretary of
    state, Kim agreed"), nor when it completes a verb or a preposition and the
    name is not set beside it ("If she becomes president, Clinton said", "the
    nomination for president, Hillary Clinton has")."""
    head = title.root
    if head.dep_ == "appos" and not ent.start <= head.head.i < ent.end:
        return False
    doc = ent.doc
    linked = (ent.root.dep_ == "appos" and title.start <= ent.root.head.i < title.end) or (
        ent.end < len(doc) and doc[ent.end].text in (",", "(", "\u2014", "--")
    )  # "alongside China's foreign minister, Wang Yi, Mr. Pompeo": set off on both sides
    held = head.dep_ == "pobj" and head.head.lower_ == "as"
    if held and any(c.dep_ in ("det", "poss") for c in head.children):
        return True  # "As a New York senator, Hillary Clinton voted"; not "As president, X would"
    return linked or head.dep_ not in _COMPLEMENTS


# A title in one of these relations to its head is what a verb or a preposition
# says of someone, or an argument of its own, not a name's apposition.
_COMPLEMENTS = {"attr", "oprd", "acomp", "xcomp", "pobj", "dobj", "dative"}


def _before_name(title: Span, ent: Span) -> bool:
    """Whether a title written right before a name is the name's: not when an
    article opens a phrase the name's own clause describes ("The federal judge
    Trump was referring to": the judge is not Trump). The parse of a bare title
    is too often split from its name ("fire campaign manager Corey Lewandowski")
    to be trusted there."""
    root = title.root
    if not any(c.dep_ == "det" and c.i < title.start for c in root.children):
        return True
    return (
        ent.root.dep_ not in ("nsubj", "nsubjpass")
        or title.start <= root.head.i < title.end
        or ent.start <= root.head.i < ent.end
        or title.start <= ent.root.head.i < title.end  # "The governor Ivan Petrov": appos
    )


def _hypothetical(title: Span) -> bool:
    """Whether a title before a name is one the person may come to hold: "a
    President Trump", "a would-be president", "a potential candidate"."""
    doc = title.doc
    before = doc[max(0, title.start - 3) : title.start].text.lower().replace(" ", "")
    if before.endswith(("would-be", "wouldbe")) or (
        title.start > 0 and doc[title.start - 1].lower_ in ("potential", "prospective", "future")
    ):
        return True
    return title.start > 0 and doc[title.start - 1].lower_ in ("a", "an") and title[0].is_title


def _named_alone(title: Span, ent: Span) -> bool:
    """Whether a title and a name stand alone in quotation marks: a chant, a
    sign or a hypothetical ('cheer for "President Bernie Sanders."'), not the
    office the person holds."""
    doc = ent.doc
    k = ent.end
    while k < len(doc) and doc[k].is_punct and not doc[k].is_quote:
        k += 1
    return title.start > 0 and doc[title.start - 1].is_quote and k < len(doc) and doc[k].is_quote


def _closed(title: Span) -> bool:
    """Whether an apposition ends where a title phrase does: at a comma, a stop or
    a relative clause, not at a verb whose subject it is."""
    doc = title.doc
    for t in doc[title.end : min(len(doc), title.end + 8)]:
        if t.is_quote:
            continue  # 'Mr. Obama, the prime minister "looked ashen"': the verb decides
        if t.is_punct or t.tag_ in ("WP", "WDT", "WP$"):
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return True


def _plural(title: Span) -> bool:
    return title[-1].tag_ in ("NNS", "NNPS")


def _listed(ent: Span) -> bool:
    """Whether a name is followed by another in a list ("Ben Carson, Ted Cruz")."""
    doc = ent.doc
    k = ent.end
    if k < len(doc) and doc[k].text in (",", "and"):
        k += 1
        if k < len(doc) and doc[k].text == "and":
            k += 1
        nxt = ent_starting_at(doc, k)
        return nxt is not None and nxt.label_ == "PERSON"
    return False


def _names_next(doc: Doc, title: Span) -> Span | None:
    """The person a title is written before ("former Arkansas governor Mike Huckabee")."""
    e = ent_starting_at(doc, title.end)
    return e if e is not None and e.label_ == "PERSON" else None


def _someone_elses(doc: Doc, i: int, title_starts) -> int | None:
    """Where a possessive that starts at token `i` ends: "President Barack Obama's",
    "the prime minister's", "Obama's"; None if none does."""
    end = None
    if i in title_starts:
        title = title_starts[i]
        person = _names_next(doc, title)
        end = person.end if person is not None else title.end
    elif doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B":
        e = ent_starting_at(doc, i)
        end = e.end if e is not None else None
    if end is not None and end < len(doc) and doc[end].tag_ == "POS":
        return end + 1
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
    root = root_of(ent)
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
        if e is not None and e.label_ != "NORP":  # not "of British Columbia"
            return rules.countries().lookup(e.text) or country_of(e)
    return None


def _first_country(span: Span) -> str | None:
    """The first country named in an apposition ("Kang, South Korea's foreign
    minister"), up to its end: not one later in the sentence, nor a heritage
    ("a Cuban-American candidate")."""
    doc = span.doc
    end = next((t.i for t in span if t.text in (",", ";", "(", ")")), span.end)
    for ent in ents_in(doc[span.start : end]):
        hyphened = (ent.end < len(doc) and doc[ent.end].text == "-") or (
            ent.start > 0 and doc[ent.start - 1].text == "-"
        )
        if ent.label_ in ("GPE", "NORP", "LOC") and not hyphened:
            c = rules.countries().lookup(ent.text) or rules.countries().demonyms.get(
                _norm(ent.text)
            )
            if c:
                return c
    return None


def _local(title: Span) -> bool:
    """A title of a state or a city, whose place is no country."""
    return title.text.lower() in rules.titles().local


def _default_country(title: Span) -> str | None:
    return rules.titles().default_country.get(title.text.lower())
