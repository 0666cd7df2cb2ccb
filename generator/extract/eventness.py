"""Whether a clause tells an event: something that happened, or is scheduled, at a time.

`event_kind(verb)` reads the clause of `verb` from the parse and the rules in
`generator/rules/events.yaml`, and says "past" (it happened), "present" (a formal
act told in the present, as headlines do: "Sanders announces ..."), "future" (it
will happen: a scheduled event where its date is after the article's) or None,
with the reason (`why_not`):

* mood and modality: "would cost", "could rise", "may vote" are forecasts and
  hypotheticals; a clause under "if", "unless", "whether", and the main clause a
  condition hangs on, are conditionals; a question is none;
* tense and aspect: the present perfect ("has called") and the progressive ("is
  seizing") say what holds, not what happened; a plain present is only an event
  for a formal act ("announces", "signs") or a finding ("a review shows");
* the verb's class: a statement of a view (say, argue, call, embrace, criticize)
  is a stance; knowing and wanting (believe, hope, plan) and being and having (be,
  remain, hold, cost) are states, unless what is held is an event ("held a
  summit"); a decision (reject, rule, approve) is an event when a body takes it
  ("the House rejected the deal") and a stance in a person's mouth; "reported",
  "published" are events when a newspaper or a body is the subject; "showed",
  "found" when a study, a poll or a review is;
* habits ("often", "usually"), careers ("a former official who directed ...") and
  negated clauses ("did not release") are none.

It misses events told by a noun ("the Feb. 13 death of Justice Scalia") and
events whose verb is a stance verb used as an act ("she called an election").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from generator import rules

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@functools.cache
def _rules() -> dict[str, frozenset[str]]:
    data = rules.load("events.yaml")
    return {k: frozenset(v) for k, v in data.items() if k != "link_line_patterns"}


@functools.cache
def _link_lines() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in rules.load("events.yaml")["link_line_patterns"])


def rule(name: str) -> frozenset[str]:
    return _rules()[name]


def lemma(verb: Token) -> str:
    """The verb's lemma, with its particle where it has one ("back out")."""
    base = verb.lemma_.lower()
    prt = next(
        (
            c
            for c in verb.children
            if c.dep_ == "prt"
            or (c.dep_ == "advmod" and c.lower_ in PARTICLES and c.i == verb.i + 1)
        ),
        None,
    )
    return f"{base} {prt.lower_}" if prt is not None else base


PARTICLES = {"apart", "through", "down", "out", "off", "up", "over", "away", "back"}


def _in(verb: Token, name: str) -> bool:
    """The verb is in a list: a phrasal verb only as itself ("back out" is not "back");
    an entry of two words also as the verb and its preposition ("run for", "call on")."""
    return lemma(verb) in rule(name) or bool(_forms(verb) & _phrases(name))


@functools.cache
def _phrases(name: str) -> frozenset[str]:
    return frozenset(e for e in rule(name) if " " in e)


def _forms(verb: Token) -> set[str]:
    """The verb with its particle, its object or its first preposition: "take
    effect", "go into", "put it"."""
    base = verb.lemma_.lower()
    out = {lemma(verb)}
    for c in verb.children:
        if c.dep_ in ("dobj", "prep") and c.i > verb.i:
            out.add(f"{base} {c.lower_}")
    return out


def _wh_clause(verb: Token) -> bool:
    """An indirect question: "who controls the Senate", "whose term ends"."""
    if verb.dep_ in ("relcl", "advcl", "acl"):
        return False  # "a freeze that ...", "when he announced ...": not a question
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "mark", "advmod", "dobj") and c.tag_ in (
            "WP",
            "WP$",
            "WDT",
            "WRB",
        ):
            return c.i < verb.i
        if c.dep_ in ("nsubj", "nsubjpass") and any(g.tag_ in ("WP$", "WDT") for g in c.children):
            return True
    return False


def _attribution(verb: Token) -> bool:
    """'..., Fox News reports.', 'wrote in an email', 'said in a statement': who
    said a thing, not an act."""
    if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return True
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(g.lemma_.lower() in rule("speech_media") for g in c.children if g.dep_ == "pobj")
        for c in verb.children
    )


