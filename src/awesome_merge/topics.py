"""Source sections ("Parent > Child" trails) to the topics of the unified list.

Two rules with one interface (`Topics`):
- `HeadingTopics` (no `[topics]` in the config): the lists' own top-level headings are the topics, their
  spellings normalised ("2. Surveys" and "Survey" are one topic) and merged across lists; the curator's field
  needs no configuration.
- `KeywordTopics` (`[topics]` in the config): a taxonomy of names and lower-case word stems; the deepest
  part of a trail that contains a stem names the topic.
Both also say which of a list's own subsections a paper is under, so a long topic can keep them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

OTHER = "Other"
TRAIL_SEP = ">"

Taxonomy = tuple[tuple[str, tuple[str, ...]], ...]

_NUMBERING_RE = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVXivx]+\.|[A-Za-z][.)]|\d+\))\s+")
_YEAR_RE = re.compile(r"^\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*$")


def clean_heading(text: str) -> str:
    """A heading as a reader would write it: no numbering, emoji, symbols or stray spaces."""
    kept = "".join(c for c in text if unicodedata.category(c)[0] in "LMNPZ" or c in "&+")
    kept = _NUMBERING_RE.sub("", " ".join(kept.split()))
    return kept.strip(" -–—:·.|*_#")


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "is", "us")):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def heading_key(text: str) -> str:
    """Spellings of one heading to one key: case, punctuation, numbering and plurals ignored."""
    letters = "".join(c if c.isalnum() else " " for c in clean_heading(text).casefold())
    return " ".join(_singular(w) for w in letters.split())


def _parts(trail: str) -> list[str]:
    """The parts of a section trail that can name a topic: years ("2024") only order a list."""
    return [p for p in (clean_heading(x) for x in trail.split(TRAIL_SEP)) if p and not _YEAR_RE.match(p)]


def _rank(votes: dict[str, int], position: dict[str, int]) -> list[str]:
    return sorted(votes, key=lambda t: (-votes[t], position.get(t, len(position)), t))


class Topics:
    """The interface both rules share; `order` is the README's order of topics, `Other` last."""

    order: list[str]
    _placed: dict[str, tuple[str, str]]

    def place(self, trail: str) -> tuple[str, str]:
        """(topic, subsection) of one section trail; "" for what it does not name. Remembered: a list
        repeats a trail for every entry under it."""
        cache = self.__dict__.setdefault("_placed", {})
        if trail not in cache:
            cache[trail] = self._place(trail)
        return cache[trail]

    def _place(self, trail: str) -> tuple[str, str]:
        raise NotImplementedError

    def _positions(self) -> dict[str, int]:
        """Each topic's place in `order`, made once per order (a merge of many lists has thousands of
        topics, and every paper is ranked against them)."""
        made = self.__dict__.get("_position_of")
        if made is None or made[0] is not self.order or made[1] != len(self.order):
            made = (self.order, len(self.order), {name: i for i, name in enumerate(self.order)})
            self.__dict__["_position_of"] = made
        return made[2]

    def title_topic(self, title: str) -> str:
        """A topic named by a paper's title, for papers whose sections name none."""
        return ""

    def topics_of(self, sections: list[str], titles: list[str]) -> list[str]:
        """Topics of one paper, most supported first; sections decide, titles break silence."""
        votes: dict[str, int] = {}
        for topic in (self.place(s)[0] for s in sections):
            if topic:
                votes[topic] = votes.get(topic, 0) + 1
        if not votes:
            for topic in (self.title_topic(t) for t in titles):
                if topic:
                    votes[topic] = votes.get(topic, 0) + 1
        return _rank(votes, self._positions()) or [OTHER]

    def subsections(self, sections: Iterable[str], topic: str) -> list[str]:
        """The lists' own subsections a paper is filed under within `topic`, one per section trail."""
        return [sub for t, sub in (self.place(s) for s in sections) if t == topic and sub]


