"""Does publishing grow linearly with the corpus, and is one more article cheap?
Run by hand:

    .venv/bin/python benchmarks/site_scale.py            # 100 and 840 articles
    .venv/bin/python benchmarks/site_scale.py --sizes 50 200

For each size, the first N real articles of the PolNeAR train split
(../shared/polnear/train/articles) are copied into a fresh project, and, each a
fresh `explainer build` process (generate, strict MkDocs build, scan), timed:

* cold: an empty cache and no site;
* one more: after adding one article (from the dev split);
* nothing changed: the same again.

Then the site's size, its pages and the bytes per page, and the peak memory of the
build processes. Printed with the ratios of the largest size to the smallest (linear
growth gives about the ratio of the sizes) and of one more article to cold (the
target is at most 0.15).
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


def build(project: Path) -> tuple[float, str]:
    for _ in range(100):  # the last run's old tree is removed in the background
        if not list(project.glob(".site_src.*trash-*")):
            break
        time.sleep(0.1)
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "generator", "build"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    if r.returncode:
        raise SystemExit(f"build failed in {project}:\n{r.stderr[-3000:]}")
    return time.perf_counter() - t0, r.stderr.strip().splitlines()[-1]


def measure(n: int, extra: Path) -> dict:
    files = sorted((SHARED / "polnear" / "train" / "articles").glob("*.md"))[:n]
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in ("pyproject.toml", "mkdocs.yml"):
            shutil.copy(ROOT / name, project / name)
        for name in ("templates", "editorial", "overrides"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copytree(ROOT / "site_src" / "assets", project / "site_src" / "assets")
        (project / "seeds").mkdir()
        for f in files:
            shutil.copy(f, project / "seeds" / f.name)
        cold, _ = build(project)
        shutil.copy(extra, project / "seeds" / extra.name)
        one_more, line = build(project)
        same, _ = build(project)
        site = project / "site"
        html = list(site.rglob("*.html"))
        size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
        return {
            "articles": len(files),
            "cold_build_seconds": round(cold, 2),
            "one_more_article_seconds": round(one_more, 2),
            "nothing_changed_seconds": round(same, 2),
            "ratio_one_more_to_cold": round(one_more / cold, 3),
            "one_more_says": line,
            "site_megabytes": round(size / 1e6, 1),
            "html_pages": len(html),
            "kilobytes_per_page": round(sum(f.stat().st_size for f in html) / len(html) / 1e3, 1),
        }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 840])
    args = ap.parse_args()
    if not (SHARED / "polnear" / "train" / "articles").exists():
        print("../shared/polnear is absent: nothing to measure", file=sys.stderr)
        return 1
    extra = sorted((SHARED / "polnear" / "dev" / "articles").glob("*.md"))[0]
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    results = [measure(n, extra) for n in sorted(args.sizes)]
    small, big = results[0], results[-1]
    out = {
        "runs": results,
        "ratio_articles": round(big["articles"] / small["articles"], 2),
        "ratio_cold_build_time": round(big["cold_build_seconds"] / small["cold_build_seconds"], 2),
        "ratio_site_size": round(big["site_megabytes"] / small["site_megabytes"], 2),
        "ratio_pages": round(big["html_pages"] / small["html_pages"], 2),
        "peak_rss_mb_build_processes": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        ),
    }
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
