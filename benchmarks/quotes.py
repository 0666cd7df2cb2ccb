"""Quote extraction against the PolNeAR gold (../shared/polnear), run by hand.

    .venv/bin/python benchmarks/quotes.py            # the dev split
    .venv/bin/python benchmarks/quotes.py --split train
    .venv/bin/python benchmarks/quotes.py --seeds    # also print the seeds' quotes

Prints the figures of ../shared/eval/score.py (span precision/recall/F1, speaker
accuracy, end-to-end recall), the same with a whole-word speaker check, an estimate
of the highest speaker accuracy score.py allows on the split (`scorer_ceiling`), and the
throughput of the extraction.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def word_match_scores(out: Path, gold_path: Path) -> dict:
    """score.py's figures with one change: the speaker check compares whole words,
    so that "Kenneth Baer" matches the source "Kenneth Baer, a former official"
    (score.py looks for " baer " and the comma defeats it)."""
    import re

    sys.path.insert(0, str(SHARED / "eval"))
    import score as s  # the shared scorer's own helpers

    _, actors, quotes = s.load(out)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))

    def words(text: str) -> str:
        return " " + " ".join(re.findall(r"[\w'\u2019-]+", s.norm(text).replace(".", ""))) + " "

    def speaker_ok(g: dict, q: dict) -> bool:
        src = words(g["source_span"])
        for name in s.actor_names(actors.get(q.get("speaker"))):
            name = words(name).strip()
            if name and (f" {name} " in src or f" {name.split()[-1]} " in src):
                return True
        return False

    return s.score_quotes(gold, quotes, speaker_ok)


def scorer_ceiling(gold_path: Path, model) -> dict:
    """An estimate of the best speaker accuracy score.py can give: each judgeable
    gold unit counted right when a person or organization the model finds in its
    own annotated source span would pass score.py's check as the speaker. Sources
    named by description only ("the Vermont senator") and names followed by a
    comma ("Andrew Shearer, a former adviser") cannot."""
    sys.path.insert(0, str(SHARED / "eval"))
    import score as s

    units = [
        g
        for g in json.loads(gold_path.read_text(encoding="utf-8"))
        if not g.get("optional") and g.get("judgeable", True)
    ]
    named = reachable = 0
    for g, doc in zip(units, model.pipe(g["source_span"] for g in units), strict=True):
        names = [s.name_norm(e.text) for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE")]
        names = [n for n in names if n]
        src = " " + s.norm(g["source_span"]) + " "
        named += bool(names)
        reachable += any(f" {n} " in src or f" {n.split()[-1]} " in src for n in names)
    return {
        "judgeable_units": len(units),
        "sources_naming_someone": round(named / len(units), 3),
        "speaker_accuracy_ceiling_estimate_under_score_py": round(reachable / len(units), 3),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--keep", type=Path, help="also write the extraction JSON here")
    args = ap.parse_args()
    split = SHARED / "polnear" / args.split
    if not split.exists():
        print(f"{split} is absent: nothing to measure", file=sys.stderr)
        return 1

    sys.path.insert(0, str(ROOT))
    from generator import nlp, pipeline, serialize
    from generator.config import settings

    t0 = time.perf_counter()
    nlp.load()
    t_model = time.perf_counter() - t0
    t0 = time.perf_counter()
    corpus = pipeline.extract([split / "articles"], settings(ROOT))
    elapsed = time.perf_counter() - t0
    words = sum(len(p.split()) for a in corpus.articles for p in a.paragraphs)

    out = args.keep or Path(tempfile.mkstemp(suffix=".json")[1])
    out.write_text(serialize.dumps(corpus), encoding="utf-8")
    score = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            "polnear",
            str(out),
            str(split / "gold.json"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(score.stdout)
    figures["quotes_word_match"] = word_match_scores(out, split / "gold.json")
    figures["scorer_ceiling"] = scorer_ceiling(split / "gold.json", nlp.load())
    kinds: dict[str, int] = {}
    for q in corpus.quotes:
        kinds[q.kind] = kinds.get(q.kind, 0) + 1
    figures["throughput"] = {
        "articles": len(corpus.articles),
        "words": words,
        "seconds": round(elapsed, 2),
        "words_per_second": round(words / elapsed),
        "model_load_seconds": round(t_model, 2),
    }
    figures["quotes_by_kind"] = kinds
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
