"""Headlines: an event's title, from the sentence's own words, as a whole clause
(an untitled article's headline is `lede.py`'s).

`title(verb, names)` says who did what: the verb's subject (a pronoun replaced by
whom it means, from `names`), its auxiliaries and negation, the verb and what it
acts on, the object's noun phrase whole with its coordinated parts ("reassure
America's allies, Japan and South Korea") and its "of" phrase, or else the verb's
first phrase ("met in Singapore") or its complement clause ("agreed to lift
sanctions"); a verb coordinated with it that shares its subject follows with its
own object ("met Kim Jong-un in Singapore and signed a joint statement") where it
fits. Relative clauses, appositions longer than a few words and asides are left
out. A passive keeps its agent ("was negotiated, only to be abandoned by the North
Koreans" says who abandoned what).

A title that would stop on a verb the sentence goes on from is completed or
dropped (`titleends.py`).

It misses what the sentence says only by ellipsis ("So did China"), and a title
can be long where the object is a long list.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.phrases import chunk, np_tokens, phrase, words
from generator.extract.titleends import finish, gap_object, gap_text, glued, participle
from generator.extract.titleparts import dateline_end, glue, preceding_subject, relative_object

if TYPE_CHECKING:
    from spacy.tokens import Token

TITLE_MAX = 110
# What a noun phrase keeps of its children; "of" phrases and short appositions too.
PARTICLES = {"over", "out", "off", "up", "down", "back", "away", "apart", "through", "across"}
EVENT_NOUNS = {"summit", "meeting", "talks", "vote", "hearing", "conference", "session"}


def _subject(verb: Token) -> Token | None:
    head = verb
    while True:
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        only = head.dep_ == "advcl" and any(c.lower_ == "only" for c in head.children)
        if subj is not None or not (head.dep_ in ("conj", "xcomp") or only):
            break
        if head.head.i == head.i:
            break
        head = head.head
    if subj is not None and subj.lower_ in ("that", "which", "who") and head.dep_ == "relcl":
        subj = head.head
    return subj


def _predicate(verb: Token, room: int, relative: bool = True) -> list[tuple[float, str]]:
    """The verb with its auxiliaries, negation, particle and what it acts on."""
    parts: list[tuple[float, str]] = [
        (c.i, c.text)
        for c in verb.children
        if c.dep_ in ("aux", "auxpass", "neg", "prt")
        or (c.lower_ in PARTICLES and c.dep_ in ("advmod", "prep") and not list(c.children))
    ]
    auxes = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if auxes:
        # "were to be released" where the parser hung "to" elsewhere: not "were be"
        parts += [
            (t.i, t.text)
            for t in verb.doc[min(auxes) : verb.i]
            if t.tag_ == "TO" and t.head.i != verb.i
        ]
    parts.append((verb.i, verb.text))
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "acomp")), None)
    if obj is not None and obj.lower_ in ("that", "which") and verb.dep_ == "relcl":
        obj = verb.head
    elif obj is not None and obj.lower_ == "that" and obj.i < verb.i:
        obj = None  # "announced that the review would restart": a mark, not an object
    if obj is not None:
        text = phrase(obj)
        if len(text.split()) > 16:
            text = chunk(obj, with_of=True)
        parts.append((obj.i if obj.i > verb.i else verb.i + 1, text))
        # "met Kim Jong-un in Singapore": where, when it is a place.
        prep = next(
            (
                c
                for c in verb.children
                if c.dep_ == "prep"
                and c.i > obj.i
                and c.lower_ in ("in", "at")
                and any(g.ent_type_ in ("GPE", "LOC", "FAC") for g in c.children)
            ),
            None,
        )
        if prep is not None:
            if any(c.dep_ == "appos" for c in obj.children):
                parts[-1] = (parts[-1][0], parts[-1][1] + ",")  # "leader, Kim Jong-un, in"
            parts.append((prep.i, words(prep, 4)))
        # "met ... for the first-ever summit meeting": what the meeting was.
        purpose = next(
            (
                c
                for c in verb.children
                if c.dep_ == "prep"
                and c.lower_ == "for"
                and any(g.lemma_ in EVENT_NOUNS for g in c.children if g.dep_ == "pobj")
            ),
            None,
        )
        if purpose is not None:
            parts.append((purpose.i, words(purpose, 8)))
        # "committed their two nations to the Paris accord", "instructed staff to
        # check ...", "accepted the request to cooperate in a pilot program".
        kept = {t.i for t in np_tokens(obj)}
        bare = obj.tag_ == "NN" and not list(obj.children) and obj.i == verb.i + 1
        extra = next(
            (
                c
                for c in [*verb.children, *obj.children]
                if c.i > obj.i
                and c.i not in kept
                and (
                    (c.dep_ == "prep" and c.lower_ in ("to", "into", "against", "with"))
                    # "took advantage of", "take care of", "took part in"
                    or (
                        c.dep_ == "prep"
                        and c.i == obj.i + 1
                        and c.lower_ in ("of", "in")
                        and bare
                        and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
                    )
                    or (c.dep_ in ("xcomp", "acl") and any(g.lower_ == "to" for g in c.children))
                )
            ),
            None,
        )
        end = max(t.i for t in obj.subtree) + 1
        after = verb.doc[end : min(end + 3, verb.sent.end)]
        m = re.match(r"\s*(\d{1,4}\s*[-\u2013]\s*\d{1,4})\b", after.text) if len(after) else None
        if m:
            parts.append((end, m.group(1)))  # "rejected the deal 432-202": the tally
        vote = next(
            (
                c
                for c in verb.children
                if c.dep_ == "prep"
                and c.lower_ == "by"
                and any(g.lemma_ == "vote" for g in c.children if g.dep_ == "pobj")
            ),
            None,
        )
        if vote is not None:
            parts.append((vote.i, words(vote, 5)))  # "by a 2-to-1 vote"
        if extra is not None and prep is None:
            more = words(extra, 8)
            if len(text) + len(more) < room:
                parts.append((extra.i, more))
        return parts
    comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
    if sum(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) > 1:
        comp = None  # "that the men detained could be": the parser split one clause in two
    if comp is not None and comp.i > verb.i:
        inner = _predicate(comp, room - 4)
        if comp.dep_ == "ccomp":
            subj = _subject(comp)
            if subj is not None and subj.head.i == comp.i:
                said = phrase(subj)
                inner.append((subj.i, said if len(said.split()) <= 6 else chunk(subj)))
            mark = next((c for c in comp.children if c.dep_ == "mark"), None)
            if mark is not None:
                inner.append((mark.i, mark.text))
        else:
            to = next((c for c in comp.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            inner = [p for p in inner if p[0] != (to.i if to is not None else -1)]
            if to is not None:
                inner.append((to.i, "to"))
            noun = relative_object(verb) if relative else None
            if noun is not None and not any(
                c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp")
                or (c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children))
                for c in comp.children
            ):
                # "the deal the administration finished negotiating": what it negotiated.
                inner.append((comp.i + 0.5, gap_text(noun)))
        return parts + inner
    prep = next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep"
            and c.i > verb.i
            and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
        ),
        None,
    )  # "in 2015" is no part of a headline: the date is shown beside it
    # "backed away from a suggestion": a particle with its own phrase says where to.
    away = next(
        (
            c
            for c in verb.children
            if c.dep_ == "advmod"
            and c.lower_ in PARTICLES
            and c.i == verb.i + 1
            and list(c.children)
        ),
        None,
    )
    noun = relative_object(verb) if relative else None
    own = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (
        noun is not None
        and verb.tag_ in ("VBD", "VBN")
        and not any(c.dep_ == "auxpass" for c in verb.children)
        and not (own is not None and own.tag_ in ("WDT", "WP"))
    ):
        # "a freeze ... that the North Koreans cheated on and then discarded": the
        # noun the clause is about is what was discarded.
        what = gap_text(noun)
        if noun.left_edge.tag_ == "DT" and what[:4] in ("The ", "A ", "An "):
            what = what[:1].lower() + what[1:]  # "The money she raised": "raised the money"
        if prep is not None and not any(g.dep_ == "pobj" for g in prep.children):
            parts.append((prep.i, prep.text))
            parts.append((prep.i + 0.5, what))
        else:
            prt = [c.i for c in verb.children if c.dep_ == "prt"]
            parts.append((max([verb.i, *prt]) + 0.5, what))
    elif away is not None:
        parts.append((away.i, words(away, 7)))  # "backed away from a suggestion"
    elif prep is not None:
        parts.append((prep.i, words(prep, 7)))
    else:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            parts.append((agent.i, words(agent, 6)))
    return parts


def _acts(verb: Token) -> bool:
    """Whether the noun a participle modifies is who acted, where no main verb is
    left ("Two analysts found that ...", "360 Republicans caucused"): it has an
    object or clause, or the noun is people."""
    return any(c.dep_ in ("dobj", "ccomp") for c in verb.children) or verb.head.ent_type_ in (
        "PERSON",
        "NORP",
        "ORG",
    )


def _text(parts: list[tuple[int, str]]) -> str:
    text = " ".join(p for _, p in sorted(parts) if p)
    return glue(text.replace(" ,", ","))


def title(verb: Token, names: dict[int, tuple[str, str]]) -> str | None:
    """Who did what, as a whole clause (see the module's docstring); None where the
    sentence gives the verb no subject."""
    if (
        verb.dep_ == "xcomp"
        and verb.tag_ == "VBG"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
    ):
        verb = verb.head  # "the ministry finished drafting it": not "the ministry drafting"
    subj = _subject(verb)
    agent = next((c.children for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent if c.dep_ == "pobj"), None) if agent is not None else None
    if (
        by is not None
        and subj is not None
        and subj.i < verb.i
        and verb.text.endswith("ed")
        and any(c.lower_ == "to" for c in verb.children)
    ):
        # "..., only to be abandoned by the North Koreans": who abandoned what.
        text = f"{chunk(by)} {verb.text} {chunk(subj)}"
        return text[:1].upper() + text[1:]
    parts: list[tuple[float, str]] = []
    if subj is not None and subj.i < dateline_end(verb.sent):
        subj = None  # "PHILADELPHIA, July 25 (UPI) -- ...": a dateline is no subject
    gap = gap_object(verb) if subj is None and verb.dep_ == "acl" else None
    if gap is not None:
        subj = verb.head  # "some missteps the party made": the party made them
    elif subj is None and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and _acts(verb):
        subj = verb.head  # "Only 360 Republicans caucused in ...": no main verb but this
    elif subj is None and verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD"):
        subj = None
    elif subj is None or subj.ent_type_ in ("DATE", "TIME"):
        subj = preceding_subject(verb)
    if subj is None and verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD"):
        if not participle(verb) or any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
            return None  # "a police chokehold": no passive to tell
        # "a poll released in late August": the poll was released.
        noun = verb.head
        if glued(noun):
            return None  # "the $3 million Roe raised": no passive to tell
        be = "were" if noun.tag_ in ("NNS", "NNPS") else "was"
        parts += [(noun.i, phrase(noun)), (verb.i - 0.5, be)]
    elif subj is None or (subj.tag_ in ("WDT", "WP") and subj.i not in names):
        return None  # no clause without its subject ("Which votes")
    else:
        text = names[subj.i][1] if subj.i in names else phrase(subj)
        if len(text.split()) > 10:
            text = chunk(subj, with_of=True)
        parts.append((subj.i, text))
    parts += _predicate(verb, TITLE_MAX)
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_.startswith("aux") for c in verb.children)
    ):
        # "was questioned and then abandoned": the auxiliaries it shares with its head
        parts += [
            (verb.i - 0.5, c.text) for c in verb.head.children if c.dep_ in ("aux", "auxpass")
        ]
    if gap is not None:
        parts.append((verb.i + 0.5, gap_text(gap)))
    text = _text(parts)
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if any(g.dep_ in ("nsubj", "nsubjpass") for g in conj.children):
            continue
        before = verb.doc[conj.left_edge.i - 1] if conj.left_edge.i > 0 else None
        if before is None or before.dep_ != "cc":
            continue  # a verb the parser hung here from a clause further on
        cc = next((g for g in verb.children if g.dep_ == "cc"), None)
        more = _predicate(conj, 40, relative=False)
        if len(more) == 1 and relative_object(verb) is not None:
            more.append((conj.i + 0.5, "it"))  # "cheated on a freeze and discarded it"
        longer = f"{text} {cc.text if cc is not None else 'and'} {_text(more)}"
        if len(longer) <= TITLE_MAX:
            text = longer
    text = _reported_first(verb, text)
    whole = finish(verb, text)
    if whole is None or whole.lower().startswith("whose "):
        return None  # a verb whose object the parse lost: no title a reader can use
    return whole[:1].upper() + whole[1:]


QUOTE_MARKS = {'"', "\u201c", "\u201d", "``", "''"}


def _reported_first(verb: Token, text: str) -> str:
    """ "Roe won the primary, the Associated Press declared": a title that would end
    on the reporting verb leads with what was reported, where the sentence does and
    does not quote it (a quotation is shown in the summary, as the text has it)."""
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if said is None or not text.endswith(verb.text):
        return text
    if any(t.text in QUOTE_MARKS for t in verb.doc[verb.sent.start : verb.i]):
        return text
    subj = _subject(said)
    if subj is None or subj.head.i != said.i or subj.tag_ in ("WDT", "WP", "PRP"):
        return text
    who = phrase(subj) if len(phrase(subj).split()) <= 8 else chunk(subj)
    inner = _text([(subj.i, who), *_predicate(said, TITLE_MAX // 2)])
    first = verb.doc[_text_start(verb)]
    tail = text[:1].lower() + text[1:] if first.tag_ == "DT" else text
    longer = f"{inner}, {tail}"
    return longer if len(longer) <= TITLE_MAX and finish(said, inner) == inner else text


def _text_start(verb: Token) -> int:
    """The first token of the verb's subject (where the title starts)."""
    subj = _subject(verb)
    return subj.left_edge.i if subj is not None else verb.i
