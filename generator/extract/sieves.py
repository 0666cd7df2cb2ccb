"""Who said a quotation: an ordered list of sieves, as in Stanford CoreNLP's quote
attributor (Muzny et al., 2017).

Each sieve is a function of the article's context (`attribution.Attributor`, which
it only reads) and one `Quote`; it returns a decision (speaker key or None, cue
text or None, whether speech was found) or None to pass the quotation on to the
next. The first decision wins. Sieves share nothing but these two arguments: what
several of them read (the cues the quote hangs on in the parse, the cue chosen
next to it) is worked out once, on first use, and kept with the quote.

A new rule goes in as a sieve in `SIEVES` where its precision puts it (see
CONTRIBUTING.md); `benchmarks/sieves.py` counts each sieve's decisions, how many
are right on PolNeAR, and what removing it costs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.extract.governing import governing_cues, inverted, reporter
from generator.extract.neighbours import (
    adjacent_cue,
    as_cue,
    colon_introducer,
    ends_open,
    introducing_cue,
    windows,
)
from generator.extract.neighbours import (
    dash_aside as dash_aside_of,
)
from generator.extract.neighbours import (
    named_cue_before as named_cue_before_of,
)
from generator.extract.owned import according_to, held_by_subject, labelled_as
from generator.extract.sources import document_of
from generator.extract.speakers import DASHES
from generator.extract.tokens import text_of, tokens_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from generator.extract.attribution import Attributor
    from generator.extract.marks import QuoteSpan

# (speaker key, cue text, whether speech was found at all)
Decision = tuple[str | None, str | None, bool]
NOTHING: Decision = (None, None, False)


@dataclass(frozen=True, eq=False)
class Quote:
    """One quotation as the sieves see it: its span, its paragraph's parse and
    quoted tokens, and the words around it, read once."""

    span: QuoteSpan
    doc: Doc
    quoted: set[int]
    tokens: list[Token]
    after: list[Token]  # outside quotes, right after it in its sentence(s)
    before: list[Token]  # outside quotes, right before it
    adjacent: Token | None  # the cue of '"...," Trump said', if any
    memo: dict = field(default_factory=dict, repr=False)

    @property
    def paragraph(self) -> int:
        return self.span.paragraph

    def once(self, name: str, make: Callable[[], object]):
        if name not in self.memo:
            self.memo[name] = make()
        return self.memo[name]


Sieve = Callable[["Attributor", Quote], "Decision | None"]


def attribute(
    att: Attributor, q: QuoteSpan, doc: Doc, quoted: set[int], spans: list[QuoteSpan]
) -> Decision:
    """The first decision of the sieves, or NOTHING."""
    qtoks = tokens_in(doc, q.start, q.end)
    if not qtoks:
        return NOTHING
    after, before = windows(att, q, doc, quoted, spans)
    quote = Quote(q, doc, quoted, qtoks, after, before, adjacent_cue(att, q, doc, after))
    for sieve in SIEVES:  # read at call time: benchmarks/sieves.py swaps the list
        decision = sieve(att, quote)
        if decision is not None:
            return decision
    return NOTHING


# --- what several sieves read, worked out once per quote


def _parsed(att: Attributor, quote: Quote) -> tuple[Decision | None, Decision | None]:
    """(the decision of the cues the quote depends on in the parse, nearest first;
    the first of those cues whose subject names nobody, as a fallback)."""
    return quote.once("parsed", lambda: _read_parse(att, quote))


def _read_parse(att: Attributor, quote: Quote) -> tuple[Decision | None, Decision | None]:
    # An inner cue whose subject names nobody ("the advertisement suggests") gives
    # way to an outer one ("City Attorney Brad Holm said in the letter that ...").
    p, qtoks, adjacent = quote.paragraph, quote.tokens, quote.adjacent
    fallback: Decision | None = None
    cues = governing_cues(att, qtoks, quote.quoted)
    for k, (verb, noun) in enumerate(cues):
        if adjacent is not None and (
            (verb or noun).i > adjacent.i
            or ((verb or noun).i < qtoks[0].i and inverted(att, adjacent))
        ):
            # '"I never said that," Trump said, after Becky Quick said ...':
            # the parser hung the quote on the later cue; the one right after
            # the quote is its own. So is an inverted one ('as Democrats
            # allege, but Moscow denies - "why wouldn't you ...?" asked Dunn').
            verb, noun = adjacent, None
        if noun is not None:
            document = document_of(noun)
            if document is not None:
                # "In a joint statement, Mr. Kim committed to the promise of
                # '...'": the words are the statement's, not his.
                return (None, document, True), fallback
            owner = att.speakers.owner(noun)
            who, text = (att.speakers.resolve(owner, p) if owner is not None else None), noun.text
        else:
            who, found = att.subjects.speaker_of(verb, p)
            if not found:
                continue
            text = att.subjects.cue_text(verb)
        if who:
            outer = reporter(att, verb or noun, cues[k + 1 :], p)
            if outer is not None and outer[0] != who:
                return outer, fallback
            return (who, text, True), fallback
        if fallback is None and (noun is None or owner is not None):
            fallback = (None, text, True)
    return None, fallback


def _nearby(att: Attributor, quote: Quote) -> tuple[Token | None, list[Token]]:
    """(the cue next to the quote that no parse link gives, if any; the words after
    the quote that still belong to its sentence)."""
    return quote.once("nearby", lambda: _find_nearby(att, quote))


def _find_nearby(att: Attributor, quote: Quote) -> tuple[Token | None, list[Token]]:
    q, doc, quoted, qtoks, after = quote.span, quote.doc, quote.quoted, quote.tokens, quote.after
    cue = None
    text = text_of(doc)
    after_cue = next((t for t in after if att.subjects.is_cue(t)), None) or quote.adjacent
    before_cue = introducing_cue(att, quote.before, q)
    if ends_open(text, q, (",", "?", "!", "\u2014", "-")) and after_cue is not None:
        cue = after_cue
    elif before_cue is not None:
        cue = before_cue
    elif (found_as := as_cue(att, doc, q, quoted)) is not None:
        cue = found_as
    elif (
        after_cue is not None
        and after_cue.sent.start > qtoks[-1].i
        and (
            any(
                c.dep_ in ("ccomp", "xcomp") and c.i > after_cue.i and c.i not in quoted
                for c in after_cue.children
            )
            or not _opens_sentence(text, q, qtoks[0].sent)
        )
    ):
        # '"...." Kasich said he would have fired him, according to press
        # reports': the next sentence reports a clause of its own; 'the
        # dangers of a "rigged economy." Carson struggled to answer': a
        # quotation inside a sentence takes no cue from the next.
        after = [t for t in after if t.i < after_cue.sent.start]
    elif after_cue is not None and not any(t.text == ":" for t in after if t.i > after_cue.i):
        # not '"We are not terrorists." Mr. Zahed said: "..."': that cue
        # introduces the next quote
        cue = after_cue
    return cue, after


def _opens_sentence(text: str, q: QuoteSpan, sent: Span) -> bool:
    """Whether nothing but punctuation stands in the quote's sentence before it."""
    return not re.sub(r"[\W_]", "", text[sent.start_char : max(q.start - 1, sent.start_char)])


