"""Bytes to clean text: decode whatever encoding a list was saved in and undo mojibake, before parsing."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ftfy
from ftfy.badness import is_bad

from .diagnostics import Diagnostic

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of files that end up in a sources folder by mistake.
_BINARY_MAGIC = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"RIFF",
)
# Real lists are well under 1 MB; past this a file is a mistake or an attack, and parsing it would take
# minutes (the parser reads about 1 MB/s), so it is skipped with an error instead.
MAX_SOURCE_BYTES = 512 * 1024 * 1024
_FTFY = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, normalization="NFC")


class NotText(Exception):
    """The file is not a text list (an image, an archive, undecodable bytes); the run goes on without it."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class SourceText:
    text: str
    encoding: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def strict_text(data: bytes) -> str | None:
    """Text in the encoding of a byte-order mark, else strict UTF-8; None for anything else (binary, NUL
    bytes, a legacy encoding). The fetcher refuses what this refuses; `decode` goes on to detection."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def decode(data: bytes, source: str) -> SourceText:
    """Decode bytes: BOM first, then strict UTF-8, then a detected legacy encoding (with a warning)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return SourceText(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {encoding} byte-order mark but does not decode: {exc}") from exc
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        raise NotText("binary file (not a text list)")
    try:
        return SourceText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        damaged = _damaged_utf8(data, source)
        if damaged is not None:
            return damaged
        import charset_normalizer  # only for a file in a legacy encoding: rare, and 14 ms to import

        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise NotText(f"undecodable bytes at line {line}", line) from exc
        note = Diagnostic(
            source, line, f"not valid UTF-8 (byte {exc.start}); read as {best.encoding}, check the text"
        )
        return SourceText(str(best), best.encoding, [note])


_MAX_BAD_LINES = 5


def _damaged_utf8(data: bytes, source: str) -> SourceText | None:
    """UTF-8 with a few stray bytes: keep the good text, mark the bad bytes U+FFFD and warn per line.

    Why: a legacy-encoding guess would garble every correct non-ASCII character in a mostly UTF-8 file.
    Only taken when the file also holds valid multi-byte UTF-8, which a legacy-encoded file almost never does.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for c in text if ord(c) > 0x7F) - bad
    if multibyte == 0:
        return None
    lines = [n for n, line in enumerate(text.split("\n"), 1) if "\ufffd" in line]
    notes = [
        Diagnostic(source, n, "bytes that are not UTF-8 replaced by U+FFFD, check the text")
        for n in lines[:_MAX_BAD_LINES]
    ]
    if len(lines) > _MAX_BAD_LINES:
        notes.append(
            Diagnostic(source, lines[_MAX_BAD_LINES], f"{len(lines) - _MAX_BAD_LINES} more such lines")
        )
    return SourceText(text, "utf-8", notes)


def repair(text: str) -> str:
    """Undo mojibake on the lines that show it (cheap: most lines are ASCII) and normalise to NFC."""
    if text.isascii():
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.isascii():
            lines[i] = _repaired_line(line)
    return unicodedata.normalize("NFC", "\n".join(lines))


@lru_cache(maxsize=16384)
def _repaired_line(line: str) -> str:
    """One line's repair, remembered: the versions of a list, read one after another by one process,
    repeat nearly all their lines, and ftfy's test is most of reading a version with many non-ASCII
    lines (a table with emoji in every row)."""
    return ftfy.fix_text(line, _FTFY) if is_bad(line) else line


def read_source(path: Path) -> SourceText:
    """Read one snapshot; raises NotText for files that cannot be a list, or too large to be one."""
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        limit = MAX_SOURCE_BYTES // 2**20
        raise NotText(f"too large for a list ({size / 2**20:.0f} MB; the limit is {limit} MB)")
    data = path.read_bytes()
    decoded = decode(data, path.name)
    text = repair(decoded.text.replace("\r\n", "\n").replace("\r", "\n"))
    return SourceText(text, decoded.encoding, decoded.diagnostics)
