"""The `explainer` command line. Heavy imports live inside the commands so that
`explainer --help` answers at once."""

from __future__ import annotations

import sys
from pathlib import Path

import click


class _Failure(click.ClickException):
    """A clear one-line error and exit status 1."""


def _run(fn):
    """Turn our input errors into clean messages instead of tracebacks."""
    from generator.cluster import ClusterError
    from generator.config import ModelMissing
    from generator.editorial import EditorialError
    from generator.escape import plain
    from generator.files import shown
    from generator.ingest import IngestError
    from generator.sitewrite import Busy

    try:
        return fn()
    except (IngestError, EditorialError, ModelMissing, Busy, ClusterError) as e:
        raise _Failure(plain(str(e))) from e
    except OSError as e:
        # A full disk, a read-only or immutable folder: what and where, in one line
        # (the writes that failed left the files they would have replaced as they were).
        where = shown(e.filename) if e.filename else "a file"
        raise _Failure(plain(f"{where}: cannot be written or read ({e.strerror or e})")) from e


def _waiting() -> None:
    click.echo("Another explainer run is writing site_src/; waiting for it to finish", err=True)


def _progress(label: str):
    def bar(items):
        if not sys.stderr.isatty():
            return items
        return click.progressbar(items, label=label, file=sys.stderr)

    def wrapped(items):
        b = bar(items)
        if b is items:
            yield from items
            return
        with b as it:
            yield from it

    return wrapped


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="explainer")
def main() -> None:
    """Explainer: news articles in, a browsable explainer site out.

    Reads articles with spaCy, finds the actors, their quotes, the topics and the
    history they recount, and renders Markdown pages for MkDocs.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here, not stdout.",
)
@click.option("--no-cache", is_flag=True, help="Parse every article again; do not read the cache.")
@click.option(
    "--dask",
    metavar="local|tcp://HOST:PORT",
    help="Parse on a Dask cluster: 'local' starts one here, else a scheduler's address.",
)
def extract(paths: tuple[Path, ...], output: Path | None, no_cache: bool, dask: str | None) -> None:
    """Extract the data of the articles in PATHS (files or folders) as JSON.

    The JSON follows the shared contract (explainer-data.schema.json).
    """
    from generator import pipeline, serialize
    from generator.config import settings

    if dask is not None and dask != "local":
        from generator.cluster import check_address

        _run(lambda: check_address(dask))
    corpus = _run(
        lambda: pipeline.extract(
            list(paths), settings(), _progress("Parsing"), not no_cache, dask=dask
        )
    )
    text = serialize.dumps(corpus)
    if output:
        from generator.files import replace_text

        _run(lambda: replace_text(output, text, output.with_name(output.name + ".tmp")))
        click.echo(
            f"{output}: {len(corpus.articles)} articles, {len(corpus.actors)} actors, "
            f"{len(corpus.quotes)} quotes",
            err=True,
        )
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("--no-cache", is_flag=True, help="Parse every article again; do not read the cache.")
def generate(no_cache: bool) -> None:
    """Regenerate site_src/ from seeds/ (hand-written pages are kept).

    Only new or changed articles are parsed; the rest comes from the cache."""
    from generator import pipeline
    from generator.config import settings

    s = settings()
    warned: list[str] = []
    pages = _run(
        lambda: pipeline.generate(
            s,
            _progress("Parsing"),
            use_cache=not no_cache,
            on_wait=_waiting,
            on_warning=warned.append,
        )
    )
    # After the run: a failed one prints its one-line error alone.
    for line in warned:
        click.echo(line, err=True)
    click.echo(f"{s.site_src}/: {len(pages)} generated pages", err=True)


def _bar(label: str):
    """progress(total) -> tick(), drawing a bar on a terminal (else nothing)."""

    def start(total: int):
        if not sys.stderr.isatty() or total < 2:
            return lambda: None
        bar = click.progressbar(length=total, label=label, file=sys.stderr)
        bar.__enter__()
        done = [0]

        def tick() -> None:
            bar.update(1)
            done[0] += 1
            if done[0] >= total:
                bar.__exit__(None, None, None)

        return tick

    return start


def _build(clean: bool, no_cache: bool):
    from generator import pipeline
    from generator.build import BuildFailed
    from generator.config import settings
    from generator.escape import plain

    s = settings()
    warned: list[str] = []

    def run():
        try:
            return pipeline.publish(
                s,
                _progress("Parsing"),
                use_cache=not no_cache,
                clean=clean,
                on_wait=_waiting,
                build_progress=_bar("Rendering"),
                on_warning=warned.append,
            )
        except BuildFailed as e:
            raise _Failure(plain(str(e))) from e

    pages, report = _run(run)
    # After the run, as `generate` does: a failed one prints its one-line error alone.
    for line in warned:
        click.echo(line, err=True)
    for p in report.problems:
        click.echo(p, err=True)
    if report.problems:
        raise _Failure(
            f"{len(report.problems)} pieces of live markup in the site that we did not put there"
        )
    kind = "clean" if report.clean else "incremental"
    click.echo(
        f"{s.site_src}/: {len(pages)} generated pages; site built ({kind}): "
        f"{report.rendered} of {report.pages} pages rendered, scanned, in {report.seconds:.1f} s",
        err=True,
    )
    return report


@main.command()
@click.option("--clean", is_flag=True, help="Render every page again, not only the changed ones.")
@click.option("--no-cache", is_flag=True, help="Parse every article again; do not read the cache.")
def build(clean: bool, no_cache: bool) -> None:
    """Regenerate site_src/, build the site into site/ (MkDocs, strict: every link
    and anchor must resolve) and scan every page it wrote for live markup.

    After the first build, only the pages whose Markdown changed are rendered again;
    the site is the same as a clean build's."""
    _build(clean, no_cache)


