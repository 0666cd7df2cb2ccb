"""People's roles and the countries they are of: "Secretary of State Mike Pompeo",
"China's foreign minister, Wang Yi", "Kang Kyung-wha, South Korea's foreign
minister", and a relation ("his Chinese counterpart") that gives a country but is
no role. The words of a title are cleaned in `titletext`; the country it gives is
found in `affiliations`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import rules
from generator.extract.affiliations import (
    country_before,
    default_country,
    first_country,
    local,
    of_country_after,
)
from generator.extract.titletext import title_text
from generator.extract.tokens import ent_ending_at, ent_starting_at
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
        aff = country_before(span) or of_country_after(ent)
        before = ent_ending_at(doc, span.start)
        if aff and local(title) and (before is None or before.label_ != "NORP"):
            aff = None  # "Gov. Jimmy Carter of Georgia", "Georgia Gov.": a state's
        aff = aff or default_country(title)
        return Role(title_text(span, doc), aff, article_id)
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
            aff = country_before(span) or default_country(title)
            return Role(title_text(phrase, doc), aff, article_id)
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
            if i in title_starts and _of_another(doc[first : title_starts[i].start]):
                return None  # "Jo Bo, son of one Ohio governor": the title is the other's
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
                aff = first_country(doc[ent.end + 1 : _near_end(phrase)]) or default_country(title)
                return Role(title_text(phrase, doc), aff, article_id)
            i += 1
    return None


def _near_end(phrase: Span) -> int:
    """Where the country of an apposition may still be named: after its title
    ("the governor of New Mexico", "a professor at a university in Chile", "an
    official who directed China's relations"), not past another calling ("a
    former spy chief and a general in the war in Iraq": no Iraqi). The "and" of
    a name ("Center for Women and Politics") is the name's."""
    doc = phrase.doc
    end = phrase.sent.end
    return next(
        (t.i for t in doc[phrase.end : end] if not t.ent_type_ and t.lower_ in ("and", "or")),
        end,
    )


def _of_another(words: Span) -> bool:
    """Whether a title written after these words is another's: "son of one
    governor", "head of the general staff". An "of" inside a name ("University of
    Washington professor") is the name's."""
    return any(t.lower_ == "of" and not t.ent_type_ for t in words)


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
