"""Cues that stand next to a quotation rather than govern it in the parse: the
words right before and after it, a colon or a dash that introduces it ('Sanders
delivered a snappy retort: "..."', transcript labels such as 'Rep. Trey Gowdy
(R-S.C.): "..."'), the cue right after it ('"...," Trump said'), an aside set off
by dashes, "As X put it", and the name written right after an inverted cue
('"...," said James Acton'). Functions of the quotation and the article's
`attribution.Attributor`, which they only read; the sieves (`sieves.py`) call them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from generator.extract.sources import DOCUMENTS
from generator.extract.speakers import DASHES, SUBJECT_DEPS
from generator.extract.tokens import (
    first_token_from,
    held,
    rstrip_end,
    text_of,
    token_range,
    tokens_in,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from generator.extract.attribution import Attributor
    from generator.extract.marks import QuoteSpan

# "(R-S.C.)", "(D)" right before a transcript label's colon.
_PARTY_AT_END = re.compile(r"\s*\([RDI](?:-[A-Z][A-Za-z.]{0,6})?\)\s*$")


def ends_open(text: str, q: QuoteSpan, marks: tuple[str, ...]) -> bool:
    """Whether the quote ends on one of `marks` (or a comma right after its closing
    mark), so the sentence goes on with its cue. A quote within it closes first:
    'as simple as, ‘He’s the ringleader,’” Sexton said'."""
    inner = text[q.start : q.end].rstrip().rstrip("'\u2019\"\u201d")
    return inner[-1:] in marks or text[q.end + 1 : q.end + 2] == ","


INVERTIBLE_CUES = {
    "say",
    "add",
    "write",
    "explain",
    "note",
    "continue",
    "insist",
    "argue",
    "declare",
    "state",
    "warn",
    "recall",
    "conclude",
    "comment",
    "ask",
    "reply",
}


def dash_aside(att: Attributor, doc: Doc, q: QuoteSpan, p: int) -> str | None:
    """'... including the former candidate Mitt Romney -- "It is disqualifying
    ..." -- and Fred Goldberg': a quote set off by dashes right after a person
    named among those who speak (a subject of speech, or listed with
    "including")."""
    text = text_of(doc)
    k = rstrip_end(text, max(q.start - 1, 0))
    if not text[max(k - 8, 0) : k].endswith(DASHES):
        return None
    # The last token that ends by k.
    i = token_range(doc, 0, k).stop - 1
    while i >= 0 and doc[i].idx + len(doc[i]) > k:
        i -= 1
    i = max(i, 0)
    while i > 0 and (doc[i].is_space or doc[i].text in DASHES):
        i -= 1
    name = doc[i]
    if name.ent_type_ != "PERSON":
        return None
    head = name
    while head.dep_ in ("compound", "flat", "appos") and head.head is not head:
        head = head.head
    listed = head.dep_ == "pobj" and head.head.lower_ == "including"
    speaking = head.dep_ in SUBJECT_DEPS and att.subjects.is_cue(head.head)
    return att.speakers.entity_of(name, p) if listed or speaking else None


def windows(att: Attributor, q, doc, quoted, spans) -> tuple[list[Token], list[Token]]:
    """Tokens outside quotes right after and right before the quote, within its
    sentence(s) and not past a neighbouring quote."""
    bounds = att.bounds.get(q.paragraph)
    if bounds is None or bounds[0] is not spans:  # held, so `is` cannot be fooled
        same = [s for s in spans if s.paragraph == q.paragraph]
        bounds = (spans, sorted(s.start for s in same), sorted(s.end for s in same))
        att.bounds[q.paragraph] = bounds
    _, starts, ends = bounds
    i = bisect_right(starts, q.end)
    nxt = starts[i] - 1 if i < len(starts) else len(text_of(doc))
    i = bisect_left(ends, q.start)
    prv = ends[i - 1] + 1 if i else 0
    # The attribution may be parsed as a sentence of its own ('"...?" Graham asked.').
    k = first_token_from(doc, q.end + 1)
    while k is not None and k.is_punct:
        k = k.nbor() if k.i + 1 < len(doc) else None
    after_end = k.sent.end_char if k is not None else len(text_of(doc))
    # The token holding the opening mark: the last one starting before it, or
    # the one right after it.
    j = token_range(doc, 0, q.start - 1).stop
    open_tok = doc[j - 1] if j and doc[j - 1].idx + len(doc[j - 1]) >= q.start - 1 else None
    if open_tok is None:
        open_tok = doc[j] if j < len(doc) else doc[0]
    before_start = open_tok.sent.start_char
    after = [
        t
        for t in tokens_in(doc, q.end + 1, min(nxt, after_end))
        if t.i not in quoted and not t.is_space
    ]
    before = [
        t
        for t in tokens_in(doc, max(prv, before_start), q.start)
        if t.idx + len(t) < q.start and t.i not in quoted
    ]
    return after, before


def as_cue(att: Attributor, doc: Doc, q: QuoteSpan, quoted: set[int]) -> Token | None:
    """ "As X put it, ..." anywhere in the quote's sentence."""
    tok = first_token_from(doc, q.start)
    if tok is None:
        return None
    sent = tok.sent
    memo = att.as_cue_memo  # one look per sentence
    return held(memo, (q.paragraph, sent.start), (doc, quoted), lambda: _as_in(att, sent, quoted))