@main.command()
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1 (1 to 65535).")
@click.option("--clean", is_flag=True, help="Render every page again, not only the changed ones.")
def serve(port: int, clean: bool) -> None:
    """Build the site (as 'explainer build' does), then serve it on
    http://127.0.0.1:PORT until interrupted (Ctrl-C)."""
    import functools
    import http.server

    if not 0 < port < 65536:
        raise _Failure(f"--port {port}: a port is a number from 1 to 65535")
    site = _build(clean, no_cache=False).site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    try:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as e:
        raise _Failure(f"cannot serve on 127.0.0.1:{port}: {getattr(e, 'strerror', e)}") from e
    click.echo(f"Serving {site}/ on http://127.0.0.1:{port}/ (Ctrl-C stops)", err=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


@main.command()
@click.option("--suggest", is_flag=True, help="List frequent noun phrases no topic covers.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def topics(suggest: bool, paths: tuple[Path, ...]) -> None:
    """List the topics of editorial/topics.yaml with their article counts, or with
    --suggest the noun phrases that come up often in PATHS (default: seeds/) and that
    no topic covers yet, for editors to consider."""
    from generator import ingest, nlp
    from generator.config import settings
    from generator.extract.topics import TopicMatcher, load_topics
    from generator.extract.topics import suggest as suggest_terms

    s = settings()

    def run() -> None:
        specs = load_topics(s.path("editorial") / "topics.yaml")
        articles = ingest.read_articles(list(paths) or [s.path("seeds")], root=s.root)
        model = nlp.load()
        matcher = TopicMatcher(model, specs)
        docs = list(model.pipe(p for a in articles for p in a.paragraphs))
        if suggest:
            for phrase, count in suggest_terms(docs, matcher):
                click.echo(f"{count:4d}  {phrase}")
            return
        for spec in specs:
            n = sum(1 for d in docs if matcher.match(d).get(spec.id))
            click.echo(f"{spec.id:24s} {n:4d} paragraphs  {spec.name}")

    _run(run)


@main.command("check-site")
@click.argument(
    "site", default="site", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
def check_site(site: Path) -> None:
    """Scan the built SITE (default: site/) for script tags, inline event handlers and
    javascript: URLs in page content; exit 1 naming each one found."""
    from generator.safety import scan_site

    problems = scan_site(site)
    for p in problems:
        click.echo(p, err=True)
    if problems:
        raise _Failure(
            f"{len(problems)} pieces of live markup in {site}/ that we did not put there"
        )
    click.echo(f"{site}/: no live markup in page content", err=True)


@main.command()
def check() -> None:
    """Exit 1 when site_src/ is not exactly what the current inputs generate: name
    each stale, missing or extra generated file, and the command that fixes it.
    Hand-written pages never count."""
    from generator import pipeline, review
    from generator.config import settings

    s = settings()

    def run() -> list:
        from generator.sitewrite import locked

        with locked(s.path("site_src"), on_wait=_waiting):
            corpus = pipeline.extract([s.path("seeds")], s)
            for line in pipeline.warnings(s, corpus):
                click.echo(line, err=True)
            return review.check(s.path("site_src"), pipeline.render(s, corpus))

    problems = _run(run)
    for kind, path in problems:
        click.echo(f"{kind}: {s.site_src}/{path}", err=True)
    from generator import siteconfig, sitemeta

    title = sitemeta.load_site(s.path("editorial") / "site.yaml").get("title")
    if siteconfig.stale(s.root / "mkdocs.yml", title):
        click.echo("stale: mkdocs.yml (its site_name is not editorial/site.yaml's title)", err=True)
        problems.append(("stale", "mkdocs.yml"))
    if problems:
        raise _Failure(
            f"{len(problems)} generated files are out of date; run 'make site' "
            f"(or '.venv/bin/explainer generate') and commit {s.site_src}/"
        )
    click.echo(f"{s.site_src}/ is up to date", err=True)


@main.command()
@click.option("--base", help="Compare with this git revision (default: the merge base with main).")
@click.option(
    "--html",
    "html_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write a before/after preview of the changed pages into this directory.",
)
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def diff(base: str | None, html_dir: Path | None, files: tuple[Path, ...]) -> None:
    """Tell a reviewer in Markdown what changed: between git revision --base and the
    working tree (actors, quotations, roles, events, topics, pages, positions), or
    between two extraction files OLD.json NEW.json; with --html DIR, the changed
    pages rendered with their changes marked."""
    import json

    from generator import review
    from generator.config import settings

    if files and (len(files) != 2 or base):
        raise click.UsageError("give either two files OLD.json NEW.json or --base REV")
    if files and html_dir:
        raise click.UsageError("--html compares pages: use it with --base, not with files")
    if files:
        old, new = (json.loads(f.read_text(encoding="utf-8")) for f in files)
        click.echo(
            review.report(old, new, None, f"Changes from {files[0]} to {files[1]}"), nl=False
        )
        return
    root = settings().root
    try:
        rev = base or review.default_base(root)
        old = review.data_at(root, rev)
        data = root / review.DATA
        new = json.loads(data.read_text(encoding="utf-8")) if data.exists() else {}
        pages = review.pages_changed(root, rev)
        if html_dir is not None:
            from generator import preview

            n = preview.write(
                html_dir,
                pages,
                review.page_at(root, rev),
                review.page_now(root),
                review.generated_pages(root, rev),
            )
            click.echo(f"{n} changed pages previewed in {html_dir}/index.html", err=True)
    except RuntimeError as e:
        from generator.escape import plain

        raise _Failure(plain(str(e))) from e
    click.echo(review.report(old, new, pages, f"Changes since {rev[:12]}"), nl=False)
