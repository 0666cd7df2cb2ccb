"""Speed of the pipeline on the PolNeAR train split (840 real articles), run by hand:

    .venv/bin/python benchmarks/pipeline.py [--limit N]

Prints, measured in one run:
(a) cold extraction throughput in words per second, and its ratio to raw `nlp.pipe`
    of the same model over the same paragraphs (single process, and with as many
    processes as our pipeline uses);
(b) the time to regenerate site_src/ after adding one article, as a ratio to the
    cold generation of the same project; each generation is a fresh
    `explainer generate` process, as an editor runs it (so the one-article run
    pays for loading spaCy and the model, as it would);
(c) peak memory (resident set) of the generating processes and of this one;
(d) with --dask, the cold extraction on a Dask LocalCluster of as many single-threaded
    workers as our pipeline uses processes, in words per second, against raw
    `nlp.pipe` with the same number of processes (the cluster's start-up included).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def generate(project: Path) -> float:
    """Seconds of one `explainer generate` in a fresh process, once the last run's
    old tree has gone (it is removed in the background)."""
    for _ in range(100):
        if not list(project.glob(".site_src.*trash-*")):
            break
        time.sleep(0.1)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "generator", "generate"],
        cwd=project,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--dask", action="store_true", help="also time the Dask LocalCluster path")
    args = ap.parse_args()
    src = SHARED / "polnear" / "train" / "articles"
    if not src.exists():
        print(f"{src} is absent: nothing to measure", file=sys.stderr)
        return 1
    files = sorted(src.glob("*.md"))
    extra = sorted((SHARED / "polnear" / "dev" / "articles").glob("*.md"))[0]
    if args.limit:
        files = files[: args.limit]

    import spacy

    from generator import ingest, pipeline
    from generator.config import settings

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in ("pyproject.toml", "mkdocs.yml"):
            shutil.copy(ROOT / name, project / name)
        for name in ("templates", "editorial"):
            shutil.copytree(ROOT / name, project / name)
        (project / "seeds").mkdir()
        for f in files:
            shutil.copy(f, project / "seeds" / f.name)
        s = settings(project)
        articles = ingest.read_articles([project / "seeds"])
        texts = [p for a in articles for p in a.paragraphs]
        words = sum(len(t.split()) for t in texts)
        workers = min(os.cpu_count() or 1, 4)

        raw = spacy.load(s.model)
        t0 = time.perf_counter()
        for _ in raw.pipe(texts, batch_size=64):
            pass
        raw_1 = time.perf_counter() - t0
        t0 = time.perf_counter()
        for _ in raw.pipe(texts, batch_size=64, n_process=workers):
            pass
        raw_n = time.perf_counter() - t0

        cold = generate(project)
        generate_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        warm = generate(project)
        shutil.copy(extra, project / "seeds" / extra.name)
        one_more = generate(project)

        # Extraction alone, cold (no cache), for the throughput figure.
        t0 = time.perf_counter()
        pipeline.extract([project / "seeds"], s, use_cache=False)
        extract_cold = time.perf_counter() - t0
        dask_cold = None
        if args.dask:
            t0 = time.perf_counter()
            pipeline.extract([project / "seeds"], s, use_cache=False, dask="local")
            dask_cold = time.perf_counter() - t0

    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "articles": len(articles),
                "words": words,
                "processes": workers,
                "raw_nlp_pipe_words_per_second_1_process": round(words / raw_1),
                f"raw_nlp_pipe_words_per_second_{workers}_processes": round(words / raw_n),
                "our_extraction_words_per_second": round(words / extract_cold),
                "ratio_to_raw_same_processes": round(raw_n / extract_cold, 3),
                "ratio_to_raw_1_process": round(raw_1 / extract_cold, 3),
                "generate_cold_seconds": round(cold, 2),
                "generate_nothing_changed_seconds": round(warm, 2),
                "generate_one_article_added_seconds": round(one_more, 2),
                "ratio_one_added_to_cold": round(one_more / cold, 4),
                "peak_rss_mb_generate": round(generate_rss),
                "peak_rss_mb_benchmark_process": round(me),
                **(
                    {
                        "dask_local_words_per_second": round(words / dask_cold),
                        "ratio_dask_to_raw_same_processes": round(raw_n / dask_cold, 3),
                    }
                    if dask_cold
                    else {}
                ),
            },
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
