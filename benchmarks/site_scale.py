"""Does the site grow linearly with the corpus? Run by hand:

    .venv/bin/python benchmarks/site_scale.py            # 100 and 1,000 articles

Synthesizes corpora of 100 and 1,000 articles (with actors, mentions and quotes, no
NLP needed), renders them with the project's templates, builds each with MkDocs
(strict, the project's mkdocs.yml) and prints build time and output size, and the
ratios of the 1,000-article figures to the 100-article ones. Linear growth gives
about 10; a navigation listing every page in every page would give about 100.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.model import Actor, Article, Corpus, Mention, Quote  # noqa: E402
from generator.render import render_site  # noqa: E402
from generator.sitewrite import write_site  # noqa: E402

WORDS = [
    "the",
    "talks",
    "would",
    "resume",
    "after",
    "a",
    "pause",
    "in",
    "the",
    "exercises",
    "while",
    "officials",
    "weighed",
    "sanctions",
    "relief",
    "and",
    "the",
    "verification",
    "of",
    "a",
    "freeze",
    "on",
    "tests",
    "near",
    "the",
    "border",
    "with",
    "allies",
]


def synth(n: int, seed: int = 1) -> Corpus:
    rnd = random.Random(seed)
    people = [f"Person{i} Name{i}" for i in range(max(10, n // 5))]
    mentions: dict[str, list] = {p: [] for p in people}
    articles, quotes = [], []
    for i in range(n):
        aid = f"article-{i:04d}"
        paras = []
        for j in range(10):
            who = rnd.choice(people)
            body = " ".join(rnd.choice(WORDS) for _ in range(40))
            text = f"{who} said \u201c{body}.\u201d"
            paras.append(text)
            mentions[who].append((aid, Mention(j, 0, len(who), who)))
            if j % 3 == 0:
                start = len(who) + 7
                quotes.append(
                    Quote(
                        f"{aid}-q{j}",
                        aid,
                        j,
                        start,
                        start + len(body) + 1,
                        body + ".",
                        _id(who),
                        "direct",
                        "said",
                    )
                )
        day = f"2018-{1 + i % 12:02d}-{1 + i % 28:02d}"
        articles.append(
            Article(
                id=aid,
                path=f"seeds/{aid}.md",
                title=f"Article {i}",
                paragraphs=tuple(paras),
                date=day,
            )
        )
    actors = tuple(
        Actor(
            id=_id(p),
            name=p,
            kind="person",
            articles=tuple(sorted({a for a, _ in mentions[p]})),
            mentions=tuple(mentions[p]),
        )
        for p in people
        if mentions[p]
    )
    return Corpus(articles=tuple(articles), actors=actors, quotes=tuple(quotes))


def _id(name: str) -> str:
    return name.lower().replace(" ", "-")


def measure(n: int, work: Path) -> dict:
    corpus = synth(n)
    src = work / f"src-{n}"
    t0 = time.perf_counter()
    pages = render_site(corpus, ROOT / "templates", {"title": "Scale test", "intro": "Synthetic."})
    write_site(src, pages)
    render_s = time.perf_counter() - t0
    shutil.copytree(ROOT / "site_src" / "assets", src / "assets")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(src)
    config["site_dir"] = str(work / f"site-{n}")
    # The synthetic corpus has no topics: keep the nav to the pages it has.
    config["nav"] = [e for e in config["nav"] if not ({"Topics", "History"} & set(e))]
    cfg = work / f"mkdocs-{n}.yml"
    cfg.write_text(yaml.safe_dump(config), encoding="utf-8")
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(cfg)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    build_s = time.perf_counter() - t0
    if r.returncode:
        raise SystemExit(r.stderr[-3000:])
    site = work / f"site-{n}"
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    pages_n = sum(1 for _ in site.rglob("*.html"))
    return {
        "articles": n,
        "render_seconds": round(render_s, 2),
        "build_seconds": round(build_s, 2),
        "output_bytes": size,
        "html_pages": pages_n,
    }


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        small = measure(100, Path(tmp))
        large = measure(1000, Path(tmp))
    print(
        json.dumps(
            {
                "100": small,
                "1000": large,
                "ratio_build_time": round(large["build_seconds"] / small["build_seconds"], 2),
                "ratio_output_size": round(large["output_bytes"] / small["output_bytes"], 2),
                "ratio_pages": round(large["html_pages"] / small["html_pages"], 2),
            },
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
