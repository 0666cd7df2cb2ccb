"""The per-article extraction cache.

One JSON file per article under the cache folder (setting `cache`, default
`.cache/explainer`, never committed). Its key hashes the article itself and
everything else that changes its extraction: the model's name and version, spaCy's
version, the generator's version and extraction code, the rule files, and the
editors' files that the per-article extractors read (leaders, topics). Curation is
applied after the cache, so editing it redoes no NLP. A file that is unreadable,
damaged, from another version or for another key is ignored and rewritten, never
trusted.

Everything here is JSON, read back field by field into the records and checked
(ids, kinds, offsets within their paragraph): a cache file someone crafted can
neither run code, as a pickle could, nor put a path or markup where the site
expects an id. It can say no more than an article could.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from generator import __version__, files, rules
from generator.cachecheck import checked
from generator.model import (
    Article,
    ArticleFacts,
    Entity,
    Event,
    Mention,
    Quote,
    Role,
    Stance,
)
from generator.pack import FORMAT
from generator.pack import pack as _pack
from generator.pack import unpack as _unpack

CODE_FILES = (
    "nlp.py",
    "rules.py",
    "model.py",
    "cache.py",
    "ingest.py",
    "textformats.py",
    "editorial.py",
    "leaders.py",
    "curation.py",
    "topicspec.py",
    "yamlsafe.py",
    "escape.py",
    "boilerplate.py",
    "pack.py",
    "cachecheck.py",
)


def package_version(name: str) -> str:
    """The installed version of a package (the model's is part of the cache key)."""
    from importlib import metadata

    for dist in (name, name.replace("_", "-")):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def environment_key(
    model: str, model_version: str, editorial_files: dict[str, bytes | None]
) -> str:
    h = hashlib.sha256()
    spacy_version = package_version("spacy")
    for part in (f"format={FORMAT}", __version__, model, model_version, spacy_version):
        h.update(part.encode() + b"\0")
    # The extraction code itself: a change to it is a new version, released or not.
    here = Path(__file__).parent
    code = sorted([*here.glob("extract/*.py"), *(here / n for n in CODE_FILES)])
    for path in [*code, *rules.rule_files()]:
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes())
    for name, raw in sorted(editorial_files.items()):  # as `editorial.read` read them
        h.update(name.encode() + b"\0")
        h.update(b"<absent>" if raw is None else raw)
    return h.hexdigest()


