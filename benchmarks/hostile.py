"""Extraction time against a paragraph's size, on input built to be slow, run by hand:

    .venv/bin/python benchmarks/hostile.py

Prints the time to extract (after parsing) paragraphs of N repetitions of
'"Yes," said Mike Pompeo.' and of a plain narrative sentence, and the ratio of each
time to the one for a quarter of the size: about 4 for linear growth, 16 for
quadratic (before the lookups of generator/extract/tokens.py, 3,000 repetitions took
243 s). Then the paragraphs built to be slow that issue 27 found, at 12,500 and
50,000 characters (the best of three runs each): clauses nested in one another
('said Kim said Moon said Trump ...'), unbalanced straight quotes ('"a "a ...') and
alternating curly ones. Before the fixes, 50,000 characters took 394, 342 and 165 s
where 12,500 took 10-22 s; after, about a second of CPU or less, with a ratio under 5. Then
what happens to a file over the limits: the one-line refusal and its time.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import nlp  # noqa: E402
from generator.extract import extract_article  # noqa: E402
from generator.model import Article  # noqa: E402

SENTENCES = {
    "quotes": '"Yes," said Mike Pompeo. ',
    "narrative": "The minister met officials in Seoul on Monday and talked about trade. ",
}

# Issue 27's slow paragraphs: one unit, repeated to the length.
NESTED = {
    "said-chain": "said Kim said Moon said Trump ",
    "unbalanced": '"a ',
    "curly": "\u201ca \u201db ",
}


def extract_time(model, text: str, clock=time.perf_counter) -> float:
    docs = list(model.pipe([text]))
    art = Article(id="x", path="x", title="x", paragraphs=(text,))
    start = clock()
    extract_article(art, docs)
    return clock() - start


def main() -> None:
    model = nlp.load()
    for name, sentence in SENTENCES.items():
        times = {}
        for n in (500, 2000):
            reps = n if name == "quotes" else n // 3
            times[n] = extract_time(model, sentence * reps)
            print(
                f"{name:10s} {reps:5d} sentences, {len(sentence) * reps:7,d} characters: "
                f"extraction {times[n]:.3f} s"
            )
        print(f"{name:10s} ratio for 4x the text: {times[2000] / times[500]:.1f} (linear: ~4)")
    # CPU seconds of this process (the best of three), which other jobs on a shared
    # machine do not inflate as they do the wall clock's.
    for name, unit in NESTED.items():
        times = {}
        for n in (12_500, 50_000):
            text = (unit * (n // len(unit) + 1))[:n]
            times[n] = min(extract_time(model, text, time.process_time) for _ in range(3))
            print(f"{name:10s} {n:7,d} characters: extraction {times[n]:.3f} s of CPU")
        print(f"{name:10s} ratio for 4x the text: {times[50_000] / times[12_500]:.1f} (linear: ~4)")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        big.write_text(("Word " * 8000 + "\n\n") * 130, encoding="utf-8")  # 5.2 MB
        start = time.perf_counter()
        r = subprocess.run(
            [sys.executable, "-m", "generator", "extract", str(big)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        print(
            f"a {big.stat().st_size / 1e6:.1f} MB article: exit {r.returncode} in "
            f"{time.perf_counter() - start:.2f} s: {r.stderr.strip()[-140:]}"
        )


if __name__ == "__main__":
    main()
