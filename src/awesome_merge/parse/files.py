"""One source file to entries, with reading and error capture: what a parsing process calls per file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..collector import paused_gc
from ..diagnostics import Diagnostic
from ..frame import Entry
from ..read import NotText, read_source
from .chunks import ChunkCache, parse_text_cached
from .document import parse_text


@dataclass
class ParsedSource:
    name: str
    entries: list[Entry]
    diagnostics: list[Diagnostic]
    readable: bool = True


def parse_file(path: Path, cache: ChunkCache | None = None) -> ParsedSource:
    """Never raises for bad content: an unreadable file becomes a diagnostic and no entries.

    With a `cache`, sections read before (in another version of the same list, or an identical file) are
    taken from it instead of read again; the result is the same. A function of one path (and a cache of
    its own process): a map over files, in any engine, calls it as it is."""
    name = path.name
    try:
        source = read_source(path)
    except NotText as exc:
        return ParsedSource(name, [], [Diagnostic(name, exc.line, f"skipped: {exc}", "error")], False)
    except OSError as exc:
        return ParsedSource(
            name, [], [Diagnostic(name, 0, f"skipped: cannot read ({exc.strerror})", "error")], False
        )
    try:
        with paused_gc():  # the collector would only rescan the parse's short-lived objects
            if cache is None:
                entries, warnings = parse_text(source.text, name)
            else:
                entries, warnings = parse_text_cached(source.text, name, cache)
    except RecursionError:
        return ParsedSource(
            name, [], [Diagnostic(name, 0, "skipped: nesting too deep to parse", "error")], False
        )
    return ParsedSource(name, entries, source.diagnostics + warnings)


def count_entries(text: str, name: str) -> int:
    """How many entries a text holds; the fetcher uses it to refuse a snapshot that lost most of them."""
    return len(parse_text(text, name)[0])
