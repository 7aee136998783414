"""The names a paper coins for its work, read from its abstract: what a list's short label repeats.

A list may give a paper only as the name of its method (`FooLoRA`) and link a page no service indexes; the
paper's title may not contain that name at all. Its abstract does, where the authors introduce it: `we
propose Federated Widget Tuning (FooLoRA)`, `a method we call FooLoRA`. Only a name introduced so, in a
sentence where the paper speaks of its own work, counts, and only the first such name of the sentence: an
abstract also names the methods it builds on (`Low-rank adaptation (LoRA) is ...`) or compares with
(`... faster than (FooNet)`), and those are other papers' names.
"""

from __future__ import annotations

import re

from ..match.keys import names_in

# A sentence in which the paper presents its own work, up to the coining verb.
_OWN_WORK = re.compile(
    r"\b(?:we|our|this (?:paper|work|study|article)|here)\b[^.;]*?"
    r"\b(?:propos|present|introduc|develop|design|build|buil|devis|offer|call|dub|nam|term|coin|refer)\w*\b",
    re.IGNORECASE,
)
# A name in parentheses (`Full Name (FooNet)`), or after a naming verb (`dubbed FooNet`, `called FooNet`).
_PARENTHESISED = re.compile(r"\(\s*([A-Za-z][\w.+-]*[\w+])\s*\)")
_NAMED = re.compile(r"\b(?:called|dubbed|named|termed|coined)\s+([A-Za-z][\w.+-]*[\w+])")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
# At most this many names from one abstract: more are a list of baselines or datasets, not the paper's own.
MAX_NAMES = 3


def coined_names(abstract: str) -> tuple[str, ...]:
    """The names the abstract coins, as written, in order; none when it coins more than `MAX_NAMES`."""
    found: list[str] = []
    for sentence in _SENTENCE.split(" ".join(abstract.split())):
        own = _OWN_WORK.search(sentence)
        if own is None:
            continue
        after = sentence[own.end() :]
        matches = sorted((*_PARENTHESISED.finditer(after), *_NAMED.finditer(after)), key=lambda m: m.start())
        name = next((n for m in matches if names_in(n := m.group(1).rstrip("."))), "")
        if name and name not in found:  # the first name after the verb: what follows compares, cites
            found.append(name)
    return tuple(found) if len(found) <= MAX_NAMES else ()
