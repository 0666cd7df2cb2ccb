"""leaders.yaml: who held which office when (for "the president" on a date)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.editorial import (
    READ,
    EditorialError,
    date,
    line_of,
    listed,
    load_yaml,
    mapping,
    text,
    texts,
)


@dataclass(frozen=True)
class Leader:
    name: str
    office: str
    country: str
    start: dt.date
    end: dt.date | None
    aliases: tuple[str, ...] = ()

    def in_office(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def load_leaders(path: Path, raw: bytes | None | object = READ) -> tuple[Leader, ...]:
    data = load_yaml(path, raw)
    if data is None:
        return ()
    out = []
    for entry in listed(path, data, "leaders"):
        entry = mapping(path, entry, "leader", line_of(data))
        name, office, country = (
            text(path, entry, key, required=True, owner="a leader")
            for key in ("name", "office", "country")
        )
        start = date(path, entry, "start")
        if start is None:
            raise EditorialError(path, line_of(entry), "a leader needs 'start'")
        end = date(path, entry, "end")
        if end is not None and end < start:
            raise EditorialError(path, line_of(entry), "'end' is before 'start'")
        out.append(
            Leader(
                name=name,  # type: ignore[arg-type]
                office=office,  # type: ignore[arg-type]
                country=country,  # type: ignore[arg-type]
                start=start,
                end=end,
                aliases=texts(path, entry, "aliases"),
            )
        )
    return tuple(out)