def _as_in(att: Attributor, sent: Span, quoted: set[int]) -> Token | None:
    for t in sent:
        if (
            t.i not in quoted
            and att.subjects.is_cue(t)
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children)
        ):
            return t
    return None


def colon_introducer(
    att: Attributor, q: QuoteSpan, doc: Doc, quoted: set[int], before: list[Token]
) -> tuple[str, str | None, bool] | None:
    """The speaker a colon introduces the quote with: 'Sanders delivered a
    snappy retort: "..."', 'Continued Stone: "..."', or a bare label as in a
    transcript ('Rep. Trey Gowdy (R-S.C.): "..."', 'Clinton: "..." Bush: "..."').
    """
    text = text_of(doc)
    k = rstrip_end(text, q.start - 1)
    # "Trump also embraced enhanced interrogation -- '...'": a dash introduces
    # words as a colon does.
    dashed = k > 1 and (text[k - 1] in "\u2014\u2013" or text[k - 2 : k] in ("--", " -"))
    if k <= 0 or (text[k - 1] != ":" and not dashed):
        return None
    before = [t for t in before if t.idx < k - 1 and not (dashed and t.idx >= k - 2)]
    dash = next((i for i in range(len(before) - 1, -1, -1) if _spaced_dash(before[i])), None)
    if dash is not None:
        before = before[dash + 1 :]  # "Pollsters agree - Carl Bialik: '...'"
    if not before:
        return None
    p = q.paragraph
    # The last cue before the colon ("Axelrod said this was a '...' and that she
    # has learned her lesson: '...'"), else the last verb.
    verb = next((t for t in reversed(before) if att.subjects.is_cue(t)), None)
    if verb is None:
        # The main verb ("Clinton has since apologized for what happened:").
        verbs = [t for t in before if t.pos_ in ("VERB", "AUX")]
        verb = min(verbs, key=lambda t: len(list(t.ancestors))) if verbs else None
        # A clause that a cue before an earlier quote reports goes on.
        cue = next((a for a in verb.ancestors if att.subjects.is_cue(a)), None) if verb else None
        verb = cue if cue is not None and cue.i not in quoted else verb
    if verb is not None:
        subj = att.subjects.subject_of(verb)
        who = att.speakers.resolve(subj, p) if subj is not None else None
        if who is None and verb.i == before[0].i:
            # "Continued Stone:", "Said Ellis:": the name after the verb.
            name = next(
                (t for t in before if t.i > verb.i and (t.ent_type_ or t.pos_ == "PROPN")),
                None,
            )
            who = att.speakers.resolve(name, p) if name is not None else None
        if dashed and att.kinds.get(who or "") != "person":
            return None
        return (who, verb.text, True) if who else None
    if len(before) > 12 or dashed:
        return None
    # A label: a name (after its title, before its party) ends right at the colon.
    end = k - 1
    party = _PARTY_AT_END.search(text, before[0].idx, end)
    end = party.start() if party else end
    ends = [t for t in before if t.idx + len(t) <= end]
    if not ends:
        return None
    last = ends[-1]
    if not (last.ent_type_ in ("PERSON", "ORG") or (last.is_title and last.pos_ == "PROPN")):
        return None
    first = last
    while first.i > before[0].i and doc[first.i - 1].ent_iob_ == "I" and first.ent_iob_ == "I":
        first = doc[first.i - 1]
    if first.i > 0 and doc[first.i - 1].pos_ == "ADP":
        return None  # "Then, later that month on CNN:" is no one's label
    who = att.speakers.resolve(last, p)
    if who and att.kinds.get(who) in ("person", "organization"):
        return who, None, True
    return None


