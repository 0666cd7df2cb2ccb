"""Quote extraction against the PolNeAR gold (../shared/polnear), run by hand.

    .venv/bin/python benchmarks/quotes.py            # the dev split
    .venv/bin/python benchmarks/quotes.py --split train

Prints the figures of ../shared/eval/score.py (span precision/recall/F1, speaker
accuracy and end-to-end recall; speakers compared by whole words), the count of
quotations by kind and the throughput of a cold extraction (every article parsed).
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
    # Cold: every article parsed again, so the throughput is the extraction's own.
    corpus = pipeline.extract([split / "articles"], settings(ROOT), use_cache=False)
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
