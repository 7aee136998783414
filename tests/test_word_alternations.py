"""A vocabulary's alternation grouped by first character matches exactly where, and what, the flat one does.

Why it matters to a user: the grouping only makes reading faster. A venue, a code link or a version link
read differently because of it would change merged lists without any change of theirs.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_merge.parse.vocabulary import _BUILT_IN, by_first_character, use_words

# How the reader wraps a vocabulary: whole words, glued years, a whole label, a bare search.
WRAPS = (r"\b(?:{})\b", r"\b(?:{})(?=\b|\d)", r"^[\W_]*(?:{})[\W_]*$", r"(?:{})")


def _spans(pattern: str, flags: int, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


def _same_everywhere(flat: str, texts: list[str]) -> None:
    grouped = by_first_character(flat)
    for wrap in WRAPS:
        for flags in (re.I, 0):
            for text in texts:
                assert _spans(wrap.format(grouped), flags, text) == _spans(wrap.format(flat), flags, text), (
                    wrap,
                    text,
                )


def test_a_word_and_the_longer_word_it_starts_keep_their_order() -> None:
    # `naacl` listed before `naacl-hlt`: the flat alternation takes `naacl` and leaves `-hlt`; so must the
    # grouped one, or `NAACL-HLT 2019` would become another venue label.
    flat = "nips|neurips|naacl|naacl-hlt|acl|aaai"
    grouped = by_first_character(flat)
    assert grouped == "n(?:ips|eurips|aacl|aacl-hlt)|a(?:cl|aai)"
    assert re.sub(rf"\b(?:{grouped})", "#", "NAACL-HLT 2019, ACL", flags=re.I) == "#-HLT 2019, #"
    _same_everywhere(flat, ["NAACL-HLT 2019", "naacl-hltx", "NeurIPS'24 nips2023", "AAAI ACL"])


# `extra` starts one word with a group (`(?:中文)?解读`), so it is left flat.
@pytest.mark.parametrize("vocabulary", ["code", "commentary", "venue", "version"])
def test_each_built_in_vocabulary_matches_as_before(vocabulary: str) -> None:
    assert by_first_character(_BUILT_IN[vocabulary]) != _BUILT_IN[vocabulary]  # grouped, so compared
    texts = [
        "NeurIPS 2023",
        "[ICLR'24] Findings of ACL",
        "Proceedings of the International Conference on Machine Learning",
        "ICML2019 workshop (oral)",
        "[paper](x) [code](y) [arXiv:2401.00001] [PDF] [Project Page] [官网链接] [中文解读]",
        "camera-ready version, semantic scholar, Papers with Code",
        "medium.com twitter.com www.youtube.com x.com",
        "NAACL-HLT, IEEE Trans. on Pattern Analysis",
        "Sat 2024 S&P CCS NDSS",
    ]
    _same_everywhere(_BUILT_IN[vocabulary], texts)


def test_patterns_it_cannot_be_sure_of_are_left_as_they_are() -> None:
    assert by_first_character(_BUILT_IN["extra"]) == _BUILT_IN["extra"]
    for flat in (
        r"c(x)|a(y)|c(z)",  # numbered groups: grouped, `(z)` would become group 2
        r"c(?P<x>x)|a(y)",
        r"\.net|org",  # an escape first
        r"[ab]c|d",  # a class first
        r"a?b|c",  # a first character that may be absent
        r"Ab|ac",  # an upper-case first letter: `A` and `a` overlap when case is ignored
        r"|a",  # an empty alternative
    ):
        assert by_first_character(flat) == flat


def test_a_config_word_still_wins_over_the_built_in_word_it_starts_with() -> None:
    # Config words come first, so `NeurIPS-FL` is taken whole before the built-in `neurips`; taken as
    # `neurips`, the text would leave `FL` over and be no venue label. Grouping must keep that order.
    from awesome_merge.parse import venue

    assert not venue.is_venue_label("NeurIPS-FL 2023")
    use_words(venue=("NeurIPS-FL",))
    try:
        assert venue.is_venue_label("NeurIPS-FL 2023")
    finally:
        use_words()


# Words as the vocabularies write them: letters, then perhaps an optional letter, group or class.
_WORD = st.builds(
    lambda head, tail: re.escape(head) + tail,
    st.text(alphabet="abcn-1", min_size=1, max_size=5).filter(lambda w: w[0] != "-"),
    st.sampled_from(["", "?", "s?", "(?: x| y)?", "[- ]c", "(?:a|b)"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=8), st.lists(st.text(alphabet="abcnABCN-1 xy", max_size=20)))
def test_any_word_list_matches_as_before(words: list[str], texts: list[str]) -> None:
    _same_everywhere("|".join(words), texts)


def test_a_bar_inside_a_class_or_a_group_does_not_split_a_word() -> None:
    flat = r"a[|x]b|c(?:d|e)|a[]|]f|c\|g"
    assert by_first_character(flat) == r"a(?:[|x]b|[]|]f)|c(?:(?:d|e)|\|g)"
    _same_everywhere(flat, ["a|b axb ce cd a]f a|f c|g", "A|B CE"])
