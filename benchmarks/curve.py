"""How publishing grows with the archive. Run by hand (one heavy job at a time):

    .venv/bin/python benchmarks/curve.py                      # 100, 840 and 2,500
    .venv/bin/python benchmarks/curve.py --sizes 100 840 2500 10000
    .venv/bin/python benchmarks/curve.py --plot benchmarks/curve.json   # redraw only

For each size N, N articles from the PolNeAR train split (../shared/polnear/train:
its 840 articles, then the same again under new ids, `-r1`, `-r2` ..., for sizes
above 840) go into a fresh project with the campaign topics
(benchmarks/corpus/campaign-topics.yaml), and three `explainer build` processes run
one after the other, each timed, with its peak memory (the process's maximum RSS)
and where its time went (generator/profile.py: extraction, Markdown generation and
MkDocs' phases by plugin event, Pagefind, the scan):

* cold: an empty cache and no site;
* one more: after adding one article (the first of the dev split);
* nothing changed: the same again.

Then the site's size and pages, and what a search costs a reader (benchmarks/search.py
in Chromium, CPU 4x: the bytes fetched when the search box opens and per query).
Prints and writes the figures as JSON (--out, default benchmarks/curve.json) and
draws them (--png, default docs/curve.png; matplotlib, a pinned dev dependency).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
QUERIES = ["Clinton", "immigration", "debate"]  # words every size has


def build(project: Path, profile: Path) -> dict:
    for _ in range(100):  # the last run's old tree is removed in the background
        if not list(project.glob(".site_src.*trash-*")):
            break
        time.sleep(0.1)
    env = dict(os.environ, EXPLAINER_PROFILE=str(profile), NO_MKDOCS_2_WARNING="1")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "build"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    stderr = proc.stderr.read()
    # wait4 gives this one process's peak memory (getrusage would give all children's).
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"build failed in {project}:\n{stderr[-3000:]}")
    phases = json.loads(profile.read_text())
    phases["startup_and_rest"] = round(seconds - sum(phases.values()), 3)
    return {
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "says": stderr.strip().splitlines()[-1],
        "phases": phases,
    }


def project_with(tmp: Path, n: int) -> Path:
    project = tmp / f"n{n}"
    project.mkdir()
    for name in ("pyproject.toml", "mkdocs.yml"):
        shutil.copy(ROOT / name, project / name)
    for name in ("templates", "editorial", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(
        ROOT / "benchmarks" / "corpus" / "campaign-topics.yaml",
        project / "editorial" / "topics.yaml",
    )
    shutil.copytree(ROOT / "site_src" / "assets", project / "site_src" / "assets")
    seeds = project / "seeds"
    seeds.mkdir()
    files = sorted((SHARED / "polnear" / "train" / "articles").glob("*.md"))
    for i in range(n):
        f = files[i % len(files)]
        copy = i // len(files)
        shutil.copy(f, seeds / (f.name if not copy else f"{f.stem}-r{copy}{f.suffix}"))
    return project


def search_costs(site: Path) -> dict:
    r = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "search.py"), str(site)]
        + [a for q in QUERIES for a in ("--query", q)],
        capture_output=True,
        text=True,
    )
    if r.returncode:
        return {"error": r.stderr.strip()[-500:]}
    out: dict = {"queries": {}}
    for line in r.stdout.splitlines():
        m = re.match(
            r"'(.+)': first results in ([\d.]+) s .*on opening (\d+) kB; the query (\d+) kB"
            r" in (\d+) files, largest (\d+) kB",
            line,
        )
        if m:
            out["on_opening_kb"] = int(m[3])
            out["queries"][m[1]] = {
                "first_results_seconds": float(m[2]),
                "query_kb": int(m[4]),
                "files": int(m[5]),
                "largest_kb": int(m[6]),
            }
    return out


def measure(n: int, extra: Path, tmp: Path) -> dict:
    project = project_with(tmp, n)
    prof = tmp / f"profile-{n}.json"
    cold = build(project, prof)
    shutil.copy(extra, project / "seeds" / extra.name)
    one_more = build(project, prof)
    same = build(project, prof)
    site = project / "site"
    files = [f for f in site.rglob("*") if f.is_file()]
    html = [f for f in files if f.suffix == ".html"]
    search = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
    result = {
        "articles": n + 1,
        "cold": cold,
        "one_more": one_more,
        "nothing_changed": same,
        "ratio_one_more_to_cold": round(one_more["seconds"] / cold["seconds"], 3),
        "ratio_nothing_changed_to_cold": round(same["seconds"] / cold["seconds"], 3),
        "site_mb": round(sum(f.stat().st_size for f in files) / 1e6, 1),
        "search_index_mb": round(search / 1e6, 1),
        "html_pages": len(html),
        "search": search_costs(site),
    }
    shutil.rmtree(project, ignore_errors=True)
    return result


def plot(data: dict, png: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = data["runs"]
    n = [r["articles"] for r in runs]
    fig, axes = plt.subplots(2, 2, figsize=(10, 7.5), dpi=100)
    ax = axes[0][0]
    ax.plot(n, [r["cold"]["seconds"] for r in runs], "o-", label="cold publish")
    ax.plot(n, [r["one_more"]["seconds"] for r in runs], "o-", label="after one new article")
    ax.plot(n, [r["nothing_changed"]["seconds"] for r in runs], "o-", label="nothing changed")
    ax.set(title="Publish time (s)", xlabel="articles")
    ax.legend()
    ax = axes[0][1]
    ax.plot(n, [r["site_mb"] for r in runs], "o-", label="whole site")
    ax.plot(n, [r["search_index_mb"] for r in runs], "o-", label="search index")
    ax.set(title="Size on disk (MB)", xlabel="articles")
    ax.legend()
    ax = axes[1][0]
    for q in QUERIES:
        ax.plot(
            n,
            [r["search"].get("queries", {}).get(q, {}).get("query_kb") for r in runs],
            "o-",
            label=f"query {q!r}",
        )
    ax.plot(n, [r["search"].get("on_opening_kb") for r in runs], "o--", label="opening search")
    ax.set(title="Search download per query (kB)", xlabel="articles")
    ax.legend()
    ax = axes[1][1]
    ax.plot(n, [r["cold"]["peak_rss_mb"] for r in runs], "o-", label="cold publish")
    ax.plot(n, [r["one_more"]["peak_rss_mb"] for r in runs], "o-", label="after one new article")
    ax.set(title="Peak memory (MB, one process)", xlabel="articles")
    ax.legend()
    for row in axes:
        for a in row:
            a.set_ylim(bottom=0)
            a.set_xlim(left=0)
            a.grid(alpha=0.3)
    fig.suptitle("explainer: the archive's curve (benchmarks/curve.py, one run per size)")
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 840, 2500])
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "curve.json")
    ap.add_argument("--png", type=Path, default=ROOT / "docs" / "curve.png")
    ap.add_argument("--plot", type=Path, help="only draw the figures of this JSON file")
    args = ap.parse_args()
    if args.plot:
        plot(json.loads(args.plot.read_text()), args.png)
        return 0
    if not (SHARED / "polnear" / "train" / "articles").exists():
        print("../shared/polnear is absent: nothing to measure", file=sys.stderr)
        return 1
    extra = sorted((SHARED / "polnear" / "dev" / "articles").glob("*.md"))[0]
    runs = []
    with tempfile.TemporaryDirectory(prefix="explainer-curve-") as tmp:
        for n in sorted(args.sizes):
            runs.append(measure(n, extra, Path(tmp)))
            print(json.dumps(runs[-1]), flush=True)
            args.out.write_text(json.dumps({"runs": runs}, indent=1) + "\n")
    plot({"runs": runs}, args.png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