def article_key(article: Article, env_key: str) -> str:
    data = json.dumps(asdict(article), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256((env_key + "\0" + data).encode()).hexdigest()


class Cache:
    """The per-article entries, and (with `packed`) the pack: the last run's parsed
    articles and facts in one file, so that a warm run loads them at once instead
    of parsing every article and reading 800 entries. A pack entry is used only
    while the article's own entry is the very file it was made with (same size,
    time and inode), so a damaged or deleted entry is never trusted through the
    pack."""

    # Names an article id cannot take (ids have no "_"), so prune() leaves them.
    PACK = "_pack.json"

    def __init__(self, folder: Path, env_key: str, packed: bool = False):
        self.folder = folder
        self.env_key = env_key
        self.memo: dict[str, Article] = {}  # source hash -> article (ingest's memo)
        self.packed: dict[str, tuple[tuple, ArticleFacts]] = {}  # id -> (entry stat, facts)
        self._pack_loaded = False
        if packed:
            self._load_pack()

    def _path(self, article: Article) -> Path:
        return self.folder / f"{article.id}.json"

    def _sig(self, article: Article) -> tuple | None:
        try:
            st = self._path(article).stat()
        except OSError:
            return None
        return (st.st_size, st.st_mtime_ns, st.st_ino)

    def get(self, article: Article) -> ArticleFacts | None:
        known = self.packed.get(article.id)
        if known is not None and known[1].article == article and known[0] == self._sig(article):
            return known[1]
        path = self._path(article)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("key") != article_key(article, self.env_key):
                return None
            return checked(facts_from_dict(data["facts"], article))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, damaged, crafted or from another version: recompute

    def put(self, facts: ArticleFacts) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(facts.article)
        payload = {"key": article_key(facts.article, self.env_key), "facts": facts_to_dict(facts)}
        files.replace_text(path, json.dumps(payload, ensure_ascii=False))

    def prune(self, keep: set[str]) -> None:
        """Drop the entries of articles that are gone."""
        if not self.folder.exists():
            return
        for p in self.folder.glob("*.json"):
            if p.stem not in keep and not p.name.startswith("_"):
                p.unlink(missing_ok=True)

    def _load_pack(self) -> None:
        try:
            data = json.loads((self.folder / self.PACK).read_bytes())
            if data["format"] == FORMAT and data["env"] == self.env_key:
                self.memo, self.packed = _unpack(data)
        except Exception:  # noqa: BLE001 - anything wrong: start empty, never trust it
            self.memo, self.packed = {}, {}
        self._pack_loaded = bool(self.packed)

    def save_pack(self, articles: list[Article], facts: list[ArticleFacts]) -> None:
        """Write the pack again when it has fallen behind this run by more than a
        few articles. Rewriting costs a fifth of a second on 800 articles; an
        article the pack lacks costs a parse and an entry read next time."""
        held = 0
        for f in facts:
            known = self.packed.get(f.article.id)
            held += known is not None and known[1] is f
        behind = (len(facts) - held) + (len(self.packed) - held)
        if self._pack_loaded and behind <= max(8, len(facts) // 50):
            return
        wanted = {id(a) for a in articles}
        memo = {k: a for k, a in self.memo.items() if id(a) in wanted}
        packed = {}
        for f in facts:
            sig = self._sig(f.article)
            if sig is not None:
                packed[f.article.id] = (sig, f)
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / self.PACK
        files.replace_text(path, _pack(self.env_key, memo, packed))
        for old in ("pack.pickle", "pages.json"):  # an older version's, never read
            if old.removesuffix(".json") not in {f.article.id for f in facts}:
                (self.folder / old).unlink(missing_ok=True)


def facts_to_dict(f: ArticleFacts) -> dict:
    return {
        "entities": [asdict(e) for e in f.entities],
        "quotes": [asdict(q) for q in f.quotes],
        "events": [asdict(e) for e in f.events],
        "paragraph_topics": [list(map(list, p)) for p in f.paragraph_topics],
        "headline": f.headline,
        "stances": [asdict(s) for s in f.stances],
    }


def _seq(value: object) -> tuple:
    """A JSON list as a tuple; anything else (a string, a mapping) is refused rather
    than turned into its characters or keys."""
    if type(value) is not list:
        raise ValueError("not a list")
    return tuple(value)


def facts_from_dict(d: dict, article: Article) -> ArticleFacts:
    entities = tuple(
        Entity(
            key=e["key"],
            name=e["name"],
            kind=e["kind"],
            aliases=_seq(e["aliases"]),
            roles=tuple(Role(**r) for r in _seq(e["roles"])),
            affiliation=e["affiliation"],
            mentions=tuple(Mention(**m) for m in _seq(e["mentions"])),
        )
        for e in _seq(d["entities"])
    )
    quotes = tuple(Quote(**{**q, "topics": _seq(q["topics"])}) for q in _seq(d["quotes"]))
    events = tuple(
        Event(**{**e, "actors": _seq(e["actors"]), "topics": _seq(e["topics"])})
        for e in _seq(d["events"])
    )
    topics = tuple(tuple((t, n) for t, n in _seq(p)) for p in _seq(d["paragraph_topics"]))
    headline = d.get("headline")
    stances = tuple(Stance(**s) for s in _seq(d.get("stances", [])))
    return ArticleFacts(
        article=article,
        entities=entities,
        quotes=quotes,
        events=events,
        paragraph_topics=topics,
        headline=headline if isinstance(headline, str) else None,
        stances=stances,
    )
