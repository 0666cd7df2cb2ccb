"""The lookups that keep extraction linear in a paragraph's length give exactly
what spaCy's own properties give, word for word (the speed is measured by hand in
benchmarks/hostile.py; tests are never timed)."""

from __future__ import annotations

from generator.extract.quotes import _Subtrees
from generator.extract.tokens import children_of, root_of, sentence_lookup

TEXTS = [
    '"We will not give up," said Kim Jong-un, the leader. Officials said the talks, '
    "which began in Hanoi, had stalled. As Moon put it, a freeze is a start.",
    "said Kim said Moon said Trump " * 40,
    '"a ' * 60,
    "\u201ca \u201db " * 60,
    "Mr. Pompeo, who met Kim Yong-chol (the envoy) in New York, told reporters that "
    "the United States and North Korea had agreed; China's Foreign Ministry, however, "
    "said nothing at all.",
]


def test_the_lookups_give_what_spacy_gives(parse):
    for text in TEXTS:
        (doc,) = parse([text])
        spans = [*doc.ents, *doc.noun_chunks, *doc.sents]
        spans += [doc[i : i + n] for i in range(len(doc)) for n in (1, 2, 3) if i + n <= len(doc)]
        assert [root_of(s).i for s in spans] == [s.root.i for s in spans]
        for tok in doc:
            assert [c.i for c in children_of(tok)] == [c.i for c in tok.children]
        expected = [(t.sent.start, t.sent.end) for t in doc]
        with sentence_lookup([doc]):
            assert "sent" in doc.user_token_hooks
            assert [(t.sent.start, t.sent.end) for t in doc] == expected
        assert "sent" not in doc.user_token_hooks  # put back as it was
        quoted = {t.i for t in doc if t.i % 3 == 0}
        trees = _Subtrees(doc, quoted)
        for tok in doc:
            sub = list(tok.subtree)
            assert trees.size[tok.i] == len(sub)
            assert trees.quoted[tok.i] == sum(t.i in quoted for t in sub)
            assert trees.last[tok.i] == sub[-1].i
