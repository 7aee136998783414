"""Source file to entries. `parse_text` reads one document; `parse_file` adds reading and error capture.

The names load on first use: a process that needs one module of the reader (the venue words to fuse, a
link's role to check the review) does not import the whole of it, markdown-it included."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names

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


__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__, globals())