def adjacent_cue(att: Attributor, q: QuoteSpan, doc: Doc, after: list[Token]) -> Token | None:
    """The cue of '"...," Trump said' or '"...," said Trump': right after a quote
    that ends open, with at most a name between them."""
    text = text_of(doc)
    if not ends_open(text, q, (",", "?", "!")):
        return None
    for t in after[:5]:
        if att.subjects.is_cue(t):
            return t
        if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ") and _speaks_alone(att, t, after, q):
            return t  # '"France will always be France," an angry Hollande retaliated.'
        if t.pos_ in ("VERB", "AUX", "SCONJ", "ADP") or t.text in ".;:":
            return None
    return None


def _speaks_alone(att: Attributor, verb: Token, after: list[Token], q: QuoteSpan) -> bool:
    """A verb after a quote that can only be how it was said: a person as its
    subject between the quote and the verb, no object but the quote, and the
    sentence ends there."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i < after[0].i:
        return False
    if att.kinds.get(att.speakers.resolve(subj, q.paragraph) or "") != "person":
        return False
    if any(
        c.dep_ in ("dobj", "xcomp", "prep", "advcl") or (c.dep_ == "ccomp" and c.idx > q.end)
        for c in verb.children
    ):
        return False
    nxt = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    return nxt is None or nxt.text in (".", "“", '"')


def named_cue_before(
    att: Attributor, q: QuoteSpan, before: list[Token]
) -> tuple[str, str, bool] | None:
    """The speaker of the cue that introduces the quote from right before it,
    where that cue names someone."""
    cue = introducing_cue(att, before, q)
    if cue is None:
        return None
    who, _ = att.subjects.speaker_of(cue, q.paragraph)
    return (who, att.subjects.cue_text(cue), True) if who else None


def introducing_cue(att: Attributor, before: list[Token], q: QuoteSpan) -> Token | None:
    """The last cue before the quote, where it introduces the quote."""
    cue = next((t for t in reversed(before) if att.subjects.is_cue(t)), None)
    return cue if cue is not None and _introduces(cue, before, q) else None


def _introduces(cue: Token, before: list[Token], q: QuoteSpan) -> bool:
    """A cue before the quote introduces it when nothing but its complement
    (", that, :" and a few words) stands between them."""
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return True  # "As Ms. Simonyan put it in a statement, RT is ..."
    tail = [t for t in before if t.i > cue.i]
    return len(tail) <= 6


def _spaced_dash(tok: Token) -> bool:
    """A dash between words ("agree - Carl Bialik"), not a hyphen ("R-S.C.")."""
    return tok.text in DASHES and (
        tok.text != "-" or (bool(tok.whitespace_) and tok.i > 0 and bool(tok.nbor(-1).whitespace_))
    )


def _name_after(cue: Token, quoted: set[int], subject_before: bool = False) -> Token | None:
    """The name written right after a cue that comes before its speaker ('"...,"
    said James Acton'; 'Any "cleareyed" reading, said Michael Kofman, an expert,
    would ...'), however the parser hung it; None for other cues."""
    if cue.tag_ == "VBG":
        return None  # '"...", saying Mr. Trump ...' never puts the speaker after it
    before = [cue.doc[i].text for i in range(max(cue.i - 2, 0), cue.i)]
    closing = ("\u201d", '"', "''")
    right_after_quote = bool(before) and (
        before[-1] in closing or (before[-1] == "," and len(before) > 1 and before[-2] in closing)
    )
    if cue.lemma_.lower() not in INVERTIBLE_CUES and (subject_before or not right_after_quote):
        return None  # any cue may come first right after the quote: '"...," mused X'
    doc = cue.doc
    nxt = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    # Over a title: "said former Pennsylvania Gov. and Democratic National Committee
    # Chairman Ed Rendell".
    k = cue.i + 1
    while (
        k < min(len(doc), cue.i + 14)
        and doc[k].ent_type_ != "PERSON"
        and k not in quoted
        and (
            doc[k].is_title
            or doc[k].lower_ in ("and", "of", "the", "former", "a", "-")
            or (doc[k].pos_ == "NOUN" and doc[k].is_lower)  # "Blaze co-host Stu Burguiere"
        )
        and doc[k].pos_ not in ("VERB", "AUX", "PRON")
    ):
        k += 1
    first = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if (
        not subject_before
        and k > cue.i + 1
        and k < len(doc)
        and doc[k].ent_type_ == "PERSON"
        and first is not None
        and first.lower_ not in ("of", "and", "a")  # "wrote of Ms. Merkel"
    ):
        root = doc[k]
        while root.dep_ in ("compound", "flat") and root.head.i != root.i:
            root = root.head
        # not "said the Obama administration should ...": a subject of what is said
        if not (root.dep_ in SUBJECT_DEPS and root.head.i != cue.i):
            nxt = doc[k]
    if (
        nxt is not None
        and not nxt.ent_type_
        and nxt.pos_ in ("PROPN", "NOUN", "ADV")  # the parser's guess for a name it lacks
        and nxt.is_title
        and (nxt.i + 1 == len(doc) or doc[nxt.i + 1].text in (",", "."))
    ):
        return nxt  # '"...," said Skelly, explaining ...': a surname the model missed
    if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B":
        end = nxt.i
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        name = doc[end]
        if name.dep_ == "poss" and name.head.i > name.i:
            # 'exhorted Clinton's introducer, actress Jamie Lee Curtis': the one she owns
            return name.head
        # Not the subject of the clause a cue with a subject of its own reports
        # ("Garten said Nunberg was '...'", "King says Ali '...'").
        clause = name.head
        reported = name.dep_ in SUBJECT_DEPS and clause.dep_ == "ccomp" and clause.head.i == cue.i
        # but "..., said Michael Kofman, an expert, would see": a name set off by a comma
        set_off = end + 1 < len(doc) and doc[end + 1].text == ","
        # nor "Massie ... but now said Trump had '...'", away from any quotation
        if not (reported and (subject_before or not right_after_quote) and not set_off):
            return name
    for child in cue.children:
        if (
            child.i > cue.i
            and child.i not in quoted
            and child.dep_ in ("dobj", "attr", "npadvmod", "oprd")
            # "said Jim Doyle", or a document: "concluded an article in the Times"
            and (child.ent_type_ in ("PERSON", "ORG") or child.lemma_.lower() in DOCUMENTS)
            # "asking the Justice Department to investigate": who is asked, not who asks
            and not any(g.dep_ == "xcomp" for g in cue.children)
        ):
            return child
    return None
