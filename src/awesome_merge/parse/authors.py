"""Author lists: is a piece of text a run of person names, and which names.

Lists write authors in many ways (`A, B and C`, `Surname, First, et al.`, `A. Author et al.`, BibTeX's
`Last, First and Last, First`, an italic line, a column). One test serves them all: split at the name
separators and ask whether (nearly) every part reads as a person's name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import squash
from .list_evidence import surnames_only

_PREFIX = re.compile(r"^\W*(?:authors?|by|written by|speakers?|presenters?)\b\W*", re.I)
ET_AL = re.compile(r",?\s*\bet\.?\s*al\b\.?", re.I)
_SEPARATOR = re.compile(r"\s*(?:;|,|\band\b|&|\bund\b|、|，)\s*", re.I)
_EQUAL = re.compile(r"[*†‡§¶#∗✉]+|\^\S+|\(\s*equal[^)]*\)", re.I)
# Lowercase words a name may hold (`Oord, Aaron van den`, `Ludwig van Beethoven`, `bin`, `de la`).
_PARTICLES = frozenset(
    "van von der den de del della di da dos du le la ter ten bin ibn al el y zu af st. mac".split()
)
# Words that make a text a title or a sentence, not a name.
_NOT_NAME = frozenset(
    "a an the of on for in with to via by from is are we our using towards toward learning network networks "
    "model models deep neural data based analysis approach method methods paper survey review system "
    "systems language image vision large training".split()
)
# Word endings that make a word a noun or verb of a title, not a name (`Segmenting`, `Adaptation`).
_NOT_NAME_ENDING = re.compile(
    r"(?:\w{6,}ing|\w{3,}(?:tion|tions|ment|ments|ness|ized|ised|ality|ities))$", re.I
)
_INITIAL = re.compile(r"^(?:[A-Z]\.?-?){1,3}$|^[A-Z]\.(?:-?[A-Z]\.)*$")
_MAX_NAMES = 200
_SENTENCE_INSIDE = re.compile(r"[^\W\d_]{2}\.\s")


@lru_cache(maxsize=65536)
def _clean(text: str) -> str:
    text = _PREFIX.sub("", squash(text))
    text = _EQUAL.sub("", text)
    return text.strip(" .,:;*_")


@lru_cache(maxsize=65536)
def _name_ok(name: str) -> bool:
    """A person's name: 1 to 5 words, each capitalised, an initial, or a particle; no digits."""
    words = name.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in name) or len(name) > 60:
        return False
    for word in words:
        bare = word.strip(".()'’\"")
        if not bare:
            return False
        if _INITIAL.match(word.strip("()'’\"")) and (word.endswith(".") or len(bare) <= 3):
            continue
        if bare.lower() in _NOT_NAME or _NOT_NAME_ENDING.search(bare):
            return False
        if bare.lower() in _PARTICLES:
            continue
        first = bare[0]
        if first.islower() or not (first.isalpha()):
            return False
        if not all(ch.isalpha() or ch in ".-'’" for ch in bare):
            return False
    return True


def _parts(text: str) -> list[str]:
    return [p.strip(" .") for p in _SEPARATOR.split(text) if p and p.strip(" .")]


@lru_cache(maxsize=65536)
def _name_parts(text: str) -> tuple[str, ...]:
    """The parts of an author text, `et al.` dropped: memoised, as the reader first asks whether a text
    is names (`looks_like_authors`) and then which (`parse_authors`)."""
    return tuple(_parts(ET_AL.sub("", _clean(text))))


def _join_inverted(parts: list[str]) -> list[str]:
    """`Bengio, Yoshua, Ian J. Goodfellow` and `Chen, Hanting and Wang, Yunhe`: a one-word surname
    followed by given names is one name written surname first."""
    if (len(parts) % 2 or surnames_only()) and all(len(p.split()) == 1 for p in parts):
        return parts  # `Lee, Chen, Park`: an odd run of one-word names cannot pair up; surnames only
    if len(parts) >= 2 and len(parts[0].split()) == 1 and not _INITIAL.match(parts[0]):
        second = parts[1].split()
        if second and all(_INITIAL.match(w.strip(".")) or w[:1].isupper() for w in second):
            inverted = all(len(p.split()) == 1 for p in parts[::2]) and len(parts) % 2 == 0
            if inverted:  # every name written `Last, First`
                return [f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts), 2)]
            return [f"{parts[0]}, {parts[1]}", *parts[2:]]
    return parts


@lru_cache(maxsize=65536)
def looks_like_authors(text: str, *, loose: bool = False) -> bool:
    """True when the text is a list of person names. `loose` accepts a single two-word name (a column
    or an italic line that the list set apart); running text needs two names or `et al.`."""
    cleaned = _clean(text)
    if not cleaned or len(cleaned) > 4000:
        return False
    has_et_al = bool(ET_AL.search(cleaned))
    parts = _name_parts(text)
    if not parts or len(parts) > _MAX_NAMES:
        return False
    good = sum(_name_ok(p) for p in parts)
    if good < len(parts) * 0.85:
        return False
    if len(parts) >= 2 or has_et_al:
        return True
    words = parts[0].split()
    return loose and (len(words) >= 2 or (len(words) == 1 and len(words[0]) >= 2))


def only_names(text: str) -> bool:
    """Every part of the text is a person's name: stricter than `looks_like_authors`, for text that could
    also be a citation of names and a title (`A. Lee, B. Chen, Learning to Widget`)."""
    parts = _name_parts(text)
    if len(parts) < 2 or any(_SENTENCE_INSIDE.search(p) for p in parts):
        return False  # `Star-Net. Ann Lee`: a sentence ends inside, a title before the names
    return all(_name_ok(p) for p in parts)


def parse_authors(text: str) -> list[str]:
    """The names in an author text, in order; `et al.` and contribution marks dropped."""
    names = _join_inverted(list(_name_parts(text)))
    return [n for n in (squash(n).strip(" .,") for n in names) if n and len(n) < 80][:_MAX_NAMES]