def subject(verb: Token) -> Token | None:
    """The verb's subject, through coordination and relative clauses ("the court,
    which ruled ...", "Mexico accepted ... and joined ...")."""
    head = verb
    while True:
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.lower_ in ("that", "which", "who") and head.dep_ == "relcl":
                return head.head
            return subj
        if head.dep_ in ("conj", "xcomp") and head.head.i != head.i:
            head = head.head
            continue
        if head.dep_ == "acl" and head.tag_ == "VBN":
            return None  # "a poll released in August": no subject of its own
        return None


def _auxes(verb: Token) -> list[Token]:
    """The verb's auxiliaries, and those of the verb it is coordinated with ("would
    rise and fall") or is the complement of ("is scheduled to hear")."""
    out = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    head = verb
    while not any(a.tag_ == "MD" or a.lemma_ in ("have", "be", "do") for a in out) and (
        head.dep_ == "conj" and head.head.i != head.i
    ):
        head = head.head
        out += [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    return out


def _scheduled(verb: Token) -> bool:
    """'is scheduled to hear', 'is set to vote', 'is due to rule': said in the present."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i:
        return False
    if head.lemma_.lower() in rule("schedule_words"):
        return any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in head.children
        ) or head.tag_ in ("VBZ", "VBP")
    return False


def tense(verb: Token) -> str:
    """'modal', 'future', 'perfect' (present perfect), 'progressive', 'present',
    'past' or 'nonfinite' (an infinitive or a gerund with no tense of its own)."""
    auxes = _auxes(verb)
    words = {a.lower_ for a in auxes}
    if words & rule("modals"):
        return "modal"
    if words & rule("future_auxiliaries") or _scheduled(verb):
        return "future"
    if any(a.lower_ == "going" for a in auxes) or (
        verb.dep_ == "xcomp" and verb.head.lower_ == "going"
    ):
        return "future"
    have = [a for a in auxes if a.lemma_ == "have"]
    if have:
        return "perfect" if have[0].tag_ in ("VBZ", "VBP") else "past"
    if verb.tag_ == "VBG":
        be = [a for a in auxes if a.lemma_ == "be"]
        return "progressive" if be else "nonfinite"
    if verb.tag_ == "VBD":
        return "past"
    if verb.dep_ in ("advcl", "xcomp") and any(c.lower_ == "only" for c in verb.children):
        return tense(verb.head)  # "was negotiated, only to be abandoned": what followed
    if verb.tag_ == "VBN":
        be = [a for a in auxes if a.lemma_ == "be"]
        if be:
            # "was thrown" happened; "is lifted" (a state) and "to be made" are not.
            return "past" if be[0].tag_ == "VBD" else "nonfinite"
        return "past" if verb.dep_ in ("acl", "conj", "advcl", "ROOT") else "nonfinite"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if any(a.tag_ == "VBD" for a in auxes):  # "did produce"
        return "past"
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return "nonfinite"


def conditional(verb: Token) -> bool:
    """The verb is in a clause under "if"/"unless"/"whether", or is the main clause
    such a clause hangs on."""
    marks = rule("conditional_marks")
    for tok in [verb, *verb.ancestors]:
        for c in tok.children:
            if c.dep_ == "mark" and c.lower_ in marks and tok.i == verb.i:
                return True
            if c.dep_ in ("advcl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ in marks for m in c.children
            ):
                return True
        if tok.dep_ in ("advcl", "ccomp") and any(
            m.dep_ == "mark" and m.lower_ in marks for m in tok.children
        ):
            return True
    return False


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "neg" for c in verb.head.children if verb.dep_ == "xcomp"
    )


def _habitual(verb: Token) -> bool:
    habit = rule("habit_adverbs")
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in habit:
            return True
        if c.dep_ in ("npadvmod", "prep") and any(t.lower_ in ("every", "each") for t in c.subtree):
            return True
    return False


def _head_lemma(tok: Token | None) -> str:
    return tok.lemma_.lower() if tok is not None else ""


def _is_body(subj: Token | None) -> bool:
    if subj is None:
        return False
    if subj.ent_type_ in ("ORG", "NORP", "GPE"):
        return True
    return _head_lemma(subj) in rule("body_nouns") or subj.lower_ in rule("body_nouns")


def _is_document(subj: Token | None) -> bool:
    return subj is not None and _head_lemma(subj) in rule("document_nouns")


def _object_is_speech(verb: Token) -> bool:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and _head_lemma(obj) in rule("speech_nouns")


def _object_is_event(verb: Token) -> bool:
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    return obj is not None and _head_lemma(obj) in rule("event_nouns")


def _career(verb: Token) -> bool:
    if not _in(verb, "career_verbs"):
        return False
    subj = subject(verb)
    served_as = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    former = subj is not None and any(t.lower_ == "former" for t in subj.subtree)
    return former or served_as


def is_question(sent: Span) -> bool:
    return sent.text.rstrip(" \"'\u201d\u2019)").endswith("?")


def is_link_line(sent: Span) -> bool:
    return any(p.search(sent.text) for p in _link_lines())


def why_not(verb: Token) -> str | None:
    """None when the verb's clause tells an event; else the kind of non-event."""
    sent = verb.sent
    if is_question(sent):
        return "question"
    if is_link_line(sent):
        return "link line"
    if verb.pos_ not in ("VERB", "AUX"):
        return "no verb"
    if conditional(verb):
        return "conditional"
    t = tense(verb)
    if t == "modal":
        return "hypothetical"
    if t in ("perfect", "progressive", "nonfinite"):
        return "standing state"
    if _negated(verb):
        return "negated"
    if _habitual(verb):
        return "habit"
    if _wh_clause(verb):
        return "question"
    if _forms(verb) & rule("stance_phrases"):
        return "stance"
    if (_in(verb, "publication_verbs") or _in(verb, "stance_verbs")) and _attribution(verb):
        return "stance"
    subj = subject(verb)
    if subj is not None and subj.lower_ in ("i", "we", "you", "me", "us"):
        return "commentary"  # the writer's or a speaker's own voice
    if _in(verb, "decision_verbs") and _is_body(subj):
        return None
    if _in(verb, "publication_verbs") and (_is_body(subj) or _is_document(subj)):
        return None
    if _in(verb, "finding_verbs") and _is_document(subj):
        return None
    if t == "present" and not _in(verb, "formal_verbs"):
        return "standing state"
    if t == "future" and (
        not (_forms(verb) & (rule("scheduled_verbs") | rule("formal_verbs")))
        or (_in(verb, "state_verbs") and not _object_is_event(verb))
    ):
        return "forecast"  # "the problems will await the winner", "will hold a lead"
    if _in(verb, "cognition_verbs"):
        return "stance"
    if _in(verb, "intent_verbs") and any(c.dep_ == "xcomp" for c in verb.children):
        return "intent"
    if _in(verb, "stance_verbs") or _in(verb, "decision_verbs") or _object_is_speech(verb):
        return "stance"
    if _in(verb, "state_verbs") and not _object_is_event(verb):
        return "standing state"
    if _career(verb):
        return "career"
    return None


def scheduled_present(verb: Token) -> bool:
    """A present tense that tells what is to come when its date is after the
    article's ("The tax takes effect in April"): not a state, a view or a habit."""
    if tense(verb) != "present" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if is_question(verb.sent) or conditional(verb) or _negated(verb) or _habitual(verb):
        return False
    if _in(verb, "state_verbs") and not _object_is_event(verb):
        return False  # "holds a 10-point lead", not "holds its primary"
    return bool(_forms(verb) & rule("scheduled_verbs")) and not _wh_clause(verb)


def event_kind(verb: Token) -> str | None:
    """'past', 'present' or 'future' for a clause that tells an event, else None."""
    if why_not(verb) is not None:
        return None
    t = tense(verb)
    return t if t in ("past", "present", "future") else None
