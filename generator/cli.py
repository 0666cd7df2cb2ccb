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
    from generator.config import ModelMissing
    from generator.editorial import EditorialError
    from generator.ingest import IngestError

    try:
        return fn()
    except (IngestError, EditorialError, ModelMissing) as e:
        raise _Failure(str(e)) from e


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
def extract(paths: tuple[Path, ...], output: Path | None, no_cache: bool) -> None:
    """Extract the data of the articles in PATHS (files or folders) as JSON.

    The JSON follows the shared contract (explainer-data.schema.json).
    """
    from generator import pipeline, serialize
    from generator.config import settings

    corpus = _run(
        lambda: pipeline.extract(list(paths), settings(), _progress("Parsing"), not no_cache)
    )
    text = serialize.dumps(corpus)
    if output:
        tmp = output.with_name(output.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(output)
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
    pages = _run(lambda: pipeline.generate(s, _progress("Parsing"), use_cache=not no_cache))
    click.echo(f"{s.site_src}/: {len(pages)} generated pages", err=True)


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
