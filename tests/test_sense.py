"""A topic's sense: a term counts where it names what the editors meant (invented
sentences), and a word two topics share goes to the one the sentence is about."""

from __future__ import annotations

import pytest

from generator.extract.sense import in_sense, pick, vocabulary

FREEZE = vocabulary(["Freezes", "freeze", "moratorium", "a freeze"])
FREEZE_DESCRIBED = FREEZE | vocabulary(["North Korea stops testing missiles for a while."])


@pytest.mark.parametrize(
    "sentence, term, expected",
    [
        ("They proposed a freeze on tests.", "freeze", True),
        ("They proposed a testing freeze.", "freeze", True),  # the description's word
        ("Beijing floated the North Korean freeze again.", "freeze", True),  # whose
        ("The freeze proposal was rejected.", "freeze", True),  # a generic head
        ("They want to freeze the accounts.", "freeze", False),  # a verb
        ("The hiring freeze ended in May.", "freeze", False),  # another freeze
        ("A freeze warning was issued for Ohio.", "freeze", False),  # modifies another thing
    ],
)
def test_in_sense(nlp, sentence, term, expected):
    doc = nlp(sentence)
    hits = [t.i for t in doc if t.lemma_.lower() == term]
    assert hits, sentence
    assert in_sense(doc, hits[0], hits[0] + 1, FREEZE, FREEZE_DESCRIBED) is expected


def test_pick_shared_word():
    assert pick(["a"], {}) == "a"
    assert pick(["a", "b"], {"a": 2, "b": 1}) == "a"
    assert pick(["a", "b"], {"a": 1, "b": 1}) is None  # neither: the sentence does not say
    assert pick(["a", "b"], {}) is None