def _named_source(att: Attributor, quote: Quote, after: list[Token]) -> Decision | None:
    """The source an "according to X" names, when it names someone."""
    according = according_to(att, after + quote.before, quote.paragraph)
    if according is not None and according[0]:
        return according[0], "according to", True
    return None


# --- the sieves


def colon_label(att: Attributor, quote: Quote) -> Decision | None:
    """'Sanders delivered a snappy retort: "..."', 'Rep. Trey Gowdy (R-S.C.): "..."':
    a colon or dash introduces the quote, unless a cue follows it right after."""
    if quote.adjacent is not None:
        return None
    return colon_introducer(att, quote.span, quote.doc, quote.quoted, quote.before)


def parsed_cue(att: Attributor, quote: Quote) -> Decision | None:
    """The nearest cue the quote depends on in the parse whose subject names
    someone (or the document that speaks), or the reporter who tells of it."""
    return _parsed(att, quote)[0]


def dash_aside(att: Attributor, quote: Quote) -> Decision | None:
    """'... including the former candidate Mitt Romney -- "It is disqualifying" --'."""
    aside = dash_aside_of(att, quote.doc, quote.span, quote.paragraph)
    return (aside, None, True) if aside is not None else None


def named_cue_before(att: Attributor, quote: Quote) -> Decision | None:
    """Where the parse hangs the quote on a cue naming nobody ("The spot concludes
    with footage of Trump saying during the debate, '...'"), a cue right before the
    quote that names someone wins."""
    if _parsed(att, quote)[1] is None:
        return None
    return named_cue_before_of(att, quote.span, quote.before)