class KeywordTopics(Topics):
    """A curator's taxonomy (`[topics]`): the deepest part of a trail holding a topic's stem names it."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.order = [name for name, _ in taxonomy] + [OTHER]

    def _named(self, part: str) -> str:
        lowered = part.lower()
        return next((name for name, stems in self.taxonomy if any(s in lowered for s in stems)), "")

    def _place(self, trail: str) -> tuple[str, str]:
        parts = _parts(trail)
        for i in range(len(parts) - 1, -1, -1):
            topic = self._named(parts[i])
            if topic:
                # The list's own heading under the topic: the part after the one naming it, else that part
                # itself when it is a subheading ("Efficiency > LoRA" filed under fine-tuning: "LoRA").
                sub = parts[i + 1] if i + 1 < len(parts) else (parts[i] if i > 0 else "")
                return topic, sub
        return "", ""

    def title_topic(self, title: str) -> str:
        return self._named(title)


# `36.4D Reconstruction`, `1.Other`: a number glued to the heading. Only where the lists number at least
# `NUMBERED_HEADINGS` top-level headings so is it numbering (`2.5D Vision` alone is a name).
_GLUED_NUMBER_RE = re.compile(r"^(\d{1,3})\.\s*(?=\S)")
NUMBERED_HEADINGS = 3


class HeadingTopics(Topics):
    """The lists' own headings as topics: the first part of each trail, spelt as most lists spell it."""

    def __init__(self, trails: Iterable[str]) -> None:
        seen: dict[str, int] = {}  # each distinct trail once: a list repeats one for every entry under it
        for trail in trails:
            seen[trail] = seen.get(trail, 0) + 1
        firsts = [parts[0] for parts in map(_parts, seen) if parts]
        numbers = {m.group(1) for m in map(_GLUED_NUMBER_RE.match, firsts) if m}
        self.numbered = len(numbers) >= NUMBERED_HEADINGS
        spellings: dict[str, dict[str, int]] = {}
        number_of: dict[str, int] = {}
        for trail, n in seen.items():
            for part in self._parts(trail)[:1]:
                counts = spellings.setdefault(heading_key(part), {})
                counts[part] = counts.get(part, 0) + n
        if self.numbered:
            for raw in firsts:
                m = _GLUED_NUMBER_RE.match(raw)
                if m:
                    number_of.setdefault(heading_key(raw[m.end() :]), int(m.group(1)))
        # The most common spelling names the topic; on a tie the one with more capitals (Title Case).
        self.names = {
            key: min(counts, key=lambda s: (-counts[s], -sum(map(str.isupper, s)), s))
            for key, counts in spellings.items()
        }
        # Topics in the order the lists first name them (sources by name, then line): the curators' order;
        # headings a list numbers in the order of their numbers, as its own table of contents has them.
        first = [*dict.fromkeys(n for n in self.names.values() if n != OTHER)]
        if number_of:
            key_of = {name: key for key, name in self.names.items()}
            numbered = sorted(
                (n for n in first if key_of[n] in number_of), key=lambda n: number_of[key_of[n]]
            )
            slots = iter(numbered)
            first = [next(slots) if key_of[n] in number_of else n for n in first]
        self.order = [*first, OTHER]

    def _parts(self, trail: str) -> list[str]:
        parts = _parts(trail)
        if self.numbered and parts:
            parts[0] = _GLUED_NUMBER_RE.sub("", parts[0]) or parts[0]
        return parts

    def _place(self, trail: str) -> tuple[str, str]:
        parts = self._parts(trail)
        if not parts:
            return "", ""
        topic = self.names.get(heading_key(parts[0]), parts[0])
        return topic, parts[1] if len(parts) > 1 else ""


def topic_rules(taxonomy: Taxonomy | None, trails: Iterable[str]) -> Topics:
    """The config's taxonomy when it has one, else the lists' own headings."""
    return KeywordTopics(taxonomy) if taxonomy else HeadingTopics(trails)


def paper_topics(sections: list[str], titles: list[str], taxonomy: Topics | Taxonomy) -> list[str]:
    """Topics of one paper (a taxonomy given as a tuple is read as `KeywordTopics`)."""
    rules = taxonomy if isinstance(taxonomy, Topics) else _keyword_topics(taxonomy)
    return rules.topics_of(sections, titles)


@lru_cache(maxsize=16)
def _keyword_topics(taxonomy: Taxonomy) -> KeywordTopics:
    return KeywordTopics(taxonomy)
