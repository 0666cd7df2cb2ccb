"""Search in a real browser, as a reader on a slow phone would meet it.

    .venv/bin/python benchmarks/search.py SITE_DIR [--query "tax returns"] [--page /]

Serves a built site on 127.0.0.1, opens a page in Debian's Chromium with the CPU
throttled 4x (Chrome DevTools' emulation), and prints: the bytes the page loads, the
bytes fetched for search before the reader opens it (should be 0), then for each
query the time from the last key typed to the first result shown, the bytes and the
largest file the query fetched, and the first results. Build the site first
(`make site`, or the 840-article corpus as the README's performance paragraph says).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
import time
from pathlib import Path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--query", action="append", default=[])
    ap.add_argument("--page", default="/")
    ap.add_argument("--throttle", type=float, default=4.0)
    args = ap.parse_args()
    queries = args.query or ["tax returns", "Pompeo", "sanctions"]
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(args.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless"]
            )
            for query in queries:
                ctx = browser.new_context(viewport={"width": 390, "height": 844})
                page = ctx.new_page()
                cdp = ctx.new_cdp_session(page)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": args.throttle})
                log: list[str] = []
                page.on("requestfinished", lambda r, log=log: log.append(r.url))
                page.goto(base + args.page)
                page.wait_for_load_state("networkidle")
                loaded = list(log)
                page.locator("[data-explainer-search-open]").click()
                box = page.locator(".explainer-search__box input")
                box.wait_for()
                opened = len(log)
                box.press_sequentially(query, delay=60)
                t = time.perf_counter()
                page.locator(".pagefind-ui__result-link").first.wait_for(timeout=60000)
                seconds = time.perf_counter() - t
                fetched = [u for u in log[opened:] if "/pagefind/" in u]
                ui = [u for u in log[len(loaded) : opened] if "/pagefind/" in u]

                def size(url: str) -> int:
                    if url not in sizes:
                        f = args.site / url.removeprefix(base + "/").split("?")[0]
                        sizes[url] = f.stat().st_size if f.is_file() else 0
                    return sizes[url]

                first = [
                    a.get_attribute("href")
                    for a in page.locator(".pagefind-ui__result-link").all()[:3]
                ]
                print(
                    f"{query!r}: first results in {seconds:.2f} s (CPU {args.throttle:g}x); "
                    f"page {sum(map(size, loaded)) / 1e3:.0f} kB, search before opening "
                    f"{sum(size(u) for u in loaded if '/pagefind/' in u)} B; on opening "
                    f"{sum(map(size, ui)) / 1e3:.0f} kB; the query "
                    f"{sum(map(size, fetched)) / 1e3:.0f} kB in {len(fetched)} files, largest "
                    f"{max(map(size, fetched), default=0) / 1e3:.0f} kB; first: {first}"
                )
                ctx.close()
            browser.close()
    finally:
        httpd.shutdown()
    biggest = max(
        (f.stat().st_size, f.name) for f in (args.site / "pagefind").rglob("*") if f.is_file()
    )
    print(f"largest file of the search bundle: {biggest[1]} {biggest[0] / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
