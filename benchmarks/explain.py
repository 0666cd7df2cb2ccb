"""The explainer layer (positions and events) against the hand gold of ../shared/explain.

    .venv/bin/python benchmarks/explain.py                 # polnear-dev, summary and per topic
    .venv/bin/python benchmarks/explain.py --errors        # also every wrong and missed item
    .venv/bin/python benchmarks/explain.py --gold DIR --articles DIR   # another gold set

Runs `explainer extract` over the gold's articles with the gold's `topics.yaml` as the
editors' topics file (the project's other editorial files as they are), then
../shared/eval/explain_score.py on the output. The extraction cache lives in
`.cache/explain-bench/`, so a second run parses nothing unless rules changed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "explain" / "polnear-dev")
    ap.add_argument("--articles", type=Path, default=SHARED / "polnear" / "dev" / "articles")
    ap.add_argument("--errors", action="store_true", help="list every wrong and missed item")
    ap.add_argument("--keep", type=Path, help="also keep the extraction JSON here")
    args = ap.parse_args()
    if not args.gold.exists() or not args.articles.exists():
        print(f"{args.gold} or {args.articles} is absent: nothing to measure", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        editorial = Path(tmp) / "editorial"
        shutil.copytree(ROOT / "editorial", editorial)
        for extra in ("curation.yaml",):  # the seeds' hand corrections are not this corpus's
            (editorial / extra).unlink(missing_ok=True)
        shutil.copy(args.gold / "topics.yaml", editorial / "topics.yaml")
        out = args.keep or Path(tmp) / "out.json"
        env = dict(
            os.environ,
            EXPLAINER_EDITORIAL=str(editorial),
            EXPLAINER_CACHE=str(ROOT / ".cache" / "explain-bench"),
        )
        t0 = time.perf_counter()
        subprocess.run(
            [
                str(ROOT / ".venv" / "bin" / "explainer"),
                "extract",
                str(args.articles),
                "-o",
                str(out),
            ],
            env=env,
            check=True,
        )
        seconds = time.perf_counter() - t0
        cmd = [sys.executable, str(SHARED / "eval" / "explain_score.py"), str(out), str(args.gold)]
        if args.errors:
            cmd.append("--errors")
        score = subprocess.run(cmd, capture_output=True, text=True, check=True)
    figures = json.loads(score.stdout)
    if args.errors:
        print(score.stderr, file=sys.stderr)
    print("summary", json.dumps(figures["summary"]))
    print(
        f"{'topic':16} {'pos pred':>8} {'right':>5} {'gold':>5} {'found':>5}"
        f" {'expl':>5} {'found':>5}"
        f"   {'ev pred':>7} {'right':>5} {'gold':>5} {'found':>5}"
    )
    for topic, p in figures["positions"].items():
        e = figures["events"][topic]
        print(
            f"{topic:16} {p['predicted']:>8} {p['right']:>5} {p['gold_pairs']:>5} {p['found']:>5}"
            f" {p['gold_explicit']:>5} {p['found_explicit']:>5}"
            f"   {e['predicted']:>7} {e['right']:>5} {e['gold']:>5} {e['found']:>5}"
        )
    print(f"extract: {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
