"""The cues a quotation depends on in the parse: the cue verbs and cue nouns it
hangs on, nearest first (through coordinated quotes, prepositions and asides), and
the reporter whose own statement holds someone else's words. Functions of the
quotation's tokens and the article's `attribution.Attributor`, which they only
read; the sieves (`sieves.py`) call them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.subjects import _unsaid
from generator.extract.tokens import held

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.extract.attribution import Attributor

# Verbs of a reporter whose account holds someone else's words.
REPORTING = {
    *("say", "tell", "add", "write", "explain", "recall", "insist", "note", "argue"),
    *("claim", "acknowledge", "suggest", "state", "report"),
}


def governing_cues(
    att: Attributor, qtoks: list[Token], quoted: set[int]
) -> list[tuple[Token | None, Token | None]]:
    """Cue verbs and cue nouns the quote depends on, nearest first."""
    qset = {t.i for t in qtoks}
    sent = qtoks[0].sent
    found: list[tuple[Token | None, Token | None]] = []
    seen: set[int] = set()
    for t in qtoks:
        if t.head.i in qset:
            continue
        anc, came = t.head, t.dep_
        labelled = False  # reached through "as": a label, not what a noun says
        for _ in range(12):
            if anc.i in quoted and came in ("conj", "appos", "prep") and anc.i not in seen:
                # '“how the system is rigged,” and “wounded families” and “our
                # citizens,”', 'a "cultural war" against "liberals"': a quote
                # coordinated with another or hung on it by a preposition goes
                # on to its cue
                seen.add(anc.i)
                anc, came = anc.head, anc.dep_
                continue
            if anc.i in quoted or anc.i in seen or not (sent.start - 20 <= anc.i < sent.end + 20):
                break
            seen.add(anc.i)
            if _unsaid(anc):
                break  # "refused to say the words '...'": not said, by anyone here
            if att.subjects.is_cue(anc) and not _noun_infinitive(anc):
                found.append((anc, None))
            elif anc.pos_ == "NOUN" and anc.lemma_.lower() in att.cues.nouns:
                # not "dismissed criticism of Trump's comments as '...'"
                if not labelled and not _unsaid(anc.head):
                    found.append((None, anc))
            else:
                # 'Joe Biden, Rubio said, had been in the Senate for "a thousand
                # years"': a cue set in the clause as an aside.
                found.extend((c, None) for c in _asides(att, anc, quoted) if c.i not in qset)
            labelled = labelled or (anc.lower_ == "as" and anc.dep_ == "prep")
            if anc.head is anc:
                break
            anc, came = anc.head, anc.dep_
    return found


def _asides(att: Attributor, anc: Token, quoted: set[int]) -> list[Token]:
    """The cues with a subject set in `anc`'s clause as asides (parataxis), found
    once per word: the root of a long sentence has thousands of children."""

    def find() -> list[Token]:
        return [
            c
            for c in anc.children
            if c.dep_ == "parataxis"
            and c.i not in quoted
            and att.subjects.is_cue(c)
            and any(g.dep_ == "nsubj" for g in c.children)
        ]

    return held(att.aside_memo, anc.i, (anc.doc, quoted), find)


def reporter(att: Attributor, inner: Token, outer: list, p: int) -> tuple[str, str, bool] | None:
    """'Rep. Meeks said Clinton reassured them that Democrats "were not going
    to be like Trump"': the words are in the reporter's own statement, so the
    named person who said it is their source."""
    best = None
    for verb, _noun in outer:
        if verb is None or verb.lemma_.lower() not in REPORTING:
            continue
        if any(c.dep_ == "neg" for c in verb.children) or not _reports(inner, verb):
            continue
        who, found = att.subjects.speaker_of(verb, p)
        if found and who and att.kinds.get(who) == "person":
            best = (who, att.subjects.cue_text(verb), True)  # the outermost reporter
    return best


def inverted(att: Attributor, cue: Token) -> bool:
    """'said Trump', 'asked Dunn': the cue's subject comes after it."""
    subj = att.subjects.subject_of(cue)
    return subj is not None and subj.i > cue.i


def _reports(inner: Token, outer: Token) -> bool:
    """Whether `inner` is in what `outer` reports, not a clause beside it ("Ryan
    saying ... and Trump calling it ...", "After Scalia said ..., Trump said")."""
    t = inner
    while t.i != outer.i and t.head.i != t.i:
        if t.dep_ in ("conj", "advcl", "parataxis"):
            return False
        t = t.head
    return t.i == outer.i


def _noun_infinitive(verb: Token) -> bool:
    """ "an opportunity to talk about ...": what one could say, not speech."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ in ("acl", "relcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )
