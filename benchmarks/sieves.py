"""What each attribution sieve (generator/extract/sieves.py) does on PolNeAR, run by hand.

    .venv/bin/python benchmarks/sieves.py                 # dev and train
    .venv/bin/python benchmarks/sieves.py --split dev

The articles are parsed once; the extraction then runs with every sieve, and again
without each sieve in turn (ablation). For each sieve: the quotations it decided,
how many of those matched a gold unit whose speaker can be judged and how many of
them have the right speaker (../shared/eval/score.py's speaker check, on the
speaker the output gives the quotation), and, without it, the change in speaker
accuracy and end-to-end recall and the number of quotations whose speaker changed.
Prints one table per split.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _score_module():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _parse(split: Path):
    """The articles of a split, their parsed paragraphs and the extraction context."""
    from generator import ingest, nlp
    from generator.chunk import topic_matcher
    from generator.config import settings
    from generator.curation import load_curation
    from generator.extract import Context
    from generator.leaders import load_leaders
    from generator.topicspec import load_topics

    conf = settings(ROOT)
    ed = conf.path("editorial")
    leaders = load_leaders(ed / "leaders.yaml")
    curation_path = ed / "curation.yaml"
    curation = load_curation(curation_path)
    specs = load_topics(ed / "topics.yaml")
    articles = ingest.read_articles([split / "articles"], root=conf.root)
    ctx = Context(leaders=leaders, topics=topic_matcher(specs))
    model = nlp.load()
    texts = [(p, a.id) for a in articles for p in a.paragraphs]
    docs: dict[str, list] = {a.id: [] for a in articles}
    for doc, art_id in model.pipe(texts, as_tuples=True, batch_size=64):
        docs[art_id].append(doc)
    return articles, docs, ctx, (leaders, curation, str(curation_path), specs)


def _run(articles, docs, ctx, assembly, sieve_list):
    """The extraction JSON with these sieves, and who decided each quotation span:
    {(article, paragraph, start): sieve name}."""
    from generator import serialize
    from generator.extract import assemble, extract_article, sieves

    decided: dict[tuple, str] = {}

    def watched(sieve):
        def run(att, quote):
            decision = sieve(att, quote)
            if decision is not None:
                decided[(att.article.id, quote.paragraph, quote.span.start)] = sieve.__name__
            return decision

        return run

    saved = sieves.SIEVES
    sieves.SIEVES = [watched(s) for s in sieve_list]
    try:
        facts = [extract_article(a, docs[a.id], ctx) for a in articles]
    finally:
        sieves.SIEVES = saved
    return serialize.dumps(assemble(facts, *assembly)), decided


def _judge(score, out_json: str, gold_path: Path):
    """score.py's figures, and for each output quotation (article, paragraph,
    start, end) -> (speaker, right or None when no judgeable gold unit matches)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        f.write(out_json)
    figures = score.polnear(f.name, gold_path)["quotes"]
    _, actors, quotes = score.load(f.name)
    Path(f.name).unlink()
    units = json.loads(gold_path.read_text(encoding="utf-8"))
    by_art: dict[str, list] = {}
    for g in units:
        if not g.get("optional") and score.names_someone(g["source_span"]):
            by_art.setdefault(g["article"], []).append((g, score.norm(g["text"])))

    def speaker_ok(g, q):  # score.polnear's check
        src = score.words(g["source_span"])
        for n in score.actor_names(actors.get(q.get("speaker"))):
            w = score.words(n)
            while len(w) > 1 and w[-1] in score.SUFFIXES:
                w = w[:-1]
            if w and (score.contains(src, w) or w[-1] in src):
                return True
        return False

    judged = {}
    for q in quotes:
        hits = [g for g, gn in by_art.get(q["_art"], []) if score.overlaps(gn, q["_n"])]
        right = any(speaker_ok(g, q) for g in hits) if hits else None
        judged[(q["article"], q["paragraph"], q["start"], q["end"])] = (q.get("speaker"), right)
    return figures, judged


def _owner(decided: dict, key: tuple) -> str | None:
    """The sieve that decided the span an output quotation covers."""
    art, p, start, end = key
    for s in (start, start + 1, start - 1):
        if (art, p, s) in decided:
            return decided[(art, p, s)]
    return next(
        (n for (a, pp, s), n in decided.items() if a == art and pp == p and start <= s < end), None
    )


def measure(split_name: str, score, keep: Path | None = None) -> list[dict]:
    from generator.extract import sieves

    split = SHARED / "polnear" / split_name
    gold = split / "gold.json"
    t0 = time.perf_counter()
    articles, docs, ctx, assembly = _parse(split)
    print(
        f"{split_name}: {len(articles)} articles parsed in {time.perf_counter() - t0:.0f} s",
        file=sys.stderr,
    )
    full = list(sieves.SIEVES)
    out, decided = _run(articles, docs, ctx, assembly, full)
    if keep is not None:  # to compare with `explainer extract`'s
        (keep / f"{split_name}.json").write_text(out, encoding="utf-8")
    base, judged = _judge(score, out, gold)
    rows = []
    for sieve in full:
        name = sieve.__name__
        mine = [k for k in judged if _owner(decided, k) == name]
        spans = sum(1 for n in decided.values() if n == name)
        scored = [judged[k][1] for k in mine if judged[k][1] is not None]
        t0 = time.perf_counter()
        out2, _ = _run(articles, docs, ctx, assembly, [s for s in full if s is not sieve])
        figs, judged2 = _judge(score, out2, gold)
        changed = sum(1 for k, v in judged.items() if judged2.get(k, (None,))[0] != v[0])
        changed += sum(1 for k in judged2 if k not in judged)
        rows.append(
            {
                "sieve": name,
                "decides": spans,
                "judged": len(scored),
                "right": sum(scored),
                "d_speaker_acc": round(figs["speaker_accuracy"] - base["speaker_accuracy"], 3),
                "d_e2e_recall": round(figs["end_to_end_recall"] - base["end_to_end_recall"], 3),
                "changed": changed,
            }
        )
        print(f"  without {name}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    print(
        f"\n## {split_name}: speaker accuracy {base['speaker_accuracy']}, "
        f"end-to-end recall {base['end_to_end_recall']}, {sum(1 for _ in decided)} spans decided"
    )
    print(
        "| sieve | decides | judged | right | without it: d speaker acc | d e2e recall "
        "| quotes changed |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['sieve']} | {r['decides']} | {r['judged']} | {r['right']} "
            f"| {r['d_speaker_acc']:+.3f} | {r['d_e2e_recall']:+.3f} | {r['changed']} |"
        )
    sys.stdout.flush()
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "train"], action="append")
    ap.add_argument("--json", type=Path, help="also write the rows here")
    ap.add_argument("--keep", type=Path, help="write the extraction with every sieve here")
    args = ap.parse_args()
    if not (SHARED / "polnear").exists():
        print(f"{SHARED / 'polnear'} is absent: nothing to measure", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    score = _score_module()
    rows = {s: measure(s, score, args.keep) for s in args.split or ["dev", "train"]}
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
