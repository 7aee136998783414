"""`metadata.jsonl`: one record per identifier, sorted by identifier, replaced whole or not at all."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..atomic import write_atomic
from .record import Record


class Cache:
    """The records read from the cache file, and the lines of it that were no record.

    A cache with unreadable lines is never written back: rewriting it would drop those lines, and a cache
    loses no record it held.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.records: dict[str, Record] = {}
        self.bad_lines: list[int] = []
        self.unreadable = ""
        if path is None or not path.is_file():
            return
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.unreadable = str(getattr(exc, "strerror", None) or exc)
            return
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            record = Record.from_json(line)
            if record is None:
                self.bad_lines.append(number)
            else:
                self.records[record.key] = record

    @property
    def writable(self) -> bool:
        return self.path is not None and not self.bad_lines and not self.unreadable

    def update(self, fetched: Mapping[str, Record]) -> None:
        """Fetched records replace the ones of their identifiers; every other record stays."""
        self.records.update(fetched)

    def text(self) -> str:
        return "".join(self.records[key].to_json() + "\n" for key in sorted(self.records))

    def save(self) -> bool:
        """Write the cache when its text changed; True when it was written."""
        if not self.writable or self.path is None:
            return False
        data = self.text().encode("utf-8")
        if self.path.is_file() and self.path.read_bytes() == data:
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, data)
        return True
