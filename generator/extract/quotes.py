"""Quotations and who said them. The marks are paired by `marks.find_quote_spans`.

`extract_quotes(article, docs, index)` attributes each span, walking the text in
order and keeping track of who was last speaking:

1. a cue (a verb of `rules/cues.yaml` such as "said", "told reporters",
   "conceded") that the quote depends on, or that stands next to it in the same
   sentence (`"...," said Kang Kyung-wha`; `Mr. Kye said, "..."`; `He said: "..."`);
   the cue's subject is the speaker, found through relative clauses ("Mr. Wang, who
   said ..."), participles ("stressing that ...") and conjuncts;
2. a cue noun ("Mr. Trump's declaration that ...") with its possessor;
3. no cue: the quote continues the previous quote of its paragraph, or of the
   previous paragraph when it fills a paragraph of its own.

Subjects are resolved to entities: a named mention directly; "he"/"she" to the
person last speaking or last the subject of a sentence before this one (with
"Mr."/"Ms." telling men from women); "the department" to the organization of that
name last mentioned; "the president" to the person last given that role;
"White House officials" to the White House. Quotes with no cue and no speech
around them (scare quotes, titles) get no speaker.

Reported speech without marks ("Mr. Pompeo told Asian powers that ...") is
extracted as `indirect`: a cue verb with a person or organization subject and a
`that`-clause or clausal complement.

It misses: speakers named only after several sentences, pronouns whose antecedent
is not a subject, and quotes whose cue the parser attaches elsewhere.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice
from typing import TYPE_CHECKING

from generator.extract.attribution import PERSON_PRONOUNS, Attributor
from generator.extract.entities import EntityIndex
from generator.extract.marks import (
    CLOSING,
    STRAIGHT,
    QuoteSpan,
    find_quote_spans,
    spans_by_paragraph,
)
from generator.extract.missed import SIGNATURE as _SIGNATURE
from generator.extract.missed import TRANSCRIPT_LABEL as _TRANSCRIPT_LABEL
from generator.extract.sieves import attribute
from generator.extract.tokens import (
    children_of,
    ent_of,
    first_token_from,
    quoted_ids,
    rstrip_end,
    text_of,
)
from generator.model import Article, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def _whole_sentence(text: str, q: QuoteSpan, sent: Span) -> bool:
    """Whether the quote is its sentence: the marks open it and close it."""
    before = text[sent.start_char : max(q.start - 1, sent.start_char)].strip()
    after = text[q.end + 1 : sent.end_char].strip()
    inner = text[q.start : q.end].rstrip()
    return not before and not after.strip('\u201d"') and inner[-1:] in ".?!"


def _kind(text: str, q: QuoteSpan) -> str:
    inner = text[q.start : q.end]
    k = rstrip_end(text, max(q.start - 1, 0))
    starts_sentence = q.continues or not k or text[k - 1] in ".?!:,;\u2014\u2013"
    first = inner.lstrip("\u2026. ")[:1]
    has_sentence_break = re.search(r"[.?!]\s+[A-Z\u201c\"]", inner) is not None
    if (first.isupper() and starts_sentence) or has_sentence_break:
        return "direct"
    return "partial"


def extract_quotes(article: Article, docs: list[Doc], index: EntityIndex) -> list[Quote]:
    spans = find_quote_spans([text_of(d) for d in docs])
    by_paragraph = spans_by_paragraph(spans)
    att = Attributor(article, docs, index)
    results: list[tuple[QuoteSpan, str | None, str | None]] = []
    last_of_paragraph: dict[int, str | None] = {}
    carried: dict[int, str | None] = {}  # who a paragraph without quotations goes on about
    reported_last: dict[int, str | None] = {}  # the speaker a paragraph ends on
    for p, doc in enumerate(docs):
        pspans = by_paragraph.get(p, [])
        quoted = quoted_ids(doc, pspans)
        starts = [s.start for s in pspans]
        att._quoted[p] = quoted
        att._quoted_doc[id(doc)] = quoted
        prev_speaker: str | None = None
        unnamed = False  # the last words were given to someone the text does not name
        prev_sent: Span | None = None
        # '"..." ... "..." \u2015 Christina Lastra.': a signature ending the paragraph
        # signs every quotation in it that names no one else.
        signed = _signature(doc, p, index) if pspans else None
        # "WALLACE: But, Governor, as the Journal wrote, '...'": a transcript's
        # speaker says all of the paragraph.
        label = _TRANSCRIPT_LABEL.match(text_of(doc)) if pspans else None
        if label is not None:
            signed = att.speakers.person_named(label.group(1).split()[-1].title()) or signed
        for sent in doc.sents:
            in_sent = pspans[
                bisect_left(starts, sent.start_char) : bisect_left(starts, sent.end_char)
            ]
            for q in in_sent:
                speaker, cue, speech = attribute(att, q, doc, quoted, pspans)
                if signed is not None and (speaker is None or not cue or label is not None):
                    speaker = signed
                elif speaker is None and not speech:
                    if unnamed:
                        pass  # '"...," said one longtime adviser. "...": still the adviser
                    elif prev_speaker is not None:
                        speaker = prev_speaker  # the quote goes on after "he said."
                    elif q.continues or (_opens(doc, q) and p - 1 in last_of_paragraph):
                        speaker = last_of_paragraph.get(p - 1)
                    elif _opens(doc, q) and reported_last.get(p - 1):
                        # 'Garland said unemployment has broad costs.' then a
                        # paragraph that opens with a quotation: hers.
                        speaker = reported_last[p - 1]
                    elif prev_sent is not None and _whole_sentence(text_of(doc), q, sent):
                        # 'Sen. Sanders ... identified X as a reason. "The younger
                        # people are ..."': a quoted sentence standing alone speaks
                        # for the person the sentence before is about.
                        speaker = att.speakers.person_subject(prev_sent, p, quoted)
                    if speaker is None and not _whole_sentence(text_of(doc), q, sent):
                        # Words quoted in a sentence about someone, with no cue of
                        # their own ("The former congressman thinks the gun issue
                        # should be a 'litmus test'"): the main clause's subject's.
                        speaker = att.speakers.main_subject(sent, p, quoted)
                    if speaker is None and _opens(doc, q) and carried.get(p - 1):
                        speaker = carried[p - 1]
                if speaker:
                    prev_speaker = speaker
                unnamed = speaker is None and (bool(cue) or unnamed)
                results.append((q, speaker, cue))
            said = None
            if not in_sent:
                # "..., Schiff said." before a quote that names nobody: his words.
                said = att.speakers.sentence_speaker(sent, p, quoted)
                prev_speaker = said or prev_speaker
                unnamed = unnamed and not said
            if said or in_sent or not reported_last.get(p) or not _aside(sent, att, p):
                reported_last[p] = said
            elif att.kinds.get(reported_last[p]) != "person":
                reported_last[p] = None  # "Cologne police say ...": not one person
            # else "Richards also spoke about the case. (The laws require ...)": a
            # sentence about no one keeps her the one reported.
            att.speakers.observe(sent, p, quoted)
            prev_sent = sent
        if pspans:
            last_of_paragraph[p] = results[-1][1]
        elif last_of_paragraph.get(p - 1) and _still_about(doc, att, p, last_of_paragraph[p - 1]):
            # '"...," said Amira Haddad. / She moved to Halifax in 2009. / "...": hers,
            # when nothing else names the speaker of the quotation.
            carried[p] = last_of_paragraph[p - 1]
        if text_of(doc).rstrip().endswith(":"):
            # "The New York Times reports:" then the quotation.
            last = list(doc.sents)[-1] if len(doc) else None
            said = att.speakers.sentence_speaker(last, p, quoted) if last is not None else None
            last_of_paragraph[p] = said or att.salience.person("he")
    _sign_from_below(docs, att, results)
    _fill_chains(results)
    quotes = [
        Quote(
            id=f"{article.id}-q{n + 1}",
            article=article.id,
            paragraph=q.paragraph,
            start=q.start,
            end=q.end,
            text=text_of(docs[q.paragraph])[q.start : q.end],
            speaker=speaker,
            kind=_kind(text_of(docs[q.paragraph]), q),
            cue=cue,
        )
        for n, (q, speaker, cue) in enumerate(results)
    ]
    quotes.extend(extract_indirect(article, docs, att, spans, start=len(quotes)))
    return quotes


# "- Bernie Sanders." as a paragraph of its own, under a paragraph of quotation.
_SIGNED_BELOW = re.compile(r"^[-\u2015\u2014\u2013]+\s*([A-Z][\w.'\u2019 -]{1,60}?)\.?\s*$")


def _sign_from_below(docs: list[Doc], att: Attributor, results: list) -> None:
    """A paragraph that is nothing but a dash and a name signs the quotations of
    the paragraph above that name no one else (a fact-check's "claim - speaker")."""
    for p in range(1, len(docs)):
        m = _SIGNED_BELOW.match(text_of(docs[p]))
        if m is None:
            continue
        key = _signer(docs[p], p, att.index, m.start(1))
        key = key or att.speakers.person_named(m.group(1).split()[-1])
        if key is None:
            continue
        for i, (q, speaker, cue) in enumerate(results):
            if q.paragraph == p - 1 and (speaker is None or not cue):
                results[i] = (q, key, cue)


def _signature(doc: Doc, p: int, index: EntityIndex) -> str | None:
    """The person whose name, after a dash, ends the paragraph."""
    text = text_of(doc)
    m = _SIGNATURE.search(text)
    if not m:
        return None
    return _signer(doc, p, index, m.start(1))


def _signer(doc: Doc, p: int, index: EntityIndex, start: int) -> str | None:
    """The entity of the name a signature starts at `start` (the model's span, else
    the one `missed.signatures` added)."""
    tok = first_token_from(doc, start)
    ent = ent_of(tok) if tok is not None and tok.ent_type_ == "PERSON" else None
    return index.key_at(p, ent.start_char if ent is not None else start)


def _aside(sent: Span, att: Attributor, p: int) -> bool:
    """A sentence whose subjects are neither people nor pronouns for them."""
    for t in sent:
        if t.dep_ in ("nsubj", "nsubjpass") and (
            t.lower_ in PERSON_PRONOUNS
            or att.kinds.get(att.speakers.resolve(t, p) or "") == "person"
        ):
            return False
    return True


def _still_about(doc: Doc, att: Attributor, p: int, key: str) -> bool:
    """Whether a paragraph without quotations goes on about the person who spoke
    last: its first subject is "he" or "she" for them (or their name), and it
    names no one else."""
    for ent in doc.ents:
        if ent.label_ == "PERSON" and att.index.key_at(p, ent.start_char) != key:
            return False
    sents = list(doc.sents)
    if not sents or att.kinds.get(key) != "person":
        return False
    subj = next((t for t in sents[0] if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    if subj.lower_ in ("he", "she"):
        gender = att.salience.genders.get(key)
        return gender is None or gender == PERSON_PRONOUNS.get(subj.lower_)
    ent = ent_of(subj)
    return ent is not None and att.index.key_at(p, ent.start_char) == key


def _opens(doc: Doc, q: QuoteSpan) -> bool:
    """A quote that opens its paragraph, or follows no more than a short aside with
    no verb and a colon ("Then, later that month on CNN: '...'")."""
    if q.start <= 1:
        return True
    text = text_of(doc)
    intro = text[: q.start - 1].rstrip()
    if not intro.endswith(":") or len(intro) > 60:
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in doc if t.idx < len(intro))


def _fill_chains(results: list) -> None:
    """A quote running over paragraphs has one speaker, wherever it is named."""
    i = 0
    while i < len(results):
        j = i
        while j + 1 < len(results) and results[j + 1][0].continues:
            j += 1
        if j > i:
            speaker = next((r[1] for r in results[i : j + 1] if r[1]), None)
            cue = next((r[2] for r in results[i : j + 1] if r[2]), None)
            for k in range(i, j + 1):
                q, s, c = results[k]
                results[k] = (q, s or speaker, c or cue)
        i = j + 1


def extract_indirect(
    article: Article, docs: list[Doc], att: Attributor, spans: list[QuoteSpan], start: int
) -> list[Quote]:
    """Reported speech without marks: a cue verb with a named subject and a clause."""
    out: list[Quote] = []
    by_paragraph = spans_by_paragraph(spans)
    for p, doc in enumerate(docs):
        quoted = quoted_ids(doc, by_paragraph.get(p, ()))
        trees: _Subtrees | None = None
        for cue in doc:
            if not att.subjects.is_cue(cue) or cue.i in quoted:
                continue
            clause = next((c for c in children_of(cue) if c.dep_ == "ccomp"), None)
            if clause is None or clause.i < cue.i:
                continue
            # What `list(clause.subtree)` tells, without listing it: clauses nest
            # ("said Kim said Moon said ..."), and listing each is quadratic.
            if trees is None:
                trees = _Subtrees(doc, quoted)
            c = clause.i
            if trees.size[c] < 4 or trees.quoted[c] == trees.size[c]:
                continue
            subj = att.subjects.subject_of(cue)
            # Pronouns are left out: the speaker tracking of the quotes is done by now.
            if subj is None or subj.lower_ in PERSON_PRONOUNS or subj.pos_ == "PRON":
                continue
            head = list(islice(clause.subtree, 2))
            last = doc[trees.last[c]]
            if head[0].i <= subj.i <= last.i:
                continue  # the speaker inside what is said: a misparse, not speech

            speaker = att.speakers.resolve(subj, p)
            if speaker is None:
                continue
            first = head[0] if head[0].dep_ != "mark" else head[1]
            span: Span = doc[first.i : last.i + 1]
            end = span.end_char
            # Keep quotation marks inside the reported clause balanced.
            text = text_of(doc)
            if text[end : end + 1] in (CLOSING, STRAIGHT) or text[end : end + 2] in (
                "." + CLOSING,
                "," + CLOSING,
                '."',
            ):
                while text[end] in ".,":
                    end += 1
                end += 1
            out.append(
                Quote(
                    id=f"{article.id}-q{start + len(out) + 1}",
                    article=article.id,
                    paragraph=p,
                    start=span.start_char,
                    end=end,
                    text=text_of(doc)[span.start_char : end],
                    speaker=speaker,
                    kind="indirect",
                    cue=att.subjects.cue_text(cue),
                )
            )
    return out


class _Subtrees:
    """Of every token of `doc`: the size of its subtree, how many of those tokens
    are `quoted`, and the last token `Token.subtree` yields (the last of its
    rightmost child's, recursively), all found in one pass from the leaves up."""

    def __init__(self, doc: Doc, quoted: set[int]) -> None:
        n = len(doc)
        kids: list[list[int]] = [[] for _ in range(n)]
        roots = []
        for t in doc:
            h = t.head.i
            if h == t.i:
                roots.append(t.i)
            else:
                kids[h].append(t.i)
        order = list(roots)  # parents before children
        for i in order:
            order.extend(kids[i])
        self.size = [1] * n
        self.quoted = [1 if i in quoted else 0 for i in range(n)]
        self.last = list(range(n))
        for i in reversed(order):
            right = [k for k in kids[i] if k > i]
            if right:
                self.last[i] = self.last[right[-1]]
            for k in kids[i]:
                self.size[i] += self.size[k]
                self.quoted[i] += self.quoted[k]
