"""`editorial/topics.yaml`: the topics, their terms, the proposal each may have on
the table (for "Where they stand") and the editors' questions (for "What to know").

Read and checked like every editor's file (see `editorial.py`): each problem is
one line naming the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.editorial import (
    MAX_TEXT,
    READ,
    RESERVED_TOPIC_IDS,
    EditorialError,
    flag,
    ident,
    line_of,
    listed,
    load_yaml,
    mapping,
    text,
    texts,
)

TOPIC_KEYS = {"id", "name", "description", "terms", "history", "proposal", "questions"}
SHOWS = ("positions", "history", "passages")
MAX_QUESTIONS = 12


@dataclass(frozen=True)
class Proposal:
    """What a topic's actors can be for or against ("a freeze", "ending the joint
    exercises"). `terms` name the thing (matched on lemmas); with `actions`, only
    the thing governed by one of them counts ("end ... exercises", "relief from
    sanctions"), since being for exercises is not being for ending them."""

    name: str
    terms: tuple[str, ...]
    actions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """An editor's question for the "What to know" cards; `answer` is the editor's
    own (optional), `show` the kind of evidence under it (guessed when not given)."""

    question: str
    answer: str | None = None
    show: str = "passages"


@dataclass(frozen=True)
class TopicSpec:
    id: str
    name: str
    description: str
    terms: tuple[str, ...]
    history: bool = False
    proposal: Proposal | None = None
    questions: tuple[Question, ...] = ()


def load_topics(path: Path, raw: bytes | None | object = READ) -> tuple[TopicSpec, ...]:
    data = load_yaml(path, raw)
    if data is None:
        return ()
    out: list[TopicSpec] = []
    seen: set[str] = set()
    for entry in listed(path, data, "topics"):
        entry = mapping(path, entry, "topic", line_of(data))
        unknown = sorted(str(k) for k in set(entry) - TOPIC_KEYS - {"__line__"})
        if unknown:
            raise EditorialError(path, line_of(entry), f"a topic has no '{unknown[0][:40]}'")
        for key in ("id", "name", "terms"):
            if entry.get(key) in (None, "", []):
                raise EditorialError(path, line_of(entry), f"a topic needs '{key}'")
        tid = ident(path, entry, "id", RESERVED_TOPIC_IDS)
        if tid in seen:
            raise EditorialError(path, line_of(entry), f"the topic id '{tid}' is used twice")
        seen.add(tid)
        if not isinstance(entry["terms"], list):
            raise EditorialError(path, line_of(entry), "'terms' must be a list of words")
        out.append(
            TopicSpec(
                id=tid,
                name=text(path, entry, "name", required=True),  # type: ignore[arg-type]
                description=text(path, entry, "description", max_len=MAX_TEXT) or "",
                terms=texts(path, entry, "terms", required=True),
                history=flag(path, entry, "history"),
                proposal=_proposal(path, entry),
                questions=_questions(path, entry),
            )
        )
    return tuple(out)


def _proposal(path: Path, entry: dict) -> Proposal | None:
    value = entry.get("proposal")
    if value is None:
        return None
    value = mapping(path, value, "proposal", line_of(entry))
    unknown = sorted(str(k) for k in set(value) - {"name", "terms", "actions", "__line__"})
    if unknown:
        raise EditorialError(path, line_of(value), f"a proposal has no '{unknown[0][:40]}'")
    return Proposal(
        name=text(path, value, "name", required=True, owner="a proposal"),  # type: ignore[arg-type]
        terms=texts(path, value, "terms", required=True, owner="a proposal"),
        actions=texts(path, value, "actions"),
    )


def _questions(path: Path, entry: dict) -> tuple[Question, ...]:
    value = entry.get("questions")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise EditorialError(path, line_of(entry), "'questions' must be a list")
    if len(value) > MAX_QUESTIONS:
        raise EditorialError(path, line_of(entry), f"more than {MAX_QUESTIONS} questions")
    out = []
    for q in value:
        if isinstance(q, str):
            q = {"question": q, "__line__": line_of(entry)}
        q = mapping(path, q, "question", line_of(entry))
        unknown = sorted(str(k) for k in set(q) - {"question", "answer", "show", "__line__"})
        if unknown:
            raise EditorialError(path, line_of(q), f"a question has no '{unknown[0][:40]}'")
        question = text(path, q, "question", required=True, owner="a question")
        assert question is not None
        show = text(path, q, "show") or guess_show(question)
        if show not in SHOWS:
            raise EditorialError(path, line_of(q), f"'show' must be one of {', '.join(SHOWS)}")
        out.append(Question(question, text(path, q, "answer", max_len=MAX_TEXT), show))
    return tuple(out)


def guess_show(question: str) -> str:
    """What evidence answers a question, from its words: "who wants ..." is answered
    by positions, "why did ... fail" and "what happened" by the history."""
    words = question.lower().replace("?", " ").split()
    if words[:1] == ["who"] or {"wants", "supports", "opposes", "stand"} & set(words):
        return "positions"
    history = {"why", "happened", "history", "past", "before", "fail", "failed", "collapsed"}
    if history & set(words) or words[:2] == ["how", "did"]:
        return "history"
    return "passages"
