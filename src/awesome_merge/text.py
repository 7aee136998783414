"""Text clean-up shared by parsers and matchers: LaTeX in titles, emoji in headings, comparison keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text

_LATEX_SPAN = re.compile(r"\$[^$\s][^$]{0,79}\$|\\[A-Za-z]+(?:\{[^{}]{0,80}\})?|\\[{}&%$#_]")
_LATEX = LatexNodes2Text(math_mode="text", strict_latex_spaces=True)
_LATEX_FIXUPS = str.maketrans({"ˆ": "^", "˜": "~"})
_NOT_WORD = re.compile(r"[\W_]+")


def _latex_span(match: re.Match[str]) -> str:
    span = match.group(0)
    try:
        text = _LATEX.latex_to_text(span)
    except Exception:  # pylatexenc raises assorted errors on broken input; keep the raw text then
        return span
    return text.translate(_LATEX_FIXUPS).replace("{", "").replace("}", "")


def clean_latex(text: str) -> str:
    """Turn the LaTeX escapes that leak from BibTeX into titles (`F\\textasciicircum3OCUS`) into text.

    Only LaTeX-looking spans are converted, so a literal `%` or `&` elsewhere in a title survives.
    """
    if "\\" not in text and "$" not in text:
        return text
    return _LATEX_SPAN.sub(_latex_span, text)


def squash(text: str) -> str:
    r"""Whitespace runs as one space, none at the ends. `str.split` splits where `\s+` matches (both are
    Unicode whitespace, `tests/test_chunks.py` checks every code point) at a fifth of the cost."""
    return " ".join(text.split())


def clean_title(text: str) -> str:
    """A display title: LaTeX converted, whitespace folded, no trailing period or separator."""
    title = squash(clean_latex(text))
    return title.rstrip(" .,;:·|-–—").strip()


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char) in {"So", "Sk", "Cf", "Co", "Cn", "Mn"} or char in "\ufe0f\u200d"


_HEADING_NOISE = re.compile(r"\{#[^}]*\}|<[^>]+>")
# UTF-8 emoji read as Mac Roman become runs of Latin-1, Greek and symbol characters ("üìë", "üòé").
_GLUED_MOJIBAKE = re.compile(r"^[\u00a0-\u02ff\u0370-\u03ff\u2000-\u22ff\ufb01\ufb02]{2,}(?=[A-Za-z0-9]|$)")
_MOJIBAKE_CHAR = re.compile(r"[\u00a0-\u02ff\u0370-\u03ff\u2000-\u22ff\ufb01\ufb02]")
_HEADING_COUNT = re.compile(r"\(\d+\)\s*$")


def clean_section(text: str) -> str:
    """A heading as a topic name: no emoji (also the mojibake of emoji), counts like `(7)` or `{#anchor}`."""
    text = _HEADING_COUNT.sub("", _HEADING_NOISE.sub("", text).strip())
    words = []
    for word in text.split():
        if word in ("/", "&", "+", "|"):  # separators of a heading's parts (`Image / Video`) stay
            words.append(word)
            continue
        kept = "".join(c for c in word if not _is_symbol(c))
        # Emoji read as Mac Roman leave runs like "üìë" or "‚öôÔ∏è": non-ASCII only, no ASCII letter, and
        # no letter of a script mojibake never makes (`重建)`, `完成！` are words, whatever punctuation).
        if (
            kept
            and not any(c.isascii() and c.isalnum() for c in kept)
            and not kept.isalpha()
            and not any(c.isalpha() and not _MOJIBAKE_CHAR.match(c) for c in kept)
        ):
            continue
        kept = _GLUED_MOJIBAKE.sub("", kept)  # alone ("üìë") or glued to the word ("üòéAwesome")
        if kept:
            words.append(kept)
    return squash(" ".join(words)).strip(" :-–—")


def _small_capitals() -> dict[int, str]:
    """Unicode's small capital letters (a list styling a name `Fᴏᴏ`) as the letters they stand for:
    Unicode gives them no compatibility form, so NFKD alone leaves them apart from `foo`."""
    table = {}
    for block in (range(0x0250, 0x02B0), range(0x1D00, 0x1D80), range(0xA720, 0xA800)):
        for code in block:
            name = unicodedata.name(chr(code), "")
            letter = name.removeprefix("LATIN LETTER SMALL CAPITAL ")
            if letter != name and len(letter) == 1:
                table[code] = letter.lower()
    return table


_SMALL_CAPITALS = _small_capitals()
_BRACES = str.maketrans("", "", "{}")


@lru_cache(maxsize=65536)
def title_key(title: str) -> str:
    """The comparison form of a title: case, accents, small capitals, punctuation, BibTeX braces
    (`{A}daptive`) and LaTeX ignored."""
    text = clean_latex(title).translate(_BRACES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_SMALL_CAPITALS))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return squash(_NOT_WORD.sub(" ", text).lower())