def named_source(att: Attributor, quote: Quote) -> Decision | None:
    """Where the parse's cue names nobody, the source an "according to" names."""
    if _parsed(att, quote)[1] is None:
        return None
    return _named_source(att, quote, quote.after)


def nameless_cue(att: Attributor, quote: Quote) -> Decision | None:
    """The parse's cue naming nobody: speech, by no one the article names."""
    return _parsed(att, quote)[1]


def cue_right_after(att: Attributor, quote: Quote) -> Decision | None:
    """'"...," From said' before 'Americans saw the Democrats as "..."'."""
    if quote.adjacent is None:
        return None
    who, _ = att.subjects.speaker_of(quote.adjacent, quote.paragraph)
    return (who, att.subjects.cue_text(quote.adjacent), True) if who else None


def label_after_as(att: Attributor, quote: Quote) -> Decision | None:
    """'Mr. Vos describes the plan as "a trap"': the subject's word for it."""
    labeller = labelled_as(att, quote.tokens, quote.quoted, quote.paragraph)
    return (labeller, None, True) if labeller is not None else None


def nearby_cue(att: Attributor, quote: Quote) -> Decision | None:
    """The cue next to the quote (before it, "as X put it", or after it in its
    sentence) that no parse link gives, and its subject."""
    cue, _ = _nearby(att, quote)
    if cue is None:
        return None
    who, found = att.subjects.speaker_of(cue, quote.paragraph)
    return (who, att.subjects.cue_text(cue), True) if found else None


def signature(att: Attributor, quote: Quote) -> Decision | None:
    """A signature after the quote: "..." -- Pamela Padilla."""
    _, after = _nearby(att, quote)
    if after and after[0].text in DASHES:
        for t in after[1:4]:
            if t.ent_type_ in ("PERSON", "ORG"):
                return att.speakers.entity_of(t, quote.paragraph), None, True
    return None


def source(att: Attributor, quote: Quote) -> Decision | None:
    """An "according to" in the quote's sentence, naming someone or not."""
    _, after = _nearby(att, quote)
    according = according_to(att, after + quote.before, quote.paragraph)
    return (according[0], "according to", True) if according is not None else None


def held_words(att: Attributor, quote: Quote) -> Decision | None:
    """ "Clinton supports 'appropriate pay raises'": the named subject's words."""
    held = held_by_subject(att, quote.tokens, quote.quoted, quote.paragraph)
    return (held, None, True) if held is not None else None


# The order: the surest first. A colon or a transcript label leaves no doubt; the
# parse links the quote to its own cue more often than not, and a cue found there
# that names no one still says the words are speech (so the weaker neighbours may
# only name its speaker before it stands); then the cues next to the quote that
# the parse missed, nearest and most explicit first; the guesses from what owns
# the words (a signature, "according to", the subject holding them) come last.
SIEVES: list[Sieve] = [
    colon_label,
    parsed_cue,
    dash_aside,
    named_cue_before,
    named_source,
    nameless_cue,
    cue_right_after,
    label_after_as,
    nearby_cue,
    signature,
    source,
    held_words,
]
