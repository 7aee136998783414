"""Source file to entries. `parse_text` reads one document; `parse_file` adds reading and error capture.

The names load on first use: a process that needs one module of the reader (the venue words to fuse, a
link's role to check the review) does not import the whole of it, markdown-it included."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .chunks import ChunkCache
    from .document import parse_text
    from .files import ParsedSource, count_entries, parse_file

__all__ = ["ChunkCache", "ParsedSource", "count_entries", "parse_file", "parse_text"]

_HOMES = {
    "ChunkCache": "chunks",
    "ParsedSource": "files",
    "count_entries": "files",
    "parse_file": "files",
    "parse_text": "document",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
